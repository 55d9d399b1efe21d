"""A handout in another language: its own words are used as written, and the handouts' fixed words
(draft notice, box headings, footer, spoken welcome) come in its language when labels.tsv has it."""

import io

from pypdf import PdfReader

from handouts.pipeline import build_all
from handouts.config import Config, load_config
from handouts.render.html import build_html
from handouts.language.labels import has_labels, words_for
from handouts.audio.narration import spoken_script
from handouts.render.pdf import build_pdf
from handouts.plain.rewrite import make_plain
from handouts.read.sources import read_source

SPANISH = "---\ntitle: Beba agua\nlanguage: es-MX\n---\nBeba agua antes de sentir sed. Llame al 911 si se desmaya.\n"


def _clinic():
    return Config(clinic_name="Clínica Riverside", clinic_phone="555-123-4567", clinic_website="riverside.example.org",
                  help_lines=[{"name": "Línea de ayuda", "phone": "1-800-555-0100"}], version_date="2026-03-02",
                  audio_base_url="https://x.example/audio")


def _handout(tmp_path, text=SPANISH):
    src = tmp_path / "agua.md"
    src.write_text(text, encoding="utf-8")
    return make_plain(read_source(src))


def test_spanish_pdf_prints_its_fixed_words_in_spanish(tmp_path):
    data, pages = build_pdf(_handout(tmp_path), _clinic())
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    for words in ("BORRADOR - aún no revisado", "¿Preguntas? Hable con su equipo de atención médica",
                  "Llame a Clínica Riverside: 555-123-4567", "Sitio web:", "Escuche este folleto:",
                  "Escanee para escuchar", "Página 1 de 1", "Versión: 2026-03-02"):
        assert words in text, words
    assert "Questions?" not in text and "Page 1" not in text and "DRAFT" not in text
    assert "Beba agua antes de sentir sed." in text  # its own words as written


def test_spanish_html_and_narration(tmp_path):
    handout = _handout(tmp_path)
    page = build_html(handout, _clinic(), audio=True, captions=True)
    for words in ('lang="es-MX"', "Ir al folleto", "Escuche este folleto", "Descargar la grabación (MP3)",
                  'label="Subtítulos"', "¿Preguntas? Hable con su equipo de atención médica"):
        assert words in page, words
    said = [u.text for u in spoken_script(handout, _clinic())]
    assert said[1] == "Un folleto de Clínica Riverside."
    assert "Puede llamar a Clínica Riverside al 555-123-4567." in said
    assert "Para recibir ayuda, llame a Línea de ayuda al 1-800-555-0100." in said
    assert said[-1] == "Gracias por escuchar."


def test_every_language_column_has_every_label_and_the_same_fill_ins():
    import re

    english = words_for("en")
    assert has_labels("es") and has_labels("en-GB") and not has_labels("fr")
    spanish = words_for("es")
    for key, text in english.items():
        assert spanish[key] and set(re.findall(r"{\w+}", spanish[key])) == set(re.findall(r"{\w+}", text)), key
    assert words_for("fr") == english  # no column: English, and the build says so


def test_a_language_without_labels_is_built_and_the_build_says_its_labels_are_english(tmp_path):
    from fakes import CountingEngine

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "eau.md").write_text("---\ntitle: Eau\nlanguage: fr\n---\nBuvez de l'eau.\n",
                                                 encoding="utf-8")
    report = build_all(load_config(tmp_path), engine=CountingEngine(), workers=1)
    assert report[0].ok, report[0].error
    assert any("labels.tsv has no column for this language" in w for w in report[0].warnings)
    assert report[0].readability == {}  # the grade formulas are for English
