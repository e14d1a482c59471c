"""argmap's benchmark: one table of wall time and peak memory, beside Argdown 1.7.5 where Node is.

    .venv/bin/python benchmarks/bench.py              # N = 100, 1,000, 5,000, 20,000; 5 runs
    .venv/bin/python benchmarks/bench.py --quick      # N = 100 and 1,000, one run, no Argdown
    .venv/bin/python benchmarks/bench.py --sizes 100 5000 --runs 3 --no-argdown
    make bench

The workload is benchmarks/generate.py's `argument_map(n)` (n arguments, checked against its
essay) and the same content as Argdown (`argdown_map(n)`), written to a temporary folder. For
each size:

- parse:     `argmap.syntax.parse_map`, in process, the block cache emptied first;
- check:     `argmap check FILE`, a fresh process (the user's experience: start-up included);
- report:    `argmap report FILE`;
- dot:       `argmap render FILE --format dot`;
- svg:       `argmap render FILE --format svg` (Graphviz's dot included), up to --svg-max;
- re-check:  `argmap.parse` in process after a one-line edit, the block cache warm (an editor's
             re-check on a keystroke);

and once: `argmap --version`, and the flagship (maps/north-korea-russia-us.argmap) reported,
rendered to SVG and re-checked after an edit. Times are medians of --runs runs; memory is the
child's peak RSS (os.wait4) for a process, tracemalloc's peak for the in-process rows. Every
process is pinned to one core (taskset -c CORE, default 1) when the machine has it.

With Node.js and npm, `@argdown/cli@1.7.5` is installed into .cache/argdown/ (ignored by git)
and `argdown json` and `argdown map --format dot` run on the Argdown files in the same way;
the table then gives the ratios, and the last lines compare them with the issue's targets.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import argdown_map, argument_map, essay

ROOT = Path(__file__).resolve().parent.parent
# The installed command, as a user runs it (its start-up is part of every row's time).
_SCRIPT = Path(sys.executable).with_name("argmap")
ARGMAP = (
    [str(_SCRIPT)]
    if _SCRIPT.exists()
    else [sys.executable, "-c", "from argmap.cli import entry_point; entry_point()"]
)
ARGDOWN_FOLDER = ROOT / ".cache" / "argdown"
ARGDOWN_VERSION = "1.7.5"
FLAGSHIP = ROOT / "maps" / "north-korea-russia-us.argmap"
SIZES = (100, 1_000, 5_000, 20_000)
# dot's layout of thousands of nodes takes minutes and the picture cannot be read: the SVG row
# stops at this size (the DOT row, argmap's own share of the work, goes on).
SVG_MAX = 5_000


@dataclass(frozen=True)
class Measure:
    seconds: float
    mebibytes: float


def _pinned(command: Sequence[str], core: int | None) -> list[str]:
    if core is not None and shutil.which("taskset"):
        return ["taskset", "-c", str(core), *command]
    return list(command)


def run_process(command: Sequence[str], cwd: Path, core: int | None) -> Measure:
    """One run of a command: its wall time and its peak resident memory (its own, through
    os.wait4, not the largest of every child so far)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        _pinned(command, core), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # 1: the map has findings, as a check may; a traceback is a failure whatever the status
    if process.returncode not in (0, 1) or b"Traceback" in errors:
        raise RuntimeError(f"{' '.join(command)} failed: {errors.decode(errors='replace')}")
    # taskset execs the command, so the RSS is the command's own
    return Measure(seconds, usage.ru_maxrss / 1024)


def median_process(command: Sequence[str], cwd: Path, core: int | None, runs: int) -> Measure:
    measures = [run_process(command, cwd, core) for _ in range(runs)]
    return Measure(
        statistics.median(m.seconds for m in measures),
        statistics.median(m.mebibytes for m in measures),
    )


def median_in_process(
    work: Callable[[], object], runs: int, prepare: Callable[[], object]
) -> Measure:
    """The median wall time of `work` (after `prepare`, untimed), and tracemalloc's peak in
    one more run (tracemalloc slows the run it watches, so it is not a timed one)."""
    times = []
    for _ in range(runs):
        prepare()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    prepare()
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Measure(statistics.median(times), peak / 2**20)


def edited(text: str, number: int) -> str:
    """The text with one statement's line changed, as a writer's keystroke changes it."""
    marker = "Premise 1a says"
    return text.replace(marker, f"Premise 1a (edit {number}) says", 1)


def recheck(text: str, essay_text: str, runs: int) -> Measure:
    import argmap

    argmap.parse(text, essay_text=essay_text)  # the editor has checked the file once
    edits = iter(range(10**6))
    return median_in_process(
        lambda: argmap.parse(edited(text, next(edits)), essay_text=essay_text),
        runs=max(runs, 5),
        prepare=lambda: None,
    )


def parse_only(text: str, runs: int) -> Measure:
    from argmap.syntax import clear_cache, parse_map

    return median_in_process(lambda: parse_map(text), runs, prepare=clear_cache)


def argdown_command() -> list[str] | None:
    """The argdown command, installed into .cache/argdown/ when Node and npm are there."""
    executable = ARGDOWN_FOLDER / "node_modules" / ".bin" / "argdown"
    if not executable.exists():
        if not (shutil.which("node") and shutil.which("npm")):
            return None
        print(
            f"installing @argdown/cli@{ARGDOWN_VERSION} into {ARGDOWN_FOLDER} ...", file=sys.stderr
        )
        ARGDOWN_FOLDER.mkdir(parents=True, exist_ok=True)
        installed = subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--prefix",
                str(ARGDOWN_FOLDER),
                f"@argdown/cli@{ARGDOWN_VERSION}",
            ],
            check=False,
        )
        if installed.returncode != 0 or not executable.exists():
            print("could not install Argdown: its columns stay empty", file=sys.stderr)
            return None
    return [str(executable)]


@dataclass
class Row:
    workload: str
    size: str
    argmap: Measure | None
    argdown: Measure | None = None

    def cells(self) -> list[str]:
        def cell(m: Measure | None) -> list[str]:
            return [f"{m.seconds:.3f}", f"{m.mebibytes:.0f}"] if m else ["", ""]

        ratio = ""
        if self.argmap and self.argdown:
            ratio = f"{self.argdown.seconds / self.argmap.seconds:.1f}×"
        return [self.workload, self.size, *cell(self.argmap), *cell(self.argdown), ratio]


HEADINGS = ["workload", "N", "argmap s", "MiB", "Argdown s", "MiB", "Argdown/argmap"]


def print_table(headings: list[str], lines: list[list[str]], left: int) -> None:
    """A plain-text table: the first `left` columns aligned left (names), the rest right
    (numbers), a rule under the headings. benchmarks/bench_stress.py prints with it too."""
    table = [headings, *lines]
    widths = [max(len(line[i]) for line in table) for i in range(len(headings))]
    for number, line in enumerate(table):
        print(
            " | ".join(
                c.ljust(w) if i < left else c.rjust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=True))
            )
        )
        if number == 0:
            print("-|-".join("-" * w for w in widths))


def write_workload(folder: Path, size: int) -> tuple[Path, Path]:
    """The map, its essay and its Argdown twin, written by a child process: a child's peak RSS
    counts the pages it shares with its parent when forked, so this process stays small
    until every process row is measured (the in-process rows come last)."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import bench; "
        "bench.write_files(bench.Path(sys.argv[2]), int(sys.argv[3]))"
    )
    here = str(Path(__file__).resolve().parent)
    subprocess.run([sys.executable, "-c", code, here, str(folder), str(size)], check=True)
    return folder / f"case-{size}.argmap", folder / f"case-{size}.argdown"


def write_files(folder: Path, size: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "essay.txt").write_text(essay(size), encoding="utf-8")
    map_file = folder / f"case-{size}.argmap"
    map_file.write_text(argument_map(size), encoding="utf-8")
    argdown_file = folder / f"case-{size}.argdown"
    argdown_file.write_text(argdown_map(size), encoding="utf-8")


def measure_size(
    size: int, folder: Path, options: argparse.Namespace, argdown: list[str] | None
) -> list[Row]:
    core, runs = options.core, options.runs
    map_file, argdown_file = write_workload(folder / str(size), size)
    cwd = map_file.parent
    name = map_file.name
    n = f"{size:,}"
    print(f"  N = {n} ...", file=sys.stderr)
    rows: list[Row] = []

    def both(workload: str, ours: list[str], theirs: list[str] | None) -> Row:
        return Row(
            workload,
            n,
            median_process(ours, cwd, core, runs),
            median_process(theirs, cwd, core, runs) if theirs and argdown else None,
        )

    out = str(cwd / "out")
    rows.append(
        both(
            "check | argdown json",
            [*ARGMAP, "check", name],
            [*(argdown or []), "json", argdown_file.name, out],
        )
    )
    rows.append(Row("report", n, median_process([*ARGMAP, "report", name], cwd, core, runs)))
    rows.append(
        both(
            "render dot | argdown map dot",
            [*ARGMAP, "render", name, "--format", "dot", "-o", "out.dot"],
            [*(argdown or []), "map", argdown_file.name, out, "--format", "dot"],
        )
    )
    if size <= options.svg_max:
        rows.append(
            Row(
                "render svg",
                n,
                median_process(
                    [*ARGMAP, "render", name, "--format", "svg", "-o", "out.svg"], cwd, core, runs
                ),
            )
        )
    return rows


def measure_in_process(size: int, folder: Path, runs: int) -> list[Row]:
    text = (folder / str(size) / f"case-{size}.argmap").read_text(encoding="utf-8")
    n = f"{size:,}"
    return [
        Row("parse (in process)", n, parse_only(text, runs)),
        Row("re-check after an edit", n, recheck(text, essay(size), runs)),
    ]


def measure_once(options: argparse.Namespace, argdown: list[str] | None, folder: Path) -> list[Row]:
    core, runs = options.core, options.runs
    version = Row(
        "--version",
        "",
        median_process([*ARGMAP, "--version"], folder, core, runs),
        median_process([*argdown, "--version"], folder, core, runs) if argdown else None,
    )
    flagship = FLAGSHIP.name
    cwd = FLAGSHIP.parent
    svg = folder / "flagship.svg"
    text = FLAGSHIP.read_text(encoding="utf-8")
    essay_text = (cwd / "north-korea-russia-us.txt").read_text(encoding="utf-8")
    import argmap

    def recheck_flagship() -> Measure:
        argmap.parse(text, str(FLAGSHIP), essay_text=essay_text)
        edits = iter(range(10**6))
        # a statement's line, as a writer edits it
        line = next(line for line in text.splitlines() if line.startswith("premise "))
        return median_in_process(
            lambda: argmap.parse(
                text.replace(line, f"{line} {next(edits)}", 1),
                str(FLAGSHIP),
                essay_text=essay_text,
            ),
            runs=max(runs, 5),
            prepare=lambda: None,
        )

    return [
        version,
        Row("flagship check", "", median_process([*ARGMAP, "check", flagship], cwd, core, runs)),
        Row("flagship report", "", median_process([*ARGMAP, "report", flagship], cwd, core, runs)),
        Row(
            "flagship render svg",
            "",
            median_process([*ARGMAP, "render", flagship, "-o", str(svg)], cwd, core, runs),
        ),
        Row("flagship re-check after an edit", "", recheck_flagship()),
    ]


def find(rows: list[Row], workload: str, size: str) -> Row | None:
    return next((r for r in rows if r.workload == workload and r.size == size), None)


def print_targets(rows: list[Row]) -> None:
    """Issue 12's targets, each with what this run measured."""
    print("\ntargets (issue 12):")

    def faster(workload: str, size: str, goal: float, label: str) -> None:
        row = find(rows, workload, size)
        if row and row.argmap and row.argdown:
            ratio = row.argdown.seconds / row.argmap.seconds
            met = "met" if ratio >= goal else "NOT met"
            print(f"  {label}: {ratio:.1f}× faster than Argdown (target ≥ {goal:g}×): {met}")

    def under(workload: str, goal: float, label: str) -> None:
        row = find(rows, workload, "")
        if row and row.argmap:
            met = "met" if row.argmap.seconds <= goal else "NOT met"
            print(
                f"  {label}: {row.argmap.seconds * 1000:.0f} ms "
                f"(target ≤ {goal * 1000:.0f} ms): {met}"
            )

    faster("--version", "", 5, "--version")
    faster("check | argdown json", "100", 4, "check, 100 arguments")
    faster("check | argdown json", "5,000", 3, "check, 5,000 arguments")
    row = find(rows, "check | argdown json", "5,000")
    if row and row.argmap and row.argdown:
        share = row.argmap.mebibytes / row.argdown.mebibytes
        met = "met" if share <= 0.5 else "NOT met"
        print(f"  peak memory, 5,000 arguments: {share:.2f} of Argdown's (target ≤ 0.5): {met}")
    small, big = (
        find(rows, "check | argdown json", "5,000"),
        find(rows, "check | argdown json", "20,000"),
    )
    if small and big and small.argmap and big.argmap:
        growth = big.argmap.seconds / small.argmap.seconds
        met = "met" if growth <= 4.5 else "NOT met"
        theirs = ""
        if small.argdown and big.argdown:
            theirs = f"; Argdown {big.argdown.seconds / small.argdown.seconds:.1f}×"
        print(f"  growth of check, 20,000 / 5,000: {growth:.1f}× (target ≤ 4.5×{theirs}): {met}")
    under("flagship render svg", 0.3, "render the flagship to SVG")
    under("flagship report", 0.25, "report on the flagship")
    under("flagship re-check after an edit", 0.010, "re-check the flagship after an edit")


def pin_this_process(core: int | None) -> None:
    if core is not None and hasattr(os, "sched_setaffinity"):
        with contextlib.suppress(OSError):  # a machine with fewer cores: run unpinned
            os.sched_setaffinity(0, {core})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--quick", action="store_true", help="N = 100 and 1,000, one run, no Argdown"
    )
    parser.add_argument("--sizes", type=int, nargs="+", help="the sizes (N) to measure")
    parser.add_argument("--runs", type=int, help="runs for each median (default 5; --quick 1)")
    parser.add_argument("--core", type=int, default=1, help="the core to pin to (-1: no pinning)")
    parser.add_argument("--svg-max", type=int, default=SVG_MAX, help="largest N rendered to SVG")
    parser.add_argument("--no-argdown", action="store_true", help="do not run Argdown")
    options = parser.parse_args(argv)
    options.sizes = options.sizes or ([100, 1_000] if options.quick else list(SIZES))
    options.runs = options.runs or (1 if options.quick else 5)
    options.core = (
        None if options.core < 0 or (os.cpu_count() or 1) <= options.core else options.core
    )
    pin_this_process(options.core)
    argdown = None if options.no_argdown or options.quick else argdown_command()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as name:
        folder = Path(name)
        once = measure_once(options, argdown, folder)
        by_size = {size: measure_size(size, folder, options, argdown) for size in options.sizes}
        # last: what runs in this process makes it large, and forked children would count it
        rows += once
        for size in options.sizes:
            rows += measure_in_process(size, folder, options.runs) + by_size[size]
    pinned = f"pinned to core {options.core}" if options.core is not None else "not pinned"
    print(
        f"median of {options.runs} run(s), {pinned}; Python {sys.version.split()[0]}"
        + (f", Argdown {ARGDOWN_VERSION}" if argdown else ", no Argdown")
    )
    print_table(HEADINGS, [row.cells() for row in rows], left=2)
    print_targets(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
