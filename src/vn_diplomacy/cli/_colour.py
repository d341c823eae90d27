"""Colour on a terminal: whether to use it, and the few styles that carry meaning.

`--color auto` (the default) colours when stdout is a terminal, unless ``NO_COLOR`` is set and not empty
(https://no-color.org) or ``TERM`` is ``dumb``; ``FORCE_COLOR``, set and not empty, colours wherever stdout
goes. ``NO_COLOR`` is read before ``FORCE_COLOR``, as CPython reads them for its own tracebacks. `--color always`
and `--color never` decide over all of these.

Only the text views are coloured; CSV, JSON and JSON Lines never are. Each style is an SGR escape sequence
closed by a reset, put around text that is already laid out: a table measures and wraps its cells' text and
colours them after, so an escape sequence never takes a column.
"""

from __future__ import annotations

import os
import re

from vn_diplomacy.cli._io import interactive

__all__ = ["Palette", "palette", "wanted"]

_RESET = "\x1b[0m"
_BOLD, _DIM, _GREEN, _YELLOW, _MAGENTA, _CYAN = "1", "2", "32", "33", "35", "36"

_BASIS = {"stated": _GREEN, "attested": _CYAN, "inferred": _MAGENTA, "unknown": _DIM}
"""How a tier is known, by the word `since_text` starts with ("unknown": no article speaks of a tier)."""

_INFERRED = re.compile(r"\(inferred\)")
"""The mark `when` puts after a date no article states."""

_DATED = frozenset({"DATE", "AS OF", "PUBLISHED", "STATUS"})
"""The table columns whose cells are written by `when` (with its "(inferred)") and no free text."""


def wanted(choice: str) -> bool:
    """Whether to colour stdout: `choice` is --color's value, "auto", "always" or "never"."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return os.environ.get("TERM") != "dumb" and interactive()


class Palette:
    """The styles of one answer; without colour, each gives its text back unchanged.

    Examples:
        >>> Palette(on=True).id("evfta"), Palette(on=False).id("evfta")
        ('\\x1b[33mevfta\\x1b[0m', 'evfta')
    """

    __slots__ = ("on",)

    def __init__(self, *, on: bool) -> None:
        self.on = on

    def _style(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}{_RESET}" if self.on and text else text

    def header(self, text: str) -> str:
        """A table's header, or the name of a field in a block: bold."""
        return self._style(_BOLD, text)

    def id(self, text: str) -> str:
        """A record's id, what the commands about one record take: yellow, as git shows a commit's hash."""
        return self._style(_YELLOW, text)

    def marked(self, text: str) -> str:
        """`text` with each "(inferred)", the mark of a date no article states, dim."""
        return _INFERRED.sub(lambda match: self._style(_DIM, match.group()), text) if self.on else text

    def basis(self, text: str) -> str:
        """How a tier is known ("stated: set up 2013"): its first word in the colour of its basis, dates marked."""
        word, colon, rest = text.partition(":")
        code = _BASIS.get(word)
        if code is None:
            return self.marked(text)
        return self._style(code, word) + colon + self.marked(rest)

    def cell(self, header: str, text: str) -> str:
        """A table's cell (or a piece of it, wrapped in a block), styled by its column's header."""
        if header == "ID":
            return self.id(text)
        if header.startswith("TIER") or header == "HOW KNOWN":
            return self.basis(text)
        return self.marked(text) if header in _DATED else text


def palette(choice: str) -> Palette:
    """The palette for stdout, with colour if `wanted(choice)`."""
    return Palette(on=wanted(choice))
