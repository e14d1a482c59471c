"""The report as plain text, for a terminal or a printout: headings in capitals, sections
indented two spaces, prose wrapped to 100 columns. Formats the layout; decides nothing."""

from __future__ import annotations

import re
import textwrap

from argmap.report.layout import (
    Alternatives,
    Block,
    Document,
    Heading,
    Item,
    Line,
    List,
    Paragraph,
    Quote,
    Spans,
    Table,
    Tree,
)

WIDTH = 100
SECTION = "  "  # what a section's blocks are indented by, under its heading
TREE = "  "  # a support tree, under the heading that names its statement
LEVEL = "    "  # each level of a support tree
MARKED_HANG = "   "  # the lines after the first of a numbered item ("1. "), and its detail


def _plain(spans: Spans) -> str:
    return "".join(span.text for span in spans)


def _wrap(text: str, indent: str, hang: str = "  ") -> list[str]:
    """Wrapped to WIDTH columns counting the indent, with at least 40 for the text."""
    return wrap(text, max(WIDTH, len(indent) + 40), indent, indent + hang)


# whitespace other than a space (textwrap turns it into spaces, or takes it for a word)
_OTHER_SPACE = re.compile(r"[^\S ]")
_WORD = re.compile(r"[^ ]")


def wrap(text: str, width: int, initial: str = "", subsequent: str = "") -> list[str]:
    """`textwrap.wrap(text, width, initial_indent=initial, subsequent_indent=subsequent,
    break_on_hyphens=False)`, line for line, without its loop over every word: each line is
    cut at the last space that lets it fit (a report of 100,000 statements wraps half a
    million paragraphs). Text that takes textwrap's rarer paths (a word or a run of spaces
    longer than a line, leading spaces, tabs, other whitespace) is left to textwrap."""
    narrowest = width - max(len(initial), len(subsequent))
    if (
        not text
        or text[0] == " "
        or _OTHER_SPACE.search(text) is not None
        or " " * (narrowest + 1) in text
        or max(map(len, text.split(" "))) > narrowest
    ):
        return textwrap.wrap(
            text,
            width=width,
            initial_indent=initial,
            subsequent_indent=subsequent,
            break_on_hyphens=False,
        )
    # From here every word and every run of spaces fits on a line, and each line starts at a
    # word: a line takes whole words and spaces while they fit, drops the spaces it ends
    # with, and the next line starts at the word after them.
    lines: list[str] = []
    start, end_of_text, indent = 0, len(text), initial
    while True:
        room = width - len(indent)
        if end_of_text - start <= room:
            lines.append(indent + text[start:].rstrip(" "))
            return lines
        cut = start + room  # text[start:cut] is the most that fits; back off to a boundary
        before, after = text[cut - 1] == " ", text[cut] == " "
        if before == after:  # inside a word or a run of spaces: back to where it begins
            if before:
                cut = start + len(text[start:cut].rstrip(" "))
            else:
                cut = text.rfind(" ", start, cut) + 1
        lines.append(indent + text[start:cut].rstrip(" "))
        word = _WORD.search(text, cut)
        if word is None:
            return lines
        start, indent = word.start(), subsequent


def _tree(items: tuple[Item, ...], indent: str) -> list[str]:
    lines: list[str] = []
    for item in items:
        text = _plain(item.spans) if item.mark is None else f"{item.mark} {_plain(item.spans)}"
        lines += _wrap(text, indent) if item.prose else [indent + text]
        lines += _tree(item.children, indent + LEVEL)
    return lines


def _list(items: tuple[Item, ...], depth: int = 0) -> list[str]:
    """Items with a mark keep it; those without have no bullet at the top, "-" below."""
    lines: list[str] = []
    indent = SECTION + "  " * depth
    for item in items:
        if item.mark is not None:
            text, hang = f"{item.mark} {_plain(item.spans)}", MARKED_HANG
        else:
            text, hang = ("- " if depth else "") + _plain(item.spans), "  "
        lines += _wrap(text, indent, hang) if item.prose else [indent + text]
        if item.detail:
            lines += _wrap(_plain(item.detail), indent + MARKED_HANG)
        lines += _list(item.children, depth + 1)
    return lines


def _block(block: Block, indent: str) -> list[str]:
    match block:
        case Heading(level=level, title=title, rest=rest):
            return [("" if level < 3 else SECTION) + title.upper() + rest]
        case Line(spans=spans) | Quote(spans=spans):
            return [indent + _plain(spans)]
        case Paragraph(spans=spans):
            # a paragraph has WIDTH columns after its indent
            wrapped = wrap(_plain(spans), WIDTH)
            return [indent + line for line in wrapped]
        case Tree(items=items):
            return _tree(items, SECTION + TREE)
        case List(items=items):
            return _list(items)
        case Table(rows=rows):
            return [indent + "  ".join(_plain(cell) for cell in row) for row in rows]
    raise TypeError(f"not a block: {block!r}")


def _flat(document: Document) -> list[Block]:
    """The blocks, each Alternatives replaced by its plain form."""
    blocks: list[Block] = []
    for block in document:
        blocks += _flat(block.plain) if isinstance(block, Alternatives) else [block]
    return blocks


def render(document: Document) -> str:
    """The document as plain text: a blank line before each heading but the first."""
    out: list[str] = []
    indent = ""  # the report's title and byline stand at the margin; sections are indented
    for block in _flat(document):
        if isinstance(block, Heading):
            if out:
                out.append("")
            if block.level == 2:
                indent = SECTION
        out += _block(block, indent)
    return "\n".join(out) + "\n"
