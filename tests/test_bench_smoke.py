"""The benchmarks run: `benchmarks/bench.py --quick` at its smallest size prints its table, and
`benchmarks/bench_stress.py` at a thousandth of the issue's sizes prints its.

A smoke test, not a timing: it needs neither Node nor Argdown (--no-argdown) and no `dot`
(--svg-max 0), and it proves the table's rows are all there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"


def test_the_quick_benchmark_prints_its_table() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--sizes", "100", "--no-argdown", "--svg-max", "0"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    for row in (
        "--version",
        "flagship report",
        "parse (in process)",
        "check | argdown json",
        "report",
        "render dot",
        "re-check after an edit",
    ):
        assert row in done.stdout, done.stdout
    assert "targets (issue 12):" in done.stdout


def test_the_stress_benchmark_prints_its_table() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH.with_name("bench_stress.py")),
            "--scale",
            "0.001",
            "--commands",
            "check",
            "--core",
            "-1",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    for shape in ("chain", "cycle", "wide", "attacks", "10 MB map", "blank lines"):
        assert f"\n{shape} " in done.stdout, done.stdout
    assert "100 steps" in done.stdout and "net time ×" in done.stdout
