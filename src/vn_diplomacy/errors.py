"""The exceptions `vn_diplomacy` raises; this module imports nothing from the package.

```
VnDiplomacyError(Exception)
├── NotFound(VnDiplomacyError, KeyError)      unknown id or name; .kind .key .suggestions (.how .labels)
├── QueryError(VnDiplomacyError, ValueError)  impossible query, e.g. between() with end before start
└── DataError(VnDiplomacyError)               invalid data; .file .record .field (.reason)
```

Wrong argument *types* raise the builtin `TypeError`, as Python itself does.

Every error pickles to an equal-looking copy (same type, message and attributes), so one raised in a worker
process, e.g. under `concurrent.futures.ProcessPoolExecutor`, reaches the parent intact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

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
        how: What `key` was taken as, e.g. ``"id"`` or ``"id or name"``.
        labels: The readable name of each suggestion that has one, as the message shows it.
        note: Why the key is not there, when that is known; None otherwise.
        message: The whole message, also what `str()` gives.
    """

    def __init__(
        self,
        kind: str,
        key: str,
        suggestions: tuple[str, ...] = (),
        *,
        how: str = "id",
        labels: Mapping[str, str] | None = None,
        note: str | None = None,
    ) -> None:
        """Describe the miss.

        Args:
            kind: What was looked for, e.g. ``"partner"``.
            key: The id or text that matched nothing.
            suggestions: The closest known ids, best first.
            how: What `key` was taken as, e.g. ``"id"`` or ``"id or name"``.
            labels: A readable name per suggested id, shown beside it in the message.
            note: Why `key` is not there, when that is known (e.g. Vietnam is no partner of itself); it replaces
                the suggestions in the message.
        """
        self.kind = kind
        self.key = key
        self.suggestions = suggestions
        self.how = how
        # Only the suggestions' labels: the message shows no others, and a pickled error need carry no more.
        self.labels = {s: labels[s] for s in suggestions if labels is not None and s in labels}
        self.note = note
        message = f"unknown {kind} {how} {key!r}"
        if note is not None:
            message += f": {note}"
        elif suggestions:
            shown = [f"{s!r} ({self.labels[s]})" if self.labels.get(s, s) != s else repr(s) for s in suggestions]
            message += "; did you mean " + " or ".join(shown) + "?"
        else:
            message += "; no close match"
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError.__str__ would wrap the message in quotes.
        return self.message

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...], dict[str, object]]:
        # The default, type(self)(*self.args), would call NotFound(message) and fail to unpickle. The state
        # (__dict__) also carries what was added after raising, such as notes.
        arguments = (self.kind, self.key, self.suggestions)
        keywords = {"how": self.how, "labels": self.labels, "note": self.note}
        return _rebuild, (type(self), arguments, keywords), dict(self.__dict__)


class QueryError(VnDiplomacyError, ValueError):
    """Raised for a query that cannot be answered as asked, such as a date range that ends before it starts."""


class DataError(VnDiplomacyError):
    """Raised when a data directory is missing, unreadable or invalid; nothing is loaded then.

    Attributes:
        file: The data file at fault (a path or file name), or the directory when it is missing.
        record: The id (or ``#index`` when it has no valid id) of the record at fault, if any.
        field: The dotted path of the field at fault inside the record, if any.
        reason: What is wrong, without the place: the message is "FILE, record RECORD, field FIELD: REASON".
    """

    def __init__(self, message: str, *, file: str, record: str | None = None, field: str | None = None) -> None:
        """Describe the fault.

        Args:
            message: What is wrong and, where it helps, what would be right.
            file: The data file at fault, or the directory.
            record: The record at fault, if any.
            field: The dotted path of the field at fault, if any.
        """
        self.reason = message
        self.file = file
        self.record = record
        self.field = field
        where = file
        if record is not None:
            where += f", record {record}"
        if field is not None:
            where += f", field {field}"
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...], dict[str, object]]:
        # The default, type(self)(*self.args), would call DataError(message) without the keyword-only file.
        where = {"file": self.file, "record": self.record, "field": self.field}
        return _rebuild, (type(self), (self.reason,), where), dict(self.__dict__)


def _rebuild(
    cls: Callable[..., VnDiplomacyError], args: tuple[object, ...], kwargs: dict[str, object]
) -> VnDiplomacyError:
    """Call `cls(*args, **kwargs)`: what `__reduce__` gives pickle, which passes no keyword arguments itself.

    Pickles name this function: keep its name and module, or errors pickled before will not load.
    """
    return cls(*args, **kwargs)
