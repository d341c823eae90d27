"""Stage 3 of a load: what spans files, from the references the record classes declare on their fields.

Every id a record holds in a field typed `PartnerId`, `PartyId`, `PersonId` or `SourceId` (see
`vn_diplomacy.records.base`) must name a record of that collection (or Vietnam, where `PartyId` allows it); and the
ids of the collections that `involving()` mixes (partners and people) must be distinct, so that an id means one
record whatever the collection asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vn_diplomacy.errors import DataError, shown
from vn_diplomacy.records.base import VIETNAM, Reference, references_of
from vn_diplomacy.records.walk import levels_of
from vn_diplomacy.registry import entry
from vn_diplomacy.text import suggest

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from vn_diplomacy.records.base import Record

__all__ = ["check_distinct_ids", "check_references", "involved_collections"]


def involved_collections(model: type[Record]) -> tuple[str, ...]:
    """The collections whose ids `involving()` takes for records of `model`, e.g. ``("partners", "people")``."""
    return tuple(dict.fromkeys(ref.ref.target for ref in references_of(model) if ref.involves))


def check_references(label: str, records: tuple[Record, ...], ids: Mapping[str, frozenset[str]]) -> None:
    """Raise a DataError for the first id in `records` that names no record of its declared collection.

    Args:
        label: The file the records come from, for messages.
        records: The records of one file, all of one class.
        ids: The ids of each collection loaded so far (this one's included), by collection name.
    """
    if not records:
        return
    references = references_of(type(records[0]))
    values = levels_of(records, [reference.path for reference in references])  # each level walked once
    for reference in references:
        known = ids[reference.ref.target]
        allowed = known | {VIETNAM} if reference.ref.vietnam else known
        if allowed.issuperset(values[reference.path]):
            continue  # the usual case: one pass, no Python code per id
        for record in records:  # only to find and name the dangling id
            for where, value in _located(record, reference.path):
                if value not in allowed:
                    raise DataError(
                        _unknown(reference, value, allowed), file=label, record=shown(record.id), field=where
                    )


def _unknown(reference: Reference, value: str, allowed: frozenset[str]) -> str:
    hint = suggest(value, allowed)
    also = f"; did you mean {' or '.join(map(repr, hint))}?" if hint else ""
    if reference.ref.target == "sources":
        return f"evidence cites unknown source {shown(value)}{also}"
    return f"unknown {entry(reference.ref.target).kind} id {shown(value)}{also}"


def _located(item: object, path: tuple[str, ...], where: str = "") -> Iterator[tuple[str, str]]:
    """Each value at the end of `path` inside `item`, with its dotted, indexed path, e.g. ``roles[1].entity``."""
    name, rest = path[0], path[1:]
    value: object = getattr(item, name)
    items: tuple[object, ...] = value if isinstance(value, tuple) else () if value is None else (value,)  # pyright: ignore[reportUnknownVariableType]  # a tuple of ids or models
    for index, inner in enumerate(items):
        here = f"{where}{name}" + (f"[{index}]" if isinstance(value, tuple) else "")
        if rest:
            yield from _located(inner, rest, here + ".")
        else:
            yield here, str(inner)  # an id, by the declaration


def check_distinct_ids(collections: Mapping[str, tuple[Record, ...]], labels: Mapping[str, str]) -> None:
    """Raise a DataError when a record of one of `collections` has the id of another's, or Vietnam's ("VN").

    `involving("JP")` must mean one record: a person with id "JP" would otherwise be taken for Japan.
    """
    owner: dict[str, str] = {VIETNAM: "Vietnam itself"}
    for name, records in collections.items():
        for record in records:
            other = owner.setdefault(record.id, name)
            if other != name:
                by = other if other == owner[VIETNAM] else f"a record of {other}"
                raise DataError(
                    f"the id {shown(record.id)} is already that of {by}; "
                    f"ids are unique across {' and '.join(collections)}, as involving() takes any of them",
                    file=labels[name],
                    record=shown(record.id),
                    field="id",
                )
