"""Make a handout's MP4 with the ffmpeg that imageio-ffmpeg ships (H.264, AAC, a mov_text subtitle track), and join
several MP4s into one without re-encoding."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from handouts.files import Written, temp_path, write_atomic
from handouts.video.slides import Fonts, Storyboard

# Fixed for every MP4 the project makes, so any of them can be joined with `-c copy`: the same codec
# settings give the same stream parameters (SPS/PPS, audio config, track timescales).
VIDEO_CODEC = ["-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "20",
               "-profile:v", "high", "-level:v", "4.0", "-pix_fmt", "yuv420p", "-bf", "0",
               # HD is BT.709: say so, and convert with that matrix, or colours shift on TVs.
               "-vf", "scale=out_color_matrix=bt709:out_range=tv,"
                      "setparams=colorspace=bt709:color_primaries=bt709:color_trc=bt709",
               # A keyframe at least every 10 s: a player that seeks or starts mid-loop shows a picture soon.
               "-force_key_frames", "expr:gte(t,n_forced*10)",
               "-fps_mode", "vfr", "-video_track_timescale", "1000"]
# Mono, like the MP3 (a mono signal copied to two channels would measure 3 LU louder); 48 kHz is video's rate.
# The fast coder: the default one takes 3 s for 3 minutes of speech, which the spoken word does not need.
AUDIO_CODEC = ["-c:a", "aac", "-aac_coder", "fast", "-b:a", "96k", "-ar", "48000", "-ac", "1"]
LANGUAGES = {"en": "eng", "es": "spa", "fr": "fre", "de": "ger", "pt": "por", "it": "ita", "zh": "chi",
             "vi": "vie", "ko": "kor", "ar": "ara", "ru": "rus", "tl": "tgl", "pl": "pol", "ht": "hat"}


def ffmpeg_exe() -> str:
    """Return the path of the ffmpeg binary inside the imageio-ffmpeg wheel (installed with the project)."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def run_ffmpeg(args: list[str]) -> None:
    """Run ffmpeg quietly; on failure raise RuntimeError with the last lines it printed."""
    import subprocess

    done = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", *args],
                          capture_output=True, text=True, errors="replace")
    if done.returncode:
        tail = " ".join(done.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"ffmpeg failed ({done.returncode}): {tail}")


def make_mp4(board: Storyboard, mp3: bytes, fonts: Fonts, captions: str, language: str = "en",
             into: Path | None = None) -> bytes | Path:
    """Make the captioned video: one still per slide or caption change at a variable frame rate, the MP3 as AAC,
    and `captions` (the handout's WebVTT, whose cues the storyboard holds too) as a subtitle track.

    With `into` (a temporary name beside where the video goes, see handouts/files.py `temp_path`) ffmpeg writes the
    video there and its path is returned: the video (hundreds of MB for a long text) is never held in memory, and
    if anything fails the file is removed. Without it, the video's bytes are returned."""
    if into is not None:
        try:
            _make_mp4(board, mp3, fonts, captions, language, Path(into))
        except BaseException:
            Path(into).unlink(missing_ok=True)
            raise
        return Path(into)
    with tempfile.TemporaryDirectory(prefix="handouts-video-") as tmp:
        out = Path(tmp) / "video.mp4"
        _make_mp4(board, mp3, fonts, captions, language, out)
        return out.read_bytes()


def _make_mp4(board: Storyboard, mp3: bytes, fonts: Fonts, captions: str, language: str, out: Path) -> None:
    """Write the captioned video to `out` (see make_mp4)."""
    from handouts.video.slides import frames, slide_changes

    with tempfile.TemporaryDirectory(prefix="handouts-video-") as tmp:
        folder = Path(tmp)
        stills = frames(board, slide_changes(board, fonts))
        _draw_stills(stills, board, fonts, folder)
        # The concat demuxer shows each still for its duration; the last is listed twice, or its duration is lost.
        lines = ["ffconcat version 1.0"]
        for n, still in enumerate(stills):
            # The still's timestamps in milliseconds (the image reader's default, 1/25 s, would shift captions).
            lines += [f"file {n:05d}.png", "option framerate 1000", f"duration {still.end - still.start:.3f}"]
        lines += [f"file {len(stills) - 1:05d}.png", "option framerate 1000"]
        (folder / "stills.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (folder / "narration.mp3").write_bytes(mp3)
        (folder / "captions.vtt").write_text(captions, encoding="utf-8")  # no cue outlasts the sound (captions.py)
        code = LANGUAGES.get(language.split("-")[0].lower(), "und")  # MP4 names languages in ISO 639-2
        run_ffmpeg(["-f", "concat", "-safe", "0", "-i", str(folder / "stills.txt"),
                    "-i", str(folder / "narration.mp3"), "-i", str(folder / "captions.vtt"),
                    "-map", "0:v", "-map", "1:a", "-map", "2:s", *VIDEO_CODEC, *AUDIO_CODEC,
                    # The captions are already on the picture: the track is for players and tools that list
                    # subtitles, so it is not marked default (ffmpeg's MP4 muxer still flags a file's only
                    # subtitle track as enabled; whether a player shows it unasked is the player's choice).
                    "-c:s", "mov_text", "-disposition:s:0", "0",
                    "-metadata:s:s:0", f"language={code}", "-metadata:s:a:0", f"language={code}",
                    # The MP3's tags (title, clinic, collection) come along; not its chapters, which the MP4
                    # muxer writes as an extra text track that a join would carry into the wrong places.
                    "-map_metadata", "1", "-map_chapters", "-1",
                    "-t", f"{board.seconds:.3f}",
                    # The index at the front: a player (or a browser) starts playing before reading the whole file.
                    "-movflags", "+faststart", "-f", "mp4", str(out)])  # the format named: `out` may end in .tmp


def _draw_stills(stills, board: Storyboard, fonts: Fonts, folder: Path) -> None:
    """Draw every still to folder/NNNNN.png: drawn here, compressed on other threads (zlib runs outside the GIL;
    the fonts stay on this thread, FreeType faces are not safe to share)."""
    from concurrent.futures import ThreadPoolExecutor

    from handouts.video.slides import draw

    with ThreadPoolExecutor(max(1, min(3, os.cpu_count() or 1))) as pool:
        pending = []
        for n, still in enumerate(stills):
            # Fast compression: the files live for seconds, and ffmpeg decodes them once.
            pending.append(pool.submit(draw(still, board, fonts).save, folder / f"{n:05d}.png", compress_level=1))
            if len(pending) > 4:  # a few frames (6 MB each) in flight, not the whole video
                pending.pop(0).result()
        for job in pending:
            job.result()


def join_videos(paths: list[Path], out: Path) -> Path:
    """Join MP4s made by make_mp4 into one, without re-encoding (concat demuxer, stream copy); written atomically."""
    paths = [Path(p).resolve() for p in paths]
    if not paths:
        raise ValueError("join_videos needs at least one video")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # A temporary name the build's clean-up knows (".NAME.*.tmp"): a killed join leaves no half-written video.
    tmp = str(temp_path(out))
    try:
        with tempfile.TemporaryDirectory(prefix="handouts-join-") as folder:
            listing = Path(folder) / "videos.txt"
            # ffconcat quoting: each path in single quotes, a quote inside written as '\''.
            quoted = ["'" + str(p).replace("'", "'\\''") + "'" for p in paths]
            listing.write_text("ffconcat version 1.0\n" + "".join(f"file {q}\n" for q in quoted), encoding="utf-8")
            run_ffmpeg(["-f", "concat", "-safe", "0", "-i", str(listing), "-map", "0", "-c", "copy",
                        "-video_track_timescale", "1000",  # as make_mp4 writes: a joined video joins again
                        "-movflags", "+faststart", "-f", "mp4", tmp])
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return write_atomic(out, Written(tmp))  # fsynced, then renamed into place (removed if that fails)
