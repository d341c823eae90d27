"""The last stage of a load: `Dataset`, the collections of one data directory (see `vn_diplomacy.loader`)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, cast

from vn_diplomacy.registry import FILES, entry

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas

    from vn_diplomacy.collection import Collection
    from vn_diplomacy.records.agreement import Agreement
    from vn_diplomacy.records.base import Record
    from vn_diplomacy.records.claim import Claim
    from vn_diplomacy.records.discrepancy import Discrepancy
    from vn_diplomacy.records.engagement import Engagement
    from vn_diplomacy.records.partner import PartnerCollection
    from vn_diplomacy.records.person import Person
    from vn_diplomacy.records.source import Source
    from vn_diplomacy.records.trade import TradeFigure
    from vn_diplomacy.registry import CollectionName
    from vn_diplomacy.tables import Cell

__all__ = ["Dataset"]


class Dataset:
    """The collections of one validated data directory; read-only.

    Each collection is an attribute (``data.partners``) and an item (``data["partners"]``).

    Examples:
        >>> import vn_diplomacy as vd
        >>> data = vd.load()
        >>> data.partners.get("US").name
        'United States'
        >>> data["trade"].kind
        'trade figure'
    """

    # A class with read-only properties, not a frozen dataclass: @dataclass writes and compiles six methods
    # as the module is imported, a millisecond of every first answer.
    __slots__ = ("_collections", "_directory", "_load_group", "_lock")

    def __init__(
        self,
        collections: dict[str, Collection[Record]],
        *,
        directory: str,
        load_group: Callable[[int], dict[str, Collection[Record]]] | None = None,
    ) -> None:
        """Hold the collections of one directory, as `load` makes them.

        `collections` holds those validated so far; `load_group(group)` validates the rest of the registry's
        groups up to `group` and returns their collections (the bundled data calls it when a collection of a
        later group is first asked for, and again on the next ask if it raised).
        """
        self._collections = collections
        self._load_group = load_group
        self._lock = threading.Lock()
        self._directory = directory

    def __getitem__(self, name: CollectionName) -> Collection[Record]:
        """The collection called `name`, validated now if it was not yet (once, whatever the threads).

        Raises:
            QueryError: `name` is not a collection.
            DataError: The collection's files (or those it refers to) are invalid.
        """
        found = self._collections.get(name)
        if found is None:
            group = entry(name).group  # a QueryError for an unknown name
            with self._lock:
                found = self._collections.get(name)
                if found is None:
                    assert self._load_group is not None  # an eager load holds every collection
                    self._collections.update(self._load_group(group))  # a DataError leaves the group pending
                    found = self._collections[name]
        return found

    @property
    def sources(self) -> Collection[Source]:
        """The source articles."""
        return cast("Collection[Source]", self["sources"])

    @property
    def partners(self) -> PartnerCollection:
        """Vietnam's counterparts, with their tiers."""
        return cast("PartnerCollection", self["partners"])

    @property
    def people(self) -> Collection[Person]:
        """The people and their roles."""
        return cast("Collection[Person]", self["people"])

    @property
    def engagements(self) -> Collection[Engagement]:
        """Meetings, visits, calls, sessions, conferences and summits."""
        return cast("Collection[Engagement]", self["engagements"])

    @property
    def trade(self) -> Collection[TradeFigure]:
        """Trade and economic figures."""
        return cast("Collection[TradeFigure]", self["trade"])

    @property
    def agreements(self) -> Collection[Agreement]:
        """Treaties, agreements, memoranda and joint statements."""
        return cast("Collection[Agreement]", self["agreements"])

    @property
    def claims(self) -> Collection[Claim]:
        """The articles' aggregate statements."""
        return cast("Collection[Claim]", self["claims"])

    @property
    def discrepancies(self) -> Collection[Discrepancy]:
        """Where the articles disagree, and which reading the data follows."""
        return cast("Collection[Discrepancy]", self["discrepancies"])

    @property
    def directory(self) -> str:
        """Where the data was read from."""
        return self._directory

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(self[name])}" for name in FILES)
        return f"<Dataset from {self.directory!r}: {sizes}>"

    def to_records(self, collection: CollectionName) -> tuple[dict[str, Cell], ...]:
        """One collection as flat rows: dicts of text, `Decimal`, `datetime.date` or None.

        Nested fields are flattened as `vn_diplomacy.tables` documents (dates in four columns, lists of ids
        joined by " | ", nested records as JSON text), the same as the CSV and Parquet exports.

        Raises:
            QueryError: `collection` is not a collection name.

        Examples:
            >>> import vn_diplomacy as vd
            >>> row = vd.load().to_records("trade")[-1]
            >>> row["value"], row["unit"], row["period_end"]
            (Decimal('88000000000'), 'USD', datetime.date(2024, 8, 31))
        """
        from vn_diplomacy.tables import to_records  # noqa: PLC0415  # tables are not needed for queries

        return to_records(self, collection)

    def to_pandas(self, collection: CollectionName) -> pandas.DataFrame:
        """One collection as a pandas DataFrame of the `to_records` rows, one column per table column; the day
        columns (``start_earliest``, ``period_end``, ...) as ``datetime64``, decimals as exact `Decimal`s: what the
        collection's own `Collection.to_pandas` gives.

        Needs the ``pandas`` extra (``pip install 'vn_diplomacy[pandas]'``); pandas is imported only then.

        Raises:
            QueryError: `collection` is not a collection name, or pandas is not installed.

        Examples:
            >>> import vn_diplomacy as vd
            >>> frame = vd.load().to_pandas("partners")
            >>> frame.loc[frame["id"] == "JP", "tier"].item()
            'comprehensive-strategic'
        """
        return self[collection].to_pandas()  # a QueryError for an unknown name, before pandas is imported
