"""A content-addressed store of synthesised sentences, so an edit re-synthesises only what changed.

A passive store: `get` and `put` by key; deciding what to synthesise is the narration's job.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from pathlib import Path

import numpy as np

from handouts.files import write_atomic
from handouts.speech import Speech

CACHE_VERSION = "1"  # bump when the stored format or the synthesis pipeline changes


class SpeechCache:
    """Sentence audio stored by a hash of (engine, voice, settings, spoken text)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.used: list[str] = []  # every key asked for, in order (the cache pruning keeps these)

    @staticmethod
    def key(voice_id: str, text: str) -> str:
        """Return the key of `text` spoken by the voice `voice_id`."""
        raw = "\x00".join((CACHE_VERSION, voice_id, text))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def has(self, key: str) -> bool:
        """Tell whether the store holds `key` (without reading it)."""
        return (self.folder / (key + ".npy")).exists()

    def get(self, key: str, sample_rate: int, again: bool = False) -> Speech | None:
        """Return the stored speech for `key`, or None; a damaged entry is a warning and a miss, never a crash.

        `again`: read once more what this build already asked for (not counted twice in `used`)."""
        if not again:
            self.used.append(key)
        path = self.folder / (key + ".npy")
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

    def put(self, key: str, speech: Speech) -> None:
        """Store the speech for `key`."""
        buffer = io.BytesIO()
        np.save(buffer, speech.samples.astype(np.float32), allow_pickle=False)
        write_atomic(self.folder / (key + ".npy"), buffer.getvalue())
