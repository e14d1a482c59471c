"""The pipeline, in order: read the text (parse), check its structure (validate), and find
its weak links (analyse). `parse` and `load` are the library's front door; the CLI uses them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from argmap.analysis import analyse
from argmap.codes import diagnostic
from argmap.diagnostics import Diagnostic, Span, sort_key
from argmap.model import ArgumentMap
from argmap.syntax import lost_ids, parse_map
from argmap.validate import Source, validate


class Loaded(NamedTuple):
    """A map and every diagnostic about it, sorted by position."""

    map: ArgumentMap
    diagnostics: list[Diagnostic]

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


def parse(text: str, path: str | None = None, *, source_text: str | None = None) -> Loaded:
    """Parse and check map text. `path` names the file in diagnostics and is where a relative
    `source:` is looked up; `source_text` gives the essay directly instead.

    Never raises for bad input: every problem is a diagnostic.
    """
    argument_map, diagnostics = parse_map(text, path)
    source = Source(source_text) if source_text is not None else None
    diagnostics.extend(validate(argument_map, source, lost_ids=lost_ids(diagnostics)))
    if not any(d.is_error for d in diagnostics):
        diagnostics.extend(analyse(argument_map))  # the analysis needs a well-formed map
    return Loaded(argument_map, sorted(diagnostics, key=sort_key))


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
