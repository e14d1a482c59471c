"""Where a statement's quotes stand in the essay: character ranges of the essay's own text.

Quotes are found as validation finds them (`argmap.validate.fold`: case, white space, quote
marks and dashes folded); the folded essay keeps, for each of its characters, the position in
the essay it came from, so that a match in the folded text is a range of the real one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model import Statement
from argmap.validate import fold

Passage = tuple[int, int]
"""A range of the essay's characters: start, end (exclusive)."""


def quotes_of(statement: Statement) -> tuple[str, ...]:
    """The quotes a statement maps the essay with. One at most today; the matcher takes a
    list, so that an element with several quotes needs no change to it."""
    return (statement.quote.text,) if statement.quote is not None else ()


@dataclass(frozen=True)
class FoldedEssay:
    """The essay folded as quotes are compared, with the essay position of each character."""

    text: str
    origins: tuple[int, ...]

    @classmethod
    def of(cls, essay: str) -> FoldedEssay:
        characters: list[str] = []
        origins: list[int] = []
        space_at: int | None = None  # a run of white space not yet written, and where it began
        for position, character in enumerate(essay):
            # fold() of one character is what fold() makes of it inside a text ("" for white
            # space), so the whole is fold(essay) (the tests check it)
            folded = fold(character)
            if not folded:
                if space_at is None:
                    space_at = position
                continue
            if space_at is not None and characters:
                characters.append(" ")
                origins.append(space_at)
            space_at = None
            characters.extend(folded)  # casefold may make two letters of one ("ß" -> "ss")
            origins.extend([position] * len(folded))
        return cls("".join(characters), tuple(origins))

    def find(self, quote: str) -> Passage | None:
        """The first place in the essay the quote matches, as the essay's characters."""
        target = fold(quote)
        if not target:
            return None
        start = self.text.find(target)
        if start < 0:
            return None
        return self.origins[start], self.origins[start + len(target) - 1] + 1


def anchor(quotes: Sequence[str], essay: FoldedEssay | None) -> tuple[Passage, ...]:
    """The passages of the essay that the quotes map (those found; none without an essay)."""
    if essay is None:
        return ()
    found = (essay.find(quote) for quote in quotes)
    return tuple(passage for passage in found if passage is not None)


def overlap(first: Sequence[Passage], second: Sequence[Passage]) -> tuple[int, int]:
    """How many of the essay's characters both lists of passages cover, and how many either
    covers (intersection and union; the passages of one list may overlap each other)."""
    covered_first = _covered(first)
    covered_second = _covered(second)
    return len(covered_first & covered_second), len(covered_first | covered_second)


def _covered(passages: Sequence[Passage]) -> set[int]:
    # Sets of positions: a statement's passages are a sentence or two, so this stays small.
    return {position for start, end in passages for position in range(start, end)}
