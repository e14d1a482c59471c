"""Golden files: the DOT text of every example map in maps/, compared exactly.

A change to the drawing shows up here as a diff of tests/golden/*.dot. When the change is
meant, rewrite them with `pytest --update-golden` and review `git diff tests/golden`.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
MAPS = sorted((ROOT / "maps").glob("*.argmap"))


def drawing_of(map_path: Path) -> str:
    loaded = argmap.load(map_path.relative_to(ROOT))  # paths in tooltips: maps/NAME.argmap
    assert not loaded.has_errors, [str(d) for d in loaded.diagnostics if d.is_error]
    assert loaded.analysis is not None
    return argmap.render_map(loaded.analysis, argmap.RenderOptions(format="dot")).decode("utf-8")


@pytest.mark.parametrize("map_path", MAPS, ids=[p.stem for p in MAPS])
def test_the_drawing_matches_its_golden_file(
    map_path: Path, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    drawn = drawing_of(map_path)
    golden = GOLDEN / f"{map_path.stem}.dot"
    if update_golden:
        golden.write_text(drawn, encoding="utf-8")
        return
    assert golden.exists(), f"no golden file for {map_path.name}: run pytest --update-golden"
    expected = golden.read_text(encoding="utf-8")
    if drawn != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), drawn.splitlines(), str(golden), "drawn", lineterm="", n=1
        )
        pytest.fail("the drawing changed; if that is meant, run pytest --update-golden\n"
                    + "\n".join(list(diff)[:40]))  # fmt: skip


def test_every_golden_file_has_its_map() -> None:
    stale = {p.stem for p in GOLDEN.glob("*.dot")} - {p.stem for p in MAPS}
    assert not stale, f"golden files without a map in maps/: {sorted(stale)}"
