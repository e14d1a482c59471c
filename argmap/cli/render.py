"""`argmap render FILE`: draw a map with Graphviz, its weak links flagged."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    essay_anywhere_option,
    exit_for_errors,
    refuse_to_overwrite_inputs,
    write_output,
)
from argmap.files import same_file
from argmap.loader import load
from argmap.render import RenderError, render
from argmap.render.options import (
    DETAILS,
    DIRECTIONS,
    FORMATS,
    THEME_NAMES,
    Depth,
    Detail,
    DirectionChoice,
    Format,
    RenderOptions,
    UnknownFocusError,
    parse_depth,
    spelled,
)
from argmap.words import plural

DEFAULTS = RenderOptions()

EXTENSIONS: dict[str, Format] = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".html": "html",
    ".htm": "html",
}
_BINARY = ("png", "pdf")


def _depth(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Depth:
    """--depth: a number of steps, or "all"."""
    if value is None:
        return None
    try:
        return parse_depth(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", metavar="OUT", help="where to write; '-' for stdout [default: FILE with .svg]"
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    help=f"{spelled(FORMATS)} [default: from OUT's extension, else {DEFAULTS.format}]",
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
    type=click.Choice(DIRECTIONS),
    default=DEFAULTS.direction,
    show_default=True,
    help="where the thesis is: TB top, BT bottom, LR left; auto: TB, LR for a big map",
)
@click.option(
    "--theme",
    type=click.Choice(THEME_NAMES),
    default=DEFAULTS.theme,
    show_default=True,
    help="print: black on white, readable in grayscale",
)
@click.option(
    "--detail",
    type=click.Choice(DETAILS),
    default=DEFAULTS.detail,
    show_default=True,
    help="compact: one line a statement (auto: for big maps)",
)
@click.option("--no-color", is_flag=True, help="never colour the error messages")
@essay_anywhere_option
def render_command(
    file: str,
    output: str | None,
    output_format: Format | None,
    no_flags: bool,
    focus: str | None,
    depth: Depth,
    direction: DirectionChoice,  # each as its click.Choice allows
    theme: str,
    detail: Detail,
    no_color: bool,
    essay_anywhere: bool,
) -> None:
    """Draw a map as SVG, PNG, PDF or DOT, with its weak links flagged; or make the HTML
    page that shows the essay beside the map and the findings (-o map.html).

    A map with errors is not drawn: its errors are printed, as `argmap check` prints them.
    """
    chosen_format, destination = _destination(file, output, output_format)
    loaded = load(file, essay_anywhere=essay_anywhere)
    if destination is not None:
        refuse_to_overwrite_inputs(destination, loaded)
    if loaded.has_errors:
        exit_for_errors(loaded, no_color, "draw it")
    assert loaded.analysis is not None  # load() analyses every map without errors
    options = RenderOptions(
        format=chosen_format,
        flags=not no_flags,
        focus=focus,
        depth=depth,
        direction=direction,
        theme=theme,
        detail=detail,
    )
    try:
        data = render(loaded.analysis, options, essay=loaded.essay.text)
    except UnknownFocusError as exc:
        raise click.UsageError(
            f"there is no statement '{exc.focus}' in {file}{exc.did_you_mean}"
        ) from None
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
    findings = len(loaded.analysis.findings) if options.flags else 0
    flagged = f", {plural(findings, 'finding')} flagged" if findings else ""
    click.echo(f"drew {file} to {destination}{flagged}", err=True)
    sys.exit(EXIT_OK)


def _destination(
    file: str, output: str | None, output_format: Format | None
) -> tuple[Format, Path | None]:
    """The format and the path to write (None: stdout); a usage error when they cannot be
    told or the output would overwrite the map."""
    if output == "-":
        return output_format or DEFAULTS.format, None
    chosen: Format | None
    if output is None:
        chosen = output_format or DEFAULTS.format
        path = Path(file).with_suffix(f".{chosen}")
    else:
        path = Path(output)
        chosen = output_format or EXTENSIONS.get(path.suffix.lower())
        if chosen is None:
            known = ", ".join(EXTENSIONS)
            raise click.UsageError(
                f"cannot tell the format from '{output}': give --format, or end it in {known}"
            )
    if same_file(Path(file), path):
        raise click.UsageError(f"refusing to write the drawing over the map itself ('{file}')")
    if path.is_dir():
        raise click.UsageError(f"'{path}' is a directory: give a file name with -o")
    return chosen, path
