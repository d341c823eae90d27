"""The collections, declared once: each one's name, file, record class, kind label and load group.

Everything that lists the collections reads `COLLECTIONS`: the loader and `Dataset`, the lazy names of
`vn_diplomacy`, the JSON Schemas, the tables and exports, the command line, the tests and the benchmarks. A new
collection is a row here and a record module in `vn_diplomacy.records`. This module imports no pydantic: the
record classes are named, and imported when first asked for.
"""

from __future__ import annotations

import importlib
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from collections.abc import Mapping

    from vn_diplomacy.collection import Collection
    from vn_diplomacy.errors import QueryError
    from vn_diplomacy.records.base import Record

__all__ = ["COLLECTIONS", "FILES", "CollectionName", "Entry", "entry", "unknown_collection"]

CollectionName = Literal[
    "sources", "partners", "people", "engagements", "trade", "agreements", "claims", "discrepancies"
]
"""The name of one of the collections, as `Dataset.to_records` and the exports take it (one per registry row)."""


class Entry:
    """One collection: what it is called, where it is read from, what one record is, and when it loads.

    A plain class with slots rather than a dataclass: `@dataclass` compiles its methods as the module is
    imported, a cost every first answer would pay.
    """

    __slots__ = ("_collection", "_found", "_record", "file", "group", "kind", "name")

    def __init__(
        self,
        name: CollectionName,
        *,
        record: str,
        kind: str,
        group: int,
        collection: str = "vn_diplomacy.collection:Collection",
    ) -> None:
        """Declare a collection.

        Args:
            name: The collection's name, e.g. ``"engagements"``; its file is ``<name>.json``.
            record: Where its record class is, as ``"module:Class"``.
            kind: What one record is called in messages, e.g. ``"engagement"``.
            group: When it is validated: the collections of group 0 on first use of any collection, each
                later group on first use of one of its own; a collection refers only to its own or earlier groups.
            collection: Where its collection class is, as ``"module:Class"``, when it has queries of its own.
        """
        self.name: Final = name
        self.file: Final = f"{name}.json"
        self.kind: Final = kind
        self.group: Final = group
        self._record = record
        self._collection = collection
        self._found: dict[str, type] = {}  # the classes, once imported: a load asks for them many times

    def __repr__(self) -> str:
        return f"<Entry {self.name!r}: {self.file}, {self._record}, group {self.group}>"

    @property
    def record(self) -> type[Record]:
        """The record class, imported now if it was not yet."""
        found: type[Record] | None = self._found.get("record")
        if found is None:
            found = self._found["record"] = _named(self._record)
        return found

    @property
    def collection(self) -> type[Collection[Record]]:
        """The collection class (`Collection`, or a subclass with queries of its own)."""
        found: type[Collection[Record]] | None = self._found.get("collection")
        if found is None:
            found = self._found["collection"] = _named(self._collection)
        return found


def _named(where: str) -> type:
    module, _, name = where.partition(":")
    found: type = getattr(importlib.import_module(module), name)
    return found


COLLECTIONS: Final[tuple[Entry, ...]] = (
    Entry("sources", record="vn_diplomacy.records.source:Source", kind="source", group=0),
    Entry(
        "partners",
        record="vn_diplomacy.records.partner:Partner",
        kind="partner",
        group=0,
        collection="vn_diplomacy.records.partner:PartnerCollection",
    ),
    Entry("people", record="vn_diplomacy.records.person:Person", kind="person", group=1),
    Entry("engagements", record="vn_diplomacy.records.engagement:Engagement", kind="engagement", group=1),
    Entry("trade", record="vn_diplomacy.records.trade:TradeFigure", kind="trade figure", group=1),
    Entry("agreements", record="vn_diplomacy.records.agreement:Agreement", kind="agreement", group=1),
    Entry("claims", record="vn_diplomacy.records.claim:Claim", kind="claim", group=1),
    Entry("discrepancies", record="vn_diplomacy.records.discrepancy:Discrepancy", kind="discrepancy", group=1),
)
"""Every collection, in loading order (a collection comes after those it refers to)."""

_BY_NAME: Final[Mapping[str, Entry]] = MappingProxyType({item.name: item for item in COLLECTIONS})

FILES: Final[Mapping[CollectionName, str]] = MappingProxyType({item.name: item.file for item in COLLECTIONS})
"""The collection names and the file each is read from, in loading order; read-only."""


def entry(name: str) -> Entry:
    """The registry row of collection `name`.

    Raises:
        QueryError: `name` is not a collection; the message names the closest one and lists them all.

    Examples:
        >>> entry("trade").kind
        'trade figure'
    """
    found = _BY_NAME.get(name)
    if found is None:
        raise unknown_collection(name)
    return found


def unknown_collection(name: str) -> QueryError:
    """The error for a name that is not a collection, with the closest one."""
    from vn_diplomacy.errors import QueryError  # noqa: PLC0415  # likewise
    from vn_diplomacy.text import suggest  # noqa: PLC0415  # only on the error path

    hint = suggest(name, FILES)
    also = f"; did you mean {hint[0]!r}?" if hint else ""
    return QueryError(f"unknown collection {name!r}{also} Choose from: {', '.join(FILES)}")
