"""Put the reviewer's text into the handout: each entry whose text differs from the rules' suggestion replaces it.

An approved or edited entry is used as it is, with no rule run on it; a suggestion nobody touched is
the rules' own output, so a handout with a fresh reviewer copy is exactly what the rules made.
"""

from __future__ import annotations

import copy
import dataclasses

from handouts.model import Block, Handout, Sentence, Term, with_lists
from handouts.review.entries import KEY_POINT, Wanted, sentences_of


def apply_entries(plain, wanted: list[Wanted], entries: list) -> tuple[object, list[tuple]]:
    """Return the plain result with the people's text in it, and the (wanted, entry) pairs that changed anything."""
    changed = [(w, e) for w, e in zip(wanted, entries) if e.msgstr.strip() and e.msgstr != w.suggestion]
    if not changed:
        return plain, []
    handout = copy.deepcopy(plain.handout)
    body = {w.origin: sentences_of(e.msgstr, w.origin) for w, e in changed if w.kind == "sentence"}
    points = {(w.msgctxt, w.origin): e.msgstr for w, e in changed if w.kind == KEY_POINT}
    for w, e in changed:
        if w.kind == "title":
            handout.meta.title = " ".join(e.msgstr.split())
        elif w.kind == "heading":
            for sec in handout.sections:
                if sec.source_heading == w.msgid:
                    sec.heading = " ".join(e.msgstr.split())
    if body:
        _replace_sentences(handout, body)
    if points:
        _replace_key_points(handout, wanted, points)
    words = {w.msgid: e.msgstr for w, e in changed if w.kind == "word"}
    if words:
        handout.words_to_know = [Term(t.word, " ".join(words.get(t.word, t.definition).split()))
                                 for t in handout.words_to_know if sentences_of(words.get(t.word, t.definition))]
    return dataclasses.replace(plain, handout=handout), changed


def _replace_sentences(handout: Handout, body: dict[int, list[Sentence]]) -> None:
    """Replace each overridden source sentence's plain sentences with the reviewer's, where the first of them stood.

    A sentence the rules had merged away or removed, that the reviewer brings back, goes after the
    nearest source sentence before it that the handout still has.
    """
    last = {s.origin: s for s in handout.sentences}  # each source sentence's last plain sentence
    present = set(last)
    placed_after: dict[int | None, list[int]] = {}
    for origin in sorted(o for o in body if o not in present):
        anchor = max((o for o in present if o < origin), default=None)
        placed_after.setdefault(anchor, []).append(origin)
    done: set[int] = set()
    first_item = True
    for sec in handout.sections:
        for blk in sec.blocks:
            for i, item in enumerate(blk.items):
                new: list[Sentence] = []
                if first_item:
                    new += [p for o in placed_after.get(None, []) for p in body[o]]  # before everything else
                    first_item = False
                for s in item:
                    if s.origin in body:
                        if s.origin not in done:
                            done.add(s.origin)
                            new += body[s.origin]
                    else:
                        new.append(s)
                    if last.get(s.origin) is s and s.origin in placed_after:
                        new += [p for o in placed_after[s.origin] for p in body[o]]
                blk.items[i] = new
        blocks: list[Block] = []
        for blk in sec.blocks:
            blocks += with_lists(blk) if blk.kind == "paragraph" else [blk]
        for b in blocks:
            b.items = [it for it in b.items if it]
        sec.blocks = [b for b in blocks if b.items]
    handout.sections = [sec for sec in handout.sections if sec.blocks]


def _replace_key_points(handout: Handout, wanted: list[Wanted], points: dict) -> None:
    """Replace (or drop) each Key point the reviewer edited or removed."""
    mine = [w for w in wanted if w.kind == KEY_POINT]
    out = []
    for w, point in zip(mine, handout.key_points):
        text = points.get((w.msgctxt, w.origin))
        if text is None:
            out.append(point)
        elif sentences_of(text):
            out.append(Sentence(" ".join(text.split()), list(point.sources), ["reviewer"], origin=point.origin))
    handout.key_points = out
