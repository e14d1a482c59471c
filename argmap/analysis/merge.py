"""One problem, one finding: a finding that is the consequence of another is folded into its
cause, which names it, instead of being reported beside it.

- An overclaim (W105) whose support gives out at a bare premise (W101), at evidence that names
  no source (W107) or at a weak source (W108): the problem is that premise; the overclaim is
  what it costs.
- An overclaim limited by a step that nothing explains (W102): the problem is the step.
- An overclaim of a consequent whose condition nothing establishes (W106): the problem is the
  condition.
- A vague hedge (W202) inside a stacked hedge (W201): the stack is the problem ("pick one").

The folded findings are kept (`Analysis.folded`), with the cause each went into, so nothing the
analysis found is lost: a tool can still list every overclaim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.analysis.calculus import is_flat
from argmap.analysis.support import given_words
from argmap.diagnostics import Diagnostic

if TYPE_CHECKING:
    from argmap.analysis.facts import Facts

_ROOT_CAUSES = ("W101", "W107", "W108")


@dataclass(frozen=True)
class Folded:
    """A finding folded into its cause."""

    finding: Diagnostic
    into: Diagnostic  # the cause as reported (with the folded finding named in its message)


def _cause_of(
    found: Diagnostic,
    by_link: dict[tuple[str, str], Diagnostic],
    by_anchor: dict[tuple[str, str], Diagnostic],
) -> Diagnostic | None:
    """The finding that `found` is a consequence of, if any."""
    if found.code == "W105":
        for link in found.links:
            cause = by_link.get(link)
            if cause is not None:
                return cause
        step = found.subjects[1] if len(found.subjects) > 1 else None
        if step is not None:
            for code in ("W102", "W106"):
                cause = by_anchor.get((code, step))
                if cause is not None and ("explained" in found.message or code == "W106"):
                    return cause
        return None
    if found.code == "W202" and found.subjects:
        return by_anchor.get(("W201", found.subjects[0]))
    return None


def _consequence(found: Diagnostic, facts: Facts) -> str:
    """The folded finding in a few words, for its cause's message: what the overclaimed
    statement claims and what its support gives, as the calculus has them."""
    if found.code == "W202":
        return "one of the stacked words is vague"
    anchor = found.subjects[0] if found.subjects else "?"
    statement = facts.map.statement(anchor)
    support = facts.strengths.support(anchor)
    how = ""
    if statement is not None:
        said = "stated flatly" if is_flat(statement) else None
        if said is None and statement.hedge is not None:
            said = f"claimed as {statement.hedge.label}"
        how = f", {said}," if said else ""
    gives = f" (its support gives {given_words(support)})" if support is not None else ""
    return f"so '{anchor}'{how} is claimed more surely than the essay shows{gives}"


def fold(findings: Sequence[Diagnostic], facts: Facts) -> tuple[list[Diagnostic], list[Folded]]:
    """The findings with every consequence folded into its cause (see the module's
    docstring), in their order; and what was folded, with where."""
    by_link: dict[tuple[str, str], Diagnostic] = {}
    by_anchor: dict[tuple[str, str], Diagnostic] = {}
    for found in findings:
        if found.code in _ROOT_CAUSES:
            for link in found.links:
                by_link.setdefault(link, found)
        if found.subjects:
            by_anchor.setdefault((found.code, found.subjects[0]), found)
    consequences: dict[int, list[Diagnostic]] = {}
    folded_ids: set[int] = set()
    for found in findings:
        cause = _cause_of(found, by_link, by_anchor)
        if cause is not None and cause is not found:
            consequences.setdefault(id(cause), []).append(found)
            folded_ids.add(id(found))
    kept: list[Diagnostic] = []
    folded: list[Folded] = []
    for found in findings:
        if id(found) in folded_ids:
            continue
        named = consequences.get(id(found), [])
        if not named:
            kept.append(found)
            continue
        also = "; ".join(_consequence(c, facts) for c in named)
        extra = tuple(s for c in named for s in c.subjects[:1] if s not in found.subjects)
        cause = found.model_copy(
            update={"message": f"{found.message}; {also}", "subjects": (*found.subjects, *extra)}
        )
        kept.append(cause)
        folded.extend(Folded(c, cause) for c in named)
    return kept, folded
