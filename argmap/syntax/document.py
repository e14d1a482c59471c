"""Text to concrete tree: the text cut into blocks (argmap.syntax.reader), each block parsed
through the block cache (argmap.syntax.cache), and the syntax errors placed in the file.
"""

from __future__ import annotations

from dataclasses import replace

from argmap.diagnostics import Diagnostic
from argmap.syntax.cache import parse_block
from argmap.syntax.reader import cut
from argmap.syntax.tree import Document, DocumentBlock


def parse_document(text: str, path: str | None = None) -> Document:
    """Read map text into its concrete tree. Never raises for bad input: a block that does not
    read carries its syntax error (E1xx), which `Document.diagnostics` lists in file order."""
    source_blocks, trailing = cut(text)
    document_blocks: list[DocumentBlock] = []
    diagnostics: list[Diagnostic] = []
    for source_block in source_blocks:
        block = source_block.block
        parsed = parse_block(block.text)
        if parsed.error is not None:
            diagnostics.append(placed(parsed.error, block.first_line - 1, path))
        document_blocks.append(
            DocumentBlock(
                parsed, block, source_block.written, source_block.comments, source_block.leading
            )
        )
    return Document(path, tuple(document_blocks), trailing, tuple(diagnostics))


def placed(problem: Diagnostic, line_offset: int, path: str | None) -> Diagnostic:
    """A block's diagnostic moved to where the block stands in the file `path`."""
    span = problem.span
    if span is None:
        return problem
    where = replace(
        span, file=path, line=span.line + line_offset, end_line=span.end_line + line_offset
    )
    return problem.model_copy(update={"span": where})
