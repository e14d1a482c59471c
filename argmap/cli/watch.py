"""`argmap watch FILE [-o OUT]`: check the map (and redraw it) on every save.

One round is `Watcher.on_change`: load the map, print its diagnostics as `argmap check` does,
and, with `-o`, draw it to OUT, atomically. A save that breaks the map keeps the last good
drawing and says why. The map's essay (`source:`) is watched too. `watch_until_stopped` is the
loop around it: file events from watchfiles, for the folders of the files watched; Ctrl-C ends
it (exit 0).

Exit status: 0 when stopped with Ctrl-C; 2 for a usage error (no such map, an output format
that cannot be told, an output that would replace the map or its essay).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import click
import watchfiles

from argmap.analysis import Analysis
from argmap.cli.common import (
    EXIT_OK,
    essay_anywhere_option,
    lines_of,
    refuse_to_overwrite_inputs,
    use_colour,
)
from argmap.cli.printing import format_human, format_summary
from argmap.cli.render import EXTENSIONS
from argmap.diagnostics import Diagnostic
from argmap.files import same_file, write_atomic
from argmap.loader import Loaded, load
from argmap.render import RenderError, render
from argmap.render.html import refreshing
from argmap.render.options import Format, RenderOptions
from argmap.words import plural


@dataclass(frozen=True)
class Outcome:
    """What one round did: the diagnostics found, whether OUT was drawn anew, and, when it was
    not, why the last good drawing was kept."""

    diagnostics: tuple[Diagnostic, ...]
    drawn: bool = False
    kept_because: str | None = None


def render_output(analysis: Analysis, output_format: Format, essay: str | None = None) -> bytes:
    """The one step from a checked map to the bytes of the output file. An HTML page shows
    the essay beside the map, and reloads itself while the watch runs."""
    drawn = render(analysis, RenderOptions(format=output_format), essay=essay)
    return refreshing(drawn) if output_format == "html" else drawn


def output_format_for(output: Path) -> Format:
    """The format an output's suffix asks for; a usage error for one that is not drawn."""
    suffix = output.suffix.lower()
    if suffix not in EXTENSIONS:
        known = ", ".join(EXTENSIONS)
        raise click.UsageError(f"cannot tell the format from '{output}': end it in {known}")
    return EXTENSIONS[suffix]


class Watcher:
    """The map, the output, and what the last round found: `on_change` is one round."""

    def __init__(
        self,
        map_file: Path,
        output: Path | None = None,
        *,
        essay_anywhere: bool = False,
        say: Callable[[str], None] = click.echo,
        colour: bool = False,
    ) -> None:
        self.map_file = map_file
        self.output = output
        self.output_format = None if output is None else output_format_for(output)
        self.essay_anywhere = essay_anywhere
        self.say = say
        self.colour = colour
        self.essay_file: Path | None = None
        self.last_drawn: str | None = None  # the time of the last good drawing

    @property
    def watched(self) -> frozenset[Path]:
        """The files whose change starts a round: the map and the essay it quotes."""
        files = {self.map_file, *([self.essay_file] if self.essay_file else [])}
        return frozenset(Path(os.path.realpath(path)) for path in files)

    def wants(self, _change: watchfiles.Change, path: str) -> bool:
        """watchfiles' filter: only the files watched, not their neighbours (nor OUT)."""
        return Path(path) in self.watched

    def on_change(self, changed: Iterable[Path] = ()) -> Outcome:
        """One round: check the map, print what was found, draw it to OUT when it has no
        errors (otherwise keep the last good drawing, and say why)."""
        names = ", ".join(sorted(path.name for path in changed)) or "start"
        self.say(f"[{time.strftime('%H:%M:%S')}] {names}: checking {self.map_file}")
        loaded = load(self.map_file, essay_anywhere=self.essay_anywhere)
        self.essay_file = loaded.essay_path
        self._print(loaded)
        diagnostics = tuple(loaded.diagnostics)
        if self.output is None or self.output_format is None:
            return Outcome(diagnostics)
        why = self._why_not_drawn(loaded)
        if why is None:
            assert loaded.analysis is not None  # load() analyses every map without errors
            try:
                data = render_output(loaded.analysis, self.output_format, loaded.essay.text)
                write_atomic(self.output, data)
            except (RenderError, OSError) as exc:
                why = f"it could not be drawn: {exc}"
            else:
                self.last_drawn = time.strftime("%H:%M:%S")
                self.say(f"drew {self.map_file} to {self.output}")
                return Outcome(diagnostics, drawn=True)
        kept = (
            f"kept the drawing of {self.last_drawn} in {self.output}"
            if self.last_drawn
            else f"{self.output} is not drawn yet"
        )
        self.say(f"{kept}: {why}")
        return Outcome(diagnostics, kept_because=why)

    def _print(self, loaded: Loaded) -> None:
        lines = lines_of([loaded])
        for diagnostic in loaded.diagnostics:
            self.say(format_human(diagnostic, lines, self.colour))
            self.say("")
        self.say(format_summary(loaded.diagnostics, 1))

    def _why_not_drawn(self, loaded: Loaded) -> str | None:
        errors = [d for d in loaded.diagnostics if d.is_error]
        if errors:
            return f"the map has {plural(len(errors), 'error')}"
        assert self.output is not None
        if loaded.essay_path is not None and same_file(self.output, loaded.essay_path):
            return f"{self.output} is the essay the map quotes"
        return None


def watch_until_stopped(watcher: Watcher, stop: threading.Event | None = None) -> None:
    """Run a round at once, then one for every change to the files watched, until `stop` is
    set (or Ctrl-C, which raises KeyboardInterrupt). When the map's `source:` names another
    essay, the watch moves to it."""
    watcher.on_change()
    while stop is None or not stop.is_set():
        watched = watcher.watched
        folders = sorted({path.parent for path in watched if path.parent.is_dir()})
        for changes in watchfiles.watch(
            *folders, watch_filter=watcher.wants, recursive=False, stop_event=stop
        ):
            watcher.on_change({Path(path) for _change, path in changes})
            if watcher.watched != watched:
                break  # a new essay: watch its folder
        else:
            return  # stopped


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", metavar="OUT", help="draw the map here on every good save")
@click.option("--no-color", is_flag=True, help="never colour the output")
@essay_anywhere_option
def watch(file: str, output: str | None, no_color: bool, essay_anywhere: bool) -> None:
    """Check a map on every save (of it or of its essay), and with -o redraw it: a save that
    breaks the map keeps the last good drawing. Ctrl-C stops."""
    map_file = Path(file)
    destination = None if output is None else Path(output)
    watcher = Watcher(
        map_file, destination, essay_anywhere=essay_anywhere, colour=use_colour(no_color)
    )
    if destination is not None:
        if same_file(map_file, destination):
            raise click.UsageError(f"refusing to write the drawing over the map itself ('{file}')")
        refuse_to_overwrite_inputs(destination, load(map_file, essay_anywhere=essay_anywhere))
    try:
        watch_until_stopped(watcher)
    except KeyboardInterrupt:
        click.echo(f"stopped watching {file}", err=True)
    sys.exit(EXIT_OK)
