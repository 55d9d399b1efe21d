#!/usr/bin/env python3
"""Build plain-language handouts (PDF, large-print PDF, MP3) from the texts in content/.

This file only reads the command line and reports; the work is done in the handouts package.
"""

from __future__ import annotations

import argparse
import sys
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

exit status: 0 all handouts built, 1 a handout failed (the others were built), 2 usage error."""


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(
        prog="generate.py", description=__doc__.splitlines()[0], epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="*", metavar="SOURCE",
                        help="source texts to build (.txt or .md); default: every file in content/")
    parser.add_argument("--out", metavar="DIR", help="folder for the outputs (default: build/)")
    parser.add_argument("--voice", choices=ENGINE_NAMES,
                        help="speech engine: piper (offline, default) or gtts (online)")
    parser.add_argument("--no-audio", action="store_true", help="make only the printed handouts")
    parser.add_argument("--project", metavar="DIR", default=".",
                        help="project folder holding handouts.toml and content/ (default: here)")
    return parser.parse_args(argv)


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
    results = build_all(config, sources, voice=args.voice, audio=not args.no_audio)
    if not results:
        print(f"No source texts found in {config.root / config.content_dir}. "
              f"Add a .txt or .md file there, or name one on the command line.", file=sys.stderr)
        return 2
    for r in results:
        print(_summary(r), file=sys.stdout if r.ok else sys.stderr)
    failed = sum(not r.ok for r in results)
    print(f"{len(results) - failed} of {len(results)} handouts built in {output_dir(config)}")
    return 1 if failed else 0


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
    paths = ", ".join(_show(p) for p in r.outputs.values())
    return f"ok {r.slug}: {pages}{audio} ({r.seconds:.1f} s) -> {paths}"


def _show(path: Path) -> str:
    """Show a path relative to the current folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
