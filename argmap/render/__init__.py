"""Stage 4: the map drawn with Graphviz, its weak links flagged where the eye sees them.

    >>> import argmap
    >>> svg = argmap.render(argmap.load("maps/syllogism.argmap").map)   # bytes of SVG

`draw` builds the drawing as a `graphviz.Digraph` (DOT; no program is run), dispatching on
the type of each element (`argmap.render.graph`); `render` then lays it out with Graphviz's
`dot` as the separate, last step (`argmap.render.output`). docs/rendering.md shows the visual
vocabulary and how big maps are handled.

`argmap.render` is also the name of this function on the `argmap` package, so reach the
submodules with `from argmap.render import graph`, not `import argmap.render.graph as ...`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Literal

import graphviz

from argmap import analysis
from argmap.analysis import Standing
from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap
from argmap.render import graph, select
from argmap.render.flags import Flags
from argmap.render.graph import Direction
from argmap.render.output import FORMATS, PNG_DPI, DotNotFoundError, RenderError, layout
from argmap.render.text import svg_attribute
from argmap.render.theme import THEMES

Format = Literal["svg", "png", "pdf", "dot"]
Detail = Literal["auto", "full", "compact"]
Depth = int | Literal["all"] | None

# Big maps (docs/rendering.md): above COMPACT_ABOVE drawn statements each is one line; a
# whole map of more than FIT statements is drawn from its theses down as far as FIT allows,
# each part left out summarised ("▸ 40 more statements, ⚠ 3 flagged").
COMPACT_ABOVE = 120
FIT = 150


def render(
    argument_map: ArgumentMap,
    format: Format | str = "svg",
    *,
    flags: bool = True,
    focus: str | None = None,
    depth: Depth = None,
    direction: Direction | Literal["auto"] | str = "auto",
    theme: str = "default",
    detail: Detail | str = "auto",
    findings: Iterable[Diagnostic] | None = None,
    standing: Mapping[str, Standing] | None = None,
) -> bytes:
    """The map drawn as `format` (svg, png, pdf, or dot for the DOT text), as bytes.

    `flags=False` draws the plain map; otherwise the findings of `argmap.analysis` (or
    `findings`, `standing` when given) are drawn on what they concern. `focus` draws the
    part around one statement, `depth` limits how far down (an int, or "all").
    `direction` says where the thesis is: TB (top), BT, LR, or auto (TB, but LR for a
    compact drawing of a big map). `detail` is full, compact (one line a statement) or auto
    (compact above COMPACT_ABOVE statements drawn).
    Raises `ValueError` for a bad option, `DotNotFoundError` when an image format needs
    Graphviz's `dot` and it is not installed, `RenderError` when dot fails.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}")
    # In SVG the tooltips are written after layout; in DOT they are in the text.
    tooltips: list[str] | None = [] if format == "svg" else None
    drawing = _draw(
        argument_map,
        tooltips,
        flags=flags,
        focus=focus,
        depth=depth,
        direction=direction,
        theme=theme,
        detail=detail,
        findings=findings,
        standing=standing,
    )
    if format == "dot":
        return drawing.source.encode("utf-8")  # type: ignore[no-any-return]
    if format == "png":
        drawing.attr("graph", dpi=PNG_DPI)
    if tooltips is None:
        return layout(drawing.source, format)
    return _put_tooltips(layout(drawing.source, "svg"), tooltips)


def draw(
    argument_map: ArgumentMap,
    *,
    flags: bool = True,
    focus: str | None = None,
    depth: Depth = None,
    direction: Direction | Literal["auto"] | str = "auto",
    theme: str = "default",
    detail: Detail | str = "auto",
    findings: Iterable[Diagnostic] | None = None,
    standing: Mapping[str, Standing] | None = None,
) -> graphviz.Digraph:
    """The drawing as a `graphviz.Digraph`, before layout: `.source` is its DOT text. The
    options are those of `render`."""
    return _draw(
        argument_map,
        None,
        flags=flags,
        focus=focus,
        depth=depth,
        direction=direction,
        theme=theme,
        detail=detail,
        findings=findings,
        standing=standing,
    )


def _draw(
    argument_map: ArgumentMap,
    tooltips: list[str] | None,
    *,
    flags: bool = True,
    focus: str | None = None,
    depth: Depth = None,
    direction: Direction | Literal["auto"] | str = "auto",
    theme: str = "default",
    detail: Detail | str = "auto",
    findings: Iterable[Diagnostic] | None = None,
    standing: Mapping[str, Standing] | None = None,
) -> graphviz.Digraph:
    if direction != "auto" and direction not in graph.RANKDIR:
        raise ValueError(f"unknown direction {direction!r}: choose auto, TB, BT or LR")
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}: choose {' or '.join(THEMES)}")
    if detail not in ("auto", "full", "compact"):
        raise ValueError(f"unknown detail {detail!r}: choose auto, full or compact")
    if isinstance(depth, int) and depth < 0:
        raise ValueError("depth must be 0 or more")
    if focus is not None and argument_map.statement(focus) is None:
        raise ValueError(f"there is no statement '{focus}' to focus on")
    if flags:
        analysed = analysis.analyse(argument_map) if findings is None else None
        drawn_flags = Flags.collect(
            analysed.findings if analysed is not None else findings or (),
            analysis.standing(argument_map) if standing is None else standing,
        )
    else:
        drawn_flags = Flags()
    selection, notes = _select(argument_map, focus, depth)
    drawn = select.count(selection, argument_map)
    compact = detail == "compact" or (detail == "auto" and drawn > COMPACT_ABOVE)
    if direction == "auto":  # one-line boxes stack well in rows: a big map reads left to right
        direction = "LR" if compact else "TB"
    options = graph.Options(
        direction=direction,  # type: ignore[arg-type]
        theme=THEMES[theme],
        compact=compact,
        notes=tuple(notes),
    )
    return graph.build(argument_map, drawn_flags, selection, options, tooltips)


_TOOLTIP_TOKEN = re.compile(rb'xlink:title="ArgmapTooltip(\d+)"')


def _put_tooltips(svg: bytes, tooltips: list[str]) -> bytes:
    """Write each tooltip's text where dot wrote its token."""

    def text(match: re.Match[bytes]) -> bytes:
        value = svg_attribute(tooltips[int(match.group(1))])
        return b'xlink:title="' + value.encode("utf-8") + b'"'

    return _TOOLTIP_TOKEN.sub(text, svg)


def _select(
    argument_map: ArgumentMap, focus: str | None, depth: Depth
) -> tuple[select.Selection, list[str]]:
    """What to draw, and the notes under the title that say so."""
    limit = None if depth == "all" else depth
    total = len(argument_map.statements)
    if focus is not None:
        how_far = "all the way down" if limit is None else f"{_steps(limit)} down"
        return select.around(argument_map, focus, limit), [f"around ‘{focus}’, {how_far}"]
    if limit is not None:
        chosen = select.top(argument_map, limit)
        return chosen, [f"{_steps(limit)} down from the thesis; {_shown(chosen, argument_map)}"]
    if depth == "all" or total <= FIT:
        return select.everything(argument_map), []
    chosen = select.fitting(argument_map, FIT)
    return chosen, [
        f"{_shown(chosen, argument_map)}: the top of a big map "
        "(▸ marks a part not drawn: draw it with --focus ID, or all with --depth all)"
    ]


def _shown(selection: select.Selection, argument_map: ArgumentMap) -> str:
    return f"{select.count(selection, argument_map)} of {len(argument_map.statements)} statements"


def _steps(depth: int) -> str:
    return f"{depth} step{'' if depth == 1 else 's'}"


__all__ = [
    "COMPACT_ABOVE",
    "FIT",
    "FORMATS",
    "DotNotFoundError",
    "RenderError",
    "draw",
    "render",
]
