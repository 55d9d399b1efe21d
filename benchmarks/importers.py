#!/usr/bin/env python3
"""Time reading a 20-page PDF leaflet and a 50-page Word document, and check that the sample article saved
as a Word document, a two-column PDF and a web page builds the same plain text as the .txt.

Measures:
  cold   one read in a fresh process, loading the format's library (what a build of one such file pays)
  warm   the median of further reads in the same process                        target: both under 2 s
Then builds the four versions of the sample (no audio) in one project and compares their change logs
(SLUG.plain.json: key points, words to know, every sentence, its source and the rules; slugs aside).

usage: python benchmarks/importers.py [--repeat N] [--keep DIR]   (needs the test extra: python-docx)
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from documents import SAMPLE, docx_bytes, pdf_bytes, sample_article, web_page_bytes  # noqa: E402

TARGET_SECONDS = 2.0
FORMATS = {"docx": docx_bytes, "pdf": pdf_bytes, "html": web_page_bytes}


def long_article(pages_of_text: int) -> list[tuple]:
    """Return the sample's sections repeated, each with its own heading, to fill about `pages_of_text` pages."""
    body = [part for part in sample_article() if part[0] != "title"]
    article = [("title", "Opioid Withdrawal: A Long Leaflet")]
    for n in range(1, pages_of_text + 1):
        article += [(kind, f"Part {n}: {content}" if kind == "h1" else content) for kind, content in body]
    return article


def page_count(path: Path) -> int:
    """Return how many pages a PDF has, or a Word document would print on (about 500 words a page)."""
    if path.suffix == ".pdf":
        import pypdfium2

        return len(pypdfium2.PdfDocument(path.read_bytes()))
    from handouts.read.sources import read_source

    return round(sum(len(s.text.split()) for s in read_source(path).sentences) / 500)


def cold_read(path: Path) -> float:
    """Return the seconds one read of `path` takes in a fresh process (the library's loading included)."""
    code = ("import time, sys; from handouts.read.sources import read_source; started = time.perf_counter(); "
            f"read_source({str(path)!r}); print(time.perf_counter() - started)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(done.stdout)


def warm_read(path: Path, repeat: int) -> float:
    """Return the median seconds of `repeat` reads of `path` in this process (after one to load the library)."""
    from handouts.read.sources import read_source

    read_source(path)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        read_source(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def speed(folder: Path, repeat: int) -> bool:
    """Print the reading times of a 20-page PDF and a 50-page Word document; return whether both meet the target."""
    pdf = folder / "leaflet-20-pages.pdf"
    pdf.write_bytes(pdf_bytes(long_article(17)))  # 20 pages in two columns
    word = folder / "document-50-pages.docx"
    word.write_bytes(docx_bytes(long_article(40)))
    ok = True
    for path in (pdf, word):
        cold, warm = cold_read(path), warm_read(path, repeat)
        met = max(cold, warm) < TARGET_SECONDS
        ok &= met
        print(f"{path.name}: {page_count(path)} pages, {path.stat().st_size // 1024} KB: cold {cold:.2f} s, "
              f"warm {warm:.2f} s  [{'ok' if met else 'SLOW'}: target < {TARGET_SECONDS:.0f} s]")
    return ok


def round_trip(folder: Path) -> bool:
    """Build the sample as .txt, .docx, .pdf and .html; print how each change log differs from the .txt's."""
    project = folder / "project"
    content = project / "content"
    content.mkdir(parents=True)
    shutil.copy(SAMPLE, content / "sample.txt")
    for suffix, make in FORMATS.items():
        (content / f"sample-{suffix}.{suffix}").write_bytes(make(sample_article()))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "generate.py"), "--project", str(project), "--no-audio"],
                          capture_output=True, text=True)
    print(f"built the 4 versions in {time.perf_counter() - started:.1f} s (exit status {done.returncode})")
    logs = {p.name.split(".")[0]: json.loads(p.read_text(encoding="utf-8"))
            for p in (project / "build").glob("*.plain.json")}
    text = logs.pop("kratom-dopamine-opioid-withdrawal")
    ok = done.returncode == 0 and len(logs) == len(FORMATS)
    for slug, log in sorted(logs.items()):
        differs = [key for key in text if key != "slug" and log.get(key) != text[key]]
        ok &= not differs
        sentences = sum(len(s["sentences"]) for s in log["sections"])
        print(f"{slug}: {sentences} plain sentences, {len(log['key_points'])} key points, "
              f"{len(log['words_to_know'])} words to know: "
              + ("the same plain text as the .txt (only the slug differs: it is the file's name)" if not differs
                 else f"DIFFERS in {', '.join(differs)}"))
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="warm reads to take the median of (default 3)")
    parser.add_argument("--keep", type=Path, help="make the documents and the project here, and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="handouts-importers-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        ok = speed(folder, args.repeat)
        ok &= round_trip(folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
