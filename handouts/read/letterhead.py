"""A sheet's top: its letterhead (who made it, how to reach them), its banner and its title."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.read.blocks import RawBlock
from handouts.read.furniture import is_furniture, is_menu
from handouts.read.line_shape import (in_capitals, CONTACT, ends_sentence, ORGANISATION, PLACE, STREET, TIME,
                                      title_like)


# (not "For use by registered nurses only" under the title: who the sheet is for, no more of its name)
TITLE_GOES_ON = re.compile(r"(?!for use\b)(?:with|without|for|and|or|of|in|during|after|before|to)\b", re.I)
TAGLINE = re.compile(r"\s+[-–—·•|]\s+")  # "Free of charge  -  No referral required  -  All adults welcome"
_PARTS = re.compile(r"\s+\|\s+")  # "412 Alder Street   |   Tel. (555) 014-2280   |   info@clinic.org"
DOCUMENT_KIND = re.compile(r"^(?!.*:)(?:[\w' &–—-]+ )?(?:fact ?sheets?|handouts?|leaflets?|newsletters?|(?:patient )?education(?:al)? (?:series|materials?)|telephone triage|triage protocols?|patient (?:medicine |drug )?information|(?:patient )?medication guide|information "
                            r"sheet|information for patients)\b|^package leaflet: information for the (?:patient|user)$", re.I)


SHEET_TITLE = re.compile(r"\b(?:discharge (?:instructions|summary)|instructions for|after-care instructions|consent (?:form|for)|"
                         r"agreement to (?:treatment|investigation|procedure)|"
                          r"care plan|action plan)\b", re.I)


def bracketed(text: str) -> bool:
    """Tell whether a text is one note in brackets, brackets inside it too ("(also sold as Keppra(R); ...)")."""
    depth = 0
    for k, c in enumerate(text):
        depth += (c == "(") - (c == ")")
        if depth == 0 and k < len(text) - 1:
            return False
    return text.startswith("(") and depth == 0


def site_banner(text: str) -> bool:
    """Tell whether a line over a page's title names who made it, or is its menu ("... Department of Public Health ·
    ... Program Home | Diseases A-Z | Reporting | Contact"), not a line of its text ("Diagnosis: Closed fracture ...")."""
    parts = letterhead_parts(text)
    return any(names_or_reaches(p) for p in parts) and (
        all(names_or_reaches(p) or DOCUMENT_KIND.search(p) for p in parts) or text.count("|") >= 2 or is_furniture(text)
        or is_menu(text))


def letterhead_parts(text: str) -> list[str]:
    """Part a letterhead line: at "|", at "*" between spaces, at wide gaps ("Suite 2    Phone: 555-883-6020")."""
    return [p.strip() for p in rx.split(r"\s+[|*·•]\s+|\s{3,}", text) if p.strip()]


def names_or_reaches(part: str) -> bool:
    """Tell whether a part of a letterhead line names who made the sheet, where it is, how to reach them, or when it
    was revised ("Revised: January 2025")."""
    return bool(ORGANISATION.search(part) or CONTACT.search(part) or PLACE.search(part) or is_furniture(part)
                or rx.match(r"(?i)(?:open|hours)\b.*\d", part)  # "Open 8 am - 9 pm daily": when to reach them
                or _EDITION.fullmatch(part) or _SPECIALTIES.fullmatch(part) or _FORM_CODE.fullmatch(part)
                or rx.fullmatch(r"(?i)ext(?:ension|n)?\.?\s*\d{3,6}", part)  # "Ext. 4412": a phone's extension
                # "Health Protection Team (North & East)", "Version 4.1 — reviewed March 2024"
                or rx.fullmatch(r"(?:[A-Z][\w&'’-]* ){1,4}Team(?: \([^()]*\))?", part)
                or rx.match(r"(?i)(?:version|v\.|rev(?:ision|ised)?\.?|issue)\s*\d[\d.]*\b.{0,40}\b(?:19|20)\d{2}\)?$", part)
                # "Sheet IPC-07", "Ref: URO-PIL-112": which of the organisation's sheets this is
                or rx.fullmatch(r"(?i:sheet|leaflet|form|ref(?:erence)?\.?|code|document)\s*(?i:no\.?|number)?:?\s*"
                                r"[A-Z]{2,}[-/A-Z0-9]*\d[A-Z0-9/-]*", part))


# "CONSENT FORM 1-URO", "Form code: UR-CF-07": which of the organisation's forms this is
_FORM_CODE = re.compile(r"(?i)(?:[a-z]+ )?form(?: code| no\.?| number)?:?\s*(?:[A-Z0-9]+(?:[-/.][A-Z0-9]+)+|\d{1,3}"
                        r"(?:\s*\([A-Z0-9]+(?:[-/.][A-Z0-9]+)*\))?)")  # (and "CONSENT FORM 1 (Gyn-CP3)")


# "Urology & Urogynaecology", "Cardiology and Vascular Surgery": a department named by its specialties
_SPECIALTIES = re.compile(r"(?:[A-Z][a-z]+(?:ology|iatrics|iatry|paedics|pedics|surgery|medicine)\s*(?:&|and|,)?\s*)+")


# "Winter 2024/25", "March 2025", "2024-25": which edition of the sheet this is
_EDITION = re.compile(r"(?:(?:Spring|Summer|Autumn|Fall|Winter|January|February|March|April|May|June|July|August|"
                      r"September|October|November|December|[A-Z][a-z]{2}\.?)\s+)?(?:19|20)\d{2}(?:[/-]\d{2,4})?")


def is_letterhead(blocks: list[RawBlock], i: int) -> bool:
    """Tell whether the heading at i names who made the sheet, or what kind of sheet it is (over another heading:
    "Why We Made This Handout" over its paragraph is a section's heading), or where to reach them."""
    if rx.match(r"(?i)for (?:all|any|every|people|patients|parents|carers|caregivers|families|staff|adults|children|"
                r"anyone|those|women|men|young)\b", blocks[i].texts[0]):
        return False  # "For all clinic staff, including agency, bank and students": whom the sheet is for, said
    if BANNER_DETAIL.search(blocks[i].texts[0]):
        return False  # "Sponsored by the Pulmonary Rehabilitation Department, ...": who runs the group, said (banner_details)
    parts = letterhead_parts(blocks[i].texts[0])  # "Division of Viral Hepatitis | Fact Sheet for the Public"
    # (a unit's name beside the organisation's: "Division of Environmental Health  |  Epidemiology & Disease Control")
    return all(names_or_reaches(p) or DOCUMENT_KIND.search(p) and i + 1 < len(blocks) and blocks[i + 1].kind == "heading"
               or k and names_or_reaches(parts[0]) and len(p.split()) <= 4 and title_like(p.split()) and not rx.search(r"\d", p)
               for k, p in enumerate(parts))


def letterhead_under_title(blocks: list[RawBlock]) -> list[RawBlock]:
    """Take the letterhead lines right under the title (blocks[0]) out of the blocks, and return them."""
    taken = []
    while len(blocks) > 1 and blocks[1].kind == "heading" and (is_letterhead(blocks, 1) or (
            blocks[0].level and blocks[1].level > blocks[0].level and len(blocks[1].texts[0].split()) <= 12
            and DOCUMENT_KIND.search(blocks[1].texts[0]))):
        # ("# HEAD LICE: SEPARATING MYTH FROM FACT" / "### A Fact Sheet for School Nurses, Teachers and Parents": what
        # kind of sheet, for whom; as a heading, it headed the key message)
        taken.append(blocks.pop(1))
    if len(blocks) > 1 and blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1 and "__" not in blocks[1].texts[0] \
            and not ends_sentence(blocks[1].texts[0]) and (len(parts := letterhead_parts(blocks[1].texts[0])) >= 2
                                                          or ORGANISATION.search(parts[0]) and any(
                DOCUMENT_KIND.search(q.strip()) for q in rx.split(r"\s[–—-]\s", parts[0]))) \
            and all(names_or_reaches(p) or DOCUMENT_KIND.search(p) for p in parts) and any(map(names_or_reaches, parts)):
        # ("*Department of Clinical Biochemistry & Haematology – Patient Information Series*": who, and the series)
        # "*Patient Education Series | Weight Management Clinic | Form WM-114 (rev. 03/2024)*" under the title: an
        # emphasised line of letterhead parts, read as a paragraph (no form's blanks: "Patient ref no.: ____   Tooth/teeth
        # to be treated: ____" is the form's)
        taken.append(blocks.pop(1))
    return taken


def letterhead_contacts(letterhead: list[RawBlock], rest: list[RawBlock]) -> RawBlock | None:
    """Return the phone lines of a letterhead as a list to keep ("Nurse Advice Line (24 h): (555) 310-4477"): the
    only way a reader has to reach the clinic, where the text does not give them again. A fax is for staff."""
    said = " ".join(t for b in rest for t in b.texts)
    digits = {rx.sub(r"\D", "", n) for n in CONTACT.findall(said)}
    parts = [rx.sub(r"\s+(?:https?://|www\.)\S+$|\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", "", p)  # its web address joined on
             for b in letterhead for p in letterhead_parts(b.texts[0])]
    parts = [rx.sub(r"^(Tel|Tel\.|Ph|Phone|Telephone)\.?\s+(?=[(\d])", "Phone: ", p) for p in parts]  # "Tel." ends no sentence
    lines = [p for p in parts if CONTACT.search(p)
             and not rx.match(r"fax\b", p, re.I) and not PLACE.search(p.split(":")[0])
             and not any(rx.sub(r"\D", "", n) in digits for n in CONTACT.findall(p))]
    # Whose numbers they are: the organisation's name first ("Riverbend Sleep & Pulmonary Associates").
    name = next((p for p in parts if ORGANISATION.search(p) and not CONTACT.search(p) and not PLACE.search(p)
                 and len(p.split()) <= 10 and not is_furniture(p)), None)
    if name:  # "RIVERBEND REGIONAL MEDICAL CENTER" is a name, set in capitals: "Riverbend Regional Medical Center"
        name = rx.sub(r"\b[A-Z][A-Z'’]{3,}\b|\b(?:ST|OF|AND|THE|FOR|AT|IN|ON)\b", lambda m: m.group().lower() if m.group().lower()
                      in ("of", "and", "the", "for", "at", "in", "on") and m.start() else m.group().capitalize(), name)
    # Where they are: "4100 Shoreline Drive, Milwaukee, WI" (a sheet that says "return to the emergency department"
    # or "arrive 30 minutes early" sends the reader there)
    street = next((p for p in parts if STREET.match(p) and not any(p in t for b in rest for t in b.texts)), None)
    lines = list(dict.fromkeys([x for x in (name, street) if x] + lines)) if lines else lines  # (a street is no name)
    return RawBlock("bullets", lines, letterhead[0].line, levels=[(0, "bullets")] * len(lines)) if lines else None


# "... transdermal patches nicotine": a medicine's form, then its active substance (a line of its own, in small letters)
_SUBSTANCE_UNDER_FORM = re.compile(r"\b((?i:tablets|capsules|patch(?:es)?|cream|gel|ointment|solution|suspension|injection|spray|"
                                   r"drops|inhaler|syrup|granules|powder|lozenges?))\s+([a-z][a-z /-]{2,60})$")


_STRENGTH = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|micrograms?|g|ml|mL|%)(?:/\d*\s?(?:ml|mL|g|hours?|h))?\b")


def _strengths_joined(blocks: list[RawBlock]) -> None:
    """Join the headings at the top that name one medicine in two strengths ("Clindamycin 150 mg Hard Capsules" /
    "Clindamycin 300 mg Hard Capsules") into one title, "Clindamycin 150 mg and 300 mg Hard Capsules": read apart,
    the second was a section's heading over the leaflet's opening, as if it were for that strength alone. (So too a
    second name run into its substance's line and read as a paragraph: "Mesalazine 800 mg Gastro-resistant Tablets
    mesalazine" gives "Mesalazine 400 mg and 800 mg Gastro-resistant Tablets (mesalazine)"; said, it had been the
    handout's first sentence.)"""
    k = 0
    while k + 1 < min(len(blocks), 6) and blocks[k].kind == "heading":
        a, b = blocks[k].texts[0], blocks[k + 1].texts[0]
        first, second = _STRENGTH.search(a), _STRENGTH.search(b)
        named = blocks[k + 1].kind == "heading" or blocks[k + 1].kind == "paragraph" and len(blocks[k + 1].texts) == 1
        if named and first and second and first.group() != second.group() and a[:first.start()] == b[:second.start()]:
            substance = rx.fullmatch(rf"{re.escape(a[first.end():])}\s+([a-z][a-z -]{{3,40}})", b[second.end():]) \
                if blocks[k + 1].kind == "paragraph" else None
            if a[first.end():] == b[second.end():] or substance:
                blocks[k].texts[0] = f"{a[:first.end()]} and {second.group()}{a[first.end():]}" \
                    + (f" ({substance.group(1)})" if substance else "")
                del blocks[k + 1]
                continue
        k += 1


def title_at_top(blocks: list[RawBlock]) -> int | None:
    """Return where the title is among the headings a source opens with (a run of them before any text), or None.

    The first heading of that run that is not letterhead, a form's blank or a document kind is the title
    ("Respiratory Syncytial Virus (RSV) in Older Adults" over "Fact Sheet for Patients | Updated 2025").
    A lone heading over the first paragraph stays its section's heading; a Markdown source marks its own (# Title).
    """
    _strengths_joined(blocks)
    if len(blocks) > 2 and blocks[0].kind == "paragraph" and len(blocks[0].texts) == 1 and in_capitals(blocks[0].texts[0]) \
            and len(blocks[0].texts[0].split()) <= 12 and blocks[1].kind == "heading" and not blocks[1].level \
            and in_capitals(blocks[1].texts[0]) and len(blocks[1].texts[0].split()) <= 12 and not is_letterhead(blocks, 1):
        # "RINGING, BUZZING, HISSING?  YOU ARE NOT THE ONLY ONE." over "NORTH VALLEY TINNITUS & HEARING LOSS SUPPORT
        # GROUP": a banner's call-out over its name; the name is the title, the call-out its first line
        blocks[0], blocks[1] = blocks[1], blocks[0]
        return 0
    run = 0
    while run < len(blocks) and blocks[run].kind == "heading":
        run += 1
    marked = next((i for i, b in enumerate(blocks[:run]) if b.level), None)
    if marked is not None and blocks[marked].title and 0 < marked <= 5 and all(is_letterhead(blocks, i) for i in range(marked)):
        return marked  # letterhead lines over a Markdown "# Title": the title is marked
    if run == 0 and len(blocks) > 2 and blocks[0].kind == "paragraph" and len(blocks[0].texts) == 1 \
            and len(blocks[0].texts[0].split()) <= 25 and not ends_sentence(blocks[0].texts[0]) \
            and in_capitals(" ".join(blocks[0].texts[0].split()[:3])) and not blocks[0].texts[0].endswith(":") \
            and not is_letterhead(blocks, 0) and (blocks[1].kind == "paragraph" or blocks[1].kind == "heading"
                                                  and BANNER_DETAIL.search(blocks[1].texts[0])) \
            and not (CONTACT.search(blocks[1].texts[0]) or rx.search(r"\d", blocks[1].texts[0])):
        # "RIVERSIDE OSTOMY CONNECTION  -  Peer Support for People Living with a Colostomy, ..." in a box at the top,
        # its lines read as one paragraph: the banner is the title
        blocks[0].kind = "heading"
        return 0
    if run == 0 or run == len(blocks) or marked is not None:
        return None
    if run == 1 and not is_letterhead(blocks, 0) and not DOCUMENT_KIND.search(blocks[0].texts[0]) \
            and blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1 \
            and (not ends_sentence(blocks[1].texts[0]) or blocks[1].quoted and in_capitals(blocks[0].texts[0])) \
            and not rx.search(r"[:;]$|\[[ xX✓]\]|_{2,}", blocks[1].texts[0]) and len(blocks) > 2 \
            and 3 <= len(blocks[0].texts[0].split()) <= 14 and not blocks[0].texts[0].endswith(":"):
        # "GENTLE HEARTS ~ Pregnancy & Infant Loss Support Group" over "A free peer support group for parents who have
        # experienced ...": a banner's name over its subtitle (no sentence): the name is the title (or over its motto
        # in quotes: "RIVERSIDE HEARING VOICES PEER SUPPORT GROUP" / '"You are not alone, and your experiences ..."')
        return 0
    if run == 1 and DOCUMENT_KIND.search(blocks[0].texts[0]) and blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1 \
            and not ends_sentence(blocks[1].texts[0]) and len(blocks[1].texts[0].split()) <= 40 and len(blocks) > 2:
        # "PACKAGE LEAFLET: INFORMATION FOR THE USER" over "NicoStep 21 mg/24 hours ... transdermal patches" / "nicotine":
        # the kind of sheet over the medicine's name, its active substance under it in small letters
        blocks[1].kind = "heading"
        blocks[1].texts[0] = _SUBSTANCE_UNDER_FORM.sub(r"\1 (\2)", blocks[1].texts[0])
        return 1
    if run == 1 and not is_letterhead(blocks, 0) and blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1 \
            and not ends_sentence(blocks[1].texts[0]) and len(blocks[1].texts[0].split()) <= 20 \
            and title_like(blocks[1].texts[0].split()) and len(blocks) > 2 \
            and not rx.search(r"\[[ xX✓]\]|_{2,}|[?:]", blocks[1].texts[0]):  # (not a form's question: "Which side? [ ] Left")
        # "B R E A T H E   E A S Y" over "A Peer-Support Group for People Living with COPD and the People Who Care for
        # Them": a banner and its subtitle, one title (the handout had been named after its file)
        blocks[0].texts[0] = f"{blocks[0].texts[0].rstrip(':')}: {blocks.pop(1).texts[0]}"
        return 0
    if all(is_letterhead(blocks, i) for i in range(run)):
        # "RIVERBEND ORTHOPAEDIC & SPORTS MEDICINE" / "Day Surgery Unit | ... | Tel ..." / "After-hours on-call surgeon:
        # (555) 018-4499" (a contact, read as a list) / "DISCHARGE INSTRUCTIONS -- KNEE ARTHROSCOPY": the letterhead
        # runs on through its contact lines, and the title is the heading after them
        k = run
        while k < min(len(blocks), 8) and blocks[k].kind == "bullets" and not blocks[k].table \
                and all(CONTACT.search(t) for t in blocks[k].texts):
            k += 1
        if k > run and k + 1 < len(blocks) and blocks[k].kind == "heading" and not is_letterhead(blocks, k) \
                and blocks[k + 1].kind != "heading":
            contacts = blocks.pop(run)
            for n, t in enumerate(contacts.texts):
                blocks.insert(run + n, RawBlock("heading", [t], contacts.line))  # letterhead lines, taken with it
            return k + len(contacts.texts) - 1
    for i, b in enumerate(blocks[:min(run, 8)]):  # (letterhead runs up to 7 lines: name, unit, address, phones)
        # ("EMERGENCY DEPARTMENT DISCHARGE INSTRUCTIONS" names a department, but says what the sheet is: its title)
        # ("Child's weight: ______ kg  (measured / estimated)": a form's field, no title)
        # ("... NHS Foundation Trust    CONSENT FORM 1-URO": the kind of sheet as a form's code, no title)
        if (not is_letterhead(blocks, i) or SHEET_TITLE.search(b.texts[0])
                and not any(_FORM_CODE.fullmatch(p) for p in letterhead_parts(b.texts[0]))) and not b.texts[0].endswith("?") \
                and "__" not in b.texts[0]:
            return i if run > 1 else None
    banner = blocks[run]
    if rx.search(r"_{2,}|\[[ xX✓]\]", banner.texts[0]):
        # "Child's weight: ______ kg": a form's field under the letterhead, no banner; the title may stand under the
        # fields ("DISCHARGE ADVICE FOR PARENTS AND CARERS: PULLED ELBOW")
        k = run
        while k < min(len(blocks), 8) and rx.search(r"_{2,}|\[[ xX✓]\]", blocks[k].texts[0]):  # ("Side: [ ] Left [ ] Right")
            k += 1
        return k if k < len(blocks) and blocks[k].kind == "heading" and not is_letterhead(blocks, k) else None
    if run <= 5 and banner.kind == "paragraph" and len(banner.texts) == 1 and in_capitals(banner.texts[0]) \
            and banner.texts[0].endswith(":") and len(banner.texts[0].split()) <= 8 and run + 1 < len(blocks) \
            and blocks[run + 1].kind == "heading" and not is_letterhead(blocks, run + 1):
        # "YOU ARE NOT ALONE:" over "A Peer Support Group for Families Living with Epilepsy": one title of two lines
        # (the banner had been read as a lead-in, and the title as a heading of nothing).
        blocks[run + 1].texts[0] = f"{banner.texts[0]} {blocks[run + 1].texts[0]}"
        del blocks[run]
        blocks[run].kind = "heading"
        return run
    if run <= 5 and banner.kind == "paragraph" and len(banner.texts) == 1 and len(banner.texts[0].split()) <= 25 \
            and not ends_sentence(banner.texts[0]):
        # Letterhead over a banner of several lines ('"LIVING WELL TOGETHER"' / 'A Support Group for People with MS'
        # / 'and Their Partners'), read as one paragraph: the banner is the title.
        banner.kind = "heading"
        return run
    return None


BANNER_DETAIL = re.compile(r"\b(?:hosted by|held at|free of charge|no referral|sponsored by|run (?:jointly )?by|jointly run by|"
                           r"organi[sz]ed by|supported by|funded by|"
                            r"in partnership with|(?:every|each) (?:month|week)|(?:1st|2nd|3rd|4th|first|second|third|fourth|"
                            r"last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)\b", re.I)


def banner_details(blocks: list[RawBlock]) -> None:
    """Keep the lines of a banner under the title ("Hosted by the Nephrology Outpatient Program, Westfield Community
    Hospital" / "Conference Room B (2nd floor, East Wing) * 418 Orchard Avenue" / "Free of charge - no referral
    needed") as a list: read as headings of nothing, they went, and with them where the group meets."""
    # (a banner's subtitle under its name first: "A free peer support group for parents who ...", no sentence)
    first = 2 if len(blocks) > 2 and blocks[1].kind == "paragraph" and len(blocks[1].texts) == 1 \
        and not ends_sentence(blocks[1].texts[0]) and blocks[2].kind == "heading" else 1
    j = first
    while j < len(blocks) and blocks[j].kind == "heading" and not blocks[j].level:
        j += 1
    if j == first + 1 and j < len(blocks) and blocks[j].kind != "heading" and BANNER_DETAIL.search(blocks[first].texts[0]):
        # "Hosted by the Family Resource Office, ..." right over the text: who runs the group, no heading of that text
        blocks[first] = RawBlock("bullets", blocks[first].texts, blocks[first].line, levels=[(0, "bullets")])
        return
    if j >= len(blocks) or blocks[j].kind == "heading" or j - 1 <= first:
        return  # (the last heading of the run heads the text after it)
    lines = [b.texts[0] for b in blocks[first:j - 1]]
    if any(in_capitals(x) or x.endswith("?") for x in lines):
        return
    # Only what a reader needs: where, when, who hosts, what it costs (not "Form TM-104", "Revised September 2023").
    joined: list[str] = []
    for x in lines:  # "Sponsored by the Pulmonary Rehabilitation Department, Northfield" / "Community Hospital, ...": wrapped
        if joined and (len(joined[-1]) >= 50 and not rx.search(r"[.!?:;]$", joined[-1]) or joined[-1].endswith(",")):
            joined[-1] += f" {x}"
        else:
            joined.append(x)
    said = [x for x in joined if PLACE.search(x) or CONTACT.search(x) or TIME.search(x)
            or BANNER_DETAIL.search(x)]
    if said:
        blocks[first:j - 1] = [RawBlock("bullets", said, blocks[first].line, levels=[(0, "bullets")] * len(said))]
