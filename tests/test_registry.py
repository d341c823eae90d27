"""The registry is the one list of collections, references are declared on fields, and the modules stay
small and import one way."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

import pytest

import vn_diplomacy as vd
from vn_diplomacy.records.base import Ref, references_of
from vn_diplomacy.registry import COLLECTIONS, FILES, CollectionName, entry

PACKAGE = Path(vd.__file__).parent
SEVEN = ("sources", "partners", "people", "engagements", "trade", "agreements", "claims")  # the first collections


def test_the_collection_names_type_has_one_name_per_registry_row() -> None:
    assert get_args(CollectionName) == tuple(FILES) == tuple(row.name for row in COLLECTIONS)


def test_each_collection_refers_only_to_its_own_or_earlier_groups() -> None:
    """A group is validated with the groups before it: a reference to a later one could not be checked."""
    for row in COLLECTIONS:
        for reference in references_of(row.record):
            assert entry(reference.ref.target).group <= row.group, (row.name, reference.field)


def test_every_collection_is_read_by_the_dataset_the_package_and_the_schemas() -> None:
    data = vd.load()
    for row in COLLECTIONS:
        collection = data[row.name]
        assert collection.kind == row.kind
        assert isinstance(collection, row.collection)
        assert all(isinstance(record, row.record) for record in collection)
        assert getattr(vd, row.name) is collection  # the lazy name of the package
        assert vd.json_schema(row.name)["items"] == {"$ref": f"#/$defs/{row.record.__name__}"}


def test_an_unknown_collection_is_a_query_error_with_the_closest_name() -> None:
    with pytest.raises(vd.QueryError, match=r"unknown collection 'engagement'; did you mean 'engagements'\?"):
        vd.load()["engagement"]  # type: ignore[index]  # the wrong name is the point


def test_references_are_what_the_fields_declare() -> None:
    declared: dict[str, list[tuple[str, str, bool]]] = {
        row.name: [
            (r.field, r.ref.target, r.ref.vietnam) for r in references_of(row.record) if r.ref.target != "sources"
        ]
        for row in COLLECTIONS
    }
    assert {name: declared[name] for name in (*SEVEN, "discrepancies")} == {
        "sources": [],
        "partners": [],
        "people": [("country", "partners", True), ("roles.entity", "partners", True)],
        "engagements": [
            ("partners", "partners", False),
            ("people", "people", False),
            ("discussed.by", "people", False),
            ("agreed.by", "people", False),
            ("proposed.by", "people", False),
            ("stated.by", "people", False),
        ],
        "trade": [("partner", "partners", False)],
        "agreements": [("parties", "partners", True), ("statements.by", "people", False)],
        "claims": [("partners", "partners", False)],
        "discrepancies": [("readings.by", "people", False), ("partners", "partners", False)],
    }
    # Every piece of evidence, however deep, cites a source through the same declaration.
    assert all(
        any(r.field.endswith("evidence.source") and isinstance(r.ref, Ref) for r in references_of(row.record))
        for row in COLLECTIONS
    )


def test_a_new_reference_field_is_checked_by_its_annotation_alone() -> None:
    """One annotation makes a field a checked reference, and `involving()` and the foreign keys follow it."""
    from pydantic import Field

    from vn_diplomacy import _checks
    from vn_diplomacy.records.base import PartnerId, Record

    class Note(Record, frozen=True):
        about: PartnerId = Field(description="The partner the note is about.")

    (reference,) = [r for r in references_of(Note) if r.involves]
    assert (reference.field, reference.direct, reference.many) == ("about", True, False)
    note = Note.model_validate(
        {"id": "n", "about": "XX", "evidence": [{"source": "s", "quote": "q", "start": 0, "end": 1}]}
    )
    assert note.references() == ("XX",)
    with pytest.raises(vd.DataError, match=r"field about: unknown partner id 'XX'"):
        _checks.check_references("notes.json", (note,), {"partners": frozenset({"JP"}), "sources": frozenset({"s"})})


def _modules() -> dict[str, Path]:
    return {
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): path
        for path in PACKAGE.rglob("*.py")
    }


def test_no_module_is_over_400_lines() -> None:
    long = {
        name: n for name, path in _modules().items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package modules `path` imports at run time (imports under `if TYPE_CHECKING:` left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    checking: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            checking |= {id(inner) for statement in node.body for inner in ast.walk(statement)}
    for node in ast.walk(tree):
        if id(node) in checking:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in modules else node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name in modules}


def test_imports_between_the_package_modules_run_one_way() -> None:
    """No cycle, counting imports inside functions too: a module that imports another may not be imported back."""
    modules = _modules()
    graph = {name: _imports(path, set(modules)) - {name, "vn_diplomacy"} for name, path in modules.items()}
    state: dict[str, int] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if state.get(name) == 1:
            pytest.fail("import cycle: " + " -> ".join((*trail, name)))
        if state.get(name) == 2:
            return
        state[name] = 1
        for target in sorted(graph[name]):
            visit(target, (*trail, name))
        state[name] = 2

    for name in sorted(graph):
        visit(name, ())


def test_clear_cache_makes_the_next_use_read_the_bundled_data_again() -> None:
    before = vd.partners
    assert vd.load() is vd.load()
    vd.clear_cache()
    after = vd.partners
    assert after is not before
    assert list(after.ids) == list(before.ids)
    assert vd.load().partners is after


def test_find_returns_the_record_or_none() -> None:
    assert vd.partners.find("japan") is vd.partners.get("JP")
    assert vd.partners.find("Atlantis") is None
    with pytest.raises(TypeError, match="text must be a str"):
        vd.partners.find(3)  # type: ignore[arg-type]  # the wrong type is the point


def test_no_module_of_the_package_reaches_into_another_modules_private_names() -> None:
    offenders: list[str] = []
    modules = _modules()
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                base = node.value
                if isinstance(base, ast.Name) and f"vn_diplomacy.{base.id}" in modules:
                    offenders.append(f"{name}: {base.id}.{node.attr}")
    assert offenders == []
