"""The package surface: every exported name, the version, the licence."""

from __future__ import annotations

from pathlib import Path

import pytest

import vn_diplomacy as vd


@pytest.mark.parametrize("name", vd.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(vd, name) is not None
    assert name in dir(vd)


def test_model_classes_are_the_real_classes() -> None:
    from vn_diplomacy.records.partner import Partner

    assert vd.Partner is Partner
    assert isinstance(vd.partners.get("US"), vd.Partner)
    assert issubclass(vd.NotFound, KeyError)
    assert issubclass(vd.QueryError, ValueError)


def test_unknown_attribute_raises_attribute_error_in_pythons_words() -> None:
    misspelt = "partnerz"  # through getattr: type checkers reject `vd.partnerz` (tests/typing/rejected)
    with pytest.raises(AttributeError, match="module 'vn_diplomacy' has no attribute 'partnerz'"):
        getattr(vd, misspelt)


def test_version_is_the_installed_distributions() -> None:
    from importlib.metadata import version

    assert vd.__version__ == version("vn_diplomacy")


def test_the_export_lists_agree() -> None:
    """`__all__` and the TYPE_CHECKING imports name the same things, and each resolves at run time to the very
    object of the module the checkers are told it comes from."""
    import ast
    import importlib

    tree = ast.parse(Path(vd.__file__).read_text(encoding="utf-8"))
    checked: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                assert statement.module is not None
                if statement.module == "typing":
                    continue  # `Final`, for the checkers; not an export
                checked.update({alias.name: statement.module for alias in statement.names})
    # The bundled collections are the registry's: each a lazy name of the package; those declared with their type
    # for the checkers are exported.
    declared = set(vd.FILES) & set(vd.__annotations__)
    assert sorted(vd.__all__) == sorted({*checked, *declared, "__version__"})
    assert all(getattr(vd, name) is vd.load()[name] for name in vd.FILES)
    for name, module in checked.items():
        home = importlib.import_module(module)
        assert name in home.__all__, name
        assert getattr(vd, name) is getattr(home, name), name


def test_the_licence_is_stated_in_the_metadata_and_shipped() -> None:
    from importlib.metadata import metadata

    meta = metadata("vn_diplomacy")
    assert meta["License-Expression"] == "MIT AND CC-BY-4.0"  # code MIT, curated data CC BY 4.0
    licence = (Path(__file__).parent.parent / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence
    assert "Creative Commons Attribution 4.0" in licence
    assert "remain the words of their publishers" in licence
