"""What each command answers: the overview, one function per subcommand, and the version line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vn_diplomacy.cli import _records
from vn_diplomacy.cli._colour import Palette, palette, wanted
from vn_diplomacy.cli._ids import resolve
from vn_diplomacy.cli._parser import PROG
from vn_diplomacy.cli._render import (
    dates_of,
    figure_text,
    heading,
    json_record,
    listed,
    quotes,
    related,
    since_text,
    status_text,
    tier_in_force,
    when,
)

if TYPE_CHECKING:
    import argparse
    import datetime
    from collections.abc import Callable

    from vn_diplomacy.dataset import Dataset

__all__ = ["Unverified", "answer", "overview", "version"]


def overview(data: Dataset | None = None, *, colour: bool = False) -> str:
    """The overview text: partners by tier, the latest engagements, the trade figures, the sources.

    With `colour`, how each tier is known and each "(inferred)" are styled for a terminal (see `_colour`).

    Examples:
        >>> from vn_diplomacy.cli import overview
        >>> overview().splitlines()[0]
        "vn_diplomacy: Vietnam's foreign relations from official articles, every fact with its quote"
    """
    import vn_diplomacy as vd

    data = vd.load() if data is None else data
    paint = Palette(on=colour)
    lines = [
        "vn_diplomacy: Vietnam's foreign relations from official articles, every fact with its quote",
        f"{len(data.sources)} sources, {len(data.partners)} partners, {len(data.people)} people, "
        f"{len(data.engagements)} engagements, {len(data.trade)} trade figures, {len(data.agreements)} agreements, "
        f"{len(data.claims)} claims, {len(data.discrepancies)} "
        f"discrepanc{'y' if len(data.discrepancies) == 1 else 'ies'} between or within articles",
        "",
        "Partners by latest known tier",
    ]
    for tier in sorted(vd.Tier, reverse=True):
        members = data.partners.with_tier(tier)
        entries: list[str] = []
        for partner in members:
            latest = partner.tier_history[-1]
            entries.append(f"{partner.name} [{paint.basis(since_text(latest))}]")
        lines.append(f"  {tier.label} ({len(members)}): " + ("; ".join(entries) or "none at this tier now"))
    lines += ["", "Latest engagements"]
    for engagement in list(data.engagements)[-8:][::-1]:
        planned = " [planned]" if engagement.status is vd.EngagementStatus.PLANNED else ""
        dates = dates_of(engagement)
        lines.append(f"  {paint.marked(dates)}{' ' * (22 - len(dates))} {engagement.title}{planned}")
    lines += ["", "Trade figures"]
    for figure in data.trade:
        counterpart = "" if figure.partner is None else f" ({data.partners.get(figure.partner).name})"
        lines.append(f"  {figure.period_start}/{figure.period_end} {figure.metric}{counterpart}: {figure_text(figure)}")
    lines += ["", "Sources"]
    for source in data.sources:
        title = source.title or "(untitled)"
        lines.append(f"  {paint.marked(when(source.published))}  {source.publisher or 'publisher not named'}: {title}")
    lines += ["", f"More: {PROG} --help"]
    return "\n".join(lines)


def _partners(data: Dataset, args: argparse.Namespace) -> str:
    from vn_diplomacy.records.partner import Tier

    day: datetime.date | None = args.on
    chosen = list(data.partners) if args.tier is None else list(data.partners.with_tier(Tier(args.tier), on=day))
    rows: list[list[str]] = []
    for partner in chosen:
        change = tier_in_force(partner, day)
        # "unknown", not "-": no article speaks of a tier by then, which is not to say there was none.
        tier = "unknown" if change is None else change.tier.value
        rows.append([partner.id, partner.name, partner.kind.value, tier, "" if change is None else since_text(change)])
    heading = "TIER" if day is None else f"TIER ON {day.isoformat()}"
    return listed(args, chosen, ["ID", "NAME", "KIND", heading, "HOW KNOWN"], rows, "partners", among=data.partners)


def _partner(data: Dataset, args: argparse.Namespace) -> str:
    partner = resolve(data.partners, args.name)
    if args.json:
        return json_record(partner)
    paint = palette(args.color)
    lines = heading(partner.name, paint.id(partner.id), partner.kind.value, partner.aliases)
    lines += ["", "Diplomatic relations"] if partner.relations else []
    for event in partner.relations:
        lines.append(f"  {paint.marked(when(event.date))}  {event.kind.value}")
        lines += quotes(event.evidence, "    ")
    lines += ["", "Tier history" if partner.tier_history else "Tier history: none in the articles"]
    for change in partner.tier_history:
        name = "" if change.name is None else f": {change.name}"
        lines.append(f"  {paint.basis(since_text(change))}  {change.tier.label}{name}")
        if change.inference is not None:
            lines.append(f"    inferred: {change.inference}")
        lines += quotes(change.evidence, "    ")
    if partner.facts:
        lines += ["", "Facts"]
    for fact in partner.facts:
        lines.append(f"  {paint.marked(when(fact.as_of))}  {fact.kind.value}: {fact.text}")
        lines += quotes(fact.evidence, "    ")
    lines += related(data, partner.id, paint)
    return "\n".join(lines)


def _party(data: Dataset, text: str) -> str:
    """The id of a partner, or VN for Vietnam itself (its name in English or Vietnamese, VN or VNM)."""
    from vn_diplomacy.records.partner import VIETNAM_NAMES
    from vn_diplomacy.text import normalize

    return "VN" if normalize(text) in VIETNAM_NAMES else resolve(data.partners, text).id


def _people(data: Dataset, args: argparse.Namespace) -> str:
    chosen = list(data.people)
    if args.country is not None:
        country = _party(data, args.country)
        chosen = [p for p in chosen if p.country == country]
    rows = [[p.id, p.name, p.country, p.title] for p in chosen]
    return listed(args, chosen, ["ID", "NAME", "COUNTRY", "LATEST TITLE"], rows, "people", among=data.people)


def _person(data: Dataset, args: argparse.Namespace) -> str:
    person = resolve(data.people, args.name)
    if args.json:
        return json_record(person)
    paint = palette(args.color)
    lines = heading(person.name, paint.id(person.id), person.country, person.aliases)
    lines += ["", "Roles"]
    for role in person.roles:
        lines.append(f"  {paint.marked(when(role.as_of))}  {role.title} ({role.entity})")
        lines += quotes(role.evidence, "    ")
    lines += related(data, person.id, paint)
    return "\n".join(lines)


def _engagements(data: Dataset, args: argparse.Namespace) -> str:
    import datetime

    refs = [resolve(data.partners, x).id for x in args.partner or ()]
    refs += [resolve(data.people, x).id for x in args.person or ()]
    chosen = list(data.engagements.involving(*refs)) if refs else list(data.engagements)
    if args.start is not None or args.end is not None:
        start: datetime.date = args.start or datetime.date.min
        end: datetime.date = args.end or datetime.date.max
        dated = {e.id for e in data.engagements.between(start, end)}
        chosen = [e for e in chosen if e.id in dated]
    if args.kind is not None:
        chosen = [e for e in chosen if e.kind.value == args.kind]
    rows = [
        [e.id, dates_of(e), e.kind.value + (" (planned)" if e.status.value == "planned" else ""), e.title]
        for e in chosen
    ]
    return listed(args, chosen, ["ID", "DATE", "KIND", "TITLE"], rows, "engagements", among=data.engagements)


def _trade(data: Dataset, args: argparse.Namespace) -> str:
    chosen = (
        list(data.trade)
        if args.partner is None
        else list(data.trade.involving(resolve(data.partners, args.partner).id))
    )
    rows = [[f.id, f.partner or "", f.metric, f"{f.period_start}/{f.period_end}", figure_text(f)] for f in chosen]
    # No `among`: no command takes a trade figure's id, so its table shows each id whole.
    return listed(args, chosen, ["ID", "PARTNER", "METRIC", "PERIOD", "VALUE"], rows, "trade figures")


def _agreements(data: Dataset, args: argparse.Namespace) -> str:
    chosen = list(data.agreements)
    if args.partner is not None:
        party = _party(data, args.partner)
        chosen = [a for a in chosen if party in a.parties]
    if args.status is not None:
        chosen = [a for a in chosen if a.status is not None and a.status.value == args.status]
    rows = [[a.id, a.kind.value, status_text(a), ", ".join(a.parties) or "multilateral", a.name] for a in chosen]
    return listed(args, chosen, ["ID", "KIND", "STATUS", "PARTIES", "NAME"], rows, "agreements", among=data.agreements)


def _claims(data: Dataset, args: argparse.Namespace) -> str:
    chosen = list(data.claims)
    if args.partner is not None:
        chosen = list(data.claims.involving(resolve(data.partners, args.partner).id))
    rows = [[c.id, when(c.as_of), c.statement] for c in chosen]
    return listed(args, chosen, ["ID", "AS OF", "STATEMENT"], rows, "claims", among=data.claims)


def _sources(data: Dataset, args: argparse.Namespace) -> str:
    rows = [[s.id, when(s.published), s.publisher or "-", s.title or "(untitled)", s.url] for s in data.sources]
    headers = ["ID", "PUBLISHED", "PUBLISHER", "TITLE", "URL"]
    return listed(args, list(data.sources), headers, rows, "sources", among=data.sources)


def _export(data: Dataset, args: argparse.Namespace) -> str:
    from vn_diplomacy.export import export

    paths = export(data, args.out, args.fmt, articles=args.articles)
    return f"wrote {len(paths)} files to {args.out}: " + ", ".join(path.name for path in paths)


def _validate(args: argparse.Namespace) -> str:
    import vn_diplomacy as vd

    data = vd.load(args.directory)
    counts = ", ".join(f"{len(data[name])} {name}" for name in vd.FILES)
    return f"{args.directory}: valid ({counts}); every file, reference and evidence source checked"


class Unverified(Exception):  # noqa: N818  # not an error of the program: the answer of `verify`, that fails
    """`verify` found problems: `report` lists them, for stdout; the exit status is 1."""

    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report


def _verify(data: Dataset, args: argparse.Namespace) -> str:
    from vn_diplomacy.verify import verify_report

    checked = verify_report(args.directory, data)
    counts = f"{checked.articles} article{'s' if checked.articles != 1 else ''} and {checked.quotes} quotes"
    if not checked.problems:
        return (
            f"{args.directory}: verified {counts}: every article file has the sha256 the data records, "
            "and every quote is its article's text at its offsets"
        )
    count = len(checked.problems)
    lines = [f"{args.directory}: {count} problem{'s' if count != 1 else ''} in checking {counts}:"]
    lines += [f"  {problem}" for problem in checked.problems]
    raise Unverified("\n".join(lines))


HANDLERS: dict[str, Callable[[Dataset, argparse.Namespace], str]] = {
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
    "verify": _verify,
    "engagement": _records.engagement,
    "agreement": _records.agreement,
    "claim": _records.claim,
    "discrepancies": _records.discrepancies,
    "discrepancy": _records.discrepancy,
    "source": _records.source,
    "search": _records.search,
}


def version() -> str:
    """The line `--version` prints: the package and data versions."""
    from importlib.metadata import version

    from vn_diplomacy.versions import DATA_VERSION

    return f"{PROG} {version('vn_diplomacy')} (data {DATA_VERSION})"


def answer(args: argparse.Namespace) -> str:
    """The text of the command `args` asks for; what it raises, the caller reports."""
    if args.command == "validate":
        return _validate(args)
    import vn_diplomacy as vd
    from vn_diplomacy.loader import bundled

    # The bundled data as the package holds it: each group validated when a command first uses one of its
    # collections, so `partners` or `sources` builds neither the schemas nor the records of engagements, people
    # and the rest. A folder given with --data is validated whole first, as `validate` does.
    data = bundled() if args.data is None else vd.load(args.data)
    command: str = args.command or "overview"
    if command == "overview":
        return overview(data, colour=wanted(args.color))
    return HANDLERS[command](data, args)
