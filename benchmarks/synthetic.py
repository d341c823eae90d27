"""A valid synthetic data directory of any size, for the growth benchmarks.

The other files are the bundled ones; `engagements.json` holds `count` generated engagements that
cite the bundled sources, partners and people, so every reference and piece of evidence is checked at load
as it is for the real data. They are dated as the bundled engagements are: most a day or a few days, a fifth
only a year, some a month, months or a part of a year. A fixed probe set (`PROBE_PARTNER`, `PROBE_COUNT`
engagements) is the same at every size, so a query for it has the same number of matches whatever the size;
only the probes cover `PROBE_DAY`, so `between` that day matches them alone, while records of the years
before and after it, a year long or a day, are there at every size.
"""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path
from typing import Final

import importlib_resources

from vn_diplomacy.registry import FILES

__all__ = ["PROBE_COUNT", "PROBE_DAY", "PROBE_PARTNER", "PROBE_PERSON", "bundled_dir", "lookup_title", "write_dataset"]

PROBE_PARTNER: Final = "VA"
"""Only the probe engagements involve this partner (the Holy See)."""
PROBE_PERSON: Final = "karin-keller-sutter"
"""Only the probe engagements involve this person."""
PROBE_COUNT: Final = 10
"""How many engagements involve the probe partner, at every size."""
PROBE_DAY: Final = datetime.date(2010, 6, 15)
"""Only the probe engagements cover this day; records before and after it, a year long or a day, are many."""

_FILES: Final = tuple(name for name in FILES if name != "engagements")  # every collection of the registry but one
_KINDS: Final = ("meeting", "talks", "visit", "phone-call", "session", "conference", "summit", "exchange")
_PLACES: Final = ("Hanoi", "Ho Chi Minh City", "Kuala Lumpur", "Beijing", "Washington", "Tokyo", "Geneva", None)
_TOPICS: Final = ("trade", "investment", "education", "climate change", "digital transformation", "defence")


def bundled_dir() -> Path:
    """The bundled data folder on disk (the package must be installed from a folder, as `pip install -e .` does)."""
    folder = Path(str(importlib_resources.files("vn_diplomacy") / "data"))
    if not folder.is_dir():
        raise SystemExit(f"the benchmarks need the bundled data as files on disk, got {folder}")
    return folder


def _bundled() -> dict[str, list[dict[str, object]]]:
    folder = bundled_dir()
    return {name: json.loads((folder / f"{name}.json").read_bytes()) for name in _FILES}


def lookup_title(index: int) -> str:
    """The title of generated engagement `index`, which `lookup` finds exactly."""
    return f"Synthetic engagement {index:06d} between Vietnam and a partner"


_PARTS: Final = (("early", 1, 4), ("mid", 5, 8), ("late", 9, 12))
_GUESS: Final = "The article gives only the day and month; the year is its own."
_YEAR_GUESS: Final = "The related-article teaser gives no date; the year is that of the page it is listed on."


def _month_end(year: int, month: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def _dates(rng: random.Random, day: datetime.date) -> tuple[object, object | None, datetime.date, datetime.date]:
    """A start (and maybe an end) written in one of the forms the bundled data uses, with its first and last day.

    About as often as in the bundled engagements: most are one day, some a two-day range or a day to a later
    day, and a fifth give the year only (the bundled data: 10 of 38); a few give a month, a part of a year, or a
    range of months.
    """
    year, month = day.year, day.month
    end: object | None = None
    first = last = day
    form = rng.random()
    if form < 0.4:
        start: object = day.isoformat()
    elif form < 0.5:
        start = {"date": day.isoformat(), "inference": _GUESS}
    elif form < 0.57:
        last = day + datetime.timedelta(days=1)
        start = f"{day.isoformat()}/{last.isoformat()}"
    elif form < 0.67:
        last = day + datetime.timedelta(days=rng.randint(1, 4))
        start, end = day.isoformat(), last.isoformat()
    elif form < 0.77:
        # A month, or (two times in five) a range of months within the year, when the year has months left.
        until = month if form < 0.73 else min(12, month + rng.randint(1, 3))
        start = f"{year:04d}-{month:02d}" if until == month else f"{year:04d}-{month:02d}/{year:04d}-{until:02d}"
        first, last = day.replace(day=1), _month_end(year, until)
    elif form < 0.8:
        part, months = next((name, (low, high)) for name, low, high in _PARTS if low <= month <= high)
        start = f"{part} {year:04d}"
        first, last = datetime.date(year, months[0], 1), _month_end(year, months[1])
    else:
        start = f"{year:04d}" if form < 0.9 else {"date": f"{year:04d}", "inference": _YEAR_GUESS}
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return start, end, first, last


_PROBE_DATES: Final[tuple[tuple[object, object | None], ...]] = (
    ("2010", None),
    ({"date": "2010", "inference": _YEAR_GUESS}, None),
    ("mid 2010", None),
    ("2010-05/2010-07", None),
    ("2010-06", None),
    (PROBE_DAY.isoformat(), None),
    ({"date": PROBE_DAY.isoformat(), "inference": _GUESS}, None),
    ("2010-06-14/2010-06-15", None),
    ("2010-06-13", "2010-06-16"),
    ("2010-06-01", PROBE_DAY.isoformat()),
)
"""The probe engagements' dates: each form a record can take, and each one covers `PROBE_DAY`."""


def _engagement(
    rng: random.Random, index: int, partners: list[str], people: list[str], sources: list[str], *, probe: int | None
) -> dict[str, object]:
    day = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9000))
    if probe is None:
        start, end, first, last = _dates(rng, day)
        while first <= PROBE_DAY <= last:  # only the probes cover the probe day
            day = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9000))
            start, end, first, last = _dates(rng, day)
    else:
        start, end = _PROBE_DATES[probe % len(_PROBE_DATES)]
        day = PROBE_DAY
    record: dict[str, object] = {
        "id": f"{day.isoformat()}-synthetic-{index:06d}",
        "title": lookup_title(index),
        "kind": rng.choice(_KINDS),
        "start": start,
    }
    if end is not None:
        record["end"] = end
    record["partners"] = [PROBE_PARTNER] if probe is not None else sorted(rng.sample(partners, rng.randint(1, 3)))
    record["people"] = (
        [PROBE_PERSON, "bui-thanh-son"] if probe is not None else sorted(rng.sample(people, rng.randint(0, 2)))
    )
    place = rng.choice(_PLACES)
    if place is not None:
        record["location"] = place
    quote = f"The two sides met on this occasion, number {index}, and agreed."
    at = rng.randrange(0, 40_000)  # offsets into an article, as the bundled quotes have
    evidence = [
        {"source": rng.choice(sources), "quote": quote, "start": at, "end": at + len(quote)}
        for _ in range(rng.randint(1, 2))
    ]
    if rng.random() < 0.5:  # statements with quotes of their own, as the bundled engagements have them
        record["discussed"] = [
            {
                "text": topic,
                "evidence": [{**evidence[0], "quote": f"They discussed {topic}.", "end": at + 16 + len(topic)}],
            }
            for topic in sorted(rng.sample(_TOPICS, rng.randint(1, 3)))
        ]
    record["evidence"] = evidence
    return record


def write_dataset(folder: Path, count: int, *, seed: int = 6) -> int:
    """Write a data directory with `count` engagements into `folder`; returns the bytes of JSON written."""
    rng = random.Random(seed)
    data = _bundled()
    partners = [str(p["id"]) for p in data["partners"] if p["id"] != PROBE_PARTNER]
    people = [str(p["id"]) for p in data["people"] if p["id"] != PROBE_PERSON]
    sources = [str(s["id"]) for s in data["sources"]]
    probes = range(0, count, count // PROBE_COUNT) if count >= PROBE_COUNT else range(count)
    number = {index: order for order, index in enumerate(probes)}  # which of the probes' dates each one takes
    engagements = [
        _engagement(rng, index, partners, people, sources, probe=number.get(index)) for index in range(count)
    ]
    # Sorted by id, as the project's data files are (a test holds them to the canonical form of dumps()).
    data["engagements"] = sorted(engagements, key=lambda record: str(record["id"]))
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, records in data.items():
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        (folder / f"{name}.json").write_text(text, encoding="utf-8")
        size += len(text.encode())
    return size
