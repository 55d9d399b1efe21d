"""Build a project with the fake voice, for tests that run (and kill) builds in another process.

usage: python tests/build_with_fake_voice.py PROJECT SECONDS_PER_SENTENCE WORKERS
"""

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from fakes import CountingEngine  # noqa: E402
from handouts.pipeline import build_all  # noqa: E402
from handouts.config import load_config  # noqa: E402

if __name__ == "__main__":
    project, delay, workers = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    report = build_all(load_config(project), engine=CountingEngine(delay=delay), workers=workers)
    for r in report:
        print(r.slug, "error" if not r.ok else ("remade" if r.rebuilt else "up to date"), r.error or "")
    sys.exit(0 if all(r.ok for r in report) else 1)
