"""The plain-language stage on the sample article and on the other test texts."""

import json
import re

import pytest

from conftest import DATA, SAMPLE
from handouts.config import Config
from handouts.language.grammar import has_verb
from handouts.model import Sentence
from handouts.plain.merging import content_words, repeats
from handouts.plain.rewrite import plain_language
from handouts.read.sources import read_source


@pytest.fixture(scope="module")
def sample():
    return plain_language(read_source(SAMPLE), Config())


def test_sample_keeps_its_meaning(sample):
    assert sample.violations == []


def test_sample_hedges_survive(sample):
    text = " ".join(s.text for s in sample.handout.sentences)
    assert re.search(r"\bmay\b", text) and re.search(r"\bmight\b", text)
    assert "Some studies" in text
    assert re.search(r"(Further|More) research is needed", text)
    assert "act as a blocker" in text and "Mitragyna speciosa" in text and "heroin" in text  # antagonist, in everyday words


def test_sample_has_no_fragments(sample):
    for s in sample.handout.key_points:
        assert has_verb(s.text) and s.text[0].isupper() and s.text[-1] in ".?!", s.text
    for sec in sample.handout.sections:
        for i, block in enumerate(sec.blocks):
            for s in block.sentences:
                if block.kind == "paragraph":  # every sentence is whole: a capital, a verb, a full stop
                    assert has_verb(s.text) and s.text[0].isupper(), s.text
                    # ... or a colon, only where a list follows
                    assert s.text[-1] in ".?!" or s.text.endswith(":") and s is block.sentences[-1] \
                        and sec.blocks[i + 1].kind == "bullets", s.text
                else:  # a bullet made from an inline list: a short item, no full stop
                    assert "list_to_bullets" in s.rules and len(s.text.split()) <= 7 and s.text[-1] not in ".:", s.text


def test_a_long_inline_list_becomes_bullets_and_is_not_counted_as_sentences(sample):
    lists = [b for sec in sample.handout.sections for b in sec.blocks if b.kind == "bullets"]
    assert len(lists) == 1
    assert [item[0].text for item in lists[0].items] == [
        "nausea", "throwing up", "loose stools", "muscle aches", "trouble sleeping", "anxiety", "depression",
        "strong cravings for the drug"]
    assert {item[0].role for item in lists[0].items} == {"bullet"}  # the role, not a mark in the text, makes the list
    assert "Common symptoms include:" in [s.text for s in sample.handout.sentences]
    # Readability counts whole sentences only: the 8 items and their lead-in are left out of the figures.
    from handouts.language.readability import complete_sentences
    measured = complete_sentences(sample.handout)
    assert "anxiety" not in measured and "Common symptoms include:" not in measured
    assert sample.after.sentences == len(measured) == len(sample.handout.sentences) - 9
    assert sample.after.body_words > sample.after.words


def test_sample_is_easier_and_shorter(sample):
    b, a = sample.before, sample.after
    assert a.fk_grade < b.fk_grade - 5 and a.smog < b.smog - 4
    # Where the rules stand today (targets 6 and 9 not yet met): no step back. Verified rewriting costs
    # grade (6.5 -> 7.3, SMOG 9.4 -> 9.9): six splits whose new "This" could point at more than one thing
    # are kept as the source says them, and listed for the reviewer. The lexicon audit costs more (7.3 ->
    # 7.9, SMOG 9.9 -> 10.5): "nausea" is no "upset stomach", "neurotransmitter" no "brain chemical", and
    # "increased", "irritability", "stimulate" and "sensations" keep their words. Safety wins. The fourth review
    # round costs a little more (7.9 -> 8.0): "Opioid withdrawal is a complex process." says what it is (a
    # definition is never merged away) and "treatments like Kratom, which may help ..." names no antecedent
    # the parse leaves in doubt. "Imbalance" keeps its word (8.0 -> 8.03): "lack of balance" says unsteadiness.
    assert a.fk_grade <= 8.1 and a.smog <= 10.8
    assert a.words < 0.70 * b.words  # repeats merged; not yet half
    assert a.avg_sentence_words < 15


def test_every_plain_sentence_records_its_sources_and_rules(sample):
    source_sentences = {s.text for s in read_source(SAMPLE).sentences}
    for s in sample.handout.sentences:
        assert s.sources and set(s.sources) <= source_sentences
    changed = [s for s in sample.handout.sentences if s.rules]
    assert len(changed) > len(sample.handout.sentences) / 2


def test_repeats_are_said_once(sample):
    texts = [s.text for s in sample.handout.sentences]
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            assert not (repeats(a, b) or repeats(b, a)), (a, b)
    merged = [s for s in sample.handout.sentences if "merge_near_duplicates" in s.rules]
    assert merged and all(len(s.sources) > 1 for s in merged)


def test_boilerplate_and_keyword_stuffing_are_gone(sample):
    text = " ".join(s.text for s in sample.handout.sentences)
    assert "In this article" not in text and "does kratom increase dopamine" not in text
    assert not re.search(r"^Understanding", text, re.M)


def test_key_points_are_three_to_five_of_its_own_sentences(sample):
    body = [s.text for s in sample.handout.sentences]
    points = [s.text for s in sample.handout.key_points]
    assert 3 <= len(points) <= 5
    assert all(p in body for p in points)
    assert all(len(p.split()) <= 15 for p in points)
    # Each names what it is about: "More research is needed to explain how this works." (how what works?) is no point.
    assert not any(re.search(r"\b(?:this|it|they|them)\b", p, re.I) for p in points)


def test_words_to_know_come_from_the_lexicon_once_each(sample):
    words = [t.word for t in sample.handout.words_to_know]
    assert {"opioid", "withdrawal", "receptor", "kratom"} <= set(words)  # dopamine: the body defines it
    assert len(words) == len(set(words))
    assert all(t.definition.endswith(".") for t in sample.handout.words_to_know)


def test_every_source_sentence_appears_in_the_change_log(sample):
    sources = [s.text for s in read_source(SAMPLE).sentences]
    assert [c.source for c in sample.changes] == sources
    for c in sample.changes:
        assert c.removed_by or c.became, c.source


def test_merging_needs_the_same_claim_words_and_protected_items():
    assert repeats("Some studies suggest kratom increases dopamine.",
                   "Some studies indicate that kratom can increase dopamine levels.")
    assert not repeats("Kratom may increase dopamine.", "Kratom increases dopamine.")  # would lose 'may'
    assert not repeats("Kratom lowers dopamine.", "Kratom raises dopamine and eases cravings.")
    assert content_words("The studies increased") == content_words("a study increases")
    # A changed direction or a medical term the kept sentence lacks is a claim of its own.
    assert not repeats("Kratom may help by changing dopamine levels.", "Kratom may help by raising dopamine levels.")
    assert not repeats("Kratom is a plant from Asia.", "Kratom is a plant that may ease withdrawal.")


def test_a_term_defined_twice_is_defined_once():
    # Two definitions of the same term: the fuller one says it; one differing word is allowed.
    assert repeats("Dopamine is a key brain chemical in withdrawal.",
                   "Dopamine is a brain chemical closely tied to pleasure and reward.")
    assert not repeats("Dopamine is a brain chemical closely tied to pleasure and reward.",
                       "Dopamine is a key brain chemical in withdrawal.")
    # Not a definition of a medical term, or a different term: no merge.
    assert not repeats("Sleep is a key need in recovery.", "Sleep is a need tied to mood and rest.")
    assert not repeats("Dopamine is a brain chemical in withdrawal.", "Serotonin is a brain chemical in withdrawal.")


def test_hedge_words_are_compared_as_protected_items_not_claim_words():
    assert "potenti" not in content_words("Kratom is a potential natural option.")
    assert repeats("Kratom has become a potential natural option for handling opioid withdrawal symptoms.",
                   "Kratom has drawn interest because it may help in handling opioid withdrawal symptoms.")
    # The kept sentence must still carry the hedge.
    assert not repeats("Kratom is a potential option for handling opioid withdrawal symptoms.",
                       "Kratom is an option for handling opioid withdrawal symptoms.")


def test_review_notes_what_a_merge_did_not_carry_over(sample):
    notes = [m for c in sample.changes for m in c.merges]
    assert notes and all(len(m["words_not_carried"]) <= 2 for m in notes)
    # A sentence said by several others together names each of them, split by " / " (a list as one line).
    texts = [s.text for s in sample.handout.sentences]
    assert all(part in texts or part.split(": ")[0] + ":" in texts
               for m in notes for part in m["said_by"].split(" / "))
    assert any(m["said_by"].startswith("Common symptoms include: nausea, throwing up,") for m in notes)


def test_review_outputs_in_a_build(sample_build):
    out = sample_build.outputs
    record = json.loads(out["change log"].read_text(encoding="utf-8"))
    assert record["violations"] == [] and record["changes"]
    figures = json.loads(out["readability"].read_text(encoding="utf-8"))
    assert figures["before"]["fk_grade"] > figures["after"]["fk_grade"]
    page = out["review page"].read_text(encoding="utf-8")
    assert "split_which_clause" in page and "Flesch-Kincaid" in page
    # Every rule named in the log has its reason listed, including those that work across the handout.
    reasons = {r["name"]: r["reason"] for r in record["rules"]}
    used = {name for c in record["changes"] for name in c["rules"]}
    assert "merge_near_duplicates" in used and used <= set(reasons) | {"key_point"}
    assert sample_build.readability["after"]["words"] == figures["after"]["words"]


def test_review_page_escapes_source_text(tmp_path):
    from handouts.plain.changelog import review_html

    src = tmp_path / "evil.txt"
    src.write_text("Kratom <script>alert(1)</script> is a plant & a drug.\n", encoding="utf-8")
    page = review_html(plain_language(read_source(src), Config()), Config()).decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def _plain(name):
    return plain_language(read_source(DATA / name), Config())


def _text(result):
    return " ".join(s.text for s in result.handout.sentences)


def test_bullets_and_ranges_keep_every_number_and_negation():
    r = _plain("bullets_ranges.txt")
    assert r.violations == []
    lists = [b for sec in r.handout.sections for b in sec.blocks if b.kind == "bullets"]
    assert len(lists) == 1 and len(lists[0].items) == 4
    text = _text(r)
    for kept in ("1 to 2 tablets every 4 to 6 hours", "Do not take more than 8 tablets in 24 hours",
                 "2 to 3 grams", "50 kg", "2 to 3 days", "may happen"):
        assert kept in text  # ranges are written with "to", as they are said
    assert "You should not use it for more than 10 days" in text  # "Patients should not utilize"
    assert "People with liver disease should ask a doctor before taking it." in text


def test_citation_numbers_and_see_references_are_removed_not_counted_as_claims():
    r = _plain("citations.txt")
    assert r.violations == []
    text = _text(r)
    assert not re.search(r"[a-z][.,]\d|\[\d|\(see", text, re.I)
    assert "Kratom leaves contain more than 40 alkaloids." in text
    assert "Mitragynine may act on opioid receptors." in text
    assert "Kratom is not approved by the FDA for any medical use." in text
    assert "More research is needed" in text  # "further research" in everyday words, the hedge kept
    # "use.4 People ...": the citation goes on reading, so the segmenter sees two sentences, each its own entry.
    sources = [c.source for c in r.changes]
    assert "Kratom is not approved by the FDA for any medical use." in sources
    assert "People who use it daily may develop dependence (see Withdrawal)." in sources
    glued = next(c for c in r.changes if c.source.startswith("People who use it daily"))
    assert glued.became == ["People who use it daily may develop dependence."] and "strip_cross_references" in glued.rules
    assert [c.removed_by for c in r.changes if c.removed_by] == ["strip_cross_references"]


def test_web_article_furniture_is_dropped_and_headings_kept():
    r = _plain("web_article.txt")
    assert r.violations == []
    text = _text(r)
    for gone in ("Updated on", "Reading time", "Jump to", "In this article", "min read"):
        assert gone not in text and all(gone not in s.heading for s in r.handout.sections)
    assert [s.heading for s in r.handout.sections] == ["", "Why Water Matters", "How Much to Drink"]
    assert text.startswith("Heat can be risky for your health")
    assert "1 to 1.5 liters" in text and "Do not wait until you feel dizzy." in text
    assert "Drink before you feel thirsty. Thirst is a late sign." in text


@pytest.mark.parametrize("name", ["bullets_ranges.txt", "citations.txt", "web_article.txt", "lists.txt",
                                  "markdown.md", "quoted_intro.txt", "wrapped_paragraph.txt"])
def test_any_text_comes_out_whole_sentences_within_targets(name):
    r = _plain(name)
    assert r.violations == []
    for sec in r.handout.sections:
        for block in sec.blocks:
            for s in block.sentences:
                assert s.text[0].isupper() and len(s.text.split()) <= 20, s.text
                if block.kind == "paragraph":
                    assert s.text[-1] in ".?!:" and has_verb(s.text), s.text
    assert r.after.fk_grade <= r.before.fk_grade + 0.5


def test_a_part_a_rule_leaves_out_is_named_in_the_change_log(sample):
    dropped = {d["text"]: d["rule"] for c in sample.changes for d in c.dropped}
    assert dropped["This offers a promising avenue for those seeking to break free from addiction."] == "drop_promotion"
    assert dropped["Kratom's effect on dopamine is a key consideration."] == "drop_promotion"
    text = " ".join(s.text for s in sample.handout.sentences)
    assert "hope" not in text and "key point" not in text and "control over their lives" not in text
    for c in sample.changes:
        assert all(d["rule"] in c.rules for d in c.dropped), c.source


def test_a_but_whose_contrast_was_merged_away_is_dropped_and_noted(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("More research is needed to explain how kratom works.\n\n"
                   "While more research is needed, kratom could open new paths in treating opioid dependence.\n",
                   encoding="utf-8")
    r = plain_language(read_source(src), Config())
    assert _text(r) == ("More research is needed to explain how kratom works. "
                        "Kratom could open new paths in treating opioid dependence.")
    notes = [m for c in r.changes for m in c.merges]
    assert notes[0]["sentence"] == "More research is needed." and "'But'" in notes[0]["opening_dropped"]
    assert r.violations == []


def _plain_text_of(tmp_path, text: str):
    src = tmp_path / "t.txt"
    src.write_text(text, encoding="utf-8")
    return plain_language(read_source(src), Config())


def test_a_repeat_with_can_and_may_is_kept_once_with_may(tmp_path):
    r = _plain_text_of(tmp_path, "Research suggests that kratom may boost dopamine release.\n\n"
                                 "Some studies suggest that kratom can raise dopamine levels.\n")
    assert _text(r) == "Some studies suggest that kratom may raise dopamine levels."
    kept = r.handout.sentences[0]
    assert "soften_to_the_repeat's_hedge" in kept.rules and len(kept.sources) == 2
    assert r.violations == []


def test_this_herb_after_kratom_is_compared_as_kratom(tmp_path):
    r = _plain_text_of(tmp_path, "People are turning to kratom for help. This herb may ease strong cravings.\n\n"
                                 "Kratom may ease cravings.\n")
    assert _text(r) == "People are turning to kratom for help. Kratom may ease cravings."
    # Without a name said before it, 'this herb' is not taken for kratom: two words differ, no merge.
    r = _plain_text_of(tmp_path, "This herb may ease strong cravings.\n\nKratom may ease cravings.\n")
    assert len(r.handout.sentences) == 2


def test_a_list_said_by_two_other_sentences_goes_and_the_next_sentence_names_its_subject(tmp_path):
    r = _plain_text_of(tmp_path, "Symptoms include nausea, cravings and mood swings. They are signs of the "
                                 "brain healing.\n\nCommon symptoms include nausea and muscle aches.\n\n"
                                 "Low dopamine can add to cravings and mood swings.\n")
    assert _text(r) == ("Symptoms are signs of the brain healing. Common symptoms include nausea and "
                        "muscle aches. Low dopamine can add to cravings and mood swings.")
    note = [m for c in r.changes for m in c.merges][0]
    assert note["said_by"].count(" / ") == 1
    # A hedge, a negation or a number is never pieced together from several sentences.
    r = _plain_text_of(tmp_path, "Symptoms may include nausea, cravings and mood swings.\n\n"
                                 "Common symptoms include nausea and muscle aches.\n\n"
                                 "Low dopamine can add to cravings and mood swings.\n")
    assert len(r.handout.sentences) == 3


def test_headings_lose_lead_ins_and_use_everyday_words(sample):
    headings = [sec.heading for sec in sample.handout.sections if sec.heading]
    assert headings == ["Opioid Withdrawal and Its Symptoms",
                        "The Link Between Kratom and Dopamine: Does It Boost or Lessen Withdrawal?"]
    assert {"source": "Understanding Opioid Withdrawal and Its Symptoms",
            "became": "Opioid Withdrawal and Its Symptoms"} in sample.headings


def test_a_term_the_body_defines_is_not_defined_again(sample):
    body = " ".join(s.text for s in sample.handout.sentences)
    assert "Dopamine is a neurotransmitter" in body
    assert "dopamine" not in [t.word for t in sample.handout.words_to_know]
    assert "opioid" in [t.word for t in sample.handout.words_to_know]


def test_a_leaflet_with_steps_speaks_to_the_reader_and_gives_reasons_apart():
    r = _plain("wound_leaflet.md")
    assert r.violations == []
    text = _text(r)
    assert "You should keep the wound clean and dry for the first 24 to 48 hours. " \
           "This is because moisture can increase the risk of infection." in text
    assert "You should not use creams unless your doctor recommends them." in text
    assert "100.4°F" in text and "at least 20 seconds" in text and "In this article" not in text
    steps = [b for sec in r.handout.sections for b in sec.blocks if b.kind == "numbered"]
    assert len(steps) == 1 and len(steps[0].items) == 3
    # Two steps split into two; "..., which can damage" names what it is about: after "Do not use X", a "This"
    # could mean not using it.
    assert [s.text for s in steps[0].items[2]] == ["Clean the area with saline.", "Do not use hydrogen peroxide.",
                                                  "Hydrogen peroxide can damage healing tissue."]
    # "if you notice A, B, ... or F": a lead-in that says any one is enough, then one bullet each.
    assert "Call your doctor if you notice any of these:" in text
    bullets = [b for sec in r.handout.sections for b in sec.blocks if b.kind == "bullets"]
    assert [i[0].text for i in bullets[-1].items] == ["redness", "swelling", "warmth", "pus", "a fever over 100.4°F",
                                                     "pain that gets worse instead of better"]
    assert r.after.longest_sentence <= 20


def test_blood_pressure_leaflet_lists_what_to_do_and_when_to_call():
    r = _plain("blood_pressure.md")
    assert r.violations == []
    lists = {tuple(s.text for item in b.items for s in item)
             for sec in r.handout.sections for b in sec.blocks if b.kind == "bullets"}
    # "Your doctor may recommend that you eat ..., get ..., keep ... and limit ..." becomes four actions.
    assert ("eat a heart-healthy diet with less salt", "get regular physical activity",
            "keep a healthy weight or lose weight if you're overweight or obese",
            "limit the amount of alcohol you drink") in lists
    # "If ... you have A, B ... or E, call 911 immediately." says the action first, then when.
    assert ("chest pain", "back pain", "shortness of breath", "changes in vision", "trouble speaking") in lists
    text = _text(r)
    assert "Call 911 right away if your blood pressure reading is 180/120 mm Hg or higher and you have any of these:" in text
    assert "Your doctor may recommend that you:" in text
    # The source teaches the medical word: the lexicon leaves "also known as hypertension" alone.
    assert "High blood pressure, also known as hypertension, is a common condition." in text
    assert "They usually don't happen until" in text  # "aren't specific and usually don't occur" split
    # "It is estimated that nearly half ... have high blood pressure, and many of them do not know it." stays whole:
    # split, the second claim would lose its "It is estimated" (the parse shows the "and" after a reported clause).
    assert "It is estimated that nearly half of adults in the U.S. have high blood pressure, and many of them" in text
    assert r.after.long_sentences <= 2 and r.after.fk_grade < r.before.fk_grade - 3


def test_key_points_stand_alone_and_put_what_to_do_first():
    points = [s.text for s in _plain("blood_pressure.md").handout.key_points]
    assert "Many of them do not know it." not in points  # 'them' would point at nothing in the box
    assert not any("(" in p for p in points)
    assert "Do not stop taking your medicine without talking to your doctor first, even if you feel well." in points


def test_naloxone_leaflet_keeps_how_it_is_given_whole_and_lists_the_signs():
    r = _plain("naloxone.txt")
    assert r.violations == []
    text = _text(r)
    # "is given by inserting ...": the 'by' says how it is given; "This works by ..." would be wrong.
    assert "is given by putting the nozzle into one nostril and pressing the plunger firmly." in text
    assert "This works by inserting" not in text
    lists = [tuple(s.text for item in b.items for s in item)
             for sec in r.handout.sections for b in sec.blocks if b.kind == "bullets"]
    assert lists == [("unconsciousness or not being able to wake up",  # (not "passing out": a faint is brief)
                      "slow or shallow breathing or breathing trouble such as choking sounds or a gurgling or "
                      "snoring noise from a person who cannot be woken up",
                      "fingernails or lips turning blue or purple")]
    for kept in ("Naloxone will not harm someone who is not having an opioid overdose.",
                 "50 to 100 times", "within 2 to 3 minutes", "for at least 2 hours", "(4 mg)"):
        assert kept in text
    assert "Always call 911 after giving naloxone." in [s.text for s in r.handout.key_points]


def test_medicine_leaflet_keeps_diagnoses_and_splits_its_instructions():
    r = _plain("sertraline.md")
    assert r.violations == []
    text = _text(r)
    assert "It is used to treat depression, anxiety disorders," in text  # diagnoses are not feelings
    # "A, unless B, in which case C" -> "A. But if B, C."
    assert "If you forget to take a dose, take it as soon as you remember. " \
           "But if it is almost time for your next dose, skip the missed dose." in text
    assert "The usual starting dose is 50 mg. But your doctor may start you on 25 mg" in text
    lists = [tuple(s.text for item in b.items for s in item)
             for sec in r.handout.sections for b in sec.blocks if b.kind == "bullets"]
    assert ("feeling sick", "headaches", "trouble sleeping", "diarrhoea", "dry mouth", "feeling tired") in lists
    assert ("have thoughts of harming yourself", "notice unusual bleeding or bruising",
            "develop a high temperature with muscle stiffness and confusion") in lists
    assert "Contact your doctor straight away if you:" in text
    assert "Common side effects affect more than 1 in 100 people." in text  # the aside between subject and verb
    for kept in ("no clear evidence", "not recommended unless", "Never take 2 doses", "4 to 6 weeks", "25 mg"):
        assert kept in text
    # A sentence that the next one qualifies with "But" is half a point: never a key point alone.
    assert "The usual starting dose is 50 mg." not in [s.text for s in r.handout.key_points]


def test_markdown_steps_tables_pictures_and_html_blocks():
    r = _plain("inhaler.md")
    assert r.violations == []
    blocks = {b.kind: [] for sec in r.handout.sections for b in sec.blocks}
    for sec in r.handout.sections:
        for b in sec.blocks:
            blocks[b.kind].append([" ".join(s.text for s in item) for item in b.items])
    steps = blocks["numbered"][0]
    # The notes under step 5 are set in under step 5 (as steps 6 and 7 they would be numbered wrongly; run into it,
    # reviewers read them as run together).
    nested = [(b.level, [" ".join(s.text for s in item) for item in b.items]) for sec in r.handout.sections
              for b in sec.blocks if b.level]
    assert len(steps) == 5 and steps[4].startswith("Hold your breath")
    assert (1, ["If you need a second puff, wait 30 to 60 seconds.",
                "Rinse your mouth with water after using a steroid inhaler."]) in nested
    # A table is said row by row; a picture prints nothing; an HTML block keeps its words.
    assert ["Reliever: colour blue; use when you have symptoms",
            "Preventer: colour brown; use every day, even when well"] in blocks["bullets"]
    text = _text(r)
    assert "Picture of an inhaler" not in text and "|" not in text
    assert "Call 999 in an emergency." in text
    assert not set(steps) & {s.text for s in r.handout.key_points}  # a step out of its list is no key point


def test_copied_web_page_loses_its_furniture_and_references_and_lists_its_signs():
    r = _plain("heat_web_page.txt")
    assert r.violations == []
    h = r.handout
    assert h.meta.title == "Heat Illness: Stay Safe in Hot Weather"  # the heading a byline follows
    text = _text(r) + " " + " ".join(sec.heading for sec in h.sections)
    for furniture in ("Share this article", "Advertisement", "Jane Smith", "min read", "Photo:", "Related:",
                      "References", "Mayo Clinic", "Centers for Disease Control", "[1]"):
        assert furniture not in text
    lists = [tuple(s.text for item in b.items for s in item)
             for sec in h.sections for b in sec.blocks if b.kind == "bullets"]
    assert lists[0][:3] == ("heavy sweating", "cold and clammy skin", "a fast and weak pulse") and len(lists[0]) == 9
    assert lists[1] == ("you are throwing up", "your symptoms get worse", "your symptoms last longer than 1 hour")
    assert "Possible signs of heat exhaustion include:" in text  # the hedge 'possible' leads the list
    assert "Get medical help right away if any of these is true:" in text


def test_a_but_that_moves_on_does_not_stop_a_key_point(sample):
    # "Dealing with opioid withdrawal can be hard. But more and more people are turning to kratom ...":
    # the 'But' starts a new point; it does not limit the first one, which may still sum up the handout.
    assert "Dealing with opioid withdrawal can be hard." in [s.text for s in sample.handout.key_points]


def test_a_handout_in_another_language_is_used_as_written(tmp_path):
    # The rules and the lexicon are English: "Vaya a urgencias" must not become "Vaya an urgencias",
    # nor "médico individual" become "médico person".
    text = "Vaya a urgencias si tiene fiebre. Llame a un médico individual; no espere."
    r = _plain_text_of(tmp_path, f"---\ntitle: Fiebre\nlanguage: es\n---\n{text}\n")
    assert _text(r) == "Vaya a urgencias si tiene fiebre. Llame a un médico individual; no espere."
    assert not r.rewritten and r.missed_targets(Config()) == [] and r.violations == []
    assert r.handout.key_points == [] and r.handout.words_to_know == []
    assert all(c.became == [c.source] for c in r.changes)
    # An English handout with a region tag is rewritten as usual.
    r = _plain_text_of(tmp_path, "---\ntitle: Fever\nlanguage: en-US\n---\nIndividuals may experience insomnia.\n")
    assert r.rewritten and _text(r) == "People may have trouble sleeping."


def test_formal_article_keeps_numbers_hedges_and_negations_in_plain_connectives():
    r = _plain("fasting.txt")
    assert r.violations == []
    text = _text(r)
    for kept in ("within an 8-hour window", "16:8 method", "5:2 method", "about 500 to 600", "by about 0.5% over 12 months",
                 "below 70 mg/dL", "it is not recommended for people with type 1 diabetes",
                 "There is no strong evidence that it is better than other diets", "should not start fasting without",
                 "Some studies suggest that intermittent fasting may improve", "more research is needed"):
        assert kept in text, kept
    assert "Supporters suggest it may help people with type 2 diabetes" in text  # ", with proponents suggesting"
    assert "But fasting can cause blood sugar to drop too low" in text  # "Nevertheless," at the start
    for formal in ("In conclusion", "However", "Nevertheless", "Understanding these approaches"):
        assert formal not in text
    assert r.after.fk_grade < r.before.fk_grade - 5


def test_questions_and_answers_page():
    r = _plain("flu_faq.md")
    assert r.violations == []
    text = _text(r)
    assert "Is it safe if I'm allergic to eggs? Yes." in text and "Q:" not in text and "A:" not in text
    assert "such as adults 65 years and older" in text and "that is, as long as" in text
    assert "Some people get mild side effects. These effects usually last 1 to 2 days." in text
    assert "No. Flu shots are made with" in text and "So they cannot cause flu." in text
    assert not any(p.text.endswith("?") for p in r.handout.key_points)  # a question is no key point
    assert "Dr. Lee at the St. John clinic (open Mon.-Fri., 9 a.m. to 5 p.m.)" in text


def test_person_first_language_but_never_inside_quotes():
    r = _plain("recovery_support.txt")
    assert r.violations == []
    text = _text(r)
    assert text.startswith("People with a substance use disorder and people with an alcohol use disorder are often")
    assert "substance use disorder is a long-lasting medical condition" in text  # the condition, not the use
    assert "died by suicide" in text and "committed suicide" not in text
    # 'Avoid words like "junkie"' talks about the word: swapping it would tell readers to avoid the kind one.
    assert 'Avoid words like "junkie" or "clean" and "dirty"' in text
    assert "Someone who relapses has not failed." in text and "(40 to 60 percent)" in text


def test_child_fever_leaflet_keeps_its_warnings_whole():
    r = _plain("child_fever.md")
    assert r.violations == []
    text = _text(r)
    assert "Never give aspirin to children or teenagers under 19 years of age. This is because it has been " \
           "linked to Reye's syndrome" in text  # "Never give ..." is an instruction, so the reason can go apart
    assert "100.4°F (38°C) or higher" in text and "Do not give ibuprofen to babies younger than 6 months." in text
    # "if your child A, B, or C, D, or E": all are alternatives, any one is reason enough; they share "your child".
    assert "Call your child's doctor right away if your child:" in text
    lists = [tuple(s.text for item in b.items for s in item)
             for sec in r.handout.sections for b in sec.blocks if b.kind == "bullets"]
    assert lists == [("is younger than 3 months and has a temperature of 100.4°F (38°C) or higher",
                      "has a fever that lasts more than 3 days", "seems very sleepy", "is hard to wake up",
                      "is not drinking enough fluids")]


def test_words_to_know_come_from_the_terms_data_for_other_topics_too():
    words = [t.word for t in _plain("fasting.txt").handout.words_to_know]
    assert words == ["blood sugar", "diabetes", "insulin", "HbA1c", "hypoglycemia"]  # in order of first use
    assert [t.word for t in _plain("child_fever.md").handout.words_to_know] == ["fever", "Reye's syndrome"]


def test_another_repetitive_seo_article_is_said_once():
    r = _plain("cbd_sleep.txt")
    assert r.violations == []
    text = _text(r)
    # Said two or three times in the source, once in the handout.
    assert text.count("may improve sleep") == 1 and text.count("no clear benefit") == 1
    assert text.count("cannabis plant") == 1 and text.count("research is needed") == 1
    assert "does cbd help" not in text.lower()  # the pasted search phrase
    assert 'Unlike THC, CBD does not cause a "high".' in text
    # "interact with other medicines" is a drug interaction, not "act on other medicines".
    assert "It can interact with other medicines, including blood thinners." in text  # a drug interaction keeps its word
    for kept in ("In a 2019 study of 72 adults, 66.7 percent reported better sleep", "Some studies suggest"):
        assert kept in text
    assert r.after.body_words <= 0.65 * r.before.body_words


def test_shouted_capitals_become_sentence_case_and_step_lines_become_steps():
    r = _plain("acetaminophen_caps.txt")
    assert r.violations == []
    text = _text(r)
    assert text.startswith("Warning: do not take more than 4,000 mg of acetaminophen in 24 hours.")
    assert "Don't drink 3 or more" in text and "right away if you think you took too much, even if you feel fine." in text
    assert "(also called APAP or paracetamol)" in text  # an acronym stays in capitals
    assert not re.search(r"\b[A-Z]{2,}\b(?:\W+[A-Z]{2,}\b)+", text)  # no run of capitals is left
    assert [sec.heading for sec in r.handout.sections] == ["", "When to get help"]
    steps = [b for sec in r.handout.sections for b in sec.blocks if b.kind == "numbered"]
    assert [s.text for s in steps[0].sentences] == ["Read the label of every medicine you take.",
                                                   "Check for acetaminophen (also called APAP or paracetamol) in cold and flu medicines.",
                                                   "Ask your pharmacist if you are not sure."]


def test_pasted_symbols_and_invisible_marks_leave_only_printable_words():
    from reportlab.pdfbase import pdfmetrics

    from handouts.render.fonts import register_fonts

    r = _plain("pasted_symbols.txt")
    assert r.violations == []
    text = _text(r)
    # A soft hyphen inside "nau-sea" hid the word from the lexicon; now it is read as one word.
    assert "Nausea and throwing up may happen." in text
    assert "Take 2 tablets every 4 to 6 hours." in text and "Do not take more than 8 in a day." in text
    assert "Take it - then rest." in text and "Bring your card." in text  # an arrow before a word: a dash
    face = pdfmetrics.getFont(register_fonts()[0]).face
    assert [c for c in text if ord(c) not in face.charToGlyph] == []  # nothing prints as an empty box


# --- eight texts written by reviewers who had not seen the rules (each found meaning errors) ---

def _section_text(result, heading):
    sec = next(s for s in result.handout.sections if s.heading == heading)
    return " ".join(s.text for s in sec.sentences)


def test_asthma_plan_keeps_each_zones_numbers_and_instructions():
    r = _plain("asthma_plan.md")
    assert r.violations == []
    green = _section_text(r, "Green Zone: Doing Well")
    yellow = _section_text(r, "Yellow Zone: Caution")
    # The green zone's "more than 80%" was merged into the yellow zone's "between 50% and 80%".
    assert "and the peak flow is more than 80% of their personal best." in green
    # "Keep giving the controller medicine" was merged into the green zone, leaving "Do not stop it."
    assert "Keep giving the controller medicine. Do not stop it." in yellow
    text = _text(r)
    assert "Your child's personal best peak flow is ______ L/min." in text  # a blank to fill in stays
    assert "So that" not in text  # "..., so that attacks may be prevented" is no sentence of its own
    assert "Your child is in the red zone if any of these is true:" in text  # the "or" still said
    assert not any("___" in k.text for k in r.handout.key_points)


def test_knee_discharge_keeps_the_signs_list_and_the_unless_with_its_sentence():
    r = _plain("knee_discharge.txt")
    assert r.violations == []
    text = _text(r)
    # ", increasing redness, ..." is a sign in the list, not "This increases redness".
    assert "This increases redness" not in text
    signs = [blk for sec in r.handout.sections for blk in sec.blocks if blk.kind == "bullets"][0]
    assert [s.text for s in signs.sentences][:2] == ["a fever above 101.5°F (38.6°C)", "increasing redness"]
    # "... until your follow-up visit, which is usually 10 to 14 days after surgery, unless it is soaked":
    # the "unless" stays with "should not be removed".
    assert ("The dressing should not be removed until your follow-up visit, which is usually scheduled 10 to 14 days "
            "after surgery, unless it becomes soaked with blood or fluid.") in text
    assert "This is because this" not in text
    # After "should not be placed", a new "This may lead to ..." could point at not placing it: kept whole.
    assert ("A pillow should not be placed directly under the knee, as this may lead to a permanent bend in the joint."
            in text)
    assert any("split_long_reason: 'This' could point at more than one thing" in k for c in r.changes for k in c.kept)
    # "You have been prescribed oxycodone 5 mg." alone drops the limit that its "But ..." gives.
    assert "You have been prescribed oxycodone 5 mg." not in [k.text for k in r.handout.key_points]


def test_buprenorphine_leaflet_names_precipitated_withdrawal_and_keeps_its_examples_whole():
    r = _plain("buprenorphine.txt")
    assert r.violations == []
    text = _text(r)
    assert "Precipitated withdrawal is a sudden and severe onset of withdrawal symptoms" in text
    assert ("Do not take your first dose until you are feeling moderate withdrawal symptoms, such as yawning, "
            "goosebumps, a runny nose, or aching muscles.") in text
    assert text.startswith("Buprenorphine is a partial opioid agonist")
    assert "Buprenorphine is most commonly prescribed in combination with naloxone under the brand name Suboxone." in text
    assert "Do not eat or drink anything until it has fully dissolved." not in [k.text for k in r.handout.key_points]


def test_grief_flyer_keeps_the_condition_and_defines_no_word_it_asks_readers_to_avoid():
    r = _plain("grief_flyer.txt")
    assert r.violations == []
    text = _text(r)
    assert ("you may be having depression, which is treatable, and you should talk to a doctor or counselor." in text)
    assert "You should talk to a doctor or counselor." not in [k.text for k in r.handout.key_points]
    words = [t.word for t in r.handout.words_to_know]
    assert "relapse" not in words  # the flyer says "returning to use" rather than "relapse"
    assert not any('"' in k.text for k in r.handout.key_points)
    addiction = next(t for t in r.handout.words_to_know if t.word == "addiction")
    assert " you " not in f" {addiction.definition} "  # a grieving reader is not the one using drugs


def test_shingles_statement_keeps_its_numbered_titles_as_headings():
    r = _plain("shingles_vis.txt")
    assert r.violations == []
    assert [s.heading for s in r.handout.sections] == [
        "Why get vaccinated?", "Recombinant shingles vaccine", "Talk with your health care provider",
        "Risks of a vaccine reaction", "What if there is a serious problem?"]
    assert not any(k.text.startswith(("For other", "Other")) for k in r.handout.key_points)


def test_alcohol_article_drops_a_reviewer_byline_and_keeps_spelled_out_abbreviations():
    r = _plain("alcohol_anxiety_web.txt")
    assert r.violations == []
    assert not any("Whitfield" in (s.heading or "") for s in r.handout.sections)
    assert "Whitfield" not in _text(r)
    assert not any("the same" in k.text for k in r.handout.key_points)


def test_sleep_study_keeps_statistical_words_and_whose_medicines():
    r = _plain("sleep_bp_study.txt")
    assert r.violations == []
    text = _text(r)
    assert "major association" not in text and "more risk" not in text
    assert "cognitive behavioral therapy for insomnia (CBT-I)" in text
    assert "you should not stop their" not in text


def test_diabetes_page_keeps_the_lead_in_of_its_table_whole():
    r = _plain("diabetes_diet.md")
    assert r.violations == []
    assert "This depends on your age, other health conditions and risk of low blood sugar:" not in _text(r)
    assert not any(k.text.endswith("the following targets.") for k in r.handout.key_points)


def test_steps_numbered_inside_a_sentence_become_a_numbered_list():
    r = _plain("knee_discharge.txt")
    assert r.violations == []  # the labels "1)" ... "4)" are no claims: the list numbers them again
    sec = next(s for s in r.handout.sections if s.heading == "Wound Care")
    steps = next(b for b in sec.blocks if b.kind == "numbered")
    assert [s.text for s in steps.sentences] == [
        "Wash your hands with soap and water for at least 20 seconds.",
        "Remove the old dressing without touching the incision.",
        "Place a new sterile gauze pad over the wound.", "Tape the edges down firmly."]
    assert "To change a soaked dressing, follow these steps:" in _text(r)


def test_quit_smoking_leaflet_keeps_the_quitline_dialable():
    r = _plain("quit_smoking.txt")
    assert r.violations == []
    text = _text(r)
    assert "1-800-QUIT-NOW (1-800-784-8669)" in text  # not "1 to 800-quit-now"
    # "side effects are A, B and C, which usually improve": they (all of them) improve, not "these dreams".
    assert "These dreams" not in text and "dreams, which usually improve over time, and taking the pill" in text


def test_hepatitis_article_keeps_letters_and_uses_its_own_takeaways_as_key_points():
    r = _plain("hepatitis_c_web.txt")
    assert r.violations == []
    text = _text(r)
    assert "hepatitis A and B" in text and "hepatitis An" not in text
    assert [k.text for k in r.handout.key_points] == [
        "Hepatitis C can be cured in more than 95% of people with 8 to 12 weeks of pills.",
        "There is no vaccine for hepatitis C.", "All adults should be tested at least once."]
    assert "Key takeaways" not in [s.heading for s in r.handout.sections]  # the box is not printed twice
    assert "Direct-acting antivirals (DAAs) include" in text  # not "(DAAs) includes"
    assert "Headache and tiredness are the most common." not in [k.text for k in r.handout.key_points]


def test_chemotherapy_food_leaflet_keeps_agreement_and_each_foods_own_warning():
    r = _plain("chemo_food_safety.txt")
    assert r.violations == []
    text = _text(r)
    # "neutrophils, which are needed ..." stays whole: "This condition" after it would point at the aside alone.
    assert "neutrophils, which are needed to fight infection. This condition" in text and "This are" not in text
    assert "loose stools that last more than 24 hours" in text  # "diarrhea that lasts" said as a plural
    assert "within 2 hours of buying" in text
    assert "raw sprouts such as alfalfa, which cannot be washed clean." in text  # only sprouts, as the source says


def test_copd_page_keeps_disease_names_and_context_free_key_points():
    r = _plain("copd_self_care.md")
    assert r.violations == []
    assert "Chronic obstructive pulmonary disease (COPD) includes emphysema and chronic bronchitis." in _text(r)
    assert "You should not blow hard." not in [k.text for k in r.handout.key_points]


def test_warfarin_guide_keeps_interactions_and_names_which_antibiotics():
    r = _plain("warfarin_guide.txt")
    assert r.violations == []
    text = _text(r)
    assert "Many medicines interact with warfarin." in text  # not "act on warfarin"
    assert "Some antibiotics can raise your INR significantly. These antibiotics include metronidazole and " \
           "ciprofloxacin." in text
    assert "It is prescribed to reduce the risk of blood clots" in text
    assert "generally considered safer" in text  # "generally" is not "usually"
    signs = next(b for sec in r.handout.sections for b in sec.blocks if b.kind == "bullets")
    assert signs.sentences[0].text == "bleeding from the gums that does not stop"  # no "any of the following:"


def test_a_short_claim_is_not_merged_into_one_about_something_else():
    from handouts.plain.merging import repeats

    assert not repeats("Studies suggest ashwagandha may help with stress.",
                       "Studies suggest ashwagandha may help lower cortisol.")
    assert repeats("Research suggests that kratom may boost dopamine release.",
                   "Some studies suggest that kratom may raise dopamine levels.")
    assert not repeats("The peak flow is more than 80% of their personal best.",
                       "The peak flow is between 50% and 80% of their personal best.")


def test_reviewer_texts_other_fixes():
    # A table row labelled by a number keeps its unit from the header; a question header is answered.
    prenatal = _text(_plain("prenatal_care.md"))
    assert "Weeks of pregnancy 4 to 28: every 4 weeks" in prenatal
    # "if someone who has mixed alcohol and a sedative cannot be woken up, ...": no "if someone who:" list.
    alcohol = _plain("alcohol_anxiety_web.txt")
    assert "someone who:" not in _text(alcohol)
    assert "What about other anxiety medicines?" in [s.heading for s in alcohol.handout.sections]
    # "..., which sit on top of the kidneys, and it helps ...": "it" is cortisol, so no split there.
    ashwagandha = _text(_plain("ashwagandha_seo.txt"))
    assert "These glands sit on top of the kidneys" not in ashwagandha
    # "should be monitored" is "should be watched": nothing added ("closely").
    assert "watched closely" not in _text(_plain("naloxone.txt"))


# --- third review round ---

def test_prep_sheet_keeps_how_hiv_spreads_and_says_an_hiv_test():
    r = _plain("hiv_prep.txt")
    assert r.violations == []
    text = _text(r)
    assert "who could get HIV through vaginal sex" in text and "This could work through" not in text
    assert "to lower their chance of getting HIV through sex or injection drug use" in text
    assert "an HIV test" in text and "a HIV" not in text
    assert "Taking PrEP alone may lead to drug resistance." in text  # not "It may lead ..."
    assert r.handout.meta.title == "HIV PrEP: What You Need to Know"  # the first line names it


def test_child_dose_sheet_keeps_every_sign_and_no_ambiguous_limit_in_key_points():
    r = _plain("child_doses.txt")
    assert r.violations == []
    text = _text(r)
    assert "a stiff neck, or trouble breathing" in text  # a list rule once dropped these two signs
    assert "Do not give more than 4 doses in 24 hours." not in [k.text for k in r.handout.key_points]
    assert "ibuprofen at 11 a.m.)." in text  # the sentence ends after the aside


def test_migraine_faq_keeps_triggers_and_its_questions_as_headings():
    r = _plain("migraine_faq.txt")
    assert r.violations == []
    text = _text(r)
    assert "Common triggers include" in text and "no clear triggers" in text  # a trigger is not a cause
    headings = [s.heading for s in r.handout.sections]
    assert "When should I seek emergency care?" in headings and not any(h.startswith("Q:") for h in headings)
    assert r.handout.meta.title == "Migraine FAQ"
    assert "(medication overuse headache)" in text


def test_alcohol_use_disorder_page_uses_its_key_takeaways_line():
    r = _plain("alcohol_use_disorder.md")
    assert [k.text for k in r.handout.key_points][1] == "Naltrexone must not be used if you take opioids."


def test_kava_article_keeps_quotes_whole_and_names_what_is_unsafe():
    r = _plain("kava_seo.txt")
    text = _text(r)
    assert '"I felt calmer after a week, but my doctor made me stop' in text
    assert "Kava is not safe for everyone." in text  # not "It is not safe" after a merged sentence
    assert "does not replace therapy" in text  # talk therapy is not any "treatment"


def test_stroke_leaflet_keeps_its_mnemonic_and_sensible_key_points():
    r = _plain("stroke_signs.txt")
    assert r.violations == []
    assert "Use the letters in BE FAST to remember" in _text(r)
    for k in r.handout.key_points:
        assert not k.text.endswith((":", "this."))


def test_lithium_page_keeps_monitored_and_the_pregnancy_condition():
    r = _plain("lithium.md")
    text = _text(r)
    assert "unless your baby's blood can be monitored" in text
    assert "have vomiting or loose stools" in text  # "may are throwing up" was the swap's grammar
    assert "Talk to your doctor, who may change your dose" not in " ".join(k.text for k in r.handout.key_points)
    relapse = next(t for t in r.handout.words_to_know if t.word == "relapse")
    assert "drug" not in relapse.definition  # here a relapse is a mood episode coming back


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".md")))
def test_every_test_text_is_rewritten_without_a_crash_or_a_guard_violation(name):
    r = _plain(name)
    assert r.violations == [], name
    assert all(s.text.strip() for s in r.handout.sentences)


# --- fourth review round ---

def test_antibiotic_leaflet_keeps_its_allergy_signs_and_dose_whole():
    r = _plain("antibiotic_course.txt")
    text = _text(r)
    # "swelling of the face, lips, or tongue" is one sign: bullets "lips" / "or tongue" lost "swelling of".
    assert "if you notice swelling of the face, lips, or tongue, trouble breathing, or hives that spread quickly." in text
    # A term a statistic counts keeps its word: "1 in 10 people" get diarrhea, a medical measure.
    assert "Diarrhea affects roughly 1 in 10 people" in text
    assert "which is a penicillin-type antibiotic, to be taken three times a day" in text


def test_dementia_tips_keep_lists_whole_and_pronouns_agreeing():
    r = _plain("dementia_caregiver.txt")
    text = _text(r)
    assert "Respite care is available through adult day centers, in-home aides, and some nursing homes." in text
    assert "Remove loose rugs, clutter, and electrical cords from walkways, install grab bars in the bathroom, and keep" in text
    assert "The tips below were developed with input from family caregivers." in text and "It were" not in text
    assert "Donepezil is usually started at 5 mg once a day at bedtime." in text
    assert "It may be raised to 10 mg after 4 to 6 weeks." in text  # not "may be more to 10 mg"


def test_sexual_health_leaflet_keeps_a_list_with_lists_inside_whole():
    text = _text(_plain("chlamydia_gonorrhea.txt"))
    assert "They also include and" not in text
    assert "unusual discharge from the penis, vagina, or anus, and, in women, bleeding between periods or after sex." in text


# --- fifth review round ---

def test_colonoscopy_sheet_keeps_the_nurse_number_and_its_not_only_sentence():
    r = _plain("colonoscopy_prep.txt")
    text = _text(r)
    assert "555-0142" in text and "555 to 0142" not in text
    assert "It do not" not in text
    assert "Not only will you have frequent, watery stools, but you may also" in text


def test_poison_sheet_keeps_the_texting_instruction_an_instruction():
    text = _text(_plain("poison_prevention.txt"))
    assert "This is free, confidential and open 24 hours a day, or text" not in text


def test_postpartum_page_keeps_its_title_quotes_and_whole_takeaways():
    r = _plain("postpartum_depression.md")
    assert r.handout.meta.title.endswith('"Baby Blues"')
    assert "PPD does not." not in [k.text for k in r.handout.key_points]
    text = _text(r)
    assert "These signs may be more obvious to you than to her, and go with her" not in text
    assert "more strong" not in text


def test_news_article_drops_its_byline_and_names_the_drug_in_its_aside():
    r = _plain("weight_loss_news.txt")
    assert not any("Karen Mills" in s.heading for s in r.handout.sections)
    assert "The weekly injection of semaglutide is sold under the brand name Wegovy." in _text(r)
    assert not any("another" in k.text for k in r.handout.key_points)


def test_methadone_orientation_key_points_are_no_greetings():
    r = _plain("methadone_orientation.txt")
    assert not any(k.text.startswith("Welcome") for k in r.handout.key_points)
    assert "Methadone is a long-acting opioid agonist." in _text(r)


# --- sixth review round ---

def test_hard_wrapped_steps_and_broken_words_are_joined():
    r = _plain("insulin_wrapped.txt")
    text = _text(r)
    assert "Insulin lowers the sugar in your blood." in text and "Insu- lin" not in text
    steps = next(b for sec in r.handout.sections for b in sec.blocks if b.kind == "numbered")
    assert steps.sentences[0].text == "Wash your hands and check the label to make sure you have the right insulin."
    assert len([b for sec in r.handout.sections for b in sec.blocks if b.kind == "numbered"]) == 1
    assert not any(s.heading.startswith("Put the needle") for s in r.handout.sections)  # step 5 is no heading
    assert "below 70 mg/dL" in text
    # "If you have these signs, eat ..., such as 4 ounces of juice, and check again": the items are actions.
    assert "If you have these signs, eat or drink 15 grams of fast sugar" in text


def test_nested_bullets_stay_with_the_medicine_they_are_about():
    r = _plain("child_pain_doses.md")
    blocks = r.handout.sections[1].blocks
    # Notes under "Ibuprofen (Advil, Motrin)" are set in under it: they stay about ibuprofen.
    at = next(k for k, b in enumerate(blocks) if b.sentences and b.sentences[-1].text.startswith("Ibuprofen (Advil, Motrin)"))
    assert blocks[at + 1].level == 1 and blocks[at + 1].sentences[0].text.startswith("Only for babies 6 months and older")
    assert "Acetaminophen 160 mg/5 mL: 2.5 mL" in _text(r)  # the header's unit keeps its case


def test_consent_form_keeps_its_list_of_risks_whole():
    text = _text(_plain("endoscopy_consent.txt"))
    assert "the following: a sore throat, which happens in up to 40% of patients" in text
    assert "such more steps" not in text


def test_a_but_is_never_merged_away_from_the_claim_it_limits():
    r = _plain("gabapentin_seo.txt")
    text = _text(r)
    assert "could lower the amount of other medicines needed. But the evidence is limited." in text


@pytest.mark.parametrize("text", [
    "2019-2020, such as the amount you eat should be kept about the same from week to week, if is available.",
    "2019-2020, which are the years of the study, showed a drop in use.",
    "(), which is odd, is here.", ";;", "1) 2) 3)", "Call 911, and.", "If, then, and, or."])
def test_odd_sentences_are_rewritten_without_a_crash(text):
    from handouts.plain.rewrite import rewrite_sentence

    pieces, change = rewrite_sentence(Sentence(text, [text], []), "s", lists=True)
    assert change.source == text  # found while fuzzing 15,000 sentences cut and joined from the test texts


# --- seventh review round ---

def test_hepatitis_b_schedule_keeps_its_age_range_and_risk_factors():
    r = _plain("hepatitis_b_vaccine.txt")
    text = _text(r)
    assert "for all adults aged 19 through 59 years." in text and "This works through" not in text
    assert "Risk factors include" in text and "Factors include" not in text
    assert "This is because determined" not in text
    # The source's takeaway box holds "If you miss a dose, ...": the body must still say it too.
    assert "If you miss a dose, you do not need to start over." in text


def test_anxiety_sheet_keeps_its_breathing_steps_and_lists_of_clauses():
    text = _text(_plain("anxiety_self_help.txt"))
    assert "breathe out completely through your mouth for 8 seconds" in text and "This works through" not in text
    assert "2 things you can smell, and 1 thing you can taste." in text
    # A list of clauses is cut at every comma (each clause has its subject), never at its last "and" alone.
    assert "Your heart may beat faster. Your breathing may get shallow. You might feel shaky" in text
    assert "Alcohol can make anxiety worse." not in text  # caffeine and alcohol, both


def test_kratom_taper_text_keeps_current_use_and_its_list_lead():
    r = _plain("kratom_taper_community.txt")
    text = _text(r)
    assert "if you have been using large amounts daily" in text
    assert "withdrawal symptoms such as:" in text
    assert "This works by lowering" not in text  # how members tapered is no claim that it works


def test_heart_failure_check_keeps_the_nsaid_warning_about_all_nsaids():
    text = _text(_plain("heart_failure_check.md"))
    assert "Naproxen can make heart failure worse." not in text
    assert "which can make heart failure worse." in text


def test_key_points_put_actions_first_and_always_one_safety_instruction(tmp_path):
    src = tmp_path / "flu.txt"
    src.write_text("Flu is an illness caused by a virus. It spreads through coughs and sneezes. Most people get "
                   "better in a week. Children and older adults get sicker. The flu shot lowers the risk. Flu season "
                   "peaks in winter. Fever is common in the first days. Some people get body aches.\n\n"
                   "What to do\nDrink plenty of water. Rest at home until the fever is gone. Wash your hands often.\n\n"
                   "When to get help\n- trouble breathing\n- chest pain\n- a fever over 104°F\n\n"
                   "Call 911 if you have trouble breathing.\n", encoding="utf-8")
    points = [k.text for k in plain_language(read_source(src), Config()).handout.key_points]
    assert "Call 911 if you have trouble breathing." in points
    assert sum(t.startswith(("Drink", "Rest", "Wash", "Call")) for t in points) >= 3  # actions outrank descriptions


def test_a_handout_made_only_of_lists_gets_key_points_from_its_steps(tmp_path):
    src = tmp_path / "steps.md"
    src.write_text("# Caring for a cut\n\n## Clean it\n\n1. Wash your hands with soap.\n2. Rinse the cut with clean "
                   "water.\n3. Pat it dry with a clean towel.\n\n## Cover it\n\n- Put on a clean bandage.\n- Change "
                   "the bandage every day.\n- Keep the bandage dry.\n\n## Get help\n\n- Call your doctor if the cut "
                   "gets red or swollen.\n- Call 911 if the bleeding does not stop after 10 minutes of pressure.\n"
                   "- Ask about a tetanus shot.\n- Do not pick at the scab.\n", encoding="utf-8")
    points = [k.text for k in plain_language(read_source(src), Config()).handout.key_points]
    assert 3 <= len(points) <= 5
    assert "Call 911 if the bleeding does not stop after 10 minutes of pressure." in points


def test_a_step_under_a_heading_that_sets_a_condition_is_no_key_point(tmp_path):
    # "Rest and avoid heavy lifting" holds only "if all of these are true": out of its section it is wrong advice.
    src = tmp_path / "triage.md"
    src.write_text("# Chest pain\n\nChest pain has many causes. Some are serious. Heart attacks cause chest pain. So do "
                   "muscle strains. Heartburn can feel like chest pain. Anxiety can cause it too. Your nurse will ask "
                   "questions. Write down when the pain started.\n\n## Self-care at home only if all of these are true\n\n"
                   "- The pain is mild.\n- Rest and avoid heavy lifting for 2 days.\n- Take acetaminophen for pain.\n",
                   encoding="utf-8")
    points = [k.text for k in plain_language(read_source(src), Config()).handout.key_points]
    assert points and not any(p.startswith(("Rest", "Take")) for p in points)


# --- twelve texts written by reviewers who had not seen the rules (issue 13); each case is a class they found ---

@pytest.mark.parametrize("name, wrong", [
    # "This may cause it to stiffen" after "do not place a pillow": this what?
    ("unseen_discharge_knee.txt", "This may cause it to stiffen"),
    # "It works mainly." cut from "It works mainly by reducing ...": a verb without what completed it
    ("unseen_medicine_leaflet_metformin.txt", "It works mainly."),
    # "the doctor has:" over "explained the purpose, ...": a lead-in left on a helping verb
    ("unseen_consent_colonoscopy.txt", "the doctor has:"),
    # "If more than 6 months have passed, ...; simply get the second dose": the "if" holds for both halves
    ("unseen_qa_shingles_vaccine.md", "Simply get the second dose as soon as you can."),
    # "Virus are the same virus ...": a subject cut out of its noun phrase
    ("unseen_qa_shingles_vaccine.md", "Virus are"),
    # "If a person is unconscious ..., do not give anything by mouth; use glucagon ...": the same "if"
    ("unseen_table_insulin.md", "Use glucagon (such as Baqsimi nasal powder or Gvoke) if it is available and call 911."),
    # "This can build up to dangerous levels" after a sentence about the kidneys
    ("unseen_seo_magnesium_sleep.txt", "This can build up"),
    # "This is because the benefit is likely to be smaller" after the wrong half of a "but"
    ("unseen_factsheet_hpv.txt", "This is because the benefit"),
])
def test_unseen_texts_keep_each_class_of_error_the_reviewers_found_away(name, wrong):
    r = _plain(name)
    assert wrong not in _text(r)
    assert r.violations == []


def test_unseen_texts_key_points_have_no_cookie_banner_advert_or_condition_lost():
    detox = [k.text for k in _plain("unseen_seo_opioid_detox.txt").handout.key_points]
    assert not any(w in p for p in detox for w in ("Accept All", "admissions", "insurance"))
    asthma = [k.text for k in _plain("unseen_discharge_pediatric_asthma.txt").handout.key_points]
    assert not any(p.startswith("Give albuterol") for p in asthma)  # a Red Zone step, not advice for every day
    red = next(s for s in _plain("unseen_discharge_pediatric_asthma.txt").handout.sections if "red" in s.heading.lower())
    items = [i[0].text for b in red.blocks if b.kind == "bullets" for i in b.items]
    # an indented "o" line is a sub-bullet, not text; it finishes "... if your child:" and keeps its small letter
    assert "has blue or gray lips or fingernails" in items


@pytest.mark.parametrize("name, wrong", [
    # "..., but only if your prescriber has told you so" cut off: a condition with nothing it limits
    ("unseen_leaflet_prednisone.md", "But only if your prescriber has told you so."),
    # a swap inside a clinic's name
    ("unseen_discharge_pneumonia.txt", "Northgate Lung Clinic"),
])
def test_fresh_unseen_texts_keep_each_class_of_error_away(name, wrong):
    assert wrong not in _text(_plain(name))


def test_fresh_unseen_texts_key_points_are_no_contact_lines_or_leaning_sentences():
    for name in ("unseen_discharge_pneumonia.txt", "unseen_consent_vaccine_qna.md"):
        points = [k.text for k in _plain(name).handout.key_points]
        assert not any(p.startswith(("Call our", "Call 555", "Only then")) for p in points), points


def test_a_key_point_never_leans_on_your_thing_named_just_before(tmp_path):
    from handouts.plain.summary import leaning_back, topic_words

    text = ("# Levodopa and protein\n\nTake levodopa 30 minutes before meals on a fixed dosing schedule.\n\n"
            "Do not change your schedule without talking to your neurologist.\n\n"
            "Never stop your levodopa on your own, even if you feel well.\n\n"
            "Keep to your taper schedule without skipping days.\n")
    (tmp_path / "levodopa.md").write_text(text, encoding="utf-8")
    handout = plain_language(read_source(tmp_path / "levodopa.md"), Config()).handout
    leaning = leaning_back(handout, topic_words(handout.meta.title))
    said = {s.text: id(s) in leaning for s in handout.sentences}
    # "your schedule": which schedule the sentence before said; away from it, the box cannot tell.
    assert said["Do not change your schedule without talking to your neurologist."] is True
    # "your levodopa" names the handout's own medicine (a word of its title), "your own" is no thing, and
    # "your taper schedule" says which: each stands alone.
    assert said["Never stop your levodopa on your own, even if you feel well."] is False
    assert said["Keep to your taper schedule without skipping days."] is False


def test_a_reason_said_first_joins_with_so_and_a_concession_with_but(tmp_path):
    r = _plain_text_of(tmp_path, "Because furosemide may lower your potassium level, you will need a blood test in "
                                 "about one week.\n\nAlthough short car journeys are usually fine, you should avoid "
                                 "flights longer than 4 hours during the first 2 weeks.\n")
    assert _text(r) == ("Furosemide may lower your potassium level. So you will need a blood test in about one week. "
                        "Short car journeys are usually fine. But you should avoid flights longer than 4 hours "
                        "during the first 2 weeks.")
    # Neither half of a "But" pair is a Key point alone: the first is half a point.
    assert "Short car journeys are usually fine." not in [s.text for s in r.handout.key_points]


def test_a_safety_sheet_made_only_of_lists_gets_key_points_from_its_lead_ins_and_items(tmp_path):
    sheet = ("After Your Tooth Extraction\n\nFor the first 24 hours:\n- Bite firmly on the gauze pad for 30 minutes.\n"
             "- Do not rinse your mouth, spit or drink through a straw.\n- Do not smoke for at least 48 hours.\n\n"
             "Pain relief:\n- Take paracetamol or ibuprofen as directed on the packet.\n"
             "- Do not take aspirin, as it can make bleeding worse.\n\n"
             "Call the dental clinic or NHS 111 if:\n- bleeding does not stop after 30 minutes of pressure\n"
             "- you have a fever or swelling that gets worse after 3 days\n")
    points = [s.text for s in _plain_text_of(tmp_path, sheet).handout.key_points]
    # a step said with its time (alone, "do not rinse" would be a rule for ever), a step that says its own time; the
    # call to act said with its signs
    assert "For the first 24 hours, do not rinse your mouth, spit or drink through a straw." in points
    assert "Do not smoke for at least 48 hours." in points
    assert any(p.startswith("Call the dental clinic or NHS 111 if bleeding does not stop after 30 minutes") for p in points)
    assert all(p.endswith(".") for p in points) and 3 <= len(points) <= 5
