"""The printer: a `Document` (or a model with no concrete tree) back to `.argmap` text, in one
canonical layout. `argmap fmt` is built on it (`formatted`).

The layout:

- blocks stay in the order written; a run of blank lines between them becomes one blank line,
  and blocks written with no blank line between them stay together;
- comments stay where they stand, in their order: at the left margin before a block or at the
  end of the file, indented two spaces between a block's own lines;
- an element's first line is written with single spaces ("premise aid [likely]: ...",
  "name: conclusion <- a + b"), its continuation and attribute lines indented two spaces, in
  the order written ("key: value"), blank lines inside a block left out;
- what a token says is written as it was written: escapes, quote marks (straight or curly), a
  hedge in brackets or as 'hedge:', continuation lines;
- a block with a syntax error is written as it stands, so that nothing of it is lost.

A model with no concrete tree (made in memory) is written in the same layout: the header lines
first, then the elements in the order of their spans, one blank line between them, with
straight quotes and hedges in brackets (a statement's and a conditional's; an inference's in a
'hedge:' line), a citation's kind as the model spells it (`cite: [named-expert, 2017] ...`), and
`flat:` only when it is `unchecked`. What the language cannot say is left out: `partial` on a
concession or a contradiction, a `source_date` without a `source_kind`.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from argmap.diagnostics import Diagnostic
from argmap.model import (
    ArgumentMap,
    Attack,
    AttackKind,
    Conditional,
    Element,
    Hedge,
    Inference,
    Statement,
)
from argmap.syntax.document import parse_document
from argmap.syntax.reader import ACCEPTED_TAG, HEADER_KEYS
from argmap.syntax.tree import (
    AllowAttribute,
    AnswerAttribute,
    Attribute,
    Comment,
    ConditionalBody,
    Document,
    DocumentBlock,
    HeaderLine,
    InferenceBody,
    QuoteAttribute,
    RelationBody,
    RelationNode,
    StatementNode,
    TextAttribute,
    Trivia,
)

INDENT = "  "


def format_text(text: str, path: str | None = None) -> str:
    """Map text in the canonical layout; a block with a syntax error is kept as written."""
    return print_document(parse_document(text, path))


@dataclass(frozen=True)
class Formatted:
    """Map text and what `argmap fmt` makes of it: `text` is the canonical layout, or the text
    as written when it has syntax errors (`errors`, E1xx), which a formatter must not touch."""

    original: str
    text: str
    errors: tuple[Diagnostic, ...]

    @property
    def changed(self) -> bool:
        """Whether formatting changes the text (never, for a text with syntax errors)."""
        return self.text != self.original


def formatted(text: str, path: str | None = None) -> Formatted:
    """Map text in the canonical layout, or left as written when it has syntax errors. The
    layout is lossless (reading it gives the same map, positions apart, and the same comments)
    and idempotent (it formats as itself)."""
    document = parse_document(text, path)
    if document.diagnostics:
        return Formatted(text, text, document.diagnostics)
    return Formatted(text, print_document(document), ())


def print_map(source: Document | ArgumentMap) -> str:
    """A document, or a map made in memory, as `.argmap` text in the canonical layout."""
    if isinstance(source, Document):
        return print_document(source)
    return print_model(source)


# ---- a document --------------------------------------------------------------------------------


def print_document(document: Document) -> str:
    """The document in the canonical layout: reading it again gives the same map, positions
    apart, and the same comments in the same order."""
    out: list[str] = []
    for block in document.blocks:
        _trivia(out, block.leading)
        out.extend(_block(block))
    _trivia(out, document.trailing)
    while out and not out[-1]:
        out.pop()
    if out and out[0].startswith("\ufeff"):
        # a byte-order mark that was not the file's own (it stood on a later line) and now
        # opens the text: the reader would take it for the file's mark and drop it, so the
        # file's own mark goes before it, and reading the text back keeps the one written
        out[0] = "\ufeff" + out[0]
    return "\n".join(out) + "\n" if out else ""


def _trivia(out: list[str], lines: Iterable[Trivia]) -> None:
    for line in lines:
        if isinstance(line, Comment):
            out.append(line.text)
        elif out and out[-1]:  # one blank line for a run of them, none at the top
            out.append("")


def _block(block: DocumentBlock) -> list[str]:
    element = block.parsed.element
    if block.parsed.error is not None or element is None:
        return list(block.written)
    lines = _element_lines(element)
    offset = block.first_line - 1
    lines.extend((comment.line - offset, INDENT + comment.text) for comment in block.comments)
    lines.sort(key=lambda numbered: numbered[0])  # stable: one line per number
    return [text for _number, text in lines]


def _element_lines(element: HeaderLine | StatementNode | RelationNode) -> list[tuple[int, str]]:
    """The element's lines, each with its line in the block."""
    if isinstance(element, HeaderLine):
        return [(1, f"{element.key.raw}: {element.value.raw}")]
    if isinstance(element, StatementNode):
        tags = f" {element.tags.raw}" if element.tags is not None else ""
        first, *continuation = element.lines
        lines = [(1, f"{element.kind.raw} {element.id.raw}{tags}: {first.raw}")]
        lines.extend((text.line, INDENT + text.raw) for text in continuation)
    else:
        name = f"{element.name.raw}: " if element.name is not None else ""
        lines = [(1, name + _body(element.body))]
    lines.extend(
        (attribute.place.line, INDENT + _attribute(attribute)) for attribute in element.attributes
    )
    return lines


def _body(body: RelationBody) -> str:
    if isinstance(body, InferenceBody):
        premises = " + ".join(premise.raw for premise in body.premises)
        return f"{body.conclusion.raw} <- {premises}" if premises else f"{body.conclusion.raw} <-"
    if isinstance(body, ConditionalBody):
        tags = f" {body.tags.raw}" if body.tags is not None else ""
        return f"if {body.antecedent.raw} then {body.consequent.raw}{tags}"
    partly = "partly " if body.partly else ""
    return f"{body.attacker.raw} {partly}{body.verb} {body.target.raw}"


def _attribute(attribute: Attribute) -> str:
    if isinstance(attribute, TextAttribute | QuoteAttribute):
        return f"{attribute.name}: {attribute.value.raw}"
    if isinstance(attribute, AllowAttribute):
        return "allow: " + ", ".join(code.raw for code in attribute.codes)
    if isinstance(attribute, AnswerAttribute):
        return f"answer {attribute.number.raw}: {attribute.value.raw}"
    return f"warrant: {attribute.value.raw}"


# ---- a model with no concrete tree -------------------------------------------------------------


def print_model(argument_map: ArgumentMap) -> str:
    """A map made in memory as text: the header, then the elements in the order of their
    spans (each kind in its own order). Reading it again gives the same map, positions apart,
    for any map the language can say: a text must not end in blanks or hold line breaks
    (these are written as spaces)."""
    header = argument_map.header
    out = [
        f"{key}: {escape_text(value)}"
        for key in HEADER_KEYS
        if key != "flat" and (value := getattr(header, key)) is not None
    ]
    if not header.flat:
        out.append("flat: unchecked")
    if out:
        out.append("")
    for element in _in_written_order(argument_map):
        out.extend([*_model_element(element), ""])
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _in_written_order(argument_map: ArgumentMap) -> Iterator[Element]:
    kinds: tuple[tuple[Element, ...], ...] = (
        argument_map.statements,
        argument_map.inferences,
        argument_map.conditionals,
        argument_map.attacks,
    )
    # merge keeps each kind's own order whatever the spans say, and ties in kind order
    return heapq.merge(*kinds, key=lambda element: (element.span.line, element.span.column))


def escape_text(value: str) -> str:
    """Free text that reads back as `value`: backslashes doubled, a leading blank escaped,
    line breaks written as spaces."""
    text = value.replace("\\", "\\\\")
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    if text[:1] in {" ", "\t"}:
        text = "\\" + text
    return text


def quote_text(value: str) -> str:
    """A straight quote that reads back as `value`."""
    inner = value.replace("\\", "\\\\").replace('"', '\\"')
    inner = inner.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return f'"{inner}"'


def _bracketable(word: str) -> bool:
    return (
        bool(word)
        and word == word.strip()
        and not any(mark in word for mark in ",]\n\r")
        and word.lower() != ACCEPTED_TAG
    )


def _in_brackets(hedge: Hedge | None) -> list[str] | None:
    """The hedge's words, if brackets can hold them all (else it is written as 'hedge:')."""
    words = [q.text for q in hedge.qualifiers] if hedge else []
    return words if all(_bracketable(word) for word in words) else None


def _model_element(element: Element) -> list[str]:
    lines: list[str]
    if isinstance(element, Statement):
        in_brackets = _in_brackets(element.hedge)
        tags = (in_brackets or []) + ([ACCEPTED_TAG] if element.accepted else [])
        written_tags = f" [{', '.join(tags)}]" if tags else ""
        lines = [f"{element.kind.value} {element.id}{written_tags}: {escape_text(element.text)}"]
        if element.hedge is not None and in_brackets is None:
            lines.append(_hedge_line(element.hedge))
        for quote in element.quotes or ((element.quote,) if element.quote else ()):
            lines.append(f"{INDENT}quote: {quote_text(quote.text)}")
        if element.citation is not None or element.source_kind is not None:
            lines.append(_citation_line(element))
        if element.side is not None:
            lines.append(f"{INDENT}side: {element.side.value}")
    elif isinstance(element, Inference):
        premises = " + ".join(element.premises)
        automatic = f"{element.conclusion}<-{'+'.join(element.premises)}"
        body = f"{element.conclusion} <- {premises}" if premises else f"{element.conclusion} <-"
        lines = [_named(element.id, element.named, automatic) + body]
        lines.extend(_step_lines(element, hedge_line=True))
    elif isinstance(element, Conditional):
        automatic = f"if-{element.antecedent}-then-{element.consequent}"
        link_words = _in_brackets(element.hedge)
        link_tags = f" [{', '.join(link_words)}]" if link_words else ""
        body = f"if {element.antecedent} then {element.consequent}{link_tags}"
        lines = [_named(element.id, element.named, automatic) + body]
        lines.extend(_step_lines(element, hedge_line=link_words is None))
    else:
        lines = [_attack_line(element)]
    if not isinstance(element, Statement) and element.quote is not None:
        lines.append(f"{INDENT}quote: {quote_text(element.quote.text)}")
    if element.note is not None:
        lines.append(f"{INDENT}note: {escape_text(element.note)}")
    if element.allow:
        lines.append(f"{INDENT}allow: {', '.join(element.allow)}")
    return lines


def _step_lines(step: Inference | Conditional, *, hedge_line: bool) -> list[str]:
    """A step's warrant, scheme, hedge (unless it is in brackets) and answers."""
    lines: list[str] = []
    if step.warrant is not None:
        lines.append(f"{INDENT}warrant: {step.warrant}")
    if step.scheme is not None:
        lines.append(f"{INDENT}scheme: {escape_text(step.scheme)}")
    if step.hedge is not None and hedge_line:
        lines.append(_hedge_line(step.hedge))
    lines.extend(f"{INDENT}answer {n}: {answer}" for n, answer in step.answers.items())
    return lines


def _citation_line(statement: Statement) -> str:
    """ "cite: [kind, when] text"; a text that would read as such a bracket starts "\\["."""
    text = escape_text(statement.citation or "")
    if statement.source_kind is None:
        return f"{INDENT}cite: " + ("\\" + text if text.startswith("[") else text)
    when = f", {statement.source_date}" if statement.source_date else ""
    bracket = f"[{statement.source_kind.value}{when}]"
    return f"{INDENT}cite: {bracket} {text}" if text else f"{INDENT}cite: {bracket}"


_VERBS = {
    AttackKind.REBUT: "rebuts",
    AttackKind.UNDERCUT: "undercuts",
    AttackKind.CONCESSION: "limits",
    AttackKind.CONTRADICTION: "contradicts",
}


def _attack_line(attack: Attack) -> str:
    verb = _VERBS[attack.kind]
    automatic = f"{attack.attacker}-{verb}-{attack.target}"
    # "partly" stands only before "rebuts" and "undercuts"
    partly = "partly " if attack.partial and attack.kind in _PARTIAL_KINDS else ""
    return (
        _named(attack.id, attack.named, automatic)
        + f"{attack.attacker} {partly}{verb} {attack.target}"
    )


_PARTIAL_KINDS = frozenset({AttackKind.REBUT, AttackKind.UNDERCUT})


def _named(element_id: str, named: bool, automatic: str) -> str:
    """The "name: " in front of a relation, when it has a name of its own."""
    return f"{element_id}: " if named or element_id != automatic else ""


def _hedge_line(hedge: Hedge) -> str:
    return f"{INDENT}hedge: " + ", ".join(escape_text(q.text) for q in hedge.qualifiers)
