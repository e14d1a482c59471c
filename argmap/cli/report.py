"""`argmap report FILE`: the coach's report on a map (or, `--for student`, the student's one
page), as text, Markdown or JSON."""

from __future__ import annotations

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
from argmap.loader import load
from argmap.report import AUDIENCES, FORMATS, report_for


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
    "--for",
    "audience",
    type=click.Choice(list(AUDIENCES)),
    default="coach",
    show_default=True,
    help="; ".join(f"{name}: {what}" for name, what in AUDIENCES.items()),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="write the report to this file (replaced whole, never half-written); '-': stdout",
)
@click.option("--no-color", is_flag=True, help="never colour the errors")
@essay_anywhere_option
def report(
    file: str,
    output_format: str,
    audience: str,
    output: str | None,
    no_color: bool,
    essay_anywhere: bool,
) -> None:
    """Report on a map as a debate coach would: the support of each thesis and the status of
    each link, the weak links and how to mend them, what each conclusion claims against what
    its support gives, the standing of each statement, and the open critical questions.
    `--for student`: one page to hand back, in the student's words.

    A map with errors gets no report: the errors are printed and the status is 1."""
    destination = None if output in (None, "-") else Path(output)
    loaded = load(file, essay_anywhere=essay_anywhere)
    if destination is not None:
        refuse_to_overwrite_inputs(destination, loaded)
    if loaded.has_errors:
        exit_for_errors(loaded, no_color, "get a report")
    assert loaded.analysis is not None  # a map without errors is analysed by load()
    text = report_for(loaded.analysis, audience, output_format)
    if destination is None:
        click.echo(text, nl=False)
        sys.exit(EXIT_OK)
    write_output(destination, text.encode("utf-8"), "report")
    click.echo(f"report written to {output}", err=True)
    sys.exit(EXIT_OK)
