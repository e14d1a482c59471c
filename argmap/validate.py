"""Stage 2: structural validation. Errors that make a map malformed: ids, references, hedges,
schemes, and quotes that must be found in the essay.

Each check is a plain function `(ArgumentMap, Essay) -> list[Diagnostic]` listed in `CHECKS`.
"""

from __future__ import annotations

import difflib
import functools
import heapq
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from argmap import codes, hedges, schemes
from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic, Span
from argmap.model import (
    ArgumentMap,
    Attack,
    AttackKind,
    Conditional,
    Element,
    Hedge,
    Inference,
    Statement,
    StatementKind,
)
from argmap.syntax.reader import RESERVED_WORDS
from argmap.words import Suggestions


@dataclass(frozen=True)
class Essay:
    """The essay a map's quotes are checked against (`source:`), or why it could not be had.
    The loader reads it (`argmap.loader.read_essay`); validation only reads this value."""

    text: str | None
    problem: str | None = None  # why the essay could not be read
    hint: str | None = None  # what to do about it, when the problem has its own remedy


def _elements(argument_map: ArgumentMap) -> Iterator[Element]:
    yield from argument_map.statements
    yield from argument_map.inferences
    yield from argument_map.conditionals
    yield from argument_map.attacks


def _id_span(element: Element) -> Span:
    return element.id_span if isinstance(element, Statement) else element.span


def duplicate_ids(argument_map: ArgumentMap, essay: Essay) -> list[Diagnostic]:
    first_seen: dict[str, Element] = {}
    found: list[Diagnostic] = []
    for element in _elements(argument_map):
        first = first_seen.setdefault(element.id, element)
        if first is element:
            continue
        named = not isinstance(element, Statement) and not element.named
        message = (
            f"this relation is written twice (it is '{element.id}')"
            if named
            else f"the id '{element.id}' is already used"
        )
        found.append(
            diagnostic(
                "E201",
                message,
                _id_span(element),
                f"first defined on line {first.span.line}; give each element its own id",
                subjects=(element.id,),
            )
        )
    return found


def reserved_ids(argument_map: ArgumentMap, essay: Essay) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for element in _elements(argument_map):
        is_named = isinstance(element, Statement) or element.named
        if is_named and element.id in RESERVED_WORDS:
            found.append(
                diagnostic(
                    "E210",
                    f"'{element.id}' is a word of the language and cannot be an id",
                    _id_span(element),
                    f"choose another id, such as '{element.id}-1'",
                )
            )
    return found


def _ends_with(suffix: str, text: str) -> bool:
    return text.endswith(suffix)


def _did_you_mean(
    name: str, pool: Suggestions, excluding: Callable[[str], bool] | None = None
) -> str | None:
    found = pool.closest(name, cutoff=0.5, excluding=excluding)
    return f"did you mean '{found}'?" if found is not None else None


def _step_references(step: Inference | Conditional) -> Iterator[tuple[str, Span, str, str]]:
    """A step's warrant and answers, which are statements."""
    if step.warrant is not None and step.warrant_span is not None:
        yield step.warrant, step.warrant_span, "statement", "warrant"
    for number, answer in step.answers.items():
        where = step.answer_spans.get(number, step.span)
        yield answer, where, "statement", f"answer to question {number}"


# A concession's and a contradiction's two ends, as the messages name them.
_ENDS: dict[AttackKind, tuple[str, str]] = {
    AttackKind.CONCESSION: ("granted point", "limited point"),
    AttackKind.CONTRADICTION: ("contradicting point", "contradicting point"),
}


def _references(argument_map: ArgumentMap) -> Iterator[tuple[str, Span, str, str]]:
    """(id referred to, where, what it must be, the role) for every reference in the map;
    for a rebuttal's or an undercut's target, the role is "target"."""
    for inference in argument_map.inferences:
        yield inference.conclusion, inference.conclusion_span, "statement", "conclusion"
        for premise, span in zip(inference.premises, inference.premise_spans, strict=True):
            yield premise, span, "statement", "premise"
        yield from _step_references(inference)
    for conditional in argument_map.conditionals:
        yield conditional.antecedent, conditional.antecedent_span, "statement", "condition"
        yield conditional.consequent, conditional.consequent_span, "statement", "consequence"
        yield from _step_references(conditional)
    for attack in argument_map.attacks:
        if attack.kind in _ENDS:
            first, second = _ENDS[attack.kind]
            yield attack.attacker, attack.attacker_span, "statement", first
            yield attack.target, attack.target_span, "statement", second
            continue
        yield attack.attacker, attack.attacker_span, "statement", "attacker"
        target = "statement" if attack.kind is AttackKind.REBUT else "step"
        yield attack.target, attack.target_span, target, "target"


def references(argument_map: ArgumentMap, essay: Essay) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    # each pool indexed once per map: a map with thousands of misspelt uses asks thousands
    statement_ids = Suggestions(s.id for s in argument_map.statements)
    step_ids = Suggestions(
        [
            *(i.id for i in argument_map.inferences),
            *(c.id for c in argument_map.conditionals),
            *(a.id for a in argument_map.attacks),
        ]
    )
    for name, span, wanted, role in _references(argument_map):
        element = argument_map.by_id.get(name)
        if element is None:
            pool = statement_ids if wanted == "statement" else step_ids
            # not the attack itself, whose made-up id ("a-undercuts-x") holds the name
            itself = f"-undercuts-{name}"
            found.append(
                diagnostic(
                    "E202",
                    f"'{name}' is not defined (used as the {role})",
                    span,
                    _did_you_mean(name, pool, excluding=functools.partial(_ends_with, itself))
                    or (
                        "define it as a statement first"
                        if wanted == "statement"
                        else "an undercut's target is the name of an inference, a conditional "
                        "or an attack: write 'name: conclusion <- premises' and undercut that "
                        "name"
                    ),
                    subjects=(name,),
                )
            )
            continue
        if wanted == "statement" and not isinstance(element, Statement):
            if role == "target" and isinstance(element, Inference | Attack):
                continue  # a rebuttal aimed at a step: E209 below says so, once
            if role == "target" and isinstance(element, Conditional):
                continue  # "x rebuts if-a-then-b" denies the link: an undercut of it
            found.append(
                diagnostic(
                    "E216",
                    f"the {role} '{name}' is {_what(element)}, not a statement",
                    span,
                    _WRONG_KIND_HINTS.get(
                        role,
                        "premises, conclusions, warrants, conditions and attackers are statements",
                    ),
                )
            )
        elif wanted == "step" and isinstance(element, Statement):
            found.append(
                diagnostic(
                    "E208",
                    f"an undercut attacks a step, but '{name}' is a statement",
                    span,
                    f"to deny the statement, write '... rebuts {name}'; to undercut a step, "
                    "name the inference ('name: conclusion <- premises') and undercut that name",
                )
            )
    for attack in argument_map.attacks:
        target = argument_map.by_id.get(attack.target)
        if attack.kind is AttackKind.REBUT and isinstance(target, Inference | Attack):
            found.append(
                diagnostic(
                    "E209",
                    f"a rebuttal denies a statement, but '{attack.target}' is "
                    f"{'an inference' if isinstance(target, Inference) else 'an attack'}",
                    attack.target_span,
                    f"to attack a step, write '... undercuts {attack.target}'",
                )
            )
    return found


_CONCESSION_ENDS = (
    "both ends of 'limits' are statements: the point the author grants, and the statement it limits"
)
_WRONG_KIND_HINTS = {
    "granted point": _CONCESSION_ENDS,
    "limited point": _CONCESSION_ENDS,
    "contradicting point": "'a contradicts b' joins two statements that cannot both hold",
}


def _what(element: Element) -> str:
    if isinstance(element, Inference):
        return "an inference"
    if isinstance(element, Conditional):
        return "a conditional"
    return "an attack"


def self_references(argument_map: ArgumentMap, essay: Essay) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for inference in argument_map.inferences:
        if not inference.premises:
            found.append(
                diagnostic(
                    "E206",
                    f"the inference into '{inference.conclusion}' has no premises",
                    inference.span,
                    f"list what supports it: {inference.conclusion} <- premise + premise",
                    subjects=(inference.id,),
                )
            )
        if inference.conclusion in inference.premises:
            index = inference.premises.index(inference.conclusion)
            found.append(
                diagnostic(
                    "E207",
                    f"'{inference.conclusion}' is given as a premise of itself",
                    inference.premise_spans[index],
                    "a statement cannot support itself; remove it from the premises",
                    subjects=(inference.id,),
                )
            )
    for conditional in argument_map.conditionals:
        if conditional.antecedent == conditional.consequent:
            found.append(
                diagnostic(
                    "E217",
                    f"'{conditional.antecedent}' is made conditional on itself",
                    conditional.span,
                    "a condition needs another statement",
                    subjects=(conditional.id,),
                )
            )
    for attack in argument_map.attacks:
        if attack.attacker == attack.target:
            message, hint = _SELF_RELATIONS[attack.kind]
            found.append(
                diagnostic(
                    "E217",
                    message.format(attack.attacker),
                    attack.span,
                    hint,
                    subjects=(attack.id,),
                )
            )
        elif attack.target == attack.id and attack.kind not in _ENDS:
            found.append(
                diagnostic(
                    "E217",
                    f"the attack '{attack.id}' undercuts itself",
                    attack.target_span,
                    "an undercut targets another step: name the inference or attack it denies",
                    subjects=(attack.id,),
                )
            )
    steps: tuple[tuple[Inference | Conditional, str], ...] = (
        *((i, i.conclusion) for i in argument_map.inferences),
        *((c, c.consequent) for c in argument_map.conditionals),
    )
    for step, conclusion in steps:
        if step.warrant is not None and step.warrant == conclusion:
            found.append(
                diagnostic(
                    "E217",
                    f"'{conclusion}' is given as the warrant of its own step",
                    step.warrant_span or step.span,
                    "a warrant is the general rule that leads from the premises to the "
                    "conclusion, not the conclusion itself",
                    subjects=(step.id,),
                )
            )
    return found


# An attack whose two ends are one statement: the message (with the id) and the hint.
_SELF_RELATIONS: dict[AttackKind, tuple[str, str]] = {
    AttackKind.REBUT: ("'{}' attacks itself", "an attack needs another target"),
    AttackKind.UNDERCUT: ("'{}' attacks itself", "an attack needs another target"),
    AttackKind.CONCESSION: ("'{}' limits itself", "a granted point limits another statement"),
    AttackKind.CONTRADICTION: (
        "'{}' contradicts itself",
        "a contradiction joins two different statements",
    ),
}


def _steps(argument_map: ArgumentMap) -> Iterator[Inference | Conditional]:
    """The inferences, then the conditionals: the steps that take a hedge, a scheme and
    answers."""
    yield from argument_map.inferences
    yield from argument_map.conditionals


def _hedges(argument_map: ArgumentMap) -> Iterator[tuple[Hedge, str]]:
    for statement in argument_map.statements:
        if statement.hedge is not None:
            yield statement.hedge, statement.id
    for step in _steps(argument_map):
        if step.hedge is not None:
            yield step.hedge, step.id


def hedge_words(argument_map: ArgumentMap, essay: Essay) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for hedge, owner in _hedges(argument_map):
        for qualifier in hedge.qualifiers:
            if qualifier.word is not None:
                continue
            if qualifier.low is None or qualifier.high is None:
                guess = hedges.nearest_word(qualifier.text)
                hint = (
                    f"did you mean '{guess}'?"
                    if guess
                    else "use a word of the scale (docs/language.md), or a probability such "
                    "as 0.7, 70% or 60-80%"
                )
                found.append(
                    diagnostic(
                        "E203",
                        f"'{qualifier.text}' is not a hedge word",
                        hedge.span,
                        hint,
                        subjects=(owner,),
                    )
                )
            elif not (0 <= qualifier.low <= 1 and 0 <= qualifier.high <= 1):
                found.append(
                    diagnostic(
                        "E205",
                        f"the probability '{qualifier.text}' is outside 0 to 1",
                        hedge.span,
                        "write a probability as 0.7, or as a percentage with '%': 70%",
                        subjects=(owner,),
                    )
                )
            elif qualifier.low > qualifier.high:
                found.append(
                    diagnostic(
                        "E205",
                        f"the range '{qualifier.text}' runs backwards",
                        hedge.span,
                        "write the lower bound first, e.g. 60-80%",
                        subjects=(owner,),
                    )
                )
    return found


def scheme_names(argument_map: ArgumentMap, essay: Essay) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for inference in _steps(argument_map):
        scheme = schemes.lookup(inference.scheme) if inference.scheme else None
        if inference.scheme is not None and scheme is None:
            guess = schemes.nearest_name(inference.scheme)
            hint = (
                f"did you mean '{guess}'?"
                if guess
                else "known schemes: " + ", ".join(s.name for s in schemes.SCHEMES)
            )
            found.append(
                diagnostic(
                    "E204",
                    f"'{inference.scheme}' is not a known scheme",
                    inference.scheme_span or inference.span,
                    hint,
                    subjects=(inference.id,),
                )
            )
        for number in inference.answers:
            if scheme is None and inference.scheme is None:
                found.append(
                    diagnostic(
                        "E213",
                        f"question {number} is answered, but the step has no scheme",
                        inference.answer_spans.get(number, inference.span),
                        "critical questions come from the scheme: add 'scheme:'",
                        subjects=(inference.id,),
                    )
                )
            elif scheme is not None and not 1 <= number <= len(scheme.questions):
                found.append(
                    diagnostic(
                        "E213",
                        f"the scheme '{scheme.name}' has questions 1 to "
                        f"{len(scheme.questions)}, not {number}",
                        inference.answer_spans.get(number, inference.span),
                        "run 'argmap questions' to list them",
                        subjects=(inference.id,),
                    )
                )
    return found


_ACCEPTABLE = {StatementKind.PREMISE, StatementKind.ASSUMPTION}


def _a(kind: StatementKind) -> str:
    """ "a thesis", "an objection", "evidence": a kind as a sentence names it."""
    if kind is StatementKind.EVIDENCE:
        return "evidence"
    return f"{'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value}"


def accepted_flags(argument_map: ArgumentMap, essay: Essay) -> list[Diagnostic]:
    return [
        diagnostic(
            "E214",
            f"only a premise or an assumption can be accepted common ground, and "
            f"'{statement.id}' is {_a(statement.kind)}",
            statement.id_span,
            "make it a premise, or support it with an inference",
            subjects=(statement.id,),
        )
        for statement in argument_map.statements
        if statement.accepted and statement.kind not in _ACCEPTABLE
    ]


def allowed_codes(argument_map: ArgumentMap, essay: Essay) -> list[Diagnostic]:
    return [
        diagnostic(
            "E215",
            f"'{code}' in 'allow:' is not a code argmap reports",
            span,
            "see docs/diagnostics.md for the codes",
            subjects=(element.id,),
        )
        for element in _elements(argument_map)
        for code, span in zip(
            element.allow, element.allow_spans or [element.span] * len(element.allow), strict=True
        )
        if not codes.known(code)
    ]


# ---- the essay and its quotes -----------------------------------------------------------------

_QUOTE_MARKS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "–": "-",
        "—": "-",
    }
)


def fold(text: str) -> str:
    """Text as quotes are compared: case, white space and quote style folded away."""
    return " ".join(text.translate(_QUOTE_MARKS).casefold().split())


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


PASSAGE_CHARS = 200
"""The most of the essay a hint shows: enough to recognise the passage, never a whole page
(a `source:` may name a file its user did not mean to print)."""
_CANDIDATES = 8
_LETTER_BY_LETTER = 400  # characters


def closest_passage(quote: str, text: str) -> str | None:
    """The passage of the essay most like the quote, for a hint, at most PASSAGE_CHARS long.

    The essay's sentences (a sentence far longer than the quote is cut into overlapping
    windows of twice its length) are ranked by the words they share with the quote, and only
    the best few are compared letter by letter: the cost grows with the essay's length, not
    with the essay's length times the quote's."""
    target = fold(quote)
    words = set(target.split())
    if not words:
        return None
    size = max(2 * len(target), 80)
    candidates: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        candidate = sentence.strip()
        if len(candidate) <= 2 * size:
            candidates.extend([candidate] if candidate else [])
            continue
        step = size // 2
        candidates.extend(candidate[i : i + size] for i in range(0, len(candidate) - step, step))
    ranked = heapq.nlargest(
        _CANDIDATES, candidates, key=lambda c: len(words.intersection(fold(c).split()))
    )
    best, best_score = None, 0.0
    for candidate in ranked:
        # compared letter by letter only where that is cheap; a long passage word by word
        # (difflib's matcher is quadratic, and slow on the few letters that repeat in text)
        letters = len(candidate) <= _LETTER_BY_LETTER and len(target) <= _LETTER_BY_LETTER
        ours, theirs = (
            (target, fold(candidate)) if letters else (target.split(), fold(candidate).split())
        )
        matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
        shortest = min(4, len(ours)) if letters else 1  # letters here and there are no likeness
        matched = sum(b.size for b in matcher.get_matching_blocks() if b.size >= shortest)
        score = matched / max(len(ours), 1)
        if score > best_score:
            best, best_score = candidate, score
    if best is None or best_score < 0.5:
        return None
    return _shortened(best, PASSAGE_CHARS)


def _shortened(text: str, most: int) -> str:
    """The text, cut at a word boundary to at most `most` characters (with "…")."""
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > most // 2 else cut).rstrip() + "…"


def quotes(argument_map: ArgumentMap, essay: Essay) -> list[Diagnostic]:
    quoted = [e for e in _elements(argument_map) if e.quote is not None]
    header = argument_map.header
    if essay.problem is not None:
        return [
            diagnostic(
                "E301",
                essay.problem,
                header.source_span,
                essay.hint or "the path in 'source:' is relative to the map's own folder",
            )
        ]
    if essay.text is None:
        if not quoted:
            return []
        first = quoted[0].quote
        assert first is not None
        return [
            diagnostic(
                "E303",
                "the map quotes a source but has no 'source:' header",
                first.span,
                "add 'source: essay.txt' (a path relative to the map) so "
                "that quotes can be checked",
            )
        ]
    haystack = fold(essay.text)
    found: list[Diagnostic] = []
    for element in quoted:
        every = element.quotes if isinstance(element, Statement) and element.quotes else ()
        for quote in every or ((element.quote,) if element.quote else ()):
            if not fold(quote.text):
                found.append(
                    diagnostic(
                        "E302",
                        "this quote is empty, so it anchors nothing",
                        quote.span,
                        "copy the words of the essay that the statement maps between the quotes, "
                        "or leave the quote out",
                        subjects=(element.id,),
                    )
                )
                continue
            if fold(quote.text) in haystack:
                continue
            passage = closest_passage(quote.text, essay.text)
            hint = (
                f"the closest passage in the source is: “{passage}”"
                if passage
                else "copy the words from the source exactly; case, spacing and quote marks "
                "do not matter"
            )
            found.append(
                diagnostic(
                    "E302",
                    f"this quote is not in the source '{header.source}'"
                    if header.source
                    else "this quote is not in the source",
                    quote.span,
                    hint,
                    subjects=(element.id,),
                )
            )
    return found


Check = Callable[[ArgumentMap, Essay], list[Diagnostic]]

CHECKS: tuple[Check, ...] = (
    duplicate_ids,
    reserved_ids,
    references,
    self_references,
    hedge_words,
    scheme_names,
    accepted_flags,
    allowed_codes,
    quotes,
)


def validate(
    argument_map: ArgumentMap,
    essay: Essay | None = None,
    *,
    lost_ids: Collection[str] = (),
) -> list[Diagnostic]:
    """Every structural error in the map; `essay` is what its quotes are checked against (none:
    quotes cannot be checked, and E303 says so if the map has any).

    `lost_ids` are the ids declared on lines lost to syntax errors (argmap.syntax.lost_ids):
    such an id is reported once, at its syntax error, so its uses are not undefined (E202) too.
    """
    essay = essay if essay is not None else Essay(None)
    found = [diagnostic for check in CHECKS for diagnostic in check(argument_map, essay)]
    lost = set(lost_ids)
    return [d for d in found if not (d.code == "E202" and lost.intersection(d.subjects))]
