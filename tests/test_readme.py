"""The README's two commands and its tour stay true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return re.findall(r"```(?:sh|bash|console)\n(.*?)```", README, flags=re.DOTALL)


def test_ci_runs_the_readme_test_command_and_nothing_else() -> None:
    test_command = shell_blocks()[1].strip()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line for line in ci_lines if line.strip() and not line.lstrip().startswith("#")]
    # Shell options and moving to the checkout are not commands of their own; anything else would be
    # something CI does that a reader of the README would not (a variable set by hand, an install).
    assert commands == ["set -euo pipefail", 'cd "$(dirname "$0")/.."', test_command]


def test_the_test_command_installs_what_it_needs_from_the_readme_alone() -> None:
    test_command = shell_blocks()[1]
    assert "PYENV_VERSION" not in test_command
    assert "PYENV_VERSION" not in (ROOT / ".ci" / "run").read_text()
    assert "apt-get install -y chromium" in test_command


def test_the_install_command_runs_the_overview() -> None:
    assert "-m vn_diplomacy" in shell_blocks()[0]


def test_the_tour_prints_what_it_shows() -> None:
    """The README's tour is a console session: each answer it shows is what the package prints now."""
    import doctest

    (tour,) = re.findall(r"```pycon\n(.*?)```", README, flags=re.DOTALL)[:1]
    test = doctest.DocTestParser().get_doctest(tour, {}, "README tour", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=_failures.append)
    assert test.examples
    assert runner.failures == 0, "".join(_failures)


_failures: list[str] = []
