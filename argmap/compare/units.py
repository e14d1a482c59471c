"""Which statements of two maps are the same unit of the essay's argument.

Two stages, each one-to-one and greedy (the best pair first, then the best of what is left):

1. by passage: statements whose quotes anchor in the essay and overlap are the same unit;
   pairs rank by the share of their passages they have in common (characters both cover over
   characters either covers), then by the length in common.
2. by text: what is left, where one of a pair has no passage (no quote, a quote not found, or
   no shared essay), pairs by the words of their texts: Jaccard similarity of the sets of
   folded words, at least TEXT_THRESHOLD. Two statements whose passages lie apart are
   different units, however alike their words.

Ties go to the statement written first in the key, then in the other map; never to ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.compare.model import MatchedBy
from argmap.compare.passages import FoldedEssay, Passage, anchor, overlap, quotes_of
from argmap.model import Statement
from argmap.validate import fold

TEXT_THRESHOLD = 0.5
"""The least Jaccard similarity of two texts' words that makes them one unit: half the words
either uses are shared. A paraphrase that keeps the essay's nouns passes; two statements on one
subject that say different things mostly do not."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class UnitMatch:
    key: Statement
    other: Statement
    by: MatchedBy
    similarity: float


def words_of(text: str) -> frozenset[str]:
    """A text's words, folded as quotes are (case, quote marks), without punctuation."""
    return frozenset(_WORD.findall(fold(text)))


def text_similarity(first: str, second: str) -> float:
    """Jaccard similarity of the two texts' words: shared words over all words, 0 to 1."""
    first_words, second_words = words_of(first), words_of(second)
    union = first_words | second_words
    return len(first_words & second_words) / len(union) if union else 0.0


def match_units(
    key: Sequence[Statement], other: Sequence[Statement], essay: FoldedEssay | None
) -> list[UnitMatch]:
    """The statements of `key` and `other` that are one unit, each at most once, in the
    key's order. `essay` None: by text only."""
    key_passages = [anchor(quotes_of(statement), essay) for statement in key]
    other_passages = [anchor(quotes_of(statement), essay) for statement in other]
    by_passage: list[tuple[float, int, int, int]] = []
    for i, first in enumerate(key_passages):
        for j, second in enumerate(other_passages):
            if first and second and _may_overlap(first, second):
                common, union = overlap(first, second)
                if common:
                    by_passage.append((common / union, common, i, j))
    pairs: dict[int, tuple[int, MatchedBy, float]] = {
        i: (j, "passage", share) for i, j, share in _greedy(by_passage)
    }
    taken_other = {j for j, _, _ in pairs.values()}
    by_text: list[tuple[float, int, int, int]] = []
    for i, statement in enumerate(key):
        if i in pairs:
            continue
        for j, candidate in enumerate(other):
            if j in taken_other or (key_passages[i] and other_passages[j]):
                continue
            similarity = text_similarity(statement.text, candidate.text)
            if similarity >= TEXT_THRESHOLD:
                by_text.append((similarity, 0, i, j))
    pairs.update({i: (j, "text", share) for i, j, share in _greedy(by_text)})
    matches: list[UnitMatch] = []
    for i in sorted(pairs):
        j, by, similarity = pairs[i]
        matches.append(UnitMatch(key[i], other[j], by, round(similarity, 3)))
    return matches


def _may_overlap(first: Sequence[Passage], second: Sequence[Passage]) -> bool:
    # A cheap test first: most pairs of a map's statements lie far apart in the essay.
    return min(s for s, _ in first) < max(e for _, e in second) and min(s for s, _ in second) < max(
        e for _, e in first
    )


def _greedy(candidates: list[tuple[float, int, int, int]]) -> list[tuple[int, int, float]]:
    """One-to-one pairs (key index, other index, share), the best share first, then the
    longest in common, then the earliest written."""
    chosen: list[tuple[int, int, float]] = []
    used_key: set[int] = set()
    used_other: set[int] = set()
    for share, _common, i, j in sorted(candidates, key=lambda c: (-c[0], -c[1], c[2], c[3])):
        if i in used_key or j in used_other:
            continue
        used_key.add(i)
        used_other.add(j)
        chosen.append((i, j, share))
    return chosen
