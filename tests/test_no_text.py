"""No text, no handout: a source with no letters (NUL bytes, control characters, only numbers and signs) is
refused by the reader with one line naming the file, and nothing is written for it; control characters in a
real text are removed before any stage reads it."""

import pytest

from fakes import CountingEngine
from handouts.config import load_config
from handouts.errors import HandoutError, SourceError
from handouts.pipeline import build_all
from handouts.read.sources import read_source

NO_LETTERS = [
    ("zeros.txt", b"\x00" * 5000),
    ("controls.txt", bytes(range(0, 32)) * 40 + b"\x7f"),
    ("c1.txt", "".join(map(chr, range(0x80, 0xa0))).encode("utf-8") * 10),
    ("signs.txt", "%%%% *** 1234 !!! ... ---\n\n+++ 42 ### ?? ½ ° € → ✓\n".encode("utf-8")),
    ("digits.md", b"# 2024\n\n1. 12\n2. 34\n\n| 1 | 2 |\n|---|---|\n| 3 | 4 |\n"),
    ("spaces.txt", "\u2009\u3000 \t\n\u200b\u202e\ufeff\n".encode("utf-8")),
    ("front-only.md", b"---\ntitle: Flu Shots\n---\n\n0800 123 456\n"),
    ("controls-utf16.txt", "\x01\x02 123 \x00".encode("utf-16")),
]


@pytest.mark.parametrize("name, data", NO_LETTERS, ids=[n for n, _ in NO_LETTERS])
def test_a_source_with_no_letters_is_refused_with_one_line(tmp_path, name, data):
    source = tmp_path / name
    source.write_bytes(data)
    with pytest.raises(SourceError) as e:
        read_source(source)
    message = str(e.value)
    assert message.startswith(f"{source}: no text: ")
    assert "\n" not in message and ("Add some paragraphs" in message or "write the handout's sentences" in message)


def test_an_empty_file_and_a_heading_alone_are_no_text(tmp_path):
    for name, text in [("empty.txt", ""), ("heading.md", "# Flu Shots\n"), ("blank.txt", "\n\n\x00\n")]:
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        with pytest.raises(SourceError, match=r": no text: there is nothing in this file .* Add some paragraphs\.$"):
            read_source(source)


def test_control_characters_are_removed_from_real_text(tmp_path):
    source = tmp_path / "wash.txt"
    source.write_bytes("---\ntitle: Hand\x00 Washing\x07\n---\nWash\x00 your hands\x1b often.\x7f Use "
                       "soap\x85and water.\fDry them well.\x9b\n\nRinse \u202eflow\u202c well.\x0b Then rest.\n"
                       .encode("utf-8"))
    handout = read_source(source)
    assert handout.meta.title == "Hand Washing"
    assert [s.text for s in handout.sentences] == [
        "Wash your hands often.", "Use soap and water.", "Dry them well.", "Rinse flow well.", "Then rest."]


def test_control_characters_are_removed_from_markdown_headings_and_lists(tmp_path):
    source = tmp_path / "flu.md"
    source.write_bytes(b"# Flu\x00 Shots\n\n## Who\x01 Needs One\n\n- Adults\x02 over 65.\n- Children\x1f under 5.\n")
    handout = read_source(source)
    assert handout.meta.title == "Flu Shots"
    assert [s.heading for s in handout.sections] == ["Who Needs One"]
    assert [s.text for s in handout.sentences] == ["Adults over 65.", "Children under 5."]


def test_typeset_spaces_and_hyphens_read_as_plain_ones(tmp_path):
    source = tmp_path / "care.txt"
    source.write_text("Self\u2010care helps.\u2003Walk 10\u202fminutes a day, non\u2011stop.\n", encoding="utf-8")
    assert [s.text for s in read_source(source).sentences] == ["Self-care helps.", "Walk 10 minutes a day, non-stop."]


def test_a_letter_anywhere_in_the_body_is_text(tmp_path):
    source = tmp_path / "dose.txt"
    source.write_text("2 x 5 mg\n", encoding="utf-8")
    assert [s.text for s in read_source(source).sentences] == ["2 x 5 mg"]


def test_a_build_writes_nothing_for_a_source_with_no_text_and_builds_the_others(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "zeros.txt").write_bytes(b"\x00" * 5000)
    (content / "symbols.md").write_text("*** 100% !!! 42 ###\n", encoding="utf-8")
    (content / "sleep.txt").write_text("Sleep Well\nMost adults need 7 to 9 hours of sleep.\n", encoding="utf-8")
    report = build_all(load_config(tmp_path), engine=CountingEngine(), workers=1, include_drafts=True)
    by_name = {r.source.name: r for r in report}
    assert by_name["sleep.txt"].ok, by_name["sleep.txt"].error
    for name in ("zeros.txt", "symbols.md"):
        assert not by_name[name].ok
        assert by_name[name].error.startswith(f"{content / name}: no text: ") and "\n" not in by_name[name].error
    made = sorted(p.name for p in (tmp_path / "build").iterdir() if p.is_file())
    assert all(name.startswith(("sleep", "playlist", "waiting-room")) for name in made), made
    assert sorted(p.name for p in content.iterdir() if p.stem in ("zeros", "symbols")) == ["symbols.md", "zeros.txt"]
    playlist = (tmp_path / "build" / "playlist.m3u8").read_text(encoding="utf-8")
    assert "sleep.mp3" in playlist and "zeros" not in playlist.lower() and "symbols" not in playlist.lower()


def test_every_no_text_refusal_is_a_handout_error():
    assert issubclass(SourceError, HandoutError)
