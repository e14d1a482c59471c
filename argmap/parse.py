"""Stage 1: text to model. Reads `.argmap` text with the LALR grammar in grammars/argmap.lark
(argmap.reader) and builds an `ArgumentMap`, reporting syntax errors as diagnostics
(argmap.syntax_errors).

The text is read one top-level block at a time (a line at the left margin and the indented
lines under it), so that a syntax error costs only its own block: parsing goes on with the
next statement and one run reports every error in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from argmap import hedges, schemes
from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic, Span
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
from argmap.reader import (
    ACCEPTED_TAG,
    Block,
    ParseTree,
    blocks,
    grammar_parser,
    normalise,
)
from argmap.syntax_errors import declared_id, indented_orphan, syntax_error, unknown_keyword

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
    allow_spans: list[Span] = field(default_factory=list)
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
                diagnostic(
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
                    diagnostic(
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
                allow_spans=tuple(attributes.allow_spans),
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
            "allow_spans": tuple(attributes.allow_spans),
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
                    answer_spans={
                        number: attributes.seen[f"answer:{number}"] for number in attributes.answers
                    },
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
                    diagnostic(
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
                found.allow_spans.extend(self.span_of(code) for code in node.children[1:])
            elif name == "answer":
                number = int(str(node.children[1]))
                first = found.seen.get(f"answer:{number}")
                if first is not None:
                    self.diagnostics.append(
                        diagnostic(
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
                    diagnostic(
                        "E211",
                        f"'{name}:' does not apply to {_ARTICLE[owner]} {owner}",
                        attributes.seen[name],
                        _WHERE_ATTRIBUTES_GO.get(name),
                    )
                )


_ARTICLE = {"statement": "a", "inference": "an", "conditional": "a", "attack": "an"}

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


def _salvage(block: Block, error_line: int) -> ParseTree | None:
    """The block read up to the line before its syntax error, if that much reads: a mistake
    in an indented line then costs that line, not the statement (whose id later lines use)."""
    kept = Block(block.first_line, block.lines[: error_line - 1])
    try:
        return grammar_parser().parse(kept.text, start="item")
    except UnexpectedInput:
        return None


# ---- the stage -------------------------------------------------------------------------------


def parse_map(text: str, path: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read map text into a model; the diagnostics are the syntax errors (E1xx) and the
    errors that only the reading can see (a header or attribute given twice)."""
    parser = grammar_parser()
    normalised = normalise(text)
    diagnostics: list[Diagnostic] = []
    everything = _Builder(path, 0)
    for block in blocks(normalised):
        if block.lines[0][0] in " \t":
            diagnostics.append(indented_orphan(block, path))
            continue
        builder = _Builder(path, block.first_line - 1)
        try:
            tree = parser.parse(block.text, start="item")
        except UnexpectedInput as exc:
            on_first_line = (exc.line or 1) <= 1
            unknown = unknown_keyword(block, path) if on_first_line else None
            problem = unknown or syntax_error(exc, block, path)
            salvaged = None if on_first_line else _salvage(block, exc.line)
            if salvaged is None:
                # The element is lost; name the id it would have declared, so that later
                # uses of that id are not reported as undefined as well.
                lost = declared_id(block.lines[0])
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
