"""Dates at the precision the articles give: a year, part of a year, a month, a day, or a range between two."""

from __future__ import annotations

import calendar
import datetime
from contextvars import ContextVar
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Final, cast

from pydantic import BaseModel, Field, model_validator
from pydantic_core import core_schema

from vn_diplomacy._date_text import INFERENCE_PATTERN, TEXT_PATTERN, Fields, fields_of, own_fields

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ModelWrapValidatorHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema
    from typing_extensions import Self

__all__ = ["SHARED_DATES", "TEXT_PATTERN", "PartialDate", "Precision", "YearPart"]


class YearPart(Enum):
    """A third of a year, for dates such as "late 2023"; each covers four whole months."""

    EARLY = "early"
    """January to April."""
    MID = "mid"
    """May to August."""
    LATE = "late"
    """September to December."""


_PART_MONTHS: Final = {YearPart.EARLY: (1, 4), YearPart.MID: (5, 8), YearPart.LATE: (9, 12)}


class Precision(Enum):
    """How precisely a `PartialDate` is known."""

    RANGE = "range"
    """Some day between two dates, e.g. "2023-09-10/2023-09-11"."""
    YEAR = "year"
    PART_OF_YEAR = "part-of-year"
    MONTH = "month"
    DAY = "day"


_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, month: int) -> int:
    """The number of days in a month; what calendar.monthrange gives, without working out the weekday too."""
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month - 1]


SHARED_DATES: Final[ContextVar[dict[object, PartialDate] | None]] = ContextVar(
    "vn_diplomacy.shared_dates", default=None
)
"""The dict in which one load shares equal dates (see `PartialDate`); the loader sets it for the span of a load.

While it is set, dates are read as a data file writes them: a string, or a dict of "date" and "inference" and
nothing else. Outside a load a dict of the model's fields is a date too, as for any model (what
``PartialDate(year=2023)`` validates); in a data file it would be a date the JSON Schema rejects.

A context variable rather than a validation context: pydantic then calls the date validator without building
a `ValidationInfo` for each of the hundreds of dates of a load, and each thread or task sees its own."""


class _RangeEnd:
    """The validation of `PartialDate.until`: a date validated on its own, not through the model's schema.

    A field of a model's own type makes the schema recursive, and pydantic (2.14, issue #13581) then runs the
    model validators of a recursive model twice whenever another model holds one: twice the date checks of
    every load. Validating the end apart keeps the schema flat; the model's `__get_pydantic_json_schema__`
    describes the field, and its serializer writes the text form, so neither looks at this.
    """

    def __get_pydantic_core_schema__(self, source: object, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.nullable_schema(core_schema.no_info_plain_validator_function(_range_end))


_RANGE_END: Final = _RangeEnd()


def _range_end(value: object) -> PartialDate:
    return value if type(value) is PartialDate else PartialDate.model_validate(value)


def _written(date: PartialDate) -> str | dict[str, str]:
    """What a date dumps to: its text form, or {"date", "inference"} when it is inferred."""
    if date.inference is None:
        return str(date)
    return {"date": str(date), "inference": date.inference}


_SERIALIZED: Final = core_schema.plain_serializer_function_ser_schema(_written)


class PartialDate(BaseModel, frozen=True, extra="forbid"):
    """A date known to the precision an article gives it, and no finer.

    In the JSON files a stated date is a string (``"2023"``, ``"late 2023"``, ``"2022-12"``,
    ``"2023-12-12"``) in ASCII digits, with nothing around it; a date that is inferred rather than
    stated is an object of two keys and no others, ``{"date": "1995", "inference": "why"}``. Where an
    article bounds a date without giving it ("during the visit from September 10-11"), it is a range
    written as ISO 8601 writes an interval, ``"2023-09-10/2023-09-11"``: some day from the first to the last.

    Examples:
        >>> d = PartialDate.parse("2022-12")
        >>> str(d), d.earliest, d.latest
        ('2022-12', datetime.date(2022, 12, 1), datetime.date(2022, 12, 31))
        >>> PartialDate.parse("late 2023").earliest
        datetime.date(2023, 9, 1)
        >>> PartialDate.parse("2023-09-10/2023-09-11").latest
        datetime.date(2023, 9, 11)
    """

    # Strict, as every whole number of the records: lax pydantic would take True for 1, "12" or 12.0 for 12.
    year: int = Field(ge=1, le=9999, strict=True, description="The year.")
    month: int | None = Field(
        default=None, ge=1, le=12, strict=True, description="The month (1-12), when the article gives it."
    )
    day: int | None = Field(
        default=None, ge=1, le=31, strict=True, description="The day of the month, when the article gives it."
    )
    part: YearPart | None = Field(
        default=None, description='The part of the year ("early", "mid", "late") when the article gives only that.'
    )
    until: Annotated[PartialDate | None, _RANGE_END] = Field(
        default=None,
        description="For a range, the last date the day can fall on; the fields above give the first.",
    )
    inference: str | None = Field(
        default=None,
        description="Why this date was inferred, when no article states it outright; None for a stated date.",
    )

    @model_validator(mode="after")
    def _check(self) -> PartialDate:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.part is not None and self.month is not None:
            raise ValueError("a part of a year takes a year only")
        if self.day is not None and self.month is not None:
            day = datetime.date(self.year, self.month, self.day)  # raises ValueError for 2023-02-30
            # That day is the first the date can mean, and without a range the last: kept where `earliest` and
            # `latest` keep what they work out (see `_Once`), so a load does not make it twice more.
            known = vars(self)
            known["earliest"] = day
            if self.until is None:
                known["latest"] = day
        if self.until is not None:
            if self.until.until is not None or self.until.inference is not None:
                raise ValueError("the end of a range is a plain date: no range, no inference of its own")
            if self.until.earliest <= self._own_latest:
                raise ValueError(f"a range must end after its start ends, got: {self}")
        return self

    # Defined after `_check`, so it wraps it: a date taken from the cache is not checked again.
    @model_validator(mode="wrap")
    @classmethod
    def _from_text(cls, value: object, handler: ModelWrapValidatorHandler[PartialDate]) -> PartialDate:
        """Parse the written forms; while a load has set `SHARED_DATES`, reuse equal dates.

        The loader sets that dict so that a data file with ten thousand "2025-07-11" makes one
        object, not ten thousand: validation is faster and the dataset smaller. Dates are frozen, so
        sharing them is safe.
        """
        # Runs for every date of every file (hundreds a load): no helper calls, no typing.cast, and one
        # dict lookup on the way to a shared date.
        shared = SHARED_DATES.get()
        if type(value) is str:
            key: object = value
        elif type(value) is dict:
            fields: dict[str, Any] = value  # pyright: ignore[reportUnknownVariableType]  # a cast costs a call
            if "date" in fields:
                text, inference = fields["date"], fields.get("inference")
                # A key only for exactly two strings: anything else goes to _fields, unshared, to say what is wrong.
                key = (text, inference) if type(text) is str and type(inference) is str and len(fields) == 2 else None
            elif shared is None:
                return handler(own_fields(fields))  # the model's fields, outside a load (see SHARED_DATES)
            else:
                key = None  # in a data file, a dict without "date": fields_of says what a date is
        elif shared is None or type(value) is PartialDate or type(value) is Fields:
            return handler(value)  # an instance, the fields of a range's end, or a wrong type pydantic reports
        else:
            return handler(fields_of(value))  # in a load: a wrong type, which _fields names as a data file's
        if shared is None or key is None:
            return handler(fields_of(value))  # pyright: ignore[reportUnknownArgumentType]  # str or dict, as checked
        date = shared.get(key)
        if date is None:
            date = shared[key] = handler(fields_of(value))  # pyright: ignore[reportUnknownArgumentType]  # likewise
        return date

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        # The files hold the text form, or {"date", "inference"}: describe those, not the parsed fields.
        text = {"type": "string", "pattern": TEXT_PATTERN, "examples": ["2023", "late 2023", "2023-09-10/2023-09-11"]}
        inferred = {
            "type": "object",
            "properties": {"date": text, "inference": {"type": "string", "minLength": 1, "pattern": INFERENCE_PATTERN}},
            "required": ["date", "inference"],
            "additionalProperties": False,
        }
        return {
            "title": "PartialDate",
            "description": "A date at the precision an article gives it: text, or {date, inference} when inferred.",
            "anyOf": [text, inferred],
        }

    @classmethod
    def __get_pydantic_core_schema__(cls, source: type[BaseModel], handler: GetCoreSchemaHandler) -> CoreSchema:
        # Dumps give the text form, or {"date", "inference"}: what `@model_serializer` would set, without
        # importing pydantic.functional_serializers (2 ms of every first answer) for one decorator.
        schema = dict(handler(source))  # a copy: the schema pydantic keeps for the class is not changed
        schema["serialization"] = _SERIALIZED
        return cast("CoreSchema", schema)

    @classmethod
    def parse(cls, text: str, inference: str | None = None) -> PartialDate:
        """Build a date from its written form.

        Args:
            text: ``"YYYY"``, ``"YYYY-MM"``, ``"YYYY-MM-DD"`` or ``"early|mid|late YYYY"``, or two of
                them joined by ``/`` for a range.
            inference: Why the date is inferred, if it is.

        Raises:
            pydantic.ValidationError: The text is not one of those forms, or not a real date.

        Examples:
            >>> PartialDate.parse("1995", inference="counted back from the 30th anniversary in 2025").inference
            'counted back from the 30th anniversary in 2025'
        """
        return cls.model_validate(text if inference is None else {"date": text, "inference": inference})

    @property
    def precision(self) -> Precision:
        """How precisely the date is known."""
        if self.until is not None:
            return Precision.RANGE
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        if self.part is not None:
            return Precision.PART_OF_YEAR
        return Precision.YEAR

    @property
    def is_inferred(self) -> bool:
        """Whether the date is inferred rather than stated by an article."""
        return self.inference is not None

    @property
    def earliest(self) -> datetime.date:
        """The first day the date can mean."""
        if self.month is not None:
            return datetime.date(self.year, self.month, self.day or 1)
        first = 1 if self.part is None else _PART_MONTHS[self.part][0]
        return datetime.date(self.year, first, 1)

    @property
    def latest(self) -> datetime.date:
        """The last day the date can mean."""
        return self._own_latest if self.until is None else self.until.latest

    @property
    def _own_latest(self) -> datetime.date:
        if self.month is not None:
            return datetime.date(self.year, self.month, self.day or _month_days(self.year, self.month))
        last = 12 if self.part is None else _PART_MONTHS[self.part][1]
        return datetime.date(self.year, last, _month_days(self.year, last))

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, as `BaseModel.model_copy` makes it; with `update`, the first and last days are worked out anew.

        Examples:
            >>> PartialDate.parse("2023").model_copy(update={"month": 2}).latest
            datetime.date(2023, 2, 28)
        """
        copied = super().model_copy(update=update, deep=deep)
        if update:
            vars(copied).pop("earliest", None)
            vars(copied).pop("latest", None)
        return copied

    def contains(self, day: datetime.date) -> bool:
        """Whether `day` lies within the days this date can mean.

        Examples:
            >>> import datetime
            >>> PartialDate.parse("2023").contains(datetime.date(2023, 6, 1))
            True
        """
        return self.earliest <= day <= self.latest

    def __str__(self) -> str:
        if self.part is not None:
            text = f"{self.part.value} {self.year:04d}"
        else:
            text = f"{self.year:04d}"
            if self.month is not None:
                text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text if self.until is None else f"{text}/{self.until}"


class _Once:
    """A read-only property worked out on first use and then kept in the instance `__dict__`, where later
    reads find it without calling anything (pydantic leaves such entries out of fields, comparison and dumps).

    `functools.cached_property` does the same, but on Python 3.11 and older takes a lock on every first use,
    which costs more than the dates it saves working out.
    """

    def __init__(self, compute: Callable[[PartialDate], datetime.date], name: str) -> None:
        self._compute = compute
        self._name = name
        self.__doc__ = compute.__doc__

    def __get__(self, instance: PartialDate | None, owner: type[PartialDate]) -> object:
        if instance is None:
            return self
        value = vars(instance)[self._name] = self._compute(instance)
        return value


# A load asks the first and last days of a few dozen shared dates hundreds of times (ordering checks, the
# spans of collections): each is worked out once. They stay properties in the class body, which is what type
# checkers and the API reference read; `model_copy` forgets them when it updates a field.
for _name in ("earliest", "latest"):
    _property: property = getattr(PartialDate, _name)
    assert _property.fget is not None
    setattr(PartialDate, _name, _Once(_property.fget, _name))
del _name, _property
