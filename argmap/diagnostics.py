"""Diagnostics: the one shape in which every stage reports a problem.

A diagnostic is data (position, code, severity, message, hint, the ids it concerns); stages
return them and never raise them. They are printed in one place, `argmap.cli.printing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """Where an element stands in its file: 1-based lines and columns, end exclusive.

    A slotted dataclass, not a pydantic model: a map has a span for every element and
    attribute (76,000 at 5,000 arguments), and a model instance costs about 1 KB where this
    costs 110 bytes. pydantic validates and serialises it as a field of the models all the same.
    """

    file: str | None = None
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.file or '<text>'}:{self.line}:{self.column}"


class Diagnostic(BaseModel):
    """One problem found in a map.

    `subjects` names the statements, inferences, conditionals and attacks concerned;
    `links` names the edges concerned as (statement id, inference id) pairs, so that the
    renderer can flag the link from a premise and not only the premise.
    """

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    message: str
    span: Span | None = None
    hint: str | None = None
    subjects: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    span = diagnostic.span
    if span is None:
        return ("", 0, 0, diagnostic.code)
    return (span.file or "", span.line, span.column, diagnostic.code)
