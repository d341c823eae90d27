"""Bytes to validated records to indexed collections: a whole directory or nothing.

The bundled data is validated in two groups, each whole or nothing: sources and partners, then the five
collections that refer to them, when one of those is first used (see `bundled`).
"""

from __future__ import annotations

import gc
import os
import threading
from functools import cache
from itertools import chain
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, cast, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import SchemaValidator, core_schema

from vn_diplomacy.collection import Collection, PartnerCollection, not_found, suggest
from vn_diplomacy.dates import SHARED_DATES, PartialDate
from vn_diplomacy.errors import DataError, QueryError, shown
from vn_diplomacy.models import VIETNAM, Evidence, Partner, Record, Source

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping
    from typing import Protocol, TypeAlias

    import pandas

    from vn_diplomacy.dealings import Agreement, Claim, Engagement, Person, TradeFigure

    _Dealings: TypeAlias = tuple[
        Collection[Person], Collection[Engagement], Collection[TradeFigure], Collection[Agreement], Collection[Claim]
    ]

    class _File(Protocol):
        def read_bytes(self) -> bytes: ...

    class Traversable(Protocol):
        """What the loader needs of a folder: a Path, or what importlib.resources.files() returns."""

        def joinpath(self, child: str, /) -> _File: ...

    from vn_diplomacy.tables import Cell

__all__ = ["FILES", "CollectionName", "Dataset", "bundled", "canonical", "dumps", "load"]

R = TypeVar("R", bound=Record)
M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

CollectionName = Literal["sources", "partners", "people", "engagements", "trade", "agreements", "claims"]
"""The name of one of the seven collections, as `Dataset.to_records` and the exports take it."""

FILES: Final[Mapping[CollectionName, str]] = MappingProxyType(
    {
        "sources": "sources.json",
        "partners": "partners.json",
        "people": "people.json",
        "engagements": "engagements.json",
        "trade": "trade.json",
        "agreements": "agreements.json",
        "claims": "claims.json",
    }
)
"""The collection names and the file each is read from, in loading order; read-only, as the loader uses it."""


def unknown_collection(name: str) -> QueryError:
    """The error for a name that is not one of the seven collections, with the closest one."""
    hint = suggest(name, FILES)
    also = f"; did you mean {hint[0]!r}?" if hint else ""
    return QueryError(f"unknown collection {name!r}{also} Choose from: {', '.join(FILES)}")


class Dataset:
    """The seven collections of one validated data directory; read-only.

    Examples:
        >>> import vn_diplomacy as vd
        >>> data = vd.load()
        >>> data.partners.get("US").name
        'United States'
    """

    # A class with read-only properties, not a frozen dataclass: @dataclass writes and compiles six methods
    # as the module is imported, a millisecond of every first answer.
    __slots__ = ("_dealings", "_directory", "_lock", "_partners", "_pending", "_sources")

    def __init__(
        self,
        *,
        sources: Collection[Source],
        partners: PartnerCollection,
        dealings: _Dealings | Callable[[], _Dealings],
        directory: str,
    ) -> None:
        """Hold the collections of one directory, as `load` makes them.

        `dealings` is the other five collections (people, engagements, trade, agreements, claims), or the
        function that validates their files against `sources` and `partners`: the bundled data calls it when
        one of the five is first asked for, and again on the next ask if it raised.
        """
        self._sources = sources
        self._partners = partners
        self._dealings: _Dealings | None = None
        self._pending: Callable[[], _Dealings] | None = None
        if isinstance(dealings, tuple):
            self._dealings = dealings
        else:
            self._pending = dealings
        self._lock = threading.Lock()
        self._directory = directory

    def _rest(self) -> _Dealings:
        """The other five collections, validated now if they have not been yet (once, whatever the threads)."""
        dealings = self._dealings
        if dealings is None:
            with self._lock:
                dealings = self._dealings
                if dealings is None:
                    assert self._pending is not None  # one of the two is always set
                    dealings = self._dealings = self._pending()  # a DataError leaves it pending
                    self._pending = None
        return dealings

    @property
    def sources(self) -> Collection[Source]:
        """The source articles."""
        return self._sources

    @property
    def partners(self) -> PartnerCollection:
        """Vietnam's counterparts, with their tiers."""
        return self._partners

    @property
    def people(self) -> Collection[Person]:
        """The people and their roles."""
        return self._rest()[0]

    @property
    def engagements(self) -> Collection[Engagement]:
        """Meetings, visits, calls, sessions, conferences and summits."""
        return self._rest()[1]

    @property
    def trade(self) -> Collection[TradeFigure]:
        """Trade and economic figures."""
        return self._rest()[2]

    @property
    def agreements(self) -> Collection[Agreement]:
        """Treaties, agreements, memoranda and joint statements."""
        return self._rest()[3]

    @property
    def claims(self) -> Collection[Claim]:
        """The articles' aggregate statements."""
        return self._rest()[4]

    @property
    def directory(self) -> str:
        """Where the data was read from."""
        return self._directory

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(getattr(self, name))}" for name in FILES)
        return f"<Dataset from {self.directory!r}: {sizes}>"

    def to_records(self, collection: CollectionName) -> tuple[dict[str, Cell], ...]:
        """One collection as flat rows: dicts of text, `Decimal`, `datetime.date` or None.

        Nested fields are flattened as `vn_diplomacy.tables` documents (dates in four columns, lists of ids
        joined by " | ", nested records as JSON text), the same as the CSV and Parquet exports.

        Raises:
            QueryError: `collection` is not one of the seven collection names.

        Examples:
            >>> import vn_diplomacy as vd
            >>> row = vd.load().to_records("trade")[-1]
            >>> row["value"], row["unit"], row["period_end"]
            (Decimal('88000000000'), 'USD', datetime.date(2024, 8, 31))
        """
        from vn_diplomacy.tables import to_records  # noqa: PLC0415  # tables imports this module

        return to_records(self, collection)

    def to_pandas(self, collection: CollectionName) -> pandas.DataFrame:
        """One collection as a pandas DataFrame of the `to_records` rows, one column per table column.

        Needs the ``pandas`` extra (``pip install 'vn_diplomacy[pandas]'``); pandas is imported only here.

        Raises:
            QueryError: `collection` is not a collection name, or pandas is not installed.

        Examples:
            >>> import vn_diplomacy as vd
            >>> frame = vd.load().to_pandas("partners")
            >>> frame.loc[frame["id"] == "JP", "tier"].item()
            'comprehensive-strategic'
        """
        from vn_diplomacy.tables import columns  # noqa: PLC0415  # tables imports this module

        names = [column.name for column in columns(collection)]  # checks the name before pandas is imported
        try:
            import pandas  # noqa: PLC0415  # an optional extra, imported only here
        except ImportError:
            raise QueryError("to_pandas() needs pandas: pip install 'vn_diplomacy[pandas]'") from None
        frame: pandas.DataFrame = pandas.DataFrame(list(self.to_records(collection)), columns=names)
        return frame


def _read(folder: Traversable, name: str, label: str) -> bytes:
    try:
        if isinstance(folder, Path):  # the usual case, bundled or not: unbuffered, a third faster than read_bytes
            with open(os.path.join(folder, name), "rb", buffering=0) as file:
                return file.readall()
        return folder.joinpath(name).read_bytes()
    except FileNotFoundError:
        raise DataError(f"missing data file; a data directory holds {', '.join(FILES.values())}", file=label) from None
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=label) from exc


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


@cache  # one validator per model for the process: building it costs more than validating the bundled data
def _validator(model: type[BaseModel]) -> SchemaValidator:
    # pydantic-core's validator of the model's own schema, as a tuple: what TypeAdapter(tuple[model, ...])
    # builds, without importing pydantic.type_adapter or making a serializer and a schema of its own.
    return SchemaValidator(core_schema.tuple_schema([model.__pydantic_core_schema__], variadic_item_index=0))


@cache  # likewise, built on the first large file
def _sharing_validator(model: type[BaseModel]) -> SchemaValidator:
    item = core_schema.no_info_after_validator_function(_share_fields_sets, model.__pydantic_core_schema__)
    return SchemaValidator(core_schema.tuple_schema([item], variadic_item_index=0))


_SHARE_FROM: Final = 1 << 20
"""From this file size (bytes) on, records share their fields sets: a third less memory, for a microsecond or
so a record, which pays only where memory counts (the bundled files are far smaller)."""

# One set object per distinct `model_fields_set`, shared by the models that have it.
_FIELDS_SETS: Final[dict[frozenset[str], set[str]]] = {}
_EVIDENCE_FIELDS: Final = {"source", "quote"}  # both required: every Evidence has exactly this fields set


@cache
def _nested_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `cls` that hold models, dates aside (equal dates are one object already)."""
    return tuple(
        name
        for name, field in cls.model_fields.items()
        if any(inner is not PartialDate for inner in _models_in(field.annotation))
    )


def _share_fields_sets(model: M) -> M:
    """Make `model`, and the models inside it, share one `model_fields_set` object per distinct set.

    pydantic gives every instance a set of the fields set: two thirds of a kilobyte for a record, a third of
    what a loaded record costs. The sets of frozen models are never changed in place (`model_copy` copies the
    set before updating it), so equal sets can be one object. Run as each record is validated, it lowers the
    peak of a load as well as what stays.
    """
    fields = model.__pydantic_fields_set__
    kept = _FIELDS_SETS.setdefault(frozenset(fields), fields)
    if kept is not fields:
        object.__setattr__(model, "__pydantic_fields_set__", kept)
    values = model.__dict__
    for name in _nested_fields(type(model)):
        value: object = values[name]
        if name == "evidence":  # the commonest nested model, with a constant fields set: no key to compute
            for item in cast("tuple[Evidence, ...]", value):
                object.__setattr__(item, "__pydantic_fields_set__", _EVIDENCE_FIELDS)
        elif isinstance(value, tuple):
            for inner in cast("tuple[BaseModel, ...]", value):
                _share_fields_sets(inner)
        elif isinstance(value, BaseModel):
            _share_fields_sets(value)
    return model


def _validate(name: str, model: type[R], raw: bytes) -> tuple[R, ...]:
    """The records of one file (equal dates are one object across the files of a load: see `_read_dataset`)."""
    try:
        validator = _sharing_validator(model) if len(raw) >= _SHARE_FROM else _validator(model)
        records: tuple[R, ...] = validator.validate_json(raw)
        return records
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = error["loc"]
        more = exc.error_count() - 1
        suffix = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
        if error["type"] == "json_invalid":
            raise DataError(f"malformed JSON: {error['msg']}{suffix}", file=name) from None
        if not loc:
            raise DataError(f"the file must hold a JSON array of records: {error['msg']}{suffix}", file=name) from None
        index = loc[0]
        record_id = _record_id(raw, index)
        record = shown(record_id) if record_id is not None else f"#{index}"
        field = ".".join(str(part) for part in loc[1:]) or None
        value = error.get("input")
        raise DataError(f"{error['msg']}, got: {shown(value)}{suffix}", file=name, record=record, field=field) from None


def _as_tuple(value: object) -> tuple[object, ...]:
    return value if isinstance(value, tuple) else (value,)  # pyright: ignore[reportUnknownVariableType]  # no cast call


@cache
def _evidence_paths(model: type[BaseModel]) -> tuple[tuple[str, ...], ...]:
    """The chains of field names that lead from `model` to Evidence, e.g. ``("tier_history", "evidence")``."""
    paths: list[tuple[str, ...]] = []
    for field_name, field in model.model_fields.items():
        for inner in _models_in(field.annotation):
            if inner is Evidence:
                paths.append((field_name,))
            elif inner is not model:  # a date's `until` is a date: no evidence down there
                paths.extend((field_name, *rest) for rest in _evidence_paths(inner))
    return tuple(paths)


def _models_in(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from _models_in(argument)


def _cited(records: Iterable[object], path: tuple[str, ...]) -> set[str]:
    """The sources cited by the Evidence at the end of `path` in any of `records`, walked a level at a time."""
    # Any, not object: no typing.cast call per item in these loops, which run over every nested record.
    level: list[Any] = list(records)
    for field_name in path:
        get = attrgetter(field_name)
        below: list[Any] = []
        for item in level:
            value: Any = get(item)
            if type(value) is tuple:
                below += value
            elif value is not None:
                below.append(value)
        level = below
    return {item.source for item in level}  # Evidence, all of them


def _evidence(model: BaseModel, path: str = "") -> Iterator[tuple[str, Evidence]]:
    """Every piece of evidence in `model`, nested ones too, with the dotted path to it."""
    for field_name in type(model).model_fields:
        value: object = getattr(model, field_name)
        for index, item in enumerate(_as_tuple(value)):
            where = f"{path}{field_name}" + (f"[{index}]" if isinstance(value, tuple) else "")
            if isinstance(item, Evidence):
                yield where, item
            elif isinstance(item, BaseModel):
                yield from _evidence(item, where + ".")


def _unknown(kind: str, ref: str, known: Iterable[str]) -> str:
    """The message for a reference to an id that does not exist, with the closest known ids."""
    hint = suggest(ref, known)
    also = f"; did you mean {' or '.join(map(repr, hint))}?" if hint else ""
    return f"unknown {kind} {shown(ref)}{also}"


def _check_references(file: str, records: tuple[R, ...], field_name: str, known: frozenset[str], kind: str) -> None:
    """Raise a DataError for the first id in `field_name` of `records` that is not in `known`."""
    values = list(map(attrgetter(field_name), records))
    ids = chain.from_iterable(values) if values and type(values[0]) is tuple else values  # tuples of ids, or ids
    if (known | {None}).issuperset(ids):
        return  # the usual case: one pass at C speed, no Python code per record (None: an optional id unset)
    for record in records:  # only to find and name the dangling id
        for ref in _as_tuple(getattr(record, field_name)):
            if ref is not None and ref not in known:
                message = _unknown(f"{kind} id", str(ref), known)
                raise DataError(message, file=file, record=shown(record.id), field=field_name)


def _paused_gc(read: Callable[[], T]) -> T:
    """`read()` with the cyclic garbage collector paused, then restored."""
    # Loading makes many objects and no garbage cycles; the cyclic collector, left on, would walk the
    # growing dataset again and again (half the load time at 10^5 engagements).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return read()
    finally:
        if collecting:
            gc.enable()


def _read_dataset(folder: Traversable, label: str, *, lazy: bool = False) -> Dataset:
    """Validate the seven files of `folder`; `label` prefixes the file names in messages.

    Sources and partners are validated first, then the five files that refer to them. With `lazy` (the
    bundled data), those five are read and validated only when one of their collections is first asked for.
    """
    # One pause for the whole of an eager load: re-enabled between the two steps, the collector would at once
    # walk every object the first step made (a tenth of the load).
    return _paused_gc(lambda: _read_dataset_unpaused(folder, label, lazy=lazy))


def _read_dataset_unpaused(folder: Traversable, label: str, *, lazy: bool) -> Dataset:
    files: dict[CollectionName, str] = {collection: f"{label}/{file}" for collection, file in FILES.items()}
    # Read every file first, unless lazy: a directory with a file missing fails before anything is validated.
    raw = {} if lazy else {collection: _read(folder, FILES[collection], files[collection]) for collection in FILES}

    def bytes_of(collection: CollectionName) -> bytes:
        # Each file's bytes are dropped (pop) once its records are made: the peak is the records, not records + text.
        return raw.pop(collection) if collection in raw else _read(folder, FILES[collection], files[collection])

    # Equal dates are one object across the files of this load, and only this load (see PartialDate).
    dates: dict[object, PartialDate] = {}
    sources, partners = _read_sources_and_partners(files, bytes_of, dates)

    def dealings() -> _Dealings:
        return _paused_gc(lambda: _read_dealings(files, bytes_of, dates, sources, partners))  # lazy: paused anew

    return Dataset(sources=sources, partners=partners, dealings=dealings if lazy else dealings(), directory=label)


def _sharing_dates(dates: dict[object, PartialDate], validate: Callable[[], T]) -> T:
    token = SHARED_DATES.set(dates)
    try:
        return validate()
    finally:
        SHARED_DATES.reset(token)


def _check_evidence(
    files: Mapping[CollectionName, str],
    collection: CollectionName,
    records: tuple[Record, ...],
    source_ids: frozenset[str],
) -> None:
    """Raise a DataError for the first evidence in `records` that cites a source not in `source_ids`."""
    paths = _evidence_paths(type(records[0])) if records else ()
    if all(_cited(records, path) <= source_ids for path in paths):
        return  # the usual case: a few set operations per file, no walk over every field
    for record in records:
        for where, evidence in _evidence(record):
            if evidence.source not in source_ids:
                raise DataError(
                    "evidence cites " + _unknown("source", evidence.source, source_ids),
                    file=files[collection],
                    record=shown(record.id),
                    field=where,
                )


def _read_sources_and_partners(
    files: Mapping[CollectionName, str], bytes_of: Callable[[CollectionName], bytes], dates: dict[object, PartialDate]
) -> tuple[Collection[Source], PartnerCollection]:
    sources, partners = _sharing_dates(
        dates,
        lambda: (
            _validate(files["sources"], Source, bytes_of("sources")),
            _validate(files["partners"], Partner, bytes_of("partners")),
        ),
    )
    source_ids = frozenset(s.id for s in sources)
    _check_evidence(files, "sources", sources, source_ids)
    _check_evidence(files, "partners", partners, source_ids)
    return (
        Collection("source", Source, sources, file=files["sources"]),
        PartnerCollection("partner", Partner, partners, file=files["partners"]),
    )


def _read_dealings(
    files: Mapping[CollectionName, str],
    bytes_of: Callable[[CollectionName], bytes],
    dates: dict[object, PartialDate],
    source_collection: Collection[Source],
    partner_collection: PartnerCollection,
) -> _Dealings:
    """The five collections that refer to sources and partners, validated and checked against them."""
    from vn_diplomacy.dealings import Agreement, Claim, Engagement, Person, TradeFigure  # noqa: PLC0415  # see bundled()

    people, engagements, trade, agreements, claims = _sharing_dates(
        dates,
        lambda: (
            _validate(files["people"], Person, bytes_of("people")),
            _validate(files["engagements"], Engagement, bytes_of("engagements")),
            _validate(files["trade"], TradeFigure, bytes_of("trade")),
            _validate(files["agreements"], Agreement, bytes_of("agreements")),
            _validate(files["claims"], Claim, bytes_of("claims")),
        ),
    )
    source_ids = frozenset(source.id for source in source_collection)
    partner_ids = frozenset(partner.id for partner in partner_collection)
    parties = partner_ids | {VIETNAM}
    person_ids = frozenset(p.id for p in people)
    _check_references(files["people"], people, "country", parties, "partner")
    _check_references(files["engagements"], engagements, "partners", partner_ids, "partner")
    _check_references(files["engagements"], engagements, "people", person_ids, "person")
    _check_references(files["trade"], trade, "partner", partner_ids, "partner")
    _check_references(files["agreements"], agreements, "parties", parties, "partner")
    _check_references(files["claims"], claims, "partners", partner_ids, "partner")
    _check_evidence(files, "people", people, source_ids)
    _check_evidence(files, "engagements", engagements, source_ids)
    _check_evidence(files, "trade", trade, source_ids)
    _check_evidence(files, "agreements", agreements, source_ids)
    _check_evidence(files, "claims", claims, source_ids)
    for person in people:
        for index, role in enumerate(person.roles):
            if role.entity not in parties:
                raise DataError(
                    _unknown("partner id", role.entity, parties),
                    file=files["people"],
                    record=shown(person.id),
                    field=f"roles[{index}].entity",
                )

    people_collection = Collection("person", Person, people, file=files["people"])

    def resolve(text: str) -> str:
        if text in partner_collection or text == VIETNAM:
            return text
        if text in people_collection:
            return text
        # _match, not lookup: a partner lookup that misses would build a NotFound with suggestions (~1 ms).
        match = partner_collection._match(text) or people_collection._match(text)  # pyright: ignore[reportPrivateUsage]
        if match is not None:
            return match.id
        raise not_found("partner or person", text, (*partner_collection, *people_collection), "id or name")

    return (
        people_collection,
        Collection("engagement", Engagement, engagements, resolve=resolve, file=files["engagements"]),
        Collection("trade figure", TradeFigure, trade, resolve=resolve, file=files["trade"]),
        Collection("agreement", Agreement, agreements, resolve=resolve, file=files["agreements"]),
        Collection("claim", Claim, claims, resolve=resolve, file=files["claims"]),
    )


_lock: Final = threading.Lock()
_bundled: list[Dataset] = []


def bundled() -> Dataset:
    """The data shipped with the package, validated on first use and cached for the process.

    Sources and partners are validated when a collection is first used; the five files that refer to them
    (people, engagements, trade, agreements, claims) when one of those five is first used, so a first question
    about partners builds neither their schemas nor their records. Each collection is whole and valid, or its
    use raises a DataError; `load()` validates all seven before it returns.
    """
    if not _bundled:
        with _lock:
            if not _bundled:
                # The stdlib's files(), not the importlib_resources backport: the same answer on 3.10+
                # for a package on disk or in a zip, and a first answer ~3 ms sooner (fewer imports).
                from importlib.resources import files  # noqa: PLC0415  # not paid by a bare import

                folder = files("vn_diplomacy") / "data"
                _bundled.append(_read_dataset(folder, "vn_diplomacy/data", lazy=True))
    return _bundled[0]


def load(directory: str | os.PathLike[str] | None = None) -> Dataset:
    """Load and fully validate a data directory; `None` gives the bundled data.

    Every file is validated, every reference and evidence source checked, before anything is
    returned: a directory with any fault raises and nothing is loaded.

    Args:
        directory: A folder holding the seven JSON files (see `FILES`), or None.

    Raises:
        DataError: The folder is missing, a file is missing or malformed, or a record is invalid;
            the message names the file, the record and the field.
        TypeError: `directory` is not a path.

    Examples:
        >>> import vn_diplomacy as vd
        >>> vd.load().engagements.get("2025-07-11-son-rubio").location
        'Malaysia'
    """
    if directory is None:
        dataset = bundled()
        # All seven files, as promised here, not only the collections used so far.
        dataset._rest()  # pyright: ignore[reportPrivateUsage]  # this module's own class
        return dataset
    if not isinstance(directory, (str, os.PathLike)):  # pyright: ignore[reportUnnecessaryIsInstance]  # untyped callers
        raise TypeError(
            f"directory must be a path (str or os.PathLike) or None, got {type(directory).__name__}: {directory!r}"
        )
    path = Path(directory)
    if not path.is_dir():
        what = "is not a directory" if path.exists() else "does not exist"
        raise DataError(f"the data directory {what}", file=str(path))
    return _read_dataset(path, str(path))


def dumps(records: Iterable[Record]) -> str:
    """The canonical text of a data file: records sorted by id, pretty-printed, with a trailing newline.

    Defaults (empty tuples, None where None is the default) are left out, so files stay short, and
    each record's evidence comes last, after the facts it supports.

    Examples:
        >>> import vn_diplomacy as vd
        >>> from vn_diplomacy.loading import dumps
        >>> dumps([vd.partners.get("JP")]).startswith('[\\n  {\\n    "id": "JP"')
        True
    """
    import json  # noqa: PLC0415  # only to write data files

    payload = [canonical(record) for record in sorted(records, key=lambda record: record.id)]
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def canonical(record: Record, *, defaults: bool = False) -> dict[str, object]:
    """A record as the data files hold it: evidence last, defaults left out unless `defaults` is true."""
    fields = record.model_dump(mode="json", exclude_defaults=not defaults)
    evidence = fields.pop("evidence")
    return {**fields, "evidence": evidence}
