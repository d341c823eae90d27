"""Properties over large input spaces (any text, any dates), on the tests' own fixture data; normalize's own
properties are in test_normalize.py."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vn_diplomacy as vd
from vn_diplomacy import NotFound, QueryError

if TYPE_CHECKING:
    from collections.abc import Callable

dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


def named(data: vd.Dataset) -> list[tuple[vd.CollectionName, str, str]]:
    """(collection, record id, name) for every id and name of every record of `data`."""
    return [
        (collection, r.id, name) for collection in vd.FILES for r in data[collection] for name in (r.id, *r.names())
    ]


@settings(max_examples=200)
@given(st.data())
def test_lookup_and_get_give_a_record_or_not_found(fixture_data: vd.Dataset, data: st.DataObject) -> None:
    collection = fixture_data[data.draw(st.sampled_from(list(vd.FILES)), label="collection")]
    text = data.draw(st.text(max_size=40) | st.sampled_from([name for *_, name in named(fixture_data)]), label="text")
    if text in collection:
        assert collection.get(text).id == text
    else:
        with pytest.raises(NotFound) as missed:
            collection.get(text)
        assert missed.value.key == text
        assert all(s in collection for s in missed.value.suggestions)  # suggestions are known ids
    owners = {r.id for r in collection for name in (r.id, *r.names()) if vd.normalize(name) == vd.normalize(text)}
    if owners:
        assert {collection.lookup(text).id} == owners
    else:
        with pytest.raises(NotFound):
            collection.lookup(text)


def padded(text: str) -> str:
    return f"  {text}. "


@given(st.data(), st.sampled_from([str.upper, str.lower, str.title, padded]))
def test_every_name_finds_its_own_record_whatever_its_case(
    fixture_data: vd.Dataset, data: st.DataObject, spell: Callable[[str], str]
) -> None:
    collection, record_id, name = data.draw(st.sampled_from(named(fixture_data)), label="named")
    assert fixture_data[collection].lookup(spell(name)).id == record_id


@given(st.data(), dates)
def test_tier_on_agrees_with_tier_history(fixture_data: vd.Dataset, data: st.DataObject, day: datetime.date) -> None:
    partner = data.draw(st.sampled_from(list(fixture_data.partners)), label="partner")
    in_force = [c.tier for c in partner.tier_history if c.effective_from <= day]
    assert partner.tier_on(day) == (in_force[-1] if in_force else None)


@given(dates, dates)
def test_between_is_consistent_with_record_dates(
    fixture_data: vd.Dataset, first: datetime.date, second: datetime.date
) -> None:
    engagements = fixture_data.engagements
    start, end = sorted((first, second))
    found = engagements.between(start, end)
    expected = [e for e in engagements if e.start.earliest <= end and start <= (e.end or e.start).latest]
    assert list(found) == expected
    if start != end:
        with pytest.raises(QueryError):
            engagements.between(end, start)


@given(st.data())
def test_involving_matches_a_scan(fixture_data: vd.Dataset, data: st.DataObject) -> None:
    ids = st.sampled_from([*fixture_data.partners.ids, *fixture_data.people.ids, vd.VIETNAM])
    one, two = data.draw(ids, label="one"), data.draw(ids, label="two")
    found = fixture_data.engagements.involving(one, two)
    assert list(found) == [e for e in fixture_data.engagements if {one, two} <= {*e.partners, *e.people}]


written = st.sampled_from([10, 7, 4])  # a day, a month or a year: how much of the ISO date is kept
any_day = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9990, 12, 31))


@given(st.lists(st.tuples(any_day, written, st.integers(0, 800)), min_size=1, max_size=25), any_day, any_day)
def test_between_agrees_with_a_scan_whatever_the_spans(
    fixture_data: vd.Dataset, spans: list[tuple[datetime.date, int, int]], first: datetime.date, second: datetime.date
) -> None:
    """between() on engagements dated as the data dates them (a day, a month, a year, a range): as a full scan."""
    base = fixture_data.engagements.get("2025-07-11-son-rubio")
    records = [
        base.model_copy(
            update={
                "id": f"e{index}",
                "title": f"engagement {index}",
                "start": vd.PartialDate.parse(day.isoformat()[:width]),
                "end": vd.PartialDate.parse((day + datetime.timedelta(days=extra)).isoformat()) if extra else None,
            }
        )
        for index, (day, width, extra) in enumerate(spans)
    ]
    collection = vd.Collection("engagement", vd.Engagement, records)
    start, end = sorted((first, second))
    expected = [r for r in collection if r.start.earliest <= end and start <= (r.end or r.start).latest]
    assert list(collection.between(start, end)) == expected
