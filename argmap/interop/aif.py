"""AIF JSON, as OVA and AIFdb write it: export a map, import one.

AIF (the Argument Interchange Format) is a graph of nodes and edges. Claims are I-nodes;
an inference is an RA-node (edges in from its premises, out to its conclusion); a conflict is a
CA-node (in from the attacker, out to what it attacks: an I-node for a rebuttal, an RA- or
CA-node for an undercut). What AIF has no place for (kinds, hedges, quotes, citations, notes,
ids, warrants, answers, allow codes) is kept under a top-level "argmap" key, which AIF tools
ignore; the importer reads it back when it is there. docs/interop.md lists what goes where.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from argmap import schemes
from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic
from argmap.interop._build import (
    IdMaker,
    guess_kind,
    hedge_from_text,
    hedge_text,
    one_line,
    span_at,
)
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

DEFAULT_INFERENCE = ("Default Inference", "72")
DEFAULT_CONFLICT = ("Default Conflict", "71")
# AIFdb's scheme ids are not documented in one place we could check, so every RA-node carries
# Default Inference's id; its name (text and scheme) is the scheme's, as OVA names it.
SCHEME_NAMES: dict[str, str] = {
    "expert-opinion": "Argument From Expert Opinion",
    "cause-to-effect": "Argument From Cause To Effect",
    "sign": "Argument From Sign",
    "analogy": "Argument From Analogy",
    "consequences": "Argument From Consequences",
    "popular-opinion": "Argument From Popular Opinion",
    "practical-reasoning": "Practical Reasoning",
    "correlation-to-cause": "Argument From Correlation To Cause",
    "example": "Argument From Example",
    "witness-testimony": "Argument From Witness Testimony",
    "position-to-know": "Argument From Position To Know",
    "established-rule": "Argument From Established Rule",
    "commitment": "Argument From Commitment",
    "verbal-classification": "Argument From Verbal Classification",
}
EXTRA_KEY = "argmap"
DIALOGUE_TYPES = frozenset({"L", "YA", "TA"})
_TIMESTAMP = "1970-01-01 00:00:00"


# ---- export ------------------------------------------------------------------------------------


def export_aif(argument_map: ArgumentMap, timestamp: str = _TIMESTAMP) -> dict[str, Any]:
    """The map as an AIF document: `nodes`, `edges`, `locutions` (none: a map is no dialogue),
    and the "argmap" key with everything AIF cannot hold, by nodeID. Node and edge ids are
    "1", "2", ... in the map's order, so one map always gives the same document."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    extras: dict[str, dict[str, Any]] = {}
    node_of: dict[str, str] = {}

    def add_node(text: str, kind: str, scheme: tuple[str, str] | None = None) -> str:
        node_id = str(len(nodes) + 1)
        node: dict[str, Any] = {"nodeID": node_id, "text": text, "type": kind}
        node["timestamp"] = timestamp
        if scheme is not None:
            node["scheme"], node["schemeID"] = scheme
        nodes.append(node)
        return node_id

    def add_edge(from_id: str, to_id: str) -> None:
        edge_id = str(len(edges) + 1)
        edges.append({"edgeID": edge_id, "fromID": from_id, "toID": to_id, "formEdgeID": None})

    for statement in argument_map.statements:
        node_of[statement.id] = add_node(statement.text, "I")
        extras[node_of[statement.id]] = _statement_extras(statement)
    for inference in argument_map.inferences:
        name = SCHEME_NAMES.get(inference.scheme or "", DEFAULT_INFERENCE[0])
        node_of[inference.id] = add_node(name, "RA", (name, DEFAULT_INFERENCE[1]))
        extras[node_of[inference.id]] = _inference_extras(inference)
    for conditional in argument_map.conditionals:
        node_of[conditional.id] = add_node(DEFAULT_INFERENCE[0], "RA", DEFAULT_INFERENCE)
        extras[node_of[conditional.id]] = _relation_extras(conditional) | {"conditional": True}
    for attack in argument_map.attacks:
        node_of[attack.id] = add_node(DEFAULT_CONFLICT[0], "CA", DEFAULT_CONFLICT)
        extras[node_of[attack.id]] = _relation_extras(attack) | {
            "attack": attack.kind.value,
            "partial": attack.partial,
        }
    for inference in argument_map.inferences:
        for premise in (*inference.premises, *filter(None, [inference.warrant])):
            add_edge(node_of[premise], node_of[inference.id])
        add_edge(node_of[inference.id], node_of[inference.conclusion])
    for conditional in argument_map.conditionals:
        add_edge(node_of[conditional.antecedent], node_of[conditional.id])
        add_edge(node_of[conditional.id], node_of[conditional.consequent])
    for attack in argument_map.attacks:
        add_edge(node_of[attack.attacker], node_of[attack.id])
        add_edge(node_of[attack.id], node_of[attack.target])
    header = argument_map.header.model_dump(exclude={"source_span"}, exclude_none=True)
    return {
        "nodes": nodes,
        "edges": edges,
        "locutions": [],
        EXTRA_KEY: {"format": argument_map.format, "header": header, "nodes": extras},
    }


def export_aif_text(argument_map: ArgumentMap, timestamp: str = _TIMESTAMP) -> str:
    """`export_aif` as indented JSON text."""
    return json.dumps(export_aif(argument_map, timestamp), indent=2, ensure_ascii=False) + "\n"


def _common(element: Statement | Inference | Conditional | Attack) -> dict[str, Any]:
    found: dict[str, Any] = {"id": element.id}
    if element.quote is not None:
        found["quote"] = element.quote.text
    if element.note is not None:
        found["note"] = element.note
    if element.allow:
        found["allow"] = list(element.allow)
    return found


def _statement_extras(statement: Statement) -> dict[str, Any]:
    found = _common(statement) | {"kind": statement.kind.value}
    if statement.hedge is not None:
        found["hedge"] = hedge_text(statement.hedge)
    if statement.accepted:
        found["accepted"] = True
    if statement.citation is not None:
        found["cite"] = statement.citation
    return found


def _inference_extras(inference: Inference) -> dict[str, Any]:
    found = _common(inference) | {"named": inference.named}
    if inference.scheme is not None:
        found["scheme"] = inference.scheme
    if inference.warrant is not None:
        found["warrant"] = inference.warrant
    if inference.hedge is not None:
        found["hedge"] = hedge_text(inference.hedge)
    if inference.answers:
        found["answers"] = {str(number): answer for number, answer in inference.answers.items()}
    return found


def _relation_extras(relation: Conditional | Attack) -> dict[str, Any]:
    return _common(relation) | {"named": relation.named}


# ---- import ------------------------------------------------------------------------------------

_NODE_ID_AT = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]+)"?')


def import_aif(text: str, path: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read AIF JSON (AIFdb's and OVA's exports, the older OVA layout with x/y and numeric
    ids included) into a map. Dialogue nodes (L, YA, TA) are passed over; what cannot be
    carried over, or what AIF leaves ambiguous, is named in a warning (W601, W602). Text that
    is not JSON is E401 at its line and column; JSON that is not AIF is E402. Never raises."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        where = span_at(path, exc.lineno, exc.colno)
        problem = f"the file is not valid JSON: {exc.msg.lower()}"
        hint = "AIF files are JSON; check the file was saved whole, as JSON"
        return ArgumentMap(path=path), [diagnostic("E401", problem, where, hint)]
    shape = _shape_problem(document)
    if shape is not None:
        hint = (
            'argmap imports AIF JSON as AIFdb and OVA export it: {"nodes": [...], "edges": [...]}'
        )
        return ArgumentMap(path=path), [diagnostic("E402", shape, span_at(path), hint)]
    return _AifReader(document, text, path).read()


def _shape_problem(document: Any) -> str | None:
    if not isinstance(document, dict):
        return 'the JSON is not AIF: it is not an object with "nodes" and "edges"'
    for key in ("nodes", "edges"):
        if not isinstance(document.get(key), list):
            return f'the JSON is not AIF: it has no list of "{key}"'
    for node in document["nodes"]:
        if not isinstance(node, dict) or "nodeID" not in node or "type" not in node:
            return 'the JSON is not AIF: a node without "nodeID" and "type"'
    for edge in document["edges"]:
        if not isinstance(edge, dict) or "fromID" not in edge or "toID" not in edge:
            return 'the JSON is not AIF: an edge without "fromID" and "toID"'
    return None


class _AifReader:
    def __init__(self, document: dict[str, Any], text: str, path: str | None) -> None:
        self.path = path
        self.nodes = {str(node["nodeID"]): node for node in document["nodes"]}
        extra = document.get(EXTRA_KEY)
        extra = extra if isinstance(extra, dict) else {}
        nodes_extra = extra.get("nodes")
        self.extras: dict[str, dict[str, Any]] = (
            {str(k): v for k, v in nodes_extra.items() if isinstance(v, dict)}
            if isinstance(nodes_extra, dict)
            else {}
        )
        header = extra.get("header")
        self.header = header if isinstance(header, dict) else {}
        self.into: dict[str, list[str]] = defaultdict(list)
        self.out_of: dict[str, list[str]] = defaultdict(list)
        for edge in document["edges"]:
            source, target = str(edge["fromID"]), str(edge["toID"])
            if source in self.nodes and target in self.nodes:
                self.into[target].append(source)
                self.out_of[source].append(target)
        self.lines = {
            match.group(1): text.count("\n", 0, match.start()) + 1
            for match in _NODE_ID_AT.finditer(text)
        }
        self.ids = IdMaker()
        self.id_of: dict[str, str] = {}
        self.diagnostics: list[Diagnostic] = []

    def span(self, node_id: str) -> Any:
        return span_at(self.path, self.lines.get(node_id, 1))

    def warn(self, code: str, message: str, node_id: str, hint: str | None = None) -> None:
        self.diagnostics.append(diagnostic(code, message, self.span(node_id), hint))

    def of_type(self, *types: str) -> list[str]:
        return [nid for nid, node in self.nodes.items() if str(node.get("type")) in types]

    def read(self) -> tuple[ArgumentMap, list[Diagnostic]]:
        statement_nodes = self.of_type("I")
        for node_id in statement_nodes:  # ids from the extras first, so that they are kept
            wanted = self.extras.get(node_id, {}).get("id")
            if isinstance(wanted, str):
                self.id_of[node_id] = self.ids.claim(wanted)
        for node_id in statement_nodes:
            if node_id not in self.id_of:
                self.id_of[node_id] = self.ids.make(str(self.nodes[node_id].get("text", "")))
        inferences, conditionals = self.read_steps()
        attacks = self.read_attacks()
        notes = self.read_rephrases()
        self.pass_over()
        statements = self.read_statements(inferences, conditionals, attacks, notes)
        header = Header(**{k: str(v) for k, v in self.header.items() if k in Header.model_fields})
        argument_map = ArgumentMap(
            path=self.path,
            header=header,
            statements=tuple(statements),
            inferences=tuple(inferences),
            conditionals=tuple(conditionals),
            attacks=tuple(attacks),
        )
        return argument_map, self.diagnostics

    def statements_in(self, node_id: str) -> list[str]:
        return [n for n in self.into[node_id] if str(self.nodes[n].get("type")) == "I"]

    def statements_out(self, node_id: str) -> list[str]:
        return [n for n in self.out_of[node_id] if str(self.nodes[n].get("type")) == "I"]

    def step_id(
        self, node_id: str, automatic: str, extra: dict[str, Any], must_name: bool = False
    ) -> str:
        """The id of a step or conflict: its own from the extras, else `automatic` (the id
        .argmap would give it), else, when something attacks it, a readable name."""
        wanted = extra.get("id")
        if extra.get("named") and isinstance(wanted, str):
            return self.ids.claim(wanted)
        if isinstance(wanted, str) and wanted not in self.ids.taken and not must_name:
            self.ids.taken.add(wanted)
            return wanted
        if must_name or self.targeted(node_id) or automatic in self.ids.taken:
            return self.ids.make(automatic.replace("<-", " from "), "step")
        self.ids.taken.add(automatic)
        return automatic

    def targeted(self, node_id: str) -> bool:
        return any(str(self.nodes[n].get("type")) == "CA" for n in self.out_of[node_id]) or any(
            str(self.nodes[n].get("type")) == "CA" for n in self.into[node_id]
        )

    def read_steps(self) -> tuple[list[Inference], list[Conditional]]:
        inferences: list[Inference] = []
        conditionals: list[Conditional] = []
        for node_id in self.of_type("RA"):
            extra = self.extras.get(node_id, {})
            premises = self.statements_in(node_id)
            conclusions = self.statements_out(node_id)
            if not conclusions:
                self.warn(
                    "W602",
                    f"the inference node {node_id} has no conclusion: its step is left out",
                    node_id,
                    "give the RA-node an edge to the I-node it concludes",
                )
                continue
            if len(conclusions) > 1:
                self.warn(
                    "W602",
                    f"the inference node {node_id} has {len(conclusions)} conclusions: "
                    "imported as one step into each",
                    node_id,
                )
            for conclusion in conclusions:
                own = [p for p in premises if p != conclusion]
                if len(own) < len(premises):
                    self.warn(
                        "W602",
                        f"the inference node {node_id} has '{self.id_of[conclusion]}' as both "
                        "a premise and its conclusion: imported without it among the premises",
                        node_id,
                    )
                if not own:
                    self.warn(
                        "W602", f"the inference node {node_id} has no premises: left out", node_id
                    )
                    continue
                if extra.get("conditional") and len(own) == 1:
                    conditionals.append(self.conditional(node_id, own[0], conclusion, extra))
                else:
                    inferences.append(self.inference(node_id, own, conclusion, extra))
        return inferences, conditionals

    def inference(
        self, node_id: str, premises: list[str], conclusion: str, extra: dict[str, Any]
    ) -> Inference:
        span = self.span(node_id)
        premise_ids = [self.id_of[p] for p in premises]
        warrant = extra.get("warrant")
        warrant = warrant if isinstance(warrant, str) and warrant in premise_ids else None
        if warrant is not None and len(premise_ids) > 1:
            premise_ids.remove(warrant)
        else:
            warrant = None
        conclusion_id = self.id_of[conclusion]
        automatic = f"{conclusion_id}<-{'+'.join(premise_ids)}"
        step_id = self.id_of.get(node_id) or self.step_id(node_id, automatic, extra)
        self.id_of.setdefault(node_id, step_id)
        named = step_id != automatic
        answers = extra.get("answers")
        return Inference(
            id=step_id,
            named=named,
            premises=tuple(premise_ids),
            conclusion=conclusion_id,
            warrant=warrant,
            scheme=self.scheme(node_id, extra),
            hedge=hedge_from_text(_text(extra, "hedge"), span),
            answers={int(k): str(v) for k, v in answers.items() if str(k).isdigit()}
            if isinstance(answers, dict)
            else {},
            quote=_quote(extra, span),
            note=_text(extra, "note"),
            allow=_allow(extra),
            span=span,
            premise_spans=tuple(span for _ in premise_ids),
            conclusion_span=span,
            warrant_span=span if warrant else None,
        )

    def scheme(self, node_id: str, extra: dict[str, Any]) -> str | None:
        written = extra.get("scheme")
        if isinstance(written, str) and schemes.lookup(written):
            return schemes.normalise_name(written)
        node = self.nodes[node_id]
        name = str(node.get("scheme") or node.get("text") or "")
        if not name or name.lower().startswith("default"):
            return None
        found = scheme_from_aif_name(name)
        if found is None:
            self.warn(
                "W601",
                f"the scheme '{name}' of inference node {node_id} is not one argmap "
                "knows: the step is imported without it",
                node_id,
                "argmap's schemes are listed in docs/language.md",
            )
        return found

    def conditional(
        self, node_id: str, antecedent: str, consequent: str, extra: dict[str, Any]
    ) -> Conditional:
        span = self.span(node_id)
        first, second = self.id_of[antecedent], self.id_of[consequent]
        automatic = f"if-{first}-then-{second}"
        step_id = self.id_of.get(node_id) or self.step_id(node_id, automatic, extra)
        self.id_of.setdefault(node_id, step_id)
        named = step_id != automatic
        return Conditional(
            id=step_id,
            named=named,
            antecedent=first,
            consequent=second,
            quote=_quote(extra, span),
            note=_text(extra, "note"),
            allow=_allow(extra),
            span=span,
            antecedent_span=span,
            consequent_span=span,
        )

    def read_attacks(self) -> list[Attack]:
        # A CA can target another CA: give every CA its id before any attack is built.
        pending: list[tuple[str, str, str]] = []
        for node_id in self.of_type("CA"):
            attackers = self.statements_in(node_id)
            targets = [n for n in self.out_of[node_id] if n in self.id_of or self.is_step(n)]
            if not attackers or not targets:
                self.warn(
                    "W602",
                    f"the conflict node {node_id} lacks an attacker or a target: left out",
                    node_id,
                )
                continue
            if len(targets) > 1 or len(attackers) > 1:
                self.warn(
                    "W602",
                    f"the conflict node {node_id} joins {len(attackers)} attacker(s) "
                    f"to {len(targets)} target(s): imported as one attack for each pair",
                    node_id,
                )
            pending.extend((node_id, a, t) for a in attackers for t in targets)
        for node_id, attacker, target in pending:  # every CA's id, before any attack is built
            if node_id not in self.id_of:
                extra = self.extras.get(node_id, {})
                verb = "rebuts" if self.nodes[target].get("type") == "I" else "undercuts"
                automatic = f"{self.id_of[attacker]}-{verb}-{target}"
                self.id_of[node_id] = self.step_id(node_id, automatic, extra, verb == "undercuts")
        attacks: list[Attack] = []
        built: set[str] = set()
        for node_id, attacker, target in pending:
            extra = self.extras.get(node_id, {})
            kind = AttackKind.REBUT if target in self.statement_ids() else AttackKind.UNDERCUT
            written = extra.get("attack")
            if isinstance(written, str) and written in {k.value for k in AttackKind}:
                kind = AttackKind(written)  # argmap's own export says which (a granted point)
            first, second = self.id_of[attacker], self.id_of[target]
            verb = {
                AttackKind.REBUT: "rebuts",
                AttackKind.UNDERCUT: "undercuts",
                AttackKind.CONCESSION: "limits",
                AttackKind.CONTRADICTION: "contradicts",
            }[kind]
            if node_id in built:  # a second pair of one conflict node
                attack_id, named = self.ids.make(f"{first} {verb} {second}", "attack"), True
            else:
                attack_id = self.id_of[node_id]
                named = attack_id != f"{first}-{verb}-{second}"
            built.add(node_id)
            span = self.span(node_id)
            attacks.append(
                Attack(
                    id=attack_id,
                    named=named,
                    kind=kind,
                    partial=extra.get("partial") is True,
                    attacker=first,
                    target=second,
                    quote=_quote(extra, span),
                    note=_text(extra, "note"),
                    allow=_allow(extra),
                    span=span,
                    attacker_span=span,
                    target_span=span,
                )
            )
        return attacks

    def is_step(self, node_id: str) -> bool:
        return str(self.nodes[node_id].get("type")) in ("RA", "CA")

    def statement_ids(self) -> set[str]:
        return {n for n in self.id_of if str(self.nodes[n].get("type")) == "I"}

    def read_rephrases(self) -> dict[str, list[str]]:
        notes: dict[str, list[str]] = defaultdict(list)
        for node_id in self.of_type("MA"):
            sources, targets = self.statements_in(node_id), self.statements_out(node_id)
            for source in sources:
                for target in targets:
                    notes[self.id_of[target]].append(f"rephrased as '{self.id_of[source]}'")
            self.warn(
                "W601",
                f"the rephrase node {node_id} has no counterpart in argmap: both "
                "statements are kept, and the rephrase is a note",
                node_id,
            )
        return notes

    def pass_over(self) -> None:
        known = {"I", "RA", "CA", "MA", *DIALOGUE_TYPES}
        for node_id, node in self.nodes.items():
            kind = str(node.get("type"))
            if kind == "PA":
                self.warn(
                    "W601",
                    f"the preference node {node_id} is not held: argmap has no "
                    "preferences between arguments",
                    node_id,
                )
            elif kind not in known:
                self.warn("W601", f"the node {node_id} of type '{kind}' is passed over", node_id)

    def read_statements(
        self,
        inferences: list[Inference],
        conditionals: list[Conditional],
        attacks: list[Attack],
        notes: dict[str, list[str]],
    ) -> list[Statement]:
        attackers = {a.attacker for a in attacks}
        antecedents = {c.antecedent for c in conditionals}
        statements: list[Statement] = []
        for node_id in self.of_type("I"):
            extra = self.extras.get(node_id, {})
            statement_id = self.id_of[node_id]
            span = self.span(node_id)
            kind = extra.get("kind")
            known_kind = isinstance(kind, str) and kind in {k.value for k in StatementKind}
            note = "; ".join(filter(None, [_text(extra, "note"), *notes.get(statement_id, [])]))
            text = one_line(str(self.nodes[node_id].get("text", ""))) or statement_id
            statements.append(
                Statement(
                    id=statement_id,
                    kind=StatementKind(str(kind))
                    if known_kind
                    else guess_kind(statement_id, inferences, attackers, antecedents),
                    text=text,
                    hedge=hedge_from_text(_text(extra, "hedge"), span),
                    quote=_quote(extra, span),
                    citation=_text(extra, "cite"),
                    accepted=extra.get("accepted") is True,
                    note=note or None,
                    allow=_allow(extra),
                    span=span,
                    id_span=span,
                )
            )
        return statements


def scheme_from_aif_name(name: str) -> str | None:
    """argmap's scheme for an AIF scheme name ("Argument From Expert Opinion", "Expert
    Opinion", "Practical Reasoning"); None when argmap has no such scheme."""
    for argmap_name, aif_name in SCHEME_NAMES.items():
        if aif_name.lower() == name.strip().lower():
            return argmap_name
    words = name.lower().strip()
    for prefix in ("argument from an ", "argument from a ", "argument from "):
        words = words.removeprefix(prefix)
    found = schemes.lookup(words)
    return found.name if found is not None else None


def _text(extra: dict[str, Any], key: str) -> str | None:
    value = extra.get(key)
    return one_line(str(value)) if value is not None and str(value).strip() else None


def _quote(extra: dict[str, Any], span: Any) -> Quote | None:
    text = _text(extra, "quote")
    return Quote(text=text, span=span) if text else None


def _allow(extra: dict[str, Any]) -> tuple[str, ...]:
    value = extra.get("allow")
    return tuple(str(v) for v in value) if isinstance(value, list) else ()
