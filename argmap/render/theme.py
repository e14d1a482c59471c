"""The visual vocabulary as data: how each kind of statement, relation and flag is drawn.

Two themes: `default` (colour on screen) and `print` (black on white; every distinction is
also made by line style, line weight and text, so that it survives a grayscale printer).
Colours were chosen for contrast: text is never lighter than #333 on its fill, and the fills
differ in lightness as well as in hue.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from argmap.codes import Weakness
from argmap.model import Side, StatementKind

# The kinds of weak link the drawing tells apart are the registry's (argmap.codes).
FlagKind = Weakness


@dataclass(frozen=True)
class KindStyle:
    fill: str
    border: str
    label: str  # colour of the small kind label
    style: str = "rounded,filled"  # Graphviz node style: line style of the border
    penwidth: float = 1.2
    shape: str = "box"


@dataclass(frozen=True)
class FlagStyle:
    colour: str
    line: str  # Graphviz edge style: solid, dashed, dotted, bold
    mark: str  # drawn before the tag: ⚠ for weaknesses


class AttackRole(StrEnum):
    """What an attack does for whom, as the drawing tells it (argmap.render.sides)."""

    AGAINST = "against"  # an attack on the argument: the other side's point, or the coach's
    ANSWER = "answer"  # the author's answer to an attack or to an objection
    GRANTED = "granted"  # a point the author concedes ("o limits t"): it limits t
    CONTRADICTS = "contradicts"  # "a contradicts b": the two cannot both hold


@dataclass(frozen=True)
class AttackStyle:
    colour: str
    line: str  # Graphviz edge style: solid, dashed, dotted
    head: str  # Graphviz arrowhead at the target
    partial_head: str  # the head of a partial attack ("partly rebuts"): an open one, if any
    label: str  # said beside the edge; "" for none
    both_ends: bool = False  # drawn with a head at each end (a contradiction)


@dataclass(frozen=True)
class SideStyle:
    """The band across the top of a box on the other side, or the coach's."""

    band: str  # the band's colour
    text: str  # its text's colour
    label: str  # what it says


@dataclass(frozen=True)
class Theme:
    name: str
    font: str
    text: str  # statement text
    muted_text: str
    muted_fill: str
    muted_line: str
    background: str
    title: str
    subtitle: str
    support: str  # support arrows and junctions
    warrant: str
    conditional: str
    attack: str
    kinds: dict[StatementKind, KindStyle]
    flags: dict[FlagKind, FlagStyle]
    attacks: dict[AttackRole, AttackStyle]
    sides: dict[Side, SideStyle]  # the other side and the coach: the author's boxes have none
    flag_penwidth: float = 2.6
    attack_penwidth: float = 1.6  # attacks are heavier than support, with a blunt head
    lighter: float = 0.55  # how far a lesser weakness's colour is taken towards white

    def lighter_colour(self, colour: str) -> str:
        """A flag's colour as drawn on a lesser weakness (not among the top-ranked)."""
        return mix(colour, "#ffffff", self.lighter)


def mix(colour: str, other: str, share: float) -> str:
    """`colour` taken `share` of the way towards `other` (both #rrggbb)."""
    ours = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    theirs = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = (round(a + (b - a) * share) for a, b in zip(ours, theirs, strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


_FONT = "Helvetica,Arial,sans-serif"

_K = StatementKind

DEFAULT = Theme(
    name="default",
    font=_FONT,
    text="#1a1a1a",
    muted_text="#767676",
    muted_fill="#f0f0f0",
    muted_line="#a6a6a6",
    background="white",
    title="#1a1a1a",
    subtitle="#555555",
    support="#3b5b8c",
    warrant="#8a6d00",
    conditional="#6a3d9a",
    attack="#c62828",
    kinds={
        _K.THESIS: KindStyle("#dbe7f5", "#1f3a60", "#1f3a60", "rounded,filled", 2.6),
        _K.CLAIM: KindStyle("#e8eff8", "#3b5b8c", "#2c4a78"),
        _K.PREMISE: KindStyle("#ffffff", "#6b6b6b", "#4d4d4d"),
        _K.EVIDENCE: KindStyle("#e3f1e3", "#2e7d32", "#1b5e20"),
        _K.ASSUMPTION: KindStyle("#fff6d6", "#a07c00", "#6d5500", "rounded,filled,dashed"),
        _K.PREDICTION: KindStyle("#efe6f6", "#6a3d9a", "#4a2670"),
        _K.OBJECTION: KindStyle("#fbe3e1", "#b3261e", "#8c1d18"),
        _K.CONDITION: KindStyle("#ffffff", "#6b6b6b", "#4d4d4d", "rounded,filled,dotted", 1.6),
    },
    flags={
        FlagKind.UNSUPPORTED: FlagStyle("#d32f2f", "dashed", "⚠"),
        FlagKind.UNEXPLAINED: FlagStyle("#e65100", "dotted", "⚠"),
        FlagKind.CIRCULAR: FlagStyle("#6a1b9a", "bold", "⚠"),
        FlagKind.OVERCLAIM: FlagStyle("#c2185b", "solid", "⚠"),
        FlagKind.HEDGE: FlagStyle("#8d5b00", "solid", "⚠"),
        FlagKind.DEFEATED: FlagStyle("#616161", "dashed", "⚠"),
        FlagKind.OTHER: FlagStyle("#d32f2f", "solid", "⚠"),
        FlagKind.INFO: FlagStyle("#1565c0", "solid", "ℹ"),
    },
    attacks={
        AttackRole.AGAINST: AttackStyle("#c62828", "solid", "tee", "tee", ""),
        AttackRole.ANSWER: AttackStyle("#00796b", "solid", "box", "obox", "answer"),
        AttackRole.GRANTED: AttackStyle("#8d6e63", "dotted", "tee", "tee", "granted"),
        AttackRole.CONTRADICTS: AttackStyle(
            "#c62828", "dashed", "normal", "normal", "contradicts", both_ends=True
        ),
    },
    sides={
        Side.OTHER: SideStyle("#6d4c41", "#ffffff", "OTHER SIDE"),
        Side.COACH: SideStyle("#37474f", "#ffffff", "COACH"),
    },
)

_INK, _GREY = "#000000", "#555555"

PRINT = Theme(
    name="print",
    font=_FONT,
    text=_INK,
    muted_text="#6e6e6e",
    muted_fill="#eeeeee",
    muted_line="#8c8c8c",
    background="white",
    title=_INK,
    subtitle=_GREY,
    support=_INK,
    warrant=_INK,
    conditional=_INK,
    attack=_INK,
    kinds={
        _K.THESIS: KindStyle("#e6e6e6", _INK, _INK, "rounded,filled", 3.0),
        _K.CLAIM: KindStyle("#f2f2f2", _INK, _INK, "rounded,filled", 1.6),
        _K.PREMISE: KindStyle("#ffffff", _INK, _INK),
        _K.EVIDENCE: KindStyle("#ffffff", _INK, _INK, "filled", 1.2, "note"),
        _K.ASSUMPTION: KindStyle("#ffffff", _INK, _INK, "rounded,filled,dashed"),
        _K.PREDICTION: KindStyle("#ffffff", _INK, _INK),
        _K.OBJECTION: KindStyle("#f2f2f2", _INK, _INK, "filled,diagonals", 1.4, "box"),
        _K.CONDITION: KindStyle("#ffffff", _INK, _INK, "rounded,filled,dotted", 1.6),
    },
    flags={
        FlagKind.UNSUPPORTED: FlagStyle(_INK, "dashed", "⚠"),
        FlagKind.UNEXPLAINED: FlagStyle(_INK, "dotted", "⚠"),
        FlagKind.CIRCULAR: FlagStyle(_INK, "bold", "⚠"),
        FlagKind.OVERCLAIM: FlagStyle(_INK, "solid", "⚠"),
        FlagKind.HEDGE: FlagStyle(_INK, "solid", "⚠"),
        FlagKind.DEFEATED: FlagStyle(_GREY, "dashed", "⚠"),
        FlagKind.OTHER: FlagStyle(_INK, "solid", "⚠"),
        FlagKind.INFO: FlagStyle(_GREY, "solid", "ℹ"),
    },
    attacks={
        AttackRole.AGAINST: AttackStyle(_INK, "solid", "tee", "tee", ""),
        AttackRole.ANSWER: AttackStyle(_INK, "solid", "box", "obox", "answer"),
        AttackRole.GRANTED: AttackStyle(_GREY, "dotted", "tee", "tee", "granted"),
        AttackRole.CONTRADICTS: AttackStyle(
            _INK, "dashed", "normal", "normal", "contradicts", both_ends=True
        ),
    },
    sides={
        Side.OTHER: SideStyle(_INK, "#ffffff", "OTHER SIDE"),
        Side.COACH: SideStyle(_GREY, "#ffffff", "COACH"),
    },
    flag_penwidth=3.0,
    attack_penwidth=2.4,
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (DEFAULT, PRINT)}
