"""`argmap export FILE --to json|aif|argdown`: the map in another format."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from argmap.cli.common import EXIT_OK, exit_for_errors, refuse_to_overwrite_inputs, write_output
from argmap.interop import export_aif_text, export_argdown, export_json
from argmap.loader import load

FORMATS = ("json", "aif", "argdown")


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--to", "target", type=click.Choice(FORMATS), required=True, help="the format")
@click.option("-o", "--output", metavar="OUT", help="where to write [default: stdout]")
@click.option("--no-color", is_flag=True, help="never colour the error messages")
def export(file: str, target: str, output: str | None, no_color: bool) -> None:
    """Write a map as JSON (the model), AIF JSON (for OVA and AIFdb) or Argdown.

    A map with errors is not exported: its errors are printed, as `argmap check` prints them.
    docs/interop.md says what each format keeps and what it loses.
    """
    loaded = load(file)
    destination = None if output in (None, "-") else Path(output)
    if destination is not None:
        refuse_to_overwrite_inputs(destination, loaded)
    if loaded.has_errors:
        exit_for_errors(loaded, no_color, "export it")
    if target == "json":
        text = export_json(loaded.map)
    elif target == "aif":
        text = export_aif_text(loaded.map, datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S"))
    else:
        text = export_argdown(loaded.map)
    if destination is None:
        click.echo(text, nl=False)
        sys.exit(EXIT_OK)
    write_output(destination, text.encode("utf-8"), "export")
    click.echo(f"exported {file} to {destination} ({target})", err=True)
    sys.exit(EXIT_OK)
