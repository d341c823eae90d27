"""normalize() folds the names of every script for matching; Vietnamese folds exactly as it always has."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import vn_diplomacy as vd
from vn_diplomacy import normalize

# The Latin letters NFKD leaves whole, as normalize's docstring writes them in ASCII.
LATIN = {"đ": "d", "ð": "d", "þ": "th", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "ŧ": "t"}  # noqa: RUF001  # the dotless i is meant


LATIN_TABLE = {ord(letter): ascii_ for letter, ascii_ in LATIN.items()}


def folded(text: str) -> str:
    """Casefold, NFKD, the Latin letters, no marks: until nothing changes (normalize before punctuation)."""
    while True:
        once = unicodedata.normalize("NFKD", text.casefold()).translate(LATIN_TABLE)
        once = "".join(c for c in once if not unicodedata.category(c).startswith("M"))
        if once == text:
            return text
        text = once


def by_definition(text: str) -> str:
    """normalize() as its docstring defines it, with none of its fast ways."""
    kept = re.sub(r"[.'’‘`]", "", folded(text))  # noqa: RUF001  # curly apostrophes are meant
    return " ".join("".join(c if c.isalnum() else " " for c in kept).split())


def as_before(text: str) -> str:
    """normalize() as it was before it kept other scripts: still the rule for Vietnamese and ASCII text."""
    text = text.casefold().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", re.sub(r"[.'’‘`]", "", text)).strip()  # noqa: RUF001  # curly quotes meant


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # Letters of other scripts were separators: 中国 and Россия both folded to "", and matched each other.
        ("中国", "中国"),
        ("Россия", "россия"),
        ("Hoa Kỳ – 美国", "hoa ky 美国"),  # noqa: RUF001  # an en dash is meant
        ("ドナルド・トランプ", "トナルト トランフ"),  # kana voicing marks are marks: dropped like accents
        ("٢٠٢٣", "٢٠٢٣"),  # digits of any script are digits
        ("\uff34\uff4f\uff4b\uff59\uff4f \uff12\uff10\uff12\uff15", "tokyo 2025"),  # fullwidth: NFKD makes ASCII
        # Latin letters NFKD leaves whole lost themselves: Ørsted was "rsted".
        ("Ørsted", "orsted"),
        ("ØRSTED", "orsted"),
        ("Łódź", "lodz"),
        ("Æsir", "aesir"),
        ("Œuvre", "oeuvre"),
        ("Straße", "strasse"),
        ("STRAẞE", "strasse"),
        ("Þór", "thor"),
        ("Iğdır", "igdir"),  # noqa: RUF001  # the dotless i is meant
        ("İstanbul", "istanbul"),
        ("Ħamrun", "hamrun"),
        ("Guðrún", "gudrun"),
        ("\u210cello", "hello"),  # NFKD makes black-letter H a capital H: folded again
        # Vietnamese, as before.
        ("  Bùi Thanh Sơn ", "bui thanh son"),
        ("Đà Nẵng", "da nang"),
        ("ĐÀ NẴNG", "da nang"),
        ("Nguyễn Phú Trọng", "nguyen phu trong"),
        ("U.S.", "us"),
        ("Vietnam’s", "vietnams"),  # noqa: RUF001  # a curly apostrophe is meant
        ("‘major’ partners", "major partners"),  # noqa: RUF001  # curly quotes are meant
        ("Việt Nam—Hoa Kỳ", "viet nam hoa ky"),
        ("snake_case", "snake case"),
    ],
)
def test_folds(text: str, key: str) -> None:
    assert normalize(text) == key


@pytest.mark.parametrize("text", ["", " ", "...", "?!", " - ", "–", "’", "・", "\u0301", "\uff9e"])  # noqa: RUF001
def test_text_without_a_letter_or_digit_folds_to_nothing(text: str) -> None:
    assert normalize(text) == ""


def test_names_in_different_scripts_no_longer_match() -> None:
    keys = {normalize(name) for name in ["中国", "Россия", "日本", "대한민국", "ไทย", "ישראל", "مصر"]}
    assert len(keys) == 7
    assert "" not in keys


def test_the_bundled_names_fold_as_before() -> None:
    """Every name and id of the bundled data is Vietnamese or ASCII: none folds differently now."""
    names = [
        name
        for collection in (vd.sources, vd.partners, vd.people, vd.engagements, vd.trade, vd.agreements, vd.claims)
        for record in collection
        for name in (record.id, *record.names())
    ]
    assert len(names) > 300
    assert [normalize(name) for name in names] == [as_before(name) for name in names]


def vietnamese_letters() -> list[str]:
    vowels = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    letters = [unicodedata.normalize("NFC", v + t) for v in vowels for t in tones] + list("bcdđghklmnpqrstvx")
    return letters + [letter.upper() for letter in letters]


VIETNAMESE = st.text(alphabet=st.sampled_from([*vietnamese_letters(), *" .,'’‘`-–—()0123456789"]), max_size=30)  # noqa: RUF001


@given(VIETNAMESE | st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
@example("Vietnam’s upgrade of ties – with ‘major’ partners")  # noqa: RUF001  # the table's characters, as in titles
@example("Bộ Ngoại giao Việt Nam")
def test_vietnamese_and_ascii_fold_as_before(text: str) -> None:
    assert normalize(text) == as_before(text)


ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=30)  # surrogates and all
PUNCTUATED = st.text(alphabet=st.sampled_from("aZđ \u0301.-’‘–—`'_"), max_size=20)  # noqa: RUF001  # curly quotes, dashes
SCRIPTS = st.text(
    alphabet=st.sampled_from([*LATIN, *"".join(LATIN).upper(), *"ßẞİ\u210c中яЙドﾞिंَ"]),
    max_size=12,
)


@given(ANY_TEXT | SCRIPTS | VIETNAMESE | PUNCTUATED)
@example("Vietnam’s upgrade of ties – with ‘major’ partners")  # noqa: RUF001  # the table's characters, as in titles
@example("\u210c")  # black-letter H
@example("\u037a")  # a letter that is a mark's spacing form: folds to nothing
def test_normalize_agrees_with_its_definition(text: str) -> None:
    assert normalize(text) == by_definition(text)


@given(ANY_TEXT | SCRIPTS | PUNCTUATED)
def test_properties_of_any_text(text: str) -> None:
    key = normalize(text)  # never raises, for any str
    assert normalize(key) == key  # idempotent
    assert key == key.strip(" ")
    assert "  " not in key
    assert all(c.isalnum() for c in key.replace(" ", ""))  # letters and digits, and single spaces
    assert (key == "") == (not any(c.isalnum() for c in folded(text)))


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_ascii_way_agrees_with_the_general_way(text: str) -> None:
    """ASCII text takes one bytes.translate; a letter of another script after it sends it the general way."""
    general = normalize(text + " 中")
    assert general == f"{normalize(text)} 中".strip()


def assigned_characters() -> list[str]:
    return [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) not in {"Cn", "Cs", "Co"}  # unassigned, surrogates, private use
    ]


def test_every_character_folds_to_a_fixed_point() -> None:
    for char in assigned_characters():
        key = normalize(char)
        assert normalize(key) == key, hex(ord(char))
        assert key == by_definition(char), hex(ord(char))


def test_a_letter_or_digit_folds_to_nothing_only_if_it_is_a_marks_spacing_form() -> None:
    """Of all letters and digits, only a few (U+037A, Arabic isolated vowel signs, the halfwidth kana voicing
    marks) fold to "": their decompositions are a space and marks, or marks alone."""
    vanishing = [char for char in assigned_characters() if char.isalnum() and normalize(char) == ""]
    assert "\uff9e" in vanishing
    for char in vanishing:
        decomposed = unicodedata.normalize("NFKD", char)
        assert all(c == " " or unicodedata.category(c).startswith("M") for c in decomposed), hex(ord(char))
