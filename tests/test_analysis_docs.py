"""docs/analysis.md says what the analysis does: every finding code and scheme is in it, its
scheme table is the code's, and its worked example prints what the doc says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.codes import REGISTRY
from argmap.schemes import SCHEMES

NAMES = {c: e.name for c, e in REGISTRY.items() if e.is_finding and e.command == "check"}
ANALYSIS = Path(__file__).parent.parent / "docs" / "analysis.md"
_FENCE = re.compile(r"^```([\w.]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def scheme_rows() -> list[str]:
    return [
        f"| {s.name} | {s.title} | "
        + " ".join(f"{n}. {q}" for n, q in enumerate(s.questions, start=1))
        + " |"
        for s in SCHEMES
    ]


def test_every_finding_is_documented_with_its_name() -> None:
    text = ANALYSIS.read_text(encoding="utf-8")
    missing = [code for code, name in NAMES.items() if f"| {code} | {name} |" not in text]
    assert missing == []


def test_the_scheme_table_is_that_of_the_code() -> None:
    text = ANALYSIS.read_text(encoding="utf-8")
    assert [row for row in scheme_rows() if row not in text] == []
    assert len(SCHEMES) >= 8


def test_the_worked_example_prints_what_the_doc_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = ANALYSIS.read_text(encoding="utf-8").split("### Worked example")[1]
    fences = _FENCE.findall(section)
    map_text = next(body for info, body in fences if info == "argmap")
    output = next(body for info, body in fences if info == "text").strip()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.argmap").write_text(map_text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-color", "essay.argmap"])
    assert output in result.stdout.splitlines()


def test_the_chain_example_prints_what_the_doc_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = ANALYSIS.read_text(encoding="utf-8").split("A weak link deep down a chain")[1]
    fences = _FENCE.findall(section)
    map_text = next(body for info, body in fences if info == "argmap")
    output = next(body for info, body in fences if info == "text").strip()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "chain.argmap").write_text(map_text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-color", "--select", "W105", "chain.argmap"])
    assert output in result.stdout.splitlines()


# ---- the findings' section of docs/diagnostics.md ---------------------------------------------

DIAGNOSTICS = ANALYSIS.parent / "diagnostics.md"
HEADING = "\n## Findings of the analysis (W and I codes)\n"
_SECTION = re.compile(r"^### ([WI]\d{3}):.*$", re.MULTILINE)


def finding_examples() -> list[tuple[str, str, str]]:
    """(code, map, output) for each section under the findings' heading."""
    text = DIAGNOSTICS.read_text(encoding="utf-8").split(HEADING)[1]
    starts = list(_SECTION.finditer(text))
    examples = []
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        fences = dict(_FENCE.findall(text[start.end() : end]))
        examples.append((start.group(1), fences["argmap"], fences["text"]))
    return examples


def test_every_finding_code_has_an_example_in_order() -> None:
    assert [code for code, _map, _output in finding_examples()] == list(NAMES)


@pytest.mark.parametrize("example", finding_examples(), ids=lambda example: example[0])
def test_the_finding_example_prints_what_the_doc_says(
    example: tuple[str, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, map_text, output = example
    monkeypatch.chdir(tmp_path)
    (tmp_path / "example.argmap").write_text(map_text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-color", "--select", code, "example.argmap"])
    assert result.stdout == output + "\n"
    assert result.exit_code == 0
