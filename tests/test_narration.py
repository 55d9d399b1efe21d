"""The narration as a listener gets it: the MP3's length, loudness, peaks, tags, chapters, captions, playlist."""

import re

import numpy as np
import pyloudnorm
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from scipy.signal import resample_poly

from conftest import SAMPLE
from fakes import CountingEngine
from handouts.speech import decode_mp3
from handouts.audio.sound import mp3_frame
from handouts.audio.mastering import master
from handouts.pipeline import build_all
from handouts.config import Config, load_config
from handouts.audio.narration import narrate, spoken_script
from handouts.plain.rewrite import plain_language
from handouts.read.sources import read_source
from handouts.speech import Speech
from conftest import ROOT


def integrated_lufs(speech):
    return pyloudnorm.Meter(speech.sample_rate).integrated_loudness(speech.samples.astype(np.float64))


def true_peak_dbtp(speech):
    """Measure the true peak independently of the code under test: 4x oversampling, max abs."""
    return 20 * np.log10(np.max(np.abs(resample_poly(speech.samples.astype(np.float64), 4, 1))))


def built_sample():
    """Return the sample handout as the build speaks it: after the plain-language stage."""
    return plain_language(read_source(SAMPLE), load_config(ROOT)).handout


def parse_vtt(text):
    """Return [(start, end, text)] from WebVTT text."""
    def seconds(stamp):
        h, m, s = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    assert text.startswith("WEBVTT")
    cues = []
    for block in text.strip().split("\n\n")[1:]:
        lines = block.splitlines()
        start, end = re.fullmatch(r"(\S+) --> (\S+)", lines[1]).groups()
        cues.append((seconds(start), seconds(end), "\n".join(lines[2:])))
    return cues


@pytest.fixture(scope="module")
def sample_mp3(sample_build):
    path = sample_build.outputs["mp3"]
    return path, decode_mp3(path.read_bytes())


def test_sample_mp3_is_mono_64kbps_and_decodes_to_its_duration(sample_build, sample_mp3):
    path, speech = sample_mp3
    info = MP3(path).info
    assert info.channels == 1 and info.bitrate >= 64000 and info.sample_rate == 22050
    assert speech.sample_rate == 22050
    assert abs(speech.seconds - info.length) < 0.2
    assert abs(speech.seconds - sample_build.audio_seconds) < 0.2
    assert 180 < speech.seconds < 600  # the sample's ~700 words at a calm pace


def test_sample_loudness_is_minus_16_lufs_and_true_peak_under_minus_1(sample_mp3):
    _, speech = sample_mp3
    assert abs(integrated_lufs(speech) + 16) <= 1.0
    assert true_peak_dbtp(speech) <= -1.0


def test_limiter_not_only_gain_brings_peaky_audio_to_target():
    # Quiet speech-like noise with rare loud clicks: gain alone would push the clicks far over 0 dBFS.
    rng = np.random.default_rng(1)
    sr = 22050
    samples = (0.02 * rng.standard_normal(sr * 6)).astype(np.float32)
    samples[:: sr // 3] = 0.99
    heard = decode_mp3(master(Speech(samples, sr)))
    assert abs(integrated_lufs(heard) + 16) <= 1.0
    assert true_peak_dbtp(heard) <= -1.0
    needed_gain_db = -16 - integrated_lufs(Speech(samples, sr))
    assert 20 * np.log10(0.99) + needed_gain_db > 3  # so a limiter had to act


def test_sample_tags_and_one_chapter_per_section(sample_build, sample_mp3):
    path, speech = sample_mp3
    handout = built_sample()
    config = load_config(ROOT)
    tags = ID3(path)
    assert tags.version == (2, 4, 0)
    assert str(tags["TIT2"]) == handout.meta.title
    assert str(tags["TPE1"]) == config.clinic_name and str(tags["TALB"]) == config.collection
    assert str(tags["TLAN"]) == "eng" and str(tags["TDRC"])
    assert config.clinic_name in str(tags.getall("COMM")[0])
    transcript = tags.getall("USLT")[0].text
    for sentence in handout.sentences:
        assert sentence.text in transcript
    chapters = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    sections = [s for s in handout.sections if s.heading or s.sentences]
    assert len(chapters) == len(sections) + (1 if handout.key_points else 0)
    titles = [str(c.sub_frames["TIT2"]) for c in chapters]
    assert titles[-len([s for s in sections if s.heading]):] == [s.heading for s in sections if s.heading]
    starts = [c.start_time for c in chapters]
    assert starts[0] == 0 and starts == sorted(set(starts))
    assert all(c.end_time <= speech.seconds * 1000 + 50 for c in chapters)
    assert chapters[-1].end_time >= speech.seconds * 1000 - 500
    toc = tags.getall("CTOC")[0]
    assert list(toc.child_element_ids) == [c.element_id for c in tags.getall("CHAP")]


def test_sample_captions_increase_and_span_the_audio(sample_build, sample_mp3):
    _, speech = sample_mp3
    cues = parse_vtt(sample_build.outputs["captions"].read_text(encoding="utf-8"))
    script = spoken_script(built_sample(), load_config(ROOT))
    # Captions show the text as written, every word in order (in cues of at most two lines).
    assert " ".join(c[2].replace("\n", " ") for c in cues) == " ".join(u.text for u in script)
    for (start, end, _), (next_start, _, _) in zip(cues, cues[1:]):
        assert start < end <= next_start
    assert cues[0][0] < 0.5
    assert speech.seconds - 1.0 < cues[-1][1] <= speech.seconds + 0.1


def test_captions_follow_real_timing_with_configured_pauses():
    handout = read_source(SAMPLE)
    config = Config(sentence_pause=0.3, section_pause=1.5)
    script = spoken_script(handout, config)
    engine = CountingEngine()
    narration = narrate(script, engine, _MemoryCache())
    gaps = [b.start - a.end for a, b in zip(narration.cues, narration.cues[1:])]
    # Each pause is lengthened by less than one MP3 frame, so every sentence is whole frames long
    # (then sentences can be encoded one by one: handouts/audio/mastering.py).
    frame = mp3_frame(engine.sample_rate) / engine.sample_rate
    assert all(0.3 <= g < 0.3 + frame or 1.5 <= g < 1.5 + frame for g in gaps)
    assert [g > 1 for g in gaps] == [u.pause == 1.5 for u in list(script)[:-1]]
    lengths = [round(c.end - c.start, 3) for c in narration.cues]
    assert lengths == [round(len(engine.speak(u.spoken).samples) / engine.sample_rate, 3) for u in script]


class _MemoryCache:
    """No disk: a store that never holds anything, so every sentence is spoken (the real cache is tested elsewhere)."""

    def key(self, voice_id, text):
        return text

    def get(self, key, sample_rate):
        return None

    def put(self, key, speech):
        pass


def test_playlist_lists_every_narration_with_relative_paths_and_durations(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text("---\ntitle: First Handout\n---\nDrink water. Rest well.\n")
    (tmp_path / "content" / "b.txt").write_text("---\ntitle: Second Handout\n---\nWash your hands often.\n")
    report = build_all(load_config(tmp_path), engine=CountingEngine(), workers=1, include_drafts=True)
    assert all(r.ok for r in report)
    text = (tmp_path / "build" / "playlist.m3u8").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "#EXTM3U"
    assert lines[2] == "first-handout.mp3" and lines[4] == "second-handout.mp3"  # relative, in name order
    for info, name in ((lines[1], lines[2]), (lines[3], lines[4])):
        seconds, title = re.fullmatch(r"#EXTINF:(\d+),(.+)", info).groups()
        assert abs(int(seconds) - MP3(tmp_path / "build" / name).info.length) < 1.0
        assert title == {"first-handout.mp3": "First Handout", "second-handout.mp3": "Second Handout"}[name]
