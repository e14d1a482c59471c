"""Input that once hung, leaked or took minutes: each case is the general fix's test.

(Speed itself is measured in benchmarks/; these inputs are sized so that the old code took
seconds to minutes and the fixed code takes milliseconds, so a regression is a slow test and
a failure here, not a flaky timing.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.cli.printing import format_human
from argmap.validate import PASSAGE_CHARS, closest_passage
from argmap.words import visible


def test_a_named_pipe_given_as_the_map_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "map.argmap"
    os.mkfifo(fifo)
    # in a child process, so that a regression hangs the child (and fails), not the suite
    code = f"import argmap; print(argmap.load({str(fifo)!r}).diagnostics[0].message)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "it is a named pipe, not a text file" in done.stdout


def test_e100_for_bytes_that_are_not_utf8_points_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.argmap"
    path.write_bytes("thesis t: T.\npremise p: naïve \xff.\n".encode("utf-8", "surrogateescape"))
    path.write_bytes(b"thesis t: T.\npremise p: na\xc3\xafve \xff.\n")
    (problem,) = argmap.load(path).diagnostics
    assert problem.code == "E100"
    assert problem.span is not None and (problem.span.line, problem.span.column) == (2, 18)
    assert "byte 0xff at 2:18" in problem.message


def test_a_hedge_with_a_long_run_of_spaces_reads_at_once() -> None:
    # two runs of white space side by side in the probability pattern backtracked: 51 s
    loaded = argmap.parse("thesis t [1" + " " * 32_000 + "x]: T.\n")
    assert [d.code for d in loaded.diagnostics if d.is_error] == ["E203"]


def test_the_closest_passage_is_short_and_cheap_on_a_huge_one_sentence_essay() -> None:
    essay = " ".join(f"w{n}" for n in range(150_000))  # one sentence of 1 MB
    start = essay.index(" w70000 ")
    quote = essay[start : start + 1_750].replace("w70100", "w7O1OO")  # a near miss
    passage = closest_passage(quote, essay)
    assert passage is not None and len(passage) <= PASSAGE_CHARS
    assert passage.endswith("…") and passage.removesuffix("…") in essay


def test_the_closest_passage_still_finds_the_near_miss() -> None:
    essay = "Russia wrote off most of the debt. The brotherhood of nations still exists today."
    assert closest_passage("the brotherhood of nation still exist today", essay) == (
        "The brotherhood of nations still exists today."
    )


def test_control_characters_from_a_map_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil.argmap"
    # ESC ]0; retitles a terminal, ESC ]52; writes its clipboard; U+202E reverses text
    path.write_text(
        "thesis t: T.\nt <- x\x1b]0;owned\x07\x1b]52;c;Y2F0\x07\u202e\n", encoding="utf-8"
    )
    assert main(["check", "--no-color", str(path)]) == 1
    shown = capsys.readouterr()
    for stream in (shown.out, shown.err):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
    assert "␛]0;owned␇" in shown.out  # shown as marks, in their places


def test_visible_keeps_text_and_columns() -> None:
    assert visible("plain “text” — fine") == "plain “text” — fine"
    assert visible("a\tb\x00c\x7fd\x9be") == "a␉b␀c␡d\ufffde"
    assert len(visible("x\x1b[31my")) == len("x\x1b[31my")


def test_an_excerpt_of_a_megabyte_line_is_a_window() -> None:
    line = "thesis t: " + "x" * 1_000_000
    found = argmap.parse(line + "\nt <- missing\n").diagnostics
    text = format_human(found[0], {"<text>": [line, "t <- missing"]})
    assert len(text) < 1_000


def test_control_characters_from_a_map_never_reach_a_report(tmp_path: Path) -> None:
    from argmap.report import build_report, format_report

    loaded = argmap.parse("thesis t: Owned\x1b]52;c;Y2F0\x07 \u202etxet.\npremise p: P.\nt <- p\n")
    assert loaded.analysis is not None
    report = build_report(loaded.analysis)
    for output_format in ("text", "markdown"):
        shown = format_report(report, output_format)
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
        assert "␛" in shown and "␇" in shown  # shown as marks (markdown escapes the "]")
