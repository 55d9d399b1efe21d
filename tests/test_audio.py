"""The narration: an MP3 that decodes, whose length fits the words at a normal speaking rate."""

import numpy as np

from handouts.speech import decode_mp3
from handouts.audio.sound import encode_mp3
from handouts.config import Config
from handouts.audio.narration import spoken_script
from handouts.plain.rewrite import make_plain
from handouts.read.sources import read_source
from handouts.speech import Speech
from conftest import SAMPLE


def test_sample_mp3_decodes_and_length_fits_word_count(sample_build):
    speech = decode_mp3(sample_build.outputs["mp3"].read_bytes())
    assert speech.sample_rate == 22050
    # The narration reads the plain-language handout, as the build does.
    words = sum(len(u.text.split()) for u in spoken_script(make_plain(read_source(SAMPLE), Config()), Config()))
    minutes = speech.seconds / 60
    # Normal speaking rate is about 130 to 200 words a minute, pauses included.
    assert 130 <= words / minutes <= 200, (words, minutes)
    assert abs(speech.seconds - sample_build.audio_seconds) < 0.2
    # Real speech, not silence.
    assert np.sqrt(np.mean(speech.samples ** 2)) > 0.02


def test_encode_decode_round_trip_keeps_length():
    sr = 22050
    tone = Speech((0.3 * np.sin(np.arange(sr * 2) * 2 * np.pi * 440 / sr)).astype(np.float32), sr)
    back = decode_mp3(encode_mp3(tone))
    assert back.sample_rate == sr
    assert abs(back.seconds - 2.0) < 0.1


def test_script_has_title_headings_and_sentences_in_order():
    script = [u.text for u in spoken_script(read_source(SAMPLE), Config())]
    assert script[0] == "Kratom, Dopamine and Opioid Withdrawal."
    assert script.index("Understanding Opioid Withdrawal and Its Symptoms.") < script.index(
        "Exploring the Link Between Kratom and Dopamine: Does It Enhance or Mitigate Withdrawal?")


class CountingEngine:
    """A fake engine that records what it was asked to say."""

    name = "fake"
    sample_rate = 8000

    def __init__(self):
        self.said = []

    def voice_id(self):
        return "fake:1"

    def speak(self, text):
        self.said.append(text)
        return Speech(np.full(800, 0.1, dtype=np.float32), self.sample_rate)


def test_narration_synthesises_only_sentences_missing_from_the_speech_cache(tmp_path):
    from handouts.audio.narration import Utterance, narrate
    from handouts.build.speech_cache import SpeechCache

    engine = CountingEngine()
    narrate([Utterance("One.", 0.1, 0, "One.")], engine, SpeechCache(tmp_path))
    cache = SpeechCache(tmp_path)
    narrate([Utterance(t, 0.1, 0, t) for t in ("One.", "Two.")], engine, cache)
    assert engine.said == ["One.", "Two."]
    assert len(cache.used) == 2 and all(cache.has(k) for k in cache.used)


def test_damaged_cache_entry_is_made_again(tmp_path, capsys):
    from handouts.build.speech_cache import SpeechCache

    engine = CountingEngine()
    cache = SpeechCache(tmp_path)
    key = cache.key(engine.voice_id(), "One.")
    cache.put(key, engine.speak("One."))
    next(tmp_path.glob("*.npy")).write_bytes(b"garbage")
    assert SpeechCache(tmp_path).get(key, engine.sample_rate) is None
    assert not cache.has(key)  # the damaged entry is gone, so the narration makes it again
    assert "damaged speech cache entry" in capsys.readouterr().err
