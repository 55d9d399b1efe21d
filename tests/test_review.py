"""The reviewer's copy (content/NAME.po): written by the build, kept across regenerations, signed, and checked."""

import shutil
import subprocess

import polib
import pytest
from pypdf import PdfReader

from conftest import SAMPLE
from fakes import CountingEngine
from handouts.config import load_config
from handouts.errors import HandoutError
from handouts.pipeline import build_all, reviewed_plain, sign_handout
from handouts.review import po_file
from handouts.review.entries import REMOVED
from test_browser import required

TEXT = """---
title: Sleep Well
---
Good sleep helps your body heal. Most adults need seven to nine hours.

Before Bed
Turn off screens an hour before bed. Keep your room cool and dark. Do not drink coffee after noon.

When to Get Help
Call your doctor if you snore loudly. Call if you feel sleepy all day.
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "sleep.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def build(root, engine=None, **kw):
    engine = engine or CountingEngine()
    report = build_all(load_config(root), engine=engine, workers=1, **kw)
    assert all(r.ok for r in report), [r.error for r in report]
    return report[0], engine


def po_of(root, name="sleep"):
    return polib.pofile(str(root / "content" / f"{name}.po"), wrapwidth=0)


def live(po):
    return [e for e in po if not e.obsolete]


def edit_po(root, change, name="sleep"):
    """Apply `change(entry)` to every live entry and save, as a reviewer's editor would."""
    po = po_of(root, name)
    for e in live(po):
        change(e)
    po.save(str(root / "content" / f"{name}.po"))


def approve(e):
    if "fuzzy" in e.flags:
        e.flags.remove("fuzzy")


def pdf_text(root, slug="sleep-well", large=False):
    name = f"{slug}-large-print.pdf" if large else f"{slug}.pdf"
    return " ".join(" ".join(p.extract_text() for p in PdfReader(root / "build" / name).pages).split())


def edit_source(root, old, new, name="sleep.txt"):
    path = root / "content" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def msgfmt_check(path):
    """Validate a PO file with gettext's msgfmt (required in CI, where .ci/run installs it)."""
    if not shutil.which("msgfmt"):
        if required():
            pytest.fail("msgfmt is missing: apt-get install gettext (.ci/run does)")
        pytest.skip("needs gettext's msgfmt: apt-get install gettext")
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_first_build_writes_a_valid_review_file_with_every_printed_thing_as_a_fuzzy_suggestion(project):
    result, _ = build(project)
    path = project / "content" / "sleep.po"
    assert result.draft and any("wrote sleep.po" in n for n in result.notes)
    msgfmt_check(path)
    entries = live(po_of(project))
    assert all("fuzzy" in e.flags for e in entries)
    ids = [e.msgid for e in entries]
    assert ids[0] == "Sleep Well"  # the title first, then the body in reading order
    for text in ("Good sleep helps your body heal.", "Before Bed", "Do not drink coffee after noon.",
                 "When to Get Help", "Call if you feel sleepy all day."):
        assert text in ids
    assert ids.index("Before Bed") < ids.index("Turn off screens an hour before bed.") < ids.index("When to Get Help")
    sentence = next(e for e in entries if e.msgid == "Good sleep helps your body heal.")
    assert "section: introduction" in sentence.comment
    assert {e.msgctxt for e in entries} <= {None, "key point", "words to know"}


def test_a_second_build_changes_nothing_in_the_file(project):
    build(project)
    path = project / "content" / "sleep.po"
    before = path.read_bytes(), path.stat().st_mtime_ns
    result, engine = build(project)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert result.rebuilt == {} and engine.calls == []


def test_round_trip_approve_edit_sign_then_a_source_edit_is_a_draft_again_naming_it(project):
    build(project)
    edited = "Keep the bedroom cool, dark and quiet."

    def approve_and_edit(e):
        approve(e)
        if e.msgid == "Keep your room cool and dark.":
            e.msgstr = edited

    edit_po(project, approve_and_edit)
    state = sign_handout(project / "content" / "sleep.txt", load_config(project), "Dr. Ada Lee")
    assert state.signed and state.signed_by == "Dr. Ada Lee"
    result, _ = build(project)
    assert not result.draft
    text = pdf_text(project)
    assert edited in text and "DRAFT" not in text and "Dr. Ada Lee" in text
    html = (project / "build" / "sleep-well.html").read_text(encoding="utf-8")
    assert edited in html and "Reviewed by Dr. Ada Lee on " in html and "DRAFT" not in html
    assert edited in (project / "build" / "sleep-well.vtt").read_text(encoding="utf-8")

    edit_source(project, "Call if you feel sleepy all day.", "Call if you feel very sleepy all day.")
    result, engine = build(project)
    assert result.draft
    assert engine.calls == ["Call if you feel very sleepy all day."]  # exactly one sentence spoken again
    fuzzy = [e for e in live(po_of(project)) if "fuzzy" in e.flags]
    assert [e.msgid for e in fuzzy] == ["Call if you feel very sleepy all day."]
    assert fuzzy[0].previous_msgid == "Call if you feel sleepy all day."
    obsolete = [e.msgid for e in po_of(project) if e.obsolete]
    assert obsolete == ["Call if you feel sleepy all day."]
    warning = " ".join(result.warnings)
    assert "Call if you feel very sleepy all day." in warning and "DRAFT again" in warning
    text = pdf_text(project)
    assert edited in text and "DRAFT" in text  # the correction survives; the sign-off does not
    assert edited in (project / "build" / "sleep-well.vtt").read_text(encoding="utf-8")


def test_signing_is_refused_while_any_entry_is_fuzzy_and_lists_them(project):
    build(project)
    edit_po(project, lambda e: approve(e) if e.msgid != "Do not drink coffee after noon." else None)
    with pytest.raises(HandoutError) as caught:
        sign_handout(project / "content" / "sleep.txt", load_config(project), "Dr. Lee")
    message = str(caught.value)
    assert "not signed: 1 entry" in message and "Do not drink coffee after noon." in message
    assert "line " in message and "\n" not in message
    assert "X-Reviewed-By" not in (project / "content" / "sleep.po").read_text(encoding="utf-8")


def test_moving_a_paragraph_keeps_every_approval(project):
    build(project)
    edit_po(project, approve)
    edit_source(project, "Good sleep helps your body heal. Most adults need seven to nine hours.\n\n", "")
    edit_source(project, "Call if you feel sleepy all day.\n",
                "Call if you feel sleepy all day.\n\nGood sleep helps your body heal. Most adults need seven to nine hours.\n")
    build(project)
    assert not [e.msgid for e in live(po_of(project)) if "fuzzy" in e.flags]
    assert not [e for e in po_of(project) if e.obsolete]


def test_an_approved_entry_is_used_as_written_and_removed_leaves_it_out(project):
    build(project)

    def change(e):
        approve(e)
        if e.msgid == "Most adults need seven to nine hours.":
            e.msgstr = "Most grown-ups need 7 to 9 hours of sleep each night."
        if e.msgid == "Turn off screens an hour before bed.":
            e.msgstr = REMOVED

    edit_po(project, change)
    result, _ = build(project)
    text = pdf_text(project)
    assert "Most grown-ups need 7 to 9 hours of sleep each night." in text
    assert "screens" not in text


def test_the_reviewers_text_is_checked_and_a_dropped_not_is_a_warning(project):
    build(project)
    edit_po(project, lambda e: setattr(e, "msgstr", "Drink coffee after noon.")
            if e.msgid == "Do not drink coffee after noon." else approve(e))
    result, _ = build(project)
    found = [w for w in result.warnings if "drops 'not'" in w]
    assert found and found[0].startswith("sleep.po, line ")
    assert "Drink coffee after noon." in pdf_text(project)  # the person is the authority


def test_a_settings_change_that_changes_a_printed_word_makes_it_a_draft_again(project):
    build(project)
    edit_po(project, approve)
    sign_handout(project / "content" / "sleep.txt", load_config(project), "Dr. Lee")
    assert not build(project)[0].draft
    (project / "handouts.toml").write_text('clinic_phone = "555-0100"\n', encoding="utf-8")
    result, _ = build(project)
    assert result.draft
    assert any("555-0100" in w and "signed by Dr. Lee" in w for w in result.warnings)


def test_front_matter_reviewed_by_is_read_into_the_header_once_and_stays_a_draft(project):
    edit_source(project, "title: Sleep Well\n", "title: Sleep Well\nreviewed_by: Dr. Lee\nreviewed_on: sometime\n")
    result, _ = build(project)
    assert result.draft
    notes = " ".join(result.notes)
    assert "not a date" in notes and "stays a DRAFT until it is signed" in notes
    assert po_of(project).metadata[po_file.FRONT_MATTER_NOTE] == "Dr. Lee"
    again, _ = build(project)
    assert not any("front matter" in n for n in again.notes + again.warnings)  # said once


def test_an_untouched_suggestion_follows_the_rules_but_a_persons_fuzzy_edit_stays(project):
    build(project)
    config = load_config(project)
    source = project / "content" / "sleep.txt"
    plain, _ = reviewed_plain(source, config)
    po = po_of(project)
    entry = next(e for e in live(po) if e.msgid == "Most adults need seven to nine hours.")
    mine = next(e for e in live(po) if e.msgid == "Good sleep helps your body heal.")
    entry.msgstr = "Old suggestion."  # as if an older version of the rules had suggested this
    mine.msgstr = "Sleep helps you heal."  # a person's edit, still marked fuzzy
    po.save(str(project / "content" / "sleep.po"))
    record = po_file.suggestions([])  # what the last build suggested: pretend it was "Old suggestion."
    from handouts.review.entries import wanted_entries
    wanted = wanted_entries(plain)
    last = po_file.suggestions(wanted)
    last[next(k for k in last if k.endswith("Most adults need seven to nine hours."))] = "Old suggestion."
    synced = po_file.sync(po_of(project), wanted, last)
    by_id = {e.msgid: e.msgstr for e in synced.entries}
    assert by_id["Most adults need seven to nine hours."] == "Most adults need seven to nine hours."
    assert by_id["Good sleep helps your body heal."] == "Sleep helps you heal."
    assert record == {}


def test_a_damaged_review_file_is_one_line_naming_the_file(project):
    build(project)
    (project / "content" / "sleep.po").write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    report = build_all(load_config(project), engine=CountingEngine(), workers=1)
    assert not report[0].ok
    assert "sleep.po" in report[0].error and "\n" not in report[0].error
    assert "move the file away" in report[0].error


def test_the_sample_review_file_passes_msgfmt(tmp_path):
    (tmp_path / "content").mkdir()
    shutil.copy(SAMPLE, tmp_path / "content" / SAMPLE.name)
    build(tmp_path, audio=False)
    po = po_of(tmp_path, SAMPLE.stem)
    assert len(live(po)) > 40
    msgfmt_check(tmp_path / "content" / f"{SAMPLE.stem}.po")


def test_the_approved_wording_of_a_changed_sentence_stays_in_view_while_it_needs_a_look(project):
    build(project)

    def mine(e):
        approve(e)
        if e.msgid == "Keep your room cool and dark.":
            e.msgstr = "Keep the bedroom cool and dark."

    edit_po(project, mine)
    edit_source(project, "Keep your room cool and dark.", "Keep your room cool and quiet.")
    build(project)
    build(project)  # a later build syncs again: the note must survive it
    entry = next(e for e in live(po_of(project)) if e.msgid == "Keep your room cool and quiet.")
    assert "fuzzy" in entry.flags and "approved as: Keep the bedroom cool and dark." in entry.comment


def test_a_name_the_font_cannot_print_is_refused_at_signing(project):
    build(project)
    edit_po(project, approve)
    with pytest.raises(HandoutError) as caught:
        sign_handout(project / "content" / "sleep.txt", load_config(project), "Nguyễn Văn An")
    assert "cannot print" in str(caught.value)
