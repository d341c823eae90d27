"""The command-line page, written at build time by running the real `vn-diplomacy` commands.

Each subcommand gets its `--help` text and examples with their actual output. A command whose exit
status is not the one the page expects stops the build, so the page cannot show a failing example.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Final

import vn_diplomacy as vd
from vn_diplomacy import cli
from vn_diplomacy.cli._ids import LEAST, LONG, SHORTEST  # the page states the rules with the numbers they use

__all__ = ["EXAMPLES", "page"]

PATH: Final = "cli.md"
"""The page's path inside the docs folder."""

FOLDERS: Final = frozenset(
    {"my-data", "vn-data", "no-such-folder", "articles", "tampered"}
)  # arguments that are paths in the work folder
JSON_LINES: Final = 40  # --json output longer than this is cut, and the cut is said
COLUMNS: Final = "80"  # argparse wraps help text to the terminal; the page should not depend on the builder's
ENVIRONMENT: Final = {"COLUMNS": COLUMNS, "NO_COLOR": "1", "FORCE_COLOR": None}
"""What each example runs with (None: unset): the builder's terminal width and colour settings do not reach the page."""

EXAMPLES: Final[dict[str, tuple[tuple[tuple[str, ...], int], ...]]] = {
    "": (
        (("--version",), 0),
        (("--data", "my-data", "partners", "--tier", "strategic"), 0),
        (("--color", "never", "discrepancies"), 0),
    ),
    "overview": ((("overview",), 0),),
    "partners": (
        (("partners",), 0),
        (("partners", "--tier", "comprehensive-strategic", "--on", "2024-03-19"), 0),
        (("partners", "--tier", "strategic", "--json"), 0),
        (("partners", "--tier", "strategic", "--format", "csv"), 0),
    ),
    "partner": (
        (("partner", "Japan"), 0),
        (("partner", "Nhật", "Bản"), 0),
        (("partner", "Germany"), 1),
        (("partner", "Vietnam"), 1),
        (("partner", "VA", "--json"), 0),
    ),
    "people": (
        (("people",), 0),
        (("people", "--country", "China"), 0),
        (("people", "--json"), 0),
        (("people", "--country", "US", "--format", "jsonl"), 0),
    ),
    "person": ((("person", "bui thanh son"), 0), (("person", "wang-yi", "--json"), 0)),
    "engagements": (
        (("engagements", "--person", "Bui Thanh Son", "--from", "2025-07-10", "--to", "2025-07-11"), 0),
        (("engagements", "--partner", "US", "--partner", "CN"), 0),
        (("engagements", "--partner", "VA", "--json"), 0),
        (("engagements", "--kind", "phone-call"), 0),
        (("engagements", "--kind", "summit", "--format", "csv"), 0),
        (("engagements", "--from", "2023", "--to", "2023-09"), 0),
    ),
    "engagement": (
        (("engagement", "2025-07-10-son-wang-yi"), 0),
        (("engagement", "2025-07-11-son"), 2),
        (("engagement", "2021-spokesperson-verify-china-missile-base", "--json"), 0),
    ),
    "trade": ((("trade",), 0), (("trade", "--partner", "US", "--json"), 0), (("trade", "--format", "csv"), 0)),
    "agreements": (
        (("agreements",), 0),
        (("agreements", "--status", "under-negotiation"), 0),
        (("agreements", "--status", "proposed", "--format", "csv"), 0),
        (("agreements", "--partner", "Pakistan", "--json"), 0),
    ),
    "agreement": ((("agreement", "EVIPA"), 0), (("agreement", "unclos-1982", "--json"), 0)),
    "claims": (
        (("claims",), 0),
        (("claims", "--partner", "United States"), 0),
        (("claims", "--partner", "Pakistan", "--format", "csv"), 0),
        (("claims", "--json"), 0),
    ),
    "claim": (
        (("claim", "vn-seven-comprehensive-strategic-partners-2024-03"), 0),
        (("claim", "vn-seven…"), 0),
        (("claim", "nine", "--json"), 1),
    ),
    "discrepancies": (
        (("discrepancies",), 0),
        (("discrepancies", "--format", "csv"), 0),
        (("discrepancies", "--json"), 0),
    ),
    "discrepancy": ((("discrepancy", "vn-cn-meeting-july-10-or-11"), 0), (("discrepancy", "rubio-title", "--json"), 0)),
    "sources": ((("sources",), 0), (("sources", "--json"), 0), (("sources", "--format", "csv"), 0)),
    "source": (
        (("source", "vna-2024-03-19-upgrade-of-ties"), 0),
        (("source", "vna-vllf-2023-external-affairs", "--json"), 0),
    ),
    "search": (
        (("search", "railways"), 0),
        (("search", "Penny", "Wong", "--limit", "2"), 0),
        (("search", "EVIPA", "--json"), 0),
        (("search", "semiconductor", "--format", "csv"), 0),
    ),
    "export": (
        (("export", "--format", "csv", "--out", "vn-data"), 0),
        (("export", "--format", "annotations", "--articles", "articles", "--out", "vn-annotations"), 0),
    ),
    "validate": ((("validate", "my-data"), 0), (("validate", "no-such-folder"), 1)),
    "verify": ((("verify", "articles"), 0), (("verify", "tampered"), 1)),
}
"""Per subcommand ("" for the options before one): the arguments of each example and its expected exit status."""


def _shell(args: tuple[str, ...]) -> str:
    """The command as typed in a POSIX shell."""
    quoted = [arg if arg.replace("-", "").replace(".", "").isalnum() else f'"{arg}"' for arg in args]
    return " ".join([cli.PROG, *quoted])


def _environment(base: dict[str, str]) -> dict[str, str]:
    """`base` with `ENVIRONMENT` applied: its names set, or removed where None."""
    kept = {name: value for name, value in base.items() if name not in ENVIRONMENT}
    return kept | {name: value for name, value in ENVIRONMENT.items() if value is not None}


def _in_process(args: list[str]) -> tuple[str, int]:
    """Run `cli.main`, the function behind the installed command, here: the data is loaded once per build."""
    out = io.StringIO()
    previous = dict(os.environ)
    os.environ.clear()
    os.environ.update(_environment(previous))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            status = cli.main(args)
    finally:
        os.environ.clear()
        os.environ.update(previous)
    return out.getvalue().rstrip("\n"), status


def _run(args: tuple[str, ...], folder: Path) -> tuple[str, int]:
    """Run an example; one that names a folder runs as a real process in `folder` (which holds `my-data`)."""
    if not set(args) & FOLDERS:
        return _in_process(list(args))
    result = subprocess.run(
        [sys.executable, "-m", "vn_diplomacy", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env=_environment(dict(os.environ)),
        check=False,
    )
    return (result.stdout + result.stderr).rstrip("\n"), result.returncode


def _help(args: list[str]) -> str:
    """The `--help` text."""
    text, status = _in_process([*args, "--help"])
    if status != 0:
        raise RuntimeError(f"{cli.PROG} {' '.join(args)} --help exited {status}:\n{text}")
    return text


def _examples(command: str, folder: Path) -> list[str]:
    lines: list[str] = []
    for args, expected in EXAMPLES[command]:
        output, status = _run(args, folder)
        if status != expected:
            raise RuntimeError(f"{_shell(args)} exited {status}, the docs expect {expected}:\n{output}")
        note = "" if status == 0 else f" (exit status {status})"
        shown = output.splitlines()
        if "--json" in args and len(shown) > JSON_LINES:
            # The full records are in the catalogue; a page of JSON says no more than its start does.
            hidden = len(shown) - JSON_LINES
            output = "\n".join([*shown[:JSON_LINES], f"... ({hidden} more lines; run the command to see them all)"])
            note += f" (the first {JSON_LINES} lines)"
        lines += [f"`{_shell(args)}`{note}:", "", "```console", f"$ {_shell(args)}", output, "```", ""]
    return lines


def page() -> str:
    """The page's Markdown."""
    missing = set(cli.COMMANDS) - set(EXAMPLES)
    if missing:
        raise RuntimeError(f"the command-line page has no example of: {', '.join(sorted(missing))}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "my-data").mkdir()
        for name in vd.FILES.values():
            (folder / "my-data" / name).write_bytes((files("vn_diplomacy") / "data" / name).read_bytes())
        # The articles, as tests/corpus holds them, and a copy with one word changed in one of them.
        corpus = Path(__file__).parents[2] / "tests" / "corpus"
        shutil.copytree(corpus, folder / "articles")
        shutil.copytree(corpus, folder / "tampered")
        changed = folder / "tampered" / vd.sources.get("vna-2024-03-19-upgrade-of-ties").file
        changed.write_text(changed.read_text(encoding="utf-8").replace("trust", "confidence", 1), encoding="utf-8")
        lines = [
            "# Command line",
            "",
            f"`{cli.PROG}` (or `python -m vn_diplomacy`) answers the package's questions from a shell. This page is",
            "generated at every build by running the commands below; each output is the command's real output on",
            "the bundled data (`my-data` is a copy of it; `export` creates `vn-data`; `articles` holds the five",
            "articles, `tampered` the same with one word changed).",
            "",
            "Exit status 0 is success, 1 means the data has no answer (an unknown name, invalid data), 2 means the",
            "command was used wrongly; each error is one line on stderr.",
            "",
            "The outputs below are what a pipe or a file gets: whole ids, full-width tables, no colour. On a",
            "terminal, the answers have a little colour: a table's headers are bold and every id yellow (the",
            "same in the block of a table too wide for the terminal, and at the top of a record's page); how a",
            "tier is known is green when an article states it, cyan when one attests it, magenta when inferred",
            'and dim when unknown; the "(inferred)" after a date no article states is dim. There is no colour',
            "when `NO_COLOR` is set and not empty (<https://no-color.org>) or `TERM` is `dumb`; `FORCE_COLOR`,",
            "set and not empty, gives colour wherever the output goes; `--color always` or `--color never` (before",
            "the command, as `--data`) decides over all of these. `--format csv`, `json` and `jsonl` are never",
            "coloured.",
            "",
            f"On a terminal, a table also cuts each id longer than {LONG} characters that a command takes to its",
            f"first words (the parts between hyphens), at least {SHORTEST} characters and a letter among them, that",
            'start no other id, and marks the cut with "…": `vn-seven…` for',
            "`vn-seven-comprehensive-strategic-partners-2024-03`.",
            "Every command that takes an id (`partner`, `person`, `engagement`, `agreement`, `claim`,",
            "`discrepancy`, `source`, and options such as `--partner` and `--person`) takes such a start back, with",
            f'or without its "…", and any other start of an id of {LEAST} characters or more that no other id shares,',
            "as git takes a commit's short hash; an exact id or name always wins, and a start that several ids share",
            "is wrong usage (exit status 2) whose message lists them. A cut may need more words as the data grows:",
            "scripts should keep the whole ids, which csv, json and jsonl always give. The Python API is unchanged:",
            "`Collection.get` takes an exact id, and `lookup` an id or a name.",
            "",
            "## Options before the command",
            "",
            "```text",
            _help([]),
            "```",
            "",
            *_examples("", folder),
        ]
        for command in cli.COMMANDS:
            lines += [f"## {command}", "", "```text", _help([command]), "```", "", *_examples(command, folder)]
    return "\n".join(lines)
