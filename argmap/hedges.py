"""The hedge scale: the words that qualify how sure a statement is, as data in one table.

The likelihood terms are those of ICD 203 (US Intelligence Community Directive 203, "Analytic
Standards"), with their probability ranges; row 1 is the directive's first list of words, row 2
its synonyms. Boosters ("certainly", "clearly", ...) assert certainty: argmap reads them as the
top of the scale. Vague words ("may", "might", ...) have no range on the scale, but readers hear
one, measured by a survey (`readers`, `source`); that is the range the calculus gives them. The
confidence words express how sure the author is of the evidence, not a probability; the scope
words limit how many cases a claim covers, not how likely it is. docs/language.md prints this
table and docs/analysis.md cites the surveys; keep them in step.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from argmap.words import suggest


class HedgeFamily(StrEnum):
    LIKELIHOOD = "likelihood"
    CONFIDENCE = "confidence"
    SCOPE = "scope"  # how many cases a claim covers: not a probability


class HedgeRow(StrEnum):
    ICD_WORDS = "ICD 203 row 1"
    ICD_SYNONYMS = "ICD 203 row 2"
    ESSAY = "essay word"
    BOOSTER = "booster"
    VAGUE = "vague word"
    CONFIDENCE = "confidence"
    SCOPE = "scope word"


_FAMILY_OF_ROW = {HedgeRow.CONFIDENCE: HedgeFamily.CONFIDENCE, HedgeRow.SCOPE: HedgeFamily.SCOPE}

# The surveys of what readers hear, cited in full in docs/analysis.md.
CAPPHRASE = "CAPphrase 2026"  # 5,174 readers
MAUBOUSSIN = "Mauboussin and Mauboussin 2018"  # Harvard Business Review, 1,800 readers
_AS_POSSIBLY = f"read as 'possibly': {MAUBOUSSIN}"  # argmap's reading; no survey of its own


@dataclass(frozen=True)
class ScaleTerm:
    word: str
    family: HedgeFamily
    row: HedgeRow
    # The range on the scale: ICD 203's for its words, argmap's reading for the other essay
    # words ("probably" is "likely", a booster the top); None for a vague word and for the
    # words that state no probability (confidence, scope).
    scale: tuple[float, float] | None
    readers: tuple[float, float] | None = None  # the middle half of what a survey's readers hear
    source: str | None = None  # the survey `readers` comes from, as a short citation

    @property
    def vague(self) -> bool:
        """A likelihood word that the scale gives no range."""
        return self.family is HedgeFamily.LIKELIHOOD and self.scale is None

    @property
    def range(self) -> tuple[float, float] | None:
        """The range the calculus uses: the scale's, else what readers hear."""
        return self.scale if self.scale is not None else self.readers

    @property
    def low(self) -> float | None:
        return None if self.range is None else self.range[0]

    @property
    def high(self) -> float | None:
        return None if self.range is None else self.range[1]


def _pct(low_pct: float | None, high_pct: float | None) -> tuple[float, float] | None:
    if low_pct is None or high_pct is None:
        return None
    return (low_pct / 100, high_pct / 100)


def _term(
    word: str,
    row: HedgeRow,
    low_pct: float | None = None,
    high_pct: float | None = None,
    *,
    readers: tuple[float, float] | None = None,
    source: str | None = None,
) -> ScaleTerm:
    family = _FAMILY_OF_ROW.get(row, HedgeFamily.LIKELIHOOD)
    heard = None if readers is None else _pct(*readers)
    return ScaleTerm(word, family, row, _pct(low_pct, high_pct), heard, source)


_R1, _R2 = HedgeRow.ICD_WORDS, HedgeRow.ICD_SYNONYMS
_ESSAY, _BOOST, _VAGUE = HedgeRow.ESSAY, HedgeRow.BOOSTER, HedgeRow.VAGUE
_CONF, _SCOPE = HedgeRow.CONFIDENCE, HedgeRow.SCOPE

SCALE: tuple[ScaleTerm, ...] = (
    _term("almost no chance", _R1, 1, 5),
    _term("very unlikely", _R1, 5, 20),
    _term("unlikely", _R1, 20, 45),
    _term("roughly even chance", _R1, 45, 55),
    _term("likely", _R1, 55, 80, readers=(67, 80), source=CAPPHRASE),
    _term("very likely", _R1, 80, 95),
    _term("almost certain", _R1, 95, 99),
    _term("remote", _R2, 1, 5),
    _term("highly improbable", _R2, 5, 20),
    _term("improbable", _R2, 20, 45),
    _term("roughly even odds", _R2, 45, 55),
    _term("probable", _R2, 55, 80),
    _term("highly probable", _R2, 80, 95),
    _term("nearly certain", _R2, 95, 99),
    # "probably" is read as the scale's "likely"; readers hear it a little narrower.
    _term("probably", _ESSAY, 55, 80, readers=(60, 75), source=MAUBOUSSIN),
    # A booster asserts certainty: argmap reads it as the top of the scale (no survey).
    _term("certainly", _BOOST, 95, 100),
    _term("surely", _BOOST, 95, 100),
    _term("will", _BOOST, 95, 100),
    _term("definitely", _BOOST, 95, 100),
    _term("undeniably", _BOOST, 95, 100),
    _term("obviously", _BOOST, 95, 100),
    _term("clearly", _BOOST, 95, 100),
    _term("of course", _BOOST, 95, 100),
    _term("no doubt", _BOOST, 95, 100),
    # The modal verbs and "possibly" say that something is possible, not how likely; the
    # calculus takes them at what readers hear (W202 still asks for a word of the scale).
    _term("may", _VAGUE, readers=(30, 51), source=CAPPHRASE),
    _term("might", _VAGUE, readers=(25, 50), source=CAPPHRASE),
    _term("could", _VAGUE, readers=(25, 50), source=CAPPHRASE),
    _term("possibly", _VAGUE, readers=(25, 50), source=MAUBOUSSIN),
    _term("perhaps", _VAGUE, readers=(25, 50), source=_AS_POSSIBLY),
    _term("can", _VAGUE, readers=(25, 50), source=_AS_POSSIBLY),
    _term("low confidence", _CONF),
    _term("moderate confidence", _CONF),
    _term("high confidence", _CONF),
    _term("strongly believe", _CONF),  # the author's "high confidence"
    _term("tend to", _SCOPE),
    _term("in some cases", _SCOPE),
    _term("often", _SCOPE),
    _term("usually", _SCOPE),
    _term("most", _SCOPE),
)

_BY_WORD: dict[str, ScaleTerm] = {term.word: term for term in SCALE}
# Spellings people use for the same word; they resolve to the scale's word.
_ALIASES: dict[str, str] = {
    "almost certainly": "almost certain",
    "nearly certainly": "nearly certain",
    "certain": "certainly",
    "undeniable": "undeniably",
    "probable that": "probable",
    "even chance": "roughly even chance",
    "even odds": "roughly even odds",
    "tends to": "tend to",
}


_SPELLINGS: tuple[str, ...] = (*_BY_WORD, *_ALIASES)


def lookup(word: str) -> ScaleTerm | None:
    """The scale term for a hedge word (any case, spaces folded), or None."""
    folded = " ".join(word.lower().split())
    folded = _ALIASES.get(folded, folded)
    return _BY_WORD.get(folded)


# A word that turns a hedge round: "not likely", "no chance", "will not".
_NEGATING_WORDS = frozenset({"not", "no", "never", "cannot", "won't", "wont"})
# A prefix that turns a word round, as in "unlikely", "improbable", "impossible".
_NEGATING_PREFIX = re.compile(r"^(?:un|im|in|dis|non)(?=[a-z]{3})")


def _negated(phrase: str) -> bool:
    """Whether a hedge's words deny (an odd number of negations): "unlikely", "not likely"."""
    count = sum(
        1
        for token in phrase.split()
        if token in _NEGATING_WORDS or _NEGATING_PREFIX.match(token) is not None
    )
    return count % 2 == 1


def _shared_start(one: str, other: str) -> int:
    count = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        count += 1
    return count


# How much closer a plain word must be than a negated one for a plain typed word (whose
# negation may be what the slip broke: "very ulikely") to get a suggestion.
_NEGATION_MARGIN = 0.05


def nearest_word(word: str) -> str | None:
    """The scale word closest in spelling, for a did-you-mean; None rather than a word that
    may mean the opposite or something else. The closest word of the same negation is
    suggested only if it passes every rule; a rule never promotes a word less close:

    - it never adds or drops a negation: "unlikly" is "unlikely", never "likely"; "uncertain"
      is not "certainly"; the words besides the negation must be alike too ("unprobable" is
      not "undeniably"); and a word with no negation of its own gets nothing when a negated
      word is about as close ("very ulikely" may be "very unlikely" or "very likely");
    - it starts with the letter the word starts with ("rarely" is not "surely");
    - it is a likelihood word unless the word typed starts at least as much like the words of
      another family (confidence, scope, ...) as like any likelihood word: "almost" does not
      become a word of another family that it merely contains.
    """
    typed = " ".join(word.lower().split())
    if not typed:
        return None
    negated = _negated(typed)
    found = suggest(typed, [s for s in _SPELLINGS if _negated(s) == negated])
    if found is None or found[0] != typed[0]:
        return None
    if negated and suggest(_unnegated(typed), [_unnegated(found)]) is None:
        return None
    if not negated:
        other = suggest(typed, [s for s in _SPELLINGS if _negated(s)])
        if other is not None and _likeness(typed, other) + _NEGATION_MARGIN > _likeness(
            typed, found
        ):
            return None
    term = _BY_WORD[_ALIASES.get(found, found)]
    if term.family is not HedgeFamily.LIKELIHOOD:
        starts: dict[HedgeFamily, int] = {}
        for spelling in _SPELLINGS:
            family = _BY_WORD[_ALIASES.get(spelling, spelling)].family
            starts[family] = max(starts.get(family, 0), _shared_start(typed, spelling))
        if starts[term.family] < starts.get(HedgeFamily.LIKELIHOOD, 0):
            return None
    return term.word


def _unnegated(phrase: str) -> str:
    """A hedge's words without their negations: "very unlikely" is "very likely"."""
    return " ".join(
        _NEGATING_PREFIX.sub("", token) for token in phrase.split() if token not in _NEGATING_WORDS
    )


def _likeness(one: str, other: str) -> float:
    return difflib.SequenceMatcher(None, one, other).ratio()


# A sign is read so that a negative probability is reported as out of range, not as a word.
_NUMBER = r"(-?\d+(?:\.\d*)?|-?\.\d+)"
# Possessive white space (`\s*+`): two runs of it side by side would otherwise backtrack over
# each other, and "[1", 30,000 spaces and "x]" took a minute to be found no number.
_PROBABILITY = re.compile(
    rf"^{_NUMBER}\s*+(%?)\s*+(?:(?:-|–|—|to)\s*+{_NUMBER}\s*+(%?))?$", re.IGNORECASE
)


@dataclass(frozen=True)
class Probability:
    low: float
    high: float


def parse_probability(text: str) -> Probability | None:
    """Read `0.7`, `70%`, `60-80%`, `0.6-0.8` or `60–80 %`; None if the text is no number.

    A bare number above 1 is a percentage only with a "%"; the caller reports values outside
    [0, 1] as errors, so `[70]` is caught rather than silently read as 70 %.
    """
    match = _PROBABILITY.match(text.strip())
    if match is None:
        return None
    first, first_pct, second, second_pct = match.groups()
    percent = bool(first_pct or second_pct)
    scale = 100.0 if percent else 1.0
    low = float(first) / scale
    high = float(second) / scale if second is not None else low
    return Probability(low, high)


def format_range(low: float, high: float) -> str:
    """A range as people read it: "55–80 %", or "70 %" for a point."""

    def pct(value: float) -> str:
        return (
            f"{value * 100:.0f}"
            if abs(value * 100 - round(value * 100)) < 1e-9
            else f"{value * 100:.1f}"
        )

    if abs(high - low) < 1e-12:
        return f"{pct(low)} %"
    return f"{pct(low)}–{pct(high)} %"
