"""The reader: every construct of the language into the model, and syntax errors (E1xx) in
plain words at the right place. Small maps are written inline; whole maps are fixtures."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import argmap
from argmap import AttackKind, Diagnostic, Loaded, Span, StatementKind
from argmap.hedges import HedgeFamily, HedgeRow
from argmap.syntax import parse_map


def read(text: str, path: str | None = None) -> Loaded:
    return argmap.parse(textwrap.dedent(text).lstrip("\n"), path)


def at(line: int, column: int, end_line: int, end_column: int) -> Span:
    return Span(line=line, column=column, end_line=end_line, end_column=end_column)


def errors(loaded: Loaded) -> list[Diagnostic]:
    """The errors; findings of the analysis (warnings, notes) are its tests' business."""
    return [d for d in loaded.diagnostics if d.is_error]


def codes(loaded: Loaded) -> list[str]:
    return [d.code for d in errors(loaded)]


def where(loaded: Loaded) -> list[tuple[str, int, int]]:
    """(code, line, column) of every error."""
    return [
        (d.code, d.span.line if d.span else 0, d.span.column if d.span else 0)
        for d in errors(loaded)
    ]


# Words of the parser's machinery that a debate coach must never be shown.
LARK_WORDS = re.compile(
    r"\b(COLON|_NL|_INDENT|TEXT|ID|STRING|TAGS|CODE|INT|PLUS|COMMA|\$END|__IGNORE_\d|"
    r"[A-Z]+_KEY|_SUPPORTED_BY|_REBUTS|_UNDERCUTS|_IF|_THEN|Token|Tree)\b"
)


def assert_plain(loaded: Loaded) -> None:
    for diagnostic in loaded.diagnostics:
        text = f"{diagnostic.message} {diagnostic.hint or ''}"
        assert not LARK_WORDS.search(text), text


# ---- header ---------------------------------------------------------------------------------


def test_header_fields_and_source_span() -> None:
    loaded = read(
        """
        title: The enemy of my enemy
        subtitle: A reading of an op-ed
        author: Madison Simon
        date: 2017-09-01
        source: essay.txt
        """
    )
    header = loaded.map.header
    assert header.title == "The enemy of my enemy"
    assert header.subtitle == "A reading of an op-ed"
    assert header.author == "Madison Simon"
    assert header.date == "2017-09-01"
    assert header.source == "essay.txt"
    assert header.source_span == at(5, 9, 5, 18)
    assert loaded.map.statements == ()


def test_header_text_keeps_colons_and_unescapes() -> None:
    header = read(r"title: Russia: an \#ally?").map.header
    assert header.title == "Russia: an #ally?"


# ---- statements -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(StatementKind))
def test_every_statement_kind(kind: StatementKind) -> None:
    loaded = read(f"{kind.value} s1: Some words.")
    assert codes(loaded) == []
    (statement,) = loaded.map.statements
    assert statement.kind is kind
    assert statement.id == "s1"
    assert statement.text == "Some words."
    assert statement.id_span == at(1, len(kind.value) + 2, 1, len(kind.value) + 4)
    assert statement.span == at(1, 1, 1, len(kind.value) + 17)


def test_statement_fields_and_spans() -> None:
    loaded = read(
        """
        title: T

        evidence aid-2 [likely]: Russia has expanded its economic assistance
          to North Korea.
          quote: "expanded its economic assistance"
          cite: Reuters, 2017
          note: Counted in dollars.
          allow: E2, E302
        """,
        "m.argmap",
    )
    assert codes(loaded) == ["E303"]  # quotes, but no source: to check them against
    (statement,) = loaded.map.statements
    assert statement.id == "aid-2"
    assert statement.kind is StatementKind.EVIDENCE
    assert statement.text == ("Russia has expanded its economic assistance to North Korea.")
    assert statement.citation == "Reuters, 2017"
    assert statement.note == "Counted in dollars."
    assert statement.allow == ("E2", "E302")
    assert statement.accepted is False
    assert statement.quote is not None
    assert statement.quote.text == "expanded its economic assistance"
    # the quote's span is the quoted words with their quote marks
    assert statement.quote.span == Span(
        file="m.argmap", line=5, column=10, end_line=5, end_column=44
    )
    assert statement.id_span == Span(file="m.argmap", line=3, column=10, end_line=3, end_column=15)
    assert statement.span == Span(file="m.argmap", line=3, column=1, end_line=8, end_column=18)
    assert statement.hedge is not None
    assert statement.hedge.span == Span(
        file="m.argmap", line=3, column=16, end_line=3, end_column=24
    )


def test_continuation_lines_join_with_one_space() -> None:
    loaded = read(
        """
        premise p: First line,
          second line,
        \tthird line after a tab.
        """
    )
    assert loaded.map.statements[0].text == "First line, second line, third line after a tab."
    assert loaded.map.statements[0].span == at(1, 1, 3, 25)  # a tab is one column


def test_blank_lines_inside_a_statement_are_allowed() -> None:
    loaded = read("premise p: one\n\n  two\n\n  note: n\n")
    assert codes(loaded) == []
    assert loaded.map.statements[0].text == "one two"
    assert loaded.map.statements[0].note == "n"


def test_text_may_hold_colons_brackets_and_arrows() -> None:
    (statement,) = read("claim c: a <- b: [not a hedge] rebuts #1").map.statements
    assert statement.text == "a <- b: [not a hedge] rebuts #1"
    assert statement.hedge is None


def test_a_keyword_is_an_id_where_an_id_stands() -> None:
    # "rebuts" and "quote" are ids here; only an id spelled like a keyword that starts a line
    # is reserved (E210)
    loaded = read(
        """
        premise quote: q
        premise rebuts-it: r
        rebuts-it rebuts quote
        """
    )
    assert codes(loaded) == []
    assert [s.id for s in loaded.map.statements] == ["quote", "rebuts-it"]
    assert loaded.map.attacks[0].attacker == "rebuts-it"


def test_ids_in_any_script() -> None:
    loaded = read("premise ковер_1: Текст.\nclaim 見る: x\n見る <- ковер_1\n")
    assert codes(loaded) == []
    assert [s.id for s in loaded.map.statements] == ["ковер_1", "見る"]
    assert loaded.map.inferences[0].premises == ("ковер_1",)


# ---- hedges ---------------------------------------------------------------------------------


def test_hedge_word_in_brackets() -> None:
    (statement,) = read("prediction w [very likely]: War.").map.statements
    assert statement.hedge is not None
    (qualifier,) = statement.hedge.qualifiers
    assert qualifier.text == "very likely"
    assert qualifier.word == "very likely"
    assert qualifier.family is HedgeFamily.LIKELIHOOD
    assert qualifier.row is HedgeRow.ICD_WORDS
    assert (qualifier.low, qualifier.high) == (0.80, 0.95)
    assert statement.hedge.label == "very likely · 80–95 %"
    assert statement.hedge.span == at(1, 14, 1, 27)


def test_hedge_attribute_is_the_same_as_brackets() -> None:
    loaded = read(
        """
        prediction w: War.
          hedge: Probably
        """
    )
    assert codes(loaded) == []
    hedge = loaded.map.statements[0].hedge
    assert hedge is not None
    assert hedge.qualifiers[0].word == "probably"
    assert hedge.qualifiers[0].text == "Probably"
    assert hedge.range == (0.55, 0.80)
    assert hedge.span == at(2, 10, 2, 18)


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        ("70%", 0.70, 0.70),
        ("0.7", 0.70, 0.70),
        ("60-80%", 0.60, 0.80),
        ("60–80 %", 0.60, 0.80),
        ("0.6-0.8", 0.60, 0.80),
        ("60 to 80%", 0.60, 0.80),
    ],
)
def test_probabilities(written: str, low: float, high: float) -> None:
    loaded = read(f"prediction w [{written}]: War.")
    assert codes(loaded) == []
    hedge = loaded.map.statements[0].hedge
    assert hedge is not None
    (qualifier,) = hedge.qualifiers
    assert qualifier.word is None
    assert qualifier.row is None
    assert qualifier.low == pytest.approx(low)
    assert qualifier.high == pytest.approx(high)


def test_aliases_resolve_to_the_scale_word() -> None:
    hedge = read("prediction w [almost certainly]: War.").map.statements[0].hedge
    assert hedge is not None
    assert hedge.qualifiers[0].word == "almost certain"
    assert hedge.qualifiers[0].text == "almost certainly"


def test_stacked_hedges_multiply_their_ranges() -> None:
    hedge = read("prediction w [likely, very likely]: War.").map.statements[0].hedge
    assert hedge is not None
    assert [q.word for q in hedge.qualifiers] == ["likely", "very likely"]
    assert hedge.range == pytest.approx((0.55 * 0.80, 0.80 * 0.95))
    assert hedge.label == "likely + very likely · 44–76 %"


def test_a_vague_word_stacked_on_a_ranged_one_multiplies_in_at_what_readers_hear() -> None:
    hedge = read("prediction w [likely, may]: War.").map.statements[0].hedge
    assert hedge is not None
    assert hedge.range == pytest.approx((0.55 * 0.30, 0.80 * 0.51))
    assert hedge.label == "likely + may · 16.5–40.8 %"


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("may", "may (vague: readers hear 30–51 %)"),
        ("high confidence", "high confidence"),
        ("70%", "70 %"),
        ("60-80%", "60–80 %"),
    ],
)
def test_hedge_labels(written: str, label: str) -> None:
    hedge = read(f"prediction w [{written}]: War.").map.statements[0].hedge
    assert hedge is not None
    assert hedge.label == label


def test_accepted_flag_alone_and_beside_a_hedge() -> None:
    loaded = read(
        """
        premise a [accepted]: One.
        premise b [likely, Accepted]: Two.
        premise c: Three.
        """
    )
    a, b, c = loaded.map.statements
    assert (a.accepted, a.hedge) == (True, None)
    assert b.accepted is True
    assert b.hedge is not None
    assert [q.word for q in b.hedge.qualifiers] == ["likely"]
    assert c.accepted is False


# ---- quotes and escapes ---------------------------------------------------------------------


def test_curly_quote_may_hold_straight_quote_marks() -> None:
    statement = read('premise a: x\n  quote: “the "brotherhood" of nations”\n').map.statements[0]
    assert statement.quote is not None
    assert statement.quote.text == 'the "brotherhood" of nations'
    assert statement.quote.span == at(2, 10, 2, 40)


def test_a_quote_ends_at_its_first_closing_mark() -> None:
    for text in ['"the "brotherhood" of nations"', "“the “brotherhood” of nations”"]:
        loaded = read(f"premise a: x\n  quote: {text}\n")
        (diagnostic,) = errors(loaded)
        assert diagnostic.code == "E101"
        assert diagnostic.message.startswith("expected the end of the line after the quote")
        assert diagnostic.hint is not None
        assert '\\"' in diagnostic.hint


def test_escaped_quote_mark_inside_a_straight_quote() -> None:
    statement = read(
        r"premise a: x" + "\n" + r'  quote: "say \"hi\" \\ now"' + "\n"
    ).map.statements[0]
    assert statement.quote is not None
    assert statement.quote.text == r'say "hi" \ now'


def test_escapes_at_the_start_of_a_continuation_line() -> None:
    loaded = read(
        r"""
        premise a: The list:
          \# one is not a comment,
          \quote: is not an attribute,
          \\ and a backslash stays.
        """
    )
    assert codes(loaded) == []
    assert loaded.map.statements[0].text == (
        r"The list: # one is not a comment, quote: is not an attribute, \ and a backslash stays."
    )
    assert loaded.map.statements[0].quote is None


def test_an_attribute_key_at_a_line_start_is_an_attribute() -> None:
    loaded = read(
        """
        premise a: The words
          note: a note, not text
        """
    )
    assert loaded.map.statements[0].text == "The words"
    assert loaded.map.statements[0].note == "a note, not text"


def test_a_key_word_without_colon_stays_text() -> None:
    loaded = read(
        """
        premise a: The words
          quoted by many and noted
        """
    )
    assert codes(loaded) == []
    assert loaded.map.statements[0].text == "The words quoted by many and noted"


# ---- comments -------------------------------------------------------------------------------


def test_comment_lines_are_ignored_anywhere() -> None:
    loaded = read(
        """
        # a comment at the top
        premise a: one
          # an indented comment between a statement's lines
          two
        # between statements
        premise b: three # not a comment: a '#' inside a line is text
        """
    )
    assert codes(loaded) == []
    a, b = loaded.map.statements
    assert a.text == "one two"
    assert a.span == at(2, 1, 4, 6)
    assert b.text == "three # not a comment: a '#' inside a line is text"
    assert b.span.line == 6


# ---- inferences -----------------------------------------------------------------------------


def test_linked_inference() -> None:
    loaded = read(
        """
        thesis t: T.
        premise a: A.
        premise b: B.
        t <- a + b
        """
    )
    assert codes(loaded) == []
    (inference,) = loaded.map.inferences
    assert inference.id == "t<-a+b"
    assert inference.named is False
    assert inference.conclusion == "t"
    assert inference.premises == ("a", "b")
    assert inference.conclusion_span == at(4, 1, 4, 2)
    assert inference.premise_spans == (at(4, 6, 4, 7), at(4, 10, 4, 11))
    assert inference.span == at(4, 1, 4, 11)


def test_convergent_inferences_are_two_lines_into_one_conclusion() -> None:
    loaded = read(
        """
        thesis t: T.
        premise a: A.
        premise b: B.
        t <- a
        t <- b
        """
    )
    assert codes(loaded) == []
    assert [i.id for i in loaded.map.inferences] == ["t<-a", "t<-b"]
    assert loaded.map.inferences_into("t") == loaded.map.inferences


def test_named_inference_with_every_attribute() -> None:
    loaded = read(
        """
        thesis t: T.
        premise a: A.
        premise w: W.
        premise ans: Yes, an expert.
        expert-step: t <- a
          warrant: w
          scheme: Expert Opinion
          hedge: likely
          answer 2: ans
          answer 1: ans
          note: The step from the quote.
          allow: E2
        """
    )
    assert codes(loaded) == []
    (inference,) = loaded.map.inferences
    assert inference.id == "expert-step"
    assert inference.named is True
    assert inference.warrant == "w"
    assert inference.warrant_span == at(6, 12, 6, 13)
    assert inference.scheme == "expert-opinion"
    assert inference.scheme_span == at(7, 11, 7, 25)
    assert inference.hedge is not None
    assert inference.hedge.range == (0.55, 0.80)
    assert inference.answers == {1: "ans", 2: "ans"}
    assert inference.note == "The step from the quote."
    assert inference.allow == ("E2",)
    assert inference.conclusion_span == at(5, 14, 5, 15)
    assert inference.span == at(5, 1, 12, 12)


def test_inference_with_no_premises_reads_and_is_reported() -> None:
    loaded = read("thesis t: T.\nt <-\n")
    assert loaded.map.inferences[0].premises == ()
    assert where(loaded) == [("E206", 2, 1)]


# ---- conditionals and attacks ---------------------------------------------------------------


def test_conditional() -> None:
    loaded = read(
        """
        condition war: War breaks out.
        prediction ruin [likely]: Ruin follows.
        if war then ruin
        named-if: if ruin then war
        """
    )
    assert codes(loaded) == []
    first, second = loaded.map.conditionals
    assert (first.id, first.named) == ("if-war-then-ruin", False)
    assert (first.antecedent, first.consequent) == ("war", "ruin")
    assert first.antecedent_span == at(3, 4, 3, 7)
    assert first.consequent_span == at(3, 13, 3, 17)
    assert (second.id, second.named) == ("named-if", True)
    assert loaded.map.conditionals_into("ruin") == (first,)


def test_rebuttal_undercut_and_an_attack_on_an_attack() -> None:
    loaded = read(
        """
        thesis t: T.
        premise a: A.
        objection o: Not so.
        objection u: The step fails.
        premise d: The objection misreads.
        step: t <- a
        o rebuts t
        u undercuts step
        defence: d undercuts o-rebuts-t
        """
    )
    assert codes(loaded) == []
    rebut, undercut, defence = loaded.map.attacks
    assert (rebut.id, rebut.kind, rebut.attacker, rebut.target) == (
        "o-rebuts-t",
        AttackKind.REBUT,
        "o",
        "t",
    )
    assert rebut.attacker_span == at(7, 1, 7, 2)
    assert rebut.target_span == at(7, 10, 7, 11)
    assert (undercut.id, undercut.kind, undercut.target) == (
        "u-undercuts-step",
        AttackKind.UNDERCUT,
        "step",
    )
    assert undercut.target_span == at(8, 13, 8, 17)
    assert (defence.id, defence.named, defence.target) == ("defence", True, "o-rebuts-t")
    assert loaded.map.attacks_on("o-rebuts-t") == (defence,)


def test_relations_take_quote_note_and_allow() -> None:
    loaded = read(
        """
        premise a: A.
        premise b: B.
        b rebuts a
          quote: "but"
          note: n
          allow: W
        """
    )
    (attack,) = loaded.map.attacks
    assert attack.quote is not None
    assert attack.quote.text == "but"
    assert attack.note == "n"
    assert attack.allow == ("W",)


# ---- whole files ----------------------------------------------------------------------------


def test_line_endings_and_byte_order_mark_keep_positions() -> None:
    unix = read("title: T\n\npremise a: A.\nclaim c: C.\nc <- a\n")
    windows = argmap.parse("\ufefftitle: T\r\n\r\npremise a: A.\r\nclaim c: C.\r\nc <- a")
    old_mac = argmap.parse("title: T\r\rpremise a: A.\rclaim c: C.\rc <- a\r")
    assert windows.map == unix.map
    assert old_mac.map == unix.map
    assert windows.map.inferences[0].span == at(5, 1, 5, 7)


def test_elements_keep_their_order_and_file_name(fixtures_dir: Path) -> None:
    path = fixtures_dir / "every_construct.argmap"
    loaded = argmap.load(path)
    assert codes(loaded) == []
    assert loaded.map.path == str(path)
    assert [s.id for s in loaded.map.statements] == [
        "thesis-1",
        "aid",
        "debt",
        "maxim",
        "allies",
        "never",
        "expert",
        "sanctions",
        "ruin",
        "misread",
    ]
    assert {s.span.file for s in loaded.map.statements} == {str(path)}
    assert [i.id for i in loaded.map.inferences] == ["alliance", "thesis-1<-allies"]
    assert [c.id for c in loaded.map.conditionals] == ["if-sanctions-then-ruin"]
    assert [a.id for a in loaded.map.attacks] == [
        "never-rebuts-thesis-1",
        "misread-undercuts-alliance",
        "misread-undercuts-never-rebuts-thesis-1",
    ]
    assert loaded.map.header.title == "Every construct of the language"


def test_empty_and_comment_only_texts_are_empty_maps() -> None:
    for text in ["", "\n\n", "# only a comment\n   \n\t\n# another"]:
        loaded = argmap.parse(text)
        assert codes(loaded) == []
        assert loaded.map.statements == ()


# ---- syntax errors (E1xx) -------------------------------------------------------------------


def test_e101_missing_colon_after_the_statement_id() -> None:
    loaded = read("premise aid Russia sends aid.")
    assert where(loaded) == [("E101", 1, 13)]
    (diagnostic,) = errors(loaded)
    assert diagnostic.message == "expected ':' after the id, found 'Russia'"
    assert diagnostic.span == at(1, 13, 1, 19)
    assert diagnostic.hint is not None
    assert "premise aid: Russia sends aid." in diagnostic.hint
    assert_plain(loaded)


def test_e101_missing_colon_after_the_hedge() -> None:
    loaded = read("premise aid [likely] Russia sends aid.")
    assert where(loaded) == [("E101", 1, 22)]
    assert errors(loaded)[0].message == "expected ':' after the hedge, found 'Russia'"


def test_e101_at_a_line_break_points_at_the_end_of_the_line() -> None:
    # the line break is found at the end of line 1, not at the start of line 2
    loaded = read(
        """
        premise a
          Russia sends aid.
        """
    )
    assert where(loaded) == [("E101", 1, 10)]
    assert errors(loaded)[0].message == "expected ':' after the id, found the end of the line"
    loaded = read("claim c: C.\nc <- a +\n  note: n\n")
    assert where(loaded) == [("E101", 2, 9)]
    assert errors(loaded)[0].message == "expected an id after '+', found the end of the line"


def test_e101_missing_text() -> None:
    loaded = read("premise a:\n")
    assert where(loaded) == [("E101", 1, 11)]
    assert errors(loaded)[0].message == "expected text after ':', found the end of the line"


def test_e101_missing_id() -> None:
    loaded = read("premise: Russia sends aid.")
    assert where(loaded) == [("E101", 1, 8)]
    assert errors(loaded)[0].message == "expected an id, found ':'"
    assert "short name" in (errors(loaded)[0].hint or "")


def test_e101_an_id_cannot_start_with_a_digit() -> None:
    loaded = read("premise 1st: Russia sends aid.")
    assert where(loaded) == [("E101", 1, 9)]
    assert errors(loaded)[0].message == "expected an id, found '1st:'"


def test_e101_a_line_at_the_margin_that_starts_nothing() -> None:
    loaded = read("1. premise a: A.")
    assert where(loaded) == [("E101", 1, 1)]
    assert errors(loaded)[0].message == ("expected a statement, a header or a relation, found '1.'")


def test_e101_text_after_an_attribute() -> None:
    loaded = read(
        """
        premise a: One
          note: n
          more text
        """
    )
    assert where(loaded) == [("E101", 3, 3)]
    diagnostic = errors(loaded)[0]
    assert diagnostic.message.startswith("expected an attribute (quote:, cite:")
    assert diagnostic.hint == (
        "indented lines under a statement are its text first, then its attributes; "
        "text cannot follow an attribute"
    )
    # the statement is kept, up to the line before the mistake
    assert loaded.map.statements[0].note == "n"


def test_e105_misspelt_attribute_has_a_did_you_mean() -> None:
    loaded = read(
        """
        premise a: One
          note: n
          qoute: "q"
        """
    )
    assert where(loaded) == [("E105", 3, 3)]
    assert errors(loaded)[0].hint == "did you mean 'quote:'?"


def test_e101_unclosed_hedge_bracket() -> None:
    loaded = read("prediction w [likely: War.")
    assert where(loaded) == [("E101", 1, 14)]
    assert errors(loaded)[0].message == "the hedge's '[' is not closed"


def test_e101_quote_must_be_in_double_quotes() -> None:
    loaded = read("premise a: A.\n  quote: the words\n")
    assert where(loaded) == [("E101", 2, 10)]
    assert errors(loaded)[0].message == (
        "expected a quote in double quotes (\"...\") after ':', found 'the'"
    )


def test_e101_unknown_finding_code_shape_in_allow() -> None:
    loaded = read("premise a: A.\n  allow: W101, X1\n")
    assert where(loaded) == [("E101", 2, 16)]
    assert errors(loaded)[0].message == "expected a finding code, such as W101, found 'X1'"


def test_e101_relation_missing_its_target() -> None:
    loaded = read("premise a: A.\na rebuts\n")
    assert where(loaded) == [("E101", 2, 9)]
    assert errors(loaded)[0].message == ("expected an id after 'rebuts', found the end of the line")


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "premis aid: Russia sends aid.",
            "unknown statement kind 'premis'",
            "did you mean 'premise'?",
        ),
        ("Thesis t: T.", "unknown statement kind 'Thesis'", "did you mean 'thesis'?"),
        (
            "evidense e [likely]: E.",
            "unknown statement kind 'evidense'",
            "did you mean 'evidence'?",
        ),
        ("titel: The essay", "unknown header 'titel:'", "did you mean 'title:'?"),
        ("fact f: F.", "unknown statement kind 'fact'", "a statement starts with its kind:"),
    ],
)
def test_e102_unknown_statement_kind_or_header(text: str, message: str, hint: str) -> None:
    loaded = read(text)
    assert where(loaded) == [("E102", 1, 1)]
    (diagnostic,) = errors(loaded)
    assert diagnostic.message == message
    assert diagnostic.hint is not None
    assert diagnostic.hint.startswith(hint)
    assert diagnostic.span == at(1, 1, 1, 1 + len(text.split()[0].rstrip(":")))


def test_e102_is_not_claimed_for_a_relation_that_starts_with_an_id() -> None:
    loaded = read(
        """
        premise a: A.
        premise b: B.
        a rebuts b
          sheme: x
        """
    )
    assert where(loaded) == [("E105", 4, 3)]
    loaded = read("premise a: A.\nname: a rebuts\n")
    assert where(loaded) == [("E101", 2, 15)]


def test_e103_unclosed_quote() -> None:
    for mark in ['"', "“"]:
        loaded = read(f"premise a: A.\n  quote: {mark}the words\npremise b: B.\n")
        assert where(loaded) == [("E103", 2, 10)]
        assert errors(loaded)[0].message == "this quote is not closed"
        assert errors(loaded)[0].span == at(2, 10, 2, 11)
        # the statement is kept without its quote, and the next one is read
        assert [s.id for s in loaded.map.statements] == ["a", "b"]


def test_e104_indented_line_with_no_statement_above() -> None:
    loaded = read("  premise a: A.\npremise b: B.\n")
    assert where(loaded) == [("E104", 1, 1)]
    assert errors(loaded)[0].message == "indented line with no statement above it"
    assert errors(loaded)[0].span == at(1, 1, 1, 16)
    assert [s.id for s in loaded.map.statements] == ["b"]
    # after comments and blank lines at the top, too
    assert where(argmap.parse("# c\n\n\tnote: n\n")) == [("E104", 3, 1)]


def test_every_syntax_error_in_a_file_is_reported(fixtures_dir: Path) -> None:
    loaded = argmap.load(fixtures_dir / "several_errors.argmap")
    expected = [
        tuple(line.split())
        for line in (fixtures_dir / "several_errors.expected").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert [(d.code, f"{d.span.line}:{d.span.column}") for d in errors(loaded) if d.span] == [
        (code, position) for position, code in expected
    ]
    assert_plain(loaded)
    # the statements without errors, and those whose error is in an indented line, are kept;
    # so nothing cascades into "not defined"
    assert [s.id for s in loaded.map.statements] == ["t", "a", "b", "c", "d"]
    assert "E202" not in codes(loaded)


def test_errors_in_other_files_keep_their_file_name() -> None:
    model, diagnostics = parse_map("premise a\n", "x/y.argmap")
    assert diagnostics[0].span == Span(
        file="x/y.argmap", line=1, column=10, end_line=1, end_column=11
    )
    assert model.path == "x/y.argmap"


# ---- errors only the reading sees: E211, E212 -------------------------------------------------


def test_e211_attribute_given_twice() -> None:
    loaded = read("premise a: A.\n  note: one\n  note: two\n")
    assert where(loaded) == [("E211", 3, 3)]
    assert errors(loaded)[0].message == "'note:' is given twice for this statement"
    assert errors(loaded)[0].hint == "the first 'note:' is on line 2; keep one"
    assert loaded.map.statements[0].note == "one"


def test_e211_hedge_in_brackets_and_as_attribute() -> None:
    loaded = read("prediction w [likely]: W.\n  hedge: may\n")
    assert where(loaded) == [("E211", 2, 10)]
    assert errors(loaded)[0].message == ("the hedge is given twice, in brackets and as 'hedge:'")


def test_e211_question_answered_twice() -> None:
    loaded = read(
        """
        thesis t: T.
        premise a: A.
        premise b: B.
        t <- a
          scheme: sign
          answer 1: a
          answer 01: b
        """
    )
    assert where(loaded) == [("E211", 7, 3)]
    assert errors(loaded)[0].message == "question 1 is answered twice for this inference"
    assert loaded.map.inferences[0].answers == {1: "a"}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("  scheme: sign", "'scheme:' does not apply to a statement"),
        ("  warrant: w", "'warrant:' does not apply to a statement"),
        ("  answer 1: w", "'answer:' does not apply to a statement"),
    ],
)
def test_e211_attribute_that_does_not_apply_to_a_statement(lines: str, message: str) -> None:
    loaded = read(f"premise w: W.\n{lines}\n")
    assert where(loaded) == [("E211", 2, 3)]
    assert errors(loaded)[0].message == message


@pytest.mark.parametrize(
    ("relation", "attribute", "owner"),
    [
        ("t <- a", "cite: Reuters", "inference"),
        ("if a then t", "cite: Reuters", "conditional"),
        ("if a then t", "side: author", "conditional"),
        ("a limits t", "hedge: likely", "concession"),
        ("a contradicts t", "warrant: a", "contradiction"),
        ("a rebuts t", "scheme: sign", "attack"),
    ],
)
def test_e211_attribute_that_does_not_apply_to_a_relation(
    relation: str, attribute: str, owner: str
) -> None:
    loaded = read(f"thesis t: T.\npremise a: A.\n{relation}\n  {attribute}\n")
    assert where(loaded) == [("E211", 4, 3)]
    name = attribute.split(":")[0]
    article = "an" if owner in {"inference", "attack"} else "a"
    assert errors(loaded)[0].message == f"'{name}:' does not apply to {article} {owner}"


def test_e212_header_given_twice() -> None:
    loaded = read("title: One\nauthor: A\ntitle: Two\n")
    assert where(loaded) == [("E212", 3, 1)]
    assert errors(loaded)[0].message == "the header 'title:' is given twice"
    assert errors(loaded)[0].hint == "the first 'title:' is on line 1; keep one"
    assert loaded.map.header.title == "One"


def test_e101_a_header_cannot_go_on_indented() -> None:
    loaded = read("title: Friends again\n  subtitle: The enemy of my enemy\npremise a: A.\n")
    assert where(loaded) == [("E101", 2, 3)]
    assert errors(loaded)[0].message == "a header is one line: an indented line cannot follow it"
    assert loaded.map.header.title == "Friends again"
    assert [s.id for s in loaded.map.statements] == ["a"]


@pytest.mark.parametrize(
    ("text", "position", "hint"),
    [
        ("claim b: B.\na <- b, c\n", (2, 7), "premises that support together are joined with '+'"),
        ("claim b: B.\na <- b and c\n", (2, 8), "premises that support together are joined"),
        ("premise [likely] aid: A.\n", (1, 9), "the hedge goes after the id"),
    ],
)
def test_e101_hints_for_common_slips(text: str, position: tuple[int, int], hint: str) -> None:
    loaded = argmap.parse(text)
    assert where(loaded) == [("E101", *position)]
    assert (errors(loaded)[0].hint or "").startswith(hint)


def test_e102_capitalised_kind_before_a_colon() -> None:
    loaded = read("Premise: Russia sends aid.")
    assert where(loaded) == [("E102", 1, 1)]
    assert errors(loaded)[0].message == "unknown statement kind 'Premise'"
    assert (errors(loaded)[0].hint or "").startswith("did you mean 'premise'?")


def test_attribute_keys_are_small_letters() -> None:
    # "Quote:" is not the key quote:, and it is not taken as text either: E105 (docs/language.md)
    loaded = read('premise a: A.\n  Quote: "x"\n')
    assert codes(loaded) == ["E105"]
    assert loaded.map.statements[0].text == "A."
    assert loaded.map.statements[0].quote is None


def test_a_hedge_of_commas_only_is_reported_not_kept_empty() -> None:
    for text in ["prediction w [,]: W.\n", "prediction w: W.\n  hedge: ,\n"]:
        loaded = argmap.parse(text)
        assert codes(loaded) == ["E203"]
        assert errors(loaded)[0].message == "',' is not a hedge word"
    assert codes(read("premise a [accepted,]: A.\npremise b []: B.\n")) == []
    assert read("premise b []: B.\n").map.statements[0].hedge is None


def test_a_copied_map_indexes_its_own_elements() -> None:
    original = argmap.parse("thesis t: T.\n").map
    assert original.statement("t") is not None  # the index is built (and cached) here
    renamed = original.statements[0].model_copy(update={"id": "x"})
    copy = original.model_copy(update={"statements": (renamed,)})
    assert copy.statement("x") is renamed
    assert copy.statement("t") is None
    assert original.statement("t") is not None


def test_an_id_lost_to_a_syntax_error_is_not_also_undefined() -> None:
    loaded = argmap.parse("thesis t: T.\npremis a: A.\nstep: t <- a + b\n")
    found = [(d.code, d.span.line if d.span else None, d.message) for d in loaded.diagnostics]
    assert [(code, line) for code, line, _ in found] == [("E102", 2), ("E202", 3)]
    assert "'b' is not defined" in found[1][2]  # b is really missing; a is only broken


def test_a_relation_lost_to_a_syntax_error_keeps_its_undercuts_quiet() -> None:
    text = "thesis t: T.\npremise p: P.\npremise o: O.\nstep: t <- p p\no undercuts step\n"
    codes = [d.code for d in argmap.parse(text).diagnostics]
    assert codes == ["E101"]


def test_a_statement_missing_its_colon_is_one_error_not_two() -> None:
    loaded = argmap.parse("thesis t: T.\npremise p Russia sends aid.\nt <- p\n")
    assert [d.code for d in loaded.diagnostics] == ["E101"]
    assert loaded.diagnostics[0].span is not None and loaded.diagnostics[0].span.line == 2


def test_found_text_with_an_apostrophe_is_quoted_readably() -> None:
    [problem] = argmap.parse("thesis t 'single' quotes\n").diagnostics
    assert "“'single'”" in problem.message
    assert "''" not in problem.message


def test_the_readers_id_pattern_is_the_grammars() -> None:
    import re

    from argmap.syntax.reader import ID_PATTERN, grammar_parser

    # lark reads the grammar's \uXXXX escapes into characters; the pattern keeps them escaped
    grammar_id = grammar_parser().get_terminal("ID").pattern.value
    decoded = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), ID_PATTERN)
    assert decoded == grammar_id


@pytest.mark.parametrize("name", ["प्रमाण", "cafe\u0301", "ελλάδα", "中国", "_x-1"])
def test_ids_with_combining_marks_and_any_script(name: str) -> None:
    loaded = argmap.parse(f"thesis {name}: T.\nevidence e: E.\n{name} <- e\n  scheme: sign\n")
    assert [d.code for d in loaded.diagnostics if d.is_error] == []
    assert loaded.map.statements[0].id == name


def test_a_negative_probability_is_out_of_range_not_an_unknown_word() -> None:
    [problem] = argmap.parse("thesis t [-0.1]: T.\n").diagnostics
    assert (problem.code, problem.message) == ("E205", "the probability '-0.1' is outside 0 to 1")


def test_a_trailing_comment_is_explained() -> None:
    [problem] = argmap.parse("thesis t: T.\nevidence e: E.\nt <- e # why\n").diagnostics
    assert problem.code == "E101"
    assert problem.span is not None and (problem.span.line, problem.span.column) == (3, 8)
    assert problem.hint == "a comment stands on a line of its own: move it onto the line above"
