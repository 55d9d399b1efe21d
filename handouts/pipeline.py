"""The build, in pipeline order: read -> plain language -> render and speak -> write the manifest.

`build_all` is the table of contents; each step is a call into a wing: read/ (source texts),
plain/ (the rewrite), outputs.py (render/ and audio/, one line per output), build/ (manifest,
lock, caches). Only outputs whose inputs changed are made again.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from handouts.audio.listening_files import write_playlist
from handouts.audio.waiting_room import write_waiting_room
from handouts.build.inputs import fingerprints
from handouts.build.lock import build_lock, hold_worker_lock
from handouts.build.manifest import Manifest, digest, file_stamp, warn, why_stale
from handouts.build.paths import cache_dir, find_sources, output_dir, source_key
from handouts.build.plain_cache import PlainCache, plain_key
from handouts.build.progress import report_stage
from handouts.build.pruning import prune_caches
from handouts.config import Config
from handouts.errors import HandoutError, os_problem
from handouts.files import remove_stale_temp_files, write_atomic
from handouts.language.labels import has_labels
from handouts.outputs import OUTPUTS, BuildResult, Job, SpeechAhead
from handouts.plain.rewrite import PlainResult, plain_language
from handouts.read.sources import read_bytes, read_source
from handouts.render.coverage import check_printable
from handouts.render.page_facts import is_draft
from handouts.review.reviewer_copy import ReviewState, review_copy, sign
from handouts.speech import Engine, check_voice


class BuildReport(list):
    """The results of a build, in source order, plus the handouts whose source was removed."""

    def __init__(self, results=(), removed=(), left_out=()):
        super().__init__(results)
        self.removed: list[BuildResult] = list(removed)
        self.left_out: list[str] = list(left_out)  # DRAFT handouts kept out of the playlist and waiting room
        self.problem: str | None = None  # what went wrong making the collection's files, if anything


def build_all(config: Config, sources: list[Path] | None = None, voice: str | None = None,
              audio: bool = True, *, force: bool = False, engine: Engine | None = None,
              workers: int | None = None, progress=None, include_drafts: bool = False) -> BuildReport:
    """Build every handout (or the given ones), in parallel, remaking only what changed.

    One failure does not stop the others. Holding the build lock, it also removes the outputs
    of sources that are gone (only when building all of content/), records the manifest, and
    makes the collection's files (playlist, waiting-room page) from the reviewed handouts (all of
    them with `include_drafts`).
    """
    every = sources is None
    sources = find_sources(config) if every else [Path(s) for s in sources]
    out = output_dir(config)
    with build_lock(cache_dir(config)):
        remove_stale_temp_files(out)
        manifest = Manifest.load(cache_dir(config))
        if manifest.warning:
            warn(manifest.warning)
        keys = [source_key(config, s) for s in sources]
        texts = {key: _read(s) for s, key in zip(sources, keys)}  # each source is read once per build
        results = _slug_clashes(config, sources, keys, texts, manifest, every)
        todo = [(s, k) for s, k in zip(sources, keys) if k not in results]
        for key, result in _run(config, todo, texts, manifest, voice, audio, force, engine, workers, progress):
            results[key] = result
            _record(manifest, key, result, out)
        removed = _retire_removed_sources(manifest, keys, out) if every else []
        left_out, problem = [], None
        if audio:
            try:
                left_out = _collection(manifest, out, include_drafts)
            except (HandoutError, OSError, RuntimeError) as e:  # each handout is built: say what failed, go on
                problem = f"the waiting-room files (playlist, page, video) were not all made: {' '.join(str(e).split())}"
        prune_caches(cache_dir(config), manifest, [k for r in results.values() for k in r.speech_keys])
    report = BuildReport([results[k] for k in keys], removed, left_out)
    report.problem = problem
    return report


def _collection(manifest: Manifest, out: Path, include_drafts: bool) -> list[str]:
    """Write what loops in a waiting room (the playlist, the waiting-room page and video) from every handout
    the manifest records with a narration, drafts only when asked; return the drafts left out.

    One rule for drafts everywhere: a handout nobody has signed is not shown to patients by default.
    """
    chosen, drafts = [], []
    for entry in sorted(manifest.handouts.values(), key=lambda e: e.get("slug", "")):
        if "mp3" not in entry.get("outputs", {}):
            continue
        (drafts if entry.get("draft", True) and not include_drafts else chosen).append(entry["slug"])
    write_playlist(out, [f"{slug}.mp3" for slug in chosen])
    write_waiting_room(out, chosen, drafts)
    _collection_video(manifest, out, [s for s in chosen if (out / f"{s}.mp4").is_file()])
    return drafts


COLLECTION_VIDEO = "waiting-room.mp4"


def _collection_video(manifest: Manifest, out: Path, slugs: list[str]) -> None:
    """Join the chosen handouts' videos into build/waiting-room.mp4 without re-encoding, only when one changed."""
    path = out / COLLECTION_VIDEO
    parts = [out / f"{slug}.mp4" for slug in slugs]
    made_from = [[p.name, file_stamp(p)] for p in parts]
    if not parts:
        path.unlink(missing_ok=True)
        manifest.collection.pop(COLLECTION_VIDEO, None)
        return
    if manifest.collection.get(COLLECTION_VIDEO) == made_from and path.is_file():
        return  # the same videos as last time: a no-op build joins nothing
    from handouts.video.mp4 import join_videos  # ffmpeg: only when the collection changed

    join_videos(parts, path)
    manifest.collection[COLLECTION_VIDEO] = made_from
    manifest.save()


def build_handout(source: Path, config: Config, voice: str | None = None, audio: bool = True, *,
                  data: bytes | None = None, force: bool = False, previous: dict | None = None,
                  engine: Engine | None = None, progress=None) -> BuildResult:
    """Make the outputs of one source that are missing or stale; errors become a one-line message.

    `data` is the source's bytes when the caller has read them; `previous` is the source's manifest
    entry from the last build (None: make everything).
    """
    started = time.perf_counter()
    result = BuildResult(source=Path(source))
    old = dict((previous or {}).get("outputs", {}))
    entry = {"slug": (previous or {}).get("slug", ""), "outputs": old, "source": (previous or {}).get("source")}
    helper = None
    try:
        data = read_bytes(source) if data is None else data
        plain, helper = _plain_stage(source, data, config, voice, audio, engine, previous, entry, progress)
        check_printable(plain.handout)  # a script the fonts lack: refused before any file, the reviewer's copy included
        if audio and engine is None:  # a language the voice does not speak: refused before any file too
            check_voice(config.voice_for(plain.handout.meta.voice, voice), plain.handout.meta.language)
        plain, review = review_copy(source, plain, config)  # the reviewer's text in; signed only while it holds
        check_printable(plain.handout)  # the reviewer's own words too
        handout = plain.handout
        result.slug = entry["slug"] = handout.meta.slug
        result.draft = entry["draft"] = is_draft(handout)
        _report_plain_stage(plain, config, result)
        result.notes += review.notes
        result.warnings += review.warnings
        if previous and previous.get("slug") != handout.meta.slug:
            old, entry["outputs"] = {}, {}  # renamed: the old files are removed by build_all
        job = Job(source, data, plain, config, result, config.voice_for(handout.meta.voice, voice), engine, progress,
                  helper)
        _make_outputs(job, old, entry, force, audio)
    except HandoutError as e:
        if e.path is None:
            e.path = str(source)
        result.error = str(e)
    except OSError as e:  # a full disk, a folder the user may not write to: one line, never a traceback
        result.error = os_problem(e)
    except Exception as e:  # a bug of ours: one line for the user, the details for --debug
        import traceback

        result.error = (f"{source}: this handout could not be built because of a problem in the program "
                        f"({type(e).__name__}: {' '.join(str(e).split())[:120]}). Please report it; "
                        f"--debug shows the details.")
        result.debug = traceback.format_exc()
    finally:
        report_stage(progress, Path(source).name, None)
        if helper is not None:
            helper.close()
    if result.error and previous is None:
        _remove_started(result)  # a failed first build leaves nothing behind that no record names
    result.entry = entry if entry["slug"] and not (result.error and previous is None) else None
    result.seconds = time.perf_counter() - started
    return result


def _remove_started(result: BuildResult) -> None:
    """Delete the files a failed first build of a handout wrote (its earlier good files are never touched)."""
    for name in result.rebuilt:
        path = result.outputs.get(name)
        if path is not None:
            Path(path).unlink(missing_ok=True)
    result.outputs, result.rebuilt = {}, {}


def _plain_stage(source: Path, data: bytes, config: Config, voice, audio, engine, previous, entry: dict,
                 progress=None):
    """Read the source and rewrite it in plain language (from the cache when nothing changed).

    Return the result and the voice helper started for it, if any.
    """
    entry["source"] = digest(data)  # lets the next build find the slug cheaply
    key = entry["plain"] = plain_key(source, entry["source"], config)  # the cache entry the cache pruning keeps
    helper = None

    def before_rewrite(handout):
        nonlocal helper
        helper = _voice_helper(config.voice_for(handout.meta.voice, voice), audio, engine, previous, entry["source"])

    return _rewritten(source, data, key, config, before_rewrite, progress), helper


def _rewritten(source: Path, data: bytes, key: str, config: Config, before_rewrite=None,
               progress=None) -> PlainResult:
    """Return the rules' result for a source's bytes: from the plain cache under `key`, else read, rewritten and
    stored. `before_rewrite(handout)` runs on a miss, between reading and rewriting."""
    cache = PlainCache(cache_dir(config) / "plain")
    plain = cache.get(key)
    if plain is None:
        report_stage(progress, Path(source).name, "reading and plain language")
        handout = read_source(source, config.language, data, max_words=config.max_words)
        if before_rewrite is not None:
            before_rewrite(handout)
        plain = plain_language(handout, config)
        cache.put(key, plain)
    return plain


def _report_plain_stage(plain: PlainResult, config: Config, result: BuildResult) -> None:
    """Note the readability figures and what the plain-language stage warns about."""
    handout = plain.handout
    result.warnings += handout.meta.import_notes  # how the file was read: the encoding assumed, tracked changes
    if plain.rewritten:  # the grade formulas are for English: no figures for text used as written
        result.readability = {"before": plain.before.as_dict(), "after": plain.after.as_dict()}
    result.warnings += [f"missed target: {m}" for m in plain.missed_targets(config)]
    if not plain.rewritten:
        labels = "" if has_labels(handout.meta.language) else (
            "; the labels (Key points, Questions?, the spoken welcome) are in English, as "
            "handouts/language/data/labels.tsv has no column for this language")
        result.warnings.append(
            f"the plain-language rules are for English: this '{handout.meta.language}' text is printed and "
            f"spoken as written, without readability targets{labels}")
    # Each rewrite step was checked as it was made (a failing one was skipped); what merging left
    # unsaid is for the reviewer to see, never a reason to stop the build.
    result.warnings += [f"meaning guard: {v}; see {handout.meta.slug}.review.html" for v in plain.violations]


def _make_outputs(job: Job, old: dict, entry: dict, force: bool, audio: bool) -> None:
    """Render and speak every output that is missing or stale, in OUTPUTS order, recording each in `entry`."""
    out, result, slug = output_dir(job.config), job.result, job.handout.meta.slug
    with SpeechAhead(job, old, out, force, audio) as ahead:
        for output in OUTPUTS:
            if output.speech and not audio:
                continue
            path = output.path(out, slug)
            inputs = fingerprints(job, output.inputs)
            reason = why_stale(old.get(output.name), inputs, path, force)
            if reason is None:
                result.outputs[output.name] = path
                facts = old[output.name].get("facts", {})
                if "pages" in facts:
                    result.pages[output.name] = facts["pages"]
                result.audio_seconds = facts.get("seconds", result.audio_seconds)
                continue
            report_stage(job.progress, job.source.name, f"making the {output.name}")
            # Bytes are written to a temporary file and renamed into place; the video comes as a file ffmpeg already
            # wrote beside `path` (never read into memory), which is renamed (or removed if that fails).
            result.outputs[output.name] = write_atomic(path, ahead.render(output))
            result.rebuilt[output.name] = reason
            facts = {"pages": result.pages[output.name]} if output.name in result.pages else {}
            if output.speech:
                facts["seconds"] = round(result.audio_seconds, 3)
                facts["speech"] = result.speech_keys  # the sentences the cache must keep for it
            entry["outputs"][output.name] = {"file": path.name, "inputs": inputs,
                                             "stamp": file_stamp(path), "facts": facts}


def _voice_helper(voice: str, audio: bool, engine: Engine | None, previous: dict | None, source_digest: str):
    """Start loading the offline voice in a helper process when an edited handout will likely need it.

    Only for a source built before whose text changed (a cold build loads the voice as it always did),
    with the offline voice, so nothing heavy is loaded for a build that makes no audio or changed nothing.
    """
    if not (audio and engine is None and previous and voice == "piper"):
        return None
    if previous.get("source") == source_digest:
        return None
    from handouts.speech.voice_helper import VoiceHelper  # a subprocess: only for a build that will speak

    return VoiceHelper.start()


def _read(source: Path) -> bytes | HandoutError:
    """Return a source's bytes, or the error that says why it cannot be read (reported by its build)."""
    try:
        return read_bytes(source)
    except HandoutError as e:
        return e


def _slug_clashes(config: Config, sources: list[Path], keys: list[str], texts: dict, manifest: Manifest,
                  every: bool) -> dict[str, BuildResult]:
    """Return a failed result for each source whose slug an earlier source (in name order) already has,
    and for each one that cannot be read (refused now, it is not read again by its build).

    Two handouts with one slug would overwrite each other's files, and which one won would
    depend on the order they finished in. When only some sources are built, the handouts the
    manifest records for the others keep their slugs too.
    """
    owner: dict[str, Path] = {} if every else {
        e.get("slug"): Path(k) for k, e in manifest.handouts.items() if k not in keys and e.get("slug")}
    clashes = {}
    for source, key in sorted(zip(sources, keys), key=lambda pair: pair[1]):
        entry, data = manifest.handouts.get(key) or {}, texts[key]
        if isinstance(data, HandoutError):
            continue  # the build itself reports it, with the file and line
        try:
            slug = entry.get("slug") if entry.get("source") == digest(data) else None
            slug = slug or read_source(source, config.language, data, max_words=config.max_words,
                                       meta_only=True).meta.slug  # the slug only: no sentence splitting
        except HandoutError as e:
            if e.path is None:
                e.path = str(source)
            clashes[key] = BuildResult(source=Path(source), error=str(e))  # too long, no text, not a text at all
            continue
        if slug in owner:
            clashes[key] = BuildResult(source=Path(source), slug=slug, error=(
                f"{source}: its slug '{slug}' is already used by {owner[slug]}, and both would write the "
                f"same files. Give one of them its own 'slug:' in the front matter."))
        else:
            owner[slug] = Path(source)
    return clashes


def _run(config, todo, texts, manifest, voice, audio, force, engine, workers, progress):
    """Yield (key, result) as handouts finish, in a process pool when there are several."""
    workers = min(workers or os.cpu_count() or 1, len(todo))
    report = progress.reporter(shared=workers > 1) if progress else None
    calls = [(key, (source, config, voice, audio),
              dict(data=None if isinstance(texts[key], HandoutError) else texts[key], force=force,
                   previous=manifest.handouts.get(key), engine=engine, progress=report))
             for source, key in todo]
    if workers <= 1:
        for key, args, kw in calls:
            yield key, build_handout(*args, **kw)
        return
    # spawn, not fork: the parent may run a progress thread, and forked threads can deadlock.
    from concurrent.futures import ProcessPoolExecutor, as_completed  # 20 ms of imports a one-handout build skips
    from multiprocessing import get_context

    from concurrent.futures.process import BrokenProcessPool

    _quiet_resource_tracker()
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=hold_worker_lock,
                             initargs=(cache_dir(config), os.getpid())) as pool:
        futures = {pool.submit(build_handout, *args, **kw): (key, args[0]) for key, args, kw in calls}
        for future in as_completed(futures):
            key, source = futures[future]
            try:
                yield key, future.result()
            except BrokenProcessPool:
                # A worker was killed (out of memory, most often): every handout it had not finished fails in one line.
                yield key, BuildResult(source=Path(source), error=(
                    f"{source}: the build of this handout stopped (its worker process ended, perhaps out of "
                    f"memory). Build it again on its own; if it stops again, split the text into smaller handouts."))


def _quiet_resource_tracker() -> None:
    """Keep multiprocessing's resource tracker from warning about 'leaked semaphores' after a killed build.

    The tracker cleans them up itself; its warning is noise that reads like a fault. It starts with
    the parent's -W options, so the filter is given before it starts.
    """
    import sys

    option = "ignore:resource_tracker:UserWarning"
    if option not in sys.warnoptions:
        sys.warnoptions.append(option)
        import warnings

        warnings.filterwarnings("ignore", message="resource_tracker", category=UserWarning)


def _record(manifest: Manifest, key: str, result: BuildResult, out: Path) -> None:
    """Record a finished handout in the manifest (saved at once, so a killed build keeps it) and retire its old files."""
    previous = manifest.handouts.get(key)
    if result.entry is not None and result.entry != previous:
        manifest.handouts[key] = result.entry
        result.removed = _retire(out, previous, result.entry, manifest, key)
        manifest.save()


def _retire_removed_sources(manifest: Manifest, keys: list[str], out: Path) -> list[BuildResult]:
    """Forget the handouts whose source is gone from content/, deleting their files."""
    removed = []
    for key in sorted(set(manifest.handouts) - set(keys)):
        entry = manifest.handouts.pop(key)
        gone = BuildResult(source=Path(key), slug=entry.get("slug", ""))
        gone.removed = _retire(out, entry, None, manifest, key)
        removed.append(gone)
    if removed:
        manifest.save()
    return removed


def _retire(out: Path, old: dict | None, new: dict | None, manifest: Manifest, key: str) -> list[Path]:
    """Delete the files `old` recorded that `new` no longer makes and no other handout owns."""
    if not old:
        return []
    keep = {o.get("file") for o in (new or {}).get("outputs", {}).values()}
    owned = {o.get("file") for k, e in manifest.handouts.items() if k != key for o in e["outputs"].values()}
    removed = []
    for record in old.get("outputs", {}).values():
        name = record.get("file")
        if name and name not in keep and name not in owned and "/" not in name:
            path = out / name
            if path.exists():
                path.unlink()
                removed.append(path)
    return removed


def machine_plain(source: Path, config: Config) -> PlainResult:
    """Return the rules' plain-language result for one source (from the cache when nothing changed)."""
    data = read_bytes(source)
    return _rewritten(source, data, plain_key(source, digest(data), config), config)


def reviewed_plain(source: Path, config: Config) -> tuple[PlainResult, ReviewState]:
    """Return one source's handout as reviewed, and the state of its reviewer copy (brought up to date)."""
    return review_copy(source, machine_plain(source, config), config)


def sign_handout(source: Path, config: Config, name: str, stamp: str | None = None) -> ReviewState:
    """Sign a handout's reviewer copy in `name`; refused while any entry still needs a look, or (with the
    review screen's `stamp`) when the file changed since the reviewer's page was made."""
    try:
        return sign(source, machine_plain(source, config), config, name, stamp=stamp)
    except HandoutError as e:
        if e.path is None:
            e.path = str(source)
        raise


@dataclass
class CheckResult:
    """How one handout measures: figures before and after, and every target it misses (`handouts check`)."""

    source: Path
    slug: str = ""
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # rewrite steps skipped because they failed their check, and why
    long: list[str] = field(default_factory=list)  # sentences left over the length target, with their clauses
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not self.missed and self.error is None


def check_all(config: Config, sources: list[Path]) -> list[CheckResult]:
    """Read and rewrite every given source (nothing is written) and list the targets each misses."""
    return [check_handout(s, config) for s in sources]


def check_handout(source: Path, config: Config) -> CheckResult:
    """Run the plain-language stage on one source and list the targets it misses."""
    result = CheckResult(Path(source))
    try:
        plain = plain_language(read_source(source, config.language, max_words=config.max_words), config)
    except HandoutError as e:
        if e.path is None:
            e.path = str(source)
        result.error = str(e)
        return result
    result.slug = plain.handout.meta.slug
    if plain.rewritten:
        result.before, result.after = plain.before.as_dict(), plain.after.as_dict()
    result.missed = plain.missed_targets(config)
    result.missed += [f"meaning guard: {v}" for v in plain.violations]
    result.kept = [f"{k} (source: \"{c.source}\")" for c in plain.changes for k in c.kept]
    result.long = [f"long: {l['words']} words, no safe split: {l['clauses']}" for c in plain.changes for l in c.long]
    return result
