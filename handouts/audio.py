"""Assemble sentence audio into a narration and encode it as MP3, in-process (no ffmpeg)."""

from __future__ import annotations

import numpy as np

from .speech import Speech

BITRATE_KBPS = 64


def silence(seconds: float, sample_rate: int) -> np.ndarray:
    """Return `seconds` of silence."""
    return np.zeros(int(round(seconds * sample_rate)), dtype=np.float32)


def join(parts: list[tuple[Speech, float]], sample_rate: int) -> Speech:
    """Join speech segments, each followed by its pause in seconds."""
    pieces = []
    for speech, pause in parts:
        pieces.append(speech.samples)
        pieces.append(silence(pause, sample_rate))
    samples = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
    return Speech(samples, sample_rate)


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
