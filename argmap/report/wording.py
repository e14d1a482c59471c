"""How to tell a student about a finding: what is wrong and what would fix it, in plain words,
in the second person, quoting the student's own words.

`SAYINGS` is the table, one `Saying` per code (a code can have variants, "W105/if" for an
overclaim that rests on an "if"): add a code by adding a line. A code the table does not know
(a new check) is told by `generic`, from the registry's plain words and the kind of weakness
its code is, so a new code never crashes the report nor prints its code.

A saying is a pair of templates. Their fields are the student's words (each in curly quotes,
cut after a whole word) and plain words for how sure a sentence is (`how_sure`), worked out
by `fields` from the finding and the analysis; a field a finding cannot fill reads as "this".
The ranges are the ones the analysis used: `claimed` and the calculus's support, never the
hedge word's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from argmap import hedges
from argmap.analysis import Analysis
from argmap.analysis.calculus import Strength
from argmap.analysis.graph import Supporter, grounds, target_of
from argmap.codes import Weakness, lookup
from argmap.diagnostics import Diagnostic
from argmap.hedges import HedgeRow
from argmap.model import Attack, Conditional, Inference, Qualifier, Statement, StatementKind
from argmap.report.layout import clip
from argmap.words import with_article

QUOTE_CHARS = 70  # the most characters of the student's words quoted in a sentence
PAIR_CHARS = 50  # ... when a sentence quotes two passages side by side (a step's two ends)


@dataclass(frozen=True)
class Saying:
    """How to tell a student about a finding of one code: what is wrong, and what would fix it
    (templates over `fields`). `covers`: codes whose findings about the same thing this one
    already tells (an overclaim on an "if" tells its unestablished condition)."""

    wrong: str
    fix: str
    covers: tuple[str, ...] = ()
    again: str | None = None  # `wrong` when the problem has quoted the statement already


SAYINGS: Mapping[str, Saying] = MappingProxyType(
    {
        "W101": Saying(
            "You say {said} but don't say where that comes from or why it is true.",
            "Name the source, or give a reason or an example.",
        ),
        "W102": Saying(
            "You don't say why {premises} {leads} to {conclusion}.",
            "Say why, in a sentence that starts “This is because …”.",
        ),
        "W103": Saying(
            "You state {said} but give nothing to back it up.",
            "Give a reason, a fact or an example for it.",
        ),
        "W104": Saying(
            "Your reasons go round in a circle: {said} rests on {second}, which rests on {said}.",
            "Find a reason for one of them that does not depend on the other.",
        ),
        "W105": Saying(
            "You write {said} as if it were {claims}, but what you give for it makes it {gives}"
            " at most.",
            "Say it that surely and no more, or give stronger support.",
        ),
        "W105/if": Saying(
            "You write {said}, but that depends on {condition}, and you never show that this"
            " will happen.",
            "Show that it will, or say it less surely.",
            covers=("W106",),
        ),
        "W105/none": Saying(
            "You write {said} as if it were {claims}, but nothing you give shows it.",
            "Back it up, or say it less surely.",
        ),
        "W106": Saying(
            "You write {said} as if it will happen, but it depends on {condition}, and you"
            " never show that.",
            "Show that it will happen, or keep the sentence an “if”.",
        ),
        "W201": Saying(
            "You write {said}: {hedges} say different things about how sure you are.",
            "Pick one — how likely do you think it is?",
            covers=("W202",),
            again="Also, {hedges} say different things about how sure you are.",
        ),
        "W202": Saying(
            "You write {said}: {vague} says only that it could happen, not how likely it is.",
            "Say how likely you think it is, with a word like “likely” or “unlikely”.",
            again="Also, {vague} says only that it could happen, not how likely it is.",
        ),
        "W203": Saying(
            "You describe how likely things are with words from two different lists, as in {said}.",
            "Stick to one set of words throughout the essay.",
        ),
        "W204": Saying(
            "You write {said}, which says both how likely it is and how sure you are of it.",
            "Say one of the two.",
        ),
        "W301": Saying(
            "As the essay stands, {attacker} knocks down {said}, and nothing answers it.",
            "Answer that objection, or rest your point on a different reason.",
            covers=("W302",),
        ),
        "W302": Saying(
            "{attacker} speaks against {target}, and the essay never answers it.",
            "Answer it: say why it does not hold, or why your point stands anyway.",
        ),
        "W303": Saying(
            "The essay leaves it open whether {said} or {attacker} wins.",
            "Say which one holds, and why.",
        ),
        "I401": Saying(
            "A reader could ask about your reason for {conclusion}: {question}",
            "Answer that question in the essay.",
        ),
        "W501": Saying(
            "You write {said}, but it does not connect to your main point.",
            "Say how it helps your argument, or leave it out.",
        ),
        "W502": Saying(
            "The essay never says plainly what it is arguing for.",
            "State your main point in one sentence, near the start.",
        ),
        # Codes of the analysis being written on another branch: told as soon as they exist.
        "W107": Saying(
            "You say {said} but don't say where that comes from.",
            "Name the source.",
        ),
        "W108": Saying(
            "You back {said} with a source a reader may not trust.",
            "Find a more reliable source, or say why this one can be trusted.",
        ),
        "W304": Saying(
            "{attacker} speaks against {target}, and your answer to it is thin: it meets only "
            "part of the point, or you give no reason for it.",
            "Answer the whole point, and back your answer with a fact or a source.",
        ),
        "W305": Saying(
            "You use {said} as one of your reasons, but it is a point against you.",
            "If you do hold it, say so and say why; if not, give another reason.",
        ),
        "W306": Saying(
            "You say {said}, but elsewhere you say something that cannot also be true.",
            "Keep one of the two, or say how both can be true.",
        ),
        "I402": Saying(
            "You cite a source for {said}: a reader will ask whether it can be trusted on this.",
            "Say who the source is and why it knows, or add a second, independent source.",
        ),
        "W403": Saying(
            "You answer a reader's question about {conclusion} with {conclusion} itself.",
            "Answer it with something else the essay gives.",
        ),
    }
)
"""Code (or code/variant) -> how to say it to a student."""

FIXES_BY_WEAKNESS: Mapping[Weakness, str] = MappingProxyType(
    {
        Weakness.UNSUPPORTED: "Back it up with a source, a fact or a reason.",
        Weakness.UNEXPLAINED: "Say why the one thing leads to the other.",
        Weakness.CIRCULAR: "Find a reason that does not lean on the point itself.",
        Weakness.OVERCLAIM: "Say it less surely, or give stronger support.",
        Weakness.HEDGE: "Say plainly how likely you think it is.",
        Weakness.DEFEATED: "Answer the objection, or rest your point on something else.",
        Weakness.OTHER: "Look at this part again.",
        Weakness.INFO: "Think about how a reader could question this.",
    }
)
"""What would fix a finding of a code the table does not know, by the kind of weakness."""


@dataclass(frozen=True)
class Told:
    """A finding told to a student: what is wrong, what would fix it, and whose words it quotes
    (the statement it concerns, when it concerns one)."""

    wrong: str
    fix: str
    statement: str | None
    covers: tuple[str, ...] = ()
    again: str | None = None  # `wrong`, for a problem that has quoted the statement already

    @property
    def sentence(self) -> str:
        return f"{self.wrong} {self.fix}"


class _Fields(dict[str, str]):
    """Template fields; one the finding cannot fill reads as "this"."""

    def __missing__(self, key: str) -> str:
        return "this"


def words_of(statement: Statement) -> str:
    """The student's own words for a statement: its quote, else the map's text of it."""
    return statement.quote.text if statement.quote is not None else statement.text


def quoted(statement: Statement, most: int = QUOTE_CHARS) -> str:
    """The student's words for a statement in curly quotes, cut after a whole word; a full
    stop at the end is left to the sentence that quotes them."""
    words = words_of(statement).strip()
    if words.endswith(".") and not words.endswith(".."):
        words = words[:-1]
    return f"“{clip(words, most)}”"


def _hedge_word(qualifier: Qualifier) -> str:
    """A hedge as the student wrote it; a probability is "a number" (no percentage is shown)."""
    return f"“{qualifier.word}”" if qualifier.word else "a number"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_ROW_ONE = [t for t in hedges.SCALE if t.row is HedgeRow.ICD_WORDS]


def _word_at(value: float) -> str:
    if value <= 0:
        return "not at all likely"
    if value >= 0.95:
        return "certain"
    for term in _ROW_ONE:
        assert term.low is not None and term.high is not None
        if term.low <= value < term.high:
            return term.word
    return "almost no chance"


def how_sure(strength: Strength | None) -> str:
    """A range in plain words: "certain", "likely", "between unlikely and likely"."""
    if strength is None:
        return "uncertain"
    if strength.high <= 0:
        return "not shown at all"
    if strength.low >= 0.95:
        return "certain"
    for term in _ROW_ONE:
        if (term.low, term.high) == (strength.low, strength.high):
            return term.word
    low, high = _word_at(strength.low), _word_at(strength.high)
    return low if low == high else f"somewhere between {low} and {high}"


class _Finding:
    """The elements a finding names, by role, read from the map."""

    def __init__(self, analysis: Analysis, finding: Diagnostic) -> None:
        self.analysis = analysis
        self.finding = finding
        by_id = analysis.map.by_id
        elements = [by_id[s] for s in finding.subjects if s in by_id]
        self.statements = [e for e in elements if isinstance(e, Statement)]
        self.steps: list[Supporter] = [
            e for e in elements if isinstance(e, Inference | Conditional)
        ]
        for _statement, relation in finding.links:
            step = by_id.get(relation)
            if isinstance(step, Inference | Conditional) and step not in self.steps:
                self.steps.append(step)
        self.attacks = [e for e in elements if isinstance(e, Attack)]

    def statement(self, statement_id: str | None) -> Statement | None:
        return self.analysis.map.statement(statement_id) if statement_id else None

    def main(self) -> Statement | None:
        """The statement the finding concerns, whose words the student is quoted in."""
        code = self.finding.code
        if code == "W106" and len(self.finding.subjects) > 2:
            return self.statement(self.finding.subjects[2])  # the consequent
        if code in ("W102", "I401") and self.steps:
            return self.statement(target_of(self.steps[0]))
        if self.statements:
            return self.statements[0]
        if self.steps:
            return self.statement(target_of(self.steps[0]))
        return None

    def condition(self) -> Statement | None:
        return next((s for s in self.statements if s.kind is StatementKind.CONDITION), None)

    def variant(self) -> str:
        code = self.finding.code
        if code != "W105":
            return code
        if self.condition() is not None:
            return "W105/if"
        main = self.main()
        support = self.analysis.strengths.support(main.id) if main else None
        return "W105/none" if support is None or support.high <= 0 else code

    def fields(self) -> _Fields:
        fields = _Fields()
        main = self.main()
        if main is not None:
            fields["said"] = quoted(main)
            claim = self.analysis.strengths.claims.get(main.id)
            # stated flatly, it is stated as if certain, whatever the calculus's floor of 80 %
            fields["claims"] = (
                "certain" if claim is not None and main.hedge is None else (how_sure(claim))
            )
            fields["gives"] = how_sure(self.analysis.strengths.support(main.id))
            if main.hedge is not None:
                qualifiers = main.hedge.qualifiers
                fields["hedges"] = _and([_hedge_word(q) for q in qualifiers])
                vague = [_hedge_word(q) for q in qualifiers if q.low is None]
                if vague:
                    fields["vague"] = _and(vague)
        others = [s for s in self.statements if main is None or s.id != main.id]
        if others:
            fields["second"] = quoted(others[0])
        condition = self.condition()
        if condition is not None:
            fields["condition"] = quoted(condition)
        if self.steps:
            step = self.steps[0]
            premises = [self.statement(g) for g in grounds(step)]
            said = [quoted(p, PAIR_CHARS) for p in premises if p is not None]
            if said:
                fields["premises"] = _and(said)
                fields["leads"] = "leads" if len(said) == 1 else "lead"
            conclusion = self.statement(target_of(step))
            if conclusion is not None:
                fields["conclusion"] = quoted(conclusion, PAIR_CHARS if said else QUOTE_CHARS)
            asked = [q for q in self.analysis.questions if q.inference == step.id]
            open_questions = [q for step_questions in asked for q in step_questions.open]
            if open_questions:
                fields["question"] = open_questions[0].text
        if self.attacks:
            attack = self.attacks[0]
            attacker = self.statement(attack.attacker)
            if attacker is not None:
                fields["attacker"] = quoted(attacker)
            target = self.statement(attack.target)
            attacked = self.analysis.map.by_id.get(attack.target)
            if target is None and isinstance(attacked, Inference | Conditional):
                target = self.statement(target_of(attacked))
            if target is not None:
                fields["target"] = quoted(target)
        return fields


def generic(analysis: Analysis, finding: Diagnostic) -> Saying:
    """How to tell a finding of a code the table does not know: the registry's plain words for
    it, and what would fix that kind of weakness."""
    try:
        code = lookup(finding.code)
    except KeyError:
        return Saying(
            "Something in {said} needs another look.", "Read it again as a doubtful reader would."
        )
    return Saying(
        f"Look again at {{said}}: there is {with_article(code.singular)} in it.",
        FIXES_BY_WEAKNESS.get(code.weakness, FIXES_BY_WEAKNESS[Weakness.OTHER]),
    )


def tell(analysis: Analysis, finding: Diagnostic) -> Told:
    """A finding told to the student it concerns (see the module's docstring)."""
    named = _Finding(analysis, finding)
    saying = SAYINGS.get(named.variant()) or SAYINGS.get(finding.code)
    if saying is None:
        saying = generic(analysis, finding)
    fields = named.fields()
    main = named.main()
    return Told(
        wrong=saying.wrong.format_map(fields),
        fix=saying.fix.format_map(fields),
        statement=main.id if main is not None else None,
        covers=saying.covers,
        again=saying.again.format_map(fields) if saying.again else None,
    )
