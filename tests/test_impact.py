"""Findings ranked by what they cost the thesis (argmap/analysis/impact.py)."""

from __future__ import annotations

import textwrap

import argmap


def analysed(text: str) -> argmap.Analysis:
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"))
    assert loaded.analysis is not None, loaded.diagnostics
    return loaded.analysis


def test_a_defeated_thesis_ranks_above_a_vague_hedge_and_an_open_question() -> None:
    analysis = analysed(
        """
        thesis t: T.
        evidence e: E.
          cite: A study
        t <- e
          scheme: sign
        evidence o: O.
          cite: Another study
        o rebuts t
        prediction p [may]: P.
        t <- p
          scheme: sign
        """
    )
    codes = [d.code for d in analysis.ranked()]
    assert codes[0] == "W301"
    assert codes.index("W202") > codes.index("W301")
    assert codes.index("I401") > codes.index("W202")


def test_an_overclaim_on_the_thesis_costs_its_gap() -> None:
    analysis = analysed(
        """
        thesis t [certainly]: T.
        premise p: P.
        t <- p
          scheme: sign
        """
    )
    [overclaim] = [f.finding for f in analysis.folded if f.finding.code == "W105"]
    [cause] = [f.into for f in analysis.folded]  # the bare premise the overclaim comes from
    gap = 0.95 - 0.55  # claimed 95 %, the support gives 55 %
    assert abs(analysis.impact(overclaim).cost - (0.05 + gap)) < 1e-6
    assert analysis.impact(overclaim).concerns == "claim"
    assert analysis.impact(cause).cost >= analysis.impact(overclaim).cost  # it carries it
    assert analysis.ranked()[0] is cause


def test_ranking_keeps_the_order_written_among_equals() -> None:
    analysis = analysed(
        """
        thesis t [may]: T.
        premise a [may]: A.
        premise b [might]: B.
        t <- a + b
          scheme: sign
        """
    )
    vague = [d for d in analysis.ranked() if d.code == "W202"]
    assert [d.subjects[0] for d in vague] == ["t", "a", "b"]
