"""Where answers and errors go: standard output and standard error, and what to do when they fail."""

from __future__ import annotations

import os
import sys

from vn_diplomacy.cli._parser import PROG

__all__ = ["emit", "fail", "one_line"]


def emit(text: str) -> int:
    """Print `text` on stdout; return the exit status: 0, or 1 when it could not be written."""
    try:
        print(text)
        sys.stdout.flush()  # a closed pipe must fail here, inside the handler, not at interpreter exit
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        return fail(str(error))
    return 0


def fail(message: str, status: int = 1) -> int:
    """Print `message` as one error line on stderr; return `status`."""
    print(f"{PROG}: error: {one_line(message)}", file=sys.stderr)
    return status


def one_line(text: str) -> str:
    """`text` with every run of white space, line ends included, made one space."""
    return " ".join(text.split())
