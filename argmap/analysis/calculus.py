"""The strength calculus: how surely the map's support lets each statement be asserted.

A strength is a probability range [low, high] on the hedge scale. Support flows along
inferences and conditionals, attacks aside (they are the business of `attacks.py`):

    gives(inference)   = min over premises p of has(p), capped by the step's own hedge
    gives(if a then b) = has(a)
    received(s)        = max over the supporters of s of gives(...)      (convergent: the best)
    support(s)         = received(s), or [1, 1] if s is established on its own
    has(s)             = cap(s) ∧ (base(s) ∨ received(s))

where min/∧ and max/∨ act on each bound and cap(s) is what the hedge allows, with a vague word
counted as [0, 1]. base(s) is [1, 1] for an established statement (evidence, cited, accepted);
[0, 0] for a statement that something supports, which has what its support gives and no more
(so a weak link anywhere down a chain limits everything above it); BARE (the scale's "likely",
55–80 %) for a bare assertion, which nothing supports; and [0, 0] for a condition that nothing
supports (supposed, not asserted). The values are the least fixed point, so a cycle adds
nothing. docs/analysis.md explains the choices and works an example.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from argmap import hedges
from argmap.analysis.graph import (
    Supporter,
    established_on_its_own,
    grounds,
    target_of,
)
from argmap.hedges import HedgeFamily, format_range
from argmap.model import ArgumentMap, Hedge, Inference, Statement, StatementKind

EPSILON = 1e-9


@dataclass(frozen=True)
class Strength:
    """A probability range: at least `low`, at most `high`."""

    low: float
    high: float

    def meet(self, other: Strength) -> Strength:
        return Strength(min(self.low, other.low), min(self.high, other.high))

    def join(self, other: Strength) -> Strength:
        return Strength(max(self.low, other.low), max(self.high, other.high))

    def within(self, other: Strength) -> bool:
        """No bound above the other's: self ≤ other in the order the calculus uses."""
        return self.low <= other.low + EPSILON and self.high <= other.high + EPSILON

    @property
    def label(self) -> str:
        return format_range(self.low, self.high)


NOTHING = Strength(0.0, 0.0)
FULL = Strength(1.0, 1.0)
_LIKELY = hedges.lookup("likely")
assert _LIKELY is not None and _LIKELY.low is not None and _LIKELY.high is not None
BARE = Strength(_LIKELY.low, _LIKELY.high)
"""What the author's word alone is worth: the scale's "likely"."""


def claimed(hedge: Hedge | None) -> Strength | None:
    """The range a hedge claims (stacked ranges multiply, a vague word counting at what readers
    hear: "may" claims 30–51 %), None when it states no range (no hedge, or only confidence and
    scope words)."""
    if hedge is None:
        return None
    if not any(q.family is HedgeFamily.LIKELIHOOD for q in hedge.qualifiers):
        return None
    span = hedge.range
    return None if span is None else Strength(*span)


def cap(hedge: Hedge | None) -> Strength:
    """The most a hedged statement can pass on: the product of its likelihood qualifiers, a vague
    one counting at what readers hear ("may": 30–51 %, docs/analysis.md). Confidence and scope
    words cap nothing: they say how sure the author is, or how many cases the claim covers."""
    low, high = 1.0, 1.0
    for qualifier in hedge.qualifiers if hedge else ():
        if qualifier.family is not HedgeFamily.LIKELIHOOD:
            continue
        low *= qualifier.low if qualifier.low is not None else 0.0
        high *= qualifier.high if qualifier.high is not None else 1.0
    return Strength(low, high)


def base(statement: Statement, supported: bool = False) -> Strength:
    """What a statement has besides what its supporters give (`supported`: something in the
    map supports it); see the module's docstring."""
    if established_on_its_own(statement):
        return FULL
    if supported or statement.kind is StatementKind.CONDITION:
        return NOTHING
    return BARE


@dataclass(frozen=True)
class Strengths:
    """The calculus over one map."""

    has: dict[str, Strength]  # every statement: what it passes on when used as a premise
    received: dict[str, Strength]  # statements with supporters: the best a supporter gives
    gives: dict[str, Strength]  # every inference and conditional, by id
    established: frozenset[str]  # statements established on their own

    def support(self, statement_id: str) -> Strength | None:
        """What stands behind a statement: [1, 1] if established on its own, else what its
        supporters give; None for a bare assertion."""
        if statement_id in self.established:
            return FULL
        return self.received.get(statement_id)


def _gives(supporter: Supporter, has: dict[str, Strength]) -> Strength:
    given = FULL
    for ground in grounds(supporter):
        given = given.meet(has.get(ground, NOTHING))
    if isinstance(supporter, Inference):
        given = given.meet(cap(supporter.hedge))
    return given


def strengths(argument_map: ArgumentMap) -> Strengths:
    """Every statement's strength: the least fixed point of the equations above.

    A work list: each supporter is evaluated once, then again only when what one of its
    grounds has changes. Values only rise, from the least values up (a cycle adds nothing),
    and are drawn from a finite set (the bounds of the hedges, 0 and 1), so the work ends; on
    a map without cycles each supporter is evaluated about once per distinct value its grounds
    take."""
    statements: dict[str, Statement] = {}
    for statement in argument_map.statements:
        statements.setdefault(statement.id, statement)  # the first of duplicates, as `by_id`
    caps = {sid: cap(s.hedge) for sid, s in statements.items()}
    supporters: tuple[Supporter, ...] = (*argument_map.inferences, *argument_map.conditionals)
    supported = {target_of(s) for s in supporters}
    bases = {sid: base(s, sid in supported) for sid, s in statements.items()}
    users: dict[str, list[int]] = {}  # statement -> the supporters that rest on it
    for index, supporter in enumerate(supporters):
        for ground in dict.fromkeys(grounds(supporter)):
            users.setdefault(ground, []).append(index)
    has = {sid: caps[sid].meet(bases[sid]) for sid in statements}
    received: dict[str, Strength] = {}
    gives: list[Strength | None] = [None] * len(supporters)
    queue = deque(range(len(supporters)))
    queued = set(queue)
    while queue:
        index = queue.popleft()
        queued.discard(index)
        supporter = supporters[index]
        given = _gives(supporter, has)
        if given == gives[index]:
            continue
        gives[index] = given
        target = target_of(supporter)
        if target not in statements:
            continue  # a step into nothing (a map with errors)
        received[target] = received[target].join(given) if target in received else given
        updated = caps[target].meet(bases[target].join(received[target]))
        if updated == has[target]:
            continue
        has[target] = updated
        for user in users.get(target, ()):
            if user not in queued:
                queued.add(user)
                queue.append(user)
    by_id: dict[str, Strength] = {}
    for supporter, value in zip(supporters, gives, strict=True):
        by_id.setdefault(supporter.id, value if value is not None else NOTHING)
    established = frozenset(sid for sid, s in statements.items() if established_on_its_own(s))
    return Strengths(has=has, received=received, gives=by_id, established=established)


def weakest_ground(supporter: Supporter, values: Strengths) -> str | None:
    """The premise (or condition) that limits what a supporter gives; None for an inference
    without premises (possible only in a map with errors)."""
    return min(grounds(supporter), key=lambda g: (values.has.get(g, NOTHING).low, g), default=None)
