"""argmap: argument maps as code.

    >>> import argmap
    >>> loaded = argmap.load("maps/syllogism.argmap")
    >>> loaded.map.theses[0].id, [d.code for d in loaded.diagnostics]

The pipeline is parse -> validate -> analyse -> render, one module each; `load` and `parse`
run the stages in order and return the map with its diagnostics.
"""

from argmap.analysis import Analysis, Standing, analyse, critical_questions, standing, strengths
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

# The package argmap.render stays a module; its function is render_map here. Importing it
# also gives every ArgumentMap its drawing in Jupyter.
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
