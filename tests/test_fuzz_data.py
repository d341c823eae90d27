"""Bad data never breaks the loader: any mutation of a data file gives a DataError naming a file, or a whole dataset.

Each example writes a copy of the bundled data with one file mutated (truncated, retyped, extended with
unknown fields, dangling references, duplicate ids, huge strings, deep nesting, random bytes or random
JSON) and loads it. The loader must raise a `DataError` whose message starts with the file at fault, or
return every record of every file: never another exception, never a hang, never part of the data.

Time budget: each test runs `FUZZ_EXAMPLES` examples (25 unless the environment variable of that name
says otherwise, e.g. `FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_data.py` for a long local run), each
within `deadline`; with the bundled data an example takes a few milliseconds, so the file stays within
a few seconds on CI.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

import importlib_resources
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vn_diplomacy as vd
from vn_diplomacy import DataError
from vn_diplomacy.errors import shown
from vn_diplomacy.records.base import references_of
from vn_diplomacy.registry import COLLECTIONS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

Json = object  # what json.loads gives: None, bool, int, float, str, list or dict of these
Record = dict[str, Json]

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=datetime.timedelta(seconds=10),  # a hang fails the test instead of stalling CI
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_FOLDER = importlib_resources.files("vn_diplomacy") / "data"
BUNDLED: dict[str, bytes] = {name: _FOLDER.joinpath(name).read_bytes() for name in vd.FILES.values()}
FILES = sorted(BUNDLED)
KNOWN_IDS = frozenset({vd.VIETNAM} | {r.id for collection in (vd.partners, vd.people, vd.sources) for r in collection})
# The fields of a record that hold partner or person ids, per file, as the record classes declare them: a value
# outside KNOWN_IDS dangles.
REFERENCES: dict[str, tuple[str, ...]] = {
    row.file: fields
    for row in COLLECTIONS
    if (fields := tuple(r.field for r in references_of(row.record) if r.direct and r.involves))
}
# Ids that are well formed (text without "|" or control characters), so that only their dangling is at fault.
ids = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp"), exclude_characters="|"), min_size=1, max_size=12
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def records(name: str) -> list[Record]:
    """The records of a bundled file, parsed afresh (so a test may change them)."""
    return cast("list[Record]", json.loads(BUNDLED[name]))


def dump(value: Json) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode()


def load_mutated(name: str, content: bytes) -> DataError | None:
    """Load the bundled data with `name` replaced by `content`: the DataError raised, or None if it loaded whole."""
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root)
        for file, raw in BUNDLED.items():
            (folder / file).write_bytes(content if file == name else raw)
        failure: DataError | None
        try:
            data = vd.load(folder)
        except DataError as error:
            failure = error
        else:
            failure = None
            for collection, file in vd.FILES.items():  # nothing half loaded: every record of every file
                parsed = cast("list[Json]", json.loads((folder / file).read_bytes()))
                assert len(data[collection]) == len(parsed), collection
    if failure is not None:
        assert failure.file.startswith(str(folder)), failure.file
        assert failure.file.removeprefix(str(folder) + os.sep) in BUNDLED, failure.file
        assert str(failure).startswith((failure.file + ":", failure.file + ",")), str(failure)
    return failure


def assert_names(error: DataError | None, name: str) -> DataError:
    assert error is not None, f"a broken {name} loaded"
    assert error.file.endswith(os.sep + name), (error.file, name)
    return error


def dicts_in(value: Json, path: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], dict[str, Json]]]:
    """Every JSON object inside `value`, with its path."""
    if isinstance(value, dict):
        yield path, cast("dict[str, Json]", value)
        for key, item in cast("dict[str, Json]", value).items():
            yield from dicts_in(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(cast("list[Json]", value)):
            yield from dicts_in(item, (*path, index))


def strings_in(value: Json) -> Iterator[tuple[Callable[[Json], None], str]]:
    """Every string value inside `value`, with a function that replaces it."""
    if isinstance(value, dict):
        mapping = cast("dict[str, Json]", value)
        for key, item in mapping.items():
            if isinstance(item, str):
                yield partial(mapping.__setitem__, key), item
            else:
                yield from strings_in(item)
    elif isinstance(value, list):
        items = cast("list[Json]", value)
        for index, item in enumerate(items):
            if isinstance(item, str):
                yield partial(items.__setitem__, index), item
            else:
                yield from strings_in(item)


files = st.sampled_from(FILES)


@FUZZ
@given(files, st.data())
def test_a_truncated_file_is_malformed_json(name: str, data: st.DataObject) -> None:
    raw = BUNDLED[name]
    cut = data.draw(st.integers(0, raw.rindex(b"]") - 1), label="cut")  # every cut before the closing bracket
    error = assert_names(load_mutated(name, raw[:cut]), name)
    assert "malformed JSON" in str(error)


@FUZZ
@given(files, st.data(), json_values)
def test_any_value_replaced_by_any_json_loads_whole_or_names_a_file(name: str, data: st.DataObject, junk: Json) -> None:
    items = records(name)
    record = data.draw(st.sampled_from(items), label="record")
    field = data.draw(st.sampled_from(sorted(record)), label="field")
    record[field] = junk
    load_mutated(name, dump(items))


@FUZZ
@given(files, st.data(), st.text(min_size=1, max_size=30))
def test_an_unknown_field_is_named(name: str, data: st.DataObject, key: str) -> None:
    items = records(name)
    index = data.draw(st.integers(0, len(items) - 1), label="record")
    path, target = data.draw(st.sampled_from(list(dicts_in(items[index]))), label="object")
    if key in target:
        key += "_unknown"
    target[key] = "anything"
    error = assert_names(load_mutated(name, dump(items)), name)
    assert "Extra inputs are not permitted" in str(error)
    assert error.field == ".".join(str(part) for part in (*path, key))


@FUZZ
@given(st.sampled_from(sorted(REFERENCES)), st.data(), ids)
def test_a_dangling_reference_is_named(name: str, data: st.DataObject, ref: str) -> None:
    if ref in KNOWN_IDS:
        ref += "-unknown"
    items = records(name)
    field = data.draw(st.sampled_from(REFERENCES[name]), label="field")
    record = data.draw(st.sampled_from(items), label="record")
    record[field] = [ref] if isinstance(record.get(field, []), list) else ref
    error = assert_names(load_mutated(name, dump(items)), name)
    # shown(): a long id is cut short in the message, as any value of a data file is
    assert f"unknown partner id {shown(ref)}" in str(error) or f"unknown person id {shown(ref)}" in str(error)


@FUZZ
@given(files, st.data(), ids)
def test_evidence_citing_an_unknown_source_is_named(name: str, data: st.DataObject, source: str) -> None:
    if source in KNOWN_IDS:
        source += "-unknown"
    items = records(name)
    cited = [target for record in items for _, target in dicts_in(record) if "source" in target and "quote" in target]
    data.draw(st.sampled_from(cited), label="evidence")["source"] = source
    error = assert_names(load_mutated(name, dump(items)), name)
    assert f"evidence cites unknown source {shown(source)}" in str(error)


@FUZZ
@given(files, st.data())
def test_a_duplicate_id_is_named(name: str, data: st.DataObject) -> None:
    items = records(name)
    items.insert(data.draw(st.integers(0, len(items))), data.draw(st.sampled_from(items)))
    error = assert_names(load_mutated(name, dump(items)), name)
    assert "duplicate" in str(error)


@FUZZ
@given(files, st.data(), st.integers(10_000, 1_000_000), st.characters(codec="utf-8"))
def test_a_huge_string_loads_whole_or_names_the_file(name: str, data: st.DataObject, size: int, character: str) -> None:
    items = records(name)
    replace, _ = data.draw(st.sampled_from(list(strings_in(items))), label="string")
    replace(character * size)
    error = load_mutated(name, dump(items))
    if error is not None:
        assert len(str(error)) < 2_000  # the bad value is shown cut short


@FUZZ
@given(files, st.data(), st.integers(2, 200_000), st.sampled_from(["[", '{"a":']))
def test_deeply_nested_junk_is_named(name: str, data: st.DataObject, depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    junk = opener * depth + ("[]" if opener == "[" else "1") + closer * depth
    if data.draw(st.booleans(), label="whole file"):
        mutated = junk
    else:  # in place of one field of one record: written as JSON around a marker, then spliced in
        items = records(name)
        record = data.draw(st.sampled_from(items), label="record")
        record[data.draw(st.sampled_from(sorted(record)), label="field")] = "\u0000marker"
        mutated = dump(items).decode().replace('"\\u0000marker"', junk)
    assert_names(load_mutated(name, mutated.encode()), name)


@FUZZ
@given(files, st.binary(max_size=2_000))
def test_random_bytes_load_whole_or_name_the_file(name: str, content: bytes) -> None:
    error = load_mutated(name, content)
    if error is not None:
        assert_names(error, name)


@FUZZ
@given(files, json_values)
def test_a_file_of_random_json_loads_whole_or_names_a_file(name: str, content: Json) -> None:
    load_mutated(name, dump(content))


@pytest.mark.parametrize("name", FILES)
def test_an_empty_file_is_malformed(name: str) -> None:
    assert "malformed JSON" in str(assert_names(load_mutated(name, b""), name))
