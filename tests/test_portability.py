"""Nothing in the package needs a POSIX-only module at import time (the README has Windows commands too)."""

import subprocess
import sys

from conftest import ROOT

POSIX_ONLY = ("fcntl", "termios", "pwd", "grp", "resource", "pty", "tty")


def test_every_module_imports_without_posix_only_modules():
    code = (
        "import sys, pkgutil, importlib, warnings\n"
        f"for name in {POSIX_ONLY!r}: sys.modules[name] = None  # as on Windows: importing them fails\n"
        "warnings.simplefilter('ignore')\n"
        "import handouts\n"
        "bad = []\n"
        "for info in pkgutil.walk_packages(handouts.__path__, 'handouts.'):\n"
        "    try:\n"
        "        importlib.import_module(info.name)\n"
        "    except Exception as e:\n"
        "        bad.append(f'{info.name}: {e!r}')\n"
        "print('\\n'.join(bad))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""


def test_the_readme_gives_each_set_up_command_for_windows_too():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert r".venv\Scripts\python generate.py" in readme
    assert r".venv\Scripts\python -m pytest" in readme
