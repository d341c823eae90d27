"""Timing side by side, used by the suite and by its child processes: functions take turns, each after its own kind."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["side_by_side"]


def side_by_side(functions: dict[str, Callable[[], object]], rounds: int, block: int = 5) -> dict[str, list[float]]:
    """Wall times of `rounds` timed calls of each function, measured in alternating blocks.

    Each block is one untimed call and then `block` timed calls of one function; the functions take turns a
    block at a time. A call made right after another function has freed its result runs on the heap that
    result left behind: `json.loads` of the bundled files was measured 12-15% slower right after a load than
    right after another `json.loads`, which made ratios against it look better than they are. The untimed
    call absorbs that, so each function is timed after its own kind, as in a program that does one of them.
    """
    times: dict[str, list[float]] = {name: [] for name in functions}
    while len(next(iter(times.values()))) < rounds:
        for name, function in functions.items():
            untimed = function()  # on the heap the other function's result left
            del untimed
            for _ in range(min(block, rounds - len(times[name]))):
                start = time.perf_counter()
                result = function()
                times[name].append(time.perf_counter() - start)
                del result  # freed outside the timed span, for both sides alike
    return times
