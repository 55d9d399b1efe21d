"""Make the accessible HTML version of a handout (screen readers cannot use ReportLab's untagged PDF)."""

from __future__ import annotations

from dataclasses import dataclass

from handouts.config import Config
from handouts.language.labels import words_for
from handouts.render.page_facts import contact_lines, is_draft, version_date, version_text
from handouts.model import Handout
from handouts.templates import render

TEMPLATE = "handout.html.j2"


@dataclass(frozen=True)
class Media:
    """The narration files beside the HTML page (relative names), or empty when there are none."""

    audio: str = ""
    captions: str = ""


def media_for(handout: Handout, audio: bool, captions: bool) -> Media:
    """Return the relative names of the MP3 and captions the page should point to."""
    slug = handout.meta.slug
    return Media(audio=f"{slug}.mp3" if audio else "", captions=f"{slug}.vtt" if audio and captions else "")


def build_html(handout: Handout, config: Config, audio: bool = False, captions: bool = False) -> str:
    """Return the handout as one self-contained HTML page (Jinja2 autoescapes every user text)."""
    return render(
        TEMPLATE,
        handout=handout,
        meta=handout.meta,
        clinic_name=config.clinic_name,
        contacts=contact_lines(handout, config),
        draft=is_draft(handout),
        media=media_for(handout, audio, captions),
        version=version_text(handout, config),
        version_iso=version_date(handout, config).isoformat(),
        labels=words_for(handout.meta.language),
    )
