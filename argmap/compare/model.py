"""The comparison as data: frozen pydantic models; `Comparison.model_dump_json()` is the JSON.

Every record names elements by their ids in their own map (the key's ids for the key, the
other map's for the other): the coach knows both maps, and the ids are never what matched.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


MatchedBy = Literal["passage", "text"]
Polarity = Literal["support", "attack"]
RelationKind = Literal["inference", "conditional", "rebut", "undercut"]
ThesisStatus = Literal["found", "found-as-non-thesis", "not-found"]


class UnitRef(_Frozen):
    """A statement of one map: its id, kind and text."""

    id: str
    kind: str
    text: str


class MatchedUnit(_Frozen):
    """One unit found in both maps. `by`: through overlapping passages of the essay, or by
    the statements' words; `similarity`: the share of the passages (characters) or of the
    words (tokens) the two have in common, from 0 to 1."""

    key: UnitRef
    other: UnitRef
    by: MatchedBy
    similarity: float


class RelationRef(_Frozen):
    """One relation of one map, between two statements or from a statement to a step.

    `element` is the inference, conditional or attack that states it; `source` the premise,
    antecedent or attacker; `target` the conclusion, consequent or attacked statement, or
    for an undercut the attacked step's id, with `target_step` describing that step
    ("a + b -> c")."""

    element: str
    named: bool  # False: `element` is an id argmap made from the ids ("c<-a+b")
    kind: RelationKind
    polarity: Polarity
    source: str
    target: str
    target_step: str | None = None


class RelationPair(_Frozen):
    """A relation of the key beside the other map's relation it is compared with."""

    key: RelationRef
    other: RelationRef


class ThesisResult(_Frozen):
    """What became of one of the key's theses in the other map."""

    key: UnitRef
    status: ThesisStatus
    other: UnitRef | None = None


class HedgeDifference(_Frozen):
    """A unit both maps found, hedged differently (a label of `Hedge.label`, or None: flat)."""

    key: UnitRef
    other: UnitRef
    key_hedge: str | None
    other_hedge: str | None


class Score(_Frozen):
    """Precision, recall and F1 of the other map against the key: `found` of the other's
    `other_count` agree with the key's `key_count`."""

    found: int
    key_count: int
    other_count: int
    precision: float
    recall: float
    f1: float


class Units(_Frozen):
    matched: tuple[MatchedUnit, ...] = ()
    missed: tuple[UnitRef, ...] = ()  # in the key only
    added: tuple[UnitRef, ...] = ()  # in the other map only


class Relations(_Frozen):
    agreed: tuple[RelationPair, ...] = ()
    reversed: tuple[RelationPair, ...] = ()
    elsewhere: tuple[RelationPair, ...] = ()  # same source, another target
    opposite: tuple[RelationPair, ...] = ()  # support in one, attack in the other
    missed: tuple[RelationRef, ...] = ()
    added: tuple[RelationRef, ...] = ()


class Comparison(_Frozen):
    """Two maps of one essay compared: the key (a coach's map) and the other (a student's)."""

    key_path: str | None = None
    other_path: str | None = None
    key_title: str | None = None
    other_title: str | None = None
    by_passages: bool  # False: no shared essay, so units were matched by their words only
    units: Units
    relations: Relations
    theses: tuple[ThesisResult, ...] = ()
    other_theses_not_in_key: tuple[UnitRef, ...] = ()
    hedges: tuple[HedgeDifference, ...] = ()
    unit_score: Score
    relation_score: Score
