"""The build lock: two builds of the same output folder never interleave."""

from __future__ import annotations

import fcntl
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from handouts.errors import HandoutError

LOCK_NAME = "build.lock"
WORKERS_LOCK_NAME = "workers.lock"  # held (shared) by worker processes for as long as they live
_worker_lock_fd: int | None = None


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
        _wait_for_orphaned_workers(folder)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _wait_for_orphaned_workers(folder: Path) -> None:
    """Wait until no worker of an earlier (killed) build is still writing."""
    fd = os.open(folder / WORKERS_LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("waiting for the workers of a stopped build to finish...", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
    finally:
        os.close(fd)


def hold_worker_lock(folder: Path, parent: int) -> None:
    """Mark this worker process as busy with `folder` until it exits (a process pool initializer)."""
    global _worker_lock_fd
    _die_with_parent(parent)
    _worker_lock_fd = os.open(Path(folder) / WORKERS_LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    fcntl.flock(_worker_lock_fd, fcntl.LOCK_SH)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the build `parent` dies (best effort elsewhere)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, 9)  # SIGKILL
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made (or while we started)
        os._exit(1)
