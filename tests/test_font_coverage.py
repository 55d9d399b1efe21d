"""Scripts the fonts cannot draw: every character of a handout is checked against the handout fonts' coverage,
and a text in a script they do not cover is refused with one line naming the script and the fix, never printed
as boxes. The web page's direction follows the handout's language."""

import pytest
from reportlab.pdfbase import pdfmetrics

from conftest import SAMPLE
from fakes import CountingEngine
from handouts.config import load_config
from handouts.errors import HandoutError
from handouts.model import Handout, Meta, Sentence, Term
from handouts.pipeline import build_all
from handouts.read.sources import read_source
from handouts.render.coverage import check_printable, printable, text_direction, unprintable
from handouts.render.fonts import register_fonts

HEBREW = "שלום. חשוב לשטוף ידיים במים ובסבון לפני האוכל.\n"
WRITTEN_IN = [
    ("hebrew.txt", HEBREW, "Hebrew"),
    ("arabic.md", "---\nlanguage: ar\n---\nاغسل يديك بالماء والصابون قبل الأكل.\n", "Arabic"),
    ("hindi.txt", "खाने से पहले अपने हाथ साबुन और पानी से धोएं।\n", "Devanagari"),
    ("russian.txt", "Мойте руки водой с мылом перед едой.\n", "Cyrillic"),
    ("chinese.txt", "饭前用肥皂和水洗手。\n", "Chinese characters"),
    ("korean.txt", "식사 전에 비누와 물로 손을 씻으세요.\n", "Korean (Hangul)"),
    ("greek.txt", "Πλένετε τα χέρια σας με σαπούνι και νερό.\n", "Greek"),
]


def read(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_source(path)


def refusal(handout) -> str:
    with pytest.raises(HandoutError) as e:
        check_printable(handout)
    message = str(e.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("name, text, script", WRITTEN_IN, ids=[s for _, _, s in WRITTEN_IN])
def test_a_text_in_a_script_the_fonts_lack_is_refused_naming_the_script(tmp_path, name, text, script):
    handout = read(tmp_path, name, text)
    assert unprintable(handout)
    assert refusal(handout) == (f"{tmp_path / name}: this text is written in {script}, which the handout fonts "
                                f"cannot print (they have Latin letters only); use a version of it in a language "
                                f"written in Latin letters, such as English, Spanish or French.")


def test_the_characters_no_font_can_draw_are_listed_in_order(tmp_path):
    handout = read(tmp_path, "shalom.txt", "Say שלום to the nurse.\n")
    assert unprintable(handout) == ["ש", "ל", "ו", "ם"]
    faces = [pdfmetrics.getFont(name).face.charToGlyph for name in register_fonts()]
    assert all(ord(c) not in face for c in unprintable(handout) for face in faces)


def test_a_few_words_in_another_script_are_named_with_their_line(tmp_path):
    handout = read(tmp_path, "aspirin.txt", "Aspirin\nTake one tablet a day with food and water.\n\n"
                                            "It is sold as 阿司匹林 in some shops.\n")
    assert refusal(handout) == (f"{tmp_path / 'aspirin.txt'}, line 4: this text has words in Chinese characters "
                                f"('阿', '司', '匹' ...), which the handout fonts cannot print; write those words in "
                                f"Latin letters, or leave them out.")


def test_latin_letters_with_marks_the_fonts_lack(tmp_path):
    vietnamese = read(tmp_path, "vi.txt", "Hãy rửa tay bằng xà phòng và nước trước khi ăn.\n")
    assert "is written with letters the handout fonts cannot print ('ử', 'ằ', 'ư' ...)" in refusal(vietnamese)
    one_name = read(tmp_path, "name.txt", "Ask Dr. Nguyễn about the dose. Take it with water every morning.\n")
    assert refusal(one_name).endswith("has letters the handout fonts cannot print ('ễ'); write those words "
                                      "without those marks, or leave them out.")


def test_signs_the_fonts_lack_are_named_with_a_plain_form_when_there_is_one(tmp_path):
    handout = read(tmp_path, "dose.md", "---\nlanguage: es\n---\nTome ⅓ de la tableta → con agua.\n")
    assert refusal(handout) == (f"{tmp_path / 'dose.md'}, line 4: this text has signs the handout fonts cannot print: "
                                f"'⅓' (vulgar fraction one third), '→' (rightwards arrow); write them in words or as "
                                f"common signs ('1⁄3' for '⅓').")


def test_the_title_key_points_and_words_to_know_are_checked_too():
    def handout(**parts):
        return Handout(meta=Meta(title=parts.get("title", "Flu"), slug="flu"),
                       key_points=[Sentence(parts.get("point", "Get a flu shot."))],
                       words_to_know=[Term(parts.get("word", "flu"), parts.get("definition", "an illness"))])

    check_printable(handout())
    for part in ("title", "point", "word", "definition"):
        with pytest.raises(HandoutError, match="Hebrew"):
            check_printable(handout(**{part: "שלום שלום"}))


@pytest.mark.parametrize("text", [
    "Café, naïve, Übung, señora, Łódź, ça, Ærø, São Paulo, Dvořák, Şişli, ğ, ß.",
    "Take ½ a tablet if the fever is ≥ 38 °C (100.4 °F), 5 µg — “twice” ‘a day’ … € 5 – 10 × 2 ± 1.",
])
def test_latin_text_and_everyday_signs_are_printable(tmp_path, text):
    handout = read(tmp_path, "ok.txt", text + "\n")
    assert unprintable(handout) == []
    check_printable(handout)


def test_the_sample_handout_is_printable():
    assert unprintable(read_source(SAMPLE)) == []


def test_printable_is_what_every_face_has():
    can = printable()
    assert {ord(c) for c in "Aa1 .,é½µ–—“”€"} <= can
    assert not {ord(c) for c in "שاд中→☐"} & can


@pytest.mark.parametrize("language, direction", [
    ("he", "rtl"), ("ar", "rtl"), ("fa-IR", "rtl"), ("ur", "rtl"), ("yi", "rtl"), ("az-Arab", "rtl"), ("HE", "rtl"),
    ("en", "ltr"), ("en-US", "ltr"), ("es", "ltr"), ("sd-Deva", "ltr"), ("", "ltr"), ("zh-Hant", "ltr"),
])
def test_the_direction_of_a_language(language, direction):
    assert text_direction(language) == direction


def test_a_build_refuses_a_hebrew_text_and_writes_nothing_for_it(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "hebrew.txt").write_text(HEBREW, encoding="utf-8")
    (content / "sleep.txt").write_text("Sleep Well\nMost adults need 7 to 9 hours of sleep.\n", encoding="utf-8")
    report = build_all(load_config(tmp_path), engine=CountingEngine(), workers=1)
    by_name = {r.source.name: r for r in report}
    assert by_name["sleep.txt"].ok, by_name["sleep.txt"].error
    assert by_name["hebrew.txt"].error == (
        f"{content / 'hebrew.txt'}: this text is written in Hebrew, which the handout fonts cannot print (they have "
        f"Latin letters only); use a version of it in a language written in Latin letters, such as English, Spanish "
        f"or French.")
    made = sorted(p.name for p in (tmp_path / "build").iterdir() if p.is_file())
    assert all(name.startswith(("sleep", "playlist", "waiting-room")) for name in made), made
    assert sorted(p.name for p in content.iterdir() if p.stem == "hebrew") == ["hebrew.txt"]  # no reviewer's copy
