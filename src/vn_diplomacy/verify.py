"""Checking the quotes against the articles themselves: each article file's SHA-256, each quote at its offsets.

The articles do not ship with the package (they are their publishers' text). Anyone who has them, as
`tests/corpus/` holds them in the repository, can check that every quote of the data is the article's text at
the offsets the data records: ``vn-diplomacy verify DIR``, or `verify` from Python.

Examples:
    >>> from vn_diplomacy.verify import verify
    >>> verify("tests/corpus")
    ()
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vn_diplomacy import _files
from vn_diplomacy.errors import DataError, shown
from vn_diplomacy.records.walk import evidence_in
from vn_diplomacy.registry import FILES

if TYPE_CHECKING:
    from collections.abc import Mapping

    from vn_diplomacy.dataset import Dataset
    from vn_diplomacy.records.source import Source

__all__ = ["Problem", "Verified", "verify", "verify_report"]


@dataclass(frozen=True)
class Problem:
    """One thing that does not hold: an article file that is missing or is not the one the data was taken from,
    or a quote that is not the article's text at its offsets.

    Attributes:
        source: The id of the source article concerned.
        message: What is wrong, and what would be right.
        collection: The collection of the record whose quote fails; None for a problem with the article file.
        record: That record's id; None for a problem with the article file.
        field: Where the quote is in the record, e.g. ``roles[1].evidence[0]``; None for the article file.
    """

    source: str
    message: str
    collection: str | None = None
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"source {self.source}"
        if self.record is not None:
            where += f", {self.collection} {self.record}, {self.field}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Verified:
    """What `verify_report` checked, and what failed."""

    articles: int
    """How many source articles the data cites."""
    quotes: int
    """How many quotes the data holds."""
    problems: tuple[Problem, ...]
    """What does not hold, article files first; empty when everything holds."""
    texts: Mapping[str, str] = dataclasses.field(default_factory=dict[str, str], repr=False)
    """The text of each article that could be read, by source id (what the annotations' quote selectors cite)."""


def verify(directory: str | os.PathLike[str], data: Dataset | None = None) -> tuple[Problem, ...]:
    """Check a folder of article files against the data: each file's SHA-256, and each quote at its offsets.

    Args:
        directory: A folder holding each source's article under the name its `Source.file` gives.
        data: The dataset whose quotes to check; the bundled data when None.

    Returns:
        Every problem found, article files first, then quotes in collection and record order; empty when each
        article file is the one the data was taken from and each quote is its article's ``text[start:end]``.

    Raises:
        DataError: `directory` is not a folder.
        TypeError: `directory` is not a path.

    Examples:
        >>> import vn_diplomacy as vd
        >>> [str(problem) for problem in verify("tests/corpus", vd.load())]
        []
    """
    return verify_report(directory, data).problems


def verify_report(directory: str | os.PathLike[str], data: Dataset | None = None) -> Verified:
    """`verify`, with the counts of articles and quotes checked (what ``vn-diplomacy verify`` prints)."""
    if not isinstance(directory, (str, os.PathLike)):  # pyright: ignore[reportUnnecessaryIsInstance]  # untyped callers
        raise TypeError(f"directory must be a path (str or os.PathLike), got {type(directory).__name__}")
    text = os.fspath(directory)
    if not text or not Path(text).is_dir():
        raise DataError("not a folder; give the folder that holds the article files", file=repr(text))
    if data is None:
        from vn_diplomacy.loader import load  # noqa: PLC0415  # the data only when asked for

        data = load()
    folder = Path(text)
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for source in data.sources:
        article, problem = _article(folder, source)
        if problem is not None:
            problems.append(problem)
        if article is not None:
            texts[source.id] = article
    quotes = 0
    unchecked: dict[str, int] = {}
    for name in FILES:
        for record in data[name]:
            for field, evidence in evidence_in(record):
                quotes += 1
                article = texts.get(evidence.source)
                if article is None:
                    unchecked[evidence.source] = unchecked.get(evidence.source, 0) + 1
                    continue
                found = article[evidence.start : evidence.end]
                if found != evidence.quote:
                    message = _misplaced(article, evidence.quote, evidence.start, evidence.end, found)
                    problems.append(Problem(evidence.source, message, name, record.id, field))
    for cited, count in unchecked.items():
        problems.append(Problem(cited, f"{count} quote{'s' if count > 1 else ''} not checked: no readable article"))
    return Verified(len(data.sources), quotes, tuple(problems), texts)


def _article(folder: Path, source: Source) -> tuple[str | None, Problem | None]:
    """The text of `source`'s article in `folder`, and what is wrong with its file, if anything."""
    label = str(folder / source.file)
    try:
        raw = _files.read(
            folder, source.file, label, "the article file is missing", kind="an article", form="a text file"
        )
    except DataError as error:
        return None, Problem(source.id, f"{label}: {error.reason}")
    try:
        article = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, Problem(source.id, f"{label} is not UTF-8 text ({error.reason} at byte {error.start})")
    digest = hashlib.sha256(raw).hexdigest()
    if digest != source.sha256:
        return article, Problem(
            source.id,
            f"{label} has sha256 {digest}, the data records {source.sha256}: "
            "it is not the text the quotes were taken from",
        )
    return article, None


def _misplaced(article: str, quote: str, start: int, end: int, found: str) -> str:
    """Why a quote fails: what the article holds at its offsets, and where (if anywhere) the quote is."""
    at = article.find(quote)
    where = f"the quote is at {at}-{at + len(quote)}" if at >= 0 else "the quote is nowhere in the article"
    held = f"the article holds {shown(found, 60)} there" if found else "the article is shorter"
    return f"not the article's text at {start}-{end} ({held}); {where}: {shown(quote, 60)}"
