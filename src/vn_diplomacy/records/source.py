"""A source article: what every quote cites."""

import datetime

from pydantic import Field

from vn_diplomacy.dates import PartialDate
from vn_diplomacy.records.base import FileName, Record, Sha256, Text, Url

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
    url: Url = Field(description="Where the article was published: an http(s) address.")
    file: FileName = Field(
        description="The name of the article's text file in the folder the quotes are checked against (no path)."
    )
    sha256: Sha256 = Field(
        description="The SHA-256 of the article file's bytes, as 64 lowercase hex digits: what `verify` checks."
    )

    def names(self) -> tuple[str, ...]:
        return () if self.title is None else (self.title,)

    def span(self) -> tuple[datetime.date, datetime.date]:
        return (self.published.earliest, self.published.latest)
