"""Master a narration to the loudness target and the true-peak ceiling, sentence by sentence.

The limiter works on each segment (one sentence and the pause after it) on its own, and the gain
is searched on a fixed grid, so what a segment measures at a gain depends only on that segment.
Those measurements (true-peak blocks, and per gain tried the loudness blocks after the limiter)
are kept in one file per narration: after a one-sentence edit only that sentence is analysed again.
The MP3 is still decoded and measured whole, and aimed again when it misses (see `master`).
"""

from __future__ import annotations

import hashlib
import io
import sys
import zipfile
from functools import cache
from pathlib import Path

import numpy as np

from .audio import (BITRATE_KBPS, CEILING_DBTP, ENCODER_GAIN_DB, LIMIT_DBTP, TARGET_LUFS, block_energies,
                    block_peaks, decode_mp3, encode_mp3, gated_loudness, k_weighted, limit, loudness,
                    true_peak_dbtp, true_peak_envelope)
from .files import write_atomic
from .speech import Speech

STEP_DB = 0.1  # the gain grid: lands within 0.05 LU of the aim (less where the limiter flattens the slope)
LEAD_IN = 0.3  # seconds
STEPS = 512  # the grid spans +-51.2 dB: bisection tries 10 gains


@cache
def code_version() -> str:
    """Fingerprint the code that makes the analyses: a change to it makes every stored one stale."""
    here = Path(__file__).resolve().parent
    data = b"".join((here / name).read_bytes() for name in ("audio.py", "mastering.py"))
    return hashlib.sha256(data).hexdigest()[:16]


class SegmentCache:
    """Per-segment analyses of one narration, read from and written to one .npz file (or kept in memory)."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else None
        self.stored: dict[str, np.ndarray] = {}
        self.made: dict[str, np.ndarray] = {}
        self.used: set[str] = set()
        self.analysed: list[str] = []  # segment ids measured this time (cache misses), for tests and reports
        if self.path and self.path.exists():
            self._load()

    def _load(self) -> None:
        try:
            with np.load(self.path, allow_pickle=False) as data:
                if str(data["version"]) == code_version():
                    self.stored = {k: data[k] for k in data.files if k != "version"}
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as e:
            print(f"warning: {self.path}: damaged mastering cache ({type(e).__name__}); measuring again.",
                  file=sys.stderr)

    def get(self, key: str, segment: str, make) -> np.ndarray:
        """Return the analysis `key`, making it (and noting `segment` as analysed) when it is not stored."""
        self.used.add(key)
        if key in self.made:
            return self.made[key]
        if key in self.stored:
            return self.stored[key]
        if segment not in self.analysed:
            self.analysed.append(segment)
        value = self.made[key] = make()
        return value

    def save(self) -> None:
        """Write the analyses this narration used (older ones are dropped), when something new was made."""
        if not self.path or not self.made:
            return
        keep = {k: v for k, v in {**self.stored, **self.made}.items() if k in self.used}
        buffer = io.BytesIO()
        np.savez(buffer, version=np.array(code_version()), **keep)
        try:
            write_atomic(self.path, buffer.getvalue())
        except OSError:
            pass  # only slower next time


class Segments:
    """A narration cut at segment starts, with each segment's content id."""

    def __init__(self, speech: Speech, starts: list[int] | None = None):
        self.speech = speech
        n = len(speech.samples)
        cuts = sorted({0, *[s for s in (starts or []) if 0 < s < n]})
        self.bounds = list(zip(cuts, cuts[1:] + [n]))
        self.ids = [self._id(speech.samples[a:b]) for a, b in self.bounds]

    def _id(self, samples: np.ndarray) -> str:
        raw = np.ascontiguousarray(samples, dtype=np.float32).tobytes()
        return hashlib.blake2b(raw + str(self.speech.sample_rate).encode(), digest_size=12).hexdigest()

    def samples(self, i: int) -> np.ndarray:
        a, b = self.bounds[i]
        return self.speech.samples[a:b].astype(np.float32)


def _gain(step: int) -> np.float32:
    return np.float32(10 ** (step * STEP_DB / 20))


def _peaks(segments: Segments, cache: SegmentCache, i: int) -> np.ndarray:
    """Return segment i's true-peak maxima per limiter block (its own; the limiter sees no neighbour)."""
    seg = segments.ids[i]
    return cache.get(f"{seg}.peaks", seg, lambda: block_peaks(true_peak_envelope(segments.samples(i))))


def limited(segments: Segments, cache: SegmentCache, i: int, step: int, ceiling: float) -> np.ndarray:
    """Return segment i at the grid gain `step`, through the limiter."""
    gain = _gain(step)
    return limit(segments.samples(i) * gain, segments.speech.sample_rate, ceiling,
                 peaks=_peaks(segments, cache, i) * gain)


def segment_energies(segments: Segments, cache: SegmentCache, i: int, step: int, ceiling: float) -> np.ndarray:
    """Return the loudness-block energies of segment i after gain and limiter (blocks from its own start)."""
    seg, rate = segments.ids[i], segments.speech.sample_rate

    def measure():
        weighted = k_weighted(limited(segments, cache, i, step, ceiling), rate)
        # Blocks that start up to 300 ms before the segment stand for the whole file's blocks across
        # the join: those hold the end of the pause before (silence) and this sentence's first words.
        lead_in = np.zeros(int(round(LEAD_IN * rate)))
        return block_energies(np.concatenate((lead_in, weighted)), rate, whole=True)

    return cache.get(f"{seg}.{ceiling:.3f}.{step}", seg, measure)


def combined_loudness(segments: Segments, cache: SegmentCache, step: int, ceiling: float) -> float:
    """Return the narration's loudness at a grid gain, gating every segment's blocks together."""
    parts = [segment_energies(segments, cache, i, step, ceiling) for i in range(len(segments.ids))]
    return gated_loudness(np.concatenate(parts) if parts else np.zeros(0))


def find_step(segments: Segments, cache: SegmentCache, aim: float, ceiling: float) -> int | None:
    """Return the grid gain whose limited loudness is nearest `aim` (None: silence).

    Loudness grows with gain, so this bisects a fixed range of the grid: the gains tried depend
    only on which side of the aim each one lands, so the next build (after an edit) tries the same
    ones, and finds their segment analyses stored.
    """
    tried: dict[int, float] = {}

    def at(step: int) -> float:
        if step not in tried:
            tried[step] = combined_loudness(segments, cache, step, ceiling)
        return tried[step]

    low, high = -STEPS, STEPS
    while high - low > 1:
        middle = (low + high) // 2
        if not np.isfinite(at(middle)):
            return None  # silence stays silence at any gain
        low, high = (middle, high) if at(middle) <= aim else (low, middle)
    return high if abs(at(high) - aim) < abs(aim - at(low)) else low


def normalise(speech: Speech, target_lufs: float = TARGET_LUFS, ceiling_dbtp: float = LIMIT_DBTP,
              starts: list[int] | None = None, cache: SegmentCache | None = None) -> Speech:
    """Bring the narration to `target_lufs` integrated with true peaks under the ceiling (gain, then limiter)."""
    segments = Segments(speech, starts)
    cache = cache if cache is not None else SegmentCache()
    step = find_step(segments, cache, target_lufs, ceiling_dbtp)
    if step is None:
        return speech
    pieces = [limited(segments, cache, i, step, ceiling_dbtp) for i in range(len(segments.ids))]
    return Speech(np.concatenate(pieces), speech.sample_rate)


def master(speech: Speech, target_lufs: float = TARGET_LUFS, ceiling_dbtp: float = CEILING_DBTP,
           bitrate_kbps: int = BITRATE_KBPS, starts: list[int] | None = None,
           cache: SegmentCache | Path | None = None) -> bytes:
    """Return the narration as MP3 whose decoded audio meets the loudness target and the true-peak ceiling.

    `starts` are the sample offsets where segments (sentences) begin; `cache` keeps their analyses.
    """
    if not isinstance(cache, SegmentCache):
        cache = SegmentCache(cache)
    aim_lufs, aim_ceiling = target_lufs - ENCODER_GAIN_DB, LIMIT_DBTP
    for _ in range(3):
        ready = normalise(speech, aim_lufs, aim_ceiling, starts, cache)
        mp3 = encode_mp3(ready, bitrate_kbps)
        heard = decode_mp3(mp3)
        reached, peak = loudness(heard), true_peak_dbtp(heard)
        if not np.isfinite(reached) or (abs(reached - target_lufs) <= 0.25 and peak <= ceiling_dbtp - 0.1):
            break
        # The encoder changes level and adds overshoot; measure both on what a listener hears and aim again.
        level = reached - loudness(ready)
        overshoot = peak - true_peak_dbtp(ready) - level
        aim_lufs = target_lufs - level
        # On a 0.1 dB grid, rounded down: the next build re-aims the same way and reuses the analyses.
        aim_ceiling = np.floor(min(ceiling_dbtp - 0.3 - level - overshoot, ceiling_dbtp) * 10) / 10
    cache.save()
    return mp3
