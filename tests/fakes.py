"""A fake speech engine for tests: fast, deterministic, and it counts what it was asked to say."""

from __future__ import annotations

import hashlib
import time

import numpy as np

from handouts.speech import Engine, Speech


class CountingEngine(Engine):
    """Speak each sentence as a short tone whose pitch comes from the text; record every call."""

    name = "fake"
    sample_rate = 16000

    def __init__(self, voice: str = "a", delay: float = 0.0):
        self.voice, self.delay = voice, delay
        self.calls: list[str] = []

    def voice_id(self) -> str:
        return f"fake:{self.voice}"

    def speak(self, text: str) -> Speech:
        self.calls.append(text)
        if self.delay:
            time.sleep(self.delay)
        pitch = 200 + int(hashlib.sha256(f"{self.voice}{text}".encode()).hexdigest()[:4], 16) % 300
        t = np.arange(int(self.sample_rate * (0.05 + 0.004 * len(text)))) / self.sample_rate
        return Speech((0.3 * np.sin(2 * np.pi * pitch * t)).astype(np.float32), self.sample_rate)
