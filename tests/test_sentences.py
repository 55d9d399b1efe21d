"""Sentence splitting knows abbreviations and decimal numbers."""

import pytest

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
