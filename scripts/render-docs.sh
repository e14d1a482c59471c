#!/usr/bin/env bash
# Redraw the drawings in docs/ from their maps: the flagship op-ed (shown in the README and in
# docs/rendering.md) and the visual vocabulary. Run it after changing the renderer or the maps,
# and commit the SVGs with the change.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x .venv/bin/argmap ] || bash scripts/setup.sh
.venv/bin/argmap render maps/north-korea-russia-us.argmap -o docs/north-korea-russia-us.svg
.venv/bin/argmap render docs/rendering-vocabulary.argmap -o docs/rendering-vocabulary.svg
