"""`argmap check FILE...`: every problem in the maps, compiler-style, as JSON or as SARIF."""

from __future__ import annotations

import sys

import click

from argmap.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    UNREADABLE,
    essay_anywhere_option,
    lines_of,
    selectors,
    use_colour,
)
from argmap.cli.printing import format_human, format_json, format_sarif, format_summary
from argmap.codes import matches
from argmap.diagnostics import Diagnostic, Severity
from argmap.loader import Loaded, load
from argmap.words import plural


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "sarif"]),
    default="text",
    show_default=True,
    help="text for people; json: one array on stdout; sarif: a SARIF 2.1.0 log on stdout",
)
@click.option("--strict", is_flag=True, help="warnings count as errors for the exit status")
@click.option(
    "--select",
    multiple=True,
    callback=selectors,
    metavar="CODES",
    help="report only these findings: codes, prefixes or names (W101,W2,overclaim); "
    "errors are always reported",
)
@click.option(
    "--ignore",
    multiple=True,
    callback=selectors,
    metavar="CODES",
    help="leave out these findings: codes, prefixes or names, comma-separated or repeated",
)
@click.option(
    "--sort",
    type=click.Choice(["position", "impact"]),
    default="position",
    show_default=True,
    help="position: file order; impact: what costs the thesis most first (errors still first)",
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="also print the infos (open critical questions, a source's questions), which are "
    "left out unless asked for (or selected: --select I)",
)
@click.option("--no-color", is_flag=True, help="never colour the output")
@essay_anywhere_option
def check(
    files: tuple[str, ...],
    output_format: str,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    sort: str,
    verbose: bool,
    no_color: bool,
    essay_anywhere: bool,
) -> None:
    """Check maps and report every problem with its position: errors, then the analysis's
    findings for maps without errors. Infos are printed with --verbose (or --select I)."""
    loaded = [load(path, essay_anywhere=essay_anywhere) for path in files]
    infos = verbose or any(selector.startswith("I") for selector in select)
    diagnostics: list[Diagnostic] = []
    hidden = 0
    for result in loaded:
        chosen = [d for d in result.diagnostics if _wanted(d, select, ignore)]
        if not infos:
            hidden += sum(1 for d in chosen if d.severity is Severity.INFO)
            chosen = [d for d in chosen if d.severity is not Severity.INFO]
        diagnostics += _sorted(chosen, result, sort)
    if output_format == "json":
        click.echo(format_json(diagnostics))
    elif output_format == "sarif":
        click.echo(format_sarif(diagnostics))
    else:
        lines = lines_of(loaded)
        colour = use_colour(no_color)
        for diagnostic in diagnostics:
            click.echo(format_human(diagnostic, lines, colour))
            click.echo()
        summary = format_summary(diagnostics, len(files))
        if hidden:
            summary += f" ({plural(hidden, 'info')} not shown: --verbose shows them)"
        click.echo(summary, err=True)
    sys.exit(_exit_status(diagnostics, strict))


def _sorted(diagnostics: list[Diagnostic], loaded: Loaded, sort: str) -> list[Diagnostic]:
    """A map's diagnostics in the order asked for: by position, or its errors first and then
    its findings by what they cost the thesis (argmap.analysis.impact)."""
    if sort != "impact" or loaded.analysis is None:
        return diagnostics
    errors = [d for d in diagnostics if d.is_error]
    return errors + loaded.analysis.ranked(d for d in diagnostics if not d.is_error)


def _wanted(diagnostic: Diagnostic, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    if diagnostic.is_error:
        return True
    if select and not matches(diagnostic.code, select):
        return False
    return not matches(diagnostic.code, ignore)


def _exit_status(diagnostics: list[Diagnostic], strict: bool) -> int:
    if any(d.code == UNREADABLE for d in diagnostics):
        return EXIT_USAGE
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(d.severity in failing for d in diagnostics) else EXIT_OK
