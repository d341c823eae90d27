"""The version of the bundled data, apart from the package's own; this module imports nothing."""

from __future__ import annotations

from typing import Final

__all__ = ["DATA_VERSION"]

DATA_VERSION: Final[str] = "2026.12.02.4"
"""The version of the bundled data files: the day of the change, as ``YYYY.MM.DD``.

It changes whenever a byte of ``vn_diplomacy/data`` does, with a CHANGELOG entry that records the
new files' sha256 (see the README's Contributing section); a test holds the three together.

Examples:
    >>> import vn_diplomacy as vd
    >>> vd.DATA_VERSION
    '2026.12.02.4'
"""
