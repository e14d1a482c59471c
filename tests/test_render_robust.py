"""Any well-formed map, however tangled (circles, attacks on attacks, suppositions), is drawn
whole and consistently, at any focus and depth; and Graphviz lays every such drawing out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_support import parse_dot
from test_analysis_robust import attacked_maps

import argmap
from argmap.analysis import CHECKS, analyse
from argmap.model import ArgumentMap
from argmap.render import draw, render

QUICK_CHECKS = tuple(check for check in CHECKS if not check.__module__.endswith(".attacks"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(attacked_maps(), st.data())
def test_any_map_is_drawn_whole_and_consistently(
    argument_map: ArgumentMap, data: st.DataObject
) -> None:
    # The flags come from the support and hedge checks; the attack checks can take a second
    # on a small tangled map (they enumerate preferred and stable readings), and the
    # maps' findings are checked whole in test_render_svg.
    findings = analyse(argument_map, checks=QUICK_CHECKS)
    dot = parse_dot(draw(argument_map, findings=findings).source)
    ids = {attributes.get("id") for attributes in dot.nodes.values()}
    ids |= {attributes.get("id") for _t, _h, attributes in dot.edges}
    assert {s.id for s in argument_map.statements} <= ids
    assert set(argument_map.by_id) <= ids  # every relation is drawn, as a junction or an edge
    for tail, head, _attributes in dot.edges:
        assert tail in dot.nodes and head in dot.nodes  # no edge to an undrawn element
    focus = data.draw(st.sampled_from([s.id for s in argument_map.statements]))
    depth = data.draw(st.one_of(st.none(), st.integers(0, 3)))
    part = parse_dot(draw(argument_map, findings=findings, focus=focus, depth=depth).source)
    assert focus in {a.get("id") for a in part.nodes.values()}
    for tail, head, _attributes in part.edges:
        assert tail in part.nodes and head in part.nodes


@pytest.mark.needs_dot
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(attacked_maps())
def test_graphviz_lays_out_any_map(argument_map: ArgumentMap) -> None:
    ET.fromstring(render(argument_map, "svg", findings=analyse(argument_map, checks=QUICK_CHECKS)))


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
    dot = parse_dot(argmap.render(parsed(SELF_UNDERCUT), format="dot").decode())
    junction = dot.name_of("x")
    assert dot.edge("x:attacker")[:2] == (dot.name_of("o"), junction)
    assert dot.edge("x:target")[:2] == (junction, junction)


def test_attacks_undercutting_each_other_are_both_drawn() -> None:
    argument_map = parsed(UNDERCUT_CYCLE)
    dot = parse_dot(argmap.render(argument_map, format="dot").decode())
    assert dot.edge("x:target")[:2] == (dot.name_of("x"), dot.name_of("y"))
    assert dot.edge("y:target")[:2] == (dot.name_of("y"), dot.name_of("x"))
    for focus in ("t", "o", "q"):
        for depth in (None, 0, 1, 2):
            part = parse_dot(draw(argument_map, focus=focus, depth=depth).source)
            for tail, head, _attributes in part.edges:
                assert tail in part.nodes and head in part.nodes


def test_a_chain_of_thousands_of_undercuts_is_drawn() -> None:
    argument_map = parsed(undercut_chain(3000))
    dot = parse_dot(argmap.render(argument_map, format="dot").decode())
    assert dot.edge("u2999")[:2] == (dot.name_of("o2999"), dot.name_of("u2998"))
    assert dot.edge("u2998:target")[:2] == (dot.name_of("u2998"), dot.name_of("u2997"))
    part = parse_dot(draw(argument_map, focus="o1500", depth=2).source)
    assert "o1500" in {a.get("id") for a in part.nodes.values()}


@pytest.mark.needs_dot
@pytest.mark.parametrize("text", [SELF_UNDERCUT, UNDERCUT_CYCLE], ids=["self", "cycle"])
def test_graphviz_lays_out_attack_cycles(text: str) -> None:
    ET.fromstring(argmap.render(parsed(text), format="svg"))
