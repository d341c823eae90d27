"""Stage 2 of a load: the bytes of one data file to validated records, or a DataError naming file, record, field."""

from __future__ import annotations

import re
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING, Final, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import SchemaValidator, core_schema

from vn_diplomacy.dates import SHARED_DATES, PartialDate
from vn_diplomacy.errors import DataError, shown
from vn_diplomacy.records.base import PATTERNS
from vn_diplomacy.records.walk import levels_of, models_in

if TYPE_CHECKING:
    from collections.abc import Callable

    from vn_diplomacy.records.base import Record

__all__ = ["sharing_dates", "validate"]

R = TypeVar("R", bound="Record")
T = TypeVar("T")


@cache  # one validator per model for the process: building it costs more than validating the bundled data
def _validator(model: type[BaseModel]) -> SchemaValidator:
    # pydantic-core's validator of the model's own schema, as a tuple: what TypeAdapter(tuple[model, ...])
    # builds, without importing pydantic.type_adapter or making a serializer and a schema of its own.
    return SchemaValidator(core_schema.tuple_schema([model.__pydantic_core_schema__], variadic_item_index=0))


def validate(label: str, model: type[R], raw: bytes) -> tuple[R, ...]:
    """The records of one file, each a `model`; `label` names the file in messages.

    Raises:
        DataError: The file is not JSON, is not an array of valid records, or repeats a key in an object (which
            pydantic's parser, like most, would take silently, keeping the last); the message names the record
            and field of the first error and counts the others.
    """
    try:
        records: tuple[R, ...] = _validator(model).validate_json(raw)
    except ValidationError as exc:
        raise _data_error(label, raw, exc) from None
    if _keys_in_text(raw) != _keys_in_records(model, records):
        _check_unique_keys(label, raw)  # the counts differ: find the repeated key, if that is why
    return records


def _data_error(label: str, raw: bytes, exc: ValidationError) -> DataError:
    error = exc.errors(include_url=False)[0]
    loc = error["loc"]
    more = exc.error_count() - 1
    suffix = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
    if error["type"] == "json_invalid":
        return DataError(f"malformed JSON: {error['msg']}{suffix}", file=label)
    if not loc:
        return DataError(f"the file must hold a JSON array of records: {error['msg']}{suffix}", file=label)
    index = loc[0]
    record_id = _record_id(raw, index)
    record = shown(record_id) if record_id is not None else f"#{index}"
    field = ".".join(str(part) for part in loc[1:]) or None
    value = error.get("input")
    message = error["msg"]
    if error["type"] == "string_pattern_mismatch":  # say what the pattern means, not the regular expression
        message = PATTERNS.get(str(error.get("ctx", {}).get("pattern")), message)
    elif error["type"] == "value_error":
        message = message.removeprefix("Value error, ")
    elif error["type"] == "int_type":  # the offsets are strict: lax pydantic took true for 1
        message = 'a whole number is written as a JSON integer such as 120: not true or false, not "120", not 120.0'
    return DataError(f"{message}, got: {shown(value)}{suffix}", file=label, record=record, field=field)


def _record_id(raw: bytes, index: object) -> str | None:
    """The id of record `index` in `raw`, if it has one: used only to word an error."""
    import json  # noqa: PLC0415  # only on the error path

    try:
        parsed: object = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if isinstance(parsed, list) and isinstance(index, int) and 0 <= index < len(parsed):  # pyright: ignore[reportUnknownArgumentType]
        item: object = parsed[index]  # pyright: ignore[reportUnknownVariableType]
        if isinstance(item, dict) and isinstance(item.get("id"), str):  # pyright: ignore[reportUnknownMemberType]
            return str(item["id"])  # pyright: ignore[reportUnknownArgumentType]
    return None


# --- repeated keys ---------------------------------------------------------------------------------
#
# Parsing every file a second time with a check of each object's keys would make a load a third slower. Instead the
# keys are counted twice, both at C speed or nearly: in the text, where each key ends with `":` (a `"` inside a
# string is escaped, so `\":` is text, not a key); and in the records, where every object of the file is a model
# that remembers which of its fields were given (`model_fields_set`), a date written as an object being
# {"date", "inference"}. A repeated key is one more in the text than in the records. Where the counts differ, for
# that or another reason (white space before a colon), the file is parsed again to find the repeated key.


# White space before a colon, as after a key written `"key" : value`; a colon first, so that the search skips to
# each colon at C speed (there are a tenth as many colons as quotes), then looks behind it.
_SPACED_KEY: Final = re.compile(rb":(?<=[ \t\r\n]:)")


def _keys_in_text(raw: bytes) -> int:
    # An escaped quote before a colon inside a string (`\":`) counts too: one more, and the exact check runs.
    if _SPACED_KEY.search(raw) is not None:
        return -1  # not counted by `":`: the exact check runs
    return raw.count(b'":')


@cache
def _shape(model: type[BaseModel]) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """The paths from `model` to the models nested in it (itself first), and to its dates, e.g. ("roles", "as_of")."""
    objects: list[tuple[str, ...]] = [()]
    dates: list[tuple[str, ...]] = []
    for name, field in model.model_fields.items():
        for inner in models_in(field.annotation):
            if inner is PartialDate:
                dates.append((name,))
            else:
                inner_objects, inner_dates = _shape(inner)
                objects += [(name, *path) for path in inner_objects]
                dates += [(name, *path) for path in inner_dates]
    return tuple(objects), tuple(dates)


_FIELDS_SET = attrgetter("__pydantic_fields_set__")
_INFERENCE = attrgetter("inference")


@cache
def _fixed_keys(model: type[BaseModel]) -> int | None:
    """How many keys every object of `model` has, when none of its fields has a default (e.g. `Evidence`: 2)."""
    return None if any(not field.is_required() for field in model.model_fields.values()) else len(model.model_fields)


def _keys_in_records(model: type[BaseModel], records: tuple[BaseModel, ...]) -> int:
    objects, dates = _shape(model)
    levels = levels_of(records, (*objects, *dates))  # each level walked once
    keys = 0
    for path in objects:
        level: list[BaseModel] = levels[path]
        fixed = _fixed_keys(type(level[0])) if level else 0
        keys += fixed * len(level) if fixed is not None else sum(map(len, map(_FIELDS_SET, level)))
    for path in dates:  # a date written as {"date", "inference"} is two keys; as text, none
        found = levels[path]
        keys += 2 * (len(found) - list(map(_INFERENCE, found)).count(None))
    return keys


class _RepeatedKeyError(ValueError):
    def __init__(self, key: str, pairs: list[tuple[str, object]]) -> None:
        super().__init__(key)
        self.key = key
        self.pairs = pairs


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKeyError(key, pairs)
            seen.add(key)
    return found


def _check_unique_keys(label: str, raw: bytes) -> None:
    """Raise a DataError if an object in `raw` (valid JSON, already validated) repeats a key."""
    import json  # noqa: PLC0415  # only when the key counts differ

    try:
        json.loads(raw, object_pairs_hook=_unique_keys)
    except _RepeatedKeyError as exc:
        where = next((str(value) for key, value in exc.pairs if key == "id" and isinstance(value, str)), None)
        raise DataError(
            f"the key {shown(exc.key)} appears twice in one object; a JSON object names each key once",
            file=label,
            record=None if where is None else shown(where),
            field=exc.key,
        ) from None
    except (ValueError, RecursionError):
        return  # pydantic's parser took it: nothing more to say


def sharing_dates(dates: dict[object, PartialDate], run: Callable[[], T]) -> T:
    """`run()`, with equal dates made one object through `dates` (see `PartialDate`), for this load only."""
    token = SHARED_DATES.set(dates)
    try:
        return run()
    finally:
        SHARED_DATES.reset(token)
