"""Writing a dataset out as open files: JSON, JSON Lines, CSV or Parquet, with a Frictionless data package; or
every quote as a W3C Web Annotation.

`export()` writes one file per collection and a ``datapackage.json`` that describes them (name, version,
sources, licence note, and for CSV and Parquet a Table Schema per file with its primary and foreign keys), so
the folder is a standard data package that non-Python tools can open and validate. The ``annotations`` format
writes ``annotations.jsonld`` instead (see `vn_diplomacy.web_annotations`), also described by a ``datapackage.json``.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import errno
import hashlib
import io
import itertools
import json
import os
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from vn_diplomacy import web_annotations
from vn_diplomacy.errors import DataError, QueryError, shown
from vn_diplomacy.records.base import references_of
from vn_diplomacy.registry import FILES, entry
from vn_diplomacy.serialize import canonical, dumps
from vn_diplomacy.tables import Cell, columns, to_records
from vn_diplomacy.versions import DATA_VERSION

if TYPE_CHECKING:
    from vn_diplomacy.dataset import Dataset
    from vn_diplomacy.records.base import Record
    from vn_diplomacy.registry import CollectionName

__all__ = ["FORMATS", "ExportFormat", "export"]

ExportFormat = Literal["json", "jsonl", "csv", "parquet", "annotations"]
FORMATS: Final[tuple[ExportFormat, ...]] = ("json", "jsonl", "csv", "parquet", "annotations")
"""The formats `export` writes."""

_MEDIA: Final = {
    "json": "application/json",
    "jsonl": "application/jsonl",
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "annotations": "application/ld+json",
}


def _foreign_keys(collection: CollectionName) -> tuple[tuple[str, str], ...]:
    """The (field, target collection) pairs a table schema can state as foreign keys, from the declared references.

    Only a record's own single-valued references whose every value is a record of the target: lists of ids
    (one text cell), ids that may be Vietnam itself (no record), and ids nested in JSON cells are checked by
    `vd.load` instead.
    """
    return tuple(
        (reference.field, reference.ref.target)
        for reference in references_of(entry(collection).record)
        if reference.direct and not reference.many and not reference.ref.vietnam
    )


LICENCE_NOTE: Final = (
    "The curated data is under CC BY 4.0 (attribute it as 'vn_diplomacy data, The vn_diplomacy team'); "
    "the code that made it is under MIT. The quotes are short excerpts of the cited articles, quoted with "
    "attribution: their words remain their publishers'."
)
LICENSES: Final = (
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    },
)
"""The data package's `licenses` (Frictionless): the curated data's licence; the quotes are their publishers'."""


def export(
    dataset: Dataset,
    directory: str | os.PathLike[str],
    fmt: ExportFormat = "json",
    *,
    articles: str | os.PathLike[str] | None = None,
) -> tuple[Path, ...]:
    """Write every collection of `dataset` to `directory` in format `fmt`, plus ``datapackage.json``.

    JSON files are byte for byte what `vd.load` reads (so an export can be loaded again); JSON Lines hold
    one record per line in the same form; CSV and Parquet hold the flat rows of `vn_diplomacy.tables`. Text
    is UTF-8 whatever the locale.

    Files of the same names are replaced; other files in `directory` are left alone. Nothing is written
    through a symbolic link: a link named like one of the files is replaced by the file, and what it points
    to is left alone. `directory` itself may be a link to a folder: the files go into that folder.

    All or nothing: the files are written to a temporary folder inside `directory` (on its filesystem
    whatever is mounted where, so each file moves into place by one rename) and moved only when every one is
    complete, ``datapackage.json`` last, each flushed to disk first. If writing fails, `directory` is left as
    it was (and removed again if this call created it). Only a rename failing midway, rare once the temporary
    folder has shown the folder writable, can leave some files new and others old.

    Args:
        dataset: The data to write, e.g. ``vd.load()``.
        directory: The folder to write to; created if missing.
        fmt: One of ``FORMATS``. Parquet needs the ``parquet`` extra (pyarrow). ``annotations`` writes every
            quote as a W3C Web Annotation to ``annotations.jsonld`` and needs `articles`.
        articles: The folder of the article files, for ``annotations``: each quote's context is read there.

    Returns:
        The paths written, the data package descriptor last.

    Raises:
        QueryError: `fmt` is not a known format, `directory` is empty text, Parquet was asked for without
            pyarrow installed, or annotations without `articles`.
        DataError: A value the format cannot hold, e.g. a number beyond Parquet's decimal(38, 9); for
            annotations, articles that `verify` finds at odds with the data.
        OSError: The folder cannot be created or written, or a folder has the name of a file to write.

    Examples:
        >>> import tempfile, vn_diplomacy as vd
        >>> from vn_diplomacy.export import export
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     [path.name for path in export(vd.load(), folder, "csv")][:2]
        ['sources.csv', 'partners.csv']
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not os.fspath(directory):  # Path("") would be the current folder, which nobody means by empty text
        raise QueryError("directory must be a folder's path, got: ''; use '.' for the current folder")
    if fmt == "annotations" and articles is None:
        raise QueryError("annotations anchor each quote in its article: give the folder of the articles (--articles)")
    writer = _parquet_writer() if fmt == "parquet" else None
    body = None
    if articles is not None and fmt == "annotations":  # built, the articles checked, before anything is written
        body = json.dumps(web_annotations.annotation_collection(dataset, articles), indent=2, ensure_ascii=False) + "\n"
    out = Path(directory)
    created = _make_folder(out)
    try:
        names = _write_into(out, dataset, fmt, writer, body)
    except BaseException:  # whatever stopped the export, KeyboardInterrupt too: leave no folder it made
        _remove_empty(created)
        raise
    return tuple(out / name for name in names)


def _write_into(
    out: Path, dataset: Dataset, fmt: ExportFormat, writer: _ParquetWriter | None, body: str | None
) -> list[str]:
    """Write the files to a temporary folder inside `out`, then move them into `out`; return their names."""
    staging = Path(tempfile.mkdtemp(prefix=".vn-diplomacy-export-", dir=out))
    try:
        names = _write(dataset, fmt, writer, staging, body)
        _move(staging, out, names)
    finally:
        # Empty after a success; otherwise cleaning up must not hide the error that brought us here.
        shutil.rmtree(staging, ignore_errors=True)
    return names


def _make_folder(out: Path) -> list[Path]:
    """Create `out` and its missing parents, as ``mkdir -p`` does; return the folders created, innermost first."""
    missing = list(itertools.takewhile(lambda folder: not folder.exists(), (out, *out.parents)))
    out.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_empty(folders: list[Path]) -> None:
    """Remove the folders a failed export created, innermost first, unless something else has filled one."""
    with contextlib.suppress(OSError):  # not empty any more, or gone: either way, not ours to remove
        for folder in folders:
            folder.rmdir()


def _write(
    dataset: Dataset, fmt: ExportFormat, writer: _ParquetWriter | None, folder: Path, body: str | None
) -> list[str]:
    """Write every file of the export to `folder`, flushed to disk; return their names, the descriptor last."""
    names: list[str] = []
    if body is not None:  # the annotations: one file
        (folder / web_annotations.FILE).write_bytes(body.encode("utf-8"))
        names.append(web_annotations.FILE)
    for collection in FILES if body is None else ():
        name = f"{collection}.{fmt}"
        if writer is not None:
            writer(collection, to_records(dataset, collection), folder / name)
        else:
            # Bytes, not write_text: UTF-8 whatever the locale, and "\n" whatever the platform.
            (folder / name).write_bytes(_text_file(dataset, collection, fmt).encode("utf-8"))
        names.append(name)
    descriptor = json.dumps(datapackage(dataset, fmt, folder), indent=2, ensure_ascii=False) + "\n"
    (folder / "datapackage.json").write_bytes(descriptor.encode("utf-8"))
    names.append("datapackage.json")
    for name in names:
        _sync(folder / name)
    return names


def _text_file(dataset: Dataset, collection: CollectionName, fmt: ExportFormat) -> str:
    records: tuple[Record, ...] = tuple(dataset[collection])
    if fmt == "json":
        return dumps(records)
    if fmt == "jsonl":
        lines = (json.dumps(canonical(r), ensure_ascii=False) for r in sorted(records, key=lambda r: r.id))
        return "".join(line + "\n" for line in lines)
    return _csv(collection, to_records(dataset, collection))


def _sync(path: Path) -> None:
    # On disk before the rename: after a crash, the name then holds the old file or the whole new one.
    descriptor = os.open(path, os.O_RDWR)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _move(staging: Path, out: Path, names: list[str]) -> None:
    """Move the files from `staging` into `out`, each by one rename: it replaces a link, never follows it."""
    for name in names:  # checked first, so that this cannot stop the moves halfway
        if (out / name).is_dir() and not (out / name).is_symlink():
            raise IsADirectoryError(errno.EISDIR, "a folder has the name of a file to write", str(out / name))
    for name in names:
        os.replace(staging / name, out / name)


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return format(cell, "f")
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return cell


def _csv(collection: CollectionName, rows: tuple[dict[str, Cell], ...]) -> str:
    # The writer ends its lines in "\r\n" so that it quotes every cell holding "\r" or "\n": ending them in "\n"
    # alone, Python before 3.13 leaves a bare "\r" unquoted, and readers take it for the end of the row. Each
    # row is written on its own, so its own line end, and only that, becomes "\n".
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = [column.name for column in columns(collection)]
    lines: list[str] = []
    for row in (names, *([_text(row[name]) for name in names] for row in rows)):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        lines.append(buffer.getvalue()[:-2] + "\n")
    return "".join(lines)


def _parquet_writer() -> _ParquetWriter:
    try:
        import pyarrow as pa  # noqa: PLC0415  # an optional extra, imported only for Parquet
        import pyarrow.parquet as pq  # noqa: PLC0415  # likewise
    except ImportError:
        raise QueryError(
            "Parquet export needs pyarrow: pip install 'vn_diplomacy[parquet]' (or choose json, jsonl or csv)"
        ) from None

    number = pa.decimal128(38, 9)
    types = {"string": pa.string(), "array": pa.string(), "date": pa.date32(), "number": number}

    def write(collection: CollectionName, rows: tuple[dict[str, Cell], ...], path: Path) -> None:
        table_columns = columns(collection)
        schema = pa.schema(
            [
                pa.field(c.name, types[c.type], nullable=not c.required, metadata={"description": c.description})
                for c in table_columns
            ]
        )
        data = {c.name: [row[c.name] for row in rows] for c in table_columns}
        try:
            table = pa.table(data, schema=schema)
        except pa.ArrowInvalid as exc:  # a number beyond decimal(38, 9): the only value Arrow refuses here
            raise _unfit(collection, rows, exc) from exc
        pq.write_table(table, path)  # pyright: ignore[reportUnknownMemberType]  # pyarrow is untyped

    def _unfit(collection: CollectionName, rows: tuple[dict[str, Cell], ...], exc: Exception) -> DataError:
        """The DataError naming the first number that Parquet's decimal(38, 9) cannot hold."""
        for row in rows:
            for name, cell in row.items():
                if isinstance(cell, Decimal) and not _fits(cell):
                    return DataError(
                        f"Parquet's decimal(38, 9) cannot hold {shown(cell)}: it takes at most 29 digits before "
                        "the point and 9 after; export this data as json, jsonl or csv",
                        file=f"{collection}.parquet",
                        record=repr(row["id"]),
                        field=name,
                    )
        return DataError(f"cannot be written as Parquet: {exc}", file=f"{collection}.parquet")

    def _fits(value: Decimal) -> bool:
        try:
            pa.scalar(value, number)
        except pa.ArrowInvalid:
            return False
        return True

    return write


if TYPE_CHECKING:
    from collections.abc import Callable

    _ParquetWriter = Callable[[CollectionName, tuple[dict[str, Cell], ...], Path], None]


def _table_schema(collection: CollectionName) -> dict[str, object]:
    fields: list[dict[str, object]] = []
    for column in columns(collection):
        field: dict[str, object] = {"name": column.name, "type": column.type, "description": column.description}
        constraints: dict[str, object] = {}
        if column.required:
            constraints["required"] = True
        if column.enum is not None:
            constraints["enum"] = list(column.enum)
        if column.name == "id":
            constraints["unique"] = True
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, object] = {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}
    keys = _foreign_keys(collection)
    if keys:
        schema["foreignKeys"] = [
            {"fields": [name], "reference": {"resource": target, "fields": ["id"]}} for name, target in keys
        ]
    return schema


def datapackage(dataset: Dataset, fmt: ExportFormat, directory: Path) -> dict[str, object]:
    """The Frictionless data package descriptor for the files `export` wrote to `directory`.

    Examples:
        >>> import tempfile, pathlib, vn_diplomacy as vd
        >>> from vn_diplomacy.export import datapackage, export
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     _ = export(vd.load(), folder, "csv")
        ...     descriptor = datapackage(vd.load(), "csv", pathlib.Path(folder))
        >>> descriptor["resources"][4]["schema"]["foreignKeys"]
        [{'fields': ['partner'], 'reference': {'resource': 'partners', 'fields': ['id']}}]
    """
    resources: list[dict[str, object]] = []
    if fmt == "annotations":
        resources.append(web_annotations.resource((directory / web_annotations.FILE).read_bytes()))
    for collection in FILES if fmt != "annotations" else ():
        path = f"{collection}.{fmt}"
        content = (directory / path).read_bytes()
        resource: dict[str, object] = {
            "name": collection,
            "path": path,
            "format": fmt,
            "mediatype": _MEDIA[fmt],
        }
        if fmt != "parquet":  # frictionless reads Parquet through pyarrow and cannot count its bytes
            resource["bytes"] = len(content)
            resource["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
        if fmt in ("csv", "parquet"):
            resource["profile"] = "tabular-data-resource"
            resource["schema"] = _table_schema(collection)
            if fmt == "csv":
                resource["encoding"] = "utf-8"
        else:
            resource["profile"] = "data-resource"
        resource["description"] = f"The {collection} of vn_diplomacy, one row per {entry(collection).kind}."
        resources.append(resource)
    return {
        "profile": "tabular-data-package" if fmt in ("csv", "parquet") else "data-package",
        "name": "vn-diplomacy",
        "title": "Vietnam's foreign relations, from official articles",
        "description": (
            "Partners and partnership tiers, diplomatic relations, people and roles, engagements, trade figures, "
            "agreements and aggregate claims reported in official articles about Vietnam's foreign relations; "
            f"every record carries the verbatim quotes it is taken from. Licence: {LICENCE_NOTE}"
        ),
        "version": DATA_VERSION,
        "licenses": [dict(licence) for licence in LICENSES],
        "sources": [_source(s.title or s.id, s.url) for s in dataset.sources],
        "resources": resources,
    }


def _source(title: str, url: str | None) -> dict[str, str]:
    return {"title": title} if url is None else {"title": title, "path": url}
