"""Stage 1, the syntax: `.argmap` text to a concrete tree that keeps what was written, the
tree lowered to the model, and the tree (or a model) printed back as text.

    reader     the language's words, the LALR parser (grammars/argmap.lark), the text cut
               into blocks with the comment and blank lines around them
    errors     lark's exceptions in plain words (E101-E104)
    tree       the concrete tree: raw text beside meaning, places within a block
    quick      the common block shapes read by regular expressions into lark's very node
               (lark reads the rest, and defines the language)
    transform  lark's parse tree to the concrete tree: a thin Transformer
    cache      each block's text parsed once (an LRU keyed by the text)
    document   text to `Document`: blocks parsed through the cache, errors placed in the file
    lower_document  `Document` to `ArgumentMap`, with the checks that need a whole block
    printer    `Document` or `ArgumentMap` to text, in one canonical layout; `formatted`,
               what `argmap fmt` writes

`parse_map` is `parse_document` then `lower_document`: what `argmap.loader` runs.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.diagnostics import Diagnostic, sort_key
from argmap.model import ArgumentMap
from argmap.syntax.cache import CacheInfo, cache_info, clear_cache, cyclic_gc_paused
from argmap.syntax.document import parse_document
from argmap.syntax.lower import lower_document
from argmap.syntax.printer import (
    Formatted,
    format_text,
    formatted,
    print_document,
    print_map,
    print_model,
)
from argmap.syntax.tree import Document

__all__ = [
    "CacheInfo",
    "Document",
    "Formatted",
    "cache_info",
    "clear_cache",
    "cyclic_gc_paused",
    "format_text",
    "formatted",
    "lost_ids",
    "lower_document",
    "parse_document",
    "parse_map",
    "print_document",
    "print_map",
    "print_model",
]


def parse_map(text: str, path: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read map text into a model; the diagnostics, in file order, are the syntax errors
    (E1xx) and the errors that only the reading can see (a header or attribute given twice).
    Never raises for bad input."""
    with cyclic_gc_paused():
        document = parse_document(text, path)
        argument_map, found = lower_document(document)
    return argument_map, sorted([*document.diagnostics, *found], key=sort_key)


def lost_ids(diagnostics: Iterable[Diagnostic]) -> frozenset[str]:
    """The ids declared on lines lost to syntax errors: each such error names the id its line
    would have declared (argmap.validate then leaves that id's uses unreported)."""
    return frozenset(
        subject for d in diagnostics if d.code.startswith("E1") for subject in d.subjects
    )
