"""Each build's review step: bring the reviewer's copy up to date, put the people's text in, and check the sign-off.

`review_copy` runs after the plain-language stage on every build (cheap: no parse, no rule); `sign`
records a reviewer's sign-off. Both hold a lock on the file, so the review app and a build never
write it at once.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from handouts.build.manifest import digest
from handouts.build.paths import cache_dir
from handouts.config import Config
from handouts.errors import HandoutError
from handouts.files import user_cache_dir, write_atomic
from handouts.review import po_file
from handouts.review.apply import apply_entries
from handouts.review.entries import wanted_entries
from handouts.review.po_file import FRONT_MATTER_NOTE, SIGNED_BY, SIGNED_ON, SIGNED_PRINT, review_path

if TYPE_CHECKING:
    from handouts.plain.rewrite import PlainResult

_LISTED = 5  # entries named in one message; the rest are counted


@dataclass
class ReviewState:
    """What the build learnt from a handout's reviewer copy."""

    path: Path
    entries: int = 0
    needs_look: list[str] = field(default_factory=list)  # 'line N: "source text"' of each entry not yet approved
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the build did with the file (written, front matter read)
    signed_by: str | None = None
    signed_on: str | None = None
    signed: bool = False  # the sign-off holds: it matches every word the handout prints and speaks
    fingerprint: str = ""


def review_copy(source: Path, plain: PlainResult, config: Config) -> tuple[PlainResult, ReviewState]:
    """Return the handout as reviewed (the people's text in, signed only while the sign-off holds) and its state.

    The file is written for sources in the project's content folder; a source named from elsewhere
    uses its reviewer copy when there is one, but gets none written beside it.
    """
    path = review_path(source)
    state = ReviewState(path)
    write = _in_content(source, config)
    with locked(config, path):
        record = cache_dir(config) / "review-suggestions" / f"{digest(str(path.resolve()))[:16]}.json"
        old_text = po_file.read_text(path)
        po, wanted, synced = opened(source, old_text, plain, _read_json(record),
                                    lambda po: _read_front_matter(po, plain.handout.meta, path, state))
        if write:
            _write_json(record, po_file.suggestions(wanted))
            try:
                if po_file.save(po, path, old_text) and old_text is None:
                    state.notes.append(f"wrote {path.name}, the reviewer's copy: {len(wanted)} entries to approve "
                                       f"(handouts review {Path(source).name})")
            except OSError as e:
                state.warnings.append(f"{path}: could not write the reviewer's copy ({e.strerror}); "
                                      f"check that the folder can be written to")
    result, changed = apply_entries(plain, wanted, synced.entries)
    lines = po_file.line_numbers(po_file.text_of(po))
    state.entries = len(wanted)
    state.needs_look = [f'line {lines.get(w.key, 0)}: "{_short(w.msgid)}"' for w, e in zip(wanted, synced.entries)
                        if po_file.needs_look(e)]
    if old_text is not None and synced.added:
        state.warnings.append(f"{path.name}: the source changed; {_listed(synced.added, lines)} "
                              f"{_needs(synced.added)} a look")
    body = " ".join(s.text for s in result.handout.sentences)
    if changed:
        from handouts.review.checks import check_text  # the rules' helpers: only for the people's own text
    for w, e in changed:
        if w.kind in ("sentence", "key point"):
            state.warnings += [f"{path.name}, line {lines.get(w.key, 0)}: {finding}" for finding in check_text(
                w.msgid, e.msgstr, config.max_sentence_words, config.max_grade, body)]
    return _signed(result, po, config, state), state


def opened(source: Path, text: str | None, plain: PlainResult, last_suggested: dict | None = None,
           before_sync=None):
    """Read a source's reviewer copy from its `text` (None: there is none yet, so a new one) and bring it in line
    with what the handout needs; hold `locked` around reading the text and this. Return (the file, the wanted
    entries, the sync). `before_sync(po)` runs before the sync."""
    po = po_file.load(review_path(source), text) or po_file.new_file(source, plain.handout.meta.language)
    if before_sync is not None:
        before_sync(po)
    wanted = wanted_entries(plain)
    return po, wanted, po_file.sync(po, wanted, last_suggested)


def sign(source: Path, plain: PlainResult, config: Config, name: str, today: dt.date | None = None,
         stamp: str | None = None) -> ReviewState:
    """Record a reviewer's sign-off in the file's header: who, when, and the fingerprint of every word.

    Refused, with the entries listed, while any entry still needs a look; refused too when `stamp` (the
    digest of the file as the reviewer's page showed it) no longer matches: they would sign unseen words.
    """
    name = " ".join(name.split())
    if not name:
        raise HandoutError('say who signs: handouts review --sign "Your Name" FILE')
    from handouts.render.coverage import printable  # the name prints in every footer

    if any(ord(c) not in printable() for c in name if not c.isspace()):
        raise HandoutError(f"the name '{name}' has letters the handout font cannot print. Write it with the "
                           f"letters of the English alphabet (for example without accents that show as boxes).")
    path = review_path(source)
    with locked(config, path):
        old_text = po_file.read_text(path)
        if stamp is not None and digest(old_text or "") != stamp:
            raise HandoutError(f"not signed: {path.name} changed since your page was loaded. Reload the page, look "
                               f"at what changed, then sign again.", path)
        po, wanted, synced = opened(source, old_text, plain)
        lines = po_file.line_numbers(po_file.text_of(po))
        waiting = [e for e in synced.entries if po_file.needs_look(e)]
        if waiting:
            po_file.save(po, path, old_text)
            raise HandoutError(f"not signed: {_listed(waiting, lines)} still {_needs(waiting)} a look (marked fuzzy). "
                               f"Approve or edit them (handouts review {Path(source).name}), then sign again.", path)
        result, _ = apply_entries(plain, wanted, synced.entries)
        from handouts.review.signature import fingerprint, keep_signed_words, signed_words

        words = signed_words(result.handout, config)
        po.metadata[SIGNED_BY] = name
        po.metadata[SIGNED_ON] = (today or dt.date.today()).isoformat()
        po.metadata[SIGNED_PRINT] = fingerprint(words)
        po.metadata.pop(FRONT_MATTER_NOTE, None)
        keep_signed_words(cache_dir(config) / "signed", words)
        po_file.save(po, path, old_text)
    return ReviewState(path, len(wanted), signed_by=name, signed_on=po.metadata[SIGNED_ON], signed=True,
                       fingerprint=po.metadata[SIGNED_PRINT])


def _signed(result: PlainResult, po, config: Config, state: ReviewState) -> PlainResult:
    """Return the result marked reviewed only while its sign-off matches every word; warn when it no longer does."""
    handout = copy.copy(result.handout)
    handout.meta = copy.copy(handout.meta)
    handout.meta.reviewed_by = handout.meta.reviewed_on = None
    state.signed_by, state.signed_on = po.metadata.get(SIGNED_BY) or None, po.metadata.get(SIGNED_ON) or None
    signed_print = po.metadata.get(SIGNED_PRINT, "")
    if not (state.signed_by and signed_print):
        return dataclasses.replace(result, handout=handout)  # never signed: nothing to compare (a draft's build stays light)
    from handouts.review.signature import fingerprint, signed_words, what_changed

    words = signed_words(handout, config)
    state.fingerprint = fingerprint(words)
    state.signed = bool(signed_print == state.fingerprint and not state.needs_look)
    if state.signed:
        handout.meta.reviewed_by, handout.meta.reviewed_on = state.signed_by, state.signed_on
    else:
        changes = what_changed(cache_dir(config) / "signed", signed_print, words)
        n = len(state.needs_look)
        since = "; ".join(changes + ([f"{n} {'entry needs' if n == 1 else 'entries need'} a look ("
                                      f"{', '.join(state.needs_look[:_LISTED])})"] if n else []))
        since = since or "its words changed"
        state.warnings.append(f"{state.path.name}: signed by {state.signed_by} on {state.signed_on}, but since then "
                              f"{since}. It is a DRAFT again until it is signed anew (handouts review --sign).")
    return dataclasses.replace(result, handout=handout)


def _read_front_matter(po, meta, path: Path, state: ReviewState) -> None:
    """Read a front matter's reviewed_by / reviewed_on into the file's header once (the sign-off lives there now)."""
    if not (meta.reviewed_by or meta.reviewed_on) or po.metadata.get(SIGNED_BY) or po.metadata.get(FRONT_MATTER_NOTE):
        return
    on = meta.reviewed_on or ""
    try:
        on = dt.date.fromisoformat(str(on)).isoformat()
    except ValueError:
        state.notes.append(f"reviewed_on '{on}' in the front matter is not a date (write it as 2026-03-01); "
                           f"signing records today's date instead")
        on = ""
    po.metadata[FRONT_MATTER_NOTE] = f"{meta.reviewed_by or ''} {on}".strip()
    state.notes.append(f"the front matter says reviewed by {meta.reviewed_by or 'someone'}"
                       f"{' on ' + on if on else ''}: noted in {path.name}. The handout stays a DRAFT until it is "
                       f"signed there (handouts review --sign \"{meta.reviewed_by or 'Your Name'}\" FILE), so the "
                       f"sign-off covers its exact words; you can then take reviewed_by and reviewed_on out")


def _listed(entries, lines: dict) -> str:
    """Name a few entries by line and text, and count the rest: "2 sentences (line 40: "...", line 52: "...")"."""
    named = [f'line {lines.get((e.msgctxt, e.msgid), 0)}: "{_short(e.msgid)}"' for e in entries[:_LISTED]]
    more = f", and {len(entries) - _LISTED} more" if len(entries) > _LISTED else ""
    noun = "entry" if len(entries) == 1 else "entries"
    return f"{len(entries)} {noun} ({', '.join(named)}{more})"


def _needs(entries) -> str:
    return "needs" if len(entries) == 1 else "need"


def _in_content(source: Path, config: Config) -> bool:
    """Tell whether a source is in the project's content folder (where reviewer copies are written)."""
    return Path(source).resolve().parent == (config.root / config.content_dir).resolve()


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_json(path: Path, data: dict) -> None:
    """Record what this build suggested (losing it only means an old suggestion is not brought up to date)."""
    try:
        if _read_json(path) != data:
            write_atomic(path, json.dumps(data, ensure_ascii=False))
    except OSError:
        pass


def _short(text: str, most: int = 50) -> str:
    return text if len(text) <= most else text[: most - 1].rsplit(" ", 1)[0] + "…"


@contextmanager
def locked(config: Config, path: Path):
    """Hold the file's lock while it is read and written: kept in the per-user cache, keyed by the file's own
    path, so a build with --out elsewhere and the review screen still take the same lock."""
    from filelock import FileLock  # the build has it loaded already; the app too

    folder = user_cache_dir() / "review-locks"
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder / f"{digest(str(path.resolve()))[:16]}.lock"), timeout=60):
        yield
