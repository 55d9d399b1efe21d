"""The word rules: everyday words for health words, plain connectives, 'you' for the reader, ranges said with 'to'."""

from __future__ import annotations

import re
from functools import cache

from handouts.language import rx
from handouts.language.grammar import DEGREE_WORDS
from handouts.language.lexicon import apply_swaps
from handouts.language.parse import parse
from handouts.language.phrases import Phrase, phrases
from handouts.plain.rules.base import rule


@rule("Health words have everyday equivalents (hand-checked lexicon, incl. person-first language).",
      cases=[("Individuals may experience insomnia.", ["People may have trouble sleeping."]),
             ("He is an addict.", ["He is a person with a substance use disorder."]),
             ("Prior to cessation, utilize the dosage.", ["Before stopping, use the dose."]),
             # An adjective stays an adjective; a term a statistic counts stays the term it counted.
             ("Test the individual compounds.", ["Test the individual compounds."]),
             ("In 2020, 10% of adults reported drug abuse.", ["In 2020, 10% of adults reported drug abuse."]),
             ("Chronic pain is usually defined as pain lasting longer than 3 months.",
              ["Chronic pain is usually defined as pain lasting longer than 3 months."])],
      items=True)
def use_everyday_words(sentence: str) -> str:
    """Swap words and phrases for their plain equivalents from the lexicon, where they mean the same there."""
    if apply_swaps(sentence) == sentence:
        return sentence  # nothing to swap: no parse needed
    doc = parse(sentence)
    swapped = apply_swaps(sentence, lambda start, end, plain: swap_fits(doc, start, end, plain))
    if len(rx.findall(r"\w+", swapped)) < 2 <= len(rx.findall(r"\w+", sentence)):
        return sentence  # "But, it is important to note that:" is a lead-in: "But:" would lead into nothing
    before, after = rx.findall(r"\(([^()]*)\)", sentence), rx.findall(r"\(([^()]*)\)", swapped)
    if len(before) == len(after):
        # "difficulty sleeping (insomnia)" is no "trouble sleeping (trouble sleeping)": a bracket that names the term
        # the words before it explain keeps the term
        for was, now in zip(before, after):
            if now != was and rx.search(rf"\b{re.escape(now)} \({re.escape(now)}\)", swapped, re.I):
                swapped = swapped.replace(f"({now})", f"({was})", 1)
    return swapped


# Words that make a number a statistic about the term near it ("10% of drug abuse", "1 in 5 adults").
_STATISTIC = {"%", "percent", "rate", "rates", "prevalence", "incidence", "cases", "people", "adults", "americans",
              "deaths", "patients", "children", "in"}


# Verbs that teach a term ("is defined as", "is called", "is known as", "is termed"): it is said as it is.
_NAMING = {"call", "know", "term", "name"}


# Where a thing is put ("put the nozzle into one nostril"): without one, "put" says less than "insert".
_PLACES = {"in", "into", "inside", "onto", "on", "under", "up", "through", "between", "behind", "over"}


# Who makes rules: what they "require" is a mandate, not a need.
_RULE_MAKERS = {"law", "state", "rule", "policy", "regulation", "insurer", "insurance", "plan", "program", "programme",
                "school", "employer", "clinic", "hospital", "government", "agency", "county", "city", "court"}


def swap_fits(doc, start: int, end: int, plain: str) -> bool:
    """Tell whether a swap keeps the meaning where it stands: the same part of speech (an adjective never
    becomes a noun: "individual compounds"), and never a term that a number or statistic describes."""
    words = [t for t in doc if start <= t.idx < end]
    if not words:
        return True
    head = next((t for t in words if not start <= t.head.idx < end), words[0])  # "drug abuse": the phrase's own head
    if words[0].i and doc[words[0].i - 1].lower_ in ("more", "most", "less", "least") and words[0].pos_ == "ADJ" \
            and len(plain.split()) == 1 and len(plain) <= 5:
        return False  # "more difficult" is no "more hard": a short word takes "-er", which a swap cannot give
    if head.dep_ == "advmod" and head.head.dep_ in ("amod", "compound", "nmod") and len(plain.split()) > 1:
        return False  # "correctly timed PPI therapy" is no "the right way timed PPI therapy": a phrase cannot go there
    if head.dep_ == "advmod" and plain.split()[-1] in ("away", "once", "now") and head.head.i > head.i \
            and (head.head.pos_ == "ADJ" or head.head.tag_ in ("VBG", "VBN")):
        # "immediately life-threatening" is no "right away life-threatening": a time said after what it times, never
        # before a word that describes ("increasingly swollen" is "more and more swollen")
        return False
    if head.pos_ == "PROPN" and not head.is_sent_start:
        return False  # part of a name ("Northgate Pulmonary Clinic"): a name is said as it is
    first, last = words[0], words[-1]
    around = [doc[first.i - 1] if first.i else None, doc[last.i + 1] if last.i + 1 < len(doc) else None]
    if first.text[:1].isupper() and not first.is_sent_start and any(
            t is not None and (t.text == "&" or t.text[:1].isupper() and t.is_alpha and not t.is_sent_start) for t in around):
        return False  # "Riverbend Sleep & Pulmonary Associates": a capital word among capital words is a name
    if first.is_sent_start and first.text[:1].isupper() and around[1] is not None and around[1].is_alpha \
            and around[1].text[:1].isupper() and (len(around[1].text) > 1 and not around[1].text.isupper()):
        return False  # "Pulmonary Rehabilitation Department" at a line's start: a name too
    if head.dep_ in ("amod", "acomp"):  # it describes a thing here: the plain words must too, not name one
        said = parse(f"a {plain} thing")
        if any(t.pos_ in ("NOUN", "PROPN") and t.dep_ != "ROOT" and t.dep_ != "amod" for t in said[1:-1]):
            return False
    if (letter := rx.search(r"(?:^|\]\s*)([A-Z])\s*[-–—:]\s*$", doc.text[:start])) \
            and words[0].text[:1].upper() == letter.group(1):
        return False  # "I - INDIVIDUAL: are you fit to do it?": a memory aid's word starts with its letter (TILE)
    if words[-1].dep_ == "amod" and plain.split()[-1].endswith("ed") and any(w.lemma_ == "be" for w in words):
        return False  # "the most common are increased appetite, ..." is no "are raised appetite" (read as a passive)
    if first.i and doc[first.i - 1].lower_ in ("registered", "qualified", "licensed", "accredited", "certified", "trained",
                                                "senior", "specialist", "consultant"):
        return False  # "for use by registered clinicians only": a profession the rule names, as it names it
    if last.pos_ == "ADP" and plain.split()[-1].lower() != last.lower_ \
            and rx.search(rf"\b(?:and|or|nor)\s+{re.escape(last.lower_)}\b", doc.text[end:].lower()):
        # "is NOT a replacement for an assessment, or for family intervention": the second "for" hangs on the phrase
        # swapped away ("does not replace an assessment, or for family intervention")
        return False
    if plain.split()[:1] in (["put"], ["putting"], ["puts"]) and head.pos_ == "VERB" and not any(
            c.dep_ in ("prep", "prt", "advmod") and c.lower_ in _PLACES for c in head.children):
        return False  # "insert the pessary with a clean finger" is no "put the pessary ...": "put" says where, or nothing
    if head.lemma_ == "require" and any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" and c.text.istitle() or c.lemma_ in _RULE_MAKERS)
                                        for c in head.children):
        # "Ohio requires blood lead testing": a law's demand; "Ohio needs testing" is a wish, or a shortage ("Active TB
        # requires 6 months of therapy": a need, its name an abbreviation, no rule maker)
        return False
    if rx.fullmatch(r"\w+ing (?:up|out|off|down|over)", plain) and first.i and doc[first.i - 1].pos_ in ("DET", "PRON"):
        return False  # "the vomiting settles" is no "the throwing up settles": a verb with its particle names no thing
    if rx.fullmatch(r"\w+ (?:up|out|off|down|over)", plain) and end < len(doc.text) \
            and rx.match(r"\s+(?:it|them|him|her)\b", doc.text[end:], re.I):
        return False  # "keeps vomiting it back" is no "keeps throwing up it back": the pronoun goes inside the phrase
    clause = next((a for a in [head, *head.ancestors] if a.pos_ in ("VERB", "AUX")), head.sent.root)
    if clause.lemma_ == "define" or clause.lemma_ in _NAMING and any(c.dep_ in ("auxpass", "oprd") for c in clause.children):
        return False  # "Chronic pain is usually defined as ...", "This is called chronic pain": the text teaches the term
    numbers = [t for t in clause.subtree if t.like_num]
    return not any(n.head.lower_ in _STATISTIC or n.nbor(1).lower_ in _STATISTIC
                   for n in numbers if n.i + 1 < len(doc))


@cache
def _connectives() -> tuple[tuple[Phrase, re.Pattern], ...]:
    """Return each formal connective's row with its pattern followed by the rest of the sentence, compiled once."""
    return tuple((row, re.compile(row.pattern.pattern + r"(.+)$", row.pattern.flags))
                 for row in phrases("connectives.tsv", groups=0))


@rule("'However', 'Therefore' and 'Furthermore' open a sentence in formal writing; 'But', 'So' and 'Also' say the same plainly.",
      cases=[("However, it is not safe for children.", ["But it is not safe for children."]),
             ("It is, however, safe for adults.", ["It is, however, safe for adults."]),
             ("Therefore, ask your doctor first.", ["So ask your doctor first."]),
             ("Furthermore, drink water.", ["Also, drink water."]),
             ("However you take it, take it with food.", ["However you take it, take it with food."]),
             ("As a result, many people stop taking it.", ["As a result, many people stop taking it."])])
def use_plain_connectives(sentence: str) -> str:
    """Swap a formal connective that opens a sentence for 'But', 'So' or 'Also'."""
    for row, opening in _connectives():  # formal -> plain, one a row, in language/data/
        m = opening.match(sentence)
        if m:
            rest, plain = m.group(1), row.columns["plain"]
            if plain == "So" and rest.split()[0].lower() in DEGREE_WORDS:
                return sentence  # "So many people stop" would say "so many"
            if not plain.endswith(",") and not rx.match(r"[A-Z]{2}|I\b", rest):
                rest = rest[0].lower() + rest[1:]  # "But it is ..." ("But I", "But HIV" keep their capital)
            return f"{plain} {rest}"
    return sentence


@rule("Address the reader as 'you' where the source tells readers what to do.",
      cases=[("Patients should take it with food.", ["You should take it with food."]),
             ("One must not drive.", ["You must not drive."]),
             ("Doctors should check the dose.", ["Doctors should check the dose."]),
             ("Patients should not use creams unless their doctor says so.",
              ["You should not use creams unless your doctor says so."]),
             ("Patients should take their medicine with their meals.", ["You should take your medicine with your meals."]),
             ("The patient must not drive themselves.", ["You must not drive yourself."]),
             ("Doctors should not assume it, and patients should not stop their medicines.",
              ["Doctors should not assume it, and patients should not stop their medicines."])])
def use_you(sentence: str) -> str:
    """Turn 'patients should' and 'one must' into 'you should', 'you must' (and their 'their' into 'your')."""
    # Only as the subject of the whole sentence: in "Doctors should not assume X, and patients should not
    # stop their medicines" the sentence speaks about two groups, and "you" would mix them up.
    m = rx.match(r"^((?:But |So |Also )?)(?:patients|readers|one|the patient|the reader|individuals)\s+"
                 r"(should|must|need to|can ask|may want to)\b(.*)$", sentence, flags=re.I)
    if not m:
        return sentence
    rest = rx.sub(r"\b(?:their|his or her|his/her)\b", "your", m.group(3))  # the patients' own is now the reader's
    # ("The patient must not drive themselves": the reader now, "drive yourself")
    rest = rx.sub(r"\b(?:themselves|themself|himself or herself|himself/herself)\b", "yourself", rest)
    you = "you" if m.group(1) else "You"
    return f"{m.group(1)}{you} {m.group(2)}{rest}"


_RANGE = re.compile(r"(?<![\w.\-–—/])(\d+(?:\.\d+)?)\s*[-–—]\s*(\d+(?:\.\d+)?)(?![\w.]*[\-–—/](?:\d|[A-Z]{2}))")


@rule("A range written '6-24 hours' reads as a minus sign or a code; '6 to 24 hours' reads the way it is said.",
      cases=[("Symptoms start within 6-24 hours.", ["Symptoms start within 6 to 24 hours."]),
             ("Take 2–3 tablets a day.", ["Take 2 to 3 tablets a day."]),
             ("Call 1-800-662-4357 or 555-123-4567.", ["Call 1-800-662-4357 or 555-123-4567."]),
             ("Call the quitline at 1-800-QUIT-NOW.", ["Call the quitline at 1-800-QUIT-NOW."]),
             ("Call the nurse at 555-0142 or (617) 555-0199.", ["Call the nurse at 555-0142 or (617) 555-0199."]),
             ("COVID-19 spread in 2020.", ["COVID-19 spread in 2020."]),
             ("Protocol rev. 2024-02.", ["Protocol rev. 2024-02."]), ("In 2017-2023 it rose.", ["In 2017 to 2023 it rose."]),
             ("Registered charity no. 108-442.", ["Registered charity no. 108-442."]),
             ("Wear glasses meeting BS EN ISO 12312-1.", ["Wear glasses meeting BS EN ISO 12312-1."])],
      items=True)
def say_ranges_with_to(sentence: str) -> str:
    """Write numeric ranges with 'to' (phone numbers, codes and dates are left alone)."""
    # "555-0142" is a phone number (three digits, then four), not a range; "2024-02" is a year and its month.
    # "N Engl J Med 2006;354:795-808": a journal's pages, cited as printed ("251-6" is pages 251 to 256).
    return _RANGE.sub(lambda m: m.group(0) if rx.fullmatch(r"\d{3}[-–]\d{4}|(?:19|20)\d\d[-–](?:0[1-9]|1[0-2])", m.group(0))
                      or rx.search(r"\d;\s?\d+(?:\([\w-]+\))?:$", m.string[:m.start()])
                      # "Registered charity no. 108-442", "Form #12-3": a number that names something, no range
                      or rx.search(r"(?i)(?:\bno\.?|\bnumber|#|\bID|\bcode|\bref\.?)\s*:?\s*$", m.string[:m.start()])
                      # "BS EN ISO 12312-1": a standard and its part; a range runs up, never down from 12312 to 1
                      or rx.search(r"\b(?:ISO|EN|BS|IEC|ANSI|ASTM)\s*$", m.string[:m.start()])
                      else f"{m.group(1)} to {m.group(2)}", sentence)
