"""The relations of two maps, compared through their units.

Every relation is one arrow from a statement: each premise of an inference to its conclusion
and a conditional's antecedent to its consequent (support); an attacker to the statement it
rebuts, or to the step it undercuts (attack). A step is compared by its conclusion and its
premises (for an attack that is undercut: the attacked statement and the attacker), since
steps have no quotes of their own to anchor them and their ids are the mapper's choice.

The categories are taken in this order, each one-to-one, what one takes being gone for the
next: agreed (same source, same target, same polarity), opposite polarity (same source and
target), reversed (same polarity, source and target swapped), elsewhere (same source and
polarity, another target); the rest of the key's are missed, of the other's added.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from argmap.compare.model import RelationPair, RelationRef, Relations
from argmap.model import ArgumentMap, AttackKind

UnitOf = Mapping[str, str]
"""A statement id of one map -> its unit's name, shared by the two maps for a matched unit."""

_MAX_NESTING = 64  # undercuts of undercuts; a cycle is a map error, never followed for ever


@dataclass(frozen=True)
class Relation:
    ref: RelationRef
    source: str  # a unit
    endpoint: str  # the unit pointed at: the target statement, or the step's conclusion
    step_premises: frozenset[str] | None = None  # None: the target is a statement

    @property
    def polarity(self) -> str:
        return self.ref.polarity


def relations_of(argument_map: ArgumentMap, unit_of: UnitOf) -> list[Relation]:
    """Every arrow of the map, in the order written: inferences, conditionals, attacks."""
    found: list[Relation] = []
    for inference in argument_map.inferences:
        for premise in inference.premises:
            ref = RelationRef(
                element=inference.id,
                named=inference.named,
                kind="inference",
                polarity="support",
                source=premise,
                target=inference.conclusion,
            )
            found.append(Relation(ref, unit_of[premise], unit_of[inference.conclusion]))
    for conditional in argument_map.conditionals:
        ref = RelationRef(
            element=conditional.id,
            named=conditional.named,
            kind="conditional",
            polarity="support",
            source=conditional.antecedent,
            target=conditional.consequent,
        )
        found.append(
            Relation(ref, unit_of[conditional.antecedent], unit_of[conditional.consequent])
        )
    for attack in argument_map.attacks:
        if attack.kind is AttackKind.REBUT:
            ref = RelationRef(
                element=attack.id,
                named=attack.named,
                kind="rebut",
                polarity="attack",
                source=attack.attacker,
                target=attack.target,
            )
            found.append(Relation(ref, unit_of[attack.attacker], unit_of[attack.target]))
            continue
        step = _step(argument_map, attack.target, unit_of)
        if step is None:  # an undercut of nothing: a map error, nothing to compare
            continue
        conclusion, premises, description = step
        ref = RelationRef(
            element=attack.id,
            named=attack.named,
            kind="undercut",
            polarity="attack",
            source=attack.attacker,
            target=attack.target,
            target_step=description,
        )
        found.append(Relation(ref, unit_of[attack.attacker], conclusion, premises))
    return found


def _step(
    argument_map: ArgumentMap, step_id: str, unit_of: UnitOf, depth: int = 0
) -> tuple[str, frozenset[str], str] | None:
    """A step's conclusion (a unit), premises (units) and how to write it."""
    inference = argument_map.inference(step_id)
    if inference is not None:
        premises = frozenset(unit_of[p] for p in inference.premises)
        written = f"{' + '.join(inference.premises)} -> {inference.conclusion}"
        return unit_of[inference.conclusion], premises, written
    attack = argument_map.attack(step_id)
    if attack is None or depth > _MAX_NESTING:
        return None
    written = f"{attack.attacker} {attack.kind.value}s {attack.target}"
    if attack.kind is AttackKind.REBUT:
        return unit_of[attack.target], frozenset({unit_of[attack.attacker]}), written
    inner = _step(argument_map, attack.target, unit_of, depth + 1)
    if inner is None:
        return None
    return inner[0], frozenset({unit_of[attack.attacker]}), written


def _same_target(first: Relation, second: Relation) -> bool:
    if first.endpoint != second.endpoint:
        return False
    if first.step_premises is None or second.step_premises is None:
        return first.step_premises is None and second.step_premises is None
    return bool(first.step_premises & second.step_premises)


def _agreed(k: Relation, o: Relation) -> bool:
    return k.polarity == o.polarity and k.source == o.source and _same_target(k, o)


def _opposite(k: Relation, o: Relation) -> bool:
    return k.polarity != o.polarity and k.source == o.source and k.endpoint == o.endpoint


def _reversed(k: Relation, o: Relation) -> bool:
    return k.polarity == o.polarity and k.source == o.endpoint and k.endpoint == o.source


def _elsewhere(k: Relation, o: Relation) -> bool:
    return k.polarity == o.polarity and k.source == o.source and not _same_target(k, o)


_CATEGORIES: tuple[tuple[str, Callable[[Relation, Relation], bool]], ...] = (
    ("agreed", _agreed),
    ("opposite", _opposite),
    ("reversed", _reversed),
    ("elsewhere", _elsewhere),
)


def compare_relations(key: Sequence[Relation], other: Sequence[Relation]) -> Relations:
    """The key's relations beside the other's, in the categories of the module's docstring."""
    key_left = list(key)
    other_left = list(other)
    paired: dict[str, list[RelationPair]] = {}
    for name, fits in _CATEGORIES:
        pairs: list[RelationPair] = []
        for k in list(key_left):
            partner = next((o for o in other_left if fits(k, o)), None)
            if partner is None:
                continue
            key_left.remove(k)
            other_left.remove(partner)
            pairs.append(RelationPair(key=k.ref, other=partner.ref))
        paired[name] = pairs
    return Relations(
        agreed=tuple(paired["agreed"]),
        opposite=tuple(paired["opposite"]),
        reversed=tuple(paired["reversed"]),
        elsewhere=tuple(paired["elsewhere"]),
        missed=tuple(k.ref for k in key_left),
        added=tuple(o.ref for o in other_left),
    )
