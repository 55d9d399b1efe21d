"""The printed handouts: text order, embedded fonts, sizes, escaping."""

import io

import pdfplumber
from pypdf import PdfReader

from handouts.config import Config
from handouts.model import Block, Handout, Meta, Section, Sentence
from handouts.render.pdf import LARGE, STANDARD, build_pdf


def pdf_text(path_or_bytes):
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def fonts(data: bytes):
    """Return (name, embedded?) for every font on every page."""
    found = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if font["/Subtype"] == "/Type0":
                desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            desc = desc.get_object() if desc is not None else {}
            found[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def test_sample_pdf_has_headings_in_order_and_no_table_of_contents(sample_build):
    text = " ".join(pdf_text(sample_build.outputs["pdf"]).split())
    h1 = text.index("Opioid Withdrawal and Its Symptoms")
    h2 = text.index("The Link Between Kratom and Dopamine")
    assert text.index("Kratom, Dopamine and Opioid Withdrawal") < h1 < h2
    # Each heading appears once: the table-of-contents list was dropped.
    assert text.count("Opioid Withdrawal and Its Symptoms") == 1
    assert "What is Kratom? An Overview" not in text
    assert f"Page 1 of {sample_build.pages['pdf']}" in text


def test_every_font_is_embedded(sample_build):
    for key in ("pdf", "large-print pdf"):
        found = fonts(sample_build.outputs[key].read_bytes())
        assert found and all(found.values()), found
        assert all("Atkinson" in name for name in found), found


def test_body_text_sizes(sample_build):
    for key, smallest in (("pdf", STANDARD.body), ("large-print pdf", LARGE.body)):
        with pdfplumber.open(sample_build.outputs[key]) as pdf:
            sizes = {round(c["size"], 1) for p in pdf.pages for c in p.chars}
        assert min(sizes) >= smallest >= 12


def tiny_handout(*texts):
    return Handout(Meta(title="T<1>", slug="t"), [Section("H & <b>", [Block("paragraph", [[Sentence(t) for t in texts]])])])


def test_user_text_is_escaped_not_parsed(tmp_path):
    secret = tmp_path / "private.png"
    hostile = ['<img src="%s"/> shown.' % secret, "x<y and A&E.", "<font size=40>big</font> text."]
    data, pages = build_pdf(tiny_handout(*hostile), Config())
    text = "".join(pdf_text(data).split())  # line breaks may fall anywhere in a long word
    for h in hostile + ["H & <b>", "T<1>"]:
        assert "".join(h.split()) in text
    assert pages == 1


def test_same_input_gives_identical_bytes():
    a, _ = build_pdf(tiny_handout("One sentence."), Config())
    b, _ = build_pdf(tiny_handout("One sentence."), Config())
    assert a == b


# --- The full handout layout: boxes, footer, draft notice, QR code, metadata ---------------

import re

import pytest

from handouts.language.labels import CALL_TO_ACTION, DRAFT_NOTICE, KEY_POINTS, SCAN_TO_LISTEN, WORDS_TO_KNOW
from handouts.model import Term

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 4


def full_handout(reviewed=False, *, long=False):
    """Return a handout using every part of the layout, written by hand (no plain-language stage)."""
    body = "you can ask your care team about each step of the plan. " * (12 if long else 1)
    meta = Meta(title="Caring for a cut", slug="cut", language="en",
                reviewed_by="Dr. Lee" if reviewed else None, reviewed_on="2026-03-01" if reviewed else None)
    sections = [
        Section("", [Block("paragraph", [[Sentence("a small cut can heal at home.")]])]),
        Section("Clean the cut", [Block("numbered", [[Sentence("wash your hands.")], [Sentence("rinse the cut.")]]),
                                  Block("paragraph", [[Sentence(body)]])]),
        Section("When to get help", [Block("bullets", [[Sentence("the cut is deep.")], [Sentence("it gets red.")]])]),
    ]
    return Handout(meta, sections,
                   key_points=[Sentence("most small cuts heal in a week."), Sentence("keep the cut clean.")],
                   words_to_know=[Term("infection", "germs growing in the cut.")])


def clinic(**kw):
    return Config(clinic_name="Riverside clinic", clinic_phone="555-123-4567",
                  clinic_website="riverside.example.org",
                  help_lines=[{"name": "Nurse line", "phone": "1-800-555-0100"}], version_date="2026-03-02", **kw)


def flat(data: bytes) -> str:
    return " ".join(pdf_text(data).split())


def test_layout_parts_come_in_reading_order():
    data, pages = build_pdf(full_handout(), clinic())
    text = flat(data)
    order = ["Caring for a cut", KEY_POINTS, "most small cuts heal", "a small cut can heal", "Clean the cut",
             "wash your hands", "When to get help", WORDS_TO_KNOW, "infection: germs growing", CALL_TO_ACTION,
             "555-123-4567", "riverside.example.org", "Nurse line: 1-800-555-0100"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions), list(zip(order, positions))
    assert "Riverside clinic" in text and "Version: March 2, 2026" in text and f"Page 1 of {pages}" in text


def test_boxes_only_when_the_plain_language_stage_filled_them():
    handout = full_handout()
    handout.key_points, handout.words_to_know = [], []
    text = flat(build_pdf(handout, clinic())[0])
    assert KEY_POINTS not in text and WORDS_TO_KNOW not in text and CALL_TO_ACTION in text


@pytest.mark.parametrize("size", [STANDARD, LARGE])
def test_nothing_smaller_than_body_size_and_all_inside_the_margins(size):
    data, pages = build_pdf(full_handout(long=True), clinic(audio_base_url="https://x.example/a"), size)
    assert pages >= 2  # so the footer and notice of a later page are checked too
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            assert page.chars
            assert min(c["size"] for c in page.chars) >= size.body - 0.01
            for thing in page.chars + page.rects + page.lines:
                assert thing["x0"] >= 54 - 0.01 and thing["x1"] <= page.width - 54 + 0.01, thing
                assert thing["top"] >= 54 - 0.01 and thing["bottom"] <= page.height - 54 + 0.01, thing
            # Black on white: every glyph is painted black.
            assert {tuple(c["non_stroking_color"] or (0,)) for c in page.chars} <= {(0,), (0, 0, 0), (0.0,)}


@pytest.mark.parametrize("size", [STANDARD, LARGE])
def test_body_lines_are_spaced_at_least_1_3(size):
    # 1.4 as designed; 1.3 at the tightest, when that saves a nearly empty last page.
    data, _ = build_pdf(full_handout(long=True), clinic(), size)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            tops = sorted({round(c["top"], 1) for c in page.chars if abs(c["size"] - size.body) < 0.01})
            gaps = [b - a for a, b in zip(tops, tops[1:])]
            assert gaps and min(gaps) >= size.body * 1.3 - 0.2, gaps


def test_large_print_headings_are_22_pt():
    data, _ = build_pdf(full_handout(), clinic(), LARGE)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size", "fontname"])
    sizes = {w["text"]: w["size"] for w in words}
    assert sizes["Clean"] == pytest.approx(22) and sizes["wash"] == pytest.approx(18)
    assert all("Bold" in w["fontname"] for w in words if w["text"] == "Clean")


def test_no_italics_no_helvetica_no_capitals_runs():
    data, _ = build_pdf(full_handout(), clinic(audio_base_url="https://x.example/a"))
    found = fonts(data)
    assert set(found) == {"/AAAAAA+AtkinsonHyperlegible-Regular", "/AAAAAA+AtkinsonHyperlegible-Bold"}
    assert all(found.values())
    # The handout's own words (user text here is lower case) have no capitals runs but "DRAFT".
    assert set(re.findall(r"\b[A-Z]{2,}\b", flat(data))) <= {"DRAFT"}


def test_draft_notice_on_every_page_until_reviewed():
    data, pages = build_pdf(full_handout(long=True), clinic(), LARGE)
    texts = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
    assert pages == len(texts) >= 2 and all(DRAFT_NOTICE in t for t in texts)
    reviewed, _ = build_pdf(full_handout(reviewed=True, long=True), clinic(), LARGE)
    assert "DRAFT" not in flat(reviewed)


def test_qr_code_only_with_a_public_audio_address():
    without, _ = build_pdf(full_handout(), clinic())
    assert SCAN_TO_LISTEN not in flat(without)
    data, _ = build_pdf(full_handout(), clinic(audio_base_url="https://audio.example.org/h/"))
    text = flat(data)
    assert SCAN_TO_LISTEN in text
    assert "https://audio.example.org/h/cut.mp3" in text.replace(" ", "")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        modules = [r for p in pdf.pages for r in p.rects if r["fill"] and r["width"] < 5]
    assert len(modules) > 100  # the QR code's dark squares


def test_qr_code_scans_to_the_mp3_address(tmp_path):
    import shutil
    import subprocess

    if not (shutil.which("zbarimg") and shutil.which("pdftoppm")):
        pytest.skip("zbarimg (Debian zbar-tools) and pdftoppm are needed to read the code")
    for size in (STANDARD, LARGE):
        pdf = tmp_path / "qr.pdf"
        pdf.write_bytes(build_pdf(full_handout(), clinic(audio_base_url="https://audio.example.org/h"), size)[0])
        subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")], check=True)
        found = subprocess.run(["zbarimg", "-q", "--raw", *sorted(map(str, tmp_path.glob("page*.png")))],
                               capture_output=True, text=True)
        assert found.stdout.split() == ["https://audio.example.org/h/cut.mp3"]
        for png in tmp_path.glob("page*.png"):
            png.unlink()


def test_metadata_language_and_bookmarks():
    data, _ = build_pdf(full_handout(), clinic(), LARGE)
    reader = PdfReader(io.BytesIO(data))
    meta = reader.metadata
    assert meta.title == "Caring for a cut" and meta.author == "Riverside clinic"
    assert "large print" in meta.subject and "infection" in meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en"

    def titles(outline):
        return [t for o in outline for t in (titles(o) if isinstance(o, list) else [o.title])]

    assert titles(reader.outline) == ["Caring for a cut", KEY_POINTS, "Clean the cut", "When to get help",
                                      WORDS_TO_KNOW, CALL_TO_ACTION]


def test_full_handout_is_byte_identical_twice_and_a4_by_config():
    config = clinic(audio_base_url="https://x.example/a")
    assert build_pdf(full_handout(), config)[0] == build_pdf(full_handout(), config)[0]
    letter = PdfReader(io.BytesIO(build_pdf(full_handout(), config)[0])).pages[0].mediabox
    config.page_size = "a4"
    a4 = PdfReader(io.BytesIO(build_pdf(full_handout(), config)[0])).pages[0].mediabox
    assert (round(letter.width), round(letter.height)) == (612, 792)
    assert (round(a4.width), round(a4.height)) == (595, 842)


HOSTILE = ['<img src="{png}"/>', "x<y", "A&E", "<font size=40>big</font>", "<script>alert(1)</script>",
           LONG_WORD, "&amp; &lt;b&gt;"]


def hostile_handout(png) -> Handout:
    """Return a handout with hostile text in every place user text can go."""
    items = [h.format(png=png) for h in HOSTILE]
    para = Block("paragraph", [[Sentence(t) for t in items]])
    bullets = Block("bullets", [[Sentence(t)] for t in items])
    handout = Handout(Meta(title=items[3] + " " + items[1], slug="h"),
                      [Section(items[0], [para, bullets]), Section(LONG_WORD, [para])],
                      key_points=[Sentence(t) for t in items],
                      words_to_know=[Term(t, t) for t in items])
    return handout


def test_hostile_text_everywhere_is_printed_literally(tmp_path, monkeypatch):
    import builtins

    from PIL import Image

    png = tmp_path / "private.png"
    Image.new("RGB", (4, 4), "red").save(png)
    opened, real_open = [], builtins.open
    monkeypatch.setattr(builtins, "open", lambda f, *a, **k: opened.append(str(f)) or real_open(f, *a, **k))
    config = clinic(audio_base_url="https://x.example/" + LONG_WORD)
    config.clinic_name = "<b>A&E</b> clinic"
    config.help_lines = [{"name": "<font size=40>x<y", "phone": LONG_WORD}]
    for size in (STANDARD, LARGE):
        data, pages = build_pdf(hostile_handout(png), config, size)
        text = "".join(pdf_text(data).split())  # long words are split across lines
        for h in HOSTILE:
            assert "".join(h.format(png=png).split()) in text
        reader = PdfReader(io.BytesIO(data))
        assert all("/XObject" not in p["/Resources"] for p in reader.pages)  # the image was never read
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            assert max(c["size"] for p in pdf.pages for c in p.chars) <= size.title + 0.01  # no <font size=40>
            for page in pdf.pages:  # long words wrap inside the margins
                assert all(c["x1"] <= page.width - 54 + 0.01 for c in page.chars)
    assert not [f for f in opened if "private" in f]  # no file named in the text was opened


@pytest.mark.xfail(reason="needs the shorter plain-language text from issue 3", strict=False)
def test_sample_standard_handout_fits_on_two_letter_pages(sample_build):
    assert sample_build.pages["pdf"] <= 2


def test_boxes_taller_than_a_page_split_instead_of_crashing():
    handout = full_handout()
    handout.key_points.append(Sentence("point " * 700))
    config = clinic(audio_base_url="https://x.example/a")
    config.help_lines = [{"name": "line " * 500, "phone": "1"}]
    data, pages = build_pdf(handout, config)
    text = flat(data)
    assert pages >= 3 and SCAN_TO_LISTEN in text and text.count("point ") == 700


def test_a_long_words_box_starts_where_it_is_and_repeats_its_heading():
    handout = full_handout()
    handout.words_to_know = [Term(f"word{i}", "a plain meaning of the word, in a few words.") for i in range(40)]
    data, pages = build_pdf(handout, clinic())
    texts = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
    assert WORDS_TO_KNOW in texts[0] and "word0:" in texts[0]  # no gap: it starts on page 1
    assert f"{WORDS_TO_KNOW} (continued)" in texts[1] and "word39:" in flat(data)  # continued, with its heading
    assert "(continued)" not in texts[0]
    reader = PdfReader(io.BytesIO(data))
    marks = {o.title: reader.get_destination_page_number(o) for o in reader.outline[-1]}
    assert marks[WORDS_TO_KNOW] == 0 and marks[CALL_TO_ACTION] == pages - 1


def test_sample_built_twice_gives_identical_pdfs(sample_build):
    from conftest import SAMPLE
    from handouts.config import load_config
    from handouts.read.sources import read_source

    config = load_config(SAMPLE.parent.parent)
    for size in (STANDARD, LARGE):
        first = build_pdf(read_source(SAMPLE), config, size)[0]
        assert first == build_pdf(read_source(SAMPLE), config, size)[0]


def test_a_list_lead_in_never_ends_a_page_without_its_first_two_items():
    # Push "Common signs include:" down the page a sentence at a time, across the page break.
    filler = "Most cuts heal well at home within a week or two with care."
    for n in range(24, 44):
        lead = Block("paragraph", [[Sentence(filler) for _ in range(n)] + [Sentence("Common signs include:")]])
        items = Block("bullets", [[Sentence(f"sign number {i}")] for i in range(1, 7)])
        handout = Handout(Meta(title="T", slug="t"), [Section("H", [lead, items])])
        data = build_pdf(handout, Config())[0]
        pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
        where = [next(i for i, t in enumerate(pages) if word in t)
                 for word in ("Common signs include:", "sign number 1", "sign number 2")]
        assert len(set(where)) == 1, (n, where)
        assert all(f"sign number {i}" in " ".join(pages) for i in range(1, 7))


def test_large_print_does_not_leave_the_questions_box_alone_on_a_last_page(sample_build):
    for key in ("pdf", "large-print pdf"):
        with pdfplumber.open(sample_build.outputs[key]) as pdf:
            last = " ".join(pdf.pages[-1].extract_text().split())
        # Something comes before the call to action on the last page (the words box, or its end).
        assert CALL_TO_ACTION in last and WORDS_TO_KNOW in last, key


def _set_in_handout(filler: int = 0) -> Handout:
    lead = Block("paragraph", [[Sentence("Most cuts heal well at home within a week or two with care.")] * filler
                               + [Sentence("Go to the ER now if:")]])
    outer = Block("bullets", [[Sentence("You have a fever.")], [Sentence("The rash does not fade, and:")]])
    inner = Block("bullets", [[Sentence("your child seems unwell, or")], [Sentence("there is a stiff neck")]], level=1)
    after = Block("bullets", [[Sentence("Your baby is younger than 3 months.")]])
    return Handout(Meta(title="T", slug="t"), [Section("H", [lead, outer, inner, after])])


def test_a_list_set_in_under_an_item_is_indented_with_its_own_bullet_and_held_to_it():
    with pdfplumber.open(io.BytesIO(build_pdf(_set_in_handout(), Config())[0])) as pdf:
        words = pdf.pages[0].extract_words()
    left: dict[str, float] = {}
    for w in words:
        left.setdefault(w["text"], w["x0"])  # the first: "Your" comes again in the questions box
    # The inner items start further in than the outer ones, which go on after them at the outer place.
    assert left["your"] > left["The"] + 10 and abs(left["Your"] - left["The"]) < 1
    bullets = [w["text"] for w in words if w["text"] in ("•", "–")]
    assert bullets == ["•", "•", "–", "–", "•"]
    # Pushed down the page a sentence at a time, the item that leads into the inner list never ends a page alone.
    for n in range(30, 50):
        data = build_pdf(_set_in_handout(n), Config())[0]
        pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
        where = [next(i for i, t in enumerate(pages) if w in t) for w in ("does not fade, and:", "seems unwell")]
        assert where[0] == where[1], (n, where)


def test_steps_go_on_with_their_numbers_after_a_list_set_in_and_its_steps_are_lettered():
    handout = Handout(meta=Meta(title="Steps", slug="steps"), sections=[Section(heading="Do this", blocks=[
        Block("numbered", [[Sentence("Wash your hands.")], [Sentence("Gather these supplies:")]]),
        Block("bullets", [[Sentence("gauze")], [Sentence("tape")]], level=1),
        Block("numbered", [[Sentence("Cover the wound.")], [Sentence("Stretch your wrist:")]]),
        Block("numbered", [[Sentence("Hold for 30 seconds.")], [Sentence("Repeat 3 times.")]], level=1)])])
    text = pdf_text(build_pdf(handout, Config())[0])
    for said in ("1. Wash your hands.", "2. Gather these supplies:", "3. Cover the wound.", "4. Stretch your wrist:",
                 "a. Hold for 30 seconds.", "b. Repeat 3 times."):
        assert said in text, said
    assert "1. Cover the wound." not in text
