"""What a line of plain text looks like: a bullet, a number, a sentence's end, capitals, a phrase that runs on,
a contact or a time; the small tests the readers of plain text and Markdown share."""

from __future__ import annotations

import re

from handouts.language import rx

# A note's number written as its superscript ("1" -> "¹"): notes read as notes wherever they were marked
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


# A bullet: "-", "*", "•" ...; or an indented "o", the sub-bullet Word's plain-text export writes.
# ">> your toes become cold", "! faint again", "o Room 3B has a hearing loop" (an "o" at the line's start too): bullets
# "  -> Begin taking your pain medicines ...", "→ Rest": an arrow set at a line's start marks an item too, and so
# does a tick ("✔ NMN and NR are precursors ...").
BULLET = re.compile(r"^(?!.*<<\s*$)(?:\s*(?:[-*•‣◦–▪►➤»›!→➔✔✓✅]|>{2,3}|-{1,3}>|={1,3}>|\[[+>*•!-]\])|\s+o|o(?=\s+[A-Z0-9\"“(])|\s*[xX✗✘](?=\s{2,}[A-Z])|\s+[xX✗✘](?=\s{1,3}[a-z]{2,}\s)|\s+[xX✗✘](?=\s(?:It|This|We|You|They)\s))"
                    r"\s+(.*)$")  # (">> ... <<": a box; "x  It is NOT a medical service.", "  x if you are allergic ...":
# a cross, what a group is not or when not to take a medicine (" x  if you are pregnant"); "  x It is not a medical clinic."; "  [+] Eat ...",
# "  [-] AVOID ice": do and do-not marks, the words say which)
LETTERED = re.compile(r"^\s+\(?[a-z][.)]\s+(.*)$")  # "   a. Straighten your arm": a step set in under a numbered one
NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|step \d{1,2}\s*[:.)-])\s+(.*)$", re.I)  # "1. Wash", "Step 1: Wash"
# "  [ ] Burns to the face, nose or mouth from a fire in an enclosed space," / "      or singed nasal hair ...": a
# checklist's item, its box kept (the box is the form's), its wrapped lines set in under its text; not a line of
# boxes to choose from ("[ ] Yes  [ ] No") or of blanks to fill in
TICKED = re.compile(r"^\s*(\[[ xX]\]\s+(?!.*(?:\[[ xX]\]|\( \)|__)).*\S)\s*$")


# Lines at the top that name who made a sheet or what kind of sheet it is, not what it is about (a line with a
# colon names its topic after it: "Patient Medicine Leaflet: Apixaban (Eliquis)").
ORGANISATION = re.compile(r"^(?!.*:).*\b(?:hospital|cent(?:er|re)|clinic|unit|department|dept|division|services?|trust|"
                          r"(?:city|county|borough|district) of [A-Z]\w+|(?:environmental|public) health|council|"
                           r"practice|health system|foundation|pharmacy|network|associates|physicians|"
                           r"institute|medical group|(?:clinical|care|health) hub|general surgery|program|programme|library|(?:nurse |advice |help)line|"
                           r"hotline|(?:sports|family|internal|sleep|travel) medicine|laboratory|imaging centre|imaging center|"
                           r"ward \d+[A-Z]?|(?:protection|prevention|control|nursing|outreach|liaison) team|ltd|limited|inc|plc|llc|infection prevention|occupational health|(?:health|care) partnership|estates (?:&|and) facilities)\b|_{3,}|please take one"  # ("Ward 7B (Surgical
                           # Short Stay)", "HARTWELL CIVIL & UTILITIES LTD")
                           r"|\b(?:tel|phone|fax)\b.*\d{3}.*\d{4}|\(\d{3}\)\s?\d{3}-\d{4}"  # "Tel (555) 214-8830"
                           r"|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$|^(?:https?://|www\.)\S+$"  # an email or web address
                           r"|^(?:issued|produced|prepared|published) by\b"  # "Issued by: Rheumatology Pharmacy Service"
                           r"|^\d+ [\w.' ]+ (?:street|st|road|rd|avenue|ave|drive|dr|boulevard|blvd|lane|ln|way|court|"
                           r"place|parkway|highway)\b\.?(?: (?:east|west|north|south|ne|nw|se|sw)\b)?"  # ("Main Street East")
                           r"(?:,? (?:(?:suite|ste|floor|unit) \w+|\w+ floor))?"  # "2250 Harmon Avenue, Suite 400,
                           r"(?:, [A-Za-z .'-]+)?(?:,? [A-Z]{2} \d{5}(?:-\d{4})?)?$", re.I)  # Columbus, OH 43215"


CONTACT = re.compile(r"(?<![\w/])\(?\d(?:[ ()-]*\d){9,}(?![\w/])")  # a phone number, any country's: "01632 960 900"
PLACE = re.compile(r"\b(?i:suite|room|level|floor|wing|building|road|rd|street|st|avenue|ave|lane|drive)\b.*,|"
                    r"^\d+ [A-Z][\w.]*(?: [A-Z][\w.]*)*, [A-Z]|"  # "200 Civic Plaza, Lakeview"
                    r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b|"  # "Outpatient Suite, Level 2", "Northgate NG4 2PL"
                    r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*,? [A-Z]{2}\.? \d{5}(?:-\d{4})?$|"  # "Harwood, OH 44870"
                    r"^[A-Z][\w'-]*(?: [A-Z][\w'-]*)? (?i:level|floor|room|suite|wing|building) \w{1,4}$")  # "Outpatients Level 3"


STREET = re.compile(r"^\d+ [\w.' ]+ (?:street|st|road|rd|avenue|ave|drive|dr|boulevard|blvd|lane|ln|way|court|place|parkway|"
                     r"highway|plaza)\b", re.I)
# ("01632 960 215", "020 7946 0381", "0300 222 5800", "07700 900 418": a UK number, its area code first)
PHONE = re.compile(r"(?:\(\d{3}\)\s?|\b\d{3}[-.\s])\d{3}[-.\s]\d{4}\b|\b1-800-[\dA-Z-]{7,}|\b988\b"
                   r"|(?<![\d/.-])\b0\d{2,4}\s\d{3,4}\s?\d{3,4}\b(?![/.-]\d)")


BOX_EDGE = re.compile(r"\s*[+┌└╔╚][-=─═+┬┴]{3,}[+┐┘╗╝]\s*|\s*[|│║]_{3,}[|│║]\s*")  # ("|______|": a box's bottom)
# "*****", "=====", "-----" above, below or between parts of a sheet: a rule, no text (a table's ruler, "------   ----",
# has its columns' gaps and is the table reader's).
STAR_RULE = re.compile(r"\s*(?:[-=*_~─━═#]\s?){5,}\s*|\s*(?:-{3,}|_{3,}|={3,}|\*{3,})\s*")  # ("---" too)
BOX_SIDES = re.compile(r"\s*(?:\|\||[|│║]) ?(.*?)\s*(?:\|\||[|│║])\s*")


def number_of(line: str) -> int | None:
    """Return the number a numbered list line starts with ("2. Isometric ..." -> 2), or None."""
    m = rx.match(r"\s*(?:step\s+)?(\d{1,2})\b", line, re.I)
    return int(m.group(1)) if m else None


def indent_of(line: str) -> int:
    """Return how far in a line starts ("     15 minutes longer ..." under "  *  Guest speaker ... up to": 5)."""
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


GRID_RULER = re.compile(r"\s*\+(?:[-=:]{2,}\+){2,}\s*|\s*[-=:]{2,}(?:\+[-=:]{2,})+\s*")  # ("-----+-----+-----", "-----+-----": unframed)


def runs_on(line: str, after: str) -> bool:
    """Tell whether a line stops mid-phrase and the next carries it on ("... IF YOU HAVE" / "SWELLING OF THE FACE",
    "... DIFFICULTY BREATHING" / "OR SWALLOWING."), not a line of its own ("faint again, ... during exercise")."""
    return not ends_sentence(line) and bool(
        line.endswith(",") or NEVER_ENDS.search(line) or ENDS_MID_PHRASE.search(line) or ENDS_ON_VERB.search(line)
        or rx.match(r"(?:or|and|but|nor|with|without|to|of|in|on|at|for|from|by|that|which)\b", after, re.I))


TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.I)


def timed(line: str) -> bool:
    """Tell whether a line gives a time of day and ends no sentence: a line of a timetable ("Mondays 7:00 pm, Room 2B")."""
    # (not a sentence that goes on after a time: "... 8:00 a.m. to 4:30 p.m. If you have chest pain, sudden")
    # ("... (Mon-Fri, 8:00 a.m.-4:30 p.m.); after" / "hours, call the hospital operator": it stops mid-phrase)
    return bool(TIME.search(line)) and not ends_sentence(line) and not rx.search(r"[.!?]\s+[A-Z]\w*(?:\s+\w+){2,}", line) \
        and not rx.search(r"[;,]\s*\w+$|\b(?:after|before|during)$", line) and not NEVER_ENDS.search(line) \
        and not ENDS_MID_PHRASE.search(line) and not rx.search(r";\s+[a-z]", line) \
        and not rx.search(r"\s[-–—]$|,$", line) and line.count("(") <= line.count(")")
    # ("... 6:00 p.m.; please use the", "... by 3 p.m. every day, you are not alone -", "MEETING SCHEDULE (2nd Tuesday
    # of each month, 6.30 - 8.00 pm,": each goes on)


def join_wrapped(text: str, line: str) -> str:
    """Join a hard-wrapped line to the text before it; 'Insu-' + 'lin lowers' is 'Insulin lowers' ('alcohol-' +
    'related' stays 'alcohol-related': two words, a compound)."""
    if rx.search(r"[a-z]-$", text[-2:]) and line[:1].islower():
        return text + line if is_compound(text, line) else text[:-1] + line  # a word broken at the line's end by a hyphen
    if rx.search(r"[A-Z]{2}-$", text[-3:]) and line[:2].isupper():
        return text + line  # "A LIFE-" / "THREATENING CONDITION": a compound in capitals keeps its hyphen
    return f"{text} {line}"


def is_compound(text: str, line: str) -> bool:
    """Tell whether a hyphen at a line's end joins two words ("alcohol-" / "related"), not the halves of one."""
    from handouts.language.pronouncing import syllable_counts  # (the CMU dictionary: loaded only for such a line)

    before, after = rx.search(r"([A-Za-z]+)-$", text), rx.match(r"[a-z]+", line)
    words = syllable_counts()
    # ("heart-" / "beat" is "heartbeat", one word the dictionary knows)
    return bool(before and after) and before.group(1).lower() in words and after.group(0) in words \
        and before.group(1).lower() + after.group(0) not in words


def previous_line_blank(lines: list[str], i: int) -> bool:
    return i == 0 or not lines[i - 1].strip()


def next_row(lines: list[str], i: int, indent: int) -> int:
    """Return where the line after line i set in no deeper than `indent` is: past the lines wrapped under line i's text
    ("  Common (...) ..... headache," / "                 diarrhoea, feeling sick," / "  Uncommon ...")."""
    j = i + 1
    while j < len(lines) and lines[j].strip() and indent_of(lines[j]) > indent:
        j += 1
    return j


def next_text_line(lines: list[str], i: int) -> str | None:
    for j in range(i + 1, len(lines)):  # not lines[i + 1:]: a copy of the rest for every line is quadratic
        if lines[j].strip():
            return lines[j].strip()
    return None


def ends_sentence(text: str) -> bool:
    # Only its last letters: searched whole, a paragraph hard-wrapped over 30,000 lines took minutes to join.
    # (a citation after the stop ends it too: "... independently verified.[6]", "... such as COPD³.")
    # (and a note's number glued after a word's stop: "... as though it were a foreign object.1")
    return bool(rx.search(r"[.!?:;][\"”’')\]]*(?:\[\d+(?:[,–-]\d+)*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?$", text[-16:])
                or rx.search(r"[a-z)][.!?]\d{1,3}(?:[,–-]\d{1,3})*$", text[-16:]))


ENDS_MID_PHRASE = re.compile(r"\b(?:a|an|the|of|and|or|to|with|for|in|on|by|at|from|as|than|that|which|who|is|are|about|"
                              r"was|were|be|usually|often|such|including|especially|your|their|its|our|this|these|every|each|per|roughly|"
                              r"approximately|nearly|almost)$", re.I)  # ("... 5 to 15 in every" / "100 patients ...")


# "... INCLUDING NAPROXEN, MAY": no title ends on a modal or an auxiliary (the month is "in May").
ENDS_ON_VERB = re.compile(r"(?<!\bin )(?<!\bof )(?<!\bby )\b(?:may|might|can|could|will|would|must|should|not|also|been|being|have|"
                           r"has|had)$", re.I)


# Words no title ends on, however short ("Children may return once they" / "[a] have received ...", "... Peer Support
# Group for Adults with" / "Acquired Hearing Loss ...").
NEVER_ENDS = re.compile(r"\b(?:a|an|the|and|or|of|to|that|which|they|you|we|once|if|when|because|unless|until|than|"
                         r"your|their|its|our|with|from|into|between|including)$", re.I)


def in_capitals(text: str) -> bool:
    """Tell whether a line is set in capitals: two letters or more, none of them lower case (a letter in brackets
    may be: "LIPOPROTEIN(a)", "(e)GFR")."""
    letters = [c for c in rx.sub(r"\([a-z]\)", "", text) if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def title_like(words: list[str]) -> bool:
    """Most longer words capitalised, as in a title ("(And" is "And")."""
    long_words = [w.lstrip("(\"“'‘[") for w in words if len(w.lstrip("(\"“'‘[")) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)
