"""The pipeline, in order: read the map's text (syntax), check its structure against the essay
(validate), and find its weak links (analysis). `parse` and `load` are the library's front
door; the CLI uses them, and everything later (the report, the drawing) reads what they return.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from argmap.analysis import Analysis, analyse
from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic, Span, sort_key
from argmap.model import ArgumentMap
from argmap.parse import parse_map
from argmap.validate import Essay, validate


class Loaded(NamedTuple):
    """A map and every diagnostic about it, sorted by position; the text it was read from; the
    essay its `source:` names (its path, and its text or why it could not be read); and the
    analysis, for a map without errors (None for a map with errors: its analysis would
    mislead)."""

    map: ArgumentMap
    diagnostics: list[Diagnostic]
    text: str | None = None
    essay_path: Path | None = None
    essay: Essay = Essay(None)
    analysis: Analysis | None = None

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)

    @property
    def lines(self) -> list[str]:
        """The map's lines as the reader numbers them ("\\r\\n" and "\\r" end a line too, and
        nothing else does; no byte-order mark), for the excerpts under messages."""
        if self.text is None:
            return []
        text = self.text.removeprefix("\ufeff")
        return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def essay_path(argument_map: ArgumentMap) -> Path | None:
    """The essay file named by `source:`, found from the map's own folder."""
    name = argument_map.header.source
    if name is None:
        return None
    base = Path(argument_map.path).parent if argument_map.path else Path.cwd()
    return base / name


def read_essay(argument_map: ArgumentMap) -> Essay:
    """Read the essay named by `source:`, relative to the map's own folder."""
    name = argument_map.header.source
    path = essay_path(argument_map)
    if name is None or path is None:
        return Essay(None)
    try:
        if path.is_dir():
            return Essay(None, f"the source '{name}' is a folder, not a text file")
        if path.exists() and not path.is_file():
            # A device or a pipe could block the reader or never end.
            return Essay(None, f"the source '{name}' is not a regular text file")
        return Essay(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Essay(None, f"the source file '{name}' does not exist (looked for {path})")
    except UnicodeDecodeError:
        return Essay(None, f"the source file '{name}' is not UTF-8 text")
    except ValueError:  # a name the system cannot take, such as one with a NUL character
        return Essay(None, f"'{name}' cannot be the name of a file")
    except OSError as exc:
        return Essay(None, f"the source file '{name}' cannot be read: {exc.strerror}")


def parse(text: str, path: str | None = None, *, essay_text: str | None = None) -> Loaded:
    """Parse and check map text. `path` names the file in diagnostics and is where a relative
    `source:` is looked up; `essay_text` gives the essay directly instead.

    Never raises for bad input: every problem is a diagnostic.
    """
    argument_map, diagnostics = parse_map(text, path)
    if essay_text is not None:
        essay, where = Essay(essay_text), None
    else:
        essay, where = read_essay(argument_map), essay_path(argument_map)
    # An id declared on a line with a syntax error is reported there, once: its uses
    # elsewhere are not "undefined" too.
    lost = {subject for d in diagnostics if d.code.startswith("E1") for subject in d.subjects}
    diagnostics.extend(
        d
        for d in validate(argument_map, essay)
        if not (d.code == "E202" and lost & set(d.subjects))
    )
    analysis = None
    if not any(d.is_error for d in diagnostics):
        analysis = analyse(argument_map)  # the analysis needs a well-formed map
        diagnostics.extend(analysis.findings)
    return Loaded(argument_map, sorted(diagnostics, key=sort_key), text, where, essay, analysis)


# Far beyond any essay's map (a 5,000-argument map is about 2 MiB); a cap keeps a wrong path
# such as /dev/zero from filling the memory.
MAX_MAP_BYTES = 64 * 2**20


def read_map_text(path: Path) -> str:
    """A map file's text; OSError for a device or an absurdly large file, as for a missing one."""
    with open(path, "rb") as stream:
        if stat.S_ISCHR(os.fstat(stream.fileno()).st_mode):
            raise OSError(0, "it is a device, not a text file")
        data = stream.read(MAX_MAP_BYTES + 1)
    if len(data) > MAX_MAP_BYTES:
        raise OSError(0, f"it is larger than {MAX_MAP_BYTES // 2**20} MiB")
    return data.decode("utf-8")


def load(path: str | Path) -> Loaded:
    """Read, parse and check the map file at `path`."""
    name = str(path)
    try:
        text = read_map_text(Path(path))
    except (OSError, UnicodeDecodeError) as exc:
        reason = (
            "it is not UTF-8 text"
            if isinstance(exc, UnicodeDecodeError)
            else exc.strerror or str(exc)
        )
        problem = diagnostic(
            "E100",
            f"cannot read the map file '{name}': {reason}",
            # the file's name, so that the JSON record says which file could not be read
            Span(file=name, line=1, column=1, end_line=1, end_column=1),
            "check the path; argmap reads UTF-8 text files",
        )
        return Loaded(ArgumentMap(path=name), [problem])
    return parse(text, name)
