"""`argmap report FILE`: the coach's report on a map, as text, Markdown or JSON."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from argmap.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UNREADABLE, lines_of, use_colour
from argmap.loader import Loaded, load
from argmap.printing import format_human, format_summary
from argmap.report import FORMATS, build_report, format_report


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="text for a terminal, markdown to hand back, json for tools",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="write the report to this file (replaced whole, never half-written) instead of stdout",
)
@click.option("--no-color", is_flag=True, help="never colour the errors")
def report(file: str, output_format: str, output: str | None, no_color: bool) -> None:
    """Report on a map as a debate coach would: the support of each thesis and the status of
    each link, the weak links and how to mend them, what each conclusion claims against what
    its support gives, the standing of each statement, and the open critical questions.

    A map with errors gets no report: the errors are printed and the status is 1."""
    loaded = load(file)
    if loaded.has_errors:
        sys.exit(_print_errors(loaded, no_color))
    text = format_report(build_report(loaded.map, loaded.diagnostics), output_format)
    if output is None:
        click.echo(text, nl=False)
        sys.exit(EXIT_OK)
    if _same_file(Path(output), Path(file)):
        raise click.BadParameter("the report would overwrite the map itself", param_hint="-o")
    write_atomically(Path(output), text)
    click.echo(f"report written to {output}", err=True)
    sys.exit(EXIT_OK)


def _print_errors(loaded: Loaded, no_color: bool) -> int:
    errors = [d for d in loaded.diagnostics if d.is_error]
    lines = lines_of([loaded])
    for diagnostic in errors:
        click.echo(format_human(diagnostic, lines, use_colour(no_color)), err=True)
        click.echo(err=True)
    click.echo(format_summary(errors, 1) + "; fix the errors to get a report", err=True)
    return EXIT_USAGE if any(d.code == UNREADABLE for d in errors) else EXIT_FINDINGS


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve() or (
            first.exists() and second.exists() and first.samefile(second)
        )
    except OSError:
        return False


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename, so that
    a reader never sees half a file and a failure leaves the old file as it was."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
