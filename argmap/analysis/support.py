"""Checks of the support: bare premises (W101), unexplained steps (W102), unsupported
conclusions (W103), circular reasoning (W104), overclaims (W105), unestablished conditions
(W106). Each is a plain function `(ArgumentMap) -> list[Diagnostic]`."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from argmap.analysis.calculus import (
    EPSILON,
    FLAT,
    FULL,
    NOTHING,
    Strength,
    Strengths,
    cap,
    exceeds,
    is_flat,
    open_questions_of,
    percent,
    weakest_ground,
)
from argmap.analysis.graph import (
    CONCLUSION_KINDS,
    Supporter,
    established_on_its_own,
    line_span,
    rests_on,
    step_span,
    strongly_connected,
    target_of,
)
from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic, Span
from argmap.hedges import SCALE, HedgeRow
from argmap.model import Conditional, SourceKind, Statement, StatementKind
from argmap.words import quoted, with_article

if TYPE_CHECKING:
    from argmap.analysis.facts import Facts


def _bare_reason(statement: Statement) -> str:
    if statement.kind is StatementKind.ASSUMPTION:
        return f"the assumption '{statement.id}', which nothing supports"
    if statement.kind is StatementKind.CONDITION:
        return f"the condition '{statement.id}', which is supposed, never established"
    return f"'{statement.id}', {with_article(statement.kind.value)} that is a bare assertion"


def _mend_bare(statement: Statement) -> str:
    accept = (
        f", or mark it [accepted] if every reader grants it ({statement.kind.value} "
        f"{statement.id} [accepted]: ...)"
        if statement.kind in {StatementKind.PREMISE, StatementKind.ASSUMPTION}
        else ""
    )
    return (
        f"back '{statement.id}' with a source ('cite: ...') or with evidence "
        f"('{statement.id} <- some-evidence'){accept}"
    )


def unsupported_links(facts: Facts) -> list[Diagnostic]:
    """W101: a premise (or warrant) that is not evidence, cites nothing, has no support and is
    not accepted. The link from it is flagged, at its place in the inference."""
    graph = facts.graph
    found: list[Diagnostic] = []
    for inference in facts.map.inferences:
        for premise_id, span in zip(inference.premises, inference.premise_spans, strict=True):
            premise = facts.map.statement(premise_id)
            if premise is None or not graph.is_bare(premise):
                continue
            if premise.kind is StatementKind.EVIDENCE:
                continue  # evidence that names no source: W107 says so, once
            found.append(
                diagnostic(
                    "W101",
                    f"'{inference.conclusion}' rests on {_bare_reason(premise)}: it is not "
                    "evidence, cites no source and nothing supports it",
                    span,
                    _mend_bare(premise),
                    subjects=(premise_id,),
                    links=((premise_id, inference.id),),
                )
            )
        warrant = facts.map.statement(inference.warrant) if inference.warrant else None
        if warrant is not None and inference.warrant_span and graph.is_bare(warrant):
            found.append(
                diagnostic(
                    "W101",
                    f"the step into '{inference.conclusion}' rests on an unbacked warrant, "
                    f"{_bare_reason(warrant)}: nothing backs the rule the step relies on",
                    inference.warrant_span,
                    _mend_bare(warrant),
                    subjects=(warrant.id,),
                    links=((warrant.id, inference.id),),
                )
            )
    return found


def unexplained_steps(facts: Facts) -> list[Diagnostic]:
    """W102: an inference, or an "if … then" link, with neither warrant nor scheme: the
    author's word for the step, which gives at most "likely"."""
    found: list[Diagnostic] = []
    for inference in facts.map.inferences:
        if inference.warrant is None and inference.scheme is None:
            found.append(
                diagnostic(
                    "W102",
                    f"the step from {quoted(inference.premises)} to '{inference.conclusion}' "
                    "is asserted, not explained: it has neither a warrant nor a scheme, so it "
                    "passes on at most 'likely'",
                    step_span(inference),
                    "say why the premises lead to the conclusion: add 'warrant: <statement "
                    "id>' (the general rule the step relies on) or 'scheme: <name>' (such as "
                    "cause-to-effect, sign, example, expert-opinion); docs/analysis.md lists "
                    "the schemes",
                    subjects=(inference.id, inference.conclusion),
                )
            )
    for conditional in facts.map.conditionals:
        if conditional.warrant is None and conditional.scheme is None:
            found.append(
                diagnostic(
                    "W102",
                    f"the link 'if {conditional.antecedent} then {conditional.consequent}' is "
                    "asserted, not explained: nothing says why the one would follow from the "
                    "other, so it passes on at most 'likely'",
                    line_span(conditional.span, conditional.consequent_span),
                    "say why it would follow: add 'warrant: <statement id>' or 'scheme: <name>' "
                    "(cause-to-effect, most often) under the 'if' line",
                    subjects=(conditional.id, conditional.consequent),
                )
            )
    return found


def uncited_evidence(facts: Facts) -> list[Diagnostic]:
    """W107: evidence that names no source. It is the author's word, not an established fact:
    the calculus counts it as a bare assertion ("likely" at most)."""
    graph = facts.graph
    return [
        diagnostic(
            "W107",
            f"the evidence '{statement.id}' names no source, so it counts as the author's "
            "word (likely at most), not as an established fact",
            statement.id_span,
            f"cite where it comes from ('cite: [news, 2017] ...' under '{statement.id}'), or "
            "call it a premise if the essay only asserts it",
            subjects=(statement.id,),
            links=tuple(
                (statement.id, step.id) for step, _n in graph.premise_of.get(statement.id, ())
            ),
        )
        for statement in facts.map.statements
        if statement.kind is StatementKind.EVIDENCE
        and graph.is_bare(statement)
        and (statement.id in graph.relied_on or statement.id in graph.premise_of)
    ]


_WEAK_SOURCE_WORDS = {
    SourceKind.INTERESTED_PARTY: "a party to the matter",
    SourceKind.STATE_MEDIA: "state media",
    SourceKind.ANONYMOUS: "an anonymous source",
    SourceKind.HEARSAY: "hearsay",
}


def weak_sources(facts: Facts) -> list[Diagnostic]:
    """W108: a statement the argument relies on whose source is weak: a party to the matter or
    state media (worth the author's own word), an anonymous source or hearsay (an even
    chance)."""
    values = facts.strengths
    found: list[Diagnostic] = []
    for statement in facts.map.statements:
        kind = statement.source_kind
        if kind not in _WEAK_SOURCE_WORDS or statement.id not in facts.graph.relied_on:
            continue
        own = values.sources.get(statement.id, NOTHING)
        found.append(
            diagnostic(
                "W108",
                f"'{statement.id}' rests on {_WEAK_SOURCE_WORDS[kind]} ({own.label}): "
                "the source's word is not enough to establish it",
                statement.id_span,
                "find an independent source (a study, a named expert, a document) or say "
                "why this one can be trusted on this point",
                subjects=(statement.id,),
            )
        )
    return found


def source_questions(facts: Facts) -> list[Diagnostic]:
    """I402: the questions a careful reader asks of a cited source the argument relies on."""
    return [
        diagnostic(
            "I402",
            f"the source of '{statement.id}' ({statement.citation}) is cited: is it reliable "
            "on this point, independent of the matter, and current?",
            statement.id_span,
            "say in the essay who the source is and why it can be trusted, or cite a second, "
            "independent one",
            subjects=(statement.id,),
        )
        for statement in facts.map.statements
        if statement.citation is not None and statement.id in facts.graph.relied_on
    ]


def unsupported_conclusions(facts: Facts) -> list[Diagnostic]:
    """W103: a thesis, claim or prediction with nothing behind it. One that is used as a
    premise is reported at that link instead (W101)."""
    graph = facts.graph
    return [
        diagnostic(
            "W103",
            f"the {statement.kind.value} '{statement.id}' has nothing behind it: no "
            "inference or condition supports it and it cites no source",
            statement.id_span,
            f"add the reasons the essay gives for it ({statement.id} <- premise + premise), "
            "or cite a source",
            subjects=(statement.id,),
        )
        for statement in facts.map.statements
        if statement.kind in CONCLUSION_KINDS
        and graph.is_bare(statement)
        and statement.id not in graph.premise_of
    ]


# ---- circular reasoning -----------------------------------------------------------------------

Edge = tuple[str, Supporter, str]  # (ground, supporter, target)


def _edges(facts: Facts) -> dict[str, list[Edge]]:
    """The support graph's edges from each statement (references to nothing left out)."""
    edges: dict[str, list[Edge]] = {}
    supporters: tuple[Supporter, ...] = (*facts.map.inferences, *facts.map.conditionals)
    for supporter in supporters:
        target = target_of(supporter)
        if facts.map.statement(target) is None:
            continue
        for ground in rests_on(supporter):  # through warrants too
            if facts.map.statement(ground) is not None:
                edges.setdefault(ground, []).append((ground, supporter, target))
    return edges


def _shortest_cycle(start: str, members: set[str], edges: dict[str, list[Edge]]) -> list[Edge]:
    """The shortest cycle through `start` inside one component (breadth first)."""
    came_by: dict[str, Edge] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for edge in edges.get(node, []):
            successor = edge[2]
            if successor not in members:
                continue
            if successor == start:
                path = [edge]
                while path[0][0] != start:
                    path.insert(0, came_by[path[0][0]])
                return path
            if successor not in came_by:
                came_by[successor] = edge
                queue.append(successor)
    return []


def circular_reasoning(facts: Facts) -> list[Diagnostic]:
    """W104: the support runs in a cycle; the message shows it whole (a → b → c → a)."""
    edges = _edges(facts)
    order = [s.id for s in facts.map.statements]
    found: list[Diagnostic] = []
    successors = {ground: [target for _g, _s, target in out] for ground, out in edges.items()}
    for component in strongly_connected(order, successors):
        if len(component) < 2:
            continue
        members = set(component)
        start = next(sid for sid in order if sid in members)
        cycle = _shortest_cycle(start, members, edges)
        if not cycle:
            continue
        names = [edge[0] for edge in cycle] + [start]
        closing_ground, closing, _target = cycle[-1]
        span = _ground_span(closing, closing_ground)
        relations = tuple(dict.fromkeys(edge[1].id for edge in cycle))
        found.append(
            diagnostic(
                "W104",
                "circular reasoning: " + _circle(names),
                span,
                f"'{start}' ends up supporting itself; find what the essay gives for one of "
                f"these statements outside the circle, and break the circle there",
                subjects=(*names[:-1], *relations),
                links=tuple((edge[0], edge[1].id) for edge in cycle),
            )
        )
    return found


_CIRCLE_SHOWN = 10


def _circle(names: list[str]) -> str:
    """'a → b → c → a', or, for a long circle, its first statements, how many more, and the
    way back: a message never grows with the map."""
    if len(names) <= _CIRCLE_SHOWN + 1:
        return " → ".join(names)
    hidden = len(names) - _CIRCLE_SHOWN - 1
    return " → ".join([*names[:_CIRCLE_SHOWN], f"… ({hidden} more)", names[-1]])


def _ground_span(supporter: Supporter, ground: str) -> Span:
    if isinstance(supporter, Conditional):
        return supporter.antecedent_span
    if ground in supporter.premises:
        return supporter.premise_spans[supporter.premises.index(ground)]
    return supporter.warrant_span or step_span(supporter)  # the circle runs through the warrant


# ---- overclaims and conditions ----------------------------------------------------------------

_ROW_ONE = sorted(
    (t for t in SCALE if t.row is HedgeRow.ICD_WORDS and t.low is not None),
    key=lambda t: -(t.low or 0.0),
)


def _word_for(support: Strength) -> str | None:
    """The surest scale word (row 1) whose lower bound the support reaches."""
    for term in _ROW_ONE:
        if term.low is not None and percent(term.low) <= percent(support.low):
            return term.word
    return None


def _why_weak(facts: Facts, ground: str, has: Strength) -> str:
    """Why a statement at the end of a weakest path has no more than it has."""
    statement = facts.map.statement(ground)
    what = f"'{ground}' ({has.label})"
    if statement is None:
        return what
    graph = facts.graph
    if statement.kind is StatementKind.CONDITION and not graph.supporters_of(ground):
        return f"the condition '{ground}', which the map supposes but never establishes"
    if graph.is_bare(statement):
        return f"{what}, a bare assertion, counted as likely at best"
    if statement.hedge is not None and cap(statement.hedge).low <= has.low + EPSILON:
        return f"'{ground}', hedged {statement.hedge.label}"
    supporters = graph.supporters_of(ground)
    if supporters:
        values = facts.strengths
        step = _best(supporters, values)
        needed = [g for g in rests_on(step) if percent(values.has.get(g, NOTHING).low) < 100]
        if len(needed) >= 2:
            each = [f"'{g}' ({values.has.get(g, NOTHING).label})" for g in needed[:4]]
            listed = ", ".join(each[:-1]) + " and " + each[-1]
            return f"{what}, which needs all of {listed}"
        reason = _step_limit(step, values)
        if reason is not None:
            return f"{what}: {reason.replace('the step into it', 'the step into that')}"
    return what


def _best(supporters: list[Supporter], values: Strengths) -> Supporter:
    """The supporter that gives the most (the first of equals)."""
    return max(supporters, key=lambda s: values.gives[s.id].low)


Link = tuple[str, Supporter]  # (ground, the supporter it goes into)


class WeakestPaths:
    """Where what a supporter gives is limited: its weakest ground; and while that ground has
    just what its own best supporter gives (neither its hedge nor that step's lowers it), that
    supporter's weakest ground, and so on down. The last ground is where the limit is set:
    established, bare, or hedged. Each link is worked out once for every path through it (the
    overclaims up a chain share one path)."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.graph = facts.graph
        self.values = facts.strengths
        self.links: dict[int, tuple[str | None, Supporter | None]] = {}
        self.tails: dict[int, tuple[Link, int]] = {}  # supporter -> (last link, path length)

    def link(self, supporter: Supporter) -> tuple[str | None, Supporter | None]:
        """The supporter's weakest ground, and the supporter below it to follow (or None)."""
        key = id(supporter)
        if key not in self.links:
            ground = weakest_ground(supporter, self.values)
            self.links[key] = (ground, self._below(ground) if ground is not None else None)
        return self.links[key]

    def _below(self, ground: str) -> Supporter | None:
        values = self.values
        has, received = values.has.get(ground), values.received.get(ground)
        if has is None or received is None or ground in values.established:
            return None
        if has.low < received.low - EPSILON:
            return None  # its own hedge sets the limit
        best = _best(self.graph.supporters_of(ground), values)
        under = weakest_ground(best, values)
        if under is None or values.gives[best.id].low < values.has.get(under, NOTHING).low:
            return None  # the step's hedge sets the limit
        return best

    def tail(self, supporter: Supporter) -> tuple[Link, int] | None:
        """The path's last link and its length; None for a step without premises."""
        trail: list[Supporter] = []
        on_trail: set[int] = set()
        current: Supporter | None = supporter
        tail: tuple[Link, int] | None = None
        while current is not None:
            if id(current) in self.tails:
                tail = self.tails[id(current)]
                break
            ground, below = self.link(current)
            if ground is None or id(current) in on_trail:
                break  # no premises, or a circle: the path ends where it would close
            on_trail.add(id(current))
            trail.append(current)
            current = below
        for step in reversed(trail):
            ground, _below = self.link(step)
            assert ground is not None
            tail = ((ground, step), 1) if tail is None else (tail[0], tail[1] + 1)
            self.tails[id(step)] = tail
        return tail

    def path(self, supporter: Supporter, shown: int = 4) -> tuple[list[Link], int]:
        """The path's first links (up to `shown`) and its last, and how many links it has."""
        found = self.tail(supporter)
        if found is None:
            return [], 0
        last, length = found
        links: list[Link] = []
        current: Supporter | None = supporter
        while current is not None and len(links) < min(shown, length - 1):
            ground, below = self.link(current)
            assert ground is not None
            links.append((ground, current))
            current = below
        return [*links, last], length

    def rests_on(self, supporter: Supporter) -> str:
        """'it rests on 'c' (20–45 %), which rests, through 'b', on 'p', hedged unlikely'."""
        links, length = self.path(supporter)
        has = self.values.has
        (first, _step), (root, _root_step) = links[0], links[-1]
        why = _why_weak(self.facts, root, has.get(root, NOTHING))
        if length == 1:
            return f"it rests on {why}"
        middle = [ground for ground, _s in links[1:-1]]
        through = ""
        if middle:
            more = length - 2 - len(middle)
            names = quoted(middle) if not more else ", ".join(f"'{m}'" for m in middle)
            through = f", through {names}{f' and {more} more' if more else ''},"
        return (
            f"it rests on '{first}' ({has.get(first, NOTHING).label}), which rests{through} "
            f"on {why}"
        )


def given_words(support: Strength) -> str:
    """What a support gives, as the messages say it: "only 55–80 %", "nothing (0 %)"."""
    return "nothing (0 %)" if support.high <= EPSILON else f"only {support.label}"


def _step_limit(step: Supporter, values: Strengths) -> str | None:
    """Why a step gives less than what it rests on has, if it does: its own hedge, nothing
    explaining it, or its scheme's open questions (the calculus's step caps)."""
    if step.hedge is not None and percent(cap(step.hedge).low) <= percent(
        values.gives[step.id].low
    ):
        return f"the step itself is hedged {step.hedge.label}"
    if step.warrant is None and step.scheme is None:
        return (
            "the step into it is asserted, not explained (no warrant, no scheme), so it "
            "passes on at most likely · 55–80 %"
        )
    if open_questions_of(step):
        return (
            "the step's critical questions are open, so it passes on at most very likely · 80–95 %"
        )
    return None


def overclaims(facts: Facts) -> list[Diagnostic]:
    """W105: a statement claimed more surely than its support allows: the lower bound of what
    it claims (its hedge, or FLAT when it is stated flatly) is above what its support gives."""
    graph = facts.graph
    values = facts.strengths
    paths = facts.weakest_paths
    found: list[Diagnostic] = []
    for statement in facts.map.statements:
        claim = values.claims.get(statement.id)
        support = values.support(statement.id)
        if claim is None or support is None or not exceeds(claim, support):
            continue
        said = (
            f"stated flatly (a reader hears {FLAT.label})"
            if is_flat(statement)
            else f"claimed as {statement.hedge.label}"
            if statement.hedge is not None
            else "claimed"
        )
        where = statement.hedge.span if statement.hedge is not None else statement.id_span
        supporters = graph.supporters_of(statement.id)
        if not supporters:  # cited, and its source is weak (W108), or a point is conceded
            found.append(
                diagnostic(
                    "W105",
                    f"'{statement.id}' is {said}, but what stands behind it gives "
                    f"{given_words(support)}: {_own_limit(statement, values)}",
                    where,
                    _soften(support, statement.id),
                    subjects=(statement.id,),
                )
            )
            continue
        best = _best(supporters, values)
        links, _length = paths.path(best, shown=1)
        weak = links[0][0] if links else None
        needed = [g for g in rests_on(best) if percent(values.has.get(g, NOTHING).low) < 100]
        together = FULL
        for ground in rests_on(best):
            together = together.times(values.has.get(ground, NOTHING))
        step_reason = (
            _step_limit(best, values)
            if percent(values.caps.get(best.id, FULL).low) < percent(together.low)
            else None
        )
        if statement.id in values.limits and percent(values.limits[statement.id].low) <= percent(
            support.low
        ):
            reason = "the author grants a point against it, which leaves room for doubt"
            links = []
        elif step_reason is not None:
            reason = step_reason
            links = links[:1]
        elif not links:
            reason = "the step into it has no premises"
        elif len(needed) >= 2:
            each = [f"'{g}' ({values.has.get(g, NOTHING).label})" for g in needed[:4]]
            if len(needed) > 4:
                each.append(f"{len(needed) - 4} more")
            listed = ", ".join(each[:-1]) + " and " + each[-1]
            reason = (
                f"the step needs all of {listed}, and together they are no surer than "
                f"{together.label}"
            )
        else:
            reason = paths.rests_on(best)
        root = links[-1][0] if links else None
        if isinstance(best, Conditional) and weak is not None and step_reason is None:
            hint = (
                f"'{statement.id}' holds only if '{weak}' does: establish '{weak}' with "
                f"evidence or an inference, or hedge '{statement.id}' no more surely than "
                f"'{weak}' is established"
            )
        else:
            hint = _soften(support, root or best.id)
        found.append(
            diagnostic(
                "W105",
                f"'{statement.id}' is {said}, but its support gives "
                f"{given_words(support)}: {reason}",
                where,
                hint,
                subjects=(statement.id, best.id, *(ground for ground, _s in links)),
                links=tuple((ground, step.id) for ground, step in links[-1:]),
            )
        )
    return found


def _own_limit(statement: Statement, values: Strengths) -> str:
    if statement.id in values.limits:
        return "the author grants a point against it, which leaves room for doubt"
    kind = statement.source_kind
    return f"its source is {_WEAK_SOURCE_WORDS.get(kind, 'weak') if kind else 'weak'}"


def _soften(support: Strength, strengthen: str) -> str:
    word = _word_for(support)
    soften = f"hedge it as '{word}' or less" if word else "hedge it as possible at most"
    return f"{soften}, or strengthen '{strengthen}' with evidence or a source"


def unestablished_conditions(facts: Facts) -> list[Diagnostic]:
    """W106: 'if a then b' where nothing establishes a, while b is asserted (not itself a
    condition) and has no other support."""
    graph = facts.graph
    found: list[Diagnostic] = []
    for conditional in facts.map.conditionals:
        antecedent = facts.map.statement(conditional.antecedent)
        consequent = facts.map.statement(conditional.consequent)
        if antecedent is None or consequent is None or not graph.is_bare(antecedent):
            continue
        if consequent.kind is StatementKind.CONDITION or established_on_its_own(consequent):
            continue
        other_support = [
            s
            for s in graph.supporters_of(consequent.id)
            if not isinstance(s, Conditional) or not _bare_antecedent(facts, s)
        ]
        if other_support:
            continue
        found.append(
            diagnostic(
                "W106",
                f"'{consequent.id}' is asserted as if it held, but it holds only if "
                f"'{antecedent.id}' does, and nothing establishes '{antecedent.id}'",
                conditional.antecedent_span,
                f"support '{antecedent.id}' (what in the essay shows it is, or will be, so), "
                f"or keep '{consequent.id}' conditional: make it a condition too, or hedge it",
                subjects=(conditional.id, antecedent.id, consequent.id),
                links=((antecedent.id, conditional.id),),
            )
        )
    return found


def _bare_antecedent(facts: Facts, conditional: Conditional) -> bool:
    antecedent = facts.map.statement(conditional.antecedent)
    return antecedent is not None and facts.graph.is_bare(antecedent)
