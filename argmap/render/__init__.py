"""Stage 4: the map drawn with Graphviz, its weak links flagged where the eye sees them.

    >>> import argmap
    >>> loaded = argmap.load("maps/syllogism.argmap")
    >>> svg = argmap.render_map(loaded.analysis)   # bytes of SVG
    >>> options = argmap.RenderOptions(format="dot", focus="socrates-mortal", depth=1)
    >>> dot = argmap.render_map(loaded.analysis, options)

`draw` builds the drawing as a `graphviz.Digraph` (DOT; no program is run): `select.plan`
decides what part of the map is drawn, `graph.build` dispatches on the type of each element;
`render` then lays it out with Graphviz's `dot` as the separate, last step
(`argmap.render.output`). Every option is one `RenderOptions` value (`argmap.render.options`).
docs/rendering.md shows the visual vocabulary and how big maps are handled.

Importing this package gives every `ArgumentMap` its drawing in Jupyter (`_repr_svg_`): the
model knows nothing of the renderer, the renderer adds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

import graphviz

from argmap import analysis
from argmap.analysis import Analysis, Facts, Standing
from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap
from argmap.render import graph, html, select
from argmap.render.flags import Flags
from argmap.render.options import FORMATS, RenderOptions, UnknownFocusError, check_focus
from argmap.render.output import PNG_DPI, DotNotFoundError, RenderError, layout
from argmap.render.sides import Sides
from argmap.render.text import svg_attribute

DEFAULT_OPTIONS = RenderOptions()


def render(
    subject: Analysis | ArgumentMap,
    options: RenderOptions = DEFAULT_OPTIONS,
    *,
    findings: Iterable[Diagnostic] | None = None,
    standing: Mapping[str, Standing] | None = None,
    essay: str | None = None,
) -> bytes:
    """The map drawn as `options.format` (svg, png, pdf, or dot for the DOT text), as bytes;
    or, for html, the page that shows the essay beside the map and the findings.

    `subject` is the map's `Analysis` (`Loaded.analysis`), whose findings are drawn on what
    they concern, or a bare `ArgumentMap`, which is analysed here. `findings` and `standing`,
    when given, are drawn instead of the analysis's. `essay` is the essay's text for the
    html page (`Loaded.essay.text`: read under `check`'s rules); without it the page shows
    the map and the findings alone. Raises `ValueError` for a focus that is
    not a statement of the map (`UnknownFocusError`), `DotNotFoundError` when an image format
    needs Graphviz's `dot` and it is not installed, `RenderError` when dot fails.
    """
    if options.format == "html":
        return _page(subject, options, findings, standing, essay)
    # In SVG the tooltips are written after layout; in DOT they are in the text.
    tooltips: list[str] | None = [] if options.format == "svg" else None
    drawing = _draw(subject, options, findings, standing, tooltips)
    if options.format == "dot":
        return drawing.source.encode("utf-8")  # type: ignore[no-any-return]
    if options.format == "png":
        drawing.attr("graph", dpi=PNG_DPI)
    if tooltips is None:
        return layout(drawing.source, options.format)
    return _put_tooltips(layout(drawing.source, "svg"), tooltips)


def _page(
    subject: Analysis | ArgumentMap,
    options: RenderOptions,
    findings: Iterable[Diagnostic] | None,
    standing: Mapping[str, Standing] | None,
    essay: str | None,
) -> bytes:
    """The html page: the drawing as SVG, and the analysis's findings (or those given)."""
    analysed = subject if isinstance(subject, Analysis) else analysis.analyse(subject)
    if findings is not None:
        findings = list(findings)
        analysed = Analysis(analysed.facts, tuple(findings), analysed.silenced)
    svg_options = replace(options, format="svg")
    svg = render(analysed, svg_options, findings=findings, standing=standing)
    drawn = frozenset(select.plan(analysed.map, svg_options).selection.ids)
    return html.page(analysed, svg, essay, drawn)


def draw(
    subject: Analysis | ArgumentMap,
    options: RenderOptions = DEFAULT_OPTIONS,
    *,
    findings: Iterable[Diagnostic] | None = None,
    standing: Mapping[str, Standing] | None = None,
) -> graphviz.Digraph:
    """The drawing as a `graphviz.Digraph`, before layout: `.source` is its DOT text. The
    arguments are those of `render` (the format is not used)."""
    return _draw(subject, options, findings, standing, None)


def _draw(
    subject: Analysis | ArgumentMap,
    options: RenderOptions,
    findings: Iterable[Diagnostic] | None,
    standing: Mapping[str, Standing] | None,
    tooltips: list[str] | None,
) -> graphviz.Digraph:
    argument_map = subject.map if isinstance(subject, Analysis) else subject
    check_focus(argument_map, options.focus)
    plan = select.plan(argument_map, options)
    facts = subject.facts if isinstance(subject, Analysis) else Facts(argument_map)
    drawn_flags = _flags(subject, options, findings, standing, plan.selection)
    sides = Sides.of_facts(facts)
    return graph.build(argument_map, drawn_flags, plan, options, tooltips, sides=sides)


def _flags(
    subject: Analysis | ArgumentMap,
    options: RenderOptions,
    findings: Iterable[Diagnostic] | None,
    standing: Mapping[str, Standing] | None,
    selection: select.Selection,
) -> Flags:
    """The flags to draw: the given findings and standing, else the analysis's (a bare map
    is analysed only for what is not given), ranked by what they cost the theses, the top
    ones among those drawn standing out."""
    if not options.flags:
        return Flags()
    analysed = subject if isinstance(subject, Analysis) else analysis.analyse(subject)
    chosen = list(analysed.findings if findings is None else findings)
    if standing is None:
        standing = analysed.standing
    return Flags.collect(
        chosen,
        standing,
        ranked=analysed.ranked(chosen),
        drawn=lambda finding: _is_drawn(finding, selection),
    )


def _is_drawn(finding: Diagnostic, selection: select.Selection) -> bool:
    """Whether a finding's anchor is drawn (a finding about the whole map is, in the title)."""
    anchors = [*finding.subjects[:1], *(relation for _ground, relation in finding.links[:1])]
    return not anchors or any(anchor in selection for anchor in anchors)


_TOOLTIP_TOKEN = re.compile(rb'xlink:title="ArgmapTooltip(\d+)"')


def _put_tooltips(svg: bytes, tooltips: list[str]) -> bytes:
    """Write each tooltip's text where dot wrote its token."""

    def text(match: re.Match[bytes]) -> bytes:
        value = svg_attribute(tooltips[int(match.group(1))])
        return b'xlink:title="' + value.encode("utf-8") + b'"'

    return _TOOLTIP_TOKEN.sub(text, svg)


def _svg_of(argument_map: ArgumentMap) -> str:
    """Jupyter shows a map as its drawing."""
    return render(argument_map).decode("utf-8")


# Set here, not written in model.py: the model is the lower layer and must not import the
# renderer. Importing argmap imports this package, so every map has it. (setattr: mypy does
# not know the attribute, and the model declares no stub for it.)
setattr(ArgumentMap, "_repr_svg_", _svg_of)  # noqa: B010

__all__ = [
    "FORMATS",
    "DotNotFoundError",
    "RenderError",
    "RenderOptions",
    "UnknownFocusError",
    "draw",
    "render",
]
