"""A static SVG chart of partnership tiers and engagements per partner, drawn from the bundled data.

Hand-written SVG rather than a plotting library: the chart is a few dozen rectangles and lines, the
output is small, deterministic text that diffs well, it needs no fonts or scripts to show offline, and
each `PartialDate` can be drawn as exactly the span of days it can mean.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Final
from xml.sax.saxutils import escape

import vn_diplomacy as vd

if TYPE_CHECKING:
    from vn_diplomacy import Partner, TierChange

__all__ = ["svg"]

WIDTH: Final = 960
LEFT: Final = 190  # room for the partner names
RIGHT: Final = 20
TOP: Final = 40
ROW: Final = 30
BAR: Final = 11
LABEL_LENGTH: Final = 26  # longer names (organisations) are shown by their id
LEGEND: Final = 92
COLOURS: Final = {
    vd.Tier.COMPREHENSIVE: "#9ecae1",
    vd.Tier.STRATEGIC: "#4292c6",
    vd.Tier.COMPREHENSIVE_STRATEGIC: "#08519c",
}
MARK: Final = "#c2185b"
TEXT: Final = 'font-family="sans-serif" font-size="12" fill="#222"'


def _rows() -> list[Partner]:
    """Partners with a tier or an engagement: tiered ones by the day their first tier counts from."""
    tiered = sorted((p for p in vd.partners if p.tier_history), key=lambda p: (p.tier_history[0].effective_from, p.id))
    engaged = sorted(
        (p for p in vd.partners if not p.tier_history and vd.engagements.involving(p.id)), key=lambda p: p.name
    )
    return [*tiered, *engaged]


def _bounds(rows: list[Partner]) -> tuple[datetime.date, datetime.date]:
    """Whole years from the first day any drawn date can mean to the year after the last."""
    days: list[datetime.date] = []
    for partner in rows:
        for change in partner.tier_history:
            known = change.date if change.date is not None else change.attested
            assert known is not None  # a TierChange always has one of the two
            days += [known.earliest, known.latest]
        for engagement in vd.engagements.involving(partner.id):
            days += list(engagement.span())
    return datetime.date(min(days).year, 1, 1), datetime.date(max(days).year + 1, 1, 1)


def _tier_title(partner: Partner, change: TierChange) -> str:
    known = change.date if change.date is not None else change.attested
    marked = "" if known is None or known.inference is None else " (inferred)"
    when = f"set up {change.date}" if change.date is not None else f"attested in force {change.attested}"
    basis = change.basis.value
    return f"{partner.name}: {change.tier.label}, {basis}: {when}{marked}, counts from {change.effective_from}"


def svg() -> str:
    """The chart as an SVG document."""
    rows = _rows()
    first, last = _bounds(rows)
    span_days = (last - first).days
    height = TOP + ROW * len(rows) + LEGEND

    def x(day: datetime.date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span_days, 1)

    title = "Vietnam's partnership tiers and engagements per partner, as the articles date them"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<rect width="{WIDTH}" height="{height}" fill="#fff"/>',
        f'<text x="{LEFT}" y="16" {TEXT} font-weight="bold">{escape(title)}</text>',
    ]
    bottom = TOP + ROW * len(rows)
    for year in range(first.year, last.year + 1):
        gx = x(datetime.date(year, 1, 1))
        out.append(f'<line x1="{gx}" y1="{TOP - 6}" x2="{gx}" y2="{bottom}" stroke="#ddd"/>')
        if year < last.year:
            mid = x(datetime.date(year, 7, 1))
            out.append(f'<text x="{mid}" y="{TOP - 10}" {TEXT} text-anchor="middle">{year}</text>')

    for index, partner in enumerate(rows):
        top = TOP + ROW * index
        y = top + 4  # the tier bar on top, the engagement marks below it
        label = partner.name if len(partner.name) <= LABEL_LENGTH else partner.id
        out.append(f'<text x="{LEFT - 8}" y="{top + ROW / 2 + 4}" {TEXT} text-anchor="end">{escape(label)}</text>')
        history = partner.tier_history
        for position, change in enumerate(history):
            known = change.date if change.date is not None else change.attested
            assert known is not None  # a TierChange always has one of the two
            start = change.effective_from
            end = history[position + 1].effective_from if position + 1 < len(history) else last
            colour = COLOURS[change.tier]
            tip = f"<title>{escape(_tier_title(partner, change))}</title>"
            if known.earliest < start:
                # The days the date can mean before the tier surely counts: a year-only date spans its year.
                out.append(
                    f'<rect x="{x(known.earliest)}" y="{y}" width="{x(start) - x(known.earliest)}" height="{BAR}" '
                    f'fill="{colour}" fill-opacity="0.35">{tip}</rect>'
                )
            dashed = ' stroke-dasharray="4 2"' if change.date is None else ""
            opacity = "0.6" if change.date is None else "1"
            out.append(
                f'<rect x="{x(start)}" y="{y}" width="{max(x(end) - x(start), 1)}" height="{BAR}" fill="{colour}" '
                f'fill-opacity="{opacity}" stroke="{colour}"{dashed}>{tip}</rect>'
            )
        for engagement in vd.engagements.involving(partner.id):
            begin, finish = engagement.span()
            tip = f"<title>{escape(f'{engagement.start}: {engagement.title}')}</title>"
            cy = top + 22
            if begin == finish:
                out.append(
                    f'<line x1="{x(begin)}" y1="{top + 16}" x2="{x(begin)}" y2="{top + 28}" '
                    f'stroke="{MARK}" stroke-width="2">{tip}</line>'
                )
            else:
                out.append(
                    f'<g stroke="{MARK}" stroke-width="2">{tip}'
                    f'<line x1="{x(begin)}" y1="{cy}" x2="{x(finish)}" y2="{cy}"/>'
                    f'<line x1="{x(begin)}" y1="{top + 18}" x2="{x(begin)}" y2="{top + 26}"/>'
                    f'<line x1="{x(finish)}" y1="{top + 18}" x2="{x(finish)}" y2="{top + 26}"/></g>'
                )

    legend_y = bottom + 24
    items: list[str] = []
    lx = LEFT
    for tier, colour in COLOURS.items():
        items.append(f'<rect x="{lx}" y="{legend_y - 10}" width="18" height="{BAR}" fill="{colour}"/>')
        items.append(f'<text x="{lx + 24}" y="{legend_y}" {TEXT}>{escape(tier.label)}</text>')
        lx += 24 + 7 * len(tier.label) + 24
    out += items
    band = f'width="18" height="{BAR}" fill="{COLOURS[vd.Tier.STRATEGIC]}"'
    second, third = legend_y + 14, legend_y + 36  # the top of the legend's second and third lines
    notes = [
        (
            LEFT,
            second,
            f'<rect x="{LEFT}" y="{second}" {band} fill-opacity="0.35"/>',
            "days its date can mean before the tier surely counts",
        ),
        (
            LEFT + 350,
            second,
            f'<rect x="{LEFT + 350}" y="{second}" {band} fill-opacity="0.6" stroke-dasharray="4 2" '
            f'stroke="{COLOURS[vd.Tier.STRATEGIC]}"/>',
            "attested in force; set-up date unknown",
        ),
        (
            LEFT,
            third,
            f'<line x1="{LEFT + 9}" y1="{third - 1}" x2="{LEFT + 9}" y2="{third + 13}" '
            f'stroke="{MARK}" stroke-width="2"/>',
            "engagement; a line with end ticks spans the days its date can mean",
        ),
    ]
    for nx, top, shape, label in notes:
        out += [shape, f'<text x="{nx + 24}" y="{top + 10}" {TEXT}>{escape(label)}</text>']
    out.append("</svg>")
    return "\n".join(out) + "\n"
