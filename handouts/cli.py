"""The `handouts` command (and `python generate.py`): read the command line, call the pipeline, report.

No work is done here: each subcommand calls into handouts.pipeline and turns the project's own
errors into one line and an exit status (0 done, 1 a handout failed or missed a target, 2 misuse).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path

from handouts import __version__
from handouts.build.paths import find_sources, output_dir
from handouts.build.progress import SpeechProgress
from handouts.config import load_config
from handouts.errors import HandoutError, UsageError, os_problem
from handouts.read.sources import SOURCE_SUFFIXES
from handouts.speech import ENGINE_NAMES
from handouts.watch import watch

COMMANDS = ("build", "watch", "check", "review")
EXAMPLES = """examples:
  handouts                          build every handout in content/ (the same as `handouts build`)
  handouts build content/flu.md     build one handout
  handouts build --voice gtts       use the online Google voice (needs internet)
  handouts build --out /tmp/print   write the files somewhere else
  handouts build --verbose          also list each handout's files and why each was remade
  handouts build --include-drafts   loop the drafts too in build/waiting-room.html and the playlist
  handouts watch                    rebuild whenever a source, template or setting is saved
  handouts check                    measure readability and the meaning guard; list missed targets
  handouts review content/flu.md    review the plain wording in your browser: approve, edit, sign off
  handouts review --sign "Dr. Lee" content/flu.md   sign a reviewed handout (no DRAFT notice after the build)

`python generate.py ...` does the same as `handouts ...`.
exit status: 0 all handouts built (check: all meet their targets), 1 a handout failed (the others
were built; check: a target was missed), 2 the command was used wrongly."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose every complaint is one line naming the fix."""

    def error(self, message: str):
        self.exit(2, f"error: {message}. Run '{self.prog} --help' to see what it takes.\n")


def parser() -> argparse.ArgumentParser:
    """Return the parser of the command line, with one subcommand per job."""
    top = _Parser(prog="handouts", description="Turn health texts into plain-language handouts people can "
                  "read and hear: PDF, large-print PDF, HTML and MP3.", epilog=EXAMPLES,
                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action="version", version=f"handouts {__version__}")
    top.add_argument("--debug", action="store_true", help="show the full details (traceback) of an unexpected failure")
    commands = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    project = _Parser(add_help=False)
    project.add_argument("sources", nargs="*", metavar="SOURCE",
                         help=f"source texts ({', '.join(SOURCE_SUFFIXES)}); default: every file in content/")
    project.add_argument("--project", metavar="DIR", default=".",
                         help="project folder holding handouts.toml and content/ (default: here)")
    building = _Parser(add_help=False)
    building.add_argument("--out", metavar="DIR", help="folder for the outputs (default: build/)")
    building.add_argument("--voice", choices=ENGINE_NAMES,
                          help="speech engine: piper (offline, default), gtts (online) or espeak (offline, if installed)")
    building.add_argument("--no-audio", action="store_true", help="make only the printed handouts and web pages")
    building.add_argument("--force", action="store_true", help="remake every output even if nothing changed")
    building.add_argument("--include-drafts", action="store_true",
                          help="also put DRAFT handouts in the playlist and the waiting-room screen and video")
    building.add_argument("--jobs", type=int, metavar="N", help="handouts built at once (default: one per processor core)")
    talk = building.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="print only problems (no progress, no ok lines)")
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="also list each handout's files, why each was remade and the sentences spoken")
    commands.add_parser("build", parents=[project, building], help="build the handouts (the default)",
                        description="Build the handouts whose text, settings or templates changed.")
    commands.add_parser("watch", parents=[project, building], help="build, then rebuild on every save",
                        description="Build, then build again each time a source, handouts.toml or a template "
                                    "is saved (after the saves settle). Ctrl-C stops.")
    commands.add_parser("check", parents=[project], help="measure readability; list every missed target",
                        description="Rewrite each handout in plain language without writing any file; print its "
                                    "readability before and after and every target it misses.")
    review = commands.add_parser("review", parents=[project], help="review the wording in your browser; sign off",
                                 description="Open the review screen in your browser (on this computer only): "
                                             "approve or correct each sentence, then sign off. With --sign, "
                                             "sign the named handouts without the screen.")
    review.add_argument("--sign", metavar="NAME", help="sign the named handouts as reviewed by NAME")
    review.add_argument("--no-browser", action="store_true", help="print the address but do not open a browser")
    review.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    return top


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status. No traceback reaches the user unless --debug asks for it."""
    argv = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in argv
    argv = [a for a in argv if a != "--debug"]  # allowed anywhere on the line
    try:
        return _main(argv, debug)
    except KeyboardInterrupt:
        print("Stopped. The files already made are whole; build again to finish.", file=sys.stderr)
        return 130
    except OSError as e:
        if debug:
            raise
        print(f"error: {os_problem(e)}", file=sys.stderr)
        return 1
    except Exception as e:  # a bug of ours: one line, and how to see more
        if debug:
            raise
        print(f"error: the program met a problem it did not expect ({type(e).__name__}: "
              f"{' '.join(str(e).split())[:160]}). Please report it; run the same command with --debug to see "
              f"the details.", file=sys.stderr)
        return 1


def _main(argv: list[str], debug: bool) -> int:
    """Run the command line (main() turns unexpected failures into one line)."""
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "build")  # `handouts` and `handouts FILE` build, as `python generate.py` always did
    args, unknown = parser().parse_known_args(argv)
    args.debug = debug
    if unknown:
        print(f"error: 'handouts {args.command}' does not take {' '.join(unknown)}. "
              f"Run 'handouts {args.command} --help' to see what it takes.", file=sys.stderr)
        return 2
    try:
        if not Path(args.project).is_dir():
            raise UsageError(f"no such folder: {args.project}. Check the path of --project (the folder that holds "
                             f"handouts.toml and content/).")
        config = load_config(Path(args.project))
        for warning in config.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        if getattr(args, "out", None):
            config.out_dir = str(Path(args.out).resolve())
        sources = [_check_source(s) for s in args.sources] or None
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except HandoutError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.command == "check":
        return _check(config, sources)
    if args.command == "review":
        return _review(config, sources, args)
    if args.command == "watch":
        watch(config, lambda: _rebuild(args, sources), sources)
        return 0
    return _build(config, sources, args)


def _rebuild(args, sources) -> int:
    """Build again for `watch`, reading handouts.toml afresh (it may be what was saved)."""
    try:
        if not Path(args.project).is_dir():
            raise UsageError(f"no such folder: {args.project}. Check the path of --project (the folder that holds "
                             f"handouts.toml and content/).")
        config = load_config(Path(args.project))
    except HandoutError as e:
        print(f"error: {e}", file=sys.stderr)  # keep watching: the next save may fix it
        return 1
    if args.out:
        config.out_dir = str(Path(args.out).resolve())
    args.force = False
    return _build(config, sources, args)


def _build(config, sources, args) -> int:
    """Build once, print the report, and return the exit status."""
    from handouts.pipeline import build_all  # here, not at the top: --help and --version need none of the stages

    # A terminal gets live progress; a pipe (a log) gets a line for each long stage; --quiet gets neither.
    progress_kind = None if args.quiet else SpeechProgress() if sys.stderr.isatty() else SpeechProgress(lines=True)
    try:
        with progress_kind or nullcontext() as progress:
            results = build_all(config, sources, voice=args.voice, audio=not args.no_audio, force=args.force,
                                workers=args.jobs, progress=progress, include_drafts=args.include_drafts)
    except HandoutError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for gone in results.removed:
        if not args.quiet:
            print(f"removed {gone.slug}: its source {gone.source} is gone -> deleted "
                  f"{', '.join(p.name for p in gone.removed) or 'nothing'}")
    if not results:
        print(f"No source texts found in {config.root / config.content_dir}. "
              f"Add a text ({', '.join(SOURCE_SUFFIXES)}) there, or name one on the command line.", file=sys.stderr)
        return 2
    for r in results:
        if not r.ok or not args.quiet:
            print(summary(r, args.verbose), file=sys.stdout if r.ok else sys.stderr)
            if r.debug and getattr(args, "debug", False):
                print(r.debug, file=sys.stderr)
            for w in r.warnings:
                print(f"warning {r.slug}: {_with_fix(w, r.slug, args.verbose)}", file=sys.stderr)
            if not args.quiet:
                for note in r.notes:
                    print(f"note {r.slug}: {note}")
    if results.problem:
        print(f"warning: {results.problem}", file=sys.stderr)
    if results.left_out and not args.quiet:
        print(f"left out of the playlist and the waiting-room screen and video (DRAFT, not yet signed): "
              f"{', '.join(results.left_out)}. Build with --include-drafts to show them anyway.")
    failed = sum(not r.ok for r in results)
    if not args.quiet or failed:
        print(_closing_line(results, output_dir(config)))
    return 1 if failed else 0


def summary(r, verbose: bool = False) -> str:
    """Return the one-line report of one handout: pages, audio, reading grade, draft or reviewed."""
    if not r.ok:
        return f"FAILED {r.error}"
    pages = _pages(r.pages)
    audio = f", audio {int(r.audio_seconds // 60)}:{int(r.audio_seconds % 60):02d}" if r.audio_seconds else ""
    grade = ""
    if r.readability:
        grade = f", grade {r.readability['before']['fk_grade']:.1f} -> {r.readability['after']['fk_grade']:.1f}"
    state = ", DRAFT (not yet reviewed)" if r.draft else ", reviewed"
    line = f"{'up to date' if not r.rebuilt else 'ok'} {r.slug}: {pages}{audio}{grade}{state}"
    return line + (_details(r) if verbose else "")


def _pages(pages: dict[str, int]) -> str:
    """Say how many pages each print version has: '3 pages (large print 5)'."""
    standard, large = pages.get("pdf"), pages.get("large-print pdf")
    if standard is None:
        return f"large print {large} {'page' if large == 1 else 'pages'}" if large else "no print"
    return f"{standard} {'page' if standard == 1 else 'pages'}" + (f" (large print {large})" if large else "")


def _details(r) -> str:
    """Return what --verbose adds: the readability, the time, the files and why each was remade."""
    extra = ""
    if r.readability:
        b, a = r.readability["before"], r.readability["after"]
        extra += f"; SMOG {b['smog']:.1f} -> {a['smog']:.1f}, words {b['body_words']} -> {a['body_words']}"
    n = len(r.synthesised)
    spoken = f", {n} {'sentence' if n == 1 else 'sentences'} spoken" if n else ""
    extra += f" ({r.seconds:.1f} s{spoken}) -> {_show_files(list(r.outputs.values()))}"
    if r.rebuilt:
        by_reason: dict[str, list[str]] = {}
        for name, reason in r.rebuilt.items():
            by_reason.setdefault(reason, []).append(name)
        extra += " [remade " + "; ".join(f"{', '.join(names)}: {reason}" for reason, names in by_reason.items()) + "]"
    if r.removed:
        extra += f"; removed {', '.join(p.name for p in r.removed)}"
    return extra


def _with_fix(warning: str, slug: str, verbose: bool) -> str:
    """Add to a missed readability target what the person can do about it."""
    if not warning.startswith("missed target:"):
        return warning
    return (f"{warning}. Look at {slug}.review.html: shorten the long sentences and swap hard words in the "
            f"source, or change the target in handouts.toml")


def _closing_line(results, out: Path) -> str:
    """Say how many handouts were built and where the files to print are."""
    failed = sum(not r.ok for r in results)
    remade = sum(bool(r.rebuilt) for r in results)
    built = len(results) - failed
    line = (f"{built} of {len(results)} handouts built ({remade} remade, {built - remade} up to date). "
            f"To print: the .pdf files in {_show(out)}/ (the -large-print.pdf ones for large print).")
    if any(r.ok and r.draft for r in results):
        line += (" A DRAFT handout says so on every page until a reviewer approves its wording and signs it "
                 "(handouts review).")
    return line


def _review(config, sources, args) -> int:
    """Sign the named handouts (--sign), or start the review screen."""
    if args.sign is not None:
        from handouts.pipeline import sign_handout

        if not sources:
            print('error: name the handouts to sign: handouts review --sign "Your Name" content/NAME.txt',
                  file=sys.stderr)
            return 2
        failed = 0
        for source in sources:
            try:
                state = sign_handout(source, config, args.sign)
            except HandoutError as e:
                print(f"error: {e}", file=sys.stderr)
                failed += 1
                continue
            print(f"signed {source.name}: reviewed by {state.signed_by} on {state.signed_on} "
                  f"({state.entries} entries, in {state.path.name}). Build again to print it without the DRAFT notice.")
        return 1 if failed else 0
    from handouts.app.server import serve  # Flask loads only for the review screen

    return serve(config, sources or find_sources(config), port=args.port, browser=not args.no_browser)


def _check(config, sources) -> int:
    """Measure every handout against the targets; print one line each and every missed target."""
    from handouts.pipeline import check_all  # the stages load only for the commands that use them

    results = check_all(config, sources or find_sources(config))
    if not results:
        print(f"No source texts found in {config.root / config.content_dir}.", file=sys.stderr)
        return 2
    for r in results:
        print(_check_line(r), file=sys.stdout if r.ok else sys.stderr)
    missed = sum(not r.ok for r in results)
    print(f"{len(results) - missed} of {len(results)} handouts meet their targets")
    return 1 if missed else 0


def _check_line(r) -> str:
    """Return the report of `handouts check` on one handout."""
    if r.error:
        return f"FAILED {r.error}"
    b, a = r.before, r.after
    if not a:
        return f"ok {r.slug}: used as written (the plain-language rules and grade targets are for English)"
    figures = (f"grade {b['fk_grade']:.1f}->{a['fk_grade']:.1f}, SMOG {b['smog']:.1f}->{a['smog']:.1f}, "
               f"longest sentence {b['longest_sentence']}->{a['longest_sentence']} words, "
               f"words {b['body_words']}->{a['body_words']}")
    notes = [f"  - missed: {m}" for m in r.missed] + [f"  - kept: {k}" for k in r.kept] + [f"  - {x}" for x in r.long]
    return "\n".join([f"{'ok' if r.ok else 'MISSED'} {r.slug}: {figures}"] + notes)


def _check_source(name: str) -> Path:
    """Check that a source named on the command line exists and is a text we read."""
    path = Path(name)
    if path.is_dir():
        raise UsageError("this is a folder. Name a source text in it, or use --project for a project folder.", path)
    if not path.is_file():
        raise UsageError("no such file. Check the name, or leave it out to build all of content/.", path)
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        raise UsageError(f"this is not a source text. Use a file ending in {', '.join(SOURCE_SUFFIXES)}.", path)
    return path


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
