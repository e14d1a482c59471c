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
    return _jaccard(words_of(first), words_of(second))


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def match_units(
    key: Sequence[Statement], other: Sequence[Statement], essay: FoldedEssay | None
) -> list[UnitMatch]:
    """The statements of `key` and `other` that are one unit, each at most once, in the
    key's order. `essay` None: by text only."""
    key_passages = [anchor(quotes_of(statement), essay) for statement in key]
    other_passages = [anchor(quotes_of(statement), essay) for statement in other]
    by_passage: list[tuple[float, int, int, int]] = []
    nearby = _BlockIndex(other_passages)
    for i, first in enumerate(key_passages):
        for j in nearby.near(first):
            common, union = overlap(first, other_passages[j])
            if common:
                by_passage.append((common / union, common, i, j))
    pairs: dict[int, tuple[int, MatchedBy, float]] = {
        i: (j, "passage", share) for i, j, share in _greedy(by_passage)
    }
    taken_other = {j for j, _, _ in pairs.values()}
    other_words = [words_of(statement.text) for statement in other]
    by_text: list[tuple[float, int, int, int]] = []
    for i, statement in enumerate(key):
        if i in pairs:
            continue
        words = words_of(statement.text)
        for j, candidate_words in enumerate(other_words):
            if j in taken_other or (key_passages[i] and other_passages[j]):
                continue
            similarity = _jaccard(words, candidate_words)
            if similarity >= TEXT_THRESHOLD:
                by_text.append((similarity, 0, i, j))
    pairs.update({i: (j, "text", share) for i, j, share in _greedy(by_text)})
    matches: list[UnitMatch] = []
    for i in sorted(pairs):
        j, by, similarity = pairs[i]
        matches.append(UnitMatch(key[i], other[j], by, round(similarity, 3)))
    return matches


class _BlockIndex:
    """The statements whose passages touch each block of the essay, so that a passage is
    compared only with those near it: without it, two maps of a long essay would compare
    every statement with every other."""

    BLOCK = 256  # characters: a sentence or two

    def __init__(self, passages: Sequence[Sequence[Passage]]) -> None:
        self._blocks: dict[int, list[int]] = {}
        for index, statement_passages in enumerate(passages):
            for block in self._blocks_of(statement_passages):
                self._blocks.setdefault(block, []).append(index)

    def _blocks_of(self, passages: Sequence[Passage]) -> set[int]:
        return {
            block
            for start, end in passages
            for block in range(start // self.BLOCK, (end - 1) // self.BLOCK + 1)
        }

    def near(self, passages: Sequence[Passage]) -> list[int]:
        """The indexes of the statements with a passage in a block these passages touch."""
        found = {i for block in self._blocks_of(passages) for i in self._blocks.get(block, ())}
        return sorted(found)


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
