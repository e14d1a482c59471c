"""`argmap import FILE --from aif|argdown`: a map from another format, as .argmap text."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, use_colour, write_output
from argmap.cli.printing import format_human
from argmap.diagnostics import sort_key
from argmap.files import same_file
from argmap.interop import import_aif, import_argdown, print_map

SOURCES = ("aif", "argdown")


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--from", "source", type=click.Choice(SOURCES), required=True, help="the format")
@click.option("-o", "--output", metavar="OUT", help="the .argmap to write [default: stdout]")
@click.option("--no-color", is_flag=True, help="never colour the messages")
def import_command(file: str, source: str, output: str | None, no_color: bool) -> None:
    """Read an AIF JSON (OVA, AIFdb) or an Argdown file and write it as an argmap map.

    What cannot be carried over is named in a warning on stderr; a file that cannot be read
    is an error (exit 1; 2 when the file cannot be opened).
    """
    destination = None if output in (None, "-") else Path(output)
    if destination is not None and same_file(destination, Path(file)):
        raise click.UsageError(
            f"refusing to write over the file read ('{file}'): choose another -o"
        )
    try:
        text = Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "it is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
        click.echo(f"argmap import: cannot read '{file}': {reason or exc}", err=True)
        sys.exit(EXIT_USAGE)
    reader = import_aif if source == "aif" else import_argdown
    argument_map, diagnostics = reader(text, file)
    lines = {file: text.splitlines()}
    colour = use_colour(no_color, "stderr")
    for problem in sorted(diagnostics, key=sort_key):
        click.echo(format_human(problem, lines, colour), err=True)
    if any(d.is_error for d in diagnostics):
        sys.exit(EXIT_FINDINGS)
    result = print_map(argument_map)
    if destination is None:
        click.echo(result, nl=False)
    else:
        write_output(destination, result.encode("utf-8"), "import")
        count = len(argument_map.statements)
        click.echo(f"imported {file} to {destination} ({count} statements)", err=True)
    sys.exit(EXIT_OK)
