"""The comparison for a coach, as plain text or Markdown: one layout, two ways of marking it.

Ids stand beside the texts (the coach knows both maps): "key-id = other-id". Control
characters from a map show as marks (`argmap.words.visible`), as in the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from argmap.compare.model import (
    Comparison,
    MatchedUnit,
    RelationPair,
    RelationRef,
    Score,
    ThesisResult,
    UnitRef,
)
from argmap.words import plural, visible, with_article


@dataclass(frozen=True)
class _Marks:
    """How one medium marks an id and a text from a map."""

    id: Callable[[str], str]
    text: Callable[[str], str]


_PLAIN = _Marks(id=lambda value: value, text=lambda value: value)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MARKDOWN = _Marks(
    id=lambda value: f"`{value}`",  # ids are letters, digits, '-' and '_': safe in code
    text=lambda value: _MARKDOWN_SPECIAL.sub(r"\\\1", value),
)

Entry = tuple[str, tuple[str, ...]]  # a line, and the lines under it
Section = tuple[str, tuple[Entry, ...]]


def format_text(comparison: Comparison) -> str:
    """The comparison as plain text, for a terminal or a printout."""
    lines: list[str] = []
    for title, entries in _sections(comparison, _PLAIN):
        lines.extend([title, "-" * len(title)])
        for line, under in entries:
            lines.append(f"  {line}")
            lines.extend(f"      {sub}" for sub in under)
        lines.append("")
    return visible("\n".join(lines).rstrip("\n") + "\n")


def format_markdown(comparison: Comparison) -> str:
    """The comparison as Markdown, to hand back to a student or to a fellow coach."""
    lines: list[str] = []
    for number, (title, entries) in enumerate(_sections(comparison, _MARKDOWN)):
        lines.extend([f"{'#' if number == 0 else '##'} {title}", ""])
        for line, under in entries:
            lines.append(f"- {line}")
            lines.extend(f"  - {sub}" for sub in under)
        lines.append("")
    return visible("\n".join(lines).rstrip("\n") + "\n")


def format_json(comparison: Comparison) -> str:
    """The comparison's data as JSON, for tools (the shape of `Comparison`)."""
    return comparison.model_dump_json(indent=2) + "\n"


def _sections(comparison: Comparison, marks: _Marks) -> list[Section]:
    units, relations = comparison.units, comparison.relations

    def listed(title: str, entries: list[Entry]) -> list[Section]:
        return [(f"{title} ({len(entries)})", tuple(entries))] if entries else []

    return [
        ("Comparison of two maps of one essay", _heading(comparison, marks)),
        ("Score", _scores(comparison)),
        ("Theses", _theses(comparison, marks)),
        *listed("Units found in both maps", [_matched(m, marks) for m in units.matched]),
        *listed("Units missed (in the key only)", [_unit(u, marks) for u in units.missed]),
        *listed("Units added (in the other map only)", [_unit(u, marks) for u in units.added]),
        *listed("Relations that agree", [_pair(p, marks) for p in relations.agreed]),
        *listed("Relations reversed", [_pair(p, marks) for p in relations.reversed]),
        *listed("Relations pointing elsewhere", [_pair(p, marks) for p in relations.elsewhere]),
        *listed(
            "Relations of opposite polarity (support in one, attack in the other)",
            [_pair(p, marks) for p in relations.opposite],
        ),
        *listed(
            "Relations missed (in the key only)",
            [(_relation(r, marks), ()) for r in relations.missed],
        ),
        *listed(
            "Relations added (in the other map only)",
            [(_relation(r, marks), ()) for r in relations.added],
        ),
        *listed("Hedges read differently", _hedges(comparison, marks)),
    ]


def _heading(comparison: Comparison, marks: _Marks) -> tuple[Entry, ...]:
    def named(path: str | None, title: str | None) -> str:
        where = marks.text(path or "(no file)")
        return f"{where}: {marks.text(title)}" if title else where

    how = (
        "Units are matched by the passages their quotes mark in the essay, then by their words."
        if comparison.by_passages
        else "Units are matched by their words only (the maps share no essay)."
    )
    return (
        (f"key:   {named(comparison.key_path, comparison.key_title)}", ()),
        (f"other: {named(comparison.other_path, comparison.other_title)}", ()),
        (how, ()),
    )


def _score(name: str, score: Score, what: str, whats: str) -> Entry:
    line = f"{name}: precision {score.precision:.2f}, recall {score.recall:.2f}, F1 {score.f1:.2f}"
    counts = (
        f"{score.found} found in both; {plural(score.key_count, what, whats)} in the key, "
        f"{score.other_count} in the other map"
    )
    return line, (counts,)


def _scores(comparison: Comparison) -> tuple[Entry, ...]:
    return (
        _score("units", comparison.unit_score, "unit", "units"),
        _score("relations", comparison.relation_score, "relation", "relations"),
    )


def _theses(comparison: Comparison, marks: _Marks) -> tuple[Entry, ...]:
    entries = [_thesis(result, marks) for result in comparison.theses]
    if not comparison.theses:
        entries.append(("The key has no thesis.", ()))
    entries.extend(
        (f"a thesis of the other map only: {_named(u, marks)}", ())
        for u in comparison.other_theses_not_in_key
    )
    return tuple(entries)


def _thesis(result: ThesisResult, marks: _Marks) -> Entry:
    if result.status == "not-found" or result.other is None:
        return f"not found: {_named(result.key, marks)}", ()
    pair = f"{marks.id(result.key.id)} = {marks.id(result.other.id)}"
    if result.status == "found":
        return f"found: {pair}: {marks.text(result.key.text)}", ()
    return (
        f"found only as {with_article(result.other.kind)}: {pair}: {marks.text(result.key.text)}",
        (),
    )


def _matched(match: MatchedUnit, marks: _Marks) -> Entry:
    how = "by passage" if match.by == "passage" else "by words"
    line = (
        f"{marks.id(match.key.id)} = {marks.id(match.other.id)} "
        f"({how}, {match.similarity:.0%} in common)"
    )
    if match.key.text == match.other.text:
        return line, (f"both:  {marks.text(match.key.text)}",)
    return line, (f"key:   {marks.text(match.key.text)}", f"other: {marks.text(match.other.text)}")


def _unit(unit: UnitRef, marks: _Marks) -> Entry:
    return _named(unit, marks), ()


def _named(unit: UnitRef, marks: _Marks) -> str:
    return f"{marks.id(unit.id)} ({unit.kind}): {marks.text(unit.text)}"


def _relation(ref: RelationRef, marks: _Marks) -> str:
    source, target = marks.id(ref.source), marks.id(ref.target)
    if ref.kind == "inference":
        said = f"{source} supports {target}"
    elif ref.kind == "conditional":
        said = f"if {source} then {target}"
    elif ref.kind == "rebut":
        said = f"{source} rebuts {target}"
    else:
        step = f"{target}: {marks.text(ref.target_step)}" if ref.target_step else target
        said = f"{source} undercuts the step {step}"
    return f"{said} (as {marks.id(ref.element)})" if ref.named else said


def _pair(pair: RelationPair, marks: _Marks) -> Entry:
    return _relation(pair.key, marks), (f"in the other map: {_relation(pair.other, marks)}",)


def _hedges(comparison: Comparison, marks: _Marks) -> list[Entry]:
    def hedge(label: str | None) -> str:
        return marks.text(label) if label else "no hedge"

    return [
        (
            f"{marks.id(d.key.id)} = {marks.id(d.other.id)}: the key reads "
            f"{hedge(d.key_hedge)}, the other map {hedge(d.other_hedge)}",
            (f"{marks.text(d.key.text)}",),
        )
        for d in comparison.hedges
    ]
