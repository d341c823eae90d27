"""The `vn-diplomacy` command (also `python -m vn_diplomacy`): the data from a shell.

Exit status: 0 on success; 1 when the data has no answer (an unknown partner or person, a query that
cannot be answered, invalid data, a folder that cannot be written); 2 for a command used wrongly (an
unknown option, a malformed date). Every error is one line on stderr, never a traceback.

``vn-diplomacy --help`` prints `HELP`, built from `COMMANDS` when this module is imported, without
importing argparse (whose own imports would triple the start-up time of a bare interpreter), pydantic or
the data; the parser, for everything else, is built from the same table.
"""

from __future__ import annotations

import sys

# Not `from typing import TYPE_CHECKING`: importing typing costs `--help` milliseconds for nothing at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    import datetime
    from collections.abc import Callable, Iterable, Sequence
    from typing import NoReturn

    from vn_diplomacy.dataset import Dataset
    from vn_diplomacy.records.base import Evidence, Record
    from vn_diplomacy.records.engagement import Engagement
    from vn_diplomacy.records.partner import Partner, TierChange
    from vn_diplomacy.records.trade import TradeFigure

__all__ = ["COMMANDS", "HELP", "TIERS", "build_parser", "main", "overview"]

PROG = "vn-diplomacy"

TIERS = ("comprehensive-strategic", "strategic", "comprehensive")
"""The values `--tier` takes: those of `vn_diplomacy.Tier` (a test keeps the two the same)."""

FORMATS = ("json", "jsonl", "csv", "parquet")
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
    "export": "write every collection to files, with a Frictionless datapackage.json",
    "validate": "check a data directory exactly as vn_diplomacy.load(DIR) does",
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
  vn-diplomacy validate my-data/

exit status: 0 on success, 1 when the data has no answer (unknown name, invalid data), 2 for wrong usage"""

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


class _UsageError(Exception):
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
    parser.add_argument("--data", metavar="DIR", help=_OPTIONS["--data DIR"])
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
    export.add_argument("--out", required=True, metavar="DIR", help="the folder to write (created if missing)")
    validate = command("validate")
    validate.add_argument("directory", metavar="DIR", help="a folder holding the seven JSON data files")
    return parser


# --- output ------------------------------------------------------------------------------------


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], noun: str) -> str:
    if not rows:
        return f"no {noun} match"
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    header = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    return "\n".join([header, *lines, f"({len(rows)} {noun})"])


def _json(records: Iterable[Record]) -> str:
    import json

    from vn_diplomacy.serialize import canonical

    # Defaults too, so every object of a listing has the same keys.
    return json.dumps([canonical(record, defaults=True) for record in records], indent=2, ensure_ascii=False)


def _json_one(record: Record) -> str:
    import json

    from vn_diplomacy.serialize import canonical

    return json.dumps(canonical(record, defaults=True), indent=2, ensure_ascii=False)


def _quotes(evidence: Iterable[Evidence], indent: str) -> list[str]:
    return [f'{indent}"{e.quote}" [{e.source}]' for e in evidence]


def _figure(figure: TradeFigure) -> str:
    """A trade figure as prose: "nearly 88,000,000,000 USD, +22% vs 2023" or "No. 6, up 2 places vs 2019"."""
    compared = "" if figure.compared_with is None else f" vs {figure.compared_with}"
    if figure.unit == "rank":
        moved = ""
        if figure.change is not None and figure.change != 0:
            places = abs(figure.change)
            moved = f", {'up' if figure.change < 0 else 'down'} {places} place{'s' if places != 1 else ''}{compared}"
        return f"No. {figure.value}{moved}"
    hedge = "" if figure.qualifier is None else f"{figure.qualifier} "
    percent = "" if figure.change_percent is None else f", {figure.change_percent:+}%{compared}"
    return f"{hedge}{figure.value:,} {figure.unit}{percent}"


def _in_force(partner: Partner, day: datetime.date | None) -> TierChange | None:
    """The tier change in force on `day` (the latest when None), as `Partner.tier_on` decides it."""
    tier = partner.tier if day is None else partner.tier_on(day)
    if tier is None:
        return None
    changes = [c for c in partner.tier_history if c.tier is tier and (day is None or c.effective_from <= day)]
    return changes[-1]


def _since(change: TierChange) -> str:
    since = f"{change.date}" if change.date is not None else f"attested {change.attested}"
    return since + (" (inferred)" if change.inference is not None else "")


def overview(data: Dataset | None = None) -> str:
    """The overview text: partners by tier, the latest engagements, the trade figures, the sources.

    Examples:
        >>> from vn_diplomacy.cli import overview
        >>> overview().splitlines()[0]
        "vn_diplomacy: Vietnam's foreign relations from official articles, every fact with its quote"
    """
    import vn_diplomacy as vd

    data = vd.load() if data is None else data
    lines = [
        "vn_diplomacy: Vietnam's foreign relations from official articles, every fact with its quote",
        f"{len(data.sources)} sources, {len(data.partners)} partners, {len(data.people)} people, "
        f"{len(data.engagements)} engagements, {len(data.trade)} trade figures, {len(data.agreements)} agreements, "
        f"{len(data.claims)} claims",
        "",
        "Partners by latest known tier",
    ]
    for tier in sorted(vd.Tier, reverse=True):
        members = data.partners.with_tier(tier)
        entries: list[str] = []
        for partner in members:
            latest = partner.tier_history[-1]
            since = f"since {latest.date}" if latest.date is not None else f"attested {latest.attested}"
            inferred = ", inferred" if latest.inference is not None else ""
            entries.append(f"{partner.name} ({since}{inferred})")
        lines.append(f"  {tier.label} ({len(members)}): " + ("; ".join(entries) or "none at this tier now"))
    lines += ["", "Latest engagements"]
    for engagement in list(data.engagements)[-8:][::-1]:
        when = str(engagement.start) + ("" if engagement.end is None else f"..{engagement.end}")
        planned = " [planned]" if engagement.status is vd.EngagementStatus.PLANNED else ""
        lines.append(f"  {when:<22} {engagement.title}{planned}")
    lines += ["", "Trade figures"]
    for figure in data.trade:
        counterpart = "" if figure.partner is None else f" ({data.partners.get(figure.partner).name})"
        lines.append(f"  {figure.period_start}..{figure.period_end} {figure.metric}{counterpart}: {_figure(figure)}")
    lines += ["", "Sources"]
    for source in data.sources:
        title = source.title or "(untitled)"
        lines.append(f"  {source.published}  {source.publisher or 'publisher not named'}: {title}")
    lines += ["", f"More: {PROG} --help"]
    return "\n".join(lines)


# --- commands ----------------------------------------------------------------------------------


def _partners(data: Dataset, args: argparse.Namespace) -> str:
    from vn_diplomacy.records.partner import Tier

    day: datetime.date | None = args.on
    chosen = list(data.partners) if args.tier is None else list(data.partners.with_tier(Tier(args.tier), on=day))
    if args.json:
        return _json(chosen)
    rows: list[list[str]] = []
    for partner in chosen:
        change = _in_force(partner, day)
        tier = "-" if change is None else change.tier.value
        rows.append([partner.id, partner.name, partner.kind.value, tier, "" if change is None else _since(change)])
    heading = "TIER" if day is None else f"TIER ON {day.isoformat()}"
    return _table(["ID", "NAME", "KIND", heading, "SINCE"], rows, "partners")


def _partner(data: Dataset, args: argparse.Namespace) -> str:
    partner = data.partners.lookup(args.name)
    if args.json:
        return _json_one(partner)
    lines = _heading(partner.name, partner.id, partner.kind.value, partner.aliases)
    lines += ["", "Diplomatic relations"] if partner.relations else []
    for event in partner.relations:
        lines.append(f"  {event.date}  {event.kind.value}")
        lines += _quotes(event.evidence, "    ")
    lines += ["", "Tier history" if partner.tier_history else "Tier history: none in the articles"]
    for change in partner.tier_history:
        name = "" if change.name is None else f": {change.name}"
        lines.append(f"  {_since(change)}  {change.tier.label}{name}")
        if change.inference is not None:
            lines.append(f"    inferred: {change.inference}")
        lines += _quotes(change.evidence, "    ")
    if partner.facts:
        lines += ["", "Facts"]
    for fact in partner.facts:
        lines.append(f"  {fact.as_of}  {fact.kind.value}: {fact.text}")
        lines += _quotes(fact.evidence, "    ")
    lines += _related(data, partner.id)
    return "\n".join(lines)


def _heading(name: str, id_: str, what: str, aliases: tuple[str, ...]) -> list[str]:
    """The first lines of a partner's or person's page: "Japan (JP), state", then other spellings."""
    return [f"{name} ({id_}), {what}", *(["Also written: " + ", ".join(aliases)] if aliases else [])]


def _related(data: Dataset, ref: str) -> list[str]:
    """The engagements, trade figures, agreements and claims that involve a partner or person."""
    sections = [
        ("Engagements", [f"{_when(e)}  {e.title}" for e in data.engagements.involving(ref)]),
        (
            "Trade figures",
            [f"{f.period_start}..{f.period_end} {f.metric}: {_figure(f)}" for f in data.trade.involving(ref)],
        ),
        ("Agreements", [f"{a.name} ({a.status.value} as of {a.status_as_of})" for a in data.agreements.involving(ref)]),
        ("Claims", [f"{c.as_of}  {c.statement}" for c in data.claims.involving(ref)]),
    ]
    lines: list[str] = []
    for title, entries in sections:
        if entries:
            lines += ["", f"{title} ({len(entries)})", *(f"  {entry}" for entry in entries)]
    return lines


def _when(engagement: Engagement) -> str:
    return str(engagement.start) + ("" if engagement.end is None else f"..{engagement.end}")


def _people(data: Dataset, args: argparse.Namespace) -> str:
    if args.json:
        return _json(data.people)
    rows = [[p.id, p.name, p.country, p.title] for p in data.people]
    return _table(["ID", "NAME", "COUNTRY", "LATEST TITLE"], rows, "people")


def _person(data: Dataset, args: argparse.Namespace) -> str:
    person = data.people.lookup(args.name)
    if args.json:
        return _json_one(person)
    lines = _heading(person.name, person.id, person.country, person.aliases)
    lines += ["", "Roles"]
    for role in person.roles:
        lines.append(f"  {role.as_of}  {role.title} ({role.entity})")
        lines += _quotes(role.evidence, "    ")
    lines += _related(data, person.id)
    return "\n".join(lines)


def _engagements(data: Dataset, args: argparse.Namespace) -> str:
    import datetime

    refs = [data.partners.lookup(x).id for x in args.partner or ()]
    refs += [data.people.lookup(x).id for x in args.person or ()]
    chosen = list(data.engagements.involving(*refs)) if refs else list(data.engagements)
    if args.start is not None or args.end is not None:
        start: datetime.date = args.start or datetime.date.min
        end: datetime.date = args.end or datetime.date.max
        dated = {e.id for e in data.engagements.between(start, end)}
        chosen = [e for e in chosen if e.id in dated]
    if args.json:
        return _json(chosen)
    rows = [
        [e.id, _when(e), e.kind.value + (" (planned)" if e.status.value == "planned" else ""), e.title] for e in chosen
    ]
    return _table(["ID", "DATE", "KIND", "TITLE"], rows, "engagements")


def _trade(data: Dataset, args: argparse.Namespace) -> str:
    chosen = (
        list(data.trade) if args.partner is None else list(data.trade.involving(data.partners.lookup(args.partner).id))
    )
    if args.json:
        return _json(chosen)
    rows = [[f.id, f.partner or "", f.metric, f"{f.period_start}..{f.period_end}", _figure(f)] for f in chosen]
    return _table(["ID", "PARTNER", "METRIC", "PERIOD", "VALUE"], rows, "trade figures")


def _agreements(data: Dataset, args: argparse.Namespace) -> str:
    if args.json:
        return _json(data.agreements)
    rows = [
        [a.id, a.kind.value, f"{a.status.value} ({a.status_as_of})", ", ".join(a.parties) or "multilateral", a.name]
        for a in data.agreements
    ]
    return _table(["ID", "KIND", "STATUS (AS OF)", "PARTIES", "NAME"], rows, "agreements")


def _claims(data: Dataset, args: argparse.Namespace) -> str:
    if args.json:
        return _json(data.claims)
    rows = [[c.id, str(c.as_of), c.statement] for c in data.claims]
    return _table(["ID", "AS OF", "STATEMENT"], rows, "claims")


def _sources(data: Dataset, args: argparse.Namespace) -> str:
    if args.json:
        return _json(data.sources)
    rows = [[s.id, str(s.published), s.publisher or "-", s.title or "(untitled)", s.url or "-"] for s in data.sources]
    return _table(["ID", "PUBLISHED", "PUBLISHER", "TITLE", "URL"], rows, "sources")


def _export(data: Dataset, args: argparse.Namespace) -> str:
    from vn_diplomacy.export import export

    paths = export(data, args.out, args.fmt)
    return f"wrote {len(paths)} files to {args.out}: " + ", ".join(path.name for path in paths)


def _validate(args: argparse.Namespace) -> str:
    import vn_diplomacy as vd

    data = vd.load(args.directory)
    counts = ", ".join(f"{len(getattr(data, name))} {name}" for name in vd.FILES)
    return f"{args.directory}: valid ({counts}); every file, reference and evidence source checked"


_RUN: dict[str, Callable[[Dataset, argparse.Namespace], str]] = {
    "partners": _partners,
    "partner": _partner,
    "people": _people,
    "person": _person,
    "engagements": _engagements,
    "trade": _trade,
    "agreements": _agreements,
    "claims": _claims,
    "sources": _sources,
    "export": _export,
}


def _version() -> str:
    from importlib.metadata import version

    from vn_diplomacy.versions import DATA_VERSION

    return f"{PROG} {version('vn_diplomacy')} (data {DATA_VERSION})"


def _check_command(argv: Sequence[str]) -> None:
    """Reject an unknown subcommand with a suggestion (argparse would list every choice instead)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--data":
            skip = True
        elif not token.startswith("-"):
            if token not in COMMANDS:
                raise _UsageError(f"unknown command {token!r}{_close(token, COMMANDS)} (one of {', '.join(COMMANDS)})")
            return


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: the process's arguments); returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["-h"], ["--help"]):  # the fast path: no argparse, no pydantic, no data
        print(HELP)
        return 0
    parser = build_parser()
    try:
        _check_command(args_list)
        args = parser.parse_args(args_list)
    except _UsageError as usage:
        print(f"{PROG}: error: {usage}; see '{PROG} --help'", file=sys.stderr)
        return 2
    except SystemExit as done:  # --help, or a usage error argparse has printed
        return done.code if isinstance(done.code, int) else 0
    if args.help:
        print(HELP)
        return 0
    if args.version:
        print(_version())
        return 0
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    from vn_diplomacy.errors import VnDiplomacyError

    try:
        if args.command == "validate":
            text = _validate(args)
        else:
            import vn_diplomacy as vd

            data = vd.load(args.data)
            command: str = args.command or "overview"
            text = overview(data) if command == "overview" else _RUN[command](data, args)
        print(text)
        sys.stdout.flush()  # a closed pipe must fail here, inside the handler, not at interpreter exit
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except VnDiplomacyError as error:
        print(f"{PROG}: error: {_one_line(str(error))}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{PROG}: error: {_one_line(str(error))}", file=sys.stderr)
        return 1
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())
