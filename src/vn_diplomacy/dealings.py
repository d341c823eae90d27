"""The records of Vietnam's dealings with its partners: people, engagements, trade, agreements and claims.

Frozen pydantic models, like those of `vn_diplomacy.models`, kept apart from them because they refer to
partners: the bundled data builds their schemas and validates their files only when one of their
collections is first used, so a first question about partners does not pay for them. No I/O here.
"""

# No `from __future__ import annotations`, as in vn_diplomacy.models (pydantic would evaluate text annotations).
import datetime
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from types import MappingProxyType
from typing import Final

from pydantic import BaseModel, Field, model_validator

from vn_diplomacy.dates import PartialDate
from vn_diplomacy.loading import CollectionName
from vn_diplomacy.models import Evidence, Partner, Record, Source, require_day

__all__ = [
    "MODELS",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Claim",
    "Engagement",
    "EngagementKind",
    "EngagementStatus",
    "Person",
    "Role",
    "TradeFigure",
]


# --- people ------------------------------------------------------------------------------------


class Role(BaseModel, frozen=True, extra="forbid"):
    """A title a person held, on the date an article gives it."""

    title: str = Field(min_length=1, description="The title as the article writes it.")
    entity: str = Field(description="The country or organisation the role belongs to: a partner id, or VN for Vietnam.")
    as_of: PartialDate = Field(description="The date the article states the person held the role.")
    evidence: tuple[Evidence, ...] = Field(min_length=1, description="The quotes the role is taken from.")


class Person(Record, frozen=True):
    """A person who takes part in Vietnam's foreign relations in the articles."""

    name: str = Field(min_length=1, description="The full name, with Vietnamese diacritics where known.")
    aliases: tuple[str, ...] = Field(default=(), description="Other ways the articles write the name.")
    country: str = Field(description="The country or organisation the person acts for: a partner id, or VN.")
    roles: tuple[Role, ...] = Field(
        min_length=1, description="The person's titles, oldest first, as the articles date them."
    )

    @model_validator(mode="after")
    def _ordered(self) -> "Person":
        if len(self.roles) < 2:  # likewise
            return self
        keys = [(role.as_of.earliest, role.as_of.latest) for role in self.roles]
        if keys != sorted(keys):
            raise ValueError("roles must be ordered by their as_of dates")
        return self

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def references(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.country, *(role.entity for role in self.roles))))

    @property
    def title(self) -> str:
        """The latest title the articles give."""
        return self.roles[-1].title

    def roles_on(self, day: datetime.date) -> tuple[Role, ...]:
        """The roles an article states the person held on `day` (roles are dated, not ranged).

        Raises:
            TypeError: `day` is not a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> [role.title for role in vd.people.get("bui-thanh-son").roles_on(datetime.date(2024, 3, 18))]
            ['Minister of Foreign Affairs']
        """
        require_day(day, "day")
        return tuple(role for role in self.roles if role.as_of.contains(day))


# --- engagements -------------------------------------------------------------------------------


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

    title: str = Field(min_length=1, description="A short unique description, e.g. 'Bui Thanh Son meets Marco Rubio'.")
    kind: EngagementKind = Field(description="What sort of engagement.")
    status: EngagementStatus = Field(default=EngagementStatus.HELD, description="Held, or planned when reported.")
    start: PartialDate = Field(description="The first day (or the month or year) of the engagement.")
    end: PartialDate | None = Field(
        default=None, description="The last day of a multi-day engagement; None for one day."
    )
    partners: tuple[str, ...] = Field(default=(), description="The ids of the partners Vietnam engaged with.")
    people: tuple[str, ...] = Field(default=(), description="The ids of the people who took part.")
    location: str | None = Field(default=None, description="Where it took place, as the article says.")
    occasion: str | None = Field(default=None, description="The larger event or anniversary it was part of.")
    discussed: tuple[str, ...] = Field(default=(), description="What was discussed, in the articles' words.")
    agreed: tuple[str, ...] = Field(default=(), description="What was agreed or decided, in the articles' words.")

    @model_validator(mode="after")
    def _ordered(self) -> "Engagement":
        if self.end is not None and self.end.earliest < self.start.earliest:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    def names(self) -> tuple[str, ...]:
        return (self.title,)

    def references(self) -> tuple[str, ...]:
        return (*self.partners, *self.people)

    def span(self) -> tuple[datetime.date, datetime.date]:
        last = self.start if self.end is None else self.end
        return (self.start.earliest, last.latest)


# --- trade -------------------------------------------------------------------------------------


class TradeFigure(Record, frozen=True):
    """A trade or economic figure, or a rank, for a period."""

    metric: str = Field(min_length=1, description="What is measured, e.g. 'bilateral trade turnover'.")
    partner: str | None = Field(default=None, description="The partner id the figure concerns, if one.")
    value: Decimal = Field(description="The value in base units: 88000000000, not 88 (billion).")
    unit: str = Field(min_length=1, description="The unit of `value`: a currency code such as USD, or 'rank'.")
    period_start: datetime.date = Field(description="The first day of the period the figure covers.")
    period_end: datetime.date = Field(description="The last day of the period the figure covers.")
    qualifier: str | None = Field(default=None, description="A hedge on the value as written, e.g. 'nearly'.")
    change_percent: Decimal | None = Field(
        default=None, description="The change in percent, e.g. 22 for 'an increase of 22%'."
    )
    change: Decimal | None = Field(
        default=None, description="The change in the unit of `value`; for a rank, -2 means two places higher."
    )
    compared_with: str | None = Field(default=None, description="What the change is measured against, as written.")

    @model_validator(mode="after")
    def _ordered(self) -> "TradeFigure":
        if self.period_end < self.period_start:
            raise ValueError(f"period_end {self.period_end} is before period_start {self.period_start}")
        return self

    def names(self) -> tuple[str, ...]:
        return ()

    def references(self) -> tuple[str, ...]:
        return () if self.partner is None else (self.partner,)

    def span(self) -> tuple[datetime.date, datetime.date]:
        return (self.period_start, self.period_end)


# --- agreements --------------------------------------------------------------------------------


class AgreementKind(Enum):
    """What sort of instrument."""

    CONVENTION = "convention"
    CHARTER = "charter"
    DECLARATION = "declaration"
    CODE_OF_CONDUCT = "code-of-conduct"
    FREE_TRADE_AGREEMENT = "free-trade-agreement"
    INVESTMENT_AGREEMENT = "investment-agreement"
    MEMORANDUM = "memorandum"
    JOINT_STATEMENT = "joint-statement"
    AGREEMENT = "agreement"
    DOCUMENT_SET = "document-set"


class AgreementStatus(Enum):
    """Where an instrument stood when the latest article that speaks of it was written."""

    IN_FORCE = "in-force"
    SIGNED = "signed"
    PENDING_RATIFICATION = "pending-ratification"
    UNDER_NEGOTIATION = "under-negotiation"
    PROPOSED = "proposed"


class Agreement(Record, frozen=True):
    """A treaty, agreement, memorandum, declaration or joint statement."""

    name: str = Field(min_length=1, description="The full name as the articles give it.")
    short_name: str | None = Field(default=None, description="The abbreviation the articles use, e.g. 'UNCLOS'.")
    aliases: tuple[str, ...] = Field(default=(), description="Other names it goes by in the articles.")
    kind: AgreementKind = Field(description="What sort of instrument.")
    parties: tuple[str, ...] = Field(
        default=(), description="The ids of the parties (VN for Vietnam); empty for a multilateral instrument."
    )
    status: AgreementStatus = Field(description="Its status as of `status_as_of`.")
    status_as_of: PartialDate = Field(description="The date the status is stated for.")
    date: PartialDate | None = Field(
        default=None, description="When it was signed, adopted or agreed, if the articles say."
    )
    note: str | None = Field(default=None, description="What the articles say of it besides its status.")

    def names(self) -> tuple[str, ...]:
        short = () if self.short_name is None else (self.short_name,)
        return (self.name, *short, *self.aliases)

    def references(self) -> tuple[str, ...]:
        return self.parties

    def span(self) -> tuple[datetime.date, datetime.date] | None:
        return None if self.date is None else (self.date.earliest, self.date.latest)


# --- claims ------------------------------------------------------------------------------------


class Claim(Record, frozen=True):
    """An aggregate statement of an article, such as 'seven comprehensive strategic partners'."""

    statement: str = Field(min_length=1, description="The claim in plain words.")
    value: Decimal | None = Field(default=None, description="The number the claim gives, if any.")
    unit: str | None = Field(default=None, description="What `value` counts, e.g. 'countries'.")
    as_of: PartialDate = Field(description="The date the claim speaks of.")
    partners: tuple[str, ...] = Field(default=(), description="The ids of the partners the claim names or implies.")

    def references(self) -> tuple[str, ...]:
        return self.partners

    def span(self) -> tuple[datetime.date, datetime.date]:
        return (self.as_of.earliest, self.as_of.latest)


MODELS: Final[Mapping[CollectionName, type[Record]]] = MappingProxyType(
    {
        "sources": Source,
        "partners": Partner,
        "people": Person,
        "engagements": Engagement,
        "trade": TradeFigure,
        "agreements": Agreement,
        "claims": Claim,
    }
)
"""The record class of each collection, in loading order; read-only."""
