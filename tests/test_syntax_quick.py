"""The quick reader (argmap.syntax.quick) builds lark's node for every block it takes, and
takes the blocks real maps are made of; lark reads the rest and defines the language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lark.exceptions import UnexpectedInput
from strategies import COMMENTED_GRAMMAR_TEXT, FRAGMENTS, GRAMMAR_TEXT, SOUP, examples

from argmap.syntax import quick
from argmap.syntax.reader import cut, grammar_parser
from argmap.syntax.tree import Element

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted(
    path
    for folder in ("maps", "docs", "tests", "benchmarks")
    for path in (ROOT / folder).rglob("*.argmap")
)


def lark_reads(text: str) -> Element | None:
    try:
        return cast(Element, grammar_parser().parse(text, start="item"))
    except UnexpectedInput:
        return None


def blocks(text: str) -> list[str]:
    return [source.block.text for source in cut(text)[0]]


def agrees(block: str) -> bool:
    """The quick reader leaves the block to lark, or builds exactly lark's node."""
    mine = quick.read(block)
    return mine is None or same(mine, lark_reads(block))


def same(mine: Element, theirs: Element | None) -> bool:
    """The same node: equal, and of the same classes all the way down (named tuples of
    different classes with equal fields compare equal)."""
    return mine == theirs and repr(mine) == repr(theirs)


def test_every_block_of_every_map_reads_as_lark_reads_it() -> None:
    taken = total = 0
    for path in MAPS:
        for block in blocks(path.read_text(encoding="utf-8", errors="replace")):
            total += 1
            mine = quick.read(block)
            if mine is not None:
                taken += 1
                assert same(mine, lark_reads(block)), (path, block)
    assert len(MAPS) > 50
    # it is worth having: it takes all but the blocks that do not parse
    assert taken / total > 0.95


def test_it_takes_every_shape() -> None:
    shapes = [
        "premise a [likely]: A.\n  more text\n  quote: “q”\n  cite: [news, 2017] AP\n",
        'claim c: C.\n\n  quote: "a \\"b\\""\n  answer 2: a\n  allow: W1, E20\n  warrant: w\n',
        "t <- a + b\n  scheme: sign\n  note: n\n",
        "n: t <-\n",
        "a partly rebuts n\n",
        "a undercuts n\n",
        "a limits t\n",
        "a contradicts b\n",
        "if a then t [likely]\n  warrant: w\n",
        "n: if a then t\n",
        "n: premise <- x\n",  # after a name, a kind is an id
        "premise title: the id may be a keyword\n",
        "title: T\n",
        "flat:unchecked\n",
    ]
    for shape in shapes:
        mine = quick.read(shape)
        assert mine is not None, shape
        assert same(mine, lark_reads(shape)), shape


@pytest.mark.parametrize(
    "block",
    [
        "a rebutsb\n",  # lark's contextual lexer splits the keyword off; the quick reader asks
        "if a thenb\n",  # for the blank and leaves these to it
        "premise a:\n",
        "premise a: A.\n  quote: x\n",
        "premise a: A.\n  note: n\n  after an attribute, text is an error\n",
        "t <- a +\n",
        "t <- a\n  more text\n",
        "a partly limits t\n",
        "claim: a <- b\n",
        "if: a <- b\n",
        "premise a: A.\n  allow: W1234\n",
        "premise a: A.\n  warrant: a b\n",
        "premise a: A.\nt <- a\n",
        "premise a: A.\r\n",
        "premise a: A.",
        "premise a: A.\n   \n  x\n",
        "title: T\n  indented\n",
        # a line that does not match is rejected in time linear in its length
        "premise a" + " " * 200_000 + "x\n",
        "premise a" + " " * 200_000 + "[x] y\n",
        "title:\n",
    ],
)
def test_what_it_leaves_to_lark(block: str) -> None:
    assert quick.read(block) is None
    assert agrees(block)


@settings(max_examples=examples(1_000))
@given(GRAMMAR_TEXT)
def test_grammar_text_reads_as_lark_reads_it(text: str) -> None:
    for block in blocks(text):
        assert agrees(block), block


@settings(max_examples=examples(500))
@given(st.one_of(COMMENTED_GRAMMAR_TEXT, SOUP))
@example("if then then then\n")
@example("rebuts <- partly + then\n")
@example("then rebuts if\n")
def test_soups_and_commented_text_read_as_lark_reads_them(text: str) -> None:
    for block in blocks(text):
        assert agrees(block), block


@settings(max_examples=examples(1_000))
@given(GRAMMAR_TEXT, st.data())
def test_mutated_blocks_read_as_lark_reads_them(text: str, data: st.DataObject) -> None:
    """A character put in, taken out or changed anywhere in a block that reads."""
    for block in blocks(text):
        at = data.draw(st.integers(0, len(block) - 1))
        put = data.draw(st.sampled_from([" ", "\t", ":", "[", "]", "+", "-", '"', "a", "\n", ""]))
        skip = data.draw(st.integers(0, 2))
        mutated = block[:at] + put + block[at + skip :]
        for piece in blocks(mutated if mutated.endswith("\n") else mutated + "\n"):
            assert agrees(piece), piece


@given(FRAGMENTS)
def test_single_fragments_read_as_lark_reads_them(fragment: str) -> None:
    for block in blocks(fragment + "\n"):
        assert agrees(block), block


def test_a_map_that_reads_never_loads_lark() -> None:
    """The start-up the quick reader saves: lark is imported for a block it leaves, only."""
    flagship = ROOT / "maps" / "north-korea-russia-us.argmap"
    program = (
        "import sys, argmap\n"
        f"loaded = argmap.load({str(flagship)!r})\n"
        "assert loaded.analysis is not None\n"
        "print('lark' in sys.modules)\n"
        "argmap.parse('premise a: A.\\nt <- a +\\n')\n"
        "print('lark' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]
