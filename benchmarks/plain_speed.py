#!/usr/bin/env python3
"""Measure the plain-language stage's speed, parse included, once the parser is loaded: words per second
on one core over the sample and every text in tests/data (target: at least 2,000).

usage: python benchmarks/plain_speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handouts.config import Config  # noqa: E402
from handouts.language import parse  # noqa: E402
from handouts.plain.rewrite import plain_language  # noqa: E402
from handouts.read.sources import read_source  # noqa: E402


def main() -> None:
    """Load the parser, then time the plain stage over every text, and print words per second."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--repeat", type=int, default=3)
    repeat = args.parse_args().repeat
    texts = [ROOT / "content" / "000-kratom-dopamine-opioid-withdrawal.txt"] + sorted((ROOT / "tests" / "data").glob("*.*"))
    handouts = [read_source(t) for t in texts]
    words = sum(len(s.text.split()) for h in handouts for s in h.sentences)
    started = time.perf_counter()
    parse.pipeline()
    loaded = time.perf_counter() - started
    runs, reads = [], []
    for _ in range(repeat):
        parse._parsed.clear()  # no parse kept from the run before: each run parses everything again
        started = time.perf_counter()
        fresh = [read_source(t) for t in texts]  # the reading stage, timed apart: it is not the plain stage
        reads.append(time.perf_counter() - started)
        started = time.perf_counter()
        for handout in fresh:
            plain_language(handout, Config())
        runs.append(time.perf_counter() - started)
    best = min(runs)
    print(f"load average {os.getloadavg()[0]:.1f}; parser loaded in {loaded:.2f} s")
    print(f"reading the texts (not counted below): {min(reads):.2f} s = {words / min(reads):,.0f} words per second")
    print(f"{len(texts)} texts, {words} words: plain stage {best:.2f} s (median {statistics.median(runs):.2f} s) "
          f"= {words / best:,.0f} words per second (target >= 2,000)")


if __name__ == "__main__":
    main()
