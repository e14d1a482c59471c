"""What every command that writes a file promises: the file whole or not at all, a message and
status 2 when it cannot be written, the map never replaced, errors coloured only on a terminal."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap import files
from argmap.cli import main
from argmap.cli.common import use_colour

MAP = "thesis t: The thesis.\nevidence e: The evidence.\n  cite: A report\nt <- e\n  scheme: sign\n"
BROKEN = "thesis t: The thesis.\nt <- missing\n"


@pytest.mark.parametrize(
    "command", [["report"], ["render", "--format", "dot"]], ids=["report", "render"]
)
def test_an_output_in_a_missing_folder_is_a_message_not_a_traceback(
    write_map: Callable[..., Path], capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = write_map(MAP, name="m.argmap")
    target = path.parent / "no-such-folder" / "out.txt"
    assert main([command[0], str(path), *command[1:], "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"cannot write '{target}'" in err
    assert "Traceback" not in err
    assert not target.parent.exists()


def test_report_output_gets_ordinary_permissions(write_map: Callable[..., Path]) -> None:
    path = write_map(MAP, name="m.argmap")
    out = path.parent / "report.md"
    assert main(["report", str(path), "--format", "markdown", "-o", str(out)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600


def test_a_rewritten_output_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.svg"
    target.write_bytes(b"old")
    target.chmod(0o640)
    files.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_same_file_sees_through_links(tmp_path: Path) -> None:
    real = tmp_path / "map.argmap"
    real.write_text(MAP, encoding="utf-8")
    link = tmp_path / "link.argmap"
    link.symlink_to(real)
    assert files.same_file(link, real)
    assert files.same_file(tmp_path / "x" / ".." / "map.argmap", real)
    assert not files.same_file(tmp_path / "other.svg", real)


@pytest.mark.parametrize(
    ("command", "closing"),
    [(["report"], "get a report"), (["questions"], "list the questions")],
)
def test_commands_print_a_broken_maps_errors_and_exit_1(
    write_map: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    closing: str,
) -> None:
    path = write_map(BROKEN, name="broken.argmap")
    assert main([*command, str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "error[E202]" in captured.err
    assert f"fix the errors to {closing}" in captured.err


def test_colour_follows_the_stream_that_is_printed_to(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    monkeypatch.setattr("sys.stdout", Terminal(False))
    monkeypatch.setattr("sys.stderr", Terminal(True))
    assert use_colour(False, "stderr")
    assert not use_colour(False, "stdout")
    assert not use_colour(True, "stderr")


def test_writing_through_a_symbolic_link_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "drawing.svg"
    real.write_bytes(b"old")
    link = tmp_path / "latest.svg"
    link.symlink_to(real)
    files.write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_device_or_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read)
    reader.start()
    files.write_atomic(fifo, b"drawing")
    reader.join(timeout=10)
    assert received == [b"drawing"]
    # Still a pipe, not a file renamed over it. (A device such as /dev/null takes the same
    # path; it is not tested here, since a regression would replace the machine's own.)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize(
    "command", [["report"], ["render", "--format", "dot"]], ids=["report", "render"]
)
def test_an_output_never_replaces_the_essay_the_map_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text("Russia sends aid.", encoding="utf-8")
    path = tmp_path / "m.argmap"
    path.write_text(
        'source: essay.txt\nthesis t: Aid.\n  quote: "Russia sends aid"\n', encoding="utf-8"
    )
    assert main([command[0], str(path), *command[1:], "-o", str(essay)]) == 2
    assert "refusing to write over the essay" in capsys.readouterr().err
    assert essay.read_text(encoding="utf-8") == "Russia sends aid."


def test_report_dash_writes_to_stdout(
    write_map: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_map(MAP, name="m.argmap")
    assert main(["report", str(path), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("ARGUMENT REPORT")
    assert not (Path.cwd() / "-").exists()


def test_a_device_is_not_read_as_a_map(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", os.devnull]) == 2
    assert "it is a device, not a text file" in capsys.readouterr().out


def test_a_full_standard_output_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("no /dev/full on this system")
    with open(full, "w") as stdout:
        done = subprocess.run(
            [sys.executable, "-c", "from argmap.cli import entry_point; entry_point()", "schema"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert "cannot write the output" in done.stderr
    assert "Traceback" not in done.stderr
