"""Time the drawing of a big map: a generated map of 1,000 arguments (inferences).

    .venv/bin/python benchmarks/bench_render.py [--arguments 1000] [--seed 7] [--full]
        [--keep DIR]

Prints a table: parse + validate + analyse, building the DOT, and Graphviz's layout, for the
default drawing (a big map is drawn from its thesis down as far as fits, compact) and, with
--full, for the whole map (`--depth all`). --keep DIR writes the map and the drawings there.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from argmap import parse
from argmap.render import RenderOptions, draw
from argmap.render.output import layout

T = TypeVar("T")

_WORDS = [
    "trade",
    "sanctions",
    "alliance",
    "pipeline",
    "harvest",
    "treaty",
    "border",
    "currency",
    "election",
    "reform",
    "labour",
    "fuel",
    "railway",
    "debt",
    "engineers",
    "exports",
    "summit",
    "missile",
    "drought",
    "tariff",
    "embargo",
    "students",
]
_HEDGES = ("likely", "very likely", "probably", "may", "unlikely", "60-80%", "almost certain")
_SCHEMES = ("sign", "cause-to-effect", "example", "expert-opinion", "analogy")


def generate(arguments: int, seed: int) -> str:
    """A well-formed map with `arguments` inferences, in a tree under one thesis, with
    evidence, assumptions as warrants, hedges, conditionals, rebuttals and undercuts."""
    rng = random.Random(seed)
    lines = ["title: A generated map of many arguments", "", "thesis t0: The thesis holds."]
    open_claims = ["t0"]
    count = 0
    relation = 0

    def sentence() -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 16))).capitalize() + "."

    while count < arguments:
        conclusion = open_claims.pop(0) if open_claims else "t0"
        for _ in range(rng.randint(1, 3)):
            if count >= arguments:
                break
            premises = []
            for _ in range(rng.choice((1, 1, 2, 2, 3))):
                count_id = f"s{len(lines)}"
                kind = rng.choice(("claim", "claim", "premise", "evidence", "prediction"))
                hedge = f" [{rng.choice(_HEDGES)}]" if rng.random() < 0.2 else ""
                lines.append(f"{kind} {count_id}{hedge}: {sentence()}")
                if kind == "evidence" and rng.random() < 0.5:
                    lines.append(f"  cite: Report {rng.randint(1, 99)}, {rng.randint(1990, 2024)}")
                if kind in ("claim", "prediction"):
                    open_claims.append(count_id)
                premises.append(count_id)
            relation += 1
            name = f"r{relation}"
            lines.append(f"{name}: {conclusion} <- {' + '.join(premises)}")
            if rng.random() < 0.4:
                lines.append(f"  scheme: {rng.choice(_SCHEMES)}")
            if rng.random() < 0.15:
                lines.append(f"  warrant: w{relation}")
                lines.append(f"assumption w{relation}: {sentence()}")
            count += 1
            roll = rng.random()
            if roll < 0.06:
                lines.append(f"objection o{relation}: {sentence()}")
                lines.append(f"o{relation} rebuts {conclusion}")
            elif roll < 0.1:
                lines.append(f"objection o{relation}: {sentence()}")
                lines.append(f"o{relation} undercuts {name}")
            elif roll < 0.13 and premises:
                lines.append(f"condition c{relation}: {sentence()}")
                lines.append(f"if c{relation} then {premises[0]}")
    return "\n".join(lines) + "\n"


def timed(action: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--arguments", type=int, default=1000)
    options.add_argument("--seed", type=int, default=7)
    options.add_argument("--full", action="store_true", help="also lay out the whole map")
    options.add_argument("--keep", type=Path, help="write the map and drawings here")
    args = options.parse_args(argv)

    text = generate(args.arguments, args.seed)
    loaded, parse_time = timed(lambda: parse(text, "generated.argmap"))
    if loaded.has_errors:
        print("the generated map has errors:", *loaded.diagnostics[:5], sep="\n", file=sys.stderr)
        return 1
    argument_map = loaded.map
    analysed = loaded.analysis
    assert analysed is not None  # parse() analyses every map without errors
    findings = analysed.findings
    rows = [("parse + validate + analyse", parse_time, "")]
    drawings = {"default": RenderOptions()}
    if args.full:
        drawings["whole map"] = RenderOptions(depth="all")
    outputs: dict[str, bytes] = {}
    for name, options in drawings.items():
        drawing, build_time = timed(lambda: draw(analysed, options))  # noqa: B023
        drawn = drawing.source.count('class="statement ')
        rows.append((f"DOT build, {name}", build_time, f"{drawn} statements drawn"))
        if shutil.which("dot"):
            svg, layout_time = timed(lambda: layout(drawing.source, "svg"))  # noqa: B023
            size = re.search(rb'width="(\d+)pt" height="(\d+)pt"', svg)
            points = f"{int(size[1])} x {int(size[2])} pt, " if size else ""
            rows.append((f"dot layout, {name}", layout_time, f"{points}{len(svg) // 1024} KiB SVG"))
            outputs[name] = svg
    print(
        f"{args.arguments} arguments: {len(argument_map.statements)} statements, "
        f"{len(argument_map.inferences)} inferences, {len(argument_map.attacks)} attacks, "
        f"{len(argument_map.conditionals)} conditionals, {len(findings)} findings"
    )
    print(f"{'step':<34} {'seconds':>8}  size")
    for step, seconds, size in rows:
        print(f"{step:<34} {seconds:>8.2f}  {size}")
    if not shutil.which("dot"):
        print("(Graphviz's dot is not installed: no layout timed)")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "generated.argmap").write_text(text, encoding="utf-8")
        for name, svg in outputs.items():
            (args.keep / f"generated-{name.replace(' ', '-')}.svg").write_bytes(svg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
