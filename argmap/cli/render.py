"""`argmap render FILE`: draw a map with Graphviz, its weak links flagged."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from argmap.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    exit_for_errors,
    refuse_to_overwrite_inputs,
    write_output,
)
from argmap.files import same_file
from argmap.loader import load
from argmap.render import FORMATS, RenderError, render

EXTENSIONS: dict[str, str] = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
}
_BINARY = ("png", "pdf")


def _depth(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | str | None:
    """--depth: a number of steps, or "all"."""
    if value is None:
        return None
    text = value.strip().lower()
    if text == "all":
        return "all"
    if text.isdigit():
        return int(text)
    raise click.BadParameter(f"{value!r} is not a number of steps or 'all'")


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", metavar="OUT", help="where to write; '-' for stdout [default: FILE with .svg]"
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    help="svg, png, pdf or dot [default: from OUT's extension, else svg]",
)
@click.option("--no-flags", is_flag=True, help="draw the plain map, without the findings")
@click.option("--focus", metavar="ID", help="draw only the part of the map around this statement")
@click.option(
    "--depth",
    metavar="N|all",
    callback=_depth,
    help="steps down to draw (from --focus, or the thesis); 'all': a big map whole",
)
@click.option(
    "--direction",
    type=click.Choice(["auto", "TB", "BT", "LR"]),
    default="auto",
    show_default=True,
    help="where the thesis is: TB top, BT bottom, LR left; auto: TB, LR for a big map",
)
@click.option(
    "--theme",
    type=click.Choice(["default", "print"]),
    default="default",
    show_default=True,
    help="print: black on white, readable in grayscale",
)
@click.option(
    "--detail",
    type=click.Choice(["auto", "full", "compact"]),
    default="auto",
    show_default=True,
    help="compact: one line a statement (auto: for big maps)",
)
@click.option("--no-color", is_flag=True, help="never colour the error messages")
def render_command(
    file: str,
    output: str | None,
    output_format: str | None,
    no_flags: bool,
    focus: str | None,
    depth: int | str | None,
    direction: str,
    theme: str,
    detail: str,
    no_color: bool,
) -> None:
    """Draw a map as SVG, PNG, PDF or DOT, with its weak links flagged.

    A map with errors is not drawn: its errors are printed, as `argmap check` prints them.
    """
    chosen_format, destination = _destination(file, output, output_format)
    loaded = load(file)
    if destination is not None:
        refuse_to_overwrite_inputs(destination, loaded)
    if loaded.has_errors:
        exit_for_errors(loaded, no_color, "draw it")
    if focus is not None and loaded.map.statement(focus) is None:
        ids = [s.id for s in loaded.map.statements]
        close = difflib.get_close_matches(focus, ids, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise click.UsageError(f"there is no statement '{focus}' in {file}{hint}")
    try:
        data = render(
            loaded.map,
            chosen_format,
            flags=not no_flags,
            focus=focus,
            depth=depth,  # type: ignore[arg-type]
            direction=direction,
            theme=theme,
            detail=detail,
            findings=[d for d in loaded.diagnostics if not d.is_error],  # analysed by load()
        )
    except RenderError as exc:
        click.echo(f"argmap render: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if destination is None:
        if chosen_format in _BINARY and sys.stdout.isatty():
            raise click.UsageError(
                f"not writing {chosen_format.upper()} to a terminal: use -o FILE"
            )
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        sys.exit(EXIT_OK)
    write_output(destination, data, "render")
    findings = sum(1 for d in loaded.diagnostics if not d.is_error) if not no_flags else 0
    flagged = f", {findings} finding{'s' if findings != 1 else ''} flagged" if findings else ""
    click.echo(f"drew {file} to {destination}{flagged}", err=True)
    sys.exit(EXIT_OK)


def _destination(
    file: str, output: str | None, output_format: str | None
) -> tuple[str, Path | None]:
    """The format and the path to write (None: stdout); a usage error when they cannot be
    told or the output would overwrite the map."""
    if output == "-":
        return output_format or "svg", None
    if output is None:
        chosen = output_format or "svg"
        path = Path(file).with_suffix(f".{chosen}")
    else:
        path = Path(output)
        chosen = output_format or EXTENSIONS.get(path.suffix.lower(), "")
        if not chosen:
            known = ", ".join(EXTENSIONS)
            raise click.UsageError(
                f"cannot tell the format from '{output}': give --format, or end it in {known}"
            )
    if same_file(Path(file), path):
        raise click.UsageError(f"refusing to write the drawing over the map itself ('{file}')")
    if path.is_dir():
        raise click.UsageError(f"'{path}' is a directory: give a file name with -o")
    return chosen, path
