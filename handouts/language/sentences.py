"""Split text into sentences, knowing abbreviations (Dr., e.g., U.S.) and decimal numbers."""

import re

# Abbreviations whose full stop does not end a sentence (lower-cased, without the final dot).
# Units (mg, ml) are written without a dot, so a dot after them ends the sentence.
ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "etc", "approx", "no",
    "e.g", "i.e", "u.s", "u.k", "a.m", "p.m", "fig", "inc", "ltd", "dept", "approx", "cf", "al",
}
# "etc." often does end a sentence; it only continues when a lower-case word follows.
_ENDS_IF_CAPITAL_FOLLOWS = {"etc", "no", "u.s", "u.k", "a.m", "p.m"}

_CANDIDATE = re.compile(r"([.!?]+)([\"”’')\]]*)(\s+)")


def split_sentences(text: str) -> list[str]:
    """Return the sentences of a paragraph, each stripped, none empty."""
    text = " ".join(text.split())
    sentences, start = [], 0
    for m in _CANDIDATE.finditer(text):
        end = m.end(2)
        if m.group(1) == "." and not _ends_here(text, m.start(1), m.end()):
            continue
        sentences.append(text[start:end].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


def _ends_here(text: str, dot: int, next_start: int) -> bool:
    """Decide whether the full stop at `dot` ends a sentence."""
    word = re.search(r"(\S+)$", text[:dot])
    token = word.group(1).lower().lstrip("(\"“'") if word else ""
    following = text[next_start:next_start + 1]
    if token in ABBREVIATIONS:
        return token in _ENDS_IF_CAPITAL_FOLLOWS and following.isupper()
    # Single initials ("J. Smith") and dotted acronyms ("U.S.A.") do not end a sentence
    # unless a capitalised word that starts a new sentence is clearly there.
    if re.fullmatch(r"[a-z]", token) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        return False
    return not following.islower() and not following.isdigit()
