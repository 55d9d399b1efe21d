"""Words and facts both printed forms (PDF and HTML) show: draft notice, call to action,
version date and the public audio address."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import cache

from .config import Config
from .model import Handout

@cache
def _table() -> tuple[tuple[str, ...], dict[str, dict[str, str]]]:
    """Read data/labels.tsv: (language codes, {label: {language: words}})."""
    from .lexicon import data_rows

    rows = [fields for _, fields in data_rows("labels.tsv")]
    languages = tuple(rows[0][1:])
    return languages, {r[0]: {lang: text for lang, text in zip(languages, r[1:]) if text} for r in rows[1:]}


def base_language(language: str) -> str:
    """Return the main part of a language tag ("en-US" -> "en")."""
    return language.replace("_", "-").split("-")[0].lower()


def is_english(language: str) -> bool:
    """Tell whether a handout's language tag ('en', 'en-US') is English, the language the rules are for."""
    return base_language(language) in ("en", "")


def has_labels(language: str) -> bool:
    """Tell whether the handouts' own words (Key points, Questions? ...) exist in this language."""
    return base_language(language) in _table()[0]


def words_for(language: str) -> dict[str, str]:
    """Return every label in a handout's language, English where that language has none."""
    code = base_language(language)
    return {key: texts.get(code) or texts["en"] for key, texts in _table()[1].items()}


DRAFT_NOTICE = words_for("en")["draft"]
KEY_POINTS = words_for("en")["key_points"]
WORDS_TO_KNOW = words_for("en")["words_to_know"]
CALL_TO_ACTION = words_for("en")["call_to_action"]
SCAN_TO_LISTEN = words_for("en")["scan_to_listen"]
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass(frozen=True)
class ContactLine:
    """One line of the call-to-action box: a label, a value, and a link for the HTML."""

    label: str
    value: str
    href: str = ""


def is_draft(handout: Handout) -> bool:
    """Return True until the front matter records who reviewed the handout and when."""
    return not handout.meta.reviewed


def version_date(handout: Handout, config: Config) -> dt.date:
    """Return the footer's version date: configured, else the source's last change, else today."""
    if config.version_date:
        return dt.date.fromisoformat(config.version_date)
    source = handout.meta.source
    if source is not None and os.path.exists(source):
        return dt.datetime.fromtimestamp(os.path.getmtime(source), dt.timezone.utc).date()
    if handout.meta.reviewed_on:
        try:
            return dt.date.fromisoformat(handout.meta.reviewed_on)
        except ValueError:
            pass
    # SOURCE_DATE_EPOCH keeps reproducible builds reproducible when nothing else gives a date.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return now.date()


def version_text(handout: Handout, config: Config) -> str:
    """Return "Version: November 25, 2026" (ISO date outside English, where month names differ)."""
    day = version_date(handout, config)
    date = f"{_MONTHS[day.month - 1]} {day.day}, {day.year}" if is_english(handout.meta.language) else day.isoformat()
    return words_for(handout.meta.language)["version"].format(date=date)


def audio_url(handout: Handout, config: Config) -> str:
    """Return the public address of the handout's MP3, or "" when none is configured."""
    base = config.audio_base_url.strip()
    return f"{base.rstrip('/')}/{handout.meta.slug}.mp3" if base else ""


def contact_lines(handout: Handout, config: Config) -> list[ContactLine]:
    """Return the call-to-action lines: clinic phone, website, help lines, audio link."""
    lines, say = [], words_for(handout.meta.language)
    if config.clinic_phone:
        lines.append(ContactLine(say["call"].format(clinic=config.clinic_name), config.clinic_phone,
                                 _tel(config.clinic_phone)))
    if config.clinic_website:
        lines.append(ContactLine(say["website"], config.clinic_website, _web(config.clinic_website)))
    for help_line in config.help_line_list():
        lines.append(ContactLine(help_line.name, help_line.phone, _tel(help_line.phone)))
    url = audio_url(handout, config)
    if url:
        lines.append(ContactLine(say["listen"], url, _web(url)))
    return lines


def _tel(phone: str) -> str:
    """Return a tel: link for a phone number (digits and a leading + only)."""
    digits = "".join(c for c in phone if c.isdigit() or c == "+")
    return f"tel:{digits}" if digits else ""


def _web(address: str) -> str:
    """Return a web link; addresses written without a scheme get https://."""
    if address.startswith(("http://", "https://")):
        return address
    return "" if ":" in address.split("/")[0] else f"https://{address}"
