"""`python -m vn_diplomacy` and the `vn-diplomacy` command: a readable overview of the data."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from vn_diplomacy.models import TradeFigure

__all__ = ["main", "overview"]


def overview() -> str:
    """The overview text: partners by tier, the latest engagements, the trade figures, the sources."""
    import vn_diplomacy as vd

    lines = [
        "vn_diplomacy: Vietnam's foreign relations from official articles, every fact with its quote",
        f"{len(vd.sources)} sources, {len(vd.partners)} partners, {len(vd.people)} people, "
        f"{len(vd.engagements)} engagements, {len(vd.trade)} trade figures, {len(vd.agreements)} agreements, "
        f"{len(vd.claims)} claims",
        "",
        "Partners by latest known tier",
    ]
    for tier in sorted(vd.Tier, reverse=True):
        members = vd.partners.with_tier(tier)
        entries: list[str] = []
        for partner in members:
            latest = partner.tier_history[-1]
            since = f"since {latest.date}" if latest.date is not None else f"attested {latest.attested}"
            inferred = ", inferred" if latest.inference is not None else ""
            entries.append(f"{partner.name} ({since}{inferred})")
        lines.append(f"  {tier.label} ({len(members)}): " + ("; ".join(entries) or "none at this tier now"))
    lines += ["", "Latest engagements"]
    for engagement in list(vd.engagements)[-8:][::-1]:
        when = str(engagement.start) + ("" if engagement.end is None else f"..{engagement.end}")
        planned = " [planned]" if engagement.status is vd.EngagementStatus.PLANNED else ""
        lines.append(f"  {when:<22} {engagement.title}{planned}")
    lines += ["", "Trade figures"]
    for figure in vd.trade:
        counterpart = "" if figure.partner is None else f" ({vd.partners.get(figure.partner).name})"
        lines.append(f"  {figure.period_start}..{figure.period_end} {figure.metric}{counterpart}: {_figure(figure)}")
    lines += ["", "Sources"]
    for source in vd.sources:
        title = source.title or "(untitled)"
        lines.append(f"  {source.published}  {source.publisher or 'publisher not named'}: {title}")
    return "\n".join(lines)


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


def main(argv: Sequence[str] | None = None) -> int:
    """Print the overview; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args in ([], ["overview"]):
        print(overview())
        return 0
    if args in (["-h"], ["--help"]):
        print("usage: vn-diplomacy [overview]\n\nPrint an overview of Vietnam's foreign relations in the bundled data.")
        return 0
    print(f"vn-diplomacy: unknown arguments {' '.join(args)!r}; usage: vn-diplomacy [overview]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
