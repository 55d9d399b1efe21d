"""The plain-language rules: an ordered list of small named rules, each with a one-line reason
and its own input/expected cases. A rule turns one sentence into zero, one or more sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Callable

from handouts.language.lexicon import apply_swaps, definitions, protected_names
from handouts.language.sentences import split_sentences


@dataclass(frozen=True)
class Rule:
    """One named rewrite: sentence in, sentences out (none when it removes the sentence)."""

    name: str
    reason: str
    apply: Callable[[str], list[str]]
    cases: tuple = ()
    # True when what it removes is page furniture (dates, reading times), never a claim.
    removes_furniture: bool = False
    # True when it removes filler words, not claims: what it takes out must be said elsewhere.
    removes_filler: bool = False
    # True when it turns a sentence into a list (a lead-in and bullets): only inside a paragraph.
    makes_list: bool = False


RULES: list[Rule] = []


def rule(reason: str, cases=(), removes_furniture: bool = False, removes_filler: bool = False,
         makes_list: bool = False):
    """Register a rule in pipeline order, with its reason and its test cases."""
    def register(fn):
        def apply(sentence: str) -> list[str]:
            out = fn(sentence)
            return [out] if isinstance(out, str) else list(out)
        RULES.append(Rule(fn.__name__, reason, apply, tuple(cases), removes_furniture, removes_filler, makes_list))
        return fn
    return register


# --- helpers ----------------------------------------------------------------------------

AUXILIARIES = {
    "is", "are", "was", "were", "be", "am", "can", "could", "may", "might", "must", "shall",
    "should", "will", "would", "do", "does", "did", "has", "have", "had", "cannot", "can't",
    "don't", "doesn't", "isn't", "aren't", "won't", "didn't", "wasn't", "weren't",
}
_SUBJECTS = {"i", "you", "we", "they", "these", "those", "people", "others", "some", "many", "who", "that", "which"}
_ADVERBS = {"also", "often", "still", "usually", "mainly", "mostly", "sometimes", "always", "only", "just", "really"}
LONG = 20  # words: the sentences the long-sentence rules split
SPLIT_FROM = 14  # words: a sentence this long is split where a clean split leaves two whole sentences
MODALS = ("may", "might", "could", "can", "would", "will")


@cache
def _verb_forms() -> tuple[frozenset, frozenset]:
    """Return (finite forms, base forms) of the common verbs list."""
    text = resources.files("handouts.language").joinpath("data/verbs.txt").read_text(encoding="utf-8")
    bases = {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    finite = set()
    for b in bases:
        finite |= {b + "s", b + "es", b + "ed", b + "d", b[:-1] + "ies", b[:-1] + "ied"}
    finite |= {"came", "began", "broke", "brought", "became", "did", "drank", "drove", "fell", "felt",
               "fought", "found", "gave", "went", "grew", "had", "heard", "held", "kept", "knew", "led",
               "left", "lost", "made", "meant", "paid", "put", "ran", "rose", "said", "saw", "sent",
               "set", "showed", "slept", "spoke", "took", "told", "thought", "threw", "wore", "cut"}
    return frozenset(finite), frozenset(bases)


def words(text: str) -> list[str]:
    """Return the lower-case words of a text."""
    return re.findall(r"[a-z][a-z'’-]*", text.lower())


def has_verb(sentence: str) -> bool:
    """Tell whether a sentence has a finite verb (so it is not a fragment)."""
    ws = [w for w in words(sentence) if w not in _ADVERBS and w not in ("never", "always")]  # "they also include"
    finite, bases = _verb_forms()
    if ws and (ws[0] in bases or ws[0] == "please" and ws[1:2] and ws[1] in bases):
        return True  # an instruction: "Wash the cut.", "Please bring ..."
    for i, w in enumerate(ws):
        if w in AUXILIARIES or w in finite and not (i and ws[i - 1] in ("the", "a", "an", "its", "their")):
            return True
        # A base form is a verb after a plural subject ("opioids act"); "like" there is a preposition.
        if w in bases and w != "like" and i and (ws[i - 1] in _SUBJECTS or ws[i - 1].endswith("s")):
            return True
    return False


def cap(text: str) -> str:
    """Upper-case the first letter."""
    return text[:1].upper() + text[1:] if text else text


def end(text: str) -> str:
    """Make a clause a sentence: trimmed, capitalised, with a full stop."""
    text = text.strip().rstrip(",; ")
    if not re.search(r"[.!?:][\"”’')\]]*$", text) or re.search(r"\b(?:a\.m|p\.m|etc|e\.g|i\.e)\.\)$", text):
        text += "."  # "(acetaminophen at 8 a.m., ibuprofen at 11 a.m.)" ends an aside, not the sentence
    return cap(text)


def _complete(parts: list[str]) -> bool:
    """Every part is a sentence: three words or more, with a verb."""
    return all(len(p.split()) >= 3 and has_verb(p) for p in parts)


def split_or_keep(sentence: str, parts: list[str]) -> list[str]:
    """Return the parts as sentences when each is complete, else the sentence unchanged."""
    if sentence.rstrip().endswith(":"):
        return [sentence]  # it introduces the list or table that follows: a split would hand that to its last part
    if any(p.count('"') % 2 or p.count("“") != p.count("”") for p in parts):
        return [sentence]  # someone's words in quotation marks are said as they said them
    parts = [end(p) for p in parts if p.strip()]
    return parts if len(parts) > 1 and _complete(parts) else [sentence]


def _first_modal(text: str) -> str | None:
    """Return the first modal verb of a clause, to carry its hedge into a split-off clause."""
    for w in words(text):
        if w in MODALS:
            return w
    return None


def _plural(word: str) -> bool:
    """Tell whether a word is an English plural ('symptoms'), not just a word ending in s ('tremens')."""
    if not word.endswith("s") or word.endswith("ss"):
        return False
    return any(stem in _dictionary() for stem in (word[:-1], word[:-2], word[:-3] + "y"))


@cache
def _dictionary() -> frozenset:
    from handouts.language.readability import _cmu
    return frozenset(_cmu())


def uncap(text: str) -> str:
    """Lower-case the first word when it is an everyday word ('Heavy sweating' -> 'heavy sweating'), never a name."""
    first = text.split()[0] if text.split() else ""
    word = first.lower()
    if first[1:] == first[1:].lower() and word in _dictionary() and word not in protected_names():
        return word + text[len(first):]
    return text


def third_person(ing: str) -> tuple[str, str]:
    """Return (base, third person) of an -ing verb: 'creating' -> ('create', 'creates')."""
    stem = ing[:-3]
    candidates = [stem + "e", stem] if not re.search(r"[aeiou][^aeiouwxy]$", stem) else [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.insert(0, stem[:-1])  # running -> run
    known, verbs = _dictionary(), _verb_forms()[1]
    # The verb list first: the pronouncing dictionary also holds names ("warne" for "warning").
    base = next((c for c in candidates if c in verbs), None) or next((c for c in candidates if c in known), stem)
    third = base + "es" if re.search(r"(s|x|z|ch|sh)$", base) else (
        base[:-1] + "ies" if re.search(r"[^aeiou]y$", base) else base + "s")
    return base, third


def _names_and_terms() -> set[str]:
    names = set(protected_names())
    for d in definitions():
        names |= {f.lower() for f in d.forms}
    return names


# --- the rules, in the order they run ---------------------------------------------------

@rule("Citation numbers glued to words ('alkaloids.1,9') and [1]-style markers are not read aloud or understood.",
      cases=[("Kratom contains alkaloids.1,9", ["Kratom contains alkaloids."]),
             ("Kratom is a plant [2, 3] from Asia.", ["Kratom is a plant from Asia."]),
             ("Take 2.5 mg twice a day.", ["Take 2.5 mg twice a day."]),
             ("Vitamin B12 helps.", ["Vitamin B12 helps."])])
def strip_citations(sentence: str) -> str:
    """Remove citation markers."""
    s = re.sub(r"\s*\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]", "", sentence)
    s = re.sub(r"(?<=[a-z]{3})([.,;:)])\d{1,3}(?:[,–-]\d{1,3})*(?=\s|$)", r"\1", s)
    s = re.sub(r"(?<=[a-z]{3})[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", s)
    return s


@rule("A '(See ...)' cross reference points at pages the handout does not have.",
      cases=[("Stop slowly (see Tapering below).", ["Stop slowly."]),
             ("(See page 4.) Ask your doctor.", ["Ask your doctor."]),
             ("Ask your doctor (or nurse).", ["Ask your doctor (or nurse)."]),
             ("(See Safety, below.)", [])])
def strip_cross_references(sentence: str) -> list[str]:
    """Remove '(See ...)' cross references."""
    s = re.sub(r"\s*\((?:see|see also|cf\.?)\s[^)]*\)", "", sentence, flags=re.I).strip()
    s = re.sub(r"\s+([.,;:!?])", r"\1", s)
    return [s] if re.search(r"\w", s) else []


@rule("Removing citations can join two sentences; split again, knowing abbreviations and decimals.",
      cases=[("It has alkaloids. Kratom is a plant.", ["It has alkaloids.", "Kratom is a plant."]),
             ("Dr. Lee gave 2.5 mg. Rest now.", ["Dr. Lee gave 2.5 mg.", "Rest now."]),
             ("In the U.S. many people use it, e.g. for pain.", ["In the U.S. many people use it, e.g. for pain."])])
def resplit_sentences(sentence: str) -> list[str]:
    """Split a text into sentences."""
    return split_sentences(sentence)


_FURNITURE = [
    r"^(?:published|updated|last updated|reviewed|posted)(?: on)?:?\s.*\b\d{4}\.?$",
    r"^(?:\d+\s*(?:-|–)?\s*(?:min|minute)s?\s+read|reading time:?.*)\.?$",
    r"^(?:jump to|skip to|table of contents|in this article|contents)\s*(?:a section)?:?\s*$",
    r"^by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:, [A-Z][A-Za-z.]{1,12}(?: [A-Z][A-Za-z.]{1,12}){0,2})*\.?$",  # "By Dana Lee, PharmD"
    r"^(?:medically |clinically )?(?:reviewed|fact[- ]checked) by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
    r"(?:, [A-Z][A-Za-z.]{1,7})*\.?$",
    r"^(?:share|print|email|tweet)(?: this)?(?: (?:article|page))?\.?$",
    r"^(?:advertisement|sponsored(?: content)?|skip (?:the )?ad)\.?$",
    r"^(?:related|see also|read more|more on this topic|you may also like):\s.*$",
    r"^(?:photo|image|picture|illustration|video|credit|photo credit)s?:\s.*$",  # a caption of what is not printed
]


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
    """Drop page furniture."""
    return [] if is_furniture(sentence) else [sentence]


def is_furniture(text: str) -> bool:
    """Tell whether a line is page furniture (a date line, reading time, byline, 'Jump to', a caption)."""
    parts = [p.strip() for p in text.split("|")]  # "By Jane Smith, RN | Updated June 3, 2024 | 4 min read"
    return all(p and any(re.match(f, p, re.I) for f in _FURNITURE) for p in parts)


@rule("'Q:' and 'A:' mark a question and its answer on a web page; the question mark and the order already say so.",
      cases=[("Q: Is it safe if I'm allergic to eggs?", ["Is it safe if I'm allergic to eggs?"]),
             ("A: Yes.", ["Yes."]), ("A: Vitamin A is in carrots.", ["Vitamin A is in carrots."]),
             ("A B C", ["A B C"])])
def drop_question_answer_marks(sentence: str) -> str:
    """Remove a leading 'Q:' or 'A:' (or 'Question:'/'Answer:')."""
    return re.sub(r"^(?:Q|A|Question|Answer)\s*[:.]\s+(?=\S)", "", sentence)


@rule("A semicolon joins two sentences; readers cope better with one idea at a time.",
      cases=[("Rest is vital; further research is needed to set doses.", ["Rest is vital.", "Further research is needed to set doses."]),
             ("Bring: pens; paper.", ["Bring: pens; paper."]),
             ("The baby blues go away within 2 weeks; PPD does not.", ["The baby blues go away within 2 weeks; PPD does not."]),
             ("Risks include: a sore throat, in up to 40%; bleeding, in fewer than 1 in 1,000; and a tear, rarely.",
              ["Risks include: a sore throat, in up to 40%; bleeding, in fewer than 1 in 1,000; and a tear, rarely."])])
def split_semicolons(sentence: str) -> list[str]:
    """Split at semicolons between complete clauses."""
    parts = re.split(r"\s*;\s+", sentence)
    if ":" in parts[0] or any(re.match(r"(?:and|or)\b", p) for p in parts[1:]):
        return [sentence]  # "the following: a sore throat, ...; bleeding, ...; and a tear": one list, its items
    if any(len(words(p)) <= 4 and words(p) and words(p)[-1] in AUXILIARIES | {"not"} for p in parts[1:]):
        return [sentence]  # "The baby blues go away within 2 weeks; PPD does not.": the second half needs the first
    return split_or_keep(sentence, parts)


@rule("Lead-ins such as 'By understanding X, we can appreciate how' or 'It is important to note that' delay the point.",
      cases=[("By understanding the science, we can appreciate how kratom may help.", ["Kratom may help."]),
             ("It is important to note that kratom is not approved.", ["Kratom is not approved."]),
             ("By 2024 we can see how it works.", ["By 2024 we can see how it works."]),
             ("In conclusion, fasting may help some people.", ["Fasting may help some people."])],
      removes_filler=True)
def strip_filler_lead_in(sentence: str) -> str:
    """Remove filler lead-ins, keeping the claim."""
    for p in (r"^By understanding [^,]+, we can (?:appreciate|see|understand|learn) (?:how|that|why) (.+)$",
              r"^It is (?:important|worth|crucial|useful) (?:to note|noting|to remember|to know) that (.+)$",
              r"^(?:In conclusion|In summary|To sum up|To conclude|All in all|In short),\s+(.+)$"):
        m = re.match(p, sentence, re.I)
        if m:
            return cap(m.group(1))
    return sentence


@rule("Search keywords pasted into a sentence ('including the potential for does kratom increase dopamine') are not English.",
      cases=[("Some seek the drug to feel well, including the potential for does kratom increase dopamine.",
              ["Some seek the drug to feel well."]),
             ("Ask what does help you.", ["Ask what does help you."]),
             ("Does kratom help?", ["Does kratom help?"])],
      removes_filler=True)
def remove_keyword_stuffing(sentence: str) -> str:
    """Remove a clause where a preposition runs straight into a question ('for does kratom')."""
    m = re.search(r"\b(?:for|of|about|on|with|the)\s+(?:does|do|did|is|are|can|should|will)\s+[a-z]+\s+[a-z]+", sentence)
    if not m:
        return sentence
    comma = sentence.rfind(",", 0, m.start())
    cut = comma if comma > 0 else m.start()
    return end(sentence[:cut])


@rule("'X, with its Y being Z' hides a second sentence in a dangling phrase.",
      cases=[("Kratom is popular, with its effect on dopamine being a key point.",
              ["Kratom is popular.", "Kratom's effect on dopamine is a key point."]),
             ("The plan is new, with its cost being low.", ["The plan is new.", "Its cost is low."]),
             ("Fasting is popular, with proponents suggesting it may help people with diabetes.",
              ["Fasting is popular.", "Proponents suggest it may help people with diabetes."]),
             ("It is rare, with some doctors warning that it can be serious.",
              ["It is rare.", "Some doctors warn that it can be serious."])])
def split_with_being(sentence: str) -> list[str]:
    """Split an absolute 'with ... being' (or 'with experts saying ...') phrase into its own sentence."""
    m = re.match(r"^(.+?), with (?:some |many |most )?([a-z]+s) (suggesting|saying|claiming|arguing|believing|"
                 r"noting|warning|reporting|finding|showing) (.+)$", sentence)
    if m and not m.group(2).endswith("ss"):
        base, _ = third_person(m.group(3))  # "proponents suggesting it may help" -> "Proponents suggest it may help"
        who = re.match(r"^.+?, with ((?:some |many |most )?)", sentence).group(1)
        return split_or_keep(sentence, [m.group(1), f"{cap(who + m.group(2))} {base} {m.group(4)}"])
    m = re.match(r"^(.+?), with (its|their|his|her|the) (.+?) being (.+?)([.!?])$", sentence)
    if not m:
        return [sentence]
    head = m.group(3).split()[0]
    verb = "are" if head.endswith("s") and not head.endswith("ss") else "is"
    owner = m.group(2)
    first = re.match(r"[\w-]+", m.group(1)).group(0)
    if owner in ("its", "their") and first.lower() in _names_and_terms():
        owner = f"{first}'s"  # "Kratom's effect", not an "Its" that may lose what it points to
    return split_or_keep(sentence, [m.group(1), f"{owner} {m.group(3)} {verb} {m.group(4)}"])


@rule("'While some studies say A, others say B' packs two findings into one long sentence.",
      cases=[("While some studies suggest it helps, others propose it harms.",
              ["Some studies suggest it helps.", "But others propose it harms."]),
             ("While more research is needed, kratom could help some people.",
              ["More research is needed.", "But kratom could help some people."]),
             ("While you wait, drink water.", ["While you wait, drink water."])])
def split_while_contrast(sentence: str) -> list[str]:
    """Split a 'While A, others B' contrast into two sentences."""
    m = re.match(r"^While (.+?), (others|some|many|other studies|other research) (.+)$", sentence)
    if m:
        return split_or_keep(sentence, [m.group(1), f"But {m.group(2)} {m.group(3)}"])
    # Only a concessive "while" (about research) splits; "While you wait, drink water" stays.
    m = re.match(r"^While ((?:more|further|some|little) [^,]+), (.+)$", sentence)
    if m:
        return split_or_keep(sentence, [m.group(1), f"But {m.group(2)}"])
    return [sentence]


_APPOSITIVE_PARTICIPLES = r"(?:derived|made|taken|extracted|produced|sold|known|grown|used)"


@rule("'Kratom, derived from X, has ...' hides a fact in a side phrase; say it as a sentence.",
      cases=[("Kratom, derived from a tree, has gained attention.",
              ["Kratom is derived from a tree.", "Kratom has gained attention."])])
def split_appositive_participle(sentence: str) -> list[str]:
    """Split 'Subject, derived from X, rest' into two sentences."""
    m = re.match(rf"^([A-Z][\w’'-]*(?: [\w’'-]+){{0,3}}), ({_APPOSITIVE_PARTICIPLES} [^,]+), (.+)$", sentence)
    if not m:
        return [sentence]
    subject = m.group(1)
    be = "are" if subject.endswith("s") and not subject.endswith("ss") else "is"
    # Repeat the subject rather than "It": the first sentence may later be merged away.
    return split_or_keep(sentence, [f"{subject} {be} {m.group(2)}", f"{subject} {m.group(3)}"])


@rule("'e.g.' before the list of examples that ends a sentence is Latin; 'such as' says the same in everyday words.",
      cases=[("Wait until you feel withdrawal symptoms, e.g., yawning, goosebumps, a runny nose, or aching muscles.",
              ["Wait until you feel withdrawal symptoms, such as yawning, goosebumps, a runny nose, or aching muscles."]),
             ("Some drugs, e.g. heroin, act fast.", ["Some drugs, e.g. heroin, act fast."]),
             ("Behavioral approaches, e.g., regular sleep times and less caffeine, are usually advised.",
              ["Behavioral approaches, such as regular sleep times and less caffeine, are usually advised."])])
def examples_as_such_as(sentence: str) -> str:
    """Say ', e.g., A, B, or C.' (a list that ends the sentence) as ', such as A, B, or C.'"""
    said = re.sub(r",? \(?(?:e\.g\.|for example|for instance),? (?=[^,.()]+(?:, [^,.()]+)*,? (?:or|and) [^,.()]+[.!?]$)",
                  ", such as ", sentence)
    # "Behavioral approaches, e.g., CBT-I, regular sleep times, and less caffeine, are advised": mid-sentence too.
    return re.sub(r"(?<=\w), e\.g\.,? (?=[^.]+?, (?:are|is|may|can|should|have|has)\b)", ", such as ", said)


@rule("Examples in a ', such as A or B,' aside break the main sentence in two; give them their own sentence.",
      cases=[("It starts when someone using opioid drugs, such as heroin or painkillers, stops.",
              ["Opioid drugs include heroin and painkillers.", "It starts when someone using opioid drugs stops."]),
             ("In this condition, the force of the blood is high enough that it may cause health problems, such as heart disease.",
              ["In this condition, the force of the blood is high enough that it may cause health problems.",
               "These include heart disease."]),
             ("Eat foods rich in iron, such as beans.", ["Eat foods rich in iron, such as beans."]),
             ("Some people get mild side effects, such as a sore arm or aches, which usually last 1 to 2 days.",
              ["Some people get mild side effects, which usually last 1 to 2 days.",
               "Mild side effects include a sore arm and aches."]),
             ("Withdrawal occurs when someone who has used opioid drugs, such as painkillers or heroin, stops or cuts back.",
              ["Opioid drugs include painkillers and heroin.",
               "Withdrawal occurs when someone who has used opioid drugs stops or cuts back."]),
             ("Adults who have risk factors, such as diabetes or HIV, should also get vaccinated.",
              ["Risk factors include diabetes and HIV.", "Adults who have risk factors should also get vaccinated."]),
             ("Some antibiotics, such as metronidazole and ciprofloxacin, can raise your INR.",
              ["Some antibiotics can raise your INR.", "These include metronidazole and ciprofloxacin."]),
             ("Direct-acting antivirals (DAAs), such as Epclusa or Mavyret, usually last 8 to 12 weeks.",
              ["Direct-acting antivirals (DAAs) include Epclusa and Mavyret.",
               "Direct-acting antivirals (DAAs) usually last 8 to 12 weeks."]),
             ("Studies have not shown that sleeping pills, such as zolpidem or diphenhydramine, lower blood pressure.",
              ["Sleeping pills include zolpidem and diphenhydramine.",
               "Studies have not shown that sleeping pills lower blood pressure."]),
             ("Behavioral approaches, such as therapy, regular sleep and wake times, and less caffeine, are advised.",
              ["Behavioral approaches include therapy, regular sleep and wake times, and less caffeine.",
               "Behavioral approaches are advised."]),
             ("It may harm your heart and kidneys over many years, such as heart disease, stroke or kidney failure.",
              ["It may harm your heart and kidneys over many years, such as heart disease, stroke or kidney failure."])])
def split_such_as(sentence: str) -> list[str]:
    """Move a mid-sentence 'such as' list into a sentence of its own (a closing one too, in a long sentence)."""
    finite, bases = _verb_forms()
    # The list ends where the sentence goes on with its verb ("approaches, such as A, B and C, and D, are
    # advised"): try each comma after "such as" and take the first after which a verb comes.
    head = re.match(r"^(.+?), such as (.+)$", sentence)
    m = None
    if head:
        cut = [c.start() for c in re.finditer(r", ", head.group(2))]
        for c in cut:
            examples, rest = head.group(2)[:c], head.group(2)[c + 2:]
            first_word = (words(rest) or [""])[0]
            if first_word in finite | bases | AUXILIARIES | _ADVERBS or first_word in ("which", "who"):
                if re.search(r"(?:^|, )(?:and|or) |\b(?:and|or) [^,]+$", examples) or "," not in examples:
                    m = (head.group(1), examples, rest)
                break
    if not m or not has_verb(m[2]):
        return _split_closing_such_as(sentence)  # ", such as A, B or C." ends the sentence: no verb follows
    before = m[0].split()
    noun = []
    for i, w in enumerate(reversed(before)):
        prior = before[-i - 2].lower() if i + 1 < len(before) else ""
        # "sleeping pills" is a kind of pill; "been using opioid drugs" is a verb before the drugs.
        verb_ing = w.endswith("ing") and (not noun or prior not in (
            "that", "the", "a", "an", "of", "for", "with", "and", "or", "about", "as", "these", "those", "your",
            "their", "our", "its", "some", "many", "most", "all", "any", "no", "on", "in", ""))
        compound = noun and w.lower() in bases and prior in ("have", "has", "with", "of", "for", "the", "a", "an",
                                                            "any", "some", "your", "their", "and", "or", "about")
        if (w.lower() in _NOT_NOUN or w.lower() in finite or w.lower() in bases and not compound or verb_ing
                or len(noun) == 3):
            break  # "who have risk factors": "risk" is part of the noun here, not a verb
        noun.insert(0, w)
    if not noun:
        return [sentence]
    verb = "include" if re.sub(r"\W+$", "", noun[-1]).endswith("s") else "includes"  # "antivirals (DAAs) include"
    quantified = before[-len(noun) - 1].lower() if len(before) > len(noun) else ""
    if quantified in ("some", "certain", "several", "other", "many", "few"):
        # "Some antibiotics, such as A and B, can raise your INR": "Antibiotics include A and B" would be a
        # general fact; "These include A and B" says they are the ones meant.
        noun, verb = ["These"], "include"
    # "such as A or B" names examples of one kind; "include A and B" says the same (both are examples).
    examples = re.sub(r" or ([^,]+)$", r" and \1", m[1])
    joint = ", " if re.match(r"(?:which|who)\b", m[2]) else " "  # "effects, which last 2 days" stays an aside
    main, listed = f"{m[0]}{joint}{m[2]}", f"{cap(' '.join(noun))} {verb} {examples}"
    if noun == ["These"] or joint == ", ":
        # "These include ..." must follow what it points at; "Some people get side effects, which last 2
        # days" is followed by its aside ("These effects last ..."), and the examples come after both.
        return split_or_keep(sentence, [main, listed])
    # The examples go first: after the main sentence they would stand between it and a next sentence
    # that points back at it ("Opioid withdrawal happens when someone stops ... This sudden change ...").
    return split_or_keep(sentence, [listed, main])


_NOT_NOUN = {"the", "a", "an", "of", "who", "that", "which", "has", "been", "have", "is", "are", "was", "were",
             "over", "in", "on", "at", "for", "with", "by", "from", "to", "under", "about", "many", "some", "most",
             "all", "these", "those", "their", "your", "its", "used", "taken", "given", "called", "known"}


def _split_closing_such_as(sentence: str) -> list[str]:
    """Split a long 'A causes problems, such as B and C.' into 'A causes problems.' and 'These include B and C.'"""
    m = re.match(r"^(.+), such as ([^,]+(?:, [^,]+)*)([.!?])$", sentence)
    if not m or len(sentence.split()) < SPLIT_FROM or not words(m.group(1)) or not _plural(words(m.group(1))[-1]):
        return [sentence]
    finite, bases = _verb_forms()
    before = [w.lower() for w in m.group(1).split()]
    stop = next((w for w in reversed(before[:-1]) if w in _NOT_NOUN or w in finite or w in bases), "")
    if not (stop in finite or stop in bases or stop in ("the", "a", "an")):
        return [sentence]  # "over many years, such as ...": the examples must be of a thing, not a time
    examples = re.split(r",\s*(?:and |or )?|\s+(?:and|or)\s+", m.group(2))
    if any(len(x.split()) > 4 or has_verb(x) for x in examples):
        return [sentence]  # only a list of things: ", such as heroin, stops or ..." goes on with the sentence
    listed = re.sub(r" or ([^,]+)$", r" and \1", m.group(2))  # examples of a kind: all of them are examples
    return split_or_keep(sentence, [m.group(1), f"These include {listed}{m.group(3)}"])


@rule("'Symptoms like A, B, C and D signal X' puts a list and a claim in one subject; list them, then say the claim.",
      cases=[("Symptoms like nausea, cravings, mood swings, and irritability signify the brain's rebalancing act.",
              ["Symptoms include nausea, cravings, mood swings, and irritability.",
               "They signify the brain's rebalancing act."]),
             ("Drugs like heroin, fentanyl and morphine can slow your breathing.",
              ["Drugs include heroin, fentanyl and morphine.", "They can slow your breathing."]),
             ("Signs like nausea, cravings and mood swings are common.",
              ["Signs include nausea, cravings and mood swings.", "They are common."]),
             ("Foods like rice and beans are cheap.", ["Foods like rice and beans are cheap."]),
             ("It feels like a cold, a flu and a headache at once.", ["It feels like a cold, a flu and a headache at once."])])
def split_like_list_subject(sentence: str) -> list[str]:
    """Split 'Nouns like A, B(,) and C verb ...' (three or more examples) into 'Nouns include A, B and C. They verb ...'."""
    finite, bases = _verb_forms()
    for last in (r"[\w'’-]+ [\w'’-]+", r"[\w'’-]+"):  # the last example may be two words ("mood swings")
        m = re.match(rf"^([A-Z][a-z-]*s) like ((?:[\w'’-]+(?: [\w'’-]+)?, )+(?:[\w'’-]+ )?(?:and|or) {last}) "
                     r"([a-z]+) (.+)$", sentence)
        if not m or m.group(2).split()[-1] in AUXILIARIES | finite:
            continue  # "... and morphine can slow": 'can' starts the claim, it is no example
        examples = [x for x in re.split(r",\s*|\s+(?:and|or)\s+", m.group(2)) if x.strip()]
        if len(examples) >= 3 and (m.group(3) in AUXILIARIES or m.group(3) in bases or m.group(3) in finite):
            break
    else:
        return [sentence]
    return split_or_keep(sentence, [f"{m.group(1)} include {m.group(2)}", f"They {m.group(3)} {m.group(4)}"])


@rule("'X is a Y that does Z' says two things; 'X is a Y. It does Z.' is easier to follow.",
      cases=[("Withdrawal is a complex process that occurs when someone stops a drug.",
              ["Withdrawal is a complex process.", "Withdrawal occurs when someone stops a drug."]),
             ("It is a drug that people use.", ["It is a drug that people use."]),
             ("Withdrawal is a hard process driven by brain changes.",
              ["Withdrawal is a hard process.", "Withdrawal is driven by brain changes."]),
             ("High blood pressure, also known as hypertension, is a common condition in which the force of "
              "the blood against your artery walls is too high.",
              ["High blood pressure, also known as hypertension, is a common condition.",
               "In this condition, the force of the blood against your artery walls is too high."])])
def split_copula_relative(sentence: str) -> list[str]:
    """Split 'X is a Y that verbs ...' (or 'X is a Y driven by ...', 'X is a Y in which ...') into two sentences."""
    m = re.match(r"^([A-Z][^,]{0,40}?(?:, (?:also known as|also called|or) [^,]+,)?) (is|are) (an?) "
                 r"((?:[\w-]+ ){0,2}([\w-]+)) in which (.+)$", sentence)
    if m and len(sentence.split()) >= SPLIT_FROM:
        this = "these" if m.group(2) == "are" else "this"
        return split_or_keep(sentence, [f"{m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)}",
                                        f"In {this} {m.group(5)}, {m.group(6)}"])
    m = re.match(r"^([A-Z][^,]{0,40}?) (is|are) (an?) ((?:[\w-]+ ){0,2}[\w-]+) "
                 r"((?:driven|caused|triggered|marked|made|shaped|affected) by .+)$", sentence)
    if m:
        subject = m.group(1) if len(m.group(1).split()) <= 3 else ("They" if m.group(2) == "are" else "It")
        return split_or_keep(sentence, [f"{m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)}",
                                        f"{subject} {m.group(2)} {m.group(5)}"])
    m = re.match(r"^([A-Z][^,]{0,40}?) (is|are) (an?|the) ((?:[\w-]+ ){0,2}[\w-]+) (?:that|which) (\w+) (.+)$", sentence)
    if not m or not (m.group(5).endswith("s") or m.group(5) in AUXILIARIES):
        return [sentence]
    subject = m.group(1)
    if len(subject.split()) > 3:
        subject = "They" if m.group(2) == "are" else "It"
    # Repeat a short subject rather than "It": the first sentence may later be merged away.
    return split_or_keep(sentence, [f"{m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)}",
                                    f"{subject} {m.group(5)} {m.group(6)}"])


@rule("'Do A, unless B, in which case do C' packs two instructions and a condition; say 'Do A. But if B, do C.'",
      cases=[("If you forget a dose, take it as soon as you remember, unless it is almost time for your next dose, "
              "in which case skip the missed dose.",
              ["If you forget a dose, take it as soon as you remember.",
               "But if it is almost time for your next dose, skip the missed dose."]),
             ("Take it daily unless told otherwise.", ["Take it daily unless told otherwise."])])
def split_unless_in_which_case(sentence: str) -> list[str]:
    """Split 'A, unless B, in which case C.' into 'A.' and 'But if B, C.'"""
    m = re.match(r"^(.+?), unless ([^,]+), in which case (.+)$", sentence)
    if not m:
        return [sentence]
    return split_or_keep(sentence, [m.group(1), f"But if {m.group(2)}, {m.group(3)}"])


@rule("A ', which ...' aside is a second sentence; name what it is about and let it stand alone.",
      cases=[("It can trigger many symptoms, which vary in strength.",
              ["It can trigger many symptoms.", "These symptoms vary in strength."]),
             ("Doctors may suggest kratom, which may help with withdrawal.",
              ["Doctors may suggest kratom.", "Kratom may help with withdrawal."]),
             ("It causes mood swings, irritability, and low mood, which may prompt relapse.",
              ["It causes mood swings, irritability, and low mood.", "This may prompt relapse."]),
             ("Some people get a condition called delirium tremens, which can be life-threatening.",
              ["Some people get a condition called delirium tremens.", "This can be life-threatening."]),
             ("Common side effects, which affect more than 1 in 100 people, include headaches and dry mouth.",
              ["Common side effects include headaches and dry mouth.", "They affect more than 1 in 100 people."]),
             ("Buprenorphine, which is often sold as Suboxone, is a medicine for opioid use disorder.",
              ["Buprenorphine is a medicine for opioid use disorder.", "Buprenorphine is often sold as Suboxone."]),
             ("Warfarin (Coumadin) is an anticoagulant medicine, which is prescribed to prevent clots.",
              ["Warfarin (Coumadin) is an anticoagulant medicine.", "It is prescribed to prevent clots."]),
             ("The tips below, which were written with caregivers, are meant to help you.",
              ["The tips below are meant to help you.", "They were written with caregivers."]),
             ("You were given amoxicillin 500 mg, which is an antibiotic, to be taken three times a day.",
              ["You were given amoxicillin 500 mg, which is an antibiotic, to be taken three times a day."]),
             ("Your doctor may prescribe donepezil (Aricept), which is usually started at 5 mg a day.",
              ["Your doctor may prescribe donepezil (Aricept).", "Donepezil is usually started at 5 mg a day."]),
             ("Taking it too soon can cause precipitated withdrawal, which is a sudden onset of symptoms.",
              ["Taking it too soon can cause precipitated withdrawal.",
               "Precipitated withdrawal is a sudden onset of symptoms."]),
             ("Some people try the 5:2 method, which involves eating normally for 5 days.",
              ["Some people try the 5:2 method.", "The 5:2 method involves eating normally for 5 days."]),
             ("Chemotherapy can lower white blood cells called neutrophils, which are needed to fight infection.",
              ["Chemotherapy can lower white blood cells called neutrophils.",
               "These neutrophils are needed to fight infection."]),
             ("The common side effects are nausea, poor sleep and strange dreams, which usually improve over time.",
              ["The common side effects are nausea, poor sleep and strange dreams.", "They usually improve over time."]),
             ("Avoid raw eggs, soft cheeses, or raw sprouts such as alfalfa, which cannot be washed clean.",
              ["Avoid raw eggs, soft cheeses, or raw sprouts such as alfalfa, which cannot be washed clean."]),
             ("Cortisol is made by the adrenal glands, which sit on the kidneys, and it helps control blood sugar.",
              ["Cortisol is made by the adrenal glands, which sit on the kidneys, and it helps control blood sugar."]),
             ("Call Poison Control, which is free and open 24 hours a day, or text POISON to 797979.",
              ["Call Poison Control, which is free and open 24 hours a day, or text POISON to 797979."]),
             ("Do not take NSAIDs such as ibuprofen or naproxen (Aleve), which can make heart failure worse.",
              ["Do not take NSAIDs such as ibuprofen or naproxen (Aleve), which can make heart failure worse."]),
             ("It does not replace the full agreement, which you should keep with your records.",
              ["It does not replace the full agreement, which you should keep with your records."]),
             ("Ask a doctor about medication-assisted treatment, which has been shown to halve overdose deaths.",
              ["Ask a doctor about medication-assisted treatment.",
               "Medication-assisted treatment has been shown to halve overdose deaths."]),
             ("Keep the dressing on until your visit, which is in 10 days, unless it gets soaked.",
              ["Keep the dressing on until your visit, which is in 10 days, unless it gets soaked."])])
def split_which_clause(sentence: str) -> list[str]:
    """Split off a non-restrictive ', which' clause as its own sentence."""
    m = re.match(r"^(.+?), which (.+)$", sentence)
    if not m:
        return [sentence]
    inside = re.match(r"^([^,]+), ([a-z]+\b.+)$", m.group(2))
    if inside and not has_verb(m.group(1)) and words(inside.group(2))[0] in _verb_forms()[0] | _verb_forms()[1] | AUXILIARIES:
        # "Side effects, which affect 1 in 100 people, include A and B.": the aside sits between the
        # subject and its verb; say the main sentence whole, then the aside about the same subject.
        verb = next((w for w in words(inside.group(1)) if w not in _ADVERBS), "")
        plural = verb in ("are", "were", "have", "do") or (verb not in ("is", "was", "has", "does")
                                                           and bool(words(m.group(1))) and _plural(words(m.group(1))[-1]))
        pronoun = "They" if plural else "It"  # "The tips below, which were developed ...": they were
        main = f"{m.group(1)} {inside.group(2)}"
        if m.group(1).lower() in protected_names() or len(main.split()) > 12 and len(m.group(1).split()) <= 5:
            # "Methadone, which is an opioid, is used ...": said after a long sentence, "It" could be anything.
            pronoun = re.sub(r"^(?:A|An)\b", "The", m.group(1))
        return split_or_keep(sentence, [f"{m.group(1)} {inside.group(2)}", end(f"{pronoun} {inside.group(1)}")])
    before, rest = m.group(1), m.group(2)
    if re.match(r"(?:you|we|they|i|he|she|people|your|their)\b", rest, re.I):
        return [sentence]  # "the full agreement, which you should keep": "This you should keep" is no English
    # "the 5:2 method, which involves ...": the aside describes the thing named just before it.
    described = re.search(r"\b[Tt]he ((?:[\w:-]+ ){0,2}(?:method|plan|test|program|programme|diet|vaccine|device|"
                          r"procedure|treatment|medicine|drug|dose))$", before)
    describes = described and re.match(r"(?:is|are|involves?|means|uses|contains|lasts)\b", rest)
    if not describes and (re.search(r"\bsuch as\b[^,]*(?:, [^,]+)*$", before) or re.search(
            r"\b(?:and|or) [\w-]+(?: \([^)]*\))?$", before) and words(before) and words(before)[-1] in _names_and_terms()):
        # "NSAIDs such as ibuprofen or naproxen, which can make heart failure worse": about NSAIDs, or
        # "caffeine and alcohol, which can make anxiety worse": about both, not the last name alone.
        return [sentence]
    if ";" in rest:
        return [sentence]  # "the following: a sore throat, which ...; bleeding, which ...": asides of list items
    goes_on = re.search(r", (?:and|or|but) (\w+)", rest)
    if goes_on and (goes_on.group(1).lower() in _verb_forms()[1] | {"text", "it", "they", "this", "these", "he", "she",
                                                                  "you", "we"} or goes_on.group(1).endswith("ing")):
        # "Call Poison Control, which is free, or text POISON to ...": after the aside the main sentence
        # goes on; "... dreams, which improve over time, and taking the pill with food may help" too.
        return [sentence]
    if re.search(r", (?:unless|except|until|if|provided|to be|to take)\b", rest) \
            or re.match(r"(?:If|When|Unless)\b", before) and "," in rest:
        # "Cortisol is made by the adrenal glands, which sit on the kidneys, and it helps ...": the aside
        # ends before ", and it", which belongs to the main sentence.
        # "If you feel hopeless, you may have depression, which is treatable, and you should see a doctor":
        # the "if" holds for what follows the aside too, and a split would leave that without it.
        # "Leave the dressing on until your visit, which is in 10 days, unless it gets soaked": the
        # "unless" belongs to the main sentence, which a split would cut from it.
        return [sentence]
    last = words(before)[-1] if words(before) else ""
    if last in _names_and_terms():
        # "donepezil (Aricept), which is ...": the name before the brand in brackets.
        found = re.search(r"(?:\b([a-z]+(?:ed|al|ic|ive|ous)) )?([\w-]+)$", re.sub(r"\s*\([^()]*\)$", "", before))
        if not found:
            return [sentence]
        # "can cause precipitated withdrawal, which is ...": the aside is about precipitated withdrawal.
        subject = f"{found.group(1)} {found.group(2)}" if found.group(1) else found.group(2)
        subject = cap(subject)
    elif re.match(r"^[A-Z][\w-]*(?: \([^)]*\))? (?:is|was) an? (?:[\w-]+ ){0,3}(?:medicine|medication|drug|vaccine|test|"
                  r"treatment|supplement|device)$", before) and re.match(r"(?:is|was|can|may|works|helps)\b", rest):
        # "Warfarin (Coumadin) is an anticoagulant medicine, which is prescribed ...": the aside is about warfarin.
        subject = "It"
    elif (kind := re.search(r"\b(?:about|for|with|of|on) ((?:[\w-]+ ){0,2}(?:treatment|therapy|medicine|vaccine|program))$",
                            before)) and re.match(r"(?:is|are|has been|have been)\b", rest):
        subject = cap(kind.group(1))  # "talk about medication-assisted treatment, which has been shown to ..."
    elif describes:
        # "the 5:2 method, which involves ...": "This involves" could be the whole sentence; name the method.
        subject = f"The {described.group(1)}"
    else:
        finite, bases = _verb_forms()
        verb = next((w for w in words(rest) if w not in _ADVERBS), "")  # "which usually improve": improve
        plural_verb = verb in ("are", "were", "have", "do", "don't", "aren't") or verb in bases and verb not in AUXILIARIES
        listed = re.search(r",\s+(?:and|or)\s+([^,]+)$", before) or ", " in before and re.search(r"\s(?:and|or)\s([^,]+)$", before)
        if listed and len(listed.group(1).split()) > 3:
            # "..., or raw sprouts such as alfalfa, which cannot be washed": the aside may be about the last
            # item alone or the whole list; a sentence of its own would have to choose.
            return [sentence]
        if listed:
            subject = "They" if plural_verb else "This"  # "nausea, poor sleep and dreams, which improve": all of them
            if re.match(r"(?:can|may|might|could) be (?:\w+ )?(?:signs|symptoms)\b", rest):
                subject = "These"  # "confusion, or a seizure, which can be signs of ...": these can be signs
        elif plural_verb and (last.endswith("s") and not last.endswith("ss")):
            subject = f"These {last}"  # "white blood cells called neutrophils, which are needed": these neutrophils
        elif not _plural(last) or plural_verb is False and verb in ("is", "was", "has", "does"):
            subject = "This"
        else:
            subject = f"These {last}"
        if subject == "This" and plural_verb:
            return [sentence]  # "This are needed" would be wrong, and what the aside is about is unclear
    return split_or_keep(sentence, [before, f"{subject} {rest}"])


_EFFECT_PARTICIPLES = (
    "leading", "resulting", "creating", "offering", "providing", "causing", "making", "allowing",
    "helping", "mitigating", "easing", "blocking", "triggering", "reducing", "increasing", "raising",
    "lowering", "giving", "producing", "preventing", "affecting", "improving", "worsening", "boosting",
    "bringing", "opening", "keeping", "affecting", "driving", "signaling", "marking")


@rule("', leading to X' tacks a result onto a sentence; 'This leads to X.' keeps the hedge and reads easier.",
      cases=[("Drug use stops, resulting in less dopamine.", ["Drug use stops.", "This results in less dopamine."]),
             ("Studies say it can raise dopamine, leading to good feelings.",
              ["Studies say it can raise dopamine.", "This can lead to good feelings."]),
             ("It might act as an antagonist, potentially mitigating symptoms by blocking receptors.",
              ["It might act as an antagonist.", "This may mitigate symptoms by blocking receptors."]),
             ("Depending on the dose, it helps.", ["Depending on the dose, it helps."]),
             ("Withdrawal is driven by brain changes, mainly affecting the reward system.",
              ["Withdrawal is driven by brain changes.", "This mainly affects the reward system."]),
             ("Call your surgeon if you have a fever above 101.5°F, increasing redness, or pain.",
              ["Call your surgeon if you have a fever above 101.5°F, increasing redness, or pain."])])
def split_participle_clause(sentence: str) -> list[str]:
    """Split a trailing ', leading/resulting/creating ...' clause into 'This leads ...'."""
    alts = "|".join(_EFFECT_PARTICIPLES)
    m = re.match(rf"^(.+?), (?:(potentially|possibly|perhaps|mainly|primarily|mostly|often|also) )?({alts}) (.+)$",
                 sentence)
    if not m:
        return [sentence]
    if re.search(r"\b(?:if|when|unless)\b", m.group(1), re.I) and (
            re.search(r",\s+(?:or|and)\b", m.group(4)) or not re.match(r"(?:the|a|an|in|to|on|your|their|its)\b", m.group(4))):
        # "Call if you have a fever, increasing redness, or pain": the -ing word is a sign in the list.
        return [sentence]
    base, third = third_person(m.group(3))
    modal = _first_modal(m.group(1))
    if m.group(2) in ("potentially", "possibly", "perhaps"):
        verb = f"may {base}"  # "potentially easing" keeps its hedge as "may ease"
    elif m.group(2):
        verb = f"{m.group(2)} {modal + ' ' + base if modal else third}"
    else:
        verb = f"{modal} {base}" if modal else third
    return split_or_keep(sentence, [m.group(1), f"This {verb} {m.group(4)}"])


@rule("'A, but B', 'A, although B' and 'A, so B' join two complete sentences; split them and keep the 'But'.",
      cases=[("Research suggests it may help, but the details remain unclear.",
              ["Research suggests it may help.", "But the details remain unclear."]),
             ("The usual dose is 50 mg, although your doctor may start you on 25 mg.",
              ["The usual dose is 50 mg.", "But your doctor may start you on 25 mg."]),
             ("Kratom is a plant, and it acts on the brain.", ["Kratom is a plant.", "It acts on the brain."]),
             ("Take it with food, but not milk.", ["Take it with food, but not milk."]),
             ("It is not for people with type 1 diabetes, and there is no strong evidence that it works.",
              ["It is not for people with type 1 diabetes.", "There is no strong evidence that it works."]),
             ("Your child is in the green zone if there is no cough at night, and the peak flow is more than 80%.",
              ["Your child is in the green zone if there is no cough at night, and the peak flow is more than 80%."]),
             ("Not only will you have watery stools, but you may also feel bloated or have cramps.",
              ["Not only will you have watery stools, but you may also feel bloated or have cramps."]),
             ("If you have felt sad for weeks, you may have depression, and you should talk to a doctor.",
              ["If you have felt sad for weeks, you may have depression, and you should talk to a doctor."]),
             ("The plan says which medicines to give, and when, so that severe attacks may be prevented.",
              ["The plan says which medicines to give, and when, so that severe attacks may be prevented."]),
             ("Shingles can cause fever, chills, or upset stomach, and in rare cases it can lead to blindness.",
              ["Shingles can cause fever, chills, or upset stomach.", "In rare cases it can lead to blindness."]),
             ("This affects about 80% of people, and redness and swelling can also happen in 1 in 3 people.",
              ["This affects about 80% of people.", "Redness and swelling can also happen in 1 in 3 people."]),
             ("Choose whole grains over refined grains, and limit rice and bread to a quarter of the plate.",
              ["Choose whole grains over refined grains.", "Limit rice and bread to a quarter of the plate."]),
             ("Remove loose rugs from walkways, install grab bars in the bathroom, and keep a night light on.",
              ["Remove loose rugs from walkways, install grab bars in the bathroom, and keep a night light on."]),
             ("Respite care is available through day centers, in-home aides, and some nursing homes, and it may be covered.",
              ["Respite care is available through day centers, in-home aides, and some nursing homes.",
               "It may be covered."]),
             ("Your heart may beat faster, your breathing may get shallow, and you might feel shaky or sick.",
              ["Your heart may beat faster, your breathing may get shallow, and you might feel shaky or sick."]),
             ("Name 5 things you can see, 2 things you can smell, and 1 thing you can taste right now.",
              ["Name 5 things you can see, 2 things you can smell, and 1 thing you can taste right now."]),
             ("Stop taking the tablets, and call your doctor if you get a rash on your skin.",
              ["Stop taking the tablets, and call your doctor if you get a rash on your skin."]),
             ("Common signs are fever, chills, and muscle aches that last for days.",
              ["Common signs are fever, chills, and muscle aches that last for days."]),
             ("Results come from people who sleep well, and those who took part in the study were older.",
              ["Results come from people who sleep well, and those who took part in the study were older."])])
def split_coordinate_clauses(sentence: str) -> list[str]:
    """Split at ', but' / ', so' / ', and <subject>' when both halves are sentences."""
    m = re.match(r"^(.+?), (but|so(?! that\b)|yet|although|though) (.+)$", sentence) or re.match(
        r"^(.+?), (and) ((?:it|they|this|these|the|we|you|he|she|many|some|others|there)\b.+)$", sentence)
    if m and m.group(2) == "and" and _closes_list(m.group(1)):
        m = None  # "centers, in-home aides, and some nursing homes": this "and" ends a list
    m = m or _and_clause(sentence)
    if not m:
        return [sentence]
    if re.match(r"(?:If|When|Whenever|Unless|Until|Not only)\b", sentence) or (
            m.group(2) == "and" and re.search(r"\b(?:if|when|whenever|unless|until)\b", m.group(1), re.I)):
        # "If you feel hopeless, you may have depression, and you should talk to a doctor": the "if" holds
        # for both halves; two sentences would leave the second without its condition.
        return [sentence]
    # "and" only adds: the second sentence can stand without it. "But" and "so" carry meaning.
    joiner = {"and": "", "although": "But ", "though": "But "}.get(m.group(2), f"{cap(m.group(2))} ")
    return split_or_keep(sentence, [m.group(1), f"{joiner}{m.group(3)}"])


def _closes_list(first: str) -> bool:
    """Tell whether an 'and' after `first` would close a list: 'A, B, and C' (short items), or a list of
    clauses ('Your heart may beat faster, your breathing may get shallow, and you might feel shaky')."""
    segments = first.split(", ")
    if len(segments) > 1 and set(words(segments[0])) & AUXILIARIES and any(
            set(words(seg)) & AUXILIARIES and not re.match(r"(?:and|or|but)\b", seg) for seg in segments[1:]):
        return True
    return len(segments) > 1 and len(segments[-1].split()) <= 4 and not re.search(r"\b(?:and|or)\b", segments[-1])


def _and_clause(sentence: str) -> re.Match | None:
    """Match 'A, and <a subject of up to four words> <verb> B' (or two instructions) where 'and' joins two sentences."""
    finite, bases = _verb_forms()
    for m in re.finditer(r", (and) ", sentence):
        first, second = sentence[:m.start()], sentence[m.end():]
        ws = words(second)
        segments = first.split(", ")
        if not ws or _closes_list(first):
            continue  # "A, B, and C ...": this "and" closes a list, not a sentence
        if ws[0] in bases and words(first) and words(first)[0] in bases:
            # "Choose whole grains, and limit rice": two instructions. Not "Stop it, and call if you have a
            # rash": the "if" might hold for both, and a split would tell everyone to stop.
            if re.search(r"\b(?:if|when|unless|until)\b", second, re.I) or len(segments) > 1:
                return None  # "Remove rugs, install grab bars, and keep a light on": one list of actions
            return re.match(rf"^({re.escape(first)}), (and) (.+)$", sentence)
        k = next((i for i, w in enumerate(ws[:5]) if w in AUXILIARIES or w in finite), None)
        # "..., and redness and swelling can also happen ...", "..., and in rare cases it can lead to ...":
        # a subject of its own before the verb, with no 'that'/'who' clause that could hide where it ends.
        if k and ws[0] not in bases and ws[0] not in finite and not {"that", "who", "which", "to"} & set(ws[:k]):
            return re.match(rf"^({re.escape(first)}), (and) (.+)$", sentence)
        return None
    return None


@rule("'These symptoms are called X and can be Y' says two things about one subject; say each in its own sentence.",
      cases=[("These symptoms are often described as flu-like and can be extremely uncomfortable.",
              ["These symptoms are often described as flu-like.", "They can be extremely uncomfortable."]),
             ("Kratom comes from a tree in Asia and may act on the same receptors as opioids.",
              ["Kratom comes from a tree in Asia.", "It may act on the same receptors as opioids."]),
             ("Rest and fluids help and can speed recovery.", ["Rest and fluids help and can speed recovery."]),
             ("You may feel tired and can sleep.", ["You may feel tired and can sleep."]),
             ("Taking PrEP alone is not enough to treat HIV and may lead to drug resistance.",
              ["Taking PrEP alone is not enough to treat HIV.", "Taking PrEP alone may lead to drug resistance."]),
             ("But these signs and symptoms aren't specific and usually don't occur until the disease is severe.",
              ["But these signs and symptoms aren't specific.", "They usually don't occur until the disease is severe."])])
def split_shared_subject(sentence: str) -> list[str]:
    """Split 'Subject verb A and <modal> B' (12+ words) into 'Subject verb A.' and 'It/They <modal> B.'"""
    m = re.match(r"^((?:But |And )?)((?:[Tt]he(?:se|ir)?|Th(?:is|ose)|Its?|[A-Z][\w-]*)(?: [\w-]+){0,3}?) "
                 r"((?:is|are|isn't|aren't|was|were|has|have|comes|come|acts|act|causes|cause|affects|affect)\b.+?) "
                 r"and ((?:usually |often |sometimes |also )?(?:can|may|might|could|will|should|often|do not|don't|"
                 r"does not|doesn't|cannot|can't)) (.+)$", sentence)
    if not m or len(sentence.split()) < 12 or re.search(r"\b(?:and|or)\b", m.group(3)) or ":" in sentence \
            or re.match(r"(?:If|When|Unless)\b", sentence):
        return [sentence]  # "is A and B and can C": the split point is not clear
    subject = m.group(2)
    if subject.split()[0].endswith("ing") and len(subject.split()) <= 4:
        # "Taking PrEP alone is not enough to treat HIV and may lead to resistance": "It" could be HIV or PrEP.
        return split_or_keep(sentence, [f"{m.group(1)}{subject} {m.group(3)}", f"{subject} {m.group(4)} {m.group(5)}"])
    plural = subject.split()[0].lower() in ("these", "those", "they") or (
        subject.endswith("s") and not subject.endswith("ss") and subject.split()[0].lower() not in ("this", "its"))
    pronoun = "They" if plural else "It"
    return split_or_keep(sentence, [f"{m.group(1)}{subject} {m.group(3)}", f"{pronoun} {m.group(4)} {m.group(5)}"])


@rule("A long sentence that ends 'symptoms like A, B, and C' says a claim and a list at once; give the list its own sentence.",
      cases=[("This imbalance can contribute to symptoms like mood swings, irritability, and difficulty experiencing pleasure.",
              ["This imbalance can contribute to symptoms.",
               "These include mood swings, irritability, and difficulty experiencing pleasure."]),
             ("Kratom may help with symptoms like aches, cravings and poor sleep in some people who stop.",
              ["Kratom may help with symptoms like aches, cravings and poor sleep in some people who stop."]),
             ("Eat foods like rice, beans and bread.", ["Eat foods like rice, beans and bread."])])
def split_trailing_like_list(sentence: str) -> list[str]:
    """Split 'Claim about nouns like A, B(,) and C.' (12+ words, 3+ examples ending it) into 'Claim about nouns. These include A, B and C.'"""
    m = re.match(r"^(.+ [a-z][a-z-]*s) like ((?:[^,]+, )+(?:and|or) [^,]+?)([.!?])$", sentence)
    if not m or len(sentence.split()) < 12:
        return [sentence]
    examples = re.split(r",\s*(?:and |or )?", m.group(2))
    if len(examples) < 3 or any(len(x.split()) > 4 for x in examples):
        return [sentence]
    return split_or_keep(sentence, [m.group(1), f"These include {m.group(2)}{m.group(3)}"])


@rule("'Dopamine, a chemical in the brain.' ends with a definition; make it a sentence of its own.",
      cases=[("It acts on dopamine, a chemical tied to pleasure.",
              ["It acts on dopamine.", "Dopamine is a chemical tied to pleasure."]),
             ("Bring water, a hat.", ["Bring water, a hat."])])
def split_trailing_appositive(sentence: str) -> list[str]:
    """Split ', a/an ...' after a medical term into 'Term is a ...'."""
    m = re.match(r"^(.+\b([\w-]+)), (an?|the) ([^,]+?)([.!?])$", sentence)
    if not m or m.group(2).lower() not in _names_and_terms():
        return [sentence]
    verb = "are" if m.group(2).endswith("s") else "is"
    return split_or_keep(sentence, [m.group(1), f"{cap(m.group(2))} {verb} {m.group(3)} {m.group(4)}"])


@rule("'Do A, as B' in a long sentence gives an order and its reason at once; give the reason its own sentence.",
      cases=[("Keep the wound clean and dry for the first 24 hours, as moisture can increase the risk of infection.",
              ["Keep the wound clean and dry for the first 24 hours.",
               "This is because moisture can increase the risk of infection."]),
             ("Rest, as you need it.", ["Rest, as you need it."]),
             ("People on dialysis may need a higher dose or a different schedule, as determined by their kidney doctor.",
              ["People on dialysis may need a higher dose or a different schedule, as determined by their kidney doctor."]),
             ("Do not put a pillow under your knee while you sleep, as this may lead to a bend in the joint.",
              ["Do not put a pillow under your knee while you sleep.", "This may lead to a bend in the joint."]),
             ("Use it as your doctor says, as well as you can, every day of the week.",
              ["Use it as your doctor says, as well as you can, every day of the week."])])
def split_long_reason(sentence: str) -> list[str]:
    """Split 'A, as/since/because B' (B a whole clause) into 'A.' and 'This is because B.' in a sentence of 14+ words."""
    m = re.match(r"^(.+?), (?:as|since|because) (?!well\b|long\b|soon\b|much\b|many\b|far\b|if\b|\w+ed\b)(.+)$",
                 sentence)  # not "as determined by their doctor": that says who decides, not why
    if not m or len(sentence.split()) < SPLIT_FROM or len(m.group(2).split()) < 4:
        return [sentence]
    if re.match(r"this\b", m.group(2)):
        return split_or_keep(sentence, [m.group(1), cap(m.group(2))])  # not "This is because this may ..."
    return split_or_keep(sentence, [m.group(1), f"This is because {m.group(2)}"])


LIST_ITEM = "\u2022 "  # starts a piece that is one bullet of the list the piece before it introduces
LIST_RULE = "list_to_bullets"  # the rule's name, which every piece it makes records
_LIST_LEAD = r"(?:include|includes|(?:may|can|might) include|notice|have|has|get)"  # not "are": "are higher for A, B" is no list


STEP_ITEM = "\u2023 "  # starts a piece that is one numbered step ("1) wash your hands, 2) remove ...")


def is_list_item(text: str) -> bool:
    """Tell whether a rewritten piece is a bullet or a step of a list (made by list_to_bullets)."""
    return text.startswith((LIST_ITEM, STEP_ITEM))


def is_step(text: str) -> bool:
    """Tell whether a rewritten piece is a numbered step."""
    return text.startswith(STEP_ITEM)


@rule("A sentence that lists five or more things (or, in a long sentence, several actions or conditions) is hard "
      "to scan; introduce the list and give each one a bullet.",
      cases=[("To change a dressing, follow these steps: 1) wash your hands for 20 seconds, 2) remove the old "
              "dressing, and 3) tape a new pad over the wound.",
              ["To change a dressing, follow these steps:", "\u2023 wash your hands for 20 seconds",
               "\u2023 remove the old dressing", "\u2023 tape a new pad over the wound"]),
             ("Do this: 1) rest, 3) drink water.", ["Do this: 1) rest, 3) drink water."]),
             ("If you have these signs, eat or drink 15 grams of fast sugar, such as 4 ounces of juice, and check "
              "again after 15 minutes.",
              ["If you have these signs, eat or drink 15 grams of fast sugar, such as 4 ounces of juice, and check "
               "again after 15 minutes."]),
             ("Stop taking it and call 911 right away if you notice swelling of the face, lips, or tongue, trouble "
              "breathing, or hives that spread quickly.",
              ["Stop taking it and call 911 right away if you notice swelling of the face, lips, or tongue, trouble "
               "breathing, or hives that spread quickly."]),
             ("Also call if the fever lasts more than 3 days, if your child has a rash, a stiff neck, or trouble "
              "breathing, or if your child is not drinking.",
              ["Also call if the fever lasts more than 3 days, if your child has a rash, a stiff neck, or trouble "
               "breathing, or if your child is not drinking."]),
             ("Call your doctor if you notice any of the following: bleeding gums, nosebleeds, pink urine, "
              "black stools, or bad bruises.",
              ["Call your doctor if you notice any of these:", "\u2022 bleeding gums", "\u2022 nosebleeds",
               "\u2022 pink urine", "\u2022 black stools", "\u2022 bad bruises"]),
             ("Common symptoms include nausea, vomiting, diarrhea, muscle aches, insomnia, and intense cravings.",
              ["Common symptoms include:", "\u2022 nausea", "\u2022 vomiting", "\u2022 diarrhea", "\u2022 muscle aches",
               "\u2022 insomnia", "\u2022 intense cravings"]),
             ("Call your doctor if you notice redness, swelling, warmth, pus, or a fever over 100.4°F.",
              ["Call your doctor if you notice any of these:", "\u2022 redness", "\u2022 swelling", "\u2022 warmth",
               "\u2022 pus", "\u2022 a fever over 100.4°F"]),
             ("Symptoms include nausea, cravings, mood swings, and irritability.",
              ["Symptoms include nausea, cravings, mood swings, and irritability."]),
             ("It may not include rice, beans, bread, pasta, or fruit.", ["It may not include rice, beans, bread, pasta, or fruit."]),
             ("You have fever, chills, cough, aches, or a sore throat.", ["You have fever, chills, cough, aches, or a sore throat."]),
             ("Side effects may include nausea, headache, rash, dizziness, or dry mouth.",
              ["Side effects may include:", "\u2022 nausea", "\u2022 headache", "\u2022 rash", "\u2022 dizziness",
               "\u2022 dry mouth"]),
             ("People who are over 65, pregnant, sick, very young, or weak should get the vaccine.",
              ["People who are over 65, pregnant, sick, very young, or weak should get the vaccine."]),
             ("Bring a pen, paper, a book, your glasses, and the long letter that the clinic sent to you last month.",
              ["Bring a pen, paper, a book, your glasses, and the long letter that the clinic sent to you last month."]),
             ("Your doctor may recommend that you eat a diet with less salt, get regular physical activity, "
              "keep a healthy weight or lose weight if you're overweight, and limit alcohol.",
              ["Your doctor may recommend that you:", "\u2022 eat a diet with less salt", "\u2022 get regular physical activity",
               "\u2022 keep a healthy weight or lose weight if you're overweight", "\u2022 limit alcohol"]),
             ("You should eat well, sleep, and rest.", ["You should eat well, sleep, and rest."]),
             ("Signs of an overdose include being unable to wake up, slow or shallow breathing or choking sounds "
              "from a person who cannot be woken up, and lips turning blue or purple.",
              ["Signs of an overdose include:", "\u2022 being unable to wake up",
               "\u2022 slow or shallow breathing or choking sounds from a person who cannot be woken up",
               "\u2022 lips turning blue or purple"]),
             ("If your reading is 180/120 or higher and you have chest pain, back pain, shortness of breath, "
              "changes in vision or trouble speaking, call 911 right away.",
              ["Call 911 right away if your reading is 180/120 or higher and you have any of these:", "\u2022 chest pain",
               "\u2022 back pain", "\u2022 shortness of breath", "\u2022 changes in vision", "\u2022 trouble speaking"]),
             ("If you have a cough, a cold and a fever, stay home.", ["If you have a cough, a cold and a fever, stay home."]),
             ("Contact your doctor straight away if you have thoughts of harming yourself, if you notice unusual "
              "bleeding or bruising, or if you develop a high temperature with muscle stiffness.",
              ["Contact your doctor straight away if you:", "\u2022 have thoughts of harming yourself",
               "\u2022 notice unusual bleeding or bruising", "\u2022 develop a high temperature with muscle stiffness"]),
             ("Get emergency help if your reliever inhaler does not help, or if you are too breathless to speak, eat or sleep.",
              ["Get emergency help if:", "\u2022 your reliever inhaler does not help",
               "\u2022 you are too breathless to speak, eat or sleep"]),
             ("Call us if it hurts, or if you feel sick.", ["Call us if it hurts, or if you feel sick."]),
             ("Get medical help right away if you are throwing up, your symptoms get worse, or your symptoms last "
              "longer than 1 hour.",
              ["Get medical help right away if any of these is true:", "\u2022 you are throwing up", "\u2022 your symptoms get worse",
               "\u2022 your symptoms last longer than 1 hour"]),
             ("Heavy sweating, cold and clammy skin, a fast and weak pulse, nausea or vomiting, muscle cramps, "
              "dizziness, headache, and fainting are all possible signs of heat exhaustion.",
              ["Possible signs of heat exhaustion include:", "\u2022 heavy sweating", "\u2022 cold and clammy skin",
               "\u2022 a fast and weak pulse", "\u2022 nausea or vomiting", "\u2022 muscle cramps", "\u2022 dizziness",
               "\u2022 headache", "\u2022 fainting"]),
             ("Call the doctor if your child is younger than 3 months and has a fever, has a fever that lasts more "
              "than 3 days, or seems very sleepy, is hard to wake up, or is not drinking enough.",
              ["Call the doctor if your child:", "\u2022 is younger than 3 months and has a fever",
               "\u2022 has a fever that lasts more than 3 days", "\u2022 seems very sleepy", "\u2022 is hard to wake up",
               "\u2022 is not drinking enough"]),
             ("Call the doctor if your child has a rash, has a cough and a fever, and is very tired or weak today.",
              ["Call the doctor if your child has a rash, has a cough and a fever, and is very tired or weak today."]),
             ("Common side effects include feeling sick, headaches, trouble sleeping, diarrhoea, dry mouth and feeling tired.",
              ["Common side effects include:", "\u2022 feeling sick", "\u2022 headaches", "\u2022 trouble sleeping",
               "\u2022 diarrhoea", "\u2022 dry mouth", "\u2022 feeling tired"]),
             ("You should not eat fish, drink milk, take iron, and lift weights on the same day as the test.",
              ["You should not eat fish, drink milk, take iron, and lift weights on the same day as the test."])],
      makes_list=True)
def list_to_bullets(sentence: str) -> list[str]:
    """Turn 'Lead-in include(s)/notice/have A, B, C, D(,) and/or E.' into 'Lead-in include:' and one bullet per item."""
    made = (_inline_steps(sentence) or _action_list(sentence) or _condition_list(sentence) or _if_you_list(sentence)
            or _if_clauses_list(sentence) or _subject_list(sentence))
    if made:
        return made if _keeps_every_word(sentence, made) else [sentence]
    sentence = re.sub(rf"\b({_LIST_LEAD}) (?:any of )?the following:\s+", r"\1 ", sentence)  # the bullets say "these"
    m = re.match(rf"^(.+? {_LIST_LEAD}) (.+?)\.$", sentence)
    if not m or len(m.group(1).split()) > 10 or re.search(r"\b(?:not|no|never)\b|n['’]t\b", m.group(1)):
        return [sentence]  # a negated lead-in ("may not include") reads wrongly above a list
    items = re.split(r",\s*", m.group(2))
    oxford = bool(re.match(r"^(?:and|or) ", items[-1]))
    items, joiner = _last_joined(items)
    if not joiner:
        return [sentence]
    # In a long sentence with the comma before its last 'and', the commas alone mark the items,
    # so an item may hold its own 'or' ("slow or shallow breathing"); short items need five or more.
    long_items = oxford and len(sentence.split()) > LONG and len(items) >= 3 and all(len(i.split()) <= 25 for i in items)
    if not long_items and (len(items) < 5 or any(len(i.split()) > 7 or re.search(r"\b(?:and|or)\b", i)
                                                 and i is not items[-1] for i in items)):
        return [sentence]
    if any(not i or _goes_on(i) or re.match(r"(?:and|or|such as|including|for example)\b", i) for i in items):
        return [sentence]  # "swelling of the face, lips, or tongue, ...": a list inside an item
    if re.match(r"If\b", m.group(1)) and any(words(i) and words(i)[0] in _verb_forms()[1] for i in items[1:]) \
            or not _is_action(items[0]) and any(_is_action(i) for i in items[1:]):
        # "If you have these signs, eat 15 grams of sugar, ...": the items are what to do; "Try to get 7 hours
        # of sleep, move your body, and cut back ...": a thing, then actions, under one lead-in.
        return [sentence]
    example = re.match(r"^(.+? such as) (.+)$", items[0])
    if example:
        # "may have withdrawal symptoms such as muscle aches, runny nose, ...": "such as" leads the whole list.
        m = re.match(r"^(.*)$", f"{m.group(1)} {example.group(1)}"), None
        lead_text, items = m[0].group(1), [example.group(2)] + items[1:]
        return [f"{lead_text}:"] + [LIST_ITEM + i for i in items]
    lead = m.group(1)
    if joiner == "or" and not lead.endswith(("include", "includes")):  # "may include A or B" lists maybes
        if not re.search(r"\b(?:if|when|whenever)\b.*\b(?:notice|have|has|get)$", lead):
            return [sentence]  # "you have A, B or C" outside a condition: bullets would lose the "or"
        lead += " any of these"  # "if you notice A, B or C": any one of them is reason enough
    return [f"{lead}:"] + [LIST_ITEM + i for i in items]


def _keeps_every_word(sentence: str, pieces: list[str]) -> bool:
    """Tell whether a list made from a sentence still says each of its words (a lost 'stiff neck' is a lost sign)."""
    said = {w for p in pieces for w in words(p)}
    return all(w in said for w in words(sentence) if w not in ("if", "and", "or", "the", "following", "any", "of", "are", "is", "all", "be"))


def _inline_steps(sentence: str) -> list[str]:
    """Turn 'To change it, do this: 1) wash ..., 2) remove ..., and 3) tape ...' into its lead-in and numbered steps."""
    m = re.match(r"^(.+?:)\s*(1\)\s+.+?)\.?$", sentence)
    if not m:
        return []
    parts = re.split(r"(?:^|,?\s+(?:and\s+|then\s+)?)(\d{1,2})\)\s+", m.group(2))
    numbers, items = parts[1::2], [p.strip().rstrip(",;") for p in parts[2::2]]
    if len(items) < 2 or numbers != [str(n) for n in range(1, len(items) + 1)] or any(len(i.split()) < 2 for i in items):
        return []  # the numbers must count the steps: "1) ... 3)" is no plain list of steps
    return [m.group(1)] + [STEP_ITEM + i for i in items]


def _is_action(item: str) -> bool:
    """Tell whether a list item is something to do ('move your body', 'cut back on salt'), not a thing ('dry mouth')."""
    ws = words(item)
    return len(ws) >= 2 and ws[0] in _verb_forms()[1] and ws[1] in (
        "your", "the", "a", "an", "back", "up", "down", "out", "on", "off", "more", "less", "some", "any", "it", "them",
        "with", "to")


def _action_list(sentence: str) -> list[str]:
    """Split a long 'You should A, B(,) and C.' (each item an action) into its lead-in and one bullet per action."""
    _, bases = _verb_forms()
    m = re.match(r"^(.+? (?:that you|you should|you can|you need to|try to|be sure to|it is best to))"
                 r" ((?:[^,]+, )+[^,]*?\b(?:and|or) [^,]+?)\.$", sentence)
    if not m or len(sentence.split()) <= LONG or re.search(r"\b(?:not|no|never)\b|n['’]t\b", m.group(1)):
        return []  # a short list reads well as it is; under a negation bullets would lose the "not"
    items, joiner = _last_joined(re.split(r",\s*", m.group(2)))
    if len(items) < 3 or any(not words(i) or words(i)[0] not in bases or len(i.split()) > 12 for i in items):
        return []  # every bullet must be an action of its own ("eat ...", "get ...")
    lead = m.group(1)
    if joiner == "or":
        lead += " do any of these"
    return [f"{lead}:"] + [LIST_ITEM + i for i in items]


def _last_joined(items: list[str]) -> tuple[list[str], str]:
    """Split the 'and'/'or' off a list's last item: [A, B, 'and C'] or [A, 'B or C'] -> ([A, B, C], joiner)."""
    last = items[-1]
    m = re.match(r"^(and|or) (.+)$", last)
    if m:
        return items[:-1] + [m.group(2)], m.group(1)
    parts = re.split(r" (and|or) ", last)
    if len(parts) != 3:
        return items, ""  # no joiner, or two of them: not a plain list
    return items[:-1] + [parts[0], parts[2]], parts[1]


def _if_you_list(sentence: str) -> list[str]:
    """Turn 'Call us if you A, if you B, or if you C.' into 'Call us if you:' and one bullet per condition."""
    m = re.match(r"^(.+? if) (.+?), ((?:if .+?, )*)or if (.+?)\.$", sentence)
    if not m or not m.group(3) and len(sentence.split()) <= LONG:
        return []  # two short conditions read well in one sentence
    items = [m.group(2)] + [x.strip(", ") for x in re.split(r"(?:^|,\s+)if\s+", m.group(3)) if x.strip(", ")] + [m.group(4)]
    if any(", " in i for i in items[:-1]) or not all(has_verb(i) for i in items):
        return []  # each bullet must be a whole condition ("your inhaler does not help")
    lead = m.group(1)
    if all(i.startswith("you ") for i in items):
        lead, items = f"{lead} you", [i[len("you "):] for i in items]
    return [f"{lead}:"] + [LIST_ITEM + i for i in items]  # any one of them is reason enough


def _if_clauses_list(sentence: str) -> list[str]:
    """Turn a long 'Get help if you are sick, it gets worse, or it lasts 1 hour.' into 'Get help if:' and bullets."""
    m = re.match(r"^([A-Z].+? if) ((?:[^,]+, )+)or ([^,]+?)\.$", sentence)
    if not m or len(sentence.split()) <= LONG or " if " in m.group(2):
        return []
    items = re.split(r",\s*", m.group(2).rstrip(", ")) + [m.group(3)]
    if any(re.match(r"and\b", i) for i in items):
        return []  # "A, B and C, or D": some conditions hold only together; bullets would part them
    # "A, B, or C, D, or E" are all alternatives: any one is reason enough, so each gets a bullet.
    items = [re.sub(r"^or\s+", "", i) for i in items]
    if len(items) < 3 or not all(has_verb(i) and len(i.split()) >= 3 for i in items):
        return []  # each bullet must be a whole condition, not a word of a list ("if you are hot, tired or ill")
    lead = m.group(1)
    finite, _ = _verb_forms()
    verb_first = [bool(words(i)) and (words(i)[0] in AUXILIARIES or words(i)[0] in finite) for i in items]
    first = items[0].split()
    k = next((n for n, w in enumerate(first[:4]) if w.lower() in AUXILIARIES or w.lower() in finite), 0)
    if k and re.search(r"\b(?:who|that|which|whose)\b", " ".join(first[:k]), re.I):
        return []  # "if someone who has mixed alcohol and a sedative cannot wake": where the subject ends is unclear
    if k and not verb_first[0] and all(verb_first[1:]):
        # "if your child is younger ..., has a fever ..., seems sleepy": the conditions share "your child".
        lead, items[0] = f"{lead} {' '.join(first[:k])}", " ".join(first[k:])
    elif not all(has_verb(i) and not verb_first[n] for n, i in enumerate(items)):
        return []  # a bullet without its subject would not say who
    else:
        lead += " any of these is true"  # "or": any one of them is reason enough, and the lead-in says so
    return [f"{lead}:"] + [LIST_ITEM + i for i in items]


_SIGNS = r"(?:signs|symptoms|causes|side effects|risk factors|warning signs)"


def _subject_list(sentence: str) -> list[str]:
    """Turn a long 'A, B, C(,) and D are (all) possible signs of X.' into 'Possible signs of X include:' and bullets."""
    m = re.match(rf"^((?:[^,]+, )+[^,]*?\b(?:and|or) [^,]+?) (are|can be|may be|might be) (?:all )?"
                 rf"((?:(?:possible|common|early|likely|serious) )?{_SIGNS}(?: of [^,]+)?)\.$", sentence)
    if not m or len(sentence.split()) <= LONG:
        return []
    items, joiner = _last_joined(re.split(r",\s*", m.group(1)))
    if not joiner or len(items) < 4 or any(len(i.split()) > 6 or _goes_on(i) for i in items):
        return []
    modal = {"are": "include"}.get(m.group(2), m.group(2).replace(" be", " include"))  # "may be" -> "may include"
    return [f"{cap(m.group(3))} {modal}:"] + [LIST_ITEM + uncap(i) for i in items]


def _condition_list(sentence: str) -> list[str]:
    """Turn a long 'If you have A, B, C or D, call 911.' into 'Call 911 if you have any of these:' and bullets."""
    _, bases = _verb_forms()
    m = re.match(r"^If (.+? (?:have|notice|get|feel|see)) ((?:[^,]+, )+[^,]+? (?:and|or) [^,]+?), ([a-z][^,]+)\.$", sentence)
    if not m or len(sentence.split()) <= LONG or words(m.group(3))[0] not in bases:
        return []  # only an instruction after the list ("call 911 ..."), so the bullets say when to do it
    items, joiner = _last_joined(re.split(r",\s*", m.group(2)))
    if joiner != "or" or len(items) < 4 or any(len(i.split()) > 5 or _goes_on(i) for i in items):
        return []  # "A, B and C" needs all of them: "any of these" would change it
    return [f"{cap(m.group(3))} if {m.group(1)} any of these:"] + [LIST_ITEM + i for i in items]


@rule("A list of many items in one sentence runs past 20 words; say it in two sentences of half the list each.",
      cases=[("Common symptoms include nausea, vomiting, diarrhea, muscle aches, insomnia, anxiety, depression, and intense cravings for the drug.",
              ["Common symptoms include nausea, vomiting, diarrhea and muscle aches.",
               "They also include insomnia, anxiety, depression, and intense cravings for the drug."]),
             ("Bring a pen, paper and a book.", ["Bring a pen, paper and a book."]),
             ("Symptoms can include pain when urinating, discharge from the penis, vagina, or anus, and, in women, "
              "bleeding between periods or after sex.",
              ["Symptoms can include pain when urinating, discharge from the penis, vagina, or anus, and, in women, "
               "bleeding between periods or after sex."])])
def split_long_list(sentence: str) -> list[str]:
    """Split a sentence listing six or more items after 'include' or 'are' into two."""
    m = re.match(r"^(.+? (include|includes|are|were|can be|may include))( .+?)([.!?])$", sentence)
    if not m or len(sentence.split()) <= 16:
        return [sentence]
    items = [i.strip() for i in re.split(r",\s*(?:and |or )?", m.group(3).strip())]
    if len(items) < 6 or any(len(i.split()) > 6 or i in ("and", "or", "") for i in items) \
            or len(re.findall(r",\s*(?:and|or)\b", m.group(3))) > 1:
        return [sentence]  # "discharge from the penis, vagina, or anus, and, in women, bleeding": lists in a list
    conj = "or" if re.search(r",\s*or ", m.group(3)) else "and"
    half = (len(items) + 1) // 2
    verb = {"includes": "include", "include": "include", "may include": "may include"}.get(m.group(2), m.group(2))
    pronoun = "They" if verb != "is" else "It"
    first = f"{m.group(1)} {', '.join(items[:half - 1])} {conj} {items[half - 1]}"
    rest = items[half:]
    second = f"{pronoun} also {verb} {', '.join(rest[:-1])}, {conj} {rest[-1]}"
    return split_or_keep(sentence, [first, second])


@rule("A long sentence that ends 'by doing X' or 'through X' says what and how at once; say how in its own sentence.",
      cases=[("If it acts as an antagonist, it might help reduce cravings and withdrawal effects by interfering with the brain's reward system.",
              ["If it acts as an antagonist, it might help reduce cravings and withdrawal effects.",
               "This might work by interfering with the brain's reward system."]),
             ("If kratom does enhance dopamine levels, it could provide a natural means to alleviate withdrawal pains through increased pleasurable sensations.",
              ["If kratom does enhance dopamine levels, it could provide a natural means to alleviate withdrawal pains.",
               "This could work through increased pleasurable sensations."]),
             ("Many people who start to use heroin after an injury have to struggle through withdrawal alone.",
              ["Many people who start to use heroin after an injury have to struggle through withdrawal alone."]),
             ("It helps by blocking receptors.", ["It helps by blocking receptors."]),
             ("The CDC now recommends hepatitis B vaccination for all adults aged 19 through 59 years of age.",
              ["The CDC now recommends hepatitis B vaccination for all adults aged 19 through 59 years of age."]),
             ("Many of our members have tapered by lowering their dose by about 10 to 25 percent every 1 to 2 weeks.",
              ["Many of our members have tapered by lowering their dose by about 10 to 25 percent every 1 to 2 weeks."]),
             ("Descovy is not approved for people assigned female at birth who could get HIV through vaginal sex.",
              ["Descovy is not approved for people assigned female at birth who could get HIV through vaginal sex."]),
             ("Naloxone nasal spray (4 mg) is given by inserting the nozzle into one nostril and pressing the plunger.",
              ["Naloxone nasal spray (4 mg) is given by inserting the nozzle into one nostril and pressing the plunger."])])
def split_long_by_means(sentence: str) -> list[str]:
    """Split 'A by doing B' / 'A through B' into 'A.' and 'This works by doing B.' in a sentence of 18+ words."""
    m = re.match(r"^(.+?) by ([a-z]+ing\b.+)$", sentence) or re.match(
        r"^(.+?\b(?!(?:go|goes|going|went|gone|get|gets|getting|struggle|struggling|live|living|pass|passing|"
        r"come|coming|been|be|is|are|through)\b)[\w-]+) (through (?:[\w-]+ ){0,4}[\w-]+[.!?])$", sentence)
    if not m or len(sentence.split()) < SPLIT_FROM:
        return [sentence]
    if re.search(r"\b(?:is|are|was|were|be|been|being)(?: \w+ly)? \w+$", m.group(1)):
        return [sentence]  # "is given by pressing ...": the 'by' says how it is given; "This works by" would not
    if re.search(r"\b(?:get|gets|getting|got|catch|catching|spread|spreads|passed|pass|passes|transmitted|infected|"
                 r"exposed|lower|lowers|lowering|reduce|reduces|reducing|risk|chance)\b(?: [\w-]+){0,3}$", m.group(1)):
        return [sentence]  # "could get HIV through vaginal sex": how it spreads, not how something works
    modal = _first_modal(m.group(1))
    effect = re.search(r"\b(?:reverse|reverses|help|helps|ease|eases|relieve|relieves|block|blocks|treat|treats|"
                       r"prevent|prevents|work|works|act|acts)\b", m.group(1))
    if not modal and not effect or m.group(2).startswith("through ") and (not modal or re.match(r"through \d", m.group(2))):
        # "Members have tapered by lowering their dose" tells how they did it, not that it works; "breathe
        # out through your mouth" and "aged 19 through 59" are a way and a range, not how something works.
        return [sentence]
    how = m.group(2) if m.group(2).startswith("through ") else f"by {m.group(2)}"
    return split_or_keep(sentence, [m.group(1), f"This {modal + ' work' if modal else 'works'} {how}"])


def _goes_on(item: str) -> bool:
    """Tell whether a list item carries on the sentence ('weak should get the vaccine'), not just names a thing."""
    ws = words(item)
    clause = next((i for i, w in enumerate(ws) if w in ("that", "who", "which")), len(ws))
    return any(w in AUXILIARIES for w in ws[:clause])  # "pain that gets worse" only describes the thing


@rule("'X, depending on Y' puts a condition at the end of a long sentence; say it in its own sentence.",
      cases=[("These symptoms vary in intensity depending on factors like the duration and severity of use.",
              ["These symptoms vary in intensity.", "This depends on factors like the duration and severity of use."]),
             ("Doses vary depending on weight.", ["Doses vary depending on weight."]),
             ("Depending on the dose, it may help some people who have trouble sleeping.",
              ["Depending on the dose, it may help some people who have trouble sleeping."])])
def split_depending_on(sentence: str) -> list[str]:
    """Split 'A depending on B' (A a whole clause) into 'A.' and 'This depends on B.' in a sentence of 12+ words."""
    m = re.match(r"^(.+?),? depending on (.+)$", sentence)
    if not m or len(sentence.split()) < 12:
        return [sentence]
    return split_or_keep(sentence, [m.group(1), f"This depends on {m.group(2)}"])


@rule("'X is needed to do A and do B' in over 20 words asks for two things; ask for each in its own sentence.",
      cases=[("Further research is needed to clarify these mechanisms and determine optimal dosages for safe and effective use in managing withdrawal symptoms.",
              ["Further research is needed to clarify these mechanisms.",
               "Further research is also needed to determine optimal dosages for safe and effective use in managing withdrawal symptoms."]),
             ("More research is needed to clarify this and determine doses.", ["More research is needed to clarify this and determine doses."])])
def split_long_purposes(sentence: str) -> list[str]:
    """Split 'S is needed to A and B' (B a verb) into two sentences when it is over 20 words."""
    m = re.match(r"^(.+?) (is|are) (needed|required|used|important) to (.+?) and ([a-z]+) (.+)$", sentence)
    if not m or len(sentence.split()) <= LONG or m.group(5) not in _verb_forms()[1]:
        return [sentence]
    return split_or_keep(sentence, [f"{m.group(1)} {m.group(2)} {m.group(3)} to {m.group(4)}",
                                    f"{m.group(1)} {m.group(2)} also {m.group(3)} to {m.group(5)} {m.group(6)}"])


_BOILERPLATE = [
    r"^In this (?:(?:complete|ultimate|short|quick|full) )?(?:article|post|guide|blog|piece|page|leaflet|section)"
    r"(?: (?:to|on|about) [^,]{1,60})?,? (?:we|you will|you'll|i)\b",
    r"^(?:This|The following) (?:article|post|guide|blog) (?:will )?(?:explores?|discuss(?:es)?|covers?|looks? at)\b",
    r"^Understanding\b[^.]*?\b(?:is|are) (?:crucial|vital|key|important|essential|critical)\b",
    r"^Understanding\b[^.]*\b(?:can|will) (?:provide|offer|give)\b[^.]*\binsights?\b",
    r"^(?:Read on|Keep reading|Let'?s (?:explore|dive|take a (?:closer )?look))\b",
]


@rule("Lines about the article itself ('In this article, we explore ...', 'Understanding X is crucial') say nothing about health.",
      cases=[("In this article, we explore the science behind kratom.", []),
             ("Understanding how kratom works is vital to judging it.", []),
             ("Understanding how kratom might help can provide valuable insights for readers.", []),
             ("In this complete guide to ashwagandha and cortisol, we break down what the science says.", []),
             ("Kratom is a plant.", ["Kratom is a plant."]),
             ("Understanding your rights helps you ask for care.", ["Understanding your rights helps you ask for care."])],
      removes_filler=True)
def drop_boilerplate(sentence: str) -> list[str]:
    """Drop sentences about the article rather than the health topic."""
    return [] if any(re.match(p, sentence, re.I) for p in _BOILERPLATE) else [sentence]


_PROMOTION = [
    # "This offers a promising avenue / new hope for ...": a sales line, not a health claim.
    r"^(?:This|That|It|These|They)\b(?: \w+)? (?:offers?|brings?|gives?|provides?|holds?|opens?)\b[^.]*?"
    r"\b(?:hope|promise|promising (?:avenue|path|option)s?|brighter future|fresh start|new paths?)\b",
    r"^(?:This|That|It|These|They)\b[^.]*\b(?:regain|take back|get back) control (?:over|of) (?:their|your|his|her) lives\b",
    # "X may be the natural answer that millions of people are searching for.": a sales line.
    r"^[^.]*\bthe (?:\w+ )?answer (?:that )?(?:millions of |so many |many )?(?:people|you) (?:are|have been) (?:searching|looking) for\b",
    # "Its effect on dopamine is a key consideration.": says a thing matters, not what it does.
    r"^[^,;]{1,60}\b(?:is|are|remains?) (?:an? |the )?(?:key|important|central|crucial|vital|major|main) "
    r"(?:consideration|point|factor|question|issue|topic|aspect)s?\.?$",
]


@rule("Sales lines ('This offers hope ...', 'X is a key consideration') make no health claim; what they name is said elsewhere.",
      cases=[("This offers a promising avenue for those seeking to break free from addiction.", []),
             ("This could provide individuals with effective tools to regain control over their lives.", []),
             ("Kratom's effect on dopamine is a key consideration.", []),
             ("Ashwagandha may be the natural answer that millions of people are searching for.", []),
             ("This offers relief from pain for a few hours.", ["This offers relief from pain for a few hours."]),
             ("Sleep is a key factor in recovery.", ["Sleep is a key factor in recovery."]),
             ("Naloxone gives people a second chance to get help.", ["Naloxone gives people a second chance to get help."])],
      removes_filler=True)
def drop_promotion(sentence: str) -> list[str]:
    """Drop a sentence that only promotes or says something matters, with no claim of its own."""
    return [] if any(re.match(p, sentence) for p in _PROMOTION) else [sentence]


# Acronyms that are also words: kept in capitals when a shouted run is put in sentence case.
_ACRONYMS = {"aids", "er", "icu", "iv", "otc", "fda", "cdc", "who", "hiv", "copd", "adhd", "ptsd", "ssri", "nsaid",
             "bmi", "apap", "ace", "uk", "nhs", "ems", "cpr", "ct", "mri", "ekg", "ecg", "std", "sti", "uti"}


_SYMBOLS = re.compile(r"\s*[\u2600-\u27bf\U0001f000-\U0001faff\u2b00-\u2bff\ufe0f]+")  # emoji, ticks, boxes, dingbats


@rule("Arrows, ticks, boxes and emoji have no words: a reader may not know them, a screen reader names them "
      "oddly and the print font has none; say arrows as 'to' and leave the rest out.",
      cases=[("Take it → then rest ✓ 💊.", ["Take it to then rest."]), ("Fever 38 → 39 °C.", ["Fever 38 to 39 °C."]),
             ("☐ Bring your card.", ["Bring your card."]), ("Take ½ a tablet if ≥ 38 °C.", ["Take ½ a tablet if ≥ 38 °C."])])
def symbols_to_words(sentence: str) -> str:
    """Say arrows as 'to' and drop emoji, tick marks and check boxes."""
    text = re.sub(r"\s*[\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f]+\s*", " to ", sentence)
    text = _SYMBOLS.sub("", text).strip()
    return re.sub(r"\s+([.,;:!?])", r"\1", text) if text != sentence else sentence


@rule("Words in capitals read as shouting and are harder to read (clear print: no blocks of capitals); "
      "write them in sentence case.",
      cases=[("WARNING: DO NOT TAKE MORE THAN 4,000 MG OF ACETAMINOPHEN IN 24 HOURS.",
              ["Warning: do not take more than 4,000 mg of acetaminophen in 24 hours."]),
             ("DON'T drink alcohol.", ["Don't drink alcohol."]),
             ("Call RIGHT AWAY, EVEN IF YOU FEEL FINE.", ["Call right away, even if you feel fine."]),
             ("Ask about HIV, COPD and the FDA.", ["Ask about HIV, COPD and the FDA."]),
             ("People with AIDS and I need care.", ["People with AIDS and I need care."]),
             ("Do NOT take it before a CAT scan.", ["Do not take it before a CAT scan."]),
             ("Call 1-800-QUIT-NOW TODAY.", ["Call 1-800-QUIT-NOW today."]),
             ("DO NOT DRIVE IF YOUR BLOOD SUGAR IS BELOW 70 MG/DL.", ["Do not drive if your blood sugar is below 70 mg/dL."]),
             ("Use the letters in BE FAST to remember the signs of a stroke:",
              ["Use the letters in BE FAST to remember the signs of a stroke:"]),
             ("Call RIGHT AWAY.", ["Call right away."]),
             ("WHAT IS KAVA?", ["What is KAVA?"]), ("TREATMENT", ["Treatment"]),
             ("CALL US RIGHT AWAY IF", ["Call us right away if"])])
def use_sentence_case(sentence: str) -> str:
    """Lower-case shouted words (capitals that are everyday words, not acronyms), keeping the first capital."""
    caps = list(re.finditer(r"\b[A-Z][A-Z'’]*[A-Z]\b(?:['’][A-Z]+)?|\b[A-Z]\b", sentence))
    whole_line = not re.search(r"[a-z]", sentence) and len(caps) > 0  # "WHAT IS KAVA?", "TREATMENT": all shouted
    runs = _caps_runs(sentence, caps)
    out, last = [], 0
    for n, m in enumerate(caps):
        word = m.group(0)
        base = word.lower().replace("’", "'")
        # A capital word on its own may be an acronym ("CAT scan"); next to another one it is shouting.
        gap_before = n and re.fullmatch(_GAP, sentence[caps[n - 1].end():m.start()])
        gap_after = n + 1 < len(caps) and re.fullmatch(_GAP, sentence[m.end():caps[n + 1].start()])
        shouted = gap_before or gap_after or base in _EMPHASIS
        if not whole_line and runs.get(n) == 2 and not any(
                caps[k].group(0).lower() in _EMPHASIS | _URGENT for k in range(n - 1, n + 2) if 0 <= k < len(caps)
                and runs.get(k) == 2):
            continue  # "the letters in BE FAST": two capital words in a written sentence name something
        if whole_line:
            shouted = True
        if re.search(r"\d-[\w-]*$", sentence[:m.start()]) or re.match(r"-\d", sentence[m.end():]):
            continue  # "1-800-QUIT-NOW" is a number to dial, spelled as it is printed
        if shouted and len(word) > 1 and base not in _ACRONYMS and base.split("'")[0] in _dictionary():
            out += [sentence[last:m.start()], word.lower()]
            last = m.end()
    if not out:
        return sentence
    text = "".join(out) + sentence[last:]
    text = re.sub(r"(?i)\bmg/dl\b", "mg/dL", re.sub(r"(?i)\bmmol/l\b", "mmol/L", text))  # units keep their case
    return text[:1].upper() + text[1:]


_GAP = r"[\s,:;!.\d-]*"  # what may stand between two shouted words ("IN 24 HOURS")
_URGENT = {"right", "away", "immediately", "today", "first", "seek", "get", "go", "even", "if"}  # "Call RIGHT AWAY"


def _caps_runs(sentence: str, caps: list) -> dict[int, int]:
    """Map each capital word to the length of the run of capital words it belongs to (joined by spaces only)."""
    sizes, start = {}, 0
    for n in range(1, len(caps) + 1):
        if n == len(caps) or not re.fullmatch(r" ", sentence[caps[n - 1].end():caps[n].start()]):
            for k in range(start, n):
                sizes[k] = n - start
            start = n
    return sizes
_EMPHASIS = {"not", "no", "never", "always", "only", "do", "don't", "must", "stop", "now", "all", "any", "before",
             "after", "every", "call", "important", "warning", "caution", "danger"}


@rule("Health words have everyday equivalents (hand-checked lexicon, incl. person-first language).",
      cases=[("Individuals may experience insomnia.", ["People may have trouble sleeping."]),
             ("He is an addict.", ["He is a person with a substance use disorder."]),
             ("Prior to cessation, utilize the dosage.", ["Before stopping, use the dose."])])
def use_everyday_words(sentence: str) -> str:
    """Swap words and phrases for their plain equivalents from the lexicon."""
    return apply_swaps(sentence)


_CONNECTIVES = [(r"(?:However|Nevertheless|Nonetheless|Still|That said),\s+", "But "),
                (r"(?:Therefore|Thus|Hence|Consequently|As a result),\s+", "So "),
                (r"(?:In addition|Additionally|Furthermore|Moreover|What is more),\s+", "Also, ")]


@rule("'However', 'Therefore' and 'Furthermore' open a sentence in formal writing; 'But', 'So' and 'Also' say the same plainly.",
      cases=[("However, it is not safe for children.", ["But it is not safe for children."]),
             ("It is, however, safe for adults.", ["It is, however, safe for adults."]),
             ("Therefore, ask your doctor first.", ["So ask your doctor first."]),
             ("Furthermore, drink water.", ["Also, drink water."]),
             ("However you take it, take it with food.", ["However you take it, take it with food."])])
def use_plain_connectives(sentence: str) -> str:
    """Swap a formal connective that opens a sentence for 'But', 'So' or 'Also'."""
    for formal, plain in _CONNECTIVES:
        m = re.match(formal + r"(.+)$", sentence)
        if m:
            rest = m.group(1)
            if plain != "Also, " and not re.match(r"[A-Z]{2}|I\b", rest):
                rest = rest[0].lower() + rest[1:]  # "But it is ..." ("But I", "But HIV" keep their capital)
            return plain + rest
    return sentence


@rule("Address the reader as 'you' where the source tells readers what to do.",
      cases=[("Patients should take it with food.", ["You should take it with food."]),
             ("One must not drive.", ["You must not drive."]),
             ("Doctors should check the dose.", ["Doctors should check the dose."]),
             ("Patients should not use creams unless their doctor says so.",
              ["You should not use creams unless your doctor says so."]),
             ("Patients should take their medicine with their meals.", ["You should take your medicine with your meals."]),
             ("Doctors should not assume it, and patients should not stop their medicines.",
              ["Doctors should not assume it, and patients should not stop their medicines."])])
def use_you(sentence: str) -> str:
    """Turn 'patients should' and 'one must' into 'you should', 'you must' (and their 'their' into 'your')."""
    # Only as the subject of the whole sentence: in "Doctors should not assume X, and patients should not
    # stop their medicines" the sentence speaks about two groups, and "you" would mix them up.
    m = re.match(r"^((?:But |So |Also )?)(?:patients|readers|one|the patient|the reader|individuals)\s+"
                 r"(should|must|need to|can ask|may want to)\b(.*)$", sentence, flags=re.I)
    if not m:
        return sentence
    rest = re.sub(r"\b(?:their|his or her|his/her)\b", "your", m.group(3))  # the patients' own is now the reader's
    you = "you" if m.group(1) else "You"
    return f"{m.group(1)}{you} {m.group(2)}{rest}"


_RANGE = re.compile(r"(?<![\w.\-–—/])(\d+(?:\.\d+)?)\s*[-–—]\s*(\d+(?:\.\d+)?)(?![\w.]*[\-–—/](?:\d|[A-Z]{2}))")


@rule("A range written '6-24 hours' reads as a minus sign or a code; '6 to 24 hours' reads the way it is said.",
      cases=[("Symptoms start within 6-24 hours.", ["Symptoms start within 6 to 24 hours."]),
             ("Take 2–3 tablets a day.", ["Take 2 to 3 tablets a day."]),
             ("Call 1-800-662-4357 or 555-123-4567.", ["Call 1-800-662-4357 or 555-123-4567."]),
             ("Call the quitline at 1-800-QUIT-NOW.", ["Call the quitline at 1-800-QUIT-NOW."]),
             ("Call the nurse at 555-0142 or (617) 555-0199.", ["Call the nurse at 555-0142 or (617) 555-0199."]),
             ("COVID-19 spread in 2020.", ["COVID-19 spread in 2020."])])
def say_ranges_with_to(sentence: str) -> str:
    """Write numeric ranges with 'to' (phone numbers and codes are left alone)."""
    # "555-0142" is a phone number (three digits, then four), not a range.
    return _RANGE.sub(lambda m: m.group(0) if re.fullmatch(r"\d{3}[-–]\d{4}", m.group(0)) else f"{m.group(1)} to {m.group(2)}",
                      sentence)


@rule("Swaps can leave 'a upset stomach', double spaces or a lower-case start; tidy them.",
      cases=[("a upset stomach  is common .", ["An upset stomach is common."]),
             ("It may cause an sudden pain.", ["It may cause a sudden pain."]),
             ("Eat within an 8-hour window, not a 1-hour one; an 11-year-old may too.",
              ["Eat within an 8-hour window, not a 1-hour one; an 11-year-old may too."]),
             ("You need a HIV test and an UTI check.", ["You need an HIV test and a UTI check."]),
             ("Get vaccinated against hepatitis A and B; vitamin A is in carrots.",
              ["Get vaccinated against hepatitis A and B; vitamin A is in carrots."])])
def tidy(sentence: str) -> str:
    """Fix articles, spacing and the first capital (a bullet item keeps its own case and no full stop)."""
    s = " ".join(sentence.split())
    if is_step(sentence):  # a step is a whole instruction: "Wash your hands ... ."
        return STEP_ITEM + end(re.sub(r"\b([Aa])n? ([\w-]+)", _article, s[len(STEP_ITEM.strip()):].strip()))
    if is_list_item(sentence):
        return LIST_ITEM + re.sub(r"\b([Aa])n? ([\w-]+)", _article, s[len(LIST_ITEM.strip()):].strip())
    s = re.sub(r"\s+([.,;:!?])", r"\1", s)
    s = re.sub(r"\b([Aa])n? ([\w-]+)", _article, s)
    return end(s)


def _article(m: re.Match) -> str:
    word = m.group(2)
    if m.group(1) == "A" and (word.lower() in ("and", "or", "to", "through", "nor")
                              or re.search(r"\b(?:hepatitis|vitamin|type|plan|group|grade|class|part|option|step|"
                                           r"category|section|list|blood|zone|strep)\s+$", m.string[:m.start()], re.I)):
        return m.group(0)  # "hepatitis A and B", "vitamin A": a letter that names something, not the article
    vowel = bool(re.match(r"[aeiou]", word, re.I)) and not re.match(r"(?:u[bcfhjkqrstn][aeiou]|uni|eu|one|use)", word, re.I)
    vowel = vowel or bool(re.match(r"(?:hour|honest|honor)", word, re.I))
    if re.fullmatch(r"[A-Z]{2,5}s?", word) and word.lower() not in ("aids",):
        vowel = word[0] in "AEFHILMNORSX"  # said letter by letter: "an HIV test", "an MRI", "a UTI"
    # Numbers are said: "an 8-hour window", "an 11-year-old", "an 18 mg dose", but "a 1-hour wait".
    vowel = vowel or bool(re.match(r"(?:8|1[18](?:\D|$)|1[18],?\d{3}(?:\D|$))", word))
    article = "an" if vowel else "a"
    return (cap(article) if m.group(1).isupper() else article) + " " + word


def rule_named(name: str) -> Rule:
    """Return the rule with this name."""
    return next(r for r in RULES if r.name == name)
