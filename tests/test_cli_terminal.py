"""The command on a terminal: colour, and long ids cut short in tables and taken back by the commands.

Colour follows the conventions users expect: none when piped, none with NO_COLOR (https://no-color.org) or
TERM=dumb, FORCE_COLOR forces it, and `--color` decides over all of them; it never reaches CSV or JSON, and
it takes no column. A table on a terminal cuts each long id to a start that names it alone, and every command
that takes an id takes that start back; a start that several ids share is wrong usage.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_diplomacy.cli import main
from vn_diplomacy.cli._colour import Palette
from vn_diplomacy.cli._ids import LEAST, LONG, SHORTEST, resolve, shortened
from vn_diplomacy.cli._parser import UsageError
from vn_diplomacy.collection import Collection
from vn_diplomacy.records.claim import Claim
from vn_diplomacy.text import normalize

if TYPE_CHECKING:
    import vn_diplomacy as vd

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


def test_a_real_terminal_gets_colour_and_short_ids_and_a_pipe_neither() -> None:
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
    assert "\x1b[33mvn-seven…\x1b[0m" in shown
    piped = subprocess.run(command, capture_output=True, env=env, timeout=120, check=False)
    assert piped.stdout.decode().splitlines()[2].startswith("vn-seven-comprehensive-strategic-partners-2024-03  ")


def test_color_takes_only_its_three_words(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--color", "sometimes", "partners")
    assert (status, out) == (2, "")
    assert err == (
        "vn-diplomacy: error: argument --color: unknown value 'sometimes' (one of auto, always, never); "
        "see 'vn-diplomacy --help'\n"
    )
    assert run(capsys, "--color", "never", "partnrs")[0] == 2  # the word after --color is not the command
    assert run(capsys, "--color", "never")[0] == 0  # the overview


# --- long ids on a terminal ---------------------------------------------------------------------


def first_cells(table: str) -> list[str]:
    return [line.split()[0] for line in table.splitlines()[1:-1]]


def test_a_table_on_a_terminal_cuts_long_ids(capsys: pytest.CaptureFixture[str], terminal: pytest.MonkeyPatch) -> None:
    on(terminal)
    terminal.setenv("NO_COLOR", "1")
    assert first_cells(answer(capsys, "claims")) == ["vn-30-strategic…", "vn-seven…", "vn-us-30…"]
    assert first_cells(answer(capsys, "engagements")) == [
        "2020-liuzhou…",
        "2023-09-10-us…",  # a date alone would say no more than the DATE column: a word with a letter too
        "2024-03-18-question…",
        "2025-07-10-son…",
        "2025-07-11-son-eu",  # "2025-07-11-son" starts two ids: the id is shown whole
        "2025-07-11-son-rubio",
        "2025-12-vn…",
    ]
    assert first_cells(answer(capsys, "people")) == ["bui-thanh-son", "do-hung-viet", "marco-rubio", "wang-yi"]
    # no command takes a trade figure's id: its table shows it whole
    assert first_cells(answer(capsys, "trade")) == ["vn-rank-among-cn-trading-partners-2020", "vn-us-trade-2024-h1"]
    whole = [claim["id"] for claim in json.loads(answer(capsys, "claims", "--json"))]
    csv = answer(capsys, "claims", "--format", "csv").splitlines()
    assert [line.split(",")[0] for line in csv[1:]] == whole
    on(terminal, tty=False)
    assert first_cells(answer(capsys, "claims")) == whole  # piped: whole ids


@pytest.mark.parametrize(
    ("listing", "command"),
    [
        ("partners", "partner"),
        ("people", "person"),
        ("engagements", "engagement"),
        ("agreements", "agreement"),
        ("claims", "claim"),
        ("discrepancies", "discrepancy"),
        ("sources", "source"),
    ],
)
def test_every_id_a_table_shows_names_its_record(
    capsys: pytest.CaptureFixture[str], terminal: pytest.MonkeyPatch, listing: str, command: str
) -> None:
    on(terminal)
    terminal.setenv("NO_COLOR", "1")
    shown = first_cells(answer(capsys, listing))
    whole = [record["id"] for record in json.loads(answer(capsys, listing, "--json"))]
    assert len(shown) == len(whole)
    for short, full in zip(shown, whole, strict=True):
        assert full.startswith(short.removesuffix("…"))
        for text in {short, short.removesuffix("…"), short.upper()}:  # as shown, without its mark, any case
            assert json.loads(answer(capsys, command, text, "--json"))["id"] == full, text


def test_an_ascii_terminal_gets_three_dots(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    raw = Terminal()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.setenv("NO_COLOR", "1")
    with contextlib.redirect_stdout(stream):
        assert main([*ON_FIXTURE, "claims"]) == 0
        stream.flush()
        assert main([*ON_FIXTURE, "claim", "vn-seven..."]) == 0
    stream.flush()
    out = raw.getvalue().decode("ascii")
    assert out.splitlines()[2].split()[:2] == ["vn-seven...", "2024-03-18"]
    assert "id vn-seven-comprehensive-strategic-partners-2024-03\n" in out


# --- the start of an id -------------------------------------------------------------------------


def test_a_start_that_several_ids_share_is_wrong_usage(capsys: pytest.CaptureFixture[str]) -> None:
    for text in ("2025-07-11", "2025-07-11…", "2025-07-11-SON"):
        assert run(capsys, "engagement", text) == (
            2,
            "",
            f"vn-diplomacy: error: {text!r} starts 2 engagement ids: 2025-07-11-son-eu, 2025-07-11-son-rubio; "
            "give more of the id\n",
        )
    status, _, err = run(capsys, "claim", "vn-3")  # vn-30-... alone: "vn-us-30-..." does not start so
    assert (status, err) == (0, "")
    assert run(capsys, "claim", "vn-")[0] == 1  # three characters: an id or nothing, and no id is "vn-"
    assert run(capsys, "claim", "vn-sevem")[0] == 1  # no id starts so: the claim's own error, with suggestions


def test_options_that_take_an_id_take_its_start(capsys: pytest.CaptureFixture[str]) -> None:
    by_start = json.loads(answer(capsys, "engagements", "--person", "wang", "--json"))
    assert [e["id"] for e in by_start] == [
        e["id"] for e in json.loads(answer(capsys, "engagements", "--person", "wang-yi", "--json"))
    ]
    assert by_start


# --- the rules, on made-up ids ------------------------------------------------------------------

WORDS = ["vn", "cn", "us", "US", "2025", "07", "10", "son", "wang", "yi", "trade", "seven", "comprehensive", "x"]
ids = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map("-".join),
    min_size=1,
    max_size=30,
    unique_by=normalize,  # ids a lookup folds alike are refused when a collection is made
)


def claims_with(fixture_data: vd.Dataset, names: list[str]) -> Collection[Claim]:
    model = next(iter(fixture_data.claims))
    return Collection("claim", Claim, [model.model_copy(update={"id": name}) for name in names])


@given(names=ids)
def test_a_cut_id_is_a_start_that_names_its_record_alone(fixture_data: vd.Dataset, names: list[str]) -> None:
    claims = claims_with(fixture_data, names)
    for name, short in zip(names, shortened(claims, names), strict=True):
        if short == name:
            continue
        stem = short.removesuffix("…")
        assert len(name) > LONG
        assert name.startswith(stem + "-")
        assert len(stem) >= SHORTEST
        assert any(character.isalpha() for character in stem)
        for given_ in (short, stem):
            for by_name in (True, False):
                assert resolve(claims, given_, names=by_name).id == name


@given(names=ids, data=st.data())
def test_a_start_names_the_one_id_it_starts_and_an_exact_id_wins(
    fixture_data: vd.Dataset, names: list[str], data: st.DataObject
) -> None:
    claims = claims_with(fixture_data, names)
    name = data.draw(st.sampled_from(names))
    start = name[: data.draw(st.integers(LEAST, len(name)))] if len(name) >= LEAST else name
    starting = [other for other in names if other.casefold().startswith(start.casefold())]
    exact = start if start in names else None
    if exact is not None or len(starting) == 1:
        assert resolve(claims, start, names=False).id == (exact or starting[0])
    else:
        with pytest.raises(UsageError, match=rf"^'{re.escape(start)}' starts {len(starting)} claim ids: ") as raised:
            resolve(claims, start, names=False)
        assert all(other in str(raised.value) for other in sorted(starting, key=str.casefold)[:8])
    named = claims.find(start)  # by name too: an id or a name as lookup takes it wins over a start
    if named is not None:
        assert resolve(claims, start).id == named.id
