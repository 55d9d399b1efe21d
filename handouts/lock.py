"""The build lock: two builds of the same output folder never interleave."""

from __future__ import annotations

import fcntl
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from .errors import HandoutError

LOCK_NAME = "build.lock"


class BuildLockedError(HandoutError):
    """Another build holds the lock and we were told not to wait."""


@contextmanager
def build_lock(folder: Path, wait: bool = True):
    """Hold an exclusive lock on `folder` for the duration; wait (saying so) if another build has it.

    flock is released by the kernel when the holder exits, even after SIGKILL: no stale locks.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            if not wait:
                raise BuildLockedError(f"another build (process {holder}) is running. Wait for it to finish.",
                                       path) from None
            print(f"waiting for another build (process {holder}) to finish...", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock
