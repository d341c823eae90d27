"""ProperDocs hook: adds the pages generated at build time: the data catalogue, the timeline chart, the command line.

Nothing generated is written into the docs folder; the pages exist only in the build.
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


def on_files(files: Files, config: ProperDocsConfig) -> Files:
    """Add every generated page and the chart to the build."""
    files.append(File.generated(config, cli_page.PATH, content=cli_page.page()))
    for path, text in catalogue.pages().items():
        files.append(File.generated(config, path, content=text))
    files.append(File.generated(config, f"{catalogue.ROOT}/timeline.svg", content=timeline_chart.svg()))
    return files
