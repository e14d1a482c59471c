"""The coach's report on a map: what holds, what is weak and why, how to mend it.

Three layers, each a module or two:

- build (build.py): `build_report(analysis)` reads the Analysis into the report's data
  (model.py: `Report`, frozen pydantic, which is the JSON), and `summarise(report)` derives the
  counts and verdicts the pages show. Nothing is checked or calculated again.
- layout (layout.py): `document(report, summary)` lays the report out once, as a small typed
  tree of blocks (headings, lines, paragraphs, trees, lists, tables) for every medium.
- backends (text.py, markdown.py, json.py): each formats the document (json: the data) and
  decides nothing: wrapping, indentation, escaping.

The student's report (student.py, wording.py, student_layout.py) is one page to hand back:
`student_report(analysis)` (a `StudentReport`, which is its JSON), laid out in the same blocks
and formatted by the same backends. `AUDIENCES` names the two; `report_for` makes either.

The report is for a map without errors: the analysis of a malformed map would mislead.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.analysis import Analysis
from argmap.report import json, markdown, text
from argmap.report.build import build_report, summarise
from argmap.report.layout import Document, document
from argmap.report.model import MAX_DEPTH, Report
from argmap.report.student import StudentReport, student_report
from argmap.report.student_layout import student_document
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


def format_student(report: StudentReport, output_format: str = "text") -> str:
    """The student's report in one of FORMATS (control characters as marks, as the coach's)."""
    if output_format == "json":
        return json.render(report)
    backend = {"text": text.render, "markdown": markdown.render}[output_format]
    return visible(backend(student_document(report)))


AUDIENCES: dict[str, str] = {
    "coach": "the full report: every support tree, finding, standing and open question",
    "student": "one page to hand back: the argument, the problems that matter most, what is strong",
}
"""Whom a report is for, and what each gets."""


def report_for(analysis: Analysis, audience: str = "coach", output_format: str = "text") -> str:
    """The report for one of AUDIENCES, in one of FORMATS."""
    if audience == "student":
        return format_student(student_report(analysis), output_format)
    return format_report(build_report(analysis), output_format)


__all__ = [
    "AUDIENCES",
    "FORMATS",
    "MAX_DEPTH",
    "Report",
    "StudentReport",
    "build_report",
    "format_json",
    "format_markdown",
    "format_report",
    "format_student",
    "format_text",
    "laid_out",
    "report_for",
    "student_report",
    "summarise",
]
