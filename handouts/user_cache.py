"""The per-user cache folder for things that do not depend on a project: $HANDOUTS_CACHE, else ~/.cache/handouts."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    """Return the per-user cache folder (it may not exist yet; deleting it is always safe)."""
    if os.environ.get("HANDOUTS_CACHE"):
        return Path(os.environ["HANDOUTS_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "handouts"
