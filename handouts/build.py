"""The build pipeline: read sources -> plain-language sections -> print, audio -> write manifest.

Each output is one `Output` declaration in OUTPUTS (name, file name, inputs, render function);
an output is made again only when one of its inputs changed (see handouts/manifest.py).
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .changelog import change_log_json, readability_json, review_html, write_plain_outputs
from .config import Config
from .errors import HandoutError, MeaningError
from .files import remove_stale_temp_files, write_atomic
from .html import build_html
from .inputs import fingerprints
from .labels import has_labels, is_draft
from .lock import build_lock, hold_worker_lock
from .manifest import Manifest, Output, digest, file_stamp, warn, why_stale
from .narration import narrate, spoken_script
from .narration_files import narration_captions, narration_mp3, write_playlist
from .pdf import LARGE, STANDARD, build_pdf
from .sources import SOURCE_SUFFIXES
from .stage_cache import plain_key, plain_stage
from .speech import Engine, get_engine
from .cache_pruning import prune_caches
from .speech_cache import SpeechCache


@dataclass
class BuildResult:
    """What one handout's build made, or why it failed."""

    source: Path
    slug: str = ""
    outputs: dict[str, Path] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    audio_seconds: float = 0.0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    draft: bool = False  # not yet reviewed: every page says so, and so does the summary
    rebuilt: dict[str, str] = field(default_factory=dict)  # output name -> why it was made again
    synthesised: list[str] = field(default_factory=list)  # sentences the engine spoke (cache misses)
    speech_keys: list[str] = field(default_factory=list)  # the speech cache entries its narration uses
    removed: list[Path] = field(default_factory=list)  # files deleted: their source is gone or renamed
    entry: dict | None = None  # this handout's manifest entry after the build
    readability: dict = field(default_factory=dict)  # "before" / "after" figures of the plain stage

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def up_to_date(self) -> bool:
        return self.ok and not self.rebuilt


class BuildReport(list):
    """The results of a build, in source order, plus the handouts whose source was removed."""

    def __init__(self, results=(), removed=()):
        super().__init__(results)
        self.removed: list[BuildResult] = list(removed)


class Job:
    """One handout being built: its text and settings, and what several outputs share."""

    def __init__(self, source: Path, handout, config: Config, result: BuildResult,
                 voice: str | None = None, engine: Engine | None = None, progress=None):
        self.source, self.handout, self.config, self.result = Path(source), handout, config, result
        self._voice, self._engine, self._progress = voice, engine, progress
        self._script = self._speech = self._cache = None
        self.stop = threading.Event()  # set: synthesise no further sentence (the build is ending)
        self.helper = None  # a voice helper process started before the plain-language stage, if any

    def engine(self) -> Engine:
        """Return the speech engine (cheap: engines load their models only when they speak)."""
        if self._engine is None:
            meta = self.handout.meta
            self._engine = get_engine(self._voice or meta.voice or self.config.voice, meta.language)
            if hasattr(self._engine, "helper") and self.helper is not None:
                self._engine.helper = self.helper  # the voice this build started loading early
        return self._engine

    def script(self):
        """Return the spoken script."""
        if self._script is None:
            self._script = spoken_script(self.handout, self.config)
        return self._script

    def speech(self):
        """Return the narration, synthesising only the sentences missing from the speech cache."""
        if self._speech is None:
            if self._cache is None:  # one per job: a retry after a failure adds to what the first try used
                self._cache = SpeechCache(output_dir(self.config) / ".cache" / "speech")
            cache = self._cache
            from .progress import report_speech

            try:
                with report_speech(self._progress, self.result.slug, cache, self.engine(), self.script()) as spoken:
                    self._speech = narrate(self.script(), self.engine(), _Stoppable(spoken, self.stop))
            finally:
                # Even when the voice failed half-way, what it spoke is kept: the next build goes on from there.
                self.result.speech_keys = list(dict.fromkeys(cache.used))
            self.result.synthesised = list(cache.misses)
            self.result.audio_seconds = self._speech.seconds
        return self._speech


class _Stopped(Exception):
    """The build ended (an error or Ctrl-C elsewhere) while the narration was being synthesised."""


class _Stoppable:
    """A speech cache that refuses to synthesise once `stop` is set."""

    def __init__(self, cache, stop: threading.Event):
        self.cache, self.stop = cache, stop

    def __getattr__(self, name):
        return getattr(self.cache, name)

    def speak(self, engine, text):
        if self.stop.is_set():
            raise _Stopped()
        return self.cache.speak(engine, text)


def _pdf(job: Job, size) -> bytes:
    """Render one print version."""
    data, pages = build_pdf(job.handout, job.config, size)
    job.result.pages["pdf" if size is STANDARD else "large-print pdf"] = pages
    return data


def _mp3(job: Job) -> bytes:
    """Render the narration as a tagged MP3 with even loudness and chapters."""
    cache = cache_dir(job.config) / "master" / f"{job.handout.meta.slug}.npz"
    return narration_mp3(job.handout, job.config, job.speech(), job.engine(), cache)


def _captions(job: Job) -> str:
    """Render the narration's WebVTT captions."""
    return narration_captions(job.handout, job.speech())


def _html(job: Job) -> bytes:
    """Render the accessible HTML page, with the player and captions when those files are there."""
    media = narration_files(output_dir(job.config), job.handout.meta.slug)
    return build_html(job.handout, job.config, audio=media["mp3"], captions=media["vtt"]).encode("utf-8")


class _SpeechAhead:
    """Make the stale narration outputs on a second thread while this one makes the print outputs.

    The voice, the MP3 encoder and numpy work outside Python's global lock, so on two cores the
    PDFs and pages are made meanwhile. Outputs are still written in OUTPUTS order, by the caller.
    """

    def __init__(self, job: Job, old: dict, out: Path, force: bool, audio: bool):
        self.job, self.pending = job, {}
        try:
            stale = [o for o in OUTPUTS if o.speech and audio and why_stale(
                old.get(o.name), fingerprints(job, o.inputs), o.path(out, job.handout.meta.slug), force)]
        except HandoutError:
            stale = []  # e.g. no voice: the loop meets the same error at the narration, after the print outputs
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="narration") if stale else None
        for output in stale:  # one worker: the MP3 first, then captions from the same narration
            self.pending[output.name] = self.pool.submit(output.render, job)

    def render(self, output: Output):
        """Return the output's content: from the second thread when it was started there."""
        future = self.pending.pop(output.name, None)
        return future.result() if future else output.render(self.job)

    def __enter__(self):
        return self

    def __exit__(self, kind, *exc):
        if self.pool:
            if kind is not None:  # an error or Ctrl-C: nothing made here is wanted, stop after this sentence
                self.job.stop.set()
            self.pool.shutdown(wait=True, cancel_futures=True)


def narration_files(folder: Path, slug: str) -> dict[str, bool]:
    """Return which narration files (MP3, WebVTT captions) exist beside the handout's HTML page."""
    return {ext: (Path(folder) / f"{slug}.{ext}").is_file() for ext in ("mp3", "vtt")}


# The plain-language stage's reports depend on its change log (every source sentence) and its code.
_PLAIN_INPUTS = ("plain", "text", "config:plain", "code:plain", "code:rules", "code:lexicon",
                 "code:meaning_guard", "code:readability", "code:changelog")

# Every output of a handout: add one line here to add an output.
OUTPUTS: list[Output] = [
    Output("pdf", "{slug}.pdf", ("text", "config:pdf", "code:pdf", "code:fonts", "code:labels"),
           lambda job: _pdf(job, STANDARD)),
    Output("large-print pdf", "{slug}-large-print.pdf", ("text", "config:pdf", "code:pdf", "code:fonts", "code:labels"),
           lambda job: _pdf(job, LARGE)),
    Output("mp3", "{slug}.mp3", ("narration", "engine", "config:audio", "code:audio", "code:audio_tags",
                                 "code:narration_files"), _mp3, speech=True),
    Output("captions", "{slug}.vtt", ("narration", "engine", "code:captions"), _captions, speech=True),
    Output("change log", "{slug}.plain.json", _PLAIN_INPUTS, lambda job: change_log_json(job.plain, job.config)),
    Output("readability", "{slug}.readability.json", _PLAIN_INPUTS, lambda job: readability_json(job.plain, job.config)),
    Output("review page", "{slug}.review.html", _PLAIN_INPUTS + ("template:review.html.j2",),
           lambda job: review_html(job.plain, job.config)),
    # Keep html after every narration output: its player links to the files made above.
    Output("html", "{slug}.html", ("text", "config:html", "code:html", "code:labels", "template:handout.*",
                                   "media"), _html),
]


def find_sources(config: Config) -> list[Path]:
    """Return every source text in the content folder, in name order."""
    folder = config.root / config.content_dir
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith("."))


def output_dir(config: Config) -> Path:
    """Return the folder outputs go to."""
    return config.root / config.out_dir


def cache_dir(config: Config) -> Path:
    """Return the folder of the build's own files (manifest, lock, speech cache)."""
    return output_dir(config) / ".cache"


def build_handout(source: Path, config: Config, voice: str | None = None, audio: bool = True, *,
                  force: bool = False, previous: dict | None = None, engine: Engine | None = None,
                  progress=None) -> BuildResult:
    """Make the outputs of one source that are missing or stale; errors become a one-line message.

    `previous` is the source's manifest entry from the last build (None: make everything).
    """
    started = time.perf_counter()
    result = BuildResult(source=Path(source))
    old = dict((previous or {}).get("outputs", {}))
    entry = {"slug": (previous or {}).get("slug", ""), "outputs": old, "source": (previous or {}).get("source")}
    helper = _voice_helper(source, config, voice, audio, engine, previous)
    try:
        plain = plain_stage(source, config, cache_dir(config) / "plain")
        data = Path(source).read_bytes()
        entry["source"] = digest(data)  # lets the next build find the slug cheaply
        entry["plain"] = plain_key(source, data, config)  # the plain cache entry the cache pruning keeps
        handout = plain.handout
        result.slug = entry["slug"] = handout.meta.slug
        result.draft = is_draft(handout)
        if plain.rewritten:  # the grade formulas are for English: no figures for text used as written
            result.readability = {"before": plain.before.as_dict(), "after": plain.after.as_dict()}
        result.warnings += [f"missed target: {m}" for m in plain.missed_targets(config)]
        if not plain.rewritten:
            labels = "" if has_labels(handout.meta.language) else (
                "; the labels (Key points, Questions?, the spoken welcome) are in English, as "
                "handouts/data/labels.tsv has no column for this language")
            result.warnings.append(
                f"the plain-language rules are for English: this '{handout.meta.language}' text is printed and "
                f"spoken as written, without readability targets{labels}")
        result.warnings += [f"meaning guard (allowed by allow_meaning_changes): {v}"
                            for v in plain.violations if config.allow_meaning_changes]
        if plain.violations and not config.allow_meaning_changes:
            write_plain_outputs(plain, output_dir(config), config)  # the review page shows what changed
            raise MeaningError(f"the plain-language rewrite changed the meaning ({plain.violations[0]}; "
                               f"{len(plain.violations)} in all). See {handout.meta.slug}.review.html, "
                               f"or set allow_meaning_changes = true.")
        if previous and previous.get("slug") != handout.meta.slug:
            old, entry["outputs"] = {}, {}  # renamed: the old files are removed by build_all
        job = Job(source, handout, config, result, voice, engine, progress)
        job.plain, job.helper = plain, helper
        out = output_dir(config)
        with _SpeechAhead(job, old, out, force, audio) as ahead:
            for output in OUTPUTS:
                if output.speech and not audio:
                    continue
                path = output.path(out, handout.meta.slug)
                inputs = fingerprints(job, output.inputs)
                reason = why_stale(old.get(output.name), inputs, path, force)
                if reason is None:
                    result.outputs[output.name] = path
                    facts = old[output.name].get("facts", {})
                    if "pages" in facts:
                        result.pages[output.name] = facts["pages"]
                    result.audio_seconds = facts.get("seconds", result.audio_seconds)
                    continue
                result.outputs[output.name] = write_atomic(path, ahead.render(output))
                result.rebuilt[output.name] = reason
                facts = {"pages": result.pages[output.name]} if output.name in result.pages else {}
                if output.speech:
                    facts["seconds"] = round(result.audio_seconds, 3)
                    facts["speech"] = result.speech_keys  # the sentences the cache must keep for it
                entry["outputs"][output.name] = {"file": path.name, "inputs": inputs,
                                                 "stamp": file_stamp(path), "facts": facts}
    except HandoutError as e:
        if e.path is None:
            e.path = str(source)
        result.error = str(e)
    finally:
        if helper is not None:
            helper.close()
    result.entry = entry if entry["slug"] else None
    result.seconds = time.perf_counter() - started
    return result


def _voice_helper(source: Path, config: Config, voice: str | None, audio: bool, engine: Engine | None,
                  previous: dict | None):
    """Start loading the offline voice in a helper process when an edited handout will likely need it.

    Only for a source built before whose text changed (a cold build loads the voice as it always did),
    with the offline voice, so nothing heavy is loaded for a build that makes no audio or changed nothing.
    """
    if not (audio and engine is None and previous and (voice or config.voice) == "piper"):
        return None
    try:
        if previous.get("source") == digest(Path(source).read_bytes()):
            return None
    except OSError:
        return None
    from .speech.voice_helper import VoiceHelper

    return VoiceHelper.start()


def source_key(config: Config, source: Path) -> str:
    """Return how the manifest names a source: relative to the project when inside it."""
    path = Path(source).resolve()
    try:
        return str(path.relative_to(Path(config.root).resolve()))
    except ValueError:
        return str(path)


def build_all(config: Config, sources: list[Path] | None = None, voice: str | None = None,
              audio: bool = True, *, force: bool = False, engine: Engine | None = None,
              workers: int | None = None, progress=None) -> BuildReport:
    """Build every handout (or the given ones), in parallel, remaking only what changed.

    One failure does not stop the others. Holding the build lock, it also removes the outputs
    of sources that are gone (only when building all of content/) and records the manifest.
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
        clashes = _slug_clashes(config, sources, keys, manifest, every)
        results: dict[str, BuildResult] = {key: clashes[key] for key in clashes}
        todo = [(s, k) for s, k in zip(sources, keys) if k not in clashes]
        for key, result in _run(config, [s for s, _ in todo], [k for _, k in todo], manifest, voice, audio,
                                force, engine, workers, progress):
            results[key] = result
            previous = manifest.handouts.get(key)
            if result.entry is not None and result.entry != previous:
                manifest.handouts[key] = result.entry
                result.removed = _retire(out, previous, result.entry, manifest, key)
                manifest.save()  # after each changed handout, so a killed build keeps what it finished
        removed = []
        if every:
            for key in sorted(set(manifest.handouts) - set(keys)):
                entry = manifest.handouts.pop(key)
                gone = BuildResult(source=Path(key), slug=entry.get("slug", ""))
                gone.removed = _retire(out, entry, None, manifest, key)
                removed.append(gone)
            if removed:
                manifest.save()
        if audio:
            write_playlist(out)
        prune_caches(cache_dir(config), manifest, [k for r in results.values() for k in r.speech_keys])
    return BuildReport([results[k] for k in keys], removed)


def _slug_clashes(config: Config, sources: list[Path], keys: list[str], manifest: Manifest,
                  every: bool) -> dict[str, BuildResult]:
    """Return a failed result for each source whose slug an earlier source (in name order) already has.

    Two handouts with one slug would overwrite each other's files, and which one won would
    depend on the order they finished in. When only some sources are built, the handouts the
    manifest records for the others keep their slugs too.
    """
    from .sources import read_source

    owner: dict[str, Path] = {} if every else {
        e.get("slug"): Path(k) for k, e in manifest.handouts.items() if k not in keys and e.get("slug")}
    clashes = {}
    for source, key in sorted(zip(sources, keys), key=lambda pair: pair[1]):
        entry = manifest.handouts.get(key) or {}
        try:
            stamp = digest(Path(source).read_bytes())
            slug = entry.get("slug") if entry.get("source") == stamp else None
            slug = slug or read_source(source, config.language).meta.slug
        except (OSError, HandoutError):
            continue  # the build itself reports it, with the file and line
        if slug in owner:
            clashes[key] = BuildResult(source=Path(source), slug=slug, error=(
                f"{source}: its slug '{slug}' is already used by {owner[slug]}, and both would write the "
                f"same files. Give one of them its own 'slug:' in the front matter."))
        else:
            owner[slug] = Path(source)
    return clashes


def _run(config, sources, keys, manifest, voice, audio, force, engine, workers, progress):
    """Yield (key, result) as handouts finish, in a process pool when there are several."""
    workers = min(workers or os.cpu_count() or 1, len(sources))
    report = progress.reporter(shared=workers > 1) if progress else None
    jobs = [(s, config, voice, audio) for s in sources]
    options = [dict(force=force, previous=manifest.handouts.get(k), engine=engine, progress=report)
               for k in keys]
    if workers <= 1:
        for key, job, kw in zip(keys, jobs, options):
            yield key, build_handout(*job, **kw)
        return
    # spawn, not fork: the parent may run a progress thread, and forked threads can deadlock.
    from concurrent.futures import ProcessPoolExecutor, as_completed  # 20 ms of imports a one-handout build skips
    from multiprocessing import get_context

    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=hold_worker_lock,
                             initargs=(cache_dir(config), os.getpid())) as pool:
        futures = {pool.submit(build_handout, *job, **kw): key for key, job, kw in zip(keys, jobs, options)}
        for future in as_completed(futures):
            yield futures[future], future.result()


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
