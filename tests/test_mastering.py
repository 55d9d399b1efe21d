"""Mastering sentence by sentence: the numpy loudness and true peak agree with the reference tools,
per-segment loudness agrees with the whole file's, and an edit re-analyses only the changed sentence
while giving the same MP3 as mastering from nothing."""

import numpy as np
import pyloudnorm
import pytest
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import firwin, upfirdn

import handouts.audio.sound as audio
from handouts.speech import decode_mp3
from handouts.audio.sound import loudness, true_peak_dbtp, true_peak_envelope
from handouts.audio.mastering import (MAX_LIMITING_DB, STEP_DB, SegmentCache, Segments, combined_loudness, encoder_extra,
                                joinable, master, segment_step)
from handouts.speech import Speech

SR = 22050


def sentence(rng, seconds, rate=SR):
    """Return speech-like sound: voiced harmonics under a syllable-rate envelope, peak-normalised like piper."""
    t = np.arange(int(seconds * rate)) / rate
    pitch = 110 + 20 * np.sin(2 * np.pi * 0.7 * t + rng.uniform(0, 6))
    phase = 2 * np.pi * np.cumsum(pitch) / rate
    voiced = sum(np.sin(k * phase) / k for k in range(1, 12))
    syllables = np.clip(np.sin(2 * np.pi * rng.uniform(3, 5) * t + rng.uniform(0, 6)), 0, None) ** 2
    x = voiced * syllables + 0.05 * rng.standard_normal(len(t)) * syllables
    return (x / np.abs(x).max() * rng.uniform(0.6, 1.0)).astype(np.float32)


def narration(seed=0, count=8, pause=0.4):
    """Return (speech, segment starts) for `count` sentences, each followed by a pause."""
    rng = np.random.default_rng(seed)
    pieces, starts, at = [], [], 0
    for _ in range(count):
        s = np.concatenate([sentence(rng, rng.uniform(1.5, 3.5)), np.zeros(int(pause * SR), np.float32)])
        starts.append(at)
        pieces.append(s)
        at += len(s)
    return Speech(np.concatenate(pieces), SR), starts


def reference_lufs(samples, rate):
    return pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))


@pytest.mark.parametrize("rate", [16000, 22050, 24000, 44100, 48000])
def test_loudness_equals_pyloudnorm(rate):
    rng = np.random.default_rng(rate)
    for seconds in (0.6, 1.3, 7.9):
        x = (0.1 * rng.standard_normal(int(seconds * rate)) * np.linspace(0.2, 1, int(seconds * rate)))
        assert abs(loudness(Speech(x.astype(np.float32), rate)) - reference_lufs(x.astype(np.float32), rate)) < 1e-6


def test_loudness_of_silence_and_short_audio_is_minus_infinity():
    assert loudness(Speech(np.zeros(SR * 2, np.float32), SR)) == float("-inf")
    assert loudness(Speech(np.ones(SR // 4, np.float32), SR)) == float("-inf")


def test_true_peak_envelope_equals_scipy_polyphase_interpolation():
    x = narration(1, count=2)[0].samples
    taps = firwin(48, 1 / 4) * 4
    up = np.abs(upfirdn(taps, x, 4))[23: 23 + 4 * len(x)]
    expected = np.pad(up, (0, 4 * len(x) - len(up))).reshape(len(x), 4).max(axis=1)
    assert np.abs(true_peak_envelope(x) - expected).max() < 1e-6


def test_limiter_filters_equal_scipy():
    values = np.random.default_rng(3).random(500)
    assert np.array_equal(audio._sliding_min(values, 71), minimum_filter1d(values, 71, mode="nearest"))
    for size in (7, 34, 35):
        assert np.allclose(audio._sliding_mean(values, size), uniform_filter1d(values, size, mode="nearest"))


def test_per_segment_loudness_combines_to_the_whole_file_loudness():
    for seed in range(3):
        speech, starts = narration(seed, count=10)
        segments = Segments(speech, starts)
        # Step 0 at a ceiling no sentence reaches: plain audio, so the whole file can be measured directly.
        combined = combined_loudness(segments, SegmentCache(), 0, 0.0)
        assert abs(combined - loudness(speech)) <= 0.1, (seed, combined, loudness(speech))


def test_mastered_mp3_meets_target_and_ceiling():
    speech, starts = narration(4)
    heard = decode_mp3(master(speech, starts=starts))
    assert abs(reference_lufs(heard.samples, heard.sample_rate) + 16) <= 0.5
    assert true_peak_dbtp(heard) <= -1.0


def test_edit_reanalyses_only_the_changed_segment_and_matches_a_fresh_master(tmp_path):
    speech, starts = narration(5)
    store = tmp_path / "master.npz"
    first = SegmentCache(store)
    master(speech, starts=starts, cache=first)
    assert len(first.analysed) == len(starts)  # from nothing: every segment measured

    # The edit: sentence 3 turned upside down. It sounds and measures the same, so the gains tried
    # are the same, but its samples (and so its identity) are new.
    samples = speech.samples.copy()
    samples[starts[3]:starts[4]] *= -1
    edited = Speech(samples, SR)
    again = SegmentCache(store)
    mp3 = master(edited, starts=starts, cache=again)
    assert again.analysed == [Segments(edited, starts).ids[3]]
    assert mp3 == master(edited, starts=starts)  # the stored analyses change nothing in the result

    unchanged = SegmentCache(store)
    assert master(edited, starts=starts, cache=unchanged) == mp3 and unchanged.analysed == []


def test_damaged_mastering_cache_warns_and_measures_again(tmp_path, capsys):
    speech, starts = narration(6, count=3)
    store = tmp_path / "master.npz"
    expected = master(speech, starts=starts, cache=store)
    store.write_bytes(b"not a zip file")
    again = SegmentCache(store)
    assert master(speech, starts=starts, cache=again) == expected
    assert len(again.analysed) == 3
    assert "damaged mastering cache" in capsys.readouterr().err


def assembled(seed=0, count=8, rate=SR):
    """Return (speech, segment starts) joined as the build joins sentences: each segment whole MP3 frames."""
    rng = np.random.default_rng(seed)
    parts = [(Speech(sentence(rng, rng.uniform(1.5, 3.5), rate), rate), 0.4) for _ in range(count - 1)]
    speech, spans = audio.assemble(parts + [(Speech(sentence(rng, 2.0, rate), rate), 0.0)], rate)
    return speech, [round(start * rate) for start, _ in spans]


@pytest.mark.parametrize("rate", [16000, 22050, 44100])
def test_sentences_encoded_one_by_one_join_without_moving_the_speech(rate):
    speech, starts = assembled(7, count=5, rate=rate)
    assert joinable(Segments(speech, starts), audio.BITRATE_KBPS)
    mp3 = master(speech, starts=starts)
    heard = decode_mp3(mp3)
    assert heard.sample_rate == rate
    assert len(heard.samples) == len(speech.samples) + encoder_extra(rate, audio.BITRATE_KBPS)

    def delay(start):  # where the sentence starting at `start` is heard
        said = speech.samples[start:start + rate // 2]
        window = heard.samples[start:start + rate // 2 + 3000]
        return int(np.argmax([np.dot(said, window[k:k + len(said)]) for k in range(3000)]))

    assert delay(starts[1]) == delay(starts[-1])  # the same encoder delay everywhere: no drift
    assert abs(reference_lufs(heard.samples, rate) + 16) <= 0.5
    assert true_peak_dbtp(heard) <= -1.0


def test_joined_edit_encodes_only_the_changed_sentence(tmp_path):
    speech, starts = assembled(8)
    store = tmp_path / "master.npz"
    master(speech, starts=starts, cache=store)
    samples = speech.samples.copy()
    samples[starts[2]:starts[3]] *= -1  # measures the same, so the gain stays; a new sentence all the same
    edited = Speech(samples, SR)
    again = SegmentCache(store)
    mp3 = master(edited, starts=starts, cache=again)
    changed = Segments(edited, starts).ids[2]
    assert again.analysed == [changed]
    encoded = [k for k in again.made if k.endswith(".mp3")]
    assert encoded and all(k.startswith(changed) for k in encoded)  # only that sentence was encoded
    assert mp3 == master(edited, starts=starts)


def test_unaligned_segments_are_mastered_whole():
    speech, starts = narration(9, count=3)  # pauses not whole frames: cannot be joined
    assert not joinable(Segments(speech, starts), audio.BITRATE_KBPS)
    heard = decode_mp3(master(speech, starts=starts))
    assert abs(reference_lufs(heard.samples, SR) + 16) <= 0.5 and true_peak_dbtp(heard) <= -1.0


def test_a_sentence_too_peaky_to_reach_the_aim_is_not_crushed():
    rng = np.random.default_rng(10)
    x = (0.003 * rng.standard_normal(SR * 3)).astype(np.float32)
    x[:: SR // 40] = 0.99  # clicks every 25 ms: the limiter would have to take back everything gain adds
    speech = Speech(np.concatenate([x, np.zeros(SR // 2, np.float32)]), SR)
    segments = Segments(speech, [0])
    step = segment_step(segments, SegmentCache(), 0, -15.55, -2.6)
    gain_alone = -15.55 - loudness(speech)  # the gain that would reach the aim if nothing were limited
    assert step * STEP_DB <= gain_alone + MAX_LIMITING_DB + STEP_DB
    assert combined_loudness(segments, SegmentCache(), step, -2.6) < -15.55 - 1  # left quieter, on purpose
