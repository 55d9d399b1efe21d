"""Verify one rewrite step before it replaces what it rewrote (a wrong simplification is worse than none).

A step passes when every new sentence is whole (a subject and a finite verb, or an instruction),
a "This"/"It"/"They" it starts points at one thing said just before, every content word is still
said (unless the rule exists to drop or swap words), each condition ("if", "unless", "when") stays
with the action it limits, and the meaning guard finds nothing lost. A step that fails is skipped
and named for the reviewer ("kept: <rule>: <reason>"); the sentence goes on to the next rule as it was.
"""

from __future__ import annotations

import re
from collections import Counter

from handouts.language import rx
from handouts.language.grammar import has_verb, noun_number, verb_forms
from handouts.language.meaning_guard import protected
from handouts.language.parse import parse, parse_all
from handouts.plain.rules.base import cap
from handouts.plain.rules.cleanup import claim_text

CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}
# Words a split may leave out because the split says them by itself (two sentences, a "But").
CONNECTIVES = {"e.g.", "i.e.", "etc.", "however", "thus", "therefore", "hence", "also", "then", "so", "as", "while",
               "whereas", "although", "though", "well", "which", "whose", "where", "when", "that", "and", "or", "but"}
# Phrases that only link or point ("in which case" becomes "But if"; "the following:" becomes "these:").
LINKING_PHRASES = re.compile(r"\b(?:in which case|the following|as follows)\b", re.I)
TIMES = {"when", "after", "once", "before"}  # a "when" clause sets a time, not a condition a "This" could drop
CONDITIONS = {"if", "unless", "when", "whenever", "until", "once"}
POINTERS = {"this", "that", "it", "they", "these", "those"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}


STRUCTURAL = ("clauses", "examples", "lists")  # kinds of rule that rebuild sentences: every check applies


def veto(rule, before: str, after: list[str], in_list_item: bool | str = False,
         said_elsewhere=frozenset(), item: bool = False) -> str | None:
    """Return why `rule` may not turn the sentence `before` into `after` (None: it may).

    `after` is what the step made (list items included); `said_elsewhere` holds the protected items
    (hedges, numbers, names) that other sentences of the source also say, which filler may drop here.
    `in_list_item`: the sentence is an item of a list of conditions or signs ("always": each item finishes its
    lead-in's "if you:", so even one that starts with a verb is no step). `item`: it is any list's item.
    """
    if after == [before]:
        return None
    if in_list_item and len(after) > 1 and (in_list_item == "always" or not instruction(after[0])):
        # A sign or condition in a list ("You feel worse, and the fever lasts") is one thing: split, it would
        # become two claims. A step ("Take it every 6 hours, because ...") may say its reason on its own.
        return "a list item is one condition or fact, kept whole (only steps split into steps)"
    lost = [item for item in protected(claim_text(before)).missing_from(protected(" ".join(after)))
            # (filler may drop a number or a name said elsewhere too; a negation only with its whole sentence: "no
            # referral is required" cut from a sentence is its own claim, however many other sentences say "not")
            if not (rule.removes_filler and item in said_elsewhere and (not item.startswith("negation") or not after))
            and not rule.removes_furniture
            and not sales_year(rule.name, item) and not sales_offer(rule.name, item, before)]
    if lost:
        return f"the meaning guard: it would lose {', '.join(lost)}"
    if rule.kind not in STRUCTURAL:
        return None  # word swaps come from the checked lexicon; drop rules name what they drop
    new = [p for p in after if p not in before]
    if item and len(after) > 1 and not rule.makes_list and not rx.search(r"[.!?][\"”’')\]]*$", before.strip()):
        # "Patches, such as Evorel or Estradot, changed twice a week": a list item with no full stop is a thing or a
        # sign, not a sentence; its parts would be none either ("Patches changed twice a week" reads as the past).
        return "a list item with no full stop is no sentence, so its parts would not be"
    if len(after) > 1 and before.rstrip().endswith("?") and not rule.makes_list \
            and any(not p.rstrip().endswith("?") for p in after):
        # "Has the limp followed an injury, but the child can bear some weight?": one question; split, its first
        # part reads as a statement and the second as a question of its own
        return "a question is asked whole"
    if len(after) > 1 and not _brackets_open(before) and any(_brackets_open(p) for p in new):
        # "a day (maximum 4 g in 24 hours; lower doses if you weigh less than 50 kg)": a break inside brackets
        # leaves one half with an opening bracket and the other with a closing one
        return "a break inside brackets would cut them in two"
    if len(new) > 1:
        parse_all(new)  # each piece is parsed below: together, in one batch, a third faster
    for i, piece in enumerate(after):
        if piece in new and not whole(piece) and not (i and rule.makes_list):
            return f"'{piece}' is not a whole sentence"
        if piece in new and len(after) > 1 and not (i and rule.makes_list) and (reason := says_too_little(piece, before)):
            return reason
        if i and piece in new and " - " in piece and not has_verb(head := piece.split(" - ", 1)[0]) and len(head.split()) <= 6:
            # "..., and for good reason - people have used it for 2,000 years": the words before the dash lean on
            # the sentence before ("For good reason - people have ..." alone is no sentence)
            return f"'{head}' before the dash leans on the sentence before"
        if i and piece in new and (reason := points_astray(piece, after[i - 1], before)
                                   or pointer_left_behind(piece)):
            return reason
    dropped = dropped_words(before, after)
    if dropped:
        return f"it would drop {', '.join(sorted(dropped))}"
    # A list keeps its lead-in's "if" for every item ("Call if:" and the signs): read it as one.
    return condition_moved(before, [" ".join(after)] if rule.makes_list else after)


def sales_year(rule_name: str, item: str) -> bool:
    """Tell whether a lost item is a sales line's year ("the Best Melatonin Supplements of 2024"): no claim to keep."""
    return rule_name == "drop_promotion" and bool(rx.fullmatch(r"number '(?:19|20)\d\d'", item))


def sales_offer(rule_name: str, item: str, sentence: str) -> bool:
    """Tell whether a lost item is a sales offer's product or discount ("Shop our favorites: KetoStix Pro urine strips
    (20% off with code SUGARFREE20) | ..."): no claim to keep."""
    return rule_name == "drop_promotion" and item.startswith(("number", "name")) \
        and bool(rx.search(r"\b(?:\d+% off|(?:discount|promo|coupon)? ?code [A-Z0-9]{4,}|shop our)\b", sentence, re.I))


def whole(text: str) -> bool:
    """Tell whether a text is a whole sentence: a subject and a finite verb, an instruction, a question or a lead-in."""
    text = text.strip()
    if rx.match(r"(?:But|So|And|Also,?|Yet) \S+ \S", text):
        text = cap(text.split(None, 1)[1])  # "So sudden changes ... can change your INR.": the parser may read "So sudden" as one phrase
    if text.endswith((":", "?")) or len(text.split()) < 2:
        return text.endswith((":", "?"))
    # "Throwing up, abdominal pain, or rapid breathing ... need urgent care": the plain words for vomiting head a
    # list of nouns, a gerund the parser takes for the sentence's verb
    text = rx.sub(r"^Throwing up\b", "Vomiting", text)
    if rx.match(r"(?:Which|Whom|Whose)\b", text):
        return False  # "Which may or may not look like ...": a "which" clause cut from its noun (a question ends in "?")
    if rx.search(r"\b(?:and|or|but),\s+(?:when|if|unless|where|while|because)\b[^,]*[.!?]?$", text):
        return False  # "... a film (Belbuca) or, when opioid use disorder is present.": the "or" joins nothing
    stranded = rx.match(r"([^,]+), (?:and|or) \w", text)
    if stranded and len(stranded.group(1).split()) <= 6 and not has_verb(stranded.group(1)) \
            and not rx.match(r"(?:In|On|At|For|After|Before|During|With|Without|By|If|When|Yes|No)\b", stranded.group(1)):
        return False  # "Your heart rhythm, and a laboratory study also records ...": a list's last item cut from its list
    last = rx.search(r"\b(?:whereas|although|though|because(?! of))\b([^;:]*?)[.!?]?$", text)
    if last and not has_verb(last.group(1)) and not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN")
                                                          for t in parse(last.group(1).strip(" ,"))):
        return False  # "..., whereas coffee, tea, milk, calcium supplements.": the clause lost its verb to a split
    if _EXPLETIVE_SHELL.match(text):
        return False  # "It may be helpful." cut from "It may be helpful, although ..., to follow a low-fat diet"
    second = rx.search(r"\b(?:and|or|but),? (?:that|which|who) ", text)
    if second and not rx.search(r"\b(?:that|which|who)\b", text[:second.start()]):
        return False  # "... was first found in 1937 and that has since become ...": a "that" cut from its first half
    if ";" in text:
        # "For adults aged 60 to 74 who are at risk; in 2025 this was extended ...": each part must be whole.
        return all(whole(part.strip()) for part in text.split(";") if part.strip())
    doc = parse(text)
    if broken_join(doc):
        return False
    if doc[0].lower_ in ("that", "whether") and doc[0].dep_ == "mark" and doc[0].head.dep_ == "ROOT":
        return False  # "That I may withdraw my consent at any time.": cut from "I confirm ...; and that ..."
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if any(_whole_clause(r) for r in roots) or instruction(text):
        return True  # (the parser may cut a sentence at an abbreviation: "Approx. 1 in 3 lost ...")
    # The tagger can read a verb as a noun ("This results in ..."): a pronoun subject and a verb still make a sentence.
    return text.split()[0].lower() in POINTERS | {"he", "she", "we", "you", "i"} and has_verb(text)


# "It may be helpful." / "It is important.": an "it" that stood for what came later in the sentence ("..., to follow a
# low-fat diet"), cut off from it; alone it says nothing.
_EXPLETIVE_SHELL = re.compile(r"^(?:But |So )?It (?:is|was|may|might|can|could|would|will|should)(?: not)?(?: be)?"
                              r"(?: \w+ly| very| also| often| usually)? (?:helpful|important|best|better|safe|wise|"
                              r"possible|useful|reasonable|advisable|essential|necessary|recommended|difficult|hard|"
                              r"easy|normal|a good idea|worth it)\.$")


_REPORTING = {"say", "suggest", "think", "believe", "report", "note", "show", "find", "add", "explain", "warn", "agree"}


def broken_join(doc) -> bool:
    """Tell whether a sentence joins its parts wrongly: an "and" with nothing after it to join ("..., and unlike
    THC."), or two sentences run together with a comma ("X is the ingredient ..., CBD does not ...")."""
    if any(t.text == ";" for t in doc):
        # each part on its own, as whole() reads them: across a semicolon the parser hangs one clause on the other
        return any(broken_join(parse(part.strip())) for part in doc.text.split(";") if len(part.split()) > 1)
    for t in doc:
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.i > 1 and doc[t.i - 2].text == "," \
                and doc[t.i - 1].tag_ == "MD" and t.head.i < t.i and not any(
                    x.dep_ == "mark" or x.pos_ in ("VERB", "AUX") and x.dep_ not in ("amod", "compound")
                    for x in doc[t.head.i + 1:t.i - 1]):
            # (", may introduce": a second verb with its own "may", after a comma; a parser's "conj" elsewhere is often
            # an aside it misread: "(no more than 14 units a week, spread over 3 or more days)")
            if not any(c.dep_ == "cc" for x in (t, *t.conjuncts) for c in x.children):
                return True  # "This can damage the tissues, may introduce infection.": a list of two with no "and"
        if t.dep_ == "conj" and t.pos_ == "ADP" and t.head.pos_ in ("VERB", "AUX") \
                and not (t.head.tag_ == "VBG" and t.i > 1 and doc[t.i - 2].tag_ == "RB"):
            # "..., and unlike THC.": a clause joined to a lone preposition (not "after using the drops often or for
            # more than a few weeks": two phrases of the "-ing" verb, the parser hanging the second on it)
            return True
        # ("1 to 2 servings a day may be ...": "a day" says how often, no second subject)
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and not (
            c.lemma_ in ("day", "week", "month", "year", "hour", "night", "time") and c.i and doc[c.i - 1].lower_ in ("a", "per", "each"))]
        if t.dep_ == "ROOT" and len(subjects) > 1 and not any(
                c.dep_ == "cc" and c.head.i == subjects[0].i for c in doc[subjects[0].i:subjects[1].i]):
            # "This the prescriber may increase slowly.": an object turned into a second subject (not "contact with
            # animals and their environments plays ...", two subjects joined by "and" that the parser hung apart)
            return True
        if t.dep_ == "cc" and t.i and t.lower_ in ("and", "or", "but") and t.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("conj", "dobj", "attr") and c.i > t.i for c in t.head.children) \
                and not (t.head.tag_ == "VBG" and t.head.dep_ in ("acl", "amod", "compound")):
            # (nor "trouble sleeping and mood changes": a list of things, the parser hanging the "and" on "sleeping")
            return True  # (not "with throwing up or loose stools": the parser hangs the "or" on "throwing")
        if t.dep_ in ("ccomp", "parataxis") and t.i < t.head.i and t.head.dep_ == "ROOT" \
                and t.head.lemma_ not in _REPORTING and any(c.dep_ in SUBJECTS for c in t.children):
            after = t.right_edge.i + 1
            if after < len(doc) and doc[after].text == "," and any(c.dep_ in SUBJECTS and c.i > after for c in t.head.children):
                return True
    return False


# What completes a verb: its object, complement or phrase ("works by reducing ..."); a second clause does not.
_COMPLEMENTS = {"dobj", "attr", "acomp", "prep", "xcomp", "ccomp", "dative", "oprd", "agent", "obj"}


def says_too_little(piece: str, before: str) -> str | None:
    """Return why a piece cut from a sentence says too little: its verb lost what completed it ("It works mainly."
    from "It works mainly by reducing ..."), or a lead-in ends on a word that needs more ("the doctor has:")."""
    doc = parse(piece)
    words = [t for t in doc if not t.is_punct]
    if piece.rstrip().endswith(":"):
        last = words[-1] if words else None
        # What the last word was in the source: "has" helped "explained" there, so "the doctor has:" dangles.
        was = next((t for t in parse(before) if last is not None and t.lower_ == last.lower_), None)
        if was is not None and was.dep_ in ("aux", "auxpass"):
            return f"the lead-in '{piece}' ends on '{last.text}', which needs what followed it"
        return None  # a lead-in is completed by its list
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or any(c.dep_ in _COMPLEMENTS | {"advcl", "npadvmod"} for c in root.children):
        return None
    was = next((t for t in parse(before) if t.lemma_ == root.lemma_ and t.pos_ == "VERB"), None)
    if was is not None and any(c.dep_ in _COMPLEMENTS for c in was.children):
        return f"'{piece}' says too little without what completed '{root.text}'"
    return None


def instruction(text: str) -> bool:
    """Tell whether a sentence is an instruction ("Do not stop it.", "If it bleeds, press on it.")."""
    if text.split()[0].lower() in ("don't", "never", "please"):
        return True
    cond = rx.match(r"(?:If|When|Unless|While|Before|After|As soon as)\b[^,]*,\s*(?:then\s+)?(\w+)", text)
    if cond and (base_verb(cond.group(1)) or cond.group(1).lower() in ("don't", "never")) \
            and cond.group(1).lower() not in ("be", "have", "do") and text[cond.start(1) - 2:cond.start(1)].strip() in (",", ""):
        return True  # "If a baby has pauses in breathing or turns blue, call 911.": the parser may hang "call" elsewhere
    first = parse(text)[0]
    if base_verb(text.split()[0].strip(",")) and first.dep_ not in ("nsubj", "nsubjpass", "compound", "poss") \
            and not (first.dep_ == "amod" and (first.head.dep_ in SUBJECTS or not any(
                t.pos_ == "DET" for t in first.doc[first.i + 1:first.head.i]))):
        # The tagger may read "Clean the area ..." as an adjective; not "Stomach virus include ...", and not
        # "Loose stools are common." (an adjective of the subject), and not "Hot tubs that are not maintained"
        # (an adjective right before its noun: "Clean the area" has "the" between).
        return True
    roots = [t for t in parse(text) if t.dep_ == "ROOT"]
    return len(roots) == 1 and _whole_clause(roots[0]) and not any(c.dep_ in SUBJECTS for c in roots[0].children)


def base_verb(word: str) -> bool:
    """Tell whether a word is the base form of an English verb ("Clean", "Contact"; not "Cleans", "Two")."""
    from lemminflect import getAllLemmas  # here: importing lemminflect imports spaCy (to register with it)

    lemmas = getAllLemmas(word.lower(), upos="VERB").get("VERB", ())
    return word.lower() in lemmas


def _whole_clause(root) -> bool:
    """Tell whether a clause (by its root) has a subject and a finite verb, or is an instruction."""
    if root.pos_ not in ("VERB", "AUX"):
        return False
    first = next((t for t in root.sent if not t.is_punct), None)
    if first is None:
        return False  # the parser cut off a lone sign it tagged as a verb ("• Studies suggest ..."): no clause
    asks = first.tag_ in ("WRB", "WP") and first.i < root.i and (
        first.head.i == root.i or first.head.head.i == root.i and first.head.dep_ != "advcl")
    if asks and not root.sent.text.rstrip().endswith("?"):
        return False  # "How long you have been using it." is half of a question
    # ("Whether I could be pregnant.", "That I may withdraw my consent at any time.": a clause some other clause holds)
    # ("In this procedure, after the skin has been cleaned.": a time clause cut from the clause it times)
    marks = CONDITIONS | {"because", "although", "though", "unless", "while", "whether", "that", "whereas", "after",
                          "before", "since"}
    if any(c.dep_ == "mark" and c.lower_ in marks for c in root.children) and not any(
            t.pos_ == "VERB" and t.i != root.i
            and t.dep_ not in ("advcl", "xcomp", "relcl", "acl", "pcomp", "amod", "prep")  # (not "missed", "including")
            and not any(c.dep_ == "mark" and c.lower_ in marks for a in _up_to(t, root) for c in a.children)
            for t in root.sent):
        # "But only if your prescriber has told you so.": a condition with nothing it limits; "In many patients
        # indefinitely, even if the rhythm remains normal, because the atria may take weeks ...": nor here.
        return False
    subjects = [c for c in root.children if c.dep_ in SUBJECTS]
    subject = subjects[0] if subjects else None  # (the first: "a day" after "2 servings" is no subject)
    if subject is not None:
        # ("1 to 2 servings a day may be reasonable": the parser may take "a day" for a second subject; one that
        # agrees is enough)
        if not any(_agree(x, root) for x in subjects):
            return False  # "Virus are the same virus ...": a subject cut from its noun phrase
        # ("Myths most often reported to the helpline, 2022 to 2023.": a participle with no "are" names things, it
        # says nothing of them)
        return root.tag_ != "VBG" and not (root.tag_ == "VBN" and not any(
            t.tag_ in ("VB", "VBZ", "VBP", "VBD", "MD") for t in root.sent)) or any(c.dep_ in ("aux", "auxpass") for c in root.children)
    # An instruction: a base-form verb with no subject and no modal ("Call 911.", "If it bleeds, press on it.").
    # (the tagger may read it as present tense: "If bleeding continues, repeat steps 4 to 5 once." - VBP, the same form)
    return root.tag_ in ("VB", "VBP") and not any(c.tag_ == "MD" for c in root.children)


def _up_to(token, root) -> list:
    """Return a token and its heads up to (not including) the root: a verb under a marked clause ("... and not if
    your child is vomiting or dehydrated": "dehydrated" is under "if") is that clause's."""
    out = []
    while token.i != root.i and token.head.i != token.i and len(out) < 50:
        out.append(token)
        token = token.head
    return out


def points_astray(piece: str, previous: str, before: str) -> str | None:
    """Return why a new sentence's opening "This"/"It"/"They" may point at the wrong thing (None: it points at one)."""
    words = piece.split()
    first = words[0].lower().strip(",")
    if first not in POINTERS or rx.search(r"(?:^|[;:.]\s+)" + re.escape(" ".join(words[:2])), before, re.I):
        return None  # not new: the source starts a sentence or a clause after a semicolon so itself
    if rx.search(r", (?:and|but|so) (?:it|they)\b", piece):
        # "This might lead to low blood sugar, and it may worsen ...": which is "it", the "This" or what it stood for?
        return f"'{words[0]}' and a later 'it' or 'they' could point at different things in '{piece}'"
    doc = parse(piece)
    head = doc[0]
    if first == "it" and any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.head.children):
        return None  # "It is estimated that ...", "It is important to ...": points at nothing
    if head.dep_ == "det" and words[1].lower() not in verb_forms()[0]:  # "These symptoms ...": names what it means
        noun = head.head
        if noun.lemma_.lower() in {t.lemma_.lower() for t in parse(previous)}:
            return None
        return f"'{head.text} {noun.text}' names nothing said in '{previous}'"
    if first in ("this", "that"):
        if piece.lower().startswith("this is because") and not rx.match(r"(?:But|So|And|Or|Also)\b", previous):
            told = _one_statement(previous, reason=True)  # a reason explains the whole sentence before
        else:
            # "This" stands for the event the sentence before tells: one event, told as a plain statement.
            told = _one_statement(previous)
        return None if told else f"'{words[0]}' could point at more than one thing in '{previous}'"
    doc, plural = parse(previous), first in ("they", "these", "those")
    subjects = [t for t in doc if t.dep_ in SUBJECTS]
    if subjects and subjects[0].lower_ in POINTERS:
        # "This might lead to low blood sugar. It may worsen ...": "It" after a "This" could be either, or what
        # the "This" stood for.
        return f"'{words[0]}' could point at more than one thing in '{previous}'"
    nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound" and _plural(t) == plural]
    if subjects and _plural(subjects[0]) == plural:
        return None  # the subject
    if len(nouns) == 1 and not (subjects and subjects[0].pos_ in ("NOUN", "PROPN") and nouns[0].dep_ == "pobj"
                                and nouns[0].head.head.i != subjects[0].i):  # ("None of these medicines": its noun)
        return None  # the only thing of that number it could mean
    # ("Older people are at greater risk. It may not shiver.": a reader takes "It" for the subject, which it cannot be,
    # or for "risk", which it was not meant to be)
    return f"'{words[0]}' could point at {'none' if not nouns else 'more than one'} of the things in '{previous}'"


def _brackets_open(piece: str) -> bool:
    """Tell whether a piece opens a bracket it does not close, or closes one it did not open."""
    depth = 0
    for ch in piece:
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(ch, 0)
        if depth < 0:
            return True
    return depth != 0


def pointer_left_behind(piece: str) -> str | None:
    """Return why a "this"/"that" inside a later piece may lose what it points at (None: it has none inside)."""
    # "Never share your medicine; most stimulants are controlled drugs and this is illegal": the "this" meant the
    # sharing before the break; split off, it is read as the nearer thing (taking controlled drugs).
    doc = parse(piece)
    # ("... and you should not stop those": "those" names things, the medicines said in the piece; "this" an event)
    # Only the subject of a clause joined on by "and"/"but" to one before it in the piece: "If this happens, call us",
    # "call us, since this may be a sign of ...": a condition or reason points at what its own sentence says.
    inside = next((t for t in doc[1:] if t.tag_ == "DT" and t.pos_ == "PRON" and t.lower_ in ("this", "that")
                   and t.dep_ in SUBJECTS and t.head.dep_ == "conj"), None)
    return f"'{inside.text}' in '{piece}' could point at what was said before the break" if inside else None


def _one_statement(text: str, reason: bool = False) -> bool:
    """Tell whether a sentence tells one thing: one clause, no "but" or "or", and (unless a reason follows) no "not"."""
    if not whole(text):
        return False
    doc = parse(text)
    # "but"/"or" between main clauses tells two things; between conditions ("if A, or if B") it is one.
    joins_clauses = any(t.i and t.lower_ in ("but", "or") and t.head.pos_ in ("VERB", "AUX")
                        and t.head.dep_ != "advcl" for t in doc)
    if any(t.dep_ == "neg" for t in doc) and not reason or joins_clauses:
        return False  # "Do not place a pillow ... This may ...": this what, the pillow or not placing it?
    # A purpose ("... to increase dopamine levels") is part of the one event; a second clause is another.
    # A condition on an instruction ("Do not stop even if ...", "Call if A, or if B") is part of what a reason explains.
    return not any(t.pos_ in ("VERB", "AUX") and _second_clause(t, reason) for t in doc)


def _second_clause(verb, reason: bool) -> bool:
    """Tell whether a verb starts a clause that tells a second thing (a purpose "to ..." does not)."""
    if verb.dep_ == "advcl":  # "if"/"unless" make it hypothetical: a "This" after it would state it as fact
        return not (reason or any(c.tag_ == "TO" or c.lower_ in TIMES for c in verb.children))
    if verb.dep_ == "conj" and verb.head.dep_ == "advcl" or verb.dep_ == "relcl":
        return not reason  # conditions, and a "who ..." that says which people, are part of what a reason explains
    return verb.dep_ in ("conj", "ccomp")


_COUNTED = {"number", "majority", "lot", "lots", "percent", "half", "third", "quarter", "rest", "variety", "range",
            "group", "couple", "minority", "proportion", "share"}


def _agree(subject, root) -> bool:
    """Tell whether a noun subject and its finite verb agree in number ("Virus are" does not)."""
    finite = next((t for t in [*root.children, root] if t.tag_ in ("VBZ", "VBP") and t.dep_ in ("aux", "auxpass", "ROOT")),
                  None)
    if subject.lemma_.lower() in _COUNTED and any(c.lower_ == "of" for c in subject.children):
        return True  # "A number of people are ...": the verb agrees with what is counted
    if finite is None or subject.tag_ not in ("NN", "NNS", "NNP", "NNPS") or any(c.dep_ in ("conj", "det", "nummod") and
                                                                   c.lower_ in ("and", "each", "every") for c in subject.children):
        return True
    if any(c.dep_ == "conj" for c in subject.children):
        return True
    # Either reading may be right: the tagger misreads nouns at a sentence's start ("Falls are" as singular), the
    # dictionary misreads Latin plurals ("bacteria" as singular). A cut subject ("Virus are") fails both.
    number = noun_number(subject.text)
    # Each reading says whether the subject is singular.
    readings = {subject.tag_ in ("NN", "NNP")}
    readings |= {True, False} if number == "both" else {number == "singular"} if number else set()
    return (finite.tag_ == "VBZ") in readings


def _plural(token) -> bool:
    """Tell whether a subject is plural ("Symptoms", "A and B")."""
    return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children) or \
        token.lower_ in ("they", "we", "you", "these", "those", "people")


def content_words(text: str) -> set[tuple[str, str]]:
    """Return each content word of a text (nouns, verbs, adjectives, adverbs, numbers) as (lemma, form)."""
    return {(t.lemma_.lower(), t.lower_) for t in parse(text) if t.pos_ in CONTENT and not t.is_stop
            and t.lemma_.lower() not in CONNECTIVES and any(c.isalnum() for c in t.text)}


def dropped_words(before: str, after: list[str]) -> list[str]:
    """Return the content words of `before` that no piece of `after` says (by lemma or as written)."""
    before = LINKING_PHRASES.sub(" ", before)
    said = {w for p in after for pair in content_words(p) for w in pair} | {w.lower() for p in after for w in p.split()}
    return sorted({form for lemma, form in content_words(before) if lemma not in said and form not in said})


def _restated(before: str, after: list[str]) -> bool:
    """Tell whether a rule said each later part with a condition it wrote itself ("..., unless A, in which case B"
    -> "... But if A, B."): a condition word the source did not say as often, and one in every later part."""
    def said(text: str) -> Counter:
        return Counter(w for w in (w.strip(",.;:").lower() for w in text.split()) if w in CONDITIONS)
    return bool(sum(map(said, after), Counter()) - said(before)) and all(said(p) for p in after[1:])


def condition_moved(before: str, after: list[str]) -> str | None:
    """Return which condition a split would part from the action it limits (None: each stays with it).

    A rule that words the condition anew ("unless A, in which case B" -> "But if A, B") must still
    say it as a condition, in one sentence with the whole of what it asks.
    """
    if len(after) < 2:
        return None
    doc = parse(before)
    # (past a section's number: "6.2 If you are pregnant ..., tell OH ...; you should not care for ...")
    first = next((t for t in doc if not t.is_punct and not rx.fullmatch(r"\d+(?:\.\d+)*\.?", t.text)), None)
    own = all(rx.match(r"(?:But |So |And )?(?:if|unless|when)\b", p, re.I) for p in after[1:])
    if first is not None and first.lower_ in ("if", "unless") and first.dep_ == "mark" and not (
            _restated(before, after) or own):
        # "If you miss a dose, take it ...; if it is the next day, skip it": a part with a condition of its own stands.
        # "If A, do B; do C": C holds only if A too.
        return f"a leading '{first.text} ...' holds for the whole sentence: it would not be said with every part"
    if (override := _OVERRIDE.search(before)) and not any(_OVERRIDE.search(p) for p in after[:-1]) \
            and any(instruction(p) or rx.search(r"\b(?:must|should|need to|have to|(?:is|are) allowed)\b", p, re.I)
                    for p in after[:-1]):
        # "must NOT eat ... for 6 hours before; clear fluids are allowed until 1 hour before, unless you are told
        # otherwise": a closing word of the team's overrules every instruction, not only the last one it would stay
        # with (a part that only describes, "Most rashes are not serious", it does not overrule)
        return f"a closing '{override.group().strip(' ,.')}' holds for every part: it would be said with the last only"
    for mark in doc:
        if mark.lower_ not in CONDITIONS or mark.dep_ != "mark" or mark.head.dep_ != "advcl":
            continue
        clause, action = mark.head, mark.head.head
        needed = {clause.lemma_.lower()} | {c.lemma_.lower() for c in clause.conjuncts}
        reworded = not any(mark.lower_ in p.lower().split() for p in after)
        if not reworded:
            needed.add(action.lemma_.lower())
        marks = CONDITIONS if reworded else {mark.lower_}
        together = [p for p in after if marks & set(p.lower().split())
                    and needed <= {t.lemma_.lower() for t in parse(p)}]
        if not together:
            return f"it would part '{mark.text} ... {clause.text}' from '{action.text}'"
    return None


# "unless you are told otherwise", "unless your doctor tells you to": the team's word overrules the whole instruction
_OVERRIDE = re.compile(r",?\s*\b(?:unless|except (?:when|if))\s+(?:(?:you\s+(?:are|have\s+been)|you're)\s+)?"
                       r"(?:told|advised|instructed|asked)\s+(?:otherwise|differently)\b[^.;!?]*[.!]?\s*$"
                       r"|,?\s*\bunless\s+(?:your|the|a)\s+(?:doctor|nurse|dentist|pharmacist|surgeon|midwife|team|GP|clinic)"
                       r"\b[^.;!?]*\b(?:says|tells\s+you|advises|asks)\b[^.;!?]*[.!]?\s*$", re.I)


def clause_starts(text: str) -> str:
    """Return a sentence with " | " where each of its clauses starts, for a reviewer who will split it by hand."""
    starts = set()
    for t in parse(text):
        if t.dep_ in ("advcl", "relcl", "ccomp", "conj", "acl", "parataxis") and t.pos_ in ("VERB", "AUX"):
            first = t.left_edge
            before = [c for c in t.head.children if c.dep_ == "cc" and c.i < first.i] if t.dep_ == "conj" else []
            starts.add((before[-1] if before else first).idx)
        if t.dep_ == "advcl" and t.i < t.head.i and t.right_edge.i + 1 < len(t.doc):
            after = t.doc[t.right_edge.i + 1]  # the main clause after a leading "If ...,"
            starts.add(after.nbor().idx if after.is_punct and after.i + 1 < len(t.doc) else after.idx)
    cuts = sorted(i for i in starts if len(text[:i].split()) > 1)  # not after a lone opening "But"
    pieces = [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])]
    return " | ".join(p for p in pieces if p)
