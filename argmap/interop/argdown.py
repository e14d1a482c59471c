"""Argdown (https://argdown.org): export a map as text Argdown 1.7.5 reads, import a debate.

The importer reads one line at a time with grammars/argdown.lark (LALR) and lowers the lines
into a map: statements `[Title]: text`, arguments `<Title>` with premise-conclusion structures
(`(1) ...`, `----` or `-- rule --`), relations `+ - _` and their arrow forms with `><`,
nested by indentation, headings, #tags, YAML frontmatter (flat `key: value` lines) and
`{key: value}` data. docs/interop.md says what is kept and what is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from lark import Lark, Token, Tree, UnexpectedInput

from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic
from argmap.interop._build import IdMaker, guess_kind, hedge_from_text, hedge_text, span_at
from argmap.model import (
    ArgumentMap,
    Attack,
    AttackKind,
    Conditional,
    Header,
    Inference,
    Quote,
    Statement,
    StatementKind,
)
from argmap.schemes import lookup as lookup_scheme

HEADER_KEYS = ("title", "subtitle", "author", "date", "source")

# ---- export ------------------------------------------------------------------------------------


def _string(text: str) -> str:
    """A YAML double-quoted string, as Argdown's data and frontmatter read it."""
    return '"' + " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _data(pairs: dict[str, Any]) -> str:
    items = []
    for key, value in pairs.items():
        if isinstance(value, bool):
            items.append(f"{key}: {'true' if value else 'false'}")
        else:
            items.append(f"{key}: {_string(str(value))}")
    return "{" + ", ".join(items) + "}"


def _plain(text: str) -> str:
    """Statement text without the characters Argdown would read as markup."""
    text = " ".join(text.split())
    for markup, plain in (("[", "("), ("]", ")"), ("<", "‹"), (">", "›"), ("{", "("), ("}", ")")):
        text = text.replace(markup, plain)
    return re.sub(r"#(?=[\w(])", "# ", text).replace("@", "(at)")


def _element_data(element: Statement | Inference | Conditional | Attack) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if element.quote is not None:
        data["quote"] = element.quote.text
    if isinstance(element, Statement) and element.citation is not None:
        data["cite"] = element.citation
    if element.note is not None:
        data["note"] = element.note
    if element.allow:
        data["allow"] = ", ".join(element.allow)
    return data


def export_argdown(argument_map: ArgumentMap) -> str:
    """The map as Argdown: the header as frontmatter, each statement defined once with its
    argmap attributes as data, each inference and conditional an argument with a
    premise-conclusion structure, each attack a relation under its attacker. An attack on an
    attack has no Argdown form: it is written as a comment."""
    lines: list[str] = []
    header = argument_map.header
    fields = [(k, getattr(header, k)) for k in HEADER_KEYS if getattr(header, k) is not None]
    if fields:
        lines += ["===", *(f"{k}: {_string(v)}" for k, v in fields), "===", ""]
    for statement in argument_map.statements:
        data: dict[str, Any] = {"kind": statement.kind.value}
        if statement.hedge is not None:
            data["hedge"] = hedge_text(statement.hedge) or ""
        data |= {"accepted": True} if statement.accepted else {}
        data |= _element_data(statement)
        lines += [f"[{statement.id}]: {_plain(statement.text)} {_data(data)}", ""]
    titles = IdMaker(s.id for s in argument_map.statements)
    title_of: dict[str, str] = {}
    for inference in argument_map.inferences:
        title = (
            inference.id
            if inference.named
            else titles.make(f"{inference.conclusion} from {' '.join(inference.premises)}", "step")
        )
        title_of[inference.id] = title
        data = {"id": inference.id, "named": inference.named}
        for key, value in (
            ("scheme", inference.scheme),
            ("warrant", inference.warrant),
            ("hedge", hedge_text(inference.hedge)),
        ):
            if value is not None:
                data[key] = value
        for number, answer in sorted(inference.answers.items()):
            data[f"answer{number}"] = answer
        data |= _element_data(inference)
        scheme = lookup_scheme(inference.scheme) if inference.scheme else None
        rule = scheme.title if scheme is not None else "Inference"
        premises = [*inference.premises, *filter(None, [inference.warrant])]
        lines += [f"<{title}>", ""]
        lines += [f"({n}) [{p}]" for n, p in enumerate(premises, start=1)]
        lines += [f"-- {rule} {_data(data)} --", f"({len(premises) + 1}) [{inference.conclusion}]"]
        lines.append("")
    for conditional in argument_map.conditionals:
        title = conditional.id if conditional.named else titles.make(conditional.id, "if")
        data = {"id": conditional.id, "named": conditional.named, "conditional": True}
        data |= _element_data(conditional)
        lines += [f"<{title}>", "", f"(1) [{conditional.antecedent}]"]
        lines += [f"-- Conditional {_data(data)} --", f"(2) [{conditional.consequent}]", ""]
    for attack in argument_map.attacks:
        if attack.kind is AttackKind.CONTRADICTION:
            lines += [f"[{attack.attacker}]", f"  >< [{attack.target}]", ""]
        elif attack.kind in (AttackKind.REBUT, AttackKind.CONCESSION):
            # (Argdown has no granted point: one goes over as an attack, docs/interop.md)
            lines += [f"[{attack.attacker}]", f"  -> [{attack.target}]", ""]
        elif attack.target in title_of:
            lines += [f"[{attack.attacker}]", f"  _> <{title_of[attack.target]}>", ""]
        else:
            lines += [
                f"// argmap: {attack.attacker} undercuts the attack {attack.target};",
                "// Argdown has no relation that targets a relation, so it is left out.",
                "",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"


# ---- import: reading lines ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def line_parser() -> Lark:
    """The LALR parser of one Argdown line, built once from the grammar shipped as package
    data."""
    grammar = resources.files("argmap.grammars").joinpath("argdown.lark").read_text("utf-8")
    return Lark(grammar, parser="lalr", propagate_positions=True, maybe_placeholders=False)


_DATA = re.compile(r"\{[^{}]*\}\s*$")
_TAG = re.compile(r"#\(([^)]*)\)|#([\w-]+)")
_PAIR = re.compile(r'\s*([\w-]+)\s*:\s*("(?:[^"\\]|\\.)*"|[^,]*)\s*(?:,|$)')


def parse_data(text: str) -> dict[str, str]:
    """`{key: value, key: "quoted"}` as strings, the flat subset argmap reads."""
    found: dict[str, str] = {}
    for key, raw in _PAIR.findall(text.strip()[1:-1]):
        value = raw.strip()
        if value.startswith('"') and value.endswith('"') and len(value) >= 2:
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        found[key] = value
    return found


@dataclass
class _Piece:
    """What a line's element says: a title, its text, its data and tags, where it stands."""

    sort: str  # "statement", "argument" or "anonymous"
    title: str | None
    text: str | None
    data: dict[str, str]
    tags: list[str]
    line: int
    column: int


def _piece(tree: Tree[Token], line: int, indent: int) -> _Piece:
    tokens = [c for c in tree.children if isinstance(c, Token)]
    first = tokens[0]
    title = None if tree.data == "anonymous" else first[1:-1].strip()
    rest = str(first) if tree.data == "anonymous" else (str(tokens[1]) if len(tokens) > 1 else "")
    text: str | None = None
    data: dict[str, str] = {}
    if tree.data == "anonymous" or rest.lstrip().startswith(":"):
        text = rest if tree.data == "anonymous" else rest.lstrip()[1:]
    body = text if text is not None else rest
    match = _DATA.search(body)
    if match:
        data = parse_data(match.group(0))
        body = body[: match.start()]
    tags = [a or b for a, b in _TAG.findall(body)]
    body = _TAG.sub("", body)
    if text is not None:
        text = " ".join(body.split()) or None
    column = indent + (first.column or 1)
    return _Piece(str(tree.data), title, text, data, tags, line, column)


@dataclass
class _Argument:
    title: str
    piece: _Piece
    pcs: list[tuple[str, Any]] = field(default_factory=list)  # ("premise", _Piece) | ("rule", ...)


@dataclass
class _Debate:
    header: dict[str, str] = field(default_factory=dict)
    statements: dict[str, list[_Piece]] = field(default_factory=dict)
    arguments: dict[str, _Argument] = field(default_factory=dict)
    relations: list[tuple[str, _Piece, _Piece]] = field(default_factory=list)
    headings: list[tuple[str, int]] = field(default_factory=list)


_RELATIONS = {
    "+": ("support", False),
    "<+": ("support", False),
    "+>": ("support", True),
    "-": ("attack", False),
    "<-": ("attack", False),
    "->": ("attack", True),
    "_": ("undercut", False),
    "<_": ("undercut", False),
    "_>": ("undercut", True),
    "><": ("contradiction", True),
}


def import_argdown(text: str, path: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read an Argdown debate into a map. A line argmap cannot read is E401 at its line and
    column (and nothing is imported); what has no counterpart in argmap is named in a warning
    (W601), what Argdown leaves open in another (W602). Never raises."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    debate, problems = _read(lines, path)
    if problems:
        return ArgumentMap(path=path), problems
    return _Lowering(debate, path).lower()


def _read(lines: list[str], path: str | None) -> tuple[_Debate, list[Diagnostic]]:
    debate = _Debate()
    problems: list[Diagnostic] = []
    start = _frontmatter(lines, debate)
    in_comment = False
    stack: list[tuple[int, _Piece]] = []
    current: _Argument | None = None
    for number, raw in enumerate(lines[start:], start=start + 1):
        line = raw
        if in_comment or "/*" in line:
            in_comment, line = _strip_block_comment(line, in_comment)
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        indent = len(line) - len(line.lstrip())
        try:
            tree = line_parser().parse(stripped)
        except UnexpectedInput as exc:
            column = indent + (exc.column if isinstance(exc.column, int) else 1)
            problems.append(
                diagnostic(
                    "E401",
                    f"this Argdown line cannot be read: {_why(stripped)}",
                    span_at(path, number, max(column, 1)),
                    "a statement is '[Title]: text', an argument '<Title>: text'",
                )
            )
            continue
        node = tree.children[0]
        assert isinstance(node, Tree)
        if node.data == "heading":
            debate.headings.append((str(node.children[0]).lstrip("#").strip(), number))
            stack, current = [], None
        elif node.data == "inference":
            rule = str(node.children[0]).strip("-").strip()
            if current is None:
                current = _anonymous_argument(debate, number)
            current.pcs.append(("rule", (rule, number)))
        elif node.data == "premise":
            element = node.children[1]
            assert isinstance(element, Tree)
            piece = _piece(element, number, indent)
            _define(debate, piece)
            if current is None:
                current = _anonymous_argument(debate, number)
            current.pcs.append(("premise", piece))
        elif node.data == "relation":
            symbol = str(node.children[0]).strip()
            element = node.children[1]
            assert isinstance(element, Tree)
            piece = _piece(element, number, indent)
            _define(debate, piece)
            while stack and stack[-1][0] >= indent:
                stack.pop()
            if stack:
                debate.relations.append((symbol, stack[-1][1], piece))
            stack.append((indent, piece))
        else:
            piece = _piece(node, number, indent)
            _define(debate, piece)
            stack = [(indent, piece)]
            if piece.sort == "argument" and piece.title is not None:
                current = debate.arguments[piece.title]
            else:
                current = None
    return debate, problems


def _why(line: str) -> str:
    if line.startswith("[") and "]" not in line:
        return "the statement's title has no closing ']'"
    if line.startswith("<") and ">" not in line:
        return "the argument's title has no closing '>'"
    return "it is not a statement, an argument, a relation or a heading"


def _strip_block_comment(line: str, in_comment: bool) -> tuple[bool, str]:
    kept = ""
    while line:
        if in_comment:
            end = line.find("*/")
            if end < 0:
                return True, kept
            line, in_comment = line[end + 2 :], False
        else:
            start = line.find("/*")
            if start < 0:
                return False, kept + line
            kept, line, in_comment = kept + line[:start], line[start + 2 :], True
    return in_comment, kept


def _frontmatter(lines: list[str], debate: _Debate) -> int:
    """Read `===` ... `===` at the top; the number of lines it takes."""
    if not lines or lines[0].strip() != "===":
        return 0
    for index in range(1, len(lines)):
        if lines[index].strip() == "===":
            for entry in lines[1:index]:
                key, colon, value = entry.partition(":")
                if colon and key.strip() and not entry.startswith((" ", "\t")):
                    debate.header[key.strip()] = _unquote(value.strip())
            return index + 1
    return 0


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def _define(debate: _Debate, piece: _Piece) -> None:
    if piece.sort == "argument" and piece.title is not None:
        found = debate.arguments.setdefault(piece.title, _Argument(piece.title, piece))
        if found.piece.text is None and piece.text is not None:
            found.piece = piece
        return
    if piece.sort == "anonymous":
        piece.title = None
    key = piece.title if piece.title is not None else f"\x00{piece.line}"
    debate.statements.setdefault(key, []).append(piece)
    if piece.title is None:
        piece.title = key


def _anonymous_argument(debate: _Debate, line: int) -> _Argument:
    title = f"\x00argument {line}"
    piece = _Piece("argument", title, None, {}, [], line, 1)
    debate.arguments[title] = _Argument(title, piece)
    return debate.arguments[title]


# ---- import: lowering into the model -----------------------------------------------------------


class _Lowering:
    def __init__(self, debate: _Debate, path: str | None) -> None:
        self.debate, self.path = debate, path
        self.ids = IdMaker()
        self.diagnostics: list[Diagnostic] = []
        self.statement_id: dict[str, str] = {}
        self.inferences: list[Inference] = []
        self.conditionals: list[Conditional] = []
        self.attacks: list[Attack] = []
        self.step_of: dict[str, str] = {}  # argument title -> the id of its last step
        self.conclusion_of: dict[str, str] = {}  # argument title -> its conclusion's id
        self.seen: set[tuple[str, str, str]] = set()

    def warn(self, code: str, message: str, line: int, column: int = 1) -> None:
        self.diagnostics.append(diagnostic(code, message, span_at(self.path, line, column)))

    def lower(self) -> tuple[ArgumentMap, list[Diagnostic]]:
        for key, pieces in self.debate.statements.items():
            wanted = pieces[0].data.get("id") or key
            if key.startswith("\x00"):
                text = next((p.text for p in pieces if p.text), "statement")
                self.statement_id[key] = self.ids.make(text)
            else:
                self.statement_id[key] = self.ids.claim(wanted)
        for argument in self.debate.arguments.values():
            self.lower_argument(argument)
        for symbol, parent, child in self.debate.relations:
            self.lower_relation(symbol, parent, child)
        header = self.header()
        statements = self.statements()
        argument_map = ArgumentMap(
            path=self.path,
            header=header,
            statements=tuple(statements),
            inferences=tuple(self.inferences),
            conditionals=tuple(self.conditionals),
            attacks=tuple(self.attacks),
        )
        return argument_map, self.diagnostics

    def header(self) -> Header:
        values = {k: v for k, v in self.debate.header.items() if k in HEADER_KEYS and v}
        for key in self.debate.header:
            if key not in HEADER_KEYS:
                self.warn("W601", f"the frontmatter's '{key}' has no place in an argmap header", 1)
        headings = list(self.debate.headings)
        if "title" not in values and headings:
            values["title"] = headings.pop(0)[0]
        for heading, line in headings:
            self.warn("W601", f"the heading '{heading}' is not kept: argmap has no sections", line)
        return Header(**values)

    def statements(self) -> list[Statement]:
        attackers = {a.attacker for a in self.attacks}
        antecedents = {c.antecedent for c in self.conditionals}
        made: list[Statement] = []
        for key, pieces in self.debate.statements.items():
            statement_id = self.statement_id[key]
            first = next((p for p in pieces if p.text), pieces[0])
            data: dict[str, str] = {}
            for piece in pieces:
                data |= piece.data
            span = span_at(self.path, first.line, first.column, len(first.title or "") + 2)
            notes = [data.pop("note", "")]
            others = [p.text for p in pieces if p.text and p.text != first.text]
            notes += [f"also: {text}" for text in dict.fromkeys(others) if text]
            tags = sorted({tag for piece in pieces for tag in piece.tags})
            notes += [f"tags: {', '.join(tags)}"] if tags else []
            kind = data.pop("kind", None)
            known = kind in {k.value for k in StatementKind}
            hedge = data.pop("hedge", None)
            quote, cite = data.pop("quote", None), data.pop("cite", None)
            accepted = data.pop("accepted", "") == "true"
            allow = tuple(c.strip() for c in data.pop("allow", "").split(",") if c.strip())
            data.pop("id", None)
            notes += [f"{k}: {v}" for k, v in data.items()]
            made.append(
                Statement(
                    id=statement_id,
                    kind=StatementKind(kind)
                    if known and kind
                    else guess_kind(statement_id, self.inferences, attackers, antecedents),
                    text=first.text or (first.title or statement_id).lstrip("\x00"),
                    hedge=hedge_from_text(hedge, span),
                    quote=Quote(text=quote, span=span) if quote else None,
                    citation=cite or None,
                    accepted=accepted,
                    note="; ".join(n for n in notes if n) or None,
                    allow=allow,
                    span=span,
                    id_span=span,
                )
            )
        return made

    def lower_argument(self, argument: _Argument) -> None:
        if not argument.pcs:
            # An argument without premises and conclusion says nothing argmap can draw on:
            # it stands in the map as a statement, so that its relations still hold.
            key = argument.title
            self.debate.statements.setdefault(key, [argument.piece])
            self.statement_id[key] = self.ids.claim(argument.title)
            self.warn(
                "W602",
                f"the argument <{argument.title}> has no premise-conclusion structure: "
                "imported as a statement",
                argument.piece.line,
                argument.piece.column,
            )
            return
        premises: list[str] = []
        rule: tuple[str, int] | None = None
        steps = 0
        for what, item in argument.pcs:
            if what == "rule":
                rule = item
                continue
            statement = self.statement_id[item.title]
            if rule is None:
                premises.append(statement)
                continue
            steps += 1
            self.lower_step(argument, premises, statement, rule, steps)
            premises, rule = [statement], None
        if steps == 0:
            self.warn(
                "W602",
                f"the argument <{argument.title}> has no inference line: "
                "its premises are kept, the step is not",
                argument.piece.line,
            )

    def lower_step(
        self,
        argument: _Argument,
        premises: list[str],
        conclusion: str,
        rule: tuple[str, int],
        number: int,
    ) -> None:
        text, line = rule
        match = _DATA.search(text.strip())
        data = parse_data(match.group(0)) if match else {}
        rule_name = text[: match.start()].strip() if match else text
        span = span_at(self.path, line)
        own = [p for p in premises if p != conclusion]
        if not own:
            self.warn("W602", f"a step of <{argument.title}> has no premise: left out", line)
            return
        title = argument.title.lstrip("\x00")
        wanted = data.get("id") or (title if number == 1 else f"{title} step {number}")
        named = data.get("named", "true") != "false"
        if data.get("conditional") == "true" and len(own) == 1:
            automatic = f"if-{own[0]}-then-{conclusion}"
            step_id = self.ids.claim(wanted) if named else automatic
            self.conditionals.append(
                Conditional(
                    id=step_id,
                    named=named,
                    antecedent=own[0],
                    consequent=conclusion,
                    note=data.get("note"),
                    span=span,
                    antecedent_span=span,
                    consequent_span=span,
                    quote=Quote(text=data["quote"], span=span) if data.get("quote") else None,
                )
            )
            self.step_of[argument.title] = step_id
            self.conclusion_of[argument.title] = conclusion
            return
        warrant = data.get("warrant")
        if warrant in own and len(own) > 1:
            own.remove(warrant)
        else:
            warrant = None
        automatic = f"{conclusion}<-{'+'.join(own)}"
        if not named and automatic in self.ids.taken:
            named = True
        step_id = self.ids.claim(wanted) if named else automatic
        self.ids.taken.add(step_id)
        scheme = data.get("scheme") or (rule_name if lookup_scheme(rule_name) else None)
        if scheme is None and rule_name and rule_name.lower() not in ("inference", ""):
            found = _scheme_by_title(rule_name)
            if found is None:
                self.warn(
                    "W601",
                    f"the inference rule '{rule_name}' is not a scheme argmap "
                    "knows: the step is imported without it",
                    line,
                )
            scheme = found
        answers = {
            int(k[6:]): v for k, v in data.items() if k.startswith("answer") and k[6:].isdigit()
        }
        allow = tuple(c.strip() for c in data.get("allow", "").split(",") if c.strip())
        self.inferences.append(
            Inference(
                id=step_id,
                named=named,
                premises=tuple(own),
                conclusion=conclusion,
                warrant=warrant,
                scheme=_known_scheme(scheme),
                hedge=hedge_from_text(data.get("hedge"), span),
                answers=answers,
                quote=Quote(text=data["quote"], span=span) if data.get("quote") else None,
                note=data.get("note"),
                allow=allow,
                span=span,
                premise_spans=tuple(span for _ in own),
                conclusion_span=span,
            )
        )
        self.step_of[argument.title] = step_id
        self.conclusion_of[argument.title] = conclusion

    def claim_of(self, piece: _Piece) -> str | None:
        """The statement a piece stands for: itself, or an argument's conclusion."""
        if piece.sort != "argument":
            return self.statement_id.get(piece.title or "")
        return self.conclusion_of.get(piece.title or "") or self.statement_id.get(piece.title or "")

    def lower_relation(self, symbol: str, parent: _Piece, child: _Piece) -> None:
        sort, outgoing = _RELATIONS[symbol]
        source, target = (parent, child) if outgoing else (child, parent)
        line, column = child.line, child.column
        attacker = self.claim_of(source)
        if attacker is None:
            return
        step = self.step_of.get(target.title or "") if target.sort == "argument" else None
        claim = self.claim_of(target) if step is None else None
        if sort == "support":
            if claim is None or claim == attacker:
                if step is not None and self.conclusion_of.get(target.title or "") != attacker:
                    self.warn(
                        "W601",
                        f"support for the argument <{target.title}> as a whole "
                        "has no counterpart in argmap: left out",
                        line,
                        column,
                    )
                return
            self.add_support(attacker, claim, line)
        elif sort == "contradiction" and claim is not None:
            self.add_attack(attacker, claim, AttackKind.REBUT, line)
            self.add_attack(claim, attacker, AttackKind.REBUT, line)
        elif step is not None:
            if sort == "attack":
                self.warn(
                    "W602",
                    f"an attack on the argument <{target.title}> is read as an "
                    "undercut of its last step",
                    line,
                    column,
                )
            self.add_attack(attacker, step, AttackKind.UNDERCUT, line)
        elif claim is not None:
            if sort == "undercut":
                self.warn("W602", "an undercut of a statement is read as a rebuttal", line, column)
            self.add_attack(attacker, claim, AttackKind.REBUT, line)

    def add_support(self, premise: str, conclusion: str, line: int) -> None:
        if ("support", premise, conclusion) in self.seen or premise == conclusion:
            return
        self.seen.add(("support", premise, conclusion))
        automatic = f"{conclusion}<-{premise}"
        if automatic in self.ids.taken:
            return
        self.ids.taken.add(automatic)
        span = span_at(self.path, line)
        self.inferences.append(
            Inference(
                id=automatic,
                premises=(premise,),
                conclusion=conclusion,
                span=span,
                premise_spans=(span,),
                conclusion_span=span,
            )
        )

    def add_attack(self, attacker: str, target: str, kind: AttackKind, line: int) -> None:
        if (kind.value, attacker, target) in self.seen or attacker == target:
            return
        self.seen.add((kind.value, attacker, target))
        verb = "rebuts" if kind is AttackKind.REBUT else "undercuts"
        attack_id = f"{attacker}-{verb}-{target}"
        if attack_id in self.ids.taken:
            return
        self.ids.taken.add(attack_id)
        span = span_at(self.path, line)
        self.attacks.append(
            Attack(
                id=attack_id,
                kind=kind,
                attacker=attacker,
                target=target,
                span=span,
                attacker_span=span,
                target_span=span,
            )
        )


def _known_scheme(name: str | None) -> str | None:
    found = lookup_scheme(name) if name else None
    return found.name if found is not None else None


def _scheme_by_title(title: str) -> str | None:
    from argmap.schemes import SCHEMES

    for scheme in SCHEMES:
        if scheme.title.lower() == title.strip().lower():
            return scheme.name
    return None
