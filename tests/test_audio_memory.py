"""A long narration is never held whole: it is joined from the speech cache, mastered, measured and captioned a
stretch at a time, with the same results as the whole-array functions."""

import io
import tracemalloc

import numpy as np
import pytest
from mutagen.id3 import ID3

from fakes import CountingEngine
from handouts.audio.captions import voiced_onset
from handouts.audio.mastering import Segments, joinable, master_frames
from handouts.audio.narration import Chapter, Utterance, narrate
from handouts.audio.sound import (BITRATE_KBPS, LoudnessMeter, PeakMeter, assemble, block_energies, encode_mp3,
                                  gated_loudness, k_weighted, true_peak_envelope)
from handouts.audio.tags import tag_mp3
from handouts.build.speech_cache import SpeechCache
from handouts.speech import Speech, decode_mp3
from handouts.speech.base import decode_mp3_pieces

WORDS = "rest drink water slowly call your care team when the pain gets worse or you feel faint".split()


def noise(rng, n):
    """Return speech-loud noise that swells and fades."""
    return (0.2 * rng.standard_normal(n) * np.abs(np.sin(np.arange(n) / 5000))).astype(np.float32)


@pytest.mark.parametrize("rate", [16000, 22050, 48000])
def test_meters_given_pieces_measure_what_the_whole_array_measures(rate):
    rng = np.random.default_rng(rate)
    for seconds in (0.3, 0.5, 1.3, 41.7):  # under one gating block, about one, a few, many filter batches
        x = noise(rng, int(seconds * rate) + int(rng.integers(0, 50)))
        loudness, peak = LoudnessMeter(rate), PeakMeter()
        for piece in np.split(x, np.sort(rng.integers(0, len(x), 9))):  # empty pieces too
            loudness.add(piece)
            peak.add(piece)
        whole = gated_loudness(block_energies(k_weighted(x, rate), rate)) if seconds >= 0.5 else float("-inf")
        assert loudness.loudness() == whole  # the same numbers, not nearly: the same sums in the same order
        assert peak.dbtp() == 20 * np.log10(float(true_peak_envelope(x).max()))


def test_a_joined_narration_reads_what_joining_the_arrays_gives():
    rng, rate = np.random.default_rng(1), 16000
    sentences = [noise(rng, int(rng.integers(100, 9000))) for _ in range(7)]
    pauses = [0.4, 0.0, 1.2, 0.4, 0.01, 0.4, 0.0]
    speech, spans = assemble([(Speech(s, rate), p) for s, p in zip(sentences, pauses)], rate)
    pieces = []
    for s, (start, end), after in zip(sentences, spans, [b for b, _ in spans[1:]] + [speech.seconds]):
        pieces += [s, np.zeros(round((after - end) * rate), np.float32)]
    joined = np.concatenate(pieces)
    assert speech.length == len(joined) and np.array_equal(speech.samples, joined)
    for a, b in [(0, 10), (50, 20000), (len(joined) - 5, len(joined) + 100), *rng.integers(0, len(joined), (30, 2))]:
        assert np.array_equal(speech.read(a, b), joined[a:b])


def test_decoding_in_pieces_gives_the_decoded_samples():
    tone = Speech((0.3 * np.sin(np.arange(16000 * 5) / 7)).astype(np.float32), 16000)
    mp3 = encode_mp3(tone)
    pieces = list(decode_mp3_pieces(mp3, samples=10000))
    assert len(pieces) > 5 and np.array_equal(np.concatenate(pieces), decode_mp3(mp3).samples)


def test_the_tag_put_before_the_frames_is_what_mutagen_writes_into_the_mp3():
    mp3 = encode_mp3(Speech((0.3 * np.sin(np.arange(16000 * 3) / 7)).astype(np.float32), 16000))
    tagged = tag_mp3(mp3, title="Title", artist="Clinic", album="Handouts", language="en", date="2026-01-01",
                     comment="A comment.", transcript="One.\nTwo.", chapters=[Chapter("One", 0.0, 1.5),
                                                                               Chapter("Two", 1.5, 3.0)])
    assert tagged.endswith(mp3)
    buffer = io.BytesIO(mp3)
    ID3(io.BytesIO(tagged)).save(buffer, v2_version=4)  # the same tags, saved into the MP3 the usual way
    assert buffer.getvalue() == tagged


def _narration(tmp_path, count: int, pause: float):
    """Return a narration of `count` sentences joined from a speech cache on disk, as the build makes it."""
    rng = np.random.default_rng(count)
    lines = [" ".join(rng.choice(WORDS, 30)) + f" {n}." for n in range(count)]
    return narrate([Utterance(t, pause, 0, t) for t in lines], CountingEngine(), SpeechCache(tmp_path))


class _Watched:
    """A narration that notes the longest stretch read from it; reading it whole fails."""

    def __init__(self, speech):
        self.speech, self.sample_rate, self.length, self.longest = speech, speech.sample_rate, speech.length, 0

    def read(self, start, end):
        self.longest = max(self.longest, end - start)
        return self.speech.read(start, end)

    @property
    def samples(self):
        raise AssertionError("the whole narration was read")


@pytest.mark.parametrize("pause", [0.4, 0.0])  # whole frames apart and joined; too close to join: mastered whole
def test_mastering_and_captioning_read_the_narration_a_sentence_at_a_time(tmp_path, pause):
    narration = _narration(tmp_path, 40, pause)
    watched, rate = _Watched(narration.speech), narration.sample_rate
    starts = [round(c.start * rate) for c in narration.cues]
    assert joinable(Segments(narration.speech, starts), BITRATE_KBPS) == (pause > 0)
    mp3 = b"".join(master_frames(watched, starts=starts))
    onsets = [voiced_onset(watched, rate, c.start, c.end) for c in narration.cues]
    assert watched.longest == max(b - a for a, b in zip(starts, starts[1:] + [watched.length]))
    whole = Speech(narration.speech.samples, rate)  # the same narration in memory: the same MP3 and onsets
    assert mp3 == b"".join(master_frames(whole, starts=starts))
    assert onsets == [voiced_onset(whole.samples, rate, c.start, c.end) for c in narration.cues]


def _peak_mastering(narration) -> int:
    """Return the most memory mastering the narration took at once (numpy's arrays and Python's objects)."""
    starts = [round(c.start * narration.sample_rate) for c in narration.cues]
    tracemalloc.start()
    try:
        master_frames(narration.speech, starts=starts)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_mastering_takes_memory_for_the_mp3_not_for_the_narration(tmp_path):
    short, long = _narration(tmp_path, 10, 0.4), _narration(tmp_path, 70, 0.4)
    _peak_mastering(short)  # the first time fills the caches every narration shares (filters, encoder delay)
    grown = _peak_mastering(long) - _peak_mastering(short)
    # The MP3 frames (an eighth of the narration as float32) and the limiter's block peaks (a sixteenth) are kept
    # per sentence: about a quarter in all. The narration itself (one), or a copy of it filtered (two, float64),
    # decoded (one) or oversampled, never is.
    assert grown < 0.5 * 4 * (long.speech.length - short.speech.length)
