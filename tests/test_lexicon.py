"""The plain-language lexicon: enough entries, person-first language, and no swap that loses meaning."""

import pytest

from handouts.language.lexicon import apply_swaps, definitions, find_terms, protected_names, swaps
from handouts.language.meaning_guard import protected


def test_at_least_150_entries_without_duplicates():
    froms = [s.plain_from.lower() for s in swaps()]
    assert len(froms) >= 150
    assert len(froms) == len(set(froms))


def test_person_first_language():
    kinds = {s.plain_from: s for s in swaps()}
    assert kinds["addict"].plain_to == "person with a substance use disorder"
    assert kinds["substance abuse"].plain_to == "substance misuse"  # abuse is not use ("prescription drug use")
    assert sum(s.kind == "person-first" for s in swaps()) >= 20
    assert apply_swaps("Addicts need help.") == "People with a substance use disorder need help."


def test_no_swap_loses_a_hedge_negation_number_or_name():
    for s in swaps():
        lost = protected(s.plain_from).missing_from(protected(s.plain_to))
        assert not lost, f"lexicon line {s.line}: '{s.plain_from}' -> '{s.plain_to}' loses {lost}"


def test_phrases_win_over_their_words_and_capitals_are_kept():
    assert apply_swaps("Difficulty experiencing pleasure") == "Trouble feeling pleasure"
    assert apply_swaps("It is difficult.") == "It is hard."
    assert apply_swaps("A withdrawal-like state") == "A withdrawal-like state"
    assert apply_swaps("This approach helps. An approach helps.") == "This way helps. A way helps."
    assert apply_swaps("This imbalance hurts.") == "This imbalance hurts."  # no "lack of balance": unsteadiness?
    assert apply_swaps("Prescription painkillers, a natural herb.") == "Prescription painkillers, a herb."
    # "prescription drugs" is a kind of drug (often used without a prescription); "prescribed" would say whose.
    assert apply_swaps("Chronic bronchitis is chronic.") == "Chronic bronchitis is long-lasting."
    assert apply_swaps("Many medicines interact with warfarin.") == "Many medicines interact with warfarin."


def test_definitions_are_one_line_and_found_in_order():
    for d in definitions():
        assert d.definition.endswith(".") and "\n" not in d.definition and len(d.definition.split()) <= 25
    found = [d.word for d in find_terms("Dopamine rises when opioids act on receptors.")]
    assert found == ["dopamine", "opioid", "receptor"]


def test_protected_names_include_the_sample_substances():
    assert {"kratom", "opioid", "dopamine", "heroin", "mitragyna speciosa"} <= set(protected_names())


@pytest.mark.parametrize("text", ["High blood pressure, also known as hypertension, is common.",
                                  "Hypertension (high blood pressure) is common.",
                                  "High blood pressure (hypertension) is common."])
def test_a_medical_word_given_beside_its_plain_meaning_stays(text):
    assert apply_swaps(text) == text  # swapping would say "high blood pressure" twice and hide the word


def test_a_medical_word_on_its_own_is_swapped():
    assert apply_swaps("Hypertension is common. It causes nausea, or vomiting.") == \
        "High blood pressure is common. It causes nausea, or throwing up."  # nausea is no upset stomach


def test_a_diagnosis_is_not_swapped_for_a_feeling():
    # "treat depression" is not "treat feeling down", and "anxiety disorders" are not "worry disorders":
    # both words are everyday words, and a wrong simplification is worse than none.
    text = "It is used to treat depression and anxiety disorders."
    assert apply_swaps(text) == text


def test_words_an_abbreviation_spells_out_are_not_swapped():
    from handouts.language.lexicon import apply_swaps

    # "therapy for insomnia (CBT-I)": "treatment for trouble sleeping (CBT-I)" no longer matches its letters.
    assert apply_swaps("Cognitive behavioral therapy for insomnia (CBT-I) helps.") == \
        "Cognitive behavioral therapy for insomnia (CBT-I) helps."
    assert apply_swaps("Try it for insomnia. It helps (CBT).") == "Try it for trouble sleeping. It helps (CBT)."


def test_statistical_words_are_not_swapped_for_size_words():
    from handouts.language.lexicon import apply_swaps

    # "no significant association" is about chance, not size: "no major association" would say a small one exists.
    assert apply_swaps("Others found no significant association.") == "Others found no significant association."
    assert apply_swaps("It is linked to a modestly increased risk.") == "It is linked to a modestly higher risk."


def test_a_term_used_only_in_another_sense_is_not_defined_and_every_row_holds():
    from handouts.language.lexicon import data_rows, find_terms

    rows = [f for _, f in data_rows("other_senses.tsv") if f[0] != "term"]
    assert rows
    for term, _pattern, case in rows:
        assert term not in [d.word for d in find_terms(case)], case
    # The drug sense is still defined, even when the other sense is in the same text.
    said = "Social withdrawal is common. Opioid withdrawal can cause sweating and cramps."
    assert "withdrawal" in [d.word for d in find_terms(said)]
    assert "tolerance" in [d.word for d in find_terms("Tolerance means you need more of the drug.")]
