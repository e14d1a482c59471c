"""The page put together: the essay, the map and the findings, with the style and the script
inline and a Content-Security-Policy that lets only those two run and loads nothing.

Everything from the map or the essay is written through `escape` (text and attributes); the
script's data is a `<script type="application/json">` block (`escape.json_data`), and the
script builds what it shows with `textContent`, never from HTML strings.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

from argmap.analysis import Analysis
from argmap.model import ArgumentMap
from argmap.render.html import escape
from argmap.render.html.escape import attribute, text
from argmap.render.html.findings import Entry, StudentPoint, entries, student_points
from argmap.render.html.marks import LABELS, Mark, elements, essay_html, find_marks, kind_of
from argmap.render.theme import DEFAULT, Theme


@cache
def asset(name: str) -> str:
    """page.css or page.js, shipped beside this module."""
    return resources.files("argmap.render.html").joinpath(name).read_text("utf-8")


def _digest(source: str) -> str:
    return base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def build(analysis: Analysis, svg: str, essay: str | None, drawn: Iterable[str]) -> str:
    """The page's HTML. `svg` is the map as `render` draws it, `essay` the essay's text
    (None: the page shows the map and the findings alone), `drawn` the ids the drawing shows."""
    argument_map = analysis.map
    listed_first = entries(analysis, {})
    symbols = _symbols(listed_first)
    marks = find_marks(argument_map, essay, symbols) if essay is not None else []
    quotes = _quotes(argument_map, essay, marks)
    listed = entries(analysis, quotes)
    style = _kind_style(DEFAULT) + asset("page.css")
    script = asset("page.js")
    data = _data(argument_map, listed, quotes, set(drawn))
    title = argument_map.header.title or argument_map.path or "Argument map"
    policy = (
        "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"style-src 'sha256-{_digest(style)}'; script-src 'sha256-{_digest(script)}'"
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="argmap">',
            '<link rel="icon" href="data:,">',
            f"<title>{text(title)}</title>",
            f"<style>{style}</style>",
            "</head>",
            '<body class="view-coach">',
            _header(argument_map),
            '<main class="panes">',
            _essay_pane(argument_map, essay, marks),
            '<div class="side">',
            _map_pane(svg),
            _selection_pane(),
            _findings_pane(listed),
            "</div>",
            "</main>",
            f'<script type="application/json" data-argmap="data">{escape.json_data(data)}</script>',
            f"<script>{script}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _symbols(listed: Sequence[Entry]) -> dict[str, str]:
    """The symbol each passage ends with: ⚠ where a weakness is anchored, else ℹ for a
    remark (the drawing's flags: only anchored weaknesses make a box `flagged`)."""
    symbols: dict[str, str] = {}
    for entry in listed:
        if entry.anchor is None:
            continue
        if entry.is_weakness:
            symbols[entry.anchor] = entry.symbol
        else:
            symbols.setdefault(entry.anchor, entry.symbol)
    return symbols


def _quotes(argument_map: ArgumentMap, essay: str | None, marks: Sequence[Mark]) -> dict[str, str]:
    """The student's words by element id: the essay's text where the quote was found, else
    the quote as the map writes it."""
    words = {
        element.id: element.quote.text
        for element in elements(argument_map)
        if element.quote is not None
    }
    if essay is not None:
        for mark in marks:
            words[mark.element_id] = " ".join(essay[mark.start : mark.end].split())
    return words


def _kind_style(theme: Theme) -> str:
    """Each kind's colours as CSS variables: the drawing's fills and borders."""
    rules = [
        f".kind-{kind.value}{{--fill:{style.fill};--line:{style.border}}}"
        for kind, style in theme.kinds.items()
    ]
    rules.append(f".kind-step{{--fill:#eef2f8;--line:{theme.support}}}")
    rules.append(f".kind-conditional{{--fill:#f3edf8;--line:{theme.conditional}}}")
    rules.append(f".kind-attack{{--fill:#fbe9e7;--line:{theme.attack}}}")
    return "\n".join(rules) + "\n"


def _header(argument_map: ArgumentMap) -> str:
    header = argument_map.header
    title = header.title or argument_map.path or "Argument map"
    byline = " — ".join(part for part in (header.subtitle, header.author) if part)
    return "\n".join(
        [
            '<header class="top">',
            f"<h1>{text(title)}</h1>",
            f'<p class="byline">{text(byline)}</p>' if byline else "",
            '<div class="toolbar" role="toolbar" aria-label="View">',
            '<fieldset class="views"><legend>View</legend>',
            '<label><input type="radio" name="view" value="coach" checked> Coach</label>',
            '<label><input type="radio" name="view" value="student"> Student</label>',
            "</fieldset>",
            '<label class="filter"><input type="checkbox" name="only-flagged"> '
            "Only flagged parts</label>",
            '<span class="zoom" role="group" aria-label="Zoom the map">',
            '<button type="button" data-zoom="out" aria-label="Zoom out">−</button>',
            '<button type="button" data-zoom="fit">Fit</button>',
            '<button type="button" data-zoom="one">100 %</button>',
            '<button type="button" data-zoom="in" aria-label="Zoom in">+</button>',
            "</span>",
            '<button type="button" data-action="print">Print handout</button>',
            "</div>",
            "</header>",
        ]
    )


def _essay_pane(argument_map: ArgumentMap, essay: str | None, marks: Sequence[Mark]) -> str:
    if essay is None:
        source = argument_map.header.source
        why = (
            f"The essay ({text(source)}) was not read, so the page shows the map and the "
            "findings alone."
            if source
            else "The map names no essay (no <code>source:</code>), so the page shows the map "
            "and the findings alone."
        )
        return (
            '<section class="essay-pane no-essay" aria-label="The essay">'
            f'<p class="note">{why}</p></section>'
        )
    used = sorted({mark.kind for mark in marks}, key=list(LABELS).index)
    legend = "".join(
        f'<li><mark class="passage kind-{kind} sample"><span class="tag">{LABELS[kind]}</span>'
        f"a {kind} quoted</mark></li>"
        for kind in used
    )
    legend += (
        '<li><mark class="passage sample flagged"><span class="tag">…</span>flagged'
        '<span class="symbol">⚠</span></mark></li>'
        '<li><span class="unquoted sample">a sentence the map leaves out</span></li>'
    )
    source = argument_map.header.source or ""
    return "\n".join(
        [
            '<section class="essay-pane" aria-label="The essay">',
            f'<h2>The essay <span class="source">{text(source)}</span></h2>',
            f'<ul class="legend" aria-label="What the marks mean">{legend}</ul>',
            '<div class="essay">',
            essay_html(essay, marks),
            "</div>",
            "</section>",
        ]
    )


def _map_pane(svg: str) -> str:
    return "\n".join(
        [
            '<section class="map-pane" aria-label="The map">',
            "<h2>The map</h2>",
            '<div class="map" role="group" aria-label="The argument map">',
            escape.drawing(svg),
            "</div>",
            "</section>",
        ]
    )


def _selection_pane() -> str:
    return (
        '<section class="selection-pane" aria-live="polite" aria-label="The chosen statement">'
        '<p class="hint">Choose a marked passage, a box or a line to see what the map says '
        "about it.</p></section>"
    )


def _findings_pane(listed: Sequence[Entry]) -> str:
    coach = "\n".join(_coach_item(entry) for entry in listed) or "<li>No findings.</li>"
    points = student_points(list(listed))
    student = "\n".join(_student_item(point) for point in points)
    student = student or "<li>Nothing to mend: the map's reasoning holds together.</li>"
    return "\n".join(
        [
            '<section class="findings-pane" aria-label="The findings">',
            "<h2>Findings</h2>",
            '<div class="coach-only">',
            f'<p class="summary">{len(listed)} findings, what costs the thesis most first.</p>',
            f'<ol class="findings">{coach}</ol>',
            "</div>",
            '<div class="student-only">',
            '<p class="summary">What to work on first:</p>',
            f'<ol class="findings student">{student}</ol>',
            "</div>",
            "</section>",
        ]
    )


def _target(anchor: str | None) -> str:
    return f' data-target="{attribute(anchor)}" tabindex="0" role="button"' if anchor else ""


def _coach_item(entry: Entry) -> str:
    kind = "weakness" if entry.is_weakness else "remark"
    quote = f'<q class="words">{text(entry.quote)}</q>' if entry.quote else ""
    hint = f'<p class="fix">{text(entry.hint)}</p>' if entry.hint else ""
    about = f' <span class="about">at {text(entry.anchor)}</span>' if entry.anchor else ""
    return (
        f'<li class="finding {kind}" data-code="{attribute(entry.code)}" '
        f'data-index="{entry.index}"{_target(entry.anchor)}>'
        f'<span class="symbol" aria-hidden="true">{entry.symbol}</span> '
        f'<span class="code">{text(entry.code)}</span> '
        f'<span class="words-title">{text(entry.words)}</span>{about}'
        f'<p class="message">{text(entry.message)}</p>{quote}{hint}</li>'
    )


def _student_item(point: StudentPoint) -> str:
    quote = f'<q class="words">{text(point.quote)}</q>' if point.quote else ""
    return (
        f'<li class="finding weakness"{_target(point.anchor)}>'
        f'<span class="symbol" aria-hidden="true">⚠</span> '
        f'<span class="words-title">{text(point.words)}</span>{quote}</li>'
    )


def _data(
    argument_map: ArgumentMap, listed: Sequence[Entry], quotes: dict[str, str], drawn: set[str]
) -> dict[str, object]:
    """What the script needs: each element's kind, text and findings, and the findings."""
    about: dict[str, list[int]] = {}
    for entry in listed:
        for subject in entry.subjects:
            about.setdefault(subject, []).append(entry.index)
    table: dict[str, dict[str, object]] = {}
    for element in elements(argument_map):
        kind = kind_of(element)
        record: dict[str, object] = {
            "kind": LABELS[kind] if kind != "conditional" else "conditional",
            "text": escape.plain(getattr(element, "text", "") or ""),
            "findings": about.get(element.id, []),
            "drawn": element.id in drawn,
            "words": escape.plain(quotes[element.id]) if element.id in quotes else None,
            "near": _near(element),
        }
        table[escape.plain(element.id)] = record
    findings = [
        {
            "code": entry.code,
            "symbol": entry.symbol,
            "words": escape.plain(entry.words),
            "message": escape.plain(entry.message),
            "hint": escape.plain(entry.hint) if entry.hint else None,
            "weak": entry.is_weakness,
        }
        for entry in listed
    ]
    return {"elements": table, "findings": findings}


def _near(element: object) -> list[str]:
    """Where the essay is scrolled to for an element with no passage of its own: the step's
    conclusion and premises, an attack's attacker, a conditional's antecedent."""
    for names in (("conclusion", "premises"), ("attacker", "target"), ("consequent", "antecedent")):
        found: list[str] = []
        for name in names:
            value = getattr(element, name, None)
            found.extend([value] if isinstance(value, str) else list(value or ()))
        if found:
            return found
    return []
