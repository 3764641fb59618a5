"""Writing files safely. A leaf: imports nothing of govdisclosure."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def umask() -> int:
    """This process's umask (the permission bits new files and directories do not get)."""
    # Linux shows the umask in /proc without changing it; elsewhere set it and put it back at once.
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The mode a new file gets from ``open()`` under this process's umask (0o666 less the umask)."""
    return 0o666 & ~umask()


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader never sees a half-written file, and a failure leaves any old file as it was. A new file gets
    the mode ``open()`` would give it (0o666 less the umask); a replaced file keeps its mode (and, where
    this process may, its owner).
    """
    path = Path(path)
    try:
        old: os.stat_result | None = path.stat()
    except FileNotFoundError:
        old = None
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, new_file_mode() if old is None else old.st_mode & 0o7777)
        if old is not None and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(tmp, old.st_uid, old.st_gid)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` as a user means it: a symbolic link is followed to its target (the
    link stays), a device or FIFO (``/dev/null``, a named pipe) and any path under ``/dev`` or ``/proc``
    (``/dev/stdout``) is written through, and a regular file, new or old, is written atomically
    (:func:`write_atomic`).

    :class:`IsADirectoryError` when ``path`` is a directory.
    """
    try:
        mode = os.stat(path).st_mode  # through links, /dev/stdout's to a pipe included
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    through = os.path.abspath(path).startswith(("/dev/", "/proc/"))
    if mode is not None and (through or not stat.S_ISREG(mode)):
        # A device or a pipe, or a file named through /dev/stdout or /proc/self/fd/1: renaming over it
        # would replace the device, or leave the shell's file descriptor on the old file. open()
        # follows the links (realpath cannot: /dev/stdout's target may be "pipe:[…]", which is no path).
        with open(path, "wb") as f:
            f.write(data)
        return
    write_atomic(os.path.realpath(path), data)
