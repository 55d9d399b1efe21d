#!/usr/bin/env python3
"""Prove that a refactor changed no output file: snapshot the handouts before and after, then compare.

  python benchmarks/same_output.py snapshot OUTFILE [--repo DIR] [--python PYTHON]
  python benchmarks/same_output.py compare A.json B.json

`snapshot` copies the sample text in content/, every file in tests/data/ and handouts.toml into a
temporary project and builds it with the repo's own command line:

  PYTHON generate.py --project TMP --out TMP/build --no-audio      (cwd: the repo)

Only that command line is used, so the script works on any version of the code that accepts it.
A text whose build fails there (a meaning-guard failure, or a slug another text already has) is
built again alone in a project of its own; if it fails alone too, its failure lines are recorded
instead of its outputs. For every handout slug the snapshot holds the parsed SLUG.plain.json and
SLUG.readability.json, the lines of SLUG.html and SLUG.review.html, the text of SLUG.pdf and
SLUG-large-print.pdf page by page (as pdfplumber extracts it), and the names of its files.

Dates are pinned so two runs agree: version_date in the copied handouts.toml is set to 2026-01-01
(otherwise the footer shows the source file's last change) and SOURCE_DATE_EPOCH to the same day.
The temporary folder's path is replaced by "<project>" wherever it appears.

`compare` prints, for each handout, which parts differ with the start of a unified diff, then
"identical: N of M handouts"; it exits 1 if anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = Path("content") / "000-kratom-dopamine-opioid-withdrawal.txt"
TEST_DATA = Path("tests") / "data"
VERSION_DATE = "2026-01-01"
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z

# The end of each output file's name after the slug, longest first, and what the compare calls it.
PARTS = {
    ".plain.json": "plain json",
    ".readability.json": "readability json",
    ".review.html": "review html",
    "-large-print.pdf": "large-print text",
    ".html": "html",
    ".pdf": "pdf text",
    ".mp3": "mp3",
    ".vtt": "captions",
}
DIFF_LINES = 12  # lines of unified diff shown for each differing part


# --- snapshot ------------------------------------------------------------------------------

def texts_of(repo: Path) -> list[Path]:
    """Return the texts to build: the sample article and every file in tests/data/."""
    return [repo / SAMPLE] + sorted(p for p in (repo / TEST_DATA).iterdir() if p.is_file())


def make_project(folder: Path, repo: Path, texts: list[Path]) -> None:
    """Make a project in `folder` holding `texts` and the repo's handouts.toml with a fixed version date."""
    (folder / "content").mkdir(parents=True)
    for text in texts:
        shutil.copy2(text, folder / "content" / text.name)
    toml = repo / "handouts.toml"
    settings = toml.read_text(encoding="utf-8") if toml.is_file() else ""
    line = f'version_date = "{VERSION_DATE}"'
    if re.search(r"(?m)^\s*version_date\s*=", settings):
        settings = re.sub(r"(?m)^\s*version_date\s*=.*$", line, settings)
    elif re.search(r"(?m)^\[print\]\s*$", settings):
        settings = re.sub(r"(?m)^\[print\]\s*$", "[print]\n" + line, settings, count=1)
    else:
        settings += f"\n[print]\n{line}\n"
    (folder / "handouts.toml").write_text(settings, encoding="utf-8")


def build(python: str, repo: Path, project: Path) -> subprocess.CompletedProcess:
    """Build every text of `project` without audio; return the finished process (any exit status)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, TZ="UTC")
    return subprocess.run([python, str(repo / "generate.py"), "--project", str(project),
                           "--out", str(project / "build"), "--no-audio"],
                          cwd=repo, env=env, capture_output=True, text=True)


def first_named(line: str, texts: list[Path]) -> Path | None:
    """Return the text a message line is about: the first one it names (a failure starts with its source)."""
    places = {line.find(f"content/{t.name}"): t for t in texts if f"content/{t.name}" in line}
    return places[min(places)] if places else None


def split_name(name: str) -> tuple[str, str] | None:
    """Split an output file name into (slug, part suffix), or None when it is no handout's file."""
    for suffix in PARTS:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[:-len(suffix)], suffix
    return None


def output_files(folder: Path) -> list[str]:
    """Return the output files in `folder`, relative to it, leaving out the build's own dot-folders."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def normalise(text: str, project: Path) -> str:
    """Replace the temporary project's path (as given and resolved) with "<project>"."""
    for path in sorted({str(project), str(project.resolve())}, key=len, reverse=True):
        text = text.replace(path, "<project>")
    return text


def read_pdf(path: Path, project: Path) -> dict:
    """Return a PDF's page count and the lines of text on each page."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        pages = [normalise(page.extract_text() or "", project).splitlines() for page in pdf.pages]
    return {"pages": len(pages), "text": pages}


def read_part(path: Path, project: Path):
    """Return an output file's content in a form to compare: parsed JSON, lines of HTML, PDF text."""
    if path.suffix == ".json":
        return json.loads(normalise(path.read_text(encoding="utf-8"), project))
    if path.suffix in (".html", ".vtt"):
        return normalise(path.read_text(encoding="utf-8"), project).splitlines()
    if path.suffix == ".pdf":
        return read_pdf(path, project)
    return {"bytes": path.stat().st_size}


def collect(build_dir: Path, project: Path) -> tuple[dict, list[str]]:
    """Return ({slug: {"files": [...], suffix: content}}, files that belong to no handout)."""
    handouts: dict[str, dict] = {}
    other = []
    files = output_files(build_dir) if build_dir.is_dir() else []
    for name in files:
        split = split_name(name) if "/" not in name else None
        if split is None:
            other.append(name)
            continue
        slug, suffix = split
        handout = handouts.setdefault(slug, {"files": []})
        handout["files"].append(name)
        handout[suffix] = read_part(build_dir / name, project)
    return handouts, other


def snapshot(repo: Path, python: str) -> dict:
    """Build all texts of `repo` and return everything the outputs hold."""
    texts = texts_of(repo)
    with tempfile.TemporaryDirectory(prefix="same_output-") as tmp:
        project = Path(tmp) / "all"
        make_project(project, repo, texts)
        done = build(python, repo, project)
        handouts, other = collect(project / "build", project)
        # a failed run's stderr lines other than warnings, each with the text it names first (or None)
        messages = [m for m in done.stderr.splitlines() if done.returncode != 0 and not m.startswith("warning")]
        about = {m: first_named(m, texts) for m in messages}
        failed_together = [t for t in texts if t in about.values()]
        result = {
            "texts": [t.name for t in texts],
            "exit_status": done.returncode,
            "run_errors": [normalise(m, project) for m in messages if about[m] is None],  # a crash, a usage error
            "failed": {},
            "rebuilt_alone": [t.name for t in failed_together],
            "handouts": handouts,
            "other_files": other,
        }
        for n, text in enumerate(failed_together):
            alone = Path(tmp) / f"alone-{n}"
            make_project(alone, repo, [text])
            done = build(python, repo, alone)
            if done.returncode != 0:
                lines = [m for m in done.stderr.splitlines() if first_named(m, [text])]
                result["failed"][text.name] = [normalise(m, alone) for m in lines or done.stderr.splitlines()]
                continue
            for slug, handout in collect(alone / "build", alone)[0].items():
                key = slug if slug not in handouts else f"{slug} ({text.name})"
                handouts[key] = handout
    return result


# --- compare -------------------------------------------------------------------------------

def as_lines(value) -> list[str]:
    """Return a part as lines for a diff: a list of strings as it is, anything else as indented JSON."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False).splitlines()


def diff_excerpt(a, b, name_a: str, name_b: str) -> list[str]:
    """Return the first lines of a unified diff between two parts."""
    lines = list(difflib.unified_diff(as_lines(a), as_lines(b), name_a, name_b, n=1, lineterm=""))
    return lines[:DIFF_LINES] + (["..."] if len(lines) > DIFF_LINES else [])


def part_name(key: str) -> str:
    """Return how the report names a part of a handout."""
    return "file list" if key == "files" else PARTS.get(key, key)


def compare(a: dict, b: dict, name_a: str, name_b: str) -> bool:
    """Print every difference between two snapshots; return True when they are the same."""
    same = True
    slugs = sorted(set(a["handouts"]) | set(b["handouts"]))
    identical = 0
    for slug in slugs:
        ha, hb = a["handouts"].get(slug), b["handouts"].get(slug)
        if ha is None or hb is None:
            print(f"{slug}: only in {name_a if hb is None else name_b}")
            continue
        keys = sorted(set(ha) | set(hb), key=lambda k: (k != "files", k))
        differ = [k for k in keys if ha.get(k) != hb.get(k)]
        if not differ:
            identical += 1
            continue
        print(f"{slug}: {', '.join(part_name(k) for k in differ)} differ")
        for k in differ:
            for line in diff_excerpt(ha.get(k), hb.get(k), f"{name_a} {part_name(k)}", f"{name_b} {part_name(k)}"):
                print(f"    {line}")
    for key in ("texts", "exit_status", "run_errors", "failed", "rebuilt_alone", "other_files"):
        if a.get(key) != b.get(key):
            same = False
            print(f"{key} differ")
            for line in diff_excerpt(a.get(key), b.get(key), name_a, name_b):
                print(f"    {line}")
    print(f"identical: {identical} of {len(slugs)} handouts")
    return same and identical == len(slugs)


# --- command line ----------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """Run `snapshot` or `compare`; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    snap = commands.add_parser("snapshot", help="build the handouts and write what they hold to OUTFILE")
    snap.add_argument("outfile", type=Path)
    snap.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent,
                      help="the repo whose generate.py builds (default: the one holding this script)")
    snap.add_argument("--python", default=sys.executable, help="the Python that runs generate.py")
    comp = commands.add_parser("compare", help="print how two snapshots differ; exit 1 if they do")
    comp.add_argument("a", type=Path)
    comp.add_argument("b", type=Path)
    args = parser.parse_args(argv)

    if args.command == "compare":
        a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (args.a, args.b))
        return 0 if compare(a, b, str(args.a), str(args.b)) else 1

    started = time.perf_counter()
    result = snapshot(args.repo.resolve(), args.python)
    args.outfile.write_text(json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    print(f"{len(result['handouts'])} handouts, {len(result['failed'])} texts failed "
          f"(generate.py exit status {result['exit_status']}); "
          f"{time.perf_counter() - started:.0f} s -> {args.outfile}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
