"""The robustness shapes of issue 12, as map text: a deep support chain, a long support cycle,
one inference of many premises, a long run of attacks on attacks, a 10 MB map and a million
blank lines. tests/test_stress.py runs every command on them; benchmarks/bench_stress.py times
them at two sizes (it puts this folder on its path).

Each shape's size is its one parameter, so the same text serves a quick local test, the
issue's full size in CI, and a benchmark's growth ratio.
"""

from __future__ import annotations

# A map that checks clean: a thesis, a premise and the step between them.
SMALL = "thesis t: The top.\npremise p: A reason.\nt <- p\n  scheme: sign\n"
_AFTER_THE_THESIS = SMALL[len("thesis t: The top.\n") :]


def chain(steps: int) -> str:
    """s0 <- s1 <- … <- s{steps}: a thesis, `steps - 1` claims and cited evidence at the
    bottom; clean (every step names its scheme, whose questions stay open)."""
    lines = ["thesis s0: The top.", *(f"claim s{n}: Link {n}." for n in range(1, steps))]
    lines += [f"evidence s{steps}: The bottom.", "  cite: A source"]
    lines += [f"s{n} <- s{n + 1}\n  scheme: sign" for n in range(steps)]
    return "\n".join(lines) + "\n"


def cycle(size: int) -> str:
    """s0 <- s1 <- … <- s{size-1} <- s0: `size` statements supporting each other in a circle."""
    lines = ["thesis s0: The top.", *(f"claim s{n}: Link {n}." for n in range(1, size))]
    lines += [f"s{n} <- s{(n + 1) % size}\n  scheme: sign" for n in range(size)]
    return "\n".join(lines) + "\n"


def wide(premises: int) -> str:
    """One step into the thesis from `premises` bare premises, on one line."""
    lines = ["thesis t: The top.", *(f"premise p{n}: Reason {n}." for n in range(premises))]
    lines.append("t <- " + " + ".join(f"p{n}" for n in range(premises)))
    return "\n".join(lines) + "\n  scheme: sign\n"


def attacks_on_attacks(depth: int) -> str:
    """o0 rebuts the thesis, o1 undercuts that attack, o2 undercuts o1's, … `depth` deep."""
    lines = ["thesis t: The top.", "premise p: A reason.", "t <- p", "  scheme: sign"]
    lines += [f"objection o{n}: Objection {n}." for n in range(depth)]
    lines.append("a0: o0 rebuts t")
    lines += [f"a{n}: o{n} undercuts a{n - 1}" for n in range(1, depth)]
    return "\n".join(lines) + "\n"


def big_map(paragraphs: int) -> str:
    """A thesis whose text goes on for `paragraphs` indented lines of 1,000 characters (10,000:
    a 10 MB map), then SMALL's premise and step."""
    return "thesis t: The top.\n" + f"  {'word ' * 200}\n" * paragraphs + _AFTER_THE_THESIS


def blank_lines(count: int) -> str:
    """SMALL with `count` blank lines after its thesis."""
    return "thesis t: The top.\n" + "\n" * count + _AFTER_THE_THESIS
