#!/usr/bin/env bash
# Set up a working copy of argmap on Debian/Ubuntu (or macOS with Homebrew):
#   Graphviz's `dot`, Chromium (for the browser tests), Python >= 3.11 with venv, and .venv
#   holding argmap and its dev tools.
# Safe to run again: each step is skipped when it is already done.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "need root to run: $*"; return 1
  fi
}

apt_updated=""
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then return 1; fi
  if [ -z "$apt_updated" ]; then
    say "updating the package lists (apt-get update)"
    as_root apt-get update -qq
    apt_updated=yes
  fi
  say "installing $* (apt-get)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# 1. Graphviz's dot draws the maps.
if ! command -v dot >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    apt_install graphviz fonts-dejavu-core
  elif command -v brew >/dev/null 2>&1; then
    say "installing graphviz (brew)"; brew install graphviz
  else
    say "Graphviz's dot is missing: install it (apt install graphviz, or brew install graphviz)"
    exit 1
  fi
fi

# 2. Chromium runs the browser tests of the HTML page (tests/test_html_browser.py, driven by
#    playwright with executable_path=/usr/bin/chromium, so playwright downloads no browser).
#    Debian's package is the real browser; Ubuntu's apt "chromium" is a shim for the snap,
#    which may not work in a container, so there a missing /usr/bin/chromium is said plainly.
if [ ! -x /usr/bin/chromium ]; then
  # (the policy is read whole first: grep -q would stop reading, and pipefail fail the test)
  candidate=$(apt-cache policy chromium 2>/dev/null || true)
  if command -v apt-get >/dev/null 2>&1 && [[ "$candidate" == *"Candidate: "[0-9]* ]]; then
    apt_install chromium fonts-dejavu-core || say "could not install chromium: the browser tests will be skipped (and fail in CI)"
  else
    say "no chromium package here: install Chromium at /usr/bin/chromium for the browser tests"
    say "(Debian: apt-get install chromium; they are skipped without it, and fail in CI)"
  fi
  if [ -e /usr/bin/chromium ] && ! /usr/bin/chromium --version >/dev/null 2>&1; then
    say "/usr/bin/chromium does not run (a snap shim?): the browser tests need a real Chromium"
  fi
fi

# 3. A Python of at least 3.11 that can make virtual environments.
python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; }
find_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}
if ! PY=$(find_python); then
  apt_install python3 python3-venv || true
  PY=$(find_python) || { say "argmap needs Python 3.11 or newer (Debian 12+, Ubuntu 24.04+)"; exit 1; }
fi
if ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  version=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  apt_install "python${version}-venv" || apt_install python3-venv
fi

# 4. The virtual environment, with argmap installed in it (editable) and its dev tools.
if [ ! -x .venv/bin/python ] || ! python_ok .venv/bin/python; then
  say "creating .venv with $PY"
  rm -rf .venv
  "$PY" -m venv .venv
fi
stamp=.venv/.argmap-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  say "installing argmap and its dev tools into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
  touch "$stamp"
fi
chromium_version=$( [ -x /usr/bin/chromium ] && /usr/bin/chromium --version 2>/dev/null || echo "no chromium")
say "ready: $(.venv/bin/argmap --version), $(dot -V 2>&1), ${chromium_version}"
