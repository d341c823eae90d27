"""Search and the views of one record: `vn_diplomacy.search.search` and the commands `search`, `engagement`,
`agreement`, `claim`, `source`, with the listings' filters; on the fixture data."""

from __future__ import annotations

import json

import pytest

import vn_diplomacy as vd
from vn_diplomacy import search
from vn_diplomacy.cli import main
from vn_diplomacy.cli._values import AGREEMENT_STATUSES, ENGAGEMENT_KINDS

FIXTURE = ("--data", "tests/fixtures/data")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main([*FIXTURE, *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, text, err = run(capsys, *argv)
    assert (status, err) == (0, "")
    return text


def test_search_finds_every_record_that_holds_the_words_best_first(fixture_data: vd.Dataset) -> None:
    hits = search("semiconductor", fixture_data)
    assert [(h.collection, h.record.id, h.matched, h.field) for h in hits] == [
        ("partners", "US", "text", "facts[0].text"),
        ("engagements", "2025-07-11-son-rubio", "statement", "discussed[0].text"),
    ]
    statement = hits[1]
    assert statement.text == "trade and semiconductor cooperation"
    assert statement.evidence is not None
    assert statement.evidence.quote == "The two sides discussed trade and semiconductor cooperation."


def test_search_folds_case_diacritics_and_a_plural(fixture_data: vd.Dataset) -> None:
    assert search("BÙI thanh SƠN", fixture_data)[0].record.id == "bui-thanh-son"  # the whole name first
    assert [h.record.id for h in search("Semiconductors", fixture_data)] == [
        h.record.id for h in search("semiconductor", fixture_data)
    ]
    every_word = search("trade semiconductor", fixture_data)
    assert every_word
    assert all("trade" in h.text.lower() and "semiconductor" in h.text.lower() for h in every_word)


def test_a_quote_is_searched_too(fixture_data: vd.Dataset) -> None:
    (hit,) = [h for h in search("Kuala Lumpur", fixture_data) if h.record.id == "2025-07-11-son-rubio"]
    assert hit.matched == "text"  # its location, before the quote that says it
    quoted = [h for h in search("legislators", fixture_data) if h.matched == "quote"]
    assert quoted
    assert all(h.evidence is not None and "legislators" in h.evidence.quote for h in quoted)


def test_search_refuses_what_it_cannot_search_for(fixture_data: vd.Dataset) -> None:
    with pytest.raises(vd.QueryError, match="nothing to search for in '!!'"):
        search("!!", fixture_data)
    with pytest.raises(vd.QueryError, match="limit must be 1 or more, got 0"):
        search("trade", fixture_data, limit=0)
    with pytest.raises(TypeError, match="text must be a str"):
        search(None, fixture_data)  # type: ignore[arg-type]  # the wrong type is the point
    assert len(search("trade", fixture_data, limit=1)) == 1


def test_the_search_command_takes_words_unquoted(capsys: pytest.CaptureFixture[str]) -> None:
    text = out(capsys, "search", "semiconductor", "cooperation")
    assert text.splitlines()[0] == "engagements 2025-07-11-son-rubio (Bui Thanh Son meets Marco Rubio)"
    assert "  statement discussed[0].text: trade and semiconductor cooperation" in text
    assert text.endswith("(2 records)\n")  # and the US, whose fact's quote says so
    assert all(len(line) <= 80 for line in text.splitlines())
    records = json.loads(out(capsys, "search", "semiconductor", "--json"))
    assert [r["id"] for r in records] == ["US", "2025-07-11-son-rubio"]
    assert out(capsys, "search", "railway") == "nothing in the data holds 'railway'\n"
    status, _, err = run(capsys, "search", "trade", "--limit", "0")
    assert status == 2
    assert "invalid count '0'" in err


def test_search_as_json_names_each_hit_s_collection(
    capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset
) -> None:
    """The ids of "2025" are an engagement's and a claim's that look alike: only the collection tells them apart."""
    hits = search("2025", fixture_data)
    assert {hit.collection for hit in hits} == {"engagements", "claims"}
    printed = json.loads(out(capsys, "search", "2025", "--format", "json"))
    assert [(h["collection"], h["id"]) for h in printed] == [(hit.collection, hit.record.id) for hit in hits]
    assert json.loads(out(capsys, "search", "2025", "--json")) == printed
    lines = out(capsys, "search", "2025", "--format", "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == printed
    claim = next(h for h in printed if h["collection"] == "claims")
    assert list(claim) == ["collection", "id", "matched", "field", "text", "matches", "evidence", "record"]
    record = fixture_data.claims.get(claim["id"])
    assert vd.Claim.model_validate(claim["record"]) == record  # the record as the data files hold it
    hit = next(h for h in hits if h.collection == "claims")
    assert (claim["matched"], claim["field"], claim["text"], claim["matches"]) == (
        hit.matched,
        hit.field,
        hit.text,
        hit.matches,
    )
    assert hit.evidence is not None
    assert claim["evidence"] == hit.evidence.model_dump(mode="json")
    assert out(capsys, "search", "railway", "--format", "json") == "[]\n"


def test_an_engagement_in_full_with_each_statement_and_its_quote(
    capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset
) -> None:
    text = out(capsys, "engagement", "Bui Thanh Son holds talks with Wang Yi")
    lines = text.splitlines()
    assert lines[:2] == ["Bui Thanh Son holds talks with Wang Yi", "id 2025-07-10-son-wang-yi"]
    agreed = fixture_data.engagements.get("2025-07-10-son-wang-yi").agreed[0]
    assert "Agreed" in lines
    assert any(line.startswith(f"  - {agreed.text[:40]}") for line in lines)
    assert any(agreed.evidence[0].quote[:40] in line for line in lines)
    assert "(inferred)" in text  # the article gives only "July 10"
    assert all(len(line) <= 80 for line in lines)
    record = json.loads(out(capsys, "engagement", "2025-07-10-son-wang-yi", "--json"))
    assert record["id"] == "2025-07-10-son-wang-yi"
    status, _, err = run(capsys, "engagement", "no such meeting")
    assert status == 1
    assert err.startswith("vn-diplomacy: error: unknown engagement")


def test_an_agreement_a_claim_and_a_source_in_full(
    capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset
) -> None:
    evfta = out(capsys, "agreement", "EVFTA")
    assert evfta.splitlines()[:2] == ["EU-Vietnam Free Trade Agreement (EVFTA)", "id evfta"]
    assert "  status: in-force as of 2024-09-21" in evfta
    assert "What the articles say of it" in evfta
    claim = out(capsys, "claim", "vn-us-30-years-of-relations-2025")
    assert "  as of 2025-07-11 (inferred)" in claim
    source = fixture_data.sources.get("fixture-a")
    text = out(capsys, "source", "fixture-a")
    assert f"  sha256: {source.sha256}" in text
    assert f"  address: {source.url}" in text
    status, _, err = run(capsys, "claim", "nope")
    assert status == 1
    assert "unknown claim id 'nope'" in err


def test_listings_filter_by_kind_status_partner_and_country(capsys: pytest.CaptureFixture[str]) -> None:
    talks = json.loads(out(capsys, "engagements", "--kind", "talks", "--json"))
    assert [e["id"] for e in talks] == ["2025-07-10-son-wang-yi"]
    signed = json.loads(out(capsys, "agreements", "--status", "signed", "--json"))
    assert [a["id"] for a in signed] == ["vn-jp-joint-statement-2023"]
    japan = json.loads(out(capsys, "agreements", "--partner", "Japan", "--json"))
    assert [a["id"] for a in japan] == ["vn-jp-joint-statement-2023"]
    assert out(capsys, "agreements", "--status", "proposed") == "no agreements match\n"
    claims = json.loads(out(capsys, "claims", "--partner", "US", "--json"))
    assert {c["id"] for c in claims} == {
        "vn-seven-comprehensive-strategic-partners-2024-03",
        "vn-us-30-years-of-relations-2025",
    }
    vietnamese = json.loads(out(capsys, "people", "--country", "VN", "--json"))
    assert {p["id"] for p in vietnamese} == {"bui-thanh-son", "do-hung-viet"}
    chinese = json.loads(out(capsys, "people", "--country", "China", "--json"))
    assert [p["id"] for p in chinese] == ["wang-yi"]
    status, _, err = run(capsys, "engagements", "--kind", "meetng")
    assert status == 2
    assert "unknown kind 'meetng'; did you mean 'meeting'?" in err


def test_the_choices_are_the_enums_values() -> None:
    assert tuple(kind.value for kind in vd.EngagementKind) == ENGAGEMENT_KINDS
    assert tuple(status.value for status in vd.AgreementStatus) == AGREEMENT_STATUSES


@pytest.mark.parametrize("command", ["partners", "people", "engagements", "trade", "agreements", "claims", "sources"])
def test_every_listing_prints_csv_json_and_json_lines(capsys: pytest.CaptureFixture[str], command: str) -> None:
    import csv
    import io

    as_json = json.loads(out(capsys, command, "--format", "json"))
    assert as_json == json.loads(out(capsys, command, "--json"))
    lines = out(capsys, command, "--format", "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == as_json
    table = out(capsys, command).splitlines()
    rows = list(csv.reader(io.StringIO(out(capsys, command, "--format", "csv"))))
    assert rows[0] == table[0].split()[:1] + rows[0][1:]  # the table's headers
    assert rows[0][0] == "ID"
    assert [row[0] for row in rows[1:]] == [record["id"] for record in as_json]
    status, _, err = run(capsys, command, "--format", "xml")
    assert status == 2
    assert "unknown format 'xml'" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("search", ""), "search needs a word to look for"),
        (("search", "!!", "?"), "search needs a word to look for"),
        (("partner", "   "), "partner needs an id or a name, got only white space"),
        (("engagement", " "), "engagement needs an id or a name"),
    ],
)
def test_nothing_to_look_for_is_wrong_usage(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) == 1


def test_the_discrepancies_and_one_in_full(capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset) -> None:
    listing = out(capsys, "discrepancies")
    assert listing.splitlines()[1].startswith("fixture-son-wang-yi-july-10-or-11  CN")
    assert listing.endswith("(1 discrepancy)\n")
    text = out(capsys, "discrepancy", "fixture-son-wang-yi-july-10-or-11")
    (record,) = fixture_data.discrepancies
    assert "Readings" in text.splitlines()
    assert all(reading.evidence[0].quote[:30] in text for reading in record.readings)
    assert "the data follows: July 10" in text
    assert json.loads(out(capsys, "discrepancy", record.id, "--json"))["id"] == record.id
