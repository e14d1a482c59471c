"""A statement can have several quotes: a thesis stated at the start and restated at the end."""

from __future__ import annotations

import textwrap

import argmap
from argmap.compare import compare
from argmap.essay import quotes_of
from argmap.syntax import print_map

ESSAY = (
    "Zoos save species. Their breeding programmes brought back the Arabian oryx.\n\n"
    "In the end, zoos do save species, whatever their critics say.\n"
)
MAP = textwrap.dedent(
    """\
    thesis save: Zoos save species.
      quote: "Zoos save species"
      quote: "zoos do save species"
    evidence oryx: Breeding programmes brought back the Arabian oryx.
      quote: "brought back the Arabian oryx"
      cite: [study, 2011] IUCN
    save <- oryx
      scheme: example
    """
)


def test_a_statement_keeps_every_quote_and_each_is_checked() -> None:
    loaded = argmap.parse(MAP, essay_text=ESSAY)
    assert [d for d in loaded.diagnostics if d.is_error] == []  # no "quote: given twice"
    thesis = loaded.map.statement("save")
    assert thesis is not None
    assert [q.text for q in thesis.quotes] == ["Zoos save species", "zoos do save species"]
    assert thesis.quote == thesis.quotes[0]
    assert quotes_of(thesis) == ("Zoos save species", "zoos do save species")
    wrong = argmap.parse(
        MAP.replace("zoos do save species", "zoos rescue species"), essay_text=ESSAY
    )
    [missing] = [d for d in wrong.diagnostics if d.code == "E302"]
    assert missing.span is not None and missing.span.line == 3  # the second quote, not the first


def test_several_quotes_print_back_and_read_back() -> None:
    loaded = argmap.parse(MAP, essay_text=ESSAY)
    again = argmap.parse(print_map(loaded.map), essay_text=ESSAY)
    thesis = again.map.statement("save")
    assert thesis is not None and len(thesis.quotes) == 2


def test_a_quote_given_twice_is_still_an_error_under_a_relation() -> None:
    text = MAP.replace("  scheme: example\n", '  scheme: example\n  quote: "a"\n  quote: "b"\n')
    assert "E211" in {d.code for d in argmap.parse(text, essay_text=ESSAY).diagnostics}


def test_compare_matches_a_unit_through_either_of_its_quotes() -> None:
    key = argmap.parse(MAP, essay_text=ESSAY).map
    student = argmap.parse(
        MAP.replace('  quote: "Zoos save species"\n', "")
        .replace("thesis save:", "thesis s2:")
        .replace("save <- oryx", "s2 <- oryx"),
        essay_text=ESSAY,
    ).map
    result = compare(key, student, ESSAY)
    assert result.units.missed == () and result.units.added == ()  # 'save' is 's2', by its quote
