"""The command on a terminal: colour.

Colour follows the conventions users expect: none when piped, none with NO_COLOR (https://no-color.org) or
TERM=dumb, FORCE_COLOR forces it, and `--color` decides over all of them; it never reaches CSV or JSON, and
it takes no column.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vn_diplomacy.cli import main
from vn_diplomacy.cli._colour import Palette

FIXTURE = Path(__file__).parent / "fixtures" / "data"
ON_FIXTURE = ("--data", str(FIXTURE))
"""The tests' own dataset (see tests/conftest.py): its ids and values are what the tests below assert."""

SGR = re.compile(r"\x1b\[[0-9;]*m")


def plain(text: str) -> str:
    """`text` without its colour: what a reader sees of it."""
    return SGR.sub("", text)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main([*ON_FIXTURE, *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def answer(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, "")
    return out


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """A terminal of 250 columns (every fixture table fits) with a TERM that takes colour, once `on` is called.

    `on` patches the stdout the test's capsys has put in place, which exists only once the test runs.
    """
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.setenv("TERM", "xterm-256color")
    return monkeypatch


def on(terminal: pytest.MonkeyPatch, *, tty: bool = True) -> None:
    """Make the current stdout a terminal (or, with `tty` False, a pipe)."""
    terminal.setattr(sys.stdout, "isatty", lambda: tty)


# --- when to colour -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "flags", "tty", "coloured"),
    [
        ({}, (), True, True),
        ({}, (), False, False),  # piped
        ({"NO_COLOR": "1"}, (), True, False),
        ({"NO_COLOR": ""}, (), True, True),  # set but empty: not set, as no-color.org says
        ({"TERM": "dumb"}, (), True, False),
        ({"FORCE_COLOR": "1"}, (), False, True),
        ({"FORCE_COLOR": ""}, (), False, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, (), True, False),  # NO_COLOR is read first, as CPython reads it
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, (), False, True),
        ({}, ("--color", "always"), False, True),
        ({"NO_COLOR": "1", "TERM": "dumb"}, ("--color", "always"), False, True),
        ({"FORCE_COLOR": "1"}, ("--color", "never"), True, False),
        ({}, ("--color=never",), True, False),
        ({}, ("--color", "AUTO"), True, True),
    ],
)
def test_when_the_answer_is_coloured(  # noqa: PLR0917  # pytest passes the parameters by name
    capsys: pytest.CaptureFixture[str],
    terminal: pytest.MonkeyPatch,
    env: dict[str, str],
    flags: tuple[str, ...],
    tty: bool,
    coloured: bool,
) -> None:
    on(terminal, tty=tty)
    for name, value in env.items():
        terminal.setenv(name, value)
    out = answer(capsys, *flags, "partners")
    assert ("\x1b[" in out) is coloured
    assert plain(out) == answer(capsys, "--color", "never", "partners")


def test_colour_carries_meaning(capsys: pytest.CaptureFixture[str], terminal: pytest.MonkeyPatch) -> None:
    on(terminal)
    lines = answer(capsys, "partners").splitlines()
    assert lines[0].startswith("\x1b[1mID\x1b[0m  \x1b[1mNAME\x1b[0m")  # headers bold
    assert lines[1].startswith("\x1b[33mCN\x1b[0m  China")  # ids yellow
    assert lines[1].endswith("\x1b[32mstated\x1b[0m: set up 2008")
    assert "\x1b[2munknown\x1b[0m" in lines[2]  # EU: no article speaks of a tier
    assert lines[3].endswith("\x1b[36mattested\x1b[0m: in force 2024-03-18")
    assert lines[-1] == "(6 partners)"
    claims = answer(capsys, "claims")
    assert "2025-07-11 \x1b[2m(inferred)\x1b[0m  Vietnam and the United States" in claims
    palette = Palette(on=True)
    assert palette.basis("inferred: in force 2023 (inferred)") == (
        "\x1b[35minferred\x1b[0m: in force 2023 \x1b[2m(inferred)\x1b[0m"
    )
    assert palette.cell("TITLE", "a (inferred) title") == "a (inferred) title"  # free text is never styled
    assert Palette(on=False).basis("stated: set up 2008") == "stated: set up 2008"


def test_the_pages_colour_their_id_and_how_a_tier_is_known(
    capsys: pytest.CaptureFixture[str], terminal: pytest.MonkeyPatch
) -> None:
    on(terminal)
    page = answer(capsys, "partner", "Japan")
    assert page.startswith("Japan (\x1b[33mJP\x1b[0m), state\n")
    assert "  \x1b[32mstated\x1b[0m: set up late 2023  comprehensive strategic partnership" in page
    assert "\nid \x1b[33m2025-07-10-son-wang-yi\x1b[0m\n" in answer(capsys, "engagement", "2025-07-10-son-wang-yi")
    assert "claims \x1b[33mvn-seven-comprehensive-strategic-partners-2024-03\x1b[0m" in answer(
        capsys, "search", "seven"
    )
    overview = answer(capsys)
    assert "United Kingdom [\x1b[36mattested\x1b[0m: in force 2024-03-18]" in overview
    for argv in ((), ("partner", "Japan"), ("person", "wang-yi"), ("engagement", "2025-07-10-son-wang-yi")):
        assert plain(answer(capsys, *argv)) == answer(capsys, "--color", "never", *argv), argv


@pytest.mark.parametrize("argv", [("--format", "csv"), ("--format", "json"), ("--format", "jsonl"), ("--json",)])
@pytest.mark.parametrize("command", ["partners", "claims", "engagements", "search"])
def test_csv_and_json_are_never_coloured(
    capsys: pytest.CaptureFixture[str], terminal: pytest.MonkeyPatch, argv: tuple[str, ...], command: str
) -> None:
    on(terminal)
    terminal.setenv("FORCE_COLOR", "1")
    words = ("Japan",) if command == "search" else ()
    out = answer(capsys, "--color", "always", command, *words, *argv)
    assert "\x1b" not in out
    assert out == answer(capsys, "--color", "never", command, *words, *argv)


def test_colour_takes_no_column(capsys: pytest.CaptureFixture[str], terminal: pytest.MonkeyPatch) -> None:
    """Each coloured line is the uncoloured one once its codes are gone: the columns and the wraps are the same."""
    on(terminal)
    for columns in ("250", "80", "40"):  # tables, then blocks wrapped to the width
        terminal.setenv("COLUMNS", columns)
        for command in ("partners", "people", "engagements", "agreements", "claims", "sources", "discrepancies"):
            coloured = answer(capsys, command)
            uncoloured = answer(capsys, "--color", "never", command)
            assert coloured != uncoloured
            assert plain(coloured) == uncoloured, (columns, command)
            if columns == "80":
                assert all(len(line) <= 80 for line in plain(coloured).splitlines())
    terminal.setenv("COLUMNS", "40")
    blocks = answer(capsys, "engagements").splitlines()
    assert blocks[0] == "\x1b[33m2020-liuzhou-border-localities-conference\x1b[0m"
    assert blocks[1] == "  \x1b[1mdate\x1b[0m   2020"
    fields = [line for line in blocks if line.startswith(" ")]  # an id has a line of its own, and is never cut
    assert all(len(plain(line)) <= 40 for line in fields)
    assert any(len(line) > 40 for line in fields)  # the codes are there, and take none of the 40 columns


def test_a_real_terminal_gets_colour_and_a_pipe_none() -> None:
    pty = pytest.importorskip("pty")  # POSIX only
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env |= {"COLUMNS": "250", "TERM": "xterm-256color"}
    command = [sys.executable, "-m", "vn_diplomacy", *ON_FIXTURE, "claims"]
    parent, child = pty.openpty()
    try:  # the answer (under 1 kB) fits in the terminal's buffer: the process never waits for a reader
        result = subprocess.run(command, stdout=child, stderr=subprocess.PIPE, env=env, timeout=120, check=False)
    finally:
        os.close(child)
    chunks: list[bytes] = []
    try:
        with contextlib.suppress(OSError):  # EIO once the terminal has nothing more to read
            while chunk := os.read(parent, 4096):
                chunks.append(chunk)
    finally:
        os.close(parent)
    assert (result.returncode, result.stderr) == (0, b"")
    shown = b"".join(chunks).decode().replace("\r\n", "\n")
    assert shown.startswith("\x1b[1mID\x1b[0m")
    assert "\x1b[33mvn-seven-comprehensive-strategic-partners-2024-03\x1b[0m" in shown
    piped = subprocess.run(command, capture_output=True, env=env, timeout=120, check=False)
    assert "\x1b" not in piped.stdout.decode()
    assert plain(shown) == piped.stdout.decode()


def test_color_takes_only_its_three_words(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--color", "sometimes", "partners")
    assert (status, out) == (2, "")
    assert err == (
        "vn-diplomacy: error: argument --color: unknown value 'sometimes' (one of auto, always, never); "
        "see 'vn-diplomacy --help'\n"
    )
    assert run(capsys, "--color", "never", "partnrs")[0] == 2  # the word after --color is not the command
    assert run(capsys, "--color", "never")[0] == 0  # the overview
