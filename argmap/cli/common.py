"""What the commands share: exit statuses and reading source lines for excerpts."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from argmap.analysis import resolve
from argmap.loader import Loaded

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
UNREADABLE = "E100"


def use_colour(no_color: bool) -> bool:
    return not no_color and sys.stdout.isatty()


def lines_of(loaded: Sequence[Loaded]) -> dict[str, list[str]]:
    lines: dict[str, list[str]] = {}
    for result in loaded:
        path = result.map.path
        if path is None:
            continue
        try:
            with open(path, encoding="utf-8-sig") as handle:  # no BOM, as the reader
                # the reader's own line breaks ("\r\n" and "\r" read as "\n"), not
                # splitlines(), which also breaks at form feeds and Unicode separators
                lines[path] = handle.read().split("\n")
        except (OSError, UnicodeDecodeError):
            continue
    return lines


def selectors(
    _context: click.Context, _parameter: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    """--select/--ignore values: codes, prefixes or finding names, comma-separated or repeated,
    resolved to codes and prefixes."""
    resolved: list[str] = []
    for value in values:
        for part in value.split(","):
            if not part.strip():
                continue
            code = resolve(part)
            if code is None:
                raise click.BadParameter(
                    f"'{part.strip()}' is not a code, a prefix of codes or a finding's name "
                    "(see docs/diagnostics.md)"
                )
            resolved.append(code)
    return tuple(resolved)
