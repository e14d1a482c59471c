"""The legend: one row for each kind of thing the drawing uses, and nothing else.

What it uses (`Used`) is found after the drawing, from what was drawn: its elements, their
junctions, the flags on them and in the title, and whether a part was left out."""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass

import graphviz

from argmap.model import Attack, Conditional, Inference, Statement, StatementKind
from argmap.render.flags import Flag, Flags, remarks, shown
from argmap.render.labels import SMALL_SIZE, font
from argmap.render.select import grounds_of
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


Drawn = Statement | Inference | Conditional | Attack


@dataclass(frozen=True)
class Used:
    """What a drawing uses, found from what it drew: its elements, the steps and attacks
    drawn with a junction, the flags and the stubs of parts not drawn."""

    kinds: frozenset[StatementKind] = frozenset()
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
    flags: tuple[FlagKind, ...] = ()  # in the order of FlagKind

    @classmethod
    def of(cls, elements: Sequence[Drawn], junctions: Set[str], flags: Flags, stubs: bool) -> Used:
        """What the drawn `elements` use (`junctions`: the ids drawn with a junction node),
        with the `flags` they and the title show, and whether a stub was drawn."""
        statements = [e for e in elements if isinstance(e, Statement)]
        stepped = [e for e in elements if isinstance(e, Inference) and e.id in junctions]
        drawn_flags = [*flags.on_map, *(f for e in elements for f in _flags_on(e, flags))]
        shown_kinds = {flag.kind for flag in shown(drawn_flags)}
        if remarks(drawn_flags):
            shown_kinds.add(FlagKind.INFO)
        return cls(
            kinds=frozenset(s.kind for s in statements),
            support=any(isinstance(e, Inference) for e in elements),
            junction=any(len(i.premises) > 1 for i in stepped),
            schemes=any(i.scheme is not None for i in stepped),
            warrant=any(i.warrant for i in stepped),
            conditional=any(isinstance(e, Conditional) for e in elements),
            attack=any(isinstance(e, Attack) for e in elements),
            attacked_attack=any(isinstance(e, Attack) and e.id in junctions for e in elements),
            hedged=any(s.hedge is not None for s in statements),
            muted=any(flags.is_out(s.id) for s in statements),
            stubs=stubs,
            flags=tuple(kind for kind in FlagKind if kind in shown_kinds),
        )


def _flags_on(element: Drawn, flags: Flags) -> list[Flag]:
    """The flags drawn on an element and on the links from its grounds into it."""
    if isinstance(element, Statement):
        return flags.of(element.id)
    links = (flags.of_link(ground, element.id) for ground in grounds_of(element))
    return [*flags.of(element.id), *(flag for link in links for flag in link)]


@dataclass(frozen=True)
class Legend:
    """The legend of one drawing: a row for each thing it uses, drawn last."""

    theme: Theme
    used: Used

    def rows(self) -> list[tuple[str, str]]:
        """(sample, meaning) pairs, both already HTML."""
        theme, used = self.theme, self.used
        rows = []
        for statement_kind in _EXPLAINED:  # the other kinds say what they are on each box
            if statement_kind in used.kinds:
                colour = theme.kinds[statement_kind].label
                sample = font(f"<B>{statement_kind.value.upper()}</B>", colour, SMALL_SIZE)
                rows.append((sample, _KIND_MEANING[statement_kind]))
        if used.hedged:
            rows.append((font("likely · 55–80 %", theme.text, SMALL_SIZE), "hedge and its range"))
        if used.support:
            rows.append((font("━━━▶", theme.support), "supports"))
        if used.junction:
            rows.append((font("━━●━━▶", theme.support), "linked premises, working together"))
        if used.schemes:
            sample = font("<I>( sign )</I>", theme.support, SMALL_SIZE)
            rows.append((sample, "the kind of step (its scheme)"))
        if used.warrant:
            rows.append((font("╍ ╍ ●", theme.warrant), "warrant: why the step holds"))
        if used.conditional:
            rows.append((font("╍ ╍ ▷", theme.conditional), "if … then"))
        if used.attack:
            rows.append((font("━━━┫", theme.attack), "attacks a claim, or a step"))
        if used.attacked_attack:
            rows.append((font("━◇━┫", theme.attack), "an attack, attacked in turn at ◇"))
        if used.muted:
            rows.append((font("out", theme.muted_text), "defeated (grounded semantics)"))
        for kind in used.flags:
            style = theme.flags[kind]
            line = "" if kind is FlagKind.INFO else f" {_LINE[style.line]}"
            sample = font(f"<B>{style.mark}{line}</B>", style.colour)
            rows.append((sample, _FLAG_MEANING[kind]))
        if used.stubs:
            rows.append((font("▸ 12 more", theme.subtitle, SMALL_SIZE), "not drawn: use --focus"))
        return rows

    def draw(self, graph: graphviz.Digraph) -> None:
        rows = self.rows()
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
