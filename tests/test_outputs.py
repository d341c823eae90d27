"""Exports are written safely: all or nothing, never through a link, UTF-8 whatever the locale, CSV quoted."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import vn_diplomacy as vd
from vn_diplomacy import export as export_module
from vn_diplomacy.export import FORMATS, export
from vn_diplomacy.registry import COLLECTIONS, entry

if TYPE_CHECKING:
    from collections.abc import Callable

    from vn_diplomacy.export import ExportFormat
    from vn_diplomacy.registry import CollectionName

NEW_FILES = {f"{collection}.csv" for collection in vd.FILES} | {"datapackage.json"}

CORPUS = Path(__file__).parent / "corpus"


def snapshot(folder: Path) -> dict[str, str | bytes]:
    """Everything under `folder`, hidden entries too: a link as its target, a folder as "/", a file as its bytes."""
    entries: dict[str, str | bytes] = {}
    for root, folders, files in os.walk(folder):  # does not follow links to folders
        for name in [*folders, *files]:
            path = Path(root, name)
            key = str(path.relative_to(folder))
            if path.is_symlink():
                entries[key] = "-> " + os.readlink(path)
            elif path.is_dir():
                entries[key] = "/"
            else:
                entries[key] = path.read_bytes()
    return entries


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A folder that an earlier export and its owner have filled."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "claims.csv").write_text("stale", encoding="utf-8")
    (folder / "datapackage.json").write_text('{"name": "an older export"}\n', encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "trade.csv").write_text("not the export's", encoding="utf-8")
    return folder


def fail_on_third_call(real: Callable[..., str]) -> Callable[..., str]:
    calls: list[object] = []

    def writer(*args: object) -> str:
        calls.append(args)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(*args)

    return writer


def test_a_failure_midway_leaves_the_folder_untouched(
    target: Path, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    data = vd.load(data_dir)
    before, around = snapshot(target), sorted(os.listdir(target.parent))
    monkeypatch.setattr(export_module, "_csv", fail_on_third_call(export_module._csv))  # pyright: ignore[reportPrivateUsage]  # the writer to break
    with pytest.raises(OSError, match="No space left on device"):
        export(data, target, "csv")
    assert snapshot(target) == before  # the old claims.csv and datapackage.json too, and no temporary folder
    assert sorted(os.listdir(target.parent)) == around


def test_a_failing_data_package_leaves_the_folder_untouched(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The descriptor is written last: the seven files are complete when it fails, and still not moved."""
    before = snapshot(target)

    def broken(*args: object) -> dict[str, object]:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(export_module, "datapackage", broken)
    with pytest.raises(OSError, match="Input/output error"):
        export(vd.load(), target, "csv")
    assert snapshot(target) == before


def with_record(data: vd.Dataset, name: CollectionName, record: vd.Record) -> vd.Dataset:
    """`data` with `record` in place of the record of its id: a dataset made in Python, which no file validated."""
    collections: dict[str, vd.Collection[vd.Record]] = {row.name: data[row.name] for row in COLLECTIONS}
    kept = [r for r in collections[name] if r.id != record.id]
    row = entry(name)
    collections[name] = row.collection(row.kind, row.record, [*kept, record])
    return vd.Dataset(collections, directory="<made in Python>")


def test_a_number_parquet_cannot_hold_is_a_data_error_and_writes_nothing(target: Path) -> None:
    """A data file cannot hold such a number (see `Amount`), but a dataset made in Python can."""
    data = vd.load()
    figure = data.trade.get("vn-us-trade-2024-jan-aug")
    data = with_record(data, "trade", figure.model_copy(update={"value": Decimal("1e40")}))  # copies skip validation
    before = snapshot(target)
    with pytest.raises(vd.DataError) as raised:
        export(data, target, "parquet")
    assert (raised.value.file, raised.value.record, raised.value.field) == (
        "trade.parquet",
        "'vn-us-trade-2024-jan-aug'",
        "value",
    )
    assert "Parquet's decimal(38, 9) cannot hold Decimal('1E+40')" in str(raised.value)
    assert snapshot(target) == before


def test_a_failed_export_to_a_new_folder_leaves_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_module, "_csv", fail_on_third_call(export_module._csv))  # pyright: ignore[reportPrivateUsage]  # the writer to break
    with pytest.raises(OSError, match="No space left on device"):
        export(vd.load(), tmp_path / "new" / "out", "csv")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_named_like_a_file_stops_the_export_before_any_move(target: Path) -> None:
    (target / "trade.csv").mkdir()
    before = snapshot(target)
    with pytest.raises(IsADirectoryError, match="a folder has the name of a file to write"):
        export(vd.load(), target, "csv")
    assert snapshot(target) == before


def test_a_success_replaces_the_export_files_and_nothing_else(target: Path) -> None:
    before = snapshot(target)
    paths = export(vd.load(), target, "csv")
    after = snapshot(target)
    assert {path.name for path in paths} == NEW_FILES
    assert set(after) == set(before) | NEW_FILES  # no temporary folder left
    assert {name: after[name] for name in ("notes.txt", "sub", "sub/trade.csv")} == {
        name: before[name] for name in ("notes.txt", "sub", "sub/trade.csv")
    }
    assert json.loads(after["datapackage.json"])["name"] == "vn-diplomacy"


def test_a_link_named_like_a_file_is_replaced_not_written_through(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("someone else's file", encoding="utf-8")
    old_descriptor = tmp_path / "old-datapackage.json"
    old_descriptor.write_text("{}", encoding="utf-8")
    (out / "claims.csv").symlink_to(elsewhere)
    (out / "datapackage.json").symlink_to(old_descriptor)
    export(vd.load(), out, "csv")
    for name in ("claims.csv", "datapackage.json"):
        assert not (out / name).is_symlink()
        assert (out / name).is_file()
    assert (out / "claims.csv").read_text(encoding="utf-8").startswith("id,statement,")
    assert elsewhere.read_text(encoding="utf-8") == "someone else's file"
    assert old_descriptor.read_text(encoding="utf-8") == "{}"


def test_a_folder_given_as_a_link_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    export(vd.load(), link, "csv")
    assert link.is_symlink()
    assert set(os.listdir(real)) == NEW_FILES
    assert sorted(os.listdir(tmp_path)) == ["link", "real"]  # nothing left beside the folder either


def test_an_empty_folder_name_is_a_query_error_not_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(vd.QueryError, match=r"directory must be a folder's path, got: ''; use '\.'"):
        export(vd.load(), "", "csv")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_files_are_utf8_whatever_the_locale(tmp_path: Path, fmt: ExportFormat) -> None:
    """In the C locale without UTF-8 mode, Python's default encoding is ASCII; the sources' titles are not."""
    code = (
        "import locale, sys, vn_diplomacy as vd\n"
        "from vn_diplomacy.export import export\n"
        "export(vd.load(), sys.argv[1], sys.argv[2], articles=sys.argv[3] if sys.argv[2] == 'annotations' else None)\n"
        "print(locale.getpreferredencoding(False))\n"
    )
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}
    env.pop("PYTHONIOENCODING", None)
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "c"), fmt, str(CORPUS)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "utf" not in result.stdout.lower().replace("-", "")  # the test's premise: a locale that is not UTF-8
    export(vd.load(), tmp_path / "here", fmt, articles=CORPUS if fmt == "annotations" else None)
    assert snapshot(tmp_path / "c") == snapshot(tmp_path / "here")
    descriptor = (tmp_path / "c" / "datapackage.json").read_bytes().decode("utf-8")
    assert "Vietnam\N{RIGHT SINGLE QUOTATION MARK}s upgrade of ties" in descriptor


def test_csv_quotes_line_ends_quotes_and_commas_inside_a_cell(tmp_path: Path) -> None:
    """Text in a data file holds no control character (see `Text`); a dataset made in Python may, and CSV must
    keep each such cell in its row."""
    import pandas as pd

    data = vd.load()
    first, second = list(data.claims)[:2]
    texts = {
        first.id: "one\rtwo",  # nothing else to quote for: Python before 3.13 left this cell bare
        second.id: 'one\ntwo\r\nthree, "four"',
    }
    data = with_record(data, "claims", first.model_copy(update={"statement": texts[first.id]}))
    data = with_record(data, "claims", second.model_copy(update={"statement": texts[second.id]}))
    export(data, tmp_path, "csv")
    path = tmp_path / "claims.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(data.claims)
    statements = {row["id"]: row["statement"] for row in rows}
    assert {id_: statements[id_] for id_ in texts} == texts
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert len(frame) == len(data.claims)
    statements = dict(zip(frame["id"], frame["statement"], strict=True))
    assert {id_: statements[id_] for id_ in texts} == texts
    # Only the rows' own ends are "\n": the cells' line ends are kept as they are, inside quotes.
    text = path.read_bytes().decode("utf-8")
    assert text.count("\n") == 1 + len(data.claims) + sum(t.count("\n") for t in texts.values())
    assert '"one\rtwo"' in text


def test_csv_without_special_cells_is_as_before(tmp_path: Path) -> None:
    """Quoting only where needed: plain cells stay bare and lines end in "\n", as the earlier exports were."""
    export(vd.load(), tmp_path, "csv")
    first = (tmp_path / "trade.csv").read_bytes().split(b"\n")[0]
    assert first.startswith(b"id,metric,partner,value,unit,")
    assert b"\r" not in (tmp_path / "partners.csv").read_bytes()
