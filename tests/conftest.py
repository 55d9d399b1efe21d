"""Shared test setup: the suite never reaches the internet."""

import ipaddress
import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "content" / "000-kratom-dopamine-opioid-withdrawal.txt"

_real_connect = socket.socket.connect


def _loopback_only(self, address):
    """Refuse any connection that is not to this machine, so no test can reach the internet."""
    host = address[0] if isinstance(address, tuple) else address
    if self.family in (socket.AF_INET, socket.AF_INET6):
        try:
            allowed = ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = host == "localhost"
        if not allowed:
            raise OSError(f"tests may not reach the internet (tried {host})")
    return _real_connect(self, address)


def pytest_configure(config):
    socket.socket.connect = _loopback_only
    # Optimised voice models are kept per user (handouts/speech/piper_engine.py); tests keep theirs apart.
    if "HANDOUTS_CACHE" not in os.environ:
        os.environ["HANDOUTS_CACHE"] = config._handouts_cache = tempfile.mkdtemp(prefix="handouts-test-cache-")


def pytest_unconfigure(config):
    if getattr(config, "_handouts_cache", None):
        shutil.rmtree(config._handouts_cache, ignore_errors=True)
        del os.environ["HANDOUTS_CACHE"]


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """Build the sample article once (PDFs and MP3) with the offline voice."""
    from handouts.pipeline import build_handout
    from handouts.config import load_config

    config = load_config(ROOT)
    config.out_dir = str(tmp_path_factory.mktemp("build"))
    content = tmp_path_factory.mktemp("content")  # a copy: the build writes the reviewer's copy beside the source
    shutil.copy(SAMPLE, content / SAMPLE.name)
    config.content_dir = str(content)
    result = build_handout(content / SAMPLE.name, config)
    assert result.ok, result.error
    return result
