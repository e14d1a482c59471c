"""argmap: argument maps as code.

    >>> import argmap
    >>> loaded = argmap.load("maps/syllogism.argmap")
    >>> loaded.map.theses[0].id, [d.code for d in loaded.diagnostics]

The pipeline is parse -> validate -> analyse -> render, one module each; `load` and `parse`
run the stages in order and return the map with its diagnostics.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# What the package offers, by the module each name comes from. The names are imported when
# first used (PEP 562), so that `argmap --version`, which needs none of them, loads nothing
# of the pipeline.
_WHERE: dict[str, tuple[str, str]] = {
    **{
        name: ("argmap.analysis", name)
        for name in (
            "Analysis",
            "Standing",
            "analyse",
            "critical_questions",
            "standing",
            "strengths",
        )
    },
    **{name: ("argmap.diagnostics", name) for name in ("Diagnostic", "Severity", "Span")},
    **{name: ("argmap.loader", name) for name in ("Loaded", "load", "parse")},
    **{
        name: ("argmap.model", name)
        for name in (
            "ArgumentMap",
            "Attack",
            "AttackKind",
            "Conditional",
            "Hedge",
            "Inference",
            "Qualifier",
            "Quote",
            "Statement",
            "StatementKind",
        )
    },
    "RenderOptions": ("argmap.render", "RenderOptions"),
    # The package argmap.render stays a module; its function is render_map here.
    "render_map": ("argmap.render", "render"),
    **{name: ("argmap.report", name) for name in ("Report", "build_report", "format_report")},
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    module, attribute = _WHERE[name]
    value = getattr(importlib.import_module(module), attribute)
    if module == "argmap.model":
        importlib.import_module("argmap.render")  # gives every map its drawing in Jupyter
    globals()[name] = value
    return value


if TYPE_CHECKING:  # what a type checker and an editor see, all at once
    from argmap.analysis import (
        Analysis,
        Standing,
        analyse,
        critical_questions,
        standing,
        strengths,
    )
    from argmap.diagnostics import Diagnostic, Severity, Span
    from argmap.loader import Loaded, load, parse
    from argmap.model import (
        ArgumentMap,
        Attack,
        AttackKind,
        Conditional,
        Hedge,
        Inference,
        Qualifier,
        Quote,
        Statement,
        StatementKind,
    )
    from argmap.render import RenderOptions
    from argmap.render import render as render_map
    from argmap.report import Report, build_report, format_report

__all__ = [
    "Analysis",
    "ArgumentMap",
    "Attack",
    "AttackKind",
    "Conditional",
    "Diagnostic",
    "Hedge",
    "Inference",
    "Loaded",
    "Qualifier",
    "Quote",
    "RenderOptions",
    "Report",
    "Severity",
    "Span",
    "Standing",
    "Statement",
    "StatementKind",
    "analyse",
    "build_report",
    "critical_questions",
    "format_report",
    "load",
    "parse",
    "render_map",
    "standing",
    "strengths",
]
__version__ = "0.1.0"
