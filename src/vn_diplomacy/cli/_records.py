"""What the commands about one record answer (`engagement`, `agreement`, `claim`, `source`), and `search`."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from vn_diplomacy.cli._colour import palette
from vn_diplomacy.cli._ids import resolve
from vn_diplomacy.cli._render import dates_of, json_record, listed, status_text, when

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable

    from vn_diplomacy._search import Hit
    from vn_diplomacy.dataset import Dataset
    from vn_diplomacy.records.base import Evidence
    from vn_diplomacy.records.statement import Statement

__all__ = ["agreement", "claim", "discrepancies", "discrepancy", "engagement", "search", "source"]

WIDTH = 80
"""The width the views wrap prose to: an 80-column terminal."""


def _wrapped(label: str, text: str, indent: str = "  ") -> list[str]:
    """`label: text`, wrapped to `WIDTH`, continuation lines indented under the text."""
    return textwrap.wrap(
        text, WIDTH, initial_indent=f"{indent}{label}: " if label else indent, subsequent_indent=indent + "  "
    )


def _quoted(evidence: Iterable[Evidence], indent: str) -> list[str]:
    lines: list[str] = []
    for item in evidence:
        lines += textwrap.wrap(
            f'"{item.quote}" [{item.source}, {item.start}-{item.end}]',
            WIDTH,
            initial_indent=indent,
            subsequent_indent=indent + " ",
        )
    return lines


def _statements(data: Dataset, title: str, statements: Iterable[Statement]) -> list[str]:
    lines: list[str] = []
    for statement in statements:
        by = "" if not statement.by else f" ({', '.join(data.people.get(p).name for p in statement.by)})"
        lines += textwrap.wrap(statement.text + by, WIDTH, initial_indent="  - ", subsequent_indent="    ")
        lines += _quoted(statement.evidence, "      ")
    return ["", title, *lines] if lines else []


def engagement(data: Dataset, args: argparse.Namespace) -> str:
    """One engagement: its date, kind, people and place, every statement with its quotes, then its own quotes."""
    record = resolve(data.engagements, args.name)
    if args.json:
        return json_record(record)
    paint = palette(args.color)
    lines = [*textwrap.wrap(record.title, WIDTH), f"id {paint.id(record.id)}", ""]
    status = "" if record.status.value == "held" else f" ({record.status.value} when reported)"
    lines.append(f"  {paint.marked(dates_of(record))}, {record.kind.value}{status}")
    for label, value in (("where", record.location), ("occasion", record.occasion)):
        if value is not None:
            lines += _wrapped(label, value)
    if record.partners:
        lines += _wrapped("partners", ", ".join(data.partners.get(p).name for p in record.partners))
    if record.people:
        lines += _wrapped("people", ", ".join(data.people.get(p).name for p in record.people))
    for date in (record.start, record.end):
        if date is not None and date.inference is not None:
            lines += _wrapped(f"{date} inferred", date.inference)
    lines += _statements(data, "Discussed", record.discussed)
    lines += _statements(data, "Agreed", record.agreed)
    lines += _statements(data, "Proposed or asked", record.proposed)
    lines += _statements(data, "Stated", record.stated)
    lines += ["", "Quotes", *_quoted(record.evidence, "  ")]
    return "\n".join(lines)


def agreement(data: Dataset, args: argparse.Namespace) -> str:
    """One agreement: its kind, parties, status and how it is known, what the articles say of it, its quotes."""
    record = resolve(data.agreements, args.name)
    if args.json:
        return json_record(record)
    short = "" if record.short_name is None else f" ({record.short_name})"
    lines = [*textwrap.wrap(record.name + short, WIDTH), f"id {palette(args.color).id(record.id)}", ""]
    lines.append(f"  {record.kind.value}, parties: {', '.join(record.parties) or 'multilateral'}")
    lines += _wrapped("status", status_text(record))
    if record.status_inference is not None:
        lines += _wrapped("status inferred", record.status_inference)
    if record.date is not None:
        lines += _wrapped("signed, adopted or agreed", when(record.date))
    if record.aliases:
        lines += _wrapped("also called", ", ".join(record.aliases))
    lines += _statements(data, "What the articles say of it", record.statements)
    lines += ["", "Quotes", *_quoted(record.evidence, "  ")]
    return "\n".join(lines)


def claim(data: Dataset, args: argparse.Namespace) -> str:
    """One of the articles' aggregate claims, with its figure, partners and quotes."""
    record = resolve(data.claims, args.id, names=False)
    if args.json:
        return json_record(record)
    paint = palette(args.color)
    lines = [*textwrap.wrap(record.statement, WIDTH), f"id {paint.id(record.id)}", ""]
    lines.append(f"  as of {paint.marked(when(record.as_of))}")
    if record.value is not None:
        lines.append(f"  figure: {record.value} {record.unit or ''}".rstrip())
    if record.partners:
        lines += _wrapped("partners", ", ".join(data.partners.get(p).name for p in record.partners))
    lines += ["", "Quotes", *_quoted(record.evidence, "  ")]
    return "\n".join(lines)


def discrepancies(data: Dataset, args: argparse.Namespace) -> str:
    """Where the articles disagree: each discrepancy's id, partners and subject."""
    chosen = list(data.discrepancies)
    rows = [[d.id, ", ".join(d.partners), d.subject] for d in chosen]
    return listed(args, chosen, ["ID", "PARTNERS", "SUBJECT"], rows, "discrepancies", among=data.discrepancies)


def discrepancy(data: Dataset, args: argparse.Namespace) -> str:
    """One disagreement: each reading with its quotes, then the reading the data follows and why."""
    record = resolve(data.discrepancies, args.id, names=False)
    if args.json:
        return json_record(record)
    lines = [*textwrap.wrap(record.subject, WIDTH), f"id {palette(args.color).id(record.id)}"]
    lines += _statements(data, "Readings", record.readings)
    lines += ["", *_wrapped("the data follows", record.follows, ""), *_wrapped("because", record.reason, "")]
    return "\n".join(lines)


def source(data: Dataset, args: argparse.Namespace) -> str:
    """One source article: where it was published, its file and hash, and how much of the data cites it."""
    from vn_diplomacy.records.walk import evidence_in
    from vn_diplomacy.registry import FILES

    record = resolve(data.sources, args.name)
    if args.json:
        return json_record(record)
    cited = {name: sum(1 for r in data[name] for _, e in evidence_in(r) if e.source == record.id) for name in FILES}
    lines = [*textwrap.wrap(record.title or "(untitled)", WIDTH), f"id {palette(args.color).id(record.id)}", ""]
    lines += _wrapped("published", f"{when(record.published)} by {record.publisher or 'a publisher not named'}")
    lines += [f"  address: {record.url}", f"  file: {record.file}", f"  sha256: {record.sha256}"]
    counts = ", ".join(f"{count} in {name}" for name, count in cited.items() if count)
    lines += _wrapped("quoted", f"{sum(cited.values())} times: {counts}")
    lines += ["", "Quotes of the source record", *_quoted(record.evidence, "  ")]
    return "\n".join(lines)


def search(data: Dataset, args: argparse.Namespace) -> str:
    """Every record that holds the words asked for, best first, each with the text that matched and its quote."""
    from vn_diplomacy._search import search as find

    query = " ".join(args.text)
    hits = find(query, data, limit=args.limit)
    if args.json or args.fmt != "table":  # the hits as JSON, or their columns as CSV
        rows = [[hit.collection, hit.record.id, hit.matched, hit.field, hit.text] for hit in hits]
        headers = ["COLLECTION", "ID", "MATCHED", "FIELD", "TEXT"]
        return listed(args, [hit.record for hit in hits], headers, rows, "records", objects=lambda: _objects(hits))
    if not hits:
        return f"nothing in the data holds {query!r}"
    lines: list[str] = []
    paint = palette(args.color)
    for hit in hits:
        names = hit.record.names()
        label = f" ({names[0]})" if names and names[0] != hit.text else ""
        first, *rest = textwrap.wrap(f"{hit.collection} {hit.record.id}{label}", WIDTH, subsequent_indent="  ")
        named = f"{hit.collection} {hit.record.id}"  # whole on the first line, unless an id were wider than it
        if first.startswith(named):
            first = f"{hit.collection} {paint.id(hit.record.id)}{first[len(named) :]}"
        lines += [first, *rest]
        lines += _wrapped(f"{hit.matched} {hit.field}", hit.text)
        if hit.evidence is not None and hit.matched != "quote":
            lines += _quoted([hit.evidence], "    ")
        elif hit.evidence is not None:
            lines.append(f"    [{hit.evidence.source}, {hit.evidence.start}-{hit.evidence.end}]")
        lines.append("")
    count = len(hits)
    lines.append(f"({count} record{'s' if count != 1 else ''})")
    return "\n".join(lines)


def _objects(hits: Iterable[Hit]) -> list[dict[str, object]]:
    """Each hit as JSON prints it: its record's collection and id first, for an id alone does not tell a claim from
    an engagement; then what matched, where, the text, how many texts matched, the quote that backs it and the
    record with every field."""
    from vn_diplomacy.serialize import canonical

    return [
        {
            "collection": hit.collection,
            "id": hit.record.id,
            "matched": hit.matched,
            "field": hit.field,
            "text": hit.text,
            "matches": hit.matches,
            "evidence": None if hit.evidence is None else hit.evidence.model_dump(mode="json"),
            "record": canonical(hit.record, defaults=True),
        }
        for hit in hits
    ]
