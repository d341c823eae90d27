"""A valid synthetic data directory of any size, for the growth benchmarks.

The six small files are the bundled ones; `engagements.json` holds `count` generated engagements that
cite the bundled sources, partners and people, so every reference and piece of evidence is checked at load
as it is for the real data. A fixed probe set (`PROBE_PARTNER`, `PROBE_COUNT` engagements) is the same at
every size, so a query for it has the same number of matches whatever the size.
"""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path
from typing import Final

import importlib_resources

__all__ = ["PROBE_COUNT", "PROBE_PARTNER", "PROBE_PERSON", "bundled_dir", "lookup_title", "write_dataset"]

PROBE_PARTNER: Final = "VA"
"""Only the probe engagements involve this partner (the Holy See)."""
PROBE_PERSON: Final = "karin-keller-sutter"
"""Only the probe engagements involve this person."""
PROBE_COUNT: Final = 10
"""How many engagements involve the probe partner, at every size."""

_FILES: Final = ("sources", "partners", "people", "trade", "agreements", "claims")
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


def _date(rng: random.Random, day: datetime.date) -> object:
    """A start date in one of the forms the data uses: a day, a month, an inferred day, or a two-day range."""
    form = rng.random()
    if form < 0.6:
        return day.isoformat()
    if form < 0.7:
        return day.isoformat()[:7]
    if form < 0.9:
        return {"date": day.isoformat(), "inference": "The article gives only the day and month; the year is its own."}
    return f"{day.isoformat()}/{(day + datetime.timedelta(days=1)).isoformat()}"


def _engagement(
    rng: random.Random, index: int, partners: list[str], people: list[str], sources: list[str], *, probe: bool
) -> dict[str, object]:
    day = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9000))
    record: dict[str, object] = {
        "id": f"{day.isoformat()}-synthetic-{index:06d}",
        "title": lookup_title(index),
        "kind": rng.choice(_KINDS),
        "start": _date(rng, day),
        "partners": [PROBE_PARTNER] if probe else sorted(rng.sample(partners, rng.randint(1, 3))),
        "people": [PROBE_PERSON, "bui-thanh-son"] if probe else sorted(rng.sample(people, rng.randint(0, 2))),
    }
    place = rng.choice(_PLACES)
    if place is not None:
        record["location"] = place
    if rng.random() < 0.5:
        record["discussed"] = sorted(rng.sample(_TOPICS, rng.randint(1, 3)))
    record["evidence"] = [
        {"source": rng.choice(sources), "quote": f"The two sides met on this occasion, number {index}, and agreed."}
        for _ in range(rng.randint(1, 2))
    ]
    return record


def write_dataset(folder: Path, count: int, *, seed: int = 6) -> int:
    """Write a data directory with `count` engagements into `folder`; returns the bytes of JSON written."""
    rng = random.Random(seed)
    data = _bundled()
    partners = [str(p["id"]) for p in data["partners"] if p["id"] != PROBE_PARTNER]
    people = [str(p["id"]) for p in data["people"] if p["id"] != PROBE_PERSON]
    sources = [str(s["id"]) for s in data["sources"]]
    probes = set(range(0, count, count // PROBE_COUNT)) if count >= PROBE_COUNT else set(range(count))
    engagements = [_engagement(rng, index, partners, people, sources, probe=index in probes) for index in range(count)]
    # Sorted by id, as the project's data files are (a test holds them to the canonical form of dumps()).
    data["engagements"] = sorted(engagements, key=lambda record: str(record["id"]))
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, records in data.items():
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        (folder / f"{name}.json").write_text(text, encoding="utf-8")
        size += len(text.encode())
    return size
