"""What the review screen shows of one handout: its entries grouped by section, each with its state and checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from handouts.build.manifest import digest
from handouts.config import Config
from handouts.pipeline import machine_plain
from handouts.review import po_file
from handouts.review.checks import check_text, sentence_grades
from handouts.review.entries import KEY_POINT, REMOVED, wanted_entries
from handouts.review.reviewer_copy import ReviewState, review_copy

NEEDS_LOOK, APPROVED, EDITED, SOURCE, GONE = "needs a look", "approved", "edited", "source kept", "removed"


@dataclass
class Row:
    """One entry on the screen."""

    id: str  # stable across reloads: a digest of msgctxt and msgid (never a path or an index into anything)
    kind: str
    source: str
    text: str
    suggestion: str
    state: str
    line: int
    notes: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    grades: list[dict] = field(default_factory=list)


@dataclass
class Group:
    """A section of the screen: the title, the Key points, a section of the text, or the Words to know."""

    name: str
    rows: list[Row] = field(default_factory=list)

    @property
    def waiting(self) -> int:
        return sum(r.state == NEEDS_LOOK for r in self.rows)


@dataclass
class Screen:
    """Everything the page of one handout shows."""

    title: str
    source: Path
    po: Path
    stamp: str  # the file's digest when the page was made: a save from an older page is refused
    state: ReviewState
    groups: list[Group]

    @property
    def waiting(self) -> list[Row]:
        return [r for g in self.groups for r in g.rows if r.state == NEEDS_LOOK]


def entry_id(msgctxt: str | None, msgid: str) -> str:
    """Return the id the page uses for an entry."""
    return digest([msgctxt or "", msgid])[:16]


def screen(source: Path, config: Config) -> Screen:
    """Bring the handout's reviewer copy up to date and describe it for the page."""
    machine = machine_plain(source, config)
    plain, state = review_copy(source, machine, config)
    wanted = wanted_entries(machine)
    text = state.path.read_text(encoding="utf-8") if state.path.exists() else ""
    po = po_file.parse(text) if text else None
    entries = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete} if po is not None else {}
    body = " ".join(s.text for s in plain.handout.sentences)
    groups: list[Group] = []
    for w in wanted:
        e = entries.get(w.key)
        msgstr = e.msgstr if e is not None else w.suggestion
        row = Row(entry_id(*w.key), w.kind, w.msgid, msgstr, w.suggestion, _state(e, w), e.linenum if e else 0,
                  [n for n in (e.comment.splitlines() if e else []) if n])
        if e is not None and e.previous_msgid:
            row.notes.insert(0, f"the source used to say: {e.previous_msgid}")
        if w.kind in ("sentence", KEY_POINT):
            row.grades = sentence_grades(msgstr) if msgstr.strip() != REMOVED else []
            if msgstr != w.suggestion:
                row.findings = check_text(w.msgid, msgstr, config.max_sentence_words, config.max_grade, body)
        name = {"title": "Title", KEY_POINT: "Key points", "word": "Words to know"}.get(w.kind)
        if w.kind == "heading":
            name = w.msgid
        if name is None:
            name = groups[-1].name if groups and groups[-1].name not in ("Title", "Key points") else "Introduction"
        if not groups or groups[-1].name != name or w.kind == "heading":
            groups.append(Group(name))
        groups[-1].rows.append(row)
    return Screen(plain.handout.meta.title, source, state.path, digest(text), state, groups)


def _state(entry, wanted) -> str:
    """Say where an entry stands: needs a look, approved, edited, source kept or removed."""
    if entry is None or po_file.needs_look(entry):
        return NEEDS_LOOK
    if entry.msgstr.strip() == REMOVED:
        return GONE
    if entry.msgstr == entry.msgid and entry.msgstr != wanted.suggestion:
        return SOURCE
    return APPROVED if entry.msgstr == wanted.suggestion else EDITED
