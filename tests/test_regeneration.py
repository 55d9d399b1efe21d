"""Regeneration: only what changed is made again, and the build says why."""

import json
import shutil

import pytest
from pypdf import PdfReader

from conftest import DATA
from fakes import CountingEngine
from handouts.outputs import OUTPUTS
from handouts.pipeline import build_all
from handouts.config import load_config
from handouts.audio.narration import spoken_script
from handouts.read.sources import read_source
from documents import SLEEP_WELL as TEXT

PLAIN_OUTPUTS = ("change log", "readability", "review page")  # the plain-language stage's reports


def PLAIN_FILES(slug):
    return [f"{slug}.plain.json", f"{slug}.readability.json", f"{slug}.review.html"]


@pytest.fixture
def project(tmp_path):
    """A project with one handout, built once with the fake voice."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "sleep.txt").write_text(TEXT, encoding="utf-8")
    build(tmp_path)
    return tmp_path


def build(root, engine=None, **kw):
    """Build the project with a fresh counting engine; return (the only result, the engine)."""
    engine = engine or CountingEngine()
    report = build_all(load_config(root), engine=engine, workers=1, **kw)
    assert all(r.ok for r in report), [r.error for r in report]
    return (report[0] if len(report) == 1 else report), engine


def stamps(root):
    return {p.name: p.stat().st_mtime_ns for p in (root / "build").iterdir() if p.is_file()}


def edit(root, old, new, name="sleep.txt"):
    path = root / "content" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_first_build_makes_every_output_and_says_why(project):
    result, engine = build(project, force=True)
    assert set(result.rebuilt) == {o.name for o in OUTPUTS}
    assert set(result.rebuilt.values()) == {"--force"}
    assert engine.calls == []  # --force remakes files; the speech cache is content-addressed and still valid


def test_nothing_changed_remakes_nothing(project):
    before = stamps(project)
    manifest = project / "build" / ".cache" / "manifest.json"
    manifest_stamp = manifest.stat().st_mtime_ns
    result, engine = build(project)
    assert result.rebuilt == {} and engine.calls == []
    assert stamps(project) == before and manifest.stat().st_mtime_ns == manifest_stamp
    assert result.pages == {"pdf": 1, "large-print pdf": 1} and result.audio_seconds > 1


def test_one_sentence_edit_speaks_only_that_sentence(project):
    edit(project, "Keep your room cool and dark.", "Keep your room cool, quiet and dark.")
    result, engine = build(project)
    assert engine.calls == ["Keep your room cool, quiet and dark."]
    assert result.rebuilt["mp3"] == "narration: 1 sentence changed in 'Before Bed'"
    assert result.rebuilt["pdf"] == "text: 1 sentence changed in 'Before Bed'"
    assert "large-print pdf" in result.rebuilt
    text = PdfReader(project / "build" / "sleep-well.pdf").pages[0].extract_text()
    assert "cool, quiet and dark" in " ".join(text.split())


def test_moving_a_blank_line_remakes_nothing(project):
    edit(project, "Good sleep", "\n\nGood sleep")
    result, engine = build(project)
    assert result.rebuilt == {}


def test_voice_change_redoes_only_the_audio(project):
    before = stamps(project)
    result, engine = build(project, CountingEngine(voice="b"))
    assert set(result.rebuilt) == {"mp3", "captions", "video"}  # new voice; the fake voices time alike: the same cues
    assert result.rebuilt["mp3"] == "voice changed (fake:a -> fake:b)"
    script = spoken_script(read_source(project / "content" / "sleep.txt"), load_config(project))
    assert sorted(engine.calls) == sorted({u.spoken for u in script})  # all of it, in the new voice
    after = stamps(project)
    assert after["sleep-well.pdf"] == before["sleep-well.pdf"]
    assert after["sleep-well.mp3"] != before["sleep-well.mp3"]


def test_template_change_remakes_html_not_audio(project, monkeypatch):
    import handouts.build.inputs

    templates = project / "templates"
    shutil.copytree(handouts.build.inputs.TEMPLATE_DIR, templates)
    monkeypatch.setattr(handouts.build.inputs, "TEMPLATE_DIR", templates)
    assert build(project)[0].rebuilt == {}  # same template files, wherever they are
    css = templates / "handout.css"
    css.write_text(css.read_text() + "\n/* larger links */\n")
    result, engine = build(project)
    assert result.rebuilt == {"html": "template handout.* changed"}  # print is ReportLab code, not a template
    assert engine.calls == []


def test_print_setting_change_remakes_print_not_audio(project):
    (project / "handouts.toml").write_text('page_size = "a4"\n', encoding="utf-8")
    result, engine = build(project)
    assert set(result.rebuilt) == {"pdf", "large-print pdf"}
    assert result.rebuilt["pdf"] == "settings changed: page_size"
    assert engine.calls == []


def test_removed_source_removes_its_outputs(project):
    shutil.copy(DATA / "lists.txt", project / "content" / "lists.txt")
    build(project)
    assert (project / "build" / "lists.pdf").exists()
    (project / "content" / "lists.txt").unlink()
    report = build_all(load_config(project), engine=CountingEngine(), workers=1)
    assert [g.slug for g in report.removed] == ["lists"]
    assert sorted(p.name for p in report.removed[0].removed) == ["lists-large-print.pdf", "lists.html", "lists.mp3",
                                                                 "lists.mp4", "lists.pdf", *PLAIN_FILES("lists"),
                                                                 "lists.vtt"]
    assert sorted(stamps(project)) == ["playlist.m3u8", "sleep-well-large-print.pdf", "sleep-well.html", "sleep-well.mp3",
                                       "sleep-well.mp4", "sleep-well.pdf", *PLAIN_FILES("sleep-well"),
                                       "sleep-well.vtt", "waiting-room.html"]


def test_renamed_slug_removes_the_old_files(project):
    edit(project, "title: Sleep Well", "title: Sleep Well\nslug: good-sleep")
    result, _ = build(project)
    assert sorted(stamps(project)) == ["good-sleep-large-print.pdf", "good-sleep.html", "good-sleep.mp3",
                                       "good-sleep.mp4", "good-sleep.pdf", *PLAIN_FILES("good-sleep"), "good-sleep.vtt",
                                       "playlist.m3u8", "waiting-room.html"]
    assert sorted(p.name for p in result.removed) == ["sleep-well-large-print.pdf", "sleep-well.html", "sleep-well.mp3",
                                                      "sleep-well.mp4", "sleep-well.pdf", *PLAIN_FILES("sleep-well"),
                                                      "sleep-well.vtt"]


def test_damaged_manifest_warns_and_rebuilds(project, capsys):
    manifest = project / "build" / ".cache" / "manifest.json"
    for damage in (b"{\"version\": 1, \"hand", b"\xff\xfe garbage", b"[]", b'{"version": 1, "handouts": {"x": 3}}'):
        manifest.write_bytes(damage)
        result, engine = build(project)
        assert "build manifest is damaged" in capsys.readouterr().err
        assert set(result.rebuilt.values()) == {"not built before"} and engine.calls == []
        assert json.loads(manifest.read_text())["version"] == 1


def test_damaged_speech_cache_warns_and_speaks_again(project, capsys):
    entries = sorted((project / "build" / ".cache" / "speech").glob("*.npy"))
    for entry in entries:
        entry.write_bytes(b"not audio")
    (project / "build" / "sleep-well.mp3").unlink()
    result, engine = build(project)
    assert "damaged speech cache entry" in capsys.readouterr().err
    assert len(engine.calls) == len(entries)
    assert result.rebuilt == {"mp3": "file missing"}


def test_file_changed_outside_the_build_is_remade(project):
    (project / "build" / "sleep-well.pdf").write_bytes(b"%PDF-1.4 broken")
    result, _ = build(project)
    assert result.rebuilt == {"pdf": "file changed outside the build"}
    assert len(PdfReader(project / "build" / "sleep-well.pdf").pages) == 1


def test_no_audio_keeps_the_audio_record(project):
    edit(project, "Keep your room cool and dark.", "Keep your room dark.")
    result, engine = build(project, audio=False)
    assert set(result.rebuilt) == {"pdf", "large-print pdf", "html", *PLAIN_OUTPUTS} and engine.calls == []
    result, engine = build(project)
    assert set(result.rebuilt) == {"mp3", "captions", "video", "html"} and engine.calls == ["Keep your room dark."]


def test_damaged_plain_language_cache_warns_and_recomputes(project, capsys):
    entries = sorted((project / "build" / ".cache" / "plain").glob("*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(b"\x80\x05junk")
    result, engine = build(project)
    assert "damaged plain-language cache entry" in capsys.readouterr().err
    assert result.rebuilt == {} and engine.calls == []  # same text again, so every output is still current


def test_two_sources_with_one_slug_do_not_overwrite_each_other(project):
    (project / "content" / "zz-copy.txt").write_text(TEXT.replace("Good sleep helps", "Sleep helps"),
                                                     encoding="utf-8")
    report = build_all(load_config(project), engine=CountingEngine(), workers=2)
    first, copy = report
    assert first.ok and first.rebuilt == {}  # the first in name order keeps its files, untouched
    assert not copy.ok and "slug 'sleep-well' is already used by" in copy.error and "zz-copy.txt" in copy.error
    text = PdfReader(project / "build" / "sleep-well.pdf").pages[0].extract_text()
    assert "Good sleep helps" in " ".join(text.split())


def test_building_one_source_cannot_take_another_handouts_slug(project, tmp_path):
    other = tmp_path / "elsewhere.txt"
    other.write_text(TEXT.replace("Good sleep helps", "Sleep helps"), encoding="utf-8")
    [result] = build_all(load_config(project), [other], engine=CountingEngine(), workers=1)
    assert not result.ok and "already used by content/sleep.txt" in result.error


def _cache_names(root, kind, suffix):
    return {p.name[: -len(suffix)] for p in (root / "build" / ".cache" / kind).glob(f"*{suffix}")}


def test_an_edit_leaves_no_stale_cache_entries_and_keeps_other_handouts_entries(project):
    (project / "content" / "walk.txt").write_text("Walking helps your heart. Walk for 30 minutes a day.\n",
                                                  encoding="utf-8")
    build(project)
    speech_before = _cache_names(project, "speech", ".npy")
    assert len(_cache_names(project, "plain", ".pickle")) == 2
    edit(project, "Keep your room cool and dark.", "Keep your room cool, dark and quiet.")
    result, engine = build(project, sources=[project / "content" / "sleep.txt"])  # only this one is built
    assert engine.calls == ["Keep your room cool, dark and quiet."]
    speech_after = _cache_names(project, "speech", ".npy")
    gone, new = speech_before - speech_after, speech_after - speech_before
    assert len(gone) == 1 and len(new) == 1  # the old sentence's audio went; the new one's came
    # Every entry left is used: by this handout's narration or by the other handout's (not built now).
    manifest = json.loads((project / "build" / ".cache" / "manifest.json").read_text())
    used = {k for e in manifest["handouts"].values() for o in e["outputs"].values() for k in o["facts"].get("speech", [])}
    assert {name[:16] for name in speech_after} == used
    assert len(_cache_names(project, "plain", ".pickle")) == 2  # one current result per handout


def test_a_renamed_handout_leaves_no_mastering_cache_behind(project):
    assert _cache_names(project, "master", ".npz") == {"sleep-well"}
    edit(project, "title: Sleep Well", "title: Sleep Better")
    build(project)
    assert _cache_names(project, "master", ".npz") == {"sleep-better"}
