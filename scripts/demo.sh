#!/usr/bin/env bash
# Set everything up, check the flagship map and draw it to out/north-korea-russia-us.svg.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
map=maps/north-korea-russia-us.argmap
mkdir -p out
# Warnings are the point of the flagship (its weak links); only errors stop the demo.
.venv/bin/argmap check "$map"
.venv/bin/argmap render "$map" -o out/north-korea-russia-us.svg
echo "Open out/north-korea-russia-us.svg in a browser; hover a box or a line for its text and findings."
echo "The coach's report: .venv/bin/argmap report $map"
