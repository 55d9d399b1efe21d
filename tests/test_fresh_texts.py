"""The texts read before any rule changed for them (tests/data/fresh_*: twelve, then six
more after the first fixes, then twelve more after each later round, and one read in the last check): each class of error they
found, checked on the whole handout as it prints."""

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from handouts.config import Config
from handouts.language.parse import parse
from handouts.plain.rewrite import plain_language
from handouts.plain.rules import RULES
from handouts.plain.verify import broken_join, whole
from handouts.read.sources import read_source

DATA = Path(__file__).parent / "data"
FRESH = sorted(DATA.glob("fresh_*"))


@pytest.fixture(scope="module")
def plain():
    return {p.stem.removeprefix("fresh_"): plain_language(read_source(p, "en"), Config()) for p in FRESH}


@pytest.fixture(scope="module")
def views(plain):
    """Each handout's text, list items, Key points and headings, by name: what the round tests read."""
    blocks = {name: _blocks(r) for name, r in plain.items()}
    text = {name: _text(r) for name, r in plain.items()}
    items = {name: [i for _, _, its in b for i in its] for name, b in blocks.items()}
    return SimpleNamespace(text=text, items=items,
                           points={name: _points(r) for name, r in plain.items()},
                           headings={name: [s.heading for s in r.handout.sections] for name, r in plain.items()},
                           # its sentences and its list items, one text: where a round test looks for words said anywhere
                           said=lambda name: text[name] + " " + " ".join(items[name]))


def _text(result) -> str:
    return " ".join(s.text for s in result.handout.sentences)


def _points(result) -> list[str]:
    return [s.text for s in result.handout.key_points]


def _own_summary(name: str) -> bool:
    """Tell whether a text has its own "Key facts"/"Key takeaways" box (its Key points are its own words)."""
    from handouts.read.sources import SUMMARY_BOX

    path = next(p for p in FRESH if p.stem.removeprefix("fresh_") == name)
    return any(SUMMARY_BOX.match(s.heading) for s in read_source(path, "en").sections)


def test_there_are_five_hundred_and_ninety_five_and_every_split_sentence_is_whole(plain):
    assert len(plain) == 595
    splits = {r.name for r in RULES if r.kind in ("clauses", "examples")}
    for name, r in plain.items():
        for s in r.handout.sentences:
            if s.role == "text" and splits & set(s.rules) and not s.text.endswith(":"):
                assert whole(s.text) and not broken_join(parse(s.text)), (name, s.text)


def test_an_aside_is_split_only_about_what_it_is_about(plain):
    text = _text(plain["support_group_naloxone_fentanyl"])
    assert "Overdose is why" not in text and "Synthetic opioids can all" not in text
    assert "which can all increase overdose risk" in text  # about the sedatives: said as the source says it
    assert "This the prescriber" not in _text(plain["leaflet_sertraline_teens"])
    assert "and unlike tetrahydrocannabinol (THC)." not in _text(plain["seo_cbd_anxiety"])
    assert "Stomach virus include" not in _text(plain["triage_child_vomiting"])
    assert not any(s.text.startswith("Virus ") for s in plain["triage_child_vomiting"].handout.sentences)
    fasd = _text(plain["factsheet_alcohol_pregnancy"])
    assert "This is marked by small head size" not in fasd  # "as well as partial FAS" stays on the spectrum


def test_examples_and_list_items_stay_under_the_words_they_belong_to(plain):
    assert "Alcohol includes one drink" not in _text(plain["qa_type2_diabetes_meds"])
    apixaban = plain["leaflet_apixaban"].handout
    bullets = [s.text for sec in apixaban.sections for b in sec.blocks if b.is_list for s in b.sentences]
    assert not any(b.startswith("to treat a clot") for b in bullets)  # a use, not a reason for a stroke risk


def test_numbers_keep_their_exponents_and_lose_their_citations(plain):
    assert "1.73 m²" in _text(plain["qa_type2_diabetes_meds"])
    fasd = _text(plain["factsheet_alcohol_pregnancy"])
    assert "2020.5" not in fasd and "2018 to 2020" in fasd


def test_key_points_stand_alone(plain):
    for name, r in plain.items():
        for point in _points(r):
            for leaning in ("the dose", "Return unused tablets", "the law", "Estimates vary", "reductions of",
                            "the box", "also", "Right eye"):
                assert leaning not in point, (name, point)
            assert not re.search(r"\binstead\b(?! of)", point), (name, point)  # instead of what? ("instead of soap" says)


def test_the_web_page_loses_its_menus_and_footer(plain):
    text = _text(plain["web_page_long_covid"])
    for furniture in ("Accept all cookies", "Skip to main content", "Facebook", "Privacy policy", "Find a Doctor"):
        assert furniture not in text


def test_a_form_keeps_its_boxes(plain):
    text = _text(plain["consent_cataract"])
    assert "Right eye" in text and "Left eye" in text
    assert text.count("[ ]") >= 6  # the eye to be operated on, and each statement the patient initials


def test_the_second_round_s_classes(plain):
    measles = _text(plain["factsheet_measles"])
    assert "People are contagious from 4 days before the rash appears" in measles  # a line ending ".4" is no heading
    assert "Rubella (MMR) vaccine includes" not in measles  # the name goes on before "rubella"
    assert "These migraines" not in _text(plain["triage_adult_headache"])  # "A and B, which ...": both
    assert "Look for emergency care" not in _text(plain["leaflet_levothyroxine"])  # "seek" care is go and get it
    for point in _points(plain["seo_intermittent_fasting_women"]):
        assert not point.startswith("Let's") and " IF " not in f" {point} "
    definitions = {t.word: t.definition for t in plain["consent_colonoscopy_sedation"].handout.words_to_know}
    assert "overdose" not in definitions.get("fentanyl", "")


def test_a_byline_and_an_also_important_lead_in_go(plain):
    cbd = plain["seo_cbd_anxiety"]
    assert not any("Posted by" in sec.heading for sec in cbd.handout.sections)
    assert "It is also important to note" not in _text(cbd) and "The only CBD medicine approved" in _text(cbd)


def test_the_third_round_s_classes(plain):
    # ("Call 911 if any BE FAST sign appears": "if any" said whole)
    pronoun = re.compile(r"\b(?:it|its|they|them|their|that\.)\b|^(?:MYTH|FACT):|\bif any\b(?! (?:[\w-]+ ){1,3}(?:sign|symptom)s?\b)"
                         r"|\bmany more\b", re.I)

    def leans(point: str) -> bool:
        # A pronoun leans on the sentence before unless the point named a thing before it ("Call 911 if any BE FAST
        # sign appears, even if it goes away within minutes": the sign)
        m = pronoun.search(point)
        return bool(m) and not (m.group(0).lower() in ("it", "its", "they", "them", "their")
                                and re.search(r"\b(?:a|an|the|your|any|this)\s+[\w-]+", point[:m.start()], re.I))
    for name, r in plain.items():
        if _own_summary(name):
            continue  # the source's own "Key facts" box, in its own words
        assert not any(leans(p) for p in _points(r)), (name, _points(r))
    for leaning in ("Care is mainly supportive.", "Loose stools are common.", "Do not drive yourself.",
                    "Values are approximate.", "There is no single right speed.", "Ask your child's doctor."):
        assert not any(leaning in _points(r) for r in plain.values()), leaning
    # A table after a list names its columns; its rows are not "common symptoms".
    assert "Each line gives the symptom and what you can do:" in _text(plain["qa_opioid_tapering"])
    # Meeting times under their heading are kept, as its list.
    assert "Mondays: 7:00 to 8:30 pm" in _text(plain["support_group_alcohol_recovery"])
    # A heading with only subheadings is said with each of them.
    assert "Side effects: Common (may affect more than 1 in 10 people)" in [
        s.heading for s in plain["leaflet_metformin"].handout.sections]
    assert "They have no routine screening test." not in _text(plain["factsheet_hpv_vaccine_parents"])
    assert "This works by calling" not in _text(plain["web_page_eczema_children"])
    assert "Glycine itself is taken at 3 g before bed." not in _text(plain["seo_magnesium_sleep"])
    assert "based on the season" not in _text(plain["consent_flu_vaccine_clinic"])
    assert "if you become dehydrated" not in [s.text for s in plain["leaflet_metformin"].handout.sentences]
    assert plain["factsheet_rsv_older_adults"].handout.meta.title == "Respiratory Syncytial Virus (RSV) in Older Adults"


def test_the_fourth_round_s_classes(plain):
    text = {name: _text(r) for name, r in plain.items()}
    # A "such as" after "a reaction to penicillin" gives examples of the reaction, not of penicillin.
    assert "Penicillin includes" not in text["discharge_cellulitis"]
    # A which-aside says nothing of the days, the herb or the alcohol it does not describe.
    assert "These days helps" not in text["discharge_cellulitis"]
    assert "Ashwagandha usually resolved" not in text["seo_ashwagandha_stress"]
    assert "Alcohol can cause shivering" not in text["triage_child_fever"]
    assert "Which may or may not" not in text["factsheet_lyme_disease"]
    assert "and which helps" not in text["consent_mri_contrast"].split("Gadolinium-based contrast agents include")[0] \
        or "This is injected" not in text["consent_mri_contrast"]
    assert "Gadolinium-based contrast agents include gadoterate (Dotarem) and gadobutrol (Gadavist)." in \
        text["consent_mri_contrast"]
    # A reason clause holds no step of its own; a definition is never merged away; a gloss keeps its word.
    assert "This is because the 15 mg/5 mL liquid" not in text["leaflet_prednisolone_children"]
    assert "Hepatitis C is a liver infection." in text["factsheet_hepatitis_c"]
    assert "a long-term, or chronic, infection" in text["factsheet_hepatitis_c"]
    assert plain["factsheet_hepatitis_c"].handout.meta.title == "Hepatitis C: What You Should Know"
    # A discharge sheet's "Diagnosis: ..." lines are what it says about this patient.
    assert "Diagnosis: Kidney stone (ureteric colic), left side" in text["discharge_kidney_stone"]
    assert "Stone size on CT: about 4 mm, lower ureter" in text["discharge_kidney_stone"]
    # A procedure's steps are never Key points ("Remove the cap and shake the inhaler well" is for the spacer).
    for name in ("leaflet_inhaled_steroids", "factsheet_lyme_disease"):
        assert not any(p.startswith(("Remove the cap", "Wait about 30 seconds", "Pull upward", "Do not use nail"))
                       for p in _points(plain[name])), _points(plain[name])


def test_the_fifth_round_s_classes(plain):
    text = {name: _text(r) for name, r in plain.items()}
    # "some problems, such as bleeding inside the skull": "These problems include ...", not a bare "These".
    assert "These include bleeding" not in text["discharge_concussion_adult"]
    # A list of examples ends where a step begins ("..., and avoid seeds"): never "They also include avoid".
    assert "include avoid" not in text["consent_colonoscopy_bowel_prep"]
    assert "Start a low-fibre diet. This may block the scope." not in text["consent_colonoscopy_bowel_prep"]
    # "an auto-injector, such as the EpiPen": examples of the kind, in the plural.
    # (since round 44 a name with a gloss in brackets keeps its "such as" whole: the split's subject could lose words)
    assert "An adrenaline (epinephrine) auto-injector, such as the EpiPen, is a pre-filled" in text["leaflet_epipen"]
    # A split never leaves a "This step" after its last part only; "People vaccinated before exposure" stays whole.
    assert "Then apply an antiseptic such as povidone-iodine. This step alone" not in text["factsheet_rabies"]
    assert "Vaccinated before exposure includes" not in text["factsheet_rabies"]
    # A heading "What to do after an exposure: ..." is no label line of the top.
    assert "What to do after an exposure: post-exposure prophylaxis (PEP)" in [
        s.heading for s in plain["factsheet_rabies"].handout.sections]
    # One note under a list item is said with it; the items after it stay under "Common".
    common = [" ".join(x.text for x in item) for sec in plain["leaflet_sumatriptan"].handout.sections
              for b in sec.blocks if b.kind == "bullets" for item in b.items]
    assert any(i.startswith("Tightness or pressure in the chest, throat or jaw, which is usually brief: stop taking it")
               for i in common), common
    # A memory aid's letter, a myth, a fact, or a step that says "before." are no Key points.
    for name, r in plain.items():
        for p in _points(r):
            assert not re.match(r"(?:[A-Z] [-–] |Myth:|Fact:)", p) and not p.endswith(" before."), (name, p)


def test_the_sixth_round_s_classes(plain):
    text = {name: _text(r) for name, r in plain.items()}
    # "Uncommon" and its list stay a list of their own, not one more item of "Common".
    sections = plain["leaflet_amoxicillin_clavulanate"].handout.sections
    said = [(b.kind, b.level, [" ".join(x.text for x in item) for item in b.items]) for sec in sections for b in sec.blocks]
    tier = said.index(("bullets", 0, ["Uncommon (up to 1 in 100 people):"]))
    assert said[tier + 1] == ("bullets", 1, ["Indigestion, headache or skin rash"])  # set in under its tier
    # An "it" after a new "This" sentence is never left to guess; a "which" after an action stays with it.
    assert "This might lead to low blood sugar. It may worsen" not in text["seo_apple_cider_vinegar"]
    assert "This appears to improve balance" not in text["support_group_parkinsons"]
    assert "These medicines may give steadier pain relief" not in text["discharge_pediatric_tonsillectomy"]
    # Words keep their sense: imbalance between the eyes, home remedies, cold remedies.
    assert "lack of balance" not in text["consent_cataract_second_eye"]
    assert "home treatments" not in text["web_page_head_lice"]
    assert "cold treatments" not in text["discharge_pediatric_tonsillectomy"]
    # A timetable's lines stay lines.
    meet = [" ".join(x.text for x in item) for sec in plain["support_group_parkinsons"].handout.sections
            for b in sec.blocks if b.kind == "bullets" for item in b.items]
    assert any(i.startswith("Third Thursday of each month") for i in meet), meet
    # "... do not take aspirin unless the dispatcher tells you to" is for the 911 case only: no Key point.
    assert not any("aspirin" in p for p in _points(plain["triage_adult_dizziness"]))


def _blocks(result) -> list[tuple[str, int, list[str]]]:
    return [(b.kind, b.level, [" ".join(x.text for x in item) for item in b.items])
            for sec in result.handout.sections for b in sec.blocks]


def test_the_seventh_round_s_classes(plain):
    text = {name: _text(r) for name, r in plain.items()}
    # A nested list is set in under its item, its "or" kept; the outer list's items after it stay bullets.
    rash = _blocks(plain["triage_child_rash"])
    lead = next(i for i, (_, _, items) in enumerate(rash) if items[-1].startswith("The rash has tiny purple"))
    assert rash[lead][:2] == ("bullets", 0) and rash[lead + 1][:2] == ("bullets", 1)
    assert rash[lead + 1][2][0].endswith("or higher, or")
    assert rash[lead + 2][:2] == ("bullets", 0) and rash[lead + 2][2][0].startswith("Your baby is younger than 3 months")
    # Numbered headings in capitals are headings, over a lead-in or a list too.
    headings = {name: [s.heading for s in r.handout.sections] for name, r in plain.items()}
    assert "Risks and side effects" in headings["consent_cystoscopy"]
    assert {"Serious skin rash - important warning", "Other medicines"} <= set(headings["leaflet_lamotrigine"])
    # A plain-text table laid out in columns is read as one: its rows, and its header as a lead-in.
    rows = next(items for _, _, items in _blocks(plain["leaflet_lamotrigine"]) if items[0].startswith("Weeks 1 and 2"))
    assert rows[:3] == ["Weeks 1 and 2: 25 mg once a day", "Weeks 3 and 4: 50 mg once a day", "Week 5: 100 mg a day"]
    assert "Each line gives the day, time, location and format:" in text["support_group_eating_disorders_families"]
    # Notes after a table are text, not more of its rows.
    notes = next(b for b in _blocks(plain["discharge_adult_asthma_ed"]) if "Symbicort" in " ".join(b[2]))
    assert notes[0] == "paragraph"
    # A form's line that says something stays ("Additional procedures agreed (for example, stent removal): ___").
    assert "procedures agreed (for example, stent removal)" in text["consent_cystoscopy"]
    # "such as" after a noun inside a phrase that describes another: never "Ethinylestradiol includes ...".
    assert "Ethinylestradiol includes" not in text["leaflet_lamotrigine"]
    # Words keep their sense: a duty ("has to"), a law that requires, dealing with insurance.
    family = text["support_group_eating_disorders_families"]
    assert "No one has to name" in family and "as state law requires" in family
    assert "going through insurance" not in family
    # "acute" is defined as happening now, not as an illness's first part.
    acute = [t.definition for t in plain["leaflet_lamotrigine"].handout.words_to_know if t.word == "acute"]
    assert all("first" not in d for d in acute)


def test_the_eighth_round_s_classes(plain):
    text = {name: _text(r) for name, r in plain.items()}
    # A split never leaves the next sentence's "It"/"They" pointing at its last part.
    assert "In this condition, eating gluten" not in text["web_page_celiac_disease"]
    assert "Celiac disease is a lifelong autoimmune condition in which" in text["web_page_celiac_disease"]
    assert "But shorter incubation periods" not in text["factsheet_tetanus"]  # then "They may include:"
    assert "In this procedure, a small sample of skin is removed" not in text["consent_skin_biopsy"]
    # "vitamin D. It is thought ..." is two sentences; "Sarcoptes scabiei var. hominis" is one.
    sentences = [s.text for s in plain["web_page_celiac_disease"].handout.sentences]
    assert any(s.startswith("It is thought to affect about 1 in 100 people") for s in sentences)
    assert "var. hominis" in text["factsheet_scabies"]
    # A claim said in one place is no repeat of a long sentence that has its words here and there.
    assert "Even small amounts may cause damage without symptoms." in text["web_page_celiac_disease"]
    # "Because A, however, B" gets no "So"; a reason for the last of two steps is not said first for both.
    assert "So however" not in text["seo_collagen_joints"]
    assert "So use the measuring syringe" not in text["discharge_child_forearm_cast"]
    # A form's line keeps what it says, without its blanks.
    assert "Follow-up: Cardiology clinic in 1 to 2 weeks." in text["discharge_cardiac_stent"]
    # "fever" in "Rocky Mountain spotted fever" is a name: not defined as a temperature.
    assert "fever" not in [t.word for t in plain["leaflet_doxycycline"].handout.words_to_know]


def test_the_ninth_round_s_classes(plain):
    text = {name: _text(r) for name, r in plain.items()}
    blocks = {name: _blocks(r) for name, r in plain.items()}
    # Conditions that share "you" keep it in the lead-in: no bare "feel unable to stay safe" under "any of these is true".
    assert "Do not wait for a scheduled visit if you:" in text["qa_stopping_antidepressants"]
    assert any("feel unable to stay safe" in items for _, _, items in blocks["qa_stopping_antidepressants"])
    # An item that finishes its lead-in's "if you:" is a condition, a verb first or not: never split by its reason.
    assert "This is because Saccharomyces fungemia" not in text["seo_probiotics_antibiotic_diarrhea"]
    items = [i for _, _, its in blocks["seo_probiotics_antibiotic_diarrhea"] for i in its]
    assert any(i.startswith("have a central venous catheter") for i in items)  # no "Have ...": it is no order
    # A "which" clause about an item is no item of its own.
    assert not any("which may be bloody" in items for _, _, items in blocks["factsheet_salmonella"])
    assert "which may be bloody" in text["factsheet_salmonella"]
    # A heading in capitals with a colon is a heading; a contact line is no heading over the lines after it.
    headings = [s.heading for s in plain["support_group_type1_diabetes_parents"].handout.sections]
    assert any(h.lower().startswith("a quick reminder") for h in headings)
    assert not any("(555)" in h for h in headings)
    # "..., in which case skip the missed dose, and never take two doses at once": the last rule holds always.
    assert "Never take two doses at once to make up for it." in text["leaflet_tramadol"]
    # Key points: an expiry date names what it is of; a section set by "If none of the above applies" is no rule
    # for everyone.
    assert not any("expiration dates" in p for p in _points(plain["support_group_type1_diabetes_parents"]))
    assert not any("call back" in p for p in _points(plain["triage_adult_shortness_of_breath"]))
    # The title under letterhead (a practice's name, its address and phone) is found.
    for name in ("discharge_inguinal_hernia_repair", "discharge_hysterectomy", "discharge_cardiac_stent"):
        # (an address with its city and ZIP code, a line of phone numbers: letterhead)
        assert plain[name].handout.meta.title.lower().startswith("discharge instructions"), name
    # Form lines of blanks go alike ("Physician signature: ___" and "Relationship to patient (if not patient): ___").
    assert "Relationship to patient" not in text["consent_blood_transfusion"]
    assert "Blood products I do not accept (for example, plasma)" in text["consent_blood_transfusion"]
    # A number that ends a sentence with no full stop is flagged: "2.3" may be "2" and citation 3.
    kept = [k for c in plain["factsheet_pneumococcal_vaccine"].changes for k in c.kept]
    assert any(k.startswith("check the number: '2.3'") for k in kept)
    # "acute" is no "severe".
    for r in plain.values():
        assert all("severe" not in t.definition for t in r.handout.words_to_know if t.word == "acute")


def test_the_tenth_round_s_classes(plain):
    text = {name: _text(r) for name, r in plain.items()}
    blocks = {name: _blocks(r) for name, r in plain.items()}
    # A box drawn with "+---+" and "|" is read as its lines: no "|" in the handout, each takeaway whole.
    assert "|" not in text["seo_vitamin_d_immunity"]
    assert "Vitamin D may slightly lower the risk of colds, mostly in people who are low in it to begin with." \
        in _points(plain["seo_vitamin_d_immunity"])  # its own "Key takeaways" box
    # "Prevention: the MMR vaccine" is a section's heading, not one more complication.
    headings = [s.heading for s in plain["factsheet_mumps"].handout.sections]
    assert any(h.startswith("Prevention") for h in headings)
    assert not any(any(i.startswith("Prevention") for i in items) for _, _, items in blocks["factsheet_mumps"])
    # "These glands" after "the salivary glands, particularly the parotid glands": the parotid glands, named.
    assert "These glands" not in text["factsheet_mumps"]
    # A sentence at the margin right under a Markdown list item is text after the list, not more of the item.
    assert not any(any("Drink at least 2 liters" in i for i in items) for kind, _, items in blocks["discharge_gout_flare"]
                   if kind == "bullets")
    # Examples inside "... and start an antibiotic, such as amoxicillin, only if ..." stay in their condition.
    assert "Antibiotics include amoxicillin" not in text["triage_child_ear_pain"]
    # "if you have darker skin, rarely go outside, or take ...": no "have any of these: rarely go outside".
    assert "if you have any of these:" not in text["seo_vitamin_d_immunity"]
    # Degree and names keep their words: "extremely rare", "ASC-US".
    assert "extremely rare" in text["consent_lumbar_puncture"]
    assert "ASC-US" in text["qa_hpv_test_results"] and "ASC-us" not in text["qa_hpv_test_results"]
    # Key points: a note said with the item it was set in under, "Check labels" (for what?), "The virus" (which?).
    points = [p for r in plain.values() for p in _points(r)]
    assert not any(p.startswith(("Avoid tampons", "Check labels", "The virus is found")) for p in points)
    # A program's name over a fact sheet is letterhead: the title is the fact sheet's.
    assert "Hand, Foot and Mouth" in plain["factsheet_hand_foot_mouth"].handout.meta.title


def test_the_eleventh_round_s_classes(plain):
    text = {name: _text(r) for name, r in plain.items()}
    blocks = {name: _blocks(r) for name, r in plain.items()}
    # A table drawn with "|" in a plain text file is read as a table: a lead-in that names its columns, a row an item.
    af = blocks["discharge_atrial_fibrillation"]
    assert "|" not in text["discharge_atrial_fibrillation"]
    rows = next(items for kind, _, items in af if kind == "bullets" and items[0].startswith("Metoprolol"))
    assert len(rows) == 3 and rows[1].startswith("Apixaban (Eliquis): dose 5 mg")
    # A table's ruler ("------   ------") is no row; its footnote is said with the row it marks, not as one more row.
    for name in ("leaflet_omeprazole", "support_group_chronic_pain"):
        assert not any(i.lstrip().startswith("-") for _, _, items in blocks[name] for i in items), name
    dose_rows = next(items for _, _, items in blocks["leaflet_omeprazole"] if items[0].startswith("Heartburn"))
    assert len(dose_rows) == 7 and "*" not in " ".join(dose_rows)
    assert "H. pylori eradication: dose 20 mg twice daily; usual length 7 to 14 days; together with two antibiotics" \
        in dose_rows[4]
    pacing = next(i for _, _, items in blocks["support_group_chronic_pain"] for i in items if i.startswith("Movement"))
    assert "Gentle, chair-based activity only" in pacing
    # A table set in under a list item in Markdown is set in under that item, which leads it in.
    child = blocks["triage_child_breathing"]
    at = next(k for k, (_, _, items) in enumerate(child) if items[0].startswith("Breathing is faster"))
    assert child[at + 1][1] == 1 and child[at + 1][2][0].startswith("Under 2 months: breaths per minute 60")
    # A contact line after a nested list of warning signs is no sign of that list.
    jaundice = blocks["discharge_newborn_jaundice"]
    assert not any(lvl and any(i.startswith("Questions after discharge") for i in items) for _, lvl, items in jaundice)
    # A letterhead line with an email, a rule of stars and a tagline: the banner is the title, the tagline is said.
    pain = plain["support_group_chronic_pain"].handout
    assert pain.meta.title == "LIVING WELL WITH CHRONIC PAIN: A PEER SUPPORT GROUP"
    assert not any("Alder Street" in s.heading or "*" in s.heading for s in pain.sections)
    assert "No referral needed" in text["support_group_chronic_pain"]
    # The term a text defines keeps its name where it is defined; "psychological treatment" stays.
    assert "Chronic pain is usually defined as" in text["support_group_chronic_pain"]
    assert "mental treatment" not in text["support_group_chronic_pain"]
    # Form fields: a title with no name is no field; two fields on two lines are not run together.
    assert "Dr." not in text["discharge_atrial_fibrillation"].split("Primary diagnosis")[0]
    assert "Both Clinician" not in text["consent_knee_steroid_injection"]
    # A second "that" cut from its first half is dropped with it ("... in 1937 and has since ...").
    assert "1937 and that has" not in text["factsheet_west_nile_virus"]
    # Words: "an inability to" (no "a not being able to"), "occurs naturally" (found, not happens).
    assert "a not being able" not in text["web_page_plantar_fasciitis"]
    assert "happens naturally" not in text["factsheet_legionnaires_disease"]
    assert "tolerance" not in [t.word for t in plain["qa_iron_deficiency_pregnancy"].handout.words_to_know]
    # Key points: no bare list item ("Hot tubs ... not maintained"), no answer that names nothing its question asks.
    points = [p for r in plain.values() for p in _points(r)]
    assert not any(p.startswith(("Hot tubs", "Constipation, nausea")) for p in points)
    # A concession said first ("A safe vaccine has existed since 1963. But measles ...") is no point of its own.
    assert "A safe vaccine has existed since 1963." not in points


def test_the_twelfth_round_s_classes(plain):
    text = {name: _text(r) for name, r in plain.items()}
    blocks = {name: _blocks(r) for name, r in plain.items()}
    points = [p for r in plain.values() for p in _points(r)]
    # "It may be helpful, although ..., to follow a low-fat diet ...": "It may be helpful." alone is no sentence.
    assert "It may be helpful." not in text["discharge_cholecystitis_antibiotics"]
    # A field keeps what it says, its blank kept for staff to fill in (round 14); its note in brackets stays with it.
    follow = next(items for _, _, items in blocks["discharge_cholecystitis_antibiotics"] if items[0].startswith("Primary"))
    assert follow[0] == "Primary care doctor: Dr. ________ within 7 to 10 days"
    assert follow[1].startswith("General surgery clinic: Dr. ________ in 2 to 4 weeks (to discuss")
    assert follow[2] == "Laboratory: liver function tests and CBC on ________"
    # "swelling of the face, lips or tongue" is one sign, not "swelling of the face" and "lips or tongue".
    assert not any("lips or tongue" == i for _, _, items in blocks["leaflet_amlodipine"] for i in items)
    assert "chronic stable angina" in text["leaflet_amlodipine"]
    assert "blocker" not in [t.word for t in plain["leaflet_amlodipine"].handout.words_to_know]
    assert not any("first three items" in p for p in points)
    # A first half that "In this procedure, ..." points back to is never merged away.
    assert "An upper endoscopy is a procedure." in text["consent_upper_endoscopy"]
    assert "These more steps" not in text["consent_upper_endoscopy"]
    # Steps a. to d. under a named step are set in under it (lettered in print); the steps go on across blank lines.
    tennis = [(kind, level, items) for kind, level, items in blocks["web_page_tennis_elbow"] if kind == "numbered"]
    assert [items[0] for kind, level, items in tennis if not level] == [
        "Wrist extensor stretch (2 to 3 times daily):", "Isometric wrist extension (once or twice daily):",
        "Eccentric wrist extension (once daily, starting in week 2 or 3):", "Grip strengthening:"]
    assert tennis[1] == ("numbered", 1, ["Straighten your affected arm in front of you with the palm facing down.",
                                         "Using your other hand, gently bend the wrist downward until you feel a stretch "
                                         "along the top of the forearm.", "Hold for 30 seconds. Repeat 3 times."])
    assert "This increases the weight" not in text["web_page_tennis_elbow"]
    assert not any(p.startswith(("Hold for", "Repeat")) for p in points)
    # Letterhead over a banner of several lines: the banner is the title; a block of contact lines is a list.
    ms = plain["support_group_multiple_sclerosis"].handout
    assert ms.meta.title.startswith('"LIVING WELL TOGETHER" A Support Group')
    assert not any(s.heading.startswith(("1200 Harbor", "MS Nurse", "Email")) for s in ms.sections)
    # Two footnote marks ("*" and "**"), a note wrapped over two lines: each said with the rows it marks.
    rows = next(items for _, _, items in blocks["support_group_multiple_sclerosis"] if items[0].startswith("Sept 12"))
    assert sum("15 minutes longer than scheduled" in r for r in rows) == 2
    assert "parallel session in Room 2B" in rows[4] and not any("*" in r for r in rows)
    # A table drawn with "|" between columns only (no "|" at its ends), over a ruler: a table.
    assert "|" not in text["leaflet_nitrofurantoin"]
    headings = [s.heading for s in plain["leaflet_nitrofurantoin"].handout.sections]
    assert not any(h.startswith("WHO ") for h in headings)
    # Words: a vaccine may be swallowed; "But:" never leads into nothing.
    assert not any(t.definition.startswith("A medicine, usually a shot") for r in plain.values()
                   for t in r.handout.words_to_know)
    assert "But:" not in text["seo_creatine_older_adults"]
    # A section that holds only "when the reaction is limited to the skin" gives no point of its own.
    assert not any(p.startswith("Apply a cool compress") for p in points)


def test_the_thirteenth_round_s_classes(plain):
    text = {name: _text(r) for name, r in plain.items()}
    blocks = {name: _blocks(r) for name, r in plain.items()}
    points = [p for r in plain.values() for p in _points(r)]
    # Lists under an item are set in under it, never run into it: the steps a. to f., the zones' actions, notes.
    for name in ("web_page_carpal_tunnel", "discharge_adult_asthma_steroids", "factsheet_hand_hygiene_clinics",
                 "discharge_pancreatitis"):
        assert any(level for _, level, _ in blocks[name]), name
    # Notes right after a table are paragraphs each: the first one's condition is not run into the others.
    assert any(items == ["If you forget a dose, skip it and take the next dose at the usual time; do not take a "
                         "double dose."] for kind, _, items in blocks["leaflet_montelukast"] if kind == "paragraph")
    assert ",;" not in text["triage_adult_fever_travel"]
    # A table with "|" at its ends and names of columns in its first row: a lead-in, not a row "Medicine: Dose; Notes".
    assert "Medicine: Dose; Notes" not in text["discharge_pancreatitis"]
    assert "Each line gives the medicine, dose and notes:" in text["discharge_pancreatitis"]
    # "..., as some prescription drugs have": a comparison, no reason; "However, and this is important:" whole.
    assert "This is because some prescription drugs have" not in text["seo_berberine_blood_sugar"]
    assert "Some prescription drugs have." not in text["seo_berberine_blood_sugar"]
    assert "But and this" not in text["seo_berberine_blood_sugar"]
    # A statement a form asks to tick is never merged away; a title's second line and a street address's "3rd Floor".
    assert "[ ] I consent to a corticosteroid injection" in text["consent_joint_aspiration"]
    title = plain["consent_joint_aspiration"].handout.meta.title
    assert title.startswith("INFORMED CONSENT FOR JOINT ASPIRATION") and title.endswith("CORTICOSTEROID INJECTION")
    allopurinol = plain["leaflet_allopurinol"].handout
    assert allopurinol.meta.title.endswith("for the long-term treatment of gout")
    assert any(s.heading.startswith("IMPORTANT: serious skin reactions") or s.heading.startswith("Important")
               for s in allopurinol.sections)
    # Dot leaders join a label to its number: "Emergency services: 911" is one of the crisis lines, no heading.
    group = plain["support_group_postpartum_parents"].handout
    assert not any("Emergency services" in s.heading for s in group.sections)
    assert "Emergency services: 911" in text["support_group_postpartum_parents"]
    assert "required to share" in text["support_group_postpartum_parents"]
    assert not any(p.count("(") != p.count(")") for p in points)


def test_a_table_keeps_its_lead_in_and_says_no_empty_cell(plain):
    # Read in the last check of round 13: the table's "Each line gives ...:" was merged away as a repeat of its first
    # row, so the rows ran on under the list before it ("particularly if you: - are older ... - Day 1: ..."); so had
    # the PSA Q&A's. A cell of dashes is no cell; "3 onward" keeps its column's name.
    rows = [(kind, items) for kind, _, items in _blocks(plain["leaflet_gabapentin_nerve_pain"])]
    at = next(k for k, (kind, items) in enumerate(rows) if items[0].startswith("Each line gives the day"))
    assert rows[at + 1] == ("bullets", ["Day 1: bedtime 300 mg; total daily dose 300 mg",
                                        "Day 2: morning 300 mg; bedtime 300 mg; total daily dose 600 mg",
                                        "Day 3 onward: morning 300 mg; midday 300 mg; bedtime 300 mg; "
                                        "total daily dose 900 mg"])
    assert "Each line gives the age (years)" in _text(plain["qa_prostate_psa_test"])


def test_a_safety_instruction_with_its_condition_first_makes_the_box(plain):
    # "If you suddenly become short of breath, ..., do not wait for a call back, but call 911.": its main verb is an
    # instruction's, so the handout's one safety instruction goes in the box (it had none).
    assert any(p.startswith("If you suddenly become short of breath") for p in _points(plain["discharge_hysterectomy"]))
    # A table's row is no point; nor is "If a child swallows any, ..." (any what?).
    points = [p for r in plain.values() for p in _points(r)]
    assert not any(": effect " in p or "swallows any," in p for p in points)


def test_the_fourteenth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # A hard-wrapped line that stops mid-phrase is no heading: the definition is said whole, and the reporting line too.
    assert "Impetigo is a common, contagious skin infection caused by bacteria, usually Staphylococcus aureus" \
        in text["factsheet_impetigo"]
    assert not any(h.startswith(("Staphylococcus", "Outbreaks")) for h in headings["factsheet_impetigo"])
    assert "Communicable Disease Control Program at 555-704-2210." in text["factsheet_impetigo"]
    assert not any(h.startswith("Looking for a lozenge") for h in headings["seo_zinc_for_colds"])
    assert "Safety: Who Should Avoid Zinc?" in headings["seo_zinc_for_colds"]  # "== Safety: ... ==" is a heading
    # A table's cell wrapped onto the next line carries its row on, in columns or drawn with "|".
    assert any(i.startswith("Sores can be kept fully covered (older students, staff): ") for i in items["factsheet_impetigo"])
    assert any(i.startswith("Ketoconazole, itraconazole, clarithromycin, ritonavir: ") and i.endswith("should generally be "
               "avoided") for i in items["leaflet_tamsulosin"])
    # A number set right of its column's name is in that column: the visits are named visits.
    assert any(i.endswith("; visits 2") for i in items["consent_iron_infusion"])
    assert "Each line gives the product, typical dose and visits:" in text["consent_iron_infusion"]
    # A footnote is said with what its mark marks, wherever the note stands; a line of sources goes.
    said = text["factsheet_impetigo"]
    assert 0 < said.index("Repeated infections may mean") - said.index("keep coming back") < 30  # right after its mark
    assert any("Building is wheelchair accessible. Use the Elm Street entrance" in i or "accessible; use the Elm" in i
               for i in items["support_group_bipolar_disorder"] if i.startswith("Saturday"))
    assert any("ciprofloxacin). Any antibiotic can cause C. diff" in i for i in items["factsheet_c_difficile"])
    assert "Prescribing information" not in text["leaflet_hydrochlorothiazide"]
    assert "These statements have not been evaluated" in text["seo_zinc_for_colds"]
    # A form's field keeps its blank; the letterhead's phone lines the text does not repeat are kept.
    assert "Weight today: ________ kg" in text["discharge_child_gastroenteritis"]
    assert "Ondansetron given in ED: Yes / No; Time: ________" in text["discharge_child_gastroenteritis"]
    assert "Weight: ________ kg" in text["consent_iron_infusion"]
    assert "Children's Nurse Advice Line: 01632 960 900 (24 h)" in text["discharge_child_gastroenteritis"]
    assert "Nurse Advice Line (24 h): (555) 310-4477" in text["discharge_copd_flare"]
    # "see Section 4": the sections keep their numbers.
    assert "4. When to get help" in headings["discharge_copd_flare"]
    assert "(see Section 4)" in text["leaflet_hydrochlorothiazide"]
    # "However, if A, or if B, a statin is recommended": no "But if:" over bullets that swallow the main clause.
    assert "But if:" not in text["qa_cholesterol_numbers"]
    # "(IFIS), which can make ...": said of IFIS, and "more difficult" stays.
    assert "IFIS can make the operation more difficult." in text["leaflet_tamsulosin"]
    # Key points: never an instruction without what to act on, advice to someone else, or a seller's claim.
    assert "Give every 4 to 6 hours as needed." not in points["triage_child_head_injury"]
    assert not any("disposable gloves" in p for p in points["factsheet_impetigo"])
    assert not any("entering and leaving the room" in p for p in points["factsheet_c_difficile"])
    assert not any("ZincShield" in p for p in points["seo_zinc_for_colds"])
    # Every output sentence over 20 words is flagged for the reviewer, a bullet cut from a sentence too.
    for name, r in plain.items():
        flagged = {f["sentence"] for c in r.changes for f in c.long}
        assert all(s.text in flagged for s in r.handout.sentences if len(s.text.split()) > 20 and s.sources), name


def test_the_fifteenth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # A numbered title in capitals is a section's heading, after a list too, and over its own "a)" or "o" list.
    for name, heading in (("consent_cardioversion", "Risks"), ("consent_cardioversion", "Alternatives"),
                          ("leaflet_ciprofloxacin", "Possible side effects and storage"),
                          ("leaflet_ciprofloxacin", "What Ciprofloxacin is and what it is used for")):
        assert heading in headings[name], (name, heading)
    # A table wrapped over two lines, "|"-less and set in as Markdown code, keeps its rows whole.
    assert any(i.startswith("Calcium, iron or zinc supplements; multivitamins with minerals: ") and
               i.endswith("2 hours before or 6 hours after the supplement") for i in items["leaflet_ciprofloxacin"])
    assert any(i.startswith("Nitrofurantoin (macrocrystals): dose 100 mg twice daily") for i in items["triage_adult_urinary_symptoms"])
    # A note on two lines is said once after them; a mark after a comma is a mark.
    said = text["discharge_pyelonephritis"]
    assert said.index("Levofloxacin 750 mg") < said.index("Take these two drugs") < said.index("Trimethoprim")
    said = text["qa_colonoscopy_polyps_results"]
    assert 0 < said.index("Intervals assume a complete examination") - said.index("for average-risk adults") < 400
    # Letterhead over a Markdown title: the title names the handout and the nurse line is kept.
    assert plain["qa_colonoscopy_polyps_results"].handout.meta.title.startswith("Polyps Found During Your Colonoscopy")
    assert "Nurse line: (555) 014-2290" in text["qa_colonoscopy_polyps_results"]
    assert "Phone: 555-016-8800" in text["factsheet_strep_throat"]
    # A heading's question is kept when a short line ending "once they" follows it.
    assert "When can my child return to school or child care?" in headings["factsheet_strep_throat"]
    # The emergency lead-in in capitals over a list that a heading follows heads that list; its items stay conditions.
    assert "Return to the emergency department or call 911 if:" in headings["discharge_ankle_sprain"]
    assert any(i.startswith("your toes become cold") for i in items["discharge_ankle_sprain"])
    # Rewrites that changed a claim or made a fragment are not made.
    assert "In many patients indefinitely" not in text["consent_cardioversion"]
    assert "This releases it" not in text["seo_melatonin_adults"]
    assert "They may reduce complications" not in text["factsheet_influenza_antivirals"]
    assert "A repeat urine culture is not routinely needed, unless you are pregnant" in text["discharge_pyelonephritis"]
    assert "the right way timed" not in text["web_page_gerd_heartburn"]
    assert "2024 to 02" not in text["triage_adult_urinary_symptoms"]
    # Furniture: a menu line, a search box, links after ">", a seller's call to see its picks.
    assert "Find a Doctor" not in text["web_page_gerd_heartburn"] and "Search Lakeshore" not in text["web_page_gerd_heartburn"]
    assert "> Barrett's" not in text["web_page_gerd_heartburn"]
    assert "editors' picks" not in text["seo_melatonin_adults"]
    # Key points: no later piece that leans on the one before.
    assert not any(p.startswith("If unusual behavior") for p in points["factsheet_influenza_antivirals"])


def test_the_sixteenth_round_s_classes(plain, views):
    text, items = views.text, views.items
    # A banner's where, who hosts and what it costs are kept; a schedule row with a wide first cell is a row.
    for line in ("Conference Room B (2nd floor, East Wing)", "Free of charge - no referral needed",
                 "Feb 11, May 13: Open sharing nights (no speaker)"):
        assert line in text["support_group_chronic_kidney_disease"], line
    # Letterhead at "·" and a "Revised:" date are letterhead: the title names the disease; contacts are kept.
    assert plain["factsheet_scarlet_fever"].handout.meta.title == "SCARLET FEVER (Scarlatina)"
    assert "Communicable Disease Control Unit: (555) 210-4400" in text["factsheet_scarlet_fever"]
    assert plain["triage_adult_eye_problems"].handout.meta.title == "Adult Eye Problems: Where Should I Go?"
    assert "Tel: 1-800-555-0142 (24 h)" in text["triage_adult_eye_problems"]
    assert "(see the table in section 3)" in text["leaflet_sitagliptin"]
    # Names and words: a practice's name stays; "additional" is "extra"; a journal's pages stay as printed.
    assert "Riverbend Sleep & Pulmonary Associates" in text["qa_sleep_study_results"]  # named with its phone, under Contact
    assert "Phone: (555) 014-2277" in text["qa_sleep_study_results"]
    assert "a different or extra infection" in text["discharge_child_croup"]
    assert "to 808" not in text["seo_glucosamine_knees"] and "Clegg do" not in text["seo_glucosamine_knees"]
    # No rewrite that changes what the source says.
    assert "This may work by contacting" not in text["consent_bone_marrow_biopsy"]
    assert not any(i == "imaging (CT or PET scanning)" for i in items["consent_bone_marrow_biopsy"])
    assert "Your heart rhythm, and" not in text["qa_sleep_study_results"]
    assert all("can be deadly" not in t.definition for r in plain.values() for t in r.handout.words_to_know)


def test_the_seventeenth_round_s_classes(plain, views):
    text, items, headings = views.text, views.items, views.headings
    # A coloured circle that codes urgency says its colour: the text refers to "the red section".
    assert any(h.startswith("Red: ") for h in headings["triage_child_rash_with_fever"])
    # "!" marks list items; a sentence's note follows that sentence, not the next one.
    assert any(i.startswith("faint again") for i in items["discharge_adult_syncope"])
    said = text["leaflet_oxybutynin"]
    assert 0 < said.index("Children and older people are at higher risk") - said.index("with exercise.") < 20
    # Words and sentences: NICE stays an acronym ("References: 1. ... 3. NICE NG145. ...", a line of sources, goes since
    # round 26); "Whether I could be pregnant." is no sentence of its own.
    assert "NICE guideline NG23" in text["qa_hrt_menopause"] and "NG145" not in text["qa_thyroid_blood_tests"]
    # A table's column that hedges keeps its name with each answer: "may suggest", not a diagnosis.
    assert any(i.startswith("TSH: ") and "may suggest: High: underactive thyroid" in i for i in items["qa_thyroid_blood_tests"])
    assert "Whether I could be pregnant." not in text["consent_tooth_extraction_sedation"]


def test_the_eighteenth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    terms = {name: {t.word for t in r.handout.words_to_know} for name, r in plain.items()}
    # "Abrupt withdrawal of certain drugs", "the withdrawal of oral steroids": stopping a drug, no drug withdrawal.
    for name in ("leaflet_topiramate_migraine", "triage_adult_leg_swelling", "web_page_psoriasis"):
        assert "withdrawal" not in terms[name], name
    # A wrapped line that runs on into "(PsA), ..." or "(Soriatane), ..." is no heading; the sentence stays whole.
    assert not any(h.startswith(("Up to 30%", "Methotrexate")) for h in headings["web_page_psoriasis"])
    assert "Methotrexate (taken once a week, never daily), cyclosporine, acitretin (Soriatane)" in text["web_page_psoriasis"]
    assert "If an abnormal area is seen, one or more small samples of tissue (biopsies)" in text["consent_colposcopy_biopsy"]
    # A boxed warning in capitals wrapped over lines: its sentences whole under the warning's title.
    naproxen = plain["leaflet_naproxen"].handout
    assert "Warning: risk of serious cardiovascular and gastrointestinal events" in headings["leaflet_naproxen"]
    assert "Nonsteroidal anti-inflammatory drugs (NSAIDs), including Naproxen, may increase the risk of heart attack" \
        in text["leaflet_naproxen"]
    assert "coronary artery bypass graft (CABG) surgery." in text["leaflet_naproxen"]
    assert naproxen.meta.title == "NAPROXEN 250 mg, 375 mg and 500 mg Tablets"
    # An item's set-in next sentence stays in the item (the over-the-counter limit is not a rule for every dose).
    assert any(i.startswith("Over-the-counter naproxen sodium") and "Never take more than 2 tablets in 12 hours" in i
               for i in items["leaflet_naproxen"])
    # A support group's venues are the details of their times; "o" bullets and a set-in contact list are lists.
    survivors = plain["support_group_cancer_survivors"].handout
    assert not any(h.startswith(("Whitfield Cancer Center", "Eastside Public Library", "Maria Delgado")) for h in headings[
        "support_group_cancer_survivors"])
    access = next(s for s in survivors.sections if s.heading.lower() == "accessibility")
    assert access.blocks[0].is_list and access.sentences[0].text.startswith("Both venues are step-free")
    assert any(i.startswith("Maria Delgado, LCSW") and "(555) 214-3390" in i for i in items["support_group_cancer_survivors"])
    assert survivors.meta.title.startswith("STILL HERE, STILL US")
    # A form's question with its tick boxes is a line of its own, never a table's header; its examples all stay.
    assert "Do you take blood thinners (for example, warfarin, apixaban, clopidogrel)? [ ] Yes [ ] No" in text[
        "consent_colposcopy_biopsy"]
    assert "That I may withdraw" not in text["consent_colposcopy_biopsy"]
    # "as the trial demonstrated" says who showed it, no reason; a sentence with a blank in it wraps like any other.
    assert "This is because the Diabetes Prevention Program trial" not in text["qa_a1c_results"]
    assert "on ________ at ________ AM/PM, unless the fever has fully resolved" in text[
        "discharge_child_urinary_tract_infection"].replace("____/____/______", "________").replace("______ AM", "________ AM")
    # The Key point says what to do, with the call cut from the same sentence.
    assert any(p.startswith("Do not wait for a callback") and p.endswith("Call 911 or go to the nearest emergency department.")
               for p in points["qa_a1c_results"])
    # A note's mark after a citation: said where it stands; citations after a number go ("age 50.1,2").
    said = text["factsheet_hepatitis_b"]
    assert "and 16 weeks between doses 1 and 3." in said and "†" not in said
    assert 0 < said.index("For infants, the final dose") - said.index("16 weeks between doses 1 and 3.") < 80
    assert "after age 50." in text["factsheet_shingles_vaccine"] and "50.1,2" not in text["factsheet_shingles_vaccine"]
    assert "Chickenpox remains dormant" not in text["factsheet_shingles_vaccine"]
    assert "when it benefits the patient, such as before planned chemotherapy" in text["factsheet_shingles_vaccine"]
    # A series line ("... Fact Sheet Series   No. AV-07") and a form's code are letterhead; the title is under them.
    assert plain["factsheet_shingles_vaccine"].handout.meta.title.startswith("SHINGLES (HERPES ZOSTER)")
    assert plain["discharge_after_thyroidectomy"].handout.meta.title.startswith("DISCHARGE INSTRUCTIONS: THYROIDECTOMY")
    assert not any("ENT-114" in h for h in headings["discharge_after_thyroidectomy"])
    assert any("(207) 555-0199" in i for i in items["discharge_after_thyroidectomy"])  # the nurse line, under Contact
    # A title wrapped over two lines is one title; a ">> ... <<" box is no item of the list above it; a sales line
    # that carries its caveat stays.
    assert plain["seo_vitamin_b12_energy"].handout.meta.title.endswith("(And the Best B12 Supplements of 2024!)")
    assert not any("Energy Reset" in i for kind, _, its in _blocks(plain["seo_vitamin_b12_energy"]) if kind != "paragraph"
                   for i in its)
    assert "research has not clearly shown that sublingual forms outperform ordinary tablets" in text["seo_vitamin_b12_energy"]
    assert not any(h.endswith((" in as", ", but")) for h in headings["seo_vitamin_b12_energy"])


def test_the_nineteenth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # A time's "p.m." ends no sentence before "with Dr. ____"; "as is a pentavalent vaccine" compares, gives no reason.
    assert "a.m. / p.m. with Dr. ________" in text["discharge_after_carpal_tunnel_release"]
    assert "This is because is" not in text["factsheet_meningococcal_vaccine"]
    # A table's cells wrapped onto lines of their own stay in their row; a row with no first cell is the same item's.
    menb = next(i for i in items["factsheet_meningococcal_vaccine"] if i.startswith("MenB:"))
    assert "(pref. 16 to 18), shared decision" in menb and "2 doses, 6 months apart" in menb
    pneumonia = items["discharge_adult_pneumonia"]
    assert any(i.startswith("Amoxicillin-clavulanate (Augmentin): ") and "1 tablet" in i and "with food" in i for i in pneumonia)
    assert any(i.startswith("Azithromycin (Zithromax): ") and "250 mg" in i for i in pneumonia)
    assert not any(i.startswith(("(Augmentin)", "250 mg", "If needed", "With food")) for i in pneumonia)
    # A "whereas" clause keeps its verb; a boxed notice in capitals wrapped over lines is one sentence, no heading.
    assert "whereas coffee, tea, milk, calcium supplements, and antacids can reduce" in text["seo_iron_supplements_women"]
    assert not any(h.lower().startswith("notice") for h in headings["consent_epidural_steroid_injection"])
    assert "has not approved injectable corticosteroids for epidural use." in text["consent_epidural_steroid_injection"]
    # A pointer to a table the handout prints stays; a conditional instruction is never "said" by two others.
    assert "Fast breathing (see table above)" in text["triage_child_cough"]
    assert "If you remember on the same day, take it." in text["qa_warfarin_inr_results"]
    # A superscript's note is said where its mark is; a column whose name hedges keeps its name.
    said = text["qa_warfarin_inr_results"]
    assert 0 < said.index("In clinical studies, acetaminophen") - said.index("may raise the INR.") < 25
    assert any("what we will usually ask you to do: " in i for i in items["qa_warfarin_inr_results"])
    # A support group's venues set in under each time; a wrapped talk title; the sponsor under the banner; a name.
    copd = items["support_group_copd_breathe_easy"]
    assert not any(h.startswith(("Conference Room B", "Lower Hall")) for h in headings["support_group_copd_breathe_easy"])
    said = text["support_group_copd_breathe_easy"]
    assert 0 < said.index("Northfield Community Hospital, Education Center") - said.index("Daytime group") < 80
    assert "Northfield Community Hospital, Education Center" in copd and "Conference Room B (ground floor, next to the " \
        "cafeteria)" in copd
    assert any(i.startswith("Oct 14, 2025") and i.endswith("what is recommended for people with COPD") for i in copd)
    assert any(i.startswith("Sponsored by the Pulmonary Rehabilitation Department") for i in copd)
    assert "Lung Rehabilitation" not in text["support_group_copd_breathe_easy"]
    assert plain["support_group_copd_breathe_easy"].handout.meta.title.startswith("BREATHE EASY: A Peer-Support Group")
    # Titles under a letterhead with a form's code; a menu bar of site links; a title in capitals over two lines.
    assert plain["discharge_after_carpal_tunnel_release"].handout.meta.title == \
        "DISCHARGE INSTRUCTIONS - OPEN CARPAL TUNNEL RELEASE"
    assert plain["factsheet_meningococcal_vaccine"].handout.meta.title.startswith("FACT SHEET: MENINGOCOCCAL")
    assert plain["web_page_sciatica"].handout.meta.title == "Sciatica"
    assert plain["seo_iron_supplements_women"].handout.meta.title.endswith("(2024 BUYER'S GUIDE)")
    # "These ... are" is no "This ... are"; "3. DO NOT TAKE COLCHICINE IF:" is its own section over its list.
    assert "This in many cases are" not in text["leaflet_colchicine"]
    assert any(h.upper().startswith("3. DO NOT TAKE COLCHICINE IF") for h in headings["leaflet_colchicine"])
    # Key points: no aside the main sentence limits ("Antibiotics ... are usually reserved for ..."), no "every dose"
    # in a handout of several medicines.
    assert not any(p.startswith("Antibiotics can shorten illness") for p in points["factsheet_shigella"])
    assert not any(p.startswith("Take every dose") for p in points["discharge_adult_pneumonia"])


def test_the_twentieth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # An item of a "Do not:" list is never a Key point: alone it says the opposite ("Drive ... for 24 hours").
    assert not any(p.startswith(("Drive", "Swim", "Wear eye make-up")) for p in points["discharge_after_cataract_surgery"])
    # A table's cells wrapped under a bulleted-looking "- grey cap", a header stacked over a ruler, a first cell wrapped.
    drops = items["discharge_after_cataract_surgery"]
    assert any(i.startswith("Ketorolac 0.5% (Acular) - grey cap: ") and "4 weeks, or as directed" in i for i in drops)
    assert any(i.startswith("Artificial tears (preservative-free): ") and "up to 6 times a day" in i for i in drops)
    doses = items["discharge_child_febrile_seizure"]
    assert any(i.startswith("18-23 lb (8.0-10.9 kg): ") or i.startswith("18 to 23 lb (8.0 to 10.9 kg): ") for i in doses)
    assert any("Children's liquid 100 mg per 5 mL" in i and "3.75 mL (75 mg)" in i for i in doses)
    assert any("Abnormal heart rhythm needing treatment: " in i for i in items["consent_cardiac_catheterization"])
    # A box of stars is one warning; a compound in capitals keeps its hyphen; a sales box goes.
    assert "if you take an SGLT2 inhibitor" in text["seo_keto_diet_diabetes"].replace("a SGLT2", "an SGLT2")
    assert "life-threatening condition in which blood sugar may look normal" in text["seo_keto_diet_diabetes"].lower()
    assert "SUGARFREE20" not in text["seo_keto_diet_diabetes"]
    # A stranded preposition is no keyword stuffing; a negation is never dropped as filler from part of a sentence.
    said = text["support_group_heart_failure"]
    assert "even if the person they care for is unable to attend" in said and "no referral is" in said
    assert plain["support_group_heart_failure"].handout.meta.title == "HEART TO HEART: Living Well with Heart Failure"
    assert not any(h.startswith(("Conference Room 2B", "Community Room")) for h in headings["support_group_heart_failure"])
    # Words: "eGFR" keeps its case; "e.g." after a verb is no "such as"; an aside names its noun, not the phrase before.
    assert "EGFR" not in text["leaflet_hydroxychloroquine"]
    assert "may receive, such as" not in text["factsheet_giardia"]
    assert "During pregnancy, paromomycin is poorly absorbed" not in text["factsheet_giardia"]
    assert "This inner corner" not in text["discharge_after_cataract_surgery"]
    # An arrow before what to do says "then"; a menu bar and search box are no table; a page's lone heading is its title.
    assert "20 minutes, then move up one tier" in text["triage_adult_nosebleed"]
    assert not any("pay a bill" in i.lower() for i in items["web_page_knee_osteoarthritis"])
    assert plain["web_page_knee_osteoarthritis"].handout.meta.title == "Knee Osteoarthritis"
    # Key points: no title-block fragment.
    assert not any(p.startswith("(") for p in points["leaflet_tamoxifen"])


def test_the_twenty_first_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # A table of records parted by blank lines: each record's lines are one row, under a ruled header.
    home = [i for i in items["discharge_child_asthma_attack"] if i.startswith(("Albuterol HFA", "Prednisolone 15 mg",
                                                                                "Fluticasone"))]
    assert len(home) == 3 and all("days 1 to 2: " in i.lower() or "days 1-2: " in i.lower() for i in home)
    assert any("4 puffs every 4 hours while awake" in i for i in home)
    # A zone's later piece is no Key point ("If your child is getting worse, call 911" holds in the red zone).
    assert not any(p.startswith("If your child is getting worse") for p in points["discharge_child_asthma_attack"])
    # An arrow between findings is a dash; a colour circle in a rule says its colour; between numbers it is "to".
    throat = text["triage_adult_sore_throat"]
    assert "pressure to possible meningitis" not in throat and "No improvement after 7 days - Yellow" in throat
    # A large number's glued note goes; people are no "weakened immune systems"; a form's clause under "that" and a
    # second instruction in a participle stay whole.
    assert "15,300.5" not in text["factsheet_cryptosporidium"]
    assert "Weakened immune systems include" not in text["factsheet_cryptosporidium"]
    assert "Again in 2019, that" not in text["seo_biotin_hair_loss"]
    assert "This keeps your toes pointed forward" not in text["discharge_after_hip_replacement"]
    # A banner's host line over two lines, a time's one set-in detail, a bracket that goes on into the next line.
    crohns = text["support_group_crohns_colitis"]
    assert "Hosted by the Patient & Family Programs Office, Lakeshore Digestive Health Center" in crohns
    assert not any(h.startswith(("Video link", "Anita Rao")) for h in headings["support_group_crohns_colitis"])
    assert "(guest speaker: Anita Rao, MD)" in crohns
    # A numbered section title in capitals whose note in brackets wraps onto the next line is still a heading; a line
    # of tick boxes is a line of its own.
    consent = headings["consent_hysteroscopy"]
    assert any(h.lower().startswith("statement of health professional") for h in consent)
    assert any(h.lower().startswith("confirmation of consent") for h in consent)
    assert any(x.text.endswith("[ ] general anaesthetic") for x in plain["consent_hysteroscopy"].handout.sentences)
    # "acute glaucoma" is sudden and severe: no "lasting a short time" definition.
    assert "acute" not in {t.word for t in plain["leaflet_amitriptyline_low_dose"].handout.words_to_know}


def test_the_twenty_second_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # A checklist's items ("[ ] ...") keep their wrapped lines: no item cut at a line's end into a lead-in and a piece.
    burns = items["triage_adult_burns"]
    # (round 34: on a sheet with nothing to fill in or sign, a checklist's boxes are its marks, not printed)
    assert "High-voltage electrical injury (over 1,000 volts) or lightning strike, even if the skin looks only mildly " \
           "affected" in burns
    assert not any(i.endswith(":") for i in burns if i.startswith(("[ ]", "High-voltage")))
    assert "increasing pain after 48 hours, pus" in text["triage_adult_burns"]
    # "unless B, in which case C" is split only when C says what to do instead; a "TOPIC:" line names the sheet.
    assert 'answered "yes", unless clinical judgment indicates' in text["triage_adult_burns"]
    assert "BURNS" in plain["triage_adult_burns"].handout.meta.title
    assert not any(h.startswith(("Approved", "NHL")) for h in headings["triage_adult_burns"] if h)
    # An arrow at a line's start marks an item, its wrapped lines its own.
    assert any(i.startswith("Begin taking your scheduled pain medicines before the block wears off, ideally")
               for i in items["discharge_after_shoulder_arthroscopy"])
    assert plain["discharge_after_shoulder_arthroscopy"].handout.meta.title.startswith(
        "DISCHARGE INSTRUCTIONS: SHOULDER ARTHROSCOPY (including rotator cuff repair")
    # A boxed warning in capitals is one sentence; labels in capitals are sections; a contact note is no citation.
    pregabalin = text["leaflet_pregabalin"]
    assert "Warning: taking Pregabalin with Opioids such as Oxycodone (Oxycontin), morphine" in pregabalin
    assert not any(h.lower().startswith("warning") for h in headings["leaflet_pregabalin"])
    assert any(h.lower().startswith("misuse and dependence") for h in headings["leaflet_pregabalin"])
    assert "1-800-555-0147" in pregabalin and '"divided into":' in pregabalin
    # A Markdown page's site name and menu over its "# Title" go; a line set in under a heading is its text.
    assert plain["factsheet_candida_auris"].handout.meta.title.startswith("Candida auris in Healthcare Settings")
    assert "Diseases A" not in text["factsheet_candida_auris"]
    assert "To report a case or request screening support" in headings["factsheet_candida_auris"]
    assert "acute" not in {t.word for t in plain["factsheet_candida_auris"].handout.words_to_know}
    # Lettered items under a lead-in stay apart; a table's "(for lipids)" stays with its dose; a long first body line is
    # no heading; a "But little evidence ..." piece keeps its first piece out of the box.
    nad = items["seo_nad_supplements_aging"]
    assert any(i.lower().endswith("you have liver or kidney disease.") for i in nad)
    assert any("500 to 2,000 mg/day (for lipids)" in i for i in nad)
    assert not any(h.startswith("The regulatory status") for h in headings["seo_nad_supplements_aging"])
    assert "Wellness clinics may charge $300 to $1,000 per NAD+ infusion." not in points["seo_nad_supplements_aging"]
    # A title centred over two lines; a tick box item's wrapped line; margin marks; signing lines of a consent form.
    thyroid = plain["consent_thyroid_fine_needle_aspiration"]
    assert "THYROID FINE-NEEDLE ASPIRATION" in thyroid.handout.meta.title
    assert any("indeterminate and that further tests may be needed" in i
               for i in items["consent_thyroid_fine_needle_aspiration"])
    assert ">>>" not in text["consent_thyroid_fine_needle_aspiration"]
    assert any(i.startswith("Patient or legal representative: ") for i in items["consent_thyroid_fine_needle_aspiration"])
    # Question headings with unmarked answers; a table's wrapped first column; a word broken by a hyphen; references.
    liver = text["qa_liver_function_tests"]
    assert "What are the normal ranges?" in headings["qa_liver_function_tests"]
    assert any(i.startswith("Total bilirubin:") and "(2 to 21 µmol/L)" in i for i in items["qa_liver_function_tests"])
    assert not any(i.startswith("Bilirubin:") for i in items["qa_liver_function_tests"])
    assert "aminotransferase" in liver and "alcohol-related" in liver and "Fretzayas" not in liver
    assert any(p.startswith("Call us the same day") for p in points["qa_liver_function_tests"])
    # A site's menu bar and sidebar; a definition that gives another threshold than the page's own.
    assert plain["web_page_bunions"].handout.meta.title == "Bunions (Hallux Valgus)"
    assert "Hallux Rigidus" not in text["web_page_bunions"]
    assert "fever" not in {t.word for t in plain["web_page_bunions"].handout.words_to_know}
    # A schedule set out with dot leaders: each date an item.
    autism = items["support_group_autism_parents"]
    assert "Oct 8: Sleep, melatonin and bedtime routines" in autism
    assert not any(h.startswith(("Sept", "Oct")) for h in headings["support_group_autism_parents"])
    # "..., but only if ... and not if ..." stays in its sentence; a header over two lines is one header.
    concussion = text["discharge_child_concussion"]
    assert re.search(r"no more than 4 doses in 24 hours, but only if your doctor has said it is safe", concussion)
    assert not any(i.startswith("Weight (lb): acetaminophen") for i in items["discharge_child_concussion"])
    assert "Step 6 - Return to games and competition" in concussion
    # "!!" in the margin of a warning; a dose table's wrapped notes; a numbered title after a lettered list; Rx labels.
    lisinopril = text["leaflet_lisinopril"]
    assert "if you have swelling of the face, lips, tongue or throat, or trouble breathing or swallowing" in lisinopril
    assert any(i.startswith("High blood pressure: usual starting dose 10 mg once daily (5 mg if already on a diuretic)")
               and "(maximum 80 mg per day)" in i for i in items["leaflet_lisinopril"])
    assert any(h.lower().startswith("storing lisinopril") for h in headings["leaflet_lisinopril"])
    assert "Rx#" not in lisinopril and any("seek emergency help" in p for p in points["leaflet_lisinopril"])
    # An address line is no title; "Ohio requires" is a law's demand; a ruled header's long names; footer codes.
    lead = plain["factsheet_lead_poisoning_children"]
    assert lead.handout.meta.title.startswith("LEAD POISONING IN CHILDREN")
    assert "Ohio requires" in text["factsheet_lead_poisoning_children"]
    assert any(i.startswith("BLL (µg/dL) < 3.5:") for i in items["factsheet_lead_poisoning_children"])
    assert "Translations" not in text["factsheet_lead_poisoning_children"]


def test_the_twenty_third_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # A box drawn in "#" is unboxed; a hernia's "call 999" sentence whole; tick options stacked under a field stay on it.
    hernia = text["discharge_after_laparoscopic_hernia_repair_child"]
    assert "#" not in hernia and "if the scrotum turns dark, very swollen and painful" in hernia.lower()
    assert "Side(s) repaired: [ ] Left [ ] Right [ ] Both" in hernia
    assert not any(h.startswith("Although") for h in headings["discharge_after_laparoscopic_hernia_repair_child"])
    assert "01632 960 000" in hernia  # the after-hours switchboard, from the letterhead
    # A table's rows wrapped in both columns keep their conditions; a walk-in box is one item; a code's footer keeps
    # its phone number.
    rsv = items["factsheet_rsv_infants_nirsevimab"]
    assert any(i.startswith("Mother received Abrysvo 14 days or more before delivery:") and "not needed" in i.lower() for i in rsv)
    assert any(i.lower().startswith("walk-in rsv clinic: tuesdays & thursdays") and "Room 114" in i for i in rsv)
    assert "Para español llame al (555) 302-7700" in text["factsheet_rsv_infants_nirsevimab"]
    # A seller's box goes whole; a triage sheet's contacts and its "=>" note on the whole checklist.
    assert "Runner-up" not in text["seo_berberine_weight_loss"] and "top pick" not in text["seo_berberine_weight_loss"].lower()
    pain = text["triage_child_abdominal_pain"]
    assert "1-800-222-1222" in pain and "(555) 418-6600" in pain
    assert not any(i.endswith("advise the caller not to give food, drink or pain medicine while waiting for the ambulance.")
                   and i.startswith("[ ]") for i in items["triage_child_abdominal_pain"])
    assert "APPENDICITIS IN CHILDREN UNDER 5 YEARS IS MISSED IN UP TO 1 IN 3 CASES".lower() in pain.lower()
    # Questions under YES/NO columns keep their letters (the text names them) and their boxes at the end.
    mri = items["consent_mri_with_sedation_child"]
    assert "e. Braces, a retainer, an insulin pump, a glucose sensor or a medicine patch: [ ] Yes [ ] No" in mri
    assert any(i.startswith("Cardiac arrest or death: fewer than 1 in 100,000") for i in mri)
    # A grid table's rows; a question wrapped over two lines; arrows run into a sentence; "p.m. If ..." goes on.
    lpa = plain["qa_cholesterol_lipoprotein_a"]
    assert any(i.startswith("Borderline: mg/dL 30 to 50") and "Risk may be modestly raised; context matters" in i
               for i in items["qa_cholesterol_lipoprotein_a"])
    assert any(h.startswith("What is lipoprotein(a), and why was it measured") for h in headings["qa_cholesterol_lipoprotein_a"])
    lpa_text = text["qa_cholesterol_lipoprotein_a"]
    assert "So suggest" not in lpa_text and "If you have chest pain, sudden weakness, or trouble speaking, call 911" in lpa_text
    assert lpa.handout.meta.title.startswith("YOUR LIPOPROTEIN(a) RESULT")
    # "in some cases, which ..." is no "These cases"; a footer's RELATED box heads nothing.
    assert "These cases" not in text["web_page_gout_diet"]
    assert plain["web_page_gout_diet"].handout.meta.title.startswith("Eating Well With Gout")
    assert "Book a Rheumatology Appointment" not in headings["web_page_gout_diet"]
    # A lettered option's wrapped line; a charity number is no range (and, since round 29, a footer's "Registered charity
    # no. 108-442" is furniture: it is not printed at all).
    dementia = items["support_group_dementia_caregivers"]
    assert any(i.startswith("b) Day programme at Maple Court") and i.endswith("unless you qualify for a subsidy")
               for i in dementia)
    assert "108 to 442" not in text["support_group_dementia_caregivers"]
    # A table row whose first cell's bracket closes on its second line; a clinic's name over the title is no title.
    stent = items["discharge_adult_kidney_stone_ureteroscopy"]
    assert any(i.startswith("Ibuprofen (Advil, Motrin): dose 400 to 600 mg") and "every 6 to 8 hours" in i for i in stent)
    assert plain["discharge_adult_kidney_stone_ureteroscopy"].handout.meta.title.startswith("DISCHARGE INSTRUCTIONS AFTER")
    assert "after hours, call the hospital operator" in text["discharge_adult_kidney_stone_ureteroscopy"]
    # A table whose header runs over two lines above a "-----+-----" ruler; "MISSED DOSES" over lettered items.
    pack = items["leaflet_methylprednisolone_dose_pack"]
    assert any(i.startswith("Day 1: before breakfast 2; after lunch 1; after dinner 1; at bedtime 2") for i in pack)
    assert any(h.lower() == "missed doses" for h in headings["leaflet_methylprednisolone_dose_pack"])
    # A list item's wrapped line that starts with a capital ("... possible early" / "Lyme disease ...").
    assert "which also treats possible early Lyme disease" in text["factsheet_tick_borne_anaplasmosis"]
    assert "such as DEET" in text["factsheet_tick_borne_anaplasmosis"]


def test_the_twenty_fourth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # A table's rows wrapped with capitals in their first column stay whole (no phantom products); a note on a column.
    collagen = items["seo_collagen_peptides_skin"]
    assert any(i.startswith("Nutriva Multi Collagen Capsules:") and "fish, egg shell" in i for i in collagen)
    assert not any(i.startswith(("Collagen Capsules:", "Collagen Peptides:")) for i in collagen)
    # A sentence whose first line names things in capitals is no heading; a dotted line's wrapped label; footnotes on a
    # heading and with a web address; the table of contents goes with its heading.
    lev = text["leaflet_levetiracetam"]
    assert not any(h.startswith("You are encouraged") for h in headings["leaflet_levetiracetam"])
    assert "Out of hours / seizure lasting longer than 5 minutes: call 911" in items["leaflet_levetiracetam"]
    assert "www.aedpregnancyregistry.org" in lev and "What is in this leaflet" not in headings["leaflet_levetiracetam"]
    assert plain["leaflet_levetiracetam"].handout.meta.title.endswith("(also sold as Keppra(R); extended-release forms: "
                                                                      "Keppra XR(R), Elepsia XR(R))")
    # A sub-row under a bracketed label; a ruler drawn across under a two-line header; references are no text.
    nodule = items["qa_thyroid_nodule_ultrasound"]
    assert "Shape (transverse view): finding Taller-than-wide; points 3" in nodule
    assert any(i.startswith("TR3 Mildly suspicious: points 3; estimated cancer risk about 4.8%; FNA advised if nodule is 2.5 cm")
               for i in nodule)
    assert "Tessler" not in text["qa_thyroid_nodule_ultrasound"] and not any("Tessler" in h for h in headings["qa_thyroid_nodule_ultrasound"])
    # Examples after "before the headache" are the aura's; a site's search box and menu are no title; a link's arrow.
    migraine = text["web_page_migraine_in_children"]
    assert "Headache includes" not in migraine
    assert plain["web_page_migraine_in_children"].handout.meta.title == "Migraine in Children and Teens"
    assert not any("second opinion" in h for h in headings["web_page_migraine_in_children"]) and "©" not in migraine
    # A table row wrapped after "within"; a unit's name beside the department's; an "although" aside with "and" after it.
    legionella = items["factsheet_legionella_building_owners"]
    assert any(i.startswith("140°F (60°C):") and "within 2 minutes" in i and "or higher" in i for i in legionella)
    assert plain["factsheet_legionella_building_owners"].handout.meta.title.startswith("FACT SHEET: LEGIONNAIRES")
    assert "But in some cases" not in text["factsheet_legionella_building_owners"]
    # "p.m.; please use the Emergency" / "Department side door": one item; a centred subtitle joins the title;
    # "not required" stays.
    myeloma = plain["support_group_multiple_myeloma"]
    assert any("please use the Emergency Department side door" in i for i in items["support_group_multiple_myeloma"])
    assert myeloma.handout.meta.title.startswith("MYELOMA CONNECTIONS SUPPORT GROUP: For people living with")
    assert "not required" in text["support_group_multiple_myeloma"]
    # A safety instruction after its condition makes the box; the letterhead grid of codes and dates is no table.
    assert "If a baby has pauses in breathing or turns blue, call 911." in points["factsheet_pertussis_adults"]
    assert plain["triage_adult_urinary_retention"].handout.meta.title.startswith("URINARY RETENTION")
    assert plain["leaflet_spironolactone_acne"].handout.meta.title.startswith("SPIRONOLACTONE")


def test_the_twenty_fifth_round_s_classes(plain, views):
    text, items = views.text, views.items
    # Two spaces after a sentence's stop are a typist's, no table's column ("... supervision[5].  Keep a" / "headache
    # diary, and ..."): the sentence after them stays whole.
    assert "Keep a headache diary" in text["leaflet_sumatriptan_nasal_spray"]
    assert "Many people take their dose 30 to 60 minutes before bed" in text["seo_magnesium_glycinate_anxiety"]
    assert "may contain 200 to 300 mg" in text["triage_adult_palpitations"]
    # A variety's name wrapped after "var." goes on; "!!" in both margins of a warning.
    assert "Sarcoptes scabiei var. hominis" in text["factsheet_scabies_care_homes"]
    stroke = text["support_group_young_stroke_survivors"].lower()
    assert "if you or someone with you notices face drooping, arm weakness or slurred speech, call 999" in stroke
    assert "!" not in text["support_group_young_stroke_survivors"].replace("!)", "")
    # "Do not pick or scratch the wart, which may spread the virus": the picking spreads it, not the wart ("This wart may
    # spread the virus" had been made of it): said as written.
    assert "This wart may spread" not in text["web_page_plantar_warts"]


def test_the_twenty_sixth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    title = {name: r.handout.meta.title for name, r in plain.items()}
    # A page's running lines go: its header and footer ("TRI-RESP-04  Cough - Adult  Page 1 of 2 (continued)",
    # "CDS-114  Pacemaker discharge  Page 2 of 3  continued..."), turn-over marks, and codes beside the title or the
    # last lines; the title stays.
    for name in ("triage_adult_cough", "discharge_after_pacemaker_insertion", "leaflet_metronidazole",
                 "discharge_child_collarbone_fracture", "leaflet_nitroglycerin_spray", "support_group_tinnitus"):
        said = " ".join([text[name], *headings[name]])
        assert not re.search(r"\bPage \d|\bcontinued (?:on|overleaf)\b|\(continued\)|continued\.\.\.|TRI-RESP|CDS-114|"
                             r"PL 04569|MG-NTG|PED-ED|Flyer v4", said, re.I), name
    assert title["consent_allergy_skin_testing"] == "INFORMED CONSENT FOR ALLERGY SKIN PRICK TESTING (SPT)"
    assert title["discharge_child_collarbone_fracture"] == "DISCHARGE INSTRUCTIONS: BROKEN COLLARBONE (CLAVICLE FRACTURE)"
    assert title["web_page_ingrown_toenail"] == "Ingrown Toenail (Onychocryptosis)"  # under a menu ending "Search..."
    assert title["leaflet_nitroglycerin_spray"].startswith("NITROGLYCERIN")  # not "PATIENT MEDICATION GUIDE"
    assert title["support_group_tinnitus"] == "NORTH VALLEY TINNITUS & HEARING LOSS SUPPORT GROUP"  # a banner's name
    assert "Find a Clinic" not in text["web_page_ingrown_toenail"] and "= =" not in text["support_group_tinnitus"]
    # Questions under "YES  NO" columns keep each question whole, its boxes after it, under a later tier too.
    cough = [i for i in items["triage_adult_cough"] if re.match(r"[1-3][a-g]\. ", i)]
    assert len(cough) == 19 and all(i.endswith(": [ ] Yes [ ] No") and i.count("[ ]") == 2 for i in cough)
    assert any('change in a long-standing "smoker\'s cough" in a patient over 40' in i for i in cough)
    assert "You have had asthma symptoms or used your reliever inhaler more than usual in the past 7 days: [ ] Yes [ ] No" \
        in items["consent_allergy_skin_testing"]
    signs = [i for i in items["discharge_child_collarbone_fracture"] if i.endswith("[ ] Yes [ ] No")]
    assert len(signs) == 5 and not any(h.endswith(("YES", "yes")) for h in headings["consent_allergy_skin_testing"])
    # A dotted table's column name is said with each value, and a label wrapped over two lines stays with its value.
    allergy = items["consent_allergy_skin_testing"]
    assert "Non-sedating antihistamines: cetirizine, levocetirizine, loratadine, desloratadine, fexofenadine: stop for " \
           "at least 5 to 7 days" in allergy
    assert "Cough/cold and sleep aids containing antihistamines: stop for at least 5 days" in allergy
    assert headings["consent_allergy_skin_testing"][0].startswith("Part A")  # the part's letter, no article
    # A table ruled under its header reads its columns from the ruler; a dose with its own length is another choice.
    collarbone = items["discharge_child_collarbone_fracture"]
    assert "27 to 32 kg (60 to 71 lb): Acetaminophen 160 mg/5 mL: 12.5 mL (400 mg); Ibuprofen 100 mg/5 mL: 12.5 mL " \
           "(250 mg)" in collarbone
    assert "Maximum in 24 hours: Acetaminophen 160 mg/5 mL: 5 doses; Ibuprofen 100 mg/5 mL: 4 doses" in collarbone
    assert "---" not in text["discharge_child_collarbone_fracture"]
    metronidazole = items["leaflet_metronidazole"]
    assert "Bacterial vaginosis (another choice): dose 2 g as a single dose; length 1 day" in metronidazole
    assert "Trichomoniasis: dose 2 g as a single dose; length 1 day" in metronidazole
    # A box drawn with "||" sides, its label between "!!" marks: one warning, not a sentence cut at each line.
    assert "Do not drink alcohol while taking Metronidazole and for at least 48 hours after your last dose." \
        in text["leaflet_metronidazole"] and "Alcohol" in headings["leaflet_metronidazole"]
    # Numbered notes at the foot: sources go; a note that says something stays, without its number.
    assert not re.search(r"Malfertheiner|Heymann|Mlcek|Based on U\.S\.", " ".join(text.values()))
    assert "Check the instructions for your specific product, as priming steps differ between brands." \
        in text["leaflet_nitroglycerin_spray"]
    assert "option 3" in text["qa_h_pylori_breath_test"] and "option 3 1" not in text["qa_h_pylori_breath_test"]
    assert "^5" not in text["factsheet_cyclospora"] and "carrots3" not in text["factsheet_cyclospora"]
    # Numbered questions are headings whatever their length, their answers without "A."
    assert "Q3. Which medicines do I need to stop, and for how long?" in headings["qa_h_pylori_breath_test"]
    assert not re.search(r"(?:^|\. )A\. ", text["qa_h_pylori_breath_test"]) and "a FALSE NEGATIVE" in text["qa_h_pylori_breath_test"]
    # A table joined by dots is read by its columns; a cell that says its own verb is set after a colon.
    assert "Negative: DOB value below 2.5; what it usually means: No active infection detected" in items["qa_h_pylori_breath_test"]
    assert "Simple antacids: examples calcium carbonate; stop before test: may be continued, but not on test morning" \
        in items["qa_h_pylori_breath_test"]
    # ">> 1. WHAT IS QUERCETIN?" is a heading; a note on two items of a list is said after the whole list.
    assert "What does the research say?" in headings["seo_quercetin_allergies"]
    quercetin = items["seo_quercetin_allergies"]
    assert quercetin.index("Often paired with bromelain and vitamin C for better absorption") + 1 \
        == next(k for k, i in enumerate(quercetin) if i.startswith("These statements have not been evaluated"))
    assert "RELATED" not in text["seo_quercetin_allergies"] and "This product is not intended" not in text["seo_quercetin_allergies"]
    # Phone lines after a list of warning signs are no signs; lines set in under a heading are no headings.
    listed = [i for kind, _, its in _blocks(plain["discharge_after_pacemaker_insertion"]) if kind == "bullets" for i in its]
    assert "Device Clinic (Mon-Fri 08:30 to 17:00): 01632 960 417" in items["discharge_after_pacemaker_insertion"]
    assert not any("01632 960" in i for i in listed)
    assert not any(h.startswith(("North Valley Public Library", "Group facilitators")) for h in headings["support_group_tinnitus"])
    assert "A support group does not replace medical care" in headings["support_group_tinnitus"]
    # Key points: none that leans on a heading's time limit, a question before it, or a subject it leaves out.
    assert not any(p.startswith("Do not raise the elbow") for p in points["discharge_after_pacemaker_insertion"])
    assert not any(p.startswith("Join by video") for p in points["support_group_tinnitus"])
    assert not any(p.startswith("Does not replace") for p in points["triage_adult_cough"])
    assert any(p.startswith("If your chest pain is not better") and "call 911" in p for p in points["leaflet_nitroglycerin_spray"])
    assert "lung high blood pressure" not in text["leaflet_nitroglycerin_spray"]  # "lung hypertension" is a name


def test_the_twenty_seventh_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    title = {name: r.handout.meta.title for name, r in plain.items()}
    # Turn-over marks between arrows or dots, a later page's running title ("... Results (cont.)"), a version beside the
    # title, a licence code in the last lines: none is printed.
    for name in ("consent_ct_scan_with_contrast", "discharge_after_turp_prostate_surgery", "factsheet_bed_bugs_housing",
                 "qa_ferritin_iron_results", "leaflet_prednisolone_eye_drops", "leaflet_clarithromycin",
                 "triage_adult_vomiting_diarrhea"):
        said = " ".join([text[name], *headings[name]])
        assert not re.search(r"continued|\(cont\.\)|Version 4\.1|PL \d{5}|\[AB1\]", said, re.I), name
    # The title is the sheet's, not its organisation's, a field's or the file's.
    assert title["factsheet_bed_bugs_housing"] == "BED BUGS: A FACT SHEET FOR TENANTS, LANDLORDS AND HOUSING STAFF"
    assert title["triage_adult_vomiting_diarrhea"] == "VOMITING AND/OR DIARRHEA - ADULT (18 YEARS AND OLDER)"
    assert title["discharge_after_turp_prostate_surgery"] == \
        "Patient Discharge Information: TRANSURETHRAL RESECTION OF THE PROSTATE (TURP)"
    assert title["support_group_ostomy"].startswith("RIVERSIDE OSTOMY CONNECTION - Peer Support")  # a banner in a box
    assert title["discharge_child_scald_burn"] == "DISCHARGE ADVICE: SMALL SCALD BURN"
    # A citation glued after a number before "And ..." is a note, not a decimal.
    assert "over 80.1" not in text["seo_saw_palmetto_prostate"]
    # Two columns of items under two names are said column by column.
    ostomy = items["support_group_ostomy"]
    assert "We can accept: unopened boxes and bags; items within the expiry date; seals, paste, powder, wipes, adhesive " \
           "removers, belts; pre-cut and cut-to-fit bags." in ostomy
    assert any(i.startswith("We cannot accept: opened or damaged packets; anything past its expiry date; medicines")
               for i in ostomy)
    assert any(i.startswith("Don't: use \"bug bombs\" or foggers") for i in items["factsheet_bed_bugs_housing"])
    # A schedule set right ("9 Jan ......" over "13 Feb ......") is a list, each date its own item; "> " items under a
    # lead-in are a list.
    assert "9 Jan: New Year catch-up and supplies exchange" in ostomy and "11 Jun: Partners and family evening" in ostomy
    assert not any(h.startswith("9 Jan") for h in headings["support_group_ostomy"])
    listed = [i for kind, _, its in _blocks(plain["support_group_ostomy"]) if kind == "bullets" for i in its]
    assert "your stoma turns dusky purple, grey or black" in listed and ">" not in text["support_group_ostomy"]
    # A dose line is no heading; dots after a label are its blank; a column of single boxes is a checklist.
    scald = items["discharge_child_scald_burn"]
    assert "Paracetamol 120 mg/5 mL: 15 mg/kg, every 4 to 6 hours, MAX 4 doses in 24 h" in scald \
        or any(i.startswith("Paracetamol 120 mg/5 mL: 15 mg/kg") for i in scald)
    assert not any(h.startswith("Paracetamol") for h in headings["discharge_child_scald_burn"])
    assert "::" not in text["discharge_child_scald_burn"] and "YES - go to ED / call 999:" in text["discharge_child_scald_burn"]
    assert "[ ] Temperature of 38.0 C or higher" in scald
    # A Key point from a paragraph led by "FIRST AID IF IT HAPPENS AGAIN:" holds only then: not in the box.
    assert not any(p.startswith("Never use ice") for p in points["discharge_child_scald_burn"])
    # "- or -" between two doses says the choice; a label set in over its items is their lead-in, no heading.
    assert any("10 days, or Prednisolone 60 mg" in i for i in items["web_page_bells_palsy"])
    assert not any(h.startswith("Prednisolone") for h in headings["web_page_bells_palsy"])
    assert "Adults and children aged 12 years and over:" in items["leaflet_clarithromycin"]
    assert not any(h.startswith("Adults and children") for h in headings["leaflet_clarithromycin"])
    # A form's questions with YES / NO box columns: each question, then its boxes named.
    assert "4. Do you have diabetes? [ ] Yes [ ] No" in items["consent_ct_scan_with_contrast"]
    assert "Part B. screening questions" in headings["consent_ct_scan_with_contrast"]  # no "(circle / tick one)"
    # A Key point never leaves out what to use.
    assert not any(p.startswith("Do not use if") for p in points["triage_adult_vomiting_diarrhea"])


def test_the_twenty_eighth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    title = {name: r.handout.meta.title for name, r in plain.items()}
    # A table drawn as a grid ("+----+----+", a ruler under every row): the lines between two rulers are one row,
    # its wrapped lines said whole, the row's name with each.
    sting = items["triage_adult_insect_sting"]
    assert "Cold: Wash the area, then apply a cold pack wrapped in a cloth for 10 to 20 min; repeat as needed. " \
           "Raise the limb." in sting
    assert any(i.startswith("Pain: Paracetamol 1 g up to 4 times in 24 h, or ibuprofen 400 mg up to 3 times") for i in sting)
    assert not any(i.startswith(("Itch / swelling: Wash", ": ")) for i in sting) and "|" not in text["triage_adult_insect_sting"]
    # Steps the text refers to by number ("if any Step 1 symptom develops") keep their numbers in their headings; a
    # lettered question after a ruler and a wrapped one stays in its list with its letter.
    assert any(h.startswith("Step 1") for h in headings["triage_adult_insect_sting"])
    assert "c. Fainting, severe dizziness, confusion, or too weak to stand: [ ] Yes [ ] No" in sting
    assert not re.search(r"-{5}", text["triage_adult_insect_sting"])
    # The protocol's code, version, approval and "Uncontrolled when printed ... Pg 1/1" footer are no text.
    assert title["triage_adult_insect_sting"] == "INSECT STING (BEE, WASP, HORNET) - ADULT"
    assert not re.search(r"Uncontrolled|Pg 1/1|Effective 01-JAN", text["triage_adult_insect_sting"])
    # A "|" table under a box's rule is read by its columns, a wrapped cell with its row; the unnamed first column's
    # table compares the columns.
    heat = items["factsheet_heat_illness_workers"]
    assert any(i.startswith("Body temperature: heat exhaustion normal or raised, usually below 104 F (40 C); heat stroke")
               for i in heat)
    assert "Each line compares heat exhaustion and heat stroke (medical emergency):" in text["factsheet_heat_illness_workers"]
    # "4. PAIN MEDICINES - take regularly ..." among sections numbered in capitals: the heading, then its text; a
    # dose table's short leader ("30-60 mg .. every") and its wrapped lines are rows of their own.
    disc = plain["discharge_after_lumbar_discectomy"].handout
    assert "4. Pain medicines" in headings["discharge_after_lumbar_discectomy"]
    assert any(i.startswith("Codeine phosphate 30 to 60 mg: every 4 to 6 hours") and "Laxative" not in i
               for i in items["discharge_after_lumbar_discectomy"])
    # A warning's heading that runs into its text: the name is the heading, the instruction starts the text.
    assert any(h.lower().startswith("warning - cauda equina syndrome") and "emergency" not in h.lower()
               for h in headings["discharge_after_lumbar_discectomy"])
    assert any(s.text.startswith("Go to the emergency department at once (do not wait") for s in disc.sentences)
    # A heading in capitals over "o" bullets is a heading; the contact line after the signatures is kept.
    assert "Other reasons to seek advice" in headings["discharge_after_lumbar_discectomy"]
    assert "01632 960 412" in text["discharge_after_lumbar_discectomy"] and "NHS 111" in text["discharge_after_lumbar_discectomy"]
    # "GIVEN?  YES  NO" over a checklist: the boxes named.
    assert "Physiotherapy referral: [ ] Yes [ ] No" in items["discharge_after_lumbar_discectomy"]
    # A dotted dose table under a dashed ruler: the dose column's name with each value, the staff's tick column gone.
    bite = items["discharge_child_dog_bite"]
    assert "10.0 to 12.9 kg: dose twice daily 3 mL (240 mg)" in bite or "10.0 - 12.9 kg: dose twice daily 3 mL (240 mg)" in bite
    assert not any(h.startswith("Child's weight") for h in headings["discharge_child_dog_bite"])
    # "2. ANTIBIOTICS - amoxicillin-clavulanate ... suspension" over its text: one heading, not run into the text.
    assert any(h.startswith("ANTIBIOTICS - amoxicillin-clavulanate") or h.startswith("Antibiotics - amoxicillin")
               for h in headings["discharge_child_dog_bite"])
    # "continued over" and a signer's "I have received ... these instructions" go with the signing lines.
    assert not re.search(r"continued|I have received", text["discharge_child_dog_bite"])
    # A risk table's value wrapped under its column, and a label too long for its dots, are said with their rows.
    vas = items["consent_vasectomy"]
    assert any("up to 1 in 20; severe enough to affect daily life in about 1 in 100" in i for i in vas)
    assert any(i.startswith("Late failure (tubes rejoin after clearance): how often") for i in vas)
    assert "Section C - risks and side effects" in headings["consent_vasectomy"]
    # The form's issue and date are no title; a statement then its signing fields are said apart.
    assert title["consent_vasectomy"] == "PATIENT AGREEMENT TO NO-SCALPEL VASECTOMY UNDER LOCAL ANAESTHETIC"
    assert ". ; Signature" not in text["consent_vasectomy"]
    # Markdown's footnotes are notes: no "[^1]" printed; a masthead's fact sheet code and a "· Page 1 of 1" footer go.
    assert "[^" not in text["qa_semaglutide_weight_loss"] and "Form WM-114" not in text["qa_semaglutide_weight_loss"]
    assert not re.search(r"EH-114|Page 1 of 1", text["factsheet_hantavirus"])
    # "Note: if A, or if B, consider ...": what both lead to is not put in the last one's bullet.
    assert not any(i.startswith("you are pregnant or have a lung condition, consider") for i in items["factsheet_hantavirus"])
    # A one-dot leader lined up with the others is a leader; "This leaflet was last revised in ..." is no text.
    assert "Very common (more than 1 in 10): dizziness, unsteadiness, drowsiness, nausea, vomiting, skin allergy" \
        in items["leaflet_carbamazepine"]
    assert "last revised" not in text["leaflet_carbamazepine"]
    # A package leaflet's kind over the medicine's name: the name is the title, its substance in brackets; a condition
    # column's name is quoted in the lead-in; "If you ..." is never merged into "Do not use ...".
    assert title["leaflet_nicotine_patches"].endswith("transdermal patches (nicotine)")
    assert 'Each line gives "if you smoke", step 1, step 2 and step 3:' in text["leaflet_nicotine_patches"]
    # (round 34: a heading now, over what to do; a modal runs on into no capital)
    assert "If you use more NicoStep than you should" in headings["leaflet_nicotine_patches"] + [text["leaflet_nicotine_patches"]]
    # ", which ..." after an amount or an action: no "Mg is", no "Milk is".
    assert "Mg is" not in text["seo_l_theanine_focus"] and "Milk is also an option" not in text["support_group_pregnancy_loss"]
    # A ruled table's row whose cells run together ("30 sv $24.00") is parted at its columns; "Jump to: ... | FAQ" goes.
    assert "MindBrew Night Blend: dose/cap 150 mg; form powder; caps 30 sv; price $24.00; our rating 4.1 / 5" \
        in items["seo_l_theanine_focus"]
    assert "Jump to" not in text["seo_l_theanine_focus"]
    assert "Ask your doctor or pharmacist first." not in points["seo_l_theanine_focus"]
    # A flyer: its banner's name is the title; its tear-off tabs and "Please do not remove" go; the names set under a
    # label are said apart; an e-mail address ends its line.
    loss = plain["support_group_pregnancy_loss"].handout
    assert title["support_group_pregnancy_loss"] == "GENTLE HEARTS ~ Pregnancy & Infant Loss Support Group"
    assert not re.search(r"Gentle Hearts \||notice board", text["support_group_pregnancy_loss"])
    assert any("(perinatal bereavement nurse); Rev. Thomas Okafor" in s.text for s in loss.sentences)
    assert not any("example.org Messages" in s.text for s in loss.sentences)
    assert not any(h.startswith("Sponsored by") for h in headings["support_group_pregnancy_loss"])
    # A shouted word swapped is said shouted.
    assert "RIGHT AWAY into the outer thigh" in text["triage_adult_insect_sting"]


def test_the_twenty_ninth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    title = {name: r.handout.meta.title for name, r in plain.items()}
    # A protocol's "STEP 1." ... "STEP 2." lines with text under each are its sections; a numbered question wrapped
    # before its YES / NO boxes is one question, so the questions keep their numbers (1 to 9).
    # (round 36: where the text names its questions by number, they are said with it: "3. Bleeding has not ...")
    bleed = [re.sub(r"^\d+\.\s+", "", i) for kind, _, its in _blocks(plain["triage_adult_nosebleed_anticoagulant"])
             for i in its if kind == "numbered" or re.match(r"\d+\.\s", i)]
    assert "Step 2 - assessment questions" in headings["triage_adult_nosebleed_anticoagulant"]
    assert bleed[2] == "Bleeding has not stopped after 2 attempts of 10 to 15 minutes of firm, continuous pressure? : " \
        "[ ] Yes [ ] No" or bleed[2].startswith("Bleeding has not stopped after 2 attempts of 10 to 15 minutes of firm")
    assert len(bleed) >= 9 and bleed[8].startswith("3 or more nosebleeds in the past 2 weeks that stopped on their own?")
    # A heading whose brackets hold a semicolon is still a heading; a field under a question is no part of it; the name of
    # a column of blanks after a sentence goes.
    assert any(h.startswith("PART B - SCREENING QUESTIONS") for h in headings["consent_endometrial_biopsy"])
    assert "Part C - risks" in headings["consent_endometrial_biopsy"]
    assert "Initials" not in text["consent_endometrial_biopsy"]
    assert any(re.match(r"(?:1\. )?Is there any chance you could be pregnant\? \[ \] Yes \[ \] No", i)  # (round 34: no
               for i in items["consent_endometrial_biopsy"])  # "? :"; round 36: a question the form names keeps its number)
    # Margin marks beside a list's bullets or a wrapped warning go; a staff's "Tick if discussed" boxes are not said.
    cell = text["discharge_adult_cellulitis_leg_iv"]
    assert ":!" not in cell and "! *" not in cell and "Tick if discussed" not in cell and "Approved by" not in cell
    assert "A temperature of 38 C or above with shivering or shaking" in items["discharge_adult_cellulitis_leg_iv"]
    assert title["discharge_adult_cellulitis_leg_iv"].endswith(": Intravenous (IV) antibiotics changed to tablets")
    assert not re.search(r"fast! ?!|Sodium! ?!", text["leaflet_mirtazapine"] + text["seo_beetroot_blood_pressure"])
    assert "high fever, sweating, fast heartbeat, diarrhoea" in text["leaflet_mirtazapine"]
    # ", which allow" after "placed in the eardrums" is not made "These eardrums allow"; "; never in the gluteal region,
    # where ..." has no verb of its own, so the semicolon is not a sentence's end.
    assert "These eardrums" not in text["discharge_after_tonsillectomy_child_bleeding"]
    assert "Never in the gluteal region" not in text["factsheet_rabies_bats"]
    # "CO" is carbon monoxide, in capitals; "unconsciousness" is not "passing out".
    assert "CO alarm" in text["factsheet_carbon_monoxide_home"] + " ".join(headings["factsheet_carbon_monoxide_home"])
    assert "passing out" not in text["factsheet_carbon_monoxide_home"]
    # A bare "If you use more than you should" line heads what follows: no Key point from it; "Choose ONE fixed day of
    # the week and write it here: ____" is an instruction, not a form's blank; the medicine's name is the title.
    assert not any(p.startswith("Contact your doctor or nearest hospital") for p in points["leaflet_methotrexate_injection"])
    assert "Choose ONE fixed day of the week and write it here" in text["leaflet_methotrexate_injection"]
    assert title["leaflet_methotrexate_injection"].startswith("Methotrexate 7.5 mg, 10 mg")
    # A box's "=====" rule is no heading's underline; "->" items in a Markdown quote are a list.
    assert "=====" not in text["qa_thyroid_eye_disease"]
    assert "your eye is so prominent that you cannot close the lids over it" in items["qa_thyroid_eye_disease"]
    # "Jump to: > ... > FAQ", an advert's divider, "(1)" glued after a full stop, a wrapped line over "2-3 hours ...".
    beet = text["seo_beetroot_blood_pressure"]
    assert not re.search(r"Jump to|advertisement", beet)
    assert not any(h.startswith("Most studies used") for h in headings["seo_beetroot_blood_pressure"])
    assert not re.search(r"\(\d\)", text["web_page_frozen_shoulder"])
    # A flyer's numbered notes set in by a space are notes (sources go); its charity number and "Please display" go.
    stut = text["support_group_stuttering_adults"]
    assert not re.search(r"Yairi|Printed Dec|Please display|charity no", stut)
    # An antidepressant's definition says no use the source does not.
    assert all("anxiety" not in t.definition for t in plain["leaflet_mirtazapine"].handout.words_to_know)


def test_the_thirtieth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    title = {name: r.handout.meta.title for name, r in plain.items()}
    knee = text["consent_joint_injection_hyaluronic"]
    # A split whose first part is a time clause ("after the skin has been cleaned") with no main clause is refused; so is
    # one that would cut a label's "Some patients ..." apart from its verb.
    assert "In this procedure, after the skin has been cleaned with an antiseptic solution." not in knee
    assert "Expected benefit: Some patients experience a reduction in knee pain that begins 2 to 4 weeks" in knee
    assert "Expected benefit begins" not in knee and ": Some patients experience a reduction in knee pain that arthritis" not in knee
    # Notes set between "** " and " **" are a list's items, their stars gone; the form's copies line goes; set-in "> "
    # lines under a heading are a list.
    assert "**" not in knee and "WHITE COPY" not in knee.upper()
    assert "A YES to question 3 means the injection will usually be postponed." in items["consent_joint_injection_hyaluronic"]
    assert any(i.startswith("Avoid strenuous activity such as jogging") for i in items["consent_joint_injection_hyaluronic"])
    # What a person does as they act is no "This" ("You may shower ..., keeping the dressings on and patting ...").
    assert "This may keep the dressings on" not in text["discharge_after_laparoscopic_appendectomy_adult"]
    assert title["discharge_after_laparoscopic_appendectomy_adult"].startswith("DISCHARGE INFORMATION: LAPAROSCOPIC")
    assert not any(p.endswith("if you need longer.") for p in points["discharge_after_laparoscopic_appendectomy_adult"])
    # Two verbs of a "because" clause are not split as the subject's ("It may not shiver" for "Older people").
    cold = text["factsheet_cold_weather_older_adults"]
    assert "It may not shiver" not in cold and "may not feel the cold as much and may not shiver" in cold
    # A sheet's short name beside its page number, a season beside its letterhead, a "2.1  WHAT TO DO" heading over
    # lettered steps, and a one-line list of the sources it cites.
    assert title["factsheet_cold_weather_older_adults"] == "KEEPING WARM AND WELL: COLD WEATHER AND HYPOTHERMIA"
    assert not any("Fact Sheet" in h for h in headings["factsheet_cold_weather_older_adults"])
    assert any(h.startswith("2.1") for h in headings["factsheet_cold_weather_older_adults"])
    assert any(h.startswith("3.0") for h in headings["factsheet_cold_weather_older_adults"])
    assert "Move them indoors or to a warm room and remove any wet clothing." in " ".join(items["factsheet_cold_weather_older_adults"])
    assert "UKHSA" not in cold and ": WHAT TO DO" not in cold
    # "X, depending on Y, and Z": the condition is not cut off as "This depends on Y, and Z".
    omega = text["seo_omega3_dry_eyes"]
    assert "This depends on age" not in omega
    assert "you are definitely not alone - dry eye disease" in omega  # (a line ending " -" goes on, a time in it or not)
    assert "rating 4.5 stars" in omega and ">>>" not in omega and "PRO TIP: Give any supplement" in omega
    # A Markdown table's row wrapped in its cells is one row.
    assert any(i.startswith("Farmers / vets:") and i.endswith("working in wet yards or drains")
               for i in items["factsheet_leptospirosis"])
    # A leaflet's code and contents line go; a label and its value both wrapped stay one row; a "!!" heading loses its marks.
    riva = text["leaflet_apixaban_missed_dose_card"]
    assert "RVX20" not in riva and "What is in this leaflet" not in riva and "Patient Alert Card" not in items["leaflet_apixaban_missed_dose_card"]
    assert "Increase rivaroxaban levels (avoid): ketoconazole" in riva
    assert "Get emergency help (999) if you have:" in headings["leaflet_apixaban_missed_dose_card"]
    # "PL 12345/0067 ... Leaflet 2 of 2" is a running line; "Label:  text" wrapped back under its label is one paragraph;
    # the first of a list's dotted rows wrapped over several lines is one of its items.
    fluc = plain["leaflet_fluconazole_capsules"]
    assert not any("PL 12345" in h for h in headings["leaflet_fluconazole_capsules"])
    assert "Adults 16 to 60 years: swallow ONE 150 mg capsule whole with a glass of water, with or without food." \
        in text["leaflet_fluconazole_capsules"]
    assert any(kind == "bullets" and its[0].startswith("Common (may affect up to 1 in 10 people)") for kind, _, its in _blocks(fluc))
    # A box's line ending "photosensitive: ultraviolet" goes on into "(UV) light ..."; a footnote marked " *" is said
    # with its row; a bullet's wrapped line under "!!" marks stays its item's.
    lupus = text["support_group_lupus"]
    assert "photosensitive: ultraviolet (UV) light can cause rashes" in lupus
    assert "Pharmacist-led session" in " ".join(i for i in items["support_group_lupus"] if i.startswith("11 June"))
    assert any(i.endswith("(possible kidney involvement - lupus nephritis)") for i in items["support_group_lupus"])
    assert "Kuhn A" not in lupus
    # An arrow set in under a checkbox item, more boxes after it, is what to do for that item: no line of its own.
    assert any(i.startswith(("[ ] Trouble breathing", "Trouble breathing")) and "call 911" in i  # (round 34: no box to tick)
               for i in items["triage_child_swallowed_object"])
    assert not any("give anything by mouth" in p for p in points["triage_child_swallowed_object"])
    # A cookie banner is no title.
    assert title["web_page_restless_legs"] == "RESTLESS LEGS SYNDROME (WILLIS-EKBOM DISEASE)"
    # "Allow 15 to 30 minutes for short hair" leans on the step before it: no Key point.
    assert not any(p.startswith("Allow 15") for p in points["discharge_child_head_lice_school"])


def test_the_thirty_first_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    title = {name: r.handout.meta.title for name, r in plain.items()}
    # A ", which ..." aside after which the sentence's list goes on (", and benzyl alcohol, which ...", ", or cystine")
    # is not split; "insert" is "put" only where it says where; a standard's part ("12312-1") is no range.
    clot = text["leaflet_clotrimazole_pessary"]
    assert "Alcohol may cause" not in clot and "insert the pessary with a clean finger" in clot
    stones = text["qa_kidney_stone_urine_tests"]
    assert "This is usually linked to urinary tract infection" not in stones and "Page 1 of 1" not in stones
    assert "struvite, which is usually linked to urinary tract infection, or cystine" in stones
    sun = text["factsheet_sun_safety_outdoor_workers"]
    assert "BS EN ISO 12312-1" in sun and "12312 to 1" not in sun
    # A memory aid's letter is no answer's "A:"; the sheet's first line said again on page 2 is its running header; a
    # numbered list of sources in brackets goes.
    assert "A: Asymmetry -- the two halves look different" in items["factsheet_sun_safety_outdoor_workers"]
    assert not any("HARTWELL" in h for h in headings["factsheet_sun_safety_outdoor_workers"])
    assert "6.0  Vitamin D" in headings["factsheet_sun_safety_outdoor_workers"]  # (round 34: a section's number keeps the capital)
    assert "Health and Safety Executive" not in sun and "a practical guide" not in sun
    assert title["factsheet_sun_safety_outdoor_workers"] == "FACT SHEET: SUN SAFETY FOR OUTDOOR WORKERS"
    # Tick boxes stacked under a label of several words stay on its line, apart from the next label's; "Label:  text"
    # wrapped back under its label is prose; a form's code beside the trust's name is letterhead.
    botox = items["consent_botox_bladder_injection"]
    assert "Dose planned: [ ] 100 units (overactive bladder) [ ] 200 units (neurogenic detrusor overactivity) " \
        "[ ] Other: ______ units" in botox
    assert any(i.startswith("Anaesthetic: [ ] Local") for i in botox)
    assert "You must be willing and able to pass a catheter into your own bladder" in text["consent_botox_bladder_injection"]
    assert title["consent_botox_bladder_injection"].startswith("PATIENT AGREEMENT TO INVESTIGATION OR TREATMENT")
    # A line ending on a phone number and its hours ends there; a form's field is no title.
    elbow = items["discharge_child_nursemaid_elbow"]
    assert "In an emergency always call 999." in elbow and not any(i.endswith("Questions?") for i in elbow)
    assert title["discharge_child_nursemaid_elbow"].startswith("DISCHARGE ADVICE FOR PARENTS AND CARERS: PULLED ELBOW")
    # Page numbers and codes in Markdown and plain text ("`HP-FS-031 v4.2 — Page 1 of 1`", "- 1 -   PL 20417/0153").
    assert "HP-FS-031" not in text["factsheet_campylobacter"]
    prop = text["leaflet_propranolol_tablets"]
    assert "PL 20417" not in prop and "- 2 -" not in prop
    # An item that finishes its lead-in's "to:" is no Key point.
    assert not any(p.startswith("Treat high blood pressure") for p in points["leaflet_propranolol_tablets"])
    # A reference wrapped onto a line of its own stays in the sources; "<< Previous | Next >>" goes.
    vit = text["seo_vitamin_c_skin_serum"]
    assert not re.search(r"Clin Aesthet|Telang|Previous:|Next:", vit)
    assert not any("Dermatol" in h for h in headings["seo_vitamin_c_skin_serum"])
    # A banner's first line ending "with" goes on into its second.
    assert title["support_group_hearing_loss_adults"].endswith("for Adults with Acquired Hearing Loss, Hearing Aids & Cochlear Implants")
    assert not any(h.startswith("Acquired Hearing Loss") for h in headings["support_group_hearing_loss_adults"])
    # A "Question  YES  NO" column's name is no heading; a box of one line in capitals is a section's heading; a label
    # right after a box whose heading was in it starts a section of its own; "--->" is an arrow.
    tri = headings["triage_adult_allergic_reaction_phone"]
    assert "Question" not in tri and any(h.startswith("Tier 1 - SUSPECTED ANAPHYLAXIS") for h in tri)
    assert any(h.startswith("Step 3 - SAME-DAY QUESTIONS") for h in tri)
    assert any(h.startswith("Safety-netting") for h in tri)
    assert not any(re.match(r"(?i)-*>|any yes", p) for p in points["triage_adult_allergic_reaction_phone"])
    # A video's caption in brackets and a line of a leaflet's code and dates go.
    ach = text["web_page_achilles_tendinopathy"]
    assert "[Video" not in ach and "PHY-0417" not in ach


def test_the_thirty_second_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    title = {name: r.handout.meta.title for name, r in plain.items()}
    # ", which" after a bracket's note is not about the note's last word ("These ears"); "X is the protein that ..."
    # is not cut to "X is the protein."; ", may introduce infection" with no "and" is no whole sentence.
    assert "These ears" not in text["factsheet_noise_hearing_workplace"]
    assert "Transferrin is the protein." not in text["qa_ferritin_high_results"]
    assert "may introduce infection." not in text["web_page_ganglion_cyst"]
    # "Assistance dogs" is a term; a part of a ticked statement is never merged away nor a Key point.
    assert "Assistance dogs are welcome" in text["support_group_fibromyalgia"]
    assert "a further treatment may be needed" in text["consent_colposcopy_lletz"].lower()
    assert not any("further treatment" in p for p in points["consent_colposcopy_lletz"])
    # A contact line after the sources is kept; a myth/fact table of sentences says each with its column's name; a
    # table's caption is no Key point; a kind-of-sheet subtitle under a Markdown title is no heading.
    lice = text["factsheet_head_lice_myths"]
    assert "Contact the School Health Team: 555-0148" in lice
    assert "Myth: Lice can jump or fly from one head to another. Fact: Lice cannot jump or fly" in lice
    assert not any(p.startswith("Myths most often") for p in points["factsheet_head_lice_myths"])
    assert not any(h.startswith("A Fact Sheet for") for h in headings["factsheet_head_lice_myths"])
    # A page's footer, a dotted ruler under a table's column names, numbered sections in capitals.
    noise = headings["factsheet_noise_hearing_workplace"]
    assert not any("Northgate Manufacturing" in h or h.startswith("Level") for h in noise)
    assert any(h.startswith("Legal exposure levels") for h in noise)
    assert any("peak sound pressure 135 dB(C)" in i for i in items["factsheet_noise_hearing_workplace"])
    # "!!" marks beside a lead-in's items are their bullets; "5. HOW TO STORE:  Keep ..." is a section and its text.
    assert "!!" not in text["leaflet_naproxen_period_pain"]
    assert "5. How to store" in headings["leaflet_naproxen_period_pain"]
    # A heading over lettered steps keeps its last words; a YES/NO table's third column says where a YES leads.
    assert "Feeding - little and often" in headings["discharge_child_bronchiolitis_feeding"]
    assert any(i.endswith("(if yes: EMERGENCY)") for i in items["triage_adult_eye_injury_chemical"])
    # "x" marks what a group is not; a flyer's code line goes; ">" items after a lead-in and a blank line are a list.
    fib = text["support_group_fibromyalgia"]
    assert "X:" not in fib and "RFG/Flyer" not in fib and "Please share" not in fib
    assert any(i.startswith("It is not a medical service. Our facilitators are not doctors, nurses or physiotherapists")
               for i in items["support_group_fibromyalgia"])
    assert not text["leaflet_prednisolone_soluble_tablets_asthma"].startswith(">") and "> Diabetes" not in \
        text["leaflet_prednisolone_soluble_tablets_asthma"]
    # A masthead of the department and its series, a page's line set as code, a seller's button, a cookie banner, a
    # leaflet's code after its last sentence and a site's footer links go; the page's own title is the title.
    assert "Department of Clinical Biochemistry" not in text["qa_ferritin_high_results"]
    assert "BIO-PIL-027" not in text["qa_ferritin_high_results"]
    assert not any("price" in h.lower() for h in headings["seo_apple_cider_vinegar_gummies"])
    gang = text["web_page_ganglion_cyst"]
    assert title["web_page_ganglion_cyst"] == "Ganglion cysts of the wrist"
    assert not re.search(r"cookies|HW-0112|Back to top|Sitemap", gang)
    # A consent form's title over two lines, the form's code beside the trust's name, and a part's heading whose
    # bracket wraps.
    assert title["consent_colposcopy_lletz"].endswith("COLPOSCOPY WITH LARGE LOOP EXCISION OF THE TRANSFORMATION ZONE (LLETZ)")
    assert any(h.startswith("PART A - statement of health professional") for h in headings["consent_colposcopy_lletz"])
    assert not any("Version 5.2" in h for h in headings["consent_colposcopy_lletz"])


def test_the_thirty_third_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # "such as a visit to a pet shop or aviary": an example of a time it happened, no member of a kind.
    assert "Even brief exposure includes" not in text["factsheet_chlamydia_psittacosis"]
    # A memory aid's word keeps its letter ("I - INDIVIDUAL", TILE); "Pitman A et al." is a name's initial.
    assert "I - person" not in text["factsheet_lifting_back_safety_workplace"]
    assert "I - individual" in text["factsheet_lifting_back_safety_workplace"].replace("I - INDIVIDUAL", "I - individual")
    assert "Pitman An" not in text["support_group_bereaved_parents_suicide"]
    # A table under a ruled header is read row by row (each medicine with its effect).
    assert "Digoxin: possible effect blood level may rise; monitoring may be needed" in items["leaflet_lansoprazole_capsules"]
    # A Markdown heading's "{#q1}" anchor is no word of it; "If any answer is YES" leans on the questions.
    assert not any("{#" in h for h in headings["qa_anaemia_haemoglobin_results"])
    assert not any(p.startswith("If any answer is YES") for p in points["triage_child_itchy_rash_school"])
    # "  x if you are allergic ..." under "Do not take Lansoprazole": crosses mark its items.
    assert "Lansoprazole x if" not in text["leaflet_lansoprazole_capsules"]
    assert any(i.startswith("If you are allergic to lansoprazole") or i.startswith("if you are allergic to lansoprazole")
               for i in items["leaflet_lansoprazole_capsules"])


def test_the_thirty_fourth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # Left open by round 33: a header whose "MEN" and "WOMEN" each span two columns names all four by both lines
    # (by place, "WOMEN" had named the men's "arms out" figure).
    lifting = items["factsheet_lifting_back_safety_workplace"]
    assert any("Knuckle to elbow" in i and "MEN close to body 25 kg" in i and "MEN arms out 15 kg" in i
               and "WOMEN close to body 16 kg" in i and "WOMEN arms out 10 kg" in i for i in lifting)
    assert not any("WOMEN 15 kg" in i for i in lifting)
    # ... its running footer ("HS-FS-07 Issue 4   Uncontrolled when printed") is no heading, and the kind of sheet
    # with its code ("HEALTH & SAFETY FACT SHEET HS-FS-07") is no title.
    assert not any("HS-FS-07" in h for h in headings["factsheet_lifting_back_safety_workplace"])
    assert plain["factsheet_lifting_back_safety_workplace"].handout.meta.title == "MANUAL HANDLING AND BACK SAFETY"
    # A cross-reference to another protocol by its code stays ("see TT-OPH-05").
    assert "(see TT-OPH-05)" in text["triage_adult_eye_injury_chemical"]
    # A reason after which the main clause's next condition follows (", or if you have a history of kidney stones")
    # is not split off: the condition had gone with the reason.
    assert "This is because cranberry may increase its blood-thinning effect and the risk of bleeding, or if" \
        not in text["seo_cranberry_uti_supplements"]
    # "5.2  Schedule:" over dotted rows set in under it: each row its own item, not run into the lead-in.
    assert "Baseline test: before or soon after starting noisy work" in items["factsheet_noise_hearing_workplace"]
    assert not any("Schedule Baseline" in i for i in items["factsheet_noise_hearing_workplace"])
    # Round 34's own texts.
    # Two things that "may cause" blindness are "They", not "It".
    assert "They may cause severe, permanent loss of vision" in text["consent_intravitreal_eye_injection"]
    assert "It may cause severe, permanent loss of vision" not in text["consent_intravitreal_eye_injection"]
    # A form's code with its revision ("Ref: MR-CF/07 (rev. 06/23)", "Form ED-DS/47  v3.2") is no text or title; the
    # kind of form ("PATIENT AGREEMENT TO TREATMENT") names it.
    assert "MR-CF" not in " ".join(items["consent_intravitreal_eye_injection"]) + text["consent_intravitreal_eye_injection"]
    assert plain["consent_intravitreal_eye_injection"].handout.meta.title == "PATIENT AGREEMENT TO TREATMENT"
    assert "ED-DS" not in plain["discharge_adult_first_seizure"].handout.meta.title
    # "2. DRIVING  !! IMPORTANT !!" is a section's heading among numbered sections, not a step; "WHO ELSE TO TELL" asks.
    assert "Driving - important" in headings["discharge_adult_first_seizure"]
    assert "Who else to tell" in headings["discharge_adult_first_seizure"]
    # A box's name over dotted rows keeps its place; the values' column name is said with each value.
    glue = plain["discharge_child_cut_skin_glue"]
    assert "Signs of infection - please check the wound each day" in headings["discharge_child_cut_skin_glue"]
    assert any(i.startswith("Redness spreading out from the wound: Seek advice? Yes") for i in items["discharge_child_cut_skin_glue"])
    assert "If you are worried about your child at any time, please seek medical advice." in text["discharge_child_cut_skin_glue"]
    assert glue.handout.sections
    # Needlestick sheet: the title under the letterhead, with whom it is for; a sixth step stays a step; "Out" / "of
    # hours" is one sentence; a references line's next numbers go with it; a line of fields ends its line.
    needle = items["factsheet_needlestick_injury_staff"]
    assert plain["factsheet_needlestick_injury_staff"].handout.meta.title.startswith("NEEDLESTICK AND SHARPS INJURIES")
    assert "for all clinic staff" in plain["factsheet_needlestick_injury_staff"].handout.meta.title
    assert any(i.startswith("Report it now - see Section 4.") for i in needle)
    assert "Out of hours, go to the Emergency Department" in text["factsheet_needlestick_injury_staff"]
    assert "UKHSA Green Book" not in text["factsheet_needlestick_injury_staff"]
    assert "Confidential support is available." in needle
    assert not any(p.startswith(("Step ", "Side effects")) for p in points["factsheet_needlestick_injury_staff"])
    # A Markdown masthead ("... | Health Protection Team (North & East) | Version 4.1 ...") and "*5" after emphasis.
    assert "Version 4.1" not in text["factsheet_stec_e_coli_o157"] and "*5" not in text["factsheet_stec_e_coli_o157"]
    # "If you give/take more X than you should" heads its instruction (a modal ends no wrapped line before a capital),
    # and a split instruction keeps the claim it follows.
    assert "If you give more cetirizine than you should" in headings["leaflet_cetirizine_oral_solution_children"]
    assert "If you take more Co-codamol than you should" in headings["leaflet_co_codamol_tablets"]
    assert "Children with kidney problems may need a lower dose." in text["leaflet_cetirizine_oral_solution_children"]
    assert "(for children aged 2 years and over, and adults)" in plain["leaflet_cetirizine_oral_solution_children"].handout.meta.title
    # A later page's header ("PL 40981/0112    Co-codamol 30/500 Tablets") is no heading; a dotted row after a table of
    # them is one more row.
    assert not any("PL 40981" in h for h in headings["leaflet_co_codamol_tablets"])
    assert "Not known: dependence and addiction" in items["leaflet_co_codamol_tablets"]
    # The aside after a name and its words in brackets is about the name; tick boxes on a sheet with nothing to fill in.
    assert "Your eGFR comes from a blood test" in text["qa_urine_acr_kidney_results"]
    assert not any(i.startswith("[") for i in items["qa_urine_acr_kidney_results"] + items["seo_valerian_root_sleep"])
    assert "Renal Patient Information Group" not in text["qa_urine_acr_kidney_results"]
    # A hedge on how it works stays on it; a sentence wrapped after a time ("3 a.m.?") goes on; affiliate lines go.
    valerian = text["seo_valerian_root_sleep"]
    assert "It is thought to work partly by increasing the activity of GABA" in valerian
    assert "up to 1 in 3 adults report trouble sleeping" in valerian
    assert "affiliate" not in valerian.lower() and "top pick" not in valerian.lower() and "honest reviews" not in valerian
    # "is NOT a replacement for A, or for B": no "does not replace A, or for B"; a flyer's footer keeps its last word.
    carers = text["support_group_carers_psychosis"]
    assert "or for family intervention" in carers and "does not replace a carer's assessment" not in carers
    assert "please check before travelling" in carers and "Updated: January 2024" not in carers
    assert plain["support_group_carers_psychosis"].handout.meta.title.startswith('"NOT ON YOUR OWN"')
    assert not any(h.startswith(("Run jointly", "Urgent mental health")) for h in headings["support_group_carers_psychosis"])
    # A triage table's "[ ]->E" says what a YES leads to; an -ing word in a list of signs is a sign; a box's named edge.
    bite = text["triage_adult_animal_bite_phone"]
    assert "direct pressure? [ ] Yes [ ] No (if yes: E)" in bite and "1.2 Is there a bite" in bite
    assert "This increases pain" not in bite and "increasing pain, or a temperature of 38 C" in bite
    assert "BOX A: tetanus" in bite.replace("TETANUS", "tetanus") and "+---" not in bite
    # A web page's search box, share buttons and advert; "> Fasciectomy" over its text is its heading.
    assert plain["web_page_dupuytrens_contracture"].handout.meta.title == "DUPUYTREN'S CONTRACTURE"
    assert "Fasciectomy" in headings["web_page_dupuytrens_contracture"]
    assert "Advertisement" not in text["web_page_dupuytrens_contracture"]
    assert "Leaflet number" not in text["web_page_dupuytrens_contracture"]


def test_the_thirty_fifth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # A table's row whose label is a word like "pH" is its own row; a cell spanning the columns left holds for each; a
    # note under the table's bottom edge is no part of its last row.
    legionella = items["factsheet_legionella_hot_tubs"]
    assert "pH: chlorine systems 7.0 to 7.6; bromine systems 7.0 to 8.0" in legionella
    assert "Water temperature: no higher than 40°C" in legionella
    assert "mg/L is the same as parts per million (ppm)." in text["factsheet_legionella_hot_tubs"]
    # "if A, or if B, until C": C holds for both, so no list that gives it to B alone; "..., but in some cases up to
    # about 19 days, so ...": the "but" part has no verb of its own, no sentence.
    assert "or if the water is cloudy, until the level has been corrected" in text["factsheet_legionella_hot_tubs"]
    assert "But in some cases up to about 19 days" not in text["factsheet_legionella_hot_tubs"]
    # A form: "=== PART A ... ===" is a heading; dotted rows keep their wrapped labels and values; "DISCUSSED  N/A"
    # name the boxes; a statement after a row with its boxes is the next statement; a note in brackets carries one on.
    gastro = items["consent_gastroscopy_with_sedation"]
    assert "Part A: to be completed by the health professional" in headings["consent_gastroscopy_with_sedation"]
    assert any(i.startswith("Perforation (a tear in the lining of the gullet, stomach or duodenum): about 1 in 10,000 for a "
                            "diagnostic test; up to 1 in 100 if a narrowing is stretched") for i in gastro)
    assert any("about 1 in 200 to 1 in 1,000, higher if you have heart or lung disease" in i for i in gastro)
    assert any(i.startswith("d) no test") and i.endswith("[ ] Discussed [ ] N/A") for i in gastro)
    assert "I have arranged for a responsible adult to collect me and stay 24 hours: [ ] Yes [ ] No" in gastro
    assert any(i.startswith("I agree to tissue samples") and "(this will not affect my care if I say no): [ ] Yes" in i
               for i in gastro)
    # Mastheads of parts ("Health Protection Team | ... | Sheet IPC-07 | Reviewed October 2024", "Ref: URO-PIL-112 |
    # Version 4 (reviewed March 2024)"), a page's links beside its last sentence, a charity's number.
    assert "IPC-07" not in text["factsheet_norovirus_care_homes"]
    assert "URO-PIL-112" not in text["qa_psa_raised_result"] and "Back to top" not in text["qa_psa_raised_result"]
    assert "Charity Reg" not in text["support_group_men_after_prostate_cancer"]
    # A quote over two lines is one; an email line is no heading; "Run by ... Urology Cancer" / "Nurse Specialist
    # (CNS) team" is one line.
    prostate = text["support_group_men_after_prostate_cancer"]
    assert "the first time. Now I'm the one putting the kettle on." in prostate
    assert not any("@" in h for h in headings["support_group_men_after_prostate_cancer"])
    assert "Urology Cancer Nurse Specialist (CNS) team" in prostate
    # A side effects row as wide as its column is a row; a box's heading heads the box, not the warnings after it;
    # "FLX-20-UK" is a code.
    fluox = items["leaflet_fluoxetine_capsules"]
    assert any(i.startswith("Uncommon (up to 1 in 100):") for i in fluox)
    assert not any(h.startswith("Uncommon") or h.lower().startswith("thoughts of suicide")
                   for h in headings["leaflet_fluoxetine_capsules"])
    assert "FLX-20-UK" not in text["leaflet_fluoxetine_capsules"]
    # A triage step's sentence after a typist's two spaces is the same step; the columns' ruler is no text; a
    # profession a rule names ("registered clinicians") keeps its word.
    burn = text["triage_child_burn_phone"]
    assert "Cooling is still of benefit up to 3 hours after the injury" in burn
    assert "-----" not in burn and "registered clinicians" in burn
    assert "ED/DC" not in plain["discharge_adult_migraine_ed"].handout.meta.title
    assert "TP-PAED" not in plain["triage_child_burn_phone"].handout.meta.title
    # Key points that lean: "the time shown above", "beforehand", "Here is where ...", "Continue for 7 days", "no
    # agreed dose"; a sales intro ("Enter tart cherry juice, the ...!"); an unnamed reviewer is no heading.
    assert not any(re.search(r"shown above|beforehand|^Here\b|^Continue for|agreed dose|^Enter ", p)
                   for name in ("discharge_adult_migraine_ed", "qa_psa_raised_result", "seo_tart_cherry_gout",
                                "discharge_after_wisdom_tooth_removal") for p in points[name])
    assert not any(h.startswith("Medically reviewed") for h in headings["seo_tart_cherry_gout"])
    # A "supervised withdrawal" of painkillers is no drug withdrawal: no gloss.
    assert not any(t.word == "withdrawal" for t in plain["discharge_adult_migraine_ed"].handout.words_to_know)


def test_the_thirty_sixth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # "NORMAL - no action needed | NOT NORMAL - contact us": two lists side by side, each under its own name (read
    # across, every normal thing had been said to need a call).
    tongue = items["discharge_baby_tongue_tie_division"]
    assert "White/yellow patch under tongue" in tongue and "Dribbling more than usual" in tongue
    assert not any(i.startswith("White/yellow patch") and "not normal" in i for i in tongue)
    # A form's questions keep their numbers where the text refers to them ("if you answered YES to question 16 or
    # 17"); a question wrapped before its boxes is one; a box drawn with "##" on its left is read without them.
    mri = items["consent_mri_with_gadolinium"]
    assert any(i.startswith("16. Kidney disease") for i in mri) and any(i.startswith("8. Have you EVER had metal") for i in mri)
    assert "7. Joint replacement, plates, screws or wires: [ ] Yes [ ] No" in mri
    assert "Small amounts of gadolinium may remain in the brain and bones for years" in text["consent_mri_with_gadolinium"]
    assert "##" not in text["consent_mri_with_gadolinium"]
    # A 'which' that is its clause's object ("which every young carer is entitled to ask ... for") makes no "This".
    assert "This every young carer" not in text["support_group_young_carers_families"]
    assert "Flyer ref" not in text["support_group_young_carers_families"]
    # Terms a law or a bracket names stay: "duty to manage", "(insomnia)"; "(see question 7)" is kept; "clinician" is
    # said as written.
    assert "duty to manage" in text["factsheet_asbestos_workplace"]
    assert "trouble sleeping (trouble sleeping)" not in " ".join(items["leaflet_mirabegron_tablets"]) + text["leaflet_mirabegron_tablets"]
    assert "(see question 7)" in " ".join(items["triage_adult_rash_with_fever_phone"]) + text["triage_adult_rash_with_fever_phone"]
    # Titles under a department's running header, and past a cookie banner's buttons; "END" is no text.
    assert plain["factsheet_asbestos_workplace"].handout.meta.title.startswith("ASBESTOS AWARENESS FOR MAINTENANCE STAFF")
    assert plain["web_page_de_quervains_tenosynovitis"].handout.meta.title == "De Quervain's tenosynovitis"
    assert "PIF 2291" not in text["web_page_de_quervains_tenosynovitis"]
    assert not text["factsheet_asbestos_workplace"].rstrip().endswith("END")
    # "!!  -> a temperature ..." under a boxed lead-in ("... IF:  #" over "####"): each marked line an item, its own
    # arrow the item's mark; "> pain is ..." at the margin under "Contact your GP ... if:" are items; an item's next
    # sentence set in under its text stays in it (the list does not restart at "1. Surgery").
    chole = items["discharge_after_cholecystectomy_day_case"]
    assert any(i.startswith("a temperature of 38 C or higher") or i.startswith("A temperature of 38 C or higher") for i in chole)
    assert not any("! -" in i or "!!" in i for i in chole)
    deq = [i for kind, _, its in _blocks(plain["web_page_de_quervains_tenosynovitis"]) if kind == "numbered" for i in its]
    assert any(i.startswith("Surgery") for i in deq) and any("A second injection may be offered" in i for i in deq)
    assert "you have numbness or tingling in the thumb or fingers" in items["web_page_de_quervains_tenosynovitis"]


def test_the_thirty_seventh_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # A citation's number after a stop, then a typist's two spaces ("promptly.2  Warning signs ..."), is no column:
    # the sentences stay whole and in order, the malaria test with its condition.
    dengue = text["factsheet_dengue_travellers"] + " ".join(items["factsheet_dengue_travellers"])
    assert "can be fatal if not treated promptly. Warning signs usually appear around the time the fever goes down" in dengue
    assert "If you develop a fever in or after visiting a country where malaria also happens, you need an urgent malaria test" in dengue
    assert "UKHSA Green Book" not in dengue
    # A Markdown item's list set in under it, then more of its text: the list said in it, in order (the list had hung
    # under the item's last sentence, and the lead-in had run on into that sentence); "medicine:3" loses its number.
    ringworm = items["factsheet_ringworm_tinea"]
    body = next(i for i in ringworm if i.startswith("Body, groin and feet"))
    assert body.index("terbinafine 1%") < body.index("Keep using the treatment") < body.index("See a GP")
    scalp = next(i for i in ringworm if i.startswith("Scalp - creams"))
    assert "liquid medicine: terbinafine for about 4 weeks" in scalp and ":3" not in scalp
    # "!!" lines under a lead-in are an item each; the side effects by frequency after them are a list of their own,
    # each label said with a colon.
    tranex = items["leaflet_tranexamic_acid_heavy_periods"]
    assert "Changes in your eyesight, including changes in colour vision" in tranex
    assert any(i.startswith("Common (may affect up to 1 in 10 people): nausea") for i in tranex)
    # A tier's letter stays ("A: emergency", which "Disposition A" names); dotted rows set in under a step are its
    # list, the steps after them go on; names parted by stars are items; the record's fields beside a title go.
    triage = plain["triage_adult_high_blood_sugar_phone"]
    sugar = items["triage_adult_high_blood_sugar_phone"]
    assert any(i.startswith("A: emergency; Dial 999") for i in sugar)
    assert "Sulfonylureas" in sugar and "SGLT2 inhibitors" in sugar
    assert not any("Sulfonylureas" in h for h in headings["triage_adult_high_blood_sugar_phone"])
    ketones = next(b for b in _blocks(triage) if any(i.startswith("Ketones < 0.6") for i in b[2]))
    assert ketones[1] == 1
    assert triage.handout.meta.title == "Adult (16+ yrs) with Known Diabetes - HIGH BLOOD GLUCOSE"
    assert "Uncontrolled when printed" not in text["triage_adult_high_blood_sugar_phone"]
    # A consent form's dotted fields are blanks; its statements keep their own stop before the boxes, and are never
    # merged away as repeats; a table's "o" bullets are no words.
    consent = items["consent_flexible_sigmoidoscopy"]
    assert "I agree that tissue samples may be used for teaching and research. [ ] Yes [ ] No" in consent
    assert "Signed: ________; Name (PRINT): ________" in consent
    assert not any("First names: ." in i or i.startswith("O ") or ".:" in i for i in consent)
    # A page's title is the heading its breadcrumb names last; a heading after a sentence's citation number is one;
    # "Antibiotics, such as A or B, may be given if ..." keeps the examples with the ones it speaks of.
    assert plain["web_page_pilonidal_sinus"].handout.meta.title == "Pilonidal sinus"
    assert "Who gets it?" in headings["web_page_pilonidal_sinus"]
    pilonidal = text["web_page_pilonidal_sinus"] + " ".join(items["web_page_pilonidal_sinus"])
    assert "These antibiotics include flucloxacillin and co-amoxiclav" in pilonidal and "St Aldric" not in pilonidal
    # "to require that ..." keeps its verb; a phone line and an email line stay apart.
    hoard = text["support_group_hoarding_families"] + " ".join(items["support_group_hoarding_families"])
    assert "to require that a property is cleaned" in hoard
    assert "Tel: 01632 960 418 (Mon-Fri, 9 am - 4 pm; answerphone otherwise)" in items["support_group_hoarding_families"]
    # An affiliate line of its own, a date line with stars, "== 5. Safety ==" headings.
    spirulina = text["seo_spirulina_detox"] + " ".join(items["seo_spirulina_detox"])
    assert "5. Safety: Who Should Be Careful" in headings["seo_spirulina_detox"]
    assert "amazon" not in spirulina.lower() and "min read" not in spirulina
    # A ">>" label over its text set in under it is a heading; "Continued on reverse" goes; Key points that lean
    # ("If affected", "use the LOWER row", "items (a) to (d)") are none.
    assert "OLDER ADULTS (65 years and over)" in headings["leaflet_prochlorperazine_buccal"]
    assert "Continued on reverse" not in text["leaflet_prochlorperazine_buccal"]
    for name in ("leaflet_prochlorperazine_buccal", "discharge_child_fingertip_crush_injury", "discharge_after_ercp_stent"):
        assert not any(p.startswith("If affected") or "LOWER row" in p or "items (a)" in p for p in points[name]), name
    # A boxed "!!" side (a bare "!!" line, a "!! ----" rule) is a box: its heading heads its section.
    assert "3. Warning signs - get help straight away" in headings["discharge_after_ercp_stent"]
    ercp = items["discharge_after_ercp_stent"]
    assert any(i.startswith("Apixaban / rivaroxaban / edoxaban / dabigatran: restart [ ] after 48 hours") for i in ercp)
    assert any(i.startswith("Low-molecular-weight heparin (for example, enoxaparin): restart") for i in ercp)
    # A note marked "*" on one cell is a condition on that cell; a line of blanks is no part of the text under it.
    finger = items["discharge_child_fingertip_crush_injury"]
    assert any(i.startswith("Day 10 to 14: Hand / Fracture Clinic (only if your child had a broken bone") for i in finger)
    assert any(i.startswith("Name: ____") and "Antibiotics" not in i for i in finger)
    # Dot leaders in Markdown join a label to its value.
    assert "Contact: Coeliac Nurse Advice Line, Mon-Fri 09:00 to 16:00: 0161 555 0472" in items["qa_coeliac_blood_test_results"]


def test_the_thirty_eighth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings
    # A "(see Q6, because ...)" says why: kept. "A value of 7.0 or more may suggest ..., and you will be seen more
    # urgently" keeps its consequence with its value; a clinic's number beside the references stays.
    gdm = text["qa_gestational_diabetes_glucose_test"] + " ".join(items["qa_gestational_diabetes_glucose_test"])
    assert "(see Q6, because the timing is different)" in gdm
    assert "may suggest diabetes that was present before pregnancy, and you will be seen more urgently" in gdm
    assert "Antenatal Clinic: 0161 555 0192" in gdm
    # A disclaimer after the references is the page's own (its "Always speak to your doctor" stays); a line with two
    # numbers to ring is no heading (as one it was dropped).
    assert "Always speak to your doctor before starting any new supplement" in text["seo_glutathione_supplements"] + " ".join(
        items["seo_glutathione_supplements"])
    nasal = text["discharge_after_nasal_polyp_surgery"] + " ".join(items["discharge_after_nasal_polyp_surgery"])
    assert "0161 555 0142" in nasal and "0161 555 0178" in nasal
    # A "which" after a time ("for up to 20 minutes, which can be uncomfortable") and in a question is not split.
    ganglion = text["consent_ganglion_cyst_excision"] + " ".join(items["consent_ganglion_cyst_excision"])
    assert "These minutes" not in ganglion and "in every 100 patients" in ganglion
    assert "SERIOUS OR FREQUENTLY OCCURRING RISKS" in headings["consent_ganglion_cyst_excision"] \
        or "Serious or often occurring risks" in headings["consent_ganglion_cyst_excision"]
    assert not any("Discussed" in h or "Please tick" in h for h in headings["consent_ganglion_cyst_excision"])
    vision = items["triage_adult_sudden_vision_loss_phone"]
    assert any("like a blind coming down, which has now FULLY recovered" in i for i in vision)
    # "YES | NO" columns and "[ ] | [ ]" boxes; a question wrapped over lines is one; the tier's heading heads its
    # questions; "Owner: ..." is the record's.
    assert any(h.startswith("TIER 1b") for h in headings["triage_adult_sudden_vision_loss_phone"])
    assert any(i.startswith("1.2 Did the vision loss start with a sudden, severe") and i.endswith("[ ] Yes [ ] No") for i in vision)
    assert not any("| [ ]" in i or "[ ] |" in i for i in vision)
    assert not any(h.startswith("Owner") for h in headings["triage_adult_sudden_vision_loss_phone"])
    # A superscript note before a typist's two spaces is no column; a table's name goes on in small letters ("liquid").
    scabies = items["factsheet_scabies_schools"]
    assert any("or that the child is still infectious. A soothing cream such as crotamiton, or an antihistamine at night" in i
               for i in scabies)
    assert any(i.startswith("Malathion 0.5% aqueous liquid: apply to the whole body") and "allergic to permethrin" in i
               for i in scabies)
    # "...continued from page 1", "/continued overleaf..."; "x It is not ..." crosses; a page titled by its breadcrumb
    # though its heading says more ("Hidradenitis suppurativa (HS)"); a topic list is no Key point.
    assert "continued" not in text["discharge_child_wrist_fracture_backslab"].lower()
    assert "continued" not in text["leaflet_doxazosin_tablets"].lower()
    assert "It is not a medical clinic. Facilitators cannot prescribe, change your doses or give individual medical advice." \
        in items["support_group_sickle_cell_adults"]
    assert not any(p.startswith("Work, study") for p in points["support_group_sickle_cell_adults"])
    assert plain["web_page_hidradenitis_suppurativa"].handout.meta.title == "Hidradenitis suppurativa (HS)"


def test_the_thirty_ninth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings

    said = views.said
    # "some commonly used antibiotics, such as amoxicillin ..., do not work": the examples are of the ones that fail.
    mycoplasma = said("factsheet_mycoplasma_pneumonia_children")
    assert "Antibiotics include amoxicillin" not in mycoplasma
    assert "do not work against it. These antibiotics include amoxicillin and other penicillins." in mycoplasma
    # A "this" that meant what came before a semicolon stays with it; a break inside brackets, or in a question, is
    # no break.
    assert "with other members; most ADHD stimulants are controlled drugs and this is illegal." in said(
        "support_group_adults_with_adhd")
    assert "(maximum 4 g in 24 hours; lower doses may be advised if you weigh less than 50 kg)" in said(
        "discharge_adult_ankle_fracture_boot")
    assert any(i.startswith("2.2 Has the limp followed an injury, but the child can bear some weight?")
               for i in items["triage_child_limp_phone"])
    # A version and its month beside the title, on a flyer's foot or after a contact are the record's.
    assert plain["triage_child_limp_phone"].handout.meta.title == \
        "PAEDIATRIC TELEPHONE TRIAGE PROTOCOL: LIMP OR REFUSAL TO WALK (age 0-16 years)"
    assert "Flyer v3" not in said("support_group_adults_with_adhd")
    typhoid = said("factsheet_typhoid_travellers")
    assert "Version 3.1" not in typhoid and "Contact: Travel Clinic 01632 960 925" in typhoid
    assert "[+]" not in typhoid and "[-]" not in typhoid and "Eat food that is freshly cooked and piping hot." in typhoid
    # A consent form: its code; a table's header over a ruler of two runs; a cell wrapped over three lines; a row whose
    # label reaches its column; one column of boxes named "YES" beside its lead-in; tick-box choices under a field.
    grommets, heads = items["consent_child_ear_grommets"], headings["consent_child_ear_grommets"]
    assert "Section C - serious or often occurring risks" in heads and any(h.startswith("Section F") for h in heads)
    assert not any(h.startswith(("Form ENT", "Risk", "Please tick", "Grommet falling")) for h in heads)
    assert [i for i in grommets if i.startswith("Hole in the eardrum")] == [
        'Hole in the eardrum that does not heal after the grommet comes out (persistent tympanic perforation), which may '
        'need a further operation to repair: about 1 in 50 with standard grommets; up to 1 in 6 with long-term "T-tubes"']
    assert "Grommet falling inwards into the middle ear: less than 1 in 100" in grommets
    assert any(i.startswith("PROPOSED PROCEDURE:") and "[ ] left [ ] both ears, under general anaesthetic" in i for i in grommets)
    assert "Responsible consultant: ________" in " ".join(grommets)
    # A form's tick-box field is no title; the blanks an item leads into stay in its list; a ticked choice's
    # sentences are no Key points.
    nose = plain["discharge_adult_nosebleed_nasal_packing"]
    assert nose.handout.meta.title == "NOSEBLEED (EPISTAXIS) TREATED WITH NASAL PACKING"
    assert not any(p.startswith(("Finish the course", "Do not use Naseptin")) for p in points["discharge_adult_nosebleed_nasal_packing"])
    blocks = _blocks(nose)
    k = next(k for k, (_, _, its) in enumerate(blocks) if its[:1] == ["a) Your pack removal appointment is:"])
    assert blocks[k + 1][1:] == (1, ["Date: ___/___/____ Time: ____:____ Place: [ ] ED Review Clinic [ ] ENT Ward 4B"])
    assert blocks[k + 2][:2] == ("bullets", 0) and blocks[k + 2][2][0].startswith("b) Do not remove the pack yourself")
    # The maker's address and the leaflet's code at its foot; a page's share bar, its own contents, a download link,
    # related links and the leaflet's reference; a Key point that says to tell someone, not what.
    assert not any("Generica" in h for h in headings["leaflet_baclofen_tablets"])
    assert "BAC-10-PIL-UK" not in said("leaflet_baclofen_tablets")
    osgood = said("web_page_osgood_schlatter")
    for furniture in ("Share", "Download this page", "You might also", "PIL-ORTH-118", "What is it? - Symptoms", "Sports medicine clinic"):
        assert furniture not in osgood, furniture
    assert not any(p.startswith("Let your child's coach") for p in points["web_page_osgood_schlatter"])
    # One value down a table's first column names no row: said with its column's name; two numbers to ring are two lines.
    thal = items["qa_thalassaemia_trait_results"]
    assert "Your result: carrier; partner's result carrier; chance of a baby with a serious thalassaemia 1 in 4 (25%) in each " \
           "pregnancy; next step referral to a genetic counsellor; prenatal diagnosis offered" in thal
    paragraphs = [t for _, _, its in _blocks(plain["qa_thalassaemia_trait_results"]) for t in its]
    assert any(t.startswith("Antenatal Screening Coordinators: 020 7946 0182") for t in paragraphs)
    assert "Haematology Nurse Line: 020 7946 0457" in paragraphs


def test_the_fortieth_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings

    said = views.said
    # A "which" after "one of the tendons", or one that gives a time ("which is usually 1 to 2 weeks after surgery"),
    # is not split off with "These tendons"/"This emergency stop"; a reason is no home for advice after it; a phrase
    # before a dash is no sentence; "The patient must not drive themselves" is "You must not drive yourself".
    assert "These tendons" not in said("discharge_adult_shoulder_dislocation_sling")
    assert "This emergency stop" not in said("consent_carpal_tunnel_release")
    thistle = said("seo_milk_thistle_liver")
    assert "This is because there is not enough safety information, and people" not in thistle
    assert "For good reason -" not in thistle
    assert 'a "1,000 mg milk thistle" capsule' in thistle  # an opening quote's number is no citation
    assert "You must not drive yourself" in said("triage_adult_head_injury_phone")
    # Tables: "| Q | Question | YES | NO |" with wrapped rows; a dose table whose two columns are two medicines' lists;
    # "Gynaecological | Other conditions" and "IT IS ... | IT IS NOT ..." as two lists; a dotted table's rows wrapped in
    # both columns; a "Why" column said with "because"; leader rows in a fenced block, one a line.
    triage = items["triage_adult_head_injury_phone"]
    # (since round 46 the question's label is said as a number's, "A3.", as "1." was)
    assert "A3. Any new weakness, numbness, trouble speaking or understanding, or double vision since the injury? [ ] Yes [ ] No" \
        in triage and not any("|" in i for i in triage)
    assert plain["triage_adult_head_injury_phone"].handout.meta.title == "ADULT HEAD INJURY (AGE 16 AND OVER)"
    child = items["discharge_child_minor_head_injury"]
    assert "Paracetamol up to 4 doses in 24 hours, at least 4 hours apart:" in child
    assert "Ibuprofen (100 mg/5 ml) up to 3 doses in 24 hours, 6 to 8 hours apart, with food:" in child
    assert "2 to 4 years (120 mg/5 ml): 7.5 ml" in child and "10 to 11 years: 15 ml" in child
    ca125 = items["qa_ca125_blood_test"]
    assert ca125[ca125.index("Gynaecological:") + 1] == "Endometriosis" and "Other conditions:" in ca125
    carers = items["support_group_carers_of_people_with_dementia_evening"]
    assert carers[carers.index("It is not:") + 1:carers.index("It is not:") + 3] == ["A medical or nursing clinic",
                                                                                    "Counselling or therapy"]
    assert "A confidential space to talk and listen to others who \"get it\"" in carers
    assert "Tel: 01632 960 733 (answerphone -- we aim to ring back within 2 working days)" in carers
    assert "If you are worried about your own safety or someone else's tonight, call 999." in said(
        "support_group_carers_of_people_with_dementia_evening")
    assert "please display" not in said("support_group_carers_of_people_with_dementia_evening")
    carpal = items["consent_carpal_tunnel_release"]
    assert 'Scar tenderness / pain at the base of the palm ("pillar pain"): approximate frequency up to 1 in 4 at 3 months; ' \
           "usually settles within 6 to 12 months" in carpal
    assert "Injury to the median nerve or its branches: approximate frequency fewer than 1 in 200; permanent damage is rarer" in carpal
    parts = [t for _, _, its in _blocks(plain["consent_carpal_tunnel_release"]) for t in its]
    assert "d) ANAESTHESIA" in parts and "f) after the operation (please read the separate aftercare leaflet HS-AC12)" in parts
    assert not any("Page 2" in h or "HS-CF1" in h for h in headings["consent_carpal_tunnel_release"])
    whooping = items["factsheet_whooping_cough_babies"]
    assert any(i.endswith("; because antibody levels fall over time") for i in whooping)
    assert "Pregnancy vaccine: from 16 weeks; ideally 20 to 32 weeks; every pregnancy" in whooping
    # A list inside an item ("swelling of the face, lips, tongue or throat") is no list of signs; "Stay away for 48
    # hours" and "ask your pharmacist" say from what and what only in their context: no Key points.
    assert not any(i in ("lips", "tongue or throat") for i in items["leaflet_cefalexin_capsules"])
    assert "Date of revision" not in said("leaflet_cefalexin_capsules")
    assert not any(p.startswith("Stay away") for p in points["factsheet_whooping_cough_babies"])
    assert not any(p.startswith("For children under 6 months") for p in points["discharge_child_minor_head_injury"])
    # Page furniture: a code before the last words, a page mark after a sentence's stop; a cookie banner's
    # "Manage cookie settings" is no title; "In this section" links and a video's link.
    assert said("factsheet_legionella_care_homes").rstrip().endswith("This fact sheet does not replace a site-specific risk assessment.")
    heel = plain["web_page_heel_pain_in_children_severs"]
    assert heel.handout.meta.title == "Sever's disease (heel pain in children)"
    assert "Watch:" not in said("web_page_heel_pain_in_children_severs")
    assert "In this section" not in said("web_page_heel_pain_in_children_severs")


def test_the_forty_first_round_s_classes(plain, views):
    text, items, points, headings = views.text, views.items, views.points, views.headings

    said = views.said
    # "OH" (Occupational Health) and "(MDS)" keep their letters; a section's number before a leading "If" still
    # keeps the semicolon's second half with it; "(polyethylene glycol 3350)" is no name for "includes"; the last of
    # two things with an aside between them ("and, in men, a reduced amount of semen, which is harmless") keeps its
    # "which"; "fewer than 1 in 100.3" is 1 in 100 and note 3.
    measles = said("factsheet_measles_healthcare_workers")
    assert "contact OH right away" in measles and " oh " not in measles
    assert "6.2 If you are pregnant and have no evidence of immunity, tell OH as early as possible so that a risk assessment " \
           "can be done; you should not care for patients with suspected or confirmed measles." in measles
    assert "4.3!!" not in measles
    assert "(MDS)" in said("qa_bone_marrow_biopsy_results") and "(MDs)" not in said("qa_bone_marrow_biopsy_results")
    assert "(polyethylene glycol 3350) includes" not in said("web_page_toddler_constipation")
    assert "a reduced amount of semen at ejaculation, which is harmless and stops when you finish the course" in said(
        "discharge_adult_renal_colic_no_stone_seen")
    dental = said("consent_dental_implant_placement")
    assert "1 in 100.3" not in dental and "fewer than 1 in 100." in dental
    # A box drawn with "#" and named on its top edge; headings between "---"; page marks "[2/2]" and "Page 1 of 2 /
    # cont."; a form's copies; links with their arrow after them.
    assert "SMOKING: Smokers have about TWICE the risk of implant failure." in items["consent_dental_implant_placement"]
    assert "#" not in dental and "cont." not in dental
    assert not any("#" in h for h in headings["consent_dental_implant_placement"])
    assert "What is Ashwagandha?" in headings["seo_ashwagandha_thyroid_sleep"]
    assert "---" not in said("seo_ashwagandha_thyroid_sleep")
    assert "[2/2]" not in said("leaflet_hyoscine_patch_travel_sickness")
    assert "Patient copy" not in said("discharge_adult_cellulitis_oral_antibiotics")
    assert not any(h.endswith(">") for h in headings["web_page_toddler_constipation"])


def test_the_forty_second_round_s_classes(plain, views):
    items, points, headings, said = views.items, views.points, views.headings, views.said
    # A pointer to another leaflet stays; "unless you are told otherwise" after a semicolon keeps every instruction
    # it overrules with it; "(chronic tension-type headache)" is the name the doctor uses, kept.
    tonsils = said("consent_child_tonsillectomy")
    assert 'see the separate leaflet "Your child\'s general anaesthetic"' in tonsils
    assert "for 6 hours before the anaesthetic; clear fluids" in tonsils
    assert "(chronic tension-type headache)" in said("web_page_tension_headache")
    # Key points: no "Out of hours, call NHS 111" (for what?), no step of "How should I collect the sample?", no
    # "Equally, ...".
    assert not any(p.startswith("Out of hours") for p in points["factsheet_latent_tb_treatment"])
    assert not any("lubricants" in p or p.startswith("Equally") for p in points["qa_semen_analysis_results"])
    # Reading: "** CALL 999 IF **"; a guideline by its version is a source; the follow-up steps stay one list; the
    # contacts after the clinician's checklist are no items of it.
    pe = said("discharge_adult_pulmonary_embolism_anticoagulant")
    assert "**" not in pe and "Guideline v5.2" not in pe
    assert "Contacts" in headings["discharge_adult_pulmonary_embolism_anticoagulant"]
    assert not any("Anticoagulation nurses" in i and "Yes" in i for i in items["discharge_adult_pulmonary_embolism_anticoagulant"])
    assert any(i.startswith("Ambulatory PE clinic") for i in items["discharge_adult_pulmonary_embolism_anticoagulant"])
    # A capital lead-in right under its box's text stays its lead-in; the organisation's team is letterhead, no title;
    # a fact sheet's top line of series and dates; two strengths of one medicine are one title.
    assert not any("A&E" in h for h in headings["discharge_child_infected_eczema"])
    assert plain["factsheet_latent_tb_treatment"].handout.meta.title.startswith("LATENT TUBERCULOSIS")
    assert "Travel Health Series" not in said("factsheet_malaria_prevention_travellers")
    assert plain["leaflet_clindamycin_capsules"].handout.meta.title.startswith("Clindamycin 150 mg and 300 mg Hard Capsules")
    assert plain["leaflet_cefalexin_capsules"].handout.meta.title.startswith("Cefalexin 250 mg and 500 mg Capsules")
    clinda = said("leaflet_clindamycin_capsules")
    assert "[>]" not in clinda and "DIARRHOEA Clindamycin" not in clinda
    assert not any("300 mg" in h for h in headings["leaflet_clindamycin_capsules"])
    # Table headers: a column of plain "Side effects" says no word in each row; "If the report says... | It means..."
    # is a sentence each row finishes; "CAN | CANNOT" ticks say which.
    assert "side effects feeling sick" not in said("leaflet_sodium_valproate").lower()
    semen = said("qa_semen_analysis_results")
    assert "If the report says Oligozoospermia, it means total sperm number" in semen
    assert "^" not in semen and "Document ref" not in semen and "WHO laboratory manual, 5th" not in semen
    feeding = items["support_group_breastfeeding_peer"]
    assert "Can: Help you try different feeding positions" in feeding
    assert "Cannot: Diagnose tongue-tie, thrush or mastitis" in feeding
    assert "Please recycle" not in said("support_group_breastfeeding_peer")
    assert not any("Friendly" in h for h in headings["support_group_breastfeeding_peer"])
    # A contents list under "In this guide we'll cover:"; share buttons; a feedback box, "Footer"; "Do"/"Don't" lead
    # in their lists; a record's blanks; "==>" marks an item, its wrapped line no sentence of its own.
    assert not any(i == "What fenugreek is" for i in items["seo_fenugreek_breast_milk_supply"])
    assert "Pin it" not in said("seo_fenugreek_breast_milk_supply")
    headache = said("web_page_tension_headache")
    assert "Tell us how we can improve" not in headache and "Footer" not in headings["web_page_tension_headache"]
    assert "Don't" not in headings["web_page_tension_headache"]
    dental = said("triage_adult_dental_swelling_phone")
    assert "Disposition reached" not in dental and "nearest. Emergency" not in dental
    # Earlier rounds' gaps: numbered sections after "1."; a dotted row with no room for dots; a Markdown line in
    # italics at both ends; a column of arrows; a dotted value wrapped under its column.
    assert "What you need to know before you take Ondansetron" in headings["leaflet_ondansetron_orodispersible"]
    assert "Liver problems (moderate/severe): no more than 8 mg in 24 hours" in items["leaflet_ondansetron_orodispersible"]
    assert "Shiga toxin-producing E. coli (STEC), a bacterium" in said("factsheet_ecoli_petting_farms")
    parkinsons = items["support_group_young_onset_parkinsons"]
    assert not any("->" in i for i in parkinsons)
    assert any(i.startswith("In person: 2nd Tuesday of each month") and "Community Room" in i for i in parkinsons)


def test_the_forty_third_round_s_classes(plain, views):
    items, points, headings, said = views.items, views.points, views.headings, views.said
    # "These may be signs that the infection has spread behind the eye." says what the list above means: never merged.
    assert "These may be signs that the infection has spread behind the eye." in said("discharge_child_periorbital_cellulitis")
    # Key points: no "both" without its two things, no "therefore" without its reason, no numbered point that holds
    # under the condition of the point before, no section number.
    assert not any(re.search(r"\bboth\b", p) for p in points["discharge_child_periorbital_cellulitis"])
    assert not any("therefore" in p for p in points["leaflet_hydroxyzine_tablets"])
    chickenpox = points["factsheet_chickenpox_pregnancy_exposure"]
    assert not any("will be arranged" in p or re.match(r"\d\.\d", p) for p in chickenpox)
    assert not any(re.match(r"\d\.\d", p) for p in points["factsheet_measles_healthcare_workers"])
    # Reading: a logo's place and a label over its blank; a question's two columns of choices; two contact lines; a
    # table's header of seven words; "[!]" items; "WITHIN 10 DAYS" going on; contents lines; a site's search box, menu
    # and cookie buttons in brackets; a feedback box's lines; "(!!)" after a heading; a genus's initial; a column of
    # list marks; a furniture line of fields; "STEP 1 ... Take"; a documentation part's fields.
    consent = said("consent_adult_circumcision_local")
    assert "logo" not in consent and "Patient label" not in consent
    eye = views.text["discharge_child_periorbital_cellulitis"] + " ".join(items["discharge_child_periorbital_cellulitis"])
    assert "Can your child open the eye? Morning: [ ] Yes [ ] No; Evening: [ ] Yes [ ] No" in eye
    assert not any("Morning" in h or "01632" in h for h in headings["discharge_child_periorbital_cellulitis"])
    pox = said("factsheet_chickenpox_pregnancy_exposure")
    assert "Each line gives the stage of pregnancy when you get chickenpox" in pox
    assert "[!]" not in pox and "given: WITHIN" not in pox and "effective.3" not in pox
    assert not any("Before you take it" in i for i in items["leaflet_trimethoprim_tablets"])
    assert plain["web_page_ear_wax"].handout.meta.title == "Ear wax build-up"
    wax = said("web_page_ear_wax")
    assert "Accept all cookies" not in wax and "Send feedback" not in wax and "Treating ear wax at home 3." not in wax
    assert not any(h.startswith("Menu") for h in headings["web_page_ear_wax"])
    assert "IODINE: THE BIG ONE TO WATCH" in [h.upper() for h in headings["seo_sea_moss_gel_benefits"]]
    assert "species c. Crispus" not in said("seo_sea_moss_gel_benefits") and "species C. crispus" in said("seo_sea_moss_gel_benefits")
    assert not any(" o;" in i or ": -;" in i for i in items["support_group_fibromyalgia_pacing"])
    hypo = said("triage_adult_diabetic_low_blood_sugar_phone")
    assert "Approved 09/2023" not in hypo and ".. ." not in hypo and "Tier reached" not in hypo
    # Earlier rounds: a source list's wrapped lines; "[  ]"; section letters; questions set in under their numbers.
    assert "Cheah KL" not in said("seo_ashwagandha_thyroid_sleep")
    blood = said("triage_child_vomiting_blood_phone")
    assert "[;" not in blood and "B1 Has the child vomited about a teaspoon of blood" in blood
    assert any(h.startswith("SECTION A") for h in headings["triage_child_vomiting_blood_phone"])


def test_the_forty_fourth_round_s_classes(plain, views):
    items, points, headings, said = views.items, views.points, views.headings, views.said
    # "such as" after a name with its bracket, or inside one example ("spasms of the face, neck or eyes"), stays; a
    # "which" after half a hyphenated word; "So it ..." keeps the sentence it leans on.
    meto = said("leaflet_metoclopramide_tablets")
    assert "Effects (extrapyramidal disorders) include" not in meto and "face, neck and eyes" not in meto
    assert "Oesophageal reflux happens" not in said("discharge_baby_reflux_feeding")
    assert "Colostrum comes from cow's milk" in said("seo_colostrum_supplements_gut")
    # Key points: "Do not drive yourself to hospital" (when?), a list item under "A GP may:", "the whole course" of
    # no medicine named.
    assert not any(p.startswith("Do not drive yourself") for p in points["discharge_adult_chest_pain_non_cardiac"])
    assert not any(p.startswith("Refer you") for p in points["web_page_hives_urticaria"])
    assert not any("whole course" in p for p in points["factsheet_invasive_group_a_strep_household"])
    # Reading: a staff's tick column on a consent form's risks; dotted fields one space apart; a field filled in under
    # its label; a sentence starting "Unless"; one note alone; "Copy 1: Patient"; "1.1  On most days ..."; ">>>"; a
    # note in brackets after a dotted value; "[1] ..." sources; a bold line alone; "max."; "For use by" lines; a wrapped
    # "JUMP TO:" bar; a dotted table's lead-in; a ruled table's cell run into the next column.
    lesion = items["consent_adult_skin_lesion_excision_local"]
    assert any(i.startswith("INFECTION - occurs in about 1 to 5 in 100 procedures and may need a course of antibiotics") for i in lesion)
    assert any(i.startswith("RECURRENCE / INCOMPLETE REMOVAL - if the laboratory finds that the lesion") for i in lesion)
    assert "Patient surname" not in said("consent_adult_skin_lesion_excision_local")
    assert not any("EXCISION" in h for h in headings["consent_adult_skin_lesion_excision_local"])
    chest = said("discharge_adult_chest_pain_non_cardiac")
    assert "Unless your clinician has ticked the box for the Rapid Access Chest Pain Clinic" in chest
    assert "Copy 1" not in chest and not any(h.startswith("Unless") for h in headings["discharge_adult_chest_pain_non_cardiac"])
    air = said("factsheet_air_pollution_asthma_days")
    assert "1.1:" not in air and ">>>" not in air and "after: 10 puffs" not in air and "Chief Medical Officer" not in air
    assert "Contact numbers" in headings["factsheet_invasive_group_a_strep_household"]
    assert "max. Around" not in said("discharge_baby_reflux_feeding")
    assert not any("CAS hub" in s.text and "Not for use" in s.text for s in plain["triage_adult_testicular_pain_phone"].handout.sentences)
    colostrum = said("seo_colostrum_supplements_gut")
    assert "JUMP TO" not in colostrum and "Tap a product" not in colostrum
    assert any(i.startswith("Pasture Prime Organic: form powder") for i in items["seo_colostrum_supplements_gut"])
    loperamide = said("leaflet_loperamide_capsules")
    assert "Drug Safety Update" not in loperamide
    assert not any(h.startswith("Adults and children") for h in headings["leaflet_loperamide_capsules"])
    assert "Yellow Card Scheme (www.mhra.gov.uk/yellowcard)." in loperamide


def test_the_forty_fifth_round_s_classes(plain, views):
    items, points, headings, said = views.items, views.points, views.headings, views.said
    # A line that ends on a verb still wanting its object goes on into a name ("stop taking" / "Finasteride and
    # contact ..."); a warning in capitals wraps onto the next line's "FINASTERIDE TABLETS."; "Page 1 of 2
    # ...continued" and a later page's header with a licence number; a contents list by its section numbers.
    fin = said("leaflet_finasteride_tablets")
    assert "stop taking Finasteride and contact your doctor" in fin and "stop taking." not in fin
    assert "must not handle crushed or broken Finasteride tablets" in fin
    assert not any(h.startswith(("Women who are", "Page 1", "What is in this leaflet")) for h in headings["leaflet_finasteride_tablets"])
    assert "PL 17734" not in fin and any(h.startswith("3. How to take") for h in headings["leaflet_finasteride_tablets"])
    assert any(h.startswith("2. What you need to know") for h in headings["leaflet_finasteride_tablets"])
    # A dotted table under its columns' names; a unit closing its bracket ("(1 g)") is no list's "g)"; a box of
    # warning signs under "IF YOU SMOKE" is its own part; a contact set in under a contact line.
    ribs = plain["discharge_adult_rib_fractures"].handout
    assert not any(h.startswith(("Medicine", "NHS 111")) for h in headings["discharge_adult_rib_fractures"])
    assert any("2 tablets (1 g)" in i and "24 h)" in i for i in items["discharge_adult_rib_fractures"])
    smoke = next(s for s in ribs.sections if s.heading.startswith("If you smoke"))
    assert not any("temperature of 38" in t.text for t in smoke.sentences)
    # A form's "No. of sutures" field; a field's blank ends its line ("... (____ days)" / "Absorbable stitches ...").
    hand = said("discharge_adult_hand_laceration_stitches")
    assert not any(i.endswith("cm No.") for i in items["discharge_adult_hand_laceration_stitches"]) and not any(s.text.startswith("Your stitches should be removed") and "Absorbable" in s.text
                                            for s in plain["discharge_adult_hand_laceration_stitches"].handout.sentences)
    # A page's "On this page" menu numbered in columns, its feedback box and "More in ..." links; "Urgent advice: when
    # to get help quickly" heads its part; a lead-in ending "... and" over its items.
    sores = said("web_page_cold_sores")
    assert "Treating it yourself" not in sores and "More in Skin" not in sores and "HealthInfo Online" not in sores
    assert "Urgent advice: when to get help quickly" in headings["web_page_cold_sores"]
    assert not any(h.endswith(" and") for h in headings["web_page_cold_sores"])
    # A banner's details in capitals, "== ... =====" around a heading, a contact under its heading, a flyer's code.
    walk = said("support_group_type2_diabetes_walking")
    assert not any("FRIENDLY" in h or "===" in h or h.startswith("Walk co-ordinator") for h in headings["support_group_type2_diabetes_walking"])
    assert "CONTACT" in [h.upper() for h in headings["support_group_type2_diabetes_walking"]] and "ST-WALK-03" not in walk
    # The title under a protocol's code and revision; "TP-GYN-07 continued on page 2"; a staff's record on one line and
    # the call handler's fields.
    bleed = plain["triage_pregnancy_bleeding_phone"].handout
    assert "bleeding in early pregnancy" in bleed.meta.title.lower() and "TP-GYN" not in bleed.meta.title
    assert not any(x in said("triage_pregnancy_bleeding_phone") for x in ("continued on page", "Tier assigned", "Call handler"))
    # "AST, ALT": test names listed, no shouting; a dotted table's header over its first row; a note spelling out
    # "MASLD*" said in brackets after it.
    liver = said("qa_fatty_liver_ultrasound")
    assert "AST, ALT and platelet count" in liver and "Next step below" not in liver
    assert any(i.startswith("MASLD (metabolic dysfunction-associated steatotic liver disease)") for i in items["qa_fatty_liver_ultrasound"])
    # " x  if you are pregnant": a cross marks an item; "## ... ##" a box's sides; a table's key ("Sports drink = 500
    # ml bottle.") is no Key point.
    assert not any(i.startswith("X:") for i in items["leaflet_isotretinoin_capsules"])
    assert "##" not in said("factsheet_damp_mould_homes")
    assert not any("=" in p for p in points["seo_electrolyte_drinks_hydration"])


def test_the_forty_sixth_round_s_classes(plain, views):
    items, points, headings, said = views.items, views.points, views.headings, views.said
    # A closing "although ..." on two like clauses holds for both; "such as" examples end before "or ... refer you";
    # a name in brackets at a reason's end names all that was said; no cut inside brackets; a short list's Key point
    # says all its conditions.
    legion = plain["factsheet_legionella_home_water"].handout.sentences
    assert not any(s.text.startswith("Several hundred cases") and s.text.endswith("England and Wales.") for s in legion)
    warts = said("web_page_warts_verrucas")
    assert "These treatments may include laser treatment" not in warts and "Stronger treatments include" not in warts
    assert any("reduced feeling" in p for p in points["web_page_warts_verrucas"])
    assert not any(s.text.startswith("Cold blood from your limbs") for s in plain["factsheet_cold_water_swimming"].handout.sentences)
    unmarked = [re.sub(r"^\(?[a-z0-9]{1,2}\)\s", "", s.text) for s in plain["consent_child_dental_extraction_general"].handout.sentences]
    assert not any(t.count("(") != t.count(")") for t in unmarked if "anaesthetic" in t)
    # Reading: a banner's name over its motto in quotes is the title; "Free ~ No referral needed ~ Drop in" is no
    # heading; UK phone numbers; a box with one "#" down its left side; a contact line of numbers parted by "|";
    # a footer said on every page; a heading's "7." kept; "NHS 111" is no code.
    voices = plain["support_group_hearing_voices"].handout
    assert voices.meta.title.upper().startswith("RIVERSIDE HEARING VOICES") and "No referral needed" in said("support_group_hearing_voices")
    assert not any(h.startswith("Endoscopy Unit") for h in headings["discharge_adult_food_bolus_oesophagus"])
    assert any(i.startswith("Endoscopy Unit") and "01632 960 215" in i for i in items["discharge_adult_food_bolus_oesophagus"])
    bee = said("discharge_child_bee_sting_allergy")
    assert "#" not in bee and "NHS 111" in bee and not any(h.startswith("CED") for h in headings["discharge_child_bee_sting_allergy"])
    cold = said("factsheet_cold_water_swimming")
    assert "Fact sheet 31" not in cold and "7. AFTER-DROP" in [h.upper() for h in headings["factsheet_cold_water_swimming"]]
    # A pipe table's "If YES" column said after the boxes; a staff record's fields read as headings; ">>" after a
    # sentence; a shop's button; "Page last reviewed:" wrapped from its date.
    back = items["triage_adult_back_pain_red_flags_phone"]
    assert any(i.startswith("E1. Any numbness") and i.endswith("(if yes: EMERGENCY)") for i in back)
    assert "Triager name" not in said("triage_adult_back_pain_red_flags_phone") and "Documentation" not in headings["triage_adult_back_pain_red_flags_phone"]
    assert ">>" not in said("qa_urine_dipstick_results") and "CHECK PRICE" not in said("seo_ketone_drinks_focus")
    assert "Page last reviewed" not in warts


def test_the_forty_seventh_round_s_classes(plain, views):
    items, points, headings, said = views.items, views.points, views.headings, views.said
    # "or" inside one example stays when the list has its "and"; a split never leaves a new subject before "In adults
    # it ..."; "but only if" is a condition on its clause; how often ("common") is a claim a merge keeps.
    assert "muscle or joint pains" in said("factsheet_ticks_lyme_walkers") and "muscle and joint pains" not in said("factsheet_ticks_lyme_walkers")
    sert = [s.text for s in plain["leaflet_sertraline_oral_adults"].handout.sentences]
    assert not any(a.startswith("Serotonin is") and b.startswith("In adults it") for a, b in zip(sert, sert[1:]))
    assert "they CAN be, but only if they actually contain" in said("seo_creatine_gummies_women")
    assert "common in people who do not have a clot" in said("qa_d_dimer_blood_test")
    # Reading: a grid of two columns leading into lists; a form's copies; a patient label's place; a charity number
    # wrapped; a feedback box's line; "<sup>2</sup>" after a number; a version line; a note in brackets under a
    # dotted step; a box's title heads only the box; a dotted ruler under three column names; a grid's bottom edge;
    # "Completed by" fields.
    gastro = plain["discharge_adult_gastroenteritis_rehydration"].handout
    lists = [b for s in gastro.sections for b in s.blocks if b.kind == "bullets"]
    assert any(any("more than 24 hours" in i[0].text for i in b.items) and not any("999" in i[0].text for i in b.items) for b in lists)
    assert "GP copy" not in said("discharge_adult_gastroenteritis_rehydration") and "Clinical record copy" not in said("consent_adult_ear_microsuction")
    assert "Patient label" not in plain["discharge_child_pulled_muscle_limp"].handout.meta.title
    assert "Reg. charity no." not in said("support_group_lymphoedema") and "1098765" not in " ".join(headings["support_group_lymphoedema"])
    assert "We cannot reply" not in said("web_page_conjunctivitis")
    hfmd = said("factsheet_hand_foot_mouth_nurseries")
    assert "enterovirus 71.2" not in hfmd and "enterovirus 71." in hfmd and "Version 2.1" not in hfmd
    assert any(i.startswith("Pull upwards slowly") and "maker's instructions" in i for i in items["factsheet_ticks_lyme_walkers"])
    assert not any(h.upper().startswith("THOUGHTS OF SUICIDE") for h in headings["leaflet_sertraline_oral_adults"])
    # an arrow after a thing named leads to what to do about it, no ", then"
    assert any(i.endswith("blurred vision): seek help urgently") for i in items["leaflet_sertraline_oral_adults"])
    battery = items["triage_child_button_battery_phone"]
    assert any(i.startswith("Under 1 year:") for i in battery) and any(i.startswith("EMERGENCY (999): Life threat") for i in battery)
    assert "Completed by" not in said("triage_child_button_battery_phone") and "|--" not in said("triage_child_button_battery_phone")


def test_the_forty_eighth_round_s_classes(plain, views):
    items, points, headings, said = views.items, views.points, views.headings, views.said
    # Markdown: lines wrapped under a bold question are one sentence, not halves ("... nerves and muscles to" / "work
    # properly ..."); a call to act "now" after an "If ..." is no Key point alone; a row of web buttons goes.
    potassium = [s.text for s in plain["qa_potassium_high_result"].handout.sentences]
    assert any("for nerves and muscles to work properly, including the heart muscle." in s for s in potassium)
    assert not any(s.startswith(("Small amount", "Slowly.", "Nutrients.")) for s in potassium)
    assert "Call 999 or go to your nearest Emergency Department now." not in points["qa_potassium_high_result"]
    assert "[Print this page]" not in said("qa_potassium_high_result")
    # A list split never cuts a phrase: inside brackets, a word from its thing ("a regular, soft poo pattern"), items
    # of different kinds ("get into the body, usually through ..., wound or drip site, and cause problems").
    assert not any(i.endswith("the combined pill") for i in items["support_group_endometriosis"])
    assert "a regular" not in items["discharge_child_constipation_impaction"]
    assert "into the body" not in items["factsheet_mrsa_carriers"]
    # "vomiting it back" is no "throwing up it back"; a field under a line of tick boxes is a line of its own.
    assert "throwing up it back" not in said("discharge_child_constipation_impaction")
    # (asked of each item and sentence: `said` runs them together with spaces)
    assert not any("Both eyes" in i and "Contact lens" in i for i in items["discharge_adult_corneal_abrasion"])
    assert not any("will be posted" in s.text and "Continence nurse line" in s.text
                   for s in plain["discharge_child_constipation_impaction"].handout.sentences)
    # Running headers "(continued)" / "(cont.)" go; a section heading after one stays a heading; "Not for use with"
    # is said; a site's policy link and reader count go.
    assert any(h.upper().startswith("4. AFTER THE VARNISH") for h in headings["factsheet_fluoride_varnish_children"])
    assert "(continued)" not in " ".join(headings["factsheet_fluoride_varnish_children"])
    assert "(cont.)" not in said("triage_adult_fall_older_person_phone")
    assert "Not for use with: children; pregnancy" in said("triage_adult_fall_older_person_phone")
    assert "disclosure policy here" not in said("seo_black_seed_oil") and "48,000+ readers" not in said("seo_black_seed_oil")
    # A Key point with a bare "if you start" or "reduce by" leans on the sentence before.
    assert not any(p.endswith("if you start.") or "reduce by" in p for name in points for p in points[name])
    # A handout made only of lists gets Key points from its steps, its times and its calls with their signs.
    assert any(p.startswith("Call 999 or go to the Emergency Department if your child")
               for p in points["discharge_child_constipation_impaction"])


def test_the_forty_ninth_round_s_classes(plain, views):
    items, points, headings, said = views.items, views.points, views.headings, views.said
    # A memory aid's lines ("F - Face drooping on one side") are a list, none a heading; a number wrapped to the next
    # line ("under" / "25. If ...", "within" / "2 hours.") stays with its sentence.
    stroke = items["support_group_stroke_carers_online"]
    assert "F - Face drooping on one side" in stroke and "A - Arm (or leg) weakness or numbness" in stroke
    assert not any(h.startswith("S - Speech") for h in headings["support_group_stroke_carers_online"])
    assert "Click the link in your email about 10 minutes early." in said("support_group_stroke_carers_online")
    assert "or are under 25." in said("leaflet_citalopram")
    fever = said("triage_child_fever_under_5_phone")
    assert "by a doctor within 2 hours." in fever and "right away life-threatening" not in fever
    # Rewrites: a stranded "with" before "should work" is no pasted search; a clause after the last "such as" example
    # ("and death, which ... occurs in 1 to 3 of every 1,000") stays its; "tolerance" to pollen is no drug tolerance.
    assert "should work against it" in said("discharge_adult_kidney_infection_iv_to_oral")
    assert not any("serious complications, which in the U.S." in s.text for s in plain["factsheet_measles_mmr_catch_up"].handout.sentences)
    assert not any(t.word == "tolerance" for t in plain["web_page_hay_fever"].handout.words_to_know)
    # Reading: a sentence broken off after a full stop at a line's end goes on ("A 2020" / "Cochrane review"); a cookie
    # banner's last line and a free download's offer go; a numbered section over its own steps is a heading; a table
    # framed and ruled the whole width is read by its columns; a dotted ruler under two names names each value.
    assert "A 2020 Cochrane review" in said("seo_magnesium_leg_cramps")
    assert not any("Cookie" in h for h in headings["seo_magnesium_leg_cramps"]) and "Click here to get" not in said("seo_magnesium_leg_cramps")
    assert "WHAT TO DO IF YOU SUSPECT A LEAK OR THE ALARM SOUNDS" in [h.upper() for h in headings["factsheet_carbon_monoxide_landlords"]]
    assert any(i.startswith("1 to 11 months: dose of amoxicillin 125 mg; 125 mg/5 ml suspension: 5 ml")
               for i in items["leaflet_amoxicillin_suspension_children"])
    knee = items["consent_steroid_joint_injection_knee_ultrasound"]
    assert any(i.startswith("Little or no benefit from the injection: how often (approx.) 20 to 30%") for i in knee)
    # Key points: no table's header, nothing that says "if you are not sure" of something unnamed.
    assert not any("How often" in p for p in points["consent_steroid_joint_injection_knee_ultrasound"])
    assert not any(p.endswith("if you are not sure.") for name in points for p in points[name])
    # A banner's "Hosted by ..." line is its own; a link to the page in Spanish goes; "one of the most popular" is a
    # set-up, no Key point.
    assert not any("after a stroke Hosted by" in s.text for s in plain["support_group_stroke_carers_online"].handout.sentences)
    assert "haga clic" not in said("factsheet_measles_mmr_catch_up")
    assert not any("most popular" in p for name in points for p in points[name])


def test_the_fiftieth_round_s_classes(plain, views):
    items, points, headings, said = views.items, views.points, views.headings, views.said
    # Key points, action first: a call for help over its signs, said whole ("... if your child is allergic to ...",
    # "... if any BE FAST sign appears, even if it goes away ..."); no lead-in without its "if" items ("Do not use
    # Salventra."), no step that leans on a condition before it, an elliptic condition or a question above it.
    assert any(p.startswith("Do not give this medicine if your child is allergic to amoxicillin")
               for p in points["leaflet_amoxicillin_suspension_children"])
    assert "Call 911 if any BE FAST sign appears, even if it goes away within minutes." in points["support_group_caregivers_stroke"]
    assert any(p.startswith("Call 911 right away if your child has stridor") for p in points["web_page_croup"])
    leaning = {"leaflet_salbutamol_inhaler": ("Do not use Salventra.", "See your doctor or nurse soon."),
               "factsheet_safe_sleep_babies": ("Seek advice if under 3 months.",),
               "factsheet_rubella_pregnancy": ("Key message: Rubella is usually a mild illness.", "Do tell your midwife or doctor.",
                                               "If you are not sure, check your vaccination record with your GP practice."),
               "seo_chia_seeds_constipation": ("Start low and go slow.", "Mix, refrigerate 4 hours or overnight."),
               "qa_glaucoma_eye_pressure": ("Check your prescription label.",),
               "triage_adult_wound_infection_phone": ("Change daily or if wet/dirty.",),
               "discharge_child_sickle_cell_pain_crisis": ("Keep a bottle with him at school.",)}
    for name, said_alone in leaning.items():
        assert not set(said_alone) & set(points[name]), (name, points[name])
    # where there is something to do, a description only makes up a box of three
    assert "The active substance is mesalazine." not in points["leaflet_mesalazine_tablets"]
    # Forms: a patient's identity lines, the staff's ticks and a staff record go; fields in one row are said apart.
    kidney = said("discharge_adult_kidney_infection_iv_to_oral")
    assert "Patient name" not in kidney and "Checked by pharmacist" not in kidney and "Hospital No" not in kidney
    assert "Admitted: 11/06/2024 (via Emergency Department); Discharged: 14/06/2024" in items["discharge_adult_kidney_infection_iv_to_oral"]
    assert "Call-back number" not in said("triage_child_fever_under_5_phone")
    # A protocol's coded questions are a list, each with its code and without its answer boxes; two items side by side
    # stay two; a label's value wrapped onto a bracket stays with it; a code's label goes with its code.
    wound = said("triage_adult_wound_infection_phone")
    assert "A1: Is the caller hard to wake, confused, or acting very differently from normal?" in items["triage_adult_wound_infection_phone"]
    assert not any(h.startswith(("B3.", "C6.")) for h in headings["triage_adult_wound_infection_phone"])
    assert "Diabetes; on chemotherapy or steroid tablets" in items["triage_adult_wound_infection_phone"]
    assert "Call back if: redness spreads past the pen line; fever 100.4 F (38.0 C) or higher" in wound
    assert "[Y]" not in wound and "Code:" not in wound and "Caller name" not in wound
    # A Markdown table with no column names is read row by row (its first row had named the columns).
    rubella = items["factsheet_rubella_pregnancy"]
    assert "Incubation period: 14 to 21 days (usually 16 to 18)" in rubella and "Pregnancy after MMR: Wait 1 month" in rubella
    # A web page's chrome: cookie banner, menu, advert, wrapped byline, share and feedback buttons, sidebar, sign-up box
    # and its offer, footer.
    foot = said("web_page_athletes_foot")
    for chrome in ("cookies", "FRESHSTEP", "Markovic", "Share:", "Get expert health tips", "Most read", "Sitemap"):
        assert chrome not in foot, chrome
    assert not any("|" in h for h in headings["web_page_athletes_foot"])
    # (the site's bar with its search box and a menu wrapped after its "|" go: the page's own title names it)
    assert plain["web_page_athletes_foot"].handout.meta.title == "Athlete's foot (tinea pedis)"
    assert plain["web_page_warts_verrucas"].handout.meta.title == "Warts and verrucas"
    chia = said("seo_chia_seeds_constipation")
    assert "Get our FREE" not in chia and "Do Not Sell" not in chia and "Poop Instantly" not in chia
    assert not any("helpful" in h for h in headings["seo_chia_seeds_constipation"])
    # A value under its label's line is the label's ("suspected trigger:" / "CASHEW NUT ..."); fields filled in on
    # their dots are said plainly; a discharge summary's title names it.
    anaphylaxis = plain["discharge_adult_anaphylaxis_adrenaline_pen"]
    assert "suspected trigger: CASHEW NUT" in said("discharge_adult_anaphylaxis_adrenaline_pen")
    assert "Seen by: Dr R. Okonedo (ST5 Emergency Medicine)" in items["discharge_adult_anaphylaxis_adrenaline_pen"]
    assert "Hospital no" not in said("discharge_adult_anaphylaxis_adrenaline_pen")
    assert anaphylaxis.handout.meta.title == "EMERGENCY DEPARTMENT DISCHARGE SUMMARY - PATIENT COPY"
    # Rewrites: ", which starves the tissue" is said of what blocks the vessels, not "These vessels"; "ocular
    # hypertension" is no high blood pressure.
    assert "These vessels" not in said("discharge_child_sickle_cell_pain_crisis")
    assert not any(t.word == "hypertension" for t in plain["qa_glaucoma_eye_pressure"].handout.words_to_know)
    # A sentence after the sources that offers the sheet in large print keeps its number; a page-turn mark and a cut
    # line go.
    assert "call 01632 960250" in said("factsheet_safe_sleep_babies")
    assert "continued over" not in said("leaflet_mesalazine_tablets")
    assert "cut here" not in said("support_group_infertility").lower()
    # A medicine named in two strengths is one title; an address wrapped inside a name is one line; a table of
    # records parted by blank lines is read record by record; people named with their roles are a list under their
    # heading; a label's wrapped instruction goes on; a dotted table's label as wide as its column keeps its value.
    assert plain["leaflet_mesalazine_tablets"].handout.meta.title == "Mesalazine 400 mg and 800 mg Gastro-resistant Tablets (mesalazine)"
    assert "Corbeck Business Park, Stenbury" in said("leaflet_mesalazine_tablets")
    assert "1st Tuesday of each month; 7.00pm - 8.30pm: evening group (all welcome); Doors open 6.45pm" in items["support_group_infertility"]
    assert "YOUR FACILITATORS" in [h.upper() for h in headings["support_group_infertility"]]
    assert "Children's Emergency Department (or call 999) if Tariq has any of the following:" in said("discharge_child_sickle_cell_pain_crisis")
    assert "ADEYEMI-COLE" not in said("discharge_child_sickle_cell_pain_crisis")
    assert any(i.startswith("Treatment does not heal the infection (seen on later X-ray or symptoms): how often (approximate) About 1 in 10.")
               for i in items["consent_dental_root_canal"])
    assert not any("ALD-C07" in h for h in headings["consent_dental_root_canal"])
    assert "Most people have a pressure between about 10 and 21 mmHg." not in points["qa_glaucoma_eye_pressure"]
