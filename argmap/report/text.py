"""The report as plain text, for a terminal or a printout: headings in capitals, sections
indented two spaces, prose wrapped to 100 columns. Formats the layout; decides nothing."""

from __future__ import annotations

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
    width = max(WIDTH, len(indent) + 40)
    if _fits(text, width - len(indent)):
        # what textwrap gives a line that fits, without its cost (most lines of a report fit;
        # at 5,000 arguments textwrap was a fifth of the report's time)
        return [indent + text]
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + hang,
        break_on_hyphens=False,
    )


_TEXTWRAP_WHITESPACE = frozenset("\t\n\x0b\x0c\r")


def _fits(text: str, room: int) -> bool:
    """Whether textwrap would return the text as its one line: it fits, it has no blank at
    either end for textwrap to drop, and no white space but spaces for it to replace."""
    return (
        0 < len(text) <= room
        and not text[0].isspace()
        and not text[-1].isspace()
        and _TEXTWRAP_WHITESPACE.isdisjoint(text)
    )


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
            wrapped = textwrap.wrap(_plain(spans), width=WIDTH, break_on_hyphens=False)
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
