"""Wrong uses of the records that mypy and pyright must both reject; never run (see reject_collections.py)."""

from __future__ import annotations

import datetime

import vn_diplomacy as vd
from vn_diplomacy import Evidence, Tier

us = vd.partners.get("US")
figure = vd.trade.get("vn-us-trade-2024-jan-aug")
meeting = vd.engagements.get("2025-07-11-son-rubio")

us.tier_on("2024-03-19")  # E: mypy[arg-type] pyright[ArgumentType]
us.tier_on(datetime.datetime.now().isoformat())  # E: mypy[arg-type] pyright[ArgumentType]
vd.people.get("bui-thanh-son").roles_on(2024)  # E: mypy[arg-type] pyright[ArgumentType]
name = us.nmae  # E: mypy[attr-defined] pyright[AttributeAccessIssue,UnknownMemberType,UnknownVariableType]
us.name = "United States of America"  # E: mypy[misc] pyright[AttributeAccessIssue]
us.tier_history = ()  # E: mypy[misc] pyright[AttributeAccessIssue]
figure.value = figure.value * 2  # E: mypy[misc] pyright[AttributeAccessIssue]
amount: float = figure.value  # E: mypy[assignment] pyright[AssignmentType]
total = figure.value + 0.5  # E: mypy[operator] pyright[OperatorIssue,UnknownVariableType]
rank = us.tier.rank  # E: mypy[union-attr] pyright[OptionalMemberAccess]
partner_id = meeting.partners[0]
first = partner_id.name  # E: mypy[attr-defined] pyright[AttributeAccessIssue,UnknownMemberType,UnknownVariableType]
ordered = Tier.STRATEGIC < "comprehensive"  # E: mypy[operator] pyright[OperatorIssue,UnknownVariableType]
Tier.STRATEGICAL  # E: mypy[attr-defined] pyright[AttributeAccessIssue,UnknownMemberType]
Evidence("source", "quote")  # E: mypy[call-arg] pyright[CallIssue]
Evidence(source="source")  # E: mypy[call-arg] pyright[CallIssue]
Evidence(source="source", quote="quote", start=0, end=5, page=3)  # E: mypy[call-arg] pyright[CallIssue]
Evidence(source=1, quote="quote", start=0, end=5)  # E: mypy[arg-type] pyright[ArgumentType]


def tier_name() -> str:
    return us.tier  # E: mypy[return-value] pyright[ReturnType]


def figure_value() -> int:
    return figure.value  # E: mypy[return-value] pyright[ReturnType]
