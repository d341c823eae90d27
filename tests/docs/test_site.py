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


def test_the_timeline_chart_is_an_svg_with_a_bar_per_tier_change(site: Path) -> None:
    chart = site / "catalogue" / "timeline.svg"
    root = ET.parse(chart).getroot()  # our own build output
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    titles = [element.text or "" for element in root.iter("{http://www.w3.org/2000/svg}title")]
    changes = [c for p in vd.partners for c in p.tier_history]
    assert sum("counts from" in title for title in titles) >= len(changes)
    for name in ("index.html", "catalogue/index.html", "catalogue/timeline/index.html"):
        assert "timeline.svg" in (site / name).read_text(encoding="utf-8"), name


def test_a_year_only_upgrade_is_drawn_as_a_span_not_a_point(site: Path) -> None:
    root = ET.parse(site / "catalogue" / "timeline.svg").getroot()  # our own build output
    rects = [
        element
        for element in root.iter("{http://www.w3.org/2000/svg}rect")
        if any("United States: comprehensive partnership, stated: set up 2013" in (t.text or "") for t in element)
    ]
    # The band for every day "2013" can mean, then the bar from 31 December 2013.
    assert len(rects) == 2
    band, bar = sorted(rects, key=lambda r: float(r.get("x", "0")))
    assert float(band.get("x", "0")) + float(band.get("width", "0")) == pytest.approx(float(bar.get("x", "0")), abs=0.2)
    assert float(band.get("width", "0")) > 20


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
