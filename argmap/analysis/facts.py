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
from argmap.model import ArgumentMap, Side


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
    def side_of(self) -> dict[str, Side]:
        """Whose reasoning each element is: a statement's written side, or, where none is
        written, the author's if it stands with the theses and the other side's if it stands
        against them (`sides`); a step is on its conclusion's side, an attack on its
        attacker's."""
        derived = self.sides
        found: dict[str, Side] = {}
        for statement in self.map.statements:
            if statement.side is not None:
                found.setdefault(statement.id, statement.side)
            else:
                found.setdefault(
                    statement.id, Side.AUTHOR if derived.get(statement.id, True) else Side.OTHER
                )
        steps: tuple[graph.Supporter, ...] = (*self.map.inferences, *self.map.conditionals)
        for step in steps:
            found.setdefault(step.id, found.get(graph.target_of(step), Side.AUTHOR))
        for attack in self.map.attacks:
            found.setdefault(attack.id, found.get(attack.attacker, Side.AUTHOR))
        return found

    @cached_property
    def questions(self) -> tuple[questions.StepQuestions, ...]:
        """Every step with its scheme's critical questions, in the order written."""
        return tuple(questions.critical_questions(self.map))

    @cached_property
    def weakest_paths(self) -> support.WeakestPaths:
        """Where the support of each step is limited (the overclaim check's paths)."""
        return support.WeakestPaths(self)
