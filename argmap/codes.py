"""Every diagnostic code argmap can report, and every fact about each one, in one registry.

Codes are a contract: once released, a code keeps its meaning. E1xx: syntax. E2xx: references
and structure. E3xx: the essay and its quotes. W/I codes: findings of the analysis (W1 support,
W2 hedges, W3 attacks, I4 critical questions, W5 the map's shape).

Each code has one frozen `Code` record: its severity, a one-line title, a short name (for
people and for `--select`), plain words for the report (singular and plural), the short tag
and kind of weakness the drawing shows, and what a finding of it is about (an element, a link,
or the whole map). `diagnostic()` is the one constructor of a `Diagnostic`: it takes the
severity from the record and fails at once on a code that is not registered. Every code is
documented, with an example, in docs/diagnostics.md (a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from argmap.diagnostics import Diagnostic, Severity, Span


class Weakness(StrEnum):
    """The kinds of weak link the drawing tells apart (each has a colour and a line style)."""

    UNSUPPORTED = "unsupported"  # a premise or link with nothing holding it up
    UNEXPLAINED = "unexplained"  # a step whose warrant is missing
    CIRCULAR = "circular"  # reasoning that comes back to itself
    OVERCLAIM = "overclaim"  # surer than its grounds allow
    HEDGE = "hedge"  # a hedge that says little: stacked, vague, mixed scales
    DEFEATED = "defeated"  # attacked and not defended
    OTHER = "other"  # any other warning
    INFO = "info"  # a remark, not a weakness


class About(StrEnum):
    """What a diagnostic of a code concerns, and so where the report and the drawing put it."""

    ELEMENT = "element"  # its first subject: a statement, step, conditional or attack
    LINK = "link"  # the edge from a premise (or a condition, or a warrant) into a step
    MAP = "map"  # the whole map (or file)


@dataclass(frozen=True)
class Code:
    """Everything argmap knows about one diagnostic code."""

    code: str
    severity: Severity
    title: str  # one line, as docs/diagnostics.md heads it
    name: str  # short, lower-case, hyphenated: `--select unsupported-link`
    singular: str  # plain words, as the report counts findings: "a bare assertion"
    plural: str
    tag: str  # short enough to sit on an edge of the drawing
    weakness: Weakness
    about: About = About.ELEMENT
    command: str = "check"  # the command that reports it: "check" (and every command that
    # loads a map), or "import" for what is found in a file being imported

    @property
    def is_finding(self) -> bool:
        """A finding of the analysis (W/I), as opposed to an error in the map (E)."""
        return self.severity is not Severity.ERROR

    def words(self, count: int = 1) -> str:
        """The plain words for `count` findings of this code."""
        return self.singular if count == 1 else self.plural


def _error(
    code: str, title: str, name: str, about: About = About.ELEMENT, command: str = "check"
) -> Code:
    return Code(
        code,
        Severity.ERROR,
        title,
        name,
        singular=title,
        plural=title,
        tag=name.replace("-", " "),
        weakness=Weakness.OTHER,  # drawn like any other problem
        about=about,
        command=command,
    )


_W = Severity.WARNING
_I = Severity.INFO
_K = Weakness
_ALL: tuple[Code, ...] = (
    _error("E100", "the map file cannot be read", "unreadable-file", About.MAP),
    _error("E101", "syntax error: something else was expected here", "syntax-error"),
    _error("E102", "unknown statement kind or header", "unknown-keyword"),
    _error("E103", "a quote is not closed", "unclosed-quote"),
    _error("E104", "an indented line with no statement above it", "orphan-indented-line"),
    _error("E105", "unknown attribute key", "unknown-attribute"),
    _error("E106", "unknown relation word or arrow", "unknown-relation"),
    _error("E201", "an id is used twice", "duplicate-id"),
    _error("E202", "a reference to an id that is not defined", "undefined-reference"),
    _error("E203", "unknown hedge word", "unknown-hedge"),
    _error("E204", "unknown argumentation scheme", "unknown-scheme"),
    _error("E205", "a probability outside 0–1, or a range that runs backwards", "bad-probability"),
    _error("E206", "an inference without premises", "no-premises"),
    _error("E207", "an inference whose conclusion is among its own premises", "self-premise"),
    _error("E208", "an undercut whose target is not an inference or an attack", "undercut-target"),
    _error("E209", "a rebuttal whose target is not a statement", "rebuttal-target"),
    _error("E210", "an id that is a reserved word", "reserved-id"),
    _error("E211", "an attribute given twice, or where it does not apply", "misplaced-attribute"),
    _error("E212", "a header given twice", "duplicate-header"),
    _error("E213", "an answer to a critical question the step does not have", "unknown-question"),
    _error(
        "E214",
        "'accepted' on a statement that is not a premise or an assumption",
        "misplaced-accepted",
    ),
    _error("E215", "an unknown code in 'allow:'", "unknown-allow-code"),
    _error("E216", "a reference to the wrong kind of element", "wrong-kind-reference"),
    _error("E217", "a relation that joins an element to itself", "self-relation"),
    _error("E218", "a citation's source kind that argmap does not know", "unknown-source-kind"),
    _error("E219", "a side that is not author, other or coach", "unknown-side"),
    _error("E220", "a 'flat:' header that is neither checked nor unchecked", "unknown-flat-value"),
    _error("E301", "the source text does not exist or cannot be read", "unreadable-essay"),
    _error("E302", "a quote that does not occur in the source", "quote-not-found"),
    _error("E303", "quotes without a source to check them against", "quotes-without-essay"),
    Code(
        "W101",
        _W,
        "a premise that is a bare assertion: no evidence, citation or support",
        "unsupported-link",
        "bare assertion",
        "bare assertions",
        "unsupported",
        _K.UNSUPPORTED,
        About.LINK,
    ),
    Code(
        "W102",
        _W,
        "an unexplained step: an inference with neither warrant nor scheme",
        "unexplained-step",
        "unexplained step",
        "unexplained steps",
        "unexplained step",
        _K.UNEXPLAINED,
    ),
    Code(
        "W103",
        _W,
        "an unsupported conclusion: a thesis, claim or prediction with nothing behind it",
        "unsupported-conclusion",
        "conclusion with nothing behind it",
        "conclusions with nothing behind them",
        "unsupported",
        _K.UNSUPPORTED,
    ),
    Code(
        "W104",
        _W,
        "circular reasoning: the support runs in a cycle",
        "circular-reasoning",
        "circular reasoning",
        "circles of reasoning",
        "circular",
        _K.CIRCULAR,
        About.LINK,
    ),
    Code(
        "W105",
        _W,
        "an overclaim: a statement claimed more surely than its support allows",
        "overclaim",
        "overclaim",
        "overclaims",
        "overclaim",
        _K.OVERCLAIM,
    ),
    Code(
        "W106",
        _W,
        "an unestablished condition: the consequent is asserted, the condition is not",
        "unestablished-condition",
        "unestablished condition",
        "unestablished conditions",
        "condition not shown",
        _K.OVERCLAIM,
        About.LINK,
    ),
    Code(
        "W107",
        _W,
        "evidence that names no source: the author's word, not an established fact",
        "uncited-evidence",
        "uncited piece of evidence",
        "uncited pieces of evidence",
        "no source",
        _K.UNSUPPORTED,
    ),
    Code(
        "W108",
        _W,
        "a statement resting on a weak source: a party to the matter, state media, "
        "an anonymous source or hearsay",
        "weak-source",
        "weak source",
        "weak sources",
        "weak source",
        _K.UNSUPPORTED,
    ),
    Code(
        "W201",
        _W,
        "a hedge stacked on a hedge in one statement",
        "stacked-hedge",
        "stacked hedge",
        "stacked hedges",
        "stacked hedge",
        _K.HEDGE,
    ),
    Code(
        "W202",
        _W,
        "a vague hedge that the scale gives no range (may, might, could, ...)",
        "vague-hedge",
        "vague hedge",
        "vague hedges",
        "vague hedge",
        _K.HEDGE,
    ),
    Code(
        "W203",
        _W,
        "the two rows of the ICD 203 scale mixed in one map",
        "mixed-icd-rows",
        "mixed scale rows",
        "uses of mixed scale rows",
        "mixed scale rows",
        _K.HEDGE,
    ),
    Code(
        "W204",
        _W,
        "a likelihood word and a confidence word in one statement",
        "likelihood-and-confidence",
        "likelihood mixed with confidence",
        "likelihoods mixed with confidence",
        "likelihood + confidence",
        _K.HEDGE,
    ),
    Code(
        "W301",
        _W,
        "a statement the argument relies on is defeated by an attack",
        "defeated",
        "defeated by an attack",
        "statements defeated by an attack",
        "defeated",
        _K.DEFEATED,
    ),
    Code(
        "W302",
        _W,
        "an attack on the argument that the author never answers",
        "unanswered-attack",
        "unanswered objection",
        "unanswered objections",
        "unanswered attack",
        _K.OTHER,
    ),
    Code(
        "W303",
        _W,
        "a statement the argument relies on is left undecided by unresolved attacks",
        "undecided",
        "undecided conflict",
        "undecided conflicts",
        "undecided",
        _K.DEFEATED,
    ),
    Code(
        "W304",
        _W,
        "an opposing point the author answers only weakly: in part, or with a bare assertion",
        "weak-answer",
        "weakly answered objection",
        "weakly answered objections",
        "weak answer",
        _K.OTHER,
    ),
    Code(
        "W305",
        _W,
        "an objection that the author's argument also uses as a premise",
        "objection-as-premise",
        "objection used as a premise",
        "objections used as premises",
        "objection as premise",
        _K.CIRCULAR,
        About.LINK,
    ),
    Code(
        "W306",
        _W,
        "two statements the author asserts that contradict each other",
        "contradiction",
        "contradiction",
        "contradictions",
        "contradiction",
        _K.DEFEATED,
    ),
    Code(
        "I401",
        _I,
        "an open critical question of the step's scheme",
        "open-critical-question",
        "step with open critical questions",
        "steps with open critical questions",
        "open question",
        _K.INFO,
    ),
    Code(
        "I402",
        _I,
        "a cited source's own questions: is it reliable, independent, current?",
        "source-questions",
        "cited source to question",
        "cited sources to question",
        "source questions",
        _K.INFO,
    ),
    Code(
        "W403",
        _W,
        "a critical question 'answered' by the step's own conclusion",
        "circular-answer",
        "circular answer",
        "circular answers",
        "circular answer",
        _K.CIRCULAR,
    ),
    Code(
        "W501",
        _W,
        "a statement connected to no thesis",
        "disconnected",
        "disconnected statement",
        "disconnected statements",
        "disconnected",
        _K.OTHER,
    ),
    Code(
        "W502",
        _W,
        "a map without a thesis",
        "no-thesis",
        "no thesis",
        "maps without a thesis",
        "no thesis",
        _K.OTHER,
        About.MAP,
    ),
    # Importing from other formats (argmap import): the file read, and what it could not give.
    _error(
        "E401", "an import file that is not well-formed", "malformed-import", About.MAP, "import"
    ),
    _error(
        "E402",
        "an import file that is not in the format asked for",
        "wrong-format",
        About.MAP,
        "import",
    ),
    Code(
        "W601",
        _W,
        "something in an imported file that argmap cannot carry over",
        "not-carried-over",
        "thing not carried over",
        "things not carried over",
        "not carried over",
        _K.OTHER,
        command="import",
    ),
    Code(
        "W602",
        _W,
        "something an imported file leaves ambiguous, imported as best it can be",
        "ambiguous-import",
        "ambiguity in the import",
        "ambiguities in the import",
        "ambiguous",
        _K.OTHER,
        command="import",
    ),
)

REGISTRY: Mapping[str, Code] = MappingProxyType({entry.code: entry for entry in _ALL})
"""Every code, in the order docs/diagnostics.md lists them."""

_BY_NAME: Mapping[str, str] = MappingProxyType({entry.name: entry.code for entry in _ALL})


def lookup(code: str) -> Code:
    """The record of a registered code; KeyError, naming the code, for any other."""
    try:
        return REGISTRY[code]
    except KeyError:
        raise KeyError(f"'{code}' is not a registered diagnostic code (argmap.codes)") from None


def diagnostic(
    code: str,
    message: str,
    span: Span | None,
    hint: str | None = None,
    subjects: Iterable[str] = (),
    links: Iterable[tuple[str, str]] = (),
) -> Diagnostic:
    """The one way to make a diagnostic: the severity is the code's; an unknown code fails."""
    return Diagnostic(
        code=code,
        severity=lookup(code).severity,
        message=message,
        span=span,
        hint=hint,
        subjects=tuple(subjects),
        links=tuple(links),
    )


def known(code_or_prefix: str) -> bool:
    """A full code, or a prefix of at least one (W, W1, E20), as `allow:` and `--select` take."""
    return bool(code_or_prefix) and any(code.startswith(code_or_prefix) for code in REGISTRY)


def resolve(selector: str) -> str | None:
    """A code, a prefix of codes (W, W1) or a code's name, as a code or prefix; None if it
    names nothing argmap reports."""
    text = selector.strip()
    if text.lower() in _BY_NAME:
        return _BY_NAME[text.lower()]
    upper = text.upper()
    return upper if known(upper) else None


def matches(code: str, selectors: Iterable[str]) -> bool:
    """Whether a code is one of the codes, or starts with one of the prefixes, given."""
    return any(code.startswith(selector) for selector in selectors)


def names() -> tuple[str, ...]:
    """Every code's name, for did-you-mean on `--select` and `allow:`."""
    return tuple(_BY_NAME)


def record(found: Diagnostic) -> dict[str, object]:
    """The stable JSON shape of `argmap check --format json`: the original keys, then the
    code's name and the ids the diagnostic concerns (added keys; the first ones never change)."""
    span = found.span
    return {
        "file": span.file if span else None,
        "line": span.line if span else None,
        "column": span.column if span else None,
        "end_line": span.end_line if span else None,
        "end_column": span.end_column if span else None,
        "severity": found.severity.value,
        "code": found.code,
        "message": found.message,
        "hint": found.hint,
        "name": lookup(found.code).name,
        "subjects": list(found.subjects),
        "links": [list(link) for link in found.links],
    }
