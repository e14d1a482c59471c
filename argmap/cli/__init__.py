"""The `argmap` command: a thin layer over the library. Parse options, call, print, exit.
One module a command (check, render, report, ...); this one holds the group and `main`.

Exit status: 0 no errors (warnings allowed), 1 errors (or warnings with --strict),
2 usage errors and unreadable files.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import click

from argmap.cli.common import EXIT_OK, EXIT_USAGE
from argmap.model import ArgumentMap


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="argmap")
def cli() -> None:
    """argmap: argument maps as code. Write an essay's reasoning in a .argmap file; check it,
    report on it and draw it."""


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a map (the shape of the parsed model as JSON)."""
    click.echo(json.dumps(ArgumentMap.model_json_schema(), indent=2))


def _register_commands() -> None:
    # Each command lives in its own module and is added here, in the order --help lists them.
    from argmap.cli.check import check
    from argmap.cli.questions import questions
    from argmap.cli.render import render_command
    from argmap.cli.report import report

    cli.add_command(check)
    cli.add_command(report)
    cli.add_command(questions)
    cli.add_command(render_command, name="render")


_register_commands()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status (tests call this in-process)."""
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None, prog_name="argmap", standalone_mode=False
        )
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    return result if isinstance(result, int) else EXIT_OK


def entry_point() -> None:
    sys.exit(main())
