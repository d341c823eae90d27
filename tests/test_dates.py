"""PartialDate keeps the precision the articles give, no finer."""

from __future__ import annotations

import datetime
import json
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from vn_diplomacy import PartialDate, Precision, Role, YearPart

if TYPE_CHECKING:
    from types import FrameType

D = datetime.date


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2023", Precision.YEAR, D(2023, 1, 1), D(2023, 12, 31)),
        ("early 2024", Precision.PART_OF_YEAR, D(2024, 1, 1), D(2024, 4, 30)),
        ("mid 2024", Precision.PART_OF_YEAR, D(2024, 5, 1), D(2024, 8, 31)),
        ("late 2023", Precision.PART_OF_YEAR, D(2023, 9, 1), D(2023, 12, 31)),
        ("2022-12", Precision.MONTH, D(2022, 12, 1), D(2022, 12, 31)),
        ("2024-02", Precision.MONTH, D(2024, 2, 1), D(2024, 2, 29)),
        ("2023-12-12", Precision.DAY, D(2023, 12, 12), D(2023, 12, 12)),
        ("2023-09-10/2023-09-11", Precision.RANGE, D(2023, 9, 10), D(2023, 9, 11)),
        ("2022-12/2024-03", Precision.RANGE, D(2022, 12, 1), D(2024, 3, 31)),
        ("late 2023/2024", Precision.RANGE, D(2023, 9, 1), D(2024, 12, 31)),
    ],
)
def test_precision_and_bounds(text: str, precision: Precision, earliest: D, latest: D) -> None:
    date = PartialDate.parse(text)
    assert str(date) == text
    assert date.precision is precision
    assert (date.earliest, date.latest) == (earliest, latest)
    assert date.contains(earliest)
    assert date.contains(latest)
    assert not date.contains(latest + datetime.timedelta(days=1))
    assert not date.is_inferred


def test_late_is_a_part_of_the_year() -> None:
    assert PartialDate.parse("late 2023").part is YearPart.LATE


@pytest.mark.parametrize(
    "text",
    [
        "2023-13",
        "2023-02-30",
        "23",
        "2023/12",
        "late 2023-12",
        "December 2023",
        "",
        "2023/2023-06",
        "2024/2023",
        "2021/2022/2023",
    ],
)
def test_malformed_dates_are_rejected(text: str) -> None:
    with pytest.raises(ValidationError):
        PartialDate.parse(text)


def test_rejection_says_which_forms_are_right() -> None:
    with pytest.raises(ValidationError, match=r'a date must be written "YYYY", "YYYY-MM", "YYYY-MM-DD"'):
        PartialDate.parse("December 2023")


def test_a_range_must_end_after_its_start() -> None:
    with pytest.raises(ValidationError, match="a range must end after its start ends, got: 2023-09-11/2023-09-10"):
        PartialDate.parse("2023-09-11/2023-09-10")


def test_a_day_needs_a_month() -> None:
    with pytest.raises(ValidationError, match="a day needs a month"):
        PartialDate(year=2023, day=5)


def test_inferred_dates_serialise_with_their_reasoning() -> None:
    date = PartialDate.parse("1995", inference="counted back from the 30th anniversary in 2025")
    assert date.is_inferred
    assert date.model_dump(mode="json") == {
        "date": "1995",
        "inference": "counted back from the 30th anniversary in 2025",
    }
    stated: object = PartialDate.parse("2023-12").model_dump(mode="json")  # a stated date dumps to its text
    assert stated == "2023-12"
    assert PartialDate.model_validate(date.model_dump(mode="json")) == date


@given(st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)), st.sampled_from(["year", "month", "day"]))
def test_written_form_round_trips(day: D, precision: str) -> None:
    text = {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}", "day": day.isoformat()}[precision]
    date = PartialDate.parse(text)
    assert str(date) == text
    assert PartialDate.parse(str(date)) == date
    assert date.earliest <= day <= date.latest


def test_first_and_last_days_are_kept_once_worked_out() -> None:
    """`earliest` and `latest` are computed on first use and kept; nothing else about the date changes."""
    date = PartialDate.parse("2024-02")
    fresh = PartialDate.parse("2024-02")
    assert (date.earliest, date.latest) == (D(2024, 2, 1), D(2024, 2, 29))
    assert date.latest is date.latest  # kept, not worked out again
    assert date == fresh  # a date that has worked them out equals one that has not
    assert hash(date) == hash(fresh)
    assert date.model_dump_json() == fresh.model_dump_json() == '"2024-02"'
    assert repr(date) == repr(fresh)
    assert date.model_fields_set == fresh.model_fields_set


def test_an_updated_copy_works_its_days_out_anew() -> None:
    date = PartialDate.parse("2023")
    assert date.latest == D(2023, 12, 31)
    february = date.model_copy(update={"month": 2})
    assert (february.earliest, february.latest) == (D(2023, 2, 1), D(2023, 2, 28))
    assert date.model_copy().latest == D(2023, 12, 31)  # a plain copy may keep them: they still hold
    assert date.latest == D(2023, 12, 31)  # the original is untouched


@pytest.mark.parametrize("mode", ["python", "json"])
def test_a_date_inside_a_record_is_checked_once(mode: str) -> None:
    """A date held by another model runs its checks once (pydantic runs a recursive model's twice: #13581)."""
    check = PartialDate.__pydantic_decorators__.model_validators["_check"].func.__code__
    role = {
        "title": "Minister",
        "entity": "VN",
        "as_of": "2023-09-10/2023-09-11",
        "evidence": [{"source": "s", "quote": "q", "start": 0, "end": 1}],
    }
    runs: list[object] = []

    def count(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and frame.f_code is check:
            runs.append(frame.f_locals["self"])

    sys.setprofile(count)
    try:
        made = Role.model_validate(role) if mode == "python" else Role.model_validate_json(json.dumps(role))
    finally:
        sys.setprofile(None)
    assert made.as_of.until == PartialDate.parse("2023-09-11")
    assert runs == [made.as_of.until, made.as_of]  # the end, then the range: once each
