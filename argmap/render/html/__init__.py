"""The essay beside the map: one self-contained HTML page (docs/html.md).

    >>> loaded = argmap.load("maps/north-korea-russia-us.argmap")
    >>> options = RenderOptions(format="html")
    >>> page = argmap.render_map(loaded.analysis, options, essay=loaded.essay.text)

The page holds the essay with every quoted passage marked (escape.py, marks.py), the map as
`render` draws it (inline SVG), the findings ranked for the coach and, in plain words, for the
student (findings.py), its style and script inline (page.css, page.js) and the script's data
as JSON; assemble.py puts them together. It loads nothing: it works opened from disk, offline.
"""

from __future__ import annotations

from argmap.analysis import Analysis
from argmap.render.html.assemble import build


def page(analysis: Analysis, svg: bytes, essay: str | None, drawn: frozenset[str]) -> bytes:
    """The page's bytes (UTF-8): `svg` is the drawing of the map, `essay` the essay's text or
    None (the page then shows the map and the findings alone), `drawn` the ids drawn."""
    return build(analysis, svg.decode("utf-8"), essay, drawn).encode("utf-8")


_CHARSET = b'<meta charset="utf-8">'


def refreshing(page_bytes: bytes, seconds: int = 2) -> bytes:
    """The page, made to reload itself every `seconds` (for `argmap watch`, which rewrites it
    on every save): the URL and its #ID stay, so the selection comes back after each reload."""
    refresh = f'<meta http-equiv="refresh" content="{int(seconds)}">'.encode()
    return page_bytes.replace(_CHARSET, _CHARSET + b"\n" + refresh, 1)


__all__ = ["page", "refreshing"]
