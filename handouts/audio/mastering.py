"""Master a narration to the loudness target and the true-peak ceiling, sentence by sentence.

Each segment (one sentence and the pause after it) gets its own gain, on a fixed grid, and its own
limiter, so it sounds as loud as the others and what it measures depends only on itself. When the
segments are whole MP3 frames long (handouts/audio/sound.py `assemble`), each is also encoded on its own,
decoded and measured, and the frames are joined. All of it is kept per segment in one file per
narration, so after a one-sentence edit only that sentence is limited, encoded and measured again.
The narration as heard (the decoded MP3) must meet the target and the ceiling, or it is aimed again.
"""

from __future__ import annotations

import hashlib
import os
import sys
import uuid
import zipfile
from functools import cache
from pathlib import Path

import numpy as np

from handouts.audio.sound import (BITRATE_KBPS, CEILING_DBTP, ENCODER_GAIN_DB, LIMIT_DBTP, TARGET_LUFS, Meter,
                                  block_energies, block_peaks, encode_mp3, gated_loudness, k_weighted, limit,
                                  mp3_encoder, mp3_frame, pcm16, true_peak_envelope)
from handouts.speech import Speech, decode_mp3
from handouts.speech.base import decode_mp3_pieces, mp3_sample_rate

STEP_DB = 0.1  # the gain grid: lands within 0.05 LU of the aim (less where the limiter flattens the slope)
LEAD_IN = 0.3  # seconds
MAX_LIMITING_DB = 12.0  # at most this much more gain than gain alone would need (what the limiter takes back)


@cache
def code_version() -> str:
    """Fingerprint the code that makes the analyses: a change to it makes every stored one stale."""
    here = Path(__file__).resolve().parent
    data = b"".join((here / name).read_bytes() for name in ("sound.py", "mastering.py"))
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
        try:
            _write_npz(self.path, {"version": np.array(code_version()), **keep})
        except OSError:
            pass  # only slower next time


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write arrays as .npz to a temporary file beside `path`, then rename it into place (readers see the old
    file or the new one, as handouts/files.py writes), with no copy in memory: it holds a narration's MP3."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A name the build's clean-up knows (".NAME.*.tmp"), created with the usual permissions (mkstemp's are private).
    tmp = path.parent / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        with open(tmp, "xb") as f:
            np.savez(f, **arrays)
            f.flush()
            os.fsync(f.fileno())  # on disk before the rename makes it visible
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class Segments:
    """A narration cut at segment starts, with each segment's content id.

    The narration is read a segment at a time (`speech.read`): a long one joined from the speech cache
    (handouts/audio/sound.py `Joined`) is never held whole.
    """

    def __init__(self, speech: Speech, starts: list[int] | None = None):
        self.speech = speech
        n = speech.length
        cuts = sorted({0, *[s for s in (starts or []) if 0 < s < n]})
        self.bounds = list(zip(cuts, cuts[1:] + [n]))
        self._last: tuple[int, np.ndarray | None] = (-1, None)
        self.ids = [self._id(self.samples(i)) for i in range(len(self.bounds))]

    def _id(self, samples: np.ndarray) -> str:
        raw = np.ascontiguousarray(samples, dtype=np.float32).tobytes()
        return hashlib.blake2b(raw + str(self.speech.sample_rate).encode(), digest_size=12).hexdigest()

    def samples(self, i: int) -> np.ndarray:
        """Return segment i as float32 (read-only); the last one read is kept: it is asked for many times in a row."""
        if self._last[0] != i:
            a, b = self.bounds[i]
            samples = np.array(self.speech.read(a, b), dtype=np.float32)  # a copy: never the caller's own array
            samples.flags.writeable = False
            self._last = (i, samples)
        return self._last[1]


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


def combined_loudness(segments: Segments, cache: SegmentCache, steps: int | list[int], ceiling: float) -> float:
    """Return the narration's loudness with each segment at its grid gain, gating all their blocks together."""
    count = len(segments.ids)
    steps = steps if isinstance(steps, list) else [steps] * count
    parts = [segment_energies(segments, cache, i, steps[i], ceiling) for i in range(count)]
    return gated_loudness(np.concatenate(parts) if parts else np.zeros(0))


def segment_step(segments: Segments, cache: SegmentCache, i: int, aim: float, ceiling: float) -> int:
    """Return the grid gain that brings segment i nearest `aim` after the limiter (0 for silence).

    Each sentence is evened out on its own, so an edit changes no other sentence's gain. Gain alone
    would reach the aim at (aim - its loudness); the limiter may ask for more, but never more than
    MAX_LIMITING_DB more: a sentence too peaky to get there is left a little quieter, not crushed.
    Loudness grows with gain, so this bisects that range of the grid: a pure function of the segment.
    """
    seg, rate = segments.ids[i], segments.speech.sample_rate

    def find():
        lead_in = np.zeros(int(round(LEAD_IN * rate)))
        raw = gated_loudness(block_energies(np.concatenate((lead_in, k_weighted(segments.samples(i), rate))),
                                            rate, whole=True))
        if not np.isfinite(raw):
            return np.array([0])  # silence stays silence at any gain

        def at(step: int) -> float:
            return gated_loudness(segment_energies(segments, cache, i, step, ceiling))

        low = int(np.floor((aim - raw) / STEP_DB)) - 1  # the limiter only takes loudness away: not enough here
        high = low + int(round(MAX_LIMITING_DB / STEP_DB)) + 1
        if at(high) <= aim:
            return np.array([high])
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if at(middle) <= aim else (low, middle)
        return np.array([high if abs(at(high) - aim) < abs(aim - at(low)) else low])

    return int(cache.get(f"{seg}.{ceiling:.3f}.{aim:.3f}.step", seg, find)[0])


def segment_steps(segments: Segments, cache: SegmentCache, aim: float, ceiling: float) -> list[int]:
    """Return every segment's grid gain for `aim`."""
    return [segment_step(segments, cache, i, aim, ceiling) for i in range(len(segments.ids))]


def normalise(speech: Speech, target_lufs: float = TARGET_LUFS, ceiling_dbtp: float = LIMIT_DBTP,
              starts: list[int] | None = None, cache: SegmentCache | None = None) -> Speech:
    """Bring each segment (sentence) to `target_lufs` with true peaks under the ceiling (gain, then limiter)."""
    segments = Segments(speech, starts)
    cache = cache if cache is not None else SegmentCache()
    steps = segment_steps(segments, cache, target_lufs, ceiling_dbtp)
    pieces = [limited(segments, cache, i, step, ceiling_dbtp) for i, step in enumerate(steps)]
    return Speech(np.concatenate(pieces), speech.sample_rate) if pieces else speech


@cache
def encoder_extra(sample_rate: int, bitrate_kbps: int) -> int:
    """Return how many samples longer than its input (whole frames long) a decoded MP3 is: LAME's delay and flush."""
    frame = mp3_frame(sample_rate)
    extras = {len(decode_mp3(encode_mp3(Speech(np.zeros(n * frame, np.float32), sample_rate), bitrate_kbps)).samples)
              - n * frame for n in (4, 7)}
    return extras.pop() if len(extras) == 1 else -1  # -1: not a fixed amount, so segments are not joined


def joinable(segments: Segments, bitrate_kbps: int) -> bool:
    """Tell whether the segments can be encoded one by one and joined without moving a sample of speech.

    Each must be whole MP3 frames long (handouts/audio/sound.py `assemble` makes them so) and, except the last,
    end in enough digital silence to take away what the encoder adds (about 52 ms).
    """
    rate = segments.speech.sample_rate
    frame, extra = mp3_frame(rate), encoder_extra(rate, bitrate_kbps)
    if extra <= 0 or extra % frame:
        return False
    for i, (a, b) in enumerate(segments.bounds):
        last = i == len(segments.bounds) - 1
        if (b - a) % frame or not last and (b - a < extra or segments.speech.read(b - extra, b).any()):
            return False
    return True


def heard(segments: Segments, cache: SegmentCache, i: int, step: int, ceiling: float,
          bitrate_kbps: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Return segment i encoded on its own (its MP3 frames, as bytes in an array), and its decoded loudness
    blocks and true peak.

    All but the last lose the silence the encoder adds back, so the joined frames keep the narration's timing.
    """
    seg, rate = segments.ids[i], segments.speech.sample_rate
    last = i == len(segments.ids) - 1
    key = f"{seg}.{ceiling:.3f}.{step}.{bitrate_kbps}{'.end' if last else ''}"

    def encode():
        ready = limited(segments, cache, i, step, ceiling)
        if not last:
            ready = ready[:len(ready) - encoder_extra(rate, bitrate_kbps)]
        return np.frombuffer(encode_mp3(Speech(ready, rate), bitrate_kbps), dtype=np.uint8)

    mp3 = cache.get(key + ".mp3", seg, encode)  # not copied to bytes: joined once, at the end

    def measure():
        decoded = decode_mp3(mp3.tobytes(), rate).samples
        lead_in = np.zeros(int(round(LEAD_IN * rate)))
        energies = block_energies(np.concatenate((lead_in, k_weighted(decoded, rate))), rate, whole=True)
        peak = float(true_peak_envelope(decoded).max()) if len(decoded) else 0.0
        return np.concatenate(([peak], energies))

    measured = cache.get(key + ".heard", seg, measure)
    return mp3, measured[1:], float(measured[0])


def master(speech: Speech, target_lufs: float = TARGET_LUFS, ceiling_dbtp: float = CEILING_DBTP,
           bitrate_kbps: int = BITRATE_KBPS, starts: list[int] | None = None,
           cache: SegmentCache | Path | None = None) -> bytes:
    """Return the narration as MP3 whose decoded audio meets the loudness target and the true-peak ceiling.

    `starts` are the sample offsets where segments (sentences) begin; `cache` keeps their analyses.
    When the segments allow it, each is encoded on its own and the frames are joined: an edit then
    encodes and checks only the changed sentence (unless the gain for the whole narration moved).
    """
    return b"".join(master_frames(speech, target_lufs, ceiling_dbtp, bitrate_kbps, starts, cache))


def master_frames(speech: Speech, target_lufs: float = TARGET_LUFS, ceiling_dbtp: float = CEILING_DBTP,
                  bitrate_kbps: int = BITRATE_KBPS, starts: list[int] | None = None,
                  cache: SegmentCache | Path | None = None) -> list:
    """Return `master`'s MP3 in pieces (bytes-like, each whole frames), for the caller to join once with
    what goes before them (the tags): a long narration's MP3 is then copied once, not once per step."""
    if not isinstance(cache, SegmentCache):
        cache = SegmentCache(cache)
    segments = Segments(speech, starts)
    if len(segments.ids) > 1 and joinable(segments, bitrate_kbps):
        frames = _master_joined(segments, cache, target_lufs, ceiling_dbtp, bitrate_kbps)
        cache.save()
        return frames
    return [_master_whole(speech, target_lufs, ceiling_dbtp, bitrate_kbps, starts, cache)]


def _master_joined(segments: Segments, cache: SegmentCache, target_lufs: float, ceiling_dbtp: float,
                   bitrate_kbps: int) -> list[np.ndarray]:
    """Master segment by segment; return each segment's frames, in order."""
    aim_lufs, aim_ceiling = target_lufs - ENCODER_GAIN_DB, LIMIT_DBTP
    for _ in range(3):
        steps = segment_steps(segments, cache, aim_lufs, aim_ceiling)
        frames, energies, top = [], [], 0.0
        for i, step in enumerate(steps):
            mp3, blocks, peak = heard(segments, cache, i, step, aim_ceiling, bitrate_kbps)
            frames.append(mp3)
            energies.append(blocks)
            top = max(top, peak)
        reached = gated_loudness(np.concatenate(energies))
        peak = 20 * np.log10(top) if top > 0 else float("-inf")
        if not np.isfinite(reached) or (abs(reached - target_lufs) <= 0.25 and peak <= ceiling_dbtp - 0.1):
            break
        # The encoder changes level and adds overshoot: aim again by what was heard (the limiter held the
        # peaks at the aimed ceiling before encoding).
        level = reached - combined_loudness(segments, cache, steps, aim_ceiling)
        overshoot = peak - aim_ceiling - level
        # On a 0.05 LU grid, like the ceiling's: the next build re-aims the same way and reuses the analyses.
        aim_lufs = round((target_lufs - level) / 0.05) * 0.05
        aim_ceiling = np.floor(min(ceiling_dbtp - 0.3 - level - overshoot, ceiling_dbtp) * 10) / 10
    return frames  # as the cache holds them: joined once, by the caller


def _master_whole(speech: Speech, target_lufs: float, ceiling_dbtp: float, bitrate_kbps: int,
                  starts: list[int] | None, cache: SegmentCache) -> bytes:
    """Master, encode and check the narration in one piece, made, encoded and measured a segment at a time
    (as `normalise` makes it, but never whole in memory: decoded, filtered or oversampled)."""
    segments, rate = Segments(speech, starts), speech.sample_rate
    aim_lufs, aim_ceiling = target_lufs - ENCODER_GAIN_DB, LIMIT_DBTP
    for _ in range(3):
        steps = segment_steps(segments, cache, aim_lufs, aim_ceiling)
        encoder, ready, mp3 = mp3_encoder(rate, bitrate_kbps), Meter(rate), bytearray()
        for i, step in enumerate(steps):
            piece = limited(segments, cache, i, step, aim_ceiling)
            mp3 += encoder.encode(pcm16(piece))
            ready.add(piece)
        mp3 += encoder.flush()
        mp3 = bytes(mp3)
        heard = Meter(mp3_sample_rate(mp3))
        for piece in decode_mp3_pieces(mp3):
            heard.add(piece)
        reached, peak = heard.result()
        if not np.isfinite(reached) or (abs(reached - target_lufs) <= 0.25 and peak <= ceiling_dbtp - 0.1):
            break
        # The encoder changes level and adds overshoot; measure both on what a listener hears and aim again.
        before, before_peak = ready.result()
        level = reached - before
        overshoot = peak - before_peak - level
        aim_lufs = target_lufs - level
        # On a 0.1 dB grid, rounded down: the next build re-aims the same way and reuses the analyses.
        aim_ceiling = np.floor(min(ceiling_dbtp - 0.3 - level - overshoot, ceiling_dbtp) * 10) / 10
    cache.save()
    return mp3
