"""Any well-formed map, however tangled (circles, attacks on attacks, suppositions), is drawn
whole and consistently, at any focus and depth; and Graphviz lays every such drawing out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_support import parse_dot
from test_analysis_robust import attacked_maps

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
