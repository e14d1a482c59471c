"""The strength calculus: how surely the map's support lets each statement be asserted.

A strength is a probability range [low, high] on the hedge scale. Support flows along
inferences and conditionals, attacks aside (they are the business of `attacks.py`):

    gives(step)        = cap(step) ∧ Π { has(g) : g a premise, or the warrant, of step }
    gives(if a then b) = cap(link) ∧ has(a)
    received(s)        = 1 − Π (1 − gives(x)) over independent supporters x of s (noisy-or),
                         ∨ the best supporter that rests on s itself (a circle adds nothing)
    support(s)         = limit(s) ∧ (source(s) ∨ received(s))
    has(s)             = cap(s) ∧ limit(s) ∧ (base(s) ∨ received(s))

where ∧ and ∨ take the smaller and the larger of each bound, Π and the noisy-or act on each
bound. Linked premises are jointly no surer than their conjunction (their product, under
independence); independent convergent reasons accumulate. cap(step) is what a step can give:
its own hedge's range, ∧ BARE when it has neither warrant nor scheme (the author's word for the
step), ∧ OPEN_QUESTIONS when its scheme's critical questions are not all answered. base(s) is
source(s) for an accepted or cited statement ([1, 1], or less for a weak source: see
`source_strength`), [0, 0] for a statement that something supports (it has what its support
gives, no more), BARE (the scale's "likely", 55–80 %) for a bare assertion, and [0, 0] for a
condition nothing supports (supposed, not asserted). limit(s) is CONCEDED where the author
grants a point against s. Evidence that cites no source is a bare assertion. The values are the
least fixed point, computed one strongly connected component at a time, grounds first.
docs/analysis.md explains the choices and works examples.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap import hedges, schemes
from argmap.analysis.graph import (
    Supporter,
    rests_on,
    strongly_connected,
    target_of,
)
from argmap.hedges import HedgeFamily, format_range
from argmap.model import (
    ArgumentMap,
    AttackKind,
    Hedge,
    SourceKind,
    Statement,
    StatementKind,
)

EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class Strength:
    """A probability range: at least `low`, at most `high`."""

    low: float
    high: float

    def meet(self, other: Strength) -> Strength:
        return Strength(min(self.low, other.low), min(self.high, other.high))

    def join(self, other: Strength) -> Strength:
        return Strength(max(self.low, other.low), max(self.high, other.high))

    def times(self, other: Strength) -> Strength:
        """Both, taken as independent: the product of each bound."""
        return Strength(self.low * other.low, self.high * other.high)

    def scaled(self, factor: float) -> Strength:
        return Strength(self.low * factor, self.high * factor)

    def within(self, other: Strength) -> bool:
        """No bound above the other's: self ≤ other in the order the calculus uses."""
        return self.low <= other.low + EPSILON and self.high <= other.high + EPSILON

    @property
    def label(self) -> str:
        # rounded first, so that one value reached by two float paths reads the same
        return format_range(round(self.low, 9), round(self.high, 9))


NOTHING = Strength(0.0, 0.0)
FULL = Strength(1.0, 1.0)
_LIKELY = hedges.lookup("likely")
assert _LIKELY is not None and _LIKELY.low is not None and _LIKELY.high is not None
BARE = Strength(_LIKELY.low, _LIKELY.high)
"""What the author's word alone is worth: the scale's "likely"."""
EVEN = Strength(0.45, 0.55)
"""What a claim nobody stands behind is worth (an anonymous source, hearsay): an even chance."""
FLAT = Strength(0.80, 1.0)
"""What an unhedged thesis, claim or prediction claims: stated flatly, a reader hears "very
likely" or surer."""
OPEN_QUESTIONS = Strength(0.80, 0.95)
"""The most a step gives while its scheme's critical questions are not all answered: the
scheme explains the step, but the careful reader's questions stand ("very likely")."""
CONCEDED = Strength(0.80, 0.95)
"""The most a statement can be asserted with when the author grants a point against it."""

_WEAK_SOURCES: dict[SourceKind, Strength] = {
    SourceKind.INTERESTED_PARTY: BARE,
    SourceKind.STATE_MEDIA: BARE,
    SourceKind.ANONYMOUS: EVEN,
    SourceKind.HEARSAY: EVEN,
}


def source_strength(statement: Statement) -> Strength | None:
    """What a statement has on its own: [1, 1] when accepted or cited (a study, a document, a
    survey, a named expert, an official, the news, or a source of no stated kind); what the
    author's own word is worth when the source is a party to the matter or state media; an
    even chance when nobody stands behind it (anonymous, hearsay). None: neither accepted nor
    cited."""
    if statement.accepted:
        return FULL
    if statement.citation is None:
        return None
    if statement.source_kind is None:
        return FULL
    return _WEAK_SOURCES.get(statement.source_kind, FULL)


def percent(value: float) -> int:
    """A bound at the scale's resolution, the whole percent (0.7975 is the 80 % of "very
    likely"): claims and support are compared at it."""
    return math.floor(value * 100 + 0.5)


def exceeds(claim: Strength, support: Strength) -> bool:
    """Whether a claim's lower bound is above what the support gives, at whole percents."""
    return percent(claim.low) > percent(support.low)


def noisy_or(values: Iterable[Strength]) -> Strength:
    """Independent reasons together: 1 − Π (1 − x), bound by bound."""
    values = list(values)
    if len(values) == 1:
        return values[0]
    missing_low, missing_high = 1.0, 1.0
    for value in values:
        missing_low *= 1.0 - value.low
        missing_high *= 1.0 - value.high
    return Strength(1.0 - missing_low, 1.0 - missing_high)


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
    own = source_strength(statement)
    if own is not None:
        return own
    if supported or statement.kind is StatementKind.CONDITION:
        return NOTHING
    return BARE


def claim_of(statement: Statement, flat: bool = True) -> Strength | None:
    """What a statement claims: its hedge's range; for an unhedged thesis, claim or prediction
    (or one hedged only with scope words), FLAT, unless the map says `flat: unchecked`."""
    claim = claimed(statement.hedge)
    if claim is not None or not flat:
        return claim
    if statement.kind not in (StatementKind.THESIS, StatementKind.CLAIM, StatementKind.PREDICTION):
        return None
    hedged = statement.hedge is not None and any(
        q.family is not HedgeFamily.SCOPE for q in statement.hedge.qualifiers
    )
    return None if hedged else FLAT


def is_flat(statement: Statement) -> bool:
    """Stated flatly: no hedge that says how likely (scope words aside)."""
    return statement.hedge is None or all(
        q.family is HedgeFamily.SCOPE for q in statement.hedge.qualifiers
    )


def open_questions_of(step: Supporter) -> tuple[int, ...]:
    """The numbers of the step's scheme's critical questions that nothing answers; an answer
    that is the step's own conclusion answers nothing (it is what the question is about)."""
    scheme = schemes.lookup(step.scheme) if step.scheme else None
    if scheme is None:
        return ()
    conclusion = target_of(step)
    return tuple(
        number
        for number in range(1, len(scheme.questions) + 1)
        if step.answers.get(number) in (None, conclusion)
    )


def step_cap(step: Supporter) -> Strength:
    """The most a step can give, whatever its premises have: its own hedge, ∧ BARE when
    nothing explains it (no warrant, no scheme), ∧ OPEN_QUESTIONS while its scheme's
    questions are open."""
    limit = cap(step.hedge)
    if step.warrant is None and step.scheme is None:
        limit = limit.meet(BARE)
    elif open_questions_of(step):
        limit = limit.meet(OPEN_QUESTIONS)
    return limit


@dataclass(frozen=True)
class Strengths:
    """The calculus over one map."""

    has: dict[str, Strength]  # every statement: what it passes on when used as a premise
    received: dict[str, Strength]  # statements with supporters: what their supporters give
    gives: dict[str, Strength]  # every inference and conditional, by id
    established: frozenset[str]  # statements established on their own ([1, 1] sources)
    caps: dict[str, Strength] = field(default_factory=dict)  # every step: what it can give
    sources: dict[str, Strength] = field(default_factory=dict)  # accepted and cited statements
    limits: dict[str, Strength] = field(default_factory=dict)  # statements a point limits
    claims: dict[str, Strength] = field(default_factory=dict)  # what each statement claims

    def support(self, statement_id: str) -> Strength | None:
        """What stands behind a statement: its source, or what its supporters give (the
        better), within what a conceded point leaves; None for a bare assertion."""
        own = self.sources.get(statement_id)
        received = self.received.get(statement_id)
        if own is None and received is None:
            return None
        behind = own.join(received) if own and received else (own or received)
        assert behind is not None
        return behind.meet(self.limits.get(statement_id, FULL))


def _gives(
    supporter: Supporter, has: dict[str, Strength], step_caps: dict[str, Strength]
) -> Strength:
    """What a step gives: its cap ∧ the product of what it rests on has."""
    given = FULL
    for ground in rests_on(supporter):
        given = given.times(has.get(ground, NOTHING))
    return given.meet(step_caps.get(supporter.id, FULL))


def strengths(argument_map: ArgumentMap, *, explained: frozenset[str] = frozenset()) -> Strengths:
    """Every statement's strength: the least fixed point of the equations above. `explained`
    names steps to count as explained whatever they say (to ask what mending one would give).

    The support graph's strongly connected components are worked through grounds first, so
    that every supporter from outside a component is evaluated once, when what it rests on is
    final (a chain of thousands of steps costs one evaluation a step); inside a circle, the
    values are raised until nothing changes (a circle adds nothing, so this ends)."""
    statements: dict[str, Statement] = {}
    for statement in argument_map.statements:
        statements.setdefault(statement.id, statement)  # the first of duplicates, as `by_id`
    supporters: tuple[Supporter, ...] = (*argument_map.inferences, *argument_map.conditionals)
    supported = {target_of(s) for s in supporters}
    into: dict[str, list[Supporter]] = {}
    edges: dict[str, list[str]] = {}
    sources = {sid: own for sid, s in statements.items() if (own := source_strength(s))}
    settled = {sid for sid, own in sources.items() if own == FULL}
    for supporter in supporters:
        target = target_of(supporter)
        into.setdefault(target, []).append(supporter)
        if target in settled:
            continue  # what it has does not depend on its support: no circle runs through it
        for ground in dict.fromkeys(rests_on(supporter)):
            edges.setdefault(ground, []).append(target)
    limits = {
        attack.target: CONCEDED
        for attack in argument_map.attacks
        if attack.kind is AttackKind.CONCESSION and attack.target in statements
    }
    caps = {sid: cap(s.hedge).meet(limits.get(sid, FULL)) for sid, s in statements.items()}
    bases = {sid: base(s, sid in supported) for sid, s in statements.items()}
    step_caps = {s.id: FULL if s.id in explained else step_cap(s) for s in supporters}
    has = {sid: caps[sid].meet(bases[sid]) for sid in statements}
    received: dict[str, Strength] = {}
    gives: dict[int, Strength] = {}
    nodes = list(dict.fromkeys([*statements, *edges]))
    # Tarjan finds what is supported before what supports it: grounds first is the reverse
    for component in reversed(strongly_connected(nodes, edges)):
        members = set(component)
        circular = len(component) > 1 or any(
            ground in members for s in into.get(component[0], ()) for ground in rests_on(s)
        )
        rounds = 0
        while True:
            changed = False
            for target in component:
                if target not in statements or target not in into or target in settled:
                    continue
                independent: list[Strength] = []
                best_inside = NOTHING
                for supporter in into[target]:
                    given = _gives(supporter, has, step_caps)
                    gives[id(supporter)] = given
                    if circular and any(g in members for g in rests_on(supporter)):
                        best_inside = best_inside.join(given)
                    else:
                        independent.append(given)
                value = noisy_or(independent).join(best_inside)
                updated = caps[target].meet(bases[target].join(value))
                if received.get(target) != value or updated != has[target]:
                    grew = updated.low > has[target].low + EPSILON or (
                        updated.high > has[target].high + EPSILON
                    )
                    received[target], has[target] = value, updated
                    changed = changed or grew
            rounds += 1
            # Values only rise and a circle adds nothing, so this settles; the bound keeps a
            # rounding error from ever making it spin.
            if not circular or not changed or rounds > 4 * len(component) + 8:
                break
    # What a statement established on its own receives does not change what it has, so it was
    # left out of the order; now that everything else is final, its supporters are evaluated.
    for target in settled:
        if target in into:
            given_all = [_gives(supporter, has, step_caps) for supporter in into[target]]
            for supporter, given in zip(into[target], given_all, strict=True):
                gives[id(supporter)] = given
            received[target] = noisy_or(given_all)
    by_id: dict[str, Strength] = {}
    for supporter in supporters:
        by_id.setdefault(supporter.id, gives.get(id(supporter), _gives(supporter, has, step_caps)))
    established = frozenset(sid for sid, own in sources.items() if own == FULL)
    flat = argument_map.header.flat
    claims = {sid: claim for sid, s in statements.items() if (claim := claim_of(s, flat))}
    return Strengths(
        has=has,
        received=received,
        gives=by_id,
        established=established,
        caps=step_caps,
        sources=sources,
        limits=limits,
        claims=claims,
    )


def weakest_ground(supporter: Supporter, values: Strengths) -> str | None:
    """The premise (or condition, or warrant) that limits what a supporter gives most; None for
    an inference without premises (possible only in a map with errors)."""
    return min(rests_on(supporter), key=lambda g: (values.has.get(g, NOTHING).low, g), default=None)
