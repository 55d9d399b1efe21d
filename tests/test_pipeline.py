"""The pipeline as a whole: each source is read once per build, and the plain-language cache only stores."""

import builtins
from pathlib import Path

from conftest import DATA
from fakes import CountingEngine
from handouts.config import load_config
from handouts.pipeline import build_all


def test_each_source_is_read_once_per_build(tmp_path, monkeypatch):
    (tmp_path / "content").mkdir()
    sources = [tmp_path / "content" / name for name in ("lists.txt", "wrapped_paragraph.txt")]
    for source in sources:
        source.write_bytes((DATA / source.name).read_bytes())
    opened = []
    real_open = builtins.open

    def noting_open(file, *args, **kw):
        if isinstance(file, (str, Path)) and Path(file).parent == tmp_path / "content":
            opened.append(Path(file).name)
        return real_open(file, *args, **kw)

    monkeypatch.setattr(builtins, "open", noting_open)
    monkeypatch.setattr("io.open", noting_open)
    config = load_config(tmp_path)
    for change in ("cold", "no-op", "edit"):
        if change == "edit":
            sources[0].write_text(sources[0].read_text() + "\nDrink water.\n")
        opened.clear()
        report = build_all(config, engine=CountingEngine(), workers=1)
        assert all(r.ok for r in report), [r.error for r in report]
        # Each source once, and each one's review file once (written beside it under a temporary name).
        assert sorted(n for n in opened if not n.startswith(".")) == [
            "lists.po", "lists.txt", "wrapped_paragraph.po", "wrapped_paragraph.txt"], (change, opened)
