"""Full-text search over every record and every quote, ranked, each hit with the quote that backs it.

A query matches a piece of text when each of its words starts a word of that text, both folded as `lookup`
folds names (case, diacritics, punctuation) and a final "s" of a query word set aside, so that "railways" finds
"railway connectivity" and "bui thanh son" finds "Bùi Thanh Sơn". Every text of a record is searched: its id, its
names, its prose fields, its statements and every quote. A record is one hit, at the best of its matches:

1. the whole of a name or id ("bui thanh son" is the person first, then the engagements whose titles hold it);
2. a name or id (a partner, a person, an agreement by its short name, an engagement by its title);
3. the record's own text (a title, a claim's statement, a fact);
4. a statement (what was discussed, agreed, proposed or stated);
5. a quote.

Ties go to the record with more matching texts, then to the collections' order and the records' own order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from vn_diplomacy.errors import QueryError
from vn_diplomacy.records.walk import evidence_in
from vn_diplomacy.registry import FILES
from vn_diplomacy.text import normalize

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pydantic import BaseModel

    from vn_diplomacy.dataset import Dataset
    from vn_diplomacy.records.base import Evidence, Record

__all__ = ["Hit", "search"]

_EXACT, _NAME, _OWN, _STATEMENT, _QUOTE = 0, 1, 2, 3, 4
_WHAT: Final = ("name", "name", "text", "statement", "quote")
_PROSE: Final = frozenset(
    {"title", "name", "short_name", "statement", "text", "subject", "follows", "reason", "location", "occasion"}
)
_STATEMENT_LISTS: Final = frozenset({"discussed", "agreed", "proposed", "stated", "statements", "readings"})


@dataclass(frozen=True)
class Hit:
    """One record that matches a search, at its best match."""

    collection: str
    """The collection the record belongs to, e.g. ``"engagements"``."""
    record: Record
    """The record."""
    matched: str
    """What matched: ``"name"``, ``"text"``, ``"statement"`` or ``"quote"``."""
    field: str
    """Where in the record, e.g. ``"agreed[5].text"`` or ``"evidence[0]"``."""
    text: str
    """The text that matched, as the record holds it."""
    evidence: Evidence | None
    """The quote that backs the match: the matched quote itself, or the first quote of the matched statement or
    record; None only for a record without quotes (which the data does not allow)."""
    matches: int
    """How many texts of the record match, the best included."""


def search(text: str, data: Dataset | None = None, *, limit: int | None = None) -> tuple[Hit, ...]:
    """The records whose names, prose, statements or quotes hold every word of `text`, best first.

    Args:
        text: What to look for, in any case, with or without diacritics, e.g. ``"railway"`` or ``"Hoa Kỳ"``.
        data: The dataset to search; the bundled data when None.
        limit: At most this many hits; all when None.

    Raises:
        QueryError: `text` has no letter or digit to search for, or `limit` is below 1.
        TypeError: `text` is not a string.

    Examples:
        >>> import vn_diplomacy as vd
        >>> [(hit.collection, hit.record.id, hit.field) for hit in vd.search("railways")]
        [('partners', 'CN', 'facts[21].text'), ('engagements', '2025-07-10-son-wang-yi', 'agreed[4].text')]
    """
    if not isinstance(text, str):  # pyright: ignore[reportUnnecessaryIsInstance]  # untyped callers
        raise TypeError(f"text must be a str, got {type(text).__name__}: {text!r}")
    words = [_stem(word) for word in normalize(text).split()]
    if not words:
        raise QueryError(f"nothing to search for in {text!r}: give a word, e.g. 'railway' or 'Japan'")
    if limit is not None and limit < 1:
        raise QueryError(f"limit must be 1 or more, got {limit}")
    whole = normalize(text)
    if data is None:
        from vn_diplomacy.loader import load  # noqa: PLC0415  # the data only when asked for

        data = load()
    hits: list[tuple[tuple[int, int, int, int], Hit]] = []
    order = 0
    for name in FILES:
        for record in data[name]:
            order += 1
            found = [match for match in _texts(record, whole) if _holds(match[3], words)]
            if not found:
                continue
            rank, field, quoted, written = min(found, key=lambda match: match[0])
            evidence = quoted if quoted is not None else (record.evidence[0] if record.evidence else None)
            hit = Hit(name, record, _WHAT[rank], field, written, evidence, len(found))
            hits.append(((rank, -len(found), order, 0), hit))
    hits.sort(key=lambda pair: pair[0])
    chosen = [hit for _, hit in hits]
    return tuple(chosen if limit is None else chosen[:limit])


def _stem(word: str) -> str:
    """A query word with a final plural "s" set aside ("railways" → "railway"), so that it finds the singular."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _holds(text: str, words: list[str]) -> bool:
    """Whether every query word starts a word of `text` (folded)."""
    folded = normalize(text).split()
    return all(any(candidate.startswith(word) for candidate in folded) for word in words)


def _texts(record: Record, whole: str) -> Iterator[tuple[int, str, Evidence | None, str]]:
    """Each searchable text of `record`: (rank, field, the quote that backs it, the text); `whole` is the query."""
    for field, name in (("id", record.id), *((f"names[{i}]", name) for i, name in enumerate(record.names()))):
        yield (_EXACT if normalize(name) == whole else _NAME), field, None, name
    yield from _prose(record, "")
    for field, evidence in evidence_in(record):
        yield _QUOTE, field, evidence, evidence.quote


def _prose(model: BaseModel, path: str) -> Iterator[tuple[int, str, Evidence | None, str]]:
    """The prose fields of `model` and of the models in it (statements, facts, roles), with their own first quote."""
    from pydantic import BaseModel  # noqa: PLC0415  # pydantic is loaded by then: the records are models

    own = getattr(model, "evidence", ())
    first: Evidence | None = own[0] if isinstance(own, tuple) and own else None  # pyright: ignore[reportUnknownVariableType]
    for name in type(model).model_fields:
        value: object = getattr(model, name)
        if isinstance(value, str) and name in _PROSE:
            rank = _STATEMENT if path and path.split("[", maxsplit=1)[0] in _STATEMENT_LISTS else _OWN
            yield rank, f"{path}{name}", first, value
        elif isinstance(value, tuple) and name != "evidence":
            for index, item in enumerate(value):  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
                if isinstance(item, BaseModel):
                    yield from _prose(item, f"{path}{name}[{index}].")
