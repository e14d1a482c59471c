"""The language additions of issue 8: sides, citations with a source kind, the flat header,
concessions, contradictions, partial answers, and conditionals that are steps (a hedge, a
warrant, a scheme, answers). Each construct reads into its model fields and prints back; each
new error has its message, position and hint."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

import argmap
from argmap import Diagnostic, Loaded
from argmap.model import ArgumentMap, AttackKind, Side, SourceKind
from argmap.syntax import format_text, parse_map, print_map
from argmap.syntax.reader import RESERVED_WORDS


def read(text: str) -> Loaded:
    return argmap.parse(textwrap.dedent(text).lstrip("\n"))


def errors(loaded: Loaded) -> list[Diagnostic]:
    return [d for d in loaded.diagnostics if d.is_error]


def where(loaded: Loaded) -> list[tuple[str, int, int, int]]:
    return [
        (d.code, d.span.line, d.span.column, d.span.end_column) for d in errors(loaded) if d.span
    ]


def only(loaded: Loaded, code: str) -> Diagnostic:
    found = errors(loaded)
    assert [d.code for d in found] == [code], found
    return found[0]


def printed_model(text: str) -> str:
    """The map read from `text`, printed as if it had been made in memory."""
    argument_map, _ = parse_map(textwrap.dedent(text).lstrip("\n"))
    return print_map(argument_map)


def without_spans(value: Any) -> Any:
    """A model dumped with every position and the path left out."""
    if isinstance(value, ArgumentMap):
        value = value.model_dump(exclude={"path"})
    if isinstance(value, dict):
        return {
            key: without_spans(item)
            for key, item in value.items()
            if not (str(key).endswith("span") or str(key).endswith("spans"))
        }
    if isinstance(value, list | tuple):
        return [without_spans(item) for item in value]
    return value


# ---- sides -------------------------------------------------------------------------------------


def test_a_side_reads_into_the_statement() -> None:
    loaded = read(
        """
        thesis t: T.
          side: author
        objection o: O.
          side: Other
        objection c: C.
          side: coach
        premise p: P.
        """
    )
    assert errors(loaded) == []
    sides = [s.side for s in loaded.map.statements]
    assert sides == [Side.AUTHOR, Side.OTHER, Side.COACH, None]
    span = loaded.map.statements[1].side_span
    assert span is not None and (span.line, span.column, span.end_column) == (4, 9, 14)
    assert loaded.map.statements[3].side_span is None


def test_a_side_prints_back() -> None:
    text = "objection o: O.\n  side: Other\n"
    assert format_text(text) == text  # as written
    assert printed_model(text) == "objection o: O.\n  side: other\n"


def test_e219_unknown_side_with_did_you_mean() -> None:
    loaded = read("objection o: O.\n  side: othre\n")
    problem = only(loaded, "E219")
    assert problem.message == "'othre' is not a side"
    assert where(loaded) == [("E219", 2, 9, 14)]
    assert problem.hint == "did you mean 'other'?"
    assert loaded.map.statements[0].side is None


def test_e219_a_side_near_no_word_gets_the_words_explained() -> None:
    problem = only(read("objection o: O.\n  side: opponent\n"), "E219")
    assert problem.hint == (
        "a side is 'author' (the essay's author asserts it), 'other' (the other side's "
        "reasoning) or 'coach' (an objection the coach raises)"
    )


def test_a_side_belongs_to_statements_only() -> None:
    loaded = read("thesis t: T.\npremise a: A.\nt <- a\n  side: author\n")
    problem = only(loaded, "E211")
    assert problem.message == "'side:' does not apply to an inference"
    assert problem.hint == (
        "a side says whose reasoning a statement is: put it under the statement"
    )


# ---- citations -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "citation", "kind", "date"),
    [
        (
            "[state-media, 2017-01-31] RIA Novosti",
            "RIA Novosti",
            SourceKind.STATE_MEDIA,
            "2017-01-31",
        ),
        ("[named expert] Gen. Brooks", "Gen. Brooks", SourceKind.NAMED_EXPERT, None),
        (
            "[Interested Party, July 2017] Kremlin",
            "Kremlin",
            SourceKind.INTERESTED_PARTY,
            "July 2017",
        ),
        ("[news, 14 July, 2017] Reuters", "Reuters", SourceKind.NEWS, "14 July, 2017"),
        ("[study]", "", SourceKind.STUDY, None),
        ("[hearsay,  ]   a friend of a friend", "a friend of a friend", SourceKind.HEARSAY, None),
        ("Reuters, 14 July 2017", "Reuters, 14 July 2017", None, None),
        ("[1] Smith", "[1] Smith", None, None),  # a bracket near no kind is text
        ("\\[news] in brief", "[news] in brief", None, None),  # an escaped bracket is text
        ("[news", "[news", None, None),  # no closing mark: text
    ],
)
def test_a_citation_reads_its_kind_and_date(
    written: str, citation: str, kind: SourceKind | None, date: str | None
) -> None:
    loaded = read(f"evidence e: E.\n  cite: {written}\n")
    assert errors(loaded) == []
    (statement,) = loaded.map.statements
    assert (statement.citation, statement.source_kind, statement.source_date) == (
        citation,
        kind,
        date,
    )
    text = f"evidence e: E.\n  cite: {written}\n"
    assert format_text(text) == text
    again = argmap.parse(print_map(loaded.map)).map.statements[0]
    assert (again.citation, again.source_kind, again.source_date) == (citation, kind, date)


def test_a_citation_prints_its_kind_as_the_model_spells_it() -> None:
    assert printed_model("evidence e: E.\n  cite: [named expert,2017]  Gen. Brooks\n") == (
        "evidence e: E.\n  cite: [named-expert, 2017] Gen. Brooks\n"
    )
    assert printed_model("evidence e: E.\n  cite: [study]\n") == "evidence e: E.\n  cite: [study]\n"
    # a text that would read as a bracket is escaped
    assert printed_model("evidence e: E.\n  cite: \\[news] x\n") == (
        "evidence e: E.\n  cite: \\[news] x\n"
    )


def test_e218_unknown_source_kind_with_did_you_mean() -> None:
    loaded = read("evidence e: E.\n  cite: [stat-media, 2017] RIA Novosti\n")
    problem = only(loaded, "E218")
    assert problem.message == "'stat-media' is not a kind of source"
    assert where(loaded) == [("E218", 2, 10, 20)]
    assert problem.hint == (
        "did you mean 'state-media'? The kinds: study, survey, document, named-expert, "
        "official, news, interested-party, state-media, anonymous, hearsay"
    )
    (statement,) = loaded.map.statements
    # the citation is kept whole, as written: nothing is lost to the error (and the map prints
    # back as text that reads)
    assert (statement.citation, statement.source_kind, statement.source_date) == (
        "[stat-media, 2017] RIA Novosti",
        None,
        None,
    )


def test_e218_is_placed_at_the_kind_inside_the_bracket() -> None:
    loaded = read("evidence e: E.\n  cite:   [  nws ] AP\n")
    assert where(loaded) == [("E218", 2, 14, 17)]
    assert only(loaded, "E218").hint is not None
    assert only(loaded, "E218").hint.startswith("did you mean 'news'?")


# ---- the flat header ---------------------------------------------------------------------------


def test_the_flat_header() -> None:
    assert read("thesis t: T.\n").map.header.flat is True
    assert read("flat: checked\nthesis t: T.\n").map.header.flat is True
    loaded = read("flat: Unchecked\nthesis t: T.\n")
    assert errors(loaded) == []
    assert loaded.map.header.flat is False
    assert printed_model("flat: unchecked\ntitle: T\n") == "title: T\nflat: unchecked\n"
    assert printed_model("flat: checked\n") == ""  # the default is not written
    assert format_text("flat:  unchecked\n") == "flat: unchecked\n"


def test_e220_a_flat_value_that_is_not_one() -> None:
    loaded = read("flat: uncheked\n")
    problem = only(loaded, "E220")
    assert problem.message == "'flat:' is 'checked' or 'unchecked', not 'uncheked'"
    assert where(loaded) == [("E220", 1, 7, 15)]
    assert problem.hint == (
        "did you mean 'unchecked'? 'flat: checked' (the default) reads an unhedged statement "
        "as stated flatly; 'flat: unchecked' says the map uses no hedges at all"
    )
    assert loaded.map.header.flat is True
    assert only(read("flat: yes\n"), "E220").hint.startswith("'flat: checked' (the default)")


def test_flat_given_twice_is_e212() -> None:
    loaded = read("flat: unchecked\nflat: checked\n")
    assert [d.code for d in errors(loaded)] == ["E212"]
    assert loaded.map.header.flat is False


# ---- concessions, contradictions, partial answers --------------------------------------------

RELATIONS = """
thesis t: T.
premise o: O.
premise r: R.
premise a: A.
step: t <- a
"""


@pytest.mark.parametrize(
    ("line", "kind", "partial", "auto_id"),
    [
        ("o limits t", AttackKind.CONCESSION, False, "o-limits-t"),
        ("o contradicts a", AttackKind.CONTRADICTION, False, "o-contradicts-a"),
        ("r partly rebuts o", AttackKind.REBUT, True, "r-rebuts-o"),
        ("r partly undercuts step", AttackKind.UNDERCUT, True, "r-undercuts-step"),
        ("r rebuts o", AttackKind.REBUT, False, "r-rebuts-o"),
    ],
)
def test_a_relation_reads_into_an_attack(
    line: str, kind: AttackKind, partial: bool, auto_id: str
) -> None:
    loaded = read(RELATIONS + line + "\n")
    assert errors(loaded) == []
    (attack,) = loaded.map.attacks
    words = line.split()
    assert (attack.id, attack.named, attack.kind, attack.partial) == (auto_id, False, kind, partial)
    assert (attack.attacker, attack.target) == (words[0], words[-1])
    assert (attack.attacker_span.line, attack.attacker_span.column) == (6, 1)
    assert attack.target_span.end_column == len(line) + 1
    assert format_text(line + "\n") == line + "\n"
    assert print_map(loaded.map).endswith(f"\n{line}\n")


@pytest.mark.parametrize(
    "line",
    ["n: o limits t", "n: o contradicts a", "n: r partly rebuts o", "n: r partly undercuts step"],
)
def test_a_relation_takes_a_name_and_attributes(line: str) -> None:
    text = RELATIONS + line + '\n  quote: "q"\n  note: why\n  allow: W3\n'
    loaded = argmap.parse(textwrap.dedent(text).lstrip("\n"), essay_text="q")
    assert errors(loaded) == [d for d in errors(loaded) if d.code == "E303"]
    (attack,) = loaded.map.attacks
    assert (attack.id, attack.named, attack.note, attack.allow) == ("n", True, "why", ("W3",))
    assert attack.quote is not None and attack.quote.text == "q"
    assert print_map(loaded.map).endswith(f'\n{line}\n  quote: "q"\n  note: why\n  allow: W3\n')


def test_partly_stands_only_before_rebuts_and_undercuts() -> None:
    loaded = read("premise a: A.\npremise b: B.\na partly limits b\n")
    problem = only(loaded, "E101")
    assert problem.message == "expected 'rebuts' or 'undercuts' after 'partly', found 'limits'"
    assert where(loaded) == [("E101", 3, 10, 16)]


@pytest.mark.parametrize(
    ("line", "column", "role"),
    [
        ("nothing limits t", 1, "granted point"),
        ("o limits nothing", 10, "limited point"),
        ("nothing contradicts t", 1, "contradicting point"),
        ("o contradicts nothing", 15, "contradicting point"),
        ("nothing partly rebuts o", 1, "attacker"),
    ],
)
def test_e202_for_the_new_relations(line: str, column: int, role: str) -> None:
    loaded = read(RELATIONS + line + "\n")
    problem = only(loaded, "E202")
    assert problem.message == f"'nothing' is not defined (used as the {role})"
    assert problem.span is not None
    assert (problem.span.line, problem.span.column) == (6, column)
    assert problem.hint == "define it as a statement first"


@pytest.mark.parametrize(
    ("line", "column", "message", "hint"),
    [
        (
            "step limits t",
            1,
            "the granted point 'step' is an inference, not a statement",
            "both ends of 'limits' are statements: the point the author grants, and the "
            "statement it limits",
        ),
        (
            "o limits step",
            10,
            "the limited point 'step' is an inference, not a statement",
            "both ends of 'limits' are statements: the point the author grants, and the "
            "statement it limits",
        ),
        (
            "o contradicts step",
            15,
            "the contradicting point 'step' is an inference, not a statement",
            "'a contradicts b' joins two statements that cannot both hold",
        ),
        (
            "o contradicts if-a-then-t",
            15,
            "the contradicting point 'if-a-then-t' is a conditional, not a statement",
            "'a contradicts b' joins two statements that cannot both hold",
        ),
    ],
)
def test_e216_both_ends_of_a_concession_and_a_contradiction_are_statements(
    line: str, column: int, message: str, hint: str
) -> None:
    loaded = read(RELATIONS + "if a then t\n" + line + "\n")
    problem = only(loaded, "E216")
    assert problem.message == message
    assert problem.span is not None
    assert (problem.span.line, problem.span.column) == (7, column)
    assert problem.hint == hint


def test_e216_a_concession_of_itself_is_not_an_undercut_of_itself() -> None:
    problem = only(read(RELATIONS + "x: o limits x\n"), "E216")
    assert problem.message == "the limited point 'x' is an attack, not a statement"


@pytest.mark.parametrize(
    ("line", "message", "hint"),
    [
        ("o limits o", "'o' limits itself", "a granted point limits another statement"),
        (
            "o contradicts o",
            "'o' contradicts itself",
            "a contradiction joins two different statements",
        ),
        ("o partly rebuts o", "'o' attacks itself", "an attack needs another target"),
    ],
)
def test_e217_a_concession_or_contradiction_of_itself(line: str, message: str, hint: str) -> None:
    loaded = read(RELATIONS + line + "\n")
    problem = only(loaded, "E217")
    assert (problem.message, problem.hint) == (message, hint)
    assert where(loaded) == [("E217", 6, 1, len(line) + 1)]


@pytest.mark.parametrize("word", ["limits", "contradicts", "partly", "flat"])
def test_the_new_words_are_reserved(word: str) -> None:
    assert word in RESERVED_WORDS
    loaded = read(f"premise {word}: A.\n")
    problem = only(loaded, "E210")
    assert problem.message == f"'{word}' is a word of the language and cannot be an id"
    assert where(loaded) == [("E210", 1, 9, 9 + len(word))]
    assert problem.hint == f"choose another id, such as '{word}-1'"


def test_a_longer_word_holding_a_new_word_is_an_id() -> None:
    loaded = read("premise limits-1: A.\npremise partlyx: B.\nlimits-1 limits partlyx\n")
    assert errors(loaded) == []
    assert loaded.map.attacks[0].id == "limits-1-limits-partlyx"


# ---- conditionals as steps ---------------------------------------------------------------------

CONDITIONAL = """
condition sanctions: The US tightens sanctions.
prediction closer: Russia moves closer to North Korea.
premise pattern: Sanctioned states turn to each other.
premise cuba: Cuba turned to the Soviet Union.
"""


def test_a_conditional_with_a_hedge_in_brackets_a_warrant_a_scheme_and_answers() -> None:
    loaded = read(
        CONDITIONAL
        + "tightening: if sanctions then closer [likely]\n"
        + "  warrant: pattern\n  scheme: Cause to Effect\n  answer 1: cuba\n  answer 3: pattern\n"
    )
    assert errors(loaded) == []
    (conditional,) = loaded.map.conditionals
    assert conditional.hedge is not None
    assert conditional.hedge.label == "likely · 55–80 %"
    assert (conditional.hedge.span.line, conditional.hedge.span.column) == (5, 38)
    assert conditional.warrant == "pattern"
    assert conditional.scheme == "cause-to-effect"
    assert conditional.answers == {1: "cuba", 3: "pattern"}
    assert conditional.warrant_span is not None and conditional.warrant_span.line == 6
    assert conditional.scheme_span is not None and conditional.scheme_span.column == 11
    assert {n: span.line for n, span in conditional.answer_spans.items()} == {1: 8, 3: 9}
    assert conditional.hedge.span.end_column == 46
    assert (conditional.span.line, conditional.span.end_line) == (5, 9)  # with its attributes


def test_a_conditional_prints_back() -> None:
    text = (
        CONDITIONAL.lstrip("\n")
        + "tightening: if sanctions then closer [likely]\n"
        + "  warrant: pattern\n  scheme: cause-to-effect\n  answer 1: cuba\n"
    )
    assert format_text(text) == text
    assert printed_model(text).endswith(
        "\n\ntightening: if sanctions then closer [likely]\n"
        "  warrant: pattern\n  scheme: cause-to-effect\n  answer 1: cuba\n"
    )
    # a 'hedge:' line is kept as written; from a model, brackets hold it when they can
    hedged = CONDITIONAL.lstrip("\n") + "if sanctions then closer\n  hedge: probably\n"
    assert format_text(hedged) == hedged
    assert printed_model(hedged).endswith("\n\nif sanctions then closer [probably]\n")
    (conditional,) = read(hedged).map.conditionals
    assert conditional.hedge is not None and conditional.hedge.qualifiers[0].word == "probably"


def test_a_conditional_hedge_brackets_cannot_hold_is_a_hedge_line() -> None:
    text = CONDITIONAL.lstrip("\n") + "if sanctions then closer\n  hedge: accepted\n"
    assert printed_model(text).endswith("\nif sanctions then closer\n  hedge: accepted\n")
    assert only(read(text), "E203").message == "'accepted' is not a hedge word"


def test_a_conditional_hedge_given_twice_is_e211() -> None:
    loaded = read(CONDITIONAL + "if sanctions then closer [likely]\n  hedge: may\n")
    problem = only(loaded, "E211")
    assert problem.message == "the hedge is given twice, in brackets and as 'hedge:'"
    assert where(loaded) == [("E211", 6, 10, 13)]
    (conditional,) = loaded.map.conditionals
    assert conditional.hedge is not None and conditional.hedge.qualifiers[0].text == "likely"


def test_accepted_does_not_apply_to_a_conditional() -> None:
    loaded = read(CONDITIONAL + "if sanctions then closer [likely, accepted]\n")
    problem = only(loaded, "E211")
    assert problem.message == "'accepted' does not apply to a conditional"
    assert where(loaded) == [("E211", 5, 26, 44)]
    assert problem.hint == "only a premise or an assumption can be accepted common ground"


def test_a_conditional_hedge_word_is_checked() -> None:
    loaded = read(CONDITIONAL + "if sanctions then closer [likley]\n")
    problem = only(loaded, "E203")
    assert problem.message == "'likley' is not a hedge word"
    assert problem.hint == "did you mean 'likely'?"
    assert problem.subjects == ("if-sanctions-then-closer",)


def test_e213_an_answer_the_conditional_scheme_does_not_have() -> None:
    loaded = read(CONDITIONAL + "if sanctions then closer\n  scheme: sign\n  answer 3: cuba\n")
    problem = only(loaded, "E213")
    assert problem.message == "the scheme 'sign' has questions 1 to 2, not 3"
    assert where(loaded) == [("E213", 7, 3, 17)]
    loaded = read(CONDITIONAL + "if sanctions then closer\n  answer 1: cuba\n")
    assert only(loaded, "E213").message == "question 1 is answered, but the step has no scheme"


def test_e204_an_unknown_scheme_of_a_conditional() -> None:
    loaded = read(CONDITIONAL + "if sanctions then closer\n  scheme: cause-effect\n")
    assert only(loaded, "E204").message == "'cause-effect' is not a known scheme"


def test_a_conditional_warrant_and_answers_are_statements() -> None:
    loaded = read(CONDITIONAL + "link: if sanctions then closer\n  warrant: link\n")
    problem = only(loaded, "E216")
    assert problem.message == "the warrant 'link' is a conditional, not a statement"
    loaded = read(CONDITIONAL + "if sanctions then closer\n  scheme: sign\n  answer 1: nobody\n")
    assert only(loaded, "E202").message == (
        "'nobody' is not defined (used as the answer to question 1)"
    )
    loaded = read(CONDITIONAL + "if sanctions then closer\n  warrant: closer\n")
    assert only(loaded, "E217").message == "'closer' is given as the warrant of its own step"


def test_a_conditional_can_be_undercut_or_rebutted() -> None:
    # "x rebuts <conditional>" is read as an undercut of its link: neither E208 nor E209
    base = CONDITIONAL + "link: if sanctions then closer\nif cuba then closer\nobjection x: X.\n"
    lines = (
        "x undercuts link",
        "x rebuts link",
        "x partly rebuts link",
        "x partly undercuts if-cuba-then-closer",
    )
    for line in lines:
        assert errors(read(base + line + "\n")) == [], line
    (attack,) = read(base + "x rebuts link\n").map.attacks
    assert (attack.kind, attack.target) == (AttackKind.REBUT, "link")


def test_a_conditional_still_refuses_what_is_a_statement_s() -> None:
    loaded = read(CONDITIONAL + "if sanctions then closer\n  cite: Reuters\n")
    problem = only(loaded, "E211")
    assert problem.message == "'cite:' does not apply to a conditional"
    assert problem.hint == "a citation belongs to a statement, usually evidence"


# ---- everything at once ------------------------------------------------------------------------

EVERYTHING = """
title: The enemy of my enemy
flat: unchecked

thesis allies [likely]: North Korea and Russia are allies again.
  side: author
evidence aid: Russia has expanded its economic assistance.
  cite: [state-media, 2017-01-31] RIA Novosti
objection token: The aid is a token gesture.
  side: other
premise sums: The aid runs to millions.
premise small: The aid is small next to China's.
premise rivals: Russia and North Korea compete for China's favour.
condition sanctions: The US tightens sanctions.

from-aid: allies <- aid
token partly rebuts aid
sums partly undercuts token-rebuts-aid
small limits allies
allies contradicts rivals
tightening: if sanctions then allies [probably]
  scheme: cause-to-effect
  answer 2: aid
rivals rebuts tightening
"""


def test_every_addition_in_one_map_reads_without_errors_and_prints_back() -> None:
    text = textwrap.dedent(EVERYTHING).lstrip("\n")
    loaded = argmap.parse(text)
    assert errors(loaded) == []
    assert format_text(text) == text
    model = loaded.map
    assert without_spans(argmap.parse(format_text(text)).map) == without_spans(model)
    reprinted = argmap.parse(print_map(model)).map
    assert without_spans(reprinted) == without_spans(model)
    assert print_map(reprinted) == print_map(model)
    assert model.header.flat is False
    assert [(a.id, a.kind, a.partial) for a in model.attacks] == [
        ("token-rebuts-aid", AttackKind.REBUT, True),
        ("sums-undercuts-token-rebuts-aid", AttackKind.UNDERCUT, True),
        ("small-limits-allies", AttackKind.CONCESSION, False),
        ("allies-contradicts-rivals", AttackKind.CONTRADICTION, False),
        ("rivals-rebuts-tightening", AttackKind.REBUT, False),
    ]
