"""Checks of the map's shape: statements connected to no thesis (W501), a map without a
thesis (W502)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.analysis.graph import rests_on
from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic, Span
from argmap.model import ArgumentMap, Attack, Conditional, Inference, Statement
from argmap.words import quoted

if TYPE_CHECKING:
    from argmap.analysis.facts import Facts


def _links(argument_map: ArgumentMap) -> list[tuple[str, str]]:
    """Pairs of statements that a relation joins, whatever its direction: a step's premises,
    warrant and answers with its conclusion, a conditional's condition, warrant and answers
    with its consequent, an attack's attacker with what it attacks (a statement, or the
    conclusion of a step, or the attacker of an attack), a granted point or a contradiction
    with the statement it bears on."""
    pairs: list[tuple[str, str]] = []
    steps: tuple[Inference | Conditional, ...] = (
        *argument_map.inferences,
        *argument_map.conditionals,
    )
    for step in steps:
        end = step.conclusion if isinstance(step, Inference) else step.consequent
        joined = [*rests_on(step), *step.answers.values()]
        pairs += [(end, other) for other in joined]
    for attack in argument_map.attacks:
        target = argument_map.by_id.get(attack.target)
        if isinstance(target, Statement):
            pairs.append((attack.attacker, target.id))
        elif isinstance(target, Inference):
            pairs.append((attack.attacker, target.conclusion))
        elif isinstance(target, Conditional):
            pairs.append((attack.attacker, target.consequent))
        elif isinstance(target, Attack):
            pairs.append((attack.attacker, target.attacker))
    return pairs


def _components(argument_map: ArgumentMap) -> dict[str, str]:
    """Each statement's component, named by a representative (union-find)."""
    parent = {s.id: s.id for s in argument_map.statements}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in _links(argument_map):
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    return {node: root(node) for node in parent}


def disconnected(facts: Facts) -> list[Diagnostic]:
    """W501: a statement that no chain of relations links to a thesis (in a map that has one)."""
    if not facts.map.theses:
        return []
    component = _components(facts.map)
    with_thesis = {component[t.id] for t in facts.map.theses}
    members: dict[str, list[str]] = {}
    for statement in facts.map.statements:
        members.setdefault(component[statement.id], []).append(statement.id)
    found: list[Diagnostic] = []
    for statement in facts.map.statements:
        group = component[statement.id]
        if group in with_thesis:
            continue
        others = [m for m in members[group] if m != statement.id]
        apart = (
            f"; with {quoted(others)} it forms an argument of its own"
            if others
            else "; nothing links it to the rest of the map"
        )
        found.append(
            diagnostic(
                "W501",
                f"'{statement.id}' is connected to no thesis{apart}",
                statement.id_span,
                "link it to the argument (as a premise of a step, or by an attack), make its "
                "conclusion a thesis if the essay argues for it, or leave it out",
                subjects=(statement.id,),
            )
        )
    return found


def _main_candidate(facts: Facts) -> Statement | None:
    """The statement that looks like the main conclusion: supported, used as no premise, with
    the most statements behind it."""
    graph = facts.graph
    roots = [
        s
        for s in facts.map.statements
        if graph.supporters_of(s.id) and s.id not in graph.premise_of
    ]
    if not roots:
        return None
    return max(roots, key=lambda s: len(graph.closure(s.id)))


def no_thesis(facts: Facts) -> list[Diagnostic]:
    """W502: the map names no thesis, so nothing says what the essay argues for."""
    if facts.map.theses:
        return []
    candidate = _main_candidate(facts)
    if candidate is not None:
        behind = len(facts.graph.closure(candidate.id)) - 1
        hint = (
            f"mark the essay's main conclusion as a thesis: '{candidate.id}' looks like it "
            f"(nothing rests on it and {behind} statement{'s lead' if behind != 1 else ' leads'} "
            f"to it): thesis {candidate.id}: ..."
        )
        span = candidate.id_span
    else:
        hint = "add the essay's main conclusion as 'thesis id: ...' and link the reasons to it"
        first = facts.map.statements[0].id_span if facts.map.statements else None
        span = first or Span(file=facts.map.path, line=1, column=1, end_line=1, end_column=1)
    return [
        diagnostic(
            "W502",
            "the map has no thesis: nothing says what the essay argues for",
            span,
            hint,
            subjects=(candidate.id,) if candidate else (),
        )
    ]
