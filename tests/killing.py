"""Kill builds at random moments and check that every output stays valid (shared by tests and benchmarks)."""

from __future__ import annotations

import os
import random
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from handouts.speech import decode_mp3
from handouts.pipeline import build_all, cache_dir
from handouts.config import load_config
from handouts.build.manifest import Manifest


@dataclass
class KillReport:
    """How a run of killed builds went."""

    rounds: int = 0
    kills: int = 0
    mid_write: int = 0  # kills after some outputs were replaced and before the build finished
    checked: int = 0  # output files found valid after kills (each version of a file checked once)


def outputs(root: Path) -> list[Path]:
    """Return the output files of a project (not the hidden cache)."""
    folder = Path(root) / "build"
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []


def check_outputs(root: Path, seen: set | None = None) -> int:
    """Assert every PDF parses with text, every MP3 decodes to sound, the manifest reads cleanly.

    Files in `seen` (by name, inode and mtime) were checked before and not replaced since: skipped.
    """
    files = outputs(root)
    assert files, "no outputs"
    for path in files:
        st = path.stat()
        if seen is not None:
            if (path.name, st.st_ino, st.st_mtime_ns) in seen:
                continue
            seen.add((path.name, st.st_ino, st.st_mtime_ns))
        if path.suffix == ".pdf":
            reader = PdfReader(path)
            assert len(reader.pages) >= 1 and reader.pages[0].extract_text().strip(), path
        elif path.suffix == ".mp3":
            assert decode_mp3(path.read_bytes()).seconds > 0.5, path
    assert Manifest.load(cache_dir(load_config(root))).warning is None
    return len(files)  # all of them are valid, checked now or before


def forked(build) -> int:
    """Run `build()` in a forked child (no interpreter start-up, imports already warm); return its pid."""
    pid = os.fork()
    if pid == 0:  # the child: build, then leave without running the parent's clean-up
        status = 1
        try:
            status = 0 if build() else 1
        finally:
            os._exit(status)
    return pid


def fake_voice_build(root: Path, make_engine, workers: int = 1):
    """Return a function that builds the project with the given engine and tells whether all went well."""
    def build() -> bool:
        return all(r.ok for r in build_all(load_config(root), engine=make_engine(), workers=workers))
    return build


def kill_builds(root: Path, edit, build, kills: int = 20, seed: int = 20261125, max_rounds: int = 80) -> KillReport:
    """Edit, start a build, SIGKILL it at a random moment, check every output; until `kills` kills.

    `edit(round)` changes the sources; `build()` builds root/build and returns True when all went
    well. The first build runs here (warming the imports every forked build then shares); the
    second, after an edit, is forked and timed, to know how long a rebuild takes.
    """
    rng, report, seen = random.Random(seed), KillReport(), set()
    edit(-2)
    assert build(), "the first build failed"
    edit(-1)
    began = time.perf_counter()
    _, status = os.waitpid(forked(build), 0)
    assert os.waitstatus_to_exitcode(status) == 0, "an unkilled rebuild failed"
    full = time.perf_counter() - began
    report.checked += check_outputs(root, seen)
    while report.kills < kills and report.rounds < max_rounds:
        edit(report.rounds)
        before = {p.name: p.stat().st_mtime_ns for p in outputs(root)}
        pid = forked(build)
        time.sleep(rng.uniform(0.0, full))
        done, status = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            report.kills += 1
            after = {p.name: p.stat().st_mtime_ns for p in outputs(root)}
            changed = sum(after.get(k) != v for k, v in before.items())
            report.mid_write += 0 < changed < len(before)
        report.checked += check_outputs(root, seen)
        report.rounds += 1
    return report
