"""The coach's report on a map: what holds, what is weak and why, how to mend it.

Three layers, each a module or two:

- build (build.py): `build_report(analysis)` reads the Analysis into the report's data
  (model.py: `Report`, frozen pydantic, which is the JSON), and `summarise(report)` derives the
  counts and verdicts the pages show. Nothing is checked or calculated again.
- layout (layout.py): `document(report, summary)` lays the report out once, as a small typed
  tree of blocks (headings, lines, paragraphs, trees, lists, tables) for every medium.
- backends (text.py, markdown.py, json.py): each formats the document (json: the data) and
  decides nothing: wrapping, indentation, escaping.

The report is for a map without errors: the analysis of a malformed map would mislead.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.report import json, markdown, text
from argmap.report.build import build_report, summarise
from argmap.report.layout import Document, document
from argmap.report.model import MAX_DEPTH, Report
from argmap.words import visible


def laid_out(report: Report) -> Document:
    """The report as the layout's blocks, with the counts and verdicts summarised from it."""
    return document(report, summarise(report))


def format_text(report: Report) -> str:
    """The report as plain text, for a terminal or a printout. Control characters from the
    map show as marks (`argmap.words.visible`): no escape sequence reaches a terminal."""
    return visible(text.render(laid_out(report)))


def format_markdown(report: Report) -> str:
    """The report as Markdown, to hand back or publish (control characters as marks)."""
    return visible(markdown.render(laid_out(report)))


def format_json(report: Report) -> str:
    """The report's data as JSON, for tools."""
    return json.render(report)


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": format_text,
    "markdown": format_markdown,
    "json": format_json,
}


def format_report(report: Report, output_format: str = "text") -> str:
    """The report in one of FORMATS: text, markdown or json."""
    return FORMATS[output_format](report)


__all__ = [
    "FORMATS",
    "MAX_DEPTH",
    "Report",
    "build_report",
    "format_json",
    "format_markdown",
    "format_report",
    "format_text",
    "laid_out",
    "summarise",
]
