"""What the commands share: exit statuses, printing a map's errors, writing output files."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from argmap.cli.printing import format_human, format_summary
from argmap.codes import resolve
from argmap.files import same_file, write_atomic
from argmap.loader import Loaded

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
UNREADABLE = "E100"


def use_colour(no_color: bool, stream: str = "stdout") -> bool:
    """Colour only on a terminal: the one that `stream` ("stdout" or "stderr") goes to."""
    target = sys.stderr if stream == "stderr" else sys.stdout
    return not no_color and target.isatty()


def exit_for_errors(loaded: Loaded | Sequence[Loaded], no_color: bool, command: str) -> NoReturn:
    """A map with errors gets no report, drawing or questions: print its errors (every map's,
    when a command reads several) as `argmap check` does, on stderr, then one summary, and
    exit 1 (2 when a map could not be read)."""
    maps = [loaded] if isinstance(loaded, Loaded) else list(loaded)
    errors = [d for result in maps for d in result.diagnostics if d.is_error]
    lines = lines_of(maps)
    colour = use_colour(no_color, "stderr")
    for diagnostic in errors:
        click.echo(format_human(diagnostic, lines, colour), err=True)
        click.echo(err=True)
    unreadable = any(d.code == UNREADABLE for d in errors)
    if not unreadable:
        click.echo(f"{format_summary(errors, len(maps))}; fix the errors to {command}", err=True)
    sys.exit(EXIT_USAGE if unreadable else EXIT_FINDINGS)


def refuse_to_overwrite_inputs(output: Path, loaded: Loaded) -> None:
    """An output never replaces what was read: the map, or the essay its quotes come from."""
    inputs = [("the map", loaded.map.path), ("the essay the map quotes", loaded.essay_path)]
    for what, path in inputs:
        if path is not None and same_file(output, Path(path)):
            raise click.UsageError(f"refusing to write over {what} ('{path}'): choose another -o")


def write_output(path: Path, data: bytes, command: str) -> None:
    """Write an output file atomically; a failure is a message and exit status 2, and leaves
    any existing file as it was."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        click.echo(f"argmap {command}: cannot write '{path}': {exc.strerror or exc}", err=True)
        sys.exit(EXIT_USAGE)


def lines_of(loaded: Sequence[Loaded]) -> dict[str, list[str]]:
    """Each map's lines, for the excerpts under messages (from the text already read)."""
    return {result.map.path: result.lines for result in loaded if result.map.path is not None}


def essay_anywhere_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--essay-anywhere: read a `source:` essay even outside the map's and the current
    folder's trees (refused by default: a map from someone else could point anywhere)."""
    return click.option(
        "--essay-anywhere",
        is_flag=True,
        help="read the map's source: essay even outside the map's and the current folder",
    )(command)


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
