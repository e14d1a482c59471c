"""Standing under attack: Dung's semantics over the map's attacks, with support taken into
account, and the checks W301 (defeated), W302 (unanswered attack), W303 (undecided).

The map becomes an abstract argumentation framework whose arguments are its statements, steps
(inferences, conditionals) and attacks, plus two kinds of helper argument that let support
count in a framework that only knows attack:

- `not:X` is attacked by X alone, so it is in exactly when X is out. It attacks everything
  that depends on X: a step depends on its premises (and warrant), a conditional on its
  condition, an attack on its attacker.
- `unsupported:s` attacks a statement s that rests on support (it has supporters and is not
  established on its own); every supporter of s attacks it. So s loses when all of its
  supporters are out: an undercut defeats a step, and the conclusion loses that support.
- `doubt:s` and a condition s that nothing establishes defeat each other: a supposition may
  hold or not, so it is undecided, and so is what rests on it alone (each preferred reading
  settles it one way or the other).

An attack defeats its target: a rebuttal the statement, an undercut the step or attack. The
grounded labelling (in: the grounded extension; out: what an in argument defeats; the rest
undecided) is computed by the standard linear-time labelling algorithm, `grounded_labels`:
python-argumentation's (py_arg's) fixed-point solver gives the same labels (a property test
checks this) but takes minutes on a map of a thousand arguments. For the undecided part,
py_arg's preferred and stable extensions tell in how many readings each statement holds.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
    AbstractArgumentationFramework,
)
from py_arg.abstract_argumentation_classes.argument import Argument
from py_arg.abstract_argumentation_classes.defeat import Defeat
from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

from argmap.analysis.graph import (
    established_on_its_own,
    graph_of,
    line_span,
    per_map,
    quoted,
)
from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic
from argmap.model import (
    ArgumentMap,
    Attack,
    AttackKind,
    Conditional,
    Inference,
    Statement,
    StatementKind,
)


class Standing(StrEnum):
    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


def statement_node(statement_id: str) -> str:
    return f"statement:{statement_id}"


def step_node(step_id: str) -> str:
    return f"step:{step_id}"


def attack_node(attack_id: str) -> str:
    return f"attack:{attack_id}"


def _not(node: str) -> str:
    return f"not:{node}"


def _unsupported(statement_id: str) -> str:
    return f"unsupported:{statement_id}"


def _doubt(statement_id: str) -> str:
    return f"doubt:{statement_id}"


def is_supposed(argument_map: ArgumentMap, statement_id: str) -> bool:
    """A condition that nothing establishes: supposed, not asserted."""
    statement = argument_map.statement(statement_id)
    return (
        statement is not None
        and statement.kind is StatementKind.CONDITION
        and graph_of(argument_map).is_bare(statement)
    )


@dataclass(frozen=True)
class Framework:
    """The abstract argumentation framework of a map: argument names and defeats."""

    arguments: tuple[str, ...]
    defeats: tuple[tuple[str, str], ...]


def framework(argument_map: ArgumentMap) -> Framework:
    """The map as an abstract argumentation framework (see the module's docstring). A reference
    to nothing, or to the wrong kind of element (possible in a map with errors), adds no
    defeat: a step does not depend on a premise that does not exist, and an attack aimed at
    nothing it can attack defeats nothing."""
    graph = graph_of(argument_map)
    arguments: dict[str, None] = {}
    defeats: list[tuple[str, str]] = []

    def depends(dependent: str, statement_id: str) -> None:
        if argument_map.statement(statement_id) is None:
            return
        negation = _not(statement_node(statement_id))
        if negation not in arguments:
            arguments[negation] = None
            defeats.append((statement_node(statement_id), negation))
        defeats.append((negation, dependent))

    for statement in argument_map.statements:
        arguments[statement_node(statement.id)] = None
        if is_supposed(argument_map, statement.id):
            arguments[_doubt(statement.id)] = None
            defeats.append((_doubt(statement.id), statement_node(statement.id)))
            defeats.append((statement_node(statement.id), _doubt(statement.id)))
    for inference in argument_map.inferences:
        arguments[step_node(inference.id)] = None
        for premise in inference.premises:
            depends(step_node(inference.id), premise)
        if inference.warrant is not None:
            depends(step_node(inference.id), inference.warrant)
    for conditional in argument_map.conditionals:
        arguments[step_node(conditional.id)] = None
        depends(step_node(conditional.id), conditional.antecedent)
    for attack in argument_map.attacks:
        arguments[attack_node(attack.id)] = None
    for attack in argument_map.attacks:
        depends(attack_node(attack.id), attack.attacker)
        target = target_node(argument_map, attack)
        if target is not None:
            defeats.append((attack_node(attack.id), target))
    for statement in argument_map.statements:
        supporters = graph.supporters_of(statement.id)
        if not supporters or established_on_its_own(statement):
            continue
        arguments[_unsupported(statement.id)] = None
        defeats.append((_unsupported(statement.id), statement_node(statement.id)))
        defeats.extend((step_node(s.id), _unsupported(statement.id)) for s in supporters)
    return Framework(tuple(arguments), tuple(dict.fromkeys(defeats)))


def target_node(argument_map: ArgumentMap, attack: Attack) -> str | None:
    """The argument an attack defeats: a rebuttal's statement, an undercut's step or attack;
    None when the target does not exist or is of a kind the attack cannot reach."""
    target = argument_map.by_id.get(attack.target)
    if attack.kind is AttackKind.REBUT:
        return statement_node(attack.target) if isinstance(target, Statement) else None
    if isinstance(target, Attack):
        return attack_node(attack.target)
    if isinstance(target, Inference | Conditional):
        return step_node(attack.target)
    return None


def _py_arg(
    arguments: Iterable[str], defeats: Iterable[tuple[str, str]]
) -> tuple[AbstractArgumentationFramework, dict[str, Argument]]:
    by_name = {name: Argument(name) for name in arguments}
    af = AbstractArgumentationFramework(
        "map",
        list(by_name.values()),
        [Defeat(by_name[a], by_name[b]) for a, b in defeats],
    )
    return af, by_name


@dataclass(frozen=True)
class Labelling:
    """Every argument of the framework labelled in, out or undecided (grounded semantics)."""

    framework: Framework
    labels: dict[str, Standing]
    attackers: dict[str, tuple[str, ...]]  # argument -> the arguments that defeat it

    def of_statement(self, statement_id: str) -> Standing:
        return self.labels[statement_node(statement_id)]

    def of_step(self, step_id: str) -> Standing:
        return self.labels[step_node(step_id)]

    def of_attack(self, attack_id: str) -> Standing:
        return self.labels[attack_node(attack_id)]

    def defeaters(self, node: str) -> tuple[str, ...]:
        """The arguments labelled in that defeat `node`."""
        return tuple(a for a in self.attackers.get(node, ()) if self.labels[a] is Standing.IN)


def labelling(argument_map: ArgumentMap) -> Labelling:
    """The grounded labelling of the map's framework, computed once per map."""
    return per_map(argument_map, "labelling", _labelling)


def grounded_labels(
    arguments: Iterable[str], defeats: Iterable[tuple[str, str]]
) -> dict[str, Standing]:
    """The grounded labelling of a framework: an argument is in once every attacker is out,
    out once some attacker is in, undecided when neither ever happens. Linear in its size."""
    names = list(arguments)
    attackers: dict[str, set[str]] = {name: set() for name in names}
    targets: dict[str, set[str]] = {name: set() for name in names}
    for source, target in defeats:
        attackers[target].add(source)
        targets[source].add(target)
    waiting = {name: len(attackers[name]) for name in names}  # attackers not yet out
    labels: dict[str, Standing] = {}
    ready = deque(name for name in names if waiting[name] == 0)
    while ready:
        winner = ready.popleft()
        labels[winner] = Standing.IN
        for loser in targets[winner]:
            if loser in labels:
                continue
            labels[loser] = Standing.OUT
            for freed in targets[loser]:
                if freed in labels:
                    continue
                waiting[freed] -= 1
                if waiting[freed] == 0:
                    ready.append(freed)
    return {name: labels.get(name, Standing.UNDECIDED) for name in names}


def _labelling(argument_map: ArgumentMap) -> Labelling:
    af_data = framework(argument_map)
    attackers: dict[str, list[str]] = {}
    for source, target in af_data.defeats:
        attackers.setdefault(target, []).append(source)
    labels = grounded_labels(af_data.arguments, af_data.defeats)
    return Labelling(af_data, labels, {k: tuple(v) for k, v in attackers.items()})


def standing(argument_map: ArgumentMap) -> dict[str, Standing]:
    """Every statement's label under grounded semantics, by statement id."""
    labels = labelling(argument_map)
    return {s.id: labels.of_statement(s.id) for s in argument_map.statements}


# ---- readings: preferred and stable extensions of the undecided part ------------------------

READINGS_LIMIT = 16
"""The largest tangle of undecided arguments whose readings are enumerated. py_arg's preferred
and stable solvers branch on every argument without pruning, so their work doubles with each
argument more: a tangle of 16 takes up to a quarter of a second, one of 20 up to five seconds,
and one of 24 (four readings) over three."""


@dataclass(frozen=True)
class Reading:
    """How an undecided statement fares across the readings of its tangle."""

    preferred_in: int
    preferred: int
    stable_in: int
    stable: int


class _Readings:
    """The undecided tangles of a map, each solved with py_arg when first asked about."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        labels = labelling(argument_map)
        undecided = {n for n, label in labels.labels.items() if label is Standing.UNDECIDED}
        self.inner = [
            (a, b) for a, b in labels.framework.defeats if a in undecided and b in undecided
        ]
        self.tangles = _tangles(undecided, self.inner)
        self.tangle_of = {node: i for i, tangle in enumerate(self.tangles) for node in tangle}
        self.solved: dict[int, dict[str, Reading]] = {}

    def of(self, statement_id: str) -> Reading | None:
        index = self.tangle_of.get(statement_node(statement_id))
        if index is None:
            return None
        if index not in self.solved:
            self.solved[index] = self._solve(self.tangles[index])
        return self.solved[index].get(statement_id)

    def _solve(self, tangle: set[str]) -> dict[str, Reading]:
        if len(tangle) > READINGS_LIMIT:
            return {}
        af, by_name = _py_arg(sorted(tangle), [(a, b) for a, b in self.inner if a in tangle])
        preferred = get_preferred_extensions(af)
        stable = get_stable_extensions(af)
        return {
            name.removeprefix("statement:"): Reading(
                preferred_in=sum(by_name[name] in e for e in preferred),
                preferred=len(preferred),
                stable_in=sum(by_name[name] in e for e in stable),
                stable=len(stable),
            )
            for name in tangle
            if name.startswith("statement:")
        }


def reading(argument_map: ArgumentMap, statement_id: str) -> Reading | None:
    """How an undecided statement fares across the preferred (and stable) extensions of its
    tangle; None for a statement that is in or out, or whose tangle is too large.

    The grounded labels are common to every such extension, so only the undecided arguments
    are solved, one connected tangle at a time, and only when asked about.
    """
    return per_map(argument_map, "readings", _Readings).of(statement_id)


def readings(argument_map: ArgumentMap) -> dict[str, Reading]:
    """`reading` for every undecided statement that has one."""
    found = {s.id: reading(argument_map, s.id) for s in argument_map.statements}
    return {sid: view for sid, view in found.items() if view is not None}


def _tangles(nodes: set[str], defeats: list[tuple[str, str]]) -> list[set[str]]:
    """Weakly connected components."""
    neighbours: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in defeats:
        neighbours[a].add(b)
        neighbours[b].add(a)
    seen: set[str] = set()
    tangles: list[set[str]] = []
    for start in sorted(nodes):
        if start in seen:
            continue
        tangle: set[str] = set()
        todo = [start]
        while todo:
            node = todo.pop()
            if node in tangle:
                continue
            tangle.add(node)
            todo.extend(neighbours[node] - tangle)
        seen |= tangle
        tangles.append(tangle)
    return tangles


# ---- the checks ---------------------------------------------------------------------------------


def _verb(attack: Attack) -> str:
    return "rebuts" if attack.kind is AttackKind.REBUT else "undercuts"


def _how(attack: Attack, statement_id: str) -> str:
    """How an attack bears on a statement: on it, or on a step into it."""
    if attack.target == statement_id:
        return f"'{attack.attacker}' rebuts it"
    return f"'{attack.attacker}' undercuts its support '{attack.target}'"


def _direct_causes(argument_map: ArgumentMap, statement_id: str) -> list[tuple[Attack, str]]:
    """The attacks labelled in that defeat a statement, or the only steps into it, with how."""
    graph = graph_of(argument_map)
    labels = labelling(argument_map)
    causes: list[tuple[Attack, str]] = []
    for node in labels.defeaters(statement_node(statement_id)):
        attack = graph.attacks.get(node.removeprefix("attack:"))
        if node.startswith("attack:") and attack is not None:
            causes.append((attack, _how(attack, statement_id)))
            continue
        for supporter in graph.supporters_of(statement_id):
            for cause in labels.defeaters(step_node(supporter.id)):
                attack = graph.attacks.get(cause.removeprefix("attack:"))
                if cause.startswith("attack:") and attack is not None:
                    causes.append((attack, _how(attack, statement_id)))
    return causes


def _unresolved(argument_map: ArgumentMap, statement_id: str) -> list[tuple[Attack, str]]:
    """The undecided attacks on a statement and on the steps into it, in the order written,
    with how."""
    graph = graph_of(argument_map)
    labels = labelling(argument_map)
    targets = [statement_id, *(s.id for s in graph.supporters_of(statement_id))]
    found = [a for target in dict.fromkeys(targets) for a in graph.attacks_against(target)]
    found.sort(key=lambda a: graph.position[id(a)])
    return [
        (a, _how(a, statement_id)) for a in found if labels.of_attack(a.id) is Standing.UNDECIDED
    ]


def explain(argument_map: ArgumentMap, statement_id: str) -> list[str]:
    """Why a statement is out or undecided, in a few words each (nothing for one that is in):
    the attacks that defeat it, or leave it undecided, as W301 and W303 name them; failing
    those, that it is a supposition, or what it rests on that is out or undecided too."""
    labels = labelling(argument_map)
    label = labels.of_statement(statement_id)
    if label is Standing.IN:
        return []
    if label is Standing.OUT:
        reasons = [how for _attack, how in _direct_causes(argument_map, statement_id)]
    elif is_supposed(argument_map, statement_id):
        return ["a condition the map supposes but never establishes"]
    else:
        reasons = [how for _attack, how in _unresolved(argument_map, statement_id)]
    if not reasons:
        resting = [
            ground
            for supporter in graph_of(argument_map).supporters_of(statement_id)
            for ground in _dependencies(supporter)
            if argument_map.statement(ground) is not None and labels.of_statement(ground) is label
        ]
        if resting:
            reasons.append(f"it rests on {quoted(list(dict.fromkeys(resting)))}")
    return list(dict.fromkeys(reasons))


def _dependencies(supporter: Inference | Conditional) -> tuple[str, ...]:
    """What a step depends on: its premises and warrant, or its condition."""
    if isinstance(supporter, Conditional):
        return (supporter.antecedent,)
    warrant = (supporter.warrant,) if supporter.warrant is not None else ()
    return (*supporter.premises, *warrant)


def _falls_with(argument_map: ArgumentMap, statement_id: str) -> list[str]:
    """Relied-on statements that are out because they rest, through support, on this one."""
    graph = graph_of(argument_map)
    labels = labelling(argument_map)
    fallen: list[str] = []
    todo = deque([statement_id])
    seen = {statement_id}
    while todo:
        current = todo.popleft()
        steps: list[Inference | Conditional] = [
            inference for inference, _index in graph.premise_of.get(current, [])
        ]
        steps += graph.condition_of.get(current, [])
        for step in steps:
            target = step.conclusion if isinstance(step, Inference) else step.consequent
            if target in seen or target not in graph.relied_on:
                continue
            if labels.of_statement(target) is Standing.OUT:
                seen.add(target)
                fallen.append(target)
                todo.append(target)
    return fallen


def defeated(argument_map: ArgumentMap) -> list[Diagnostic]:
    """W301: a statement the argument relies on is out, because an attack that nothing answers
    defeats it or the steps into it. Reported where the defeat starts, naming what falls too."""
    graph = graph_of(argument_map)
    labels = labelling(argument_map)
    found: list[Diagnostic] = []
    for statement in argument_map.statements:
        if statement.id not in graph.relied_on:
            continue
        if labels.of_statement(statement.id) is not Standing.OUT:
            continue
        causes = _direct_causes(argument_map, statement.id)
        if not causes:
            continue  # out only because a premise is out: reported at that premise
        fallen = _falls_with(argument_map, statement.id)
        also = f"; with it fall {quoted(fallen)}" if fallen else ""
        attackers = [attack.attacker for attack, _how in causes]
        found.append(
            diagnostic(
                "W301",
                f"'{statement.id}' is defeated: {'; '.join(how for _a, how in causes)}, and "
                f"nothing answers {'it' if len(causes) == 1 else 'them'}{also}",
                statement.id_span,
                f"answer {quoted(attackers)}: rebut it with evidence ('reply rebuts "
                f"{attackers[0]}'), or undercut the attack; or concede, and rest the argument "
                f"on something else",
                subjects=(statement.id, *(a.id for a, _how in causes), *fallen),
            )
        )
    return found


def _sides(argument_map: ArgumentMap) -> dict[str, bool]:
    """Which side each element is on: True for the argument (the theses and what they rest
    on), False against it; an attack is on the side opposite its target, with its attacker and
    everything that supports the attacker (unless already on a side).

    Which side wins, where an element could be on both, follows passes over the attacks in
    the order written, each giving a side to every attack whose target has one; a heap keyed
    by (pass, position) does the same work once per attack."""
    graph = graph_of(argument_map)
    side: dict[str, bool] = dict.fromkeys(graph.relied_on, True)
    for inference in argument_map.inferences:
        if inference.conclusion in graph.relied_on:
            side[inference.id] = True
    position = {id(attack): n for n, attack in enumerate(argument_map.attacks)}
    due: list[tuple[int, int]] = []  # (pass, position) of the attacks whose target has a side

    def sided(element: str, when: tuple[int, int]) -> None:
        """`element` got its side in pass when[0], at position when[1]."""
        for attack in graph.attacks_against(element):
            n = position[id(attack)]
            heapq.heappush(due, (when[0] if n > when[1] else when[0] + 1, n))

    for element in list(side):
        sided(element, (0, -1))
    while due:
        when = heapq.heappop(due)
        attack = argument_map.attacks[when[1]]
        if attack.id in side:
            continue
        side[attack.id] = not side[attack.target]
        sided(attack.id, when)
        for element in _support_elements(argument_map, attack.attacker):
            if element not in side:
                side[element] = side[attack.id]
                sided(element, when)
    return side


def _support_elements(argument_map: ArgumentMap, statement_id: str) -> set[str]:
    """A statement, what it rests on, and the steps between them."""
    graph = graph_of(argument_map)
    statements = graph.closure(statement_id)
    steps = {s.id for sid in statements for s in graph.supporters_of(sid)}
    return statements | steps


def is_answered(argument_map: ArgumentMap, attack: Attack) -> bool:
    """Whether the map answers an attack: it attacks the attack, its attacker, or something
    the attacker rests on (or a step between them)."""
    attacked = graph_of(argument_map).attacks_on
    return attack.id in attacked or any(
        element in attacked for element in _support_elements(argument_map, attack.attacker)
    )


def unanswered_attacks(argument_map: ArgumentMap) -> list[Diagnostic]:
    """W302: an attack on the argument that nothing in the map answers: neither the attack, nor
    its attacker, nor anything the attacker rests on is attacked in turn."""
    side = _sides(argument_map)
    found: list[Diagnostic] = []
    for attack in argument_map.attacks:
        if side.get(attack.id, True) or is_answered(argument_map, attack):
            continue
        if is_supposed(argument_map, attack.attacker):
            message = (
                f"the exception '{attack.attacker}' {_verb(attack)} '{attack.target}', and "
                "the map never says whether it holds"
            )
            hint = (
                f"rule the exception out with a statement that rebuts '{attack.attacker}', "
                "or hedge the conclusion to allow for it"
            )
        else:
            message = (
                f"'{attack.attacker}' {_verb(attack)} '{attack.target}', and the map never "
                "answers it"
            )
            hint = (
                f"answer the objection: rebut '{attack.attacker}' ('reply rebuts "
                f"{attack.attacker}') or undercut the attack; if the essay leaves it "
                "unanswered, that is a gap in the essay"
            )
        found.append(
            diagnostic(
                "W302",
                message,
                line_span(attack.span, attack.target_span),
                hint,
                subjects=(attack.id, attack.attacker, attack.target),
            )
        )
    return found


def undecided(argument_map: ArgumentMap) -> list[Diagnostic]:
    """W303: a statement the argument relies on stays undecided, because attacks between it (or
    its steps) and its attackers are never resolved; the preferred readings say how it fares."""
    graph = graph_of(argument_map)
    labels = labelling(argument_map)
    found: list[Diagnostic] = []
    for statement in argument_map.statements:
        if statement.id not in graph.relied_on:
            continue
        if labels.of_statement(statement.id) is not Standing.UNDECIDED:
            continue
        rivals = _rivals(argument_map, statement.id)
        if not rivals:
            continue  # undecided only because what it rests on is: reported there
        view = reading(argument_map, statement.id)
        fares = (
            f"; it holds in {view.preferred_in} of {view.preferred} preferred readings"
            if view is not None
            else ""
        )
        found.append(
            diagnostic(
                "W303",
                f"'{statement.id}' is undecided: the conflict with {quoted(rivals)} is never "
                f"resolved{fares}",
                statement.id_span,
                "settle the conflict: give one side evidence or a source, or answer one of the "
                "attacks in the map",
                subjects=(statement.id, *rivals),
            )
        )
    return found


def _rivals(argument_map: ArgumentMap, statement_id: str) -> list[str]:
    """The attackers of a statement, and of the steps into it, that are themselves undecided
    (suppositions aside: an exception that may hold is W302's business)."""
    return list(
        dict.fromkeys(
            attack.attacker
            for attack, _how in _unresolved(argument_map, statement_id)
            if not is_supposed(argument_map, attack.attacker)
        )
    )
