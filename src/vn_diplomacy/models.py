"""The records of the dataset: frozen pydantic models and the enums they use; no I/O here."""

# No `from __future__ import annotations` here, unlike the other modules: pydantic would then compile and
# evaluate each field's annotation from its text as the classes are built (~2 ms of every first answer).
# Methods that name their own class quote it.
import datetime
from decimal import Decimal
from enum import Enum
from functools import total_ordering
from typing import Final

from pydantic import BaseModel, Field, model_validator

from vn_diplomacy.dates import PartialDate

__all__ = [
    "VIETNAM",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Claim",
    "Engagement",
    "EngagementKind",
    "EngagementStatus",
    "Evidence",
    "FactKind",
    "Partner",
    "PartnerFact",
    "PartnerKind",
    "Person",
    "Record",
    "RelationsEvent",
    "RelationsKind",
    "Role",
    "Source",
    "Tier",
    "TierChange",
    "TradeFigure",
]

VIETNAM: Final = "VN"
"""The id that stands for Vietnam itself wherever a partner id is expected (roles, parties)."""


def _require_type(value: object, expected: type, name: str, example: str) -> None:
    if not isinstance(value, expected) or (expected is datetime.date and isinstance(value, datetime.datetime)):
        raise TypeError(
            f"{name} must be a {expected.__module__}.{expected.__qualname__}, e.g. {example}; got {value!r}"
        )


def require_day(value: object, name: str) -> datetime.date:
    """Check that `value` is a `datetime.date` (not a datetime, not a string) and return it."""
    _require_type(value, datetime.date, name, "datetime.date(2024, 3, 19)")
    assert isinstance(value, datetime.date)
    return value


class Evidence(BaseModel, frozen=True, extra="forbid"):
    """A verbatim quote from one of the source articles that states (or implies) a fact."""

    source: str = Field(min_length=1, description="The id of the source article the quote comes from.")
    quote: str = Field(min_length=1, description="Text copied character for character from the article.")


class Record(BaseModel, frozen=True, extra="forbid"):
    """What every record has: a stable id and the evidence behind it."""

    id: str = Field(min_length=1, description="The record's stable id, unique within its collection.")
    evidence: tuple[Evidence, ...] = Field(
        min_length=1, description="The quotes the record is taken from; never empty."
    )

    def names(self) -> tuple[str, ...]:
        """The names `lookup()` matches besides the id.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.partners.get("VA").names()
            ('Holy See', 'Vatican', 'The Holy See')
        """
        return ()

    def references(self) -> tuple[str, ...]:
        """The partner and person ids the record involves, for `involving()`.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.engagements.get("2025-07-11-son-rubio").references()
            ('US', 'bui-thanh-son', 'marco-rubio')
        """
        return ()

    def span(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last day the record speaks of, for `between()`; None when it has no date.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.engagements.get("2025-07-11-son-rubio").span()
            (datetime.date(2025, 7, 11), datetime.date(2025, 7, 11))
            >>> vd.agreements.get("evipa").span() is None
            True
        """
        return None


# --- sources -----------------------------------------------------------------------------------


class Source(Record, frozen=True):
    """One source article."""

    title: str | None = Field(description="The article's headline, when the text gives one.")
    publisher: str | None = Field(description="Who published the article, as the text names it; None when it does not.")
    published: PartialDate = Field(
        description="When the article was published (inferred where the text gives no date)."
    )
    url: str | None = Field(default=None, description="Where the article was published, when the text gives it.")
    file: str = Field(description="The file name of the article's text in the corpus the quotes are checked against.")

    def names(self) -> tuple[str, ...]:
        return () if self.title is None else (self.title,)

    def span(self) -> tuple[datetime.date, datetime.date]:
        return (self.published.earliest, self.published.latest)


# --- partners and tiers ------------------------------------------------------------------------


@total_ordering  # the other comparisons follow from __lt__ and identity
class Tier(Enum):
    """A tier of Vietnam's partnership frameworks, ordered `COMPREHENSIVE < STRATEGIC < COMPREHENSIVE_STRATEGIC`."""

    COMPREHENSIVE = "comprehensive"
    STRATEGIC = "strategic"
    COMPREHENSIVE_STRATEGIC = "comprehensive-strategic"

    @property
    def rank(self) -> int:
        """1 for comprehensive, 2 for strategic, 3 for comprehensive strategic."""
        return _TIER_RANK[self]

    @property
    def label(self) -> str:
        """The tier as prose, e.g. "comprehensive strategic partnership"."""
        return self.value.replace("-", " ") + " partnership"

    def __lt__(self, other: "Tier") -> bool:
        # `other: Tier` lets checkers reject `Tier.STRATEGIC < "strategic"`; the guard serves untyped callers.
        if not isinstance(other, Tier):  # pyright: ignore[reportUnnecessaryIsInstance]
            return NotImplemented
        return self.rank < other.rank


_TIER_RANK: Final = {Tier.COMPREHENSIVE: 1, Tier.STRATEGIC: 2, Tier.COMPREHENSIVE_STRATEGIC: 3}


class PartnerKind(Enum):
    """What sort of counterpart a partner is."""

    STATE = "state"
    ORGANISATION = "organisation"


class TierChange(BaseModel, frozen=True, extra="forbid"):
    """A partnership framework at one tier: when it was set up, or from when an article attests it."""

    tier: Tier = Field(description="The tier of the framework.")
    name: str | None = Field(default=None, description="The framework's full name as an article gives it.")
    date: PartialDate | None = Field(
        default=None, description="When the framework was set up, where an article says so."
    )
    attested: PartialDate | None = Field(
        default=None,
        description="The earliest date an article speaks of the framework as in force; used when `date` is unknown.",
    )
    inference: str | None = Field(
        default=None, min_length=1, description="Why the tier itself is inferred, when no article names it outright."
    )
    evidence: tuple[Evidence, ...] = Field(min_length=1, description="The quotes the change is taken from.")

    @model_validator(mode="after")
    def _dated(self) -> "TierChange":
        if self.date is None and self.attested is None:
            raise ValueError("a tier change needs a 'date' (when it was set up) or an 'attested' date")
        return self

    @property
    def effective_from(self) -> datetime.date:
        """The first day the tier is known to be in force: the latest day `date` can mean, else that of `attested`."""
        known = self.date if self.date is not None else self.attested
        assert known is not None  # guaranteed by the validator
        return known.latest


class RelationsKind(Enum):
    """A milestone of diplomatic relations."""

    ESTABLISHED = "established"
    NORMALISED = "normalised"


class RelationsEvent(BaseModel, frozen=True, extra="forbid"):
    """Diplomatic relations established or normalised with a partner."""

    kind: RelationsKind = Field(description="Whether relations were established or normalised.")
    date: PartialDate = Field(description="When; often counted back from an anniversary, and then marked inferred.")
    evidence: tuple[Evidence, ...] = Field(min_length=1, description="The quotes the milestone is taken from.")


class FactKind(Enum):
    """What a partner fact says."""

    BREAKTHROUGH = "breakthrough"
    """A field where Vietnam targets a breakthrough with the partner."""
    PRIORITY = "priority"
    """A priority of the relationship."""
    DIALOGUE_MECHANISM = "dialogue-mechanism"
    """A standing dialogue or cooperation mechanism."""
    COOPERATION_AREA = "cooperation-area"
    """A field of cooperation named for the relationship."""
    CHARACTERISATION = "characterisation"
    """How one side describes the relationship or the other side."""
    MILESTONE = "milestone"
    """A one-off step in the relationship that is not a meeting."""


class PartnerFact(BaseModel, frozen=True, extra="forbid"):
    """Something an article says about Vietnam's relationship with one partner."""

    kind: FactKind = Field(description="What the fact says.")
    text: str = Field(min_length=1, description="The fact in a few words, e.g. 'semiconductor industry'.")
    as_of: PartialDate | None = Field(default=None, description="When the fact held, where it can be dated.")
    evidence: tuple[Evidence, ...] = Field(min_length=1, description="The quotes the fact is taken from.")


class Partner(Record, frozen=True):
    """A country or organisation that appears as Vietnam's counterpart."""

    name: str = Field(min_length=1, description="The common English name.")
    kind: PartnerKind = Field(description="State or organisation.")
    aliases: tuple[str, ...] = Field(default=(), description="Other names the articles or common usage give it.")
    relations: tuple[RelationsEvent, ...] = Field(
        default=(), description="When diplomatic relations were established or normalised, where the articles tell."
    )
    tier_history: tuple[TierChange, ...] = Field(
        default=(), description="The partnership frameworks, oldest first, as the articles date them."
    )
    facts: tuple[PartnerFact, ...] = Field(
        default=(),
        description="Priorities, breakthrough fields, dialogue mechanisms and other facts of the relationship.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> "Partner":
        if len(self.tier_history) < 2:  # most partners: nothing to order, no dates to work out
            return self
        froms = [change.effective_from for change in self.tier_history]
        if froms != sorted(froms):
            raise ValueError("tier_history must be ordered by the day each change takes effect")
        return self

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def relations_established(self) -> PartialDate | None:
        """When diplomatic relations were first established or normalised, if the articles say or imply it."""
        dates = [event.date for event in self.relations]
        # The earliest; between equal dates, a stated one before an inferred one.
        return min(dates, key=lambda d: (d.earliest, d.latest, d.is_inferred)) if dates else None

    @property
    def tier(self) -> Tier | None:
        """The latest tier the articles know of, or None if they give none."""
        return self.tier_history[-1].tier if self.tier_history else None

    def tier_on(self, day: datetime.date) -> Tier | None:
        """The tier known to be in force on `day`.

        A change counts from the latest day its date can mean (a change dated "2023" counts
        from 31 December 2023); an undated one from the latest day of the earliest date an
        article attests it.

        Args:
            day: The day asked about.

        Returns:
            The tier, or None when the articles know of none in force on that day.

        Raises:
            TypeError: `day` is not a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> vd.partners.get("US").tier_on(datetime.date(2020, 1, 1))
            <Tier.COMPREHENSIVE: 'comprehensive'>
        """
        require_day(day, "day")
        current: Tier | None = None
        for change in self.tier_history:
            if change.effective_from > day:
                break
            current = change.tier
        return current


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
