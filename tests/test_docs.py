"""The docs say what the code does: every code, hedge word and scheme is documented, the
tables in docs/language.md are those of argmap/hedges.py and argmap/schemes.py, and every
example in docs/diagnostics.md prints exactly what the doc says it prints.

To regenerate the tables after changing the scale or the schemes:
    .venv/bin/python tests/test_docs.py
and paste its output over the tables in docs/language.md.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import cli
from argmap.codes import REGISTRY
from argmap.hedges import SCALE, format_range
from argmap.schemes import SCHEMES

CHECKED = {code: entry for code, entry in REGISTRY.items() if entry.command == "check"}
DOCS = Path(__file__).parent.parent / "docs"
LANGUAGE = DOCS / "language.md"
DIAGNOSTICS = DOCS / "diagnostics.md"


def hedge_table() -> str:
    """The hedge scale as docs/language.md shows it: the scale's range, and what readers hear."""
    rows = [
        "| word | kind | probability | readers hear | source |",
        "| --- | --- | --- | --- | --- |",
    ]
    for term in SCALE:
        if term.scale is not None:
            probability = format_range(*term.scale)
        elif term.vague:
            probability = "none: vague"
        else:
            probability = "none"
        heard = format_range(*term.readers) if term.readers is not None else "—"
        cells = [term.word, term.row.value, probability, heard, term.source or "—"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def scheme_table() -> str:
    """The argumentation schemes as docs/language.md shows them."""
    rows = ["| scheme: | the step | critical questions |", "| --- | --- | --- |"]
    for scheme in SCHEMES:
        questions = " ".join(f"{n}. {q}" for n, q in enumerate(scheme.questions, start=1))
        rows.append(f"| {scheme.name} | {scheme.title} | {questions} |")
    return "\n".join(rows)


# ---- everything is documented -------------------------------------------------------------------


def test_every_code_is_in_the_diagnostics_doc() -> None:
    text = DIAGNOSTICS.read_text(encoding="utf-8")
    missing = [code for code in REGISTRY if code not in text]
    assert missing == [], "document these codes in docs/diagnostics.md"


def test_every_hedge_word_is_in_the_language_doc() -> None:
    text = LANGUAGE.read_text(encoding="utf-8")
    assert [term.word for term in SCALE if term.word not in text] == []


def test_every_scheme_is_in_the_language_doc() -> None:
    text = LANGUAGE.read_text(encoding="utf-8")
    assert [scheme.name for scheme in SCHEMES if scheme.name not in text] == []


def test_the_tables_are_those_of_the_code() -> None:
    text = LANGUAGE.read_text(encoding="utf-8")
    assert hedge_table() in text, "run tests/test_docs.py and paste the hedge table"
    assert scheme_table() in text, "run tests/test_docs.py and paste the scheme table"


def test_the_analysis_section_ends_the_diagnostics_doc() -> None:
    text = DIAGNOSTICS.read_text(encoding="utf-8")
    heading = "\n## Findings of the analysis (W and I codes)\n"
    assert text.count(heading) == 1
    # every E code is documented before it
    before = text.split(heading)[0]
    assert [code for code in CHECKED if code.startswith("E") and code not in before] == []


# ---- the examples of docs/diagnostics.md print what it says ------------------------------------


@dataclass
class Example:
    code: str
    map_text: str | None  # None: the example is a file that cannot be read
    essay: str | None
    output: str


_SECTION = re.compile(r"^### (E\d{3})\b.*$", re.MULTILINE)
_FENCE = re.compile(r"^[ \t]*```([\w.]*)\n(.*?)^[ \t]*```$", re.MULTILINE | re.DOTALL)


def examples() -> list[Example]:
    text = DIAGNOSTICS.read_text(encoding="utf-8")
    text = text.split("\n## Findings of the analysis")[0]
    starts = list(_SECTION.finditer(text))
    found: list[Example] = []
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        fences = {info: body for info, body in _FENCE.findall(text[start.end() : end])}
        found.append(
            Example(
                code=start.group(1),
                map_text=fences.get("argmap"),
                essay=fences.get("essay.txt"),
                output=fences["text"],
            )
        )
    return found


def test_every_error_code_has_an_example() -> None:
    documented = [example.code for example in examples()]
    assert documented == [code for code in CHECKED if code.startswith("E")]


@pytest.mark.parametrize("example", examples(), ids=lambda example: example.code)
def test_the_example_prints_what_the_doc_says(
    example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "example.argmap"
    if example.map_text is not None:
        (tmp_path / name).write_text(example.map_text, encoding="utf-8")
    else:
        name = "missing.argmap"
    if example.essay is not None:
        (tmp_path / "essay.txt").write_text(example.essay, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-color", name])
    assert f"error[{example.code}]" in result.stdout
    assert result.stdout == example.output + "\n"
    assert result.exit_code == (2 if example.code == "E100" else 1)


# ---- the examples of docs/language.md are in the language -------------------------------------

EVERYTHING_ESSAY = (
    "North Korea and Russia are allies again. Russia has expanded its economic assistance to "
    "North Korea."
)


def test_every_example_of_the_language_doc_reads_without_syntax_errors() -> None:
    text = LANGUAGE.read_text(encoding="utf-8")
    snippets = [textwrap.dedent(body) for info, body in _FENCE.findall(text) if info == "argmap"]
    assert len(snippets) == 28
    for snippet in snippets:
        loaded = argmap.parse(snippet, essay_text=EVERYTHING_ESSAY)
        syntax = [d for d in loaded.diagnostics if d.code.startswith("E1")]
        assert syntax == [], snippet
    # the first and the last example are whole maps, without any error
    for whole in (snippets[0], snippets[-1]):
        loaded = argmap.parse(whole, essay_text=EVERYTHING_ESSAY)
        assert [d for d in loaded.diagnostics if d.is_error] == [], whole


def test_the_output_format_examples_are_what_argmap_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = DIAGNOSTICS.read_text(encoding="utf-8").split("\n## The codes")[0]
    fences = dict(_FENCE.findall(text))
    monkeypatch.chdir(tmp_path)
    Path("essay.argmap").write_text(
        "thesis allies: Russia and North Korea are allies.\nallies <- treaty\n", encoding="utf-8"
    )
    human = CliRunner().invoke(cli, ["check", "--no-color", "essay.argmap"])
    assert human.stdout == fences["text"] + "\n"
    assert human.stderr == "1 file checked: 1 error, 0 warnings, 0 infos\n"
    machine = CliRunner().invoke(cli, ["check", "--format", "json", "essay.argmap"])
    assert json.loads(machine.stdout) == json.loads(fences["json"])


if __name__ == "__main__":
    print(hedge_table(), scheme_table(), sep="\n\n")


def test_every_import_code_is_documented_in_the_import_section_and_tested() -> None:
    text = DIAGNOSTICS.read_text(encoding="utf-8").split("\n## Importing from other formats")[1]
    tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    for code, entry in REGISTRY.items():
        if entry.command != "import":
            continue
        assert f"| {code} | {entry.name} |" in text, code
        assert code in tests, f"no test reports {code}"
