"""Speech normalisation: each rule with input/expected cases, then the whole chain and the lexicon."""

import pytest

from handouts.errors import ConfigError
from handouts.audio.speech_text import (abbreviations, fractions, load_lexicon, percentages, phone_numbers,
                                  ranges, spoken_form, times, units)


@pytest.mark.parametrize("written, spoken", [
    ("Rest for 2–3 days.", "Rest for 2 to 3 days."),
    ("Take 1-2 tablets.", "Take 1 to 2 tablets."),
    ("It lasts 5 — 10 minutes.", "It lasts 5 to 10 minutes."),
    ("About 10–20% of people.", "About 10 to 20% of people."),
    ("Use 0.5-1.5 ml.", "Use 0.5 to 1.5 ml."),
    ("a well-known drug", "a well-known drug"),
])
def test_ranges(written, spoken):
    assert ranges(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Take 5 mg.", "Take 5 milligrams."),
    ("Take 1 mg.", "Take 1 milligram."),
    ("Take 250mg twice.", "Take 250 milligrams twice."),
    ("Drink 500 mL of water.", "Drink 500 milliliters of water."),
    ("Below 140 mmHg.", "Below 140 millimeters of mercury."),
    ("A fever over 100.4 °F.", "A fever over 100.4 degrees Fahrenheit."),
    ("Use it 3x a day.", "Use it 3 times a day."),
    ("Wait 2 to 4 h.", "Wait 2 to 4 hours."),
    ("Vitamin D 1000 IU.", "Vitamin D 1000 international units."),
    ("I am 5 g or a gram.", "I am 5 grams or a gram."),
    ("The mg in words stays mg.", "The mg in words stays mg."),
])
def test_units(written, spoken):
    assert units(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Ask Dr. Lee.", "Ask Doctor Lee."),
    ("Fruit, e.g. apples.", "Fruit, for example apples."),
    ("Rest, i.e. sleep.", "Rest, that is sleep."),
    ("Nausea, cramps, etc.", "Nausea, cramps, and so on."),
    ("Most U.S. adults.", "Most U S adults."),
    ("Call room No. 5.", "Call room number 5."),
    ("Say No. Then leave.", "Say No. Then leave."),
    ("Salt & pepper.", "Salt and pepper."),
])
def test_abbreviations(written, spoken):
    assert abbreviations(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("About 50% of people.", "About 50 percent of people."),
    ("Only 2.5 % did.", "Only 2.5 percent did."),
])
def test_percentages(written, spoken):
    assert percentages(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Call 1-800-662-4357 now.", "Call one, eight zero zero, six six two, four three five seven now."),
    ("Call 555-123-4567.", "Call five five five, one two three, four five six seven."),
    ("Call (555) 123-4567.", "Call five five five, one two three, four five six seven."),
    ("Dial 555.123.4567 today.", "Dial five five five, one two three, four five six seven today."),
    ("Take 2-3 doses.", "Take 2-3 doses."),
])
def test_phone_numbers(written, spoken):
    assert phone_numbers(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Open at 9:30 a.m. daily.", "Open at 9 30 A M daily."),
    ("Come at 2:05 PM.", "Come at 2 oh 5 P M."),
    ("By 10:00.", "By 10 o'clock."),
    ("At 9:00 pm.", "At 9 P M."),
    ("At 9:00 p.m. sharp.", "At 9 P M sharp."),
    ("At 14:45.", "At 14 45."),
])
def test_times(written, spoken):
    assert times(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Take 1/2 tablet.", "Take one half tablet."),
    ("Eat 3/4 of it.", "Eat three quarters of it."),
    ("About 2/5 of adults.", "About 2 fifths of adults."),
    ("Blood pressure 120/80.", "Blood pressure 120 over 80."),
    ("Help 24/7.", "Help all day, every day."),
    ("Take 1½ cups.", "Take 1 and one half cups."),
    ("On 3/14/2025 we met.", "On 3/14/2025 we met."),
])
def test_fractions(written, spoken):
    assert fractions(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Take 5–10 mg/day with food.", "Take 5 to 10 milligrams a day with food."),
    ("Call 1-800-662-4357, 24/7.", "Call one, eight zero zero, six six two, four three five seven, all day, every day."),
    ("Dr. Lee says 1–2% of U.S. adults.", "Doctor Lee says 1 to 2 percent of U S adults."),
    ("Open 9am–5pm.", "Open 9 A M to 5 P M."),
    ("Rest ~3 days; if >38 °C call.", "Rest about 3 days; if more than 38 degrees Celsius call."),
    ("Adults 65+ need it.", "Adults 65 or more need it."),
])
def test_whole_chain(written, spoken):
    assert spoken_form(written) == spoken


def test_lexicon_is_read_from_the_project_and_applied_first(tmp_path):
    (tmp_path / "pronunciations.toml").write_text(
        '# How to say words the voice gets wrong\n[words]\nkratom = "KRAY-tom"\nSAMHSA = "SAM-sah"\n',
        encoding="utf-8")
    lexicon = load_lexicon(tmp_path)
    # Respellings are lower-cased, because the voice spells out capitals ("SAM" -> "S A M").
    assert spoken_form("Kratom and SAMHSA, not kratoms.", lexicon) == "kray-tom and sam-sah, not kratoms."
    assert lexicon.version != load_lexicon(tmp_path / "nowhere").version


def test_lexicon_mistake_names_file_line_and_fix(tmp_path):
    (tmp_path / "pronunciations.toml").write_text("[words]\nkratom = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_lexicon(tmp_path)
    message = str(e.value)
    assert "pronunciations.toml, line 2" in message and 'kratom = "how to say it"' in message


def test_a_form_s_boxes_are_a_pause_not_brackets():
    from handouts.audio.speech_text import spoken_form

    assert spoken_form("Eye to be operated on: [ ] Right eye [ ] Left eye") == "Eye to be operated on: Right eye, Left eye"
    assert spoken_form("[ ] I understand that I may need glasses.") == "I understand that I may need glasses."
    assert spoken_form("[x] Right eye") == "ticked: Right eye"
