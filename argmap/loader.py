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
from argmap.syntax import cyclic_gc_paused, lost_ids, parse_map
from argmap.validate import Essay, validate
from argmap.words import without_lone_surrogates


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


MAX_ESSAY_BYTES = 16 * 2**20
"""An essay is a few pages (the flagship's is 4 KB; a whole book about 1 MB): a cap keeps a
wrong `source:` from filling the memory."""


def essay_outside(argument_map: ArgumentMap, path: Path) -> bool:
    """Whether the essay lies outside both the map's folder tree and the current directory's
    tree (an absolute path elsewhere, or `../..` past them). A map may come from someone else:
    such a `source:` could make argmap print, or a page embed, a file its user never meant
    to share."""
    resolved = Path(os.path.realpath(path))
    map_folder = Path(argument_map.path).parent if argument_map.path else Path.cwd()
    trees = (Path(os.path.realpath(map_folder)), Path(os.path.realpath(Path.cwd())))
    return not any(resolved.is_relative_to(tree) for tree in trees)


def read_essay(argument_map: ArgumentMap, *, essay_anywhere: bool = False) -> Essay:
    """Read the essay named by `source:`, relative to the map's own folder. One outside both
    the map's and the current directory's trees is refused unless `essay_anywhere`."""
    name = argument_map.header.source
    path = essay_path(argument_map)
    if name is None or path is None:
        return Essay(None)
    try:
        if not essay_anywhere and essay_outside(argument_map, path):
            return Essay(
                None,
                f"the source '{name}' is outside the map's folder and the current folder, "
                "so it is not read (a map from someone else could point anywhere)",
                "move the essay beside the map, or allow it with --essay-anywhere "
                "(load(..., essay_anywhere=True) from Python)",
            )
        if path.is_dir():
            return Essay(None, f"the source '{name}' is a folder, not a text file")
        if path.exists() and not path.is_file():
            # A device or a pipe could block the reader or never end.
            return Essay(None, f"the source '{name}' is not a regular text file")
        with open(path, "rb") as stream:
            data = stream.read(MAX_ESSAY_BYTES + 1)
        if len(data) > MAX_ESSAY_BYTES:
            return Essay(None, f"the source '{name}' is larger than {MAX_ESSAY_BYTES // 2**20} MiB")
        return Essay(data.decode("utf-8"))
    except FileNotFoundError:
        return Essay(None, f"the source file '{name}' does not exist (looked for {path})")
    except UnicodeDecodeError:
        return Essay(None, f"the source file '{name}' is not UTF-8 text")
    except ValueError:  # a name the system cannot take, such as one with a NUL character
        return Essay(None, f"'{name}' cannot be the name of a file")
    except OSError as exc:
        return Essay(None, f"the source file '{name}' cannot be read: {exc.strerror}")


def parse(
    text: str,
    path: str | None = None,
    *,
    essay_text: str | None = None,
    essay_anywhere: bool = False,
) -> Loaded:
    """Parse and check map text. `path` names the file in diagnostics and is where a relative
    `source:` is looked up; `essay_text` gives the essay directly instead. A `source:` outside
    the map's and the current directory's trees is read only with `essay_anywhere`.

    Never raises for bad input: every problem is a diagnostic.
    """
    with cyclic_gc_paused():
        return _parse(text, path, essay_text, essay_anywhere)


def _parse(text: str, path: str | None, essay_text: str | None, essay_anywhere: bool) -> Loaded:
    argument_map, diagnostics = parse_map(text, path)
    if essay_text is not None:
        # as the map's text (argmap.syntax.reader): what is read can be written as UTF-8
        essay, where = Essay(without_lone_surrogates(essay_text)), None
    else:
        where = essay_path(argument_map)
        essay = read_essay(argument_map, essay_anywhere=essay_anywhere)
    diagnostics.extend(validate(argument_map, essay, lost_ids=lost_ids(diagnostics)))
    analysis = None
    if not any(d.is_error for d in diagnostics):
        analysis = analyse(argument_map)  # the analysis needs a well-formed map
        diagnostics.extend(analysis.findings)
    return Loaded(argument_map, sorted(diagnostics, key=sort_key), text, where, essay, analysis)


# Far beyond any essay's map (a 5,000-argument map is about 2 MiB); a cap keeps a wrong path
# such as /dev/zero from filling the memory.
MAX_MAP_BYTES = 64 * 2**20


def read_map_text(path: Path) -> str:
    """A map file's text. OSError for what is not a regular file (a device, a named pipe,
    which would block the reader for ever) or is absurdly large, as for a missing one;
    UnicodeDecodeError for bytes that are not UTF-8."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        what = (
            "a folder"
            if stat.S_ISDIR(mode)
            else "a named pipe"
            if stat.S_ISFIFO(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "not a regular file"
        )
        raise OSError(0, f"it is {what}, not a text file")
    with open(path, "rb") as stream:
        data = stream.read(MAX_MAP_BYTES + 1)
    if len(data) > MAX_MAP_BYTES:
        raise OSError(0, f"it is larger than {MAX_MAP_BYTES // 2**20} MiB")
    return data.decode("utf-8")


def _where_undecodable(data: bytes, offset: int) -> tuple[int, int]:
    """The line and column (1-based, in characters) of the byte at `offset`."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    before = data[line_start:offset].decode("utf-8", errors="replace")
    return data.count(b"\n", 0, offset) + 1, len(before) + 1


def load(path: str | Path, *, essay_anywhere: bool = False) -> Loaded:
    """Read, parse and check the map file at `path` (`essay_anywhere`: see `parse`)."""
    name = str(path)
    line = column = 1
    try:
        text = read_map_text(Path(path))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        if isinstance(exc, UnicodeDecodeError):
            line, column = _where_undecodable(exc.object, exc.start)
            reason = f"it is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at {line}:{column})"
        elif isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
        else:  # a name the system cannot take, such as one with a NUL character
            reason = "that cannot be the name of a file"
        problem = diagnostic(
            "E100",
            f"cannot read the map file '{name}': {reason}",
            # the file's name, so that the JSON record says which file could not be read
            Span(file=name, line=line, column=column, end_line=line, end_column=column + 1),
            "check the path; argmap reads UTF-8 text files",
        )
        return Loaded(ArgumentMap(path=name), [problem])
    return parse(text, name, essay_anywhere=essay_anywhere)
