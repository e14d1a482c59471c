"""Two maps of one essay compared: a coach's key against a student's map, or two coaches'.

- passages.py: where a statement's quotes stand in the essay (folded as validation folds).
- units.py: which statements are one unit (overlapping passages, else alike words).
- relations.py: the maps' arrows compared through the units (agreed, reversed, ...).
- build.py: `compare(key, other, essay)`, with the theses, the hedges and the scores.
- model.py: the result, `Comparison` (frozen pydantic; its JSON is the json format).
- formats.py: the result for a coach, as text or Markdown.

docs/compare.md describes the rules and the thresholds.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.compare.build import compare, score
from argmap.compare.formats import format_json, format_markdown, format_text
from argmap.compare.model import Comparison
from argmap.compare.units import TEXT_THRESHOLD

FORMATS: dict[str, Callable[[Comparison], str]] = {
    "text": format_text,
    "markdown": format_markdown,
    "json": format_json,
}


def format_comparison(comparison: Comparison, output_format: str = "text") -> str:
    """The comparison in one of FORMATS: text, markdown or json."""
    return FORMATS[output_format](comparison)


__all__ = [
    "FORMATS",
    "TEXT_THRESHOLD",
    "Comparison",
    "compare",
    "format_comparison",
    "format_json",
    "format_markdown",
    "format_text",
    "score",
]
