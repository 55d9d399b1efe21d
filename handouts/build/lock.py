"""The build lock: two builds of the same output folder never interleave (filelock: Linux, macOS and Windows)."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from handouts.errors import HandoutError

LOCK_NAME = "build.lock"
HOLDER_NAME = "build.pid"  # who holds the lock, for the waiting message (the lock file itself may be emptied)
WORKERS_DIR = "workers"  # one locked file per live worker process of a build

_worker_lock: FileLock | None = None  # held by a worker process for as long as it lives


class BuildLockedError(HandoutError):
    """Another build holds the lock and we were told not to wait."""


@contextmanager
def build_lock(folder: Path, wait: bool = True):
    """Hold an exclusive lock on `folder` for the duration; wait (saying so) if another build has it.

    The operating system releases the lock when its holder exits, even after SIGKILL: no stale locks.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / LOCK_NAME, is_singleton=False)  # a second lock in one process must wait too
    try:
        lock.acquire(timeout=0)
    except Timeout:
        holder = _read(folder / HOLDER_NAME) or "?"
        if not wait:
            raise BuildLockedError(f"another build (process {holder}) is running. Wait for it to finish.",
                                   folder / LOCK_NAME) from None
        print(f"waiting for another build (process {holder}) to finish...", file=sys.stderr, flush=True)
        lock.acquire()
    try:
        (folder / HOLDER_NAME).write_text(f"{os.getpid()}\n", encoding="ascii")
        _wait_for_orphaned_workers(folder)
        yield folder / LOCK_NAME
    finally:
        lock.release()


def _read(path: Path) -> str:
    """Return a small file's text, or "" when it cannot be read."""
    try:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _wait_for_orphaned_workers(folder: Path) -> None:
    """Wait until no worker of an earlier (killed) build is still writing, then forget its lock file."""
    workers = folder / WORKERS_DIR
    for path in sorted(workers.glob("*.lock")) if workers.is_dir() else []:
        lock = FileLock(path, is_singleton=False)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            print("waiting for the workers of a stopped build to finish...", file=sys.stderr, flush=True)
            lock.acquire()
        lock.release()
        path.unlink(missing_ok=True)


def hold_worker_lock(folder: Path, parent: int) -> None:
    """Mark this worker process as busy with `folder` until it exits (a process pool initializer)."""
    global _worker_lock
    _die_with_parent(parent)
    workers = Path(folder) / WORKERS_DIR
    workers.mkdir(parents=True, exist_ok=True)
    _worker_lock = FileLock(workers / f"{os.getpid()}.lock", is_singleton=False)
    _worker_lock.acquire()


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the build `parent` dies (best effort elsewhere)."""
    try:
        import ctypes  # only where a worker starts

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, 9)  # SIGKILL
    except (OSError, AttributeError, TypeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made (or while we started)
        os._exit(1)
