"""The HTML page, read as text: the passages marked, the sentences left out marked as such,
a map without an essay, and every text from the map or the essay escaped."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from html_support import EVIL_ESSAY, EVIL_MAP, PAYLOADS, SMALL_ESSAY, SMALL_MAP, evil_built_map

import argmap
from argmap.cli import cli
from argmap.render import RenderOptions, render
from argmap.render.html.escape import json_data, text
from argmap.render.html.marks import Mark, essay_html

HTML = RenderOptions(format="html")
ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "maps" / "north-korea-russia-us.argmap"

pytestmark = pytest.mark.needs_dot


class Page(HTMLParser):
    """The tags, attributes, scripts and text of a page, as a browser's parser sees them."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._in_script: dict[str, str | None] | None = None
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self.scripts.append((self._in_script, data))
        else:
            self.text.append(data)


def page_of(path: Path) -> str:
    loaded = argmap.load(path)
    assert loaded.analysis is not None, loaded.diagnostics
    return render(loaded.analysis, HTML, essay=loaded.essay.text).decode("utf-8")


def small(write_map, text: str = SMALL_MAP, essay: str = SMALL_ESSAY) -> str:  # type: ignore[no-untyped-def]
    return page_of(write_map(text, source=essay))


def test_every_passage_is_marked_with_its_statement_and_kind(write_map) -> None:  # type: ignore[no-untyped-def]
    page = small(write_map)
    marks = re.findall(r'<mark class="passage kind-(\w+)[^"]*" data-statement="([^"]+)"', page)
    assert set(marks) == {("thesis", "t"), ("premise", "sleep"), ("evidence", "study")}
    premise = re.search(r'data-statement="sleep"[^>]*>(.*?)</mark>', page)
    assert premise is not None and "Teenagers sleep late" in premise[1]
    assert '<span class="symbol" aria-label="flagged">⚠</span>' in premise[1]  # a bare premise


def test_the_sentences_no_statement_quotes_are_marked_unquoted(write_map) -> None:  # type: ignore[no-untyped-def]
    page = small(write_map)
    unquoted = re.findall(r'<span class="unquoted"[^>]*>(.*?)</span>', page)
    assert unquoted == ["A title line", "Nobody quotes this sentence.", "The end!"]
    assert page.count("<p>") >= 3  # the essay's paragraphs


def test_nested_and_crossing_passages_are_well_formed() -> None:
    essay = "one two three four five six"
    marks = [Mark("a", "claim", "claim", 0, 13), Mark("b", "premise", "premise", 4, 18)]
    body = essay_html(essay, marks)
    assert body.count('data-statement="a"') == 1
    assert body.count('data-statement="b"') == 2  # cut where it leaves 'a'
    assert re.sub(r"<[^>]+>", "", body).replace("claim", "").replace("premise", "") == essay
    stack: list[str] = []
    for closing, tag in re.findall(r"<(/?)(mark|span|p)\b", body):
        if closing:
            assert stack.pop() == tag
        else:
            stack.append(tag)
    assert stack == []


def test_a_map_without_a_source_shows_the_map_and_findings_alone(write_map) -> None:  # type: ignore[no-untyped-def]
    bare = "".join(
        line for line in SMALL_MAP.splitlines(keepends=True) if "quote:" not in line
    ).replace("source: essay.txt\n", "")
    page = small(write_map, bare)
    assert "names no essay" in page
    assert 'data-statement="' not in page
    assert "<svg" in page and 'class="findings"' in page


def test_the_page_loads_nothing_and_runs_only_its_own_script(write_map) -> None:  # type: ignore[no-untyped-def]
    parsed = Page(small(write_map))
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, tag
        assert attrs.get("href") in (None, "data:,"), tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    policy = next(
        a["content"] for t, a in parsed.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy is not None and "default-src 'none'" in policy and "'unsafe-inline'" not in policy
    kinds = [attrs.get("type") for attrs, _ in parsed.scripts]
    assert kinds == ["application/json", None]


@pytest.mark.parametrize("source", ["parsed", "built"])
def test_adversarial_text_is_escaped_everywhere(write_map, source: str) -> None:  # type: ignore[no-untyped-def]
    if source == "parsed":
        page = small(write_map, EVIL_MAP, EVIL_ESSAY)
    else:
        page = render(evil_built_map(), HTML, essay=EVIL_ESSAY).decode("utf-8")
    parsed = Page(page)
    assert [tag for tag, _ in parsed.tags if tag in ("script", "img", "b", "style")] == [
        "style",
        "script",
        "script",
    ]
    assert "\u202e" not in page  # shown as a mark, never applied
    assert "U+202E" in "".join(parsed.text)
    shown = "".join(parsed.text)
    for payload in PAYLOADS[:4]:
        assert payload in shown, payload
    data = json.loads(parsed.scripts[0][1])
    assert any("<script>alert(1)</script>" in e["text"] for e in data["elements"].values())


def test_the_scripts_data_cannot_close_its_block() -> None:
    encoded = json_data({"x": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded)["x"].startswith("</script>")
    assert text('"<a href="javascript:x">') == "&quot;&lt;a href=&quot;javascript:x&quot;&gt;"


def test_the_flagship_page_has_the_essay_the_map_and_the_ranked_findings() -> None:
    page = page_of(FLAGSHIP)
    loaded = argmap.load(FLAGSHIP)
    assert loaded.analysis is not None
    codes = re.findall(r'<li class="finding (?:weakness|remark)" data-code="(\w+)"', page)
    assert codes == [found.code for found in loaded.analysis.ranked()]
    assert '<g id="brotherhood" class="node statement kind&#45;thesis' in page
    student = page.split('<div class="student-only">', 1)[1].split("</div>", 1)[0]
    assert not re.search(r"\b[WIE]\d{3}\b", student)  # no codes in the student's view
    assert "data-code" not in student


def test_the_cli_writes_a_page_for_an_html_output(tmp_path: Path) -> None:
    out = tmp_path / "op-ed.html"
    result = CliRunner().invoke(cli, ["render", str(FLAGSHIP), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    again = CliRunner().invoke(cli, ["render", str(FLAGSHIP), "--format", "html", "-o", "-"])
    assert again.exit_code == 0 and again.stdout_bytes.startswith(b"<!DOCTYPE html>")


def test_a_source_outside_the_trees_is_not_embedded(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret words", "utf-8")
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "m.argmap").write_text(SMALL_MAP.replace("essay.txt", str(secret)), "utf-8")
    monkeypatch.chdir(folder)
    loaded = argmap.load(folder / "m.argmap")
    assert loaded.essay.text is None  # refused, as `check` refuses it: nothing to embed
    result = CliRunner().invoke(cli, ["render", "m.argmap", "-o", "m.html"])
    assert result.exit_code != 0 or "the secret words" not in Path("m.html").read_text("utf-8")
