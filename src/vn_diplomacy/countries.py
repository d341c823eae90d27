"""The world's countries by name, to tell a partner the articles do not mention from a name that is no country.

`countries.json` holds, for each ISO 3166-1 alpha-2 code, the country's name in English and in Vietnamese as
the Unicode CLDR gives them, and its three-letter (ISO 3166-1 alpha-3) code (generated with Babel; see the
contributing guide). It is read only when a partner lookup misses, never at import or load.
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
    """Each folded name and code, to the country's two-letter code and English name.

    The three-letter codes come last, so that a name (or two-letter code) folded alike wins: "Nga", Russia in
    Vietnamese, over NGA, Nigeria.
    """
    from importlib.resources import files  # noqa: PLC0415  # only on a lookup's miss

    payload = json.loads((files("vn_diplomacy") / _FILE).read_bytes())
    countries: dict[str, list[str]] = payload["countries"]
    index: dict[str, tuple[str, str]] = {}
    for code, names in countries.items():
        for written in (code, *names):
            index.setdefault(normalize(written), (code, names[0]))
    alpha3: dict[str, str] = payload["alpha3"]
    for code, three in alpha3.items():
        index.setdefault(normalize(three), (code, countries[code][0]))
    return index


def country(text: str) -> tuple[str, str] | None:
    """The ISO 3166-1 alpha-2 code and English name of the country `text` names: its name in English or
    Vietnamese, or its two- or three-letter code.

    Examples:
        >>> country("Germany"), country("Đức"), country("DEU"), country("Atlantis")
        (('DE', 'Germany'), ('DE', 'Germany'), ('DE', 'Germany'), None)
    """
    return _index().get(normalize(text))
