"""`argmap fmt FILE...`: rewrite maps in the one canonical layout (argmap.syntax.formatted).

A folder stands for the `*.argmap` files in it and below it (hidden folders left out); `-`
reads standard input and writes the formatted text to standard output. A map with syntax
errors is never touched: its errors are printed as `argmap check` prints them.

Exit status: 0 every map formatted (or already so); 1 a map has syntax errors, or, with
--check or --diff, a map would change; 2 a file that cannot be read or written, or a usage
error.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from argmap.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, lines_of, use_colour
from argmap.cli.printing import format_human
from argmap.files import write_atomic
from argmap.loader import Loaded, read_map_text
from argmap.model import ArgumentMap
from argmap.syntax import Formatted, formatted
from argmap.words import plural

STDIN = "-"
MAP_SUFFIX = ".argmap"


@dataclass
class _Tally:
    """What happened to the files, for the summary line and the exit status."""

    changed: int = 0
    unchanged: int = 0
    with_errors: int = 0
    unreadable: int = 0

    def exit_status(self, only_looking: bool) -> int:
        if self.unreadable:
            return EXIT_USAGE
        if self.with_errors or (only_looking and self.changed):
            return EXIT_FINDINGS
        return EXIT_OK


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--check", is_flag=True, help="change nothing; exit 1 if a map would change")
@click.option("--diff", is_flag=True, help="change nothing; print what would change, as a diff")
@click.option("--no-color", is_flag=True, help="never colour the error messages")
def fmt(paths: tuple[str, ...], check: bool, diff: bool, no_color: bool) -> None:
    """Rewrite maps in the canonical layout, keeping every comment, escape and quote mark.

    PATHS are map files, folders (their *.argmap files, searched below too) or '-' for standard
    input. A map with syntax errors is left as it is, and its errors are printed.
    """
    tally = _Tally()
    colour = use_colour(no_color, "stderr")
    for path in _map_files(paths):
        if path is None:
            _format_stdin(tally, colour)
            continue
        name = str(path)
        try:
            text = read_map_text(path)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            tally.unreadable += 1
            click.echo(f"argmap fmt: cannot read '{name}': {unreadable_reason(exc)}", err=True)
            continue
        result = formatted(text, name)
        if result.errors:
            tally.with_errors += 1
            _print_errors(result, name, colour)
        elif not result.changed:
            tally.unchanged += 1
        elif diff or check:
            tally.changed += 1
            if diff:
                click.echo(unified_diff(result, name), nl=False)
            else:
                click.echo(f"would reformat {name}")
        elif _write(path, result.text):
            tally.changed += 1
            click.echo(f"reformatted {name}", err=True)
        else:
            tally.unreadable += 1
    click.echo(_summary(tally, check or diff), err=True)
    sys.exit(tally.exit_status(check or diff))


def _map_files(paths: tuple[str, ...]) -> Iterator[Path | None]:
    """Each path given, a folder as its map files in order; None for standard input."""
    for given in paths:
        if given == STDIN:
            yield None
            continue
        path = Path(given)
        if not path.is_dir():
            yield path  # a missing file is reported when it is read
            continue
        found = sorted(
            candidate
            for candidate in path.rglob(f"*{MAP_SUFFIX}")
            if candidate.is_file()
            and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
        )
        if not found:
            click.echo(f"argmap fmt: no {MAP_SUFFIX} files in '{given}'", err=True)
        yield from found


def _format_stdin(tally: _Tally, colour: bool) -> None:
    """Standard input to standard output: formatted, or as it was when it has errors."""
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        tally.unreadable += 1
        click.echo(f"argmap fmt: cannot read standard input: {unreadable_reason(exc)}", err=True)
        return
    result = formatted(text, "<stdin>")
    if result.errors:
        tally.with_errors += 1
        _print_errors(result, "<stdin>", colour)
    elif result.changed:
        tally.changed += 1
    else:
        tally.unchanged += 1
    click.echo(result.text, nl=False)


def unified_diff(result: Formatted, name: str) -> str:
    """What formatting changes, as a unified diff of the file with itself."""
    lines = difflib.unified_diff(
        result.original.splitlines(keepends=True),
        result.text.splitlines(keepends=True),
        fromfile=name,
        tofile=name,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _print_errors(result: Formatted, name: str, colour: bool) -> None:
    lines = lines_of([Loaded(ArgumentMap(path=name), list(result.errors), result.original)])
    for error in result.errors:
        click.echo(format_human(error, lines, colour), err=True)
        click.echo(err=True)
    count = plural(len(result.errors), "syntax error")
    click.echo(f"left {name} as it is: {count} to fix first", err=True)


def _write(path: Path, text: str) -> bool:
    """Replace the file whole (atomically); False, with a message, when it cannot be."""
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        click.echo(f"argmap fmt: cannot write '{path}': {exc.strerror or exc}", err=True)
        return False
    return True


def unreadable_reason(exc: Exception) -> str:
    """Why a file could not be read, in plain words (`read_map_text`'s exceptions)."""
    if isinstance(exc, UnicodeDecodeError):
        return "it is not UTF-8 text"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return "that cannot be the name of a file"


def _summary(tally: _Tally, only_looking: bool) -> str:
    done = "would be reformatted" if only_looking else "reformatted"
    parts = [
        f"{plural(tally.changed, 'map')} {done}",
        f"{tally.unchanged} already formatted",
    ]
    if tally.with_errors:
        parts.append(f"{tally.with_errors} left as written (syntax errors)")
    if tally.unreadable:
        parts.append(f"{tally.unreadable} not readable or writable")
    return ", ".join(parts)
