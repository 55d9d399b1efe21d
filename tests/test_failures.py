"""Every failure is one line naming the file and the fix, nothing half-made is left behind, and no
traceback (or 'leaked semaphore' warning) reaches the user: too long a text, a voice that fails on a
first build, a worker that dies, a full disk, a folder the user may not write to, a bug of ours."""

import os
import resource
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from fakes import CountingEngine
from handouts.build.progress import SpeechProgress
from handouts.config import load_config
from handouts.errors import SpeechError
from handouts.pipeline import build_all

GOOD = "---\ntitle: Drink Water\n---\nDrink water through the day. Carry a bottle with you.\n"
LONG = "---\ntitle: Long Read\n---\n" + "Rest and drink water when you feel unwell today. " * 30 + "\n"


def project(tmp_path, texts, settings=""):
    (tmp_path / "content").mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    if settings:
        (tmp_path / "handouts.toml").write_text(settings, encoding="utf-8")
    return tmp_path


def cli(root, *args, **kw):
    return subprocess.run([sys.executable, str(ROOT / "generate.py"), "--project", str(root), *args],
                          capture_output=True, text=True, timeout=300, **kw)


def made(root):
    out = root / "build"
    return sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) if out.exists() else []


def test_a_text_over_max_words_is_refused_up_front_and_nothing_is_written_for_it(tmp_path):
    root = project(tmp_path, {"long.txt": LONG, "water.txt": GOOD}, "max_words = 100\n")
    report = build_all(load_config(root), engine=CountingEngine(), workers=1, include_drafts=True)
    long, water = report
    assert water.ok and long.error.startswith(str(root / "content" / "long.txt"))
    assert "has 270 words, over the limit of 100" in long.error and "Split it into several handouts" in long.error
    assert "\n" not in long.error
    assert not [n for n in made(root) if n.startswith("long")]
    assert not (root / "content" / "long.po").exists()


class FailingVoice(CountingEngine):
    def speak(self, text):
        raise SpeechError("the voice could not be loaded. Reinstall the voice package.")


def test_a_failed_first_build_removes_what_it_started_and_a_later_build_makes_everything(tmp_path):
    root = project(tmp_path, {"water.txt": GOOD})
    report = build_all(load_config(root), engine=FailingVoice(), workers=1)
    assert not report[0].ok and "voice could not be loaded" in report[0].error
    assert [n for n in made(root) if n.startswith("drink-water")] == []  # not the PDFs it made before the voice
    report = build_all(load_config(root), engine=CountingEngine(), workers=1)
    assert report[0].ok and "drink-water.pdf" in made(root) and "drink-water.mp3" in made(root)


def test_a_removed_source_deletes_its_files_and_says_so(tmp_path):
    root = project(tmp_path, {"water.txt": GOOD})
    assert build_all(load_config(root), engine=CountingEngine(), workers=1)[0].ok
    (root / "content" / "water.txt").unlink()
    r = cli(root)
    assert "removed drink-water: its source" in r.stdout and "deleted nothing" not in r.stdout
    assert not [n for n in made(root) if n.startswith("drink-water")]


class DyingVoice(CountingEngine):
    def speak(self, text):
        os._exit(9)  # as a worker killed for memory would


def test_a_worker_that_dies_is_one_line_per_handout_and_the_build_goes_on(tmp_path):
    root = project(tmp_path, {"a.txt": GOOD, "b.txt": GOOD.replace("Drink Water", "Rest Well")})
    report = build_all(load_config(root), engine=DyingVoice(), workers=2)
    assert all(not r.ok for r in report)
    for r in report:
        assert "worker process ended" in r.error and "\n" not in r.error and r.error.startswith(str(r.source))


def test_a_full_disk_is_one_line_with_the_fix(tmp_path):
    root = project(tmp_path, {"water.txt": GOOD})

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))  # as if the disk filled up

    r = cli(root, "--no-audio", preexec_fn=small_files)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    problems = [line for line in r.stderr.splitlines() if line.strip()]
    assert problems and all("\n" not in p for p in problems)
    assert any("size limit" in p or "disk is full" in p for p in problems), r.stderr


NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root to act as another user")
def test_an_output_folder_the_user_cannot_write_is_one_line(tmp_path):
    probe = subprocess.run(NOBODY + [sys.executable, "-c", f"open({str(ROOT / 'generate.py')!r}).close()"],
                           capture_output=True)
    if probe.returncode:
        pytest.skip("another user cannot read this checkout (a private folder); "
                    "test_a_read_only_output_folder_is_one_line covers the message")
    root = project(tmp_path / "p", {"water.txt": GOOD})
    (root / "build").mkdir()
    os.chmod(root / "build", 0o555)
    for folder in (tmp_path, root, root / "content"):
        os.chmod(folder, 0o777)
    home = tmp_path / "home"
    home.mkdir(mode=0o777)
    r = subprocess.run(NOBODY + [sys.executable, str(ROOT / "generate.py"), "--project", str(root), "--no-audio"],
                       capture_output=True, text=True, timeout=300,
                       env={**os.environ, "HOME": str(home), "HANDOUTS_CACHE": str(home / "cache")})
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert lines and any("you may not write here" in line for line in lines), r.stderr


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="needs root to mount a folder read-only")
def test_a_read_only_output_folder_is_one_line(tmp_path):
    root = project(tmp_path, {"water.txt": GOOD})
    (root / "build").mkdir()
    build = root / "build"
    r = subprocess.run(["unshare", "-m", "sh", "-c", f'mount --bind -o ro "{build}" "{build}" && exec "$@"', "sh",
                        sys.executable, str(ROOT / "generate.py"), "--project", str(root), "--no-audio"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert lines and any("read-only" in line for line in lines), r.stderr


def test_a_bug_of_ours_is_one_line_and_debug_shows_the_traceback(tmp_path):
    root = project(tmp_path, {"water.txt": GOOD})
    boom = ("import sys, handouts.pipeline as p; "
            "p.plain_language = lambda *a, **k: 1 / 0; "
            "from handouts.cli import main; sys.exit(main(sys.argv[1:]))")
    r = subprocess.run([sys.executable, "-c", boom, "--project", str(root), "--no-audio"],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "ZeroDivisionError" in r.stderr and "--debug" in r.stderr
    r = subprocess.run([sys.executable, "-c", boom, "--project", str(root), "--no-audio", "--debug"],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert "Traceback" in r.stderr


def test_a_project_folder_that_is_not_there_is_not_created(tmp_path):
    r = cli(tmp_path / "nowhere")
    assert r.returncode == 2 and "no such folder" in r.stderr and not (tmp_path / "nowhere").exists()


def test_piped_progress_names_a_long_stage_once(monkeypatch, capsys):
    import io
    import time

    import handouts.build.progress as progress

    monkeypatch.setattr(progress, "LONG", 0.05)
    monkeypatch.setattr(progress, "REDRAW", 0.02)
    out = io.StringIO()
    with SpeechProgress(file=out, lines=True) as shown:
        report = shown.reporter()
        report("stage", "flu.md", "reading and plain language")
        time.sleep(0.3)
        report("stage", "flu.md", "making the pdf")
        report("done", "flu.md", None)
    assert out.getvalue().splitlines() == ["flu.md: reading and plain language..."]


def test_a_killed_build_leaves_no_leaked_semaphore_warning(tmp_path):
    import signal
    import time

    root = project(tmp_path, {f"{n}.txt": GOOD.replace("Drink Water", f"Handout {n}") for n in "abcd"})
    script = ("import sys; sys.path.insert(0, 'tests'); from fakes import CountingEngine; "
              "from handouts.pipeline import build_all; from handouts.config import load_config; "
              f"build_all(load_config({str(root)!r}), engine=CountingEngine(delay=0.5), workers=2)")
    errors = tmp_path / "stderr.txt"
    with open(errors, "w") as err:
        proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.time() + 60
        while not list((root / "build" / ".cache").glob("workers/*.lock")) and time.time() < deadline:
            time.sleep(0.1)  # the workers are up and speaking
        time.sleep(1.0)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        time.sleep(2.0)  # the resource tracker notices its parent is gone, cleans up, and exits
    assert "leaked semaphore" not in errors.read_text(), errors.read_text()


def test_a_language_the_voice_does_not_speak_is_refused_before_any_file(tmp_path):
    root = project(tmp_path, {"de.txt": "---\nlanguage: de\n---\nTrinken Sie viel Wasser. Ruhen Sie sich aus.\n"})
    report = build_all(load_config(root), workers=1)  # the project's voice: piper, English only
    assert not report[0].ok and "does not speak language 'de'" in report[0].error
    assert "Choose a voice that does: gtts" in report[0].error
    assert not [n for n in made(root) if n.startswith("de")] and not (root / "content" / "de.po").exists()


def test_a_missing_font_is_one_line_with_the_fix(tmp_path, monkeypatch):
    import handouts.render.fonts as fonts

    root = project(tmp_path, {"water.txt": GOOD})
    monkeypatch.setattr(fonts, "FILES", {"normal": "Gone-Regular.ttf", "bold": "Gone-Bold.ttf"})
    fonts.register_fonts.cache_clear()
    try:
        report = build_all(load_config(root), engine=CountingEngine(), workers=1)
    finally:
        fonts.register_fonts.cache_clear()
    assert not report[0].ok and "\n" not in report[0].error
    assert "handout font" in report[0].error and "Install the project again" in report[0].error
    assert not [n for n in made(root) if n.startswith("drink-water")]


def test_a_damaged_cache_is_a_warning_and_the_build_makes_what_it_needs(tmp_path):
    root = project(tmp_path, {"water.txt": GOOD})
    assert build_all(load_config(root), engine=CountingEngine(), workers=1)[0].ok
    (root / "content" / "water.txt").write_text(GOOD.replace("Carry", "Take"), encoding="utf-8")
    damaged = 0
    for path in (root / "build" / ".cache").rglob("*"):
        if path.is_file() and not path.name.endswith(".lock"):
            path.write_bytes(b"\x00garbage\xff" * 3)
            damaged += 1
    assert damaged >= 4  # the manifest, plain results, sentence audio, mastering
    r = cli(root)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr and "ok drink-water" in r.stdout


def test_a_failure_making_the_waiting_room_files_is_a_warning_after_every_handout_is_built(tmp_path, monkeypatch):
    import handouts.video.mp4

    def broken(*_):
        raise RuntimeError("ffmpeg stopped: No space left on device")

    monkeypatch.setattr(handouts.video.mp4, "join_videos", broken)
    root = project(tmp_path, {"water.txt": GOOD})
    report = build_all(load_config(root), engine=CountingEngine(), workers=1, include_drafts=True)
    assert report[0].ok and "drink-water.pdf" in made(root)
    assert "waiting-room files" in report.problem and "No space left" in report.problem


def test_piped_progress_names_a_long_stage_even_while_speech_keeps_reporting(monkeypatch):
    import io
    import time

    import handouts.build.progress as progress

    monkeypatch.setattr(progress, "LONG", 0.1)
    monkeypatch.setattr(progress, "REDRAW", 0.05)
    out = io.StringIO()
    with SpeechProgress(file=out, lines=True) as shown:
        report = shown.reporter()
        report("stage", "flu.md", "making the mp3")
        report("start", "flu", 100, 40)
        for _ in range(20):
            report("step", "flu", 5)
            time.sleep(0.02)
        report("done", "flu.md", None)
    assert out.getvalue().splitlines() == ["flu.md: making the mp3..."]
