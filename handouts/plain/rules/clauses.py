"""The clause rules: one long sentence of two or more clauses said as sentences of one idea each."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.language.clause_parse import POINTING, leading_reason, main_clauses, points_elsewhere
from handouts.language.grammar import (ADVERBS, AUXILIARIES, PEOPLE, has_verb, is_plural, tells_what_to_do, third_person,
                                       verb_forms, words)
from handouts.language.lexicon import names_and_terms, protected_names
from handouts.language.parse import parse
from handouts.plain.rules.base import LONG, SPLIT_FROM, cap, end, rule, split_or_keep

MODALS = ("may", "might", "could", "can", "would", "will")
_JOINS = re.compile(r"[,;] (?:and|but|so|yet|although|though|whereas)\b")  # where two main clauses may meet


def _first_modal(text: str) -> str | None:
    """Return the first modal verb of a clause, to carry its hedge into a split-off clause."""
    for w in words(text):
        if w in MODALS:
            return w
    return None


@rule("A semicolon joins two sentences; readers cope better with one idea at a time.",
      cases=[("Rest is vital; further research is needed to set doses.", ["Rest is vital.", "Further research is needed to set doses."]),
             ("Bring: pens; paper.", ["Bring: pens; paper."]),
             ("The baby blues go away within 2 weeks; PPD does not.", ["The baby blues go away within 2 weeks; PPD does not."]),
             ("Risks include: a sore throat, in up to 40%; bleeding, in fewer than 1 in 1,000; and a tear, rarely.",
              ["Risks include: a sore throat, in up to 40%; bleeding, in fewer than 1 in 1,000; and a tear, rarely."]),
             ("Keep pillows and adult bedding away from your baby; put them on a firm, flat surface.",
              ["Keep pillows and adult bedding away from your baby; put them on a firm, flat surface."]),
             ("Risks of the anaesthetic (sore throat is common; death is very rare), which the anaesthetist will discuss.",
              ["Risks of the anaesthetic (sore throat is common; death is very rare), which the anaesthetist will discuss."])])
def split_semicolons(sentence: str) -> list[str]:
    """Split at semicolons between complete clauses."""
    parts = rx.split(r"\s*;\s+", sentence)
    if ":" in parts[0] or any(rx.match(r"(?:and|or)\b", p) for p in parts[1:]):
        return [sentence]  # "the following: a sore throat, ...; bleeding, ...; and a tear": one list, its items
    if any(len(words(p)) <= 4 and words(p) and words(p)[-1] in AUXILIARIES | {"not"} for p in parts[1:]):
        return [sentence]  # "The baby blues go away within 2 weeks; PPD does not.": the second half needs the first
    if any(next((t.pos_ for t in parse(p) if t.dep_ == "ROOT"), "") not in ("VERB", "AUX") for p in parts[1:]):
        return [sentence]  # "...; never in the gluteal region, where ...": its verb is the first half's (only the aside has one)
    for before, after in zip(parts, parts[1:]):
        # "Keep pillows and adult bedding away from your baby; put them on a firm, flat surface": after a full stop,
        # "them" reads as the bedding just named, not the baby (the half before names two things or more)
        if (m := rx.match(r"(?:(?:do not|don't|never|always) )?(\w+) (?:them|it)\b", after, re.I)) \
                and m.group(1).lower() in verb_forms()[1] \
                and len(rx.findall(r"\b[a-z]{2,}[a-rt-z]s\b|\band\b", before)) >= 2:
            return [sentence]
    return split_or_keep(sentence, parts)


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
    m = rx.match(r"^(.+?), with (?:some |many |most )?([a-z]+s) (suggesting|saying|claiming|arguing|believing|"
                 r"noting|warning|reporting|finding|showing) (.+)$", sentence)
    if m and not m.group(2).endswith("ss"):
        base, _ = third_person(m.group(3))  # "proponents suggesting it may help" -> "Proponents suggest it may help"
        who = rx.match(r"^.+?, with ((?:some |many |most )?)", sentence).group(1)
        return split_or_keep(sentence, [m.group(1), f"{cap(who + m.group(2))} {base} {m.group(4)}"])
    m = rx.match(r"^(.+?), with (its|their|his|her|the) (.+?) being (.+?)([.!?])$", sentence)
    if not m:
        return [sentence]
    head = m.group(3).split()[0]
    verb = "are" if head.endswith("s") and not head.endswith("ss") else "is"
    owner = m.group(2)
    first = rx.match(r"[\w-]+", m.group(1)).group(0)
    if owner in ("its", "their") and first.lower() in names_and_terms():
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
    m = rx.match(r"^While (.+?), (others|some|many|other studies|other research) (.+)$", sentence)
    if m:
        return split_or_keep(sentence, [m.group(1), f"But {m.group(2)} {m.group(3)}"])
    # Only a concessive "while" (about research) splits; "While you wait, drink water" stays.
    m = rx.match(r"^While ((?:more|further|some|little) [^,]+), (.+)$", sentence)
    if m:
        return split_or_keep(sentence, [m.group(1), f"But {m.group(2)}"])
    return [sentence]


@rule("'Because A, B' and 'Although A, B' make the reader hold A until B comes; say A first, then 'So B' or 'But B'.",
      cases=[("Because furosemide may lower your potassium level, you will need a blood test in about one week.",
              ["Furosemide may lower your potassium level.", "So you will need a blood test in about one week."]),
             ("Although clade I has been linked to more severe illness in Central Africa, most cases in the United "
              "States have been caused by clade II.",
              ["Clade I has been linked to more severe illness in Central Africa.",
               "But most cases in the United States have been caused by clade II."]),
             ("Although it is rare, the rash can be serious and may need treatment in hospital within 24 hours.",
              ["Although it is rare, the rash can be serious and may need treatment in hospital within 24 hours."]),
             ("Because a single dose is not always enough, and because pens occasionally misfire, you should carry two.",
              ["Because a single dose is not always enough, and because pens occasionally misfire, you should carry two."]),
             ("Although rare, serious reactions can happen within minutes of the injection and need emergency care.",
              ["Although rare, serious reactions can happen within minutes of the injection and need emergency care."])])
def split_leading_reason(sentence: str) -> list[str]:
    """Split 'Because/Although A, B' (14+ words, A a whole clause by the parse) into 'A.' and 'So/But B.'"""
    if len(sentence.split()) < SPLIT_FROM or not rx.match(r"(?:Because|Although|Though|Even though) ", sentence):
        return [sentence]
    found = leading_reason(sentence)
    if found is None:
        return [sentence]
    clause, joiner, main = found
    return split_or_keep(sentence, [clause, f"{joiner} {main}"], parsed=True)


# Not "taken" or "used": "Glycine, taken at 3 g before bed, is thought to help" states a condition of the claim,
# which "Glycine is taken at 3 g before bed." would turn into a fact of its own.
_APPOSITIVE_PARTICIPLES = r"(?:derived|made|extracted|produced|sold|known|grown)"


@rule("'Kratom, derived from X, has ...' hides a fact in a side phrase; say it as a sentence.",
      cases=[("Kratom, derived from a tree, has gained attention.",
              ["Kratom is derived from a tree.", "Kratom has gained attention."])])
def split_appositive_participle(sentence: str) -> list[str]:
    """Split 'Subject, derived from X, rest' into two sentences."""
    m = rx.match(rf"^([A-Z][\w’'-]*(?: [\w’'-]+){{0,3}}), ({_APPOSITIVE_PARTICIPLES} [^,]+), (.+)$", sentence)
    if not m:
        return [sentence]
    subject = m.group(1)
    be = "are" if subject.endswith("s") and not subject.endswith("ss") else "is"
    # Repeat the subject rather than "It": the first sentence may later be merged away.
    return split_or_keep(sentence, [f"{subject} {be} {m.group(2)}", f"{subject} {m.group(3)}"])


_COPULA_A = re.compile(r" (?:is|are) (?:an?|the) ")


@rule("'X is a Y that does Z' says two things; 'X is a Y. It does Z.' is easier to follow.",
      cases=[("Withdrawal is a complex process that occurs when someone stops a drug.",
              ["Withdrawal is a complex process.", "Withdrawal occurs when someone stops a drug."]),
             ("It is a drug that people use.", ["It is a drug that people use."]),
             ("Transferrin is the protein that carries iron in the blood.",
              ["Transferrin is the protein that carries iron in the blood."]),
             ("West Nile virus is a flavivirus that was first found in Uganda in 1937 and that has since become common.",
              ["West Nile virus is a flavivirus.", "West Nile virus was first found in Uganda in 1937 and has since "
               "become common."]),
             ("Withdrawal is a hard process driven by brain changes.",
              ["Withdrawal is a hard process.", "Withdrawal is driven by brain changes."]),
             ("High blood pressure, also known as hypertension, is a common condition in which the force of "
              "the blood against your artery walls is too high.",
              ["High blood pressure, also known as hypertension, is a common condition.",
               "In this condition, the force of the blood against your artery walls is too high."]),
             ("A skin biopsy is a minor procedure in which a small sample of skin is removed for testing, and it is "
              "usually recommended when a spot cannot be diagnosed by looking at it.",
              ["A skin biopsy is a minor procedure in which a small sample of skin is removed for testing, and it is "
               "usually recommended when a spot cannot be diagnosed by looking at it."])])
def split_copula_relative(sentence: str) -> list[str]:
    """Split 'X is a Y that verbs ...' (or 'X is a Y driven by ...', 'X is a Y in which ...') into two sentences."""
    if not _COPULA_A.search(sentence):
        return [sentence]  # every shape below says "is a", "are an" or "is the": no parse for the rest
    if _joins_another_main_clause(sentence):
        # "A biopsy is a procedure in which skin is removed ..., and it is usually recommended when ...": the "it"
        # is the biopsy; cut after "procedure", it would be the skin.
        return [sentence]
    m = rx.match(r"^([A-Z][^,]{0,40}?(?:, (?:also known as|also called|or) [^,]+,)?) (is|are) (an?) "
                 r"((?:[\w-]+ ){0,2}([\w-]+)) in which (.+)$", sentence)
    if m and len(sentence.split()) >= SPLIT_FROM:
        this = "these" if m.group(2) == "are" else "this"
        return split_or_keep(sentence, [f"{m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)}",
                                        f"In {this} {m.group(5)}, {m.group(6)}"])
    m = rx.match(r"^([A-Z][^,]{0,40}?) (is|are) (an?) ((?:[\w-]+ ){0,2}[\w-]+) "
                 r"((?:driven|caused|triggered|marked|made|shaped|affected) by .+)$", sentence)
    if m:
        subject = m.group(1) if len(m.group(1).split()) <= 3 else ("They" if m.group(2) == "are" else "It")
        return split_or_keep(sentence, [f"{m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)}",
                                        f"{subject} {m.group(2)} {m.group(5)}"])
    m = rx.match(r"^([A-Z][^,]{0,40}?) (is|are) (an?|the) ((?:[\w-]+ ){0,2}[\w-]+) (?:that|which) (\w+) (.+)$", sentence)
    if not m or not (m.group(5).endswith("s") or m.group(5) in AUXILIARIES) or m.group(3) == "the":
        # ("Transferrin is the protein that carries iron ...": "the" protein is the one the clause names; "Transferrin is
        # the protein." alone says nothing)
        return [sentence]
    subject = m.group(1)
    if len(subject.split()) > 3:
        subject = "They" if m.group(2) == "are" else "It"
    # "... that was first identified in 1937 and that has since become ...": the second "that" goes with the first
    # (only where a verb follows it: in "and that many people use" it is the verb's object).
    rest = rx.sub(r"\b(and|or|but)(,?) (?:that|which) (\w+)",
                  lambda w: f"{w.group(1)}{w.group(2)} {w.group(3)}" if w.group(3) in AUXILIARIES
                  or w.group(3) in verb_forms()[0] else w.group(0), m.group(6))
    # Repeat a short subject rather than "It": the first sentence may later be merged away.
    return split_or_keep(sentence, [f"{m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)}",
                                    f"{subject} {m.group(5)} {rest}"])


def _joins_another_main_clause(sentence: str) -> bool:
    """Tell whether the sentence's main verb has a second main clause joined to it whose subject is a pronoun
    (", and it is usually recommended ..."): the pronoun means the first clause's subject."""
    doc = parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > root.i
                                    and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in POINTING
                                            for g in c.children) for c in root.children)


def _base_verb_first(text: str) -> bool:
    """Tell whether a clause opens with a verb's base form, as an instruction does ("skip the missed tablet")."""
    from lemminflect import getAllLemmas  # (imports spaCy; only a sentence with "in which case" gets here)

    first = text.split()[0].lower().strip(",;") if text.split() else ""
    return first in getAllLemmas(first, upos="VERB").get("VERB", ()) and parse(text)[0].pos_ in ("VERB", "AUX")


@rule("'Do A, unless B, in which case do C' packs two instructions and a condition; say 'Do A. But if B, do C.'",
      cases=[("If you forget a dose, take it as soon as you remember, unless it is almost time for your next dose, "
              "in which case skip the missed dose.",
              ["If you forget a dose, take it as soon as you remember.",
               "But if it is almost time for your next dose, skip the missed dose."]),
             ("Take it daily unless told otherwise.", ["Take it daily unless told otherwise."]),
             ("If you miss a dose, take it as soon as you remember, unless it is almost time for your next dose, in which "
              "case skip the missed dose, and never take two doses at once.",
              ["If you miss a dose, take it as soon as you remember.",
               "But if it is almost time for your next dose, skip the missed dose.", "Never take two doses at once."]),
             ("A repeat urine test is not needed, unless you are pregnant, in which case a scan may also be done.",
              ["A repeat urine test is not needed, unless you are pregnant, in which case a scan may also be done."]),
             ("Choose the first zone that fits, unless your judgment says otherwise, in which case the reason must be "
              "written down.", ["Choose the first zone that fits, unless your judgment says otherwise, in which case the "
                                "reason must be written down."])])
def split_unless_in_which_case(sentence: str) -> list[str]:
    """Split 'A, unless B, in which case C.' into 'A.' and 'But if B, C.'"""
    m = rx.match(r"^(.+?), unless ([^,]+), in which case (.+)$", sentence)
    if not m or rx.search(r"\b(?:not|no|never)\b|n['’]t\b", m.group(1)) or rx.search(r"\balso\b", m.group(3)):
        # "A repeat culture is not needed, unless you are pregnant, in which case a scan may also be arranged": the
        # "unless" says when the culture IS needed; "But if you are pregnant, a scan ..." would lose that.
        return [sentence]
    then, also = rx.match(r"^(.+?)(?:, (?:and|but) ((?:never|always|do not|don't|please)\b.+))?$", m.group(3)).groups()
    if not (tells_what_to_do(then) or _base_verb_first(then)):
        # "... select the FIRST zone ..., unless clinical judgment indicates a higher level of care, in which case the
        # reason must be documented": only an instruction after "in which case" says what to do instead of A; "But if
        # B, the reason must be documented" would drop that A is not done then.
        return [sentence]
    if also:
        # "..., in which case skip the missed dose, and never take two doses at once": the last rule holds always;
        # after "But if B," it would hold only then. It gets a sentence of its own.
        return split_or_keep(sentence, [m.group(1), f"But if {m.group(2)}, {then}", also])
    return split_or_keep(sentence, [m.group(1), f"But if {m.group(2)}, {m.group(3)}"])


def _third_singular(word: str) -> bool:
    """Tell whether a word our verb list lacks is a verb said of one thing ("starves", "worsens"), by lemminflect."""
    from lemminflect import getAllLemmas  # here: importing lemminflect imports spaCy

    lemmas = getAllLemmas(word, "VERB").get("VERB", ())
    return bool(lemmas) and word not in lemmas and word.endswith("s")


@rule("A ', which ...' aside is a second sentence; name what it is about and let it stand alone.",
      cases=[("It can trigger many symptoms, which vary in strength.",
              ["It can trigger many symptoms.", "These symptoms vary in strength."]),
             ("A cuff may be placed on the arm for up to 20 minutes, which can be uncomfortable.",
              ["A cuff may be placed on the arm for up to 20 minutes, which can be uncomfortable."]),
             ("Was there loss of vision in one eye, which has now fully recovered?",
              ["Was there loss of vision in one eye, which has now fully recovered?"]),
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
             ("It is caused by the varicella-zoster virus, the same virus that causes chickenpox, which remains dormant "
              "in nerve tissue for decades.",
              ["It is caused by the varicella-zoster virus, the same virus that causes chickenpox, which remains dormant "
               "in nerve tissue for decades."]),
             ("Keep the dressing on until your visit, which is in 10 days, unless it gets soaked.",
              ["Keep the dressing on until your visit, which is in 10 days, unless it gets soaked."]),
             ("Your ACR is read together with your eGFR (estimated glomerular filtration rate), which comes from a blood test.",
              ["Your ACR is read together with your eGFR (estimated glomerular filtration rate).",
               "Your eGFR comes from a blood test."]),
             ("Ask for an Assessment, which every young carer in England is entitled to ask the local authority for.",
              ["Ask for an Assessment, which every young carer in England is entitled to ask the local authority for."])])
def split_which_clause(sentence: str) -> list[str]:
    """Split off a non-restrictive ', which' clause as its own sentence."""
    m = rx.match(r"^(.+?), which (.+)$", sentence)
    if not m:
        return [sentence]
    inside = rx.match(r"^([^,]+), ([a-z]+\b.+)$", m.group(2))
    if inside and not has_verb(m.group(1)) and words(inside.group(2))[0] in verb_forms()[0] | verb_forms()[1] | AUXILIARIES:
        # "Side effects, which affect 1 in 100 people, include A and B.": the aside sits between the
        # subject and its verb; say the main sentence whole, then the aside about the same subject.
        verb = next((w for w in words(inside.group(1)) if w not in ADVERBS), "")
        plural = verb in ("are", "were", "have", "do") or (verb not in ("is", "was", "has", "does")
                                                           and bool(words(m.group(1))) and is_plural(words(m.group(1))[-1]))
        pronoun = "They" if plural else "It"  # "The tips below, which were developed ...": they were
        main = f"{m.group(1)} {inside.group(2)}"
        named = m.group(1).rsplit(",", 1)[-1].strip()  # "During pregnancy, paromomycin, which ...": paromomycin is
        if named.lower() in protected_names() or len(main.split()) > 12 and len(named.split()) <= 5:
            # "Methadone, which is an opioid, is used ...": said after a long sentence, "It" could be anything.
            pronoun = cap(rx.sub(r"^(?:a|an|A|An)\b", "The", named))
        return split_or_keep(sentence, [f"{m.group(1)} {inside.group(2)}", end(f"{pronoun} {inside.group(1)}")])
    before, rest = m.group(1), m.group(2)
    if sentence.rstrip().endswith("?"):
        return [sentence]  # "Was there brief loss of vision ..., which has now FULLY recovered?": the question asks both
    if _AMOUNT_AT_END.search(before):
        return [sentence]  # "between 8 and 30 mg, which is much less than ...": the amount, not "Mg", is less
    if rx.search(r"\b(?:one|some|any|each|none|many|most|several|either|neither|both|all) of (?:the |these |those |your |their )?"
                 r"(?:[\w-]+ ){0,3}[\w-]+$", before, re.I):
        return [sentence]  # "torn one of the rotator cuff tendons, which may show up as ...": the tear, not "These tendons"
    if rx.match(r"(?:is|are|was|will be)\s+(?:(?:usually|often|normally|generally|typically|about|around|roughly|at least)\s+)*"
                r"(?:\d+|a few|several|one|two|three)\b[^,]*?\b(?:days?|weeks?|months?|years?|hours?)\s+(?:after|before|later|from)\b",
                rest):
        # "until you can grip the wheel and do an emergency stop, which is usually 1 to 2 weeks after surgery": the
        # time is of the whole (when you can drive), not of the last thing named ("This emergency stop is ...")
        return [sentence]
    if rx.match(r"(?:you|we|they|i|he|she|people|your|their|the|a|an|this|these|its|our|his|her)\b", rest, re.I):
        return [sentence]  # "the full agreement, which you should keep": "This you should keep" is no English
    if rx.search(r"\b(?:and|or),\s", before) and _last_of_a_pair(sentence, len(before)):
        # "It can cause dizziness when you stand up and, in men, a reduced amount of semen, which is harmless": the
        # last of two things, an aside between them; "This is harmless" could be read of both
        return [sentence]
    which = next((t for t in parse(sentence) if t.lower_ == "which" and t.idx > len(before)), None)
    if which is not None and (which.dep_ in ("dobj", "pobj") or any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i != which.i for c in which.head.children)):
        # "an Assessment, which every young carer is entitled to ask the local authority for": "which" is the
        # clause's object, its subject comes after it ("This every young carer ..." had been made of it)
        return [sentence]
    if rx.match(r"(?:\w+ ){0,2}(?:all|both|each)\b", rest) or rx.search(r", (?:as well as|along with|together with|plus)\b", rest) \
            or not _aside_runs_to_end(sentence, len(before)):
        # "..., and do not detect xylazine, benzodiazepines and other sedatives, which can all ...": which things?
        # "FAS, which is marked by ..., as well as ARND": the aside ends before the sentence does (by the parse).
        return [sentence]
    # "the 5:2 method, which involves ...": the aside describes the thing named just before it.
    described = rx.search(r"\b[Tt]he ((?:[\w:-]+ ){0,2}(?:method|plan|test|program|programme|diet|vaccine|device|"
                          r"procedure|treatment|medicine|drug|dose))$", before)
    describes = described and rx.match(r"(?:is|are|involves?|means|uses|contains|lasts)\b", rest)
    if not describes and (rx.search(r"\bsuch as\b[^,]*(?:, [^,]+)*$", before) or rx.search(
            r"\b(?:and|or) [\w-]+(?: \([^)]*\))?$", before) and words(before) and words(before)[-1] in names_and_terms()):
        # "NSAIDs such as ibuprofen or naproxen, which can make heart failure worse": about NSAIDs, or
        # "caffeine and alcohol, which can make anxiety worse": about both, not the last name alone.
        return [sentence]
    if (tells_what_to_do(before) or rx.match(r"You (?:may|can|could|might|should)\b", before)) and rx.match(
            r"(?:(?:may|might|can|could|will|usually|often) )?(?:(?:appears?|seems?) to )?(?:help|give|reduce|cause|make|"
            r"lead|improve|ease|prevent|lower|raise|increase|decrease|protect|keep|stop|work|speed|spread)", rest):
        # "Ask your doctor about physical therapy, which appears to improve balance"; "You may alternate the two
        # medicines, which may give steadier relief"; "Do not pick or scratch the wart, which may spread the virus":
        # the asking, the alternating, the picking, or the thing? Said as written.
        return [sentence]
    if rx.search(r"\b(?:while|by|after|before|when|without)\s+\w+ing\b[^,]*$", before):
        return [sentence]  # "close the eye while pressing the inner corner, which reduces ...": the pressing does
    if rx.search(r",[^,]+,\s(?:and|or)\s[\w\s'-]+$", before) and rx.match(r"(?:[\w,]+ ){0,4}?(?:are|were|have|do)\b", rest):
        # "diarrhea, nausea, stomach cramps, and vomiting, which in many cases are ...": the things listed (all four, or
        # the last?), not what the sentence says of them ("This in many cases are" had been made of it)
        return [sentence]
    if rx.search(r"\b(?:that|who|whom)\s+(?:[\w'-]+\s+){0,5}[\w'-]+$", before.split(",")[-1]):
        # "the varicella-zoster virus, the same virus that causes chickenpox, which remains dormant": the virus
        # or the chickenpox? The noun before the aside sits in another's "that" clause ("Chickenpox remains
        # dormant" had been made of it).
        return [sentence]
    if ";" in rest or rx.search(r"\b(?:and|or|but) which\b", rest):
        # "the following: a sore throat, which ...; bleeding, which ...": asides of list items; "which is
        # injected ... and which helps ...": a second "which" a "This" sentence would leave with nothing to describe.
        return [sentence]
    goes_on = rx.search(r", (?:and|or|but) (\w+)", rest)
    if goes_on and not has_verb(rx.split(r",? (?:which|who|that)\b", rest[goes_on.start() + 2:])[0]) \
            and "," not in rx.sub(r"\([^()]*\)", "", rest[:goes_on.start()]) \
            and not rx.match(r"(?:is|was) (?:why|what|how)\b|means\b", rest):
        # "cetostearyl alcohol, which may cause skin reactions, and benzyl alcohol, which ...", "struvite, which is
        # linked to infection, or cystine": the list goes on after the aside ("Alcohol may cause ..., and benzyl
        # alcohol" and "This is linked to infection, or cystine" had been made of it); not the aside's own list ("...,
        # which is a sudden onset of symptoms such as vomiting, sweating, and agitation")
        return [sentence]
    if goes_on and (goes_on.group(1).lower() in verb_forms()[1] | {"text", "it", "they", "this", "these", "he", "she",
                                                                  "you", "we"} or goes_on.group(1).endswith("ing")):
        # "Call Poison Control, which is free, or text POISON to ...": after the aside the main sentence
        # goes on; "... dreams, which improve over time, and taking the pill with food may help" too.
        return [sentence]
    if rx.search(r", (?:unless|except|until|if|provided|to be|to take)\b", rest) \
            or rx.match(r"(?:If|When|Unless)\b", before) and "," in rest:
        # "Cortisol is made by the adrenal glands, which sit on the kidneys, and it helps ...": the aside
        # ends before ", and it", which belongs to the main sentence.
        # "If you feel hopeless, you may have depression, which is treatable, and you should see a doctor":
        # the "if" holds for what follows the aside too, and a split would leave that without it.
        # "Leave the dressing on until your visit, which is in 10 days, unless it gets soaked": the
        # "unless" belongs to the main sentence, which a split would cut from it.
        return [sentence]
    last = words(before)[-1] if words(before) else ""
    if ", " not in before and rx.search(r"\b(?:and|or) [\w-]+$", before) and not rx.match(r"(?:is|was) (?:why|what|how)\b|means\b", rest):
        return [sentence]  # "tension-type headaches and migraines, which can be painful": both, or migraines alone?
    if rx.match(r"(?:is|was) (?:why|what|how)\b|means\b|is because\b", rest):
        subject = "This"  # "Having lost someone to an overdose, which is why ...": the whole clause is the reason
    elif (short := rx.search(r"(?:\b[Tt]he (?:[\w-]+ ){1,5}|(?:[A-Z][\w-]* ){2,})\(([A-Z][A-Z0-9-]{1,7})\)$", before)) \
            and not rx.search(r"\b(?:and|or)\b|,", before[-60:]):
        # "... Intraoperative Floppy Iris Syndrome (IFIS), which can make ...", "the hepatitis A virus (HAV), which
        # spreads ...": the name in brackets says what the aside is about ("These ifis" had been made of it). Not
        # "a disease-modifying drug (DMARD), which": the aside is about the one drug, not the kind.
        subject = short.group(1)
    elif last in names_and_terms() and not _main_clause_noun(sentence, len(before)):
        return [sentence]  # "injury appearing after starting ashwagandha, which resolved": the injury did, not the herb
    elif last in names_and_terms():
        # "donepezil (Aricept), which is ...": the name before the brand in brackets.
        found = rx.search(r"(?:\b([a-z]+(?:ed|al|ic|ive|ous)) )?([\w-]+)$", rx.sub(r"\s*\([^()]*\)$", "", before))
        if not found:
            return [sentence]
        # "can cause precipitated withdrawal, which is ...": the aside is about precipitated withdrawal.
        subject = f"{found.group(1)} {found.group(2)}" if found.group(1) else found.group(2)
        if rx.search(rf"\b(?:a|an|the)\s+(?:[\w-]+\s+)?{re.escape(subject)}$", rx.sub(r"\s*\([^()]*\)$", "", before), re.I):
            subject = f"this {found.group(2)}"  # "a stomach virus, which usually settles": "This virus", not "Virus"
        subject = cap(subject)
    elif rx.match(r"^[A-Z][\w-]*(?: \([^)]*\))? (?:is|was) an? (?:[\w-]+ ){0,3}(?:medicine|medication|drug|vaccine|test|"
                  r"treatment|supplement|device)$", before) and rx.match(r"(?:is|was|can|may|works|helps)\b", rest):
        # "Warfarin (Coumadin) is an anticoagulant medicine, which is prescribed ...": the aside is about warfarin.
        subject = "It"
    elif (kind := rx.search(r"\b(?:about|for|with|of|on) ((?:[\w-]+ ){0,2}(?:treatment|therapy|medicine|vaccine|program))$",
                            before)) and rx.match(r"(?:is|are|has been|have been)\b", rest):
        subject = cap(kind.group(1))  # "talk about medication-assisted treatment, which has been shown to ..."
    elif describes:
        # "the 5:2 method, which involves ...": "This involves" could be the whole sentence; name the method.
        subject = f"The {described.group(1)}"
    else:
        finite, bases = verb_forms()
        verb = next((w for w in words(rest) if w not in ADVERBS), "")  # "which usually improve": improve
        plural_verb = verb in ("are", "were", "have", "do", "don't", "aren't") or verb in bases and verb not in AUXILIARIES
        listed = rx.search(r",\s+(?:and|or)\s+([^,]+)$", before) or ", " in before and rx.search(r"\s(?:and|or)\s([^,]+)$", before)
        if listed and len(listed.group(1).split()) > 3:
            # "..., or raw sprouts such as alfalfa, which cannot be washed": the aside may be about the last
            # item alone or the whole list; a sentence of its own would have to choose.
            return [sentence]
        if listed and plural_verb and (shared := _shared_head(sentence, len(before))):
            subject = shared  # "throat, anal and penile cancers, which have ...": these cancers (not "They": the boys?)
        elif listed and plural_verb and _plural_subject_apart(sentence, len(before) - len(listed.group(0))):
            return [sentence]  # "Boys can develop throat, anal and penile cancers, which have ...": "They" = the boys?
        elif listed:
            subject = "They" if plural_verb else "This"  # "nausea, poor sleep and dreams, which improve": all of them
            if rx.match(r"(?:can|may|might|could) be (?:\w+ )?(?:signs|symptoms)\b", rest):
                subject = "These"  # "confusion, or a seizure, which can be signs of ...": these can be signs
        elif rx.search(r"\b(?:in|at|for|over|within|during|on)\s+(?:some|many|most|a few|rare|certain|all|such)\s+[\w-]+$", before):
            # "... may lower your uric acid by roughly 1 mg/dL in some cases, which can help reduce the number of flares":
            # "in some cases" says when, no thing an aside describes; the aside is about what was said ("These cases
            # can help" had been made of it)
            if plural_verb:
                return [sentence]
            subject = "This"
        elif plural_verb and (last.endswith("s") and not last.endswith("ss")) and _IN_A_PLACE.search(before):
            return [sentence]  # "tubes (grommets) placed in the eardrums, which allow air in": the tubes do, not the eardrums
        elif plural_verb and (last.endswith("s") and not last.endswith("ss")):
            if before.rstrip().endswith(")"):
                return [sentence]  # "tinnitus (ringing or buzzing in the ears), which": not the ears, what they describe
            subject = f"These {last}"  # "white blood cells called neutrophils, which are needed": these neutrophils
            said = words(before)
            if said.count(last.lower()) > 1:
                # "swelling of the salivary glands, particularly the parotid glands, which sit ...": "These glands"
                # could be either; the last ones named in full are meant.
                prior = said[len(said) - 2] if len(said) > 1 else ""
                if prior in ("the", "a", "an", "these", "those", "some", "and", "or") or not prior.isalpha():
                    return [sentence]
                subject = f"The {prior} {last}"
        elif is_plural(last) and verb.endswith("s") and verb not in bases and (verb in finite or _third_singular(verb)):
            subject = "This"  # "raised for the first 2 to 3 days, which helps": not the days; what was said helps
        elif not is_plural(last) or plural_verb is False and verb in ("is", "was", "has", "does"):
            subject = "This"
        else:
            if before.rstrip().endswith(")"):
                return [sentence]  # ("tinnitus (ringing or buzzing in the ears), which may be temporary": "These ears")
            subject = f"These {last}"
        if subject == "This" and plural_verb:
            return [sentence]  # "This are needed" would be wrong, and what the aside is about is unclear
        if subject == "This" and rx.match(r"(?:\w+ly )?\w+ (?:it|them)\b", rest) and not _named_antecedent(sentence, len(before)):
            return [sentence]  # "a hormone made by the pineal gland, which releases it": "This releases it" is the hormone
        if subject == "This" and (named := _named_antecedent(sentence, len(before))):
            # "Do not use hydrogen peroxide, which can damage ...": the parse's noun, named ("This" could be
            # the whole sentence before: that you should not use it).
            subject = named
        elif subject == "This" and before.rstrip().endswith(")"):
            return [sentence]  # "..., with your eGFR (estimated ...), which comes from a blood test": "This" = the ACR?
    return split_or_keep(sentence, [before, f"{subject} {rest}"])


_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those"}
# "... placed in the eardrums": the last noun is where something is, and an aside after it may be about that thing
_IN_A_PLACE = re.compile(r"\b(?:in|into|inside|on|onto|under|behind|through|within|between)\s+(?:the |a |an |your |their |its |"
                         r"his |her |both )?(?:[\w-]+ )?[\w-]+$")
# A number and its unit end the words before the aside: "8 to 30 mg", "20%", "2 weeks", "400 mg/day".
# (a time too: "placed on the upper arm for up to 20 minutes, which can be uncomfortable": the cuff is, not the minutes)
_AMOUNT_AT_END = re.compile(r"\d(?:\s?%|\s?(?:mg|mcg|µg|g|kg|lbs?|ml|mL|L|oz|IU|units?|mmol|mg/dL|mmol/L|mg/day|"
                            r"seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?))?$")


def _named_antecedent(sentence: str, comma: int) -> str | None:
    """Return the noun phrase a ', which ...' aside describes, to start its own sentence ("Postpartum depression",
    "This procedure"), when the parse leaves no doubt; None when it does.

    No doubt: the noun ends right before the comma, is one thing (no "A and B"), is not the object of a
    preposition ("the level of apixaban in your blood, which": the level or the blood?), and the aside's
    verb agrees with it in number.
    """
    doc = parse(sentence)
    which = next((t for t in doc if t.lower_ == "which" and t.idx > comma), None)
    if which is None or which.dep_ not in ("nsubj", "nsubjpass") or which.head.dep_ != "relcl":
        return None
    noun, clause = which.head.head, which.head
    before = _words_before(doc, comma)
    if before and noun.i != before[-1].i and rx.search(r"[A-Z].*[A-Z]", noun.text) and doc.text[:comma].rstrip().endswith(")"):
        # "your eGFR (estimated glomerular filtration rate), which comes from a blood test": the name, its words in
        # brackets after it
        before = _words_before(doc, comma, brand=True)
    if not before or noun.i != before[-1].i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.head.tag_ in ("VB", "VBG") and noun.head.dep_ in ("xcomp", "advcl", "ccomp", "acl", "pcomp") \
            and clause.lemma_ == "be":
        # "choose to donate milk, which is also an option": what is an option is the donating ("This" says it), not
        # the milk (but "able to remove the extra magnesium, which can build up": the magnesium does)
        return None
    # (a verb's preposition's object too: "read together with your eGFR, which ..."; not a noun's: "the level of X")
    # ("without pain, which for most people takes ...", "after removal, which is usually due to swelling": the event
    # the phrase names, not the noun; but an abbreviation is a thing: "with your eGFR (...), which comes from ...")
    if noun.dep_ not in ("dobj", "attr", "nsubj", "nsubjpass") and not (
            noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX") and noun.head.head.i < noun.i
            and rx.search(r"[A-Z]", noun.text[1:]) and doc.text[:comma].rstrip().endswith(")")) \
            or noun.head.lemma_ in ("call", "know", "name", "term") \
            or any(c.dep_ in ("conj", "cc", "prep", "acl", "relcl") and c.i < which.i for c in noun.children):
        return None  # "often called a blood thinner, which ...": about the medicine, not the name it is called
    verb = next((c for c in clause.children if c.dep_ in ("aux", "auxpass")), clause)
    plural = noun.tag_ in ("NNS", "NNPS")
    if verb.tag_ == "VBZ" and plural or verb.tag_ == "VBP" and not plural:
        return None  # "migraines, which is ...": the aside is about something else
    mods = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod", "det", "poss")]
    # ("your eGFR" after "Your ACR is read together with ...": whose is plain next to "you")
    yours = any(t.lower_ == "your" for t in mods) and rx.match(r"(?:you|your)\b", doc.text, re.I) is not None
    if any(t.dep_ in ("det", "poss") and t.lower_ not in _DETERMINERS and not (yours and t.lower_ == "your") for t in mods) \
            or any(t.i != noun.i - len(mods) + k
                                                                                  for k, t in enumerate(mods)):
        return None  # "your weight" ("Your weight" would be right, but whose is plain only next to "you"), or a gap
    words_ = [t.text for t in mods if t.dep_ not in ("det", "poss")] + [noun.text]
    first = mods[0] if mods else noun
    if len(words_) > 4 or first.i and not doc[first.i - 1].whitespace_ and doc[first.i - 1].text in ("-", "/", "–"):
        return None  # (nor half a word joined by a hyphen: "gastro-oesophageal reflux, which" is no "Oesophageal reflux")
    phrase = " ".join(words_)
    if yours:
        return "Your " + phrase
    if any(t.dep_ == "det" for t in mods):
        return ("These " if plural else "This ") + phrase  # "a quick procedure, which ...": "This quick procedure"
    return cap(phrase) if noun.pos_ == "PROPN" or phrase[0].isupper() else phrase[:1].upper() + phrase[1:]


def _words_before(doc, comma: int, brand: bool = False) -> list:
    """Return the words of a parsed sentence before the comma at `comma` (with `brand`, before a bracketed brand
    name there: "donepezil (Aricept), which ...")."""
    before = [t for t in doc if t.idx < comma]
    while brand and before and before[-1].text == ")":
        opening = next((t for t in reversed(before) if t.text == "("), None)
        if opening is None:
            break
        before = [t for t in before if t.i < opening.i]
    return [t for t in before if not t.is_punct]


def _main_clause_noun(sentence: str, comma: int) -> bool:
    """Tell whether the name before a ', which' is a thing of the main clause, by the parse: its subject, object
    or complement, one thing and no part of a phrase inside ("after starting ashwagandha", "cold baths or
    rubbing alcohol")."""
    before = _words_before(parse(sentence), comma, brand=True)
    if not before:
        return False
    noun = before[-1]
    verb = noun.head
    listed = any(t.dep_ == "cc" for t in before[-4:-1])  # "cold baths or rubbing alcohol": which of them?
    # Not the object of an action said in the infinitive ("choose to donate milk, which is also an option": the
    # donating is the option), nor an amount ("between 8 and 30 mg, which is much less than ...": the amount is).
    return (noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos") and not listed
            and not any(c.dep_ == "conj" for c in noun.children) and verb.tag_ != "VBG"
            and verb.dep_ in ("ROOT", "conj") and not (noun.i and noun.nbor(-1).like_num))


def _plural_subject_apart(sentence: str, list_start: int) -> bool:
    """Tell whether the sentence's subject is plural and stands before the list (so "They" could mean it)."""
    doc = parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    # "The side effects are nausea, ... and dreams, which improve": the subject is the list, "They" means both.
    return subject is not None and root.lemma_ != "be" and subject.tag_ in ("NNS", "NNPS", "PRP") \
        and subject.lower_ not in ("it", "i") and subject.idx < list_start


def _shared_head(sentence: str, comma: int) -> str | None:
    """Return "These <noun>" when the list before a ', which' is of words that share one plural noun ("throat, anal
    and penile cancers"), by the parse; None when its items are things of their own ("nausea, poor sleep and dreams")."""
    before = _words_before(parse(sentence), comma)
    if not before:
        return None
    noun = before[-1]
    if noun.tag_ not in ("NNS", "NNPS") or noun.dep_ == "conj" or any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                                                                         for c in noun.children):
        return None
    return f"These {noun.text}"


def _aside_runs_to_end(sentence: str, comma: int) -> bool:
    """Tell whether the ', which ...' clause after `comma` runs to the sentence's end, by the parse (not a list that goes on)."""
    doc = parse(sentence)
    which = next((t for t in doc if t.lower_ == "which" and t.idx > comma), None)
    if which is None or which.head.i == which.i:
        return False
    clause = which.head if which.dep_ in ("nsubj", "nsubjpass") else None
    if clause is None or clause.dep_ != "relcl":
        return False  # "which" is no subject of a clause about the thing before it
    last = max(t.i for t in doc if not t.is_punct)
    return max(t.i for t in clause.subtree if not t.is_punct) == last


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
              ["Call your surgeon if you have a fever above 101.5°F, increasing redness, or pain."]),
             ("Perform 3 sets of 15 repetitions, increasing the weight gradually if pain allows.",
              ["Perform 3 sets of 15 repetitions, increasing the weight gradually if pain allows."]),
             ("Look for signs of infection: spreading redness, swelling, pus, red streaks, increasing pain, or a fever.",
              ["Look for signs of infection: spreading redness, swelling, pus, red streaks, increasing pain, or a fever."])])
def split_participle_clause(sentence: str) -> list[str]:
    """Split a trailing ', leading/resulting/creating ...' clause into 'This leads ...'."""
    alts = "|".join(_EFFECT_PARTICIPLES)
    m = rx.match(rf"^(.+?), (?:(potentially|possibly|perhaps|mainly|primarily|mostly|often|also) )?({alts}) (.+)$",
                 sentence)
    if not m:
        return [sentence]
    if rx.search(r"\b(?:if|when|unless)\b", m.group(1), re.I) and (
            rx.search(r",\s+(?:or|and)\b", m.group(4)) or not rx.match(r"(?:the|a|an|in|to|on|your|their|its)\b", m.group(4))):
        # "Call if you have a fever, increasing redness, or pain": the -ing word is a sign in the list.
        return [sentence]
    if rx.search(r",\s+(?:or|and)\s", m.group(4)) and rx.search(r"[,:]", m.group(1)) \
            and not rx.match(r"(?:the|a|an|in|to|on|your|their|its)\b", m.group(4)) or sentence.endswith("?"):
        # "signs of infection: spreading redness, swelling, pus, red streaks, increasing pain, or a temperature of 38 C":
        # a list goes on after the -ing word, one of its items (and a question's -ing word asks, it tells no effect)
        return [sentence]
    participle = next((t for t in parse(sentence) if t.idx == m.start(3)), None)
    if participle is not None and any(c.dep_ == "conj" and c.tag_ == "VBG" for c in participle.children) \
            or _done_by_a_person(m.group(1), m.group(3)):
        # "You may shower ..., keeping the dressings on and patting the wounds dry": what the person does as they
        # shower, not what showering does ("This may keep the dressings on" would say it happens by itself).
        return [sentence]
    base, third = third_person(m.group(3))
    if tells_what_to_do(m.group(1)) or tells_what_to_do(rx.sub(r"^(?:When|If|Before|After|While|Once)\b[^,]*, ", "", m.group(1))):
        # ("When changing direction, take several small steps ..., keeping your toes pointed forward" too)
        # "Perform 3 sets of 15, increasing the weight gradually if pain allows": the -ing part of an instruction may
        # be one more step ("This increases the weight" would say it happens by itself) or what the step does ("Take
        # it with food, reducing stomach upset"): which, only the reader of the whole can tell.
        return [sentence]
    modal = _first_modal(m.group(1))
    if m.group(2) in ("potentially", "possibly", "perhaps"):
        verb = f"may {base}"  # "potentially easing" keeps its hedge as "may ease"
    elif m.group(2):
        verb = f"{m.group(2)} {modal + ' ' + base if modal else third}"
    else:
        verb = f"{modal} {base}" if modal else third
    return split_or_keep(sentence, [m.group(1), f"This {verb} {m.group(4)}"])


# What an event brings about, whoever does it: after a person's action ("You may rest, causing ..."), "This" may
# still stand for the action. Other -ing words after a person's action are what the person does with it.
_CONSEQUENCES = {"leading", "resulting", "causing", "triggering", "producing", "creating", "worsening"}


def _done_by_a_person(main: str, participle: str) -> bool:
    """Tell whether an -ing clause after `main` tells what its person does, not what its event brings about."""
    if participle in _CONSEQUENCES:
        return False
    root = next((t for t in parse(main) if t.dep_ == "ROOT"), None)
    subject = root is not None and next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return bool(subject) and subject.lemma_.lower() in PEOPLE | {"i", "we", "he", "she"}


# Nouns any two clauses may share ("within 2 weeks ... within 3 weeks"): no sign that they say like things.
_NOUNS_ANY_CLAUSES_SHARE = {"week", "day", "month", "hour", "minute", "time", "people", "person", "child", "change", "way",
                            "number", "part", "thing", "lot"}


@rule("'A, but B', 'A, although B' and 'A, so B' join two complete sentences (as the parse shows); split them and keep the 'But'.",
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
              ["Your heart may beat faster.", "Your breathing may get shallow.", "You might feel shaky or sick."]),
             ("Name 5 things you can see, 2 things you can smell, and 1 thing you can taste right now.",
              ["Name 5 things you can see, 2 things you can smell, and 1 thing you can taste right now."]),
             ("Stop taking the tablets, and call your doctor if you get a rash on your skin.",
              ["Stop taking the tablets, and call your doctor if you get a rash on your skin."]),
             ("Common signs are fever, chills, and muscle aches that last for days.",
              ["Common signs are fever, chills, and muscle aches that last for days."]),
             ("Results come from people who sleep well, and those who took part in the study were older.",
              ["Results come from people who sleep well, and those who took part in the study were older."]),
             # A phrase before the subject may hold for both clauses: said with the first only, it would not.
             ("In people with kidney disease, the dose is lower, and the drug can build up in the blood.",
              ["In people with kidney disease, the dose is lower, and the drug can build up in the blood."]),
             # A fact, then what to do about it; not when an "it" could then mean another thing the fact names.
             ("The drug can make you drowsy, so do not drive until you know how it affects you.",
              ["The drug can make you drowsy.", "So do not drive until you know how it affects you."]),
             ("Prednisone may raise blood sugar, so check it more often if you have diabetes.",
              ["Prednisone may raise blood sugar, so check it more often if you have diabetes."]),
             ("Flu shots are made with killed virus or with no virus at all, so they cannot cause flu.",
              ["Flu shots are made with killed virus or with no virus at all.", "So they cannot cause flu."]),
             ("It may offer benefits for some people, but more research is needed, and it should only be done "
              "with medical supervision.",
              ["It may offer benefits for some people.", "But more research is needed.",
               "It should only be done with medical supervision."]),
             ("Some evidence suggests that it can shorten the time to fall asleep in children with ADHD, but it is "
              "not clear whether it helps other children, and little is known about nightly use over many years.",
              ["Some evidence suggests that it can shorten the time to fall asleep in children with ADHD.",
               "But it is not clear whether it helps other children, and little is known about nightly use over "
               "many years."]),
             ("Studies show that it lowers pain, and the effect lasts about 6 hours.",
              ["Studies show that it lowers pain, and the effect lasts about 6 hours."]),
             ("Children with levels of 20 µg/dL or higher usually need a home visit, and chelation therapy is "
              "considered only when levels reach 45 µg/dL or more.",
              ["Children with levels of 20 µg/dL or higher usually need a home visit.",
               "Chelation therapy is considered only when levels reach 45 µg/dL or more."]),
             ("Metformin should not be used if your eGFR is below 30, and your dose may need to be lowered if your "
              "eGFR falls between 30 and 45.",
              ["Metformin should not be used if your eGFR is below 30.",
               "Your dose may need to be lowered if your eGFR falls between 30 and 45."]),
             ("Metformin should not be used if your eGFR is below 30, and your dose may need to be lowered if it falls "
              "between 30 and 45.",
              ["Metformin should not be used if your eGFR is below 30, and your dose may need to be lowered if it falls "
               "between 30 and 45."]),
             ("Symptoms usually begin 2 to 10 days after exposure, but in some cases up to about 19 days, so a guest may "
              "already have gone home.",
              ["Symptoms usually begin 2 to 10 days after exposure, but in some cases up to about 19 days, so a guest may "
               "already have gone home."]),
             ("A fasting value of 7.0 mmol/L or more may suggest diabetes from before pregnancy, and you will be seen "
              "more urgently.",
              ["A fasting value of 7.0 mmol/L or more may suggest diabetes from before pregnancy, and you will be seen "
               "more urgently."]),
             ("Several hundred cases are reported each year in England, and more than 10,000 cases a year are reported "
              "across the EU, although the true number is thought to be higher.",
              ["Several hundred cases are reported each year in England, and more than 10,000 cases a year are reported "
               "across the EU, although the true number is thought to be higher."])])
def split_coordinate_clauses(sentence: str) -> list[str]:
    """Split where the parse joins two main clauses with ', and' / ', but' / ', so' / ', although'."""
    if not _JOINS.search(sentence):
        return [sentence]  # no comma before a joining word: nothing to parse for
    clauses = main_clauses(sentence)
    if not clauses:
        return [sentence]
    finite, bases = verb_forms()
    if any(rx.match(r"(?:only|not|never) (?:if|when|after|before|while|as long as|until)\b", text) for _, text in clauses[1:]):
        return [sentence]  # "they CAN be, but only if they contain what the label says": a condition on the first
    aside = rx.search(r",\s+(?:although|though|even though)\s", clauses[-1][1]) if len(clauses) >= 2 else None
    if aside and clauses[-1][0].lower() in ("", "and", "or") and ({t.lemma_.lower() for t in parse(clauses[0][1]) if t.pos_ == "NOUN"}
                                                                & {t.lemma_.lower() for t in parse(clauses[-1][1][:aside.start()])
                                                                   if t.pos_ == "NOUN"}) - _NOUNS_ANY_CLAUSES_SHARE:
        # "Several hundred cases ... in England, and more than 10,000 cases ... across the EU, although the true number
        # is thought to be higher": a closing aside on two like clauses (both of cases) holds for both; split, it held
        # for the last only
        return [sentence]
    for joiner, text in clauses[1:]:
        first = rx.split(r",\s+(?:so|because|as)\s", text)[0]
        if first != text and joiner.lower() == "but" and not has_verb(first) and not (words(first) and words(first)[0] in finite | bases):
            # "..., but in some cases up to about 19 days, so a guest may already have gone home": the "but" part has no
            # verb of its own (it shares "begin"); the verb the parse found is the "so" clause's
            return [sentence]
        goes_on = rx.search(r", (?:and|or) (\w+)", text)
        # (main_clauses says an "although" clause as "But ...")
        concedes = joiner.lower() in ("although", "though", "whereas", "but") and rx.search(
            r",\s+(?:although|though|whereas)\s+" + re.escape(text.split(",")[0][:30]), sentence)
        if concedes and goes_on and (goes_on.group(1).lower() in finite | bases
                                     or goes_on.group(1).lower() in ("they", "it", "these", "this")):
            # "Symptoms usually begin 2 to 10 days after exposure, although in some cases they may appear up to 14 days
            # later, and include cough, fever ...": the main clause goes on after the aside ("and include" is what the
            # symptoms do); split, the symptoms would be said only "in some cases"
            return [sentence]
        if joiner.lower() in ("", "and") and rx.match(r"(?:you|they|she|he|we)\s+will\b", text, re.I) and rx.search(
                r"\b(?:or (?:more|above|higher|over|less|below|lower)|above|below|over|under) \d|\d\s*\S*\s+or "
                r"(?:more|above|higher|over|less|below|lower)\b", clauses[0][1]):
            # "A fasting value of 7.0 mmol/L or more ... may suggest diabetes ..., and you will be seen more urgently":
            # what "will" happen follows from the value; alone, "You will be seen more urgently" says it of everyone
            return [sentence]
    # "and" only adds: the second sentence can stand without it. "But" and "so" carry meaning.
    return split_or_keep(sentence, [f"{joiner} {text}".strip() for joiner, text in clauses], parsed=True)


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
              ["But these signs and symptoms aren't specific.", "They usually don't occur until the disease is severe."]),
             ("Endophthalmitis and retinal detachment are serious and may cause severe, permanent loss of vision.",
              ["Endophthalmitis and retinal detachment are serious.", "They may cause severe, permanent loss of vision."])])
def split_shared_subject(sentence: str) -> list[str]:
    """Split 'Subject verb A and <modal> B' (12+ words) into 'Subject verb A.' and 'It/They <modal> B.'"""
    m = rx.match(r"^((?:But |And )?)((?:[Tt]he(?:se|ir)?|Th(?:is|ose)|Its?|[A-Z][\w-]*)(?: [\w-]+){0,3}?) "
                 r"((?:is|are|isn't|aren't|was|were|has|have|comes|come|acts|act|causes|cause|affects|affect)\b.+?) "
                 r"and ((?:usually |often |sometimes |also )?(?:can|may|might|could|will|should|often|do not|don't|"
                 r"does not|doesn't|cannot|can't)) (.+)$", sentence)
    if not m or len(sentence.split()) < 12 or rx.search(r"\b(?:and|or)\b", m.group(3)) or ":" in sentence \
            or rx.match(r"(?:If|When|Unless)\b", sentence) or rx.search(r"\b(?:that|which|who)\b", m.group(3)):
        # "is A and B and can C": the split point is not clear; "are drugs that ..., which, when started early, can
        # shorten it and may reduce ...": the second verb is the "which" clause's, under its "when started early".
        return [sentence]
    subject = m.group(2)
    doc = parse(sentence)
    joined = next((t for t in doc if t.idx == m.start(4) - 4 and t.lower_ == "and"), None)
    if joined is None or not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") and m.start(2) <= c.idx < m.end(2)
                                 for c in joined.head.children):
        # "Older people are at greater risk because they may not feel the cold as much and may not shiver": the
        # "and" joins two verbs of the "because" clause (not the subject's verb); split there, the second would lose
        # its "because".
        return [sentence]
    if subject.split()[0].endswith("ing") and len(subject.split()) <= 4:
        # "Taking PrEP alone is not enough to treat HIV and may lead to resistance": "It" could be HIV or PrEP.
        return split_or_keep(sentence, [f"{m.group(1)}{subject} {m.group(3)}", f"{subject} {m.group(4)} {m.group(5)}"])
    head = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    plural = subject.split()[0].lower() in ("these", "those", "they") or (
        head.tag_ in ("NNS", "NNPS") if head is not None and head.pos_ in ("NOUN", "PROPN")
        else subject.endswith("s") and not subject.endswith("ss") and subject.split()[0].lower() not in ("this", "its"))
    # "Endophthalmitis and retinal detachment are serious and may cause ...": two things, "They" (by its verb too)
    plural = plural or rx.search(r"\band\b", subject) is not None and head is not None \
        and any(c.dep_ == "conj" for c in head.children) or rx.match(r"(?:are|were|have|do)\b", m.group(3)) is not None
    pronoun = "They" if plural else "It"  # ("Older people ... and may": "They", though "people" ends in no "s")
    return split_or_keep(sentence, [f"{m.group(1)}{subject} {m.group(3)}", f"{pronoun} {m.group(4)} {m.group(5)}"])


@rule("'Dopamine, a chemical in the brain.' ends with a definition; make it a sentence of its own.",
      cases=[("It acts on dopamine, a chemical tied to pleasure.",
              ["It acts on dopamine.", "Dopamine is a chemical tied to pleasure."]),
             ("Bring water, a hat.", ["Bring water, a hat."])])
def split_trailing_appositive(sentence: str) -> list[str]:
    """Split ', a/an ...' after a medical term into 'Term is a ...'."""
    m = rx.match(r"^(.+\b([\w-]+)), (an?|the) ([^,]+?)([.!?])$", sentence)
    if not m or m.group(2).lower() not in names_and_terms():
        return [sentence]
    verb = "are" if m.group(2).endswith("s") else "is"
    return split_or_keep(sentence, [m.group(1), f"{cap(m.group(2))} {verb} {m.group(3)} {m.group(4)}"])


# "... can keep falling for 30 minutes after you leave the water, as cold blood ... returns to the centre ("after-drop")":
# a name in brackets at the end is of all that was said; split off with the reason, it named the reason alone
_NAMED_AT_END = re.compile(r"\((?:[\"“'‘][^()]{2,40}[\"”'’]|(?:called|known as) [^()]{2,40})\)[.!]?$")


@rule("'Do A, as B' in a long sentence gives an order and its reason at once; give the reason its own sentence.",
      cases=[("Keep the wound clean and dry for the first 24 hours, as moisture can increase the risk of infection.",
              ["Keep the wound clean and dry for the first 24 hours.",
               "This is because moisture can increase the risk of infection."]),
             ("Rest, as you need it.", ["Rest, as you need it."]),
             ("People on dialysis may need a higher dose or a different schedule, as determined by their kidney doctor.",
              ["People on dialysis may need a higher dose or a different schedule, as determined by their kidney doctor."]),
             ("Do not put a pillow under your knee while you sleep, as this may lead to a bend in the joint.",
              ["Do not put a pillow under your knee while you sleep.", "This may lead to a bend in the joint."]),
             ("Many people never progress, particularly if they lose weight and build up activity each week, as the "
              "Diabetes Prevention Program trial demonstrated.",
              ["Many people never progress, particularly if they lose weight and build up activity each week, as the "
               "Diabetes Prevention Program trial demonstrated."]),
             ("Use it as your doctor says, as well as you can, every day of the week.",
              ["Use it as your doctor says, as well as you can, every day of the week."]),
             ("A short course can usually be stopped at once, since the body has not had time to adapt, unless your "
              "doctor says otherwise.",
              ["A short course can usually be stopped at once, since the body has not had time to adapt, unless your "
               "doctor says otherwise."]),
             ("Ask first if you take warfarin, because it may raise the risk of bleeding, or if you have kidney stones.",
              ["Ask first if you take warfarin, because it may raise the risk of bleeding, or if you have kidney stones."]),
             ("Your core temperature can keep falling for 30 minutes after you leave the water, as cold blood from your "
              "limbs returns to the centre of the body (\"after-drop\").",
              ["Your core temperature can keep falling for 30 minutes after you leave the water, as cold blood from your "
               "limbs returns to the centre of the body (\"after-drop\")."])])
def split_long_reason(sentence: str) -> list[str]:
    """Split 'A, as/since/because B' (B a whole clause) into 'A.' and 'This is because B.' in a sentence of 14+ words."""
    m = _REASON.match(sentence)  # not "as determined by their doctor": that says who decides, not why
    if not m or len(sentence.split()) < SPLIT_FROM or len(m.group(2).split()) < 4:
        return [sentence]
    if not _reason_clause(sentence, len(m.group(1)) + 2):
        return [sentence]  # "available as a patch or, when ..., as buprenorphine-naloxone (Suboxone), is ...": a form, no reason
    if _ELLIPTICAL.fullmatch(m.group(2)):
        return [sentence]  # "... not shown to reduce complications, as some prescription drugs have": a comparison
    if _ADVICE_AFTER.search(m.group(2)):
        # "not recommended in pregnancy, because there is not enough safety information, and people with hormone-
        # sensitive conditions should avoid ...": advice of its own after the reason, no part of it ("This is because
        # ..., and people ... should avoid" made it one)
        return [sentence]
    if _NAMED_AT_END.search(m.group(2)):
        return [sentence]
    if rx.match(r"this\b", m.group(2)):
        return split_or_keep(sentence, [m.group(1), cap(m.group(2))])  # not "This is because this may ..."
    return split_or_keep(sentence, [m.group(1), f"This is because {m.group(2)}"])


def _last_of_a_pair(sentence: str, end: int) -> bool:
    """Tell whether the noun phrase ending at `end` is joined by "and"/"or" to a thing named before it (by the parse,
    up through its "of"/"at" phrases: "dizziness ... and a reduced amount of semen at ejaculation")."""
    doc = parse(sentence)
    word = next((t for t in reversed(doc) if t.idx + len(t.text) <= end and t.pos_ in ("NOUN", "PROPN")), None)
    while word is not None:
        if word.dep_ == "conj" and word.head.i < word.i:  # (the parse may hang it on a verb: "stand up and, in men, a reduced amount")
            return True
        if word.dep_ in ("pobj", "compound", "amod", "nmod") or word.dep_ == "prep":
            word = word.head
        else:
            return False
    return False


_ADVICE_AFTER = re.compile(r", (?:and|but) (?!(?:it|they|this|that|these)\b)[\w'(),. -]{1,140}?\b(?:should|must|need to|ought to)\b")
# "..., as some prescription drugs have.": "as" compares; the clause ends on its helping verb, no reason given.
# "as some prescription drugs have": a comparison; "as the Diabetes Prevention Program trial demonstrated", "as your
# doctor advised": who showed or said it, no reason (a reporting verb with nothing after it).
_ELLIPTICAL = re.compile(r"(?:[\w'-]+ ){1,5}(?:have|has|had|do|does|did|is|are|was|were|can|could|will|would)\.?|"
                         r"(?:[\w'-]+ ){1,8}(?:demonstrated|showed|shown|found|reported|noted|suggested|described|"
                         r"predicted|recommended|confirmed|observed|explained|mentioned|said|stated|advised|directed|"
                         r"prescribed|instructed|expected|discussed|agreed|planned|indicated)\.?")
# (not "as is a pentavalent vaccine": "as" before its verb compares, "and so is a pentavalent vaccine")
_REASON = re.compile(r"^(.+?), (?:as|since|because) (?!well\b|long\b|soon\b|much\b|many\b|far\b|if\b|\w+ed\b|"
                     r"(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might)\b)(.+)$")
_CONDITION = {"if", "unless", "when", "whenever", "while", "until", "once", "provided", "case", "long", "except"}


def _condition(doc) -> bool:
    """Tell whether a parsed text holds a condition ("if ...", "once you ...", "as long as ..."), not "once a month"."""
    return any(t.lower_ in _CONDITION and (t.dep_ == "mark" or t.head.dep_ == "advcl") for t in doc)


@rule("When 'This is because' could point at more than one thing, the reason said first ('B. So A.') needs no pointer.",
      cases=[("Let the spacer dry in the air without a towel or a cloth, because wiping may make static that makes "
              "the medicine stick to the plastic.",
              ["Wiping may make static that makes the medicine stick to the plastic.",
               "So let the spacer dry in the air without a towel or a cloth."]),
             ("Use the syringe that comes with the bottle, not a kitchen spoon, and check the strength on the label, "
              "since children's liquids come in two strengths.",
              ["Use the syringe that comes with the bottle, not a kitchen spoon, and check the strength on the label, "
               "since children's liquids come in two strengths."]),
             ("Avoid ibuprofen and naproxen for the first week, because they can irritate the stomach lining.",
              ["Avoid ibuprofen and naproxen for the first week, because they can irritate the stomach lining."]),
             ("If you have kidney disease, take a lower dose and drink more water, because the drug can build up.",
              ["If you have kidney disease, take a lower dose and drink more water, because the drug can build up."])])
def split_reason_first(sentence: str) -> list[str]:
    """Say 'A, because B' (a long sentence split_long_reason kept) as 'B.' and 'So A.', when neither part points
    at anything and no condition in A could limit B."""
    m = _REASON.match(sentence)
    if not m or len(sentence.split()) < SPLIT_FROM or len(m.group(2).split()) < 4:
        return [sentence]
    first, reason = m.group(1), m.group(2)
    if rx.match(r"(?:But|And|So|Or)\b", first) or ":" in first or not _reason_clause(sentence, len(first) + 2) \
            or _ELLIPTICAL.fullmatch(reason) or _NAMED_AT_END.search(reason):
        return [sentence]
    doc = parse(first)
    if _condition(doc) or points_elsewhere(doc) or points_elsewhere(parse(reason)):
        return [sentence]
    if any(t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") for t in doc):
        # "Use the syringe, not a spoon, and check the strength, since liquids come in two strengths": the reason
        # may be for the last step only; said first, "So" would give it to both.
        return [sentence]
    opening = first if doc[0].pos_ == "PROPN" or rx.match(r"[A-Z]{2}|I\b", first) else first[0].lower() + first[1:]
    return split_or_keep(sentence, [cap(reason), f"So {opening}"], parsed=True)


def _reason_clause(sentence: str, at: int) -> bool:
    """Tell whether the 'as'/'since'/'because' at character `at` starts a clause that gives a reason and runs to
    the sentence's end (by the parse), not a preposition ("as a patch", "since 2016")."""
    doc = parse(sentence)
    word = next((t for t in doc if t.idx == at), None)
    if word is None or word.dep_ != "mark" or word.head.pos_ not in ("VERB", "AUX") or word.head.dep_ != "advcl":
        return False
    if any(t.text == "," for t in doc[word.i:word.head.i]):
        return False  # "as buprenorphine-naloxone (Suboxone), is ...": a comma between a clause's subject and verb is no clause
    if rx.search(r", (?:and|or|but) (?:always |never |please )?(?:do not |don't )?[a-z]+\b", doc[word.i:].text) and any(
            t.dep_ == "conj" and t.pos_ == "VERB" and t.lower_ in verb_forms()[1]
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            for t in doc[word.i:]):
        return False  # "because the 15 mg/5 mL liquid is stronger, and always use the syringe": a step, not the reason
    if rx.search(r", (?:unless|if|when|until|except)\b|, (?:and|or|but) (?:unless|if|when|until)\s+\w", doc[word.i:].text):
        return False  # "..., since A, unless your doctor says otherwise": the condition may hold for the main clause
        # (", or if you have a history of kidney stones": the main clause's next condition, after the reason)
    last = max(t.i for t in doc if not t.is_punct)
    return max(t.i for t in word.head.subtree if not t.is_punct) == last


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
              ["Naloxone nasal spray (4 mg) is given by inserting the nozzle into one nostril and pressing the plunger."]),
             ("You may withdraw consent for stored samples at any time by contacting the research office at (555) 719-3388.",
              ["You may withdraw consent for stored samples at any time by contacting the research office at (555) 719-3388."]),
             ("It is thought to work partly by increasing the activity of GABA, a calming chemical messenger in the brain.",
              ["It is thought to work partly by increasing the activity of GABA, a calming chemical messenger in the brain."])])
def split_long_by_means(sentence: str) -> list[str]:
    """Split 'A by doing B' / 'A through B' into 'A.' and 'This works by doing B.' in a sentence of 18+ words."""
    m = rx.match(r"^(.+?) by ([a-z]+ing\b.+)$", sentence) or rx.match(
        r"^(.+?\b(?!(?:go|goes|going|went|gone|get|gets|getting|struggle|struggling|live|living|pass|passing|"
        r"come|coming|been|be|is|are|through)\b)[\w-]+) (through (?:[\w-]+ ){0,4}[\w-]+[.!?])$", sentence)
    if not m or len(sentence.split()) < SPLIT_FROM:
        return [sentence]
    if tells_what_to_do(m.group(1)) or m.group(1).rstrip().endswith(",") or rx.search(r"\byou (?:may|can|could|might)\b", m.group(1), re.I):
        # "Get medical help the same day, by calling your GP": how to do it, not how something works; "You may withdraw
        # consent at any time by contacting the office": what you may do and how ("This may work by" doubts it).
        return [sentence]
    if rx.search(r"\b(?:works?|acts?)$", m.group(1)):
        return [sentence]  # "This blood thinner works by ...": "This blood thinner works." would say nothing
    if rx.search(r"\b(?:is|are|was|were|be|been|being)(?: \w+ly)? \w+$", m.group(1)):
        return [sentence]  # "is given by pressing ...": the 'by' says how it is given; "This works by" would not
    if rx.search(r"\b(?:get|gets|getting|got|catch|catching|spread|spreads|passed|pass|passes|transmitted|infected|"
                 r"exposed|lower|lowers|lowering|reduce|reduces|reducing|risk|chance)\b(?: [\w-]+){0,3}$", m.group(1)):
        return [sentence]  # "could get HIV through vaginal sex": how it spreads, not how something works
    if rx.search(r"\b(?:thought|believed|said|suggested|seems?|appears?|likely|probably|possibly|perhaps|proposed|"
                 r"presumed|assumed)\b", m.group(1)) or rx.search(r"\b(?:partly|mainly|mostly|largely|in part|only)$", m.group(1)):
        # "It is thought to work partly by increasing ...": the hedge (and the "partly") is on the how; "This works
        # by ..." would say the how as a fact
        return [sentence]
    modal = _first_modal(m.group(1))
    effect = rx.search(r"\b(?:reverse|reverses|help|helps|ease|eases|relieve|relieves|block|blocks|treat|treats|"
                       r"prevent|prevents|work|works|act|acts)\b", m.group(1))
    if not modal and not effect or m.group(2).startswith("through ") and (not modal or rx.match(r"through \d", m.group(2))):
        # "Members have tapered by lowering their dose" tells how they did it, not that it works; "breathe
        # out through your mouth" and "aged 19 through 59" are a way and a range, not how something works.
        return [sentence]
    how = m.group(2) if m.group(2).startswith("through ") else f"by {m.group(2)}"
    return split_or_keep(sentence, [m.group(1), f"This {modal + ' work' if modal else 'works'} {how}"])


@rule("'X, depending on Y' puts a condition at the end of a long sentence; say it in its own sentence.",
      cases=[("These symptoms vary in intensity depending on factors like the duration and severity of use.",
              ["These symptoms vary in intensity.", "This depends on factors like the duration and severity of use."]),
             ("Doses vary depending on weight.", ["Doses vary depending on weight."]),
             ("It affects 5% to 30% of adults, depending on age and how it is defined, and many people now take fish oil.",
              ["It affects 5% to 30% of adults, depending on age and how it is defined, and many people now take fish oil."]),
             ("Depending on the dose, it may help some people who have trouble sleeping.",
              ["Depending on the dose, it may help some people who have trouble sleeping."])])
def split_depending_on(sentence: str) -> list[str]:
    """Split 'A depending on B' (A a whole clause) into 'A.' and 'This depends on B.' in a sentence of 12+ words."""
    m = rx.match(r"^(.+?),? depending on (.+)$", sentence)
    if not m or len(sentence.split()) < 12:
        return [sentence]
    if (rest := rx.search(r"[,;] (.+)$", m.group(2))) and (has_verb(rest.group(1))
                                                          or rx.match(r"(?:and|but|or|so|while|although)\b", rest.group(1))):
        # "... 5% to 30% of adults, depending on age and how it is defined, and many people are turning to ...":
        # the sentence goes on past the condition; "This depends on ..., and many people ..." would join the two.
        return [sentence]
    return split_or_keep(sentence, [m.group(1), f"This depends on {m.group(2)}"])


@rule("'X is needed to do A and do B' in over 20 words asks for two things; ask for each in its own sentence.",
      cases=[("Further research is needed to clarify these mechanisms and determine optimal dosages for safe and effective use in managing withdrawal symptoms.",
              ["Further research is needed to clarify these mechanisms.",
               "Further research is also needed to determine optimal dosages for safe and effective use in managing withdrawal symptoms."]),
             ("More research is needed to clarify this and determine doses.", ["More research is needed to clarify this and determine doses."])])
def split_long_purposes(sentence: str) -> list[str]:
    """Split 'S is needed to A and B' (B a verb) into two sentences when it is over 20 words."""
    m = rx.match(r"^(.+?) (is|are) (needed|required|used|important) to (.+?) and ([a-z]+) (.+)$", sentence)
    if not m or len(sentence.split()) <= LONG or m.group(5) not in verb_forms()[1]:
        return [sentence]
    return split_or_keep(sentence, [f"{m.group(1)} {m.group(2)} {m.group(3)} to {m.group(4)}",
                                    f"{m.group(1)} {m.group(2)} also {m.group(3)} to {m.group(5)} {m.group(6)}"])
