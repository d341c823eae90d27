"""Measurements that need a process of their own; the suite runs `python -m benchmarks.child MODE ...`.

Modes (each prints one JSON object on stdout):
    schema                    the one-time cost of building the schemas, in a fresh process
    memory-load DIR           peak RSS added by `vd.load(DIR)`, in a fresh process
    memory-json DIR           peak RSS added by `json.loads` of the same files, in a fresh process
    turns ROUNDS FIRST        wall times of `vd.load` of the bundled data and of `json.loads` of its bytes, taking
                              turns call by call (FIRST, "json" or "load", goes first), after one of each
    repeat WHAT N             the same start (imports, one load, one `json.loads`), then N calls of WHAT ("load",
                              "json" or "none"): the suite counts the instructions of runs with different N
"""

from __future__ import annotations

import gc
import importlib
import json
import resource
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.synthetic import bundled_dir
from benchmarks.timing import side_by_side

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["current_rss", "main"]

_PAGE: int = resource.getpagesize()


def current_rss() -> int:
    """The resident set size of this process now, in bytes (Linux)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * _PAGE


def _peak_rss() -> int:
    """The RSS high-water mark since the last `_reset_peak()` (VmHWM), in bytes (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _reset_peak() -> None:
    """Start the high-water mark afresh from the current RSS (Linux >= 4.0), so earlier peaks do not count."""
    Path("/proc/self/clear_refs").write_text("5")


def _schema() -> dict[str, float]:
    start = time.perf_counter()
    pydantic = importlib.import_module("pydantic")  # the floor's work, in process: pydantic and one model
    point = pydantic.create_model("Point", x=(int, ...), __config__=pydantic.ConfigDict(frozen=True))
    point.model_validate({"x": 1})
    floor = time.perf_counter()
    # The model classes of every collection: their schemas are built (vd.load(dir) needs them all).
    from vn_diplomacy import loader as loading  # noqa: PLC0415
    from vn_diplomacy.registry import COLLECTIONS  # noqa: PLC0415

    for item in COLLECTIONS:
        _ = item.record  # imports its module: the class and its schema are built

    defined = time.perf_counter()
    folder = bundled_dir()
    first_start = time.perf_counter()
    loading.load(folder)
    first = time.perf_counter() - first_start
    later: list[float] = []
    for _ in range(5):
        again = time.perf_counter()
        loading.load(folder)
        later.append(time.perf_counter() - again)
    later.sort()
    steady = later[len(later) // 2]
    return {
        "floor": floor - start,
        "modules": defined - floor,
        "first_load": first,
        "steady_load": steady,
        "schema_build": defined - floor + first - steady,
    }


def _memory(directory: Path, *, what: str) -> dict[str, float]:
    import vn_diplomacy as vd  # noqa: PLC0415  # imported before the baseline is taken

    vd.load()  # schemas built and bundled data loaded before the baseline
    names = list(vd.FILES.values())
    size = sum((directory / name).stat().st_size for name in names)
    gc.collect()
    _reset_peak()
    before, peak_before = current_rss(), _peak_rss()
    if what == "load":
        result: object = vd.load(directory)
    else:
        result = [json.loads((directory / name).read_bytes()) for name in names]
    peak_after = _peak_rss()
    retained = current_rss() - before
    del result
    return {
        "json_bytes": size,
        "peak": peak_after - before,
        "retained": retained,
        "new_peak": peak_after > peak_before,
    }


def _bundled_calls() -> dict[str, Callable[[], object]]:
    """`vd.load` of the bundled data and `json.loads` of its bytes, each called once already (schemas built)."""
    import vn_diplomacy as vd  # noqa: PLC0415  # the modes above take their baseline before importing it

    folder = bundled_dir()
    raw = [(folder / name).read_bytes() for name in vd.FILES.values()]
    calls: dict[str, Callable[[], object]] = {
        "json": lambda: [json.loads(data) for data in raw],
        "load": lambda: vd.load(folder),
    }
    for call in calls.values():
        call()
    return calls


def _turns(rounds: int, first: str) -> dict[str, list[float]]:
    """Both bundled calls timed in turn, call by call, each after an untimed one of its kind, `first` first.

    In a fresh process, so the figures do not depend on what the suite ran before (in the suite's own process
    the ratio moved from one side of 3x to the other with the sections run before it).
    """
    calls = _bundled_calls()
    ordered = {name: calls[name] for name in sorted(calls, key=lambda name: name != first)}
    return side_by_side(ordered, rounds, block=1)


def _repeat(what: str, count: int) -> dict[str, float]:
    calls = _bundled_calls()
    if what != "none":
        call = calls[what]
        for _ in range(count):
            call()
    return {}


def main(argv: list[str]) -> int:
    """Run one mode and print its figures as JSON."""
    mode, *rest = argv
    figures: dict[str, float] | dict[str, list[float]]
    if mode == "schema":
        figures = _schema()
    elif mode in ("memory-load", "memory-json"):
        figures = _memory(Path(rest[0]), what=mode.removeprefix("memory-"))
    elif mode == "turns":
        figures = _turns(int(rest[0]), rest[1])
    elif mode == "repeat":
        figures = _repeat(rest[0], int(rest[1]))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
