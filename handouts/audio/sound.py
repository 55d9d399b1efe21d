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


class Joined:
    """Speech segments, each followed by silence, read only where they are asked for: a long narration is never
    held whole (three hours at 16 kHz are 700 MB of float32, and both mastering and the captions read it)."""

    def __init__(self, parts: list, sizes: list[tuple[int, int]], sample_rate: int):
        self.parts, self.sizes, self.sample_rate = parts, sizes, sample_rate
        self.starts = np.cumsum([0] + [n + gap for n, gap in sizes])  # where each part begins; the last: the end

    @property
    def length(self) -> int:
        return int(self.starts[-1])

    @property
    def seconds(self) -> float:
        return self.length / self.sample_rate

    def read(self, start: int, end: int) -> np.ndarray:
        """Return samples [start, end) as float32, reading only the parts that overlap them."""
        start, end = max(start, 0), min(end, self.length)
        out = np.zeros(max(end - start, 0), dtype=np.float32)
        first = max(int(np.searchsorted(self.starts, start, side="right")) - 1, 0)
        for i in range(first, len(self.parts)):
            at = int(self.starts[i])
            if at >= end:
                break
            a, b = max(start, at), min(end, at + self.sizes[i][0])
            if a < b:
                out[a - start:b - start] = self.parts[i].samples[a - at:b - at]
        return out

    @property
    def samples(self) -> np.ndarray:
        """Return the whole narration in memory (for short ones and tests: the build reads it piece by piece)."""
        return self.read(0, self.length)


def assemble(parts: list[tuple[Speech, float]], sample_rate: int) -> tuple[Joined, list[tuple[float, float]]]:
    """Join speech segments, each followed by its pause; return the audio and each segment's (start, end).

    Each pause is lengthened by under one MP3 frame (26 ms at 22 kHz) so every segment is whole frames
    long: then each sentence can be encoded on its own and the pieces joined (see handouts/mastering.py).
    The parts are not copied into one array: each is read where the narration is read (a sentence the
    speech cache holds is read from there again, handouts/audio/narration.py `_Stored`).
    """
    frame, sizes = mp3_frame(sample_rate), []
    for speech, pause in parts:
        if speech.sample_rate != sample_rate:
            raise ValueError(f"segment at {speech.sample_rate} Hz in a {sample_rate} Hz narration")
        gap = int(round(pause * sample_rate))  # as silence() makes it
        n = speech.length  # a part kept in the speech cache knows it without being read
        sizes.append((n, gap + (-(n + gap)) % frame))
    spans, position = [], 0
    for n, gap in sizes:
        spans.append((position / sample_rate, (position + n) / sample_rate))
        position += n + gap
    return Joined([speech for speech, _ in parts], sizes, sample_rate), spans


def join(parts: list[tuple[Speech, float]], sample_rate: int) -> Joined:
    """Join speech segments, each followed by its pause in seconds."""
    return assemble(parts, sample_rate)[0]


READ = 1 << 17  # samples a whole-narration measurement reads at a time (512 KB as float32)


def loudness(speech: Speech) -> float:
    """Return the integrated loudness in LUFS (ITU BS.1770-4, as pyloudnorm measures it); -inf for silence."""
    meter = LoudnessMeter(speech.sample_rate)
    for start in range(0, speech.length, READ):
        meter.add(speech.read(start, start + READ))
    return meter.loudness()


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


ROWS = 8  # blocks the K-weighting filters at a time: fast, and the arrays stay in cache


@cache
def _k_plan(sample_rate: int) -> tuple[int, int, np.ndarray]:
    """Return the FFT size, the samples per block and the filter's spectrum of the K-weighting overlap-add."""
    response = k_weighting(sample_rate)
    size = max(16384, 1 << int(np.ceil(np.log2(4 * len(response)))))
    return size, size - len(response) + 1, np.fft.rfft(response, size)


def _filter_rows(blocks: np.ndarray, sample_rate: int, out: np.ndarray) -> None:
    """Add the K-weighted blocks (rows of `step` samples) into `out`, each block's filter tail into the next."""
    size, step, spectrum = _k_plan(sample_rate)
    pieces = np.fft.irfft(np.fft.rfft(blocks, size, axis=1) * spectrum, size, axis=1)
    for row, piece in enumerate(pieces):
        out[row * step: row * step + size] += piece


def k_weighted(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Return the samples through the K-weighting filter (float64), by FFT overlap-add."""
    size, step, _ = _k_plan(sample_rate)
    n = len(samples)
    rows = -(-n // step)
    blocks = np.zeros(rows * step)
    blocks[:n] = samples
    blocks = blocks.reshape(rows, step)
    out = np.zeros(rows * step + size)
    for first in range(0, rows, ROWS):
        _filter_rows(blocks[first:first + ROWS], sample_rate, out[first * step:])
    return out[:n]


def _block_edge(j: int, sample_rate: int, end: bool) -> int:
    """Return where gating block j starts (or ends): the same float expressions as pyloudnorm's."""
    return int(0.4 * (j * 0.25 + 1) * sample_rate) if end else int(0.4 * (j * 0.25) * sample_rate)


class LoudnessMeter:
    """Integrated loudness of audio given a piece at a time, in bounded memory: BS.1770's gating needs only the
    energy of each 400 ms block, so the running energy is kept at block edges, not the samples.

    The same numbers as `block_energies(k_weighted(...))` on the whole: the filter runs on the same batches
    of blocks and the running sums add in the same order.
    """

    def __init__(self, sample_rate: int):
        self.rate = sample_rate
        size, self.step, _ = _k_plan(sample_rate)
        self.waiting: list[np.ndarray] = []  # samples not yet filtered (less than a batch of blocks)
        self.held = 0  # how many
        self.tail = np.zeros(size - self.step)  # earlier blocks' filter response running into the next
        self.length = 0  # samples filtered (or, at the end, all of them)
        self.energy = 0.0  # their running sum of squares
        self.sums: tuple[list[float], list[float]] = ([], [])  # the running sum where each block starts, and ends

    def add(self, samples: np.ndarray) -> None:
        """Take the next samples."""
        self.waiting.append(np.asarray(samples))
        self.held += len(samples)
        batch = ROWS * self.step
        if self.held >= batch:
            pending = np.concatenate(self.waiting)
            whole = len(pending) // batch * batch
            for first in range(0, whole, batch):
                self._filter(pending[first:first + batch], batch)
            self.waiting, self.held = [pending[whole:].copy()], len(pending) - whole  # not a view of it all

    def _filter(self, samples: np.ndarray, keep: int) -> None:
        """K-weight whole blocks of samples and count the first `keep` of them."""
        rows = -(-len(samples) // self.step)
        blocks = np.zeros(rows * self.step)
        blocks[:len(samples)] = samples
        out = np.zeros(rows * self.step + len(self.tail))
        out[:len(self.tail)] = self.tail
        _filter_rows(blocks.reshape(rows, self.step), self.rate, out)
        self.tail = out[rows * self.step:].copy()
        running = np.cumsum(np.concatenate(([self.energy], np.square(out[:keep]))))
        for sums, end in zip(self.sums, (False, True)):
            while (edge := _block_edge(len(sums), self.rate, end)) <= self.length + keep:
                sums.append(float(running[edge - self.length]))
        self.length += keep
        self.energy = float(running[-1])

    def loudness(self) -> float:
        """Return the integrated loudness in LUFS of everything taken (call once, at the end); -inf for silence."""
        rest = np.concatenate(self.waiting) if self.waiting else np.zeros(0)
        self.waiting, self.held = [], 0
        if len(rest):
            self._filter(rest, len(rest))
        if self.length / self.rate < 0.5:  # shorter than one 400 ms gating block plus margin
            return float("-inf")
        count = int(np.round((self.length / self.rate - 0.4) / (0.4 * 0.25))) + 1
        starts, ends = self.sums
        ends = ends[:count] + [self.energy] * (count - len(ends))  # the last blocks stop at the end
        return gated_loudness((np.array(ends) - np.array(starts[:count])) / (0.4 * self.rate))


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
    meter = PeakMeter()
    for start in range(0, speech.length, READ):
        meter.add(speech.read(start, start + READ))
    return meter.dbtp()


class PeakMeter:
    """The true peak of audio given a piece at a time: `true_peak_envelope`'s largest value, without the envelope."""

    def __init__(self):
        taps = _interpolation_taps().astype(np.float32)
        # As in true_peak_envelope: each phase's filter, and how far its outputs lag the sample they belong to.
        self.phases = [(taps[3::OVERSAMPLE], 5)] + [(taps[phase::OVERSAMPLE], 6) for phase in range(3)]
        self.before = np.zeros(len(self.phases[0][0]) - 1, dtype=np.float32)  # the samples just before the next
        self.length = 0
        self.peak = 0.0

    def add(self, samples: np.ndarray) -> None:
        """Take the next samples."""
        if len(samples):
            x = np.concatenate((self.before, np.asarray(samples, dtype=np.float32)))
            self._count(x, self.length)
            self.before = x[len(x) - len(self.before):].copy()  # not a view that keeps the whole piece
            self.length += len(samples)

    def _count(self, x: np.ndarray, first: int, final: bool = False) -> None:
        """Take each phase's filter outputs from output `first` on (x: the samples they need) within the envelope."""
        for taps, lag in self.phases:
            out = np.convolve(x, taps, mode="valid")  # outputs first, first + 1, ... of the whole signal's filter
            stop = self.length + lag - first if final else len(out)  # the envelope ends `lag` after the last sample
            part = out[max(lag - first, 0):stop]
            if len(part):
                self.peak = max(self.peak, float(np.abs(part).max()))

    def dbtp(self) -> float:
        """Return the true peak in dBTP of everything taken (call once, at the end)."""
        self._count(np.concatenate((self.before, np.zeros(len(self.before), np.float32))), self.length, final=True)
        return 20 * np.log10(self.peak) if self.peak > 0 else float("-inf")


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


def mp3_encoder(sample_rate: int, bitrate_kbps: int = BITRATE_KBPS):
    """Return a LAME encoder for mono constant-bitrate MP3: given PCM a piece at a time (`pcm16`), it makes the
    same bytes as given it all at once."""
    import lameenc

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(ENCODER_QUALITY)
    return encoder


def pcm16(samples: np.ndarray) -> bytes:
    """Return float samples as the 16-bit PCM the encoder takes."""
    return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()


def encode_mp3(speech: Speech, bitrate_kbps: int = BITRATE_KBPS) -> bytes:
    """Encode mono float samples as a constant-bitrate MP3 with LAME."""
    encoder = mp3_encoder(speech.sample_rate, bitrate_kbps)
    return bytes(encoder.encode(pcm16(speech.samples)) + encoder.flush())


class Meter:
    """Loudness (LUFS) and true peak (dBTP) of audio given a piece at a time (see LoudnessMeter, PeakMeter)."""

    def __init__(self, sample_rate: int):
        self.loud, self.peak = LoudnessMeter(sample_rate), PeakMeter()

    def add(self, samples: np.ndarray) -> None:
        """Take the next samples."""
        self.loud.add(samples)
        self.peak.add(samples)

    def result(self) -> tuple[float, float]:
        """Return the loudness and the true peak of everything taken (call once, at the end)."""
        return self.loud.loudness(), self.peak.dbtp()
