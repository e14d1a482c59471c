"""Interop: every example map through AIF and Argdown and back, the AIF's structure, imports of
real-looking exports, malformed inputs, and the CLI end to end."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest

import argmap
from argmap.cli import main
from argmap.interop import (
    export_aif,
    export_aif_text,
    export_argdown,
    export_json,
    import_aif,
    import_argdown,
    print_map,
)
from argmap.loader import load
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted((ROOT / "maps").glob("*.argmap"))
FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def essay_of(path: Path) -> str | None:
    essay = path.with_suffix(".txt")
    return essay.read_text("utf-8") if essay.exists() else None


def shape(m: ArgumentMap, attacks_on_attacks: bool = True) -> tuple[object, ...]:
    """What a round trip keeps; without `attacks_on_attacks` (Argdown), also what Argdown has
    no word for: a granted point reads back as an attack on it."""
    steps = {i.id for i in m.inferences}
    granted = {"concession": "rebut"} if not attacks_on_attacks else {}
    return (
        sorted((s.id, s.kind, s.text, s.accepted, s.citation) for s in m.statements),
        sorted((i.conclusion, i.premises, i.warrant, i.scheme) for i in m.inferences),
        sorted((c.antecedent, c.consequent) for c in m.conditionals),
        sorted(
            (
                granted.get(a.kind.value, a.kind.value),
                a.attacker,
                a.target if a.target not in steps else "step",
            )
            for a in m.attacks
            if attacks_on_attacks or a.kind.value != "undercut" or a.target in steps
        ),
    )


def check_clean(m: ArgumentMap, source: Path) -> None:
    loaded = argmap.parse(print_map(m), "out.argmap", essay_text=essay_of(source))
    assert [d for d in loaded.diagnostics if d.is_error] == []


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_json_export_is_valid_against_the_schema(path: Path) -> None:
    document = json.loads(export_json(load(path).map))
    jsonschema.validate(document, ArgumentMap.model_json_schema())


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_aif_round_trip(path: Path) -> None:
    original = load(path).map
    back, diagnostics = import_aif(export_aif_text(original), "map.json")
    assert diagnostics == []
    assert shape(back) == shape(original)
    check_clean(back, path)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_aif_structure(path: Path) -> None:
    document = export_aif(load(path).map)
    ids = {n["nodeID"] for n in document["nodes"]}
    assert all(e["fromID"] in ids and e["toID"] in ids for e in document["edges"])
    for node in document["nodes"]:
        if node["type"] in ("RA", "CA"):
            assert any(e["toID"] == node["nodeID"] for e in document["edges"])
            assert any(e["fromID"] == node["nodeID"] for e in document["edges"])


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_argdown_round_trip(path: Path) -> None:
    original = load(path).map
    back, diagnostics = import_argdown(export_argdown(original), "map.argdown")
    assert [d for d in diagnostics if d.is_error] == []
    # documented as lost: attacks on attacks
    assert shape(back, attacks_on_attacks=False) == shape(original, attacks_on_attacks=False)
    check_clean(back, path)


def test_aifdb_export_with_dialogue_nodes() -> None:
    text = (FIXTURES / "aifdb-dialogue.json").read_text("utf-8")
    m, diagnostics = import_aif(text, "aifdb.json")
    assert {s.text for s in m.statements} >= {"Russia sends aid to North Korea"}
    assert [i.scheme for i in m.inferences] == ["sign"]
    assert [a.kind.value for a in m.attacks] == ["undercut"]
    assert {d.code for d in diagnostics} == {"W601"}  # the preference and the rephrase
    check_clean(m, Path("none"))


def test_older_ova_layout_with_numeric_ids() -> None:
    m, diagnostics = import_aif((FIXTURES / "ova-old.json").read_text("utf-8"), "ova.json")
    assert diagnostics == []
    assert [a.kind.value for a in m.attacks] == ["undercut"]
    assert m.theses[0].text == "The object is red"
    check_clean(m, Path("none"))


def test_ambiguous_aif_is_imported_with_warnings() -> None:
    document = {
        "nodes": [
            {"nodeID": "1", "text": "A", "type": "I"},
            {"nodeID": "2", "text": "B", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
            {"nodeID": "4", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"fromID": "1", "toID": "3"},
            {"fromID": "1", "toID": "4"},
            {"fromID": "2", "toID": "4"},
            {"fromID": "4", "toID": "2"},
        ],
    }
    m, diagnostics = import_aif(json.dumps(document))
    assert [d.code for d in diagnostics] == ["W602", "W602"]
    assert [(i.conclusion, i.premises) for i in m.inferences] == [("b", ("a",))]


def test_argdown_debate() -> None:
    m, diagnostics = import_argdown((FIXTURES / "debate.argdown").read_text("utf-8"), "d.argdown")
    assert not any(d.is_error for d in diagnostics)
    assert m.header.title == "Are Russia and North Korea allies?"
    kinds = {(a.kind.value, a.attacker, a.target) for a in m.attacks}
    assert ("rebut", "token", "allies") in kinds and ("rebut", "sums", "token") in kinds
    assert ("undercut", "red-herring", "Sign") in kinds and ("rebut", "rivals", "friends") in kinds
    assert any(i.scheme == "sign" and i.conclusion == "allies" for i in m.inferences)
    assert {d.code for d in diagnostics} == {"W601", "W602"}  # a heading; <History>
    check_clean(m, Path("none"))


@pytest.mark.parametrize(
    ("reader", "text", "where", "code"),
    [
        (import_aif, '{"nodes": [\n  {"nodeID": 1,,}', "bad:2:16", "E401"),
        (import_aif, '{"hello": 1}', "bad:1:1", "E402"),
        (import_argdown, "[ok]: fine\n[broken: title\n", "bad:2:1", "E401"),
    ],
)
def test_malformed_inputs_are_positioned_errors(reader, text, where, code) -> None:  # type: ignore[no-untyped-def]
    _map, diagnostics = reader(text, "bad")
    assert diagnostics and diagnostics[0].is_error
    assert (str(diagnostics[0].span), diagnostics[0].code) == (where, code)


def test_cli_export_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = ROOT / "maps" / "undercut.argmap"
    for fmt in ("json", "aif", "argdown"):
        out = tmp_path / f"out.{fmt}"
        assert main(["export", str(source), "--to", fmt, "-o", str(out)]) == 0
    for fmt, name in (("aif", "out.aif"), ("argdown", "out.argdown")):
        target = tmp_path / f"back-{fmt}.argmap"
        assert main(["import", str(tmp_path / name), "--from", fmt, "-o", str(target)]) == 0
        assert main(["check", str(target)]) == 0
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    assert main(["import", str(bad), "--from", "aif"]) == 1
    assert f"{bad}:1:2" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "missing.json"), "--from", "aif"]) == 2


ARGDOWN = ROOT / ".cache" / "argdown"


def argdown_binary() -> Path:
    binary = ARGDOWN / "node_modules" / ".bin" / "argdown"
    if not binary.exists():
        ARGDOWN.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(ARGDOWN),
                "@argdown/cli@1.7.5",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0:
            if os.environ.get("CI"):
                pytest.fail(f"CI is set, but npm could not install Argdown: {done.stderr}")
            pytest.skip("npm could not install @argdown/cli@1.7.5 (no network?)")
    return binary


@pytest.mark.needs_argdown
@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_argdown_1_7_5_reads_the_export_without_errors(path: Path, tmp_path: Path) -> None:
    binary = argdown_binary()
    source = tmp_path / f"{path.stem}.argdown"
    source.write_text(export_argdown(load(path).map), "utf-8")
    done = subprocess.run(
        [str(binary), "json", str(source), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "error" not in (done.stdout + done.stderr).lower()
    assert (tmp_path / "out" / f"{path.stem}.json").exists()
