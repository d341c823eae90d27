"""How answers look: tables, JSON, quotes, trade figures and dates as text, the sections of a page."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from vn_diplomacy.errors import QueryError

if TYPE_CHECKING:
    import argparse
    import datetime
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from vn_diplomacy.dataset import Dataset
    from vn_diplomacy.dates import PartialDate
    from vn_diplomacy.records.agreement import Agreement
    from vn_diplomacy.records.base import Evidence, Record
    from vn_diplomacy.records.engagement import Engagement
    from vn_diplomacy.records.partner import Partner, TierChange
    from vn_diplomacy.records.trade import TradeFigure

__all__ = [
    "dates_of",
    "figure_text",
    "heading",
    "json_list",
    "json_record",
    "listed",
    "quotes",
    "readable",
    "related",
    "since_text",
    "status_text",
    "table",
    "tier_in_force",
    "when",
]


_SINGULAR = {"people": "person", "discrepancies": "discrepancy"}


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], noun: str) -> str:
    """`rows` in columns under `headers`, with a count of the `noun`s at the end; "no NOUN match" for none.

    On a terminal narrower than the table, each row becomes a block instead: its first cell (the id, which the
    detail views take) on a line, then each other cell under its header, wrapped to the width. Piped or written
    to a file, the table keeps one line per row, for the programs that read it.
    """
    if not rows:
        return f"no {noun} match"
    count = f"{len(rows)} {noun if len(rows) != 1 else _SINGULAR.get(noun, noun.removesuffix('s'))}"
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(len(headers))]
    limit = _width()
    if limit is not None and sum(widths) + 2 * (len(widths) - 1) > limit:
        return "\n".join([*(line for row in rows for line in _block(headers, row, limit)), f"({count})"])
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    header = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    return "\n".join([header, *lines, f"({count})"])


def _block(headers: Sequence[str], row: Sequence[str], limit: int) -> list[str]:
    """One row as a block for a narrow terminal: its first cell, then each other non-empty cell under its header."""
    import textwrap

    label = max(len(header) for header in headers[1:]) + 4
    lines = [row[0]]
    for header, cell in zip(headers[1:], row[1:], strict=True):
        if cell:
            lines += textwrap.wrap(
                cell,
                max(limit, label + 24),  # room for a range of dates and its "(inferred)"
                initial_indent=f"  {header.lower():<{label - 2}}",
                subsequent_indent=" " * label,
                break_long_words=False,  # a date or an id is never cut
                break_on_hyphens=False,
            )
    return [*lines, ""]


def _width() -> int | None:
    """The terminal's width (COLUMNS when set) when stdout is a terminal; None, no limit, when it is not.

    Only a terminal: a shell may export COLUMNS to a command whose output goes to a pipe or a file, which the
    tables must give whole.
    """
    import shutil
    import sys

    try:
        interactive = sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced, or closed
        return None
    return shutil.get_terminal_size().columns if interactive else None


def listed(
    args: argparse.Namespace,
    records: Sequence[Record],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    noun: str,
    *,
    objects: Callable[[], Sequence[Mapping[str, object]]] | None = None,
) -> str:
    """A listing in the format asked for: the table, its columns as CSV, or the records as JSON or JSON Lines.

    `objects`, when given, makes what JSON and JSON Lines print instead of the records (a search's hits).
    """
    fmt: str = "json" if args.json else args.fmt
    if fmt == "json":
        return json_list(records) if objects is None else _dumped(objects(), indent=2)
    if fmt == "jsonl":
        from vn_diplomacy.serialize import canonical

        items = [canonical(r, defaults=True) for r in records] if objects is None else objects()
        return "\n".join(_dumped(item) for item in items)
    if fmt == "csv":
        import csv
        import io

        if not _utf8():  # a CSV cell has no escape for a character the output cannot hold: say so, lose nothing
            raise QueryError(
                "stdout is not UTF-8, and CSV would lose the characters it cannot hold; set PYTHONIOENCODING=utf-8 "
                "or use --format json (which escapes them)"
            )

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")  # "\r" and "\n" in a cell are quoted, as RFC 4180 asks
        writer.writerows([headers, *rows])
        return buffer.getvalue().removesuffix("\n")
    return table(headers, rows, noun)


def _utf8() -> bool:
    """Whether stdout takes every character (JSON written elsewhere escapes what is not ASCII)."""
    import codecs
    import sys

    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def json_list(records: Iterable[Record]) -> str:
    """The records as a JSON array, every field shown."""
    from vn_diplomacy.serialize import canonical

    # Defaults too, so every object of a listing has the same keys.
    return _dumped([canonical(record, defaults=True) for record in records], indent=2)


def json_record(record: Record) -> str:
    """One record as a JSON object, every field shown."""
    from vn_diplomacy.serialize import canonical

    return _dumped(canonical(record, defaults=True), indent=2)


def _dumped(value: object, indent: int | None = None) -> str:
    """`value` as JSON text; what stdout cannot hold is escaped."""
    import json

    return json.dumps(value, indent=indent, ensure_ascii=not _utf8())


def quotes(evidence: Iterable[Evidence], indent: str) -> list[str]:
    """Each quote on a line of its own, with its source's id."""
    return [f'{indent}"{e.quote}" [{e.source}]' for e in evidence]


def figure_text(figure: TradeFigure) -> str:
    """A trade figure as prose: "nearly US$88 billion (88,000,000,000 USD), +22% vs 2023", "No. 6, up 2 places"."""
    compared = "" if figure.compared_with is None else f" vs {figure.compared_with}"
    if figure.unit == "rank":
        moved = ""
        if figure.change is not None and figure.change != 0:
            places = abs(figure.change)
            moved = f", {'up' if figure.change < 0 else 'down'} {places} place{'s' if places != 1 else ''}{compared}"
        return f"No. {figure.value}{moved}"
    hedge = "" if figure.qualifier is None else f"{figure.qualifier} "
    percent = "" if figure.change_percent is None else f", {figure.change_percent:+}%{compared}"
    return f"{hedge}{readable(figure.value, figure.unit)} ({figure.value:,} {figure.unit}){percent}"


_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
_CURRENCY_SIGNS = {"USD": "US$", "EUR": "€", "VND": "VND "}


def readable(value: Decimal, unit: str) -> str:
    """An amount as people say it: "US$88 billion", "US$1.25 million", "-US$5 million", "US$0.0004"; the exact
    value is always shown beside it.

    Examples:
        >>> from decimal import Decimal
        >>> readable(Decimal("88000000000"), "USD"), readable(Decimal("999999999"), "USD"), readable(Decimal("12"), "t")
        ('US$88 billion', 'US$1 billion', '12 t')
    """
    size = abs(value)
    number, word = f"{size.normalize():f}", ""
    for scale, name in _SCALES:
        if size >= scale * Decimal("0.9995"):  # rounds to 1,000 of the next scale down: say the larger one
            number, word = f"{size / scale:,.3f}".rstrip("0").rstrip("."), f" {name}"
            break
    else:
        if size >= 1000:
            number = f"{size:,.3f}".rstrip("0").rstrip(".")
    sign = "-" if value < 0 else ""
    symbol = _CURRENCY_SIGNS.get(unit)
    return f"{sign}{symbol}{number}{word}" if symbol is not None else f"{sign}{number}{word} {unit}"


def tier_in_force(partner: Partner, day: datetime.date | None) -> TierChange | None:
    """The tier change in force on `day` (the latest when None), as `Partner.tier_as_of` decides it."""
    if day is None:
        return partner.tier_history[-1] if partner.tier_history else None
    changes = [c for c in partner.tier_history if c.effective_from <= day]  # what tier_as_of walks
    return changes[-1] if changes else None


def since_text(change: TierChange) -> str:
    """How a tier is known, and from when: "stated: set up 2013", "attested: in force 2023", "inferred: ...".

    A stated change gives the date the article says the framework was set up; an attested or inferred one
    the date an article speaks of it as in force, which is not its start. A date no article states is marked
    "(inferred)", as everywhere.
    """
    if change.date is not None:
        return f"{change.basis.value}: set up {when(change.date)}"
    return f"{change.basis.value}: in force {when(change.attested)}"


def heading(name: str, id_: str, what: str, aliases: tuple[str, ...]) -> list[str]:
    """The first lines of a partner's or person's page: "Japan (JP), state", then other spellings."""
    return [f"{name} ({id_}), {what}", *(["Also written: " + ", ".join(aliases)] if aliases else [])]


def related(data: Dataset, ref: str) -> list[str]:
    """The engagements, trade figures, agreements and claims that involve a partner or person."""
    sections = [
        ("Engagements", [f"{dates_of(e)}  {e.title}" for e in data.engagements.involving(ref)]),
        (
            "Trade figures",
            [f"{f.period_start}..{f.period_end} {f.metric}: {figure_text(f)}" for f in data.trade.involving(ref)],
        ),
        ("Agreements", [f"{a.name} ({status_text(a)})" for a in data.agreements.involving(ref)]),
        ("Claims", [f"{when(c.as_of)}  {c.statement}" for c in data.claims.involving(ref)]),
    ]
    lines: list[str] = []
    for title, entries in sections:
        if entries:
            lines += ["", f"{title} ({len(entries)})", *(f"  {entry}" for entry in entries)]
    return lines


def when(date: PartialDate | None) -> str:
    """A date as every command writes it: its text, then "(inferred)" when no article states it; "undated" for None.

    A range is written as the data writes it, FIRST/LAST ("2023-09-10/2023-09-11": some day between the two).
    """
    if date is None:
        return "undated"
    return str(date) + (" (inferred)" if date.inference is not None else "")


def dates_of(engagement: Engagement) -> str:
    """An engagement's day, or its first and last days ("START..END"), each marked when inferred."""
    return when(engagement.start) + ("" if engagement.end is None else f"..{when(engagement.end)}")


def status_text(agreement: Agreement) -> str:
    """An agreement's status and the date it holds on, "inferred" where an article only implies it."""
    if agreement.status is None:
        return "status not stated"
    inferred = "" if agreement.status_inference is None else ", inferred"
    return f"{agreement.status.value}{inferred} as of {when(agreement.status_as_of)}"
