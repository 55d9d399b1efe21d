"""Recognise page furniture: date lines, reading times, bylines, 'Jump to', share buttons, ads and captions, and
on a pasted web page its menu, breadcrumb and links to other pages."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.language.phrases import phrases

_PROSE = re.compile(r"[.!?:][\"”’')\]]*$")  # a line that ends as a sentence does
# A heading over links to other pages: the links under it are no content either.
_RELATED = re.compile(r"^(?:related|see also|read more|more on this topic|you may also like|you might also (?:like|be interested)|"
                      r"you may also be interested|other pages|useful links)"
                      r"\b", re.I)
# "Public Health Fact Sheet", "Patient information leaflet": the kind of sheet, on its top line of furniture
_SHEET_KIND = re.compile(r"(?:[\w&' -]{0,40}\s)?(?:fact ?sheet|information (?:sheet|leaflet)|patient information(?: leaflet)?|"
                         r"leaflet|handout|flyer)", re.I)
_MENU_ITEM_WORDS = 4  # a site menu's items are short: "Find a Doctor", "Conditions & Treatments"
_LINK_WORDS = 8  # a link's words: "Chronic fatigue syndrome (ME/CFS)"


def _matches(text: str, menu: bool = False) -> bool:
    parts = [p.strip() for p in text.split("|")]  # "By Jane Smith, RN | Updated June 3, 2024 | 4 min read"
    furniture = [f for f in phrases("furniture.tsv", re.I)  # the patterns, one a row, in language/data/
                 if not menu or f.columns.get("kind") == "menu"]
    if len(parts) > 1 and is_link_bar(text.split(":", 1)[-1]) and not any(":" in p for p in parts[1:]) \
            and any(f.pattern.match(parts[0]) or f.pattern.match(parts[0].split(":", 1)[0] + ":") for f in furniture):
        # "Related pages: Allergy clinic | Dermatology | Leaflets A-Z", "Jump to: What is it? | Benefits | FAQ": the
        # links its label names (not "Protocol id:
        # NAL-ADU-042 | Applies to: callers aged 18 years and older": fields, each its own)
        return True
    if all(p and any(f.pattern.match(p) for f in furniture) for p in parts):
        return True
    if len(parts) >= 3 and _SHEET_KIND.fullmatch(parts[0]) and all(p and any(f.pattern.match(p) for f in furniture) for p in parts[1:]):
        return True  # "Public Health Fact Sheet | Travel Health Series No. 12 | Reviewed: January 2024 | Next review: ..."
    # "Find a Doctor    Locations    MyChart Login", "By Jordan Ellery, MS  •  Medically reviewed by ..."
    # ("Last updated: February 9, 2024  *  8 min read  *  [Share] [Pin]": parted by stars)
    gapped = [p.strip() for p in rx.split(r"\||\s+[·•*]\s+|\s{2,}", text.strip())]
    if len(gapped) <= len(parts):
        return False
    matched = [bool(p) and any(f.pattern.match(p) for f in furniture) for p in gapped]
    # A site's menu bar: four links or more, most of them known ("Find a Doctor   Locations   Research   Careers"),
    # the rest short names of pages.
    return all(matched) or len(gapped) >= 4 and sum(matched) >= 0.6 * len(gapped) and all(
        p and len(p.split()) <= 3 and p[0].isupper() and not rx.search(r"(?<!\.\.)[.!?:;,]$", p) for p in gapped)  # ("Search...")


def is_furniture(text: str) -> bool:
    """Tell whether a line is page furniture (a date line, reading time, byline, 'Jump to', a caption)."""
    return _matches(text)


def is_menu(text: str) -> bool:
    """Tell whether a line is a site's navigation: 'Skip to main content', a menu word ('Home'), a breadcrumb."""
    return _matches(text, menu=True)


def stands_apart(line: str, before: str | None, after: str | None) -> bool:
    """Tell whether a line of a run of lines ("We use cookies ..." / "Skip to main content" / "Home") is furniture
    on a line of its own, not a word of a sentence wrapped there ("send an" / "email" / "to the clinic"): it is
    furniture and starts with a capital or a sign, the line after it does not carry a sentence on (lower case),
    and the line before it is furniture too, a short menu-like line or the end of a sentence."""
    return is_furniture(line) and not line[:1].islower() and not (after or "")[:1].islower() \
        and (before is None or bool(_PROSE.search(before[-12:]))
             or len(before) <= 300 and (is_furniture(before) or _short_line(before)))


# A menu's search box, "Search..." or "Search…": a link's name, no sentence's end.
_SEARCH_BOX = re.compile(r"^Search\s*(?:\.{3}|…)$")


def is_link_bar(text: str) -> bool:
    """Tell whether a line is a row of links: two or more short titles between '|', none a sentence."""
    # ("Home | Conditions A-Z | Medicines | Healthy Living | Pharmacy Finder |": a bar wrapped after its "|")
    parts = [_SEARCH_BOX.sub("Search", p.strip()) for p in text.strip().strip("|").split("|")]
    # (a phone number is no link: "Nurse line (555) 418-6600 | Poison Control 1-800-222-1222" is a sheet's contacts)
    # (a link may be a question: "What is L-theanine? | Benefits | FAQ")
    return len(parts) >= 2 and all(p and len(p.split()) <= _LINK_WORDS and not rx.search(r"[.!:;,]$", p)
                                   and not rx.search(r"\d{3}\D{0,2}\d{4}", p) for p in parts)


def _link_title(text: str) -> bool:
    """A link to another page, listed under 'Related pages': a title ("Ashwagandha for Stress: Hype or Help?")."""
    return all(len(p.split()) <= _LINK_WORDS + 2 and not rx.search(r"[.!:;,][\"”’')\]]*$", p.strip())
               for p in text.split("|"))


def is_menu_bar(text: str) -> bool:
    """A row of a site menu's links set apart by wide gaps ("Conditions & Treatments   Services   Research   About Us"):
    three or more short capitalised names, none ending as a sentence (only in a run of menu lines: `page_furniture`)."""
    parts = [p.strip() for p in rx.split(r"\||\s+[·•]\s+|\s{2,}", text.strip()) if p.strip()]
    parts = [_SEARCH_BOX.sub("Search", p) for p in parts]
    return len(parts) >= 3 and all(len(p.split()) <= 3 and p[0].isupper() and not rx.search(r"[.!?:;,]$", p) for p in parts)


def _short_line(text: str) -> bool:
    """A line a site menu could hold: a few words, not ending as a sentence."""
    return len(text.split()) <= _MENU_ITEM_WORDS and len(text) <= 40 and not rx.search(r"[.!?:;,]$", text)


# "CONTACTS: Ward 12 (24 hours) 01632 960 412 | Out of hours: NHS 111": a row with a phone number is how to reach
# someone, no row of links (next to the signature lines it had gone with them)
_PHONE = re.compile(r"\d[\d ()-]{6,}\d")


def page_furniture(blocks) -> list[bool]:
    """Tell which of a reader's blocks (RawBlock) are page furniture.

    Besides the lines `is_furniture` knows: before the article's first paragraph, a run of three or more short
    lines on consecutive source lines that holds a menu line ('Skip to main content', 'Home', a breadcrumb) is the
    site's menu, all of it ('Research', 'Conditions & Treatments' too); elsewhere such a word alone may be a heading
    and stays. A row of links ('Vaccination | Chronic fatigue | Rehabilitation') next to furniture ('Share this
    page') is related links, and so are the short items listed under a 'Related pages' heading.
    """
    lines = [b.texts[0] if b.kind in ("heading", "paragraph") and len(b.texts) == 1 else None for b in blocks]
    # (a lone item too: ">> Jump to: What is L-theanine? | Benefits | FAQ", read as a bullet for its arrows)
    marks = [t is not None and is_furniture(t) or b.kind == "bullets" and len(b.texts) == 1 and not b.table
             and is_furniture(b.texts[0]) for b, t in zip(blocks, lines)]
    first_prose = next((i for i, (b, t) in enumerate(zip(blocks, lines)) if b.kind != "heading" and not marks[i]
                        and (t is None or _PROSE.search(t) and len(t.split()) > _MENU_ITEM_WORDS)), len(blocks))
    start = 0
    while start < first_prose:
        end = start
        while end < first_prose and lines[end] is not None and (marks[end] or _short_line(lines[end]) or is_menu_bar(lines[end])) \
                and (end == start or blocks[end].line and blocks[end].line == blocks[end - 1].line + 1):
            end += 1
        if end - start >= 3 and any(is_menu(lines[k]) for k in range(start, end)):
            marks[start:end] = [True] * (end - start)
        start = max(end, start + 1)
    changed = True
    while changed:  # a row of links next to furniture, or next to a row of links that is
        changed = False
        for k, text in enumerate(lines):
            if not marks[k] and text is not None and is_link_bar(text) and not _PHONE.search(text) \
                    and (k > 0 and marks[k - 1] or k + 1 < len(marks) and marks[k + 1]):
                marks[k] = changed = True
    for k, b in enumerate(blocks):  # under "Related pages": its links, up to the next heading or sentence
        if marks[k] and lines[k] is not None and _RELATED.match(lines[k]):
            for n in range(k + 1, len(blocks)):
                after = blocks[n]
                if after.kind == "heading" and not marks[n] and not is_link_bar(after.texts[0]) \
                        or not all(_link_title(t) for t in after.texts):
                    break
                marks[n] = True
    return marks
