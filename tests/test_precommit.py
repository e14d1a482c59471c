"""`.pre-commit-hooks.yaml`: the hooks another repository can use, read without a YAML library
(the file is a flat list of mappings of plain scalars; a regular expression reads it)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import cli

HOOKS = Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml"
_ENTRY = re.compile(r"^(?:- |  )(\w+): (.*)$")


def hooks() -> list[dict[str, str]]:
    """Each hook's keys and values: a line '- key: value' starts a hook, '  key: value' adds."""
    found: list[dict[str, str]] = []
    for line in HOOKS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = _ENTRY.match(line)
        assert match is not None, f"not a 'key: value' line of a hook: {line!r}"
        if line.startswith("- "):
            found.append({})
        key, value = match.groups()
        assert key not in found[-1], f"{key} given twice"
        found[-1][key] = value
    return found


def test_the_hooks_are_argmap_check_and_argmap_fmt() -> None:
    assert [(hook["id"], hook["entry"]) for hook in hooks()] == [
        ("argmap-check", "argmap check"),
        ("argmap-fmt", "argmap fmt"),
    ]


def test_each_hook_has_what_pre_commit_needs() -> None:
    for hook in hooks():
        assert {"id", "name", "entry", "language"} <= hook.keys()
        assert hook["language"] == "python"
        assert hook["files"] == r"\.argmap$"
        assert re.search(hook["files"], "maps/essay.argmap")
        assert not re.search(hook["files"], "maps/essay.argmap.txt")


def test_each_entry_is_a_command_of_argmap() -> None:
    for hook in hooks():
        program, command = hook["entry"].split()
        assert program == "argmap"  # the console script pyproject.toml installs
        assert CliRunner().invoke(cli, [command, "--help"]).exit_code == 0
