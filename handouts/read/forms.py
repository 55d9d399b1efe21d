"""A form's lines: labels and their fields, blanks to fill in, signing lines and a consent form's parts."""

from __future__ import annotations

import re
from dataclasses import replace

from handouts.language import rx
from handouts.read.blocks import RawBlock
from handouts.read.line_shape import in_capitals, CONTACT, ends_sentence, PHONE, title_like


# "Diagnosis: ...", "Stone size on CT: ...", "No. of sutures: ____": a label of up to four words, not a heading that
# asks or says what to do ("What to do after an exposure: post-exposure prophylaxis (PEP)" heads what follows).
LABEL_LINE = re.compile(r"^(?!(?:What|How|When|Why|Who|Where|Which|If|Before|After)\b)((?:No\.|[A-Z][A-Za-z-]*(?:'s)?)(?: [A-Za-z/-]+){0,3}):"
                         r"\s+(\S.*)$")


def label_lines(blocks: list[RawBlock]) -> list[RawBlock]:
    """Read "Label: value" lines that looked like headings ("Diagnosis: Kidney stone (ureteric colic), left side",
    "Stone size on CT: approximately 4 mm") as a list of what they say, not as headings of nothing.

    A line of several fields ("Patient weight today: 14 kg      Date: ____") keeps the filled ones; a form's
    blank ("Date of Surgery: ____") says nothing and goes. The first line of a file ("HIV PrEP: What You Need
    to Know") and title-like values stay headings.
    """
    out: list[RawBlock] = []
    consent = consent_form(blocks)
    for i, b in enumerate(blocks):
        if b.kind in ("heading", "paragraph") and CONTACT.search(b.texts[0]) and all(x.kind == "heading" for x in blocks[:i]) \
                and not ends_sentence(b.texts[0]):
            out.append(b)  # "Main line: (207) 555-0143    Surgery clinic: ..." in the headings a sheet opens with: letterhead
            continue
        if consent and signing_line(b):
            # "Patient / legal guardian signature: ____   Date: ____   Time: ____": the form's signing, kept
            fields = [_blanked(f) for f in rx.split(r"(?:\s{2,}|(?<=_)\s+)(?=[A-Z][\w' /()#-]{0,30}:)", b.texts[0]) if f.strip()]
            said = "".join(f if not k else (" " if ends_sentence(fields[k - 1]) else "; ") + f  # ("... ability. Signature:")
                           for k, f in enumerate(fields))
            if out and out[-1].kind == "bullets" and not out[-1].table and BLANK in out[-1].texts[-1]:
                out[-1].texts.append(said)
                out[-1].levels.append((0, "bullets"))
            else:
                out.append(RawBlock("bullets", [said], b.line, levels=[(0, "bullets")]))
            continue
        if b.kind == "paragraph" and rx.fullmatch(r"\(.*\)", b.texts[0]) and out and out[-1].kind == "bullets" \
                and not out[-1].table and LABEL_LINE.match(out[-1].texts[-1]):
            # "General surgery clinic: in 2-4 weeks" / "   (to discuss interval laparoscopic cholecystectomy ...)":
            # the note in brackets set in under a field is the field's
            out[-1].texts[-1] = f"{out[-1].texts[-1]} {b.texts[0]}"
            continue
        if b.kind == "paragraph" and len(b.texts) == 1 and _in_field_run(blocks, i) and out and out[-1].kind == "bullets" \
                and _field(out[-1].texts[-1]):
            out[-1].texts.append(b.texts[0])  # "Phone: (555) 013-7745 (Monday to Friday, ...)." under "Facilitator: ..."
            out[-1].levels.append((0, "bullets"))
            continue
        if b.kind in ("heading", "paragraph") and len(b.texts) == 1 and _staff_ticks(b.texts[0]):
            continue  # "Checked by pharmacist: [x]   TTOs given: [x]   GP copy sent: [x]": what staff did, for the record
        if b.kind == "bullets" and any(_staff_ticks(t) for t in b.texts) and not all(_staff_ticks(t) for t in b.texts):
            # ("GP copy sent: [x]     School nurse letter given: [x]" among the follow-up's items: the staff's, too)
            b = _items_without(b, _staff_ticks)
        if b.kind in ("heading", "paragraph") and len(b.texts) == 1 and _identity_line(b.texts[0]):
            continue  # "Patient name: Mrs Helen ____   Hospital No: WGH 0048 ____": who the patient is, for the record
        if b.kind == "bullets" and b.table and any(_identity_line(t) for t in b.texts):
            # "Patient name: Mrs Helen ____   Hospital No: WGH 0048 ____" read as a row of a table: who the patient
            # is, for the record (the rows under it, "Admitted: 11/06/2024; Discharged: 14/06/2024", stay)
            if not all(_identity_line(t) for t in b.texts):
                out.append(_items_without(b, _identity_line))
            continue
        if b.kind == "paragraph" and len(b.texts) == 1 and "__" in b.texts[0] and not consent \
                and _who_blanks(rx.split(r"\s{2,}|(?<=__)\s+(?=[A-Z][\w' /]{0,30}:)", b.texts[0]), times=True):
            continue  # "Call handler: ________  NMC PIN: ______  Date/time: ___": who took the call, for the record
        if b.kind != "heading" or b.level or not i or in_capitals(b.texts[0]) or _SECTION_LABEL.match(b.texts[0]) \
                or rx.match(r"(?:section|part|step|tier|stage|box)\s+[A-Z0-9]{1,3}\s*[-–:.]", b.texts[0], re.I) \
                or rx.match(r"[^:]{2,40}:\s+(?:when|what|how|where|who|why|which)\s+(?:to|you|your|it|is|are|can|should)\b",
                            b.texts[0], re.I):
            # "A QUICK REMINDER: THE RULE OF 15": a heading in capitals; "Prevention: the MMR vaccine": a section's name
            # ("SECTION A - EMERGENCY: advise 999 / ambulance now": a part of the sheet by its letter, its name)
            # ("Urgent advice: when to get help quickly": what the section tells, no value of a field)
            out.append(b)
            continue
        if ":" in rx.sub(r"\([^()]*\)", "", b.texts[0]) and PHONE.search(b.texts[0]) and any(x.kind != "heading" for x in blocks[:i]):
            # (not a colon in brackets: "When to call (Ward 4B, 24 hours: 01632 960 418)" heads what to call about)
            # (not in the headings a sheet opens with: "Main: (614) 555-0182 | Nurse line: ..." is its letterhead)
            # "After-hours on-call line (urgent medical questions): (555) 013-2000": a contact, one of a list, no
            # heading of the lines after it.
            # (One of a list of contacts only: "Questions after discharge? Nurse Line, 24 hours: ..." after a list of
            # warning signs is not one more sign.)
            said = [b.texts[0]]
            if out and out[-1].kind == "bullets" and (PHONE.search(out[-1].texts[-1]) or not out[-1].table and out[-1].line
                                                       + len(out[-1].texts) == b.line and LABEL_LINE.match(out[-1].texts[-1])):
                out[-1].texts += said
                out[-1].levels += [(0, "bullets")]
            else:
                out.append(RawBlock("bullets", said, b.line, levels=[(0, "bullets")]))
            continue
        # Fields part at wide gaps, and after a blank ("Patient name: ____ DOB: ____").
        fields = [f.strip() for f in rx.split(r"\s{3,}|(?<=__)\s+(?=[A-Z][\w' /]{0,30}:)", b.texts[0]) if f.strip()]
        # Label lines one under another ("Facilitator: Dana Whitfield, LCSW" / "MS Nurse Specialist: ..." / "Email:
        # ..."): a block of fields, even where a value reads like a title; headings do not come in runs like that.
        run = _in_field_run(blocks, i)
        labelled = [f for f in fields if (m := LABEL_LINE.match(f)) and (run or
            "__" in f or not title_like(m.group(2).split()) and len(m.group(2).split()) >= 2 or rx.search(r"\d", m.group(2)))]
        if _who_blanks(fields):
            # "Patient name: ____   Date of birth: ____/____   Chart #: ____": who the patient is, blank ("Nurse: ____
            # [ ] Interpreter used   Language: ____": who saw them, and how)
            continue
        if len(labelled) != len(fields):
            # "Additional procedures agreed (for example, stent removal): ____": a form's line, no heading of what follows
            out.append(RawBlock("paragraph", [b.texts[0]], b.line) if "__" in b.texts[0] else b)
            continue
        # A line with a name or a signature on it is the form's own furniture: its "Date: ____" goes with them.
        furniture = any(rx.match(r"[\w' ]*\b(?:name|signature|signed|witness)\b", f, re.I) and "__" in f for f in labelled)
        said = []
        for t in (_filled(f, furniture, consent) for f in labelled):
            if t and said and t.endswith(BLANK) and t.count(BLANK) == 1 and ":" in t and len(t.split(":")[0].split()) <= 2:
                said[-1] += f"; {t}"  # "Ondansetron given in ED: Yes / No   Time: ____": the time of that dose
            elif t:
                said.append(t)
        if not said:
            continue  # "Patient: ________   Date of Surgery: ____/____": a form's blanks
        if out and out[-1].kind == "bullets" and LABEL_LINE.match(out[-1].texts[-1]):
            out[-1].texts += said
            out[-1].levels += [(0, "bullets")] * len(said)
        else:
            out.append(RawBlock("bullets", said, b.line, levels=[(0, "bullets")] * len(said)))
    return out


def _who_blanks(fields: list[str], times: bool = False) -> bool:
    """Tell whether a line's fields are all blank and one asks who the patient is, or who saw them ("Patient name:
    ____   DOB: ____", "Call handler: ____   NMC PIN: ____"): for the record, nothing the reader is told. (Not a
    sentence with a blank: "For children under 8 kg ..., use the dose written below by the doctor or nurse: ____".)"""
    fields = [f.strip() for f in fields if f.strip()]
    blank = r"[^:_]+:\s*_+[_/: ]*" if times else r"[^:_]+:\s*_+[_/ ]*"  # ("Date/time: ___ __:__" on a staff's line)
    # (not a field of what is done beside them: "Patient ref no.: ____   Tooth/teeth to be treated: ____" names the
    # tooth a consent form's "the tooth/teeth above" means)
    return bool(fields) and all(rx.fullmatch(rf"{blank}|\[[ xX]\]\s*[\w ]{{1,30}}", f) for f in fields) \
        and any(_PATIENT_FIELD.search(f.split(":")[0]) and len(f.split(":")[0].split()) <= 8 for f in fields if ":" in f) \
        and not any(rx.search(r"(?i)\bto be (?:treated|removed|injected|operated|examined)\b|\b(?:site|side|tooth|teeth|procedure)\b",
                              f.split(":")[0]) for f in fields if ":" in f)


def _items_without(b: RawBlock, drop) -> RawBlock:
    """Return a list block without the items `drop` tells apart (their nesting levels go with them)."""
    kept = [k for k, t in enumerate(b.texts) if not drop(t)]
    return replace(b, texts=[b.texts[k] for k in kept], levels=[b.levels[k] for k in kept] if b.levels else [])


def _staff_ticks(line: str) -> bool:
    """Tell whether a line is two or more fields that are each only a tick box ("Checked by pharmacist: [x]   TTOs
    given: [x]"): staff ticking off what they did. (A field with choices, "Contact lens wearer: [ ] Yes [ ] No", asks.)"""
    fields = [f for f in rx.split(r"\s{3,}|(?<=\])\s+(?=[A-Z])", line.strip()) if f]
    return len(fields) >= 2 and all(rx.fullmatch(r"[A-Za-z][^:\[\]]{1,40}:\s*\[[ xX✓]?\]", f) for f in fields)


def _identity_line(text: str) -> bool:
    """Tell whether a line's fields only say who the patient is ("Patient name: Mrs Helen ____; Hospital No: WGH 0048
    ____", "Date of birth: __ / __ / 19__; NHS No: ____", "Hospital no.: HG 0047 3391   NHS no.: [on file]"): for the
    record, and a patient's name, birth date and numbers have no place on a handout printed for others."""
    fields = [f for f in rx.split(r";\s+|\s{2,}|(?<=_)\s+(?=[A-Z][\w' /.]{0,30}:)", text.strip()) if f]
    labels = [f.split(":")[0].strip() for f in fields if ":" in f]
    # (filled in, two fields or more and one that names the patient: "Age: 50 years or older" is a risk table's row)
    return bool(fields) and len(labels) == len(fields) and all(_IDENTITY_FIELD.fullmatch(x) for x in labels) \
        and ("__" in text or len(labels) >= 2 and any(not rx.fullmatch(r"(?i)age", x) for x in labels))


def consent_form(blocks: list[RawBlock]) -> bool:
    """Tell whether a sheet is a consent form: the patient signs that they consent ("I consent to the procedure")."""
    return any(rx.search(r"\bI (?:hereby )?(?:\w+ )?(?:consent|agree|give (?:my )?(?:permission|consent))\b|"
                         r"\bconsent form\b", t, re.I) for b in blocks for t in b.texts)


def signing_line(b: RawBlock) -> bool:
    """A line of a form where someone signs ("Patient signature: ____   Date: ____", "Witness: ____")."""
    return len(b.texts) == 1 and b.kind in ("heading", "paragraph") and "__" in b.texts[0] \
        and any(_SIGNING_FIELD.search(label) for label in rx.findall(r"([^:_]+):\s*(?:Dr\.?\s*)?_", b.texts[0]))


def _in_field_run(blocks: list[RawBlock], i: int) -> bool:
    """Tell whether block i is a "Label: value" line right under or over another one (a block of fields)."""
    if not _field(blocks[i].texts[0]) or len(blocks[i].texts) != 1:
        return False
    # (Lines of a form or a contact block, not a list's items: "Recognising a New Stroke: BE FAST" over "- B - Balance:
    # ..." stays a heading.)
    before = blocks[i - 1] if i and blocks[i - 1].kind in ("heading", "paragraph") else None
    # ("Walk co-ordinator: Janet Okafor" over "Tel / text ...... 07700 900 418", read as a list: who, and how to reach them)
    after = blocks[i + 1] if i + 1 < len(blocks) and (blocks[i + 1].kind in ("heading", "paragraph") or blocks[i + 1].kind
                                                      == "bullets" and not blocks[i + 1].table and bool(PHONE.search(blocks[i + 1].texts[0])
                                                                                     or CONTACT.search(blocks[i + 1].texts[0]))) else None
    return bool(before and before.line + len(before.texts) == blocks[i].line and _field(before.texts[-1])
                or after and after.line == blocks[i].line + 1 and _field(after.texts[0]))


def _field(text: str) -> bool:
    """A "Label: value" line, or a contact line ("Epilepsy nurse line (Mon-Fri 8:30-4:30): (555) 013-7720")."""
    return bool(LABEL_LINE.match(text) or ":" in text and PHONE.search(text))


# "Prevention: the MMR vaccine", "Treatment: what helps": a section's name and its subject, no label of a value.
_SECTION_LABEL = re.compile(r"^(?:prevention|treatment|symptoms|signs|causes|complications|outlook|overview|background|"
                            r"summary|risks|benefits|alternatives|aftercare|recovery|testing|vaccination|management|"
                            r"self[- ]care|home care|diet|exercise|pregnancy|breastfeeding|children|important|warning|caution)\s*:", re.I)

# A form's blank and its label, at the end of a field ("... in 1 to 2 weeks. Appointment: ___/___ at __:__").


BLANK = "________"  # a form's blank to fill in, as printed
# Fields that only say who the patient is: record-keeping, no part of what the sheet tells them.
# (Who saw the patient is the record's too: "Attending physician: Dr. ____", "Discharging nurse: ____"; whom they
# see next, or who operates, is not: "Surgeon: Dr. ____", "Primary care doctor: Dr. ____ within 7 to 10 days".)
_PATIENT_FIELD = re.compile(r"\b(?:(?:patient|child)(?:'s)?(?: full)? name|(?:full |print(?:ed)? )?name|patient|"
                            r"date of birth|dob|d\.o\.b|mrn|medical record|record number|hospital number|nhs number|"
                            r"(?:patient )?id|address|relationship|ward|bed|admitted|admission|date of admission|"
                            r"discharge date|date of discharge|attending|seen by|discharging|treating|nurse|staff|"
                            r"call handler|handler|adviser|advisor|clinician|(?:nmc|gmc|hcpc) (?:pin|number|no)|bleep|"
                            r"completed by|call ref(?:erence)?)\b", re.I)
# The fields that name the patient on a form's top ("Patient name", "DOB", "Hospital No.", "NHS number", "MRN").
_IDENTITY_FIELD = re.compile(r"(?i)(?:(?:patient|child)(?:'s)? )?(?:(?:full |first |last |sur)?name|date of birth|dob|age|"
                             r"d\.o\.b\.?|(?:mrn|hospital|nhs|chart|record|unit|patient id|id)(?: (?:no\.?|number|#))?|"
                             r"medical record(?: number| no\.?)?|address|postcode|zip code)")
# Fields of the signing: a consent form's purpose, and furniture on any other sheet.
_SIGNING_FIELD = re.compile(r"\b(?:signature|signed|witness|interpreter|parent/guardian|legal representative|"
                            r"obtaining consent)\b", re.I)  # ("Patient or legal representative: ____", "Physician obtaining consent: ____")


def _blanked(field: str, before_box: bool = True) -> str:
    """Return a field with each run of blanks ("______", "____/____/______") printed as one BLANK, spaces tidied
    (`before_box`: a blank before a tick box "[ ]" is one too)."""
    ahead = r"[A-Za-z(\[]" if before_box else r"[A-Za-z(]"
    return rx.sub(r"\s+", " ", rx.sub(rf"_{{2,}}[_/:\s]*?(?=\s*(?:{ahead}|$))", BLANK + " ", field)).strip()


def _filled(field: str, furniture: bool = False, consent: bool = False) -> str:
    """Return a form's field as printed, its blanks kept for staff to fill in ("Weight today: ________ kg",
    "Surgeon: Dr. ________", "Date of procedure: ________"), or "" for a field that only says who the patient is
    ("Patient name: ____"), or who signs a sheet that is no consent form ("Signature: ____", and a "Date: ____" on
    their line: `furniture`). A consent form keeps its signing lines: without them it cannot be signed."""
    text = _blanked(field, before_box=False)
    m = LABEL_LINE.match(text)
    if not m or not m.group(2).strip():
        return ""
    # ("Seen by: ________, MD/PA": a blank and the letters after the name to come)
    only_blank = not rx.sub(r"\b(?:MD|DO|PA|PA-C|NP|RN|APRN|CNM|DDS)\b", "", rx.sub(r"^(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s", "",
                                                                                   m.group(2)).replace(BLANK, "")).strip(" /:,_")
    if only_blank and (_PATIENT_FIELD.search(m.group(1)) or not consent and (furniture or _SIGNING_FIELD.search(m.group(1)))):
        return ""
    if furniture and not consent and rx.search(r"(?i)\b(?:discharging|attending|treating|seen by|completed by|checked by)\b",
                                               m.group(1)):
        return ""  # "Discharging doctor: Dr L. Pereira, FY2  Bleep 4471   Signature: ____": who signs the sheet off
    if not consent and not only_blank and (_SIGNING_FIELD.search(m.group(1))
                                           or furniture and rx.fullmatch(r"(?i)date(?:\s*/\s*time)?|time", m.group(1))):
        return ""  # "Nurse signature: ____S Whitcombe____   Date: 06/06/2024": a sheet's sign-off, signed (a blank one: above)
    return text


def reads_as_content(line: str) -> bool:
    """Tell whether a short line read as a heading says something of its own (a time, a place, a number)."""
    return bool(rx.search(r"\d", line)) and not line.rstrip().endswith(("?", ":"))


def staff_record_dropped(blocks: list[RawBlock]) -> list[RawBlock]:
    """Drop the staff's fields and boxes from a "DOCUMENTATION" part ("Reading (mmol/L): ______  Time: ______  Tier
    reached: 1 [ ] 2 [ ] 3 [ ]"): the call's record, nothing for the reader (a line that says something stays, under the
    part's heading; with none, the heading goes too). A record's fields on one line of their own ("Record: Disposition
    reached ____ Adviser ID ____") are page furniture, a row of furniture.tsv."""
    out: list[RawBlock] = []
    k = 0
    while k < len(blocks):
        b = blocks[k]
        j = k + 1
        # (a field read as a heading, "Caller name: ____  DOB: ____", is one of the record's lines)
        while j < len(blocks) and (blocks[j].kind != "heading" or rx.search(r"_{3,}|\[[ xX✓]?\]", blocks[j].texts[0])):
            j += 1
        if b.kind == "paragraph" and len(b.texts) == 1 and (label := rx.match(r"(.{3,30}?):\s+", b.texts[0])) \
                and _record_heading(label.group(1)) and rx.search(r"_{3,}|\[[ xX✓]?\]", b.texts[0]):
            k += 1  # "DOCUMENTATION:  Tier assigned:  [ ] EMERGENCY   [ ] EPU same day ...": the record on one line
            continue
        if b.kind == "heading" and _record_heading(b.texts[0]) and j > k + 1:
            kept = [x for x in blocks[k + 1:j] if not all(rx.search(r"_{3,}|\[[ xX✓]?\]|\(\s?\)", t) for t in x.texts)]
            # (a page's contacts after the record, "Nurse Advice Line: 555-0150 | After-hours supervisor: 555-0151",
            # are the sheet's, not the record's: no heading of theirs)
            contacts = all((PHONE.search(t) or rx.search(r"\b\d{3}[-. ]\d{4}\b", t)) and not ends_sentence(t)
                           for x in kept for t in x.texts)
            out += ([] if contacts else [b]) + kept
            k = j
            continue
        out.append(b)
        k += 1
    return out


_RECORD_HEADING = re.compile(r"(?i)(?:call )?(?:documentation|record(?: keeping)?|for (?:office|staff|clinic) use(?: only)?|"
                             r"office use(?: only)?|audit|(?:staff|clinician|clinical|nurse|call handler)(?:'s)? record)\s*:?")


def _record_heading(text: str) -> bool:
    """Tell whether a heading names the staff's record ("DOCUMENTATION", "SECTION E - STAFF RECORD (complete for every
    call; scan to EMIS)"): a part's letter before it and a note in brackets after it are no other subject."""
    name = rx.sub(r"^(?:section|part|box)\s+[A-Z0-9]{1,3}\s*[-–:.]\s*|\s*\([^()]*\)\s*$", "", text.strip(), flags=re.I)
    return bool(_RECORD_HEADING.fullmatch(name))
