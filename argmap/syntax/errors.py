"""Syntax errors in plain words: lark's exceptions at the parser's edge become diagnostics
that say what was expected where, in the words of a debate coach (never a terminal's name),
with a did-you-mean where one fits.

A did-you-mean names only a spelling the parser accepts in its place: the words come from the
reader's tables (argmap.syntax.reader) and from the grammar itself, and a relation's hint is
parsed before it is given.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic, Span
from argmap.syntax.reader import (
    ATTRIBUTE_KEYS,
    HEADER_KEYS,
    ID_PATTERN,
    KINDS,
    RELATION_WORDS,
    RESERVED_WORDS,
    grammar_parser,
)
from argmap.syntax.tree import Block
from argmap.words import suggest

if TYPE_CHECKING:
    from lark.exceptions import UnexpectedInput

# lark is imported inside the functions that read its exceptions and terminals: these
# messages are for blocks that do not read, and a map whose blocks all read never loads lark.

_TERMINAL_WORDS: dict[str, str] = {
    "COLON": "':'",
    "ID": "an id",
    "TEXT": "text",
    "TAGS": "a hedge in brackets, such as [likely]",
    "STRING": 'a quote in double quotes ("...")',
    "CODE": "a finding code, such as W101",
    "INT": "a question number",
    "PLUS": "'+'",
    "COMMA": "','",
    "_NL": "the end of the line",
    "_INDENT": "an indented line",
    "_SUPPORTED_BY": "'<-'",
    "_REBUTS": "'rebuts'",
    "_UNDERCUTS": "'undercuts'",
    "_PARTLY": "'partly'",
    "_LIMITS": "'limits'",
    "_CONTRADICTS": "'contradicts'",
    "_IF": "'if'",
    "_THEN": "'then'",
    "$END": "the end of the file",
}
_KIND_TERMINALS = {kind.upper() for kind in KINDS}
_HEADER_TERMINALS = {key.upper() for key in HEADER_KEYS}
_ATTRIBUTE_TERMINALS = {
    "QUOTE_KEY",
    "CITE_KEY",
    "NOTE_KEY",
    "HEDGE_KEY",
    "SCHEME_KEY",
    "WARRANT_KEY",
    "ALLOW_KEY",
    "ANSWER_KEY",
    "SIDE_KEY",
}


def _describe_expected(expected: set[str]) -> str:
    words: list[str] = []
    names = set(expected)
    if names & _KIND_TERMINALS:
        words.append("a statement kind (" + ", ".join(KINDS) + ")")
        names -= _KIND_TERMINALS
    if names & _HEADER_TERMINALS:
        words.append("a header (" + ", ".join(f"{k}:" for k in HEADER_KEYS) + ")")
        names -= _HEADER_TERMINALS
    if names & _ATTRIBUTE_TERMINALS:
        words.append(
            "an attribute (quote:, cite:, hedge:, note:, allow:, warrant:, scheme:, answer N:, "
            "side:)"
        )
        names -= _ATTRIBUTE_TERMINALS
    if "COLON" in names:
        names.discard("TAGS")  # the hint shows where a hedge goes; ':' is what is missing
    if "_NL" in names:
        names.discard("_INDENT")  # where a line may end, it may go on indented: one thing
    for name in sorted(names):
        words.append(_TERMINAL_WORDS.get(name, name.lower()))
    if not words:
        return "something else"
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


_WHAT_CAME_BEFORE: dict[str, str] = {
    "ID": "after the id",
    "COLON": "after ':'",
    "_SUPPORTED_BY": "after '<-'",
    "PLUS": "after '+'",
    "_REBUTS": "after 'rebuts'",
    "_UNDERCUTS": "after 'undercuts'",
    "_PARTLY": "after 'partly'",
    "_LIMITS": "after 'limits'",
    "_CONTRADICTS": "after 'contradicts'",
    "_IF": "after 'if'",
    "_THEN": "after 'then'",
    "TAGS": "after the hedge",
    "STRING": "after the quote",
}

_FIRST_WORD = re.compile(rf"^({ID_PATTERN})[ \t]*(:?)[ \t]*(\S*)(.*)$")
# After its first word (and an optional "name:"), a relation line reads like one of these.
_RELATION_LINE = re.compile(rf"^(?:{ID_PATTERN}[ \t]*(?:<-|(?:{'|'.join(RELATION_WORDS)})\b)|if\b)")


def _did_you_mean(word: str, choices: tuple[str, ...]) -> str | None:
    return suggest(word, choices)


def _parses(line: str) -> bool:
    """Whether one line reads as a block on its own (a relation's hint is checked so)."""
    from lark.exceptions import UnexpectedInput

    try:
        grammar_parser().parse(line + "\n", start="item")
    except UnexpectedInput:
        return False
    return True


@lru_cache(maxsize=1)
def relation_words() -> tuple[str, ...]:
    """The words that join two ids in a relation, "a rebuts b": the reserved words with which
    such a line reads (a word that only stands beside another, "partly rebuts", is not one)."""
    return tuple(sorted(word for word in RESERVED_WORDS if _parses(f"a {word} b")))


# What people write for a relation that argmap spells otherwise. Support is written conclusion
# first, "conclusion <- premise": an arrow that points the same way becomes '<-' in its place;
# a word or an arrow that reads premise first turns the line round. A word of denial is a
# rebuttal.
_SUPPORT_SAME_WAY = frozenset({"<", "<=", "<--", "<==", "=<", "←", "⟵", "⇐", "because"})
_SUPPORT_TURNED = frozenset(
    {"->", "=>", "-->", "==>", "→", "⟶", "⇒", "supports", "support", "proves", "justifies"}
)
_DENIALS = frozenset(
    {
        "attacks",
        "attack",
        "refutes",
        "refute",
        "denies",
        "deny",
        "disputes",
        "counters",
        "rejects",
        "contradicts",
        "contradict",
        "opposes",
        "challenges",
    }
)
# The reserved words that stand between two ids: relation words and the words beside them.
_JOINING_WORDS = RESERVED_WORDS - {*KINDS, *HEADER_KEYS, "if", "then"}
_SUPPORT_ARROW = "<-"
_SYMBOLS = re.compile(r"[^\w\s]+")
_REBUTS = "rebuts"
# "[name:] a WORD b" (or "a WORD b + c"): the name, the first id, the word, the ids after it
_RELATION_SHAPE = re.compile(
    rf"^(?:({ID_PATTERN})[ \t]*:[ \t]*)?({ID_PATTERN})[ \t]+(\S+)[ \t]+"
    rf"({ID_PATTERN}(?:[ \t]*\+[ \t]*{ID_PATTERN})*)$"
)


def _relation_literals(expected: set[str]) -> set[str]:
    """The relation words and arrows among the terminals the parser expected."""
    from lark.lexer import PatternStr

    literals: set[str] = set()
    for name in expected:
        try:
            pattern = grammar_parser().get_terminal(name).pattern
        except KeyError:
            continue
        value = pattern.value if isinstance(pattern, PatternStr) else ""
        if value == _SUPPORT_ARROW or (
            value.isalpha() and value not in KINDS and value not in HEADER_KEYS
        ):
            literals.add(value)
    return literals


def _unknown_relation(line: str, file: str | None, first_line: int) -> Diagnostic | None:
    """A relation line whose word (or arrow) is misspelt or invented: "t rebut o", "o attacks
    t", "t supports p", "t <= p". Only a hint whose line reads is given."""
    from lark.exceptions import UnexpectedInput

    try:
        grammar_parser().parse(line + "\n", start="item")
    except UnexpectedInput as exc:
        expected = set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
        column = exc.column if isinstance(exc.column, int) else 0
    else:
        return None
    literals = _relation_literals(expected)
    if column <= 1 or not literals:
        return None
    at = line[column - 1 :]
    symbols = _SYMBOLS.match(at)
    word = symbols.group(0) if symbols else (at.split(maxsplit=1) or [""])[0]
    if not word:
        return None
    before, after = line[: column - 1], line[column - 1 + len(word) :]
    hint = _relation_hint(word, before, after, line, literals)
    if hint is None:
        return None
    span = Span(
        file=file,
        line=first_line,
        column=column,
        end_line=first_line,
        end_column=column + len(word),
    )
    return diagnostic("E106", f"unknown relation {_shown(word)}", span, hint)


def _relation_hint(word: str, before: str, after: str, line: str, literals: set[str]) -> str | None:
    spelt = suggest(word, sorted(value for value in literals if value.isalpha()))
    if spelt is not None and _parses(before + spelt + after):
        return f"did you mean '{spelt}'?"
    folded = word.lower()
    if folded in _SUPPORT_SAME_WAY and _SUPPORT_ARROW in literals:
        fixed = f"{before.strip()} {_SUPPORT_ARROW} {after.strip()}"
        shape = _RELATION_SHAPE.match(fixed)
        if shape is not None and _parses(fixed):
            premises = shape.group(4).replace("+", " ").split()
            verb = "supports" if len(premises) == 1 else "together support"
            return (
                f"did you mean '{_SUPPORT_ARROW}'? Support is written 'conclusion <- premise': "
                f"'{fixed}' says that {' and '.join(premises)} {verb} {shape.group(2)}"
            )
    shape = _RELATION_SHAPE.match(line)
    if shape is None:
        return None
    name, first, _word, rest = shape.groups()
    label = f"{name}: " if name else ""
    if folded in _SUPPORT_TURNED and _SUPPORT_ARROW in literals and "+" not in rest:
        fixed = f"{label}{rest} {_SUPPORT_ARROW} {first}"
        if _parses(fixed):
            return (
                f"did you mean '{_SUPPORT_ARROW}'? Support is written the conclusion first, "
                f"'conclusion <- premise': write '{fixed}'"
            )
    if folded in _DENIALS and _REBUTS in literals and "+" not in rest:
        fixed = f"{label}{first} {_REBUTS} {rest}"
        if _parses(fixed):
            return (
                f"did you mean '{_REBUTS}'? '{fixed}' says that {rest} is false; to say that "
                "a step does not follow from its premises, undercut the step"
            )
    return None


def _relation_forms() -> str:
    forms = ["'conclusion <- premise + premise'", *(f"'a {w} b'" for w in relation_words())]
    return "a relation is written " + ", ".join(forms) + " or 'if a then b'"


def unknown_keyword(block: Block, file: str | None) -> Diagnostic | None:
    """A first line that starts like "kind id:" or "key:" with a word that is neither (E102),
    or a relation whose word is misspelt or invented (E106): say so."""
    relation = _unknown_relation(block.lines[0], file, block.first_line)
    if relation is not None:
        return relation
    match = _FIRST_WORD.match(block.lines[0])
    if match is None:
        return None
    word, colon, after, rest = match.groups()
    if word in RESERVED_WORDS or after in _JOINING_WORDS or after in RELATION_WORDS:
        return None  # a relation "a rebuts b" starts with an id, not a keyword
    if colon and _RELATION_LINE.match(f"{after}{rest}".strip()):
        return None  # a named relation "name: a <- b"
    span = Span(
        file=file,
        line=block.first_line,
        column=1,
        end_line=block.first_line,
        end_column=1 + len(word),
    )
    if not colon and after and (after[0].isalpha() or after[0] == "_"):
        guess = _did_you_mean(word, KINDS)
        if guess is None and _RELATION_SHAPE.match(block.lines[0]):
            # "o limit t": two ids with a word between them that no relation has
            column = len(block.lines[0]) - len(after) - len(rest) + 1
            where = replace(span, column=column, end_column=column + len(after))
            return diagnostic("E106", f"unknown relation {_shown(after)}", where, _relation_forms())
        hint = (
            f"did you mean '{guess}'?"
            if guess
            else "a statement starts with its kind: " + ", ".join(KINDS)
        )
        return diagnostic("E102", f"unknown statement kind '{word}'", span, hint)
    if colon and word.lower() in KINDS:
        return diagnostic(
            "E102",
            f"unknown statement kind '{word}'",
            span,
            f"did you mean '{word.lower()}'? A statement is written: kind id: text, "
            f"e.g. {word.lower()} aid: Russia sends aid.",
        )
    if colon:
        guess = _did_you_mean(word, HEADER_KEYS)
        if guess:
            return diagnostic(
                "E102", f"unknown header '{word}:'", span, f"did you mean '{guess}:'?"
            )
    return None


def syntax_error(exc: UnexpectedInput, block: Block, file: str | None) -> Diagnostic:
    from lark import Token
    from lark.exceptions import UnexpectedCharacters, UnexpectedToken

    line = block.first_line + (exc.line or 1) - 1
    column = exc.column if isinstance(exc.column, int) and exc.column > 0 else 1
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        expected = set(exc.expected)
        found_text = str(token)
        if token.type == "$END":
            found = "the end of the file"
            width = 1
        elif token.type in {"_NL", "_INDENT"}:
            found = "the end of the line"
            line, column = _end_of_line(block, line)
            width = 1
        else:
            if token.type == "TEXT":
                # free text runs to the end of the line; name only its first word
                found_text = found_text.split()[0] if found_text.split() else found_text
            found = _shown(found_text)
            width = max(1, len(found_text))
            if "STRING" in expected and found_text[:1] in {'"', "“"}:
                return _unclosed_quote(
                    Span(file=file, line=line, column=column, end_line=line, end_column=column + 1)
                )
            if "TAGS" in expected and found_text.startswith("["):
                span = Span(
                    file=file, line=line, column=column, end_line=line, end_column=column + 1
                )
                return diagnostic(
                    "E101",
                    "the hedge's '[' is not closed",
                    span,
                    "a hedge is written in square brackets, before a statement's colon "
                    "(prediction aid [likely]: ...) or after a conditional (if a then b [likely])",
                )
        previous = None
        # lark passes [None] as the history when the block's first token is the unexpected one
        history = [t for t in getattr(exc, "token_history", None) or [] if t is not None]
        if history:
            previous = history[-1].type
        if previous is None:
            state = exc.interactive_parser.parser_state if exc.interactive_parser else None
            if state is not None and state.value_stack:
                last = state.value_stack[-1]
                previous = last.type if isinstance(last, Token) else None
    else:
        assert isinstance(exc, UnexpectedCharacters)
        expected = set(exc.allowed or ())
        found = _shown(exc.char)
        width = 1
        history = [t for t in exc.token_history or [] if t is not None]
        previous = history[-1].type if history else None
        if "STRING" in expected and exc.char in '"“':
            span = Span(file=file, line=line, column=column, end_line=line, end_column=column + 1)
            return _unclosed_quote(span)
        if exc.char == "\n":
            found = "the end of the line"
    span = Span(file=file, line=line, column=column, end_line=line, end_column=column + width)
    if previous is None and line == block.first_line and column == 1:
        # lark folds the keywords into ID here; what a line at the margin may start with:
        return diagnostic(
            "E101",
            f"expected a statement, a header or a relation, found {found}",
            span,
            "a line at the left margin starts a statement (premise aid: Russia sends aid.), "
            "a header (title: ...) or a relation (conclusion <- premise + premise)",
        )
    if not expected - {"$END"}:
        # the block's first line was whole, and only a header cannot go on indented
        return diagnostic(
            "E101",
            "a header is one line: an indented line cannot follow it",
            span,
            "write the whole header on one line; start a statement at the left margin",
        )
    context = _WHAT_CAME_BEFORE.get(previous or "", "")
    wanted = _describe_expected(expected)
    message = f"expected {wanted}{' ' + context if context else ''}, found {found}"
    misspelt = _misspelt_attribute(block, span, column, expected)
    if misspelt is not None:
        return misspelt
    hint = _hint_for_found(found, expected) or _hint_for(expected, previous)
    return diagnostic("E101", message, span, hint)


# Possessive (`*+`, `++`): the key's letters and a question number next to them could otherwise
# trade digits back and forth, and an indented "a111…1x" of 32,000 characters took 20 s to be
# found no key. Giving digits back can never make a match: the key's run already took them.
_KEY_LIKE = re.compile(r"^([^\W\d][\w-]*+)[ \t]*+(?:[0-9]++[ \t]*+)?:")


def misspelt_key(text: str) -> tuple[str, str] | None:
    """An indented line that starts with a word close to an attribute key, then ':' (a number
    between them for 'answer N:'), where the key is not written as argmap spells it ("qoute:",
    "Note:", "answer:"): the word as written and the key it is close to ("answer N" for answer).
    Text such as "Note well: ...", "Russia: ..." or "quoted by critics: ..." is no key."""
    match = _KEY_LIKE.match(text)
    if match is None:
        return None
    word = match.group(1)
    guess = _did_you_mean(word, (*ATTRIBUTE_KEYS, "answer"))
    if guess is None:
        return None
    return word, "answer N" if guess == "answer" else guess


def unknown_attribute(word: str, key: str, span: Span, *, text_follows: bool) -> Diagnostic:
    """E105 for a misspelt key: a did-you-mean, and how to keep the line as text where an
    indented line may be text (`text_follows`: under a statement, before its attributes)."""
    hint = f"did you mean '{key}:'?"
    if text_follows:
        hint += f" If the line is the statement's text, write '\\{word}:'"
    return diagnostic("E105", f"unknown attribute {_shown(word + ':')}", span, hint)


def _misspelt_attribute(
    block: Block, span: Span, column: int, expected: set[str]
) -> Diagnostic | None:
    """'sheme: ...' where an attribute must stand (E105): did you mean 'scheme:'?"""
    index = span.line - block.first_line
    if not expected & _ATTRIBUTE_TERMINALS or not 0 <= index < len(block.lines):
        return None
    found = misspelt_key(block.lines[index][column - 1 :])
    if found is None:
        return None
    word, key = found
    where = replace(span, end_column=column + len(word))
    return unknown_attribute(word, key, where, text_follows=False)


def _unclosed_quote(span: Span) -> Diagnostic:
    return diagnostic(
        "E103",
        "this quote is not closed",
        span,
        "a quote starts and ends with a double quote on the same line: "
        'quote: "the words of the essay"; write \\" for a quote mark inside',
    )


def _end_of_line(block: Block, line: int) -> tuple[int, int]:
    index = line - block.first_line
    text = block.lines[index] if 0 <= index < len(block.lines) else ""
    return line, len(text) + 1


def _hint_for_found(found: str, expected: set[str]) -> str | None:
    """Hints for mistakes people make often, known by what was found."""
    if found in {"'->'", "'=>'"}:
        return "the arrow points at the conclusion: 'a <- b' says that b supports a"
    if found in {"','", "'and'", "'&'"} and "PLUS" in expected:
        return "premises that support together are joined with '+': conclusion <- a + b"
    if found.startswith("'[") and expected == {"ID"}:
        return "the hedge goes after the id: prediction aid [likely]: ..."
    if found.startswith("'#"):
        return "a comment stands on a line of its own: move it onto the line above"
    return None


def _hint_for(expected: set[str], previous: str | None) -> str | None:
    if "COLON" in expected and previous == "ID" and "TAGS" in expected:
        return "a statement is written: kind id: text, e.g. premise aid: Russia sends aid."
    if expected == {"ID"} and previous in _KIND_TERMINALS:
        return (
            "an id is a short name for the statement: a letter, then letters, digits, "
            "'-' or '_', e.g. premise aid: ..."
        )
    if previous == "STRING":
        return (
            "the quote ended at the quote mark before this; inside a quote, write a quote "
            'mark as \\" ("say \\"no\\"") or use the other kind (“say "no"”)'
        )
    if "TEXT" in expected and previous == "COLON":
        return "write the text after the colon"
    if "_SUPPORTED_BY" in expected:
        return (
            "a relation is written 'conclusion <- premise + premise', 'a rebuts b', "
            "'a undercuts inference-name', 'a limits b', 'a contradicts b' or 'if a then b'"
        )
    if expected & _ATTRIBUTE_TERMINALS and "TEXT" not in expected:
        return (
            "indented lines under a statement are its text first, then its attributes; "
            "text cannot follow an attribute"
        )
    return None


def indented_orphan(block: Block, file: str | None) -> Diagnostic:
    span = Span(
        file=file,
        line=block.first_line,
        column=1,
        end_line=block.first_line,
        end_column=len(block.lines[0]) + 1,
    )
    return diagnostic(
        "E104",
        "indented line with no statement above it",
        span,
        "indent a line only to continue the statement or relation above it; "
        "start a new statement at the left margin",
    )


SHOWN_CHARS = 40
"""The most of a token a message quotes: a megabyte-long token is shown by its start."""


def _shown(text: str) -> str:
    """Text quoted in a message, with marks that do not clash with quotes inside it; a long
    text by its first `SHOWN_CHARS` characters and an ellipsis."""
    if len(text) > SHOWN_CHARS:
        text = text[:SHOWN_CHARS] + "…"
    return f"“{text}”" if "'" in text else f"'{text}'"


_KIND_AND_ID = re.compile(rf"^({ID_PATTERN})[ \t]+({ID_PATTERN})")
_DECLARATION = re.compile(rf"^{ID_PATTERN}[ \t]+({ID_PATTERN})[ \t]*(?:\[|:|$)")
_LABEL = re.compile(rf"^({ID_PATTERN})[ \t]*:")


def declared_id(line: str) -> str | None:
    """The id a line that failed to parse was declaring: "premis aid: ..." declares "aid",
    "step: a <- b" declares "step"; None when the line declares nothing recognisable."""
    kind_and_id = _KIND_AND_ID.match(line)
    if kind_and_id and kind_and_id.group(1) in KINDS:  # "premise p Russia sends aid."
        return kind_and_id.group(2)
    declaration = _DECLARATION.match(line)
    if declaration:
        return declaration.group(1)
    label = _LABEL.match(line)
    if label and label.group(1) not in HEADER_KEYS:
        return label.group(1)
    return None
