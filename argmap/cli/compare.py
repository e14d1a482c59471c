"""`argmap compare KEY OTHER`: two maps of one essay compared, as text, Markdown or JSON."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from argmap.cli.common import (
    EXIT_OK,
    essay_anywhere_option,
    exit_for_errors,
    refuse_to_overwrite_inputs,
    write_output,
)
from argmap.compare import FORMATS, compare, format_comparison
from argmap.loader import Loaded, load


@click.command()
@click.argument("key", type=click.Path(dir_okay=False))
@click.argument("other", type=click.Path(dir_okay=False))
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
    type=click.Path(dir_okay=False, allow_dash=True),
    help="write the comparison to this file (replaced whole, never half-written); '-': stdout",
)
@click.option("--no-color", is_flag=True, help="never colour the errors")
@essay_anywhere_option
def compare_command(
    key: str,
    other: str,
    output_format: str,
    output: str | None,
    no_color: bool,
    essay_anywhere: bool,
) -> None:
    """Compare OTHER (a student's map) with KEY (the coach's map) of the same essay: the
    units found, missed and added, the relations that agree, are reversed, point elsewhere or
    have the opposite polarity, the theses, the hedges read differently, and a score.

    Units are matched by the passages their quotes mark in the key's essay, never by ids.
    Maps with errors are not compared: the errors are printed and the status is 1."""
    destination = None if output in (None, "-") else Path(output)
    key_loaded = load(key, essay_anywhere=essay_anywhere)
    other_loaded = load(other, essay_anywhere=essay_anywhere)
    if destination is not None:
        refuse_to_overwrite_inputs(destination, key_loaded)
        refuse_to_overwrite_inputs(destination, other_loaded)
    if key_loaded.has_errors or other_loaded.has_errors:
        exit_for_errors([key_loaded, other_loaded], no_color, "compare")
    essay = key_loaded.essay.text
    if not _same_essay(key_loaded, other_loaded):
        click.echo(
            f"argmap compare: warning: the maps quote different essays "
            f"({_source(key_loaded)} and {_source(other_loaded)}), so their units are matched "
            "by their words only",
            err=True,
        )
        essay = None
    text = format_comparison(compare(key_loaded.map, other_loaded.map, essay), output_format)
    if destination is None:
        click.echo(text, nl=False)
        sys.exit(EXIT_OK)
    write_output(destination, text.encode("utf-8"), "compare")
    click.echo(f"comparison written to {output}", err=True)
    sys.exit(EXIT_OK)


def _same_essay(first: Loaded, second: Loaded) -> bool:
    if first.essay_path is None or second.essay_path is None:
        return first.essay_path is None and second.essay_path is None
    return os.path.realpath(first.essay_path) == os.path.realpath(second.essay_path)


def _source(loaded: Loaded) -> str:
    source = loaded.map.header.source
    return f"'{source}'" if source is not None else "none"
