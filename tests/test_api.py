"""The public API contract: collections, lookups, queries, and every error a user can cause.

The behaviour is tested on the tests' own fixture dataset (`fixture_data`, tests/fixtures), whose records these
tests know exactly; what the bundled data says is tested in tests/test_facts.py.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pandas
import pytest
from pydantic import ValidationError

import vn_diplomacy as vd
from vn_diplomacy import NotFound, QueryError, Tier

if TYPE_CHECKING:
    from collections.abc import Callable

D = datetime.date

ENGAGEMENTS = (  # the fixture's engagements in iteration order: by first day, then by id
    "2020-liuzhou-border-localities-conference",  # "2020": from 1 January
    "2023-09-10-us-president-state-visit",  # 10-11 September 2023
    "2024-03-18-question-and-answer-session",
    "2025-07-10-son-wang-yi",  # dated by inference
    "2025-07-11-son-eu",  # the same day as the next: by id
    "2025-07-11-son-rubio",
    "2025-12-vn-cn-steering-committee-17",  # planned
)


def ids(records: tuple[vd.Record, ...]) -> tuple[str, ...]:
    return tuple(record.id for record in records)


def test_the_package_names_are_the_bundled_datasets_collections() -> None:
    data = vd.load()
    assert data is vd.load()  # loaded once per process
    for name in vd.FILES:
        assert getattr(vd, name) is data[name], name


def test_a_loaded_directory_holds_each_collection_as_an_attribute_and_an_item(fixture_data: vd.Dataset) -> None:
    assert fixture_data.partners is fixture_data["partners"]
    assert fixture_data["trade"].kind == "trade figure"
    assert fixture_data.partners is not vd.partners  # its own records, not the bundled ones
    with pytest.raises(QueryError, match="unknown collection 'partner'; did you mean 'partners'"):
        fixture_data["partner"]  # type: ignore[index]  # a wrong name, on purpose


def test_iteration_is_chronological_then_by_id_for_dated_records_and_by_id_otherwise(
    fixture_data: vd.Dataset,
) -> None:
    assert fixture_data.engagements.ids == ENGAGEMENTS
    assert [e.id for e in fixture_data.engagements] == list(ENGAGEMENTS)
    assert fixture_data.sources.ids == ("fixture-a", "fixture-c", "fixture-b")  # 2024-03-19, 2024-09-21, "2025"
    assert fixture_data.trade.ids == ("vn-rank-among-cn-trading-partners-2020", "vn-us-trade-2024-h1")
    # Undated records come after the dated ones: the EVFTA record gives no date.
    assert fixture_data.agreements.ids == ("unclos-1982", "vn-jp-joint-statement-2023", "evfta")
    assert fixture_data.partners.ids == ("CN", "EU", "GB", "JP", "US", "VA")  # undated: by id
    assert fixture_data.people.ids == ("bui-thanh-son", "do-hung-viet", "marco-rubio", "wang-yi")


def test_contains_takes_exact_ids_only(fixture_data: vd.Dataset) -> None:
    assert "US" in fixture_data.partners
    assert "us" not in fixture_data.partners
    assert "United States" not in fixture_data.partners
    assert 42 not in fixture_data.partners
    assert "bui-thanh-son" in fixture_data.people


def test_get_exact_id(fixture_data: vd.Dataset) -> None:
    assert fixture_data.partners.get("VA").name == "Holy See"
    assert fixture_data.partners["GB"].name == "United Kingdom"
    assert fixture_data.people.get("wang-yi").country == "CN"
    assert fixture_data.engagements.get("2025-07-11-son-rubio").location == "Kuala Lumpur, Malaysia"


def test_get_unknown_id_raises_not_found_with_suggestions(fixture_data: vd.Dataset) -> None:
    with pytest.raises(NotFound) as info:
        fixture_data.partners.get("JA")
    error = info.value
    assert str(error) == "unknown partner id 'JA'; did you mean 'JP' (Japan) or 'VA' (Holy See)?"
    assert not str(error).startswith("'")  # no KeyError quoting
    assert isinstance(error, KeyError)
    assert (error.kind, error.key, error.suggestions) == ("partner", "JA", ("JP", "VA"))


@pytest.mark.parametrize(
    ("collection", "key", "message", "suggestions"),
    [
        ("people", "bui-thanh-sn", "unknown person id 'bui-thanh-sn'; did you mean 'bui-thanh-son' (Bùi Thanh Sơn)?",
         ("bui-thanh-son",)),
        ("engagements", "2025-07-11-son-rubbio",  # up to three, the closest first
         "unknown engagement id '2025-07-11-son-rubbio'; did you mean '2025-07-11-son-rubio' (Bui Thanh Son meets "
         "Marco Rubio) or '2025-07-11-son-eu' (Bui Thanh Son meets representatives of the European Union) or "
         "'2025-07-10-son-wang-yi' (Bui Thanh Son holds talks with Wang Yi)?",
         ("2025-07-11-son-rubio", "2025-07-11-son-eu", "2025-07-10-son-wang-yi")),
        ("partners", "Atlantis-0000", "unknown partner id 'Atlantis-0000'; no close match", ()),
    ],
)  # fmt: skip
def test_get_names_the_closest_ids_or_says_there_is_none(
    fixture_data: vd.Dataset, collection: vd.CollectionName, key: str, message: str, suggestions: tuple[str, ...]
) -> None:
    with pytest.raises(NotFound) as info:
        fixture_data[collection].get(key)
    assert (str(info.value), info.value.suggestions) == (message, suggestions)


def test_not_found_is_caught_as_key_error(fixture_data: vd.Dataset) -> None:
    with pytest.raises(KeyError):
        fixture_data.people.get("nobody")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("United States", "US"),  # the name as written
        ("united states", "US"),
        ("U.S.", "US"),
        ("  USA ", "US"),
        ("us", "US"),  # the id, any case
        ("United States of America", "US"),
        ("UK", "GB"),
        ("united kingdom", "GB"),
        ("holy see", "VA"),
        ("The Holy See", "VA"),
        ("vatican", "VA"),
        ("EU", "EU"),
        ("european union", "EU"),
    ],
)
def test_lookup_partners_by_id_name_or_alias(fixture_data: vd.Dataset, text: str, expected: str) -> None:
    assert fixture_data.partners.lookup(text).id == expected
    assert fixture_data.partners.find(text) is fixture_data.partners.get(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bùi Thanh Sơn", "bui-thanh-son"),
        ("bui thanh son", "bui-thanh-son"),
        ("BUI THANH SON", "bui-thanh-son"),
        (" Bui  Thanh-Son ", "bui-thanh-son"),
        ("bui-thanh-son", "bui-thanh-son"),
        ("Sơn", "bui-thanh-son"),  # an alias
        ("Đỗ Hùng Việt", "do-hung-viet"),
        ("do hung viet", "do-hung-viet"),  # Đ folds to D by hand: NFKD leaves it alone
        ("DO HUNG VIET", "do-hung-viet"),
    ],
)
def test_lookup_people_ignores_case_spaces_punctuation_and_diacritics(
    fixture_data: vd.Dataset, text: str, expected: str
) -> None:
    assert fixture_data.people.lookup(text).id == expected


def test_lookup_folds_d_with_stroke() -> None:
    assert vd.normalize("Đà Nẵng") == "da nang"


def test_lookup_finds_engagements_agreements_and_sources_by_their_names(fixture_data: vd.Dataset) -> None:
    assert fixture_data.engagements.lookup("bui thanh son meets marco rubio").id == "2025-07-11-son-rubio"
    assert fixture_data.agreements.lookup("UNCLOS").id == "unclos-1982"
    assert fixture_data.agreements.lookup("eu vietnam free trade agreement").id == "evfta"
    title = "Fixture article A: Minister answers legislators on ties with major partners"
    assert fixture_data.sources.lookup(title).id == "fixture-a"


def test_lookup_miss_suggests_ids_and_the_message_adds_names(fixture_data: vd.Dataset) -> None:
    with pytest.raises(NotFound, match=r"^unknown partner id or name 'Jpan'; did you mean 'JP' \(Japan\)\?$") as info:
        fixture_data.partners.lookup("Jpan")
    assert info.value.suggestions == ("JP",)  # suggestions are ids; the message adds names
    with pytest.raises(NotFound, match=r"did you mean 'marco-rubio' \(Marco Rubio\)\?$"):
        fixture_data.people.lookup("Rubio")


def test_find_is_lookup_without_the_error(fixture_data: vd.Dataset) -> None:
    assert fixture_data.partners.find("Japan") is fixture_data.partners.get("JP")
    assert fixture_data.partners.find("Jpan") is None
    assert fixture_data.people.find("") is None


def test_involving_needs_every_id(fixture_data: vd.Dataset) -> None:
    engagements = fixture_data.engagements
    assert ids(engagements.involving("bui-thanh-son", "wang-yi")) == ("2025-07-10-son-wang-yi",)
    assert ids(engagements.involving("bui-thanh-son")) == (  # in iteration order
        "2024-03-18-question-and-answer-session",
        "2025-07-10-son-wang-yi",
        "2025-07-11-son-eu",
        "2025-07-11-son-rubio",
    )
    assert ids(engagements.involving("CN")) == (
        "2020-liuzhou-border-localities-conference",
        "2025-07-10-son-wang-yi",
        "2025-12-vn-cn-steering-committee-17",
    )
    assert ids(engagements.involving("CN", "US")) == ()  # no engagement involves both
    assert engagements.involving("CN", "CN") == engagements.involving("CN")


def test_involving_resolves_names_as_lookup_does(fixture_data: vd.Dataset) -> None:
    engagements = fixture_data.engagements
    assert engagements.involving("China") == engagements.involving("CN")
    assert engagements.involving("Bùi Thanh Sơn", "marco rubio") == engagements.involving(
        "bui-thanh-son", "marco-rubio"
    )
    assert ids(engagements.involving("u.s.")) == ("2023-09-10-us-president-state-visit", "2025-07-11-son-rubio")


def test_involving_follows_every_reference_field_of_a_collection(fixture_data: vd.Dataset) -> None:
    assert ids(fixture_data.agreements.involving("VN", "EU")) == ("evfta",)  # parties, Vietnam included
    assert ids(fixture_data.agreements.involving("VN")) == ("vn-jp-joint-statement-2023", "evfta")
    assert ids(fixture_data.people.involving("VN")) == ("bui-thanh-son", "do-hung-viet")  # country and roles
    assert ids(fixture_data.people.involving("US")) == ("marco-rubio",)
    assert ids(fixture_data.trade.involving("US")) == ("vn-us-trade-2024-h1",)
    assert fixture_data.trade.involving("wang-yi") == ()  # a known person whom no trade figure refers to
    assert ids(fixture_data.claims.involving("US")) == (
        "vn-seven-comprehensive-strategic-partners-2024-03",
        "vn-us-30-years-of-relations-2025",
    )


def test_involving_unknown_id_raises(fixture_data: vd.Dataset) -> None:
    with pytest.raises(NotFound) as info:
        fixture_data.engagements.involving("Chna")
    assert str(info.value) == "unknown partner or person id or name 'Chna'; did you mean 'CN' (China)?"
    assert info.value.suggestions == ("CN",)


def test_involving_on_collections_without_references_raises(fixture_data: vd.Dataset) -> None:
    with pytest.raises(QueryError, match=r"^partner records involve no partners or people; involving"):
        fixture_data.partners.involving("US")
    with pytest.raises(QueryError, match=r"^source records involve no partners or people"):
        fixture_data.sources.involving("US")  # evidence refers to sources, which involving() does not follow
    with pytest.raises(QueryError, match="at least one") as info:
        fixture_data.engagements.involving()
    assert isinstance(info.value, ValueError)


def test_between_finds_every_record_with_a_day_in_a_closed_range(fixture_data: vd.Dataset) -> None:
    engagements = fixture_data.engagements
    july = engagements.between(D(2025, 7, 10), D(2025, 7, 11))
    assert ids(july) == ("2025-07-10-son-wang-yi", "2025-07-11-son-eu", "2025-07-11-son-rubio")
    assert ids(engagements.between(D(2025, 7, 11), D(2025, 7, 11))) == ("2025-07-11-son-eu", "2025-07-11-son-rubio")
    assert engagements.between(D(2025, 7, 12), D(2025, 11, 30)) == ()


def test_between_matches_any_day_a_record_can_mean(fixture_data: vd.Dataset) -> None:
    engagements = fixture_data.engagements
    # A multi-day engagement overlaps its last day; a year-only one every day of its year; a month one its month.
    assert ids(engagements.between(D(2023, 9, 11), D(2023, 9, 11))) == ("2023-09-10-us-president-state-visit",)
    assert ids(engagements.between(D(2020, 6, 1), D(2020, 6, 2))) == ("2020-liuzhou-border-localities-conference",)
    assert ids(engagements.between(D(2025, 12, 31), D(2026, 1, 1))) == ("2025-12-vn-cn-steering-committee-17",)
    assert ids(fixture_data.agreements.between(D(2023, 10, 1), D(2023, 10, 1))) == ("vn-jp-joint-statement-2023",)
    assert ids(fixture_data.agreements.between(D(1, 1, 1), D(9999, 12, 31))) == (  # the undated EVFTA never
        "unclos-1982",
        "vn-jp-joint-statement-2023",
    )
    assert ids(fixture_data.trade.between(D(2024, 6, 30), D(2024, 7, 1))) == ("vn-us-trade-2024-h1",)
    assert ids(fixture_data.sources.between(D(2025, 1, 1), D(2025, 1, 1))) == ("fixture-b",)  # inferred: "2025"


def test_between_rejects_a_reversed_range_and_undated_collections(fixture_data: vd.Dataset) -> None:
    with pytest.raises(QueryError, match=r"^end 2024-01-01 is before start 2024-01-02; swap them$") as info:
        fixture_data.engagements.between(D(2024, 1, 2), D(2024, 1, 1))
    assert isinstance(info.value, ValueError)
    with pytest.raises(QueryError, match=r"^partner records are not dated; between"):
        fixture_data.partners.between(D(2024, 1, 1), D(2024, 1, 2))
    with pytest.raises(QueryError, match=r"^person records are not dated"):
        fixture_data.people.between(D(2024, 1, 1), D(2024, 1, 2))


def test_with_tier_gives_the_partners_at_exactly_a_tier(fixture_data: vd.Dataset) -> None:
    partners = fixture_data.partners
    assert ids(partners.with_tier(Tier.COMPREHENSIVE_STRATEGIC)) == ("CN", "JP", "US")
    assert ids(partners.with_tier(Tier.STRATEGIC)) == ("GB",)
    assert partners.with_tier(Tier.COMPREHENSIVE) == ()  # the US was, and is no longer


@pytest.mark.parametrize(
    ("day", "tier", "expected"),
    [
        (D(2020, 1, 1), Tier.COMPREHENSIVE, ("US",)),
        (D(2020, 1, 1), Tier.COMPREHENSIVE_STRATEGIC, ("CN",)),
        (D(2023, 12, 30), Tier.COMPREHENSIVE_STRATEGIC, ("CN", "US")),  # Japan's "late 2023" is not yet over
        (D(2023, 12, 31), Tier.COMPREHENSIVE_STRATEGIC, ("CN", "JP", "US")),
        (D(2024, 3, 17), Tier.STRATEGIC, ()),  # the UK's tier is attested from 18 March 2024
        (D(2024, 3, 18), Tier.STRATEGIC, ("GB",)),
        (D(1990, 1, 1), Tier.COMPREHENSIVE_STRATEGIC, ()),
    ],
)
def test_with_tier_on_a_day(fixture_data: vd.Dataset, day: datetime.date, tier: Tier, expected: tuple[str]) -> None:
    assert ids(fixture_data.partners.with_tier(tier, on=day)) == expected


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


@pytest.mark.parametrize(
    ("partner", "day", "expected"),
    [
        ("US", D(2013, 12, 30), None),  # "2013": counts from 31 December 2013
        ("US", D(2013, 12, 31), Tier.COMPREHENSIVE),
        ("US", D(2023, 9, 10), Tier.COMPREHENSIVE),  # "2023-09-10/2023-09-11": from the last day of the range
        ("US", D(2023, 9, 11), Tier.COMPREHENSIVE_STRATEGIC),
        ("JP", D(2023, 12, 30), None),  # "late 2023": from 31 December 2023
        ("JP", D(2023, 12, 31), Tier.COMPREHENSIVE_STRATEGIC),
        ("GB", D(2024, 3, 17), None),  # no set-up date: from the day an article attests it
        ("GB", D(2024, 3, 18), Tier.STRATEGIC),
        ("VA", D(2025, 1, 1), None),  # no tier at all
        ("EU", D(2025, 1, 1), None),
    ],
)
def test_tier_on_counts_from_the_latest_possible_day(
    fixture_data: vd.Dataset, partner: str, day: datetime.date, expected: Tier | None
) -> None:
    assert fixture_data.partners.get(partner).tier_on(day) is expected


def test_tier_is_the_latest_tier_change(fixture_data: vd.Dataset) -> None:
    us = fixture_data.partners.get("US")
    assert [change.tier for change in us.tier_history] == [Tier.COMPREHENSIVE, Tier.COMPREHENSIVE_STRATEGIC]
    assert us.tier is Tier.COMPREHENSIVE_STRATEGIC
    assert fixture_data.partners.get("VA").tier is None


def test_relations_established_is_the_earliest_date_and_a_stated_one_before_an_inferred_one(
    fixture_data: vd.Dataset,
) -> None:
    us = fixture_data.partners.get("US")
    assert [(event.kind, str(event.date), event.date.is_inferred) for event in us.relations] == [
        (vd.RelationsKind.NORMALISED, "1995", False),
        (vd.RelationsKind.ESTABLISHED, "1995", True),
    ]
    assert us.relations_established is us.relations[0].date
    assert fixture_data.partners.get("JP").relations_established is None


def test_roles_on_gives_the_roles_dated_that_day(fixture_data: vd.Dataset) -> None:
    son = fixture_data.people.get("bui-thanh-son")
    assert [role.title for role in son.roles_on(D(2024, 3, 18))] == ["Minister of Foreign Affairs"]
    assert [role.title for role in son.roles_on(D(2025, 7, 11))] == ["Deputy Prime Minister and Foreign Minister"]
    assert son.roles_on(D(2024, 3, 19)) == ()  # roles are dated, not ranged
    assert son.title == "Deputy Prime Minister and Foreign Minister"  # the latest


BAD_CALLS: list[tuple[str, Callable[[vd.Dataset], object]]] = [
    ("tier_on", lambda d: d.partners.get("US").tier_on("2024-01-01")),  # type: ignore[arg-type]  # wrong on purpose
    ("tier_on datetime", lambda d: d.partners.get("US").tier_on(datetime.datetime(2024, 1, 1))),
    ("get", lambda d: d.partners.get(1)),  # type: ignore[arg-type]  # wrong on purpose
    ("lookup", lambda d: d.partners.lookup(None)),  # type: ignore[arg-type]  # wrong on purpose
    ("find", lambda d: d.partners.find(b"US")),  # type: ignore[arg-type]  # wrong on purpose
    ("involving", lambda d: d.engagements.involving(1)),  # type: ignore[arg-type]  # wrong on purpose
    ("between", lambda d: d.engagements.between("2024-01-01", D(2024, 2, 1))),  # type: ignore[arg-type]  # wrong on purpose
    ("between datetime", lambda d: d.engagements.between(D(2024, 1, 1), datetime.datetime(2024, 2, 1))),
    ("with_tier", lambda d: d.partners.with_tier("strategic")),  # type: ignore[arg-type]  # wrong on purpose
    ("with_tier on", lambda d: d.partners.with_tier(Tier.STRATEGIC, on="2024")),  # type: ignore[arg-type]  # wrong on purpose
    ("roles_on", lambda d: d.people.get("bui-thanh-son").roles_on(2024)),  # type: ignore[arg-type]  # wrong on purpose
    ("load", lambda _: vd.load(42)),  # type: ignore[arg-type]  # wrong on purpose
]


@pytest.mark.parametrize(("name", "call"), BAD_CALLS, ids=[n for n, _ in BAD_CALLS])
def test_wrong_argument_types_raise_type_error_with_a_readable_message(
    fixture_data: vd.Dataset, name: str, call: Callable[[vd.Dataset], object]
) -> None:
    with pytest.raises(TypeError, match=r"must be a") as info:
        call(fixture_data)
    assert "got" in str(info.value), name


def test_tier_on_message_names_the_expected_type(fixture_data: vd.Dataset) -> None:
    with pytest.raises(
        TypeError, match=r"day must be a datetime\.date, e\.g\. datetime\.date\(2024, 3, 19\); got '2024-01-01'"
    ):
        fixture_data.partners.get("US").tier_on("2024-01-01")  # type: ignore[arg-type]  # a wrong use, on purpose


def test_the_dataset_is_read_only_and_says_what_it_holds(fixture_data: vd.Dataset) -> None:
    with pytest.raises(AttributeError, match="partners"):
        fixture_data.partners = fixture_data.partners  # type: ignore[misc]  # a wrong use, on purpose
    with pytest.raises(AttributeError, match="people"):
        del fixture_data.people  # pyright: ignore[reportAttributeAccessIssue]  # likewise
    with pytest.raises(AttributeError, match="extra"):
        fixture_data.extra = 1  # type: ignore[attr-defined]  # likewise
    assert fixture_data.partners.ids == ("CN", "EU", "GB", "JP", "US", "VA")  # all still there
    assert repr(fixture_data).startswith(
        f"<Dataset from {fixture_data.directory!r}: sources=3, partners=6, people=4, engagements=7, trade=2, "
        "agreements=3, claims=3"
    )
    sizes = ", ".join(f"{name}={len(fixture_data[name])}" for name in vd.FILES)  # every collection, in order
    assert repr(fixture_data) == f"<Dataset from {fixture_data.directory!r}: {sizes}>"


def test_collections_are_read_only(fixture_data: vd.Dataset) -> None:
    partners = fixture_data.partners
    with pytest.raises(AttributeError):
        partners.extra = 1  # type: ignore[attr-defined]  # a wrong use, on purpose
    with pytest.raises(TypeError):
        partners["XX"] = partners.get("US")  # type: ignore[index]  # likewise
    assert isinstance(partners.ids, tuple)
    assert isinstance(partners.with_tier(Tier.STRATEGIC), tuple)
    assert isinstance(fixture_data.engagements.involving("CN"), tuple)
    assert isinstance(fixture_data.engagements.between(D(2025, 1, 1), D(2025, 12, 31)), tuple)


def test_records_are_frozen_and_strict(fixture_data: vd.Dataset) -> None:
    us = fixture_data.partners.get("US")
    with pytest.raises(ValidationError, match="frozen"):
        us.name = "Elsewhere"  # type: ignore[misc]  # a wrong use, on purpose
    with pytest.raises(ValidationError, match="frozen"):
        us.tier_history[0].tier = Tier.STRATEGIC  # type: ignore[misc]  # likewise, one level down
    assert isinstance(us.aliases, tuple)
    assert isinstance(us.evidence, tuple)
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        vd.Evidence.model_validate({"source": "x", "quote": "y", "start": 0, "end": 1, "page": 1})
    with pytest.raises(ValidationError, match="at least 1 item"):
        vd.Claim.model_validate({"id": "c", "statement": "s", "as_of": "2024", "evidence": []})


def test_collection_repr_kind_and_ids(fixture_data: vd.Dataset) -> None:
    assert repr(fixture_data.sources) == "<Collection of 3 source records>"
    assert repr(fixture_data.trade) == "<Collection of 2 trade figure records>"
    assert len(fixture_data.engagements) == len(ENGAGEMENTS)
    assert fixture_data.partners.kind == "partner"
    assert fixture_data.people.ids == tuple(person.id for person in fixture_data.people)


def test_to_records_gives_one_flat_row_per_record_in_iteration_order(fixture_data: vd.Dataset) -> None:
    rows = fixture_data.to_records("engagements")
    assert tuple(row["id"] for row in rows) == ENGAGEMENTS
    visit = rows[1]
    assert (visit["start"], visit["end"], visit["end_latest"]) == ("2023-09-10", "2023-09-11", D(2023, 9, 11))
    assert (visit["partners"], visit["people"]) == ("US", "")
    rubio = rows[5]
    discussed = json.loads(str(rubio["discussed"]))
    assert rubio["people"] == "bui-thanh-son | marco-rubio"
    assert [statement["text"] for statement in discussed] == ["trade and semiconductor cooperation"]
    assert discussed[0]["evidence"][0]["quote"] == "The two sides discussed trade and semiconductor cooperation."
    assert rubio["start_inference"] == fixture_data.engagements.get("2025-07-11-son-rubio").start.inference
    (rank, usd) = fixture_data.to_records("trade")
    assert (rank["value"], rank["change"], usd["change_percent"]) == (Decimal(6), Decimal(-2), Decimal("20.5"))


def test_to_pandas_holds_the_rows_of_to_records(fixture_data: vd.Dataset) -> None:
    frame = fixture_data.to_pandas("partners")
    rows = fixture_data.to_records("partners")
    assert list(frame.columns) == list(rows[0])
    assert frame["id"].tolist() == ["CN", "EU", "GB", "JP", "US", "VA"]
    assert (
        frame["tier"].isna().tolist()
        == [row["tier"] is None for row in rows]
        == [False, True, False, False, False, True]
    )
    assert frame["tier"].tolist()[:1] == ["comprehensive-strategic"]
    with pytest.raises(QueryError, match="unknown collection 'treaties'"):
        fixture_data.to_pandas("treaties")  # type: ignore[arg-type]  # a wrong name, on purpose


@pytest.mark.parametrize("name", list(vd.FILES))
def test_a_collection_s_to_pandas_is_its_dataset_table(fixture_data: vd.Dataset, name: vd.CollectionName) -> None:
    import pandas.testing

    from vn_diplomacy.tables import columns

    frame = fixture_data[name].to_pandas()
    pandas.testing.assert_frame_equal(frame, fixture_data.to_pandas(name))
    assert list(frame.columns) == [column.name for column in columns(name)]
    assert frame["id"].tolist() == list(fixture_data[name].ids)  # the collection's order
    for column in columns(name):
        assert str(frame[column.name].dtype).startswith("datetime64") is (column.type == "date"), column.name


def _cells(frame: pandas.DataFrame, name: vd.CollectionName) -> list[tuple[object, ...]]:
    """The rows of a frame of collection `name` as tuples, a missing value (None, NaT) as None (NaT != NaT)."""
    from vn_diplomacy.tables import columns

    values: list[list[object]] = [frame[column.name].tolist() for column in columns(name)]
    return [tuple(None if pandas.isna(value) else value for value in row) for row in zip(*values, strict=True)]


def test_to_pandas_of_a_query_s_records(fixture_data: vd.Dataset) -> None:
    """`involving` and `between` return tuples: a collection of their records gives their rows, in its order."""
    import pandas.testing

    whole = fixture_data.engagements.to_pandas()
    with_us = fixture_data.engagements.involving("US")
    assert [e.id for e in with_us] == ["2023-09-10-us-president-state-visit", "2025-07-11-son-rubio"]
    some = vd.Collection("engagement", vd.Engagement, reversed(with_us)).to_pandas()
    ids: list[str] = whole["id"].tolist()
    rows = _cells(whole, "engagements")
    assert _cells(some, "engagements") == [rows[ids.index(e.id)] for e in with_us]
    pandas.testing.assert_series_equal(some.dtypes, whole.dtypes)
    none = vd.Collection("engagement", vd.Engagement, ()).to_pandas()
    assert none.shape == (0, whole.shape[1])
    assert none.columns.tolist() == whole.columns.tolist()
    assert str(none["start_earliest"].dtype).startswith("datetime64")


def test_to_pandas_gives_real_days_and_list_cells_that_split(fixture_data: vd.Dataset) -> None:
    """A day the article gives is the same day twice; a year or a month, its first and last; " | " splits lists."""
    from vn_diplomacy.tables import columns

    names = [column.name for column in columns("engagements")]
    frame = {
        str(row[0]): dict(zip(names, row, strict=True))
        for row in _cells(fixture_data.engagements.to_pandas(), "engagements")
    }
    for engagement in fixture_data.engagements:
        row = frame[engagement.id]
        assert row["start"] == str(engagement.start)
        assert row["start_earliest"] == pandas.Timestamp(engagement.start.earliest)
        assert row["start_latest"] == pandas.Timestamp(engagement.start.latest)
        assert (str(row["partners"]).split(" | ") if row["partners"] else []) == list(engagement.partners)
        assert (str(row["people"]).split(" | ") if row["people"] else []) == list(engagement.people)
    conference = frame["2020-liuzhou-border-localities-conference"]  # dated only "2020"
    assert (conference["start_earliest"], conference["start_latest"]) == (
        pandas.Timestamp(2020, 1, 1),
        pandas.Timestamp(2020, 12, 31),
    )
    rubio = frame["2025-07-11-son-rubio"]
    assert rubio["start_earliest"] == rubio["start_latest"] == pandas.Timestamp(2025, 7, 11)
    assert rubio["end"] is rubio["end_earliest"] is None  # no end: missing, not a text "NaT"
    trade = fixture_data.trade.to_pandas()
    assert str(trade["period_end"].dtype).startswith("datetime64")
    assert trade["value"].tolist() == [figure.value for figure in fixture_data.trade]  # exact Decimals


def test_to_pandas_says_what_it_cannot_do(fixture_data: vd.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from vn_diplomacy.tables import rows

    with pytest.raises(QueryError, match=r"to_pandas\(\) makes the table of one of the package's collections; "):
        vd.Collection("record", vd.Record, ()).to_pandas()  # no collection holds bare records: no table
    with pytest.raises(TypeError, match="engagements rows are made of Engagement records, got Partner"):
        rows(fixture_data.partners, "engagements")
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` raise ImportError
    with pytest.raises(QueryError, match=r"to_pandas\(\) needs pandas: pip install 'vn_diplomacy\[pandas\]'"):
        fixture_data.engagements.to_pandas()
    with pytest.raises(QueryError, match=r"to_pandas\(\) needs pandas"):
        vd.Collection("engagement", vd.Engagement, ()).to_pandas()
