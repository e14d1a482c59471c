"""Which part of a map to draw: all of it, the part around one statement (`--focus`), or the
top of it down to a depth (`--depth`), with what is left out summarised.

The map is walked from a statement down to its grounds: one step is one relation, from its
target to its grounds (an inference to its premises and warrant, a conditional to its
antecedent, an attack to its attacker). Attacks on a drawn step (undercuts) are grounds of
that step's target. A relation is drawn whole or not at all: linked premises stay together.

`plan` makes the whole decision for a drawing: what part is drawn (the options' focus and
depth, or as much of a big map as fits), the notes under the title that say so, and whether
each statement is one line.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.model import ArgumentMap, Attack, Conditional, Inference, Statement, StatementKind
from argmap.render.options import Depth, Direction, RenderOptions
from argmap.words import plural

Relation = Inference | Conditional | Attack

# Big maps (docs/rendering.md): above COMPACT_ABOVE drawn statements each is one line; a
# whole map of more than FIT statements is drawn from its theses down as far as FIT allows,
# each part left out summarised ("▸ 40 more statements, ⚠ 3 flagged").
COMPACT_ABOVE = 120
FIT = 150
# A whole map whose first step down already has more statements than this (one inference of
# thousands of premises; thousands of attacks on attacks, which are one step with the attack
# they answer) is drawn as its theses alone, the rest summarised: Graphviz's layout grows much
# faster than the drawing (5,000 attacks on attacks, one step: 72 s; a quarter of them 1.7 s).
LAYOUT_MOST = 1_000


@dataclass
class Selection:
    """The ids of the elements to draw, and for each drawn statement whose grounds are not
    all drawn, the ids of the statements hidden below it."""

    ids: set[str]
    hidden_below: dict[str, set[str]] = field(default_factory=dict)

    def __contains__(self, element_id: str) -> bool:
        return element_id in self.ids


@dataclass(frozen=True)
class Plan:
    """What a drawing shows and how densely: the selection, the notes under the title that
    say what part of the map it is, whether each statement is one line, and where the
    thesis is (the options' direction, with auto decided)."""

    selection: Selection
    notes: tuple[str, ...]
    compact: bool
    direction: Direction


def plan(argument_map: ArgumentMap, options: RenderOptions) -> Plan:
    """What to draw of the map, given the options (their focus is a statement of the map)."""
    selection, notes = _select(argument_map, options.focus, options.depth)
    drawn = count(selection, argument_map)
    compact = options.detail == "compact" or (options.detail == "auto" and drawn > COMPACT_ABOVE)
    if options.direction == "auto":  # one-line boxes stack well in rows: a big map reads LR
        direction: Direction = "LR" if compact else "TB"
    else:
        direction = options.direction
    return Plan(selection, tuple(notes), compact, direction)


def _select(
    argument_map: ArgumentMap, focus: str | None, depth: Depth
) -> tuple[Selection, list[str]]:
    """What to draw, and the notes under the title that say so."""
    limit = depth if isinstance(depth, int) else None
    total = len(argument_map.statements)
    if focus is not None:
        how_far = "all the way down" if limit is None else f"{_steps(limit)} down"
        return around(argument_map, focus, limit), [f"around ‘{focus}’, {how_far}"]
    if limit is not None:
        chosen = top(argument_map, limit)
        return chosen, [f"{_steps(limit)} down from the thesis; {_shown(chosen, argument_map)}"]
    if depth == "all" or total <= FIT:
        return everything(argument_map), []
    chosen = fitting(argument_map, FIT)
    return chosen, [
        f"{_shown(chosen, argument_map)}: the top of a big map "
        "(▸ marks a part not drawn: draw it with --focus ID, or all with --depth all)"
    ]


def _shown(selection: Selection, argument_map: ArgumentMap) -> str:
    return f"{count(selection, argument_map)} of {len(argument_map.statements)} statements"


def _steps(depth: int) -> str:
    return plural(depth, "step")


class Walk:
    """The map as a graph of statements and relations, for walking down and up."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.map = argument_map
        self.relations: list[Relation] = [
            *argument_map.inferences,
            *argument_map.conditionals,
            *argument_map.attacks,
        ]
        self.into: dict[str, list[Relation]] = {}  # target id -> relations ending there
        self.out_of: dict[str, list[Relation]] = {}  # statement id -> relations it grounds
        for relation in self.relations:
            self.into.setdefault(target_of(relation), []).append(relation)
            for ground in grounds_of(relation):
                self.out_of.setdefault(ground, []).append(relation)
        self._bearing: dict[str, tuple[Relation, ...]] = {}
        self._roots: list[str] | None = None
        self._outside: set[str] | None = None

    def bearing_on(self, statement_id: str) -> tuple[Relation, ...]:
        """The relations into a statement, and the attacks on those (undercuts), recursively.
        Remembered: a big map's top is walked a dozen times (`fitting`)."""
        known = self._bearing.get(statement_id)
        if known is not None:
            return known
        queue = deque(self.into.get(statement_id, []))
        seen: set[str] = set()
        found: list[Relation] = []
        while queue:
            relation = queue.popleft()
            if relation.id in seen:
                continue
            seen.add(relation.id)
            found.append(relation)
            queue.extend(self.into.get(relation.id, []))
        self._bearing[statement_id] = result = tuple(found)
        return result

    def down(self, start: str, depth: int | None) -> set[str]:
        """`start` and everything bearing on it, at most `depth` steps down (None: all)."""
        return self.down_from((start,), depth)

    def down_from(self, starts: Iterable[str], depth: int | None) -> set[str]:
        """What `down` gives from each of `starts`, together, in one walk: an element is
        reached when some start reaches it within `depth` steps, and the walk goes
        breadth-first from all starts at once, so each element is met first by its nearest
        start (the union of the walks from each start, without walking shared parts again)."""
        best: dict[str, int] = {}
        selected: set[str] = set()
        limit = depth if depth is not None else len(self.relations) + 1
        queue: deque[tuple[str, int]] = deque((start, limit) for start in starts)
        while queue:
            statement_id, left = queue.popleft()
            if best.get(statement_id, -1) >= left:
                continue
            best[statement_id] = left
            selected.add(statement_id)
            if left == 0:
                continue
            for relation in self.bearing_on(statement_id):
                selected.add(relation.id)
                queue.extend((ground, left - 1) for ground in grounds_of(relation))
        return self.closed(selected)

    def up(self, statement_id: str) -> set[str]:
        """The steps a statement takes part in, one step up, with their other ends."""
        return self.closed({relation.id for relation in self.out_of.get(statement_id, [])})

    def closed(self, selected: set[str]) -> set[str]:
        """The selection with every end of every selected relation, so each is drawn whole."""
        result = set(selected)
        queue = deque(result)
        while queue:
            element = self.map.by_id.get(queue.popleft())
            if element is None or isinstance(element, Statement):
                continue
            for end in (*grounds_of(element), target_of(element)):
                if end not in result and end in self.map.by_id:
                    result.add(end)
                    queue.append(end)
        return result

    def roots(self) -> list[str]:
        """Where a walk down the whole map starts: the theses, else what grounds nothing."""
        if self._roots is None:
            theses = [s.id for s in self.map.statements if s.kind is StatementKind.THESIS]
            self._roots = theses or [s.id for s in self.map.statements if s.id not in self.out_of]
        return self._roots

    def top_ids(self, depth: int) -> set[str]:
        """The ids `top` draws at `depth`, before the relations between them are added."""
        return self.down_from(self.roots(), depth) | self.outside()

    def outside(self) -> set[str]:
        """What no walk down from a root reaches, with every end of its relations: drawn at
        every depth, so worked out once."""
        if self._outside is None:
            reachable = self.down_from(self.roots(), None)
            self._outside = self.closed(set(self.map.by_id) - reachable)
        return self._outside


def grounds_of(relation: Relation) -> tuple[str, ...]:
    if isinstance(relation, Inference):
        warrant = (relation.warrant,) if relation.warrant else ()
        return (*relation.premises, *warrant)
    if isinstance(relation, Conditional):
        return (relation.antecedent,)
    return (relation.attacker,)


def target_of(relation: Relation) -> str:
    if isinstance(relation, Inference):
        return relation.conclusion
    if isinstance(relation, Conditional):
        return relation.consequent
    return relation.target


def everything(argument_map: ArgumentMap) -> Selection:
    return Selection(set(argument_map.by_id))


def around(argument_map: ArgumentMap, focus: str, depth: int | None) -> Selection:
    """The focus statement, its grounds down to `depth`, and the steps it takes one up."""
    walk = Walk(argument_map)
    ids = walk.down(focus, depth) | walk.up(focus)
    return _with_hidden(walk, ids)


def top(argument_map: ArgumentMap, depth: int, walk: Walk | None = None) -> Selection:
    """The map from its theses down to `depth` steps, and whatever is not below a thesis."""
    walk = walk or Walk(argument_map)
    return _with_hidden(walk, walk.top_ids(depth))


def fitting(argument_map: ArgumentMap, most: int) -> Selection:
    """The deepest top of the map with at most `most` statements: at least one step, unless
    that one step has more than LAYOUT_MOST statements, when the theses alone are drawn.

    The statements drawn only grow with the depth, so the depth is found by doubling it while
    the top fits and then halving the last gap, not by trying each: a few dozen walks at
    most, none deeper than twice the answer (a chain of 100,000 steps is walked at most 256
    steps down, where halving from the bottom would first walk 50,000).
    """
    walk = Walk(argument_map)
    high = max(len(argument_map.statements), 1)  # `high` steps reach everything

    def fits(depth: int) -> bool:
        return _statements_in(walk.top_ids(depth), argument_map) <= most

    if _statements_in(walk.top_ids(1), argument_map) > max(most, LAYOUT_MOST):
        return _with_hidden(walk, walk.top_ids(0))
    low = 1
    while low < high:
        probe = min(2 * low, high)
        if not fits(probe):
            high = probe - 1
            break
        low = probe
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return _with_hidden(walk, walk.top_ids(low))


def count(selection: Selection, argument_map: ArgumentMap) -> int:
    """How many of the map's statements the selection draws."""
    return _statements_in(selection.ids, argument_map)


def _statements_in(ids: set[str], argument_map: ArgumentMap) -> int:
    by_id = argument_map.by_id
    return sum(1 for i in ids if isinstance(by_id.get(i), Statement))


def _with_hidden(walk: Walk, ids: set[str]) -> Selection:
    ids = _with_relations_between(walk, ids)
    hidden: dict[str, set[str]] = {}
    for statement in walk.map.statements:
        if statement.id not in ids:
            continue
        below = {
            ground
            for relation in walk.bearing_on(statement.id)
            if relation.id not in ids
            for ground in grounds_of(relation)
        }
        if below:
            everything_below = walk.down_from(below, None)  # one walk, however many grounds
            hidden_statements = {
                i for i in everything_below - ids if isinstance(walk.map.by_id.get(i), Statement)
            }
            if hidden_statements:
                hidden[statement.id] = hidden_statements
    return Selection(ids, hidden)


def _with_relations_between(walk: Walk, ids: set[str]) -> set[str]:
    """Add the relations whose ends are all drawn anyway: leaving them out would hide a step
    between two statements on the drawing."""
    result = set(ids)
    # a relation added can complete another (an attack on it): those are looked at again
    by_end: dict[str, list[Relation]] = {}
    for relation in walk.relations:
        by_end.setdefault(target_of(relation), []).append(relation)
    queue = deque(walk.relations)
    while queue:
        relation = queue.popleft()
        if relation.id in result:
            continue
        if all(end in result for end in (*grounds_of(relation), target_of(relation))):
            result.add(relation.id)
            queue.extend(by_end.get(relation.id, ()))
    return result
