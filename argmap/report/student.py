"""The student's report: one page to hand back, in the student's own words.

`student_report(analysis)` reads the Analysis into a `StudentReport` (frozen pydantic, which is
the JSON): what the essay argues, thesis by thesis; the few problems that matter most, each
told in plain words (wording.py) with what would fix it; and what is strong. No id, code or
syntax of the map reaches it: everything quoted is the student's words (a statement's quote,
else its text), everything else is the report's own sentences.

Choosing the problems: the findings in `Analysis.ranked()` order (what costs the theses most
first); a finding whose cause is already listed joins that problem rather than making one of
its own (see `_Problem.takes`); the first MOST_PROBLEMS problems are kept, an open question
only when there are fewer than FEWEST_PROBLEMS others.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace
from typing import Literal

from pydantic import BaseModel, ConfigDict

from argmap.analysis import Analysis, Standing, analyse
from argmap.analysis.graph import Supporter, grounds
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import ArgumentMap, AttackKind, Inference, Side, Statement, StatementKind
from argmap.report.wording import Told, quoted, tell, words_of

MOST_PROBLEMS = 5
FEWEST_PROBLEMS = 3  # below this many, open questions are told too
ADVICE_PER_PROBLEM = 3  # the sentences one problem may carry: its cause's, then two more
MOST_STRENGTHS = 3


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ThesisTold(_Frozen):
    """A thesis in the student's words, and how the essay argues it, in a sentence."""

    words: str
    reasons: int  # the steps into it
    standing: Standing
    summary: str


class Advice(_Frozen):
    """One thing wrong, and what would fix it."""

    wrong: str
    fix: str


class Problem(_Frozen):
    """A problem: the student's words it concerns, and what to say about them, what costs the
    argument most first."""

    words: str | None
    advice: tuple[Advice, ...]


StrengthKind = Literal["objection answered", "well supported", "source named"]


class StrongPoint(_Frozen):
    kind: StrengthKind
    said: str


class StudentReport(_Frozen):
    """Everything the student's report says, as data."""

    title: str | None
    author: str | None
    theses: tuple[ThesisTold, ...]
    problems: tuple[Problem, ...]
    strong_points: tuple[StrongPoint, ...]


# ---- the problems -----------------------------------------------------------------------------


def _about(finding: Diagnostic) -> str:
    return finding.subjects[0] if finding.subjects else ""


def _related(finding: Diagnostic) -> set[str]:
    """What else a finding names: its other subjects, and the two ends of its links."""
    return {*finding.subjects[1:], *(end for link in finding.links for end in link)}


@dataclass
class _Problem:
    """A problem being gathered: the finding that costs most (its cause), and those that join."""

    lead: Diagnostic
    told: list[tuple[str, Told]] = field(default_factory=list)

    def takes(self, finding: Diagnostic) -> bool:
        """One problem per cause: a finding joins when it is about what the lead names (the
        bare premise under an overclaim, the step into it, its "if"), or names what the lead
        is about (a second finding about the same statement)."""
        about, lead_about = _about(finding), _about(self.lead)
        return (
            about == lead_about or about in _related(self.lead) or lead_about in _related(finding)
        )

    def add(self, finding: Diagnostic, told: Told) -> None:
        covered = {code for _code, said in self.told for code in said.covers}
        codes = {code for code, _said in self.told}
        if finding.code in covered | codes or len(self.told) >= ADVICE_PER_PROBLEM:
            return
        quoted_already = any(said.statement == told.statement for _code, said in self.told)
        if quoted_already and told.again is not None:
            told = replace(told, wrong=told.again)
        self.told.append((finding.code, told))

    def problem(self, analysis: Analysis) -> Problem:
        statement = analysis.map.statement(self.told[0][1].statement or "")
        return Problem(
            words=words_of(statement) if statement is not None else None,
            advice=tuple(Advice(wrong=t.wrong, fix=t.fix) for _code, t in self.told),
        )


def problems(analysis: Analysis, findings: list[Diagnostic]) -> tuple[Problem, ...]:
    """The problems that matter most (see the module's docstring)."""
    gathered: list[_Problem] = []
    for finding in analysis.ranked(d for d in findings if not d.is_error):
        info = finding.severity is Severity.INFO
        joined = next((p for p in gathered if p.takes(finding)), None)
        if joined is not None:
            if not info:  # an open question adds nothing to a problem already told
                joined.add(finding, tell(analysis, finding))
            continue
        if len(gathered) >= (FEWEST_PROBLEMS if info else MOST_PROBLEMS):
            continue
        problem = _Problem(finding)
        problem.add(finding, tell(analysis, finding))
        gathered.append(problem)
    return tuple(p.problem(analysis) for p in gathered)


# ---- the theses -------------------------------------------------------------------------------


def _thesis(analysis: Analysis, thesis: Statement) -> ThesisTold:
    graph = analysis.graph
    reasons = len(graph.supporters_of(thesis.id))
    given = {0: "You give no reason for it", 1: "You give one reason for it"}
    parts = [given.get(reasons, f"You give {reasons} reasons for it")]
    for attack in graph.attacks_against(thesis.id):
        attacker = analysis.map.statement(attack.attacker)
        if attacker is None:
            continue
        if attack.kind is AttackKind.CONCESSION:
            parts.append(f"you grant the point {quoted(attacker)}")
            continue
        if attack.kind is AttackKind.CONTRADICTION:
            continue
        fate = analysis.labelling.of_attack(attack.id)
        if fate is Standing.OUT:
            parts.append(f"you answer the objection {quoted(attacker)}")
        elif fate is Standing.IN:
            parts.append(f"the objection {quoted(attacker)} is left standing against it")
        else:
            parts.append(f"it is not settled whether the objection {quoted(attacker)} holds")
    standing = analysis.labelling.of_statement(thesis.id)
    if standing is Standing.OUT and len(parts) == 1:
        parts.append("but as the essay stands, part of your reasoning for it is knocked down")
    elif standing is Standing.UNDECIDED and len(parts) == 1:
        parts.append("but part of your reasoning for it is left in doubt")
    if len(parts) == 2 and parts[1].startswith("but "):
        return _told(thesis, reasons, standing, f"{parts[0]}, {parts[1]}")
    summary = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]
    return _told(thesis, reasons, standing, summary)


def _told(thesis: Statement, reasons: int, standing: Standing, summary: str) -> ThesisTold:
    return ThesisTold(
        words=words_of(thesis), reasons=reasons, standing=standing, summary=summary + "."
    )


# ---- what is strong ---------------------------------------------------------------------------


def _flagged(findings: list[Diagnostic]) -> set[str]:
    """Every element a warning names (its subjects, and the ends of its links)."""
    return {
        element
        for d in findings
        if d.severity is Severity.WARNING
        for element in (*d.subjects, *(end for link in d.links for end in link))
    }


def _by_nearness(analysis: Analysis) -> list[Supporter]:
    """The steps under the theses, nearest a thesis first (then in the order written)."""
    graph, seen, steps = analysis.graph, set(), []
    todo = deque(t.id for t in analysis.map.theses)
    while todo:
        statement_id = todo.popleft()
        if statement_id in seen:
            continue
        seen.add(statement_id)
        for step in graph.supporters_of(statement_id):
            steps.append(step)
            todo.extend(grounds(step))
    return steps


def _well_supported(analysis: Analysis, flagged: set[str]) -> list[StrongPoint]:
    points = []
    has = analysis.strengths.has
    for step in _by_nearness(analysis):
        if not isinstance(step, Inference) or not (step.scheme or step.warrant):
            continue
        ends = {step.id, step.conclusion, *step.premises, *([step.warrant] if step.warrant else [])}
        if ends & flagged or any(has.get(p) is None or has[p].low < 1 for p in step.premises):
            continue
        conclusion = analysis.map.statement(step.conclusion)
        premises = [analysis.map.statement(p) for p in step.premises]
        if conclusion is None or None in premises:
            continue
        backing = " and ".join(quoted(p) for p in premises if p is not None)
        said = f"You back up {quoted(conclusion)} with {backing}: that holds up well."
        points.append(StrongPoint(kind="well supported", said=said))
    return points


def _sources(analysis: Analysis, flagged: set[str]) -> list[StrongPoint]:
    relied = {s for t in analysis.map.theses for s in analysis.graph.closure(t.id)}
    return [
        StrongPoint(
            kind="source named",
            said=f"You say where {quoted(s)} comes from: {s.citation.rstrip('.')}.",
        )
        for s in analysis.map.statements
        if s.citation and s.id not in flagged and s.id in relied
    ]


def _answers(analysis: Analysis) -> list[StrongPoint]:
    points = []
    graph = analysis.graph
    for attack in analysis.map.attacks:
        attacker = analysis.map.statement(attack.attacker)
        if attacker is None or attacker.side is Side.COACH:
            continue  # an objection the essay does not raise is none of its strengths
        if attack.kind is AttackKind.CONCESSION:
            # granting a point and meeting it, even in part, is taking the other side seriously
            replies = [r for r in graph.attacks_against(attack.id) if r.kind is AttackKind.UNDERCUT]
            reply = analysis.map.statement(replies[0].attacker) if replies else None
            if reply is not None:
                points.append(
                    StrongPoint(
                        kind="objection answered",
                        said=f"You grant the point {quoted(attacker)} and then answer it: "
                        f"{quoted(reply)}.",
                    )
                )
            continue
        if analysis.labelling.of_attack(attack.id) is not Standing.OUT:
            continue
        if not analysis.is_answered(attack):
            continue
        replies = [*graph.attacks_against(attack.id), *graph.attacks_against(attack.attacker)]
        answer = next(
            (
                analysis.map.statement(r.attacker)
                for r in replies
                if analysis.labelling.of_attack(r.id) is Standing.IN
            ),
            None,
        )
        said = f"You take on the objection {quoted(attacker)} and answer it"
        said += f": {quoted(answer)}." if answer is not None else "."
        points.append(StrongPoint(kind="objection answered", said=said))
    return points


def strong_points(analysis: Analysis, findings: list[Diagnostic]) -> tuple[StrongPoint, ...]:
    """Two or three things the essay does well, one of each kind first: an objection answered,
    a step well supported, a source named."""
    flagged = _flagged(findings)
    kinds = [_answers(analysis), _well_supported(analysis, flagged), _sources(analysis, flagged)]
    chosen: list[StrongPoint] = []
    said: set[str] = set()
    while len(chosen) < MOST_STRENGTHS and any(kinds):
        for candidates in kinds:
            while candidates and candidates[0].said in said:
                candidates.pop(0)
            if candidates and len(chosen) < MOST_STRENGTHS:
                point = candidates.pop(0)
                chosen.append(point)
                said.add(point.said)
    return tuple(chosen)


def student_report(
    analysed: Analysis | ArgumentMap, findings: list[Diagnostic] | None = None
) -> StudentReport:
    """The student's report on a map without errors, from its analysis (a map is analysed
    first). `findings` defaults to the analysis's."""
    analysis = analysed if isinstance(analysed, Analysis) else analyse(analysed)
    chosen = list(analysis.findings if findings is None else findings)
    # a cause's folded consequences are told with it ("…, so you claim more than you show")
    given = set(chosen)
    chosen += [
        f.finding
        for f in analysis.folded
        # an unestablished condition already says what its overclaim would (W106 covers it)
        if f.into in given and not (f.into.code == "W106" and f.finding.code == "W105")
    ]
    header = analysis.map.header
    return StudentReport(
        title=header.title,
        author=header.author,
        theses=tuple(
            _thesis(analysis, s) for s in analysis.map.statements if s.kind is StatementKind.THESIS
        ),
        problems=problems(analysis, chosen),
        strong_points=strong_points(analysis, chosen),
    )


__all__ = ["Advice", "Problem", "StrongPoint", "StudentReport", "ThesisTold", "student_report"]
