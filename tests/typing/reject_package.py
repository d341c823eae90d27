"""Wrong uses of dates, errors, loading and versions that mypy and pyright must both reject; never run."""

from __future__ import annotations

import vn_diplomacy as vd
from vn_diplomacy import DataError, NotFound, PartialDate

PartialDate.parse(2023)  # E: mypy[arg-type] pyright[ArgumentType]
date = PartialDate.parse("late 2023")
text: str = date.earliest  # E: mypy[assignment] pyright[AssignmentType]
date.contains("2023-10-01")  # E: mypy[arg-type] pyright[ArgumentType]
date.year = 2024  # E: mypy[misc] pyright[AttributeAccessIssue]
vd.load(42)  # E: mypy[arg-type] pyright[ArgumentType]
dataset = vd.load()
dataset.to_records("peoples")  # E: mypy[arg-type] pyright[ArgumentType]
vd.json_schema("partner")  # E: mypy[call-overload] pyright[ArgumentType]
dataset.partners = vd.partners  # E: mypy[misc] pyright[AttributeAccessIssue]
number: int = vd.DATA_VERSION  # E: mypy[assignment] pyright[AssignmentType]
major = vd.__version__ + 1  # E: mypy[operator] pyright[OperatorIssue,UnknownVariableType]

try:
    vd.partners.get("JPN")
except NotFound as error:
    error.suggestions.append("JP")  # E: mypy[attr-defined] pyright[AttributeAccessIssue,UnknownMemberType]
    best: str = error.suggestions  # E: mypy[assignment] pyright[AssignmentType]
try:
    vd.load("elsewhere")
except DataError as error:
    record: str = error.record  # E: mypy[assignment] pyright[AssignmentType]
    error.line  # E: mypy[attr-defined] pyright[AttributeAccessIssue,UnknownMemberType]
