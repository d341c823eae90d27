"""Vietnam's foreign relations as typed, validated data, every fact with the quote it comes from.

Importing the package reads no data and imports no pydantic: each name below is resolved on
first access (PEP 562). The bundled data is validated once: sources and partners when a collection is
first used, the five collections that refer to them when one of those is first used.

Examples:
    >>> import datetime, vn_diplomacy as vd
    >>> vd.partners.lookup("United States").tier_on(datetime.date(2024, 3, 19))
    <Tier.COMPREHENSIVE_STRATEGIC: 'comprehensive-strategic'>
"""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: importing typing would double the cost of `import vn_diplomacy`.
# mypy and pyright treat a name TYPE_CHECKING as true whatever its value, so they still see the imports below.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

    from vn_diplomacy._search import Hit, search
    from vn_diplomacy.collection import Collection
    from vn_diplomacy.dataset import Dataset
    from vn_diplomacy.dates import PartialDate, Precision, YearPart
    from vn_diplomacy.errors import DataError, NotFound, QueryError, VnDiplomacyError
    from vn_diplomacy.loader import clear_cache, load
    from vn_diplomacy.records.agreement import Agreement, AgreementKind, AgreementStatus
    from vn_diplomacy.records.base import VIETNAM, Evidence, Record
    from vn_diplomacy.records.claim import Claim
    from vn_diplomacy.records.discrepancy import Discrepancy
    from vn_diplomacy.records.engagement import Engagement, EngagementKind, EngagementStatus
    from vn_diplomacy.records.partner import (
        Basis,
        FactKind,
        Partner,
        PartnerCollection,
        PartnerFact,
        PartnerKind,
        RelationsEvent,
        RelationsKind,
        Tier,
        TierAnswer,
        TierChange,
    )
    from vn_diplomacy.records.person import Person, Role
    from vn_diplomacy.records.source import Source
    from vn_diplomacy.records.statement import Statement
    from vn_diplomacy.records.trade import TradeFigure
    from vn_diplomacy.registry import FILES, CollectionName
    from vn_diplomacy.schema import json_schema
    from vn_diplomacy.text import normalize
    from vn_diplomacy.versions import DATA_VERSION

__all__ = [
    "DATA_VERSION",
    "FILES",
    "VIETNAM",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Basis",
    "Claim",
    "Collection",
    "CollectionName",
    "DataError",
    "Dataset",
    "Discrepancy",
    "Engagement",
    "EngagementKind",
    "EngagementStatus",
    "Evidence",
    "FactKind",
    "Hit",
    "NotFound",
    "PartialDate",
    "Partner",
    "PartnerCollection",
    "PartnerFact",
    "PartnerKind",
    "Person",
    "Precision",
    "QueryError",
    "Record",
    "RelationsEvent",
    "RelationsKind",
    "Role",
    "Source",
    "Statement",
    "Tier",
    "TierAnswer",
    "TierChange",
    "TradeFigure",
    "VnDiplomacyError",
    "YearPart",
    "__version__",
    "agreements",
    "claims",
    "clear_cache",
    "discrepancies",
    "engagements",
    "json_schema",
    "load",
    "normalize",
    "partners",
    "people",
    "search",
    "sources",
    "trade",
]

__version__: str
"""The installed package's version."""

# The bundled data; declared for type checkers, resolved by __getattr__ on first access.
sources: Collection[Source]
"""The source articles every quote comes from."""
partners: PartnerCollection
"""The states and organisations Vietnam deals with, with their relations, tiers and facts."""
people: Collection[Person]
"""The people the articles name, with their dated roles."""
engagements: Collection[Engagement]
"""Meetings, visits, calls, sessions, conferences and summits, oldest first."""
trade: Collection[TradeFigure]
"""Trade and economic figures, and ranks, for a period."""
agreements: Collection[Agreement]
"""Treaties, agreements, memoranda, declarations and joint statements, with their status."""
claims: Collection[Claim]
"""The articles' own aggregate statements, such as a count of partners."""
discrepancies: Collection[Discrepancy]
"""Where the articles disagree with each other or themselves, and which reading the data follows."""

# Where each other public name is defined.
_MODULES: Final = {
    "vn_diplomacy.collection": ("Collection",),
    "vn_diplomacy.dataset": ("Dataset",),
    "vn_diplomacy.dates": ("PartialDate", "Precision", "YearPart"),
    "vn_diplomacy.errors": ("DataError", "NotFound", "QueryError", "VnDiplomacyError"),
    "vn_diplomacy._search": ("Hit", "search"),
    "vn_diplomacy.loader": ("clear_cache", "load"),
    "vn_diplomacy.records.agreement": ("Agreement", "AgreementKind", "AgreementStatus"),
    "vn_diplomacy.records.base": ("VIETNAM", "Evidence", "Record"),
    "vn_diplomacy.records.claim": ("Claim",),
    "vn_diplomacy.records.discrepancy": ("Discrepancy",),
    "vn_diplomacy.records.engagement": ("Engagement", "EngagementKind", "EngagementStatus"),
    "vn_diplomacy.records.partner": (
        "Basis",
        "FactKind",
        "Partner",
        "PartnerCollection",
        "PartnerFact",
        "PartnerKind",
        "RelationsEvent",
        "RelationsKind",
        "Tier",
        "TierAnswer",
        "TierChange",
    ),
    "vn_diplomacy.records.person": ("Person", "Role"),
    "vn_diplomacy.records.source": ("Source",),
    "vn_diplomacy.records.statement": ("Statement",),
    "vn_diplomacy.records.trade": ("TradeFigure",),
    "vn_diplomacy.registry": ("FILES", "CollectionName"),
    "vn_diplomacy.schema": ("json_schema",),
    "vn_diplomacy.text": ("normalize",),
    "vn_diplomacy.versions": ("DATA_VERSION",),
}
_HOME: Final = {name: module for module, names in _MODULES.items() for name in names}


def _resolve(name: str) -> object:
    """Import, compute or load `name` on first access, and cache it in the module."""
    import importlib

    from vn_diplomacy.registry import FILES

    if name in FILES:
        from vn_diplomacy.loader import bundled

        value: object = bundled()[name]  # type: ignore[index]  # a registry name
    elif name in _HOME:
        value = getattr(importlib.import_module(_HOME[name]), name)
    elif name == "__version__":
        from importlib.metadata import version

        value = version("vn_diplomacy")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later reads skip __getattr__
    return value


if not TYPE_CHECKING:
    # Hidden from type checkers: a module-level __getattr__ would make them accept any attribute
    # (`vd.partnerz` typed as object); without it, only the names declared above exist for them.
    __getattr__ = _resolve


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
