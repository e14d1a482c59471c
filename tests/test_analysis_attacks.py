"""Standing under attack: the linear-time grounded labelling gives python-argumentation's
grounded extension on any framework, and the map's framework treats support as documented."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
    AbstractArgumentationFramework,
)
from py_arg.abstract_argumentation_classes.argument import Argument
from py_arg.abstract_argumentation_classes.defeat import Defeat
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
from strategies import examples

import argmap
from argmap import Standing
from argmap.analysis import attacks
from argmap.analysis.attacks import reading
from argmap.analysis.dung import grounded_labels
from argmap.analysis.facts import Facts


@st.composite
def frameworks(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str]]]:
    names = [f"a{i}" for i in range(draw(st.integers(1, 9)))]
    pairs = st.tuples(st.sampled_from(names), st.sampled_from(names))
    return names, draw(st.lists(pairs, max_size=20, unique=True))


def py_arg_labels(names: list[str], defeats: list[tuple[str, str]]) -> dict[str, Standing]:
    arguments = {name: Argument(name) for name in names}
    af = AbstractArgumentationFramework(
        "t", list(arguments.values()), [Defeat(arguments[a], arguments[b]) for a, b in defeats]
    )
    grounded = {a.name for a in get_grounded_extension(af)}
    labels = {}
    for name in names:
        if name in grounded:
            labels[name] = Standing.IN
        elif any(a in grounded for a, b in defeats if b == name):
            labels[name] = Standing.OUT
        else:
            labels[name] = Standing.UNDECIDED
    return labels


@settings(max_examples=examples(400), deadline=None)
@given(frameworks())
def test_grounded_labels_agree_with_py_arg(
    framework: tuple[list[str], list[tuple[str, str]]],
) -> None:
    names, defeats = framework
    assert grounded_labels(names, defeats) == py_arg_labels(names, defeats)


def standing_of(text: str) -> dict[str, Standing]:
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"))
    assert not loaded.has_errors
    return argmap.standing(loaded.map)


def test_a_conclusion_keeps_the_support_an_undercut_does_not_reach() -> None:
    labels = standing_of(
        """
        thesis t: T.
        evidence a: A.
        evidence b: B.
        evidence u: U.
        one: t <- a
          scheme: sign
        two: t <- b
          scheme: sign
        u undercuts one
        """
    )
    assert labels["t"] is Standing.IN  # 'two' still stands


def test_a_rebutted_premise_takes_its_steps_and_their_conclusions_down() -> None:
    labels = standing_of(
        """
        thesis t: T.
        claim c: C.
        evidence e: E.
        evidence o: O.
        c <- e
          scheme: sign
        t <- c
          scheme: sign
        o rebuts e
        """
    )
    assert (labels["e"], labels["c"], labels["t"]) == (Standing.OUT,) * 3


def test_an_established_statement_needs_no_step_to_stand() -> None:
    labels = standing_of(
        """
        thesis t: T.
          cite: A source
        evidence e: E.
        evidence u: U.
        s: t <- e
          scheme: sign
        u undercuts s
        """
    )
    assert labels["t"] is Standing.IN


def test_an_attack_on_an_attack_restores_its_target() -> None:
    labels = standing_of(
        """
        thesis t: T.
          cite: A source
        objection o: O.
        evidence r: R.
        o rebuts t
        r undercuts o-rebuts-t
        """
    )
    assert (labels["t"], labels["o"]) == (Standing.IN, Standing.IN)


def test_a_supposition_is_undecided_and_read_both_ways() -> None:
    text = "condition c: C.\nprediction p: P.\nif c then p\n"
    loaded = argmap.parse(text)
    labels = argmap.standing(loaded.map)
    assert (labels["c"], labels["p"]) == (Standing.UNDECIDED, Standing.UNDECIDED)
    view = reading(Facts(loaded.map), "p")
    assert view is not None and (view.preferred_in, view.preferred) == (1, 2)
    assert (view.stable_in, view.stable) == (1, 2)


# ---- the work done: once per attack, once per step --------------------------------------------


class Counted(tuple[Any, ...]):
    """A map's attacks or conditionals, counting how often they are gone through."""

    passes = 0

    def __iter__(self) -> Iterator[Any]:
        Counted.passes += 1
        return super().__iter__()


def test_sides_go_through_the_attacks_a_fixed_number_of_times() -> None:
    # answers to answers, written last first: the side of each is known only after the one
    # after it in the text (passes over every attack took one pass an answer)
    depth = 60
    lines = ["thesis t: T.", "evidence e: E.", "t <- e", "  scheme: sign"]
    lines += [f"objection o{n}: O{n}." for n in range(depth)]
    lines += [f"a{n}: o{n} undercuts a{n - 1}" for n in reversed(range(1, depth))]
    lines += ["a0: o0 rebuts t"]
    loaded = argmap.parse("\n".join(lines) + "\n")
    assert not loaded.has_errors
    counted = loaded.map.model_copy(update={"attacks": Counted(loaded.map.attacks)})
    Counted.passes = 0
    side = attacks.sides(Facts(counted))
    assert [side[f"a{n}"] for n in range(4)] == [False, True, False, True]
    assert Counted.passes <= 6  # a fixed number of passes, not one a step


def test_what_falls_with_a_statement_is_found_once_a_step() -> None:
    depth = 60
    lines = [
        "thesis c0: T.",
        "evidence e: E.",
        "evidence r: R.",
        *(f"claim c{n}: C{n}." for n in range(1, depth)),
    ]
    lines += [f"c{n} <- c{n + 1}\n  scheme: sign" for n in range(depth - 1)]
    lines += [f"c{depth - 1} <- e\n  scheme: sign", f"r rebuts c{depth - 1}", "if e then c0"]
    loaded = argmap.parse("\n".join(lines) + "\n")
    assert not loaded.has_errors
    counted = loaded.map.model_copy(update={"conditionals": Counted(loaded.map.conditionals)})
    Counted.passes = 0
    fallen = attacks._falls_with(Facts(counted), f"c{depth - 1}")
    assert fallen == [f"c{n}" for n in reversed(range(1, depth - 1))]
    assert Counted.passes <= 6  # a fixed number of passes, not one a step


def suppositions(count: int) -> str:
    """A prediction that holds if any of `count` suppositions does: a tangle of 4 × count + 2."""
    conditions = "".join(f"condition k{n}: K{n}.\n" for n in range(count))
    return conditions + "prediction p: P.\n" + "".join(f"if k{n} then p\n" for n in range(count))


def test_a_tangle_too_large_for_py_arg_is_left_without_readings() -> None:
    small = argmap.parse(suppositions(3)).map  # 14 arguments: 8 readings, p in 7
    view = reading(Facts(small), "p")
    assert view is not None and (view.preferred_in, view.preferred) == (7, 8)
    large = argmap.parse(suppositions(5)).map  # 22 arguments: py_arg took 6 s
    assert argmap.standing(large)["p"] is Standing.UNDECIDED
    assert reading(Facts(large), "p") is None


_ORDER = {Standing.OUT: 0, Standing.UNDECIDED: 1, Standing.IN: 2}


@st.composite
def contests(draw: st.DrawFn) -> str:
    """A thesis with support of some strength, and objections of some strength against it."""
    hedges = st.sampled_from(["", " [unlikely]", " [likely]", " [very likely]", " [may]"])
    sources = st.sampled_from(["", "\n  cite: A study"])
    lines = [f"thesis t{draw(hedges)}: T.", f"premise p{draw(hedges)}: P.{draw(sources)}"]
    lines += ["t <- p", "  scheme: sign"]
    for n in range(draw(st.integers(1, 3))):
        lines.append(f"objection o{n}{draw(hedges)}: O{n}.{draw(sources)}")
        lines.append(f"o{n} rebuts {draw(st.sampled_from(['t', 'p']))}")
    return "\n".join(lines) + "\n"


@settings(max_examples=examples(300), deadline=None)
@given(contests(), st.data())
def test_a_stronger_attacker_never_helps_its_target(text: str, data: st.DataObject) -> None:
    loaded = argmap.parse(text)
    assert not loaded.has_errors
    attack = data.draw(st.sampled_from(loaded.map.attacks))
    stronger = tuple(
        s.model_copy(update={"citation": "A study", "hedge": None})
        if s.id == attack.attacker
        else s
        for s in loaded.map.statements
    )
    grown = loaded.map.model_copy(update={"statements": stronger})
    before = argmap.standing(loaded.map)[attack.target]
    after = argmap.standing(grown)[attack.target]
    assert _ORDER[after] <= _ORDER[before]
