"""From an `Analysis` to the report's data: `build_report` (the Report, which is the JSON) and
`summarise` (the counts and verdicts the pages show beside it).

Everything here is read from the Analysis (its findings, graph, strengths, labelling,
readings and questions) and from the map: nothing is checked or calculated again. A finding
is indexed once by its anchor and by its links (`FindingIndex`), so that each element of a
support tree costs a look-up.
"""

from __future__ import annotations

from collections import Counter, deque

from argmap.analysis import Analysis, Standing, analyse
from argmap.analysis.graph import Supporter, grounds
from argmap.codes import About, lookup, matches
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import ArgumentMap, Attack, AttackKind, Inference, Side, Statement
from argmap.report.model import (
    MAX_DEPTH,
    AttackNote,
    Counts,
    Finding,
    Link,
    Node,
    OtherPoint,
    Report,
    StandingRow,
    Step,
    StrengthRow,
    StrengthVerdict,
    Summary,
    Tally,
    ThesisVerdict,
    Verdict,
)

SUPPORT_CODES = ("W1",)  # the findings listed as weak links, with how to mend them
QUESTION_CODES = ("I401",)  # open critical questions: a section of their own

KIND_ORDER = ("thesis", "claim", "premise", "evidence", "assumption", "prediction", "objection")
KIND_PLURALS = {"thesis": "theses", "evidence": "evidence"}

FATES = {
    Standing.IN: "stands against the attacks in the map",
    Standing.OUT: "is defeated by an attack",
    Standing.UNDECIDED: "is left undecided by the attacks in the map",
}
"""What the report says of a thesis with each standing."""

SAID: dict[Verdict, str] = {
    "overclaim": "overclaim",
    "allowed": "above its support (allowed)",
    "within its support": "within its support",
    "claims no range": "claims no range",
}
"""A verdict of the claims-against-support table, in words."""


def plain(code: str, count: int = 1) -> str:
    """What the report calls `count` findings of a code (argmap.codes has the words)."""
    return lookup(code).words(count)


def _about_link(code: str) -> bool:
    """Findings about a link are shown at the link."""
    return lookup(code).about is About.LINK


def _quiet(code: str) -> bool:
    """Findings shown at a link, and open questions, are not repeated as notes in the tree."""
    return _about_link(code) or lookup(code).severity is Severity.INFO


def _finding(diagnostic: Diagnostic) -> Finding:
    span = diagnostic.span
    return Finding(
        code=diagnostic.code,
        kind=plain(diagnostic.code),
        severity=diagnostic.severity,
        line=span.line if span else None,
        column=span.column if span else None,
        message=diagnostic.message,
        hint=diagnostic.hint,
        subjects=diagnostic.subjects,
        links=diagnostic.links,
    )


class FindingIndex:
    """The findings reported, indexed by what they are about: the notes anchored at each
    element, the reasons given at each link, and the anchors of each code."""

    def __init__(self, findings: list[Diagnostic]) -> None:
        self.findings = findings
        self.notes: dict[str, list[str]] = {}
        self.reasons: dict[tuple[str, str], list[str]] = {}
        self.anchored: dict[str, set[str]] = {}  # code -> the anchors of its findings
        self.concerned: set[str] = set()  # every element a weakness names among its subjects
        for d in findings:
            subjects = d.subjects
            if d.severity is Severity.WARNING:  # an info is a question to ask, not a weakness
                self.concerned.update(subjects)
            anchor = subjects[0] if subjects else None
            if anchor is not None:
                self.anchored.setdefault(d.code, set()).add(anchor)
                if not _quiet(d.code):
                    self.notes.setdefault(anchor, []).append(f"{plain(d.code)}: {d.message}")
            for link in dict.fromkeys(d.links):
                if _about_link(d.code):
                    reason = f"{plain(d.code)}: {d.message}"
                else:
                    reason = f"the weakest link under the {plain(d.code)} on '{anchor}'"
                self.reasons.setdefault(link, []).append(reason)

    def notes_at(self, element_id: str) -> tuple[str, ...]:
        """Findings anchored at an element, except those about a link (shown at the link)."""
        return tuple(self.notes.get(element_id, ()))

    def link_reasons(self, ground: str, supporter: Supporter) -> tuple[str, ...]:
        return tuple(self.reasons.get((ground, supporter.id), ()))

    def flags(self, element_id: str) -> bool:
        """Whether a finding reported concerns the element (names it among its subjects)."""
        return element_id in self.concerned

    def at(self, code: str) -> set[str]:
        return self.anchored.get(code, set())


class SupportTrees:
    """Builds the support trees of the theses: each statement expanded the first time it is
    met, each tree cut at MAX_DEPTH steps and continued after the theses'."""

    def __init__(self, analysis: Analysis, index: FindingIndex) -> None:
        self.analysis = analysis
        self.map = analysis.map
        self.index = index
        self.graph = analysis.graph
        self.values = analysis.strengths
        self.labels = analysis.labelling
        self.seen: set[str] = set()
        self.pending: deque[Statement] = deque()  # cut off at MAX_DEPTH, continued after theses
        self.open_questions = {q.inference: len(q.open) for q in analysis.questions if q.scheme}

    def attacks_on(self, element_id: str) -> tuple[AttackNote, ...]:
        notes = []
        for attack in self.graph.attacks_against(element_id):
            attacker = self.map.statement(attack.attacker)
            notes.append(
                AttackNote(
                    id=attack.id,
                    attacker=attack.attacker,
                    attacker_text=attacker.text if attacker else "",
                    kind=attack.kind,
                    standing=self.labels.of_attack(attack.id),
                    answered=self.analysis.is_answered(attack),
                )
            )
        return tuple(notes)

    def node(self, statement: Statement, depth: int = 0) -> Node:
        """A statement and, the first time it is met, the tree of its support. A tree is cut
        at MAX_DEPTH steps: the statement there is marked continued, and the rest of its tree
        is drawn after the theses' (`continued`)."""
        shown = statement.id in self.seen
        self.seen.add(statement.id)
        supporters = self.graph.supporters_of(statement.id)
        continued = not shown and depth >= MAX_DEPTH and bool(supporters)
        if continued:
            self.pending.append(statement)
        steps = () if shown or continued else tuple(self.step(s, depth) for s in supporters)
        return self._node(statement, steps, notes=not shown, shown=shown, continued=continued)

    def continued(self) -> tuple[Node, ...]:
        """The trees cut off at MAX_DEPTH, each from the statement where it was cut (its notes
        and attacks are shown there), and those cut off in them in turn."""
        trees: list[Node] = []
        while self.pending:
            statement = self.pending.popleft()
            steps = tuple(self.step(s, 0) for s in self.graph.supporters_of(statement.id))
            trees.append(self._node(statement, steps, notes=False))
        return tuple(trees)

    def _node(
        self,
        statement: Statement,
        steps: tuple[Step, ...],
        *,
        notes: bool,
        shown: bool = False,
        continued: bool = False,
    ) -> Node:
        claim = self.values.claims.get(statement.id)
        support = self.values.support(statement.id)
        return Node(
            id=statement.id,
            kind=statement.kind.value,
            text=statement.text,
            hedge=statement.hedge.label if statement.hedge else None,
            standing=self.labels.of_statement(statement.id),
            claims=claim.label if claim else None,
            receives=support.label if support else None,
            established=statement.id in self.values.established,
            notes=self.index.notes_at(statement.id) if notes else (),
            attacks=self.attacks_on(statement.id) if notes else (),
            flagged=self.index.flags(statement.id),
            shown_above=shown,
            continued=continued,
            steps=steps,
        )

    def step(self, supporter: Supporter, depth: int) -> Step:
        links = []
        for ground in grounds(supporter):
            reasons = self.index.link_reasons(ground, supporter)
            premise = self.map.statement(ground)
            if premise is None:
                continue  # a reference to nothing (a map with errors): nothing to show
            links.append(
                Link(
                    status="weak" if reasons else "sound",
                    reasons=reasons,
                    premise=self.node(premise, depth + 1),
                )
            )
        inference = supporter if isinstance(supporter, Inference) else None
        warrant = self.map.statement(inference.warrant) if inference and inference.warrant else None
        return Step(
            id=supporter.id,
            kind="inference" if inference else "conditional",
            scheme=inference.scheme if inference else None,
            warrant=inference.warrant if inference else None,
            hedge=inference.hedge.label if inference and inference.hedge else None,
            standing=self.labels.of_step(supporter.id),
            gives=self.values.gives[supporter.id].label,
            notes=self.index.notes_at(supporter.id),
            attacks=self.attacks_on(supporter.id),
            open_questions=self.open_questions.get(supporter.id, 0),
            unexplained=supporter.id in self.index.at("W102"),
            links=tuple(links),
            warrant_node=self.node(warrant, depth + 1) if warrant else None,
            warrant_reasons=self.index.link_reasons(warrant.id, supporter) if warrant else (),
        )


def standing_rows(analysis: Analysis) -> tuple[StandingRow, ...]:
    """Every statement's standing, with why a statement is out or undecided (W301's and
    W303's words, and how it fares across the preferred readings)."""
    rows = []
    for statement in analysis.map.statements:
        label = analysis.labelling.of_statement(statement.id)
        reason = None
        if label is not Standing.IN:
            reason = "; ".join(analysis.explain(statement.id)) or label.value
            view = analysis.reading(statement.id)
            if view is not None and view.preferred:
                reason += (
                    f"; it holds in {view.preferred_in} of {view.preferred} preferred readings"
                )
        rows.append(
            StandingRow(id=statement.id, kind=statement.kind.value, standing=label, reason=reason)
        )
    return tuple(rows)


def strength_rows(analysis: Analysis, index: FindingIndex) -> tuple[StrengthRow, ...]:
    """What each supported statement claims against what its support gives; the verdict is
    the findings' (W105), so an overclaim the map allows is not called one."""
    given = set(index.findings)
    reported = index.at("W105") | {  # and the overclaims folded into a cause that is reported
        f.finding.subjects[0]
        for f in analysis.folded
        if f.finding.code == "W105" and f.into in given
    }
    found = analysis.found_at.get("W105", frozenset())
    rows = []
    for statement in analysis.map.statements:
        support = analysis.strengths.support(statement.id)
        if not analysis.graph.supporters_of(statement.id) or support is None:
            continue
        claim = analysis.strengths.claims.get(statement.id)
        verdict: Verdict
        if claim is None:
            verdict = "claims no range"
        elif statement.id in reported:
            verdict = "overclaim"
        elif statement.id in found:
            verdict = "allowed"
        else:
            verdict = "within its support"
        rows.append(
            StrengthRow(
                id=statement.id,
                kind=statement.kind.value,
                hedge=statement.hedge.label if statement.hedge else None,
                claims=claim.label if claim else None,
                receives=support.label,
                verdict=verdict,
            )
        )
    return tuple(rows)


def build_report(
    analysed: Analysis | ArgumentMap, findings: list[Diagnostic] | None = None
) -> Report:
    """The report on a map without errors, from its analysis (`Loaded.analysis`; a map is
    analysed first). `findings` defaults to the analysis's; pass a filtered list to report
    exactly those."""
    analysis = analysed if isinstance(analysed, Analysis) else analyse(analysed)
    argument_map = analysis.map
    chosen = analysis.findings if findings is None else findings
    found = [d for d in chosen if not d.is_error]
    index = FindingIndex(found)
    trees = SupportTrees(analysis, index)
    theses = tuple(trees.node(t) for t in argument_map.theses)
    continued = trees.continued()
    header = argument_map.header
    by_code = Counter(d.code for d in found)
    counts = Counts(
        statements=dict(Counter(s.kind.value for s in argument_map.statements)),
        inferences=len(argument_map.inferences),
        conditionals=len(argument_map.conditionals),
        attacks=len(argument_map.attacks),
        findings={plain(code, n): n for code, n in sorted(by_code.items())},
        warnings=sum(1 for d in found if d.severity is Severity.WARNING),
        infos=sum(1 for d in found if d.severity is Severity.INFO),
    )
    return Report(
        title=header.title,
        subtitle=header.subtitle,
        author=header.author,
        path=argument_map.path,
        counts=counts,
        theses=theses,
        continued=continued,
        weak_links=tuple(_finding(d) for d in found if matches(d.code, SUPPORT_CODES)),
        findings=tuple(_finding(d) for d in found),
        standing=standing_rows(analysis),
        strength=strength_rows(analysis, index),
        questions=tuple(q for q in analysis.questions if q.scheme is not None),
        other_side=other_side(analysis),
    )


def other_side(analysis: Analysis) -> tuple[OtherPoint, ...]:
    """The statements that are the other side's or the coach's (`Facts.side_of`), each with
    how the essay meets it: a point the author grants, answers (fully or weakly) or leaves
    standing. They are not the author's weak links; they are listed apart."""
    sides = analysis.facts.side_of
    attacks_by_attacker: dict[str, list[Attack]] = {}
    for attack in analysis.map.attacks:
        attacks_by_attacker.setdefault(attack.attacker, []).append(attack)
    points = []
    for statement in analysis.map.statements:
        side = sides.get(statement.id, Side.AUTHOR)
        if side is Side.AUTHOR:
            continue
        made = attacks_by_attacker.get(statement.id, [])
        if any(a.kind is AttackKind.CONCESSION for a in made):
            answer = "granted"
        elif not made:
            answer = "not an attack"
        elif all(analysis.answered_fully(a) for a in made):
            answer = "answered"
        elif all(analysis.is_answered(a) for a in made):
            answer = "answered weakly"
        else:
            answer = "unanswered"
        points.append(
            OtherPoint(id=statement.id, side=side.value, text=statement.text, answer=answer)
        )
    return tuple(points)


# ---- the summary: what the pages show beside the data -----------------------------------------


def _tally(count: int, singular: str, plural: str | None = None) -> Tally:
    return Tally(count=count, words=singular if count == 1 else plural or singular + "s")


def _weak_under(node: Node, continued: dict[str, Node]) -> tuple[int, int]:
    """(weak links, unexplained steps) in a thesis's tree, the parts continued below included,
    each counted once."""
    weak: set[tuple[str, str]] = set()
    unexplained: set[str] = set()
    todo = [node]
    walked: set[str] = set()
    while todo:
        current = todo.pop()
        if current.continued and current.id not in walked:
            walked.add(current.id)
            todo.append(continued[current.id])
        for step in current.steps:
            if step.unexplained:
                unexplained.add(step.id)
            for link in step.links:
                if link.status == "weak":
                    weak.add((link.premise.id, step.id))
                todo.append(link.premise)
            if step.warrant_node is not None:
                if step.warrant_reasons:  # an unbacked warrant is a weak link too (W101)
                    weak.add((step.warrant_node.id, step.id))
                todo.append(step.warrant_node)
    return len(weak), len(unexplained)


def _verdict(thesis: Node, continued: dict[str, Node]) -> ThesisVerdict:
    weak, unexplained = _weak_under(thesis, continued)
    return ThesisVerdict(
        id=thesis.id,
        standing=thesis.standing,
        fate=FATES[thesis.standing],
        weak_links=weak,
        unexplained_steps=unexplained,
    )


def summarise(report: Report) -> Summary:
    """The counts, verdicts and selections the report's pages show, from the report's data
    alone (so a Report read back from its JSON is summarised the same)."""
    counts = report.counts.statements
    continued = {tree.id: tree for tree in report.continued}
    warnings = Counter(f.code for f in report.findings if f.severity is Severity.WARNING)
    strength = tuple(StrengthVerdict(row=row, said=SAID[row.verdict]) for row in report.strength)
    by_standing = {
        label: tuple(row for row in report.standing if row.standing is label) for label in Standing
    }
    return Summary(
        statements=sum(counts.values()),
        kinds=tuple(
            _tally(counts[kind], kind, KIND_PLURALS.get(kind))
            for kind in (*KIND_ORDER, "condition")
            if counts.get(kind)
        ),
        theses=tuple(_verdict(thesis, continued) for thesis in report.theses),
        to_mend=tuple(Tally(count=n, words=plain(code, n)) for code, n in sorted(warnings.items())),
        strength=strength,
        # a flat claim claims too ("stated flatly"); only what claims nothing is listed apart
        hedged=tuple(verdict for verdict in strength if verdict.row.hedge or verdict.row.claims),
        unhedged=tuple(
            verdict.row.id
            for verdict in strength
            if not verdict.row.hedge and not verdict.row.claims
        ),
        holding=tuple(row.id for row in by_standing[Standing.IN]),
        defeated=by_standing[Standing.OUT],
        undecided=by_standing[Standing.UNDECIDED],
        open_questions=tuple(step for step in report.questions if step.open),
        others=tuple(
            f for f in report.findings if not matches(f.code, SUPPORT_CODES + QUESTION_CODES)
        ),
    )
