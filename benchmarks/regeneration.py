#!/usr/bin/env python3
"""Time regeneration against a cold build of the sample article, and print the ratios.

Measures (each a real `generate.py` run in a fresh process, with the offline piper voice):
  cold            the sample article built from nothing (no outputs, no caches)
  no-op           the same build again, nothing changed          target: <= 5% of cold
  one edit        one sentence of the sample changed              target: <= 15% of cold
  library cold    50 handouts made from the test texts, from nothing
  library edit    one sentence changed in one of the 50           target: <= 2x the same edit
  single edit     that same edit in a project holding only that handout

usage: python benchmarks/regeneration.py [--repeat N] [--library N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "000-kratom-dopamine-opioid-withdrawal.txt"
TEST_TEXTS = sorted((ROOT / "tests" / "data").glob("*.*"))
SAMPLE_EDIT = ("Kratom, derived from the tropical plant", "Kratom, {} the tropical plant",
               ["which comes from", "which grows from", "taken from", "made from", "obtained from", "grown from"])
LIBRARY_EDIT = ("any questions you have", "any questions you have about {}",
                ["your care", "the visit", "your tests", "the day", "your health", "the plan"])


def run(project: Path) -> tuple[float, str]:
    """Build a project with generate.py in a fresh process; return the seconds taken and its (verbose) output."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "generate.py"), "--project", str(project), "--verbose"],
                          capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"build of {project} failed:\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout


def edit(path: Path, change: tuple[str, str, list[str]], n: int) -> None:
    """Change one sentence of `path` to its n-th variant."""
    old, template, variants = change
    text = path.read_text(encoding="utf-8")
    for variant in variants:  # undo an earlier variant first
        text = text.replace(template.format(variant), old)
    assert old in text, f"{path} lacks {old!r}"
    path.write_text(text.replace(old, template.format(variants[n % len(variants)]), 1), encoding="utf-8")


def spoken(output: str) -> int:
    """Return how many sentences the build says it synthesised."""
    return sum(int(n) for n in re.findall(r"(\d+) sentences? spoken", output))


def make_library(folder: Path, size: int) -> Path:
    """Write `size` distinct handouts made from the test texts; return the first (the one edited)."""
    (folder / "content").mkdir(parents=True)
    first = None
    for i in range(size):
        text_file = TEST_TEXTS[i % len(TEST_TEXTS)]
        text = text_file.read_text(encoding="utf-8")
        slug = f"h{i:02d}-{re.sub(r'[^a-z0-9]+', '-', text_file.stem.lower())}"
        if text.startswith("---\n"):  # front matter: give each copy its own slug
            text = re.sub(r"^slug: .*\n", "", text, flags=re.M).replace("---\n", f"---\nslug: {slug}\n", 1)
        text = text.rstrip("\n") + f"\n\nThis is handout number {i + 1} of the library.\n"
        path = folder / "content" / f"h{i:02d}-{text_file.stem}{text_file.suffix}"
        path.write_text(text, encoding="utf-8")
        if LIBRARY_EDIT[0] in text and first is None:
            first = path
    return first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each quick measure (median shown)")
    parser.add_argument("--library", type=int, default=50, help="handouts in the library")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="handouts-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"cores: {cores} (os.cpu_count() = {os.cpu_count()}); load average at start: "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    rows = []

    sample = work / "sample"
    shutil.rmtree(sample, ignore_errors=True)
    (sample / "content").mkdir(parents=True)
    shutil.copy(SAMPLE, sample / "content" / SAMPLE.name)
    cold, out = run(sample)
    rows.append(("cold build of the sample", cold, f"{spoken(out)} sentences spoken", None))
    noop = statistics.median(run(sample)[0] for _ in range(args.repeat))
    rows.append(("no-op rebuild", noop, "", 0.05))
    times, said = [], []
    for n in range(args.repeat):
        edit(sample / "content" / SAMPLE.name, SAMPLE_EDIT, n)
        seconds, out = run(sample)
        times.append(seconds)
        said.append(spoken(out))
    rows.append(("one-sentence edit", statistics.median(times), f"sentences spoken per run: {said}", 0.15))

    library = work / "library"
    shutil.rmtree(library, ignore_errors=True)
    edited = make_library(library, args.library)
    lib_cold, out = run(library)
    rows.append((f"library of {args.library}, cold", lib_cold, f"{spoken(out)} sentences spoken", None))
    single = work / "single"
    shutil.rmtree(single, ignore_errors=True)
    (single / "content").mkdir(parents=True)
    shutil.copy(edited, single / "content" / edited.name)
    run(single)
    lib_times, single_times = [], []
    for n in range(args.repeat):
        edit(library / "content" / edited.name, LIBRARY_EDIT, n)
        lib_times.append(run(library)[0])
        edit(single / "content" / edited.name, LIBRARY_EDIT, n)
        single_times.append(run(single)[0])
    lib_edit, single_edit = statistics.median(lib_times), statistics.median(single_times)
    rows.append((f"library of {args.library}, one edit", lib_edit, f"{lib_edit / single_edit:.2f}x the single "
                 f"edit (target <= 2x)", None))
    rows.append(("single-handout project, same edit", single_edit, "", None))

    print(f"{'measure':38} {'seconds':>8} {'/ cold':>8}  {'target':>7}  note")
    ok = True
    for name, seconds, note, target in rows:
        verdict = ""
        if target is not None:
            passed = seconds / cold <= target
            ok &= passed
            verdict = f"<= {target:.0%} {'ok' if passed else 'MISSED'}"
        print(f"{name:38} {seconds:8.2f} {seconds / cold:8.1%}  {verdict:>7}  {note}")
    library_ok = lib_edit <= 2 * single_edit
    ok &= library_ok
    print(f"library edit / single edit: {lib_edit / single_edit:.2f} (target <= 2) "
          f"{'ok' if library_ok else 'MISSED'}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
