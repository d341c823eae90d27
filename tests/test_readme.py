"""The README's two commands and its tour stay true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return re.findall(r"```(?:sh|bash|console)\n(.*?)```", README, flags=re.DOTALL)


def test_ci_runs_the_readme_test_command() -> None:
    test_command = shell_blocks()[1].strip()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


def test_the_install_command_runs_the_overview() -> None:
    assert "-m vn_diplomacy" in shell_blocks()[0]


def test_the_tour_runs() -> None:
    (tour,) = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)[:1]
    exec(compile(tour, "README.md", "exec"), {})  # the tour's asserts check its claims
