"""The block cache: a block's text is parsed once; re-reading a file after a one-line edit
parses only the block that changed, and a block that moved reads at its new place."""

from __future__ import annotations

import pytest

from argmap.syntax import cache_info, clear_cache, parse_document, parse_map
from argmap.syntax.cache import keep_blocks


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    clear_cache()


def essay(blocks: int) -> list[str]:
    lines = ["title: A map"]
    for n in range(blocks):
        lines += [f"premise p{n}: Premise {n},", "  written on two lines.", f"  note: n{n}", ""]
    return lines


def parsed_blocks() -> int:
    return cache_info().misses


def test_a_one_line_edit_parses_only_its_block() -> None:
    lines = essay(50)
    parse_document("\n".join(lines))
    assert parsed_blocks() == 51
    lines[1 + 4 * 20 + 1] = "  written on three lines,\n  now."  # inside premise p20
    edited = parse_map("\n".join(lines))[0]
    assert parsed_blocks() == 52
    assert cache_info().hits == 50
    assert edited.statements[20].text == "Premise 20, written on three lines, now."


def test_a_block_that_moved_is_not_parsed_again_and_reads_at_its_new_place() -> None:
    text = "\n".join(essay(10))
    before = parse_map(text)[0]
    moved = parse_map("# a comment on top\n\n" + text)[0]
    assert parsed_blocks() == 11  # nothing parsed again: a comment never reaches the parser
    clear_cache()
    assert moved == parse_map("# a comment on top\n\n" + text)[0]  # as if read afresh
    assert [s.span.line for s in moved.statements] == [s.span.line + 2 for s in before.statements]


def test_equal_blocks_share_one_parse_and_keep_their_own_places() -> None:
    argument_map, _ = parse_map("t <- a\nthesis t: T.\nt <- a\n", "m.argmap")
    assert parsed_blocks() == 2
    first, second = argument_map.inferences
    assert (first.span.line, second.span.line) == (1, 3)
    assert second.span.file == "m.argmap"


def test_a_syntax_error_is_cached_and_placed_where_the_block_stands() -> None:
    _, first = parse_map("premise a\n", "one.argmap")
    _, again = parse_map("\n\n# moved down\npremise a\n", "two.argmap")
    assert parsed_blocks() == 1
    assert [d.code for d in again] == [d.code for d in first] == ["E101"]
    assert first[0].span is not None and again[0].span is not None
    assert (again[0].span.file, again[0].span.line) == ("two.argmap", 4)
    assert again[0].span.column == first[0].span.column


def test_a_reader_that_reads_once_keeps_no_blocks() -> None:
    """`keep_blocks(False)` (what a one-shot command sets): the same reading, nothing kept."""
    text = "thesis t: T.\npremise p: P.\nt <- p\n  scheme: sign\n"
    clear_cache()
    kept = parse_map(text)
    assert cache_info().size == 3
    clear_cache()
    keep_blocks(False)
    try:
        once = parse_map(text)
        assert cache_info().size == 0 and cache_info().misses == 0
    finally:
        keep_blocks(True)
    assert once == kept
    parse_map(text)
    assert cache_info().size == 3
