"""Shared fixtures: the article corpus and a writable copy of the bundled data."""

from __future__ import annotations

import shutil
from pathlib import Path

import importlib_resources
import pytest

import vn_diplomacy as vd

CORPUS = Path(__file__).parent / "corpus"

# Type-checked, never run (tests/test_typing.py checks them); --doctest-modules would import them.
collect_ignore = ["typing"]


@pytest.fixture(scope="session")
def corpus() -> dict[str, str]:
    """Each source id mapped to the text of its article, read from tests/corpus."""
    return {source.id: (CORPUS / source.file).read_text(encoding="utf-8") for source in vd.sources}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the bundled data files that a test may break."""
    target = tmp_path / "data"
    target.mkdir()
    bundled = importlib_resources.files("vn_diplomacy") / "data"
    for name in vd.FILES.values():
        (target / name).write_bytes(bundled.joinpath(name).read_bytes())
    return target


def copy_tree(source: Path, target: Path) -> None:
    """Copy a folder (used by tests that need a second data directory)."""
    shutil.copytree(source, target)
