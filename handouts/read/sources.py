"""Read source texts (plain text or Markdown in any common encoding, with optional front matter; Word
documents, PDF leaflets, saved web pages) into the data model, recovering the structure a plain text only
implies. Each format becomes the same blocks; everything after that is one path."""

from __future__ import annotations

import html
import re
import unicodedata
from importlib import import_module
from pathlib import Path

from handouts.errors import SourceError
from handouts.model import Block, Handout, Meta, Section, Sentence
from handouts.language.grammar import has_verb
from handouts.language.sentences import split_sentences
from handouts.read.blocks import (QUOTES, Extracted, RawBlock, clean_line, clean_text, has_letters, is_sentence,
                                   laid_out, list_item, safe_link, sentence_end, table_blocks, table_rows, unquote,
                                   without_unsafe_addresses)
from handouts.read.encoding import decode_text
from handouts.read.furniture import is_furniture, is_menu, is_menu_bar, page_furniture, stands_apart
from handouts.read.running_lines import numbered_notes_marked, without_running_lines

# Each reader takes the file's bytes and its path. Named by module and function: a reader's module (and its
# library) is imported only when such a file is read, so a project of text files never loads them.
READERS = {".docx": "word:read_docx", ".pdf": "pdf_leaflet:read_pdf", ".html": "web_page:read_web_page",
           ".htm": "web_page:read_web_page"}
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", *READERS)
FRONT_MATTER_KEYS = ("title", "slug", "language", "voice", "reviewed_by", "reviewed_on", "encoding")

# A bullet: "-", "*", "•" ...; or an indented "o", the sub-bullet Word's plain-text export writes.
# ">> your toes become cold", "! faint again", "o Room 3B has a hearing loop" (an "o" at the line's start too): bullets
# "  -> Begin taking your pain medicines ...", "→ Rest": an arrow set at a line's start marks an item too, and so
# does a tick ("✔ NMN and NR are precursors ...").
_BULLET = re.compile(r"^(?!.*<<\s*$)(?:\s*(?:[-*•‣◦–▪►➤»›!→➔✔✓✅]|>>|-{1,2}>|=>)|\s+o|o(?=\s+[A-Z0-9\"“(]))\s+(.*)$")  # (">> ... <<": a box)
_LETTERED = re.compile(r"^\s+\(?[a-z][.)]\s+(.*)$")  # "   a. Straighten your arm": a step set in under a numbered one
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|step \d{1,2}\s*[:.)-])\s+(.*)$", re.I)  # "1. Wash", "Step 1: Wash"
# "  [ ] Burns to the face, nose or mouth from a fire in an enclosed space," / "      or singed nasal hair ...": a
# checklist's item, its box kept (the box is the form's), its wrapped lines set in under its text; not a line of
# boxes to choose from ("[ ] Yes  [ ] No") or of blanks to fill in
_TICKED = re.compile(r"^\s*(\[[ xX]\]\s+(?!.*(?:\[[ xX]\]|\( \)|__)).*\S)\s*$")
_MAX_HEADING_WORDS = 16
_NOTHING = "no text: there is nothing in this file to turn into a handout. Add some paragraphs."
_NO_LETTERS = ("no text: this file holds no words, only numbers, signs or control characters (such as NUL bytes). "
               "Check that it is the right file, saved as text, and write the handout's sentences in it.")


def _reader(suffix: str):
    """Return the function that reads a file with this suffix into blocks (text and Markdown: read_text)."""
    if suffix not in READERS:
        return read_text
    module, _, function = READERS[suffix].partition(":")
    return getattr(import_module(f"handouts.read.{module}"), function)


def read_bytes(path: Path) -> bytes:
    """Return a source file's bytes; a clear error when it cannot be opened."""
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise SourceError(f"cannot open this file ({e.strerror}). Check that it exists.", path) from None


def read_source(path: Path, default_language: str = "en", raw: bytes | None = None,
                max_words: int | None = None, meta_only: bool = False) -> Handout:
    """Read one source file (or its bytes `raw`, already read) into a Handout.

    A text longer than `max_words` is refused before its sentences are split (the costly part);
    `meta_only` stops there too, for what needs only the title and slug.
    """
    path = Path(path)
    if raw is None:
        raw = read_bytes(path)
    reader = _reader(path.suffix.lower())
    found = reader(raw, path)
    front = {key: _clean(value) if isinstance(value, str) else value for key, value in found.front.items()}
    blocks = _nested_headings(_label_lines(_without_furniture(_without_references(_cleaned(found.blocks)))))
    meta = make_meta(front, path, default_language)
    meta.import_notes = found.notes
    converted: list[RawBlock] = []
    for b in blocks[:6]:
        if b.kind == "paragraph" and len(b.texts) == 1 and (len(parts := _letterhead_parts(b.texts[0])) > 1 or (all(
                x.kind == "paragraph" for x in blocks[:blocks.index(b)]) or _CONTACT.search(b.texts[0])
                and all(x.kind == "heading" for x in blocks[:blocks.index(b)]))
                and not _ends_sentence(b.texts[0])) \
                and all(_names_or_reaches(p) for p in parts) \
                and any(not is_furniture(p) for p in parts):
            # "1400 Harbor View Drive, Suite 100 | Main line: (555) 310-4400 | ...": too long for a heading, but
            # letterhead all the same (as a paragraph it would stop the search for the title under it).
            b.kind = "heading"
            converted.append(b)
    letterhead: list[RawBlock] = []  # the lines naming who made the sheet and how to reach them, taken from its top
    marked = next((i for i, b in enumerate(blocks[:4]) if b.title), None)
    if marked and "title" not in front and all(b.kind in ("heading", "paragraph") and not b.level and len(b.texts) == 1
                                               and not _ends_sentence(b.texts[0]) and _site_banner(b.texts[0])
                                               for b in blocks[:marked]):
        # "**Harlow County Department of Public Health** · ... Program" / "[Home](#) | [Diseases A-Z](#) | ..." over
        # the Markdown "# Title": the site's name and menu, no text of the handout (the title had become a section)
        letterhead += blocks[:marked]
        del blocks[:marked]
    if blocks and blocks[0].title:
        letterhead += _letterhead_under_title(blocks)  # "# Title" over "**Riverbend Sleep Associates** | Tel. ..."
    if "title" not in front and not (blocks and blocks[0].title) and (top := _title_at_top(blocks)) is not None:
        # "EASTSIDE COMMUNITY HEALTH CENTER" over "Seasonal Influenza (Flu) Vaccine - Information and Consent Form":
        # the letterhead and document-kind lines above the title go; the title names the handout.
        letterhead += blocks[:top]
        del blocks[:top]
        blocks[0].title = True
        if topic := re.match(r"(?i)(?:topic|subject)\s*:\s*(\S.*)", blocks[0].texts[0]):
            # "Telephone Triage Protocol — ADULT (age 18+)" over "TOPIC:   BURNS (thermal, scald, ...)": the kind of
            # sheet and its subject name it
            kind = next((x.texts[0] for x in reversed(letterhead) if _DOCUMENT_KIND.search(x.texts[0])), "")
            said = " ".join(topic.group(1).split())
            blocks[0].texts[0] = f"{kind}: {said}" if kind else said
        # "Migraine FAQ | Neurology Clinic": the site goes; "DISCHARGE INSTRUCTIONS - ...      Form HS-114 rev 03/24":
        # the form's code too
        parts = [p.strip() for p in re.split(r"\s+\|\s+|\s{4,}", blocks[0].texts[0]) if p.strip() and not is_furniture(p.strip())] \
            or [blocks[0].texts[0]]
        blocks[0].texts[0] = next((p for p in parts if not (_ORGANISATION.search(p) or _DOCUMENT_KIND.search(p))), parts[0])
        letterhead += _letterhead_under_title(blocks)  # "Riverside Family Practice - Patient Triage Sheet (rev. 02/2024)"
        for _ in range(2):
            # "HEART TO HEART" / "Living Well with Heart Failure" / "A Free Peer-Support Group for Patients, ...": a
            # banner's subtitles, each over another heading (no section's), join the title (read apart, they went)
            if len(blocks) > 2 and blocks[1].kind == "heading" and blocks[2].kind == "heading" and not blocks[1].level \
                    and _title_like(blocks[1].texts[0].split()) and not _capitals(blocks[1].texts[0]) \
                    and len(blocks[1].texts[0].split()) <= 24 and not re.search(r"[.:;?]$", blocks[1].texts[0]) \
                    and not (_BANNER_DETAIL.search(blocks[1].texts[0]) or _PLACE.search(blocks[1].texts[0])
                             or _CONTACT.search(blocks[1].texts[0]) or _TIME.search(blocks[1].texts[0])
                             or _letterhead(blocks, 1) or _TITLE_GOES_ON.match(blocks[1].texts[0])):
                blocks[0].texts[0] = f"{blocks[0].texts[0]}: {blocks.pop(1).texts[0]}"
        if len(blocks) > 1 and (blocks[1].kind == "heading" or blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1
                                and len(blocks[1].texts[0].split()) <= 20 and not _ends_sentence(blocks[1].texts[0])) \
                and _TITLE_GOES_ON.match(blocks[1].texts[0]):
            # "INFORMED CONSENT FOR JOINT ASPIRATION" / "WITH OR WITHOUT CORTICOSTEROID INJECTION", "ALLOPURINOL
            # TABLETS" / "For the long-term treatment of gout": the title's second line carries it on.
            subtitle = blocks[1].kind == "paragraph"  # ("... SUPPORT GROUP" / "For people living with myeloma ...")
            more = blocks.pop(1).texts[0]
            blocks[0].texts[0] += f": {more}" if subtitle else " " + (
                more if _capitals(blocks[0].texts[0]) else more[:1].lower() + more[1:])
            letterhead += _letterhead_under_title(blocks)  # "Issued by: Rheumatology Pharmacy Service" under its second line
        tagline = [p.strip() for p in _TAGLINE.split(blocks[1].texts[0])] if len(blocks) > 2 and blocks[1].kind == \
            "heading" and blocks[2].kind == "heading" else []
        if len(tagline) >= 2 and not any(_ORGANISATION.search(p) or _DOCUMENT_KIND.search(p) or re.search(r"\d", p)
                                         for p in tagline):
            # "Free of charge - No referral required - All adults welcome" under the title, over a section's heading:
            # a heading of nothing would go, and what it says with it.
            blocks[1] = RawBlock("bullets", tagline, blocks[1].line, levels=[(0, "bullets")] * len(tagline))
    for b in converted:
        if any(b is x for x in blocks):
            # No title under it took it for letterhead: as a heading of nothing it would go. A form's blanks go all
            # the same ("Patient name: ____   Date of birth: ____").
            b.kind = "paragraph"
            if all(is_furniture(p) for p in _letterhead_parts(b.texts[0])):
                blocks.remove(b)
    if letterhead and (contacts := _contacts(letterhead, blocks)):
        blocks += [RawBlock("heading", ["Contact"], contacts.line), contacts]  # said last, as a sheet's contacts are
    if blocks and blocks[0].title:
        _banner_details(blocks)
        topic = re.match(r"(?i)(?:topic|subject)\s*:\s*(\S.*)", blocks[1].texts[0]) if len(blocks) > 1 \
            and blocks[1].kind == "heading" else None
        if topic:
            # "Telephone Triage Protocol - ADULT" over "TOPIC:   BURNS (thermal, scald, ...)": what the sheet is about
            # names it too (as the first section's heading, the handout's title never said "burns")
            blocks[0].texts[0] = f"{blocks[0].texts[0]}: {' '.join(topic.group(1).split())}"
            del blocks[1]
        if len(blocks) > 1 and blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1 and blocks[1].line == blocks[0].line + 1 \
                and _bracketed(blocks[1].texts[0]) and len(blocks[1].texts[0].split()) <= 25:
            # "PREGABALIN 25 mg, ... hard capsules" / "(brand name: Lyrica®; ...)": the note in brackets right under the
            # title is the title's (alone it was a fragment that leaned on it)
            blocks[0].texts[0] += " " + blocks.pop(1).texts[0]
    if "title" not in front and blocks and blocks[0].title:
        meta.title = blocks[0].texts[0]  # a heading at the very top names the handout (the file name stays the slug)
    elif "title" not in front and blocks and blocks[0].kind == "heading" and re.search(r": | \| ", blocks[0].texts[0]):
        # A first line that reads as a page title ("HIV PrEP: What You Need to Know", "Migraine FAQ | Clinic")
        # names the handout; the part after " | " is the site's name.
        blocks[0].texts[0] = blocks[0].texts[0].split(" | ")[0].strip()
        meta.title = blocks[0].texts[0]
    first = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
    if first is not None and not any(b.kind == "paragraph" for b in blocks[:first]) \
            and _norm(blocks[first].texts[0]) == _norm(meta.title):
        del blocks[first]  # "# Title" at the top is the handout's title, printed once, not a section
    if max_words is not None:
        words = sum(len(t.split()) for b in blocks for t in b.texts)
        if words > max_words:
            raise SourceError(f"this text has {words:,} words, over the limit of {max_words:,} for one handout "
                              f"(max_words in handouts.toml). Split it into several handouts, or raise the limit.",
                              path)
    if meta_only:
        return Handout(meta=meta)
    sections = assemble_sections(blocks)
    if not any(s.sentences for s in sections):
        raise SourceError(_NOTHING, path)
    if not any(has_letters(s.text) for sec in sections for s in sec.sentences):
        raise SourceError(_NO_LETTERS, path)  # "%%%% 1234", a file of NUL bytes: a handout of it says nothing
    return Handout(meta=meta, sections=sections)


# Lines at the top that name who made a sheet or what kind of sheet it is, not what it is about (a line with a
# colon names its topic after it: "Patient Medicine Leaflet: Apixaban (Eliquis)").
_ORGANISATION = re.compile(r"^(?!.*:).*\b(?:hospital|cent(?:er|re)|clinic|unit|department|division|services?|trust|"
                           r"practice|health system|foundation|pharmacy|network|associates|physicians|"
                           r"institute|medical group|general surgery|program|programme|library|(?:nurse |advice |help)line|"
                           r"hotline|(?:sports|family|internal|sleep|travel) medicine|laboratory|imaging centre|imaging center)\b|_{3,}|please take one"
                           r"|\b(?:tel|phone|fax)\b.*\d{3}.*\d{4}|\(\d{3}\)\s?\d{3}-\d{4}"  # "Tel (555) 214-8830"
                           r"|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$|^(?:https?://|www\.)\S+$"  # an email or web address
                           r"|^(?:issued|produced|prepared|published) by\b"  # "Issued by: Rheumatology Pharmacy Service"
                           r"|^\d+ [\w.' ]+ (?:street|st|road|rd|avenue|ave|drive|dr|boulevard|blvd|lane|ln|way|court|"
                           r"place|parkway|highway)\b\.?(?: (?:east|west|north|south|ne|nw|se|sw)\b)?"  # ("Main Street East")
                           r"(?:,? (?:(?:suite|ste|floor|unit) \w+|\w+ floor))?"  # "2250 Harmon Avenue, Suite 400,
                           r"(?:, [A-Za-z .'-]+)?(?:,? [A-Z]{2} \d{5}(?:-\d{4})?)?$", re.I)  # Columbus, OH 43215"
_TITLE_GOES_ON = re.compile(r"(?:with|without|for|and|or|of|in|during|after|before|to)\b", re.I)
_TAGLINE = re.compile(r"\s+[-–—·•|]\s+")  # "Free of charge  -  No referral required  -  All adults welcome"
_PARTS = re.compile(r"\s+\|\s+")  # "412 Alder Street   |   Tel. (555) 014-2280   |   info@clinic.org"
_DOCUMENT_KIND = re.compile(r"^(?!.*:)(?:[\w' –—-]+ )?(?:fact ?sheet|handout|leaflet|newsletter|telephone triage|triage protocol|patient (?:medicine |drug )?information|(?:patient )?medication guide|information "
                            r"sheet|information for patients)\b|^package leaflet: information for the (?:patient|user)$", re.I)


_CONTACT = re.compile(r"(?<![\w/])\(?\d(?:[ ()-]*\d){9,}(?![\w/])")  # a phone number, any country's: "01632 960 900"
_PLACE = re.compile(r"\b(?i:suite|room|level|floor|wing|building|road|rd|street|st|avenue|ave|lane|drive)\b.*,|"
                    r"^\d+ [A-Z][\w.]*(?: [A-Z][\w.]*)*, [A-Z]|"  # "200 Civic Plaza, Lakeview"
                    r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b|"  # "Outpatient Suite, Level 2", "Northgate NG4 2PL"
                    r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*,? [A-Z]{2}\.? \d{5}(?:-\d{4})?$|"  # "Harwood, OH 44870"
                    r"^[A-Z][\w'-]*(?: [A-Z][\w'-]*)? (?i:level|floor|room|suite|wing|building) \w{1,4}$")  # "Outpatients Level 3"


_SHEET_TITLE = re.compile(r"\b(?:discharge instructions|instructions for|after-care instructions|consent (?:form|for)|"
                          r"care plan|action plan)\b", re.I)


def _bracketed(text: str) -> bool:
    """Tell whether a text is one note in brackets, brackets inside it too ("(also sold as Keppra(R); ...)")."""
    depth = 0
    for k, c in enumerate(text):
        depth += (c == "(") - (c == ")")
        if depth == 0 and k < len(text) - 1:
            return False
    return text.startswith("(") and depth == 0


def _site_banner(text: str) -> bool:
    """Tell whether a line over a page's title names who made it, or is its menu ("... Department of Public Health ·
    ... Program Home | Diseases A-Z | Reporting | Contact"), not a line of its text ("Diagnosis: Closed fracture ...")."""
    parts = _letterhead_parts(text)
    return any(_names_or_reaches(p) for p in parts) and (
        all(_names_or_reaches(p) or _DOCUMENT_KIND.search(p) for p in parts) or text.count("|") >= 2 or is_furniture(text)
        or is_menu(text))


def _letterhead_parts(text: str) -> list[str]:
    """Part a letterhead line: at "|", at "*" between spaces, at wide gaps ("Suite 2    Phone: 555-883-6020")."""
    return [p.strip() for p in re.split(r"\s+[|*·•]\s+|\s{3,}", text) if p.strip()]


def _names_or_reaches(part: str) -> bool:
    """Tell whether a part of a letterhead line names who made the sheet, where it is, how to reach them, or when it
    was revised ("Revised: January 2025")."""
    return bool(_ORGANISATION.search(part) or _CONTACT.search(part) or _PLACE.search(part) or is_furniture(part)
                or re.match(r"(?i)(?:open|hours)\b.*\d", part))  # "Open 8 am - 9 pm daily": when to reach them


def _letterhead(blocks: list[RawBlock], i: int) -> bool:
    """Tell whether the heading at i names who made the sheet, or what kind of sheet it is (over another heading:
    "Why We Made This Handout" over its paragraph is a section's heading), or where to reach them."""
    if _BANNER_DETAIL.search(blocks[i].texts[0]):
        return False  # "Sponsored by the Pulmonary Rehabilitation Department, ...": who runs the group, said (_banner_details)
    parts = _letterhead_parts(blocks[i].texts[0])  # "Division of Viral Hepatitis | Fact Sheet for the Public"
    # (a unit's name beside the organisation's: "Division of Environmental Health  |  Epidemiology & Disease Control")
    return all(_names_or_reaches(p) or _DOCUMENT_KIND.search(p) and i + 1 < len(blocks) and blocks[i + 1].kind == "heading"
               or k and _names_or_reaches(parts[0]) and len(p.split()) <= 4 and _title_like(p.split()) and not re.search(r"\d", p)
               for k, p in enumerate(parts))


def _letterhead_under_title(blocks: list[RawBlock]) -> list[RawBlock]:
    """Take the letterhead lines right under the title (blocks[0]) out of the blocks, and return them."""
    taken = []
    while len(blocks) > 1 and blocks[1].kind == "heading" and _letterhead(blocks, 1):
        taken.append(blocks.pop(1))
    return taken


def _contacts(letterhead: list[RawBlock], rest: list[RawBlock]) -> RawBlock | None:
    """Return the phone lines of a letterhead as a list to keep ("Nurse Advice Line (24 h): (555) 310-4477"): the
    only way a reader has to reach the clinic, where the text does not give them again. A fax is for staff."""
    said = " ".join(t for b in rest for t in b.texts)
    digits = {re.sub(r"\D", "", n) for n in _CONTACT.findall(said)}
    parts = [re.sub(r"\s+(?:https?://|www\.)\S+$|\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", "", p)  # its web address joined on
             for b in letterhead for p in _letterhead_parts(b.texts[0])]
    parts = [re.sub(r"^(Tel|Tel\.|Ph|Phone|Telephone)\.?\s+(?=[(\d])", "Phone: ", p) for p in parts]  # "Tel." ends no sentence
    lines = [p for p in parts if _CONTACT.search(p)
             and not re.match(r"fax\b", p, re.I) and not _PLACE.search(p.split(":")[0])
             and not any(re.sub(r"\D", "", n) in digits for n in _CONTACT.findall(p))]
    # Whose numbers they are: the organisation's name first ("Riverbend Sleep & Pulmonary Associates").
    name = next((p for p in parts if _ORGANISATION.search(p) and not _CONTACT.search(p) and not _PLACE.search(p)
                 and len(p.split()) <= 10 and not is_furniture(p)), None)
    if name:  # "RIVERBEND REGIONAL MEDICAL CENTER" is a name, set in capitals: "Riverbend Regional Medical Center"
        name = re.sub(r"\b[A-Z][A-Z'’]{3,}\b|\b(?:ST|OF|AND|THE|FOR|AT|IN|ON)\b", lambda m: m.group().lower() if m.group().lower()
                      in ("of", "and", "the", "for", "at", "in", "on") and m.start() else m.group().capitalize(), name)
    # Where they are: "4100 Shoreline Drive, Milwaukee, WI" (a sheet that says "return to the emergency department"
    # or "arrive 30 minutes early" sends the reader there)
    street = next((p for p in parts if _STREET.match(p) and not any(p in t for b in rest for t in b.texts)), None)
    lines = [x for x in (name, street) if x] + lines if lines else lines
    return RawBlock("bullets", lines, letterhead[0].line, levels=[(0, "bullets")] * len(lines)) if lines else None


_STREET = re.compile(r"^\d+ [\w.' ]+ (?:street|st|road|rd|avenue|ave|drive|dr|boulevard|blvd|lane|ln|way|court|place|parkway|"
                     r"highway|plaza)\b", re.I)


def _title_at_top(blocks: list[RawBlock]) -> int | None:
    """Return where the title is among the headings a source opens with (a run of them before any text), or None.

    The first heading of that run that is not letterhead, a form's blank or a document kind is the title
    ("Respiratory Syncytial Virus (RSV) in Older Adults" over "Fact Sheet for Patients | Updated 2025").
    A lone heading over the first paragraph stays its section's heading; a Markdown source marks its own (# Title).
    """
    if len(blocks) > 2 and blocks[0].kind == "paragraph" and len(blocks[0].texts) == 1 and _capitals(blocks[0].texts[0]) \
            and len(blocks[0].texts[0].split()) <= 12 and blocks[1].kind == "heading" and not blocks[1].level \
            and _capitals(blocks[1].texts[0]) and len(blocks[1].texts[0].split()) <= 12 and not _letterhead(blocks, 1):
        # "RINGING, BUZZING, HISSING?  YOU ARE NOT THE ONLY ONE." over "NORTH VALLEY TINNITUS & HEARING LOSS SUPPORT
        # GROUP": a banner's call-out over its name; the name is the title, the call-out its first line
        blocks[0], blocks[1] = blocks[1], blocks[0]
        return 0
    run = 0
    while run < len(blocks) and blocks[run].kind == "heading":
        run += 1
    marked = next((i for i, b in enumerate(blocks[:run]) if b.level), None)
    if marked is not None and blocks[marked].title and 0 < marked <= 5 and all(_letterhead(blocks, i) for i in range(marked)):
        return marked  # letterhead lines over a Markdown "# Title": the title is marked
    if run == 0 or run == len(blocks) or marked is not None:
        return None
    if run == 1 and not _letterhead(blocks, 0) and blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1 \
            and not _ends_sentence(blocks[1].texts[0]) and len(blocks[1].texts[0].split()) <= 20 \
            and _title_like(blocks[1].texts[0].split()) and len(blocks) > 2 \
            and not re.search(r"\[[ xX✓]\]|_{2,}|[?:]", blocks[1].texts[0]):  # (not a form's question: "Which side? [ ] Left")
        # "B R E A T H E   E A S Y" over "A Peer-Support Group for People Living with COPD and the People Who Care for
        # Them": a banner and its subtitle, one title (the handout had been named after its file)
        blocks[0].texts[0] = f"{blocks[0].texts[0].rstrip(':')}: {blocks.pop(1).texts[0]}"
        return 0
    if all(_letterhead(blocks, i) for i in range(run)):
        # "RIVERBEND ORTHOPAEDIC & SPORTS MEDICINE" / "Day Surgery Unit | ... | Tel ..." / "After-hours on-call surgeon:
        # (555) 018-4499" (a contact, read as a list) / "DISCHARGE INSTRUCTIONS -- KNEE ARTHROSCOPY": the letterhead
        # runs on through its contact lines, and the title is the heading after them
        k = run
        while k < min(len(blocks), 8) and blocks[k].kind == "bullets" and not blocks[k].table \
                and all(_CONTACT.search(t) for t in blocks[k].texts):
            k += 1
        if k > run and k + 1 < len(blocks) and blocks[k].kind == "heading" and not _letterhead(blocks, k) \
                and blocks[k + 1].kind != "heading":
            contacts = blocks.pop(run)
            for n, t in enumerate(contacts.texts):
                blocks.insert(run + n, RawBlock("heading", [t], contacts.line))  # letterhead lines, taken with it
            return k + len(contacts.texts) - 1
    for i, b in enumerate(blocks[:min(run, 8)]):  # (letterhead runs up to 7 lines: name, unit, address, phones)
        # ("EMERGENCY DEPARTMENT DISCHARGE INSTRUCTIONS" names a department, but says what the sheet is: its title)
        if (not _letterhead(blocks, i) or _SHEET_TITLE.search(b.texts[0])) and not b.texts[0].endswith("?"):
            return i if run > 1 else None
    banner = blocks[run]
    if run <= 5 and banner.kind == "paragraph" and len(banner.texts) == 1 and _capitals(banner.texts[0]) \
            and banner.texts[0].endswith(":") and len(banner.texts[0].split()) <= 8 and run + 1 < len(blocks) \
            and blocks[run + 1].kind == "heading" and not _letterhead(blocks, run + 1):
        # "YOU ARE NOT ALONE:" over "A Peer Support Group for Families Living with Epilepsy": one title of two lines
        # (the banner had been read as a lead-in, and the title as a heading of nothing).
        blocks[run + 1].texts[0] = f"{banner.texts[0]} {blocks[run + 1].texts[0]}"
        del blocks[run]
        blocks[run].kind = "heading"
        return run
    if run <= 5 and banner.kind == "paragraph" and len(banner.texts) == 1 and len(banner.texts[0].split()) <= 25 \
            and not _ends_sentence(banner.texts[0]):
        # Letterhead over a banner of several lines ('"LIVING WELL TOGETHER"' / 'A Support Group for People with MS'
        # / 'and Their Partners'), read as one paragraph: the banner is the title.
        banner.kind = "heading"
        return run
    return None


_BANNER_DETAIL = re.compile(r"\b(?:hosted by|held at|free of charge|no referral|sponsored by|run by|supported by|funded by|"
                            r"in partnership with|(?:every|each) (?:month|week)|(?:1st|2nd|3rd|4th|first|second|third|fourth|"
                            r"last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)\b", re.I)


def _banner_details(blocks: list[RawBlock]) -> None:
    """Keep the lines of a banner under the title ("Hosted by the Nephrology Outpatient Program, Westfield Community
    Hospital" / "Conference Room B (2nd floor, East Wing) * 418 Orchard Avenue" / "Free of charge - no referral
    needed") as a list: read as headings of nothing, they went, and with them where the group meets."""
    j = 1
    while j < len(blocks) and blocks[j].kind == "heading" and not blocks[j].level:
        j += 1
    if j == 2 and j < len(blocks) and blocks[j].kind != "heading" and _BANNER_DETAIL.search(blocks[1].texts[0]):
        # "Hosted by the Family Resource Office, ..." right over the text: who runs the group, no heading of that text
        blocks[1] = RawBlock("bullets", blocks[1].texts, blocks[1].line, levels=[(0, "bullets")])
        return
    if j >= len(blocks) or blocks[j].kind == "heading" or j - 1 <= 1:
        return  # (the last heading of the run heads the text after it)
    lines = [b.texts[0] for b in blocks[1:j - 1]]
    if any(_capitals(x) or x.endswith("?") for x in lines):
        return
    # Only what a reader needs: where, when, who hosts, what it costs (not "Form TM-104", "Revised September 2023").
    joined: list[str] = []
    for x in lines:  # "Sponsored by the Pulmonary Rehabilitation Department, Northfield" / "Community Hospital, ...": wrapped
        if joined and (len(joined[-1]) >= 50 and not re.search(r"[.!?:;]$", joined[-1]) or joined[-1].endswith(",")):
            joined[-1] += f" {x}"
        else:
            joined.append(x)
    said = [x for x in joined if _PLACE.search(x) or _CONTACT.search(x) or _TIME.search(x)
            or _BANNER_DETAIL.search(x)]
    if said:
        blocks[1:j - 1] = [RawBlock("bullets", said, blocks[1].line, levels=[(0, "bullets")] * len(said))]


def _nested_headings(blocks: list[RawBlock]) -> list[RawBlock]:
    """Keep what a heading with nothing of its own says: said with the headings under it, or its lines as a list.

    "## Side effects" over "### Common" and "### Less common": "Side effects: Common", "Side effects: Less
    common" (the nothing under "Side effects" would drop it, and "Common" would say common what?). In plain
    text, lines under a heading that read as content ("Mondays 7:00 - 8:30 pm Community Center, Room 2B")
    are that heading's list, not headings of nothing.
    """
    out: list[RawBlock] = []
    parent: RawBlock | None = None
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "heading" and parent is not None and b.level and b.level <= parent.level:
            parent = None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "heading" and nxt is not None and nxt.kind == "heading" and any(x.kind != "heading" for x in out):
            if b.level and nxt.level > b.level and not (b.title and all(x.kind == "paragraph" for x in out)):
                # (not the "# Title" under letterhead lines: it names the handout)
                parent = b  # its subheadings carry it
                i += 1
                continue
            if not b.level and not nxt.level:
                lines = []
                j = i + 1
                while j < len(blocks) and blocks[j].kind == "heading" and _reads_as_content(blocks[j].texts[0]):
                    lines.append(blocks[j].texts[0])
                    j += 1
                if lines:
                    out += [b, RawBlock("bullets", lines, blocks[i + 1].line, levels=[(0, "bullets")] * len(lines))]
                    i = j
                    continue
        if b.kind == "heading" and parent is not None and b is not parent:
            b = RawBlock("heading", [f"{parent.texts[0].rstrip(':')}: {b.texts[0]}"], b.line, level=b.level)
        out.append(b)
        i += 1
    return out


# "Diagnosis: ...", "Stone size on CT: ...": a label of up to four words, not a heading that asks or says what to
# do ("What to do after an exposure: post-exposure prophylaxis (PEP)" heads what follows).
_LABEL_LINE = re.compile(r"^(?!(?:What|How|When|Why|Who|Where|Which|If|Before|After)\b)([A-Z][A-Za-z-]*(?:'s)?(?: [A-Za-z/-]+){0,3}):"
                         r"\s+(\S.*)$")


def _label_lines(blocks: list[RawBlock]) -> list[RawBlock]:
    """Read "Label: value" lines that looked like headings ("Diagnosis: Kidney stone (ureteric colic), left side",
    "Stone size on CT: approximately 4 mm") as a list of what they say, not as headings of nothing.

    A line of several fields ("Patient weight today: 14 kg      Date: ____") keeps the filled ones; a form's
    blank ("Date of Surgery: ____") says nothing and goes. The first line of a file ("HIV PrEP: What You Need
    to Know") and title-like values stay headings.
    """
    out: list[RawBlock] = []
    consent = _consent_form(blocks)
    for i, b in enumerate(blocks):
        if b.kind in ("heading", "paragraph") and _CONTACT.search(b.texts[0]) and all(x.kind == "heading" for x in blocks[:i]) \
                and not _ends_sentence(b.texts[0]):
            out.append(b)  # "Main line: (207) 555-0143    Surgery clinic: ..." in the headings a sheet opens with: letterhead
            continue
        if consent and _signing_line(b):
            # "Patient / legal guardian signature: ____   Date: ____   Time: ____": the form's signing, kept
            said = "; ".join(_blanked(f)
                             for f in re.split(r"(?:\s{2,}|(?<=_)\s+)(?=[A-Z][\w' /()#-]{0,30}:)", b.texts[0]) if f.strip())
            if out and out[-1].kind == "bullets" and not out[-1].table and BLANK in out[-1].texts[-1]:
                out[-1].texts.append(said)
                out[-1].levels.append((0, "bullets"))
            else:
                out.append(RawBlock("bullets", [said], b.line, levels=[(0, "bullets")]))
            continue
        if b.kind == "paragraph" and re.fullmatch(r"\(.*\)", b.texts[0]) and out and out[-1].kind == "bullets" \
                and not out[-1].table and _LABEL_LINE.match(out[-1].texts[-1]):
            # "General surgery clinic: in 2-4 weeks" / "   (to discuss interval laparoscopic cholecystectomy ...)":
            # the note in brackets set in under a field is the field's
            out[-1].texts[-1] = f"{out[-1].texts[-1]} {b.texts[0]}"
            continue
        if b.kind == "paragraph" and len(b.texts) == 1 and _in_field_run(blocks, i) and out and out[-1].kind == "bullets" \
                and _field(out[-1].texts[-1]):
            out[-1].texts.append(b.texts[0])  # "Phone: (555) 013-7745 (Monday to Friday, ...)." under "Facilitator: ..."
            out[-1].levels.append((0, "bullets"))
            continue
        if b.kind != "heading" or b.level or not i or _capitals(b.texts[0]) or _SECTION_LABEL.match(b.texts[0]):
            # "A QUICK REMINDER: THE RULE OF 15": a heading in capitals; "Prevention: the MMR vaccine": a section's name
            out.append(b)
            continue
        if ":" in b.texts[0] and _PHONE.search(b.texts[0]) and any(x.kind != "heading" for x in blocks[:i]):
            # (not in the headings a sheet opens with: "Main: (614) 555-0182 | Nurse line: ..." is its letterhead)
            # "After-hours on-call line (urgent medical questions): (555) 013-2000": a contact, one of a list, no
            # heading of the lines after it.
            # (One of a list of contacts only: "Questions after discharge? Nurse Line, 24 hours: ..." after a list of
            # warning signs is not one more sign.)
            said = [b.texts[0]]
            if out and out[-1].kind == "bullets" and (_PHONE.search(out[-1].texts[-1]) or not out[-1].table and out[-1].line
                                                       + len(out[-1].texts) == b.line and _LABEL_LINE.match(out[-1].texts[-1])):
                out[-1].texts += said
                out[-1].levels += [(0, "bullets")]
            else:
                out.append(RawBlock("bullets", said, b.line, levels=[(0, "bullets")]))
            continue
        # Fields part at wide gaps, and after a blank ("Patient name: ____ DOB: ____").
        fields = [f.strip() for f in re.split(r"\s{3,}|(?<=__)\s+(?=[A-Z][\w' /]{0,30}:)", b.texts[0]) if f.strip()]
        # Label lines one under another ("Facilitator: Dana Whitfield, LCSW" / "MS Nurse Specialist: ..." / "Email:
        # ..."): a block of fields, even where a value reads like a title; headings do not come in runs like that.
        run = _in_field_run(blocks, i)
        labelled = [f for f in fields if (m := _LABEL_LINE.match(f)) and (run or
            "__" in f or not _title_like(m.group(2).split()) and len(m.group(2).split()) >= 2 or re.search(r"\d", m.group(2)))]
        if all(re.fullmatch(r"[^:_]+:\s*_+[_/ ]*|\[[ xX]\]\s*[\w ]{1,30}", f) for f in fields) \
                and any(_PATIENT_FIELD.search(f.split(":")[0]) for f in fields if ":" in f):
            # "Patient name: ____   Date of birth: ____/____   Chart #: ____": who the patient is, blank ("Nurse: ____
            # [ ] Interpreter used   Language: ____": who saw them, and how)
            continue
        if len(labelled) != len(fields):
            # "Additional procedures agreed (for example, stent removal): ____": a form's line, no heading of what follows
            out.append(RawBlock("paragraph", [b.texts[0]], b.line) if "__" in b.texts[0] else b)
            continue
        # A line with a name or a signature on it is the form's own furniture: its "Date: ____" goes with them.
        furniture = any(re.match(r"[\w' ]*\b(?:name|signature|signed|witness)\b", f, re.I) and "__" in f for f in labelled)
        said = []
        for t in (_filled(f, furniture, consent) for f in labelled):
            if t and said and t.endswith(BLANK) and t.count(BLANK) == 1 and ":" in t and len(t.split(":")[0].split()) <= 2:
                said[-1] += f"; {t}"  # "Ondansetron given in ED: Yes / No   Time: ____": the time of that dose
            elif t:
                said.append(t)
        if not said:
            continue  # "Patient: ________   Date of Surgery: ____/____": a form's blanks
        if out and out[-1].kind == "bullets" and _LABEL_LINE.match(out[-1].texts[-1]):
            out[-1].texts += said
            out[-1].levels += [(0, "bullets")] * len(said)
        else:
            out.append(RawBlock("bullets", said, b.line, levels=[(0, "bullets")] * len(said)))
    return out


def _consent_form(blocks: list[RawBlock]) -> bool:
    """Tell whether a sheet is a consent form: the patient signs that they consent ("I consent to the procedure")."""
    return any(re.search(r"\bI (?:hereby )?(?:\w+ )?(?:consent|agree|give (?:my )?(?:permission|consent))\b|"
                         r"\bconsent form\b", t, re.I) for b in blocks for t in b.texts)


def _signing_line(b: RawBlock) -> bool:
    """A line of a form where someone signs ("Patient signature: ____   Date: ____", "Witness: ____")."""
    return len(b.texts) == 1 and b.kind in ("heading", "paragraph") and "__" in b.texts[0] \
        and any(_SIGNING_FIELD.search(label) for label in re.findall(r"([^:_]+):\s*(?:Dr\.?\s*)?_", b.texts[0]))


def _in_field_run(blocks: list[RawBlock], i: int) -> bool:
    """Tell whether block i is a "Label: value" line right under or over another one (a block of fields)."""
    if not _field(blocks[i].texts[0]) or len(blocks[i].texts) != 1:
        return False
    # (Lines of a form or a contact block, not a list's items: "Recognising a New Stroke: BE FAST" over "- B - Balance:
    # ..." stays a heading.)
    before = blocks[i - 1] if i and blocks[i - 1].kind in ("heading", "paragraph") else None
    after = blocks[i + 1] if i + 1 < len(blocks) and blocks[i + 1].kind in ("heading", "paragraph") else None
    return bool(before and before.line + len(before.texts) == blocks[i].line and _field(before.texts[-1])
                or after and after.line == blocks[i].line + 1 and _field(after.texts[0]))


def _field(text: str) -> bool:
    """A "Label: value" line, or a contact line ("Epilepsy nurse line (Mon-Fri 8:30-4:30): (555) 013-7720")."""
    return bool(_LABEL_LINE.match(text) or ":" in text and _PHONE.search(text))


# "Prevention: the MMR vaccine", "Treatment: what helps": a section's name and its subject, no label of a value.
_SECTION_LABEL = re.compile(r"^(?:prevention|treatment|symptoms|signs|causes|complications|outlook|overview|background|"
                            r"summary|risks|benefits|alternatives|aftercare|recovery|testing|vaccination|management|"
                            r"self[- ]care|home care|diet|exercise|pregnancy|breastfeeding|children|important|warning|caution)\s*:", re.I)
_PHONE = re.compile(r"(?:\(\d{3}\)\s?|\b\d{3}[-.\s])\d{3}[-.\s]\d{4}\b|\b1-800-[\dA-Z-]{7,}|\b988\b")

# A form's blank and its label, at the end of a field ("... in 1 to 2 weeks. Appointment: ___/___ at __:__").


BLANK = "________"  # a form's blank to fill in, as printed
# Fields that only say who the patient is: record-keeping, no part of what the sheet tells them.
# (Who saw the patient is the record's too: "Attending physician: Dr. ____", "Discharging nurse: ____"; whom they
# see next, or who operates, is not: "Surgeon: Dr. ____", "Primary care doctor: Dr. ____ within 7 to 10 days".)
_PATIENT_FIELD = re.compile(r"\b(?:(?:patient|child)(?:'s)?(?: full)? name|(?:full |print(?:ed)? )?name|patient|"
                            r"date of birth|dob|d\.o\.b|mrn|medical record|record number|hospital number|nhs number|"
                            r"(?:patient )?id|address|relationship|ward|bed|admitted|admission|date of admission|"
                            r"discharge date|date of discharge|attending|seen by|discharging|treating|nurse|staff)\b", re.I)
# Fields of the signing: a consent form's purpose, and furniture on any other sheet.
_SIGNING_FIELD = re.compile(r"\b(?:signature|signed|witness|interpreter|parent/guardian|legal representative|"
                            r"obtaining consent)\b", re.I)  # ("Patient or legal representative: ____", "Physician obtaining consent: ____")


def _blanked(field: str, before_box: bool = True) -> str:
    """Return a field with each run of blanks ("______", "____/____/______") printed as one BLANK, spaces tidied
    (`before_box`: a blank before a tick box "[ ]" is one too)."""
    ahead = r"[A-Za-z(\[]" if before_box else r"[A-Za-z(]"
    return re.sub(r"\s+", " ", re.sub(rf"_{{2,}}[_/:\s]*?(?=\s*(?:{ahead}|$))", BLANK + " ", field)).strip()


def _filled(field: str, furniture: bool = False, consent: bool = False) -> str:
    """Return a form's field as printed, its blanks kept for staff to fill in ("Weight today: ________ kg",
    "Surgeon: Dr. ________", "Date of procedure: ________"), or "" for a field that only says who the patient is
    ("Patient name: ____"), or who signs a sheet that is no consent form ("Signature: ____", and a "Date: ____" on
    their line: `furniture`). A consent form keeps its signing lines: without them it cannot be signed."""
    text = _blanked(field, before_box=False)
    m = _LABEL_LINE.match(text)
    if not m or not m.group(2).strip():
        return ""
    # ("Seen by: ________, MD/PA": a blank and the letters after the name to come)
    only_blank = not re.sub(r"\b(?:MD|DO|PA|PA-C|NP|RN|APRN|CNM|DDS)\b", "", re.sub(r"^(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s", "",
                                                                                   m.group(2)).replace(BLANK, "")).strip(" /:,_")
    if only_blank and (_PATIENT_FIELD.search(m.group(1)) or not consent and (furniture or _SIGNING_FIELD.search(m.group(1)))):
        return ""
    return text


def _reads_as_content(line: str) -> bool:
    """Tell whether a short line read as a heading says something of its own (a time, a place, a number)."""
    return bool(re.search(r"\d", line)) and not line.rstrip().endswith(("?", ":"))


_COLOURS = {"🔴": "Red", "🟥": "Red", "🟠": "Orange", "🟧": "Orange", "🟡": "Yellow", "🟨": "Yellow", "🟢": "Green",
            "🟩": "Green", "🔵": "Blue", "🟦": "Blue"}


def _clean(text: str) -> str:
    """Return a text from a reader as every later stage may read it: no control characters, no unsafe address."""
    # "PATIENT DISCHARGE INSTRUCTIONS          Page 1 of 2": a printed page's number is no part of its words.
    text = re.sub(r"(?:\s{2,}|^)Page \d+ of \d+\s*$", "", without_unsafe_addresses(clean_line(text)))
    # "... the advice of your child's doctor. © 2024 Lakeshore Children's Hospital. 1200 N. Lakeshore Dr. ... | Privacy
    # Policy": a page's copyright line and what follows it, run on after a sentence
    text = re.sub(r"(?<=[.!?])\s+(?:©|\([cC]\))\s*(?:19|20)\d{2}\b.*$", "", text)
    # "... one week before the meeting.                 FRO-SC-NL-14 / 08.24": a sheet's code set at the line's end
    text = re.sub(r"(?<=[.!?])\s{3,}[A-Z]{2,6}(?:-[A-Z0-9]{1,8}){2,4}(?:\s*[/·]\s*[\d./-]+)?\s*$", "", text)
    # "🔴 CALL 911 NOW", "⚠️ Important": a picture says no word, and the handout fonts have no glyph for it (a tick
    # "✓" in a form's box stays).
    # A coloured circle or square that codes urgency says its colour ("🔴 CALL 911": "Red: CALL 911"), which the text
    # may refer to ("move straight to the red section").
    # (Not where the line says it: "🔴 RED ZONE - CALL 911 NOW" is no "Red: RED ZONE".)
    text = re.sub(r"^\s*([🔴🟠🟡🟢🔵🟥🟧🟨🟩🟦])\uFE0F?\s*(?=(\w*))", lambda m: "" if m.group(2).lower() == _COLOURS[m.group(1)].lower()
                  else _COLOURS[m.group(1)] + ": ", text)
    # "-> While waiting: stop the burning ..." / "Fever over 3 days => call": a typed arrow is an arrow (said as the
    # plain stage says arrows); at the line's start it only points at the line.
    text = re.sub(r"^\s*(?:-{1,2}>|=>)\s*", "", text)
    text = re.sub(r"(?<=\S)\s+(?:-{1,2}>|=>)\s+(?=\S)", " \u2192 ", text)
    # (inside a line too, where it is a rule's outcome: "No improvement after 7 days → 🟡" says "Yellow")
    text = re.sub(r"([🔴🟠🟡🟢🔵🟥🟧🟨🟩🟦])\uFE0F?", lambda m: _COLOURS[m.group(1)], text)
    text = re.sub(r"\s*[\U0001F000-\U0001FAFF\u2600-\u2712\u2719-\u27BF\u231A\u231B\u23E9-\u23FA\uFE0F\u200D]+\s*", " ",
                  text).strip()  # (and the clocks and buttons among technical signs: "⏱ Hold pressure for 15 minutes")
    if re.fullmatch(r"\s*(?:[A-Z] ){2,}[A-Z](?:\s{2,}(?:[A-Z] )+[A-Z])*\s*", text):
        # "S T E A D Y   G R O U N D": a banner set letter by letter is its words.
        text = " ".join(w.replace(" ", "") for w in re.split(r"\s{2,}", text.strip()))
    return text


def _cleaned(blocks: list[RawBlock]) -> list[RawBlock]:
    """Clean the texts of every reader's blocks alike (see `_clean`); a block left with no text is dropped."""
    for b in blocks:
        b.texts = [t for t in map(_clean, b.texts) if t.strip()]
        if b.kind in ("bullets", "numbered"):
            b.texts = [list_item(t) for t in b.texts]  # "signs of ketoacidosis;": the list's ";", not the item's
    return [b for b in blocks if b.texts]


def read_text(raw: bytes, path: Path) -> Extracted:
    """Read a plain text or Markdown file's bytes (any common encoding) into blocks, after its front matter."""
    text, notes = decode_text(raw, path)
    # Soft hyphens and zero-width marks from web pages hide words from every rule.
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    front, body, body_line = split_front_matter(text, path)
    if path.suffix.lower() in (".md", ".markdown"):
        return Extracted(parse_markdown(body, body_line), front, notes)
    return Extracted(parse_plain_text(body, body_line), front, notes)


_REFERENCES = re.compile(r"^(?:references|sources|bibliography|citations|works cited|footnotes|notes and references)"
                         r"\s*:?$", re.I)


def _without_references(blocks: list[RawBlock]) -> list[RawBlock]:
    """Drop a 'References' section: a patient handout restates claims, its reader needs no citation list."""
    out, skipping, sources_above = [], False, False
    for b in blocks:
        if b.kind == "heading" or b.kind == "paragraph" and len(b.texts) == 1 and _REFERENCES.match(b.texts[0].strip()):
            skipping = bool(_REFERENCES.match(b.texts[0].strip()))  # "## References", or "**References**" on its own
        elif skipping and b.kind == "paragraph" and (re.match(r"[*†‡]|(?:Questions|Contact us|For more information)\b",
                                                              b.texts[0]) or _CONTACT.search(b.texts[0])):
            # "*These statements have not been evaluated by the FDA ...", "Questions? Communicable Disease Control
            # Unit: (555) 210-4400": a note, a contact, no reference
            skipping = False
        if b.kind == "paragraph" and len(b.texts) == 1 and _NOTE_MARK.match(b.texts[0]) and not _citation_notes(b.texts[0]) \
                and any(_source_note(n) for n in _NOTE_MARK.split(b.texts[0]) if n.strip()):
            b.texts[0] = _notes_that_say(b.texts[0])
        # ("Sources: [1] Mlcek J et al., Molecules, 2016. [2] ...": a line of references under its label)
        listed = b.kind in ("paragraph", "bullets", "heading") and re.match(r"(?:sources|references|citations)\s*:\s*\S", b.texts[0], re.I) \
            and re.search(r"\bet al\b|\b(?:19|20)\d{2}\b", b.texts[0])
        # (its wrapped line read apart: "Clin Immunol, 2020. [3] Kawai M et al., Int Arch Allergy Immunol, 2009.")
        wrapped = sources_above and b.kind in ("paragraph", "bullets") and len(b.texts) == 1 \
            and re.search(r"\bet al\b|\b(?:19|20)\d{2}\b", b.texts[0]) and not has_verb(b.texts[0])
        sources_above = bool(listed)
        if not skipping and not listed and not wrapped \
                and not (b.kind == "paragraph" and (_citation_notes(b.texts[0]) or _REFERENCE.match(b.texts[0]))):
            out.append(b)
    return out


# "[2] Kwo PY, Cohen SM, Lim JK. ACG Clinical Guideline: ... Am J Gastroenterol. 2017;112:18-35.": a reference under
# no "References" heading (its journal's year;volume:pages says what it is)
_REFERENCE = re.compile(r"^\[\d{1,3}\]\s+.*\b(?:19|20)\d{2}\s*;\s*\d+(?:\(\d+\))?\s*:\s*[e\d]")


_NOTE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*")


def _source_note(note: str) -> bool:
    """Tell whether a note says where a claim comes from ("Malfertheiner P, et al. Gut 2022.", "Australian Medicines
    Handbook, 2024.", "Heymann DL (ed). Control of Communicable Diseases Manual, 21st ed."), not something to do."""
    # ("⁴ Pharmacy helpline for questions: 1-800-555-0147": a contact, no source)
    # ("¹ Tessler FN et al. ACR Thyroid Imaging ... J Am Coll Radiol 2017;14:587-595.": a journal's reference, however long)
    # (nor a note that says where to go: "² Enrolment: www.aedpregnancyregistry.org, or ask ...")
    return bool(len(note.split()) <= 12 and not has_verb(note)
                or re.search(r"\bet al\b|\b(?:19|20)\d{2}\s*;\s*\d+|\b\d+(?:st|nd|rd|th) ed\b|\b(?:19|20)\d{2}\.?$", note)) \
        and not _CONTACT.search(note) and not _PHONE.search(note) and not re.search(r"www\.|https?://|\w@\w", note)


def _citation_notes(text: str) -> bool:
    """Tell whether a paragraph is a line of sources marked by superscripts ("¹ Hypertension guidelines, 2017-2023.
    ² Prescribing information ..."): the marks they answer are taken out of the text, so they would stand for
    nothing. Each note is short and says nothing (no verb); "¹ Not for children under 12." is a note that says."""
    if not _NOTE_MARK.match(text):
        return False
    return all(_source_note(n) for n in _NOTE_MARK.split(text) if n.strip())


def _notes_that_say(text: str) -> str:
    """Return the notes of a line of notes that say something, each with its mark (a note on a heading or a table
    finds its place by it), without the notes that are sources: "¹ Based on U.S. prescribing information ... ² Check
    the instructions for your specific product, as priming steps differ between brands." keeps its second note."""
    pieces = re.split(r"([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*", text)
    notes = [(mark, note.strip()) for mark, note in zip(pieces[1::2], pieces[2::2]) if note.strip()]
    return " ".join(f"{mark} {note}" for mark, note in notes if not _source_note(note))


def _without_furniture(blocks: list[RawBlock]) -> list[RawBlock]:
    """Drop headings and lines that are page furniture (bylines, 'Share this article', captions, a pasted page's
    menu and related links: see `page_furniture`).

    A heading at the top that a byline or date line follows is the article's title."""
    out = []
    consent = _consent_form(blocks)
    marks = page_furniture(blocks)
    # A pasted page's menu, breadcrumb and share line over a lone heading and its text: that heading is the page's
    # title ("Knee Osteoarthritis"; the handout had been named after its file).
    top = next((k for k, m in enumerate(marks) if not m), len(blocks))
    if top >= 3 and top + 1 < len(blocks) and blocks[top].kind == "heading" and blocks[top + 1].kind == "paragraph" \
            and not blocks[top].level:
        blocks[top].title = True
    # how many blocks after each one are not furniture: a footer is at most one text block from the end
    content_after = [0] * len(marks)
    for i in range(len(marks) - 2, -1, -1):
        content_after[i] = content_after[i + 1] + (not marks[i + 1])
    for i, (b, furniture) in enumerate(zip(blocks, marks)):
        # ("ACCESSIBILITY" over "o Both venues are step-free ...": a section's heading, not a footer's link; a
        # consent form's signing lines are what it is for)
        heads_text = b.kind == "heading" and _capitals(b.texts[0]) and i + 1 < len(blocks) and not marks[i + 1] \
            and blocks[i + 1].kind in ("bullets", "numbered", "paragraph")
        # "NHL-TP-031 v6.2   Northgate Health   Nurse Line (800) 555-0134" after the last text: a page's footer, its
        # code beside who made the sheet (read as a heading, it headed the line under it)
        footer = i > 0 and content_after[i] <= 1 and b.kind in ("heading", "paragraph") and len(b.texts) == 1 \
            and len(parts := _letterhead_parts(b.texts[0])) >= 2 and any(is_furniture(p) for p in parts) \
            and all(len(p.split()) <= 8 and (_names_or_reaches(p) or len(p.split()) <= 4 and _title_like(p.split()))
                    for p in parts)
        if footer and any(_CONTACT.search(p) for p in parts):
            # "LCPHD-IMM-031  |  Revised 08/2025  |  Para español llame al (555) 302-7700": the code goes, the number stays
            kept = "; ".join(p for p in parts if not is_furniture(p))
            kept = f"Phone: {kept}" if re.fullmatch(r"[\d() -]+", kept) else kept  # ("... | Contact Us | 1-800-555-0142")
            b.texts[0], b.kind, footer = kept, "paragraph", False
        elif i > 0 and content_after[i] <= 1 and b.kind == "heading" and len(b.texts) == 1 \
                and len(parts := _letterhead_parts(b.texts[0])) >= 2 and all(_names_or_reaches(p) for p in parts):
            b.kind = "paragraph"  # "Lakeside Children's Hospital | 1200 Harbor Drive | (555) 310-4400" at the end: no heading
        furniture = furniture or footer
        if b.kind == "heading" and not furniture and content_after[i] == 0 and _CONTACT.search(b.texts[0]):
            # "Questions? Dana Okafor, Social Work · 905-555-0120 ext. 4412" over the flyer's code only: no heading
            # (a heading with nothing under it is not printed)
            b.kind = "paragraph"
        if furniture and not (consent and _signing_line(b)) and not heads_text:
            if len(out) == 1 and out[0].kind == "paragraph" and len(out[0].texts) == 1 and len(out[0].texts[0].split()) <= 30 \
                    and not _ends_sentence(out[0].texts[0]) and re.match(r"By\b", b.texts[0]):
                out[0].kind = "heading"  # "ALWAYS EXHAUSTED? THE 3 BEST IRON ..." wrapped over two lines, then its byline
            named = all(_names_or_reaches(p) or _DOCUMENT_KIND.search(p) for p in _letterhead_parts(out[0].texts[0])) \
                if out else False
            if len(out) == 1 and out[0].kind == "heading" and (not named or _SHEET_TITLE.search(out[0].texts[0])):
                out[0].title = True  # "Heat Illness: Stay Safe" then "By Jane Smith | 4 min read" (not a clinic's name)
            continue
        out.append(b)
    return out


def split_front_matter(text: str, path: Path) -> tuple[dict, str, int]:
    """Return (front matter, body, first body line) from `---` delimited `key: value` lines."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
    front = {}
    for n, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            return front, "\n".join(lines[n:]), n + 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in FRONT_MATTER_KEYS:
            raise SourceError(
                f"front matter line '{_excerpt(line)}' is not understood. "
                f"Use 'key: value' with one of: {', '.join(FRONT_MATTER_KEYS)}.", path, n)
        value = value.strip()
        if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]  # a quoted value; not 'the "Baby Blues"', whose closing quote is its own
        front[key] = value
    raise SourceError("the front matter opened with '---' is never closed. Add a line '---' after it.", path, 1)


def _excerpt(text: str, most: int = 60) -> str:
    """Return a text quoted in a message: on one line, and cut short when it is long."""
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 3].rstrip() + "..."


def make_meta(front: dict, path: Path, default_language: str) -> Meta:
    """Build the metadata from front matter, falling back to the file name."""
    title = front.get("title") or _clean(path.stem.replace("_", " ").replace("-", " ")).strip().capitalize()
    slug = front.get("slug") or slugify(title if "title" in front else path.stem)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise SourceError(f"slug '{_excerpt(slug)}' may hold only lower-case letters, digits and dashes.", path)
    return Meta(
        title=title, slug=slug, language=front.get("language") or default_language,
        voice=front.get("voice") or None, reviewed_by=front.get("reviewed_by") or None,
        reviewed_on=front.get("reviewed_on") or None, source=path,
    )


def slugify(text: str) -> str:
    """Make a file-name-safe slug from a title."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-") or "handout"


# --- plain text -------------------------------------------------------------------------

def parse_plain_text(body: str, first_line: int = 1) -> list[RawBlock]:
    """Recover headings, paragraphs, lists and quoted passages from plain text."""
    blocks: list[RawBlock] = []
    raw_lines = _leader_labels_joined(numbered_notes_marked(without_running_lines(body.split("\n"))))
    boxed: set[int] = set()  # the lines drawn inside a box
    # "+-------+------+" between the rows of a table drawn as a grid: its rulers, no box's edges
    lines = [x.replace("+", "|") if _GRID_RULER.fullmatch(x) else x for x in _without_margin_marks(raw_lines)]
    lines = _yes_no_rows(_stacked_options(_without_sales_boxes(_unboxed_lines(lines, boxed), boxed)))
    lines = _marked_labels(lines)
    indents: list[int] = []  # how far in the items of each open level of the list being read stand
    refers_to_sections = bool(re.search(r"\b[Ss]ections? \d", body))
    # "Q: What are the normal ranges?" over its answer, a page of such questions: each a heading (the answer unmarked)
    questions = len(re.findall(r"(?m)^[ \t]*(?:Q|Question)[ \t]*(?:\d{1,2})?[ \t]*[:.)][ \t]+.+(?:\?|\n[ \t]*[a-z].*\?)[ \t]*$", body))
    run_ends = _run_ends(lines)
    width = _wrap_width(lines)
    # the sheet's first sentence: above it, letterhead
    first_sentence = next((k for k, x in enumerate(lines) if _ends_sentence(x.strip()) and len(x.split()) > 8), len(lines))
    skip = 0  # the lines up to here were read as a table
    for i, line in enumerate(lines):
        n = first_line + i
        stripped = line.strip()
        if not stripped or i < skip:
            continue
        table = _pipe_table(lines, i) if "|" in stripped else None
        # ("VitalSpan Daily  ☰  Home  |  Longevity  |  Reviews" over "Search...      🛒 Cart (0)": a menu bar of links
        # between "|" is no row of columns)
        # (two spaces after a sentence's stop are a typist's, no column: "... supervision[5].  Keep a" / "headache diary")
        table = table or (_column_table(lines, i) if re.search(r"[^.!?\s] {2,}\S", stripped) and stripped.count("|") < 2 else None)
        if table and all(is_furniture(x.strip()) or is_menu_bar(x.strip()) for x in lines[i:table[1]] if x.strip()):
            table = None  # "Find a Doctor  |  Locations  |  Pay a Bill" / "Search        Go": a site's menu, no table
        cells = [c for r in table[0] for c in r if c and re.search(r"\w", c)] if table else []
        if table and all(b.kind == "heading" for b in blocks) and (all(_names_or_reaches(c) for c in cells) or not blocks
                and len(table[0]) <= 4 and all(len(c.split()) <= 7 and not re.search(r"[.;!?]$", c) for c in cells)
                and any(re.search(r"\d", c) for c in cells) and not any(r for r in table[0][:1])):
            # (the very first lines, a headerless grid of short names, codes and dates: "NORTHGATE HEALTH NURSE ADVICE
            # LINE      Protocol TR-GU-11 (Adult)" / "Clinical Decision Support      Approved 09/2023")
            # "Ambulatory Surgery Unit  |  2210 Calloway Parkway, Suite 300" / "Main line: (614) 555-0182   After
            # hours: ...": at the top, under the clinic's name, its letterhead (as a table, the title under it was lost)
            table = None
        if table:
            rows, skip = table
            blocks += table_blocks(rows, n) if rows[0] else [
                # No header: each row says its first cell, then the rest ("Weeks 1 and 2: 25 mg once a day").
                RawBlock("bullets", [f"{r[0]}: {'; '.join(c for c in r[1:] if c)}" if r[0] else "; ".join(r) for r in rows[1:]],
                         n, table=True)]
            continue
        if blocks and blocks[-1].table and not blocks[-1].levels and not _previous_line_blank(lines, i) \
                and len(cells := [c for c in re.split(r"\s{2,}", stripped) if c]) >= 2 \
                and len(cells[0].split()) <= 6 and not _ends_sentence(cells[0]):
            # "Feb 11, May 13    Open sharing nights": a row under a table whose first cell is too wide for its column
            blocks[-1].texts.append(f"{cells[0]}: {'; '.join(cells[1:])}")
            continue
        if _LEADER.match(raw_lines[i]) and not _BULLET.match(line) and not _NUMBERED.match(line) and any(_LEADER.match(raw_lines[k]) and _indent(raw_lines[k]) == _indent(line)
                                               for k in (i - 2, i - 1, i + 1, i + 2) if 0 <= k < len(lines)):
            # "  Sept 10 ...... Open sharing" / "  Sept 24* ..... "Decoding the IEP": guest speaker from the" / (set in)
            # "Parent Training & Information Center": a schedule's lines, each an item, its wrapped lines its own (read
            # as text, two dates became headings and two ran into one)
            goes_on = bool(blocks) and blocks[-1].kind == "bullets" and not blocks[-1].table and bool(blocks[-1].levels) \
                and bool(_LEADER.match(raw_lines[blocks[-1].line - first_line] if blocks[-1].line >= first_line else ""))
            _add_item(blocks, goes_on, stripped, n, _indent(line), indents)
            continue
        note = _NOTE.match(stripped)
        if note and note.group(1) == "*" and not any(re.match(r"\s*\*\s+\S", x) for x in lines[max(0, i - 3):i] + lines[i + 1:i + 4]) \
                and any(_anchored(t, "*") for b in blocks for t in b.texts if b.kind != "heading"):
            # "* Repeated infections may mean ..." under "... if they keep coming back.*": a footnote, no bullet
            blocks.append(RawBlock("paragraph", [stripped], n))
            continue
        for kind, pattern in (("bullets", _BULLET), ("numbered", _NUMBERED), ("numbered", _LETTERED), ("bullets", _TICKED)):
            m = pattern.match(line)
            if m and pattern is _LETTERED and not (blocks and (blocks[-1].kind in ("bullets", "numbered", "heading")
                                                               or blocks[-1].texts[-1].endswith(":"))):
                m = None  # "   a. Straighten your arm ..." is a step only under a list's item, a heading or a lead-in
            if m and pattern is _TICKED and not _checklist(lines, i):
                m = None
            if m and pattern is _BULLET and re.match(r"\s*(?:-{1,2}>|=>|→|➔)", line) and blocks and blocks[-1].kind == "paragraph" \
                    and not _previous_line_blank(lines, i) and not _ends_sentence(blocks[-1].texts[-1]):
                m = None  # "... and" / "-> suggest that your parents ... be tested": the arrow of an item run into the text
            if m and pattern is _BULLET and re.match(r"\s*(?:-{1,2}>|=>|→|➔)", line) and blocks \
                    and blocks[-1].kind == "bullets" and blocks[-1].texts[-1].startswith("[") and not _previous_line_blank(lines, i):
                # "  [ ] Age under 3 months WITH fever ..." / "      => If any box is ticked, advise the caller ...": a
                # note on the whole checklist, no item of its last item
                blocks.append(RawBlock("paragraph", [m.group(1).strip()], n))
                break
            # (A "1." after a blank line under a list numbered past 1 starts anew: no step of that list.)
            restarts = _number(line) == 1 and _previous_line_blank(lines, i) and bool(blocks) and len(blocks[-1].texts) > 1
            # ("5. AFTERCARE" after a list of 7 lettered items: no next step of it)
            restarts = restarts or kind == "numbered" and pattern is _NUMBERED and bool(blocks) and blocks[-1].kind == "numbered" \
                and _previous_line_blank(lines, i) and _number(line) is not None \
                and (blocks[-1].lettered or _number(line) != 1 + sum(
                    d == 0 for d, _ in (blocks[-1].levels or [(0, "numbered")] * len(blocks[-1].texts))))
            title, more = (_bracket_goes_on(m.group(1).strip(), lines, i) if m and kind == "numbered"
                           else (m.group(1).strip() if m else "", 0))
            if m and kind == "numbered" and pattern is _NUMBERED and _is_numbered_heading(title, blocks, _next_text_line(lines, i + more),
                                                                 _next_run_end(lines, i + more, run_ends), restarts):
                # "1. Why get vaccinated?"; its number stays where the text refers to it ("see Section 4").
                said = f"{stripped} {' '.join(x.strip() for x in lines[i + 1:i + 1 + more])}".strip() if more else stripped
                blocks.append(RawBlock("heading", [said if refers_to_sections else title], n))
                skip = i + 1 + more
                break
            if m:
                indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
                depth = _list_depth(indents, indent) if blocks and blocks[-1].kind in ("bullets", "numbered") \
                    and not blocks[-1].table and indents and _previous_line_blank(lines, i) is False else None
                if depth is None and kind == "numbered" and blocks and blocks[-1].kind == "numbered" and indents \
                        and indent <= indents[0] + 1 and _number(line) == 1 + sum(d == 0 for d, _ in blocks[-1].levels):
                    depth = _list_depth(indents, indent)  # "2. Isometric wrist extension" after a blank line: step 2
                lettered = pattern is _LETTERED and (depth is None or depth == 0 and blocks[-1].lettered)
                if lettered:
                    # "a) you are pregnant ..." / "b) ...": a list of its own keeps its letters, which the text may name
                    # ("If you tick YES to any of a to e"): items with their letters, no renumbered steps
                    kind, text = "bullets", stripped
                else:
                    text = m.group(1).strip()
                if depth is not None and (depth > 0 or blocks[-1].kind == kind):
                    blocks[-1].texts.append(text)  # an item, or one set in under it ("  - metformin")
                    blocks[-1].levels.append((depth, kind))
                else:
                    blocks.append(RawBlock(kind, [text], n, levels=[(0, kind)], lettered=pattern is _LETTERED))
                    indents[:] = [indent]
                break
        else:
            if (depth := _two_level_depth(lines, i)) is not None:
                # "  Maria Delgado, LCSW, Oncology Social Worker" / "    Phone: (555) 214-3390   Email: ...": a list of
                # names (or places) set in, each with its details set in further (read as headings, each its section)
                if depth and blocks and blocks[-1].kind == "bullets" and not blocks[-1].table and (
                        stripped[0].islower() or _NEVER_ENDS.search(blocks[-1].texts[-1])
                        or blocks[-1].texts[-1].endswith(",")) and blocks[-1].levels[-1][0] in (0, 1):
                    blocks[-1].texts[-1] = _joined(blocks[-1].texts[-1], stripped)  # "... to registered members" / "the Friday ..."
                elif depth and blocks and blocks[-1].kind == "bullets" and not blocks[-1].table:
                    blocks[-1].texts.append(stripped)
                    blocks[-1].levels.append((1, "bullets"))
                elif not depth and blocks and blocks[-1].kind == "bullets" and blocks[-1].levels and not _previous_line_blank(lines, i):
                    blocks[-1].texts.append(stripped)
                    blocks[-1].levels.append((0, "bullets"))
                else:
                    blocks.append(RawBlock("bullets", [stripped], n, levels=[(0, "bullets")]))
                continue
            if _set_in_under_lead_in(lines, i):
                # "Upcoming themes (subject to change):" over "    Jan - Rescue medicines ..." / "    Feb - Sleep ...":
                # short lines set in under a lead-in are its list (read as headings, two of them were lost)
                goes_on = bool(blocks) and blocks[-1].kind == "bullets" and not blocks[-1].table \
                    and not _previous_line_blank(lines, i) and _indent(lines[i - 1]) == _indent(line)
                _add_item(blocks, goes_on, stripped, n, _indent(line), indents)
                continue
            question = _QUESTION.match(stripped)
            more = 0
            if not question and re.match(r"^(?:Q|Question)\s*(?:\d{1,2})?\s*[:.)]\s+\S", stripped) and i + 1 < len(lines) \
                    and lines[i + 1].strip().endswith("?") and lines[i + 1].strip()[:1].islower():
                # "Q: What is lipoprotein(a), and why was it measured when my usual" / "cholesterol panel was already
                # done?": a question wrapped onto a second line
                question, more = _QUESTION.match(f"{stripped} {lines[i + 1].strip()}"), 1
            wiki = re.match(r"^(={2,6})\s*([^=].*?)\s*\1$", stripped)
            starred = re.match(r"^(\*{3,})\s*([^*]+?)\s*\1$", stripped)
            if starred:
                # "*** IMPORTANT WARNING: TENDONS, NERVES AND MOOD ***": a line of its own inside its section (as a
                # heading it would take the section's other text, what must not take the medicine, under "warning")
                blocks.append(RawBlock("paragraph", [starred.group(2)], n))
                continue
            if wiki:
                blocks.append(RawBlock("heading", [wiki.group(2)], n))  # "== Safety: Who Should Avoid Zinc? =="
            elif question and (re.match(r"^(?:A|Answer)\s*[:.]\s", _next_text_line(lines, i + more) or "") or questions >= 2):
                # "Q: What is a migraine?" over "A: ..."; "Q3. Which medicines do I need to stop ...?" keeps its number
                said = f"Q{question.group(1)}. {question.group(2)}" if question.group(1) else question.group(2)
                blocks.append(RawBlock("heading", [said], n))
                skip = i + 1 + more
            elif _item_detail(blocks, lines, i, indents, width):
                # "  * 2nd and 4th Tuesdays, 6:00 - 7:30 PM" / "    Whitfield Cancer Center, Room 3B" / "    2200 Alder
                # Street": the item's details, each a line set in under it (read as headings, the rooms became sections)
                b = blocks[-1]
                b.levels = b.levels or [(0, b.kind)] * len(b.texts)
                depth = b.levels[-1][0] if b.levels[-1][0] > 0 and _indent(lines[i - 1]) == _indent(line) else b.levels[-1][0] + 1
                b.texts.append(stripped)
                b.levels.append((depth, "bullets"))
            elif blocks and not _previous_line_blank(lines, i) and (not _ends_sentence(blocks[-1].texts[-1])
                    # "... before switching (guest speaker:" / "Anita Rao, MD)": an open bracket goes on
                    or blocks[-1].texts[-1].count("(") > blocks[-1].texts[-1].count(")") or (
                    # "... when it benefits the patient, e.g." / "before planned chemotherapy": no sentence ends there
                    stripped[0].islower() and re.search(r"\b(?:e\.g|i\.e|approx|incl|esp|vs|cf|viz|a\.m|p\.m|var|subsp|spp|sp)\.$", blocks[-1].texts[-1])) or (
                    stripped[0].islower() and (blocks[-1].texts[-1].endswith(";") or blocks[-1].texts[-1].endswith(":")
                                               and blocks[-1].kind in ("bullets", "numbered") and bool(indents)
                                               and _indent(line) > indents[-1] + 1)
                    and not re.match(r"\(?[a-z][.)]\s", stripped))
                    # "  * Over-the-counter naproxen sodium ...: 1 tablet every 8 to 12" / "    hours; ..." / "    Never take
                    # more than 2 tablets ...": the item's next sentence, set in as its text is (apart, it read as a rule
                    # for every dose)
                    or blocks[-1].kind in ("bullets", "numbered") and not blocks[-1].table and bool(indents)
                    and _indent(line) > indents[-1] + 1 and _indent(line) == _text_column(lines[i - 1])) \
                    and (blocks[-1].kind == "paragraph" or blocks[-1].kind in ("bullets", "numbered")
                         and (stripped[0].islower() or indents and _indent(line) > indents[-1])) \
                    and (not _apart_as_furniture(blocks[-1].texts[-1], stripped, lines, i)
                         or blocks[-1].texts[-1].count("(") > blocks[-1].texts[-1].count(")")) \
                    and not (stripped[0].isupper() and _word_would_fit(lines[i - 1], stripped, width)) \
                    and not (_STREET.match(stripped) and re.search(r"[\w)]$", blocks[-1].texts[-1])) \
                    and not _timed(blocks[-1].texts[-1]) \
                    and not ("__" in stripped and _LABEL_LINE.match(stripped)) \
                    and not re.match(r"\[[ xX✓]\]|[¹²³⁴⁵⁶⁷⁸⁹]", stripped) \
                    and not re.search(r"\S\s+\[[ xX✓]\]\s*[\w/ -]+$", blocks[-1].texts[-1]) \
                    and not (re.fullmatch(r"\([^()]*\)", blocks[-1].texts[-1]) and _LABEL_LINE.match(stripped)) \
                    and not (_LABEL_LINE.match(stripped) and blocks[-1].kind == "bullets" and _LABEL_LINE.match(blocks[-1].texts[-1])
                             and not re.search(r"[,(/-]$|\b(?:and|or|the|of|to|a)$", blocks[-1].texts[-1])):
                # ("(Compare to: Zestril®, Prinivil®)" over "Dispensed by: Northgate Community Pharmacy ...": a note in
                # brackets, then a field; "Where: Maple Room, ..." / "Children's Hospital, 415 Orchard Street" / "Parking:
                # Garage B ...": a field, then the next; apart, each its own line)
                # ("Clinician: ____", "[ ] Levofloxacin ...", a line after "... pregnant?  [ ] Yes  [ ] No": lines of their own)
                # A paragraph, or a list item, hard-wrapped over several lines continues here.
                blocks[-1].texts[-1] = _joined(blocks[-1].texts[-1], stripped)
            elif (prev := _title_above(blocks, n, width, stripped)) and _title_like(prev.split()) \
                    and len(stripped.split()) <= 10 and _title_like(stripped.split()) and not _LABEL_LINE.match(stripped) \
                    and not _capitals(stripped) and not _TITLE_GOES_ON.match(stripped) and not _DOCUMENT_KIND.search(stripped) \
                    and not re.search(r"\S {3,}\S", f"{prev} {stripped}"):  # (not a site's menu over two lines)
                # "ALWAYS EXHAUSTED? 7 Surprising Signs Your Body Is Begging for Vitamin" / "B12 (And the Best B12 ...)":
                # a long title wrapped onto a second line
                blocks[-1].texts[0] += " " + stripped
            elif _is_heading_line(stripped, _next_text_line(lines, i)) and not _wraps_on(stripped, lines, i, run_ends) \
                    and not (i > first_sentence and re.search(r"\w:\s+\S.*\s\|\s+\S", stripped)
                             and (_CONTACT.search(stripped) or re.search(r"\w@\w", stripped))) \
                    and not (i > first_sentence and _STREET.match(stripped)) \
                    and not (_indent(line) >= 2 and i > 0 and lines[i - 1].strip() and _indent(lines[i - 1]) == _indent(line)
                             and not _capitals(stripped) and not _capitals(lines[i - 1].strip())
                             and not lines[i - 1].rstrip().endswith(":")
                             and not _is_heading_line(lines[i - 1].strip(), stripped)):
                # ("Group facilitators: Maria and Dennis   |   Email: ..." under the text: fields side by side, no title;
                # "88 Harbour View Road, Lakeshore": where a place is, under its name; above the text, letterhead)
                # ("  Second Tuesday of every month, 6:30 pm" / "  North Valley Public Library, Community Room B": a
                # line set in under the one before, as it is, is a line of that block, no heading over the next)
                if _centred_title_goes_on(blocks, lines, i):
                    # "        INFORMED CONSENT FOR ULTRASOUND-GUIDED THYROID" / "              FINE-NEEDLE ASPIRATION (FNA)
                    # BIOPSY": a title centred over two lines (its second line had become a section of the form)
                    blocks[-1].texts[0] += " " + stripped
                    continue
                prev = _title_above(blocks, n, width, stripped)
                if prev and _capitals(prev) and _capitals(stripped) and not _ORGANISATION.search(prev) \
                        and not _ORGANISATION.search(stripped) and not _CONTACT.search(stripped):
                    # "ALWAYS EXHAUSTED? THE 3 BEST IRON SUPPLEMENTS ... MAY FINALLY" / "FIX YOUR AFTERNOON CRASH (2024
                    # BUYER'S GUIDE)": a title in capitals wrapped onto a second line
                    blocks[-1].texts[0] = f"{prev} {stripped}"
                    continue
                # "║ WARNING: FETAL TOXICITY ║" over the box's text: the box's first line, no heading of what follows
                # the box (the leaflet's next paragraph had gone under the warning)
                inside = i in boxed and i + 1 in boxed and ":" in stripped  # ("Key facts" heads its box's list)
                blocks.append(RawBlock("paragraph", [f"{stripped}."], n) if inside
                              # (a box's last line heads nothing outside the box: "📅 Book a Rheumatology Appointment")
                              else RawBlock("paragraph", [stripped], n) if i in boxed and i + 1 not in boxed
                              else RawBlock("heading", [stripped.lstrip("#").strip()], n))
            else:
                blocks.append(RawBlock("paragraph", [stripped], n))
    for b in blocks:
        if b.kind == "bullets" and len(b.texts) == 1 and b.texts[0].endswith("<<"):
            # ">> Not sure if you're deficient? Grab our FREE checklist" / "-- just enter your email below! <<": a box
            # set in the text, no bullet (read as one, it became a warning sign of the list above it)
            b.kind, b.texts, b.levels = "paragraph", [b.texts[0][:-2].rstrip()], []
        if b.kind == "paragraph":
            b.texts[0], b.quoted = unquote(b.texts[0])
    return _lead_in_headings(laid_out(_timetables(_after_last_rule(_answers_unlabelled(_contacts_apart(blocks)), raw_lines,
                                                                   first_line))))


def _answers_unlabelled(blocks: list[RawBlock]) -> list[RawBlock]:
    """Take the "A." off an answer under its question ("Q4. Do I need to fast?" / "A.  Yes. Unless your letter ..."):
    the heading asks, the text answers; printed, "A. Yes" read as a lettered step."""
    for before, b in zip(blocks, blocks[1:]):
        if b.kind == "paragraph" and before.kind == "heading" and before.texts[0].endswith("?"):
            b.texts[0] = re.sub(r"^(?:A|Answer)\s*[:.]\s+", "", b.texts[0])
    return blocks


def _contacts_apart(blocks: list[RawBlock]) -> list[RawBlock]:
    """Set phone lines read as a list right after another list apart from it, each a line of its own ("Device Clinic
    (Mon-Fri 08:30-17:00) ..... 01632 960 417" after the signs to call about): printed next to it, they read as more
    of its items."""
    out: list[RawBlock] = []
    for b in blocks:
        if b.kind == "bullets" and not b.table and out and out[-1].kind in ("bullets", "numbered") \
                and all(_CONTACT.search(t) and len(t.split()) <= 12 for t in b.texts):
            out += [RawBlock("paragraph", [t], b.line) for t in b.texts]
        else:
            out.append(b)
    return out


def _after_last_rule(blocks: list[RawBlock], raw_lines: list[str], first_line: int) -> list[RawBlock]:
    """Give the text under a rule at the end of a sheet ("-----" / "Spectrum Circle is facilitated by trained parent
    volunteers ...") a section of its own: under the last heading, a footer's notes read as that section's ("In a
    crisis?")."""
    rules = [first_line + k for k, x in enumerate(raw_lines) if x.strip() and _STAR_RULE.fullmatch(x)
             and not _closes_box(raw_lines, k)]
    heads = [b.line for b in blocks if b.kind == "heading"]
    if not rules or not heads or rules[-1] < heads[-1]:
        return blocks
    rule = rules[-1]
    after = [k for k, b in enumerate(blocks) if b.line > rule]
    if not after or not any(heads[-1] < b.line < rule for b in blocks if b.kind != "heading") \
            or not any(blocks[k].kind == "paragraph" for k in after):
        return blocks
    return blocks[:after[0]] + [RawBlock("heading", ["More information"], rule)] + blocks[after[0]:]


def _closes_box(raw_lines: list[str], k: int) -> bool:
    """Tell whether the rule on line `k` is the top or bottom of a box drawn with the same rule at both ends ("  ====="
    / "CALL 999 IF YOUR BABY:" ... / "  ====="): the text inside runs from the top edge down to the bottom one, so
    no footer starts under either."""
    def pair(top: int, bottom: int) -> bool:
        return top + 1 < bottom and bool(raw_lines[top + 1].strip()) and bool(raw_lines[bottom - 1].strip())
    below = next((j for j in range(k + 1, min(len(raw_lines), k + 60)) if raw_lines[j] == raw_lines[k]), None)
    above = next((j for j in range(k - 1, max(-1, k - 60), -1) if raw_lines[j] == raw_lines[k]), None)
    return below is not None and pair(k, below) or above is not None and pair(above, k)


def _add_item(blocks: list[RawBlock], goes_on: bool, text: str, n: int, indent: int, indents: list[int]) -> None:
    """Add a list item: to the list just read (`goes_on`), or as the first of a new one, set in at `indent`."""
    if goes_on:
        blocks[-1].texts.append(text)
        blocks[-1].levels.append((0, "bullets"))
    else:
        blocks.append(RawBlock("bullets", [text], n, levels=[(0, "bullets")]))
        indents[:] = [indent]


def _wrap_width(lines: list[str]) -> int:
    """Return how wide the text's lines run (the 90th percentile of its lines' lengths): where it was hard-wrapped,
    about the wrap's width; where paragraphs stand on one line each, far wider than any short line."""
    # (not a table's lines: their columns run wider than the text's wrap)
    lengths = sorted(len(x.rstrip()) for x in lines if x.strip() and x.count("|") < 2
                     and not re.search(r"\S\s{3,}\S.*\S\s{3,}\S", x.strip()))
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _word_would_fit(before: str, line: str, width: int) -> bool:
    """Tell whether the first word of a line would have fitted at the end of the line before it, with room to spare:
    then the break is the writer's, no wrap ("After hours: call the operator ... on call" / "Spanish-language
    interpreter available on request" in a text whose paragraphs stand on one line each)."""
    before = before.strip()
    # (Not under a banner's short line or one in capitals: '"LIVING WELL TOGETHER"' / 'A Support Group for People
    # with MS' is one title over two lines.)
    if before.endswith((",", "(", "-", "/")) or before.count("(") > before.count(")") or _NEVER_ENDS.search(before) \
            or re.search(r"\b(?:such as|as well as|including|like)$", before) or _ENDS_MID_PHRASE.search(before):
        return False  # "Hosted by the Patient & Family Programs Office," / "Lakeshore Digestive Health Center": it goes on
    return len(before) >= 40 and not _capitals(before) and len(before) + 1 + len(line.split()[0]) < width - 10


def _title_above(blocks: list[RawBlock], n: int, width: int, line: str) -> str:
    """Return the heading on the line right above line n when it runs as wide as a wrapped line and ends no phrase
    (a title that may go on onto this line), and this line is no page furniture; "" otherwise."""
    if not blocks or blocks[-1].kind != "heading" or blocks[-1].line != n - 1 or is_furniture(line):
        return ""
    title = blocks[-1].texts[0]
    return title if len(title) >= max(50, width - 12) and not re.search(r"[.,;:]$", title) else ""


def _centred_title_goes_on(blocks: list[RawBlock], lines: list[str], i: int) -> bool:
    """Tell whether line i carries on the heading on the line above: both in capitals, centred on one axis, and the
    one above names a kind of sheet whose subject is still to come ("INFORMED CONSENT FOR ...") or ends mid-phrase."""
    above, line = lines[i - 1] if i else "", lines[i]
    if not blocks or blocks[-1].kind != "heading" or not above.strip() or blocks[-1].texts[0] != above.strip():
        return False
    centre = lambda x: _indent(x) + len(x.strip()) / 2  # noqa: E731
    return _indent(above) >= 4 and _indent(line) >= 4 and abs(centre(above) - centre(line)) <= 3 \
        and _capitals(above.strip()) and _capitals(line.strip()) \
        and bool(_SHEET_TITLE.search(above) or _ENDS_MID_PHRASE.search(above.strip()))


def _text_column(line: str) -> int:
    """Return the column a line's text starts in, after its bullet, number or box if it has one ("  * Over-the-counter":
    4, "  [ ] Burns to the face": 6)."""
    m = _BULLET.match(line) or _NUMBERED.match(line) or _LETTERED.match(line) or re.match(r"^\s*\[[ xX]\]\s+(.*)$", line)
    return len(line.expandtabs(4)) - len(m.group(1).expandtabs(4)) if m else _indent(line)


def _checklist(lines: list[str], i: int) -> bool:
    """Tell whether line i, a box and its words, is one of two or more such lines at its depth, read apart only by
    lines set in under their text (a checklist, not a lone box to tick)."""
    indent, boxed = _indent(lines[i]), 0
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and lines[j].strip():
            if _TICKED.match(lines[j]) and _indent(lines[j]) == indent:
                boxed += 1
            elif _indent(lines[j]) <= indent:
                break
            j += step
    return boxed >= 1


def _item_detail(blocks: list[RawBlock], lines: list[str], i: int, indents: list[int], width: int) -> bool:
    """Tell whether line i is a detail of the list item above it: set in under it, right after it, starting as a line
    does, where the item is a time ("2nd and 4th Tuesdays, 6:00 - 7:30 PM") or the line's first word would have
    fitted on the line above (the break is the writer's, no wrap)."""
    line, stripped = lines[i], lines[i].strip()
    if not blocks or blocks[-1].kind not in ("bullets", "numbered") or blocks[-1].table or _previous_line_blank(lines, i) \
            or not indents or _indent(line) <= indents[-1] or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    b = blocks[-1]
    item = next((t for (d, _), t in zip(reversed(b.levels), reversed(b.texts)) if d == 0), b.texts[-1])
    return _timed(item) and not _ends_sentence(lines[i - 1].strip()) or \
        not _ends_sentence(lines[i - 1].strip()) and _word_would_fit(lines[i - 1], stripped, width)


def _two_level_depth(lines: list[str], i: int) -> int | None:
    """Return 0 or 1 where line i stands in a run of lines, all set in, at two depths only, the first line at the lesser
    one, none a bullet or a hard-wrapped sentence (a contact list: names, and their phones set in under each); None
    otherwise."""
    first, last = i, i
    while first > 0 and first > i - 40 and lines[first - 1].strip():
        first -= 1
    while last + 1 < len(lines) and last + 1 < i + 40 and lines[last + 1].strip():
        last += 1
    run = lines[first:last + 1]
    depths = sorted({_indent(x) for x in run})
    # (at the margin only under a time: "First Tuesday of every month, 6:00 - 7:30 p.m." / "        Conference Room 2B")
    if len(run) < (2 if _TIME.search(run[0]) else 3) or len(depths) != 2 or depths[0] == 0 and not (_timed(run[0].strip()) or _TIME.search(run[0]) and
                                                                   depths[1] >= 4) \
            or _indent(run[0]) != depths[0] or not 2 <= depths[1] - depths[0] <= 10 \
            or (first > 0 and lines[first - 1].strip()):
        return None
    for x in run:
        t = x.strip()
        if _BULLET.match(x) or _NUMBERED.match(x) or _TICKED.match(x) or len(t) > 100 or t[0].islower() and _indent(x) == depths[0] \
                or _indent(x) == depths[0] and _ends_sentence(t) and not re.search(r"\b[ap]\.m\.$", t):
            return None  # ("Daytime group: 2nd Tuesday of every month, 1:30 - 3:00 p.m." ends no sentence)
    return 0 if _indent(lines[i]) == depths[0] else 1


def _set_in_under_lead_in(lines: list[str], i: int) -> bool:
    """Tell whether line i is one of two or more short lines, each a line of its own, set in further than the
    lead-in ending ":" right over them (a list without bullets)."""
    indent, first = _indent(lines[i]), i
    while first > 0 and first > i - 30 and lines[first - 1].strip() and _indent(lines[first - 1]) == indent:
        first -= 1
    lead = lines[first - 1] if first > 0 else ""
    if not lead.strip().endswith(":") or _indent(lead) >= indent or _BULLET.match(lead) or _NUMBERED.match(lead):
        return False
    last = i
    while last + 1 < len(lines) and last + 1 < i + 30 and lines[last + 1].strip() and _indent(lines[last + 1]) == indent:
        last += 1
    run = [x.strip() for x in lines[first:last + 1]]
    # Each its own line: short, starting as a line does, not ending mid-phrase (a hard-wrapped note set in is no list).
    return last > first and all(len(x) <= 90 and (x[0].isupper() or x[0].isdigit() or x[0] in "\"'“(")
                                and not _NEVER_ENDS.search(x) and not _ENDS_MID_PHRASE.search(x) for x in run)


def _lead_in_headings(blocks: list[RawBlock]) -> list[RawBlock]:
    """Make a lead-in in capitals over a list that a heading follows ("RETURN TO THE EMERGENCY DEPARTMENT OR CALL 911
    IF:" / its warning signs / "FOLLOW-UP") the heading of that list: read as a lead-in, its signs stayed in the
    section before ("Pain medicines"). Not when text follows the list: it would go under the signs' heading."""
    # "HOW TO TAKE IT:", "MISUSE AND DEPENDENCE:", "DRIVING:": a sheet set out in short labels in capitals, each over
    # its text, has its sections there (read as lead-ins, every section ran on under the one heading above them).
    # The colon stays: "DO NOT:" over its items still leads into them.
    labels = [b for i, b in enumerate(blocks) if b.kind == "paragraph" and len(b.texts) == 1 and b.texts[0].endswith(":")
              and _capitals(b.texts[0]) and len(b.texts[0].split()) <= 7 and not re.search(r"\d", b.texts[0])
              and i + 1 < len(blocks) and blocks[i + 1].kind != "heading"]
    if len(labels) >= 3:
        for b in labels:
            b.kind = "heading"
    for i, b in enumerate(blocks):
        if b.kind != "paragraph" or len(b.texts) != 1 or not b.texts[0].endswith(":") or not _capitals(b.texts[0]) \
                or not 3 <= len(b.texts[0].split()) <= 16 or i + 1 >= len(blocks) or blocks[i + 1].kind not in ("bullets", "numbered"):
            continue
        j = i + 1
        while j < len(blocks) and (blocks[j].kind in ("bullets", "numbered") and (j == i + 1 or blocks[j].depth)):
            j += 1
        if j == len(blocks) or blocks[j].kind == "heading":
            b.kind = "heading"
    return blocks


_BOX_EDGE = re.compile(r"\s*[+┌└╔╚][-=─═+┬┴]{3,}[+┐┘╗╝]\s*|\s*[|│║]_{3,}[|│║]\s*")  # ("|______|": a box's bottom)
# "*****", "=====", "-----" above, below or between parts of a sheet: a rule, no text (a table's ruler, "------   ----",
# has its columns' gaps and is the table reader's).
_STAR_RULE = re.compile(r"\s*(?:[-=*_~─━═#]\s?){5,}\s*|\s*(?:-{3,}|_{3,}|={3,}|\*{3,})\s*")  # ("---" too)
_BOX_SIDES = re.compile(r"\s*(?:\|\||[|│║]) ?(.*?)\s*(?:\|\||[|│║])\s*")


def _number(line: str) -> int | None:
    """Return the number a numbered list line starts with ("2. Isometric ..." -> 2), or None."""
    m = re.match(r"\s*(?:step\s+)?(\d{1,2})\b", line, re.I)
    return int(m.group(1)) if m else None


def _indent(line: str) -> int:
    """Return how far in a line starts ("     15 minutes longer ..." under "  *  Guest speaker ... up to": 5)."""
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


_GRID_RULER = re.compile(r"\s*\+(?:[-=:]{2,}\+){2,}\s*|\s*[-=:]{2,}(?:\+[-=:]{2,}){2,}\s*")  # ("-----+-----+-----": unframed)
_QUESTION = re.compile(r"^(?:Q|Question)\s*(\d{1,2})?\s*[:.)]\s+(.+\?)$")  # "Q: ...?", "Q3. Which medicines ...?"
_LEADER = re.compile(r"^\s*\S.{0,100}?(?:\s*\.{4,}|\s\.{3}(?=\s+\S[^.]{0,30}$))\s*\S")  # "Sept 10 ...... Open sharing": dot leaders from a label to its line
_MARGIN_MARK = re.compile(r"^(\s*)(!{1,3}|>{1,3}|\*{2,3}|={2,3}>?)\s+(?=\S)")


def _marked_labels(lines: list[str]) -> list[str]:
    """Return the lines without the marks around a label or before a heading: "!! ALCOHOL !!" (a warning's label, in
    its box), ">>> RELATED: 7 Foods That May ... <<<" (a link between arrows), ">> 1. WHAT IS QUERCETIN?" over its
    text (a numbered heading in capitals: read as a bullet, every heading after the contents became an item)."""
    out = []
    for k, x in enumerate(lines):
        x = re.sub(r"^(\s*)!{2,}\s*(\S.*?)\s*!{2,}\s*$", r"\1\2", x)
        x = re.sub(r"^(\s*)>{2,}\s*(\S.*?)\s*<{2,}\s*$", r"\1\2", x)
        if (k == 0 or not lines[k - 1].strip() or _STAR_RULE.fullmatch(lines[k - 1])) \
                and (k + 1 == len(lines) or not lines[k + 1].strip() or _STAR_RULE.fullmatch(lines[k + 1])):
            # "!!  A SUPPORT GROUP IS NOT A SUBSTITUTE FOR MEDICAL CARE" between rules: a heading, marked
            x = re.sub(r"^(\s*)!{1,3}\s+([^a-z]{12,}[^a-z.!:;])\s*$", r"\1\2", x)
        heading = re.match(r"(\s*)>{2,}\s+(\d{1,2}[.)]\s+[^a-z]+?)\s*$", x)
        if heading and not re.search(r"[.!:;]$", heading.group(2)) and (k == 0 or not lines[k - 1].strip()):
            x = heading.group(1) + heading.group(2)
        out.append(x)
    return out


def _leader_labels_joined(lines: list[str]) -> list[str]:
    """Put a dotted line's label wrapped onto the line above back with it ("  Out of hours / seizure lasting" / "  longer
    than 5 minutes .......... CALL 911"): read apart, the 911 line said no seizure."""
    out = list(lines)
    for k in range(len(lines) - 1):
        above, line = out[k], lines[k + 1]
        if above.strip() and _LEADER.match(line) and line.strip()[:1].islower() and not _LEADER.match(above) \
                and _indent(above) <= _indent(line) <= _indent(above) + 4 and not re.search(r"[.:;!?]$", above.strip()):
            # (set in under the label too: "  Non-sedating antihistamines: cetirizine, levocetirizine," / "    loratadine,
            # desloratadine, fexofenadine ....... 5-7 days")
            out[k], out[k + 1] = "", f"{above.rstrip()} {line.strip()}"
    return _dotted_columns(_leader_table_headed(out, lines))


_DOTTED_ROW = re.compile(r"\s*[^\s.].*?[^\s.]\s?\.{2,}\s?[^\s.].*?[^\s.]\s?\.{2,}\s?[^\s.].*")  # two dotted gaps


def _dotted_columns(lines: list[str]) -> list[str]:
    """Read a table whose columns are joined by dots ("RESULT ...... DOB VALUE ...... WHAT IT USUALLY MEANS" /
    "Negative ...... below 2.5 ...... No active infection detected") as columns: the dots become the spaces they
    stand for, so each cell starts where its column does (read as a label and its line, the header was an item and
    "Borderline / indeterminate .. 2.5" lost its gap)."""
    out = list(lines)
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and _DOTTED_ROW.fullmatch(lines[j]):
            j += 1
        if j - k >= 3:
            for n in range(k, j):
                out[n] = re.sub(r"\s?\.{2,}\s?", lambda m: " " * max(3, len(m.group())), lines[n])
        k = max(j, k + 1)
    return out


_DOT_RULER = re.compile(r"\s*\.{5,}(?:\s+\.{5,})+\s*")  # "......................  ..........": a dotted table's ruler


def _leader_table_headed(lines: list[str], raw: list[str]) -> list[str]:
    """Say a dotted table's column name with each of its values ("Medicine (examples)      Stop for at least" /
    "........   ......." / "Hydroxyzine ......... 7-10 days": "Hydroxyzine ......... stop for at least 7-10 days"):
    read apart, the header was a heading and each value lost its "at least"."""
    out = list(lines)
    for k in range(1, len(lines)):
        if not _DOT_RULER.fullmatch(lines[k]):
            continue
        header = [c for c in re.split(r"\s{2,}", lines[k - 1].strip()) if c]
        if len(header) != 2:
            continue
        out[k - 1], out[k] = "", ""
        named = header[1][:1].lower() + header[1][1:] if not header[1][:2].isupper() else header[1]
        for j in range(k + 1, len(lines)):
            if not raw[j].strip():  # (a label put back with its dotted line left its own line blank)
                break
            out[j] = re.sub(r"(\s\.{3,}\s*)(?=\S)", lambda m: f"{m.group(1)}{named} ", out[j], count=1)
    return out


def _without_margin_marks(lines: list[str]) -> list[str]:
    """Return the lines without the marks set in the margin of every line of a warning ("!! STOP TAKING LISINOPRIL
    ... IF YOU HAVE" / "!! SWELLING OF THE FACE ..."; "  >>> GO TO THE NEAREST EMERGENCY DEPARTMENT ..."): where a
    marked line runs on into the next (no sentence ends there), the marks are the warning's, not bullets (as bullets
    the sentence was cut at each line's end)."""
    out, i = list(lines), 0
    while i < len(lines):
        m = _MARGIN_MARK.match(lines[i])
        j = i + 1
        while m and j < len(lines) and (n := _MARGIN_MARK.match(lines[j])) and n.group(2) == m.group(2):
            j += 1
        lead_in = i > 0 and lines[i - 1].strip().endswith(":")  # "... CALL 911 IF YOU:" over "  ! faint again": bullets
        # ("!! ... SOMEONE WITH  !!": the same marks in the right margin too)
        right = re.compile(r"\s+" + re.escape(m.group(2)).replace(">", "[<>]") + r"\s*$") if m else None
        bare = [right.sub("", _MARGIN_MARK.sub("", x)).strip() for x in lines[i:j]] if m else []
        if m and j - i >= 2 and not lead_in and any(_runs_on(bare[k], bare[k + 1]) for k in range(len(bare) - 1)):
            for k in range(i, j):
                out[k] = right.sub("", _MARGIN_MARK.sub(r"\1", lines[k], count=1))
        i = max(j, i + 1)
    return out


_SALES = re.compile(r"\b(?:shop now|buy now|check price|add to cart|order now|use code|promo code|coupon|\d+% off)\b", re.I)


def _without_sales_boxes(lines: list[str], boxed: set[int]) -> list[str]:
    """Drop a box that sells ("🏆 OUR TOP PICK: PureRoot Berberine ..." / "➜ CHECK PRICE ON AMAZON   Use code ... for
    15% off"): read line by line, its product became a claim of the text, or an item of the list above it."""
    out, k = list(lines), 0
    while k < len(lines):
        if k in boxed:
            end = k
            while end + 1 in boxed:
                end += 1
            if any(_SALES.search(lines[n]) for n in range(k, end + 1)):
                out[k:end + 1] = [""] * (end + 1 - k)
            k = end + 1
        else:
            k += 1
    return out


def _yes_no_rows(lines: list[str]) -> list[str]:
    """Read a form's questions under "YES  NO" columns of tick boxes ("  a. Pacemaker, defibrillator or heart wire   [ ]
    [ ]") with their boxes named at the end of the question ("... heart wire: [ ] Yes [ ] No", after its wrapped line):
    read as a table they ran together, the boxes in the middle of the words. The columns' names may end a heading's
    line ("PART D - PLEASE TELL STAFF IF:      YES    NO"), dot leaders may lead to the boxes, and the questions under
    a later heading are in the same columns ("TIER 2 - ..." under "TIER 1 - ...": its boxes, no names over them)."""
    out, i = list(lines), 0
    row = re.compile(r"(\s*)(\S.*?)(?:\s*\.{3,}\s*|\s+)\[([ xX])\]\s+\[([ xX])\]\s*")
    names = None  # the columns' names, once a head has named them
    while i < len(lines):
        head = re.fullmatch(r"(\s*\S.*?\S)?\s{4,}(YES|Yes)\s{2,}(NO|No)\s*", lines[i])
        if head and (head.group(1) is None or len(lines[i]) - len(head.group(1)) >= 8):
            names = head.group(2).capitalize(), head.group(3).capitalize()
            out[i] = head.group(1) or ""
            i += 1
            continue
        if not row.fullmatch(lines[i]):
            i += 1
            continue
        k, boxes, first = i, None, None  # the question open, its boxes, and its first line
        while k < len(lines) and lines[k].strip():
            m = row.fullmatch(lines[k])
            if m or boxes is None or _indent(lines[k]) <= _indent(lines[k - 1]) - 1 and not m:
                if boxes is not None:
                    out[first] = _boxes_named(out[first], boxes, names)
                if not m:
                    boxes = None
                    break
                out[k], boxes, first = f"{m.group(1)}{' '.join(m.group(2).split())}", m.group(3, 4), k
            else:
                # a line of the question set in under it: on the question's line (left apart, the line was read as
                # an item of its own or a lead-in: '... or change in a long-standing' / '"smoker's cough" ...')
                out[first], out[k] = f"{out[first]} {lines[k].strip()}", ""
            k += 1
        if boxes is not None:
            out[first] = _boxes_named(out[first], boxes, names)
        i = max(k, i + 1)
    return out


def _boxes_named(line: str, boxes: tuple[str, str], names: tuple[str, str] | None) -> str:
    """Return a question's last line with its two tick boxes after it, named where the columns were named."""
    yes, no = names or ("", "")
    return f"{line.rstrip().rstrip(':')}: [{boxes[0]}] {yes} [{boxes[1]}] {no}".rstrip()


def _stacked_options(lines: list[str]) -> list[str]:
    """Put a form's tick boxes stacked under its first one back on its line ("Side(s) repaired:  [ ] Left" /
    "                  [ ] Right" / "                  [ ] Both"): read apart, the options became a checklist."""
    out = list(lines)
    anchor = None  # the line the options stand on, and the column of its first box
    for i, line in enumerate(lines):
        m = re.fullmatch(r"(\s*)\[[ xX]\]\s+\S+(?:\s\S+){0,2}\s*", line)
        if m and anchor is not None and len(m.group(1)) == anchor[1]:
            out[anchor[0]] = f"{out[anchor[0]].rstrip()}  {line.strip()}"
            out[i] = ""
            continue
        box = line.find("[ ]")
        anchor = (i, box) if box > 0 and line[:box].strip() else None
    return out


def _runs_on(line: str, after: str) -> bool:
    """Tell whether a line stops mid-phrase and the next carries it on ("... IF YOU HAVE" / "SWELLING OF THE FACE",
    "... DIFFICULTY BREATHING" / "OR SWALLOWING."), not a line of its own ("faint again, ... during exercise")."""
    return not _ends_sentence(line) and bool(
        line.endswith(",") or _NEVER_ENDS.search(line) or _ENDS_MID_PHRASE.search(line) or _ENDS_ON_VERB.search(line)
        or re.match(r"(?:or|and|but|nor|with|without|to|of|in|on|at|for|from|by|that|which)\b", after, re.I))


def _unboxed_lines(lines: list[str], boxed: set[int] | None = None) -> list[str]:
    """Return the lines without the boxes drawn around some of them. Inside a box (under its top edge) a side is a side
    even where the line holds a "|" of its own ("| SUGARFREE20) | Precision Xtra meter | MCT Oil Powder    |"), and
    a box of stars has stars for sides ("* WARNING: IF YOU TAKE AN SGLT2 INHIBITOR ...   *")."""
    out, in_box = [], False
    columns = re.compile(r"\S\s{2,}\S.*\S\s{2,}\S")  # a line of three cells or more
    for k, line in enumerate(lines):
        edge = bool(_BOX_EDGE.fullmatch(line) or _STAR_RULE.fullmatch(line))
        side = in_box and not edge and (m := _BOXED_LINE.fullmatch(line))
        if not in_box and re.fullmatch(r"\s*-{5,}\s*", line) and 0 < k < len(lines) - 1 \
                and columns.search(lines[k - 1]) and columns.search(lines[k + 1]):
            # "Category   Points   Estimated ..." / "-------------" / "TR1 Benign   0   about 0.3% ...": a table's
            # ruler drawn across, under its header (as a rule it cut the header from its rows)
            out.append(line)
            continue
        out.append(m.group(2) if side else _unboxed(line))
        if boxed is not None and (side or _BOX_SIDES.fullmatch(line) and not edge):
            boxed.add(len(out) - 1)
        in_box = edge or bool(side) or in_box and bool(_BOX_SIDES.fullmatch(line))
        if not line.strip():
            in_box = False
    return out


_BOXED_LINE = re.compile(r"\s*(\|\||[|│║*#=])\s(.*?)(?:\s+|(?<=[.!?]))\1\s*")  # ("||  ... ||": sides drawn double)  # ("# ... 48 HOURS.#": a side at the stop)


def _unboxed(line: str) -> str:
    """Return a line of text drawn in a box without the box ("| * Vitamin D may ...   |" -> "* Vitamin D may ...");
    the box's top and bottom edges become blank lines."""
    if _BOX_EDGE.fullmatch(line) or _STAR_RULE.fullmatch(line):
        return ""
    # "Emergency services ........ 911": dot leaders join a label to its value, as a colon does.
    # (three dots too, before a short value at the line's end: "Cough/cold and sleep aids ... 5 days")
    line = re.sub(r"(?<=\S)(?:\s*\.{4,}\s*|\s\.{3}\s+(?=\S[^.]{0,30}$))(?=\S)", ": ", line)
    m = _BOX_SIDES.fullmatch(line)
    return m.group(1) if m and "|" not in m.group(1) else line


_CELL = re.compile(r"\S+(?: \S+)*")  # a table's cell: words parted by single spaces (cells by two or more)


def _column_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """Read the lines from `i` laid out in columns (each cell starting where a column starts, two rows or more) as a
    table: (its rows, the header first or [] when it has none, and the index of the line after it); None if not.

    A line set in to a column carries the cell above it on ("200 mg a day; for epilepsy, further" / "increases of
    50 mg ..."). Prose never lines up its words in columns, so two aligned rows of two cells or more make a table.
    """
    rows: list[list[str]] = []
    columns: list[int] = []
    records: list[int] = []  # where each record of a table of records (rows parted by blank lines) starts
    j, ruled, stacked = i, False, False  # ruled: a ruler under the first row makes it the header (stacked: of lines)
    spans = False  # the ruler's runs mark where each column starts
    continued = False  # a line set in under a cell carried it on
    while j < len(lines):
        line = lines[j].expandtabs(4).rstrip()
        cells = [(m.start(), m.group()) for m in _CELL.finditer(line)]
        if not cells and ruled and len(columns) >= 3 and j + 1 < len(lines) and _lines_up(lines[j + 1], columns):
            # "Albuterol HFA    4 puffs every 4  ..." / "90 mcg/puff    hours while awake, ..." / "" / "Prednisolone ...":
            # a record of several lines, then a blank line, then the next record
            records.append(len(rows))
            j += 1
            continue
        if not cells or "__" in line and not (ruled and _lines_up(line, columns)) \
                or _BULLET.match(line) and not (rows and len(cells) >= 2) \
                or _NUMBERED.match(line) and _ends_sentence(cells[0][1]) \
                or any(re.match(r"\[[ xX✓]\]", c) for _, c in cells[1:]):
            break  # ("1. Take 2 tablets.  Take them with food.": a step of two sentences, no row; "Pregnant?   [ ] Yes
            # [ ] No": a form's question, each a line of its own)
        if rows and all(_RULER.fullmatch(c) for _, c in cells):
            if len(rows) == 1 and not ruled and len(cells) >= 2 and len(cells) == len(columns) >= 2:
                # "Dose by WEIGHT (not age)    Acetaminophen 160 mg/5 mL    Ibuprofen ..." / "-------    -------": the
                # ruler's runs are the columns, and a cell of a row may hold words set apart ("5 mL    (160 mg)")
                columns, spans = [at for at, _ in cells], True
            if not ruled and 1 < len(rows) <= 6:
                # "Weight   Acetaminophen (Tylenol)   Ibuprofen ..." / "   Liquid 160 mg per 5 mL   Children's liquid ...":
                # a header of several lines over the ruler, one header (its lines read as rows had dosed no one)
                rows = [[" ".join(r[k] for r in rows if r[k]) for k in range(len(columns))]]
                stacked = True
            ruled = ruled or len(rows) == 1
            j += 1
            continue  # "------   ------" under the header: a ruler, no row
        if not rows and len(cells) >= 2:
            columns = [at for at, _ in cells]
        # A cell belongs to the column it starts in (a number set to the right of its column's name too: "Visits" / "2").
        where = [max((k for k, c in enumerate(columns) if c <= at + 2), default=None) if columns else None
                 for at, _ in cells]
        # (and ends before the next column starts: a sentence set apart by two spaces runs across columns)
        where = [None if k is not None and k + 1 < len(columns) and at + len(cell) > columns[k + 1] and n + 1 < len(cells)
                 else k for n, (k, (at, cell)) in enumerate(zip(where, cells))]  # (the last may take the columns left)
        if len(cells) >= 2 and None not in where and (len(set(where)) == len(where) or spans and len(set(where)) >= 2):
            row = [""] * len(columns)
            for k, (_, cell) in zip(where, cells):
                cell = cell.rstrip(":") if cell.count("(") <= cell.count(")") else cell  # ("(LOW values matter:" goes on)
                row[k] = f"{row[k]} {cell}".strip()
            rows.append(row)
        elif rows and len(cells) == 1 and where[0] is not None and (where[0] != 0 or _cell_goes_on(rows[-1][0])
                                                                    or cells[0][1][0] in "(" and len(cells[0][1].split()) <= 4
                                                                    and not re.search(r"[.!?]\s", cells[0][1])
                                                                    or cells[0][1][0].islower()):
            # ("(8.0-10.9 kg)" under "18-23 lb", "treatment" under "Abnormal heart rhythm needing": the first cell goes on)
            # A line set in to a column carries the cell above it on; so does a first cell's ("... fully covered
            # (older" / "students, staff)").
            above, cell = rows[-1][where[0]], cells[0][1]
            # ("WALK-IN RSV CLINIC    Tuesdays & Thursdays, 9:00 am" / "    Lakeshore Health Center, Room 114": a line of
            # its own, set in under the cell, starts as a line does and follows a phrase that has ended)
            joint = "; " if cell[0].isupper() and above and not _cell_goes_on(above) and re.search(r"\d|[a-z]$", above) \
                and len(columns) == 2 and len(rows) == 1 else " "
            rows[-1][where[0]] = f"{above}{joint}{cell}".strip()
            continued = True
        else:
            break
        j += 1
    records = [r for r in records if r < len(rows)]  # (a blank line after the last row starts no record)
    if records:
        # each record's lines are one row, cell by cell (the header and the first record before the first blank)
        starts = [1] + records
        rows = rows[:1] + [[" ".join(c for c in col if c) for col in zip(*rows[a:b])]
                           for a, b in zip(starts, starts[1:] + [len(rows)]) if b > a]
    else:
        rows = _wrapped_rows_joined(rows)
    if len(rows) == 1 and continued and len(columns) == 2 and rows[0][0] and rows[0][1]:
        return [[]] + rows, j  # a label and its lines set in beside it: one item ("Walk-in clinic: Tuesdays ...; Room 114")
    if len(rows) < 2:
        return None
    first = rows[0]
    # (a ruler under it makes the first row the header, however long its names: "Confirm capillary result with venous
    # test within")
    if stacked or ruled and all(len(c.split()) <= 12 for c in first) \
            or not any(re.search(r"\d", c) for c in first) and all(len(c.split()) <= 4 for c in first):
        return rows, j  # "Day   Time   Location   Format": a header names the columns
    return [[]] + rows, j  # no header: an empty one first


_RULER = re.compile(r"[-=:_+–—\s]*")  # a table's ruler row ("|---|:---:|", "------   ------"): no cells to say


def _pipe_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """Read the lines from `i` drawn as a table with "|" ("| Medicine | Dose |" / "|---|---|" / "| ... |") in a plain
    text file as a table, as `_column_table` does; None if fewer than two rows."""
    rows, j = [], i
    # Without "|" at the ends ("Use | Dose | Length" over "----|----|----"), only a ruler under the first row makes
    # it a table: a line of a letterhead ("1200 Harbor Road | Tel. (555) 013-7720") has none.
    framed = lines[i].strip().startswith("|")
    # (a header of two or three lines over its ruler too: "Day | Before    | After" / "    | breakfast | lunch")
    ruled_at = next((k for k in range(i + 1, min(i + 4, len(lines))) if "|" in lines[k] and lines[k].strip()
                     and _RULER.fullmatch(lines[k].replace("|", ""))), None)
    if not framed and (ruled_at is None or not all("|" in lines[k] for k in range(i, ruled_at))):
        return None
    while j < len(lines) and lines[j].count("|") >= (2 if framed else 1) and (not framed or lines[j].strip().startswith("|")):
        # (only a framed table's outer "|" are its frame: "     | breakfast | lunch" has an empty first cell)
        rows.append([c.strip() for c in (lines[j].strip().strip("|") if framed else lines[j]).split("|")])
        j += 1
    while len(rows) > 1 and all(_RULER.fullmatch(c) for c in rows[0]):
        del rows[0]  # a grid's top edge
    ruler = next((k for k, r in enumerate(rows[:5]) if k and all(_RULER.fullmatch(c) for c in r)), None)
    if ruler and ruler > 1 and len({len(r) for r in rows[:ruler]}) == 1:
        # "| Weight (lb) | Acetaminophen |" / "|  | 160 mg/5 mL |" over "|---|---|": a header of several lines, one
        # header (its second line read as a row had dosed no one)
        rows = [[" ".join(r[k] for r in rows[:ruler] if r[k]) for k in range(len(rows[0]))]] + rows[ruler:]
        ruler = 1
    ruled = len(rows) > 2 and ruler == 1
    rows = _wrapped_rows_joined([r for r in rows if not all(_RULER.fullmatch(c) for c in r)])
    if len(rows) < 2:
        return None
    # A ruler under the first row makes it the header; so do names of columns ("| Medicine | Dose | Notes |").
    named = not any(re.search(r"\d", c) for c in rows[0]) and all(len(c.split()) <= 4 for c in rows[0])
    return (rows, j) if ruled or named else ([[]] + rows, j)


def _lines_up(line: str, columns: list[int]) -> bool:
    """Tell whether a line's cells (two or more) start where a table's columns do (give or take two characters)."""
    cells = [m.start() for m in _CELL.finditer(line.expandtabs(4).rstrip())]
    return len(cells) >= 2 and all(any(abs(at - c) <= 2 for c in columns) for at in cells)


def _cell_goes_on(cell: str) -> bool:
    """Tell whether a table's cell stops mid-phrase, so the line under it carries it on: an open bracket,
    a comma ("Ketoconazole, itraconazole, clarithromycin,"), a word no phrase ends on ("strong CYP3A4" does)."""
    return cell.count("(") > cell.count(")") or cell.endswith((",", ";")) or bool(_ENDS_MID_PHRASE.search(cell)) \
        or bool(_NEVER_ENDS.search(cell)) \
        or bool(re.search(r"\b(?:within|during|into|per|every|up to|more than|less than)$", cell))
    # ("Nirsevimab is recommended, because" / "the baby may not have ..."; "About 90% killed within" / "2 minutes")


def _wrapped_rows_joined(rows: list[list[str]]) -> list[list[str]]:
    """Join a row that only carries the row above it on (each of its cells in lower case, the cell above one that
    stops mid-phrase: "| ritonavir | inhibitors should generally be avoided |") to that row, cell by cell."""
    out: list[list[str]] = []
    # Columns whose every full row gives a number (a dose, a price, a rating): a row with none of them filled carries
    # the row above on ("PureDerm Daily | Bovine | 20 g | $1.43 | NSF | 4.6/5" / "Collagen Peptides | (grass-fed) |
    # | | Certified |"), even where its words start with capitals.
    full = [r for r in rows if all(r) and any(re.search(r"\d", c) for c in r)]  # (not the header)
    numeric = [k for k in range(len(rows[0]) if rows else 0)
               if len(full) >= 3 and all(k < len(r) and re.search(r"\d", r[k]) for r in full)]
    for row in rows:
        said = [c for c in row if c]
        if numeric and out and len(row) == len(out[-1]) and said and all(not row[k] or row[k].startswith("(") for k in numeric) \
                and all(out[-1][k] for k in numeric) and len(said) < len(row) - 1:
            out[-1] = [_joined(a, b).strip() if a and b else f"{a} {b}".strip() for a, b in zip(out[-1], row)]
            continue
        # (a cell after the first may start with a number: "... 2 hours before or" / "6 hours after the supplement")
        # ("Mother received Abrysvo | Nirsevimab is generally NOT needed" / "14 days or more before | for the first
        # season": every cell after the first in lower case, under a column whose cells start in capitals)
        lower_rest = bool(row[0]) and (row[0][:1].islower() or row[0][:1].isdigit()) and any(row[1:]) \
            and all(c[:1].islower() or c[:1] == "(" for c in row[1:] if c) \
            and any(c[:1].islower() for c in row[1:] if c) \
            and all(not r[1][:1].islower() for r in out if len(r) > 1 and r[1])
        if out and len(row) == len(out[-1]) and row[0] and out[-1][0].count("(") > out[-1][0].count(")") \
                and row[0].count(")") > row[0].count("("):
            if all(row[1:]) and all(out[-1][1:]):
                # "Shape (transverse | Wider-than-tall | 0" / "view) | Taller-than-wide | 3": the label's bracket closes
                # here, on a row of its own under the same label
                out[-1][0] = _joined(out[-1][0], row[0])
                out.append([out[-1][0], *row[1:]])
                continue
            # "Ibuprofen (Advil," / "Motrin)": the first cell's bracket closes on this line, which carries its row on
            out[-1] = [_joined(a, b).strip() if a and b else f"{a} {b}".strip() for a, b in zip(out[-1], row)]
            continue
        if out and len(row) == len(out[-1]) and said and (said[0][0].islower() or said[0][0] == ")" or lower_rest) \
                and all(c[0].islower() or c[0] in ")" or (c[0].isdigit() or c[0] == "(") and (c is not said[0] or lower_rest)
                        for c in (said[1:] if lower_rest else said)) \
                and (lower_rest or any(_cell_goes_on(c) for c in out[-1])
                     # "Direct | < 0.3 mg/dL | bilirubin already | ..." / "bilirubin | (< 5 µmol/L) | processed by liver":
                     # a first cell in lower case under first cells in capitals carries its row on
                     or row[0][:1].islower() and all(r[0][:1].isupper() for r in out if r[0])):
            out[-1] = [_joined(a, b).strip() if a and b else f"{a} {b}".strip() for a, b in zip(out[-1], row)]
        elif out and len(row) == len(out[-1]) > 2 and not row[0] and out[-1][0] and all(row[1:]) and all(out[-1][1:]) \
                and (re.match(r"or\b", row[1]) or re.search(r"\bor$", out[-1][1])) \
                and re.match(r"[\dA-Z]|usually\b|about\b", row[-1]) and not _cell_goes_on(out[-1][-1]):
            # "Bacterial vaginosis | 400-500 mg twice daily | 5-7 days" / "| or 2 g as a single dose | 1 day": the
            # other choice, a dose with its own length (joined, the lengths ran together: "5 to 7 days 1 day")
            out[-1] = [out[-1][0]] + [re.sub(r",?\s+or$", "", c) for c in out[-1][1:]]
            label = out[-1][0].removesuffix(" (another choice)")
            out.append([f"{label} (another choice)", re.sub(r"^or\s+", "", row[1]), *row[2:]])
        elif out and len(row) == len(out[-1]) and said and (not row[0] or row[0][0] in "(-") and (
                any(_cell_goes_on(a) and b for a, b in zip(out[-1], row))
                or any(b[:1].islower() for b in row[1:] if b) or row[0][:1] in ("(", "-")
                or all(b[:1] == "(" for b in said)):  # "| | (for lipids) | |": a note on the cell above
            # "MenB | ... | 16-23 yrs (pref. | 2 doses, 6 months" / "| | 16-18), shared | apart*", "Amoxicillin-clavulanate
            # | 875/125 mg | Twice a day," / "(Augmentin) | 1 tablet | with food": cells wrapped onto a line of their own
            out[-1] = [f"{a} {b}".strip() for a, b in zip(out[-1], row)]
        elif out and len(row) == len(out[-1]) and said and not row[0] and out[-1][0]:
            # "Azithromycin (Zithromax) | 500 mg | Once, on day 1" / "| 250 mg | Once a day | Days 2 to 5": the same
            # medicine's next dose, its own row (said apart, it named no medicine)
            out.append([out[-1][0], *row[1:]])
        else:
            out.append(row)
    return out


_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.I)


def _timed(line: str) -> bool:
    """Tell whether a line gives a time of day and ends no sentence: a line of a timetable ("Mondays 7:00 pm, Room 2B")."""
    # (not a sentence that goes on after a time: "... 8:00 a.m. to 4:30 p.m. If you have chest pain, sudden")
    # ("... (Mon-Fri, 8:00 a.m.-4:30 p.m.); after" / "hours, call the hospital operator": it stops mid-phrase)
    return bool(_TIME.search(line)) and not _ends_sentence(line) and not re.search(r"[.!?]\s+[A-Z]\w*(?:\s+\w+){2,}", line) \
        and not re.search(r"[;,]\s*\w+$|\b(?:after|before|during)$", line) and not _NEVER_ENDS.search(line) \
        and not _ENDS_MID_PHRASE.search(line) and not re.search(r";\s+[a-z]", line)  # ("... 6:00 p.m.; please use the")


def _timetables(blocks: list[RawBlock]) -> list[RawBlock]:
    """Read two or more timetable lines one after another ("Third Thursday of each month, 6:30 pm: Fellowship Hall" /
    "Care partners' coffee morning: last Saturday, 10:00 am") as a list, one line an item, not as one run-on text."""
    out: list[RawBlock] = []
    for b in blocks:
        if b.kind == "paragraph" and _timed(b.texts[0]) and out and out[-1].kind == "paragraph" and _timed(out[-1].texts[0]):
            first = out.pop()
            out.append(RawBlock("bullets", [first.texts[0], b.texts[0]], first.line, levels=[(0, "bullets")] * 2))
        elif b.kind == "paragraph" and _timed(b.texts[0]) and out and out[-1].kind == "bullets" \
                and out[-1].texts and _timed(out[-1].texts[-1]) and len(out[-1].levels) == len(out[-1].texts):
            out[-1].texts.append(b.texts[0])
            out[-1].levels.append((0, "bullets"))
        else:
            out.append(b)
    return out


def _list_depth(indents: list[int], indent: int) -> int:
    """Return how deep a list line set `indent` columns in sits in the list whose levels stand at `indents`
    (updated): deeper by 2 columns or more is an item set in under the one above it."""
    while len(indents) > 1 and indent < indents[-1] - 1:
        indents.pop()
    if indent >= indents[-1] + 2:
        indents.append(indent)
    return len(indents) - 1


def _apart_as_furniture(before: str, line: str, lines: list[str], i: int) -> bool:
    """Tell whether a line stays apart from the text before it, though that does not end a sentence: a pasted
    page's furniture ("We use cookies ... | Manage preferences" / "Skip to main content" / "Home") is a line of
    its own, and so is the line after it. Never a line in lower case: "send an" / "email" / "to the clinic"."""
    if line[0].islower():
        return False
    return len(before) <= 300 and is_furniture(before) or stands_apart(line, before, _next_text_line(lines, i))


def _joined(text: str, line: str) -> str:
    """Join a hard-wrapped line to the text before it; 'Insu-' + 'lin lowers' is 'Insulin lowers' ('alcohol-' +
    'related' stays 'alcohol-related': two words, a compound)."""
    if re.search(r"[a-z]-$", text[-2:]) and line[:1].islower():
        return text + line if _compound(text, line) else text[:-1] + line  # a word broken at the line's end by a hyphen
    if re.search(r"[A-Z]{2}-$", text[-3:]) and line[:2].isupper():
        return text + line  # "A LIFE-" / "THREATENING CONDITION": a compound in capitals keeps its hyphen
    return f"{text} {line}"


def _compound(text: str, line: str) -> bool:
    """Tell whether a hyphen at a line's end joins two words ("alcohol-" / "related"), not the halves of one."""
    from handouts.language.pronouncing import syllable_counts  # (the CMU dictionary: loaded only for such a line)

    before, after = re.search(r"([A-Za-z]+)-$", text), re.match(r"[a-z]+", line)
    words = syllable_counts()
    # ("heart-" / "beat" is "heartbeat", one word the dictionary knows)
    return bool(before and after) and before.group(1).lower() in words and after.group(0) in words \
        and before.group(1).lower() + after.group(0) not in words


def _previous_line_blank(lines: list[str], i: int) -> bool:
    return i == 0 or not lines[i - 1].strip()


def _next_text_line(lines: list[str], i: int) -> str | None:
    for j in range(i + 1, len(lines)):  # not lines[i + 1:]: a copy of the rest for every line is quadratic
        if lines[j].strip():
            return lines[j].strip()
    return None


def _ends_sentence(text: str) -> bool:
    # Only its last letters: searched whole, a paragraph hard-wrapped over 30,000 lines took minutes to join.
    # (a citation after the stop ends it too: "... independently verified.[6]", "... such as COPD³.")
    return bool(re.search(r"[.!?:;][\"”’')\]]*(?:\[\d+(?:[,–-]\d+)*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?$", text[-16:]))


def _is_heading_line(line: str, next_line: str | None) -> bool:
    """A heading is a short line without end punctuation, with more text after it."""
    line = re.sub(r"^[\U0001F300-\U0001FAFF\u2600-\u26FF\uFE0F]+\s*", "", line)  # "🧩  SPECTRUM CIRCLE  🧩": a banner's picture says no word
    if re.match(r"[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]", line):
        return False  # "¹ Tessler FN et al. ACR Thyroid Imaging, Reporting and Data System": a note, wrapped
    if not line:
        return False
    if re.match(r"#{1,6}\s", line):
        return True  # (not "#1 BEST OVERALL: VitaPeak ...", a rank)
    words = line.split()
    if not words or len(words) > _MAX_HEADING_WORDS or next_line is None:
        return False
    if (next_line[0].islower() and not _BULLET.match(next_line) and not re.match(r"\(?[a-h][.)]\s+[A-Z]", next_line)) \
            or next_line[0] in ",;)":  # ("o Both venues ...": a bullet; "a. If you forget a dose ...": a lettered item)
        return False  # the next line carries on this one: a hard-wrapped paragraph
    if line[0] in QUOTES[0] or not (line[0].isupper() or line[0].isdigit()):
        return False
    if re.search(r"\w; ", line):
        return False  # "Spanish-language interpreter available on request; ASL interpretation ...": two statements
    if re.search(r"\[[ x]\]", line):
        return False  # a form's line to fill in ("Which side? [ ] Left [ ] Right"): no title
    if len(parts := re.split(r"\s+[*·•]\s+", line)) >= 3 and any(len(re.findall(r"\b[a-z]+\b", p)) >= 3 for p in parts):
        return False  # "Free  *  Peer-led  *  Open to adults, family members and friends": a banner's details
    if _TIME.search(line):
        return False  # "Mondays 7:00 - 8:30 pm, Room 2B": a line of a timetable, no heading
    if re.search(r"[.,;:!][\"”’')\]]*$", line) or re.search(r"[a-z%)\]][.!?]\d{1,3}(?:[,–-]\d{1,3})*$", line):
        return False  # a sentence, also when a citation number is glued after its full stop ("afterwards.4")
    if line.endswith("?"):
        # A short question line counts as a heading when it reads like a title, or is as short as one
        # ("What about other anxiety medicines?", "Who should get it, and how many doses?" over its answer).
        return _title_like(words) or len(words) <= 10
    return True


_ENDS_MID_PHRASE = re.compile(r"\b(?:a|an|the|of|and|or|to|with|for|in|on|by|at|from|as|than|that|which|who|is|are|about|"
                              r"was|were|be|usually|often|such|including|especially|your|their|its|our|this|these)$", re.I)


# "... INCLUDING NAPROXEN, MAY": no title ends on a modal or an auxiliary (the month is "in May").
_ENDS_ON_VERB = re.compile(r"(?<!\bin )(?<!\bof )(?<!\bby )\b(?:may|might|can|could|will|would|must|should|not|also|been|being|have|"
                           r"has|had)$", re.I)


# Words no title ends on, however short ("Children may return once they" / "[a] have received ...").
_NEVER_ENDS = re.compile(r"\b(?:a|an|the|and|or|of|to|that|which|they|you|we|once|if|when|because|unless|until|than|"
                         r"your|their|its|our)$", re.I)


def _run_ends(lines: list[str]) -> list[int]:
    """Return, for each line, where the run of lines it stands in (up to a blank line) ends: found once for all lines,
    not by a search forward from each (which made a long text of one run quadratic)."""
    ends, end = [0] * len(lines), None
    for k in range(len(lines) - 1, -1, -1):
        end = None if not lines[k].strip() else k if end is None else end
        ends[k] = k if end is None else end
    return ends


def _wraps_on(line: str, lines: list[str], i: int, run_ends: list[int]) -> bool:
    """Tell whether a line that could be a heading is the first line of a hard-wrapped paragraph: the next line
    follows with no blank, and this one stops mid-phrase ("... caused by bacteria, usually" / "(group A"), or
    is as long as a wrapped line and set as a sentence, not a title ("Outbreaks (2 or more linked cases) should
    be reported to the Communicable Disease" / "Control Program at 555-704-2210.")."""
    after = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if after and (_NEVER_ENDS.search(line) and not _capitals(line) or line.count("(") > line.count(")")) \
            and not _BULLET.match(lines[i + 1]) and not _NUMBERED.match(lines[i + 1]):
        return True  # "Disclosure: This post contains affiliate links, which means that" / "WellnessVault may earn ..."
    if not after or _BULLET.match(lines[i + 1]) or _NUMBERED.match(lines[i + 1]) or after.startswith(("#", "|")) \
            or re.match(r"\(?[A-Za-z]{1,2}[.)]\s", after) or any(x.startswith("_") or _LABEL_LINE.match(x) for x in (line, after)) \
            and not (_capitals(line) and _capitals(after) and len(line) >= 50 and any(
                re.search(r"[.!?][¹²³⁴⁵⁶⁷⁸⁹⁰]*(?:\s|$)", lines[k]) for k in range(i + 1, min(run_ends[i + 1], i + 8) + 1))):
        # ("NOTICE: THE U.S. FOOD AND DRUG ADMINISTRATION HAS NOT APPROVED INJECTABLE" / "CORTICOSTEROIDS FOR EPIDURAL
        # USE.": a boxed notice in capitals, wrapped, its sentence ending on any of its next lines: "WARNING: TAKING
        # PREGABALIN WITH OPIOIDS SUCH AS OXYCODONE" / "(OXYCONTIN), MORPHINE ..." / "COMA AND DEATH. THE RISK ...")
        # (a sentence with a blank in it wraps like any other: "See your child's own doctor ... at ______" / "AM/PM, unless")
        return False  # "A) physical therapy" over "B) weight loss"; "Clinic phone: ..." over "Date: ____": lines apart
    words = line.split()
    long = len(line) >= 50 and len(words) >= 8
    # A title over its subtitle or over "(Soriatane), ...": not a line of 8 words or more that runs on ("Methotrexate
    # (taken ONCE A WEEK, never daily), cyclosporine, acitretin" / "(Soriatane), apremilast ..."); in capitals, a
    # boxed warning's lines wrap too ("... INCLUDING NAPROXEN, MAY" / "INCREASE THE RISK OF HEART ATTACK ...").
    if _capitals(line) and (re.search(r"[A-Z]{3,}[.!?]\s+[A-Z]", line) or len(words) >= 5 and len(line) >= 40 and _ENDS_ON_VERB.search(line)):
        return True
    # (a long line in capitals runs on only into more capitals: "... CORONARY ARTERY BYPASS" / "GRAFT (CABG) SURGERY.";
    # "WHEN TO RETURN TO THE EMERGENCY DEPARTMENT OR CALL 911" over "Call 911 immediately if ..." is a heading)
    # ("You are encouraged to enrol in the North American Antiepileptic Drug": names in capitals, but a sentence)
    sentence_start = bool(re.match(r"(?:You|We|It|They|This|There|These|I|Your|Our)\s+[a-z]", line)) and len(words) >= 6
    if _title_like(words) and not sentence_start and not (_capitals(line) and long and _capitals(after)) \
            or line.endswith("?") or after[0] == "(" and not long:
        return False
    if line.count("(") > line.count(")") or re.search(r"\w{3,}[.!?]\s+[A-Z]", line) or _NEVER_ENDS.search(line) \
            or len(words) >= 8 and _ENDS_MID_PHRASE.search(line) \
            or len(words) >= 5 and len(line) >= 40 and _ENDS_ON_VERB.search(line):  # not "What warfarin is used for"
        return True
    # As long as a wrapped line, and the lines after it end a sentence: "FRESH START CIRCLE -- peer support for ..." /
    # "Handout -- please take one" is a title over a tagline, and a list of phone lines ends on no full stop.
    if len(line) < 50 or len(words) < 8:
        return False
    # (a sentence's end in the next lines of the run, not only at its end: a field may follow the paragraph unparted,
    # "... that the number below is correct." / "Phone: (____) ______")
    return _ends_sentence(lines[run_ends[i + 1]].strip()) or any(
        _ends_sentence(lines[k].strip()) for k in range(i + 1, min(run_ends[i + 1], i + 8)))


def _bracket_goes_on(text: str, lines: list[str], i: int) -> tuple[str, int]:
    """Return a numbered line's text with the lines that close its open bracket ("6. STATEMENT OF HEALTH PROFESSIONAL
    (to be completed by a" / "professional with appropriate knowledge)"), and how many lines those are (0: none)."""
    said, k = text, i + 1
    while said.count("(") > said.count(")") and k < len(lines) and k <= i + 2 and lines[k].strip() \
            and lines[k].strip()[0].islower():
        said, k = f"{said} {lines[k].strip()}", k + 1
    return (said, k - i - 1) if said.count("(") == said.count(")") else (text, 0)


def _next_run_end(lines: list[str], i: int, run_ends: list[int]) -> str | None:
    """Return the last line of the run of lines after line i's run (the end of the paragraph that follows it)."""
    j = run_ends[i] + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return lines[run_ends[j]].strip() if j < len(lines) else None


def _is_numbered_heading(text: str, blocks: list[RawBlock], next_line: str | None, next_end: str | None = None,
                         restarts: bool = False) -> bool:
    """A numbered line is a section title ("1. Why get vaccinated?") when it stands alone before a paragraph.

    A step of a list follows another step or is followed by one; a title is short, has no full stop,
    and the text after it is a paragraph."""
    # ("6. STATEMENT OF HEALTH PROFESSIONAL (to be completed by a professional)": capitals, its note in brackets aside)
    text = re.sub(r"\s*\([^()]*\)", "", text) if _capitals(re.sub(r"\s*\([^()]*\)", "", text)) else text
    if not next_line or _NUMBERED.match(next_line) or next_line[0].islower() and not (
            _capitals(text) and re.match(r"\(?[a-h][.)]\s|o\s", next_line)):
        return False  # a lower-case next line carries the step on: "5. Insert the needle ... and press" / "the button."
        # (not "a) Do not eat ..." or "o Common: ..." under a title in capitals: a list under the title)
    if blocks and blocks[-1].kind == "numbered" and not restarts:
        # "4. POSSIBLE SIDE EFFECTS AND STORAGE" after steps 1. to 3. in sentence case: a section's title in capitals,
        # no step (a list whose items are all in capitals goes on).
        return _capitals(text) and 2 <= len(text.split()) <= 10 and not all(_capitals(t) for t in blocks[-1].texts) \
            and bool(_BULLET.match(next_line) or re.search(r"[.!?:][\"”’')\]]*$", next_line))  # over its text, not "5. FAQ"
    if _capitals(text) and text.endswith(":") and 2 <= len(text.split()) <= 10 and _BULLET.match(next_line) \
            and any(b.kind == "heading" and re.match(r"\d", b.texts[0]) for b in blocks):
        return True  # "3. DO NOT TAKE COLCHICINE IF:" over its list, among numbered sections ("2. HOW TO TAKE ...")
    if len(text.split()) > _MAX_HEADING_WORDS or re.search(r"[.,;:!][\"”’')\]]*$", text):
        return False
    if _capitals(text):
        return True  # "3. RISKS AND SIDE EFFECTS", "4. OTHER MEDICINES" over a list: no step is set in capitals
    # A paragraph, or a lead-in ("... the following risks:"), also hard-wrapped over lines ending where its run ends.
    return not _BULLET.match(next_line) and bool(re.search(r"[.!?:][\"”’')\]]*$", next_line)
                                                  or next_end and re.search(r"[.!?:][\"”’')\]]*$", next_end)) \
        and len(next_line.split()) > len(text.split())


def _capitals(text: str) -> bool:
    """Tell whether a line is set in capitals: two letters or more, none of them lower case (a letter in brackets
    may be: "LIPOPROTEIN(a)", "(e)GFR")."""
    letters = [c for c in re.sub(r"\([a-z]\)", "", text) if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def _title_like(words: list[str]) -> bool:
    """Most longer words capitalised, as in a title ("(And" is "And")."""
    long_words = [w.lstrip("(\"“'‘[") for w in words if len(w.lstrip("(\"“'‘[")) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


# --- Markdown ---------------------------------------------------------------------------

def parse_markdown(body: str, first_line: int = 1) -> list[RawBlock]:
    """Read Markdown headings, paragraphs, lists, block quotes, tables and HTML blocks (markup dropped)."""
    from markdown_it import MarkdownIt  # here, not at the top: only a Markdown source needs the parser

    parser = MarkdownIt("commonmark").enable("table")
    # Every link is read as a link, whatever its address, so its words are kept and its address dropped; the parser
    # would otherwise leave "[our safety page](javascript:alert(3))" as it stands, address and all.
    parser.validateLink = lambda url: True
    # A form's blank ("Date of visit: ____/____/______") is no emphasis: Markdown would take its underscores for it.
    # An "o" set in under a list's item is a bullet of a list inside it ("- One leg swollen, especially if:" / "  o recent
    # surgery"): as Markdown it would run on in the item's text, the "o"s in it.
    body = re.sub(r"(?m)^([ \t]+)o[ \t]+(?=\S)", r"\1- ", body)
    tokens = parser.parse(re.sub(r"_{3,}", lambda m: "\\_" * len(m.group()), body))
    blocks: list[RawBlock] = []
    list_kinds: list[str] = []  # the open lists, outermost first
    outer: RawBlock | None = None  # the outermost open list: its items, each with its depth (see laid_out)
    items: list[int | None] = []  # the open list items: where each one's text is in `outer` (None: no text yet)
    in_quote = 0
    table: list[list[str]] | None = None  # rows of the table being read
    raw = body.split("\n")
    after_list: list[RawBlock] = []  # paragraphs run on into a list item's lines, said after the list
    for i, tok in enumerate(tokens):
        line = first_line + (tok.map[0] if tok.map else 0)
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            kind = "bullets" if tok.type == "bullet_list_open" else "numbered"
            if not list_kinds:
                outer = RawBlock(kind, [], line)
                blocks.append(outer)
            list_kinds.append(kind)
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_kinds.pop()
            if not list_kinds:
                blocks += after_list
                after_list = []
        elif tok.type == "list_item_open":
            items.append(None)
        elif tok.type == "list_item_close":
            items.pop()
        elif tok.type == "blockquote_open":
            in_quote += 1
        elif tok.type == "blockquote_close":
            in_quote -= 1
        elif tok.type == "table_open":
            table, table_line = [], line
        elif tok.type == "tr_open" and table is not None:
            table.append([])
        elif tok.type == "table_close" and table is not None:
            if list_kinds and outer is not None and items:
                # A table set in under a list item ("- Breathing is faster than the following rates:" over ages and
                # rates): its rows are a list set in under that item, which leads them in (after the list they
                # would lose it, and "the following rates" would point at the next item).
                rows = table_rows([r for r in table if any(r)])
                outer.texts += rows
                outer.levels += [(len(list_kinds), "bullets")] * len(rows)
            else:
                blocks += table_blocks(table, table_line)
            table = None
        elif tok.type in ("code_block", "fence") and not list_kinds:
            # Text set in by four spaces ("    Drug    Dose    Duration"): a table laid out in columns, or lines pasted
            # as they were; Markdown keeps it as code, which a handout has none of: read it as plain text.
            pasted = parse_plain_text(tok.content, line)
            for b in pasted:
                if b.kind == "heading" and blocks and blocks[-1].kind == "heading":
                    # "### To report a case" over "    HAI Program, Harlow County DPH" / "    Phone: ...": under a
                    # Markdown heading, a line set in is its text, no heading of its own (the section's heading was lost)
                    b.kind = "paragraph"
            blocks += pasted
        elif tok.type == "html_block":
            text = _html_text(tok.content)
            if text:
                blocks.append(RawBlock("paragraph", [text], line))
        elif tok.type == "inline":
            lines = _inline_lines(tok)
            text = " ".join(" ".join(lines).split())
            opener = tokens[i - 1].type
            if table is not None:
                table[-1].append(text)
            elif not text:
                continue
            elif list_kinds and outer is not None and items:
                lazy = _run_on_paragraph(lines, raw, tok.map)
                if lazy:
                    # "- Sugary drinks ..." / "Drink at least 2 liters of water ...": a sentence at the margin right
                    # under an item is the text after the list (Markdown runs it on into the item).
                    after_list.append(RawBlock("paragraph", [" ".join(lines[lazy:])], line + lazy))
                    lines = lines[:lazy]
                    text = " ".join(" ".join(lines).split())
                if items[-1] is None:  # the item's first paragraph: its text, at its depth
                    items[-1] = len(outer.texts)
                    outer.texts.append(text)
                    outer.levels.append((len(list_kinds) - 1, list_kinds[-1]))
                else:  # a paragraph more under the same item ("5. Hold your breath." and a note under it)
                    outer.texts[items[-1]] = f"{sentence_end(outer.texts[items[-1]])} {text}"
            elif opener == "heading_open":
                blocks.append(RawBlock("heading", [text], line, title=tokens[i - 1].tag == "h1",
                                       level=int(tokens[i - 1].tag[1])))
            elif len(lines) > 1 and (any(stands_apart(x, lines[n - 1] if n else None, lines[n + 1] if n + 1 < len(lines)
                                                      else None) for n, x in enumerate(lines)) or _emphasised_lines(raw, tok.map)):
                # Lines of a pasted page that Markdown runs together ("Skip to main content" / "Home" / ...):
                # each its own, so the furniture among them is seen.
                blocks += [RawBlock("paragraph", [x], line + n, quoted=bool(in_quote)) for n, x in enumerate(lines)]
            else:
                text, quoted = unquote(text)
                blocks.append(RawBlock("paragraph", [text], line, quoted=quoted or bool(in_quote)))
    return [b for b in laid_out(blocks) if b.texts]


def _emphasised_lines(raw: list[str], where) -> bool:
    """Tell whether a Markdown paragraph has a line set wholly in bold or italics ("**RIVERSIDE DIGESTIVE HEALTH**" over
    "Endoscopy Center | Nurse line: ...", "*Cedar Valley Family Medicine*" over "*Questions? Nurse line: ...*"): lines
    of letterhead, each its own, which Markdown would run into one sentence."""
    lines = raw[where[0]:where[1]] if where else []
    return len(lines) > 1 and any(re.fullmatch(r"\s*(\*\*|__|\*|_)(?!\s).*\S\1\s*", x) for x in lines)


def _run_on_paragraph(lines: list[str], raw: list[str], where) -> int | None:
    """Return where a list item's lines become a paragraph of their own: a line at the margin (not set in under the
    item) that starts a sentence with a capital and ends it, after a line with no full stop."""
    if not where or len(lines) < 2 or where[1] - where[0] != len(lines):
        return None
    for n in range(1, len(lines)):
        source = raw[where[0] + n]
        if not source[:1].isspace() and lines[n][:1].isupper() and not _ends_sentence(lines[n - 1]) \
                and re.search(r"[.!?]$", lines[-1]) and not _BULLET.match(source) and not _NUMBERED.match(source):
            return n
    return None


def _html_text(markup: str) -> str:
    """Return the words of an HTML block: tags dropped, entities read (the text is escaped again on output)."""
    markup = re.sub(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", " ", markup, flags=re.S | re.I)  # code, not words
    # A tag ends at the first ">" outside its quoted attributes: <a title="a>b" href="..."> leaves no words.
    return " ".join(html.unescape(re.sub(r"<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", " ", markup)).split())


def _inline_lines(tok) -> list[str]:
    """Return the plain text of an inline token, line by line: emphasis and links become their words (a link's
    address is dropped; an address written as a link, <https://...>, is kept only when it is a safe one); pictures
    are dropped (a handout prints none, and alt text alone reads as a stray line)."""
    parts, hidden = [], False
    for child in tok.children or []:
        if child.type == "link_open":
            hidden = child.markup == "autolink" and not safe_link(str(child.attrs.get("href", "")))
        elif child.type == "link_close":
            hidden = False
        elif hidden:
            continue
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return [" ".join(x.split()) for x in "".join(parts).split("\n") if x.strip()]


# --- sections ---------------------------------------------------------------------------

def _footnote_mark(mark: str) -> str:
    """Return the pattern of a footnote mark on a table's row ("H. pylori eradication*"; "**" is another mark)."""
    # "eradication*", "adults,* although", "with exercise.*", "doses 1 and 3.[4]†" (after a citation's brackets)
    return rf"(?<=[\w).%,;.\]]){re.escape(mark)}(?![*†‡])"


_NOTE = re.compile(r"^(\*{1,3}|†|‡|[¹²³⁴⁵⁶⁷⁸⁹])\s*(\S.*)$")  # (a superscript's note says something: "¹ In clinical studies")  # "* together with two antibiotics", "** No meetings on holidays"


def _anchored(text: str, mark: str) -> bool:
    """Tell whether a text carries a footnote mark ("sign-up*", "coming back.*"), not a word set between stars."""
    return bool(re.search(_footnote_mark(mark), text)) and not (mark == "*" and re.search(r"(?<![\w*])\*[A-Za-z]", text))


def _note_in_place(block: RawBlock, k: int, mark: str, note: str) -> bool:
    """Say a note where its mark is, when more follows the mark: a short note on a table's cell in brackets after it
    ("1.25 mL infant (50 mg)†" / "† Only if 6 months or older.": "1.25 mL infant (50 mg) (only if 6 months or older)",
    not after the whole row), a note on a sentence right after that sentence ("... with exercise.*" / "* Children
    ... of this effect.", not after the serious reactions said next). False: the mark ends the text."""
    text = block.texts[k]
    m = re.search(_footnote_mark(mark), text)
    if not m:
        return False
    rest = text[m.end():]
    if block.table:
        if len(note.split()) > 12 or not _ends_sentence(note) or re.search(r"[.!?]\s", note):
            return False  # a long note, or more than one sentence: said after the row
        block.texts[k] = f"{text[:m.start()]} ({note[:1].lower() + note[1:].rstrip('.')}){rest}"
        return True
    if not rest.strip(" .;"):
        return False
    if re.search(r"[.!?][\"”’')\]]*(?:\[\d+(?:[,–-]\d+)*\])?$", text[:m.start()]):
        at = m.end()  # "... with exercise.*", "... doses 1 and 3.[4]†": the mark ends its sentence
    elif end := re.search(r"[.!?][\"”’')\]]*(?=\s|$)", rest):
        at = m.end() + end.end()  # "semaglutide (Ozempic)*, and whether ...": the note after the sentence
    else:
        return False
    block.texts[k] = f"{text[:m.start()]}{text[m.end():at]} {note}{text[at:]}"
    return True


def _notes_apart(blocks: list[RawBlock]) -> list[RawBlock]:
    """Part a paragraph of notes into one per mark ("* Any antibiotic can ... examples. ** Metronidazole ...",
    two lines a Markdown paragraph joined)."""
    out = []
    for b in blocks:
        if b.kind == "paragraph" and len(b.texts) == 1 and _NOTE.match(b.texts[0]):
            for note in re.split(r"(?<=[.!?])\s+(?=\*{1,3}\s|†|‡)", b.texts[0]):
                out.append(RawBlock("paragraph", [note], b.line))
        else:
            out.append(b)
    return out


def _table_notes(blocks: list[RawBlock]) -> list[RawBlock]:
    """Say each footnote with what its mark marks ("H. pylori eradication*" ... "* together with two antibiotics";
    "... if they keep coming back.*" ... "* Repeated infections may mean ..."): printed apart, without their marks,
    notes after a table would read as more rows or as notes on every row, and a note at the end as one on the
    section it ends up in."""
    out: list[RawBlock] = []
    table: RawBlock | None = None  # the table whose notes may follow
    for b in _notes_apart(blocks):
        note = mark = None
        if len(b.texts) == 1 and b.kind == "paragraph":
            m = _NOTE.match(b.texts[0])
            if m:
                mark, note = m.groups()
        elif table is not None and len(b.texts) == 1 and b.kind == "bullets" and not b.table:
            mark, note = "*", b.texts[0]  # "* together with ...": the reader took its mark for a bullet
        # The table just before it first; else any text before it that carries the mark.
        marked = [(table, k) for k, t in enumerate(table.texts) if _anchored(t, mark)] if note and table else []
        if note and not marked:
            marked = [(o, k) for o in out if o.kind != "heading" for k, t in enumerate(o.texts) if _anchored(t, mark)]
        headed = [k for k, o in enumerate(out) if o.kind == "heading" and _anchored(o.texts[0], mark)] if note and not marked else []
        if headed:
            # "Usual adult dosing (immediate-release tablets)¹" ... "¹ Children ... are dosed by body weight": a note on
            # a section's heading is said at the end of that section (at the sheet's end it read as the last section's)
            k = headed[0]
            out[k].texts[0] = re.sub(_footnote_mark(mark), "", out[k].texts[0])
            end = next((n for n in range(k + 1, len(out)) if out[n].kind == "heading"), len(out))
            out.insert(end, RawBlock("paragraph", [note], b.line))
            continue
        if note and not marked and b.kind == "bullets":
            b = RawBlock("paragraph", [note], b.line)  # "* Cut-offs differ ..." under a table whose title has the mark
        if note and not marked and b.kind == "paragraph" and not any(
                _anchored(t, mark) for o in blocks if o is not b and o.kind != "heading" for t in o.texts):
            b.texts[0] = note  # "\\* Long-term use has been linked ...": a mark that marks nothing would read as a bullet
        one = marked[0][0] if marked and all(o is marked[0][0] for o, _ in marked) else None
        # (items next to each other: "Take these two drugs ..."; apart, "Jan 9*" ... "Jul 9*", each says it)
        together = one is not None and sorted(k for _, k in marked) == list(range(min(k for _, k in marked),
                                                                                 max(k for _, k in marked) + 1))
        if len({id(o) for o, _ in marked}) > 1 or one is not None and len(marked) > 1 and (
                not one.table and together or len(marked) == len(one.texts)):
            # (and a note on several items of one list, "[ ] Ciprofloxacin ...**" / "[ ] Levofloxacin ...**"; or on a
            # table's column, its mark on the column's name in every row: "brand examples*" / "*We are not sponsored
            # by these brands ...": said once after it, not after each; a note on some rows of a table stays in them)
            # "[ ] Ciprofloxacin ...**" / "[ ] Levofloxacin ...**" ... "** Take these two drugs ...": a note on
            # several lines is said once, after the last of them.
            for o, k in marked:
                o.texts[k] = re.sub(_footnote_mark(mark), "", o.texts[k])
            last = max(out.index(o) for o, _ in marked if o in out)
            k = max(k for _, k in marked)
            if one is not None and not one.table and one.kind in ("bullets", "numbered") and k + 1 < len(one.texts) \
                    and not one.levels and re.search(r"\b(?:these|those|the)\s+(?:two|three|four|\d)\b|\bboth\b|\beither\b",
                                                     note, re.I):
                # (only a note that speaks of the items it marks as a group: "*These statements have not been
                # evaluated by the FDA" is said after the whole list, not between its items)
                # said right after the last item it marks, the list going on after it ("these two drugs": those two)
                rest = RawBlock(one.kind, one.texts[k + 1:], one.line, depth=one.depth)
                del one.texts[k + 1:]
                out[last + 1:last + 1] = [RawBlock("paragraph", [note], b.line), rest]
                continue
            out.insert(last + 1, RawBlock("paragraph", [note], b.line))
            continue
        parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", note, maxsplit=1) if note else []
        if len(marked) == 1 and marked[0][0] is table and out and out[-1] is table and len(parts) == 2 \
                and marked[0][1] < len(table.texts) - 1 \
                and _note_in_place(table, marked[0][1], mark, parts[0]):
            # "† Only if 6 months or older. Dose by weight when it is known, ...": the first sentence is the cell's
            # note, the rest a note on the whole table, said after it (not after the one row; a note on the last row is said whole in it).
            out.append(RawBlock("paragraph", [parts[1]], b.line))
            continue
        if marked:
            for o, k in marked:
                if _note_in_place(o, k, mark, note):
                    continue
                said = re.sub(_footnote_mark(mark), "", o.texts[k]).rstrip(" ;")
                said = said.rstrip(".") if note[:1].islower() else said if _ends_sentence(said) else f"{said}."
                # A note that carries the text on ("together with two antibiotics, ...") stays in its sentence.
                o.texts[k] = f"{said}; {note}" if note[:1].islower() else f"{said} {note}"
            continue
        table = b if b.table else None
        out.append(b)
    return out


def assemble_sections(blocks: list[RawBlock]) -> list[Section]:
    """Form sections: drop table-of-contents lists, empty headings, and merge repeated headings."""
    blocks = _table_notes(blocks)
    headings = [_norm(b.texts[0]) for b in blocks if b.kind == "heading"]
    last_said = {h: n for n, h in enumerate(headings)}  # a heading -> its last place: "said later" without a scan
    before = 0  # headings before block i
    sections: list[Section] = [Section(heading="")]
    by_heading: dict[str, Section] = {}
    for i, b in enumerate(blocks):
        before += i > 0 and blocks[i - 1].kind == "heading"
        if b.kind == "paragraph" and len(b.texts) == 1 and SUMMARY_BOX.match(b.texts[0]) \
                and i + 1 < len(blocks) and blocks[i + 1].kind in ("bullets", "numbered"):
            b = RawBlock("heading", [b.texts[0].rstrip(":").strip()], b.line)  # "Key takeaways:" over its list
        if b.kind == "heading":
            key = _norm(b.texts[0])
            if key in by_heading:  # the same heading again continues its first section
                sections.append(by_heading[key])
            else:
                section = Section(heading=b.texts[0], line=b.line)
                by_heading[key] = section
                sections.append(section)
        elif b.kind in ("bullets", "numbered") and _is_table_of_contents(b, last_said, before):
            if i and blocks[i - 1].kind == "heading" and not sections[-1].blocks and len(sections) > 1 \
                    and sections[-1] is by_heading.get(_norm(blocks[i - 1].texts[0])):
                # "What is in this leaflet" over its contents: the heading goes with them (the text after the list had
                # gone under it); that text goes on in the section before
                sections.pop()
                by_heading.pop(_norm(blocks[i - 1].texts[0]), None)
            continue
        else:
            parts = [b]
            if b.kind in ("bullets", "numbered") and i and blocks[i - 1].table and all(map(is_sentence, b.texts)):
                # Notes right after a table ("- A 5-day course of prednisone does not need to be tapered."): as a
                # list they would read as more of its rows, under its "Each line gives the medicine, dose ..."; each
                # is a paragraph of its own (run into one, the first note's condition would seem to hold for all).
                parts = [RawBlock("paragraph", [t], b.line) for t in b.texts]
            for b in parts:
                items = [[Sentence(s, sources=[s]) for s in split_sentences(t)] for t in b.texts]
                items = [it for it in items if it]
                last = sections[-1]
                if items and b.kind == "paragraph" and SUMMARY_BOX.match(last.heading) and any(x.is_list for x in last.blocks):
                    # "Key takeaways" and its bullets are a box; the article goes on after it, under no heading.
                    sections.append(Section(heading="", line=b.line))
                if items:
                    sections[-1].blocks.append(Block(b.kind, items, b.line, b.depth))
    unique, seen = [], set()
    for s in sections:
        if s.blocks and id(s) not in seen:  # a heading with nothing under it makes no section
            unique.append(s)
            seen.add(id(s))
    return unique


SUMMARY_BOX = re.compile(r"^(?:key (?:takeaways|points|facts)|at a glance|highlights|in brief|quick facts)\s*:?$", re.I)


def _is_table_of_contents(block: RawBlock, last_said: dict[str, int], before: int) -> bool:
    """A list whose items repeat headings that come later (one of the headings after the first `before`) is a table
    of contents: every one of two, or most of three or more (a section may have gone: a seller's box, a heading of
    nothing)."""
    said = sum(last_said.get(_norm(t), -1) >= before for t in block.texts)
    return len(block.texts) >= 2 and (said == len(block.texts) or len(block.texts) >= 3 and said >= 0.6 * len(block.texts))


def _norm(text: str) -> str:
    """Normalise text for comparing headings: case, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
