"""The world's countries by name, to tell a partner the articles do not mention from a name that is no country.

`countries.json` holds, for each ISO 3166-1 alpha-2 code, the country's name in English and in Vietnamese as
the Unicode CLDR gives them (generated with Babel; see the contributing guide). It is read only when a partner
lookup misses, never at import or load.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Final

from vn_diplomacy.text import normalize

__all__ = ["country"]

_FILE: Final = "countries.json"


@cache
def _index() -> dict[str, tuple[str, str]]:
    """Each folded name and code, to the country's code and English name."""
    from importlib.resources import files  # noqa: PLC0415  # only on a lookup's miss

    payload = json.loads((files("vn_diplomacy") / _FILE).read_bytes())
    index: dict[str, tuple[str, str]] = {}
    for code, names in payload["countries"].items():
        for written in (code, *names):
            index.setdefault(normalize(written), (code, names[0]))
    return index


def country(text: str) -> tuple[str, str] | None:
    """The ISO 3166-1 alpha-2 code and English name of the country `text` names, in English or Vietnamese.

    Examples:
        >>> country("Germany"), country("Đức"), country("Atlantis")
        (('DE', 'Germany'), ('DE', 'Germany'), None)
    """
    return _index().get(normalize(text))
