"""ProperDocs hook: adds the pages generated at build time: the data catalogue, the timeline chart, the command line.

Nothing generated is written into the docs folder; the pages exist only in the build. A page that holds the
comment `timeline_chart.MARKER` gets the chart's SVG there, inline, so a browser shows its marks' titles on hover.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import catalogue  # sibling modules: ProperDocs puts this folder on sys.path while it loads the hook
import cli_page
import timeline_chart
from properdocs.structure.files import File

if TYPE_CHECKING:
    from properdocs.config.defaults import ProperDocsConfig
    from properdocs.structure.files import Files
    from properdocs.structure.pages import Page


def on_files(files: Files, config: ProperDocsConfig) -> Files:
    """Add every generated page and the chart to the build."""
    files.append(File.generated(config, cli_page.PATH, content=cli_page.page()))
    for path, text in catalogue.pages().items():
        files.append(File.generated(config, path, content=text))
    files.append(File.generated(config, f"{catalogue.ROOT}/timeline.svg", content=timeline_chart.svg()))
    return files


def on_post_page(output: str, page: Page, config: ProperDocsConfig) -> str:
    """Put the chart, inline, where a page's Markdown has its marker (an HTML comment, kept as it is).

    After the page is written, not before: the search index, built from each page's content, would otherwise
    take in the chart's labels and hover texts, which the page says in full anyway.
    """
    return output.replace(timeline_chart.MARKER, timeline_chart.html())
