"""The student's report: one page in the student's words, the problems that matter most told
in plain words with what would fix them, and what is strong; `argmap report --for student`."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

import argmap
from argmap.analysis import Analysis
from argmap.cli import main
from argmap.diagnostics import Diagnostic, Severity
from argmap.report import AUDIENCES, StudentReport, format_student, student_report
from argmap.report.wording import SAYINGS, tell

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "maps/north-korea-russia-us.argmap"
JARGON = ("premise", "inference", "scheme", "warrant", "overclaim", "hedge", "preferred reading")


def analysis_of(text: str) -> Analysis:
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"))
    assert loaded.analysis is not None, [str(d) for d in loaded.diagnostics if d.is_error]
    return loaded.analysis


def page(text: str) -> str:
    return format_student(student_report(analysis_of(text)))


@pytest.fixture(scope="module")
def flagship() -> tuple[Analysis, str]:
    loaded = argmap.load(FLAGSHIP)
    assert loaded.analysis is not None
    return loaded.analysis, format_student(student_report(loaded.analysis))


def _outside_quotes(text: str) -> str:
    """The report's own words: every passage it quotes from the student (“…”) left out."""
    return re.sub(r"“[^”]*”", "“”", text)


def test_the_flagships_page_fits_in_sixty_lines(flagship: tuple[Analysis, str]) -> None:
    _analysis, text = flagship
    assert len(text.splitlines()) <= 60


def test_the_flagships_page_names_no_id_code_or_syntax(flagship: tuple[Analysis, str]) -> None:
    analysis, text = flagship
    own = _outside_quotes(text)
    for element_id in analysis.map.by_id:
        assert not re.search(rf"(?<![\w-]){re.escape(element_id)}(?![\w-])", own), element_id
    assert not re.search(r"[EWI]\d{3}", text)
    for syntax in ("<-", "rebuts", "undercuts", "[", "]", "scheme:", "warrant:", "cite:", "%"):
        assert syntax not in text, syntax
    for word in JARGON:
        assert word not in own.lower(), word


def test_the_flagships_page_quotes_the_student(flagship: tuple[Analysis, str]) -> None:
    _analysis, text = flagship
    assert "“this brotherhood of nations still exists today”" in text
    assert "“may have dire implications for the United States”" in text
    report = student_report(flagship[0])
    assert 3 <= len(report.problems) <= 5
    assert 2 <= len(report.strong_points) <= 3
    essay = (ROOT / "maps/north-korea-russia-us.txt").read_text(encoding="utf-8")
    for problem in report.problems:
        assert problem.words is not None and problem.words in essay


def test_a_stacked_hedge_is_told_as_pick_one() -> None:
    text = page(
        """
        thesis t: T.
        prediction p [likely, may]: Putin may resume deliveries.
        evidence e: E.
          cite: A report
        t <- p
          scheme: cause-to-effect
        p <- e
          scheme: sign
        """
    )
    assert "“likely” and “may”" in text
    assert "Pick one — how likely do you think it is?" in text
    assert "says only that it could happen" not in text  # the vague "may" is the same problem


def test_an_uncited_fact_is_told_as_name_the_source() -> None:
    text = page(
        """
        thesis t: T.
        premise debt: Russia wrote off 90 percent of North Korea's debt.
        t <- debt
          scheme: sign
        """
    )
    assert "You say “Russia wrote off 90 percent of North Korea's debt”" in text
    assert "Name the source" in text


def test_uncited_evidence_a_new_code_is_told_as_name_the_source() -> None:
    analysis = analysis_of("thesis t: T.\nevidence e: Moscow wrote off the debt.\nt <- e\n")
    uncited = Diagnostic(code="W107", severity=Severity.WARNING, message="", subjects=("e",))
    told = tell(analysis, uncited)
    assert told.sentence == (
        "You say “Moscow wrote off the debt” but don't say where that comes from. Name the source."
    )


def test_an_unexplained_step_is_told_as_say_why_it_leads_to() -> None:
    text = page(
        """
        thesis t: North Korea is a functioning state.
        evidence v: North Korea receives economic validation.
          cite: A report
        t <- v
        """
    )
    assert re.search(
        r"say why “North Korea receives economic validation” leads to\s+“North Korea is a"
        r"\s+functioning state”",
        text,
    )


def test_an_unanswered_objection_is_told_as_answer_it() -> None:
    text = page(
        """
        thesis t: Harry is British.
        evidence b: Harry was born in Bermuda.
        t <- b
          scheme: sign
        condition n: Harry has become a naturalised American.
        n rebuts t
        """
    )
    assert "“Harry has become a naturalised American” speaks against “Harry is British”" in text
    assert "Answer it" in text


def test_an_overclaim_says_the_range_the_analysis_used() -> None:
    text = page(
        """
        thesis t [certainly]: Russia's next move will be key.
        premise p: North Korea is becoming more aggressive.
        t <- p
          scheme: sign
        """
    )
    # the calculus gives a bare assertion "likely" (55–80 %): the page says so, in words
    said = " ".join(text.split())
    assert "as if it were certain, but what you give for it makes it likely at most" in said


def test_findings_about_one_cause_are_one_problem() -> None:
    report = student_report(
        analysis_of(
            """
            thesis t: T.
            condition c: If relations falter.
            prediction p [likely, may]: Putin may resume deliveries.
            if c then p
            t <- p
              scheme: cause-to-effect
            """
        )
    )
    # an overclaim on the "if", the unestablished "if", a stacked and a vague hedge: one problem
    [problem] = report.problems  # the thesis rests on the prediction: one cause, one problem
    said = " ".join(a.wrong for a in problem.advice)
    assert "depends on “If relations falter”" in said
    assert "“likely” and “may”" in said


def test_at_most_five_problems_most_costly_first(flagship: tuple[Analysis, str]) -> None:
    analysis, _text = flagship
    report = student_report(analysis)
    assert len(report.problems) == 5
    assert (
        report.problems[0].words
        == "Russia will certainly obstruct Washington’s intentions for Korea"
    )


def test_a_code_the_table_does_not_know_is_told_without_its_code() -> None:
    analysis = analysis_of("thesis t: T.\nevidence e: The answer is weak.\n  cite: S\nt <- e\n")
    for code in ("W999",):  # a code nobody registered (every registered one has a saying)
        found = Diagnostic(code=code, severity=Severity.WARNING, message="m", subjects=("e",))
        told = tell(analysis, found)
        assert code not in told.sentence
        assert "“The answer is weak”" in told.sentence


def test_the_table_has_a_saying_for_every_finding_code_of_today() -> None:
    from argmap.codes import REGISTRY

    checked = [c.code for c in REGISTRY.values() if c.is_finding and c.command == "check"]
    assert not [code for code in checked if code not in SAYINGS]


def test_a_map_with_nothing_wrong_says_so_and_what_is_strong() -> None:
    loaded = argmap.load(ROOT / "maps/syllogism.argmap")
    assert loaded.analysis is not None
    text = format_student(student_report(loaded.analysis))
    assert "Nothing stands out" in text
    assert "You back up “Socrates is mortal”" in text


def test_the_json_is_the_student_report(flagship: tuple[Analysis, str]) -> None:
    analysis, _text = flagship
    report = student_report(analysis)
    assert StudentReport.model_validate_json(format_student(report, "json")) == report


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_argmap_report_for_student(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(FLAGSHIP), "--for", "student", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out)["problems"]
    else:
        assert "“this brotherhood of nations still exists today”" in out
        assert "W10" not in out


def test_the_audiences_are_the_librarys() -> None:
    assert list(AUDIENCES) == ["coach", "student"]


def test_the_docs_show_the_flagships_page_as_it_is() -> None:
    doc = (ROOT / "docs/analysis.md").read_text(encoding="utf-8")
    section = doc.split("## The student's report", 1)[1]
    shown = section.split("```text\n", 1)[1].split("```", 1)[0]
    golden = ROOT / "tests/golden/report/north-korea-russia-us.student.txt"
    assert shown == golden.read_text(encoding="utf-8")
