"""Split text into sentences: citation numbers glued to words are removed first, then pySBD (a rule-based
segmenter that knows abbreviations such as U.S., e.g. and Dr., and decimal numbers) finds the boundaries."""

import re
from functools import cache, lru_cache

from handouts.language import rx

# Abbreviations whose full stop never ends a sentence here, though pySBD may end one there
# ("Approx. 1 in 3 ...", "Dr. Lee"); lower-cased, without the final dot.
NEVER_FINAL = {"dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "approx", "max", "fig", "cf", "e.g", "i.e", "no",
               "var", "subsp"}  # "Sarcoptes scabiei var. hominis": a variety's name goes on
# A time of day runs on into a day or a month ("9 a.m. to 5 p.m. Monday to Friday").
_TIME_THEN_DATE = re.compile(r"\b[ap]\.m\.$", re.I)
_DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
               "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
               "weekdays", "daily", "every", "on", "to", "through", "and", "or"}

# A citation glued after a word, a closing bracket or a quote: "cancers.3,4 Most", "relief).10,17 Studies",
# "exposure[2]." - a reader cannot follow it and it hides the sentence's end from any segmenter.
_CITATION_AFTER_STOP = re.compile(r"(?<=[a-zA-Z%)\]\"”’])([.;,:])\d{1,3}(?:[,–-]\d{1,3})*(?=\s+[A-Z(\"“]|\s*$)")
# (after a closing quote only: 'a "1,000 mg" capsule' opens its quote on the number)
_CITATION_AFTER_BRACKET = re.compile(r"(?:(?<=[)\]”’])|(?<=\S\"))\d{1,3}(?:[,–-]\d{1,3})*(?=[\s.;,:]|$)")  # not "B12": a name
_BRACKET_CITATION = re.compile(r"\s?\[\d{1,3}(?:[,–-]\s?\d{1,3})*\]"
                               # "... limited.(1) The exact cause": a note's number in brackets glued after a full stop
                               r"|(?<=[.!?])\(\d{1,3}(?:[,–-]\d{1,3})*\)\.?(?=\s|$)")  # (".(3)." a line's end)
# "raspberries and blackberries^5": a caret before the note's number (not "10^9", a power: after a digit)
_CARET_CITATION = re.compile(r"(?<=[A-Za-z.,;:)\]\"”’])\^\d{1,3}(?:[,–-]\d{1,3})*")
# "vegetable trays containing broccoli, cauliflower and carrots3": a list item's last word in lower case with a note's
# number glued on, nothing after it (not "B12", "COVID-19": names)
_CITATION_AT_END = re.compile(r"(?<!covid)(?<!omega)(?<=[a-z]{4})\d{1,2}(?:,\d{1,2})*$")
_SUPERSCRIPT = re.compile(r"⁻?[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:[,–-][¹²³⁴⁵⁶⁷⁸⁹⁰]+)*")
# What a superscript is an exponent after, not a citation: a unit of length ("1.73 m²", "cm²", "kg/m²", "ft³",
# "cells/mm³", "m/s²") or a power of ten ("150 × 10⁹/L", "10⁻³"). Without it "1.73 m²" would read "1.73 m".
_EXPONENT_BEFORE = re.compile(r"(?:(?<![\w'’])(?:[kcdmµμ]?m|ft|yd)|/s|[x×]\s?10)$")
# A citation glued after a year's full stop: "from 2018 to 2020.5 Most women" is "2020." and note 5. Only a year
# (19xx, 20xx) then a capital or the end: "2.5 Most" and "2020.5 mg" are numbers.
_CITATION_AFTER_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)\.\d{1,3}(?:[,–-]\d{1,3})*(?=\s+[A-Z(\"“]|\s*$)")
# Citations in a list glued after any number's full stop: "rises sharply after age 50.1,2" is "age 50." and notes 1
# and 2 (no decimal goes on with ",2").
_CITATIONS_AFTER_NUMBER = re.compile(r"(?<![\d.,])(\d+)\.\d{1,3}(?:,\d{1,3})+(?=\s+[A-Z(\"“]|\s*$)"
                                     # "a CT value of 15,300.5 Call ...": a large number's decimal never ends a
                                     # sentence without its full stop; the digit after it is a note's
                                     r"|(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d{3,})\.\d(?=\s+[A-Z][a-z])"
                                     # "up to 90% of men over 80.1 And if you've searched ...": a sentence that starts
                                     # with "And" after a number; no decimal runs into it without its full stop
                                     r"|(?<![\d.,])(\d+)\.\d{1,2}(?=\s+(?:And|But|So|Yet|However|Still)\b)")


# "... in fewer than 1 in 100.3": a "1 in N" odds has no decimal, so the digit after its stop is a note's
_CITATION_AFTER_ODDS = re.compile(r"(?<=\b1 in )(\d{1,3}(?:,\d{3})+|\d{2,})\.\d{1,2}(?=\s|$)")


def _citation_or_exponent(m: re.Match) -> str:
    """Drop a superscript citation; keep a unit's exponent ("m²") and a power of ten's ("10⁹")."""
    if m.group(0).startswith("⁻") or _EXPONENT_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
        return m.group(0)  # a citation is never negative
    return ""


def without_citations(text: str) -> str:
    """Remove citation numbers glued after a word, bracket, quote or year ("year.1 Most" -> "year. Most",
    "2020.5 Most" -> "2020. Most"), [1]-style markers and superscripts (not a unit's exponent: "m²" stays)."""
    text = _CITATION_AT_END.sub("", _CARET_CITATION.sub("", _BRACKET_CITATION.sub("", text)))
    text = _SUPERSCRIPT.sub(_citation_or_exponent, text)
    text = _CITATION_AFTER_ODDS.sub(r"\1.", text)
    text = _CITATIONS_AFTER_NUMBER.sub(lambda m: f"{m.group(1) or m.group(2) or m.group(3)}.",
                                       _CITATION_AFTER_YEAR.sub(r"\1.", text))
    return _CITATION_AFTER_BRACKET.sub("", _CITATION_AFTER_STOP.sub(r"\1", text))


@cache
def _segmenter():
    """Return pySBD's English segmenter (kept: building it compiles many patterns)."""
    import pysbd  # loaded once, when the first paragraph is split

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[str]:
    """Return the sentences of a paragraph, each stripped, none empty."""
    return list(_split(" ".join(text.split())))


# A paragraph with no sentence-ending mark but at its end holds one sentence, unless it numbers steps inside itself
# ("Choose a) rest b) ice", which pySBD splits at each mark without a full stop) or quotes ("'Yes' Call." is two
# to pySBD).
ONE_SENTENCE = re.compile(r"[^.!?…]*[.!?]?")  # (not "Call.)" or "#3...": pySBD cuts them up)
FOR_THE_SEGMENTER = re.compile(r"(?:^|\s)\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})\)"
                               r"|(?:^|\s)[\"'“”‘’«]|[\"'“”‘’»](?:\s|$)|^[(\[]")  # ("(24 hours) Call." too)


@lru_cache(maxsize=8192)
def _split(text: str) -> tuple[str, ...]:
    """Split one paragraph, once: the rules ask again of every step's output, and pySBD builds a pattern for each
    abbreviation it meets, which costs more than the parse."""
    text = " ".join(without_citations(text).split())
    if not text:
        return ()
    if ONE_SENTENCE.fullmatch(text) and not FOR_THE_SEGMENTER.search(text):
        return (text,)  # most lines of a handout: pySBD would find the same one sentence, at many times the cost
    sentences: list[str] = []
    # The processor's sentences, not segment()'s: segment() then finds each sentence again in the text with a pattern
    # built for it (to give its spans), a compile per sentence for nothing, as the pieces are stripped here anyway
    pieces = [q for p in _segmenter().processor(text).process() for q in _LETTER_THEN_SENTENCE.split(p.strip())]
    for piece in (p.strip() for p in pieces):
        if piece and sentences and _runs_on(sentences[-1], piece):
            sentences[-1] = f"{sentences[-1]}{'' if rx.fullmatch(_CLOSING, piece) else ' '}{piece}"
        elif piece:
            sentences.append(piece)
    return tuple(sentences)


# A capital letter ending a sentence after an everyday word ("... and vitamin D. It is thought ..."), which pySBD
# takes for a name's initial; an initial is followed by a name ("John D. Rockefeller"), not by "It" or "The".
_LETTER_THEN_SENTENCE = re.compile(r"(?<=[a-z][a-z] [A-Z]\.)\s+(?=(?:It|Its|This|These|They|Their|The|There|We|You|"
                                   r"Your|He|She|A|An|In|If|When|Most|Some|Many|But|And|So|For|Our)\b)")


_CLOSING = r"[\])}\"'”’]+"  # what closes a sentence's bracket or quote after its stop


def _runs_on(before: str, after: str) -> bool:
    """Tell whether a break pySBD made after `before` is no sentence end (an abbreviation, or "a.m." before a day)."""
    if rx.match(r"\d{1,2}\)\s", after) and rx.search(r"(?:[:,]|\band|\bor)$", before):
        return True  # steps numbered inside a sentence ("follow these steps: 1) wash ..., 2) dry ...")
    if rx.match(r"[a-zA-Zµ]{1,3}\)", after) and rx.search(r"(?:^|[\s(/])[\d.,]+$", before) and before.count("(") > before.count(")"):
        return True  # "2 tablets (1 g)", "(max 4 doses / 24 h)": a unit closing its bracket, which pySBD took for an item's "g)"
    if rx.fullmatch(_CLOSING, after):
        return True  # "... our honest reviews!]": the bracket or quote that closes it, no sentence of its own
    if rx.fullmatch(r"\(?[a-zA-Z][.)]", before):
        return True  # a list item's letter ("e. Braces, a retainer ..."), no sentence of its own
    last = before.rsplit(None, 1)[-1].lower().lstrip("(\"“'")
    if last.endswith(".") and last[:-1] in NEVER_FINAL:
        return not (last == "no." and not after[:1].isdigit())  # "No." ends a sentence unless a number follows
    first = after.split()[0]
    # "... at ______ a.m. / p.m. with Dr. ____": a word in lower case after the time goes on with its sentence
    return bool(_TIME_THEN_DATE.search(before)) and (first.lower().strip(",.") in _DATE_WORDS or first[:1].islower()
                                                     or first == "/")
