"""Names and dates as people write them: Vietnamese names, ISO 3166 alpha-3 codes, Vietnam itself, unquoted
words, a year or a month on the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import vn_diplomacy as vd
from vn_diplomacy.cli import main

FIXTURE = ("--data", "tests/fixtures/data")
ROOT = Path(__file__).parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main([*FIXTURE, *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("name", "partner"),
    [
        ("Hoa Kỳ", "US"),
        ("hoa ky", "US"),
        ("Mỹ", "US"),
        ("Nhật Bản", "JP"),
        ("nhat ban", "JP"),
        ("Trung Quốc", "CN"),
        ("JPN", "JP"),
        ("usa", "US"),
        ("GBR", "GB"),
        ("Liên Hợp Quốc", "UN"),
    ],
)
def test_partners_answer_to_their_vietnamese_names_and_alpha3_codes(name: str, partner: str) -> None:
    assert vd.partners.lookup(name).id == partner


def test_every_state_answers_to_its_alpha3_code() -> None:
    """Every partner that is a state has its ISO 3166-1 alpha-3 code among its aliases (Vietnam's is VNM)."""
    for partner in vd.partners:
        if partner.kind is vd.PartnerKind.STATE:
            codes = [alias for alias in partner.aliases if len(alias) == 3 and alias.isupper() and alias.isalpha()]
            assert codes, partner.id
            assert vd.partners.lookup(codes[-1]) == partner


@pytest.mark.parametrize("name", ["Vietnam", "Việt Nam", "viet nam", "VN", "VNM"])
def test_vietnam_is_the_subject_not_a_partner(fixture_data: vd.Dataset, name: str) -> None:
    with pytest.raises(vd.NotFound) as missing:
        fixture_data.partners.lookup(name)
    assert missing.value.note is not None
    assert str(missing.value) == (
        f"unknown partner id or name {name!r}: Vietnam is the subject of the articles, not one of its partners; "
        "where a party or a role's country is Vietnam, the data writes VN"
    )
    assert missing.value.suggestions == ()


def test_names_of_several_words_need_no_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "partner", "United", "States")
    assert (status, err) == (0, "")
    assert out.startswith("United States (US), state\n")
    status, out, _ = run(capsys, "person", "bui", "thanh", "son")
    assert (status, out.splitlines()[0]) == (0, "Bùi Thanh Sơn (bui-thanh-son), VN")


def test_a_year_or_a_month_bounds_a_range(capsys: pytest.CaptureFixture[str], fixture_data: vd.Dataset) -> None:
    def listed(*argv: str) -> list[str]:
        status, out, err = run(capsys, "engagements", *argv)
        assert (status, err) == (0, "")
        return [line.split()[0] for line in out.splitlines()[1:-1]]

    assert listed("--from", "2025", "--to", "2025") == [e.id for e in fixture_data.engagements if e.start.year == 2025]
    assert listed("--from", "2025-07", "--to", "2025-07") == [
        "2025-07-10-son-wang-yi",
        "2025-07-11-son-eu",
        "2025-07-11-son-rubio",
    ]
    assert listed("--to", "2023") == [
        "2020-liuzhou-border-localities-conference",
        "2023-09-10-us-president-state-visit",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--from", "2025", "--to", "2024"), "--to 2024-12-31 is before --from 2025-01-01"),
        (("--from", "2025-13"), "invalid date '2025-13'"),
        (("--to", "25"), "invalid date '25'"),
        (("--from", "\uff12\uff10\uff12\uff15"), "invalid date"),  # fullwidth digits, which int() would read
    ],
)
def test_a_date_that_is_not_one_is_wrong_usage(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    status, out, err = run(capsys, "engagements", *argv)
    assert (status, out) == (2, "")
    assert message in err


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Germany", "Germany (DE)"),
        ("Đức", "Germany (DE)"),
        ("DE", "Germany (DE)"),
        ("DEU", "Germany (DE)"),
        (" deu ", "Germany (DE)"),
        ("NGA", "Russia (RU)"),  # "Nga" is Russia in Vietnamese: a name wins over Nigeria's code, folded alike
        ("XKK", "Kosovo (XK)"),  # the CLDR's code: ISO gives Kosovo none
    ],
)
def test_a_country_the_articles_do_not_mention_is_said_so(fixture_data: vd.Dataset, name: str, country: str) -> None:
    with pytest.raises(vd.NotFound) as missing:
        fixture_data.partners.lookup(name)
    assert missing.value.note == f"the articles do not mention {country} as a partner of Vietnam"
    assert missing.value.suggestions == ()


def test_a_partner_is_found_by_the_name_the_world_gives_its_country(fixture_data: vd.Dataset) -> None:
    """The Unicode CLDR's names, English and Vietnamese, find a partner the data names otherwise."""
    assert fixture_data.partners.lookup("Nhật Bản").id == "JP"  # no such alias in the fixture data
    assert fixture_data.partners.find("Vatican City") is fixture_data.partners.get("VA")
    assert fixture_data.partners.find("Narnia") is None


def test_a_partner_is_found_by_its_country_s_three_letter_code(fixture_data: vd.Dataset) -> None:
    """The fixture partners have no alpha-3 aliases: the CLDR's codes find them all the same."""
    assert fixture_data.partners.lookup("JPN").id == "JP"
    assert fixture_data.partners.find("vat") is fixture_data.partners.get("VA")
    assert fixture_data.partners.find("CHN") is fixture_data.partners.get("CN")


def test_partner_deu_on_the_command_line_says_germany_is_not_mentioned(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "partner", "DEU")
    assert (status, out) == (1, "")
    assert err == (
        "vn-diplomacy: error: unknown partner id or name 'DEU': "
        "the articles do not mention Germany (DE) as a partner of Vietnam\n"
    )
    status, out, _ = run(capsys, "partner", "JPN")
    assert status == 0
    assert out.startswith("Japan (JP), state\n")


@pytest.mark.parametrize("code", ["DDR", "ZAR", "BUR", "SUN", "ZZZ", "Q1"])
def test_a_code_of_a_former_state_or_of_none_is_no_country(fixture_data: vd.Dataset, code: str) -> None:
    """East Germany, Zaire, Burma and the Soviet Union are no countries of today, whatever their successors."""
    from vn_diplomacy.countries import country

    assert country(code) is None
    with pytest.raises(vd.NotFound) as missing:
        fixture_data.partners.lookup(code)
    assert missing.value.note is None


def test_each_country_has_one_three_letter_code_of_its_own() -> None:
    import importlib.resources

    payload = json.loads((importlib.resources.files("vn_diplomacy") / "countries.json").read_bytes())
    countries, alpha3 = payload["countries"], payload["alpha3"]
    assert set(alpha3) <= set(countries)
    assert set(countries) - set(alpha3) == {"CQ", "EA", "IC"}  # Sark, Ceuta and Melilla, the Canaries: no code
    assert len(set(alpha3.values())) == len(alpha3)
    assert all(len(code) == 3 and code.isascii() and code.isupper() for code in alpha3.values())
    assert (alpha3["DE"], alpha3["VN"], alpha3["XK"]) == ("DEU", "VNM", "XKK")


def test_the_documented_recipe_writes_the_committed_country_list(tmp_path: Path) -> None:
    """docs/contributing.md's script, run with the Babel the file names, writes the file byte for byte."""
    import importlib.resources
    import re
    import subprocess

    babel = pytest.importorskip("babel", reason="the recipe needs Babel (pip install babel)")
    committed = (importlib.resources.files("vn_diplomacy") / "countries.json").read_bytes()
    named = json.loads(committed)["source"].rsplit(" ", 1)[-1]
    if babel.__version__ != named:
        pytest.skip(f"the file was written with Babel {named}; Babel {babel.__version__} is installed")
    guide = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    section = guide[guide.index("## The list of countries") :]
    match = re.search(r"```sh\npython - <<'PY'\n(.*?)\nPY\n```", section, flags=re.DOTALL)
    assert match is not None, "the recipe's script"
    (tmp_path / "src" / "vn_diplomacy").mkdir(parents=True)
    subprocess.run([sys.executable, "-c", match.group(1)], cwd=tmp_path, check=True)
    assert (tmp_path / "src" / "vn_diplomacy" / "countries.json").read_bytes() == committed


def test_the_country_list_names_every_state_partner_by_its_code() -> None:
    from vn_diplomacy.countries import country

    for partner in vd.partners:
        if partner.kind is vd.PartnerKind.STATE:
            found = country(partner.id)
            assert found is not None, partner.id
            assert found[0] == partner.id


def test_every_state_s_alpha3_alias_is_the_cldr_s_code_for_it() -> None:
    """The data's alpha-3 aliases ("JPN") and the country list's codes agree: each finds the same partner."""
    import importlib.resources

    alpha3 = json.loads((importlib.resources.files("vn_diplomacy") / "countries.json").read_bytes())["alpha3"]
    for partner in vd.partners:
        if partner.kind is vd.PartnerKind.STATE:
            codes = [alias for alias in partner.aliases if len(alias) == 3 and alias.isupper() and alias.isalpha()]
            assert alpha3[partner.id] == codes[-1], partner.id


def test_a_record_s_repr_names_it_briefly(fixture_data: vd.Dataset) -> None:
    """A repr of a few kilobytes, evidence first, hid the record in a notebook; it is its id and label now."""
    assert repr(fixture_data.partners.get("US")) == "Partner(id='US', name='United States')"
    assert repr(fixture_data.trade.get("vn-us-trade-2024-h1")) == (
        "TradeFigure(id='vn-us-trade-2024-h1', metric='two-way trade')"
    )
    assert repr(fixture_data.sources.get("fixture-c")) == "Source(id='fixture-c', title=None)"


def test_day_columns_are_datetimes_in_pandas(fixture_data: vd.Dataset) -> None:
    frame = fixture_data.to_pandas("engagements")
    assert str(frame["start_earliest"].dtype).startswith("datetime64")
    assert frame["start_earliest"].min().year == 2020


def test_money_reads_as_people_say_it_beside_the_exact_value(capsys: pytest.CaptureFixture[str]) -> None:
    from decimal import Decimal

    from vn_diplomacy.cli._render import readable

    assert readable(Decimal("88000000000"), "USD") == "US$88 billion"
    assert readable(Decimal("1250000"), "USD") == "US$1.25 million"
    assert readable(Decimal("-2500000000000"), "VND") == "-VND 2.5 trillion"
    assert readable(Decimal("999999999"), "USD") == "US$1 billion"  # not "US$1,000 million"
    assert readable(Decimal("0.0004"), "USD") == "US$0.0004"
    assert readable(Decimal("6"), "rank") == "6 rank"
    status, out, _ = run(capsys, "trade", "--partner", "US")
    assert status == 0
    assert "nearly US$60 billion (60,000,000,000 USD)" in out


def test_a_table_too_wide_for_the_terminal_becomes_blocks(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")  # the layout alone (tests/test_cli_terminal.py colours it)
    wide = run(capsys, "engagements", "--kind", "meeting")[1]
    assert max(map(len, wide.splitlines())) > 80  # not a terminal: one line per row, every cell whole
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # a terminal of COLUMNS columns
    status, out, err = run(capsys, "engagements", "--kind", "meeting")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[:3] == ["2025-07-11-son-eu", "  date   2025-07-11 (inferred)", "  kind   meeting"]
    assert lines[-1] == wide.splitlines()[-1]  # the same count
    monkeypatch.setenv("COLUMNS", "200")
    fits = run(capsys, "engagements", "--kind", "meeting")[1].splitlines()  # a table that fits stays a table,
    assert [line.split(maxsplit=1)[1] for line in fits] == [line.split(maxsplit=1)[1] for line in wide.splitlines()]
    ids = ["ID", "2025-07-11-son-eu", "2025-07-11-son-rubio", "2025-12-vn…", "(3"]  # its long id cut short
    assert [line.split()[0] for line in fits] == ids


def test_help_says_what_json_prints(capsys: pytest.CaptureFixture[str]) -> None:
    for command, what in (
        ("partner", "the record as a JSON object"),
        ("partners", "a JSON array of the records"),
        ("search", "a JSON array of the hits (as --format json): each one's collection, id"),
    ):
        assert main([command, "--help"]) == 0
        assert what in " ".join(capsys.readouterr().out.split())  # argparse wraps the help
    record = json.loads(run(capsys, "partner", "JP", "--json")[1])
    assert isinstance(record, dict)


@pytest.mark.parametrize("name", ["VN", "Việt Nam", "VNM", "Vietnam"])
def test_vietnam_filters_as_a_party_under_any_of_its_names(capsys: pytest.CaptureFixture[str], name: str) -> None:
    status, out, err = run(capsys, "people", "--country", name, "--json")
    assert (status, err) == (0, "")
    assert {p["id"] for p in json.loads(out)} == {"bui-thanh-son", "do-hung-viet"}
    status, out, _ = run(capsys, "agreements", "--partner", name, "--json")
    assert status == 0
    assert {a["id"] for a in json.loads(out)} == {"evfta", "vn-jp-joint-statement-2023"}


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", ".", "..", "a\\\\b"])
def test_a_source_file_is_a_name_in_the_articles_folder_not_a_path(fixture_dir: Path, name: str) -> None:
    """`verify` opens DIR/file: a path there would read any file of the machine and quote it back."""
    sources = json.loads((fixture_dir / "sources.json").read_text(encoding="utf-8"))
    sources[0]["file"] = name
    (fixture_dir / "sources.json").write_text(json.dumps(sources, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(vd.DataError, match=r"field file: a file name names a file in the articles' folder"):
        vd.load(fixture_dir)
