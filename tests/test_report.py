"""The coach's report: its data (build_report), its three formats, and `argmap report` and
`argmap questions` run in-process."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import Standing
from argmap.cli import main
from argmap.report import MAX_DEPTH, Report, build_report, format_markdown, format_text

UNDERCUT_MAP = textwrap.dedent(
    """
    title: Red
    thesis is-red [very likely]: The object is red.
    evidence looks-red: The object looks red.
      cite: [survey] A colour survey
    premise usually: Things that look red usually are red.
    seeing: is-red <- looks-red + usually
      scheme: sign
      answer 1: usually
    evidence red-light: The object is lit by red light.
      cite: A photograph of the scene
    red-light undercuts seeing
    """
).lstrip("\n")


def report_of(text: str) -> Report:
    loaded = argmap.parse(text)
    assert not loaded.has_errors
    return build_report(loaded.map, loaded.diagnostics)


def test_the_report_data_follows_the_support_tree() -> None:
    report = report_of(UNDERCUT_MAP)
    [thesis] = report.theses
    assert (thesis.id, thesis.standing, thesis.claims) == ("is-red", Standing.OUT, "80–95 %")
    [step] = thesis.steps
    assert (step.id, step.scheme, step.standing, step.open_questions) == (
        "seeing",
        "sign",
        Standing.OUT,
        1,
    )
    assert [(a.attacker, a.standing, a.answered) for a in step.attacks] == [
        ("red-light", Standing.IN, False)
    ]
    statuses = {link.premise.id: link.status for link in step.links}
    assert statuses == {"looks-red": "sound", "usually": "weak"}
    [weak] = [link for link in step.links if link.status == "weak"]
    # one problem, one finding: the overclaim on 'is-red' is what the bare premise costs
    assert weak.reasons == (
        "bare assertion: 'is-red' rests on 'usually', a premise that is a bare assertion: it "
        "is not evidence, cites no source and nothing supports it; so 'is-red', claimed as "
        "very likely · 80–95 %, is claimed more surely than the essay shows (its support gives "
        "only 55–80 %)",
    )


def test_the_report_compares_claimed_and_received_strength() -> None:
    report = report_of(UNDERCUT_MAP)
    [row] = report.strength
    assert (row.id, row.claims, row.receives, row.verdict) == (
        "is-red",
        "80–95 %",
        "55–80 %",
        "overclaim",
    )


def test_the_report_counts_and_lists_what_to_mend() -> None:
    report = report_of(UNDERCUT_MAP)
    assert report.counts.statements == {"thesis": 1, "evidence": 2, "premise": 1}
    assert report.counts.findings["bare assertion"] == 1
    assert [f.code for f in report.weak_links] == ["W101"]  # the overclaim is folded into it
    assert {f.code for f in report.findings} >= {"W301", "W302", "I401"}
    standing = {row.id: row for row in report.standing}
    # in the words of the finding that reports it (W301)
    assert standing["is-red"].reason == "'red-light' undercuts its support 'seeing'"
    [defeat] = [f for f in report.findings if f.code == "W301"]
    assert standing["is-red"].reason in defeat.message
    [questions] = report.questions
    assert [q.is_open for q in questions.questions] == [False, True]


def test_the_text_report_reads_in_plain_words() -> None:
    text = format_text(report_of(UNDERCUT_MAP))
    assert text.startswith("ARGUMENT REPORT: Red\n")
    for heading in (
        "AT A GLANCE",
        "THE THESES AND THEIR SUPPORT",
        "WEAK LINKS, AND HOW TO MEND THEM",
        "WHAT EACH CONCLUSION CLAIMS, AGAINST WHAT ITS SUPPORT GIVES",
        "STANDING UNDER ATTACK (grounded semantics)",
        "OPEN CRITICAL QUESTIONS",
    ):
        assert f"\n{heading}\n" in text
    assert "thesis 'is-red' is defeated by an attack; its support has 1 weak link" in text
    assert "✗ 'red-light' undercuts this step (unanswered: it stands)" in text
    assert "⚠ usually (premise; in)" in text
    assert "1. Bare assertion (line 6):" in text and "How to mend it:" in text
    assert "is-red  claims very likely · 80–95 %" in text and "OVERCLAIM" in text
    assert "W101" not in text  # plain words, not codes


def test_the_markdown_report_escapes_and_structures() -> None:
    markdown = format_markdown(report_of(UNDERCUT_MAP.replace("is red.", "is *red*.")))
    assert markdown.startswith("# Argument report: Red\n")
    assert "### Thesis is-red" in markdown
    assert "> The object is \\*red\\*." in markdown
    assert "| is-red | very likely · 80–95 % | 80–95 % | 55–80 % | **overclaim** |" in markdown


def test_the_json_report_round_trips() -> None:
    report = report_of(UNDERCUT_MAP)
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_a_map_without_thesis_says_so() -> None:
    text = format_text(report_of("claim c: C.\nevidence e: E.\nc <- e\n  scheme: sign\n"))
    assert "The map has no thesis" in text
    assert "No thesis" in text  # W502, under the other findings


# ---- one source of truth: the findings and argmap.analysis ------------------------------------


def test_an_overclaim_the_map_allows_is_not_called_one() -> None:
    text = UNDERCUT_MAP.replace(
        "thesis is-red [very likely]: The object is red.\n",
        "thesis is-red [very likely]: The object is red.\n  allow: W105\n",
    )
    report = report_of(text)
    [row] = report.strength
    assert (row.claims, row.receives, row.verdict) == ("80–95 %", "55–80 %", "allowed")
    assert "W105" not in {f.code for f in report.findings}
    text_report = format_text(report)
    assert "OVERCLAIM" not in text_report and "above its support (allowed)" in text_report
    assert "overclaim" not in format_markdown(report)
    # and a finding left out of those reported is not reported in the table either
    loaded = argmap.parse(UNDERCUT_MAP)
    # (the overclaim is folded into the bare premise it comes from: leave out both)
    chosen = [d for d in loaded.diagnostics if d.code not in ("W105", "W101")]
    assert build_report(loaded.map, chosen).strength[0].verdict == "allowed"


ANSWERED_THROUGH_ITS_GROUND = textwrap.dedent(
    """
    thesis t: T.
      cite: A source
    objection o: O.
    premise p: P.
    o <- p
      scheme: sign
    o rebuts t
    evidence r: R.
    r rebuts p
    evidence q: Q.
    q rebuts r
    """
).lstrip("\n")


def test_an_attack_answered_through_what_its_attacker_rests_on_is_answered() -> None:
    # 'r rebuts p' answers 'o rebuts t' by denying what o rests on; 'q' defeats the answer,
    # so the attack stands, answered but not well: W302 is not reported, and the report
    # says the answer fails rather than that the attack goes unanswered
    report = report_of(ANSWERED_THROUGH_ITS_GROUND)
    unanswered = [f.subjects[0] for f in report.findings if f.code == "W302"]
    assert unanswered == ["q-rebuts-r"]  # the attack on the answer, not the answered attack
    [thesis] = report.theses
    [attack] = thesis.attacks
    assert (attack.attacker, attack.standing, attack.answered) == ("o", Standing.IN, True)
    assert "✗ 'o' rebuts it (the answer fails)" in format_text(report)


def test_a_step_the_map_allows_to_go_unexplained_is_not_counted() -> None:
    text = "thesis t [likely]: T.\nevidence e: E.\n  cite: A study\nt <- e\n"
    assert "its support has no weak links and 1 unexplained step" in format_text(report_of(text))
    allowed = format_text(report_of(text + "  allow: W102\n"))
    assert "its support has no weak links and no unexplained steps" in allowed


def test_why_a_statement_is_undecided_is_what_the_analysis_says() -> None:
    report = report_of(
        "thesis t: T.\nevidence e: E.\nt <- e\n  scheme: sign\n"
        "claim a: A.\nclaim b: B.\na rebuts t\nb rebuts a\na rebuts b\n"
    )
    reasons = {row.id: row.reason for row in report.standing}
    assert reasons["t"] == "'a' rebuts it; it holds in 1 of 2 preferred readings"
    assert reasons["a"] == "'b' rebuts it; it holds in 1 of 2 preferred readings"


# ---- big and deep maps ------------------------------------------------------------------------


def chain_text(steps: int) -> str:
    lines = ["thesis s0 [very likely]: S0."]
    lines += [f"claim s{n}: S{n}." for n in range(1, steps)]
    lines += [f"premise s{steps} [unlikely]: The bottom.", "  cite: A source"]
    lines += [f"s{n} <- s{n + 1}\n  scheme: sign" for n in range(steps)]
    return "\n".join(lines) + "\n"


def test_a_deep_chain_is_reported_in_parts() -> None:
    steps = 3 * MAX_DEPTH + 5  # past the recursion limit too, once at 1,500
    for length in (steps, 1500):
        report = report_of(chain_text(length))
        assert len(report.theses) == 1
        assert [tree.id for tree in report.continued][:3] == [
            f"s{MAX_DEPTH}",
            f"s{2 * MAX_DEPTH}",
            f"s{3 * MAX_DEPTH}",
        ]
        text = format_text(report)
        assert f"CONTINUED s{MAX_DEPTH} (claim; in)" in text and "(continued below)" in text
        assert max(len(line) for line in text.splitlines()) < 200
        assert (
            "thesis 's0' stands against the attacks in the map; its support has 1 weak link" in text
        )
        assert f"### Continued: s{MAX_DEPTH}" in format_markdown(report)
        assert Report.model_validate_json(report.model_dump_json()) == report


class CountingDiagnostic(argmap.Diagnostic):
    """A finding that counts how often the report looks at what it is about."""

    def __getattribute__(self, name: str) -> Any:
        if name == "subjects":
            READS["subjects"] += 1
        return super().__getattribute__(name)


READS = {"subjects": 0}


def test_the_report_looks_at_each_finding_a_few_times_not_once_per_element() -> None:
    lines = ["thesis t: T."]
    for n in range(40):
        lines += [f"claim c{n} [very likely]: C{n}.", f"premise p{n}: P{n}.", f"objection o{n}: O."]
        lines += [f"t <- c{n}", f"c{n} <- p{n}", "  scheme: sign", f"o{n} rebuts c{n}"]
    loaded = argmap.parse("\n".join(lines) + "\n")
    assert not loaded.has_errors
    findings = [CountingDiagnostic(**d.model_dump()) for d in loaded.diagnostics]
    READS["subjects"] = 0
    report = build_report(loaded.map, list(findings))
    assert report.theses
    assert READS["subjects"] <= 4 * len(findings)  # was elements × findings


# ---- argmap report ----------------------------------------------------------------------------


@pytest.fixture
def red(write_map: Callable[..., Path]) -> Path:
    return write_map(UNDERCUT_MAP, name="red.argmap")


def test_report_prints_to_stdout(red: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(red)]) == 0
    assert capsys.readouterr().out.startswith("ARGUMENT REPORT: Red")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_report_writes_a_file_atomically(red: Path, fmt: str) -> None:
    out = red.parent / f"report.{fmt}"
    out.write_text("old", encoding="utf-8")
    assert main(["report", str(red), "--format", fmt, "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(written)["theses"][0]["id"] == "is-red"
    else:
        assert "is-red" in written
    assert sorted(p.name for p in red.parent.iterdir()) == sorted(
        ["red.argmap", f"report.{fmt}"]
    )  # no temporary file left behind


def test_report_never_overwrites_the_map(red: Path) -> None:
    before = red.read_text(encoding="utf-8")
    assert main(["report", str(red), "-o", str(red)]) == 2
    assert red.read_text(encoding="utf-8") == before


def test_report_of_a_map_with_errors_prints_the_errors_and_no_report(
    write_map: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_map("thesis t: T.\nt <- missing\n")
    assert main(["report", str(broken)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "error[E202]" in err and "fix the errors to get a report" in err


def test_report_of_an_unreadable_file_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["report", str(tmp_path / "nope.argmap")]) == 2


# ---- argmap questions -------------------------------------------------------------------------


def test_questions_lists_open_and_answered(red: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", str(red)]) == 0
    out = capsys.readouterr().out
    assert "seeing (line 6): 'is-red' <- looks-red + usually" in out
    assert "Argument from sign (sign): 1 of 2 answered" in out
    assert "[x] 1. What is the strength of the correlation" in out
    assert "answered by 'usually': Things that look red usually are red." in out
    assert "[ ] 2. Are there other events" in out


def test_questions_open_only_and_json(red: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--open", str(red)]) == 0
    out = capsys.readouterr().out
    assert "[x]" not in out and "[ ] 2." in out
    assert main(["questions", "--format", "json", str(red)]) == 0
    [step] = json.loads(capsys.readouterr().out)
    assert [q["answered_by"] for q in step["questions"]] == ["usually", None]


def test_questions_names_steps_without_a_scheme(
    write_map: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_map("thesis t: T.\nevidence e: E.\nt <- e\n")
    assert main(["questions", str(path)]) == 0
    assert "1 step name no scheme, so have no critical questions: t<-e" in capsys.readouterr().out


def test_an_unbacked_warrant_counts_as_a_weak_link_of_the_thesis() -> None:
    text = (
        "thesis t: T.\nevidence e: E.\n  cite: A survey\npremise rule: What E shows, T holds.\n"
        "t <- e\n  warrant: rule\n"
    )
    glance = format_text(report_of(text))
    assert "thesis 't' stands against the attacks in the map; its support has 1 weak link" in glance
