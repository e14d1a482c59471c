"""What each finding costs the thesis, so that findings can be ranked by what matters most.

A finding's *impact* is how much the theses would gain if it were mended: the rise of the
theses' strength (the calculus's lower bound) when the finding's cause is mended, plus what
their standing would gain (a defeated thesis standing again counts as much as full strength).
What mending means depends on the kind of finding:

- a statement the argument rests on that is not established (a bare premise, uncited evidence,
  a weak source, an unsupported conclusion, an unestablished condition): established;
- a step that gives less than its premises have (unexplained, or with open questions): given
  its premises' full strength;
- an attack that defeats, or leaves undecided, what the argument relies on: answered (removed);
- an overclaim: the gap between what the statement claims and what its support gives (the
  claim brought down to its support costs the thesis nothing, but the reader was told more than
  the essay shows);
- anything else (a vague hedge, a disconnected statement, an unanswered weak objection, an open
  question): a small fixed weight by its kind, so that it ranks below every finding that costs
  the thesis strength.

Impacts are worked out when first asked for (`Analysis.impact`), each by computing the calculus
once more with the cause mended, so `check` pays for them only with `--sort impact`. On a map of
more than ESTIMATE_ABOVE statements, where a calculus a finding would cost seconds in all, the
gain of mending a statement or a step is estimated instead: what the mended element lacks of
full strength, halved, if the theses rest on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.analysis.calculus import FULL, NOTHING, Strengths, strengths
from argmap.analysis.dung import Standing
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import ArgumentMap, Conditional, Inference

if TYPE_CHECKING:
    from argmap.analysis.facts import Facts

# What a finding with no counterfactual weighs, by the first letters of its code: below any
# finding that costs the thesis strength, in the order a coach would raise them.
_FIXED: dict[str, float] = {"W3": 0.04, "W5": 0.03, "W2": 0.02, "W1": 0.02, "W4": 0.02, "I": 0.0}
ESTIMATE_ABOVE = 300
_STANDING_GAIN = {Standing.OUT: 1.0, Standing.UNDECIDED: 0.5, Standing.IN: 0.0}


@dataclass(frozen=True)
class Impact:
    """What a finding costs the theses (0 and up), and what it concerns."""

    cost: float
    concerns: str  # "support", "step", "attack", "claim", "hedge", "shape" or "question"


def _concerns(code: str) -> str:
    if code in ("W102", "I401", "W403"):
        return "step" if code == "W102" else "question"
    if code == "W105":
        return "claim"
    return {"W1": "support", "W2": "hedge", "W3": "attack", "W5": "shape"}.get(code[:2], "other")


def _theses(argument_map: ArgumentMap) -> list[str]:
    return [t.id for t in argument_map.theses]


def _gain(before: Strengths, after: Strengths, theses: list[str]) -> float:
    return sum(
        max(0.0, after.has.get(t, NOTHING).low - before.has.get(t, NOTHING).low) for t in theses
    )


def _estimate(facts: Facts, element_id: str) -> float:
    """What mending an element would give, without computing the calculus again."""
    values = facts.strengths
    lacking = 1.0 - values.has.get(element_id, values.gives.get(element_id, FULL)).low
    element = facts.map.by_id.get(element_id)
    relied = facts.graph.relied_on
    if isinstance(element, Inference):
        rests = element.conclusion in relied
    elif isinstance(element, Conditional):
        rests = element.consequent in relied
    else:
        rests = element_id in relied
    return lacking * (0.5 if rests else 0.1)


def _mended_statement(facts: Facts, statement_id: str) -> float:
    statement = facts.map.statement(statement_id)
    if statement is None:
        return 0.0
    if len(facts.map.statements) > ESTIMATE_ABOVE:
        return _estimate(facts, statement_id)
    accepted = statement.model_copy(update={"accepted": True, "hedge": None})
    statements = tuple(accepted if s.id == statement_id else s for s in facts.map.statements)
    mended = facts.map.model_copy(update={"statements": statements})
    return _gain(facts.strengths, strengths(mended), _theses(facts.map))


def _mended_step(facts: Facts, step_id: str) -> float:
    """What the theses gain when a step passes on all its premises have (it says why it holds,
    and its questions are answered)."""
    if len(facts.map.statements) > ESTIMATE_ABOVE:
        return _estimate(facts, step_id)
    mended = strengths(facts.map, explained=frozenset({step_id}))
    return _gain(facts.strengths, mended, _theses(facts.map))


def impact(facts: Facts, finding: Diagnostic) -> Impact:
    """What mending a finding would give the theses (see the module's docstring)."""
    code = finding.code
    concerns = _concerns(code)
    anchor = finding.subjects[0] if finding.subjects else None
    if finding.severity is Severity.INFO or anchor is None:
        return Impact(_FIXED["I"] if finding.severity is Severity.INFO else 0.01, concerns)
    if code in ("W301", "W303"):
        gain = sum(_STANDING_GAIN[facts.standing.get(t, Standing.IN)] for t in _theses(facts.map))
        return Impact(max(gain, 0.5), concerns)
    if code == "W105":
        claim = facts.strengths.claims.get(anchor, FULL)
        support = facts.strengths.support(anchor) or NOTHING
        gap = max(0.0, claim.low - support.low)
        weight = 1.0 if anchor in _theses(facts.map) else 0.5
        return Impact(0.05 + gap * weight, concerns)
    if code in ("W101", "W107", "W108", "W103", "W106", "W104"):
        target = finding.links[0][0] if finding.links else anchor
        if code == "W106" and len(finding.subjects) > 1:
            target = finding.subjects[1]  # the condition
        return Impact(max(_mended_statement(facts, target), 0.01) + 0.05, concerns)
    if code == "W102":
        return Impact(max(_mended_step(facts, anchor), 0.01) + 0.05, concerns)
    return Impact(next((w for p, w in _FIXED.items() if code.startswith(p)), 0.01), concerns)
