"""The loader is strict about what it accepts: each class of bad input found by the adversarial probe is a
`DataError` naming the file, the record and the field, and nothing the shipped JSON Schema rejects loads."""

from __future__ import annotations

import json
import os
import threading
from typing import TYPE_CHECKING, Any

import pytest

import vn_diplomacy as vd
from vn_diplomacy import DataError, NotFound

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

Records = list[dict[str, Any]]


def edit(folder: Path, file: str, change: Callable[[Records], None]) -> None:
    """Apply `change` to the parsed records of `file` and write them back."""
    path = folder / file
    records: Records = json.loads(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def record(records: Records, id_: str) -> dict[str, Any]:
    return next(r for r in records if r["id"] == id_)


def refused(folder: Path, pattern: str) -> DataError:
    with pytest.raises(DataError, match=pattern) as caught:
        vd.load(folder)
    return caught.value


# --- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("", "empty"),
        ("   ", "white space only"),
        ("Japan\x1b[2J", "an escape sequence would clear the user's terminal"),
        ("Ja\x00pan", "a NUL"),
        ("Japan\r", "a bare CR splits a CSV row"),
        ("Japan\u0085", "a C1 control character"),
    ],
)
def test_a_name_that_is_empty_or_holds_control_characters_is_refused(data_dir: Path, value: str, why: str) -> None:
    edit(data_dir, "partners.json", lambda rs: record(rs, "JP").update(name=value))
    error = refused(data_dir, r"must not be empty or white space only, and must hold no control character")
    assert (error.file, error.record, error.field) == (str(data_dir / "partners.json"), "'JP'", "name"), why


def test_a_list_item_holding_the_table_separator_is_refused_at_load(data_dir: Path) -> None:
    """'|' joins list items in a table cell; `validate` used to pass it and `export` refuse it half way."""
    edit(data_dir, "partners.json", lambda rs: record(rs, "US").update(aliases=["U.S. | USA"]))
    error = refused(data_dir, r"no '\|'")
    assert (error.record, error.field) == ("'US'", "aliases.0")


def test_a_quote_may_hold_a_line_break_but_no_other_control_character(data_dir: Path) -> None:
    def set_quote(quote: str) -> Callable[[Records], None]:
        def change(rs: Records) -> None:
            evidence = record(rs, "JP")["evidence"][0]
            evidence.update(quote=quote, end=evidence["start"] + len(quote))

        return change

    edit(data_dir, "partners.json", set_quote("first line\nsecond line"))
    assert vd.load(data_dir).partners.get("JP").evidence[0].quote == "first line\nsecond line"
    edit(data_dir, "partners.json", set_quote("a bell\x07"))
    error = refused(data_dir, r"a quote must not be empty and must hold no control character but line breaks")
    assert error.field == "evidence.0.quote"


def test_a_name_that_folds_to_nothing_is_refused(data_dir: Path) -> None:
    """A name made only of punctuation could never be looked up; worse, it would answer every such query."""
    edit(data_dir, "partners.json", lambda rs: record(rs, "CN").update(aliases=["?!"]))
    error = refused(data_dir, r"partner name '\?!' has no letter or digit to look it up by")
    assert error.record == "'CN'"


def test_a_name_in_another_script_is_found_by_itself_and_by_nothing_else(data_dir: Path) -> None:
    """An alias 中国 once folded to "" and then answered any text in another script, "Россия" included."""
    edit(
        data_dir,
        "partners.json",
        lambda rs: record(rs, "CN").update(aliases=[*record(rs, "CN").get("aliases", []), "中国"]),
    )
    partners = vd.load(data_dir).partners
    assert partners.lookup("中国").id == "CN"
    assert partners.find("Россия") is None
    assert partners.find("日本") is None
    with pytest.raises(NotFound, match="unknown partner id or name 'Россия'"):
        partners.lookup("Россия")


# --- numbers and days -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (88000000000, "a decimal is written as a JSON string"),  # a JSON number goes through a float
        (8.8e10, "a decimal is written as a JSON string"),
        ("1e999999999", "a decimal is written in plain digits"),  # an export would write a gigabyte of zeros
        ("8.8E+10", "a decimal is written in plain digits"),
        (" 88000000000", "a decimal is written in plain digits"),
        ("1.", "a decimal is written in plain digits"),
        ("NaN", "a decimal is written in plain digits"),
        ("٨٨", "a decimal is written in plain digits"),  # Arabic-Indic digits
        ("1" * 29, "a decimal has at most 28 digits"),
        ("0.0000000001", "at most 9 after the point"),  # Parquet's decimal(38, 9) would round it
    ],
)
def test_a_decimal_must_be_plain_digit_text_an_export_can_hold(data_dir: Path, value: object, message: str) -> None:
    edit(data_dir, "trade.json", lambda rs: rs[-1].update(value=value))
    error = refused(data_dir, message)
    assert (error.file.endswith("trade.json"), error.field) == (True, "value")


def test_a_decimal_of_28_digits_loads_exactly(data_dir: Path) -> None:
    edit(data_dir, "trade.json", lambda rs: rs[-1].update(value="-123456789012345678901234.5678"))
    (figure,) = [f for f in vd.load(data_dir).trade if f.unit == "USD"]
    assert str(figure.value) == "-123456789012345678901234.5678"


@pytest.mark.parametrize(
    "value",
    ["86400", 86400, "2024-01-01T00:00:00", "20240101", "2024-1-1", "\uff12\uff10\uff12\uff14-01-01"],  # fullwidth
)
def test_a_trade_period_end_is_an_iso_day_and_nothing_else(data_dir: Path, value: object) -> None:
    """Lax parsing took "86400" as 1970-01-02 (Unix seconds)."""
    edit(data_dir, "trade.json", lambda rs: rs[-1].update(period_start=value))
    assert refused(data_dir, r"a day is written as ISO text, YYYY-MM-DD").field == "period_start"


def _offsets(start: object, end: object, quote: str | None = None) -> Callable[[Records], None]:
    """Write the first quote of engagement 2025-07-11-son-rubio at `start` and `end` (and as `quote`, if given)."""

    def change(rs: Records) -> None:
        evidence = record(rs, "2025-07-11-son-rubio")["evidence"][0]
        evidence.update(start=start, end=end, **({} if quote is None else {"quote": quote}))

    return change


def _quote(folder: Path) -> str:
    records: Records = json.loads((folder / "engagements.json").read_text(encoding="utf-8"))
    quote: str = record(records, "2025-07-11-son-rubio")["evidence"][0]["quote"]
    return quote


@pytest.mark.parametrize(
    ("field", "written"),
    [
        ("start", True),  # lax pydantic read it as 1, and the offsets still added up
        ("start", False),  # as 0
        ("start", "1"),
        ("start", 1.0),  # the JSON Schema takes 1.0 for an integer; the loader is stricter, as it may be
        ("end", True),  # a one-character quote from 0 to true
        ("end", "1"),
        ("end", 1.0),
    ],
)
def test_an_offset_is_a_json_integer_and_nothing_else(fixture_dir: Path, field: str, written: object) -> None:
    """Each form above, read the lax way, gives offsets that add up to the quote's length, so it used to load."""
    quote = _quote(fixture_dir)
    one = 0 if written is False else 1  # the number the written form stands for
    start, end, text = (written, one + len(quote), None) if field == "start" else (0, written, quote[0])
    edit(fixture_dir, "engagements.json", _offsets(start, end, text))
    error = refused(fixture_dir, r"a whole number is written as a JSON integer such as 120: not true or false")
    assert (error.file, error.record, error.field) == (
        str(fixture_dir / "engagements.json"),
        "'2025-07-11-son-rubio'",
        f"evidence.0.{field}",
    )
    assert f"got: {written!r}" in error.reason
    edit(fixture_dir, "engagements.json", _offsets(one if field == "start" else 0, end if field == "start" else 1))
    evidence = vd.load(fixture_dir).engagements.get("2025-07-11-son-rubio").evidence[0]  # the same, as integers
    assert (evidence.start, evidence.end) == ((one, one + len(quote)) if field == "start" else (0, 1))


def test_a_date_s_whole_numbers_are_strict_too() -> None:
    """Outside a file a date may be given by its fields; True is no year, "12" and 12.0 no month."""
    from pydantic import ValidationError

    for fields in ({"year": True}, {"year": 2023, "month": "12"}, {"year": 2023, "month": 12, "day": 1.0}):
        with pytest.raises(ValidationError, match="Input should be a valid integer"):
            vd.PartialDate.model_validate(fields)
    assert str(vd.PartialDate(year=2023, month=12, day=1)) == "2023-12-01"


def test_an_engagement_may_end_at_a_coarser_date_than_it_starts(data_dir: Path) -> None:
    """2025-07-11 to 2025-07: the end is some day of July, which may well be on or after the 11th."""
    edit(data_dir, "engagements.json", lambda rs: record(rs, "2025-07-11-son-rubio").update(end="2025-07"))
    engagement = vd.load(data_dir).engagements.get("2025-07-11-son-rubio")
    assert str(engagement.end) == "2025-07"
    assert engagement.span() == (engagement.start.earliest, engagement.start.earliest.replace(day=31))


def test_an_engagement_that_surely_ends_before_it_starts_is_refused(data_dir: Path) -> None:
    edit(data_dir, "engagements.json", lambda rs: record(rs, "2025-07-11-son-rubio").update(end="2025-06"))
    assert refused(data_dir, r"end 2025-06 is before start 2025-07-11").record == "'2025-07-11-son-rubio'"


# --- JSON itself --------------------------------------------------------------------------------


def test_a_duplicate_key_is_refused_not_silently_overridden(data_dir: Path) -> None:
    path = data_dir / "partners.json"
    text = path.read_text(encoding="utf-8")
    assert text.count('"name": "Japan"') == 1
    path.write_text(text.replace('"name": "Japan"', '"name": "Japan", "name": "Atlantis"'), encoding="utf-8")
    error = refused(data_dir, r"the key 'name' appears twice in one object")
    assert (error.file, error.record, error.field) == (str(path), "'JP'", "name")


@pytest.mark.parametrize(
    ("written", "repeated"),
    [
        ('"name": "Japan", "name": "Atlantis"', "name"),
        ('"name": "Japan", "name" : "Atlantis"', "name"),  # white space before the colon: not counted by `":`
        ('"name" :\n "Japan", "name"\t: "Atlantis"', "name"),
        ('"name": "Japan", "kind": "state"', "kind"),  # the record has its kind already: same value, two keys
    ],
)
def test_a_repeated_key_is_found_however_it_is_spaced(data_dir: Path, written: str, repeated: str) -> None:
    path = data_dir / "partners.json"
    text = path.read_text(encoding="utf-8").replace(
        '"kind": "state",\n    "name": "Japan"', '"kind": "state",\n    "name": "Japan"'
    )
    if '"kind": "state", "kind"' in written:
        text = text.replace('"name": "Japan"', '"name": "Japan", "kind": "state"')
    else:
        text = text.replace('"name": "Japan"', written)
    path.write_text(text, encoding="utf-8")
    error = refused(data_dir, rf"the key '{repeated}' appears twice in one object")
    assert (error.record, error.field) == ("'JP'", repeated)


def test_spaced_keys_and_colons_in_text_load_as_any_other_json(data_dir: Path) -> None:
    """The key count that finds a repeated key must not take these for one."""
    path = data_dir / "partners.json"
    text = path.read_text(encoding="utf-8")
    text = text.replace('"name": "Japan"', '"name" :  "Japan"').replace('"name": "China"', '"name"\n:"China"')
    path.write_text(text, encoding="utf-8")
    edit(data_dir, "claims.json", lambda rs: rs[0].update(statement='He said ": twice": and "so" : on'))
    data = vd.load(data_dir)
    assert data.partners.get("JP").name == "Japan"
    assert data.partners.get("CN").name == "China"


# --- files and folders --------------------------------------------------------------------------


def test_a_fifo_in_place_of_a_data_file_is_refused_without_waiting(data_dir: Path) -> None:
    """Opening a FIFO for reading waits for a writer: the loader must not hang on one."""
    path = data_dir / "claims.json"
    path.unlink()
    os.mkfifo(path)
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            vd.load(data_dir)
        except BaseException as error:  # handed to the test thread to assert on
            outcome.append(error)
        else:
            outcome.append(None)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():  # release the reader so the thread can end, then fail
        with open(os.open(path, os.O_WRONLY | os.O_NONBLOCK), "wb"):
            pass
        pytest.fail("vd.load waited on a FIFO")
    (error,) = outcome
    assert isinstance(error, DataError)
    assert str(error) == f"{path}: not a regular file (a FIFO); a data file is a JSON file"


def test_a_data_file_linked_to_a_device_is_refused_before_reading(data_dir: Path) -> None:
    path = data_dir / "trade.json"
    path.unlink()
    path.symlink_to("/dev/zero")  # would read until memory runs out
    assert str(refused(data_dir, r"not a regular file \(a device\)")).startswith(str(path))


def test_a_data_file_that_is_a_folder_is_refused(data_dir: Path) -> None:
    (data_dir / "trade.json").unlink()
    (data_dir / "trade.json").mkdir()
    refused(data_dir, r"trade\.json: not a regular file \(a directory\)")


def test_a_data_file_larger_than_the_limit_is_refused_unread(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vn_diplomacy import _files

    size = (data_dir / "partners.json").stat().st_size
    monkeypatch.setattr(_files, "MAX_FILE_SIZE", size - 1)
    refused(data_dir, rf"partners\.json: the file is {size:,} bytes; a data file may be at most {size - 1:,}")


@pytest.mark.parametrize(
    ("directory", "message"),
    [
        ("x" * 5000, r"the data directory cannot be used: File name too long"),
        ("", r"the data directory is an empty path"),
    ],
)
def test_an_unusable_directory_name_is_a_data_error(directory: str, message: str) -> None:
    with pytest.raises(DataError, match=message):
        vd.load(directory)


# --- references ---------------------------------------------------------------------------------


def test_a_person_with_a_partner_id_is_refused(data_dir: Path) -> None:
    """`engagements --partner Japan` listed the meetings of a person whose id was 'JP'."""

    def collide(records: Records) -> None:
        records[0]["id"] = "JP"

    edit(data_dir, "people.json", collide)
    error = refused(data_dir, r"the id 'JP' is already that of a record of partners; ids are unique across")
    assert (error.file.endswith("people.json"), error.record, error.field) == (True, "'JP'", "id")


def test_a_person_with_vietnams_id_is_refused(data_dir: Path) -> None:
    edit(data_dir, "people.json", lambda rs: rs[0].update(id="VN"))
    refused(data_dir, r"the id 'VN' is already that of Vietnam itself")


@pytest.mark.parametrize("collection", ["people", "engagements", "trade", "agreements", "claims"])
def test_involving_an_unknown_id_is_not_found_in_every_collection(collection: str) -> None:
    """`people.involving("ZZ")` returned () where the other collections raised NotFound."""
    with pytest.raises(NotFound, match=r"unknown partner or person id or name 'ZZ'"):
        vd.load()[collection].involving("ZZ")  # type: ignore[index]  # parametrised over registry names


def test_a_known_person_involves_no_trade_figure() -> None:
    assert vd.trade.involving("bui-thanh-son") == ()
