"""How to draw a map: every render option, its choices and its checks, as one value.

Each option's choices are spelled once, here (the themes' names in `argmap.render.theme`);
the CLI builds its `click.Choice`s and defaults from them, and `RenderOptions` refuses any
other value with the `ValueError` a Python user sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from argmap.model import ArgumentMap
from argmap.render.theme import THEMES, Theme
from argmap.words import suggest

Format = Literal["svg", "png", "pdf", "dot", "html"]
Direction = Literal["TB", "BT", "LR"]  # where the thesis is: top, bottom, left
DirectionChoice = Literal["auto", Direction]
Detail = Literal["auto", "full", "compact"]
Depth = int | Literal["all"] | None

FORMATS: tuple[Format, ...] = get_args(Format)
DIRECTIONS: tuple[DirectionChoice, ...] = get_args(DirectionChoice)
THEME_NAMES: tuple[str, ...] = tuple(THEMES)
DETAILS: tuple[Detail, ...] = get_args(Detail)


def spelled(choices: Sequence[str]) -> str:
    """The choices as a sentence says them: "auto, TB, BT or LR"."""
    return choices[0] if len(choices) == 1 else f"{', '.join(choices[:-1])} or {choices[-1]}"


@dataclass(frozen=True)
class RenderOptions:
    """How to draw a map; a bad value is refused when the options are made (`ValueError`).

    `format`: svg, png, pdf, dot (the DOT text), or html (the essay beside the map, one
    self-contained page: docs/html.md). `flags=False` draws the plain map,
    without the findings. `focus` draws the part around one statement (checked against the
    map when it is drawn, `check_focus`), `depth` how far down: a number of steps, or "all"
    (a big map whole). `direction` says where the thesis is: TB (top), BT, LR, or auto (TB,
    but LR for a compact drawing). `theme`: default or print. `detail`: full, compact (one
    line a statement) or auto (compact for a big drawing).
    """

    format: Format = "svg"
    flags: bool = True
    focus: str | None = None
    depth: Depth = None
    direction: DirectionChoice = "auto"
    theme: str = "default"
    detail: Detail = "auto"

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown format {self.format!r}: choose one of {', '.join(FORMATS)}")
        if self.direction not in DIRECTIONS:
            raise ValueError(f"unknown direction {self.direction!r}: choose {spelled(DIRECTIONS)}")
        if self.theme not in THEMES:
            raise ValueError(f"unknown theme {self.theme!r}: choose {spelled(THEME_NAMES)}")
        if self.detail not in DETAILS:
            raise ValueError(f"unknown detail {self.detail!r}: choose {spelled(DETAILS)}")
        if self.depth is not None and self.depth != "all":
            if not isinstance(self.depth, int) or isinstance(self.depth, bool):
                raise ValueError(f"depth must be a number of steps or 'all', not {self.depth!r}")
            if self.depth < 0:
                raise ValueError("depth must be 0 or more")

    @property
    def chosen_theme(self) -> Theme:
        """The theme named by `theme`."""
        return THEMES[self.theme]


def parse_depth(text: str) -> Depth:
    """A depth as a user types it: a number of steps (ASCII digits) or "all"; `ValueError`
    for anything else, as a sentence to show them."""
    cleaned = text.strip().lower()
    if cleaned == "all":
        return "all"
    # isdigit alone takes "²" and other digits int() refuses; only 0-9 are steps.
    if cleaned.isascii() and cleaned.isdigit():
        try:
            return int(cleaned)
        except ValueError:  # more digits than Python converts (4,300 by default)
            raise ValueError(
                f"{len(cleaned)} digits is too many steps: give a smaller number, or 'all'"
            ) from None
    raise ValueError(f"{text!r} is not a number of steps or 'all'")


class UnknownFocusError(ValueError):
    """`focus` names no statement of the map; `suggestion` is the nearest id, if any."""

    def __init__(self, focus: str, suggestion: str | None) -> None:
        self.focus = focus
        self.suggestion = suggestion
        super().__init__(f"there is no statement '{focus}' to focus on{self.did_you_mean}")

    @property
    def did_you_mean(self) -> str:
        return f"; did you mean '{self.suggestion}'?" if self.suggestion else ""


def check_focus(argument_map: ArgumentMap, focus: str | None) -> None:
    """Raise `UnknownFocusError`, naming the nearest statement id, when `focus` is not one of
    the map's statements."""
    if focus is None or argument_map.statement(focus) is not None:
        return
    ids = [statement.id for statement in argument_map.statements]
    raise UnknownFocusError(focus, suggest(focus, ids, fold=str))


__all__ = [
    "DETAILS",
    "DIRECTIONS",
    "FORMATS",
    "THEME_NAMES",
    "Depth",
    "Detail",
    "Direction",
    "DirectionChoice",
    "Format",
    "RenderOptions",
    "UnknownFocusError",
    "check_focus",
    "parse_depth",
    "spelled",
]
