"""`generate.py check` exits non-zero and lists every missed target."""

import re
import shutil
import subprocess
import sys

from conftest import DATA, ROOT, SAMPLE


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "generate.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _project(tmp_path, *sources, settings=""):
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    for s in sources:
        shutil.copy(s, project / "content" / s.name)
    (project / "handouts.toml").write_text(settings, encoding="utf-8")
    return project


def test_check_passes_an_easy_text(tmp_path):
    r = run("check", "--project", str(_project(tmp_path, DATA / "lists.txt")))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ok lists: grade ") and "1 of 1 handouts meet their targets" in r.stdout


def test_check_lists_missed_targets_and_exits_1(tmp_path):
    strict = "max_grade = 1.0\nmax_smog = 3.5\nmax_sentence_words = 5\n"
    r = run("check", "--project", str(_project(tmp_path, SAMPLE, settings=strict)))
    assert r.returncode == 1
    assert "MISSED kratom-dopamine-opioid-withdrawal: grade " in r.stderr
    assert "Flesch-Kincaid grade" in r.stderr and "over the target 1" in r.stderr
    assert "SMOG grade" in r.stderr and "over 5 words" in r.stderr
    assert "0 of 1 handouts meet their targets" in r.stdout
    assert not (tmp_path / "project" / "build").exists()  # check renders nothing
    # What verification kept as the source says it, and the sentences left long, each with its reason.
    assert "  - kept: split_long_by_means: 'This' could point at more than one thing in " in r.stderr
    assert re.search(r"  - long: \d+ words, no safe split: .+ \| ", r.stderr)


def test_check_names_a_missing_file():
    r = run("check", "no/such.txt")
    assert r.returncode == 2 and "no such file" in r.stderr
