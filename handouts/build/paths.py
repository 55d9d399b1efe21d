"""Where a project's sources are and where its outputs and build files go."""

from __future__ import annotations

from pathlib import Path

from handouts.config import Config
from handouts.read.sources import SOURCE_SUFFIXES


def find_sources(config: Config) -> list[Path]:
    """Return every source text in the content folder, in name order."""
    folder = config.root / config.content_dir
    if not folder.is_dir():
        return []
    # "~$name.docx" is the lock file Word keeps beside a document while it is open: not a document.
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith((".", "~$")))


def output_dir(config: Config) -> Path:
    """Return the folder outputs go to."""
    return config.root / config.out_dir


def cache_dir(config: Config) -> Path:
    """Return the folder of the build's own files (manifest, lock, caches)."""
    return output_dir(config) / ".cache"


def source_key(config: Config, source: Path) -> str:
    """Return how the manifest names a source: relative to the project when inside it."""
    path = Path(source).resolve()
    try:
        return str(path.relative_to(Path(config.root).resolve()))
    except ValueError:
        return str(path)


def narration_files(folder: Path, slug: str) -> dict[str, bool]:
    """Return which narration files (MP3, WebVTT captions) exist beside the handout's HTML page."""
    return {ext: (Path(folder) / f"{slug}.{ext}").is_file() for ext in ("mp3", "vtt")}
