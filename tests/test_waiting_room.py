"""The waiting-room screen in a real browser (headless Chromium, opened from its folder as file://):
it starts on its own with kiosk-style autoplay, shows the cue for the audio's current time, and goes on
to the next handout by itself. Needs Debian's chromium and chromium-driver (.ci/run installs them)."""

import shutil
import time

import pytest

from fakes import CountingEngine
from handouts.audio.captions import read_webvtt
from handouts.config import load_config
from handouts.pipeline import build_all
from test_browser import chromium, required

TEXTS = {
    "a.txt": "---\ntitle: Wash Your Hands\nslug: a-wash-your-hands\n---\nWash your hands with soap and water for twenty seconds. "
             "Dry them with a clean towel.\n\nWhen to Wash\nWash before you eat. Wash after you use the toilet. "
             "Wash after you cough or sneeze into your hands.\n",
    "b.txt": "---\ntitle: Drink Water\nslug: b-drink-water\n---\nDrink water through the day. Carry a bottle with you.\n",
}


@pytest.fixture(scope="module")
def kiosk():
    """Headless Chromium allowed to play sound without a click, as the README's kiosk command runs it."""
    yield from chromium("--autoplay-policy=no-user-gesture-required", needs=(), window="1920,1080")


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    root = tmp_path_factory.mktemp("room")
    (root / "content").mkdir()
    for name, text in TEXTS.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    report = build_all(load_config(root), engine=CountingEngine(), workers=1, include_drafts=True)
    assert all(r.ok for r in report), [r.error for r in report]
    return root / "build"


def state(driver):
    """Read the audio's time, the caption shown, the section, the title and which handout plays, at one moment."""
    return driver.execute_script(
        "const w = window.waitingRoom; return {t: w.audio.currentTime, caption: document.getElementById('caption')"
        ".textContent, section: document.getElementById('section').textContent, title: document.getElementById("
        "'title').textContent, index: w.index(), paused: w.audio.paused};")


def cue_at(cues, t):
    return next(("\n".join(c.lines) for c in cues if c.start <= t < c.end), "")


def test_drafts_are_left_out_unless_asked(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "b.txt").write_text(TEXTS["b.txt"], encoding="utf-8")
    report = build_all(load_config(tmp_path), engine=CountingEngine(), workers=1)
    assert report.left_out == ["b-drink-water"]
    page = (tmp_path / "build" / "waiting-room.html").read_text(encoding="utf-8")
    assert "b-drink-water.mp3" not in page and "Left out as drafts: b-drink-water" in page
    assert "b-drink-water.mp3" not in (tmp_path / "build" / "playlist.m3u8").read_text(encoding="utf-8")
    report = build_all(load_config(tmp_path), engine=CountingEngine(), workers=1, include_drafts=True)
    assert report.left_out == [] and "b-drink-water.mp3" in (tmp_path / "build" / "waiting-room.html").read_text()


def test_the_screen_starts_by_itself_shows_the_cue_for_the_time_and_goes_on_to_the_next(kiosk, room):
    kiosk.get((room / "waiting-room.html").as_uri())
    deadline = time.time() + 10
    while state(kiosk)["paused"] and time.time() < deadline:
        time.sleep(0.1)
    first = state(kiosk)
    assert not first["paused"] and first["title"] == "Wash Your Hands" and first["index"] == 0
    size = kiosk.execute_script("return parseFloat(getComputedStyle(document.getElementById('caption')).fontSize)")
    assert size >= 54  # at least 5% of a 1080-pixel screen
    cues = read_webvtt((room / "a-wash-your-hands.vtt").read_text(encoding="utf-8"))
    assert len(cues) >= 3
    kiosk.execute_script("window.waitingRoom.audio.pause();")  # the test voice is quick: hold it while looking
    for cue in (cues[1], cues[len(cues) // 2], cues[-1]):  # three moments, each in the middle of a cue
        kiosk.execute_script("window.waitingRoom.audio.currentTime = arguments[0];", (cue.start + cue.end) / 2)
        time.sleep(0.15)
        seen = state(kiosk)
        assert seen["index"] == 0
        assert seen["caption"] == cue_at(cues, seen["t"]) and seen["caption"], (seen, cue)
    assert state(kiosk)["section"] == "When to Wash"  # the last cue is in the second section
    duration = kiosk.execute_script("return window.waitingRoom.audio.duration")
    kiosk.execute_script("const a = window.waitingRoom.audio; a.currentTime = arguments[0]; a.play();", duration - 0.3)
    deadline = time.time() + 10
    while state(kiosk)["index"] != 1 and time.time() < deadline:
        time.sleep(0.1)
    second = state(kiosk)
    assert second["index"] == 1 and second["title"] == "Drink Water"
    playing = read_webvtt((room / "b-drink-water.vtt").read_text(encoding="utf-8"))
    for _ in range(5):  # while it plays, the caption is the cue of the moment (one frame behind at most)
        seen = state(kiosk)
        if seen["index"] == 1 and not seen["paused"]:
            assert seen["caption"] in (cue_at(playing, seen["t"]), cue_at(playing, seen["t"] - 0.05)), seen
        time.sleep(0.07)
    time.sleep(0.3)
    later = state(kiosk)
    assert (later["index"], later["t"]) != (second["index"], second["t"]) and not later["paused"]  # plays on


def test_mpv_plays_the_playlist_to_the_end_with_each_title_and_duration(room):
    """mpv (and VLC) read a plain M3U8; ffmpeg would take any .m3u8 for HLS. .ci/run installs mpv."""
    import re
    import subprocess

    from mutagen.mp3 import MP3

    mpv = shutil.which("mpv")
    if mpv is None:
        if required():
            pytest.fail("mpv is missing: apt-get install mpv (.ci/run does)")
        pytest.skip("needs mpv: apt-get install mpv")
    playlist = (room / "playlist.m3u8").read_text(encoding="utf-8").splitlines()
    assert playlist[0] == "#EXTM3U"
    entries = list(zip(playlist[1::2], playlist[2::2]))
    assert [name for _, name in entries] == ["a-wash-your-hands.mp3", "b-drink-water.mp3"]
    for info, name in entries:
        seconds, title = re.fullmatch(r"#EXTINF:(\d+),(.+)", info).groups()
        assert abs(int(seconds) - MP3(room / name).info.length) < 1.0 and title in ("Wash Your Hands", "Drink Water")
    run = subprocess.run([mpv, "--no-config", "--ao=null", "--vo=null", "--msg-level=all=info",
                          "--term-playing-msg=PLAYING ${playlist-pos-1} ${media-title}", str(room / "playlist.m3u8")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    out = run.stdout + run.stderr
    assert "PLAYING 1 Wash Your Hands" in out and "PLAYING 2 Drink Water" in out
    assert "Exiting... (End of file)" in out


def test_the_collection_video_joins_the_chosen_handouts_and_is_not_joined_again_for_nothing(room, tmp_path):
    from test_video import duration, probe

    video = room / "waiting-room.mp4"
    parts = [room / "a-wash-your-hands.mp4", room / "b-drink-water.mp4"]
    assert video.is_file()
    assert abs(duration(video) - sum(duration(p) for p in parts)) < 0.2
    info = probe(video)
    assert "1920x1080" in info and "h264" in info and "aac" in info and "mov_text" in info
    stamp = video.stat().st_mtime_ns
    root = room.parent
    assert build_all(load_config(root), engine=CountingEngine(), workers=1, include_drafts=True)[0].ok
    assert video.stat().st_mtime_ns == stamp  # nothing changed: not joined again
    report = build_all(load_config(root), engine=CountingEngine(), workers=1)  # drafts left out by default
    assert report.left_out == ["a-wash-your-hands", "b-drink-water"] and not video.exists()
    assert build_all(load_config(root), engine=CountingEngine(), workers=1, include_drafts=True)[0].ok
