"""The report as JSON, for tools: the Report data model, as pydantic dumps it."""

from __future__ import annotations

from argmap.report.model import Report


def render(report: Report) -> str:
    """The report's data as indented JSON (`Report.model_validate_json` reads it back)."""
    return report.model_dump_json(indent=2) + "\n"
