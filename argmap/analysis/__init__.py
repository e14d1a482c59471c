"""Stage 3: analysis. Finds the weak links of a well-formed map (one without errors).

An ordered, immutable tuple of checks, `CHECKS`, each a plain function
`(ArgumentMap) -> list[Diagnostic]`, runs over the map. A finding is a diagnostic of severity
warning or info whose `subjects` name the statements, inferences, conditionals and attacks it
concerns (the first is its anchor) and whose `links` name the edges it concerns as
(statement id, relation id) pairs, so that the renderer can flag them.

- `analyse(map)`: every finding, sorted by position, less those the map silences with `allow:`.
- `standing(map)`: every statement's label under grounded semantics (`Standing`).
- `strengths(map)`: the strength calculus (see calculus.py and docs/analysis.md).

The checks, one module a group: support.py (W1), hedging.py (W2), attacks.py (W3),
questions.py (I4), structure.py (W5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from argmap.analysis.attacks import (
    Standing,
    defeated,
    labelling,
    readings,
    standing,
    unanswered_attacks,
    undecided,
)
from argmap.analysis.calculus import Strength, Strengths, strengths
from argmap.analysis.hedging import (
    likelihood_with_confidence,
    mixed_rows,
    stacked_hedges,
    vague_hedges,
)
from argmap.analysis.questions import StepQuestions, critical_questions, open_questions
from argmap.analysis.structure import disconnected, no_thesis
from argmap.analysis.support import (
    circular_reasoning,
    overclaims,
    unestablished_conditions,
    unexplained_steps,
    unsupported_conclusions,
    unsupported_links,
)
from argmap.codes import matches
from argmap.diagnostics import Diagnostic, sort_key
from argmap.model import ArgumentMap

Check = Callable[[ArgumentMap], list[Diagnostic]]

CHECKS: tuple[Check, ...] = (
    unsupported_links,  # W101
    unexplained_steps,  # W102
    unsupported_conclusions,  # W103
    circular_reasoning,  # W104
    overclaims,  # W105
    unestablished_conditions,  # W106
    stacked_hedges,  # W201
    vague_hedges,  # W202
    mixed_rows,  # W203
    likelihood_with_confidence,  # W204
    defeated,  # W301
    unanswered_attacks,  # W302
    undecided,  # W303
    open_questions,  # I401
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


def analyse(argument_map: ArgumentMap, checks: Iterable[Check] = CHECKS) -> list[Diagnostic]:
    """Every finding about a well-formed map, sorted by position; those silenced by `allow:`
    are left out. `checks` runs a subset (or another order) of `CHECKS`."""
    found = [diagnostic for check in checks for diagnostic in check(argument_map)]
    return sorted((d for d in found if not silenced(argument_map, d)), key=sort_key)


__all__ = [
    "CHECKS",
    "Check",
    "Standing",
    "StepQuestions",
    "Strength",
    "Strengths",
    "analyse",
    "critical_questions",
    "labelling",
    "readings",
    "silenced",
    "standing",
    "strengths",
]
