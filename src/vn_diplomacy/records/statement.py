"""Statements: what a record says in prose, each with its own quotes."""

from pydantic import BaseModel, Field

from vn_diplomacy.records.base import Evidence, PersonId, Text

__all__ = ["Statement"]


class Statement(BaseModel, frozen=True, extra="forbid"):
    """Something a record states in prose (what was discussed, agreed, proposed or said), with its own quotes.

    Its text says no more than its quotes; `by` names the people the article says made the statement, proposal
    or request, when it names them (who spoke for a side, "Vietnam proposed ...", stays in the text).
    """

    text: Text = Field(description="The statement, in the article's words as far as possible; no more than its quotes.")
    by: tuple[PersonId, ...] = Field(
        default=(), description="The ids of the people the article says made it, when it names them."
    )
    evidence: tuple[Evidence, ...] = Field(min_length=1, description="The quotes the statement is taken from.")
