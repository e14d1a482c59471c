"""Whatever a map's text holds, the drawing shows that text: no DOT injection, no markup
injection into the SVG. Each adversarial text goes through both label paths (the box's
HTML-like label and the plain tooltip), from a parsed map and from a map built in Python."""

from __future__ import annotations

import os
import re
import textwrap
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_support import SVG, classes, groups, parse_dot, text_of, tooltip_of

import argmap
from argmap.diagnostics import Span
from argmap.model import ArgumentMap, Header, Inference, Quote, Statement, StatementKind
from argmap.render import RenderOptions, render
from argmap.render.text import clean

PLAIN = RenderOptions(flags=False)  # the map alone: no finding adds text to the drawing
PLAIN_DOT = RenderOptions(format="dot", flags=False)

ADVERSARIAL = [
    "He said \"no\" and 'yes'",
    "a backslash \\ and \\N and \\G and \\n and \\l and a trailing one \\",
    "<b>bold</b> <i>not</i> <BR/> <TABLE> </TD>",
    "Tom & Jerry &amp; &lt;tag&gt; &#x41; &nbsp;",
    "braces {} and [brackets] and ]]> and <!-- a comment -->",
    "node edge graph digraph subgraph strict -> -- ; = ,",
    '"]; evil [label="pwned"]; x -> y; a [label="',
    "> ]; } digraph injected { a -> b",
    "</text><script>alert(1)</script><text>",
    "שלום עולם مرحبا بالعالم and English mixed",
    "emoji 🙂 👍🏽 👨‍👩‍👧 🇺🇸 and a zero-width\u200bjoiner",
    "tab\there and\u00a0no-break and\u2028line separator",
    "]",  # Graphviz 2.43 rejects an HTML label text of only "]" (found by hypothesis)
]

_SPAN = Span(line=1, column=1, end_line=1, end_column=2)


def built_map(text: str, ids: tuple[str, str] = ("claim", "reason")) -> ArgumentMap:
    """A two-statement map built in Python, `text` in every place text can go."""
    conclusion, premise = ids
    return ArgumentMap(
        path="built.argmap",
        header=Header(title=text, subtitle=text, author=text),
        statements=(
            Statement(
                id=conclusion,
                kind=StatementKind.THESIS,
                text=text,
                quote=Quote(text=text, span=_SPAN),
                citation=text,
                note=text,
                span=_SPAN,
                id_span=_SPAN,
            ),
            Statement(id=premise, kind=StatementKind.PREMISE, text=text, span=_SPAN, id_span=_SPAN),
        ),
        inferences=(
            Inference(
                id="step",
                premises=(premise,),
                conclusion=conclusion,
                note=text,
                span=_SPAN,
                premise_spans=(_SPAN,),
                conclusion_span=_SPAN,
            ),
        ),
    )


def squeeze(text: str) -> str:
    return "".join(clean(text).split())


def assert_drawn_literally(svg: bytes, argument_map: ArgumentMap) -> None:
    root = ET.fromstring(svg)  # parses as XML
    allowed = {"svg", "g", "title", "polygon", "path", "ellipse", "polyline", "text", "a"}
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= allowed, tags - allowed  # no injected markup
    by_id = groups(root)
    statements = [g for g in by_id.values() if "statement" in classes(g)]
    assert len(statements) == len(argument_map.statements)  # no injected nodes
    for statement in argument_map.statements:
        group = by_id[statement.id]
        drawn = squeeze(text_of(group).split("\n", 1)[1])  # after the kind label
        citation = squeeze(f"— {statement.citation}") if statement.citation else ""
        assert drawn.startswith(squeeze(statement.text))  # then the citation, if any
        assert citation.startswith(drawn.removeprefix(squeeze(statement.text)).rstrip("…"))
        assert clean(statement.text) in tooltip_of(group)
        for extra in (statement.quote.text if statement.quote else None, statement.citation):
            if extra is not None:
                assert clean(extra) in tooltip_of(group)


@pytest.mark.needs_dot
@pytest.mark.parametrize("text", ADVERSARIAL)
def test_text_built_in_python_is_drawn_as_that_text(text: str) -> None:
    argument_map = built_map(text)
    svg = render(argument_map, PLAIN)
    assert_drawn_literally(svg, argument_map)
    title = text_of(
        next(g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("id") == "argmap.map")
    )
    assert squeeze(text) in squeeze(title)


@pytest.mark.needs_dot
@pytest.mark.parametrize("text", ADVERSARIAL)
def test_text_parsed_from_a_map_is_drawn_as_that_text(text: str) -> None:
    one_line = " ".join(text.split())
    map_text = textwrap.dedent(
        f"""\
        title: {one_line}
        thesis conclusion: {one_line}
          cite: {one_line}
        premise reason: {one_line}
        conclusion <- reason
        """
    )
    loaded = argmap.parse(map_text, "adversarial.argmap")
    assert not loaded.has_errors, loaded.diagnostics
    assert_drawn_literally(render(loaded.map, PLAIN), loaded.map)


@pytest.mark.needs_dot
def test_a_message_in_a_flag_is_drawn_as_that_text() -> None:
    message = ADVERSARIAL[6] + " " + ADVERSARIAL[8]
    finding = argmap.Diagnostic(
        code="W101", severity=argmap.Severity.WARNING, message=message,
        subjects=("reason",), links=(("reason", "step"),),
    )  # fmt: skip
    svg = render(built_map("text"), findings=[finding])
    by_id = groups(ET.fromstring(svg))
    assert message in tooltip_of(by_id["reason"])
    assert message in tooltip_of(by_id["step"])


@pytest.mark.needs_dot
@pytest.mark.parametrize(
    "ids",
    [("node", "edge"), ("graph", "strict"), ('a"quoted', "back\\N"), ("with:colon", "with space")],
)
def test_odd_ids_are_kept_as_ids(ids: tuple[str, str]) -> None:
    """Ids from Python need not follow the grammar; they stay ids, never DOT syntax."""
    argument_map = built_map("text", ids)
    svg = render(argument_map, PLAIN)
    by_id = groups(ET.fromstring(svg))
    for element_id in ids:
        assert "statement" in classes(by_id[element_id])
    assert by_id["step"].get("class", "").startswith("edge inference")


def test_odd_ids_never_reach_dot_syntax() -> None:
    dot = parse_dot(render(built_map("t", ('a"q', "x:y")), PLAIN_DOT).decode())
    assert {a["id"] for a in dot.nodes.values()} >= {'a\\"q'.replace('\\"', '"'), "x:y"}
    assert len(dot.edges) == 1


def test_every_quote_in_the_dot_text_is_balanced() -> None:
    """A cheap check without Graphviz: each line of the DOT text has its quotes paired."""
    for text in ADVERSARIAL:
        source = render(built_map(text), PLAIN_DOT).decode()
        for line in source.split("\n"):
            unescaped = re.sub(r"\\.", "", line)
            assert unescaped.count('"') % 2 == 0, line


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80
).filter(lambda t: squeeze(t) != "")


@pytest.mark.needs_dot
@settings(
    max_examples=int(os.environ.get("ARGMAP_FUZZ", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=texts)
def test_any_text_is_drawn_as_that_text(text: str) -> None:
    argument_map = built_map(text)
    assert_drawn_literally(render(argument_map, PLAIN), argument_map)
