"""A narration with more sections than ID3's table of contents can list still gets its tags."""

import io

from mutagen.id3 import ID3

from handouts.audio.narration import Chapter
from handouts.audio.tags import CTOC_ENTRIES, tag_mp3

_FRAME = b"\xff\xfb\x90\x00" + bytes(413)  # one silent MPEG frame is enough for the tags


def _tagged(count: int) -> ID3:
    chapters = [Chapter(f"Section {n}", float(n), float(n + 1)) for n in range(count)]
    mp3 = tag_mp3(_FRAME, title="Long", artist="Clinic", album="Handouts", language="en", date="2026-01-01",
                  comment="", transcript="", chapters=chapters)
    return ID3(io.BytesIO(mp3))


def test_few_chapters_are_tagged_one_by_one():
    tags = _tagged(3)
    assert [str(c.sub_frames["TIT2"]) for c in tags.getall("CHAP")] == ["Section 0", "Section 1", "Section 2"]


def test_more_chapters_than_the_table_of_contents_holds_are_joined_in_even_runs():
    tags = _tagged(1200)
    chapters = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert len(chapters) == len(tags.getall("CTOC")[0].child_element_ids) <= CTOC_ENTRIES
    assert chapters[0].start_time == 0 and chapters[-1].end_time == 1_200_000  # the whole narration, no gap
    assert all(a.end_time == b.start_time for a, b in zip(chapters, chapters[1:]))
