"""The espeak-ng voice: robotic but offline, and it speaks about a hundred languages (when installed)."""

from __future__ import annotations

import io
import shutil
import subprocess
import wave
from functools import cache

import numpy as np

from handouts.errors import SpeechError
from handouts.language.labels import base_language
from handouts.speech.base import Engine, Speech

PROGRAM = "espeak-ng"


@cache
def _voices() -> frozenset[str]:
    """Return the language codes the installed espeak-ng speaks (from `espeak-ng --voices`)."""
    try:
        listing = subprocess.run([PROGRAM, "--voices"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    codes = set()
    for line in listing.splitlines()[1:]:
        parts = line.split()
        if len(parts) > 1:
            codes.add(parts[1].lower())
            codes.add(base_language(parts[1]))
    return frozenset(codes)


@cache
def _version() -> str:
    """Return the installed espeak-ng version line (part of the cache key: a new version sounds different)."""
    try:
        return subprocess.run([PROGRAM, "--version"], capture_output=True, text=True, timeout=10).stdout.split(":")[1].split()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "unknown"


class EspeakEngine(Engine):
    """espeak-ng run as a program; the text goes in on stdin, so it is never read as an option."""

    name = "espeak"
    sample_rate = 22050
    words_per_minute = 150  # a little slower than espeak's 175: calmer, clearer
    install_hint = "Install it with: apt-get install espeak-ng."

    @classmethod
    def installed(cls) -> bool:
        return shutil.which(PROGRAM) is not None

    @classmethod
    def supports(cls, language: str) -> bool:
        voices = _voices()
        return language.lower() in voices or base_language(language) in voices

    def _voice(self) -> str:
        voices = _voices()
        return self.language.lower() if self.language.lower() in voices else base_language(self.language)

    def voice_id(self) -> str:
        return f"espeak-ng:{_version()}:{self._voice()}:{self.words_per_minute}wpm"

    def speak(self, text: str) -> Speech:
        try:
            done = subprocess.run([PROGRAM, "-v", self._voice(), "-s", str(self.words_per_minute), "--stdin",
                                   "--stdout"], input=text.encode("utf-8"), capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as e:
            raise SpeechError(f"espeak-ng could not be run ({e}). Reinstall it, or use the piper voice.") from None
        if done.returncode != 0 or not done.stdout:
            raise SpeechError(f"espeak-ng failed: {done.stderr.decode(errors='replace').strip() or 'no audio'}. "
                              "Reinstall it, or use the piper voice.")
        with wave.open(io.BytesIO(done.stdout)) as wav:
            rate, frames = wav.getframerate(), wav.readframes(wav.getnframes())
        samples = np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0
        if rate != self.sample_rate:
            from scipy.signal import resample_poly

            samples = resample_poly(samples, self.sample_rate, rate).astype(np.float32)
        return Speech(samples, self.sample_rate)
