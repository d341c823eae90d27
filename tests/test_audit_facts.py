"""The facts the audit of December 2026 found wrong in the data, each named after the fact and pinned to what its
article says. (The audit re-read the five articles one at a time before looking at the data.)"""

from __future__ import annotations

import datetime

import vn_diplomacy as vd
from vn_diplomacy import AgreementStatus, Precision

D = datetime.date


def statements(engagement_id: str, kind: str) -> list[str]:
    engagement = vd.engagements.get(engagement_id)
    return [statement.text for statement in getattr(engagement, kind)]


def test_the_papal_representative_status_was_agreed_on_not_signed() -> None:
    """Article 003: the two sides "agreed on" it; nothing says it was signed."""
    agreement = vd.agreements.get("vn-va-resident-papal-representative")
    assert agreement.status is None
    assert agreement.status_as_of is None
    assert any("agreed on" in item.quote for statement in agreement.statements for item in statement.evidence)


def test_trong_invited_bidens_visit_and_is_not_listed_as_taking_part() -> None:
    visit = vd.engagements.get("2023-09-10-biden-visit-vietnam")
    assert "nguyen-phu-trong" not in visit.people
    (invitation,) = visit.proposed
    assert invitation.by == ("nguyen-phu-trong",)
    assert "invitation" in invitation.evidence[0].quote


def test_the_2021_phone_call_invitations_are_proposals_not_agreements() -> None:
    """Article 002: the ministers "invited each other" to a visit; it was not agreed."""
    agreed = statements("2021-04-16-son-wang-yi-phone-call", "agreed")
    proposed = vd.engagements.get("2021-04-16-son-wang-yi-phone-call").proposed
    assert not any("invited" in text for text in agreed)
    assert any("invited each other" in item.quote for statement in proposed for item in statement.evidence)


def test_the_doc_and_coc_were_emphasised_on_july_10_not_agreed() -> None:
    """Article 004: the two sides "emphasized the importance of" implementing the DOC and reaching a COC."""
    agreed = statements("2025-07-10-son-wang-yi", "agreed")
    stated = vd.engagements.get("2025-07-10-son-wang-yi").stated
    assert not any("DOC" in text or "COC" in text for text in agreed)
    assert any("emphasized the importance" in e.quote for statement in stated for e in statement.evidence)


def test_the_two_visits_to_and_from_china_are_assessed_not_agreements() -> None:
    """Article 003 says the visits "intensified and elevated" the partnership: its assessment, not an agreement."""
    for visit in ("2022-10-30-nguyen-phu-trong-visit-china", "2023-12-12-xi-jinping-visit-vietnam"):
        assert statements(visit, "agreed") == []
        assert statements(visit, "stated")


def test_the_uk_foreign_secretary_is_named_as_the_article_spells_him() -> None:
    """Article 004 writes "David Lamy"; the usual spelling stays an alias for lookup, not the record's name."""
    person = vd.people.get("david-lammy")
    assert person.name == "David Lamy"
    assert vd.people.lookup("David Lammy") == person
    assert "Lamy" in vd.engagements.get("2025-07-11-son-lammy").title


def test_the_missile_base_statement_is_no_later_than_its_article() -> None:
    """Listed on a page of 17 April 2021: a year-only "2021" let a query for May 2021 find it."""
    start = vd.engagements.get("2021-spokesperson-verify-china-missile-base").start
    assert start.is_inferred
    assert (start.earliest, start.latest) == (D(2021, 1, 1), D(2021, 4, 17))
    later = vd.engagements.between(D(2021, 5, 1), D(2021, 12, 31))
    assert "2021-spokesperson-verify-china-missile-base" not in {engagement.id for engagement in later}


def test_the_press_conference_before_the_unga_trip_is_no_later_than_its_article() -> None:
    start = vd.engagements.get("2024-son-press-conference-to-lam-us-un-trip").start
    assert start.is_inferred
    assert start.precision is Precision.RANGE
    assert start.latest == D(2024, 9, 21)


def test_un_support_during_the_pandemic_is_not_dated_to_the_articles_day() -> None:
    """Article 001 reports it as past and undated: once dated 2024-09-21, it showed in September 2024."""
    facts = vd.partners.get("UN").facts
    pandemic = [fact for fact in facts if "Covid" in fact.evidence[0].quote]
    assert pandemic
    for fact in pandemic:
        assert fact.as_of is None or (fact.as_of.is_inferred and fact.as_of.earliest < D(2024, 1, 1))


def test_nine_partners_met_on_july_10_and_11_not_all_on_july_11() -> None:
    claim = vd.claims.get("amm-58-son-met-nine-partners")
    assert (claim.as_of.earliest, claim.as_of.latest) == (D(2025, 7, 10), D(2025, 7, 11))
    assert claim.as_of.is_inferred


def test_seven_comprehensive_strategic_partners_names_none_it_cannot_quote() -> None:
    claim = vd.claims.get("vn-seven-comprehensive-strategic-partners-2024-03")
    assert "among them" not in claim.statement
    assert claim.value is not None
    assert int(claim.value) == 7


def test_the_agreements_an_article_only_implies_say_why() -> None:
    """No article states an agreement's status outright; each status the data gives carries the reasoning."""
    for agreement in vd.agreements:
        assert agreement.status is None or agreement.status_inference is not None, agreement.id
    assert vd.agreements.get("evipa").status is AgreementStatus.PENDING_RATIFICATION
    assert "ratify" in str(vd.agreements.get("evipa").status_inference)


def test_davos_talks_are_bounded_by_the_meeting_that_reports_them() -> None:
    """Reported as past at the meeting of 11 July 2025: "2025" let them fall after it."""
    start = vd.engagements.get("2025-chinh-keller-sutter-davos").start
    assert (start.earliest, start.latest) == (D(2025, 1, 1), D(2025, 7, 11))
    assert start.is_inferred


def test_what_le_hoai_trung_said_is_not_put_in_trongs_mouth() -> None:
    for engagement in ("32nd-diplomatic-conference", "national-conference-on-external-affairs"):
        for statement in vd.engagements.get(engagement).stated:
            if statement.by == ("nguyen-phu-trong",):
                assert "2024" not in statement.text, engagement


def test_the_contradictions_between_and_within_articles_are_records() -> None:
    ids = set(vd.discrepancies.ids)
    assert {"vn-cn-meeting-july-10-or-11", "seven-csps-vs-six-in-tier-histories-2024-03"} <= ids
    july = vd.discrepancies.get("vn-cn-meeting-july-10-or-11")
    quotes = [e.quote for reading in july.readings for e in reading.evidence]
    assert any(q.startswith("On July 11") for q in quotes)
    assert any(q.startswith("Previously, on July 10") for q in quotes)
    assert vd.engagements.get("2025-07-10-son-wang-yi").start.earliest == D(2025, 7, 10)


def test_india_is_a_comprehensive_strategic_partner_all_through_2023() -> None:
    """Article 003's review of 2023 attests it for the whole year: it counts from 1 January 2023, not 31 December."""
    india = vd.partners.get("IN")
    answer = india.tier_as_of(D(2023, 6, 1))
    assert (answer.tier, answer.basis, str(answer.since)) == (
        vd.Tier.COMPREHENSIVE_STRATEGIC,
        vd.Basis.ATTESTED,
        "2023",
    )
    assert answer.evidence == india.tier_history[0].evidence
    assert india in vd.partners.with_tier(vd.Tier.COMPREHENSIVE_STRATEGIC, on=D(2023, 6, 1))
    before = india.tier_as_of(D(2022, 12, 31))
    assert (before.tier, before.basis, before.since, before.evidence) == (None, vd.Basis.UNKNOWN, None, ())


def test_the_uk_strategic_partnership_is_inferred_from_all_permanent_members() -> None:
    answer = vd.partners.get("GB").tier_as_of(D(2024, 3, 18))
    assert (answer.tier, answer.basis) == (vd.Tier.STRATEGIC, vd.Basis.INFERRED)


def test_to_lam_has_the_full_title_the_article_gives() -> None:
    assert vd.people.get("to-lam").title == "General Secretary and President"


def test_the_home_pages_headline_facts_are_the_datas() -> None:
    """docs/index.md states the coverage and three headline facts in prose: each must be what the data holds."""
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "index.md").read_text(encoding="utf-8")
    assert f"**Coverage:** {len(vd.sources)} articles".replace("5 ", "five ") in page
    seven = vd.claims.get("vn-seven-comprehensive-strategic-partners-2024-03")
    assert seven.value is not None
    assert int(seven.value) == 7
    assert "with seven countries" in page
    attested = vd.partners.with_tier(vd.Tier.COMPREHENSIVE_STRATEGIC, on=D(2024, 3, 19))
    assert len(attested) == 6
    assert "attest six by then: " + ", ".join(p.name for p in attested[:-1]) in page.replace("\n", " ")
    (figure,) = vd.trade.involving("US")
    assert figure.qualifier == "nearly"
    assert figure.value == 88_000_000_000
    assert "nearly US$88 billion in the first eight months of 2024" in page.replace("\n", " ")
    nine = vd.claims.get("amm-58-son-met-nine-partners")
    assert nine.value is not None
    assert int(nine.value) == 9
    assert "met nine partners" in page.replace("\n", " ")
