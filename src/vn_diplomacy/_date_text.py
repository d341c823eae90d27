"""The written forms of a date: its text ("2023", "late 2023", "2023-09-10/2023-09-11") and its object form
{"date", "inference"}, parsed into the fields of a `PartialDate`, with the errors a data file's reader needs."""

from __future__ import annotations

import functools
import re
from typing import Any, Final, cast

from vn_diplomacy.errors import shown

__all__ = ["INFERENCE_PATTERN", "TEXT_PATTERN", "Fields", "fields_of", "own_fields", "parse"]

# [0-9], not \d: in Python's re, \d matches the digits of every script (Arabic-Indic "٢٠٢٣", fullwidth), and
# int() reads them all.
_PATTERN: Final = re.compile(
    r"(?:(?P<part>early|mid|late) )?(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?"
)
_YEAR: Final = "(?!0000)[0-9]{4}"
_ONE: Final = f"(?:(?:early|mid|late) {_YEAR}|{_YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?)"
TEXT_PATTERN: Final = rf"^{_ONE}(?:/{_ONE})?$(?!\n)"
"""A regular expression for the text form of a date (calendar checks, such as 2023-02-30, are the loader's).

Portable: it means the same in ECMA-262, as JSON Schema reads it, and in Python's re, which the jsonschema package
uses: [0-9] rather than \\d (any script's digits, in Python), and `$(?!\\n)` rather than `$` (which Python lets
match before a final line break)."""
# Controls (C0, DEL, C1) and what str.strip() strips: no inference starts or ends with these.
_SPACE: Final = r"\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
INFERENCE_PATTERN: Final = rf"^[^{_SPACE}](?:[^\u0000-\u001f\u007f-\u009f]*[^{_SPACE}])?$(?!\n)"
"""A regular expression for the text of an inference: no control character, no white space at either end."""
_FORMS: Final = '"YYYY", "YYYY-MM", "YYYY-MM-DD" or "early|mid|late YYYY", or two of them as "FIRST/LAST"'
_KEYS_RULE: Final = "a date written as an object has the keys 'date' and 'inference' and no others"
_STATED: Final = 'a stated date is its text alone, e.g. "2023"'


def parse(text: str) -> dict[str, Any]:
    first, slash, last = text.partition("/")
    if not slash:
        return _parse_one(text, text)
    if "/" in last:
        raise ValueError(f"a date range has one '/', got: {shown(text)}")
    return {**_parse_one(first, text), "until": Fields(_parse_one(last, text))}


class Fields(dict[str, Any]):
    """The model fields of a date, as `_parse` makes them for the end of a range: marked as such, because while
    a data file is read (see `SHARED_DATES`) a plain dict is a written date, and takes only "date" and
    "inference"."""


def _malformed(text: str) -> ValueError:
    """Why `text` is not a date: the commonest slips by name, else the forms a date takes (the error path only)."""
    if text != text.strip():
        return ValueError(f"a date has no whitespace before or after it, got: {shown(text)}")
    if any(c < " " or "\x7f" <= c <= "\x9f" for c in text):
        return ValueError(f"a date holds no control characters, got: {shown(text)}")
    if any(c.isdigit() and not c.isascii() for c in text):
        return ValueError(f"a date is written with the ASCII digits 0-9, got: {shown(text)}")
    if re.search(r"(?<![0-9])[0-9]{5,}", text):
        return ValueError(f"a year has four digits, from 0001 to 9999, got: {shown(text)}")
    return ValueError(f"a date must be written {_FORMS}, got: {shown(text)}")


def fields_of(value: object) -> dict[str, Any]:
    """The model fields of a written date: a string, or a dict of exactly a "date" string and an "inference"."""
    if isinstance(value, str):
        return parse(value)
    if not isinstance(value, dict):
        raise ValueError(
            f'a date is a string written {_FORMS}, or {{"date": ..., "inference": ...}} when inferred, '
            f"got: {shown(value)}"
        )
    written: dict[object, object] = value  # pyright: ignore[reportUnknownVariableType]  # keys checked below
    if len(written) != 2 or "date" not in written or "inference" not in written:
        raise _wrong_keys(written)
    text, inference = written["date"], written["inference"]
    if not isinstance(text, str):
        raise ValueError(f"'date' must be a string written {_FORMS}, got: {shown(text)}")
    if not isinstance(inference, str):
        raise ValueError(
            f"'inference' must be a string saying why the date is inferred, got: {shown(inference)}; {_STATED}"
        )
    problem = _inference_problem(inference)
    if problem is not None:
        raise ValueError(problem)
    return {**parse(text), "inference": inference}


def _wrong_keys(written: dict[object, object]) -> ValueError:
    """The error for a date object without exactly the keys "date" and "inference" (the error path only).

    An unknown key is reported at its own place, as pydantic reports an unknown field of any record (so the
    loader names it, "start.year"); a key the model has ("year", "until") would otherwise override the date.
    """
    unknown = [key for key in written if key not in ("date", "inference")]
    if not unknown:
        return ValueError(f"{_KEYS_RULE}, got: {', '.join(shown(key) for key in written) or 'no keys'}; {_STATED}")
    from pydantic_core import PydanticCustomError, ValidationError  # noqa: PLC0415  # only on the error path

    message = PydanticCustomError("extra_forbidden", f"Extra inputs are not permitted: {_KEYS_RULE}; {_STATED}")
    # pydantic-core turns a ValidationError raised by a validator into its errors, each at its place.
    return ValidationError.from_exception_data(
        "PartialDate", [{"type": message, "loc": (cast("str", key),), "input": written[key]} for key in unknown]
    )


def own_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The model's fields, given outside a load (``PartialDate(year=1995, inference="why")``), their inference
    checked as `fields_of` checks that of a written date (`_check` would read it from every date a load makes)."""
    inference = fields.get("inference")
    if isinstance(inference, str):
        problem = _inference_problem(inference)
        if problem is not None:
            raise ValueError(problem)
    return fields


# Cached: each load checks every distinct inference once (28 in the bundled files, of a few hundred characters
# each), and scanning them cost about 1 % of a load's instructions; a hit is a lookup by the hash that the load's
# shared-date key has already worked out. The bound holds far more inferences than the data has.
@functools.lru_cache(maxsize=1024)
def _inference_problem(inference: str) -> str | None:
    """What is wrong with the text of an inference, if anything."""
    stripped = inference.strip()
    if not stripped:
        return f"'inference' must say why the date is inferred, got: {shown(inference)}"
    if stripped != inference:
        return f"'inference' has no whitespace before or after it, got: {shown(inference)}"
    # isprintable() is False for every control character (and some other characters): one C call spares most
    # inferences the character-by-character scan.
    if not inference.isprintable() and any(c < " " or "\x7f" <= c <= "\x9f" for c in inference):
        return f"'inference' holds no control characters (a line break, a tab), got: {shown(inference)}"
    return None


def _parse_one(piece: str, text: str) -> dict[str, Any]:
    """The fields of one end of `text`: `piece` is all of it, or one side of its '/'."""
    match = _PATTERN.fullmatch(piece)
    if match is None:
        raise _malformed(text)
    part, year, month, day = match.groups()
    if part is not None and month is not None:
        raise ValueError(f"a part of a year takes a year only, got: {shown(text)}")
    if year == "0000":
        raise ValueError(f"a year runs from 0001 to 9999, got: {shown(text)}")
    return {
        "year": int(year),
        "month": None if month is None else int(month),
        "day": None if day is None else int(day),
        "part": part,  # the model makes it a YearPart
    }
