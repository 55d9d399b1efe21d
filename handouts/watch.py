"""Rebuild on save: poll the sources, settings and templates, and build once edits settle."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable

from handouts.review.po_file import review_path
from handouts.config import CONFIG_NAME, Config
from handouts.templates import TEMPLATE_DIR

POLL_SECONDS = 0.3
SETTLE_SECONDS = 0.5  # editors save in bursts (temp file, rename, chmod): wait for quiet


def watched_files(config: Config, sources: list[Path] | None = None) -> dict[str, tuple[int, int]]:
    """Return (mtime_ns, size) of every file whose change should start a build."""
    root = Path(config.root)
    paths = [root / CONFIG_NAME]
    if sources:
        paths += [Path(s) for s in sources] + [review_path(s) for s in sources]  # a reviewer's save rebuilds
    else:
        folder = root / config.content_dir
        paths += [p for p in folder.iterdir() if not p.name.startswith(".")] if folder.is_dir() else []
    if TEMPLATE_DIR.is_dir():
        paths += [p for p in TEMPLATE_DIR.rglob("*") if p.is_file()]
    stamps = {}
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue  # deleted between listing and looking: the next poll sees it gone
        stamps[str(path)] = (st.st_mtime_ns, st.st_size)
    return stamps


def say(text: str) -> None:
    """Tell the person editing what the watcher is doing (on stderr, at once)."""
    print(text, file=sys.stderr, flush=True)


def watch(config: Config, build: Callable[[], object], sources: list[Path] | None = None,
          poll: float = POLL_SECONDS, settle: float = SETTLE_SECONDS, rounds: int | None = None) -> None:
    """Build now, then again after every burst of saves, until Ctrl-C (or `rounds` builds)."""
    try:
        seen = watched_files(config, sources)
        build()
        done = 1
        say(f"watching {Path(config.root) / config.content_dir} for changes (Ctrl-C to stop)")
        while rounds is None or done < rounds:
            time.sleep(poll)
            now = watched_files(config, sources)
            if now == seen:
                continue
            while True:  # debounce: wait until nothing changed for `settle` seconds
                time.sleep(settle)
                later = watched_files(config, sources)
                if later == now:
                    break
                now = later
            changed = sorted(set(now.items()) ^ set(seen.items()))
            names = sorted({Path(p).name for p, _ in changed})
            say(f"changed: {', '.join(names)}; rebuilding")
            seen = now
            build()
            sys.stdout.flush()
            done += 1
    except KeyboardInterrupt:
        say("stopped watching")
