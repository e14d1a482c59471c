"""The legend: one row for each kind of thing the drawing uses, and nothing else.

What it uses (`Used`) is found after the drawing, from what was drawn: its elements, their
junctions, the flags on them and in the title, and whether a part was left out."""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass

import graphviz

from argmap.model import Attack, Conditional, Inference, Side, Statement, StatementKind
from argmap.render.flags import TOP, Flag, Flags, remarks, shown
from argmap.render.labels import SMALL_SIZE, font, side_band
from argmap.render.select import grounds_of
from argmap.render.sides import Sides
from argmap.render.text import html_text
from argmap.render.theme import AttackRole, FlagKind, Theme

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

_ROLE_MEANING: dict[AttackRole, str] = {
    AttackRole.AGAINST: "attacks the argument: a claim, or a step",
    AttackRole.ANSWER: "the author's answer to an attack or an objection",
    AttackRole.GRANTED: "a point the author grants: it limits the claim",
    AttackRole.CONTRADICTS: "contradicts: the two cannot both hold",
}

_HEAD: dict[str, str] = {"tee": "┫", "box": "■", "obox": "□", "normal": "▶"}

_SIDE_MEANING: dict[Side, str] = {
    Side.OTHER: "the other side's reasoning, which the author answers",
    Side.COACH: "the coach's objection, not in the essay",
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
    roles: tuple[AttackRole, ...] = ()  # in the order of AttackRole
    partial: bool = False  # an attack, or an answer, that meets only part of its target
    sides: tuple[Side, ...] = ()  # the sides drawn with a band: the other side, the coach
    ranked: bool = False  # a weakness drawn with its rank
    lesser: bool = False  # a lesser weakness drawn lighter
    hedged: bool = False
    muted: bool = False
    stubs: bool = False
    flags: tuple[FlagKind, ...] = ()  # in the order of FlagKind

    @classmethod
    def of(
        cls,
        elements: Sequence[Drawn],
        junctions: Set[str],
        flags: Flags,
        stubs: bool,
        sides: Sides | None = None,
    ) -> Used:
        """What the drawn `elements` use (`junctions`: the ids drawn with a junction node),
        with the `flags` they and the title show, whether a stub was drawn, and `sides`:
        whose each element is."""
        sides = sides or Sides()
        statements = [e for e in elements if isinstance(e, Statement)]
        attacks = [e for e in elements if isinstance(e, Attack)]
        roles = {sides.role(attack) for attack in attacks}
        drawn_sides = {sides.side(s.id) for s in statements}
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
            roles=tuple(role for role in AttackRole if role in roles),
            partial=any(attack.partial for attack in attacks),
            sides=tuple(side for side in (Side.OTHER, Side.COACH) if side in drawn_sides),
            ranked=any(flag.rank is not None for flag in shown(drawn_flags)),
            lesser=any(flag.lesser for flag in shown(drawn_flags)),
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
        for role in used.roles:
            look = theme.attacks[role]
            tail = _HEAD[look.head] if look.both_ends else ""
            line = f"{tail}{_LINE[look.line]}{_HEAD[look.head]}"
            said = font(f" {look.label}", look.colour, SMALL_SIZE) if look.label else ""
            sample = font(f"{line}{said}", look.colour)
            rows.append((sample, _ROLE_MEANING[role]))
        if used.partial:
            rows.append((font("in part", theme.subtitle, SMALL_SIZE), "meets only part of it"))
        if used.attacked_attack:
            rows.append((font("━◇━┫", theme.attack), "an attack, attacked in turn at ◇"))
        for side in used.sides:
            band = side_band(theme.sides[side])
            sample = f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">{band}</TABLE>'
            rows.append((sample, _SIDE_MEANING[side]))
        if used.muted:
            rows.append((font("out", theme.muted_text), "defeated (grounded semantics)"))
        for kind in used.flags:
            style = theme.flags[kind]
            line = "" if kind is FlagKind.INFO else f" {_LINE[style.line]}"
            sample = font(f"<B>{style.mark}{line}</B>", style.colour)
            rows.append((sample, _FLAG_MEANING[kind]))
        if used.ranked:
            sample = font("<B>⚠ #1</B>", theme.flags[FlagKind.OTHER].colour, 9)
            rows.append((sample, f"the top {TOP} weaknesses, by what they cost the thesis"))
        if used.lesser:
            colour = theme.lighter_colour(theme.flags[FlagKind.OTHER].colour)
            rows.append((font("⚠", colour, SMALL_SIZE), "a lesser weakness: drawn lighter"))
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
