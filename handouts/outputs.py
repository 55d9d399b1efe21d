"""Every file made for a handout, one line each in OUTPUTS, and the Job that makes them.

An output names its inputs (see handouts/build/inputs.py) and the render function that makes its
bytes; it is made again only when one of its inputs changed. What several outputs share (the
spoken script, the narration, the speech engine) is made once per job.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from handouts.audio.captions import read_webvtt
from handouts.audio.listening_files import narration_captions, narration_mp3
from handouts.audio.narration import narrate, spoken_script
from handouts.build.inputs import fingerprints
from handouts.build.manifest import Output, why_stale
from handouts.build.paths import cache_dir, narration_files, output_dir
from handouts.build.progress import report_speech
from handouts.build.pruning import KEPT_KEY
from handouts.build.speech_cache import SpeechCache
from handouts.config import Config
from handouts.errors import HandoutError
from handouts.files import Written, temp_path
from handouts.language.labels import words_for
from handouts.plain.changelog import change_log_json, readability_json, review_html
from handouts.render.fonts import font_files
from handouts.render.html import build_html
from handouts.render.page_facts import is_draft
from handouts.render.pdf import LARGE, STANDARD, build_pdf
from handouts.speech import Engine, get_engine
from handouts.video.mp4 import make_mp4
from handouts.video.slides import Fonts, Part, Storyboard


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
    notes: list[str] = field(default_factory=list)  # what the build did besides the outputs (wrote a review file)
    error: str | None = None
    draft: bool = False  # not yet reviewed: every page says so, and so does the summary
    rebuilt: dict[str, str] = field(default_factory=dict)  # output name -> why it was made again
    synthesised: list[str] = field(default_factory=list)  # sentences the engine spoke (cache misses)
    speech_keys: list[str] = field(default_factory=list)  # the speech cache entries its narration uses
    removed: list[Path] = field(default_factory=list)  # files deleted: their source is gone or renamed
    entry: dict | None = None  # this handout's manifest entry after the build
    readability: dict = field(default_factory=dict)  # "before" / "after" figures of the plain stage
    debug: str = ""  # the traceback of a failure that is a bug of ours (shown with --debug)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def up_to_date(self) -> bool:
        return self.ok and not self.rebuilt


class Stopped(Exception):
    """The build ended (an error or Ctrl-C elsewhere) while the narration was being synthesised."""


class Job:
    """One handout being built: its source, its plain-language result and settings, and what outputs share."""

    def __init__(self, source: Path, data: bytes, plain, config: Config, result: BuildResult, voice: str,
                 engine: Engine | None = None, progress=None, helper=None):
        self.source, self.data, self.plain, self.config, self.result = Path(source), data, plain, config, result
        self.handout = plain.handout
        self.voice = voice  # resolved once by the pipeline (build option, front matter, then settings)
        self._engine, self.progress = engine, progress
        self.helper = helper  # a voice helper process started before the plain-language stage, if any
        self._script = self._speech = None
        self._made: dict[str, object] = {}  # outputs another output uses too (the video uses the MP3 and cues)
        self.stop = threading.Event()  # set: synthesise no further sentence (the build is ending)

    def engine(self) -> Engine:
        """Return the speech engine (cheap: engines load their models only when they speak)."""
        if self._engine is None:
            self._engine = get_engine(self.voice, self.handout.meta.language)
            if hasattr(self._engine, "helper") and self.helper is not None:
                self._engine.helper = self.helper  # the voice this build started loading early
        return self._engine

    def once(self, name: str, make):
        """Return `make()`, made only once per job (the MP3 and the captions, which the video uses too)."""
        if name not in self._made:
            self._made[name] = make()
        return self._made[name]

    def script(self):
        """Return the spoken script."""
        if self._script is None:
            self._script = spoken_script(self.handout, self.config)
        return self._script

    def speech(self):
        """Return the narration, synthesising only the sentences missing from the speech cache."""
        if self._speech is None:
            cache, engine = SpeechCache(cache_dir(self.config) / "speech"), self.engine()
            todo = list(dict.fromkeys(u.spoken for u in self.script()
                                      if not cache.has(cache.key(engine.voice_id(), u.spoken))))
            spoken: list[str] = []
            try:
                with report_speech(self.progress, self.result.slug, todo) as step:
                    def speak(text):
                        if self.stop.is_set():
                            raise Stopped()
                        speech = engine.speak(text)
                        spoken.append(text)
                        step(text)
                        return speech

                    self._speech = narrate(self.script(), engine, cache, speak)
            finally:
                # Even when the voice failed half-way, what it spoke is kept: the next build goes on from there.
                self.result.speech_keys = list(dict.fromkeys(k[:KEPT_KEY] for k in cache.used))
                self.result.synthesised = spoken
            self.result.audio_seconds = self._speech.seconds
        return self._speech


def _pdf(job: Job, size) -> bytes:
    """Render one print version."""
    data, pages = build_pdf(job.handout, job.config, size)
    job.result.pages["pdf" if size is STANDARD else "large-print pdf"] = pages
    return data


def _mp3(job: Job) -> bytes:
    """Render the narration as a tagged MP3 with even loudness and chapters."""
    return job.once("mp3", lambda: _mastered(job))


def _mastered(job: Job) -> bytes:
    """Master and tag the narration, then give back the memory that took."""
    cache = cache_dir(job.config) / "master" / f"{job.handout.meta.slug}.npz"
    mp3 = narration_mp3(job.handout, job.config, job.speech(), job.engine(), cache)
    _give_back_memory()
    return mp3


def _give_back_memory() -> None:
    """Hand the memory this thread freed back to the system (glibc only; elsewhere nothing to do).

    glibc keeps what a thread frees for that thread to use again, and mastering a long narration leaves much
    of it (about 100 MB for the 1 MB text of benchmarks/scale.py) that the video, made next, does not reuse.
    """
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass


def _captions(job: Job) -> str:
    """Render the narration's WebVTT captions."""
    return job.once("captions", lambda: narration_captions(job.handout, job.speech(), job.script()))


def _html(job: Job) -> bytes:
    """Render the accessible HTML page, with the player and captions when those files are there."""
    folder, slug = output_dir(job.config), job.handout.meta.slug
    media = narration_files(folder, slug)
    # The cues of the .vtt beside the page (made just before it), so the page shows what the track says.
    cues = read_webvtt((folder / f"{slug}.vtt").read_text(encoding="utf-8")) if media["vtt"] else []
    return build_html(job.handout, job.config, audio=media["mp3"], captions=media["vtt"], cues=cues).encode("utf-8")


def _video(job: Job) -> Written:
    """Render the captioned MP4 for TVs and signage players: slides, the captions burned in and as a track.

    ffmpeg writes it under a temporary name in the output folder, which the pipeline renames into place: the
    video (338 MB for the 1 MB text of benchmarks/scale.py) is never read into memory."""
    # The MP3 and captions from the job, the same bytes as the files written above: on the narration thread
    # (SpeechAhead) this runs before those files are written. Made once per job when both are stale.
    mp3, captions = _mp3(job), _captions(job)
    fonts = font_files()
    board = _storyboard(job, read_webvtt(captions))
    folder = output_dir(job.config)
    folder.mkdir(parents=True, exist_ok=True)
    into = temp_path(folder / f"{job.handout.meta.slug}.mp4")
    return Written(make_mp4(board, mp3, Fonts(fonts["normal"], fonts["bold"]), captions, job.handout.meta.language,
                            into=into))


def _storyboard(job: Job, cues) -> Storyboard:
    """Return what the video shows when: the title, the key points, each section's heading, the ending."""
    handout, narration, script = job.handout, job.speech(), job.script()
    say = words_for(handout.meta.language)
    said = [(u, c.start) for u, c in zip(script, narration.cues)]
    parts = []
    if handout.key_points:
        texts = [" ".join(p.text.split()).lstrip("@ ") for p in handout.key_points]  # as the script writes them
        read = {u.text: start for u, start in reversed(said) if u.section == -1}  # the first time each is said
        times = [read.get(t) for t in texts]
        # The key points come up with the line that announces them ("The key points first.").
        lead = read.get(say["key_points_first"], next((t for t in times if t is not None), 0.0))
        parts.append(Part(lead, say["key_points"], tuple(zip(times, texts))))
    for index, section in enumerate(handout.sections):
        start = next((start for u, start in said if u.section == index), None)
        if start is not None:
            parts.append(Part(start, section.heading or say["introduction"]))
    last = max((i for i, (u, _) in enumerate(said) if u.section >= 0), default=None)
    if last is not None and last + 1 < len(said):
        # The ending ("talk with your care team"), headed as the printed box, with the numbers it says to call
        # (spoken too, so the MP3 input covers them): a number stays on screen longer than its caption.
        config = job.config
        calls = [(say["call"].format(clinic=config.clinic_name), config.clinic_phone)] if config.clinic_phone else []
        calls += [(h.name, h.phone) for h in config.help_line_list()]
        parts.append(Part(said[last + 1][1], say["call_to_action"], tuple((None, f"{n}: {p}") for n, p in calls)))
    return Storyboard(handout.meta.title, tuple(parts), tuple((c.start, c.end, c.text) for c in cues),
                      narration.seconds, say["from_clinic"].format(clinic=job.config.clinic_name),
                      say["draft"] if is_draft(handout) else "")


# The plain-language stage's reports depend on its change log (every source sentence) and its code.
_PLAIN_INPUTS = ("plain", "text", "config:plain", "code:plain", "code:language")
_PRINT_INPUTS = ("text", "config:pdf", "code:render/pdf", "code:render/print_layout", "code:render/fonts",
                 "code:render/page_facts", "code:language/labels")

# Every output of a handout: add one line here to add an output.
OUTPUTS: list[Output] = [
    Output("pdf", "{slug}.pdf", _PRINT_INPUTS, lambda job: _pdf(job, STANDARD)),
    Output("large-print pdf", "{slug}-large-print.pdf", _PRINT_INPUTS, lambda job: _pdf(job, LARGE)),
    Output("mp3", "{slug}.mp3", ("narration", "engine", "config:audio", "code:audio/sound", "code:audio/mastering",
                                 "code:audio/tags", "code:audio/listening_files"), _mp3, speech=True),
    Output("captions", "{slug}.vtt", ("narration", "engine", "code:audio/captions"), _captions, speech=True),
    # After the two above: its input is their bytes, so it is remade only when the sound, cues or text changed.
    Output("video", "{slug}.mp4", ("files:mp3,vtt", "text", "code:video", "code:language/labels"), _video,
           speech=True),
    Output("change log", "{slug}.plain.json", _PLAIN_INPUTS, lambda job: change_log_json(job.plain, job.config)),
    Output("readability", "{slug}.readability.json", _PLAIN_INPUTS, lambda job: readability_json(job.plain, job.config)),
    Output("review page", "{slug}.review.html", _PLAIN_INPUTS + ("template:review.html.j2",),
           lambda job: review_html(job.plain, job.config)),
    # Keep html after every narration output: its player links to the files made above.
    Output("html", "{slug}.html", ("text", "config:html", "code:render/html", "code:render/fonts",
                                   "code:render/page_facts", "code:language/labels", "template:handout.*", "media"),
           _html),
]


class SpeechAhead:
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
        """Return the output's content (bytes, text, or a `Written` file to rename into place): from the second
        thread when it was started there."""
        future = self.pending.pop(output.name, None)
        return future.result() if future else output.render(self.job)

    def __enter__(self):
        return self

    def __exit__(self, kind, *exc):
        if self.pool:
            if kind is not None:  # an error or Ctrl-C: nothing made here is wanted, stop after this sentence
                self.job.stop.set()
            self.pool.shutdown(wait=True, cancel_futures=True)
            # What was made here and never taken (the build failed first): a video's temporary file is removed.
            for future in self.pending.values():
                if future.done() and not future.cancelled() and future.exception() is None:
                    made = future.result()
                    if isinstance(made, Written):
                        made.discard()
