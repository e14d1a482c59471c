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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.analysis.calculus import NOTHING, Strength, percent
from argmap.analysis.dung import Framework, Readings, Standing, grounded_labels
from argmap.analysis.graph import Supporter, established_on_its_own, line_span, rests_on
from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic
from argmap.model import (
    Attack,
    AttackKind,
    Conditional,
    Inference,
    Side,
    Statement,
    StatementKind,
)
from argmap.words import quoted

if TYPE_CHECKING:
    from argmap.analysis.dung import Reading
    from argmap.analysis.facts import Facts


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


def is_supposed(facts: Facts, statement_id: str) -> bool:
    """A condition that nothing establishes: supposed, not asserted."""
    statement = facts.map.statement(statement_id)
    return (
        statement is not None
        and statement.kind is StatementKind.CONDITION
        and facts.graph.is_bare(statement)
    )


def framework(facts: Facts) -> Framework:
    """The map as an abstract argumentation framework (see the module's docstring). A reference
    to nothing, or to the wrong kind of element (possible in a map with errors), adds no
    defeat: a step does not depend on a premise that does not exist, and an attack aimed at
    nothing it can attack defeats nothing."""
    graph = facts.graph
    arguments: dict[str, None] = {}
    defeats: list[tuple[str, str]] = []

    def depends(dependent: str, statement_id: str) -> None:
        if facts.map.statement(statement_id) is None:
            return
        negation = _not(statement_node(statement_id))
        if negation not in arguments:
            arguments[negation] = None
            defeats.append((statement_node(statement_id), negation))
        defeats.append((negation, dependent))

    for statement in facts.map.statements:
        arguments[statement_node(statement.id)] = None
        if is_supposed(facts, statement.id):
            arguments[_doubt(statement.id)] = None
            defeats.append((_doubt(statement.id), statement_node(statement.id)))
            defeats.append((statement_node(statement.id), _doubt(statement.id)))
    steps: tuple[Supporter, ...] = (*facts.map.inferences, *facts.map.conditionals)
    for supporter in steps:
        arguments[step_node(supporter.id)] = None
        for ground in rests_on(supporter):
            depends(step_node(supporter.id), ground)
    for attack in facts.map.attacks:
        arguments[attack_node(attack.id)] = None
    for attack in facts.map.attacks:
        if attack.kind not in _ATTACKING:
            continue  # a granted point or a contradiction: weighed elsewhere, defeats nothing
        depends(attack_node(attack.id), attack.attacker)
        target = target_node(facts, attack)
        if target is not None and not attack.partial and weighs(facts, attack):
            defeats.append((attack_node(attack.id), target))
    for statement in facts.map.statements:
        supporters = graph.supporters_of(statement.id)
        if not supporters or established_on_its_own(statement):
            continue
        arguments[_unsupported(statement.id)] = None
        defeats.append((_unsupported(statement.id), statement_node(statement.id)))
        defeats.extend((step_node(s.id), _unsupported(statement.id)) for s in supporters)
    return Framework(tuple(arguments), tuple(dict.fromkeys(defeats)))


_ATTACKING = frozenset({AttackKind.REBUT, AttackKind.UNDERCUT})
PARTLY = 0.5
"""What is left of an attack's force once it is answered in part (each bound halved)."""


def force(facts: Facts, attack: Attack) -> Strength:
    """How strong an attack is: what its attacker has (the calculus), halved when an answer
    meets it in part (a partial rebuttal of its attacker, or a partial undercut of it)."""
    value = facts.strengths.has.get(attack.attacker, NOTHING)
    answered_in_part = any(
        answer.partial for answer in facts.graph.attacks_against(attack.id)
    ) or any(answer.partial for answer in facts.graph.attacks_against(attack.attacker))
    return value.scaled(PARTLY) if answered_in_part else value


def resistance(facts: Facts, attack: Attack) -> Strength:
    """How strong what an attack aims at is: a statement's strength, a step's (what it gives),
    or the force of the attack it undercuts."""
    target = facts.map.by_id.get(attack.target)
    values = facts.strengths
    if isinstance(target, Statement):
        # what stands behind it, not its own hedge: saying "likely" modestly does not make a
        # well-supported statement easier to knock down
        return values.support(target.id) or values.has.get(target.id, NOTHING)
    if isinstance(target, Inference | Conditional):
        return values.gives.get(target.id, NOTHING)
    if isinstance(target, Attack):
        return force(facts, target)
    return NOTHING


def weighs(facts: Facts, attack: Attack) -> bool:
    """Whether an attack is strong enough to defeat what it aims at: at least as strong, at the
    scale's whole percents (preference-based defeat, as in ASPIC+ and Carneades). A bare
    objection does not knock out a thesis that evidence supports; a cited one does."""
    return percent(force(facts, attack).low) >= percent(resistance(facts, attack).low)


def target_node(facts: Facts, attack: Attack) -> str | None:
    """The argument an attack defeats: a rebuttal's statement, an undercut's step or attack;
    None when the target does not exist or is of a kind the attack cannot reach."""
    target = facts.map.by_id.get(attack.target)
    if attack.kind is AttackKind.REBUT and not isinstance(target, Conditional):
        # (a rebuttal of a conditional denies the link: "even if a, b does not follow")
        return statement_node(attack.target) if isinstance(target, Statement) else None
    if isinstance(target, Attack):
        return attack_node(attack.target)
    if isinstance(target, Inference | Conditional):
        return step_node(attack.target)
    return None


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


def label(facts: Facts) -> Labelling:
    """The grounded labelling of the map's framework."""
    af_data = framework(facts)
    attackers: dict[str, list[str]] = {}
    for source, target in af_data.defeats:
        attackers.setdefault(target, []).append(source)
    labels = grounded_labels(af_data.arguments, af_data.defeats)
    return Labelling(af_data, labels, {k: tuple(v) for k, v in attackers.items()})


def standing(facts: Facts) -> dict[str, Standing]:
    """Every statement's label under grounded semantics, by statement id."""
    labels = facts.labelling
    return {s.id: labels.of_statement(s.id) for s in facts.map.statements}


def statement_readings(labelling: Labelling) -> Readings:
    """The readings of a labelled map's undecided tangles, solved when first asked about."""
    return Readings(labelling.framework, labelling.labels)


def reading(facts: Facts, statement_id: str) -> Reading | None:
    """How an undecided statement fares across the preferred (and stable) extensions of its
    tangle; None for a statement that is in or out, or whose tangle is too large."""
    return facts.readings.of(statement_node(statement_id))


def readings(facts: Facts) -> dict[str, Reading]:
    """`reading` for every undecided statement that has one."""
    found = {s.id: reading(facts, s.id) for s in facts.map.statements}
    return {sid: view for sid, view in found.items() if view is not None}


# ---- the checks ---------------------------------------------------------------------------------


def _verb(attack: Attack) -> str:
    verbs = {
        AttackKind.REBUT: "rebuts",
        AttackKind.UNDERCUT: "undercuts",
        AttackKind.CONCESSION: "limits",
        AttackKind.CONTRADICTION: "contradicts",
    }
    return ("partly " if attack.partial else "") + verbs[attack.kind]


def _how(attack: Attack, statement_id: str) -> str:
    """How an attack bears on a statement: on it, or on a step into it."""
    if attack.target == statement_id:
        return f"'{attack.attacker}' rebuts it"
    return f"'{attack.attacker}' undercuts its support '{attack.target}'"


def _beats(facts: Facts, attack: Attack, statement_id: str) -> str:
    """How an attack bears on a statement, and why it wins: the two strengths."""
    return (
        f"{_how(attack, statement_id)} ({force(facts, attack).label}, at least as strong as "
        f"{'it' if attack.target == statement_id else 'the step'}: "
        f"{resistance(facts, attack).label})"
    )


def _direct_causes(facts: Facts, statement_id: str) -> list[tuple[Attack, str]]:
    """The attacks labelled in that defeat a statement, or the only steps into it, with how."""
    graph = facts.graph
    labels = facts.labelling
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


def _unresolved(facts: Facts, statement_id: str) -> list[tuple[Attack, str]]:
    """The undecided attacks on a statement and on the steps into it, in the order written,
    with how."""
    graph = facts.graph
    labels = facts.labelling
    targets = [statement_id, *(s.id for s in graph.supporters_of(statement_id))]
    found = [a for target in dict.fromkeys(targets) for a in graph.attacks_against(target)]
    found.sort(key=lambda a: graph.position[id(a)])
    return [
        (a, _how(a, statement_id)) for a in found if labels.of_attack(a.id) is Standing.UNDECIDED
    ]


def explain(facts: Facts, statement_id: str) -> list[str]:
    """Why a statement is out or undecided, in a few words each (nothing for one that is in):
    the attacks that defeat it, or leave it undecided, as W301 and W303 name them; failing
    those, that it is a supposition, or what it rests on that is out or undecided too."""
    labels = facts.labelling
    label = labels.of_statement(statement_id)
    if label is Standing.IN:
        return []
    if label is Standing.OUT:
        reasons = [how for _attack, how in _direct_causes(facts, statement_id)]
    elif is_supposed(facts, statement_id):
        return ["a condition the map supposes but never establishes"]
    else:
        reasons = [how for _attack, how in _unresolved(facts, statement_id)]
    if not reasons:
        resting = [
            ground
            for supporter in facts.graph.supporters_of(statement_id)
            for ground in rests_on(supporter)
            if facts.map.statement(ground) is not None and labels.of_statement(ground) is label
        ]
        if resting:
            reasons.append(f"it rests on {quoted(list(dict.fromkeys(resting)))}")
    return list(dict.fromkeys(reasons))


def _falls_with(facts: Facts, statement_id: str) -> list[str]:
    """Relied-on statements that are out because they rest, through support, on this one."""
    graph = facts.graph
    labels = facts.labelling
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


def defeated(facts: Facts) -> list[Diagnostic]:
    """W301: a statement the argument relies on is out, because an attack that nothing answers
    defeats it or the steps into it. Reported where the defeat starts, naming what falls too."""
    graph = facts.graph
    labels = facts.labelling
    found: list[Diagnostic] = []
    for statement in facts.map.statements:
        if statement.id not in graph.relied_on:
            continue
        if labels.of_statement(statement.id) is not Standing.OUT:
            continue
        causes = _direct_causes(facts, statement.id)
        if not causes:
            continue  # out only because a premise is out: reported at that premise
        fallen = _falls_with(facts, statement.id)
        also = f"; with it fall {quoted(fallen)}" if fallen else ""
        attackers = [attack.attacker for attack, _how in causes]
        found.append(
            diagnostic(
                "W301",
                f"'{statement.id}' is defeated: "
                f"{'; '.join(_beats(facts, a, statement.id) for a, _how in causes)}, and "
                f"nothing answers {'it' if len(causes) == 1 else 'them'}{also}",
                statement.id_span,
                f"answer {quoted(attackers)}: rebut it with evidence ('reply rebuts "
                f"{attackers[0]}'), or undercut the attack; or concede, and rest the argument "
                f"on something else",
                subjects=(statement.id, *(a.id for a, _how in causes), *fallen),
            )
        )
    return found


def sides(facts: Facts) -> dict[str, bool]:
    """Which side each element is on: True for the argument (the theses and what they rest
    on), False against it; an attack is on the side opposite its target, with its attacker and
    everything that supports the attacker (unless already on a side).

    Which side wins, where an element could be on both, follows passes over the attacks in
    the order written, each giving a side to every attack whose target has one; a heap keyed
    by (pass, position) does the same work once per attack."""
    graph = facts.graph
    side: dict[str, bool] = dict.fromkeys(graph.relied_on, True)
    for inference in facts.map.inferences:
        if inference.conclusion in graph.relied_on:
            side[inference.id] = True
    for conditional in facts.map.conditionals:
        if conditional.consequent in graph.relied_on:
            side[conditional.id] = True
    position = {id(attack): n for n, attack in enumerate(facts.map.attacks)}
    due: list[tuple[int, int]] = []  # (pass, position) of the attacks whose target has a side

    def sided(element: str, when: tuple[int, int]) -> None:
        """`element` got its side in pass when[0], at position when[1]."""
        for attack in graph.attacks_against(element):
            if attack.kind in (AttackKind.CONTRADICTION, AttackKind.CONCESSION):
                # two statements that clash are on no side against each other; and a point the
                # author grants is one she holds: hers, unless the map says otherwise
                continue
            n = position[id(attack)]
            heapq.heappush(due, (when[0] if n > when[1] else when[0] + 1, n))

    for element in list(side):
        sided(element, (0, -1))
    while due:
        when = heapq.heappop(due)
        attack = facts.map.attacks[when[1]]
        if attack.id in side:
            continue
        side[attack.id] = not side[attack.target]
        sided(attack.id, when)
        for element in _support_elements(facts, attack.attacker):
            if element not in side:
                side[element] = side[attack.id]
                sided(element, when)
    return side


def _support_elements(facts: Facts, statement_id: str) -> set[str]:
    """A statement, what it rests on, and the steps between them."""
    graph = facts.graph
    statements = graph.closure(statement_id)
    steps = {s.id for sid in statements for s in graph.supporters_of(sid)}
    return statements | steps


def answers_to(facts: Facts, attack: Attack) -> list[Attack]:
    """The map's answers to an attack: attacks on it, on its attacker, or on something the
    attacker rests on (or a step between them); granted points and contradictions aside."""
    graph = facts.graph
    aimed = [attack.id, *_support_elements(facts, attack.attacker)]
    return [
        answer
        for element in dict.fromkeys(aimed)
        for answer in graph.attacks_against(element)
        if answer.kind in _ATTACKING
    ]


def is_answered(facts: Facts, attack: Attack) -> bool:
    """Whether the map answers an attack at all (W302's rule)."""
    return bool(answers_to(facts, attack))


def answers_fully(facts: Facts, answer: Attack) -> bool:
    """An answer counts fully when it meets the point whole (not "partly") and its own
    statement is more than a bare assertion: established, or supported."""
    statement = facts.map.statement(answer.attacker)
    return not answer.partial and statement is not None and not facts.graph.is_bare(statement)


def is_answered_fully(facts: Facts, attack: Attack) -> bool:
    return any(answers_fully(facts, answer) for answer in answers_to(facts, attack))


def _for_the_author(facts: Facts, attack: Attack) -> bool:
    """An attack made for the author's argument (an answer), not against it: on the
    argument's side by the map's structure, and its attacker not the other side's or the
    coach's by what the map says."""
    return facts.sides.get(attack.id, True) and facts.side_of.get(attack.id) is Side.AUTHOR


def weak_answers(facts: Facts) -> list[Diagnostic]:
    """W304: an opposing point the author answers only weakly: every answer meets it only in
    part, or is itself a bare assertion."""
    found: list[Diagnostic] = []
    for attack in facts.map.attacks:
        if attack.kind not in _ATTACKING or _for_the_author(facts, attack):
            continue
        answers = answers_to(facts, attack)
        if not answers or any(answers_fully(facts, a) for a in answers):
            continue
        how = (
            "only in part"
            if all(a.partial for a in answers)
            else f"with a bare assertion ({quoted([a.attacker for a in answers])})"
        )
        found.append(
            diagnostic(
                "W304",
                f"'{attack.attacker}' {_verb(attack)} '{attack.target}', and the map answers it "
                f"{how}: the point still stands against the argument",
                line_span(attack.span, attack.target_span),
                "answer it fully: give the reply evidence or a source, or meet the whole point; "
                "if the essay concedes it, say so ('o limits t')",
                subjects=(attack.id, attack.attacker, attack.target, *(a.id for a in answers)),
            )
        )
    return found


def unanswered_attacks(facts: Facts) -> list[Diagnostic]:
    """W302: an attack on the argument that nothing in the map answers: neither the attack, nor
    its attacker, nor anything the attacker rests on is attacked in turn."""
    found: list[Diagnostic] = []
    for attack in facts.map.attacks:
        if attack.kind not in _ATTACKING or _for_the_author(facts, attack):
            continue
        if is_answered(facts, attack):
            continue
        weak = (
            ""
            if weighs(facts, attack)
            else f"; it is too weak to defeat it ({force(facts, attack).label} against "
            f"{resistance(facts, attack).label}), but it is a gap in the essay"
        )
        if is_supposed(facts, attack.attacker):
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
                f"answers it{weak}"
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


def undecided(facts: Facts) -> list[Diagnostic]:
    """W303: a statement the argument relies on stays undecided, because attacks between it (or
    its steps) and its attackers are never resolved; the preferred readings say how it fares."""
    graph = facts.graph
    labels = facts.labelling
    found: list[Diagnostic] = []
    for statement in facts.map.statements:
        if statement.id not in graph.relied_on:
            continue
        if labels.of_statement(statement.id) is not Standing.UNDECIDED:
            continue
        rivals = _rivals(facts, statement.id)
        if not rivals:
            continue  # undecided only because what it rests on is: reported there
        view = reading(facts, statement.id)
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


def _rivals(facts: Facts, statement_id: str) -> list[str]:
    """The attackers of a statement, and of the steps into it, that are themselves undecided
    (suppositions aside: an exception that may hold is W302's business)."""
    return list(
        dict.fromkeys(
            attack.attacker
            for attack, _how in _unresolved(facts, statement_id)
            if not is_supposed(facts, attack.attacker)
        )
    )


def contradictions(facts: Facts) -> list[Diagnostic]:
    """W306: 'a contradicts b' where the author asserts both (both on the author's side and
    both standing): the essay says two things that cannot both hold."""
    found: list[Diagnostic] = []
    labels = facts.labelling
    for attack in facts.map.attacks:
        if attack.kind is not AttackKind.CONTRADICTION:
            continue
        ends = (attack.attacker, attack.target)
        if any(facts.map.statement(end) is None for end in ends):
            continue
        if any(facts.side_of.get(end) is not Side.AUTHOR for end in ends):
            continue  # a clash with the other side is a disagreement, not a contradiction
        if any(labels.of_statement(end) is Standing.OUT for end in ends):
            continue
        found.append(
            diagnostic(
                "W306",
                f"the essay asserts both '{attack.attacker}' and '{attack.target}', which "
                "cannot both hold",
                line_span(attack.span, attack.target_span),
                "give up one of them, or say how both can be true (a narrower claim, a "
                "condition under which each holds)",
                subjects=(attack.id, attack.attacker, attack.target),
            )
        )
    return found


def objections_as_premises(facts: Facts) -> list[Diagnostic]:
    """W305: a statement that is an objection (its kind, or the other side's or the coach's)
    and is also used as a premise of the author's argument: the essay leans on the very point
    it raises against itself."""
    found: list[Diagnostic] = []
    for inference in facts.map.inferences:
        if facts.side_of.get(inference.conclusion) is not Side.AUTHOR:
            continue
        for premise_id, span in zip(inference.premises, inference.premise_spans, strict=True):
            premise = facts.map.statement(premise_id)
            if premise is None:
                continue
            opposing = premise.kind is StatementKind.OBJECTION or premise.side in (
                Side.OTHER,
                Side.COACH,
            )
            if not opposing:
                continue
            found.append(
                diagnostic(
                    "W305",
                    f"'{inference.conclusion}' rests on '{premise_id}', which the map has as "
                    "an objection: the argument leans on a point raised against it",
                    span,
                    f"if the author does hold '{premise_id}', make it a premise or a claim "
                    "(side: author); if not, the step needs another premise",
                    subjects=(premise_id, inference.id),
                    links=((premise_id, inference.id),),
                )
            )
    return found
