"""`argmap check --format sarif`: a SARIF 2.1.0 log, one rule per code reported, one result per
diagnostic, with levels, positions and file names relative to the current directory."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.cli.printing import format_sarif
from argmap.codes import diagnostic, lookup
from argmap.diagnostics import Span

WITH_ERRORS = textwrap.dedent(
    """\
    thesis t: T.
    t <- treaty
    """
)
WITH_FINDINGS = textwrap.dedent(
    """\
    thesis t [may]: Russia and North Korea are allies.
    premise a: They signed a treaty.
    t <- a
      scheme: sign
    """
)


def sarif(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(cli, ["check", "--format", "sarif", *args])
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    return tmp_path


def test_the_log_has_the_top_level_shape(in_tmp: Path) -> None:
    (in_tmp / "maps" / "m.argmap").write_text(WITH_ERRORS, encoding="utf-8")
    status, log = sarif("maps/m.argmap")
    assert status == 1
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "argmap"
    assert driver["version"] and driver["informationUri"].startswith("https://")
    assert run["columnKind"] == "unicodeCodePoints"


def test_an_error_is_a_result_with_its_rule_and_its_place(in_tmp: Path) -> None:
    (in_tmp / "maps" / "m.argmap").write_text(WITH_ERRORS, encoding="utf-8")
    _status, log = sarif("maps/m.argmap")
    [run] = log["runs"]
    assert run["tool"]["driver"]["rules"] == [
        {
            "id": "E202",
            "name": "undefined-reference",
            "shortDescription": {"text": lookup("E202").title},
            "defaultConfiguration": {"level": "error"},
        }
    ]
    [result] = run["results"]
    assert result["ruleId"] == "E202" and result["ruleIndex"] == 0
    assert result["level"] == "error"
    assert result["message"]["text"].startswith("'treaty' is not defined")
    assert "(hint: " in result["message"]["text"]
    [location] = result["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "maps/m.argmap"},
        "region": {"startLine": 2, "startColumn": 6, "endLine": 2, "endColumn": 12},
    }


def test_warnings_and_infos_are_warning_and_note_with_one_rule_each(in_tmp: Path) -> None:
    (in_tmp / "maps" / "m.argmap").write_text(WITH_FINDINGS, encoding="utf-8")
    status, log = sarif("maps/m.argmap", "--verbose")
    assert status == 0
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    assert {result["ruleId"] for result in run["results"]} == set(ids)
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in rules}
    assert levels["W202"] == "warning" and levels["I401"] == "note"
    for result in run["results"]:
        assert result["level"] == levels[result["ruleId"]]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_a_clean_run_is_a_log_with_no_results(in_tmp: Path) -> None:
    (in_tmp / "m.argmap").write_text("title: Nothing yet\n", encoding="utf-8")
    _status, log = sarif("--ignore", "W", "m.argmap")
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_an_unreadable_map_is_exit_2_and_still_a_log(in_tmp: Path) -> None:
    status, log = sarif("missing.argmap")
    assert status == 2
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "E100"
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "missing.argmap"


def test_a_file_outside_the_current_directory_is_a_file_uri(tmp_path: Path) -> None:
    span = Span(file="/elsewhere/m a.argmap", line=1, column=1, end_line=1, end_column=2)
    found = diagnostic("E202", "x", span)
    log = json.loads(format_sarif([found], base=tmp_path))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "file:///elsewhere/m%20a.argmap"


def test_a_diagnostic_without_a_place_has_no_location() -> None:
    log = json.loads(format_sarif([diagnostic("W502", "no thesis", None)]))
    assert "locations" not in log["runs"][0]["results"][0]


def test_the_log_meets_a_schema_of_its_required_parts(in_tmp: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    (in_tmp / "maps" / "m.argmap").write_text(WITH_FINDINGS, encoding="utf-8")
    _status, log = sarif("maps/m.argmap")
    text = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}
    result = {
        "type": "object",
        "required": ["ruleId", "level", "message"],
        "properties": {"level": {"enum": ["error", "warning", "note"]}, "message": text},
    }
    rule = {"type": "object", "required": ["id", "name", "shortDescription"]}
    driver = {
        "type": "object",
        "required": ["name", "version", "informationUri", "rules"],
        "properties": {"rules": {"type": "array", "items": rule}},
    }
    run = {
        "type": "object",
        "required": ["tool", "results"],
        "properties": {
            "tool": {"type": "object", "required": ["driver"], "properties": {"driver": driver}},
            "results": {"type": "array", "items": result},
        },
    }
    schema = {
        "type": "object",
        "required": ["$schema", "version", "runs"],
        "properties": {
            "version": {"const": "2.1.0"},
            "runs": {"type": "array", "minItems": 1, "items": run},
        },
    }
    jsonschema.validate(log, schema)


def test_the_example_in_the_docs_is_what_argmap_prints(in_tmp: Path) -> None:
    docs = (Path(__file__).parent.parent / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    [example] = re.findall(r"^```sarif\n(.*?)^```$", docs, re.MULTILINE | re.DOTALL)
    (in_tmp / "essay.argmap").write_text(
        "thesis allies: Russia and North Korea are allies.\nallies <- treaty\n", encoding="utf-8"
    )
    _status, log = sarif("essay.argmap")
    expected = json.loads(example)
    expected["runs"][0]["tool"]["driver"]["version"] = log["runs"][0]["tool"]["driver"]["version"]
    assert log == expected
