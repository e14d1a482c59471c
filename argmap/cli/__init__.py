"""The `argmap` command: a thin layer over the library. Parse options, call, print, exit.
One module a command (check, render, report, ...); this one holds the group and `main`.

Exit status: 0 no errors (warnings allowed), 1 errors (or warnings with --strict),
2 usage errors and unreadable files.
"""

from __future__ import annotations

import contextlib
import json
import os
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
    from argmap.cli.compare import compare_command
    from argmap.cli.export import export
    from argmap.cli.fmt import fmt
    from argmap.cli.import_map import import_command
    from argmap.cli.new import new
    from argmap.cli.questions import questions
    from argmap.cli.render import render_command
    from argmap.cli.report import report
    from argmap.cli.watch import watch

    cli.add_command(new)
    cli.add_command(check)
    cli.add_command(fmt)
    cli.add_command(report)
    cli.add_command(questions)
    cli.add_command(render_command, name="render")
    cli.add_command(watch)
    cli.add_command(compare_command, name="compare")
    cli.add_command(export)
    cli.add_command(import_command, name="import")


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
    except OSError as exc:
        # Standard output could not be written: a closed pipe, a full disk. Output files are
        # handled where they are written; this is what is left.
        _say_on_stderr(f"argmap: cannot write the output: {exc.strerror or exc}")
        return EXIT_USAGE
    return result if isinstance(result, int) else EXIT_OK


def _say_on_stderr(message: str) -> None:
    with contextlib.suppress(OSError):
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


def entry_point() -> None:
    status = main()
    # Flush now, while a failure can still be reported, rather than at interpreter exit.
    try:
        sys.stdout.flush()
    except OSError as exc:
        _say_on_stderr(f"argmap: cannot write the output: {exc.strerror or exc}")
        status = EXIT_USAGE
        # Point stdout at nothing so that the interpreter's own final flush stays quiet.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(status)
