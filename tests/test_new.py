"""`argmap new ESSAY`: a map to start from (argmap.scaffold) — the header, the essay's sentences
as numbered comments with their hedges and markers, paragraphs apart; it reads with no errors;
an existing file is never written over."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples

import argmap
from argmap.cli import cli
from argmap.scaffold import hedges_in, markers_in, scaffold, sentences, source_path
from argmap.syntax import formatted

ESSAYS = Path(__file__).resolve().parents[2] / "shared" / "essays"
FLAGSHIP = ESSAYS / "north-korea-russia-us.txt"

SMALL = textwrap.dedent(
    """\
    Allies again

    Russia and North Korea are very likely allies. Because Russia sends aid, the
    regime survives; therefore sanctions fail.

    If the talks fail, then Moscow may act. However, nobody knows.
    """
)


def new(*args: str) -> Result:
    return CliRunner().invoke(cli, ["new", *args])


def only_w502(text: str, path: str = "m.argmap", essay: str | None = None) -> None:
    loaded = argmap.parse(text, path, essay_text=essay)
    assert [d.code for d in loaded.diagnostics] == ["W502"]


def test_a_small_essay_becomes_numbered_comments_under_a_header() -> None:
    text = scaffold(SMALL, essay_name="allies.txt", source="allies.txt")
    assert text == textwrap.dedent(
        """\
        title: Allies again
        source: allies.txt

        # 1. "Russia and North Korea are very likely allies."
        #    hedges: very likely
        # 2. "Because Russia sends aid, the regime survives; therefore sanctions fail."
        #    markers: because, therefore
        #
        # 3. "If the talks fail, then Moscow may act."
        #    hedges: may · markers: if … then
        # 4. "However, nobody knows."
        #    markers: however
        """
    )
    only_w502(text, essay=SMALL)
    assert not formatted(text).changed  # what new writes, fmt leaves as it is


def test_a_long_first_line_is_no_title_and_the_file_name_is() -> None:
    essay = "It seems like every time my phone buzzes, it is news. It may be worse.\n"
    text = scaffold(essay, essay_name="north-korea_essay.txt", source="e.txt")
    assert text.startswith("title: It seems like every time")  # a line on its own: a title
    wrapped = "It seems like every time my phone buzzes,\nit is news. It may be worse.\n"
    text = scaffold(wrapped, essay_name="north-korea_essay.txt", source="e.txt")
    assert text.startswith('title: north korea essay\nsource: e.txt\n\n# 1. "It seems')
    assert scaffold("", essay_name="empty.txt", source="empty.txt") == (
        "title: empty\nsource: empty.txt\n"
    )


def test_sentences_are_not_cut_at_abbreviations_or_initials() -> None:
    assert sentences("On Jan. 31, 2017, the U.S. President spoke. J. Smith agreed.") == [
        "On Jan. 31, 2017, the U.S. President spoke.",
        "J. Smith agreed.",
    ]
    assert sentences("He asked “why?” Then he left! Did he? yes.") == [
        "He asked “why?”",
        "Then he left!",
        "Did he? yes.",
    ]


def test_hedges_are_the_longest_phrase_each_once_in_order() -> None:
    assert hedges_in("It is very likely, likely even, that Moscow may act; it may.") == (
        "very likely",
        "likely",
        "may",
    )
    assert hedges_in("Almost certainly, with high confidence.") == (
        "almost certainly",
        "high confidence",
    )
    assert hedges_in("Nothing to see.") == ()


def test_markers_are_whole_words_in_the_order_they_occur() -> None:
    assert markers_in("Although it rained, so what, but since then; for example, thus.") == (
        "although",
        "so",
        "but",
        "since",
        "for example",
        "thus",
    )
    assert markers_in("Even though it is so, in conclusion: sober, butter, sincere.") == (
        "even though",
        "so",
        "in conclusion",
    )


def test_the_flagship_essay_scaffolds_to_a_map_with_no_errors() -> None:
    if not FLAGSHIP.exists():
        pytest.skip(f"the shared essays are not beside the repository ({ESSAYS})")
    essay = FLAGSHIP.read_text(encoding="utf-8")
    text = scaffold(essay, essay_name=FLAGSHIP.name, source=FLAGSHIP.name)
    lines = text.splitlines()
    assert lines[:3] == [
        "title: Analyzing the complex relationship of North Korea, Russia, and the US",
        f"source: {FLAGSHIP.name}",
        "",
    ]
    assert '# 22. "If necessary, it is likely that Putin may resume weapons deliveries to ' in text
    after = lines[lines.index(next(line for line in lines if line.startswith("# 22. "))) + 1]
    assert after == "#     hedges: likely, may · markers: if … then"
    assert any(line.startswith('# 10. "On Jan. 31, 2017, the Russian state') for line in lines)
    paragraphs = [block for block in essay.split("\n\n") if block.strip()]
    assert lines.count("#") == len(paragraphs) - 2  # the title's paragraph is the header
    only_w502(text, essay=essay)
    assert not formatted(text).changed


@settings(max_examples=examples(300), deadline=None)
@given(st.text())
def test_any_essay_scaffolds_to_a_map_with_no_errors(essay: str) -> None:
    only_w502(scaffold(essay, essay_name="essay.txt", source="essay.txt"), essay=essay)


def test_the_source_is_the_essays_path_from_the_maps_folder(tmp_path: Path) -> None:
    assert source_path(tmp_path / "essay.txt", tmp_path / "maps") == "../essay.txt"
    assert source_path(tmp_path / "essays" / "e.txt", tmp_path) == "essays/e.txt"


@pytest.fixture
def essay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "allies.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_new_writes_the_map_beside_the_essay_and_it_checks(essay: Path) -> None:
    result = new("allies.txt")
    assert result.exit_code == 0, result.output
    written = essay.with_suffix(".argmap")
    assert written.read_text(encoding="utf-8").startswith("title: Allies again\nsource: allies.txt")
    assert "wrote allies.argmap" in result.stderr
    check = CliRunner().invoke(cli, ["check", "allies.argmap"])
    assert check.exit_code == 0, check.output  # only W502: a map without a thesis yet
    assert "warning[W502]" in check.stdout and "error" not in check.stdout


def test_new_with_o_names_the_source_from_the_maps_folder(essay: Path) -> None:
    (essay.parent / "maps").mkdir()
    assert new("allies.txt", "-o", "maps/allies.argmap").exit_code == 0
    text = (essay.parent / "maps" / "allies.argmap").read_text(encoding="utf-8")
    assert "source: ../allies.txt\n" in text
    assert CliRunner().invoke(cli, ["check", "maps/allies.argmap"]).exit_code == 0


def test_new_never_writes_over_a_file(essay: Path) -> None:
    existing = essay.with_suffix(".argmap")
    existing.write_text("thesis mine: My own work.\n", encoding="utf-8")
    result = new("allies.txt")
    assert result.exit_code == 2
    assert "'allies.argmap' already exists: not writing over it" in result.stderr
    assert existing.read_text(encoding="utf-8") == "thesis mine: My own work.\n"
    assert new("allies.txt", "-o", "allies.txt").exit_code == 2  # nor over the essay
    assert essay.read_text(encoding="utf-8") == SMALL


def test_new_to_stdout(essay: Path) -> None:
    result = new("allies.txt", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("title: Allies again\nsource: allies.txt\n\n# 1. ")
    assert not essay.with_suffix(".argmap").exists()


def test_an_unreadable_essay_is_exit_2(essay: Path) -> None:
    result = new("missing.txt")
    assert result.exit_code == 2
    assert "cannot read the essay 'missing.txt'" in result.stderr
    assert not Path("missing.argmap").exists()
    Path("latin1.txt").write_bytes("Caf\xe9.".encode("latin-1"))
    result = new("latin1.txt")
    assert result.exit_code == 2 and "not UTF-8 text" in result.stderr


def test_the_example_in_docs_authoring_is_what_new_writes() -> None:
    if not FLAGSHIP.exists():
        pytest.skip(f"the shared essays are not beside the repository ({ESSAYS})")
    docs = Path(__file__).resolve().parent.parent / "docs" / "authoring.md"
    [example] = re.findall(r"^```argmap\n(.*?)^```$", docs.read_text("utf-8"), re.M | re.S)
    essay = FLAGSHIP.read_text(encoding="utf-8")
    written = scaffold(essay, essay_name=FLAGSHIP.name, source=FLAGSHIP.name).splitlines()
    assert [line for line in example.splitlines() if line not in written] == []
    only_w502(example, essay=essay)
