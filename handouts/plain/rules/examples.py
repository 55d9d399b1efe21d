"""The example rules: 'e.g.' said as 'such as', and examples in a 'such as' aside or a 'like' list given a sentence of their own."""

from __future__ import annotations


from handouts.language import rx
from handouts.language.parse import parse
from handouts.language.grammar import ADVERBS, AUXILIARIES, PEOPLE, has_verb, is_plural, verb_forms, words
from handouts.plain.rules.base import SPLIT_FROM, cap, rule, split_or_keep


@rule("'e.g.' before the list of examples that ends a sentence is Latin; 'such as' says the same in everyday words.",
      cases=[("Wait until you feel withdrawal symptoms, e.g., yawning, goosebumps, a runny nose, or aching muscles.",
              ["Wait until you feel withdrawal symptoms, such as yawning, goosebumps, a runny nose, or aching muscles."]),
             ("Some drugs, e.g. heroin, act fast.", ["Some drugs, e.g. heroin, act fast."]),
             ("Children may receive e.g. nitazoxanide 100 mg at 1 to 3 years and 200 mg at 4 to 11 years.",
              ["Children may receive e.g. nitazoxanide 100 mg at 1 to 3 years and 200 mg at 4 to 11 years."]),
             ("Behavioral approaches, e.g., regular sleep times and less caffeine, are usually advised.",
              ["Behavioral approaches, such as regular sleep times and less caffeine, are usually advised."])])
def examples_as_such_as(sentence: str) -> str:
    """Say ', e.g., A, B, or C.' (a list that ends the sentence) as ', such as A, B, or C.'"""
    # (after a comma or in brackets: "may receive e.g. nitazoxanide 100 mg" has no noun the examples could be of)
    said = rx.sub(r"(?:, \(?| \()(?:e\.g\.|for example|for instance),? (?=[^,.()]+(?:, [^,.()]+)*,? (?:or|and) [^,.()]+[.!?]$)",
                  ", such as ", sentence)
    # "Behavioral approaches, e.g., CBT-I, regular sleep times, and less caffeine, are advised": mid-sentence too.
    return rx.sub(r"(?<=\w), e\.g\.,? (?=[^.]+?, (?:are|is|may|can|should|have|has)\b)", ", such as ", said)


_SOME = ("some", "certain", "several", "other", "many", "few")  # words that pick out some of a kind


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
              ["Some antibiotics can raise your INR.", "These antibiotics include metronidazole and ciprofloxacin."]),
             ("Direct-acting antivirals (DAAs), such as Epclusa or Mavyret, usually last 8 to 12 weeks.",
              ["Direct-acting antivirals (DAAs) usually last 8 to 12 weeks.",
               "These direct-acting antivirals (DAAs) include Epclusa and Mavyret."]),
             ("Antibiotics, such as flucloxacillin or co-amoxiclav, may be given if there is spreading infection.",
              ["Antibiotics may be given if there is spreading infection.",
               "These antibiotics include flucloxacillin and co-amoxiclav."]),
             ("Studies have not shown that sleeping pills, such as zolpidem or diphenhydramine, lower blood pressure.",
              ["Sleeping pills include zolpidem and diphenhydramine.",
               "Studies have not shown that sleeping pills lower blood pressure."]),
             ("Behavioral approaches, such as therapy, regular sleep and wake times, and less caffeine, are advised.",
              ["Behavioral approaches are advised.",
               "These behavioral approaches include therapy, regular sleep and wake times, and less caffeine."]),
             ("It may harm your heart and kidneys over many years, such as heart disease, stroke or kidney failure.",
              ["It may harm your heart and kidneys over many years, such as heart disease, stroke or kidney failure."]),
             ("Medicines that thin the blood, such as warfarin or apixaban, may increase bleeding after the procedure.",
              ["Medicines that thin the blood, such as warfarin or apixaban, may increase bleeding after the procedure."]),
             ("Foods made with raw eggs, such as homemade mayonnaise or mousse, can carry salmonella.",
              ["Foods made with raw eggs, such as homemade mayonnaise or mousse, can carry salmonella."]),
             ("A GP may offer stronger treatments, such as freezing, or in some cases refer you to a specialist, who may "
              "offer surgery.",
              ["A GP may offer stronger treatments, such as freezing, or in some cases refer you to a specialist, who may "
               "offer surgery."])])


def split_such_as(sentence: str) -> list[str]:
    """Move a mid-sentence 'such as' list into a sentence of its own (a closing one too, in a long sentence)."""
    finite, bases = verb_forms()
    # The list ends where the sentence goes on with its verb ("approaches, such as A, B and C, and D, are
    # advised"): try each comma after "such as" and take the first after which a verb comes.
    head = rx.match(r"^(.+?), such as (.+)$", sentence)
    m = None
    if head:
        cut = [c.start() for c in rx.finditer(r", ", head.group(2))]
        for c in cut:
            examples, rest = head.group(2)[:c], head.group(2)[c + 2:]
            first_word = (words(rest) or [""])[0]
            verb_on = rx.search(r"(?:^|, )(?:and|or) (?:(?:in some cases|sometimes|often|may|might|can|also|then) )*(\w+) "
                                r"(?:you|them|him|her|it|your|their)\b", examples)
            if rx.search(r"(?:^|, )(?:and|or|but) (?:they|it|you|we|this|these)\b", examples) \
                    or verb_on and verb_on.group(1).lower() in finite | bases \
                    or _step_begins(sentence, head.start(2), examples):
                # ("stronger treatments, such as freezing with liquid nitrogen, or in some cases refer you to a
                # specialist ...": the sentence's verb goes on, "or ... refer you"; the examples ended before it)
                # "such as nitazenes, and they do not detect ...", "a low-fibre diet, such as rice and fish, and
                # avoid seeds ...": the examples ended where a clause began
                break
            if first_word in ("which", "who", "whose") and rx.search(r"(?:^|, )(?:and|or) ", examples):
                # ("serious complications, such as ear infections, ..., and death, which in the U.S. occurs in 1 to 3 of
                # every 1,000 children": the clause may be the last example's; said of the complications, the death
                # rate became theirs)
                return [sentence]
            if first_word in finite | bases | AUXILIARIES | ADVERBS or first_word in ("which", "who"):
                if rx.search(r"(?:^|, )(?:and|or) |\b(?:and|or) [^,]+$", examples) or "," not in examples:
                    m = (head.group(1), examples, rest)
                break
    if not m or not has_verb(m[2]):
        return _split_closing_such_as(sentence)  # ", such as A, B or C." ends the sentence: no verb follows
    if rx.match(r"(?:an?)\s", m[1]) and not rx.search(r",|\band\b", m[1]) and not is_plural(words(m[0])[-1] if words(m[0]) else ""):
        # "Even brief exposure, such as a visit to a pet shop or aviary, has been linked to cases": an example of a
        # time it happened, no member of a kind ("Brief exposure includes a visit to a pet shop and aviary"); "mild
        # side effects, such as a sore arm or aches" are members of the kind its plural names
        return [sentence]
    if rx.match(r"(?:those|people|anyone|someone|patients|children|adults|women|men)\b", m[1]):
        # "People with weakened immune systems, such as those with HIV ...": the examples are people, and "Weakened
        # immune systems include those with HIV" had been made of it
        return [sentence]
    if _inside_a_modifier(sentence, len(m[0])):
        return [sentence]
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
    if noun and any(("(" in w or ")" in w) and not rx.fullmatch(r"\([A-Z]{2,6}s?\)", w) for w in noun):
        # "A macrogol laxative (polyethylene glycol 3350), such as ...": "(polyethylene ...) includes" is none; "Movement
        # side effects (extrapyramidal disorders), such as ...": the name's words before its bracket are out of reach (an
        # abbreviation's bracket is the name's own: "Direct-acting antivirals (DAAs)")
        return [sentence]
    plural = bool(noun) and rx.sub(r"\W+$", "", noun[-1]).endswith("s")
    if not noun or len(before) > len(noun) and (before[-len(noun) - 1].lower() in ("of", "and", "or")
                                                or before[-len(noun) - 1].lower() in (
                                                    "to", "with", "from", "against", "after", "on", "in", "by", "for",
                                                    "before", "during", "since", "without", "within", "between",
                                                    "into", "through", "under", "over", "at", "about")
                                                and not plural
                                                or before[-len(noun) - 1].endswith(",")):
        # "Small amounts of alcohol, such as one drink": examples of the amount, not of alcohol; "a serious
        # reaction to penicillin, such as swelling": of the reaction, not of penicillin ("treatment with
        # antivirals, such as A or B": a kind of many, the examples are of it); "the measles, mumps and
        # rubella (MMR) vaccine, such as ...": the name goes on before the words taken.
        return [sentence]
    # ("an 'aura' before the headache, such as flashing lights": after a preposition and "the", the examples are of
    # the thing before it, the aura; "Headache includes flashing lights" had been made of it)
    if len(before) > len(noun) + 1 and before[-len(noun) - 1].lower() in ("the", "this", "that", "your", "their",
                                                                           "its", "his", "her", "our") \
            and before[-len(noun) - 2].lower() in ("to", "with", "from", "against", "after", "on", "in", "by", "for", "before",
                                                   "during", "since", "without", "within", "between", "into", "through",
                                                   "under", "over", "at", "about", "of", "like"):
        return [sentence]
    verb = "include" if rx.sub(r"\W+$", "", noun[-1]).endswith("s") else "includes"  # "antivirals (DAAs) include"
    quantified = before[-len(noun) - 1].lower() if len(before) > len(noun) else ""
    if len(noun) > 1 and noun[0].lower() in _SOME:
        quantified, noun = noun[0].lower(), noun[1:]  # ("Other antibiotics, such as ...": "other" is no part of the name)
    if plural and quantified not in _SOME and _described_before(sentence, len(m[0]), len(noun)):
        # "some commonly used antibiotics, such as amoxicillin, do not work": the examples are of the ones the
        # words before the noun pick out ("Antibiotics include amoxicillin" lost that they are ones that fail)
        quantified = "some"
    if len(before) == len(noun) + bool(quantified) and plural and quantified in ("", "other"):
        # "Antibiotics, such as A or B, may be given if ...": the examples are of the ones the sentence is about, as
        # "These antibiotics include A and B" after it says ("Antibiotics include A and B" said it of all of them)
        quantified = "some"
    if quantified in ("a", "an"):
        # "a contrast agent, such as A or B": examples of the kind ("Contrast agents include A and B"), not
        # parts of one ("Contrast agent includes A and B" reads as both in it); no plural known, no split.
        plural = _plural_of(noun[-1])
        if plural is None:
            return [sentence]
        noun, verb = noun[:-1] + [plural], "include"
    if quantified in _SOME:
        # "Some antibiotics, such as A and B, can raise your INR": "Antibiotics include A and B" would be a
        # general fact; "These antibiotics include A and B" says they are the ones meant (a bare "These" could
        # point at another thing the sentence names: "these instructions").
        noun, verb = ["These"] + [w.lower() if i == 0 and w[:1].isupper() and w[1:].islower() else w
                                  for i, w in enumerate(noun)], "include"
    # "such as A or B" names examples of one kind; "include A and B" says the same (both are examples).
    # (not "spasms of the face, neck or eyes": the "or" is inside the one example, which its "of" opens)
    # (nor "headache and muscle or joint pains": with its "and", the list's last joint is said; the "or" is one example's)
    examples = m[1] if rx.search(r"\b(?:of|in|on|around|to|from)\b", m[1].split(",")[0]) or rx.search(r"\band\b", m[1]) \
        else rx.sub(r" or ([^,]+)$", r" and \1", m[1])
    joint = ", " if rx.match(r"(?:which|who)\b", m[2]) else " "  # "effects, which last 2 days" stays an aside
    main, listed = f"{m[0]}{joint}{m[2]}", f"{cap(' '.join(noun))} {verb} {examples}"
    if noun[0] == "These" or joint == ", ":
        # "These include ..." must follow what it points at; "Some people get side effects, which last 2
        # days" is followed by its aside ("These effects last ..."), and the examples come after both.
        return split_or_keep(sentence, [main, listed])
    # The examples go first: after the main sentence they would stand between it and a next sentence
    # that points back at it ("Opioid withdrawal happens when someone stops ... This sudden change ...").
    return split_or_keep(sentence, [listed, main])


def _described_before(sentence: str, end: int, size: int) -> bool:
    """Tell whether the noun of `size` words ending at `end` has words before it in its phrase that pick some out
    ("some commonly used antibiotics": "some", "commonly used"), by the parse."""
    doc = parse(sentence)
    last = next((t for t in reversed(doc) if t.idx + len(t.text) <= end and not t.is_punct), None)
    if last is None or last.i - size + 1 < 0:
        return False
    first = last.i - size + 1
    # (an article, or a "that" the parse took for one, picks none out: "shown that sleeping pills, such as ...")
    return any(t.i < first and not (t.dep_ == "det" and t.lower_ in ("the", "a", "an", "that"))
               for left in last.lefts for t in left.subtree)


def _inside_a_modifier(sentence: str, comma: int) -> bool:
    """Tell whether the word before the comma at `comma` is in a phrase that describes a noun before it ("medicines
    that thin the blood", "foods made with raw eggs", "contraceptives containing ethinylestradiol"): the examples
    after it are of that noun, not of the last word ("Blood includes warfarin" would be false)."""
    doc = parse(sentence)
    word = next((t for t in reversed(doc) if t.idx + len(t.text) <= comma and not t.is_punct), None)
    while word is not None and word.head.i != word.i:
        word = word.head
        if word.pos_ in ("VERB", "AUX") and (word.dep_ in ("acl", "relcl") or word.tag_ in ("VBG", "VBN")
                                             and word.dep_ != "ROOT"):
            # The parse may hang "containing" on the noun as an xcomp: a participle is no clause's verb. But
            # "someone using opioid drugs, such as heroin", "adults who have risk factors, such as diabetes": no
            # example names a person, so the examples are of what the person uses or has.
            described = word.head if word.dep_ in ("acl", "relcl") else next(
                (t for t in word.ancestors if t.pos_ in ("NOUN", "PROPN", "PRON")), word.head)
            return described.lemma_.lower() not in PEOPLE and word.lemma_ != "have"
        if word.pos_ in ("VERB", "AUX") and word.dep_ == "conj":
            continue  # "... treat the pain at home and start an antibiotic, such as ...": the verb it is joined to says
        if word.pos_ in ("VERB", "AUX"):
            return False  # the clause's own verb: the noun is its subject or object
    return False


def _step_begins(sentence: str, start: int, examples: str) -> bool:
    """Tell whether an "and"/"or" in the examples starts an instruction of its own ("..., and avoid seeds"), by the
    parse (not "chicken and fish": "fish" may be a verb, but here it is a thing)."""
    found = [start + m.start(1) for m in rx.finditer(r"(?:^|, )(?:and|or) (?:then )?([a-z]+)\b", examples)]
    if not found:
        return False
    verbs = {t.idx for t in parse(sentence) if t.pos_ == "VERB" and t.tag_ in ("VB", "VBP")}
    return any(at in verbs for at in found)


def _plural_of(noun: str) -> str | None:
    """Return a noun's plural ("agent" -> "agents"), or None when it has none the inflection tables know."""
    from lemminflect import getInflection  # here: importing lemminflect imports spaCy

    head, _, last = noun.rpartition("-")  # "auto-injector" -> "auto-injectors"
    if not last.isalpha() or not last.islower():
        return None
    forms = getInflection(last, tag="NNS")
    if not forms or forms[0] == last:
        return None
    return f"{head}-{forms[0]}" if head else forms[0]


_NOT_NOUN = {"the", "a", "an", "of", "who", "that", "which", "has", "been", "have", "is", "are", "was", "were",
             "over", "in", "on", "at", "for", "with", "by", "from", "to", "under", "about", "many", "some", "most",
             "before", "after", "during", "since", "until", "without", "within", "against", "between", "into",
             "through",  # "People vaccinated before exposure, such as vets": of the people, not the exposure
             "all", "these", "those", "their", "your", "its", "used", "taken", "given", "called", "known"}


def _split_closing_such_as(sentence: str) -> list[str]:
    """Split a long 'A causes problems, such as B and C.' into 'A causes problems.' and 'These include B and C.'"""
    m = rx.match(r"^(.+), such as ([^,]+(?:, [^,]+)*)([.!?])$", sentence)
    if not m or len(sentence.split()) < SPLIT_FROM or not words(m.group(1)) or not is_plural(words(m.group(1))[-1]):
        return [sentence]
    finite, bases = verb_forms()
    before = [w.lower() for w in m.group(1).split()]
    stop = next((w for w in reversed(before[:-1]) if w in _NOT_NOUN or w in finite or w in bases), "")
    if not (stop in finite or stop in bases or stop in ("the", "a", "an")):
        return [sentence]  # "over many years, such as ...": the examples must be of a thing, not a time
    examples = rx.split(r",\s*(?:and |or )?|\s+(?:and|or)\s+", m.group(2))
    if any(len(x.split()) > 4 or has_verb(x) for x in examples):
        return [sentence]  # only a list of things: ", such as heroin, stops or ..." goes on with the sentence
    # examples of a kind: all of them are examples (not "headache and muscle or joint pains": one example's "or")
    listed = m.group(2) if rx.search(r"\band\b", m.group(2)) else rx.sub(r" or ([^,]+)$", r" and \1", m.group(2))
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
    finite, bases = verb_forms()
    for last in (r"[\w'’-]+ [\w'’-]+", r"[\w'’-]+"):  # the last example may be two words ("mood swings")
        m = rx.match(rf"^([A-Z][a-z-]*s) like ((?:[\w'’-]+(?: [\w'’-]+)?, )+(?:[\w'’-]+ )?(?:and|or) {last}) "
                     r"([a-z]+) (.+)$", sentence)
        if not m or m.group(2).split()[-1] in AUXILIARIES | finite:
            continue  # "... and morphine can slow": 'can' starts the claim, it is no example
        examples = [x for x in rx.split(r",\s*|\s+(?:and|or)\s+", m.group(2)) if x.strip()]
        if len(examples) >= 3 and (m.group(3) in AUXILIARIES or m.group(3) in bases or m.group(3) in finite):
            break
    else:
        return [sentence]
    return split_or_keep(sentence, [f"{m.group(1)} include {m.group(2)}", f"They {m.group(3)} {m.group(4)}"])


@rule("A long sentence that ends 'symptoms like A, B, and C' says a claim and a list at once; give the list its own sentence.",
      cases=[("This imbalance can contribute to symptoms like mood swings, irritability, and difficulty experiencing pleasure.",
              ["This imbalance can contribute to symptoms.",
               "These include mood swings, irritability, and difficulty experiencing pleasure."]),
             ("Kratom may help with symptoms like aches, cravings and poor sleep in some people who stop.",
              ["Kratom may help with symptoms like aches, cravings and poor sleep in some people who stop."]),
             ("Eat foods like rice, beans and bread.", ["Eat foods like rice, beans and bread."])])
def split_trailing_like_list(sentence: str) -> list[str]:
    """Split 'Claim about nouns like A, B(,) and C.' (12+ words, 3+ examples ending it) into 'Claim about nouns. These include A, B and C.'"""
    m = rx.match(r"^(.+ [a-z][a-z-]*s) like ((?:[^,]+, )+(?:and|or) [^,]+?)([.!?])$", sentence)
    if not m or len(sentence.split()) < 12:
        return [sentence]
    examples = rx.split(r",\s*(?:and |or )?", m.group(2))
    if len(examples) < 3 or any(len(x.split()) > 4 for x in examples):
        return [sentence]
    return split_or_keep(sentence, [m.group(1), f"These include {m.group(2)}{m.group(3)}"])
