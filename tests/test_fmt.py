"""`argmap fmt`: the canonical layout written back (argmap.syntax.formatted), lossless and
idempotent; --check and --diff change nothing; a map with syntax errors is never touched; an
unreadable file is exit 2; every map in the repository is already formatted."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from strategies import COMMENTED_GRAMMAR_TEXT, examples
from test_syntax_printer import without_spans

from argmap.cli import cli
from argmap.syntax import formatted, parse_map

ROOT = Path(__file__).resolve().parent.parent

MESSY = textwrap.dedent(
    """\
    title:   The enemy of my enemy
    # the thesis first
    thesis   t  [likely]:   Russia and North Korea are allies.
        quote: “the brotherhood of nations still exists”


    premise a [accepted]:  They signed a treaty.
    t  <-  a
    """
)
TIDY = textwrap.dedent(
    """\
    title: The enemy of my enemy
    # the thesis first
    thesis t [likely]: Russia and North Korea are allies.
      quote: “the brotherhood of nations still exists”

    premise a [accepted]: They signed a treaty.
    t <- a
    """
)
BROKEN = "thesis t: T.\npremis x: A misspelt kind.\n"


def fmt(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["fmt", *args], input=stdin)


def read(text: str) -> object:
    argument_map, diagnostics = parse_map(text)
    assert not [d for d in diagnostics if d.code.startswith("E1")]
    return without_spans(argument_map)


def test_formatted_is_the_canonical_layout_and_reads_as_the_same_map() -> None:
    result = formatted(MESSY)
    assert result.text == TIDY
    assert result.changed and result.errors == ()
    assert read(result.text) == read(MESSY)
    assert not formatted(TIDY).changed


def test_formatted_leaves_a_text_with_syntax_errors_as_written() -> None:
    result = formatted(BROKEN, "m.argmap")
    assert result.text == BROKEN and not result.changed
    assert [d.code for d in result.errors] == ["E102"]


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(COMMENTED_GRAMMAR_TEXT)
def test_formatting_is_lossless_and_idempotent(text: str) -> None:
    once = formatted(text)
    assert once.errors == ()
    assert read(once.text) == read(text)
    assert formatted(once.text).text == once.text


def test_fmt_rewrites_a_map_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(MESSY, encoding="utf-8")
    result = fmt(str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == TIDY
    assert f"reformatted {path}" in result.stderr
    assert "1 map reformatted, 0 already formatted" in result.stderr


def test_fmt_leaves_a_formatted_map_alone(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(TIDY, encoding="utf-8")
    before = path.stat().st_mtime_ns
    os.utime(path, ns=(before - 10**9, before - 10**9))  # a rewrite would move the time on
    result = fmt(str(path))
    assert result.exit_code == 0
    assert path.stat().st_mtime_ns == before - 10**9
    assert "0 maps reformatted, 1 already formatted" in result.stderr


def test_check_lists_the_maps_that_would_change_and_changes_nothing(tmp_path: Path) -> None:
    messy, tidy = tmp_path / "messy.argmap", tmp_path / "tidy.argmap"
    messy.write_text(MESSY, encoding="utf-8")
    tidy.write_text(TIDY, encoding="utf-8")
    result = fmt("--check", str(messy), str(tidy))
    assert result.exit_code == 1
    assert result.stdout == f"would reformat {messy}\n"
    assert "1 map would be reformatted, 1 already formatted" in result.stderr
    assert messy.read_text(encoding="utf-8") == MESSY
    assert fmt("--check", str(tidy)).exit_code == 0


def test_diff_prints_a_unified_diff_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(MESSY, encoding="utf-8")
    result = fmt("--diff", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- {path}\n+++ {path}\n@@")
    assert "-thesis   t  [likely]:   Russia and North Korea are allies.\n" in result.stdout
    assert "+thesis t [likely]: Russia and North Korea are allies.\n" in result.stdout
    assert path.read_text(encoding="utf-8") == MESSY


def test_a_map_with_syntax_errors_is_untouched_and_its_errors_printed(tmp_path: Path) -> None:
    broken, messy = tmp_path / "broken.argmap", tmp_path / "messy.argmap"
    broken.write_text(BROKEN, encoding="utf-8")
    messy.write_text(MESSY, encoding="utf-8")
    result = fmt(str(broken), str(messy))
    assert result.exit_code == 1
    assert broken.read_text(encoding="utf-8") == BROKEN
    assert messy.read_text(encoding="utf-8") == TIDY  # the other maps are still formatted
    assert f"{broken}:2:1: error[E102]: unknown statement kind 'premis'" in result.stderr
    assert "    2 | premis x: A misspelt kind.\n" in result.stderr
    assert f"left {broken} as it is: 1 syntax error to fix first" in result.stderr


def test_an_unreadable_file_is_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.argmap"
    result = fmt(str(missing))
    assert result.exit_code == 2
    assert f"argmap fmt: cannot read '{missing}'" in result.stderr
    (tmp_path / "latin1.argmap").write_bytes("thesis t: Caf\xe9.\n".encode("latin-1"))
    result = fmt(str(tmp_path / "latin1.argmap"))
    assert result.exit_code == 2 and "not UTF-8 text" in result.stderr


def test_a_file_that_cannot_be_written_is_exit_2_and_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(MESSY, encoding="utf-8")

    def refuse(_path: Path, _data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("argmap.cli.fmt.write_atomic", refuse)
    result = fmt(str(path))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "No space left on device" in result.stderr
    assert path.read_text(encoding="utf-8") == MESSY


def test_a_folder_is_its_map_files_below_it_hidden_folders_left_out(tmp_path: Path) -> None:
    (tmp_path / "deeper").mkdir()
    (tmp_path / ".hidden").mkdir()
    for where in ("a.argmap", "deeper/b.argmap", ".hidden/c.argmap"):
        (tmp_path / where).write_text(MESSY, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(MESSY, encoding="utf-8")
    result = fmt(str(tmp_path))
    assert result.exit_code == 0
    assert (tmp_path / "a.argmap").read_text(encoding="utf-8") == TIDY
    assert (tmp_path / "deeper/b.argmap").read_text(encoding="utf-8") == TIDY
    assert (tmp_path / ".hidden/c.argmap").read_text(encoding="utf-8") == MESSY
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == MESSY


def test_a_folder_without_maps_says_so(tmp_path: Path) -> None:
    result = fmt(str(tmp_path))
    assert result.exit_code == 0
    assert f"no .argmap files in '{tmp_path}'" in result.stderr


def test_standard_input_is_formatted_to_standard_output() -> None:
    result = fmt("-", stdin=MESSY)
    assert result.exit_code == 0 and result.stdout == TIDY
    result = fmt("-", stdin=BROKEN)
    assert result.exit_code == 1 and result.stdout == BROKEN
    assert "<stdin>:2:1: error[E102]" in result.stderr


def test_no_path_is_a_usage_error() -> None:
    assert fmt().exit_code == 2


REPOSITORY_MAPS = sorted(
    path
    for pattern in ("maps/*.argmap", "docs/*.argmap", "tests/fixtures/**/*.argmap")
    for path in ROOT.glob(pattern)
    if not formatted(path.read_text(encoding="utf-8")).errors
)


@pytest.mark.parametrize("path", REPOSITORY_MAPS, ids=lambda path: path.name)
def test_every_map_in_the_repository_is_formatted(path: Path) -> None:
    result = formatted(path.read_text(encoding="utf-8"))
    assert not result.changed, f"run: argmap fmt {path.relative_to(ROOT)}"


def test_the_flagship_is_among_them() -> None:
    assert ROOT / "maps" / "north-korea-russia-us.argmap" in REPOSITORY_MAPS
