"""The articles' own aggregate statements, such as a count of partners."""

import datetime

from pydantic import Field

from vn_diplomacy.dates import PartialDate
from vn_diplomacy.records.base import Amount, PartnerId, Record, Text

__all__ = ["Claim"]


class Claim(Record, frozen=True):
    """An aggregate statement of an article, such as 'seven comprehensive strategic partners'."""

    statement: Text = Field(description="The claim in plain words.")
    value: Amount | None = Field(default=None, description="The number the claim gives, if any.")
    unit: Text | None = Field(default=None, description="What `value` counts, e.g. 'countries'.")
    as_of: PartialDate = Field(description="The date the claim speaks of.")
    partners: tuple[PartnerId, ...] = Field(
        default=(), description="The ids of the partners the claim names or implies."
    )

    def span(self) -> tuple[datetime.date, datetime.date]:
        return (self.as_of.earliest, self.as_of.latest)
