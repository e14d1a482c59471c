"""The report as Markdown, to hand back or publish: every text escaped, blocks apart by a
blank line, lines in a row kept together. Formats the layout; decides nothing."""

from __future__ import annotations

from argmap.report.layout import (
    Alternatives,
    Block,
    Document,
    Emphasis,
    Heading,
    Item,
    Line,
    List,
    Paragraph,
    Quote,
    Span,
    Spans,
    Strong,
    Table,
    Tree,
)


def escape(text: str) -> str:
    """Text safe inside a Markdown line: no accidental emphasis, links, tags or tables."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def _span(span: Span) -> str:
    match span:
        case Strong(text=text):
            return f"**{escape(text)}**"
        case Emphasis(text=text):
            return f"*{escape(text)}*"
    return escape(span.text)


def _inline(spans: Spans) -> str:
    return "".join(map(_span, spans))


def _tree(items: tuple[Item, ...], depth: int = 0) -> list[str]:
    """A support tree: a bullet for each item, its mark after the bullet."""
    lines: list[str] = []
    for item in items:
        mark = "" if item.mark is None else f"{item.mark} "
        lines.append(f"{'  ' * depth}- {mark}{_inline(item.spans)}")
        lines += _tree(item.children, depth + 1)
    return lines


def _list(items: tuple[Item, ...], depth: int = 0) -> list[str]:
    """A list: an item's mark ("1.") or a bullet; its detail indented under its text."""
    lines: list[str] = []
    for item in items:
        pad, mark = "  " * depth, "-" if item.mark is None else item.mark
        lines.append(f"{pad}{mark} {_inline(item.spans)}")
        if item.detail:
            lines.append(f"{pad}{' ' * (len(mark) + 1)}{_inline(item.detail)}")
        lines += _list(item.children, depth + 1)
    return lines


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def _block(block: Block) -> list[str]:
    match block:
        case Heading(level=level, title=title, rest=rest):
            return [f"{'#' * level} {escape(title + rest)}"]
        case Line(spans=spans) | Paragraph(spans=spans):
            return [_inline(spans)]
        case Quote(spans=spans):
            return [f"> {_inline(spans)}"]
        case Tree(items=items):
            return _tree(items)
        case List(items=items):
            return _list(items)
        case Table(header=header, rows=rows):
            return [
                _row(header),
                _row(tuple("---" for _ in header)),
                *(_row(tuple(map(_inline, row))) for row in rows),
            ]
    raise TypeError(f"not a block: {block!r}")


def _flat(document: Document) -> list[Block]:
    """The blocks, each Alternatives replaced by its rich form."""
    blocks: list[Block] = []
    for block in document:
        blocks += _flat(block.rich) if isinstance(block, Alternatives) else [block]
    return blocks


def render(document: Document) -> str:
    """The document as Markdown: a blank line between blocks, none between two Lines."""
    out: list[str] = []
    previous: Block | None = None
    for block in _flat(document):
        if previous is not None and not (isinstance(previous, Line) and isinstance(block, Line)):
            out.append("")
        out += _block(block)
        previous = block
    return "\n".join(out) + "\n"
