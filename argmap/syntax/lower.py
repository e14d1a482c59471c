"""Concrete tree to model: each block's node becomes model elements (argmap.model) with its
places turned into spans in the file, one function per kind of node.

The lowering copies values and positions. The only checks here are the ones that need a whole
block or the whole header, and that the model cannot hold: an attribute given twice or where it
does not apply (E211), a header given twice (E212), a word the model has no value for: a
source kind (E218), a side (E219), a 'flat:' value (E220); and a text line that starts with a
misspelt attribute key (E105), which the grammar reads as text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

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
    Side,
    SourceKind,
    Statement,
    StatementKind,
)
from argmap.syntax.errors import misspelt_key, unknown_attribute
from argmap.syntax.reader import ACCEPTED_TAG, FLAT_VALUES, SIDES, SOURCE_KINDS
from argmap.syntax.tree import (
    AllowAttribute,
    AnswerAttribute,
    AttackBody,
    Attribute,
    ConditionalBody,
    Document,
    HeaderLine,
    InferenceBody,
    Place,
    QuoteAttribute,
    RelationNode,
    StatementNode,
    Tags,
    Text,
    TextAttribute,
    WarrantAttribute,
    unescape,
)
from argmap.words import suggest


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


LARGEST_QUESTION_NUMBER = 999_999_999
"""Far beyond any scheme's questions (the most is 6)."""


def question_number(digits: str) -> int:
    """The number of an `answer N:` as written. One with more digits than `int` reads
    (4,301: "answer 9999…: z") or beyond any sense is read as `LARGEST_QUESTION_NUMBER`: a
    question no scheme has, which validation reports (E213) like any other."""
    significant = digits.lstrip("0") or "0"
    if len(significant) > len(str(LARGEST_QUESTION_NUMBER)):
        return LARGEST_QUESTION_NUMBER
    return min(int(significant), LARGEST_QUESTION_NUMBER)


def lower_document(document: Document) -> tuple[ArgumentMap, list[Diagnostic]]:
    """The map a document says, and the errors only the lowering sees (E211, E212); the
    document's syntax errors are its own (`Document.diagnostics`). A block lost to a syntax
    error adds nothing; a block salvaged adds what it kept."""
    lowering = _Lowering(document.path)
    for document_block in document.blocks:
        element = document_block.parsed.element
        if element is None:
            continue
        lowering.line_offset = document_block.first_line - 1
        if isinstance(element, HeaderLine):
            lowering.header(element)
        elif isinstance(element, StatementNode):
            lowering.statement(element)
        else:
            lowering.relation(element)
    return lowering.argument_map(), lowering.diagnostics


_LISTED_PREMISES = 8


def automatic_step_id(conclusion: str, premises: Sequence[str]) -> str:
    """The id of an unnamed inference: "c<-a+b". With many premises, the first few and the
    last, their count and a digest of them all ("c<-a+b+c+…+z(40:1a2b3c4d)"), so that an id
    does not grow with the step, and every finding and link that names the step stays short."""
    if len(premises) <= _LISTED_PREMISES:
        return f"{conclusion}<-{'+'.join(premises)}"
    digest = hashlib.sha1("+".join(premises).encode("utf-8"), usedforsecurity=False).hexdigest()
    shown = "+".join(premises[: _LISTED_PREMISES - 1])
    return f"{conclusion}<-{shown}+…+{premises[-1]}({len(premises)}:{digest[:8]})"


@dataclass
class _Attributes:
    quote: Quote | None = None
    quotes: list[Quote] = field(default_factory=list)
    citation: str | None = None
    source_kind: SourceKind | None = None
    source_date: str | None = None
    side: Side | None = None
    side_span: Span | None = None
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

    def answer_spans(self) -> dict[int, Span]:
        return {number: self.seen[f"answer:{number}"] for number in self.answers}


@dataclass
class _Lowering:
    """The elements lowered so far, in written order, and what the lowering found wrong."""

    path: str | None
    line_offset: int = 0  # of the block being lowered: its first line's number, minus one
    statements: list[Statement] = field(default_factory=list)
    inferences: list[Inference] = field(default_factory=list)
    conditionals: list[Conditional] = field(default_factory=list)
    attacks: list[Attack] = field(default_factory=list)
    headers: dict[str, tuple[str, Span]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def span(self, place: Place) -> Span:
        offset = self.line_offset
        return Span(
            file=self.path,
            line=place.line + offset,
            column=place.column,
            end_line=place.end_line + offset,
            end_column=place.end_column,
        )

    def argument_map(self) -> ArgumentMap:
        values = {key: value for key, (value, _span) in self.headers.items() if key != "flat"}
        source = self.headers.get("source")
        flat = self.headers.get("flat")
        return ArgumentMap(
            path=self.path,
            header=Header(
                **values,
                source_span=source[1] if source else None,
                flat=FLAT_VALUES.get(flat[0].strip().lower(), True) if flat else True,
            ),
            statements=tuple(self.statements),
            inferences=tuple(self.inferences),
            conditionals=tuple(self.conditionals),
            attacks=tuple(self.attacks),
        )

    # ---- one function per node ---------------------------------------------------------------

    def header(self, node: HeaderLine) -> None:
        key = node.key.raw
        if key in self.headers:
            self.diagnostics.append(
                diagnostic(
                    "E212",
                    f"the header '{key}:' is given twice",
                    self.span(node.place),
                    f"the first '{key}:' is on line {self.headers[key][1].line}; keep one",
                )
            )
            return
        self.headers[key] = (node.value.value, self.span(node.value.place))
        if key == "flat":
            self.flat(node)

    def flat(self, node: HeaderLine) -> None:
        """ "flat: checked" or "flat: unchecked"; any other value is E220 (and the default)."""
        value = node.value.value.strip()
        if value.lower() in FLAT_VALUES:
            return
        guess = suggest(value, tuple(FLAT_VALUES))
        self.diagnostics.append(
            diagnostic(
                "E220",
                f"'flat:' is 'checked' or 'unchecked', not '{value}'",
                self.span(node.value.place),
                (f"did you mean '{guess}'? " if guess else "")
                + "'flat: checked' (the default) reads an unhedged statement as stated flatly; "
                "'flat: unchecked' says the map uses no hedges at all",
            )
        )

    def one_hedge(self, in_brackets: Hedge | None, attributes: _Attributes) -> Hedge | None:
        """The hedge in brackets or the 'hedge:' line; both is E211 (the brackets win)."""
        if attributes.hedge is None:
            return in_brackets
        if in_brackets is not None:
            self.diagnostics.append(
                diagnostic(
                    "E211",
                    "the hedge is given twice, in brackets and as 'hedge:'",
                    attributes.hedge.span,
                    "keep one of them",
                )
            )
            return in_brackets
        return attributes.hedge

    def statement(self, node: StatementNode) -> None:
        lines = self.text_lines(node)
        attributes = self.attributes(node.attributes, "statement")
        in_brackets, accepted = self.tags(node.tags) if node.tags is not None else (None, False)
        hedge = self.one_hedge(in_brackets, attributes)
        self.statements.append(
            Statement(
                id=node.id.raw,
                kind=StatementKind(node.kind.raw),
                text=" ".join(line.value for line in lines),
                hedge=hedge,
                quote=attributes.quote,
                quotes=tuple(attributes.quotes),
                citation=attributes.citation,
                accepted=accepted,
                source_kind=attributes.source_kind,
                source_date=attributes.source_date,
                side=attributes.side,
                side_span=attributes.side_span,
                note=attributes.note,
                allow=tuple(attributes.allow),
                allow_spans=tuple(attributes.allow_spans),
                span=self.span(node.place),
                id_span=self.span(node.id.place),
            )
        )
        self.reject(attributes, "statement", ("scheme", "warrant", "answer"))

    def text_lines(self, node: StatementNode) -> tuple[Text, ...]:
        """The statement's lines of text: up to an indented line that starts with a misspelt
        attribute key (E105), which, with the text lines after it, is not the statement's."""
        for index, line in enumerate(node.lines[1:], start=1):
            found = misspelt_key(line.raw)
            if found is not None:
                word, key = found
                place = Place(line.line, line.column, line.line, line.column + len(word))
                self.diagnostics.append(
                    unknown_attribute(word, key, self.span(place), text_follows=True)
                )
                return node.lines[:index]
        return node.lines

    def tags(self, tags: Tags) -> tuple[Hedge | None, bool]:
        """[likely], [60-80%], [accepted], [likely, may]: qualifiers and the accepted flag."""
        qualifiers: list[Qualifier] = []
        accepted = False
        for word in tags.words:
            if word.lower() == ACCEPTED_TAG:
                accepted = True
            else:
                qualifiers.append(qualifier_from_text(word))
        body = tags.raw[1:-1].strip()
        if not qualifiers and not accepted and body:
            qualifiers.append(Qualifier(text=body))  # "[,]": commas and no word
        if not qualifiers:
            return None, accepted
        return Hedge(qualifiers=tuple(qualifiers), span=self.span(tags.place)), accepted

    def relation(self, node: RelationNode) -> None:
        body = node.body
        owner = (
            "inference"
            if isinstance(body, InferenceBody)
            else "conditional"
            if isinstance(body, ConditionalBody)
            else _ATTACK_OWNERS[body.verb]
        )
        attributes = self.attributes(node.attributes, owner)
        name = node.name.raw if node.name is not None else None
        common = {
            "named": name is not None,
            "quote": attributes.quote,
            "note": attributes.note,
            "allow": tuple(attributes.allow),
            "allow_spans": tuple(attributes.allow_spans),
            "span": self.span(node.place),
        }
        if isinstance(body, InferenceBody):
            premises = tuple(premise.raw for premise in body.premises)
            conclusion = body.conclusion.raw
            self.inferences.append(
                Inference(
                    id=name or automatic_step_id(conclusion, premises),
                    premises=premises,
                    conclusion=conclusion,
                    warrant=attributes.warrant,
                    scheme=attributes.scheme,
                    hedge=attributes.hedge,
                    answers=attributes.answers,
                    answer_spans=attributes.answer_spans(),
                    premise_spans=tuple(self.span(premise.place) for premise in body.premises),
                    conclusion_span=self.span(body.conclusion.place),
                    warrant_span=attributes.warrant_span,
                    scheme_span=attributes.scheme_span,
                    **common,
                )
            )
            self.reject(attributes, "inference", _ONLY_FOR_STATEMENTS)
        elif isinstance(body, ConditionalBody):
            antecedent, consequent = body.antecedent.raw, body.consequent.raw
            self.conditionals.append(
                Conditional(
                    id=name or f"if-{antecedent}-then-{consequent}",
                    antecedent=antecedent,
                    consequent=consequent,
                    warrant=attributes.warrant,
                    scheme=attributes.scheme,
                    hedge=self.one_hedge(self.link_tags(body.tags), attributes),
                    answers=attributes.answers,
                    answer_spans=attributes.answer_spans(),
                    warrant_span=attributes.warrant_span,
                    scheme_span=attributes.scheme_span,
                    antecedent_span=self.span(body.antecedent.place),
                    consequent_span=self.span(body.consequent.place),
                    **common,
                )
            )
            self.reject(attributes, "conditional", _ONLY_FOR_STATEMENTS)
        else:
            self.attack(body, name, common, attributes)

    def attack(
        self,
        body: AttackBody,
        name: str | None,
        common: Mapping[str, object],
        attributes: _Attributes,
    ) -> None:
        attacker, target = body.attacker.raw, body.target.raw
        self.attacks.append(
            Attack(
                id=name or f"{attacker}-{body.verb}-{target}",
                kind=_ATTACK_KINDS[body.verb],
                attacker=attacker,
                target=target,
                partial=body.partly,
                attacker_span=self.span(body.attacker.place),
                target_span=self.span(body.target.place),
                **common,
            )
        )
        owner = "attack" if body.verb in {"rebuts", "undercuts"} else _ATTACK_OWNERS[body.verb]
        self.reject(attributes, owner, (*_ONLY_FOR_STATEMENTS, *_ONLY_FOR_STEPS))

    def link_tags(self, tags: Tags | None) -> Hedge | None:
        """A conditional's hedge in brackets; 'accepted' is a statement's flag (E211)."""
        if tags is None:
            return None
        hedge, accepted = self.tags(tags)
        if accepted:
            self.diagnostics.append(
                diagnostic(
                    "E211",
                    "'accepted' does not apply to a conditional",
                    self.span(tags.place),
                    "only a premise or an assumption can be accepted common ground",
                )
            )
        return hedge

    # ---- attributes: the checks that need the whole block --------------------------------------

    def attributes(self, nodes: tuple[Attribute, ...], owner: str) -> _Attributes:
        found = _Attributes()
        for node in nodes:
            name = node.name
            span = self.span(node.place)
            repeatable = {"allow", "answer"} | ({"quote"} if owner == "statement" else set())
            if name in found.seen and name not in repeatable:
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
            if isinstance(node, QuoteAttribute):
                quote = Quote(text=node.value.value, span=self.span(node.value.place))
                found.quote = found.quote or quote
                found.quotes.append(quote)
            elif isinstance(node, TextAttribute):
                self.text_attribute(node, found)
            elif isinstance(node, WarrantAttribute):
                found.warrant = node.value.raw
                found.warrant_span = self.span(node.value.place)
            elif isinstance(node, AllowAttribute):
                found.allow.extend(code.raw for code in node.codes)
                found.allow_spans.extend(self.span(code.place) for code in node.codes)
            else:
                self.answer(node, span, owner, found)
        return found

    def text_attribute(self, node: TextAttribute, found: _Attributes) -> None:
        value = node.value.value
        if node.name == "cite":
            self.citation(node, found)
        elif node.name == "side":
            self.side(node, found)
        elif node.name == "note":
            found.note = value
        elif node.name == "hedge":
            # no word at all ("hedge: ,") is one unknown word, which validation reports
            words = [w.strip() for w in value.split(",") if w.strip()] or [value]
            found.hedge = Hedge(
                qualifiers=tuple(qualifier_from_text(w) for w in words),
                span=self.span(node.value.place),
            )
        else:
            found.scheme = schemes.normalise_name(value)
            found.scheme_span = self.span(node.value.place)

    def citation(self, node: TextAttribute, found: _Attributes) -> None:
        """ "cite: [kind, when] text": the bracket's first part is a source kind, its second
        (after the first comma) when. A bracket whose first part is not near any kind is plain
        text ("cite: [1] Smith"); one near a kind is E218. "\\[" starts plain text too."""
        raw = node.value.raw
        bracket = _SOURCE_BRACKET.match(raw)
        kind_text, _comma, when = bracket.group(1).partition(",") if bracket else ("", "", "")
        name = source_kind_name(kind_text)
        if bracket is None or (name not in SOURCE_KINDS and suggest(name, SOURCE_KINDS) is None):
            found.citation = node.value.value
            return
        if name in SOURCE_KINDS:
            found.citation = unescape(raw[bracket.end() :])
            found.source_kind = SourceKind(name)
            found.source_date = when.strip() or None
            return
        found.citation = node.value.value  # kept whole: nothing written is lost to the error
        written = kind_text.strip()
        column = node.value.column + 1 + len(kind_text) - len(kind_text.lstrip())
        place = Place(node.value.line, column, node.value.line, column + len(written))
        self.diagnostics.append(
            diagnostic(
                "E218",
                f"'{written}' is not a kind of source",
                self.span(place),
                f"did you mean '{suggest(name, SOURCE_KINDS)}'? The kinds: "
                + ", ".join(SOURCE_KINDS),
            )
        )

    def side(self, node: TextAttribute, found: _Attributes) -> None:
        """ "side: author", "side: other" or "side: coach"; any other word is E219."""
        word = node.value.value.strip()
        span = self.span(node.value.place)
        if word.lower() in SIDES:
            found.side, found.side_span = Side(word.lower()), span
            return
        guess = suggest(word, SIDES)
        self.diagnostics.append(
            diagnostic(
                "E219",
                f"'{word}' is not a side",
                span,
                f"did you mean '{guess}'?"
                if guess
                else "a side is 'author' (the essay's author asserts it), 'other' (the other "
                "side's reasoning) or 'coach' (an objection the coach raises)",
            )
        )

    def answer(self, node: AnswerAttribute, span: Span, owner: str, found: _Attributes) -> None:
        number = question_number(node.number.raw)
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
            return
        found.answers[number] = node.value.raw
        found.seen[f"answer:{number}"] = span

    def reject(self, attributes: _Attributes, owner: str, names: tuple[str, ...]) -> None:
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


def source_kind_name(written: str) -> str:
    """A source kind as the model spells it: "Named Expert", "named_expert" -> "named-expert"."""
    return "-".join(written.lower().replace("_", " ").replace("-", " ").split())


# "[kind, when]" at the start of a citation as written (so that an escaped "\[" is plain text)
_SOURCE_BRACKET = re.compile(r"\[([^\]]*)\][ \t]*")

_ONLY_FOR_STATEMENTS = ("cite", "side")
_ONLY_FOR_STEPS = ("hedge", "scheme", "warrant", "answer")

_ATTACK_KINDS = {
    "rebuts": AttackKind.REBUT,
    "undercuts": AttackKind.UNDERCUT,
    "limits": AttackKind.CONCESSION,
    "contradicts": AttackKind.CONTRADICTION,
}
_ATTACK_OWNERS = {
    "rebuts": "rebuttal",
    "undercuts": "undercut",
    "limits": "concession",
    "contradicts": "contradiction",
}

_ARTICLE = {
    "statement": "a",
    "inference": "an",
    "conditional": "a",
    "attack": "an",
    "concession": "a",
    "contradiction": "a",
}

_WHERE_ATTRIBUTES_GO = {
    "scheme": "a scheme names the kind of step an inference or a conditional takes: put it "
    "under a 'conclusion <- premises' or an 'if a then b' line",
    "warrant": "a warrant backs a step: put it under a 'conclusion <- premises' or an "
    "'if a then b' line",
    "answer": "answers to critical questions go under the step that has the scheme",
    "cite": "a citation belongs to a statement, usually evidence",
    "side": "a side says whose reasoning a statement is: put it under the statement",
    "hedge": "hedge the statement itself, e.g. prediction weapons [likely]: ...",
}
