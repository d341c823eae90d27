"""The exceptions `vn_diplomacy` raises; this module imports nothing from the package.

```
VnDiplomacyError(Exception)
├── NotFound(VnDiplomacyError, KeyError)      unknown id or name; .kind .key .suggestions
├── QueryError(VnDiplomacyError, ValueError)  impossible query, e.g. between() with end before start
└── DataError(VnDiplomacyError)               invalid data; .file .record .field
```

Wrong argument *types* raise the builtin `TypeError`, as Python itself does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["DataError", "NotFound", "QueryError", "VnDiplomacyError", "shown"]


def shown(value: object, width: int = 80) -> str:
    """`repr(value)` cut to `width` characters, so that a huge bad value in a data file cannot flood a message.

    Examples:
        >>> shown("x" * 100, width=10)
        "'xxxxxx..."
    """
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


class VnDiplomacyError(Exception):
    """Base class of every error this package raises on purpose; catch it to catch them all."""


class NotFound(VnDiplomacyError, KeyError):
    """Raised when no record has the id or name asked for.

    A `KeyError` subclass, so `except KeyError` works as with a dict. The facts are kept
    as attributes so callers never parse the message.

    Attributes:
        kind: What was looked for, e.g. ``"partner"``.
        key: The id or text that matched nothing.
        suggestions: The closest known ids or names, best first (may be empty).
    """

    def __init__(
        self,
        kind: str,
        key: str,
        suggestions: tuple[str, ...] = (),
        *,
        how: str = "id",
        labels: Mapping[str, str] | None = None,
    ) -> None:
        """Describe the miss.

        Args:
            kind: What was looked for, e.g. ``"partner"``.
            key: The id or text that matched nothing.
            suggestions: The closest known ids, best first.
            how: What `key` was taken as, e.g. ``"id"`` or ``"id or name"``.
            labels: A readable name per suggested id, shown beside it in the message.
        """
        self.kind = kind
        self.key = key
        self.suggestions = suggestions
        message = f"unknown {kind} {how} {key!r}"
        if suggestions:
            shown = [f"{s!r} ({labels[s]})" if labels and labels.get(s, s) != s else repr(s) for s in suggestions]
            message += "; did you mean " + " or ".join(shown) + "?"
        else:
            message += "; no close match"
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError.__str__ would wrap the message in quotes.
        return self.message


class QueryError(VnDiplomacyError, ValueError):
    """Raised for a query that cannot be answered as asked, such as a date range that ends before it starts."""


class DataError(VnDiplomacyError):
    """Raised when a data directory is missing, unreadable or invalid; nothing is loaded then.

    Attributes:
        file: The data file at fault (a path or file name), or the directory when it is missing.
        record: The id (or ``#index`` when it has no valid id) of the record at fault, if any.
        field: The dotted path of the field at fault inside the record, if any.
    """

    def __init__(self, message: str, *, file: str, record: str | None = None, field: str | None = None) -> None:
        self.file = file
        self.record = record
        self.field = field
        where = file
        if record is not None:
            where += f", record {record}"
        if field is not None:
            where += f", field {field}"
        super().__init__(f"{where}: {message}")
