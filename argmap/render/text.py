"""Text made safe for DOT: every string that reaches Graphviz passes through here.

Four paths, each escaped completely:
- HTML-like labels (`<...>`): each piece of map text is `html.escape`d and its backslashes are
  doubled (Graphviz expands `\\N`, `\\G`, ... even inside HTML labels).
- Plain attribute strings (`dot_string`: tooltips in DOT text): backslashes doubled,
  newlines written as DOT's `\\n`, and wrapped in `graphviz.nohtml` so that a text which
  happens to look like `<b>` is never taken for an HTML label. The graphviz package escapes
  the double quotes.
- Tooltips in SVG: Graphviz reads the escapes of a tooltip more than once (2.43 needs four
  backslashes for one, and turns "&amp;" into "&"), so `render` lays out tokens and writes
  each tooltip into the SVG afterwards (`svg_attribute`), exactly.
- Ids (`dot_id`): markup characters and backslashes as character references, which Graphviz
  copies into the SVG as they are.

Control characters other than the newline, Unicode noncharacters and lone surrogates are
dropped: they are invalid in the SVG (XML) that Graphviz writes.

Graphviz (2.43) rejects any quoted or HTML string, node names included, of about 16,384 bytes
or more ("syntax error ... longer than 16384?"). So no string the renderer writes comes near,
whatever the map holds: labels are wrapped and shortened (argmap.render.labels), tooltips in
DOT text are cut at TOOLTIP_CHARS (`cut`; the SVG's tooltips are whole), ids at ID_CHARS and
class names at CLASS_CHARS. A character is at most 4 bytes in UTF-8, and 6 when escaped as a
character reference (`&quot;`), so 2,000 characters make at most 12,000 bytes.
"""

from __future__ import annotations

import hashlib
import html
import re
import textwrap
import unicodedata

import graphviz

TOOLTIP_CHARS = 2000
ID_CHARS = 1000
CLASS_CHARS = 100

# Control characters, the noncharacters XML forbids (U+FFFE, U+FFFF and their kin), and lone
# surrogates (a Python string can hold them; UTF-8 cannot).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def clean(text: str) -> str:
    """The text without control characters (a tab becomes a space, a CR a newline)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def html_text(text: str) -> str:
    """One piece of text for inside an HTML-like label: markup and escapes disarmed. "]" is
    written as a reference too: Graphviz 2.43 rejects a label text that is only "]"."""
    escaped = html.escape(clean(text), quote=True).replace("]", "&#93;")
    return escaped.replace("\\", "\\\\")


def dot_string(text: str) -> str:
    """A plain (escString) attribute value that Graphviz shows exactly as `text`."""
    escaped = clean(text).replace("\\", "\\\\").replace("\n", "\\n")
    return graphviz.nohtml(escaped)  # type: ignore[no-any-return]


def dot_id(text: str) -> str:
    """An `id` attribute that Graphviz writes into the SVG exactly as `text`: markup
    characters and backslashes as character references, which Graphviz passes through.
    An id longer than ID_CHARS (only a generated one, such as the id of a step with
    hundreds of premises) is cut, and ends in "…" and a digest of the whole, to stay unique."""
    text = clean(text)
    if len(text) > ID_CHARS:
        text = text[: ID_CHARS - 17] + "…" + digest(text)[:16]
    escaped = html.escape(text, quote=True).replace("\\", "&#92;")
    return graphviz.nohtml(escaped)  # type: ignore[no-any-return]


def svg_attribute(text: str) -> str:
    """Text for an XML attribute value in the SVG: escaped, newlines kept as &#10;."""
    escaped = html.escape(clean(text), quote=True)
    return escaped.replace("\n", "&#10;")


def css_class(*names: str) -> str:
    """A `class` attribute: names made of letters, digits, '-' and '_' only (at most
    CLASS_CHARS of them), space-separated."""
    safe = (re.sub(r"[^\w-]", "_", name[:CLASS_CHARS], flags=re.ASCII) for name in names if name)
    return dot_string(" ".join(safe))


def digest(text: str) -> str:
    """A stable digest of the text, in hex: a short name that stands for a long one."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def cut(text: str, most: int) -> str:
    """The text, lines kept, at most `most` characters: ending in "…" when cut."""
    return text if len(text) <= most else text[: most - 1] + "…"


def display_width(text: str) -> int:
    """Columns the text takes: wide (CJK, most emoji) characters count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def wrap(text: str, width: int, max_lines: int | None = None) -> list[str]:
    """The text in lines of at most about `width` columns; paragraphs (newlines) kept.

    Words longer than a line (URLs) are broken. With `max_lines`, the last kept line ends in
    "…" when text was cut.
    """
    lines: list[str] = []
    # one line past max_lines is enough to know the text is cut: a statement of 10 MB is not
    # wrapped whole to keep nine lines
    enough = None if max_lines is None else max_lines + 1
    for paragraph in clean(text).split("\n"):
        words = paragraph.split()
        if not words:
            continue
        lines.extend(_wrap_words(words, width, None if enough is None else enough - len(lines)))
        if enough is not None and len(lines) >= enough:
            break
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = shorten(lines[-1] + " …", width)
    return lines


def _wrap_words(words: list[str], width: int, most: int | None = None) -> list[str]:
    """The words in lines of at most `width` columns (the first `most` lines, if given)."""
    lines: list[str] = []
    current, columns = "", 0  # the line so far and its display width
    for word in words:
        for piece in _pieces(word, width):
            wide = display_width(piece)
            if current and columns + 1 + wide > width:
                lines.append(current)
                if most is not None and len(lines) >= most:
                    return lines
                current, columns = piece, wide
            elif current:
                current, columns = f"{current} {piece}", columns + 1 + wide
            else:
                current, columns = piece, wide
    if current:
        lines.append(current)
    return lines


def _pieces(word: str, width: int) -> list[str]:
    if display_width(word) <= width:
        return [word]
    pieces, current = [], ""
    for char in word:
        if current and display_width(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def shorten(text: str, width: int) -> str:
    """One line of at most `width` columns, ending in "…" when cut."""
    flat = " ".join(clean(text).split())
    if len(flat) <= width and display_width(flat) <= width:
        return flat
    flat = flat[: width + 1]  # a character takes one column or two: no more can be kept
    cut = textwrap.shorten(flat, width=max(width - 1, 1), placeholder="")
    if not cut:  # one long word
        cut = flat
        while display_width(cut) > width - 1:
            cut = cut[:-1]
    while display_width(cut) > width - 1:
        cut = cut[:-1]
    return cut.rstrip() + "…"
