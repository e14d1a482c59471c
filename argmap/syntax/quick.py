"""A quick reader for the common shapes of a block, beside lark's parser, for speed.

lark's LALR parser defines the language (grammars/argmap.lark) and reads every block this
module does not take; at 5,000 arguments its pure-Python lexer and parser were about half of a
check (docs/performance.md). Every block that reads is one of a few line shapes, which one regular
expression a line recognises: a header line, a statement (its first line, continuation lines,
attributes), and an inference, an attack or a conditional (with an optional name, then
attributes). For those, `read` makes the tokens lark's lexer would make (as `Lexeme`s),
where it would make them, and hands them to the same tree builder (argmap.syntax.transform)
in the order the grammar's rules would, so the node is the one lark's parse builds.

`read` returns None for anything else: a line its patterns do not match, anything
that might be a syntax error (lark reads it and reports it) or that lark's contextual lexer
might read another way. tests/test_syntax_quick.py holds it to lark's parse on every block
of every map in the repository and on grammar-generated and mutated text.

The patterns are the grammar's terminals, written once here; where the grammar lets two
tokens touch without a blank between them in a way only the contextual lexer resolves (a
keyword glued to the id after it, "a rebutsb"), the patterns ask for the blank, so lark reads
those.
"""

from __future__ import annotations

import re

from argmap.syntax.reader import HEADER_KEYS, ID_PATTERN, KINDS
from argmap.syntax.transform import ConcreteTreeBuilder, Lexeme
from argmap.syntax.tree import (
    Attribute,
    Element,
    HeaderLine,
    RelationBody,
    StatementNode,
    Text,
)

_ID = ID_PATTERN
_TAGS = r"\[[^\]\n]*\]"
_TEXT = r"[^ \t\n][^\n]*"
_STRING = r'"(?:[^"\\\n]|\\[^\n])*"|“[^”\n]*”'
_CODE = r"[EWI][0-9]{0,3}"
_BLANK = r"[ \t]*"

# A word where a line begins: in the parser's first state a kind, a header key and "if" are
# keywords; any other word is an id (a relation's first id or its name).
_FIRST_WORD = re.compile(_ID)  # an id, and a word where a line begins
_KINDS = frozenset(KINDS)
_HEADER_KEYS = frozenset(HEADER_KEYS)

# "kind id [tags]: text" after the kind
_STATEMENT_REST = re.compile(
    # one run of blanks before the colon, whether or not the tags stand between: two runs
    # side by side would make a line that does not match cost its length squared
    rf"[ \t]+(?P<id>{_ID}){_BLANK}(?:(?P<tags>{_TAGS}){_BLANK})?:{_BLANK}(?P<text>{_TEXT})"
)
# "key: text" after a header's key
_HEADER_REST = re.compile(rf"{_BLANK}:{_BLANK}(?P<text>{_TEXT})")
# "name:" before a relation
_NAME = re.compile(rf"{_BLANK}:{_BLANK}")
# relation bodies, from their first id (or "if") on
_INFERENCE = re.compile(
    rf"(?P<conclusion>{_ID}){_BLANK}(?P<arrow><-){_BLANK}"
    rf"(?P<premises>{_ID}(?:{_BLANK}\+{_BLANK}{_ID})*)?"
)
_ATTACK = re.compile(
    rf"(?P<attacker>{_ID})[ \t]+(?:(?P<partly>partly)[ \t]+(?=rebuts|undercuts))?"
    rf"(?P<verb>rebuts|undercuts|limits|contradicts)[ \t]+(?P<target>{_ID})"
)
_CONDITIONAL = re.compile(
    rf"(?P<if>if)[ \t]+(?P<antecedent>{_ID})[ \t]+(?P<then>then)[ \t]+"
    rf"(?P<consequent>{_ID}){_BLANK}(?P<tags>{_TAGS})?"
)
_CODE_IN = re.compile(_CODE)

# indented lines: an attribute's key (the grammar's *_KEY terminals, which outrank free
# text), then its value
_INDENTED = re.compile(r"(?P<indent>[ \t]+)[^ \t].*")
_KEY = re.compile(
    r"(?P<key>quote|cite|side|note|hedge|scheme|warrant|allow)(?=[ \t]*:)"
    r"|(?P<answer>answer)(?=[ \t]+[0-9]+[ \t]*:)"
)
_VALUES = {
    "quote": ("STRING", re.compile(rf"{_BLANK}:{_BLANK}(?P<value>{_STRING})")),
    "warrant": ("ID", re.compile(rf"{_BLANK}:{_BLANK}(?P<value>{_ID})")),
    "allow": (
        "CODE",
        re.compile(rf"{_BLANK}:{_BLANK}(?P<value>{_CODE}(?:{_BLANK},{_BLANK}{_CODE})*)"),
    ),
    **{
        key: ("TEXT", re.compile(rf"{_BLANK}:{_BLANK}(?P<value>{_TEXT})"))
        for key in ("cite", "side", "note", "hedge", "scheme")
    },
}
_ANSWER = re.compile(rf"[ \t]+(?P<number>[0-9]+){_BLANK}:{_BLANK}(?P<value>{_ID})")

_BUILD = ConcreteTreeBuilder()
_ATTACKS = {
    "rebuts": _BUILD.rebuttal,
    "undercuts": _BUILD.undercut,
    "limits": _BUILD.concession,
    "contradicts": _BUILD.contradiction,
}


def _token(kind: str, value: str, line: int, column: int) -> Lexeme:
    """The token lark's lexer makes: 1-based line and column, the end column exclusive."""
    return Lexeme(kind, value, line, column, line, column + len(value))


def _group(match: re.Match[str], name: str, kind: str, line: int) -> Lexeme:
    """The named group of a match on line `line`, as a token."""
    return _token(kind, match.group(name), line, match.start(name) + 1)


def read(text: str) -> Element | None:
    """The concrete node of one block's text (as `argmap.syntax.cache.parse_block` gets it),
    exactly as lark's parse would build it, or None for lark to read."""
    if not text.endswith("\n") or "\r" in text:
        return None
    lines = text[:-1].split("\n")
    first = lines[0]
    word = _FIRST_WORD.match(first)
    if word is None:
        return None
    if word.group() in _KINDS:
        return _statement(first, word.end(), lines)
    if word.group() in _HEADER_KEYS:
        return _header(first, word.end(), lines)
    return _relation(first, word, lines)


def _header(first: str, key_end: int, lines: list[str]) -> HeaderLine | None:
    rest = _HEADER_REST.fullmatch(first, key_end)
    if rest is None or len(lines) > 1:  # a header is one line
        return None
    word = first[:key_end]
    key = _BUILD.header_key([_token(word.upper(), word, 1, 1)])
    return _BUILD.header([key, _group(rest, "text", "TEXT", 1)])


def _statement(first: str, kind_end: int, lines: list[str]) -> StatementNode | None:
    rest = _STATEMENT_REST.fullmatch(first, kind_end)
    if rest is None:
        return None
    children: list[object] = [
        _BUILD.kind([_token(first[:kind_end].upper(), first[:kind_end], 1, 1)])
    ]
    children.append(_group(rest, "id", "ID", 1))
    if rest.group("tags") is not None:
        children.append(_group(rest, "tags", "TAGS", 1))
    children.append(_group(rest, "text", "TEXT", 1))
    indented = _indented_lines(lines, continuations=True)
    if indented is None:
        return None
    children.extend(indented)
    return _BUILD.statement(children)


def _relation(first: str, word: re.Match[str], lines: list[str]) -> Element | None:
    children: list[object] = []
    body_word = word
    if word.group() != "if" and (name := _NAME.match(first, word.end())) is not None:
        children.append(_token("ID", word.group(), 1, 1))
        # after "name:" too, only "if" is a keyword where the body begins
        after_name = _FIRST_WORD.match(first, name.end())
        if after_name is None:
            return None
        body_word = after_name
    body = _body(first, body_word.start(), is_conditional=body_word.group() == "if")
    if body is None:
        return None
    children.append(body)
    indented = _indented_lines(lines, continuations=False)
    if indented is None:
        return None
    children.extend(indented)
    return _BUILD.relation(children)


def _body(line: str, start: int, *, is_conditional: bool) -> RelationBody | None:
    if is_conditional:
        match = _CONDITIONAL.fullmatch(line, start)
        if match is None:
            return None
        children = [
            _group(match, "if", "_IF", 1),
            _group(match, "antecedent", "ID", 1),
            _group(match, "then", "_THEN", 1),
            _group(match, "consequent", "ID", 1),
        ]
        if match.group("tags") is not None:
            children.append(_group(match, "tags", "TAGS", 1))
        return _BUILD.conditional(children)
    if (match := _INFERENCE.fullmatch(line, start)) is not None:
        premises = match.group("premises") or ""
        offset = match.start("premises")
        tokens = [
            _token("ID", found.group(), 1, offset + found.start() + 1)
            for found in _FIRST_WORD.finditer(premises)
        ]
        return _BUILD.inference(
            [
                _group(match, "conclusion", "ID", 1),
                _group(match, "arrow", "_SUPPORTED_BY", 1),
                _BUILD.premises(tokens),
            ]
        )
    if (match := _ATTACK.fullmatch(line, start)) is not None:
        children = [_group(match, "attacker", "ID", 1)]
        if match.group("partly") is not None:
            children.append(_group(match, "partly", "_PARTLY", 1))
        verb = match.group("verb")
        children.append(_group(match, "verb", f"_{verb.upper()}", 1))
        children.append(_group(match, "target", "ID", 1))
        return _ATTACKS[verb](children)
    return None


def _indented_lines(lines: list[str], *, continuations: bool) -> list[Text | Attribute] | None:
    """The nodes of a block's lines after its first: continuation lines (a statement's, and
    only before its first attribute) and attributes. Blank lines inside a block are line
    breaks to the grammar; any other line must be indented."""
    nodes: list[Text | Attribute] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        indented = _INDENTED.fullmatch(line)
        if indented is None:
            return None
        column = indented.end("indent")  # 0-based: where the line's content starts
        key = _KEY.match(line, column)
        if key is None:
            if not continuations:
                return None
            # the rest of the line is free text (TEXT): _INDENTED made sure it starts with a
            # character other than a blank, as TEXT must
            nodes.append(_BUILD.continuation([_token("TEXT", line[column:], number, column + 1)]))
            continue
        continuations = False  # no continuation line after an attribute
        attribute = _attribute(line, key, number)
        if attribute is None:
            return None
        nodes.append(attribute)
    return nodes


def _attribute(line: str, key: re.Match[str], number: int) -> Attribute | None:
    if key.group("answer") is not None:
        match = _ANSWER.fullmatch(line, key.end())
        if match is None:
            return None
        return _BUILD.answer(
            [
                _group(key, "answer", "ANSWER_KEY", number),
                _group(match, "number", "INT", number),
                _group(match, "value", "ID", number),
            ]
        )
    name = key.group("key")
    kind, pattern = _VALUES[name]
    match = pattern.fullmatch(line, key.end())
    if match is None:
        return None
    key_token = _group(key, "key", f"{name.upper()}_KEY", number)
    if kind == "CODE":
        start = match.start("value")
        codes = [
            _token("CODE", found.group(), number, start + found.start() + 1)
            for found in _CODE_IN.finditer(match.group("value"))
        ]
        return _BUILD.allow([key_token, *codes])
    value = _group(match, "value", kind, number)
    build = getattr(_BUILD, name)
    attribute: Attribute = build([key_token, value])
    return attribute
