"""Abstract argumentation (Dung, 1995): a framework of named arguments and defeats, its grounded
labelling, and the preferred and stable readings of its undecided part.

Nothing here knows about argument maps: `argmap.analysis.attacks` builds a map's framework and
reads the labels back. The grounded labelling is computed by the standard linear-time
algorithm (`grounded_labels`); python-argumentation's (py_arg's) fixed-point solver gives the
same labels (a property test checks this) but takes minutes on a framework of a thousand
arguments. For the undecided part, py_arg's preferred and stable extensions tell in how many
readings each argument holds, one connected tangle at a time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument

# py_arg is imported where an undecided tangle is solved: most maps have none, and a check
# never asks for readings


class Standing(StrEnum):
    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


@dataclass(frozen=True)
class Framework:
    """The abstract argumentation framework of a map: argument names and defeats."""

    arguments: tuple[str, ...]
    defeats: tuple[tuple[str, str], ...]


def _py_arg(
    arguments: Iterable[str], defeats: Iterable[tuple[str, str]]
) -> tuple[AbstractArgumentationFramework, dict[str, Argument]]:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat

    by_name = {name: Argument(name) for name in arguments}
    af = AbstractArgumentationFramework(
        "map",
        list(by_name.values()),
        [Defeat(by_name[a], by_name[b]) for a, b in defeats],
    )
    return af, by_name


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


# ---- readings: preferred and stable extensions of the undecided part ------------------------

READINGS_LIMIT = 16
"""The largest tangle of undecided arguments whose readings are enumerated. py_arg's preferred
and stable solvers branch on every argument without pruning, so their work doubles with each
argument more: a tangle of 16 takes up to a quarter of a second, one of 20 up to five seconds,
and one of 24 (four readings) over three."""


@dataclass(frozen=True)
class Reading:
    """How an undecided argument fares across the readings of its tangle."""

    preferred_in: int
    preferred: int
    stable_in: int
    stable: int


@dataclass
class Readings:
    """The undecided tangles of a labelled framework, each solved with py_arg when first asked
    about (the grounded labels are common to every preferred and stable extension, so only the
    undecided arguments need solving)."""

    framework: Framework
    labels: dict[str, Standing]
    inner: list[tuple[str, str]] = field(init=False)
    tangles: list[set[str]] = field(init=False)
    tangle_of: dict[str, int] = field(init=False)
    solved: dict[int, dict[str, Reading]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        undecided = {n for n, label in self.labels.items() if label is Standing.UNDECIDED}
        self.inner = [
            (a, b) for a, b in self.framework.defeats if a in undecided and b in undecided
        ]
        self.tangles = tangles(undecided, self.inner)
        self.tangle_of = {node: i for i, tangle in enumerate(self.tangles) for node in tangle}

    def of(self, argument: str) -> Reading | None:
        """How an undecided argument fares; None for one that is in or out, or whose tangle is
        larger than READINGS_LIMIT."""
        index = self.tangle_of.get(argument)
        if index is None:
            return None
        if index not in self.solved:
            self.solved[index] = self._solve(self.tangles[index])
        return self.solved[index].get(argument)

    def _solve(self, tangle: set[str]) -> dict[str, Reading]:
        if len(tangle) > READINGS_LIMIT:
            return {}
        from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
        from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

        af, by_name = _py_arg(sorted(tangle), [(a, b) for a, b in self.inner if a in tangle])
        preferred = get_preferred_extensions(af)
        stable = get_stable_extensions(af)
        return {
            name: Reading(
                preferred_in=sum(by_name[name] in e for e in preferred),
                preferred=len(preferred),
                stable_in=sum(by_name[name] in e for e in stable),
                stable=len(stable),
            )
            for name in tangle
        }


def tangles(nodes: set[str], defeats: list[tuple[str, str]]) -> list[set[str]]:
    """The weakly connected components of a framework's part."""

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
