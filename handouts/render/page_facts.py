"""Facts both printed forms (PDF and HTML) show besides the text: draft notice, call to action,
version date and the public audio address."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from handouts.config import Config
from handouts.language.labels import is_english, words_for
from handouts.model import Handout

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass(frozen=True)
class ContactLine:
    """One line of the call-to-action box: a label, a value, and a link for the HTML."""

    label: str
    value: str
    href: str = ""


def is_draft(handout: Handout) -> bool:
    """Return True until a reviewer's sign-off holds for the handout's exact words (handouts/review/)."""
    return not handout.meta.reviewed


def review_text(handout: Handout) -> str:
    """Return "Reviewed by Dr. Lee on March 1, 2026" for a signed handout, or "" for a draft."""
    meta = handout.meta
    if not meta.reviewed:
        return ""
    try:
        day = dt.date.fromisoformat(meta.reviewed_on)
        date = f"{_MONTHS[day.month - 1]} {day.day}, {day.year}" if is_english(meta.language) else day.isoformat()
    except ValueError:
        date = meta.reviewed_on
    return words_for(meta.language)["reviewed"].format(name=meta.reviewed_by, date=date)


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
