"""The public API contract: collections, lookups, queries, and every error a user can cause."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from pydantic import ValidationError

import vn_diplomacy as vd
from vn_diplomacy import NotFound, QueryError, Tier

D = datetime.date


def test_the_seven_collections_are_the_bundled_dataset() -> None:
    data = vd.load()
    assert data is vd.load()  # loaded once per process
    assert data.partners is vd.partners
    assert data.engagements is vd.engagements
    assert [len(c) for c in (vd.sources, vd.partners, vd.people)] == [5, len(data.partners), len(data.people)]


def test_iteration_is_stable_and_chronological_for_dated_records() -> None:
    starts = [e.start.earliest for e in vd.engagements]
    assert starts == sorted(starts)
    assert list(vd.engagements) == list(vd.engagements)
    assert [p.id for p in vd.partners] == sorted(p.id for p in vd.partners)  # undated: by id
    published = [s.published.earliest for s in vd.sources]
    assert published == sorted(published)


def test_contains_takes_exact_ids_only() -> None:
    assert "US" in vd.partners
    assert "us" not in vd.partners
    assert 42 not in vd.partners
    assert "bui-thanh-son" in vd.people


def test_get_exact_id() -> None:
    assert vd.partners.get("VA").name == "Holy See"
    assert vd.partners["KR"].name == "Republic of Korea"
    assert vd.people.get("wang-yi").country == "CN"


def test_get_unknown_id_raises_not_found_with_suggestions() -> None:
    with pytest.raises(NotFound, match=r"unknown partner id 'JA'; did you mean 'JP' \(Japan\)") as info:
        vd.partners.get("JA")
    error = info.value
    assert isinstance(error, KeyError)
    assert error.key == "JA"
    assert error.kind == "partner"
    assert "JP" in error.suggestions
    assert not str(error).startswith("'")  # no KeyError quoting


def test_get_with_no_close_match_says_so() -> None:
    with pytest.raises(NotFound, match="no close match"):
        vd.partners.get("Atlantis-0000")


def test_not_found_is_caught_as_key_error() -> None:
    with pytest.raises(KeyError):
        vd.people.get("nobody")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("united states", "US"),
        ("U.S.", "US"),
        ("  USA ", "US"),
        ("us", "US"),
        ("UK", "GB"),
        ("united kingdom", "GB"),
        ("Republic of Korea", "KR"),
        ("holy see", "VA"),
        ("the bahamas", "BS"),
        ("EU", "EU"),
        ("asean", "ASEAN"),
    ],
)
def test_lookup_partners_by_name_or_alias(text: str, expected: str) -> None:
    assert vd.partners.lookup(text).id == expected


@pytest.mark.parametrize(
    "text", ["Bùi Thanh Sơn", "bui thanh son", "BUI THANH SON", " Bui  Thanh-Son ", "bui-thanh-son"]
)
def test_lookup_people_ignores_case_spaces_punctuation_and_diacritics(text: str) -> None:
    assert vd.people.lookup(text).id == "bui-thanh-son"


def test_lookup_folds_d_with_stroke() -> None:
    assert vd.normalize("Đà Nẵng") == "da nang"


def test_lookup_miss_suggests_names() -> None:
    with pytest.raises(NotFound, match="did you mean") as info:
        vd.partners.lookup("Jpan")
    assert info.value.suggestions == ("JP",)  # suggestions are ids; the message adds names


def test_involving_needs_all_ids() -> None:
    both = vd.engagements.involving("bui-thanh-son", "wang-yi")
    assert {e.id for e in both} == {"2021-04-16-son-wang-yi-phone-call", "2025-07-10-son-wang-yi"}
    assert all("CN" in e.partners for e in vd.engagements.involving("CN"))
    assert vd.engagements.involving("China") == vd.engagements.involving("CN")  # names resolve
    assert vd.agreements.involving("VN", "EU")[0].id == "evipa"
    assert vd.people.involving("VN")  # people involve the country they act for


def test_involving_unknown_id_raises() -> None:
    with pytest.raises(NotFound, match="unknown partner or person id or name 'Chna'; did you mean 'CN' \\(China\\)"):
        vd.engagements.involving("Chna")


def test_involving_on_collections_without_references_raises() -> None:
    with pytest.raises(QueryError, match="involve no partners or people"):
        vd.partners.involving("US")
    with pytest.raises(QueryError, match="at least one"):
        vd.engagements.involving()


def test_between_overlaps_a_closed_range() -> None:
    day = vd.engagements.between(D(2023, 12, 13), D(2023, 12, 13))
    assert "2023-12-12-xi-jinping-visit-vietnam" in {e.id for e in day}
    for engagement in vd.engagements.between(D(2023, 1, 1), D(2023, 12, 31)):
        first, last = engagement.span()
        assert first <= D(2023, 12, 31)
        assert last >= D(2023, 1, 1)
    assert vd.trade.between(D(2024, 8, 31), D(2024, 9, 1))[0].value == 88000000000
    assert vd.sources.between(D(2021, 1, 1), D(2021, 12, 31))[0].id == "2021-04-17-son-wang-yi-phone-talk"


def test_between_rejects_a_reversed_range_and_undated_collections() -> None:
    with pytest.raises(QueryError, match="before start") as info:
        vd.engagements.between(D(2024, 1, 2), D(2024, 1, 1))
    assert isinstance(info.value, ValueError)
    with pytest.raises(QueryError, match="not dated"):
        vd.partners.between(D(2024, 1, 1), D(2024, 1, 2))


def test_with_tier_latest_and_on_a_day() -> None:
    latest = {p.id for p in vd.partners.with_tier(Tier.COMPREHENSIVE_STRATEGIC)}
    assert {"AU", "CN", "IN", "JP", "KR", "RU", "US"} <= latest
    assert {p.id for p in vd.partners.with_tier(Tier.COMPREHENSIVE, on=D(2020, 1, 1))} == {"US"}
    assert vd.partners.with_tier(Tier.COMPREHENSIVE_STRATEGIC, on=D(1990, 1, 1)) == ()


def test_tier_is_ordered() -> None:
    assert Tier.COMPREHENSIVE < Tier.STRATEGIC < Tier.COMPREHENSIVE_STRATEGIC
    assert Tier.COMPREHENSIVE_STRATEGIC > Tier.STRATEGIC >= Tier.STRATEGIC >= Tier.COMPREHENSIVE
    assert Tier.STRATEGIC <= Tier.STRATEGIC
    assert not Tier.STRATEGIC <= Tier.COMPREHENSIVE
    assert [t.rank for t in Tier] == [1, 2, 3]
    assert max(Tier) is Tier.COMPREHENSIVE_STRATEGIC
    assert sorted([Tier.COMPREHENSIVE_STRATEGIC, Tier.COMPREHENSIVE]) == [
        Tier.COMPREHENSIVE,
        Tier.COMPREHENSIVE_STRATEGIC,
    ]
    assert Tier.STRATEGIC.label == "strategic partnership"
    untyped: Any = "comprehensive"  # checkers reject a str here (tests/typing/rejected); untyped code gets TypeError
    with pytest.raises(TypeError):
        _ = Tier.STRATEGIC < untyped  # noqa: SIM300  # the Tier on the left is the case under test


def test_tier_on_counts_from_the_latest_possible_day() -> None:
    japan = vd.partners.get("JP")  # "late 2023": counts from 31 December 2023
    assert japan.tier_on(D(2023, 12, 30)) is None
    assert japan.tier_on(D(2023, 12, 31)) is Tier.COMPREHENSIVE_STRATEGIC
    korea = vd.partners.get("KR")  # "December 2022"
    assert korea.tier_on(D(2022, 12, 30)) is None
    assert korea.tier_on(D(2022, 12, 31)) is Tier.COMPREHENSIVE_STRATEGIC
    assert vd.partners.get("NZ").tier_on(D(2025, 1, 1)) is None  # the articles name no tier


BAD_CALLS: list[tuple[str, Any]] = [
    ("tier_on", lambda: vd.partners.get("US").tier_on("2024-01-01")),  # type: ignore[arg-type]  # wrong on purpose
    ("tier_on datetime", lambda: vd.partners.get("US").tier_on(datetime.datetime(2024, 1, 1))),
    ("get", lambda: vd.partners.get(1)),  # type: ignore[arg-type]  # wrong on purpose
    ("lookup", lambda: vd.partners.lookup(None)),  # type: ignore[arg-type]  # wrong on purpose
    ("involving", lambda: vd.engagements.involving(1)),  # type: ignore[arg-type]  # wrong on purpose
    ("between", lambda: vd.engagements.between("2024-01-01", D(2024, 2, 1))),  # type: ignore[arg-type]  # wrong on purpose
    ("with_tier", lambda: vd.partners.with_tier("strategic")),  # type: ignore[arg-type]  # wrong on purpose
    ("with_tier on", lambda: vd.partners.with_tier(Tier.STRATEGIC, on="2024")),  # type: ignore[arg-type]  # wrong on purpose
    ("roles_on", lambda: vd.people.get("to-lam").roles_on(2024)),  # type: ignore[arg-type]  # wrong on purpose
    ("load", lambda: vd.load(42)),  # type: ignore[arg-type]  # wrong on purpose
]


@pytest.mark.parametrize(("name", "call"), BAD_CALLS, ids=[n for n, _ in BAD_CALLS])
def test_wrong_argument_types_raise_type_error_with_a_readable_message(name: str, call: Any) -> None:
    with pytest.raises(TypeError, match=r"must be a") as info:
        call()
    assert "got" in str(info.value), name


def test_tier_on_message_names_the_expected_type() -> None:
    with pytest.raises(
        TypeError, match=r"day must be a datetime\.date, e\.g\. datetime\.date\(2024, 3, 19\); got '2024-01-01'"
    ):
        vd.partners.get("US").tier_on("2024-01-01")  # type: ignore[arg-type]  # a wrong use, on purpose


def test_the_dataset_is_read_only_and_says_what_it_holds() -> None:
    data = vd.load()
    with pytest.raises(AttributeError, match="partners"):
        data.partners = data.partners  # type: ignore[misc]  # a wrong use, on purpose
    with pytest.raises(AttributeError, match="people"):
        del data.people  # pyright: ignore[reportAttributeAccessIssue]  # likewise
    with pytest.raises(AttributeError, match="extra"):
        data.extra = 1  # type: ignore[attr-defined]  # likewise
    assert data.partners is vd.partners  # all still there
    assert repr(data) == (
        f"<Dataset from 'vn_diplomacy/data': sources=5, partners={len(data.partners)}, people={len(data.people)}, "
        f"engagements={len(data.engagements)}, trade={len(data.trade)}, agreements={len(data.agreements)}, "
        f"claims={len(data.claims)}>"
    )


def test_records_are_frozen_and_strict() -> None:
    us = vd.partners.get("US")
    with pytest.raises(ValidationError, match="frozen"):
        us.name = "Elsewhere"  # type: ignore[misc]  # a wrong use, on purpose
    assert isinstance(us.aliases, tuple)
    assert isinstance(us.evidence, tuple)
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        vd.Evidence.model_validate({"source": "x", "quote": "y", "page": 1})
    with pytest.raises(ValidationError, match="at least 1 item"):
        vd.Claim.model_validate({"id": "c", "statement": "s", "as_of": "2024", "evidence": []})


def test_every_record_has_an_id_and_evidence() -> None:
    for collection in (vd.sources, vd.partners, vd.people, vd.engagements, vd.trade, vd.agreements, vd.claims):
        for record in collection:
            assert record.id
            assert record.evidence


def test_collection_repr_and_ids() -> None:
    assert repr(vd.sources) == "<Collection of 5 source records>"
    assert vd.sources.ids[0] == "2021-04-17-son-wang-yi-phone-talk"
    assert vd.partners.kind == "partner"
