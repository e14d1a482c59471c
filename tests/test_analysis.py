"""The analysis's findings, one code at a time: a small map that triggers it, and a
near-identical one that must not. Statement ids, links and positions are asserted exactly."""

from __future__ import annotations

import textwrap

import pytest

import argmap
from argmap import Diagnostic, Span, Standing
from argmap.analysis import CHECKS, analyse, standing
from argmap.codes import REGISTRY, resolve
from argmap.diagnostics import Severity


def load(text: str) -> argmap.Loaded:
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"))
    assert not loaded.has_errors, [d.message for d in loaded.diagnostics if d.is_error]
    return loaded


def found(text: str, code: str) -> list[Diagnostic]:
    """The findings of a code, reported or folded into their cause (argmap.analysis.merge)."""
    analysis = load(text).analysis
    assert analysis is not None
    return [d for d in analysis.found if d.code == code]


def at(line: int, column: int, end_line: int, end_column: int) -> Span:
    return Span(line=line, column=column, end_line=end_line, end_column=end_column)


# ---- W101 unsupported link --------------------------------------------------------------------

BARE_PREMISE = textwrap.dedent("""
    thesis t: T.
    premise p{flags}: P.{extra}
    evidence e: E.
    step: t <- p + e
      scheme: sign
      answer 1: e
      answer 2: e
""").lstrip("\n")


def test_w101_flags_the_link_from_a_bare_premise() -> None:
    [finding] = found(BARE_PREMISE.format(flags="", extra=""), "W101")
    assert finding.severity is Severity.WARNING
    assert finding.subjects == ("p",)
    assert finding.links == (("p", "step"),)
    assert finding.span == at(4, 12, 4, 13)  # the 'p' in 'step: t <- p + e'
    assert "'t' rests on 'p'" in finding.message
    assert finding.hint and "[accepted]" in finding.hint


@pytest.mark.parametrize(
    ("flags", "extra"),
    [
        (" [accepted]", ""),  # common ground
        ("", "\n      cite: Someone, 2017"),  # cited
    ],
)
def test_w101_spares_an_accepted_or_cited_premise(flags: str, extra: str) -> None:
    assert found(BARE_PREMISE.format(flags=flags, extra=extra), "W101") == []


def test_w101_spares_a_premise_with_support_of_its_own() -> None:
    text = BARE_PREMISE.format(flags="", extra="") + "evidence q: Q.\np <- q\n  scheme: sign\n"
    assert found(text, "W101") == []


def test_w101_reports_a_bare_claim_used_as_premise_at_the_link_not_as_w103() -> None:
    text = """
        thesis t: T.
        claim c: C.
        t <- c
          scheme: sign
    """
    assert [d.subjects[0] for d in found(text, "W101")] == ["c"]
    assert found(text, "W103") == []


WARRANTED = textwrap.dedent("""
    thesis t: T.
    evidence e: E.
    premise rule{flags}: Whatever is E is T.
    t <- e
      warrant: rule
""").lstrip("\n")


def test_w101_flags_a_bare_warrant_too() -> None:
    [finding] = found(WARRANTED.format(flags=""), "W101")
    assert finding.subjects == ("rule",)
    assert finding.links == (("rule", "t<-e"),)
    assert finding.span == at(5, 12, 5, 16)
    assert "rests on an unbacked warrant, 'rule'" in finding.message


def test_w101_spares_an_accepted_warrant() -> None:
    assert found(WARRANTED.format(flags=" [accepted]"), "W101") == []


# ---- W102 unexplained step --------------------------------------------------------------------

STEP = textwrap.dedent("""
    thesis t: T.
    evidence e: E.
    premise w [accepted]: W.
    t <- e{attribute}
""").lstrip("\n")


def test_w102_flags_a_step_with_neither_warrant_nor_scheme() -> None:
    [finding] = found(STEP.format(attribute=""), "W102")
    assert finding.subjects == ("t<-e", "t")
    assert finding.span == at(4, 1, 4, 7)
    assert "from 'e' to 't'" in finding.message


@pytest.mark.parametrize("attribute", ["\n  warrant: w", "\n  scheme: sign"])
def test_w102_spares_a_step_with_a_warrant_or_a_scheme(attribute: str) -> None:
    assert found(STEP.format(attribute=attribute), "W102") == []


# ---- W103 unsupported conclusion --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["thesis", "claim", "prediction"])
def test_w103_flags_a_conclusion_with_nothing_behind_it(kind: str) -> None:
    # the author's own (an attack on the thesis would make it the other side's, and the other
    # side's bare claims are not the author's weak links)
    [finding] = found(f"thesis main: M.\n  cite: S\n{kind} x: X.\nmain rebuts x\n", "W103")
    assert finding.subjects == ("x",)
    assert finding.span == at(3, len(kind) + 2, 3, len(kind) + 3)


def test_w103_spares_a_supported_or_cited_conclusion() -> None:
    supported = "thesis x: X.\nevidence e: E.\nx <- e\n  scheme: sign\n"
    cited = "thesis x: X.\n  cite: The Times, 2017\n"
    assert found(supported, "W103") == []
    assert found(cited, "W103") == []


def test_w103_leaves_premises_and_evidence_alone() -> None:
    assert found("thesis t: T.\n  cite: X\npremise p: P.\np rebuts t\n", "W103") == []


# ---- W104 circular reasoning ------------------------------------------------------------------

CIRCLE = textwrap.dedent("""
    thesis a: A.
    claim b: B.
    claim c: C.
    evidence e: E.
    a <- b
      scheme: sign
    b <- c + e
      scheme: sign
    c <- {ground}
      scheme: sign
""").lstrip("\n")


def test_w104_shows_the_whole_cycle() -> None:
    [finding] = found(CIRCLE.format(ground="a"), "W104")
    assert finding.message == "circular reasoning: a → c → b → a"
    assert finding.subjects == ("a", "c", "b", "c<-a", "b<-c+e", "a<-b")
    assert finding.links == (("a", "c<-a"), ("c", "b<-c+e"), ("b", "a<-b"))
    assert finding.span == at(5, 6, 5, 7)  # the 'b' in 'a <- b', which closes the circle


def test_w104_spares_a_chain_that_does_not_close() -> None:
    assert found(CIRCLE.format(ground="e"), "W104") == []


def test_w104_reports_a_circle_through_a_conditional() -> None:
    text = """
        thesis a: A.
        claim b: B.
        if a then b
        a <- b
          scheme: sign
    """
    [finding] = found(text, "W104")
    assert finding.message == "circular reasoning: a → b → a"
    assert finding.links == (("a", "if-a-then-b"), ("b", "a<-b"))


# ---- W105 overclaim ---------------------------------------------------------------------------

OVERCLAIM = textwrap.dedent("""
    thesis t [{hedge}]: T.
    premise p [likely]: P.
      cite: Someone, 2017
    step: t <- p
      scheme: sign
""").lstrip("\n")


def test_w105_flags_a_claim_surer_than_its_support() -> None:
    [finding] = found(OVERCLAIM.format(hedge="certainly"), "W105")
    assert finding.subjects == ("t", "step", "p")
    assert finding.links == (("p", "step"),)
    assert finding.span == at(1, 10, 1, 21)  # the hedge '[certainly]'
    assert "certainly · 95–100 %" in finding.message
    assert "only 55–80 %" in finding.message
    assert finding.hint and "'likely' or less" in finding.hint


@pytest.mark.parametrize("hedge", ["likely", "probably", "roughly even chance", "may"])
def test_w105_spares_a_claim_within_its_support(hedge: str) -> None:
    assert found(OVERCLAIM.format(hedge=hedge), "W105") == []


def test_w105_a_certain_consequent_of_an_unestablished_condition() -> None:
    text = """
        thesis dire: D.
        condition worse: Relations get worse.
        prediction obstruct [certainly]: Russia will obstruct.
        if worse then obstruct
        dire <- obstruct
          scheme: cause-to-effect
    """
    [finding] = [d for d in found(text, "W105") if d.subjects[0] == "obstruct"]
    assert finding.subjects == ("obstruct", "if-worse-then-obstruct", "worse")
    assert "gives nothing (0 %)" in finding.message
    assert "the condition 'worse'" in finding.message
    assert finding.span == at(3, 21, 3, 32)


def test_w105_spares_an_unhedged_statement_and_a_bare_assertion() -> None:
    assert found(OVERCLAIM.format(hedge="likely").replace(" [likely]", ""), "W105") == []
    # Nothing supports it at all: W103's business, not an overclaim.
    assert found("thesis t [certainly]: T.\n", "W105") == []


# ---- W106 unestablished condition -------------------------------------------------------------

CONDITION = textwrap.dedent("""
    thesis t: T.
    condition c: C.
    prediction o: O.
    if c then o
    t <- o
      scheme: cause-to-effect
""").lstrip("\n")


def test_w106_flags_an_asserted_consequent_of_a_supposed_condition() -> None:
    [finding] = found(CONDITION, "W106")
    assert finding.subjects == ("if-c-then-o", "c", "o")
    assert finding.links == (("c", "if-c-then-o"),)
    assert finding.span == at(4, 4, 4, 5)


def test_w106_spares_an_established_condition() -> None:
    text = CONDITION + "evidence e: E.\nc <- e\n  scheme: sign\n"
    assert found(text, "W106") == []


def test_w106_spares_a_consequent_that_is_itself_a_condition() -> None:
    assert found(CONDITION.replace("prediction o", "condition o"), "W106") == []


# ---- W201-W204 hedges -------------------------------------------------------------------------


def test_w201_flags_a_stacked_hedge() -> None:
    [finding] = found("thesis w [likely, may]: W.\n", "W201")
    assert finding.subjects == ("w",)
    assert finding.span == at(1, 10, 1, 23)
    assert "'likely' and 'may'" in finding.message
    assert finding.hint and "keep 'likely'" in finding.hint


def test_w201_spares_a_single_hedge_and_a_confidence_word() -> None:
    assert found("thesis w [likely]: W.\n", "W201") == []
    assert found("thesis w [likely, high confidence]: W.\n", "W201") == []


@pytest.mark.parametrize("word", ["may", "might", "could", "perhaps", "possibly"])
def test_w202_flags_a_vague_hedge(word: str) -> None:
    [finding] = found(f"thesis w [{word}]: W.\n", "W202")
    assert finding.subjects == ("w",)
    assert finding.span == at(1, 10, 1, 12 + len(word))


def test_w202_spares_a_word_with_a_range() -> None:
    assert found("thesis w [unlikely]: W.\n", "W202") == []


def test_w202_checks_a_step_hedge_too() -> None:
    text = "thesis t: T.\nevidence e: E.\ns: t <- e\n  scheme: sign\n  hedge: might\n"
    assert [d.subjects for d in found(text, "W202")] == [("s",)]


ROWS = textwrap.dedent("""
    thesis t: T.
    premise a [likely]: A.
    premise b [{word}]: B.
    t <- a + b
      scheme: sign
""").lstrip("\n")


def test_w203_flags_the_less_used_row() -> None:
    [finding] = found(ROWS.format(word="probable"), "W203")
    assert finding.subjects == ("b",)
    assert finding.span == at(3, 11, 3, 21)
    assert "ICD 203 row 2" in finding.message and "'a'" in finding.message
    assert finding.hint and "'likely'" in finding.hint


def test_w203_spares_one_row() -> None:
    assert found(ROWS.format(word="very likely"), "W203") == []
    assert found(ROWS.format(word="probably"), "W203") == []  # an essay word, not a row


def test_w204_flags_likelihood_and_confidence_together() -> None:
    [finding] = found("thesis w [likely, high confidence]: W.\n", "W204")
    assert finding.subjects == ("w",)
    assert "'likely'" in finding.message and "'high confidence'" in finding.message


def test_w204_spares_a_confidence_word_alone() -> None:
    assert found("thesis w [moderate confidence]: W.\n", "W204") == []


# ---- W301-W303 standing under attack ---------------------------------------------------------

UNDERCUT = textwrap.dedent("""
    thesis t: T.
    evidence e: E.
    evidence r: R.
    step: t <- e
      scheme: sign
      answer 1: e
      answer 2: e
    r undercuts step
""").lstrip("\n")
ANSWERED = UNDERCUT + "evidence q: Q.\nq rebuts r\n"


def test_w301_an_undercut_defeats_the_conclusion_that_rests_on_it() -> None:
    [finding] = found(UNDERCUT, "W301")
    assert finding.subjects == ("t", "r-undercuts-step")
    assert finding.span == at(1, 8, 1, 9)
    assert "'r' undercuts its support 'step'" in finding.message
    assert standing(load(UNDERCUT).map) == {"t": Standing.OUT, "e": Standing.IN, "r": Standing.IN}


def test_w301_spares_a_statement_whose_attack_is_answered() -> None:
    assert found(ANSWERED, "W301") == []
    labels = standing(load(ANSWERED).map)
    assert labels["t"] is Standing.IN and labels["r"] is Standing.OUT


def test_w301_names_what_falls_with_a_rebutted_premise() -> None:
    text = """
        thesis t: T.
        claim c: C.
          cite: Someone
        t <- c
          scheme: sign
        objection o: O.
          cite: Someone else
        o rebuts c
    """
    [finding] = found(text, "W301")
    assert finding.subjects == ("c", "o-rebuts-c", "t")
    assert "with it fall 't'" in finding.message


def test_w302_flags_an_attack_nobody_answers() -> None:
    [finding] = found(UNDERCUT, "W302")
    assert finding.subjects == ("r-undercuts-step", "r", "step")
    assert finding.span == at(8, 1, 8, 17)


def test_w302_spares_an_answered_attack_and_the_answer_itself() -> None:
    assert found(ANSWERED, "W302") == []


def test_w302_an_exception_the_map_supposes() -> None:
    text = UNDERCUT.replace("evidence r", "condition r")
    [finding] = found(text, "W302")
    assert "the exception 'r'" in finding.message
    # a supposition has no strength of its own: it is too weak to defeat the step, but the
    # essay should say whether the exception holds (W302)
    assert standing(load(text).map)["t"] is Standing.IN
    assert found(text, "W303") == []  # an exception's doubt is W302's business


CONFLICT = textwrap.dedent("""
    thesis t: T.
    evidence e: E.
    t <- e
      scheme: sign
      answer 1: e
      answer 2: e
    objection o: O.
    o rebuts t
    {answer}
""").lstrip("\n")


def test_w303_flags_a_conflict_never_resolved() -> None:
    loaded = load(CONFLICT.format(answer="t rebuts o"))
    [finding] = [d for d in loaded.diagnostics if d.code == "W303"]
    assert finding.subjects == ("t", "o")
    assert finding.span == at(1, 8, 1, 9)
    assert "holds in 1 of 2 preferred readings" in finding.message
    reading = analyse(loaded.map).reading("t")
    assert reading is not None and reading.preferred == 2


def test_w303_spares_a_settled_conflict() -> None:
    text = CONFLICT.format(answer="t rebuts o\nevidence x: X.\nx rebuts o")
    assert found(text, "W303") == []
    assert standing(load(text).map)["t"] is Standing.IN


# ---- I401 critical questions ------------------------------------------------------------------

QUESTIONS = textwrap.dedent("""
    thesis t: T.
    evidence e: E.
    t <- e
      scheme: sign
      answer 1: e{more}
""").lstrip("\n")


def test_i401_lists_the_open_questions_of_a_step() -> None:
    [finding] = found(QUESTIONS.format(more=""), "I401")
    assert finding.severity is Severity.INFO
    assert finding.subjects == ("t<-e",)
    assert finding.span == at(4, 11, 4, 15)
    assert "critical question 2 of 2 open" in finding.message
    assert finding.hint and "answer 2:" in finding.hint


def test_i401_spares_a_step_whose_questions_are_all_answered() -> None:
    assert found(QUESTIONS.format(more="\n  answer 2: e"), "I401") == []


# ---- W501, W502 the map's shape ---------------------------------------------------------------

STRAY = textwrap.dedent("""
    thesis t: T.
    evidence e: E.
    evidence stray: S.
    t <- e{more}
      scheme: sign
""").lstrip("\n")


def test_w501_flags_a_statement_linked_to_no_thesis() -> None:
    [finding] = found(STRAY.format(more=""), "W501")
    assert finding.subjects == ("stray",)
    assert finding.span == at(3, 10, 3, 15)


def test_w501_spares_a_linked_statement() -> None:
    assert found(STRAY.format(more=" + stray"), "W501") == []


def test_w502_flags_a_map_without_thesis_and_points_at_its_likely_thesis() -> None:
    text = "claim c: C.\nevidence e: E.\nc <- e\n  scheme: sign\n"
    [finding] = found(text, "W502")
    assert finding.subjects == ("c",)
    assert finding.span == at(1, 7, 1, 8)
    assert finding.hint and "'c' looks like it" in finding.hint
    assert found(text.replace("claim c", "thesis c"), "W502") == []


# ---- silencing, selection, the stage as a whole -----------------------------------------------


@pytest.mark.parametrize("allow", ["W101", "W1", "W"])
def test_allow_silences_a_finding_at_its_statement(allow: str) -> None:
    text = BARE_PREMISE.format(flags="", extra=f"\n  allow: {allow}")
    assert found(text, "W101") == []


def test_allow_on_the_step_silences_its_links_and_nothing_else() -> None:
    text = BARE_PREMISE.format(flags="", extra="").replace(
        "answer 2: e", "answer 2: e\n  allow: W101"
    )
    assert found(text, "W101") == []
    assert found(BARE_PREMISE.format(flags="", extra="\n  allow: W2"), "W101") != []


def test_the_analysis_runs_only_on_a_map_without_errors() -> None:
    loaded = argmap.parse("thesis t [may]: T.\nt <- missing\n")
    assert loaded.has_errors
    assert all(d.is_error for d in loaded.diagnostics)


def test_checks_are_an_ordered_immutable_tuple_that_can_be_subset() -> None:
    assert isinstance(CHECKS, tuple)
    loaded = load("thesis w [likely, may]: W.\n")
    only_hedges = analyse(loaded.map, [c for c in CHECKS if c.__module__.endswith("hedging")])
    assert {d.code for d in only_hedges.findings} == {"W201"}  # the vague word is part of it
    assert {f.finding.code for f in only_hedges.folded} == {"W202"}


def test_every_code_has_one_record_with_a_name_severity_words_and_tag() -> None:
    for code, entry in REGISTRY.items():
        assert entry.code == code
        expected = {"E": Severity.ERROR, "W": Severity.WARNING, "I": Severity.INFO}[code[0]]
        assert entry.severity is expected
        assert entry.title and entry.singular and entry.plural and entry.tag
        assert resolve(entry.name) == code
    names = [entry.name for entry in REGISTRY.values()]
    assert len(set(names)) == len(names)


def test_the_one_constructor_refuses_an_unknown_code() -> None:
    from argmap.codes import diagnostic

    assert diagnostic("W101", "m", None).severity is Severity.WARNING
    with pytest.raises(KeyError, match="W999"):
        diagnostic("W999", "m", None)


def test_findings_are_sorted_by_position() -> None:
    loaded = argmap.load("maps/north-korea-russia-us.argmap")
    positions = [(d.span.line, d.span.column) for d in loaded.diagnostics if d.span]
    assert positions == sorted(positions)
