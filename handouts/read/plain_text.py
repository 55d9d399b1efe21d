"""Read plain text into blocks: headings, paragraphs hard-wrapped over lines, lists and their nesting, tables and
forms, recovered from the layout alone."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.read.blocks import laid_out, QUOTES, RawBlock, table_blocks, unquote
from handouts.read.forms import LABEL_LINE, staff_record_dropped
from handouts.read.furniture import is_furniture, is_menu_bar, stands_apart
from handouts.read.letterhead import DOCUMENT_KIND, names_or_reaches, SHEET_TITLE, TITLE_GOES_ON
from handouts.read.protocol_lines import coded_questions
from handouts.read.site_chrome import without_site_chrome
from handouts.read.line_passes import (LEADER, columns_ruled, gridded_lists, lettered_aids, numbers_wrapped_back, arrowed_items, ticked_columns_said, labels_over_blanks, paired_choice_columns, boxed_choices_joined, dotted_blanks, label_columns, marked_subheadings, leader_labels_joined, marked_labels,
                                       one_box_column, stacked_options, starred_notes, two_column_lists, unboxed_lines,
                                       without_contents_lines, without_margin_marks, without_sales_boxes,
                                       starred_runs, without_tear_off_tabs, yes_no_rows)
from handouts.read.line_shape import (BULLET, in_capitals, CONTACT, ENDS_MID_PHRASE, ENDS_ON_VERB, ends_sentence,
                                      GRID_RULER, indent_of, join_wrapped, LETTERED, NEVER_ENDS, next_row, next_text_line,
                                      number_of, NUMBERED, ORGANISATION, PLACE, previous_line_blank, STAR_RULE, STREET,
                                      TICKED, TIME, timed, title_like)
from handouts.read.notes import anchored, NOTE
from handouts.read.running_lines import numbered_notes_marked, without_running_lines
from handouts.read.tables import column_table, pipe_table, timetables


_MAX_HEADING_WORDS = 16
# "Paracetamol 120 mg/5 mL:   15 mg/kg, every 4-6 hours ..." over "Ibuprofen 100 mg/5 mL: ...": a medicine's dose line
_DOSE_LABEL = re.compile(r"[A-Z][a-z]+(?: [A-Za-z]+)? \d[\d.]* ?(?:mg|mcg|g)(?: ?/ ?\d+ ?mL)?:\s+\S")


# "d) ANAESTHESIA", "f) AFTER THE OPERATION  (please read the leaflet)": a lettered part's name in capitals, on its own line
_CAPS_LABEL = re.compile(r"(?:[a-z]|\d{1,2})[.)]\s+[A-Z][A-Z0-9 ,&/'’-]{3,}(?:\s*\([^()]*\))?")

def parse_plain_text(body: str, first_line: int = 1) -> list[RawBlock]:
    """Recover headings, paragraphs, lists and quoted passages from plain text."""
    blocks: list[RawBlock] = []
    source_lines = body.split("\n")
    # "[  ]", "[   ]": a tick box drawn wide is one box ("[ ]"), its width kept so the columns still line up
    body = rx.sub(r"\[( {2,3})\]", lambda m: "[ ]" + " " * (len(m.group(1)) - 1), body)
    # "[Trust logo]", "[Insert hospital logo]", "[QR code]": where a picture goes on the printed form, no words (its
    # width kept, for the columns beside it)
    body = rx.sub(r"\[\s*(?:insert\s+)?(?:[\w&' -]{0,30}\s)?(?:logo|image|photo|picture|barcode|bar code|qr code)\s*\]",
                  lambda m: " " * len(m.group()), body, flags=re.I)
    # ("Westfield Children's Hospital        Patient label here": where the ward sticks the patient's label, no words)
    body = rx.sub(r"(?im)(?:(?<=\S)[ \t]{3,}|^[ \t]*)(?:affix |place |attach |stick )?(?:patient|addressograph|hospital|id) "
                  r"(?:id )?(?:label|sticker)(?: here)?[ \t]*$", "", body)
    # ("... |  Reg. charity no." / "1098765  |  Flyer ref ...": a charity's number wrapped from its label)
    body = rx.sub(r"(?im)(charity (?:no\.?|number):?)[ \t]*\n[ \t]*(\d{6,8}\b)", r"\1 \2\n", body)
    # ('... rather than "roots". Page last reviewed:' / "12 June 2024 | Next review due: ...": the page's date, its
    # label left at the end of the text's line; with its date on the next line, both are the page's furniture)
    body = rx.sub(r"(?<=[.!?\"”])[ \t]+((?i:page )?(?i:last )?(?i:reviewed|updated|revised)(?i: on)?:)[ \t]*\n(?=\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4})",
                  r"\n\1 ", body)
    # "   [ CHECK PRICE → ]" under a product table: a shop's button, no cell of its last row
    body = rx.sub(r"(?mi)^[ \t]*\[\s*(?:check (?:the )?price|buy now|shop now|view deal|see (?:the )?price|add to (?:cart|basket)|"
                  r"order now|get it here)\b[^\]\n]{0,20}\][ \t]*$", "", body)
    body = "\n".join(labels_over_blanks(body.split("\n")))
    if rx.search(r"\(?tick (?:when|if|once)\s+(?:discussed|explained)\)?", " ".join(body.split()), re.I):
        # "Serious or frequently occurring risks         (tick when" / "           discussed)" over risks that each end
        # "...... [ ]": the boxes are the staff's record of saying them (their dots and boxes cut the items at lines)
        body = rx.sub(r"(?m)(?<=\S)\s*\.{3,}\s*\[[ xX✓]?\]\s*$", "", body)
        body = rx.sub(r"(?m)\s{4,}\(tick (?:when|if|once)\s*$\n\s+(?:discussed|explained)\)\s*$", "", body)
        body = rx.sub(r"(?mi)\s{4,}\(tick (?:when|if|once) (?:discussed|explained)\)\s*$", "", body)
    raw_lines = leader_labels_joined(boxed_choices_joined(dotted_blanks(numbered_notes_marked(numbers_wrapped_back(
        columns_ruled(without_running_lines(coded_questions(without_site_chrome(body.split("\n"))))))))))
    boxed: set[int] = set()  # the lines drawn inside a box
    # "+-------+------+" between the rows of a table drawn as a grid: its rulers, no box's edges
    lines = [x.replace("+", "|") if GRID_RULER.fullmatch(x) else x
             for x in two_column_lists(without_margin_marks(arrowed_items(starred_runs(marked_subheadings(starred_notes(
                 without_contents_lines(gridded_lists(raw_lines))))))))]
    lines = lettered_aids(one_box_column(yes_no_rows(paired_choice_columns(ticked_columns_said(stacked_options(
        without_sales_boxes(unboxed_lines(lines, boxed), boxed)))))))
    lines = _instructions_off_headings(label_columns(without_tear_off_tabs(_blank_columns_unnamed(marked_labels(lines)))))
    indents: list[int] = []  # how far in the items of each open level of the list being read stand
    # ("dial 999 if any Step 1 symptom develops": the text names a step by its number, so its heading keeps it)
    # ("If you answer YES to question 8": a form's questions keep their numbers, printed as they are)
    refers_to_questions = bool(rx.search(r"\bquestions? \d", body, re.I))
    refers_to_sections = bool(rx.search(r"\b[Ss]ections? \d", body)
                              or rx.search(r"(?im)^(?!\s*(?:step|part)\s+\d).*?\b(?:steps?|parts?) \d", body))
    # "Q: What are the normal ranges?" over its answer, a page of such questions: each a heading (the answer unmarked)
    questions = len(rx.findall(r"(?m)^[ \t]*(?:Q|Question)[ \t]*(?:\d{1,2})?[ \t]*[:.)][ \t]+.+(?:\?|\n[ \t]*[a-z].*\?)[ \t]*$", body))
    # Sections numbered in capitals ("3. WALKING"): a numbered line that opens in capitals then is one of them too
    # (in "1. REST - Avoid ...", "2. ICE - ..." with no such line, each is a step)
    numbered_sections = bool(rx.search(r"(?m)^[ \t]*\d{1,2}[.)][ \t]+[A-Z][A-Z0-9 ,/&'’()-]{2,50}[ \t]*$", body))
    # ("STEP 1." ... "STEP 2.", text under each: a protocol's steps are its sections; "Step 1: Read the label" over "Step
    # 2: ...", one a line, are a list's)
    steps = [k for k, x in enumerate(lines) if rx.match(r"[ \t]*step[ \t]+\d{1,2}[ \t]*[:.)-]", x, re.I)]
    step_sections = len(steps) >= 2 and min(b - a for a, b in zip(steps, steps[1:])) >= 3
    run_ends = _run_ends(lines)
    width = _wrap_width(source_lines)  # (the lines as typed: the passes join some into lines far wider than the wrap)
    # the sheet's first sentence: above it, letterhead
    first_sentence = next((k for k, x in enumerate(lines) if ends_sentence(x.strip()) and len(x.split()) > 8), len(lines))
    skip = 0  # the lines up to here were read as a table
    last_section = 0  # the number of the last numbered line read as a section's title
    for i, line in enumerate(lines):
        n = first_line + i
        stripped = line.strip()
        if not stripped or i < skip:
            continue
        table = pipe_table(lines, i) if "|" in stripped else None
        # ("VitalSpan Daily  ☰  Home  |  Longevity  |  Reviews" over "Search...      🛒 Cart (0)": a menu bar of links
        # between "|" is no row of columns)
        # (two spaces after a sentence's stop are a typist's, no column: "... supervision[5].  Keep a" / "headache diary")
        # ("... if not treated" / "promptly.2  Warning signs usually appear ...": a stop's citation numbers are its own)
        table = table or (column_table(lines, i) if rx.search(r"[^.!?\s] {2,}\S", rx.sub(
            r"(?<=[a-z)][.!?])(?:\d{1,3}(?:[,–-]\d{1,3})*|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?= {2})", "", stripped)) and stripped.count("|") < 2 else None)
        if table and all(is_furniture(x.strip()) or is_menu_bar(x.strip()) for x in lines[i:table[1]] if x.strip()):
            table = None  # "Find a Doctor  |  Locations  |  Pay a Bill" / "Search        Go": a site's menu, no table
        cells = [c for r in table[0] for c in r if c and rx.search(r"\w", c)] if table else []
        if table and all(b.kind == "heading" for b in blocks) and (all(names_or_reaches(c) for c in cells) or not blocks
                and len(table[0]) <= 4 and all(len(c.split()) <= 7 and not rx.search(r"[.;!?]$", c) for c in cells)
                and any(rx.search(r"\d", c) for c in cells) and not any(r for r in table[0][:1])):
            # (the very first lines, a headerless grid of short names, codes and dates: "NORTHGATE HEALTH NURSE ADVICE
            # LINE      Protocol TR-GU-11 (Adult)" / "Clinical Decision Support      Approved 09/2023")
            # "Ambulatory Surgery Unit  |  2210 Calloway Parkway, Suite 300" / "Main line: (614) 555-0182   After
            # hours: ...": at the top, under the clinic's name, its letterhead (as a table, the title under it was lost)
            table = None
        if table:
            rows, skip = table
            said = [_headerless_row(r) for r in rows[1:]]
            if not rows[0] and blocks and blocks[-1].kind in ("bullets", "numbered") and blocks[-1].levels \
                    and blocks[-1].texts[-1].endswith(":") and indents and indent_of(line) > indents[0] \
                    and not previous_line_blank(lines, i):
                # "4. Extra insulin, as agreed in the care plan:" / "     ketones < 0.6 ..... usual dose": rows set in
                # under an item that leads into them are its list (apart, the steps after them were numbered from 1)
                blocks[-1].texts += said
                blocks[-1].levels += [(blocks[-1].levels[-1][0] + 1, "bullets")] * len(said)
                continue
            blocks += table_blocks(rows, n) if rows[0] else [
                # No header: each row says its first cell, then the rest ("Weeks 1 and 2: 25 mg once a day").
                RawBlock("bullets", said, n, table=True)]
            continue
        if blocks and blocks[-1].table and not blocks[-1].levels and not previous_line_blank(lines, i) \
                and len(cells := [c for c in rx.split(r"\s{2,}", stripped) if c]) >= 2 \
                and len(cells[0].split()) <= 6 and not ends_sentence(cells[0]):
            # "Feb 11, May 13    Open sharing nights": a row under a table whose first cell is too wide for its column
            blocks[-1].texts.append(f"{cells[0]}: {'; '.join(cells[1:])}")
            continue
        if LEADER.match(raw_lines[i]) and not BULLET.match(line) and not NUMBERED.match(line) \
                and any(LEADER.match(raw_lines[k]) and abs(indent_of(raw_lines[k]) - indent_of(line)) <= 2
                        for k in (i - 3, i - 2, i - 1, i + 1, i + 2,  # (a row joined from two lines leaves a blank)
                                  next_row(lines, i, indent_of(line) + 2) if i and not BULLET.match(lines[i - 1]) else -1,
                                  _past_joined_lines(lines, source_lines, i), _past_joined_lines(lines, source_lines, i, -1))
                        if 0 <= k < len(lines)):
            # (dates set right: " 9 Jan ......" over "13 Feb ......")
            # "  Sept 10 ...... Open sharing" / "  Sept 24* ..... "Decoding the IEP": guest speaker from the" / (set in)
            # "Parent Training & Information Center": a schedule's lines, each an item, its wrapped lines its own (read
            # as text, two dates became headings and two ran into one)
            if blocks and blocks[-1].kind in ("bullets", "numbered") and blocks[-1].levels and indents \
                    and indent_of(line) > indents[0] and not previous_line_blank(lines, i) and (
                        blocks[-1].texts[-1].endswith(":") and blocks[-1].levels[-1][0] == 0
                        or blocks[-1].levels[-1][0] > 0 and LEADER.match(raw_lines[i - 1])):
                # "4. Extra insulin, as agreed in the care plan:" / "     ketones < 0.6 ..... usual dose": dotted rows
                # set in under an item that leads into them are its list (apart, the steps after them began at 1)
                blocks[-1].texts.append(stripped)
                blocks[-1].levels.append((1, "bullets"))
                continue
            goes_on = bool(blocks) and blocks[-1].kind == "bullets" and not blocks[-1].table and bool(blocks[-1].levels) \
                and bool(LEADER.match(raw_lines[blocks[-1].line - first_line] if blocks[-1].line >= first_line else ""))
            if blocks and blocks[-1].kind == "bullets" and blocks[-1].table and not blocks[-1].levels \
                    and not previous_line_blank(lines, i) \
                    and LEADER.match(raw_lines[blocks[-1].line - first_line] if blocks[-1].line >= first_line else ""):
                # "Uncommon  (up to 1 in 100) ..... dry mouth, ..." / "Not known ........ dependence and addiction": the
                # dotted rows read as a table (a wrapped value each) go on in a row with no bracket
                blocks[-1].texts.append(stripped)
                continue
            _add_item(blocks, goes_on, stripped, n, indent_of(line), indents)
            continue
        note = NOTE.match(stripped)
        if note and note.group(1) == "*" and not any(rx.match(r"\s*\*\s+\S", x) for x in lines[max(0, i - 3):i] + lines[i + 1:i + 4]) \
                and any(anchored(t, "*") for b in blocks for t in b.texts if b.kind != "heading"):
            # "* Repeated infections may mean ..." under "... if they keep coming back.*": a footnote, no bullet
            blocks.append(RawBlock("paragraph", [stripped], n))
            continue
        for kind, pattern in (("bullets", BULLET), ("numbered", NUMBERED), ("numbered", LETTERED), ("bullets", TICKED)):
            m = pattern.match(line)
            if m and pattern is LETTERED and not (blocks and (blocks[-1].kind in ("bullets", "numbered", "heading")
                                                               or blocks[-1].texts[-1].endswith(":"))):
                m = None  # "   a. Straighten your arm ..." is a step only under a list's item, a heading or a lead-in
            if m and pattern is TICKED and not _checklist(lines, i):
                m = None
            if m and pattern is BULLET and rx.match(r"\s*(?:-{1,3}>|=>|→|➔)", line) and blocks and blocks[-1].kind == "paragraph" \
                    and not previous_line_blank(lines, i) and not ends_sentence(blocks[-1].texts[-1]) \
                    and not _CAPS_LABEL.fullmatch(blocks[-1].texts[-1]):  # (not under "f) AFTER THE OPERATION")
                m = None  # "... and" / "-> suggest that your parents ... be tested": the arrow of an item run into the text
            if m and pattern is BULLET and rx.match(r"\s*(?:-{1,3}>|=>|→|➔)", line) and blocks \
                    and blocks[-1].kind == "bullets" and blocks[-1].texts[-1].startswith("[") and not previous_line_blank(lines, i):
                # "  [ ] Age under 3 months WITH fever ..." / "      => If any box is ticked, advise the caller ...": a
                # note on the whole checklist, no item of its last item
                after = next_text_line(lines, i)
                if after is not None and not previous_line_blank(lines, i + 1) and rx.match(r"\[[ xX✓]\]", after):
                    # "[ ] Trouble breathing ... blue/grey lips" / "    -> call 911; do NOT give anything by mouth" / "[ ]
                    # Known or SUSPECTED button battery ...": more boxes follow, so the arrow is what to do for this one
                    blocks[-1].texts[-1] = f"{blocks[-1].texts[-1]}: {m.group(1).strip()}"
                    break
                blocks.append(RawBlock("paragraph", [m.group(1).strip()], n))
                break
            # (A "1." after a blank line under a list numbered past 1 starts anew: no step of that list.)
            restarts = number_of(line) == 1 and previous_line_blank(lines, i) and bool(blocks) and len(blocks[-1].texts) > 1
            # ("5. AFTERCARE" after a list of 7 lettered items: no next step of it)
            restarts = restarts or kind == "numbered" and pattern is NUMBERED and bool(blocks) and blocks[-1].kind == "numbered" \
                and previous_line_blank(lines, i) and number_of(line) is not None \
                and (blocks[-1].lettered or number_of(line) != _next_number(blocks[-1]))
            title, more = (_bracket_goes_on(m.group(1).strip(), lines, i) if m and kind == "numbered"
                           else (m.group(1).strip() if m else "", 0))
            if m and kind == "numbered" and pattern is NUMBERED and step_sections and rx.match(r"\s*step\s+\d", line, re.I):
                # "STEP 2.  ASSESSMENT QUESTIONS", "STEP 1.  IF THE CALLER IS BLEEDING NOW, give first aid ...": a
                # protocol's steps are its sections (read as a list, the questions under them were renumbered)
                number = stripped[:len(stripped) - len(title)].strip().rstrip(".:)-").strip()
                if in_capitals(rx.sub(r"\([^()]*\)", "", title)) and len(title.split()) <= _MAX_HEADING_WORDS:
                    blocks.append(RawBlock("heading", [f"{number} - {title}" if refers_to_sections else title], n))
                else:
                    blocks.append(RawBlock("heading", [number], n))
                    blocks.append(RawBlock("paragraph", [title], n))
                break
            # ("    5. For a splash to the eyes ..." / "    6. REPORT IT NOW - see Section 4.": the next step of the list
            # right above, no section)
            next_step = bool(blocks) and blocks[-1].kind == "numbered" and not previous_line_blank(lines, i) \
                and number_of(line) is not None and not blocks[-1].lettered and number_of(line) == _next_number(blocks[-1])
            headed = _HEADED_LINE.fullmatch(title) if m and kind == "numbered" and pattern is NUMBERED \
                and numbered_sections and not next_step else None
            if headed and not more:
                # "4. PAIN MEDICINES - take regularly for the first few days, then reduce" / "as your pain settles.": a
                # section's name in capitals, then its first sentence (read as a step, the section was lost); "2.
                # ANTIBIOTICS - amoxicillin-clavulanate ... 400 mg/57 mg per 5 mL" over its text: a heading whole
                number = stripped[:len(stripped) - len(title)].strip()
                goes_on = i + 1 < len(lines) and lines[i + 1].strip()[:1].islower()
                if ends_sentence(headed.group(2)) or goes_on:
                    blocks.append(RawBlock("heading", [f"{number} {headed.group(1)}" if refers_to_sections
                                                       else headed.group(1)], n))
                    blocks.append(RawBlock("paragraph", [headed.group(2)[0].upper() + headed.group(2)[1:]], n))
                else:
                    blocks.append(RawBlock("heading", [stripped if refers_to_sections else title], n))
                last_section = number_of(line) or 0
                break
            section_over_steps = bool(last_section) and number_of(line) == last_section + 1 and in_capitals(title) \
                and number_of(next_text_line(lines, i + more) or "") == 1  # ("3. WHAT TO DO IF ..." over steps 1. to 5.)
            if m and kind == "numbered" and pattern is NUMBERED and (section_over_steps or not _step_follows(lines, i, more)) \
                    and _is_numbered_heading(title, blocks, next_text_line(lines, i + more), _next_run_end(lines, i + more, run_ends),
                                             restarts, next_section=bool(last_section) and number_of(line) == last_section + 1):
                # "1. Why get vaccinated?"; its number stays where the text refers to it ("see Section 4").
                said = f"{stripped} {' '.join(x.strip() for x in lines[i + 1:i + 1 + more])}".strip() if more else stripped
                blocks.append(RawBlock("heading", [_without_bangs(said if refers_to_sections else title)], n))
                last_section = number_of(line) or 0
                skip = i + 1 + more
                break
            if m:
                indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
                depth = _list_depth(indents, indent) if blocks and blocks[-1].kind in ("bullets", "numbered") \
                    and not blocks[-1].table and indents and previous_line_blank(lines, i) is False else None
                if depth is None and kind == "numbered" and blocks and blocks[-1].kind == "numbered" and indents \
                        and indent <= indents[0] + 1 and number_of(line) == 1 + sum(d == 0 for d, _ in blocks[-1].levels):
                    depth = _list_depth(indents, indent)  # "2. Isometric wrist extension" after a blank line: step 2
                lettered = pattern is LETTERED and (depth is None or depth == 0 and (blocks[-1].lettered
                                                                         or _next_letter(blocks, stripped)))
                lettered = lettered or pattern is NUMBERED and refers_to_questions and bool(rx.search(r"\[[ xX]\]", line))
                if lettered:
                    # "a) you are pregnant ..." / "b) ...": a list of its own keeps its letters, which the text may name
                    # ("If you tick YES to any of a to e"): items with their letters, no renumbered steps
                    kind, text = "bullets", stripped
                else:
                    text = m.group(1).strip()
                if lettered and depth is None and _next_letter(blocks, text):
                    depth = 0  # "c. Fainting ..." after "b. ..." and a blank line: the same lettered list goes on
                if depth is not None and (depth > 0 or blocks[-1].kind == kind):
                    blocks[-1].texts.append(text)  # an item, or one set in under it ("  - metformin")
                    blocks[-1].levels.append((depth, kind))
                else:
                    blocks.append(RawBlock(kind, [text], n, levels=[(0, kind)], lettered=pattern is LETTERED))
                    indents[:] = [indent]
                break
        else:
            # (not a banner over the first sentence: '"NOT ON YOUR OWN"  -  PEER SUPPORT GROUP ...' / '  of people ...')
            if not (i < first_sentence and i in boxed) and (depth := _two_level_depth(lines, i)) is not None:
                # "  Maria Delgado, LCSW, Oncology Social Worker" / "    Phone: (555) 214-3390   Email: ...": a list of
                # names (or places) set in, each with its details set in further (read as headings, each its section)
                if depth and blocks and blocks[-1].kind == "bullets" and not blocks[-1].table and (
                        stripped[0].islower() or NEVER_ENDS.search(blocks[-1].texts[-1])
                        or blocks[-1].texts[-1].endswith(",")
                        # ("Tel: ... (answerphone -- we aim to ring back within" / "2 working days)": its bracket goes on)
                        or blocks[-1].texts[-1].count("(") > blocks[-1].texts[-1].count(")")) and blocks[-1].levels[-1][0] in (0, 1):
                    label = blocks[-1].texts[-1]
                    if indent_of(lines[i - 1]) < indent_of(line) and stripped[0].islower() and not rx.search(
                            r"[,:;.!?]$", label) and not NEVER_ENDS.search(label) and not ENDS_MID_PHRASE.search(label) \
                            and (_word_would_fit(lines[i - 1], stripped, width) or label.endswith(")")):
                        # "Common (may affect up to 1 in 10 people)" / "    nausea, vomiting ...": a label over its
                        # text set in under it (run on, the label read as words of the text)
                        blocks[-1].texts[-1] = f"{label}: {stripped}"
                    else:
                        blocks[-1].texts[-1] = join_wrapped(label, stripped)  # "... to registered members" / "the Friday ..."
                elif depth and blocks and blocks[-1].kind == "bullets" and not blocks[-1].table:
                    blocks[-1].texts.append(stripped)
                    blocks[-1].levels.append((1, "bullets"))
                elif not depth and blocks and blocks[-1].kind == "bullets" and blocks[-1].levels and not previous_line_blank(lines, i):
                    blocks[-1].texts.append(stripped)
                    blocks[-1].levels.append((0, "bullets"))
                else:
                    blocks.append(RawBlock("bullets", [stripped], n, levels=[(0, "bullets")]))
                continue
            if _set_in_under_lead_in(lines, i):
                # "Upcoming themes (subject to change):" over "    Jan - Rescue medicines ..." / "    Feb - Sleep ...":
                # short lines set in under a lead-in are its list (read as headings, two of them were lost)
                goes_on = bool(blocks) and blocks[-1].kind == "bullets" and not blocks[-1].table \
                    and not previous_line_blank(lines, i) and indent_of(lines[i - 1]) == indent_of(line)
                _add_item(blocks, goes_on, stripped, n, indent_of(line), indents)
                continue
            question = _QUESTION.match(stripped)
            more = 0
            if not question and rx.match(r"^(?:Q|Question)\s*(?:\d{1,2})?\s*[:.)]\s+\S", stripped) and i + 1 < len(lines) \
                    and lines[i + 1].strip().endswith("?") and lines[i + 1].strip()[:1].islower():
                # "Q: What is lipoprotein(a), and why was it measured when my usual" / "cholesterol panel was already
                # done?": a question wrapped onto a second line
                question, more = _QUESTION.match(f"{stripped} {lines[i + 1].strip()}"), 1
            # ("== IF YOU TAKE INSULIN OR GLICLAZIDE -- PLEASE READ =========": the rule after it drawn to the margin)
            wiki = rx.match(r"^(={2,6})\s*([^=].*?)\s*(?:\1|={6,})$", stripped)
            starred = rx.match(r"^(\*{3,})\s*([^*]+?)\s*\1$", stripped)
            if starred:
                # "*** IMPORTANT WARNING: TENDONS, NERVES AND MOOD ***": a line of its own inside its section (as a
                # heading it would take the section's other text, what must not take the medicine, under "warning")
                blocks.append(RawBlock("paragraph", [starred.group(2)], n))
                continue
            if wiki:
                blocks.append(RawBlock("heading", [wiki.group(2)], n))  # "== Safety: Who Should Avoid Zinc? =="
            elif question and (rx.match(r"^(?:A|Answer)\s*[:.]\s", next_text_line(lines, i + more) or "") or questions >= 2):
                # "Q: What is a migraine?" over "A: ..."; "Q3. Which medicines do I need to stop ...?" keeps its number
                said = f"Q{question.group(1)}. {question.group(2)}" if question.group(1) else question.group(2)
                blocks.append(RawBlock("heading", [said], n))
                skip = i + 1 + more
            elif _item_detail(blocks, lines, i, indents, width):
                # "  * 2nd and 4th Tuesdays, 6:00 - 7:30 PM" / "    Whitfield Cancer Center, Room 3B" / "    2200 Alder
                # Street": the item's details, each a line set in under it (read as headings, the rooms became sections)
                b = blocks[-1]
                b.levels = b.levels or [(0, b.kind)] * len(b.texts)
                depth = b.levels[-1][0] if b.levels[-1][0] > 0 and indent_of(lines[i - 1]) == indent_of(line) else b.levels[-1][0] + 1
                b.texts.append(stripped)
                b.levels.append((depth, "bullets"))
            elif blocks and not previous_line_blank(lines, i) \
                    and not (blocks[-1].table and rx.fullmatch(r"\s*[|+][-=|+:\s]*[|+]\s*", lines[i - 1])) \
                    and (not ends_sentence(blocks[-1].texts[-1])
                    # ('"I sat in the car park for twenty minutes the first time.' / 'Now I'm the one ..."  - Dave, 67':
                    # a quote not yet closed goes on)
                    or blocks[-1].kind == "paragraph" and blocks[-1].texts[-1].count('"') % 2 == 1 and '"' in stripped
                    # "... before switching (guest speaker:" / "Anita Rao, MD)": an open bracket goes on
                    or blocks[-1].texts[-1].count("(") > blocks[-1].texts[-1].count(")") or (
                    # "... when it benefits the patient, e.g." / "before planned chemotherapy": no sentence ends there
                    stripped[0].islower() and rx.search(r"\b(?:e\.g|i\.e|approx|incl|esp|vs|cf|viz|a\.m|p\.m|var|subsp|spp|sp)\.$", blocks[-1].texts[-1])) or (
                    stripped[0].islower() and (blocks[-1].texts[-1].endswith(";") or blocks[-1].texts[-1].endswith(":")
                                               and blocks[-1].kind in ("bullets", "numbered") and bool(indents)
                                               and indent_of(line) > indents[-1] + 1)
                    and not rx.match(r"\(?[a-z][.)]\s", stripped))
                    # "  * Over-the-counter naproxen sodium ...: 1 tablet every 8 to 12" / "    hours; ..." / "    Never take
                    # more than 2 tablets ...": the item's next sentence, set in as its text is (apart, it read as a rule
                    # for every dose)
                    or blocks[-1].kind in ("bullets", "numbered") and not blocks[-1].table and bool(indents)
                    and indent_of(line) > indents[-1] + 1 and indent_of(line) == _text_column(lines[i - 1])) \
                    and (blocks[-1].kind == "paragraph" or blocks[-1].kind in ("bullets", "numbered")
                         and (stripped[0].islower() or indents and indent_of(line) > indents[-1])) \
                    and (not _apart_as_furniture(blocks[-1].texts[-1], stripped, lines, i)
                         or blocks[-1].texts[-1].count("(") > blocks[-1].texts[-1].count(")")) \
                    and not (stripped[0].isupper() and _word_would_fit(lines[i - 1], stripped, width)
                             # (not an item's next sentence set in under its text: "4. Steroid injection - ..." / "   A
                             # second injection may be offered ...")
                             and not (blocks[-1].kind in ("bullets", "numbered") and not blocks[-1].table and indents
                                      and indent_of(line) > indents[-1] + 1 and indent_of(line) == _text_column(lines[i - 1]))) \
                    and not ((stripped[0].isupper() or BULLET.match(line)) and indent_of(line) > indent_of(lines[i - 1])
                             and _CAPS_LABEL.fullmatch(lines[i - 1].strip())) \
                    and not (STREET.match(stripped) and rx.search(r"[\w)]$", blocks[-1].texts[-1])) \
                    and not (  # ("CED reception 01632 960 400  |  NHS 111  |  EMERGENCY 999": numbers to ring, a line apart)
                             stripped[0].isupper() and CONTACT.search(lines[i - 1]) and rx.search(r"\S\s+\|\s+\S", lines[i - 1])) \
                    and not (  # ("... removed on or about: ___/___/____  (____ days)" / "Absorbable stitches do not
                             # need ...": a field's blank ends its line, and the next sentence starts anew)
                             rx.match(r"[A-Z][a-z]+\s+[a-z]", stripped) and not rx.search(r"\[[ xX✓]?\]|__", stripped)
                             and rx.search(r"_{3,}[_/: ]*(?:\(\s*_{2,}[^()]{0,12}\))?$", blocks[-1].texts[-1])
                             and not previous_line_blank(lines, i) and len(stripped.split()) >= 4) \
                    and not (stripped[0].isupper() and rx.search(r"\s\|\s+[A-Z][\w ]{1,30}:\s", lines[i - 1])) \
                    and not (timed(lines[i - 1].strip()) and not (
                        # ("(Mon-Fri 8.30am-4.30pm). Out" / "of hours, go to ...": a word, then small letters, go on)
                        stripped[0].islower() and rx.search(r"\b(?![ap]m$)[A-Za-z]{2,}$", lines[i - 1].strip()))) \
                    and not ("__" in stripped and LABEL_LINE.match(stripped)) \
                    and not (rx.match(r"[A-Z][a-z]+ [a-z]+", stripped) and len(rx.findall(r"_{3,}", blocks[-1].texts[-1])) >= 2
                             and LABEL_LINE.match(blocks[-1].texts[-1]) and rx.search(r"_{3,}(?:\s+\w+){0,2}$", blocks[-1].texts[-1])) \
                    and not rx.match(r"\[[ xX✓]\]|[¹²³⁴⁵⁶⁷⁸⁹]", stripped) \
                    and not (rx.match(r"(?:Hosted|Run|Organi[sz]ed|Supported|Sponsored|Funded|Facilitated) (?:jointly )?by\b", stripped)
                             and not NEVER_ENDS.search(blocks[-1].texts[-1]) and not blocks[-1].texts[-1].endswith(",")) \
                    and not (rx.match(r"[A-Z][\w()'/ -]{1,40}:\s+\S", stripped) and rx.search(r"\[[ xX✓]?\]", lines[i - 1])) \
                    and not rx.search(r"\S\s+\[[ xX✓]\]\s*[\w/ -]+(?:\s*\(if yes: [^()]*\))?$", blocks[-1].texts[-1]) \
                    and not (rx.fullmatch(r"\([^()]*\)", blocks[-1].texts[-1]) and LABEL_LINE.match(stripped)) \
                    and not (_DOSE_LABEL.match(stripped) and _DOSE_LABEL.match(lines[i - 1].strip())) \
                    and not (stripped[0].isupper() and _ENDS_ON_ADDRESS.search(blocks[-1].texts[-1])) \
                    and not (LABEL_LINE.match(stripped) and (blocks[-1].kind == "bullets" or rx.match(
                        r"(?:tel|telephone|phone|mobile|text|fax|e-?mail|web(?:site)?|address)\s*:", stripped, re.I)
                        # ("For use by: registered nurses ..." / "Not for use by: non-clinical call handlers": one field a line)
                        or blocks[-1].texts[-1] == lines[i - 1].strip() and rx.match(r"(?:not )?for (?:use|completion) (?:by|with|in|on)\s*:", stripped, re.I))
                             and LABEL_LINE.match(blocks[-1].texts[-1])
                             and not rx.search(r"[,(/-]$|\b(?:and|or|the|of|to|a)$", blocks[-1].texts[-1])):
                # ("(Compare to: Zestril®, Prinivil®)" over "Dispensed by: Northgate Community Pharmacy ...": a note in
                # brackets, then a field; "Where: Maple Room, ..." / "Children's Hospital, 415 Orchard Street" / "Parking:
                # Garage B ...": a field, then the next; apart, each its own line)
                # ("Contact lens wearer: [ ] Yes", "Site(s): ____" under a line of tick boxes: a field of its own; "... caring
                # for someone after a stroke" / "Hosted by the Neuro Rehab ... team": who runs the group, a line of its own)
                # ("Clinician: ____", "[ ] Levofloxacin ...", a line after "... pregnant?  [ ] Yes  [ ] No", or after a line of
                # blanks, "Name: ____  Dose: ____  For ____ days": lines of their own;
                # "... 960 390 | Employee Assistance: see intranet" / "Confidential support is available.": fields, a line)
                # A paragraph, or a list item, hard-wrapped over several lines continues here (not a table's last row
                # under its bottom edge: "+----+" / "mg/L is the same as parts per million (ppm).", a note on it).
                blocks[-1].texts[-1] = join_wrapped(blocks[-1].texts[-1], stripped)
            elif blocks and blocks[-1].kind == "heading" and not previous_line_blank(lines, i) and not ends_sentence(blocks[-1].texts[-1]) \
                    and rx.match(r"(?i)(?:run|hosted|organi[sz]ed|supported|sponsored|funded|led|facilitated) (?:jointly )?by\b",
                                 blocks[-1].texts[-1]) and not rx.search(r"[:;]$", blocks[-1].texts[-1]) \
                    and (NEVER_ENDS.search(blocks[-1].texts[-1]) or not (ORGANISATION.search(rx.split(r"\s+[|*•·]\s+", stripped)[0])
                                                                         or PLACE.search(stripped))):
                # (not "Sponsored by the ... Program" over "St. Anne's Regional Medical Center * Pastoral Care Office": a
                # place of its own)
                # "Run by volunteers with support from the Urology Cancer" / "Nurse Specialist (CNS) team": who runs the
                # group, a banner's line wrapped (its second line read as a heading of its own)
                blocks[-1].texts[-1] = join_wrapped(blocks[-1].texts[-1], stripped)
            elif (prev := _title_above(blocks, n, width, stripped)) and title_like(prev.split()) \
                    and len(stripped.split()) <= 10 and title_like(stripped.split()) and not LABEL_LINE.match(stripped) \
                    and not in_capitals(stripped) and not TITLE_GOES_ON.match(stripped) and not DOCUMENT_KIND.search(stripped) \
                    and not rx.search(r"\S {3,}\S", f"{prev} {stripped}"):  # (not a site's menu over two lines)
                # "ALWAYS EXHAUSTED? 7 Surprising Signs Your Body Is Begging for Vitamin" / "B12 (And the Best B12 ...)":
                # a long title wrapped onto a second line
                blocks[-1].texts[0] += " " + stripped
            elif blocks and blocks[-1].kind == "paragraph" and blocks[-1].texts[-1].endswith(":") and not previous_line_blank(lines, i) \
                    and (i + 1 >= len(lines) or not lines[i + 1].strip()) and len(stripped.split()) <= 12 \
                    and not ends_sentence(stripped) and not LABEL_LINE.match(stripped):
                # "Anaphylaxis (severe allergic reaction) - suspected trigger:" / "CASHEW NUT (eaten in a takeaway curry
                # ...)": the value under its label, the last line of the block (as a heading of nothing it went)
                blocks[-1].texts[-1] = f"{blocks[-1].texts[-1]} {stripped}"
            elif _is_heading_line(stripped, next_text_line(lines, i)) and not _wraps_on(stripped, lines, i, run_ends) \
                    and not (i > first_sentence and rx.search(r"\w:\s+\S.*\s\|\s+\S", stripped)
                             and (CONTACT.search(stripped) or rx.search(r"\w@\w", stripped))) \
                    and not (i > first_sentence and STREET.match(stripped)) \
                    and not _under_a_contact(lines, i) \
                    and not (indent_of(line) >= 1 and i > 0 and lines[i - 1].strip() and indent_of(lines[i - 1]) == indent_of(line)
                             and not in_capitals(stripped) and not in_capitals(lines[i - 1].strip())
                             and not lines[i - 1].rstrip().endswith(":")
                             and not _is_heading_line(lines[i - 1].strip(), stripped)):
                # ("Group facilitators: Maria and Dennis   |   Email: ..." under the text: fields side by side, no title;
                # "88 Harbour View Road, Lakeshore": where a place is, under its name; above the text, letterhead)
                # ("  Second Tuesday of every month, 6:30 pm" / "  North Valley Public Library, Community Room B": a
                # line set in under the one before, as it is, is a line of that block, no heading over the next)
                after = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].strip()), None)
                if 2 <= indent_of(line) <= 6 and not in_capitals(stripped) and ":" not in stripped[:-1] and after is not None \
                        and (BULLET.match(lines[after]) or NUMBERED.match(lines[after])) and indent_of(lines[after]) > indent_of(line) \
                        and previous_line_blank(lines, i) and i > first_sentence:
                    # "  Adults and children aged 12 years and over" over "    * Usual dose ...": a label set in over its
                    # items, their lead-in (as a heading, the text after the list went under it: "Children under 12")
                    blocks.append(RawBlock("paragraph", [f"{stripped.rstrip(':')}:"], n))
                    continue
                if _centred_title_goes_on(blocks, lines, i):
                    # "        INFORMED CONSENT FOR ULTRASOUND-GUIDED THYROID" / "              FINE-NEEDLE ASPIRATION (FNA)
                    # BIOPSY": a title centred over two lines (its second line had become a section of the form)
                    blocks[-1].texts[0] += " " + stripped
                    continue
                prev = _title_above(blocks, n, width, stripped)
                if prev and in_capitals(prev) and in_capitals(stripped) and not ORGANISATION.search(prev) \
                        and not ORGANISATION.search(stripped) and not CONTACT.search(stripped):
                    # "ALWAYS EXHAUSTED? THE 3 BEST IRON SUPPLEMENTS ... MAY FINALLY" / "FIX YOUR AFTERNOON CRASH (2024
                    # BUYER'S GUIDE)": a title in capitals wrapped onto a second line
                    blocks[-1].texts[0] = f"{prev} {stripped}"
                    continue
                # "║ WARNING: FETAL TOXICITY ║" over the box's text: the box's first line, no heading of what follows
                # the box (the leaflet's next paragraph had gone under the warning)
                inside = i in boxed and i + 1 in boxed and ":" in stripped  # ("Key facts" heads its box's list)
                blocks.append(RawBlock("paragraph", [f"{stripped}."], n) if inside
                              # (a box's last line heads nothing outside the box: "📅 Book a Rheumatology Appointment")
                              # (not a box of one line in capitals: "# TIER 1 - SUSPECTED ANAPHYLAXIS: CALL 999 NOW #",
                              # a section's heading set in a box; not the last row of a grid of boxes, "LEVEL 4 - ...")
                              else RawBlock("paragraph", [stripped], n) if i in boxed and i + 1 not in boxed
                              and not (i - 1 not in boxed and i - 2 not in boxed
                                       and in_capitals(" ".join(stripped.split()[:4])))
                              else RawBlock("heading", [rx.sub(r"\s*\(!{1,3}\)$", "", stripped.lstrip("#").strip())], n))
            else:
                blocks.append(RawBlock("paragraph", [stripped], n))
    for b in blocks:
        if b.kind == "bullets" and len(b.texts) == 1 and b.texts[0].endswith("<<"):
            # ">> Not sure if you're deficient? Grab our FREE checklist" / "-- just enter your email below! <<": a box
            # set in the text, no bullet (read as one, it became a warning sign of the list above it)
            b.kind, b.texts, b.levels = "paragraph", [b.texts[0][:-2].rstrip()], []
        if b.kind == "paragraph" and len(b.texts) == 1 and rx.fullmatch(
                r"(?:PART|SECTION)\s+[A-Z0-9]{1,2}\s*[-–—:.]\s*[^a-z(]{3,60}\([^()]{3,160}\)", b.texts[0]):
            # "PART A - STATEMENT OF HEALTH PROFESSIONAL  (to be completed by the colposcopist, who" / "must have ...)":
            # a part's heading, its note in brackets wrapped onto a second line
            b.kind = "heading"
        if b.kind == "paragraph":
            b.texts[0], b.quoted = unquote(b.texts[0])
    blocks = _column_named_over_rows(blocks, raw_lines, first_line)
    blocks = _lead_in_headings(laid_out(timetables(_after_last_rule(_answers_unlabelled(_contacts_apart(blocks)), raw_lines,
                                                                     first_line))), raw_lines, first_line)
    return _box_lead_ins_heading(_heads_after_a_box(_do_and_dont_led_in(staff_record_dropped(blocks)), boxed, first_line),
                                 boxed, first_line)


def _do_and_dont_led_in(blocks: list[RawBlock]) -> list[RawBlock]:
    """Make "Do" and "Don't" over their lists the lists' lead-ins ("Do:", "Don't:"), no headings: as sections they
    took the place of the section they are in ("Things you can do yourself"), and the text after the "Don't" list
    ("Adults can usually take paracetamol 1g ...") read as a thing not to do."""
    for k, b in enumerate(blocks[:-1]):
        if b.kind == "heading" and not b.level and rx.fullmatch(r"(?i)(?:do|dos|do's|don[’']t|don[’']ts|do not|avoid|never)\s*:?",
                                                                b.texts[0].strip()) \
                and blocks[k + 1].kind in ("bullets", "numbered") and blocks[k + 1].line == b.line + 1:
            b.kind, b.texts = "paragraph", [b.texts[0].strip().rstrip(":") + ":"]
    return blocks


def _column_named_over_rows(blocks: list[RawBlock], raw_lines: list[str], first_line: int) -> list[RawBlock]:
    """Say a name set far right over dotted rows ("            SEEK ADVICE?" over "Redness spreading ..... YES") with
    each row's value: the values' column, no heading (as one, it had taken the box's own heading's place)."""
    out: list[RawBlock] = []
    for k, b in enumerate(blocks):
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        raw = raw_lines[b.line - first_line] if 0 <= b.line - first_line < len(raw_lines) else ""
        if b.kind == "heading" and after is not None and after.kind == "bullets" and indent_of(raw) >= 30 \
                and len(b.texts[0].split()) <= 4 and 0 <= after.line - first_line < len(raw_lines) \
                and LEADER.match(raw_lines[after.line - first_line]) and all(": " in t for t in after.texts):
            name = b.texts[0][:1] + b.texts[0][1:].lower() if b.texts[0].isupper() else b.texts[0]
            after.texts = [rx.sub(r": ", f": {name} ", t, count=1) for t in after.texts]
            continue
        out.append(b)
    return out


def _box_lead_ins_heading(blocks: list[RawBlock], boxed: set[int], first_line: int) -> list[RawBlock]:
    """Make a box's lead-in in capitals a heading ("| SIGNS OF A CHEST INFECTION - SEE YOUR GP OR CALL 111 THE SAME DAY
    IF YOU HAVE: |" over its items) where the box stands after a section's text and nothing but the box comes before
    the next heading, under a heading for some readers only: under "IF YOU SMOKE", the warning read as for smokers
    alone."""
    for k, b in enumerate(blocks):
        if not (k and b.kind == "paragraph" and len(b.texts) == 1 and b.texts[0].endswith(":") and b.line - first_line in boxed
                and in_capitals(b.texts[0]) and len(b.texts[0].split()) >= 4):
            continue
        if blocks[k - 1].kind == "heading" or blocks[k - 1].line - first_line in boxed:
            continue  # (the box's section is its own already, or the lead-in is the box's text going on)
        heading = next((x.texts[0] for x in reversed(blocks[:k]) if x.kind == "heading"), "")
        if not rx.match(r"(?i)(?:if|unless|when|only|for|smokers|people who)\b", heading):
            continue  # (only a heading that holds for some readers narrows what a box under it says)
        rest = blocks[k + 1:]
        end = next((j for j, x in enumerate(rest) if x.kind == "heading"), len(rest))
        if end and all(x.line - first_line in boxed for x in rest[:end]):
            b.kind = "heading"
    return blocks


def _heads_after_a_box(blocks: list[RawBlock], boxed: set[int], first_line: int) -> list[RawBlock]:
    """Make a label in capitals right after a box whose heading was in the box ("+---+" / "| ANTIHISTAMINE ADVICE
    (TIER 2 and TIER 3 only) |" ... "+---+" / "SAFETY-NETTING (read to ALL callers):") a heading: what follows the box
    is no part of it (under the box's heading, advice for all callers read as for tiers 2 and 3 only)."""
    heading_boxed = False
    boxed_heading: RawBlock | None = None  # the heading a box opens with, while the box runs
    for k, b in enumerate(blocks):
        inside = b.line - first_line in boxed
        if b.kind == "heading":
            heading_boxed = inside
            boxed_heading = b if inside and k + 1 < len(blocks) and blocks[k + 1].line - first_line in boxed else None
        elif heading_boxed and not inside and b.kind == "paragraph" and len(b.texts) == 1 and b.texts[0].endswith(":") \
                and in_capitals(rx.sub(r"\([^()]*\)", "", b.texts[0])) and len(b.texts[0].split()) <= 8:
            b.kind, heading_boxed = "heading", False
        elif not inside:
            if boxed_heading is not None and k and blocks[k - 1].line - first_line in boxed and b.kind == "paragraph" \
                    and (rx.match(r"[A-Z][\w ,&'’]{2,40} [-–—] [a-z].*:$", b.texts[0])
                         # ("Serotonin syndrome.  Rarely, sertraline taken with ...": the section's next point, by its name)
                         or rx.match(r"[A-Z][\w ,&'’-]{2,40}\.\s+[A-Z]", b.texts[0]) and len(b.texts[0].split(".")[0].split()) <= 5) \
                    and any(x.kind == "heading" for x in blocks[:blocks.index(boxed_heading)]):
                # "# THOUGHTS OF SUICIDE ... #" heading its box, then "Warnings and precautions - talk to your doctor ...
                # if you:" outside it: the box's heading heads the box alone, a label over its text (as a section's
                # heading, the warnings after the box read as about suicide)
                boxed_heading.kind = "paragraph"
                boxed_heading.texts[0] = boxed_heading.texts[0].rstrip(":") + ":"
            heading_boxed, boxed_heading = False, None
    return blocks


def _answers_unlabelled(blocks: list[RawBlock]) -> list[RawBlock]:
    """Take the "A." off an answer under its question ("Q4. Do I need to fast?" / "A.  Yes. Unless your letter ..."):
    the heading asks, the text answers; printed, "A. Yes" read as a lettered step."""
    for before, b in zip(blocks, blocks[1:]):
        if b.kind == "paragraph" and before.kind == "heading" and before.texts[0].endswith("?"):
            b.texts[0] = rx.sub(r"^(?:A|Answer)\s*[:.]\s+", "", b.texts[0])
    return blocks


def _contacts_apart(blocks: list[RawBlock]) -> list[RawBlock]:
    """Set phone lines read as a list right after another list apart from it, each a line of its own ("Device Clinic
    (Mon-Fri 08:30-17:00) ..... 01632 960 417" after the signs to call about): printed next to it, they read as more
    of its items."""
    out: list[RawBlock] = []
    for b in blocks:
        label = rx.match(r"(contacts?|contact us|useful (?:phone |telephone )?numbers|who to contact|phone numbers)\s*:\s+(\S.*)",
                         b.texts[0], re.I) if b.kind in ("paragraph", "heading") and len(b.texts) == 1 else None
        if b.kind == "bullets" and not b.table and out and out[-1].kind in ("bullets", "numbered") \
                and all(CONTACT.search(t) and len(t.split()) <= 12 for t in b.texts):
            out += [RawBlock("paragraph", [t], b.line) for t in b.texts]
        elif label and CONTACT.search(b.texts[0]) and out and (out[-1].kind in ("bullets", "numbered") or "__" in out[-1].texts[-1]):
            # "Contacts: Anticoagulation nurses 0161 555 0842 ..." after the clinician's checklist: the sheet's contacts,
            # under their own heading (under the checklist's, they read as more of its items; a signing line between)
            out += [RawBlock("heading", [label.group(1)[:1].upper() + label.group(1)[1:].lower()], b.line),
                    RawBlock("paragraph", [label.group(2)], b.line)]
        else:
            out.append(b)
    return out


def _after_last_rule(blocks: list[RawBlock], raw_lines: list[str], first_line: int) -> list[RawBlock]:
    """Give the text under a rule at the end of a sheet ("-----" / "Spectrum Circle is facilitated by trained parent
    volunteers ...") a section of its own: under the last heading, a footer's notes read as that section's ("In a
    crisis?")."""
    rules = [first_line + k for k, x in enumerate(raw_lines) if x.strip() and STAR_RULE.fullmatch(x)
             and not _closes_box(raw_lines, k)]
    heads = [b.line for b in blocks if b.kind == "heading"]
    if not rules or not heads or rules[-1] < heads[-1]:
        return blocks
    rule = rules[-1]
    after = [k for k, b in enumerate(blocks) if b.line > rule]
    if not after or not any(heads[-1] < b.line < rule for b in blocks if b.kind != "heading") \
            or not any(blocks[k].kind == "paragraph" for k in after):
        return blocks
    return blocks[:after[0]] + [RawBlock("heading", ["More information"], rule)] + blocks[after[0]:]


def _closes_box(raw_lines: list[str], k: int) -> bool:
    """Tell whether the rule on line `k` is the top or bottom of a box drawn with the same rule at both ends ("  ====="
    / "CALL 999 IF YOUR BABY:" ... / "  ====="): the text inside runs from the top edge down to the bottom one, so
    no footer starts under either."""
    def pair(top: int, bottom: int) -> bool:
        return top + 1 < bottom and bool(raw_lines[top + 1].strip()) and bool(raw_lines[bottom - 1].strip())
    below = next((j for j in range(k + 1, min(len(raw_lines), k + 60)) if raw_lines[j] == raw_lines[k]), None)
    above = next((j for j in range(k - 1, max(-1, k - 60), -1) if raw_lines[j] == raw_lines[k]), None)
    return below is not None and pair(k, below) or above is not None and pair(above, k)


def _add_item(blocks: list[RawBlock], goes_on: bool, text: str, n: int, indent: int, indents: list[int]) -> None:
    """Add a list item: to the list just read (`goes_on`), or as the first of a new one, set in at `indent`."""
    if goes_on:
        blocks[-1].texts.append(text)
        blocks[-1].levels.append((0, "bullets"))
    else:
        blocks.append(RawBlock("bullets", [text], n, levels=[(0, "bullets")]))
        indents[:] = [indent]


def _wrap_width(lines: list[str]) -> int:
    """Return how wide the text's lines run (the 90th percentile of its lines' lengths): where it was hard-wrapped,
    about the wrap's width; where paragraphs stand on one line each, far wider than any short line."""
    # (not a table's lines: their columns run wider than the text's wrap)
    lengths = sorted(len(x.rstrip()) for x in lines if x.strip() and x.count("|") < 2
                     and not rx.search(r"\S\s{3,}\S.*\S\s{3,}\S", x.strip()))
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _under_a_contact(lines: list[str], i: int) -> bool:
    """Tell whether line i is another way to reach us, set in under a contact line's value ("Contact: Emergency
    Department reception 01632 960 418" / "         NHS 111 - call 111 or visit 111.nhs.uk"): no heading."""
    above = lines[i - 1] if i else ""
    label = rx.match(r"\s*[A-Z][\w /&'’-]{1,30}:\s+(?=\S)", above)
    return bool(label and (CONTACT.search(above) or rx.search(r"\w@\w|www\.|\.(?:nhs\.uk|org|com|gov)\b", above))
                and indent_of(lines[i]) == label.end()
                and (CONTACT.search(lines[i]) or rx.search(r"\w@\w|www\.|\.(?:nhs\.uk|org|com|gov)\b|\b(?:call|ring|phone)\s+\d", lines[i])))


# "... If you notice any of these, stop taking" / "Finasteride and contact ...": a verb still wanting its object, the
# line goes on however short (a name after it starts with a capital, as a new line would)
_WANTS_OBJECT = re.compile(r"(?i)\b(?:stop|start|keep|continue|avoid|finish|begin|try|consider)\s+\w+ing$|\b(?:taking|using)$")


def _word_would_fit(before: str, line: str, width: int) -> bool:
    """Tell whether the first word of a line would have fitted at the end of the line before it, with room to spare:
    then the break is the writer's, no wrap ("After hours: call the operator ... on call" / "Spanish-language
    interpreter available on request" in a text whose paragraphs stand on one line each)."""
    before = before.strip()
    # (Not under a banner's short line or one in capitals: '"LIVING WELL TOGETHER"' / 'A Support Group for People
    # with MS' is one title over two lines.)
    if before.endswith((",", "(", "-", "/")) or before.count("(") > before.count(")") or NEVER_ENDS.search(before) \
            or rx.search(r"\b(?:such as|as well as|including|like)$", before) or ENDS_MID_PHRASE.search(before) \
            or _WANTS_OBJECT.search(before):
        return False  # "Hosted by the Patient & Family Programs Office," / "Lakeshore Digestive Health Center": it goes on
    return len(before) >= 40 and not in_capitals(before) and len(before) + 1 + len(line.split()[0]) < width - 10


def _title_above(blocks: list[RawBlock], n: int, width: int, line: str) -> str:
    """Return the heading on the line right above line n when it runs as wide as a wrapped line and ends no phrase
    (a title that may go on onto this line), and this line is no page furniture; "" otherwise."""
    if not blocks or blocks[-1].kind != "heading" or blocks[-1].line != n - 1 or is_furniture(line):
        return ""
    title = blocks[-1].texts[0]
    return title if len(title) >= max(50, width - 12) and not rx.search(r"[.,;:]$", title) else ""


def _centred_title_goes_on(blocks: list[RawBlock], lines: list[str], i: int) -> bool:
    """Tell whether line i carries on the heading on the line above: both in capitals, centred on one axis, and the
    one above names a kind of sheet whose subject is still to come ("INFORMED CONSENT FOR ...") or ends mid-phrase."""
    above, line = lines[i - 1] if i else "", lines[i]
    if not blocks or blocks[-1].kind != "heading" or not above.strip() or blocks[-1].texts[0] != above.strip():
        return False
    centre = lambda x: indent_of(x) + len(x.strip()) / 2  # noqa: E731
    return indent_of(above) >= 4 and indent_of(line) >= 4 and abs(centre(above) - centre(line)) <= 3 \
        and in_capitals(above.strip()) and in_capitals(line.strip()) \
        and bool(SHEET_TITLE.search(above) or ENDS_MID_PHRASE.search(above.strip()))


def _text_column(line: str) -> int:
    """Return the column a line's text starts in, after its bullet, number or box if it has one ("  * Over-the-counter":
    4, "  [ ] Burns to the face": 6)."""
    m = BULLET.match(line) or NUMBERED.match(line) or LETTERED.match(line) or rx.match(r"^\s*\[[ xX]\]\s+(.*)$", line)
    return len(line.expandtabs(4)) - len(m.group(1).expandtabs(4)) if m else indent_of(line)


def _checklist(lines: list[str], i: int) -> bool:
    """Tell whether line i, a box and its words, is one of two or more such lines at its depth, read apart only by
    lines set in under their text (a checklist, not a lone box to tick)."""
    indent, boxed = indent_of(lines[i]), 0
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and lines[j].strip():
            if TICKED.match(lines[j]) and indent_of(lines[j]) == indent:
                boxed += 1
            elif indent_of(lines[j]) <= indent:
                break
            j += step
    return boxed >= 1


def _item_detail(blocks: list[RawBlock], lines: list[str], i: int, indents: list[int], width: int) -> bool:
    """Tell whether line i is a detail of the list item above it: set in under it, right after it, starting as a line
    does, where the item is a time ("2nd and 4th Tuesdays, 6:00 - 7:30 PM") or the line's first word would have
    fitted on the line above (the break is the writer's, no wrap)."""
    line, stripped = lines[i], lines[i].strip()
    if not blocks or blocks[-1].kind not in ("bullets", "numbered") or blocks[-1].table or previous_line_blank(lines, i) \
            or not indents or indent_of(line) <= indents[-1] or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    b = blocks[-1]
    if b.texts[-1].count("(") > b.texts[-1].count(")"):
        return False  # "Tel: ... (answerphone -- we aim to ring back within" / "2 working days)": its bracket goes on
    if rx.search(r"\b(?:after|before|of|to|than|with|for|by|from|at|in|on|and|or|the|a|an|every|about|over|under|within|up)$",
                 lines[i - 1].strip(), re.I):
        return False  # "... your reliever gives no relief after" / "10 puffs (1 puff every 30-60 seconds ...)": the words go on
    if rx.match(r"[A-Z]{2,}\b", stripped) and rx.search(r"\b[a-z]{2,}\b", stripped) and rx.search(r"[a-z]$", lines[i - 1].strip()):
        return False  # "..., which must be given" / "WITHIN 10 DAYS of the contact ...": words in capitals for weight, going on
    item = next((t for (d, _), t in zip(reversed(b.levels), reversed(b.texts)) if d == 0), b.texts[-1])
    # ("a) Your pack removal appointment is:" / "     Date: ___/___/____  Time: ____  Place: [ ] ED Review Clinic": the
    # blanks the item leads into)
    return timed(item) and not ends_sentence(lines[i - 1].strip()) or \
        lines[i - 1].strip().endswith(":") and bool(rx.search(r"_{3,}|\[[ xX✓]\]", stripped)) or \
        not ends_sentence(lines[i - 1].strip()) and _word_would_fit(lines[i - 1], stripped, width)


def _two_level_depth(lines: list[str], i: int) -> int | None:
    """Return 0 or 1 where line i stands in a run of lines, all set in, at two depths only, the first line at the lesser
    one, none a bullet or a hard-wrapped sentence (a contact list: names, and their phones set in under each); None
    otherwise."""
    first, last = i, i
    while first > 0 and first > i - 40 and lines[first - 1].strip():
        first -= 1
    while last + 1 < len(lines) and last + 1 < i + 40 and lines[last + 1].strip():
        last += 1
    run = lines[first:last + 1]
    depths = sorted({indent_of(x) for x in run})
    # (at the margin only under a time: "First Tuesday of every month, 6:00 - 7:30 p.m." / "        Conference Room 2B")
    if len(run) < (2 if TIME.search(run[0]) else 3) or len(depths) != 2 or depths[0] == 0 and not (timed(run[0].strip()) or TIME.search(run[0]) and
                                                                   depths[1] >= 4) \
            or indent_of(run[0]) != depths[0] or not 2 <= depths[1] - depths[0] <= 10 \
            or (first > 0 and lines[first - 1].strip()):
        return None
    for x in run:
        t = x.strip()
        if BULLET.match(x) or NUMBERED.match(x) or TICKED.match(x) or len(t) > 100 or t[0].islower() and indent_of(x) == depths[0] \
                or indent_of(x) == depths[0] and ends_sentence(t) and not rx.search(r"\b[ap]\.m\.$", t):
            return None  # ("Daytime group: 2nd Tuesday of every month, 1:30 - 3:00 p.m." ends no sentence)
    return 0 if indent_of(lines[i]) == depths[0] else 1


def _set_in_under_lead_in(lines: list[str], i: int) -> bool:
    """Tell whether line i is one of two or more short lines, each a line of its own, set in further than the
    lead-in ending ":" right over them (a list without bullets)."""
    indent, first = indent_of(lines[i]), i
    while first > 0 and first > i - 30 and lines[first - 1].strip() and indent_of(lines[first - 1]) == indent:
        first -= 1
    lead = lines[first - 1] if first > 0 else ""
    if not lead.strip() and first > 1 and lines[first - 2].strip().endswith(":") and indent - indent_of(lines[first - 2]) >= 3:
        lead = lines[first - 2]  # ("A common adult course is:" / "" / "     Prednisolone 50 mg ...": set well in)
    if not lead.strip().endswith(":") or indent_of(lead) >= indent or BULLET.match(lead) or NUMBERED.match(lead):
        return False
    last = i
    while last + 1 < len(lines) and last + 1 < i + 30 and lines[last + 1].strip() and indent_of(lines[last + 1]) == indent:
        last += 1
    run = [x.strip() for x in lines[first:last + 1]]
    # Each its own line: short, starting as a line does, not ending mid-phrase (a hard-wrapped note set in is no list).
    return last > first and all(len(x) <= 90 and (x[0].isupper() or x[0].isdigit() or x[0] in "\"'“(")
                                and not NEVER_ENDS.search(x.removesuffix(", or")) and not ENDS_MID_PHRASE.search(x)
                                for x in run)  # ("..., or": one choice of two)


def _lead_in_headings(blocks: list[RawBlock], raw_lines: list[str], first_line: int) -> list[RawBlock]:
    """Make a lead-in in capitals over a list that a heading follows ("RETURN TO THE EMERGENCY DEPARTMENT OR CALL 911
    IF:" / its warning signs / "FOLLOW-UP") the heading of that list: read as a lead-in, its signs stayed in the
    section before ("Pain medicines"). Not when text follows the list: it would go under the signs' heading."""
    # "HOW TO TAKE IT:", "MISUSE AND DEPENDENCE:", "DRIVING:": a sheet set out in short labels in capitals, each over
    # its text, has its sections there (read as lead-ins, every section ran on under the one heading above them).
    # The colon stays: "DO NOT:" over its items still leads into them.
    labels = [b for i, b in enumerate(blocks) if b.kind == "paragraph" and len(b.texts) == 1 and b.texts[0].endswith(":")
              and in_capitals(b.texts[0]) and len(b.texts[0].split()) <= 7 and not rx.search(r"\d", b.texts[0])
              and i + 1 < len(blocks) and blocks[i + 1].kind != "heading"]
    if len(labels) >= 3:
        for b in labels:
            b.kind = "heading"
    for i, b in enumerate(blocks):
        if b.kind != "paragraph" or len(b.texts) != 1 or not b.texts[0].endswith(":") or not in_capitals(b.texts[0]) \
                or not 3 <= len(b.texts[0].split()) <= 16 or i + 1 >= len(blocks) or blocks[i + 1].kind not in ("bullets", "numbered"):
            continue
        if i and blocks[i - 1].kind == "paragraph" and 0 < b.line - first_line < len(raw_lines) \
                and rx.search(r"[A-Za-z0-9]", raw_lines[b.line - first_line - 1].strip("|#*=+ \t")):
            continue  # "... needs treatment with an antiviral medicine on the SAME DAY." / "GO TO A&E OR CALL 999 IF YOUR
            # CHILD HAS:": the lead-in goes on from the text right above it, under that text's heading (a box's)
        j = i + 1
        while j < len(blocks) and (blocks[j].kind in ("bullets", "numbered") and (j == i + 1 or blocks[j].depth)):
            j += 1
        if j == len(blocks) or blocks[j].kind == "heading":
            b.kind = "heading"
    return blocks
_QUESTION = re.compile(r"^(?:Q|Question)\s*(\d{1,2})?\s*[:.)]\s+(.+\?)$")  # "Q: ...?", "Q3. Which medicines ...?"


def _list_depth(indents: list[int], indent: int) -> int:
    """Return how deep a list line set `indent` columns in sits in the list whose levels stand at `indents`
    (updated): deeper by 2 columns or more is an item set in under the one above it."""
    while len(indents) > 1 and indent < indents[-1] - 1:
        indents.pop()
    if indent >= indents[-1] + 2:
        indents.append(indent)
    return len(indents) - 1


def _apart_as_furniture(before: str, line: str, lines: list[str], i: int) -> bool:
    """Tell whether a line stays apart from the text before it, though that does not end a sentence: a pasted
    page's furniture ("We use cookies ... | Manage preferences" / "Skip to main content" / "Home") is a line of
    its own, and so is the line after it. Never a line in lower case: "send an" / "email" / "to the clinic"."""
    if line[0].islower():
        return False
    # ("For use by: registered nurses ... only" / "Approved 09/2023        Review due 09/2025": a furniture line of
    # fields set apart by wide gaps never carries a sentence on)
    return len(before) <= 300 and is_furniture(before) or stands_apart(line, before, next_text_line(lines, i)) \
        or bool(rx.search(r"\S\s{3,}\S", line.strip())) and is_furniture(line.strip())


def _is_heading_line(line: str, next_line: str | None) -> bool:
    """A heading is a short line without end punctuation, with more text after it."""
    line = rx.sub(r"^[\U0001F300-\U0001FAFF\u2600-\u26FF\uFE0F]+\s*", "", line)  # "🧩  SPECTRUM CIRCLE  🧩": a banner's picture says no word
    line = rx.sub(r"\s*\(!{1,3}\)$", "", line)  # "IODINE: THE BIG ONE TO WATCH  (!!)": a mark of weight, no sentence's stop
    if rx.match(r"[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]", line):
        return False  # "¹ Tessler FN et al. ACR Thyroid Imaging, Reporting and Data System": a note, wrapped
    if not line:
        return False
    if rx.match(r"#{1,6}\s", line):
        return True  # (not "#1 BEST OVERALL: VitaPeak ...", a rank)
    if next_line and (rx.fullmatch(r"\([^()]+\)[.!]", next_line.strip())
                      # ("... AND has any of: a new headache" / "(often at the temples), scalp tenderness ...")
                      or rx.match(r"\([^()]*\)[,;]?\s+[a-z]", next_line) and rx.search(r"\b[a-z]+$", line) and not in_capitals(line)):
        return False  # "Reporting of side effects: you can report ... via the Yellow Card Scheme" / "(www....).": a sentence
    if next_line and in_capitals(line) and len(line.split()) >= 5 and not rx.search(r"[.:;,!?)]$", line) \
            and rx.match(r"[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,4}\.(?:\s+[A-Z]|$)", next_line.strip()):
        return False  # "WOMEN WHO ARE PREGNANT ... MUST NOT HANDLE CRUSHED OR BROKEN" / "FINASTERIDE TABLETS. The active
        # substance ...": a warning in capitals, wrapped, its full stop on the next line (a heading, it lost its object)
    if rx.match(r"(?:unless|although|whereas|because|so that)\s", line, re.I) and not in_capitals(line):
        return False  # "Unless your clinician has ticked the box for the Rapid Access Chest Pain" / "Clinic ...": a sentence
    if rx.match(r"for (?:use|completion) (?:by|in)\b", line, re.I):
        return False  # "For use by registered nurses only": who the sheet is for, said to its reader
    if CONTACT.search(line) and rx.search(r"\S\s+\|\s+\S", line):
        return False  # "CED reception 01632 960 400 (24 hours)  |  NHS 111  |  EMERGENCY 999": numbers to ring, no heading
    if len(CONTACT.findall(line)) >= 2:
        return False  # "ENT Ward 14 (24 hours): 0161 555 0142     ENT Nurse ...: 0161 555 0178": numbers to ring, no heading
    words = line.split()
    if not words or len(words) > _MAX_HEADING_WORDS or next_line is None:
        return False
    if CONTACT.search(line) and ":" in line and CONTACT.search(next_line):
        return False  # "Paediatric Assessment Unit (24 hours): 01632 960 771" over "Eye Clinic ...: 01632 960 785": numbers
    if (next_line[0].islower() and not BULLET.match(next_line) and not rx.match(r"\(?[a-h][.)]\s+[A-Z]|o\s+\S", next_line)) \
            or next_line[0] in ",;)" or rx.match(r"\((?![ivx]{1,4}\))[^()]{2,15}\)\s+[a-z]", next_line):
        # ("o Both venues ...": a bullet; "a. If you forget a dose ...": a lettered item; "(UV) light can cause ...":
        # the bracket names the last word of this line, and the sentence goes on)
        return False  # the next line carries on this one: a hard-wrapped paragraph
    if line[0] in QUOTES[0] or not (line[0].isupper() or line[0].isdigit()):
        return False
    if rx.search(r"\b(?:and|or)$", line) and not in_capitals(line) and BULLET.match(next_line) and len(words) >= 6:
        return False  # "Go to A&E ... immediately if you have a cold sore and" / "  * your eye is painful ...": a lead-in
        # whose items finish its sentence
    if len(words) >= 8 and line[-1].islower() and rx.match(r"\d+(?:[-–.]\d+)?\s+[a-z]", next_line) and not title_like(words) \
            and not in_capitals(" ".join(words[:3])):
        return False  # "Most studies used 300 to 600 mg of nitrate a day, taken" / "2-3 hours before ...": wrapped
    if rx.search(r"\w; ", rx.sub(r"\([^()]*\)", "", line)):  # (not in brackets: "(patient to complete; staff to review)")
        return False  # "Spanish-language interpreter available on request; ASL interpretation ...": two statements
    if rx.search(r"\[[ x]\]", line):
        return False  # a form's line to fill in ("Which side? [ ] Left [ ] Right"): no title
    if rx.search(r"[\w.+-]+@[\w-]+\.\w", line):
        return False  # "Email: afterprostategroup@examplehealth.nhs.uk": a contact line, no title
    if rx.match(r"[^:]*\b\d[\d.]*\s?(?:mg|mcg|mL|ml|g)\b[^:]*:\s+\S", line):
        return False  # "Paracetamol 120 mg/5 mL: 15 mg/kg, every 4-6 hours, MAX 4 doses in 24 h": a dose, no title
    if len(parts := rx.split(r"\s+[*·•~]\s+", line)) >= 3 and (any(len(rx.findall(r"\b[a-z]+\b", p.lower() if in_capitals(line) else p)) >= 3
                                                               for p in parts)
                                                           or len(parts) >= 4):
        # ("FREE  *  FRIENDLY  *  NO BOOKING NEEDED AFTER YOUR FIRST WALK": in capitals too)
        return False  # "Free  *  Peer-led  *  Open to adults, family members and friends": a banner's details (and
        # "Free * Friendly * No appointment needed * All welcome": four of them)
    if TIME.search(line) and not (in_capitals(line.split("(")[0]) and len(line.split("(")[0].split()) >= 2):
        return False  # "Mondays 7:00 - 8:30 pm, Room 2B": a line of a timetable, no heading (a heading in capitals says
        # its times in brackets: "2024 MEETING SCHEDULE (second Tuesday of each month, 6:30 - 8:30 pm)")
    if rx.search(r"[.,;:!][\"”’')\]]*$", line) or rx.search(r"[a-z%)\]][.!?]\d{1,3}(?:[,–-]\d{1,3})*$", line):
        return False  # a sentence, also when a citation number is glued after its full stop ("afterwards.4")
    if line.endswith("?"):
        # A short question line counts as a heading when it reads like a title, or is as short as one
        # ("What about other anxiety medicines?", "Who should get it, and how many doses?" over its answer).
        return title_like(words) or len(words) <= 10
    return True


def _run_ends(lines: list[str]) -> list[int]:
    """Return, for each line, where the run of lines it stands in (up to a blank line) ends: found once for all lines,
    not by a search forward from each (which made a long text of one run quadratic)."""
    ends, end = [0] * len(lines), None
    for k in range(len(lines) - 1, -1, -1):
        end = None if not lines[k].strip() else k if end is None else end
        ends[k] = k if end is None else end
    return ends


def _wraps_on(line: str, lines: list[str], i: int, run_ends: list[int]) -> bool:
    """Tell whether a line that could be a heading is the first line of a hard-wrapped paragraph: the next line
    follows with no blank, and this one stops mid-phrase ("... caused by bacteria, usually" / "(group A"), or
    is as long as a wrapped line and set as a sentence, not a title ("Outbreaks (2 or more linked cases) should
    be reported to the Communicable Disease" / "Control Program at 555-704-2210.")."""
    after = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if after and not ends_sentence(line) and rx.search(r"\s[-–—]\s+(?:go|call|ring|come|return|contact|see|phone|seek)\b", line) \
            and rx.search(r"[:.]$", after) and not BULLET.match(lines[i + 1]) and not NUMBERED.match(lines[i + 1]):
        return True  # "WHEN TO COME BACK - go straight to Rowan Ward or the Children's Emergency" / "Department (or call
        # 999) if Tariq has any of the following:": what to do, said after its label, wrapped
    if after and LABEL_LINE.match(line) and not ends_sentence(line) and len(line.split()) >= 6 \
            and (rx.match(r"[A-Z][a-z]+,\s+\S", after) or rx.search(r"[a-z]\.\s+[A-Z]", line) and not LABEL_LINE.match(after)) \
            and not BULLET.match(lines[i + 1]) and not NUMBERED.match(lines[i + 1]):
        return True  # "Marketing Authorisation Holder: Halvern Pharma Ltd, Unit 9 Corbeck Business" / "Park, Stenbury, ...":
        # an address wrapped inside a name; "Disposition: Same-day appointment. If none available at Cedar" / "Hollow
        # clinics, ...": a label's sentences, wrapped
    if rx.search(r"\b(?:should|can|must|will|may|might|could|would)$", line) and rx.match(r"\W*[A-Z][a-z]", after):
        return False  # "If you give more cetirizine than you should" / "!! Contact a doctor ...": no modal runs on into a
        # capital; a heading ends there
    if after and (NEVER_ENDS.search(line) and not in_capitals(line) or line.count("(") > line.count(")")) \
            and not BULLET.match(lines[i + 1]) and not NUMBERED.match(lines[i + 1]):
        return True  # "Disclosure: This post contains affiliate links, which means that" / "WellnessVault may earn ..."
    if after and not ends_sentence(line) and rx.search(r"[a-z]{2,}[.!]\s+[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}$", line) \
            and not BULLET.match(lines[i + 1]) and not NUMBERED.match(lines[i + 1]) and not LABEL_LINE.match(after) \
            and not is_furniture(after) and not rx.match(r"By [A-Z]", after):  # (not a title over its byline)
        return True  # "Here's the honest answer: ... doesn't help much. A 2020" / "Cochrane review, which ...": a sentence
        # begun after a full stop breaks off at the line's end (no label's line, though it opens on "...answer:")
    if not after or BULLET.match(lines[i + 1]) or NUMBERED.match(lines[i + 1]) or after.startswith(("#", "|")) \
            or rx.match(r"\(?[A-Za-z]{1,2}[.)]\s", after) or any(x.startswith("_") or LABEL_LINE.match(x) for x in (line, after)) \
            and not (in_capitals(line) and in_capitals(after) and len(line) >= 50 and any(
                rx.search(r"[.!?][¹²³⁴⁵⁶⁷⁸⁹⁰]*(?:\s|$)", lines[k]) for k in range(i + 1, min(run_ends[i + 1], i + 8) + 1))):
        # ("NOTICE: THE U.S. FOOD AND DRUG ADMINISTRATION HAS NOT APPROVED INJECTABLE" / "CORTICOSTEROIDS FOR EPIDURAL
        # USE.": a boxed notice in capitals, wrapped, its sentence ending on any of its next lines: "WARNING: TAKING
        # PREGABALIN WITH OPIOIDS SUCH AS OXYCODONE" / "(OXYCONTIN), MORPHINE ..." / "COMA AND DEATH. THE RISK ...")
        # (a sentence with a blank in it wraps like any other: "See your child's own doctor ... at ______" / "AM/PM, unless")
        return False  # "A) physical therapy" over "B) weight loss"; "Clinic phone: ..." over "Date: ____": lines apart
    words = line.split()
    long = len(line) >= 50 and len(words) >= 8
    # A title over its subtitle or over "(Soriatane), ...": not a line of 8 words or more that runs on ("Methotrexate
    # (taken ONCE A WEEK, never daily), cyclosporine, acitretin" / "(Soriatane), apremilast ..."); in capitals, a
    # boxed warning's lines wrap too ("... INCLUDING NAPROXEN, MAY" / "INCREASE THE RISK OF HEART ATTACK ...").
    if in_capitals(line) and (rx.search(r"[A-Z]{3,}[.!?]\s+[A-Z]", line) or len(words) >= 5 and len(line) >= 40 and ENDS_ON_VERB.search(line)):
        return True
    # (a long line in capitals runs on only into more capitals: "... CORONARY ARTERY BYPASS" / "GRAFT (CABG) SURGERY.";
    # "WHEN TO RETURN TO THE EMERGENCY DEPARTMENT OR CALL 911" over "Call 911 immediately if ..." is a heading)
    # ("You are encouraged to enrol in the North American Antiepileptic Drug": names in capitals, but a sentence)
    sentence_start = bool(rx.match(r"(?:You|We|It|They|This|There|These|I|Your|Our)\s+[a-z]", line)) and len(words) >= 6
    if len(words) >= 8 and not in_capitals(line) and rx.search(r"\b(?:is|are|was|were|has|have)\b", line) \
            and rx.match(r"[A-Z]?[a-z]+(?: [A-Za-z]+){0,3}[.!?]\s+[A-Z]", after):
        return True  # "Meadowcroft Health is an information service run by Meadowcroft Community Health" / "Partnership.
        # Contact us: ...": names in capitals, but a sentence, its end on the next line
    if title_like(words) and not sentence_start and not (in_capitals(line) and long and in_capitals(after)) \
            or line.endswith("?") or after[0] == "(" and not long:
        return False
    if line.count("(") > line.count(")") or rx.search(r"\w{3,}[.!?]\s+[A-Z]", line) or NEVER_ENDS.search(line) \
            or len(words) >= 8 and ENDS_MID_PHRASE.search(line) \
            or len(words) >= 5 and len(line) >= 40 and ENDS_ON_VERB.search(line):  # not "What warfarin is used for"
        return True
    # As long as a wrapped line, and the lines after it end a sentence: "FRESH START CIRCLE -- peer support for ..." /
    # "Handout -- please take one" is a title over a tagline, and a list of phone lines ends on no full stop.
    if len(line) < 50 or len(words) < 8:
        return False
    # (a sentence's end in the next lines of the run, not only at its end: a field may follow the paragraph unparted,
    # "... that the number below is correct." / "Phone: (____) ______")
    return ends_sentence(lines[run_ends[i + 1]].strip()) or any(
        ends_sentence(lines[k].strip()) for k in range(i + 1, min(run_ends[i + 1], i + 8)))


def _bracket_goes_on(text: str, lines: list[str], i: int) -> tuple[str, int]:
    """Return a numbered line's text with the lines that close its open bracket ("6. STATEMENT OF HEALTH PROFESSIONAL
    (to be completed by a" / "professional with appropriate knowledge)"), and how many lines those are (0: none)."""
    said, k = text, i + 1
    # (or a number: "2. SWELLING CHECKS  (every 2 to 3 hours on day 1, ..., then" / "3 to 4 times a day for 2 more days)")
    while said.count("(") > said.count(")") and k < len(lines) and k <= i + 2 and lines[k].strip() \
            and (lines[k].strip()[0].islower() or lines[k].strip()[0].isdigit() and not NUMBERED.match(lines[k])):
        said, k = f"{said} {lines[k].strip()}", k + 1
    return (said, k - i - 1) if said.count("(") == said.count(")") else (text, 0)


def _next_run_end(lines: list[str], i: int, run_ends: list[int]) -> str | None:
    """Return the last line of the run of lines after line i's run (the end of the paragraph that follows it)."""
    j = run_ends[i] + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return lines[run_ends[j]].strip() if j < len(lines) else None


# "TO REGISTER: (555) 302-4410 | gentlehearts@stannes.example.org" over "Messages are checked ...": an e-mail or web
# address ends its line, and a line in capitals after it starts anew
# (or on a phone number, with when to call in brackets: "... advice line: 01632 960 201 (24 hours)" over "In an
# emergency always call 999.")
_ENDS_ON_ADDRESS = re.compile(r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|\b[\w-]+\.(?:org|com|gov|net)(?:/\S*)?"
                              r"|:\s*\(?\d[\d ()-]{8,}\d(?:\s*\([^()]{1,30}\))?)$")
# "PAIN MEDICINES - take regularly ...": a name in capitals, a dash or colon, then words in small letters
_HEADED_LINE = re.compile(r"([A-Z][A-Z0-9 ,/&'’()-]{2,50}?[A-Z)])(?:\s+[-–—:]|:)\s+(?=.*[a-z])(\S.*)")  # ("5. HOW TO STORE:  Keep ...")


def _blank_columns_unnamed(lines: list[str]) -> list[str]:
    """Return the lines without the name of a column of blanks set after a sentence ("Please initial each item to show
    that it has been explained to you.     Initials" over items ending in "______"): read with it, the sentence
    was taken for a heading."""
    out = list(lines)
    for i in range(len(lines) - 1):
        m = rx.fullmatch(r"(.*[a-z)][.!?:])\s{4,}[A-Z][a-z]+(?: [a-z]+)?\s*", lines[i])
        if m and any(rx.search(r"_{4,}\s*$", x) for x in lines[i + 1:i + 4]):
            out[i] = m.group(1)
    return out


def _instructions_off_headings(lines: list[str]) -> list[str]:
    """Put a heading's last part back with the sentence it starts on the lines under it ("WARNING - CAUDA EQUINA
    SYNDROME - GO TO THE EMERGENCY DEPARTMENT AT ONCE" / "(do not wait ...) if you develop ANY of the following:"):
    the heading is the warning's name, and "Go to the emergency department at once ... if you develop" its lead-in
    (read as a heading whole, the lead-in under it began "(do not wait" and had no verb)."""
    out = list(lines)
    for i in range(len(lines) - 1):
        line, after = lines[i].strip(), lines[i + 1].strip()
        parts = rx.split(r"\s+[-–—]\s+", line)
        if len(parts) >= 2 and in_capitals(line) and not rx.search(r"[.:;,!?]$", line) \
                and rx.match(r"\(?[a-z]", after) and not BULLET.match(lines[i + 1]) and len(parts[-1].split()) >= 2 \
                and not LETTERED.match(lines[i + 1]) and not rx.match(r"\(?[a-z][.)]\s", after):
            # (not over a lettered step: "1. FEEDING - LITTLE AND OFTEN" / "   a) Babies with blocked noses ...")
            indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
            out[i] = indent + " - ".join(parts[:-1])
            out[i + 1] = f"{indent}{parts[-1]} {after}"
    return out


def _next_number(block: RawBlock) -> int:
    """Return the number the next item of a numbered list takes (its items at the outer level, plus one)."""
    return 1 + sum(d == 0 for d, _ in (block.levels or [(0, "numbered")] * len(block.texts)))


def _next_letter(blocks: list[RawBlock], text: str) -> bool:
    """Tell whether a lettered item ("c. Fainting ...") is the next of the lettered list just before ("b. ...")."""
    if not blocks or blocks[-1].kind != "bullets" or not blocks[-1].texts:
        return False
    last, this = rx.match(r"\(?([a-z])[.)]\s", blocks[-1].texts[-1]), rx.match(r"\(?([a-z])[.)]\s", text)
    return bool(last and this) and ord(this.group(1)) == ord(last.group(1)) + 1


def _without_bangs(text: str) -> str:
    """Say a title's "!! IMPORTANT !!" mark as words after a dash ("DRIVING  !! IMPORTANT !!" -> "DRIVING - IMPORTANT")."""
    return rx.sub(r"\s*!{2,}\s*([^!]*?)\s*!{2,}\s*$", r" - \1", text).strip()


def _step_follows(lines: list[str], i: int, more: int) -> bool:
    """Tell whether the next number's line comes right after numbered line `i` (and the `more` lines its text goes on
    over) and a line set in under it, with no blank line between ("  1. Ambulatory PE clinic ..... date: ___" /
    "     (usually within 7-14 days; ...)" / "  2. Anticoagulation review ..."): steps of one list, no section's title."""
    number, k = number_of(lines[i]), i + more + 1
    while k < len(lines) and lines[k].strip() and not NUMBERED.match(lines[k]) and k <= i + more + 3 \
            and indent_of(lines[k]) > indent_of(lines[i]):  # (set in under the step; at the margin, a section's text)
        k += 1
    return number is not None and k > i + more + 1 and k < len(lines) and bool(NUMBERED.match(lines[k])) \
        and number_of(lines[k]) == number + 1 and indent_of(lines[k]) == indent_of(lines[i])


def _past_joined_lines(lines: list[str], source: list[str], i: int, step: int = 1) -> int:
    """Return the next line after line `i` (before it, with `step` -1) with text, when the blank lines between are lines
    joined up into a line (a dotted row's value wrapped over three lines and more); -1 if a blank line of the source
    comes first."""
    k = i + step
    while 0 <= k < len(lines) and not lines[k].strip():
        if k >= len(source) or not source[k].strip():
            return -1
        k += step
    return k if 0 <= k < len(lines) else -1


def _is_numbered_heading(text: str, blocks: list[RawBlock], next_line: str | None, next_end: str | None = None,
                         restarts: bool = False, next_section: bool = False) -> bool:
    """A numbered line is a section title ("1. Why get vaccinated?") when it stands alone before a paragraph.

    A step of a list follows another step or is followed by one; a title is short, has no full stop,
    and the text after it is a paragraph."""
    # ("6. STATEMENT OF HEALTH PROFESSIONAL (to be completed by a professional)": capitals, its note in brackets aside)
    text = rx.sub(r"\s*\([^()]*\)", "", text) if in_capitals(rx.sub(r"\s*\([^()]*\)", "", text)) else text
    text = _without_bangs(text)  # ("2. DRIVING  !! IMPORTANT !!")
    if next_section and in_capitals(text) and 2 <= len(text.split()) <= 12 and next_line and number_of(next_line) == 1:
        return True  # "3. WHAT TO DO IF YOU SUSPECT A LEAK" after sections 1. and 2., over its own steps 1. to 5.
    if not next_line or NUMBERED.match(next_line) or next_line[0].islower() and not (
            in_capitals(text) and rx.match(r"\(?[a-h][.)]\s|o\s", next_line)):
        return False  # a lower-case next line carries the step on: "5. Insert the needle ... and press" / "the button."
        # (not "a) Do not eat ..." or "o Common: ..." under a title in capitals: a list under the title)
    if blocks and blocks[-1].kind == "numbered" and not restarts:
        # "4. POSSIBLE SIDE EFFECTS AND STORAGE" after steps 1. to 3. in sentence case: a section's title in capitals,
        # no step (a list whose items are all in capitals goes on).
        return in_capitals(text) and 2 <= len(text.split()) <= 10 and not all(in_capitals(t) for t in blocks[-1].texts) \
            and bool(BULLET.match(next_line) or rx.search(r"[.!?:][\"”’')\]]*$", next_line))  # over its text, not "5. FAQ"
    if in_capitals(text) and text.endswith(":") and 2 <= len(text.split()) <= 10 and BULLET.match(next_line) \
            and any(b.kind == "heading" and rx.match(r"\d", b.texts[0]) for b in blocks):
        return True  # "3. DO NOT TAKE COLCHICINE IF:" over its list, among numbered sections ("2. HOW TO TAKE ...")
    if len(text.split()) > _MAX_HEADING_WORDS or rx.search(r"[.,;:!][\"”’')\]]*$", text):
        return False
    if in_capitals(text):
        return True  # "3. RISKS AND SIDE EFFECTS", "4. OTHER MEDICINES" over a list: no step is set in capitals
    if next_section and not BULLET.match(next_line):
        # "2. What you need to know before you take Ondansetron" over "Do not take Ondansetron:", after "1. What
        # Ondansetron is ..." was read as a section's title: the next section's (its text's first line is short)
        return True
    # A paragraph, or a lead-in ("... the following risks:"), also hard-wrapped over lines ending where its run ends.
    return not BULLET.match(next_line) and bool(rx.search(r"[.!?:][\"”’')\]]*$", next_line)
                                                  or next_end and rx.search(r"[.!?:][\"”’')\]]*$", next_end)) \
        and len(next_line.split()) > len(text.split())


def _headerless_row(row: list[str]) -> str:
    """Say a row of a table with no column names: its first cell, then the rest ("Weeks 1 and 2: 25 mg once a day").
    A first cell that is a field of its own ("Admitted: 11/06/2024") is one of the row's fields, said apart
    ("Admitted: 11/06/2024; Discharged: 14/06/2024", not "...: Discharged: ...")."""
    cells = [c for c in row[1:] if c]
    if not row[0]:
        return "; ".join(row)
    if rx.match(r"[A-Z][\w' /()-]{0,30}:\s+\S", row[0]):
        return "; ".join([row[0]] + cells)
    return f"{row[0]}: {'; '.join(cells)}"
