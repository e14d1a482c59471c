"""What a node says: HTML-like labels and tooltips, built from escaped pieces only.

Every piece of map text goes through `text.html_text` (labels) or `text.dot_string`
(tooltips); the markup around them is written here and holds nothing from the map.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model import (
    ArgumentMap,
    Attack,
    AttackKind,
    Conditional,
    Inference,
    Statement,
    StatementKind,
)
from argmap.render.flags import REMARK, Flag, remarks, shown
from argmap.render.text import html_text, shorten, wrap
from argmap.render.theme import FlagKind, SideStyle, Theme
from argmap.words import plural

# Columns of statement text per line; the thesis is drawn larger and wider.
TEXT_WIDTH = 30
THESIS_WIDTH = 36
MAX_LINES = 9  # longer texts end in "…"; the tooltip has them whole
COMPACT_WIDTH = 34  # one line a statement on big maps
CITATION_WIDTH = 44
LINE_WIDTH = 160  # a title, byline or note under it, on one line
TAG_WIDTH = 40  # a scheme or hedge named in a label
MAP_FLAGS = 12  # rows of whole-map findings under the title; the rest are counted
LISTED = 12  # premises named in a step's tooltip

TEXT_SIZE = 11.0
THESIS_SIZE = 13.0
SMALL_SIZE = 8.5


_HEDGE_FLAGS = (FlagKind.OVERCLAIM, FlagKind.HEDGE)


@dataclass(frozen=True)
class Look:
    """How one statement is drawn this time: its flags, whether it is out, the detail."""

    flags: Sequence[Flag]
    out: bool
    compact: bool
    theme: Theme
    side: SideStyle | None = None  # the band of the other side's box, or the coach's


def html(rows: Sequence[str], band: str = "") -> str:
    """An HTML-like label: a borderless table of one cell a row, under a `band` row."""
    cells = band + "".join(f"<TR><TD>{row}</TD></TR>" for row in rows if row)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{cells}</TABLE>>'


def font(content: str, colour: str | None = None, size: float | None = None) -> str:
    attributes = ""
    if colour:
        attributes += f' COLOR="{colour}"'
    if size:
        attributes += f' POINT-SIZE="{size:g}"'
    return f"<FONT{attributes}>{content}</FONT>" if attributes else content


def statement_label(statement: Statement, look: Look) -> str:
    theme = look.theme
    style = theme.kinds[statement.kind]
    flag = next((f for f in shown(look.flags) if f.kind in _HEDGE_FLAGS), None)
    text_colour = theme.muted_text if look.out else theme.text
    head_colour = theme.muted_text if look.out else style.label
    head = [f"<B>{statement.kind.value.upper()}</B>"]
    if statement.hedge is not None:
        hedge = html_text(shorten(statement.hedge.label, TAG_WIDTH))
        if flag is not None and not look.out:
            hedge = font(f"<B>{hedge}</B>", flag_colour(flag, theme))
        head.append(hedge)
    if statement.accepted:
        head.append("accepted")
    if look.out:
        head.append("out")
    if remarks(look.flags):
        head.append(font(REMARK, theme.flags[FlagKind.INFO].colour))
    is_thesis = statement.kind is StatementKind.THESIS
    if look.compact:
        lines = [shorten(statement.text, COMPACT_WIDTH)]
    else:
        lines = wrap(statement.text, THESIS_WIDTH if is_thesis else TEXT_WIDTH, MAX_LINES)
    body = "<BR/>".join(html_text(line) for line in lines) or " "
    if is_thesis:
        body = f"<B>{body}</B>"
    rows = [
        font(" · ".join(head), head_colour, SMALL_SIZE),
        font(body, text_colour, THESIS_SIZE if is_thesis else None),
    ]
    if statement.citation and not look.compact:
        citation = html_text("— " + shorten(statement.citation, CITATION_WIDTH))
        rows.append(font(f"<I>{citation}</I>", theme.muted_text, SMALL_SIZE))
    rows.append(flag_row(look.flags, theme, look.compact))
    return html(rows, side_band(look.side))


def side_band(side: SideStyle | None) -> str:
    """The row across the top of the other side's box, or the coach's, saying whose it is."""
    if side is None:
        return ""
    said = font(f"<B>{html_text(side.label)}</B>", side.text, 7.5)
    return f'<TR><TD BGCOLOR="{side.band}">{said}</TD></TR>'


def flag_colour(flag: Flag, theme: Theme) -> str:
    colour = theme.flags[flag.kind].colour
    return theme.lighter_colour(colour) if flag.lesser else colour


def flag_row(flags: Sequence[Flag], theme: Theme, compact: bool = False) -> str:
    """The weaknesses' marks and tags, each in its kind's colour, the top-ranked first and
    with their rank ("⚠ #1 overclaim"), two to a line; only the marks when compact. A lesser
    weakness is a small, lighter mark: its tag is in the tooltip."""
    parts = []
    for flag in sorted(shown(flags), key=lambda f: (f.lesser, f.rank is None, f.rank or 0)):
        mark = theme.flags[flag.kind].mark
        if flag.lesser:
            parts.append(font(mark, flag_colour(flag, theme), SMALL_SIZE))
            continue
        ranked = f"{mark} #{flag.rank}" if flag.rank is not None else mark
        text = ranked if compact else f"{ranked} {html_text(flag.tag)}"
        parts.append(font(f"<B>{text}</B>", flag_colour(flag, theme), 9))
    unique = list(dict.fromkeys(parts))
    lines = ["  ".join(unique[i : i + 2]) for i in range(0, len(unique), 2)]
    return "<BR/>".join(lines)


def junction_label(
    inference: Inference, flags: Sequence[Flag], theme: Theme, compact: bool = False
) -> str:
    rows = []
    mark = font(f" {REMARK}", theme.flags[FlagKind.INFO].colour) if remarks(flags) else ""
    if inference.scheme:
        scheme = html_text(shorten(inference.scheme, TAG_WIDTH))
        rows.append(font(f"<I>{scheme}</I>", theme.support, 9) + mark)
    elif mark:
        rows.append(mark)
    if inference.hedge:
        hedge = html_text(shorten(inference.hedge.label, TAG_WIDTH))
        rows.append(font(hedge, theme.support, SMALL_SIZE))
    rows.append(flag_row(flags, theme, compact))
    return html(rows)


def stub_label(hidden: int, flags: int, theme: Theme) -> str:
    rows = [font(f"▸ {plural(hidden, 'more statement')}", theme.subtitle, 9)]
    if flags:
        colour = theme.flags[FlagKind.OTHER].colour
        rows.append(font(f"<B>⚠ {flags} flagged</B>", colour, 9))
    return html(rows)


def title_label(
    argument_map: ArgumentMap, notes: Sequence[str], map_flags: Sequence[Flag], theme: Theme
) -> str | None:
    header = argument_map.header
    title = header.title or _file_title(argument_map.path)
    rows = []
    if title:
        rows.append(font(f"<B>{_line(title)}</B>", theme.title, 18))
    byline = " — ".join(p for p in (header.subtitle, header.author, header.date) if p)
    if byline:
        rows.append(font(_line(byline), theme.subtitle, 11))
    for note in notes:
        rows.append(font(_line(note), theme.subtitle, 9))
    for flag in map_flags[:MAP_FLAGS]:
        style = theme.flags[flag.kind]
        rows.append(font(_line(f"{style.mark} {flag.message}"), style.colour, 10))
    if len(map_flags) > MAP_FLAGS:
        more = f"and {len(map_flags) - MAP_FLAGS} more findings on the whole map (argmap check)"
        rows.append(font(_line(more), theme.subtitle, 10))
    return html(rows) if rows else None


def _line(text: str) -> str:
    return html_text(shorten(text, LINE_WIDTH))


def _file_title(path: str | None) -> str | None:
    if not path:
        return None
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.removesuffix(".argmap")


# ---- tooltips (plain text, escaped by the caller) ----------------------------------------


def statement_tooltip(statement: Statement, flags: Sequence[Flag], out: bool) -> str:
    lines = [f"{statement.kind.value} ‘{statement.id}’" + _where(statement.span.file, statement)]
    if statement.hedge is not None:
        lines.append(f"hedge: {statement.hedge.label}")
    lines += ["", statement.text]
    if statement.quote is not None:
        lines += ["", f"quote: “{statement.quote.text}”"]
    if statement.citation:
        lines.append(f"cite: {statement.citation}")
    if statement.note:
        lines.append(f"note: {statement.note}")
    if out:
        lines += ["", "out: defeated under the grounded semantics"]
    return _with_flags(lines, flags)


def relation_tooltip(
    relation: Inference | Conditional | Attack, flags: Sequence[Flag], role: str | None = None
) -> str:
    if isinstance(relation, Inference):
        premises = " + ".join(relation.premises[:LISTED])
        if len(relation.premises) > LISTED:
            premises += f" + {len(relation.premises) - LISTED} more"
        name = shorten(relation.id, LINE_WIDTH)  # a generated id names every premise
        lines = [f"inference ‘{name}’: {relation.conclusion} <- {premises}"]
        if relation.scheme:
            lines.append(f"scheme: {relation.scheme}")
        if relation.warrant:
            lines.append(f"warrant: {relation.warrant}")
        if relation.hedge:
            lines.append(f"hedge: {relation.hedge.label}")
    elif isinstance(relation, Conditional):
        lines = [
            f"conditional ‘{relation.id}’: if {relation.antecedent} then {relation.consequent}"
        ]
    else:
        verb = ("partly " if relation.partial else "") + _VERBS[relation.kind]
        lines = [
            f"{relation.kind.value} ‘{relation.id}’: {relation.attacker} {verb} {relation.target}"
        ]
    if role:
        lines.append(role)
    if relation.quote is not None:
        lines += ["", f"quote: “{relation.quote.text}”"]
    if relation.note:
        lines.append(f"note: {relation.note}")
    return _with_flags(lines, flags)


_VERBS: dict[AttackKind, str] = {
    AttackKind.REBUT: "rebuts",
    AttackKind.UNDERCUT: "undercuts",
    AttackKind.CONCESSION: "limits",
    AttackKind.CONTRADICTION: "contradicts",
}


def _where(file: str | None, statement: Statement) -> str:
    return f" — {file}:{statement.span.line}" if file else f" — line {statement.span.line}"


def _with_flags(lines: list[str], flags: Sequence[Flag]) -> str:
    if flags:
        lines.append("")
        lines += [flag.tooltip_line() for flag in flags]
    return "\n".join(lines)
