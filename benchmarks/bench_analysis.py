"""How fast argmap analyses maps and builds the coach's report.

    .venv/bin/python benchmarks/bench_analysis.py             # the table below
    .venv/bin/python benchmarks/bench_analysis.py 20000       # the chain, and maps of your sizes

Prints one row per map: a straight chain of 2,000 steps (each claim rests on the next, down to
one piece of evidence: the deepest map for its size), and synthetic maps of 1,000 and 5,000
arguments (benchmarks/generate.py). Columns, best of three wall-clock times in seconds:

- parse+check: `argmap.parse`, which reads, validates and analyses the map (`argmap check`);
- calculus: the strength calculus alone (`argmap.strengths`);
- analyse: every check (`argmap.analyse`), the calculus and the labelling included;
- report: `build_report` and `format_text` after the check, as `argmap report` runs them.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import synthetic_map

import argmap
from argmap.model import ArgumentMap
from argmap.report import format_text


def chain_map(steps: int) -> str:
    """A thesis resting on a claim resting on a claim ... resting on one piece of evidence."""
    lines = ["title: A chain", "thesis s0 [likely]: The conclusion at the top of the chain."]
    lines += [f"claim s{n}: Link {n} of the chain." for n in range(1, steps)]
    lines += [f"evidence s{steps}: The evidence at the bottom.", "  cite: A source"]
    for n in range(steps):
        lines += [f"s{n} <- s{n + 1}", "  scheme: sign"]
    return "\n".join(lines) + "\n"


def best(run: Callable[[], object], repeat: int = 3) -> float:
    fastest = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def fresh(argument_map: ArgumentMap) -> ArgumentMap:
    """A copy of the map: the analysis caches its work per map object, and a copy starts over."""
    return argument_map.model_copy()


def measure(text: str) -> tuple[int, int, float, float, float, float]:
    argmap.parse("thesis t: T.\n")  # warm up: the parser is built once, on first use
    loaded = argmap.parse(text)
    parse_check = best(lambda: argmap.parse(text))
    calculus = best(lambda: argmap.strengths(fresh(loaded.map)))
    analyse = best(lambda: argmap.analyse(fresh(loaded.map)))

    def report() -> None:
        checked = argmap.parse(text)  # the report reads what the check computed, as the CLI
        start = time.perf_counter()
        format_text(argmap.build_report(checked.map, checked.diagnostics))
        timings.append(time.perf_counter() - start)

    timings: list[float] = []
    for _ in range(3):
        report()
    elements = len(loaded.map.by_id)
    return text.count("\n"), elements, parse_check, calculus, analyse, min(timings)


def main(sizes: list[int]) -> None:
    maps = [("chain of 2,000 steps", chain_map(2000))]
    maps += [(f"synthetic, {n:,} arguments", synthetic_map(n)) for n in sizes]
    width = max(len(name) for name, _text in maps)
    print(
        f"{'map':<{width}} {'lines':>7} {'elements':>9} {'parse+check':>12} {'calculus':>9} "
        f"{'analyse':>8} {'report':>8}"
    )
    for name, text in maps:
        lines, elements, parse_check, calculus, analyse, report = measure(text)
        print(
            f"{name:<{width}} {lines:>7} {elements:>9} {parse_check:>12.3f} {calculus:>9.3f} "
            f"{analyse:>8.3f} {report:>8.3f}"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
