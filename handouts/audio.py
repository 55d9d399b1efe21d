"""Assemble sentence audio into a narration, even out its loudness and encode it as MP3, in-process (no ffmpeg)."""

from __future__ import annotations

import numpy as np

from .speech import Speech

BITRATE_KBPS = 64
TARGET_LUFS = -16.0  # spoken word for streaming and podcasts
CEILING_DBTP = -1.0  # AES TD1004: true peak at most -1 dBTP
# LAME (through lameenc) plays back 0.95 times as loud (-0.45 dB, measured on tones and speech) and
# 64 kb/s encoding adds up to about 1.6 dB of peak overshoot: aim past the one and under the other, so one
# encoding pass usually lands; `master` measures what came out and aims again when it did not.
ENCODER_GAIN_DB = -0.45
LIMIT_DBTP = -2.6
OVERSAMPLE = 4  # true peak per ITU BS.1770: peaks between samples, seen at 4x the rate


def silence(seconds: float, sample_rate: int) -> np.ndarray:
    """Return `seconds` of silence."""
    return np.zeros(int(round(seconds * sample_rate)), dtype=np.float32)


def assemble(parts: list[tuple[Speech, float]], sample_rate: int) -> tuple[Speech, list[tuple[float, float]]]:
    """Join speech segments, each followed by its pause; return the audio and each segment's (start, end)."""
    pieces, spans, position = [], [], 0
    for speech, pause in parts:
        if speech.sample_rate != sample_rate:
            raise ValueError(f"segment at {speech.sample_rate} Hz in a {sample_rate} Hz narration")
        pieces.append(speech.samples.astype(np.float32))
        spans.append((position / sample_rate, (position + len(speech.samples)) / sample_rate))
        position += len(speech.samples)
        gap = silence(pause, sample_rate)
        pieces.append(gap)
        position += len(gap)
    samples = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
    return Speech(samples, sample_rate), spans


def join(parts: list[tuple[Speech, float]], sample_rate: int) -> Speech:
    """Join speech segments, each followed by its pause in seconds."""
    return assemble(parts, sample_rate)[0]


def loudness(speech: Speech) -> float:
    """Return the integrated loudness in LUFS (ITU BS.1770 via pyloudnorm); -inf for silence."""
    import pyloudnorm

    if speech.seconds < 0.5:  # shorter than one 400 ms gating block plus margin
        return float("-inf")
    return float(pyloudnorm.Meter(speech.sample_rate).integrated_loudness(speech.samples.astype(np.float64)))


def true_peak_envelope(samples: np.ndarray) -> np.ndarray:
    """Return, for each sample, the largest absolute value around it at 4x oversampling."""
    from scipy.signal import firwin, upfirdn

    if len(samples) == 0:
        return np.zeros(0, dtype=np.float32)
    # A 48-tap interpolation filter, as in ITU BS.1770-4 annex 2 (12 taps per phase).
    taps = firwin(48, 1 / OVERSAMPLE) * OVERSAMPLE
    up = np.abs(upfirdn(taps, samples.astype(np.float32), OVERSAMPLE))
    delay = (len(taps) - 1) // 2
    up = up[delay: delay + len(samples) * OVERSAMPLE]
    up = np.pad(up, (0, len(samples) * OVERSAMPLE - len(up)))
    return up.reshape(len(samples), OVERSAMPLE).max(axis=1)


def true_peak_dbtp(speech: Speech) -> float:
    """Return the true peak in dBTP (4x oversampled)."""
    envelope = true_peak_envelope(speech.samples)
    peak = float(envelope.max()) if len(envelope) else 0.0
    return 20 * np.log10(peak) if peak > 0 else float("-inf")


def limit(samples: np.ndarray, sample_rate: int, ceiling_dbtp: float = LIMIT_DBTP,
          envelope: np.ndarray | None = None, lookahead: float = 0.004, release: float = 0.025) -> np.ndarray:
    """Hold true peaks under the ceiling with a look-ahead limiter: smooth gain changes, not clipping."""
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    ceiling = 10 ** (ceiling_dbtp / 20)
    if envelope is None:
        envelope = true_peak_envelope(samples)
    # The gain is planned on blocks of 16 samples (under 1 ms), which is 16 times less work
    # than per sample and still far finer than the look-ahead.
    block = 16
    n = len(samples)
    padded = np.pad(envelope, (0, (-n) % block), mode="edge") if n else envelope
    wanted = np.minimum(1.0, ceiling / np.maximum(padded.reshape(-1, block).max(axis=1), 1e-9))
    # Widen each dip so the gain is already down before the peak (look-ahead) and stays down a
    # while after it (release); then smooth with a box no wider than the widening, so the smoothed
    # gain near a peak averages values that are all at most the gain that peak wants.
    attack = max(1, int(lookahead * sample_rate / block))
    hold = max(attack, int(release * sample_rate / block))
    gain = minimum_filter1d(wanted, size=2 * hold + 3, mode="nearest")
    gain = uniform_filter1d(gain, size=hold, mode="nearest")
    gain = np.minimum(gain, minimum_filter1d(wanted, size=2 * attack + 3, mode="nearest"))
    # Interpolating between neighbouring blocks stays under both, so under what any peak wants.
    centres = np.arange(len(gain)) * block + (block - 1) / 2
    per_sample = np.interp(np.arange(n), centres, gain)
    return (samples * per_sample).astype(np.float32)


def normalise(speech: Speech, target_lufs: float = TARGET_LUFS, ceiling_dbtp: float = LIMIT_DBTP) -> Speech:
    """Bring the narration to `target_lufs` integrated with true peaks under the ceiling (gain, then limiter)."""
    current = loudness(speech)
    if not np.isfinite(current):
        return speech
    samples = speech.samples.astype(np.float32)
    envelope = true_peak_envelope(samples)  # gain is linear, so the envelope only needs scaling
    tried: list[tuple[float, float]] = []
    gain_db = target_lufs - current
    for _ in range(8):
        gain = np.float32(10 ** (gain_db / 20))
        limited = limit(samples * gain, speech.sample_rate, ceiling_dbtp, envelope * gain)
        reached = loudness(Speech(limited, speech.sample_rate))
        tried.append((gain_db, reached))
        if abs(reached - target_lufs) < 0.1:
            break
        # Limiting flattens the loudness-per-gain slope: step along the measured slope (secant).
        slope = 1.0
        if len(tried) > 1 and tried[-1][0] != tried[-2][0]:
            slope = (tried[-1][1] - tried[-2][1]) / (tried[-1][0] - tried[-2][0])
        gain_db += (target_lufs - reached) / min(max(slope, 0.2), 1.0)
    return Speech(limited, speech.sample_rate)


def master(speech: Speech, target_lufs: float = TARGET_LUFS, ceiling_dbtp: float = CEILING_DBTP,
           bitrate_kbps: int = BITRATE_KBPS) -> bytes:
    """Return the narration as MP3 whose decoded audio meets the loudness target and the true-peak ceiling."""
    aim_lufs, aim_ceiling = target_lufs - ENCODER_GAIN_DB, LIMIT_DBTP
    for _ in range(3):
        ready = normalise(speech, aim_lufs, aim_ceiling)
        mp3 = encode_mp3(ready, bitrate_kbps)
        heard = decode_mp3(mp3)
        reached, peak = loudness(heard), true_peak_dbtp(heard)
        if not np.isfinite(reached) or (abs(reached - target_lufs) <= 0.25 and peak <= ceiling_dbtp - 0.1):
            return mp3
        # The encoder changes level and adds overshoot; measure both on what a listener hears and aim again.
        level = reached - loudness(ready)
        overshoot = peak - true_peak_dbtp(ready) - level
        aim_lufs = target_lufs - level
        aim_ceiling = min(ceiling_dbtp - 0.3 - level - overshoot, ceiling_dbtp)
    return mp3


def encode_mp3(speech: Speech, bitrate_kbps: int = BITRATE_KBPS) -> bytes:
    """Encode mono float samples as a constant-bitrate MP3 with LAME."""
    import lameenc

    pcm = (np.clip(speech.samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(speech.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(2)
    return bytes(encoder.encode(pcm) + encoder.flush())


def decode_mp3(data: bytes, sample_rate: int | None = None) -> Speech:
    """Decode MP3 bytes to mono float samples (optionally resampled)."""
    import miniaudio

    if sample_rate is None:
        sample_rate = miniaudio.mp3_get_info(data).sample_rate  # keep the file's own rate
    decoded = miniaudio.decode(data, output_format=miniaudio.SampleFormat.FLOAT32, nchannels=1,
                               sample_rate=sample_rate)
    return Speech(np.asarray(decoded.samples, dtype=np.float32), decoded.sample_rate)
