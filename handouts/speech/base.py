"""What every voice shares: mono speech samples, the engine interface, and MP3 decoding."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from handouts.language.labels import base_language


@dataclass
class Speech:
    """Mono audio as float32 samples in [-1, 1]."""

    samples: np.ndarray
    sample_rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.sample_rate

    @property
    def length(self) -> int:
        return len(self.samples)

    def read(self, start: int, end: int) -> np.ndarray:
        """Return samples [start, end): what a narration joined from parts (audio/sound.py `Joined`) reads piecewise."""
        return self.samples[start:end]


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
        sample_rate = mp3_sample_rate(data)  # keep the file's own rate
    decoded = miniaudio.decode(data, output_format=miniaudio.SampleFormat.FLOAT32, nchannels=1,
                               sample_rate=sample_rate)
    return Speech(np.asarray(decoded.samples, dtype=np.float32), decoded.sample_rate)


def mp3_sample_rate(data: bytes) -> int:
    """Return an MP3's sample rate."""
    import miniaudio

    return miniaudio.mp3_get_info(data).sample_rate


def decode_mp3_pieces(data: bytes, sample_rate: int | None = None, samples: int = 1 << 17) -> Iterator[np.ndarray]:
    """Yield what `decode_mp3` returns, the same samples, up to `samples` at a time: a long narration is
    measured without holding it decoded."""
    import miniaudio

    for piece in miniaudio.stream_memory(data, output_format=miniaudio.SampleFormat.FLOAT32, nchannels=1,
                                         sample_rate=sample_rate or mp3_sample_rate(data),
                                         frames_to_read=samples):
        yield np.asarray(piece, dtype=np.float32)
