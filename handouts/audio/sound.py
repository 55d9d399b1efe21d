"""Assemble sentence audio into a narration; measure loudness (ITU BS.1770) and true peak, limit, encode
and decode MP3, in-process with numpy (no ffmpeg, no scipy: importing scipy.signal alone takes about a second)."""

from __future__ import annotations

from functools import cache

import numpy as np

from handouts.speech import Speech

BITRATE_KBPS = 64
TARGET_LUFS = -16.0  # spoken word for streaming and podcasts
CEILING_DBTP = -1.0  # AES TD1004: true peak at most -1 dBTP
# LAME (through lameenc) plays back 0.95 times as loud (-0.45 dB, measured on tones and speech) and
# 64 kb/s encoding adds up to about 1.6 dB of peak overshoot: aim past the one and under the other, so one
# encoding pass usually lands; `master` measures what came out and aims again when it did not.
ENCODER_GAIN_DB = -0.45
LIMIT_DBTP = -2.6
# LAME's own default quality, at half the time of 2 (a cold build encodes every sentence). On the sample,
# pocketsphinx's word error rate was 38.5% at 2, 40.6% at 5 and 40.2% before encoding: within the
# recogniser's own noise (benchmarks/narration.py).
ENCODER_QUALITY = 5
OVERSAMPLE = 4  # true peak per ITU BS.1770: peaks between samples, seen at 4x the rate


def silence(seconds: float, sample_rate: int) -> np.ndarray:
    """Return `seconds` of silence."""
    return np.zeros(int(round(seconds * sample_rate)), dtype=np.float32)


def mp3_frame(sample_rate: int) -> int:
    """Return the samples in one MP3 frame: 1152 (MPEG-1, 32 kHz and up), else 576 (MPEG-2 and 2.5)."""
    return 1152 if sample_rate >= 32000 else 576


def assemble(parts: list[tuple[Speech, float]], sample_rate: int) -> tuple[Speech, list[tuple[float, float]]]:
    """Join speech segments, each followed by its pause; return the audio and each segment's (start, end).

    Each pause is lengthened by under one MP3 frame (26 ms at 22 kHz) so every segment is whole frames
    long: then each sentence can be encoded on its own and the pieces joined (see handouts/mastering.py).
    """
    frame, sizes = mp3_frame(sample_rate), []
    for speech, pause in parts:
        if speech.sample_rate != sample_rate:
            raise ValueError(f"segment at {speech.sample_rate} Hz in a {sample_rate} Hz narration")
        gap = int(round(pause * sample_rate))  # as silence() makes it
        n = getattr(speech, "length", None)  # a part read only when it is joined knows its length already
        n = len(speech.samples) if n is None else n
        sizes.append((n, gap + (-(n + gap)) % frame))
    # One array filled in place: a copy of each piece and then their join held a long narration three times.
    samples = np.zeros(sum(n + gap for n, gap in sizes), dtype=np.float32)
    spans, position = [], 0
    for (speech, _), (n, gap) in zip(parts, sizes):
        samples[position:position + n] = speech.samples
        spans.append((position / sample_rate, (position + n) / sample_rate))
        position += n + gap
    return Speech(samples, sample_rate), spans


def join(parts: list[tuple[Speech, float]], sample_rate: int) -> Speech:
    """Join speech segments, each followed by its pause in seconds."""
    return assemble(parts, sample_rate)[0]


def loudness(speech: Speech) -> float:
    """Return the integrated loudness in LUFS (ITU BS.1770-4, as pyloudnorm measures it); -inf for silence."""
    if speech.seconds < 0.5:  # shorter than one 400 ms gating block plus margin
        return float("-inf")
    return gated_loudness(block_energies(k_weighted(speech.samples, speech.sample_rate), speech.sample_rate))


@cache
def k_weighting(sample_rate: int) -> np.ndarray:
    """Return the impulse response of the BS.1770 K-weighting filter (shelf, then high-pass) at this rate.

    The two biquads are those pyloudnorm designs; both decay fast, so the response is cut where it
    falls under 1e-12 of its peak and the filter runs as an FFT convolution (numpy has no IIR filter).
    """
    a_gain, w0 = 10 ** (4.0 / 40), 2 * np.pi * 1500.0 / sample_rate
    alpha, cos = np.sin(w0) / (2 * (1 / np.sqrt(2))), np.cos(w0)
    root = 2 * np.sqrt(a_gain) * alpha
    shelf = ([a_gain * ((a_gain + 1) + (a_gain - 1) * cos + root), -2 * a_gain * ((a_gain - 1) + (a_gain + 1) * cos),
              a_gain * ((a_gain + 1) + (a_gain - 1) * cos - root)],
             [(a_gain + 1) - (a_gain - 1) * cos + root, 2 * ((a_gain - 1) - (a_gain + 1) * cos),
              (a_gain + 1) - (a_gain - 1) * cos - root])
    w0 = 2 * np.pi * 38.0 / sample_rate
    alpha, cos = np.sin(w0) / (2 * 0.5), np.cos(w0)
    high_pass = ([(1 + cos) / 2, -(1 + cos), (1 + cos) / 2], [1 + alpha, -2 * cos, 1 - alpha])
    length = max(256, int(0.2 * sample_rate))  # 200 ms: the 38 Hz high-pass has long decayed by then
    response = [1.0] + [0.0] * (length - 1)
    for b, a in (shelf, high_pass):
        b0, b1, b2 = (v / a[0] for v in b)
        a1, a2 = a[1] / a[0], a[2] / a[0]
        x1 = x2 = y1 = y2 = 0.0
        out = []
        for x in response:
            y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
            x2, x1, y2, y1 = x1, x, y1, y
            out.append(y)
        response = out
    response = np.array(response)
    keep = np.nonzero(np.abs(response) > 1e-12 * np.abs(response).max())[0][-1] + 1
    return response[:keep]


def k_weighted(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Return the samples through the K-weighting filter (float64), by FFT overlap-add."""
    response = k_weighting(sample_rate)
    n, m = len(samples), len(response)
    size = max(16384, 1 << int(np.ceil(np.log2(4 * m))))
    step = size - m + 1
    rows = -(-n // step)
    blocks = np.zeros(rows * step)
    blocks[:n] = samples
    blocks = blocks.reshape(rows, step)
    out = np.zeros(rows * step + size)
    spectrum = np.fft.rfft(response, size)
    for first in range(0, rows, 8):  # a few blocks at a time: fast, and the arrays stay in cache
        pieces = np.fft.irfft(np.fft.rfft(blocks[first:first + 8], size, axis=1) * spectrum, size, axis=1)
        for row, piece in enumerate(pieces, first):
            out[row * step: row * step + size] += piece  # each block's filter tail runs into the next
    return out[:n]


def block_energies(weighted: np.ndarray, sample_rate: int, whole: bool = False) -> np.ndarray:
    """Return the mean square of each 400 ms gating block (75% overlap) of K-weighted samples.

    `whole`: only blocks that fit inside (for a segment, whose neighbours' blocks are counted there).
    """
    total = np.concatenate(([0.0], np.cumsum(np.square(weighted, dtype=np.float64))))
    seconds = len(weighted) / sample_rate
    count = int(np.round((seconds - 0.4) / (0.4 * 0.25))) + 1
    if count <= 0:
        return np.zeros(0)
    # The same float expressions as pyloudnorm, so block edges land on the same samples.
    lower = np.array([int(0.4 * (j * 0.25) * sample_rate) for j in range(count)])
    upper = np.array([int(0.4 * (j * 0.25 + 1) * sample_rate) for j in range(count)])
    if whole:
        lower, upper = lower[upper <= len(weighted)], upper[upper <= len(weighted)]
    upper = np.minimum(upper, len(weighted))
    return (total[upper] - total[lower]) / (0.4 * sample_rate)


def gated_loudness(energies: np.ndarray) -> float:
    """Return the gated loudness of block energies (absolute gate -70 LUFS, relative gate -10 LU)."""
    with np.errstate(divide="ignore"):
        levels = -0.691 + 10 * np.log10(energies)
        above = energies[levels >= -70.0]
        if not len(above):
            return float("-inf")
        relative = -0.691 + 10 * np.log10(above.mean()) - 10.0
        kept = energies[(levels > relative) & (levels > -70.0)]
        return float(-0.691 + 10 * np.log10(kept.mean())) if len(kept) else float("-inf")


def _interpolation_taps() -> np.ndarray:
    """Return the 48-tap 4x interpolation filter of ITU BS.1770-4 annex 2 (windowed sinc, Hamming)."""
    n = np.arange(48) - 23.5
    taps = np.sinc(n / OVERSAMPLE) / OVERSAMPLE * np.hamming(48)
    return taps / taps.sum() * OVERSAMPLE


def true_peak_envelope(samples: np.ndarray) -> np.ndarray:
    """Return, for each sample, the largest absolute value around it at 4x oversampling."""
    n = len(samples)
    if n == 0:
        return np.zeros(0, dtype=np.float32)
    taps = _interpolation_taps().astype(np.float32)
    x = samples.astype(np.float32)
    # Polyphase: the 4 interpolated values after sample i are 4 short filters over the samples.
    # Phase 3 of sample i+5 and phases 0-2 of sample i+6 are the ones centred on sample i.
    envelope = np.abs(np.convolve(x, taps[3::OVERSAMPLE])[5:5 + n])
    for phase in range(3):
        np.maximum(envelope, np.abs(np.convolve(x, taps[phase::OVERSAMPLE])[6:6 + n]), out=envelope)
    return envelope


def true_peak_dbtp(speech: Speech) -> float:
    """Return the true peak in dBTP (4x oversampled)."""
    envelope = true_peak_envelope(speech.samples)
    peak = float(envelope.max()) if len(envelope) else 0.0
    return 20 * np.log10(peak) if peak > 0 else float("-inf")


LIMIT_BLOCK = 16  # samples: the limiter plans its gain per block (under 1 ms), 16 times less work than per sample


def block_peaks(envelope: np.ndarray) -> np.ndarray:
    """Return the largest envelope value of each limiter block."""
    n = len(envelope)
    if n == 0:
        return np.zeros(0, dtype=np.float32)
    padded = np.pad(envelope, (0, (-n) % LIMIT_BLOCK), mode="edge")
    return padded.reshape(-1, LIMIT_BLOCK).max(axis=1)


def _sliding_min(values: np.ndarray, size: int) -> np.ndarray:
    """Return the minimum over a centred window of odd `size`, the edges repeated (like scipy's "nearest")."""
    half = size // 2
    padded = np.pad(values, half, mode="edge")
    return np.lib.stride_tricks.sliding_window_view(padded, size).min(axis=1)


def _sliding_mean(values: np.ndarray, size: int) -> np.ndarray:
    """Return the mean over a window of `size` around each value, the edges repeated."""
    before = size // 2
    padded = np.pad(values.astype(np.float64), (before, size - 1 - before), mode="edge")
    total = np.concatenate(([0.0], np.cumsum(padded)))
    return (total[size:] - total[:-size]) / size


def limit(samples: np.ndarray, sample_rate: int, ceiling_dbtp: float = LIMIT_DBTP,
          envelope: np.ndarray | None = None, lookahead: float = 0.004, release: float = 0.025,
          peaks: np.ndarray | None = None) -> np.ndarray:
    """Hold true peaks under the ceiling with a look-ahead limiter: smooth gain changes, not clipping.

    `peaks` (per-block envelope maxima, see `block_peaks`) or `envelope` saves measuring the true peaks again.
    """
    n = len(samples)
    if n == 0:
        return samples.astype(np.float32)
    ceiling = 10 ** (ceiling_dbtp / 20)
    if peaks is None:
        peaks = block_peaks(true_peak_envelope(samples) if envelope is None else envelope)
    wanted = np.minimum(1.0, ceiling / np.maximum(peaks.astype(np.float64), 1e-9))
    # Widen each dip so the gain is already down before the peak (look-ahead) and stays down a
    # while after it (release); then smooth with a box no wider than the widening, so the smoothed
    # gain near a peak averages values that are all at most the gain that peak wants.
    attack = max(1, int(lookahead * sample_rate / LIMIT_BLOCK))
    hold = max(attack, int(release * sample_rate / LIMIT_BLOCK))
    gain = _sliding_min(wanted, 2 * hold + 3)
    gain = _sliding_mean(gain, hold)
    gain = np.minimum(gain, _sliding_min(wanted, 2 * attack + 3))
    # Interpolating between neighbouring blocks stays under both, so under what any peak wants.
    centres = np.arange(len(gain)) * LIMIT_BLOCK + (LIMIT_BLOCK - 1) / 2
    per_sample = np.interp(np.arange(n), centres, gain)
    return (samples * per_sample).astype(np.float32)


def encode_mp3(speech: Speech, bitrate_kbps: int = BITRATE_KBPS) -> bytes:
    """Encode mono float samples as a constant-bitrate MP3 with LAME."""
    import lameenc

    pcm = (np.clip(speech.samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(speech.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(ENCODER_QUALITY)
    return bytes(encoder.encode(pcm) + encoder.flush())
