#!/usr/bin/env python3
"""Build plain-language handouts (PDF, large-print PDF, HTML, MP3) from the texts in content/.

This file only reads the command line and reports; the work is done in the handouts package.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

from handouts.build import build_all, output_dir
from handouts.config import load_config
from handouts.errors import HandoutError, UsageError
from handouts.sources import SOURCE_SUFFIXES
from handouts.speech import ENGINE_NAMES

EXAMPLES = """examples:
  python generate.py                      build every handout in content/
  python generate.py content/flu.md       build one handout
  python generate.py --voice gtts         use the online Google voice (needs internet)
  python generate.py --out /tmp/print     write the files somewhere else
  python generate.py --force              remake every output, changed or not
  python generate.py watch                rebuild whenever a source, template or setting is saved
  python generate.py check                measure readability and the meaning guard; list missed targets

Only outputs whose inputs changed are made again; each line says what was remade and why.

exit status: 0 all handouts built, 1 a handout failed (the others were built), 2 usage error.
check: 0 every handout meets its targets, 1 a target was missed (each is listed), 2 usage error."""


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(
        prog="generate.py", description=__doc__.splitlines()[0], epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="*", metavar="SOURCE",
                        help="source texts to build (.txt or .md); default: every file in content/; "
                             "'watch' first: keep rebuilding on every save (Ctrl-C stops); "
                             "'check' first: only measure readability and the meaning guard")
    parser.add_argument("--out", metavar="DIR", help="folder for the outputs (default: build/)")
    parser.add_argument("--voice", choices=ENGINE_NAMES,
                        help="speech engine: piper (offline, default), gtts (online) or espeak (offline, if installed)")
    parser.add_argument("--no-audio", action="store_true", help="make only the printed handouts")
    parser.add_argument("--project", metavar="DIR", default=".",
                        help="project folder holding handouts.toml and content/ (default: here)")
    parser.add_argument("--force", action="store_true", help="remake every output even if nothing changed")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems (no progress, no ok lines)")
    parser.add_argument("--jobs", type=int, metavar="N",
                        help="handouts built at once (default: one per processor core)")
    args = parser.parse_args(argv)
    args.watch = bool(args.sources) and args.sources[0] == "watch"
    args.check = bool(args.sources) and args.sources[0] == "check"
    if args.watch or args.check:
        args.sources = args.sources[1:]
    return args


def main(argv: list[str] | None = None) -> int:
    """Build the handouts and print one summary line for each; return the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        config = load_config(Path(args.project))
        if args.out:
            config.out_dir = str(Path(args.out).resolve())
        sources = [_check_source(s) for s in args.sources] or None
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except HandoutError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.watch:
        from handouts.watch import watch

        watch(config, lambda: _rebuild(args, sources), sources)
        return 0
    if args.check:
        return _check(config, sources)
    return _build(config, sources, args, force=args.force)


def _rebuild(args, sources) -> int:
    """Build again for `watch`, reading handouts.toml afresh (it may be what was saved)."""
    try:
        config = load_config(Path(args.project))
    except HandoutError as e:
        print(f"error: {e}", file=sys.stderr)  # keep watching: the next save may fix it
        return 1
    if args.out:
        config.out_dir = str(Path(args.out).resolve())
    return _build(config, sources, args, force=False)


def _check(config, sources) -> int:
    """Measure every handout against the targets; print one line each and every missed target."""
    from handouts.build import find_sources
    from handouts.check import check_all

    results = check_all(config, sources or find_sources(config))
    if not results:
        print(f"No source texts found in {config.root / config.content_dir}.", file=sys.stderr)
        return 2
    for r in results:
        print(r.line(), file=sys.stdout if r.ok else sys.stderr)
    missed = sum(not r.ok for r in results)
    print(f"{len(results) - missed} of {len(results)} handouts meet their targets")
    return 1 if missed else 0


def _build(config, sources, args, force: bool) -> int:
    """Build once, print the report, and return the exit status."""
    from handouts.progress import SpeechProgress

    show_progress = not args.quiet and sys.stderr.isatty()
    try:
        with SpeechProgress() if show_progress else _nothing() as progress:
            results = build_all(config, sources, voice=args.voice, audio=not args.no_audio, force=force,
                                workers=args.jobs, progress=progress)
    except HandoutError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for gone in results.removed:
        if not args.quiet:
            print(f"removed {gone.slug}: its source {gone.source} is gone -> deleted "
                  f"{', '.join(p.name for p in gone.removed) or 'nothing'}")
    if not results:
        print(f"No source texts found in {config.root / config.content_dir}. "
              f"Add a .txt or .md file there, or name one on the command line.", file=sys.stderr)
        return 2
    for r in results:
        if not r.ok or not args.quiet:
            print(_summary(r), file=sys.stdout if r.ok else sys.stderr)
            for w in r.warnings:
                print(f"warning {r.slug}: {w}", file=sys.stderr)
    failed = sum(not r.ok for r in results)
    if not args.quiet or failed:
        remade = sum(bool(r.rebuilt) for r in results)
        print(f"{len(results) - failed} of {len(results)} handouts built in {output_dir(config)} "
              f"({remade} remade, {len(results) - failed - remade} up to date)")
    return 1 if failed else 0


@contextmanager
def _nothing():
    """Stand in for a progress display when there is none."""
    yield None


def _check_source(name: str) -> Path:
    """Check that a source named on the command line exists and is a text we read."""
    path = Path(name)
    if not path.is_file():
        raise UsageError("no such file. Check the name, or leave it out to build all of content/.", path)
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        raise UsageError(f"this is not a source text. Use a file ending in {', '.join(SOURCE_SUFFIXES)}.", path)
    return path


def _summary(r) -> str:
    """Return the one-line report for one handout."""
    if not r.ok:
        return f"FAILED {r.error}"
    pages = ", ".join(f"{n} {'page' if n == 1 else 'pages'} {k}" for k, n in r.pages.items())
    audio = f", audio {int(r.audio_seconds // 60)}:{int(r.audio_seconds % 60):02d}" if r.audio_seconds else ""
    paths = _show_files(list(r.outputs.values()))
    grade = ""
    if r.readability:
        b, a = r.readability["before"], r.readability["after"]
        grade = (f", grade {b['fk_grade']:.1f}->{a['fk_grade']:.1f}, SMOG {b['smog']:.1f}->{a['smog']:.1f}, "
                 f"words {b['body_words']}->{a['body_words']}")
    if not r.rebuilt:
        return f"up to date {r.slug}: {pages}{audio}{grade}{_draft(r)}"
    by_reason: dict[str, list[str]] = {}
    for name, reason in r.rebuilt.items():
        by_reason.setdefault(reason, []).append(name)
    why = "; ".join(f"{', '.join(names)}: {reason}" for reason, names in by_reason.items())
    n = len(r.synthesised)
    spoken = f", {n} {'sentence' if n == 1 else 'sentences'} spoken" if n else ""
    gone = f"; removed {', '.join(p.name for p in r.removed)}" if r.removed else ""
    return f"ok {r.slug}: {pages}{audio}{grade} ({r.seconds:.1f} s{spoken}) -> {paths} [remade {why}]{gone}{_draft(r)}"


def _draft(r) -> str:
    """Say that a handout is still a draft, and how to mark it reviewed."""
    return (" - DRAFT - not yet reviewed (add reviewed_by and reviewed_on to its front matter)"
            if r.draft else "")


def _show_files(paths: list[Path]) -> str:
    """Name the output folder once, then the file names, so the line stays readable."""
    folders = {p.parent for p in paths}
    if len(folders) != 1:
        return ", ".join(_show(p) for p in paths)
    return f"{_show(folders.pop())}/ " + ", ".join(p.name for p in paths)


def _show(path: Path) -> str:
    """Show a path relative to the current folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
