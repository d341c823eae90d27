"""Folding text for matching names: case, diacritics, punctuation and spacing, in every script; and suggestions."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["normalize", "suggest"]

# Patterns, not compiled at import (half a millisecond of every first answer): only text in other scripts
# needs them, and re compiles and caches them on that first use.
_DROPPED: Final = r"[.'’‘`]"  # noqa: RUF001  # curly apostrophes are meant
_SEPARATORS: Final = r"[\W_]+"  # what is not a letter or digit of any script: \w is str.isalnum() and "_"
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
