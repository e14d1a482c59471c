"""What the importers share: readable ids made from text, spans in the imported file, hedges
rebuilt from their written form, and a statement's kind guessed from its place in the map."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from argmap.diagnostics import Span
from argmap.model import Hedge, Inference, StatementKind
from argmap.syntax.lower import qualifier_from_text
from argmap.syntax.reader import ID_PATTERN, RESERVED_WORDS

_ID = re.compile(ID_PATTERN)
_WORD = re.compile(r"[^\W_]+")
_SLUG_WORDS = 4


def span_at(file: str | None, line: int = 1, column: int = 1, length: int = 1) -> Span:
    """A span of `length` characters on one line of the imported file."""
    return Span(file=file, line=line, column=column, end_line=line, end_column=column + length)


def is_valid_id(text: str) -> bool:
    """Whether `text` can stand as an id in a .argmap file."""
    match = _ID.fullmatch(text)
    return match is not None and text not in RESERVED_WORDS


class IdMaker:
    """Readable, unique ids: the slug of a text's first words, never a reserved word."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken: set[str] = set(taken)

    def claim(self, wanted: str) -> str:
        """`wanted` itself when it is a free, valid id; else the slug made from it."""
        if is_valid_id(wanted) and wanted not in self.taken:
            self.taken.add(wanted)
            return wanted
        return self.make(wanted)

    def make(self, text: str, fallback: str = "statement") -> str:
        words = [word.lower() for word in _WORD.findall(text)][:_SLUG_WORDS]
        base = "-".join(words) or fallback
        if not is_valid_id(base):
            base = f"s-{base}" if _ID.fullmatch(f"s-{base}") else fallback
        candidate, number = base, 2
        while candidate in self.taken or not is_valid_id(candidate):
            candidate, number = f"{base}-{number}", number + 1
        self.taken.add(candidate)
        return candidate


def hedge_from_text(text: str | None, span: Span) -> Hedge | None:
    """A hedge from its written form, "likely, may"; None for no text."""
    if not text or not text.strip():
        return None
    parts = [part.strip() for part in text.split(",") if part.strip()]
    return Hedge(qualifiers=tuple(qualifier_from_text(part) for part in parts), span=span)


def hedge_text(hedge: Hedge | None) -> str | None:
    """A hedge as it is written between brackets: "likely, may"."""
    return None if hedge is None else ", ".join(q.text for q in hedge.qualifiers)


def guess_kind(
    statement_id: str,
    inferences: Iterable[Inference],
    attackers: set[str],
    antecedents: Collection[str] = (),
) -> StatementKind:
    """A kind for a statement that the imported file gives none: a conclusion nothing rests on
    is a thesis, one that something rests on a claim, an attacker an objection, the "if" of a
    conditional a condition, and anything else a premise."""
    steps = tuple(inferences)
    concluded = any(step.conclusion == statement_id for step in steps)
    used = any(statement_id in step.premises or step.warrant == statement_id for step in steps)
    if concluded:
        return StatementKind.CLAIM if used else StatementKind.THESIS
    if statement_id in attackers and not used:
        return StatementKind.OBJECTION
    if statement_id in antecedents and not used:
        return StatementKind.CONDITION
    return StatementKind.PREMISE


def one_line(text: str) -> str:
    """Text on one line, its runs of spaces and line breaks made single spaces."""
    return " ".join(text.split())
