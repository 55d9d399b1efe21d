"""Reading sources: front matter, structure recovery in plain text, Markdown."""

import pytest

from conftest import DATA, SAMPLE
from handouts.errors import SourceError
from handouts.read.sources import read_source


def headings(handout):
    return [s.heading for s in handout.sections]


def all_text(handout):
    return " ".join(s.text for s in handout.sentences)


def test_sample_sections_in_order_without_toc_or_empty_heading():
    h = read_source(SAMPLE)
    assert h.meta.title == "Kratom, Dopamine and Opioid Withdrawal"
    assert h.meta.slug == "kratom-dopamine-opioid-withdrawal"
    assert headings(h) == [
        "",
        "Understanding Opioid Withdrawal and Its Symptoms",
        "Exploring the Link Between Kratom and Dopamine: Does It Enhance or Mitigate Withdrawal?",
    ]
    # The bullet list that only repeats the headings is a table of contents: gone.
    assert not any(b.is_list for s in h.sections for b in s.blocks)
    # The heading with nothing under it makes no section.
    assert "What is Kratom?" not in all_text(h)


def test_sample_quoted_intro_loses_its_quote_marks():
    h = read_source(SAMPLE)
    intro = h.sections[0].blocks[1].sentences
    assert intro[0].text.startswith("Navigating opioid withdrawal")
    assert not any(q in all_text(h) for q in "“”")


def test_quoted_intro_becomes_ordinary_text():
    h = read_source(DATA / "quoted_intro.txt")
    assert h.sections[0].heading == ""
    assert [s.text for s in h.sections[0].sentences] == [
        "Sleep matters for healing.", "Most adults need 7 to 9 hours a night."]
    assert headings(h) == ["", "Why Sleep Matters"]


def test_table_of_contents_list_is_dropped():
    h = read_source(DATA / "toc_list.txt")
    assert headings(h) == ["", "What Is Flu", "How to Avoid Flu"]
    assert not any(b.is_list for s in h.sections for b in s.blocks)


def test_heading_with_nothing_under_it_makes_no_section():
    h = read_source(DATA / "empty_heading.txt")
    assert headings(h) == ["Blood Pressure Basics", "Treatment Options"]


def test_repeated_heading_makes_one_section():
    h = read_source(DATA / "repeated_heading.txt")
    assert headings(h) == ["Taking Your Medicine", "Side Effects"]
    assert [s.text for s in h.sections[0].sentences] == [
        "Take one tablet each morning with water.",
        "Do not stop taking it without talking to your doctor."]


def test_bullet_and_numbered_lists():
    h = read_source(DATA / "lists.txt")
    kinds = [[b.kind for b in s.blocks] for s in h.sections]
    assert kinds == [["paragraph", "bullets"], ["numbered"]]
    assert [i[0].text for i in h.sections[0].blocks[1].items] == [
        "your insurance card", "a list of your medicines", "any questions you have"]
    assert [i[0].text for i in h.sections[1].blocks[0].items][1] == "Arrive 30 minutes early."


def test_hard_wrapped_paragraph_is_joined():
    h = read_source(DATA / "wrapped_paragraph.txt")
    blocks = h.sections[0].blocks
    assert len(blocks) == 2
    assert headings(h) == ["Staying Active"]
    assert blocks[0].sentences[0].text == (
        "Walking for 30 minutes a day can help your heart and your mood, and it costs nothing.")


def test_markdown_headings_lists_quotes_and_inline_markup():
    h = read_source(DATA / "markdown.md")
    assert h.meta.title == "Caring for a Cut" and h.meta.slug == "caring-for-a-cut"
    # "# Caring for a Cut" repeats the title: printed once, as the title, not again as a section heading.
    assert headings(h) == ["", "Clean It", "Cover It"]
    assert h.sections[0].sentences[0].text == "Most small cuts heal on their own in 5 to 7 days."
    assert h.sections[1].sentences[1].text == "Do not use hydrogen peroxide."
    assert h.sections[1].sentences[-1].text == "Pat the skin dry."  # the repeated heading merged
    assert h.sections[2].blocks[0].kind == "bullets"


def test_front_matter_error_names_file_line_and_fix(tmp_path):
    src = tmp_path / "bad.md"
    src.write_text("---\ntitle: Fine\ncolour: blue\n---\nSome text.\n", encoding="utf-8")
    with pytest.raises(SourceError) as e:
        read_source(src)
    assert str(e.value).startswith(f"{src}, line 3:")
    assert "title" in str(e.value)


def test_text_in_no_clear_encoding_is_a_clear_error(tmp_path):
    src = tmp_path / "cyrillic.txt"
    src.write_bytes("Line one.\nПривет мир.\n".encode("cp1251"))
    with pytest.raises(SourceError, match=r"line 2: .*encoding is unclear.*UTF-8"):
        read_source(src)


def test_empty_source_is_a_clear_error(tmp_path):
    src = tmp_path / "empty.txt"
    src.write_text("\n\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no text"):
        read_source(src)


def test_html_blocks_keep_their_words_not_their_code(tmp_path):
    from handouts.read.sources import read_source

    src = tmp_path / "h.md"
    src.write_text("# T\n\n<div>Call 999 &amp; ask.</div>\n\n<script>alert(1)</script>\n\n<!-- note -->\n\n"
                   "Text here.\n", encoding="utf-8")
    text = " ".join(s.text for s in read_source(src).sentences)
    assert text == "Call 999 & ask. Text here."


def test_a_top_level_heading_names_a_handout_without_front_matter(tmp_path):
    src = tmp_path / "flu.md"
    src.write_text("# Flu Vaccines: What You Need to Know\n\nGet a flu shot every year.\n\n## Who should get it\n\n"
                   "Most people over 6 months old.\n", encoding="utf-8")
    h = read_source(src)
    assert h.meta.title == "Flu Vaccines: What You Need to Know" and h.meta.slug == "flu"  # files keep their names
    assert headings(h) == ["", "Who should get it"]
