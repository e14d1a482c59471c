"""The strength calculus (argmap/analysis/calculus.py, docs/analysis.md): worked examples, and
properties that hold for any map: a conclusion never receives more than its weakest linked
premise has, and adding a support never lowers what any statement receives or has."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import examples

import argmap
from argmap.analysis import Facts
from argmap.analysis.calculus import (
    BARE,
    FULL,
    NOTHING,
    OPEN_QUESTIONS,
    Strength,
    Strengths,
    cap,
    noisy_or,
    strengths,
)
from argmap.analysis.graph import established_on_its_own
from argmap.model import (
    ArgumentMap,
    Conditional,
    Hedge,
    Inference,
    Statement,
    StatementKind,
)
from argmap.syntax.lower import qualifier_from_text

SPAN = argmap.Span(line=1, column=1, end_line=1, end_column=2)
HEDGES = [None, "likely", "very likely", "unlikely", "certainly", "may", "70%", "60-80%"]
HEDGES += ["likely, may", "probable", "high confidence"]
KINDS = [
    StatementKind.PREMISE,
    StatementKind.EVIDENCE,
    StatementKind.CLAIM,
    StatementKind.CONDITION,
    StatementKind.ASSUMPTION,
    StatementKind.THESIS,
]


def hedge(text: str | None) -> Hedge | None:
    if text is None:
        return None
    qualifiers = tuple(qualifier_from_text(word.strip()) for word in text.split(","))
    return Hedge(qualifiers=qualifiers, span=SPAN)


@st.composite
def statements(draw: st.DrawFn, count: int) -> tuple[Statement, ...]:
    made = []
    for index in range(count):
        kind = draw(st.sampled_from(KINDS))
        acceptable = kind in {StatementKind.PREMISE, StatementKind.ASSUMPTION}
        made.append(
            Statement(
                id=f"s{index}",
                kind=kind,
                text="...",
                hedge=hedge(draw(st.sampled_from(HEDGES))),
                citation=draw(st.sampled_from([None, None, "a source"])),
                accepted=acceptable and draw(st.booleans()),
                span=SPAN,
                id_span=SPAN,
            )
        )
    return tuple(made)


@st.composite
def inference(draw: st.DrawFn, count: int, name: str) -> Inference:
    conclusion = draw(st.integers(0, count - 1))
    others = [i for i in range(count) if i != conclusion]
    premises = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
    return Inference(
        id=name,
        premises=tuple(f"s{i}" for i in premises),
        conclusion=f"s{conclusion}",
        hedge=hedge(draw(st.sampled_from([None, None, "likely", "very likely", "may"]))),
        span=SPAN,
        premise_spans=tuple(SPAN for _ in premises),
        conclusion_span=SPAN,
    )


@st.composite
def conditional(draw: st.DrawFn, count: int, name: str) -> Conditional:
    antecedent, consequent = draw(
        st.lists(st.integers(0, count - 1), min_size=2, max_size=2, unique=True)
    )
    return Conditional(
        id=name,
        antecedent=f"s{antecedent}",
        consequent=f"s{consequent}",
        span=SPAN,
        antecedent_span=SPAN,
        consequent_span=SPAN,
    )


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    count = draw(st.integers(2, 7))
    steps = draw(st.integers(0, 6))
    ifs = draw(st.integers(0, 2))
    return ArgumentMap(
        statements=draw(statements(count)),
        inferences=tuple(draw(inference(count, f"i{n}")) for n in range(steps)),
        conditionals=tuple(draw(conditional(count, f"c{n}")) for n in range(ifs)),
    )


def weakest(values: list[Strength]) -> Strength:
    result = FULL
    for value in values:
        result = result.meet(value)
    return result


@settings(max_examples=examples(300), deadline=None)
@given(maps())
def test_a_step_never_gives_more_than_its_weakest_linked_premise_has(
    argument_map: ArgumentMap,
) -> None:
    values = strengths(argument_map)
    for step in argument_map.inferences:
        given_ = values.gives[step.id]
        for premise in step.premises:
            assert given_.within(values.has[premise])
    for statement in argument_map.statements:
        steps = [i for i in argument_map.inferences if i.conclusion == statement.id]
        ifs = [c for c in argument_map.conditionals if c.consequent == statement.id]
        if len(steps) == 1 and not ifs:
            limit = weakest([values.has[p] for p in steps[0].premises])
            assert values.received[statement.id].within(limit)


def is_bare(argument_map: ArgumentMap, statement: Statement) -> bool:
    supported = any(i.conclusion == statement.id for i in argument_map.inferences) or any(
        c.consequent == statement.id for c in argument_map.conditionals
    )
    return not supported and not established_on_its_own(statement)


def with_support(
    argument_map: ArgumentMap, data: st.DataObject, bare: bool | None = None
) -> tuple[ArgumentMap, str]:
    """The map with one more inference, drawn at random, and the statement it supports: a
    bare assertion (`bare`), one that is not (not `bare`), or any statement."""
    targets = [
        s.id for s in argument_map.statements if bare is None or is_bare(argument_map, s) is bare
    ]
    assume(targets)
    target = data.draw(st.sampled_from(targets))
    # an independent reason: no premise rests, through support, on the target itself (a
    # reason that does is circular, and counts only as the best of the circle's)
    graph = Facts(argument_map).graph
    others = [
        s.id
        for s in argument_map.statements
        if s.id != target and target not in graph.closure(s.id)
    ]
    assume(others)
    premises = data.draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
    extra = Inference(
        id="added",
        premises=tuple(premises),
        conclusion=target,
        hedge=hedge(data.draw(st.sampled_from([None, None, "likely", "very likely", "may"]))),
        span=SPAN,
        premise_spans=tuple(SPAN for _ in premises),
        conclusion_span=SPAN,
    )
    grown = argument_map.model_copy(update={"inferences": (*argument_map.inferences, extra)})
    return grown, target


def never_lowered(before: Strengths, after: Strengths, argument_map: ArgumentMap) -> None:
    for statement in argument_map.statements:
        old = before.received.get(statement.id, NOTHING)
        assert old.within(after.received.get(statement.id, NOTHING))
        assert before.has[statement.id].within(after.has[statement.id])


@settings(max_examples=examples(300), deadline=None)
@given(maps(), st.data())
def test_adding_a_support_never_lowers_what_its_statement_receives(
    argument_map: ArgumentMap, data: st.DataObject
) -> None:
    grown, target = with_support(argument_map, data)
    old = strengths(argument_map).received.get(target, NOTHING)
    assert old.within(strengths(grown).received[target])


@settings(max_examples=examples(300), deadline=None)
@given(maps(), st.data())
def test_more_support_for_a_supported_statement_never_lowers_anything(
    argument_map: ArgumentMap, data: st.DataObject
) -> None:
    grown, _target = with_support(argument_map, data, bare=False)
    never_lowered(strengths(argument_map), strengths(grown), argument_map)


@settings(max_examples=examples(300), deadline=None)
@given(maps(), st.data())
def test_the_first_support_of_a_bare_assertion_replaces_the_authors_word(
    argument_map: ArgumentMap, data: st.DataObject
) -> None:
    # A bare assertion counts as likely (BARE); once something supports it, it has what that
    # support gives, no more: so the first support lowers nothing when it gives at least
    # likely, and when it gives less, that weaker link is what the calculus must show.
    grown, target = with_support(argument_map, data, bare=True)
    before, after = strengths(argument_map), strengths(grown)
    statement = grown.statement(target)
    assert statement is not None
    assert after.has[target] == cap(statement.hedge).meet(after.received[target])
    if BARE.within(after.received[target]):
        never_lowered(before, after, argument_map)


@settings(max_examples=examples(200), deadline=None)
@given(maps())
def test_strengths_are_probability_ranges(argument_map: ArgumentMap) -> None:
    values = strengths(argument_map)
    for value in [*values.has.values(), *values.received.values(), *values.gives.values()]:
        assert 0.0 <= value.low <= value.high <= 1.0


def run(text: str) -> argmap.Loaded:
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"))
    assert not loaded.has_errors
    return loaded


def test_the_worked_example_of_the_docs() -> None:
    loaded = run(
        """
        thesis dire: The alliance has dire implications.
        evidence strike: The US bombed a Russian ally.
          cite: News, 2017
        claim tense: Relations are increasingly tense.
        premise analysts: Some analysts call relations a post-Cold War low.
        condition worse: Relations become even more contentious.
        prediction obstruct [certainly]: Russia will obstruct Washington.
        prediction punish [likely]: Putin will punish the West.
        tense <- strike
          scheme: cause-to-effect
        worse <- tense + analysts
          scheme: sign
        if worse then obstruct
        dire <- obstruct
          scheme: cause-to-effect
        dire <- punish
          scheme: cause-to-effect
        """
    )
    values = strengths(loaded.map)
    assert values.has["strike"] == FULL  # evidence with a source
    assert values.has["analysts"] == BARE  # the author's word alone: "likely"
    assert values.has["tense"] == OPEN_QUESTIONS  # evidence, through a step with open questions
    # linked: both are needed, so together no surer than their product, 44–64 %
    assert close(values.received["worse"], Strength(0.80 * 0.55, 0.95 * 0.80))
    assert close(values.has["obstruct"], Strength(0.44, 0.76))  # the condition's, no more
    assert values.has["punish"] == BARE  # bare, capped by "likely"
    # two independent reasons accumulate: 1 − (1 − x)(1 − y), bound by bound
    each = [values.has["obstruct"].meet(OPEN_QUESTIONS), BARE.meet(OPEN_QUESTIONS)]
    assert close(values.received["dire"], noisy_or(each))
    assert loaded.analysis is not None
    overclaims = {d.subjects[0]: d for d in loaded.analysis.found if d.code == "W105"}
    assert set(overclaims) == {"obstruct", "dire"}  # tense has very likely, as flatly stated
    assert "only 44–76 %" in overclaims["obstruct"].message
    assert "stated flatly" in overclaims["dire"].message


def close(a: Strength, b: Strength) -> bool:
    return abs(a.low - b.low) < 1e-9 and abs(a.high - b.high) < 1e-9


def test_two_independent_likely_reasons_carry_very_likely() -> None:
    loaded = run(
        """
        thesis t [very likely]: T.
        premise a [likely]: A.
          cite: A survey
        premise b [likely]: B.
          cite: Another survey
        t <- a
          warrant: rule
        t <- b
          warrant: rule
        premise rule [accepted]: The rule.
        """
    )
    assert [d.code for d in loaded.diagnostics if d.code == "W105"] == []
    assert close(strengths(loaded.map).received["t"], noisy_or([BARE, BARE]))


def test_three_likely_premises_all_needed_do_not_give_likely() -> None:
    loaded = run(
        """
        thesis t [likely]: T.
        premise a [likely]: A.
          cite: One
        premise b [likely]: B.
          cite: Two
        premise c [likely]: C.
          cite: Three
        t <- a + b + c
          warrant: rule
        premise rule [accepted]: The rule.
        """
    )
    [finding] = [d for d in loaded.diagnostics if d.code == "W105"]
    assert "needs all of 'a' (55–80 %), 'b' (55–80 %) and 'c' (55–80 %)" in finding.message


def test_a_circle_adds_nothing() -> None:
    loaded = run(
        """
        thesis a: A.
        claim b: B.
        a <- b
          scheme: sign
        b <- a
          scheme: sign
        """
    )
    values = strengths(loaded.map)
    # each rests only on the other, so each has what the circle gives: nothing
    assert values.has["a"] == NOTHING and values.has["b"] == NOTHING


def test_the_caps_of_hedges() -> None:
    assert cap(None) == FULL
    assert cap(hedge("likely")) == Strength(0.55, 0.80)
    assert cap(hedge("may")) == Strength(0.30, 0.51)  # vague: at what readers hear
    low = cap(hedge("likely, very likely"))
    assert abs(low.low - 0.44) < 1e-9 and abs(low.high - 0.76) < 1e-9  # stacked: multiplied
    assert cap(hedge("high confidence")) == FULL  # confidence is not a probability


def test_a_step_hedge_caps_what_it_gives() -> None:
    loaded = run(
        """
        thesis t [very likely]: T.
        evidence e: E.
          cite: A study
        s: t <- e
          scheme: sign
          hedge: likely
        """
    )
    assert strengths(loaded.map).gives["s"] == Strength(0.55, 0.80)
    [finding] = [d for d in loaded.diagnostics if d.code == "W105"]
    assert "the step itself is hedged likely" in finding.message


# ---- the work list: the least fixed point, computed once per change ---------------------------


def reference(argument_map: ArgumentMap) -> dict[str, Strength]:
    """The equations of docs/analysis.md solved the plain way: every statement and every
    supporter re-evaluated in rounds, from the least values up, until nothing changes. A
    supporter is circular when one of its grounds depends, through support, on its target."""
    from argmap.analysis.calculus import base, source_strength, step_cap
    from argmap.analysis.graph import rests_on, target_of

    statements = {s.id: s for s in argument_map.statements}
    supporters = [*argument_map.inferences, *argument_map.conditionals]
    supported = {target_of(x) for x in supporters}
    settled = {sid for sid, s in statements.items() if source_strength(s) == FULL}
    depends: dict[str, set[str]] = {}  # statement -> what its value depends on
    for x in supporters:
        if target_of(x) not in settled:
            depends.setdefault(target_of(x), set()).update(rests_on(x))

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                todo.extend(depends.get(node, ()))
        return False

    bases = {sid: base(s, sid in supported) for sid, s in statements.items()}
    has = {sid: cap(s.hedge).meet(bases[sid]) for sid, s in statements.items()}
    for _round in range(200):
        independent: dict[str, list[Strength]] = {}
        inside: dict[str, Strength] = {}
        for x in supporters:
            given = FULL
            for ground in rests_on(x):
                given = given.times(has.get(ground, NOTHING))
            given = given.meet(step_cap(x))
            target = target_of(x)
            if any(reaches(g, target) for g in rests_on(x)):
                inside[target] = inside.get(target, NOTHING).join(given)
            else:
                independent.setdefault(target, []).append(given)
        updated = {}
        for sid, s in statements.items():
            got = noisy_or(independent.get(sid, [])).join(inside.get(sid, NOTHING))
            updated[sid] = cap(s.hedge).meet(bases[sid].join(got))
        if all(close(updated[k], has[k]) for k in has):
            return has
        has = updated
    return has


@settings(max_examples=examples(300), deadline=None)
@given(maps())
def test_the_work_list_finds_the_least_fixed_point(argument_map: ArgumentMap) -> None:
    found, expected = strengths(argument_map).has, reference(argument_map)
    assert set(found) == set(expected)
    for sid, value in found.items():
        assert abs(value.low - expected[sid].low) < 1e-6, sid
        assert abs(value.high - expected[sid].high) < 1e-6, sid


def chain(steps: int, top_down: bool) -> ArgumentMap:
    """s0 <- s1 <- ... <- s{steps}, the evidence; the steps written top down or bottom up."""
    lines = [f"claim s{n}: S{n}." for n in range(steps)]
    lines += [f"evidence s{steps}: E.\n  cite: A study"]
    order = range(steps) if top_down else reversed(range(steps))
    lines += [f"s{n} <- s{n + 1}\n  scheme: sign" for n in order]
    return run("\n".join(lines) + "\n").map


@pytest.mark.parametrize("top_down", [True, False])
def test_a_chain_is_evaluated_once_a_step(top_down: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.analysis import calculus

    argument_map = chain(400, top_down)
    calls = 0
    real = calculus._gives

    def counted(*args: Any) -> Strength:
        nonlocal calls
        calls += 1
        return real(*args)

    monkeypatch.setattr(calculus, "_gives", counted)
    values = calculus.strengths(argument_map)
    assert values.has["s0"] == OPEN_QUESTIONS  # the sign's questions are open all the way up
    assert calls <= 2 * 400  # rounds over every step took 400 × 400


# ---- chains: a weak link anywhere down limits everything above it -----------------------------


def test_a_weak_link_down_a_chain_limits_the_conclusion() -> None:
    for claimed_as in ("very likely", "likely"):
        loaded = run(
            f"""
            thesis d [{claimed_as}]: D.
            claim c: C.
            premise p [unlikely]: P.
              cite: A source
            d <- c
              scheme: sign
            c <- p
              scheme: sign
            """
        )
        values = strengths(loaded.map)
        assert values.has["p"] == values.has["c"] == Strength(0.20, 0.45)
        [overclaim] = [d for d in loaded.diagnostics if d.code == "W105" and d.subjects[0] == "d"]
        assert "gives only 20–45 %" in overclaim.message
        assert "which rests on 'p', hedged unlikely" in overclaim.message
        assert overclaim.subjects == ("d", "d<-c", "c", "p")
        assert overclaim.links == (("p", "c<-p"),)  # the link where the support gives out
        assert "strengthen 'p'" in (overclaim.hint or "")


@st.composite
def chains(draw: st.DrawFn) -> ArgumentMap:
    """s0 <- s1 <- ... <- sN: statements of any kind and hedge, steps with or without one."""
    length = draw(st.integers(1, 40))
    made = draw(statements(length + 1))
    steps = []
    for n in range(length):
        step = draw(inference(length + 1, f"i{n}"))
        steps.append(
            step.model_copy(
                update={"premises": (f"s{n + 1}",), "conclusion": f"s{n}", "premise_spans": (SPAN,)}
            )
        )
    return ArgumentMap(statements=made, inferences=tuple(reversed(steps)))


@settings(max_examples=examples(300), deadline=None)
@given(chains())
def test_a_chain_passes_up_no_more_than_its_weakest_link(argument_map: ArgumentMap) -> None:
    from argmap.analysis.calculus import base, step_cap

    values = strengths(argument_map)
    chain = list(argument_map.statements)
    step_into = {i.conclusion: i for i in argument_map.inferences}
    # bottom up, by the equations: the bottom has its own word, each other statement what the
    # step from the one below gives (within the step's cap), unless it is established
    expected = {chain[-1].id: cap(chain[-1].hedge).meet(base(chain[-1]))}
    for statement, below in zip(reversed(chain[:-1]), reversed(chain[1:]), strict=True):
        own = base(statement, supported=True)
        step = step_into[statement.id]
        given_ = step_cap(step).meet(expected[below.id])
        expected[statement.id] = cap(statement.hedge).meet(own.join(given_))
    for sid, value in values.has.items():
        assert close(value, expected[sid]), sid


@settings(max_examples=examples(300), deadline=None)
@given(maps(), st.data())
def test_a_stronger_premise_never_weakens_what_it_supports(
    argument_map: ArgumentMap, data: st.DataObject
) -> None:
    # made stronger: established on its own (accepted), its hedge kept as a cap
    target = data.draw(st.sampled_from([s.id for s in argument_map.statements]))
    stronger = tuple(
        s.model_copy(update={"accepted": True}) if s.id == target else s
        for s in argument_map.statements
    )
    grown = argument_map.model_copy(update={"statements": stronger})
    before, after = strengths(argument_map), strengths(grown)
    for statement in argument_map.statements:
        assert before.has[statement.id].within(after.has[statement.id]), statement.id
