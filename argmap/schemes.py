"""Argumentation schemes and their critical questions, after Walton, Reed and Macagno,
*Argumentation Schemes* (Cambridge University Press, 2008), as data in one table.

A scheme names the kind of step an inference takes; its critical questions are what a careful
reader asks of such a step. docs/analysis.md prints this table; keep them in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.words import suggest


@dataclass(frozen=True)
class Scheme:
    name: str
    title: str
    questions: tuple[str, ...]


SCHEMES: tuple[Scheme, ...] = (
    Scheme(
        "expert-opinion",
        "Argument from expert opinion",
        (
            "How credible is the source as an expert?",
            "Is the source an expert in the field that the claim is in?",
            "What exactly did the expert assert that implies the claim?",
            "Is the expert personally reliable as a source (unbiased, honest)?",
            "Is the claim consistent with what other experts assert?",
            "Is the expert's assertion based on evidence?",
        ),
    ),
    Scheme(
        "cause-to-effect",
        "Argument from cause to effect",
        (
            "How strong is the causal generalisation?",
            "Is the evidence cited strong enough to warrant the causal generalisation?",
            "Are there other causal factors that could interfere with producing the effect?",
        ),
    ),
    Scheme(
        "sign",
        "Argument from sign",
        (
            "What is the strength of the correlation between the sign and the event signified?",
            "Are there other events that would more reliably account for the sign?",
        ),
    ),
    Scheme(
        "analogy",
        "Argument from analogy",
        (
            "Are the two cases similar in the respect cited?",
            "Is the claim true (false) in the source case?",
            "Are there differences between the cases that would undermine the similarity?",
            "Is there a similar case in which the claim is false (true)?",
        ),
    ),
    Scheme(
        "consequences",
        "Argument from consequences",
        (
            "How strong is the likelihood that the cited consequences will occur?",
            "What evidence supports the claim that these consequences will follow?",
            "Are there consequences of the opposite value that ought to be taken into account?",
        ),
    ),
    Scheme(
        "popular-opinion",
        "Argument from popular opinion",
        (
            "What evidence shows that the claim is generally accepted?",
            "Even if it is generally accepted, is there good reason to doubt that it is true?",
        ),
    ),
    Scheme(
        "practical-reasoning",
        "Practical reasoning (from goal to action)",
        (
            "What other goals that might conflict with this one should be considered?",
            "What alternative actions to the one proposed should be considered?",
            "Among these alternatives, which is the most efficient?",
            "What grounds are there for believing that the action is possible?",
            "What consequences of the action should be taken into account?",
        ),
    ),
    Scheme(
        "correlation-to-cause",
        "Argument from correlation to cause",
        (
            "Is there a positive correlation between the two events?",
            "Are there enough instances of the correlation to rule out coincidence?",
            "Is there a third factor that could be causing both events?",
        ),
    ),
    Scheme(
        "example",
        "Argument from example",
        (
            "Is the example cited true?",
            "Does the example support the general claim?",
            "Is the example typical of the kind of cases the generalisation covers?",
            "How strong is the generalisation?",
            "Are there special circumstances in the example that impair its generalisability?",
        ),
    ),
    Scheme(
        "witness-testimony",
        "Argument from witness testimony",
        (
            "Is the witness internally consistent?",
            "Is the testimony consistent with known facts and other witnesses?",
            "Is the witness in a position to know?",
            "Is the witness biased?",
            "How plausible is the statement asserted by the witness?",
        ),
    ),
    Scheme(
        "position-to-know",
        "Argument from position to know",
        (
            "Is the source in a position to know whether the claim is true?",
            "Is the source an honest (trustworthy, reliable) source?",
            "Did the source assert that the claim is true?",
        ),
    ),
    Scheme(
        "established-rule",
        "Argument from an established rule",
        (
            "Does the rule require carrying out this kind of action?",
            "Are there other established rules that might conflict with this one?",
            "Is this case an exception to the rule?",
        ),
    ),
    Scheme(
        "commitment",
        "Argument from commitment",
        (
            "What evidence shows that the party is committed to the claim?",
            "Is there room for questioning whether there is an exception in this case?",
        ),
    ),
    Scheme(
        "verbal-classification",
        "Argument from verbal classification",
        (
            "Does the case definitely have the property, or is there room for doubt?",
            "Is the classification based on a definition that is clear and accepted?",
        ),
    ),
)

_BY_NAME: dict[str, Scheme] = {scheme.name: scheme for scheme in SCHEMES}


def normalise_name(text: str) -> str:
    """ "Expert opinion", "expert_opinion" and "expert-opinion" all name one scheme."""
    return "-".join(text.lower().replace("_", " ").replace("-", " ").split())


def lookup(name: str) -> Scheme | None:
    return _BY_NAME.get(normalise_name(name))


def nearest_name(name: str) -> str | None:
    return suggest(normalise_name(name), _BY_NAME, cutoff=0.5)
