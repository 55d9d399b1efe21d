"""Make the accessible HTML version of a handout (screen readers cannot use ReportLab's untagged PDF)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import cache

from handouts.config import Config
from handouts.language.labels import words_for
from handouts.render.fonts import FAMILY, font_files
from handouts.render.coverage import text_direction
from handouts.render.page_facts import contact_lines, is_draft, review_text, version_date, version_text
from handouts.model import Block, Handout, list_nests
from handouts.templates import render

TEMPLATE = "handout.html.j2"


@dataclass(frozen=True)
class Media:
    """The narration files beside the HTML page (relative names), or empty when there are none."""

    audio: str = ""
    captions: str = ""


@dataclass(frozen=True)
class FontFace:
    """One face of the page's font, carried inside the page as a data: URL."""

    family: str
    weight: str  # "normal" or "bold"
    url: str


@cache
def font_faces() -> tuple[FontFace, ...]:
    """Return the regular and bold Atkinson Hyperlegible TTFs as data: URLs for the page's @font-face.

    Carried inside the page, the font goes wherever the page goes (mailed, uploaded to a clinic's
    website, copied without its folder) and needs no shared file in the build folder. The two
    faces add about 145 kB to each page: less than one photograph."""
    faces = []
    for weight, path in font_files().items():
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        faces.append(FontFace(FAMILY, weight, f"data:font/ttf;base64,{data}"))
    return tuple(faces)


def media_for(handout: Handout, audio: bool, captions: bool) -> Media:
    """Return the relative names of the MP3 and captions the page should point to."""
    slug = handout.meta.slug
    return Media(audio=f"{slug}.mp3" if audio else "", captions=f"{slug}.vtt" if audio and captions else "")


def cue_data(cues) -> list[dict]:
    """Return the caption cues (with .start, .end, .lines) as plain data for the page's caption area."""
    return [{"start": round(c.start, 3), "end": round(c.end, 3), "lines": list(c.lines)} for c in cues]


def html_blocks(blocks: list[Block]) -> list[dict]:
    """Return a section's blocks for the page: each list's items with the list set in under one of them, nested in
    that item (<li>...<ul>), and the outer list's items after it in the same list, as a screen reader expects."""
    out: list[dict] = []
    for outer, *rest in list_nests(blocks):
        entry = {"kind": outer.kind, "entries": [{"sentences": item, "lists": []} for item in outer.items],
                 "sentences": outer.sentences}
        for block in rest:
            entries = [{"sentences": item, "lists": []} for item in block.items]
            if block.level:
                entry["entries"][-1]["lists"].append({"kind": block.kind, "entries": entries})
            else:
                entry["entries"] += entries  # the outer list goes on
        out.append(entry)
    return out


def build_html(handout: Handout, config: Config, audio: bool = False, captions: bool = False, cues=()) -> str:
    """Return the handout as one self-contained HTML page (Jinja2 autoescapes every user text).

    `cues`: the captions' cues, embedded in the page so its caption area works opened from file://,
    where Chromium will not load the .vtt (and an <audio> element never draws cues anyway)."""
    media = media_for(handout, audio, captions)
    return render(
        TEMPLATE,
        handout=handout,
        meta=handout.meta,
        clinic_name=config.clinic_name,
        contacts=contact_lines(handout, config),
        draft=is_draft(handout),
        reviewed=review_text(handout),
        direction=text_direction(handout.meta.language),
        media=media,
        cues=cue_data(cues) if media.captions else [],
        version=version_text(handout, config),
        version_iso=version_date(handout, config).isoformat(),
        labels=words_for(handout.meta.language),
        fonts=font_faces(),
        laid_out=html_blocks,
    )
