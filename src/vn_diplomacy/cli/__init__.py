"""The `vn-diplomacy` command (also `python -m vn_diplomacy`): the data from a shell.

Exit status: 0 on success; 1 when the data has no answer (an unknown partner or person, a query that
cannot be answered, invalid data, a folder that cannot be written) or the answer could not be written
(stdout closed, full, or a pipe whose reader has gone); 2 for a command used wrongly (an unknown option,
a malformed date, an empty folder name, the start of an id that several ids share). Every error is one line
on stderr, never a traceback; text that the terminal's encoding cannot show is printed as ``?``.

``vn-diplomacy --help`` prints `HELP` without importing argparse, pydantic or the data. The modules, each
importing only those listed after it:

- this one: `main`, which parses the arguments, runs the command and reports its errors;
- `_commands`: what each command answers (`overview` and one function per subcommand);
- `_records`: what the commands about one record (`engagement`, `agreement`, `claim`, `source`) and `search`
  answer, wrapped to an 80-column terminal;
- `_render`: how answers look (tables, JSON, quotes, figures);
- `_ids`: ids on a terminal: a table's long ids cut short, and the start of an id taken for the whole;
- `_colour`: whether to colour the answer (--color, NO_COLOR, FORCE_COLOR, a terminal), and the styles;
- `_io`: where answers and errors go, and what to do when stdout or stderr fails; whether stdout is a terminal;
- `_parser`: the argparse parser, built from the tables of `_help`, and the checks made before parsing;
- `_values`: the values options take (a day, a year or month as a range's end, a count, a folder, one of a few
  words), each with its error;
- `_help`: the commands and options, and `HELP`, fitted to an 80-column terminal, built with no import at all.
"""

from __future__ import annotations

import sys

from vn_diplomacy.cli._io import Streams, emit, fail, finish
from vn_diplomacy.cli._parser import (
    COMMANDS,
    FORMATS,
    HELP,
    PROG,
    TIERS,
    UsageError,
    build_parser,
    check_args,
    check_command,
)

# Not `from typing import TYPE_CHECKING`: importing typing costs `--help` milliseconds for nothing at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from vn_diplomacy.cli._commands import overview

__all__ = ["COMMANDS", "FORMATS", "HELP", "PROG", "TIERS", "build_parser", "main", "overview"]


def __getattr__(name: str) -> object:
    # `overview` is imported on first use: `--help` needs none of the commands' code.
    if name == "overview":
        from vn_diplomacy.cli._commands import overview

        globals()[name] = overview
        return overview
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return list(__all__)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: the process's arguments); returns the exit status."""
    with Streams():
        return finish(_main(list(sys.argv[1:] if argv is None else argv)))


def _main(args_list: list[str]) -> int:
    if args_list in (["-h"], ["--help"]):  # the fast path: no argparse, no pydantic, no data
        return emit(HELP)
    parser = build_parser()
    try:
        check_command(args_list)
        args = parser.parse_args(args_list)
        check_args(args)
    except UsageError as usage:
        return fail(f"{usage}; see '{PROG} --help'", status=2)
    except SystemExit as done:  # --help, or a usage error argparse has printed
        return done.code if isinstance(done.code, int) else 0
    if args.help:
        return emit(HELP)
    if args.version:
        from vn_diplomacy.cli._commands import version

        return emit(version())
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    from vn_diplomacy.cli._commands import Unverified, answer
    from vn_diplomacy.errors import VnDiplomacyError

    try:
        text = answer(args)
    except UsageError as usage:  # found in the data: the start of an id that several ids share
        return fail(str(usage), status=2)
    except (VnDiplomacyError, OSError) as error:  # no answer, or a folder that cannot be read or written
        return fail(str(error))
    except Unverified as failed:  # the report goes to stdout, as a passing one does; the status says it failed
        return emit(failed.report) or 1
    return emit(text)
