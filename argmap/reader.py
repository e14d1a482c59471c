"""Reading `.argmap` text: the language's words, the LALR parser built from
grammars/argmap.lark, and the text cut into top-level blocks.

A block is a line at the left margin with the indented lines under it. The parser reads one
block at a time, so that a syntax error costs only its own block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from lark import Lark, Token, Tree

from argmap.model import StatementKind

KINDS: tuple[str, ...] = tuple(kind.value for kind in StatementKind)
HEADER_KEYS: tuple[str, ...] = ("title", "subtitle", "author", "date", "source")
# Words that begin a line or join ids; an id spelled like one of them cannot start a line.
RESERVED_WORDS: frozenset[str] = frozenset(
    {*KINDS, *HEADER_KEYS, "if", "then", "rebuts", "undercuts"}
)
ACCEPTED_TAG = "accepted"
# The grammar's ID terminal, for the messages that must recognise an id on a line that did not
# parse (tests/test_parse.py keeps the two equal).
ID_PATTERN = (
    r"[^\W\d][\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed\u0900-\u0dff\u0e00-\u0eff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    r"\ufe20-\ufe2f-]*"
)

ParseTree = Tree[Token]


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser, built once, on first use, from the grammar shipped as package data."""
    grammar = resources.files("argmap.grammars").joinpath("argmap.lark").read_text("utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        start=["start", "item"],
        propagate_positions=True,
        maybe_placeholders=False,
    )


# ---- reading the text ----------------------------------------------------------------------

_COMMENT_LINE = re.compile(r"^[ \t]*#")


def normalise(text: str) -> str:
    """What the grammar expects: "\\n" line ends, no trailing blanks, comment lines emptied,
    a final newline. Line and column numbers of everything kept stay as they were."""
    text = text.removeprefix("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = ["" if _COMMENT_LINE.match(line) else line.rstrip(" \t\f\v") for line in lines]
    return "\n".join(kept).rstrip("\n") + "\n"


@dataclass
class Block:
    first_line: int  # 1-based line of the block's first line in the file
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for number, line in enumerate(text.split("\n")[:-1], start=1):
        if not line:
            if blocks:
                blocks[-1].lines.append(line)
            continue
        if line[0] in " \t" and blocks:
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block(number, [line]))
    return blocks


ATTRIBUTE_KEYS: tuple[str, ...] = ("quote", "cite", "note", "hedge", "scheme", "warrant", "allow")
