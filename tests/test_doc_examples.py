"""The docs' examples run: the Python blocks of the guide pages, and an example in every public function's docstring."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

import vn_diplomacy as vd

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
SNIPPET = re.compile(r'^--8<-- "(?P<file>[^":]+)(?::(?P<section>[\w-]+))?"$', flags=re.MULTILINE)


def expand(text: str) -> str:
    """The page as the snippets extension renders it: each `--8<-- "file:section"` line replaced by its text."""

    def include(match: re.Match[str]) -> str:
        included = (ROOT / match["file"]).read_text(encoding="utf-8")
        if match["section"] is None:
            return included
        start, end = f"--8<-- [start:{match['section']}]", f"--8<-- [end:{match['section']}]"
        assert start in included, f"no section {match['section']!r} in {match['file']}"
        assert end in included, f"section {match['section']!r} of {match['file']} has no end"
        return included.split(start, 1)[1].split(end, 1)[0]

    return SNIPPET.sub(include, text)


PAGES = sorted(DOCS.glob("*.md"))


def python_blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", expand(page.read_text(encoding="utf-8")), flags=re.DOTALL)


def console_blocks(page: Path) -> list[str]:
    """The interactive sessions (```pycon) of a page: tests/test_readme.py runs the README's as doctests."""
    return re.findall(r"```pycon\n(.*?)```", expand(page.read_text(encoding="utf-8")), flags=re.DOTALL)


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_the_python_examples_of_a_guide_page_run(page: Path) -> None:
    namespace: dict[str, object] = {}
    for block in python_blocks(page):
        exec(compile(block, str(page), "exec"), namespace)  # each block's asserts check its claims


@pytest.mark.parametrize("name", ["index.md", "concepts.md", "contributing.md"])
def test_the_guide_pages_have_examples(name: str) -> None:
    assert python_blocks(DOCS / name) or console_blocks(DOCS / name)


def test_the_home_page_tour_is_the_readme_tour() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (tour,) = console_blocks(DOCS / "index.md")
    assert f"```pycon\n{tour}```" in readme


# Modules with reference pages of their own, beside the package's `__all__`.
REFERENCED_MODULES = ("vn_diplomacy.tables", "vn_diplomacy.export", "vn_diplomacy.schema")


def public_functions() -> list[str]:
    """Every public function and method of the names in `vn_diplomacy.__all__`, as dotted names."""
    found: list[str] = []
    for module_name in REFERENCED_MODULES:
        module = importlib.import_module(module_name)
        found += [
            f"{module_name.removeprefix('vn_diplomacy.')}.{name}"
            for name in module.__all__
            if inspect.isfunction(getattr(module, name))
        ]
    for name in vd.__all__:
        value: object = getattr(vd, name)
        if inspect.isfunction(value):
            found.append(name)
        elif inspect.isclass(value) and value.__module__.startswith("vn_diplomacy"):
            found += [
                f"{name}.{attr}"
                for attr, member in vars(value).items()
                if not attr.startswith("_") and (inspect.isfunction(member) or isinstance(member, classmethod))
            ]
    return found


def test_public_functions_are_found() -> None:
    assert {"load", "normalize", "Partner.tier_on", "Collection.get", "PartialDate.parse"} <= set(public_functions())


@pytest.mark.parametrize("dotted", public_functions())
def test_every_public_function_has_a_docstring_example(dotted: str) -> None:
    owner: object = vd
    if dotted.split(".", maxsplit=1)[0] in {m.removeprefix("vn_diplomacy.") for m in REFERENCED_MODULES}:
        owner = importlib.import_module("vn_diplomacy." + dotted.split(".", maxsplit=1)[0])
        dotted = dotted.split(".", 1)[1]
    for part in dotted.split("."):
        owner = getattr(owner, part)
    doc = inspect.getdoc(owner) or ""
    assert "Examples:" in doc, f"{dotted} needs an Examples: section"
    assert ">>> " in doc, f"{dotted}'s examples need a doctest"
