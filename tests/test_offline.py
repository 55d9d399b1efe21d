"""The suite itself cannot reach the internet, and speech is loaded only when needed."""

import socket
import subprocess
import sys

import pytest

from conftest import ROOT


def test_connections_beyond_this_machine_are_refused():
    with pytest.raises(OSError, match="may not reach the internet"):
        socket.create_connection(("192.0.2.1", 443), timeout=1)  # TEST-NET-1: never routed


def test_building_print_only_does_not_load_the_voice(tmp_path):
    code = (
        "import sys; from handouts.pipeline import build_handout; from handouts.config import Config;"
        f"c = Config(); c.out_dir = {str(tmp_path)!r};"
        f"r = build_handout({str(ROOT / 'tests/data/lists.txt')!r}, c, audio=False); assert r.ok, r.error;"
        "print(sorted(m for m in ('onnxruntime', 'piper') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
