"""JSON Schema for each data file, generated from the models and shipped with the package.

Non-Python tools can validate a data file with these schemas (draft 2020-12). They check each record's
structure, types, enums and date forms; what spans files (references, evidence sources, unique ids) and
the rules between fields are checked by `vn_diplomacy.load`, which remains the full validation.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Final, cast, overload

import importlib_resources

if TYPE_CHECKING:
    import os

    from vn_diplomacy.registry import CollectionName

__all__ = ["DIALECT", "generate", "json_schema", "render", "write"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the shipped schemas."""


def _check(collection: str) -> None:
    from vn_diplomacy.registry import entry  # imports no pydantic

    entry(collection)  # a QueryError for an unknown name


def generate(collection: CollectionName) -> dict[str, object]:
    """The JSON Schema of a collection's data file, generated from its model now.

    Raises:
        QueryError: `collection` is not a collection name.

    Examples:
        >>> from vn_diplomacy.schema import generate
        >>> generate("trade")["items"]
        {'$ref': '#/$defs/TradeFigure'}
    """
    _check(collection)
    from pydantic import TypeAdapter

    from vn_diplomacy.registry import entry

    row = entry(collection)
    model = row.record
    schema = TypeAdapter(tuple[model, ...]).json_schema()  # type: ignore[valid-type]  # model is a class variable
    return {
        "$schema": DIALECT,
        "$id": f"https://vn-diplomacy.invalid/schemas/{collection}.schema.json",
        "title": f"vn_diplomacy {row.file}",
        "description": f"The {collection} file of vn_diplomacy: a JSON array of {model.__name__} records.",
        **schema,
    }


def render(collection: CollectionName) -> str:
    """The text of a collection's schema file, as shipped: pretty-printed with a trailing newline.

    Examples:
        >>> from vn_diplomacy.schema import render
        >>> render("claims").endswith("}\\n")
        True
    """
    return json.dumps(generate(collection), indent=2, ensure_ascii=False) + "\n"


def write(directory: str | os.PathLike[str]) -> None:
    """Write a schema file per collection to `directory` (the package's ``schemas`` folder when regenerating them).

    Examples:
        >>> import os, tempfile
        >>> from vn_diplomacy.schema import write
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     write(folder)
        ...     sorted(os.listdir(folder))[:2]
        ['agreements.schema.json', 'claims.schema.json']
    """
    from pathlib import Path

    from vn_diplomacy.registry import FILES

    for collection in FILES:
        (Path(directory) / f"{collection}.schema.json").write_text(render(collection), encoding="utf-8")


@overload
def json_schema() -> dict[CollectionName, dict[str, object]]: ...
@overload
def json_schema(collection: CollectionName) -> dict[str, object]: ...
def json_schema(
    collection: CollectionName | None = None,
) -> dict[str, object] | dict[CollectionName, dict[str, object]]:
    """The shipped JSON Schema of one collection's file, or of every collection keyed by its name.

    Args:
        collection: A collection name such as ``"partners"``; None for all.

    Raises:
        QueryError: `collection` is not a collection name.

    Examples:
        >>> import vn_diplomacy as vd
        >>> vd.json_schema("partners")["type"]
        'array'
        >>> sorted(vd.json_schema()) == sorted(vd.FILES)
        True
    """
    if collection is None:
        from vn_diplomacy.registry import FILES

        return {name: json_schema(name) for name in FILES}
    _check(collection)
    text = (importlib_resources.files("vn_diplomacy") / "schemas" / f"{collection}.schema.json").read_text("utf-8")
    return cast("dict[str, object]", json.loads(text))
