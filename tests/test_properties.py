"""Properties of the reader, checked with hypothesis.

1. Text the grammar generates (made realistic where a terminal's regex has a lookahead, or
   where the reader's normalisation would change it) always reads without a syntax error,
   and into as many elements as it has lines at the left margin.
2. Any text at all (random Unicode, random bytes decoded leniently, soups of the language's
   own fragments) only ever yields diagnostics, never an exception, and every diagnostic
   points inside the text.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

import argmap
from argmap.syntax.reader import (
    ATTRIBUTE_KEYS,
    HEADER_KEYS,
    KINDS,
    RESERVED_WORDS,
    grammar_parser,
    normalise,
)

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---- grammar-valid text ---------------------------------------------------------------------

# The reader turns a lone "\r" into a line break, so no terminal may hold one.
CHARACTER = st.characters(codec="utf-8", exclude_characters="\r")
LINE_CHARACTER = st.characters(codec="utf-8", exclude_characters="\r\n")

_STARTS_AN_ATTRIBUTE = re.compile(
    rf"^(?:(?:{'|'.join(ATTRIBUTE_KEYS)})[ \t]*:|answer[ \t]+[0-9]+[ \t]*:)"
)


def _is_free_text(text: str) -> bool:
    """What free text can be after normalisation: it starts with a visible character, and
    where it opens an indented line, it is neither a comment nor an attribute."""
    return not text[0].isspace() and text[0] != "#" and not _STARTS_AN_ATTRIBUTE.match(text)


WORDS = st.lists(
    st.sampled_from(["Russia", "aid", "may", "quote", "note:", "<-", "rebuts", "[70%]", "#1"]),
    min_size=1,
    max_size=6,
).map(" ".join)
TEXT = st.one_of(WORDS, st.text(LINE_CHARACTER, min_size=1, max_size=30)).filter(_is_free_text)
ID = st.one_of(
    st.sampled_from(["aid", "debt", "thesis-1", "a_b", "premises", "iffy", "quote"]),
    st.from_regex(r"[^\W\d][\w-]{0,8}", fullmatch=True, alphabet=LINE_CHARACTER),
).filter(lambda word: word not in RESERVED_WORDS)

EXPLICIT = {
    # line breaks: blank lines may come between any two lines
    "_NL": st.sampled_from(["\n", "\n\n"]),
    "_INDENT": st.sampled_from(["\n  ", "\n\t", "\n\n    "]),
    # the grammar ignores blanks between tokens; where it needs one, the strategies put it
    "__IGNORE_0": st.just(""),
    "ID": ID.map(lambda word: word + " "),
    "TEXT": TEXT,
    "COLON": st.sampled_from([":", ": ", " : "]),
    "PLUS": st.sampled_from([" + ", "+"]),
    "COMMA": st.sampled_from([", ", ","]),
    "_SUPPORTED_BY": st.sampled_from([" <- ", "<-"]),
    "_REBUTS": st.just(" rebuts "),
    "_UNDERCUTS": st.just(" undercuts "),
    "_IF": st.just("if "),
    "_THEN": st.just(" then "),
    "ANSWER_KEY": st.just("answer "),
    **{f"{key.upper()}_KEY": st.just(key) for key in ATTRIBUTE_KEYS},
    **{word.upper(): st.just(word + " ") for word in (*KINDS, *HEADER_KEYS)},
}
GRAMMAR_TEXT = from_lark(grammar_parser(), start="start", explicit=EXPLICIT, alphabet=CHARACTER)

_MARGIN_LINE = re.compile(r"^\S", re.MULTILINE)
_STATEMENT_LINE = re.compile(rf"^(?:{'|'.join(KINDS)}) ", re.MULTILINE)
_HEADER_LINE = re.compile(rf"^(?:{'|'.join(HEADER_KEYS)}) ", re.MULTILINE)


@PROPERTY
@given(GRAMMAR_TEXT)
def test_grammar_valid_text_reads_without_syntax_errors(text: str) -> None:
    # the generator is honest: what it makes is in the language after normalisation
    grammar_parser().parse(normalise(text), start="start")
    loaded = argmap.parse(text)
    assert [d for d in loaded.diagnostics if d.code.startswith("E1")] == []
    model = loaded.map
    margin = len(_MARGIN_LINE.findall(text))
    statements = len(_STATEMENT_LINE.findall(text))
    headers = len(_HEADER_LINE.findall(text))
    relations = len(model.inferences) + len(model.conditionals) + len(model.attacks)
    assert len(model.statements) == statements
    assert relations == margin - statements - headers


@PROPERTY
@given(GRAMMAR_TEXT)
def test_grammar_valid_text_keeps_every_span_inside_the_text(text: str) -> None:
    loaded = argmap.parse(text)
    lines = normalise(text).split("\n")
    for statement in loaded.map.statements:
        span = statement.span
        assert lines[span.line - 1][span.column - 1 :].startswith(statement.kind.value)
        id_span = statement.id_span
        assert lines[id_span.line - 1][id_span.column - 1 : id_span.end_column - 1] == statement.id


# ---- any text at all --------------------------------------------------------------------------


# Names of the grammar's machinery, which a message must never show.
TERMINAL_NAMES = re.compile(
    r"\b(?:COLON|_NL|_INDENT|TEXT|ID|STRING|TAGS|CODE|INT|PLUS|COMMA|__IGNORE_\d+|"
    r"[A-Z]+_KEY|_SUPPORTED_BY|_REBUTS|_UNDERCUTS|_IF|_THEN)\b|\$END"
)


def _assert_only_diagnostics(text: str, plain_words: bool = False) -> None:
    """`plain_words`: the text has no capitalised words of its own, so any such word in a
    message comes from argmap."""
    loaded = argmap.parse(text)  # must not raise
    lines = normalise(text).split("\n")
    for diagnostic in loaded.diagnostics:
        assert diagnostic.code[0] in "EWI"
        if plain_words:
            words = f"{diagnostic.message} {diagnostic.hint}"
            assert not TERMINAL_NAMES.search(words), diagnostic
        span = diagnostic.span
        if span is None:
            continue
        assert 1 <= span.line <= len(lines), diagnostic
        assert 1 <= span.column <= len(lines[span.line - 1]) + 1, diagnostic
        assert (span.end_line, span.end_column) >= (span.line, span.column), diagnostic


@PROPERTY
@given(st.text())
def test_any_unicode_text_yields_only_diagnostics(text: str) -> None:
    _assert_only_diagnostics(text)


@PROPERTY
@given(st.binary())
def test_any_bytes_yield_only_diagnostics(data: bytes) -> None:
    _assert_only_diagnostics(data.decode("utf-8", errors="replace"))


FRAGMENTS = st.sampled_from(
    [
        "premise a: A.",
        "thesis t [likely]: T.",
        "claim c",
        "premis x: y",
        '  quote: "unclosed',
        '  quote: "q" extra',
        "  answer 1: a",
        "  answer 1: a",
        "  scheme: sign",
        "  sheme: x",
        "  allow: E2, X",
        "  hedge: 150%",
        "  continued",
        "t <- a + b +",
        "t <- a",
        "t <-",
        "n: t <- a",
        "if a then",
        "if a then t",
        "a rebuts n",
        "b undercuts a-rebuts-n",
        "title: T",
        "title: again",
        "source: \x00",
        "source: .",
        "[",
        "#",
        "\\",
        ":",
        "",
        "\t",
        "\r",
        "\ufeff",
        "0",
        "1. premise a: A.",
        "premise [likely] a: A.",
        "premise a [likely: A.",
        "premise 1a: A.",
        "thesis: T.",
        "Premise: A.",
        "b -> a",
        "a <- b, c",
        "a <-- b",
        '  Quote: "q"',
        "  quote: “q”",
        '  quote: "a \\"b\\" c"',
        '  quote: "a "b" c"',
        "  answer 01: a",
        "  anwser 2: a",
        "  warrant: a",
        "  cite: c",
        "  \\# escaped",
    ]
)


@PROPERTY
@given(st.lists(FRAGMENTS, max_size=14).map("\n".join))
def test_soups_of_the_language_yield_only_diagnostics(text: str) -> None:
    _assert_only_diagnostics(text, plain_words=True)
