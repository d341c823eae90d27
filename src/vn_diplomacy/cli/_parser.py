"""The command line's parser, built from the words of `_help` (its commands and options), and the checks of a
command line made before parsing.

argparse is imported only when a parser is built: `--help` needs only `HELP`, which `_help` writes without it
(argparse's own imports would triple the start-up time of a bare interpreter).
"""

from __future__ import annotations

from vn_diplomacy.cli._help import COMMANDS, DESCRIPTION, FORMATS, HELP, OPTIONS, PROG, TIERS

# Not `from typing import TYPE_CHECKING`: importing typing costs `--help` milliseconds for nothing at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import NoReturn

__all__ = ["COMMANDS", "FORMATS", "HELP", "PROG", "TIERS", "UsageError", "build_parser", "check_args", "check_command"]


class UsageError(Exception):
    """Wrong usage found before parsing (exit status 2)."""


def build_parser() -> argparse.ArgumentParser:
    """The command line parser, with every subcommand and option; its top-level help is `HELP`."""
    import argparse

    from vn_diplomacy.cli._values import (
        COLOURS,
        ENGAGEMENT_KINDS,
        LISTING_FORMATS,
        choice,
        day,
        folder,
        period_end,
        period_start,
    )

    class Parser(argparse.ArgumentParser):
        """An ArgumentParser whose errors are one line: what was wrong and where to look for what is right."""

        def error(self, message: str) -> NoReturn:
            self.exit(2, f"{self.prog}: error: {message}; see '{self.prog} --help'\n")

    parser = Parser(prog=PROG, description=DESCRIPTION, add_help=False)
    parser.add_argument("-h", "--help", action="store_true", help=OPTIONS["-h, --help"])
    parser.add_argument("--version", action="store_true", help=OPTIONS["--version"])
    parser.add_argument("--data", type=folder, metavar="DIR", help=OPTIONS["--data DIR"])
    parser.add_argument(
        "--color", type=choice(COLOURS, "value"), default="auto", metavar="WHEN", help=OPTIONS["--color WHEN"]
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str) -> argparse.ArgumentParser:
        summary = COMMANDS[name]
        return commands.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".")

    def listing(name: str) -> argparse.ArgumentParser:
        sub = command(name)
        # What --json prints: one record's view prints its record, a listing an array of them, and a search an
        # array of hits, each naming its record's collection (an id alone does not tell a claim from an engagement).
        one = name in _ONE_RECORD
        noun = "hits" if name == "search" else "records"
        what = "the record as a JSON object" if one else f"a JSON array of the {noun} (as --format json)"
        if name == "search":
            what += ": each one's collection, id, what matched and where, its quote, and the record"
        sub.add_argument("--json", action="store_true", help=f"print {what}")
        if one:
            metavar, text = _ONE_RECORD[name]
            if metavar == "ID":  # a claim or a discrepancy has no name: its id, one word
                sub.add_argument("id", metavar=metavar, help=text)
            else:  # a name may be several words (check_args joins them)
                sub.add_argument("name", nargs="+", metavar=metavar, help=text)
        else:
            sub.add_argument(
                "--format",
                dest="fmt",
                type=choice(LISTING_FORMATS, "format"),
                default="table",
                metavar="FORMAT",
                help=f"{', '.join(LISTING_FORMATS)} (table): the table (on a terminal, with long ids cut short: "
                f"see {PROG} --help), its columns as CSV, the {noun} as JSON",
            )
        return sub

    command("overview")
    partners = listing("partners")
    partners.add_argument(
        "--tier", type=choice(TIERS, "tier"), metavar="TIER", help=f"only partners at this tier: {', '.join(TIERS)}"
    )
    partners.add_argument("--on", type=day, metavar="YYYY-MM-DD", help="tiers as in force on this day")
    listing("partner")
    people = listing("people")
    people.add_argument("--country", metavar="X", help="only people acting for this partner (id or name), or VN")
    listing("person")
    engagements = listing("engagements")
    engagements.add_argument(
        "--partner", action="append", metavar="X", help="involving this partner (id or name); repeatable"
    )
    engagements.add_argument(
        "--person", action="append", metavar="X", help="involving this person (id or name); repeatable"
    )
    for flag, dest, value, edge in (("--from", "start", period_start, "after"), ("--to", "end", period_end, "before")):
        help_ = f"on or {edge} this day, or the {dest} of this month or year"
        engagements.add_argument(flag, dest=dest, type=value, metavar="DATE", help=help_)
    engagements.add_argument(
        "--kind", type=choice(ENGAGEMENT_KINDS, "kind"), metavar="KIND", help=f"only {', '.join(ENGAGEMENT_KINDS)}"
    )
    listing("engagement")
    trade = listing("trade")
    trade.add_argument("--partner", metavar="X", help="only figures about this partner (id or name)")
    _record_commands(listing)
    _file_commands(command)
    return parser


def _file_commands(command: Callable[[str], argparse.ArgumentParser]) -> None:
    """The commands that read or write folders: export, validate and verify, added with `command`."""
    from vn_diplomacy.cli._values import choice, folder

    export = command("export")
    export.add_argument(
        "--format",
        dest="fmt",
        type=choice(FORMATS, "format"),
        default="json",
        metavar="FORMAT",
        help=f"{', '.join(FORMATS)} (json)",
    )
    export.add_argument(
        "--out", required=True, type=folder, metavar="DIR", help="the folder to write (created if missing)"
    )
    export.add_argument(
        "--articles",
        type=folder,
        metavar="DIR",
        help="for --format annotations: the folder of the article files, to anchor each quote in its article",
    )
    validate = command("validate")
    validate.add_argument("directory", type=folder, metavar="DIR", help="a folder holding the JSON data files")
    verify = command("verify")
    verify.add_argument(
        "directory", type=folder, metavar="DIR", help="a folder holding each source's article file (see `sources`)"
    )


_ONE_RECORD = {
    "partner": ("ID_OR_NAME", "a partner id (US), its start, or a name (United States, u.s.)"),
    "person": ("ID_OR_NAME", "a person id (bui-thanh-son), its start, or a name (Bùi Thanh Sơn)"),
    "engagement": ("ID_OR_TITLE", "an engagement id (2025-07-11-son-rubio), its start, or a title"),
    "agreement": ("ID_OR_NAME", "an agreement id (evipa), its start, or a name (EVIPA, UNCLOS)"),
    "claim": ("ID", "a claim id, or its start as `claims` shows it"),
    "discrepancy": ("ID", "a discrepancy id, or its start as `discrepancies` shows it"),
    "source": ("ID_OR_TITLE", "a source id, its start, or a title (see `sources`)"),
}
"""The commands about one record: what each takes, and how its --help describes it."""


def _record_commands(listing: Callable[[str], argparse.ArgumentParser]) -> None:
    """The commands of agreements, claims, sources and search, added with `listing` (which adds `--json`)."""
    from vn_diplomacy.cli._values import AGREEMENT_STATUSES, choice, count

    agreements = listing("agreements")
    agreements.add_argument(
        "--status", type=choice(AGREEMENT_STATUSES, "status"), metavar="STATUS", help=", ".join(AGREEMENT_STATUSES)
    )
    agreements.add_argument("--partner", metavar="X", help="only agreements this partner is a party to (id or name)")
    listing("agreement")
    claims = listing("claims")
    claims.add_argument("--partner", metavar="X", help="only claims that name this partner (id or name)")
    listing("claim")
    listing("discrepancies")
    listing("discrepancy")
    listing("sources")
    listing("source")
    search = listing("search")
    search.add_argument("text", nargs="+", metavar="WORD", help="the words to look for; quotes are not needed")
    search.add_argument("--limit", type=count, metavar="N", help="at most N records, the best first")


def check_args(args: argparse.Namespace) -> None:
    """Join a name's words (`partner United States`); reject a blank name or search, two formats, a range that
    ends before it starts, `--articles` without annotations or annotations without it."""
    if isinstance(getattr(args, "name", None), list):
        args.name = " ".join(args.name)
        if not args.name.strip():
            raise UsageError(f"{args.command} needs an id or a name, got only white space")
    if args.command == "search" and not any(character.isalnum() for character in " ".join(args.text)):
        raise UsageError("search needs a word to look for, e.g. 'railways' or 'Japan'")
    if getattr(args, "json", False) and getattr(args, "fmt", "table") not in ("table", "json"):
        raise UsageError(f"--json and --format {args.fmt} ask for two formats; give one")  # export's fmt: no --json
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if start is not None and end is not None and end < start:
        raise UsageError(f"--to {end} is before --from {start}; give a range that ends on or after it starts")
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
        elif token in ("--data", "--color"):  # their values are not commands
            skip = True
        elif not token.startswith("-"):
            if token not in COMMANDS:
                from vn_diplomacy.cli._values import close  # only on the error path

                raise UsageError(f"unknown command {token!r}{close(token, COMMANDS)} (one of {', '.join(COMMANDS)})")
            return
