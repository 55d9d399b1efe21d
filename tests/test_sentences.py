"""Sentence splitting knows abbreviations and decimal numbers."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handouts.language import sentences
from handouts.language.sentences import split_sentences

CASES = [
    ("Take 2.5 mg. Then rest.", ["Take 2.5 mg.", "Then rest."]),
    ("Dr. Lee will see you. Bring your card.", ["Dr. Lee will see you.", "Bring your card."]),
    ("Eat fruit, e.g. apples. Drink water.", ["Eat fruit, e.g. apples.", "Drink water."]),
    ("In the U.S. many people use it. Some do not.", ["In the U.S. many people use it.", "Some do not."]),
    ("It costs $3.50 a day! Is that a lot? Yes.", ["It costs $3.50 a day!", "Is that a lot?", "Yes."]),
    ("He said “stop.” Then he left.", ["He said “stop.”", "Then he left."]),
    ("Bring pens, paper, etc. to class.", ["Bring pens, paper, etc. to class."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


# Lines with no full stop inside, built from what handouts hold: words, numbers, brackets, marks, lists in brackets.
_PIECES = st.sampled_from(["Call", "us", "the", "nurse", "at", "555-0100", "(24 hours)", ":", ";", ",", "—", "-", "•",
                           "1)", "2)", "a)", "b)", "(i)", "ii)", "iv)", "x)", "10)", "(", ")", "if", "you", "feel",
                           "worse", "mg/kg", "'quoted'", "“quoted”", "e-mail", "A)", "Step", "Q)", "@", "#3", "50%",
                           "don't", "child's", '"', "'", "I", "Dr", "U", "S", "vs", "No", "St", "e", "g", "am", "pm",
                           "3", "12", "Mon", "Jan", "&", "/", "=", "+", "[1]", "**", "_", "$5", "°C", "é"])
_ENDS = st.sampled_from(["", ".", "!", "?", "...", ".)", ".”", "?!", "…"])


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(_PIECES, min_size=1, max_size=14), _ENDS)
def test_a_line_taken_for_one_sentence_is_what_pysbd_finds(words, end):
    """The short cut past pySBD (a line with no sentence end inside) gives what pySBD itself gives."""
    text = " ".join(words) + end
    if not sentences.ONE_SENTENCE.fullmatch(text) or sentences.FOR_THE_SEGMENTER.search(text):
        return  # pySBD reads this one
    pieces = [p.strip() for p in sentences._segmenter().processor(text).process() if p.strip()]
    assert pieces == [text]
