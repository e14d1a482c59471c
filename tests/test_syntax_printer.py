"""The printer: one canonical layout that keeps what was written.

Properties (hypothesis, on grammar-generated text with comments slipped in, and on every map
in maps/ and tests/fixtures/ that has no syntax error):
- reading the printed text gives the same map, positions apart;
- printing is idempotent: the printed text prints as itself;
- every comment line is in the output, in the same order.
And a map with no concrete tree (made in memory) prints as text that reads back as that map.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import COMMENTED_GRAMMAR_TEXT, GRAMMAR_TEXT

from argmap.model import ArgumentMap
from argmap.syntax import format_text, lower_document, parse_document, parse_map, print_map
from argmap.syntax.reader import is_comment, source_lines

ROOT = Path(__file__).resolve().parent.parent
MAP_FILES = sorted([*ROOT.glob("maps/*.argmap"), *ROOT.glob("tests/fixtures/*.argmap")])

PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def without_spans(value: Any) -> Any:
    """A model dumped with every position left out: each `Span` field (and list of them), and
    the file's path."""
    if isinstance(value, ArgumentMap):
        value = value.model_dump(exclude={"path"})
    if isinstance(value, dict):
        return {
            key: without_spans(item)
            for key, item in value.items()
            if not (str(key).endswith("span") or str(key).endswith("spans"))
        }
    if isinstance(value, list | tuple):
        return [without_spans(item) for item in value]
    return value


def read(text: str) -> ArgumentMap:
    argument_map, diagnostics = parse_map(text)
    assert [d for d in diagnostics if d.code.startswith("E1")] == []
    return argument_map


def comments(text: str) -> list[str]:
    return [line.strip() for line in source_lines(text) if is_comment(line)]


def assert_round_trip(text: str) -> None:
    printed = format_text(text)
    assert without_spans(read(printed)) == without_spans(read(text))
    assert format_text(printed) == printed
    assert comments(printed) == comments(text)


def test_without_spans_leaves_no_position() -> None:
    dumped = without_spans(read('thesis t [likely]: T.\n  quote: "q"\nt <- t\n'))
    assert "line" not in repr(dumped) and "column" not in repr(dumped)
    assert dumped["statements"][0]["hedge"]["qualifiers"][0]["text"] == "likely"


def has_syntax_errors(path: Path) -> bool:
    return any(d.code.startswith("E1") for d in parse_map(path.read_text("utf-8"))[1])


WHOLE_MAPS = [path for path in MAP_FILES if not has_syntax_errors(path)]


@pytest.mark.parametrize("path", WHOLE_MAPS, ids=lambda path: path.name)
def test_every_map_prints_back_as_itself(path: Path) -> None:
    text = path.read_text("utf-8")
    assert_round_trip(text)
    assert without_spans(read(print_map(read(text)))) == without_spans(read(text))


def test_a_map_with_syntax_errors_keeps_them_and_its_comments() -> None:
    [path] = [path for path in MAP_FILES if has_syntax_errors(path)]
    text = path.read_text("utf-8")
    printed = format_text(text)
    assert format_text(printed) == printed
    assert comments(printed) == comments(text)
    messages = [(d.code, d.message) for d in parse_map(text)[1]]
    assert [(d.code, d.message) for d in parse_map(printed)[1]] == messages


def test_the_map_files_are_there() -> None:
    names = {path.name for path in WHOLE_MAPS}
    assert {"north-korea-russia-us.argmap", "every_construct.argmap"} <= names


@PROPERTY
@given(COMMENTED_GRAMMAR_TEXT)
def test_grammar_text_prints_back_as_the_same_map(text: str) -> None:
    assert_round_trip(text)


@PROPERTY
@given(GRAMMAR_TEXT)
def test_a_map_with_no_concrete_tree_prints_as_text_that_reads_back(text: str) -> None:
    argument_map = read(text)
    printed = print_map(argument_map)
    assert without_spans(read(printed)) == without_spans(argument_map)
    assert print_map(read(printed)) == printed


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def test_the_canonical_layout() -> None:
    written = dedent(
        """

        # the map of an essay
        title:   Friends again


        # the thesis
        thesis t  [likely,may] :  They are \\# friends
        \t  # between its lines
            again.

              quote :  “say "so"”
        premise p: P.
          hedge:  probably
          allow: E2,W101
        step:t<-p+q
          answer 01:  p
        a   rebuts t
        if p   then t
        # the end


        """
    )
    assert format_text(written) == dedent(
        """
        # the map of an essay
        title: Friends again

        # the thesis
        thesis t [likely,may]: They are \\# friends
          # between its lines
          again.
          quote: “say "so"”
        premise p: P.
          hedge: probably
          allow: E2, W101
        step: t <- p + q
          answer 01: p
        a rebuts t
        if p then t
        # the end
        """
    )


def test_a_block_with_a_syntax_error_is_printed_as_written() -> None:
    written = "thesis t: T.\n\npremise p  P.\n    # why\n   quote: nope\n\n\nt <- p\n"
    assert (
        format_text(written)
        == "thesis t: T.\n\npremise p  P.\n    # why\n   quote: nope\n\nt <- p\n"
    )


def test_a_salvaged_block_is_printed_as_written() -> None:
    written = 'thesis t:  T.\n  quote: "q" extra\n'
    document = parse_document(written)
    assert document.blocks[0].parsed.element is not None  # salvaged: the statement reads
    assert format_text(written) == written


def test_empty_and_comment_only_texts() -> None:
    assert format_text("") == ""
    assert format_text("\n\n  \n") == ""
    assert format_text("\n\n# only\n\n\n   # a comment\n\n") == "# only\n\n# a comment\n"


def test_a_model_made_in_memory_prints_with_straight_quotes_and_bracket_hedges() -> None:
    argument_map = read(
        dedent(
            """
            title: T
            thesis t [accepted]: A \\\\ backslash.
              hedge: likely, may
            evidence e: E.
              quote: “say "so"”
              cite: p. 2
            named: t <- e
              hedge: likely
            t <- e
            e rebuts t
            u: e undercuts named
            """
        )
    )
    assert print_map(argument_map) == dedent(
        """
        title: T

        thesis t [likely, may, accepted]: A \\\\ backslash.

        evidence e: E.
          quote: "say \\"so\\""
          cite: p. 2

        named: t <- e
          hedge: likely

        t <- e

        e rebuts t

        u: e undercuts named
        """
    )


def test_a_text_with_a_leading_blank_or_a_line_break_is_escaped() -> None:
    argument_map = read("premise p: \\ P.\n")
    assert argument_map.statements[0].text == " P."
    assert print_map(argument_map) == "premise p: \\ P.\n"
    made = argument_map.model_copy(
        update={"statements": (argument_map.statements[0].model_copy(update={"text": "a\nb"}),)}
    )
    assert print_map(made) == "premise p: a b\n"


def test_a_hedge_brackets_cannot_hold_is_written_as_a_hedge_line() -> None:
    argument_map = read("premise p: P.\n  hedge: accepted\n")
    assert print_map(argument_map) == "premise p: P.\n  hedge: accepted\n"
    assert without_spans(read(print_map(argument_map))) == without_spans(argument_map)


def test_lowering_a_printed_document_keeps_the_diagnostics_of_the_lowering() -> None:
    written = "title: A\ntitle: B\nthesis t: T.\n  note: a\n  note: b\n"
    _map, found = lower_document(parse_document(format_text(written)))
    assert [d.code for d in found] == ["E212", "E211"]


def test_the_canonical_layout_of_the_language_additions() -> None:
    written = dedent(
        """
        flat :  unchecked
        evidence e: E.
            cite:   [state media,2017]  RIA
            side :  Other
        n:o   partly   rebuts e
        o limits   e
        o  contradicts e
        if o then e   [likely]
           warrant: e
           answer 1: o
        """
    )
    assert format_text(written) == dedent(
        """
        flat: unchecked
        evidence e: E.
          cite: [state media,2017]  RIA
          side: Other
        n: o partly rebuts e
        o limits e
        o contradicts e
        if o then e [likely]
          warrant: e
          answer 1: o
        """
    )


def test_a_model_made_in_memory_prints_the_language_additions() -> None:
    argument_map = read(
        dedent(
            """
            flat: unchecked
            evidence e: E.
              side: Other
              cite: [state media,2017]  RIA
            objection o: O.
              cite: [1] Smith
            o partly undercuts link
            link: if o then e
              hedge: likely, may
              scheme: Sign
              answer 2: e
            if e then o
              hedge: accepted
            o limits e
            o contradicts e
            """
        )
    )
    assert print_map(argument_map) == dedent(
        """
        flat: unchecked

        evidence e: E.
          cite: [state-media, 2017] RIA
          side: other

        objection o: O.
          cite: \\[1] Smith

        o partly undercuts link

        link: if o then e [likely, may]
          scheme: sign
          answer 2: e

        if e then o
          hedge: accepted

        o limits e

        o contradicts e
        """
    )
    assert without_spans(read(print_map(argument_map))) == without_spans(argument_map)


def test_a_byte_order_mark_on_a_later_line_survives_being_moved_to_the_top() -> None:
    # found by benchmarks/fuzz.py: the leading blank line goes, the mark then opens the text,
    # and a second reading must not take it for the file's own mark and drop it
    written = "\n\ufeffthesis t: T.\n"
    once = format_text(written)
    assert format_text(once) == once
    assert parse_map(once)[1] == parse_map(written)[1] or [d.code for d in parse_map(once)[1]] == [
        d.code for d in parse_map(written)[1]
    ]
