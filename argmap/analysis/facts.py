"""The facts the analysis establishes about one map, each computed once, when first needed.

The checks share them (the support graph, the strength calculus, the labelling under attack,
the readings of undecided tangles, the critical questions, the sides), and `Analysis` hands
them forward with the findings, so that the report and the renderer read what the analysis
found instead of working it out again. A `Facts` belongs to one map object; nothing is kept
between maps (there is no module-level memo).
"""

from __future__ import annotations

from functools import cached_property

from argmap.analysis import attacks, calculus, graph, questions, support
from argmap.analysis.dung import Readings, Standing
from argmap.model import ArgumentMap


class Facts:
    """What the analysis knows about `map`; each property is computed on first use."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.map = argument_map

    @cached_property
    def graph(self) -> graph.Graph:
        """What supports what, what attacks what, and what the theses rest on."""
        return graph.build(self.map)

    @cached_property
    def strengths(self) -> calculus.Strengths:
        """The strength calculus: what each statement has and each step gives."""
        return calculus.strengths(self.map)

    @cached_property
    def labelling(self) -> attacks.Labelling:
        """Every statement, step and attack labelled in, out or undecided (grounded)."""
        return attacks.label(self)

    @cached_property
    def standing(self) -> dict[str, Standing]:
        """Every statement's label, by id."""
        return attacks.standing(self)

    @cached_property
    def readings(self) -> Readings:
        """The preferred and stable readings of the undecided tangles, solved on demand."""
        return attacks.statement_readings(self.labelling)

    @cached_property
    def sides(self) -> dict[str, bool]:
        """Which side each element is on: True for the argument, False against it."""
        return attacks.sides(self)

    @cached_property
    def questions(self) -> tuple[questions.StepQuestions, ...]:
        """Every step with its scheme's critical questions, in the order written."""
        return tuple(questions.critical_questions(self.map))

    @cached_property
    def weakest_paths(self) -> support.WeakestPaths:
        """Where the support of each step is limited (the overclaim check's paths)."""
        return support.WeakestPaths(self)
