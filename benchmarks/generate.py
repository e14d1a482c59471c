"""Synthetic maps of any size, for the benchmarks.

`argument_map(n)` is the benchmark's workload (issue 12): n arguments, each two linked premises
and a conclusion; every argument but the first supports or attacks a statement of an earlier
one, every tenth undercuts an earlier inference instead; some hedges, conditionals and quotes
(the quotes are sentences of `essay(n)`, so that the map checks clean against it).
`argdown_map(n)` is the same content as Argdown text, through argmap's own exporter.

`synthetic_map(n)` is the older, looser workload that bench_parse and bench_analysis use.
"""

from __future__ import annotations

import random


def _quoted_sentence(n: int) -> str:
    return f"Trade between the two countries rose in year {n} of the agreement"


def essay(arguments: int) -> str:
    """The essay the map's quotes come from: one sentence for every fifth argument."""
    sentences = [_quoted_sentence(n) + "." for n in range(0, arguments, 5)]
    return "\n".join(" ".join(sentences[i : i + 8]) for i in range(0, len(sentences), 8)) + "\n"


def argument_map(arguments: int, *, source: str = "essay.txt") -> str:
    """A map of `arguments` arguments that checks without errors against `essay(arguments)`.

    Argument n: premises p{n}a and p{n}b linked in inference a{n} to conclusion c{n}. Argument
    0's conclusion is the thesis. Each later one (n % 10 != 0) supports (`c{t} <- c{n}`) or,
    every fourth, rebuts (`c{n} rebuts c{t}`) the conclusion of an earlier argument t; every
    tenth has an objection for its conclusion, which undercuts an earlier inference a{t}. Every
    third premise is hedged, every fifth quotes the essay, every fifteenth argument adds a
    conditional; every inference names its scheme. About 280 bytes an argument (100
    arguments: 27 KB, a long essay's map)."""
    rng = random.Random(arguments)
    lines = ["title: A synthetic case", f"source: {source}", ""]
    for n in range(arguments):
        kind = "thesis" if n == 0 else "objection" if n % 10 == 0 else "claim"
        hedge = " [probably]" if n % 7 == 3 else ""
        lines.append(f"{kind} c{n}{hedge}: Conclusion {n}: the policy changes outcome {n}.")
        first_hedge = " [likely]" if n % 3 == 1 else ""
        lines.append(f"premise p{n}a{first_hedge}: Premise {n}a says a reader could check this.")
        if n % 5 == 0:
            lines.append(f'  quote: "{_quoted_sentence(n)}"')
        lines.append(f"evidence p{n}b: Evidence {n}b reports a figure from a survey.")
        lines.append(f"  cite: Survey {n}, table 2")
        lines.append(f"a{n}: c{n} <- p{n}a + p{n}b")
        lines.append(f"  scheme: {'cause-to-effect' if n % 2 else 'sign'}")
        if n > 0:
            earlier = rng.randrange(n)
            if n % 10 == 0:
                lines.append(f"c{n} undercuts a{earlier}")
            elif n % 4 == 0:
                lines.append(f"c{n} rebuts c{earlier}")
            else:
                lines.append(f"c{earlier} <- c{n}")
        if n % 15 == 0:
            lines.append(f"if p{n}a then c{n}")
        lines.append("")
    return "\n".join(lines)


def argdown_map(arguments: int) -> str:
    """`argument_map(arguments)` as Argdown 1.7.5 text (argmap's exporter)."""
    from argmap.interop.argdown import export_argdown
    from argmap.syntax import parse_map

    parsed, _ = parse_map(argument_map(arguments))
    return export_argdown(parsed)


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
