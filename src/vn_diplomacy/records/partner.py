"""Partners (states and organisations), their partnership tiers over time, relations and facts; and the
partners collection, with its queries by tier."""

import datetime
from enum import Enum
from typing import Final, NamedTuple

from pydantic import BaseModel, Field, model_validator

from vn_diplomacy.collection import Collection
from vn_diplomacy.dates import PartialDate
from vn_diplomacy.errors import NotFound
from vn_diplomacy.records.base import Evidence, Item, Record, Text, require_day
from vn_diplomacy.records.tier import Tier

__all__ = [
    "Basis",
    "FactKind",
    "Partner",
    "PartnerCollection",
    "PartnerFact",
    "PartnerKind",
    "RelationsEvent",
    "RelationsKind",
    "Tier",
    "TierAnswer",
    "TierChange",
]


class PartnerKind(Enum):
    """What sort of counterpart a partner is."""

    STATE = "state"
    ORGANISATION = "organisation"


class TierChange(BaseModel, frozen=True, extra="forbid"):
    """A partnership framework at one tier: when it was set up, or from when an article attests it."""

    tier: Tier = Field(description="The tier of the framework.")
    name: Text | None = Field(default=None, description="The framework's full name as an article gives it.")
    date: PartialDate | None = Field(
        default=None, description="When the framework was set up, where an article says so."
    )
    attested: PartialDate | None = Field(
        default=None,
        description="The earliest date an article speaks of the framework as in force; used when `date` is unknown.",
    )
    inference: Text | None = Field(
        default=None, description="Why the tier itself is inferred, when no article names it outright."
    )
    evidence: tuple[Evidence, ...] = Field(min_length=1, description="The quotes the change is taken from.")

    @model_validator(mode="after")
    def _dated(self) -> "TierChange":
        if self.date is None and self.attested is None:
            raise ValueError("a tier change needs a 'date' (when it was set up) or an 'attested' date")
        return self

    @property
    def effective_from(self) -> datetime.date:
        """The first day the tier is known to be in force.

        A set-up or upgrade that an article dates counts from the latest day its date can mean ("2013": from
        31 December 2013). An attestation counts from the earliest day of what it describes: one of a period
        (an article's review of 2023) covers the whole period, one of a day covers that day and after.
        """
        if self.date is not None:
            return self.date.latest
        assert self.attested is not None  # guaranteed by the validator
        return self.attested.earliest

    @property
    def basis(self) -> "Basis":
        """How the change is known: `INFERRED` when the tier itself is deduced (see `inference`), else `STATED`
        when an article dates the set-up, else `ATTESTED`. Whether its date is inferred, the date says."""
        if self.inference is not None:
            return Basis.INFERRED
        return Basis.STATED if self.date is not None else Basis.ATTESTED


class Basis(Enum):
    """How an answer about a day is known."""

    STATED = "stated"
    """An article states the set-up or upgrade, and dates it."""
    ATTESTED = "attested"
    """An article says the tier was in force then, without saying when it began."""
    INFERRED = "inferred"
    """Deduced, not read: the tier itself is inferred (e.g. the UK's, from "all permanent members" of the UN
    Security Council); `TierChange.inference` says why. A stated or attested tier whose date is inferred keeps its
    basis, and its date says it is inferred."""
    UNKNOWN = "unknown"
    """Nothing is known of that day: no article speaks of a tier in force by then. Not "no tier"."""


class TierAnswer(NamedTuple):
    """A partner's tier on one day, and how it is known (see `Partner.tier_as_of`)."""

    day: datetime.date
    """The day asked about."""
    tier: "Tier | None"
    """The tier in force that day; None when nothing is known (`basis` is `UNKNOWN`)."""
    basis: Basis
    """How the answer is known."""
    since: PartialDate | None
    """The date the answer rests on: the change's set-up date, or its attested date; None when unknown."""
    evidence: tuple[Evidence, ...]
    """The quotes the answer rests on; empty when unknown."""


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
    text: Text = Field(description="The fact in a few words, e.g. 'semiconductor industry'.")
    as_of: PartialDate | None = Field(default=None, description="When the fact held, where it can be dated.")
    evidence: tuple[Evidence, ...] = Field(min_length=1, description="The quotes the fact is taken from.")


class Partner(Record, frozen=True):
    """A country or organisation that appears as Vietnam's counterpart."""

    name: Text = Field(description="The common English name.")
    kind: PartnerKind = Field(description="State or organisation.")
    aliases: tuple[Item, ...] = Field(
        default=(),
        description="Other names the articles or common usage give it: Vietnamese names, ISO 3166 alpha-3 codes.",
    )
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

    def tier_as_of(self, day: datetime.date) -> TierAnswer:
        """The tier in force on `day`, how that is known, the date it rests on and its quotes.

        The rules: a set-up or upgrade an article dates counts from the latest day its date can mean (one
        dated "2023" from 31 December 2023); an attestation of a period counts from that period's first day
        (an article's review of 2023 from 1 January 2023), one of a day from that day; each holds until a
        later change. Before anything is known the answer's basis is `Basis.UNKNOWN` and its tier None: the
        articles do not say the partner had no tier then.

        Raises:
            TypeError: `day` is not a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> answer = vd.partners.get("IN").tier_as_of(datetime.date(2023, 6, 1))
            >>> answer.tier, answer.basis, str(answer.since)
            (<Tier.COMPREHENSIVE_STRATEGIC: 'comprehensive-strategic'>, <Basis.ATTESTED: 'attested'>, '2023')
        """
        require_day(day, "day")
        current: TierChange | None = None
        for change in self.tier_history:
            if change.effective_from > day:
                break
            current = change
        if current is None:
            return TierAnswer(day, None, Basis.UNKNOWN, None, ())
        since = current.date if current.date is not None else current.attested
        return TierAnswer(day, current.tier, current.basis, since, current.evidence)

    def tier_on(self, day: datetime.date) -> Tier | None:
        """The tier in force on `day` by the rules of `tier_as_of`; None when nothing is known of that day.

        Raises:
            TypeError: `day` is not a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> vd.partners.get("US").tier_on(datetime.date(2020, 1, 1))
            <Tier.COMPREHENSIVE: 'comprehensive'>
        """
        return self.tier_as_of(day).tier


VIETNAM_NAMES: Final = frozenset({"vn", "vnm", "vietnam", "viet nam", "socialist republic of vietnam"})
"""What Vietnam is called, folded (`normalize`): the subject of every article, never one of its partners."""


class PartnerCollection(Collection[Partner]):
    """The partners, with queries by tier."""

    __slots__ = ()

    def find(self, text: str) -> Partner | None:
        """What `lookup` finds, or None; a country the data names otherwise is found by its CLDR name too.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.partners.find("Türkiye").id, vd.partners.find("Germany")
            ('TR', None)
        """
        found = super().find(text)
        if found is None and text.strip():
            from vn_diplomacy.countries import country  # noqa: PLC0415  # only on a miss

            known = country(text)
            if known is not None and known[0] in self:
                return self.get(known[0])
        return found

    def _not_found(self, key: str, how: str) -> NotFound:
        from vn_diplomacy.countries import country  # noqa: PLC0415  # only on a miss
        from vn_diplomacy.text import normalize  # noqa: PLC0415  # likewise

        if normalize(key) in VIETNAM_NAMES:
            note = (
                "Vietnam is the subject of the articles, not one of its partners; where a party or a role's "
                "country is Vietnam, the data writes VN"
            )
            return NotFound(self.kind, key, how=how, note=note)
        known = country(key)
        if known is not None:
            note = f"the articles do not mention {known[1]} ({known[0]}) as a partner of Vietnam"
            return NotFound(self.kind, key, how=how, note=note)
        return super()._not_found(key, how)

    def with_tier(self, tier: Tier, on: datetime.date | None = None) -> tuple[Partner, ...]:
        """The partners at exactly `tier` on the day `on` (the latest known tier when `on` is None).

        Raises:
            TypeError: `tier` is not a `Tier`, or `on` is neither None nor a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> from vn_diplomacy import Tier
            >>> "US" in [p.id for p in vd.partners.with_tier(Tier.COMPREHENSIVE, on=datetime.date(2020, 1, 1))]
            True
        """
        if not isinstance(tier, Tier):  # pyright: ignore[reportUnnecessaryIsInstance]  # guards untyped callers
            raise TypeError(f"tier must be a vn_diplomacy.Tier, e.g. Tier.STRATEGIC; got {tier!r}")
        if on is None:
            return tuple(p for p in self if p.tier is tier)
        require_day(on, "on")
        return tuple(p for p in self if p.tier_on(on) is tier)
