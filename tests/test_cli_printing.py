"""The human format: the excerpt under a message shows the span, and stays short."""

from __future__ import annotations

from argmap.cli.printing import EXCERPT_WIDTH, format_human
from argmap.diagnostics import Diagnostic, Severity, Span


def _print(line: str, column: int, end_column: int) -> list[str]:
    span = Span(file="m.argmap", line=1, column=column, end_line=1, end_column=end_column)
    diagnostic = Diagnostic(code="E202", severity=Severity.ERROR, message="m", span=span)
    return format_human(diagnostic, {"m.argmap": [line]}).split("\n")


def test_the_caret_is_under_the_span() -> None:
    header, excerpt, caret = _print("t <- aid2 + debt", 6, 10)
    assert header == "m.argmap:1:6: error[E202]: m"
    assert excerpt.endswith("t <- aid2 + debt")
    start = excerpt.index("aid2")
    assert caret[start:] == "^^^^"
    assert set(caret[:start].replace("|", "")) == {" "}


def test_a_long_line_is_cut_to_a_window_around_the_span() -> None:
    line = "t <- " + " + ".join(f"p{i}" for i in range(2000))
    column = line.index("p1500") + 1
    _header, excerpt, caret = _print(line, column, column + 5)
    shown = excerpt.split("| ", 1)[1]
    assert len(shown) <= EXCERPT_WIDTH + 2  # and the two ellipses
    assert shown.startswith("…") and shown.endswith("…")
    marked = caret.split("| ", 1)[1]
    start = marked.index("^")
    assert shown[start : start + 5] == "p1500"
    assert marked.count("^") == 5
