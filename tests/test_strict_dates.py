"""A date in a data file is its ISO text alone, or exactly {"date", "inference"}: what the JSON Schema says."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

import pytest
from pydantic import ValidationError

import vn_diplomacy as vd
from vn_diplomacy import DataError, PartialDate
from vn_diplomacy.dates import SHARED_DATES

if TYPE_CHECKING:
    from pathlib import Path


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
