"""The command line's words: its commands and options, the fast `HELP` text, and the parser built from them.

`HELP` is built from `COMMANDS` when this module is imported, without importing argparse (whose own imports
would triple the start-up time of a bare interpreter), pydantic or the data; the parser, for everything
else, is built from the same table.
"""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: importing typing costs `--help` milliseconds for nothing at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    import datetime
    from collections.abc import Iterable, Sequence
    from typing import NoReturn

__all__ = [
    "COMMANDS",
    "FORMATS",
    "HELP",
    "PROG",
    "TIERS",
    "UsageError",
    "build_parser",
    "check_args",
    "check_command",
]

PROG = "vn-diplomacy"

TIERS = ("comprehensive-strategic", "strategic", "comprehensive")
"""The values `--tier` takes: those of `vn_diplomacy.Tier` (a test keeps the two the same)."""

FORMATS = ("json", "jsonl", "csv", "parquet", "annotations")
"""The values `export --format` takes: those of `vn_diplomacy.export.FORMATS`."""

COMMANDS = {
    "overview": "a readable summary: partners by tier, the latest engagements, the trade figures",
    "partners": "list partners with their tier (the latest known, or on --on's day)",
    "partner": "one partner in full: tier history, relations, facts, engagements, with quotes",
    "people": "list people with their country and latest title",
    "person": "one person in full: roles over time and engagements, with quotes",
    "engagements": "list meetings, visits, calls and other engagements, oldest first",
    "trade": "list trade figures",
    "agreements": "list treaties, agreements, memoranda and joint statements with their status",
    "claims": "list the articles' aggregate statements",
    "sources": "list the source articles",
    "export": "write every collection to files with a Frictionless datapackage.json, or the quotes as Web Annotations",
    "validate": "check a data directory exactly as vn_diplomacy.load(DIR) does",
    "verify": "check the quotes against a folder of the articles: each file's sha256, each quote at its offsets",
}
"""Each subcommand and its one-line summary, in the order `--help` lists them."""

_DESCRIPTION = "Vietnam's foreign relations from official articles, every fact with its quote."

_OPTIONS = {
    "-h, --help": "show this help message and exit (COMMAND --help: that command's options)",
    "--version": "print the package and data versions and exit",
    "--data DIR": "read the data from DIR (seven JSON files, checked as `validate` does) instead of the bundled data",
}

_EPILOG = """examples:
  vn-diplomacy partners --tier comprehensive-strategic --on 2024-03-19
  vn-diplomacy partner "United States"
  vn-diplomacy engagements --person "Bui Thanh Son" --from 2025-07-10 --to 2025-07-11
  vn-diplomacy trade --json
  vn-diplomacy export --format csv --out vn-data
  vn-diplomacy export --format annotations --articles tests/corpus --out vn-annotations
  vn-diplomacy validate my-data/
  vn-diplomacy verify tests/corpus

exit status: 0 on success, 1 when the data has no answer (unknown name, invalid data) or verify finds a
quote or article that does not hold, 2 for wrong usage"""

HELP = "\n".join(
    [
        f"usage: {PROG} [-h] [--version] [--data DIR] [COMMAND ...]",
        "",
        _DESCRIPTION,
        "",
        "commands:",
        *(f"  {name:<13}{summary}" for name, summary in COMMANDS.items()),
        "",
        "options:",
        *(f"  {flags:<13}{text}" for flags, text in _OPTIONS.items()),
        "",
        _EPILOG,
    ]
)
"""What `vn-diplomacy --help` prints (no COMMAND runs `overview`)."""


class UsageError(Exception):
    """Wrong usage found before parsing (exit status 2)."""


def _close(word: str, choices: Iterable[str]) -> str:
    import difflib  # only on the error path

    matches = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.5)
    return f"; did you mean {matches[0]!r}?" if matches else ""


def _day(text: str) -> datetime.date:
    import argparse
    import datetime

    try:
        if len(text) != 10:
            raise ValueError(text)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: expected YYYY-MM-DD, e.g. 2024-03-19") from None


def _tier(text: str) -> str:
    import argparse

    value = text.strip().lower().replace(" ", "-").replace("_", "-")
    if value not in TIERS:
        raise argparse.ArgumentTypeError(f"unknown tier {text!r}{_close(value, TIERS)} (one of {', '.join(TIERS)})")
    return value


def _format(text: str) -> str:
    import argparse

    if text not in FORMATS:
        raise argparse.ArgumentTypeError(
            f"unknown format {text!r}{_close(text, FORMATS)} (one of {', '.join(FORMATS)})"
        )
    return text


def _folder(text: str) -> str:
    import argparse

    if not text:  # the current folder would be a guess: say "." for it
        raise argparse.ArgumentTypeError("a folder's path is needed, got: ''; use '.' for the current folder")
    return text


def build_parser() -> argparse.ArgumentParser:
    """The command line parser, with every subcommand and option; its top-level help is `HELP`."""
    import argparse

    class Parser(argparse.ArgumentParser):
        """An ArgumentParser whose errors are one line: what was wrong and where to look for what is right."""

        def error(self, message: str) -> NoReturn:
            self.exit(2, f"{self.prog}: error: {message}; see '{self.prog} --help'\n")

    parser = Parser(prog=PROG, description=_DESCRIPTION, add_help=False)
    parser.add_argument("-h", "--help", action="store_true", help=_OPTIONS["-h, --help"])
    parser.add_argument("--version", action="store_true", help=_OPTIONS["--version"])
    parser.add_argument("--data", type=_folder, metavar="DIR", help=_OPTIONS["--data DIR"])
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str) -> argparse.ArgumentParser:
        summary = COMMANDS[name]
        return commands.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".")

    def listing(name: str) -> argparse.ArgumentParser:
        sub = command(name)
        sub.add_argument("--json", action="store_true", help="print a JSON array of the records instead of a table")
        return sub

    command("overview")
    partners = listing("partners")
    partners.add_argument("--tier", type=_tier, metavar="TIER", help=f"only partners at this tier: {', '.join(TIERS)}")
    partners.add_argument("--on", type=_day, metavar="YYYY-MM-DD", help="tiers as in force on this day")
    partner = listing("partner")
    partner.add_argument("name", metavar="ID_OR_NAME", help="a partner id (US) or name (United States, u.s.)")
    listing("people")
    person = listing("person")
    person.add_argument("name", metavar="ID_OR_NAME", help="a person id (bui-thanh-son) or name (Bùi Thanh Sơn)")
    engagements = listing("engagements")
    engagements.add_argument(
        "--partner", action="append", metavar="X", help="involving this partner (id or name); repeatable"
    )
    engagements.add_argument(
        "--person", action="append", metavar="X", help="involving this person (id or name); repeatable"
    )
    engagements.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD", help="on or after this day")
    engagements.add_argument("--to", dest="end", type=_day, metavar="YYYY-MM-DD", help="on or before this day")
    trade = listing("trade")
    trade.add_argument("--partner", metavar="X", help="only figures about this partner (id or name)")
    listing("agreements")
    listing("claims")
    listing("sources")
    export = command("export")
    export.add_argument(
        "--format", dest="fmt", type=_format, default="json", metavar="FORMAT", help=f"{', '.join(FORMATS)} (json)"
    )
    export.add_argument(
        "--out", required=True, type=_folder, metavar="DIR", help="the folder to write (created if missing)"
    )
    export.add_argument(
        "--articles",
        type=_folder,
        metavar="DIR",
        help="for --format annotations: the folder of the article files, to anchor each quote in its article",
    )
    validate = command("validate")
    validate.add_argument("directory", type=_folder, metavar="DIR", help="a folder holding the JSON data files")
    verify = command("verify")
    verify.add_argument(
        "directory", type=_folder, metavar="DIR", help="a folder holding each source's article file (see `sources`)"
    )
    return parser


def check_args(args: argparse.Namespace) -> None:
    """Reject what the parser cannot: `--articles` with any export format but annotations, which needs it."""
    if args.command != "export":
        return
    if args.fmt == "annotations" and args.articles is None:
        raise UsageError("export --format annotations needs --articles DIR, the folder of the article files")
    if args.fmt != "annotations" and args.articles is not None:
        raise UsageError(f"--articles is for --format annotations, not {args.fmt}")


def check_command(argv: Sequence[str]) -> None:
    """Reject an unknown subcommand with a suggestion (argparse would list every choice instead)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--data":
            skip = True
        elif not token.startswith("-"):
            if token not in COMMANDS:
                raise UsageError(f"unknown command {token!r}{_close(token, COMMANDS)} (one of {', '.join(COMMANDS)})")
            return
