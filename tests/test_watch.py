"""`argmap watch`: one round (`Watcher.on_change`) tested directly — check, print, draw, keep
the last good drawing when a save breaks the map, watch the essay too — and the real watcher
once, in a subprocess that is edited and stopped with Ctrl-C (bounded: it never hangs)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import click
import pytest
import watchfiles
from click.testing import CliRunner

import argmap.cli.watch
from argmap.cli import cli
from argmap.cli.watch import Watcher, output_format_for

ESSAY = "Russia and North Korea are allies. They signed a treaty.\n"
MAP = textwrap.dedent(
    """\
    source: essay.txt

    thesis allies: Russia and North Korea are allies.
      quote: "Russia and North Korea are allies"
    premise treaty [accepted]: They signed a treaty.
      quote: "They signed a treaty"
    allies <- treaty
      scheme: sign
    """
)
BROKEN = MAP + "allies <- missing\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    (tmp_path / "essay.txt").write_text(ESSAY, encoding="utf-8")
    return tmp_path


def watcher_of(folder: Path, output: str | None = "m.dot") -> tuple[Watcher, list[str]]:
    said: list[str] = []
    out = None if output is None else folder / output
    return Watcher(folder / "m.argmap", out, say=said.append), said


def test_a_round_checks_prints_and_draws(folder: Path) -> None:
    watcher, said = watcher_of(folder)
    outcome = watcher.on_change()
    assert outcome.drawn and outcome.kept_because is None
    assert "digraph" in (folder / "m.dot").read_text(encoding="utf-8")
    assert said[0].endswith(f"start: checking {folder / 'm.argmap'}")
    assert any(line.startswith("1 file checked: 0 errors") for line in said)
    assert said[-1] == f"drew {folder / 'm.argmap'} to {folder / 'm.dot'}"


def test_a_save_that_breaks_the_map_keeps_the_last_good_drawing_and_says_why(
    folder: Path,
) -> None:
    watcher, said = watcher_of(folder)
    watcher.on_change()
    drawn = (folder / "m.dot").read_bytes()
    (folder / "m.argmap").write_text(BROKEN, encoding="utf-8")
    outcome = watcher.on_change([folder / "m.argmap"])
    assert not outcome.drawn and outcome.kept_because == "the map has 1 error"
    assert [d.code for d in outcome.diagnostics] == ["E202"]
    assert (folder / "m.dot").read_bytes() == drawn
    assert any("error[E202]: 'missing' is not defined" in line for line in said)
    assert said[-1].startswith("kept the drawing of ")
    assert said[-1].endswith(f"in {folder / 'm.dot'}: the map has 1 error")
    (folder / "m.argmap").write_text(MAP + "premise extra [accepted]: More.\n", encoding="utf-8")
    assert watcher.on_change([folder / "m.argmap"]).drawn
    assert "extra" in (folder / "m.dot").read_text(encoding="utf-8")


def test_a_broken_map_before_any_good_one_says_nothing_is_drawn_yet(folder: Path) -> None:
    (folder / "m.argmap").write_text(BROKEN, encoding="utf-8")
    watcher, said = watcher_of(folder)
    assert watcher.on_change().kept_because == "the map has 1 error"
    assert said[-1] == f"{folder / 'm.dot'} is not drawn yet: the map has 1 error"
    assert not (folder / "m.dot").exists()


def test_without_an_output_a_round_only_checks(folder: Path) -> None:
    watcher, said = watcher_of(folder, output=None)
    outcome = watcher.on_change()
    assert not outcome.drawn and outcome.kept_because is None
    assert not any(line.startswith("drew") for line in said)


def test_the_essay_is_watched_too_and_its_change_rechecks_the_quotes(folder: Path) -> None:
    watcher, _said = watcher_of(folder)
    watcher.on_change()
    essay = Path(os.path.realpath(folder / "essay.txt"))
    assert watcher.watched == {Path(os.path.realpath(folder / "m.argmap")), essay}
    assert watcher.wants(watchfiles.Change.modified, str(essay))
    assert not watcher.wants(watchfiles.Change.modified, os.path.realpath(folder / "m.dot"))
    (folder / "essay.txt").write_text("Nothing of the kind.\n", encoding="utf-8")
    outcome = watcher.on_change([essay])
    assert {d.code for d in outcome.diagnostics} == {"E302"}
    assert not outcome.drawn


def test_the_output_suffix_says_the_format_and_others_are_refused() -> None:
    assert output_format_for(Path("m.svg")) == "svg"
    assert output_format_for(Path("m.gv")) == "dot"
    assert output_format_for(Path("m.html")) == "html"
    with pytest.raises(click.UsageError, match="cannot tell the format"):
        output_format_for(Path("m.txt"))


def test_an_html_output_shows_the_essay_and_reloads_itself(folder: Path) -> None:
    watcher, _said = watcher_of(folder, "m.html")
    assert watcher.on_change().drawn
    page = (folder / "m.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "data-statement=" in page  # the essay's passages, marked


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.argmap"], "does not exist"),
        (["m.dot", "-o", "m.dot"], "over the map itself"),
        (["m.argmap", "-o", "essay.txt"], "cannot tell the format"),
    ],
)
def test_usage_errors_are_exit_2(
    folder: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(folder)
    (folder / "m.dot").write_text(MAP, encoding="utf-8")  # a map with an odd name
    result = CliRunner().invoke(cli, ["watch", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_an_output_that_is_the_essay_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    (folder / "m.argmap").write_text(MAP.replace("essay.txt", "essay.dot"), encoding="utf-8")
    (folder / "essay.dot").write_text(ESSAY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["watch", "m.argmap", "-o", "essay.dot"])
    assert result.exit_code == 2 and "refusing to write over the essay" in result.output
    assert (folder / "essay.dot").read_text(encoding="utf-8") == ESSAY


def test_ctrl_c_ends_it_cleanly(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_watcher: Watcher) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(argmap.cli.watch, "watch_until_stopped", interrupted)
    result = CliRunner().invoke(cli, ["watch", str(folder / "m.argmap")])
    assert result.exit_code == 0
    assert result.stderr == f"stopped watching {folder / 'm.argmap'}\n"


# ---- the real watcher, in a subprocess --------------------------------------------------------

DEADLINE = 20.0  # seconds for each thing to happen; far more than it takes


def eventually(happened: Callable[[], bool], edit: Callable[[], None]) -> bool:
    """Make the edit, again every half second (the watcher may not be watching yet), until
    what should follow has happened or the deadline has passed."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        edit()
        for _ in range(5):
            if happened():
                return True
            time.sleep(0.1)
    return False


def test_the_real_watcher_redraws_on_save_and_stops_on_ctrl_c(folder: Path) -> None:
    log = folder / "watch.log"
    out = folder / "m.dot"
    command = [sys.executable, "-c", "from argmap.cli import entry_point; entry_point()"]
    with open(log, "w", encoding="utf-8") as stream:
        process = subprocess.Popen(
            [*command, "watch", "m.argmap", "-o", "m.dot"],
            cwd=folder,
            stdout=stream,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        assert eventually(out.exists, lambda: None), log.read_text(encoding="utf-8")
        extended = MAP + "premise extra [accepted]: One more reason.\nallies <- extra\n"
        assert eventually(
            lambda: "extra" in out.read_text(encoding="utf-8"),
            lambda: (folder / "m.argmap").write_text(extended, encoding="utf-8"),
        ), log.read_text(encoding="utf-8")
        assert eventually(
            lambda: "the map has 2 errors" in log.read_text(encoding="utf-8"),
            lambda: (folder / "essay.txt").write_text("Nothing of the kind.\n", encoding="utf-8"),
        ), log.read_text(encoding="utf-8")
        assert "extra" in out.read_text(encoding="utf-8")  # the last good drawing is kept
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=DEADLINE) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=DEADLINE)
    text = log.read_text(encoding="utf-8")
    assert "stopped watching m.argmap" in text
    assert "Traceback" not in text
