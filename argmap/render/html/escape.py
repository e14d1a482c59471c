"""Text made safe for the page: every piece of map or essay text reaches the HTML through here.

`text` escapes markup (`<`, `>`, `&`, both quote marks), drops the control characters XML and
HTML forbid (as the drawing does, `argmap.render.text.clean`), and shows each bidirectional
control (U+202A-U+202E, U+2066-U+2069: they can make text read backwards) as a visible mark
in its place instead of letting it act. `attribute` is the same for an attribute value.
`json_data` is data for the script: JSON in which no `<`, `>` or `&` is left as itself, so
that nothing in it can close the `<script type="application/json">` block it sits in.
"""

from __future__ import annotations

import html
import json
import re

from argmap.render.text import clean

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_DRAWING_BIDI = {code: 0xFFFD for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def _control_mark(match: re.Match[str]) -> str:
    code = f"U+{ord(match.group()):04X}"
    return f'<span class="control" title="the character {code}, shown, not applied">{code}</span>'


def text(value: str) -> str:
    """Text for inside an element: shown exactly, never read as markup."""
    return BIDI_CONTROLS.sub(_control_mark, html.escape(clean(value), quote=True))


def attribute(value: str) -> str:
    """Text for a double-quoted attribute value (bidirectional controls as "U+202E")."""
    escaped = html.escape(clean(value), quote=True)
    return BIDI_CONTROLS.sub(lambda m: f"U+{ord(m.group()):04X}", escaped)


def plain(value: str) -> str:
    """Text for the script to show with textContent: bidirectional controls as U+FFFD, as
    the drawing and the terminal show them (argmap.words.visible)."""
    return clean(value).translate(_DRAWING_BIDI)


def json_data(data: object) -> str:
    """JSON for a `<script type="application/json">` block: ASCII, with `<`, `>` and `&`
    written as \\u escapes, so the block can hold any text and still end where it should."""
    encoded = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def drawing(svg: str) -> str:
    """The renderer's SVG, for inside the page: no XML prolog or comments, and no
    bidirectional control left to act (the SVG's text is already escaped as XML)."""
    start = svg.find("<svg")
    body = svg[start:] if start >= 0 else svg
    body = re.sub(r"<!--.*?-->\n?", "", body, flags=re.DOTALL)
    return body.translate(_DRAWING_BIDI)
