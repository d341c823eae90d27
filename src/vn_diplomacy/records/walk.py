"""Walking records: the models nested in them, their values a level at a time, and their evidence.

`levels_of` walks nested records a level at a time, with `records.base.below` (the loader counts keys and checks
references so); `models_in` finds the model classes an annotation holds; `evidence_in` yields every quote of a record.
"""

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, get_args

from pydantic import BaseModel

from vn_diplomacy.dates import PartialDate
from vn_diplomacy.records.base import Evidence, below

__all__ = ["evidence_in", "levels_of", "models_in"]


def evidence_in(model: BaseModel, path: str = "") -> Iterator[tuple[str, Evidence]]:
    """Each piece of evidence in `model` and the models nested in it, with its field path as load errors write
    it, e.g. ``roles[1].evidence[0]``; in field order.

    Examples:
        >>> import vn_diplomacy as vd
        >>> next(evidence_in(vd.people.get("bui-thanh-son")))[0]
        'evidence[0]'
    """
    for name in type(model).model_fields:
        value: object = getattr(model, name)
        many = type(value) is tuple
        items: tuple[object, ...] = value if many else (value,)  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]  # a tuple, as tested
        for index, item in enumerate(items):
            where = f"{path}{name}[{index}]" if many else f"{path}{name}"
            if type(item) is Evidence:
                yield where, item
            elif isinstance(item, BaseModel) and not isinstance(item, PartialDate):
                yield from evidence_in(item, f"{where}.")


def levels_of(records: Sequence[BaseModel], paths: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], list[Any]]:
    """For each path, the values at its end in all of `records` (see `below`), each level walked once."""
    found: dict[tuple[str, ...], list[Any]] = {(): list(records)}
    for path in paths:
        for depth in range(1, len(path) + 1):
            if path[:depth] not in found:
                found[path[:depth]] = below(found[path[: depth - 1]], path[depth - 1])
    return found


def models_in(annotation: object) -> Iterator[type[BaseModel]]:
    """The model classes an annotation holds, e.g. `Role` in ``tuple[Role, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from models_in(argument)
