"""The report laid out once, for every medium: a small typed tree of blocks.

`document(report, summary)` says what the report says and in what order, in blocks a backend
only has to format (text.py, markdown.py; an HTML backend would be one more). Inline text is
spans: `Text`, `Strong` (an id to pick out), `Emphasis` (an aside). The blocks:

- `Heading(level, title, rest)`: 1 the report, 2 a section, 3 a tree in a section.
- `Line(spans)`: a line said whole, never wrapped (a byline, a key); lines in a row stay together.
- `Paragraph(spans)`: prose, wrapped to the medium.
- `Quote(spans)`: a statement's text, quoted whole.
- `Tree(items)`: a support tree; each `Item` has a mark (✓ ⚠ ← ✗ !) and its children.
- `List(items)`: items with a mark ("1.") or, without one, the medium's bullet; an item's
  `detail` is a paragraph under it (a finding's hint), not an item of its own.
- `Table(header, rows)`: cells of spans.
- `Alternatives(plain, rich)`: the same content said compactly, for plain text, and fully, for
  a medium with headings, quotes and tables.

An `Item` is `prose` when it may be wrapped; an item that names an element (a step, a link)
is a line of its own, kept whole so that the tree reads line by line.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis import Standing, StepQuestions
from argmap.model import AttackKind
from argmap.report.model import AttackNote, Finding, Node, Report, Step, Summary, Tally


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Strong:
    text: str


@dataclass(frozen=True)
class Emphasis:
    text: str


Span = Text | Strong | Emphasis
Spans = tuple[Span, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    title: str  # plain text sets it in capitals
    rest: str = ""  # after the title, never in capitals: the map's title, an id, an aside


@dataclass(frozen=True)
class Line:
    spans: Spans


@dataclass(frozen=True)
class Paragraph:
    spans: Spans


@dataclass(frozen=True)
class Quote:
    spans: Spans


@dataclass(frozen=True)
class Item:
    mark: str | None
    spans: Spans
    children: tuple[Item, ...] = ()
    prose: bool = False
    detail: Spans = ()


@dataclass(frozen=True)
class Tree:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class List:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Spans, ...], ...]


@dataclass(frozen=True)
class Alternatives:
    plain: tuple[Block, ...]
    rich: tuple[Block, ...]


Block = Heading | Line | Paragraph | Quote | Tree | List | Table | Alternatives
Document = tuple[Block, ...]

SOUND, WEAK, ATTACK, STEP, NOTE = "✓", "⚠", "✗", "←", "!"
SHORT = 80  # the most characters of a statement's text on the line that names it


def _plural(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else word + 's'}"


def _count(count: int, word: str) -> str:
    return f"no {word}s" if count == 0 else _plural(count, word)


def _tallies(tallies: tuple[Tally, ...]) -> str:
    return ", ".join(f"{t.count} {t.words}" for t in tallies)


def clip(text: str, most: int) -> str:
    """The text, or as many of its first words as fit in `most` characters with "…" after
    them (a single word longer than that is cut inside it)."""
    if len(text) <= most:
        return text
    head = text[:most]  # one character more than is kept: a space there ends a whole word
    space = head.rfind(" ")
    kept = head[:space] if space > 0 else text[: most - 1]
    return kept.rstrip(" ,;:") + "…"


def _short(text: str) -> str:
    return clip(text, SHORT)


def _mark(weak_link: bool, premise: Node) -> str:
    """⚠ when a finding concerns the link or the statement it brings in (shown here or above),
    ✓ only when none does: the marks always agree with the findings."""
    return WEAK if weak_link or premise.flagged else SOUND


# ---- what each element is called on its line --------------------------------------------------


def _node_rest(node: Node) -> str:
    """What follows a statement's id on the line that names it."""
    tags = [node.kind]
    if node.hedge:
        tags.append(node.hedge)
    if node.established and node.kind != "evidence":
        tags.append("established")
    return f" ({', '.join(tags)}; {node.standing.value}): {_short(node.text)}"


def _where(node: Node) -> Spans:
    """Where a node's tree is, when it is not under it."""
    if node.shown_above:
        return (Text(" "), Emphasis("(shown above)"))
    if node.continued:
        return (Text(" "), Emphasis("(continued below)"))
    return ()


def _attack(attack: AttackNote) -> Item:
    verb = "rebuts it" if attack.kind is AttackKind.REBUT else "undercuts this step"
    fate = {
        Standing.IN: "the answer fails" if attack.answered else "unanswered: it stands",
        Standing.OUT: "answered",
        Standing.UNDECIDED: "unresolved",
    }[attack.standing]
    return Item(ATTACK, (Text(f"'{attack.attacker}' {verb} ({fate})"),))


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
    return f"{step.id} ({'; '.join(how)}; gives {step.gives}{out})"


# ---- the support trees ------------------------------------------------------------------------


def _notes(notes: tuple[str, ...]) -> tuple[Item, ...]:
    return tuple(Item(NOTE, (Text(note),), prose=True) for note in notes)


def _reasons(reasons: tuple[str, ...]) -> tuple[Item, ...]:
    return tuple(Item(None, (Emphasis(reason),), prose=True) for reason in reasons)


def _under(node: Node) -> tuple[Item, ...]:
    """The items under a statement: its notes, the attacks on it, and its steps."""
    if node.shown_above:
        return ()
    items = [*_notes(node.notes), *map(_attack, node.attacks)]
    for step in node.steps:
        children = [*_notes(step.notes), *map(_attack, step.attacks)]
        for link in step.links:
            premise = link.premise
            spans = (Strong(premise.id), Text(_node_rest(premise)), *_where(premise))
            mark = _mark(link.status == "weak", premise)
            children.append(Item(mark, spans, (*_reasons(link.reasons), *_under(premise))))
        if step.warrant_node is not None:
            warrant = step.warrant_node
            spans = (Text("warrant "), Strong(warrant.id), Text(_node_rest(warrant)))
            mark = _mark(bool(step.warrant_reasons), warrant)
            under = (*_reasons(step.warrant_reasons), *_under(warrant))
            children.append(Item(mark, (*spans, *_where(warrant)), under))
        items.append(Item(STEP, (Text(_step_line(step)),), tuple(children)))
    return tuple(items)


def _tree(label: str, node: Node, facts: bool) -> Document:
    """A thesis (or a tree continued) headed by its statement, then its support tree."""
    rest = ": " if label == "Continued" else " "
    rich: list[Block] = [Heading(3, label, rest + node.id), Quote((Text(node.text),))]
    if facts:
        hedge = f"; hedged {node.hedge}" if node.hedge else ""
        rich.append(Paragraph((Text(f"{node.kind}; {node.standing.value}{hedge}"),)))
    plain = (Heading(3, label, f" {node.id}{_node_rest(node)}"),)
    return (Alternatives(plain, tuple(rich)), Tree(_under(node)))


# ---- the sections -----------------------------------------------------------------------------


def _title(report: Report) -> Document:
    blocks: list[Block] = [
        Heading(1, "Argument report", f": {report.title or report.path or 'untitled map'}")
    ]
    byline = " — ".join(x for x in (report.subtitle, report.author) if x)
    if byline:
        blocks.append(Alternatives((Line((Text(byline),)),), (Line((Emphasis(byline),)),)))
    if report.path:
        blocks.append(Alternatives((Line((Text(f"map: {report.path}"),)),), ()))
    return tuple(blocks)


def _glance(report: Report, summary: Summary) -> Document:
    counts = report.counts
    lines = [
        f"{_plural(summary.statements, 'statement')}: {_tallies(summary.kinds)}",
        f"{_plural(counts.inferences, 'step')}, {_plural(counts.conditionals, 'conditional')}, "
        f"{_plural(counts.attacks, 'attack')}",
    ]
    lines += [
        f"thesis '{v.id}' {v.fate}; its support has {_count(v.weak_links, 'weak link')} and "
        f"{_count(v.unexplained_steps, 'unexplained step')}"
        for v in summary.theses
    ]
    if counts.warnings:
        lines.append(f"{_plural(counts.warnings, 'thing')} to mend: {_tallies(summary.to_mend)}")
    else:
        lines.append("nothing to mend: no warnings")
    if counts.infos:
        lines.append(f"{_plural(counts.infos, 'step')} with critical questions still open")
    return (Heading(2, "At a glance"), List(tuple(Item(None, (Text(x),)) for x in lines)))


def _theses(report: Report) -> Document:
    marks = (
        f"{SOUND} sound link",
        f"{WEAK} weak link or flagged statement",
        f"{ATTACK} attack",
        f"{STEP} a step (and what it gives)",
    )
    key = "in, out or undecided: standing under attack"
    blocks: list[Block] = [
        Heading(2, "The theses and their support"),
        Alternatives(
            (Line((Text(f"{', '.join(marks)}; {key}"),)),),
            (Line((Text(" · ".join((*marks, key))),)),),
        ),
    ]
    if not report.theses:
        blocks.append(
            Line((Text("The map has no thesis: nothing says what the essay argues for."),))
        )
    for thesis in report.theses:
        blocks += _tree("Thesis", thesis, facts=True)
    for tree in report.continued:
        blocks += _tree("Continued", tree, facts=False)
    return tuple(blocks)


def _finding(mark: str, finding: Finding) -> Item:
    where = f" (line {finding.line})" if finding.line else ""
    spans = (Strong(finding.kind.capitalize()), Text(f"{where}: {finding.message}"))
    detail = (Emphasis("How to mend it:"), Text(f" {finding.hint}")) if finding.hint else ()
    return Item(mark, spans, prose=True, detail=detail)


def _findings(
    heading: Heading, findings: tuple[Finding, ...], numbered: bool, none: str
) -> Document:
    if not findings:
        return (heading, Paragraph((Text(none),)))
    marks = [f"{n}." if numbered else "-" for n in range(1, len(findings) + 1)]
    return (heading, List(tuple(map(_finding, marks, findings))))


def _strength(summary: Summary) -> Document:
    plain: list[Block] = []
    if summary.hedged:
        width = max(len(v.row.id) for v in summary.hedged)
        for verdict in summary.hedged:
            row = verdict.row
            claims = (
                f"stated flatly · {row.claims}"
                if not row.hedge
                else f"claims {row.hedge}"
                if row.claims
                else f"says {row.hedge}: no range"
            )
            said = verdict.said.upper() if row.verdict == "overclaim" else verdict.said
            line = f"{row.id:<{width}}  {claims:<34} support gives {row.receives:<9} {said}"
            plain.append(Line((Text(line),)))
    if summary.unhedged:
        unhedged = ", ".join(summary.unhedged)
        plain.append(
            Paragraph((Text(f"Unhedged, so claiming no particular strength: {unhedged}"),))
        )
    if not plain:
        plain.append(Line((Text("No statement is supported by a step."),)))
    rows = tuple(
        (
            (Text(v.row.id),),
            (Text(v.row.hedge or "stated flatly"),),
            (Text(v.row.claims or "—"),),
            (Text(v.row.receives),),
            (Strong(v.said) if v.row.verdict == "overclaim" else Text(v.said),),
        )
        for v in summary.strength
    )
    header = ("statement", "hedge", "claims", "support gives", "verdict")
    return (
        Heading(2, "What each conclusion claims, against what its support gives"),
        Alternatives(tuple(plain), (Table(header, rows),)),
    )


def _standing(summary: Summary) -> Document:
    holding = ", ".join(summary.holding) or "none"
    items = [Item(None, (Text(f"in ({len(summary.holding)}): {holding}"),), prose=True)]
    for label, rows in ((Standing.OUT, summary.defeated), (Standing.UNDECIDED, summary.undecided)):
        reasons = tuple(Item(None, (Text(f"{r.id}: {r.reason}"),), prose=True) for r in rows)
        none = "" if rows else " none"
        items.append(
            Item(None, (Text(f"{label.value} ({len(rows)}):{none}"),), reasons, prose=True)
        )
    return (Heading(2, "Standing under attack", " (grounded semantics)"), List(tuple(items)))


def _question(step: StepQuestions) -> Item:
    premises = ", ".join(repr(p) for p in step.premises)
    scheme = (step.scheme_title or "").lower()
    line = f"{step.inference} (line {step.line}, {scheme}): '{step.conclusion}' from {premises}"
    questions = []
    for question in step.questions:
        answered = "" if question.is_open else f" {SOUND} answered by '{question.answered_by}'"
        text = f"{question.number}. {question.text}{answered}"
        questions.append(Item(None, (Text(text),), prose=True))
    return Item(None, (Text(line),), tuple(questions), prose=True)


def _questions(summary: Summary) -> Document:
    items = tuple(map(_question, summary.open_questions))
    none = "None: every step with a scheme has its questions answered."
    return (
        Heading(2, "Open critical questions"),
        List(items or (Item(None, (Text(none),), prose=True),)),
    )


def document(report: Report, summary: Summary) -> Document:
    """The whole report as blocks, in the order every medium shows them."""
    return (
        *_title(report),
        *_glance(report, summary),
        *_theses(report),
        *_findings(
            Heading(2, "Weak links, and how to mend them"), report.weak_links, True, "None found."
        ),
        *_strength(summary),
        *_standing(summary),
        *_questions(summary),
        *_findings(
            Heading(2, "Other findings: hedges, attacks, the map's shape"),
            summary.others,
            False,
            "None.",
        ),
        *_other_side(report),
    )


def _other_side(report: Report) -> Document:
    """The other side's and the coach's points, apart from the author's reasoning: findings
    about their reasoning are not the author's weak links; how the essay meets each is."""
    if not report.other_side:
        return ()
    whose = {"other": "the other side", "coach": "the coach"}
    items = tuple(
        Item(
            "-",
            (
                Strong(point.id),
                Text(f" ({whose.get(point.side, point.side)}; {point.answer}): "),
                Text(point.text),
            ),
            prose=True,
        )
        for point in report.other_side
    )
    return (Heading(2, "The other side's points, and how the essay meets them"), List(items))
