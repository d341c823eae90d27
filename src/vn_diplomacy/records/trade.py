"""Trade and economic figures, and ranks, for a period."""

import datetime

from pydantic import Field, model_validator

from vn_diplomacy.records.base import Amount, Day, PartnerId, Record, Text

__all__ = ["TradeFigure"]


class TradeFigure(Record, frozen=True):
    """A trade or economic figure, or a rank, for a period."""

    metric: Text = Field(description="What is measured, e.g. 'bilateral trade turnover'.")
    partner: PartnerId | None = Field(default=None, description="The partner id the figure concerns, if one.")
    value: Amount = Field(description="The value in base units: 88000000000, not 88 (billion).")
    unit: Text = Field(description="The unit of `value`: a currency code such as USD, or 'rank'.")
    # An ISO day ("2024-01-31") and nothing else: pydantic alone would take "86400" as 1970-01-02.
    period_start: Day = Field(description="The first day of the period the figure covers.")
    period_end: Day = Field(description="The last day of the period the figure covers.")
    qualifier: Text | None = Field(default=None, description="A hedge on the value as written, e.g. 'nearly'.")
    change_percent: Amount | None = Field(
        default=None, description="The change in percent, e.g. 22 for 'an increase of 22%'."
    )
    change: Amount | None = Field(
        default=None, description="The change in the unit of `value`; for a rank, -2 means two places higher."
    )
    compared_with: Text | None = Field(default=None, description="What the change is measured against, as written.")

    @model_validator(mode="after")
    def _ordered(self) -> "TradeFigure":
        if self.period_end < self.period_start:
            raise ValueError(f"period_end {self.period_end} is before period_start {self.period_start}")
        return self

    def span(self) -> tuple[datetime.date, datetime.date]:
        return (self.period_start, self.period_end)
