"""Meetings, visits, calls, sessions, conferences, summits and the like."""

import datetime
from enum import Enum

from pydantic import Field, model_validator

from vn_diplomacy.dates import PartialDate
from vn_diplomacy.records.base import PartnerId, PersonId, Record, Text
from vn_diplomacy.records.statement import Statement

__all__ = ["Engagement", "EngagementKind", "EngagementStatus"]


class EngagementKind(Enum):
    """What sort of engagement."""

    MEETING = "meeting"
    TALKS = "talks"
    VISIT = "visit"
    PHONE_CALL = "phone-call"
    SESSION = "session"
    CONFERENCE = "conference"
    SUMMIT = "summit"
    PRESS_CONFERENCE = "press-conference"
    EXCHANGE = "exchange"
    CELEBRATION = "celebration"
    STATEMENT = "statement"


class EngagementStatus(Enum):
    """Whether the engagement had happened when the article reported it."""

    HELD = "held"
    PLANNED = "planned"


class Engagement(Record, frozen=True):
    """A meeting, visit, phone call, session, conference, summit or similar event."""

    title: Text = Field(description="A short unique description, e.g. 'Bui Thanh Son meets Marco Rubio'.")
    kind: EngagementKind = Field(description="What sort of engagement.")
    status: EngagementStatus = Field(default=EngagementStatus.HELD, description="Held, or planned when reported.")
    start: PartialDate = Field(description="The first day (or the month or year) of the engagement.")
    end: PartialDate | None = Field(
        default=None, description="The last day of a multi-day engagement; None for one day."
    )
    partners: tuple[PartnerId, ...] = Field(default=(), description="The ids of the partners Vietnam engaged with.")
    people: tuple[PersonId, ...] = Field(default=(), description="The ids of the people who took part.")
    location: Text | None = Field(default=None, description="Where it took place, as the article says.")
    occasion: Text | None = Field(default=None, description="The larger event or anniversary it was part of.")
    discussed: tuple[Statement, ...] = Field(
        default=(), description="The matters discussed, reviewed or briefed on, each with its quotes."
    )
    agreed: tuple[Statement, ...] = Field(
        default=(), description="What the article says both sides agreed, decided or committed to, with quotes."
    )
    proposed: tuple[Statement, ...] = Field(
        default=(), description="Proposals, suggestions, requests and invitations by one side, with quotes."
    )
    stated: tuple[Statement, ...] = Field(
        default=(), description="Views, assessments and affirmations by one side or both (not agreements), with quotes."
    )

    @model_validator(mode="after")
    def _ordered(self) -> "Engagement":
        # The end may be coarser than the start ("2025-07-11" to "2025-07"): wrong only when no day it can
        # mean is on or after the start's first day.
        if self.end is not None and self.end.latest < self.start.earliest:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    def names(self) -> tuple[str, ...]:
        return (self.title,)

    def span(self) -> tuple[datetime.date, datetime.date]:
        last = self.start if self.end is None else self.end
        return (self.start.earliest, last.latest)
