"""The package as it ships: every subpackage listed, the grammar reachable as package data."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "argmap").rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages"
    assert "argmap.grammars" in listed


def test_grammar_is_package_data() -> None:
    grammar = resources.files("argmap.grammars").joinpath("argmap.lark").read_text("utf-8")
    assert "statement:" in grammar
