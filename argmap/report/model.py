"""The report's data: what the report says, as frozen pydantic models.

`Report` is what `build_report` returns and what `--format json` prints
(`Report.model_dump_json()`): its shape is for tools, so it changes only on purpose.
`Summary` holds the counts and verdicts the report's pages show beside it, derived from a
`Report` by `summarise` (build.py); it is not in the JSON, so a Report read back from JSON is
reported exactly as the one built.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from argmap.analysis import Standing, StepQuestions
from argmap.diagnostics import Severity
from argmap.model import AttackKind

MAX_DEPTH = 10
"""The most steps a support tree is drawn deep; deeper, it continues after the theses."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Finding(_Frozen):
    """A finding as the report lists it."""

    code: str
    kind: str  # plain words: "bare assertion"
    severity: Severity
    line: int | None
    column: int | None
    message: str
    hint: str | None
    subjects: tuple[str, ...]
    links: tuple[tuple[str, str], ...]


class AttackNote(_Frozen):
    """An attack on a statement or a step, and how it fares."""

    id: str
    attacker: str
    attacker_text: str
    kind: AttackKind
    standing: Standing  # in: the attack succeeds; out: it is answered; undecided
    answered: bool


class Node(_Frozen):
    """A statement in a support tree."""

    id: str
    kind: str
    text: str
    hedge: str | None
    standing: Standing
    claims: str | None  # the range its hedge claims
    receives: str | None  # what its support gives: "100 %" when established on its own
    established: bool
    notes: tuple[str, ...]  # plain-word findings anchored at it
    attacks: tuple[AttackNote, ...]
    flagged: bool = False  # a finding reported concerns it (names it among its subjects)
    shown_above: bool = False  # already drawn earlier in the report: not expanded again
    continued: bool = False  # too deep to draw here: its tree is in `Report.continued`
    steps: tuple[Step, ...] = ()


class Link(_Frozen):
    """The link from a premise (or condition) into a step."""

    status: Literal["sound", "weak"]
    reasons: tuple[str, ...]
    premise: Node


class Step(_Frozen):
    """An inference or a conditional into a statement."""

    id: str
    kind: Literal["inference", "conditional"]
    scheme: str | None
    warrant: str | None
    hedge: str | None
    standing: Standing
    gives: str
    notes: tuple[str, ...]
    attacks: tuple[AttackNote, ...]
    open_questions: int  # critical questions of its scheme left open
    links: tuple[Link, ...]
    unexplained: bool = False  # an unexplained step (W102) among the findings reported
    warrant_node: Node | None = None  # the statement that licenses the step
    warrant_reasons: tuple[str, ...] = ()  # why the link from the warrant is weak


Node.model_rebuild()
Step.model_rebuild()


class StandingRow(_Frozen):
    id: str
    kind: str
    standing: Standing
    reason: str | None


Verdict = Literal["overclaim", "allowed", "within its support", "claims no range"]
"""overclaim: reported as one (W105); allowed: claims more than its support gives, but the
findings reported leave it out (the map allows it with `allow: W105`, or it was not selected)."""


class StrengthRow(_Frozen):
    """What a conclusion claims against what its support gives."""

    id: str
    kind: str
    hedge: str | None
    claims: str | None
    receives: str
    verdict: Verdict


class Counts(_Frozen):
    statements: dict[str, int]  # by kind
    inferences: int
    conditionals: int
    attacks: int
    findings: dict[str, int]  # by plain name
    warnings: int
    infos: int


class Report(_Frozen):
    """Everything the report says, as data."""

    title: str | None
    subtitle: str | None
    author: str | None
    path: str | None
    counts: Counts
    theses: tuple[Node, ...]
    continued: tuple[Node, ...] = ()  # support trees too deep to draw whole, cut at MAX_DEPTH
    weak_links: tuple[Finding, ...]  # the support findings (W1)
    findings: tuple[Finding, ...]  # every finding, in order
    standing: tuple[StandingRow, ...]
    strength: tuple[StrengthRow, ...]
    questions: tuple[StepQuestions, ...]
    other_side: tuple[OtherPoint, ...] = ()  # the other side's and the coach's points, apart


class OtherPoint(_Frozen):
    """A point of the other side (or the coach's), and how the essay meets it."""

    id: str
    side: str  # "other" or "coach"
    text: str
    answer: str  # "answered", "answered weakly", "granted", "unanswered", "not an attack"


# ---- what the pages show beside the data ------------------------------------------------------


class Tally(_Frozen):
    """A number of things, and what they are called at that number ("2 bare assertions")."""

    count: int
    words: str  # singular or plural, to agree with count


class ThesisVerdict(_Frozen):
    """How a thesis fares: against the attacks, and in the parts of its support found weak
    (its whole tree, the parts continued below included, each counted once)."""

    id: str
    standing: Standing
    fate: str  # "is defeated by an attack"
    weak_links: int
    unexplained_steps: int


class StrengthVerdict(_Frozen):
    """A row of the claims-against-support table, with its verdict in words."""

    row: StrengthRow
    said: str  # "overclaim", "above its support (allowed)", ...


class Summary(_Frozen):
    """The counts, verdicts and selections the report's pages show, derived from a Report."""

    statements: int
    kinds: tuple[Tally, ...]  # statements by kind, in the order the language lists kinds
    theses: tuple[ThesisVerdict, ...]
    to_mend: tuple[Tally, ...]  # the warnings by code, in code order
    strength: tuple[StrengthVerdict, ...]
    hedged: tuple[StrengthVerdict, ...]  # the rows whose conclusion carries a hedge
    unhedged: tuple[str, ...]  # the ids of supported conclusions without a hedge
    holding: tuple[str, ...]  # statements in under attack
    defeated: tuple[StandingRow, ...]  # out
    undecided: tuple[StandingRow, ...]
    open_questions: tuple[StepQuestions, ...]  # steps whose scheme leaves questions open
    others: tuple[Finding, ...]  # findings neither about support (W1) nor questions (I401)
