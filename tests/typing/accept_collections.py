"""What users see of the collections: checked by mypy --strict and pyright strict, never run.

`# mypy: disallow-any-expr` makes any expression typed `Any` an error, so no `Any` leaks from the API.
"""

# mypy: disallow-any-expr

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pandas
from typing_extensions import assert_type

import vn_diplomacy as vd
from vn_diplomacy import (
    Agreement,
    Claim,
    Collection,
    Engagement,
    Partner,
    PartnerCollection,
    Person,
    Record,
    Source,
    Tier,
    TradeFigure,
)

day = datetime.date(2024, 3, 19)
later = datetime.date(2024, 12, 31)

# The module attributes, each its own collection type.
assert_type(vd.sources, Collection[Source])
assert_type(vd.partners, PartnerCollection)
assert_type(vd.people, Collection[Person])
assert_type(vd.engagements, Collection[Engagement])
assert_type(vd.trade, Collection[TradeFigure])
assert_type(vd.agreements, Collection[Agreement])
assert_type(vd.claims, Collection[Claim])

# get / lookup / [] give the record; involving / between a tuple of them.
assert_type(vd.partners.get("US"), Partner)
assert_type(vd.partners.lookup("United States"), Partner)
assert_type(vd.partners["US"], Partner)
assert_type(vd.people.get("bui-thanh-son"), Person)
assert_type(vd.sources.lookup("x"), Source)
assert_type(vd.engagements.get("2025-07-11-son-rubio"), Engagement)
assert_type(vd.engagements.involving("US", "bui-thanh-son"), tuple[Engagement, ...])
assert_type(vd.engagements.between(day, later), tuple[Engagement, ...])
assert_type(vd.trade.involving("US"), tuple[TradeFigure, ...])
assert_type(vd.trade.between(day, later), tuple[TradeFigure, ...])
assert_type(vd.agreements.involving("US"), tuple[Agreement, ...])
assert_type(vd.agreements.between(day, later), tuple[Agreement, ...])
assert_type(vd.claims.involving("US"), tuple[Claim, ...])
assert_type(vd.claims.between(day, later), tuple[Claim, ...])
assert_type(vd.people.involving("US"), tuple[Person, ...])
assert_type(vd.partners.between(day, later), tuple[Partner, ...])
assert_type(vd.partners.with_tier(Tier.STRATEGIC), tuple[Partner, ...])
assert_type(vd.partners.with_tier(Tier.STRATEGIC, on=day), tuple[Partner, ...])

# Every collection, and one made of a query's records, is a DataFrame for a notebook.
assert_type(vd.engagements.to_pandas(), pandas.DataFrame)
assert_type(vd.partners.to_pandas(), pandas.DataFrame)
assert_type(Collection("engagement", Engagement, vd.engagements.involving("US")).to_pandas(), pandas.DataFrame)
assert_type(vd.partners.with_tier(Tier.STRATEGIC, on=None), tuple[Partner, ...])

# The container protocol and the properties.
assert_type(len(vd.partners), int)
assert_type("US" in vd.partners, bool)
assert_type(iter(vd.engagements), Iterator[Engagement])
assert_type([p.name for p in vd.partners], list[str])
assert_type(vd.partners.ids, tuple[str, ...])
assert_type(vd.partners.kind, str)
assert_type(repr(vd.claims), str)
assert_type(vd.normalize("Bùi Thanh Sơn"), str)

# Read-only, hence covariant: a collection of partners is a collection of records.
everything: tuple[Collection[Record], ...] = (vd.sources, vd.partners, vd.people, vd.engagements, vd.claims)


def first_id(collection: Collection[Record]) -> str:
    """A user's helper over any collection."""
    return next(iter(collection)).id


def any_record(collection: Collection[Record], id: str) -> Record:  # noqa: A002
    return collection.get(id)


assert_type(first_id(vd.agreements), str)
assert_type(any_record(vd.partners, "US"), Record)
