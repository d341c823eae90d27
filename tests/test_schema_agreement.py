"""The loader accepts nothing its own shipped JSON Schema rejects, on records generated to be wrong.

Each example takes a bundled record, puts a generated value in one of its fields at any depth (text with control
characters, white space, digits of other scripts, numbers, dates in other forms, objects with extra keys...),
and validates the one-record file both ways: with the record class (what the loader runs on every file before
its checks across files) and with the shipped schema. Whatever the record class accepts, the schema must accept.
The schema may accept more: rules between fields (an end before its start, a calendar day like 2023-02-30, the
order of a tier history) are the loader's alone, as the schemas' description says.
"""

from __future__ import annotations

import datetime
import json
import os
from typing import TYPE_CHECKING, Any, Final, cast

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import vn_diplomacy as vd
from vn_diplomacy.registry import COLLECTIONS, entry

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

Json = object

AGREEMENT = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=datetime.timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)

_tricky_text = st.sampled_from(
    [
        "",
        " ",
        "\t",
        "Japan\x1b[2J",
        "a\x00b",
        "a\rb",
        "a\nb",
        "a | b",
        "\u0085",
        "\u00a0",
        "2023",
        "late 2023",
        "2023-02-30",
        "2023-13",
        "２０２３",  # fullwidth digits  # noqa: RUF001
        "٢٠٢٣",  # Arabic-Indic digits
        "2023-09-10/2023-09-11",
        "2023-09-11/2023-09-10",
        "86400",
        "2024-01-01T00:00:00",
        "1e999999999",
        "88000000000",
        "-2",
        "0.5",
        "NaN",
        "US",
        "VN",
        "in-force",
        "meeting",
        "comprehensive-strategic",
    ]
)


# A date's object form with a key besides "date" and "inference": "year" once silently overrode the written date.
def _date_with(key: str, value: object, inferred: bool) -> dict[str, object]:  # built by st.builds
    return {"date": "2023", key: value, **({"inference": "why"} if inferred else {})}


_tricky_dates = st.builds(
    _date_with,
    st.sampled_from(["year", "month", "day", "part", "until", "note"]),
    st.sampled_from([1999, 2, "late", "2024", None]),
    st.booleans(),
)
# Keys a date's object form must refuse ("year" once overrode the written date), and keys of other objects.
_keys = st.sampled_from(["date", "inference", "year", "month", "day", "part", "until", "source", "quote"]) | st.text(
    max_size=6
)
values: st.SearchStrategy[Json] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _tricky_text
    | _tricky_dates
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["date", "inference", "extra", "source", "quote"]) | st.text(max_size=6), inner, max_size=3
        )
    ),
    max_leaves=8,
)


def _records(name: str) -> list[dict[str, Json]]:
    return [json.loads(json.dumps(record.model_dump(mode="json", exclude_defaults=True))) for record in vd.load()[name]]  # type: ignore[index]  # a registry name


BUNDLED: dict[str, list[dict[str, Json]]] = {row.name: _records(row.name) for row in COLLECTIONS}
SCHEMAS: dict[str, jsonschema.Draft202012Validator] = {
    row.name: jsonschema.Draft202012Validator(vd.json_schema(row.name)) for row in COLLECTIONS
}


def _valid(name: str, records: list[dict[str, Json]]) -> list[str]:
    """The shipped schema's complaints about a file of `records`, as text (none: valid)."""
    instance: Any = records  # jsonschema's stubs take JSON-like values; ours are parsed JSON, typed as objects
    errors: Iterable[jsonschema.ValidationError] = SCHEMAS[name].iter_errors(instance)  # pyright: ignore[reportUnknownMemberType]  # an overload in the stubs is partly untyped
    return [str(error.message) for error in errors]


def _slots(value: Json, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """The paths of every value inside `value` (keys and indexes), the value's own path first."""
    yield path
    if isinstance(value, dict):
        for key, inner in cast("dict[str, Json]", value).items():
            yield from _slots(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(cast("list[Json]", value)):
            yield from _slots(inner, (*path, index))


def _put(target: Json, path: tuple[object, ...], value: Json) -> None:
    for step in path[:-1]:
        target = target[step]  # type: ignore[index]  # a path found in this very value
    target[path[-1]] = value  # type: ignore[index]  # likewise


def _loader_accepts(name: str, records: list[dict[str, Json]]) -> bool:
    try:
        entry(name).record.model_validate_json(json.dumps(records[0]))
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("name", [row.name for row in COLLECTIONS])
def test_the_schema_accepts_every_bundled_record(name: str) -> None:
    assert _valid(name, BUNDLED[name]) == []


@AGREEMENT
@given(st.sampled_from([row.name for row in COLLECTIONS]), st.data(), values)
def test_whatever_the_loader_accepts_the_schema_accepts(name: str, data: st.DataObject, value: Json) -> None:
    record = json.loads(json.dumps(data.draw(st.sampled_from(BUNDLED[name]), label="record")))
    paths = [path for path in _slots(record) if path]
    path = data.draw(st.sampled_from(paths), label="path")
    _put(record, path, value)
    if _loader_accepts(name, [record]):
        assert _valid(name, [record]) == [], f"the loader accepts {value!r} at {path}, the schema does not"


def _evidence_paths(value: Json) -> list[tuple[object, ...]]:
    """The paths of every quote object in `value` (its "quote", "start" and "end"), at any depth."""
    found = [(path, _at(value, path)) for path in _slots(value)]
    return [path for path, inner in found if isinstance(inner, dict) and "quote" in inner and "start" in inner]


def _at(value: Json, path: tuple[object, ...]) -> Json:
    found: Any = value  # parsed JSON: dicts and lists all the way down the path
    for step in path:
        found = found[step]
    return cast("Json", found)


# A whole number written as another JSON type that lax parsing reads back as it: true for 1, "1" or 1.0.
_RETYPED: Final = {"boolean": bool, "text": str, "float": float}


@AGREEMENT
@given(
    st.sampled_from([row.name for row in COLLECTIONS]),
    st.data(),
    st.sampled_from(["start", "end"]),
    st.sampled_from(sorted(_RETYPED)),
)
def test_a_whole_number_written_as_another_type_is_refused(name: str, data: st.DataObject, key: str, form: str) -> None:
    """Offsets that add up to the quote's length, one written as a boolean, text or a float: lax pydantic read them
    as the number ("start": true as 1) and loaded a record the schema rejects. The loader refuses all three; the
    schema refuses the boolean and the text, and takes 1.0 for an integer as JSON Schema does (it may accept more)."""
    record = json.loads(json.dumps(data.draw(st.sampled_from(BUNDLED[name]), label="record")))
    evidence = cast("dict[str, Json]", _at(record, data.draw(st.sampled_from(_evidence_paths(record)), label="quote")))
    quote = str(evidence["quote"])
    if key == "end" and form == "boolean":  # true is 1: a one-character quote from 0
        number, evidence["quote"], evidence["start"], evidence["end"] = 1, quote[0], 0, 1
    elif key == "start" and form == "boolean":  # true is 1, false 0
        number = data.draw(st.sampled_from([0, 1]), label="start")
        evidence["start"], evidence["end"] = number, number + len(quote)
    else:
        number = cast("int", evidence[key])
    assert _loader_accepts(name, [record]), "the record with plain integers"
    assert _valid(name, [record]) == []
    evidence[key] = _RETYPED[form](number)
    assert not _loader_accepts(name, [record]), f"the loader accepts {evidence[key]!r} as {key}"
    assert (_valid(name, [record]) == []) is (form == "float")


# One of each class the adversarial probe found: both sides must refuse it.
KNOWN_BAD: list[tuple[str, tuple[object, ...], Json]] = [
    ("engagements", ("start",), {"date": "2023", "year": 1999}),  # an extra key overrode the written date
    ("engagements", ("start",), {"date": "2023", "inference": "why", "month": 2}),
    ("engagements", ("start",), "٢٠٢٣"),  # Arabic-Indic digits
    ("engagements", ("start",), "\uff12\uff10\uff12\uff13"),  # fullwidth digits
    ("engagements", ("title",), ""),
    ("engagements", ("title",), "   "),
    ("engagements", ("title",), "Talks\x1b[2J"),
    ("engagements", ("discussed",), ["trade | investment"]),
    ("trade", ("period_start",), "86400"),  # Unix seconds
    ("trade", ("value",), 88000000000),  # a JSON number goes through a float
    ("trade", ("value",), "1e999999999"),
    ("partners", ("aliases",), [""]),
    ("partners", ("evidence", 0, "quote"), "a bell\x07"),
]


@pytest.mark.parametrize(("name", "path", "value"), KNOWN_BAD)
def test_both_refuse_each_known_class_of_bad_value(name: str, path: tuple[object, ...], value: Json) -> None:
    record = json.loads(json.dumps(BUNDLED[name][0]))
    if path[0] in ("discussed", "aliases") and path[0] not in record:
        record[path[0]] = []
    _put(record, path, value)
    assert _valid(name, [record]) != []
    assert not _loader_accepts(name, [record])
