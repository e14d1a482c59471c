"""The map as a `graphviz.Digraph`: one method per kind of element, nothing run yet.

Edges run from grounds to what they support (premise -> junction -> conclusion, attacker ->
target, antecedent -> consequent), so every arrowhead is where the reasoning arrives; the
direction option only turns the whole drawing. Elements are added in the order the map
writes them, and attributes are sorted, so the DOT text is stable.

Ids in the SVG: a statement's node, an inference's junction, a conditional's edge and an
attack's edge carry the element's own id; the edges around a junction are `INF:premise:P`,
`INF:warrant` and `INF:conclusion`, those around an attack's junction `ATT:attacker` and
`ATT:target` (argmap ids never contain ':' or '.', so these never clash with them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import graphviz

from argmap.model import ArgumentMap, Attack, Conditional, Inference, Statement, StatementKind
from argmap.render import labels
from argmap.render.flags import Flag, Flags, codes_of, lesser, remarks, shown, top_ranked, worst
from argmap.render.legend import Legend, Used
from argmap.render.options import Direction, RenderOptions
from argmap.render.select import Plan
from argmap.render.sides import Sides
from argmap.render.text import TOOLTIP_CHARS, css_class, cut, digest, dot_id, dot_string
from argmap.render.theme import AttackRole

# The user names where the thesis is (TB: on top); edges run from grounds to thesis.
RANKDIR: dict[Direction, str] = {"TB": "BT", "BT": "TB", "LR": "RL"}


def build(
    argument_map: ArgumentMap,
    flags: Flags,
    plan: Plan,
    options: RenderOptions,
    tooltips: list[str] | None = None,
    *,
    sides: Sides | None = None,
) -> graphviz.Digraph:
    """The drawing of the part of the map `plan` selects, as DOT, in the options' theme and
    with `flags` drawn on what they concern, then its legend. `sides` says whose each
    element is (without it, everything is the author's and every attack is against).

    The theses are on the first rank, where the options' direction puts the thesis: an edge
    out of a thesis (a thesis that grounds another) does not push it down.

    With a `tooltips` list, each tooltip is written as a token (`tooltip_token(i)`) and its
    text appended to the list, to be put into the SVG after layout (see `render`).
    """
    return _DotBuilder(argument_map, flags, plan, options, tooltips, sides or Sides()).build()


def tooltip_token(index: int) -> str:
    return f"ArgmapTooltip{index}"  # letters and digits: dot writes them as they are


class _DotBuilder:
    """Builds one drawing's `graphviz.Digraph`: one method per kind of element."""

    def __init__(
        self,
        argument_map: ArgumentMap,
        flags: Flags,
        plan: Plan,
        options: RenderOptions,
        tooltips: list[str] | None,
        sides: Sides,
    ) -> None:
        self.map = argument_map
        self.sides = sides
        self.tooltips = tooltips
        self.flags = flags
        self.plan = plan
        self.selection = plan.selection
        self.compact = plan.compact
        self.theme = options.chosen_theme
        self.graph = graphviz.Digraph(name="argmap", comment="drawn by argmap render")
        targeted = {a.target for a in argument_map.attacks if a.id in self.selection}
        self.junctions = {i.id for i in argument_map.inferences if _needs_junction(i, targeted)}
        self.junctions |= {a.id for a in argument_map.attacks if a.id in targeted}
        self.theses = {
            s.id for s in argument_map.statements if s.kind is StatementKind.THESIS
        } & self.selection.ids

    def build(self) -> graphviz.Digraph:
        self._graph_attributes()
        drawn = self._drawn_elements()
        for element in drawn:
            if isinstance(element, Statement):
                self.statement(element)
            elif isinstance(element, Inference):
                self.inference(element)
            elif isinstance(element, Conditional):
                self.conditional(element)
            else:
                self.attack(element)
        stubbed = self._stubs()
        self._theses_first(drawn)
        used = Used.of(drawn, self.junctions, self.flags, stubs=bool(stubbed), sides=self.sides)
        Legend(self.theme, used).draw(self.graph)
        return self.graph

    # ---- the graph -------------------------------------------------------------------------

    def _graph_attributes(self) -> None:
        theme = self.theme
        graph: dict[str, str] = {
            "rankdir": RANKDIR[self.plan.direction],
            "bgcolor": theme.background,
            "fontname": theme.font,
            "nodesep": "0.35",
            "ranksep": "0.55",
            "pad": "0.3",
            "id": "argmap.map",
            "class": "argmap",
            "outputorder": "edgesfirst",
        }
        title = labels.title_label(self.map, self.plan.notes, self.flags.on_map, theme)
        if title is not None:
            graph.update(label=title, labelloc="t", labeljust="c")
        tooltip = self.map.header.title or self.map.path
        if tooltip:
            graph["tooltip"] = self._tip(tooltip)
        self.graph.attr("graph", **graph)
        self.graph.attr(
            "node",
            fontname=theme.font,
            fontsize=f"{labels.TEXT_SIZE:g}",
            fontcolor=theme.text,
            margin="0.14,0.07",
        )
        self.graph.attr("edge", fontname=theme.font, fontsize="9", arrowsize="0.8", penwidth="1.3")

    def _theses_first(self, drawn: Sequence[Statement | Inference | Conditional | Attack]) -> None:
        """Every drawn thesis on the first rank (rankdir runs from the grounds to the
        thesis, so that is the last rank), and nothing else there."""
        theses = [e.id for e in drawn if isinstance(e, Statement) and e.id in self.theses]
        if not theses:
            return
        with self.graph.subgraph(name="theses") as first:
            first.attr(rank="sink")
            for thesis in dict.fromkeys(theses):
                first.node(node_name(thesis))

    # ---- statements ------------------------------------------------------------------------

    def statement(self, statement: Statement) -> None:
        flags = self.flags.of(statement.id)
        out = self.flags.is_out(statement.id)
        style = self.theme.kinds[statement.kind]
        side = self.sides.side(statement.id)
        look = labels.Look(flags, out, self.compact, self.theme, self.theme.sides.get(side))
        attributes = {
            "id": dot_id(statement.id),
            "class": css_class(
                "statement",
                f"kind-{statement.kind.value}",
                *(f"finding-{code}" for code in codes_of(flags)),
                "flagged" if shown(flags) else "",
                *_rank_classes(flags),
                "standing-out" if out else "",
                "accepted" if statement.accepted else "",
                f"side-{side.value}" if side in self.theme.sides else "",
            ),
            "label": labels.statement_label(statement, look),
            "tooltip": self._tip(labels.statement_tooltip(statement, flags, out)),
            "shape": style.shape,
            "style": style.style,
            "fillcolor": self.theme.muted_fill if out else style.fill,
            "color": self.theme.muted_line if out else style.border,
            "penwidth": f"{style.penwidth:g}",
        }
        flag = worst(flags)
        if flag is not None and flag.lesser:
            attributes["color"] = self.theme.lighter_colour(self.theme.flags[flag.kind].colour)
        elif flag is not None:
            attributes["color"] = self.theme.flags[flag.kind].colour
            attributes["penwidth"] = f"{max(style.penwidth, self.theme.flag_penwidth):g}"
        self.graph.node(node_name(statement.id), **attributes)

    # ---- inferences ------------------------------------------------------------------------

    def inference(self, inference: Inference) -> None:
        conclusion_out = self.flags.is_out(inference.conclusion)
        if inference.id not in self.junctions:
            premise = inference.premises[0]
            flags = [*self.flags.of(inference.id), *self.flags.of_link(premise, inference.id)]
            self._edge(
                premise,
                inference.conclusion,
                element_id=inference.id,
                classes=("inference", "support", "link"),
                colour=self._muted_or(self.theme.support, premise, conclusion_out),
                flags=flags,
                tooltip=labels.relation_tooltip(inference, flags),
            )
            return
        self._junction(inference)
        for premise in inference.premises:
            flags = self.flags.of_link(premise, inference.id)
            self._edge(
                premise,
                inference.id,
                element_id=f"{inference.id}:premise:{premise}",
                classes=("support", "link", "premise-link"),
                colour=self._muted_or(self.theme.support, premise),
                flags=flags,
                arrowhead="none",
                tooltip=labels.relation_tooltip(
                    inference, flags, f"this line: the premise {premise}"
                ),
            )
        if inference.warrant:
            flags = self.flags.of_link(inference.warrant, inference.id)
            self._edge(
                inference.warrant,
                inference.id,
                element_id=f"{inference.id}:warrant",
                classes=("warrant", "link"),
                colour=self._muted_or(self.theme.warrant, inference.warrant),
                flags=flags,
                arrowhead="none",
                style="dashed",
                label="warrant",
                tooltip=labels.relation_tooltip(
                    inference, flags, f"this line: the warrant {inference.warrant}"
                ),
            )
        self._edge(
            inference.id,
            inference.conclusion,
            element_id=f"{inference.id}:conclusion",
            classes=("support", "conclusion-link"),
            colour=self.theme.muted_line if conclusion_out else self.theme.support,
            flags=[],
            tooltip=labels.relation_tooltip(inference, self.flags.of(inference.id)),
        )

    def _junction(self, inference: Inference) -> None:
        flags = self.flags.of(inference.id)
        flag = worst(flags)
        colour = self._flag_colour(flag) if flag else self.theme.support
        attributes = {
            "id": dot_id(inference.id),
            "class": css_class(
                "inference",
                "junction",
                "linked" if len(inference.premises) > 1 else "",
                f"scheme-{inference.scheme}" if inference.scheme else "",
                *(f"finding-{code}" for code in codes_of(flags)),
                "flagged" if shown(flags) else "",
                *_rank_classes(flags),
            ),
            "tooltip": self._tip(labels.relation_tooltip(inference, flags)),
            "color": colour,
        }
        if inference.scheme or inference.hedge or shown(flags) or remarks(flags):
            attributes.update(
                shape="box",
                style="rounded,filled",
                fillcolor=self.theme.background,
                margin="0.06,0.02",
                height="0.2",
                penwidth=f"{self.theme.flag_penwidth if flag and not flag.lesser else 1.2:g}",
                label=labels.junction_label(inference, flags, self.theme, self.compact),
            )
        else:
            attributes.update(
                shape="circle",
                style="filled",
                fillcolor=colour,
                width="0.14",
                fixedsize="true",
                label="",
            )
        self.graph.node(node_name(inference.id), **attributes)

    # ---- conditionals and attacks ----------------------------------------------------------

    def conditional(self, conditional: Conditional) -> None:
        flags = [
            *self.flags.of(conditional.id),
            *self.flags.of_link(conditional.antecedent, conditional.id),
        ]
        self._edge(
            conditional.antecedent,
            conditional.consequent,
            element_id=conditional.id,
            classes=("conditional",),
            colour=self._muted_or(self.theme.conditional, conditional.antecedent),
            flags=flags,
            style="dashed",
            arrowhead="empty",
            label="if",
            tooltip=labels.relation_tooltip(conditional, flags),
        )

    def attack(self, attack: Attack) -> None:
        """An attack drawn by its role: against the argument (a blunt head), the author's
        answer (another colour, a square head, "answer"), a granted point (dotted,
        "granted"), a contradiction (dashed, a head at each end); "in part" when partial."""
        flags = [*self.flags.of(attack.id), *self.flags.of_link(attack.attacker, attack.id)]
        role = self.sides.role(attack)
        look = self.theme.attacks[role]
        colour = self._muted_or(look.colour, attack.attacker)
        classes = ("attack", attack.kind.value, role.value, "partial" if attack.partial else "")
        tooltip = labels.relation_tooltip(attack, flags, role=_ROLE_SAID[role])
        label = " · ".join(filter(None, [look.label, "in part" if attack.partial else ""]))
        head = look.partial_head if attack.partial else look.head
        ends: dict[str, str] = {"dir": "both", "arrowtail": head} if look.both_ends else {}
        if look.both_ends:
            ends["constraint"] = "false"  # neither of two clashing statements grounds the other
        if attack.id not in self.junctions:
            self._edge(
                attack.attacker, attack.target, element_id=attack.id, classes=classes,
                colour=colour, flags=flags, arrowhead=head, tooltip=tooltip, style=look.line,
                label=label or None, extra=ends,
            )  # fmt: skip
            return
        junction = {
            "id": dot_id(attack.id),
            "class": css_class(
                "attack",
                attack.kind.value,
                role.value,
                "junction",
                *(f"finding-{code}" for code in codes_of(flags)),
            ),
            # A hollow diamond (a support junction is a dot), large enough that the head of
            # the answer to this attack shows against it.
            "shape": "diamond",
            "style": "filled",
            "fillcolor": self.theme.background,
            "color": colour,
            "penwidth": f"{self.theme.attack_penwidth:g}",
            "width": "0.26",
            "height": "0.26",
            "fixedsize": "true",
            "label": "",
            "tooltip": self._tip(tooltip),
        }
        self.graph.node(node_name(attack.id), **junction)
        self._edge(
            attack.attacker, attack.id, element_id=f"{attack.id}:attacker", classes=classes,
            colour=colour, flags=flags, arrowhead="none", tooltip=tooltip, style=look.line,
            label=label or None,
        )  # fmt: skip
        self._edge(
            attack.id, attack.target, element_id=f"{attack.id}:target", classes=classes,
            colour=colour, flags=[], arrowhead=head, tooltip=tooltip, style=look.line,
            extra=ends,
        )  # fmt: skip

    # ---- shared ----------------------------------------------------------------------------

    def _tip(self, text: str) -> str:
        if self.tooltips is None:  # in DOT text, where Graphviz limits a string's length
            return dot_string(cut(text, TOOLTIP_CHARS))
        self.tooltips.append(text)
        return tooltip_token(len(self.tooltips) - 1)

    def _edge(
        self,
        tail: str,
        head: str,
        *,
        element_id: str,
        classes: Sequence[str],
        colour: str,
        flags: Sequence[Flag],
        tooltip: str,
        arrowhead: str = "normal",
        style: str = "solid",
        label: str | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> None:
        attributes = {
            "id": dot_id(element_id),
            "class": css_class(
                *classes,
                *(f"finding-{code}" for code in codes_of(flags)),
                "flagged" if shown(flags) else "",
                *_rank_classes(flags),
            ),
            "color": colour,
            "arrowhead": arrowhead,
            "tooltip": self._tip(tooltip),
            **(extra or {}),
        }
        if tail in self.theses:
            attributes["constraint"] = "false"  # the thesis stays on the first rank
        if style != "solid":
            attributes["style"] = style
        if "attack" in classes:
            attributes["penwidth"] = f"{self.theme.attack_penwidth:g}"
            attributes["arrowsize"] = "1.3"
        flag = worst(flags)
        if flag is not None:
            flag_style = self.theme.flags[flag.kind]
            attributes["color"] = self._flag_colour(flag)
            if not flag.lesser:
                attributes["penwidth"] = f"{self.theme.flag_penwidth:g}"
            if flag_style.line != "solid" and style == "solid":
                attributes["style"] = flag_style.line
        role = labels.font(label, colour, labels.SMALL_SIZE) if label else ""
        if flag is not None:
            # The edge's role ("if", "warrant") heads its flags, so the two never collide.
            attributes["label"] = labels.html(
                [role, labels.flag_row(flags, self.theme, self.compact)]
            )
        elif role and not self.compact:
            # An xlabel is placed after layout, beside the edge, without pushing ranks apart.
            attributes["xlabel"] = labels.html([role])
        if "label" in attributes or "xlabel" in attributes:
            attributes["labeltooltip"] = attributes["tooltip"]
        self.graph.edge(node_name(tail), node_name(head), **attributes)

    def _flag_colour(self, flag: Flag) -> str:
        colour = self.theme.flags[flag.kind].colour
        return self.theme.lighter_colour(colour) if flag.lesser else colour

    def _muted_or(self, colour: str, *statement_ids: str | bool) -> str:
        out = any(s is True or (isinstance(s, str) and self.flags.is_out(s)) for s in statement_ids)
        return self.theme.muted_line if out else colour

    def _drawn_elements(self) -> list[Statement | Inference | Conditional | Attack]:
        """The selected elements that are drawn, in the map's order: a relation is drawn only
        when every element it joins exists and is drawn.

        An attack on an attack is drawn when the attack it targets is; attacks can form
        cycles (two undercutting each other, one undercutting itself) and chains thousands
        long, so this is a fixed point computed with a work list, not a recursion: every
        attack whose own ends are drawn starts in, and one whose target drops out drops out
        in turn. A cycle of attacks with drawn ends is drawn whole. Elements are told apart
        by identity, not id: in a map with errors two elements can share an id.
        """
        elements: tuple[Statement | Inference | Conditional, ...] = (
            *self.map.statements,
            *self.map.inferences,
            *self.map.conditionals,
        )
        others = [e for e in elements if e.id in self.selection and self._own_ends_drawn(e)]
        attacks = [
            a for a in self.map.attacks if a.id in self.selection and self._own_ends_drawn(a)
        ]
        kept = {id(attack) for attack in attacks}
        on_attack: dict[int, list[Attack]] = {}  # an attack's identity -> the attacks on it
        dropped: list[Attack] = []
        for attack in attacks:
            target = self.map.by_id.get(attack.target)
            if isinstance(target, Attack) and id(target) in kept:
                on_attack.setdefault(id(target), []).append(attack)
            elif target is None or isinstance(target, Attack) or not self._own_ends_drawn(target):
                dropped.append(attack)
        kept -= {id(attack) for attack in dropped}
        while dropped:
            for attack in on_attack.get(id(dropped.pop()), []):
                if id(attack) in kept:
                    kept.remove(id(attack))
                    dropped.append(attack)
        return [*others, *(attack for attack in attacks if id(attack) in kept)]

    def _own_ends_drawn(self, element: Statement | Inference | Conditional | Attack) -> bool:
        """Whether the element's ends, other than an attack's target attack, are drawn."""
        if isinstance(element, Statement):
            return True
        if isinstance(element, Inference):
            ends = (*element.premises, element.conclusion, *filter(None, [element.warrant]))
            return bool(element.premises) and self._all_statements(ends)
        if isinstance(element, Conditional):
            return self._all_statements((element.antecedent, element.consequent))
        target = self.map.by_id.get(element.target)
        return (
            self._all_statements((element.attacker,))
            and target is not None
            and element.target in self.selection
            and (isinstance(target, Statement) or element.target in self.junctions)
        )

    def _all_statements(self, ids: Sequence[str]) -> bool:
        return all(
            isinstance(self.map.by_id.get(i), Statement) and i in self.selection for i in ids
        )

    def _stubs(self) -> list[str]:
        """A small node under each statement whose grounds are not drawn, saying how many
        statements (and flags) are hidden there; the ids of those statements."""
        stubbed: list[str] = []
        for statement_id, hidden in sorted(self.selection.hidden_below.items()):
            if statement_id not in self.selection:
                continue
            stubbed.append(statement_id)
            flagged = sum(1 for i in hidden if shown(self.flags.of(i)))
            stub = node_name(statement_id) + ".hidden"
            self.graph.node(
                stub,
                id=dot_id(stub),
                **{"class": css_class("hidden", *(["flagged"] if flagged else []))},
                label=labels.stub_label(len(hidden), flagged, self.theme),
                tooltip=self._tip(
                    f"{len(hidden)} statements below ‘{statement_id}’ are not drawn; "
                    f"draw them with --focus {statement_id}"
                ),
                shape="box",
                style="rounded,dotted",
                color=self.theme.muted_line,
                margin="0.08,0.03",
            )
            self.graph.edge(
                stub, node_name(statement_id), style="dotted", color=self.theme.muted_line,
                arrowhead="none", id=dot_id(f"{stub}:edge"),
                **{"class": "hidden"},
            )  # fmt: skip
        return stubbed


_ROLE_SAID: dict[AttackRole, str] = {
    AttackRole.AGAINST: "against the argument",
    AttackRole.ANSWER: "the author's answer",
    AttackRole.GRANTED: "a point the author grants: it limits what it targets",
    AttackRole.CONTRADICTS: "the two cannot both hold",
}


def _rank_classes(flags: Sequence[Flag]) -> list[str]:
    """`rank-top` on what the top-ranked weaknesses are drawn on, `rank-lesser` on what only
    lesser ones are (drawn lighter)."""
    return ["rank-top" if top_ranked(flags) else "", "rank-lesser" if lesser(flags) else ""]


def _needs_junction(inference: Inference, targeted: set[str]) -> bool:
    """Linked premises, a warrant, a scheme, a hedge or an undercut need a node to meet at;
    a plain step from one premise is a single arrow."""
    return (
        len(inference.premises) > 1
        or bool(inference.warrant or inference.scheme or inference.hedge)
        or inference.id in targeted
    )


_PLAIN_ID = re.compile(r"[^\W\d][\w-]*")
_NAME_CHARS = 100  # a longer id is named by its digest: Graphviz limits a name's length


def node_name(element_id: str) -> str:
    """The DOT name of an element's node: its id when it is plain (a letter, then letters,
    digits, '-' and '_'), else a name made from its bytes (generated ids such as
    "t<-a+b", and ids made in Python), or, for an id longer than 100 characters, from its
    digest. Node names never reach the reader (the SVG `id` attribute carries the element
    id), and a made name holds no port colon, quote or backslash."""
    if len(element_id) > _NAME_CHARS:
        return "id.sha256." + digest(element_id)
    if _PLAIN_ID.fullmatch(element_id):
        return element_id
    return "id." + element_id.encode("utf-8", "surrogatepass").hex()


__all__ = ["RANKDIR", "build", "node_name", "tooltip_token"]
