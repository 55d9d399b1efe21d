"""The command line: exit codes, summary lines, one-line errors."""

import shutil
import subprocess
import sys

import polib

from conftest import DATA, ROOT


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "generate.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_help_describes_the_commands():
    r = run("--help")
    assert r.returncode == 0
    assert "--out" in r.stdout and "--voice" in r.stdout and "exit status" in r.stdout


def test_usage_errors_exit_2_with_one_line():
    r = run("no/such/file.txt")
    assert r.returncode == 2
    assert r.stderr.strip() == "error: no/such/file.txt: no such file. Check the name, or leave it out to build all of content/."
    assert run("--voice", "robot").returncode == 2


def test_one_bad_handout_fails_others_still_build(tmp_path):
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    shutil.copy(DATA / "lists.txt", project / "content" / "a-lists.txt")
    (project / "content" / "b-broken.md").write_text("---\ntitel: Oops\n---\nText.\n", encoding="utf-8")
    r = run("--project", str(project), "--no-audio")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "b-broken.md, line 2: front matter line 'titel: Oops' is not understood" in r.stderr
    assert (project / "build" / "a-lists.pdf").exists()
    assert r.stdout.splitlines()[0].startswith("ok a-lists: 1 page (large print 1), grade ")


def test_build_one_source_with_out_dir(tmp_path):
    r = run(str(DATA / "quoted_intro.txt"), "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    line = r.stdout.splitlines()[0]
    assert line.startswith("ok quoted-intro:") and "audio 0:" in line
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == [
        "playlist.m3u8", "quoted-intro-large-print.pdf", "quoted-intro.html", "quoted-intro.mp3", "quoted-intro.mp4",
        "quoted-intro.pdf",
        "quoted-intro.plain.json", "quoted-intro.readability.json", "quoted-intro.review.html", "quoted-intro.vtt",
        "waiting-room.html"]


def test_readme_and_ci_run_the_same_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = [l for l in ci.splitlines() if l.startswith("python3 -m venv")][0]
    assert command in readme


def test_outputs_are_readable_by_others(tmp_path):
    import os
    import stat

    from handouts.files import write_atomic

    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "x.pdf", b"data")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


def test_summary_says_draft_until_reviewed_and_html_is_made(tmp_path):
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    (project / "content" / "a.md").write_text("# Rest\n\nRest at home.\n", encoding="utf-8")
    (project / "content" / "b.md").write_text(
        "---\nreviewed_by: Dr. Lee\nreviewed_on: 2026-03-01\n---\n# Drink\n\nDrink water.\n", encoding="utf-8")
    r = run("--project", str(project), "--no-audio", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    lines = {line.split(":")[0]: line for line in r.stdout.splitlines()}
    assert lines["ok a"].endswith(", DRAFT (not yet reviewed)") and lines["ok b"].endswith(", DRAFT (not yet reviewed)")
    assert "the front matter says reviewed by Dr. Lee on 2026-03-01" in r.stdout  # signed in the review file only
    assert "a.html" not in lines["ok a"]  # the files are listed only with --verbose
    assert "To print: the .pdf files in " in r.stdout.splitlines()[-1]
    refused = run("review", "--project", str(project), "--sign", "Dr. Lee", str(project / "content" / "b.md"))
    assert refused.returncode == 1 and "not signed: 2 entries" in refused.stderr
    po = polib.pofile(str(project / "content" / "b.po"))
    for entry in po:
        entry.flags = []
    po.save()
    signed = run("review", "--project", str(project), "--sign", "Dr. Lee", str(project / "content" / "b.md"))
    assert signed.returncode == 0 and signed.stdout.startswith("signed b.md: reviewed by Dr. Lee on ")
    r = run("--project", str(project), "--no-audio", "--jobs", "1")
    lines = {line.split(":")[0]: line for line in r.stdout.splitlines()}
    assert lines["ok b"].endswith(", reviewed") and lines["up to date a"].endswith(", DRAFT (not yet reviewed)")
    again = run("--project", str(project), "--no-audio", "--jobs", "1", "--verbose")
    assert again.stdout.splitlines()[0].startswith("up to date a: ")
    assert "DRAFT (not yet reviewed)" in again.stdout.splitlines()[0]  # up-to-date lines say it too
    assert (project / "build" / "a.html").exists() and "a.html" in again.stdout.splitlines()[0]


def test_subcommands_version_and_help(tmp_path):
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("handouts 0.")
    for command in ("build", "watch", "check", "review"):
        r = run(command, "--help")
        assert r.returncode == 0 and r.stdout.startswith(f"usage: handouts {command} ")
    assert "--voice" in run("build", "--help").stdout and "--voice" not in run("check", "--help").stdout
    assert all(c in run("--help").stdout for c in ("build", "watch", "check"))


def test_option_that_does_not_apply_is_refused_in_one_line():
    r = run("check", "--voice", "gtts")
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr == ("error: 'handouts check' does not take --voice. "
                        "Run 'handouts check --help' to see what it takes.\n")
    r = run("build", "--jobs", "many")
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1 and "--jobs" in r.stderr


def test_a_source_named_like_a_subcommand_builds(tmp_path):
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    for name in ("watch.txt", "check.txt"):
        (project / "content" / name).write_text("Rest at home.\n", encoding="utf-8")
    r = run("build", "content/watch.txt", "content/check.txt", "--no-audio", cwd=project)
    assert r.returncode == 0, r.stderr
    assert (project / "build" / "watch.pdf").exists() and (project / "build" / "check.pdf").exists()
    r = run("content/check.txt", "--no-audio", cwd=project)  # no subcommand: build
    assert r.returncode == 0 and r.stdout.startswith("up to date check: ")


def test_a_folder_given_as_a_source_is_named_as_a_folder(tmp_path):
    r = run(str(tmp_path), "--no-audio")
    assert r.returncode == 2
    assert r.stderr.strip() == f"error: {tmp_path}: this is a folder. Name a source text in it, or use --project for a project folder."


def test_readme_names_every_command_and_option():
    import re

    from handouts.cli import parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = parser()._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        assert f"handouts {name}" in readme or name == "build" and "handouts [build]" in readme, name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert re.search(rf"{flag}\b", readme), f"README does not mention {flag} of {name}"
