"""The one place diagnostics are turned into text: compiler-style for people, JSON for tools.

maps/essay.argmap:12:9: error[E202]: 'aid2' is not defined (used as the premise)
   12 | alliance <- aid2 + debt
      |             ^^^^
  hint: did you mean 'aid'?
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import click

from argmap.diagnostics import Diagnostic, Severity

_COLOURS: dict[Severity, str] = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "blue",
}


def format_human(
    diagnostic: Diagnostic, source_lines: Mapping[str, list[str]], colour: bool = False
) -> str:
    """One diagnostic: its header line, the source line with a caret under the span, the hint.

    `source_lines` maps a file name to its lines, for the excerpt; a file not in it gets none.
    """

    def paint(text: str, **style: object) -> str:
        return click.style(text, **style) if colour else text  # type: ignore[arg-type]

    span = diagnostic.span
    severity = diagnostic.severity
    label = paint(f"{severity.value}[{diagnostic.code}]", fg=_COLOURS[severity], bold=True)
    where = f"{span.file or '<text>'}:{span.line}:{span.column}: " if span else ""
    out = [f"{paint(where, bold=True)}{label}: {diagnostic.message}"]
    lines = source_lines.get(span.file or "<text>") if span else None
    if span is not None and lines is not None and 1 <= span.line <= len(lines):
        text = lines[span.line - 1].expandtabs(1)
        gutter = f"{span.line:>5} | "
        end = span.end_column if span.end_line == span.line else len(text) + 1
        width = max(1, min(end, len(text) + 1) - span.column)
        caret = " " * (span.column - 1) + "^" * width
        out.append(f"{gutter}{text}")
        out.append(f"{' ' * (len(gutter) - 2)}| {paint(caret, fg=_COLOURS[severity])}")
    if diagnostic.hint:
        out.append(f"  {paint('hint', bold=True)}: {diagnostic.hint}")
    return "\n".join(out)


def format_summary(diagnostics: Iterable[Diagnostic], files: int) -> str:
    counts = {severity: 0 for severity in Severity}
    for diagnostic in diagnostics:
        counts[diagnostic.severity] += 1
    parts = [f"{counts[s]} {s.value}{'' if counts[s] == 1 else 's'}" for s in Severity]
    checked = f"{files} file{'' if files == 1 else 's'} checked"
    return f"{checked}: " + ", ".join(parts)


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_record() for d in diagnostics], ensure_ascii=False, indent=2)
