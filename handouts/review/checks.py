"""Check the reviewer's own text like the rules' text: reading grade per sentence and the meaning guard.

The person is the authority: a finding is a warning (in the build and on the review screen), never a veto.
"""

from __future__ import annotations

from handouts.language.meaning_guard import protected
from handouts.language.readability import measure, words_of
from handouts.plain.rules.cleanup import claim_text
from handouts.review.entries import REMOVED, sentences_of


def check_text(source: str, text: str, max_words: int, max_grade: float, body: str = "") -> list[str]:
    """Return what a reviewer should hear about their text for one source sentence, in plain words."""
    if text.strip() == REMOVED:
        lost = protected(claim_text(source)).missing_from(protected(body)) if body else []
        return [f"removing it drops {_said(lost)}, which the handout says nowhere else"] if lost else []
    found = []
    lost = protected(claim_text(source)).missing_from(protected(text))
    if lost:
        found.append(f"your text drops {_said(lost)}")
    for s in sentences_of(text):
        n = len(words_of(s.text))
        if n > max_words:
            found.append(f'"{_short(s.text)}" has {n} words (the target is at most {max_words})')
        elif n >= 8 and (grade := measure([s.text]).fk_grade) > max_grade + 2:
            found.append(f'"{_short(s.text)}" reads at grade {grade:.0f} (the target is {max_grade:g})')
    return found


def sentence_grades(text: str) -> list[dict]:
    """Return each sentence of a text with its word count and reading grade, for the review screen."""
    out = []
    for s in sentences_of(text):
        figures = measure([s.text])
        out.append({"text": s.text, "words": len(words_of(s.text)), "grade": round(figures.fk_grade, 1)})
    return out


def _said(lost: list[str]) -> str:
    """Say what was lost the way a reviewer reads it: "'not'", "the number '20 second'"."""
    words = []
    for item in lost:
        if item.startswith("negation"):
            words.append("'not' (a negation)")
        else:
            words.append(item.replace("hedge ", "the hedge ").replace("number ", "the number ")
                         .replace("name ", "the name ").replace("quoted words ", "the quoted words "))
    return ", ".join(words)


def _short(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1].rsplit(" ", 1)[0] + "…"
