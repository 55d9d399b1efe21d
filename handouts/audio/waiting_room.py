"""The waiting-room screen: one page that plays every handout's narration in turn, forever, with its
title, the current section and large captions on screen.

It is one self-contained file beside the MP3s (build/waiting-room.html): the cues and section times
are in the page itself, because a page opened from a folder (file://) may play the MP3s beside it but
may not load a .vtt, and no server or network is needed.
"""

from __future__ import annotations

from pathlib import Path

from handouts.audio.captions import read_webvtt
from handouts.audio.playlist import read_track
from handouts.files import write_atomic
from handouts.templates import render

PAGE_NAME = "waiting-room.html"
# Chromium in kiosk mode, allowed to play sound without a click: the screen starts on its own after a restart.
KIOSK_COMMAND = ("chromium --kiosk --autoplay-policy=no-user-gesture-required --noerrdialogs "
                 "--disable-session-crashed-bubble --disable-infobars file:///PATH/TO/build/waiting-room.html")


def waiting_room_items(out: Path, slugs: list[str]) -> list[dict]:
    """Return what the page plays, in order: each handout's MP3, title, sections and caption cues."""
    items = []
    for slug in slugs:
        mp3, vtt = Path(out) / f"{slug}.mp3", Path(out) / f"{slug}.vtt"
        if not mp3.is_file():
            continue
        title, seconds, sections = read_track(mp3) or (mp3.stem, 0.0, [])
        try:
            cues = read_webvtt(vtt.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            cues = []
        items.append({"src": mp3.name, "title": title, "seconds": round(seconds, 3), "sections": sections,
                      "cues": [{"start": round(c.start, 3), "end": round(c.end, 3), "lines": list(c.lines)}
                               for c in cues]})
    return items


def write_waiting_room(out: Path, slugs: list[str], left_out: list[str]) -> Path:
    """Write build/waiting-room.html for these handouts (only when it changed)."""
    path = Path(out) / PAGE_NAME
    text = render("waiting_room.html.j2", items=waiting_room_items(out, slugs), left_out=left_out)
    try:
        if path.read_text(encoding="utf-8") == text:
            return path
    except (OSError, UnicodeDecodeError):
        pass
    return write_atomic(path, text)
