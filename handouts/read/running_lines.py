"""Find a printed page's running lines in plain text: its header and footer ("TRI-RESP-04   Cough - Adult   Page 1
of 2   (continued)"), its turn-over marks ("continued overleaf", "- continued on Page 2 -") and its numbered notes
("1 Malfertheiner P, et al. Gut 2022.  2 Chey WD, et al. ...")."""

from __future__ import annotations

import re
from collections import Counter

from handouts.language import rx
from handouts.read.furniture import is_furniture
from handouts.read.line_shape import CONTACT, ORGANISATION, SUPERSCRIPT_DIGITS, title_like

# "Page 1 of 2", "page 2", "p. 3/4", "Pg 1/1", "Leaflet 2 of 2", "- 2 -", "(continued)", "continued...", "- continued on Page 2 -", "Please turn over"
_PAGE_MARK = re.compile(
    r"[-–(>\s]*(?:\.{2,}\s*|…\s*)?(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|(?:leaflet|sheet|side)\s+\d\s+of\s+\d|[-–]\s*\d{1,2}\s*[-–]$|(?:p\.|pg\.?)\s*\d+\s*(?:of|/)\s*\d+"
    r"|\(?(?:continued|cont(?:'|’)?d\.?|cont\.)\)?"
    r"(?:\s*(?:\.{2,}|…))?(?:\s+(?:overleaf|over|on\s+(?:the\s+)?(?:next\s+page|back|reverse|page\s+\d+)))?"
    r"|(?:please\s+)?turn\s+over|p\.?t\.?o\.?|\[\d{1,2}\s*/\s*\d{1,2}\])[-–)>\s.]*"
    # ("Page 1 of 2 / cont.", "Page 1 of 2 ...continued": the page's number and its turn-over mark together)
    r"(?:/?\s*(?:continued|cont(?:'|’)?d\.?|cont\.)[\s.]*)?", re.I)  # ("> > > continued on page 2 > > >", "[2/2]")
# "Ferritin and Iron Results (cont.)": the sheet's short name, running on a later page
_RUNNING_TITLE = re.compile(r".{3,60}\((?:cont(?:'|’)?d?\.?|continued)\)", re.I)
# between the parts of a running line, set apart across the page (or a dash before its page mark: "HS-CF1/CTR  Carpal
# tunnel release  - Page 2 of 2"; or a sentence's stop: "... a risk assessment. Page 2 of 2")
_GAP = re.compile(r"\s+\|\s+|\s{3,}|\s+[-–—]\s+(?=(?i:page)\s+\d+(?:\s+of\s+\d+)?\s*$)|(?<=[.!?])\s+(?=(?i:page)\s+\d+\s+of\s+\d+\s*$)")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
_MOST_WORDS = 8  # a running line's other parts are short: a code, the sheet's short name, a date


def is_page_mark(text: str) -> bool:
    """Tell whether a part of a line is a page's number or a turn-over mark ("Page 2 of 3", "continued overleaf")."""
    return bool(_PAGE_MARK.fullmatch(text))


def is_code(part: str) -> bool:
    """Tell whether a part of a line is a form's or leaflet's code ("Form AI-CF-02 (v4)", "CDS-114", "PL
    04569/0231", "Leaflet ref. PM-027", "HS-FS-07 Issue 4"): for the printer, no text of the sheet."""
    # ("Leaflet code RVX20-UK-06", "Form no. PH-112": the code's name before it)
    part = rx.sub(r"^(?i:(?:leaflet|form|document|product|item|flyer|poster|sheet|booklet|protocol)(?:\s+(?:code|ref(?:erence)?\.?|no\.?|number|id))?|ref(?:erence)?\.?"
                  r"(?:\s+(?:code|no\.?|number))?)\s*:?\s+(?=[A-Z0-9]+[-/][A-Z0-9])", "", part)
    if rx.fullmatch(r"(?i)(?:nhs|emergency|call|dial|ring|phone|tel\.?)?\s*(?:111|999|911|112|988|000)", part):
        return False  # "NHS 111", "EMERGENCY 999": a number to call, no code
    return not is_page_mark(part) and bool(rx.search(r"\d", part)) and (
        bool(rx.fullmatch(r"[A-Z][A-Z0-9]*(?:[-/ .][A-Z0-9]+)*\d[A-Z0-9]*(?:[-/][A-Z]{2,3}){0,2}(?:\s*\[[A-Z0-9]+\]|\s+v\d+(?:\.\d+)*|\s+(?i:issue|rev\.?|edition)\s*\d+(?:\.\d+)*"
                          r"|\s*\((?i:rev|v|version|issue)\.?\s*[\d/.]+\))?", part))
        or bool(rx.fullmatch(r"[A-Z]{2,}(?:/[A-Za-z0-9]+)+", part))  # ("RFG/Flyer/v4")
        or is_furniture(part) and bool(rx.search(r"\b[A-Z]{1,6}(?:-[A-Z0-9]+)*-\d|\b[A-Z]{2,}-[A-Z]", part)))


def _record(part: str) -> bool:
    """Tell whether a part of a running line is for the record: a code, a date line ("Revised 08/2025", "Printed
    April 2024"), a field ("Patient: ____")."""
    return "__" in part or is_code(part) or bool(rx.search(r"\d{1,2}/\d{2,4}|\b(?:19|20)\d{2}\b|\bv\d|\bversion\b|\bissue \d", part, re.I)) \
        and is_furniture(part)


def _top_code(part: str) -> bool:
    """Tell whether a part of a line at the sheet's top is for the printer: a code, or a version or date beside the
    title ("VOMITING AND/OR DIARRHEA - ADULT      Version 4.1")."""
    if rx.search(r"\S\s{2,}\S", part):
        return all(_top_code(q) for q in rx.split(r"\s{2,}", part))  # "Protocol TP-PAED-12  Rev. 3  (01/2024)"
    part = rx.sub(r"^\((.*)\)$", r"\1", part)  # ("(01/2024)")
    # ("Form CF-GI-03 (Consent Form 1 - adults with capacity)": a form's code and the kind of form it is, in brackets)
    part = rx.sub(r"(?<=\d)\s+\((?:[^()]*\bforms?\b[^()]*)\)$", "", part, flags=re.I)
    return is_code(part) or "__" not in part and _record(part) \
        or bool(rx.fullmatch(r"(?:[A-Z][a-z]{2,8}\.? )?(?:\d{1,2}/)?(?:19|20)\d{2}", part)) \
        or bool(rx.fullmatch(r"(?i)(?:rev(?:ision)?\.?|version|v\.?|issued?|updated|revised)\s*:?\s*\d(?:[\d/.]|\s/\s)*"
                             r"(?:\s+\(?(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2}/)?(?:19|20)\d{2}\)?)?", part))
    # ("Aug 2024", "Rev. 3", "Issued 04/2024", "Version 5.2 / 2024", "Version 4.1  Oct 2023", "Rev. 5 (06/2023)")


def without_running_lines(lines: list[str]) -> list[str]:
    """Return the lines with the page's running header and footer lines blank, and page marks taken off the top.

    A line holding a page's number or a turn-over mark is a running line when its other parts are codes, fields or
    the sheet's short name ("TRI-RESP-04  Cough - Adult  Page 1 of 2"): read as text it became a heading over the
    next part, an item ("continued on Page 2"), or the last words of a section. Where a part is text of the sheet
    ("(Monday to Friday, 9 am to 5 pm)     Page 2 of 2") only the mark goes. Above the first sentence of the sheet
    the title and letterhead share their lines with the page's number and the form's code ("DISCHARGE
    INSTRUCTIONS: BROKEN COLLARBONE  ...  Page 1 of 2"): there the marks and codes go, and the title stays.
    """
    out = list(lines)
    top = True  # no sentence yet: the letterhead and title
    bottom = [k for k, x in enumerate(lines) if x.strip()][-3:]  # the sheet's last lines: its footer
    short_names = _short_names(lines)
    # The sheet's first lines said again on a later page ("HARTWELL CIVIL & UTILITIES LTD    Health, Safety & ...    HSW-FS-031"
    # over page 2): its running header (read as text, a heading over the section after it)
    firsts = [k for k, x in enumerate(lines) if x.strip()][:2]
    header = {" ".join(lines[k].split()): k for k in firsts
              if len(lines[k].split()) >= 3 and not _SENTENCE_END.search(lines[k].strip())}
    turned = -9  # the last line that held a page mark: the next page's header follows it
    # ("Fact sheet 31 - Open water swimming      Issued 05/2024      Review date 05/2026" at each page's foot: a line of
    # parts said again and again, one of them a date for the record, is the page's running line)
    said = Counter(" ".join(x.split()) for x in lines if x.strip())
    repeated = {i for i, line in enumerate(lines) if said[" ".join(line.split())] >= 2 and "__" not in line
                and len(parts := [p for p in rx.split(r"\s{3,}|\s+\|\s+", line.strip()) if p.strip()]) > 1
                and any(_record(p.strip()) for p in parts) and not _SENTENCE_END.search(line.strip())}
    for i, line in enumerate(lines):
        if i in repeated:
            out[i] = ""
            continue
        if (coded := rx.match(r"(\s*)(\S+)\s+[-–—]{1,2}\s+(?=[A-Z][a-z])", line)) and is_code(coded.group(2)):
            # "QA/ENV/09 -- This fact sheet does not replace ...": the sheet's code before its last words
            line = out[i] = coded.group(1) + line[coded.end():]
        # (not the dots between parts: "Ref: CC/PSY/07   ...   Updated: ...")
        if (coded := rx.fullmatch(r"\s*(\S+)\s+(\S.*?)\s*", line)) and is_code(coded.group(1)) and is_page_mark(coded.group(2)):
            out[i] = ""  # "TP-GYN-07 continued on page 2 ...": the form's code by its turn-over mark
            turned = i
            continue
        parts = [p.strip() for p in _GAP.split(line.strip()) if p.strip() not in ("", "|") and not rx.fullmatch(r"[.…·•*~-]+", p.strip())]
        indent = " " * (len(line) - len(line.lstrip()))
        marks = [is_page_mark(p) for p in parts]
        if len(parts) > 1 and "__" not in line and any(map(is_code, parts)) and all(is_furniture(p) or _top_code(p) for p in parts):
            out[i] = ""  # "Ref: CC/PSY/07  ...  Updated: January 2024  ...  Please display": for the record, each part
            continue
        if any(marks):
            turned = i
        elif not top and len(parts) > 1 and any(map(is_code, parts)) and all(
                len([w for w in p.split() if rx.search(r"\w", w)]) <= _MOST_WORDS and not _SENTENCE_END.search(p) for p in parts) \
                and all(not x.strip() or rx.fullmatch(r"[-=_*~\s]+", x) for x in lines[turned + 1:i]) and i - turned <= 4:
            # "Page 1 of 2" / "-----" / "PL 40981/0112        Co-codamol 30/500 Tablets": the next page's header (its
            # sheet's name may be long: "Finasteride 5 mg film-coated tablets - Patient Information Leaflet   PL ...")
            out[i] = ""
            continue
        titled = not top and any(_RUNNING_TITLE.fullmatch(p) for p in parts) \
            and all(len(p.split()) <= _MOST_WORDS and not _SENTENCE_END.search(rx.sub(r"\s*\([^()]*\)$", "", p)) for p in parts)
        # ("CDS-114  Pacemaker discharge   Page 2 of 3": the code two spaces from the sheet's short name)
        if titled or any(marks) and not top and any(_record(q) for p, mark in zip(parts, marks) if not mark
                                                    for q in rx.split(r"\s{2,}", p)):
            # ("WESTBROOK FAMILY PRACTICE      Ferritin and Iron Results (cont.)": a later page's header; "travelling.
            # CC/PSY/07  |  Page 1 of 1": a sentence's last words stay)
            ends = [q for p, mark in zip(parts, marks) if not mark for q in rx.split(r"\s{2,}", p)
                    if q[:1].islower() and not _record(q)]
            out[i] = indent + "    ".join(ends) if ends and not titled else ""
        elif not top and len(pieces := [q for p in parts for q in rx.split(r"\s{2,}", p)]) > 1 and "__" not in line \
                and not CONTACT.search(line) \
                and (any(map(is_code, pieces)) or any(map(is_furniture, pieces)) and any(map(_record, pieces))) \
                and all(_record(p) or is_furniture(p) or ORGANISATION.search(p) and len(p.split()) <= 6 for p in pieces):
            # ("Northgate Manufacturing Ltd | Uncontrolled when printed | Issued 01/04/2025": a page's footer)
            out[i] = ""  # "Leaflet reference: PHY-0417   Published: June 2023   Review date: June 2026": for the record
        elif i in bottom and len(pieces := [q for p in parts for q in rx.split(r"\s{2,}", p)]) > 1 \
                and any(_record(p) for p in pieces if "__" not in p):
            # "This leaflet does not contain all the information ...   MG-NTG-SPR  Rev. 05/2024", "LCPHD-IMM-031  |
            # Revised 08/2025  |  Para español llame al (555) 302-7700", "Ocuvant Pharma Ltd, Dublin 2.  PL 41872/0015":
            # the last lines' codes and dates go
            kept = [p for p in pieces if not (_record(p) or is_page_mark(p) or rx.fullmatch(r"[-–—~=*]+", p)) or "__" in p]
            out[i] = indent + "    ".join(kept) if kept and not all(map(is_furniture, kept)) else ""
        elif any(marks) or top and (len(parts) > 1 or rx.match(r"(?i)form\s", line.strip())) and any(map(_top_code, parts)) \
                and not is_furniture(line.strip()) \
                and not any(is_furniture(p) for p in parts if not _top_code(p)) \
                and not rx.search(r"\b(?:Dr\.|MD|PharmD|RN|PhD|By|min read)\b", line):  # (a byline's date stays with it)
            kept = [p for p, mark in zip(parts, marks) if not mark and not (top and len(parts) > 1 and _top_code(p))]
            if len(kept) < len(parts):
                kept = [p for p in kept if not rx.fullmatch(r"[A-Z][\w .#/-]{0,20}:", p)]  # ("Code:" of a code gone)
            if not top and any(marks) and all(p.lower() in short_names for p in kept):
                kept = []  # "Fact Sheet 12      Page 1 of 2" over "Fact Sheet 12 (continued)": the sheet's short name
            out[i] = indent + "    ".join(kept) if kept else ""
        elif top and len(parts) > 1 and "__" not in line and 0 < len(gone := [p for p in parts if is_furniture(p) and (
                _record(p) or rx.match(r"(?i)(?:approved|authori[sz]ed)\b", p))]) < len(parts) \
                and not rx.search(r"\b(?:Dr\.|MD|PharmD|RN|PhD|By|min read)\b", line):
            # "Adult (16+ yrs) with Known Diabetes - HIGH BLOOD GLUCOSE   Approved: Clinical Governance": the record's
            # fields beside the title go (run on, "Approved: ..." became words of the title)
            out[i] = indent + "    ".join(p for p in parts if p not in gone and not rx.fullmatch(r"[A-Z][\w .#/-]{0,20}:", p))
        if not top and header.get(" ".join(line.split()), i) < i:
            out[i] = ""
        if _SENTENCE_END.search(line.strip()) and len(line.split()) > _MOST_WORDS:
            top = False
    return out


def page_marks_off(lines: list[str]) -> list[str]:
    """Return Markdown lines without a page's number and the codes beside it ("`HP-FS-031 v4.2 — Page 1 of 1`",
    "*This leaflet is for general information ...* | Page 1 of 1"): a printed page's, pasted with its text."""
    out = list(lines)
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("#", "|")):
            continue  # a heading or a table's row says its own words
        if rx.fullmatch(r"\s*`[^`]*\bpage\s+\d+\s+of\s+\d+\b[^`]*`\s*", line, re.I):
            out[i] = ""  # "`BIO-PIL-027 · Page 1 of 1 · Printed from intranet`": the printed page's line, set as code
            continue
        parts = [p.strip(" `*_") for p in rx.split(r"\s+[|—–]\s+|\s{3,}|(?<=[a-z]\.)\s+(?=Page\s+\d)", line.strip().strip("`"))
                 if p.strip(" `*_|")]
        marks = [is_page_mark(rx.sub(r"</?\w+>", "", p)) for p in parts]
        if any(marks):
            kept = [p for p, mark in zip(parts, marks) if not mark and not _record(p)]
            if all(len(p.split()) <= 6 and title_like(rx.sub(r"</?\w+>", "", p).split()) for p in kept):
                kept = []  # "<sub>Renal Patient Information Group. Page 1 of 1.</sub>": who made the page, by its number
            out[i] = "    ".join(kept)
    return out


def _short_names(lines: list[str]) -> set[str]:
    """Return the sheet's short names: a short part beside a page mark that a letterhead line or another running line
    says too ("Fact Sheet 12   Page 1 of 2", "Fact Sheet 12 (continued)", "...   FACT SHEET 12  |  Winter 2024/25")."""
    said: dict[str, int] = {}
    for line in lines:
        parts = [p.strip() for p in _GAP.split(line.strip()) if p.strip() not in ("", "|")]
        if any(map(is_page_mark, parts)) or any(_RUNNING_TITLE.fullmatch(p) for p in parts):
            for p in parts:
                name = rx.sub(r"\s*\((?:cont(?:'|’)?d?\.?|continued)\)$", "", p, flags=re.I).lower()
                if not is_page_mark(p) and len(name.split()) <= _MOST_WORDS and not _SENTENCE_END.search(name):
                    said[name] = said.get(name, 0) + 1
    letterhead = " ".join(x for x in lines[:3]).lower()
    return {name for name, n in said.items() if n >= 2 or name in letterhead}


_SOURCE = re.compile(r"\bet al\b|\b(?:19|20)\d{2}\.?\s*$|\bdoi\b|\bjournal\b|\bguidelines?\b|\bguidance\b", re.I)
_NOTE_NUMBER = re.compile(r"(^\s*|\s{2,})(\d{1,2})\s+(?=[A-Z])")  # (" 1 Yairi E, ...": set in by a space)


def numbered_notes_marked(lines: list[str]) -> list[str]:
    """Return the lines with a page's numbered notes marked as notes are: "1 Malfertheiner P, et al. Gut 2022.  2 Chey
    WD, et al. ..." under the text is "¹ Malfertheiner P, et al. Gut 2022.  ² Chey WD, ...", which the reader knows
    (a source goes; a note that says something stays). Read as text, "option 3" ran into "1 Malfertheiner P".

    The notes start with "1 " and a capital, and a "2 " follows on that line or starts a line under it; a note's
    wrapped line starts in lower case or with its number."""
    out = list(lines)
    # ("... lower resistance to infection.1 The risk ..." over "1 UKHSA Cold-Health Alert guidance, 2023. 2 WHO ...":
    # the text cites notes 1 and 2 by marks glued to its words, so a "2" one space after a note's full stop is one too)
    cited = {int(n) for x in lines for n in rx.findall(r"[a-z)][.,;:]?(\d{1,2})(?=[\s,]|$)", x)}
    number = _NOTE_NUMBER if not {1, 2} <= cited else re.compile(r"(^\s*|\s{2,}|(?<=[.!?]) )(\d{1,2})\s+(?=[A-Z])")
    # ("exposure.1" in the text over "1. Kuhn A et al. Photosensitivity in lupus erythematosus. 2014." / "2. Royal
    # College of Ophthalmologists. ..., 2020.": the sources it cites, numbered as a list)
    sources = {1, 2} <= cited and any(rx.match(r"\s*1[.)]\s+[A-Z]", x) and _SOURCE.search(x) for x in lines)
    if sources:
        number = re.compile(r"(^\s*)(\d{1,2})[.)]\s+(?=[A-Z])")
    # (one note alone, near the sheet's end, that the text cites: "... using a high-sensitivity test.1" over "1
    # Measurement of troponin at presentation and repeated after 1-3 hours, ...")
    filled = [k for k, x in enumerate(lines) if x.strip()]
    last = set(filled[-10:]) if 1 in cited and 2 not in cited else set()
    for i, line in enumerate(lines):
        if not rx.match(r"\s*1[.)]\s+[A-Z]" if sources else r"\s*1\s+[A-Z]", line) or sources and not _SOURCE.search(line) \
                or not (i in last or any(m.group(2) == "2" for x in lines[i:i + 4] for m in number.finditer(x))):
            continue
        k, expected = i, 1
        while k < len(lines) and lines[k].strip() and (k == i or rx.match(r"\s*(?:[a-z]|\d{1,2}[.)]?\s+[A-Z])", lines[k])):
            def mark(m: re.Match) -> str:
                nonlocal expected
                if int(m.group(2)) != expected:
                    return m.group(0)
                expected += 1
                return f"{m.group(1)}{m.group(2).translate(SUPERSCRIPT_DIGITS)} "
            out[k] = number.sub(mark, lines[k])
            k += 1
        break
    return out
