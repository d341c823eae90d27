"""How answers look: tables, JSON, quotes, trade figures and dates as text, the sections of a page."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from vn_diplomacy.cli._colour import Palette, palette
from vn_diplomacy.cli._ids import ELLIPSIS, shortened
from vn_diplomacy.cli._io import terminal_width, utf8_stdout
from vn_diplomacy.errors import QueryError

if TYPE_CHECKING:
    import argparse
    import datetime
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from vn_diplomacy.collection import Collection
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


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    noun: str,
    *,
    colour: Palette | None = None,
    among: Collection[Record] | None = None,
) -> str:
    """`rows` in columns under `headers`, with a count of the `noun`s at the end; "no NOUN match" for none.

    On a terminal, the ids of the first column, ids of `among`, are cut short as `_ids.shortened` says (the
    commands about one record take them back); and when the table is still wider than the terminal, each row
    becomes a block instead: its id, whole, on a line, then each other cell under its header, wrapped to the
    width. Piped or written to a file, the table keeps whole ids and one line per row, for the programs that
    read it. `colour` styles the text once it is laid out: widths and wraps count the text alone.
    """
    if not rows:
        return f"no {noun} match"
    paint = colour or Palette(on=False)
    count = f"{len(rows)} {noun if len(rows) != 1 else _SINGULAR.get(noun, noun.removesuffix('s'))}"
    limit = terminal_width()
    shown = rows
    if limit is not None and among is not None:
        short = shortened(among, [row[0] for row in rows], ELLIPSIS if utf8_stdout() else "...")
        shown = [[first, *row[1:]] for first, row in zip(short, rows, strict=True)]
    widths = [max(len(headers[i]), *(len(row[i]) for row in shown)) for i in range(len(headers))]
    if limit is not None and sum(widths) + 2 * (len(widths) - 1) > limit:
        return "\n".join([*(line for row in rows for line in _block(headers, row, limit, paint)), f"({count})"])
    lines = [_line(headers, row, widths, paint.cell) for row in shown]
    return "\n".join([_line(headers, headers, widths, lambda _, text: paint.header(text)), *lines, f"({count})"])


def _line(headers: Sequence[str], cells: Sequence[str], widths: Sequence[int], style: Callable[[str, str], str]) -> str:
    """One line of a table: each cell styled, then padded to its column's width by its text's length alone."""
    return "  ".join(
        style(header, cell) + " " * (width - len(cell))
        for header, cell, width in zip(headers, cells, widths, strict=True)
    ).rstrip()


def _block(headers: Sequence[str], row: Sequence[str], limit: int, paint: Palette) -> list[str]:
    """One row as a block for a narrow terminal: its first cell, then each other non-empty cell under its header."""
    import textwrap

    label = max(len(header) for header in headers[1:]) + 4
    lines = [paint.cell(headers[0], row[0])]
    for header, cell in zip(headers[1:], row[1:], strict=True):
        pieces = textwrap.wrap(
            cell,
            max(limit, label + 24),  # room for a range of dates and its "(inferred)"
            initial_indent=" " * label,  # the header's place, written in after the wrap (and styled)
            subsequent_indent=" " * label,
            break_long_words=False,  # a date or an id is never cut
            break_on_hyphens=False,
        )
        for index, piece in enumerate(pieces):
            name = f"  {paint.header(header.lower())}{' ' * (label - 2 - len(header))}" if index == 0 else " " * label
            lines.append(name + paint.cell(header, piece[label:]))
    return [*lines, ""]


def listed(
    args: argparse.Namespace,
    records: Sequence[Record],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    noun: str,
    *,
    among: Collection[Record] | None = None,
    objects: Callable[[], Sequence[Mapping[str, object]]] | None = None,
) -> str:
    """A listing in the format asked for: the table, its columns as CSV, or the records as JSON or JSON Lines.

    Only the table is coloured (when `palette(args.color)` says so), and only it shortens the ids of `among`.
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

        if not utf8_stdout():  # a CSV cell has no escape for a character the output cannot hold: say so, lose nothing
            raise QueryError(
                "stdout is not UTF-8, and CSV would lose the characters it cannot hold; set PYTHONIOENCODING=utf-8 "
                "or use --format json (which escapes them)"
            )

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")  # "\r" and "\n" in a cell are quoted, as RFC 4180 asks
        writer.writerows([headers, *rows])
        return buffer.getvalue().removesuffix("\n")
    return table(headers, rows, noun, colour=palette(args.color), among=among)


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

    return json.dumps(value, indent=indent, ensure_ascii=not utf8_stdout())


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


def related(data: Dataset, ref: str, paint: Palette | None = None) -> list[str]:
    """The engagements, trade figures, agreements and claims that involve a partner or person."""
    dim = (paint or Palette(on=False)).marked
    sections = [
        ("Engagements", [f"{dim(dates_of(e))}  {e.title}" for e in data.engagements.involving(ref)]),
        (
            "Trade figures",
            [f"{f.period_start}/{f.period_end} {f.metric}: {figure_text(f)}" for f in data.trade.involving(ref)],
        ),
        ("Agreements", [f"{a.name} ({dim(status_text(a))})" for a in data.agreements.involving(ref)]),
        ("Claims", [f"{dim(when(c.as_of))}  {c.statement}" for c in data.claims.involving(ref)]),
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
    """An engagement's day, or its first and last days ("START/END", as ISO 8601 writes a range), each marked
    when inferred."""
    return when(engagement.start) + ("" if engagement.end is None else f"/{when(engagement.end)}")


def status_text(agreement: Agreement) -> str:
    """An agreement's status and the date it holds on, "inferred" where an article only implies it."""
    if agreement.status is None:
        return "status not stated"
    inferred = "" if agreement.status_inference is None else ", inferred"
    return f"{agreement.status.value}{inferred} as of {when(agreement.status_as_of)}"
