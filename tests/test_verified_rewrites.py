"""Clauses found on the parse, the checks that let a rewrite step through or keep the source, and Key points that stand alone (issue 13)."""

from handouts.language.clause_parse import main_clauses
from handouts.model import Sentence
from handouts.plain.merging import repeats
from handouts.plain.rewrite import rewrite_sentence
from handouts.plain.verify import whole


def _rewrite(text: str, in_list: bool = False) -> tuple[list[str], list[str]]:
    pieces, change = rewrite_sentence(Sentence(text), "", lists=not in_list)
    return [p.text for p in pieces], change.kept


def test_main_clauses_are_found_on_the_parse_not_on_commas():
    assert main_clauses("Kratom is a plant, and it acts on the brain.") == [("", "Kratom is a plant"),
                                                                         ("", "it acts on the brain.")]
    assert main_clauses("The usual dose is 50 mg, although your doctor may start you on 25 mg.")[1] == \
        ("But", "your doctor may start you on 25 mg.")
    # A list of things, a list of actions, a list of clauses: no two main clauses to part.
    for one in ("Common signs are fever, chills, and muscle aches that last for days.",
                "Remove loose rugs from walkways, install grab bars in the bathroom, and keep a night light on.",
                "Your child is in the green zone if there is no cough at night, and the peak flow is more than 80%.",
                "If you have felt sad for weeks, you may have depression, and you should talk to a doctor."):
        assert main_clauses(one) is None, one


def test_a_list_of_clauses_each_with_its_own_subject_is_cut_at_its_commas():
    assert main_clauses("Your heart may beat faster, your breathing may get shallow, and you might feel shaky or sick.") \
        == [("", "Your heart may beat faster"), ("", "your breathing may get shallow"), ("", "you might feel shaky or sick.")]
    # A clause a verb reports, or a list under a condition, is no list of claims.
    assert main_clauses("It is not a cure, experts say, and it can be risky.") != [
        ("", "It is not a cure"), ("", "experts say"), ("", "it can be risky.")]
    assert main_clauses("If the pain is sharp, it gets worse, and it spreads, call 911.") is None


def test_a_step_in_a_list_may_give_its_reason_apart_but_a_sign_stays_whole():
    said, kept = _rewrite("Take acetaminophen 1,000 mg every 6 hours for the first 3 days, even if your pain is mild, "
                          "because taking it on a schedule may reduce the opioid medicine you need.", in_list=True)
    assert said == ["Take acetaminophen 1,000 mg every 6 hours for the first 3 days, even if your pain is mild.",
                    "This is because taking it on a schedule may reduce the opioid medicine you need."]
    said, kept = _rewrite("You feel worse, and the fever lasts more than 3 days.", in_list=True)
    assert said == ["You feel worse, and the fever lasts more than 3 days."]
    assert kept == ["split_coordinate_clauses: a list item is one condition or fact, kept whole "
                    "(only steps split into steps)"]


def test_a_part_with_a_condition_of_its_own_may_stand_after_a_leading_if():
    said, _ = _rewrite("If you miss a dose, take it as soon as you remember; if it is already the next day, "
                       "skip the missed dose and do not double up.")
    assert said == ["If you miss a dose, take it as soon as you remember.",
                    "If it is already the next day, skip the missed dose and do not double up."]
    said, kept = _rewrite("If more than 6 months have passed since your first dose, do not restart the series; "
                          "simply get the second dose as soon as you can.")
    assert len(said) == 1 and "a leading 'If ...' holds for the whole sentence" in kept[0]


def test_a_but_clause_starting_with_so_is_checked_without_its_joining_word():
    said, kept = _rewrite("Most HPV infections go away on their own within 2 years, but infections that persist "
                          "can lead to genital warts.")
    assert said[1] == "But infections that persist can lead to genital warts." and kept == []


def test_a_two_word_claim_is_merged_only_when_said_word_for_word():
    assert not repeats("Colonoscopy is a procedure.",
                       "Colonoscopy is generally safe, but like any medical procedure it has risks, which include:")
    assert repeats("But more research is needed.", "More research is needed to find out whether it is safe.")


def test_a_which_aside_splits_only_when_the_parse_shows_what_it_is_about():
    # The object of the aside is no subject ("This the prescriber may increase").
    said, _ = _rewrite("The usual starting dose is 25 mg once a day, which the prescriber may increase slowly.")
    assert len(said) == 1
    # "which is why": the reason is the whole clause before, not its last noun ("Overdose is why ...").
    said, _ = _rewrite("Most of us have lost someone to an overdose, which is why we teach everyone to use naloxone.")
    assert said == ["Most of us have lost someone to an overdose.",
                    "This is why we teach everyone to use naloxone."]
    # "which can all ...": all of which things?
    said, _ = _rewrite("Strips do not detect xylazine, benzodiazepines or other sedatives, which can all increase "
                       "overdose risk.")
    assert len(said) == 1
    # The aside ends before the sentence does: the list goes on after it.
    said, _ = _rewrite("The spectrum includes fetal alcohol syndrome, which is marked by small head size, as well as "
                       "partial FAS and other disorders.")
    assert len(said) == 1
    # "a stomach virus, which ...": "This virus", never a bare "Virus".
    said, _ = _rewrite("Most children with vomiting have a stomach virus, which usually settles within 2 to 3 days.")
    assert said == ["Most children with throwing up have a stomach virus.",
                    "This virus usually settles within 2 to 3 days."] or len(said) == 1
    assert not any(s.startswith("Virus") for s in said)


def test_a_new_sentence_that_joins_its_parts_wrongly_is_no_whole_sentence():
    for broken in ("Cannabidiol is one of many compounds found in the cannabis plant, and unlike THC.",
                   "THC is the ingredient responsible for the high, CBD does not cause intoxication at typical doses.",
                   "This the prescriber may increase slowly.",
                   "Stomach virus include norovirus and rotavirus."):
        assert not whole(broken), broken
    for fine in ("Clean the area with saline.", "Take it with food, but not milk.",
                 "Stomach pain can be a sign of a problem.", "It is safe, doctors say."):
        assert whole(fine), fine


def test_examples_end_where_a_clause_begins_and_an_amount_is_not_its_stuff():
    said, _ = _rewrite("Strips may also miss some newer opioids, such as nitazenes, and they do not detect xylazine, "
                       "benzodiazepines or other sedatives.")
    assert "benzodiazepines or other sedatives" in " ".join(said)  # never "and" for the source's "or"
    said, _ = _rewrite("Small amounts of alcohol, such as one drink with a meal, are usually acceptable.")
    assert not any(s.startswith("Alcohol include") for s in said)


def test_list_items_of_two_kinds_stay_in_their_sentence():
    said, _ = _rewrite("Your doctor may prescribe it to lower the risk of stroke if you have atrial fibrillation, to "
                       "treat a clot in a leg vein or in the lungs, or to prevent clots after hip surgery.")
    assert len(said) == 1


def _key_points_of(tmp_path, text: str) -> list[str]:
    return [s.text for s in _plain_of(tmp_path, text, "points.txt").handout.key_points]


def test_a_key_point_never_leans_on_the_sentences_it_came_after(tmp_path):
    body = ("Furosemide (Lasix) removes extra fluid. Take furosemide 40 mg each morning. Do not double the dose "
            "on your own when your weight rises. Take metoprolol 25 mg twice a day. Call 911 if you have chest "
            "pain. Good Samaritan laws protect people who call for help. Ask a peer worker about the law where you "
            "live. Long COVID is common. Estimates vary widely between studies. Please read each statement and "
            "initial the box. Weigh yourself every day. If you gain 2 pounds, call the clinic instead. Strips may "
            "also miss some opioids. Never drive after taking oxycodone.\n")
    points = _key_points_of(tmp_path, body)
    assert points and "Call 911 if you have chest pain." in points
    for leaning in ("Do not double the dose", "the law", "Estimates", "the box", "instead", "also"):
        assert not any(leaning in p for p in points), (leaning, points)


def _plain_of(tmp_path, text: str, name: str = "handout.txt"):
    from handouts.config import Config
    from handouts.plain.rewrite import plain_language
    from handouts.read.sources import read_source

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return plain_language(read_source(path, "en"), Config())


def test_an_item_of_a_list_of_statements_may_split_but_an_item_of_a_list_of_signs_may_not(tmp_path):
    plain = _plain_of(tmp_path, "Leaflet\n\nPain relief\n\n"
                                "- Some evidence suggests that deep breathing and short walks may help clear mucus, so use "
                                "your incentive spirometer 10 times every hour while awake during the first week.\n"
                                "- Missed findings: colonoscopy is not 100% accurate, and some polyps may not be seen.\n\n"
                                "Call 911 if\n\n"
                                "- Your child vomits blood, and your child seems pale or faint.\n")
    items = {s.sources[0]: [] for s in plain.handout.sentences}
    for s in plain.handout.sentences:
        items[s.sources[0]].append(s.text)
    said = list(items.values())
    assert ["Some evidence suggests that deep breathing and short walks may help clear mucus.",
            "So use your incentive spirometer 10 times every hour while awake during the first week."] in said
    assert ["Missed findings: colonoscopy is not 100% accurate.", "Some polyps may not be seen."] in said
    # Under "Call 911 if" each item is one sign: split, "Your child seems pale" would be a claim of its own.
    assert ["Your child vomits blood, and your child seems pale or faint."] in said


def test_a_summary_list_keeps_each_point_whole(tmp_path):
    plain = _plain_of(tmp_path, "Melatonin for children\n\nMelatonin can help some children sleep. Ask your doctor "
                                "first.\n\nKey takeaways\n\n- Melatonin may help some children fall asleep faster, but "
                                "it is not a cure for poor sleep habits.\n- Gummies are often mislabeled, and some contain "
                                "far more melatonin than the label says.\n- Always talk to your child's doctor before starting "
                                "melatonin.\n")
    assert [s.text for s in plain.handout.key_points] == [
        "Melatonin may help some children fall asleep faster, but it is not a cure for poor sleep habits.",
        "Gummies are often mislabeled, and some contain far more melatonin than the label says.",
        "Always talk to your child's doctor before starting melatonin."]


def test_a_which_aside_names_the_noun_the_parse_gives_it_or_stays():
    assert _rewrite("Do not take magnesium if you have kidney disease, because your kidneys may not be able to remove "
                    "the extra magnesium, which can build up to dangerous levels.")[0][-1] == \
        "This extra magnesium can build up to dangerous levels."
    # "often called a blood thinner, which works ...": the aside is about the medicine, not the name it is called.
    said, _ = _rewrite("Apixaban (Eliquis) is an oral anticoagulant, often called a blood thinner, which works by "
                       "blocking factor Xa, a clotting protein.")
    assert not any(s.startswith("This blood thinner") for s in said) and "This blood thinner works." not in said
    # "the level of apixaban in your blood, which ...": the level, or the blood? Never named as the blood.
    said, _ = _rewrite("Several medicines can change the level of apixaban in your blood, which can be dangerous.")
    assert not any("blood can" in s or s.startswith(("Blood", "This blood")) for s in said)


def test_a_claim_with_a_quantity_is_not_said_by_two_others_together(tmp_path):
    plain = _plain_of(tmp_path, "Naloxone\n\nMost states have Good Samaritan laws, which protect people who call "
                                "911 for an overdose from being charged with drug possession in many cases. Check the "
                                "law in your state.\n")
    text = " ".join(s.text for s in plain.handout.sentences)
    assert text.startswith("Most states have Good Samaritan laws.")


def test_the_only_safety_instruction_is_a_key_point_however_long(tmp_path):
    points = _key_points_of(tmp_path, "Long COVID\n\nLong COVID is a set of symptoms that last after an infection. "
                            "Fatigue is the most common symptom. Many people also have trouble thinking clearly. "
                            "Recovery is often uneven, with good and bad days. Pacing helps many people save "
                            "energy. Sleep at regular times each night. Most people improve slowly over months. "
                            "Speak to your primary care provider if symptoms last longer than 4 weeks after "
                            "COVID-19, or call 911 if you have chest pain, severe breathlessness or fainting. "
                            "Support groups can help people feel less alone. Keep a diary of your symptoms.")
    assert "Speak to your primary care provider if symptoms last longer than 4 weeks after COVID-19, or call 911 if " \
           "you have chest pain, severe breathlessness or fainting." in points


def test_a_statement_a_patient_signs_is_no_key_point(tmp_path):
    points = _key_points_of(tmp_path, "Flu vaccine consent\n\nI have read this information. I have had the chance to "
                            "ask questions. The flu vaccine is given every year. It takes about 2 weeks to work. Most "
                            "side effects are mild. A sore arm is the most common side effect. Severe allergic "
                            "reactions are rare. Flu can be serious for older adults. The vaccine is made from killed "
                            "virus. Sign below.")
    assert len(points) >= 2 and not any(p.startswith("I ") or " my " in p for p in points), points
    assert "Sign below." not in points


# --- third review round (twelve new texts, reviewed before any rule changed for them) ---

def test_an_as_that_names_a_form_is_no_reason_and_a_dangling_or_is_no_sentence():
    said, _ = _rewrite("Buprenorphine, available as a skin patch (Butrans), a film placed inside the cheek (Belbuca) "
                       "or, when opioid use disorder is also present, as buprenorphine-naloxone (Suboxone), is a "
                       "partial opioid that may control pain with a lower risk of breathing problems.")
    assert len(said) == 1 and not any(s.startswith("This is because") for s in said)
    assert not whole("Buprenorphine is available as a patch, a film (Belbuca) or, when opioid use disorder is present.")


def test_how_to_do_a_step_is_no_claim_about_how_something_works():
    said, _ = _rewrite("Get medical help the same day, by calling your GP or NHS 111, or take your child to A&E; it "
                       "needs antiviral treatment such as aciclovir.")
    assert not any(s.startswith("This works") for s in said)


def test_a_part_after_a_semicolon_must_be_whole_too():
    assert not whole("For adults aged 60 to 74 who are at higher risk; in 2025 this was extended to adults aged 50.")
    said, _ = _rewrite("CDC recommends a single dose for all adults aged 75 and older, and for adults aged 60 to 74 "
                       "who are at increased risk of severe RSV; in 2025 this was extended to adults aged 50 to 59.")
    assert not any(s.startswith("For adults") for s in said)


def test_a_dose_said_as_an_aside_stays_the_claim_s_condition():
    said, _ = _rewrite("Glycine itself, taken at 3 g before bed, is thought to improve how rested people feel in the "
                       "morning, although the studies were small, often with fewer than 20 volunteers.")
    assert "Glycine itself is taken at 3 g before bed." not in said
    assert said[0] == "Glycine itself, taken at 3 g before bed, is thought to improve how rested people feel in the morning."


def test_a_condition_among_things_keeps_the_list_in_its_sentence():
    said, _ = _rewrite("The risk is higher if you have poor kidney function, severe liver disease, heart failure or a "
                       "serious infection, or if you become dehydrated.")
    assert said == ["The risk is higher if you have poor kidney function, severe liver disease, heart failure or a "
                    "serious infection, or if you become dehydrated."]


def test_they_is_not_said_where_the_sentence_s_own_subject_could_be_meant():
    said, _ = _rewrite("FACT: Boys can develop HPV-related throat, anal and penile cancers, which have no routine "
                       "screening test.")
    assert "They have no routine screening test." not in said


def test_a_key_point_names_what_it_is_about(tmp_path):
    points = _key_points_of(tmp_path, "Pneumonia in children\n\nYour child has pneumonia, a lung infection. Amoxicillin "
                            "treats it. Give amoxicillin twice a day for 5 days. Loose stools are common. Care is mainly "
                            "supportive. Do not drive yourself. Ask your child's doctor. Check the strength on the "
                            "bottle. MYTH: Antibiotics cure colds. Call (555) 214-8870, Monday to Friday, to confirm your "
                            "time. Pneumonia can make breathing fast. Keep your child away from cigarette smoke.")
    for leaning in ("Loose stools are common.", "Care is mainly supportive.", "Do not drive yourself.",
                    "Ask your child's doctor.", "Check the strength on the bottle.", "MYTH: Antibiotics cure colds.",
                    "Call (555) 214-8870, Monday to Friday, to confirm your time."):
        assert leaning not in points, leaning
    assert "Keep your child away from cigarette smoke." in points


def test_a_clause_with_its_own_subject_after_a_to_clause_may_stand_alone_but_not_after_a_list_of_things():
    said, _ = _rewrite("Vaccination is the most effective way to prevent hepatitis A, and the inactivated vaccines give "
                       "long-lasting protection after two doses given at least 6 months apart.")
    assert said == ["Vaccination is the most effective way to prevent hepatitis A.",
                    "The inactivated vaccines give long-lasting protection after two doses given at least 6 months apart."]
    said, _ = _rewrite("You may choose not to have surgery, in which case stronger glasses, brighter lighting, and "
                       "magnifiers might help for a while, although they will not stop the cataract from progressing.")
    assert len(said) == 1


def test_a_step_under_a_conditional_heading_may_be_a_key_point_when_it_says_its_own_condition(tmp_path):
    points = _key_points_of(tmp_path, "Measles\n\nMeasles is a highly contagious illness caused by a virus. It spreads "
                            "through the air. Most children recover in 2 weeks. Measles can cause pneumonia. Two doses "
                            "of vaccine protect most people. Babies under 1 year cannot have the vaccine yet. Measles "
                            "is common in some countries.\n\nWhat to do if you suspect measles\n\nCall your clinic "
                            "first. Do not go directly into a waiting room if you think your child may have measles. "
                            "Keep your child at home.\n")
    assert "Do not go directly into a waiting room if you think your child may have measles." in points
    assert "Keep your child at home." not in points  # only if measles is suspected: that is in the heading


def test_a_source_that_is_only_its_key_points_box_keeps_it_as_its_body(tmp_path):
    plain = _plain_of(tmp_path, "Key points\n\n- Patients should contact their physician if symptoms persist for more "
                                "than 3 days.\n- Drink plenty of fluids while you are ill.\n")
    assert [s.text for s in plain.handout.sentences] and not plain.handout.key_points


def test_a_subject_and_verb_agree_by_either_the_tagger_or_the_dictionary():
    # The tagger reads "Falls" at the start as a name (singular); the dictionary knows "scabies" is both and
    # "bacteria" is the plural the tagger says. A subject cut from its noun phrase fails both.
    for fine in ("Falls are common in Parkinson's.", "Crusted scabies is a severe form.",
                 "The bacteria do not change how food looks.",
                 "Around 40% of people bitten by suspected rabid animals are children under 15 years old."):
        assert whole(fine), fine
    assert not whole("Virus are the same virus that causes chickenpox.")
    said, kept = _rewrite("Falls are not uncommon in people with dementia, and most of them happen at home.")
    assert said == ["Falls are not uncommon in people with dementia.", "Most of them happen at home."]
