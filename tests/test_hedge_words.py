"""Every common hedge and booster has a place on the scale (issue 8, "Hedge vocabulary"):
boosters claim certainty, vague words are taken at what readers hear (and still flagged), and
scope words say how many cases a claim covers, not how likely it is."""

from __future__ import annotations

import textwrap

import pytest

import argmap
from argmap import Diagnostic
from argmap.analysis.calculus import Strength, cap, claimed, strengths
from argmap.hedges import CAPPHRASE, MAUBOUSSIN, SCALE, HedgeFamily, HedgeRow, lookup
from argmap.model import Hedge

LIKELIHOOD, CONFIDENCE, SCOPE = HedgeFamily.LIKELIHOOD, HedgeFamily.CONFIDENCE, HedgeFamily.SCOPE
BOOSTERS = [
    "certainly",
    "surely",
    "will",
    "definitely",
    "undeniable",
    "undeniably",
    "obviously",
    "clearly",
    "of course",
    "no doubt",
]
VAGUE = ["may", "might", "could", "can", "possibly", "perhaps"]
SCOPE_WORDS = ["tend to", "tends to", "in some cases", "often", "usually", "most"]


def load(text: str) -> argmap.Loaded:
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"))
    assert not loaded.has_errors, [d.message for d in loaded.diagnostics if d.is_error]
    return loaded


def found(text: str, code: str) -> list[Diagnostic]:
    """Findings of a code, reported or folded into their cause."""
    analysis = load(text).analysis
    assert analysis is not None
    return [d for d in analysis.found if d.code == code]


def hedge_of(words: str) -> Hedge:
    """The hedge of a statement written with these words in its brackets."""
    hedge = load(f"thesis t [{words}]: T.\n").map.statements[0].hedge
    assert hedge is not None
    return hedge


# ---- every word looks up, with its family and range -------------------------------------------


@pytest.mark.parametrize(
    ("word", "family", "scale", "readers", "source"),
    [
        *[(booster, LIKELIHOOD, (0.95, 1.00), None, None) for booster in BOOSTERS],
        ("may", LIKELIHOOD, None, (0.30, 0.51), CAPPHRASE),
        ("might", LIKELIHOOD, None, (0.25, 0.50), CAPPHRASE),
        ("could", LIKELIHOOD, None, (0.25, 0.50), CAPPHRASE),
        ("possibly", LIKELIHOOD, None, (0.25, 0.50), MAUBOUSSIN),
        ("perhaps", LIKELIHOOD, None, (0.25, 0.50), f"read as 'possibly': {MAUBOUSSIN}"),
        ("can", LIKELIHOOD, None, (0.25, 0.50), f"read as 'possibly': {MAUBOUSSIN}"),
        ("likely", LIKELIHOOD, (0.55, 0.80), (0.67, 0.80), CAPPHRASE),
        ("probably", LIKELIHOOD, (0.55, 0.80), (0.60, 0.75), MAUBOUSSIN),
        ("strongly believe", CONFIDENCE, None, None, None),
        *[(word, SCOPE, None, None, None) for word in SCOPE_WORDS],
    ],
)
def test_every_word_looks_up_with_its_family_and_range(
    word: str,
    family: HedgeFamily,
    scale: tuple[float, float] | None,
    readers: tuple[float, float] | None,
    source: str | None,
) -> None:
    term = lookup(word)
    assert term is not None, word
    assert (term.family, term.scale, term.readers, term.source) == (family, scale, readers, source)


def test_the_range_the_calculus_uses_is_the_scales_else_what_readers_hear() -> None:
    for term in SCALE:
        expected = term.scale if term.scale is not None else term.readers
        assert (term.low, term.high) == (expected or (None, None)), term.word
    likely, may = lookup("likely"), lookup("may")
    assert likely is not None and (likely.low, likely.high) == (0.55, 0.80)  # ICD's, not readers'
    assert may is not None and (may.low, may.high) == (0.30, 0.51)


def test_the_parser_puts_the_calculus_range_in_the_qualifier() -> None:
    [may] = hedge_of("May").qualifiers
    assert (may.word, may.row, may.low, may.high, may.vague) == (
        "may",
        HedgeRow.VAGUE,
        0.30,
        0.51,
        True,
    )
    [likely] = hedge_of("likely").qualifiers
    assert (likely.low, likely.high, likely.vague) == (0.55, 0.80, False)


def test_strongly_believe_is_high_confidence() -> None:
    strongly, high = lookup("strongly believe"), lookup("high confidence")
    assert strongly is not None and high is not None
    assert (strongly.family, strongly.row, strongly.range) == (high.family, high.row, high.range)
    assert [d.code for d in load("thesis t [likely, strongly believe]: T.\n").diagnostics] == [
        "W103",
        "W204",
    ]


# ---- boosters ----------------------------------------------------------------------------------


@pytest.mark.parametrize("booster", BOOSTERS)
def test_a_booster_claims_certainty(booster: str) -> None:
    hedge = hedge_of(booster)
    assert claimed(hedge) == Strength(0.95, 1.00)
    assert hedge.label.endswith(" · 95–100 %")
    assert not any(q.vague for q in hedge.qualifiers)


def test_a_booster_on_a_bare_premise_overclaims() -> None:
    text = """
        thesis t [clearly]: T.
        premise p: P.
        t <- p
          scheme: sign
    """
    [finding] = found(text, "W105")
    assert "clearly · 95–100 %" in finding.message


# ---- vague words: taken at what readers hear, still flagged ------------------------------------


@pytest.mark.parametrize("word", VAGUE)
def test_a_vague_word_claims_and_caps_what_readers_hear(word: str) -> None:
    hedge = hedge_of(word)
    term = lookup(word)
    assert term is not None and term.vague and term.readers is not None
    assert claimed(hedge) == Strength(*term.readers)
    assert cap(hedge) == Strength(*term.readers)


def test_a_may_claim_on_a_bare_premise_is_checked() -> None:
    bare = """
        thesis t [may]: T.
        premise p{hedge}: P.
        t <- p
          scheme: sign
    """
    assert claimed(load(bare.format(hedge="")).map.statements[0].hedge) == Strength(0.30, 0.51)
    assert found(bare.format(hedge=""), "W105") == []  # 30 % ≤ the 55 % a bare premise gives
    [finding] = found(bare.format(hedge=" [unlikely]"), "W105")  # 30 % > 20 %
    assert "'t' is claimed as may (vague: readers hear 30–51 %)" in finding.message
    assert "only 20–45 %" in finding.message


def test_may_caps_what_it_passes_on() -> None:
    loaded = load(
        """
        thesis t: T.
        evidence e [may]: E.
          cite: A report, 2017
        t <- e
          scheme: sign
        """
    )
    values = strengths(loaded.map)
    assert values.has["e"] == Strength(0.30, 0.51)  # established, but "may" holds it down
    assert values.gives["t<-e"] == Strength(0.30, 0.51)


def test_the_label_shows_what_readers_hear() -> None:
    assert hedge_of("may").label == "may (vague: readers hear 30–51 %)"
    assert hedge_of("perhaps").label == "perhaps (vague: readers hear 25–50 %)"
    assert hedge_of("likely, may").label == "likely + may · 16.5–40.8 %"  # stacked: multiplied


def test_w202_says_what_readers_hear_and_where_it_was_measured() -> None:
    [finding] = found("thesis t [may]: T.\n", "W202")
    assert finding.message == (
        "'t' is hedged with a vague word: 'may' has no range on the scale; readers hear "
        "30–51 % (CAPphrase 2026)"
    )
    assert finding.hint and "a word of the scale" in finding.hint
    [perhaps] = found("thesis t [perhaps]: T.\n", "W202")
    assert "readers hear 25–50 % (read as 'possibly': Mauboussin and Mauboussin 2018)" in (
        perhaps.message
    )


@pytest.mark.parametrize("word", VAGUE)
def test_w202_still_flags_every_vague_word(word: str) -> None:
    assert [d.subjects for d in found(f"thesis t [{word}]: T.\n", "W202")] == [("t",)]


def test_w201_keeps_the_scale_word_of_a_scale_word_and_a_vague_one() -> None:
    [finding] = found("thesis t [may, likely]: T.\n", "W201")
    assert finding.hint and "keep 'likely'" in finding.hint


# ---- scope words: how many cases, not how likely -----------------------------------------------


@pytest.mark.parametrize("word", SCOPE_WORDS)
def test_a_scope_word_is_neither_vague_nor_a_cap(word: str) -> None:
    hedge = hedge_of(word)
    [qualifier] = hedge.qualifiers
    assert (qualifier.family, qualifier.vague, qualifier.low, qualifier.high) == (
        SCOPE,
        False,
        None,
        None,
    )
    assert cap(hedge) == cap(None)
    assert claimed(hedge) is None  # claims what an unhedged statement claims
    assert hedge.label == qualifier.word
    assert found(f"thesis t [{word}]: T.\n", "W202") == []


def test_a_scope_word_beside_a_likelihood_is_not_a_stacked_hedge() -> None:
    text = "thesis t [likely, often]: T.\n"
    assert found(text, "W201") == [] and found(text, "W202") == []
    hedge = hedge_of("likely, often")
    assert claimed(hedge) == cap(hedge) == Strength(0.55, 0.80)
    assert hedge.label == "likely + often · 55–80 %"
