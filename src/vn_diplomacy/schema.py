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

    from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
    from pydantic_core import core_schema

    from vn_diplomacy.loading import CollectionName

__all__ = ["DIALECT", "generate", "json_schema", "render", "write"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the shipped schemas."""

_COLLECTIONS: Final[tuple[CollectionName, ...]] = (
    "sources",
    "partners",
    "people",
    "engagements",
    "trade",
    "agreements",
    "claims",
)


def _check(collection: str) -> None:
    if collection not in _COLLECTIONS:
        from vn_diplomacy.loading import unknown_collection  # pydantic only on the error path

        raise unknown_collection(collection)


_DECIMAL_TEXT: Final = r"^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$"


def _generator() -> type[GenerateJsonSchema]:
    from pydantic.json_schema import GenerateJsonSchema

    class Generator(GenerateJsonSchema):
        """pydantic's generator, with the text form of a decimal constrained to what the loader accepts."""

        def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
            result = super().decimal_schema(schema)
            for branch in result.get("anyOf", ()):
                if branch.get("type") == "string":
                    branch["pattern"] = _DECIMAL_TEXT
            return result

    return Generator


def generate(collection: CollectionName) -> dict[str, object]:
    """The JSON Schema of a collection's data file, generated from its model now.

    Raises:
        QueryError: `collection` is not one of the seven collection names.

    Examples:
        >>> from vn_diplomacy.schema import generate
        >>> generate("trade")["items"]
        {'$ref': '#/$defs/TradeFigure'}
    """
    _check(collection)
    from pydantic import TypeAdapter

    from vn_diplomacy.dealings import MODELS
    from vn_diplomacy.loading import FILES

    model = MODELS[collection]
    schema = TypeAdapter(tuple[model, ...]).json_schema(schema_generator=_generator())  # type: ignore[valid-type]  # model is a class variable
    return {
        "$schema": DIALECT,
        "$id": f"https://vn-diplomacy.invalid/schemas/{collection}.schema.json",
        "title": f"vn_diplomacy {FILES[collection]}",
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
    """Write the seven schema files to `directory` (the package's ``schemas`` folder when regenerating them).

    Examples:
        >>> import os, tempfile
        >>> from vn_diplomacy.schema import write
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     write(folder)
        ...     sorted(os.listdir(folder))[:2]
        ['agreements.schema.json', 'claims.schema.json']
    """
    from pathlib import Path

    for collection in _COLLECTIONS:
        (Path(directory) / f"{collection}.schema.json").write_text(render(collection), encoding="utf-8")


@overload
def json_schema() -> dict[CollectionName, dict[str, object]]: ...
@overload
def json_schema(collection: CollectionName) -> dict[str, object]: ...
def json_schema(
    collection: CollectionName | None = None,
) -> dict[str, object] | dict[CollectionName, dict[str, object]]:
    """The shipped JSON Schema of one collection's file, or of all seven keyed by collection name.

    Args:
        collection: A collection name such as ``"partners"``; None for all.

    Raises:
        QueryError: `collection` is not one of the seven collection names.

    Examples:
        >>> import vn_diplomacy as vd
        >>> vd.json_schema("partners")["type"]
        'array'
        >>> sorted(vd.json_schema()) == sorted(vd.FILES)
        True
    """
    if collection is None:
        return {name: json_schema(name) for name in _COLLECTIONS}
    _check(collection)
    text = (importlib_resources.files("vn_diplomacy") / "schemas" / f"{collection}.schema.json").read_text("utf-8")
    return cast("dict[str, object]", json.loads(text))
