"""Load the piper voice in a helper process while the build rewrites the text, then speak through it.

After an edit the build learns which sentence to say only at the end of the plain-language stage,
and loading the voice then is a third of a second more on the way to the new MP3. So when a source
that was built before has changed, the build starts this helper first: the voice loads on another
core meanwhile. The helper runs the same engine code, so what it says is bit for bit what the build
would say itself; if it fails in any way the build speaks in-process instead.

Protocol on the helper's stdin/stdout: one JSON string (the text) a line in; per line out, an 8-byte
little-endian length and that many bytes of float32 samples (length -1: it could not say it).
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np

from handouts.speech.piper_engine import PiperEngine

PACKAGE_PARENT = Path(__file__).resolve().parent.parent.parent


class VoiceHelper:
    """The parent's side: a running helper process with the piper voice (loaded or loading)."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.spoken = 0  # sentences said through the helper (for tests and reports)

    @classmethod
    def start(cls) -> VoiceHelper | None:
        """Start a helper that loads the voice at once; None when it cannot be started."""
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [str(PACKAGE_PARENT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))
        try:
            process = subprocess.Popen([sys.executable, "-m", "handouts.speech.voice_helper"], env=env,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:
            return None
        return cls(process)

    def speak(self, text: str) -> np.ndarray:
        """Return the samples of `text` said by the helper; raise OSError when it cannot."""
        try:
            self.process.stdin.write(json.dumps(text).encode("utf-8") + b"\n")
            self.process.stdin.flush()
            size = struct.unpack("<q", _read(self.process.stdout, 8))[0]
        except (OSError, ValueError, struct.error) as e:
            raise OSError(f"voice helper: {e}") from e
        if size < 0:
            raise OSError("voice helper could not say it")
        samples = np.frombuffer(_read(self.process.stdout, size), dtype=np.float32).copy()
        self.spoken += 1
        return samples

    def close(self) -> None:
        """Stop the helper: closing its input ends it (not waited for: its exit takes 60 ms, the build need not)."""
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass


def _read(stream, size: int) -> bytes:
    """Read exactly `size` bytes; raise OSError at an early end (the helper died)."""
    data = stream.read(size)
    if len(data) != size:
        raise OSError("voice helper ended")
    return data


def main() -> None:
    """Load the voice, then say each line of stdin until it closes."""
    engine = PiperEngine()
    engine._load()  # now, while the parent rewrites the text: that is what the helper is for
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        try:
            data = engine.speak(json.loads(line)).samples.astype(np.float32).tobytes()
            out.write(struct.pack("<q", len(data)) + data)
        except Exception:  # the parent speaks it itself
            out.write(struct.pack("<q", -1))
        out.flush()


if __name__ == "__main__":
    main()
