"""Messages that never mislead: a misspelt attribute key is reported, not read as text (E105);
a misspelt or invented relation word gets the relation meant (E106); every did-you-mean names
a spelling the parser accepts in its place; a hedge's did-you-mean never means the opposite."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterator

import pytest

import argmap
from argmap import Diagnostic, Loaded
from argmap.hedges import SCALE, HedgeFamily, lookup, nearest_word
from argmap.schemes import SCHEMES
from argmap.syntax import reader
from argmap.syntax.errors import relation_words


def read(text: str) -> Loaded:
    return argmap.parse(textwrap.dedent(text).lstrip("\n"), essay_text="")


def errors(loaded: Loaded) -> list[Diagnostic]:
    return [d for d in loaded.diagnostics if d.is_error]


def only_error(loaded: Loaded) -> Diagnostic:
    (diagnostic,) = errors(loaded)
    return diagnostic


# ---- E105: a misspelt attribute key ---------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "word", "key"),
    [
        ('qoute: "Russia sends aid"', "qoute", "quote"),
        ("sheme: sign", "sheme", "scheme"),
        ("cit: Reuters", "cit", "cite"),
        ("noet: the essay gives no figure", "noet", "note"),
        ('Quote: "Russia sends aid"', "Quote", "quote"),
        ("hedeg: likely", "hedeg", "hedge"),
        ("answer: aid", "answer", "answer N"),
        ("answr 2: aid", "answr", "answer N"),
    ],
)
def test_a_misspelt_key_on_the_first_indented_line_is_e105(line: str, word: str, key: str) -> None:
    loaded = read(f"premise aid: Russia sends aid.\n  {line}\n")
    diagnostic = only_error(loaded)
    assert diagnostic.code == "E105"
    assert diagnostic.message == f"unknown attribute '{word}:'"
    assert diagnostic.hint == (
        f"did you mean '{key}:'? If the line is the statement's text, write '\\{word}:'"
    )
    assert diagnostic.span is not None
    assert (diagnostic.span.line, diagnostic.span.column) == (2, 3)
    assert diagnostic.span.end_column == 3 + len(word)
    # the line is never taken as more of the statement's text
    assert loaded.map.statements[0].text == "Russia sends aid."


def test_e105_on_a_later_text_line_keeps_the_text_before_and_the_attributes_after() -> None:
    loaded = read(
        """
        premise aid: Russia sends aid
          to North Korea.
          noet: the essay gives no figure
          more words
          cite: Reuters
        """
    )
    assert [(d.code, d.span.line if d.span else 0) for d in errors(loaded)] == [("E105", 3)]
    (statement,) = loaded.map.statements
    assert statement.text == "Russia sends aid to North Korea."
    assert statement.citation == "Reuters"


@pytest.mark.parametrize(
    "text",
    [
        "thesis t: T.\npremise a: A.\nt <- a\n  sheme: sign\n",
        "premise a: A.\nobjection o: O.\no rebuts a\n  noet: n\n",
        'premise a: A.\n  note: n\n  qoute: "A"\n',
    ],
)
def test_e105_under_a_relation_and_after_an_attribute(text: str) -> None:
    diagnostic = only_error(read(text))
    assert diagnostic.code == "E105"
    assert diagnostic.hint is not None
    assert diagnostic.hint.startswith("did you mean '")
    # where no text can follow, the hint does not offer to keep the line as text
    assert "statement's text" not in diagnostic.hint


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("Note well: the aid is small.", "Note well: the aid is small."),
        ("Russia: the aid is small.", "Russia: the aid is small."),
        ("quoted by critics: the aid is small.", "quoted by critics: the aid is small."),
        ("the quote: it is small.", "the quote: it is small."),
        ("Moscow's note: it is small.", "Moscow's note: it is small."),
        ("notwithstanding: it is small.", "notwithstanding: it is small."),
        ("\\qoute: it is small.", "qoute: it is small."),
        ("\\Note: it is small.", "Note: it is small."),
    ],
)
def test_text_that_only_has_a_colon_stays_text(line: str, text: str) -> None:
    loaded = read(f"premise aid: Russia sends aid.\n  {line}\n")
    assert errors(loaded) == []
    assert loaded.map.statements[0].text == f"Russia sends aid. {text}"


# ---- E106: a misspelt or invented relation word ----------------------------------------------

_TWO_STATEMENTS = "premise t: T.\npremise p: P.\nobjection o: O.\nthesis a: A.\nthesis b: B.\n"


def _expected_for(word: str, fallback: str) -> str:
    """The relation word a did-you-mean names: the word itself once the language has it."""
    return word if word in relation_words() else fallback


@pytest.mark.parametrize(
    ("line", "found", "hint"),
    [
        ("t rebut o", "rebut", "did you mean 'rebuts'?"),
        ("o undercut s", "undercut", "did you mean 'undercuts'?"),
        ("o refutes t", "refutes", "did you mean 'rebuts'?"),
        ("o refute t", "refute", "did you mean 'rebuts'?"),
        (
            "o attacks t",
            "attacks",
            "did you mean 'rebuts'? 'o rebuts t' says that t is false; to say that a step "
            "does not follow from its premises, undercut the step",
        ),
        (
            "t supports p",
            "supports",
            "did you mean '<-'? Support is written the conclusion first, "
            "'conclusion <- premise': write 'p <- t'",
        ),
        (
            "t -> p",
            "->",
            "did you mean '<-'? Support is written the conclusion first, "
            "'conclusion <- premise': write 'p <- t'",
        ),
        (
            "step: t => p",
            "=>",
            "did you mean '<-'? Support is written the conclusion first, "
            "'conclusion <- premise': write 'step: p <- t'",
        ),
        (
            "t < p",
            "<",
            "did you mean '<-'? Support is written 'conclusion <- premise': "
            "'t <- p' says that p supports t",
        ),
        (
            "t <= p + a",
            "<=",
            "did you mean '<-'? Support is written 'conclusion <- premise': "
            "'t <- p + a' says that p and a together support t",
        ),
        ("if t than p", "than", "did you mean 'then'?"),
    ],
)
def test_a_wrong_relation_word_gets_the_relation_meant(line: str, found: str, hint: str) -> None:
    loaded = read(_TWO_STATEMENTS + line + "\n")
    diagnostic = only_error(loaded)
    assert diagnostic.code == "E106"
    assert diagnostic.message == f"unknown relation '{found}'"
    assert diagnostic.hint == hint
    assert diagnostic.span is not None
    column = line.index(found) + 1
    assert (diagnostic.span.line, diagnostic.span.column) == (6, column)
    assert diagnostic.span.end_column == column + len(found)


def test_words_the_language_is_gaining_are_suggested_once_it_has_them() -> None:
    contradict = only_error(read(_TWO_STATEMENTS + "a contradict b\n"))
    assert contradict.code == "E106"
    assert (contradict.hint or "").startswith(
        f"did you mean '{_expected_for('contradicts', 'rebuts')}'?"
    )
    limit = only_error(read(_TWO_STATEMENTS + "o limit t\n"))
    assert limit.code == "E106"
    assert limit.message == "unknown relation 'limit'"
    if "limits" in relation_words():
        assert limit.hint == "did you mean 'limits'?"
    else:
        # no relation is close: the hint shows the forms, all from the reader's tables
        assert limit.hint is not None
        assert limit.hint.startswith("a relation is written 'conclusion <- premise + premise'")
        for word in relation_words():
            assert f"'a {word} b'" in limit.hint


def test_relation_words_come_from_the_reader() -> None:
    assert {"rebuts", "undercuts"} <= set(relation_words()) <= reader.RESERVED_WORDS
    assert not set(relation_words()) & {*reader.KINDS, *reader.HEADER_KEYS, "if", "then"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("premis aid: Russia sends aid.", "E102"),
        ("premis aid Russia sends aid.", "E102"),
        ("titel: The essay", "E102"),
        ("t <- p c", "E101"),
    ],
)
def test_kinds_and_other_slips_are_not_taken_for_relations(text: str, code: str) -> None:
    assert only_error(read(_TWO_STATEMENTS + text + "\n")).code == code


# ---- every suggestion parses in its place ----------------------------------------------------

_DID_YOU_MEAN = re.compile(r"did you mean '([^']+)'\?")
_WRITE = re.compile(r"write '([^']+)'")


def misspellings(word: str) -> Iterator[str]:
    """Slips of one letter: one dropped, two swapped, one doubled."""
    seen = {word}
    for index in range(len(word)):
        for slip in (
            word[:index] + word[index + 1 :],
            word[:index] + word[index + 1 : index + 2] + word[index] + word[index + 2 :],
            word[:index] + word[index] + word[index:],
        ):
            if slip.strip() and slip not in seen:
                seen.add(slip)
                yield slip


_ATTRIBUTE_VALUES = {
    "quote": '"A"',
    "warrant": "a",
    "allow": "W101",
    "hedge": "likely",
    "scheme": "sign",
}


def _attribute_line(key: str, slip: str) -> str:
    if key == "answer":
        return f"{slip} 1: a"
    return f"{slip}: {_ATTRIBUTE_VALUES.get(key, 'a')}"


def _under_statement(key: str, slip: str) -> str:
    return f"premise a: A.\n  {_attribute_line(key, slip)}\n"


def _under_relation(key: str, slip: str) -> str:
    return f"premise a: A.\nthesis t: T.\nt <- a\n  {_attribute_line(key, slip)}\n"


# (what is suggested, its words, a map with a slip of a word in the word's place)
VOCABULARIES: list[tuple[str, tuple[str, ...], Callable[[str, str], str]]] = [
    ("kind", reader.KINDS, lambda _, w: f"{w} aid: Russia sends aid.\n"),
    ("header key", reader.HEADER_KEYS, lambda _, w: f"{w}: The essay\n"),
    ("attribute key", (*reader.ATTRIBUTE_KEYS, "answer"), _under_statement),
    ("attribute key under a step", (*reader.ATTRIBUTE_KEYS, "answer"), _under_relation),
    ("relation word", relation_words(), lambda _, w: f"{_TWO_STATEMENTS}o {w} t\n"),
    ("conditional", ("then",), lambda _, w: f"{_TWO_STATEMENTS}if t {w} p\n"),
    (
        "hedge word",
        tuple(term.word for term in SCALE),
        lambda _, w: f"prediction w [{w}]: War.\n",
    ),
    (
        "hedge attribute",
        tuple(term.word for term in SCALE),
        lambda _, w: f"claim w: W.\n  hedge: {w}\n",
    ),
    (
        "scheme",
        tuple(scheme.name for scheme in SCHEMES),
        lambda _, w: f"thesis t: T.\npremise a: A.\nt <- a\n  scheme: {w}\n",
    ),
    # words the language is gaining: tried once the reader has them
    (
        "source kind",
        getattr(reader, "SOURCE_KINDS", ()),
        lambda _, w: f"evidence e: E.\n  cite: [{w}] Reuters\n",
    ),
    ("side", getattr(reader, "SIDES", ()), lambda _, w: f"premise p: P.\n  side: {w}\n"),
]
# relation words and arrows people write that argmap spells otherwise
INVENTED_RELATIONS = (
    "supports",
    "attacks",
    "refutes",
    "<",
    "<=",
    "->",
    "=>",
    "contradict",
    "limit",
)


def _suggested(text: str, slip: str, diagnostic: Diagnostic) -> str | None:
    """The map with the suggestion in the slip's place (or the line the hint writes)."""
    hint = diagnostic.hint or ""
    written = _WRITE.search(hint) if diagnostic.code == "E106" else None
    if written is not None and diagnostic.span is not None:
        lines = text.split("\n")
        lines[diagnostic.span.line - 1] = written.group(1)
        return "\n".join(lines)
    meant = _DID_YOU_MEAN.search(hint)
    if meant is None:
        return None
    word = meant.group(1).removesuffix(":").removesuffix(" N")
    if diagnostic.span is None:
        return None
    lines = text.split("\n")
    line = lines[diagnostic.span.line - 1]
    start = line.index(slip, diagnostic.span.column - 1)
    lines[diagnostic.span.line - 1] = line[:start] + word + line[start + len(slip) :]
    return "\n".join(lines)


def _suggestions() -> Iterator[tuple[str, str, str, Diagnostic]]:
    for vocabulary, words, place in VOCABULARIES:
        for word in words:
            for slip in misspellings(word):
                text = place(word, slip)
                for diagnostic in errors(read(text)):
                    fixed = _suggested(text, slip, diagnostic)
                    if fixed is not None:
                        yield vocabulary, text, fixed, diagnostic
    for invented in INVENTED_RELATIONS:
        text = f"{_TWO_STATEMENTS}o {invented} t\n"
        for diagnostic in errors(read(text)):
            fixed = _suggested(text, invented, diagnostic)
            if fixed is not None:
                yield "invented relation", text, fixed, diagnostic


def test_every_suggestion_parses_in_its_place() -> None:
    found: dict[str, int] = {}
    wrong: list[tuple[str, str, str, str]] = []
    for vocabulary, text, fixed, diagnostic in _suggestions():
        found[vocabulary] = found.get(vocabulary, 0) + 1
        after = errors(read(fixed))
        # no syntax error, and the same mistake is not reported again
        if any(d.code.startswith("E1") or d.code == diagnostic.code for d in after):
            wrong.append((vocabulary, text, diagnostic.hint or "", fixed))
    assert wrong == []
    tried = {vocabulary for vocabulary, words, _place in VOCABULARIES if words}
    assert set(found) == tried | {"invented relation"}, "every vocabulary made a suggestion"


# ---- a hedge's did-you-mean never means the opposite -----------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("unlikly", "unlikely"),
        ("unlikey", "unlikely"),
        ("improbabl", "improbable"),
        ("inprobable", "improbable"),
        ("improbable that", "improbable"),
        ("very unlikly", "very unlikely"),
        ("likley", "likely"),
        ("probaly", "probably"),
        ("almst certain", "almost certain"),
    ],
)
def test_a_hedge_suggestion_keeps_the_sense(typed: str, meant: str) -> None:
    assert nearest_word(typed) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "uncertain",  # not "certainly"
        "unsure",  # not "surely"
        "unprobable",  # not "probable"
        "certainly not",  # not "certainly"
        "will not",  # not "will"
        "rarely",  # not "surely"
        "high",  # not "might"
        "would",  # not "could"
        "very ulikely",  # "very unlikely" or "very likely"?
        "highly iprobable",  # "highly improbable" or "highly probable"?
        "almost n chance",  # not "almost certain"
    ],
)
def test_no_hedge_suggestion_rather_than_a_wrong_one(typed: str) -> None:
    assert nearest_word(typed) is None


def _denies(phrase: str) -> bool:
    return any(
        re.match(r"^(?:un|im|in)[a-z]{3}", token) or token in {"not", "no"}
        for token in phrase.split()
    )


def test_a_negation_is_never_added_or_dropped() -> None:
    for term in SCALE:
        for slip in misspellings(term.word):
            guess = nearest_word(slip)
            assert guess is None or _denies(guess) == _denies(slip), (slip, guess)


def _middle(word: str) -> float | None:
    term = lookup(word)
    if term is None or term.low is None or term.high is None:
        return None
    return (term.low + term.high) / 2


def test_no_slip_of_a_hedge_is_suggested_a_word_from_the_other_side_of_the_scale() -> None:
    for term in SCALE:
        meant = _middle(term.word)
        for slip in misspellings(term.word):
            guess = nearest_word(slip)
            if guess is None or guess == term.word:
                continue
            got, found = _middle(guess), lookup(guess)
            assert found is not None
            assert found.family is term.family, (slip, guess)
            if meant is not None and got is not None:
                assert (meant < 0.5) == (got < 0.5), (slip, guess)


@pytest.mark.parametrize(("typed", "not_meant"), [("almost", "most"), ("tend", "often")])
def test_a_likelihood_word_does_not_cross_to_a_scope_word(typed: str, not_meant: str) -> None:
    guess = nearest_word(typed)
    assert guess != not_meant
    if guess is not None:
        term = lookup(guess)
        assert term is not None
        # only a word of the family the typed word starts like
        assert term.family is HedgeFamily.LIKELIHOOD or term.word.startswith(typed[:3])
