"""`compare(key, other, essay)`: the units, relations, theses, hedges and scores."""

from __future__ import annotations

from argmap.compare.model import (
    Comparison,
    HedgeDifference,
    MatchedUnit,
    Score,
    ThesisResult,
    UnitRef,
    Units,
)
from argmap.compare.passages import FoldedEssay
from argmap.compare.relations import compare_relations, relations_of
from argmap.compare.units import UnitMatch, match_units
from argmap.model import ArgumentMap, Hedge, Statement, StatementKind

_RANGE_TOLERANCE = 1e-9  # ranges are products of floats: 0.55 * 0.8 is not always 0.44


def compare(key: ArgumentMap, other: ArgumentMap, essay: str | None) -> Comparison:
    """Compare `other` with `key`, two maps of one essay whose text is `essay`.

    Units are matched through the passages their quotes anchor in `essay`, then by their
    words; with `essay` None (no essay, or the maps quote different ones) by words only. Ids
    are never compared. The maps should be free of errors (`argmap check`): a relation to an
    undefined id is left out."""
    folded = FoldedEssay.of(essay) if essay is not None else None
    matches = match_units(key.statements, other.statements, folded)
    key_units = {s.id: f"unit {i}" for i, s in enumerate(key.statements)}
    other_units = {s.id: f"other {i}" for i, s in enumerate(other.statements)}
    for match in matches:
        other_units[match.other.id] = key_units[match.key.id]
    matched_key = {m.key.id for m in matches}
    matched_other = {m.other.id for m in matches}
    units = Units(
        matched=tuple(_matched(m) for m in matches),
        missed=tuple(_ref(s) for s in key.statements if s.id not in matched_key),
        added=tuple(_ref(s) for s in other.statements if s.id not in matched_other),
    )
    key_relations = relations_of(key, _Defined(key_units))
    other_relations = relations_of(other, _Defined(other_units))
    relations = compare_relations(key_relations, other_relations)
    return Comparison(
        key_path=key.path,
        other_path=other.path,
        key_title=key.header.title,
        other_title=other.header.title,
        by_passages=folded is not None,
        units=units,
        relations=relations,
        theses=_theses(key, matches),
        other_theses_not_in_key=_other_theses(other, matches),
        hedges=tuple(_hedge_difference(m) for m in matches if _hedged_apart(m)),
        unit_score=score(len(matches), len(key.statements), len(other.statements)),
        relation_score=score(len(relations.agreed), len(key_relations), len(other_relations)),
    )


class _Defined(dict[str, str]):
    """Statement ids to units; an undefined id (a map error) is a unit of its own."""

    def __missing__(self, statement_id: str) -> str:
        return f"undefined {statement_id}"


def score(found: int, key_count: int, other_count: int) -> Score:
    """Precision (found / the other's), recall (found / the key's) and F1 (their harmonic
    mean). With nothing to find a share is 1.0: an empty map agrees with an empty key."""
    precision = found / other_count if other_count else 1.0
    recall = found / key_count if key_count else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(
        found=found,
        key_count=key_count,
        other_count=other_count,
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
    )


def _ref(statement: Statement) -> UnitRef:
    return UnitRef(id=statement.id, kind=statement.kind.value, text=statement.text)


def _matched(match: UnitMatch) -> MatchedUnit:
    return MatchedUnit(
        key=_ref(match.key), other=_ref(match.other), by=match.by, similarity=match.similarity
    )


def _theses(key: ArgumentMap, matches: list[UnitMatch]) -> tuple[ThesisResult, ...]:
    partner = {m.key.id: m.other for m in matches}
    results: list[ThesisResult] = []
    for thesis in key.theses:
        found = partner.get(thesis.id)
        if found is None:
            results.append(ThesisResult(key=_ref(thesis), status="not-found"))
            continue
        status = "found" if found.kind is StatementKind.THESIS else "found-as-non-thesis"
        results.append(ThesisResult(key=_ref(thesis), status=status, other=_ref(found)))
    return tuple(results)


def _other_theses(other: ArgumentMap, matches: list[UnitMatch]) -> tuple[UnitRef, ...]:
    """The other map's theses that are not theses of the key (unmatched, or matched to a
    statement of another kind)."""
    key_theses = {m.other.id for m in matches if m.key.kind is StatementKind.THESIS}
    return tuple(_ref(t) for t in other.theses if t.id not in key_theses)


def _hedged_apart(match: UnitMatch) -> bool:
    first, second = match.key.hedge, match.other.hedge
    if first is None or second is None:
        return (first is None) != (second is None)
    return not _same_range(first, second)


def _same_range(first: Hedge, second: Hedge) -> bool:
    a, b = first.range, second.range
    if a is None or b is None:
        return a is None and b is None  # two vague hedges ("may", "could") read alike
    return abs(a[0] - b[0]) <= _RANGE_TOLERANCE and abs(a[1] - b[1]) <= _RANGE_TOLERANCE


def _hedge_difference(match: UnitMatch) -> HedgeDifference:
    return HedgeDifference(
        key=_ref(match.key),
        other=_ref(match.other),
        key_hedge=match.key.hedge.label if match.key.hedge else None,
        other_hedge=match.other.hedge.label if match.other.hedge else None,
    )
