"""The drawing, read from its DOT text: the visual vocabulary, flags, focus and big maps.
No Graphviz needed: these tests read `draw(...).source`."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterable

import pytest
from render_support import Dot, html_texts, parse_dot

import argmap
from argmap.analysis import Standing
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import ArgumentMap
from argmap.render import RenderOptions, UnknownFocusError, draw, select
from argmap.render.graph import RANKDIR
from argmap.render.options import DETAILS, DIRECTIONS, FORMATS, THEME_NAMES, parse_depth
from argmap.render.select import COMPACT_ABOVE, FIT
from argmap.render.theme import DEFAULT, PRINT, THEMES, FlagKind

EVERYTHING = """
    title: Everything the drawing knows
    subtitle: a test map
    thesis t [likely]: The thesis.
    premise p1: The first premise.
    evidence e1: The evidence.
      cite: A report, 2017
      quote: "the words"
    assumption w: The warrant.
    claim c: An intermediate claim.
    premise p2 [accepted]: A premise everyone grants.
    objection o: An objection to the thesis.
    objection u: An objection to a step.
    premise d: A defence of the step.
    condition k: A condition.
    prediction f [will]: A prediction.
    linked: t <- p1 + e1
      scheme: sign
      warrant: w
    c-step: t <- c
    p2-step: c <- p2
    t <- f
    if k then f
    rebut: o rebuts t
    cut: u undercuts linked
    d undercuts cut
"""


def load_text(text: str, name: str = "test.argmap") -> ArgumentMap:
    source = "the essay, with the words quoted"
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"), name, essay_text=source)
    assert not loaded.has_errors, loaded.diagnostics
    return loaded.map


def dot_of(
    argument_map: ArgumentMap,
    findings: Iterable[Diagnostic] = (),
    standing: dict[str, Standing] | None = None,
    **options: object,
) -> Dot:
    """The drawing's DOT, read: `findings` (none unless given) and `standing` are drawn,
    and the other keywords are `RenderOptions`."""
    drawing = draw(argument_map, RenderOptions(**options), findings=findings, standing=standing)  # type: ignore[arg-type]
    return parse_dot(drawing.source)


def warning(
    code: str, message: str, *subjects: str, links: Iterable[tuple[str, str]] = ()
) -> Diagnostic:
    return Diagnostic(
        code=code,
        severity=Severity.WARNING,
        message=message,
        subjects=subjects,
        links=tuple(links),
    )


@pytest.fixture
def everything() -> ArgumentMap:
    return load_text(EVERYTHING)


# ---- statements ---------------------------------------------------------------------------


def test_every_statement_is_a_node_with_its_id_and_kind(everything: ArgumentMap) -> None:
    dot = dot_of(everything)
    for statement in everything.statements:
        node = dot.node(statement.id)
        assert node["class"].split()[:2] == ["statement", f"kind-{statement.kind.value}"]
        assert statement.kind.value.upper() in html_texts(node["label"])


def test_the_hedge_shows_its_word_and_range(everything: ArgumentMap) -> None:
    dot = dot_of(everything)
    assert "likely · 55–80 %" in html_texts(dot.node("t")["label"])
    assert "will · 95–100 %" in html_texts(dot.node("f")["label"])


def test_the_kinds_differ_in_colour_and_line(everything: ArgumentMap) -> None:
    dot = dot_of(everything)
    assert "dashed" in dot.node("w")["style"]  # an assumption is not in the text
    assert "dotted" in dot.node("k")["style"]  # a condition is supposed
    fills = {dot.node(s.id)["fillcolor"] for s in everything.statements}
    assert len(fills) >= 6
    assert float(dot.node("t")["penwidth"]) > float(dot.node("p1")["penwidth"])


def test_accepted_and_cited_statements_say_so(everything: ArgumentMap) -> None:
    dot = dot_of(everything)
    assert "accepted" in html_texts(dot.node("p2")["label"])
    assert "accepted" in dot.node("p2")["class"].split()
    assert "— A report, 2017" in html_texts(dot.node("e1")["label"])


def test_the_tooltip_holds_the_full_text_quote_and_citation(everything: ArgumentMap) -> None:
    tooltip = dot_of(everything).node("e1")["tooltip"]
    assert "The evidence." in tooltip
    assert "quote: “the words”" in tooltip
    assert "cite: A report, 2017" in tooltip
    assert "test.argmap:" in tooltip  # where it is written


def test_long_text_is_wrapped_and_cut_but_whole_in_the_tooltip() -> None:
    words = " ".join(f"word{i}" for i in range(120))
    argument_map = load_text(f"thesis t: {words}")
    node = dot_of(argument_map).node("t")
    lines = html_texts(node["label"]).split("\n")
    assert 3 < len(lines) <= 11
    assert all(len(line) <= 40 for line in lines)
    assert "…" in html_texts(node["label"])
    assert words in node["tooltip"]


def test_the_title_is_on_the_drawing_or_else_the_file_name(everything: ArgumentMap) -> None:
    label = html_texts(dot_of(everything).graph["label"])
    assert "Everything the drawing knows" in label
    assert "a test map" in label
    untitled = load_text("thesis t: T.", "maps/untitled-essay.argmap")
    assert "untitled-essay" in html_texts(dot_of(untitled).graph["label"])


# ---- relations ----------------------------------------------------------------------------


def test_linked_premises_meet_at_a_junction_with_scheme_and_warrant(
    everything: ArgumentMap,
) -> None:
    dot = dot_of(everything)
    junction = dot.node("linked")
    assert "inference" in junction["class"].split()
    assert "linked" in junction["class"].split()
    assert "sign" in html_texts(junction["label"])
    junction_name = dot.name_of("linked")
    for premise in ("p1", "e1"):
        tail, head, edge = dot.edge(f"linked:premise:{premise}")
        assert (tail, head) == (premise, junction_name)
        assert edge["arrowhead"] == "none"
    tail, head, warrant = dot.edge("linked:warrant")
    assert (tail, head) == ("w", junction_name)
    assert warrant["style"] == "dashed"
    tail, head, conclusion = dot.edge("linked:conclusion")
    assert (tail, head) == (junction_name, "t")
    assert conclusion["arrowhead"] == "normal"


def test_a_plain_step_from_one_premise_is_one_arrow(everything: ArgumentMap) -> None:
    dot = dot_of(everything)
    tail, head, edge = dot.edge("c-step")
    assert (tail, head) == ("c", "t")
    assert "inference" in edge["class"].split()
    assert not any(a.get("id") == "c-step" for a in dot.nodes.values())


def test_convergent_inferences_stay_separate(everything: ArgumentMap) -> None:
    dot = dot_of(everything)
    into_thesis = [e for e in dot.edges if e[1] == "t" and "support" in e[2]["class"]]
    assert len(into_thesis) == 3  # linked (through its junction), c-step, f's step


def test_support_flows_up_to_a_thesis_on_top(everything: ArgumentMap) -> None:
    assert dot_of(everything).graph["rankdir"] == "BT"  # edges run premise -> conclusion
    assert dot_of(everything, direction="BT").graph["rankdir"] == "TB"
    assert dot_of(everything, direction="LR").graph["rankdir"] == "RL"


def test_a_rebuttal_is_a_blunt_arrow_in_the_attack_colour(everything: ArgumentMap) -> None:
    tail, head, edge = dot_of(everything).edge("rebut")
    assert (tail, head) == ("o", "t")
    assert edge["arrowhead"] == "tee"
    assert edge["color"] == DEFAULT.attack
    assert edge["class"].split()[:2] == ["attack", "rebut"]


def test_an_undercut_points_at_the_junction_not_a_statement(everything: ArgumentMap) -> None:
    dot = dot_of(everything)
    _tail, head, _edge = dot.edge("cut:target")
    assert head == dot.name_of("linked")


def test_an_attack_on_an_attack_points_at_that_attack(everything: ArgumentMap) -> None:
    dot = dot_of(everything)
    attack_junction = dot.node("cut")
    assert "attack" in attack_junction["class"].split()
    tail, head, edge = dot.edge("d-undercuts-cut")
    assert (tail, head) == ("d", dot.name_of("cut"))
    assert edge["arrowhead"] == "box"  # it answers the attack: drawn as an answer


def test_a_single_premise_step_gets_a_junction_when_undercut() -> None:
    argument_map = load_text(
        """
        thesis t: T.
        premise p: P.
        objection u: U.
        step: t <- p
        u undercuts step
        """
    )
    dot = dot_of(argument_map)
    assert "junction" in dot.node("step")["class"].split()
    assert dot.edge("u-undercuts-step")[1] == dot.name_of("step")


def test_a_conditional_is_a_dashed_if_edge_from_its_antecedent(everything: ArgumentMap) -> None:
    tail, head, edge = dot_of(everything).edge("if-k-then-f")
    assert (tail, head) == ("k", "f")
    assert edge["style"] == "dashed"
    assert html_texts(edge["xlabel"]).strip() == "if"


def test_relations_to_missing_statements_are_left_out() -> None:
    broken = argmap.parse("thesis t: T.\nt <- nowhere\n").map  # E202: not drawn, no crash
    dot = dot_of(broken, standing={})
    assert dot.edges == [] and "nowhere" not in dot.nodes


# ---- the legend -----------------------------------------------------------------------------


def legend_of(dot: Dot) -> str:
    return html_texts(dot.node("argmap.legend")["label"])


def test_the_legend_shows_only_what_the_map_uses(everything: ArgumentMap) -> None:
    full = legend_of(dot_of(everything))
    for meaning in ("supports", "linked premises", "warrant", "if … then", "attacks"):
        assert meaning in full
    plain = legend_of(dot_of(load_text("thesis t: T.\npremise p: P.\nt <- p\n")))
    assert "supports" in plain
    for meaning in ("linked premises", "warrant", "if … then", "attacks", "unsupported"):
        assert meaning not in plain


def test_the_legend_lists_the_flags_drawn_not_those_left_out() -> None:
    chain = load_text("thesis t: T.\nclaim c: C.\nprediction f [will]: F.\nt <- c\nc <- f\n")
    overclaim = [warning("W105", "overclaim", "f")]
    assert "overclaim" in legend_of(dot_of(chain, findings=overclaim))
    top = dot_of(chain, findings=overclaim, depth=1)  # f is below the stub under c
    assert "overclaim" not in legend_of(top) and "not drawn" in legend_of(top)
    assert "⚠ 1 flagged" in html_texts(top.node("c.hidden")["label"])


# ---- flags ------------------------------------------------------------------------------------


def test_a_flagged_statement_carries_class_colour_mark_and_message(
    everything: ArgumentMap,
) -> None:
    finding = warning("W105", "'f' claims 95–100 % on a supposed condition", "f")
    node = dot_of(everything, findings=[finding]).node("f")
    assert {"finding-W105", "flagged"} <= set(node["class"].split())
    assert node["color"] == DEFAULT.flags[FlagKind.OVERCLAIM].colour
    assert "⚠ overclaim" in html_texts(node["label"])
    assert "'f' claims 95–100 % on a supposed condition" in node["tooltip"]


def test_a_flagged_link_is_drawn_on_the_edge_from_the_premise(everything: ArgumentMap) -> None:
    finding = warning("W101", "p1 is a bare assertion", "p1", links=[("p1", "linked")])
    dot = dot_of(everything, findings=[finding])
    _tail, _head, edge = dot.edge("linked:premise:p1")
    assert "finding-W101" in edge["class"].split()
    assert edge["style"] == "dashed"
    assert "⚠ unsupported" in html_texts(edge["label"])
    assert "p1 is a bare assertion" in edge["tooltip"]
    assert "finding-W101" not in dot.edge("linked:premise:e1")[2]["class"]


def test_the_kinds_of_weak_link_are_told_apart(everything: ArgumentMap) -> None:
    findings = [
        warning("W101", "bare", "p2", links=[("p2", "p2-step")]),
        warning("W102", "unexplained", "c-step", "t"),
        warning("W104", "circular", "f", links=[("f", "t<-f")]),
    ]
    dot = dot_of(everything, findings=findings)
    styles = {
        code: dot.edge(element)[2]
        for code, element in (("W101", "p2-step"), ("W102", "c-step"), ("W104", "t<-f"))
    }
    assert [styles[c]["style"] for c in ("W101", "W102", "W104")] == ["dashed", "dotted", "bold"]
    assert len({styles[c]["color"] for c in styles}) == 3
    labels = [html_texts(styles[c]["label"]) for c in ("W101", "W102", "W104")]
    assert [label.split("⚠")[1].strip() for label in labels] == [
        "unsupported",
        "unexplained step",
        "circular",
    ]


def test_a_conditional_link_flag_lands_on_the_if_edge(everything: ArgumentMap) -> None:
    finding = warning("W106", "f holds only if k", "f", links=[("k", "if-k-then-f")])
    edge = dot_of(everything, findings=[finding]).edge("if-k-then-f")[2]
    assert "finding-W106" in edge["class"].split()
    assert "⚠" in html_texts(edge["label"])


def test_only_the_anchor_of_a_finding_is_marked(everything: ArgumentMap) -> None:
    """The first subject carries the mark; the others name the finding in their tooltip and
    classes only, so one weakness is not painted on every box it mentions."""
    finding = warning("W102", "the step into t is unexplained", "c-step", "t")
    dot = dot_of(everything, findings=[finding])
    assert "⚠" in html_texts(dot.edge("c-step")[2]["label"])
    thesis = dot.node("t")
    assert "finding-W102" in thesis["class"].split()
    assert "flagged" not in thesis["class"].split()
    assert "⚠" not in html_texts(thesis["label"])
    assert "the step into t is unexplained" in thesis["tooltip"]


def test_remarks_are_a_small_mark_not_a_warning(everything: ArgumentMap) -> None:
    remark = Diagnostic(
        code="I401", severity=Severity.INFO, message="2 questions open", subjects=("linked",)
    )
    junction = dot_of(everything, findings=[remark]).node("linked")
    assert "finding-I401" in junction["class"].split()
    assert "ℹ" in html_texts(junction["label"]) and "⚠" not in html_texts(junction["label"])
    assert junction["color"] == DEFAULT.support


def test_a_statement_out_under_grounded_semantics_is_muted(everything: ArgumentMap) -> None:
    standing = {s.id: Standing.IN for s in everything.statements} | {"o": Standing.OUT}
    dot = dot_of(everything, standing=standing)
    node = dot.node("o")
    assert node["fillcolor"] == DEFAULT.muted_fill
    assert "standing-out" in node["class"].split()
    head = next(line for line in html_texts(node["label"]).split("\n") if "OBJECTION" in line)
    assert "out" in head.split(" · ")
    assert dot.edge("rebut")[2]["color"] == DEFAULT.muted_line  # its attack is spent


def test_findings_about_the_whole_map_are_under_the_title(everything: ArgumentMap) -> None:
    finding = warning("W502", "the map has no thesis")
    assert "the map has no thesis" in html_texts(
        dot_of(everything, findings=[finding]).graph["label"]
    )


def test_many_findings_about_the_whole_map_are_counted_not_all_listed(
    everything: ArgumentMap,
) -> None:
    findings = [warning("W502", f"whole-map finding {i}") for i in range(20)]
    title = html_texts(dot_of(everything, findings=findings).graph["label"])
    assert "whole-map finding 11" in title and "whole-map finding 12" not in title
    assert "and 8 more findings on the whole map" in title


def test_no_flags_draws_the_plain_map(everything: ArgumentMap) -> None:
    findings = [
        warning("W105", "overclaim", "f"),
        warning("W101", "bare", "p1", links=[("p1", "linked")]),
    ]
    standing = {"o": Standing.OUT}
    plain = draw(
        everything, RenderOptions(flags=False), findings=findings, standing=standing
    ).source
    assert "finding-" not in plain and "⚠" not in plain and "standing-out" not in plain


def test_the_analysis_runs_when_no_findings_are_given() -> None:
    argument_map = load_text("thesis t: T.\npremise p: P.\nt <- p\n")
    expected = {d.code for d in argmap.analysis.analyse(argument_map).findings}
    drawn = draw(argument_map).source
    assert expected and all(f"finding-{code}" in drawn for code in expected)


def test_an_analysis_handed_over_is_drawn_without_analysing_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    argument_map = load_text("thesis t: T.\npremise p: P.\nobjection o: O.\nt <- p\no rebuts t\n")
    analysed = argmap.analysis.analyse(argument_map)

    def again(*_args: object) -> None:
        raise AssertionError("the renderer ran the analysis again")

    monkeypatch.setattr(argmap.analysis, "analyse", again)
    monkeypatch.setattr(argmap.analysis, "standing", again)
    drawn = draw(analysed).source
    assert all(f"finding-{d.code}" in drawn for d in analysed.findings)
    assert analysed.findings and "standing-out" in drawn  # t is out: the labelling is drawn


def test_errors_are_never_drawn_as_flags(everything: ArgumentMap) -> None:
    error = Diagnostic(code="E202", severity=Severity.ERROR, message="undefined", subjects=("t",))
    assert "E202" not in draw(everything, findings=[error]).source


# ---- options ----------------------------------------------------------------------------------


def test_the_print_theme_survives_grayscale(everything: ArgumentMap) -> None:
    findings = [
        warning("W101", "bare", "p2", links=[("p2", "p2-step")]),
        warning("W102", "unexplained", "c-step"),
        warning("W105", "overclaim", "f"),
    ]
    source = draw(everything, RenderOptions(theme="print"), findings=findings).source
    colours = set(__import__("re").findall(r'"(#[0-9a-f]{6})"', source))
    assert colours and all(c[1:3] == c[3:5] == c[5:7] for c in colours), colours
    dot = parse_dot(source)
    assert dot.edge("p2-step")[2]["style"] == "dashed"  # told apart by line, not colour
    assert dot.edge("c-step")[2]["style"] == "dotted"
    assert float(dot.node("f")["penwidth"]) > float(dot.node("p1")["penwidth"])
    assert all(style.colour.startswith("#") for style in PRINT.flags.values())


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ({"format": "gif"}, "unknown format 'gif': choose one of svg, png, pdf, dot, html"),
        ({"direction": "up"}, "unknown direction 'up': choose auto, TB, BT or LR"),
        ({"theme": "neon"}, "unknown theme 'neon': choose default or print"),
        ({"detail": "some"}, "unknown detail 'some': choose auto, full or compact"),
        ({"depth": -1}, "depth must be 0 or more"),
        ({"depth": "deep"}, "depth must be a number of steps or 'all', not 'deep'"),
        ({"depth": True}, "depth must be a number of steps or 'all', not True"),
    ],
)
def test_bad_options_are_refused_when_made(option: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as refused:
        RenderOptions(**option)  # type: ignore[arg-type]
    assert str(refused.value) == message


def test_an_unknown_focus_is_refused_with_the_nearest_id() -> None:
    argument_map = load_text("thesis brotherhood: B.\npremise trade: T.\nbrotherhood <- trade\n")
    with pytest.raises(UnknownFocusError) as refused:
        draw(argument_map, RenderOptions(focus="brotherhod"))
    assert refused.value.suggestion == "brotherhood"
    assert str(refused.value) == (
        "there is no statement 'brotherhod' to focus on; did you mean 'brotherhood'?"
    )
    with pytest.raises(ValueError, match=r"no statement 'zzzz' to focus on$"):
        draw(argument_map, RenderOptions(focus="zzzz"))


@pytest.mark.parametrize(("typed", "depth"), [("3", 3), (" 0 ", 0), ("all", "all"), ("ALL", "all")])
def test_a_typed_depth_is_a_number_of_steps_or_all(typed: str, depth: object) -> None:
    assert parse_depth(typed) == depth


@pytest.mark.parametrize("typed", ["-1", "²", "1.5", "", "deep", "9" * 4301])
def test_a_typed_depth_that_is_not_one_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"number of steps|too many steps"):
        parse_depth(typed)


def test_the_options_are_one_value_with_each_choice_spelled_once() -> None:
    assert (FORMATS, DIRECTIONS, DETAILS) == (
        ("svg", "png", "pdf", "dot", "html"),
        ("auto", "TB", "BT", "LR"),
        ("auto", "full", "compact"),
    )
    assert set(THEME_NAMES) == set(THEMES) and set(RANKDIR) == set(DIRECTIONS) - {"auto"}
    defaults = RenderOptions()
    assert (defaults.format, defaults.direction, defaults.theme, defaults.detail) == (
        "svg", "auto", "default", "auto"
    )  # fmt: skip


def test_the_dot_format_holds_the_tooltips_themselves(everything: ArgumentMap) -> None:
    dot = parse_dot(
        argmap.render_map(everything, RenderOptions(format="dot"), findings=[]).decode()
    )
    assert "The evidence." in dot.node("e1")["tooltip"]
    assert "Tooltip" not in dot.node("e1")["tooltip"]


def test_the_dot_text_is_the_same_every_time() -> None:
    """Stable order and attributes: the golden files depend on it, whatever the hash seed."""
    script = (
        "import argmap, sys; from argmap.render import RenderOptions, render;"
        "drawn = render(argmap.parse(sys.stdin.read(), 't.argmap').map, RenderOptions('dot'));"
        "sys.stdout.buffer.write(drawn)"
    )
    text = textwrap.dedent(EVERYTHING).replace('  quote: "the words"\n', "")
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            input=text.encode(),
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


# ---- focus and big maps -----------------------------------------------------------------------

CHAIN = """
    thesis a: A.
    claim b: B.
    claim c: C.
    premise d: D.
    objection x: X.
    claim up: Up.
    a <- b
    b <- c
    c <- d
    x rebuts c
    up <- a
"""


def drawn_statements(dot: Dot) -> set[str]:
    return {a["id"] for a in dot.nodes.values() if "statement" in a.get("class", "").split()}


def test_focus_draws_the_statement_its_grounds_and_one_step_up() -> None:
    chain = load_text(CHAIN)
    assert drawn_statements(dot_of(chain, focus="b")) == {"a", "b", "c", "d", "x"}
    shallow = dot_of(chain, focus="b", depth=1)
    assert drawn_statements(shallow) == {"a", "b", "c"}
    stub = shallow.node("c.hidden")
    assert "2 more statements" in html_texts(stub["label"])  # d and the objection x
    assert "--focus c" in stub["tooltip"]
    assert "around ‘b’, 1 step down" in html_texts(shallow.graph["label"])


def test_depth_without_focus_counts_from_the_thesis() -> None:
    chain = load_text(CHAIN)
    assert drawn_statements(dot_of(chain, depth=1)) == {"a", "b", "up"}


def test_a_hidden_part_counts_its_flags() -> None:
    chain = load_text(CHAIN)
    finding = warning("W101", "bare", "d", links=[("d", "c<-d")])
    stub = dot_of(chain, focus="a", depth=1, findings=[finding]).node("b.hidden")
    assert "⚠ 1 flagged" in html_texts(stub["label"])


def big_map(statements: int) -> ArgumentMap:
    """A tree: each claim rests on two premises that are claims in turn."""
    lines = ["thesis s0: The thesis."]
    for i in range(1, statements):
        lines.append(f"claim s{i}: Statement number {i} of a big map.")
    for i in range(1, statements):
        lines.append(f"s{(i - 1) // 2} <- s{i}")
    return load_text("\n".join(lines))


def test_a_big_map_is_drawn_from_the_top_as_far_as_fits() -> None:
    argument_map = big_map(1000)
    dot = dot_of(argument_map)
    drawn = drawn_statements(dot)
    assert "s0" in drawn and 20 < len(drawn) <= FIT
    stubs = [a for a in dot.nodes.values() if "hidden" in a.get("class", "").split()]
    assert stubs
    hidden = sum(int(html_texts(s["label"]).split()[1]) for s in stubs)
    assert hidden == 1000 - len(drawn)  # every statement is drawn or counted in a stub
    assert "of 1000 statements" in html_texts(dot.graph["label"])


def test_a_deep_chain_is_drawn_as_far_as_fits_in_a_few_walks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = ["thesis c0: The thesis."]
    for i in range(1, 3000):
        lines += [f"claim c{i}: Step {i}.", f"c{i - 1} <- c{i}"]
    walks = []
    top = select.top
    monkeypatch.setattr(select, "top", lambda *a, **k: walks.append(a[1]) or top(*a, **k))
    dot = dot_of(load_text("\n".join(lines)))
    assert drawn_statements(dot) == {f"c{i}" for i in range(FIT)}  # c0 down 149 steps
    assert "2850 more statements" in html_texts(dot.node("c149.hidden")["label"])
    assert len(walks) <= 15  # the depth is found by halving, not one step at a time


def test_a_big_drawing_is_compact_and_reads_left_to_right() -> None:
    dot = dot_of(big_map(COMPACT_ABOVE + 20), depth="all")
    assert len(drawn_statements(dot)) == COMPACT_ABOVE + 20
    assert dot.graph["rankdir"] == "RL"  # thesis on the left
    label = html_texts(dot.node("s7")["label"])
    assert label.count("\n") == 1  # the kind, then one line of text
    assert dot_of(big_map(COMPACT_ABOVE + 20), depth="all", direction="TB").graph["rankdir"] == "BT"
    full = dot_of(big_map(COMPACT_ABOVE + 20), depth="all", detail="full")
    assert full.graph["rankdir"] == "BT"


def test_a_small_map_is_drawn_whole_in_full() -> None:
    dot = dot_of(big_map(40))
    assert len(drawn_statements(dot)) == 40
    assert not any("hidden" in a.get("class", "") for a in dot.nodes.values())
