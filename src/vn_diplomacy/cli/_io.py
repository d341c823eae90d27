"""Where answers and errors go: standard output and standard error, and what to do when they fail.

Whatever their encoding, both streams replace what they cannot encode (``?``) rather than raise. Whatever
state they are in (closed by the shell with ``>&-``, a pipe whose reader has gone, a full disk), writing to
them never raises: the answer's loss shows in the exit status, and the interpreter's own flush at exit is
kept from failing again with its "Exception ignored" message.

What the answers' layout asks of stdout is here too: whether it is a terminal, how wide, whether it is UTF-8.
"""

from __future__ import annotations

import os
import sys

from vn_diplomacy.cli._parser import PROG

# Not `from typing import TYPE_CHECKING`: `--help` imports this module, and typing costs it milliseconds.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import TracebackType
    from typing import TextIO

__all__ = ["Streams", "emit", "fail", "finish", "interactive", "one_line", "terminal_width", "utf8_stdout"]


class Streams:
    """For the span of one command, stdout and stderr replace what they cannot encode; restored after it.

    Only streams with `reconfigure` (the interpreter's own, and pytest's) are changed; others, such as an
    `io.StringIO` put in place by `contextlib.redirect_stdout`, take any text anyway.
    """

    _previous: list[tuple[TextIO, str | None]]

    def __enter__(self) -> Streams:
        self._previous = []
        for stream in (sys.stdout, sys.stderr):
            if stream is not None and hasattr(stream, "reconfigure"):
                self._previous.append((stream, stream.errors))
                _reconfigure(stream, "replace")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        for stream, errors in self._previous:
            _reconfigure(stream, errors)


def _reconfigure(stream: TextIO, errors: str | None) -> None:
    reconfigure = getattr(stream, "reconfigure", None)  # io.TextIOWrapper's; TextIO does not declare it
    if reconfigure is None:
        return
    try:
        reconfigure(errors=errors)
    except (OSError, ValueError):  # reconfigure flushes first, and the stream may be broken or closed by now
        _silence(stream)


def emit(text: str) -> int:
    """Print `text` and a line end on stdout; return the exit status: 0, or 1 when it could not all be written."""
    stream = sys.stdout
    if stream is None:  # the process started with no stdout (`>&-`)
        return fail("cannot write the answer: standard output is closed")
    try:
        stream.write(text)
        # The line end on its own, as print() writes it: a write larger than the buffer, cut short by a pipe's
        # reader leaving, reports no error (CPython drops the short count), so only the next write shows it.
        stream.write("\n")
        stream.flush()  # a closed pipe must fail here, inside the handler, not at interpreter exit
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
        _silence(stream)
        return 1
    except (OSError, ValueError) as error:  # a full disk, say; ValueError: closed by the code that called main
        _silence(stream)
        return fail(f"cannot write the answer: {error}")
    return 0


def fail(message: str, status: int = 1) -> int:
    """Print `message` as one error line on stderr, if it can be; return `status`."""
    stream = sys.stderr
    if stream is None:  # the process started with no stderr (`2>&-`): the status alone tells
        return status
    try:
        stream.write(f"{PROG}: error: {one_line(message)}\n")
        stream.flush()
    except (OSError, ValueError):  # nowhere left to report it: the status alone tells
        _silence(stream)
    return status


def finish(status: int) -> int:
    """Flush what argparse printed (help, usage errors); `status`, or 1 if the help could not be written."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            _silence(stream)
            status = status or 1
    return status


def interactive() -> bool:
    """Whether stdout is a terminal (False for a stream replaced by one without `isatty`, or closed)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_width() -> int | None:
    """The terminal's width (COLUMNS when set) when stdout is a terminal; None, no limit, when it is not.

    Only a terminal: a shell may export COLUMNS to a command whose output goes to a pipe or a file, which the
    tables must give whole.
    """
    import shutil

    return shutil.get_terminal_size().columns if interactive() else None


def utf8_stdout() -> bool:
    """Whether stdout takes every character (JSON written elsewhere escapes what is not ASCII)."""
    import codecs

    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def one_line(text: str) -> str:
    """`text` with every run of white space, line ends included, made one space."""
    return " ".join(text.split())


def _silence(stream: TextIO) -> None:
    """Point `stream`'s file descriptor at the null device, so that what it still holds goes nowhere at exit."""
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # an in-memory stream, or a closed one: nothing will be flushed to a descriptor
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)
