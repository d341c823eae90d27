"""Versions: the data version moves with the data bytes, and the supported Pythons agree everywhere."""

from __future__ import annotations

import ast
import datetime
import hashlib
import re
import subprocess
import sys
from importlib.metadata import metadata
from pathlib import Path

import importlib_resources

import vn_diplomacy as vd

ROOT = Path(__file__).parent.parent
# "- Data version 2026.11.23, sha256 `<64 hex>`: what changed"
ENTRY = re.compile(r"- Data version (?P<version>\S+), sha256 `(?P<sha>[0-9a-f]{64})`: \S.*")
VERSION = re.compile(r"(?P<year>\d{4})\.(?P<month>\d{2})\.(?P<day>\d{2})(?:\.(?P<serial>[1-9]\d*))?")


def data_digest() -> str:
    """The sha256 of `sha256sum *` run in the data folder: `(cd src/vn_diplomacy/data && sha256sum * | sha256sum)`."""
    folder = importlib_resources.files("vn_diplomacy") / "data"
    files = sorted((item for item in folder.iterdir() if item.is_file()), key=lambda item: item.name)
    listing = "".join(f"{hashlib.sha256(item.read_bytes()).hexdigest()}  {item.name}\n" for item in files)
    return hashlib.sha256(listing.encode()).hexdigest()


def version_key(version: str) -> tuple[datetime.date, int]:
    match = VERSION.fullmatch(version)
    assert match is not None, (
        f"a data version is written YYYY.MM.DD (or YYYY.MM.DD.N for a second that day): {version!r}"
    )
    day = datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    return (day, int(match["serial"] or 0))


def next_version(newest: str) -> str:
    """Today's date as a version, or, when `newest` is already today's, `newest` with the next serial."""
    today = datetime.date.today()
    day, serial = version_key(newest)
    return f"{today:%Y.%m.%d}" if today > day else f"{day:%Y.%m.%d}.{serial + 1}"


def data_entries() -> list[tuple[str, str]]:
    """The CHANGELOG's data entries as (version, sha256), in the file's order (newest first)."""
    entries: list[tuple[str, str]] = []
    for number, line in enumerate((ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("- Data version"):
            match = ENTRY.fullmatch(line)
            assert match is not None, f"CHANGELOG.md:{number}: write '- Data version V, sha256 `HEX`: what changed'"
            entries.append((match["version"], match["sha"]))
    return entries


def test_the_data_version_is_a_day_and_a_final_str() -> None:
    assert isinstance(vd.DATA_VERSION, str)
    assert version_key(vd.DATA_VERSION)[0] <= datetime.date.today()


def test_changelog_data_entries_run_newest_first_without_repeats() -> None:
    versions = [version for version, _ in data_entries()]
    assert versions, "CHANGELOG.md has no '- Data version ...' entry"
    keys = [version_key(version) for version in versions]
    assert keys == sorted(set(keys), reverse=True), f"data versions must be unique and newest first: {versions}"


def test_the_data_bytes_match_the_data_version_and_its_changelog_entry() -> None:
    digest = data_digest()
    entries = data_entries()
    assert entries, "CHANGELOG.md has no '- Data version ...' entry"
    newest_version, newest_sha = entries[0]
    bump = (
        f"set DATA_VERSION in src/vn_diplomacy/versions.py to {next_version(newest_version)!r} and add, under "
        f"CHANGELOG.md's unreleased heading, the line "
        f"'- Data version {next_version(newest_version)}, sha256 `{digest}`: <what changed in the data>'"
    )
    assert newest_sha == digest, (
        f"the bundled data files changed (their sha256 is now {digest}) but CHANGELOG.md's newest data entry, "
        f"version {newest_version}, records {newest_sha}: {bump}"
    )
    assert newest_version == vd.DATA_VERSION, (
        f"DATA_VERSION is {vd.DATA_VERSION!r} but CHANGELOG.md's newest data entry is {newest_version!r}; "
        "they name the same version"
    )


def test_the_supported_pythons_are_the_tested_ones() -> None:
    """requires-python, the classifiers and the checkers' target match the CPythons nox tests."""
    noxfile = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    (pythons,) = [
        ast.literal_eval(node.value)
        for node in noxfile.body
        if isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == ["PYTHONS"]
    ]
    tested: list[str] = sorted(pythons, key=lambda v: tuple(map(int, v.split("."))))
    meta = metadata("vn_diplomacy")
    classified = [
        c.rpartition(" :: ")[2]
        for c in meta.get_all("Classifier") or []
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    assert classified == tested
    assert meta["Requires-Python"] == f">={tested[0]}"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    oldest = tested[0]
    assert f'target-version = "py{oldest.replace(".", "")}"' in pyproject  # ruff
    assert f'python_version = "{oldest}"' in pyproject  # mypy
    assert f'pythonVersion = "{oldest}"' in pyproject  # pyright


def test_reading_the_data_version_imports_no_pydantic_and_reads_no_data() -> None:
    code = "import sys, vn_diplomacy as vd; vd.DATA_VERSION; print(sorted(sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert "vn_diplomacy.versions" in loaded
    assert "pydantic" not in loaded
    assert "vn_diplomacy.dataset" not in loaded
