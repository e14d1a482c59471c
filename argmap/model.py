"""The argument map as data: pydantic models, frozen, each element with its span in the map's file.

The parser builds these; the validation, analysis and render stages only read them.
`ArgumentMap.model_dump_json()` is the map as JSON and `ArgumentMap.model_json_schema()` its
schema (`argmap schema`).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from functools import cached_property
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

from argmap.diagnostics import Span
from argmap.hedges import HedgeFamily, HedgeRow, ScaleTerm, format_range, lookup


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class StatementKind(StrEnum):
    THESIS = "thesis"  # a main conclusion
    CLAIM = "claim"  # an intermediate conclusion
    PREMISE = "premise"
    EVIDENCE = "evidence"  # a fact, with an optional citation
    ASSUMPTION = "assumption"  # an unstated premise that the mapper supplies
    PREDICTION = "prediction"  # about the future
    OBJECTION = "objection"  # raised against another statement or step
    CONDITION = "condition"  # supposed, not asserted: the "if" of a conditional


class Side(StrEnum):
    """Whose reasoning a statement is."""

    AUTHOR = "author"  # the essay's author asserts it
    OTHER = "other"  # the other side: an opponent, or a view the author reports and answers
    COACH = "coach"  # an objection the coach raises that the essay does not


class SourceKind(StrEnum):
    """What kind of source a citation names (`cite: [kind, when] text`)."""

    STUDY = "study"
    SURVEY = "survey"
    DOCUMENT = "document"
    NAMED_EXPERT = "named-expert"
    OFFICIAL = "official"
    NEWS = "news"
    INTERESTED_PARTY = "interested-party"  # an official or spokesman of a side in the matter
    STATE_MEDIA = "state-media"
    ANONYMOUS = "anonymous"  # "some analysts say"
    HEARSAY = "hearsay"


class Qualifier(_Frozen):
    """One hedge as written: a word of the scale or an explicit probability."""

    text: str
    word: str | None = None  # the scale's word, when the qualifier is a word
    family: HedgeFamily = HedgeFamily.LIKELIHOOD
    row: HedgeRow | None = None  # None for an explicit probability
    # The range the calculus uses: the scale's, else (a vague word) what readers hear; None for
    # a word that states no probability (confidence, scope) and for a word not on the scale.
    low: float | None = None
    high: float | None = None

    @property
    def term(self) -> ScaleTerm | None:
        """The scale's entry for the word, None for a probability."""
        return None if self.word is None else lookup(self.word)

    @property
    def vague(self) -> bool:
        """A likelihood word that the scale gives no range ("may"): its range, if any, is what
        readers hear. Read from the scale, so a qualifier means the same however it was built."""
        term = self.term
        return term is not None and term.vague


class Hedge(_Frozen):
    """How sure a statement (or a step) is said to be: one qualifier, or several stacked."""

    qualifiers: tuple[Qualifier, ...]
    span: Span

    @property
    def ranged(self) -> tuple[Qualifier, ...]:
        return tuple(q for q in self.qualifiers if q.low is not None and q.high is not None)

    @property
    def range(self) -> tuple[float, float] | None:
        """The probability range claimed; stacked ranges multiply (a likely "very likely" is
        less sure than either); a vague word counts at what readers hear; None when no qualifier
        has a range."""
        ranged = self.ranged
        if not ranged:
            return None
        low, high = 1.0, 1.0
        for qualifier in ranged:
            assert qualifier.low is not None and qualifier.high is not None
            low *= qualifier.low
            high *= qualifier.high
        return (low, high)

    @property
    def label(self) -> str:
        """As drawn and reported: "likely · 55–80 %", "may (vague: readers hear 30–51 %)",
        "likely + may · 16.5–40.8 %", "often" (scope and confidence words state no range)."""
        words = " + ".join(q.word or q.text for q in self.qualifiers)
        span = self.range
        if span is None:
            if any(q.family is HedgeFamily.LIKELIHOOD for q in self.qualifiers):
                return f"{words} (vague)"  # a word not on the scale (an error)
            return words
        if all(q.word is None for q in self.qualifiers):
            return format_range(*span)
        if all(q.vague for q in self.ranged):
            return f"{words} (vague: readers hear {format_range(*span)})"
        return f"{words} · {format_range(*span)}"


class Quote(_Frozen):
    """The verbatim words of the essay that an element maps."""

    text: str
    span: Span


class Statement(_Frozen):
    id: str
    kind: StatementKind
    text: str
    hedge: Hedge | None = None
    quote: Quote | None = None  # the first of `quotes`
    quotes: tuple[Quote, ...] = ()  # every passage it maps (a thesis restated at the end)
    citation: str | None = None
    accepted: bool = False  # accepted common ground: needs no support
    source_kind: SourceKind | None = None  # cite: [kind, when] ...
    source_date: str | None = None
    side: Side | None = None  # None: not written (the analysis works it out)
    side_span: Span | None = None
    note: str | None = None
    allow: tuple[str, ...] = ()  # codes of findings silenced at this statement
    allow_spans: tuple[Span, ...] = ()  # where each code of `allow` is written
    span: Span
    id_span: Span


class Inference(_Frozen):
    """Premises that jointly (linked) support a conclusion.

    Several inferences with one conclusion are independent (convergent) support.
    """

    id: str
    named: bool = False  # False: the id was made from the conclusion and premises
    premises: tuple[str, ...]
    conclusion: str
    warrant: str | None = None
    scheme: str | None = None  # a name of argmap.schemes, normalised
    hedge: Hedge | None = None  # how strong the step itself is said to be
    answers: dict[int, str] = Field(default_factory=dict)  # critical question -> statement id
    answer_spans: dict[int, Span] = Field(default_factory=dict)  # where each answer is written
    quote: Quote | None = None
    note: str | None = None
    allow: tuple[str, ...] = ()
    allow_spans: tuple[Span, ...] = ()
    span: Span
    premise_spans: tuple[Span, ...]
    conclusion_span: Span
    warrant_span: Span | None = None
    scheme_span: Span | None = None


class Conditional(_Frozen):
    """ "if antecedent then consequent": the consequent holds at most as surely as the
    antecedent does, and as the link itself does: the conditional may carry its own hedge (how
    surely the consequent follows), a warrant and a scheme, like an inference."""

    id: str
    named: bool = False
    antecedent: str
    consequent: str
    warrant: str | None = None
    scheme: str | None = None
    hedge: Hedge | None = None  # how surely the consequent follows from the antecedent
    answers: dict[int, str] = Field(default_factory=dict)
    answer_spans: dict[int, Span] = Field(default_factory=dict)
    warrant_span: Span | None = None
    scheme_span: Span | None = None
    quote: Quote | None = None
    note: str | None = None
    allow: tuple[str, ...] = ()
    allow_spans: tuple[Span, ...] = ()
    span: Span
    antecedent_span: Span
    consequent_span: Span


class AttackKind(StrEnum):
    REBUT = "rebut"  # against a statement
    UNDERCUT = "undercut"  # against a step: an inference, a conditional, or another attack
    CONCESSION = "concession"  # "o limits t": a point the author grants; it limits t
    CONTRADICTION = "contradiction"  # "a contradicts b": the two cannot both hold


class Attack(_Frozen):
    id: str
    named: bool = False
    kind: AttackKind
    attacker: str  # a statement id
    target: str  # a statement id (rebut, concession, contradiction), or a step or attack id
    partial: bool = False  # "partly rebuts", "partly undercuts": an answer that meets part of it
    quote: Quote | None = None
    note: str | None = None
    allow: tuple[str, ...] = ()
    allow_spans: tuple[Span, ...] = ()
    span: Span
    attacker_span: Span
    target_span: Span


Element = Statement | Inference | Conditional | Attack


class Header(_Frozen):
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    date: str | None = None
    source: str | None = None  # the essay's path, relative to the map
    source_span: Span | None = None
    flat: bool = True  # "flat: checked": an unhedged claim is asserted as if certain


class ArgumentMap(_Frozen):
    """A whole map: its header and its elements in the order written."""

    path: str | None = None
    header: Header = Field(default_factory=Header)
    statements: tuple[Statement, ...] = ()
    inferences: tuple[Inference, ...] = ()
    conditionals: tuple[Conditional, ...] = ()
    attacks: tuple[Attack, ...] = ()
    format: Literal["argmap/1"] = "argmap/1"

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, with the id index and the theses left behind: they would describe the
        original's elements."""
        copy = super().model_copy(update=update, deep=deep)
        copy.__dict__.pop("by_id", None)
        copy.__dict__.pop("theses", None)
        return copy

    @cached_property
    def by_id(self) -> dict[str, Element]:
        """Every element by its id; with duplicate ids (an error) the first one wins."""
        table: dict[str, Element] = {}
        elements: tuple[Element, ...] = (
            *self.statements,
            *self.inferences,
            *self.conditionals,
            *self.attacks,
        )
        for element in elements:
            table.setdefault(element.id, element)
        return table

    def statement(self, statement_id: str) -> Statement | None:
        element = self.by_id.get(statement_id)
        return element if isinstance(element, Statement) else None

    def inference(self, inference_id: str) -> Inference | None:
        element = self.by_id.get(inference_id)
        return element if isinstance(element, Inference) else None

    def attack(self, attack_id: str) -> Attack | None:
        element = self.by_id.get(attack_id)
        return element if isinstance(element, Attack) else None

    def inferences_into(self, statement_id: str) -> tuple[Inference, ...]:
        return tuple(i for i in self.inferences if i.conclusion == statement_id)

    def conditionals_into(self, statement_id: str) -> tuple[Conditional, ...]:
        return tuple(c for c in self.conditionals if c.consequent == statement_id)

    def attacks_on(self, element_id: str) -> tuple[Attack, ...]:
        return tuple(a for a in self.attacks if a.target == element_id)

    @cached_property
    def theses(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.kind is StatementKind.THESIS)
