"""Safe outputs: killed builds leave valid files, builds never interleave, order never matters."""

import io
import re
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest
from pypdf import PdfReader

from conftest import DATA, ROOT
from fakes import CountingEngine
from handouts.pipeline import OUTPUTS, build_all, cache_dir
from handouts.config import load_config
from handouts.build.lock import BuildLockedError, build_lock
from handouts.build.progress import SpeechProgress
from killing import check_outputs, fake_voice_build, kill_builds

DRIVER = ROOT / "tests" / "build_with_fake_voice.py"
TEXTS = ["lists.txt", "wrapped_paragraph.txt", "quoted_intro.txt", "repeated_heading.txt"]


def make_project(root, texts=TEXTS):
    (root / "content").mkdir(parents=True)
    for name in texts:
        shutil.copy(DATA / name, root / "content" / name)
    return root


def outputs(root):
    """Return each handout's output files (not the project-wide playlist.m3u8 and waiting-room.html)."""
    return sorted(p for p in (root / "build").iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.name not in ("playlist.m3u8", "waiting-room.html"))


def run_driver(root, delay=0.0, workers=2, **kw):
    return subprocess.Popen([sys.executable, str(DRIVER), str(root), str(delay), str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def test_build_killed_at_random_moments_leaves_every_output_valid(tmp_path):
    root = make_project(tmp_path)
    notes = {}

    def edit(round_):
        name = TEXTS[round_ % len(TEXTS)]
        with open(root / "content" / name, "a", encoding="utf-8") as f:
            f.write(f"\nNote number {round_} is here.\n")
        notes[name] = f"Note number {round_} is here."
        if round_ % 5 == 0:  # now and then, lose the speech cache so kills land mid-synthesis too
            shutil.rmtree(root / "build" / ".cache" / "speech", ignore_errors=True)

    report = kill_builds(root, edit, fake_voice_build(root, lambda: CountingEngine(delay=0.005)), kills=20)
    assert report.kills >= 20 and report.checked >= 20 * len(OUTPUTS) * len(TEXTS)
    assert report.mid_write >= 1  # some kills landed between two output files
    final = run_driver(root, delay=0.0, workers=2)  # the next build (in a fresh process) completes
    assert final.wait(120) == 0, final.stderr.read()
    check_outputs(root)
    assert not [p for p in (root / "build").rglob("*.tmp")]  # leftovers of killed builds were cleared
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(root / "build" / "lists.pdf").pages).split())
    assert notes["lists.txt"] in text
    again = build_all(load_config(root), engine=CountingEngine(), workers=1)
    assert all(r.ok and not r.rebuilt for r in again), [(r.source.name, r.rebuilt, r.error) for r in again
                                                        if r.rebuilt or not r.ok]


def test_second_build_waits_for_the_first(tmp_path):
    root = make_project(tmp_path, ["lists.txt"])
    errors = tmp_path / "stderr.txt"
    with build_lock(cache_dir(load_config(root))):
        with pytest.raises(BuildLockedError, match="another build"):
            with build_lock(cache_dir(load_config(root)), wait=False):
                pass
        with open(errors, "w") as err:
            proc = subprocess.Popen([sys.executable, str(DRIVER), str(root), "0", "1"],
                                    stdout=subprocess.DEVNULL, stderr=err)
            deadline = time.time() + 30
            while "waiting for another build" not in errors.read_text() and time.time() < deadline:
                time.sleep(0.1)
            time.sleep(0.3)
            assert proc.poll() is None
            assert f"process {os.getpid()}" in errors.read_text()
            assert not (root / "build").exists() or outputs(root) == []
    assert proc.wait(60) == 0
    assert [p.name for p in outputs(root)] == sorted(o.filename.format(slug="lists") for o in OUTPUTS)


def test_outputs_do_not_depend_on_build_order_or_workers(tmp_path):
    one = make_project(tmp_path / "one")
    two = make_project(tmp_path / "two")
    build_all(load_config(one), engine=CountingEngine(), workers=2)
    sources = sorted((two / "content").iterdir(), reverse=True)
    build_all(load_config(two), sources, engine=CountingEngine(), workers=1)
    assert [p.name for p in outputs(one)] == [p.name for p in outputs(two)]
    assert len(outputs(one)) == len(OUTPUTS) * len(TEXTS)
    for a, b in zip(outputs(one), outputs(two)):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert (one / "build" / "playlist.m3u8").read_bytes() == (two / "build" / "playlist.m3u8").read_bytes()


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_shows_each_handout_with_an_eta(tmp_path, workers):
    root = make_project(tmp_path, ["lists.txt", "wrapped_paragraph.txt"])
    screen = io.StringIO()
    with SpeechProgress(file=screen) as progress:
        report = build_all(load_config(root), engine=CountingEngine(delay=0.05), workers=workers,
                           progress=progress)
    assert all(r.ok for r in report)
    drawn = screen.getvalue()
    for slug in ("lists", "wrapped-paragraph"):
        assert f"speech {slug} 0/" in drawn
    assert "ETA" in drawn and "sentences" in drawn
    screen = io.StringIO()
    with SpeechProgress(file=screen) as progress:  # nothing to say: no bar at all
        build_all(load_config(root), engine=CountingEngine(), workers=workers, progress=progress)
    assert screen.getvalue() == ""


def test_cli_is_quiet_without_a_terminal_and_with_quiet(tmp_path):
    root = make_project(tmp_path, ["lists.txt"])
    run = lambda *a: subprocess.run([sys.executable, str(ROOT / "generate.py"), "--project", str(root),  # noqa: E731
                                     "--no-audio", *a], capture_output=True, text=True, timeout=120)
    r = run("--verbose")
    # Piped, the only thing on stderr may be a line naming a stage that ran long ("lists.txt: making the pdf...").
    assert r.returncode == 0 and all(re.fullmatch(r"\S+: [a-z -]+\.\.\.", line) for line in r.stderr.splitlines())
    remade = re.search(r"\[remade (.*): not built before\]", r.stdout)
    assert remade and {"pdf", "large-print pdf", "html"} <= set(remade.group(1).split(", "))
    assert run("--quiet").stdout == ""
    r = run("--force", "--verbose")
    remade = re.search(r"\[remade (.*): --force\]", r.stdout)
    assert remade and {"pdf", "large-print pdf", "html"} <= set(remade.group(1).split(", "))


def test_no_op_and_print_only_rebuilds_do_not_load_the_voice_or_the_parser(tmp_path):
    root = make_project(tmp_path, ["quoted_intro.txt"])
    first = subprocess.run([sys.executable, str(ROOT / "generate.py"), "--project", str(root)],
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    (root / "handouts.toml").write_text('page_size = "a4"\n', encoding="utf-8")
    code = (
        "import sys; from handouts.pipeline import build_all; from handouts.config import load_config;"
        f"print([sorted(r.rebuilt) for r in build_all(load_config({str(root)!r}))]);"
        "print(sorted(m for m in ('onnxruntime', 'piper', 'spacy', 'thinc') if m in sys.modules))"
    )
    for expected in ("[['large-print pdf', 'pdf']]", "[[]]"):  # page size: print only
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert out.stdout.splitlines() == [expected, "[]"]


def test_watch_rebuilds_after_a_save(tmp_path):
    root = make_project(tmp_path, ["lists.txt"])
    proc = subprocess.Popen([sys.executable, str(ROOT / "generate.py"), "watch", "--verbose", "--project", str(root),
                             "--no-audio"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in proc.stdout], daemon=True).start()

    def wait_for(text, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r}")

    try:
        wait_for("1 of 1 handouts built")
        source = root / "content" / "lists.txt"
        for word in ("medicines", "pills"):  # two quick saves: one rebuild after they settle
            source.write_text(source.read_text().replace("medicines" if word == "medicines" else "tablets",
                                                         "tablets" if word == "medicines" else "pills"))
            time.sleep(0.1)
        line = wait_for("ok lists:")
        assert "text: 1 sentence changed in 'Before Your Visit'" in line
        wait_for("1 remade")
        text = " ".join(PdfReader(root / "build" / "lists.pdf").pages[0].extract_text().split())
        assert "list of your pills" in text
        (root / "handouts.toml").write_text('page_size = "a4"\n')  # settings are read again
        assert "settings changed: page_size" in wait_for("ok lists:")
        width = float(PdfReader(root / "build" / "lists.pdf").pages[0].mediabox.width)
        assert round(width) == 595  # A4
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(120)  # (a build under way finishes first: on a busy machine that can take a while)
    assert proc.returncode == 0
    stderr = proc.stderr.read()
    assert stderr.count("rebuilding") == 2 and "stopped watching" in stderr


def test_cli_shows_speech_progress_on_a_terminal(tmp_path):
    import pty

    root = make_project(tmp_path, ["wrapped_paragraph.txt"])
    main, terminal = pty.openpty()  # a terminal of size 0x0, like some CI runners: bars must still show
    proc = subprocess.Popen([sys.executable, str(ROOT / "generate.py"), "--project", str(root)],
                            stdout=subprocess.PIPE, stderr=terminal, text=True)
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the build closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    assert proc.wait(120) == 0
    os.close(main)
    text = drawn.decode("utf-8", "replace")
    assert "speech wrapped-paragraph 0/" in text and "ETA" in text
    assert "ok wrapped-paragraph:" in proc.stdout.read()
