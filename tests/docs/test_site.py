"""The built HTML: every record with every quote, a page per partner and person, the full API, the chart."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest
from pydantic import BaseModel

import vn_diplomacy as vd

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


class _Text(HTMLParser):
    """The visible text of a page's main content, as one whitespace-normalised string."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def text_of(page: Path) -> str:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def text_of_lines(page_html: str) -> str:
    """The text of a page's code blocks and paragraphs, line breaks kept (tags dropped, entities kept)."""
    return re.sub(r"<[^>]+>", "", page_html)


def squash(text: str) -> str:
    return " ".join(text.split())


def quotes(model: BaseModel) -> Iterator[str]:
    """Every evidence quote in `model`, nested ones included."""
    for name in type(model).model_fields:
        value: object = getattr(model, name)
        items: tuple[object, ...] = value if isinstance(value, tuple) else (value,)  # pyright: ignore[reportUnknownVariableType]
        for item in items:
            if isinstance(item, vd.Evidence):
                yield item.quote
            elif isinstance(item, BaseModel):
                yield from quotes(item)


def test_every_partner_has_a_page_with_every_quote_of_its_record(site: Path) -> None:
    for partner in vd.partners:
        page = text_of(site / "catalogue" / "partners" / partner.id / "index.html")
        assert partner.name in page
        for quote in quotes(partner):
            assert squash(quote) in page, (partner.id, quote)


def test_every_person_has_a_page_with_every_quote_of_its_record(site: Path) -> None:
    for person in vd.people:
        page = text_of(site / "catalogue" / "people" / person.id / "index.html")
        assert person.name in page
        for quote in quotes(person):
            assert squash(quote) in page, (person.id, quote)


@pytest.mark.parametrize(
    ("collection", "page"),
    [
        ("engagements", "timeline"),
        ("trade", "trade"),
        ("agreements", "agreements"),
        ("claims", "claims"),
        ("sources", "sources"),
    ],
)
def test_every_record_of_a_collection_is_on_its_page_with_its_quotes(site: Path, collection: str, page: str) -> None:
    records: vd.Collection[vd.Record] = getattr(vd, collection)
    text = text_of(site / "catalogue" / page / "index.html")
    assert len(records) > 0
    for record in records:
        assert f"id {record.id}" in text or record.id in text, record.id
        for quote in quotes(record):
            assert squash(quote) in text, (record.id, quote)


def test_quotes_link_to_their_source(site: Path) -> None:
    page = (site / "catalogue" / "partners" / "US" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../sources/#source-vna-2024-03-19-upgrade-of-ties"' in page
    sources = (site / "catalogue" / "sources" / "index.html").read_text(encoding="utf-8")
    for source in vd.sources:
        assert f'id="source-{source.id}"' in sources
        assert f'href="{html.escape(source.url)}"' in sources


def test_partners_index_groups_every_partner_by_its_latest_tier(site: Path) -> None:
    page = text_of(site / "catalogue" / "index.html")
    for tier in vd.Tier:
        assert f"{tier.label.capitalize()} ({len(vd.partners.with_tier(tier))})" in page
    for partner in vd.partners:
        assert partner.name in page


def test_the_api_reference_documents_every_public_name(site: Path) -> None:
    page = (site / "reference" / "index.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="(vn_diplomacy\.[\w.]+)"', page))
    missing = [name for name in vd.__all__ if f"vn_diplomacy.{name}" not in anchors]
    assert missing == []
    assert "vn_diplomacy.Partner.tier_on" in anchors
    # Field descriptions come through: one from the models.
    assert "The tier of the framework." in text_of(site / "reference" / "index.html")


SVG = "{http://www.w3.org/2000/svg}"
COLUMN = 688  # px: the docs theme's content column beside both sidebars, at 1280 to 1599 px wide


def marks(site: Path) -> dict[str, list[ET.Element]]:
    """The chart's marks that show a title on hover, by the title's first line (the partner, then what)."""
    root = ET.parse(site / "catalogue" / "timeline.svg").getroot()  # our own build output
    found: dict[str, list[ET.Element]] = {}
    for element in root.iter():
        title = element.find(f"{SVG}title")
        if title is not None and element.tag != f"{SVG}svg":
            found.setdefault((title.text or "").split("\n")[0], []).append(element)
    return found


def hover(element: ET.Element) -> str:
    title = element.find(f"{SVG}title")
    assert title is not None
    return title.text or ""


def bar(site: Path, heading: str) -> ET.Element:
    """The bar drawn for the tier change whose hover text starts with `heading`."""
    (found,) = [m for m in marks(site)[heading] if m.get("aria-roledescription") == "bar"]
    return found


def test_the_chart_has_a_bar_per_tier_change_saying_how_it_is_known_with_its_quote(site: Path) -> None:
    drawn = marks(site)
    for partner in vd.partners:
        for change in partner.tier_history:
            (mark,) = [m for m in drawn[f"{partner.name}: {change.tier.label}"] if m.tag == f"{SVG}path"]
            lines = hover(mark).split("\n")
            assert lines[1].startswith(f"{change.basis.value}: "), lines
            assert f"counts from {change.effective_from}" in lines[1]
            assert squash(change.evidence[0].quote)[:80] in squash(hover(mark))


def test_the_chart_shows_how_a_tier_is_known_by_style_never_by_a_paler_colour(site: Path) -> None:
    us = bar(site, "United States: comprehensive strategic partnership")  # stated: set up in September 2023
    china = bar(site, "China: comprehensive strategic partnership")  # attested: in force on 16 April 2021
    uk = bar(site, "United Kingdom: strategic partnership")  # inferred from "all permanent members"
    assert vd.partners.get("CN").tier_history[0].basis is vd.Basis.ATTESTED
    # The same tier is the same colour: filled when stated, only outlined when attested, dashed when inferred.
    assert us.get("fill") == us.get("stroke") == china.get("stroke")
    assert china.get("fill") == "white"
    assert china.get("stroke-dasharray") in {None, "1,0"}
    assert uk.get("fill") == "white"
    assert uk.get("stroke-dasharray") == "5,3"
    assert uk.get("stroke") != china.get("stroke")
    for element in [m for found in marks(site).values() for m in found]:
        assert element.get("opacity") in {None, "1"}
        assert element.get("fill-opacity") in {None, "1"}
    root = ET.parse(site / "catalogue" / "timeline.svg").getroot()
    words = " ".join(text.text or "" for text in root.iter(f"{SVG}text"))
    for said in ("stated:", "attested:", "inferred:", *(tier.label for tier in vd.Tier)):
        assert said in words


def test_the_chart_is_legible_at_its_own_size_in_the_docs_column(site: Path) -> None:
    root = ET.parse(site / "catalogue" / "timeline.svg").getroot()
    assert float(root.get("width", "0")) <= COLUMN  # never shrunk to fit
    sizes = [float((text.get("font-size") or "0").removesuffix("px")) for text in root.iter(f"{SVG}text")]
    assert sizes
    assert min(sizes) >= 12


def test_a_year_only_upgrade_is_drawn_as_a_span_not_a_point(site: Path) -> None:
    """ "Upgraded to a comprehensive partnership in 2013": a line over 2013, then the bar from 31 December."""
    drawn = marks(site)["United States: comprehensive partnership"]
    (line,) = [m for m in drawn if m.tag == f"{SVG}line"]
    start = float(re.findall(r"[\d.]+", line.get("transform", ""))[0])
    end = start + float(line.get("x2", "0"))
    bar_start = float(re.findall(r"[\d.]+", bar(site, "United States: comprehensive partnership").get("d", ""))[0])
    upgrade = float(
        re.findall(r"[\d.]+", bar(site, "United States: comprehensive strategic partnership").get("d", ""))[0]
    )
    us = vd.partners.get("US").tier_history
    per_day = (upgrade - bar_start) / (us[1].effective_from - us[0].effective_from).days
    assert end == pytest.approx(bar_start, abs=0.01)
    assert end - start == pytest.approx(364 * per_day, abs=0.01)  # 1 January to 31 December 2013


def test_every_engagement_is_a_mark_with_its_quote(site: Path) -> None:
    drawn = marks(site)
    for partner in vd.partners:
        for engagement in vd.engagements.involving(partner.id):
            found = drawn.get(f"{partner.name}: {engagement.title}", [])
            assert found, (partner.id, engagement.id)
            assert any(squash(engagement.evidence[0].quote)[:80] in squash(hover(m)) for m in found)


def test_the_chart_is_inline_where_it_is_shown_so_its_titles_show_on_hover(site: Path) -> None:
    for name in ("index.html", "catalogue/index.html", "catalogue/timeline/index.html"):
        page = (site / name).read_text(encoding="utf-8")
        assert '<div class="vd-chart"' in page, name
        assert "<title>China: comprehensive strategic partnership\nattested: in force 2021-04-16" in page, name
        assert not re.search(r"<img[^>]+timeline\.svg", page), name
    assert 'href="../timeline.svg"' in (site / "catalogue" / "timeline" / "index.html").read_text(encoding="utf-8")
    # The search index reads the pages, not the chart: its labels and hover texts would only add noise there.
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    home = [entry["text"] for entry in index["docs"] if entry["location"] == ""]
    assert home
    assert "attested: in force 2021-04-16" not in home[0]  # China's bar's hover text


def _help_options(capsys: pytest.CaptureFixture[str], *args: str) -> set[str]:
    from vn_diplomacy import cli

    assert cli.main([*args, "--help"]) == 0
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", capsys.readouterr().out)) - {"--help"}


def test_the_command_line_page_shows_every_command_and_option_in_an_example(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vn_diplomacy import cli

    page = (site / "cli" / "index.html").read_text(encoding="utf-8")
    text = text_of(site / "cli" / "index.html")
    examples = [html.unescape(line) for line in re.findall(r"\$ (vn-diplomacy[^\n<]*)", text_of_lines(page))]
    for command in cli.COMMANDS:
        assert f'id="{command}"' in page, command
        assert any(example.split()[1:2] == [command] or f" {command} " in example for example in examples), command
        for option in _help_options(capsys, command):
            assert any(f" {command} " in f"{example} " and option in example.split() for example in examples), (
                command,
                option,
            )
    for option in _help_options(capsys):
        assert any(option in example.split() for example in examples), option
    # Real output, not a transcript kept by hand: the overview's counts and an error's suggestion.
    assert f"{len(vd.partners)} partners" in text
    assert "Vietnam is the subject of the articles, not one of its partners" in text


def test_the_search_index_has_every_engagement_of_the_timeline_and_every_partner_page(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"] for entry in index["docs"]}
    for engagement in vd.engagements:
        assert f"catalogue/timeline/#engagement-{engagement.id}" in locations, engagement.id
    for partner in vd.partners:
        assert f"catalogue/partners/{partner.id}/" in locations, partner.id
