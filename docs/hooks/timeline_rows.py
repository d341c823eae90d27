"""The timeline chart's data: a row per tier change and per engagement of each charted partner, read from the
bundled data through the public API only, each with the text a reader sees on pointing at its mark.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Final

import vn_diplomacy as vd
from vn_diplomacy.cli._render import dates_of, since_text  # the command line's words for dates and tiers

if TYPE_CHECKING:
    from vn_diplomacy import Engagement, Evidence, Partner, TierChange

__all__ = ["Row", "bounds", "engagement_rows", "label", "partners", "tier_rows"]

Row = dict[str, object]
"""One record of a chart's data: Vega-Lite reads it as JSON."""

NAME_LENGTH: Final = 18  # longer names (organisations) are shown by their id
QUOTE_LENGTH: Final = 240  # characters of a quote in a mark's hover text


def partners() -> list[Partner]:
    """Partners with a tier or an engagement: tiered ones by the day their first tier counts from, then by name."""
    tiered = sorted((p for p in vd.partners if p.tier_history), key=lambda p: (p.tier_history[0].effective_from, p.id))
    engaged = sorted(
        (p for p in vd.partners if not p.tier_history and vd.engagements.involving(p.id)), key=lambda p: p.name
    )
    return [*tiered, *engaged]


def label(partner: Partner) -> str:
    """A partner's name on the chart: its id when the name is too long to fit (organisations)."""
    return partner.name if len(partner.name) <= NAME_LENGTH else partner.id


def bounds(rows: list[Partner]) -> tuple[datetime.date, datetime.date]:
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


def _quote(evidence: tuple[Evidence, ...]) -> str:
    """The first quote, cut at a word within QUOTE_LENGTH characters, its source, and how many more there are."""
    text = " ".join(evidence[0].quote.split())
    if len(text) > QUOTE_LENGTH:
        text = text[: text.rfind(" ", 0, QUOTE_LENGTH)].rstrip(",;:") + " …"
    source = vd.sources.get(evidence[0].source)
    more = len(evidence) - 1
    cite = f"{source.publisher or source.title or source.id}, {source.published}"
    return f"“{text}” ({cite})" + (f"; {more} more on its page" if more else "")


def _tier_hover(partner: Partner, change: TierChange) -> str:
    lines = [f"{partner.name}: {change.tier.label}", f"{since_text(change)}; counts from {change.effective_from}"]
    if change.inference is not None:
        lines.append("The tier is deduced, not read: the partner's page says why.")
    return "\n".join([*lines, _quote(change.evidence)])


def tier_rows(partner: Partner, end: datetime.date) -> list[Row]:
    """A row per tier change: from the day it counts to the next change (or `end`), and what its date can mean."""
    rows: list[Row] = []
    history = partner.tier_history
    for position, change in enumerate(history):
        known = change.date if change.date is not None else change.attested
        assert known is not None  # a TierChange always has one of the two
        until = history[position + 1].effective_from if position + 1 < len(history) else end
        rows.append(
            {
                "row": label(partner),
                "tier": change.tier.label,
                "basis": change.basis.value,
                "earliest": known.earliest.isoformat(),
                "start": change.effective_from.isoformat(),
                "end": until.isoformat(),
                "hover": _tier_hover(partner, change),
            }
        )
    return rows


def _engagement_hover(partner: Partner, engagement: Engagement) -> str:
    kind = engagement.kind.value.replace("-", " ")
    status = "" if engagement.status is vd.EngagementStatus.HELD else ", planned when reported"
    lines = [f"{partner.name}: {engagement.title}", f"{dates_of(engagement)} ({kind}{status})"]
    return "\n".join([*lines, _quote(engagement.evidence)])


def engagement_rows(partner: Partner, shortest: datetime.timedelta) -> list[Row]:
    """A row per engagement of the partner over the days its date can mean: a point when fewer than `shortest`."""
    rows: list[Row] = []
    for engagement in vd.engagements.involving(partner.id):
        begin, finish = engagement.span()
        after = finish + datetime.timedelta(days=1)  # the span ends with its last day
        rows.append(
            {
                "row": label(partner),
                "begin": begin.isoformat(),
                "finish": after.isoformat(),
                "middle": (begin + (after - begin) / 2).isoformat(),
                "point": after - begin < shortest,
                "hover": _engagement_hover(partner, engagement),
            }
        )
    return rows
