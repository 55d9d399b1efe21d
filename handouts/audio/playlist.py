"""An M3U8 playlist of every narration in the output folder, for looping in a waiting room."""

from __future__ import annotations

import math
from pathlib import Path

PLAYLIST_NAME = "playlist.m3u8"


def _track(mp3: Path) -> tuple[int, str] | None:
    """Return the duration (whole seconds, rounded up) and title of one MP3; None if it is not readable."""
    from mutagen import MutagenError
    from mutagen.mp3 import MP3

    try:
        audio = MP3(mp3)
    except (MutagenError, OSError):
        return None
    title = str(audio.tags["TIT2"]) if audio.tags and "TIT2" in audio.tags else mp3.stem
    return math.ceil(audio.info.length), " ".join(title.split())


def playlist(folder: Path, names: list[str] | None = None) -> str:
    """Return M3U8 text listing the named MP3s in `folder` (default: each one there) by relative path,
    in name order, each with #EXTINF (its length in seconds and its title)."""
    lines = ["#EXTM3U"]
    mp3s = sorted(Path(folder).glob("*.mp3")) if names is None else sorted(Path(folder) / n for n in names)
    for mp3 in mp3s:
        if mp3.name.startswith("."):
            continue  # a half-written temporary file
        track = _track(mp3)
        if track is None:
            continue
        seconds, title = track
        lines += [f"#EXTINF:{seconds},{title}", mp3.name]
    return "\n".join(lines) + "\n"
