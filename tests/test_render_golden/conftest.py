"""`pytest --update-golden`: rewrite the golden DOT files in tests/golden/ from the current
renderer, then review the change with `git diff tests/golden`.

The option lives here, not in tests/conftest.py, and this folder's name starts with "test"
because pytest registers command-line options only from the conftest files it reads at start-up:
the one in tests/ and those in tests/test*/.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*.dot from the current renderer (then review the diff)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
