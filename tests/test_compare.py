"""`argmap compare`: two maps of one essay, matched through their quotes' passages (or their
words), never through their ids; the categories of relations, the theses, the hedges, the
scores; the CLI in every format; and a golden text for the flagship against a student's map."""

from __future__ import annotations

import difflib
import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import cli
from argmap.compare import TEXT_THRESHOLD, Comparison, compare, format_text, score
from argmap.compare.passages import FoldedEssay
from argmap.model import ArgumentMap
from argmap.validate import fold

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = "maps/north-korea-russia-us.argmap"
STUDENT = "tests/fixtures/compare/student.argmap"
GOLDEN = ROOT / "tests" / "golden" / "compare" / "north-korea-russia-us-student.txt"

ESSAY = (
    "Taxes on sugar work. Sugar makes people ill, and the tax makes sugar dear. "
    "Dear sugar is bought less. Some say the poor pay most. "
    "But the poor gain most in health."
)

KEY = """
    thesis works [likely]: A sugar tax works.
      quote: "Taxes on sugar work"
    premise ill: Sugar makes people ill.
      quote: "Sugar makes people ill"
    premise dear: The tax makes sugar dear.
      quote: "the tax makes sugar dear"
    claim less: Dear sugar is bought less.
      quote: "Dear sugar is bought less"
    objection poor: The poor pay most.
      quote: "Some say the poor pay most"
    premise health: The poor gain most in health.
      quote: "the poor gain most in health"

    less <- dear
    works <- ill + less
    cost: poor rebuts works
    health undercuts cost
"""

# The key again, with other ids, other texts and another order: only the quotes agree.
RENAMED = """
    objection s5: Poor people pay the most.
      quote: "Some say the poor pay most"
    premise s6: The poor gain the most health.
      quote: "the poor gain most in health"
    claim s4: People buy less sugar when it is dear.
      quote: "Dear sugar is bought less"
    premise s3: Sugar gets dearer.
      quote: "the tax makes sugar dear"
    premise s2: Sugar is unhealthy.
      quote: "Sugar makes people ill"
    thesis s1 [likely]: The sugar tax works.
      quote: "Taxes on sugar work"

    objection-1: s5 rebuts s1
    s6 undercuts objection-1
    s1 <- s2 + s4
    s4 <- s3
"""


def parsed(text: str, essay: str | None = ESSAY) -> ArgumentMap:
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"), essay_text=essay)
    assert not loaded.has_errors, [str(d) for d in loaded.diagnostics if d.is_error]
    return loaded.map


def against_key(other: str, essay: str | None = ESSAY) -> Comparison:
    return compare(parsed(KEY, essay), parsed(other, essay), essay)


def edited(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


def pairs(comparison: Comparison) -> set[tuple[str, str]]:
    return {(m.key.id, m.other.id) for m in comparison.units.matched}


# ---- passages -------------------------------------------------------------------------------


def test_the_folded_essay_is_fold_of_the_essay_and_finds_ranges_of_the_real_text() -> None:
    essay = "  Straße \u00a0 and\n\n“the  ENEMY”—of my ‘enemy’ "
    folded = FoldedEssay.of(essay)
    assert folded.text == fold(essay)
    passage = folded.find("\"the enemy\"-of my 'enemy'")
    assert passage is not None
    assert essay[passage[0] : passage[1]] == "“the  ENEMY”—of my ‘enemy’"
    after = folded.find("and")
    assert after is not None and essay[after[0] : after[1]] == "and"
    assert folded.find("STRASSE") == (2, 8)  # "ß" folds to two letters of one character
    assert folded.find("not in it") is None
    assert folded.find("   ") is None


# ---- units ----------------------------------------------------------------------------------


def test_identical_maps_score_one_on_units_and_relations() -> None:
    comparison = against_key(KEY)
    assert comparison.unit_score.f1 == comparison.relation_score.f1 == 1.0
    assert comparison.unit_score.precision == comparison.unit_score.recall == 1.0
    assert len(comparison.relations.agreed) == comparison.relation_score.key_count == 5
    assert not comparison.units.missed and not comparison.units.added
    assert not comparison.relations.missed and not comparison.relations.added
    assert all(m.by == "passage" and m.similarity == 1.0 for m in comparison.units.matched)


def test_ids_that_differ_entirely_are_matched_through_the_quotes() -> None:
    comparison = against_key(RENAMED)
    assert pairs(comparison) == {
        ("works", "s1"),
        ("ill", "s2"),
        ("dear", "s3"),
        ("less", "s4"),
        ("poor", "s5"),
        ("health", "s6"),
    }
    assert comparison.unit_score.f1 == comparison.relation_score.f1 == 1.0
    undercut = next(p for p in comparison.relations.agreed if p.key.kind == "undercut")
    assert (undercut.key.target, undercut.other.target) == ("cost", "objection-1")


def test_a_missing_unit_is_missed_recall_falls_precision_stays() -> None:
    health = "premise health: The poor gain most in health.\n"
    health += '      quote: "the poor gain most in health"\n'
    comparison = against_key(edited(KEY, (health, ""), ("health undercuts cost\n", "")))
    assert [u.id for u in comparison.units.missed] == ["health"]
    assert comparison.unit_score.recall == round(5 / 6, 4)
    assert comparison.unit_score.precision == 1.0
    assert [r.element for r in comparison.relations.missed] == ["health-undercuts-cost"]
    assert comparison.relation_score.precision == 1.0


def test_overlapping_quotes_that_differ_are_one_unit() -> None:
    comparison = against_key(
        edited(KEY, ('quote: "Sugar makes people ill"', 'quote: "Sugar makes people ill, and"'))
    )
    match = next(m for m in comparison.units.matched if m.key.id == "ill")
    assert match.other.id == "ill" and match.by == "passage"
    assert 0 < match.similarity < 1
    assert comparison.unit_score.f1 == 1.0


def test_the_best_overlap_wins_when_one_passage_touches_two() -> None:
    # "Sugar makes people ill, and the tax" covers all of ill's passage and part of dear's; the
    # other map's dear quotes dear's passage exactly, so dear goes there and ill to the first.
    other = edited(
        KEY,
        ('quote: "Sugar makes people ill"', 'quote: "Sugar makes people ill, and the tax"'),
    )
    assert {("ill", "ill"), ("dear", "dear")} <= pairs(against_key(other))


def test_units_without_quotes_are_matched_by_their_words() -> None:
    key = """
        thesis works: A sugar tax works.
        premise ill: Sugar makes people ill.
        works <- ill
    """
    other = """
        thesis t: The sugar tax works well.
        premise p: Sugar makes many people ill.
        premise unrelated: Salt is cheap.
        t <- p
    """
    comparison = compare(parsed(key, None), parsed(other, None), None)
    assert not comparison.by_passages
    assert pairs(comparison) == {("works", "t"), ("ill", "p")}
    assert all(m.by == "text" and m.similarity >= TEXT_THRESHOLD for m in comparison.units.matched)
    assert [u.id for u in comparison.units.added] == ["unrelated"]
    assert comparison.relation_score.f1 == 1.0


def test_a_quoted_unit_is_matched_by_words_to_one_without_a_quote() -> None:
    comparison = against_key(edited(KEY, ('\n      quote: "the tax makes sugar dear"', "")))
    match = next(m for m in comparison.units.matched if m.key.id == "dear")
    assert (match.other.id, match.by) == ("dear", "text")


def test_alike_words_do_not_join_statements_whose_passages_lie_apart() -> None:
    # Same text as the key's "ill", but quoting another sentence: another unit.
    other = edited(
        KEY,
        ('premise ill: Sugar makes people ill.\n      quote: "Sugar makes people ill"',
         'premise ill: Sugar makes people ill.\n      quote: "Dear sugar is bought less"'),
        ('claim less: Dear sugar is bought less.\n      quote: "Dear sugar is bought less"',
         "claim less: Dear sugar is bought less."),
    )  # fmt: skip
    matched = pairs(against_key(other))
    assert ("ill", "ill") not in matched
    assert ("less", "ill") in matched  # by passage, whatever the texts say


# ---- relations ------------------------------------------------------------------------------


def test_a_reversed_relation_is_reported_as_reversed() -> None:
    comparison = against_key(edited(KEY, ("less <- dear", "dear <- less")))
    [pair] = comparison.relations.reversed
    assert (pair.key.source, pair.key.target) == ("dear", "less")
    assert (pair.other.source, pair.other.target) == ("less", "dear")
    assert comparison.relation_score.recall == round(4 / 5, 4)


def test_a_relation_of_opposite_polarity_is_reported_as_such() -> None:
    comparison = against_key(edited(KEY, ("cost: poor rebuts works", "cost: works <- poor")))
    [pair] = comparison.relations.opposite
    assert (pair.key.kind, pair.other.kind) == ("rebut", "inference")
    assert (pair.key.polarity, pair.other.polarity) == ("attack", "support")
    # the undercut of "cost" is now of a support step: same attacker, same conclusion
    assert any(p.key.kind == "undercut" for p in comparison.relations.agreed)


def test_a_relation_pointing_elsewhere_is_reported_as_such() -> None:
    comparison = against_key(
        edited(
            KEY, ("less <- dear", "less <- dear + ill"), ("works <- ill + less", "works <- less")
        )
    )
    [pair] = comparison.relations.elsewhere
    assert (pair.key.source, pair.key.target) == ("ill", "works")
    assert (pair.other.source, pair.other.target) == ("ill", "less")
    assert not comparison.relations.missed and not comparison.relations.added


def test_an_undercut_of_another_step_points_elsewhere() -> None:
    other = edited(KEY, ("health undercuts cost", "health rebuts poor"))
    [pair] = against_key(other).relations.elsewhere
    assert (pair.key.kind, pair.other.kind) == ("undercut", "rebut")


# ---- theses and hedges ----------------------------------------------------------------------


def test_a_thesis_found_as_a_claim() -> None:
    [result] = against_key(edited(KEY, ("thesis works", "claim works"))).theses
    assert result.status == "found-as-non-thesis"
    assert result.other is not None and result.other.kind == "claim"


def test_a_thesis_not_found() -> None:
    comparison = against_key(
        edited(KEY, ('quote: "Taxes on sugar work"', 'quote: "But the poor gain"'))
    )
    [result] = comparison.theses
    assert result.status == "not-found" and result.other is None
    assert [u.id for u in comparison.other_theses_not_in_key] == ["works"]


def test_a_hedge_read_differently() -> None:
    comparison = against_key(edited(KEY, ("works [likely]", "works [very likely]")))
    [difference] = comparison.hedges
    assert difference.key_hedge == "likely · 55–80 %"
    assert difference.other_hedge == "very likely · 80–95 %"


def test_a_flat_reading_of_a_hedged_unit_is_a_hedge_read_differently() -> None:
    [difference] = against_key(edited(KEY, ("works [likely]", "works"))).hedges
    assert (difference.key.id, difference.other_hedge) == ("works", None)


def test_words_of_one_range_are_the_same_hedge() -> None:
    assert against_key(edited(KEY, ("works [likely]", "works [probable]"))).hedges == ()


# ---- scores ---------------------------------------------------------------------------------


def test_score_is_precision_recall_and_their_harmonic_mean() -> None:
    found = score(3, key_count=4, other_count=6)
    assert (found.precision, found.recall, found.f1) == (0.5, 0.75, 0.6)
    assert score(0, 0, 0).f1 == 1.0
    assert score(0, 2, 0).f1 == 0.0


# ---- the command ----------------------------------------------------------------------------


@pytest.fixture
def two_maps(write_map) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    header = "source: essay.txt\n"
    key = write_map(header + textwrap.dedent(KEY), "key.argmap", source=ESSAY)
    other = write_map(header + textwrap.dedent(RENAMED), "other.argmap")
    return key, other


@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_the_command_writes_each_format(two_maps: tuple[Path, Path], output_format: str) -> None:
    result = CliRunner().invoke(cli, ["compare", *map(str, two_maps), "--format", output_format])
    assert result.exit_code == 0, result.output
    if output_format == "json":
        data = json.loads(result.stdout)
        assert data["unit_score"]["f1"] == 1.0
        assert {(m["key"]["id"], m["other"]["id"]) for m in data["units"]["matched"]} >= {
            ("works", "s1")
        }
        assert Comparison.model_validate(data).by_passages
    elif output_format == "markdown":
        assert result.stdout.startswith("# Comparison of two maps of one essay")
        assert "- `works` = `s1` (by passage, 100% in common)" in result.stdout
    else:
        assert "  works = s1 (by passage, 100% in common)" in result.stdout
        assert "units: precision 1.00, recall 1.00, F1 1.00" in result.stdout
    assert result.stderr == ""


def test_a_map_with_errors_is_not_compared(write_map, two_maps: tuple[Path, Path]) -> None:  # type: ignore[no-untyped-def]
    key, _ = two_maps
    broken = write_map("thesis t: T.\nt <- nowhere\n", "broken.argmap")
    result = CliRunner().invoke(cli, ["compare", str(key), str(broken)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "broken.argmap:2:" in result.stderr and "nowhere" in result.stderr
    assert "fix the errors to compare" in result.stderr


def test_output_goes_to_a_file_whole(two_maps: tuple[Path, Path], tmp_path: Path) -> None:
    target = tmp_path / "out" / "comparison.md"
    target.parent.mkdir()
    target.write_text("an older comparison", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["compare", *map(str, two_maps), "--format", "markdown", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"comparison written to {target}" in result.stderr
    written = target.read_text(encoding="utf-8")
    assert written.startswith("# Comparison of two maps of one essay")
    assert [p.name for p in target.parent.iterdir()] == ["comparison.md"]  # no temporary left


def test_output_never_replaces_a_map(two_maps: tuple[Path, Path]) -> None:
    key, other = two_maps
    before = other.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(key), str(other), "-o", str(other)])
    assert result.exit_code == 2
    assert other.read_text(encoding="utf-8") == before


def test_maps_of_different_essays_are_matched_by_words(
    write_map, two_maps: tuple[Path, Path]
) -> None:  # type: ignore[no-untyped-def]
    key, _ = two_maps
    (key.parent / "other-essay.txt").write_text(ESSAY, encoding="utf-8")
    other = write_map("source: other-essay.txt\n" + textwrap.dedent(KEY), "other-essay.argmap")
    result = CliRunner().invoke(cli, ["compare", str(key), str(other), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "the maps quote different essays" in result.stderr
    data = json.loads(result.stdout)
    assert data["by_passages"] is False
    assert {m["by"] for m in data["units"]["matched"]} == {"text"}


# ---- the flagship against a student's map ---------------------------------------------------


def test_the_student_map_is_free_of_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    loaded = argmap.load(STUDENT)
    assert not loaded.has_errors, [str(d) for d in loaded.diagnostics if d.is_error]
    assert loaded.essay.text is not None


def test_the_student_map_against_the_flagship(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    key, student = argmap.load(FLAGSHIP), argmap.load(STUDENT)
    comparison = compare(key.map, student.map, key.essay.text)
    assert [(p.key.element, p.other.source) for p in comparison.relations.reversed] == [
        ("ally-by-conduct", "eco-ally")
    ]
    assert [u.id for u in comparison.units.added] == ["helps-allies"]
    assert [(d.key.id, d.other_hedge) for d in comparison.hedges] == [("obstruct", None)]
    assert [(t.key.id, t.status) for t in comparison.theses] == [
        ("brotherhood", "found"),
        ("dire", "found-as-non-thesis"),
    ]
    assert comparison.unit_score.precision > comparison.unit_score.recall


def test_the_text_for_the_student_map_matches_its_golden_file(
    monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["compare", FLAGSHIP, STUDENT])
    assert result.exit_code == 0, result.output
    if update_golden:
        GOLDEN.write_text(result.stdout, encoding="utf-8")
        return
    expected = GOLDEN.read_text(encoding="utf-8")
    if result.stdout != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), result.stdout.splitlines(), str(GOLDEN), "now", lineterm=""
        )
        pytest.fail("the comparison changed; if that is meant, rerun with --update-golden\n"
                    + "\n".join(list(diff)[:60]))  # fmt: skip


def test_format_text_is_what_the_command_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    key, student = argmap.load(FLAGSHIP), argmap.load(STUDENT)
    assert format_text(compare(key.map, student.map, key.essay.text)) == GOLDEN.read_text(
        encoding="utf-8"
    )
