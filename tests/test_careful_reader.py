"""The careful reader's corpus: small maps with planted flaws, and sound controls beside them.

Each map in tests/fixtures/careful_reader/ begins with comment lines that say what a careful
reader finds in it (issue 8's rules, /work/spec-8.md), in a fixed form:

    # expect: W105 at mutual        a finding of W105 whose anchor (first subject) is 'mutual'
    # expect: W302                  a finding of W302, anchored anywhere
    # expect-not: W105 at aid       no finding of W105 anchored at 'aid'
    # expect-none: W3               no finding whose code starts with 'W3' ('W': a sound map)
    # pending: syntax               the map uses syntax the parser is still learning
    # known: <why>                  the analysis disagrees with the reader today, for this reason

Only reported findings count (not those a map silences with `allow:`). A pending map is an
expected failure (not strict) while its syntax does not take effect: it has errors, or the
parser reads a new attribute as text (`side:` as a continuation line, a `[kind]` citation left
in the citation's text). A `known:` map is an expected failure (not strict) with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from _pytest.mark.structures import ParameterSet

import argmap
from argmap.diagnostics import Diagnostic, Severity
from argmap.loader import Loaded

CORPUS = Path(__file__).parent / "fixtures" / "careful_reader"

_EXPECT = re.compile(r"#\s*(expect|expect-not):\s*([WIE]\d{3})(?:\s+at\s+(\S+))?\s*$")
_EXPECT_NONE = re.compile(r"#\s*expect-none:\s*([WIE]\d{0,3})\s*$")
_PENDING = re.compile(r"#\s*pending:\s*syntax\s*$")
_KNOWN = re.compile(r"#\s*known:\s*(.+?)\s*$")
_DIRECTIVE = re.compile(r"#\s*(expect|expect-not|expect-none|pending|known)\b")


@dataclass(frozen=True)
class Expectation:
    """One finding that must be there (or must not): a code, and optionally its anchor."""

    code: str
    anchor: str | None

    def matches(self, found: Diagnostic) -> bool:
        if found.code != self.code:
            return False
        return self.anchor is None or (bool(found.subjects) and found.subjects[0] == self.anchor)

    def __str__(self) -> str:
        return self.code if self.anchor is None else f"{self.code} at {self.anchor}"


@dataclass
class Case:
    """A map of the corpus and what a careful reader expects of it."""

    path: Path
    expect: list[Expectation] = field(default_factory=list)
    expect_not: list[Expectation] = field(default_factory=list)
    expect_none: list[str] = field(default_factory=list)
    pending: bool = False
    known: str | None = None


def read_case(path: Path) -> Case:
    """The expectations in the map's leading comment lines. A directive that does not parse
    fails here, so that a typo cannot quietly drop an expectation."""
    case = Case(path)
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break  # the expectations are the comments before the map
            continue
        if not _DIRECTIVE.match(stripped):
            continue
        if match := _EXPECT.match(stripped):
            kind, code, anchor = match.groups()
            target = case.expect if kind == "expect" else case.expect_not
            target.append(Expectation(code, anchor))
        elif match := _EXPECT_NONE.match(stripped):
            case.expect_none.append(match.group(1))
        elif _PENDING.match(stripped):
            case.pending = True
        elif match := _KNOWN.match(stripped):
            case.known = match.group(1)
        else:
            raise ValueError(f"{path.name}: cannot read the directive {stripped!r}")
    if not (case.expect or case.expect_not or case.expect_none):
        raise ValueError(f"{path.name}: no expectations")
    return case


def syntax_not_in_effect(loaded: Loaded) -> bool:
    """Whether the new syntax a pending map uses has not taken effect yet: errors, or a new
    attribute read as something else (a `side:` line joined to the text, a `[kind, when]`
    left in the citation's text)."""
    if loaded.has_errors:
        return True
    for statement in loaded.map.statements:
        if re.search(r"\bside:\s*(author|other|coach)\b", statement.text):
            return True
        if (statement.citation or "").startswith("[") and statement.source_kind is None:
            return True
    return False


def _cases() -> list[ParameterSet]:
    params: list[ParameterSet] = []
    for path in sorted(CORPUS.glob("*.argmap")):
        case = read_case(path)
        marks: list[pytest.MarkDecorator] = []
        if case.known is not None:
            marks.append(pytest.mark.xfail(reason=case.known, strict=False))
        params.append(pytest.param(case, id=path.stem, marks=marks))
    return params


def _listing(findings: tuple[Diagnostic, ...]) -> str:
    return "\n".join(
        f"  {d.code} at {d.subjects[0] if d.subjects else '-'}: {d.message}" for d in findings
    )


@pytest.mark.parametrize("case", _cases())
def test_careful_reader(case: Case) -> None:
    loaded = argmap.load(case.path)
    if case.pending and syntax_not_in_effect(loaded):
        errors = [d for d in loaded.diagnostics if d.severity is Severity.ERROR]
        first = f": {errors[0].code} {errors[0].message}" if errors else ""
        pytest.xfail(f"pending syntax not yet parsed{first}")
    errors = [d for d in loaded.diagnostics if d.severity is Severity.ERROR]
    assert not errors, f"{case.path.name} has errors:\n{_listing(tuple(errors))}"
    assert loaded.analysis is not None
    findings = loaded.analysis.found  # reported, or folded into the cause it comes from
    problems: list[str] = []
    for wanted in case.expect:
        if not any(wanted.matches(d) for d in findings):
            problems.append(f"expected {wanted}, not found")
    for unwanted in case.expect_not:
        hits = [d for d in findings if unwanted.matches(d)]
        if hits:
            problems.append(f"expected no {unwanted}, found: {hits[0].message}")
    for prefix in case.expect_none:
        hits = [d for d in findings if d.code.startswith(prefix)]
        if hits:
            codes = ", ".join(f"{d.code} at {d.subjects[0] if d.subjects else '-'}" for d in hits)
            problems.append(f"expected no {prefix}* finding, found: {codes}")
    assert not problems, (
        f"{case.path.name}:\n  " + "\n  ".join(problems) + f"\nall findings:\n{_listing(findings)}"
    )


def test_the_corpus_is_large_enough() -> None:
    """At least forty maps, ten of them sound (no warning at all)."""
    cases = [read_case(path) for path in sorted(CORPUS.glob("*.argmap"))]
    sound = [case for case in cases if "W" in case.expect_none]
    assert len(cases) >= 40
    assert len(sound) >= 10
