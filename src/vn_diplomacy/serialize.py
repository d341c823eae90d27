"""Records to the text of data files: the canonical form the bundled files are kept in."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from vn_diplomacy.records.base import Record

__all__ = ["canonical", "dumps"]


def dumps(records: Iterable[Record]) -> str:
    """The canonical text of a data file: records sorted by id, pretty-printed, with a trailing newline.

    Defaults (empty tuples, None where None is the default) are left out, so files stay short, and
    each record's evidence comes last, after the facts it supports.

    Examples:
        >>> import vn_diplomacy as vd
        >>> from vn_diplomacy.serialize import dumps
        >>> dumps([vd.partners.get("JP")]).startswith('[\\n  {\\n    "id": "JP"')
        True
    """
    payload = [canonical(record) for record in sorted(records, key=lambda record: record.id)]
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def canonical(record: Record, *, defaults: bool = False) -> dict[str, object]:
    """A record as the data files hold it: evidence last, defaults left out unless `defaults` is true."""
    fields = record.model_dump(mode="json", exclude_defaults=not defaults)
    evidence = fields.pop("evidence")
    return {**fields, "evidence": evidence}
