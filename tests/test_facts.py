"""The articles' own statements, reproduced from the data."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import vn_diplomacy as vd
from vn_diplomacy import EngagementKind, Precision, RelationsKind, Tier

D = datetime.date


def test_us_history_normalised_1995_comprehensive_2013_comprehensive_strategic_2023() -> None:
    us = vd.partners.get("US")
    normalised = [r for r in us.relations if r.kind is RelationsKind.NORMALISED]
    assert [str(r.date) for r in normalised] == ["1995"]
    assert not normalised[0].date.is_inferred  # "Vietnam normalised relations with this country in 1995"
    assert us.relations_established == normalised[0].date  # the stated date, not the one counted back
    changes = [(c.tier, str(c.date)) for c in us.tier_history]
    assert changes[0] == (Tier.COMPREHENSIVE, "2013")
    assert changes[1][0] is Tier.COMPREHENSIVE_STRATEGIC
    assert changes[1][1].startswith("2023")
    assert (
        us.tier_history[1].name
        == "Comprehensive strategic partnership for peace, cooperation, and sustainable development"
    )
    assert us.tier_on(D(2012, 12, 31)) is None
    assert us.tier_on(D(2014, 1, 1)) is Tier.COMPREHENSIVE
    assert us.tier_on(D(2024, 1, 1)) is Tier.COMPREHENSIVE_STRATEGIC
    assert us.tier is Tier.COMPREHENSIVE_STRATEGIC


def test_us_upgrade_counts_from_the_last_day_of_bidens_visit() -> None:
    upgrade = vd.partners.get("US").tier_history[1]
    assert upgrade.date is not None
    assert upgrade.date.precision is Precision.RANGE
    assert (upgrade.date.earliest, upgrade.date.latest) == (D(2023, 9, 10), D(2023, 9, 11))
    assert vd.partners.get("US").tier_on(D(2023, 9, 10)) is Tier.COMPREHENSIVE
    assert vd.partners.get("US").tier_on(D(2023, 9, 11)) is Tier.COMPREHENSIVE_STRATEGIC
    assert vd.partners.get("GB").tier_on(D(2023, 9, 20)) is Tier.STRATEGIC


def test_us_established_1995_is_an_inference_from_the_30th_anniversary() -> None:
    established = [r for r in vd.partners.get("US").relations if r.kind is RelationsKind.ESTABLISHED]
    assert [str(r.date) for r in established] == ["1995"]
    assert established[0].date.is_inferred
    assert "30" in (established[0].date.inference or "")


def test_comprehensive_strategic_partners_known_on_2024_03_19() -> None:
    """The article of that day counts seven; the articles attest six of them by then.

    The seventh (Australia, upgraded in March 2024) is attested by the articles only from July 2025.
    """
    known = {p.id for p in vd.partners.with_tier(Tier.COMPREHENSIVE_STRATEGIC, on=D(2024, 3, 19))}
    assert known == {"CN", "IN", "JP", "KR", "RU", "US"}
    seven = vd.claims.get("vn-seven-comprehensive-strategic-partners-2024-03")
    assert seven.value == 7
    assert str(seven.as_of) == "2024-03-18"
    assert vd.partners.get("AU").tier_on(D(2024, 3, 19)) is None
    assert vd.partners.get("AU").tier_on(D(2025, 7, 11)) is Tier.COMPREHENSIVE_STRATEGIC


def test_the_32nd_diplomatic_conference_is_dated_only_as_the_articles_bound_it() -> None:
    conference = vd.engagements.lookup("32nd Diplomatic Conference")
    assert conference.start.is_inferred
    assert (conference.start.earliest, conference.start.latest) == (D(2022, 12, 1), D(2024, 3, 18))
    assert "nguyen-phu-trong" in conference.people


def test_thirty_strategic_and_comprehensive_partners() -> None:
    assert vd.claims.get("vn-30-strategic-and-comprehensive-partners-2024-03").value == 30


def test_all_five_permanent_members_are_strategic_or_comprehensive_strategic_partners() -> None:
    claim = vd.claims.get("vn-csp-or-sp-with-five-unsc-permanent-members")
    assert claim.value == 5
    assert set(claim.partners) == {"US", "CN", "RU", "GB", "FR"}
    for partner_id in claim.partners:
        tier = vd.partners.get(partner_id).tier_on(D(2024, 3, 18))
        assert tier is not None
        assert tier >= Tier.STRATEGIC, partner_id
    assert vd.partners.get("GB").tier_history[-1].inference  # a lower bound, not a named tier


def test_all_33_latin_american_countries_after_the_bahamas_and_trinidad_and_tobago() -> None:
    claim = vd.claims.get("diplomatic-ties-all-33-latin-american-countries")
    assert claim.value == 33
    for partner_id in ("BS", "TT"):
        established = vd.partners.get(partner_id).relations_established
        assert established is not None
        assert established.year == 2023
        assert established.is_inferred


def test_all_nine_meetings_of_10_and_11_july_2025_involve_the_foreign_minister() -> None:
    overlapping = vd.engagements.between(D(2025, 7, 10), D(2025, 7, 11))
    # The 17th Steering Committee meeting, dated only "2025" and still planned, overlaps too.
    assert "2025-vn-cn-steering-committee-17" in {e.id for e in overlapping}
    meetings = [e for e in overlapping if e.kind is EngagementKind.MEETING and e.status is vd.EngagementStatus.HELD]
    assert len(meetings) == 9
    assert {p for e in meetings for p in e.partners} == {"US", "EU", "GB", "PK", "CN", "DZ", "AU", "JP", "CH"}
    assert all("bui-thanh-son" in e.people for e in meetings)
    assert "2025-07-10-son-wang-yi" in {e.id for e in vd.engagements.involving("bui-thanh-son", "CN")}
    assert all(e.start.is_inferred and e.start.year == 2025 for e in meetings)  # the article gives no year


def test_the_nine_meetings_of_10_and_11_july_2025_in_a_data_frame() -> None:
    """The same nine meetings, found in a notebook's way: the frame's days, kinds and list cells."""
    import pandas

    frame = vd.engagements.to_pandas()
    within = (frame["start_earliest"] >= pandas.Timestamp(2025, 7, 10)) & (frame["start_latest"] <= "2025-07-11")
    held = (frame["kind"] == "meeting") & (frame["status"] == "held")
    days: list[bool] = within.tolist()
    meetings: list[bool] = (within & held).tolist()
    assert sum(days) == sum(meetings) == 9  # the Davos talks, bounded by 11 July, may be any day of 2025 before it
    partners: list[str] = frame["partners"].tolist()
    people: list[str] = frame["people"].tolist()
    chosen = [index for index, meeting in enumerate(meetings) if meeting]
    met = {p for index in chosen for p in partners[index].split(" | ")}
    assert met == {"US", "EU", "GB", "PK", "CN", "DZ", "AU", "JP", "CH"}
    assert all("bui-thanh-son" in people[index].split(" | ") for index in chosen)
    ids: list[str] = frame["id"].tolist()
    davos = ids.index("2025-chinh-keller-sutter-davos")
    assert (frame["start_earliest"].tolist()[davos], frame["start_latest"].tolist()[davos]) == (
        pandas.Timestamp(2025, 1, 1),
        pandas.Timestamp(2025, 7, 11),
    )


def test_88_billion_usd_in_the_first_8_months_of_2024() -> None:
    (figure,) = vd.trade.involving("US")
    assert figure.value == Decimal("88000000000")
    assert figure.unit == "USD"
    assert (figure.period_start, figure.period_end) == (D(2024, 1, 1), D(2024, 8, 31))
    assert figure.qualifier == "nearly"
    assert figure.change_percent == Decimal(22)
    assert figure.compared_with == "2023"


def test_vietnam_china_sixth_largest_trading_partner_in_2020_up_two_ranks() -> None:
    (rank,) = vd.trade.involving("CN")
    assert (rank.value, rank.unit, rank.change) == (Decimal(6), "rank", Decimal(-2))
    assert (rank.period_start, rank.period_end) == (D(2020, 1, 1), D(2020, 12, 31))


def test_framework_names_as_the_articles_give_them() -> None:
    assert vd.partners.get("CN").tier_history[-1].name == "comprehensive strategic cooperative partnership"
    japan = vd.partners.get("JP").tier_history[-1]
    assert japan.name == "Comprehensive strategic partnership for peace and prosperity in Asia and the world"
    assert japan.date is not None
    assert str(japan.date) == "late 2023"
    assert japan.date.precision is Precision.PART_OF_YEAR
    korea = vd.partners.get("KR").tier_history[-1]
    assert str(korea.date) == "2022-12"


def test_japans_late_2023_upgrade_counts_from_31_december_2023() -> None:
    japan = vd.partners.get("JP")
    assert japan.tier_on(D(2023, 12, 30)) is None
    assert japan.tier_on(D(2023, 12, 31)) is Tier.COMPREHENSIVE_STRATEGIC


def test_koreas_december_2022_upgrade_counts_from_31_december_2022() -> None:
    korea = vd.partners.get("KR")
    assert korea.tier_on(D(2022, 12, 30)) is None
    assert korea.tier_on(D(2022, 12, 31)) is Tier.COMPREHENSIVE_STRATEGIC


def test_the_articles_name_no_tier_for_new_zealand() -> None:
    assert vd.partners.get("NZ").tier_on(D(2025, 1, 1)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("united states", "US"),
        ("U.S.", "US"),
        ("  USA ", "US"),
        ("UK", "GB"),
        ("united kingdom", "GB"),
        ("Republic of Korea", "KR"),
        ("holy see", "VA"),
        ("the bahamas", "BS"),
        ("EU", "EU"),
        ("asean", "ASEAN"),
    ],
)
def test_partners_are_found_by_their_common_names(text: str, expected: str) -> None:
    assert vd.partners.lookup(text).id == expected


def test_son_and_wang_yi_spoke_by_phone_on_16_april_2021_and_met_on_10_july_2025() -> None:
    assert vd.people.get("wang-yi").country == "CN"
    both = {e.id for e in vd.engagements.involving("bui-thanh-son", "wang-yi")}
    assert {"2021-04-16-son-wang-yi-phone-call", "2025-07-10-son-wang-yi"} <= both


def test_evipa_is_between_vietnam_and_the_eu() -> None:
    assert "evipa" in {a.id for a in vd.agreements.involving("VN", "EU")}
    assert vd.agreements.lookup("EVIPA").parties == ("VN", "EU")


def test_the_foreign_minister_becomes_also_deputy_prime_minister() -> None:
    son = vd.people.lookup("Bùi Thanh Sơn")
    assert son.roles_on(D(2021, 4, 16))[0].title == "Foreign Minister"
    titles_2024_09 = {role.title for role in son.roles if str(role.as_of).startswith("2024-09")}
    # One title, in full as article 001 writes it ("Deputy Prime Minister and Minister of Foreign Affairs").
    assert titles_2024_09 == {"Deputy Prime Minister and Minister of Foreign Affairs"}
    assert son.title == "Deputy Prime Minister and Foreign Minister"
    role = son.role_on(D(2024, 12, 1))  # the latest attested on or before the day
    assert role is not None
    assert role.title == "Deputy Prime Minister and Minister of Foreign Affairs"
    assert son.role_on(D(2021, 4, 15)) is None  # before anything the articles say of him
    assert all(role.entity == "VN" for role in son.roles)


def test_high_level_visits_of_2023() -> None:
    biden = vd.engagements.get("2023-09-10-biden-visit-vietnam")
    assert (str(biden.start), str(biden.end)) == ("2023-09-10", "2023-09-11")
    xi = vd.engagements.get("2023-12-12-xi-jinping-visit-vietnam")
    assert (str(xi.start), str(xi.end)) == ("2023-12-12", "2023-12-13")
    trip = vd.engagements.get("2022-10-30-nguyen-phu-trong-visit-china")
    assert (str(trip.start), str(trip.end)) == ("2022-10-30", "2022-11-01")
    assert vd.engagements.involving("yoon-suk-yeol")[0].end == vd.PartialDate.parse("2023-06-24")


def test_agreements_and_their_status() -> None:
    status = {a.id: a.status for a in vd.agreements}
    assert status["evipa"] is vd.AgreementStatus.PENDING_RATIFICATION
    assert status["coc"] is vd.AgreementStatus.UNDER_NEGOTIATION
    assert status["vn-efta-fta"] is vd.AgreementStatus.UNDER_NEGOTIATION
    assert status["vn-pk-fta"] is vd.AgreementStatus.PROPOSED
    assert vd.agreements.lookup("UNCLOS").id == "unclos-1982"
    assert vd.agreements.lookup("DOC").id == "doc"
    documents = vd.claims.get("vn-kr-17-cooperation-documents")
    assert documents.value == 17
    assert str(documents.as_of) == "2023-06-22/2023-06-24"  # during President Yoon's visit


def test_relations_with_china_counted_back_from_71_years() -> None:
    established = vd.partners.get("CN").relations_established
    assert established is not None
    assert established.year == 1950
    assert established.is_inferred


def test_breakthrough_fields() -> None:
    def breakthroughs(partner_id: str) -> set[str]:
        return {f.text for f in vd.partners.get(partner_id).facts if f.kind is vd.FactKind.BREAKTHROUGH}

    assert breakthroughs("CN") == {"infrastructure connectivity"}
    assert breakthroughs("US") == {"semiconductor industry"}
    assert breakthroughs("AU") == {"high-tech agriculture", "education - training"}
    assert breakthroughs("JP") == {"official development assistance (ODA)"}


@pytest.mark.parametrize("name", ["Germany", "Đức", "DE", "DEU"])
def test_no_article_mentions_germany(name: str) -> None:
    """Germany is a partner of Vietnam in the world, but not in these five articles: a lookup says so."""
    with pytest.raises(vd.NotFound) as missing:
        vd.partners.lookup(name)
    assert missing.value.note == "the articles do not mention Germany (DE) as a partner of Vietnam"
    assert not vd.search("Germany")
