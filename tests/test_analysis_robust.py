"""Any well-formed map, however tangled (circles, attacks on attacks, suppositions), can be
analysed and reported on without an exception, and every finding names what it concerns; and
any map `argmap.parse` returns, errors and all, is analysed, reported and drawn without one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples
from test_calculus import SPAN, maps

import argmap
from argmap.analysis import CHECKS, analyse, standing
from argmap.codes import REGISTRY as CODES
from argmap.model import ArgumentMap, Attack, AttackKind
from argmap.report import build_report, format_json, format_markdown, format_text


@st.composite
def attacked_maps(draw: st.DrawFn) -> ArgumentMap:
    base = draw(maps())
    statements = [s.id for s in base.statements]
    steps = [i.id for i in base.inferences]
    attacks: list[Attack] = []
    for index in range(draw(st.integers(0, 5))):
        targets = statements + steps + [a.id for a in attacks]
        target = draw(st.sampled_from(targets))
        kind = AttackKind.REBUT if target in statements else AttackKind.UNDERCUT
        attacker = draw(st.sampled_from([s for s in statements if s != target]))
        attacks.append(
            Attack(
                id=f"a{index}",
                kind=kind,
                attacker=attacker,
                target=target,
                span=SPAN,
                attacker_span=SPAN,
                target_span=SPAN,
            )
        )
    return base.model_copy(update={"attacks": tuple(attacks)})


@settings(max_examples=examples(200), deadline=None)
@given(attacked_maps())
def test_any_map_is_analysed_and_reported(argument_map: ArgumentMap) -> None:
    findings = analyse(argument_map).findings
    ids = set(argument_map.by_id)
    for finding in findings:
        assert finding.code in CODES and not finding.is_error
        assert set(finding.subjects) <= ids
        assert all(a in ids and b in ids for a, b in finding.links)
    assert set(standing(argument_map)) == {s.id for s in argument_map.statements}
    report = build_report(argument_map, findings)
    assert format_text(report) and format_markdown(report)
    checked = {c for c, e in CODES.items() if e.is_finding and e.command == "check"}
    assert len(CHECKS) == len(checked)


# ---- any map `argmap.parse` returns, errors and all ----------------------------------------------

# Statements, attributes and relations over a few ids, some defined twice, some never ('gone'),
# relations aimed at the wrong kind of element (an undercut of a statement, a rebuttal of a
# step, a premise that is a step) and steps without premises: a soup of them is a map with
# errors more often than not.
MAP_FRAGMENTS = st.sampled_from(
    [
        "thesis t: T.",
        "thesis t [certainly]: T.",
        "claim c [very likely]: C.",
        "claim c: C again.",
        "premise p [unlikely]: P.",
        "premise a [accepted]: A.",
        "evidence e: E.",
        "condition k: K.",
        "objection o [likely, may]: O.",
        "prediction s: A statement named like a step.",
        "  cite: a source",
        "  warrant: w",
        "  warrant: a",
        "  scheme: sign",
        "  hedge: likely",
        "  allow: W1",
        "  answer 1: e",
        "t <- c",
        "c <- p + e",
        "s: c <- a",
        "s: t <- e",
        "t <- gone",
        "t <-",
        "s: c <-",
        "c <- t",
        "c <- s",
        "n: t <- c + k",
        "if k then c",
        "if gone then t",
        "if c then k",
        "o rebuts c",
        "o undercuts s",
        "o undercuts n",
        "o undercuts t",
        "e rebuts s",
        "e rebuts gone",
        "gone rebuts t",
        "e undercuts o-undercuts-s",
        "k undercuts o-rebuts-c",
        "c undercuts if-k-then-c",
        "o rebuts o",
    ]
)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(MAP_FRAGMENTS, max_size=16).map("\n".join))
def test_any_parsed_map_is_analysed_reported_and_drawn(text: str) -> None:
    argument_map = argmap.parse(text).map
    findings = argmap.analyse(argument_map).findings
    assert all(not finding.is_error for finding in findings)
    assert set(argmap.standing(argument_map)) == {s.id for s in argument_map.statements}
    report = argmap.build_report(argument_map)
    assert format_text(report) and format_markdown(report) and format_json(report)
    assert argmap.render_map(argument_map, argmap.RenderOptions(format="dot"))


@pytest.mark.parametrize(
    "text",
    [
        "thesis t: T.\nt <- e\n",  # a premise that does not exist
        "thesis t: T.\nevidence e: E.\ne undercuts t\n",  # an undercut aimed at a statement
        "thesis t: T.\nevidence e: E.\ns: t <- e\n  scheme: sign\ne rebuts s\n",  # a rebutted step
        "thesis t: T.\nevidence e: E.\nt <- e\n  warrant: w\nif x then t\n",  # warrant, condition
        "thesis t: T.\nevidence e: E.\ngone rebuts t\ne rebuts gone\n",  # attacker, target
    ],
)
def test_a_map_with_dangling_references_is_analysed(text: str) -> None:
    loaded = argmap.parse(text)
    assert loaded.has_errors
    argument_map = loaded.map
    assert argmap.standing(argument_map)["t"] is not None
    argmap.analyse(argument_map)
    argmap.build_report(argument_map)
    assert argmap.render_map(argument_map, argmap.RenderOptions(format="dot"))
