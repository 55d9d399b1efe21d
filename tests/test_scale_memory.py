"""Long texts in bounded memory, the files side: the video is written by ffmpeg under a temporary name in the
output folder and renamed into place (never read into memory), and the video's inputs (the MP3 and captions) are
hashed a MiB at a time, with the fingerprints recorded before."""

import dataclasses
import os
import threading

import pytest

import handouts.outputs as outputs
import handouts.video.mp4 as mp4
from fakes import CountingEngine
from handouts.build.inputs import CHUNK, file_digest
from handouts.build.manifest import Manifest, digest
from handouts.build.paths import cache_dir
from handouts.config import load_config
from handouts.files import Written, temp_path, write_atomic
from handouts.pipeline import build_all

TEXT = "---\ntitle: Wash Your Hands\n---\nWash your hands with soap for twenty seconds.\n"
SLUG = "wash-your-hands"


def make_project(root):
    (root / "content").mkdir(parents=True)
    (root / "content" / "hands.txt").write_text(TEXT, encoding="utf-8")
    return root


def build(root, **kw):
    return build_all(load_config(root), engine=CountingEngine(), workers=1, **kw)[0]


def temp_files(root):
    return sorted(p.name for p in (root / "build").rglob("*.tmp"))


class Watched:
    """run_ffmpeg that notes where each video was written (and its inode), then fails when told to."""

    def __init__(self, monkeypatch, fail=False):
        self.real, self.fail, self.written = mp4.run_ffmpeg, fail, []
        self.done = threading.Event()
        monkeypatch.setattr(mp4, "run_ffmpeg", self)

    def __call__(self, args):
        self.real(args)
        target = args[-1]
        self.written.append((target, os.stat(target).st_size, os.stat(target).st_ino))
        self.done.set()
        if self.fail:
            raise RuntimeError("injected: the disk filled up after ffmpeg wrote the video")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("scale-memory"))
    assert build(root).ok
    return root


def test_the_video_is_written_beside_its_place_and_renamed_into_it(built, monkeypatch):
    watched = Watched(monkeypatch)
    result = build(built, force=True)
    assert result.ok and "video" in result.rebuilt, result.error
    [(target, size, inode)] = watched.written
    video = built / "build" / f"{SLUG}.mp4"
    # ffmpeg wrote a temporary name the build's clean-up knows, in the output folder (one file system) ...
    assert os.path.dirname(target) == str(built / "build")
    assert os.path.basename(target).startswith(f".{SLUG}.mp4.") and target.endswith(".tmp")
    # ... and that very file (not a copy of its bytes) is the video now; nothing is left behind.
    assert video.stat().st_ino == inode and video.stat().st_size == size > 1000
    assert video.read_bytes()[4:8] == b"ftyp" and not os.path.exists(target)
    assert temp_files(built) == []


def test_a_failed_video_leaves_the_old_one_untouched_and_no_temporary_file(built, monkeypatch):
    video = built / "build" / f"{SLUG}.mp4"
    before, stamp = video.read_bytes(), video.stat().st_mtime_ns
    watched = Watched(monkeypatch, fail=True)
    result = build(built, force=True)
    assert not result.ok and "injected" in result.error
    [(target, size, _)] = watched.written
    assert size > 1000 and not os.path.exists(target)  # the whole video was written, then removed
    assert video.read_bytes() == before and video.stat().st_mtime_ns == stamp
    assert temp_files(built) == []
    assert build(built).ok  # the next build remakes it
    assert temp_files(built) == []


def test_a_video_made_ahead_is_removed_when_the_build_fails_before_taking_it(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    watched = Watched(monkeypatch)

    def broken_pdf(job):  # the print stage fails once the narration thread has made the video
        assert watched.done.wait(120)
        raise RuntimeError("injected: the PDF failed")

    monkeypatch.setattr(outputs, "OUTPUTS", [dataclasses.replace(o, render=broken_pdf) if o.name == "pdf" else o
                                             for o in outputs.OUTPUTS])
    import handouts.pipeline as pipeline

    monkeypatch.setattr(pipeline, "OUTPUTS", outputs.OUTPUTS)
    result = build(root)
    assert not result.ok and "PDF failed" in result.error
    [(target, size, _)] = watched.written
    assert size > 1000 and not os.path.exists(target)
    assert temp_files(root) == [] and not (root / "build" / f"{SLUG}.mp4").exists()


def test_write_atomic_renames_a_written_file_and_removes_one_it_cannot_place(tmp_path):
    path = tmp_path / "out" / "a.mp4"
    path.parent.mkdir()
    path.write_bytes(b"old")
    tmp = temp_path(path)
    tmp.write_bytes(b"new")
    assert write_atomic(path, Written(tmp)) == path and path.read_bytes() == b"new" and not tmp.exists()
    elsewhere = tmp_path / f".a.mp4.{os.getpid()}.x.tmp"  # not beside it: refused, removed, the old file kept
    elsewhere.write_bytes(b"newer")
    with pytest.raises(ValueError, match="not beside"):
        write_atomic(path, Written(elsewhere))
    assert path.read_bytes() == b"new" and not elsewhere.exists()


def test_a_file_is_hashed_in_pieces_to_the_fingerprint_its_bytes_had(tmp_path):
    small = tmp_path / "small.vtt"
    small.write_bytes(b"WEBVTT\n\n00:00.000 --> 00:01.000\nWash your hands.\n")
    # The value the whole-file digest gave (SHA-256, 20 hex digits): what manifests written before recorded.
    assert file_digest(small) == digest(small.read_bytes()) == "7fd31fe46d955e9fc421"
    for size in (0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 12345):  # across piece boundaries
        data = os.urandom(size)
        path = tmp_path / f"{size}.mp3"
        path.write_bytes(data)
        assert file_digest(path) == digest(data)


def test_the_video_inputs_recorded_are_the_digests_of_the_mp3_and_captions(built):
    assert build(built).ok
    entry = next(iter(Manifest.load(cache_dir(load_config(built))).handouts.values()))
    files = entry["outputs"]["video"]["inputs"]["files:mp3,vtt"]
    folder = built / "build"
    assert files == {"mp3": digest((folder / f"{SLUG}.mp3").read_bytes()),
                     "vtt": digest((folder / f"{SLUG}.vtt").read_bytes())}
    again = build(built)
    assert again.ok and again.rebuilt == {}  # the fingerprints recorded still hold: nothing is remade
