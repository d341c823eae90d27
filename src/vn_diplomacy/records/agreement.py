"""Treaties, agreements, memoranda, declarations and joint statements, with their status."""

import datetime
from enum import Enum

from pydantic import Field, model_validator

from vn_diplomacy.dates import PartialDate
from vn_diplomacy.records.base import Item, PartyId, Record, Text
from vn_diplomacy.records.statement import Statement

__all__ = ["Agreement", "AgreementKind", "AgreementStatus"]


class AgreementKind(Enum):
    """What sort of instrument."""

    CONVENTION = "convention"
    CHARTER = "charter"
    DECLARATION = "declaration"
    CODE_OF_CONDUCT = "code-of-conduct"
    FREE_TRADE_AGREEMENT = "free-trade-agreement"
    INVESTMENT_AGREEMENT = "investment-agreement"
    MEMORANDUM = "memorandum"
    JOINT_STATEMENT = "joint-statement"
    AGREEMENT = "agreement"
    DOCUMENT_SET = "document-set"


class AgreementStatus(Enum):
    """Where an instrument stood when the latest article that speaks of it was written."""

    IN_FORCE = "in-force"
    SIGNED = "signed"
    PENDING_RATIFICATION = "pending-ratification"
    UNDER_NEGOTIATION = "under-negotiation"
    PROPOSED = "proposed"


class Agreement(Record, frozen=True):
    """A treaty, agreement, memorandum, declaration or joint statement."""

    name: Text = Field(description="The full name as the articles give it.")
    short_name: Text | None = Field(default=None, description="The abbreviation the articles use, e.g. 'UNCLOS'.")
    aliases: tuple[Item, ...] = Field(default=(), description="Other names it goes by in the articles.")
    kind: AgreementKind = Field(description="What sort of instrument.")
    parties: tuple[PartyId, ...] = Field(
        default=(), description="The ids of the parties (VN for Vietnam); empty for a multilateral instrument."
    )
    status: AgreementStatus | None = Field(
        default=None, description="Its status as of `status_as_of`, where an article states or implies one."
    )
    status_as_of: PartialDate | None = Field(
        default=None, description="The date the status holds on; given exactly when `status` is."
    )
    status_inference: Text | None = Field(
        default=None,
        description="Why the status is inferred, when the article implies it rather than states it; None if stated.",
    )
    date: PartialDate | None = Field(
        default=None, description="When it was signed, adopted or agreed, if the articles say."
    )
    statements: tuple[Statement, ...] = Field(
        default=(), description="What the articles say of it besides its status, each with its quotes."
    )

    @model_validator(mode="after")
    def _status(self) -> "Agreement":
        if (self.status is None) != (self.status_as_of is None):
            raise ValueError("'status' and 'status_as_of' are given together or not at all")
        if self.status is None and self.status_inference is not None:
            raise ValueError("'status_inference' explains a status: give 'status' too, or leave both out")
        return self

    def names(self) -> tuple[str, ...]:
        short = () if self.short_name is None else (self.short_name,)
        return (self.name, *short, *self.aliases)

    def span(self) -> tuple[datetime.date, datetime.date] | None:
        return None if self.date is None else (self.date.earliest, self.date.latest)
