"""A report as JSON, for tools: its data model (Report, StudentReport), as pydantic dumps it."""

from __future__ import annotations

from pydantic import BaseModel


def render(report: BaseModel) -> str:
    """A report's data as indented JSON (`Report.model_validate_json`, or the student's
    `StudentReport.model_validate_json`, reads it back)."""
    return report.model_dump_json(indent=2) + "\n"
