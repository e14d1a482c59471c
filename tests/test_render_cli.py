"""`argmap render`, run in-process: formats, output paths, exit statuses, safe writes and a
machine without Graphviz."""

from __future__ import annotations

import hashlib
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import argmap
from argmap import files
from argmap.cli import cli
from argmap.cli.render import render_command
from argmap.render import DotNotFoundError, RenderError, RenderOptions
from argmap.render.options import DETAILS, DIRECTIONS, FORMATS, THEME_NAMES

GOOD = """
title: A small map
thesis t: The thesis.
evidence e: The evidence.
  cite: A report
t <- e
"""

BROKEN = """
thesis t: The thesis.
t <- missing
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["render", *args], catch_exceptions=False)


@pytest.fixture
def good(write_map: Callable[..., Path]) -> Path:
    return write_map(GOOD, name="small.argmap")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---- formats and where they go ----------------------------------------------------------------


@pytest.mark.needs_dot
def test_the_default_output_is_the_map_path_with_svg(good: Path) -> None:
    result = run(str(good))
    assert result.exit_code == 0, result.output
    svg = good.with_suffix(".svg")
    ET.fromstring(svg.read_bytes())
    assert f"to {svg}" in result.stderr


@pytest.mark.needs_dot
@pytest.mark.parametrize(
    ("name", "magic"),
    [("out.svg", b"<?xml"), ("out.png", b"\x89PNG"), ("out.pdf", b"%PDF"), ("out.dot", b"//")],
)
def test_the_format_follows_the_extension(good: Path, name: str, magic: bytes) -> None:
    out = good.parent / name
    assert run(str(good), "-o", str(out)).exit_code == 0
    assert out.read_bytes().startswith(magic)


@pytest.mark.needs_dot
def test_format_overrides_the_extension(good: Path) -> None:
    out = good.parent / "drawing.txt"
    assert run(str(good), "-o", str(out), "--format", "png").exit_code == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    assert run(str(good), "--format", "pdf").exit_code == 0
    assert good.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_dash_writes_to_stdout(good: Path) -> None:
    result = run(str(good), "-o", "-", "--format", "dot")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"// drawn by argmap render\ndigraph argmap {")
    assert not list(good.parent.glob("*.dot"))


@pytest.mark.needs_dot
def test_dash_writes_svg_to_stdout_by_default(good: Path) -> None:
    result = run(str(good), "-o", "-")
    assert result.exit_code == 0
    ET.fromstring(result.stdout_bytes)


def test_an_unknown_extension_needs_a_format(good: Path) -> None:
    result = run(str(good), "-o", str(good.parent / "drawing.txt"))
    assert result.exit_code == 2
    assert "cannot tell the format" in result.stderr


def test_the_map_itself_is_never_the_output(good: Path) -> None:
    before = digest(good)
    for args in (
        ["-o", str(good), "--format", "svg"],
        ["-o", f"{good.parent}/./{good.name}", "--format", "dot"],
    ):
        result = run(str(good), *args)
        assert result.exit_code == 2
        assert "over the map itself" in result.stderr
    assert digest(good) == before


# ---- maps that cannot be drawn ----------------------------------------------------------------


def test_a_map_with_errors_is_not_drawn(write_map: Callable[..., Path]) -> None:
    broken = write_map(BROKEN, name="broken.argmap")
    result = run(str(broken), "--format", "dot")
    assert result.exit_code == 1
    assert "error[E202]" in result.stderr
    assert "'missing' is not defined" in result.stderr or "missing" in result.stderr
    assert "fix the errors to draw it" in result.stderr
    assert not broken.with_suffix(".dot").exists()


def test_an_unreadable_map_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nowhere.argmap"), "--format", "dot")
    assert result.exit_code == 2
    assert "E100" in result.stderr


def test_an_unknown_focus_suggests_the_nearest_id(write_map: Callable[..., Path]) -> None:
    path = write_map("thesis brotherhood: B.\n", name="focus.argmap")
    result = run(str(path), "--focus", "brotherhod", "--format", "dot", "-o", "-")
    assert result.exit_code == 2
    assert "did you mean 'brotherhood'?" in result.stderr


def test_depth_takes_a_number_or_all(good: Path) -> None:
    assert run(str(good), "--depth", "all", "--format", "dot", "-o", "-").exit_code == 0
    assert run(str(good), "--depth", "2", "--format", "dot", "-o", "-").exit_code == 0
    assert run(str(good), "--depth", "deep", "--format", "dot", "-o", "-").exit_code == 2


@pytest.mark.parametrize(
    ("depth", "said"),
    [
        ("²", "'²' is not a number of steps or 'all'"),  # str.isdigit takes it, int() does not
        ("-1", "'-1' is not a number of steps or 'all'"),
        ("9" * 4301, "4301 digits is too many steps"),  # beyond int()'s 4,300 digits
    ],
    ids=["superscript", "negative", "4301-digits"],
)
def test_a_depth_that_is_not_a_number_of_steps_is_a_usage_error(
    good: Path, depth: str, said: str
) -> None:
    result = CliRunner().invoke(cli, ["render", str(good), "--depth", depth, "-o", "-"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and said in result.stderr


def test_a_depth_of_4300_digits_is_drawn(good: Path) -> None:
    result = run(str(good), "--depth", "9" * 4300, "--format", "dot", "-o", "-")
    assert result.exit_code == 0, result.stderr


def test_the_choices_are_those_of_render_options() -> None:
    params = {p.name: p for p in render_command.params}
    for name, choices in [("output_format", FORMATS), ("direction", DIRECTIONS),
                          ("theme", THEME_NAMES), ("detail", DETAILS)]:  # fmt: skip
        assert tuple(params[name].type.choices) == choices  # type: ignore[attr-defined]
    defaults = RenderOptions()
    assert (params["direction"].default, params["theme"].default, params["detail"].default) == (
        defaults.direction, defaults.theme, defaults.detail
    )  # fmt: skip


def test_the_command_hands_the_renderer_the_analysis_of_load(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def again(*_args: object) -> None:
        raise AssertionError("the map was analysed twice")

    # load() runs the analysis through its own name for it; the renderer would use these.
    monkeypatch.setattr(argmap.analysis, "analyse", again)
    monkeypatch.setattr(argmap.analysis, "standing", again)
    result = run(str(good), "-o", "-", "--format", "dot")
    assert result.exit_code == 0 and "finding-" in result.stdout


def test_options_reach_the_drawing(good: Path) -> None:
    source = run(
        str(good), "-o", "-", "--format", "dot", "--direction", "LR", "--theme", "print",
        "--no-flags",
    ).stdout  # fmt: skip
    assert "rankdir=RL" in source
    assert "#2e7d32" not in source  # the default theme's evidence green
    assert "finding-" not in source


# ---- writing safely ---------------------------------------------------------------------------


def test_a_failed_render_leaves_the_old_output_untouched(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = good.parent / "out.svg"
    out.write_bytes(b"<svg>the old drawing</svg>")
    map_before, out_before = digest(good), digest(out)

    def broken_layout(source: str, output_format: str) -> bytes:
        raise RenderError("Graphviz's dot failed: simulated")

    monkeypatch.setattr(argmap.render, "layout", broken_layout)
    result = run(str(good), "-o", str(out))
    assert result.exit_code == 2
    assert "simulated" in result.stderr
    assert digest(out) == out_before and digest(good) == map_before
    assert sorted(p.name for p in good.parent.iterdir()) == ["out.svg", "small.argmap"]


def test_a_failed_write_leaves_the_old_output_and_no_temporary_file(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = good.parent / "out.dot"
    out.write_bytes(b"old")

    def full_disk(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = run(str(good), "-o", str(out))
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in good.parent.iterdir()) == ["out.dot", "small.argmap"]


def test_a_rewrite_keeps_the_output_permissions(good: Path) -> None:
    out = good.parent / "shared.dot"
    out.write_bytes(b"old")
    out.chmod(0o644)
    assert run(str(good), "-o", str(out)).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o644
    assert out.read_bytes().startswith(b"// drawn by argmap")


def test_write_atomic_replaces_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "drawing.svg"
    files.write_atomic(target, b"first")
    files.write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["drawing.svg"]


# ---- without Graphviz -------------------------------------------------------------------------


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.mark.parametrize("name", ["out.svg", "out.png", "out.pdf"])
def test_without_dot_an_image_fails_with_how_to_install(
    good: Path, no_dot: None, name: str
) -> None:
    out = good.parent / name
    result = run(str(good), "-o", str(out))
    assert result.exit_code == 2
    assert "apt install graphviz" in result.stderr
    assert "brew install graphviz" in result.stderr
    assert not out.exists()


def test_without_dot_the_dot_format_still_works(good: Path, no_dot: None) -> None:
    result = run(str(good), "--format", "dot")
    assert result.exit_code == 0
    assert good.with_suffix(".dot").read_text(encoding="utf-8").startswith("// drawn by argmap")


def test_the_library_raises_a_clear_error_without_dot(good: Path, no_dot: None) -> None:
    with pytest.raises(DotNotFoundError, match="brew install graphviz"):
        argmap.render_map(argmap.load(good).map)


# ---- when dot crashes -------------------------------------------------------------------------


@pytest.fixture
def crashing_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A `dot` on PATH that dies of a segmentation fault, as Graphviz 2.43 can."""
    if os.name != "posix":
        pytest.skip("the stand-in dot is a POSIX shell script")
    bin_dir = tmp_path / "crashing-bin"
    bin_dir.mkdir()
    dot = bin_dir / "dot"
    dot.write_text("#!/bin/sh\ncat >/dev/null\nkill -SEGV $$\n", encoding="utf-8")
    dot.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")


def test_a_crash_of_dot_is_told_as_a_crash_with_what_to_try(good: Path, crashing_dot: None) -> None:
    out = good.parent / "out.svg"
    result = run(str(good), "-o", str(out))
    assert result.exit_code == 2
    assert "Graphviz's dot crashed (signal 11, SIGSEGV)" in result.stderr
    assert "--detail compact" in result.stderr and "--focus" in result.stderr
    assert "exit status -11" not in result.stderr
    assert not out.exists()
