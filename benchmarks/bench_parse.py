"""How fast argmap reads and checks maps, and how much memory it takes.

    .venv/bin/python benchmarks/bench_parse.py            # 100, 1,000 and 5,000 arguments
    .venv/bin/python benchmarks/bench_parse.py 20000      # sizes of your choice

Prints one row per size: the map's lines, the best of three wall-clock times for
`argmap.parse` (parse, validate and analyse) reading the map afresh (the block cache emptied
first), the best of three re-reading it unchanged (every block's parse found in the cache, as
after an edit elsewhere), and the peak memory Python allocated reading it afresh.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import synthetic_map

import argmap
from argmap.syntax import clear_cache


def best_of_three(text: str, *, fresh: bool) -> tuple[float, argmap.Loaded]:
    best = float("inf")
    for _ in range(3):
        if fresh:
            clear_cache()
        start = time.perf_counter()
        loaded = argmap.parse(text)
        best = min(best, time.perf_counter() - start)
    return best, loaded


def measure(arguments: int) -> tuple[int, float, float, float, int]:
    text = synthetic_map(arguments)
    argmap.parse(text)  # warm up: the parser is built once, on first use
    fresh, loaded = best_of_three(text, fresh=True)
    again, _ = best_of_three(text, fresh=False)
    clear_cache()
    tracemalloc.start()
    argmap.parse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    errors = sum(d.is_error for d in loaded.diagnostics)
    return text.count("\n"), fresh, again, peak / 2**20, errors


def main(sizes: list[int]) -> None:
    print(
        f"{'arguments':>10} {'lines':>8} {'parse+check s':>14} {'lines/s':>10} "
        f"{'re-read s':>10} {'peak MiB':>9} {'errors':>7}"
    )
    for size in sizes:
        lines, fresh, again, peak, errors = measure(size)
        print(
            f"{size:>10} {lines:>8} {fresh:>14.3f} {lines / fresh:>10.0f} "
            f"{again:>10.3f} {peak:>9.1f} {errors:>7}"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000, 5000])
