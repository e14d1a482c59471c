"""`argmap check` and `argmap schema`, run in-process: exit statuses, the human and JSON
formats, --strict, --no-color, unreadable files."""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import argmap
import argmap.cli.check
import argmap.cli.common
from argmap import ArgumentMap, Diagnostic, Loaded, Severity, Span
from argmap.cli import cli, main

WriteMap = Callable[..., Path]

CLEAN = """
    thesis t: Russia and North Korea are allies.
    premise a [accepted]: They signed a treaty.
    t <- a
"""
BROKEN = """
    thesis t: T.
    t <- b
"""
JSON_KEYS = {
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "code",
    "message",
    "hint",
    "name",
    "subjects",
    "links",
}


def run(*args: str, color: bool = False) -> Result:
    return CliRunner().invoke(cli, list(args), color=color)


# ---- exit statuses ----------------------------------------------------------------------------


def test_exit_0_without_errors(write_map: WriteMap) -> None:
    path = write_map(CLEAN)
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    assert "error[" not in result.stdout
    assert result.stderr.startswith("1 file checked: 0 errors")


def test_exit_1_with_errors_and_the_human_format(write_map: WriteMap) -> None:
    path = write_map(BROKEN)
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:2:6: error[E202]: 'b' is not defined (used as the premise)\n"
        "    2 | t <- b\n"
        "      |      ^\n"
        "  hint: define it as a statement first\n"
        "\n"
    )
    assert result.stderr.startswith("1 file checked: 1 error, ")


def test_main_returns_the_exit_status(
    write_map: WriteMap, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(write_map(CLEAN))]) == 0
    assert main(["check", str(write_map(BROKEN, name="broken.argmap"))]) == 1
    out = capsys.readouterr().out
    assert "broken.argmap:2:6: error[E202]" in out


def test_every_file_is_checked_and_the_worst_status_wins(write_map: WriteMap) -> None:
    clean = write_map(CLEAN, name="clean.argmap")
    broken = write_map(BROKEN, name="broken.argmap")
    result = run("check", "--format", "json", str(clean), str(broken))
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert {r["file"] for r in records if r["severity"] == "error"} == {str(broken)}


def _with_findings(monkeypatch: pytest.MonkeyPatch, *severities: Severity) -> None:
    """Make `check` see findings of these severities (whatever the analysis finds today)."""
    span = Span(file="m.argmap", line=1, column=1, end_line=1, end_column=2)
    findings = [
        Diagnostic(
            code="W101" if s is Severity.WARNING else "I401", severity=s, message="m", span=span
        )
        for s in severities
    ]
    monkeypatch.setattr(
        argmap.cli.check, "load", lambda path, **_: Loaded(ArgumentMap(path=str(path)), findings)
    )


def test_warnings_fail_only_with_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_findings(monkeypatch, Severity.WARNING, Severity.INFO)
    assert run("check", "m.argmap").exit_code == 0
    assert run("check", "--strict", "m.argmap").exit_code == 1


def test_infos_never_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_findings(monkeypatch, Severity.INFO)
    assert run("check", "--strict", "m.argmap").exit_code == 0


def test_strict_with_a_real_warning(write_map: WriteMap) -> None:
    path = write_map("thesis t: Nothing supports this.\n")
    plain = run("check", "--format", "json", str(path))
    strict = run("check", "--format", "json", "--strict", str(path))
    severities = {record["severity"] for record in json.loads(plain.stdout)}
    assert severities == {"warning"}
    assert (plain.exit_code, strict.exit_code) == (0, 1)


# ---- unreadable files and usage errors: exit 2 ---------------------------------------------


def test_missing_file_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.argmap"
    result = run("check", str(missing))
    assert result.exit_code == 2
    assert result.stdout.startswith(
        f"{missing}:1:1: error[E100]: cannot read the map file '{missing}': "
        "No such file or directory\n"
    )


def test_file_that_is_not_utf8_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "latin1.argmap"
    path.write_bytes("premise a: caf\xe9.\n".encode("latin-1"))
    result = run("check", "--format", "json", str(path))
    assert result.exit_code == 2
    (record,) = json.loads(result.stdout)
    assert (record["code"], record["file"]) == ("E100", str(path))
    assert record["message"].endswith("it is not UTF-8 text (byte 0xe9 at 1:15)")
    assert (record["line"], record["column"]) == (1, 15)  # at the bad byte, not at 1:1


def test_unreadable_file_wins_over_errors_elsewhere(write_map: WriteMap, tmp_path: Path) -> None:
    result = run("check", str(write_map(BROKEN)), str(tmp_path / "missing.argmap"))
    assert result.exit_code == 2


def test_folder_and_no_files_are_usage_errors(tmp_path: Path) -> None:
    folder = run("check", str(tmp_path))
    assert folder.exit_code == 2
    assert "is a directory" in folder.stderr
    assert run("check").exit_code == 2
    assert main(["check"]) == 2
    assert main(["check", "--format", "xml", "m.argmap"]) == 2


# ---- --format json ----------------------------------------------------------------------------


def test_json_is_exactly_one_array_on_stdout(write_map: WriteMap) -> None:
    path = write_map("premise a: A.\nclaim a: B.\nt <- a\n")
    result = run("check", "--format", "json", str(path))
    assert result.exit_code == 1
    records = json.loads(result.stdout)  # the whole of stdout, nothing before or after
    assert isinstance(records, list)
    assert [set(record) for record in records] == [JSON_KEYS, JSON_KEYS]
    assert records[0] == {
        "file": str(path),
        "line": 2,
        "column": 7,
        "end_line": 2,
        "end_column": 8,
        "severity": "error",
        "code": "E201",
        "message": "the id 'a' is already used",
        "hint": "first defined on line 1; give each element its own id",
        "name": "duplicate-id",
        "subjects": ["a"],
        "links": [],
    }
    assert (records[1]["code"], records[1]["line"], records[1]["column"]) == ("E202", 3, 1)
    assert result.stderr == ""


def test_json_of_nothing_to_report_is_an_empty_array(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_findings(monkeypatch)
    result = run("check", "--format", "json", "m.argmap")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


def test_json_keeps_text_as_written(write_map: WriteMap) -> None:
    path = write_map("thesis t: T.\nt <- ковер\n")
    result = run("check", "--format", "json", str(path))
    assert "'ковер' is not defined" in result.stdout  # not \u-escaped
    assert json.loads(result.stdout)[0]["message"] == "'ковер' is not defined (used as the premise)"


# ---- colour -----------------------------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `check` believe its output is a terminal, where it colours by default."""
    tty = types.SimpleNamespace(stdout=types.SimpleNamespace(isatty=lambda: True))
    monkeypatch.setattr(argmap.cli.common, "sys", tty)


@pytest.mark.usefixtures("terminal")
def test_colour_on_a_terminal_and_never_with_no_color(write_map: WriteMap) -> None:
    path = write_map(BROKEN)
    coloured = run("check", str(path), color=True)
    plain = run("check", "--no-color", str(path), color=True)
    assert "\x1b[" in coloured.stdout
    assert "\x1b[" not in plain.stdout
    assert plain.stdout.startswith(f"{path}:2:6: error[E202]: ")
    assert plain.exit_code == coloured.exit_code == 1


def test_no_colour_when_not_a_terminal(write_map: WriteMap) -> None:
    result = run("check", str(write_map(BROKEN)), color=True)
    assert "\x1b[" not in result.stdout


# ---- excerpts ---------------------------------------------------------------------------------


def test_excerpt_is_the_line_of_the_error_whatever_the_line_breaks(tmp_path: Path) -> None:
    # a form feed or a Unicode line separator inside a line is not a line break for argmap
    path = tmp_path / "odd.argmap"
    path.write_text("thesis t: One\x0cpage\u2028two.\r\nt <- b\r\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.stdout.splitlines()[1] == "    2 | t <- b"


def test_tabs_keep_the_caret_under_the_error(write_map: WriteMap) -> None:
    path = write_map("thesis t: T.\nt <-\tb\n")
    lines = run("check", str(path)).stdout.splitlines()
    assert lines[0].startswith(f"{path}:2:6: error[E202]")
    assert lines[1:3] == ["    2 | t <- b", "      |      ^"]


# ---- argmap schema ----------------------------------------------------------------------------


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in _refs(value)]
    return []


def test_schema_is_the_json_schema_of_a_map() -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema == ArgumentMap.model_json_schema()
    assert (schema["title"], schema["type"]) == ("ArgumentMap", "object")
    assert {"statements", "inferences", "conditionals", "attacks", "header"} <= set(
        schema["properties"]
    )
    # every reference resolves within the document
    definitions = schema["$defs"]
    refs = _refs(schema)
    assert refs
    for ref in refs:
        assert ref.startswith("#/$defs/")
        assert ref.removeprefix("#/$defs/") in definitions
    statement = definitions["Statement"]
    assert {"id", "kind", "text", "span", "id_span"} <= set(statement["required"])


def test_a_parsed_map_dumps_to_json_with_the_schema_keys(fixtures_dir: Path) -> None:
    loaded = argmap.load(fixtures_dir / "every_construct.argmap")
    dumped = json.loads(loaded.map.model_dump_json())
    schema = ArgumentMap.model_json_schema()
    assert set(dumped) == set(schema["properties"])
    statement_keys = set(schema["$defs"]["Statement"]["properties"])
    assert all(set(statement) == statement_keys for statement in dumped["statements"])
    assert ArgumentMap.model_validate_json(loaded.map.model_dump_json()) == loaded.map


def test_excerpt_of_a_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.argmap"
    path.write_text("\ufeffpremise a: A.\nclaim a: B.\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.stdout.splitlines()[1:3] == ["    2 | claim a: B.", "      |       ^"]
    path.write_text("\ufeffpremise: A.\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.stdout.splitlines()[1:3] == ["    1 | premise: A.", "      |        ^"]
