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
from strategies import GRAMMAR_TEXT, SOUP

import argmap
from argmap.syntax.reader import HEADER_KEYS, KINDS, grammar_parser, normalise

# the number of examples is the profile's (tests/conftest.py)
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

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


@PROPERTY
@given(SOUP)
def test_soups_of_the_language_yield_only_diagnostics(text: str) -> None:
    _assert_only_diagnostics(text, plain_words=True)
