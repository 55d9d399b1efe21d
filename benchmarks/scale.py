#!/usr/bin/env python3
"""Measure how a build's cost grows with the text: time per stage and peak memory at about 10 KB, 100 KB and 1 MB.

  python benchmarks/scale.py [--sizes 10,100,1000] [--skip OUTPUT] [--profile DIR] [--keep]
                             [--limit-mb 4096] [--timeout 1800]

Each text is made from the sample in content/ and the plain texts in tests/data/, one article after another,
with a heading every few paragraphs (the articles' own and "..., part N"). From the second pass over the
articles on, each sentence may have its numbers changed, a word swapped or added, or be left as it was, so the
near-duplicate merging sees exact repeats, near repeats and claims that differ only in a number (at 1 MB about
a quarter of the sentences are said word for word again: a tenth on purpose, the rest have nothing to vary).

Each size is built in a fresh temporary project through the real pipeline
(`build_all(load_config(root), engine=CountingEngine(), workers=1)`: every output, audio with the fast fake
voice of the tests) in a subprocess of its own, which reports its wall time, the time of each stage and its
peak RSS (getrusage: the process's own, and its children's such as ffmpeg). The narration is made on a
second thread while the PDFs are made, so the stages can add up to more than the total.

Target (issue 17): the marginal cost per KB from 100 KB to 1 MB is at most 1.5 times the marginal cost per KB
from 10 KB to 100 KB (fixed start-up costs cancel), and peak memory stays under 1 GB at 1 MB.
`--profile DIR` also writes a cProfile of each build to DIR/SIZE.prof (the main thread only: the narration's
thread is not in it). `--skip video` leaves an output out (the video takes minutes per hour of narration).
A build whose RSS passes --limit-mb or that runs longer than --timeout is stopped and reported as such (the
issue's 2 MB text once climbed to 16.8 GB).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "000-kratom-dopamine-opioid-withdrawal.txt"
PARAGRAPHS_PER_HEADING = 3  # a long leaflet has a heading every few paragraphs
MAX_WORDS = 10_000_000  # the limit on a source's length, raised so the 1 MB text is built, not refused
# Words a later pass may swap, so that a repeat is near, not exact.
SWAPS = [("often", ["usually", "frequently", "commonly", "regularly"]), ("may", ["can", "might", "could"]),
         ("people", ["adults", "patients", "many people", "most people"]),
         ("doctor", ["health care provider", "nurse", "care team", "pharmacist"]),
         ("help", ["support", "aid", "assist"]), ("important", ["vital", "key", "essential", "crucial"]),
         ("symptoms", ["signs", "problems", "effects"]), ("use", ["take", "try", "apply"]),
         ("the", ["this", "that", "each"])]
ADVERBS = ["often", "usually", "sometimes", "really", "generally", "mostly", "typically", "commonly"]
STAGES = ["read", "plain", "review copy", "pdf", "large-print pdf", "speech", "mp3", "captions", "video",
          "reports", "html"]


# --- the texts -------------------------------------------------------------------------------------------------

def articles() -> list[tuple[str, list[str]]]:
    """Return (title, lines) of the sample and each plain text in tests/data, front matter left out."""
    out = []
    for path in [SAMPLE] + sorted((ROOT / "tests" / "data").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title = path.stem.replace("_", " ").capitalize()
        if text.startswith("---\n"):
            front, _, text = text[4:].partition("\n---\n")
            title = next((line.split(":", 1)[1].strip() for line in front.splitlines() if line.startswith("title:")),
                         title)
        out.append((title, [line.rstrip() for line in text.splitlines()]))
    return out


def _vary(line: str, rng: random.Random, repeat: int) -> str:
    """Return a body line as a later pass says it, sentence by sentence (see _vary_sentence)."""
    return " ".join(_vary_sentence(s, rng, repeat) for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line))


def _vary_sentence(sentence: str, rng: random.Random, repeat: int) -> str:
    """Return a sentence as it was (one in ten), with its numbers moved, or with a word swapped or added.

    Few are said word for word: a text that repeats itself verbatim is cheaper than one that does not (the parse
    and the plain stage's caches remember sentences), which would flatter the figures of the long texts.
    """
    roll = rng.random()
    if roll < 0.1:
        return sentence  # said again word for word
    if roll < 0.4 and re.search(r"\d", sentence):
        return re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + repeat), sentence)  # another number: another claim
    for old, new in rng.sample(SWAPS, len(SWAPS)):
        if re.search(rf"\b{old}\b", sentence):
            sentence = re.sub(rf"\b{old}\b", new[repeat % len(new)], sentence, count=1)
            if repeat < len(new):
                return sentence
            break  # a later pass than there are swaps for: one word more too
    for verb in (" is ", " are ", " can ", " may ", " has ", " have "):  # a near repeat: one word more
        if verb in sentence:
            return sentence.replace(verb, f"{verb}{ADVERBS[repeat % len(ADVERBS)]} ", 1)
    return sentence


def _is_heading(line: str) -> bool:
    """Tell whether a line reads as a heading in a plain text (short, no full stop)."""
    return 0 < len(line.split()) <= 10 and not re.search(r"[.,;:!?\"”]$", line) and not line.startswith(("-", "*"))


def make_text(kilobytes: int) -> str:
    """Return a plain text of about `kilobytes` KB: the articles in turn, varied from the second pass on."""
    rng, pool = random.Random(kilobytes), articles()
    parts = ["---", f"title: A long leaflet of {kilobytes} KB", "slug: scale", "---"]
    size, chapter = 0, 0
    while size < kilobytes * 1000:
        repeat, (title, lines) = divmod(chapter, len(pool))[0], pool[chapter % len(pool)]
        mark = f", part {chapter + 1}"  # a repeated heading would join its first section: each is its own
        parts += ["", f"{title}{mark}"]
        since = more = 0
        for line, after in zip(lines, lines[1:] + [""]):
            if not line.strip():
                parts.append(line)
                continue
            if _is_heading(line) and after.strip():
                parts.append(f"{line}{mark}")
                since = 0
                continue
            if since >= PARAGRAPHS_PER_HEADING and re.match(r"[A-Z]", line) and re.search(r"[.!?]\S*$", parts[-1]):
                more += 1
                parts += [f"More about {title}{mark}, {more}"]
                since = 0
            parts.append(_vary(line, rng, repeat) if repeat else line)
            since += 1
        size = sum(len(p) + 1 for p in parts)
        chapter += 1
    return "\n".join(parts) + "\n"


def make_project(folder: Path, kilobytes: int) -> Path:
    """Write a project with one text of about `kilobytes` KB; return its root."""
    from handouts.config import Config

    (folder / "content").mkdir(parents=True)
    (folder / "content" / "scale.txt").write_text(make_text(kilobytes), encoding="utf-8")
    settings = (ROOT / "handouts.toml").read_text(encoding="utf-8").replace('version_date = ""',
                                                                           'version_date = "2026-01-01"')
    if "max_words" in {f.name for f in dataclasses.fields(Config)}:  # raise the limit wherever the file sets it
        settings, found = re.subn(r"^max_words\s*=.*$", f"max_words = {MAX_WORDS}", settings, flags=re.M)
        settings += "" if found else f"\n[limits]\nmax_words = {MAX_WORDS}\n"
    (folder / "handouts.toml").write_text(settings, encoding="utf-8")
    return folder


# --- one build, in a subprocess ----------------------------------------------------------------------------------

class Clock:
    """Wall time spent in each stage, summed over calls and threads."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.peak: dict[str, float] = {}  # the process's peak RSS (MB) when the stage last ended: where memory rose
        self.lock = threading.Lock()

    def timed(self, stage: str, function, minus: str | None = None):
        """Return `function` timed as `stage` (less the time spent in `minus` meanwhile on this thread)."""
        def run(*args, **kw):
            started, inner = time.perf_counter(), self.seconds[minus] if minus else 0.0
            try:
                return function(*args, **kw)
            finally:
                spent = time.perf_counter() - started - ((self.seconds[minus] - inner) if minus else 0.0)
                with self.lock:
                    self.seconds[stage] += spent
                    self.peak[stage] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        return run


def build_once(root: Path, profile: Path | None, skip: list[str]) -> dict:
    """Build the project with every stage timed; return the figures."""
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]
    started = time.perf_counter()
    from fakes import CountingEngine

    import handouts.outputs as outputs
    import handouts.pipeline as pipeline
    from handouts.config import load_config

    clock = Clock()
    pipeline.read_source = clock.timed("read", pipeline.read_source)
    pipeline.plain_language = clock.timed("plain", pipeline.plain_language)
    pipeline.review_copy = clock.timed("review copy", pipeline.review_copy)
    outputs.Job.speech = clock.timed("speech", outputs.Job.speech)
    outputs.OUTPUTS[:] = [o for o in outputs.OUTPUTS if o.name not in skip]
    for i, output in enumerate(outputs.OUTPUTS):
        stage = "reports" if output.name in ("change log", "readability", "review page") else output.name
        outputs.OUTPUTS[i] = dataclasses.replace(output, render=clock.timed(stage, output.render,
                                                                          "speech" if output.speech else None))
    imported = time.perf_counter() - started
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    report = pipeline.build_all(load_config(root), engine=CountingEngine(), workers=1)
    total = time.perf_counter() - started
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    result = report[0]
    return {"ok": result.ok, "error": result.error, "total": total, "imported": imported,
            "stages": dict(clock.seconds), "peak_after": clock.peak, "pages": result.pages, "audio_seconds": result.audio_seconds,
            "words": (result.readability.get("before") or {}).get("body_words"),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _rss_mb(pid: int) -> float:
    """Return a running process's resident memory in MB (0 where /proc is not there)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) / 1024 if found else 0.0


def measure(kilobytes: int, profile: Path | None, keep: bool, limit_mb: float = 4096, timeout: float = 1800,
            skip: tuple[str, ...] = ()) -> dict:
    """Build a text of about `kilobytes` KB in a fresh project, in a subprocess; return its figures (or why it was stopped)."""
    folder = Path(tempfile.mkdtemp(prefix=f"scale-{kilobytes}kb-"))
    root = make_project(folder, kilobytes)
    command = [sys.executable, __file__, "--child", str(root)] + (["--profile-to", str(profile)] if profile else [])
    command += [f"--skip={name}" for name in skip]
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        while child.poll() is None:  # a watchdog: a build that runs away is stopped before it hurts the machine
            time.sleep(0.5)
            rss, took = _rss_mb(child.pid), time.perf_counter() - started
            if rss > limit_mb or took > timeout:
                child.kill()
                child.wait()
                return {"bytes": len(make_text(kilobytes).encode()), "stopped": f"stopped at {rss:.0f} MB RSS after "
                        f"{took:.0f} s (limits {limit_mb:.0f} MB, {timeout:.0f} s)"}
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode != 0:
        raise SystemExit(f"the {kilobytes} KB build failed:\n{stderr[-3000:]}")
    figures = json.loads(stdout.strip().splitlines()[-1])
    figures["bytes"] = (root / "content" / "scale.txt").stat().st_size
    if not keep:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    else:
        figures["project"] = str(folder)
    return figures


# --- the table -------------------------------------------------------------------------------------------------

def table(runs: list[dict]) -> str:
    """Return the table of times per stage, the marginal cost per KB and peak memory."""
    lines = []
    head = f"{'size':>9} {'words':>8} {'pages':>5} {'total s':>8} " + " ".join(f"{s[:10]:>10}" for s in STAGES) + \
        f" {'peak RSS':>9} {'children':>9}"
    lines.append(head)
    for r in runs:
        pages = r["pages"].get("pdf", 0)
        lines.append(f"{r['bytes'] / 1000:>7.0f}KB {r['words'] or 0:>8} {pages:>5} {r['total']:>8.1f} "
                     + " ".join(f"{r['stages'].get(s, 0.0):>10.2f}" for s in STAGES)
                     + f" {r['rss_mb']:>7.0f}MB {r['children_rss_mb']:>7.0f}MB")
    for a, b in zip(runs, runs[1:]):
        kb = (b["bytes"] - a["bytes"]) / 1000
        per = {s: (b["stages"].get(s, 0.0) - a["stages"].get(s, 0.0)) / kb * 1000 for s in STAGES}
        lines.append(f"ms per KB {a['bytes'] / 1000:.0f}->{b['bytes'] / 1000:.0f} KB: "
                     f"total {(b['total'] - a['total']) / kb * 1000:.1f}; "
                     + ", ".join(f"{s} {v:.1f}" for s, v in per.items() if abs(v) >= 0.05))
    if len(runs) >= 3:
        first, second = [((b["total"] - a["total"]) / ((b["bytes"] - a["bytes"]) / 1000))
                         for a, b in zip(runs[-3:], runs[-2:])]
        ratio = second / first
        lines.append(f"marginal cost per KB: {first * 1000:.1f} ms then {second * 1000:.1f} ms; ratio {ratio:.2f} "
                     f"(target <= 1.5): {'ok' if ratio <= 1.5 else 'MISSED'}")
    last = runs[-1]
    lines.append(f"peak RSS (MB) when each stage ended, {last['bytes'] / 1000:.0f} KB: " + ", ".join(
        f"{s} {mb:.0f}" for s, mb in sorted(last.get("peak_after", {}).items(), key=lambda item: item[1])))
    peak = max(max(r["rss_mb"], r["children_rss_mb"]) for r in runs)
    lines.append(f"peak memory {peak:.0f} MB (target < 1024 MB at 1 MB): {'ok' if peak < 1024 else 'MISSED'}")
    return "\n".join(lines)


def main() -> None:
    """Build each size in turn and print the table."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--sizes", default="10,100,1000", help="sizes in KB, comma-separated")
    args.add_argument("--profile", type=Path, help="write a cProfile of each build to this folder")
    args.add_argument("--keep", action="store_true", help="keep the temporary projects (their paths are printed)")
    args.add_argument("--limit-mb", type=float, default=4096, help="stop a build whose RSS passes this (MB)")
    args.add_argument("--timeout", type=float, default=1800, help="stop a build that takes longer (seconds)")
    args.add_argument("--skip", action="append", default=[], metavar="OUTPUT",
                      help="leave an output out of the build (as OUTPUTS names it, e.g. video); repeatable")
    args.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    options = args.parse_args()
    if options.child:
        print(json.dumps(build_once(options.child, options.profile_to, options.skip)))
        return
    sys.path.insert(0, str(ROOT))
    runs = []
    for kilobytes in [int(k) for k in options.sizes.split(",")]:
        profile = options.profile / f"{kilobytes}.prof" if options.profile else None
        if profile:
            profile.parent.mkdir(parents=True, exist_ok=True)
        r = measure(kilobytes, profile, options.keep, options.limit_mb, options.timeout, options.skip)
        if "stopped" in r:
            print(f"{kilobytes} KB: {r['stopped']}", flush=True)
            continue
        if not r["ok"]:
            raise SystemExit(f"the {kilobytes} KB build failed: {r['error']}")
        runs.append(r)
        print(f"{kilobytes} KB: {r['total']:.1f} s, peak RSS {r['rss_mb']:.0f} MB"
              + (f" ({r['project']})" if options.keep else "") + ("" if r["ok"] else f"; FAILED: {r['error']}"),
              flush=True)
    if runs:
        print(table(runs))


if __name__ == "__main__":
    main()
