"""between() against a scan of every record, for any spans (a day to all of time) and any range."""

from __future__ import annotations

import datetime
import random

from hypothesis import given, settings
from hypothesis import strategies as st

import vn_diplomacy as vd

D = datetime.date
LAST_ORDINAL = D.max.toordinal()
EVIDENCE = (vd.Evidence(source="test", quote="A quote.", start=0, end=8),)


class Dated(vd.Record, frozen=True):
    """A record of these tests: it covers the days from `first` to `last`, or none when `first` is None."""

    first: datetime.date | None = None
    last: datetime.date | None = None

    def span(self) -> tuple[datetime.date, datetime.date] | None:
        return None if self.first is None or self.last is None else (self.first, self.last)


def record(index: int, span: tuple[datetime.date, datetime.date] | None) -> Dated:
    first, last = span or (None, None)
    return Dated(id=f"r{index:05d}", evidence=EVIDENCE, first=first, last=last)


def scanned(collection: vd.Collection[Dated], start: datetime.date, end: datetime.date) -> list[Dated]:
    """The reference: every record, in iteration order, whose days overlap start..end."""
    return [r for r in collection if r.first is not None and r.last is not None and r.first <= end and start <= r.last]


def ending(first: datetime.date, days: int) -> datetime.date:
    """The day `days` after `first`, or the last day there is."""
    return D.fromordinal(min(first.toordinal() + days, LAST_ORDINAL))


# How long a span is, in days after its first: each kind of date the data has, and longer.
LENGTHS = st.one_of(
    st.just(0),  # a day
    st.integers(1, 4),  # a range of days, or a visit of a few days
    st.integers(27, 30),  # a month
    st.integers(31, 122),  # months, a part of a year
    st.sampled_from([364, 365]),  # a year
    st.integers(366, 40_000),  # years to a century
    st.just(LAST_ORDINAL),  # to the last day there is
)


@st.composite
def collections(draw: st.DrawFn) -> vd.Collection[Dated]:
    """Up to 60 records, most of them within a few decades so that they overlap, some sharing a first day."""
    shared = draw(st.lists(st.dates(D(1990, 1, 1), D(2030, 12, 31)), min_size=1, max_size=4))
    firsts = st.one_of(
        st.dates(D(1990, 1, 1), D(2030, 12, 31)),
        st.sampled_from(shared),  # equal first days
        st.dates(),  # anywhere from year 1 to 9999
        st.sampled_from([D.min, D.max]),
    )
    spans = st.one_of(st.tuples(firsts, LENGTHS).map(lambda fl: (fl[0], ending(*fl))), st.none())
    return vd.Collection(
        "record", Dated, [record(i, span) for i, span in enumerate(draw(st.lists(spans, max_size=60)))]
    )


@st.composite
def ranges(draw: st.DrawFn, collection: vd.Collection[Dated]) -> tuple[datetime.date, datetime.date]:
    """A closed range whose ends are any day, or a day next to where a record starts or ends."""
    near = [D.min, D.max]
    for r in collection:
        for day in (r.first, r.last):
            if day is not None:
                near += [D.fromordinal(max(1, day.toordinal() - 1)), day, ending(day, 1)]
    days = st.one_of(st.sampled_from(near), st.dates(D(1990, 1, 1), D(2030, 12, 31)), st.dates())
    first, second = draw(days), draw(days)
    return min(first, second), max(first, second)


@settings(max_examples=500)
@given(st.data())
def test_between_is_every_overlapping_record_in_iteration_order(data: st.DataObject) -> None:
    collection = data.draw(collections())
    for _ in range(5):
        start, end = data.draw(ranges(collection))
        assert list(collection.between(start, end)) == scanned(collection, start, end)


def test_spans_reaching_the_first_and_last_day_there_is() -> None:
    spans = [(D.min, D.max), (D.min, D.min), (D.max, D.max), (D.min, D(2000, 1, 1)), (D(2000, 1, 1), D.max), None]
    collection = vd.Collection("record", Dated, [record(i, span) for i, span in enumerate(spans)])
    assert [r.id for r in collection.between(D.min, D.min)] == ["r00000", "r00001", "r00003"]
    assert [r.id for r in collection.between(D.max, D.max)] == ["r00000", "r00004", "r00002"]
    assert [r.id for r in collection.between(D(2000, 1, 1), D(2000, 1, 1))] == ["r00000", "r00003", "r00004"]
    assert len(collection.between(D.min, D.max)) == 5  # all but the undated one


def test_a_large_collection_of_realistic_spans() -> None:
    """Thousands of records of the kinds the data has (a fifth a year long), queried around busy days."""
    rng = random.Random(6)
    spans: list[tuple[datetime.date, datetime.date]] = []
    for _ in range(4000):
        first = D(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9000))
        kind = rng.random()
        if kind < 0.2:
            first, last = D(first.year, 1, 1), D(first.year, 12, 31)
        elif kind < 0.3:
            first, last = first.replace(day=1), ending(first.replace(day=1), rng.randint(27, 122))
        else:
            last = ending(first, rng.choice([0, 0, 0, 1, 2, 4]))
        spans.append((first, last))
    collection = vd.Collection("record", Dated, [record(i, span) for i, span in enumerate(spans)])
    for _ in range(300):
        start = D(2000, 1, 1) + datetime.timedelta(days=rng.randrange(-400, 9400))
        end = ending(start, rng.choice([0, 0, 1, 6, 30, 365, 3000]))
        assert list(collection.between(start, end)) == scanned(collection, start, end)
