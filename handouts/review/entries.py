"""What the reviewer's copy holds: one entry for everything a handout prints or speaks, in reading order.

An entry's msgid is the source text; its msgstr is what the handout says instead. The title, each
heading, each source sentence or list item, each Key point and each Words-to-know definition is one
entry. msgctxt only tells identical texts apart ("2" for the second "Rest."), with "key point" and
"words to know" for the two boxes, so moving a paragraph or renaming a heading never loses an approval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handouts.language.sentences import split_sentences
from handouts.model import BULLET, STEP, TEXT, Sentence
from handouts.read.furniture import is_furniture

REMOVED = "(removed)"  # a reviewer writes this as the text to leave a sentence out of the handout
KEY_POINT, WORDS = "key point", "words to know"  # the msgctxt of the two boxes' entries
_BULLET_LINE = re.compile(r"^[•\-*]\s+(.*)$")
_STEP_LINE = re.compile(r"^\d{1,2}[.)]\s+(.*)$")


@dataclass
class Wanted:
    """One entry the handout needs: what to look for in the file, and the rules' suggestion for a new one."""

    kind: str  # "title", "heading", "sentence", "key point" or "word"
    msgid: str
    suggestion: str
    notes: list[str] = field(default_factory=list)  # the entry's extracted comments: section, rules, flags
    context: str | None = None  # before numbering: None, KEY_POINT or WORDS
    origin: int = -1  # the source sentence's place in reading order (sentences and key points)
    msgctxt: str | None = None  # after numbering

    @property
    def key(self) -> tuple[str | None, str]:
        return self.msgctxt, self.msgid


def wanted_entries(plain) -> list[Wanted]:
    """Return the entries a plain-language result (plain/rewrite.py PlainResult) needs, in the order the
    handout prints them: title, Key points, body, words."""
    handout, changes = plain.handout, plain.changes
    by_origin: dict[int, list[Sentence]] = {}
    for s in handout.sentences:
        by_origin.setdefault(s.origin, []).append(s)
    plain_heading = {sec.source_heading: sec.heading for sec in handout.sections if sec.source_heading is not None}
    out = [Wanted("title", handout.meta.title, handout.meta.title, ["the title"])]
    for point in handout.key_points:
        source = changes[point.origin].source if 0 <= point.origin < len(changes) else point.text
        out.append(Wanted(KEY_POINT, source, point.text, ["a Key point (the box at the top)"], KEY_POINT, point.origin))
    section = None
    for origin, change in enumerate(changes):
        if change.section != section:
            section = change.section
            if section and not is_furniture(section):
                out.append(Wanted("heading", section, plain_heading.get(section, section), ["a heading"]))
        pieces = by_origin.get(origin, [])
        out.append(Wanted("sentence", change.source, as_text(pieces) or REMOVED,
                          _notes(change, origin, handout, bool(pieces)), origin=origin))
    for term in handout.words_to_know:
        out.append(Wanted("word", term.word, term.definition, ["Words to know: the definition printed for this word"],
                          WORDS))
    return numbered(out)


def numbered(entries: list[Wanted]) -> list[Wanted]:
    """Give each repeat of the same text its occurrence number as msgctxt ("2", "key point 2")."""
    seen: dict[tuple[str | None, str], int] = {}
    for w in entries:
        n = seen[(w.context, w.msgid)] = seen.get((w.context, w.msgid), 0) + 1
        w.msgctxt = w.context if n == 1 else f"{w.context} {n}" if w.context else str(n)
    return entries


def _notes(change, origin: int, handout, printed: bool) -> list[str]:
    """Return what the reviewer should know about one source sentence: where it is and what the rules did."""
    notes = [f"section: {change.section or 'introduction'}"]
    if change.rules:
        notes.append("rules: " + ", ".join(change.rules))
    notes += [f"kept: {k}" for k in change.kept]
    notes += [f"long: {l['words']} words, no safe split: {l['clauses']}" for l in change.long]
    if change.merged_into and not printed:
        notes.append(f'merged: what it says is said by "{change.merged_into}"')
    elif change.removed_by and not printed:
        notes.append(f"removed by the rule {change.removed_by}")
    elif not printed and any(p.origin == origin for p in handout.key_points):
        notes.append("printed in the Key points box")
    notes += [f"dropped by {d['rule']}: \"{d['text']}\"" for d in change.dropped]
    return notes


def as_text(sentences: list[Sentence]) -> str:
    """Write sentences as one entry's text: running text on a line, each list item on its own line."""
    lines: list[str] = []
    step = 0
    for s in sentences:
        if s.role == BULLET:
            lines.append(f"• {s.text}")
        elif s.role == STEP:
            step += 1
            lines.append(f"{step}. {s.text}")
        elif lines and not _BULLET_LINE.match(lines[-1]) and not _STEP_LINE.match(lines[-1]):
            lines[-1] += " " + s.text
        else:
            lines.append(s.text)
    return "\n".join(lines)


def sentences_of(text: str, origin: int = -1) -> list[Sentence]:
    """Read an entry's text back as sentences ("• " and "1. " lines are list items); (removed) or nothing is none."""
    out: list[Sentence] = []
    if text.strip() == REMOVED:
        return out
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        bullet, step = _BULLET_LINE.match(line), _STEP_LINE.match(line)
        if bullet or step:
            item = (bullet or step).group(1).strip()
            out.append(Sentence(item, sources=[], rules=["reviewer"], role=BULLET if bullet else STEP, origin=origin))
        else:
            out += [Sentence(s, sources=[], rules=["reviewer"], role=TEXT, origin=origin) for s in split_sentences(line)]
    return out
