"""`argmap new ESSAY`: a map to start from (argmap.scaffold): the header, then the essay's
sentences as numbered comments with their hedges and argument markers noted.

Exit status: 0 the map was written; 2 the essay cannot be read, the map already exists (it is
never written over) or cannot be written.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from argmap.cli.common import EXIT_OK, EXIT_USAGE
from argmap.cli.fmt import unreadable_reason
from argmap.loader import read_map_text
from argmap.scaffold import scaffold, source_path

STDOUT = "-"


@click.command()
@click.argument("essay", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    metavar="MAP",
    help="where to write the map; '-' for stdout [default: ESSAY with .argmap]",
)
def new(essay: str, output: str | None) -> None:
    """Start a map of an essay: its title and source, then its sentences as numbered comments,
    each with the hedges and argument markers it contains. An existing file is never
    written over."""
    essay_file = Path(essay)
    destination = None if output == STDOUT else Path(output or essay_file.with_suffix(".argmap"))
    if destination is not None and os.path.lexists(destination):
        _fail(f"'{destination}' already exists: not writing over it (choose another -o)")
    try:
        text = read_map_text(essay_file)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        _fail(f"cannot read the essay '{essay}': {unreadable_reason(exc)}")
    folder = Path.cwd() if destination is None else destination.parent
    map_text = scaffold(text, essay_name=essay_file.name, source=source_path(essay_file, folder))
    if destination is None:
        click.echo(map_text, nl=False)
        sys.exit(EXIT_OK)
    _write_new(destination, map_text.encode("utf-8"))
    next_step = f"write its thesis, then `argmap check {destination}`"
    click.echo(f"wrote {destination}: {next_step}", err=True)
    sys.exit(EXIT_OK)


def _write_new(path: Path, data: bytes) -> None:
    """Create the file, failing if it exists (even one made a moment ago); a failed write
    leaves no part of it behind."""
    try:
        with open(path, "xb") as stream:
            try:
                stream.write(data)
            except BaseException:
                stream.close()
                with contextlib.suppress(OSError):
                    os.unlink(path)
                raise
    except FileExistsError:
        _fail(f"'{path}' already exists: not writing over it (choose another -o)")
    except OSError as exc:
        _fail(f"cannot write '{path}': {exc.strerror or exc}")


def _fail(message: str) -> NoReturn:
    click.echo(f"argmap new: {message}", err=True)
    sys.exit(EXIT_USAGE)
