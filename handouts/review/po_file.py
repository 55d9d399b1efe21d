"""The reviewer's copy on disk: NAME.po beside the source NAME.txt, read and written with polib.

`sync` brings the file in line with what the handout now needs, the way msgmerge does for a
translation: entries the reviewer approved or edited keep their text; a source sentence that changed
gets a fresh suggestion marked fuzzy with its old text shown as `#| msgid`, and the old entry goes
obsolete (kept at the end, `#~`); a new sentence gets a fuzzy suggestion; a gone one goes obsolete.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path

import polib

from handouts.errors import SourceError
from handouts.files import write_atomic
from handouts.review.entries import KEY_POINT, WORDS, Wanted

# The header's sign-off fields: in the header, so the signature is not part of the text it signs.
SIGNED_BY, SIGNED_ON, SIGNED_PRINT = "X-Reviewed-By", "X-Reviewed-On", "X-Reviewed-Fingerprint"
FRONT_MATTER_NOTE = "X-Reviewed-From-Front-Matter"  # the front matter's reviewed_by was read into this file once
FUZZY = "fuzzy"
APPROVED_AS = "before the source changed, it was approved as:"
_MOST_PAIRS = 40_000  # old x new texts compared to pair a changed sentence with its old entry: beyond, no pairing
_HEADER = """Reviewer's copy of {name}: what the handout prints and speaks, sentence by sentence.
msgid is the source text; msgstr is what the handout says. "fuzzy" marks a suggestion
nobody has approved yet (it is used as written, and the handout is a DRAFT).
Approve an entry by removing its fuzzy flag; edit msgstr to change the wording; write
the source text back to keep it; write (removed) to leave it out. Lines starting with
"• " or "1. " are list items. Sign with: handouts review --sign "Your Name" {source}"""


def review_path(source: Path) -> Path:
    """Return where a source's reviewer copy lives: NAME.po beside NAME.txt."""
    return Path(source).with_suffix(".po")


def read_text(path: Path) -> str | None:
    """Return a reviewer copy's text, or None when there is none yet."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        raise SourceError(f"this review file cannot be read ({e}). Save it as UTF-8 text, or move it away and "
                          f"build again for a fresh one.", path) from None


def load(path: Path, text: str | None) -> polib.POFile | None:
    """Read a reviewer copy from its text, or None when there is none; a damaged one is a one-line error with its line."""
    if text is None:
        return None
    try:
        return parse(text)
    except (OSError, ValueError) as e:
        raise SourceError(f"this review file cannot be read ({e}). Mend that line (a text editor or Poedit "
                          f"shows it), or move the file away and build again for a fresh one.", path) from None


def parse(text: str) -> polib.POFile:
    """Read a reviewer copy from its text."""
    return polib.pofile(text, wrapwidth=0, check_for_duplicates=False)


def new_file(source: Path, language: str) -> polib.POFile:
    """Return an empty reviewer copy with a header that explains it."""
    po = polib.POFile(wrapwidth=0, check_for_duplicates=False)
    po.header = _HEADER.format(name=Path(source).name, source=Path(source).name)
    po.metadata = {
        "Project-Id-Version": Path(source).stem,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": _now(),
        "PO-Revision-Date": _now(),
        "Last-Translator": "",
        "Language-Team": "",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "handouts",
    }
    return po


@dataclass
class Synced:
    """What a sync found: the entries for what the handout needs (in order), and what became of the rest."""

    entries: list[polib.POEntry]
    added: list[polib.POEntry] = field(default_factory=list)  # new fuzzy suggestions (changed or new sentences)
    retired: list[polib.POEntry] = field(default_factory=list)  # entries made obsolete by this sync


def sync(po: polib.POFile, wanted: list[Wanted], last_suggested: dict | None = None) -> Synced:
    """Bring `po` in line with the wanted entries, in place; the people's text is never replaced.

    `last_suggested` maps an entry's key to the suggestion the last build wrote: a suggestion still
    exactly as written then (nobody touched it) is brought up to date with what the rules say now.
    """
    last_suggested = last_suggested or {}
    current = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    retired = {(e.msgctxt, e.msgid): e for e in po if e.obsolete}
    result = Synced([])
    for w in wanted:
        entry = current.pop(w.key, None)
        if entry is None:
            entry = retired.pop(w.key, None)  # an old text back again: its entry too
        if entry is None:
            entry = polib.POEntry(msgctxt=w.msgctxt, msgid=w.msgid, msgstr=w.suggestion, flags=[FUZZY])
            result.added.append(entry)
        elif is_fuzzy(entry) and entry.msgstr != w.suggestion and last_suggested.get(_key(w.key)) == entry.msgstr:
            entry.msgstr = w.suggestion  # the rules' own words from before, untouched: the rules' words now
        entry.obsolete = False
        kept = [line for line in entry.comment.splitlines() if line.startswith(APPROVED_AS)] if is_fuzzy(entry) else []
        entry.comment = "\n".join([_one_line(n) for n in w.notes] + kept)  # the reviewer's old words stay in view
        result.entries.append(entry)
    gone = [e for e in current.values() if not e.obsolete]
    _show_previous(result.added, gone)
    for e in gone:
        e.obsolete = True
        e.previous_msgid = e.previous_msgctxt = None
        result.retired.append(e)
    po[:] = result.entries + list(retired.values()) + gone
    return result


def _show_previous(added: list[polib.POEntry], gone: list[polib.POEntry]) -> None:
    """Mark each new entry that replaces a changed source sentence with that sentence's old text (#| msgid)."""
    if not added or not gone or len(added) * len(gone) > _MOST_PAIRS:
        return
    free = list(gone)
    for entry in added:
        best, score = None, 0.6  # below this the texts are not one sentence edited
        for old in free:
            if _kind(old) != _kind(entry):
                continue
            m = difflib.SequenceMatcher(None, old.msgid, entry.msgid, autojunk=False)
            if m.real_quick_ratio() > score and m.quick_ratio() > score and (r := m.ratio()) > score:
                best, score = old, r
        if best is not None:
            free.remove(best)
            entry.previous_msgid, entry.previous_msgctxt = best.msgid, best.msgctxt
            if FUZZY not in best.flags and best.msgstr:
                entry.comment += "\n" + _one_line(f"{APPROVED_AS} {best.msgstr}")


def suggestions(wanted: list[Wanted]) -> dict[str, str]:
    """Return what this build suggests for each entry, to tell next time an untouched suggestion from a person's."""
    return {_key(w.key): w.suggestion for w in wanted}


def _key(key: tuple[str | None, str]) -> str:
    return f"{key[0] or ''}\x04{key[1]}"  # gettext's own msgctxt separator


def _kind(entry: polib.POEntry) -> str:
    """Tell a Key point's or a definition's entry from the body's."""
    ctx = entry.msgctxt or ""
    return KEY_POINT if ctx.startswith(KEY_POINT) else WORDS if ctx.startswith(WORDS) else "body"


def text_of(po: polib.POFile) -> str:
    """Return the file's text as it will be written (one entry per line: wrapwidth 0)."""
    return str(po) + ("" if str(po).endswith("\n") else "\n")


def save(po: polib.POFile, path: Path, old_text: str | None) -> bool:
    """Write the file atomically when its entries changed (dating the revision); return whether it was written."""
    text = text_of(po)
    if text == old_text:
        return False
    po.metadata["PO-Revision-Date"] = _now()
    write_atomic(path, text_of(po))
    return True


def is_fuzzy(entry: polib.POEntry) -> bool:
    return FUZZY in entry.flags


def needs_look(entry: polib.POEntry) -> bool:
    """An entry a person still has to look at: a suggestion nobody approved, or one without text."""
    return is_fuzzy(entry) or not entry.msgstr.strip()


def line_numbers(text: str) -> dict[tuple[str | None, str], int]:
    """Map each live entry of a file's text to the line its msgid is on, for messages."""
    return {(e.msgctxt, e.msgid): e.linenum for e in parse(text) if not e.obsolete}


def _one_line(note: str) -> str:
    return " ".join(note.split())


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M+0000")
