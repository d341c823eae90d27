"""The `vn-diplomacy` command: every subcommand's output, `--json`, and every error path's one line and exit status."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import vn_diplomacy as vd
from vn_diplomacy import cli
from vn_diplomacy.cli import main
from vn_diplomacy.registry import COLLECTIONS

if TYPE_CHECKING:
    from collections.abc import Sequence

FIXTURE = Path(__file__).parent / "fixtures" / "data"
"""The tests' own dataset (`fixture_data` loaded): the behaviour tests run on it, so they can assert exact output.

A new article changes none of them; the few runs on the bundled data check what no article changes (sections,
exit status), and counts of collections or files come from the registry.
"""

ON_FIXTURE = ("--data", str(FIXTURE))
"""The arguments that point the command at the fixture dataset (they come before the subcommand)."""

HEADER = "vn_diplomacy: Vietnam's foreign relations from official articles, every fact with its quote"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def on_fixture(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command on the fixture dataset."""
    return run(capsys, *ON_FIXTURE, *argv)


def answer(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The output of a command on the fixture dataset that must succeed with nothing on stderr."""
    status, out, err = on_fixture(capsys, *argv)
    assert (status, err) == (0, "")
    return out


def listing(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    parsed: list[dict[str, object]] = json.loads(answer(capsys, *argv, "--json"))
    return parsed


def ids(capsys: pytest.CaptureFixture[str], *argv: str) -> list[object]:
    return [record["id"] for record in listing(capsys, *argv)]


def text(*lines: str) -> str:
    """What the command prints: these lines, each ended by a newline."""
    return "".join(f"{line}\n" for line in lines)


def quoted(evidence: Sequence[vd.Evidence]) -> list[str]:
    """The lines `partner` and `person` print under a dated entry: each quote and its source."""
    return [f'    "{item.quote}" [{item.source}]' for item in evidence]


def test_the_cli_lists_tiers_and_formats_as_the_package_defines_them() -> None:
    from vn_diplomacy.export import FORMATS

    assert tuple(tier.value for tier in sorted(vd.Tier, reverse=True)) == cli.TIERS
    assert cli.FORMATS == FORMATS


# --- the overview --------------------------------------------------------------------------------


def test_overview_is_the_default_command(capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset) -> None:
    assert on_fixture(capsys) == on_fixture(capsys, "overview")
    out = answer(capsys)
    assert out == cli.overview(fixture_data) + "\n"
    assert out == text(
        HEADER,
        "3 sources, 6 partners, 4 people, 7 engagements, 2 trade figures, 3 agreements, 3 claims, "
        "1 discrepancy between or within articles",
        "",
        "Partners by latest known tier",
        "  comprehensive strategic partnership (3): China [stated: set up 2008]; Japan [stated: set up late 2023]; "
        "United States [stated: set up 2023-09-10/2023-09-11]",
        "  strategic partnership (1): United Kingdom [attested: in force 2024-03-18]",
        "  comprehensive partnership (0): none at this tier now",
        "",
        "Latest engagements",
        "  2025-12                17th meeting of the Vietnam-China Steering Committee [planned]",
        "  2025-07-11 (inferred)  Bui Thanh Son meets Marco Rubio",
        "  2025-07-11 (inferred)  Bui Thanh Son meets representatives of the European Union",
        "  2025-07-10 (inferred)  Bui Thanh Son holds talks with Wang Yi",
        "  2024-03-18             Question-and-answer session with the foreign minister",
        "  2023-09-10/2023-09-11  US President's state visit to Vietnam",
        "  2020                   2020 conference of border localities in Liuzhou",
        "",
        "Trade figures",
        "  2020-01-01/2020-12-31 Vietnam's rank among China's trading partners (China): No. 6, up 2 places vs 2019",
        "  2024-01-01/2024-06-30 two-way trade (United States): nearly US$60 billion (60,000,000,000 USD), "
        "+20.5% vs the same period of 2023",
        "",
        "Sources",
        "  2024-03-19  Fixture Press: Fixture article A: Minister answers legislators on ties with major partners",
        "  2024-09-21  Fixture Press: (untitled)",
        "  2025 (inferred)  Fixture Wire: Fixture article B: Deputy Prime Minister meets counterparts in Kuala Lumpur",
        "",
        "More: vn-diplomacy --help",
    )


def test_overview_marks_an_inferred_tier(capsys: pytest.CaptureFixture[str], fixture_dir: Path) -> None:
    path = fixture_dir / "partners.json"
    partners = json.loads(path.read_text(encoding="utf-8"))
    (uk,) = [partner for partner in partners if partner["id"] == "GB"]
    uk["tier_history"][0]["inference"] = "A strategic partner among the 30 the article counts."
    path.write_text(json.dumps(partners, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "--data", str(fixture_dir))
    assert (status, err) == (0, "")
    assert "\n  strategic partnership (1): United Kingdom [inferred: in force 2024-03-18]\n" in out


def sections(overview: str) -> dict[str, list[str]]:
    """The overview's blocks (split at blank lines), each by its first line, with the lines under it."""
    blocks = [block.splitlines() for block in overview.rstrip("\n").split("\n\n")]
    return {block[0]: block[1:] for block in blocks}


def test_overview_of_the_bundled_data_has_every_section(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys) == run(capsys, "overview")
    status, out, err = run(capsys)
    assert (status, err) == (0, "")
    assert out == cli.overview() + "\n"
    found = sections(out)
    assert list(found) == [
        HEADER,
        "Partners by latest known tier",
        "Latest engagements",
        "Trade figures",
        "Sources",
        "More: vn-diplomacy --help",
    ]
    (counts,) = found[HEADER]
    assert re.fullmatch(r"\d+ sources(, \d+ [a-z ]+)+", counts), counts
    tiers = found["Partners by latest known tier"]
    assert [line.split(": ")[0] for line in tiers] == [
        f"  {tier.label} ({len(vd.partners.with_tier(tier))})" for tier in sorted(vd.Tier, reverse=True)
    ]
    assert len(found["Latest engagements"]) == min(8, len(vd.engagements))
    assert len(found["Trade figures"]) == len(vd.trade)
    assert len(found["Sources"]) == len(vd.sources)
    assert found["More: vn-diplomacy --help"] == []


def test_overview_via_python_m() -> None:
    result = subprocess.run([sys.executable, "-m", "vn_diplomacy"], check=False, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(HEADER + "\n")
    assert result.stdout == cli.overview() + "\n"


# --- the listings and the records ---------------------------------------------------------------


def test_partners_on_a_day_at_a_tier(capsys: pytest.CaptureFixture[str]) -> None:
    assert answer(capsys, "partners", "--tier", "comprehensive-strategic", "--on", "2024-03-19") == text(
        "ID  NAME           KIND   TIER ON 2024-03-19       HOW KNOWN",
        "CN  China          state  comprehensive-strategic  stated: set up 2008",
        "JP  Japan          state  comprehensive-strategic  stated: set up late 2023",
        "US  United States  state  comprehensive-strategic  stated: set up 2023-09-10/2023-09-11",
        "(3 partners)",
    )


def test_partners_show_the_latest_tier_or_the_tier_in_force_on_the_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert answer(capsys, "partners") == text(
        "ID  NAME            KIND          TIER                     HOW KNOWN",
        "CN  China           state         comprehensive-strategic  stated: set up 2008",
        "EU  European Union  organisation  unknown",
        "GB  United Kingdom  state         strategic                attested: in force 2024-03-18",
        "JP  Japan           state         comprehensive-strategic  stated: set up late 2023",
        "US  United States   state         comprehensive-strategic  stated: set up 2023-09-10/2023-09-11",
        "VA  Holy See        state         unknown",
        "(6 partners)",
    )
    assert answer(capsys, "partners", "--on", "2020-01-01") == text(
        "ID  NAME            KIND          TIER ON 2020-01-01       HOW KNOWN",
        "CN  China           state         comprehensive-strategic  stated: set up 2008",
        "EU  European Union  organisation  unknown",
        "GB  United Kingdom  state         unknown",
        "JP  Japan           state         unknown",
        "US  United States   state         comprehensive            stated: set up 2013",
        "VA  Holy See        state         unknown",
        "(6 partners)",
    )
    earlier = answer(capsys, "partners", "--on", "2010-06-01").splitlines()
    assert earlier[5] == "US  United States   state         unknown"  # before its first tier, 2013: not "none"


def test_partners_json_is_the_records(capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset) -> None:
    records = listing(capsys, "partners", "--tier", "strategic")
    assert [r["id"] for r in records] == ["GB"]
    assert records == [p.model_dump(mode="json") for p in fixture_data.partners.with_tier(vd.Tier.STRATEGIC)]
    assert listing(capsys, "partners") == [p.model_dump(mode="json") for p in fixture_data.partners]


def test_partners_at_a_tier_none_holds_say_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert answer(capsys, "partners", "--tier", "comprehensive") == "no partners match\n"
    assert listing(capsys, "partners", "--tier", "comprehensive") == []


def test_tier_accepts_spaces_and_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert on_fixture(capsys, "partners", "--tier", "Comprehensive Strategic") == on_fixture(
        capsys, "partners", "--tier", "comprehensive-strategic"
    )


def test_partner_by_name_shows_history_with_quotes(
    capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset
) -> None:
    us = fixture_data.partners.get("US")
    normalised, established = us.relations
    comprehensive, upgrade = us.tier_history
    (semiconductors,) = us.facts
    assert on_fixture(capsys, "partner", "u.s.") == on_fixture(capsys, "partner", "US")
    assert answer(capsys, "partner", "u.s.") == text(
        "United States (US), state",
        "Also written: USA, U.S., United States of America",
        "",
        "Diplomatic relations",
        "  1995  normalised",
        *quoted(normalised.evidence),
        "  1995 (inferred)  established",
        *quoted(established.evidence),
        "",
        "Tier history",
        "  stated: set up 2013  comprehensive partnership",
        *quoted(comprehensive.evidence),
        "  stated: set up 2023-09-10/2023-09-11  comprehensive strategic partnership: "
        "Comprehensive strategic partnership for peace, cooperation and sustainable development",
        *quoted(upgrade.evidence),
        "",
        "Facts",
        "  2025-07-11 (inferred)  cooperation-area: semiconductors",
        *quoted(semiconductors.evidence),
        "",
        "Engagements (2)",
        "  2023-09-10/2023-09-11  US President's state visit to Vietnam",
        "  2025-07-11 (inferred)  Bui Thanh Son meets Marco Rubio",
        "",
        "Trade figures (1)",
        "  2024-01-01/2024-06-30 two-way trade: nearly US$60 billion (60,000,000,000 USD), "
        "+20.5% vs the same period of 2023",
        "",
        "Claims (2)",
        "  2024-03-18  Vietnam has comprehensive strategic partnerships with seven countries, "
        "among them China, Japan and the United States.",
        "  2025-07-11 (inferred)  Vietnam and the United States celebrate 30 years of diplomatic relations.",
    )
    assert quoted(normalised.evidence) == [
        '    "Vietnam normalised relations with the United States in 1995." [fixture-a]'
    ]


def test_partner_shows_agreements_aliases_and_an_empty_history(
    capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset
) -> None:
    (japan_tier,) = fixture_data.partners.get("JP").tier_history
    assert answer(capsys, "partner", "Japan") == text(
        "Japan (JP), state",
        "",
        "Tier history",
        "  stated: set up late 2023  comprehensive strategic partnership",
        *quoted(japan_tier.evidence),
        "",
        "Agreements (1)",
        "  Vietnam-Japan joint statement on the upgrade of ties (signed as of 2024-03-18)",
        "",
        "Claims (1)",
        "  2024-03-18  Vietnam has comprehensive strategic partnerships with seven countries, "
        "among them China, Japan and the United States.",
    )
    assert answer(capsys, "partner", "vatican") == text(
        "Holy See (VA), state",
        "Also written: Vatican, The Holy See",
        "",
        "Tier history: none in the articles",
    )


def test_partner_json_is_one_record(capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset) -> None:
    assert json.loads(answer(capsys, "partner", "JP", "--json")) == fixture_data.partners.get("JP").model_dump(
        mode="json"
    )


def test_people_and_person(capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset) -> None:
    assert answer(capsys, "people") == text(
        "ID             NAME           COUNTRY  LATEST TITLE",
        "bui-thanh-son  Bùi Thanh Sơn  VN       Deputy Prime Minister and Foreign Minister",
        "do-hung-viet   Đỗ Hùng Việt   VN       Deputy Foreign Minister",
        "marco-rubio    Marco Rubio    US       US Secretary of State",
        "wang-yi        Wang Yi        CN       Chinese Foreign Minister",
        "(4 people)",
    )
    assert ids(capsys, "people") == ["bui-thanh-son", "do-hung-viet", "marco-rubio", "wang-yi"]
    minister, deputy_prime_minister = fixture_data.people.get("bui-thanh-son").roles
    assert on_fixture(capsys, "person", "bùi thanh sơn") == on_fixture(capsys, "person", "Bui Thanh Son")
    assert answer(capsys, "person", "bùi thanh sơn") == text(
        "Bùi Thanh Sơn (bui-thanh-son), VN",
        "Also written: Sơn",
        "",
        "Roles",
        "  2024-03-18  Minister of Foreign Affairs (VN)",
        *quoted(minister.evidence),
        "  2025-07-11 (inferred)  Deputy Prime Minister and Foreign Minister (VN)",
        *quoted(deputy_prime_minister.evidence),
        "",
        "Engagements (4)",
        "  2024-03-18  Question-and-answer session with the foreign minister",
        "  2025-07-10 (inferred)  Bui Thanh Son holds talks with Wang Yi",
        "  2025-07-11 (inferred)  Bui Thanh Son meets representatives of the European Union",
        "  2025-07-11 (inferred)  Bui Thanh Son meets Marco Rubio",
    )
    person = json.loads(answer(capsys, "person", "wang yi", "--json"))
    assert person == fixture_data.people.get("wang-yi").model_dump(mode="json")
    assert person["id"] == "wang-yi"


def test_engagements_filters_combine(capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset) -> None:
    window = ("--from", "2025-07-10", "--to", "2025-07-11")
    assert answer(capsys, "engagements", "--person", "Bui Thanh Son", *window) == text(
        "ID                      DATE                   KIND     TITLE",
        "2025-07-10-son-wang-yi  2025-07-10 (inferred)  talks    Bui Thanh Son holds talks with Wang Yi",
        "2025-07-11-son-eu       2025-07-11 (inferred)  meeting  "
        "Bui Thanh Son meets representatives of the European Union",
        "2025-07-11-son-rubio    2025-07-11 (inferred)  meeting  Bui Thanh Son meets Marco Rubio",
        "(3 engagements)",
    )
    assert ids(capsys, "engagements", "--person", "Bui Thanh Son", *window) == [
        "2025-07-10-son-wang-yi",
        "2025-07-11-son-eu",
        "2025-07-11-son-rubio",
    ]
    assert ids(capsys, "engagements", "--partner", "China") == [
        "2020-liuzhou-border-localities-conference",
        "2025-07-10-son-wang-yi",
        "2025-12-vn-cn-steering-committee-17",
    ]
    assert ids(capsys, "engagements", "--partner", "China", "--person", "wang-yi") == ["2025-07-10-son-wang-yi"]
    assert ids(capsys, "engagements", "--partner", "US", "--partner", "EU") == []  # every one named takes part
    assert ids(capsys, "engagements", "--to", "2021-12-31") == ["2020-liuzhou-border-localities-conference"]
    assert ids(capsys, "engagements", "--from", "2025-07-11") == [
        "2025-07-11-son-eu",
        "2025-07-11-son-rubio",
        "2025-12-vn-cn-steering-committee-17",
    ]
    assert listing(capsys, "engagements") == [e.model_dump(mode="json") for e in fixture_data.engagements]
    assert answer(capsys, "engagements") == text(
        "ID                                         DATE                   KIND               TITLE",
        "2020-liuzhou-border-localities-conference  2020                   conference         "
        "2020 conference of border localities in Liuzhou",
        "2023-09-10-us-president-state-visit        2023-09-10/2023-09-11  visit              "
        "US President's state visit to Vietnam",
        "2024-03-18-question-and-answer-session     2024-03-18             session            "
        "Question-and-answer session with the foreign minister",
        "2025-07-10-son-wang-yi                     2025-07-10 (inferred)  talks              "
        "Bui Thanh Son holds talks with Wang Yi",
        "2025-07-11-son-eu                          2025-07-11 (inferred)  meeting            "
        "Bui Thanh Son meets representatives of the European Union",
        "2025-07-11-son-rubio                       2025-07-11 (inferred)  meeting            "
        "Bui Thanh Son meets Marco Rubio",
        "2025-12-vn-cn-steering-committee-17        2025-12                meeting (planned)  "
        "17th meeting of the Vietnam-China Steering Committee",
        "(7 engagements)",
    )


def test_engagements_with_no_match_say_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert answer(capsys, "engagements", "--from", "1900-01-01", "--to", "1900-12-31") == "no engagements match\n"
    assert listing(capsys, "engagements", "--from", "1900-01-01", "--to", "1900-12-31") == []


def test_trade_agreements_claims_sources(capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset) -> None:
    assert answer(capsys, "trade", "--partner", "United States") == text(
        "ID                   PARTNER  METRIC         PERIOD                 VALUE",
        "vn-us-trade-2024-h1  US       two-way trade  2024-01-01/2024-06-30  "
        "nearly US$60 billion (60,000,000,000 USD), +20.5% vs the same period of 2023",
        "(1 trade figure)",
    )
    [figure] = listing(capsys, "trade", "--partner", "US")
    assert (figure["id"], figure["value"], figure["unit"]) == ("vn-us-trade-2024-h1", "60000000000", "USD")
    assert answer(capsys, "trade", "--partner", "EU") == "no trade figures match\n"
    assert answer(capsys, "trade") == text(
        "ID                                      PARTNER  METRIC                                         "
        "PERIOD                 VALUE",
        "vn-rank-among-cn-trading-partners-2020  CN       Vietnam's rank among China's trading partners  "
        "2020-01-01/2020-12-31  No. 6, up 2 places vs 2019",
        "vn-us-trade-2024-h1                     US       two-way trade                                  "
        "2024-01-01/2024-06-30  nearly US$60 billion (60,000,000,000 USD), +20.5% vs the same period of 2023",
        "(2 trade figures)",
    )
    assert listing(capsys, "trade") == [t.model_dump(mode="json") for t in fixture_data.trade]
    assert answer(capsys, "agreements") == text(
        "ID                          KIND                  STATUS                                PARTIES       NAME",
        "unclos-1982                 convention            in-force as of 2025-07-10 (inferred)  multilateral  "
        "United Nations Convention on the Law of the Sea",
        "vn-jp-joint-statement-2023  joint-statement       signed as of 2024-03-18               VN, JP        "
        "Vietnam-Japan joint statement on the upgrade of ties",
        "evfta                       free-trade-agreement  in-force as of 2024-09-21             VN, EU        "
        "EU-Vietnam Free Trade Agreement",
        "(3 agreements)",
    )
    assert ids(capsys, "agreements") == ["unclos-1982", "vn-jp-joint-statement-2023", "evfta"]
    assert answer(capsys, "claims") == text(
        "ID                                                  AS OF                  STATEMENT",
        "vn-30-strategic-and-comprehensive-partners-2024-03  2024-03-18             "
        "Vietnam has 30 strategic and comprehensive partners.",
        "vn-seven-comprehensive-strategic-partners-2024-03   2024-03-18             "
        "Vietnam has comprehensive strategic partnerships with seven countries, "
        "among them China, Japan and the United States.",
        "vn-us-30-years-of-relations-2025                    2025-07-11 (inferred)  "
        "Vietnam and the United States celebrate 30 years of diplomatic relations.",
        "(3 claims)",
    )
    assert ids(capsys, "claims") == [
        "vn-30-strategic-and-comprehensive-partners-2024-03",
        "vn-seven-comprehensive-strategic-partners-2024-03",
        "vn-us-30-years-of-relations-2025",
    ]
    assert answer(capsys, "sources") == text(
        "ID         PUBLISHED        PUBLISHER      TITLE"
        "                                                                        URL",
        "fixture-a  2024-03-19       Fixture Press  Fixture article A: Minister answers legislators on ties with major "
        "partners  https://example.org/vn-diplomacy/fixture-article-a",
        "fixture-c  2024-09-21       Fixture Press  (untitled)"
        "                                                                   "
        "https://example.org/vn-diplomacy/fixture-article-c",
        "fixture-b  2025 (inferred)  Fixture Wire   Fixture article B: Deputy Prime Minister meets counterparts in "
        "Kuala Lumpur  https://example.org/vn-diplomacy/fixture-article-b",
        "(3 sources)",
    )
    assert ids(capsys, "sources") == ["fixture-a", "fixture-c", "fixture-b"]
    assert listing(capsys, "sources") == [s.model_dump(mode="json") for s in fixture_data.sources]


# --- export and validate -------------------------------------------------------------------------


def test_export_and_validate_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fixture_data: vd.Dataset
) -> None:
    out_dir = tmp_path / "out"
    files = [*vd.FILES.values(), "datapackage.json"]
    written = answer(capsys, "export", "--format", "json", "--out", str(out_dir))
    assert written == f"wrote {len(vd.FILES) + 1} files to {out_dir}: {', '.join(files)}\n"
    assert sorted(path.name for path in out_dir.iterdir()) == sorted(files)
    counts = ", ".join(f"{len(fixture_data[entry.name])} {entry.name}" for entry in COLLECTIONS)
    valid = f"valid ({counts}); every file, reference and evidence source checked\n"
    assert run(capsys, "validate", str(out_dir)) == (0, f"{out_dir}: {valid}", "")
    assert run(capsys, "validate", str(FIXTURE)) == (0, f"{FIXTURE}: {valid}", "")
    assert {"3 sources", "6 partners", "4 people", "7 engagements", "2 trade", "3 agreements", "3 claims"} <= set(
        counts.split(", ")
    )
    for entry in COLLECTIONS:
        if entry.name in cli.COMMANDS:  # each listing reads the same records back
            assert run(capsys, "--data", str(out_dir), entry.name, "--json") == on_fixture(capsys, entry.name, "--json")
    exported = run(capsys, "--data", str(out_dir), "partner", "JP", "--json")
    assert exported == on_fixture(capsys, "partner", "JP", "--json")
    assert json.loads(exported[1]) == fixture_data.partners.get("JP").model_dump(mode="json")


def test_validate_reports_the_first_fault_in_one_line(capsys: pytest.CaptureFixture[str], fixture_dir: Path) -> None:
    partners = fixture_dir / "partners.json"
    partners.write_text(
        partners.read_text(encoding="utf-8").replace('"kind": "state"', '"kind": "nation"', 1), encoding="utf-8"
    )
    fault = (
        f"vn-diplomacy: error: {fixture_dir}/partners.json, record 'CN', field kind: "
        "Input should be 'state' or 'organisation', got: 'nation'\n"
    )
    assert run(capsys, "validate", str(fixture_dir)) == (1, "", fault)
    assert run(capsys, "--data", str(fixture_dir), "partners") == (1, "", fault)


# --- errors --------------------------------------------------------------------------------------


def usage(command: str, message: str) -> str:
    """The line argparse's wrong usage prints on stderr (exit status 2)."""
    prog = f"vn-diplomacy {command}".rstrip()
    return f"{prog}: error: {message}; see '{prog} --help'\n"


@pytest.mark.parametrize(
    ("argv", "status", "line"),
    [
        (
            ["partnrs"],
            2,
            usage("", f"unknown command 'partnrs'; did you mean 'partners'? (one of {', '.join(cli.COMMANDS)})"),
        ),
        (["--frobnicate"], 2, usage("", "unrecognized arguments: --frobnicate")),
        (
            ["partners", "--tier", "strategc"],
            2,
            usage(
                "partners",
                f"argument --tier: unknown tier 'strategc'; did you mean 'strategic'? (one of {', '.join(cli.TIERS)})",
            ),
        ),
        (
            ["partners", "--on", "19-03-2024"],
            2,
            usage("partners", "argument --on: invalid date '19-03-2024': expected YYYY-MM-DD, e.g. 2024-03-19"),
        ),
        (
            ["partners", "--on", "2024-02-30"],
            2,
            usage("partners", "argument --on: invalid date '2024-02-30': expected YYYY-MM-DD, e.g. 2024-03-19"),
        ),
        (
            ["engagements", "--from", "2024-3-1"],
            2,
            usage(
                "engagements",
                "argument --from: invalid date '2024-3-1': expected a year, a month or a day "
                "(2023, 2023-09, 2023-09-10)",
            ),
        ),
        (
            ["export", "--format", "xlsx", "--out", "x"],
            2,
            usage("export", f"argument --format: unknown format 'xlsx' (one of {', '.join(cli.FORMATS)})"),
        ),
        (["export"], 2, usage("export", "the following arguments are required: --out")),
        (["partner"], 2, usage("partner", "the following arguments are required: ID_OR_NAME")),
        (
            [*ON_FIXTURE, "partner", "Japn"],
            1,
            "vn-diplomacy: error: unknown partner id or name 'Japn'; did you mean 'JP' (Japan)?\n",
        ),
        (
            [*ON_FIXTURE, "person", "Bui Thanh"],
            1,
            "vn-diplomacy: error: unknown person id or name 'Bui Thanh'; "
            "did you mean 'bui-thanh-son' (Bùi Thanh Sơn)?\n",
        ),
        (
            [*ON_FIXTURE, "person", "wan"],  # three characters: too few to be taken as the start of an id
            1,
            "vn-diplomacy: error: unknown person id or name 'wan'; did you mean 'wang-yi' (Wang Yi)?\n",
        ),
        (
            [*ON_FIXTURE, "engagements", "--partner", "Atlantis"],
            1,
            "vn-diplomacy: error: unknown partner id or name 'Atlantis'; no close match\n",
        ),
        (
            [*ON_FIXTURE, "trade", "--partner", "Narnia"],
            1,
            "vn-diplomacy: error: unknown partner id or name 'Narnia'; no close match\n",
        ),
        (
            [*ON_FIXTURE, "engagements", "--from", "2025-01-01", "--to", "2024-01-01"],
            2,
            usage("", "--to 2024-01-01 is before --from 2025-01-01; give a range that ends on or after it starts"),
        ),
        (
            ["validate", "/nonexistent/vn-data"],
            1,
            "vn-diplomacy: error: /nonexistent/vn-data: the data directory does not exist\n",
        ),
        (
            ["--data", "/nonexistent/vn-data", "partners"],
            1,
            "vn-diplomacy: error: /nonexistent/vn-data: the data directory does not exist\n",
        ),
    ],
)
def test_bad_input_is_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, line: str
) -> None:
    assert run(capsys, *argv) == (status, "", line)


def test_export_to_an_unwritable_place_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    status, out, err = on_fixture(capsys, "export", "--out", str(blocker / "sub"))
    assert (status, out) == (1, "")
    assert err.startswith("vn-diplomacy: error: ")
    assert err.count("\n") == 1
    assert str(blocker) in err
    assert list(tmp_path.iterdir()) == [blocker]


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert (status, out) == (0, cli.HELP + "\n")
    width = max(map(len, cli.COMMANDS)) + 2  # the summaries start in one column, after the longest name
    for command, summary in cli.COMMANDS.items():
        # The summary from that column, wrapped under it where it would pass 80 columns.
        assert re.sub(rf"\n {{{width + 2}}}", " ", out).count(f"\n  {command:<{width}}{summary}\n") == 1
    for command in cli.COMMANDS:
        assert main([command, "--help"]) == 0
    assert "--json" in capsys.readouterr().out
    assert run(capsys, "--data", "somewhere", "--help") == (0, cli.HELP + "\n", "")
    assert on_fixture(capsys, "--help") == (0, cli.HELP + "\n", "")


def test_the_static_help_agrees_with_the_parser() -> None:
    """HELP is written without argparse (for speed); it must name the options argparse accepts, no more, no less.

    The subcommands need no such check: the parser is built from `COMMANDS`, the table HELP lists.
    """

    def options(text: str) -> set[str]:
        return set(
            re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", text.split("options:")[1].split("examples:", maxsplit=1)[0])
        )

    expected = {"-h", "--help", "--version", "--data", "--color"}
    assert options(cli.HELP) == options(cli.build_parser().format_help()) == expected
    # Each command and its summary, the summary wrapped under its column to fit 80 columns.
    listed = cli.HELP.split("commands:")[1].split("options:")[0]
    help_lines = re.findall(r"\n  ([a-z]+) +(.+(?:\n {4,}.+)*)", listed)
    assert {name: " ".join(summary.split()) for name, summary in help_lines} == cli.COMMANDS
    assert max(map(len, cli.HELP.splitlines())) <= 80


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert (status, out) == (0, f"vn-diplomacy {vd.__version__} (data {vd.DATA_VERSION})\n")
    assert on_fixture(capsys, "--version") == (status, out, "")  # the package's version, whatever DIR holds


def installed_command() -> str:
    return str(Path(sys.executable).with_name("vn-diplomacy"))


def test_the_installed_command_and_python_m_are_the_same_program(fixture_data: vd.Dataset) -> None:
    argv = [*ON_FIXTURE, "engagements", "--partner", "US", "--json"]
    script = subprocess.run([installed_command(), *argv], capture_output=True, text=True, check=False)
    module = subprocess.run([sys.executable, "-m", "vn_diplomacy", *argv], capture_output=True, text=True, check=False)
    assert (script.returncode, script.stderr) == (module.returncode, module.stderr) == (0, "")
    assert script.stdout == module.stdout
    assert json.loads(script.stdout) == [e.model_dump(mode="json") for e in fixture_data.engagements.involving("US")]
    assert [r["id"] for r in json.loads(script.stdout)] == [
        "2023-09-10-us-president-state-visit",
        "2025-07-11-son-rubio",
    ]


def test_a_real_error_has_no_traceback() -> None:
    result = subprocess.run(
        [installed_command(), *ON_FIXTURE, "partner", "Atlantis"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "vn-diplomacy: error: unknown partner id or name 'Atlantis'; no close match\n"


def test_help_loads_neither_argparse_nor_pydantic_nor_the_data() -> None:
    code = "import sys\nfrom vn_diplomacy.cli import main\nmain(['--help'])\nprint(sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    modules = out.splitlines()[-1]
    for heavy in ("argparse", "typing", "pydantic", "vn_diplomacy.dataset"):
        assert f"'{heavy}'" not in modules, heavy


def test_a_closed_pipe_is_not_a_traceback() -> None:
    """`vn-diplomacy engagements | head -1`: the reader has gone when the table is written."""
    code = (
        "import os, sys\n"
        "read, write = os.pipe()\n"
        "os.close(read)\n"  # nobody will read what is written
        "os.dup2(write, sys.stdout.fileno())\n"
        "from vn_diplomacy.cli import main\n"
        f"sys.exit(main(['--data', {str(FIXTURE)!r}, 'engagements']))\n"
    )
    for buffered in ("", "1"):  # stdout block-buffered (a pipe's default) and unbuffered
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        env |= {"PYTHONUNBUFFERED": buffered} if buffered else {}
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env)
        assert (result.returncode, result.stderr) == (1, "")


# --- the package's shape -----------------------------------------------------------------------

CLI_MODULES = (
    "__init__",
    "_commands",
    "_records",
    "_render",
    "_ids",
    "_colour",
    "_io",
    "_parser",
    "_values",
    "_help",
)
"""The modules of `vn_diplomacy.cli`, in the order of its docstring: each imports only those after it."""


def cli_imports(module: str) -> set[str]:
    """The `vn_diplomacy.cli` modules that `module` imports anywhere: at the top, in functions, for type checkers."""
    import ast

    source = (Path(cli.__file__).parent / f"{module}.py").read_text(encoding="utf-8")
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "vn_diplomacy.cli":
            names |= {f"vn_diplomacy.cli.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return {name.removeprefix("vn_diplomacy.cli.") for name in names if name.startswith("vn_diplomacy.cli.")}


def test_the_cli_modules_are_the_documented_ones_each_short() -> None:
    folder = Path(cli.__file__).parent
    assert sorted(path.stem for path in folder.glob("*.py")) == sorted(CLI_MODULES)
    for module in CLI_MODULES:
        assert f"`{module}`" in (cli.__doc__ or "") or module == "__init__", module
        lines = len((folder / f"{module}.py").read_text(encoding="utf-8").splitlines())
        assert lines <= 300, (module, lines)


def test_the_cli_modules_import_one_way() -> None:
    for position, module in enumerate(CLI_MODULES):
        later = set(CLI_MODULES[position + 1 :])
        assert cli_imports(module) <= later, (module, cli_imports(module) - later)


def test_help_loads_only_the_parser_and_the_streams() -> None:
    code = "import sys\nfrom vn_diplomacy.cli import main\nmain(['--help'])\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = {name for name in out.split(cli.HELP)[-1].split() if name.startswith("vn_diplomacy")}
    assert loaded == {
        "vn_diplomacy",
        "vn_diplomacy.cli",
        "vn_diplomacy.cli._io",
        "vn_diplomacy.cli._parser",
        "vn_diplomacy.cli._help",
    }


def test_overview_is_imported_on_first_use_and_listed() -> None:
    import importlib

    assert sorted(dir(cli)) == sorted(cli.__all__)
    assert "overview" in dir(cli)
    assert cli.overview is importlib.import_module("vn_diplomacy.cli._commands").overview
    with pytest.raises(AttributeError, match=r"^module 'vn_diplomacy\.cli' has no attribute 'nothing'$"):
        cli.nothing  # noqa: B018  # the missing name is the point
