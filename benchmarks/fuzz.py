"""A long fuzz session over argmap's whole pipeline; prints how many inputs ran and what failed.

    .venv/bin/python benchmarks/fuzz.py --minutes 10
    .venv/bin/python benchmarks/fuzz.py --minutes 1 --seed 3

Four sources of input, taken in turn: text the grammar generates (tests/strategies.py's
GRAMMAR_TEXT and COMMENTED_GRAMMAR_TEXT, through hypothesis), soups of the language's fragments
right and wrong (SOUP), the repository's real maps mutated (bytes flipped, lines cut, doubled,
swapped and spliced), and random text and bytes. Each input goes through everything a user
can reach: `argmap.load` of the bytes (as a file), `argmap.parse`, the check's printer (text
and JSON), the quick reader against lark's parser on every block (argmap.syntax.quick: the
same node, or the block left to lark), the printer's canonical layout (which must read again
as it printed), and for a map
without errors the report in every format, the questions and the DOT drawing.

Any exception is a failure: its input is saved under .cache/fuzz/ (ignored by git) with its
traceback, and the session goes on. Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark.exceptions import UnexpectedInput

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from strategies import COMMENTED_GRAMMAR_TEXT, GRAMMAR_TEXT, SOUP

import argmap
from argmap.cli.printing import format_human, format_json
from argmap.render import RenderOptions, render
from argmap.report import build_report, format_report
from argmap.syntax import format_text, quick
from argmap.syntax.reader import cut, grammar_parser

ROOT = Path(__file__).resolve().parent.parent
FAILURES = ROOT / ".cache" / "fuzz"
REAL_MAPS = sorted((ROOT / "maps").glob("*.argmap")) + sorted(
    (ROOT / "tests" / "fixtures").rglob("*.argmap")
)


class Session:
    def __init__(self, deadline: float, folder: Path) -> None:
        self.deadline = deadline
        self.folder = folder
        self.inputs = 0
        self.failures: list[str] = []

    def done(self) -> bool:
        return time.monotonic() >= self.deadline

    def run(self, data: bytes | str, source: str) -> None:
        self.inputs += 1
        try:
            exercise(data, self.folder)
        except Exception:  # every exception is a finding: save it and go on
            self.failed(data, source, traceback.format_exc())

    def failed(self, data: bytes | str, source: str, trace: str) -> None:
        FAILURES.mkdir(parents=True, exist_ok=True)
        name = f"failure-{len(self.failures):04d}-{source}"
        raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
        (FAILURES / f"{name}.argmap").write_bytes(raw)
        (FAILURES / f"{name}.txt").write_text(trace, encoding="utf-8")
        self.failures.append(f"{source}: {trace.strip().splitlines()[-1]}")


def quick_reads_as_lark(text: str) -> None:
    """Every block the quick reader takes, it reads as lark's parser does (argmap.syntax.quick)."""
    for source in cut(text)[0]:
        block = source.block.text
        mine = quick.read(block)
        if mine is None:
            continue
        try:
            theirs = grammar_parser().parse(block, start="item")
        except UnexpectedInput:
            theirs = None
        if mine != theirs:
            raise AssertionError(f"the quick reader and lark read {block!r} differently")


def exercise(data: bytes | str, folder: Path) -> None:
    """Everything a user can run on one input; raises on any failure."""
    if isinstance(data, bytes):
        path = folder / "fuzzed.argmap"
        path.write_bytes(data)
        loaded = argmap.load(path)
    else:
        loaded = argmap.parse(data, "fuzzed.argmap")
    lines = {"fuzzed.argmap": loaded.lines}
    for problem in loaded.diagnostics:
        format_human(problem, lines, colour=True).encode("utf-8")
    format_json(loaded.diagnostics).encode("utf-8")
    if loaded.text is not None:
        quick_reads_as_lark(loaded.text)
        canonical = format_text(loaded.text)
        again = format_text(canonical)
        if again != canonical:
            raise AssertionError("the printer's layout changes when printed again")
    if loaded.analysis is None:
        return
    report = build_report(loaded.analysis)
    for form in ("text", "markdown", "json"):
        format_report(report, form).encode("utf-8")
    argmap.critical_questions(loaded.map)
    render(loaded.analysis, RenderOptions(format="dot")).decode("utf-8")


def mutations(rng: random.Random) -> Iterator[bytes]:
    """The real maps, mutated a few edits at a time."""
    texts = [path.read_bytes() for path in REAL_MAPS]
    while True:
        data = bytearray(rng.choice(texts))
        for _ in range(rng.randint(1, 6)):
            lines = bytes(data).split(b"\n")
            edit = rng.randrange(7)
            if edit == 0 and data:  # flip a byte
                data[rng.randrange(len(data))] = rng.randrange(256)
            elif edit == 1 and len(lines) > 1:  # cut a line
                del lines[rng.randrange(len(lines))]
                data = bytearray(b"\n".join(lines))
            elif edit == 2:  # double a line
                i = rng.randrange(len(lines))
                lines.insert(i, lines[i])
                data = bytearray(b"\n".join(lines))
            elif edit == 3 and len(lines) > 1:  # swap two lines
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
                data = bytearray(b"\n".join(lines))
            elif edit == 4:  # splice in a line of another map
                other = rng.choice(texts).split(b"\n")
                lines.insert(rng.randrange(len(lines) + 1), rng.choice(other))
                data = bytearray(b"\n".join(lines))
            elif edit == 5 and data:  # indent or unindent a line
                i = rng.randrange(len(lines))
                lines[i] = lines[i][2:] if lines[i].startswith(b"  ") else b"  " + lines[i]
                data = bytearray(b"\n".join(lines))
            else:  # insert a special character
                special = rng.choice(
                    [
                        b"\r",
                        b"\r\n",
                        b"\x00",
                        b"\xef\xbb\xbf",
                        b"\\",
                        b'"',
                        b"[",
                        b"]",
                        b":",
                        b"<-",
                        b"+",
                        b"#",
                        b"\t",
                        b"\xe2\x80\xae",
                        b"\x1b]0;x\x07",
                        b"\xff",
                    ]
                )
                at = rng.randrange(len(data) + 1)
                data[at:at] = special
        yield bytes(data)


def random_inputs(rng: random.Random) -> Iterator[bytes | str]:
    alphabet = 'abc xyz:<-+[]#"“”\\\n\t 0123456789%.,_' + "\r\x00é\ud800"
    while True:
        if rng.random() < 0.5:
            yield bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
        else:
            yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))


def hypothesis_round(session: Session, strategy: st.SearchStrategy[str], source: str) -> None:
    """One batch of hypothesis's examples of `strategy` (it stops early at the deadline)."""

    @settings(
        max_examples=200,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def feed(text: str) -> None:
        if not session.done():
            session.run(text, source)

    feed()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--minutes", type=float, default=5, help="how long to run (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the mutations and noise")
    options = parser.parse_args(argv)
    rng = random.Random(options.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-") as folder:
        session = Session(started + options.minutes * 60, Path(folder))
        mutated, noise = mutations(rng), random_inputs(rng)
        rounds: list[Callable[[], None]] = [
            lambda: hypothesis_round(session, GRAMMAR_TEXT, "grammar"),
            lambda: hypothesis_round(session, COMMENTED_GRAMMAR_TEXT, "commented"),
            lambda: hypothesis_round(session, SOUP, "soup"),
            lambda: [session.run(next(mutated), "mutated") for _ in range(200)] and None,
            lambda: [session.run(next(noise), "random") for _ in range(200)] and None,
        ]
        turn = 0
        while not session.done():
            rounds[turn % len(rounds)]()
            turn += 1
    minutes = (time.monotonic() - started) / 60
    print(f"{session.inputs:,} inputs in {minutes:.1f} min, {len(session.failures)} failures")
    for failure in session.failures[:20]:
        print(f"  {failure}")
    if session.failures:
        print(f"inputs and tracebacks in {FAILURES}")
    return 1 if session.failures else 0


if __name__ == "__main__":
    sys.exit(main())
