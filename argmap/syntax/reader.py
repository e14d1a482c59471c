"""Reading `.argmap` text: the language's words, the LALR parser built from
grammars/argmap.lark, and the text cut into top-level blocks with the comment and blank lines
around them.

A block is a line at the left margin with the indented lines under it. The parser reads one
block at a time, so that a syntax error costs only its own block. Comment lines never reach the
parser (they read as blank lines, which the grammar allows anywhere), but the reader keeps
them, with the blank lines between blocks, for the printer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from argmap.model import Side, SourceKind, StatementKind
from argmap.syntax.transform import ConcreteTreeBuilder
from argmap.syntax.tree import BlankLine, Block, Comment, Trivia
from argmap.words import without_lone_surrogates

if TYPE_CHECKING:
    from lark import Lark

KINDS: tuple[str, ...] = tuple(kind.value for kind in StatementKind)
HEADER_KEYS: tuple[str, ...] = ("title", "subtitle", "author", "date", "source", "flat")
# The words that join two ids in a relation ("partly" stands before "rebuts" or "undercuts").
RELATION_WORDS: tuple[str, ...] = ("rebuts", "undercuts", "partly", "limits", "contradicts")
# Words that begin a line or join ids; an id spelled like one of them cannot start a line.
RESERVED_WORDS: frozenset[str] = frozenset({*KINDS, *HEADER_KEYS, "if", "then", *RELATION_WORDS})
ACCEPTED_TAG = "accepted"
ATTRIBUTE_KEYS: tuple[str, ...] = (
    "quote",
    "cite",
    "note",
    "hedge",
    "scheme",
    "warrant",
    "allow",
    "side",
)
SIDES: tuple[str, ...] = tuple(side.value for side in Side)
# "flat: checked" (the default) or "flat: unchecked": the value, and what Header.flat becomes
FLAT_VALUES: dict[str, bool] = {"checked": True, "unchecked": False}
SOURCE_KINDS: tuple[str, ...] = tuple(kind.value for kind in SourceKind)
# The grammar's ID terminal, for the messages that must recognise an id on a line that did not
# parse (tests/test_parse.py keeps the two equal).
ID_PATTERN = (
    r"[^\W\d][\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed\u0900-\u0dff\u0e00-\u0eff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    r"\ufe20-\ufe2f-]*"
)


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser, built once, on first use, from the grammar shipped as package data.

    It builds the concrete tree as it parses (argmap.syntax.transform): `parse(text,
    start="item")` of one block returns its node, with no lark tree in between."""
    # lark is imported here, not above: the quick reader (argmap.syntax.quick) takes every
    # block that reads, so a map without syntax errors never loads it (20-30 ms at start-up)
    from lark import Lark

    grammar = resources.files("argmap.grammars").joinpath("argmap.lark").read_text("utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        start=["start", "item"],
        maybe_placeholders=False,
        transformer=ConcreteTreeBuilder(),
    )


# ---- reading the text ----------------------------------------------------------------------

_COMMENT_LINE = re.compile(r"^[ \t]*#")


def source_lines(text: str) -> list[str]:
    """The text's lines as the reader sees them: no byte order mark, any line end ("\\r\\n",
    "\\r", "\\n") a line break, no trailing blanks, no lone surrogate (a Python caller can pass
    one; it becomes U+FFFD, so that everything read can be written out as UTF-8). Line
    numbers and columns stay as they were."""
    text = without_lone_surrogates(text.removeprefix("\ufeff"))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.rstrip(" \t\f\v") for line in lines]


def is_comment(line: str) -> bool:
    """A comment line: its first non-blank character is '#'."""
    return _COMMENT_LINE.match(line) is not None


def normalise(text: str) -> str:
    """What the grammar expects: "\\n" line ends, no trailing blanks, comment lines emptied,
    a final newline. Line and column numbers of everything kept stay as they were."""
    kept = ["" if is_comment(line) else line for line in source_lines(text)]
    return "\n".join(kept).rstrip("\n") + "\n"


class SourceBlock(NamedTuple):
    """A block with what surrounds it: the comment and blank lines before it (`leading`), the
    comment lines between its own lines, and its lines exactly as written (comments kept)."""

    block: Block
    leading: tuple[Trivia, ...]
    comments: tuple[Comment, ...]
    written: tuple[str, ...]


def cut(text: str) -> tuple[list[SourceBlock], tuple[Trivia, ...]]:
    """The text cut into blocks, and the comment and blank lines after the last one."""
    cut_blocks: list[SourceBlock] = []
    # the comment and blank lines since the last line of a block, each with its line as written
    pending: list[tuple[Trivia, str]] = []
    first_line = 0
    lines: list[str] = []
    written: list[str] = []
    comments: list[Comment] = []
    leading: tuple[Trivia, ...] = ()

    def close() -> None:
        if lines:
            block = Block(first_line, tuple(lines))
            cut_blocks.append(SourceBlock(block, leading, tuple(comments), tuple(written)))

    for number, line in enumerate(source_lines(text), start=1):
        if not line:
            pending.append((BlankLine(number), line))
        elif is_comment(line):
            pending.append((Comment(line.lstrip(" \t"), number), line))
        elif line[0] in " \t" and lines:
            # the block goes on: the comment and blank lines since its last line are inside it
            for trivia, as_written in pending:
                lines.append("")
                written.append(as_written)
                if isinstance(trivia, Comment):
                    comments.append(trivia)
            pending.clear()
            lines.append(line)
            written.append(line)
        else:
            # a line at the margin starts a block; so does an indented line with none above
            close()
            first_line, lines, written, comments = number, [line], [line], []
            leading = tuple(trivia for trivia, _ in pending)
            pending.clear()
    close()
    return cut_blocks, tuple(trivia for trivia, _ in pending)
