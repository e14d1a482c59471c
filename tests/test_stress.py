"""Stress: inputs far beyond an essay's map, or malformed at the byte level. Each gives
diagnostics or a correct result, never a traceback, for `check`, `report`, `questions` and
`render` (issue 12's list).

Sizes are those of the issue where the code is linear, smaller where the whole file must stay
well under 30 s (a chain deep enough to pass any recursion limit proves what 100,000 would);
benchmarks/ measures the time. The report's size grows linearly with a long support cycle and
with a step of many premises (a long circle is named by its first statements and a count, an
unnamed step of many premises by its first premises and a digest).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples

from argmap.cli import cli
from argmap.files import write_atomic
from argmap.syntax import parse_map
from argmap.words import Suggestions, suggest

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("check",),
    ("check", "--format", "json"),
    ("report",),
    ("report", "--format", "json"),
    ("questions",),
    ("render", "--format", "dot", "-o", "-"),
)


def run(path: Path, *command: str) -> tuple[int, str]:
    """The command on the map at `path`: its exit status and output; a traceback fails."""
    result = CliRunner().invoke(cli, [*command, str(path)], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{command}: {result.exception!r}") from result.exception
    assert result.exit_code in (0, 1, 2), result.output
    return result.exit_code, result.output


def every_command(path: Path, skip: tuple[str, ...] = ()) -> dict[tuple[str, ...], int]:
    return {command: run(path, *command)[0] for command in COMMANDS if command[0] not in skip}


def chain(steps: int) -> str:
    lines = ["thesis s0: The top.", *(f"claim s{n}: Link {n}." for n in range(1, steps))]
    lines += [f"evidence s{steps}: The bottom.", "  cite: A source"]
    lines += [f"s{n} <- s{n + 1}\n  scheme: sign" for n in range(steps)]
    return "\n".join(lines) + "\n"


def cycle(size: int) -> str:
    lines = ["thesis s0: The top.", *(f"claim s{n}: Link {n}." for n in range(1, size))]
    lines += [f"s{n} <- s{(n + 1) % size}\n  scheme: sign" for n in range(size)]
    return "\n".join(lines) + "\n"


def wide(premises: int) -> str:
    lines = ["thesis t: The top.", *(f"premise p{n}: Reason {n}." for n in range(premises))]
    lines.append("t <- " + " + ".join(f"p{n}" for n in range(premises)))
    return "\n".join(lines) + "\n  scheme: sign\n"


def attacks_on_attacks(depth: int) -> str:
    lines = ["thesis t: The top.", "premise p: A reason.", "t <- p", "  scheme: sign"]
    lines += [f"objection o{n}: Objection {n}." for n in range(depth)]
    lines.append("a0: o0 rebuts t")
    lines += [f"a{n}: o{n} undercuts a{n - 1}" for n in range(1, depth)]
    return "\n".join(lines) + "\n"


def _write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "map.argmap"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


SMALL = "thesis t: The top.\npremise p: A reason.\nt <- p\n  scheme: sign\n"

CASES: dict[str, Callable[[], str | bytes]] = {
    "a support chain 2,000 deep": lambda: chain(2_000),
    "a 10 MB map": lambda: (
        "thesis t: The top.\n" + "".join(f"  {'word ' * 200}\n" for _ in range(10_000)) + SMALL[19:]
    ),
    "a 1 MB line": lambda: "thesis t: " + "long " * 200_000 + "\n" + SMALL[19:],
    "a 1 MB line that does not parse": lambda: "thesis t: T.\n" + "x <- " + "+" * 1_000_000,
    "a million blank lines": lambda: "thesis t: The top.\n" + "\n" * 1_000_000 + SMALL[19:],
    "NUL bytes": lambda: SMALL.replace("A reason", "A\x00reason") + "\x00\x00\n\x00 x\n",
    "invalid UTF-8": lambda: SMALL.encode() + b"premise q: caf\xc3\x28 \xff\n",
    "a byte-order mark": lambda: "\ufeff" + SMALL,
    "CRLF line ends": lambda: SMALL.replace("\n", "\r\n"),
    "lone CR line ends": lambda: SMALL.replace("\n", "\r"),
    "a 4,301-digit question number": lambda: SMALL + "  answer " + "9" * 4_301 + ": p\n",
    "an indented a111…1x of 32,000 characters": lambda: (
        SMALL + "  note: n\n  a" + "1" * 32_000 + "x\n"
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_never_a_traceback(tmp_path: Path, name: str) -> None:
    every_command(_write(tmp_path, CASES[name]()))


def test_the_clean_shapes_read_clean(tmp_path: Path) -> None:
    for make in (lambda: chain(2_000), lambda: wide(1_000), lambda: "\ufeff" + SMALL):
        _, output = run(_write(tmp_path, make()), "check", "--format", "json")
        assert '"severity": "error"' not in output, output[:500]
    for ends in ("\r\n", "\r"):
        assert parse_map(SMALL.replace("\n", ends))[0] == parse_map(SMALL)[0]


def test_a_huge_question_number_is_a_question_the_scheme_lacks(tmp_path: Path) -> None:
    status, output = run(_write(tmp_path, CASES["a 4,301-digit question number"]()), "check")
    assert status == 1 and "error[E213]" in output


def test_invalid_utf8_points_at_the_bad_byte(tmp_path: Path) -> None:
    status, output = run(_write(tmp_path, CASES["invalid UTF-8"]()), "check")
    assert status == 2 and "byte 0xc3 at 5:15" in output


def test_the_1mb_line_that_does_not_parse_gets_a_short_message(tmp_path: Path) -> None:
    status, output = run(_write(tmp_path, CASES["a 1 MB line that does not parse"]()), "check")
    assert status == 1 and "error[E101]" in output and len(output) < 2_000


def test_attacks_on_attacks_5000_deep(tmp_path: Path) -> None:
    every_command(_write(tmp_path, attacks_on_attacks(5_000)))


def test_report_on_a_support_cycle_of_50000_statements(tmp_path: Path) -> None:
    # The JSON report's size shows the copying without running it at full size: a report
    # that grows with the cycle's square cannot be one of a 50,000-statement cycle.
    assert_report_grows_linearly(tmp_path, cycle, (250, 500))


def assert_report_grows_linearly(
    tmp_path: Path, make: Callable[[int], str], sizes: tuple[int, int]
) -> None:
    """The JSON report's length at two sizes, the second twice the first: a report that
    copies the input into every item grows near 4×, a linear one 2×."""
    lengths = []
    for size in sizes:
        _, output = run(_write(tmp_path, make(size)), "report", "--format", "json")
        lengths.append(len(output))
    assert lengths[1] < 2.3 * lengths[0], lengths


def test_2000_premises_in_one_inference(tmp_path: Path) -> None:
    path = _write(tmp_path, wide(2_000))  # 10,000: 16 s, docs/performance.md
    for command in (("check",), ("questions",), ("render", "--format", "dot", "-o", "-")):
        run(path, *command)


def test_report_on_10000_premises_in_one_inference(tmp_path: Path) -> None:
    assert_report_grows_linearly(tmp_path, wide, (500, 1_000))


def test_a_support_cycle_of_5000_statements_checks_questions_and_renders(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, cycle(5_000))
    for command in (("check",), ("questions",), ("render", "--format", "dot", "-o", "-")):
        run(path, *command)


def test_a_text_check_of_10000_errors_on_one_line_is_linear(tmp_path: Path) -> None:
    line = "t <- " + " + ".join(f"u{n}" for n in range(10_000))
    status, output = run(_write(tmp_path, "thesis t: The top.\n" + line + "\n"), "check")
    assert status == 1 and output.count("error[E202]") == 10_000


def test_5000_undefined_references_each_get_their_suggestion() -> None:
    ids = [f"s{n}" for n in range(5_000)]
    pool = Suggestions(ids)
    assert all(pool.closest(f"s{n}x") == f"s{n}" for n in range(0, 5_000, 7))
    text = "thesis t: T.\n" + "".join(f"premise s{n}: S.\n" for n in range(2_000))
    text += "".join(f"t <- s{n}x\n" for n in range(2_000))
    import argmap

    hints = [d.hint for d in argmap.parse(text).diagnostics if d.code == "E202"]
    assert len(hints) == 2_000 and hints[-1] == "did you mean 's1999'?"


@settings(max_examples=examples(500))
@given(
    word=st.text("abcde-", min_size=1, max_size=6),
    choices=st.lists(st.text("abcde-", min_size=1, max_size=6), max_size=40),
)
def test_a_small_pool_suggests_exactly_as_a_full_scan(word: str, choices: list[str]) -> None:
    # Suggestions narrows only a pool larger than MAX_COMPARED: a small one is scanned whole
    import difflib

    target = word.lower()
    by_folded: dict[str, str] = {}
    for choice in choices:
        if abs(len(choice.lower()) - len(target)) <= max(2, len(target) // 2):
            by_folded.setdefault(choice.lower(), choice)
    found = difflib.get_close_matches(target, list(by_folded), n=1, cutoff=0.6)
    assert suggest(word, choices) == (by_folded[found[0]] if found else None)


def test_lone_surrogates_from_python_reach_every_json_output() -> None:
    import json

    import argmap

    loaded = argmap.parse(
        "thesis t: T \ud800 x.\npremise p: P\udfff.\nt <- p\n  scheme: sign\n",
        essay_text="an essay \udc80",
    )
    assert not loaded.has_errors
    for form in ("json", "text", "markdown"):
        argmap.format_report(argmap.build_report(loaded.map), form).encode("utf-8")
    json.dumps(loaded.map.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")
    assert "\ufffd" in loaded.map.statements[0].text


@pytest.mark.parametrize("depth", ["²", "9" * 4_301, "-1", "٣"])
def test_render_depth_that_is_no_number_of_steps_is_a_usage_error(
    tmp_path: Path, depth: str
) -> None:
    path = _write(tmp_path, SMALL)
    status, output = run(path, "render", "--format", "dot", "-o", "-", "--depth", depth)
    assert status == 2 and "--depth" in output


@pytest.mark.parametrize("length", [242, 250, 255])
def test_output_names_up_to_255_bytes_are_written(tmp_path: Path, length: int) -> None:
    target = tmp_path / ("o" * (length - 4) + ".dot")
    assert len(target.name.encode()) == length
    write_atomic(target, b"digraph {}\n")
    assert target.read_bytes() == b"digraph {}\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_write_killed_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    target = tmp_path / "out.dot"
    target.write_bytes(b"old\n")
    # the child blocks inside the write (after the data, before the rename) and is killed there
    code = (
        "import os, sys, time; from pathlib import Path; import argmap.files as files\n"
        "real = os.fsync\n"
        "def stall(fd):\n    real(fd); print('writing', flush=True); time.sleep(60)\n"
        "os.fsync = stall\n"
        f"files.write_atomic(Path({str(target)!r}), b'new' * 1_000_000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert target.read_bytes() == b"old\n"
    if hasattr(os, "O_TMPFILE"):  # elsewhere a named temporary file can stay behind
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.dot"]


def test_an_unnamed_step_of_many_premises_has_a_short_id_of_its_own() -> None:
    from argmap.syntax.lower import automatic_step_id

    many = [f"p{n}" for n in range(40)]
    other = [*many[:20], "q", *many[21:]]
    assert automatic_step_id("c", ["a", "b"]) == "c<-a+b"  # short ones as ever
    assert len(automatic_step_id("c", many)) < 60
    assert automatic_step_id("c", many) != automatic_step_id("c", other)  # the middle counts
