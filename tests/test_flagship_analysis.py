"""The flagship op-ed (maps/north-korea-russia-us.argmap): the weaknesses a careful reader finds
in it, each named by the words of the essay, and argmap reporting every one of them where it
stands in the map."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import Diagnostic, Standing

MAP = Path(__file__).parent.parent / "maps" / "north-korea-russia-us.argmap"


@pytest.fixture(scope="module")
def loaded() -> argmap.Loaded:
    result = argmap.load(MAP)
    assert not result.has_errors, [d.message for d in result.diagnostics if d.is_error]
    return result


def line_of(fragment: str) -> int:
    """The line of the map on which `fragment` is written (once)."""
    lines = [n for n, text in enumerate(MAP.read_text("utf-8").splitlines(), 1) if fragment in text]
    assert len(lines) == 1, (fragment, lines)
    return lines[0]


def quote_of(loaded: argmap.Loaded, element_id: str) -> str:
    element = loaded.map.by_id[element_id]
    assert element.quote is not None
    return element.quote.text


def findings(loaded: argmap.Loaded, code: str, subject: str) -> list[Diagnostic]:
    """What the analysis found of a code about a statement, reported or folded into its cause."""
    assert loaded.analysis is not None
    found = loaded.analysis.found
    return [d for d in found if d.code == code and d.subjects[:1] == (subject,)]


def test_the_overclaim_on_will_certainly(loaded: argmap.Loaded) -> None:
    # "If they become even more contentious, Russia will certainly obstruct Washington's
    # intentions for Korea": certain, on a condition the essay never establishes.
    assert "will certainly obstruct" in quote_of(loaded, "obstruct")
    assert "If they become even more contentious" in quote_of(loaded, "more-contentious")
    [overclaim] = findings(loaded, "W105", "obstruct")
    assert overclaim.subjects == (
        "obstruct",
        "if-more-contentious-then-obstruct",
        "more-contentious",
    )
    assert overclaim.span is not None and overclaim.span.line == line_of("prediction obstruct [")
    assert "certainly · 95–100 %" in overclaim.message and "nothing (0 %)" in overclaim.message
    [condition] = findings(loaded, "W106", "if-more-contentious-then-obstruct")
    assert condition.span is not None
    assert condition.span.line == line_of("if more-contentious then obstruct")
    assert standing(loaded)["obstruct"] is Standing.UNDECIDED  # holds only if the "if" does


def test_the_stacked_hedge_it_is_likely_that_putin_may(loaded: argmap.Loaded) -> None:
    assert "it is likely that Putin may" in quote_of(loaded, "weapons")
    [stacked] = findings(loaded, "W201", "weapons")
    assert "'likely' and 'may'" in stacked.message
    assert stacked.span is not None and stacked.span.line == line_of("prediction weapons [")
    assert findings(loaded, "W202", "weapons")  # and "may" has no range of its own


def test_the_claim_resting_on_anonymous_some_analysts(loaded: argmap.Loaded) -> None:
    assert quote_of(loaded, "analysts-say").startswith("Some analysts")
    # the essay names no analyst: an anonymous source, worth an even chance (W108)
    [weak] = findings(loaded, "W108", "analysts-say")
    assert "an anonymous source (45–55 %)" in weak.message
    assert weak.span is not None and weak.span.line == line_of("premise analysts-say:")


def test_the_unsupported_slave_like_labor(loaded: argmap.Loaded) -> None:
    assert "slave-like labor" in quote_of(loaded, "cheap-labor")
    [link] = findings(loaded, "W101", "cheap-labor")
    assert link.links == (("cheap-labor", "both-gain"),)
    assert link.span is not None and link.span.line == line_of("both-gain: mutual <-")


def test_the_functioning_state_step_is_asserted_not_explained(loaded: argmap.Loaded) -> None:
    assert "can therefore be considered a functioning State" in quote_of(
        loaded, "functioning-state"
    )
    [step] = findings(loaded, "W102", "validation-step")
    assert step.span is not None and step.span.line == line_of("validation-step:")
    [bare] = findings(loaded, "W101", "validation")  # and "economic validation" is bare
    assert bare.links == (("validation", "validation-step"),)


def test_more_a_careful_reader_sees(loaded: argmap.Loaded) -> None:
    # Fuel sold TO North Korea does not give it hard currency: the step has no reason given.
    assert findings(loaded, "W102", "fuel-to-currency")
    # "will be key" rests on a bare "becoming more aggressive".
    assert findings(loaded, "W105", "russia-key")
    # The thesis itself only says the brotherhood "may" have dire implications.
    assert findings(loaded, "W202", "dire")
    # "The enemy of my enemy is my friend": a folk maxim doing the work of a warrant.
    [maxim] = findings(loaded, "W101", "enemy-maxim")
    assert maxim.links == (("enemy-maxim", "common-enemy"),)


def test_the_answered_objections_do_not_defeat_the_theses(loaded: argmap.Loaded) -> None:
    # The essay answers both objections it raises ("Even though ...", "Even so ...").
    labels = standing(loaded)
    assert labels["brotherhood"] is Standing.IN and labels["dire"] is Standing.IN
    assert not [d for d in loaded.diagnostics if d.code in {"W301", "W302", "W303"}]


def test_check_shows_them_with_positions_and_hints(capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.cli import main

    assert main(["check", "--no-color", str(MAP)]) == 0  # warnings alone do not fail
    out = capsys.readouterr().out
    # the overclaim on "will certainly obstruct" is what the unestablished condition costs:
    # one problem, reported once, at the condition, naming the overclaim
    where = f"{MAP}:{line_of('if more-contentious then obstruct')}:4: warning[W106]"
    assert where in out
    assert "so 'obstruct', claimed as certainly · 95–100 %, is claimed more surely" in out
    assert "hint: support 'more-contentious'" in out
    assert main(["check", "--strict", str(MAP)]) == 1


def standing(loaded: argmap.Loaded) -> dict[str, Standing]:
    return argmap.standing(loaded.map)
