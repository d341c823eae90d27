"""Read-only collections of records, with indexes built once: get, lookup, involving, between."""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from operator import attrgetter
from typing import TYPE_CHECKING, Final, Generic, TypeVar

from vn_diplomacy.errors import DataError, NotFound, QueryError, shown
from vn_diplomacy.models import Partner, Record, Tier, require_day

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["Collection", "PartnerCollection", "normalize", "not_found", "suggest"]

# Covariant: collections are read-only, so a Collection[Partner] is a Collection[Record].
T_co = TypeVar("T_co", bound=Record, covariant=True)
R = TypeVar("R", bound=Record)
Span = tuple[datetime.date, datetime.date] | None

# Patterns, not compiled at import (half a millisecond of every first answer): only text in other scripts
# needs them, and re compiles and caches them on that first use.
_DROPPED: Final = r"[.'’‘`]"  # noqa: RUF001  # curly apostrophes are meant
_SEPARATORS: Final = r"[\W_]+"  # what is not a letter or digit of any script: \w is str.isalnum() and "_"
_NO_TIME: Final = datetime.timedelta(0)
_ID: Final = attrgetter("id")
# One str.translate for the non-ASCII text of names: it drops the combining marks Vietnamese letters decompose
# into (U+0300-U+036F) and the curly apostrophes, and makes dashes spaces, as the two rules above would, and
# writes the Latin letters NFKD leaves whole as ASCII (after casefold, which makes them lowercase and ß "ss"):
# đ and ð d, þ th, ø o, ł l, æ ae, œ oe, dotless i (U+0131) i, ħ h, ŧ t. Most names are ASCII after it, and
# take the fast way.
_UNICODE_FOLD: Final[dict[int, str | None]] = {
    **{code: None for code in range(0x300, 0x370) if unicodedata.combining(chr(code))},
    **dict.fromkeys(map(ord, "’‘"), None),  # noqa: RUF001  # curly apostrophes are meant
    **dict.fromkeys(map(ord, "–—"), " "),  # noqa: RUF001  # en and em dashes are meant
    **{
        ord(letter): ascii_
        for letter, ascii_ in {
            "đ": "d",
            "ð": "d",
            "þ": "th",
            "ø": "o",
            "ł": "l",
            "æ": "ae",
            "œ": "oe",
            "ı": "i",  # noqa: RUF001  # the dotless i is meant
            "ħ": "h",
            "ŧ": "t",
        }.items()
    },
}
# The same two rules for ASCII text, as one bytes.translate: dots, apostrophes and backticks are deleted
# (its second argument), A-Z become a-z (all casefold() does to ASCII), and any other byte that is not a digit
# or a lowercase letter becomes a space.
_ASCII_FOLD: Final = bytes(
    c + 32 if "A" <= chr(c) <= "Z" else c if "0" <= chr(c) <= "9" or "a" <= chr(c) <= "z" else 32 for c in range(256)
)


def normalize(text: str) -> str:
    """Fold text for matching: case, diacritics and other marks, punctuation and spacing, in every script.

    The text is casefolded and decomposed (NFKD), and its marks dropped ("Bùi" is "bui"; in other scripts
    vowel signs and kana voicing marks go too); Latin letters that do not decompose are written as in ASCII:
    đ and ð are d, þ th, ø o, ł l, æ ae, œ oe, dotless i (U+0131) i, ħ h, ŧ t (and casefold makes ß ss).
    Letters and digits of every script stay ("中国" is "中国", "Россия" "россия"). Dots and apostrophes vanish
    ("U.S." is "us"); any other run of what is not a letter or digit is one space, none at either end.

    The result is "" exactly when nothing folded is a letter or digit (`str.isalnum`): for text without one in
    any script ("", "...", " - "), and for the few letters that are only the spacing form of a mark (such as the
    halfwidth kana voicing marks U+FF9E and U+FF9F). No lookup can find a name that folds to "".

    Examples:
        >>> normalize("  Bùi Thanh Sơn ")
        'bui thanh son'
        >>> normalize("U.S.") == normalize("us")
        True
        >>> normalize("Ørsted"), normalize("Россия"), normalize("中国")
        ('orsted', 'россия', '中国')
        >>> normalize("...")
        ''
    """
    if not text.isascii():  # most names and queries are ASCII, and skip all of this
        text = text.casefold()
        if not text.isascii():
            # Vietnamese marks decompose into U+0300-U+036F: one translate drops them (and curly apostrophes
            # and dashes) and writes đ as d, and most names are then ASCII. Whatever is left (other scripts,
            # other marks, other letters) takes the character-by-character way.
            text = unicodedata.normalize("NFKD", text).translate(_UNICODE_FOLD)
            if not text.isascii():
                return _fold_other_scripts(text)
    # ASCII, as written or once folded: one table lowercases and folds at once, faster than casefold() (which
    # has no ASCII fast path in CPython) and two regexes.
    return " ".join(text.encode().translate(_ASCII_FOLD, b".'`").decode().split())


def _fold_other_scripts(text: str) -> str:
    """The rest of `normalize` for text still not ASCII once casefolded, decomposed and translated.

    A function of its own: inlined, its loop gave `normalize` a larger frame and a jump that needs an
    EXTENDED_ARG, some 30 instructions more for every ASCII name (callgrind).
    """
    # Marks dropped, then folded again until nothing changes, since each step can give the others work: NFKD
    # uncovers capitals (U+210C, black-letter H, is H), casefold decomposable letters (U+0130 is i and a dot).
    while True:
        folded = unicodedata.normalize("NFKD", text.casefold()).translate(_UNICODE_FOLD)
        folded = "".join(c for c in folded if not unicodedata.category(c).startswith("M"))
        if folded == text:
            return re.sub(_SEPARATORS, " ", re.sub(_DROPPED, "", text)).strip()
        text = folded


def suggest(key: str, choices: Iterable[str]) -> tuple[str, ...]:
    """Up to three of `choices` closest to `key` once both are folded by `normalize`, best first.

    Choices that start with the key come first, shortest first; then difflib's closest. Short
    keys (up to three characters, such as a mistyped id) take a looser cutoff.

    Examples:
        >>> suggest("JA", ["JP", "Japan", "US"])
        ('Japan', 'JP')
    """
    import difflib  # noqa: PLC0415  # only on the error path

    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(normalize(choice), choice)
    folded = normalize(key)
    cutoff = 0.5 if len(folded) <= 3 else 0.6
    starting = sorted((name for name in by_folded if name.startswith(folded)), key=len) if len(folded) >= 2 else []
    close = [*starting, *difflib.get_close_matches(folded, list(by_folded), n=3, cutoff=cutoff)]
    return tuple(dict.fromkeys(by_folded[c] for c in close))[:3]


def not_found(kind: str, key: str, records: Iterable[Record], how: str) -> NotFound:
    """A NotFound for `key` that suggests the ids of the records whose ids or names come closest.

    The message shows each suggested id beside the record's first name, e.g. "'JP' (Japan)".
    """
    owner: dict[str, Record] = {}
    labels: dict[str, str] = {}
    for record in records:
        names = record.names()
        if names:
            labels[record.id] = names[0]
        for name in (record.id, *names):
            owner.setdefault(name, record)
    ids = tuple(dict.fromkeys(owner[name].id for name in suggest(key, owner)))
    return NotFound(kind, key, ids, how=how, labels=labels)


def _ordered(items: tuple[R, ...], *, dated: bool) -> tuple[tuple[R, ...], tuple[Span, ...]]:
    """`items` in iteration order, with their spans: chronological then by id when `dated`, else by id."""
    if not dated:  # no spans to work out or compare
        return tuple(sorted(items, key=_ID)), (None,) * len(items)
    spans = [record.span() for record in items]
    keys = [
        (span is None, datetime.date.min if span is None else span[0], record.id)
        for record, span in zip(items, spans, strict=True)
    ]
    order = sorted(range(len(items)), key=keys.__getitem__)  # chronological, then by id
    return tuple(items[index] for index in order), tuple(spans[index] for index in order)


class Collection(Generic[T_co]):
    """An immutable, ordered collection of one kind of record.

    Iteration is chronological for dated records (by first day, then id) and by id otherwise.
    Indexes for `get`, `lookup` and `involving` are built once, when the collection is made.

    Examples:
        >>> import vn_diplomacy as vd
        >>> len(vd.partners) > 20, "US" in vd.partners
        (True, True)
    """

    __slots__ = (
        "_by_id",
        "_by_name",
        "_by_ref",
        "_by_text",
        "_has_dates",
        "_has_refs",
        "_kind",
        "_longest",
        "_records",
        "_resolve",
        "_spans",
        "_starts",
    )

    def __init__(
        self,
        kind: str,
        model: type[T_co],
        records: Iterable[T_co],
        *,
        resolve: Callable[[str], str] | None = None,
        file: str = "<memory>",
    ) -> None:
        """Index `records`.

        Args:
            kind: What one record is called in messages, e.g. ``"partner"``.
            model: The record class; it decides whether `involving` and `between` apply.
            records: The records, in any order.
            resolve: Turns an id or name given to `involving` into a known partner or person id,
                raising `NotFound` otherwise; by default ids are taken as given.
            file: The file the records come from, for error messages.

        Raises:
            DataError: Two records share an id, or two records share a name that `lookup` folds alike.
        """
        self._kind = kind
        self._resolve = resolve
        self._has_refs = model.references is not Record.references
        self._has_dates = model.span is not Record.span
        self._records, self._spans = _ordered(tuple(records), dated=self._has_dates)
        # Dated records come first, by first day: between() bisects these, and looks back no further than
        # the longest span, since a record that starts earlier ends before the range.
        self._starts = [span[0] for span in self._spans if span is not None]
        self._longest = max((span[1] - span[0] for span in self._spans if span is not None), default=_NO_TIME)
        # Locals, not attributes, in the loops below: they run once per record of a growing dataset.
        by_id: dict[str, T_co] = {record.id: record for record in self._records}
        if len(by_id) != len(self._records):
            seen: set[str] = set()
            for record in self._records:
                if record.id in seen:
                    raise DataError(
                        f"duplicate {kind} id {shown(record.id)}", file=file, record=shown(record.id), field="id"
                    )
                seen.add(record.id)
        by_ref: dict[str, list[T_co]] = {}
        if self._has_refs:
            for record in self._records:
                refs = record.references()
                for ref in refs if len(refs) < 2 else dict.fromkeys(refs):  # one ref needs no dedupe
                    bucket = by_ref.get(ref)
                    if bucket is None:
                        by_ref[ref] = [record]
                    else:
                        bucket.append(record)
        by_name: dict[str, T_co] = {}  # folded name -> record
        by_text: dict[str, T_co] = {}  # each id and name as written -> record: lookup's fast path
        for record in self._records:
            for name in (record.id, *record.names()):
                by_text[name] = record
                key = normalize(name)
                other = by_name.setdefault(key, record)
                if other is not record:
                    raise DataError(
                        f"{kind} name {shown(name)} folds to {shown(key)}, which already names {shown(other.id)}; "
                        "lookup would be ambiguous",
                        file=file,
                        record=shown(record.id),
                    )
        self._by_id, self._by_ref, self._by_name, self._by_text = by_id, by_ref, by_name, by_text

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[T_co]:
        return iter(self._records)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._by_id

    def __getitem__(self, key: str) -> T_co:
        return self.get(key)

    def __repr__(self) -> str:
        return f"<Collection of {len(self)} {self._kind} records>"

    @property
    def kind(self) -> str:
        """What one record is called, e.g. ``"partner"``."""
        return self._kind

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id, in iteration order."""
        return tuple(r.id for r in self._records)

    def get(self, id: str) -> T_co:  # noqa: A002  # the contract names the parameter `id`
        """The record with exactly this id.

        Args:
            id: The id, e.g. ``"US"`` or ``"bui-thanh-son"``; case and spelling must match.

        Raises:
            NotFound: No record has the id; the message names the closest ids and names.
            TypeError: `id` is not a string.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.partners.get("JP").name
            'Japan'
        """
        if not isinstance(id, str):  # pyright: ignore[reportUnnecessaryIsInstance]  # guards untyped callers
            raise TypeError(f"id must be a str, got {type(id).__name__}: {id!r}")
        try:
            return self._by_id[id]
        except KeyError:
            raise self._not_found(id, "id") from None

    def lookup(self, text: str) -> T_co:
        """The record whose id, name or alias matches `text`.

        Matching ignores case, surrounding spaces, punctuation and Vietnamese diacritics.

        Raises:
            NotFound: Nothing matches; the message names the closest ids and names.
            TypeError: `text` is not a string.

        Examples:
            >>> import vn_diplomacy as vd
            >>> vd.partners.lookup("u.s.").id
            'US'
            >>> vd.people.lookup("bui thanh son").name
            'Bùi Thanh Sơn'
        """
        if not isinstance(text, str):  # pyright: ignore[reportUnnecessaryIsInstance]  # guards untyped callers
            raise TypeError(f"text must be a str, got {type(text).__name__}: {text!r}")
        record = self._match(text)
        if record is None:
            raise self._not_found(text, "id or name")
        return record

    def _match(self, text: str) -> T_co | None:
        """What `lookup` finds, or None: no error to build, for callers that try several collections."""
        # A name as written needs no folding; two names that fold alike are refused at indexing,
        # so both indexes give the same record.
        record = self._by_text.get(text)
        return self._by_name.get(normalize(text)) if record is None else record

    def involving(self, *ids: str) -> tuple[T_co, ...]:
        """The records that involve every one of the given partners or people.

        Args:
            *ids: Partner or person ids (names are accepted too and resolved as `lookup` does).

        Raises:
            NotFound: An id or name is not a known partner or person.
            QueryError: No ids were given, or this collection's records involve no partners or people.
            TypeError: An argument is not a string.

        Examples:
            >>> import vn_diplomacy as vd
            >>> all("US" in e.partners for e in vd.engagements.involving("US"))
            True
        """
        if not ids:
            raise QueryError("involving() needs at least one partner or person id")
        for given in ids:
            if not isinstance(given, str):  # pyright: ignore[reportUnnecessaryIsInstance]  # guards untyped callers
                raise TypeError(f"each id must be a str, got {type(given).__name__}: {given!r}")
        if not self._has_refs:
            raise QueryError(f"{self._kind} records involve no partners or people; involving() does not apply")
        resolved = [given if self._resolve is None else self._resolve(given) for given in ids]
        matches = [self._by_ref.get(ref, []) for ref in dict.fromkeys(resolved)]
        smallest = min(matches, key=len)
        if len(matches) == 1:
            return tuple(smallest)
        wanted = set(resolved)
        return tuple(r for r in smallest if wanted.issubset(r.references()))

    def between(self, start: datetime.date, end: datetime.date) -> tuple[T_co, ...]:
        """The records whose dates overlap the closed range from `start` to `end`.

        A record overlaps when any day it can mean lies in the range (a record dated "2023"
        overlaps 2023-06-01..2023-06-02).

        Raises:
            QueryError: `end` is before `start`, or this collection's records are not dated.
            TypeError: `start` or `end` is not a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> july = vd.engagements.between(datetime.date(2025, 7, 10), datetime.date(2025, 7, 11))
            >>> len(july) >= 9
            True
        """
        require_day(start, "start")
        require_day(end, "end")
        if end < start:
            raise QueryError(f"end {end.isoformat()} is before start {start.isoformat()}; swap them")
        if not self._has_dates:
            raise QueryError(f"{self._kind} records are not dated; between() does not apply")
        last = bisect.bisect_right(self._starts, end)  # every record from here on starts after `end`
        try:
            first = bisect.bisect_left(self._starts, start - self._longest)
        except OverflowError:  # the longest span reaches back before year 1
            first = 0
        return tuple(
            record
            for record, span in zip(self._records[first:last], self._spans[first:last], strict=True)
            if span is not None and start <= span[1]
        )

    def _not_found(self, key: str, how: str) -> NotFound:
        return not_found(self._kind, key, self._records, how)


class PartnerCollection(Collection[Partner]):
    """The partners, with queries by tier."""

    __slots__ = ()

    def with_tier(self, tier: Tier, on: datetime.date | None = None) -> tuple[Partner, ...]:
        """The partners at exactly `tier` on the day `on` (the latest known tier when `on` is None).

        Raises:
            TypeError: `tier` is not a `Tier`, or `on` is neither None nor a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> from vn_diplomacy import Tier
            >>> "US" in [p.id for p in vd.partners.with_tier(Tier.COMPREHENSIVE, on=datetime.date(2020, 1, 1))]
            True
        """
        if not isinstance(tier, Tier):  # pyright: ignore[reportUnnecessaryIsInstance]  # guards untyped callers
            raise TypeError(f"tier must be a vn_diplomacy.Tier, e.g. Tier.STRATEGIC; got {tier!r}")
        if on is None:
            return tuple(p for p in self if p.tier is tier)
        require_day(on, "on")
        return tuple(p for p in self if p.tier_on(on) is tier)
