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

from argmap.codes import record
from argmap.diagnostics import Diagnostic, Severity
from argmap.words import plural, visible

_COLOURS: dict[Severity, str] = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "blue",
}


def format_human(
    diagnostic: Diagnostic, source_lines: Mapping[str, list[str]], colour: bool = False
) -> str:
    """One diagnostic: its header line, the map's line with a caret under the span, the hint.

    `source_lines` maps a file name to its lines, for the excerpt; a file not in it gets none.
    """

    def paint(text: str, **style: object) -> str:
        return click.style(text, **style) if colour else text  # type: ignore[arg-type]

    span = diagnostic.span
    severity = diagnostic.severity
    label = paint(f"{severity.value}[{diagnostic.code}]", fg=_COLOURS[severity], bold=True)
    where = f"{span.file or '<text>'}:{span.line}:{span.column}: " if span else ""
    out = [f"{paint(visible(where), bold=True)}{label}: {visible(diagnostic.message)}"]
    lines = source_lines.get(span.file or "<text>") if span else None
    if span is not None and lines is not None and 1 <= span.line <= len(lines):
        text = lines[span.line - 1]
        end = span.end_column if span.end_line == span.line else len(text) + 1
        text, caret = _excerpt(text, span.column, end)
        gutter = f"{span.line:>5} | "
        out.append(f"{gutter}{text}")
        out.append(f"{' ' * (len(gutter) - 2)}| {paint(caret, fg=_COLOURS[severity])}")
    if diagnostic.hint:
        out.append(f"  {paint('hint', bold=True)}: {visible(diagnostic.hint)}")
    return "\n".join(out)


EXCERPT_WIDTH = 100  # characters of a map's line shown under a message


def _excerpt(text: str, column: int, end_column: int) -> tuple[str, str]:
    """The line, or the window of it around the span when it is long, and the caret line."""
    start = 0
    if len(text) > EXCERPT_WIDTH:
        start = max(0, min(column - 1 - EXCERPT_WIDTH // 3, len(text) - EXCERPT_WIDTH))
    stop = start + EXCERPT_WIDTH
    # Only the window is made visible: a tab is one space (so columns stay put), and each
    # control character one mark; a megabyte-long line costs its window, not its length.
    window = visible(text[start:stop].expandtabs(1))
    shown = ("…" if start else "") + window + ("…" if stop < len(text) else "")
    offset = column - 1 - start + (1 if start else 0)
    last = min(end_column - 1 - start, EXCERPT_WIDTH) + (1 if start else 0)
    width = max(1, min(last, len(shown)) - offset)
    return shown, " " * offset + "^" * width


def format_summary(diagnostics: Iterable[Diagnostic], files: int) -> str:
    counts = {severity: 0 for severity in Severity}
    for diagnostic in diagnostics:
        counts[diagnostic.severity] += 1
    parts = [plural(counts[s], s.value) for s in Severity]
    checked = f"{plural(files, 'file')} checked"
    return f"{checked}: " + ", ".join(parts)


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([record(d) for d in diagnostics], ensure_ascii=False, indent=2)
