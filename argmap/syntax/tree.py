"""The concrete tree: what was written, block by block, before it means anything.

Each token keeps its raw text beside its meaning (escapes undone, quote marks taken off), each
node its place in its block (lines counted from the block's first line, so that a block reads
the same wherever it stands and its parse can be cached by its text). The comment and blank
lines around the blocks are kept in the `Document`, so that the printer can write the map back
as it was written, in one layout.

The nodes are named tuples, small and typed; a token's node holds its position itself rather
than a `Place`. Both keep down the objects the block cache holds, which the garbage collector
walks at each full collection (as dataclasses with a `Place` each, they made a cold parse of a
5,000-argument map 40 % slower than the parser before the cache). Compare nodes of one type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, NamedTuple

from argmap.diagnostics import Diagnostic

_ESCAPE = re.compile(r"\\(.)")


def unescape(text: str) -> str:
    """A backslash makes the next character literal: \\# \\: \\\\ \\" and so on."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


class Comment(NamedTuple):
    """A comment line: its text from the '#' on, and its line in the file."""

    text: str
    line: int


class BlankLine(NamedTuple):
    line: int


Trivia = Comment | BlankLine
"""A line that is no part of an element: a comment or a blank line."""


class Block(NamedTuple):
    """One top-level block as the parser reads it: comment lines inside it read as blank."""

    first_line: int  # 1-based line of the block's first line in the file
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


class Place(NamedTuple):
    """Where a node stands in its block: 1-based lines (the block's first line is 1) and
    columns, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    def hull(self, other: Place) -> Place:
        """The smallest place that holds both."""
        start = min((self.line, self.column), (other.line, other.column))
        end = max((self.end_line, self.end_column), (other.end_line, other.end_column))
        return Place(start[0], start[1], end[0], end[1])


class Word(NamedTuple):
    """A token as written: a keyword, an id, a finding code, a number."""

    raw: str
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def place(self) -> Place:
        return Place(self.line, self.column, self.end_line, self.end_column)


class Text(NamedTuple):
    """Free text to the end of a line: as written, and what it says (escapes undone)."""

    raw: str
    value: str
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def place(self) -> Place:
        return Place(self.line, self.column, self.end_line, self.end_column)


class QuoteStyle(StrEnum):
    STRAIGHT = "straight"  # "...", with \" and \\ escapes
    CURLY = "curly"  # “...”, taken as it stands


class QuotedText(NamedTuple):
    """A quote from the source: as written (marks and escapes), what it says, and its marks."""

    raw: str
    value: str
    style: QuoteStyle
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def place(self) -> Place:
        return Place(self.line, self.column, self.end_line, self.end_column)


class Tags(NamedTuple):
    """A hedge and flags in square brackets, as written: "[likely, may]", "[accepted]"."""

    raw: str
    words: tuple[str, ...]  # the words between the commas, blanks trimmed, empty ones left out
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def place(self) -> Place:
        return Place(self.line, self.column, self.end_line, self.end_column)


TextAttributeName = Literal["cite", "note", "hedge", "scheme", "side"]


class TextAttribute(NamedTuple):
    """ "cite: ...", "note: ...", "hedge: ...", "scheme: ...", "side: ...": a key and free
    text (what a citation's bracket or a side's word means is the lowering's to read)."""

    name: TextAttributeName
    value: Text
    place: Place


class QuoteAttribute(NamedTuple):
    name: Literal["quote"]
    value: QuotedText
    place: Place


class WarrantAttribute(NamedTuple):
    name: Literal["warrant"]
    value: Word  # a statement id
    place: Place


class AllowAttribute(NamedTuple):
    name: Literal["allow"]
    codes: tuple[Word, ...]
    place: Place


class AnswerAttribute(NamedTuple):
    name: Literal["answer"]
    number: Word  # as written: "answer 01:" keeps its "01"
    value: Word  # a statement id
    place: Place


Attribute = TextAttribute | QuoteAttribute | WarrantAttribute | AllowAttribute | AnswerAttribute


class HeaderLine(NamedTuple):
    """ "title: ...": one line."""

    key: Word
    value: Text
    place: Place


class StatementNode(NamedTuple):
    """ "kind id [tags]: text", its continuation lines, then its attributes, in written order."""

    kind: Word
    id: Word
    tags: Tags | None
    lines: tuple[Text, ...]  # the first line's text, then each continuation line's
    attributes: tuple[Attribute, ...]
    place: Place


class InferenceBody(NamedTuple):
    """ "conclusion <- premise + premise"."""

    conclusion: Word
    premises: tuple[Word, ...]
    place: Place  # with the "<-"


AttackVerb = Literal["rebuts", "undercuts", "limits", "contradicts"]


class AttackBody(NamedTuple):
    """ "a rebuts b", "a undercuts step", "r partly rebuts o", "o limits t",
    "a contradicts b"."""

    verb: AttackVerb
    attacker: Word
    target: Word
    place: Place
    partly: bool = False  # "partly rebuts", "partly undercuts"


class ConditionalBody(NamedTuple):
    """ "if a then b", with an optional hedge in brackets after b: "if a then b [likely]"."""

    antecedent: Word
    consequent: Word
    tags: Tags | None
    place: Place  # with the "if", the "then" and the hedge


RelationBody = InferenceBody | AttackBody | ConditionalBody


class RelationNode(NamedTuple):
    """An optional "name:", a relation, then its attributes in written order."""

    name: Word | None
    body: RelationBody
    attributes: tuple[Attribute, ...]
    place: Place


Element = HeaderLine | StatementNode | RelationNode


class ParsedBlock(NamedTuple):
    """What one block's text reads as, wherever it stands (places and the error's span count
    lines from the block's first line; the error has no file yet).

    `element` is None when the block is lost to its syntax error; with an error in an indented
    line it is what the lines before that one read as.
    """

    element: Element | None
    error: Diagnostic | None


class DocumentBlock(NamedTuple):
    """One top-level block of a file: what it reads as, the block as the parser read it, its
    lines as written (comments kept), the comment lines inside it, and the comment and blank
    lines before it."""

    parsed: ParsedBlock
    block: Block
    written: tuple[str, ...]
    comments: tuple[Comment, ...]
    leading: tuple[Trivia, ...]

    @property
    def first_line(self) -> int:
        return self.block.first_line


@dataclass(frozen=True, slots=True)
class Document:
    """A whole file as written: its blocks, the comment and blank lines after the last one,
    and the syntax errors (E1xx), with their file and line in the file."""

    path: str | None
    blocks: tuple[DocumentBlock, ...]
    trailing: tuple[Trivia, ...]
    diagnostics: tuple[Diagnostic, ...]
