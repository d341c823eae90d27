"""Stage 2 of a load: the bytes of one data file to validated records, or a DataError naming file, record, field."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, TypeVar

from pydantic import ValidationError
from pydantic_core import SchemaValidator, core_schema

from vn_diplomacy.dates import SHARED_DATES
from vn_diplomacy.errors import DataError, shown
from vn_diplomacy.records.base import PATTERNS

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic import BaseModel

    from vn_diplomacy.dates import PartialDate
    from vn_diplomacy.records.base import Record

__all__ = ["check_json", "sharing_dates", "validate"]

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
        DataError: The file is not a JSON array of valid records; the message names the record and field of
            the first error and counts the others.
    """
    try:
        records: tuple[R, ...] = _validator(model).validate_json(raw)
    except ValidationError as exc:
        raise _data_error(label, raw, exc) from None
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
    return DataError(f"{message}, got: {shown(value)}{suffix}", file=label, record=record, field=field)


def _record_id(raw: bytes, index: object) -> str | None:
    """The id of record `index` in `raw`, if it has one: used only to word an error."""
    import json  # noqa: PLC0415  # only on the error path

    try:
        parsed: object = json.loads(raw)
    except ValueError:
        return None
    if isinstance(parsed, list) and isinstance(index, int) and 0 <= index < len(parsed):  # pyright: ignore[reportUnknownArgumentType]
        item: object = parsed[index]  # pyright: ignore[reportUnknownVariableType]
        if isinstance(item, dict) and isinstance(item.get("id"), str):  # pyright: ignore[reportUnknownMemberType]
            return str(item["id"])  # pyright: ignore[reportUnknownArgumentType]
    return None


class _DuplicateKeyError(ValueError):
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
                raise _DuplicateKeyError(key, pairs)
            seen.add(key)
    return found


def check_json(label: str, raw: bytes) -> None:
    """Raise a DataError if an object in `raw` repeats a key: JSON parsers, pydantic's too, keep the last silently.

    Run on data from a user's folder; the bundled files are in canonical form (`vn_diplomacy.serialize.dumps`,
    checked byte for byte by the tests), which cannot repeat a key.
    """
    import json  # noqa: PLC0415  # only for folders of the user's

    try:
        json.loads(raw, object_pairs_hook=_unique_keys)
    except _DuplicateKeyError as exc:
        where = next((str(value) for key, value in exc.pairs if key == "id" and isinstance(value, str)), None)
        raise DataError(
            f"the key {shown(exc.key)} appears twice in one object; a JSON object names each key once",
            file=label,
            record=None if where is None else shown(where),
            field=exc.key,
        ) from None
    except (ValueError, RecursionError):
        return  # not JSON: validation reports it, with pydantic's own words and position


def sharing_dates(dates: dict[object, PartialDate], run: Callable[[], T]) -> T:
    """`run()`, with equal dates made one object through `dates` (see `PartialDate`), for this load only."""
    token = SHARED_DATES.set(dates)
    try:
        return run()
    finally:
        SHARED_DATES.reset(token)
