"""Synthetic maps of any size, for the benchmarks: a thesis, layers of claims, and evidence,
with hedges, quotes-free text, schemes, warrants, conditionals and attacks in proportion."""

from __future__ import annotations

import random


def synthetic_map(arguments: int, seed: int = 7) -> str:
    """A well-formed map with about `arguments` inferences (each with two or three premises)."""
    rng = random.Random(seed)
    lines = ["title: Synthetic map", "", "thesis t0: The main conclusion of the essay.", ""]
    conclusions = ["t0"]
    hedges = ["", " [likely]", " [very likely]", " [probably]", " [60-80%]"]
    schemes = ["sign", "cause-to-effect", "expert-opinion", "analogy", "consequences"]
    for n in range(arguments):
        conclusion = conclusions[rng.randrange(len(conclusions))]
        premises = []
        for k in range(rng.choice((2, 2, 3))):
            pid = f"s{n}-{k}"
            kind = rng.choice(("premise", "evidence", "claim"))
            lines.append(
                f"{kind} {pid}{rng.choice(hedges)}: Statement {n}.{k} says something "
                "that a reader could question, at ordinary essay length."
            )
            if kind == "evidence":
                lines.append(f"  cite: Source {n}, page {k}")
            if kind == "claim":
                conclusions.append(pid)
            premises.append(pid)
        lines.append(f"i{n}: {conclusion} <- {' + '.join(premises)}")
        if n % 2:
            lines.append(f"  scheme: {rng.choice(schemes)}")
        if n % 10 == 0:
            lines.append(f"objection o{n}: An objection to step {n}.")
            lines.append(f"o{n} undercuts i{n}")
        if n % 15 == 0:
            lines.append(f"condition c{n}: A condition for {premises[0]}.")
            lines.append(f"if c{n} then {premises[0]}")
        lines.append("")
    return "\n".join(lines) + "\n"
