"""Ids on a terminal: a table's long ids cut short, and any unambiguous start of an id taken for the whole.

On a terminal, a table shows each id longer than `LONG` characters as its first words (the parts between
hyphens), at least `SHORTEST` characters together and a letter among them, that start no other id of its
collection, then "…" (``...`` where stdout is not UTF-8): ``vn-cn-71-years…`` for
``vn-cn-71-years-diplomatic-relations``, ``2025-07-10-son…`` for ``2025-07-10-son-wang-yi``.

Every command that takes an id takes such a start, with or without its "…", as git takes a commit's short
hash: an exact id (or, where names are taken, a name) always wins; otherwise a start of `LEAST` characters or
more that begins one id only names that record, and one that begins several is wrong usage, whose message
lists them. Piped tables, CSV and JSON keep whole ids; the Python API is unchanged (`Collection.get` takes an
exact id, `Collection.lookup` an id or a name).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Generic, TypeVar

from vn_diplomacy.cli._parser import UsageError
from vn_diplomacy.errors import NotFound

if TYPE_CHECKING:
    from collections.abc import Sequence

    from vn_diplomacy.collection import Collection
    from vn_diplomacy.records.base import Record

__all__ = ["ELLIPSIS", "LEAST", "LONG", "SHORTEST", "resolve", "shortened"]

SHORTEST = 8
"""The fewest characters a shortened id keeps: fewer would be hard to tell apart, and change as the data grows."""

LONG = 16
"""The longest id a table shows whole: to cut a shorter one would save a few columns and cost its readability."""

LEAST = 4
"""The fewest characters taken as the start of an id (git's least for a short hash): "US" is an id or nothing."""

ELLIPSIS = "…"
"""What ends a shortened id: the reader sees it is cut, and a command given it back ignores it."""

_SHOWN = 8  # ids an ambiguous start lists at most

R = TypeVar("R", bound="Record")


def _stem(text: str) -> str:
    """`text` without the "…" (or "...") a shortened id ends with."""
    text = text.strip()
    for mark in (ELLIPSIS, "..."):
        text = text.removesuffix(mark)
    return text


class _Starts(Generic[R]):
    """A collection's records sorted by their ids with case folded, to find those an id's start begins."""

    def __init__(self, collection: Collection[R]) -> None:
        self.records = sorted(collection, key=lambda item: item.id.casefold())
        self.keys = [item.id.casefold() for item in self.records]

    def starting(self, text: str) -> list[R]:
        """The records whose ids start with `text` (case ignored), if it is long enough to be taken as a start."""
        stem = _stem(text).casefold()
        if len(stem) < LEAST:
            return []
        first = last = bisect.bisect_left(self.keys, stem)
        while last < len(self.keys) and self.keys[last].startswith(stem):
            last += 1
        return self.records[first:last]


def resolve(collection: Collection[R], text: str, *, names: bool = True) -> R:
    """The record `text` names: its id, or with `names` an id or name as `lookup` takes it; else the one
    record whose id `text` starts.

    Raises:
        NotFound: Nothing is named by `text` or starts with it (the collection's own error, with suggestions).
        UsageError: `text` starts several ids; the message lists them.
    """
    return _resolve(collection, _Starts(collection), text, names=names)


def _resolve(collection: Collection[R], starts: _Starts[R], text: str, *, names: bool) -> R:
    exact = collection.find(text) if names else collection.get(text) if text in collection else None
    if exact is not None:
        return exact
    matches = starts.starting(text)
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(item.id for item in matches[:_SHOWN])
        more = f" and {len(matches) - _SHOWN} more" if len(matches) > _SHOWN else ""
        raise UsageError(
            f"{text.strip()!r} starts {len(matches)} {collection.kind} ids: {listed}{more}; give more of the id"
        )
    return collection.lookup(text) if names else collection.get(text)


def shortened(collection: Collection[Record], ids: Sequence[str], mark: str = ELLIPSIS) -> list[str]:
    """Each of `ids` (ids of `collection`) as a table on a terminal shows it: an id longer than `LONG` is cut
    after its first words that make at least `SHORTEST` characters, hold a letter (a date alone says little
    beside a table's dates) and name it alone, then `mark`.

    A cut is kept only if `resolve` gives its record back for it, with `mark` or without, whether the command
    takes names or ids only; an id no cut shortens is shown whole.
    """
    starts = _Starts(collection)
    return [_cut(collection, starts, whole, mark) for whole in ids]


def _cut(collection: Collection[Record], starts: _Starts[Record], whole: str, mark: str) -> str:
    if len(whole) <= LONG:
        return whole
    record = collection.get(whole)
    for end, character in enumerate(whole):
        if character != "-" or end < SHORTEST:
            continue
        if end + len(mark) >= len(whole):  # no shorter than the id: show it whole
            break
        start = whole[:end]
        if any(character.isalpha() for character in start) and all(
            _gives(collection, starts, given, record) for given in (start, start + mark)
        ):
            return start + mark
    return whole


def _gives(collection: Collection[Record], starts: _Starts[Record], text: str, record: Record) -> bool:
    """Whether `text` names `record` for every command that takes an id (with names and without)."""
    try:
        return all(_resolve(collection, starts, text, names=names) is record for names in (True, False))
    except (UsageError, NotFound):
        return False
