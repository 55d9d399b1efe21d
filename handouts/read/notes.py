"""Footnotes and references: a note is said with what its mark marks; a line or section of sources goes."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.language.grammar import has_verb
from handouts.read.blocks import RawBlock
from handouts.read.line_shape import CONTACT, ends_sentence, PHONE


_REFERENCES = re.compile(r"^(?:references|sources|bibliography|citations|works cited|footnotes|notes and references)"
                         r"\s*:?$", re.I)


def without_references(blocks: list[RawBlock]) -> list[RawBlock]:
    """Drop a 'References' section: a patient handout restates claims, its reader needs no citation list."""
    out, skipping, sources_above = [], False, False
    for b in blocks:
        cites = bool(_NOTE_MARK.search(b.texts[0]) or _CITES.search(b.texts[0]))
        if skipping and b.kind == "heading" and cites:
            pass  # "J Clin Aesthet Dermatol. 2017;10(7):14-17.   ³ Telang PS. Indian Dermatol": a reference's wrapped line
        elif b.kind == "heading" or b.kind == "paragraph" and len(b.texts) == 1 and _REFERENCES.match(b.texts[0].strip()):
            skipping = bool(_REFERENCES.match(b.texts[0].strip()))  # "## References", or "**References**" on its own
        elif skipping and b.kind == "paragraph" and (rx.match(r"[*†‡]|(?:Questions|Contact us|For more information)\b",
                                                              b.texts[0]) or CONTACT.search(b.texts[0])
                                                     # ("DISCLAIMER: ... Always speak to your doctor before ...": the
                                                     # page's own words after its references)
                                                     or rx.match(r"(?i)(?:disclaimer|important|note|warning)\s*:\s", b.texts[0])
                                                     # ("... Contact the School Health Team: 555-0148 | ...")
                                                     or rx.search(r"\b(?:contact|call|phone|ring)\b[^.]{0,60}\d{3}[-\s]\d{4}\b",
                                                                  b.texts[0], re.I)):
            # "*These statements have not been evaluated by the FDA ...", "Questions? Communicable Disease Control
            # Unit: (555) 210-4400": a note, a contact, no reference
            skipping = False
        if b.kind == "paragraph" and len(b.texts) == 1 and _NOTE_MARK.match(b.texts[0]) and not _citation_notes(b.texts[0]) \
                and any(_source_note(n) for n in _NOTE_MARK.split(b.texts[0]) if n.strip()):
            b.texts[0] = _notes_that_say(b.texts[0])
        # ("Sources: [1] Mlcek J et al., Molecules, 2016. [2] ...": a line of references under its label)
        listed = b.kind in ("paragraph", "bullets", "heading") and rx.match(r"(?:sources|references|citations)\s*:\s*\S", b.texts[0], re.I) \
            and rx.search(r"\bet al\b|\b(?:19|20)\d{2}\b", b.texts[0])
        # ("[1] Health and Safety Executive. Sun protection: ...  [2] World Health Organization. ...": numbered sources
        # in brackets, as the text cites them)
        listed = listed or b.kind == "paragraph" and len(rx.findall(r"(?:^|\s)\[\d{1,3}\]\s+[A-Z]", b.texts[0])) >= 2 \
            and b.texts[0].startswith("[1]")
        # (its wrapped line read apart: "Clin Immunol, 2020. [3] Kawai M et al., Int Arch Allergy Immunol, 2009.",
        # "a practical guide.")
        # ("References: 1. Health and Safety ... 2013." / "2. UKHSA Green Book. 3. BHIVA/BASHH ..., 2021.": its next
        # numbers, read as a list)
        # ("... 2 Deshpande A et al, Sleep Med" / "2020. 3 Cheah KL et al, PLoS One 2021. 4 ...": a line of them read as a
        # heading, and the line after it too)
        wrapped = sources_above and b.kind in ("paragraph", "bullets", "numbered", "heading") and len(b.texts) == 1 \
            and not has_verb(b.texts[0]) \
            and (rx.search(r"\bet al\b|\b(?:19|20)\d{2}\b", b.texts[0]) or b.texts[0][:1].islower() and len(b.texts[0].split()) <= 6
                 or rx.search(r"\.\s+\d{1,2}\s+[A-Z]", b.texts[0]))  # ("Dengue factsheet.  4 UKHSA Green Book ...": the next one)
        sources_above = bool(listed or wrapped)
        if listed and len(parts := [p.strip() for p in b.texts[0].split(" | ")]) > 1 and any(CONTACT.search(p) for p in parts):
            # "References: 1. NICE NG3 ... | This page does not replace advice ... | Antenatal Clinic: 0161 555 0192": the
            # parts after the references are the page's own (the clinic's number went with them)
            out += [RawBlock("paragraph", [p], b.line) for p in parts[1:] if p]
        elif listed and len(said := rx.split(r"(?<=[a-z]\.)\s+(?=[A-Z])", b.texts[0])) > 1:
            # "Sources: ... annual report 2023; national safer sleep guidance. Available in large print and other
            # languages on request - call 01632 960250.": a sentence after the sources that offers the reader something
            kept = [t for t in said[1:] if CONTACT.search(t) or rx.search(r"(?i)\b(?:call|contact|phone|ring|available)\b", t)]
            if kept:
                out.append(RawBlock("paragraph", [" ".join(kept)], b.line))
        # ("[1] Chief Medical Officer's Annual Report 2022: Air Pollution." / "[2] Defra, Daily Air Quality Index, 2023.":
        # a source under the number the text cites it by, one a line)
        bracketed = b.kind in ("paragraph", "bullets", "numbered") and len(b.texts) == 1 \
            and (m := rx.match(r"\[\d{1,3}\]\s+(\S.*)$", b.texts[0])) is not None and _source_note(m.group(1))
        if not skipping and not listed and not wrapped and not bracketed \
                and not (b.kind == "paragraph" and (_citation_notes(b.texts[0]) or _REFERENCE.match(b.texts[0]))):
            out.append(b)
    return out


# "[2] Kwo PY, Cohen SM, Lim JK. ACG Clinical Guideline: ... Am J Gastroenterol. 2017;112:18-35.": a reference under
# no "References" heading (its journal's year;volume:pages says what it is)
_REFERENCE = re.compile(r"^\[\d{1,3}\]\s+.*\b(?:19|20)\d{2}\s*;\s*\d+(?:\(\d+\))?\s*:\s*[e\d]")


_NOTE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*")
_CITES = re.compile(r"\bet al\b|\b(?:19|20)\d{2}\s*;\s*\d+")  # "Pullar JM et al.", "2017;9(8):866": a reference's


def _source_note(note: str) -> bool:
    """Tell whether a note says where a claim comes from ("Malfertheiner P, et al. Gut 2022.", "Australian Medicines
    Handbook, 2024.", "Heymann DL (ed). Control of Communicable Diseases Manual, 21st ed."), not something to do."""
    # ("⁴ Pharmacy helpline for questions: 1-800-555-0147": a contact, no source)
    # ("¹ Tessler FN et al. ACR Thyroid Imaging ... J Am Coll Radiol 2017;14:587-595.": a journal's reference, however long)
    # (nor a note that says where to go: "² Enrolment: www.aedpregnancyregistry.org, or ask ...")
    return bool(len(note.split()) <= 12 and not has_verb(note)
                or rx.search(r"\bet al\b|\b(?:19|20)\d{2}\s*;\s*\d+|\b\d+(?:st|nd|rd|th) ed\b|\b(?:19|20)\d{2}\.?$", note)
                # ("² Trust Anticoagulation Guideline v5.2.": a document by its version, whose "Trust" is no verb)
                or len(note.split()) <= 8 and rx.search(r"\b(?:guidelines?|guidance|protocol|policy|formulary)\s+v\d+(?:\.\d+)*\.?$",
                                                        note, re.I)) \
        and not CONTACT.search(note) and not PHONE.search(note) and not rx.search(r"www\.|https?://|\w@\w", note)


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
    pieces = rx.split(r"([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*", text)
    notes = [(mark, note.strip()) for mark, note in zip(pieces[1::2], pieces[2::2]) if note.strip()]
    return " ".join(f"{mark} {note}" for mark, note in notes if not _source_note(note))


def _footnote_mark(mark: str) -> str:
    """Return the pattern of a footnote mark on a table's row ("H. pylori eradication*"; "**" is another mark)."""
    # "eradication*", "adults,* although", "with exercise.*", "doses 1 and 3.[4]†" (after a citation's brackets)
    # ("11 June ...... Hydroxychloroquine: your questions answered *": set apart by a space at the end of its line)
    if mark != "*":
        return rf"(?<=[\w).%,;.\]]){re.escape(mark)}(?![*†‡])"
    # ("Hand / Fracture Clinic *" in a table's cell: set apart at the cell's end, "; " after it in the row said)
    return r"(?:(?<=[\w).%,;.\]])|(?<=\w )(?=\*(?:\s*$|[;:]\s)))\*(?![*†‡])"


NOTE = re.compile(r"^(\*{1,3}|†|‡|[¹²³⁴⁵⁶⁷⁸⁹])\s*(\S.*)$")  # (a superscript's note says something: "¹ In clinical studies")  # "* together with two antibiotics", "** No meetings on holidays"


def anchored(text: str, mark: str) -> bool:
    """Tell whether a text carries a footnote mark ("sign-up*", "coming back.*"), not a word set between stars."""
    return bool(rx.search(_footnote_mark(mark), text)) and not (mark == "*" and rx.search(r"(?<![\w*])\*[A-Za-z]", text))


def _spelled_out(marked: list[tuple[RawBlock, int]], mark: str, note: str) -> str | None:
    """Put a note that spells out the abbreviation its mark follows in brackets after the abbreviation ("MASLD*" /
    "* Metabolic dysfunction-associated steatotic liver disease. ..." -> "MASLD (metabolic dysfunction-associated
    steatotic liver disease)"); return the rest of the note ("" if none), or None where the note spells nothing out."""
    first, _, rest = note.partition(". ")
    first = first.rstrip(".")
    o, k = marked[0]
    m = rx.search(rf"\b([A-Z]{{2,6}})\s*{_footnote_mark(mark)}", o.texts[k])
    if len(marked) != 1 or not m or rx.search(r"[,;:()]", first) or not 2 <= len(first.split()) <= 10:
        return None
    initials = [w[0].lower() for w in rx.split(r"[\s-]+", first) if w]
    letters, at = m.group(1).lower(), 0
    for c in initials:
        if at < len(letters) and c == letters[at]:
            at += 1
    if at < len(letters) or initials[0] != letters[0]:
        return None  # (the note's words do not give the abbreviation's letters in order)
    o.texts[k] = f"{o.texts[k][:m.end(1)]} ({first[:1].lower() + first[1:]}){o.texts[k][m.end():]}"
    return rest.strip()

def _note_in_place(block: RawBlock, k: int, mark: str, note: str) -> bool:
    """Say a note where its mark is, when more follows the mark: a short note on a table's cell in brackets after it
    ("1.25 mL infant (50 mg)†" / "† Only if 6 months or older.": "1.25 mL infant (50 mg) (only if 6 months or older)",
    not after the whole row), a note on a sentence right after that sentence ("... with exercise.*" / "* Children
    ... of this effect.", not after the serious reactions said next). False: the mark ends the text."""
    text = block.texts[k]
    m = rx.search(_footnote_mark(mark), text)
    if not m:
        return False
    rest = text[m.end():]
    if block.table:
        condition = rx.match(r"(?:only|if|unless|when|except)\b", note, re.I) and rest.strip(" .") \
            and len(rx.findall(_footnote_mark(mark), text)) == 1
        if not condition and (len(note.split()) > 12 or not ends_sentence(note) or rx.search(r"[.!?]\s", note)):
            return False  # a long note, or more than one sentence: said after the row
        # (a condition on the cell stays with it, however long: "Hand / Fracture Clinic *" / "* only if your child had
        # a broken bone ...": after the row it read as a condition on the whole schedule)
        block.texts[k] = f"{text[:m.start()].rstrip()} ({note[:1].lower() + note[1:].rstrip('.')}){rest}"
        return True
    if not rest.strip(" .;"):
        return False
    if rx.search(r"[.!?][\"”’')\]]*(?:\[\d+(?:[,–-]\d+)*\])?$", text[:m.start()]):
        at = m.end()  # "... with exercise.*", "... doses 1 and 3.[4]†": the mark ends its sentence
    elif end := rx.search(r"[.!?][\"”’')\]]*(?=\s|$)", rest):
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
        if b.kind == "paragraph" and len(b.texts) == 1 and NOTE.match(b.texts[0]):
            for note in rx.split(r"(?<=[.!?])\s+(?=\*{1,3}\s|†|‡)", b.texts[0]):
                out.append(RawBlock("paragraph", [note], b.line))
        else:
            out.append(b)
    return out


def table_notes(blocks: list[RawBlock]) -> list[RawBlock]:
    """Say each footnote with what its mark marks ("H. pylori eradication*" ... "* together with two antibiotics";
    "... if they keep coming back.*" ... "* Repeated infections may mean ..."): printed apart, without their marks,
    notes after a table would read as more rows or as notes on every row, and a note at the end as one on the
    section it ends up in."""
    out: list[RawBlock] = []
    table: RawBlock | None = None  # the table whose notes may follow
    for b in _notes_apart(blocks):
        note = mark = None
        if len(b.texts) == 1 and b.kind == "paragraph":
            m = NOTE.match(b.texts[0])
            if m:
                mark, note = m.groups()
        elif table is not None and len(b.texts) == 1 and b.kind == "bullets" and not b.table:
            mark, note = "*", b.texts[0]  # "* together with ...": the reader took its mark for a bullet
        # The table just before it first; else any text before it that carries the mark.
        marked = [(table, k) for k, t in enumerate(table.texts) if anchored(t, mark)] if note and table else []
        if note and not marked:
            marked = [(o, k) for o in out if o.kind != "heading" for k, t in enumerate(o.texts) if anchored(t, mark)]
        headed = [k for k, o in enumerate(out) if o.kind == "heading" and anchored(o.texts[0], mark)] if note and not marked else []
        if headed:
            # "Usual adult dosing (immediate-release tablets)¹" ... "¹ Children ... are dosed by body weight": a note on
            # a section's heading is said at the end of that section (at the sheet's end it read as the last section's)
            k = headed[0]
            out[k].texts[0] = rx.sub(_footnote_mark(mark), "", out[k].texts[0])
            end = next((n for n in range(k + 1, len(out)) if out[n].kind == "heading"), len(out))
            out.insert(end, RawBlock("paragraph", [note], b.line))
            continue
        if note and not marked and b.kind == "bullets":
            b = RawBlock("paragraph", [note], b.line)  # "* Cut-offs differ ..." under a table whose title has the mark
        if note and not marked and b.kind == "paragraph" and not any(
                anchored(t, mark) for o in blocks if o is not b and o.kind != "heading" for t in o.texts):
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
                o.texts[k] = rx.sub(_footnote_mark(mark), "", o.texts[k])
            last = max(out.index(o) for o, _ in marked if o in out)
            k = max(k for _, k in marked)
            if one is not None and not one.table and one.kind in ("bullets", "numbered") and k + 1 < len(one.texts) \
                    and not one.levels and rx.search(r"\b(?:these|those|the)\s+(?:two|three|four|\d)\b|\bboth\b|\beither\b",
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
        parts = rx.split(r"(?<=[.!?])\s+(?=[A-Z])", note, maxsplit=1) if note else []
        if len(marked) == 1 and marked[0][0] is table and out and out[-1] is table and len(parts) == 2 \
                and marked[0][1] < len(table.texts) - 1 \
                and _note_in_place(table, marked[0][1], mark, parts[0]):
            # "† Only if 6 months or older. Dose by weight when it is known, ...": the first sentence is the cell's
            # note, the rest a note on the whole table, said after it (not after the one row; a note on the last row is said whole in it).
            out.append(RawBlock("paragraph", [parts[1]], b.line))
            continue
        if marked and (spelled := _spelled_out(marked, mark, note)) is not None:
            # "MASLD* (previously called NAFLD)" ... "* Metabolic dysfunction-associated steatotic liver disease. You may
            # still see ...": the note spells the mark's abbreviation out, said in brackets after it (after the row, a
            # name with no verb read as a fragment); the rest of the note after the text it marks
            if spelled:
                out.append(RawBlock("paragraph", [spelled], b.line))
            continue
        if marked:
            for o, k in marked:
                if _note_in_place(o, k, mark, note):
                    continue
                said = rx.sub(_footnote_mark(mark), "", o.texts[k]).rstrip(" ;")
                said = said.rstrip(".") if note[:1].islower() else said if ends_sentence(said) else f"{said}."
                # A note that carries the text on ("together with two antibiotics, ...") stays in its sentence.
                o.texts[k] = f"{said}; {note}" if note[:1].islower() else f"{said} {note}"
            continue
        table = b if b.table else None
        out.append(b)
    return out
