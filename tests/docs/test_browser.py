"""The built site in a real browser: Debian's Chromium, headless, driven by Playwright, served on localhost."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import ConsoleMessage, Error, Page, expect, sync_playwright

import vn_diplomacy as vd

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

# Flags without which Chromium stalls on a closed network (updates, sync, QUIC probes).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  # the stdlib's parameter name
        pass


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """The site served over HTTP on a free localhost port (search needs HTTP, not file://)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[tuple[Page, list[str]]]:
    """A Chromium page, and the console errors, page errors and failed requests it has seen."""
    chromium = shutil.which("chromium")
    if chromium is None:
        # Fail, not skip: CI installs it (.ci/run), and a skipped browser test would hide a broken site.
        pytest.fail("Debian's chromium is not installed: apt-get install -y chromium")
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        context = browser.new_context()
        context.set_default_timeout(15_000)
        tab = context.new_page()

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                errors.append(f"console: {message.text} at {message.location}")

        def on_page_error(error: Error) -> None:
            errors.append(f"page error: {error}")

        tab.on("console", on_console)
        tab.on("pageerror", on_page_error)
        tab.on("requestfailed", lambda request: errors.append(f"request failed: {request.url}"))
        yield tab, errors
        browser.close()


CHART = "article .vd-chart svg"

# The chart as the browser lays it out: its width against the width it was drawn at, and each text's size as
# rendered: its font size times the SVG's scale, and the height of the box its glyphs take on screen.
MEASURE_CHART = """(selector) => {
    const svg = document.querySelector(selector);
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll("text")].filter(t => t.textContent.trim());
    return {
        width: box.width,
        drawn: svg.width.baseVal.value,
        height: box.height,
        texts: texts.length,
        smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
        lowest: Math.min(...texts.map(t => t.getBoundingClientRect().height)),
    };
}"""


def _chart_shown_at_its_size(tab: Page) -> dict[str, float]:
    expect(tab.locator(CHART)).to_be_visible()
    measured: dict[str, float] = tab.evaluate(MEASURE_CHART, CHART)
    assert measured["height"] > 300
    assert measured["width"] == pytest.approx(measured["drawn"], abs=0.5)  # not shrunk into the column
    return measured


def test_the_home_page_renders_shows_the_chart_and_searches(page: tuple[Page, list[str]], base_url: str) -> None:
    tab, errors = page
    tab.goto(base_url)
    expect(tab.locator("article h1")).to_contain_text("vn_diplomacy")
    expect(tab.locator("article")).to_contain_text("A quick tour")
    _chart_shown_at_its_size(tab)

    search = tab.locator("input.md-search__input")
    search.click()
    # The index loads in a web worker; a query typed before it is ready would find nothing.
    expect(tab.locator(".md-search-result__meta")).not_to_contain_text("Initializing", timeout=15_000)
    search.press_sequentially("Japan")
    result = tab.locator(".md-search-result__item").filter(has_text="Japan").first
    expect(result).to_be_visible(timeout=15_000)
    assert errors == []


def test_the_us_page_renders_its_tiers_with_quotes(page: tuple[Page, list[str]], base_url: str) -> None:
    tab, errors = page
    tab.goto(base_url + "catalogue/partners/US/")
    expect(tab.locator("article h1")).to_contain_text("United States")
    # The page leads with the tier and how it is known, before any quote.
    lead = tab.locator("article h1 + p")
    expect(lead).to_contain_text("Comprehensive strategic partnership")
    expect(lead).to_contain_text("stated: set up 2023-09-10/2023-09-11")
    expect(tab.locator("article blockquote").first).to_be_visible()
    expect(tab.locator("article")).to_contain_text("upgraded to a comprehensive partnership in 2013")
    assert errors == []


def test_the_api_reference_renders(page: tuple[Page, list[str]], base_url: str) -> None:
    tab, errors = page
    tab.goto(base_url + "reference/")
    expect(tab.locator("article h1")).to_contain_text("API reference")
    expect(tab.locator('[id="vn_diplomacy.Partner.tier_on"]')).to_be_visible()
    expect(tab.locator("article")).to_contain_text("tier_on(day: date) -> Tier | None")
    assert errors == []


def test_the_chart_is_legible_and_shows_a_quote_on_hover(page: tuple[Page, list[str]], base_url: str) -> None:
    tab, errors = page
    tab.goto(base_url + "catalogue/timeline/")
    measured = _chart_shown_at_its_size(tab)
    assert measured["texts"] > 20  # the years, the partners' names, the legend
    assert measured["smallest"] >= 11  # px, as rendered
    assert measured["lowest"] >= 11
    # China's tier is attested, not stated: its bar's title says so, with the quote, and the pointer on the
    # bar's middle reaches that bar (nothing covers it), so the browser shows the title there.
    bar = tab.locator(f"{CHART} path").filter(
        has=tab.locator("title", has_text="China: comprehensive strategic partnership")
    )
    expect(bar).to_have_count(1)
    title = bar.locator("title").text_content() or ""
    assert "attested: in force 2021-04-16" in title
    quote = " ".join(vd.partners.get("CN").tier_history[0].evidence[0].quote.split())
    assert f"“{quote[:80]}" in title
    bar.hover()  # Playwright checks that the bar, not something over it, receives the pointer
    box = bar.bounding_box()
    assert box is not None
    hit: object = tab.evaluate(
        "([x, y]) => document.elementFromPoint(x, y)?.querySelector('title')?.textContent ?? ''",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert hit == title
    # On a narrow screen the chart keeps its size and scrolls sideways instead of shrinking.
    tab.set_viewport_size({"width": 400, "height": 800})
    try:
        narrow = _chart_shown_at_its_size(tab)
        scrolls: object = tab.evaluate(
            "() => { const d = document.querySelector('.vd-chart'); return d.scrollWidth > d.clientWidth; }"
        )
        assert scrolls is True
        assert narrow["smallest"] >= 11
    finally:
        tab.set_viewport_size({"width": 1280, "height": 720})
    assert errors == []


def test_a_partner_page_says_how_its_tier_is_known(page: tuple[Page, list[str]], base_url: str) -> None:
    tab, errors = page
    tab.goto(base_url + "catalogue/partners/CN/")
    expect(tab.locator("article h1")).to_contain_text("China")
    lead = tab.locator("article h1 + p")
    expect(lead).to_contain_text("Comprehensive strategic partnership")
    expect(lead).to_contain_text("attested: in force 2021-04-16 (inferred)")
    assert errors == []
