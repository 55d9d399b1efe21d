"""Recognise page furniture: date lines, reading times, bylines, 'Jump to', share buttons, ads and captions."""

from __future__ import annotations

import re


_FURNITURE = [
    r"^(?:published|updated|last updated|last reviewed|reviewed|posted)(?: on)?:?\s.*\b\d{4}\.?$",
    r"^(?:\d+\s*(?:-|–)?\s*(?:min|minute)s?\s+read|reading time:?.*)\.?$",
    r"^(?:jump to|skip to|table of contents|in this article|contents)\s*(?:a section)?:?\s*$",
    r"^by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:, [A-Z][A-Za-z.]{1,12}(?: [A-Z][A-Za-z.]{1,12}){0,2})*\.?$",  # "By Dana Lee, PharmD"
    r"^(?:medically |clinically )?(?:reviewed|fact[- ]checked) by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
    r"(?:, [A-Z][A-Za-z.]{1,7})*\.?$",
    r"^(?:share|print|email|tweet)(?: this)?(?: (?:article|page))?\.?$",
    r"^(?:advertisement|sponsored(?: content)?|skip (?:the )?ad)\.?$",
    r"^(?:related|see also|read more|more on this topic|you may also like):\s.*$",
    r"^(?:photo|image|picture|illustration|video|credit|photo credit)s?:\s.*$",  # a caption of what is not printed
    # A cookie banner's buttons and a site footer's links, pasted with the article.
    r"^(?:accept(?: all)?(?: cookies)?|reject(?: all)?|decline|manage (?:preferences|cookies|settings)|"
    r"cookie (?:settings|preferences|policy)|we use cookies\b.*)\.?$",
    r"^(?:privacy(?: policy)?|terms(?: of (?:use|service))?|site ?map|"
    r"copyright\b.*|©.*|all rights reserved\.?)\.?$",
]


def is_furniture(text: str) -> bool:
    """Tell whether a line is page furniture (a date line, reading time, byline, 'Jump to', a caption)."""
    parts = [p.strip() for p in text.split("|")]  # "By Jane Smith, RN | Updated June 3, 2024 | 4 min read"
    return all(p and any(re.match(f, p, re.I) for f in _FURNITURE) for p in parts)
