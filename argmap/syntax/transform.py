"""From lark's parse of one block to the concrete tree (argmap.syntax.tree): a thin
Transformer, one method per grammar rule, that only builds typed nodes and copies positions.
Nothing here checks anything.

It runs inside the LALR parser (`Lark(transformer=...)`, argmap.syntax.reader), so no lark
tree is built: each method gets its rule's tokens and the nodes of its sub-rules, as written.
A token is lark's `Token` or, from the quick reader (argmap.syntax.quick), a `Lexeme` with
the same fields; lark looks the methods up by name and needs no base class, so this module
does not import lark (a map whose blocks the quick reader takes never loads it).
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol

from argmap.syntax.tree import (
    AllowAttribute,
    AnswerAttribute,
    AttackBody,
    AttackVerb,
    Attribute,
    ConditionalBody,
    HeaderLine,
    InferenceBody,
    Place,
    QuoteAttribute,
    QuotedText,
    QuoteStyle,
    RelationBody,
    RelationNode,
    StatementNode,
    Tags,
    Text,
    TextAttribute,
    TextAttributeName,
    WarrantAttribute,
    Word,
    unescape,
)

Children = list[Any]  # what lark hands a rule: its tokens and the nodes of its sub-rules


class TokenLike(Protocol):
    """What the builder reads of a token: lark's `Token` has these, and so has `Lexeme`."""

    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def column(self) -> int | None: ...
    @property
    def end_line(self) -> int | None: ...
    @property
    def end_column(self) -> int | None: ...


class Lexeme(NamedTuple):
    """A token as the quick reader makes it: lark's terminal name and text, and its place
    (1-based line and column, the end column exclusive)."""

    type: str
    value: str
    line: int
    column: int
    end_line: int
    end_column: int


_BODIES = (InferenceBody, AttackBody, ConditionalBody)


def _position(token: TokenLike) -> tuple[int, int, int, int]:
    line = token.line or 1
    column = token.column or 1
    return line, column, token.end_line or line, token.end_column or column


def _place(token: TokenLike) -> Place:
    return Place(*_position(token))


def _word(token: TokenLike) -> Word:
    return Word(token.value, *_position(token))


def _text(token: TokenLike) -> Text:
    raw = token.value
    return Text(raw, unescape(raw), *_position(token))


def _quoted(token: TokenLike) -> QuotedText:
    raw = token.value
    if raw.startswith("“"):
        return QuotedText(raw, raw[1:-1], QuoteStyle.CURLY, *_position(token))
    return QuotedText(raw, unescape(raw[1:-1]), QuoteStyle.STRAIGHT, *_position(token))


def _tags(token: TokenLike) -> Tags:
    raw = token.value
    words = tuple(word for part in raw[1:-1].split(",") if (word := part.strip()))
    return Tags(raw, words, *_position(token))


def _hull(places: list[Place]) -> Place:
    place = places[0]
    for other in places[1:]:
        place = place.hull(other)
    return place


def _attack(verb: AttackVerb, children: Children) -> AttackBody:
    """ "attacker [partly] verb target": the keywords are kept only for "partly"."""
    attacker_token, *keywords, target_token = children
    attacker, target = _word(attacker_token), _word(target_token)
    place = attacker.place.hull(target.place)
    return AttackBody(verb, attacker, target, place, partly=len(keywords) == 2)


class ConcreteTreeBuilder:
    """Builds the concrete node of one block (parsed with start="item")."""

    # ---- header ----------------------------------------------------------------------------

    def header_key(self, children: Children) -> Word:
        return _word(children[0])

    def header(self, children: Children) -> HeaderLine:
        key, token = children
        value = _text(token)
        return HeaderLine(key, value, key.place.hull(value.place))

    # ---- statements ------------------------------------------------------------------------

    def kind(self, children: Children) -> Word:
        return _word(children[0])

    def continuation(self, children: Children) -> Text:
        return _text(children[0])

    def statement(self, children: Children) -> StatementNode:
        kind, id_token, *rest = children
        id_word = _word(id_token)
        tags = _tags(rest.pop(0)) if rest[0].type == "TAGS" else None
        lines = (_text(rest.pop(0)), *(child for child in rest if isinstance(child, Text)))
        attributes = tuple(child for child in rest if not isinstance(child, Text))
        places = [kind.place, id_word.place, *(node.place for node in (*lines, *attributes))]
        if tags is not None:
            places.append(tags.place)
        return StatementNode(kind, id_word, tags, lines, attributes, _hull(places))

    # ---- relations -------------------------------------------------------------------------

    def relation(self, children: Children) -> RelationNode:
        name = None if isinstance(children[0], _BODIES) else _word(children[0])
        body: RelationBody = children[1 if name else 0]
        attributes: tuple[Attribute, ...] = tuple(children[2 if name else 1 :])
        places = [body.place, *(attribute.place for attribute in attributes)]
        if name is not None:
            places.append(name.place)
        return RelationNode(name, body, attributes, _hull(places))

    def premises(self, children: Children) -> tuple[Word, ...]:
        return tuple(_word(token) for token in children)

    # The relations' keywords ("<-", "rebuts", "if", "then") are kept (the grammar's "!") for
    # their places: a relation's span runs over them.

    def inference(self, children: Children) -> InferenceBody:
        conclusion_token, arrow, premises = children
        conclusion = _word(conclusion_token)
        place = _hull([conclusion.place, _place(arrow), *(premise.place for premise in premises)])
        return InferenceBody(conclusion, premises, place)

    def rebuttal(self, children: Children) -> AttackBody:
        return _attack("rebuts", children)

    def undercut(self, children: Children) -> AttackBody:
        return _attack("undercuts", children)

    def concession(self, children: Children) -> AttackBody:
        return _attack("limits", children)

    def contradiction(self, children: Children) -> AttackBody:
        return _attack("contradicts", children)

    def conditional(self, children: Children) -> ConditionalBody:
        if_token, antecedent_token, _then, consequent_token, *tags_token = children
        antecedent, consequent = _word(antecedent_token), _word(consequent_token)
        tags = _tags(tags_token[0]) if tags_token else None
        place = _place(if_token).hull(tags.place if tags else consequent.place)
        return ConditionalBody(antecedent, consequent, tags, place)

    # ---- attributes ------------------------------------------------------------------------

    def quote(self, children: Children) -> QuoteAttribute:
        key, token = children
        value = _quoted(token)
        return QuoteAttribute("quote", value, _place(key).hull(value.place))

    def cite(self, children: Children) -> TextAttribute:
        return self._text_attribute("cite", children)

    def note(self, children: Children) -> TextAttribute:
        return self._text_attribute("note", children)

    def hedge(self, children: Children) -> TextAttribute:
        return self._text_attribute("hedge", children)

    def scheme(self, children: Children) -> TextAttribute:
        return self._text_attribute("scheme", children)

    def side(self, children: Children) -> TextAttribute:
        return self._text_attribute("side", children)

    def _text_attribute(self, name: TextAttributeName, children: Children) -> TextAttribute:
        key, token = children
        value = _text(token)
        return TextAttribute(name, value, _place(key).hull(value.place))

    def warrant(self, children: Children) -> WarrantAttribute:
        key, token = children
        value = _word(token)
        return WarrantAttribute("warrant", value, _place(key).hull(value.place))

    def allow(self, children: Children) -> AllowAttribute:
        key, *tokens = children
        codes = tuple(_word(token) for token in tokens)
        return AllowAttribute("allow", codes, _place(key).hull(codes[-1].place))

    def answer(self, children: Children) -> AnswerAttribute:
        key, number, token = children
        value = _word(token)
        return AnswerAttribute("answer", _word(number), value, _place(key).hull(value.place))
