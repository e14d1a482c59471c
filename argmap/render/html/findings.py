"""The findings as the page lists them: every one, ranked, for the coach; the few that matter
most, in plain words, for the student.

Both lists are ranked by `Analysis.ranked()` (what a finding costs the theses). Each entry
carries the student's words: the essay's own text at the passage its anchor quotes (or the
quote as the map gives it, when the page has no essay).

`student_points` is the one place the student's view is decided; the student report
(`argmap report --for student`) will make the same choice, and can replace it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from argmap.analysis import Analysis
from argmap.codes import lookup
from argmap.diagnostics import Diagnostic, Severity

STUDENT_POINTS = 5
"""The most problems the student's view names: the top few, not the whole list."""

WEAK, REMARK = "⚠", "ℹ"


@dataclass(frozen=True)
class Entry:
    """One finding, as the coach's list shows it."""

    index: int  # its place in `Analysis.ranked()`
    code: str
    symbol: str  # ⚠ a weakness, ℹ a remark
    title: str  # the registry's title
    words: str  # the registry's plain words, singular
    message: str
    hint: str | None
    anchor: str | None  # the element it is about (its first subject); None: the whole map
    subjects: tuple[str, ...]
    quote: str | None  # the student's words at the anchor

    @property
    def is_weakness(self) -> bool:
        return self.symbol == WEAK


@dataclass(frozen=True)
class StudentPoint:
    """One problem, as a student reads it: plain words and their own words, no codes."""

    words: str  # "A bare assertion"
    quote: str | None
    anchor: str | None


def entries(analysis: Analysis, quotes: Mapping[str, str]) -> list[Entry]:
    """Every finding, ranked; `quotes` gives the student's words by element id."""
    return [_entry(index, found, quotes) for index, found in enumerate(analysis.ranked())]


def _entry(index: int, found: Diagnostic, quotes: Mapping[str, str]) -> Entry:
    record = lookup(found.code)
    anchor = found.subjects[0] if found.subjects else None
    if anchor is None and found.links:
        anchor = found.links[0][0]
    return Entry(
        index=index,
        code=found.code,
        symbol=REMARK if found.severity is Severity.INFO else WEAK,
        title=record.title,
        words=record.singular,
        message=found.message,
        hint=found.hint,
        anchor=anchor,
        subjects=tuple(dict.fromkeys((*found.subjects, *(p for p, _ in found.links)))),
        quote=quotes.get(anchor) if anchor is not None else None,
    )


def student_points(listed: list[Entry], most: int = STUDENT_POINTS) -> list[StudentPoint]:
    """The student's view: the weaknesses that cost the theses most, at most `most`, one a
    passage (the worst at each), in the registry's plain words with the student's words."""
    points: list[StudentPoint] = []
    seen: set[str | None] = set()
    for entry in listed:
        if not entry.is_weakness or (entry.anchor in seen and entry.anchor is not None):
            continue
        seen.add(entry.anchor)
        points.append(
            StudentPoint(entry.words[:1].upper() + entry.words[1:], entry.quote, entry.anchor)
        )
        if len(points) == most:
            break
    return points
