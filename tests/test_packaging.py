"""The wheel holds everything the package needs at run time, and declares the `handouts` command."""

import shutil
import subprocess
import sys
import zipfile

from conftest import ROOT

RUN_TIME_FILES = ("*.py", "*.tsv", "*.txt", "*.j2", "*.css")


def test_wheel_holds_every_module_template_and_data_file(tmp_path):
    source = tmp_path / "src"  # a copy: setuptools writes a build/ folder, which is the project's output folder here
    shutil.copytree(ROOT / "handouts", source / "handouts", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    done = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path / "dist"),
                           str(source)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    wheel = zipfile.ZipFile(next((tmp_path / "dist").glob("handouts-*.whl")))
    names = set(wheel.namelist())
    wanted = {str(p.relative_to(source)) for pattern in RUN_TIME_FILES for p in (source / "handouts").rglob(pattern)}
    assert any(n.endswith(".j2") for n in wanted) and any(n.endswith(".tsv") for n in wanted)
    assert wanted - names == set()
    info = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "handouts = handouts.cli:main" in wheel.read(info).decode()
    metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    # The print font is not copied into this wheel: it comes inside its own package, a dependency.
    assert "Requires-Dist: fontpkg-atkinson-hyperlegible" in metadata
