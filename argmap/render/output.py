"""The last step: DOT text to SVG, PNG or PDF with Graphviz's `dot` (argmap.files writes them)."""

from __future__ import annotations

import signal

import graphviz

from argmap.render.options import FORMATS

INSTALL_HINT = (
    "install Graphviz: `sudo apt install graphviz` (Debian, Ubuntu), `brew install graphviz` "
    "(macOS), or see https://graphviz.org/download/; `--format dot` works without it"
)
PNG_DPI = "144"  # crisp on a screen and on paper; SVG and PDF are vector anyway
CRASH_HINT = (
    "a very large drawing can crash it: try `--detail compact`, or draw a part of the map "
    "with `--focus ID` (and `--depth N`)"
)


class RenderError(Exception):
    """The drawing could not be made; the message says why, for a person."""


class DotNotFoundError(RenderError):
    """Graphviz's `dot` is not installed (or not on PATH)."""

    def __init__(self) -> None:
        super().__init__(f"Graphviz's `dot` program was not found; {INSTALL_HINT}")


def layout(source: str, output_format: str) -> bytes:
    """Run `dot` on DOT text and return the drawing in `output_format` (svg, png or pdf)."""
    if output_format not in FORMATS or output_format == "dot":
        raise ValueError(f"dot cannot lay out the format {output_format!r}")
    try:
        data: bytes = graphviz.pipe("dot", output_format, source.encode("utf-8"), quiet=True)
    except graphviz.ExecutableNotFound:
        raise DotNotFoundError() from None
    except graphviz.CalledProcessError as exc:
        raise RenderError(failure(exc.returncode, exc.stderr)) from None
    return data


def failure(returncode: int, stderr: bytes | str | None) -> str:
    """What went wrong when dot exited with `returncode`, for a person. A negative return
    code is the signal that killed dot: it crashed, and said nothing of why."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else str(stderr or "")
    said = f": {text.strip()}" if text.strip() else ""
    if returncode < 0:
        try:
            name = f", {signal.Signals(-returncode).name}"
        except ValueError:
            name = ""
        return f"Graphviz's dot crashed (signal {-returncode}{name}){said}; {CRASH_HINT}"
    return f"Graphviz's dot failed{said or f' with exit status {returncode}'}"
