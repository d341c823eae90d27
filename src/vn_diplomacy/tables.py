"""Records as flat rows, for spreadsheets, CSV, Parquet and pandas.

Each collection becomes one table with one row per record. The columns follow the model's fields,
flattened by these rules (the same for every export, for `Dataset.to_records` and for `to_pandas`):

- a plain field (text, number, day, enum) is one column of the same name; an enum gives its value;
- a `PartialDate` field ``d`` is four columns: ``d`` (the date as the data writes it, e.g. ``late 2023``),
  ``d_earliest`` and ``d_latest`` (the first and last day it can mean) and ``d_inference`` (why the date is
  inferred, empty when an article states it);
- a list of ids or names (``partners``, ``aliases``, ...) is one text column, items joined by ``" | "``;
- a list of nested records (``tier_history``, ``roles``, ``relations``, ``facts``, ``evidence``) is one column
  holding the same JSON array as the data file, so nothing is lost;
- two derived columns help the commonest questions: ``partners.tier`` (the latest tier an article gives) and
  ``people.title`` (the latest title).
"""

from __future__ import annotations

import datetime
import json
import types
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Final, Literal, TypeAlias, Union, get_args, get_origin

from vn_diplomacy.dates import PartialDate
from vn_diplomacy.records.person import Person
from vn_diplomacy.records.tier import Tier
from vn_diplomacy.registry import entry

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from pydantic import BaseModel

    from vn_diplomacy.dataset import Dataset
    from vn_diplomacy.records.base import Record
    from vn_diplomacy.registry import CollectionName

__all__ = ["SEPARATOR", "Cell", "Column", "columns", "rows", "to_records"]

Cell: TypeAlias = "str | Decimal | datetime.date | None"
"""What one cell of a flat row holds."""

SEPARATOR: Final = " | "
"""Joins the items of a list of ids or names in one cell."""

ColumnType = Literal["string", "number", "date", "array"]


@dataclass(frozen=True)
class Column:
    """One column of a collection's table."""

    name: str
    """The column's name."""
    type: ColumnType
    """Its Frictionless Table Schema type: string, number, date, or array (a JSON array as text)."""
    description: str
    """What it holds."""
    required: bool
    """Whether every row has a value."""
    enum: tuple[str, ...] | None
    """The allowed values, for an enum field."""
    get: Callable[[Record], Cell]
    """Computes the cell from a record."""


def _bare(annotation: object) -> object:
    """The type under `Annotated` (`Text` is text, `PartnerId` an id, `Amount` a Decimal)."""
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _split(annotation: object) -> tuple[object, bool]:
    """The annotation without None and `Annotated`, and whether None was allowed."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        (inner,) = args
        return _bare(inner), True
    return _bare(annotation), False


def _date_columns(name: str, description: str, required: bool) -> list[Column]:
    def part(record: Record) -> PartialDate | None:
        value: object = getattr(record, name)
        return value if isinstance(value, PartialDate) else None

    def text(record: Record) -> Cell:
        value = part(record)
        return None if value is None else str(value)

    def earliest(record: Record) -> Cell:
        value = part(record)
        return None if value is None else value.earliest

    def latest(record: Record) -> Cell:
        value = part(record)
        return None if value is None else value.latest

    def inference(record: Record) -> Cell:
        value = part(record)
        return None if value is None else value.inference

    return [
        Column(name, "string", description + " As the data writes it.", required, None, text),
        Column(f"{name}_earliest", "date", f"The first day `{name}` can mean.", required, None, earliest),
        Column(f"{name}_latest", "date", f"The last day `{name}` can mean.", required, None, latest),
        Column(f"{name}_inference", "string", f"Why `{name}` is inferred; empty when stated.", False, None, inference),
    ]


def _plain(name: str, kind: object, description: str, required: bool) -> Column:
    def value(record: Record) -> object:
        return getattr(record, name)

    if isinstance(kind, type) and issubclass(kind, Enum):
        members = tuple(str(member.value) for member in kind)

        def enum_cell(record: Record) -> Cell:
            item = value(record)
            return None if item is None else str(item.value) if isinstance(item, Enum) else str(item)

        return Column(name, "string", description, required, members, enum_cell)
    if kind is Decimal:
        return Column(name, "number", description, required, None, lambda r: _cast(value(r), Decimal))
    if kind is datetime.date:
        return Column(name, "date", description, required, None, lambda r: _cast(value(r), datetime.date))
    if kind is str:
        return Column(name, "string", description, required, None, lambda r: _cast(value(r), str))
    raise TypeError(f"no column rule for field {name!r} of type {kind!r}")  # a model change needs a rule here


def _cast(value: object, kind: type[str] | type[Decimal] | type[datetime.date]) -> Cell:
    if value is None or isinstance(value, kind):
        return value
    raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")


def _sequence(name: str, item: object, description: str) -> Column:
    if _bare(item) is str:
        # The models refuse "|" in a list item (`Item` and the id types), so joined items split back as they were.

        def joined(record: Record) -> Cell:
            items: tuple[str, ...] = getattr(record, name)
            return SEPARATOR.join(items)

        return Column(name, "string", description + f" Items joined by {SEPARATOR!r}.", False, None, joined)

    def as_json(record: Record) -> Cell:
        items: tuple[BaseModel, ...] = getattr(record, name)
        dumped = [model.model_dump(mode="json", exclude_defaults=True) for model in items]
        return json.dumps(dumped, ensure_ascii=False)

    return Column(name, "array", description + " A JSON array, as in the data file.", False, None, as_json)


def _derived(collection: str) -> list[Column]:
    if collection == "partners":

        def tier(record: Record) -> Cell:
            # A partner's `tier`, read without importing the partners' module: it imports the collections, and a
            # collection's `to_pandas` imports this module.
            latest: object = getattr(record, "tier", None)
            return latest.value if isinstance(latest, Tier) else None

        members = tuple(t.value for t in Tier)
        return [Column("tier", "string", "Derived: the latest tier an article gives.", False, members, tier)]
    if collection == "people":

        def title(record: Record) -> Cell:
            return record.title if isinstance(record, Person) else None

        return [Column("title", "string", "Derived: the latest title an article gives.", True, None, title)]
    return []


_cache: dict[str, tuple[Column, ...]] = {}


def columns(collection: CollectionName) -> tuple[Column, ...]:
    """The columns of a collection's table, in order: the model's fields, flattened, then derived ones.

    Raises:
        QueryError: `collection` is not a collection name.

    Examples:
        >>> from vn_diplomacy.tables import columns
        >>> [c.name for c in columns("claims")][:6]
        ['id', 'statement', 'value', 'unit', 'as_of', 'as_of_earliest']
    """
    if collection in _cache:
        return _cache[collection]
    model = _model(collection)
    result: list[Column] = []
    fields = dict(model.model_fields)
    evidence = fields.pop("evidence")
    for name, info in [*fields.items(), ("evidence", evidence)]:
        description = info.description or name
        kind, optional = _split(info.annotation)
        if kind is PartialDate:
            result += _date_columns(name, description, not optional)
        elif get_origin(kind) is tuple:
            result.append(_sequence(name, get_args(kind)[0], description))
        else:
            result.append(_plain(name, kind, description, not optional))
    evidence_column = result.pop(next(i for i, c in enumerate(result) if c.name == "evidence"))
    result += [*_derived(collection), evidence_column]
    _cache[collection] = tuple(result)
    return _cache[collection]


def _model(collection: CollectionName) -> type[Record]:
    return entry(collection).record  # a QueryError for an unknown name


def to_records(dataset: Dataset, collection: CollectionName) -> tuple[dict[str, Cell], ...]:
    """The records of one collection of `dataset` as flat rows (see the module's flattening rules).

    Raises:
        QueryError: `collection` is not a collection name.

    Examples:
        >>> import vn_diplomacy as vd
        >>> from vn_diplomacy.tables import to_records
        >>> us = [row for row in to_records(vd.load(), "partners") if row["id"] == "US"][0]
        >>> us["tier"], us["aliases"].split(" | ")[:2]
        ('comprehensive-strategic', ['US', 'USA'])
    """
    return rows(dataset[collection], collection)


def rows(records: Iterable[Record], collection: CollectionName) -> tuple[dict[str, Cell], ...]:
    """`records`, each a record of collection `collection`, as flat rows in their order: what `to_records` gives for
    a whole collection, for any of its records (those a query returns, say).

    Raises:
        QueryError: `collection` is not a collection name.
        TypeError: A record is not of the collection's record class.

    Examples:
        >>> import vn_diplomacy as vd
        >>> from vn_diplomacy.tables import rows
        >>> [(row["id"], row["partners"]) for row in rows(vd.engagements.involving("GB"), "engagements")]
        [('2025-07-11-son-lammy', 'GB')]
    """
    table = columns(collection)
    model = _model(collection)
    found: list[dict[str, Cell]] = []
    for record in records:
        if type(record) is not model:  # a column reads the model's fields
            raise TypeError(f"{collection} rows are made of {model.__name__} records, got {type(record).__name__}")
        found.append({column.name: column.get(record) for column in table})
    return tuple(found)
