"""The list rules: a sentence listing many things, actions or steps made a lead-in and list items; a long list halved."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.language.grammar import ADVERBS, AUXILIARIES, has_verb, verb_forms, words
from handouts.language.lexicon import uncap
from handouts.language.parse import parse
from handouts.plain.rules.base import BULLET, LONG, STEP, Piece, cap, rule, split_or_keep

LIST_RULE = "list_to_bullets"  # the rule's name, which every piece it makes records
_LIST_LEAD = r"(?:include|includes|(?:may|can|might) include|notice|have|has|get)"  # not "are": "are higher for A, B" is no list


@rule("A sentence that lists five or more things (or, in a long sentence, several actions or conditions) is hard "
      "to scan; introduce the list and give each one a bullet.",
      cases=[("To change a dressing, follow these steps: 1) wash your hands for 20 seconds, 2) remove the old "
              "dressing, and 3) tape a new pad over the wound.",
              ["To change a dressing, follow these steps:", ("step", "wash your hands for 20 seconds"),
               ("step", "remove the old dressing"), ("step", "tape a new pad over the wound")]),
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
              ["Call your doctor if you notice any of these:", ("bullet", "bleeding gums"), ("bullet", "nosebleeds"),
               ("bullet", "pink urine"), ("bullet", "black stools"), ("bullet", "bad bruises")]),
             ("Common symptoms include nausea, vomiting, diarrhea, muscle aches, insomnia, and intense cravings.",
              ["Common symptoms include:", ("bullet", "nausea"), ("bullet", "vomiting"), ("bullet", "diarrhea"),
               ("bullet", "muscle aches"), ("bullet", "insomnia"), ("bullet", "intense cravings")]),
             ("Call your doctor if you notice redness, swelling, warmth, pus, or a fever over 100.4°F.",
              ["Call your doctor if you notice any of these:", ("bullet", "redness"), ("bullet", "swelling"),
               ("bullet", "warmth"), ("bullet", "pus"), ("bullet", "a fever over 100.4°F")]),
             ("Symptoms include nausea, cravings, mood swings, and irritability.",
              ["Symptoms include nausea, cravings, mood swings, and irritability."]),
             ("It may not include rice, beans, bread, pasta, or fruit.", ["It may not include rice, beans, bread, pasta, or fruit."]),
             ("It may be worth asking your doctor for one if you have darker skin, rarely go outside, stay indoors all "
              "winter, or take medicines that affect absorption.",
              ["It may be worth asking your doctor for one if you have darker skin, rarely go outside, stay indoors all "
               "winter, or take medicines that affect absorption."]),
             ("Symptoms include diarrhea, which may be bloody, fever, stomach cramps, and sometimes nausea or vomiting.",
              ["Symptoms include diarrhea, which may be bloody, fever, stomach cramps, and sometimes nausea or vomiting."]),
             ("You have fever, chills, cough, aches, or a sore throat.", ["You have fever, chills, cough, aches, or a sore throat."]),
             ("Side effects may include nausea, headache, rash, dizziness, or dry mouth.",
              ["Side effects may include:", ("bullet", "nausea"), ("bullet", "headache"), ("bullet", "rash"),
               ("bullet", "dizziness"), ("bullet", "dry mouth")]),
             ("People who are over 65, pregnant, sick, very young, or weak should get the vaccine.",
              ["People who are over 65, pregnant, sick, very young, or weak should get the vaccine."]),
             ("Bring a pen, paper, a book, your glasses, and the long letter that the clinic sent to you last month.",
              ["Bring a pen, paper, a book, your glasses, and the long letter that the clinic sent to you last month."]),
             ("Your doctor may recommend that you eat a diet with less salt, get regular physical activity, "
              "keep a healthy weight or lose weight if you're overweight, and limit alcohol.",
              ["Your doctor may recommend that you:", ("bullet", "eat a diet with less salt"),
               ("bullet", "get regular physical activity"),
               ("bullet", "keep a healthy weight or lose weight if you're overweight"), ("bullet", "limit alcohol")]),
             ("You should eat well, sleep, and rest.", ["You should eat well, sleep, and rest."]),
             ("Signs of an overdose include being unable to wake up, slow or shallow breathing or choking sounds "
              "from a person who cannot be woken up, and lips turning blue or purple.",
              ["Signs of an overdose include:", ("bullet", "being unable to wake up"),
               ("bullet", "slow or shallow breathing or choking sounds from a person who cannot be woken up"),
               ("bullet", "lips turning blue or purple")]),
             ("If your reading is 180/120 or higher and you have chest pain, back pain, shortness of breath, "
              "changes in vision or trouble speaking, call 911 right away.",
              ["Call 911 right away if your reading is 180/120 or higher and you have any of these:",
               ("bullet", "chest pain"), ("bullet", "back pain"), ("bullet", "shortness of breath"),
               ("bullet", "changes in vision"), ("bullet", "trouble speaking")]),
             ("If you have a cough, a cold and a fever, stay home.", ["If you have a cough, a cold and a fever, stay home."]),
             ("Contact your doctor straight away if you have thoughts of harming yourself, if you notice unusual "
              "bleeding or bruising, or if you develop a high temperature with muscle stiffness.",
              ["Contact your doctor straight away if you:", ("bullet", "have thoughts of harming yourself"),
               ("bullet", "notice unusual bleeding or bruising"),
               ("bullet", "develop a high temperature with muscle stiffness")]),
             ("Get emergency help if your reliever inhaler does not help, or if you are too breathless to speak, eat or sleep.",
              ["Get emergency help if:", ("bullet", "your reliever inhaler does not help"),
               ("bullet", "you are too breathless to speak, eat or sleep")]),
             ("Call us if it hurts, or if you feel sick.", ["Call us if it hurts, or if you feel sick."]),
             ("Get medical help right away if you are throwing up, your symptoms get worse, or your symptoms last "
              "longer than 1 hour.",
              ["Get medical help right away if any of these is true:", ("bullet", "you are throwing up"),
               ("bullet", "your symptoms get worse"), ("bullet", "your symptoms last longer than 1 hour")]),
             ("Heavy sweating, cold and clammy skin, a fast and weak pulse, nausea or vomiting, muscle cramps, "
              "dizziness, headache, and fainting are all possible signs of heat exhaustion.",
              ["Possible signs of heat exhaustion include:", ("bullet", "heavy sweating"),
               ("bullet", "cold and clammy skin"), ("bullet", "a fast and weak pulse"),
               ("bullet", "nausea or vomiting"), ("bullet", "muscle cramps"), ("bullet", "dizziness"),
               ("bullet", "headache"), ("bullet", "fainting")]),
             ("Call the doctor if your child is younger than 3 months and has a fever, has a fever that lasts more "
              "than 3 days, or seems very sleepy, is hard to wake up, or is not drinking enough.",
              ["Call the doctor if your child:", ("bullet", "is younger than 3 months and has a fever"),
               ("bullet", "has a fever that lasts more than 3 days"), ("bullet", "seems very sleepy"),
               ("bullet", "is hard to wake up"), ("bullet", "is not drinking enough")]),
             ("Call the doctor if your child has a rash, has a cough and a fever, and is very tired or weak today.",
              ["Call the doctor if your child has a rash, has a cough and a fever, and is very tired or weak today."]),
             ("Common side effects include feeling sick, headaches, trouble sleeping, diarrhoea, dry mouth and feeling tired.",
              ["Common side effects include:", ("bullet", "feeling sick"), ("bullet", "headaches"),
               ("bullet", "trouble sleeping"), ("bullet", "diarrhoea"), ("bullet", "dry mouth"),
               ("bullet", "feeling tired")]),
             ("You should not eat fish, drink milk, take iron, and lift weights on the same day as the test.",
              ["You should not eat fish, drink milk, take iron, and lift weights on the same day as the test."]),
             ("Call 911 or go to the nearest emergency department if you have trouble breathing at rest, lips that "
              "look blue or gray, chest pain that gets worse with each breath, or new confusion.",
              ["Call 911 or go to the nearest emergency department if you have any of these:",
               ("bullet", "trouble breathing at rest"), ("bullet", "lips that look blue or gray"),
               ("bullet", "chest pain that gets worse with each breath"), ("bullet", "new confusion")]),
             # The examples end inside the first item: CT colonography is no stool test.
             ("Alternatives include stool tests such as the FIT test or a stool DNA test, CT colonography, and "
              "flexible sigmoidoscopy.",
              ["Alternatives include stool tests such as the FIT test or a stool DNA test, CT colonography, and "
               "flexible sigmoidoscopy."]),
             ("Do not use the tub if the chlorine level is below 3 mg/L, or if the water is cloudy, until the level has "
              "been corrected.",
              ["Do not use the tub if the chlorine level is below 3 mg/L, or if the water is cloudy, until the level has "
               "been corrected."])],
      makes_list=True)
def list_to_bullets(sentence: str) -> list[str | Piece]:
    """Turn 'Lead-in include(s)/notice/have A, B, C, D(,) and/or E.' into 'Lead-in include:' and one bullet per item."""
    made = (_inline_steps(sentence) or _action_list(sentence) or _condition_list(sentence) or _if_you_list(sentence)
            or _if_clauses_list(sentence) or _subject_list(sentence))
    if made and isinstance(made[-1], Piece) and rx.search(r",\s+(?:until|unless|except|provided)\b", made[-1].text):
        # "Do not use it if A, or if B, until the level has been corrected": the last clause holds for every item;
        # as the last bullet's words it held for B only
        return [sentence]
    if made:
        said = [p.text for p in made if isinstance(p, Piece)]
        if _split_inside_an_item(said) or any(i.count("(") != i.count(")") for i in said):
            return [sentence]  # ("hormonal treatments (for example the combined pill" / "progestogen-only ...)")
        parallel = _parallel(said)
        return made if _keeps_every_word(sentence, made) and parallel else [sentence]
    sentence = rx.sub(rf"\b({_LIST_LEAD}) (?:any of )?the following:\s+", r"\1 ", sentence)  # the bullets say "these"
    m = rx.match(rf"^(.+? {_LIST_LEAD}) (.+?)\.$", sentence)
    if not m or len(m.group(1).split()) > (14 if "," not in m.group(1) else 10) or rx.search(r"\b(?:not|no|never)\b|n['’]t\b", m.group(1)):
        return [sentence]  # a negated lead-in ("may not include") reads wrongly above a list
    items = rx.split(r",\s*", m.group(2))
    oxford = bool(rx.match(r"^(?:and|or) ", items[-1]))
    items, joiner = _last_joined(items)
    if not joiner:
        return [sentence]
    # In a long sentence with the comma before its last 'and', the commas alone mark the items,
    # so an item may hold its own 'or' ("slow or shallow breathing"); short items need five or more.
    long_items = oxford and len(sentence.split()) > LONG and len(items) >= 3 and all(len(i.split()) <= 25 for i in items)
    if not long_items and (len(items) < 5 or any(len(i.split()) > 7 or rx.search(r"\b(?:and|or)\b", i)
                                                 and i is not items[-1] for i in items)):
        return [sentence]
    if any(not i or _goes_on(i) or rx.match(r"(?:and|or|such as|including|for example|which|who|whose|that|where|"
                                               r"especially|particularly)\b", i) for i in items):
        # "swelling of the face, lips, or tongue, ...": a list inside an item; "diarrhea, which may be bloody,
        # fever, ...": a clause about the item before, no item of its own
        return [sentence]
    if not _parallel(items) or _inside_an_item(sentence, m.start(2), items) or _split_inside_an_item(items) \
            or _cuts_a_phrase(sentence, m.start(2), items):
        return [sentence]
    if rx.match(r"If\b", m.group(1)) and any(words(i) and words(i)[0] in verb_forms()[1] for i in items[1:]) \
            or not _is_action(items[0]) and any(_is_action(i) for i in items[1:]):
        # "If you have these signs, eat 15 grams of sugar, ...": the items are what to do; "Try to get 7 hours
        # of sleep, move your body, and cut back ...": a thing, then actions, under one lead-in.
        return [sentence]
    example = rx.match(r"^(.+? such as) (.+)$", items[0])
    if example and rx.search(r"\binclude[sd]?$", m.group(1)):
        return [sentence]  # "Alternatives include blood tests such as flow cytometry, imaging, ...": is imaging a blood test?
    if example and rx.search(r"\b(?:and|or)\b", example.group(2)):
        # "include stool tests such as FIT or a DNA test, CT colonography, and ...": the examples end inside
        # the first item, so the later items are not stool tests; bullets under "such as" would say they are.
        return [sentence]
    if example:
        # "may have withdrawal symptoms such as muscle aches, runny nose, ...": "such as" leads the whole list.
        m = rx.match(r"^(.*)$", f"{m.group(1)} {example.group(1)}"), None
        lead_text, items = m[0].group(1), [example.group(2)] + items[1:]
        return [f"{lead_text}:"] + [Piece(BULLET, i) for i in items]
    lead = m.group(1)
    if joiner == "or" and not lead.endswith(("include", "includes")):  # "may include A or B" lists maybes
        if not rx.search(r"\b(?:if|when|whenever)\b.*\b(?:notice|have|has|get)$", lead):
            return [sentence]  # "you have A, B or C" outside a condition: bullets would lose the "or"
        if any(words(i) and (words(i)[0] in verb_forms()[1] or words(i)[0] in ADVERBS) for i in items[1:]):
            return [sentence]  # "if you have darker skin, rarely go outside, or take ...": "have ... rarely go outside"
        lead += " any of these"  # "if you notice A, B or C": any one of them is reason enough
    return [f"{lead}:"] + [Piece(BULLET, i) for i in items]


def _inside_an_item(sentence: str, start: int, items: list[str]) -> bool:
    """Tell whether an item is a thing listed inside the item before it, as the parse joins them ("swelling of the
    face, lips or tongue": "lips" is joined to "face", not to "swelling"); a bullet of its own would lose its "of"."""
    doc, spans = parse(sentence), _item_spans(sentence, start, items)
    for (b0, e0), (b1, e1) in zip(spans, spans[1:]):
        if not rx.search(r"\b(?:of|in|on|around) (?:the |your |a )?[a-z]+$", sentence[b0:e0]) \
                or not rx.fullmatch(r"\w+(?: \w+)? (?:or|and) \w+(?: \w+)?", sentence[b1:e1]):
            continue  # only an item that ends on the thing it is of ("swelling of the face") may go on in the next,
            # which then ends the inner list ("lips or tongue")
        inside = [t for t in doc if b1 <= t.idx < e1]
        top = next((t for t in inside if not b1 <= t.head.idx < e1), None)
        if top is not None and top.dep_ == "conj" and b0 <= top.head.idx < e0 \
                and any(a.dep_ == "prep" and b0 <= a.idx < e0 for a in top.head.ancestors):
            return True
    return False


def _item_spans(sentence: str, start: int, items: list[str]) -> list[tuple[int, int]]:
    """Return where each item stands in the sentence (from `start`, the list's first item), as (begin, end)."""
    spans, at = [], start
    for item in items:
        begin = sentence.find(item, at)
        spans.append((begin, begin + len(item)))
        at = begin + len(item)
    return spans


def _cuts_a_phrase(sentence: str, start: int, items: list[str]) -> bool:
    """Tell whether the commas cut a phrase, not a list: an item opens or closes a bracket the next one closes ("the
    combined pill, progestogen-only treatments or a hormonal coil)"), a word describes a thing in another item ("a
    regular, soft poo pattern": "regular" is the pattern's), or the items are of different kinds ("get into the body,
    usually through a break ..., wound or drip site, and cause problems": where, how, a thing, an action)."""
    if any(i.count("(") != i.count(")") for i in items):
        return True
    kinds = {"where" if rx.match(_PLACE_WORD, i) else "how" if rx.match(_HOW_OFTEN, i) else "" for i in items}
    if len(kinds) > 1:
        return True
    doc, spans = parse(sentence), _item_spans(sentence, start, items)

    def where(t) -> int | None:
        return next((n for n, (b, e) in enumerate(spans) if b <= t.idx < e), None)

    # (only a word an item ends on: the parse may join words across a long list's items wrongly inside them)
    ends = {e for _, e in spans}
    return any(t.dep_ in ("amod", "det", "nummod", "poss") and t.idx + len(t) in ends
               and where(t) is not None and where(t.head) is not None and where(t) != where(t.head) for t in doc)


_HOW_OFTEN = r"(?:usually|often|mostly|mainly|especially|particularly|typically|normally|sometimes|rarely|commonly)\b"
_PLACE_WORD = r"(?:into|onto|in|on|at|through|from|under|over|inside|outside|around|across|near|within)\b"


def _split_inside_an_item(items: list[str]) -> bool:
    """Tell whether a bare word or two follows an item that ends on what it is of ("swelling of the face", "lips",
    "tongue or throat"): the words are of the swelling, a list inside the item (as bullets, "lips" is a sign)."""
    return any(rx.search(r"\b(?:of|in|on|around) (?:the |your |a )?[a-z]+$", a) and rx.fullmatch(r"[a-z]+(?: (?:or|and) [a-z]+)?", b)
               for a, b in zip(items, items[1:]))


def _parallel(items: list[str]) -> bool:
    """Tell whether a list's items are of one kind: "to treat a clot" is a purpose, no condition like "atrial
    fibrillation", so under one lead-in ("if you have any of these:") one of them would be misread."""
    purposes = [bool(rx.match(r"to [a-z]", i)) for i in items]
    # "poor kidney function, ..., or if you become dehydrated": a clause of its own among things, which
    # under "if you have any of these:" would read "if you have if you become dehydrated".
    clauses = [bool(rx.match(r"(?:if|when|whenever|unless|because|while|after|before|once)\b", i, re.I)) for i in items]
    return (all(purposes) or not any(purposes)) and (all(clauses) or not any(clauses))


def _keeps_every_word(sentence: str, pieces: list[str | Piece]) -> bool:
    """Tell whether a list made from a sentence still says each of its words (a lost 'stiff neck' is a lost sign)."""
    said = {w for p in pieces for w in words(p.text if isinstance(p, Piece) else p)}
    return all(w in said for w in words(sentence) if w not in ("if", "and", "or", "the", "following", "any", "of", "are", "is", "all", "be"))


def _inline_steps(sentence: str) -> list[str | Piece]:
    """Turn 'To change it, do this: 1) wash ..., 2) remove ..., and 3) tape ...' into its lead-in and numbered steps."""
    m = rx.match(r"^(.+?:)\s*(1\)\s+.+?)\.?$", sentence)
    if not m:
        return []
    parts = rx.split(r"(?:^|,?\s+(?:and\s+|then\s+)?)(\d{1,2})\)\s+", m.group(2))
    numbers, items = parts[1::2], [p.strip().rstrip(",;") for p in parts[2::2]]
    if len(items) < 2 or numbers != [str(n) for n in range(1, len(items) + 1)] or any(len(i.split()) < 2 for i in items):
        return []  # the numbers must count the steps: "1) ... 3)" is no plain list of steps
    return [m.group(1)] + [Piece(STEP, i) for i in items]


def _is_action(item: str) -> bool:
    """Tell whether a list item is something to do ('move your body', 'cut back on salt'), not a thing ('dry mouth')."""
    ws = words(item)
    return len(ws) >= 2 and ws[0] in verb_forms()[1] and ws[1] in (
        "your", "the", "a", "an", "back", "up", "down", "out", "on", "off", "more", "less", "some", "any", "it", "them",
        "with", "to")


def _action_list(sentence: str) -> list[str | Piece]:
    """Split a long 'You should A, B(,) and C.' (each item an action) into its lead-in and one bullet per action."""
    _, bases = verb_forms()
    m = rx.match(r"^(.+? (?:that you|you should|you can|you need to|try to|be sure to|it is best to))"
                 r" ((?:[^,]+, )+[^,]*?\b(?:and|or) [^,]+?)\.$", sentence)
    if not m or len(sentence.split()) <= LONG or rx.search(r"\b(?:not|no|never)\b|n['’]t\b", m.group(1)):
        return []  # a short list reads well as it is; under a negation bullets would lose the "not"
    items, joiner = _last_joined(rx.split(r",\s*", m.group(2)))
    if len(items) < 3 or any(not words(i) or words(i)[0] not in bases or len(i.split()) > 12 for i in items):
        return []  # every bullet must be an action of its own ("eat ...", "get ...")
    lead = m.group(1)
    if joiner == "or":
        lead += " do any of these"
    return [f"{lead}:"] + [Piece(BULLET, i) for i in items]


def _last_joined(items: list[str]) -> tuple[list[str], str]:
    """Split the 'and'/'or' off a list's last item: [A, B, 'and C'] or [A, 'B or C'] -> ([A, B, C], joiner)."""
    last = items[-1]
    m = rx.match(r"^(and|or) (.+)$", last)
    if m:
        return items[:-1] + [m.group(2)], m.group(1)
    parts = rx.split(r" (and|or) ", last)
    if len(parts) != 3:
        return items, ""  # no joiner, or two of them: not a plain list
    return items[:-1] + [parts[0], parts[2]], parts[1]


def _if_you_list(sentence: str) -> list[str | Piece]:
    """Turn 'Call us if you A, if you B, or if you C.' into 'Call us if you:' and one bullet per condition."""
    m = rx.match(r"^(.+? if) (.+?), ((?:if .+?, )*)or if (.+?)\.$", sentence)
    if not m or not m.group(3) and len(sentence.split()) <= LONG or not _lead_says_what(m.group(1)):
        return []  # two short conditions read well in one sentence
    items = [m.group(2)] + [x.strip(", ") for x in rx.split(r"(?:^|,\s+)if\s+", m.group(3)) if x.strip(", ")] + [m.group(4)]
    if any(", " in i for i in items[:-1]) or not all(has_verb(i) for i in items):
        return []  # each bullet must be a whole condition ("your inhaler does not help")
    said_after = rx.search(r",\s+(please\s+|then\s+)?([a-z]+)\b(?!(?:\s+\w+)?\s+(?:or|and)\b)", items[-1])
    if said_after and (said_after.group(1) or said_after.group(2) in verb_forms()[1]):  # (not "to speak, eat or sleep")
        # "Note: if a building is heavily infested, or if you are pregnant ..., consider hiring a professional": what
        # the conditions lead to comes after the last one (an instruction), and a bullet would make it that one's alone
        return []
    lead = m.group(1)
    if all(i.startswith("you ") and not rx.match(r"you (?:and|or)\b", i) for i in items):  # not "you or a relative"
        lead, items = f"{lead} you", [i[len("you "):] for i in items]
    return [f"{lead}:"] + [Piece(BULLET, i) for i in items]  # any one of them is reason enough


_CONNECTIVES = {"however", "but", "and", "or", "so", "yet", "also", "even", "only", "then", "still", "in", "addition",
                "particularly", "especially", "otherwise", "again", "similarly", "likewise", "therefore", "thus"}


def _lead_says_what(lead: str) -> bool:
    """Tell whether a lead-in ending in 'if' holds the main clause ("Call us if"), not only a connective
    ("However, if"): then what the conditions lead to comes after the last one, and a bullet would swallow it."""
    if rx.match(r"[A-Z][\w ]{0,20}:\s*if$", lead):
        return False  # "Note: if": a label, no main clause
    said = [w for w in words(rx.sub(r"\bif$", "", lead)) if w not in ADVERBS]
    return bool(said) and not all(w in _CONNECTIVES for w in said)


def _if_clauses_list(sentence: str) -> list[str | Piece]:
    """Turn a long 'Get help if you are sick, it gets worse, or it lasts 1 hour.' into 'Get help if:' and bullets."""
    m = rx.match(r"^([A-Z].+? if) ((?:[^,]+, )+)or ([^,]+?)\.$", sentence)
    if not m or len(sentence.split()) <= LONG or " if " in m.group(2) or not _lead_says_what(m.group(1)):
        return []
    items = rx.split(r",\s*", m.group(2).rstrip(", ")) + [m.group(3)]
    if any(rx.match(r"and\b", i) for i in items):
        return []  # "A, B and C, or D": some conditions hold only together; bullets would part them
    # "A, B, or C, D, or E" are all alternatives: any one is reason enough, so each gets a bullet.
    items = [rx.sub(r"^or\s+", "", i) for i in items]
    if len(items) < 3 or not all(has_verb(i) and len(i.split()) >= 3 for i in items):
        return []  # each bullet must be a whole condition, not a word of a list ("if you are hot, tired or ill")
    lead = m.group(1)
    finite, bases = verb_forms()
    # "feel unable to stay safe" after "you have thoughts of ...": a verb first (base form too) has no subject of its own
    verb_first = [bool(words(i)) and (words(i)[0] in AUXILIARIES | finite | bases) for i in items]
    first = items[0].split()
    k = next((n for n, w in enumerate(first[:4]) if w.lower() in AUXILIARIES or w.lower() in finite), 0)
    if k and rx.search(r"\b(?:who|that|which|whose)\b", " ".join(first[:k]), re.I):
        return []  # "if someone who has mixed alcohol and a sedative cannot wake": where the subject ends is unclear
    if k and not verb_first[0] and all(verb_first[1:]):
        # "if your child is younger ..., has a fever ..., seems sleepy": the conditions share "your child".
        lead, items[0] = f"{lead} {' '.join(first[:k])}", " ".join(first[k:])
    elif not all(has_verb(i) and not verb_first[n] for n, i in enumerate(items)):
        return []  # a bullet without its subject would not say who
    else:
        lead += " any of these is true"  # "or": any one of them is reason enough, and the lead-in says so
    return [f"{lead}:"] + [Piece(BULLET, i) for i in items]


_SIGNS = r"(?:signs|symptoms|causes|side effects|risk factors|warning signs)"


def _subject_list(sentence: str) -> list[str | Piece]:
    """Turn a long 'A, B, C(,) and D are (all) possible signs of X.' into 'Possible signs of X include:' and bullets."""
    m = rx.match(rf"^((?:[^,]+, )+[^,]*?\b(?:and|or) [^,]+?) (are|can be|may be|might be) (?:all )?"
                 rf"((?:(?:possible|common|early|likely|serious) )?{_SIGNS}(?: of [^,]+)?)\.$", sentence)
    if not m or len(sentence.split()) <= LONG:
        return []
    items, joiner = _last_joined(rx.split(r",\s*", m.group(1)))
    if not joiner or len(items) < 4 or any(len(i.split()) > 6 or _goes_on(i) for i in items):
        return []
    modal = {"are": "include"}.get(m.group(2), m.group(2).replace(" be", " include"))  # "may be" -> "may include"
    return [f"{cap(m.group(3))} {modal}:"] + [Piece(BULLET, uncap(i)) for i in items]


def _condition_list(sentence: str) -> list[str | Piece]:
    """Turn a long 'If you have A, B, C or D, call 911.' into 'Call 911 if you have any of these:' and bullets."""
    _, bases = verb_forms()
    m = rx.match(r"^If (.+? (?:have|notice|get|feel|see)) ((?:[^,]+, )+[^,]+? (?:and|or) [^,]+?), ([a-z][^,]+)\.$", sentence)
    if not m or len(sentence.split()) <= LONG or words(m.group(3))[0] not in bases:
        return []  # only an instruction after the list ("call 911 ..."), so the bullets say when to do it
    items, joiner = _last_joined(rx.split(r",\s*", m.group(2)))
    if joiner != "or" or len(items) < 4 or any(len(i.split()) > 5 or _goes_on(i) for i in items):
        return []  # "A, B and C" needs all of them: "any of these" would change it
    if any(words(i) and (words(i)[0] in bases or words(i)[0] in ADVERBS) for i in items[1:]):
        return []  # "if you have darker skin, rarely go outside, or take ...": no "have any of these: rarely go outside"
    return [f"{cap(m.group(3))} if {m.group(1)} any of these:"] + [Piece(BULLET, i) for i in items]


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
    m = rx.match(r"^(.+? (include|includes|are|were|can be|may include))( .+?)([.!?])$", sentence)
    if not m or len(sentence.split()) <= 16:
        return [sentence]
    items = [i.strip() for i in rx.split(r",\s*(?:and |or )?", m.group(3).strip())]
    if len(items) < 6 or any(len(i.split()) > 6 or i in ("and", "or", "") for i in items) \
            or len(rx.findall(r",\s*(?:and|or)\b", m.group(3))) > 1:
        return [sentence]  # "discharge from the penis, vagina, or anus, and, in women, bleeding": lists in a list
    conj = "or" if rx.search(r",\s*or ", m.group(3)) else "and"
    half = (len(items) + 1) // 2
    verb = {"includes": "include", "include": "include", "may include": "may include"}.get(m.group(2), m.group(2))
    pronoun = "They" if verb != "is" else "It"
    first = f"{m.group(1)} {', '.join(items[:half - 1])} {conj} {items[half - 1]}"
    rest = items[half:]
    second = f"{pronoun} also {verb} {', '.join(rest[:-1])}, {conj} {rest[-1]}"
    return split_or_keep(sentence, [first, second])


def _goes_on(item: str) -> bool:
    """Tell whether a list item carries on the sentence ('weak should get the vaccine'), not just names a thing."""
    ws = words(item)
    clause = next((i for i, w in enumerate(ws) if w in ("that", "who", "which")), len(ws))
    return any(w in AUXILIARIES for w in ws[:clause])  # "pain that gets worse" only describes the thing


# A list under these is a list of conditions or signs ("Call 911 if:", "Who should not get it?", "Warning signs"):
# each item is one condition, which split would become a free-standing claim ("Your child has severe pain.").
# A summary's items ("Key takeaways") stay whole too: each is one point, read on its own.
_CONDITION_LEAD_IN = re.compile(r"\b(?:if|when|whenever|unless|in case|who|whom|signs?|symptoms?|warnings?|"
                                r"any of|one of|the following|these|emergency|urgent(?:ly)?|911|"
                                r"key|takeaways?|summary|at a glance|bottom line|in brief|highlights)\b", re.I)


def lists_conditions(heading: str, lead_in: str) -> bool:
    """Tell whether a list's heading or lead-in makes its items conditions or signs rather than statements."""
    return bool(_CONDITION_LEAD_IN.search(heading or "") or
                (lead_in.rstrip().endswith(":") and _CONDITION_LEAD_IN.search(lead_in)))
