"""Any well-formed map, however tangled (circles, attacks on attacks, suppositions), is drawn
whole and consistently, at any focus and depth; and Graphviz lays every such drawing out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_support import groups, parse_dot, tooltip_of
from shapes import wide
from strategies import examples
from test_analysis_robust import attacked_maps

import argmap
from argmap.analysis import CHECKS, analyse
from argmap.model import ArgumentMap
from argmap.render import RenderOptions, draw, render
from argmap.render.select import LAYOUT_MOST

DOT = RenderOptions(format="dot")
WHOLE = RenderOptions(format="dot", depth="all")  # a big map too, not the part near its top
QUICK_CHECKS = tuple(check for check in CHECKS if not check.__module__.endswith(".attacks"))


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(attacked_maps(), st.data())
def test_any_map_is_drawn_whole_and_consistently(
    argument_map: ArgumentMap, data: st.DataObject
) -> None:
    # The flags come from the support and hedge checks; the attack checks can take a second
    # on a small tangled map (they enumerate preferred and stable readings), and the
    # maps' findings are checked whole in test_render_svg.
    findings = analyse(argument_map, checks=QUICK_CHECKS).findings
    dot = parse_dot(draw(argument_map, findings=findings).source)
    ids = {attributes.get("id") for attributes in dot.nodes.values()}
    ids |= {attributes.get("id") for _t, _h, attributes in dot.edges}
    assert {s.id for s in argument_map.statements} <= ids
    assert set(argument_map.by_id) <= ids  # every relation is drawn, as a junction or an edge
    for tail, head, _attributes in dot.edges:
        assert tail in dot.nodes and head in dot.nodes  # no edge to an undrawn element
    focus = data.draw(st.sampled_from([s.id for s in argument_map.statements]))
    depth = data.draw(st.one_of(st.none(), st.integers(0, 3)))
    part = parse_dot(
        draw(argument_map, RenderOptions(focus=focus, depth=depth), findings=findings).source
    )
    assert focus in {a.get("id") for a in part.nodes.values()}
    for tail, head, _attributes in part.edges:
        assert tail in part.nodes and head in part.nodes


@pytest.mark.needs_dot
@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(attacked_maps())
def test_graphviz_lays_out_any_map(argument_map: ArgumentMap) -> None:
    ET.fromstring(
        render(argument_map, findings=analyse(argument_map, checks=QUICK_CHECKS).findings)
    )


# ---- attacks that come back to themselves, and very long chains ---------------------------
# The renderer once decided whether an attack on an attack is drawn by recursing into the
# attack it targets: an attack undercutting itself, two undercutting each other, or a chain
# of some 1,000 undercuts of undercuts ended in a RecursionError.

SELF_UNDERCUT = """\
thesis t: a
objection o: b
x: o undercuts x
"""

UNDERCUT_CYCLE = """\
thesis t: The thesis.
premise p: A premise.
objection o: An objection.
objection q: Another objection.
s: t <- p
x: o undercuts y
y: q undercuts x
o rebuts t
q undercuts s
"""


def undercut_chain(length: int) -> str:
    """A step undercut, the undercut undercut, and so on `length` times."""
    lines = ["thesis t: The thesis.", "premise p: A premise.", "s: t <- p"]
    target = "s"
    for index in range(length):
        lines += [
            f"objection o{index}: Objection {index}.",
            f"u{index}: o{index} undercuts {target}",
        ]
        target = f"u{index}"
    return "\n".join(lines) + "\n"


def parsed(text: str) -> ArgumentMap:
    """The map as parsed, errors or not: the renderer must draw any map parse returns."""
    return argmap.parse(text, "tangle.argmap").map


def test_an_attack_undercutting_itself_is_drawn_as_a_loop() -> None:
    dot = parse_dot(render(parsed(SELF_UNDERCUT), DOT).decode())
    junction = dot.name_of("x")
    assert dot.edge("x:attacker")[:2] == (dot.name_of("o"), junction)
    assert dot.edge("x:target")[:2] == (junction, junction)


def test_attacks_undercutting_each_other_are_both_drawn() -> None:
    argument_map = parsed(UNDERCUT_CYCLE)
    dot = parse_dot(render(argument_map, DOT).decode())
    assert dot.edge("x:target")[:2] == (dot.name_of("x"), dot.name_of("y"))
    assert dot.edge("y:target")[:2] == (dot.name_of("y"), dot.name_of("x"))
    for focus in ("t", "o", "q"):
        for depth in (None, 0, 1, 2):
            part = parse_dot(draw(argument_map, RenderOptions(focus=focus, depth=depth)).source)
            for tail, head, _attributes in part.edges:
                assert tail in part.nodes and head in part.nodes


def test_a_chain_of_thousands_of_undercuts_is_drawn() -> None:
    argument_map = parsed(undercut_chain(3000))
    dot = parse_dot(render(argument_map, WHOLE).decode())
    assert dot.edge("u2999")[:2] == (dot.name_of("o2999"), dot.name_of("u2998"))
    assert dot.edge("u2998:target")[:2] == (dot.name_of("u2998"), dot.name_of("u2997"))
    part = parse_dot(draw(argument_map, RenderOptions(focus="o1500", depth=2)).source)
    assert "o1500" in {a.get("id") for a in part.nodes.values()}


@pytest.mark.parametrize(
    ("text", "below"),
    [(undercut_chain(LAYOUT_MOST), LAYOUT_MOST + 1), (wide(LAYOUT_MOST + 1), LAYOUT_MOST + 1)],
    ids=["undercuts", "premises"],
)
def test_a_first_step_too_big_to_lay_out_is_summarised_under_the_thesis(
    text: str, below: int
) -> None:
    # thousands of undercuts are one step (each with the attack it answers), as are thousands
    # of premises of one inference: dot would take minutes, so the thesis is drawn alone
    argument_map = parsed(text)
    source = draw(argument_map, DOT).source
    dot = parse_dot(source)
    statements = {s.id for s in argument_map.statements}
    assert {a.get("id") for a in dot.nodes.values()} & statements == {"t"}
    assert f"▸ {below} more statements" in source
    assert f"1 of {below + 1} statements: the top of a big map" in source


def test_a_first_step_that_can_be_laid_out_is_drawn_whole() -> None:
    argument_map = parsed(wide(LAYOUT_MOST - 1))  # the thesis and its premises: LAYOUT_MOST
    dot = parse_dot(render(argument_map, DOT).decode())
    assert {s.id for s in argument_map.statements} <= {a.get("id") for a in dot.nodes.values()}


def test_elements_sharing_an_id_are_each_drawn_or_not_on_their_own() -> None:
    # An error, but parse returns the map: the step 's' has no premises to draw, though the
    # statement 's' is drawn; and the undercut aims at the first element named 'x'.
    text = "prediction s: S.\ns: c <-\nthesis x: X.\nobjection o: O.\nx: o undercuts x\n"
    dot = parse_dot(render(parsed(text), DOT).decode())
    assert {a.get("id") for a in dot.nodes.values()} >= {"s", "x", "o"}


@pytest.mark.needs_dot
@pytest.mark.parametrize("text", [SELF_UNDERCUT, UNDERCUT_CYCLE], ids=["self", "cycle"])
def test_graphviz_lays_out_attack_cycles(text: str) -> None:
    ET.fromstring(render(parsed(text)))


# ---- any map the parser returns is drawn ---------------------------------------------------
# Maps written as text from fragments that tangle: self-attacks, attack cycles, attacks on
# attacks, undercuts of undercuts, deep chains, references to nothing, lines that do not
# parse. `argmap.parse` returns a map for any text; `render` must draw every one.

IDS = ("t", "p", "o", "s", "x", "y", "ghost")
ID = st.sampled_from(IDS)
KIND = st.sampled_from(("thesis", "claim", "premise", "evidence", "objection", "assumption"))
HEDGE = st.sampled_from(("", " [likely]", " [may]", " [accepted]", " [almost certain, likely]"))


@st.composite
def fragment(draw: st.DrawFn) -> str:
    a, b, c = draw(ID), draw(ID), draw(ID)
    kinds = {
        "statement": lambda: f"{draw(KIND)} {a}{draw(HEDGE)}: Text of {a}.",
        "step": lambda: f"{a}: {b} <- {c}",
        "linked": lambda: f"{a}: {b} <- {c} + {a}\n  scheme: sign\n  warrant: {c}",
        "plain step": lambda: f"{b} <- {c}",
        "empty step": lambda: f"{a}: {b} <-",
        "if": lambda: f"if {b} then {c}",
        "rebut": lambda: f"{a}: {b} rebuts {c}",
        "undercut": lambda: f"{a}: {b} undercuts {c}",
        "self-undercut": lambda: f"{a}: {b} undercuts {a}",
        "cycle": lambda: f"{a}: {b} undercuts {c}\n{c}: {b} undercuts {a}",
        "garbage": lambda: draw(
            st.sampled_from(("thesis", "x <-", ": :", "if then", "  warrant:"))
        ),
    }
    # Statements three times as often: relations then more often meet one, or share its id.
    return kinds[draw(st.sampled_from([*kinds, "statement", "statement"]))]()


CHAIN_LENGTHS = (2, 3, 5, 40, 1100)  # 1100 is past Python's recursion limit


@st.composite
def chain(draw: st.DrawFn) -> str:
    """A chain of steps, rebuttals or undercuts of undercuts hanging from one of the ids;
    some longer than Python's recursion limit."""
    length = draw(st.sampled_from(CHAIN_LENGTHS))
    top = draw(ID)
    how = draw(st.sampled_from(("step", "rebut", "undercut")))
    lines = ["objection k0: Link 0.", f"k0-on: k0 rebuts {top}"]
    for i in range(1, length):
        lines.append(f"objection k{i}: Link {i}.")
        if how == "step":
            lines.append(f"k{i}-on: k{i - 1} <- k{i}")
        elif how == "rebut":
            lines.append(f"k{i}-on: k{i} rebuts k{i - 1}")
        else:
            lines.append(f"k{i}-on: k{i} undercuts k{i - 1}-on")
    return "\n".join(lines)


@st.composite
def tangled_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(fragment(), max_size=12)) + draw(st.lists(chain(), max_size=2))
    return "\n".join(draw(st.permutations(parts))) + "\n"


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tangled_texts(), st.data())
def test_any_parsed_map_is_drawn(text: str, data: st.DataObject) -> None:
    loaded = argmap.parse(text, "tangle.argmap")
    argument_map = loaded.map
    render(argument_map, DOT)
    render(argument_map, RenderOptions("dot", flags=False, direction="LR", detail="compact"))
    statements = [s.id for s in argument_map.statements]
    if statements:
        focus = data.draw(st.sampled_from(statements))
        depth = data.draw(st.one_of(st.none(), st.integers(0, 3)))
        render(argument_map, RenderOptions("dot", focus=focus, depth=depth))


# ---- Graphviz's limits ----------------------------------------------------------------------
# Graphviz 2.43 rejects a quoted or HTML string of about 16,384 bytes or more, node names
# included ("syntax error ... longer than 16384?"): a long quote or note made PNG and PDF
# fail (their tooltips are in the DOT text), a long title or scheme every format, and so did
# a step with a thousand premises (its generated id names them all).

LONG = "word " * 4000
LONG_MAPS = {
    "text": f"thesis t: {LONG}\n",
    "note and quote": f"thesis t: T.\n  note: {LONG}\n  cite: {LONG}\n",
    "title": f"title: {LONG}\nsubtitle: {LONG}\nthesis t: T.\n",
    "scheme": f"thesis t: T.\npremise p: P.\nt <- p\n  scheme: {'x' * 20000}\n",
    "id": f"thesis {'t' * 20000}: T.\n",
    "wide step": "thesis t: T.\n"
    + "".join(f"premise p{i}: P.\n" for i in range(1500))
    + "t <- "
    + " + ".join(f"p{i}" for i in range(1500))
    + "\n",
}
GRAPHVIZ_STRING_BYTES = 16_000


@pytest.mark.parametrize("text", LONG_MAPS.values(), ids=LONG_MAPS.keys())
def test_no_string_in_the_dot_text_reaches_graphviz_s_limit(text: str) -> None:
    dot = parse_dot(render(parsed(text), WHOLE).decode())
    strings = [*dot.nodes, *dot.graph.values()]
    strings += [v for attributes in dot.nodes.values() for v in attributes.values()]
    strings += [s for t, h, attributes in dot.edges for s in (t, h, *attributes.values())]
    assert max(len(s.encode("utf-8")) for s in strings) < GRAPHVIZ_STRING_BYTES


@pytest.mark.needs_dot
@pytest.mark.parametrize("text", LONG_MAPS.values(), ids=LONG_MAPS.keys())
def test_graphviz_lays_out_maps_with_long_texts(text: str) -> None:
    argument_map = parsed(text)
    assert render(argument_map, RenderOptions(format="png", depth="all")).startswith(b"\x89PNG")
    svg = ET.fromstring(render(argument_map, RenderOptions(depth="all")))
    if text == LONG_MAPS["text"]:  # the drawing is cut short; the tooltip has it whole
        assert LONG.strip() in tooltip_of(groups(svg)["t"])


def test_a_lone_surrogate_from_a_python_caller_is_dropped() -> None:
    # A file is read as strict UTF-8, but a Python caller's string can hold a lone surrogate
    # (from errors="surrogateescape"), which no UTF-8 DOT text can.
    argument_map = parsed("thesis t: a\udc80b\n")
    assert "ab" in render(argument_map, DOT).decode()
