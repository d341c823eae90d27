"""The built site in a real browser: Debian's Chromium, headless, driven by Playwright, served on localhost."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import ConsoleMessage, Error, Page, expect, sync_playwright

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


def _picture_shown(tab: Page) -> bool:
    shown: object = tab.evaluate(
        """() => [...document.querySelectorAll('article img[src$="timeline.svg"]')]
                   .some(img => img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().height > 0)"""
    )
    return shown is True


def test_the_home_page_renders_shows_the_chart_and_searches(page: tuple[Page, list[str]], base_url: str) -> None:
    tab, errors = page
    tab.goto(base_url)
    expect(tab.locator("article h1")).to_contain_text("vn_diplomacy")
    expect(tab.locator("article")).to_contain_text("A quick tour")
    tab.wait_for_function("() => [...document.images].every(img => img.complete)")
    assert _picture_shown(tab)

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
