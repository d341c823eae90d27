"""A date in a data file is its ISO text alone, or exactly {"date", "inference"}: what the JSON Schema says.

The validator and the shipped schema's date definition are compared over generated values: the validator
accepts exactly what a portable form of the schema accepts, on days the calendar has, and the shipped schema
now writes those portable patterns; `shipped_laxness` names the ways an older, laxer one differed, which the
last tests keep out.
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
import unicodedata
from typing import TYPE_CHECKING, Any, Final, cast

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import ValidationError

import vn_diplomacy as vd
from vn_diplomacy import DataError, PartialDate
from vn_diplomacy.dates import SHARED_DATES, TEXT_PATTERN

if TYPE_CHECKING:
    from pathlib import Path

D = datetime.date


def read_as_data(value: object, *, mode: str = "python") -> PartialDate:
    """Validate `value` as the loader validates a date of a data file: while `SHARED_DATES` is set."""
    token = SHARED_DATES.set({})
    try:
        if mode == "json":
            return PartialDate.model_validate_json(json.dumps(value))
        return PartialDate.model_validate(value)
    finally:
        SHARED_DATES.reset(token)


# --- each rule, with the message it gives -------------------------------------------------------


RULE: Final = "a date written as an object has the keys 'date' and 'inference' and no others"
STATED: Final = 'a stated date is its text alone, e.g. "2023"'


@pytest.mark.parametrize(
    ("value", "unknown"),
    [
        # A key besides "date" and "inference" used to override the written date: this was a date in 1990.
        ({"date": "2025", "inference": "why", "year": 1990}, ["year"]),
        ({"date": "2025", "inference": "why", "month": 3}, ["month"]),
        ({"date": "2025", "inference": "why", "until": "2026"}, ["until"]),
        ({"date": "2025", "inference": "why", "note": "x", "part": "late"}, ["note", "part"]),
        ({"year": 2025}, ["year"]),  # the model's own fields are no written form
        ({"year": 2025, "month": 7, "day": 11}, ["year", "month", "day"]),
    ],
)
def test_each_key_besides_date_and_inference_is_named(value: object, unknown: list[str]) -> None:
    """Each is reported at its own place, as an unknown field of any record is: the loader names it."""
    with pytest.raises(ValidationError) as error:
        read_as_data(value)
    assert [(e["type"], e["loc"], e["msg"]) for e in error.value.errors()] == [
        ("extra_forbidden", (key,), f"Extra inputs are not permitted: {RULE}; {STATED}") for key in unknown
    ]


@pytest.mark.parametrize(
    ("value", "got"),
    [({"date": "2025"}, "'date'"), ({"inference": "why"}, "'inference'"), ({}, "no keys")],
)
def test_a_date_object_needs_both_keys(value: object, got: str) -> None:
    with pytest.raises(ValidationError) as error:
        read_as_data(value)
    assert [e["msg"] for e in error.value.errors()] == [f"Value error, {RULE}, got: {got}; {STATED}"]


def test_a_date_object_outside_a_load_is_as_strict() -> None:
    with pytest.raises(ValidationError, match=f"year\n  Extra inputs are not permitted: {RULE}"):
        PartialDate.model_validate({"date": "2025", "inference": "why", "year": 1990})
    with pytest.raises(ValidationError, match=f"{RULE}, got: 'date'"):
        PartialDate.model_validate({"date": "2025"})


def test_outside_a_load_a_date_is_still_made_from_its_fields() -> None:
    assert str(PartialDate(year=2023, month=2)) == "2023-02"
    assert str(PartialDate.model_validate({"year": 2023, "part": "late"})) == "late 2023"
    assert PartialDate.parse("2023", inference=None) == PartialDate.parse("2023")


@pytest.mark.parametrize(
    ("inference", "message"),
    [
        (None, "'inference' must be a string saying why the date is inferred, got: None"),
        (1995, "'inference' must be a string saying why the date is inferred, got: 1995"),
        ("", "'inference' must say why the date is inferred, got: ''"),
        ("   ", "'inference' must say why the date is inferred, got: '   '"),
        (" counted back", "'inference' has no whitespace before or after it, got: ' counted back'"),
        ("counted back\n", "'inference' has no whitespace before or after it"),
        ("counted back\u3000", "'inference' has no whitespace before or after it"),
        ("counted\nback", r"'inference' holds no control characters \(a line break, a tab\), got: 'counted\\nback'"),
        ("counted\x00back", "'inference' holds no control characters"),
        ("counted\x85back", "'inference' holds no control characters"),
    ],
)
def test_an_inference_says_why_in_plain_text(inference: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        read_as_data({"date": "1995", "inference": inference})


def test_an_inference_made_from_fields_is_checked_too() -> None:
    with pytest.raises(ValidationError, match="'inference' must say why the date is inferred, got: ''"):
        PartialDate(year=1995, inference="")
    with pytest.raises(ValidationError, match="'inference' has no whitespace before or after it"):
        PartialDate.parse("1995", inference="why ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("٢٠٢٣", "a date is written with the ASCII digits 0-9, got: '٢٠٢٣'"),  # Arabic-Indic
        ("\uff12\uff10\uff12\uff13", "a date is written with the ASCII digits 0-9, got: '\uff12\uff10\uff12\uff13'"),
        ("2023-0٩", "a date is written with the ASCII digits 0-9"),  # one Arabic-Indic nine
        ("2023-09-10/2023-09-1১", "a date is written with the ASCII digits 0-9"),  # a Bengali one
        (
            "\U0001d7d0\U0001d7ce\U0001d7d0\U0001d7d1",
            "a date is written with the ASCII digits 0-9",
        ),  # mathematical bold
        (" 2023", "a date has no whitespace before or after it, got: ' 2023'"),
        ("2023 ", "a date has no whitespace before or after it"),
        ("2023\n", "a date has no whitespace before or after it"),
        ("\t2023-12", "a date has no whitespace before or after it"),
        ("2023-12\u00a0", "a date has no whitespace before or after it"),
        ("2023\x00", "a date holds no control characters, got: '2023\\\\x00'"),
        ("2023-\x0c12", "a date holds no control characters"),
        ("2023\x7f", "a date holds no control characters"),
        ("0000", "a year runs from 0001 to 9999, got: '0000'"),
        ("0000-01-01", "a year runs from 0001 to 9999"),
        ("late 0000", "a year runs from 0001 to 9999"),
        ("2023/0000", "a year runs from 0001 to 9999, got: '2023/0000'"),
        ("10000", "a year has four digits, from 0001 to 9999, got: '10000'"),
        ("12023-01", "a year has four digits, from 0001 to 9999"),
        ("2023/10000", "a year has four digits, from 0001 to 9999"),
        ("2023-09-11/2023-09-10", "a range must end after its start ends, got: 2023-09-11/2023-09-10"),
        ("2023-09-10/2023-09-10", "a range must end after its start ends"),
        ("2024/2023-12", "a range must end after its start ends"),
        ("late 2023/2023-10", "a range must end after its start ends"),
    ],
)
def test_each_slip_in_a_written_date_is_named(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        read_as_data(text)
    with pytest.raises(ValidationError, match=message):
        PartialDate.parse(text)


def test_in_a_data_file_a_date_of_another_type_says_what_a_date_is() -> None:
    with pytest.raises(ValidationError, match=r'a date is a string written "YYYY", .*, or \{"date": ..., "inference'):
        read_as_data(2023)


def test_a_bad_date_in_a_data_file_names_file_record_and_field(data_dir: Path) -> None:
    path = data_dir / "engagements.json"
    records: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    records[0]["start"] = {"date": "2025-07-11", "inference": "the article gives the day", "year": 1990}
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=f"Extra inputs are not permitted: {RULE}") as error:
        vd.load(data_dir)
    assert error.value.file.endswith("engagements.json")
    assert error.value.record == repr(records[0]["id"])
    assert error.value.field == "start.year"


@pytest.mark.parametrize(
    "start",
    ["\u0662\u0660\u0662\u0665-\u0660\u0667-\u0661\u0661", {"year": 2025, "month": 7, "day": 11}, " 2025-07-11"],
)
def test_the_loader_reads_dates_strictly(data_dir: Path, start: object) -> None:
    """The loader validates its files while SHARED_DATES is set: what makes a dict of fields no date there."""
    path = data_dir / "engagements.json"
    records: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    records[0]["start"] = start
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        vd.load(data_dir)
    assert error.value.file.endswith("engagements.json")
    assert error.value.field in {"start", "start.year"}


# --- the validator against the JSON Schema --------------------------------------------------------

SCHEMAS: Final = {name: cast("dict[str, Any]", schema) for name, schema in vd.json_schema().items()}
SHIPPED: Final = cast("dict[str, Any]", SCHEMAS["engagements"]["$defs"]["PartialDate"])

# What the shipped date definition would say to mean, in any engine, what the validator accepts short of
# the calendar. JSON Schema reads patterns as ECMA-262 does, where \d is [0-9] and $ ends the text; the
# jsonschema package uses Python's re, where \d is any script's digit and $ also matches before a final "\n".
_YEAR: Final = "(?!0000)[0-9]{4}"
_ONE: Final = f"(?:(?:early|mid|late) {_YEAR}|{_YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?)"
PORTABLE_TEXT: Final = rf"^{_ONE}(?:/{_ONE})?$(?!\n)"
# Controls (C0, DEL, C1) and what str.strip() strips: no inference starts or ends with these.
_SPACE: Final = r"\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
PORTABLE_INFERENCE: Final = rf"^[^{_SPACE}](?:[^\u0000-\u001f\u007f-\u009f]*[^{_SPACE}])?$(?!\n)"


def portable(schema: dict[str, Any]) -> dict[str, Any]:
    """The date definition with the portable patterns (and minLength, which the inference pattern implies)."""
    text, inferred = (dict(branch) for branch in schema["anyOf"])
    text["pattern"] = PORTABLE_TEXT
    inferred["properties"] = {
        "date": text,
        "inference": {"type": "string", "minLength": 1, "pattern": PORTABLE_INFERENCE},
    }
    return {**schema, "anyOf": [text, inferred]}


def valid(check: jsonschema.Draft202012Validator, value: object) -> bool:
    return check.is_valid(value)  # pyright: ignore[reportUnknownMemberType, reportArgumentType]  # the stubs type instances narrowly


def is_read(value: object, *, mode: str = "python") -> bool:
    try:
        read_as_data(value, mode=mode)
    except ValidationError:
        return False
    return True


SHIPPED_CHECK: Final = jsonschema.Draft202012Validator(SHIPPED)
PORTABLE_CHECK: Final = jsonschema.Draft202012Validator(portable(SHIPPED))
PARTS: Final = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def days(one: str) -> tuple[D, D]:
    """The first and last days of one end of a date the portable pattern accepts; ValueError if there are none."""
    words = one.split(" ")
    if len(words) == 2:
        (first, last), year = PARTS[words[0]], int(words[1])
        return D(year, first, 1), D(year, last, calendar.monthrange(year, last)[1])
    year, *rest = (int(number) for number in one.split("-"))
    if not rest:
        return D(year, 1, 1), D(year, 12, 31)
    if len(rest) == 1:
        return D(year, rest[0], 1), D(year, rest[0], calendar.monthrange(year, rest[0])[1])
    return D(year, *rest), D(year, *rest)


def on_the_calendar(value: object) -> bool:
    """Whether a value the portable schema accepts names real days, a range ending after its start ends."""
    text = cast("dict[str, str]", value)["date"] if isinstance(value, dict) else cast("str", value)
    try:
        ends = [days(one) for one in text.split("/")]
    except ValueError:  # 2023-02-30
        return False
    return len(ends) == 1 or ends[1][0] > ends[0][1]


def shipped_laxness(value: object) -> str | None:
    """How the shipped schema, under Python's re, accepts a value the portable one rejects; None if it does not."""
    if isinstance(value, dict):
        inference = cast("dict[str, object]", value).get("inference")
        if isinstance(inference, str) and (
            inference != inference.strip() or any(c < " " or "\x7f" <= c <= "\x9f" for c in inference)
        ):
            return "an inference with whitespace around it or a control character in it"
        value = cast("dict[str, object]", value).get("date")
    if not isinstance(value, str):
        return None
    if any(c.isdigit() and not c.isascii() for c in value):
        return r"\d matches any script's digits"
    if value.endswith("\n"):
        return r"$ matches before a final line break"
    if re.search(r"(?:^|[ /])0000", value):
        return "the year 0000"
    return None


def ascii_digits(text: str) -> str:
    """`text` with every digit of any script written as its ASCII digit."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)


def padded(text: str, pad: tuple[str, str]) -> str:
    return pad[0] + text + pad[1]


PADS: Final = [(" ", ""), ("", " "), ("\t", ""), ("", "\u3000"), ("", "\n")]
shipped_texts = st.from_regex(TEXT_PATTERN, fullmatch=True)  # with any script's digits
texts: st.SearchStrategy[str] = st.one_of(
    shipped_texts,
    shipped_texts.map(ascii_digits),  # most of them real dates
    st.text(alphabet="0123456789-/ earlymidt\n\t\x00\x85\u00a0\u0662\u0663\uff12", max_size=24),
    st.builds(padded, shipped_texts.map(ascii_digits), st.sampled_from(PADS)),
    st.text(max_size=12),
)
inferences = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["why", " why", "why ", "w\nhy", "\u3000why", "why\u200b", "\ufeffwhy", "w\x85y", "\x1cwhy"]),
)
leaves: st.SearchStrategy[object] = st.one_of(texts, st.integers(), st.none())
values: st.SearchStrategy[object] = st.one_of(
    texts,
    st.fixed_dictionaries({"date": texts, "inference": inferences}),
    st.dictionaries(
        st.sampled_from(["date", "inference", "year", "month", "day", "part", "until", "why"]), leaves, max_size=4
    ),
    st.integers(),
    st.none(),
    st.lists(st.integers(), max_size=2),
)


@given(values)
@example("٢٠٢٣")
@example("\uff12\uff10\uff12\uff13")  # fullwidth
@example("2023\n")
@example("0000")
@example({"date": "2025", "inference": "why", "year": 1990})
@example({"year": 2025})
@example({"date": "2025", "inference": "why "})
def test_the_validator_accepts_what_the_portable_schema_accepts_on_the_calendar(value: object) -> None:
    accepted = is_read(value)
    assert accepted == (valid(PORTABLE_CHECK, value) and on_the_calendar(value))
    encodable = not any(0xD800 <= ord(c) <= 0xDFFF for c in json.dumps(value, ensure_ascii=False))
    if encodable:  # the loader reads JSON: the same answer
        assert is_read(value, mode="json") == accepted


@given(values)
@example("٢٠٢٣")
@example("2023\n")
@example("0000/2023")
@example({"date": "2025", "inference": "w\nhy"})
def test_the_shipped_schema_is_laxer_only_where_known(value: object) -> None:
    shipped, portable_ = valid(SHIPPED_CHECK, value), valid(PORTABLE_CHECK, value)
    assert shipped or not portable_  # never stricter
    if shipped and not portable_:
        assert shipped_laxness(value) is not None
        assert not is_read(value)


def test_every_schema_has_the_same_date_definition() -> None:
    holding = [schema["$defs"]["PartialDate"] for schema in SCHEMAS.values() if "PartialDate" in schema["$defs"]]
    assert len(holding) == 6  # every file but trade's has dates
    assert all(definition == SHIPPED for definition in holding)


def test_the_inference_pattern_strips_what_str_strip_strips() -> None:
    """The portable inference pattern's first and last characters exclude exactly controls and whitespace."""
    edge = re.compile(f"[^{_SPACE}]")
    for code in range(0x3100):  # every whitespace character is below U+3100
        char = chr(code)
        assert (edge.fullmatch(char) is None) == (char.isspace() or char < " " or "\x7f" <= char <= "\x9f"), hex(code)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("٢٠٢٣", id="arabic-indic-digits"),
        pytest.param("\uff12\uff10\uff12\uff13", id="fullwidth-digits"),
        pytest.param("2023\n", id="final-line-break"),
        pytest.param("0000", id="year-0000"),
        pytest.param({"date": "2023", "inference": " why"}, id="padded-inference"),
        pytest.param({"date": "2023", "inference": "w\nhy"}, id="control-in-inference"),
    ],
)
def test_the_shipped_schema_rejects_what_the_validator_rejects(value: object) -> None:
    assert not is_read(value)
    assert not valid(SHIPPED_CHECK, value)
