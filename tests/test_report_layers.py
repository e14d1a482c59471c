"""The report's layers: what the Markdown backend escapes, what the summary counts, that a
Report read back from its JSON is reported the same, the order W203 lists words in, and that
the text backend's wrapping is textwrap's."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples

import argmap
from argmap.report import Report, build_report, format_markdown, format_text, summarise
from argmap.report.markdown import escape
from argmap.report.text import wrap

MARKUP = "*_[`#|<"


def report_of(text: str) -> Report:
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"))
    assert loaded.analysis is not None, [str(d) for d in loaded.diagnostics]
    return build_report(loaded.analysis)


@pytest.mark.parametrize("char", list(MARKUP))
def test_markdown_escapes_markup_in_every_text_a_map_gives(char: str) -> None:
    markdown = format_markdown(
        report_of(
            f"""
            title: Title x{char}y
            thesis t: Say x{char}y here.
            evidence e: Seen x{char}y too.
              cite: S
            t <- e
              scheme: sign
            """
        )
    )
    lines = markdown.splitlines()
    assert f"# Argument report: Title x\\{char}y" in lines  # the map's title
    assert f"> Say x\\{char}y here." in lines  # a thesis, quoted whole
    assert f"  - ✓ **e** (evidence; in): Seen x\\{char}y too." in lines  # a premise's line
    assert f"x{char}y" not in markdown  # nowhere unescaped


def test_escape_escapes_the_backslash_first() -> None:
    assert escape("\\*") == "\\\\\\*"  # not "\\\\*", which Markdown reads as emphasis


UNBACKED_WARRANT = """
    thesis t: T.
    evidence e: E.
      cite: A survey
    premise rule: What E shows, T holds.
    t <- e
      warrant: rule
    """


def test_the_summary_counts_an_unbacked_warrant_among_a_thesiss_weak_links() -> None:
    [verdict] = summarise(report_of(UNBACKED_WARRANT)).theses
    assert (verdict.id, verdict.weak_links, verdict.unexplained_steps) == ("t", 1, 0)
    assert verdict.fate == "stands against the attacks in the map"


def test_a_report_read_back_from_its_json_is_reported_the_same() -> None:
    report = report_of(UNBACKED_WARRANT)
    again = Report.model_validate_json(report.model_dump_json())
    assert summarise(again) == summarise(report)
    assert format_text(again) == format_text(report)
    assert format_markdown(again) == format_markdown(report)


# ---- W203: the words of the other row, listed in the order the map uses them ------------------

# Row 1 ("likely") is used by four statements, written in an order neither alphabetical nor
# reversed; row 2 ("probable") once, so W203 is reported at 'odd' and lists the others.
MIXED_ROWS = """
    thesis zeta [likely]: Z.
      cite: S
    claim alpha [likely]: A.
      cite: S
    claim odd [probable]: O.
      cite: S
    claim mid [likely]: M.
      cite: S
    claim beta [likely]: B.
      cite: S
    zeta <- alpha + odd + mid + beta
      scheme: sign
    """


def test_w203_lists_the_other_rows_users_in_the_order_written_the_first_three() -> None:
    report = report_of(MIXED_ROWS)
    [mixed] = [f for f in report.findings if f.code == "W203"]
    assert mixed.subjects == ("odd",)
    assert mixed.message == (
        "'odd' uses 'probable', a word of ICD 203 row 2, while 'zeta', 'alpha' and 'mid' "
        "and 1 more use words of ICD 203 row 1"
    )
    # and the report repeats it in that order, under the other findings
    assert "'zeta', 'alpha' and 'mid' and 1 more" in " ".join(format_markdown(report).split())


@settings(max_examples=examples(2_000))
@given(
    text=st.text(st.sampled_from("ab  -\t\n\xa0\u3000é→"), max_size=80)
    | st.lists(st.text("abc", min_size=1, max_size=12), max_size=40).map(" ".join),
    room=st.integers(1, 40),
    initial=st.text(" >", max_size=6),
    subsequent=st.text(" ", max_size=8),
)
def test_the_text_reports_wrapping_is_textwraps(
    text: str, room: int, initial: str, subsequent: str
) -> None:
    # at least a column after either indent: with none, textwrap itself never returns
    width = room + max(len(initial), len(subsequent))
    expected = textwrap.wrap(
        text,
        width=width,
        initial_indent=initial,
        subsequent_indent=subsequent,
        break_on_hyphens=False,
    )
    assert wrap(text, width, initial, subsequent) == expected
