"""What every record shares: `Record`, `Evidence`, the text and amount types, and references declared on fields.

A field that holds the id of another record says so in its type: `PartnerId`, `PartyId` (a partner or Vietnam),
`PersonId` or `SourceId`, each an `Annotated[str, Ref(...)]`. The loader's reference checks, `involving()`, the
data package's foreign keys and the tests all read these declarations (see `vn_diplomacy.records.walk`); nothing
else lists which fields refer to what.
"""

# No `from __future__ import annotations` in the record modules: pydantic would then compile and evaluate each
# field's annotation from its text as the classes are built (~2 ms of every first answer). Methods that name
# their own class quote it.
import datetime
import re
import types
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache
from operator import attrgetter
from typing import Annotated, Any, Final, Union, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, Field, StringConstraints, WithJsonSchema, model_validator

from vn_diplomacy.dates import PartialDate

__all__ = [
    "PATTERNS",
    "VIETNAM",
    "Amount",
    "Day",
    "Evidence",
    "FileName",
    "Item",
    "PartnerId",
    "PartyId",
    "PersonId",
    "Record",
    "Ref",
    "Reference",
    "Sha256",
    "SourceId",
    "Text",
    "Url",
    "below",
    "involving_of",
    "references_of",
    "require_day",
]

VIETNAM: Final = "VN"
"""The id that stands for Vietnam itself wherever a partner id is expected (roles, parties)."""

# Text: at least one character that is not white space, and no control character (C0, DEL, C1): an escape
# sequence in a name would reach the user's terminal, a NUL or a bare CR would break a CSV row.
_TEXT_PATTERN: Final = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
Text = Annotated[str, StringConstraints(pattern=_TEXT_PATTERN)]
"""Text of a record: not empty, not only white space, and free of control characters."""

_ITEM_PATTERN: Final = r"^[^|\x00-\x1f\x7f-\x9f]*[^|\s\x00-\x1f\x7f-\x9f][^|\x00-\x1f\x7f-\x9f]*$"
Item = Annotated[str, StringConstraints(pattern=_ITEM_PATTERN)]
"""An item of a list of names or phrases: `Text` without "|", which joins list items in a table cell."""


_QUOTE_PATTERN: Final = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f]+$"

_URL_PATTERN: Final = r"^https?://[^\s\x00-\x1f\x7f-\x9f]+$"
Url = Annotated[str, StringConstraints(pattern=_URL_PATTERN)]
"""An http or https address, without white space or control characters."""

# A file's name inside a folder: no "/" or "\\", not "." or "..", no control character (no look-ahead: the pattern
# must mean the same in pydantic's Rust engine and in JSON Schema).
_NAME_CHAR: Final = r"[^/\\\x00-\x1f\x7f]"
_FILE_NAME_PATTERN: Final = (
    rf"^(?:[^./\\\x00-\x1f\x7f]{_NAME_CHAR}*|\.[^./\\\x00-\x1f\x7f]{_NAME_CHAR}*|\.\.{_NAME_CHAR}+)$"
)
FileName = Annotated[str, StringConstraints(pattern=_FILE_NAME_PATTERN)]

_SHA256_PATTERN: Final = r"^[0-9a-f]{64}$"
Sha256 = Annotated[str, StringConstraints(pattern=_SHA256_PATTERN)]
"""A SHA-256 digest as 64 lowercase hexadecimal digits."""

PATTERNS: Final = {
    _TEXT_PATTERN: "text must not be empty or white space only, and must hold no control character",
    _ITEM_PATTERN: (
        "an id or list item must not be empty or white space only, and must hold no control character and no '|' "
        "(which joins list items in a table cell)"
    ),
    _QUOTE_PATTERN: "a quote must not be empty and must hold no control character but line breaks and tabs",
    _URL_PATTERN: "an address is http:// or https:// followed by no white space or control character",
    _SHA256_PATTERN: "a SHA-256 digest is written as 64 lowercase hexadecimal digits",
    _FILE_NAME_PATTERN: "a file name names a file in the articles' folder: no '/' or '\\', not '.' or '..'",
}
"""What each text pattern of the records means, in words, for error messages (pydantic would show the regex)."""


class Ref:
    """Marks a field as holding the id of a record of collection `target` (see `PartnerId` and the others).

    Attributes:
        target: The collection the id belongs to, e.g. ``"partners"``.
        vietnam: Whether ``"VN"`` (Vietnam itself, which is no partner record) is accepted too.
    """

    __slots__ = ("target", "vietnam")

    def __init__(self, target: str, *, vietnam: bool = False) -> None:
        self.target = target
        self.vietnam = vietnam

    def __repr__(self) -> str:
        return f"Ref({self.target!r}, vietnam={self.vietnam})"


# A reference is checked against the ids of its collection, which are `Item`s: a pattern of its own would only
# repeat that check, for every one of the thousands of ids a load reads (a third of the evidence's cost).
_REF_SCHEMA: Final = WithJsonSchema({"type": "string", "minLength": 1})
PartnerId = Annotated[str, Field(min_length=1), _REF_SCHEMA, Ref("partners")]
"""The id of a partner record."""
PartyId = Annotated[str, Field(min_length=1), _REF_SCHEMA, Ref("partners", vietnam=True)]
"""The id of a partner record, or ``"VN"`` for Vietnam itself."""
PersonId = Annotated[str, Field(min_length=1), _REF_SCHEMA, Ref("people")]
"""The id of a person record."""
SourceId = Annotated[str, Field(min_length=1), _REF_SCHEMA, Ref("sources")]
"""The id of a source article."""

# A decimal is a JSON string, as the shipped JSON Schema says: a JSON number would go through a float. Plain
# notation with at most 28 digits, 9 of them after the point, which Decimal's default context, Parquet's
# decimal(38, 9) and every CSV reader hold exactly; no exponent, so "1e999999999" cannot make an export write a
# gigabyte of zeros.
_MAX_DIGITS: Final = 28
_DECIMAL_PATTERN: Final = r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]{1,9})?$"


def _decimal_text(value: object) -> object:
    if isinstance(value, Decimal):  # made in Python, not read from a file
        value = format(value, "f")
    if not isinstance(value, str):
        raise ValueError('a decimal is written as a JSON string such as "88000000000" or "-2.5", not a JSON number')
    if re.fullmatch(_DECIMAL_PATTERN, value) is None:
        raise ValueError(
            'a decimal is written in plain digits, at most 9 after the point, e.g. "88000000000" or "-2.5"'
        )
    digits = len(value) - value.startswith("-") - ("." in value)
    if digits > _MAX_DIGITS:
        raise ValueError(f"a decimal has at most {_MAX_DIGITS} digits, got {digits}")
    return Decimal(value)


Amount = Annotated[
    Decimal,
    BeforeValidator(_decimal_text),
    WithJsonSchema({"type": "string", "pattern": _DECIMAL_PATTERN, "maxLength": _MAX_DIGITS + 2}),
]
"""A decimal written as a JSON string of plain digits, at most 28 of them and 9 after the point: ``"88000000000"``."""


_DAY_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _iso_day(value: object) -> object:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value  # made in Python, not read from a file
    if not isinstance(value, str) or re.fullmatch(_DAY_PATTERN, value) is None:
        raise ValueError('a day is written as ISO text, YYYY-MM-DD, such as "2024-08-31"')
    return datetime.date.fromisoformat(value)  # a ValueError for 2024-02-30, which pydantic reports


Day = Annotated[
    datetime.date,
    BeforeValidator(_iso_day),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DAY_PATTERN}),
]
"""A calendar day written as ISO text, ``"2024-08-31"``, and nothing else (not Unix seconds, not a timestamp)."""


def require_day(value: object, name: str) -> datetime.date:
    """Check that `value` is a `datetime.date` (not a datetime, not a string) and return it."""
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise TypeError(f"{name} must be a datetime.date, e.g. datetime.date(2024, 3, 19); got {value!r}")
    return value


class Evidence(BaseModel, frozen=True, extra="forbid", strict=True):
    """A verbatim quote from one of the source articles, and where it stands in the article's text.

    `start` and `end` are character offsets into the article's file decoded as UTF-8, written as JSON integers
    (strictly: not true, "12" or 12.0), so that ``text[start:end] == quote``; `vn_diplomacy.verify` checks them.
    """

    source: SourceId = Field(description="The id of the source article the quote comes from.")
    quote: str = Field(
        min_length=1,
        pattern=_QUOTE_PATTERN,  # line breaks may be quoted; no other control character
        description="Text copied character for character from the article.",
    )
    start: int = Field(ge=0, description="The offset of the quote's first character in the article's text.")
    end: int = Field(ge=1, description="The offset just after the quote's last character: start + len(quote).")

    @model_validator(mode="after")
    def _anchored(self) -> "Evidence":
        if self.end - self.start != len(self.quote):
            raise ValueError(
                f"end - start must be the quote's length, {len(self.quote)}: got start {self.start}, end {self.end}"
            )
        return self


class Record(BaseModel, frozen=True, extra="forbid"):
    """What every record has: a stable id and the evidence behind it."""

    id: Annotated[str, StringConstraints(pattern=_ITEM_PATTERN)] = Field(
        description="The record's stable id, unique within its collection (and among partners and people)."
    )
    evidence: tuple[Evidence, ...] = Field(
        min_length=1, description="The quotes the record is taken from; never empty."
    )

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        # A record's repr names it and stops there ("Partner(id='US', name='United States')"): the whole record,
        # quotes and all, is kilobytes in a notebook. `model_dump()` and the CLI's --json show every field.
        yield "id", self.id
        fields = type(self).model_fields
        label = next((name for name in ("name", "title", "statement", "metric", "subject") if name in fields), None)
        if label is not None:
            yield label, getattr(self, label)

    def names(self) -> tuple[str, ...]:
        """The names `lookup()` matches besides the id.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.partners.get("VA").names()
            ('Holy See', 'Vatican', 'The Holy See', 'VAT', 'Tòa Thánh Vatican', 'Tòa Thánh')
        """
        return ()

    def references(self) -> tuple[str, ...]:
        """The partner and person ids the record involves, for `involving()`, from its reference fields.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.engagements.get("2025-07-11-son-rubio").references()
            ('US', 'bui-thanh-son', 'marco-rubio')
        """
        return involving_of(type(self))(self)

    def span(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last day the record speaks of, for `between()`; None when it has no date.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.engagements.get("2025-07-11-son-rubio").span()
            (datetime.date(2025, 7, 11), datetime.date(2025, 7, 11))
            >>> vd.agreements.get("evipa").span() is None
            True
        """
        return None


class Reference:
    """One path from a record class to a field declared as a reference, e.g. ``roles[].entity`` of `Person`:
    `path` (the field names down to the id), `ref` (what it refers to), `many` (a tuple of ids, not one)."""

    __slots__ = ("many", "path", "ref")

    def __init__(self, path: tuple[str, ...], ref: Ref, *, many: bool) -> None:
        self.path = path
        self.ref = ref
        self.many = many

    def __repr__(self) -> str:
        return f"Reference({'.'.join(self.path)!r}, {self.ref!r}, many={self.many})"

    @property
    def field(self) -> str:
        """The dotted path, as error messages give it, e.g. ``"roles.entity"``."""
        return ".".join(self.path)

    @property
    def involves(self) -> bool:
        """Whether `involving()` follows it: references to partners and people do, to sources do not."""
        return self.ref.target != "sources"

    @property
    def direct(self) -> bool:
        """Whether the id is a field of the record itself, not of a record nested in it."""
        return len(self.path) == 1

    def values(self, record: BaseModel) -> list[str]:
        """The ids this path leads to in `record`, in field order (None, for an optional id unset, left out)."""
        level: list[Any] = [record]
        for name in self.path:
            level = below(level, name)
        return level


@cache
def involving_of(model: type[BaseModel]) -> Callable[[BaseModel], tuple[str, ...]]:
    """What `Record.references` does for records of `model`, worked out once: a collection asks it of every record."""
    references = [reference for reference in references_of(model) if reference.involves]
    if not references:
        return lambda record: ()
    if len(references) == 1 and references[0].direct:  # most record types: one field of the record itself
        get_one = attrgetter(references[0].path[0])
        if references[0].many:
            return get_one  # a tuple of ids already
        return lambda record: () if (value := get_one(record)) is None else (value,)
    if all(reference.direct and reference.many for reference in references):  # an engagement's partners and people
        get_all = attrgetter(*(reference.path[0] for reference in references))
        return lambda record: sum(get_all(record), ())

    if all(len(reference.path) <= 2 for reference in references):  # ids of the record, or of the models it holds
        plan = [
            (reference.path[0], reference.path[1] if len(reference.path) == 2 else None) for reference in references
        ]

        def shallow(record: BaseModel) -> tuple[str, ...]:
            # One loop, no helper calls: it runs for every record a collection indexes (engagements' statements).
            ids: list[str] = []
            for first, second in plan:
                value: Any = getattr(record, first)
                if second is None:
                    if type(value) is tuple:
                        ids += value
                    elif value is not None:
                        ids.append(value)
                    continue
                items: tuple[Any, ...] = value if type(value) is tuple else () if value is None else (value,)  # pyright: ignore[reportUnknownVariableType]  # models, as tested
                for item in items:
                    inner: Any = getattr(item, second)
                    if type(inner) is tuple:
                        ids += inner
                    elif inner is not None:
                        ids.append(inner)
            return tuple(dict.fromkeys(ids))

        return shallow

    def found(record: BaseModel) -> tuple[str, ...]:
        ids: list[str] = []
        for reference in references:
            ids += reference.values(record)
        return tuple(dict.fromkeys(ids))

    return found


@cache
def references_of(model: type[BaseModel]) -> tuple[Reference, ...]:
    """Every reference field of `model` and of the models nested in it, in field order.

    Examples:
        >>> from vn_diplomacy.records.person import Person
        >>> [(r.field, r.ref.target) for r in references_of(Person)]
        [('evidence.source', 'sources'), ('country', 'partners'), ('roles.entity', 'partners'), \
('roles.evidence.source', 'sources')]
    """
    found: list[Reference] = []
    for name, field in model.model_fields.items():
        found += _references_in(field.annotation, tuple(field.metadata), (name,), many=False)
    return tuple(found)


def _references_in(
    annotation: object, metadata: tuple[object, ...], path: tuple[str, ...], *, many: bool
) -> list[Reference]:
    if get_origin(annotation) is Annotated:
        inner, *extra = get_args(annotation)
        return _references_in(inner, (*metadata, *extra), path, many=many)
    refs = [item for item in metadata if isinstance(item, Ref)]
    if refs:
        return [Reference(path, refs[0], many=many)]
    origin = get_origin(annotation)
    if origin is tuple:
        return _references_in(get_args(annotation)[0], (), path, many=True)
    if origin in (Union, types.UnionType):
        found: list[Reference] = []
        for argument in get_args(annotation):
            found += _references_in(argument, (), path, many=many)
        return found
    # A date is a model too, but holds no reference (and its range end is a date: no recursion down there).
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation is not PartialDate:
        return [Reference((*path, *inner.path), inner.ref, many=inner.many) for inner in references_of(annotation)]
    return []


def below(level: list[Any], name: str) -> list[Any]:
    """The values of field `name` of the objects of `level`, tuples spread and None left out.

    Walking nested records a level at a time keeps the work per object to a call of a C function or two: the
    loader walks every record of a file so, to count its keys and to check its references.
    """
    get = attrgetter(name)
    found: list[Any] = []
    for item in level:
        value: Any = get(item)
        if type(value) is tuple:
            found += value
        elif value is not None:
            found.append(value)
    return found
