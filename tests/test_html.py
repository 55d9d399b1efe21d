"""The accessible HTML page: valid, headings in order, lang, skip link, boxes, player, escaping."""

import html5lib
from html.parser import HTMLParser

from handouts.render.html import build_html
from handouts.language.labels import CALL_TO_ACTION, DRAFT_NOTICE, KEY_POINTS, WORDS_TO_KNOW
from test_pdf import HOSTILE, clinic, full_handout, hostile_handout

VOID = {"meta", "link", "br", "img", "input", "track", "source", "hr", "wbr"}


class Outline(HTMLParser):
    """Collect headings, element order, ids and text; check that every tag is closed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.headings, self.tags, self.ids, self.text = [], [], [], set(), []
        self._heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag not in VOID:
            self.stack.append(tag)
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading = [int(tag[1]), ""]

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, (tag, self.stack)
        if tag in ("h1", "h2", "h3", "h4"):
            self.headings.append(tuple(self._heading))
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading is not None:
            self._heading[1] += data


def check_page(page: str) -> Outline:
    """Parse strictly (html5lib raises on any parse error) and return the page's outline."""
    html5lib.HTMLParser(strict=True).parse(page)
    outline = Outline()
    outline.feed(page)
    outline.close()
    assert outline.stack == [], outline.stack
    levels = [level for level, _ in outline.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels  # no skipped level
    return outline


def test_page_is_valid_with_lang_skip_link_and_headings_in_order():
    page = build_html(full_handout(), clinic(), audio=True, captions=True)
    outline = check_page(page)
    html = next(a for t, a in outline.tags if t == "html")
    assert html["lang"] == "en"
    first_link = next(a for t, a in outline.tags if t == "a")
    assert first_link["href"] == "#main" and "main" in outline.ids
    assert [h for _, h in outline.headings] == [
        "Caring for a cut", KEY_POINTS, "Listen to this handout", "Clean the cut", "When to get help",
        WORDS_TO_KNOW, CALL_TO_ACTION]
    tags = [t for t, _ in outline.tags]
    assert tags.count("ol") == 1 and tags.count("dl") == 1 and "main" in tags and "footer" in tags
    text = " ".join("".join(outline.text).split())
    assert "Version: March 2, 2026" in text and "Riverside clinic" in text


def test_player_and_captions_only_when_the_files_exist():
    def media(page):
        tags = check_page(page).tags
        return ([a["src"] for t, a in tags if t == "audio"],
                [(a["src"], a["kind"], a["srclang"]) for t, a in tags if t == "track"])

    assert media(build_html(full_handout(), clinic(), audio=True, captions=True)) == (
        ["cut.mp3"], [("cut.vtt", "captions", "en")])
    assert media(build_html(full_handout(), clinic(), audio=True, captions=False)) == (["cut.mp3"], [])
    assert media(build_html(full_handout(), clinic(), audio=False, captions=True)) == ([], [])


def test_boxes_only_when_filled_and_draft_notice_until_reviewed():
    handout = full_handout()
    handout.key_points, handout.words_to_know = [], []
    page = build_html(handout, clinic())
    assert KEY_POINTS not in page and WORDS_TO_KNOW not in page and DRAFT_NOTICE in page
    reviewed = build_html(full_handout(reviewed=True), clinic())
    assert "DRAFT" not in reviewed and KEY_POINTS in reviewed
    check_page(reviewed)


def test_call_to_action_links():
    tags = check_page(build_html(full_handout(), clinic(audio_base_url="https://a.example/x"))).tags
    hrefs = [a["href"] for t, a in tags if t == "a"]
    assert {"tel:5551234567", "tel:18005550100", "https://riverside.example.org",
            "https://a.example/x/cut.mp3"} <= set(hrefs)


def test_hostile_text_is_escaped(tmp_path):
    png = tmp_path / "private.png"
    config = clinic(audio_base_url="javascript:alert(1)")
    config.clinic_name = "<b>A&E</b> clinic"
    config.clinic_website = "javascript:alert(1)"
    page = build_html(hostile_handout(png), config, audio=True, captions=True)
    outline = check_page(page)
    tags = {t for t, _ in outline.tags}
    assert not tags & {"img", "font", "script", "b"}
    assert all(not a.get("href", "").startswith("javascript") for _, a in outline.tags)
    text = "".join(outline.text)
    for h in HOSTILE:
        assert h.format(png=png) in text
    assert "&lt;script&gt;" in page and "A&amp;E" in page and "&amp;amp;" in page


def test_sample_build_writes_html_and_marks_the_draft(sample_build):
    path = sample_build.outputs["html"]
    assert path.name == "kratom-dopamine-opioid-withdrawal.html"
    outline = check_page(path.read_text(encoding="utf-8"))
    assert sample_build.draft and DRAFT_NOTICE in "".join(outline.text)
    assert [a["src"] for t, a in outline.tags if t == "audio"] == ["kratom-dopamine-opioid-withdrawal.mp3"]
    captions = path.parent / "kratom-dopamine-opioid-withdrawal.vtt"
    assert captions.exists() and (path.parent / "kratom-dopamine-opioid-withdrawal.mp3").exists()
    assert [a["src"] for t, a in outline.tags if t == "track"] == [captions.name]


def test_page_gains_its_player_once_the_narration_exists(tmp_path):
    from fakes import CountingEngine
    from handouts.pipeline import build_all
    from handouts.config import load_config

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "rest.md").write_text("# Rest\n\nRest at home. Drink water.\n", encoding="utf-8")
    config = load_config(tmp_path)

    def tags():
        return check_page((tmp_path / "build" / "rest.html").read_text(encoding="utf-8")).tags

    [first] = build_all(config, audio=False, engine=CountingEngine(), workers=1)
    assert first.ok and not [t for t, _ in tags() if t in ("audio", "track")]
    [second] = build_all(config, engine=CountingEngine(), workers=1)
    assert "html" in second.rebuilt, second.rebuilt
    assert [a["src"] for t, a in tags() if t in ("audio", "track")] == ["rest.mp3", "rest.vtt"]


def test_page_carries_its_font_regular_and_bold_with_a_fallback_stack():
    import base64
    import re

    from handouts.render.fonts import font_files

    page = build_html(full_handout(), clinic())
    faces = re.findall(r'@font-face \{ font-family: "([^"]+)"; font-style: normal; font-weight: (\w+);'
                       r'[^}]*src: url\("data:font/ttf;base64,([A-Za-z0-9+/=]+)"\) format\("truetype"\); \}', page)
    files = font_files()
    assert {(family, weight) for family, weight, _ in faces} == {("Atkinson Hyperlegible", "normal"),
                                                                 ("Atkinson Hyperlegible", "bold")}
    for _, weight, data in faces:  # the fontpkg files themselves, byte for byte
        assert base64.b64decode(data) == files[weight].read_bytes()
    stack = re.search(r"body \{[^}]*font-family: ([^;]+);", page)[1]
    assert stack.startswith('"Atkinson Hyperlegible", ') and stack.endswith("sans-serif")
    check_page(page)


def test_a_list_set_in_under_an_item_is_nested_in_that_item():
    from test_pdf import _set_in_handout

    page = build_html(_set_in_handout(), clinic())
    check_page(page)
    body = " ".join(page.split())
    # One outer list: the inner list sits inside its item, and the outer list goes on after it.
    assert ("<li>The rash does not fade, and:<ul> <li>your child seems unwell, or</li> <li>there is a stiff neck</li> "
            "</ul></li> <li>Your baby is younger than 3 months.</li> </ul>") in body
    assert body.count("<li>You have a fever.</li>") == 1 and body.count("<p>Go to the ER now if:</p> <ul>") == 1


def test_a_step_s_own_steps_are_lettered_and_the_steps_go_on():
    from handouts.model import Block, Handout, Meta, Section, Sentence

    handout = Handout(meta=Meta(title="Steps", slug="steps"), sections=[Section(heading="Do this", blocks=[
        Block("numbered", [[Sentence("Stretch your wrist:")]]),
        Block("numbered", [[Sentence("Hold for 30 seconds.")], [Sentence("Repeat 3 times.")]], level=1),
        Block("numbered", [[Sentence("Squeeze a ball.")]])])])
    page = build_html(handout, clinic())
    check_page(page)
    body = " ".join(page.split())
    # One <ol>: the step's own steps in an <ol type="a"> inside it (markup, not escaped text), the next step after it.
    assert ('<ol> <li>Stretch your wrist:<ol type="a"> <li>Hold for 30 seconds.</li> <li>Repeat 3 times.</li> </ol></li> '
            '<li>Squeeze a ball.</li> </ol>') in body
