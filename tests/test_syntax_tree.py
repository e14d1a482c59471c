"""The concrete tree keeps what was written: comments and where they stand, blank lines between
blocks, escapes, quote style, how a hedge was spelled, continuation lines, attribute order.
And the rule that an id lost to a syntax error is not also undefined, now in validation."""

from __future__ import annotations

import textwrap

from argmap.syntax import lost_ids, parse_document, parse_map
from argmap.syntax.tree import (
    BlankLine,
    Comment,
    Document,
    QuoteAttribute,
    QuoteStyle,
    RelationNode,
    StatementNode,
    TextAttribute,
)
from argmap.validate import Essay, validate


def document_of(text: str) -> Document:
    return parse_document(textwrap.dedent(text).lstrip("\n"))


def statement(node: object) -> StatementNode:
    assert isinstance(node, StatementNode)
    return node


def test_comments_and_blank_lines_are_kept_where_they_stand() -> None:
    document = document_of(
        """
        # top

        premise a: one
          # inside
          two
        # before b


        premise b: three
        # at the end
        """
    )
    first, second = document.blocks
    assert first.leading == (Comment("# top", 1), BlankLine(2))
    assert first.comments == (Comment("# inside", 4),)
    assert second.leading == (Comment("# before b", 6), BlankLine(7), BlankLine(8))
    assert document.trailing == (Comment("# at the end", 10), BlankLine(11))


def test_tokens_keep_their_raw_text_beside_their_meaning() -> None:
    document = document_of(
        """
        premise a [likely, may]: A \\# b \\\\ c
          d
          quote: "say \\"so\\""
          note: n
        premise b [accepted]: B.
          hedge: probably
          quote: “curly "inside"”
        """
    )
    a = statement(document.blocks[0].parsed.element)
    assert [(line.raw, line.value) for line in a.lines] == [
        ("A \\# b \\\\ c", "A # b \\ c"),
        ("d", "d"),
    ]
    assert a.tags is not None and a.tags.raw == "[likely, may]"
    assert a.tags.words == ("likely", "may")
    quote, note = a.attributes
    assert isinstance(quote, QuoteAttribute) and isinstance(note, TextAttribute)
    assert (quote.value.raw, quote.value.value) == ('"say \\"so\\""', 'say "so"')
    assert quote.value.style is QuoteStyle.STRAIGHT
    b = statement(document.blocks[1].parsed.element)
    assert b.tags is not None and b.tags.words == ("accepted",)
    hedge, curly = b.attributes
    assert isinstance(hedge, TextAttribute) and hedge.name == "hedge"
    assert isinstance(curly, QuoteAttribute) and curly.value.style is QuoteStyle.CURLY


def test_places_count_lines_from_the_blocks_first_line() -> None:
    document = document_of("title: T\n\nn: t <- a + b\n  note: x\n")
    relation = document.blocks[1].parsed.element
    assert isinstance(relation, RelationNode)
    assert relation.place == (1, 1, 2, 10)
    assert relation.attributes[0].place.line == 2
    assert document.blocks[1].first_line == 3


def test_document_diagnostics_are_the_syntax_errors_in_file_order() -> None:
    document = parse_document("premise a\nthesis t: T.\npremis x: y\n", "f.argmap")
    assert [(d.code, d.span.line if d.span else 0) for d in document.diagnostics] == [
        ("E101", 1),
        ("E102", 3),
    ]
    assert lost_ids(document.diagnostics) == {"a", "x"}


def test_validation_leaves_uses_of_an_id_lost_to_a_syntax_error_unreported() -> None:
    argument_map, diagnostics = parse_map("thesis t: T.\npremis a: A.\nt <- a\n")
    everything = validate(argument_map, Essay(None))
    assert [d.code for d in everything] == ["E202"]
    assert validate(argument_map, Essay(None), lost_ids=lost_ids(diagnostics)) == []
    assert [d.code for d in validate(argument_map, Essay(None), lost_ids={"b"})] == ["E202"]
