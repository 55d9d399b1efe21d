"""The captioned video (build/NAME.mp4): its streams, the captions burned in where a cue is active, the loudness
of its sound, when it is remade, and joining videos without re-encoding."""

import re
import shutil
import subprocess
import sys

import imageio_ffmpeg
import numpy as np
import pyloudnorm
import pytest
from PIL import Image

from conftest import ROOT
from fakes import CountingEngine
from handouts.audio.captions import read_webvtt
from handouts.config import load_config
from handouts.pipeline import build_all
from handouts.render.fonts import font_files
from handouts.video.mp4 import join_videos
from documents import SLEEP_WELL as TEXT
from handouts.video.slides import BAND_TOP, HELD_GAP, Fonts, Frame, Part, Slide, Storyboard, draw, frames, pages

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
SLUG = "sleep-well"
SHORT = "---\ntitle: Wash Your Hands\n---\nWash your hands with soap for twenty seconds.\n"


def build(root, engine=None, **kw):
    """Build the project with the fake voice; return the result of the sleep handout."""
    report = build_all(load_config(root), engine=engine or CountingEngine(), workers=1, **kw)
    assert all(r.ok for r in report), [r.error for r in report]
    return next(r for r in report if r.slug == SLUG)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A project of two handouts built once; long section pauses leave gaps with no caption on screen."""
    root = tmp_path_factory.mktemp("video")
    (root / "content").mkdir()
    (root / "content" / "sleep.txt").write_text(TEXT, encoding="utf-8")
    (root / "content" / "hands.txt").write_text(SHORT, encoding="utf-8")
    (root / "handouts.toml").write_text("[audio]\nsection_pause = 4.0\n", encoding="utf-8")
    build(root)
    return root


@pytest.fixture
def project(built, tmp_path):
    """A copy of the built project (file times kept, so the copy is up to date), for tests that change it."""
    shutil.copytree(built, tmp_path / "p")
    return tmp_path / "p"


def probe(path) -> str:
    """Return what ffmpeg says about a media file (the imageio-ffmpeg wheel has no ffprobe)."""
    return subprocess.run([FFMPEG, "-hide_banner", "-i", str(path)], capture_output=True, text=True).stderr


def duration(path) -> float:
    """Return a media file's duration in seconds, as its container gives it."""
    h, m, s = re.search(r"Duration: (\d+):(\d+):([\d.]+)", probe(path)).groups()
    return int(h) * 3600 + int(m) * 60 + float(s)


def stills(path, times, folder) -> list[Image.Image]:
    """Return the pictures on screen at `times` (distinct): the fps filter repeats each still while it is shown, so
    frame n of its output is what a player shows at n/100 s (a plain -ss would give the next still instead)."""
    ticks = sorted({round(t * 100) for t in times})
    picks = "+".join(f"eq(n\\,{n})" for n in ticks)
    subprocess.run([FFMPEG, "-v", "error", "-i", str(path), "-map", "0:v", "-vf", f"fps=100,select='{picks}'",
                    "-fps_mode", "passthrough", str(folder / "at%d.png")], check=True)
    # The filter gives them in time order, numbered from 1.
    return [Image.open(folder / f"at{ticks.index(round(t * 100)) + 1}.png").convert("RGB") for t in times]


def sound(path) -> np.ndarray:
    """Return a file's first audio stream decoded to mono 48 kHz samples."""
    raw = subprocess.run([FFMPEG, "-v", "error", "-i", str(path), "-map", "0:a:0", "-f", "f32le", "-ac", "1",
                          "-ar", "48000", "-"], capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.float32).astype(np.float64)


def loudness(path) -> float:
    """Return the integrated loudness (ITU BS.1770, LUFS) of a file's sound."""
    return pyloudnorm.Meter(48000).integrated_loudness(sound(path))


def band(image: Image.Image) -> np.ndarray:
    """Return the caption band of a frame as grey levels."""
    return np.asarray(image.convert("L").crop((0, BAND_TOP, image.width, image.height)), dtype=np.float64)


def test_the_video_has_a_1080p_h264_stream_an_aac_stream_and_a_subtitle_track(built):
    info = probe(built / "build" / f"{SLUG}.mp4")
    assert re.search(r"Stream #0:0.*: Video: h264 .*1920x1080", info), info
    assert re.search(r"Stream #0:1.*: Audio: aac .*48000 Hz, mono", info), info
    assert re.search(r"Stream #0:2.*: Subtitle: mov_text", info), info
    assert len(re.findall(r"Stream #", info)) == 3  # nothing else (a chapter track would upset joins)
    # As long as the narration (decoded: an MP3's header gives only an estimate).
    assert duration(built / "build" / f"{SLUG}.mp4") == pytest.approx(len(sound(built / "build" / f"{SLUG}.mp3"))
                                                                     / 48000, abs=0.1)


def test_the_caption_on_screen_is_the_cue_active_at_that_moment(built, tmp_path):
    cues = read_webvtt((built / "build" / f"{SLUG}.vtt").read_text(encoding="utf-8"))
    gaps = [(a.end, b.start) for a, b in zip(cues, cues[1:]) if b.start - a.end > HELD_GAP + 1]
    assert gaps, "the section pauses leave gaps"
    first, later = cues[0], cues[len(cues) // 2]
    gap = sum(gaps[0]) / 2
    times = [(first.start + first.end) / 2, (later.start + later.end) / 2, gap]
    shot = stills(built / "build" / f"{SLUG}.mp4", times, tmp_path)
    assert all(image.size == (1920, 1080) for image in shot)
    lit = [int((band(image) > 160).sum()) for image in shot]
    assert lit[0] > 2000 and lit[1] > 2000, lit  # white letters in the band where a cue is active
    assert lit[2] < 20, lit  # and none in a long pause
    # The band shows that very cue: it matches the caption drawn alone, not the other cue.
    files = font_files()
    fonts, board = Fonts(files["normal"], files["bold"]), Storyboard("x", (), (), 1.0)
    drawn = [band(draw(Frame(0, 1, Slide("x"), cue.text), board, fonts)) for cue in (first, later)]
    assert np.abs(band(shot[0]) - drawn[0]).mean() < 3 < np.abs(band(shot[0]) - drawn[1]).mean()
    assert np.abs(band(shot[1]) - drawn[1]).mean() < 3 < np.abs(band(shot[1]) - drawn[0]).mean()


def test_the_video_sounds_as_loud_as_the_mp3(built):
    mp3, mp4 = loudness(built / "build" / f"{SLUG}.mp3"), loudness(built / "build" / f"{SLUG}.mp4")
    assert mp3 == pytest.approx(-16, abs=1)
    assert mp4 == pytest.approx(mp3, abs=1)


def test_a_no_op_rebuild_does_not_remake_the_video(project):
    video = project / "build" / f"{SLUG}.mp4"
    before = video.stat().st_mtime_ns
    result = build(project)
    assert result.rebuilt == {} and result.outputs["video"] == video
    assert video.stat().st_mtime_ns == before


def test_an_edited_sentence_remakes_the_video_and_a_voice_change_too(project):
    video = project / "build" / f"{SLUG}.mp4"
    before = video.stat().st_mtime_ns
    path = project / "content" / "sleep.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("cool and dark", "cool, quiet and dark"), encoding="utf-8")
    result = build(project)
    assert "text: 1 sentence changed in 'Before Bed'" in result.rebuilt["video"]
    assert video.stat().st_mtime_ns != before
    assert "cool, quiet and dark" in (project / "build" / f"{SLUG}.vtt").read_text(encoding="utf-8")
    result = build(project, CountingEngine(voice="b"))
    assert result.rebuilt["video"] == "files:mp3,vtt changed"  # new sound, same text


def test_no_audio_makes_no_video(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "sleep.txt").write_text(TEXT, encoding="utf-8")
    result = build(tmp_path, audio=False)
    assert "video" not in result.outputs and not (tmp_path / "build" / f"{SLUG}.mp4").exists()


def test_a_no_op_build_loads_neither_the_drawing_code_nor_ffmpeg(project):
    code = ("import sys; sys.path.insert(0, 'tests'); from fakes import CountingEngine;"
            "from handouts.pipeline import build_all; from handouts.config import load_config;"
            f"print([r.rebuilt for r in build_all(load_config({str(project)!r}), engine=CountingEngine())]);"
            "print(sorted(m for m in ('PIL.ImageDraw', 'PIL.ImageFont', 'imageio_ffmpeg') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["[{}, {}]", "[]"]


def test_joined_videos_last_as_long_as_their_parts_together(built, tmp_path):
    one, other = built / "build" / f"{SLUG}.mp4", tmp_path / "it's short.mp4"  # a quote must survive the list
    shutil.copy(built / "build" / "wash-your-hands.mp4", other)
    out = tmp_path / "room" / "waiting-room.mp4"
    join_videos([one, other, one], out)
    assert duration(out) == pytest.approx(2 * duration(one) + duration(other), abs=0.1)
    info = probe(out)
    assert re.search(r"Video: h264 .*1920x1080", info) and "Audio: aac" in info and "Subtitle: mov_text" in info
    assert [p.name for p in out.parent.iterdir()] == ["waiting-room.mp4"]  # no temporary file left
    # The second part plays its own pictures: its title slide shows just after the first part ends.
    [start, inside] = stills(out, [duration(one) - 0.5, duration(one) + 0.3], tmp_path)
    [own] = stills(other, [0.3], tmp_path / "room")
    assert np.abs(np.asarray(inside, float) - np.asarray(own, float)).mean() < 3
    assert np.abs(np.asarray(start, float) - np.asarray(own, float)).mean() > 3


def test_frames_hold_a_caption_over_a_short_pause_and_clear_it_in_a_long_one():
    board = Storyboard("T", (Part(2.0, "Section"),), ((0.0, 1.5, "one"), (1.9, 3.0, "two"), (5.0, 6.0, "three")), 7.0)
    shown = [(f.start, f.end, f.slide.heading, f.caption) for f in frames(board, [(0.0, Slide("T", title=True)),
                                                                                  (2.0, Slide("Section"))])]
    assert shown == [(0.0, 1.9, "T", "one"), (1.9, 2.0, "T", "two"), (2.0, 3.0, "Section", "two"),
                     (3.0, 5.0, "Section", ""), (5.0, 6.0, "Section", "three"), (6.0, 7.0, "Section", "")]


def test_many_key_points_go_on_several_slides_that_each_fit():
    files = font_files()
    fonts = Fonts(files["normal"], files["bold"])
    items = [f"Point {n}: call your doctor if you feel sick for more than two days in a row." for n in range(12)]
    size, found = pages("Key points", items, fonts)
    assert len(found) > 1 and sum(found, []) == list(range(12))
    assert pages("Key points", items[:5], fonts) == (48, [[0, 1, 2, 3, 4]])  # five fit whole in smaller type
    for page in found:
        image = draw(Frame(0, 1, Slide("Key points", tuple(items[i] for i in page), size=size), ""),
                     Storyboard("T", (), (), 1), fonts)
        above = np.asarray(image.convert("L"))[BAND_TOP - 24:BAND_TOP]
        assert (above > 160).sum() == 0  # no item runs into the caption band
