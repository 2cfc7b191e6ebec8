"""The README's two commands stay true: CI runs the test command, and the main command's parts exist."""

import re

from typer.testing import CliRunner

from kg.cli import app

from .conftest import ROOT


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^```bash\n(.+?)\n```", readme, re.MULTILINE)[:2]


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_command():
    main, tests = _commands()
    assert "pip install -e ." in main and "kg build seeds/" in main
    assert "pytest" in tests
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_main_command_options_exist():
    main, _ = _commands()
    args = main.split("kg ", 1)[1].split()
    result = CliRunner().invoke(app, [args[0], "--help"])
    assert result.exit_code == 0 and all(a in result.output for a in args if a.startswith("--"))
