"""Writing output files safely: whole or not at all, and never over the map they came from."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from pathlib import Path

TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".argmap-", ".tmp"
"""A temporary file's name: short whatever the target's (a name of 255 bytes, the most ext4
takes, still gets one), and recognisably argmap's."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` all at once: into a temporary file beside it, then renamed over
    it. A failure leaves an existing file at `path` as it was; a replaced file keeps its
    permissions, a new one gets the usual ones (umask).

    On Linux the data is written into an unnamed file (O_TMPFILE), which gets a name only
    once it is complete, just before the rename: a process killed while writing leaves
    nothing behind. Elsewhere (or on a file system without O_TMPFILE) the temporary file is
    named from the start, and a kill while writing can leave `.argmap-XXXXXXXX.tmp` beside
    the target (never a half-written target).

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
    temporary = _complete_unnamed(directory, data, mode) or _complete_named(directory, data, mode)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write_all(handle: int, data: bytes, mode: int) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]
    os.fchmod(handle, mode)
    os.fsync(handle)


def _complete_unnamed(directory: Path, data: bytes, mode: int) -> str | None:
    """`data` written into an O_TMPFILE file in `directory` and then linked under a temporary
    name; None where the system or the file system cannot (the caller then names the file
    from the start). A failure to write (a full disk) is raised."""
    unnamed = getattr(os, "O_TMPFILE", None)
    if unnamed is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        handle = os.open(directory, unnamed | os.O_WRONLY, mode)
    except OSError:
        return None
    try:
        _write_all(handle, data, mode)
        for _ in range(100):
            name = os.path.join(
                directory, f"{TEMPORARY_PREFIX}{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
            )
            try:
                os.link(f"/proc/self/fd/{handle}", name, follow_symlinks=True)
            except FileExistsError:
                continue
            except OSError:
                return None  # linking from /proc refused: the caller writes a named file
            return name
        return None
    finally:
        os.close(handle)


def _complete_named(directory: Path, data: bytes, mode: int) -> str:
    handle, temporary = tempfile.mkstemp(
        prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=directory
    )
    try:
        _write_all(handle, data, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    finally:
        os.close(handle)
    return temporary


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
