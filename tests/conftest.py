"""Shared fixtures: the tests' own fixture dataset, the article corpus, a copy of the bundled data, the docs site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import importlib_resources
import pytest

import vn_diplomacy as vd

CORPUS = Path(__file__).parent / "corpus"
FIXTURES = Path(__file__).parent / "fixtures"

# Type-checked, never run (tests/test_typing.py checks them); --doctest-modules would import them.
collect_ignore = ["typing"]


@pytest.fixture(autouse=True)
def _no_colour_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts without the caller's NO_COLOR and FORCE_COLOR, which would change what the command prints.

    The tests that need them (tests/test_cli_terminal.py) set them.
    """
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture(scope="session")
def fixture_data() -> vd.Dataset:
    """The tests' own small dataset, tests/fixtures/data: behaviour tests assert its records, never the bundled data's.

    Three fixture articles (tests/fixtures/corpus) hold its quotes; tests/test_integrity.py checks it as it checks
    the bundled data, so change it like the bundled data: edit the JSON, then re-write it with `serialize.dumps`.
    """
    return vd.load(FIXTURES / "data")


@pytest.fixture
def fixture_dir(tmp_path: Path) -> Path:
    """A copy of the fixture data files that a test may break."""
    target = tmp_path / "fixture-data"
    shutil.copytree(FIXTURES / "data", target)
    return target


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


ROOT = Path(__file__).parent.parent


def build(site_dir: Path) -> str:
    """Run `properdocs build --strict` into `site_dir`; return its output, or fail the test with it.

    No warning is silenced: a warning anywhere in the output (a notice of the stack's end of life included)
    fails the build.
    """
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"},
        check=False,
    )
    output = result.stdout + result.stderr
    if result.returncode != 0 or "WARNING" in output:
        pytest.fail(f"properdocs build --strict failed (exit {result.returncode}):\n{output}")
    return output


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: $VN_DIPLOMACY_SITE when the caller built it (nox -s docs), else built here."""
    given = os.environ.get("VN_DIPLOMACY_SITE")
    if given:
        path = (ROOT / given).resolve()
        assert (path / "index.html").is_file(), f"VN_DIPLOMACY_SITE={given} holds no built site"
        return path
    path = tmp_path_factory.mktemp("site")
    build(path)
    return path
