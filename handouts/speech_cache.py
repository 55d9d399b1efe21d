"""A content-addressed cache of synthesised sentences, so an edit re-synthesises only what changed."""

from __future__ import annotations

import hashlib
import io
import os
import sys
from pathlib import Path

import numpy as np

from .files import write_atomic
from .speech import Engine, Speech

CACHE_VERSION = "1"  # bump when the stored format or the synthesis pipeline changes
KEPT_KEY = 16  # hex digits of a key the manifest keeps per sentence: enough to tell entries apart


class SpeechCache:
    """Sentence audio stored by a hash of (engine, voice, settings, spoken text)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.hits = 0
        self.misses: list[str] = []  # the texts that were synthesised, in order
        self.used: list[str] = []  # the keys of every sentence asked for (kept by the cache pruning)

    def key(self, engine: Engine, text: str) -> str:
        """Return the cache key of `text` spoken by `engine`."""
        raw = "\x00".join((CACHE_VERSION, engine.voice_id(), text))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def speak(self, engine: Engine, text: str) -> Speech:
        """Return the speech for `text`, synthesising it only when it is not cached."""
        key = self.key(engine, text)
        self.used.append(key[:KEPT_KEY])
        path = self.folder / (key + ".npy")
        cached = self._load(path, engine.sample_rate)
        if cached is not None:
            self.hits += 1
            return cached
        speech = engine.speak(text)
        self.misses.append(text)
        buffer = io.BytesIO()
        np.save(buffer, speech.samples.astype(np.float32), allow_pickle=False)
        write_atomic(path, buffer.getvalue())
        return speech

    def _load(self, path: Path, sample_rate: int) -> Speech | None:
        """Read a cached sentence; a damaged entry is a warning and a re-synthesis, never a crash."""
        if not path.exists():
            return None
        try:
            samples = np.load(path, allow_pickle=False)
            if samples.dtype != np.float32 or samples.ndim != 1:
                raise ValueError("unexpected array")
            return Speech(samples, sample_rate)
        except (OSError, ValueError, EOFError) as e:
            print(f"warning: {path}: damaged speech cache entry ({e}); making it again.", file=sys.stderr)
            try:
                os.unlink(path)
            except OSError:
                pass
            return None
