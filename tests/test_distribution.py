"""The wheel and sdist: built with the standard `build` front end, installed alone, queried from outside the checkout.

`python -m build` builds the sdist first and then the wheel from the unpacked sdist, so a wheel at all proves
the sdist holds what a rebuild needs. The wheel goes into a fresh virtual environment (uv, from its cache or
PyPI for pydantic), and a query runs there in isolated mode with the working directory outside the checkout:
a data file or `py.typed` left out of the wheel fails it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

import vn_diplomacy as vd

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "src" / "vn_diplomacy"
SOURCES = sorted(
    path.relative_to(PACKAGE).as_posix()
    for path in PACKAGE.rglob("*")
    if path.is_file() and "__pycache__" not in path.parts
)
QUERY = """
import datetime, importlib.resources, json, vn_diplomacy as vd
package = importlib.resources.files("vn_diplomacy")
print(json.dumps({
    "file": vd.__file__,
    "py.typed": package.joinpath("py.typed").is_file(),
    "data": {item.name: item.read_bytes().hex() for item in package.joinpath("data").iterdir()},
    "tier": vd.partners.get("US").tier_on(datetime.date(2024, 3, 19)).value,
    "version": vd.__version__,
    "data_version": vd.DATA_VERSION,
}))
"""


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel built from it; --no-isolation uses the test environment's hatchling, offline."""
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def only(folder: Path, pattern: str) -> Path:
    (path,) = folder.glob(pattern)
    return path


def test_the_wheel_holds_the_package_its_data_and_py_typed_and_nothing_else(dist: Path) -> None:
    with zipfile.ZipFile(only(dist, "vn_diplomacy-*.whl")) as wheel:
        names = wheel.namelist()
        shipped = sorted(name.removeprefix("vn_diplomacy/") for name in names if name.startswith("vn_diplomacy/"))
        assert shipped == SOURCES  # every module, py.typed and data file; no __pycache__
        assert "py.typed" in shipped
        for name in vd.FILES.values():
            assert wheel.read(f"vn_diplomacy/data/{name}") == (PACKAGE / "data" / name).read_bytes()
    others = {name.split("/")[0] for name in names if not name.startswith("vn_diplomacy/")}
    assert others == {f"vn_diplomacy-{version('vn_diplomacy')}.dist-info"}  # no tests, no corpus


def test_the_sdist_holds_the_source_the_tests_and_their_corpus(dist: Path) -> None:
    with tarfile.open(only(dist, "vn_diplomacy-*.tar.gz")) as sdist:
        top, *_ = sdist.getnames()[0].split("/")
        names = {name.removeprefix(f"{top}/") for name in sdist.getnames()}
    for needed in ("pyproject.toml", "README.md", "CHANGELOG.md", "noxfile.py", ".ci/run", "PKG-INFO"):
        assert needed in names
    assert {f"src/vn_diplomacy/{name}" for name in SOURCES} <= names
    in_checkout = {path.relative_to(ROOT).as_posix() for path in (ROOT / "tests").rglob("*") if path.is_file()}
    assert {name for name in in_checkout if "__pycache__" not in name} <= names  # tests, corpus, typing files
    assert not [name for name in names if name.startswith((".venv", ".nox", "dist/", ".git/")) or ".pyc" in name]


def test_the_installed_wheel_answers_a_query_from_outside_the_checkout(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    uv = [sys.executable, "-m", "uv"]
    subprocess.run([*uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True, cwd=tmp_path)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    wheel = only(dist, "vn_diplomacy-*.whl")
    subprocess.run([*uv, "pip", "install", "--quiet", "--python", str(python), str(wheel)], check=True, cwd=tmp_path)

    # -I: no PYTHONPATH, no user site, no working directory on sys.path; only the installed wheel.
    result = subprocess.run([str(python), "-I", "-c", QUERY], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert Path(answer["file"]).is_relative_to(venv)
    assert answer["py.typed"] is True
    assert answer["data"] == {path.name: path.read_bytes().hex() for path in (PACKAGE / "data").iterdir()}
    assert answer["tier"] == "comprehensive-strategic"
    assert (answer["version"], answer["data_version"]) == (version("vn_diplomacy"), vd.DATA_VERSION)
    script = venv / ("Scripts/vn-diplomacy.exe" if os.name == "nt" else "bin/vn-diplomacy")
    assert subprocess.run([str(script), "--help"], capture_output=True, check=False, cwd=tmp_path).returncode == 0
