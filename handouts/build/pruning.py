"""Delete build-cache entries that no handout uses any more, so edits do not fill the disk.

Each edited sentence leaves its old synthesised audio behind (about 400 KB), each edit an old
plain-language result, each renamed handout its mastering analysis. The manifest says what every
handout's current outputs were made from; whatever else is in the cache is only ever a miss.
"""

from __future__ import annotations

import os
from pathlib import Path


KEPT_KEY = 16  # hex digits of a speech cache key the manifest keeps per sentence: enough to tell entries apart


def prune_caches(folder: Path, manifest, spoken_now=()) -> list[Path]:
    """Remove the speech, plain and mastering cache files no handout in the manifest needs (nor the
    sentences `spoken_now` by this build, whose handout may have failed before it was recorded)."""
    entries = list(manifest.handouts.values())
    removed = []
    speech_facts = [o.get("facts", {}) for e in entries for o in e.get("outputs", {}).values()
                    if "seconds" in o.get("facts", {})]
    # An entry written before its keys were recorded: what it needs is unknown, so keep everything.
    if all("speech" in f for f in speech_facts):
        keep = {k for f in speech_facts for k in f["speech"]} | set(spoken_now)
        removed += _remove(Path(folder) / "speech", ".npy", lambda name: name[:KEPT_KEY] in keep)
    if all("plain" in e for e in entries):
        keep = {e["plain"] for e in entries}
        removed += _remove(Path(folder) / "plain", ".pickle", keep.__contains__)
    slugs = {e.get("slug") for e in entries}
    removed += _remove(Path(folder) / "master", ".npz", slugs.__contains__)
    return removed


def _remove(folder: Path, suffix: str, wanted) -> list[Path]:
    """Delete the files `name + suffix` in folder whose name is not wanted."""
    removed = []
    try:
        names = [e.name for e in os.scandir(folder) if e.is_file()]
    except OSError:
        return removed  # no such cache yet
    for name in names:
        if name.endswith(suffix) and not wanted(name[: -len(suffix)]):
            try:
                (folder / name).unlink()
                removed.append(folder / name)
            except OSError:
                pass  # in use or gone: the next build tries again
    return removed
