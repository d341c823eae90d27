"""The project's checks, run by `nox` (the README's test command).

Sessions: `lint` (ruff check, ruff format --check, mypy --strict, pyright strict) once, `tests`
(the pytest suite but for tests/docs) on every supported CPython, 3.10 to 3.13, and `docs` (build the
site into site/ with `properdocs build --strict`, then tests/docs: the built HTML, and the site in headless
Chromium). `bench` (the benchmark suite, see docs/performance.md) runs only when named: `nox -s bench`.
nox reads the PEP 735 dependency groups from pyproject.toml, so pip 23 is enough to start it; uv, when
installed beside nox, builds the six environments in seconds instead of minutes.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nox

# uv ships its own root certificates, which do not know a TLS-inspecting proxy's CA (our CI has one);
# the system store does, as pip's configuration does. Set here so every uv call, tests' included, inherits it.
os.environ.setdefault("UV_SYSTEM_CERTS", "1")

PYTHONS = ("3.10", "3.11", "3.12", "3.13")
# The sessions that run once take the newest: their tools (Altair 6 for the chart) need Python 3.11 or newer,
# and the command must not depend on which Python the user's `python3` happens to be.
NEWEST = PYTHONS[-1]

nox.options.sessions = ["lint", "tests", "docs"]
nox.options.error_on_missing_interpreters = True
nox.options.default_venv_backend = "uv|virtualenv"
# A missing CPython is one clear line ("Python interpreter 3.10 not found"), not an attempt to download one:
# our machines reach no download host, and a tested interpreter should be one the user chose to install.
nox.options.download_python = "never"


def _version_key(folder: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in folder.name.split("."))


def _pyenv_pythons(versions: tuple[str, ...]) -> None:
    """Let nox find pyenv's CPythons, which pyenv's shims hide unless PYENV_VERSION names them.

    pyenv puts a `python3.10` shim on PATH whatever is installed, and the shim answers only for the
    versions the user selected (the global one, usually), so nox would find no 3.10 although pyenv has it.
    For each version whose `pythonX.Y` on PATH is such a shim, the newest installed X.Y.Z of pyenv's
    is linked as `pythonX.Y` in `.nox/pythons/`, which goes first on PATH. Nothing else changes: a
    `pythonX.Y` that is not a pyenv shim (Debian's, uv's, a venv's) is used as it is.
    """
    root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    shims = root / "shims"
    links = Path(__file__).parent / ".nox" / "pythons"
    linked = False
    for version in versions:
        command = f"python{version}"
        found = shutil.which(command)
        if found is None or Path(found).parent != shims:
            continue  # a real interpreter, or none at all (nox then says it is missing)
        pattern = re.compile(re.escape(version) + r"\.\d+")  # releases only: not 3.10-dev or 3.10.0a1
        installed = sorted(
            (folder for folder in (root / "versions").glob(f"{version}.*") if pattern.fullmatch(folder.name)),
            key=_version_key,
        )
        if not installed or not (target := installed[-1] / "bin" / command).is_file():
            continue
        links.mkdir(parents=True, exist_ok=True)
        link = links / command
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(target)
        linked = True
    if linked:
        os.environ["PATH"] = os.pathsep.join((str(links), os.environ.get("PATH", "")))


_pyenv_pythons(PYTHONS)

PYPROJECT = nox.project.load_toml("pyproject.toml")


def _install(session: nox.Session, *groups: str) -> None:
    packages = [package for group in groups for package in nox.project.dependency_groups(PYPROJECT, group)]
    session.install("-e", ".", *packages)


@nox.session(python=NEWEST)
def lint(session: nox.Session) -> None:
    """Static gates: ruff check, ruff format --check, mypy --strict, pyright strict."""
    _install(session, "dev")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")
    python = session.run("python", "-c", "import sys; print(sys.executable)", silent=True)
    assert isinstance(python, str)
    session.run("pyright", "--pythonpath", python.strip())


@nox.session
def bench(session: nox.Session) -> None:
    """The benchmark suite (not a gate; a few minutes): `nox -s bench`, or `nox -s bench -- --quick`."""
    _install(session, "bench")
    session.run("python", "-m", "benchmarks", *session.posargs)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The pytest suite on one CPython (run for each of PYTHONS)."""
    _install(session, "test", "typing")
    # tests/docs need mkdocs and a browser: the docs session runs them, so they are left out here by name.
    session.run("pytest", "--ignore=tests/docs", *session.posargs)


@nox.session(python=NEWEST)
def docs(session: nox.Session) -> None:
    """Build the site with `properdocs build --strict` into site/, then test it (tests/docs), Chromium included."""
    if shutil.which("chromium") is None:
        session.error("the browser tests need Debian's Chromium: apt-get update && apt-get install -y chromium")
    _install(session, "docs")
    session.run("properdocs", "build", "--strict", "--site-dir", "site")
    session.run("pytest", "tests/docs", *session.posargs, env={"VN_DIPLOMACY_SITE": "site"})
