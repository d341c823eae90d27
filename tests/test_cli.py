"""The `vn-diplomacy` command: every subcommand's output, `--json`, and every error path's one line and exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import vn_diplomacy as vd
from vn_diplomacy import cli
from vn_diplomacy.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def listing(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    status, out, err = run(capsys, *argv, "--json")
    assert (status, err) == (0, "")
    parsed: list[dict[str, object]] = json.loads(out)
    return parsed


def test_the_cli_lists_tiers_and_formats_as_the_package_defines_them() -> None:
    from vn_diplomacy.export import FORMATS

    assert tuple(tier.value for tier in sorted(vd.Tier, reverse=True)) == cli.TIERS
    assert cli.FORMATS == FORMATS


def test_overview_is_the_default_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys) == run(capsys, "overview")
    status, out, err = run(capsys)
    assert (status, err) == (0, "")
    assert "comprehensive strategic partnership (7): Australia" in out
    assert "United States (since 2023-09-10/2023-09-11)" in out
    assert "nearly 88,000,000,000 USD, +22% vs 2023" in out
    assert "No. 6, up 2 places vs 2019" in out
    assert "France (attested 2023-09-10/2023-09-11, inferred)" in out
    assert "comprehensive partnership (0): none at this tier now" in out
    assert "Bui Thanh Son meets US Secretary of State Marco Rubio" in out


def test_overview_via_python_m() -> None:
    result = subprocess.run([sys.executable, "-m", "vn_diplomacy"], check=True, capture_output=True, text=True)
    assert result.stdout.startswith("vn_diplomacy: Vietnam's foreign relations")
    assert result.stderr == ""


def test_partners_on_a_day_at_a_tier(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "partners", "--tier", "comprehensive-strategic", "--on", "2024-03-19")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "KIND", "TIER", "ON", "2024-03-19", "SINCE"]
    assert [line.split()[0] for line in lines[1:-1]] == ["CN", "IN", "JP", "KR", "RU", "US"]
    assert lines[-1] == "(6 partners)"
    assert "US  United States      state  comprehensive-strategic  2023-09-10/2023-09-11" in out


def test_partners_show_the_tier_in_force_on_the_day(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "partners", "--on", "2020-01-01")
    (us,) = [line for line in out.splitlines() if line.startswith("US ")]
    assert us.split()[-2:] == ["comprehensive", "2013"]
    (va,) = [line for line in out.splitlines() if line.startswith("VA ")]
    assert va.split()[-1] == "-"


def test_partners_json_is_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    records = listing(capsys, "partners", "--tier", "strategic")
    assert [r["id"] for r in records] == [p.id for p in vd.partners.with_tier(vd.Tier.STRATEGIC)]
    assert records == [p.model_dump(mode="json") for p in vd.partners.with_tier(vd.Tier.STRATEGIC)]


def test_tier_accepts_spaces_and_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "partners", "--tier", "Comprehensive Strategic") == run(
        capsys, "partners", "--tier", "comprehensive-strategic"
    )


def test_partner_by_name_shows_history_with_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "partner", "u.s.")
    assert status == 0
    assert out.startswith("United States (US), state\n")
    assert "  2013  comprehensive partnership" in out
    assert "  2023-09-10/2023-09-11  comprehensive strategic partnership" in out
    assert "  1995  normalised" in out
    assert "[vna-2024-03-19-upgrade-of-ties]" in out
    assert "bilateral trade turnover: nearly 88,000,000,000 USD, +22% vs 2023" in out
    assert "Bui Thanh Son meets US Secretary of State Marco Rubio at AMM-58" in out


def test_partner_json_is_one_record(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "partner", "JP", "--json")
    assert status == 0
    assert json.loads(out) == vd.partners.get("JP").model_dump(mode="json")


def test_people_and_person(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "people")
    assert "bui-thanh-son" in out
    assert "Deputy Prime Minister and Foreign Minister" in out
    assert out.splitlines()[-1] == f"({len(vd.people)} people)"
    status, out, _ = run(capsys, "person", "bùi thanh sơn")
    assert status == 0
    assert out.startswith("Bùi Thanh Sơn (bui-thanh-son), VN\n")
    assert "Roles" in out
    assert "Bui Thanh Son meets Chinese Foreign Minister Wang Yi" in out
    assert [r["id"] for r in listing(capsys, "people")] == list(vd.people.ids)
    status, out, _ = run(capsys, "person", "wang yi", "--json")
    assert json.loads(out)["id"] == "wang-yi"


def test_engagements_filters_combine(capsys: pytest.CaptureFixture[str]) -> None:
    records = listing(capsys, "engagements", "--person", "Bui Thanh Son", "--from", "2025-07-10", "--to", "2025-07-11")
    expected = [
        e.id
        for e in vd.engagements.between(
            vd.PartialDate.parse("2025-07-10").earliest, vd.PartialDate.parse("2025-07-11").latest
        )
        if "bui-thanh-son" in e.people
    ]
    assert [r["id"] for r in records] == expected
    assert len(expected) >= 9
    both = listing(capsys, "engagements", "--partner", "China", "--person", "wang-yi")
    assert [r["id"] for r in both] == [e.id for e in vd.engagements.involving("CN", "wang-yi")]
    before = listing(capsys, "engagements", "--to", "2021-12-31")
    assert before
    assert all(str(r["id"]) < "2022" for r in before)
    assert len(listing(capsys, "engagements")) == len(vd.engagements)


def test_engagements_with_no_match_say_so(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "engagements", "--from", "1900-01-01", "--to", "1900-12-31")
    assert (status, out) == (0, "no engagements match\n")
    assert listing(capsys, "engagements", "--from", "1900-01-01", "--to", "1900-12-31") == []


def test_trade_agreements_claims_sources(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "trade", "--partner", "United States")
    assert "nearly 88,000,000,000 USD, +22% vs 2023" in out
    assert "No. 6" not in out
    [figure] = listing(capsys, "trade", "--partner", "US")
    assert (figure["value"], figure["unit"]) == ("88000000000", "USD")
    assert len(listing(capsys, "trade")) == len(vd.trade)
    _, out, _ = run(capsys, "agreements")
    assert "unclos-1982" in out
    assert [r["id"] for r in listing(capsys, "agreements")] == list(vd.agreements.ids)
    _, out, _ = run(capsys, "claims")
    assert out.splitlines()[-1] == f"({len(vd.claims)} claims)"
    assert [r["id"] for r in listing(capsys, "claims")] == list(vd.claims.ids)
    _, out, _ = run(capsys, "sources")
    assert "vna-2024-03-19-upgrade-of-ties" in out
    assert [r["id"] for r in listing(capsys, "sources")] == list(vd.sources.ids)


def test_export_and_validate_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    status, out, err = run(capsys, "export", "--format", "json", "--out", str(out_dir))
    assert (status, err) == (0, "")
    assert out.startswith(f"wrote 8 files to {out_dir}: sources.json")
    status, out, _ = run(capsys, "validate", str(out_dir))
    assert status == 0
    assert f"{out_dir}: valid (5 sources, {len(vd.partners)} partners" in out
    status, out, _ = run(capsys, "--data", str(out_dir), "partner", "JP", "--json")
    assert json.loads(out) == vd.partners.get("JP").model_dump(mode="json")


def test_validate_reports_the_first_fault_in_one_line(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    partners = data_dir / "partners.json"
    partners.write_text(partners.read_text(encoding="utf-8").replace('"kind": "state"', '"kind": "nation"', 1))
    status, out, err = run(capsys, "validate", str(data_dir))
    assert (status, out) == (1, "")
    assert err.count("\n") == 1
    assert err.startswith(f"vn-diplomacy: error: {data_dir}/partners.json, record 'AE', field kind: Input should be")


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["partnrs"], 2, "unknown command 'partnrs'; did you mean 'partners'?"),
        (["--frobnicate"], 2, "unrecognized arguments: --frobnicate"),
        (["partners", "--tier", "strategc"], 2, "unknown tier 'strategc'; did you mean 'strategic'?"),
        (["partners", "--on", "19-03-2024"], 2, "invalid date '19-03-2024': expected YYYY-MM-DD"),
        (["partners", "--on", "2024-02-30"], 2, "invalid date '2024-02-30'"),
        (["engagements", "--from", "2024-3-1"], 2, "invalid date '2024-3-1'"),
        (["export", "--format", "xlsx", "--out", "x"], 2, "unknown format 'xlsx'"),
        (["export"], 2, "the following arguments are required: --out"),
        (["partner"], 2, "the following arguments are required: ID_OR_NAME"),
        (["partner", "JPN"], 1, "unknown partner id or name 'JPN'; did you mean 'JP' (Japan)?"),
        (["person", "Bui Thanh"], 1, "unknown person id or name 'Bui Thanh'"),
        (["engagements", "--partner", "Atlantis"], 1, "unknown partner id or name 'Atlantis'"),
        (["trade", "--partner", "Narnia"], 1, "unknown partner id or name 'Narnia'"),
        (["engagements", "--from", "2025-01-01", "--to", "2024-01-01"], 1, "end 2024-01-01 is before start 2025-01-01"),
        (["validate", "/nonexistent/vn-data"], 1, "/nonexistent/vn-data: the data directory does not exist"),
        (["--data", "/nonexistent/vn-data", "partners"], 1, "the data directory does not exist"),
    ],
)
def test_bad_input_is_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, message: str
) -> None:
    got, out, err = run(capsys, *argv)
    assert (got, out) == (status, "")
    assert err.count("\n") == 1, err
    assert err.startswith("vn-diplomacy")
    assert message in err


def test_export_to_an_unwritable_place_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    status, out, err = run(capsys, "export", "--out", str(blocker / "sub"))
    assert (status, out) == (1, "")
    assert err.count("\n") == 1
    assert str(blocker) in err


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert (status, out) == (0, cli.HELP + "\n")
    for command, summary in cli.COMMANDS.items():
        assert f"\n  {command:<13}{summary}\n" in out
    for command in cli.COMMANDS:
        assert main([command, "--help"]) == 0
    assert "--json" in capsys.readouterr().out
    assert run(capsys, "--data", "somewhere", "--help") == (0, cli.HELP + "\n", "")


def test_the_static_help_agrees_with_the_parser() -> None:
    """HELP is written without argparse (for speed); it must name the options argparse accepts, no more, no less.

    The subcommands need no such check: the parser is built from `COMMANDS`, the table HELP lists.
    """
    import re

    def options(text: str) -> set[str]:
        return set(
            re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", text.split("options:")[1].split("examples:", maxsplit=1)[0])
        )

    assert options(cli.HELP) == options(cli.build_parser().format_help()) == {"-h", "--help", "--version", "--data"}
    help_lines = re.findall(r"\n  ([a-z]+) +(.+)", cli.HELP.split("commands:")[1].split("options:")[0])
    assert dict(help_lines) == cli.COMMANDS


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert (status, out) == (0, f"vn-diplomacy {vd.__version__} (data {vd.DATA_VERSION})\n")


def installed_command() -> str:
    return str(Path(sys.executable).with_name("vn-diplomacy"))


def test_the_installed_command_and_python_m_are_the_same_program() -> None:
    argv = ["engagements", "--partner", "US", "--json"]
    script = subprocess.run([installed_command(), *argv], capture_output=True, text=True, check=True)
    module = subprocess.run([sys.executable, "-m", "vn_diplomacy", *argv], capture_output=True, text=True, check=True)
    assert script.stdout == module.stdout
    assert [r["id"] for r in json.loads(script.stdout)] == [e.id for e in vd.engagements.involving("US")]


def test_a_real_error_has_no_traceback() -> None:
    result = subprocess.run([installed_command(), "partner", "Atlantis"], capture_output=True, text=True, check=False)
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
        "sys.exit(main(['engagements']))\n"
    )
    for buffered in ("", "1"):  # stdout block-buffered (a pipe's default) and unbuffered
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        env |= {"PYTHONUNBUFFERED": buffered} if buffered else {}
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env)
        assert (result.returncode, result.stderr) == (1, "")


# --- the package's shape -----------------------------------------------------------------------

CLI_MODULES = ("__init__", "_commands", "_render", "_io", "_parser")
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
    assert loaded == {"vn_diplomacy", "vn_diplomacy.cli", "vn_diplomacy.cli._io", "vn_diplomacy.cli._parser"}


def test_overview_is_imported_on_first_use_and_listed() -> None:
    import importlib

    assert sorted(dir(cli)) == sorted(cli.__all__)
    assert "overview" in dir(cli)
    assert cli.overview is importlib.import_module("vn_diplomacy.cli._commands").overview
    with pytest.raises(AttributeError, match=r"^module 'vn_diplomacy\.cli' has no attribute 'nothing'$"):
        cli.nothing  # noqa: B018  # the missing name is the point
