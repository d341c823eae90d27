"""Stage 1 of a load: the bytes of each data file (or article, for `verify`), read only from a regular file of a
sane size."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Final

from vn_diplomacy.errors import DataError

if TYPE_CHECKING:
    from typing import Protocol

    class _File(Protocol):
        def read_bytes(self) -> bytes: ...

    class Traversable(Protocol):
        """What the loader needs of a folder: a Path, or what importlib.resources.files() returns."""

        def joinpath(self, child: str, /) -> _File: ...


__all__ = ["MAX_FILE_SIZE", "read"]

MAX_FILE_SIZE: Final = 256 << 20
"""The largest data file read, in bytes (256 MiB: ten times the growth benchmark's 10^5 engagements)."""


def read(
    folder: Traversable, name: str, label: str, missing: str, *, kind: str = "a data file", form: str = "a JSON file"
) -> bytes:
    """The bytes of file `name` of `folder`: `label` names it in messages, `missing` says what to do when it is
    absent, `kind` and `form` what the file should be ("a data file", "a JSON file"; "an article", "a text file").

    Raises:
        DataError: The file is missing, is not a regular file (a FIFO, a device, a folder), is larger than
            `MAX_FILE_SIZE`, or cannot be read.
    """
    if not isinstance(folder, Path):  # the bundled data inside a zip: importlib.resources reads it
        try:
            return folder.joinpath(name).read_bytes()
        except FileNotFoundError:
            raise DataError(missing, file=label) from None
        except OSError as exc:
            raise DataError(f"cannot read the file: {exc.strerror or exc}", file=label) from exc
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever. A regular file
        # ignores the flag.
        fd = os.open(os.path.join(folder, name), os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise DataError(missing, file=label) from None
    except OSError as exc:
        raise DataError(f"cannot open the file: {exc.strerror or exc}", file=label) from exc
    try:
        info = os.fstat(fd)  # of what was opened, not of a path that may have changed since
        if not stat.S_ISREG(info.st_mode):
            raise DataError(f"not a regular file ({_what(info.st_mode)}); {kind} is {form}", file=label)
        if info.st_size > MAX_FILE_SIZE:
            raise DataError(f"the file is {info.st_size:,} bytes; {kind} may be at most {MAX_FILE_SIZE:,}", file=label)
    except BaseException:
        os.close(fd)
        raise
    with open(fd, "rb", buffering=0) as file:  # unbuffered: a third faster than read_bytes for the whole file
        try:
            return file.readall()
        except OSError as exc:
            raise DataError(f"cannot read the file: {exc.strerror or exc}", file=label) from exc


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"
