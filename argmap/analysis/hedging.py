"""Checks of the hedges: stacked (W201), vague (W202), the two ICD 203 rows mixed (W203), a
likelihood and a confidence word in one statement (W204). Statements' and steps' hedges alike.
Scope words ("often", "tend to") say how many cases a claim covers, not how likely it is: no
check here counts them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic
from argmap.hedges import SCALE, HedgeFamily, HedgeRow, format_range
from argmap.model import ArgumentMap, Hedge, Qualifier
from argmap.words import quoted

if TYPE_CHECKING:
    from argmap.analysis.facts import Facts


def _hedges(argument_map: ArgumentMap) -> Iterator[tuple[str, Hedge]]:
    """(owner id, hedge) for every hedged statement and step, in the order written."""
    owned: list[tuple[str, Hedge]] = [
        (s.id, s.hedge) for s in argument_map.statements if s.hedge is not None
    ]
    owned += [(i.id, i.hedge) for i in argument_map.inferences if i.hedge is not None]
    yield from sorted(owned, key=lambda pair: (pair[1].span.line, pair[1].span.column))


def _likelihoods(hedge: Hedge) -> list[Qualifier]:
    return [q for q in hedge.qualifiers if q.family is HedgeFamily.LIKELIHOOD]


def _said(qualifier: Qualifier) -> str:
    return qualifier.word or qualifier.text


def stacked_hedges(facts: Facts) -> list[Diagnostic]:
    """W201: two or more likelihood qualifiers on one statement ("it is likely that ... may")."""
    found: list[Diagnostic] = []
    for owner, hedge in _hedges(facts.map):
        words = _likelihoods(hedge)
        if len(words) < 2:
            continue
        # the words a reader can take at their word: a scale word or a probability, not a
        # vague word that has only what readers hear
        ranged = [q for q in words if q.low is not None and not q.vague]
        together = (
            f"; together they claim {format_range(*hedge.range)}" if hedge.range is not None else ""
        )
        if len(ranged) == 1:
            hint = f"say how likely it is once: keep '{_said(ranged[0])}' and drop the others"
        else:
            hint = "say how likely it is once, with the one word that means what you mean"
        found.append(
            diagnostic(
                "W201",
                f"'{owner}' stacks hedges: {quoted([_said(q) for q in words])}{together}; a "
                "reader cannot tell how likely the author thinks it is",
                hedge.span,
                hint,
                subjects=(owner,),
            )
        )
    return found


def _heard(qualifier: Qualifier) -> str:
    """What W202 says of one vague word: 'may' has no range on the scale; readers hear ..."""
    said = f"'{_said(qualifier)}' has no range on the scale"
    term = qualifier.term
    if term is None or term.readers is None:
        return said
    return f"{said}; readers hear {format_range(*term.readers)} ({term.source})"


def vague_hedges(facts: Facts) -> list[Diagnostic]:
    """W202: a likelihood word the scale gives no range (may, might, could, can, perhaps,
    possibly). The message says what readers hear, the range the calculus takes it at."""
    found: list[Diagnostic] = []
    for owner, hedge in _hedges(facts.map):
        vague = [q for q in _likelihoods(hedge) if q.vague]
        if not vague:
            continue
        heard = "; ".join(_heard(q) for q in vague)
        found.append(
            diagnostic(
                "W202",
                f"'{owner}' is hedged with {'a vague word' if len(vague) == 1 else 'vague words'}: "
                f"{heard}",
                hedge.span,
                "argmap takes a vague word at what readers hear; to say how likely you mean, "
                "choose a word of the scale that has a range (unlikely 20–45 %, roughly even "
                "chance 45–55 %, likely 55–80 %) or a probability such as 30%",
                subjects=(owner,),
            )
        )
    return found


_EQUIVALENT: dict[tuple[HedgeRow, float | None], str] = {
    (term.row, term.low): term.word
    for term in SCALE
    if term.row in {HedgeRow.ICD_WORDS, HedgeRow.ICD_SYNONYMS}
}
_OTHER_ROW = {HedgeRow.ICD_WORDS: HedgeRow.ICD_SYNONYMS, HedgeRow.ICD_SYNONYMS: HedgeRow.ICD_WORDS}


def mixed_rows(facts: Facts) -> list[Diagnostic]:
    """W203: words from both rows of ICD 203 in one map. Reported at each use of the row used
    less (row 2 on a tie), naming where the other row is used."""
    uses: dict[HedgeRow, list[tuple[str, Hedge, Qualifier]]] = {row: [] for row in _OTHER_ROW}
    for owner, hedge in _hedges(facts.map):
        for qualifier in hedge.qualifiers:
            if qualifier.row in uses:
                uses[qualifier.row].append((owner, hedge, qualifier))
    first, second = uses[HedgeRow.ICD_WORDS], uses[HedgeRow.ICD_SYNONYMS]
    if not first or not second:
        return []
    minority = HedgeRow.ICD_SYNONYMS if len(second) <= len(first) else HedgeRow.ICD_WORDS
    majority = _OTHER_ROW[minority]
    others = list(dict.fromkeys(owner for owner, _h, _q in uses[majority]))
    shown = quoted(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
    found: list[Diagnostic] = []
    for owner, hedge, qualifier in uses[minority]:
        same = _EQUIVALENT.get((majority, qualifier.low))
        found.append(
            diagnostic(
                "W203",
                f"'{owner}' uses '{_said(qualifier)}', a word of {minority.value}, while "
                f"{shown} use{'s' if len(others) == 1 else ''} words of {majority.value}",
                hedge.span,
                f"use one row throughout: '{same}' says the same in {majority.value}"
                if same
                else f"use the words of {majority.value} throughout",
                subjects=(owner,),
            )
        )
    return found


def likelihood_with_confidence(facts: Facts) -> list[Diagnostic]:
    """W204: one hedge that says both how likely a statement is and how confident the author
    is (ICD 203 keeps the two apart)."""
    found: list[Diagnostic] = []
    for owner, hedge in _hedges(facts.map):
        likely = _likelihoods(hedge)
        confident = [q for q in hedge.qualifiers if q.family is HedgeFamily.CONFIDENCE]
        if not likely or not confident:
            continue
        found.append(
            diagnostic(
                "W204",
                f"'{owner}' mixes a likelihood ({quoted([_said(q) for q in likely])}) and a "
                f"confidence ({quoted([_said(q) for q in confident])}) in one hedge",
                hedge.span,
                "keep them apart, as ICD 203 does: the hedge says how likely the statement is; "
                "say how confident you are in the evidence in a note",
                subjects=(owner,),
            )
        )
    return found
