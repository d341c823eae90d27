"""`python -m vn_diplomacy`: the same program as the `vn-diplomacy` command (see `vn_diplomacy.cli`)."""

from __future__ import annotations

from vn_diplomacy.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
