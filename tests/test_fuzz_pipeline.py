"""Property-based tests (hypothesis) of the plain-language stage and the renderers, through the real functions:
read_source -> plain_language -> font check -> build_pdf (standard and large print) -> build_html ->
spoken_script, over random structure (front matter, headings, paragraphs, bullets, numbered and nested lists,
'|' tables, quotes), every Unicode category, very long lines, a 5,000-letter word and mixed scripts (the
strategies and checks are in tests/fuzz_sources.py; benchmarks/fuzz.py runs them on 10,000 sources).

Whatever the source, the build either refuses it with one line naming the file (a HandoutError) or makes a PDF
whose text has only characters the fonts draw (no U+FFFD), a web page that parses with no script but the
template's, a spoken script of one-line utterances, and a plain text that says every number of the source or
flags it. And the crash classes the fuzzing found, each pinned by its smallest case."""

import re
from pathlib import Path

import html5lib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_sources import PRINTED, _baseline_scripts, config, numbers_kept, run_source, sources
from handouts.audio.narration import spoken_script
from handouts.model import Block, Handout, Meta, Section, Sentence
from handouts.errors import HandoutError
from handouts.plain.rewrite import plain_language
from handouts.plain.verify import whole
from handouts.read.sources import read_source
from handouts.render.html import build_html
from handouts.render.pdf import LARGE

FAST = settings(deadline=None, database=None,  # database=None: no .hypothesis folder left behind
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])


@settings(FAST, max_examples=40)
@given(sources())
def test_every_source_builds_clean_outputs_or_is_refused_with_one_line(source):
    name, data = source
    outcome, info = run_source(name, data)  # the checks raise; a crash is any other exception
    if outcome == "built":
        assert not info["unprintable"], f"the PDF has characters the fonts cannot draw: {info['unprintable']}"


@settings(FAST, max_examples=120)
@given(st.lists(PRINTED.line, min_size=1, max_size=6), st.sampled_from(["", "- ", "1. ", "# "]))
def test_the_plain_stage_keeps_or_flags_every_number(lines, mark):
    text = "\n\n".join(mark + line if i else line for i, line in enumerate(lines))
    try:
        plain = plain_language(read_source(Path("numbers.md"), raw=text.encode()), config())
    except HandoutError as e:
        assert "\n" not in str(e) and str(e).startswith("numbers.md")
        return
    assert not numbers_kept(plain)
    page = build_html(plain.handout, config())
    html5lib.HTMLParser(strict=False).parse(page)
    assert "<script>alert" not in page


any_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=60)  # every category, control characters too


@settings(FAST, max_examples=100)
@given(any_text, st.lists(st.tuples(any_text, st.sampled_from(Block.KINDS), st.lists(any_text, min_size=1,
                                                                                     max_size=4)), max_size=5))
def test_the_web_page_and_the_script_take_any_text_as_text(title, sections):
    # Straight to the renderers, past the reader's cleaning: whatever a text holds is escaped, never markup.
    handout = Handout(Meta(title=title, slug="fuzz"), [
        Section(heading, [Block(kind, [[Sentence(t)] for t in texts])]) for heading, kind, texts in sections])
    page = build_html(handout, config())
    html5lib.HTMLParser(strict=False).parse(page)
    assert len(re.findall(r"<script\b", page, re.I)) == len(_baseline_scripts())
    for u in spoken_script(handout, config()):
        assert "\n" not in u.text and "\n" not in u.spoken


# --- the crash classes found, smallest case first ---------------------------------------------------------

def test_a_clause_the_parser_cut_to_a_lone_sign_is_not_whole():
    # spaCy parsed a leading "•" as a sentence of its own tagged VERB: the search for its first word ran dry
    # (StopIteration inside a generator: a RuntimeError) while the key points were picked.
    assert whole("• Studies suggest that 30% of adults experience hypertension.") in (True, False)
    text = ("Call 911 right away fainting. Call fainting. Call fainting. Call fainting. Call fainting. Call fainting. "
            "fainting.\n" + "ôÉœ" * 600 + "ô.\n• Studies suggest hypertension [3]. water.")  # as the fuzzing shrank it
    assert plain_language(read_source(Path("fuzz.md"), raw=text.encode()), config()).handout.sentences


def test_a_text_of_only_boilerplate_is_refused_not_built_empty():
    # Every sentence was page furniture or boilerplate the rules take out: the handout built with no sentence,
    # a blank page and a silent narration. It is "no text", with one line naming the file.
    text = ("---\ntitle: Caring for a Cut\n---\n### Lávese las manos\n\n"
            + "In this article, we explore how to stay safe. " * 3)
    outcome, message = run_source("fuzz.md", text.encode())
    assert outcome == "refused" and message.startswith("fuzz.md: no text: every sentence") and "\n" not in message


def test_a_code_point_the_fonts_map_to_the_empty_box_is_not_printable():
    # The fonts map U+FFFF to glyph 0 (.notdef): the font check counted it as printable, and the PDF drew a box.
    from handouts.render.coverage import printable

    assert 0xFFFF not in printable()
    outcome, message = run_source("fuzz.txt", "Wash your hands \uffff often.\n".encode())
    assert outcome == "refused" and "U+FFFF" in message and "\n" not in message


def test_a_lead_in_taller_than_a_page_splits_instead_of_failing():
    # A list's lead-in held to its list (KeepWithNext) that is itself taller than a page (a 4,200-letter word in
    # large print) was handed back whole at the top of a page: ReportLab's "Splitting error" (a LayoutError).
    text = "# Care\n\nDo these things " + "ßG" * 2100 + ":\n\n- Rest.\n- Drink water.\n"
    assert run_source("fuzz.md", text.encode(), [LARGE])[0] == "built"


def test_a_title_taller_than_a_page_keeps_its_bookmark():
    # The title (bookmark level 0) split across pages lost its bookmark: the next one, at level 1, jumped a level
    # and ReportLab raised a ValueError.
    text = "# " + "ßG" * 1500 + "\n\nRest and drink water.\n"
    assert run_source("fuzz.md", text.encode(), [LARGE])[0] == "built"
