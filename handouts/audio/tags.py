"""Write ID3v2.4 tags into the narration MP3: title, clinic, collection, language, date, transcript, chapters."""

from __future__ import annotations

import io
import os
import time

from handouts.language.labels import base_language

# ISO 639-1 -> ISO 639-2 (ID3's TLAN and USLT want three letters); the languages the engines speak most.
_LANG3 = {"en": "eng", "es": "spa", "fr": "fra", "de": "deu", "it": "ita", "pt": "por", "nl": "nld",
          "pl": "pol", "ru": "rus", "uk": "ukr", "zh": "zho", "ja": "jpn", "ko": "kor", "ar": "ara",
          "hi": "hin", "vi": "vie", "tl": "tgl", "fa": "fas", "tr": "tur", "so": "som", "ht": "hat"}


def language_code(language: str) -> str:
    """Return the three-letter code ID3 wants for an ISO language tag ("en-US" -> "eng")."""
    return _LANG3.get(base_language(language), "und")


def build_date(reviewed_on: str | None) -> str:
    """Return the date to tag: the review date, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if reviewed_on:
        return str(reviewed_on)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.strftime("%Y-%m-%d", time.gmtime(int(epoch) if epoch and epoch.isdigit() else None))


CTOC_ENTRIES = 255  # ID3's table of contents counts its entries in one byte: mutagen fails on the 256th


def _runs(chapters: list) -> list[list]:
    """Return the chapters one by one, or, when there are more than CTOC_ENTRIES, in even runs (each one chapter)."""
    size = max(1, -(-len(chapters) // CTOC_ENTRIES))
    return [chapters[i:i + size] for i in range(0, len(chapters), size)]


def tag_mp3(mp3: bytes, *, title: str, artist: str, album: str, language: str, date: str, comment: str,
            transcript: str, chapters: list) -> bytes:
    """Return `mp3` with ID3v2.4 tags, the full transcript (USLT) and one CHAP per chapter under a CTOC."""
    return b"".join((id3_tag(len(mp3), title=title, artist=artist, album=album, language=language, date=date,
                             comment=comment, transcript=transcript, chapters=chapters), mp3))


def id3_tag(audio_bytes: int, *, title: str, artist: str, album: str, language: str, date: str, comment: str,
            transcript: str, chapters: list) -> bytes:
    """Return the ID3v2.4 tag (see `tag_mp3`) that goes before `audio_bytes` bytes of MP3 frames.

    Made apart from the frames, so a long narration's MP3 is joined once, after its tag, and not copied to
    make room for it; the same bytes as saving into the MP3, padding included (mutagen's default for a file
    without a tag: 1 KiB + 0.1% of the audio).
    """
    from mutagen.id3 import CHAP, COMM, CTOC, ID3, TALB, TDRC, TIT2, TLAN, TPE1, USLT, CTOCFlags

    lang = language_code(language)
    tags = ID3()
    tags.add(TIT2(encoding=3, text=title))
    tags.add(TPE1(encoding=3, text=artist))
    tags.add(TALB(encoding=3, text=album))
    tags.add(TLAN(encoding=3, text=lang))
    tags.add(TDRC(encoding=3, text=date))
    tags.add(COMM(encoding=3, lang=lang, desc="", text=comment))
    tags.add(USLT(encoding=3, lang=lang, desc="transcript", text=transcript))
    ids = []
    for n, run in enumerate(_runs(chapters)):
        element = f"chp{n}"
        ids.append(element)
        tags.add(CHAP(element_id=element, start_time=int(round(run[0].start * 1000)),
                      end_time=int(round(run[-1].end * 1000)),
                      sub_frames=[TIT2(encoding=3, text=run[0].title)]))
    if ids:
        tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                      sub_frames=[TIT2(encoding=3, text=title)]))
    buffer = io.BytesIO()
    tags.save(buffer, v2_version=4, padding=lambda info: 1024 + audio_bytes // 1000)
    return buffer.getvalue()
