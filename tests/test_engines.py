"""Engines behind one interface: chosen per project or per handout, clear errors for what cannot be spoken."""

import shutil

import pytest
from mutagen.id3 import ID3

from handouts.pipeline import build_all
from handouts.config import load_config
from handouts.errors import SpeechError
from handouts.speech import ENGINE_NAMES, get_engine

has_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")


def test_unknown_voice_names_the_choices():
    with pytest.raises(SpeechError, match="unknown voice 'robot'. Use one of: piper, gtts, espeak"):
        get_engine("robot")
    assert ENGINE_NAMES == ("piper", "gtts", "espeak")


def test_language_no_installed_engine_speaks_is_a_clear_error():
    with pytest.raises(SpeechError) as e:
        get_engine("piper", "xx")
    assert str(e.value) == ("the piper voice does not speak language 'xx'. No installed voice speaks it: "
                            "check the language code (for example en, es, fr).")


def test_language_another_engine_speaks_names_that_engine():
    with pytest.raises(SpeechError, match=r"does not speak language 'es'. Choose a voice that does: gtts"):
        get_engine("piper", "es")
    assert get_engine("gtts", "es").voice_id() == "gtts:es:translate.google.com"


@has_espeak
def test_espeak_speaks_when_installed():
    engine = get_engine("espeak", "es")
    speech = engine.speak("-v hola. Beba agua.")  # a leading dash is text, not an option
    assert speech.sample_rate == 22050 and 1.0 < speech.seconds < 5.0
    assert engine.voice_id().startswith("espeak-ng:") and ":es:" in engine.voice_id()


def voice_of(mp3):
    return str(ID3(mp3).getall("COMM")[0]).split("Voice: ")[1].split(":")[0]


@has_espeak
def test_engine_is_chosen_per_project_and_per_handout(tmp_path):
    (tmp_path / "handouts.toml").write_text('voice = "espeak"\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text("---\ntitle: Water\n---\nDrink water.\n")
    (tmp_path / "content" / "b.txt").write_text("---\ntitle: Rest\nvoice: piper\n---\nRest well.\n")
    report = build_all(load_config(tmp_path), workers=1)
    assert all(r.ok for r in report), [r.error for r in report]
    assert voice_of(tmp_path / "build" / "water.mp3") == "espeak-ng"  # the project's voice
    assert voice_of(tmp_path / "build" / "rest.mp3") == "piper"  # the handout's own choice


def test_handout_in_a_language_its_voice_cannot_speak_fails_with_file_and_fix(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text("---\ntitle: Agua\nlanguage: xx\n---\nBeba agua.\n")
    report = build_all(load_config(tmp_path), workers=1)
    error = report[0].error
    assert not report[0].ok and "a.txt" in error and "does not speak language 'xx'" in error
    assert not (tmp_path / "build" / "agua.mp3").exists()
