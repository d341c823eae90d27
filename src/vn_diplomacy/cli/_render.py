"""How answers look: tables, JSON, quotes, trade figures and dates as text, the sections of a page."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterable, Sequence

    from vn_diplomacy.dataset import Dataset
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
    "quotes",
    "related",
    "since_text",
    "table",
    "tier_in_force",
]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], noun: str) -> str:
    """`rows` in columns under `headers`, with a count of the `noun`s at the end; "no NOUN match" for none."""
    if not rows:
        return f"no {noun} match"
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    header = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    return "\n".join([header, *lines, f"({len(rows)} {noun})"])


def json_list(records: Iterable[Record]) -> str:
    """The records as a JSON array, every field shown."""
    import json

    from vn_diplomacy.serialize import canonical

    # Defaults too, so every object of a listing has the same keys.
    return json.dumps([canonical(record, defaults=True) for record in records], indent=2, ensure_ascii=False)


def json_record(record: Record) -> str:
    """One record as a JSON object, every field shown."""
    import json

    from vn_diplomacy.serialize import canonical

    return json.dumps(canonical(record, defaults=True), indent=2, ensure_ascii=False)


def quotes(evidence: Iterable[Evidence], indent: str) -> list[str]:
    """Each quote on a line of its own, with its source's id."""
    return [f'{indent}"{e.quote}" [{e.source}]' for e in evidence]


def figure_text(figure: TradeFigure) -> str:
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


def tier_in_force(partner: Partner, day: datetime.date | None) -> TierChange | None:
    """The tier change in force on `day` (the latest when None), as `Partner.tier_on` decides it."""
    tier = partner.tier if day is None else partner.tier_on(day)
    if tier is None:
        return None
    changes = [c for c in partner.tier_history if c.tier is tier and (day is None or c.effective_from <= day)]
    return changes[-1]


def since_text(change: TierChange) -> str:
    """When a tier change took effect, or when an article attests it, marked when inferred."""
    since = f"{change.date}" if change.date is not None else f"attested {change.attested}"
    return since + (" (inferred)" if change.inference is not None else "")


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
        ("Agreements", [f"{a.name} ({a.status.value} as of {a.status_as_of})" for a in data.agreements.involving(ref)]),
        ("Claims", [f"{c.as_of}  {c.statement}" for c in data.claims.involving(ref)]),
    ]
    lines: list[str] = []
    for title, entries in sections:
        if entries:
            lines += ["", f"{title} ({len(entries)})", *(f"  {entry}" for entry in entries)]
    return lines


def dates_of(engagement: Engagement) -> str:
    """An engagement's day, or its first and last days."""
    return str(engagement.start) + ("" if engagement.end is None else f"..{engagement.end}")
