"""Time the HTML page of a big map in headless Chromium: a generated map of 1,000 arguments,
each statement quoting its sentence of a generated essay.

    .venv/bin/python benchmarks/bench_html.py [--arguments 1000] [--clicks 20] [--keep DIR]

Prints a table: building the page (parse, analyse, rank the findings, draw, write), its size,
the time from opening the file to the page being ready (its script run), and a click's round trip
(a passage clicked until its box is selected), median and worst. The target: open in under
two seconds, and clicks that feel instant. Not a timed test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from generate import synthetic_map

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from html_support import ARGS, CHROMIUM  # the browser tests' Chromium, launched the same way

from argmap import parse
from argmap.render import RenderOptions, render

_STATEMENT = re.compile(r"^(\w+) ([\w-]+)(?: \[[^\]]*\])?: (.*)$")


def with_essay(map_text: str) -> tuple[str, str]:
    """The map with a `source:` and a quote on every statement, and the essay it quotes."""
    lines, sentences = ["source: essay.txt"], []
    for line in map_text.splitlines():
        lines.append(line)
        found = _STATEMENT.match(line)
        if found and found[1] != "title":
            sentences.append(found[3])
            lines.append(f'  quote: "{found[3]}"')
    paragraphs = [" ".join(sentences[i : i + 6]) for i in range(0, len(sentences), 6)]
    return "\n".join(lines) + "\n", "\n\n".join(paragraphs) + "\n"


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--arguments", type=int, default=1000)
    options.add_argument("--clicks", type=int, default=20)
    options.add_argument("--keep", type=Path, help="write the map, essay and page here")
    args = options.parse_args(argv)
    from playwright.sync_api import sync_playwright

    map_text, essay = with_essay(synthetic_map(args.arguments))
    folder = args.keep or Path(tempfile.mkdtemp(prefix="argmap-bench-html-"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "essay.txt").write_text(essay, "utf-8")
    start = time.perf_counter()
    loaded = parse(map_text, str(folder / "generated.argmap"))
    if loaded.analysis is None:
        print("the generated map has errors:", *loaded.diagnostics[:5], sep="\n", file=sys.stderr)
        return 1
    parsed = time.perf_counter() - start
    ranked_at = time.perf_counter()
    loaded.analysis.ranked()  # the findings' impacts, worked out once (the page reuses them)
    ranking = time.perf_counter() - ranked_at
    page = render(loaded.analysis, RenderOptions(format="html"), essay=loaded.essay.text)
    out = folder / "generated.html"
    out.write_bytes(page)
    build = time.perf_counter() - start

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        tab.goto(out.as_uri())
        tab.wait_for_selector("body.ready")
        opened = time.perf_counter() - start
        ids = tab.eval_on_selector_all(
            ".essay .passage[data-statement]", "els => els.map(e => e.dataset.statement)"
        )
        step = max(1, len(ids) // args.clicks)
        rounds = []
        for statement in ids[::step][: args.clicks]:
            rounds.append(
                tab.evaluate(
                    """id => {
                        const mark = document.querySelector(
                            '.essay .passage[data-statement="' + CSS.escape(id) + '"]');
                        const t0 = performance.now();
                        mark.click();
                        const box = document.querySelector('.map g.selected');
                        void document.body.offsetHeight;  // the layout after the change
                        return [performance.now() - t0, box !== null];
                    }""",
                    statement,
                )
            )
        browser.close()
    times = [ms for ms, _ in rounds]
    drawn = sum(1 for _, found in rounds if found)
    print(
        f"{args.arguments} arguments: {len(loaded.map.statements)} statements, "
        f"{len(ids)} passages, {len(loaded.analysis.findings)} findings, "
        f"page {len(page) // 1024} KiB"
    )
    print(f"{'step':<44} {'value':>10}")
    print(f"{'build the page (parse .. write), in all':<44} {build:>9.2f}s")
    print(f"{'  of which parse + validate + analyse':<44} {parsed:>9.2f}s")
    print(f"{'  of which Analysis.ranked() (impacts)':<44} {ranking:>9.2f}s")
    print(f"{'  of which draw + the page':<44} {build - parsed - ranking:>9.2f}s")
    print(f"{'open in headless Chromium until ready':<44} {opened:>9.2f}s")
    print(f"{'click a passage -> selected, median':<44} {statistics.median(times):>8.1f}ms")
    print(f"{'click a passage -> selected, worst':<44} {max(times):>8.1f}ms")
    print(f"{'clicks whose box is drawn (default view)':<44} {drawn:>7}/{len(rounds)}")
    print(f"target: open under 2 s: {'met' if opened < 2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
