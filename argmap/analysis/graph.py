"""The support structure every check reads: what supports what, what stands on its own, what
the argument relies on, and the helpers the checks share.

A *supporter* of a statement is an inference into it or a conditional into it ("if a then b"
supports b with a). A statement is *established on its own* when it is evidence, cites a
source, or is marked [accepted]; it is *bare* when it is neither established nor supported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from argmap.diagnostics import Span
from argmap.model import (
    ArgumentMap,
    Attack,
    Conditional,
    Inference,
    Statement,
    StatementKind,
)

Supporter = Inference | Conditional

CONCLUSION_KINDS = frozenset({StatementKind.THESIS, StatementKind.CLAIM, StatementKind.PREDICTION})


def grounds(supporter: Supporter) -> tuple[str, ...]:
    """The statements whose strength a step passes on: an inference's premises, a
    conditional's condition. (A warrant licenses the step but passes on no strength of its
    own in the calculus: see `rests_on`.)"""
    if isinstance(supporter, Inference):
        return supporter.premises
    return (supporter.antecedent,)


def rests_on(supporter: Supporter) -> tuple[str, ...]:
    """What a step rests on, the one definition every check uses: an inference's premises and
    its warrant (the step stands only if its warrant does), a conditional's condition (and its
    warrant, when it has one). A step
    falls with any of these, and what it concludes rests on all of them (W104, W301, the
    closure of a thesis)."""
    warrant = (supporter.warrant,) if supporter.warrant is not None else ()
    if isinstance(supporter, Inference):
        return (*supporter.premises, *warrant)
    return (supporter.antecedent, *warrant)


def target_of(supporter: Supporter) -> str:
    return supporter.conclusion if isinstance(supporter, Inference) else supporter.consequent


def established_on_its_own(statement: Statement) -> bool:
    """Accepted, or citing a source (of whatever strength: the calculus weighs it). Evidence
    that names no source is not established: it is the author's word (W107)."""
    return statement.citation is not None or statement.accepted


def line_span(span: Span, end: Span | None = None) -> Span:
    """From the start of `span` to the end of `end` (or of `span`'s first line): a relation's
    first line, without the attribute lines under it."""
    if end is not None:
        return Span(
            file=span.file,
            line=span.line,
            column=span.column,
            end_line=end.end_line,
            end_column=end.end_column,
        )
    if span.end_line == span.line:
        return span
    return Span(
        file=span.file, line=span.line, column=span.column, end_line=span.line, end_column=10**6
    )


def step_span(inference: Inference) -> Span:
    """An inference's line: 'conclusion <- a + b', with its name if it has one."""
    last = inference.premise_spans[-1] if inference.premise_spans else inference.conclusion_span
    return line_span(inference.span, last)


@dataclass
class Graph:
    """Indexes over one map, built once per analysis (`Facts.graph`).

    A map with errors can refer to what does not exist (`t <- missing`) or to the wrong kind
    of element (an undercut aimed at a statement); the indexes keep such references as
    written, and what reads them looks the ids up (`ArgumentMap.statement`) before use.
    """

    map: ArgumentMap
    supporters: dict[str, list[Supporter]] = field(default_factory=dict)
    premise_of: dict[str, list[tuple[Inference, int]]] = field(default_factory=dict)
    condition_of: dict[str, list[Conditional]] = field(default_factory=dict)
    attacks_on: dict[str, list[Attack]] = field(default_factory=dict)
    attacks: dict[str, Attack] = field(default_factory=dict)  # by id; the first of duplicates
    position: dict[int, int] = field(default_factory=dict)  # id(attack) -> its place in the map
    relied_on: frozenset[str] = frozenset()  # statement ids

    def supporters_of(self, statement_id: str) -> list[Supporter]:
        return self.supporters.get(statement_id, [])

    def attacks_against(self, element_id: str) -> list[Attack]:
        """The attacks aimed at an element, in the order written."""
        return self.attacks_on.get(element_id, [])

    def is_bare(self, statement: Statement) -> bool:
        return not established_on_its_own(statement) and not self.supporters_of(statement.id)

    def closure(self, statement_id: str) -> set[str]:
        """The statement and everything it rests on, through supporters (not attacks)."""
        seen: set[str] = set()
        todo = [statement_id]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            for supporter in self.supporters_of(current):
                todo.extend(rests_on(supporter))
        return seen


def build(argument_map: ArgumentMap) -> Graph:
    """The indexes of a map."""
    graph = Graph(argument_map)
    for inference in argument_map.inferences:
        graph.supporters.setdefault(inference.conclusion, []).append(inference)
        for index, premise in enumerate(inference.premises):
            graph.premise_of.setdefault(premise, []).append((inference, index))
    for conditional in argument_map.conditionals:
        graph.supporters.setdefault(conditional.consequent, []).append(conditional)
        graph.condition_of.setdefault(conditional.antecedent, []).append(conditional)
    for position, attack in enumerate(argument_map.attacks):
        graph.attacks_on.setdefault(attack.target, []).append(attack)
        graph.attacks.setdefault(attack.id, attack)
        graph.position[id(attack)] = position
    relied = _relied_on(argument_map, graph)
    graph.relied_on = frozenset(r for r in relied if argument_map.statement(r) is not None)
    return graph


def _relied_on(argument_map: ArgumentMap, graph: Graph) -> set[str]:
    """The theses and what they rest on; in a map without a thesis, every statement that takes
    part in a support relation (so that attacks on them still count)."""
    if argument_map.theses:
        relied: set[str] = set()
        for thesis in argument_map.theses:
            relied |= graph.closure(thesis.id)
        return relied
    in_support: set[str] = set()
    for statement_id, supporters in graph.supporters.items():
        in_support.add(statement_id)
        for supporter in supporters:
            in_support.update(grounds(supporter))
    attacking: set[str] = set()
    for attack in argument_map.attacks:
        attacking |= graph.closure(attack.attacker)
    return in_support - attacking


def strongly_connected(nodes: Iterable[str], edges: Mapping[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of a graph (`edges`: each node's successors), by
    Tarjan's algorithm without recursion, in the order Tarjan finds them: a component comes
    after every component it has an edge into."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = edges.get(node, [])
            if position < len(successors):
                work.append((node, position + 1))
                successor = successors[position]
                if successor not in index:
                    work.append((successor, 0))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found
