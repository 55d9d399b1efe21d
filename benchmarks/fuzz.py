"""The long fuzz run (not in CI): generate many random sources with the strategies of the fuzz tests
(tests/fuzz_sources.py: random structure, every Unicode category, very long lines and words, nested lists,
mixed scripts) and take each through read -> plain language -> PDFs (standard and large print) -> web page ->
spoken script (no MP3: the voice is not what is fuzzed), in a few worker processes. It counts:

- built: every output made, every check passed;
- refused: a HandoutError, by message (the distinct one-line messages, with the file's own words taken out);
- crashes: any other exception; the traceback and the source are saved in the report folder;
- unprintable PDFs: a PDF whose text has a character the handout fonts cannot draw (or U+FFFD);
- multi-line refusals, and any other property that failed (a number lost unflagged, a script tag ...).

    .venv/bin/python benchmarks/fuzz.py --count 10000 --workers 4

Exits 1 when anything but "built" and "refused" was counted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from fuzz_sources import FuzzFailure, run_source, sources  # noqa: E402

CHUNK = 50  # sources per task: each task draws them with its own seed
OUTCOMES = ("built", "refused", "crash", "multi-line refusal", "property failed")  # one of these per source
SLOW = 20.0  # seconds: a source taking longer is saved (a cost that does not grow linearly shows up here)


def message_kind(message: str) -> str:
    """Return a refusal without what is particular to the file (its name, line, quoted words, numbers)."""
    text = message.split(": ", 1)[1] if ": " in message else message
    text = re.sub(r"'[^']*'|\"[^\"]*\"|\([^()]*\)", "…", text)
    return re.sub(r"\d[\d,.]*", "N", text)


def run_chunk(seed: int, count: int, report: str, both: bool = False) -> dict:
    """Draw `count` sources with hypothesis from `seed`, run each, and return the counts.

    Each source is printed at one size, standard and large print in turn (`both`: at both sizes)."""
    from handouts.render.pdf import LARGE, STANDARD

    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as with_seed

    counts: Counter = Counter()  # one outcome per source
    flags: Counter = Counter()  # built, but its PDF has a character the fonts cannot draw
    refusals: Counter = Counter()
    messages: set = set()
    failures: Counter = Counter()
    crashes: list[str] = []
    slow: list[tuple[float, str]] = []

    def save(kind: str, n: int, name: str, data: bytes, text: str) -> str:
        stem = Path(report) / f"{kind}-{seed}-{n}"
        stem.with_suffix(Path(name).suffix + ".src").write_bytes(data)
        stem.with_suffix(".log").write_text(text)
        return str(stem)

    @with_seed(seed)
    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(sources())
    def one(source):
        name, data = source
        n = sum(counts.values())
        started = time.perf_counter()
        try:
            outcome, info = run_source(name, data, None if both else [(STANDARD, LARGE)[n % 2]])
        except FuzzFailure as e:
            what = str(e)
            counts["multi-line refusal" if what.startswith("refusal of more than one line") else "property failed"] += 1
            failures[what.split(":")[0]] += 1
            save("failure", n, name, data, what)
        except Exception as e:  # a crash: anything but a HandoutError
            counts["crash"] += 1
            text = "".join(traceback.format_exception(e))
            crashes.append(f"{type(e).__name__}: {str(e)[:200]} ({save('crash', n, name, data, text)})")
        else:
            counts[outcome] += 1
            if outcome == "refused":
                refusals[message_kind(info)] += 1
                messages.add(info)
            elif info["unprintable"]:
                flags["unprintable PDF"] += 1
                save("unprintable", n, name, data, repr(info["unprintable"]))
        seconds = time.perf_counter() - started
        if seconds > SLOW:
            slow.append((seconds, save("slow", n, name, data, f"{seconds:.1f} s")))

    one()
    return {"counts": counts + flags, "refusals": refusals, "messages": sorted(messages), "failures": failures,
            "crashes": crashes, "slow": slow}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="sources to generate (default 10,000)")
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument("--seed", type=int, default=0, help="first seed (each task of %d sources has its own)" % CHUNK)
    parser.add_argument("--both-sizes", action="store_true",
                        help="print every source at both sizes (default: standard and large print in turn)")
    parser.add_argument("--report", type=Path, default=None,
                        help="folder for crash tracebacks and their sources (default: a new temporary folder)")
    args = parser.parse_args()
    report = args.report or Path(tempfile.mkdtemp(prefix="handouts-fuzz-"))
    report.mkdir(parents=True, exist_ok=True)
    tasks = [(args.seed + i, min(CHUNK, args.count - i * CHUNK)) for i in range((args.count + CHUNK - 1) // CHUNK)]
    total = {"counts": Counter(), "refusals": Counter(), "messages": set(), "failures": Counter(), "crashes": [],
             "slow": []}
    started = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        futures = {pool.submit(run_chunk, seed, count, str(report), args.both_sizes): (seed, count)
                   for seed, count in tasks}
        for future in as_completed(futures):
            try:
                part = future.result()
            except Exception as e:  # a worker that died takes its chunk with it: a crash of each source in it
                seed, count = futures[future]
                total["counts"]["crash"] += count
                total["crashes"].append(f"worker died on seed {seed}: {type(e).__name__}: {e}")
                continue
            for key in ("counts", "refusals", "failures"):
                total[key].update(part[key])
            total["messages"].update(part["messages"])
            total["crashes"] += part["crashes"]
            total["slow"] += part["slow"]
            c = total["counts"]
            print(f"[{time.perf_counter() - started:6.0f} s] {sum(c[k] for k in OUTCOMES):,} sources: "
                  f"{c['built']:,} built, "
                  f"{c['refused']:,} refused, {c['crash']} crashes, {c['unprintable PDF']} unprintable PDFs, "
                  f"{c['multi-line refusal']} multi-line refusals, {c['property failed']} other failures",
                  flush=True)
    c = total["counts"]
    done = sum(c[k] for k in OUTCOMES)
    print(f"\n{done:,} sources in {time.perf_counter() - started:.0f} s with {args.workers} workers")
    for key in ("built", "refused", "crash", "unprintable PDF", "multi-line refusal", "property failed"):
        print(f"  {key:20} {c[key]:,}")
    print(f"\nrefused, by message ({len(total['messages']):,} distinct messages):")
    for kind, n in total["refusals"].most_common():
        print(f"  {n:6,}  {kind}")
    if total["failures"]:
        print("\nproperties that failed:")
        for kind, n in total["failures"].most_common():
            print(f"  {n:6,}  {kind}")
    if total["crashes"]:
        print("\ncrashes (tracebacks in the report folder):")
        for kind, n in Counter(line.split(" (")[0][:160] for line in total["crashes"]).most_common():
            print(f"  {n:6,}  {kind}")
    if total["slow"]:
        print(f"\n{len(total['slow'])} sources took over {SLOW:g} s (longest {max(total['slow'])[0]:.0f} s)")
    (report / "summary.json").write_text(json.dumps(
        {"counts": c, "refusals": total["refusals"], "messages": sorted(total["messages"]),
         "failures": total["failures"], "crashes": total["crashes"], "slow": total["slow"]}, indent=1,
        ensure_ascii=False))
    print(f"\nreport: {report}")
    return 0 if all(c[k] == 0 for k in ("crash", "unprintable PDF", "multi-line refusal", "property failed")) else 1


if __name__ == "__main__":
    sys.exit(main())
