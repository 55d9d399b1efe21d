"""Readability figures, computed offline from shipped dictionaries."""

import math
import subprocess
import sys

import pytest

from conftest import ROOT
from handouts.language.readability import estimate_syllables, measure, syllables, words_of


@pytest.mark.parametrize("word,count", [
    ("cat", 1), ("water", 2), ("dopamine", 3), ("opioid", 3), ("kratom", 2), ("withdrawal", 3),
    ("antagonist", 4), ("people", 2), ("individuals", 5), ("flu-like", 2), ("kratom’s", 2),
    ("receptors", 3), ("cravings", 2),
])
def test_syllables(word, count):
    assert syllables(word) == count


def test_estimate_for_unknown_words():
    assert estimate_syllables("zorbital") == 3
    assert estimate_syllables("mitragynoid") >= 4


def test_words_keep_numbers_and_drop_punctuation():
    assert words_of("Take 2.5 mg, twice a day!") == ["Take", "2.5", "mg", "twice", "a", "day"]


def test_formulas_match_hand_calculation():
    text = ["The cat sat on the mat.", "Opioid withdrawal is a difficult process."]
    r = measure(text)
    # 12 words, 2 sentences; syllables 6 + (3+3+1+1+3+2) = 19; polysyllables: opioid, withdrawal, difficult.
    assert (r.words, r.sentences, r.syllables, r.polysyllables) == (12, 2, 19, 3)
    assert r.fk_grade == pytest.approx(0.39 * 6 + 11.8 * 19 / 12 - 15.59)
    assert r.smog == pytest.approx(1.0430 * math.sqrt(3 * 30 / 2) + 3.1291)
    assert r.flesch_ease == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 19 / 12)
    assert r.avg_sentence_words == 6 and r.pct_polysyllables == pytest.approx(25.0)
    assert r.long_sentences == 0 and r.longest_sentence == 6


def test_long_sentences_are_counted():
    r = measure(["word " * 21 + "end.", "Short one here."])
    assert r.long_sentences == 1 and r.longest_sentence == 22


def test_works_with_no_network_and_without_nltk():
    """A fresh interpreter with sockets disabled and no NLTK data still measures text."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('no network')\n"
        "socket.socket.connect = refuse\n"
        "import sys; sys.modules['nltk'] = None; sys.modules['textstat'] = None\n"
        "from handouts.language.readability import measure\n"
        "print(round(measure(['Kratom may ease opioid withdrawal.']).fk_grade, 1))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert float(r.stdout) > 0


def test_only_whole_sentences_are_measured():
    # Health-literacy practice: leave out list items that are no sentences and colon lead-ins.
    from handouts.model import Block, Handout, Meta, Section, Sentence
    from handouts.language.readability import complete_sentences, measure_handout

    section = Section("", [Block("paragraph", [[Sentence("Bring these things:")]]),
                           Block("bullets", [[Sentence("your insurance card")], [Sentence("Bring your glasses.")]])])
    handout = Handout(Meta(title="T", slug="t"), [section])
    assert complete_sentences(handout) == ["Bring your glasses."]
    figures = measure_handout(handout)
    assert figures.sentences == 1 and figures.words == 3 and figures.body_words == 9
