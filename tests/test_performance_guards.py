"""The mechanisms that keep the package fast, each tied to the target of docs/performance.md it protects.

No test here is timed (speed is measured in benchmarks/): each checks that a mechanism is still in place, in a
fresh process where it is about start-up, so that a change that undoes one fails here before a benchmark run.
"""

from __future__ import annotations

import gc
import inspect
import subprocess
import sys
from pathlib import Path

import vn_diplomacy as vd
from vn_diplomacy.registry import COLLECTIONS, Entry

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


def run_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout


def test_importing_the_package_reads_no_data_and_imports_no_pydantic() -> None:
    """Target: `import vn_diplomacy` ≤ 1.3x bare interpreter; imports neither pydantic nor a data file.

    The modules looked for are those a first use does import: were one renamed, this test would fail, not pass.
    """
    listed = "print(sorted(sys.modules))\n"
    imported, used = run_python("import sys, vn_diplomacy as vd\n" + listed + "vd.partners\n" + listed).splitlines()
    for module in ("pydantic", "vn_diplomacy.dataset", "vn_diplomacy.records.base"):
        assert f"'{module}'" not in imported, module
        assert f"'{module}'" in used, module


def test_importing_the_package_imports_nothing_but_the_package() -> None:
    """Target: `import vn_diplomacy` ≤ 1.3x bare interpreter.

    Not even `typing`: a program that only imports the package pays for one small module.
    """
    bare = set(run_python("import sys; print('\\n'.join(sys.modules))").split())
    loaded = set(run_python("import sys, vn_diplomacy; print('\\n'.join(sys.modules))").split())
    assert loaded - bare <= {"vn_diplomacy", "__future__"}


def test_the_help_text_imports_no_pydantic() -> None:
    """Target: `vn-diplomacy --help` ≤ 1.3x bare interpreter (the help is printed without the data or its models)."""
    loaded = run_python(
        "import sys\nfrom vn_diplomacy.cli import main\nmain(['--help'])\nprint('pydantic' in sys.modules)"
    )
    assert loaded.strip().endswith("False")


def test_a_first_answer_imports_no_more_of_pydantic_than_a_model_needs() -> None:
    """Target: first answer in a fresh process ≤ 1.15x the pydantic floor.

    Beyond what a model with a described field and a validator imports, a first answer pays for no pydantic module.
    (pydantic.type_adapter and pydantic.functional_serializers were two such modules: ~3 ms of every first answer.)
    """
    floor = (
        "from pydantic import BaseModel, Field, model_validator\n"
        "class P(BaseModel):\n"
        "    x: int = Field(description='x')\n"
        "    @model_validator(mode='after')\n"
        "    def _check(self):\n"
        "        return self\n"
        "P(x=1)\n"
    )
    listed = "import sys\nprint('\\n'.join(m for m in sys.modules if m.split('.')[0] in {'pydantic', 'pydantic_core'}))"
    needed = set(run_python(floor + listed).split())
    answered = set(run_python("import vn_diplomacy as vd\nvd.partners.get('US')\n" + listed).split())
    assert answered - needed == set()


_OPENED_DATA = (
    "import os, sys\n"
    "opened = []\n"
    "def hook(event, args):\n"
    "    if event == 'open' and str(args[0]).endswith('.json'):\n"
    "        opened.append(str(args[0]))\n"
    "sys.addaudithook(hook)\n"
    "import vn_diplomacy as vd\n"
)
_REPORT = (
    "print(sorted(os.path.basename(name) for name in opened), "
    "sorted(m for m in sys.modules if m.startswith('vn_diplomacy.records.')))\n"
)


def _files_and_modules(rows: list[Entry]) -> str:
    """What `_REPORT` prints once the collections of `rows` are loaded: their files, their record modules and the
    record modules these import (`records.base` and `records.walk`, which the loader needs, always;
    `records.statement`, where a record holds statements; `records.tier`, the partners' tiers)."""
    files = sorted(row.file for row in rows)
    records = {row.record.__module__ for row in rows}
    shared = {
        module.__name__
        for name in records
        for module in map(inspect.getmodule, vars(sys.modules[name]).values())
        if module is not None and module.__name__.startswith("vn_diplomacy.records.")
    }
    return f"{files} {sorted(records | shared | {'vn_diplomacy.records.base', 'vn_diplomacy.records.walk'})}"


_FIRST_GROUP = _files_and_modules([row for row in COLLECTIONS if row.group == 0])  # sources and partners
_ALL_FILES_AND_MODULES = _files_and_modules(list(COLLECTIONS))


def test_a_first_question_about_partners_reads_and_builds_only_sources_and_partners() -> None:
    """Target: first answer in a fresh process ≤ 1.15x the pydantic floor.

    The collections that refer to partners are read, and their record modules imported (their models
    built), only when one of them is first used.
    """
    out = run_python(
        _OPENED_DATA + "vd.partners.get('US')\n" + _REPORT + "vd.people.get('bui-thanh-son')\n" + _REPORT
    ).splitlines()
    assert _FIRST_GROUP == (
        "['partners.json', 'sources.json'] "
        "['vn_diplomacy.records.base', 'vn_diplomacy.records.partner', 'vn_diplomacy.records.source', "
        "'vn_diplomacy.records.tier', 'vn_diplomacy.records.walk']"
    )
    assert out[0] == _FIRST_GROUP
    assert out[1] == _ALL_FILES_AND_MODULES


def test_commands_about_partners_and_sources_read_and_build_only_those() -> None:
    """Target: every command within 1.15x the pydantic floor (`partners` was 1.35x in instructions when the
    command line validated all eight files first).

    The command line uses the bundled data as the package does, a group at a time; a command that shows
    engagements still reads and validates the rest.
    """
    run = "import io, contextlib\nfrom vn_diplomacy.cli import main\n"
    quiet = "with contextlib.redirect_stdout(io.StringIO()):\n    main([{}])\n"
    code = _OPENED_DATA + run
    for command in ("'partners'", "'sources'", "'partners', '--tier', 'strategic'", "'engagements'"):
        code += quiet.format(command) + _REPORT
    out = run_python(code).splitlines()
    assert out == [_FIRST_GROUP, _FIRST_GROUP, _FIRST_GROUP, _ALL_FILES_AND_MODULES]


def test_load_still_validates_every_bundled_file_before_it_returns() -> None:
    """Target: first answer ≤ 1.15x the pydantic floor, met by validating the bundled data in two groups.

    That mechanism must not weaken `vd.load()`, which promises every file validated before it returns.
    """
    out = run_python(_OPENED_DATA + "vd.load()\n" + _REPORT)
    assert out.strip() == _ALL_FILES_AND_MODULES


def test_no_garbage_collection_runs_during_a_load_and_the_collector_is_restored(data_dir: Path) -> None:
    """Target: in-process load of the bundled data ≤ 3x `json.loads` of the same bytes (and at 10^5 engagements).

    The cyclic collector is paused for the whole load: run between the groups, it would walk every record made
    (one such run took the bundled load from 2.7x to 3.6x). A copy of the bundled data, not the small fixture
    data: enough objects are made that the collector, were it on, would run.
    """
    collections: list[str] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(f"generation {info['generation']}")

    load = vd.load  # imports the loader now: importing it is not loading, and runs before the pause
    gc.collect()
    gc.callbacks.append(record)
    try:
        load(data_dir)  # when the first of the process, its models are built inside the pause too
        during = len(collections)  # before anything else is allocated: the collector, back on, may then run
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(record)
    assert during == 0, collections


def test_a_load_leaves_a_paused_collector_paused() -> None:
    """Target: in-process load ≤ 3x `json.loads`: the pause restores the collector as it was, not always on."""
    gc.disable()
    try:
        vd.load(FIXTURE_DATA)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_equal_dates_of_one_load_are_one_object() -> None:
    """Targets: in-process load ≤ 3x `json.loads`; peak memory at 10^5 engagements ≤ 8x the size of the JSON.

    A load parses and checks each written date once and shares it across its files; an inferred date only with a
    date of the same reason, and nothing between two loads.
    """
    data = vd.load(FIXTURE_DATA)
    son_rubio = data.engagements.get("2025-07-11-son-rubio").start
    assert son_rubio.is_inferred
    assert data.engagements.get("2025-07-11-son-eu").start is son_rubio  # one file
    assert data.claims.get("vn-us-30-years-of-relations-2025").as_of is son_rubio  # across files
    assert data.people.get("marco-rubio").roles[0].as_of is son_rubio  # and nested in records
    session = data.engagements.get("2024-03-18-question-and-answer-session").start
    assert data.claims.get("vn-30-strategic-and-comprehensive-partners-2024-03").as_of is session
    normalised, established = data.partners.get("US").relations
    assert str(normalised.date) == str(established.date) == "1995"
    assert normalised.date is not established.date  # the same text, stated once and inferred once
    assert vd.load(FIXTURE_DATA).engagements.get("2025-07-11-son-rubio").start is not son_rubio


def test_the_growth_benchmarks_synthetic_data_loads(tmp_path: Path) -> None:
    """Target: `between` at 10^5 engagements within 1.5x of 10^3 (the growth benchmark measures it on this data).

    The synthetic folder takes every collection of the registry but engagements from the bundled data: a new
    collection, or a new shape of record, must not leave the benchmark writing a folder `vd.load` refuses.
    """
    code = (
        "import sys\nfrom pathlib import Path\nimport vn_diplomacy as vd\n"
        "from benchmarks.synthetic import PROBE_COUNT, PROBE_PARTNER, write_dataset\n"
        "write_dataset(Path(sys.argv[1]), 200)\n"
        "data = vd.load(sys.argv[1])\n"
        "print(len(data.engagements), len(data.engagements.involving(PROBE_PARTNER)) == PROBE_COUNT)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "synthetic")],
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "200 True\n")
