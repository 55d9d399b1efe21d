"""The build pipeline: read sources -> plain-language sections -> print, audio -> write."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .audio import encode_mp3
from .config import Config
from .errors import HandoutError
from .files import write_atomic
from .narration import narrate, spoken_script
from .pdf import LARGE, STANDARD, build_pdf
from .sources import SOURCE_SUFFIXES, read_source
from .speech import get_engine
from .speech_cache import SpeechCache


@dataclass
class BuildResult:
    """What one handout's build made, or why it failed."""

    source: Path
    slug: str = ""
    outputs: dict[str, Path] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    audio_seconds: float = 0.0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def find_sources(config: Config) -> list[Path]:
    """Return every source text in the content folder, in name order."""
    folder = config.root / config.content_dir
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith("."))


def output_dir(config: Config) -> Path:
    """Return the folder outputs go to."""
    return config.root / config.out_dir


def build_handout(source: Path, config: Config, voice: str | None = None, audio: bool = True) -> BuildResult:
    """Build every output of one source; errors become the result's one-line message."""
    started = time.perf_counter()
    result = BuildResult(source=Path(source))
    try:
        handout = read_source(source, config.language)
        result.slug = handout.meta.slug
        out = output_dir(config)
        for size in (STANDARD, LARGE):
            data, pages = build_pdf(handout, config, size)
            key = "pdf" if size is STANDARD else "large-print pdf"
            result.outputs[key] = write_atomic(out / f"{handout.meta.slug}{size.suffix}.pdf", data)
            result.pages[key] = pages
        if audio:
            engine = get_engine(voice or handout.meta.voice or config.voice, handout.meta.language)
            cache = SpeechCache(out / ".cache" / "speech")
            speech = narrate(spoken_script(handout, config), engine, cache)
            result.outputs["mp3"] = write_atomic(out / f"{handout.meta.slug}.mp3", encode_mp3(speech))
            result.audio_seconds = speech.seconds
    except HandoutError as e:
        if e.path is None:
            e.path = str(source)
        result.error = str(e)
    result.seconds = time.perf_counter() - started
    return result


def build_all(config: Config, sources: list[Path] | None = None, voice: str | None = None,
              audio: bool = True) -> list[BuildResult]:
    """Build every handout (or the given ones); one failure does not stop the others."""
    sources = find_sources(config) if sources is None else sources
    return [build_handout(s, config, voice, audio) for s in sources]
