"""Where the articles disagree with each other or with themselves, and which reading the data follows."""

from pydantic import Field

from vn_diplomacy.records.base import PartnerId, Record, Text
from vn_diplomacy.records.statement import Statement

__all__ = ["Discrepancy"]


class Discrepancy(Record, frozen=True):
    """Two or more readings the articles give of one thing, each with its quotes, and the one the data follows.

    Each reading carries its own quotes, so a discrepancy cites at least two; the record's `evidence` holds the
    quotes that show the disagreement (in the bundled data, those of its readings).
    """

    subject: Text = Field(description="What the articles disagree about, e.g. 'the day of the Son - Wang Yi meeting'.")
    readings: tuple[Statement, ...] = Field(
        min_length=2, description="Each reading the articles give, with the quotes that give it."
    )
    follows: Text = Field(description="The reading the data follows.")
    reason: Text = Field(description="Why the data follows it.")
    partners: tuple[PartnerId, ...] = Field(default=(), description="The ids of the partners the discrepancy concerns.")
