#!/usr/bin/env python3
"""What the captioned video (build/NAME.mp4) costs: a cold build of the sample with and without it, and a no-op.

Measures (each build a fresh process, the offline piper voice, a new project holding the sample article and the
repository's handouts.toml and pronunciations.toml):
  cold, no video     the sample built from nothing, the video output left out       (the benchmark's driver
                     drops it from OUTPUTS in its own process; the product has no switch for it)
  cold, with video   the same with every output, as `handouts build` runs        target: <= 1.5x the above
  video alone        the time the video output's render took inside that build
  no-op              the with-video project built again, nothing changed         target: the MP4 not remade
and prints the MP4's size (target < 20 MB), its streams, and the loudness of the MP3 and of the MP4's sound.

usage: python benchmarks/video_cost.py [--repeat N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "000-kratom-dopamine-opioid-withdrawal.txt"
SLUG = "kratom-dopamine-opioid-withdrawal"
# Runs a build in this process; "novideo" drops the video output first, "timed" reports how long it took.
DRIVER = """
import sys, time
import handouts.outputs as outputs
from handouts.build.manifest import Output
mode, project = sys.argv[1], sys.argv[2]
if mode == "novideo":
    outputs.OUTPUTS[:] = [o for o in outputs.OUTPUTS if o.name != "video"]
else:
    def timed(render):
        def run(job):
            started = time.perf_counter()
            data = render(job)
            print(f"video render: {time.perf_counter() - started:.2f} s", file=sys.stderr)
            return data
        return run
    outputs.OUTPUTS[:] = [Output(o.name, o.filename, o.inputs, timed(o.render), o.speech) if o.name == "video" else o
                          for o in outputs.OUTPUTS]
from handouts.cli import main
sys.exit(main(["--project", project, "--verbose"]))
"""


def project(folder: Path) -> Path:
    """Make a fresh project holding the sample and the repository's settings; return it."""
    (folder / "content").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "content" / SAMPLE.name)
    for name in ("handouts.toml", "pronunciations.toml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, folder / name)
    return folder


def run(args: list[str]) -> tuple[float, str, str]:
    """Run a build command in a fresh process; return the seconds taken, its output and its errors."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"build failed: {args}\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout, done.stderr


def ffmpeg() -> str:
    """Return the ffmpeg binary the project uses."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def loudness(path: Path) -> float | None:
    """Return the integrated loudness (LUFS) of a file's sound, or None when pyloudnorm is not installed."""
    try:
        import numpy as np
        import pyloudnorm
    except ImportError:
        return None
    raw = subprocess.run([ffmpeg(), "-v", "error", "-i", str(path), "-map", "0:a:0", "-f", "f32le", "-ac", "1",
                          "-ar", "48000", "-"], capture_output=True, check=True).stdout
    return pyloudnorm.Meter(48000).integrated_loudness(np.frombuffer(raw, np.float32).astype(np.float64))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="cold builds of each kind (median shown)")
    parser.add_argument("--keep", type=Path, help="keep the last with-video project in this folder")
    args = parser.parse_args()
    plain, full, alone = [], [], []
    with tempfile.TemporaryDirectory(prefix="handouts-video-cost-") as tmp:
        for n in range(args.repeat):  # alternated, so a busy moment of the machine falls on both kinds alike
            plain.append(run(["-c", DRIVER, "novideo", str(project(Path(tmp) / f"plain{n}"))])[0])
            seconds, _, errors = run(["-c", DRIVER, "timed", str(project(Path(tmp) / f"full{n}"))])
            full.append(seconds)
            alone += [float(x) for x in re.findall(r"video render: ([\d.]+) s", errors)]
        last = Path(tmp) / f"full{args.repeat - 1}"
        video = last / "build" / f"{SLUG}.mp4"
        stamp = video.stat().st_mtime_ns
        noops = [run([str(ROOT / "generate.py"), "--project", str(last), "--verbose"]) for _ in range(args.repeat)]
        assert all("up to date" in out for _, out, _ in noops) and video.stat().st_mtime_ns == stamp, "not a no-op"
        cold, with_video = statistics.median(plain), statistics.median(full)
        print(f"cold build, no video:    {cold:6.2f} s  (runs: {', '.join(f'{s:.2f}' for s in plain)})")
        print(f"cold build, with video:  {with_video:6.2f} s  (runs: {', '.join(f'{s:.2f}' for s in full)})")
        print(f"ratio:                   {with_video / cold:6.2f}x  (videos add {100 * (with_video / cold - 1):.0f}%;"
              f" target: at most 50%)")
        print(f"video render alone:      {statistics.median(alone):6.2f} s  "
              f"({100 * statistics.median(alone) / cold:.0f}% of the cold build without video)")
        print(f"no-op with videos:       {statistics.median(s for s, _, _ in noops):6.2f} s  (MP4 not remade)")
        print(f"MP4 size:                {video.stat().st_size / 1e6:6.2f} MB  (target: under 20 MB)")
        info = subprocess.run([ffmpeg(), "-hide_banner", "-i", str(video)], capture_output=True, text=True).stderr
        for line in info.splitlines():
            if re.search(r"Duration:|Stream #", line):
                print("  " + line.strip())
        mp3, mp4 = loudness(last / "build" / f"{SLUG}.mp3"), loudness(video)
        if mp3 is not None:
            print(f"loudness:                MP3 {mp3:.2f} LUFS, MP4 {mp4:.2f} LUFS (difference {mp4 - mp3:+.2f} LU)")
        if args.keep:
            shutil.copytree(last, args.keep, dirs_exist_ok=True)


if __name__ == "__main__":
    main()
