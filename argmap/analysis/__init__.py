"""Stage 3: analysis. Finds the weak links of a well-formed map (one without errors), and
hands forward the facts behind them.

An ordered, immutable tuple of checks, `CHECKS`, each a plain function
`(Facts) -> list[Diagnostic]`, runs over the map's `Facts` (the support graph, the strength
calculus, the labelling under attack, the critical questions: each computed once, when first
needed). A finding is a diagnostic of severity warning or info whose `subjects` name the
statements, inferences, conditionals and attacks it concerns (the first is its anchor) and
whose `links` name the edges it concerns as (statement id, relation id) pairs.

- `analyse(map)`: an `Analysis`: the findings, sorted by position, less those the map
  silences with `allow:` (which it keeps apart), and the facts they were found from. The
  report and the renderer read it; they never run a check or a calculus of their own.
- `standing(map)`, `strengths(map)`, `critical_questions(map)`: one fact each, for a caller
  that wants only that.

The checks, one module a group: support.py (W1), hedging.py (W2), attacks.py (W3),
questions.py (I4), structure.py (W5). dung.py is the abstract argumentation they stand on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from argmap.analysis import attacks, impact
from argmap.analysis.attacks import (
    contradictions,
    defeated,
    objections_as_premises,
    unanswered_attacks,
    undecided,
    weak_answers,
)
from argmap.analysis.calculus import Strength, Strengths
from argmap.analysis.dung import Reading, Standing
from argmap.analysis.facts import Facts
from argmap.analysis.graph import Graph
from argmap.analysis.hedging import (
    likelihood_with_confidence,
    mixed_rows,
    stacked_hedges,
    vague_hedges,
)
from argmap.analysis.impact import Impact
from argmap.analysis.merge import Folded, fold
from argmap.analysis.questions import (
    StepQuestions,
    circular_answers,
    critical_questions,
    open_questions,
)
from argmap.analysis.structure import disconnected, no_thesis
from argmap.analysis.support import (
    circular_reasoning,
    overclaims,
    source_questions,
    uncited_evidence,
    unestablished_conditions,
    unexplained_steps,
    unsupported_conclusions,
    unsupported_links,
    weak_sources,
)
from argmap.codes import matches
from argmap.diagnostics import Diagnostic, sort_key
from argmap.model import ArgumentMap, Attack, Side

Check = Callable[[Facts], list[Diagnostic]]

CHECKS: tuple[Check, ...] = (
    unsupported_links,  # W101
    unexplained_steps,  # W102
    unsupported_conclusions,  # W103
    circular_reasoning,  # W104
    overclaims,  # W105
    unestablished_conditions,  # W106
    uncited_evidence,  # W107
    weak_sources,  # W108
    stacked_hedges,  # W201
    vague_hedges,  # W202
    mixed_rows,  # W203
    likelihood_with_confidence,  # W204
    defeated,  # W301
    unanswered_attacks,  # W302
    undecided,  # W303
    weak_answers,  # W304
    objections_as_premises,  # W305
    contradictions,  # W306
    open_questions,  # I401
    source_questions,  # I402
    circular_answers,  # W403
    disconnected,  # W501
    no_thesis,  # W502
)


def silenced(argument_map: ArgumentMap, found: Diagnostic) -> bool:
    """Whether the map silences a finding with `allow:` at its anchor (its first subject) or,
    for a finding about a link, at the step the link goes into."""
    anchors = list(found.subjects[:1]) + [relation for _statement, relation in found.links[:1]]
    for anchor in anchors:
        element = argument_map.by_id.get(anchor)
        if element is not None and matches(found.code, element.allow):
            return True
    return False


@dataclass(frozen=True, eq=False)
class Analysis:
    """What the analysis found in one map, and the facts it found it from.

    `findings` are reported (sorted by position); `silenced` are those the map's `allow:`
    silenced, kept so that a reader can tell "allowed" from "not found".
    """

    facts: Facts
    findings: tuple[Diagnostic, ...]
    silenced: tuple[Diagnostic, ...]
    folded: tuple[Folded, ...] = ()  # consequences reported inside their cause (merge.py)
    _impacts: dict[int, Impact] = field(default_factory=dict, repr=False, compare=False)

    @property
    def map(self) -> ArgumentMap:
        return self.facts.map

    @property
    def found(self) -> tuple[Diagnostic, ...]:
        """Everything found and not silenced: the findings, and the consequences folded into
        them (sorted by position)."""
        return tuple(sorted((*self.findings, *(f.finding for f in self.folded)), key=sort_key))

    @property
    def graph(self) -> Graph:
        return self.facts.graph

    @property
    def strengths(self) -> Strengths:
        return self.facts.strengths

    @property
    def labelling(self) -> attacks.Labelling:
        return self.facts.labelling

    @property
    def standing(self) -> dict[str, Standing]:
        return self.facts.standing

    @property
    def questions(self) -> tuple[StepQuestions, ...]:
        return self.facts.questions

    def reading(self, statement_id: str) -> Reading | None:
        """How an undecided statement fares across the preferred readings of its tangle."""
        return attacks.reading(self.facts, statement_id)

    def explain(self, statement_id: str) -> list[str]:
        """Why a statement is out or undecided, in W301's and W303's words."""
        return attacks.explain(self.facts, statement_id)

    def is_answered(self, attack: Attack) -> bool:
        """Whether the map answers an attack (W302's rule)."""
        return attacks.is_answered(self.facts, attack)

    def answered_fully(self, attack: Attack) -> bool:
        """Whether an answer meets the attack whole and is more than a bare assertion (W304)."""
        return attacks.is_answered_fully(self.facts, attack)

    def impact(self, finding: Diagnostic) -> Impact:
        """What a finding costs the theses, worked out when first asked for
        (argmap.analysis.impact)."""
        key = id(finding)
        if key not in self._impacts:
            own = impact.impact(self.facts, finding)
            # a cause costs what it costs, and what the consequences folded into it cost
            more = sum(
                impact.impact(self.facts, f.finding).cost for f in self.folded if f.into is finding
            )
            self._impacts[key] = Impact(own.cost + more, own.concerns)
        return self._impacts[key]

    def ranked(self, findings: Iterable[Diagnostic] | None = None) -> list[Diagnostic]:
        """The findings (or those given), what costs the theses most first; equal costs in
        the order written."""
        chosen = list(self.findings if findings is None else findings)
        return sorted(chosen, key=lambda d: (-round(self.impact(d).cost, 6), sort_key(d)))

    @cached_property
    def found_at(self) -> dict[str, frozenset[str]]:
        """Code -> the anchors of its findings, reported, folded into a cause, or silenced."""
        anchors: dict[str, set[str]] = {}
        for found in (*self.findings, *self.silenced, *(f.finding for f in self.folded)):
            if found.subjects:
                anchors.setdefault(found.code, set()).add(found.subjects[0])
        return {code: frozenset(ids) for code, ids in anchors.items()}


_AUTHORS_ONLY = ("W1", "W2", "I4", "W4")
"""Findings about the reasoning itself (support, hedges, a step's questions): they are weak
links of whoever reasons so, and only the author's are the author's (the other side's and the
coach's points count against the author when they go unanswered: W302, W304)."""


def about_the_author(facts: Facts, found: Diagnostic) -> bool:
    """Whether a finding concerns the author's reasoning (always, for a finding that is not
    about reasoning, or that names no element)."""
    if not found.code.startswith(_AUTHORS_ONLY) or not found.subjects:
        return True
    anchor = found.links[0][1] if found.links else found.subjects[0]
    return facts.side_of.get(anchor, Side.AUTHOR) is Side.AUTHOR


def analyse(argument_map: ArgumentMap, checks: Iterable[Check] = CHECKS) -> Analysis:
    """Every finding about a well-formed map, with the facts behind them. `checks` runs a
    subset (or another order) of `CHECKS`. Findings about the other side's reasoning are
    left out: they are not the author's weak links."""
    facts = Facts(argument_map)
    everything = (d for check in checks for d in check(facts))
    found = sorted((d for d in everything if about_the_author(facts, d)), key=sort_key)
    kept = [d for d in found if not silenced(argument_map, d)]
    quiet = tuple(d for d in found if silenced(argument_map, d))
    reported, folded = fold(kept, facts)
    return Analysis(facts, tuple(reported), quiet, tuple(folded))


def standing(argument_map: ArgumentMap) -> dict[str, Standing]:
    """Every statement's label under grounded semantics, by statement id."""
    return Facts(argument_map).standing


def strengths(argument_map: ArgumentMap) -> Strengths:
    """The strength calculus over a map (see calculus.py and docs/analysis.md)."""
    return Facts(argument_map).strengths


__all__ = [
    "CHECKS",
    "Analysis",
    "Check",
    "Facts",
    "Impact",
    "Reading",
    "Standing",
    "StepQuestions",
    "Strength",
    "Strengths",
    "analyse",
    "critical_questions",
    "silenced",
    "standing",
    "strengths",
]
