#!/usr/bin/env bash
# Set everything up, check the flagship map and draw it to out/north-korea-russia-us.svg.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
map=maps/north-korea-russia-us.argmap
mkdir -p out
.venv/bin/argmap check "$map"
if .venv/bin/argmap --help | grep -q '^  render'; then
  .venv/bin/argmap render "$map" -o out/north-korea-russia-us.svg
  echo "drawn: out/north-korea-russia-us.svg (open it in a browser)"
fi
