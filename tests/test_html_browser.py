"""The HTML page in a real browser (Debian's Chromium, driven by playwright): it loads with no
console error and no request, passages and boxes select each other, `#ID` selects on load,
the filter hides the unflagged parts, it prints, and no adversarial text runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from html_support import (
    ARGS,
    CHROMIUM,
    EVIL_ESSAY,
    EVIL_MAP,
    PAYLOADS,
    SMALL_ESSAY,
    SMALL_MAP,
    evil_built_map,
)

import argmap
from argmap.render import RenderOptions, render

pytestmark = [pytest.mark.needs_browser, pytest.mark.needs_dot]

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "maps" / "north-korea-russia-us.argmap"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Opened:
    """A page opened from disk, with every console message, error, dialog and request."""

    def __init__(self, browser: Any, path: Path, fragment: str = "") -> None:
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"error: {error}"))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_selector("body.ready")

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"{message.type}: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def selected(self) -> list[str]:
        return self.page.eval_on_selector_all(
            ".selected",
            "els => els.map(e => (e.closest('svg') ? 'svg:' + e.id : 'essay:' + "
            "e.getAttribute('data-statement')))",
        )


def write_page(folder: Path, map_text: str, essay: str | None, name: str = "page") -> Path:
    (folder / f"{name}.argmap").write_text(map_text, "utf-8")
    if essay is not None:
        (folder / "essay.txt").write_text(essay, "utf-8")
    loaded = argmap.load(folder / f"{name}.argmap")
    assert loaded.analysis is not None, loaded.diagnostics
    out = folder / f"{name}.html"
    out.write_bytes(render(loaded.analysis, RenderOptions(format="html"), essay=loaded.essay.text))
    return out


@pytest.fixture(scope="module")
def flagship(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("flagship")
    loaded = argmap.load(FLAGSHIP)
    assert loaded.analysis is not None
    out = folder / "op-ed.html"
    out.write_bytes(render(loaded.analysis, RenderOptions(format="html"), essay=loaded.essay.text))
    return out


def test_the_page_loads_with_no_console_error_and_no_request(browser: Any, flagship: Path) -> None:
    opened = Opened(browser, flagship)
    assert opened.page.locator(".essay .passage").count() > 40
    assert opened.page.locator(".map svg g.node.statement").count() > 40
    opened.page.click(".findings li.finding >> nth=0")
    assert opened.problems == [] and opened.requests == [] and opened.dialogs == []


def test_clicking_a_passage_selects_its_box_and_shows_its_findings(
    browser: Any, flagship: Path
) -> None:
    opened = Opened(browser, flagship)
    opened.page.click('.essay .passage[data-statement="cheap-labor"]')
    assert set(opened.selected()) == {"essay:cheap-labor", "svg:cheap-labor"}
    panel = opened.page.inner_text(".selection-pane")
    assert "W101" in panel and "cheap-labor" in panel
    assert opened.page.evaluate("location.hash") == "#cheap-labor"


def test_clicking_a_box_or_a_line_scrolls_the_essay_to_its_passage(
    browser: Any, flagship: Path
) -> None:
    opened = Opened(browser, flagship)
    essay = opened.page.locator(".essay-pane")
    before = essay.evaluate("e => e.scrollTop")
    opened.page.locator(".map svg g#next-move").dispatch_event("click")
    assert set(opened.selected()) == {"essay:next-move", "svg:next-move"}
    assert essay.evaluate("e => e.scrollTop") > before
    opened.page.locator('.map svg g[id="world-stakes:premise:russia-key"]').dispatch_event("click")
    assert "svg:world-stakes" in opened.selected()


def test_the_keyboard_selects_a_passage_with_tab_and_enter(browser: Any, flagship: Path) -> None:
    opened = Opened(browser, flagship)
    opened.page.focus('.essay .passage[data-statement="brotherhood"]')
    opened.page.keyboard.press("Tab")
    opened.page.keyboard.press("Enter")
    focused = opened.page.evaluate("document.activeElement.getAttribute('data-statement')")
    assert f"essay:{focused}" in opened.selected() and f"svg:{focused}" in opened.selected()


def test_a_fragment_selects_its_statement_on_load(browser: Any, flagship: Path) -> None:
    opened = Opened(browser, flagship, "#analysts-say")
    assert set(opened.selected()) == {"essay:analysts-say", "svg:analysts-say"}
    assert "Some analysts" in opened.page.inner_text(".selection-pane")


def test_the_filter_hides_the_unflagged_parts(browser: Any, flagship: Path) -> None:
    opened = Opened(browser, flagship)
    page = opened.page
    plain = '.essay .passage[data-statement="economic-ally"]'
    flagged = '.essay .passage[data-statement="cheap-labor"]'
    assert page.is_visible(f"{plain} .tag")
    page.check('input[name="only-flagged"]')
    assert not page.is_visible(f"{plain} .tag") and page.is_visible(f"{flagged} .tag")
    opacity = "e => getComputedStyle(e).opacity"
    assert float(page.locator(".map g#economic-ally").evaluate(opacity)) < 0.5
    assert float(page.locator(".map g#cheap-labor").evaluate(opacity)) == 1
    assert not page.is_visible(".findings li.finding.remark >> nth=0")


def test_the_student_view_names_no_codes(browser: Any, flagship: Path) -> None:
    opened = Opened(browser, flagship)
    opened.page.check('input[name="view"][value="student"]')
    opened.page.click('.essay .passage[data-statement="cheap-labor"]')
    shown = opened.page.inner_text(".findings-pane") + opened.page.inner_text(".selection-pane")
    assert "W101" not in shown and "cheap-labor" not in shown
    assert "bare assertion" in shown.lower()


def test_printing_gives_pages(browser: Any, flagship: Path, tmp_path: Path) -> None:
    opened = Opened(browser, flagship)
    opened.page.emulate_media(media="print")
    assert not opened.page.is_visible(".toolbar")
    pdf = opened.page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type/Page") >= 2


@pytest.mark.parametrize("source", ["parsed", "built"])
def test_adversarial_text_shows_literally_and_never_runs(
    browser: Any, tmp_path: Path, source: str
) -> None:
    if source == "parsed":
        out = write_page(tmp_path, EVIL_MAP, EVIL_ESSAY)
    else:
        out = tmp_path / "built.html"
        out.write_bytes(render(evil_built_map(), RenderOptions(format="html"), essay=EVIL_ESSAY))
    opened = Opened(browser, out, "#t")
    page = opened.page
    for passage in page.locator(".passage[data-statement]").all():
        passage.click()
    for box in page.locator(".map svg g[tabindex]").all():
        box.dispatch_event("click")
    shown = page.inner_text("body")
    for payload in PAYLOADS[:4]:
        assert payload in shown, payload
    assert "U+202E" in shown and "\u202e" not in page.inner_text(".essay")
    assert page.evaluate("document.querySelectorAll('img, .essay script, .essay b').length") == 0
    assert page.evaluate("typeof window.alert") == "function"
    assert opened.dialogs == [] and opened.requests == []
    assert [p for p in opened.problems if "alert" in p] == []


def test_a_small_page_marks_the_sentences_left_out(browser: Any, tmp_path: Path) -> None:
    opened = Opened(browser, write_page(tmp_path, SMALL_MAP, SMALL_ESSAY))
    left_out = opened.page.locator(".essay .unquoted").all_inner_texts()
    assert "Nobody quotes this sentence." in left_out
    assert opened.problems == []
