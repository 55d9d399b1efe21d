"""Turn a handout into the spoken script (templates/narration.txt.j2) and synthesise it, sentence by sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from handouts.audio.sound import Joined, assemble
from handouts.config import Config
from handouts.errors import SpeechError
from handouts.language import rx
from handouts.language.labels import words_for
from handouts.model import Handout
from handouts.speech import Engine, Speech
from handouts.templates import environment
from handouts.audio.speech_text import Lexicon, load_lexicon, spoken_form

TEMPLATE = "narration.txt.j2"


@dataclass
class Utterance:
    """One line said: its written text (captions), its spoken form (the voice), the pause after it,
    its chapter, and the handout section it reads (-1: title, key points or ending)."""

    text: str
    pause: float
    chapter: int = 0
    spoken: str = ""
    section: int = -1

    def __post_init__(self):
        if not self.spoken:
            self.spoken = spoken_form(self.text)


@dataclass
class Script:
    """The utterances in order, the chapter titles they point into, and the details the MP3 tags carry."""

    utterances: list[Utterance]
    chapters: list[str]
    details: dict = field(default_factory=dict)  # part of the script's fingerprint: a review date is a tag

    def __iter__(self):
        return iter(self.utterances)

    def __len__(self):
        return len(self.utterances)


@dataclass
class Cue:
    """When one utterance is heard: start and end in seconds."""

    start: float
    end: float
    text: str


@dataclass
class Chapter:
    """A titled stretch of the narration, in seconds."""

    title: str
    start: float
    end: float


@dataclass
class Narration:
    """The finished narration: the audio, one cue per utterance and one chapter per section."""

    speech: Speech | Joined  # joined: read from the speech cache a stretch at a time
    cues: list[Cue] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)

    @property
    def samples(self) -> np.ndarray:
        """Return the whole narration in memory (the build reads `speech` a stretch at a time instead)."""
        return self.speech.samples

    @property
    def sample_rate(self) -> int:
        return self.speech.sample_rate

    @property
    def seconds(self) -> float:
        return self.speech.seconds

    @property
    def transcript(self) -> str:
        """Return everything said, one utterance a line, as written."""
        return "\n".join(c.text for c in self.cues)


def _one_line(value) -> str:
    """Keep user text on one line, never starting with "@", so it cannot become a direction."""
    return " ".join(str(value).split()).lstrip("@ ")


def _as_sentence(value: str) -> str:
    """End a heading with a full stop (unless it has its own), so the voice drops its pitch."""
    return value if value[-1:] in ".?!" else value + "."


def render_script(handout: Handout, config: Config) -> str:
    """Render the narration template to text: one utterance or "@" direction a line."""
    env = environment()
    # Registered on the shared environment (before compiling); the names are specific enough not to clash.
    env.filters.update({"line": _one_line, "sentence": _as_sentence})
    template = env.get_template(TEMPLATE)
    context = dict(
        title=handout.meta.title,
        clinic=config.clinic_name,
        clinic_phone=config.clinic_phone,
        help_lines=config.help_line_list(),
        key_points=[s.text for s in handout.key_points],
        say=words_for(handout.meta.language),
        sections=[{"index": i, "heading": sec.heading, "sentences": [s.text for s in sec.sentences]}
                  for i, sec in enumerate(handout.sections) if sec.heading or sec.sentences],
    )
    return template.render(**context)


def spoken_script(handout: Handout, config: Config, lexicon: Lexicon | None = None) -> Script:
    """Return what the narration says, in order: intro, key points, sections by heading, outro."""
    if lexicon is None:
        lexicon = load_lexicon(config.root)
    utterances: list[Utterance] = []
    chapters: list[str] = []
    section = -1
    for line in render_script(handout, config).splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("@chapter"):
            chapters.append(line[len("@chapter"):].strip())
        elif line.startswith("@section"):
            section = int(line.split()[1])
        elif line.startswith("@pause"):
            if utterances:
                utterances[-1].pause = config.section_pause
        elif rx.search(r"\w", line):
            chapter = max(len(chapters) - 1, 0)
            utterances.append(Utterance(line, config.sentence_pause, chapter, spoken_form(line, lexicon), section))
    if utterances:
        utterances[-1].pause = 0.0  # no dead air at the end of a looping track
    meta = handout.meta
    details = {"title": meta.title, "language": meta.language, "reviewed_by": meta.reviewed_by,
               "reviewed_on": meta.reviewed_on}
    return Script(utterances, chapters or [words_for(meta.language)["introduction"]], details)


class _Stored:
    """A sentence's speech that the speech cache holds: its length now, its samples each time they are read."""

    def __init__(self, cache, key: str, speech: Speech):
        self.cache, self.key, self.sample_rate, self.length = cache, key, speech.sample_rate, len(speech.samples)

    @property
    def samples(self):
        speech = self.cache.get(self.key, self.sample_rate, again=True)
        if speech is None:  # deleted under a running build
            raise SpeechError("the speech cache changed while the narration was being made. Build again.")
        return speech.samples


def narrate(script: Script | list[Utterance], engine: Engine, cache, speak=None) -> Narration:
    """Synthesise every utterance with one engine and join them with their pauses.

    `cache` is a store with key/get/put (build/speech_cache.py): only utterances it lacks are spoken,
    by `speak` (default: the engine's own; the build passes one that reports progress and can stop).
    """
    speak = speak or engine.speak
    utterances = list(script)
    parts = []
    for u in utterances:
        key = cache.key(engine.voice_id(), u.spoken)
        speech = cache.get(key, engine.sample_rate)
        if speech is None:
            speech = speak(u.spoken)
            cache.put(key, speech)
        # Kept in the cache, a sentence is read again wherever the narration is read (mastering, captions):
        # a long narration is never held in memory whole.
        stored = _Stored(cache, key, speech) if getattr(cache, "has", None) and cache.has(key) else speech
        parts.append((stored, u.pause))
    speech, spans = assemble(parts, engine.sample_rate)
    cues = [Cue(start, end, u.text) for u, (start, end) in zip(utterances, spans)]
    titles = script.chapters if isinstance(script, Script) else ["Narration"]
    chapters = []
    for index, title in enumerate(titles):
        starts = [c.start for c, u in zip(cues, utterances) if u.chapter == index]
        if starts:
            chapters.append(Chapter(title, starts[0] if chapters else 0.0, 0.0))
    for here, after in zip(chapters, chapters[1:] + [None]):
        here.end = after.start if after else speech.seconds
    return Narration(speech, cues, chapters)
