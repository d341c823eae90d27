"""The benchmark suite: `python -m benchmarks` from the repository root prints every table in one run.

Each figure is measured side by side with its baseline in the same run, alternating (in-process timings in
blocks, each after an untimed call of its own), and reported as a median and a ratio. Sections:

1. cold start: fresh `python -c` processes (bare interpreter, `import vn_diplomacy`, `--help`, a first
   answer, the pydantic floor, pycountry's import plus a lookup);
2. in-process load of the bundled data against `json.loads` of the same bytes, timed in fresh child processes
   taking turns call by call, with the instructions of each call beside the times; the schema build apart;
3. query latency per call, each beside a plain dict lookup;
4. growth: synthetic data directories of 10^3, 10^4 and 10^5 engagements: load time, peak memory and
   query latency per size.

Options: `--runs N` (cold-start rounds, default 21), `--sizes 1000 10000` (growth sizes), `--quick`
(fewer rounds and sizes 10^3 and 10^4 only, for a smoke run).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.synthetic import PROBE_COUNT, PROBE_DAY, PROBE_PARTNER, bundled_dir, lookup_title, write_dataset
from benchmarks.timing import side_by_side

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from vn_diplomacy import Dataset

FLOOR = """\
from pydantic import BaseModel
class Point(BaseModel, frozen=True):
    x: int
Point.model_validate({"x": 1})
"""
FIRST_ANSWER = "import datetime, vn_diplomacy as vd\nvd.partners.get('US').tier_on(datetime.date(2024, 3, 19))"
ARGPARSE = "import argparse\nargparse.ArgumentParser(prog='x', description='y').print_help()"
PYCOUNTRY = "import pycountry\npycountry.countries.get(alpha_2='VN')"


@dataclass(frozen=True)
class Case:
    """One cold-start command: `python -c code`, or another argv."""

    label: str
    argv: tuple[str, ...]


def _env() -> dict[str, str]:
    """The environment of measured processes: bytecode caching on, as in any normal installation."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def _python(code: str) -> tuple[str, ...]:
    return (sys.executable, "-c", code)


def _cases() -> list[Case]:
    cases = [
        Case("(a) bare interpreter: `pass`", _python("pass")),
        Case("(b) `import vn_diplomacy`", _python("import vn_diplomacy")),
        Case("(c) `python -m vn_diplomacy --help`", (sys.executable, "-m", "vn_diplomacy", "--help")),
    ]
    cases.append(Case("(c) reference: argparse alone, printing a parser's help", _python(ARGPARSE)))
    script = Path(sys.executable).with_name("vn-diplomacy")
    if script.exists():
        cases.append(Case("(c) `vn-diplomacy --help` (console script)", (str(script), "--help")))
    cases += [
        Case("(d) import + first answer `partners.get('US').tier_on(...)`", _python(FIRST_ANSWER)),
        Case("(e) pydantic floor: import, one frozen model, one instance", _python(FLOOR)),
    ]
    # Commands as a user types them, through the console script where it is installed: one that needs only the
    # first group (sources and partners), and two that need every file.
    command = (str(script),) if script.exists() else (sys.executable, "-m", "vn_diplomacy")
    cases += [
        Case(f"(g) `vn-diplomacy {' '.join(argv)}`", (*command, *argv))
        for argv in (("partners",), ("engagements",), ("search", "railway"))
    ]
    if _has_module("pycountry"):
        cases.append(Case("(f) `import pycountry` + first lookup", _python(PYCOUNTRY)))
    return cases


def _has_module(name: str) -> bool:
    import importlib.util  # noqa: PLC0415  # only to probe for an optional benchmark dependency

    return importlib.util.find_spec(name) is not None


def _timed_run(argv: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def cold_start(runs: int) -> list[str]:
    """Median wall time of fresh processes, rounds alternating between the cases, as ratios."""
    cases, env = _cases(), _env()
    for case in cases:  # warm-up: write bytecode caches, fill the disk cache
        for _ in range(2):
            _timed_run(case.argv, env)
    times: dict[str, list[float]] = {case.label: [] for case in cases}
    for round_ in range(runs):
        shift = round_ % len(cases)  # rotate the order so no case always runs first
        for case in cases[shift:] + cases[:shift]:
            times[case.label].append(_timed_run(case.argv, env))
    median = {label: statistics.median(values) for label, values in times.items()}
    bare = median[cases[0].label]
    floor = next(value for label, value in median.items() if label.startswith("(e)"))
    rows = [
        f"Fresh processes, median of {runs} alternating rounds (after 2 warm-up runs each).",
        "",
        "| case | median | × bare (a) | × pydantic floor (e) |",
        "| --- | ---: | ---: | ---: |",
    ]
    rows += [
        f"| {label} | {value * 1000:.1f} ms | {value / bare:.2f} | {value / floor:.2f} |"
        for label, value in median.items()
    ]
    return rows


def _side_by_side(functions: dict[str, Callable[[], object]], rounds: int, block: int = 5) -> dict[str, float]:
    """The median of each function's times from `benchmarks.timing.side_by_side`."""
    times = side_by_side(functions, rounds, block)
    return {name: statistics.median(values) for name, values in times.items()}


def _child(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.child", *args], check=True, env=_env(), capture_output=True, text=True
    ).stdout
    figures: dict[str, float] = json.loads(out)
    return figures


def _json_of(directory: Path) -> Callable[[], object]:
    import vn_diplomacy as vd  # noqa: PLC0415  # after the cold-start section

    raw = [(directory / name).read_bytes() for name in vd.FILES.values()]
    return lambda: [json.loads(data) for data in raw]


def _load_of(directory: Path) -> Callable[[], object]:
    import vn_diplomacy as vd  # noqa: PLC0415  # after the cold-start section

    return lambda: vd.load(directory)


def _child_times(*args: str) -> dict[str, list[float]]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.child", *args], check=True, env=_env(), capture_output=True, text=True
    ).stdout
    times: dict[str, list[float]] = json.loads(out)
    return times


def _perf_counts() -> bool:
    """Whether `perf stat` counts instructions here (a virtual machine often has no counters: "<not supported>")."""
    if shutil.which("perf") is None:
        return False
    command = ["perf", "stat", "-x,", "-e", "instructions:u", "true"]
    done = subprocess.run(command, check=False, capture_output=True, text=True)  # fails where perf is not allowed
    return done.returncode == 0 and any(line.split(",")[0].isdigit() for line in done.stderr.splitlines())


def _instructions(argv: Sequence[str], tool: str) -> int:
    """The instructions a command executes, counted by `tool` ("perf" or "valgrind"), with a fixed hash seed."""
    env = {**_env(), "PYTHONHASHSEED": "0"}  # str hashes decide dict and set layouts, and so the work
    if tool == "perf":
        command = ["perf", "stat", "-x,", "-e", "instructions:u", "--", *argv]
        err = subprocess.run(command, check=True, env=env, capture_output=True, text=True).stderr
        return next(int(line.split(",")[0]) for line in err.splitlines() if line.split(",")[0].isdigit())
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv]
    err = subprocess.run(command, check=True, env=env, capture_output=True, text=True).stderr
    found = re.search(r"Collected : (\d+)", err)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{err}")
    return int(found.group(1))


def instruction_counts(calls: int) -> tuple[dict[str, float], str]:
    """Instructions per call of `json.loads` and of `vd.load` of the bundled data, and how they were counted.

    Each is the difference between a child that starts as the timed ones do and then makes `calls` calls, and
    one that makes none, divided by `calls`. Counts do not move with the machine's load, as times do; they
    leave out what a call waits for (memory, caches), so they complement the times rather than replace them.
    """
    tool = "perf" if _perf_counts() else "valgrind" if shutil.which("valgrind") else None
    if tool is None:
        return {}, "not counted: `perf stat -e instructions` is not supported here and valgrind is not installed"
    child = (sys.executable, "-m", "benchmarks.child", "repeat")
    start = _instructions((*child, "none", "0"), tool)
    counts = {what: (_instructions((*child, what, str(calls)), tool) - start) / calls for what in ("json", "load")}
    how = (
        "`perf stat -e instructions:u`"
        if tool == "perf"
        else "valgrind's callgrind (`perf stat -e instructions` gives no count here)"
    )
    return counts, f"{how}, PYTHONHASHSEED=0, per call: (a child making {calls} calls - one making none) / {calls}"


def in_process_load(rounds: int, children: int, calls: int) -> list[str]:
    """Validating and indexing the bundled data against json.loads of the same bytes; schema build apart.

    Timed in fresh child processes, the two taking turns call by call: the same start in each child, so the
    ratio no longer depends on what the suite ran before (in the suite's own process it moved from one side of
    3x to the other with the sections before it). Children alternate which of the two goes first.
    """
    schema = _child("schema")
    folder = bundled_dir()
    files = sorted(folder.glob("*.json"))
    size = sum(path.stat().st_size for path in files)
    times: dict[str, list[float]] = {"json": [], "load": []}
    for index in range(children):
        for name, values in _child_times("turns", str(rounds), ("json", "load")[index % 2]).items():
            times[name] += values
    median = {name: statistics.median(values) for name, values in times.items()}
    counts, how = instruction_counts(calls)
    rows = [
        f"The bundled data ({size / 1000:.0f} kB of JSON in {len(files)} files), median of {children * rounds} calls "
        f"each: {children} fresh processes, each timing {rounds} calls of each in turn, call by call, each after an "
        "untimed call of its kind (after one of each to build the schemas); `vd.load(dir)` reads the files, "
        "validates every record, checks every reference and builds the indexes; `json.loads` only parses bytes "
        f"already read. Instructions per call: {how}.",
        "",
        "| step | time | × `json.loads` | instructions | × `json.loads` |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    steps = ((f"`json.loads` of the {len(files)} files", "json"), ("`vd.load(dir)`, schemas already built", "load"))
    for label, name in steps:
        count = f"{counts[name] / 1e6:.2f} M | {counts[name] / counts['json']:.2f}" if counts else "- | -"
        rows.append(f"| {label} | {median[name] * 1000:.2f} ms | {median[name] / median['json']:.2f} | {count} |")
    rows += [
        "",
        "One-time costs, in a fresh process (not included above):",
        "",
        "| step | time |",
        "| --- | ---: |",
        f"| the floor's work in process: import pydantic, one model, one instance | {schema['floor'] * 1000:.1f} ms |",
        f"| then importing every record module of the registry: the model classes and their schemas | "
        f"{schema['modules'] * 1000:.1f} ms |",
        f"| first `vd.load(dir)` in the process | {schema['first_load'] * 1000:.1f} ms |",
        f"| later `vd.load(dir)` (median of 5) | {schema['steady_load'] * 1000:.1f} ms |",
        f"| one-time schema build: model classes + first load - later load | {schema['schema_build'] * 1000:.1f} ms |",
    ]
    return rows


def _per_call(stmt: Callable[[], object]) -> float:
    """Seconds per call: the best of 5 timeit repeats, each long enough to measure."""
    timer = timeit.Timer(stmt)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=5, number=number)) / number


def _query_row(name: str, query: Callable[[], object], baseline: float) -> str:
    per_call = _per_call(query)
    return f"| {name} | {per_call * 1e9:,.0f} ns | {per_call / baseline:.1f} |"


def queries() -> list[str]:
    """Per-call latency of each query on the bundled data, beside a plain dict lookup."""
    import vn_diplomacy as vd  # noqa: PLC0415  # after the cold-start section

    by_id = {partner.id: partner for partner in vd.partners}
    partners, engagements, people, us = vd.partners, vd.engagements, vd.people, vd.partners.get("US")
    day, start, end = datetime.date(2024, 3, 19), datetime.date(2025, 7, 10), datetime.date(2025, 7, 11)
    baseline = _per_call(lambda: by_id["US"])
    rows = [
        "Per call on the bundled data: best of 5 `timeit` repeats; the ratio is to `d['US']` on a plain dict.",
        "",
        "| query | per call | × dict lookup |",
        "| --- | ---: | ---: |",
        f"| `d['US']`, plain dict | {baseline * 1e9:,.0f} ns | 1.0 |",
        _query_row("`partners.get('US')`", lambda: partners.get("US"), baseline),
        _query_row(
            "`partners.lookup('United States')` (exact name)", lambda: partners.lookup("United States"), baseline
        ),
        _query_row("`partners.lookup('u.s.')` (folded)", lambda: partners.lookup("u.s."), baseline),
        _query_row("`people.lookup('bùi thanh sơn')` (folded)", lambda: people.lookup("bùi thanh sơn"), baseline),
        _query_row("`engagements.involving('US')`", lambda: engagements.involving("US"), baseline),
        _query_row(
            "`engagements.involving('bui thanh son', 'Wang Yi')` (names)",
            lambda: engagements.involving("bui thanh son", "Wang Yi"),
            baseline,
        ),
        _query_row("`engagements.between(2025-07-10, 2025-07-11)`", lambda: engagements.between(start, end), baseline),
        _query_row("`partners.with_tier(Tier.STRATEGIC)`", lambda: partners.with_tier(vd.Tier.STRATEGIC), baseline),
        _query_row("`partners.get('US').tier_on(day)`", lambda: us.tier_on(day), baseline),
    ]
    return rows


@dataclass(frozen=True)
class Growth:
    """The figures of one synthetic size."""

    count: int
    json_bytes: int
    json_time: float
    load_time: float
    peak: float
    json_peak: float
    query: dict[str, float]
    """Seconds per call of each query at this size."""
    smallest: dict[str, float]
    """Seconds per call of each query at the smallest size, measured in turn with `query`."""


def _queries(data: Dataset, count: int) -> dict[str, Callable[[], object]]:
    """The growth queries on a synthetic dataset of `count` engagements, each with the same number of matches."""
    engagements = data.engagements
    middle = engagements.ids[count // 2]
    title = lookup_title(count // 2)
    folded = "  " + title.upper().replace(" ", "  ") + ". "
    probes = engagements.involving(PROBE_PARTNER)
    assert len(probes) == PROBE_COUNT
    # Only the probes cover the probe day, some of them for a year; around it, a fifth of the records are a year
    # long, so a query that looked back as far as the longest span would read the records of a year.
    assert engagements.between(PROBE_DAY, PROBE_DAY) == probes
    return {
        "get": lambda: engagements.get(middle),
        "lookup exact": lambda: engagements.lookup(title),
        "lookup folded": lambda: engagements.lookup(folded),
        "involving": lambda: engagements.involving(PROBE_PARTNER),
        "between (probe day)": lambda: engagements.between(PROBE_DAY, PROBE_DAY),
    }


def _in_turn(first: Callable[[], object], second: Callable[[], object]) -> tuple[float, float]:
    """Seconds per call of each: the best of 5 `timeit` repeats, the two taking turns repeat by repeat.

    The sizes are measured minutes apart; a query timed only then would carry the machine's state of that
    moment into the comparison of sizes. Timed in turn with the smallest size's, it is compared with a figure
    taken under the same conditions.
    """
    timers = (timeit.Timer(first), timeit.Timer(second))
    numbers = [timer.autorange()[0] for timer in timers]
    best = [float("inf"), float("inf")]
    for _ in range(5):
        for index, (timer, number) in enumerate(zip(timers, numbers, strict=True)):
            best[index] = min(best[index], timer.timeit(number) / number)
    return best[0], best[1]


def _growth_one(count: int, root: Path, rounds: int, smallest: dict[str, Callable[[], object]] | None) -> Growth:
    import vn_diplomacy as vd  # noqa: PLC0415  # after the cold-start section

    folder = root / f"n{count}"
    size = write_dataset(folder, count)
    memory = _child("memory-load", str(folder))
    json_memory = _child("memory-json", str(folder))
    # Blocks of one: the two sides take turns call by call, each call after an untimed one of its own kind, so
    # a change in the machine's load over the seconds a large size takes falls on both sides alike.
    times = _side_by_side({"json": _json_of(folder), "load": _load_of(folder)}, rounds, block=1)
    data = vd.load(folder)
    queries = _queries(data, count)
    paired = {name: _in_turn((smallest or queries)[name], query) for name, query in queries.items()}
    del data, queries
    gc.collect()
    return Growth(
        count,
        size,
        times["json"],
        times["load"],
        memory["peak"],
        json_memory["peak"],
        {name: pair[1] for name, pair in paired.items()},
        {name: pair[0] for name, pair in paired.items()},
    )


def growth(sizes: Sequence[int], rounds: int) -> list[str]:
    """Load time, peak memory and query latency of synthetic data directories of each size."""
    import vn_diplomacy as vd  # noqa: PLC0415  # after the cold-start section

    with tempfile.TemporaryDirectory(prefix="vn-diplomacy-bench-") as root:
        folder = Path(root) / "smallest"
        write_dataset(folder, sizes[0])
        smallest = vd.load(folder)  # kept: every size's queries are timed in turn with this one's
        results = [_growth_one(count, Path(root), rounds, _queries(smallest, sizes[0])) for count in sizes]
    first = results[0]
    rows = [
        "Synthetic data directories (the bundled files plus N generated engagements, every one citing known "
        "partners, people and sources, dated in the forms and about the proportions of the bundled engagements: "
        "two thirds a day or a few days, a fifth a year, the rest a month, months or a part of a year; "
        f"{PROBE_COUNT} of them involve `{PROBE_PARTNER}` at every size, and only they cover the probe day "
        f"{PROBE_DAY.isoformat()}, several of them for a year). Load: median "
        f"of {rounds} calls, taking turns with as many `json.loads` of the same bytes, each call after an untimed one "
        "of its kind. Peak memory: the "
        "RSS high-water mark a fresh process adds while loading, after its imports.",
        "",
        "| engagements | JSON | `json.loads` | `vd.load(dir)` | × `json.loads` | load per engagement "
        "| peak memory | × JSON size | `json.loads` peak |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows += [
        f"| {r.count:,} | {r.json_bytes / 1e6:.1f} MB | {r.json_time * 1000:,.0f} ms | {r.load_time * 1000:,.0f} ms "
        f"| {r.load_time / r.json_time:.2f} | {r.load_time / r.count * 1e6:.1f} µs | {r.peak / 1e6:,.0f} MB "
        f"| {r.peak / r.json_bytes:.1f} | {r.json_peak / 1e6:,.0f} MB |"
        for r in results
    ]
    names = list(first.query)
    rows += [
        "",
        f"Query latency per call at each size (best of 5 `timeit` repeats); the last column is the largest size "
        f"against {first.count:,}, the two timed in turn, repeat by repeat, in the same minute.",
        "",
        "| query | " + " | ".join(f"{r.count:,}" for r in results) + f" | × at {first.count:,} |",
        "| --- | " + " | ".join("---:" for _ in results) + " | ---: |",
    ]
    rows += [
        f"| `{name}` | "
        + " | ".join(f"{r.query[name] * 1e9:,.0f} ns" for r in results)
        + f" | {results[-1].query[name] / results[-1].smallest[name]:.2f} |"
        for name in names
    ]
    return rows


def _machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line]
        if models:
            cpu = f"{models[0]} × {len(models)}"
    import pydantic  # noqa: PLC0415  # for its version only

    return [
        f"- date: {datetime.datetime.now(tz=datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {platform.system()} {platform.release()}, {cpu}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), pydantic {pydantic.VERSION}",
        f"- command: `{' '.join(['python', '-m', 'benchmarks', *sys.argv[1:]])}`",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run every section and print the report as Markdown."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="The vn_diplomacy benchmark suite.")
    parser.add_argument("--runs", type=int, default=21, help="cold-start rounds (default 21)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000], help="growth sizes")
    parser.add_argument("--quick", action="store_true", help="a smoke run: fewer rounds, sizes 10^3 and 10^4")
    parser.add_argument(
        "--only", choices=["cold", "load", "queries", "growth"], nargs="+", help="run only these sections"
    )
    args = parser.parse_args(argv)
    # The bundled load: 21 children of 10 calls a side. Its ratio moves by some 10 % from one process to the next
    # (2.4-3.5 x in 20 children in a row), more than from one call to the next, so many short children give a
    # steadier median than a few long ones (four runs of each, in turn: 2.57-2.97 against 2.69-3.17 for 7 of 30).
    runs, rounds, sizes, children, per_child, calls = args.runs, 15, args.sizes, 21, 10, 20
    if args.quick:
        runs, rounds, sizes, children, per_child, calls = 5, 3, [1000, 10_000], 3, 4, 2
    sections: list[tuple[str, str, Callable[[], list[str]]]] = [
        ("cold", "Cold start", lambda: cold_start(runs)),
        ("load", "In-process load of the bundled data", lambda: in_process_load(per_child, children, calls)),
        ("queries", "Query latency", queries),
        ("growth", "Growth", lambda: growth(sizes, max(3, rounds // 3))),
    ]
    print("\n".join(_machine()))
    for key, title, section in sections:
        if args.only and key not in args.only:
            continue
        print(f"\n### {title}\n", flush=True)
        print("\n".join(section()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
