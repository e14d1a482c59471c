"""How fast argmap reads and checks maps, and how much memory it takes.

    .venv/bin/python benchmarks/bench_parse.py            # 100, 1,000 and 5,000 arguments
    .venv/bin/python benchmarks/bench_parse.py 20000      # sizes of your choice

Prints one row per size: the map's lines, the best of three wall-clock times for
`argmap.parse` (parse, validate and analyse), and the peak memory Python allocated.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import synthetic_map

import argmap


def measure(arguments: int) -> tuple[int, float, float, int]:
    text = synthetic_map(arguments)
    argmap.parse(text)  # warm up: the parser is built once, on first use
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        loaded = argmap.parse(text)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    argmap.parse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    errors = sum(d.is_error for d in loaded.diagnostics)
    return text.count("\n"), best, peak / 2**20, errors


def main(sizes: list[int]) -> None:
    print(
        f"{'arguments':>10} {'lines':>8} {'parse+check s':>14} {'lines/s':>10} "
        f"{'peak MiB':>9} {'errors':>7}"
    )
    for size in sizes:
        lines, seconds, peak, errors = measure(size)
        print(
            f"{size:>10} {lines:>8} {seconds:>14.3f} {lines / seconds:>10.0f} "
            f"{peak:>9.1f} {errors:>7}"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000, 5000])
