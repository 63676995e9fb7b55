"""Reading a file the user names: regular files only, and never more than a limit.

`stat` cannot be trusted for either: a FIFO reports size 0 and blocks the reader until a
writer comes, and /dev/zero reports size 0 and never ends. So the file is opened without
blocking, checked with fstat on the open descriptor (no race with a swapped path), and read
up to one byte past the limit, which is enough to know it is too large.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_CHUNK = 1 << 16


class NotRegularFile(OSError):
    """A pipe, socket or device where a file was expected."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file (a pipe, socket or device)", str(path))


class FileTooLarge(OSError):
    """More bytes than the caller's limit; `limit` says how many were allowed."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {_size(limit)}", str(path))
        self.limit = limit


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Raises FileNotFoundError, IsADirectoryError, NotRegularFile, FileTooLarge or another
    OSError, so callers phrase one message per cause with what they already catch.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileTooLarge(path, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def is_special(path: Path) -> bool:
    """Whether `path` exists and is neither a regular file nor a folder (a FIFO, a device)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _size(limit: int) -> str:
    return f"{limit / 1_048_576:g} MB" if limit >= 1_048_576 else f"{limit} bytes"
