"""The index `Collection.between` searches: which records start in a range, and which start before it and reach it."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    import datetime

__all__ = ["SpanIndex", "overlapping", "span_index"]

Span: TypeAlias = "tuple[datetime.date, datetime.date] | None"
# One node of the index (see `span_index`): the middle day of its block; its records' first days and positions,
# in iteration order; their last days in order, and their positions in that order.
_Node: TypeAlias = "tuple[int, list[int], list[int], list[int], list[int]]"
SpanIndex: TypeAlias = "tuple[list[int], list[int], list[tuple[_Node, ...]]]"
"""The first day of each dated record; the days on which the nodes covering a day change; the nodes from each."""


def span_index(spans: tuple[Span, ...]) -> SpanIndex:
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
    """The nodes of `span_index`: the days on which those with a record covering a day change, and those nodes.

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


def overlapping(index: SpanIndex, day: int, end: int) -> tuple[int, int, list[int]]:
    """The records that overlap the days from `day` to `end` (day numbers, `date.toordinal()`).

    Returns:
        The run of the iteration order that starts within the range (its first and last position + 1), and the
        positions, in order, of the records that start before it and reach it.
    """
    firsts, changes, covering = index
    first = bisect.bisect_left(firsts, day)
    last = bisect.bisect_right(firsts, end, first)
    # The records that start before the range and reach it, from the nodes that hold a record covering its first
    # day: a prefix by first day before a node's middle, a suffix by last day from it on.
    reaching: list[int] = []
    change = bisect.bisect_right(changes, day)  # the nodes from the last change on or before `day`
    for middle, node_firsts, by_first, node_lasts, by_last in covering[change - 1] if change else ():
        if day < middle:  # every record here ends after `day`: those that start before it
            reaching += by_first[: bisect.bisect_left(node_firsts, day)]
        else:  # every record here starts before `day`: those that end on or after it
            reaching += by_last[bisect.bisect_left(node_lasts, day) :]
    reaching.sort()
    return first, last, reaching
