"""The essay as the page shows it: its paragraphs, each quoted passage marked, and the
sentences no element quotes marked as left out.

A passage is where an element's quote stands in the essay (`argmap.essay`: found as `check`
finds it). Passages may nest (a claim quoted inside the premise that reports it) or cross;
the text is cut at every boundary and the marks are opened and closed around the pieces, so a
passage that crosses another is written as more than one element, each with the same
`data-statement`. A sentence that no passage touches is wrapped in `span.unquoted`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from argmap.essay import FoldedEssay, Passage, paragraphs, quotes_of, sentences
from argmap.model import ArgumentMap, Attack, Conditional, Inference, Statement
from argmap.render.html.escape import attribute, text

Element = Statement | Inference | Conditional | Attack


@dataclass(frozen=True)
class Mark:
    """One element's passage, and how it is shown: its kind (the CSS class `kind-…`), the
    short label written before it, and the symbol after it when it is flagged."""

    element_id: str
    kind: str
    label: str
    start: int
    end: int
    symbol: str | None = None  # "⚠" on a flagged passage, "ℹ" on one with remarks only

    @property
    def order(self) -> tuple[int, int, str]:
        return (self.start, -self.end, self.element_id)  # the outer of two nested first


@dataclass(frozen=True)
class _Unquoted:
    start: int
    end: int

    @property
    def order(self) -> tuple[int, int, str]:
        return (self.start, -self.end, "")


LABELS = {
    "thesis": "thesis",
    "claim": "claim",
    "premise": "premise",
    "evidence": "evidence",
    "assumption": "assumption",
    "prediction": "prediction",
    "objection": "objection",
    "condition": "condition",
    "step": "step",
    "attack": "attack",
    "conditional": "if",
}


def kind_of(element: Element) -> str:
    """The kind's name as the page's classes spell it."""
    if isinstance(element, Statement):
        return element.kind.value
    if isinstance(element, Inference):
        return "step"
    return "conditional" if isinstance(element, Conditional) else "attack"


def elements(argument_map: ArgumentMap) -> list[Element]:
    """Every element that can carry a quote, statements first, in the map's order."""
    return [
        *argument_map.statements,
        *argument_map.inferences,
        *argument_map.conditionals,
        *argument_map.attacks,
    ]


def find_marks(argument_map: ArgumentMap, essay: str, symbols: dict[str, str]) -> list[Mark]:
    """Every element's passages in the essay; `symbols` gives the symbol of a flagged one."""
    folded = FoldedEssay.of(essay)
    found: list[Mark] = []
    for element in elements(argument_map):
        quotes = (
            quotes_of(element)
            if isinstance(element, Statement)
            else (element.quote.text,)
            if element.quote is not None
            else ()
        )
        kind = kind_of(element)
        for quoted in quotes:
            passage = folded.find(quoted)
            if passage is not None:
                start, end = passage
                found.append(
                    Mark(element.id, kind, LABELS[kind], start, end, symbols.get(element.id))
                )
    return found


def unquoted(essay: str, marks: Sequence[Mark]) -> list[Passage]:
    """The essay's sentences that no passage touches."""
    covered = sorted((mark.start, mark.end) for mark in marks)
    left: list[Passage] = []
    for paragraph in paragraphs(essay):
        for start, end in sentences(essay, paragraph):
            if not any(s < end and start < e for s, e in covered):
                left.append((start, end))
    return left


def essay_html(essay: str, marks: Sequence[Mark]) -> str:
    """The essay's paragraphs as `<p>` elements, passages and unquoted sentences marked."""
    spans: list[Mark | _Unquoted] = [*marks, *(_Unquoted(s, e) for s, e in unquoted(essay, marks))]
    return "\n".join(
        f"<p>{_paragraph(essay, start, end, spans)}</p>" for start, end in paragraphs(essay)
    )


def _paragraph(essay: str, start: int, end: int, spans: Sequence[Mark | _Unquoted]) -> str:
    inside = sorted((s for s in spans if s.start < end and start < s.end), key=lambda s: s.order)
    cuts = sorted(
        {start, end, *(max(s.start, start) for s in inside), *(min(s.end, end) for s in inside)}
    )
    out: list[str] = []
    stack: list[Mark | _Unquoted] = []
    written: set[int] = set()  # the marks whose first piece is written (later pieces continue)
    for left, right in pairwise(cuts):
        wanted = [s for s in inside if s.start <= left and right <= s.end]
        common = 0
        while common < min(len(stack), len(wanted)) and stack[common] is wanted[common]:
            common += 1
        out.extend(_close(s, left) for s in reversed(stack[common:]))
        out.extend(_open(s, id(s) in written) for s in wanted[common:])
        written.update(id(s) for s in wanted[common:])
        stack = wanted
        out.append(text(essay[left:right]))
    out.extend(_close(s, end) for s in reversed(stack))
    return "".join(out)


def _open(span: Mark | _Unquoted, continued: bool) -> str:
    if isinstance(span, _Unquoted):
        return '<span class="unquoted" title="no statement of the map quotes this sentence">'
    classes = f"passage kind-{span.kind}" + (" flagged" if span.symbol == "⚠" else "")
    classes += " continued" if continued else ""
    label = "" if continued else f'<span class="tag" aria-hidden="true">{span.label}</span>'
    return (
        f'<mark class="{classes}" data-statement="{attribute(span.element_id)}" '
        f'tabindex="0" role="button">{label}'
    )


def _close(mark: Mark | _Unquoted, at: int) -> str:
    if isinstance(mark, _Unquoted):
        return "</span>"
    symbol = mark.symbol if mark.symbol and at >= mark.end else None
    after = f'<span class="symbol" aria-label="flagged">{symbol}</span>' if symbol else ""
    return f"{after}</mark>"
