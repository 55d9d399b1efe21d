"""After an edit the piper voice loads in a helper process during the plain-language stage: it says
exactly what the build would say itself, and only builds that will likely speak start one."""

import numpy as np
import pytest

from handouts.pipeline import build_all, build_handout
from handouts.config import load_config
from handouts.speech import voice_helper
from handouts.speech.piper_engine import PiperEngine
from handouts.speech.voice_helper import VoiceHelper

TEXTS = ["Drink a glass of water.", "Call 555-123-4567 if the pain gets worse."]


@pytest.fixture
def helper():
    started = VoiceHelper.start()
    yield started
    started.close()


def test_helper_says_exactly_what_the_engine_says(helper):
    local = PiperEngine()
    for text in TEXTS:
        assert np.array_equal(helper.speak(text), local.speak(text).samples)
    assert helper.spoken == 2


def test_engine_speaks_itself_when_its_helper_dies(helper):
    engine = PiperEngine()
    engine.helper = helper
    helper.process.kill()
    helper.process.wait()
    samples = engine.speak(TEXTS[0]).samples
    assert engine.helper is None and np.array_equal(samples, PiperEngine().speak(TEXTS[0]).samples)


def test_only_a_changed_handout_that_was_built_before_starts_a_helper(tmp_path, monkeypatch):
    started = []
    real_start = VoiceHelper.start

    def noting_start():
        started.append(real_start())
        return started[-1]

    monkeypatch.setattr(voice_helper.VoiceHelper, "start", staticmethod(noting_start))
    (tmp_path / "content").mkdir()
    source = tmp_path / "content" / "water.txt"
    source.write_text("---\ntitle: Water\n---\nDrink water every day. Carry a bottle.\n", encoding="utf-8")
    config = load_config(tmp_path)

    def built(**kw):
        report = build_all(config, workers=1, **kw)
        assert all(r.ok for r in report), [r.error for r in report]
        return report[0]

    built()  # cold: the voice loads in the build, as before
    assert started == []
    source.write_text(source.read_text(encoding="utf-8").replace("Carry", "Bring"), encoding="utf-8")
    edited = built()
    assert len(started) == 1 and started[0].spoken == len(edited.synthesised) == 1
    assert started[0].process.wait(timeout=10) == 0  # told to end with the build, and it does
    fresh = tmp_path / "fresh"  # the edited text built from nothing gives the same files
    (fresh / "content").mkdir(parents=True)
    (fresh / "content" / "water.txt").write_bytes(source.read_bytes())
    assert all(r.ok for r in build_all(load_config(fresh), workers=1))
    for name in ("water.mp3", "water.vtt", "water.html", "water.pdf"):
        assert (fresh / "build" / name).read_bytes() == (tmp_path / "build" / name).read_bytes(), name
    built()  # nothing changed
    source.write_text(source.read_text(encoding="utf-8").replace("Bring", "Take"), encoding="utf-8")
    built(audio=False)  # no audio wanted
    assert len(started) == 1


def test_a_handout_with_another_voice_in_its_front_matter_starts_no_piper_helper(tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr(voice_helper.VoiceHelper, "start", staticmethod(lambda: started.append(1)))
    (tmp_path / "content").mkdir()
    source = tmp_path / "content" / "water.txt"
    source.write_text("---\ntitle: Water\nvoice: espeak\n---\nDrink water every day.\n", encoding="utf-8")
    previous = {"slug": "water", "source": "an older text", "outputs": {}}
    build_handout(source, load_config(tmp_path), previous=previous, audio=True)  # espeak may be missing: no matter
    assert started == []  # the voice is chosen in one place, and the front matter's voice is not piper
