"""Turn a handout into the spoken script and synthesise it, sentence by sentence."""

from __future__ import annotations

from dataclasses import dataclass

from .audio import join
from .config import Config
from .model import Handout
from .speech import Engine, Speech
from .speech_cache import SpeechCache


@dataclass
class Utterance:
    """One thing said, the pause after it, and the section it belongs to (-1: intro/outro)."""

    text: str
    pause: float
    section: int = -1


def spoken_script(handout: Handout, config: Config) -> list[Utterance]:
    """Return what the narration says, in order: title, each section heading and its sentences."""
    script = [Utterance(f"{handout.meta.title}.", config.section_pause)]
    for i, section in enumerate(handout.sections):
        if section.heading:
            heading = section.heading if section.heading[-1] in ".?!" else section.heading + "."
            script.append(Utterance(heading, config.sentence_pause, i))
        sentences = section.sentences
        for j, sentence in enumerate(sentences):
            last = j == len(sentences) - 1
            script.append(Utterance(sentence.text, config.section_pause if last else config.sentence_pause, i))
    return script


def narrate(script: list[Utterance], engine: Engine, cache: SpeechCache) -> Speech:
    """Synthesise every utterance (through the cache) and join them with their pauses."""
    parts = [(cache.speak(engine, u.text), u.pause) for u in script]
    return join(parts, engine.sample_rate)
