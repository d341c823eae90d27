"""A source article: what every quote cites."""

import datetime

from pydantic import Field

from vn_diplomacy.dates import PartialDate
from vn_diplomacy.records.base import Record, Text

__all__ = ["Source"]


class Source(Record, frozen=True):
    """One source article."""

    title: Text | None = Field(description="The article's headline, when the text gives one.")
    publisher: Text | None = Field(
        description="Who published the article, as the text names it; None when it does not."
    )
    published: PartialDate = Field(
        description="When the article was published (inferred where the text gives no date)."
    )
    url: Text | None = Field(default=None, description="Where the article was published, when the text gives it.")
    file: Text = Field(description="The file name of the article's text in the corpus the quotes are checked against.")

    def names(self) -> tuple[str, ...]:
        return () if self.title is None else (self.title,)

    def span(self) -> tuple[datetime.date, datetime.date]:
        return (self.published.earliest, self.published.latest)
