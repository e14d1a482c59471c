"""Importing a module gives the module, and the layers import downwards only: the model knows
nothing of the renderer (the renderer gives every map its Jupyter drawing)."""

from __future__ import annotations

import ast
import functools
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import argmap

MODEL = Path(argmap.__file__).parent / "model.py"
SUBMODULES = sorted(info.name for info in pkgutil.walk_packages(argmap.__path__, prefix="argmap."))
# A module the package shadows with a function of its name; the syntax layer's rewrite owns
# argmap/__init__.py's `parse`. Strict: the test fails once it is fixed, to drop the mark.
SHADOWED: dict[str, str] = {}  # a module that an attribute of its package hides (none now)


def reached(dotted: str) -> object:
    """What `argmap.a.b` names, attribute by attribute from the package."""
    return functools.reduce(getattr, dotted.split(".")[1:], argmap)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=SHADOWED[name]))
        if name in SHADOWED
        else name
        for name in SUBMODULES
    ],
)
def test_every_module_is_reached_by_its_dotted_name(name: str) -> None:
    module = importlib.import_module(name)
    assert isinstance(module, ModuleType)
    assert reached(name) is module


def test_the_renderer_is_a_package_and_its_function_is_render_map() -> None:
    import argmap.render.graph as graph  # the form the old function name made fail

    assert isinstance(argmap.render, ModuleType)
    assert argmap.render.graph is graph
    assert argmap.render_map is argmap.render.render
    assert "render_map" in argmap.__all__ and "render" not in argmap.__all__


def test_the_model_imports_nothing_of_the_renderer() -> None:
    tree = ast.parse(MODEL.read_text(encoding="utf-8"))
    imported = [
        name
        for node in ast.walk(tree)
        for name in (
            [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else []
        )
    ]
    assert imported, "the model imports something: the walk found no import"
    assert not [name for name in imported if name.startswith("argmap.render")], imported


def test_the_model_does_not_define_its_drawing() -> None:
    tree = ast.parse(MODEL.read_text(encoding="utf-8"))
    names = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    assert "_repr_svg_" not in names


@pytest.mark.needs_dot
def test_a_map_made_in_python_shows_itself_as_svg() -> None:
    span = argmap.Span(line=1, column=1, end_line=1, end_column=2)
    thesis = argmap.Statement(
        id="t", kind=argmap.StatementKind.THESIS, text="The thesis.", span=span, id_span=span
    )
    argument_map = argmap.ArgumentMap(path="made.argmap", statements=(thesis,))
    svg = argument_map._repr_svg_()  # type: ignore[attr-defined]
    assert svg.startswith("<?xml") and "<svg" in svg and "The thesis." in svg
