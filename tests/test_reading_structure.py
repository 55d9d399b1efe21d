"""How a source's top lines, nested headings, tables and question headings are read (issue 13, third review round)."""

from handouts.read.sources import read_source


def _read(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_source(path, "en")


def test_the_title_is_the_first_top_line_that_is_no_letterhead(tmp_path):
    h = _read(tmp_path, "flu.txt", "EASTSIDE COMMUNITY HEALTH CENTER\nSeasonal Influenza (Flu) Vaccine - Information "
              "and Consent Form\n\nPlease read both pages before you sign.\n\nAbout the vaccine\nThe vaccine is made "
              "from killed virus.\n")
    assert h.meta.title == "Seasonal Influenza (Flu) Vaccine - Information and Consent Form"
    assert "EASTSIDE" not in " ".join(s.heading for s in h.sections)
    h = _read(tmp_path, "rsv.txt", "Respiratory Syncytial Virus (RSV) in Older Adults\nFact Sheet for Patients and "
              "Caregivers | Updated 2025\n\nWhat is RSV?\nRSV is a common virus.\n")
    assert h.meta.title == "Respiratory Syncytial Virus (RSV) in Older Adults"
    assert [s.heading for s in h.sections] == ["What is RSV?"]
    # A heading with its topic after a colon is no letterhead; a section heading that says "Handout" stays.
    h = _read(tmp_path, "apixaban.txt", "Patient Medicine Leaflet: Apixaban (Eliquis)\n\nWhy We Made This Handout\n\n"
              "Apixaban is a blood thinner.\n")
    assert h.meta.title == "Patient Medicine Leaflet: Apixaban (Eliquis)"
    assert [s.heading for s in h.sections] == ["Why We Made This Handout"]


def test_a_markdown_heading_with_only_subheadings_is_said_with_each_of_them(tmp_path):
    h = _read(tmp_path, "metformin.md", "# Metformin\n\nMetformin lowers blood sugar.\n\n## Side effects\n\n"
              "### Common\n\n* diarrhoea\n* nausea\n\n### Less common\n\n* low vitamin B12\n\n## Alcohol\n\n"
              "Avoid heavy drinking.\n")
    assert [s.heading for s in h.sections] == ["", "Side effects: Common", "Side effects: Less common", "Alcohol"]


def test_lines_under_a_heading_that_say_times_and_places_are_its_list(tmp_path):
    h = _read(tmp_path, "group.txt", "Fresh Start Circle\n\nWelcome. You are not alone here.\n\nWHEN WE MEET\n"
              "Mondays 7:00 - 8:30 pm Community Center, Room 2B\nThursdays 12:15 - 1:15 pm online\n\n"
              "No sign-up, no fees, and you don't have to talk.\n")
    meet = next(s for s in h.sections if s.heading == "WHEN WE MEET")
    assert meet.blocks[0].kind == "bullets"
    assert [" ".join(x.text for x in item) for item in meet.blocks[0].items] == [
        "Mondays 7:00 - 8:30 pm Community Center, Room 2B", "Thursdays 12:15 - 1:15 pm online"]


def test_a_table_after_a_list_names_its_columns_and_is_not_more_items_of_the_list(tmp_path):
    h = _read(tmp_path, "taper.md", "# Tapering\n\n## What does withdrawal feel like?\n\nCommon symptoms include:\n\n"
              "- Body: aches, sweating\n- Gut: nausea, diarrhea\n\n| Symptom | What you can do |\n|---|---|\n"
              "| Aches and pain | Ibuprofen 400 mg up to 3 times a day |\n| Nausea | Sip fluids |\n")
    blocks = h.sections[-1].blocks
    said = [(b.kind, [" ".join(x.text for x in item) for item in b.items]) for b in blocks]
    assert said[-2:] == [("paragraph", ["Each line gives the symptom and what you can do:"]),
                         ("bullets", ["Aches and pain: Ibuprofen 400 mg up to 3 times a day", "Nausea: sip fluids"])]
    assert said[1] == ("bullets", ["Body: aches, sweating", "Gut: nausea, diarrhea"])


def test_a_question_line_of_up_to_ten_words_is_a_heading(tmp_path):
    h = _read(tmp_path, "hpv.txt", "HPV vaccine\n\nWhat is HPV?\nHPV is a common virus.\n\nWho should get it, and how "
              "many doses?\nThe vaccine is given at age 11 or 12.\n")
    assert [s.heading for s in h.sections] == ["What is HPV?", "Who should get it, and how many doses?"]


def test_a_pasted_page_s_buttons_feedback_and_copyright_lines_are_furniture():
    from handouts.read.furniture import is_furniture

    for line in ("Print this page   Share", "Was this page helpful?  Yes  No", "(c) 2024 St Brendan's Hospital.",
                 "Related pages: Allergy clinic | Dermatology outpatients | Patient leaflets A-Z", "Related posts",
                 "[Enter your email] [Subscribe]"):
        assert is_furniture(line), line
    for line in ("Call us: 555-0100 | Mon-Fri", "[ ] Right eye [ ] Left eye", "Eczema is common | it itches a lot."):
        assert not is_furniture(line), line


def test_label_lines_at_the_top_say_what_they_say_and_a_form_s_blanks_go(tmp_path):
    h = _read(tmp_path, "stone.txt", "PATIENT DISCHARGE INSTRUCTIONS          Page 1 of 2\n\nDiagnosis: Kidney stone "
              "(ureteric colic), left side\nStone size on CT: approximately 4 mm, lower ureter\nPatient: ________   "
              "Date: ____/____\n\nAbout your condition\nMost small stones pass on their own.\n")
    assert "Page" not in h.meta.title and [s.heading for s in h.sections][:1] == ["PATIENT DISCHARGE INSTRUCTIONS"]
    listed = [" ".join(x.text for x in item) for b in h.sections[0].blocks for item in b.items]
    assert listed == ["Diagnosis: Kidney stone (ureteric colic), left side",
                      "Stone size on CT: approximately 4 mm, lower ureter"]
    assert "____" not in " ".join(s.text for s in h.sentences)


def test_a_title_line_of_letterhead_parts_is_no_title(tmp_path):
    h = _read(tmp_path, "hcv.txt", "Division of Viral Hepatitis | Fact Sheet for the Public\nHepatitis C: What You "
              "Should Know\n\nHepatitis C is a liver infection.\n")
    assert h.meta.title == "Hepatitis C: What You Should Know"


def test_numbered_steps_of_two_sentences_set_apart_by_two_spaces_are_steps_not_a_table(tmp_path):
    # Found by tests/test_fuzz_pipeline.py: the steps were read as a table's rows, and the step after them crashed
    # the reader (a list's depth looked up under a table).
    path = tmp_path / "steps.txt"
    path.write_text("1. Take 2 tablets every 4 hours.  Take them with food.\n"
                    "2. Drink water.  Rest in bed.\n3. Call us if it gets worse.\n")
    blocks = [b for s in read_source(path).sections for b in s.blocks]
    assert [b.kind for b in blocks] == ["numbered"]
    assert [" ".join(x.text for x in item) for item in blocks[0].items] == [
        "Take 2 tablets every 4 hours. Take them with food.", "Drink water. Rest in bed.", "Call us if it gets worse."]


def test_a_header_that_names_fewer_columns_than_its_rows_fill_names_none_by_place(tmp_path):
    # A two-level header read as one line ("Dose | Child | Adult" over four figures): named by place, "Adult" had named
    # the child's second figure. Unsure which column is which, each row says its figures as they are, the header first.
    h = _read(tmp_path, "doses.md", "# Doses\n\nThe doses are below.\n\n| Form | Child | Adult |\n|---|---|---|\n"
              "| Tablet | 5 mg | 10 mg | 20 mg | 40 mg |\n| Liquid | 2 mL | 4 mL | 8 mL | 16 mL |\n")
    said = [" ".join(x.text for x in item) for b in h.sections[-1].blocks for item in b.items]
    assert said[-3:] == ["Form; Child; Adult", "Tablet: 5 mg; 10 mg; 20 mg; 40 mg", "Liquid: 2 mL; 4 mL; 8 mL; 16 mL"]
    assert not any("Adult 10 mg" in s or "adult 10 mg" in s for s in said)
