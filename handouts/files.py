"""Write files safely (to a temporary name first, then renamed into place), and find the per-user cache folder."""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path


def temp_path(path: Path) -> Path:
    """Return a fresh temporary name beside `path` (".NAME.PID.RANDOM.tmp", which the build's clean-up knows), on
    its file system, so a rename can put it in place. Nothing is created: a program (ffmpeg) writes it and gives
    it the usual permissions (mkstemp would make it private)."""
    path = Path(path)
    return path.parent / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"


class Written:
    """A file already written beside where it goes, under a temporary name from `temp_path`; `write_atomic`
    renames it into place (a large output, the video, is never held in memory). `discard()` removes it."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def __repr__(self) -> str:
        return f"Written({str(self.path)!r})"


def write_atomic(path: Path, data: bytes | str | Written) -> Path:
    """Write `data` to `path` so that readers see the old file or the new one, never half of one.

    `data` may be a `Written` file in the same folder: it is renamed into place (and removed if that fails)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, Written):
        return _rename_into_place(data, path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are shared like any file
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())  # the bytes must be on disk before the rename makes them visible
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _rename_into_place(written: Written, path: Path) -> Path:
    """Put a file written under a temporary name in the same folder at `path`; on any failure remove it."""
    try:
        if written.path.parent.resolve() != path.parent.resolve():
            raise ValueError(f"{written.path} is not beside {path}: a rename would not be atomic")
        with open(written.path, "rb+") as f:
            os.fsync(f.fileno())  # on disk before the rename makes it visible, as above
        os.replace(written.path, path)
    except BaseException:
        written.discard()
        raise
    return path


def _umask() -> int:
    """Return the process umask (reading it means setting it, so set it straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete temporary files a killed build left behind (call only while holding the build lock)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    stale = [p for p in folder.glob(".*.tmp") if p.is_file()]
    stale += [p for p in folder.glob(".cache/**/.*.tmp") if p.is_file()]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def user_cache_dir() -> Path:
    """Return the per-user cache folder (it may not exist yet; deleting it is always safe)."""
    if os.environ.get("HANDOUTS_CACHE"):
        return Path(os.environ["HANDOUTS_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "handouts"
