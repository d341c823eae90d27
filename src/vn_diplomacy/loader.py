"""Loading: a data directory's files through the stages to a `Dataset`; `load`, the bundled data, `clear_cache`.

A load reads the files of a group (stage 1, `_files`), validates them (stage 2, `_validate`), checks what spans
files (stage 3, `_checks`), indexes each collection (`Collection`) and holds them in a `Dataset`. The groups are
those of the registry: the bundled data validates sources and partners on first use, the other five collections
when one of them is first asked for; `load()` validates every group before it returns.
"""

from __future__ import annotations

import gc
import os
import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

from vn_diplomacy import _checks, _files, _validate
from vn_diplomacy.collection import not_found
from vn_diplomacy.dataset import Dataset
from vn_diplomacy.errors import DataError
from vn_diplomacy.records.base import VIETNAM
from vn_diplomacy.registry import COLLECTIONS, FILES, entry

if TYPE_CHECKING:
    from collections.abc import Callable

    from vn_diplomacy._files import Traversable
    from vn_diplomacy.collection import Collection
    from vn_diplomacy.dates import PartialDate
    from vn_diplomacy.records.base import Record
    from vn_diplomacy.registry import Entry

__all__ = ["bundled", "clear_cache", "load"]

T = TypeVar("T")


def _paused_gc(run: Callable[[], T]) -> T:
    """`run()` with the cyclic garbage collector paused, then restored."""
    # Loading makes many objects and no garbage cycles; the cyclic collector, left on, would walk the
    # growing dataset again and again (half the load time at 10^5 engagements).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return run()
    finally:
        if collecting:
            gc.enable()


class _Load:
    """The state of one load of one folder: the groups validated so far, their records and collections."""

    def __init__(self, folder: Traversable, label: str) -> None:
        self.folder = folder
        self.label = label
        self.raw: dict[str, bytes] = {}  # files read ahead of validation, dropped as each is validated
        self.records: dict[str, tuple[Record, ...]] = {}
        self.ids: dict[str, frozenset[str]] = {}
        self.collections: dict[str, Collection[Record]] = {}
        # Equal dates are one object across the files of this load, and only this load (see PartialDate).
        self.dates: dict[object, PartialDate] = {}
        # The collections `involving()` mixes, as the record classes loaded so far declare them: worked out as a
        # group loads, not at each query.
        self.involved: tuple[str, ...] = ()

    def file(self, name: str) -> str:
        return f"{self.label}/{FILES[name]}"  # type: ignore[index]  # a registry name

    def read_all(self) -> None:
        """Read every file first: a directory with a file missing fails before anything is validated."""
        for item in COLLECTIONS:
            self.raw[item.name] = self.bytes_of(item.name)

    def bytes_of(self, name: str) -> bytes:
        raw = self.raw.pop(name, None)  # dropped once its records are made: the peak is records, not records + text
        if raw is None:
            missing = f"missing data file; a data directory holds {', '.join(FILES.values())}"
            raw = _files.read(self.folder, FILES[name], self.file(name), missing)  # type: ignore[index]
        return raw

    def resolve(self, text: str) -> str:
        """What `involving()` does with each id or name it is given: the id of a partner or person, or Vietnam's."""
        targets = [self.collections[name] for name in self.involved]  # all loaded: asked only after a load
        for target in targets:
            if text in target:
                return text
        if text == VIETNAM:
            return text
        for target in targets:
            match = target.find(text)  # not lookup: a miss would build a NotFound with suggestions (~1 ms)
            if match is not None:
                return match.id
        kind = " or ".join(target.kind for target in targets)
        raise not_found(kind, text, [record for target in targets for record in target], "id or name")

    def _validate(self, members: list[Entry]) -> dict[str, tuple[Record, ...]]:
        return {
            item.name: _validate.validate(self.file(item.name), item.record, self.bytes_of(item.name))
            for item in members
        }

    def group(self, last: int) -> dict[str, Collection[Record]]:
        """Validate, check and index every group up to `last` not done yet; their collections, by name."""
        return _paused_gc(lambda: self.group_unpaused(last))

    def group_unpaused(self, last: int) -> dict[str, Collection[Record]]:
        """`group`, with the garbage collector left as it is (an eager load pauses it once, for every group)."""
        made: dict[str, Collection[Record]] = {}
        pending = [item for item in COLLECTIONS if item.group <= last and item.name not in self.collections]
        for group in sorted({item.group for item in pending}):
            members = [item for item in pending if item.group == group]
            validated = _validate.sharing_dates(self.dates, partial(self._validate, members))
            records: dict[str, tuple[Record, ...]] = {**self.records, **validated}
            ids = {**self.ids, **{name: frozenset(r.id for r in rs) for name, rs in validated.items()}}
            # Ids first: with two records of one id, a reference to either would be taken for the other.
            involved = _involved(records)
            if len(involved) > 1:  # cheap: set operations over the ids, once a group
                _checks.check_distinct_ids(
                    {name: records[name] for name in involved}, {name: self.file(name) for name in involved}
                )
            for name, rs in validated.items():
                _checks.check_references(self.file(name), rs, ids)
            collections = {**self.collections}
            for item in members:
                # involving() takes the id or name of any record of the collections it mixes (partners and
                # people), whichever of them this collection's records refer to: a person's id given to trade
                # figures finds none, an id of nothing at all is a NotFound.
                involves = bool(_checks.involved_collections(item.record))
                collections[item.name] = item.collection(
                    item.kind,
                    item.record,
                    validated[item.name],
                    resolve=self.resolve if involves else None,
                    file=self.file(item.name),
                )
            # Only now, with every check passed, does the group count as loaded.
            self.records, self.ids, self.collections, self.involved = records, ids, collections, involved
            made.update({item.name: collections[item.name] for item in members})
        return made


def _involved(records: dict[str, tuple[Record, ...]]) -> tuple[str, ...]:
    """The collections `involving()` mixes, as the record classes of `records` declare them (imports none)."""
    return tuple(dict.fromkeys(t for name in records for t in _checks.involved_collections(entry(name).record)))


def _read_dataset(folder: Traversable, label: str, *, lazy: bool = False) -> Dataset:
    """Validate the files of `folder`; `label` prefixes the file names in messages.

    With `lazy` (the bundled data), only the first group is validated now, each later one when one of its
    collections is first asked for; otherwise every file is read, then every group validated.
    """
    state = _Load(folder, label)
    if lazy:
        return Dataset(state.group(0), directory=label, load_group=state.group)

    def everything() -> Dataset:
        state.read_all()
        # One pause for the whole of an eager load: re-enabled between groups, the collector would at once
        # walk every object the first group made.
        collections = state.group_unpaused(max(item.group for item in COLLECTIONS))
        return Dataset(collections, directory=label)

    return _paused_gc(everything)


_lock: Final = threading.Lock()
_bundled: list[Dataset] = []


def bundled() -> Dataset:
    """The data shipped with the package, validated on first use and cached for the process (see `clear_cache`).

    Sources and partners are validated when a collection is first used; the five files that refer to them
    (people, engagements, trade, agreements, claims) when one of those five is first used, so a first question
    about partners builds neither their schemas nor their records. Each collection is whole and valid, or its
    use raises a DataError; `load()` validates every collection before it returns.
    """
    if not _bundled:
        with _lock:
            if not _bundled:
                # The stdlib's files(), not the importlib_resources backport: the same answer on 3.10+
                # for a package on disk or in a zip, and a first answer ~3 ms sooner (fewer imports).
                from importlib.resources import files  # noqa: PLC0415  # not paid by a bare import

                folder = files("vn_diplomacy") / "data"
                _bundled.append(_read_dataset(folder, "vn_diplomacy/data", lazy=True))
    return _bundled[0]


def clear_cache() -> None:
    """Forget the bundled data, so that its next use reads and validates the files again.

    For long-running processes and tests that change what the package's data folder holds; `vd.load(DIR)` caches
    nothing and needs no clearing.

    Examples:
        >>> import vn_diplomacy as vd
        >>> vd.clear_cache()
        >>> vd.partners.get("JP").name
        'Japan'
    """
    import sys  # noqa: PLC0415  # not paid by a bare import

    with _lock:
        _bundled.clear()
        package = sys.modules.get("vn_diplomacy")
        if package is not None:
            for name in FILES:  # the collections `vn_diplomacy` keeps once resolved (PEP 562)
                vars(package).pop(name, None)


def load(directory: str | os.PathLike[str] | None = None) -> Dataset:
    """Load and fully validate a data directory; `None` gives the bundled data.

    Every file is validated, every reference and evidence source checked, before anything is
    returned: a directory with any fault raises and nothing is loaded.

    Args:
        directory: A folder holding the data files (see `FILES`), or None.

    Raises:
        DataError: The folder is missing, a file is missing, not a regular file or malformed, or a record is
            invalid; the message names the file, the record and the field.
        TypeError: `directory` is not a path.

    Examples:
        >>> import vn_diplomacy as vd
        >>> vd.load().engagements.get("2025-07-11-son-rubio").location
        'Malaysia'
    """
    if directory is None:
        dataset = bundled()
        for item in COLLECTIONS:  # every group, as promised here, not only the collections used so far
            _ = dataset[item.name]
        return dataset
    if not isinstance(directory, (str, os.PathLike)):  # pyright: ignore[reportUnnecessaryIsInstance]  # untyped callers
        raise TypeError(
            f"directory must be a path (str or os.PathLike) or None, got {type(directory).__name__}: {directory!r}"
        )
    text = os.fspath(directory)
    if not text:
        raise DataError("the data directory is an empty path; give a folder, or None for the bundled data", file="''")
    path = Path(text)
    try:
        if not path.is_dir():
            what = "is not a directory" if path.exists() else "does not exist"
            raise DataError(f"the data directory {what}", file=str(path))
    except OSError as exc:  # a name too long for the system, a loop of links
        raise DataError(f"the data directory cannot be used: {exc.strerror or exc}", file=str(path)) from None
    return _read_dataset(path, str(path))
