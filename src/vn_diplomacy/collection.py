"""Read-only collections of records, with indexes built once: get, lookup, involving, between."""

from __future__ import annotations

import datetime
from operator import attrgetter
from typing import TYPE_CHECKING, Final, Generic, TypeVar

from vn_diplomacy._spans import overlapping, span_index
from vn_diplomacy.errors import DataError, NotFound, QueryError, shown
from vn_diplomacy.records.base import Record, involving_of, references_of, require_day
from vn_diplomacy.registry import COLLECTIONS
from vn_diplomacy.text import normalize, suggest

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    import pandas

    from vn_diplomacy.registry import CollectionName

__all__ = ["Collection", "not_found"]

# Covariant: collections are read-only, so a Collection[Partner] is a Collection[Record].
T_co = TypeVar("T_co", bound=Record, covariant=True)
R = TypeVar("R", bound=Record)
Span = tuple[datetime.date, datetime.date] | None

_ID: Final = attrgetter("id")


def not_found(kind: str, key: str, records: Iterable[Record], how: str) -> NotFound:
    """A NotFound for `key` that suggests the ids of the records whose ids or names come closest.

    The message shows each suggested id beside the record's first name, e.g. "'JP' (Japan)".
    """
    owner: dict[str, Record] = {}
    labels: dict[str, str] = {}
    for record in records:
        names = record.names()
        if names:
            labels[record.id] = names[0]
        for name in (record.id, *names):
            owner.setdefault(name, record)
    ids = tuple(dict.fromkeys(owner[name].id for name in suggest(key, owner)))
    return NotFound(kind, key, ids, how=how, labels=labels)


def _ordered(items: tuple[R, ...], *, dated: bool) -> tuple[tuple[R, ...], tuple[Span, ...]]:
    """`items` in iteration order, with their spans: chronological then by id when `dated`, else by id."""
    if not dated:  # no spans to work out or compare
        return tuple(sorted(items, key=_ID)), (None,) * len(items)
    spans = [record.span() for record in items]
    keys = [
        (span is None, datetime.date.min if span is None else span[0], record.id)
        for record, span in zip(items, spans, strict=True)
    ]
    order = sorted(range(len(items)), key=keys.__getitem__)  # chronological, then by id
    return tuple(items[index] for index in order), tuple(spans[index] for index in order)


class Collection(Generic[T_co]):
    """An immutable, ordered collection of one kind of record.

    Iteration is chronological for dated records (by first day, then id) and by id otherwise.
    Indexes for `get`, `lookup`, `involving` and `between` are built once, when the collection is made.

    Examples:
        >>> import vn_diplomacy as vd
        >>> len(vd.partners) > 20, "US" in vd.partners
        (True, True)
    """

    __slots__ = (
        "_by_id",
        "_by_name",
        "_by_ref",
        "_by_text",
        "_has_dates",
        "_has_refs",
        "_index",
        "_kind",
        "_model",
        "_records",
        "_resolve",
    )

    def __init__(
        self,
        kind: str,
        model: type[T_co],
        records: Iterable[T_co],
        *,
        resolve: Callable[[str], str] | None = None,
        file: str = "<memory>",
    ) -> None:
        """Index `records`.

        Args:
            kind: What one record is called in messages, e.g. ``"partner"``.
            model: The record class; it decides whether `involving` and `between` apply.
            records: The records, in any order.
            resolve: Turns an id or name given to `involving` into a known partner or person id,
                raising `NotFound` otherwise; by default ids are taken as given.
            file: The file the records come from, for error messages.

        Raises:
            DataError: Two records share an id, or two records share a name that `lookup` folds alike.
        """
        self._kind = kind
        self._model = model
        self._resolve = resolve
        self._has_refs = any(reference.involves for reference in references_of(model))
        self._has_dates = model.span is not Record.span
        self._records, spans = _ordered(tuple(records), dated=self._has_dates)
        self._index = span_index(spans)
        # Locals, not attributes, in the loops below: they run once per record of a growing dataset.
        by_id: dict[str, T_co] = {record.id: record for record in self._records}
        if len(by_id) != len(self._records):
            seen: set[str] = set()
            for record in self._records:
                if record.id in seen:
                    raise DataError(
                        f"duplicate {kind} id {shown(record.id)}", file=file, record=shown(record.id), field="id"
                    )
                seen.add(record.id)
        by_ref: dict[str, list[T_co]] = {}
        if self._has_refs:
            references = involving_of(model)  # what record.references() does, without a call through it
            for record in self._records:
                refs = references(record)
                for ref in refs if len(refs) < 2 else dict.fromkeys(refs):  # one ref needs no dedupe
                    bucket = by_ref.get(ref)
                    if bucket is None:
                        by_ref[ref] = [record]
                    else:
                        bucket.append(record)
        by_name: dict[str, T_co] = {}  # folded name -> record
        by_text: dict[str, T_co] = {}  # each id and name as written -> record: lookup's fast path
        for record in self._records:
            for name in (record.id, *record.names()):
                by_text[name] = record
                key = normalize(name)
                if not key:
                    raise DataError(
                        f"{kind} name {shown(name)} has no letter or digit to look it up by",
                        file=file,
                        record=shown(record.id),
                    )
                other = by_name.setdefault(key, record)
                if other is not record:
                    raise DataError(
                        f"{kind} name {shown(name)} folds to {shown(key)}, which already names {shown(other.id)}; "
                        "lookup would be ambiguous",
                        file=file,
                        record=shown(record.id),
                    )
        self._by_id, self._by_ref, self._by_name, self._by_text = by_id, by_ref, by_name, by_text

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[T_co]:
        return iter(self._records)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._by_id

    def __getitem__(self, key: str) -> T_co:
        return self.get(key)

    def __repr__(self) -> str:
        return f"<Collection of {len(self)} {self._kind} records>"

    @property
    def kind(self) -> str:
        """What one record is called, e.g. ``"partner"``."""
        return self._kind

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id, in iteration order."""
        return tuple(r.id for r in self._records)

    def get(self, id: str) -> T_co:  # noqa: A002  # the contract names the parameter `id`
        """The record with exactly this id.

        Args:
            id: The id, e.g. ``"US"`` or ``"bui-thanh-son"``; case and spelling must match.

        Raises:
            NotFound: No record has the id; the message names the closest ids and names.
            TypeError: `id` is not a string.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.partners.get("JP").name
            'Japan'
        """
        if not isinstance(id, str):  # pyright: ignore[reportUnnecessaryIsInstance]  # guards untyped callers
            raise TypeError(f"id must be a str, got {type(id).__name__}: {id!r}")
        try:
            return self._by_id[id]
        except KeyError:
            raise self._not_found(id, "id") from None

    def lookup(self, text: str) -> T_co:
        """The record whose id, name or alias matches `text`.

        Matching ignores case, surrounding spaces, punctuation and Vietnamese diacritics.

        Raises:
            NotFound: Nothing matches; the message names the closest ids and names.
            TypeError: `text` is not a string.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.partners.lookup("u.s.").id
            'US'
            >>> vd.people.lookup("bui thanh son").name
            'Bùi Thanh Sơn'
        """
        if not isinstance(text, str):  # pyright: ignore[reportUnnecessaryIsInstance]  # guards untyped callers
            raise TypeError(f"text must be a str, got {type(text).__name__}: {text!r}")
        record = self.find(text)
        if record is None:
            raise self._not_found(text, "id or name")
        return record

    def find(self, text: str) -> T_co | None:
        """What `lookup` finds, or None when nothing matches: no error to build, for callers that try several.

        Raises:
            TypeError: `text` is not a string.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.partners.find("Japan").id, vd.partners.find("Atlantis")
            ('JP', None)
        """
        if not isinstance(text, str):  # pyright: ignore[reportUnnecessaryIsInstance]  # guards untyped callers
            raise TypeError(f"text must be a str, got {type(text).__name__}: {text!r}")
        # A name as written needs no folding; two names that fold alike are refused at indexing,
        # so both indexes give the same record.
        record = self._by_text.get(text)
        return self._by_name.get(normalize(text)) if record is None else record

    def involving(self, *ids: str) -> tuple[T_co, ...]:
        """The records that involve every one of the given partners or people.

        Args:
            *ids: Partner or person ids (names are accepted too and resolved as `lookup` does).

        Raises:
            NotFound: An id or name is not a known partner or person.
            QueryError: No ids were given, or this collection's records involve no partners or people.
            TypeError: An argument is not a string.

        Examples:
            >>> import vn_diplomacy as vd
            >>> all("US" in e.partners for e in vd.engagements.involving("US"))
            True
        """
        if not ids:
            raise QueryError("involving() needs at least one partner or person id")
        for given in ids:
            if not isinstance(given, str):  # pyright: ignore[reportUnnecessaryIsInstance]  # guards untyped callers
                raise TypeError(f"each id must be a str, got {type(given).__name__}: {given!r}")
        if not self._has_refs:
            raise QueryError(f"{self._kind} records involve no partners or people; involving() does not apply")
        resolved = [given if self._resolve is None else self._resolve(given) for given in ids]
        matches = [self._by_ref.get(ref, []) for ref in dict.fromkeys(resolved)]
        smallest = min(matches, key=len)
        if len(matches) == 1:
            return tuple(smallest)
        wanted = set(resolved)
        return tuple(r for r in smallest if wanted.issubset(r.references()))

    def between(self, start: datetime.date, end: datetime.date) -> tuple[T_co, ...]:
        """The records whose dates overlap the closed range from `start` to `end`.

        A record overlaps when any day it can mean lies in the range (a record dated "2023"
        overlaps 2023-06-01..2023-06-02).

        Raises:
            QueryError: `end` is before `start`, or this collection's records are not dated.
            TypeError: `start` or `end` is not a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> july = vd.engagements.between(datetime.date(2025, 7, 10), datetime.date(2025, 7, 11))
            >>> len(july) >= 9
            True
        """
        require_day(start, "start")
        require_day(end, "end")
        if end < start:
            raise QueryError(f"end {end.isoformat()} is before start {start.isoformat()}; swap them")
        if not self._has_dates:
            raise QueryError(f"{self._kind} records are not dated; between() does not apply")
        # Dated records come first, by first day: those from `first` to `last` start within the range.
        first, last, reaching = overlapping(self._index, start.toordinal(), end.toordinal())
        inside = self._records[first:last]
        if not reaching:
            return inside
        records = self._records  # those that reach the range start before it, so they come before `inside`
        return (*[records[position] for position in reaching], *inside)

    def to_pandas(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame, one row per record in iteration order: the table of the collection's
        name that `Dataset.to_pandas` gives (and the CSV and Parquet exports), for exactly these records.

        The columns follow `vn_diplomacy.tables`: a date ``d`` is ``d`` as the data writes it (``"late 2023"``), then
        ``d_earliest`` and ``d_latest``, the first and last day it can mean, as ``datetime64`` (the same day twice
        when an article gives the day), then ``d_inference``; a day (``period_end``) is ``datetime64``; a decimal is
        an exact `Decimal`; a list of ids or names is one text cell, items joined by ``" | "``, which no item may
        hold, so ``cell.split(" | ")`` gives the items back (an empty list is ``""``); nested records are JSON text.
        `involving` and `between` return tuples of records: a `Collection` of them has their table, or their ids
        filter this one.

        Needs the ``pandas`` extra (``pip install 'vn_diplomacy[pandas]'``); pandas is imported only here.

        Raises:
            QueryError: pandas is not installed, or the records are of no collection of the package (a collection
                made of records of another class), which has no table.

        Examples:
            >>> import vn_diplomacy as vd
            >>> frame = vd.engagements.to_pandas()
            >>> davos = frame.set_index("id").loc["2025-chinh-keller-sutter-davos"]
            >>> davos["start"], davos["start_earliest"], davos["start_latest"]
            ('2025-01-01/2025-07-11', Timestamp('2025-01-01 00:00:00'), Timestamp('2025-07-11 00:00:00'))
            >>> davos["partners"].split(" | "), davos["people"].split(" | ")
            (['CH'], ['pham-minh-chinh', 'karin-keller-sutter'])
            >>> with_us = frame[frame["id"].isin([e.id for e in vd.engagements.involving("US")])]
            >>> len(with_us) == len(vd.engagements.involving("US"))
            True
        """
        from vn_diplomacy.tables import columns, rows  # noqa: PLC0415  # tables are not needed for queries

        name: CollectionName | None = next((item.name for item in COLLECTIONS if item.record is self._model), None)
        if name is None:
            raise QueryError(
                f"to_pandas() makes the table of one of the package's collections; {self._model.__name__} records "
                "belong to none of them"
            )
        table = columns(name)
        try:
            import pandas  # noqa: PLC0415  # an optional extra, imported only here
        except ImportError:
            raise QueryError("to_pandas() needs pandas: pip install 'vn_diplomacy[pandas]'") from None
        frame: pandas.DataFrame = pandas.DataFrame(list(rows(self._records, name)), columns=[c.name for c in table])
        for column in table:
            if column.type == "date":  # days as datetime64, which pandas sorts, filters and plots (not objects)
                frame[column.name] = pandas.to_datetime(frame[column.name])
        return frame

    def _not_found(self, key: str, how: str) -> NotFound:
        return not_found(self._kind, key, self._records, how)
