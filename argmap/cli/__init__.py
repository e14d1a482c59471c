"""The `argmap` command: a thin layer over the library. Parse options, call, print, exit.
One module a command (check, render, report, ...); this one holds the group and `main`.

Exit status: 0 no errors (warnings allowed), 1 errors (or warnings with --strict),
2 usage errors and unreadable files.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Sequence

import click

from argmap import __version__

# Exit statuses (argmap.cli.common has them too; importing it here would load the whole
# pipeline for `--version` and `--help`).
EXIT_OK, EXIT_USAGE = 0, 2

# Each command lives in its own module, imported only when it runs (or when --help lists it):
# `argmap --version` loads click and nothing of the pipeline. In the order --help lists them.
_COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("argmap.cli.new", "new"),
    "check": ("argmap.cli.check", "check"),
    "fmt": ("argmap.cli.fmt", "fmt"),
    "report": ("argmap.cli.report", "report"),
    "questions": ("argmap.cli.questions", "questions"),
    "render": ("argmap.cli.render", "render_command"),
    "watch": ("argmap.cli.watch", "watch"),
    "compare": ("argmap.cli.compare", "compare_command"),
    "export": ("argmap.cli.export", "export"),
    "import": ("argmap.cli.import_map", "import_command"),
}


# Set by `entry_point` for a command that reads its files once and ends: its blocks are not
# kept for a re-reading (argmap.syntax.cache.keep_blocks), which would only add to its peak.
# In-process callers (tests, a Python user's `main`) keep them, as `watch` does.
_reads_once = False


class _LazyGroup(click.Group):
    """A group whose commands are imported when they are looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*_COMMANDS, *super().list_commands(ctx)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _COMMANDS:
            module, attribute = _COMMANDS[cmd_name]
            command = getattr(importlib.import_module(module), attribute)
            assert isinstance(command, click.Command)
            if _reads_once:
                # imported with the command, which reads maps (not before: --version reads none)
                from argmap.syntax.cache import keep_blocks

                keep_blocks(False)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
# the version as the package states it (importlib.metadata would cost more than the rest)
@click.version_option(__version__, package_name="argmap", prog_name="argmap")
def cli() -> None:
    """argmap: argument maps as code. Write an essay's reasoning in a .argmap file; check it,
    report on it and draw it."""


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a map (the shape of the parsed model as JSON)."""
    import json

    from argmap.model import ArgumentMap

    click.echo(json.dumps(ArgumentMap.model_json_schema(), indent=2))


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
    # One command, then the process ends: the cyclic collector would only walk, again and
    # again, the map's objects that all live until then (a 5,000-argument check: 3.3 s to
    # 2.7 s). Reference counting still frees what is not a cycle. `watch` runs for hours, so
    # it keeps the collector.
    global _reads_once
    if "watch" not in sys.argv[1:2]:
        gc.disable()
        _reads_once = True
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
