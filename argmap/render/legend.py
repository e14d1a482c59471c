"""The legend: one row for each kind of thing the drawing uses, and nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import graphviz

from argmap.model import StatementKind
from argmap.render.labels import SMALL_SIZE, font
from argmap.render.text import html_text
from argmap.render.theme import FlagKind, Theme

_KIND_MEANING: dict[StatementKind, str] = {
    StatementKind.THESIS: "the main conclusion",
    StatementKind.CLAIM: "an intermediate conclusion",
    StatementKind.PREMISE: "a reason given",
    StatementKind.EVIDENCE: "a fact, with its source",
    StatementKind.ASSUMPTION: "not in the text: supplied by the mapper",
    StatementKind.PREDICTION: "about the future",
    StatementKind.OBJECTION: "raised against a claim or step",
    StatementKind.CONDITION: "supposed, not asserted",
}

_EXPLAINED = (StatementKind.ASSUMPTION, StatementKind.CONDITION)

_FLAG_MEANING: dict[FlagKind, str] = {
    FlagKind.UNSUPPORTED: "unsupported: nothing holds it up",
    FlagKind.UNEXPLAINED: "unexplained step: no warrant or scheme",
    FlagKind.CIRCULAR: "circular: the reasoning comes back to itself",
    FlagKind.OVERCLAIM: "overclaim: surer than its grounds allow",
    FlagKind.HEDGE: "hedge that says little (stacked, vague, mixed)",
    FlagKind.DEFEATED: "defeated, or left undecided, by an attack",
    FlagKind.OTHER: "other weakness (see the tooltip)",
    FlagKind.INFO: "a remark, such as open critical questions (tooltip)",
}

_LINE: dict[str, str] = {"solid": "━━━", "bold": "━━━", "dashed": "╍ ╍ ", "dotted": "┅┅┅"}


@dataclass
class Legend:
    """What the drawing used, gathered while it is built; drawn last."""

    theme: Theme
    kinds: set[StatementKind] = field(default_factory=set)
    support: bool = False
    junction: bool = False  # linked premises meet at a junction
    schemes: bool = False  # a junction names its scheme
    warrant: bool = False
    conditional: bool = False
    attack: bool = False
    attacked_attack: bool = False  # an attack with its own junction, attacked in turn
    hedged: bool = False
    muted: bool = False
    stubs: bool = False

    def rows(self, flags: Sequence[FlagKind]) -> list[tuple[str, str]]:
        """(sample, meaning) pairs, both already HTML."""
        theme = self.theme
        rows = []
        for statement_kind in _EXPLAINED:  # the other kinds say what they are on each box
            if statement_kind in self.kinds:
                colour = theme.kinds[statement_kind].label
                sample = font(f"<B>{statement_kind.value.upper()}</B>", colour, SMALL_SIZE)
                rows.append((sample, _KIND_MEANING[statement_kind]))
        if self.hedged:
            rows.append((font("likely · 55–80 %", theme.text, SMALL_SIZE), "hedge and its range"))
        if self.support:
            rows.append((font("━━━▶", theme.support), "supports"))
        if self.junction:
            rows.append((font("━━●━━▶", theme.support), "linked premises, working together"))
        if self.schemes:
            sample = font("<I>( sign )</I>", theme.support, SMALL_SIZE)
            rows.append((sample, "the kind of step (its scheme)"))
        if self.warrant:
            rows.append((font("╍ ╍ ●", theme.warrant), "warrant: why the step holds"))
        if self.conditional:
            rows.append((font("╍ ╍ ▷", theme.conditional), "if … then"))
        if self.attack:
            rows.append((font("━━━┫", theme.attack), "attacks a claim, or a step"))
        if self.attacked_attack:
            rows.append((font("━◇━┫", theme.attack), "an attack, attacked in turn at ◇"))
        if self.muted:
            rows.append((font("out", theme.muted_text), "defeated (grounded semantics)"))
        for kind in flags:
            style = theme.flags[kind]
            line = "" if kind is FlagKind.INFO else f" {_LINE[style.line]}"
            sample = font(f"<B>{style.mark}{line}</B>", style.colour)
            rows.append((sample, _FLAG_MEANING[kind]))
        if self.stubs:
            rows.append((font("▸ 12 more", theme.subtitle, SMALL_SIZE), "not drawn: use --focus"))
        return rows

    def draw(self, graph: graphviz.Digraph, flags: Sequence[FlagKind]) -> None:
        rows = self.rows(flags)
        if not rows:
            return
        cells = "".join(
            f'<TR><TD ALIGN="LEFT">{sample}</TD>'
            f'<TD ALIGN="LEFT">{font(html_text(meaning), self.theme.subtitle, 9)}</TD></TR>'
            for sample, meaning in rows
        )
        heading = font("<B>Legend</B>", self.theme.title, 10)
        label = (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
            f'<TR><TD COLSPAN="2" ALIGN="LEFT">{heading}</TD></TR>{cells}</TABLE>>'
        )
        with graph.subgraph(name="legend") as legend:
            legend.attr(rank="min")
            legend.node(
                "argmap.legend",
                id="argmap.legend",
                **{"class": "legend"},
                label=label,
                shape="box",
                style="rounded",
                color="#cccccc",
                margin="0.12,0.08",
                tooltip="legend",
            )
