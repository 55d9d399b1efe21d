"""Read source texts (plain text or Markdown in any common encoding, with optional front matter; Word
documents, PDF leaflets, saved web pages) into the data model, recovering the structure a plain text only
implies. Each format becomes the same blocks; everything after that is one path."""

from __future__ import annotations

import re
import unicodedata
from importlib import import_module
from pathlib import Path

from handouts.errors import SourceError
from handouts.language import rx
from handouts.language.sentences import split_sentences
from handouts.model import Block, Handout, Meta, Section, Sentence
from handouts.read.blocks import (clean_line, clean_text, Extracted, has_letters, is_sentence, list_item, RawBlock,
                                  without_unsafe_addresses)
from handouts.read.encoding import decode_text
from handouts.read.forms import consent_form, label_lines, reads_as_content, signing_line
from handouts.read.furniture import is_furniture, page_furniture
from handouts.read.letterhead import (BANNER_DETAIL, banner_details, bracketed, letterhead_contacts, DOCUMENT_KIND,
                                      is_letterhead, letterhead_parts, letterhead_under_title, names_or_reaches,
                                      SHEET_TITLE, site_banner, TAGLINE, title_at_top, TITLE_GOES_ON)
from handouts.read.line_shape import in_capitals, CONTACT, ends_sentence, ORGANISATION, PLACE, TIME, title_like
from handouts.read.markdown_text import parse_markdown
from handouts.read.notes import table_notes, without_references
from handouts.read.plain_text import parse_plain_text
from handouts.read.running_lines import is_code


# Each reader takes the file's bytes and its path. Named by module and function: a reader's module (and its
# library) is imported only when such a file is read, so a project of text files never loads them.
READERS = {".docx": "word:read_docx", ".pdf": "pdf_leaflet:read_pdf", ".html": "web_page:read_web_page",
           ".htm": "web_page:read_web_page"}
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", *READERS)
FRONT_MATTER_KEYS = ("title", "slug", "language", "voice", "reviewed_by", "reviewed_on", "encoding")
_NOTHING = "no text: there is nothing in this file to turn into a handout. Add some paragraphs."
_NO_LETTERS = ("no text: this file holds no words, only numbers, signs or control characters (such as NUL bytes). "
               "Check that it is the right file, saved as text, and write the handout's sentences in it.")


_TOPIC = re.compile(r"(?i)(?:topic|subject|procedure|operation|protocol|presenting (?:problem|complaint))\s*:\s*(\S.*)")  # what a sheet is about

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
    blocks = _nested_headings(label_lines(_without_furniture(without_references(_cleaned(found.blocks)))))
    _boxes_off_unless_a_form(blocks)
    meta = make_meta(front, path, default_language)
    meta.import_notes = found.notes
    converted: list[RawBlock] = []
    for b in blocks[:6]:
        if b.kind == "paragraph" and len(b.texts) == 1 and (len(parts := letterhead_parts(b.texts[0])) > 1 or (all(
                x.kind == "paragraph" for x in blocks[:blocks.index(b)]) or CONTACT.search(b.texts[0])
                and all(x.kind == "heading" for x in blocks[:blocks.index(b)]))
                and not ends_sentence(b.texts[0])) \
                and all(names_or_reaches(p) for p in parts) \
                and any(not is_furniture(p) for p in parts):
            # "1400 Harbor View Drive, Suite 100 | Main line: (555) 310-4400 | ...": too long for a heading, but
            # letterhead all the same (as a paragraph it would stop the search for the title under it).
            b.kind = "heading"
            converted.append(b)
    letterhead: list[RawBlock] = []  # the lines naming who made the sheet and how to reach them, taken from its top
    marked = next((i for i, b in enumerate(blocks[:4]) if b.title), None)
    if marked and "title" not in front and all(b.kind in ("heading", "paragraph") and not b.level and len(b.texts) == 1
                                               and not ends_sentence(b.texts[0]) and site_banner(b.texts[0])
                                               for b in blocks[:marked]):
        # "**Harlow County Department of Public Health** · ... Program" / "[Home](#) | [Diseases A-Z](#) | ..." over
        # the Markdown "# Title": the site's name and menu, no text of the handout (the title had become a section)
        letterhead += blocks[:marked]
        del blocks[:marked]
    if blocks and blocks[0].title:
        letterhead += letterhead_under_title(blocks)  # "# Title" over "**Riverbend Sleep Associates** | Tel. ..."
    if len(blocks) > 2 and blocks[0].kind == "heading" and blocks[1].kind == "bullets" and _TOPIC.match(blocks[1].texts[0]):
        # "PAEDIATRIC TELEPHONE TRIAGE PROTOCOL" / "Presenting problem: LIMP ..." / "For use by: ...": the sheet's subject
        # over its other fields, no list item
        topic = RawBlock("heading", [blocks[1].texts[0]], blocks[1].line)
        if len(blocks[1].texts) == 1:
            blocks[1] = topic
        else:
            del blocks[1].texts[0]
            if blocks[1].levels:
                del blocks[1].levels[0]
            if len(blocks[1].texts) == 1:
                blocks[1] = RawBlock("paragraph", blocks[1].texts, blocks[1].line)  # one field left: no list
            blocks.insert(1, topic)
    if "title" not in front and not (blocks and blocks[0].title) and (top := title_at_top(blocks)) is not None:
        # "EASTSIDE COMMUNITY HEALTH CENTER" over "Seasonal Influenza (Flu) Vaccine - Information and Consent Form":
        # the letterhead and document-kind lines above the title go; the title names the handout.
        letterhead += blocks[:top]
        del blocks[:top]
        blocks[0].title = True
        if topic := _TOPIC.match(blocks[0].texts[0]):
            # "Telephone Triage Protocol — ADULT (age 18+)" over "TOPIC:   BURNS (thermal, scald, ...)": the kind of
            # sheet and its subject name it
            kind = next((x.texts[0] for x in reversed(letterhead) if DOCUMENT_KIND.search(x.texts[0])), "")
            said = " ".join(topic.group(1).split())
            blocks[0].texts[0] = f"{kind}: {said}" if kind else said
        # "Migraine FAQ | Neurology Clinic": the site goes; "DISCHARGE INSTRUCTIONS - ...      Form HS-114 rev 03/24":
        # the form's code too
        parts = [p.strip() for p in rx.split(r"\s+\|\s+|\s{4,}", blocks[0].texts[0]) if p.strip() and not is_furniture(p.strip())] \
            or [blocks[0].texts[0]]
        # (nor the form's code beside a department's name: "EMERGENCY DEPARTMENT - DISCHARGE ADVICE      ED/DC/44")
        parts = [p for p in parts if not is_code(p)] or parts
        blocks[0].texts[0] = next((p for p in parts if not (ORGANISATION.search(p) or DOCUMENT_KIND.search(p))), parts[0])
        if band := next((m.group(0) for x in letterhead for m in [_AGE_BAND.search(" ".join(x.texts))] if m), None):
            # "PROTOCOL TP-END-04      TELEPHONE TRIAGE - ADULT (16 YEARS +)": whom the sheet is for, by age, said in
            # its title (gone with the letterhead, the handout said only "an adult")
            if not _AGE_BAND.search(blocks[0].texts[0]):
                blocks[0].texts[0] = f"{blocks[0].texts[0].rstrip(' :')} - {band.strip()}"
        letterhead += letterhead_under_title(blocks)  # "Riverside Family Practice - Patient Triage Sheet (rev. 02/2024)"
        if len(blocks) > 2 and blocks[1].kind == "heading" and not blocks[1].level and in_capitals(blocks[0].texts[0]) \
                and not in_capitals(blocks[1].texts[0]) and len(blocks[1].texts[0].split()) <= 12 \
                and not rx.search(r"[.:;?]$", blocks[1].texts[0]) and any("__" in t for t in blocks[2].texts) \
                and not rx.match(r"(?i)(?:patient|your|personal)(?:'s)? (?:details|label|information|name)\b", blocks[1].texts[0]):
            # (not the form's own heading over its fields: "Patient details (or pre-printed label)")
            # "DISCHARGE INFORMATION: CELLULITIS OF THE LEG (ADULT)" / "Intravenous (IV) antibiotics changed to tablets"
            # over the form's fields: the title's subtitle (read as a heading, it headed the patient's name and number)
            blocks[0].texts[0] = f"{blocks[0].texts[0]}: {blocks.pop(1).texts[0]}"
        for _ in range(2):
            # "HEART TO HEART" / "Living Well with Heart Failure" / "A Free Peer-Support Group for Patients, ...": a
            # banner's subtitles, each over another heading (no section's), join the title (read apart, they went)
            if len(blocks) > 2 and blocks[1].kind == "heading" and blocks[2].kind == "heading" and not blocks[1].level \
                    and title_like(blocks[1].texts[0].split()) and not in_capitals(blocks[1].texts[0]) \
                    and len(blocks[1].texts[0].split()) <= 24 and not rx.search(r"[.:;?]$", blocks[1].texts[0]) \
                    and not (BANNER_DETAIL.search(blocks[1].texts[0]) or PLACE.search(blocks[1].texts[0])
                             or CONTACT.search(blocks[1].texts[0]) or TIME.search(blocks[1].texts[0])
                             or is_letterhead(blocks, 1) or TITLE_GOES_ON.match(blocks[1].texts[0])
                             or rx.match(r"[A-Z][a-z][\w ]{0,30}:\s", blocks[1].texts[0])):  # ("Ward: 7B (Urology)": a field)
                blocks[0].texts[0] = f"{blocks[0].texts[0]}: {blocks.pop(1).texts[0]}"
        if len(blocks) > 1 and (blocks[1].kind == "heading" or blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1
                                and len(blocks[1].texts[0].split()) <= 20 and not ends_sentence(blocks[1].texts[0])) \
                and TITLE_GOES_ON.match(blocks[1].texts[0]):
            # "INFORMED CONSENT FOR JOINT ASPIRATION" / "WITH OR WITHOUT CORTICOSTEROID INJECTION", "ALLOPURINOL
            # TABLETS" / "For the long-term treatment of gout": the title's second line carries it on.
            subtitle = blocks[1].kind == "paragraph"  # ("... SUPPORT GROUP" / "For people living with myeloma ...")
            # (and a line in small letters under a title in capitals: "... HOW TO REPORT THEM" / "For all clinic staff")
            subtitle = subtitle or in_capitals(blocks[0].texts[0]) and not in_capitals(blocks[1].texts[0]) \
                and ":" in blocks[0].texts[0]
            more = blocks.pop(1).texts[0]
            blocks[0].texts[0] += (f" - {more[:1].lower()}{more[1:]}" if ":" in blocks[0].texts[0] else f": {more}") if subtitle else " " + (
                more if in_capitals(blocks[0].texts[0]) else more[:1].lower() + more[1:])
            letterhead += letterhead_under_title(blocks)  # "Issued by: Rheumatology Pharmacy Service" under its second line
        if len(blocks) > 1 and blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1 \
                and (note := rx.fullmatch(r"(\([^()]{3,80}\))\s*([a-z][a-z /-]{2,60})?", blocks[1].texts[0])) \
                and (not note.group(2) or all(w in blocks[0].texts[0].lower() for w in note.group(2).split())):
            # "Cetirizine Dihydrochloride 1 mg/ml Oral Solution" / "(for children aged 2 years and over, and adults)" /
            # "cetirizine dihydrochloride": whom the medicine is for is the title's, and its substance is in it already
            blocks[0].texts[0] += f" {note.group(1)}"
            del blocks[1]
        tagline = [p.strip() for p in TAGLINE.split(blocks[1].texts[0])] if len(blocks) > 2 and blocks[1].kind == \
            "heading" and blocks[2].kind == "heading" else []
        if len(tagline) >= 2 and not any(ORGANISATION.search(p) or DOCUMENT_KIND.search(p) or rx.search(r"\d", p)
                                         for p in tagline):
            # "Free of charge - No referral required - All adults welcome" under the title, over a section's heading:
            # a heading of nothing would go, and what it says with it.
            blocks[1] = RawBlock("bullets", tagline, blocks[1].line, levels=[(0, "bullets")] * len(tagline))
    for b in converted:
        if any(b is x for x in blocks):
            # No title under it took it for letterhead: as a heading of nothing it would go. A form's blanks go all
            # the same ("Patient name: ____   Date of birth: ____").
            b.kind = "paragraph"
            if all(is_furniture(p) for p in letterhead_parts(b.texts[0])):
                blocks.remove(b)
    if letterhead and (contacts := letterhead_contacts(letterhead, blocks)):
        blocks += [RawBlock("heading", ["Contact"], contacts.line), contacts]  # said last, as a sheet's contacts are
    if blocks and blocks[0].title:
        banner_details(blocks)
        topic = _TOPIC.match(blocks[1].texts[0]) if len(blocks) > 1 \
            and blocks[1].kind == "heading" else None
        if topic:
            # "Telephone Triage Protocol - ADULT" over "TOPIC:   BURNS (thermal, scald, ...)": what the sheet is about
            # names it too (as the first section's heading, the handout's title never said "burns")
            blocks[0].texts[0] = f"{blocks[0].texts[0]}: {' '.join(topic.group(1).split())}"
            del blocks[1]
        if len(blocks) > 1 and blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1 and blocks[1].line == blocks[0].line + 1 \
                and bracketed(blocks[1].texts[0]) and len(blocks[1].texts[0].split()) <= 25:
            # "PREGABALIN 25 mg, ... hard capsules" / "(brand name: Lyrica®; ...)": the note in brackets right under the
            # title is the title's (alone it was a fragment that leaned on it)
            blocks[0].texts[0] += " " + blocks.pop(1).texts[0]
    if "title" not in front and blocks and blocks[0].title:
        meta.title = " ".join(blocks[0].texts[0].split())  # a heading at the very top names the handout (the file
        # name stays the slug; a banner's gaps are one space)
    elif "title" not in front and blocks and blocks[0].kind == "heading" and rx.search(r": | \| ", blocks[0].texts[0]):
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
                while j < len(blocks) and blocks[j].kind == "heading" and reads_as_content(blocks[j].texts[0]):
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


_COLOURS = {"🔴": "Red", "🟥": "Red", "🟠": "Orange", "🟧": "Orange", "🟡": "Yellow", "🟨": "Yellow", "🟢": "Green",
            "🟩": "Green", "🔵": "Blue", "🟦": "Blue"}


def _stars(m: re.Match) -> str:
    """Say a star rating in words: '★★★★½' is '4.5 stars', '★★★☆☆' is '3 out of 5 stars'."""
    stars = m.group().count("★") + m.group().count("⭐") + 0.5 * ("½" in m.group())
    if "☆" in m.group():
        return f"{stars:g} out of {stars + m.group().count('☆'):g} stars"
    return f"{stars:g} star{'s' if stars != 1 else ''}"


# "ADULT (16 YEARS +)", "CHILD (under 16 years)", "adults aged 18 and over": whom a sheet is for, by age
_AGE_BAND = re.compile(r"\b(?:adults?|child(?:ren)?|paediatric|pediatric|infants?)\s*(?:[-–:]\s*)?\(?\s*(?:aged?\s+)?"
                       r"(?:\d{1,2}\s*(?:years?|yrs)?\s*(?:\+|and over|or over|and older|or older)|under\s+\d{1,2}\s*(?:years?|yrs)?)\s*\)?",
                       re.I)


def _clean(text: str) -> str:
    """Return a text from a reader as every later stage may read it: no control characters, no unsafe address."""
    # "PATIENT DISCHARGE INSTRUCTIONS          Page 1 of 2": a printed page's number is no part of its words.
    text = rx.sub(r"(?:\s{2,}|^)Page \d+ of \d+\s*$", "", without_unsafe_addresses(clean_line(text)))
    # "... the advice of your child's doctor. © 2024 Lakeshore Children's Hospital. 1200 N. Lakeshore Dr. ... | Privacy
    # Policy": a page's copyright line and what follows it, run on after a sentence
    text = rx.sub(r"(?<=[.!?])\s+(?:©|\([cC]\))\s*(?:19|20)\d{2}\b.*$", "", text)
    # "... one week before the meeting.                 FRO-SC-NL-14 / 08.24": a sheet's code set at the line's end
    text = rx.sub(r"(?<=[.!?])\s{3,}[A-Z]{2,6}(?:-[A-Z0-9]{1,8}){2,4}(?:\s*[/·]\s*[\d./-]+)?\s*$", "", text)
    # "🔴 CALL 911 NOW", "⚠️ Important": a picture says no word, and the handout fonts have no glyph for it (a tick
    # "✓" in a form's box stays).
    # A coloured circle or square that codes urgency says its colour ("🔴 CALL 911": "Red: CALL 911"), which the text
    # may refer to ("move straight to the red section").
    # (Not where the line says it: "🔴 RED ZONE - CALL 911 NOW" is no "Red: RED ZONE".)
    text = rx.sub(r"^\s*([🔴🟠🟡🟢🔵🟥🟧🟨🟩🟦])\uFE0F?\s*(?=(\w*))", lambda m: "" if m.group(2).lower() == _COLOURS[m.group(1)].lower()
                  else _COLOURS[m.group(1)] + ": ", text)
    # "... are normally arranged. >> **Visible blood** in the urine ...": a pull-out mark after a sentence, no word
    text = rx.sub(r"(?<=[.!?])\s+>{2,3}\s+(?=\S)(?!.*<<)", " ", text)  # (not ">> sitting service <<": a box)
    # "-> While waiting: stop the burning ..." / "Fever over 3 days => call": a typed arrow is an arrow (said as the
    # plain stage says arrows); at the line's start it only points at the line.
    text = rx.sub(r"^\s*(?:-{1,3}>|=>)\s*", "", text)
    text = rx.sub(r"(?<=\S)\s+(?:-{1,3}>|=>)\s+(?=\S)", " \u2192 ", text)
    # (inside a line too, where it is a rule's outcome: "No improvement after 7 days → 🟡" says "Yellow")
    text = rx.sub(r"([🔴🟠🟡🟢🔵🟥🟧🟨🟩🟦])\uFE0F?", lambda m: _COLOURS[m.group(1)], text)
    # "... not a substitute for advice from your own doctor. PIL ref: HW-0112 v2.": the leaflet's code after its text
    text = rx.sub(r"(?<=[.!?])\s+(?:PIL |Leaflet |Patient information |Document )?(?i:ref(?:erence)?)\.?:?\s*[A-Z]{1,6}[-/]?\d[\w/-]*"
                  r"(?:\s+v\d+(?:\.\d+)?)?\.?$", "", text)
    # "** CALL 999 IF ** your breathlessness gets ...": stars typed around words to make them stand out, in a plain
    # text (Markdown's own are read by its parser): marks, no words
    text = rx.sub(r"(?<![\w*])\*\*\s*([^*\s](?:[^*]*[^*\s])?)\s*\*\*(?![\w*])", r"\1", text)
    text = rx.sub(r"[★⭐]+½?☆*", _stars, text)  # "★★★★½": a rating, said in words (as a picture it went, unsaid)
    text = rx.sub(r"\s*[\U0001F000-\U0001FAFF\u2600-\u2712\u2719-\u27BF\u231A\u231B\u23E9-\u23FA\uFE0F\u200D]+\s*", " ",
                  text).strip()  # (and the clocks and buttons among technical signs: "⏱ Hold pressure for 15 minutes")
    if rx.fullmatch(r"\s*(?:[A-Z] ){2,}[A-Z](?:\s{2,}(?:[A-Z] )+[A-Z])*\s*", text):
        # "S T E A D Y   G R O U N D": a banner set letter by letter is its words.
        text = " ".join(w.replace(" ", "") for w in rx.split(r"\s{2,}", text.strip()))
    return text


_TICK = r"\[[ xX✓✔]?\]"  # a tick box, ticked or not
_BOX = re.compile(_TICK + r"\s*:?\s+(?=\S)")  # "[ ] ", "[x] ", "[ ]: " before a list's item


def _boxes_off_unless_a_form(blocks: list[RawBlock]) -> None:
    """Take the tick boxes off a list's items on a sheet the reader fills in nothing on (no blank to fill, no signing,
    no "tick"): there a box is the list's mark ("[x] are pregnant", "- [ ] visible blood in your urine"), and printed
    it read as a stray "[ ]"."""
    said = " ".join(t for b in blocks for t in b.texts)
    # (a statement the reader ticks as their own, "[ ] I understand ...", or a line of choices, "[ ] Left  [ ] Right")
    if any(rx.match(_TICK + r"\s*:?\s+I\b", t) or len(rx.findall(_TICK, t)) >= 2 for b in blocks for t in b.texts):
        return
    if "__" in said or consent_form(blocks) or rx.search(r"\b(?:tick|ticked|check (?:the|each|any) box(?:es)?|circle|"
                                                         r"signature|signed|informed consent)\b", said, re.I):
        return
    for b in blocks:
        if b.kind in ("bullets", "numbered"):
            b.texts = [_BOX.sub("", t, count=1) if _BOX.match(t) else t for t in b.texts]


def _cleaned(blocks: list[RawBlock]) -> list[RawBlock]:
    """Clean the texts of every reader's blocks alike (see `_clean`); a block left with no text is dropped."""
    for b in blocks:
        b.texts = [t for t in map(_clean, b.texts) if t.strip()]
        # "This page is for information only ... doctor. | Back to top | Page last reviewed: 14/03/2024": the page's
        # links and dates beside the text, one line with it
        b.texts = [parts[0] if len(parts := rx.split(r"\s+\|\s+", t)) > 1 and not is_furniture(parts[0]) and not is_furniture(t)
                   and all(is_furniture(p) and not CONTACT.search(p) for p in parts[1:])
                   and (ends_sentence(parts[0]) or len(parts[0].split()) >= 8) else t for t in b.texts]  # (not a byline)
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


# "I have received and understand these instructions.": the signer's receipt of a sheet (no consent's statement: "I
# confirm that the nature of the procedure ... has been explained" is what a consent form is for)
_DECLARATION = re.compile(r"I (?:have )?(?:received|been given)\b[^.]{0,60}\b(?:instructions|information|sheet|leaflet|"
                          r"handout|chart)\b")


def _without_furniture(blocks: list[RawBlock]) -> list[RawBlock]:
    """Drop headings and lines that are page furniture (bylines, 'Share this article', captions, a pasted page's
    menu and related links: see `page_furniture`).

    A heading at the top that a byline or date line follows is the article's title."""
    out = []
    consent = consent_form(blocks)
    marks = page_furniture(blocks)
    # A pasted page's menu, breadcrumb and share line over a lone heading and its text: that heading is the page's
    # title ("Knee Osteoarthritis"; the handout had been named after its file).
    top = next((k for k, m in enumerate(marks) if not m), len(blocks))
    for k, b in enumerate(blocks[:12]):
        crumbs = [c.strip() for c in b.texts[0].split(">")] if marks[k] and b.texts else []
        named = next((j for j in range(k + 1, min(k + 3, len(blocks))) if len(crumbs) >= 3 and blocks[j].kind == "heading"
                      and _norm(rx.sub(r"\s*\([^()]*\)$", "", blocks[j].texts[0])) == _norm(crumbs[-1])), None)
        if named is not None:
            # "Home > ... > Conditions we treat > Pilonidal sinus" over "Pilonidal sinus": the page's own title, which
            # the breadcrumb names last (taken for more of the menu, it was lost, and the trust's name headed the page)
            marks[named], blocks[named].title = False, True
            top = named
            for j in range(k):
                marks[j] = marks[j] or blocks[j].kind == "heading" and all(
                    names_or_reaches(p) for p in letterhead_parts(blocks[j].texts[0]))
            break
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
        # (not a seller's button in capitals over its pitch: ">> CHECK TODAY'S PRICE ON ORCHARDBURST <<")
        heads_text = b.kind == "heading" and in_capitals(b.texts[0]) and len(b.texts[0].split()) <= 3 \
            and i + 1 < len(blocks) and not marks[i + 1] \
            and blocks[i + 1].kind in ("bullets", "numbered", "paragraph")
        # "NHL-TP-031 v6.2   Northgate Health   Nurse Line (800) 555-0134" after the last text: a page's footer, its
        # code beside who made the sheet (read as a heading, it headed the line under it)
        footer = i > 0 and content_after[i] <= 1 and b.kind in ("heading", "paragraph") and len(b.texts) == 1 \
            and len(parts := letterhead_parts(b.texts[0])) >= 2 and any(is_furniture(p) for p in parts) \
            and all(len(p.split()) <= 8 and (names_or_reaches(p) or len(p.split()) <= 4 and title_like(p.split()))
                    for p in parts)
        if footer and any(CONTACT.search(p) for p in parts):
            # "LCPHD-IMM-031  |  Revised 08/2025  |  Para español llame al (555) 302-7700": the code goes, the number stays
            kept = "; ".join(p for p in parts if not is_furniture(p))
            kept = f"Phone: {kept}" if rx.fullmatch(r"[\d() -]+", kept) else kept  # ("... | Contact Us | 1-800-555-0142")
            b.texts[0], b.kind, footer = kept, "paragraph", False
        elif i > 0 and content_after[i] <= 1 and b.kind == "heading" and len(b.texts) == 1 \
                and len(parts := letterhead_parts(b.texts[0])) >= 2 and all(names_or_reaches(p) for p in parts):
            b.kind = "paragraph"  # "Lakeside Children's Hospital | 1200 Harbor Drive | (555) 310-4400" at the end: no heading
        # "I have received and understand these instructions." over the signing line of a sheet that is no consent
        # form: the signing goes, and what the signer says with it
        declared = not consent and b.kind == "paragraph" and len(b.texts) == 1 and i + 1 < len(blocks) \
            and bool(_DECLARATION.match(b.texts[0])) and signing_line(blocks[i + 1])
        furniture = furniture or footer or declared
        if b.kind == "heading" and not furniture and content_after[i] == 0 and CONTACT.search(b.texts[0]):
            # "Questions? Dana Okafor, Social Work · 905-555-0120 ext. 4412" over the flyer's code only: no heading
            # (a heading with nothing under it is not printed)
            b.kind = "paragraph"
        if furniture and not (consent and signing_line(b)) and not heads_text:
            if len(out) == 1 and out[0].kind == "paragraph" and len(out[0].texts) == 1 and len(out[0].texts[0].split()) <= 30 \
                    and not ends_sentence(out[0].texts[0]) and rx.match(r"By\b", b.texts[0]):
                out[0].kind = "heading"  # "ALWAYS EXHAUSTED? THE 3 BEST IRON ..." wrapped over two lines, then its byline
            named = all(names_or_reaches(p) or DOCUMENT_KIND.search(p) for p in letterhead_parts(out[-1].texts[0])) \
                if out else False
            # ("ST. ALDHELM'S UNIVERSITY HOSPITALS NHS FOUNDATION TRUST" over "Ganglion cysts of the wrist" and its
            # "Last reviewed: ..." line: the trust's name is letterhead, the heading under it the title)
            over = all(x.kind == "heading" and all(names_or_reaches(p) for p in letterhead_parts(x.texts[0])) for x in out[:-1])
            if out and out[-1].kind == "heading" and (not named or SHEET_TITLE.search(out[-1].texts[0])) and (
                    len(out) == 1 or over and rx.match(r"(?i)(?:by|(?:last )?(?:reviewed|updated|published|revised))\b", b.texts[0])):
                out[-1].title = True  # "Heat Illness: Stay Safe" then "By Jane Smith | 4 min read" (not a clinic's name)
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
    if not rx.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise SourceError(f"slug '{_excerpt(slug)}' may hold only lower-case letters, digits and dashes.", path)
    return Meta(
        title=title, slug=slug, language=front.get("language") or default_language,
        voice=front.get("voice") or None, reviewed_by=front.get("reviewed_by") or None,
        reviewed_on=front.get("reviewed_on") or None, source=path,
    )


def slugify(text: str) -> str:
    """Make a file-name-safe slug from a title."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return rx.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-") or "handout"


def assemble_sections(blocks: list[RawBlock]) -> list[Section]:
    """Form sections: drop table-of-contents lists, empty headings, and merge repeated headings."""
    blocks = table_notes(blocks)
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
        if b.kind == "heading" and i and blocks[i - 1].kind == "heading" and not blocks[i - 1].title \
                and rx.match(r"\d{1,2}[.)]?\s+[A-Za-z]", blocks[i - 1].texts[0]) and not rx.match(r"\d", b.texts[0]) \
                and i + 1 < len(blocks) and blocks[i + 1].kind in ("bullets", "numbered") and not blocks[i + 1].table \
                and len(b.texts[0].split()) <= 8 and not rx.search(r"[?:]$", b.texts[0]) \
                and _norm(b.texts[0]) not in by_heading and _norm(blocks[i - 1].texts[0]) != _norm(b.texts[0]) \
                and not _is_table_of_contents(blocks[i + 1], last_said, before + 1):
            # "2. WHAT YOU NEED TO KNOW BEFORE YOU TAKE FINASTERIDE" / "Do not take Finasteride" / "  - if you are ...": a
            # heading right under the section's, over a list, is the list's lead-in (as a heading, the section's went,
            # a heading of nothing)
            b = RawBlock("paragraph", [f"{b.texts[0]}:"], b.line)
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
    # ("1. WHAT FINASTERIDE IS ..." is the contents' "What Finasteride is ...": a section's number is no word of it)
    # (nor a question's: "Q1. What do my eye pressure numbers mean?" is the contents' "What do my eye pressure ...")
    return " ".join(rx.sub(r"[^\w\s]", " ", rx.sub(r"^\s*(?:Q\s?)?\d{1,2}(?:\.\d{1,2})*[.):]?\s+(?=\S)", "", text).lower()).split())
