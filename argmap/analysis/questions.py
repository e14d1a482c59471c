"""Critical questions (Walton): for each step with a scheme, the questions a careful reader asks
of that kind of step, answered in the map with `answer N: statement-id` or left open (I401).
`critical_questions(map)` is the data `argmap questions` prints."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from argmap import schemes
from argmap.analysis.graph import step_span
from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap, Conditional, Inference

if TYPE_CHECKING:
    from argmap.analysis.facts import Facts


# Slotted dataclasses rather than pydantic models: a map has one per step and question (21,000
# at 5,000 arguments), and a model instance costs about 1 KB. The report's models hold them
# as fields all the same.
@dataclass(frozen=True, slots=True)
class Question:
    """One critical question of a step, and the statement that answers it, if any."""

    number: int
    text: str
    answered_by: str | None = None  # a statement id
    answer_text: str | None = None

    @property
    def is_open(self) -> bool:
        return self.answered_by is None


@dataclass(frozen=True, slots=True)
class StepQuestions:
    """A step (inference) with its scheme and its critical questions."""

    inference: str
    conclusion: str
    premises: tuple[str, ...]
    line: int
    scheme: str | None  # the scheme's name; None: the step names no scheme
    scheme_title: str | None
    questions: tuple[Question, ...]

    @property
    def open(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.is_open)


def _step_questions(argument_map: ArgumentMap, inference: Inference) -> StepQuestions:
    scheme = schemes.lookup(inference.scheme) if inference.scheme else None
    questions: list[Question] = []
    for number, text in enumerate(scheme.questions if scheme else (), start=1):
        answer = inference.answers.get(number)
        if answer == inference.conclusion:
            answer = None  # the conclusion cannot answer for its own step (W403)
        statement = argument_map.statement(answer) if answer else None
        questions.append(
            Question(
                number=number,
                text=text,
                answered_by=answer,
                answer_text=statement.text if statement else None,
            )
        )
    return StepQuestions(
        inference=inference.id,
        conclusion=inference.conclusion,
        premises=inference.premises,
        line=inference.span.line,
        scheme=scheme.name if scheme else None,
        scheme_title=scheme.title if scheme else None,
        questions=tuple(questions),
    )


def critical_questions(argument_map: ArgumentMap) -> list[StepQuestions]:
    """Every step of the map, in the order written, with its scheme's questions."""
    return [_step_questions(argument_map, i) for i in argument_map.inferences]


_ABOUT_THE_GROUNDS = ("true", "evidence", "credible", "reliable", "honest", "consistent", "biased")
_ABOUT_THE_LINK = ("strong", "strength", "likelihood", "plausible", "enough", "correlation")
_ABOUT_ALTERNATIVES = ("other", "alternative", "third factor", "exception", "differences")


def ranked_open(facts: Facts, inference: Inference, step: StepQuestions) -> list[Question]:
    """A step's open questions, the one that matters most for this step first: while a premise
    is not established, whether the grounds hold (is it true? is the source reliable?); then
    how strong the link is; then the alternatives; then the rest, each in the scheme's order."""
    graph = facts.graph
    weak_grounds = any(
        (premise := facts.map.statement(g)) is not None and graph.is_bare(premise)
        for g in inference.premises
    )

    ranks = _RANKS_WEAK_GROUNDS if weak_grounds else _RANKS

    def priority(question: Question) -> tuple[int, int]:
        return (ranks[_about(question.text)], question.number)

    return sorted(step.open, key=priority)


_RANKS = {"grounds": 2, "link": 1, "alternatives": 0, "other": 3}
_RANKS_WEAK_GROUNDS = {"grounds": 0, "link": 1, "alternatives": 2, "other": 3}


@lru_cache(maxsize=1024)
def _about(question: str) -> str:
    """What a question asks about, by its words (the schemes' few dozen questions are each
    read once, not once for every step that asks them)."""
    text = question.lower()
    if any(word in text for word in _ABOUT_THE_GROUNDS):
        return "grounds"
    if any(word in text for word in _ABOUT_THE_LINK):
        return "link"
    if any(word in text for word in _ABOUT_ALTERNATIVES):
        return "alternatives"
    return "other"


def open_questions(facts: Facts) -> list[Diagnostic]:
    """I401: a step with a scheme leaves some of the scheme's critical questions unanswered.
    One finding per step, at its scheme, naming the open questions."""
    found: list[Diagnostic] = []
    for inference, step in zip(facts.map.inferences, facts.questions, strict=True):
        still_open = ranked_open(facts, inference, step)
        if not still_open or step.scheme_title is None:
            continue
        total = len(step.questions)
        if len(still_open) == total:
            which = f"all {total} critical questions" if total > 1 else "its critical question"
        else:
            numbers = ", ".join(str(q.number) for q in sorted(still_open, key=lambda q: q.number))
            plural = "s" if len(still_open) > 1 else ""
            which = f"critical question{plural} {numbers} of {total}"
        first = still_open[0]
        found.append(
            diagnostic(
                "I401",
                f"the step into '{inference.conclusion}' ({step.scheme_title.lower()}) leaves "
                f"{which} open",
                inference.scheme_span or step_span(inference),
                f"ask: {first.number}. {first.text} Answer it in the map with "
                f"'answer {first.number}: statement-id'; 'argmap questions' lists them all",
                subjects=(inference.id,),
            )
        )
    return found


def circular_answers(facts: Facts) -> list[Diagnostic]:
    """W403: a critical question 'answered' with the step's own conclusion. What the question
    asks is whether the step reaches its conclusion; the conclusion cannot vouch for that, so
    the question stays open."""
    found: list[Diagnostic] = []
    steps: tuple[Inference | Conditional, ...] = (*facts.map.inferences, *facts.map.conditionals)
    for step in steps:
        conclusion = step.conclusion if isinstance(step, Inference) else step.consequent
        for number, answer in sorted(step.answers.items()):
            if answer != conclusion:
                continue
            found.append(
                diagnostic(
                    "W403",
                    f"critical question {number} of the step into '{conclusion}' is answered by "
                    f"'{conclusion}' itself: a conclusion cannot vouch for the step that "
                    "reaches it, so the question stays open",
                    step.answer_spans.get(number) or step.span,
                    f"answer it with what the essay gives besides the conclusion, or leave "
                    f"'answer {number}:' out",
                    subjects=(step.id, conclusion),
                )
            )
    return found
