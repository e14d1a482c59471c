"""A stopgap printer: an `ArgumentMap` as `.argmap` text, so that `argmap import` works end to
end. TEMPORARY: to be replaced by the shared printer of `argmap.syntax` when it lands.

Straight quotes, bracket hedges, two-space indents, one blank line between blocks.
"""

from __future__ import annotations

from argmap.interop._build import hedge_text
from argmap.model import ArgumentMap, Attack, AttackKind, Conditional, Inference, Statement

_INDENT = "  "


def _free(text: str) -> str:
    """Free text as the reader reads it back: a backslash is written twice."""
    return " ".join(text.replace("\\", "\\\\").split())


def _quoted(text: str) -> str:
    escaped = " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _common(element: Statement | Inference | Conditional | Attack) -> list[str]:
    lines: list[str] = []
    if element.quote is not None:
        lines.append(f"{_INDENT}quote: {_quoted(element.quote.text)}")
    if isinstance(element, Statement) and element.citation is not None:
        lines.append(f"{_INDENT}cite: {_free(element.citation)}")
    if element.note is not None:
        lines.append(f"{_INDENT}note: {_free(element.note)}")
    if element.allow:
        lines.append(f"{_INDENT}allow: {', '.join(element.allow)}")
    return lines


def _statement(statement: Statement) -> list[str]:
    tags = [t for t in [hedge_text(statement.hedge)] if t]
    if statement.accepted:
        tags.append("accepted")
    brackets = f" [{', '.join(tags)}]" if tags else ""
    head = f"{statement.kind.value} {statement.id}{brackets}: {_free(statement.text)}"
    return [head, *_common(statement)]


def _inference(inference: Inference) -> list[str]:
    name = f"{inference.id}: " if inference.named else ""
    lines = [f"{name}{inference.conclusion} <- {' + '.join(inference.premises)}"]
    if inference.warrant is not None:
        lines.append(f"{_INDENT}warrant: {inference.warrant}")
    if inference.scheme is not None:
        lines.append(f"{_INDENT}scheme: {inference.scheme}")
    for number, answer in sorted(inference.answers.items()):
        lines.append(f"{_INDENT}answer {number}: {answer}")
    if inference.hedge is not None:
        lines.append(f"{_INDENT}hedge: {hedge_text(inference.hedge)}")
    return [*lines, *_common(inference)]


def _conditional(conditional: Conditional) -> list[str]:
    name = f"{conditional.id}: " if conditional.named else ""
    return [
        f"{name}if {conditional.antecedent} then {conditional.consequent}",
        *_common(conditional),
    ]


def _attack(attack: Attack) -> list[str]:
    name = f"{attack.id}: " if attack.named else ""
    verb = "rebuts" if attack.kind is AttackKind.REBUT else "undercuts"
    return [f"{name}{attack.attacker} {verb} {attack.target}", *_common(attack)]


def print_map(argument_map: ArgumentMap) -> str:
    """The map as `.argmap` text: header, statements, inferences, conditionals, attacks."""
    header = argument_map.header
    blocks: list[list[str]] = []
    header_lines = [
        f"{key}: {_free(value)}"
        for key in ("title", "subtitle", "author", "date", "source")
        if (value := getattr(header, key)) is not None
    ]
    if header_lines:
        blocks.append(header_lines)
    blocks.extend(_statement(s) for s in argument_map.statements)
    blocks.extend(_inference(i) for i in argument_map.inferences)
    blocks.extend(_conditional(c) for c in argument_map.conditionals)
    blocks.extend(_attack(a) for a in argument_map.attacks)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
