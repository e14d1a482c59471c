"""Robustness at scale: issue 12's shapes at two sizes, and how time and memory grow between them.

    .venv/bin/python benchmarks/bench_stress.py                  # 25 % and 100 % of each size
    .venv/bin/python benchmarks/bench_stress.py --scale 0.1      # both sizes a tenth (a quick look)
    .venv/bin/python benchmarks/bench_stress.py --shapes chain cycle --commands check dot
    .venv/bin/python benchmarks/bench_stress.py --runs 3         # the median of 3 runs

The shapes are tests/shapes.py's, the ones tests/test_stress.py runs in CI: a support chain of
100,000 steps, a support cycle of 50,000 statements, one inference of 10,000 premises, 5,000
attacks on attacks, a 10 MB map and a million blank lines. Each command (by default `argmap
check` and `argmap report`; also `report-json`, `questions`, `dot`, `svg`) runs as a fresh
process on each shape at the small size (--small, a quarter) and at the full one, pinned to
one core (--core, default 1; -1 for none); its wall time and its peak resident memory (the
child's own, through os.wait4) are printed with their growth from the small size to the full
one, beside the growth of the size. Linear is a time ratio near the size ratio.

A process has a fixed cost besides the map (start-up, imports: about 0.2 s and 40 MiB), which
makes small sizes look cheaper than they are; the "net" ratios take off what the same command
costs on a three-line map, so they show the growth of the work that the map causes (shown where
the small size costs at least NET_SECONDS or NET_MEBIBYTES more than that map; "–" elsewhere).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import ARGMAP, Measure, median_process, pin_this_process, print_table

HERE = Path(__file__).resolve().parent

# each shape: tests/shapes.py's function, the issue's size, and what the size counts
SHAPES: dict[str, tuple[str, int, str]] = {
    "chain": ("chain", 100_000, "steps"),
    "cycle": ("cycle", 50_000, "statements"),
    "wide": ("wide", 10_000, "premises"),
    "attacks": ("attacks_on_attacks", 5_000, "attacks"),
    "10 MB map": ("big_map", 10_000, "1 kB lines"),
    "blank lines": ("blank_lines", 1_000_000, "lines"),
}
# (`render` draws the top of a big map, so its SVG is laid out from a few hundred statements
# at most: argmap/render/select.py)
COMMANDS: dict[str, tuple[str, ...]] = {
    "check": ("check",),
    "report": ("report",),
    "report-json": ("report", "--format", "json"),
    "questions": ("questions",),
    "dot": ("render", "--format", "dot", "-o", "-"),
    "svg": ("render", "--format", "svg", "-o", "-"),
}


@dataclass(frozen=True)
class Row:
    shape: str
    command: str
    sizes: tuple[int, int]
    unit: str
    megabytes: tuple[float, float]
    small: Measure
    full: Measure
    base: Measure  # the command on a three-line map: the process's fixed cost

    def cells(self) -> list[str]:
        size_ratio = self.sizes[1] / self.sizes[0]

        def ratio(full: float, small: float) -> str:
            return f"{full / small:.1f}×" if small > 0 else ""

        def net(full: float, small: float, base: float, least: float) -> str:
            # only where the small size's own share stands out of the noise
            return ratio(full - base, small - base) if small - base >= least else "–"

        def megabytes(size: float) -> str:
            return f"{size:.2f}" if size < 10 else f"{size:.1f}"

        return [
            self.shape,
            self.command,
            f"{self.sizes[0]:,} → {self.sizes[1]:,} {self.unit}",
            f"{megabytes(self.megabytes[0])} → {megabytes(self.megabytes[1])}",
            f"{self.small.seconds:.2f} → {self.full.seconds:.2f}",
            f"{self.small.mebibytes:.0f} → {self.full.mebibytes:.0f}",
            f"{size_ratio:.1f}×",
            ratio(self.full.seconds, self.small.seconds),
            net(self.full.seconds, self.small.seconds, self.base.seconds, NET_SECONDS),
            ratio(self.full.mebibytes, self.small.mebibytes),
            net(self.full.mebibytes, self.small.mebibytes, self.base.mebibytes, NET_MEBIBYTES),
        ]


# a net ratio is shown when the small size costs at least this much above the three-line map
NET_SECONDS = 0.1
NET_MEBIBYTES = 10.0

HEADINGS = [
    "shape",
    "command",
    "size",
    "file MB",
    "seconds",
    "peak MiB",
    "size ×",
    "time ×",
    "net time ×",
    "memory ×",
    "net memory ×",
]


def write_shape(folder: Path, shape: str, size: int) -> Path:
    """The shape's map at `size`, written by a child process (a child's peak RSS would count
    this process's pages if it grew large and forked)."""
    function = SHAPES[shape][0]
    path = folder / f"{function}-{size}.argmap"
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import shapes; from pathlib import Path; "
        f"Path(sys.argv[2]).write_text(shapes.{function}({size}), encoding='utf-8')"
    )
    subprocess.run([sys.executable, "-c", code, str(HERE.parent / "tests"), str(path)], check=True)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    parser.add_argument(
        "--commands", nargs="+", choices=list(COMMANDS), default=["check", "report"]
    )
    parser.add_argument("--scale", type=float, default=1.0, help="of the issue's sizes (1.0)")
    parser.add_argument("--small", type=float, default=0.25, help="the small size's share")
    parser.add_argument("--runs", type=int, default=1, help="runs for each median (1)")
    parser.add_argument("--core", type=int, default=1, help="the core to pin to (-1: no pinning)")
    options = parser.parse_args(argv)
    core = None if options.core < 0 or (os.cpu_count() or 1) <= options.core else options.core
    pin_this_process(core)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="argmap-stress-") as name:
        folder = Path(name)
        tiny = folder / "tiny.argmap"
        tiny.write_text("thesis t: The top.\npremise p: A reason.\nt <- p\n  scheme: sign\n")
        bases = {
            command: median_process([*ARGMAP, *COMMANDS[command], str(tiny)], folder, core, 1)
            for command in options.commands
        }
        for shape in options.shapes:
            _, issue_size, unit = SHAPES[shape]
            full = max(round(issue_size * options.scale), 2)
            sizes = (max(round(full * options.small), 1), full)
            paths = [write_shape(folder, shape, size) for size in sizes]
            megabytes = (paths[0].stat().st_size / 1e6, paths[1].stat().st_size / 1e6)
            for command in options.commands:
                print(f"  {shape}, {command} ...", file=sys.stderr, flush=True)
                run = [*ARGMAP, *COMMANDS[command]]
                small, large = (
                    median_process([*run, str(p)], folder, core, options.runs) for p in paths
                )
                rows.append(
                    Row(shape, command, sizes, unit, megabytes, small, large, bases[command])
                )
            for path in paths:
                path.unlink()
    pinned = f"pinned to core {core}" if core is not None else "not pinned"
    print(f"median of {options.runs} run(s), {pinned}; Python {sys.version.split()[0]}")
    print_table(HEADINGS, [row.cells() for row in rows], left=3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
