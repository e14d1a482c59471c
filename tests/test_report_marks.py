"""The coach's report's marks agree with the findings, and its short texts end on a word.

A ✓ beside a statement says that nothing was found about it or about the link that brings it
into the step; so for every ✓ in a support tree, no finding reported names the statement among
its subjects or the (statement, step) link among its links. Checked over every example map and
some small maps written for it, on the layout document (what every backend shows).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap
from argmap.analysis import Analysis
from argmap.report import build_report, format_text, laid_out
from argmap.report.layout import SHORT, SOUND, STEP, WEAK, Alternatives, Block, Item, Strong, Tree

ROOT = Path(__file__).resolve().parent.parent
MAPS = [*sorted((ROOT / "maps").glob("*.argmap")), ROOT / "tests/fixtures/every_construct.argmap"]

INLINE = {
    "overclaim under a sound link": """
        thesis t: T.
        claim c [certainly]: C.
        premise p: P.
        t <- c
          scheme: sign
        c <- p
          scheme: sign
        """,
    "unexplained step into a claim": """
        thesis t: T.
        claim c: C.
        evidence e: E.
          cite: A survey
        t <- c
          scheme: sign
        c <- e
        """,
    "stacked hedge on a prediction": """
        thesis t: T.
        prediction p [likely, may]: P.
        evidence e: E.
          cite: A report
        t <- p
          scheme: cause-to-effect
        p <- e
          scheme: sign
        """,
    "a statement shown twice": """
        thesis t: T.
        claim c [very likely]: C.
        premise p: P.
        t <- c
          scheme: sign
        t <- c + p
          scheme: sign
        c <- p
          scheme: sign
        """,
    "an unbacked warrant": """
        thesis t: T.
        evidence e: E.
          cite: A survey
        premise rule: What E shows, T holds.
        t <- e
          warrant: rule
        """,
}


def _analysis_of(source: Path | str) -> Analysis:
    """The analysis of an example map (a path) or of a map written inline (its text)."""
    if isinstance(source, Path):
        loaded = argmap.load(source.relative_to(ROOT))
    else:
        loaded = argmap.parse(textwrap.dedent(source).lstrip("\n"))
    assert loaded.analysis is not None, [str(d) for d in loaded.diagnostics if d.is_error]
    return loaded.analysis


def _trees(blocks: tuple[Block, ...]) -> Iterator[Tree]:
    for block in blocks:
        if isinstance(block, Tree):
            yield block
        elif isinstance(block, Alternatives):
            yield from _trees(block.plain)
            yield from _trees(block.rich)


def _marked(items: tuple[Item, ...], step: str | None = None) -> Iterator[tuple[str, str, str]]:
    """(mark, statement id, the step it goes into) for every statement line of a tree."""
    for item in items:
        if item.mark == STEP:
            step_id = "".join(span.text for span in item.spans).split(" (")[0]
            yield from _marked(item.children, step_id)
            continue
        named = [span.text for span in item.spans if isinstance(span, Strong)]
        if item.mark in (SOUND, WEAK) and named and step is not None:
            yield item.mark, named[0], step
        yield from _marked(item.children, step)


CASES = [pytest.param(path, id=path.stem) for path in MAPS] + [
    pytest.param(text, id=name) for name, text in INLINE.items()
]


@pytest.mark.parametrize("source", CASES)
def test_a_tick_is_never_beside_a_statement_or_link_a_finding_concerns(
    source: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    analysis = _analysis_of(source)
    # weaknesses (warnings); an info is a question to ask, not a flaw
    weaknesses = [d for d in analysis.findings if d.severity.value == "warning"]
    concerned = {s for d in weaknesses for s in d.subjects}
    links = {link for d in weaknesses for link in d.links}
    document = laid_out(build_report(analysis))
    marks = [m for tree in _trees(document) for m in _marked(tree.items)]
    assert marks, "the map has no support tree to check"
    for mark, statement, step in marks:
        flagged = statement in concerned or (statement, step) in links
        assert (mark == WEAK) == flagged, (mark, statement, step)


def test_an_overclaimed_claim_under_a_sound_link_is_marked_weak() -> None:
    text = format_text(build_report(_analysis_of(INLINE["overclaim under a sound link"])))
    assert f"{WEAK} c (claim, certainly" in text
    assert f"{SOUND} c " not in text


def test_a_long_text_is_cut_after_a_whole_word() -> None:
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron"
    report = format_text(
        build_report(_analysis_of(f"thesis t: T.\nclaim c: {words} {words}.\nt <- c\n"))
    )
    [line] = [line for line in report.splitlines() if "c (claim" in line and "…" in line]
    shown = line.split("): ", 1)[1]
    assert len(shown) <= SHORT
    kept = shown.removesuffix("…").split()
    assert kept == f"{words} {words}".split()[: len(kept)]  # every word kept whole
    assert not shown.removesuffix("…").endswith(" ")


def test_a_single_word_longer_than_the_line_is_cut_inside_it() -> None:
    report = format_text(
        build_report(_analysis_of(f"thesis t: T.\nclaim c: {'x' * 200}.\nt <- c\n"))
    )
    [line] = [line for line in report.splitlines() if "c (claim" in line]
    assert line.endswith("x" * (SHORT - 1) + "…")
