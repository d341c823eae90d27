"""The project's checks, run by `nox` (the README's test command): lint, format, types, tests."""

from __future__ import annotations

import nox

nox.options.sessions = ["check"]
nox.options.error_on_missing_interpreters = True

PYPROJECT = nox.project.load_toml("pyproject.toml")


@nox.session
def check(session: nox.Session) -> None:
    """Every gate: ruff check, ruff format --check, mypy --strict, pyright strict, pytest."""
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "dev"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")
    python = session.run("python", "-c", "import sys; print(sys.executable)", silent=True)
    assert isinstance(python, str)
    session.run("pyright", "--pythonpath", python.strip())
    session.run("pytest", *session.posargs)
