"""What users see of dates, errors, loading and versions: checked by mypy and pyright, never run."""

# mypy: disallow-any-expr

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pandas
from typing_extensions import assert_type

import vn_diplomacy as vd
from vn_diplomacy import (
    Collection,
    CollectionName,
    DataError,
    Dataset,
    NotFound,
    PartialDate,
    PartnerCollection,
    Precision,
    QueryError,
    Source,
    VnDiplomacyError,
    YearPart,
)

# Dates at the articles' precision.
date = PartialDate.parse("late 2023")
assert_type(date, PartialDate)
assert_type(PartialDate.parse("1995", inference="counted back"), PartialDate)
assert_type(date.year, int)
assert_type(date.month, int | None)
assert_type(date.day, int | None)
assert_type(date.part, YearPart | None)
assert_type(date.until, PartialDate | None)
assert_type(date.inference, str | None)
assert_type(date.precision, Precision)
assert_type(date.is_inferred, bool)
assert_type(date.earliest, datetime.date)
assert_type(date.latest, datetime.date)
assert_type(date.contains(datetime.date(2023, 10, 1)), bool)
assert_type(str(date), str)

# Errors keep their facts as typed attributes, and subclass the builtins they resemble.
try:
    vd.partners.get("JPN")
except NotFound as error:
    assert_type(error.kind, str)
    assert_type(error.key, str)
    assert_type(error.suggestions, tuple[str, ...])
    assert_type(error.message, str)
    missing: KeyError = error
    base: VnDiplomacyError = error
try:
    vd.load("elsewhere")
except DataError as error:
    assert_type(error.file, str)
    assert_type(error.record, str | None)
    assert_type(error.field, str | None)
invalid: ValueError = QueryError("end before start")

# Loading another directory gives a Dataset of the same collections.
dataset = vd.load()
assert_type(dataset, Dataset)
assert_type(vd.load("data"), Dataset)
assert_type(vd.load(Path("data")), Dataset)
assert_type(vd.load(None), Dataset)
assert_type(dataset.sources, Collection[Source])
assert_type(dataset.partners, PartnerCollection)
assert_type(dataset.people, Collection[vd.Person])
assert_type(dataset.engagements, Collection[vd.Engagement])
assert_type(dataset.trade, Collection[vd.TradeFigure])
assert_type(dataset.agreements, Collection[vd.Agreement])
assert_type(dataset.claims, Collection[vd.Claim])
assert_type(dataset.directory, str)
assert_type(vd.FILES, Mapping[CollectionName, str])

# Flat rows and JSON Schema, per collection name.
assert_type(dataset.to_records("trade"), tuple[dict[str, str | Decimal | datetime.date | None], ...])
assert_type(dataset.to_pandas("partners"), pandas.DataFrame)
assert_type(vd.json_schema("partners"), dict[str, object])
assert_type(vd.json_schema(), dict[CollectionName, dict[str, object]])
name: CollectionName = "people"
assert_type(vd.json_schema(name), dict[str, object])

# Versions: of the package and of the bundled data.
assert_type(vd.__version__, str)
assert_type(vd.DATA_VERSION, str)
