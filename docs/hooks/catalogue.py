"""The data catalogue's Markdown pages, written from the bundled data through the public API only.

`pages()` maps each page's path inside the docs folder to its text. Every record of every collection
appears on at least one page with each of its evidence quotes and a link to the quote's source.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Final

import timeline_chart  # a sibling module: ProperDocs puts this folder on sys.path while it loads the hook

import vn_diplomacy as vd
from vn_diplomacy.cli._render import since_text, when  # the command line's words for dates and tiers

if TYPE_CHECKING:
    from collections.abc import Iterable

    from vn_diplomacy import (
        Agreement,
        Claim,
        Discrepancy,
        Engagement,
        Evidence,
        PartialDate,
        Partner,
        Person,
        Statement,
        TradeFigure,
    )

__all__ = ["ROOT", "pages", "partner_path", "person_path"]

ROOT: Final = "catalogue"
"""The folder of the catalogue inside the docs folder."""

_MARKDOWN_SPECIALS: Final = re.compile(r"([\\`*_\[\]{}#|!~])")
_PRECISION_WORDS: Final = {
    vd.Precision.YEAR: "year only",
    vd.Precision.PART_OF_YEAR: "part of a year",
    vd.Precision.MONTH: "month only",
    vd.Precision.DAY: "day",
    vd.Precision.RANGE: "some day in a range",
}


def partner_path(partner_id: str) -> str:
    """The docs path of a partner's page."""
    return f"{ROOT}/partners/{partner_id}.md"


def person_path(person_id: str) -> str:
    """The docs path of a person's page."""
    return f"{ROOT}/people/{person_id}.md"


def _text(value: object) -> str:
    """Data text made safe for Markdown: HTML-escaped, Markdown punctuation backslash-escaped."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(value), quote=False))


def _link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link from one docs page to another (mkdocs checks every one at build time)."""
    depth = from_page.count("/")
    target = "../" * depth + to_page
    return target + ("" if anchor is None else f"#{anchor}")


def _date(value: PartialDate) -> str:
    """A date with its precision and, when inferred, its reasoning."""
    shown = f"**{_text(value)}**"
    if value.precision is not vd.Precision.DAY:
        shown += f" ({_PRECISION_WORDS[value.precision]}: {value.earliest} to {value.latest})"
    if value.inference is not None:
        shown += f" — *inferred:* {_text(value.inference)}"
    return shown


def _evidence(page: str, evidence: Iterable[Evidence]) -> list[str]:
    """Each quote as a block quote, followed by a link to its source."""
    lines: list[str] = []
    for item in evidence:
        source = vd.sources.get(item.source)
        label = f"{_text(source.publisher or source.title or source.id)}, {_text(source.published)}"
        cite = f"[{label}]({_link(page, f'{ROOT}/sources.md', _source_anchor(source.id))})"
        cite += f" · [the article]({source.url})"
        lines += ["", *(f"> {_text(line)}" if line else ">" for line in item.quote.splitlines()), ">", f"> — {cite}"]
    return [*lines, ""]


def _chart(page: str) -> list[str]:
    """The timeline chart, put in by the docs hook where its marker is, then what it shows and a link to it alone."""
    return ["", timeline_chart.MARKER, "", timeline_chart.caption(_link(page, f"{ROOT}/timeline.svg")), ""]


def _source_anchor(source_id: str) -> str:
    return f"source-{source_id}"


def _engagement_anchor(engagement_id: str) -> str:
    return f"engagement-{engagement_id}"


def _partner_ref(page: str, partner_id: str) -> str:
    if partner_id == vd.VIETNAM:
        return "Vietnam"
    partner = vd.partners.get(partner_id)
    return f"[{_text(partner.name)}]({_link(page, partner_path(partner_id))})"


def _person_ref(page: str, person_id: str) -> str:
    person = vd.people.get(person_id)
    return f"[{_text(person.name)}]({_link(page, person_path(person_id))})"


def _engagement(page: str, engagement: Engagement, level: str) -> list[str]:
    """One engagement as a heading (with a stable anchor) and its details."""
    dates = when(engagement.start) + ("" if engagement.end is None else f" to {when(engagement.end)}")
    lines = [f"{level} {_text(dates)}: {_text(engagement.title)} {{#{_engagement_anchor(engagement.id)}}}", ""]
    status = "" if engagement.status is vd.EngagementStatus.HELD else " (planned when reported)"
    lines.append(f"- Kind: {engagement.kind.value}{status}; id `{engagement.id}`")
    lines.append(f"- Date: {_date(engagement.start)}")
    if engagement.end is not None:
        lines.append(f"- Until: {_date(engagement.end)}")
    if engagement.partners:
        lines.append("- Partners: " + ", ".join(_partner_ref(page, p) for p in engagement.partners))
    if engagement.people:
        lines.append("- People: " + ", ".join(_person_ref(page, p) for p in engagement.people))
    if engagement.location is not None:
        lines.append(f"- Where: {_text(engagement.location)}")
    if engagement.occasion is not None:
        lines.append(f"- Occasion: {_text(engagement.occasion)}")
    lists = (
        ("Discussed", engagement.discussed),
        ("Agreed", engagement.agreed),
        ("Proposed or asked", engagement.proposed),
        ("Stated", engagement.stated),
    )
    for label, items in lists:
        lines += _statements(page, label, items)
    return [*lines, *_evidence(page, engagement.evidence)]


def _statements(page: str, label: str, items: Iterable[Statement]) -> list[str]:
    """A labelled list of statements, each followed by its own quotes and their sources."""
    lines: list[str] = []
    for statement in items:
        by = ""
        if statement.by:
            by = " (" + ", ".join(_person_ref(page, person) for person in statement.by) + ")"
        quotes = "; ".join(
            f"“{_text(item.quote)}” ([{_text(item.source)}]"
            f"({_link(page, f'{ROOT}/sources.md', _source_anchor(item.source))}), {item.start}-{item.end})"
            for item in statement.evidence
        )
        lines += [f"    - {_text(statement.text)}{by}", f"        - quote: {quotes}"]
    return [f"- {label}:", *lines] if lines else []


def _figure(figure: TradeFigure) -> str:
    hedge = "" if figure.qualifier is None else f"{figure.qualifier} "
    value = f"No. {figure.value}" if figure.unit == "rank" else f"{hedge}{figure.value:,} {figure.unit}"
    changes: list[str] = []
    if figure.change_percent is not None:
        changes.append(f"{figure.change_percent:+}%")
    if figure.change is not None:
        changes.append(f"change {figure.change:+}")
    if changes and figure.compared_with is not None:
        changes.append(f"compared with {figure.compared_with}")
    return _text(value + ("" if not changes else " (" + ", ".join(changes) + ")"))


def _trade(page: str, figure: TradeFigure, level: str) -> list[str]:
    lines = [f"{level} {_text(figure.metric)}, {figure.period_start} to {figure.period_end}", ""]
    lines.append(f"- Value: {_figure(figure)}; id `{figure.id}`")
    if figure.partner is not None:
        lines.append(f"- Partner: {_partner_ref(page, figure.partner)}")
    return [*lines, *_evidence(page, figure.evidence)]


def _agreement(page: str, agreement: Agreement, level: str) -> list[str]:
    short = "" if agreement.short_name is None else f" ({_text(agreement.short_name)})"
    lines = [f"{level} {_text(agreement.name)}{short}", ""]
    lines.append(f"- Kind: {agreement.kind.value}; id `{agreement.id}`")
    if agreement.status is not None and agreement.status_as_of is not None:
        how = "" if agreement.status_inference is None else f" — *inferred:* {_text(agreement.status_inference)}"
        lines.append(f"- Status: {agreement.status.value}, as of {_date(agreement.status_as_of)}{how}")
    else:
        lines.append("- Status: not stated by the articles")
    if agreement.date is not None:
        lines.append(f"- Signed or adopted: {_date(agreement.date)}")
    parties = ", ".join(_partner_ref(page, p) for p in agreement.parties) or "multilateral"
    lines.append(f"- Parties: {parties}")
    if agreement.aliases:
        lines.append("- Also called: " + ", ".join(_text(a) for a in agreement.aliases))
    lines += _statements(page, "What the articles say of it", agreement.statements)
    return [*lines, *_evidence(page, agreement.evidence)]


def _claim(page: str, claim: Claim, level: str) -> list[str]:
    lines = [f"{level} {_text(claim.statement)}", "", f"- As of: {_date(claim.as_of)}; id `{claim.id}`"]
    if claim.value is not None:
        lines.append(f"- Figure: {_text(claim.value)} {_text(claim.unit or '')}".rstrip())
    if claim.partners:
        lines.append("- Partners: " + ", ".join(_partner_ref(page, p) for p in claim.partners))
    return [*lines, *_evidence(page, claim.evidence)]


def _discrepancy(page: str, discrepancy: Discrepancy, level: str) -> list[str]:
    lines = [f"{level} {_text(discrepancy.subject)}", "", f"- id `{discrepancy.id}`"]
    if discrepancy.partners:
        lines.append("- Partners: " + ", ".join(_partner_ref(page, p) for p in discrepancy.partners))
    lines += _statements(page, "Readings", discrepancy.readings)
    lines += [f"- The data follows: {_text(discrepancy.follows)}", f"- Why: {_text(discrepancy.reason)}", ""]
    return lines


def _tiers(page: str, partner: Partner) -> list[str]:
    lines = ["## Partnership tiers", ""]
    if not partner.tier_history:
        lines += ["The articles name no partnership framework with this partner.", ""]
    for change in partner.tier_history:
        lines += [f"### {_text(change.tier.label.capitalize())}", ""]
        if change.name is not None:
            lines.append(f"- Framework: {_text(change.name)}")
        if change.date is not None:
            lines.append(f"- Set up: {_date(change.date)}")
        if change.attested is not None:
            lines.append(f"- Attested in force by: {_date(change.attested)}")
        rule = (
            "the latest day its set-up date can mean"
            if change.date is not None
            else "the first day of what the article attests"
        )
        lines.append(f"- How it is known: {change.basis.value}; counts from {change.effective_from} ({rule})")
        if change.inference is not None:
            lines.append(f"- Tier inferred: {_text(change.inference)}")
        lines += _evidence(page, change.evidence)
    return lines


def _relations(page: str, partner: Partner) -> list[str]:
    lines = ["## Diplomatic relations", ""]
    if not partner.relations:
        lines += ["The articles do not say when relations were established.", ""]
    for event in partner.relations:
        lines += [f"- {event.kind.value.capitalize()}: {_date(event.date)}", *_evidence(page, event.evidence)]
    return lines


def _facts(page: str, partner: Partner) -> list[str]:
    if not partner.facts:
        return []
    lines = ["## What the articles say of the relationship", ""]
    for fact_kind in vd.FactKind:
        facts = [fact for fact in partner.facts if fact.kind is fact_kind]
        if facts:
            lines += [f"### {fact_kind.value.replace('-', ' ').capitalize()}", ""]
        for fact in facts:
            when = "" if fact.as_of is None else f" (as of {_date(fact.as_of)})"
            lines += [f"- {_text(fact.text)}{when}", *_evidence(page, fact.evidence)]
    return lines


def _partner_page(partner: Partner) -> str:
    page = partner_path(partner.id)
    kind = "state, ISO 3166-1 alpha-2 code" if partner.kind is vd.PartnerKind.STATE else "organisation"
    lines = [f"# {_text(partner.name)}", ""]
    # The one line readers come for first: the tier, since when, and how that is known; the quotes follow.
    if partner.tier_history:
        latest = partner.tier_history[-1]
        named = latest.name is not None and latest.name.lower() != latest.tier.label
        name = f" ({_text(latest.name)})" if named and latest.name is not None else ""
        lines.append(f"**{_text(latest.tier.label.capitalize())}**{name}: {_text(since_text(latest))}.")
    else:
        lines.append("**No partnership tier** is named in the articles (which is not to say there is none).")
    if partner.relations_established is not None:
        lines.append(f"Diplomatic relations since {_text(when(partner.relations_established))}.")
    lines += ["", f"Id `{partner.id}` ({kind})."]
    if partner.aliases:
        lines.append("Also called: " + ", ".join(_text(a) for a in partner.aliases) + ".")
    lines.append("")
    lines += [*_tiers(page, partner), *_relations(page, partner), *_facts(page, partner)]
    sections: list[tuple[str, list[str]]] = [
        ("Engagements", [line for e in vd.engagements.involving(partner.id) for line in _engagement(page, e, "###")]),
        ("Trade figures", [line for t in vd.trade.involving(partner.id) for line in _trade(page, t, "###")]),
        ("Agreements", [line for a in vd.agreements.involving(partner.id) for line in _agreement(page, a, "###")]),
        ("Claims that name it", [line for c in vd.claims.involving(partner.id) for line in _claim(page, c, "###")]),
    ]
    for title, body in sections:
        lines += [f"## {title}", "", *(body or ["None in the articles.", ""])]
    lines += ["## Where the articles name it", "", *_evidence(page, partner.evidence)]
    return "\n".join(lines)


def _person_page(person: Person) -> str:
    page = person_path(person.id)
    lines = [f"# {_text(person.name)}", "", f"Id `{person.id}`; acts for {_partner_ref(page, person.country)}."]
    if person.aliases:
        lines.append("Also written: " + ", ".join(_text(a) for a in person.aliases) + ".")
    lines += ["", "## Where the articles name them", "", *_evidence(page, person.evidence)]
    lines += ["## Roles over time", "", "Each role is dated by the article that states it, not ranged.", ""]
    for role in person.roles:
        lines += [f"- {_text(role.title)} ({_partner_ref(page, role.entity)}), as of {_date(role.as_of)}"]
        lines += _evidence(page, role.evidence)
    lines += ["## Engagements", ""]
    engagements = vd.engagements.involving(person.id)
    lines += [line for e in engagements for line in _engagement(page, e, "###")] or ["None in the articles.", ""]
    return "\n".join(lines)


def _partner_index() -> str:
    page = f"{ROOT}/index.md"
    lines = [
        "# Partners by tier",
        "",
        "Every partner in the bundled data, grouped by the latest tier the articles know of. Each page holds the",
        "partner's tier history, relations, engagements, trade figures, agreements and claims, each with its quote.",
        *_chart(page),
    ]
    for tier in sorted(vd.Tier, reverse=True):
        members = vd.partners.with_tier(tier)
        lines += [f"## {tier.label.capitalize()} ({len(members)})", ""]
        for partner in members:
            how = since_text(partner.tier_history[-1])
            lines.append(f"- [{_text(partner.name)}]({_link(page, partner_path(partner.id))}) ({_text(how)})")
        lines.append("")
    untiered = [p for p in vd.partners if p.tier is None]
    lines += [f"## No tier named in the articles ({len(untiered)})", ""]
    lines += [f"- [{_text(p.name)}]({_link(page, partner_path(p.id))}) (`{p.id}`)" for p in untiered]
    return "\n".join([*lines, ""])


def _people_index() -> str:
    page = f"{ROOT}/people.md"
    lines = ["# People", "", "Everyone the articles name, with the latest title they give.", ""]
    lines += [
        f"- [{_text(person.name)}]({_link(page, person_path(person.id))}): {_text(person.title)}"
        for person in sorted(vd.people, key=lambda p: p.name)
    ]
    return "\n".join([*lines, ""])


def _timeline() -> str:
    page = f"{ROOT}/timeline.md"
    lines = [
        "# Engagements timeline",
        "",
        f"All {len(vd.engagements)} engagements, oldest first (by the first day each date can mean).",
        *_chart(page),
    ]
    year: int | None = None
    for engagement in vd.engagements:
        if engagement.start.year != year:
            year = engagement.start.year
            lines += [f"## {year}", ""]
        lines += _engagement(page, engagement, "###")
    return "\n".join(lines)


def _collection_page(title: str, intro: str, body: list[str]) -> str:
    return "\n".join([f"# {title}", "", intro, "", *body])


def _sources() -> str:
    lines: list[str] = []
    for source in vd.sources:
        lines += [f"## {_text(source.title or source.id)} {{#{_source_anchor(source.id)}}}", ""]
        lines.append(f"- Id: `{source.id}`")
        lines.append(f"- Publisher: {_text(source.publisher or 'not named in the text')}")
        lines.append(f"- Published: {_date(source.published)}")
        lines.append(f"- Address: <{source.url}>")
        lines.append(f"- SHA-256 of the article file: `{source.sha256}`")
        lines += _evidence(f"{ROOT}/sources.md", source.evidence)
    intro = "The five articles every fact is quoted from. Where the text gives no address, none is invented."
    return _collection_page("Sources", intro, lines)


def pages() -> dict[str, str]:
    """Every catalogue page: its path inside the docs folder mapped to its Markdown text."""
    result = {
        f"{ROOT}/index.md": _partner_index(),
        f"{ROOT}/people.md": _people_index(),
        f"{ROOT}/timeline.md": _timeline(),
        f"{ROOT}/sources.md": _sources(),
        f"{ROOT}/trade.md": _collection_page(
            "Trade figures",
            "Figures are exact decimals in base units, with the article's own hedges.",
            [line for t in vd.trade for line in _trade(f"{ROOT}/trade.md", t, "##")],
        ),
        f"{ROOT}/agreements.md": _collection_page(
            "Agreements",
            "Each status holds as of the date of the latest statement about it.",
            [line for a in vd.agreements for line in _agreement(f"{ROOT}/agreements.md", a, "##")],
        ),
        f"{ROOT}/discrepancies.md": _collection_page(
            "Discrepancies",
            "Where the articles disagree with each other or with themselves: each reading with its quotes, the "
            "reading the data follows, and why.",
            [line for d in vd.discrepancies for line in _discrepancy(f"{ROOT}/discrepancies.md", d, "##")],
        ),
        f"{ROOT}/claims.md": _collection_page(
            "Claims",
            "The articles' own aggregate statements, as they make them; the data does not recount them.",
            [line for c in vd.claims for line in _claim(f"{ROOT}/claims.md", c, "##")],
        ),
    }
    for partner in vd.partners:
        result[partner_path(partner.id)] = _partner_page(partner)
    for person in vd.people:
        result[person_path(person.id)] = _person_page(person)
    return result
