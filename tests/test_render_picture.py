"""The picture follows the ranking (issue 9, item 5) and keeps the sides apart (issue 8):
the theses on the first rank, an answer drawn unlike the attack it answers, granted points,
partial answers and contradictions each their own kind, the other side's and the coach's boxes
marked, and on a crowded drawing the top-ranked weaknesses standing out, the rest lighter."""

from __future__ import annotations

import re
import textwrap

import graphviz
import pytest
from render_support import Dot, html_texts, parse_dot

import argmap
from argmap.analysis import Analysis
from argmap.render import RenderOptions, draw
from argmap.render.flags import TOP
from argmap.render.theme import DEFAULT, PRINT, THEMES, AttackRole, Theme


def analysed(text: str) -> Analysis:
    source = "the essay, with the words quoted"
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"), "test.argmap", essay_text=source)
    assert not loaded.has_errors, loaded.diagnostics
    assert loaded.analysis is not None
    return loaded.analysis


def source_of(subject: Analysis, **options: object) -> str:
    return str(draw(subject, RenderOptions(**options)).source)  # type: ignore[arg-type]


def dot_of(subject: Analysis, **options: object) -> Dot:
    return parse_dot(source_of(subject, **options))


def classes(attributes: dict[str, str]) -> set[str]:
    return set(attributes.get("class", "").split())


def said(edge: dict[str, str]) -> str:
    """What an edge says of its role: its xlabel, or the first row of its label (where a
    flagged edge's role heads its flags)."""
    return html_texts(edge.get("xlabel") or edge["label"]).split("\n")[0]


# ---- the thesis is at the top -------------------------------------------------------------

# 'dire' rests on another thesis and on predictions: without a rule, dot ranks it above
# 'brotherhood' only, and 'brotherhood' (with the long chains under it) sits below the
# predictions' row.
TWO_THESES = """
    thesis brotherhood: The brotherhood still exists.
    thesis dire [may]: The brotherhood may have dire implications.
    evidence e: A fact.
      cite: [study, 2020] A study
    claim c: A claim.
    premise p: A premise.
      cite: [study, 2020] A study
    prediction w [likely]: A prediction.
    premise q: Another premise.
      cite: [study, 2020] A study
    c <- e
    brotherhood <- c
    p-step: c <- p
    dire <- brotherhood + w
    w <- q
    dire <- w
"""


def test_every_thesis_is_on_the_first_rank_alone() -> None:
    source = source_of(analysed(TWO_THESES))
    block = re.search(r"subgraph theses \{\n\t\trank=sink\n((?:\t\t.*\n)*?)\t\}", source)
    assert block is not None, source
    assert block.group(1).split() == ["brotherhood", "dire"]


def test_an_edge_out_of_a_thesis_does_not_push_it_down() -> None:
    dot = dot_of(analysed(TWO_THESES))
    from_theses = [e for e in dot.edges if e[0] in {"brotherhood", "dire"}]
    assert from_theses
    assert all(attributes.get("constraint") == "false" for *_ends, attributes in from_theses)
    others = [e for e in dot.edges if e[0] not in {"brotherhood", "dire"}]
    assert all("constraint" not in attributes for *_ends, attributes in others)


def _ranks(source: str) -> dict[str, float]:
    """Each node's y after dot's layout (plain output: y grows upwards)."""
    plain = graphviz.Source(source).pipe(format="plain").decode()
    return {
        line.split()[1].strip('"'): float(line.split()[3])
        for line in plain.splitlines()
        if line.startswith("node ")
    }


@pytest.mark.needs_dot
@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_theses_are_drawn_above_everything_else(theme: str) -> None:
    heights = _ranks(source_of(analysed(TWO_THESES), theme=theme))
    heights.pop("argmap.legend")
    theses = {heights.pop("brotherhood"), heights.pop("dire")}
    assert len(theses) == 1  # one row
    assert min(theses) > max(heights.values())


@pytest.mark.needs_dot
def test_the_flagship_s_theses_are_on_top() -> None:
    loaded = argmap.load("maps/north-korea-russia-us.argmap")
    assert loaded.analysis is not None
    heights = _ranks(draw(loaded.analysis).source)
    heights.pop("argmap.legend")
    theses = {heights.pop("brotherhood"), heights.pop("dire")}
    assert len(theses) == 1 and min(theses) > max(heights.values())


# ---- attacks, answers, granted points, contradictions ---------------------------------------

SIDES = """
    thesis t: The thesis.
    evidence e: The evidence.
      cite: [study, 2020] A study
    t <- e
    objection o: An objection.
    against: o rebuts t
    evidence r: A reply to the objection.
      cite: [study, 2021] Another study
    answer: r undercuts against
    objection g: A point the author grants.
    granted: g limits t
    premise h: Part of a reply.
    in-part: h partly rebuts g
    claim x: A claim the author makes.
    claim y: A claim that clashes with it.
    t <- x
    t <- y
    clash: x contradicts y
    objection k: The coach's objection.
      side: coach
    coached: k rebuts t
"""


def test_an_answer_is_drawn_unlike_the_attack_it_answers() -> None:
    dot = dot_of(analysed(SIDES))
    *_ends, attack = dot.edge("against:target")  # answered: it has a junction
    assert {"attack", "rebut", "against"} <= classes(attack)
    assert attack["arrowhead"] == "tee"
    assert attack["color"] == DEFAULT.attacks[AttackRole.AGAINST].colour
    tail, head, answer = dot.edge("answer")
    assert (tail, head) == ("r", dot.name_of("against"))
    assert {"attack", "undercut", "answer"} <= classes(answer)
    assert answer["arrowhead"] == "box"
    assert answer["color"] == DEFAULT.attacks[AttackRole.ANSWER].colour != attack["color"]
    assert said(answer) == "answer"
    assert "the author's answer" in answer["tooltip"]


def test_a_rebuttal_of_an_objection_is_an_answer() -> None:
    text = SIDES.replace("answer: r undercuts against", "answer: r rebuts o")
    *_ends, answer = dot_of(analysed(text)).edge("answer")
    assert "answer" in classes(answer) and answer["arrowhead"] == "box"


def test_a_granted_point_is_its_own_kind() -> None:
    dot = dot_of(analysed(SIDES))
    *_ends, granted = dot.edge("granted")
    assert {"attack", "concession", "granted"} <= classes(granted)
    assert granted["style"] == "dotted" and granted["arrowhead"] == "tee"
    assert said(granted) == "granted"
    assert "limits" in granted["tooltip"]


def test_a_partial_answer_is_marked_in_part() -> None:
    *_ends, partial = dot_of(analysed(SIDES)).edge("in-part")
    assert {"answer", "partial"} <= classes(partial)
    assert partial["arrowhead"] == "obox"  # an open head: it meets only part of the point
    assert said(partial) == "answer · in part"
    assert "partly rebuts" in partial["tooltip"]


def test_a_contradiction_is_a_dashed_edge_with_a_head_at_each_end() -> None:
    *_ends, clash = dot_of(analysed(SIDES)).edge("clash")
    assert {"attack", "contradiction", "contradicts"} <= classes(clash)
    assert clash["style"] == "dashed"
    assert clash["dir"] == "both" and clash["arrowhead"] == clash["arrowtail"]
    assert clash["constraint"] == "false"  # neither grounds the other
    assert said(clash) == "contradicts"


def test_in_print_every_kind_of_attack_differs_by_more_than_colour() -> None:
    looks = {
        (style.line, style.head, style.label, style.both_ends) for style in PRINT.attacks.values()
    }
    assert len(looks) == len(AttackRole)
    dot = dot_of(analysed(SIDES), theme="print", flags=False)
    for edge_id, role in [("answer", "answer"), ("granted", "granted"), ("clash", "contradicts")]:
        *_ends, edge = dot.edge(edge_id)
        assert role in classes(edge) and edge["color"] == PRINT.attacks[AttackRole(role)].colour
        assert said(edge) == PRINT.attacks[AttackRole(role)].label


# ---- the sides ----------------------------------------------------------------------------


@pytest.mark.parametrize("theme", [DEFAULT, PRINT])
def test_the_other_side_and_the_coach_are_marked(theme: Theme) -> None:
    dot = dot_of(analysed(SIDES), theme=theme.name)
    other, coach, author = dot.node("o"), dot.node("k"), dot.node("r")
    assert "side-other" in classes(other)
    assert html_texts(other["label"]).startswith("OTHER SIDE\nOBJECTION")
    assert "side-coach" in classes(coach)
    assert html_texts(coach["label"]).startswith("COACH\nOBJECTION")
    assert not {"side-other", "side-coach"} & classes(author)
    assert "BGCOLOR" not in author["label"]


def test_the_legend_names_only_the_roles_and_sides_drawn() -> None:
    legend = html_texts(dot_of(analysed(SIDES)).node("argmap.legend")["label"])
    for said in ("attacks the argument", "the author's answer", "the author grants",
                 "cannot both hold", "meets only part", "OTHER SIDE", "COACH"):  # fmt: skip
        assert said in legend, said
    plain = html_texts(dot_of(analysed(TWO_THESES)).node("argmap.legend")["label"])
    for unused in ("answer", "grants", "OTHER SIDE", "COACH", "in part"):
        assert unused not in plain


def test_sides_are_drawn_without_the_flags_too() -> None:
    dot = dot_of(analysed(SIDES), flags=False)
    assert "side-other" in classes(dot.node("o"))
    assert "answer" in classes(dot.edge("answer")[2])


# ---- the top-ranked weaknesses stand out ----------------------------------------------------

CROWDED = """
    thesis t: The thesis.
    claim a: A claim.
    claim b: Another claim.
    claim c: A third claim.
    premise p1: A bare premise.
    premise p2: Another bare premise.
    premise p3: A third bare premise.
    premise p4: A fourth bare premise.
    premise p5: A fifth bare premise.
    premise p6: A sixth bare premise.
    premise p7: A seventh bare premise.
    t <- a + b + c
    a <- p1
    a <- p2
    b <- p3 + p4
    c <- p5
    t <- p6
    t <- p7
"""


def _weaknesses(subject: Analysis) -> list[argmap.Diagnostic]:
    return [d for d in subject.ranked() if d.severity is argmap.Severity.WARNING]


def test_on_a_crowded_drawing_the_top_ranked_stand_out_and_the_rest_are_lighter() -> None:
    subject = analysed(CROWDED)
    ranked = _weaknesses(subject)
    assert len(ranked) > TOP
    dot = dot_of(subject)
    drawn = [*dot.nodes.values(), *(attributes for *_ends, attributes in dot.edges)]
    for rank, finding in enumerate(ranked, start=1):
        anchor = finding.subjects[0]
        on = [a for a in drawn if a.get("id") == anchor or a.get("id", "").endswith(anchor)]
        on = [a for a in on if f"finding-{finding.code}" in classes(a)]
        assert on, (finding.code, anchor)
        texts = [html_texts(a.get("label", a.get("xlabel", ""))) for a in on]
        if rank <= TOP:
            assert any("rank-top" in classes(a) for a in on)
            assert any(f"⚠ #{rank} " in text for text in texts), (rank, texts)
    lesser = [a for a in drawn if "rank-lesser" in classes(a)]
    assert lesser
    for attributes in lesser:
        assert "flagged" in classes(attributes)
        assert any(c.startswith("finding-") for c in classes(attributes))
        label = html_texts(attributes.get("label", ""))
        assert "#" not in label  # no rank, and no tag beside the bare mark
        assert attributes["color"] not in {s.colour for s in DEFAULT.flags.values()}


def test_the_top_are_ranked_by_what_they_cost_the_thesis() -> None:
    subject = analysed(CROWDED)
    ranked = _weaknesses(subject)
    costs = [subject.impact(d).cost for d in ranked]
    assert costs == sorted(costs, reverse=True)
    tooltips = "\n".join(a.get("tooltip", "") for a in dot_of(subject).nodes.values())
    assert f"⚠ #1 {ranked[0].code}" in tooltips


def test_a_drawing_with_few_weaknesses_draws_them_all_as_before() -> None:
    subject = analysed("thesis t: The thesis.\npremise p: A bare premise.\nt <- p\n")
    assert 0 < len(_weaknesses(subject)) <= TOP
    dot = dot_of(subject)
    labels = [html_texts(a.get("label", "")) for a in dot.nodes.values()]
    assert not any("⚠ #" in label for label in labels)  # no ranks to tell apart
    assert not any("rank-lesser" in classes(a) for a in dot.nodes.values())
    assert any("rank-top" in classes(a) for a in dot.nodes.values())


def test_a_focused_drawing_ranks_what_it_draws() -> None:
    subject = analysed(CROWDED)
    dot = dot_of(subject, focus="a")  # two bare premises under 'a': few enough to stand out
    assert not any("rank-lesser" in classes(a) for a in dot.nodes.values())


def test_the_legend_explains_the_ranks_and_the_lighter_flags() -> None:
    legend = html_texts(dot_of(analysed(CROWDED)).node("argmap.legend")["label"])
    assert f"the top {TOP} weaknesses" in legend and "drawn lighter" in legend
