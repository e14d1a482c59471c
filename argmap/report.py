"""The coach's report on a map: what holds, what is weak and why, how to mend it.

`build_report(map, findings)` gathers the data (pydantic models, so `model_dump_json()` is the
report as JSON); `format_text` and `format_markdown` lay it out for people. The report is for a
map without errors: the analysis of a malformed map would mislead.
"""

from __future__ import annotations

import textwrap
from collections import Counter, deque
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from argmap.analysis import Analysis, Standing, StepQuestions, analyse
from argmap.analysis.calculus import claimed
from argmap.analysis.graph import Supporter, grounds
from argmap.codes import About, lookup
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import ArgumentMap, AttackKind, Inference, Statement

MAX_DEPTH = 10
"""The most steps a support tree is drawn deep; deeper, it continues after the theses."""


def plain(code: str, count: int = 1) -> str:
    """What the report calls `count` findings of a code (argmap.codes has the words)."""
    return lookup(code).words(count)


def _about_link(code: str) -> bool:
    """Findings about a link are shown at the link."""
    return lookup(code).about is About.LINK


def _quiet(code: str) -> bool:
    """Findings shown at a link, and open questions, are not repeated as notes in the tree."""
    return _about_link(code) or lookup(code).severity is Severity.INFO


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


# ---- building ---------------------------------------------------------------------------------


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


class _Builder:
    """Builds the report's data from the findings and argmap.analysis, with every finding
    indexed once by its anchor and by its links, so that each element costs a look-up."""

    def __init__(self, analysis: Analysis, findings: list[Diagnostic]) -> None:
        self.analysis = analysis
        self.map = analysis.map
        self.findings = findings
        self.graph = analysis.graph
        self.values = analysis.strengths
        self.labels = analysis.labelling
        self.seen: set[str] = set()
        self.pending: deque[Statement] = deque()  # cut off at MAX_DEPTH, continued after theses
        self.open_questions = {q.inference: len(q.open) for q in analysis.questions if q.scheme}
        self.notes: dict[str, list[str]] = {}
        self.reasons: dict[tuple[str, str], list[str]] = {}
        self.anchored: dict[str, set[str]] = {}  # code -> the anchors of its findings
        for d in findings:
            anchor = d.subjects[0] if d.subjects else None
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
        claim = claimed(statement.hedge)
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
            notes=self.notes_at(statement.id) if notes else (),
            attacks=self.attacks_on(statement.id) if notes else (),
            shown_above=shown,
            continued=continued,
            steps=steps,
        )

    def step(self, supporter: Supporter, depth: int) -> Step:
        links = []
        for ground in grounds(supporter):
            reasons = self.link_reasons(ground, supporter)
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
        is_inference = isinstance(supporter, Inference)
        warrant = (
            self.map.statement(supporter.warrant)
            if isinstance(supporter, Inference) and supporter.warrant
            else None
        )
        return Step(
            id=supporter.id,
            kind="inference" if is_inference else "conditional",
            scheme=supporter.scheme if isinstance(supporter, Inference) else None,
            warrant=supporter.warrant if isinstance(supporter, Inference) else None,
            hedge=supporter.hedge.label
            if isinstance(supporter, Inference) and supporter.hedge
            else None,
            standing=self.labels.of_step(supporter.id),
            gives=self.values.gives[supporter.id].label,
            notes=self.notes_at(supporter.id),
            attacks=self.attacks_on(supporter.id),
            open_questions=self.open_questions.get(supporter.id, 0),
            unexplained=supporter.id in self.anchored.get("W102", set()),
            links=tuple(links),
            warrant_node=self.node(warrant, depth + 1) if warrant else None,
            warrant_reasons=self.link_reasons(warrant.id, supporter) if warrant else (),
        )

    def standing_rows(self) -> tuple[StandingRow, ...]:
        rows = []
        for statement in self.map.statements:
            label = self.labels.of_statement(statement.id)
            reason = None
            if label is not Standing.IN:
                reason = "; ".join(self.analysis.explain(statement.id)) or label.value
                view = self.analysis.reading(statement.id)
                if view is not None and view.preferred:
                    reason += (
                        f"; it holds in {view.preferred_in} of {view.preferred} preferred readings"
                    )
            rows.append(
                StandingRow(
                    id=statement.id, kind=statement.kind.value, standing=label, reason=reason
                )
            )
        return tuple(rows)

    def strength_rows(self) -> tuple[StrengthRow, ...]:
        """What each supported statement claims against what its support gives; the verdict is
        the findings' (W105), so an overclaim the map allows is not called one."""
        reported = self.anchored.get("W105", set())
        found = self.analysis.found_at.get("W105", frozenset())
        rows = []
        for statement in self.map.statements:
            support = self.values.support(statement.id)
            if not self.graph.supporters_of(statement.id) or support is None:
                continue
            claim = claimed(statement.hedge)
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
    builder = _Builder(analysis, found)
    theses = tuple(builder.node(t) for t in argument_map.theses)
    continued = builder.continued()
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
        weak_links=tuple(_finding(d) for d in found if d.code.startswith("W1")),
        findings=tuple(_finding(d) for d in found),
        standing=builder.standing_rows(),
        strength=builder.strength_rows(),
        questions=tuple(q for q in analysis.questions if q.scheme is not None),
    )


# ---- formatting -------------------------------------------------------------------------------

SOUND, WEAK = "✓", "⚠"
_WIDTH = 100


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


_KIND_ORDER = ("thesis", "claim", "premise", "evidence", "assumption", "prediction", "objection")
_KIND_PLURALS = {"thesis": "theses", "evidence": "evidence"}


def _kinds(counts: dict[str, int]) -> str:
    order = [*_KIND_ORDER, "condition"]
    return ", ".join(_plural(counts[k], k, _KIND_PLURALS.get(k)) for k in order if counts.get(k))


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


def _verdict(thesis: Node, continued: dict[str, Node]) -> str:
    fate = {
        Standing.IN: "stands against the attacks in the map",
        Standing.OUT: "is defeated by an attack",
        Standing.UNDECIDED: "is left undecided by the attacks in the map",
    }[thesis.standing]
    weak, unexplained = _weak_under(thesis, continued)
    return (
        f"thesis '{thesis.id}' {fate}; its support has {_count(weak, 'weak link')} and "
        f"{_count(unexplained, 'unexplained step')}"
    )


def _count(count: int, word: str) -> str:
    return f"no {word}s" if count == 0 else _plural(count, word)


def _glance(report: Report) -> list[str]:
    counts = report.counts
    total = sum(counts.statements.values())
    lines = [
        f"{_plural(total, 'statement')}: {_kinds(counts.statements)}",
        f"{_plural(counts.inferences, 'step')}, {_plural(counts.conditionals, 'conditional')}, "
        f"{_plural(counts.attacks, 'attack')}",
    ]
    continued = {tree.id: tree for tree in report.continued}
    lines += [_verdict(thesis, continued) for thesis in report.theses]
    if counts.warnings:
        kinds = Counter(f.code for f in report.findings if f.severity is Severity.WARNING)
        listed = ", ".join(f"{n} {plain(code, n)}" for code, n in sorted(kinds.items()))
        lines.append(f"{_plural(counts.warnings, 'thing')} to mend: {listed}")
    else:
        lines.append("nothing to mend: no warnings")
    if counts.infos:
        lines.append(f"{_plural(counts.infos, 'step')} with critical questions still open")
    return lines


def _node_line(node: Node) -> str:
    tags = [node.kind]
    if node.hedge:
        tags.append(node.hedge)
    if node.established and node.kind != "evidence":
        tags.append("established")
    return f"{node.id} ({', '.join(tags)}; {node.standing.value}): {_short(node.text)}"


def _attack_line(attack: AttackNote) -> str:
    verb = "rebuts it" if attack.kind is AttackKind.REBUT else "undercuts this step"
    fate = {
        Standing.IN: "the answer fails" if attack.answered else "unanswered: it stands",
        Standing.OUT: "answered",
        Standing.UNDECIDED: "unresolved",
    }[attack.standing]
    return f"✗ '{attack.attacker}' {verb} ({fate})"


def _step_line(step: Step) -> str:
    how = []
    if step.kind == "conditional":
        how.append("if … then")
    if step.scheme:
        how.append(f"scheme: {step.scheme}")
    if step.warrant:
        how.append(f"warrant: {step.warrant}")
    if step.hedge:
        how.append(f"hedged {step.hedge}")
    if step.kind == "inference" and not step.scheme and not step.warrant:
        how.append("no warrant or scheme")
    if step.open_questions:
        how.append(f"{_plural(step.open_questions, 'question')} open")
    out = "" if step.standing is Standing.IN else f"; {step.standing.value}"
    return f"← {step.id} ({'; '.join(how)}; gives {step.gives}{out})"


def _wrap(text: str, indent: str, hang: str = "  ") -> list[str]:
    return textwrap.wrap(
        text,
        width=max(_WIDTH, len(indent) + 40),
        initial_indent=indent,
        subsequent_indent=indent + hang,
        break_on_hyphens=False,
    )


def _where(node: Node, emphasis: str = "") -> str:
    """Where a node's tree is, when it is not under it."""
    if node.shown_above:
        return f" {emphasis}(shown above){emphasis}"
    if node.continued:
        return f" {emphasis}(continued below){emphasis}"
    return ""


def _tree_text(node: Node, indent: str, out: list[str]) -> None:
    if node.shown_above:
        return
    for note in node.notes:
        out += _wrap(f"! {note}", indent + "  ")
    for attack in node.attacks:
        out.append(f"{indent}  {_attack_line(attack)}")
    for step in node.steps:
        out.append(f"{indent}  {_step_line(step)}")
        for note in step.notes:
            out += _wrap(f"! {note}", indent + "      ")
        for attack in step.attacks:
            out.append(f"{indent}      {_attack_line(attack)}")
        for link in step.links:
            mark = SOUND if link.status == "sound" else WEAK
            seen = _where(link.premise)
            out.append(f"{indent}      {mark} {_node_line(link.premise)}{seen}")
            for reason in link.reasons:
                out += _wrap(reason, indent + "          ")
            _tree_text(link.premise, indent + "        ", out)
        if step.warrant_node is not None:
            seen = _where(step.warrant_node)
            mark = WEAK if step.warrant_reasons else SOUND
            out.append(f"{indent}      {mark} warrant {_node_line(step.warrant_node)}{seen}")
            for reason in step.warrant_reasons:
                out += _wrap(reason, indent + "          ")
            _tree_text(step.warrant_node, indent + "        ", out)


def _said(verdict: Verdict) -> str:
    return "above its support (allowed)" if verdict == "allowed" else verdict


def _strength_lines(report: Report) -> list[str]:
    hedged = [r for r in report.strength if r.hedge]
    plain_rows = [r.id for r in report.strength if not r.hedge]
    lines: list[str] = []
    if hedged:
        width = max(len(r.id) for r in hedged)
        for row in hedged:
            claims = f"claims {row.hedge}" if row.claims else f"says {row.hedge}: no range"
            verdict = {"overclaim": "OVERCLAIM"}.get(row.verdict, _said(row.verdict))
            lines.append(
                f"{row.id:<{width}}  {claims:<34} support gives {row.receives:<9} {verdict}"
            )
    if plain_rows:
        lines += _wrap(
            f"Unhedged, so claiming no particular strength: {', '.join(plain_rows)}", "", ""
        )
    return lines or ["No statement is supported by a step."]


def _standing_items(report: Report) -> list[tuple[int, str]]:
    """(level, text) lines, laid out by each format."""
    items: list[tuple[int, str]] = []
    holding = [r.id for r in report.standing if r.standing is Standing.IN]
    items.append((0, f"in ({len(holding)}): " + (", ".join(holding) or "none")))
    for label in (Standing.OUT, Standing.UNDECIDED):
        rows = [r for r in report.standing if r.standing is label]
        items.append((0, f"{label.value} ({len(rows)}):" + ("" if rows else " none")))
        items += [(1, f"{row.id}: {row.reason}") for row in rows]
    return items


def _question_items(report: Report) -> list[tuple[int, str]]:
    items: list[tuple[int, str]] = []
    for step in report.questions:
        if not step.open:
            continue
        items.append(
            (
                0,
                f"{step.inference} (line {step.line}, {(step.scheme_title or '').lower()}): "
                f"'{step.conclusion}' from {', '.join(repr(p) for p in step.premises)}",
            )
        )
        for question in step.questions:
            answered = "" if question.is_open else f" {SOUND} answered by '{question.answered_by}'"
            items.append((1, f"{question.number}. {question.text}{answered}"))
    return items or [(0, "None: every step with a scheme has its questions answered.")]


def _text_items(items: list[tuple[int, str]]) -> list[str]:
    lines: list[str] = []
    for level, text in items:
        lines += _wrap(("- " if level else "") + text, "  " + "  " * level, "  ")
    return lines


def _md_items(items: list[tuple[int, str]]) -> list[str]:
    return [f"{'  ' * level}- {_md(text)}" for level, text in items]


def _others(report: Report) -> list[Finding]:
    return [f for f in report.findings if not f.code.startswith("W1") and f.code != "I401"]


def _item(number: str, item: Finding, indent: str) -> list[str]:
    where = f" (line {item.line})" if item.line else ""
    lines = _wrap(f"{number} {item.kind.capitalize()}{where}: {item.message}", indent, "   ")
    if item.hint:
        lines += _wrap(f"How to mend it: {item.hint}", indent + "   ", "  ")
    return lines


def format_text(report: Report) -> str:
    """The report as plain text, for a terminal or a printout."""
    out = [f"ARGUMENT REPORT: {report.title or report.path or 'untitled map'}"]
    byline = " — ".join(x for x in (report.subtitle, report.author) if x)
    out += [byline] if byline else []
    out += [f"map: {report.path}"] if report.path else []
    out += ["", "AT A GLANCE"] + [f"  {line}" for line in _glance(report)]
    out += ["", "THE THESES AND THEIR SUPPORT"]
    out += [
        f"  {SOUND} sound link, {WEAK} weak link, ✗ attack, ← a step (and what it gives); "
        "in, out or undecided: standing under attack"
    ]
    if not report.theses:
        out.append("  The map has no thesis: nothing says what the essay argues for.")
    for thesis in report.theses:
        out += ["", f"  THESIS {_node_line(thesis)}"]
        _tree_text(thesis, "  ", out)
    for tree in report.continued:
        out += ["", f"  CONTINUED {_node_line(tree)}"]
        _tree_text(tree, "  ", out)
    out += ["", "WEAK LINKS, AND HOW TO MEND THEM"]
    for number, item in enumerate(report.weak_links, start=1):
        out += _item(f"{number}.", item, "  ")
    out += [] if report.weak_links else ["  None found."]
    out += ["", "WHAT EACH CONCLUSION CLAIMS, AGAINST WHAT ITS SUPPORT GIVES"]
    out += [f"  {line}" for line in _strength_lines(report)]
    out += ["", "STANDING UNDER ATTACK (grounded semantics)"]
    out += _text_items(_standing_items(report))
    out += ["", "OPEN CRITICAL QUESTIONS"]
    out += _text_items(_question_items(report))
    out += ["", "OTHER FINDINGS: HEDGES, ATTACKS, THE MAP'S SHAPE"]
    for item in _others(report):
        out += _item("-", item, "  ")
    out += [] if _others(report) else ["  None."]
    return "\n".join(out) + "\n"


# ---- markdown ---------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text safe inside a Markdown line: no accidental emphasis, links, tags or tables."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def _tree_markdown(node: Node, depth: int, out: list[str]) -> None:
    if node.shown_above:
        return
    pad = "  " * depth
    out += [f"{pad}- ! {_md(note)}" for note in node.notes]
    out += [f"{pad}- {_md(_attack_line(attack))}" for attack in node.attacks]
    for step in node.steps:
        out.append(f"{pad}- {_md(_step_line(step))}")
        out += [f"{pad}  - ! {_md(note)}" for note in step.notes]
        out += [f"{pad}  - {_md(_attack_line(attack))}" for attack in step.attacks]
        for link in step.links:
            mark = SOUND if link.status == "sound" else WEAK
            seen = _where(link.premise, "*")
            rest = _node_line(link.premise)[len(link.premise.id) :]
            out.append(f"{pad}  - {mark} **{_md(link.premise.id)}**{_md(rest)}{seen}")
            out += [f"{pad}    - *{_md(reason)}*" for reason in link.reasons]
            _tree_markdown(link.premise, depth + 2, out)
        if step.warrant_node is not None:
            warrant = step.warrant_node
            seen = _where(warrant, "*")
            rest = _node_line(warrant)[len(warrant.id) :]
            mark = WEAK if step.warrant_reasons else SOUND
            out.append(f"{pad}  - {mark} warrant **{_md(warrant.id)}**{_md(rest)}{seen}")
            out += [f"{pad}    - *{_md(reason)}*" for reason in step.warrant_reasons]
            _tree_markdown(warrant, depth + 2, out)


def _md_item(number: str, item: Finding) -> list[str]:
    where = f" (line {item.line})" if item.line else ""
    lines = [f"{number} **{item.kind.capitalize()}**{where}: {_md(item.message)}"]
    if item.hint:
        lines.append(f"{' ' * (len(number) + 1)}*How to mend it:* {_md(item.hint)}")
    return lines


def format_markdown(report: Report) -> str:
    """The report as Markdown, to hand back or publish."""
    out = [f"# Argument report: {_md(report.title or report.path or 'untitled map')}", ""]
    byline = " — ".join(x for x in (report.subtitle, report.author) if x)
    out += [f"*{_md(byline)}*", ""] if byline else []
    out += ["## At a glance", ""] + [f"- {_md(line)}" for line in _glance(report)]
    out += ["", "## The theses and their support", ""]
    out.append(
        f"{SOUND} sound link · {WEAK} weak link · ✗ attack · ← a step (and what it gives) · "
        "in, out or undecided: standing under attack"
    )
    for thesis in report.theses:
        out += ["", f"### Thesis {_md(thesis.id)}", "", f"> {_md(thesis.text)}", ""]
        hedge = f"; hedged {_md(thesis.hedge)}" if thesis.hedge else ""
        out += [f"{thesis.kind}; {thesis.standing.value}{hedge}", ""]
        _tree_markdown(thesis, 0, out)
    for tree in report.continued:
        out += ["", f"### Continued: {_md(tree.id)}", "", f"> {_md(tree.text)}", ""]
        _tree_markdown(tree, 0, out)
    if not report.theses:
        out.append("The map has no thesis: nothing says what the essay argues for.")
    out += ["", "## Weak links, and how to mend them", ""]
    for number, item in enumerate(report.weak_links, start=1):
        out += _md_item(f"{number}.", item)
    out += [] if report.weak_links else ["None found."]
    out += ["", "## What each conclusion claims, against what its support gives", ""]
    out += ["| statement | hedge | claims | support gives | verdict |"]
    out += ["| --- | --- | --- | --- | --- |"]
    for row in report.strength:
        verdict = "**overclaim**" if row.verdict == "overclaim" else _said(row.verdict)
        out.append(
            f"| {_md(row.id)} | {_md(row.hedge or '—')} | {row.claims or '—'} | "
            f"{row.receives} | {verdict} |"
        )
    out += ["", "## Standing under attack (grounded semantics)", ""]
    out += _md_items(_standing_items(report))
    out += ["", "## Open critical questions", ""]
    out += _md_items(_question_items(report))
    out += ["", "## Other findings: hedges, attacks, the map's shape", ""]
    for item in _others(report):
        out += _md_item("-", item)
    out += [] if _others(report) else ["None."]
    return "\n".join(out) + "\n"


def format_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": format_text,
    "markdown": format_markdown,
    "json": format_json,
}


def format_report(report: Report, output_format: str = "text") -> str:
    """The report in one of FORMATS: text, markdown or json."""
    return FORMATS[output_format](report)
