"""Speech engines behind one interface: text in, mono float samples out.

piper (default, offline), gtts (online, Google Translate) and espeak (espeak-ng, when installed).
An engine is chosen per project (`voice` in handouts.toml) or per handout (`voice:` in the front
matter); one handout is always spoken by one engine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from handouts.errors import SpeechError
from handouts.language.labels import base_language  # noqa: F401  (engines import it from here)


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
    install_hint = ""

    def __init__(self, language: str = "en"):
        self.language = language

    @classmethod
    def installed(cls) -> bool:
        """Tell whether the engine can run on this machine."""
        return True

    @classmethod
    def supports(cls, language: str) -> bool:
        """Tell whether the engine speaks `language` (an ISO code such as "en" or "en-US")."""
        return base_language(language) in cls.languages

    def voice_id(self) -> str:
        """Return a string that changes whenever the voice or its settings change (cache key)."""
        return self.name

    def speak(self, text: str) -> Speech:
        """Synthesise one sentence."""
        raise NotImplementedError


def decode_mp3(data: bytes, sample_rate: int | None = None) -> Speech:
    """Decode MP3 bytes to mono float samples (optionally resampled): the online voice sends MP3."""
    import miniaudio

    if sample_rate is None:
        sample_rate = miniaudio.mp3_get_info(data).sample_rate  # keep the file's own rate
    decoded = miniaudio.decode(data, output_format=miniaudio.SampleFormat.FLOAT32, nchannels=1,
                               sample_rate=sample_rate)
    return Speech(np.asarray(decoded.samples, dtype=np.float32), decoded.sample_rate)


ENGINE_NAMES = ("piper", "gtts", "espeak")


def engine_class(name: str) -> type[Engine]:
    """Return the class of the engine called `name` (importing only that engine's module)."""
    if name == "piper":
        from handouts.speech.piper_engine import PiperEngine as cls
    elif name == "gtts":
        from handouts.speech.gtts_engine import GttsEngine as cls
    elif name == "espeak":
        from handouts.speech.espeak_engine import EspeakEngine as cls
    else:
        raise SpeechError(f"unknown voice '{name}'. Use one of: {', '.join(ENGINE_NAMES)}.")
    return cls


def speaks(name: str, language: str) -> bool:
    """Tell whether the engine `name` is installed and speaks `language`."""
    cls = engine_class(name)
    return cls.installed() and cls.supports(language)


def get_engine(name: str, language: str = "en") -> Engine:
    """Return the engine called `name`, set up for `language`; a clear error when it cannot speak it."""
    cls = engine_class(name)
    if not cls.installed():
        raise SpeechError(f"the {name} voice is not installed here. {cls.install_hint} "
                          f"Or choose another voice (voice = \"piper\" in handouts.toml).")
    if not cls.supports(language):
        others = [n for n in ENGINE_NAMES if n != name and speaks(n, language)]
        fix = (f"Choose a voice that does: {', '.join(others)} (voice: {others[0]} in the front matter)"
               if others else "No installed voice speaks it: check the language code (for example en, es, fr)")
        raise SpeechError(f"the {name} voice does not speak language '{language}'. {fix}.")
    return cls(language)


