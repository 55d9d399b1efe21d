"""The sign-off: a fingerprint of every word a handout prints and speaks, and what changed since it was signed.

A handout is reviewed only while the fingerprint its reviewer signed matches what the build would
print and speak now: any change to the source, an entry, the clinic settings, the lexicon or the
rules that changes a word makes it a DRAFT again. The signed words are kept in the build cache, so
the warning can name what changed.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import json
from pathlib import Path

from handouts.audio.narration import spoken_script
from handouts.config import Config
from handouts.files import write_atomic
from handouts.model import Handout
from handouts.render.page_facts import contact_lines

_NAMED = 3  # changes named in a warning; the rest are counted


def signed_words(handout: Handout, config: Config) -> list[str]:
    """Return every word the handout prints and speaks, a line per piece (not the reviewer's name or the date)."""
    unsigned = copy.copy(handout)
    unsigned.meta = copy.copy(handout.meta)
    unsigned.meta.reviewed_by = unsigned.meta.reviewed_on = None  # the signature is not part of what it signs
    lines = [f"title: {handout.meta.title}", f"language: {handout.meta.language}"]
    lines += [f"key point: {s.text}" for s in handout.key_points]
    for sec in handout.sections:
        if sec.heading:
            lines.append(f"heading: {sec.heading}")
        lines += [f"{s.role}: {s.text}" for s in sec.sentences]
    lines += [f"word to know: {t.word}: {t.definition}" for t in handout.words_to_know]
    lines += [f"printed: {c.label} {c.value}" for c in contact_lines(handout, config)]
    lines += [f"spoken: {u.text}" for u in spoken_script(unsigned, config)]
    return lines


def fingerprint(words: list[str]) -> str:
    """Return the fingerprint of the signed words."""
    return hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()[:32]


def keep_signed_words(folder: Path, words: list[str]) -> None:
    """Keep the words a reviewer signed, to name later what changed (losing them only makes the warning vaguer)."""
    try:
        write_atomic(folder / f"{fingerprint(words)}.json", json.dumps(words, ensure_ascii=False))
    except OSError:
        pass


def what_changed(folder: Path, signed: str, words: list[str]) -> list[str]:
    """Name what differs between the signed words and these ("'Wait 20 seconds.' is now 'Wait 2 seconds.'")."""
    try:
        before = json.loads((folder / f"{signed}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, words, autojunk=False).get_opcodes():
        old, new = [_text(x) for x in before[a1:a2]], [_text(x) for x in words[b1:b2]]
        if op == "replace":
            out += [f'"{o}" is now "{n}"' for o, n in zip(old, new)]
            out += [f'"{n}" was added' for n in new[len(old):]] + [f'"{o}" was taken out' for o in old[len(new):]]
        elif op == "insert":
            out += [f'"{n}" was added' for n in new]
        elif op == "delete":
            out += [f'"{o}" was taken out' for o in old]
    return _named(out)  # a sentence printed and spoken is one change, named once


def _text(line: str) -> str:
    return line.split(": ", 1)[-1]


def _named(changes: list[str]) -> list[str]:
    """Keep the first few changes and count the rest, so the warning stays one readable line."""
    unique = list(dict.fromkeys(changes))
    if len(unique) > _NAMED:
        return unique[:_NAMED] + [f"{len(unique) - _NAMED} more"]
    return unique
