#!/usr/bin/env python3
"""Kill real builds (generate.py, the offline voice, parallel workers) with SIGKILL at random moments,
and check after each kill that every output is still valid; then check the next build completes.

The test suite runs a fast version of this (tests/test_safety.py, forked builds, a fake voice);
this one uses whole processes, real speech and real timing.

usage: python benchmarks/kill_builds.py [--kills N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from killing import check_outputs, outputs  # noqa: E402

TEXTS = [ROOT / "content" / "000-kratom-dopamine-opioid-withdrawal.txt"] + [
    ROOT / "tests" / "data" / n for n in ("lists.txt", "wrapped_paragraph.txt", "markdown.md")]


def start(project: Path) -> subprocess.Popen:
    """Start a build of the project in a new process."""
    return subprocess.Popen([sys.executable, str(ROOT / "generate.py"), "--project", str(project), "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    project = Path(tempfile.mkdtemp(prefix="handouts-kill-"))
    (project / "content").mkdir()
    for text in TEXTS:
        shutil.copy(text, project / "content" / text.name)
    began = time.perf_counter()
    first = start(project)
    if first.wait() != 0:
        sys.exit(f"the first build failed: {first.stderr.read()}")
    cold = time.perf_counter() - began
    checked, seen = check_outputs(project, set()), set()
    kills = mid_write = rounds = 0
    while kills < args.kills:
        victim = TEXTS[rounds % len(TEXTS)].name
        with open(project / "content" / victim, "a", encoding="utf-8") as f:
            f.write(f"\nThis is note number {rounds}, added to be read aloud.\n")
        if rounds % 4 == 0:  # lose the speech cache now and then: kills then land mid-synthesis
            shutil.rmtree(project / "build" / ".cache" / "speech", ignore_errors=True)
        before = {p.name: p.stat().st_mtime_ns for p in outputs(project)}
        proc = start(project)
        time.sleep(rng.uniform(0.2, cold if rounds % 4 == 0 else cold / 3))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
            after = {p.name: p.stat().st_mtime_ns for p in outputs(project)}
            mid_write += 0 < sum(after.get(k) != v for k, v in before.items()) < len(before)
        else:
            proc.wait()
        checked += check_outputs(project, seen)
        rounds += 1
        print(f"round {rounds}: {'killed' if proc.returncode == -signal.SIGKILL else 'finished'}; all outputs valid",
              flush=True)
    final = start(project)
    assert final.wait() == 0, final.stderr.read()
    check_outputs(project)
    again = subprocess.run([sys.executable, str(ROOT / "generate.py"), "--project", str(project)],
                           capture_output=True, text=True)
    up_to_date = again.stdout.count("up to date ")
    print(f"{kills} kills in {rounds} rounds ({mid_write} between two output files); {checked} output files "
          f"found valid; the next build completed; then {up_to_date} of {len(TEXTS)} handouts up to date")
    shutil.rmtree(project, ignore_errors=True)
    sys.exit(0 if up_to_date == len(TEXTS) else 1)


if __name__ == "__main__":
    main()
