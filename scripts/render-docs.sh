#!/usr/bin/env bash
# Redraw the pictures in docs/ from their maps: the flagship op-ed (shown in the README and in
# docs/rendering.md), the visual vocabulary, and the screenshot of the flagship's HTML page
# (docs/html-page.png). Run it after changing the renderer, the page or the maps, and commit
# the pictures with the change.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x .venv/bin/argmap ] || bash scripts/setup.sh
.venv/bin/argmap render maps/north-korea-russia-us.argmap -o docs/north-korea-russia-us.svg
.venv/bin/argmap render docs/rendering-vocabulary.argmap -o docs/rendering-vocabulary.svg

# The HTML page of the flagship (docs/html.md), and its screenshot, taken in headless
# Chromium (Debian's /usr/bin/chromium, as the browser tests use) at #cheap-labor: a passage
# and its box selected, its finding shown. The page itself is not committed: it is made
# from the map by `argmap render ... -o op-ed.html` whenever it is wanted.
page=$(mktemp -d)/op-ed.html
.venv/bin/argmap render maps/north-korea-russia-us.argmap -o "$page"
.venv/bin/python - "$page" docs/html-page.png <<'PY'
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
with sync_playwright() as driver:
    browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    tab = browser.new_page(viewport={"width": 1400, "height": 860})
    tab.goto(Path(sys.argv[1]).resolve().as_uri() + "#cheap-labor")
    tab.wait_for_selector("body.ready")
    tab.screenshot(path=sys.argv[2])
    browser.close()
PY
rm -f "$page"
