"""The block cache: each block's text is parsed once, however often the file is read.

A block reads the same wherever it stands (places and the error's span count lines from the
block's first line), so its parse is kept by its text alone, in a bounded LRU: re-reading a file
after a one-line edit re-parses only the block that changed. The parse is the one place where
lark's exceptions are caught and become a diagnostic.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple, cast

from argmap.syntax import quick
from argmap.syntax.reader import grammar_parser
from argmap.syntax.tree import Block, Element, ParsedBlock

# Blocks kept: 2.5 times the blocks of a 20,000-argument map (100,000). A least-recently-used
# cache smaller than the map it reads again keeps nothing useful: reading the map in order
# pushes out each block before its turn comes round.
CACHE_SIZE = 262_144


class CacheInfo(NamedTuple):
    hits: int
    misses: int  # blocks parsed
    size: int  # blocks kept


def parse_block(text: str) -> ParsedBlock:
    """What one block's text (its lines joined with "\\n", comment lines blank, ending with
    "\\n") reads as: its element and its syntax error, if any, placed as if the block stood
    at the top of a file with no name. Kept for the next reading unless `keep_blocks(False)`."""
    return _kept(text) if _keeping else _read(text)


_keeping = True


def keep_blocks(keep: bool) -> None:
    """Whether parsed blocks are kept for the next reading of the text: by default they are,
    for an editor or `argmap watch` that reads the file again after each edit. A command
    that reads a file once and ends turns it off (`argmap.cli.entry_point`): kept blocks
    would live through the analysis for a reading that never comes (14 MiB of a 5,000-argument
    check's peak)."""
    global _keeping
    _keeping = keep


def _read(text: str) -> ParsedBlock:
    element = quick.read(text)
    if element is not None:
        return ParsedBlock(element, None)
    return _read_with_lark(text)


_kept = lru_cache(maxsize=CACHE_SIZE)(_read)


def _read_with_lark(text: str) -> ParsedBlock:
    """A block the quick reader leaves: lark's parse of it, or the syntax error lark finds.

    lark and the messages that read its exceptions are imported here, on the first such
    block: a map whose blocks all read never loads them."""
    from lark.exceptions import UnexpectedInput

    from argmap.syntax.errors import declared_id, indented_orphan, syntax_error, unknown_keyword

    lines = tuple(text.split("\n")[:-1])
    block = Block(1, lines)
    if text[0] in " \t":
        return ParsedBlock(None, indented_orphan(block, None))
    try:
        element = _lark_parse(text)  # the quick reader has left this block already
    except UnexpectedInput as exc:
        on_first_line = (exc.line or 1) <= 1
        unknown = unknown_keyword(block, None) if on_first_line else None
        problem = unknown or syntax_error(exc, block, None)
        salvaged = None if on_first_line else _salvage(block, exc.line)
        if salvaged is None:
            # The element is lost; name the id it would have declared, so that later uses of
            # that id are not reported as undefined as well (argmap.validate reads it).
            lost = declared_id(lines[0])
            problem = problem.model_copy(update={"subjects": (lost,) if lost else ()})
        return ParsedBlock(salvaged, problem)
    return ParsedBlock(element, None)


def _parse(text: str) -> Element:
    """The block's node, the quick reader's where it takes the block, else lark's (which
    raises lark's `UnexpectedInput` for a syntax error)."""
    return quick.read(text) or _lark_parse(text)


def _lark_parse(text: str) -> Element:
    # the parser builds the concrete node as it parses (argmap.syntax.transform); lark's
    # annotation cannot know that
    return cast(Element, grammar_parser().parse(text, start="item"))


def _salvage(block: Block, error_line: int) -> Element | None:
    """The block read up to the line before its syntax error, if that much reads: a mistake
    in an indented line then costs that line, not the statement (whose id later lines use)."""
    from lark.exceptions import UnexpectedInput

    kept = Block(block.first_line, block.lines[: error_line - 1])
    try:
        salvaged = _parse(kept.text)
    except UnexpectedInput:
        return None
    return salvaged


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Run without the cyclic garbage collector, and restore it as it was.

    Reading a map allocates hundreds of thousands of small objects that live on (the block
    cache's nodes, the model), and next to no cycles: each collection the allocations trigger
    walks every one of them again, which made over half of checking a 5,000-argument map
    (docs/performance.md). Reference counting still frees everything that is not a cycle; the
    few cycles made meanwhile go at the next collection after this. `parse_map` reads with
    it, and `argmap.loader` runs the whole pipeline with it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cache_info() -> CacheInfo:
    """How often a block's parse was found in the cache, and how many blocks were parsed."""
    info = _kept.cache_info()
    return CacheInfo(info.hits, info.misses, info.currsize)


def clear_cache() -> None:
    _kept.cache_clear()
