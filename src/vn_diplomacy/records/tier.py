"""The tiers of Vietnam's partnership frameworks: `Tier`, in a module of its own (it imports nothing of the package).

`vn_diplomacy.records.partner` gives it with the partners; the tables (`vn_diplomacy.tables`) read it from here,
for the partners' module imports the collections, whose `to_pandas` imports the tables.
"""

from enum import Enum
from functools import total_ordering
from typing import Final

__all__ = ["Tier"]


@total_ordering  # the other comparisons follow from __lt__ and identity
class Tier(Enum):
    """A tier of Vietnam's partnership frameworks, ordered `COMPREHENSIVE < STRATEGIC < COMPREHENSIVE_STRATEGIC`."""

    COMPREHENSIVE = "comprehensive"
    STRATEGIC = "strategic"
    COMPREHENSIVE_STRATEGIC = "comprehensive-strategic"

    @property
    def rank(self) -> int:
        """1 for comprehensive, 2 for strategic, 3 for comprehensive strategic."""
        return _TIER_RANK[self]

    @property
    def label(self) -> str:
        """The tier as prose, e.g. "comprehensive strategic partnership"."""
        return self.value.replace("-", " ") + " partnership"

    def __lt__(self, other: "Tier") -> bool:
        # `other: Tier` lets checkers reject `Tier.STRATEGIC < "strategic"`; the guard serves untyped callers.
        if not isinstance(other, Tier):  # pyright: ignore[reportUnnecessaryIsInstance]
            return NotImplemented
        return self.rank < other.rank


_TIER_RANK: Final = {Tier.COMPREHENSIVE: 1, Tier.STRATEGIC: 2, Tier.COMPREHENSIVE_STRATEGIC: 3}
