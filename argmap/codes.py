"""Every diagnostic code argmap can report, with its severity and a one-line title.

Codes are a contract: once released, a code keeps its meaning. E1xx: syntax. E2xx: references
and structure. E3xx: the source and its quotes. W/I codes: findings of the analysis.
Each is documented, with an example, in docs/diagnostics.md (a test keeps the two in step).
"""

from __future__ import annotations

from argmap.diagnostics import Severity

_E = Severity.ERROR
_W = Severity.WARNING
_I = Severity.INFO

CODES: dict[str, tuple[Severity, str]] = {
    "E100": (_E, "the map file cannot be read"),
    "E101": (_E, "syntax error: something else was expected here"),
    "E102": (_E, "unknown statement kind or header"),
    "E103": (_E, "a quote is not closed"),
    "E104": (_E, "an indented line with no statement above it"),
    "E201": (_E, "an id is used twice"),
    "E202": (_E, "a reference to an id that is not defined"),
    "E203": (_E, "unknown hedge word"),
    "E204": (_E, "unknown argumentation scheme"),
    "E205": (_E, "a probability outside 0–1, or a range that runs backwards"),
    "E206": (_E, "an inference without premises"),
    "E207": (_E, "an inference whose conclusion is among its own premises"),
    "E208": (_E, "an undercut whose target is not an inference or an attack"),
    "E209": (_E, "a rebuttal whose target is not a statement"),
    "E210": (_E, "an id that is a reserved word"),
    "E211": (_E, "an attribute given twice, or where it does not apply"),
    "E212": (_E, "a header given twice"),
    "E213": (_E, "an answer to a critical question the step does not have"),
    "E214": (_E, "'accepted' on a statement that is not a premise or an assumption"),
    "E215": (_E, "an unknown code in 'allow:'"),
    "E216": (_E, "a reference to the wrong kind of element"),
    "E217": (_E, "a relation that joins an element to itself"),
    "E301": (_E, "the source text does not exist or cannot be read"),
    "E302": (_E, "a quote that does not occur in the source"),
    "E303": (_E, "quotes without a source to check them against"),
    # Findings of the analysis (argmap/analysis): W1 support, W2 hedges, W3 attacks,
    # I4 critical questions, W5 the map's shape. Each also has a name (argmap.analysis.NAMES).
    "W101": (_W, "a premise that is a bare assertion: no evidence, citation or support"),
    "W102": (_W, "an unexplained step: an inference with neither warrant nor scheme"),
    "W103": (_W, "an unsupported conclusion: a thesis, claim or prediction with nothing behind it"),
    "W104": (_W, "circular reasoning: the support runs in a cycle"),
    "W105": (_W, "an overclaim: a statement claimed more surely than its support allows"),
    "W106": (_W, "an unestablished condition: the consequent is asserted, the condition is not"),
    "W201": (_W, "a hedge stacked on a hedge in one statement"),
    "W202": (_W, "a vague hedge that the scale gives no range (may, might, could, ...)"),
    "W203": (_W, "the two rows of the ICD 203 scale mixed in one map"),
    "W204": (_W, "a likelihood word and a confidence word in one statement"),
    "W301": (_W, "a statement the argument relies on is defeated by an attack"),
    "W302": (_W, "an attack on the argument that the author never answers"),
    "W303": (_W, "a statement the argument relies on is left undecided by unresolved attacks"),
    "I401": (_I, "an open critical question of the step's scheme"),
    "W501": (_W, "a statement connected to no thesis"),
    "W502": (_W, "a map without a thesis"),
}


def known(code_or_prefix: str) -> bool:
    """A full code, or a prefix of at least one (W, W1, E20), as `allow:` and `--select` take."""
    return any(code.startswith(code_or_prefix) for code in CODES)
