"""Writing output files safely: whole or not at all, and never over the map they came from."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` all at once: into a temporary file beside it, then renamed over
    it. A failure leaves an existing file at `path` as it was; a replaced file keeps its
    permissions, a new one gets the usual ones (umask).

    A symbolic link is written through (its target is replaced, the link stays). A path that
    is not a regular file, such as /dev/null or a named pipe, is written to directly: renaming
    over it would replace the device with a file.
    """
    path = Path(os.path.realpath(path))
    if _is_special(path):
        with open(path, "wb") as stream:
            stream.write(data)
        return
    directory = path.parent
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _is_special(path: Path) -> bool:
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False  # nothing there yet: a new regular file


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (through links too), so an output never replaces
    its input."""
    try:
        if first.exists() and second.exists():
            return first.samefile(second)
        return first.resolve() == second.resolve()
    except OSError:
        return False
