"""Render one handout's listening files from its narration: the tagged, mastered MP3 and WebVTT captions;
and the playlist of every narration in the output folder."""

from __future__ import annotations

from pathlib import Path

from handouts.audio.tags import build_date, id3_tag
from handouts.audio.captions import Spoken, caption_cues, list_groups, voiced_onset, webvtt
from handouts.config import Config
from handouts.files import write_atomic
from handouts.audio.mastering import master_frames
from handouts.model import Handout
from handouts.audio.narration import Narration, Script
from handouts.audio.playlist import PLAYLIST_NAME, playlist
from handouts.speech import Engine


def narration_mp3(handout: Handout, config: Config, narration: Narration, engine: Engine,
                  cache: Path | None = None) -> bytes:
    """Return the narration as MP3 at -16 LUFS and under -1 dBTP, with ID3v2.4 tags, transcript and chapters.

    `cache`: the file keeping each sentence's mastering analysis, so an edit re-measures only what changed.
    """
    meta = handout.meta
    comment = f"Plain-language health handout from {config.clinic_name}. Voice: {engine.voice_id()}."
    if meta.reviewed:
        comment += f" Reviewed by {meta.reviewed_by} on {meta.reviewed_on}."
    starts = [round(cue.start * narration.sample_rate) for cue in narration.cues]  # one segment a sentence
    frames = master_frames(narration.speech, starts=starts, cache=cache)
    tag = id3_tag(sum(len(f) for f in frames), title=meta.title, artist=config.clinic_name, album=config.collection,
                  language=meta.language, date=build_date(meta.reviewed_on), comment=comment,
                  transcript=narration.transcript, chapters=narration.chapters)
    return b"".join([tag, *frames])  # one copy of a long narration's MP3 (as tag_mp3 makes it)


def narration_captions(handout: Handout, narration: Narration, script: Script | None = None) -> str:
    """Return WebVTT captions: the lines as written, in cues of at most 2 lines, timed where they are spoken."""
    groups = list_groups(handout, script) if script is not None else [None] * len(narration.cues)
    spoken = [Spoken(c.start, c.end, c.text, g, voiced_onset(narration.speech, narration.sample_rate, c.start, c.end))
              for c, g in zip(narration.cues, groups)]
    return webvtt(caption_cues(spoken, narration.seconds), handout.meta.title)


def write_playlist(out: Path, names: list[str] | None = None) -> Path:
    """Write build/playlist.m3u8 listing the named narrations (default: all in the folder), only when it changed."""
    path, text = Path(out) / PLAYLIST_NAME, playlist(out, names)
    try:
        if path.read_text(encoding="utf-8") == text:
            return path  # an unchanged build leaves every file untouched
    except (OSError, UnicodeDecodeError):
        pass
    return write_atomic(path, text)
