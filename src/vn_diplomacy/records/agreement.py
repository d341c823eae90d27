"""Treaties, agreements, memoranda, declarations and joint statements, with their status."""

import datetime
from enum import Enum

from pydantic import Field

from vn_diplomacy.dates import PartialDate
from vn_diplomacy.records.base import Item, PartyId, Record, Text

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
    status: AgreementStatus = Field(description="Its status as of `status_as_of`.")
    status_as_of: PartialDate = Field(description="The date the status is stated for.")
    date: PartialDate | None = Field(
        default=None, description="When it was signed, adopted or agreed, if the articles say."
    )
    note: Text | None = Field(default=None, description="What the articles say of it besides its status.")

    def names(self) -> tuple[str, ...]:
        short = () if self.short_name is None else (self.short_name,)
        return (self.name, *short, *self.aliases)

    def span(self) -> tuple[datetime.date, datetime.date] | None:
        return None if self.date is None else (self.date.earliest, self.date.latest)
