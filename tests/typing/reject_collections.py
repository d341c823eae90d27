"""Wrong uses of the collections that mypy and pyright must both reject; never run.

Each `# E:` comment lists the error codes each tool must report on its line (pyright's rules without their
"report" prefix), and no other line may have an error: tests/test_typing.py checks both. The reject_*.py
files are left out of the project's own mypy and pyright runs.
"""

from __future__ import annotations

import datetime

import vn_diplomacy as vd
from vn_diplomacy import Collection, Partner, Person

vd.partners.get(42)  # E: mypy[arg-type] pyright[ArgumentType]
vd.partners.get(vd.Tier.STRATEGIC)  # E: mypy[arg-type] pyright[ArgumentType]
vd.partners.lookup(None)  # E: mypy[arg-type] pyright[ArgumentType]
vd.engagements.between("2024-01-01", datetime.date(2024, 12, 31))  # E: mypy[arg-type] pyright[ArgumentType]
vd.engagements.involving(["US", "CN"])  # E: mypy[arg-type] pyright[ArgumentType]
vd.partners.with_tier("strategic")  # E: mypy[arg-type] pyright[ArgumentType]
vd.partners.with_tier(vd.Tier.STRATEGIC, on="2024-03-19")  # E: mypy[arg-type] pyright[ArgumentType]
vd.people.with_tier(vd.Tier.STRATEGIC)  # E: mypy[attr-defined] pyright[AttributeAccessIssue,UnknownMemberType]
vd.partnerz.get("US")  # E: mypy[attr-defined] pyright[AttributeAccessIssue,UnknownMemberType]
january = vd.engagements.between(datetime.date(2024, 1, 1), datetime.date(2024, 1, 31))
january.append(None)  # E: mypy[attr-defined] pyright[AttributeAccessIssue,UnknownMemberType]
vd.FILES["extra"] = "extra.json"  # E: mypy[index] pyright[IndexIssue]
vd.engagements.to_pandas("engagements")  # E: mypy[call-arg] pyright[CallIssue]
numbers: Collection[int]  # E: mypy[type-var] pyright[InvalidTypeArguments]
people: Collection[Person] = vd.partners  # E: mypy[assignment] pyright[AssignmentType]
us: Person = vd.partners.get("US")  # E: mypy[assignment] pyright[AssignmentType]


def partner(id: str) -> Partner:  # noqa: A002
    return vd.people.get(id)  # E: mypy[return-value] pyright[ReturnType]


def count() -> str:
    return len(vd.claims)  # E: mypy[return-value] pyright[ReturnType]
