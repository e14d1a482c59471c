"""Reading what the renderer wrote, for the render tests: DOT text (as the graphviz package
writes it, one statement a line) and SVG (as Graphviz writes it)."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

_NODE = re.compile(r'^\t("(?:[^"\\]|\\.)*"|[^\s\[]+) \[(.*)\]$')
_EDGE = re.compile(
    r'^\t("(?:[^"\\]|\\.)*"|[^\s\[]+) -> ("(?:[^"\\]|\\.)*"|[^\s\[]+)(?: \[(.*)\])?$'
)


@dataclass
class Dot:
    graph: dict[str, str] = field(default_factory=dict)
    nodes: dict[str, dict[str, str]] = field(default_factory=dict)
    edges: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def node(self, element_id: str) -> dict[str, str]:
        """The node whose `id` attribute is `element_id`."""
        found = [a for a in self.nodes.values() if a.get("id") == element_id]
        assert len(found) == 1, f"{len(found)} nodes with id {element_id!r}"
        return found[0]

    def edge(self, element_id: str) -> tuple[str, str, dict[str, str]]:
        found = [e for e in self.edges if e[2].get("id") == element_id]
        assert len(found) == 1, f"{len(found)} edges with id {element_id!r}"
        return found[0]

    def name_of(self, element_id: str) -> str:
        return next(n for n, a in self.nodes.items() if a.get("id") == element_id)


def parse_dot(source: str) -> Dot:
    """The nodes and edges of DOT text; `id` attributes decoded (argmap writes them with
    character references)."""
    dot = Dot()
    for raw in source.splitlines():
        line = "\t" + raw.lstrip("\t")  # statements in a subgraph are indented twice
        if line.startswith("\tgraph ["):
            dot.graph.update(attributes(line[len("\tgraph [") : -1]))
        elif line.startswith(("\tnode [", "\tedge [")):
            continue
        elif (match := _EDGE.match(line)) is not None:
            tail, head, body = match.groups()
            dot.edges.append((unquote(tail), unquote(head), attributes(body or "")))
        elif (match := _NODE.match(line)) is not None:
            name, body = match.groups()
            dot.nodes[unquote(name)] = attributes(body)
    return dot


def unquote(token: str) -> str:
    if token.startswith('"'):
        return re.sub(r'\\"', '"', token[1:-1])
    return token


def attributes(body: str) -> dict[str, str]:
    """key=value pairs: values quoted ("..." with \\" escapes), HTML (<...>) or bare."""
    result: dict[str, str] = {}
    i = 0
    while i < len(body):
        while i < len(body) and body[i] == " ":
            i += 1
        if i >= len(body):
            break
        eq = body.index("=", i)
        key = unquote(body[i:eq])
        i = eq + 1
        if body[i] == '"':
            j = i + 1
            while body[j] != '"':
                j += 2 if body[j] == "\\" else 1
            result[key] = body[i + 1 : j].replace('\\"', '"')
            if key == "id":
                result[key] = html.unescape(result[key])
            i = j + 1
        elif body[i] == "<":
            depth, j = 0, i
            while True:
                depth += {"<": 1, ">": -1}.get(body[j], 0)
                j += 1
                if depth == 0:
                    break
            result[key] = body[i:j]
            i = j
        else:
            j = body.find(" ", i)
            j = len(body) if j == -1 else j
            result[key] = body[i:j]
            i = j
    return result


def html_texts(label: str) -> str:
    """The text of an HTML-like label, markup removed and entities decoded."""
    if label.startswith("<") and label.endswith(">"):
        label = label[1:-1]  # the DOT delimiters of an HTML-like label
    rows = label.replace("<BR/>", "\n").replace("</TR>", "\n")
    lines = html.unescape(re.sub(r"<[^>]*>", "", rows)).split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())


# ---- SVG ------------------------------------------------------------------------------------


def svg_tree(svg: bytes) -> ET.Element:
    return ET.fromstring(svg)


def groups(root: ET.Element) -> dict[str, ET.Element]:
    """Every <g> with an id, by id."""
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if g.get("id")}


def classes(group: ET.Element) -> set[str]:
    return set((group.get("class") or "").split())


def text_of(group: ET.Element) -> str:
    """The group's drawn text, one <text> element a line."""
    return "\n".join("".join(t.itertext()) for t in group.iter(f"{SVG}text"))


def tooltip_of(group: ET.Element) -> str:
    anchor = next(group.iter(f"{SVG}a"), None)
    assert anchor is not None, "no tooltip"
    return anchor.get(f"{XLINK}title") or ""
