"""What users see of the records, their fields and their enums: checked by mypy and pyright, never run."""

# mypy: disallow-any-expr

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Literal

from typing_extensions import assert_type

import vn_diplomacy as vd
from vn_diplomacy import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Claim,
    Discrepancy,
    Engagement,
    EngagementKind,
    EngagementStatus,
    Evidence,
    FactKind,
    PartialDate,
    Partner,
    PartnerFact,
    PartnerKind,
    Person,
    RelationsEvent,
    RelationsKind,
    Role,
    Source,
    Statement,
    Tier,
    TierChange,
    TradeFigure,
)

day = datetime.date(2024, 3, 19)

# Every record: id, evidence, and the three hooks the collections use.
record = vd.claims.get("x")
assert_type(record.id, str)
assert_type(record.evidence, tuple[Evidence, ...])
assert_type(record.names(), tuple[str, ...])
assert_type(record.references(), tuple[str, ...])
assert_type(vd.agreements.get("x").span(), tuple[datetime.date, datetime.date] | None)
assert_type(vd.engagements.get("x").span(), tuple[datetime.date, datetime.date])

evidence = record.evidence[0]
assert_type(evidence.source, str)
assert_type(evidence.quote, str)
assert_type(Evidence(source="s", quote="q", start=0, end=1), Evidence)

source = vd.sources.get("x")
assert_type(source, Source)
assert_type(source.title, str | None)
assert_type(source.publisher, str | None)
assert_type(source.published, PartialDate)
assert_type(source.url, str)
assert_type(source.sha256, str)
assert_type(source.file, str)

# Partners, their tiers, relations and facts.
us = vd.partners.get("US")
assert_type(us.name, str)
assert_type(us.kind, PartnerKind)
assert_type(us.aliases, tuple[str, ...])
assert_type(us.tier, Tier | None)
assert_type(us.tier_on(day), Tier | None)
assert_type(us.relations_established, PartialDate | None)
assert_type(us.relations, tuple[RelationsEvent, ...])
assert_type(us.tier_history, tuple[TierChange, ...])
assert_type(us.facts, tuple[PartnerFact, ...])

change = us.tier_history[0]
assert_type(change.tier, Tier)
assert_type(change.name, str | None)
assert_type(change.date, PartialDate | None)
assert_type(change.attested, PartialDate | None)
assert_type(change.inference, str | None)
assert_type(change.effective_from, datetime.date)
assert_type(change.evidence, tuple[Evidence, ...])

event = us.relations[0]
assert_type(event.kind, RelationsKind)
assert_type(event.date, PartialDate)

fact = us.facts[0]
assert_type(fact.kind, FactKind)
assert_type(fact.text, str)
assert_type(fact.as_of, PartialDate | None)

# Tier is ordered and has a rank and a label.
assert_type(Tier.COMPREHENSIVE < Tier.STRATEGIC, bool)
assert_type(Tier.COMPREHENSIVE >= Tier.STRATEGIC, bool)
assert_type(max(Tier), Tier)
assert_type(sorted(Tier), list[Tier])
assert_type(Tier.STRATEGIC.rank, int)
assert_type(Tier.STRATEGIC.label, str)
assert_type(Tier.STRATEGIC.value, Literal["strategic"])
assert_type(Tier("strategic"), Tier)

# People.
son = vd.people.get("bui-thanh-son")
assert_type(son.name, str)
assert_type(son.aliases, tuple[str, ...])
assert_type(son.country, str)
assert_type(son.roles, tuple[Role, ...])
assert_type(son.title, str)
assert_type(son.roles_on(day), tuple[Role, ...])
role = son.roles[0]
assert_type(role.title, str)
assert_type(role.entity, str)
assert_type(role.as_of, PartialDate)

# Engagements.
meeting = vd.engagements.get("2025-07-11-son-rubio")
assert_type(meeting.title, str)
assert_type(meeting.kind, EngagementKind)
assert_type(meeting.status, EngagementStatus)
assert_type(meeting.start, PartialDate)
assert_type(meeting.end, PartialDate | None)
assert_type(meeting.partners, tuple[str, ...])
assert_type(meeting.people, tuple[str, ...])
assert_type(meeting.location, str | None)
assert_type(meeting.occasion, str | None)
assert_type(meeting.discussed, tuple[Statement, ...])
assert_type(meeting.agreed, tuple[Statement, ...])
assert_type(meeting.proposed, tuple[Statement, ...])
assert_type(meeting.stated, tuple[Statement, ...])
assert_type(meeting.stated[0].text, str)
assert_type(meeting.stated[0].by, tuple[str, ...])
assert_type(meeting.stated[0].evidence, tuple[Evidence, ...])

# Trade figures: money is a Decimal, never a float.
figure = vd.trade.get("vn-us-trade-2024-jan-aug")
assert_type(figure, TradeFigure)
assert_type(figure.metric, str)
assert_type(figure.partner, str | None)
assert_type(figure.value, Decimal)
assert_type(figure.unit, str)
assert_type(figure.period_start, datetime.date)
assert_type(figure.period_end, datetime.date)
assert_type(figure.qualifier, str | None)
assert_type(figure.change_percent, Decimal | None)
assert_type(figure.change, Decimal | None)
assert_type(figure.compared_with, str | None)

# Agreements and claims.
evipa = vd.agreements.get("evipa")
assert_type(evipa, Agreement)
assert_type(evipa.name, str)
assert_type(evipa.short_name, str | None)
assert_type(evipa.kind, AgreementKind)
assert_type(evipa.parties, tuple[str, ...])
assert_type(evipa.status, AgreementStatus | None)
assert_type(evipa.status_as_of, PartialDate | None)
assert_type(evipa.status_inference, str | None)
assert_type(evipa.date, PartialDate | None)
assert_type(evipa.statements, tuple[Statement, ...])

discrepancy = vd.discrepancies.get("x")
assert_type(discrepancy, Discrepancy)
assert_type(discrepancy.subject, str)
assert_type(discrepancy.readings, tuple[Statement, ...])
assert_type(discrepancy.follows, str)
assert_type(discrepancy.reason, str)
assert_type(discrepancy.partners, tuple[str, ...])

claim = vd.claims.get("x")
assert_type(claim, Claim)
assert_type(claim.statement, str)
assert_type(claim.value, Decimal | None)
assert_type(claim.unit, str | None)
assert_type(claim.as_of, PartialDate)
assert_type(claim.partners, tuple[str, ...])

# Enums are real enums, members by name.
assert_type(EngagementKind.MEETING, Literal[EngagementKind.MEETING])
assert_type(meeting.status is EngagementStatus.PLANNED, bool)
assert_type([kind.value for kind in PartnerKind], list[str])
assert_type(vd.VIETNAM, Literal["VN"])


def latest(person: Person) -> Role:
    """A user's function over the models."""
    return person.roles[-1]


def engaged(meeting: Engagement, partner: Partner) -> bool:
    return partner.id in meeting.partners
