"""Where a statement's quotes stand in the essay, and how much two lists of them share.

The finding of quotes in the essay is `argmap.essay`'s (the HTML page reads the essay the same
way); it is named here too, for the comparison's modules.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.essay import FoldedEssay, Passage, anchor, quotes_of


def overlap(first: Sequence[Passage], second: Sequence[Passage]) -> tuple[int, int]:
    """How many of the essay's characters both lists of passages cover, and how many either
    covers (intersection and union; the passages of one list may overlap each other)."""
    covered_first = _covered(first)
    covered_second = _covered(second)
    return len(covered_first & covered_second), len(covered_first | covered_second)


def _covered(passages: Sequence[Passage]) -> set[int]:
    # Sets of positions: a statement's passages are a sentence or two, so this stays small.
    return {position for start, end in passages for position in range(start, end)}


__all__ = ["FoldedEssay", "Passage", "anchor", "overlap", "quotes_of"]
