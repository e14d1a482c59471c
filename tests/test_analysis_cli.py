"""`argmap check` with the analysis: findings printed with the errors, in both formats;
--select and --ignore; exit statuses with and without --strict."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.cli import main

WEAK = """
thesis t [likely, very likely]: T.
premise p [may]: P.
t <- p
  scheme: sign
"""


@pytest.fixture
def weak(write_map: Callable[..., Path]) -> Path:
    return write_map(WEAK)


HEADER = re.compile(r"^\S+:\d+:\d+: (?:error|warning|info)\[(\w+)\]: ", re.MULTILINE)


def codes_printed(out: str) -> list[str]:
    return HEADER.findall(out)


def test_check_prints_findings_like_errors(weak: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-color", str(weak)]) == 0
    captured = capsys.readouterr()
    assert f"{weak}:3:6: warning[W101]: 't' rests on 'p'" in captured.out
    assert "    3 | t <- p\n      |      ^" in captured.out
    assert codes_printed(captured.out) == ["W201", "W202", "W101"]
    assert "0 errors, 3 warnings, 0 infos (1 info not shown: --verbose shows them)" in captured.err


def test_check_strict_fails_on_warnings(weak: Path) -> None:
    assert main(["check", "--strict", str(weak)]) == 1


def test_check_json_has_the_findings(weak: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", "--verbose", str(weak)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["severity"], r["line"]) for r in records] == [
        ("W201", "warning", 1),
        ("W202", "warning", 2),
        ("W101", "warning", 3),
        ("I401", "info", 4),
    ]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--select", "W2"], ["W201", "W202"]),
        (["--select", "W101,I401"], ["W101", "I401"]),
        (["--select", "W101", "--select", "vague-hedge"], ["W202", "W101"]),
        (["--ignore", "W2"], ["W101"]),  # infos only when asked for
        (["--ignore", "W2", "--verbose"], ["W101", "I401"]),
        (["--ignore", "I", "--ignore", "stacked-hedge"], ["W202", "W101"]),
        (["--select", "W", "--ignore", "W101"], ["W201", "W202"]),
    ],
)
def test_select_and_ignore(
    weak: Path, capsys: pytest.CaptureFixture[str], options: list[str], expected: list[str]
) -> None:
    assert main(["check", "--no-color", *options, str(weak)]) == 0
    assert codes_printed(capsys.readouterr().out) == expected


def test_strict_counts_only_the_selected_findings(weak: Path) -> None:
    assert main(["check", "--strict", "--select", "I", str(weak)]) == 0


def test_select_never_hides_errors(
    write_map: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_map("thesis t: T.\nt <- missing\n")
    assert main(["check", "--no-color", "--select", "W1", str(broken)]) == 1
    assert codes_printed(capsys.readouterr().out) == ["E202"]


def test_an_unknown_selector_is_a_usage_error(
    weak: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--select", "X9", str(weak)]) == 2
    assert "'X9' is not a code" in capsys.readouterr().err


def test_sort_impact_puts_first_what_costs_the_thesis_most(
    write_map: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_map(
        """
        premise p [may]: P.
        thesis t: T.
        t <- p
          scheme: sign
        evidence o: O.
          cite: Another study
        o rebuts t
        """
    )
    assert main(["check", "--no-color", str(path)]) == 0
    by_position = codes_printed(capsys.readouterr().out)
    assert main(["check", "--no-color", "--sort", "impact", str(path)]) == 0
    by_impact = codes_printed(capsys.readouterr().out)
    assert sorted(by_position) == sorted(by_impact)
    assert by_position[0] == "W202"  # the vague hedge is written first
    assert by_impact.index("W301") < by_impact.index("W202")  # a defeated thesis costs more
