"""Speech engines behind one interface: text in, mono float samples out."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import SpeechError


@dataclass
class Speech:
    """Mono audio as float32 samples in [-1, 1]."""

    samples: np.ndarray
    sample_rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.sample_rate


class Engine:
    """A text-to-speech engine. Subclasses load heavy libraries only when first asked to speak."""

    name = "engine"
    sample_rate = 22050
    languages: tuple[str, ...] = ()

    def voice_id(self) -> str:
        """Return a string that changes whenever the voice or its settings change (cache key)."""
        return self.name

    def speak(self, text: str) -> Speech:
        """Synthesise one sentence."""
        raise NotImplementedError


ENGINE_NAMES = ("piper", "gtts")


def get_engine(name: str, language: str = "en") -> Engine:
    """Return the engine called `name`, checking that it speaks `language`."""
    if name == "piper":
        from .piper_engine import PiperEngine as cls
    elif name == "gtts":
        from .gtts_engine import GttsEngine as cls
    else:
        raise SpeechError(f"unknown voice '{name}'. Use one of: {', '.join(ENGINE_NAMES)}.")
    engine = cls()
    if engine.languages and language.split("-")[0] not in engine.languages:
        raise SpeechError(
            f"the {name} voice does not speak language '{language}'. "
            f"Choose another voice (for example gtts) or change the language.")
    return engine
