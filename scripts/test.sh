#!/usr/bin/env bash
# Set everything up, then run the checks CI runs: lint, types, and the whole test suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
echo "== ruff"; .venv/bin/ruff check argmap tests benchmarks; .venv/bin/ruff format --check argmap tests benchmarks
echo "== mypy"; .venv/bin/mypy
echo "== import layers"; .venv/bin/lint-imports --no-cache
echo "== argmap fmt"; .venv/bin/argmap fmt --check maps docs/*.argmap
echo "== pytest"; .venv/bin/pytest -q "$@"
