"""Structural validation: each E2xx and E3xx code from a minimal map, at its line and column,
in words a debate coach understands; and how quotes are matched against the source."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap
from argmap import Diagnostic, Loaded, Span
from argmap.validate import CHECKS, Essay, closest_passage, fold, validate


def read(text: str, path: str | None = None, essay_text: str | None = None) -> Loaded:
    return argmap.parse(textwrap.dedent(text).lstrip("\n"), path, essay_text=essay_text)


def errors(loaded: Loaded) -> list[Diagnostic]:
    return [d for d in loaded.diagnostics if d.is_error]


def where(loaded: Loaded) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in errors(loaded) if d.span]


def only(loaded: Loaded, code: str) -> Diagnostic:
    """The one error of the map, which must have `code`."""
    found = errors(loaded)
    assert [d.code for d in found] == [code], found
    return found[0]


# ---- ids and references ---------------------------------------------------------------------


def test_e201_id_used_twice() -> None:
    loaded = read("premise a: A.\nclaim a: B.\n")
    diagnostic = only(loaded, "E201")
    assert diagnostic.message == "the id 'a' is already used"
    assert diagnostic.span == Span(line=2, column=7, end_line=2, end_column=8)
    assert diagnostic.hint == "first defined on line 1; give each element its own id"
    assert diagnostic.subjects == ("a",)


def test_e201_relation_written_twice_and_name_taken_by_a_statement() -> None:
    loaded = read("thesis t: T.\npremise a: A.\nt <- a\nt <- a\n")
    diagnostic = only(loaded, "E201")
    assert diagnostic.message == "this relation is written twice (it is 't<-a')"
    assert diagnostic.span == Span(line=4, column=1, end_line=4, end_column=7)
    loaded = read("thesis t: T.\npremise a: A.\na: t <- a\n")
    assert only(loaded, "E201").message == "the id 'a' is already used"
    assert where(loaded) == [("E201", 3, 1)]


def test_e202_reference_to_an_undefined_id_with_did_you_mean() -> None:
    loaded = read("thesis t: T.\npremise aid: A.\nt <- aide\n")
    diagnostic = only(loaded, "E202")
    assert diagnostic.message == "'aide' is not defined (used as the premise)"
    assert diagnostic.span == Span(line=3, column=6, end_line=3, end_column=10)
    assert diagnostic.hint == "did you mean 'aid'?"


@pytest.mark.parametrize(
    ("relation", "column", "role"),
    [
        ("nothing <- a", 1, "conclusion"),
        ("t <- a\n  warrant: nothing", 12, "warrant"),
        ("if nothing then t", 4, "condition"),
        ("if a then nothing", 11, "consequence"),
        ("nothing rebuts t", 1, "attacker"),
        ("a rebuts nothing", 10, "target"),
        ("a undercuts nothing", 13, "target"),
        ("a partly undercuts nothing", 20, "target"),
        ("nothing limits t", 1, "granted point"),
        ("a limits nothing", 10, "limited point"),
        ("a contradicts nothing", 15, "contradicting point"),
        ("if a then t\n  warrant: nothing", 12, "warrant"),
    ],
)
def test_e202_in_every_role(relation: str, column: int, role: str) -> None:
    loaded = read(f"thesis t: T.\npremise a: A.\n{relation}\n")
    diagnostic = only(loaded, "E202")
    assert diagnostic.message == f"'nothing' is not defined (used as the {role})"
    assert diagnostic.span is not None
    line = 4 if role == "warrant" else 3
    assert (diagnostic.span.line, diagnostic.span.column) == (line, column)
    assert diagnostic.hint == (
        "define it as a statement first"
        if role != "target" or "rebuts" in relation
        else "an undercut's target is the name of an inference, a conditional or an attack: "
        "write 'name: conclusion <- premises' and undercut that name"
    )


def test_e202_answer_to_an_undefined_statement() -> None:
    loaded = read("thesis t: T.\npremise a: A.\nt <- a\n  scheme: sign\n  answer 1: nothing\n")
    diagnostic = only(loaded, "E202")
    assert diagnostic.message == "'nothing' is not defined (used as the answer to question 1)"
    assert where(loaded) == [("E202", 5, 3)]  # at the answer line


def test_e210_reserved_word_as_id() -> None:
    loaded = read("premise if: A.\npremise title: B.\nthen: if if then title\n")
    assert [d.message for d in errors(loaded)] == [
        "'if' is a word of the language and cannot be an id",
        "'title' is a word of the language and cannot be an id",
        "'then' is a word of the language and cannot be an id",  # a relation's name
    ]
    assert where(loaded) == [("E210", 1, 9), ("E210", 2, 9), ("E210", 3, 1)]
    assert errors(loaded)[0].hint == "choose another id, such as 'if-1'"


def test_e216_reference_to_the_wrong_kind_of_element() -> None:
    loaded = read("thesis t: T.\npremise a: A.\nstep: t <- a\nclaim c: C.\nc <- step\n")
    diagnostic = only(loaded, "E216")
    assert diagnostic.message == "the premise 'step' is an inference, not a statement"
    assert where(loaded) == [("E216", 5, 6)]
    loaded = read("premise a: A.\npremise b: B.\nif a then b\nif-a-then-b rebuts a\n")
    assert only(loaded, "E216").message == (
        "the attacker 'if-a-then-b' is a conditional, not a statement"
    )


# ---- relations ------------------------------------------------------------------------------


def test_e206_inference_without_premises() -> None:
    loaded = read("thesis t: T.\nt <-\n")
    diagnostic = only(loaded, "E206")
    assert diagnostic.message == "the inference into 't' has no premises"
    assert diagnostic.span == Span(line=2, column=1, end_line=2, end_column=5)  # 't <-'
    assert diagnostic.hint == "list what supports it: t <- premise + premise"


def test_e207_conclusion_among_its_own_premises() -> None:
    loaded = read("thesis t: T.\npremise a: A.\nt <- a + t\n")
    diagnostic = only(loaded, "E207")
    assert diagnostic.message == "'t' is given as a premise of itself"
    assert diagnostic.span == Span(line=3, column=10, end_line=3, end_column=11)


def test_e208_undercut_of_a_statement() -> None:
    loaded = read("premise a: A.\npremise b: B.\na undercuts b\n")
    diagnostic = only(loaded, "E208")
    assert diagnostic.message == "an undercut attacks a step, but 'b' is a statement"
    assert where(loaded) == [("E208", 3, 13)]
    assert diagnostic.hint is not None
    assert diagnostic.hint.startswith("to deny the statement, write '... rebuts b'")
    loaded = read("premise a: A.\npremise b: B.\na partly undercuts b\n")
    assert where(loaded) == [("E208", 3, 20)]


def test_a_conditional_can_be_undercut_and_rebutted() -> None:
    # "x rebuts if-a-then-b" denies the link, as an undercut does: neither E208 nor E209
    text = "premise a: A.\npremise b: B.\nif a then b\nobjection x: X.\nx {} if-a-then-b\n"
    for verb in ("undercuts", "rebuts", "partly undercuts", "partly rebuts"):
        assert errors(read(text.format(verb))) == []


def test_e209_rebuttal_of_a_step_is_reported_once() -> None:
    loaded = read("premise a: A.\npremise b: B.\nstep: a <- b\nb rebuts step\n")
    diagnostic = only(loaded, "E209")  # and not also E216
    assert diagnostic.message == "a rebuttal denies a statement, but 'step' is an inference"
    assert where(loaded) == [("E209", 4, 10)]
    assert diagnostic.hint == "to attack a step, write '... undercuts step'"
    loaded = read("premise a: A.\npremise b: B.\na rebuts b\nb rebuts a-rebuts-b\n")
    assert only(loaded, "E209").message == (
        "a rebuttal denies a statement, but 'a-rebuts-b' is an attack"
    )


def test_e217_relation_joining_an_element_to_itself() -> None:
    loaded = read("premise a: A.\nif a then a\na rebuts a\n")
    assert where(loaded) == [("E217", 2, 1), ("E217", 3, 1)]
    assert [d.message for d in errors(loaded)] == [
        "'a' is made conditional on itself",
        "'a' attacks itself",
    ]


def test_an_attack_on_an_attack_is_well_formed() -> None:
    loaded = read(
        """
        thesis t: T.
        objection o: O.
        premise d: D.
        o rebuts t
        d undercuts o-rebuts-t
        """
    )
    assert errors(loaded) == []


# ---- hedges and schemes ---------------------------------------------------------------------


def test_e203_unknown_hedge_word() -> None:
    loaded = read("prediction w [likley]: War.\n")
    diagnostic = only(loaded, "E203")
    assert diagnostic.message == "'likley' is not a hedge word"
    assert diagnostic.span == Span(line=1, column=14, end_line=1, end_column=22)
    assert diagnostic.hint == "did you mean 'likely'?"
    assert diagnostic.subjects == ("w",)
    loaded = read("prediction w: War.\n  hedge: zzzz\n")
    diagnostic = only(loaded, "E203")
    assert diagnostic.hint is not None
    assert diagnostic.hint.startswith("use a word of the scale")
    assert where(loaded) == [("E203", 2, 10)]


def test_e203_on_the_hedge_of_a_step() -> None:
    loaded = read("thesis t: T.\npremise a: A.\nt <- a\n  hedge: mabye\n")
    assert only(loaded, "E203").hint == "did you mean 'may'?"
    assert where(loaded) == [("E203", 4, 10)]


@pytest.mark.parametrize(
    ("hedge", "message"),
    [
        ("150%", "the probability '150%' is outside 0 to 1"),
        ("70", "the probability '70' is outside 0 to 1"),
        ("80-60%", "the range '80-60%' runs backwards"),
        ("0.9-0.2", "the range '0.9-0.2' runs backwards"),
    ],
)
def test_e205_probability_out_of_range_or_backwards(hedge: str, message: str) -> None:
    loaded = read(f"prediction w [{hedge}]: War.\n")
    assert only(loaded, "E205").message == message
    assert where(loaded) == [("E205", 1, 14)]


def test_e204_unknown_scheme() -> None:
    loaded = read("thesis t: T.\npremise a: A.\nt <- a\n  scheme: Expert Opinoin\n")
    diagnostic = only(loaded, "E204")
    assert diagnostic.message == "'expert-opinoin' is not a known scheme"
    assert diagnostic.span == Span(line=4, column=11, end_line=4, end_column=25)
    assert diagnostic.hint == "did you mean 'expert-opinion'?"
    loaded = read("thesis t: T.\npremise a: A.\nt <- a\n  scheme: zzz\n")
    hint = only(loaded, "E204").hint
    assert hint is not None
    assert hint.startswith("known schemes: expert-opinion, cause-to-effect")


def test_e213_answer_to_a_question_the_step_does_not_have() -> None:
    loaded = read("thesis t: T.\npremise a: A.\nt <- a\n  scheme: sign\n  answer 3: a\n")
    diagnostic = only(loaded, "E213")
    assert diagnostic.message == "the scheme 'sign' has questions 1 to 2, not 3"
    assert where(loaded) == [("E213", 5, 3)]  # at the answer line
    loaded = read("thesis t: T.\npremise a: A.\nt <- a\n  answer 1: a\n")
    diagnostic = only(loaded, "E213")
    assert diagnostic.message == "question 1 is answered, but the step has no scheme"
    assert diagnostic.hint == "critical questions come from the scheme: add 'scheme:'"


def test_e214_accepted_on_a_statement_that_is_not_a_premise() -> None:
    loaded = read(
        "thesis t [accepted]: T.\nevidence e [accepted]: E.\nassumption s [accepted]: S.\n"
    )
    assert [d.message for d in errors(loaded)] == [
        "only a premise or an assumption can be accepted common ground, and 't' is a thesis",
        "only a premise or an assumption can be accepted common ground, and 'e' is evidence",
    ]
    assert where(loaded) == [("E214", 1, 8), ("E214", 2, 10)]


def test_e215_unknown_code_in_allow() -> None:
    loaded = read("premise a: A.\n  allow: E202, E999\n")
    diagnostic = only(loaded, "E215")
    assert diagnostic.message == "'E999' in 'allow:' is not a code argmap reports"
    assert where(loaded) == [("E215", 2, 16)]  # at the code itself
    # a prefix of a known code is known
    assert errors(read("premise a: A.\n  allow: E2, E\n")) == []


# ---- the source and its quotes --------------------------------------------------------------

ESSAY = """North Korea and Russia are friends again.

Russia has expanded its economic assistance to North Korea. It’s a “brotherhood” — of sorts.
"""


def test_quotes_found_in_the_source_pass(write_map: Callable[..., Path]) -> None:
    path = write_map(
        """
        source: essay.txt
        premise a: A.
          quote: "russia has   EXPANDED its economic assistance"
        premise b: B.
          quote: "It's a \\"brotherhood\\" - of sorts"
        premise c: C.
          quote: “friends again. Russia has”
        """,
        source=ESSAY,
    )
    assert errors(argmap.load(path)) == []


def test_e302_quote_not_in_the_source(write_map: Callable[..., Path]) -> None:
    path = write_map(
        """
        source: essay.txt
        premise a: A.
          quote: "Russia has expanded its military assistance"
        """,
        source=ESSAY,
    )
    diagnostic = only(argmap.load(path), "E302")
    assert diagnostic.message == "this quote is not in the source 'essay.txt'"
    assert diagnostic.span == Span(file=str(path), line=3, column=10, end_line=3, end_column=55)
    assert diagnostic.hint == (
        "the closest passage in the source is: "
        "“Russia has expanded its economic assistance to North Korea.”"
    )


def test_e302_with_nothing_close() -> None:
    loaded = read('premise a: A.\n  quote: "zebras"\n', essay_text=ESSAY)
    diagnostic = only(loaded, "E302")
    # the source was given as text, so it has no file name
    assert diagnostic.message == "this quote is not in the source"
    assert diagnostic.hint is not None
    assert diagnostic.hint.startswith("copy the words from the source exactly")


def test_e301_source_file_missing(write_map: Callable[..., Path]) -> None:
    path = write_map('source: missing.txt\npremise a: A.\n  quote: "x"\n')
    diagnostic = only(argmap.load(path), "E301")  # no E302 or E303 for its quotes
    assert diagnostic.message == (
        f"the source file 'missing.txt' does not exist (looked for {path.parent / 'missing.txt'})"
    )
    assert diagnostic.span == Span(file=str(path), line=1, column=9, end_line=1, end_column=20)
    assert diagnostic.hint == "the path in 'source:' is relative to the map's own folder"


def test_e301_source_is_a_folder_or_not_text(write_map: Callable[..., Path]) -> None:
    path = write_map("source: .\npremise a: A.\n")
    assert only(argmap.load(path), "E301").message == "the source '.' is a folder, not a text file"
    (path.parent / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    path = write_map("source: latin1.txt\n")
    assert only(argmap.load(path), "E301").message == (
        "the source file 'latin1.txt' is not UTF-8 text"
    )


def test_e301_source_name_the_system_cannot_take(write_map: Callable[..., Path]) -> None:
    path = write_map("source: a\x00b\n")
    assert only(argmap.load(path), "E301").message == "'a\x00b' cannot be the name of a file"


def test_e301_source_that_is_not_a_regular_file(write_map: Callable[..., Path]) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null on this system")
    path = write_map("source: /dev/null\n")
    assert only(argmap.load(path, essay_anywhere=True), "E301").message == (
        "the source '/dev/null' is not a regular text file"
    )


def test_e301_an_essay_outside_the_map_and_working_trees_is_refused(
    write_map: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a map from someone else must not make argmap read (and quote from) /etc/passwd
    monkeypatch.chdir(tmp_path)
    path = write_map('source: /etc/passwd\npremise a: A.\n  quote: "root:x:0"\n')
    refused = only(argmap.load(path), "E301")
    assert "outside the map's folder and the current folder" in refused.message
    assert refused.hint is not None and "--essay-anywhere" in refused.hint
    assert "root" not in (refused.hint + refused.message).replace("root:x:0", "")
    above = write_map("source: ../../outside.txt\npremise a: A.\n", name="up.argmap")
    assert "outside" in only(argmap.load(above), "E301").message
    # inside the map's tree it is read; with essay_anywhere, anywhere
    assert [d.code for d in argmap.load(path, essay_anywhere=True).diagnostics if d.is_error] in (
        [],
        ["E302"],
    )


def test_e303_quotes_without_a_source() -> None:
    loaded = read('premise a: A.\n  quote: "one"\npremise b: B.\n  quote: "two"\n')
    diagnostic = only(loaded, "E303")  # once, at the first quote
    assert diagnostic.message == "the map quotes a source but has no 'source:' header"
    assert diagnostic.span == Span(line=2, column=10, end_line=2, end_column=15)


def test_e303_not_without_quotes_and_not_with_essay_text() -> None:
    assert errors(read("premise a: A.\n")) == []
    assert errors(read('premise a: A.\n  quote: "friends again"\n', essay_text=ESSAY)) == []


def test_essay_text_given_directly_wins_over_the_header() -> None:
    loaded = read(
        'source: missing.txt\npremise a: A.\n  quote: "friends again"\n', essay_text=ESSAY
    )
    assert errors(loaded) == []


def test_fold_and_closest_passage() -> None:
    assert fold("It’s  A “Brotherhood” — OK") == 'it\'s a "brotherhood" - ok'
    assert closest_passage("Russia expanded economic assistance", ESSAY) == (
        "Russia has expanded its economic assistance to North Korea."
    )
    assert closest_passage("zebras", ESSAY) is None


# ---- the stage --------------------------------------------------------------------------------


def test_validate_runs_every_check_in_order() -> None:
    assert [check.__name__ for check in CHECKS] == [
        "duplicate_ids",
        "reserved_ids",
        "references",
        "self_references",
        "hedge_words",
        "scheme_names",
        "accepted_flags",
        "allowed_codes",
        "quotes",
    ]
    model = read("premise a: A.\nclaim a: B.\na <- b\n").map
    assert [d.code for d in validate(model, Essay(None))] == ["E201", "E202"]


def test_e100_map_file_cannot_be_read(tmp_path: Path) -> None:
    loaded = argmap.load(tmp_path / "missing.argmap")
    diagnostic = only(loaded, "E100")
    assert diagnostic.message == (
        f"cannot read the map file '{tmp_path / 'missing.argmap'}': No such file or directory"
    )
    assert diagnostic.span is not None
    assert diagnostic.span.file == str(tmp_path / "missing.argmap")
    (tmp_path / "latin1.argmap").write_bytes("premise a: caf\xe9".encode("latin-1"))
    assert only(argmap.load(tmp_path / "latin1.argmap"), "E100").message.endswith(
        "it is not UTF-8 text (byte 0xe9 at 1:15)"
    )


def test_an_empty_quote_anchors_nothing() -> None:
    text = 'source: essay.txt\nthesis t: T.\n  quote: "  "\n'
    loaded = argmap.parse(text, essay_text="Anything at all.")
    [problem] = loaded.diagnostics
    assert (problem.code, problem.span and problem.span.line) == ("E302", 3)
    assert "empty" in problem.message


def test_an_undercut_of_itself_is_refused() -> None:
    text = "thesis t: T.\nobjection o: O.\nx: o undercuts x\n"
    [problem] = [d for d in argmap.parse(text).diagnostics if d.is_error]
    assert problem.code == "E217"
    assert problem.message == "the attack 'x' undercuts itself"
    assert problem.span is not None and (problem.span.line, problem.span.column) == (3, 16)


def test_a_conclusion_is_not_its_own_warrant() -> None:
    text = "thesis t: T.\nevidence e: E.\nt <- e\n  warrant: t\n"
    [problem] = [d for d in argmap.parse(text).diagnostics if d.is_error]
    assert problem.code == "E217"
    assert "warrant of its own step" in problem.message
    assert problem.span is not None and (problem.span.line, problem.span.column) == (4, 12)
