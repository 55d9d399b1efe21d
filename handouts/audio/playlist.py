"""An M3U8 playlist of every narration in the output folder, for looping in a waiting room."""

from __future__ import annotations

import math
from pathlib import Path

PLAYLIST_NAME = "playlist.m3u8"


def read_track(mp3: Path) -> tuple[str, float, list[dict]] | None:
    """Return an MP3's title, length (seconds) and chapters ({"start", "title"}) as its tags record them;
    None when it is not readable."""
    from mutagen import MutagenError
    from mutagen.mp3 import MP3

    try:
        audio = MP3(mp3)
    except (MutagenError, OSError):
        return None
    tags = audio.tags
    title = str(tags["TIT2"]) if tags and "TIT2" in tags else mp3.stem
    chapters = []
    for chap in sorted(tags.getall("CHAP") if tags else [], key=lambda c: c.start_time):
        name = chap.sub_frames.get("TIT2")
        chapters.append({"start": round(chap.start_time / 1000, 3), "title": " ".join(str(name).split()) if name else ""})
    return " ".join(title.split()), audio.info.length, chapters


def playlist(folder: Path, names: list[str] | None = None) -> str:
    """Return M3U8 text listing the named MP3s in `folder` (default: each one there) by relative path,
    in name order, each with #EXTINF (its length in seconds and its title)."""
    lines = ["#EXTM3U"]
    mp3s = sorted(Path(folder).glob("*.mp3")) if names is None else sorted(Path(folder) / n for n in names)
    for mp3 in mp3s:
        if mp3.name.startswith("."):
            continue  # a half-written temporary file
        track = read_track(mp3)
        if track is None:
            continue
        title, seconds, _ = track
        lines += [f"#EXTINF:{math.ceil(seconds)},{title}", mp3.name]  # whole seconds, rounded up
    return "\n".join(lines) + "\n"
