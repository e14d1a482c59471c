"""Stage 1: text to model. Reads `.argmap` text with the LALR grammar in grammars/argmap.lark
and builds an `ArgumentMap`, reporting syntax errors as diagnostics.

The text is read one top-level block at a time (a line at the left margin and the indented
lines under it), so that a syntax error costs only its own block: parsing goes on with the
next statement and one run reports every error in the file.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from argmap import hedges, schemes
from argmap.diagnostics import Diagnostic, Span, error
from argmap.model import (
    ArgumentMap,
    Attack,
    AttackKind,
    Conditional,
    Header,
    Hedge,
    Inference,
    Qualifier,
    Quote,
    Statement,
    StatementKind,
)

KINDS: tuple[str, ...] = tuple(kind.value for kind in StatementKind)
HEADER_KEYS: tuple[str, ...] = ("title", "subtitle", "author", "date", "source")
# Words that begin a line or join ids; an id spelled like one of them cannot start a line.
RESERVED_WORDS: frozenset[str] = frozenset(
    {*KINDS, *HEADER_KEYS, "if", "then", "rebuts", "undercuts"}
)
ACCEPTED_TAG = "accepted"

ParseTree = Tree[Token]


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser, built once, on first use, from the grammar shipped as package data."""
    grammar = resources.files("argmap.grammars").joinpath("argmap.lark").read_text("utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        start=["start", "item"],
        propagate_positions=True,
        maybe_placeholders=False,
    )


# ---- reading the text ----------------------------------------------------------------------

_COMMENT_LINE = re.compile(r"^[ \t]*#")


def normalise(text: str) -> str:
    """What the grammar expects: "\\n" line ends, no trailing blanks, comment lines emptied,
    a final newline. Line and column numbers of everything kept stay as they were."""
    text = text.removeprefix("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = ["" if _COMMENT_LINE.match(line) else line.rstrip(" \t\f\v") for line in lines]
    return "\n".join(kept).rstrip("\n") + "\n"


@dataclass
class _Block:
    first_line: int  # 1-based line of the block's first line in the file
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    for number, line in enumerate(text.split("\n")[:-1], start=1):
        if not line:
            if blocks:
                blocks[-1].lines.append(line)
            continue
        if line[0] in " \t" and blocks:
            blocks[-1].lines.append(line)
        else:
            blocks.append(_Block(number, [line]))
    return blocks


# ---- syntax errors in plain words ----------------------------------------------------------

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
            "an attribute (quote:, cite:, hedge:, note:, allow:, warrant:, scheme:, answer N:)"
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
    "_IF": "after 'if'",
    "_THEN": "after 'then'",
    "TAGS": "after the hedge",
    "STRING": "after the quote",
}

_FIRST_WORD = re.compile(r"^([^\W\d][\w-]*)[ \t]*(:?)[ \t]*(\S*)(.*)$")
# After its first word (and an optional "name:"), a relation line reads like one of these.
_RELATION_LINE = re.compile(r"^(?:[^\W\d][\w-]*[ \t]*(?:<-|rebuts\b|undercuts\b)|if\b)")


def _did_you_mean(word: str, choices: tuple[str, ...]) -> str | None:
    matches = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _unknown_keyword(block: _Block, file: str | None) -> Diagnostic | None:
    """A line that starts like "kind id:" or "key:" with a word that is neither: say so."""
    match = _FIRST_WORD.match(block.lines[0])
    if match is None:
        return None
    word, colon, after, rest = match.groups()
    if word in RESERVED_WORDS or after in {"rebuts", "undercuts"}:
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
        hint = (
            f"did you mean '{guess}'?"
            if guess
            else "a statement starts with its kind: " + ", ".join(KINDS)
        )
        return error("E102", f"unknown statement kind '{word}'", span, hint)
    if colon and word.lower() in KINDS:
        return error(
            "E102",
            f"unknown statement kind '{word}'",
            span,
            f"did you mean '{word.lower()}'? A statement is written: kind id: text, "
            f"e.g. {word.lower()} aid: Russia sends aid.",
        )
    if colon:
        guess = _did_you_mean(word, HEADER_KEYS)
        if guess:
            return error("E102", f"unknown header '{word}:'", span, f"did you mean '{guess}:'?")
    return None


def _syntax_error(exc: UnexpectedInput, block: _Block, file: str | None) -> Diagnostic:
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
            found = f"'{found_text}'"
            width = max(1, len(found_text))
            if "STRING" in expected and found_text[:1] in {'"', "“"}:
                return _unclosed_quote(
                    Span(file=file, line=line, column=column, end_line=line, end_column=column + 1)
                )
            if "TAGS" in expected and found_text.startswith("["):
                span = Span(
                    file=file, line=line, column=column, end_line=line, end_column=column + 1
                )
                return error(
                    "E101",
                    "the hedge's '[' is not closed",
                    span,
                    "a hedge is written in square brackets before the colon, "
                    "e.g. prediction aid [likely]: ...",
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
        found = f"'{exc.char}'"
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
        return error(
            "E101",
            f"expected a statement, a header or a relation, found {found}",
            span,
            "a line at the left margin starts a statement (premise aid: Russia sends aid.), "
            "a header (title: ...) or a relation (conclusion <- premise + premise)",
        )
    if not expected - {"$END"}:
        # the block's first line was whole, and only a header cannot go on indented
        return error(
            "E101",
            "a header is one line: an indented line cannot follow it",
            span,
            "write the whole header on one line; start a statement at the left margin",
        )
    context = _WHAT_CAME_BEFORE.get(previous or "", "")
    wanted = _describe_expected(expected)
    message = f"expected {wanted}{' ' + context if context else ''}, found {found}"
    hint = (
        _misspelt_attribute(block, line, column, expected)
        or _hint_for_found(found, expected)
        or _hint_for(expected, previous)
    )
    return error("E101", message, span, hint)


ATTRIBUTE_KEYS: tuple[str, ...] = ("quote", "cite", "note", "hedge", "scheme", "warrant", "allow")
_KEY_LIKE = re.compile(r"^([^\W\d][\w-]*)[ \t]*(?:[0-9]+[ \t]*)?:")


def _misspelt_attribute(block: _Block, line: int, column: int, expected: set[str]) -> str | None:
    """'sheme: ...' where an attribute must stand: did you mean 'scheme:'?"""
    index = line - block.first_line
    if not expected & _ATTRIBUTE_TERMINALS or not 0 <= index < len(block.lines):
        return None
    match = _KEY_LIKE.match(block.lines[index][column - 1 :])
    guess = _did_you_mean(match.group(1), (*ATTRIBUTE_KEYS, "answer")) if match else None
    if guess is None:
        return None
    return f"did you mean '{guess} N:'?" if guess == "answer" else f"did you mean '{guess}:'?"


def _unclosed_quote(span: Span) -> Diagnostic:
    return error(
        "E103",
        "this quote is not closed",
        span,
        "a quote starts and ends with a double quote on the same line: "
        'quote: "the words of the essay"; write \\" for a quote mark inside',
    )


def _end_of_line(block: _Block, line: int) -> tuple[int, int]:
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
            "'a undercuts inference-name' or 'if a then b'"
        )
    if expected & _ATTRIBUTE_TERMINALS and "TEXT" not in expected:
        return (
            "indented lines under a statement are its text first, then its attributes; "
            "text cannot follow an attribute"
        )
    return None


def _indented_orphan(block: _Block, file: str | None) -> Diagnostic:
    span = Span(
        file=file,
        line=block.first_line,
        column=1,
        end_line=block.first_line,
        end_column=len(block.lines[0]) + 1,
    )
    return error(
        "E104",
        "indented line with no statement above it",
        span,
        "indent a line only to continue the statement or relation above it; "
        "start a new statement at the left margin",
    )


# ---- building the model --------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(.)")


def unescape(text: str) -> str:
    """A backslash makes the next character literal: \\# \\: \\\\ \\" and so on."""
    return _ESCAPE.sub(r"\1", text)


@dataclass
class _Attributes:
    quote: Quote | None = None
    citation: str | None = None
    note: str | None = None
    hedge: Hedge | None = None
    scheme: str | None = None
    scheme_span: Span | None = None
    warrant: str | None = None
    warrant_span: Span | None = None
    allow: list[str] = field(default_factory=list)
    answers: dict[int, str] = field(default_factory=dict)
    seen: dict[str, Span] = field(default_factory=dict)  # attribute name -> first span


class _Builder:
    """Turns the parse tree of one block into model elements; a thin copy of the tree
    (values and positions), with no checking beyond what the tree's shape needs."""

    def __init__(self, file: str | None, line_offset: int) -> None:
        self.file = file
        self.line_offset = line_offset
        self.diagnostics: list[Diagnostic] = []
        self.statements: list[Statement] = []
        self.inferences: list[Inference] = []
        self.conditionals: list[Conditional] = []
        self.attacks: list[Attack] = []
        self.header: dict[str, tuple[str, Span]] = {}

    def span_of(self, node: ParseTree | Token) -> Span:
        """From the first to the end of the last token written (line breaks left out)."""
        tokens = (
            [node]
            if isinstance(node, Token)
            else list(node.scan_values(lambda value: isinstance(value, Token)))
        )
        first = min(tokens, key=lambda t: (t.line or 0, t.column or 0))
        last = max(tokens, key=lambda t: (t.end_line or 0, t.end_column or 0))
        return Span(
            file=self.file,
            line=(first.line or 1) + self.line_offset,
            column=first.column or 1,
            end_line=(last.end_line or first.line or 1) + self.line_offset,
            end_column=last.end_column or first.column or 1,
        )

    def _with_keywords(self, span: Span, body: ParseTree) -> Span:
        """The span grown to the relation's keywords ("if", "<-"), which the tree leaves out
        as tokens but keeps in its positions."""
        meta = body.meta
        if meta.empty:
            return span
        start = min((span.line, span.column), (meta.line + self.line_offset, meta.column))
        end = max(
            (span.end_line, span.end_column), (meta.end_line + self.line_offset, meta.end_column)
        )
        return span.model_copy(
            update={"line": start[0], "column": start[1], "end_line": end[0], "end_column": end[1]}
        )

    def build(self, tree: ParseTree) -> None:
        kind = tree.data
        if kind == "header":
            self._header(tree)
        elif kind == "statement":
            self._statement(tree)
        elif kind == "relation":
            self._relation(tree)

    def _header(self, tree: ParseTree) -> None:
        key_tree, text = tree.children
        assert isinstance(key_tree, Tree) and isinstance(text, Token)
        key = str(key_tree.children[0])
        span = self.span_of(tree)
        if key in self.header:
            self.diagnostics.append(
                error(
                    "E212",
                    f"the header '{key}:' is given twice",
                    span,
                    f"the first '{key}:' is on line {self.header[key][1].line}; keep one",
                )
            )
            return
        self.header[key] = (unescape(str(text)), self.span_of(text))

    def _statement(self, tree: ParseTree) -> None:
        kind_tree, id_token, *rest = tree.children
        assert isinstance(kind_tree, Tree) and isinstance(id_token, Token)
        tags: Token | None = None
        first = rest[0] if rest else None
        if isinstance(first, Token) and first.type == "TAGS":
            tags = first
            rest.pop(0)
        text_token = rest.pop(0)
        assert isinstance(text_token, Token)
        lines = [str(text_token)]
        attribute_nodes: list[ParseTree] = []
        for child in rest:
            assert isinstance(child, Tree)
            if child.data == "continuation":
                lines.append(str(child.children[0]))
            else:
                attribute_nodes.append(child)
        attributes = self._attributes(attribute_nodes, "statement")
        hedge, accepted = (None, False)
        if tags is not None:
            hedge, accepted = self._tags(tags)
        if attributes.hedge is not None:
            if hedge is not None:
                self.diagnostics.append(
                    error(
                        "E211",
                        "the hedge is given twice, in brackets and as 'hedge:'",
                        attributes.hedge.span,
                        "keep one of them",
                    )
                )
            else:
                hedge = attributes.hedge
        self.statements.append(
            Statement(
                id=str(id_token),
                kind=StatementKind(str(kind_tree.children[0])),
                text=" ".join(unescape(line) for line in lines),
                hedge=hedge,
                quote=attributes.quote,
                citation=attributes.citation,
                accepted=accepted,
                note=attributes.note,
                allow=tuple(attributes.allow),
                span=self.span_of(tree),
                id_span=self.span_of(id_token),
            )
        )
        self._reject(attributes, "statement", ("scheme", "warrant", "answer"))

    def _tags(self, tags: Token) -> tuple[Hedge | None, bool]:
        """[likely], [60-80%], [accepted], [likely, may]: qualifiers and the accepted flag."""
        body = str(tags)[1:-1]
        qualifiers: list[Qualifier] = []
        accepted = False
        for part in body.split(","):
            word = part.strip()
            if word.lower() == ACCEPTED_TAG:
                accepted = True
            elif word:
                qualifiers.append(qualifier_from_text(word))
        if not qualifiers and not accepted and body.strip():
            qualifiers.append(Qualifier(text=body.strip()))  # "[,]": commas and no word
        if not qualifiers:
            return None, accepted
        return Hedge(qualifiers=tuple(qualifiers), span=self.span_of(tags)), accepted

    def _relation(self, tree: ParseTree) -> None:
        children = list(tree.children)
        name: Token | None = None
        if isinstance(children[0], Token):
            name = children[0]
            children.pop(0)
        body = children.pop(0)
        assert isinstance(body, Tree)
        attribute_nodes = [child for child in children if isinstance(child, Tree)]
        attributes = self._attributes(attribute_nodes, body.data)
        span = self._with_keywords(self.span_of(tree), body)
        common = {
            "named": name is not None,
            "quote": attributes.quote,
            "note": attributes.note,
            "allow": tuple(attributes.allow),
            "span": span,
        }
        if body.data == "inference":
            conclusion, premises_tree = body.children
            assert isinstance(conclusion, Token) and isinstance(premises_tree, Tree)
            premises = [p for p in premises_tree.children if isinstance(p, Token)]
            automatic = f"{conclusion}<-{'+'.join(str(p) for p in premises)}"
            self.inferences.append(
                Inference(
                    id=str(name) if name else automatic,
                    premises=tuple(str(p) for p in premises),
                    conclusion=str(conclusion),
                    warrant=attributes.warrant,
                    scheme=attributes.scheme,
                    hedge=attributes.hedge,
                    answers=attributes.answers,
                    premise_spans=tuple(self.span_of(p) for p in premises),
                    conclusion_span=self.span_of(conclusion),
                    warrant_span=attributes.warrant_span,
                    scheme_span=attributes.scheme_span,
                    **common,
                )
            )
            self._reject(attributes, "inference", ("cite",))
            return
        first, second = body.children
        assert isinstance(first, Token) and isinstance(second, Token)
        if body.data == "conditional":
            automatic = f"if-{first}-then-{second}"
            self.conditionals.append(
                Conditional(
                    id=str(name) if name else automatic,
                    antecedent=str(first),
                    consequent=str(second),
                    antecedent_span=self.span_of(first),
                    consequent_span=self.span_of(second),
                    **common,
                )
            )
            self._reject(
                attributes, "conditional", ("cite", "hedge", "scheme", "warrant", "answer")
            )
            return
        attack_kind = AttackKind.REBUT if body.data == "rebuttal" else AttackKind.UNDERCUT
        verb = "rebuts" if attack_kind is AttackKind.REBUT else "undercuts"
        self.attacks.append(
            Attack(
                id=str(name) if name else f"{first}-{verb}-{second}",
                kind=attack_kind,
                attacker=str(first),
                target=str(second),
                attacker_span=self.span_of(first),
                target_span=self.span_of(second),
                **common,
            )
        )
        self._reject(attributes, "attack", ("cite", "hedge", "scheme", "warrant", "answer"))

    def _attributes(self, nodes: list[ParseTree], owner: str) -> _Attributes:
        found = _Attributes()
        for node in nodes:
            name = str(node.data)
            span = self.span_of(node)
            if name in found.seen and name not in {"allow", "answer"}:
                self.diagnostics.append(
                    error(
                        "E211",
                        f"'{name}:' is given twice for this {owner}",
                        span,
                        f"the first '{name}:' is on line {found.seen[name].line}; keep one",
                    )
                )
                continue
            found.seen.setdefault(name, span)
            value = node.children[-1]
            assert isinstance(value, Token)
            if name == "quote":
                found.quote = Quote(text=unquote(str(value)), span=self.span_of(value))
            elif name == "cite":
                found.citation = unescape(str(value))
            elif name == "note":
                found.note = unescape(str(value))
            elif name == "hedge":
                written = unescape(str(value))
                # no word at all ("hedge: ,") is one unknown word, which validation reports
                words = [w.strip() for w in written.split(",") if w.strip()] or [written]
                found.hedge = Hedge(
                    qualifiers=tuple(qualifier_from_text(w) for w in words),
                    span=self.span_of(value),
                )
            elif name == "scheme":
                found.scheme = schemes.normalise_name(unescape(str(value)))
                found.scheme_span = self.span_of(value)
            elif name == "warrant":
                found.warrant = str(value)
                found.warrant_span = self.span_of(value)
            elif name == "allow":
                found.allow.extend(str(code) for code in node.children[1:])
            elif name == "answer":
                number = int(str(node.children[1]))
                first = found.seen.get(f"answer:{number}")
                if first is not None:
                    self.diagnostics.append(
                        error(
                            "E211",
                            f"question {number} is answered twice for this {owner}",
                            span,
                            f"the first 'answer {number}:' is on line {first.line}; keep one",
                        )
                    )
                    continue
                found.answers[number] = str(value)
                found.seen[f"answer:{number}"] = span
        return found

    def _reject(self, attributes: _Attributes, owner: str, names: tuple[str, ...]) -> None:
        for name in names:
            if name in attributes.seen:
                self.diagnostics.append(
                    error(
                        "E211",
                        f"'{name}:' does not apply to a {owner}",
                        attributes.seen[name],
                        _WHERE_ATTRIBUTES_GO.get(name),
                    )
                )


_WHERE_ATTRIBUTES_GO = {
    "scheme": "a scheme names the kind of step an inference takes: put it under a "
    "'conclusion <- premises' line",
    "warrant": "a warrant backs an inference: put it under a 'conclusion <- premises' line",
    "answer": "answers to critical questions go under the inference that has the scheme",
    "cite": "a citation belongs to a statement, usually evidence",
    "hedge": "hedge the statement itself, e.g. prediction weapons [likely]: ...",
}


def qualifier_from_text(text: str) -> Qualifier:
    """A qualifier as written; one that is neither a scale word nor a probability keeps only
    its text, and validation reports it."""
    term = hedges.lookup(text)
    if term is not None:
        return Qualifier(
            text=text,
            word=term.word,
            family=term.family,
            row=term.row,
            low=term.low,
            high=term.high,
        )
    probability = hedges.parse_probability(text)
    if probability is not None:
        return Qualifier(text=text, low=probability.low, high=probability.high)
    return Qualifier(text=text)


def unquote(literal: str) -> str:
    if literal.startswith("“"):
        return literal[1:-1]
    return unescape(literal[1:-1])


def _salvage(block: _Block, error_line: int) -> ParseTree | None:
    """The block read up to the line before its syntax error, if that much reads: a mistake
    in an indented line then costs that line, not the statement (whose id later lines use)."""
    kept = _Block(block.first_line, block.lines[: error_line - 1])
    try:
        return grammar_parser().parse(kept.text, start="item")
    except UnexpectedInput:
        return None


# ---- the stage -------------------------------------------------------------------------------


_DECLARATION = re.compile(r"^[^\W\d][\w-]*[ \t]+([^\W\d][\w-]*)[ \t]*(?:\[|:|$)")
_LABEL = re.compile(r"^([^\W\d][\w-]*)[ \t]*:")


def _declared_id(line: str) -> str | None:
    """The id a line that failed to parse was declaring: "premis aid: ..." declares "aid",
    "step: a <- b" declares "step"; None when the line declares nothing recognisable."""
    declaration = _DECLARATION.match(line)
    if declaration:
        return declaration.group(1)
    label = _LABEL.match(line)
    if label and label.group(1) not in HEADER_KEYS:
        return label.group(1)
    return None


def parse_map(text: str, path: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read map text into a model; the diagnostics are the syntax errors (E1xx) and the
    errors that only the reading can see (a header or attribute given twice)."""
    parser = grammar_parser()
    normalised = normalise(text)
    diagnostics: list[Diagnostic] = []
    everything = _Builder(path, 0)
    for block in _blocks(normalised):
        if block.lines[0][0] in " \t":
            diagnostics.append(_indented_orphan(block, path))
            continue
        builder = _Builder(path, block.first_line - 1)
        try:
            tree = parser.parse(block.text, start="item")
        except UnexpectedInput as exc:
            on_first_line = (exc.line or 1) <= 1
            unknown = _unknown_keyword(block, path) if on_first_line else None
            problem = unknown or _syntax_error(exc, block, path)
            salvaged = None if on_first_line else _salvage(block, exc.line)
            if salvaged is None:
                # The element is lost; name the id it would have declared, so that later
                # uses of that id are not reported as undefined as well.
                lost = _declared_id(block.lines[0])
                problem = problem.model_copy(update={"subjects": (lost,) if lost else ()})
            diagnostics.append(problem)
            if salvaged is None:
                continue
            tree = salvaged
        builder.header = everything.header
        builder.build(tree)
        everything.statements.extend(builder.statements)
        everything.inferences.extend(builder.inferences)
        everything.conditionals.extend(builder.conditionals)
        everything.attacks.extend(builder.attacks)
        diagnostics.extend(builder.diagnostics)
    header_values = {key: value for key, (value, _span) in everything.header.items()}
    source = everything.header.get("source")
    header = Header(**header_values, source_span=source[1] if source else None)
    argument_map = ArgumentMap(
        path=path,
        header=header,
        statements=tuple(everything.statements),
        inferences=tuple(everything.inferences),
        conditionals=tuple(everything.conditionals),
        attacks=tuple(everything.attacks),
    )
    return argument_map, diagnostics
