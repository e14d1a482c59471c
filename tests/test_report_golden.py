"""Golden files: the report on every example map (and the every-construct fixture) in every
format, compared exactly; and the student's report on each (`<map>.student.<suffix>`).

A change to the report's wording or layout shows up here as a diff of tests/golden/report/.
When the change is meant, rewrite them with `make golden` (`pytest tests/test_render_golden
tests/test_report_golden.py --update-golden`) and review `git diff tests/golden/report`.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

import argmap
from argmap.report import FORMATS, MAX_DEPTH, report_for

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "report"
MAPS = [*sorted((ROOT / "maps").glob("*.argmap")), ROOT / "tests/fixtures/every_construct.argmap"]
SUFFIX = {"text": "txt", "markdown": "md", "json": "json"}

# Corners the example maps do not reach: no thesis, a tree cut at MAX_DEPTH, an overclaim the
# map allows, unhedged conclusions, markup in every place a text can go.
CORNERS = {
    "corner-no-thesis": "claim c: C.\nevidence e: E.\nc <- e\n  scheme: sign\n",
    "corner-deep": "thesis s0 [likely]: S0.\n"
    + "".join(f"claim s{n}: S{n}.\n" for n in range(1, MAX_DEPTH + 3))
    + f"premise s{MAX_DEPTH + 3}: Bottom.\n"
    + "".join(f"s{n} <- s{n + 1}\n" for n in range(MAX_DEPTH + 3)),
    "corner-allowed": "thesis t [very likely]: T.\n  allow: W105\npremise p: P.\nt <- p\n"
    "  scheme: sign\nclaim u: U.\nu <- p\n",
    "corner-markup": "title: A *bold* _title_ with [a](link) and `code` # | <b>\n"
    "subtitle: <i>sub</i>\nauthor: A_n *author*\n"
    "thesis t [likely]: Say *this*, _that_, [x](y), `z`, # h, a | b, <tag>.\n"
    "premise p: P *x*.\nt <- p\n  scheme: sign\nclaim o: O [o] <o>.\no rebuts t\n",
}
CASES = [(path.stem, fmt) for path in MAPS for fmt in SUFFIX] + [
    (name, fmt) for name in CORNERS for fmt in SUFFIX
]
BY_NAME = {path.stem: path for path in MAPS}
STUDENT_CASES = [(path.stem, fmt) for path in MAPS for fmt in SUFFIX]
"""The student's report on every example map: tests/golden/report/<map>.student.<suffix>."""


def report_of(name: str, fmt: str, audience: str = "coach") -> str:
    if name in CORNERS:
        loaded = argmap.parse(CORNERS[name])
    else:  # the report names maps/NAME.argmap: load it from ROOT
        loaded = argmap.load(BY_NAME[name].relative_to(ROOT))
    assert loaded.analysis is not None, [str(d) for d in loaded.diagnostics if d.is_error]
    return report_for(loaded.analysis, audience, fmt)


def _compare(golden: Path, reported: str, update_golden: bool) -> None:
    if update_golden:
        golden.write_text(reported, encoding="utf-8")
        return
    assert golden.exists(), f"no golden file for {golden.name}: run make golden"
    expected = golden.read_text(encoding="utf-8")
    if reported != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), reported.splitlines(), str(golden), "reported", lineterm=""
        )
        pytest.fail("the report changed; if that is meant, run make golden\n"
                    + "\n".join(list(diff)[:60]))  # fmt: skip


def test_every_format_has_a_golden_suffix() -> None:
    assert set(SUFFIX) == set(FORMATS)


@pytest.mark.parametrize(("name", "fmt"), CASES, ids=[f"{name}-{fmt}" for name, fmt in CASES])
def test_the_report_matches_its_golden_file(
    name: str, fmt: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    _compare(GOLDEN / f"{name}.{SUFFIX[fmt]}", report_of(name, fmt), update_golden)


@pytest.mark.parametrize(
    ("name", "fmt"), STUDENT_CASES, ids=[f"{name}-student-{fmt}" for name, fmt in STUDENT_CASES]
)
def test_the_students_report_matches_its_golden_file(
    name: str, fmt: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    reported = report_of(name, fmt, "student")
    _compare(GOLDEN / f"{name}.student.{SUFFIX[fmt]}", reported, update_golden)


def test_every_golden_file_has_its_map() -> None:
    expected = {f"{name}.{SUFFIX[fmt]}" for name, fmt in CASES}
    expected |= {f"{name}.student.{SUFFIX[fmt]}" for name, fmt in STUDENT_CASES}
    stale = {p.name for p in GOLDEN.iterdir()} - expected
    assert not stale, f"golden files without a map: {sorted(stale)}"
