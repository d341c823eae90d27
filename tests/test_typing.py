"""Type checkers accept every use in tests/typing/accept_*.py and reject exactly the marked lines of reject_*.py.

Checked as a downstream user would check their own code: the files are copied out of the checkout and checked
against the package these tests import (the installed one, or the one a PYTHONPATH such as `src` names) with plain
`mypy --strict` (no pydantic plugin) and pyright in strict mode, so
`py.typed` and the package's own annotations are all the checkers have. A marker such as
`# E: mypy[arg-type] pyright[ArgumentType]` lists the codes each tool must report on its line (pyright's rule
names without their "report" prefix, to keep lines short); a missing
error (an annotation loosened to `Any` or `object`) and an unexpected one both fail. Each tool runs once, over
all the files, the two side by side.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

TYPING = Path(__file__).parent / "typing"
MARKER = re.compile(r"# E:(?P<codes>(?: (?:mypy|pyright)\[[\w,-]+\])+)$")
CODES = re.compile(r"(mypy|pyright)\[([\w,-]+)\]")
TOOLS = ("mypy", "pyright")


class Diagnostic(NamedTuple):
    file: str
    line: int
    tool: str
    code: str


def expected_diagnostics() -> set[Diagnostic]:
    """The errors the markers call for; a marker must name codes for both tools."""
    expected: set[Diagnostic] = set()
    for path in sorted(TYPING.glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "  # E:" not in line:  # an inline comment, as ruff formats it
                continue
            where = f"tests/typing/{path.name}:{number}"
            assert path.name.startswith("reject_"), f"{where}: only reject_*.py files expect errors"
            match = MARKER.search(line)
            assert match is not None, f"{where}: write the marker as '# E: mypy[code,...] pyright[Rule,...]'"
            found = CODES.findall(match["codes"])
            assert sorted({tool for tool, _ in found}) == sorted(TOOLS), f"{where}: both tools must reject the line"
            for tool, codes in found:
                prefix = "report" if tool == "pyright" else ""
                expected.update(Diagnostic(path.name, number, tool, prefix + code) for code in codes.split(","))
    return expected


def _environment() -> dict[str, str]:
    """This process's environment, with PYTHONPATH's relative folders made absolute: the checkers run in another
    folder, where `PYTHONPATH=src` would name nothing, and they would check another copy of the package than the one
    these tests import (a checkout's `src` beside a package installed from elsewhere)."""
    environment = dict(os.environ)
    path = environment.get("PYTHONPATH")
    if path:
        environment["PYTHONPATH"] = os.pathsep.join(
            str(Path(part).resolve()) for part in path.split(os.pathsep) if part
        )
    return environment


class Report(NamedTuple):
    diagnostics: dict[Diagnostic, str]  # each with its message
    files_checked: int


def run_checkers(work: Path) -> dict[str, Report]:
    (work / "mypy.ini").write_text("[mypy]\nstrict = True\n", encoding="utf-8")
    (work / "pyrightconfig.json").write_text(json.dumps({"typeCheckingMode": "strict"}), encoding="utf-8")
    files = sorted(path.name for path in work.glob("*.py"))
    mypy_command = [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--output", "json", *files]
    pyright_command = [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", sys.executable]

    def start(command: list[str]) -> subprocess.Popen[str]:
        return subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=work, env=_environment()
        )

    with start(mypy_command) as mypy, start(pyright_command) as pyright:
        mypy_out, mypy_err = mypy.communicate()
        pyright_out, pyright_err = pyright.communicate()
    # Exit status 1 means "errors found"; anything else is a crash or a usage error.
    assert mypy.returncode in (0, 1), mypy_err or mypy_out
    assert pyright.returncode in (0, 1), pyright_err or pyright_out

    from_mypy: dict[Diagnostic, str] = {}
    for line in mypy_out.splitlines():
        item = json.loads(line)
        if item["severity"] == "error":
            from_mypy[Diagnostic(item["file"], item["line"], "mypy", item["code"] or "")] = item["message"]
    report = json.loads(pyright_out)
    from_pyright: dict[Diagnostic, str] = {}
    for item in report["generalDiagnostics"]:
        if item["severity"] in ("error", "warning"):
            name = str(Path(item["file"]).relative_to(work))
            line = item["range"]["start"]["line"] + 1
            from_pyright[Diagnostic(name, line, "pyright", item.get("rule", ""))] = item["message"]
    return {
        "mypy": Report(from_mypy, len(files)),  # mypy reports a file it cannot check as an error
        "pyright": Report(from_pyright, report["summary"]["filesAnalyzed"]),
    }


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    work = tmp_path_factory.mktemp("downstream")  # outside the checkout: no project config applies
    for path in TYPING.glob("*.py"):
        shutil.copy(path, work)
    return run_checkers(work)


def test_the_markers_are_well_formed_and_there_are_both_kinds_of_file() -> None:
    names = {path.name for path in TYPING.glob("*.py")}
    assert any(name.startswith("accept_") for name in names)
    assert any(name.startswith("reject_") for name in names)
    assert names == {name for name in names if name.startswith(("accept_", "reject_"))}
    marked = {diagnostic.file for diagnostic in expected_diagnostics()}
    assert marked == {name for name in names if name.startswith("reject_")}, "every reject_*.py file marks errors"


@pytest.mark.parametrize("tool", TOOLS)
def test_the_checker_reports_exactly_the_marked_errors(tool: str, reports: dict[str, Report]) -> None:
    report = reports[tool]
    assert report.files_checked == len(list(TYPING.glob("*.py")))
    wanted = {diagnostic for diagnostic in expected_diagnostics() if diagnostic.tool == tool}
    got = set(report.diagnostics)
    missing = [f"  {d.file}:{d.line} {tool}[{d.code}]" for d in sorted(wanted - got)]
    unexpected = [f"  {d.file}:{d.line} {tool}[{d.code}] {report.diagnostics[d]}" for d in sorted(got - wanted)]
    problems = ["missing:", *missing, "unexpected:", *unexpected]
    assert (missing, unexpected) == ([], []), "tests/typing: errors differ from the markers\n" + "\n".join(problems)
