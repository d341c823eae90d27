"""Properties over large input spaces: any text, any dates (normalize's own are in test_normalize.py)."""

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

COLLECTIONS = [vd.sources, vd.partners, vd.people, vd.engagements, vd.trade, vd.agreements, vd.claims]
NAMED = [(index, r.id, name) for index, c in enumerate(COLLECTIONS) for r in c for name in (r.id, *r.names())]
dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


@settings(max_examples=200)
@given(st.text(max_size=40) | st.sampled_from([name for _, _, name in NAMED]), st.sampled_from(range(len(COLLECTIONS))))
def test_lookup_and_get_give_a_record_or_not_found(text: str, index: int) -> None:
    collection = COLLECTIONS[index]
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


@given(st.sampled_from(NAMED), st.sampled_from([str.upper, str.lower, str.title, padded]))
def test_every_name_finds_its_own_record_whatever_its_case(
    named: tuple[int, str, str], spell: Callable[[str], str]
) -> None:
    index, record_id, name = named
    assert COLLECTIONS[index].lookup(spell(name)).id == record_id


@given(dates, st.sampled_from(list(vd.partners)))
def test_tier_on_agrees_with_tier_history(day: datetime.date, partner: vd.Partner) -> None:
    in_force = [c.tier for c in partner.tier_history if c.effective_from <= day]
    assert partner.tier_on(day) == (in_force[-1] if in_force else None)


@given(dates, dates)
def test_between_is_consistent_with_record_dates(first: datetime.date, second: datetime.date) -> None:
    start, end = sorted((first, second))
    found = vd.engagements.between(start, end)
    expected = [e for e in vd.engagements if e.start.earliest <= end and start <= (e.end or e.start).latest]
    assert list(found) == expected
    if start != end:
        with pytest.raises(QueryError):
            vd.engagements.between(end, start)


@given(st.sampled_from(list(vd.partners)), st.sampled_from(list(vd.partners)))
def test_involving_matches_a_scan(one: vd.Partner, two: vd.Partner) -> None:
    found = vd.engagements.involving(one.id, two.id)
    assert list(found) == [e for e in vd.engagements if {one.id, two.id} <= set(e.partners)]


written = st.sampled_from([10, 7, 4])  # a day, a month or a year: how much of the ISO date is kept
any_day = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9990, 12, 31))


@given(st.lists(st.tuples(any_day, written, st.integers(0, 800)), min_size=1, max_size=25), any_day, any_day)
def test_between_agrees_with_a_scan_whatever_the_spans(
    spans: list[tuple[datetime.date, int, int]], first: datetime.date, second: datetime.date
) -> None:
    """between() bisects by first day and looks back by the longest span: the same answer as a full scan."""
    base = vd.engagements.get("2025-07-11-son-rubio")
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
