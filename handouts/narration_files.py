"""Make one handout's listening files: the tagged, loudness-normalised MP3 and its WebVTT captions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .audio import decode_mp3, master
from .audio_tags import build_date, tag_mp3
from .captions import webvtt
from .config import Config
from .files import write_atomic
from .model import Handout
from .narration import Narration, narrate, spoken_script
from .playlist import PLAYLIST_NAME, playlist
from .speech import get_engine
from .speech_cache import SpeechCache


@dataclass
class NarrationFiles:
    """What was written for one handout's narration, and how long it plays."""

    outputs: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0
    synthesised: list[str] = field(default_factory=list)  # spoken texts not found in the cache


def choose_voice(handout: Handout, config: Config, voice: str | None = None) -> str:
    """Return the engine for this handout: the command line, else its front matter, else the project."""
    return voice or handout.meta.voice or config.voice


def build_narration(handout: Handout, config: Config, out: Path, voice: str | None = None) -> NarrationFiles:
    """Speak the handout with one engine, master it, and write SLUG.mp3 and SLUG.vtt."""
    # One engine for the whole handout: every sentence comes from the same voice, never a mix.
    engine = get_engine(choose_voice(handout, config, voice), handout.meta.language)
    cache = SpeechCache(out / ".cache" / "speech")
    narration = narrate(spoken_script(handout, config), engine, cache)
    mp3 = tag_mp3(master(narration.speech), **_tags(handout, config, narration, engine.voice_id()))
    slug = handout.meta.slug
    files = NarrationFiles(synthesised=list(cache.misses))
    # The encoder pads a little; the captions and chapters follow the speech, which starts at 0.
    files.seconds = decode_mp3(mp3).seconds
    files.outputs["mp3"] = write_atomic(out / f"{slug}.mp3", mp3)
    files.outputs["captions"] = write_atomic(out / f"{slug}.vtt", webvtt(narration.cues, handout.meta.title))
    return files


def _tags(handout: Handout, config: Config, narration: Narration, voice_id: str) -> dict:
    """Return the ID3 tag values for one handout."""
    meta = handout.meta
    comment = f"Plain-language health handout from {config.clinic_name}. Voice: {voice_id}."
    if meta.reviewed:
        comment += f" Reviewed by {meta.reviewed_by} on {meta.reviewed_on}."
    return dict(title=meta.title, artist=config.clinic_name, album=config.collection, language=meta.language,
                date=build_date(meta.reviewed_on), comment=comment, transcript=narration.transcript,
                chapters=narration.chapters)


def write_playlist(out: Path) -> Path:
    """Write build/playlist.m3u8 listing every narration in the output folder."""
    return write_atomic(Path(out) / PLAYLIST_NAME, playlist(out))
