"""The values the command line's options take: days, periods, counts, folders, one of a few words.

Each function takes the text typed and returns the value, or raises `argparse.ArgumentTypeError` with what was
wrong and what would be right; `close` suggests the nearest of a few words for a misspelt one.
"""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: importing typing costs `--help` milliseconds for nothing at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Iterable

__all__ = [
    "AGREEMENT_STATUSES",
    "COLOURS",
    "ENGAGEMENT_KINDS",
    "LISTING_FORMATS",
    "choice",
    "close",
    "count",
    "day",
    "folder",
    "period_end",
    "period_start",
]

ENGAGEMENT_KINDS = (
    "meeting",
    "talks",
    "visit",
    "phone-call",
    "session",
    "conference",
    "summit",
    "press-conference",
    "exchange",
    "celebration",
    "statement",
)
"""The values `engagements --kind` takes: those of `vn_diplomacy.EngagementKind` (a test keeps them the same)."""

AGREEMENT_STATUSES = ("in-force", "signed", "pending-ratification", "under-negotiation", "proposed")
"""The values `agreements --status` takes: those of `vn_diplomacy.AgreementStatus` (a test keeps them the same)."""


LISTING_FORMATS = ("table", "csv", "json", "jsonl")
"""The values a listing's `--format` takes."""

COLOURS = ("auto", "always", "never")
"""The values `--color` takes: when to colour the answers (see `_colour`)."""


def close(word: str, choices: Iterable[str]) -> str:
    import difflib  # only on the error path

    matches = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.5)
    return f"; did you mean {matches[0]!r}?" if matches else ""


def _period(text: str, *, last: bool) -> datetime.date:
    """The first (or, with `last`, the last) day of a year, a month or a day written YYYY, YYYY-MM or YYYY-MM-DD."""
    import argparse
    import calendar
    import datetime

    try:
        if len(text) not in (4, 7, 10) or not text[:4].isdigit() or not text.isascii():
            raise ValueError(text)
        if len(text) == 10:
            return datetime.date.fromisoformat(text)
        year, month = int(text[:4]), int(text[5:7]) if len(text) == 7 and text[4] == "-" else 0
        if len(text) == 7 and not 1 <= month <= 12:
            raise ValueError(text)
        if not month:
            return datetime.date(year, 12, 31) if last else datetime.date(year, 1, 1)
        return datetime.date(year, month, calendar.monthrange(year, month)[1] if last else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid date {text!r}: expected a year, a month or a day (2023, 2023-09, 2023-09-10)"
        ) from None


def period_start(text: str) -> datetime.date:
    return _period(text, last=False)


def period_end(text: str) -> datetime.date:
    return _period(text, last=True)


def day(text: str) -> datetime.date:
    import argparse
    import datetime

    try:
        if len(text) != 10:
            raise ValueError(text)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: expected YYYY-MM-DD, e.g. 2024-03-19") from None


def choice(choices: tuple[str, ...], what: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        import argparse

        value = text.strip().lower().replace(" ", "-").replace("_", "-")
        if value not in choices:
            raise argparse.ArgumentTypeError(
                f"unknown {what} {text!r}{close(value, choices)} (one of {', '.join(choices)})"
            )
        return value

    return check


def count(text: str) -> int:
    import argparse

    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"invalid count {text!r}: a whole number from 1, e.g. 10")
    return int(text)


def folder(text: str) -> str:
    import argparse

    if not text:  # the current folder would be a guess: say "." for it
        raise argparse.ArgumentTypeError("a folder's path is needed, got: ''; use '.' for the current folder")
    return text
