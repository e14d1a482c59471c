"""Whose reasoning each part of the drawing is, and what each attack does for whom.

The analysis says whose each element is (`Facts.side_of`: the author's, the other side's, the
coach's) and which side of the argument it stands on (`Facts.sides`); the drawing reads both:
the other side's and the coach's boxes carry a band that says so, and an attack is drawn by
its role (`AttackRole`): against the argument, the author's answer, a granted point, or a
contradiction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.analysis import Facts
from argmap.model import Attack, AttackKind, Side
from argmap.render.theme import AttackRole


@dataclass(frozen=True)
class Sides:
    """Each element's side (`Side.AUTHOR` where none is known), and the ids of the attacks
    made for the author's argument (its answers to the other side's and the coach's points)."""

    of: Mapping[str, Side] = field(default_factory=dict)
    for_the_author: frozenset[str] = frozenset()

    @classmethod
    def of_facts(cls, facts: Facts) -> Sides:
        side_of, stands_with = facts.side_of, facts.sides
        answers = frozenset(
            attack.id
            for attack in facts.map.attacks
            if stands_with.get(attack.id, True) and side_of.get(attack.id) is Side.AUTHOR
        )
        return cls(dict(side_of), answers)

    def side(self, element_id: str) -> Side:
        return self.of.get(element_id, Side.AUTHOR)

    def role(self, attack: Attack) -> AttackRole:
        """A granted point and a contradiction are what they are, whoever makes them; a
        rebuttal or an undercut is an answer when it is made for the author's argument (the
        analysis's rule for W302 and W304), else an attack on the argument."""
        if attack.kind is AttackKind.CONCESSION:
            return AttackRole.GRANTED
        if attack.kind is AttackKind.CONTRADICTION:
            return AttackRole.CONTRADICTS
        return AttackRole.ANSWER if attack.id in self.for_the_author else AttackRole.AGAINST


__all__ = ["Sides"]
