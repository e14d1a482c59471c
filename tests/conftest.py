"""Shared test fixtures, the hypothesis profiles, and the `needs_dot` marker.

Hypothesis runs the `quick` profile locally (few examples: the whole suite stays under a
minute) and the `thorough` one where the CI variable is set; HYPOTHESIS_PROFILE=thorough (or
quick) chooses one by name. Property tests take their number of examples from the profile.

A test marked `@pytest.mark.needs_dot` runs Graphviz's `dot`. Where `dot` is not installed it
is skipped with the reason; but in CI (the CI variable set) it must run, so there a missing
`dot` fails the test loudly instead of quietly skipping it. `@pytest.mark.needs_browser` is
the same for Chromium at /usr/bin/chromium and Python's playwright, which drives it (the
HTML page's tests in a real browser; scripts/setup.sh installs both).
"""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("quick", max_examples=30, deadline=None)
settings.register_profile("thorough", max_examples=500, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("thorough" if os.environ.get("CI") else "quick")
)

FIXTURES = Path(__file__).parent / "fixtures"

MISSING_DOT = "Graphviz's 'dot' is not on PATH (install it: apt-get install graphviz)"


BROWSER = "/usr/bin/chromium"
MISSING_BROWSER = (
    f"Chromium is not at {BROWSER}, or playwright is not installed "
    "(run scripts/setup.sh: apt-get install chromium, pip install -e '.[dev]')"
)


def _browser_missing() -> bool:
    if not os.access(BROWSER, os.X_OK):
        return True
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return True
    return False


MISSING_NPM = "Node.js's 'npm' is not on PATH (Argdown 1.7.5 is installed with it)"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_argdown: the test runs Argdown 1.7.5 (npm installs it in .cache/argdown)"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("needs_argdown") is not None and shutil.which("npm") is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so this test must run, but {MISSING_NPM}", pytrace=False)
        pytest.skip(f"needs_argdown: {MISSING_NPM}")
    if item.get_closest_marker("needs_browser") is not None and _browser_missing():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so this test must run, but {MISSING_BROWSER}", pytrace=False)
        pytest.skip(f"needs_browser: {MISSING_BROWSER}")
    if item.get_closest_marker("needs_dot") is None or shutil.which("dot") is not None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set, so this test must run, but {MISSING_DOT}", pytrace=False)
    pytest.skip(f"needs_dot: {MISSING_DOT}")


@pytest.fixture
def fixtures_dir() -> Path:
    """tests/fixtures: whole maps for the parser tests (not the examples in maps/)."""
    return FIXTURES


@pytest.fixture
def write_map(tmp_path: Path) -> Callable[..., Path]:
    """Write a dedented map (and, optionally, its source essay) into a fresh folder.

    `write_map(text)` -> the map's path; `write_map(text, source="...")` also writes
    essay.txt beside it (the map must say `source: essay.txt` to use it).
    """

    def write(text: str, name: str = "example.argmap", source: str | None = None) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        if source is not None:
            (tmp_path / "essay.txt").write_text(source, encoding="utf-8")
        return path

    return write


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether `--update-golden` asks the golden tests to rewrite their files, not compare.

    tests/test_render_golden/conftest.py registers the option (pytest reads it at start-up when
    it runs tests/ or that folder); run with only a module outside it, the option is unknown
    and the golden files are compared, never rewritten.
    """
    return bool(request.config.getoption("--update-golden", default=False))
