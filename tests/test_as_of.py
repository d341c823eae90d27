"""As-of answers and their basis: `Partner.tier_as_of`, `tier_on`, `with_tier` and `Person.role_on` follow the
documented rules, on records the tests build."""

from __future__ import annotations

import datetime

import pytest

import vn_diplomacy as vd
from vn_diplomacy import Basis, Tier
from vn_diplomacy.records.partner import PartnerCollection

D = datetime.date
EVIDENCE = [{"source": "s", "quote": "q", "start": 0, "end": 1}]


def partner(pid: str, *changes: dict[str, object]) -> vd.Partner:
    history = [{"evidence": EVIDENCE, **change} for change in changes]
    return vd.Partner.model_validate(
        {"id": pid, "name": pid, "kind": "state", "tier_history": history, "evidence": EVIDENCE}
    )


def test_a_stated_set_up_counts_from_the_latest_day_its_date_can_mean() -> None:
    stated = partner("XA", {"tier": "comprehensive", "date": "2013"})
    assert stated.tier_as_of(D(2013, 12, 30)).basis is Basis.UNKNOWN
    answer = stated.tier_as_of(D(2013, 12, 31))
    assert (answer.tier, answer.basis, str(answer.since)) == (Tier.COMPREHENSIVE, Basis.STATED, "2013")


def test_an_attested_period_covers_the_whole_period_and_an_attested_day_that_day_on() -> None:
    period = partner("XB", {"tier": "strategic", "attested": "2023"})
    assert period.tier_as_of(D(2023, 1, 1)).tier is Tier.STRATEGIC
    assert period.tier_as_of(D(2023, 1, 1)).basis is Basis.ATTESTED
    assert period.tier_as_of(D(2022, 12, 31)).basis is Basis.UNKNOWN
    day = partner("XC", {"tier": "strategic", "attested": "2024-03-18"})
    assert day.tier_on(D(2024, 3, 17)) is None
    assert day.tier_on(D(2024, 3, 18)) is Tier.STRATEGIC
    assert day.tier_on(D(2030, 1, 1)) is Tier.STRATEGIC  # until a later change


def test_a_deduced_tier_is_inferred_and_a_later_change_takes_over() -> None:
    history = partner(
        "XD",
        {"tier": "strategic", "attested": "2020", "inference": "All permanent members are strategic partners."},
        {"tier": "comprehensive-strategic", "date": "2023-09-10/2023-09-11"},
    )
    assert history.tier_as_of(D(2021, 1, 1)).basis is Basis.INFERRED
    assert history.tier_as_of(D(2023, 9, 10)).tier is Tier.STRATEGIC  # the upgrade's last possible day is the 11th
    answer = history.tier_as_of(D(2023, 9, 11))
    assert (answer.tier, answer.basis) == (Tier.COMPREHENSIVE_STRATEGIC, Basis.STATED)
    assert answer.evidence == history.tier_history[1].evidence


def test_with_tier_and_tier_on_follow_tier_as_of() -> None:
    members = (
        partner("XE", {"tier": "strategic", "attested": "2023"}),
        partner("XF", {"tier": "strategic", "date": "2023"}),
        partner("XG"),
    )
    partners = PartnerCollection("partner", vd.Partner, members)
    assert [p.id for p in partners.with_tier(Tier.STRATEGIC, on=D(2023, 6, 1))] == ["XE"]
    assert [p.id for p in partners.with_tier(Tier.STRATEGIC, on=D(2023, 12, 31))] == ["XE", "XF"]
    for member in members:
        for day in (D(2022, 1, 1), D(2023, 6, 1), D(2024, 1, 1)):
            assert member.tier_on(day) is member.tier_as_of(day).tier
    assert partners.get("XG").tier_as_of(D(2024, 1, 1)) == vd.TierAnswer(D(2024, 1, 1), None, Basis.UNKNOWN, None, ())


def test_tier_as_of_takes_only_a_day() -> None:
    with pytest.raises(TypeError, match=r"day must be a datetime\.date"):
        partner("XH").tier_as_of("2024-01-01")  # type: ignore[arg-type]  # the wrong type is the point


def test_a_role_holds_from_its_date_until_a_later_one(fixture_data: vd.Dataset) -> None:
    son = fixture_data.people.get("bui-thanh-son")
    first, second = son.roles
    assert son.role_on(first.as_of.earliest - datetime.timedelta(days=1)) is None
    assert son.role_on(first.as_of.earliest) == first
    assert son.role_on(second.as_of.earliest - datetime.timedelta(days=1)) == first
    assert son.role_on(D(2030, 1, 1)) == second
    assert son.title == second.title
    with pytest.raises(TypeError, match=r"day must be a datetime\.date"):
        son.role_on(None)  # type: ignore[arg-type]  # the wrong type is the point
