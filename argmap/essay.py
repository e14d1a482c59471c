"""Where a map's quotes stand in its essay: character ranges of the essay's own text.

Quotes are found as validation finds them (`argmap.validate.fold`: case, white space, quote
marks and dashes folded); the folded essay keeps, for each of its characters, the position in
the essay it came from, so that a match in the folded text is a range of the real one. The
comparison (argmap.compare) and the HTML page (argmap.render.html) both read the essay so.

`paragraphs` and `sentences` cut the essay as a reader does: a paragraph ends at a blank line,
a sentence after ".", "!" or "?" (and a closing quote mark or bracket) before white space.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model import Statement
from argmap.validate import fold

Passage = tuple[int, int]
"""A range of the essay's characters: start, end (exclusive)."""


def quotes_of(statement: Statement) -> tuple[str, ...]:
    """The quotes a statement maps the essay with: every one (a thesis stated at the start
    and restated in the conclusion has two)."""
    if statement.quotes:
        return tuple(quote.text for quote in statement.quotes)
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


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"""[.!?…]+["'”’»)\]]*(?=\s)""")


def paragraphs(essay: str) -> list[Passage]:
    """The essay's paragraphs (runs of text between blank lines), white space trimmed."""
    text = essay.replace("\r\n", "\n ").replace("\r", "\n")  # same length: positions kept
    found: list[Passage] = []
    start = 0
    for match in (*_PARAGRAPH_BREAK.finditer(text), None):
        end = len(text) if match is None else match.start()
        trimmed = _trimmed(essay, start, end)
        if trimmed is not None:
            found.append(trimmed)
        if match is not None:
            start = match.end()
    return found


def sentences(essay: str, within: Passage | None = None) -> list[Passage]:
    """The sentences of the essay (or of one passage of it), white space trimmed."""
    start, stop = within if within is not None else (0, len(essay))
    found: list[Passage] = []
    for match in (*_SENTENCE_END.finditer(essay, start, stop), None):
        end = stop if match is None else match.end()
        trimmed = _trimmed(essay, start, end)
        if trimmed is not None:
            found.append(trimmed)
        start = end
    return found


def _trimmed(essay: str, start: int, end: int) -> Passage | None:
    while start < end and essay[start].isspace():
        start += 1
    while end > start and essay[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


__all__ = ["FoldedEssay", "Passage", "anchor", "paragraphs", "quotes_of", "sentences"]
