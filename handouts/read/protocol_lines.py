"""A triage protocol's lines: its coded questions ("A1. ...? [Y] [N]"), their answer boxes and lists set in pairs."""

from __future__ import annotations

import re

from handouts.language import rx

# "A1. Is the caller difficult to wake ...", "B2. Fever 100.4 F ... AND any of:": a question by its section's letter
# and number (the protocol names them elsewhere: "Notify ... if B2 or B4").
_CODED = re.compile(r"^(\s*)([A-Z]\d{1,2}[.)])\s+(\S.*)$")
# The staff's answer boxes after a question: "[Y]  [N]", "[ ] Yes  [ ] No", "Y / N".
_ANSWER_BOXES = re.compile(r"\s*(?:\[\s*[YN]\s*\]\s*\[\s*[YN]\s*\]|\[\s*\]\s*Yes\s+\[\s*\]\s*No|\bY\s*/\s*N)\s*$")
# "      - diabetes          - on chemotherapy or steroid tablets": two items of a list set side by side.
_BULLET_PAIR = re.compile(r"^(\s*)([-*•])\s+(\S.*?\S)\s{3,}[-*•]\s+(\S.*)$")


def coded_questions(lines: list[str]) -> list[str]:
    """Read a protocol's coded questions as a list, each keeping its code: "A1. Is the caller ...? [Y] [N]" becomes
    "- A1: Is the caller ...?" (its wrapped lines, set in, follow it). Read as text, the questions of a section ran
    into one paragraph, and a short one became the heading of those after it. Only where two or more are coded and
    answered by boxes (a Q&A page's "Q1. ..." and a consent form's "A1. The intended benefits" are headings)."""
    if sum(bool(_CODED.match(x)) for x in lines) < 2 or sum(bool(_ANSWER_BOXES.search(x)) for x in lines) < 2:
        return lines
    out, noted = [], False
    for line in lines:
        m = _CODED.match(line)
        if m:
            # ("C6: Puncture wound ...": the code said as a label, no sentence of its own as "C6." would be)
            line = f"{m.group(1)}- {m.group(2)[:-1]}: {m.group(3)}"
        elif note := rx.match(r"(\s*)>>\s+(\S.*)$", line):
            # " >> Disposition: ED now. Do not drive ...": what to do after a section's questions, a paragraph under
            # them (as an item, a list of one apart from the questions); its wrapped lines set flush with it
            line = f"{note.group(1)}{note.group(2)}"
        elif noted and line.strip():
            line = line.strip()
        noted = bool(note) or noted and bool(line.strip()) if not m else False
        out.append(line)
    return bullet_pairs_joined(answer_boxes_off(out))


def answer_boxes_off(lines: list[str]) -> list[str]:
    """Drop the staff's answer boxes at a question's end ("...shaking chills?   [Y] [N]"): the reader is told the
    question, not shown boxes (and a set-in line after a box pair is no word of it)."""
    return [_ANSWER_BOXES.sub("", x) if _ANSWER_BOXES.search(x) and rx.search(r"\S", _ANSWER_BOXES.sub("", x)) else x
            for x in lines]


def bullet_pairs_joined(lines: list[str]) -> list[str]:
    """Say two items set side by side on one line ("- diabetes     - on chemotherapy or steroid tablets") as two
    parts of one item ("- diabetes; on chemotherapy or steroid tablets"): read as one, the second item's dash made
    them one condition ("diabetes - on chemotherapy"). (In a protocol's questions only: elsewhere two columns side by
    side may be what to do and what not to.)"""
    return [f"{m.group(1)}{m.group(2)} {m.group(3)}; {m.group(4)}" if (m := _BULLET_PAIR.match(x)) else x for x in lines]
