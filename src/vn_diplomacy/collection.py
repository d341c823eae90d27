"""Read-only collections of records, with indexes built once: get, lookup, involving, between."""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from operator import attrgetter
from typing import TYPE_CHECKING, Final, Generic, TypeVar

from vn_diplomacy.errors import DataError, NotFound, QueryError, shown
from vn_diplomacy.models import Partner, Record, Tier, require_day

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    # One node of between()'s index (see `_span_index`): the middle day of its block; its records' first days
    # and positions, in iteration order; their last days in order, and their positions in that order.
    _Node = tuple[int, list[int], list[int], list[int], list[int]]

__all__ = ["Collection", "PartnerCollection", "normalize", "not_found", "suggest"]

# Covariant: collections are read-only, so a Collection[Partner] is a Collection[Record].
T_co = TypeVar("T_co", bound=Record, covariant=True)
R = TypeVar("R", bound=Record)
Span = tuple[datetime.date, datetime.date] | None

# Patterns, not compiled at import (half a millisecond of every first answer): only text in other scripts
# needs them, and re compiles and caches them on that first use.
_DROPPED: Final = r"[.'’‘`]"  # noqa: RUF001  # curly apostrophes are meant
_SEPARATORS: Final = r"[^0-9a-z]+"
_ID: Final = attrgetter("id")
# One str.translate for the non-ASCII text of names: it drops the combining marks Vietnamese letters decompose
# into (U+0300-U+036F) and the curly apostrophes, and makes dashes spaces, as the two rules above would; most
# names are ASCII after it, and take the fast way.
_UNICODE_FOLD: Final[dict[int, str | None]] = {
    **{code: None for code in range(0x300, 0x370) if unicodedata.combining(chr(code))},
    **dict.fromkeys(map(ord, "’‘"), None),  # noqa: RUF001  # curly apostrophes are meant
    **dict.fromkeys(map(ord, "–—"), " "),  # noqa: RUF001  # en and em dashes are meant
}
# The same two rules for ASCII text, as one bytes.translate: dots, apostrophes and backticks are deleted
# (its second argument), A-Z become a-z (all casefold() does to ASCII), and any other byte that is not a digit
# or a lowercase letter becomes a space.
_ASCII_FOLD: Final = bytes(
    c + 32 if "A" <= chr(c) <= "Z" else c if "0" <= chr(c) <= "9" or "a" <= chr(c) <= "z" else 32 for c in range(256)
)


def normalize(text: str) -> str:
    """Fold text for matching: case, Vietnamese diacritics (đ too), punctuation and spacing.

    Dots and apostrophes vanish ("U.S." is "us"); any other run of non-alphanumerics is one space.

    Examples:
        >>> normalize("  Bùi Thanh Sơn ")
        'bui thanh son'
        >>> normalize("U.S.") == normalize("us")
        True
    """
    if not text.isascii():  # most names and queries are ASCII, and skip all of this
        text = text.casefold()
        if not text.isascii():
            # Vietnamese marks decompose into U+0300-U+036F: one translate drops them (and curly apostrophes
            # and dashes), and most names are then ASCII. Whatever is left (other scripts, other marks) takes
            # the character-by-character way.
            text = unicodedata.normalize("NFKD", text.replace("đ", "d")).translate(_UNICODE_FOLD)
            if not text.isascii():
                text = "".join(c for c in text if not unicodedata.combining(c))
                return re.sub(_SEPARATORS, " ", re.sub(_DROPPED, "", text)).strip()
    # ASCII, as written or once folded: one table lowercases and folds at once, faster than casefold() (which
    # has no ASCII fast path in CPython) and two regexes.
    return " ".join(text.encode().translate(_ASCII_FOLD, b".'`").decode().split())


def suggest(key: str, choices: Iterable[str]) -> tuple[str, ...]:
    """Up to three of `choices` closest to `key` once both are folded by `normalize`, best first.

    Choices that start with the key come first, shortest first; then difflib's closest. Short
    keys (up to three characters, such as a mistyped id) take a looser cutoff.

    Examples:
        >>> suggest("JA", ["JP", "Japan", "US"])
        ('Japan', 'JP')
    """
    import difflib  # noqa: PLC0415  # only on the error path

    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(normalize(choice), choice)
    folded = normalize(key)
    cutoff = 0.5 if len(folded) <= 3 else 0.6
    starting = sorted((name for name in by_folded if name.startswith(folded)), key=len) if len(folded) >= 2 else []
    close = [*starting, *difflib.get_close_matches(folded, list(by_folded), n=3, cutoff=cutoff)]
    return tuple(dict.fromkeys(by_folded[c] for c in close))[:3]


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


def _span_index(spans: tuple[Span, ...]) -> tuple[list[int], list[int], list[tuple[_Node, ...]]]:
    """What `between` searches: the first day of each dated record, and which records of more than a day cover a day.

    The records that overlap a range are those that start in it, a run of the iteration order found by
    bisecting the first days, and those that start before it and reach it. For these, the records of more than a
    day go to the nodes of a centred interval tree laid out on the bits of the day numbers (`date.toordinal()`,
    below 2**22): a record from day `f` to day `l` goes to the level of the highest bit in which they differ,
    `shift`, and to the node of the block of days that share every bit above it. Every record of a node covers
    the middle of its block, where that bit turns from 0 to 1, so of a node's records those that cover a day
    before the middle are a prefix by first day, and those that cover a day from the middle on are a suffix by
    last day. A day lies in one block per level, so at most 22 nodes hold records that cover it, and which ones do
    changes only on a day a node's records start or stop covering days: for each such day, the index keeps the
    nodes from then on. A query bisects those days once and looks only at nodes with a record that covers its
    first day: O(log n) in C, and then Python work in proportion to what it returns.

    Args:
        spans: Each record's first and last day, in iteration order; the undated (None) last.

    Returns:
        The first days as day numbers; the days on which the nodes covering a day change; and, for each of
        those, the nodes with a record that covers the days from it to the next.
    """
    # One loop, appends and no helper calls: it runs for every dated record of a growing dataset, and for the
    # bundled data at every load (a map or a comprehension per step measured more instructions).
    firsts: list[int] = []
    by_node: dict[int, tuple[list[int], list[int], list[int]]] = {}  # shift + 32 * block -> firsts, positions, lasts
    for position, span in enumerate(spans):
        if span is None:
            break  # the undated come last, and match no range
        first, last = span[0].toordinal(), span[1].toordinal()
        firsts.append(first)
        if first != last:  # a record of one day never starts before a day it covers: no node needs it
            shift = (first ^ last).bit_length()
            key = shift | first >> shift << 5
            node = by_node.get(key)
            if node is None:
                by_node[key] = ([first], [position], [last])
            else:
                node[0].append(first)
                node[1].append(position)
                node[2].append(last)
    changes, covering = _covering(by_node)
    return firsts, changes, covering


def _covering(by_node: dict[int, tuple[list[int], list[int], list[int]]]) -> tuple[list[int], list[tuple[_Node, ...]]]:
    """The nodes of `_span_index`: the days on which those with a record covering a day change, and those nodes.

    Args:
        by_node: Each node's first days, positions and last days, in iteration order, by shift + 32 * block.

    Returns:
        Days in order, twice for each node: the first its records cover, and the day after the last. For each
        entry, the nodes with a record covering the days from then on. A day can appear more than once, and
        its last entry holds (the one `bisect_right` finds).
    """
    events: list[tuple[int, int, _Node]] = []
    for key, (node_firsts, positions, lasts) in by_node.items():
        shift = key & 31
        node_lasts, by_last = lasts, positions
        if len(positions) > 1 and lasts != sorted(lasts):  # often sorted already: records of one span
            pairs = sorted(zip(lasts, positions, strict=True))
            node_lasts = [pair[0] for pair in pairs]
            by_last = [pair[1] for pair in pairs]
        middle = key >> 5 << shift | 1 << (shift - 1)  # its lowest bit set is shift - 1: one node per middle
        node = (middle, node_firsts, positions, node_lasts, by_last)
        events += ((node_firsts[0], middle, node), (node_lasts[-1] + 1, middle, node))
    events.sort()  # by day, then middle: no two events of a day share both, so nodes are never compared
    changes: list[int] = []
    covering: list[tuple[_Node, ...]] = []
    active: dict[int, _Node] = {}
    # A sorted list of events and a snapshot per event measured fewer instructions than a dict of days.
    for day, middle, node in events:
        if active.pop(middle, None) is None:  # its first event: it starts covering days
            active[middle] = node
        changes.append(day)
        covering.append(tuple(active.values()))
    return changes, covering


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
        "_changes",
        "_covering",
        "_firsts",
        "_has_dates",
        "_has_refs",
        "_kind",
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
        self._resolve = resolve
        self._has_refs = model.references is not Record.references
        self._has_dates = model.span is not Record.span
        self._records, spans = _ordered(tuple(records), dated=self._has_dates)
        self._firsts, self._changes, self._covering = _span_index(spans)
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
            for record in self._records:
                refs = record.references()
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
        record = self._match(text)
        if record is None:
            raise self._not_found(text, "id or name")
        return record

    def _match(self, text: str) -> T_co | None:
        """What `lookup` finds, or None: no error to build, for callers that try several collections."""
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
        firsts, day = self._firsts, start.toordinal()
        first = bisect.bisect_left(firsts, day)
        last = bisect.bisect_right(firsts, end.toordinal(), first)
        inside = self._records[first:last]
        # The records that start before the range and reach it, from the nodes that hold a record covering
        # its first day (see `_span_index`): a prefix by first day before a node's middle, a suffix by last day
        # from it on.
        reaching: list[int] = []
        change = bisect.bisect_right(self._changes, day)  # the nodes from the last change on or before `day`
        for middle, node_firsts, by_first, node_lasts, by_last in self._covering[change - 1] if change else ():
            if day < middle:  # every record here ends after `day`: those that start before it
                reaching += by_first[: bisect.bisect_left(node_firsts, day)]
            else:  # every record here starts before `day`: those that end on or after it
                reaching += by_last[bisect.bisect_left(node_lasts, day) :]
        if not reaching:
            return inside
        reaching.sort()  # they all start before `start`, so they come before `inside`
        records = self._records
        return (*[records[position] for position in reaching], *inside)

    def _not_found(self, key: str, how: str) -> NotFound:
        return not_found(self._kind, key, self._records, how)


class PartnerCollection(Collection[Partner]):
    """The partners, with queries by tier."""

    __slots__ = ()

    def with_tier(self, tier: Tier, on: datetime.date | None = None) -> tuple[Partner, ...]:
        """The partners at exactly `tier` on the day `on` (the latest known tier when `on` is None).

        Raises:
            TypeError: `tier` is not a `Tier`, or `on` is neither None nor a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> from vn_diplomacy import Tier
            >>> "US" in [p.id for p in vd.partners.with_tier(Tier.COMPREHENSIVE, on=datetime.date(2020, 1, 1))]
            True
        """
        if not isinstance(tier, Tier):  # pyright: ignore[reportUnnecessaryIsInstance]  # guards untyped callers
            raise TypeError(f"tier must be a vn_diplomacy.Tier, e.g. Tier.STRATEGIC; got {tier!r}")
        if on is None:
            return tuple(p for p in self if p.tier is tier)
        require_day(on, "on")
        return tuple(p for p in self if p.tier_on(on) is tier)
