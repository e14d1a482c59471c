"""The SVG of every example map: it parses as XML, every element can be found by its id, and
every finding of the analysis is flagged on what it concerns; the op-ed's known weak links are
plain to see."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
from render_support import classes, groups, text_of, tooltip_of

import argmap
from argmap.diagnostics import Diagnostic, Severity
from argmap.render.flags import TOP

ROOT = Path(__file__).resolve().parents[1]
MAPS = sorted((ROOT / "maps").glob("*.argmap"))
OP_ED = ROOT / "maps" / "north-korea-russia-us.argmap"

pytestmark = pytest.mark.needs_dot


@cache
def drawn(map_path: Path) -> tuple[argmap.Loaded, dict[str, ET.Element]]:
    loaded = argmap.load(map_path)
    assert loaded.analysis is not None
    svg = argmap.render_map(loaded.analysis)
    return loaded, groups(ET.fromstring(svg))


def places(diagnostic: Diagnostic, by_id: dict[str, ET.Element]) -> list[ET.Element]:
    """The SVG groups a finding is drawn on: its subjects, and the edges of its links."""
    found = [by_id[s] for s in diagnostic.subjects if s in by_id]
    # an attack that is itself attacked is drawn as a junction; its flags ride on the edge
    # from its attacker, where their tag can be read
    found = [
        by_id[f"{group.get('id')}:attacker"]
        if "junction" in classes(group) and "attack" in classes(group)
        else group
        for group in found
    ]
    for statement, relation in diagnostic.links:
        candidates = (relation, f"{relation}:premise:{statement}", f"{relation}:warrant",
                      f"{relation}:attacker")  # fmt: skip
        edges = [by_id[c] for c in candidates if c in by_id and "edge" in classes(by_id[c])]
        found += [
            edge
            for edge in edges
            if statement in tooltip_of(edge)
            and ("warrant" not in classes(edge) or f"the warrant {statement}" in tooltip_of(edge))
        ]
    return found


@pytest.mark.parametrize("map_path", MAPS, ids=[p.stem for p in MAPS])
def test_every_element_has_its_id_and_classes(map_path: Path) -> None:
    loaded, by_id = drawn(map_path)
    for statement in loaded.map.statements:
        assert {"statement", f"kind-{statement.kind.value}"} <= classes(by_id[statement.id])
    for inference in loaded.map.inferences:
        assert "inference" in classes(by_id[inference.id])
    for conditional in loaded.map.conditionals:
        assert "conditional" in classes(by_id[conditional.id])
    for attack in loaded.map.attacks:
        assert {"attack", attack.kind.value} <= classes(by_id[attack.id])


@pytest.mark.parametrize("map_path", MAPS, ids=[p.stem for p in MAPS])
def test_every_finding_is_flagged_where_it_belongs(map_path: Path) -> None:
    loaded, by_id = drawn(map_path)
    for finding in loaded.diagnostics:
        if finding.is_error or not (finding.subjects or finding.links):
            continue
        where = places(finding, by_id)
        assert where, f"{finding.code} is drawn nowhere: {finding.message}"
        for group in where:
            assert f"finding-{finding.code}" in classes(group), (finding.code, group.get("id"))
            assert finding.message in tooltip_of(group)
        anchor = where[0]
        if finding.severity is Severity.WARNING:
            assert "⚠" in text_of(anchor), (finding.code, anchor.get("id"))


def flagged(element_id: str, code: str, tag: str, *, lesser: bool = False) -> None:
    """Flagged with its tag (and its rank: the flagship has more than TOP weaknesses), or,
    `lesser`, drawn lighter: a bare mark, the tag in the tooltip."""
    _loaded, by_id = drawn(OP_ED)
    group = by_id[element_id]
    assert f"finding-{code}" in classes(group)
    if lesser:
        assert {"flagged", "rank-lesser"} <= classes(group)
        assert "⚠" in text_of(group) and tag not in text_of(group)
        assert tag in tooltip_of(group)
    else:
        assert {"flagged", "rank-top"} <= classes(group)
        assert re.search(rf"⚠ #[1-{TOP}] {tag}", text_of(group)), text_of(group)


def test_the_op_ed_overclaim_on_a_certain_prediction_is_flagged() -> None:
    # "Russia will certainly obstruct ...": the overclaim is folded into the unestablished
    # condition it comes from, flagged on the "if" line and named on the prediction
    _loaded, by_id = drawn(OP_ED)
    assert "finding-W106" in classes(by_id["obstruct"])
    assert "claimed as certainly" in tooltip_of(by_id["obstruct"])
    flagged("if-more-contentious-then-obstruct", "W106", "condition not shown")


def test_the_op_ed_stacked_hedge_is_flagged() -> None:
    # [likely, may]: it costs the thesis less than the top five, so it is drawn lighter
    flagged("weapons", "W201", "stacked hedge", lesser=True)


def test_the_op_ed_unsupported_slave_like_labour_link_is_flagged() -> None:
    flagged("both-gain:premise:cheap-labor", "W101", "unsupported", lesser=True)
    flagged("cheap-labor", "W101", "unsupported", lesser=True)


def test_the_op_ed_unexplained_functioning_state_step_is_flagged() -> None:
    flagged("validation-step", "W102", "unexplained step", lesser=True)


def test_the_op_ed_title_is_on_the_drawing() -> None:
    _loaded, by_id = drawn(OP_ED)
    assert "Analyzing the complex relationship" in text_of(by_id["argmap.map"])


@pytest.mark.parametrize(("image_format", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_the_op_ed_renders_as_an_image(image_format: str, magic: bytes) -> None:
    loaded, _ = drawn(OP_ED)
    image = argmap.render_map(loaded.map, argmap.RenderOptions(format=image_format))
    assert image.startswith(magic)


def test_a_map_shows_itself_in_jupyter() -> None:
    loaded, _ = drawn(OP_ED)
    svg = loaded.map._repr_svg_()
    assert svg.startswith("<?xml") and "brotherhood" in svg
