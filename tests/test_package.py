"""The package surface: lazy import, every exported name, the version, the overview command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import vn_diplomacy as vd


def run_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout


def test_importing_the_package_reads_no_data_and_imports_no_pydantic() -> None:
    loaded = run_python("import sys, vn_diplomacy; print(sorted(sys.modules))")
    assert "pydantic" not in loaded
    assert "vn_diplomacy.dataset" not in loaded
    assert "vn_diplomacy.records.base" not in loaded


def test_importing_the_package_imports_nothing_but_the_package() -> None:
    """Not even `typing`: a program that only imports the package pays for one small module."""
    bare = set(run_python("import sys; print('\\n'.join(sys.modules))").split())
    loaded = set(run_python("import sys, vn_diplomacy; print('\\n'.join(sys.modules))").split())
    assert loaded - bare <= {"vn_diplomacy", "__future__"}


def test_the_help_text_imports_no_pydantic() -> None:
    loaded = run_python(
        "import sys\nfrom vn_diplomacy.cli import main\nmain(['--help'])\nprint('pydantic' in sys.modules)"
    )
    assert loaded.strip().endswith("False")


def test_first_use_loads_the_data() -> None:
    loaded = run_python("import sys, vn_diplomacy as vd; vd.partners; print('vn_diplomacy.dataset' in sys.modules)")
    assert loaded.strip() == "True"


def test_a_first_answer_imports_no_more_of_pydantic_than_a_model_needs() -> None:
    """Beyond what a model with a described field and a validator imports, a first answer pays for no pydantic module.

    (pydantic.type_adapter and pydantic.functional_serializers were two such modules: ~3 ms of every first answer.)
    """
    floor = (
        "from pydantic import BaseModel, Field, model_validator\n"
        "class P(BaseModel):\n"
        "    x: int = Field(description='x')\n"
        "    @model_validator(mode='after')\n"
        "    def _check(self):\n"
        "        return self\n"
        "P(x=1)\n"
    )
    listed = "import sys\nprint('\\n'.join(m for m in sys.modules if m.split('.')[0] in {'pydantic', 'pydantic_core'}))"
    needed = set(run_python(floor + listed).split())
    answered = set(run_python("import vn_diplomacy as vd\nvd.partners.get('US')\n" + listed).split())
    assert answered - needed == set()


_OPENED_DATA = (
    "import os, sys\n"
    "opened = []\n"
    "def hook(event, args):\n"
    "    if event == 'open' and str(args[0]).endswith('.json'):\n"
    "        opened.append(str(args[0]))\n"
    "sys.addaudithook(hook)\n"
    "import vn_diplomacy as vd\n"
)
_REPORT = "print(sorted(os.path.basename(name) for name in opened), 'vn_diplomacy.records.engagement' in sys.modules)\n"


def test_a_first_question_about_partners_reads_and_builds_only_sources_and_partners() -> None:
    """The five collections that refer to partners are read, and their models built, when one of them is first used."""
    out = run_python(
        _OPENED_DATA + "vd.partners.get('US')\n" + _REPORT + "vd.people.get('bui-thanh-son')\n" + _REPORT
    ).splitlines()
    assert out[0] == "['partners.json', 'sources.json'] False"
    assert out[1] == (
        "['agreements.json', 'claims.json', 'engagements.json', 'partners.json', 'people.json', 'sources.json', "
        "'trade.json'] True"
    )


def test_load_validates_all_seven_bundled_files_before_it_returns() -> None:
    out = run_python(_OPENED_DATA + "vd.load()\n" + _REPORT)
    assert out.strip() == (
        "['agreements.json', 'claims.json', 'engagements.json', 'partners.json', 'people.json', 'sources.json', "
        "'trade.json'] True"
    )


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


def test_the_three_export_lists_agree() -> None:
    """`__all__`, the TYPE_CHECKING imports and the runtime map name the same things, from the same modules."""
    import ast
    import importlib
    from pathlib import Path

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
    home: dict[str, str] = vd._HOME  # pyright: ignore[reportPrivateUsage]  # the map under test
    assert checked == home
    # The bundled collections are the registry's: each a lazy name of the package; those declared with their type
    # for the checkers are exported.
    declared = set(vd.FILES) & set(vd.__annotations__)
    assert sorted(vd.__all__) == sorted({*home, *declared, "__version__"})
    assert all(getattr(vd, name) is vd.load()[name] for name in vd.FILES)
    for name, module in home.items():
        assert name in importlib.import_module(module).__all__, name


def test_the_licence_is_stated_in_the_metadata_and_shipped() -> None:
    from importlib.metadata import metadata

    meta = metadata("vn_diplomacy")
    assert meta["License-Expression"] == "MIT AND CC-BY-4.0"  # code MIT, curated data CC BY 4.0
    licence = (Path(__file__).parent.parent / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence
    assert "Creative Commons Attribution 4.0" in licence
    assert "remain the words of their publishers" in licence
