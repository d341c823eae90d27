"""Writing a dataset out as open files: JSON, JSON Lines, CSV or Parquet, with a Frictionless data package.

`export()` writes one file per collection and a ``datapackage.json`` that describes them (name, version,
sources, licence note, and for CSV and Parquet a Table Schema per file with its primary and foreign keys), so
the folder is a standard data package that non-Python tools can open and validate.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from vn_diplomacy.errors import QueryError
from vn_diplomacy.loading import FILES, canonical, dumps
from vn_diplomacy.tables import Cell, columns, to_records
from vn_diplomacy.versions import DATA_VERSION

if TYPE_CHECKING:
    import os

    from vn_diplomacy.loading import CollectionName, Dataset
    from vn_diplomacy.models import Record

__all__ = ["FORMATS", "ExportFormat", "export"]

ExportFormat = Literal["json", "jsonl", "csv", "parquet"]
FORMATS: Final[tuple[ExportFormat, ...]] = ("json", "jsonl", "csv", "parquet")
"""The formats `export` writes."""

_MEDIA: Final = {
    "json": "application/json",
    "jsonl": "application/jsonl",
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
}

# References a table schema can state as foreign keys: single-valued fields whose every value is a
# record of the target (lists of ids, and ids that may be Vietnam itself, are checked by `vd.load`).
_FOREIGN_KEYS: Final = {"trade": (("partner", "partners"),)}

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


def export(dataset: Dataset, directory: str | os.PathLike[str], fmt: ExportFormat = "json") -> tuple[Path, ...]:
    """Write every collection of `dataset` to `directory` in format `fmt`, plus ``datapackage.json``.

    JSON files are byte for byte what `vd.load` reads (so an export can be loaded again); JSON Lines hold
    one record per line in the same form; CSV and Parquet hold the flat rows of `vn_diplomacy.tables`.
    Files of the same names are replaced; other files in `directory` are left alone.

    Args:
        dataset: The data to write, e.g. ``vd.load()``.
        directory: The folder to write to; created if missing.
        fmt: One of ``FORMATS``. Parquet needs the ``parquet`` extra (pyarrow).

    Returns:
        The paths written, the data package descriptor last.

    Raises:
        QueryError: `fmt` is not a known format, or Parquet was asked for without pyarrow installed.
        OSError: The folder cannot be created or written.

    Examples:
        >>> import tempfile, vn_diplomacy as vd
        >>> from vn_diplomacy.export import export
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     [path.name for path in export(vd.load(), folder, "csv")][:2]
        ['sources.csv', 'partners.csv']
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    writer = _parquet_writer() if fmt == "parquet" else None
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for collection in FILES:
        records: tuple[Record, ...] = tuple(getattr(dataset, collection))
        path = out / f"{collection}.{fmt}"
        if fmt == "json":
            path.write_text(dumps(records), encoding="utf-8")
        elif fmt == "jsonl":
            lines = (json.dumps(canonical(r), ensure_ascii=False) for r in sorted(records, key=lambda r: r.id))
            path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        elif fmt == "csv":
            path.write_text(_csv(collection, to_records(dataset, collection)), encoding="utf-8", newline="")
        else:
            assert writer is not None
            writer(collection, to_records(dataset, collection), path)
        written.append(path)
    descriptor = out / "datapackage.json"
    descriptor.write_text(json.dumps(datapackage(dataset, fmt, out), indent=2, ensure_ascii=False) + "\n")
    return (*written, descriptor)


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

    types = {"string": pa.string(), "array": pa.string(), "date": pa.date32(), "number": pa.decimal128(38, 9)}

    def write(collection: CollectionName, rows: tuple[dict[str, Cell], ...], path: Path) -> None:
        table_columns = columns(collection)
        schema = pa.schema(
            [
                pa.field(c.name, types[c.type], nullable=not c.required, metadata={"description": c.description})
                for c in table_columns
            ]
        )
        data = {c.name: [row[c.name] for row in rows] for c in table_columns}
        pq.write_table(pa.table(data, schema=schema), path)  # pyright: ignore[reportUnknownMemberType]  # pyarrow is untyped

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
    keys = _FOREIGN_KEYS.get(collection, ())
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
    for collection in FILES:
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
        resource["description"] = f"The {collection} of vn_diplomacy, one row per {_kind(dataset, collection)}."
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


def _kind(dataset: Dataset, collection: str) -> str:
    kind: str = getattr(dataset, collection).kind
    return kind


def _source(title: str, url: str | None) -> dict[str, str]:
    return {"title": title} if url is None else {"title": title, "path": url}
