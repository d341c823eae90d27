"""The command's streams: any encoding, closed or broken stdout and stderr, and empty folder names.

Whatever happens to stdout or stderr, `vn-diplomacy` shows no traceback, never hangs, and its exit status
says whether the answer was written.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vn_diplomacy.cli import main

TIMEOUT = 120  # seconds: a hang fails the test instead of stalling the run

ON_FIXTURE = ("--data", str(Path(__file__).parent / "fixtures" / "data"))
"""The tests' own dataset, which no new article changes (see tests/conftest.py)."""


def command(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vn_diplomacy", *argv],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=TIMEOUT,
        check=False,
    )


def in_shell(redirect: str, *argv: str) -> subprocess.CompletedProcess[bytes]:
    """Run the command with a shell redirection such as ``>&-`` (stdout closed) applied to it."""
    script = f'"$@" {redirect}'
    return subprocess.run(
        ["sh", "-c", script, "sh", sys.executable, "-m", "vn_diplomacy", *argv],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )


# --- encodings ---------------------------------------------------------------------------------


def test_an_ascii_terminal_gets_question_marks_not_a_traceback() -> None:
    result = command(*ON_FIXTURE, "person", "bui thanh son", env={"PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.startswith(b"B?i Thanh S?n (bui-thanh-son), VN\n")


def test_a_latin_1_terminal_gets_what_latin_1_holds() -> None:
    result = command(*ON_FIXTURE, "person", "bui thanh son", env={"PYTHONIOENCODING": "latin-1"})
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode("latin-1").startswith("Bùi Thanh S?n (bui-thanh-son), VN\n")


def test_json_on_an_ascii_terminal_is_still_json_and_loses_nothing() -> None:
    """JSON escapes what the output cannot hold (\\u00f9), where the text of a table shows "?"."""
    result = command(*ON_FIXTURE, "person", "bui-thanh-son", "--json", env={"PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.isascii()
    assert (
        json.loads(result.stdout)["name"]
        == "B\N{LATIN SMALL LETTER U WITH GRAVE}i Thanh S\N{LATIN SMALL LETTER O WITH HORN}n"
    )
    csv = command(*ON_FIXTURE, "people", "--format", "csv", env={"PYTHONIOENCODING": "ascii"})
    assert (csv.returncode, csv.stdout) == (1, b"")
    assert b"stdout is not UTF-8, and CSV would lose the characters it cannot hold" in csv.stderr


def test_an_error_on_an_ascii_terminal_is_one_line() -> None:
    result = command(
        *ON_FIXTURE,
        "partner",
        "\N{LATIN CAPITAL LETTER D WITH STROKE}\N{LATIN SMALL LETTER A WITH DOT BELOW}i "
        "Vi\N{LATIN SMALL LETTER E WITH CIRCUMFLEX AND DOT BELOW}t",  # no partner, and no country of today
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert (result.returncode, result.stdout) == (1, b"")
    assert result.stderr == b"vn-diplomacy: error: unknown partner id or name '??i Vi?t'; no close match\n"


def test_in_process_the_streams_are_given_back_as_they_were() -> None:
    """`main` called from Python replaces on an ASCII stream too, and leaves the stream's error handler as it was."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    with contextlib.redirect_stdout(stream):
        assert main([*ON_FIXTURE, "person", "bui thanh son"]) == 0
    assert stream.errors == "strict"
    stream.flush()
    assert raw.getvalue().startswith(b"B?i Thanh S?n (bui-thanh-son), VN\n")


def test_in_process_a_string_buffer_takes_any_text() -> None:
    """As the docs' command-line page runs it: stdout an io.StringIO, which has no reconfigure."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([*ON_FIXTURE, "person", "bui thanh son"]) == 0
    assert out.getvalue().startswith("Bùi Thanh Sơn (bui-thanh-son), VN\n")


# --- closed and broken streams -----------------------------------------------------------------


def test_a_closed_stdout_is_an_error_on_stderr() -> None:
    for argv in ([*ON_FIXTURE, "partners"], ["--help"], ["--version"]):
        result = in_shell(">&-", *argv)
        assert result.returncode == 1, argv
        assert result.stderr == b"vn-diplomacy: error: cannot write the answer: standard output is closed\n", argv


def test_a_closed_stderr_keeps_errors_off_stdout() -> None:
    result = in_shell("2>&-", *ON_FIXTURE, "partner", "Atlantis")
    assert (result.returncode, result.stdout) == (1, b"")
    usage = in_shell("2>&-", "partnrs")
    assert (usage.returncode, usage.stdout) == (2, b"")


def test_a_closed_stderr_does_not_stop_an_answer() -> None:
    result = in_shell("2>&-", *ON_FIXTURE, "partners")
    assert result.returncode == 0
    assert result.stdout == command(*ON_FIXTURE, "partners").stdout
    assert result.stdout.endswith(b"\n(6 partners)\n")


def test_both_closed_is_a_status_alone() -> None:
    assert in_shell(">&- 2>&-", "--version").returncode == 1
    assert in_shell(">&- 2>&-", *ON_FIXTURE, "partner", "Atlantis").returncode == 1


def test_a_reader_that_stops_after_one_line_gets_a_quiet_exit() -> None:
    """`vn-diplomacy partners --json | head -1`: the output is more than a pipe holds (64 kB on Linux).

    So it runs on the bundled data: the fixture's partners fit in a pipe, and would be written whole.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "vn_diplomacy", "partners", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert process.stdout.readline() == b"[\n"
    process.stdout.close()
    assert process.wait(timeout=TIMEOUT) == 1  # as before: the answer was not all written
    assert process.stderr.read() == b""
    process.stderr.close()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device every write to fails")
def test_a_full_disk_is_one_line() -> None:
    result = in_shell("> /dev/full", *ON_FIXTURE, "partners")
    assert result.returncode == 1
    assert result.stderr == b"vn-diplomacy: error: cannot write the answer: [Errno 28] No space left on device\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device every write to fails")
def test_an_error_that_cannot_be_written_is_a_status_alone() -> None:
    result = in_shell("2> /dev/full", *ON_FIXTURE, "partner", "Atlantis")
    assert (result.returncode, result.stdout) == (1, b"")


# --- folder names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["export", "--out", ""], "argument --out"),
        (["export", "--format", "csv", "--out="], "argument --out"),
        (["--data", "", "partners"], "argument --data"),
        (["validate", ""], "argument DIR"),
    ],
)
def test_an_empty_folder_name_is_wrong_usage(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str], option: str
) -> None:
    monkeypatch.chdir(tmp_path)  # where "" would have been taken to point
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert f"{option}: a folder's path is needed, got: ''; use '.' for the current folder" in captured.err
    assert list(tmp_path.iterdir()) == []
