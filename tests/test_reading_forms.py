"""Reading what a source means before any rewriting: a form's check boxes, a pasted page's menu and links,
a unit's exponent, a citation after a year, and lists set inside lists. Small made-up texts, one class each."""

import pytest

from documents import docx_bytes, markdown_text, pdf_bytes, web_page_bytes
from handouts.config import Config
from handouts.language.sentences import split_sentences
from handouts.plain.rewrite import plain_language
from handouts.read.blocks import form_boxes
from handouts.read.furniture import is_furniture, page_furniture
from handouts.read.sources import parse_plain_text, read_source


def read(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_source(path)


def outline(handout):
    """Return (heading, [(block kind, [text of each item])]) per section."""
    return [(s.heading, [(b.kind, [" ".join(x.text for x in item) for item in b.items]) for b in s.blocks])
            for s in handout.sections]


def texts(handout):
    return [" ".join(x.text for x in item) for s in handout.sections for b in s.blocks for item in b.items]


# --- 1. a form's check boxes ------------------------------------------------------------------

FORM = """# Knee Injection Consent

**Knee to be injected:** ☐ Left knee  ☐ Right knee

## Statements

Please initial the box next to each statement you agree with.

- ☐ I understand that the injection may not help my pain.
- ☑ I have told my doctor about any allergies.
"""


@pytest.mark.parametrize("box, written", [("☐", "[ ]"), ("□", "[ ]"), ("❑", "[ ]"), ("☑", "[x]"),
                                          ("☒", "[x]")])
def test_every_kind_of_check_box_is_written_as_one_a_font_can_print(box, written):
    assert form_boxes(f"Side: {box} Left  {box}Right") == f"Side: {written} Left  {written} Right"


def test_a_black_square_is_a_ticked_box_only_beside_an_empty_one():
    assert form_boxes("Side: ■ Left □ Right") == "Side: [x] Left [ ] Right"
    assert form_boxes("■ Take your tablets with food.") == "■ Take your tablets with food."  # a bullet
    assert form_boxes("Done: [x] Yes [ ] No, and [✓] checked") == "Done: [x] Yes [ ] No, and [x] checked"


def test_a_form_line_keeps_a_box_for_each_choice_on_one_line(tmp_path):
    handout = read(tmp_path, "consent.md", FORM)
    assert outline(handout)[0] == ("", [("paragraph", ["Knee to be injected: [ ] Left knee [ ] Right knee"])])
    assert texts(handout)[-2:] == ["[ ] I understand that the injection may not help my pain.",
                                   "[x] I have told my doctor about any allergies."]
    # The plain stage leaves the form line as it is, one line; each statement keeps its box.
    plain = plain_language(handout, Config()).handout
    assert texts(plain)[0] == "Knee to be injected: [ ] Left knee [ ] Right knee"
    assert [t[:4] for t in texts(plain)[-2:]] == ["[ ] ", "[x] "]


def test_the_boxes_are_signs_the_handout_fonts_draw(tmp_path):
    from handouts.render.coverage import check_printable, printable

    assert all(ord(c) in printable() for c in "[ x]")
    check_printable(read(tmp_path, "form.txt", "Consent\nWhich side? ☐ Left ☐ Right ☒ Both\n"))  # no refusal


def test_the_boxes_of_a_plain_text_form_are_kept_too(tmp_path):
    handout = read(tmp_path, "form.txt", "Consent Form\n\nWhich side? ☐ Left  ☐ Right\n\n"
                                         "- ☐ I agree to the test.\n")
    assert texts(handout) == ["Which side? [ ] Left [ ] Right", "[ ] I agree to the test."]


# --- 2. a pasted web page's furniture --------------------------------------------------------

PAGE = """We use cookies to make this site work. Accept all cookies | Manage preferences
Skip to main content
Home
Find a Clinic
Patients & Visitors
Health Topics
Research
Donate
Search
Home > Health Topics > Gout

Gout: Causes and Care

Last reviewed: 04/2025

Share this page

What Is Gout?

Gout is a painful swelling of a joint, most often the big toe. It happens when uric acid builds up in the blood.

Related pages
Kidney stones | Arthritis (osteoarthritis) | Healthy eating
Share this page
Facebook | X | Email | Print

© 2025 Lakeside Health. All rights reserved. Privacy policy | Accessibility | Terms of use
"""


def test_a_pasted_web_page_keeps_only_its_article(tmp_path):
    handout = read(tmp_path, "gout.txt", PAGE)
    assert handout.meta.title == "Gout: Causes and Care"
    assert outline(handout) == [("What Is Gout?", [("paragraph", [
        "Gout is a painful swelling of a joint, most often the big toe. It happens when uric acid builds up in "
        "the blood."])])]


@pytest.mark.parametrize("line", [
    "We use cookies to give you the best experience. Accept all cookies | Manage preferences",
    "Skip to main content", "Home", "Find a Doctor", "Patients & Visitors", "Donate", "Search",
    "Home > Conditions & Treatments > Long COVID", "Health A-Z > Lungs > Asthma", "Share this page",
    "Facebook | X | Email | Print", "© 2025 Lakeside Health. All rights reserved. Privacy policy | Accessibility",
    "Related pages"])
def test_lines_of_a_site_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["Research", "Conditions & Treatments", "Home care", "Fever > 38 > call",
                                  "Kidney stones | Arthritis | Healthy eating", "If the fever is > 38 °C, call.",
                                  "See also your care plan.", "Searching for a cause can take time."])
def test_lines_a_leaflet_may_hold_are_not_furniture_alone(line):
    assert not is_furniture(line)


def test_a_one_word_heading_in_a_leaflet_stays(tmp_path):
    handout = read(tmp_path, "trial.txt", "Research\nDoctors are studying new gout medicines in a trial.\n\n"
                                          "Donations\nGifts to the clinic pay for the nurse line.\n")
    assert [s.heading for s in handout.sections] == ["Research", "Donations"]


def test_a_leaflet_header_of_short_lines_is_no_menu():
    # Short lines at the top, but none a menu line: the leaflet's own header, not furniture (the date line is).
    blocks = parse_plain_text("Cardiology Department\nPatient Information\nHeart Failure\nReviewed: March 2024\n\n"
                              "Heart failure means the heart does not pump as well as it should.\n")
    assert page_furniture(blocks) == [False, False, False, True, False]
    menu = parse_plain_text("Home\nOur Services\nResearch\n\nGout\n\nGout is a painful swelling of a joint.\n")
    assert page_furniture(menu) == [True, True, True, False, False]  # a run with a menu word: the menu


def test_a_menu_run_together_by_markdown_is_seen_line_by_line(tmp_path):
    handout = read(tmp_path, "gout.md", "Skip to main content\nHome\nHealth Topics\nSearch\n\n# Gout\n\n"
                                        "Gout is a painful swelling of a joint.\n\n## Related links\n\n"
                                        "- Kidney stones\n- Healthy eating: What to Eat?\n\n"
                                        "Share this page\nFacebook | Email\n")
    assert handout.meta.title == "Gout"
    assert texts(handout) == ["Gout is a painful swelling of a joint."]


@pytest.mark.parametrize("name", ["wrapped.txt", "wrapped.md"])
def test_a_furniture_word_wrapped_into_a_sentence_stays_in_it(tmp_path, name):
    handout = read(tmp_path, name, "Rebooking\n\nIf you cannot come, call us or send an\nemail\nto the clinic. Bring "
                                   "your\nHome\nblood pressure readings.\n")
    assert "send an email to the clinic" in " ".join(texts(handout))
    assert "Bring your Home blood pressure readings." in " ".join(texts(handout))


def test_a_row_of_links_stays_unless_it_sits_by_furniture():
    blocks = parse_plain_text("Eating Well\n\nFoods to enjoy:\n\nFruit | Vegetables | Whole grains\n\n"
                              "Eat them every day.\n")
    assert not any(page_furniture(blocks))
    blocks = parse_plain_text("Eat them every day.\n\nFruit | Vegetables | Whole grains\n\nShare this page\n")
    assert page_furniture(blocks) == [False, True, True]


# --- 3. a unit's exponent ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Your kidney function is below 45 mL/min/1.73 m² now.",
                                  "Cover an area of 4 cm² or more.", "A BMI of 30 kg/m² or more is obesity.",
                                  "A room of 100 ft² is enough.", "Breathe in 2 m³ of air.",
                                  "Platelets of 150 × 10⁹/L are normal.", "A count of 10⁻³ is low."])
def test_a_superscript_after_a_unit_is_its_exponent(text):
    assert split_sentences(text) == [text]


@pytest.mark.parametrize("text, kept", [
    ("Smoking raises the risk² of cancer.", "Smoking raises the risk of cancer."),
    ("Most cases are mild.¹ Some are not.", "Most cases are mild. Some are not."),
    ("The program³ helps.", "The program helps.")])
def test_a_superscript_after_a_word_is_a_citation(text, kept):
    assert " ".join(split_sentences(text)) == kept


# --- 4. a citation after a year ----------------------------------------------------------------

def test_a_citation_glued_after_a_year_is_dropped():
    assert split_sentences("Surveys ran from 2018 to 2020.5 Most women stopped drinking.") == [
        "Surveys ran from 2018 to 2020.", "Most women stopped drinking."]
    assert split_sentences("It fell in 2019.3,4 Then it rose.") == ["It fell in 2019.", "Then it rose."]
    assert split_sentences("Based on data from 2018 to 2020.5") == ["Based on data from 2018 to 2020."]


@pytest.mark.parametrize("text", ["Take 2.5 Most days are fine.", "Give 2020.5 mg in total.",
                                  "The dose is 12.5 Then wait."])
def test_a_decimal_number_is_no_year_and_citation(text):
    assert " ".join(split_sentences(text)) == text


# --- 5. lists set inside lists ----------------------------------------------------------------

SICK_DAYS = """# Sick Days

When you are ill, follow these rules:

- Stop these medicines until you eat again:
  - metformin
  - lisinopril
- Keep drinking water.
- Get help right away if:
  - you are sick for more than 6 hours;
  - you have a fever and a stiff neck; or
  - you cannot keep fluids down.
"""


def test_a_nested_list_stays_a_list_set_in_under_its_lead_in(tmp_path):
    handout = read(tmp_path, "sick.md", SICK_DAYS)
    blocks = [(b.kind, b.level, [" ".join(x.text for x in item) for item in b.items])
              for b in handout.sections[0].blocks]
    assert blocks == [("paragraph", 0, ["When you are ill, follow these rules:"]),
                      ("bullets", 0, ["Stop these medicines until you eat again:"]),
                      # Set in under its item: the item after it reads as the outer list's, not one more medicine.
                      ("bullets", 1, ["metformin", "lisinopril"]),
                      ("bullets", 0, ["Keep drinking water.", "Get help right away if:"]),
                      # "; or" says one of them is enough: the "or" stays, the bare ";" goes.
                      ("bullets", 1, ["you are sick for more than 6 hours", "you have a fever and a stiff neck; or",
                                      "you cannot keep fluids down."])]


def test_a_list_inside_a_list_never_takes_the_items_after_it(tmp_path):
    handout = read(tmp_path, "sumatriptan.md", "# Sumatriptan\n\nSide effects you may get:\n\n- Common:\n  - tingling\n"
                   "  - tightness in the chest, which is usually brief\n    - get help at once if chest pain is severe\n"
                   "  - dizziness or tiredness\n- Rare:\n  - seizures\n- Slower is better:\n  - a pause of 2 weeks\n"
                   "  - smaller last steps\n- dry mouth\n")
    said = [(b.kind, b.level, [" ".join(x.text for x in item) for item in b.items]) for b in handout.sections[0].blocks]
    # One note under an item is folded into it; a list set in two levels deep is said in its item.
    assert ("bullets", 1, ["tingling", "tightness in the chest, which is usually brief: get help at once if chest pain "
                           "is severe.", "dizziness or tiredness"]) in said
    # Each inner list is set in under its own item; "dry mouth" is an item of the outer list again.
    assert [(k, lv) for k, lv, _ in said] == [("paragraph", 0)] + [("bullets", 0), ("bullets", 1)] * 3 + [("bullets", 0)]
    assert said[-1] == ("bullets", 0, ["dry mouth"])


def test_an_indented_list_in_plain_text_reads_as_in_markdown(tmp_path):
    as_markdown = outline(read(tmp_path, "sick.md", SICK_DAYS))[0][1]
    assert outline(read(tmp_path, "sick.txt", SICK_DAYS.replace("  - ", "    - ")))[0][1] == as_markdown
    word_export = SICK_DAYS.replace("  - ", "  o ")  # Word's plain-text export marks a nested item "o"
    assert outline(read(tmp_path, "sick2.txt", word_export))[0][1] == as_markdown


ARTICLE = [("title", "Sick Days"),
           ("p", "When you are ill with a fever, vomiting or diarrhoea, your body loses water and some medicines can "
                 "harm your kidneys. Follow these rules until you are well."),
           ("ul", [("Stop these medicines until you eat again:", ["metformin", "lisinopril"]),
                   "Keep drinking water."]),
           ("h1", "Dressing the Wound"),
           ("p", "A clean dressing keeps germs out of the wound while it heals. Change it every day or when it gets "
                 "wet."),
           ("ol", ["Wash your hands.", ("Gather these supplies:", ["gauze", "tape", "scissors"]),
                   "Cover the wound."])]


@pytest.mark.parametrize("suffix, make", [(".docx", docx_bytes), (".pdf", pdf_bytes), (".html", web_page_bytes)],
                         ids=["word", "pdf", "web-page"])
def test_every_format_lays_out_a_nested_list_as_markdown_does(tmp_path, suffix, make):
    path = tmp_path / f"sick-days{suffix}"
    path.write_bytes(make(ARTICLE))
    assert outline(read_source(path)) == outline(read(tmp_path, "sick-days.md", markdown_text(ARTICLE)))


def test_a_step_s_list_is_set_in_under_it_and_the_steps_go_on(tmp_path):
    # (Run into the step, "Gather these supplies: gauze; tape; scissors.", reviewers read it as run together.)
    handout = read(tmp_path, "sick-days.md", markdown_text(ARTICLE))
    blocks = next(s.blocks for s in handout.sections if s.heading == "Dressing the Wound")
    assert [(b.kind, b.level, [" ".join(x.text for x in item) for item in b.items]) for b in blocks[1:]] == [
        ("numbered", 0, ["Wash your hands.", "Gather these supplies:"]), ("bullets", 1, ["gauze", "tape", "scissors"]),
        ("numbered", 0, ["Cover the wound."])]
    # One note under a step is still said in it; a list set in deeper than one level is said in its item.
    steps = "1. Take one pain reliever:\n   - paracetamol, or\n   - ibuprofen\n2. Rest.\n"
    assert texts(read(tmp_path, "pain.md", steps)) == ["Take one pain reliever:", "paracetamol, or", "ibuprofen", "Rest."]


def test_notes_under_an_item_are_still_said_in_it(tmp_path):
    notes = ("- Weeks 1 to 4: 0.25 mg once a week\n  - Nausea is most common now.\n"
             "- Ibuprofen (Advil)\n  - Only for babies 6 months and older.\n")
    assert texts(read(tmp_path, "notes.md", notes)) == [
        "Weeks 1 to 4: 0.25 mg once a week. Nausea is most common now.",  # its own colon: no second one
        "Ibuprofen (Advil): Only for babies 6 months and older."]


def test_list_punctuation_goes_and_its_or_and_and_stay(tmp_path):
    # A bare ";" is the list's punctuation; "or" / "and" say whether one item is enough or all are needed.
    text = "Call us if:\n\n- you have a fever;\n- you have a rash; or\n- you feel faint, and\n- you are alone.\n"
    assert texts(read(tmp_path, "call.txt", text))[1:] == ["you have a fever", "you have a rash; or",
                                                           "you feel faint, and", "you are alone."]
    assert texts(read(tmp_path, "call.md", text))[1:] == texts(read(tmp_path, "call.txt", text))[1:]
