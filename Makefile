# The commands people run. Each works on a fresh clone: setup comes first where it is needed.
# (The README's two commands, scripts/demo.sh and scripts/test.sh, need no make.)
.PHONY: setup demo test lint format bench golden docs-svg

setup:
	bash scripts/setup.sh

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

lint: setup
	.venv/bin/ruff check argmap tests benchmarks
	.venv/bin/ruff format --check argmap tests benchmarks
	.venv/bin/mypy
	.venv/bin/lint-imports --no-cache

format: setup
	.venv/bin/ruff format argmap tests benchmarks
	.venv/bin/ruff check --fix argmap tests benchmarks

# The table of docs/performance.md (with Argdown's numbers where Node and npm are installed);
# the older per-stage scripts after it.
bench: setup
	.venv/bin/python benchmarks/bench.py
	.venv/bin/python benchmarks/bench_parse.py
	.venv/bin/python benchmarks/bench_analysis.py
	.venv/bin/python benchmarks/bench_render.py
	.venv/bin/python benchmarks/bench_html.py

# Rewrite the golden files (the DOT drawings, the reports) from the current code;
# review `git diff tests/golden`.
golden: setup
	.venv/bin/pytest -q tests/test_render_golden tests/test_report_golden.py tests/test_compare.py --update-golden

# Redraw the SVGs under docs/ (the README's pictures among them) and the HTML page's screenshot.
docs-svg: setup
	bash scripts/render-docs.sh
