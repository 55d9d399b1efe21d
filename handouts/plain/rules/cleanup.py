"""The cleanup rules: citations, cross references, page furniture, Q/A marks, symbols, shouting, and the last tidy."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.language.grammar import dictionary_words, verb_forms
from handouts.language.sentences import split_sentences
from handouts.plain.rules.base import STEP, Piece, cap, end, rule
from handouts.read.furniture import is_furniture


@rule("Citation numbers glued to words ('alkaloids.1,9') and [1]-style markers are not read aloud or understood.",
      cases=[("Kratom contains alkaloids.1,9", ["Kratom contains alkaloids."]),
             ("Kratom is a plant [2, 3] from Asia.", ["Kratom is a plant from Asia."]),
             ("Take 2.5 mg twice a day.", ["Take 2.5 mg twice a day."]),
             ("Vitamin B12 helps.", ["Vitamin B12 helps."]),
             ("Most people infected with TB bacteria3 are not ill, and 1.25 million died1.",
              ["Most people infected with TB bacteria are not ill, and 1.25 million died."]),
             ("Take omega3 oil and vitamin d3.", ["Take omega3 oil and vitamin d3."])])
def strip_citations(sentence: str) -> str:
    """Remove citation markers."""
    s = rx.sub(r"\s*\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]", "", sentence)
    s = rx.sub(r"(?<=[a-z]{3})([.,;:)])\d{1,3}(?:[,–-]\d{1,3})*(?=\s|$)", r"\1", s)
    s = rx.sub(r"(?<=[a-z]{3})[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", s)
    # "bacteria3", "died1": a number glued to an everyday word is a citation ("omega3", "d3" are no such words).
    return rx.sub(r"\b([a-z]{4,})(\d{1,2}(?:[,–-]\d{1,2})*)(?=[\s.,;:)]|$)",
                  lambda m: m.group(1) if m.group(1) in dictionary_words() - _NUMBERED_NAMES else m.group(0), s)


_NUMBERED_NAMES = {"omega", "covid", "vitamin", "type", "step", "stage", "grade", "level", "phase", "zone"}


@rule("A '(See ...)' cross reference points at pages the handout does not have.",
      cases=[("Stop slowly (see Tapering below).", ["Stop slowly."]),
             ("(See page 4.) Ask your doctor.", ["Ask your doctor."]),
             ("Ask your doctor (or nurse).", ["Ask your doctor (or nurse)."]),
             ("(See Safety, below.)", []),
             ("Tell us if you have had skin cancer (see Section 4).", ["Tell us if you have had skin cancer (see Section 4)."]),
             ("Fast breathing (see table above) or retractions", ["Fast breathing (see table above) or retractions"]),
             ("Ibuprofen: as needed (see below)", ["Ibuprofen: as needed (see below)"]),
             ("Not for blunt trauma (see TT-OPH-05).", ["Not for blunt trauma (see TT-OPH-05)."]),
             ("a previous pregnancy (see Q6, because the timing is different)",
              ["a previous pregnancy (see Q6, because the timing is different)"]),
             ('Risks of the anaesthetic (see the separate leaflet "Your child\'s general anaesthetic").',
              ['Risks of the anaesthetic (see the separate leaflet "Your child\'s general anaesthetic").'])])
def strip_cross_references(sentence: str) -> list[str]:
    """Remove '(See ...)' cross references; not one to a numbered section, which keeps its number in print, nor to a
    table or list, or just "below": the handout prints them too (the table's rates define "fast breathing"). Nor one
    to another document by its code ("see TT-OPH-05") or its name ('see the separate leaflet "Your child's general
    anaesthetic"'): the reader can ask for it by that code or name, and learns where the rest is explained."""
    # (nor one that says why: "(see Q6, because the timing is different)" is a claim; nor one to a numbered question,
    # "Q6", which the handout prints as it is)
    s = rx.sub(r"\s*\((?:see|see also|cf\.?)\s(?![^)]*\b(?:sections?|questions?|steps?|parts?|items?) \d)"
               r"(?![^)]*\b(?:because|since|as)\b)(?![^)]*\bQ\d)"
               r"(?![^)]*\b(?:table|chart|list|box)\b)"
               r"(?![^)]*\b(?:leaflets?|booklets?|fact ?sheets?|information sheets?|websites?|www\.))"
               r"(?![^)]*\b(?-i:[A-Z]{2,}[-/ ]?(?:[A-Z]+[-/ ]?)*\d))"
               r"(?!(?:below|above)\))[^)]*\)", "", sentence, flags=re.I).strip()
    s = rx.sub(r"\s+([.,;:!?])", r"\1", s)
    return [s] if rx.search(r"\w", s) else []


@rule("Removing citations can join two sentences; split again, knowing abbreviations and decimals.",
      cases=[("It has alkaloids. Kratom is a plant.", ["It has alkaloids.", "Kratom is a plant."]),
             ("Dr. Lee gave 2.5 mg. Rest now.", ["Dr. Lee gave 2.5 mg.", "Rest now."]),
             ("In the U.S. many people use it, e.g. for pain.", ["In the U.S. many people use it, e.g. for pain."])])
def resplit_sentences(sentence: str) -> list[str]:
    """Split a text into sentences."""
    return split_sentences(sentence)


@rule("Date lines, reading times, bylines and 'Jump to a section' are page furniture, not content.",
      cases=[("Updated on March 3, 2024", []), ("5 min read", []), ("Jump to a section:", []),
             ("By Jane Doe, RN", []), ("By 2024 most clinics will offer it.", ["By 2024 most clinics will offer it."]),
             ("By Jane Smith, RN | Updated June 3, 2024 | 4 min read", []), ("Advertisement", []),
             ("By Dana Whitfield, PharmD | Medically reviewed by Marcus Lee, MD | Updated March 12, 2024", []),
             ("By Karen Mills, Health Reporter | Updated March 3, 2024", []),
             ("Photo: A woman drinking water.", []), ("Related: 10 Ways to Keep Cool", []),
             ("Salt | sugar | fat", ["Salt | sugar | fat"])],
      removes_furniture=True)
def drop_page_furniture(sentence: str) -> list[str]:
    """Drop page furniture (not a consent form's signing line, which the reader kept: "Patient or legal
    representative: ________"; on any other sheet it went when it was read)."""
    if rx.match(r"[^:]{0,60}\b(?:signature|signed|witness|interpreter|legal representative|obtaining consent)\b[^:]*:\s*_",
                sentence, re.I):
        return [sentence]
    return [] if is_furniture(sentence) else [sentence]


@rule("'Q:' and 'A:' mark a question and its answer on a web page; the question mark and the order already say so.",
      cases=[("Q: Is it safe if I'm allergic to eggs?", ["Is it safe if I'm allergic to eggs?"]),
             ("A: Yes.", ["Yes."]), ("A: Vitamin A is in carrots.", ["Vitamin A is in carrots."]),
             ("A B C", ["A B C"]),
             ("A: Asymmetry -- the two halves look different", ["A: Asymmetry -- the two halves look different"]),
             ("A: EMERGENCY; Dial 999 now.", ["A: EMERGENCY; Dial 999 now."])])
def drop_question_answer_marks(sentence: str) -> str:
    """Remove a leading 'Q:' or 'A:' (or 'Question:'/'Answer:'), not a memory aid's letter ("A: Asymmetry -- ...",
    over "B: Border -- ...": the letter the word starts with; nor a tier's letter over its name in capitals, "A: EMERGENCY;
    Dial 999", which the text calls "Disposition A")."""
    return rx.sub(r"^(?:Q|A(?!\s*[:.]\s+(?:A\w+ [-–—]|[A-Z]{3,}\b))|Question|Answer)\s*[:.]\s+(?=\S)", "", sentence)


# Acronyms that are also words: kept in capitals when a shouted run is put in sentence case.
_ACRONYMS = {"aids", "er", "icu", "iv", "otc", "fda", "cdc", "who", "hiv", "copd", "adhd", "ptsd", "ssri", "nsaid",
             "bmi", "apap", "ace", "uk", "nhs", "ems", "cpr", "ct", "mri", "ekg", "ecg", "std", "sti", "uti", "nice",
             "md", "rn", "facs", "lcsw", "aprn", "dds", "mph", "ed",
             "co", "gp", "bp", "inr", "dvt", "tb", "ent", "gi", "hpv", "rsv", "uv",  # ("CO ALARMS": carbon monoxide's)
             "bs", "en", "iso", "spf", "upf", "uva", "uvb",  # ("BS EN ISO 12312-1": a standard's name)
             "oh"}  # ("contact OH IMMEDIATELY": Occupational Health, no "oh")
# (a clinician's letters: "Dr. Okafor, MD, FACS";
# "MEDICINES GIVEN IN THE ED": the emergency department)


_SYMBOLS = re.compile(r"\s*[\u2600-\u27bf\U0001f000-\U0001faff\u2b00-\u2bff\u231a\u231b\u23e9-\u23fa\ufe0f]+")  # emoji, ticks, boxes, dingbats


@rule("Arrows, ticks, boxes and emoji have no words: a reader may not know them, a screen reader names them "
      "oddly and the print font has none; say arrows as 'to' and leave the rest out.",
      cases=[("Take it → then rest ✓ 💊.", ["Take it - then rest."]), ("Fever 38 → 39 °C.", ["Fever 38 to 39 °C."]),
             ("Step 6 → Return to games.", ["Step 6 - Return to games."]),
             ("Watch from day 7 → day 21.", ["Watch from day 7 to day 21."]),
             ("Your doctor will usually → check your blood, → review your medicines, and → see you again.",
              ["Your doctor will usually check your blood, review your medicines, and see you again."]),
             ("Bleeding for more than 20 minutes → move up one tier.", ["Bleeding for more than 20 minutes, then move up one tier."]),
             ("An attack of glaucoma (painful red eye) → seek help urgently.", ["An attack of glaucoma (painful red eye): seek help urgently."]),
             ("Accessibility requests (quiet seating) → contact Dana a week before.",
              ["Accessibility requests (quiet seating): contact Dana a week before."]),
             ("A rash that does not fade under pressure → possible meningitis.",
              ["A rash that does not fade under pressure - possible meningitis."]),
             ("☐ Bring your card.", ["Bring your card."]), ("See our picks for 2024 →", ["See our picks for 2024"]), ("Take ½ a tablet if ≥ 38 °C.", ["Take ½ a tablet if ≥ 38 °C."])],
      items=True)
def symbols_to_words(sentence: str) -> str:
    """Say arrows as 'to' and drop emoji, tick marks and check boxes."""
    # ("... Supplements of 2024 →" at the end is a link's arrow, no "to": it points at a page.)
    text = rx.sub(r"\s*[\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f]+\s*$", "", sentence)
    # "your doctor will usually → review your other risk factors, → consider a lower LDL target, and → suggest ...":
    # arrows set before each item of a list run into a sentence mark the items; no "then" (it would make "and, then
    # suggest ..." an order of steps, and a split made "So suggest ..." an order to the reader)
    arrows = list(rx.finditer(r"(,|\band|\bor|\w)\s*[\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f]+\s*(?=\w)", text))
    if len(arrows) >= 2 and sum(m.group(1) in (",", "and", "or") for m in arrows) >= 1:
        text = rx.sub(r"\s*[\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f]+\s*(?=\w)", " ", text)
    # "Step 6 → Return to games": after a step's name an arrow names what the step is, no "then"
    text = rx.sub(r"^((?:Step|Stage|Phase|Level|Day|Week|Zone)\s+\d+[a-z]?)\s*[\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f]+\s*",
                  r"\1 - ", text, flags=re.I)
    # "... bleeding for more than 20 minutes → move up one tier": before what to do, an arrow says "then"; after a thing
    # named ("an attack of acute angle-closure glaucoma (painful red eye) → seek help urgently"), what to do about it:
    # ", then" read as what happens next in the attack
    # (and after a topic: "Accessibility requests (ASL interpretation, ...) → contact Dana ...": what to do about them,
    # no "then"; a finding with its measure or an -ing, "Bleeding for more than 20 minutes", happens first)
    before = rx.split(r"[\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f]", text, 1)[0]
    named = bool(rx.match(r"(?:an?|the|any)\s", text, re.I)) or not (
        rx.match(r"\W*\w+ing\b", before) or rx.search(r"\d|\b(?:if|when|more|less|over|under|above|below|after|still|not|no)\b",
                                                      before, re.I))
    text = rx.sub(r"\s*[\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f]+\s*(?=(\w+))",
                  lambda m: (": " if named else ", then ") if m.group(1).lower() in verb_forms()[1] and not m.group(1)[0].isdigit()
                  else m.group(0), text)
    # Between numbers an arrow is a range ("38 → 39 °C"); elsewhere it leads from a finding to what it means or what
    # to do ("... does not fade under pressure → possible meningitis"): a dash, not "to"
    text = rx.sub(r"(?<=\d)\s*[\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f]+\s*(?=\d|(?:day|week|month|year)s? \d)", " to ", text)
    text = rx.sub(r"\s*[\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f]+\s*", " - ", text)
    text = _SYMBOLS.sub("", text).strip()
    return rx.sub(r"\s+([.,;:!?])", r"\1", text) if text != sentence else sentence


def _unshout(sentence: str) -> str:
    """Lower-case shouted words (capitals that are everyday words, not acronyms); the first letter keeps its case."""
    caps = list(rx.finditer(r"\b[A-Z][A-Z'’]*[A-Z]\b(?:['’][A-Z]+)?|\b[A-Z]\b", sentence))
    whole_line = not rx.search(r"[a-z]", sentence) and len(caps) > 0  # "WHAT IS KAVA?", "TREATMENT": all shouted
    runs = _caps_runs(sentence, caps)
    out, last = [], 0
    for n, m in enumerate(caps):
        word = m.group(0)
        base = word.lower().replace("’", "'")
        # A capital word on its own may be an acronym ("CAT scan"); next to another one it is shouting.
        gap_before = n and rx.fullmatch(_GAP, sentence[caps[n - 1].end():m.start()])
        gap_after = n + 1 < len(caps) and rx.fullmatch(_GAP, sentence[m.end():caps[n + 1].start()])
        shouted = gap_before or gap_after or base in _EMPHASIS
        # ("your age, AST, ALT and platelet count": short words in capitals, listed by commas, are names of tests)
        if not whole_line and (gap_before or gap_after) and _listed_letters(sentence, caps, n):
            shouted = False
        if not whole_line and runs.get(n) == 2 and not any(
                caps[k].group(0).lower() in _EMPHASIS | _URGENT for k in range(n - 1, n + 2) if 0 <= k < len(caps)
                and runs.get(k) == 2):
            continue  # "the letters in BE FAST": two capital words in a written sentence name something
        if whole_line:
            shouted = True
        if rx.search(r"\d-[\w-]*$", sentence[:m.start()]) or rx.match(r"-\d", sentence[m.end():]):
            continue  # "1-800-QUIT-NOW" is a number to dial, spelled as it is printed
        if rx.match(r",? et al\b", sentence[m.end():]):
            continue  # "Clegg DO et al": an author's initials
        if len(word) == 1 and rx.search(r"\b(?:part|section|step|tier|zone|appendix|type|group|phase|grade|class|option|"
                                        r"plan|list|schedule|form|hepatitis|vitamin)\s+$", sentence[:m.start()], re.I):
            continue  # "PART A - ABOUT THE TEST": the part's letter names it ("Part a" read as an article)
        if len(word) <= 4 and (rx.search(r"\b[A-Z]{2,4}-$", sentence[:m.start()]) or rx.match(r"-[A-Z]{1,4}\b", sentence[m.end():])):
            continue  # "ASC-US", "ASC-H": one name of a result, in capitals as the report prints it (not "ANTI-INFLAMMATORY")
        asks = base == "who" and whole_line and rx.match(r"\s+(?:SHOULD|IS|ARE|CAN|MAY|MUST|NEEDS?|GETS?|HAS|WILL|DOES|WE|YOU|THEY|"
                                                         r"ELSE|TO)\b",
                                                         sentence[m.end():])  # "WHO SHOULD NOT TAKE ...": no agency
        if base.endswith("s") and base[:-1] in _ACRONYMS and not (len(word) == 3 and sentence[m.start() - 1:m.start()] == "("
                                                                   and sentence[m.end():m.end() + 1] == ")"):
            # (not a name's letters in brackets after it: "myelodysplastic syndrome (MDS)" is no "MDs")
            out += [sentence[last:m.start()], word[:-1] + "s"]  # "NSAIDS" is "NSAIDs": the plural of an acronym
            last = m.end()
            continue
        if shouted and (len(word) > 1 or word == "A" and gap_before and gap_after and "." not in sentence[m.start() - 1:m.end() + 1]) \
                and (base not in _ACRONYMS or asks) and base.split("'")[0] in dictionary_words():  # "SEE A DOCTOR"
            out += [sentence[last:m.start()], word.lower()]
            last = m.end()
        elif whole_line and len(word) > 5 and base not in _ACRONYMS and base not in dictionary_words():
            out += [sentence[last:m.start()], word.capitalize()]  # a name in a shouted line: "NITROFURANTOIN"
            last = m.end()
    if not out:
        return sentence
    text = "".join(out) + sentence[last:]
    return rx.sub(r"(?i)\bmg/dl\b", "mg/dL", rx.sub(r"(?i)\bmmol/l\b", "mmol/L", text))  # units keep their case


_SMALL_WORDS = {"for", "by", "to", "and", "or", "the", "in", "on", "at", "of", "if", "is", "it", "be", "as", "a", "an", "we",
                "you", "our", "so", "up", "yes", "but"}  # ("Run BY adults with ADHD, FOR adults ...": shouting)


def _listed_letters(sentence: str, caps: list, n: int) -> bool:
    """Tell whether capital word n stands in a list of short words in capitals, each after a comma ("your age, AST,
    ALT and platelet count"): names of tests, no shouting."""
    first = last = n
    while first and rx.fullmatch(_GAP, sentence[caps[first - 1].end():caps[first].start()]):
        first -= 1
    while last + 1 < len(caps) and rx.fullmatch(_GAP, sentence[caps[last].end():caps[last + 1].start()]):
        last += 1
    return all(len(caps[k].group(0)) <= 4 and caps[k].group(0).lower() not in _EMPHASIS | _URGENT | _SMALL_WORDS
               for k in range(first, last + 1)) \
        and all(rx.fullmatch(r",\s", sentence[caps[k].end():caps[k + 1].start()]) for k in range(first, last))

def _unshout_item(item: Piece) -> Piece:
    """Lower-case a list item's shouted words; its first letter keeps its case (a bullet is no sentence)."""
    return item._replace(text=_unshout(item.text))


@rule("Words in capitals read as shouting and are harder to read (clear print: no blocks of capitals); "
      "write them in sentence case.",
      cases=[("WARNING: DO NOT TAKE MORE THAN 4,000 MG OF ACETAMINOPHEN IN 24 HOURS.",
              ["Warning: do not take more than 4,000 mg of acetaminophen in 24 hours."]),
             ("DON'T drink alcohol.", ["Don't drink alcohol."]),
             ("ASC-US is the most common abnormal Pap result.", ["ASC-US is the most common abnormal Pap result."]),
             ("Call RIGHT AWAY, EVEN IF YOU FEEL FINE.", ["Call right away, even if you feel fine."]),
             ("Ask about HIV, COPD and the FDA.", ["Ask about HIV, COPD and the FDA."]),
             ("Your doctor can use your age, AST, ALT and platelet count.", ["Your doctor can use your age, AST, ALT and platelet count."]),
             ("People with AIDS and I need care.", ["People with AIDS and I need care."]),
             ("Do NOT take it before a CAT scan.", ["Do not take it before a CAT scan."]),
             ("Call 1-800-QUIT-NOW TODAY.", ["Call 1-800-QUIT-NOW today."]),
             ("DO NOT DRIVE IF YOUR BLOOD SUGAR IS BELOW 70 MG/DL.", ["Do not drive if your blood sugar is below 70 mg/dL."]),
             ("Use the letters in BE FAST to remember the signs of a stroke:",
              ["Use the letters in BE FAST to remember the signs of a stroke:"]),
             ("Call RIGHT AWAY.", ["Call right away."]),
             ("WHAT IS KAVA?", ["What is KAVA?"]), ("TREATMENT", ["Treatment"]),
             ("CALL US RIGHT AWAY IF", ["Call us right away if"]),
             ("SEE A DOCTOR TODAY if your child:", ["See a doctor today if your child:"])],
      items=_unshout_item)
def use_sentence_case(sentence: str) -> str:
    """Lower-case shouted words (capitals that are everyday words, not acronyms), keeping the first capital."""
    text = _unshout(sentence)
    return sentence if text == sentence else cap(text)


_GAP = r"[\s,:;!.\d-]*"  # what may stand between two shouted words ("IN 24 HOURS")
_URGENT = {"right", "away", "immediately", "today", "first", "seek", "get", "go", "even", "if"}  # "Call RIGHT AWAY"


def _caps_runs(sentence: str, caps: list) -> dict[int, int]:
    """Map each capital word to the length of the run of capital words it belongs to (joined by spaces only)."""
    sizes, start = {}, 0
    for n in range(1, len(caps) + 1):
        if n == len(caps) or not rx.fullmatch(r" ", sentence[caps[n - 1].end():caps[n].start()]):
            for k in range(start, n):
                sizes[k] = n - start
            start = n
    return sizes
_EMPHASIS = {"not", "no", "never", "always", "only", "do", "don't", "must", "stop", "now", "all", "any", "before",
             "after", "every", "call", "important", "warning", "caution", "danger"}


def _tidy_item(item: Piece) -> Piece:
    """Fix a list item's articles and spacing; a step, a whole instruction, also gets a capital and a full stop."""
    text = rx.sub(r"\b([Aa])n? ([\w-]+)", _article, " ".join(item.text.split()))
    return item._replace(text=end(text) if item.role == STEP else text)


@rule("Swaps can leave 'a upset stomach', double spaces or a lower-case start; tidy them.",
      cases=[("a upset stomach  is common .", ["An upset stomach is common."]),
             ("It may cause an sudden pain.", ["It may cause a sudden pain."]),
             ("Watch for a unusual rash or a unit of blood.", ["Watch for an unusual rash or a unit of blood."]),
             ("Eat within an 8-hour window, not a 1-hour one; an 11-year-old may too.",
              ["Eat within an 8-hour window, not a 1-hour one; an 11-year-old may too."]),
             ("You need a HIV test and an UTI check.", ["You need an HIV test and a UTI check."]),
             ("It is not visible on a X-ray.", ["It is not visible on an X-ray."]),
             ("Get vaccinated against hepatitis A and B; vitamin A is in carrots.",
              ["Get vaccinated against hepatitis A and B; vitamin A is in carrots."])],
      items=_tidy_item)
def tidy(sentence: str) -> str:
    """Fix articles, spacing and the first capital."""
    s = " ".join(sentence.split())
    s = rx.sub(r"\s+([.,;:!?])", r"\1", s)
    return end(fix_articles(s))


def fix_articles(text: str) -> str:
    """Put 'a' or 'an' before each word as it is said ("an suitable" after a swap is "a suitable")."""
    # (not a name's initial: "Pitman A et al.")
    return rx.sub(r"\b([Aa])n? (?!et al\b)([\w-]+)", _article, text)


def _article(m: re.Match) -> str:
    word = m.group(2)
    if m.group(1) == "A" and (word.lower() in ("and", "or", "to", "through", "nor")
                              or rx.search(r"\b(?:hepatitis|vitamin|type|plan|group|grade|class|part|option|step|"
                                           r"category|section|list|blood|zone|strep)\s+$", m.string[:m.start()], re.I)):
        return m.group(0)  # "hepatitis A and B", "vitamin A": a letter that names something, not the article
    vowel = bool(rx.match(r"[aeiou]", word, re.I)) and not rx.match(r"(?:u[bcfhjkqrst][aeiou]|uni|eu|one|use)", word, re.I)
    vowel = vowel or bool(rx.match(r"(?:hour|honest|honor)", word, re.I))
    if rx.fullmatch(r"[A-Z]{2,5}s?", word) and word.lower() not in ("aids",) \
            and not (len(word) > 3 and word.lower() in dictionary_words()):  # ("a FALSE NEGATIVE": a shouted word)
        vowel = word[0] in "AEFHILMNORSX"  # said letter by letter: "an HIV test", "an MRI", "a UTI"
    if rx.fullmatch(r"[A-Z]-[\w-]+", word):
        vowel = word[0] in "AEFHILMNORSX"  # a letter said before its word: "an X-ray", "an E-coli", "a T-cell"
    # Numbers are said: "an 8-hour window", "an 11-year-old", "an 18 mg dose", but "a 1-hour wait".
    vowel = vowel or bool(rx.match(r"(?:8|1[18](?:\D|$)|1[18],?\d{3}(?:\D|$))", word))
    article = "an" if vowel else "a"
    return (cap(article) if m.group(1).isupper() else article) + " " + word


def claim_text(source: str) -> str:
    """Return a source sentence without citation markers, cross references and step labels: those are not claims."""
    text = " ".join(strip_cross_references.apply(strip_citations.apply(source)[0]))
    return rx.sub(r"(?:(?<=:)|(?<=,)|(?<=\band)|(?<=\bthen))\s+\d{1,2}\)\s", " ", text)  # "steps: 1) wash, 2) dry"
