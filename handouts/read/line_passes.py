"""Passes over a plain text's lines before its blocks are read: boxes drawn around text, marks in the margin,
dot leaders, tick-box columns and sales boxes, each made into the lines it stands for."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.read.blocks import starred_run
from handouts.read.line_shape import (BOX_EDGE, BOX_SIDES, BULLET, ends_sentence, in_capitals, indent_of, next_row, NUMBERED, runs_on,
                                      STAR_RULE)


LEADER = re.compile(r"^\s*\S.{0,140}?(?:\s*\.{4,}|\s\.{3}(?=\s+\S[^.]{0,30}$))\s*\S")  # "Sept 10 ...... Open sharing": dot leaders from a label to its line
# (not "== IF YOU TAKE INSULIN -- PLEASE READ =========": a heading drawn between rules)
_MARGIN_MARK = re.compile(r"^(\s*)(!{1,3}|>{1,3}|\*{2,3}|={2,3}>?(?!.*\s={2,}\s*$))\s+(?=\S)")


def marked_labels(lines: list[str]) -> list[str]:
    """Return the lines without the marks around a label or before a heading: "!! ALCOHOL !!" (a warning's label, in
    its box), ">>> RELATED: 7 Foods That May ... <<<" (a link between arrows), ">> 1. WHAT IS QUERCETIN?" over its
    text (a numbered heading in capitals: read as a bullet, every heading after the contents became an item)."""
    out: list[str] = []
    moved = False  # the line was moved up, over a choice's "or"
    for k, x in enumerate(lines):
        if moved:
            out.append("")
            moved = False
            continue
        if rx.fullmatch(r"\s*[-–(]*\s*or\s*[-–)]*\s*", x, re.I) and out and out[-1].strip() and k + 1 < len(lines) \
                and lines[k + 1].strip():
            # "Prednisolone 50 mg once a day for 10 days" / "   - or -" / "Prednisolone 60 mg ...": the choice is said
            # on the line before, and the next option moves up to its line (as a bullet, "or -" was an item)
            out[-1] = f"{out[-1].rstrip()}, or"
            out.append(lines[k + 1])
            moved = True
            continue
        x = rx.sub(r"^(\s*)!{2,}\s*(\S.*?)\s*!{2,}\s*$", r"\1\2", x)
        # "PART B. SCREENING QUESTIONS            (circle / tick one)": how to fill in the form, no words of the heading
        x = rx.sub(r"(\S)\s{3,}\((?:please\s+)?(?:circle|tick|check|mark)\b[^)]*\)\s*$", r"\1", x, flags=re.I)
        x = rx.sub(r"^(\s*)>{2,}\s*(\S.*?)\s*<{2,}\s*$", r"\1\2", x)
        if (k == 0 or not lines[k - 1].strip() or STAR_RULE.fullmatch(lines[k - 1])) \
                and (k + 1 == len(lines) or not lines[k + 1].strip() or STAR_RULE.fullmatch(lines[k + 1])):
            # "!!  A SUPPORT GROUP IS NOT A SUBSTITUTE FOR MEDICAL CARE" between rules: a heading, marked
            x = rx.sub(r"^(\s*)!{1,3}\s+([^a-z]{12,}[^a-z.!:;])\s*$", r"\1\2", x)
        heading = rx.match(r"(\s*)>{2,}\s+(\d{1,2}[.)]\s+[^a-z]+?)\s*$", x)
        if heading and not rx.search(r"[.!:;]$", heading.group(2)) and (k == 0 or not lines[k - 1].strip()):
            x = heading.group(1) + heading.group(2)
        out.append(x)
    return out


_ELLIPSIS_LABEL = re.compile(r"^(\s*[A-Z][\w/()-]*(?: [\w/()-]+){0,3}) \.{2,3} (?=[A-Z])")


def _ellipsis_labels(lines: list[str]) -> list[str]:
    """Read three dots between a short label and its text, on two lines or more ("STEP 1 ... Take 15 to 20 g of
    fast-acting sugar" / "STEP 2 ... Recheck ..."), as the colon they stand for: read as text, the dots stayed
    ("Step 1.. . Take ...")."""
    if sum(bool(_ELLIPSIS_LABEL.match(x)) for x in lines) < 2:
        return lines
    return [_ELLIPSIS_LABEL.sub(r"\1: ", x) for x in lines]


def _short_leaders_lengthened(lines: list[str]) -> list[str]:
    """Return the lines with a dot leader of two or three dots that leads to the column where the leaders around it
    end made a leader ("Codeine phosphate 30-60 mg .. every 4 to 6 hours" under "Ibuprofen 400 mg ...... three
    times a day"): the label's length left no room for more dots, and read as text it ran into the next row."""
    short = re.compile(r"(?<=\S)(?:\s?\.{2,3}\s*|\s\.\s+)(?=\S)")  # ("Very common (more than 1 in 10) . dizziness")
    # ("Liver problems (moderate/severe)  no more than 8 mg in 24 hours" under "After an operation ....... 16 mg ...":
    # no room for a dot at all, the value in the leaders' column; read as a line of its own it was a heading)
    gap = re.compile(r"(?<=\S) {2,}(?=\S)")
    out = list(lines)
    for k, line in enumerate(lines):
        # (a row's label starts in capitals: "  levels (avoid)        ritonavir ..." carries on the row above, label and value)
        if LEADER.match(line) or not (m := short.search(line) or len(gap.findall(line.strip())) == 1
                                      and line.strip()[:1].isupper() and gap.search(line)):
            continue
        # (the gap's row under a dotted row: "Age        Paracetamol ..." over them is their header)
        near = [lines[j] for j in range(max(0, k - 3), min(len(lines), k + 4)) if j != k and LEADER.match(lines[j])
                and (m.re is short or j < k and indent_of(lines[j]) == indent_of(line)
                     and rx.search(r"[^\s.]\s?\.{4,}\s*\S[^.]*$", lines[j]))]
        if any((n := rx.search(r"(?<=\S)\s?\.{4,}\s*(?=\S)", x)) and n.end() == m.end() for x in near):
            out[k] = line[:m.start()] + " " + "." * max(4, len(m.group()) - 1) + " " + line[m.end():]
    return out


def dotted_blanks(lines: list[str]) -> list[str]:
    """Return a form's fields drawn with dots as the blanks they are ("   Surname ..........  First names ........." ->
    "   Surname: ____  First names: ____"): a line that ends on dots is fields to fill in, no dot leaders (read as
    leaders, each label ran on into the next: "Surname: First names: ."). A field filled in on its dots ("Seen by:
    ..Dr R. Okonedo (ST5 Emergency Medicine).........") is its label and value."""
    out = list(_filled_on_dots(lines))
    for k, line in enumerate(list(out)):
        # ("Hospital no. ......": a label's own stop before the dots)
        # ("Responsible consultant ..........   Special requirements: [ ] interpreter": a field beside another)
        if (rx.search(r"[\w)]\.?\s*\.{4,}[\s./]*$", line) or rx.search(r"[\w)]\.?\s*\.{8,}\s{2,}[A-Z][\w ()'/-]{0,40}:", line)) and not rx.fullmatch(r"[\s.]*", line) \
                and all(rx.match(r"\s{2,}\S|\s[A-Z][\w ()/'-]{0,30}?\s*\.{4,}|[\s./]*$", line[m.end():])
                        for m in rx.finditer(r"\.{4,}(?:\s*/\s*\.{2,})*", line)):
            # (one space before the next field's label will do: "Patient surname ....... First name(s) .......")
            said = rx.sub(r"(?:(?<=[\w)])|(?<=\w\.))\s*\.{4,}(?:\s*/\s*\.{2,})*", ": ________", line)
            out[k] = rx.sub(r":\s*:", ":", rx.sub(r"(?<=:)\s*\.{4,}(?:\s*/\s*\.{2,})*", " ________", said))
    return out


def _filled_on_dots(lines: list[str]) -> list[str]:
    """Return the lines with fields written on their dots said plainly ("Hospital no.: ..HG 0047 3391.........   NHS
    no.: ..[on file]......" -> "Hospital no.: HG 0047 3391   NHS no.: [on file]"): read as they were, the dots stayed
    ("Seen by:. .Dr R. Okonedo") and the last ones were taken for a blank still to fill in."""
    out = []
    for line in lines:
        if rx.search(r":\s*\.{2}[^.\s]", line):
            line = rx.sub(r"(?<=:)\s*\.{2,}(?=[^.\s])", " ", line)
            line = rx.sub(r"(?<=[^.\s])\.{2,}(?=\s{2,}|\s*$)", "", line)
        out.append(line)
    return out


def boxed_choices_joined(lines: list[str]) -> list[str]:
    """Put a form field's tick-box choices set in under its value back on its line ("PROPOSED PROCEDURE:  Insertion of
    grommets   [ ] right  [ ] left" / "                     [ ] both ears, under general anaesthetic"): read as a list,
    the choices lost the field and "under general anaesthetic" held for the last one only."""
    out = list(lines)
    k = 0
    while k < len(lines):
        field = rx.match(r"(\s*[A-Z][A-Z ()/-]{2,40}:\s+)\S.*\[ \]", lines[k])
        j = k + 1
        while field and j < len(lines) and rx.match(r"\s*\[ \]\s", lines[j]) and indent_of(lines[j]) == len(field.group(1)):
            out[k], out[j] = f"{out[k].rstrip()}  {lines[j].strip()}", ""
            j += 1
        k = j
    return out


def leader_labels_joined(lines: list[str]) -> list[str]:
    """Put a dotted line's label wrapped onto the line above back with it ("  Out of hours / seizure lasting" / "  longer
    than 5 minutes .......... CALL 911"): read apart, the 911 line said no seizure."""
    lines = _short_leaders_lengthened(_ellipsis_labels(lines))
    # ("Asthma + Lung UK helpline ......... 0300 222 5800  (Mon-Fri 9am-5pm)": a note in brackets after the value is
    # the value's, no column of its own)
    lines = [rx.sub(r"(?<=\S)\s{2,}(?=\([^()]{1,40}\)\s*$)", " ", x) if LEADER.match(x) else x for x in lines]
    lines = _lead_ins_over_dotted_rows(lines)
    out = list(lines)
    for k in range(len(lines) - 1):
        above, line = out[k], lines[k + 1]
        if above.strip() and LEADER.match(line) and line.strip()[:1].islower() and not LEADER.match(above) \
                and indent_of(above) <= indent_of(line) <= indent_of(above) + 4 and not rx.search(r"[.:;!?]$", above.strip()) \
                and rx.search(r"[A-Za-z]", above) and not rx.match(r"\s*\(?[a-z][.)]\s", line) and not BULLET.match(line) \
                and not (len(rx.findall(r"\S\s{3,}\S", above.strip())) >= 2 and _DOTTED_ROW.fullmatch(line)):
            # (not the names of a dotted table's columns over its first row: "FIB-4 score     What it usually means
            # Next step" / "below 1.3 ...... low risk of advanced fibrosis ... repeat in about 3 years")
            # (no rule above, no lettered question: " a. Difficulty breathing ...... [ ] [ ]" under "-------" is one)
            # (set in under the label too: "  Non-sedating antihistamines: cetirizine, levocetirizine," / "    loratadine,
            # desloratadine, fexofenadine ....... 5-7 days")
            out[k], out[k + 1] = f"{above.rstrip()} {line.strip()}", ""
            # (and the value's own wrapped lines, set under where it starts: "... stomach or duodenum) ...... about 1 in
            # 10,000 for a" / "        diagnostic test; up to 1 in 100": with the label moved up, they lost their column)
            value = rx.search(r"\.{3,}\s*(?=\S)", line)
            j = k + 2
            while value and j < len(lines) and lines[j].strip() and abs(indent_of(lines[j]) - value.end()) <= 1 \
                    and not LEADER.match(lines[j]):
                out[k], out[j] = f"{out[k].rstrip()} {lines[j].strip()}", ""
                j += 1
        elif (dots := rx.match(r"(\s*)(\S.*?)\s?(\.{3,})\s*(\S.*)$", out[k])) and LEADER.match(out[k]) \
                and (wrap := rx.match(r"(\s*)([a-z(][^.]*?)\s{3,}(\S.*)$", line)) and wrap.group(1) == dots.group(1) \
                and wrap.start(3) == dots.start(4):
            # "  Increase rivaroxaban ...... ketoconazole, ... (for fungal infections);" / "  levels (avoid)
            # ritonavir and some other HIV medicines": the label and its value both wrapped, each in its column
            out[k] = f"{dots.group(1)}{dots.group(2)} {wrap.group(2)} {dots.group(3)} {dots.group(4)} {wrap.group(3)}"
            out[k + 1] = ""
    return _dotted_columns(_leader_table_headed(_dotted_rulers(_leader_values_joined(out)), lines))


def _lead_ins_over_dotted_rows(lines: list[str]) -> list[str]:
    """End with a colon a line naming whom the dotted rows set in under it are for ("  Adults and children aged 12
    years and over" over "    Starting dose ...... 2 capsules (4 mg)"): their lead-in. As a heading, the advice after
    the rows was read as for them alone."""
    def lead_in(k: int, x: str) -> bool:
        below = lines[k + 1] if k + 1 < len(lines) else ""
        # (not a line that goes on into the row, "... may" / "perform the procedure ..... [ ]", nor a line of columns)
        return bool(indent_of(x) >= 2 and x.strip() and not LEADER.match(x) and not rx.search(r"[.:;,!?]$", x.strip())
                    and LEADER.match(below) and indent_of(below) > indent_of(x) and below.strip()[:1].isupper()
                    and not rx.search(r"\S\s{3,}\S|\[|_", x.strip()) and not NUMBERED.match(x)
                    and rx.search(r"\b(?:aged?|years?|months?|weeks?|for|if|when|with|over|under|from)\b", x, re.I)
                    and not BULLET.match(x) and len(x.split()) <= 10)
    return [f"{x.rstrip()}:" if lead_in(k, x) else x for k, x in enumerate(lines)]


def _leader_values_joined(lines: list[str]) -> list[str]:
    """Put a dotted label's value wrapped onto the lines under where it starts back with it ("In person ........ 2nd
    Tuesday of each month, 6.30 - 8.30 pm" / "                     Community Room, Northfield Library,"): read apart,
    the place was a list of its own and "via Zoom (link emailed ...)" no longer said which meeting."""
    out = list(lines)
    for k, line in enumerate(lines):
        value = rx.match(r"\s*\S.*?[^\s.]\s?\.{4,}\s*(?=\S)", line) if out[k] == line else None
        if not value or _DOTTED_ROW.fullmatch(line):
            continue
        j = k + 1
        while j < len(lines) and lines[j].strip() and indent_of(lines[j]) == value.end() and not LEADER.match(lines[j]) \
                and not BULLET.match(lines[j].strip()) and (not rx.search(r"[.!?]$", out[k].strip())
                                                            # ("... without twisting or jerking." / "(If using a tool,
                                                            # ...)": a note in brackets set under the value is its own)
                                                            or lines[j].strip().startswith("(")):
            # (a line that starts anew in capitals is the value's next part: "6.30 - 8.30 pm, Community Room, ...")
            apart = lines[j].strip()[:1].isupper() and bool(rx.search(r"(?:\d|\)|[ap]m|noon)$", out[k].rstrip()))
            out[k], out[j] = f"{out[k].rstrip()}{',' if apart else ''} {lines[j].strip()}", ""
            j += 1
    return out


def _dotted_rulers(lines: list[str]) -> list[str]:
    """Draw a run of dots under a table's column names ("Level     Daily/weekly exposure     Peak sound pressure" /
    "........................") as the ruler it is, in dashes: read as text, the names became a heading, the dots a line.
    Under the names may stand rows whose columns are joined by dots ("Paracetamol 500 mg .... 2 tablets (1 g) ....
    every 6 hours"), a ruler of dots closing them."""
    out = list(lines)
    for k in range(1, len(lines) - 1):
        if rx.fullmatch(r"\s*\.{10,}\s*", lines[k]) and len(rx.findall(r"\S\s{3,}\S", lines[k - 1].strip())) >= 1 \
                and (rx.search(r"\S\s{3,}\S", lines[k + 1].strip()) and not LEADER.match(lines[k + 1])
                     or _DOTTED_ROW.fullmatch(lines[k + 1])):
            out[k] = lines[k].replace(".", "-")
        elif rx.fullmatch(r"\s*\.{10,}\s*", lines[k]) and _DOTTED_ROW.fullmatch(lines[k - 1]) and k >= 3 \
                and all(_DOTTED_ROW.fullmatch(x) for x in lines[k - 3:k]):
            # (and the ruler closing its rows: "Codeine 30 mg* .... 1-2 tablets .... up to 4 times a day" / "......")
            out[k] = lines[k].replace(".", "-")
    return out


_DOTTED_ROW = re.compile(r"\s*[^\s.].*?[^\s.]\s{0,2}\.{2,}\s?[^\s.].*?[^\s.]\s{0,2}\.{2,}\s?[^\s.].*")  # two dotted gaps


def _dotted_columns(lines: list[str]) -> list[str]:
    """Read a table whose columns are joined by dots ("RESULT ...... DOB VALUE ...... WHAT IT USUALLY MEANS" /
    "Negative ...... below 2.5 ...... No active infection detected") as columns: the dots become the spaces they
    stand for, so each cell starts where its column does (read as a label and its line, the header was an item and
    "Borderline / indeterminate .. 2.5" lost its gap)."""
    out = list(lines)
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and _DOTTED_ROW.fullmatch(lines[j]):
            j += 1
        if j - k >= 3:
            for n in range(k, j):
                out[n] = rx.sub(r"\s?\.{2,}\s?", lambda m: " " * max(3, len(m.group())), lines[n])
        k = max(j, k + 1)
    return out


_DOT_RULER = re.compile(r"\s*\.{5,}(?:\s+\.{5,})+\s*")  # "......................  ..........": a dotted table's ruler


_DASH_RULER = re.compile(r"\s*-{3,}(?:\s{2,}-{3,})+\s*")  # "------------     -----------": a ruler under columns


def _leader_table_headed(lines: list[str], raw: list[str]) -> list[str]:
    """Say a dotted table's column name with each of its values ("Medicine (examples)      Stop for at least" /
    "........   ......." / "Hydroxyzine ......... 7-10 days": "Hydroxyzine ......... stop for at least 7-10 days"):
    read apart, the header was a heading and each value lost its "at least"."""
    out = list(lines)
    for k in range(1, len(lines)):
        dashes = bool(_DASH_RULER.fullmatch(lines[k]) or rx.fullmatch(r"\s*\.{20,}\s*", lines[k])) and k + 1 < len(lines) \
            and bool(LEADER.match(lines[k + 1]))  # (or one run of dots: "Risk    How often (approx.)" / "......" / rows)
        if not (_DOT_RULER.fullmatch(lines[k]) or dashes):
            continue
        header = [c for c in rx.split(r"\s{2,}", lines[k - 1].strip()) if c]
        rows = range(k + 1, next((j for j in range(k + 1, len(lines)) if not raw[j].strip()), len(lines)))
        if len(header) == 3 and rows and all(rx.search(r"\s\[[ xX]?\]\s*$", lines[j]) for j in rows):
            # "Child's weight   Dose twice daily   (dose checked by RN/pharmacist)" over rows ending in "[ ]": the last
            # column is the staff's tick, no value for the reader
            header = header[:2]
            for j in rows:
                out[j] = rx.sub(r"\s+\[[ xX]?\]\s*$", "", out[j])
        if len(header) != 2:
            if len(header) >= 3 and _DOT_RULER.fullmatch(lines[k]):
                out[k] = lines[k].replace(".", "-")  # ("AGE BAND   DISPOSITION   TIMEFRAME" over dots: a table's ruler)
            continue
        column = lines[k - 1].find(header[1])  # where the values stand
        out[k - 1], out[k] = "", ""
        named = header[1][:1].lower() + header[1][1:] if not header[1][:2].isupper() else header[1]
        last = None  # the row before, which a value's wrapped line carries on
        for j in range(k + 1, len(lines)):
            if not raw[j].strip():  # (a label put back with its dotted line left its own line blank)
                break
            gap = rx.fullmatch(r"(\s*\S.*?\S)\s{2,}(\S.*)", out[j])
            if out[j].strip() and not LEADER.match(out[j]) and last is not None and indent_of(out[j]) >= column - 3:
                # "   pain lasting more than 3 months .... up to 1 in 20; severe enough" / "        to affect daily life
                # in": the value's wrapped line, set under the values
                out[last], out[j] = f"{out[last].rstrip()} {out[j].strip()}", ""
                continue
            said = rx.fullmatch(r"(\s*)(.*?)(\s\.{3,}\s*)(.*)", out[last]) if last is not None else None
            if said and out[j].strip() and not LEADER.match(out[j]) and indent_of(out[j]) < column - 3 \
                    and (out[j].strip()[0].islower() or out[j].strip()[0] == "("):
                # "Scar tenderness / pain at the      up to 1 in 4 ...; usually settles" / "base of the palm ("pillar
                # pain")   within 6 to 12 months", "(CRPS)": the row's label and value both wrapped, each in its column
                more = gap.groups() if gap and abs(gap.start(2) - column) <= 3 else (out[j].strip(), "")
                out[last] = f"{said.group(1)}{said.group(2)} {more[0].strip()}{said.group(3)}{said.group(4)} {more[1]}".rstrip()
                out[j] = ""
                continue
            if gap and not LEADER.match(out[j]) and abs(gap.start(2) - column) <= 3:
                # "Late failure (tubes rejoin after clearance)  about 1 in 2,000": a label too long for its dots
                out[j] = f"{gap.group(1)} .... {gap.group(2)}"
            elif not LEADER.match(out[j]) and 2 < column < len(out[j]) and out[j][column - 1] == " " \
                    and out[j][column] != " " and out[j][column - 2] != " " and indent_of(out[j]) < column - 3:
                # "Treatment does not heal the infection About 1 in 10. Re-treatment,": a label as wide as its column,
                # one space from its value
                out[j] = f"{out[j][:column - 1].rstrip()} .... {out[j][column:]}"
                gap = rx.fullmatch(r"(\s*\S.*?\S)\s{2,}(\S.*)", out[j])
            out[j] = rx.sub(r"(\s\.{3,}\s*)(?=\S)(.*)$", lambda m: f"{m.group(1)}{named} {' '.join(m.group(2).split())}",
                            out[j], count=1)  # ("3 mL   (240 mg)": one value, its gap no column's)
            last = j if out[j].strip() else last
    return out


def _hashes_off(lines: list[str]) -> list[str]:
    """Take "##" off a run of three or more lines marked with it in the margin (a box drawn with its left side only:
    " ## ABOUT THE CONTRAST ####" / " ## Gadolinium is a dye ..." / " ########"): read as text, the marks ran into it.
    So too "!!" down a box's side, where a line of the run holds the mark alone or a rule ("!! 3. WARNING SIGNS" /
    "!! -------" / "!!" / "!! The most important ..."): no warning's mark on each line, a box's edge."""
    # ("    ## CALL 999 if someone has severe difficulty breathing, ... or cannot ##" / "    ## speak in full sentences.
    # ##": a box's two sides and no edges, on a line of words; not a heading closed by its marks, "## Title ##")
    sided = [bool(rx.fullmatch(r"\s*##\s.*?\s##\s*", x)) for x in lines]
    runs = {k for k in range(len(lines)) if sided[k] and (len(lines[k].split()) >= 7 or k and sided[k - 1] and len(lines[k - 1].split()) >= 7
                                                          or k + 1 < len(lines) and sided[k + 1] and len(lines[k + 1].split()) >= 7)}
    lines = [rx.sub(r"^(\s*)##\s(.*?)\s*##\s*$", r"\1\2", x) if k in runs else x for k, x in enumerate(lines)]
    # ("#####" / "!!  #  WARNING SIGNS OF ANAPHYLAXIS ..." / "    #   -> swelling of the lips ..." / "#####": a box drawn
    # with its left side only, one "#" a line, between two rules of hashes)
    lines = list(lines)
    for k, line in enumerate(lines):
        if rx.fullmatch(r"\s*#{10,}\s*", line):
            j = next((j for j in range(k + 1, min(k + 40, len(lines))) if rx.fullmatch(r"\s*#{10,}\s*", lines[j])), None)
            if j and j > k + 1 and all(rx.match(r"\s*(?:!{2,3}\s+)?#(?:\s|$)", x) and not rx.search(r"\S\s*#\s*$", x)
                                       for x in lines[k + 1:j]):
                for n in range(k + 1, j):
                    lines[n] = rx.sub(r"^(\s*(?:!{2,3}\s+)?)#(\s|$)", r"\1 \2", lines[n])
    out, i = list(lines), 0
    while i < len(lines):
        j = i
        mark = rx.match(r"\s*(#{2,}|!{2,3})(?:\s|$)", lines[i])
        while mark and j < len(lines) and rx.match(r"\s*%s(?:\s|$)" % re.escape(mark.group(1)[:2]), lines[j]):
            j += 1
        drawn = mark and (mark.group(1)[0] == "#" or any(
            rx.fullmatch(r"\s*!{2,3}\s*(?:[-=_~*]{4,}\s*)?", x) for x in lines[i:j]))
        if j - i >= 3 and drawn:
            for k in range(i, j):
                bare = rx.sub(r"\s*(?:#{3,}|!{2,3})\s*$", "", rx.sub(r"^(\s*)(?:#{2,}|!{2,3})\s?", r"\1", lines[k]))
                out[k] = bare if bare.strip() else ""
        i = max(j, i + 1)
    return out


def without_margin_marks(lines: list[str]) -> list[str]:
    """Return the lines without the marks set in the margin of every line of a warning ("!! STOP TAKING LISINOPRIL
    ... IF YOU HAVE" / "!! SWELLING OF THE FACE ..."; "  >>> GO TO THE NEAREST EMERGENCY DEPARTMENT ..."): where a
    marked line runs on into the next (no sentence ends there), the marks are the warning's, not bullets (as bullets
    the sentence was cut at each line's end)."""
    # ("4.3!! Staff WITHOUT evidence ...": a warning's mark between a section's number and its words)
    lines = [rx.sub(r"^(\s*\d{1,2}(?:\.\d{1,2})+)\s*!{2,3}\s+", r"\1 ", x) for x in _hashes_off(lines)]
    out, i = list(lines), 0
    listing = False  # marked items open, each a line marked "!!" with its wrapped lines set in under it
    while i < len(lines):
        m = _MARGIN_MARK.match(lines[i])
        j = i + 1
        while m and j < len(lines) and (n := _MARGIN_MARK.match(lines[j])) and n.group(2) == m.group(2):
            j += 1
        above = i - 1
        while above > 0 and rx.fullmatch(r"\s*[#=*_~-]{5,}\s*", lines[above]):
            above -= 1  # (past a box's bottom edge: "#  ... GO TO YOUR NEAREST EMERGENCY DEPARTMENT, IF:  #" / "#####")
        lead_in = i > 0 and lines[above].strip().strip("#|").strip().endswith(":")  # "... CALL 911 IF YOU:" over "  ! faint again": bullets
        listing = listing and bool(lines[i].strip())
        # (and, once its items are open, each marked line after them: "!!  -> a temperature ..." / "!!  -> yellowing")
        # (or the marked lines under a lead-in stand each on its own: "... if you notice:" / "  !! pain ... in one leg" /
        # "  !! changes in your eyesight" / "  !! swelling of the face ...": as one warning they ran into one item)
        alone = m and (lead_in or listing) and not any(runs_on(_MARGIN_MARK.sub("", lines[k]).strip(), _MARGIN_MARK.sub(
            "", lines[k + 1]).strip()) for k in range(i, j - 1))
        if m and (j - i == 1 or alone or listing and rx.match(r"(?:-{1,3}>|=>|→|[-*•])\s", lines[i][m.end():])) \
                and m.group(2)[0] == "!" and (lead_in or listing) and j < len(lines) \
                and (_MARGIN_MARK.match(lines[j]) or indent_of(lines[j]) > len(m.group(1)) or not lines[j].strip() or listing):
            # "STOP TAKING this medicine ... if you have:" / "  !! blood in your vomit, ... -" / "     these can be
            # signs of bleeding ...;" / "  !! wheezing ...": the marks are the items' bullets (the columns stay)
            # (beside an item's own mark, "!!  -> a temperature ...", the margin's goes and the item's stays)
            mark = " " if rx.match(r"(?:-{1,3}>|=>|→|[-*•])\s", lines[i][m.end():]) else "-"
            out[i] = lines[i][:m.start(2)] + mark + " " * (len(m.group(2)) - 1) + lines[i][m.end(2):]
            listing = True
            i += 1
            continue
        # ("!! ... SOMEONE WITH  !!": the same marks in the right margin too)
        right = re.compile(r"\s+" + re.escape(m.group(2)).replace(">", "[<>]") + r"\s*$") if m else None
        bare = [right.sub("", _MARGIN_MARK.sub("", x)).strip() for x in lines[i:j]] if m else []
        # (a long line, wrapped where the page ended it, goes on in small letters: "... high fever, sweating, fast" /
        # "heartbeat, diarrhoea, ...")
        # (or the marks stand beside a list's own bullets: "!! CALL 999 ... IF YOU HAVE:" / "!!  * a temperature ...")
        # (a bullet's wrapped line set in under its text: "!!   - swelling ... urine" / "!!     (possible kidney ...)")
        inner = m and j - i >= 2 and rx.match(r"[-*•o]\s", bare[1]) and all(
            rx.match(r"[-*•o]\s", b) or _MARGIN_MARK.match(lines[i + 1 + k]).end() > _MARGIN_MARK.match(lines[i + 1]).end()
            for k, b in enumerate(bare[1:]))
        if inner:
            out[i] = right.sub("", _MARGIN_MARK.sub(r"\1", lines[i], count=1))
            for k in range(i + 1, j):  # (the mark goes, the columns stay: a wrapped line stays set in under its item)
                mark = _MARGIN_MARK.match(lines[k])
                out[k] = right.sub("", lines[k][:mark.start(2)] + lines[k][mark.end(2) + 1:])
        elif m and j - i == 1 and not lead_in and (m.group(2)[0] == "!" or m.group(2)[0] == ">" and (
                (i == 0 or not lines[i - 1].strip()) and (j == len(lines) or not lines[j].strip())
                and rx.match(r"[A-Z][A-Za-z ]{1,20}:\s", bare[0])
                # (or a label in capitals over its text set in under it: "  >> OLDER ADULTS (65 years and over)" /
                # "     Older people are more likely ...": the box's heading, no item)
                or (i == 0 or not lines[i - 1].strip()) and j < len(lines) and indent_of(lines[j]) > len(m.group(1))
                and rx.match(r"[A-Z][A-Z'’&/ -]{3,40}(?:\s+\([^()]{1,40}\))?$", bare[0]) is not None)):
            # ">>> PRO TIP: Give ...": a call-out of its own; "!! GET EMERGENCY HELP (999) IF YOU HAVE:" over its
            # list: a warning's mark, no part of its words
            out[i] = right.sub("", _MARGIN_MARK.sub(r"\1", lines[i], count=1))
            if m.group(2)[0] == ">" and j < len(lines) and indent_of(lines[j]) > len(m.group(1)) and not ":" in bare[0]:
                # (its text set in under the label comes out to the label's margin: set in, it read as items under it)
                k = j
                while k < len(lines) and lines[k].strip() and indent_of(lines[k]) > len(m.group(1)):
                    out[k] = m.group(1) + lines[k].strip()
                    k += 1
        elif m and j - i >= 2 and not lead_in and any(runs_on(bare[k], bare[k + 1]) or len(bare[k]) >= 40
                                                     and bare[k + 1][:1].islower() and not ends_sentence(bare[k])
                                                     for k in range(len(bare) - 1)):
            for k in range(i, j):
                out[k] = right.sub("", _MARGIN_MARK.sub(r"\1", lines[k], count=1))
        i = max(j, i + 1)
    return out


_SALES = re.compile(r"\b(?:shop now|buy now|check price|add to cart|order now|use code|promo code|coupon|\d+% off)\b", re.I)


def without_sales_boxes(lines: list[str], boxed: set[int]) -> list[str]:
    """Drop a box that sells ("🏆 OUR TOP PICK: PureRoot Berberine ..." / "➜ CHECK PRICE ON AMAZON   Use code ... for
    15% off"): read line by line, its product became a claim of the text, or an item of the list above it."""
    out, k = list(lines), 0
    while k < len(lines):
        if k in boxed:
            end = k
            while end + 1 in boxed:
                end += 1
            if any(_SALES.search(lines[n]) for n in range(k, end + 1)):
                out[k:end + 1] = [""] * (end + 1 - k)
            k = end + 1
        else:
            # "   >>> Our top pick: [CHECK PRICE ON AMAZON]  (third-party tested) <<<": a line of its own that sells
            if _SALES.search(lines[k]) and (k == 0 or not lines[k - 1].strip()) \
                    and (k + 1 == len(lines) or not lines[k + 1].strip()) and len(lines[k].split()) <= 20:
                out[k] = ""
            k += 1
    return out


def labels_over_blanks(lines: list[str]) -> list[str]:
    """Put a field's label back on the line of its blank, set right under it ("      Patient label / NHS number:" /
    "      ______________"): read apart, the label was a line of text with nothing to fill in."""
    out = list(lines)
    for k in range(len(lines) - 1):
        label, blank = lines[k], lines[k + 1]
        if rx.fullmatch(r"\s*[A-Z][\w /()#'-]{1,40}:\s*", label) and (m := rx.fullmatch(r"(\s*)_{4,}\s*", blank)) \
                and abs(len(m.group(1)) - indent_of(label)) <= 2:
            out[k], out[k + 1] = f"{label.rstrip()} {blank.strip()}", ""
        elif rx.fullmatch(r"\s*[A-Z][\w ,/()#'-]{1,60}:\s*", label) and indent_of(blank) > indent_of(label) \
                and in_capitals(blank.strip()) and 2 <= len(blank.split()) <= 10 and not rx.search(r"[.:!?]$", blank.strip()):
            # "Name of proposed procedure (include site and side):" / "   EXCISION OF SKIN LESION UNDER LOCAL ANAESTHETIC":
            # the field filled in, set in under its label (alone, the answer was read as a heading; a field, said as one)
            out[k], out[k + 1] = f"{' ' * indent_of(label)}- {label.strip()} {blank.strip()}", ""
    return out


def _rows_under_names(lines: list[str], k: int, row: re.Pattern, wraps: int, accept=lambda m: True) -> tuple[list, bool]:
    """Gather the rows of tick boxes under two columns' names on line k: for each row its first line, its boxes' line,
    its label (the lines it wrapped over before its boxes joined) and its match; and whether a label was left over
    with no boxes (then the lines are no such table)."""
    rows, j, label, first = [], k + 1, [], None
    while j < len(lines) and lines[j].strip():
        m = row.fullmatch(lines[j])
        if m and accept(m):
            rows.append((first if first is not None else j, j, " ".join(label + [m.group(2).strip()]), m))
            label, first = [], None
        elif not m and not rx.search(r"\[[ xX✓]?\]", lines[j]) and len(label) < wraps:
            label.append(lines[j].strip())  # a row's label wrapped before its boxes
            first = j if first is None else first
        else:
            break
        j += 1
    return rows, bool(label)


def ticked_columns_said(lines: list[str]) -> list[str]:
    """Say each row of a table of two named columns of tick boxes, one ticked a row ("CAN   CANNOT" over "Help you try
    different feeding positions   [x]   [ ]"), by the name of its ticked column: "- Can: Help you try ...". Read as
    they stood, the boxes said nothing, and a row ticked CAN read like one ticked CANNOT."""
    out = list(lines)
    row = re.compile(r"(\s*)(\S.*?\S)\s{2,}\[([ xX✓])\]\s+\[([ xX✓])\]\s*")
    ticked = lambda m: [m.group(3).strip() != "", m.group(4).strip() != ""]  # noqa: E731
    for k, line in enumerate(lines):
        head = rx.fullmatch(r"\s{12,}([A-Z][A-Za-z'’]{1,15}(?: [A-Z][A-Za-z'’]{1,15})?)\s{2,}([A-Z][A-Za-z'’]{1,15}(?: [A-Z][A-Za-z'’]{1,15})?)\s*", line)
        if not head or rx.fullmatch(r"(?i)yes|no|n/a", head.group(1)) or rx.fullmatch(r"(?i)yes|no|n/a", head.group(2)):
            continue
        rows, left_over = _rows_under_names(lines, k, row, 1, lambda m: ticked(m).count(True) == 1)
        if len(rows) < 2 or left_over or {ticked(r[3]).index(True) for r in rows} != {0, 1}:
            continue
        names = [head.group(1).capitalize(), head.group(2).capitalize()]
        # (the items one after another from the columns' names down, the lines their wrapped labels took left blank
        # after them: a blank line between two items would part the list)
        said = [f"{indent_of(lines[start]) * ' '}- {names[ticked(m).index(True)]}: {text}" for start, _, text, m in rows]
        out[k:rows[-1][1] + 1] = said + [""] * (rows[-1][1] + 1 - k - len(said))
    return out


def paired_choice_columns(lines: list[str]) -> list[str]:
    """Name each choice of a table whose two named columns each hold a question's own choices ("Morning   Evening" over
    "Can your child open the eye?   [ ] YES [ ] NO   [ ] YES [ ] NO"): "... open the eye? Morning: [ ] Yes [ ] No;
    Evening: [ ] Yes [ ] No". Read as it stood, the names were a heading and the boxes said not which was which."""
    out = list(lines)
    pair = r"\[[ xX✓]?\]\s*([A-Za-z]{2,6})\s+\[[ xX✓]?\]\s*([A-Za-z]{2,6})"
    row = re.compile(rf"(\s*)(\S.*?\S)\s{{2,}}{pair}\s{{2,}}{pair}\s*")
    for k, line in enumerate(lines):
        head = rx.fullmatch(r"\s{12,}([A-Z][A-Za-z'’]{1,15})\s{2,}([A-Z][A-Za-z'’]{1,15})\s*", line)
        if not head:
            continue
        rows, left_over = _rows_under_names(lines, k, row, len(lines))
        if len(rows) < 2 or left_over:
            continue
        said = [text + "".join(f"{'; ' if n else ' '}{name.capitalize()}: [ ] {a.capitalize()} [ ] {b.capitalize()}"
                               for n, (name, a, b) in enumerate(((head.group(1), m.group(3), m.group(4)),
                                                                 (head.group(2), m.group(5), m.group(6)))))
                for _, _, text, m in rows]
        end = rows[-1][1] + 1
        out[k:end] = [" " * indent_of(lines[k + 1]) + r for r in said] + [""] * (end - k - len(said))
    return out


_QUESTION_NUMBER = re.compile(r"\s*(?:[A-Z]?\d{1,2}(?:\.\d{1,2})?[.)]?)\s+(?=\S)")  # "B2  ", "3. ", "1.2 "


def yes_no_rows(lines: list[str]) -> list[str]:
    """Read a form's questions under "YES  NO" columns of tick boxes ("  a. Pacemaker, defibrillator or heart wire   [ ]
    [ ]") with their boxes named at the end of the question ("... heart wire: [ ] Yes [ ] No", after its wrapped line):
    read as a table they ran together, the boxes in the middle of the words. The columns' names may end a heading's
    line ("PART D - PLEASE TELL STAFF IF:      YES    NO"), dot leaders may lead to the boxes, and the questions under
    a later heading are in the same columns ("TIER 2 - ..." under "TIER 1 - ...": its boxes, no names over them)."""
    # (and what a YES leads to, in a third column: "... strong acid (e.g. battery     [ ]  [ ]  -> EMERGENCY")
    row = re.compile(r"(\s*)(\S.*?)(?:\s*\.{3,}\s*|\s+)\[([ xX])\]\s+\[([ xX])\](?:\s+(?:-{1,3}>|=>|→)?\s*(\S.*?))?\s*")
    # ("... direct pressure?   [ ]->E   [ ]": what a YES leads to, written against its box; its third column)
    lines = [rx.sub(r"\[([ xX])\]\s*(?:-{1,3}>|=>|→)\s*(\S{1,12})\s+\[([ xX])\]\s*$", r"[\1]   [\3]   -> \2", x) for x in lines]
    # ("SERIOUS OR FREQUENTLY OCCURRING RISKS          Please tick" / "               when discussed": a tick column's
    # name at the far right of a heading, no words of it)
    lines = [rx.sub(r"(?i)(?:^|\s{8,})(?:please tick(?: (?:if|when) discussed)?|tick (?:if|when) discussed|when discussed|"
                    r"discussed)\s*$", "", x) if (len(x) - len(x.lstrip()) >= 8 or rx.search(r"\S\s{8,}\S", x))
             and not _STAFF_TICKS.search(x) else x for x in lines]  # ("Tick if discussed": the staff's boxes, said so below)
    # ("Please tick each box:          YES": one column of boxes named at the far right of its lead-in, no word of it)
    lines = [rx.sub(r"(?<=:)\s{8,}(?:YES|Yes|AGREE|Agree|TICK|Tick)\s*$", "", x) for x in lines]
    # ("... now FULLY recovered?     [ ] | [ ]" under "... WITHIN 24 HOURS     YES | NO": the columns parted by a bar)
    # (not a table drawn with bars, its boxes in cells of their own: "| A1 | Is the patient ... | [ ] | [ ]")
    lines = [rx.sub(r"\[([ xX])\]\s*\|\s*\[([ xX])\]\s*$", r"[\1]   [\2]",
                    rx.sub(r"(?<=\S)\s{2,}(YES|Yes)\s*\|\s*(NO|No)\s*$", r"    \1   \2", x)) if x.count("|") == 1 else x
             for x in lines]
    for k in range(2, len(lines)):
        # ("B2  Does the child have a known bleeding disorder, liver" / "    disease, or take aspirin, ... a blood" /
        # "    thinner?      [  ]   [  ]": a question over three lines, its number's line two above its boxes)
        m = row.fullmatch(lines[k])
        label = _QUESTION_NUMBER.match(lines[k - 2])
        if m and label and "[" not in lines[k - 2] + lines[k - 1] and lines[k - 1].strip() \
                and indent_of(lines[k - 1]) == indent_of(lines[k]) == label.end() \
                and not ends_sentence(lines[k - 2].strip()) and not ends_sentence(lines[k - 1].strip()):
            # (the number's line, now two lines, over the boxes' line)
            lines[k - 2], lines[k - 1] = "", f"{lines[k - 2].rstrip()} {lines[k - 1].strip()}"
    for k in range(1, len(lines)):
        # "  3. Bleeding has not stopped after 2 attempts of 10-15 minutes" / "     of firm, continuous pressure?   [ ]
        # [ ]": a question wrapped before its boxes, said on its first line (apart, each half was a question)
        m = row.fullmatch(lines[k])
        above = lines[k - 1]
        # (not a lettered item, "a) gastroscopy with ...", under the columns' names: a question of its own)
        # ("I agree to tissue samples being stored ..." / "(this will not affect my care if I say no) ...  [ ]  [ ]": a
        # note in brackets carries the question on, set in or not)
        noted = m is not None and m.group(2)[:1] == "(" and indent_of(above) <= indent_of(lines[k])
        # ("A4  Is there ANY chance the child has swallowed a BUTTON" / "    BATTERY or magnet, ...?   [  ]   [  ]": set in
        # where the question's words start, under its number, the line goes on with it whatever its first letter)
        label = _QUESTION_NUMBER.match(above)
        under = m is not None and label is not None and indent_of(lines[k]) == label.end() and not ends_sentence(above.strip()) \
            and not rx.search(r"\s{2,}(?:YES|Yes|NO|No|N/A)\s*$", above)  # (not a section's line over the columns' names)
        if m and (m.group(2)[:1].islower() and not rx.match(r"[a-z][.)]\s", m.group(2)) or noted or under) and above.strip() \
                and "[" not in above \
                and not LEADER.match(above) and not rx.search(r"\s{3,}(?:YES|Yes|DISCUSSED|Discussed|GIVEN|DONE)\s{2,}\S+\s*$", above) \
                and (indent_of(above) < indent_of(lines[k]) or noted or under) and not above.rstrip().endswith((".", ":")):
            lines[k - 1] = f"{above.rstrip()} {m.group(2)}   [{m.group(3)}]   [{m.group(4)}]" + (
                f"   -> {m.group(5)}" if m.group(5) else "")  # (and what a YES leads to)
            lines[k] = ""
    out, i = list(lines), 0
    names = None  # the columns' names, once a head has named them
    while i < len(lines):
        # (a name over the columns may stand before them: "6. FOLLOW-UP     GIVEN?  YES   NO")
        head = rx.fullmatch(r"(\s*\S.*?\S)?(\s{2,})(?:[A-Z][A-Za-z]*\?\s{2,})?(YES|Yes|DISCUSSED|Discussed|GIVEN|Given|DONE|Done)"
                            r"\s{2,}(NO|No|N/A|n/a|NOT DONE|Not done)"
                            r"(?:\s{2,}(?:IF YES|If yes|ACTION|Action|THEN|Then)\b[\w ,]*)?\s*", lines[i])
        # (two spaces are gap enough after a heading in capitals: "SECTION B - SAME DAY: face-to-face ... 4 hours  YES
        # NO"; after words in small letters, four: "... do you smoke?  YES  NO" is a question's answers)
        if head and (len(head.group(2)) >= 4 or head.group(1) and in_capitals(head.group(1).split(":")[0])) \
                and (head.group(1) is None or len(lines[i]) - len(head.group(1)) >= 8):
            names = tuple(n if n.upper() == "N/A" else n.capitalize() for n in head.group(3, 4))
            # ("Question    YES   NO": the first column's name says only what its rows are; as a heading it took the
            # place of the step's own, "STEP 2 - RED FLAG QUESTIONS (ask ALL; any YES = TIER 1)")
            out[i] = "" if not head.group(1) or rx.fullmatch(r"\s*(?:questions?|symptoms?|signs?|items?|check)\s*", head.group(1), re.I) \
                else head.group(1)
            if i + 1 < len(lines) and rx.fullmatch(r"\s*-{3,}(?:\s+-{3,})*\s*", lines[i + 1]):
                out[i + 1] = ""  # ("-------   -----   -----" under the columns' names: their ruler, no text)
            staff = _STAFF_TICKS.search(lines[i]) or i and _STAFF_TICKS.search(lines[i - 1])
            if staff:
                # "5. WHEN TO GET HELP     Tick if discussed" over "YES  NO": the staff's record that they said it, no
                # question for the reader (beside a warning sign, the boxes read as "do you have it?")
                names = _STAFF
                out[i - 1 if not head.group(1) else i] = _STAFF_TICKS.sub("", out[i - 1 if not head.group(1) else i])
            i += 1
            continue
        if not row.fullmatch(lines[i]):
            i += 1
            continue
        k, boxes, first = i, None, None  # the question open, its boxes, and its first line
        while k < len(lines) and lines[k].strip():
            m = row.fullmatch(lines[k])
            # (a line as far in as the row above, once that row has its boxes, is the next question, not more of it)
            # (a numbered line is the next question: " 8. Have you EVER had metal ..." after " 7. Joint ... [ ] [ ]")
            if m or boxes is None or indent_of(lines[k]) <= indent_of(lines[k - 1]) - (
                    0 if row.fullmatch(lines[k - 1]) and rx.match(r"\s*I [a-z]", lines[k]) else 1) \
                    or NUMBERED.match(lines[k]) \
                    or "__" in lines[k] or "[" in lines[k] or BULLET.match(lines[k]):
                # ("First day of last period: ___  [ ] Postmenopausal": a field; "  * a temperature of 38 C ...": an item)
                if boxes is not None:
                    out[first] = _boxes_named(out[first], boxes, names)
                if not m:
                    boxes = None
                    break
                out[k], boxes, first = f"{m.group(1)}{' '.join(m.group(2).split())}", m.group(3, 4, 5), k
            else:
                # a line of the question set in under it: on the question's line (left apart, the line was read as
                # an item of its own or a lead-in: '... or change in a long-standing' / '"smoker's cough" ...')
                out[first], out[k] = f"{out[first]} {lines[k].strip()}", ""
            k += 1
        if boxes is not None:
            out[first] = _boxes_named(out[first], boxes, names)
        i = max(k, i + 1)
    return out


_STAFF_TICKS = re.compile(r"\s{3,}\(?tick (?:if|when|once) (?:discussed|explained|given|done|completed|reviewed|"
                          r"covered)\)?\s*$", re.I)
_STAFF = ("", "(staff)")  # the columns of a staff's ticks: no boxes said


def _boxes_named(line: str, boxes: tuple, names: tuple[str, str] | None) -> str:
    """Return a question's last line with its two tick boxes after it, named where the columns were named (none after
    a line whose boxes are the staff's)."""
    if names is _STAFF:
        return line.rstrip()
    yes, no = names or ("", "")
    then = f" (if yes: {boxes[2]})" if len(boxes) > 2 and boxes[2] else ""  # ("-> EMERGENCY": where a YES sends the caller)
    said = line.rstrip().rstrip(":")
    # (no "? :", and no ".:" after a statement: "I agree to the procedure described on this form. [ ] Yes [ ] No")
    return f"{said}{'' if said.endswith(('?', '.')) else ':'} [{boxes[0]}] {yes} [{boxes[1]}] {no}".rstrip() + then


def stacked_options(lines: list[str]) -> list[str]:
    """Put a form's tick boxes stacked under its first one back on its line ("Side(s) repaired:  [ ] Left" /
    "                  [ ] Right" / "                  [ ] Both"): read apart, the options became a checklist."""
    out = list(lines)
    anchor = None  # the line the options stand on, and the column of its first box
    for i, line in enumerate(lines):
        # (an option of a few words, a note in brackets after it, or two boxes on the line: "[ ] 200 units (neurogenic
        # detrusor overactivity)", "[ ] Sedation     [ ] General anaesthetic")
        m = rx.fullmatch(r"(\s*)\[[ xX]\]\s+\S+(?:\s\S+){0,5}(?:\s+\([^()]{1,50}\))?"
                         r"(?:\s{2,}\[[ xX]\]\s+\S+(?:\s\S+){0,2})*\s*", line)
        if m and anchor is not None and len(m.group(1)) == anchor[1]:
            out[anchor[0]] = f"{out[anchor[0]].rstrip()}  {line.strip()}"
            out[i] = ""
            continue
        box = line.find("[ ]")
        anchor = (i, box) if box > 0 and line[:box].strip() else None
    return out


def unboxed_lines(lines: list[str], boxed: set[int] | None = None) -> list[str]:
    """Return the lines without the boxes drawn around some of them. Inside a box (under its top edge) a side is a side
    even where the line holds a "|" of its own ("| SUGARFREE20) | Precision Xtra meter | MCT Oil Powder    |"), and
    a box of stars has stars for sides ("* WARNING: IF YOU TAKE AN SGLT2 INHIBITOR ...   *")."""
    out, in_box = [], False
    name = None  # the name on a box's top edge, for its first line
    columns = re.compile(r"\S\s{2,}\S.*\S\s{2,}\S")  # a line of three cells or more
    for k, line in enumerate(lines):
        named = _NAMED_EDGE.fullmatch(line)  # "+------- BOX A -------+": a box's top edge with its name in it
        edge = bool(BOX_EDGE.fullmatch(line) or STAR_RULE.fullmatch(line) or named)
        side = in_box and not edge and (m := _BOXED_LINE.fullmatch(line))
        if named:
            out.append("")
            name, in_box = named.group(2) or named.group(3), True
            continue
        if name and side:
            # (its name leads its first line in: "BOX A: TETANUS - animal bites ...", which the text names: "see Box A")
            m = _BOXED_LINE.fullmatch(line.replace(m.group(2), f"{name}: {m.group(2)}", 1))
        name = name if not line.strip() or edge else None
        if not in_box and rx.fullmatch(r"\s*-{5,}\s*", line) and 0 < k < len(lines) - 1 \
                and columns.search(lines[k - 1]) and columns.search(lines[k + 1]):
            # "Category   Points   Estimated ..." / "-------------" / "TR1 Benign   0   about 0.3% ...": a table's
            # ruler drawn across, under its header (as a rule it cut the header from its rows)
            out.append(line)
            continue
        if not in_box and rx.fullmatch(r"\s*-{3,}(?:\s+-{3,})+\s*", line) and 0 < k < len(lines) - 1 \
                and rx.search(r"\S\s{2,}\S", lines[k - 1]) and rx.search(r"\S\s{2,}\S", lines[k + 1]):
            # "Risk        How often" / "----------- ----------": a run of dashes under each column's name is the
            # table's ruler (as a rule it cut the header from its rows, and the header became a heading)
            out.append(line)
            continue
        if _TABLE_RULER.fullmatch(line):
            # "|-------|-------|" (a grid's "+---+---+"): a table's rows are between such rulers, and their "|" are
            # the table's, no box's sides ("| Stinger | If a bee sting left ... |" had lost its first "|")
            out.append(line)
            in_box = False
            continue
        said = _dots_blank(m.group(2)) if side else _unboxed(line)
        if side and (bangs := rx.fullmatch(r"!{1,3}\s+([A-Z][A-Z0-9 ,&/'’()-]{2,60}?)\s*!{0,3}", said.strip())) \
                and len(bangs.group(1).split()) <= 8:
            said = bangs.group(1)  # "|  !! IMPORTANT - DIARRHOEA   |": the box's name, its marks no word of it
        out.append(said)
        if boxed is not None and (side or BOX_SIDES.fullmatch(line) and not edge):
            boxed.add(len(out) - 1)
        in_box = edge or bool(side) or in_box and bool(BOX_SIDES.fullmatch(line))
        if not line.strip():
            in_box = False
    return out


_TABLE_RULER = re.compile(r"\s*\|(?:[-=:]{2,}\|){2,}\s*")
# (or drawn with "#": "## SMOKING ######" over "#  Smokers have ...  #")
_NAMED_EDGE = re.compile(r"(\s*)(?:[+┌╔][-=─═]{3,}\s+([A-Z][\w &/'’-]{0,40}?)\s+[-=─═]{3,}[+┐╗]|#{2,}\s+([A-Z][\w &/'’-]{0,40}?)\s+#{5,})\s*")
_BOXED_LINE = re.compile(r"\s*(\|\||##|[|│║*#=])\s(.*?)(?:\s+|(?<=[.!?]))\1\s*")  # ("||  ... ||", "## ... ##": sides drawn double)  # ("# ... 48 HOURS.#": a side at the stop)


def _dots_blank(line: str) -> str:
    """Return a line with the dots after a label as the blank they are ("Child's name: ..........  DOB: ____" ->
    "Child's name: ____  DOB: ____"): read as dot leaders they joined the label to the next field."""
    return rx.sub(r"(?<=:)\s*\.{4,}(?:\s*\.+)*", " ____", line)


def _unboxed(line: str) -> str:
    """Return a line of text drawn in a box without the box ("| * Vitamin D may ...   |" -> "* Vitamin D may ...");
    the box's top and bottom edges become blank lines."""
    if BOX_EDGE.fullmatch(line) or STAR_RULE.fullmatch(line):
        return ""
    if ruled := rx.fullmatch(r"(\s*)(?:={3,}|#{3,}|~{3,}|-{3,})\s+(\S.*?\S)\s+(?:={3,}|#{3,}|~{3,}|-{3,})\s*", line):
        return ruled.group(1) + ruled.group(2)  # "=== PART A: TO BE COMPLETED ... =====": a heading between rules
    line = _dots_blank(line)
    # "Emergency services ........ 911": dot leaders join a label to its value, as a colon does.
    # (three dots too, before a short value at the line's end: "Cough/cold and sleep aids ... 5 days")
    # (a table's first cell with dots to the next column keeps its place: "Day 2-3 ........  Children's Dressing Clinic
    # Wound check": the columns stay where they line up)
    line = rx.sub(r"(?<=\S)(?:\s*\.{4,}\s*|\s\.{3}\s+(?=\S[^.]{0,30}$))(?=\S)",
                  lambda m: ":" + " " * (len(m.group()) - 1) if rx.search(r"\s{2,}$", m.group()) and rx.search(
                      r"\S\s{2,}\S", m.string[m.end():]) else ": ", line)
    m = BOX_SIDES.fullmatch(line)
    return m.group(1) if m and "|" not in m.group(1) else line


_TWO_COLUMN_HEAD = re.compile(r"(\s*)([A-Z][A-Z'’]+(?: [A-Z'’]+){0,4})\s{4,}([A-Z][A-Z'’]+(?: [A-Z'’]+){0,4})\s*")  # "DO     DON'T"


_GRID_EDGE = re.compile(r"\s*\+-{3,}\+-{3,}\+\s*")  # "+------+------+": a two-column grid's ruler
_GRID_ROW = re.compile(r"(\s*)\|(.*?)\|(.*?)\|\s*")


def gridded_lists(lines: list[str]) -> list[str]:
    """Read a grid of two columns whose names lead into lists ("| CALL 111 or your GP (same day) if: | CALL 999 or go
    to A&E if: |" over cells of "- ..." items, wrapped) as two lists, each under its lead-in: read as rows, the items
    of both ran together, the 111 signs with the 999 ones, and a wrapped item's end started the next row."""
    out = list(lines)
    k = 0
    while k < len(lines):
        head = _GRID_ROW.fullmatch(lines[k + 1]) if _GRID_EDGE.fullmatch(lines[k]) and k + 2 < len(lines) else None
        if not (head and head.group(2).strip().endswith(":") and head.group(3).strip().endswith(":")
                and _GRID_EDGE.fullmatch(lines[k + 2])):
            k += 1
            continue
        j, columns = k + 3, ([], [])
        while j < len(lines) and (row := _GRID_ROW.fullmatch(lines[j])):
            for cell, items in zip(row.group(2, 3), columns):
                if rx.match(r"\s*[-*•]\s", cell):
                    items.append(rx.sub(r"^\s*[-*•]\s+", "", cell).strip())
                elif cell.strip() and items:
                    items[-1] += " " + cell.strip()  # (an item's wrapped line, set in under it)
                elif cell.strip():
                    break
            else:
                j += 1
                continue
            break
        if j >= len(lines) or not _GRID_EDGE.fullmatch(lines[j]) or not all(columns):
            k += 1
            continue
        indent = head.group(1)
        said = [indent + head.group(2).strip(), *(f"{indent}  - {x}" for x in columns[0]), "",
                indent + head.group(3).strip(), *(f"{indent}  - {x}" for x in columns[1])]
        if len(said) <= j + 1 - k:
            out[k:j + 1] = said + [""] * (j + 1 - k - len(said))
        k = j + 1
    return out

def two_column_lists(lines: list[str]) -> list[str]:
    """Say a two-column list under two names in capitals ("WE CAN ACCEPT        WE CANNOT ACCEPT" / "o  unopened boxes
    and bags      o  opened or damaged packets" ...; "DO     DON'T") as two lines, each column's items after its
    name: read across, each line held a thing to do and one not to do ("bag items before moving them spray rubbing
    alcohol"). A cell's wrapped line carries its item on; a bullet, or a line after one that ends a phrase, starts
    the next."""
    out, k = list(lines), 0
    while k < len(lines):
        head = _TWO_COLUMN_HEAD.fullmatch(lines[k])
        if not head or k + 1 < len(lines) and rx.fullmatch(r"\s*-{3,}\s+-{3,}\s*", lines[k + 1]):
            # ("MEDICINE    POSSIBLE EFFECT" over "-------   -------": a table's header and ruler, each row one thing)
            k += 1
            continue
        left, right = head.start(2), head.start(3)
        columns: tuple[list[str], list[str]] = ([], [])
        j = k + 1
        while j < len(lines) and lines[j].strip() and len(lines[j]) - len(lines[j].lstrip()) >= left - 2 \
                and (len(lines[j]) <= right or lines[j][right - 2:right].strip() == ""):
            for n, cell in enumerate((lines[j][:right], lines[j][right:])):
                cell = cell.strip()
                if not cell:
                    continue
                bullet = rx.match(r"(?:[o*•-])\s+(.*)", cell)
                items = columns[n]
                if items and not bullet and (cell[:1].islower() and runs_on(items[-1], cell) or items[-1].endswith("'s")
                                             or rx.search(r"[,(]$|\b(?:and|or|of|in|the|a|to|it|they|unless)$", items[-1])):
                    items[-1] = f"{items[-1]} {cell}"
                else:
                    items.append(bullet.group(1) if bullet else cell)
            j += 1
        if j - k >= 3 and all(columns):
            names = (head.group(2), head.group(3))
            out[k] = f"{head.group(1)}{names[0]}: {'; '.join(c.rstrip(';.') for c in columns[0])}."
            out[k + 1] = f"{head.group(1)}{names[1]}: {'; '.join(c.rstrip(';.') for c in columns[1])}."
            for n in range(k + 2, j):
                out[n] = ""
        k = max(j, k + 1)
    return out


_ONE_BOX_ROW = re.compile(r"(\s*)(\S.*?)(?:\s*\.{3,}\s*|\s{2,}|:\s+)\[([ xX])\]\s*")  # "Vomiting or diarrhoea ....... [ ]"


def one_box_column(lines: list[str]) -> list[str]:
    """Read signs with one column of tick boxes under its name set far right ("YES - go to ED / call 999" over
    "Temperature of 38.0 C or higher ........ [ ]" ...) as a checklist under that name: read as text, the name was a
    heading and each sign ended in a box."""
    out, k = list(lines), 0
    while k < len(lines):
        head = rx.fullmatch(r"\s{20,}(\S.{2,60}?)\s*", lines[k])
        j = k + 1
        while head and j < len(lines) and (m := _ONE_BOX_ROW.fullmatch(lines[j])) and "[ ]" not in m.group(2):
            j += 1
        if head and j - k >= 3 and not rx.search(r"[.!?:]$", head.group(1)):
            indent = _ONE_BOX_ROW.fullmatch(lines[k + 1]).group(1)
            out[k] = f"{indent}{head.group(1)}:"
            for n in range(k + 1, j):
                m = _ONE_BOX_ROW.fullmatch(lines[n])
                out[n] = f"{m.group(1)}[{m.group(3)}] {m.group(2)}"
        k = max(j, k + 1)
    return out


def marked_subheadings(lines: list[str]) -> list[str]:
    """Take the "> " off a short label at the margin over text set in under it ("> Fasciectomy" / "  The diseased
    tissue is removed ..."): the option's name, a heading of its own (read as a quote, it ran into its text)."""
    out = list(lines)
    for k, line in enumerate(lines[:-1]):
        m = rx.fullmatch(r"(\s?)>\s+([A-Z][^.!?:;,]{1,80}?)\s*", line)
        if m and len(m.group(2).split()) <= 10 and lines[k + 1].strip() \
                and indent_of(lines[k + 1]) > len(m.group(1)) + 1 and not lines[k + 1].lstrip().startswith(">"):
            out[k] = m.group(1) + m.group(2)
    return out


def arrowed_items(lines: list[str]) -> list[str]:
    """Read lines marked "> " and set in under a lead-in ("... the same day if:" / "     > your stoma turns dusky
    purple ..." / "     > you have bleeding ...") as a list's items: at a line's start with no indent, "> " quotes;
    set in under a lead-in it marks items, their wrapped lines set in under their text."""
    out: list[str] = list(lines)
    listing: int | None = None  # the items' indent, while a list of them runs
    for k, line in enumerate(lines):
        m = rx.match(r"(\s{2,})>\s+(?=\S)", line) or (
            # (at the margin too, two or more under a lead-in: "Contact your GP ... if:" / "> pain is stopping you ...")
            rx.match(r"()>\s+(?=\S)", line) if (listing is not None or _after_lead_in(lines, k)) and any(
                rx.match(r">\s+\S", x) for x in lines[k - 1:k] + lines[k + 1:k + 2]) else None)
        # (or two such lines set in alike, one wrapped under the other: "  > Avoid strenuous activity ..." / "    for
        # more than 1 hour ..." / "  > You may apply an ice pack ...", under a heading)
        if m and (listing is not None or _after_lead_in(lines, k)
                  or (j := next_row(lines, k, len(m.group(1)))) < len(lines) and lines[j].startswith(m.group(0))):
            out[k] = f"{m.group(1)}- {line[m.end():]}"
            listing = len(m.group(1))
        elif listing is not None and (not line.strip() or indent_of(line) <= listing):
            listing = None
    return out


def starred_runs(lines: list[str]) -> list[str]:
    """Set out a line of short names parted by stars or dots under a lead-in ("... if vomiting, and restart ...:" /
    "   Sulfonylureas * ACE inhibitors * Diuretics * Metformin" / "   * SGLT2 inhibitors") one a line, as the list
    it is (read as one line, it was taken for a heading, and the lead-in led into nothing)."""
    out = list(lines)
    for k, line in enumerate(lines):
        if starred_run(line.strip()) and _after_lead_in(lines, k) and not BULLET.match(line):
            out[k] = f"{' ' * indent_of(line)}- {line.strip()}"  # an item, each of its names one (see list_blocks)
    return out


_CONTENTS_IN_A_LINE = re.compile(r"\s*(?:what is in this (?:leaflet|booklet|sheet)|in this (?:leaflet|booklet)|contents)"
                                r"\s*:?\s+1[.)]\s+\S", re.I)


def without_contents_lines(lines: list[str]) -> list[str]:
    """Return the lines without a leaflet's contents said in a line ("WHAT IS IN THIS LEAFLET: 1. Uses  2. How to
    take ..." / "6. Patient Alert Card"): a printed page's guide to its own sections. Read as text, its last item,
    wrapped onto a line of its own, became a list of one."""
    out = list(lines)
    for k, line in enumerate(lines):
        if rx.fullmatch(r"\s*(?:on this page|in this (?:article|page|section)|page contents|jump to|in this (?:guide|article|post|page),? "
                        r"(?:we(?:'ll| will)|you(?:'ll| will))\s+(?:cover|learn|find|look at|discuss|explain)(?: about)?)\s*:?\s*", line, re.I):
            # "On this page" / "  - What is it?  - Symptoms  - Treatment": a web page's links to its own sections
            # ("In this guide we'll cover:" / "  >> What fenugreek is" / "  >> What the research says (spoiler: it's
            # complicated!)": its sections said as a list, no claim)
            j = k + 1
            # ("On this page" / "  1. Check if it's a cold sore   2. Treating it yourself ...": numbered, several a line)
            while j < len(lines) and (rx.fullmatch(r"\s*(?:(?:[-*•>]|>>|->|→)\s+[^.!:;]{1,60}?\s*)+",
                                                   rx.sub(r"\s*\([^()]*\)", "", lines[j]))
                                      or rx.fullmatch(r"\s*(?:\d{1,2}[.)]\s+[^.!?:]{1,40}?(?:\s{2,}|\s*$)){2,6}", lines[j])):
                j += 1
            if j > k + 1 and (j == len(lines) or not lines[j].strip() or rx.fullmatch(r"\s*[-=_*~]{5,}\s*", lines[j])):
                out[k:j] = [""] * (j - k)  # (all of the links, or none: a line that is no link ends no such run)
            continue
        if rx.match(r"\s*(?:jump to|on this page|skip to)\s*:", line, re.I) and line.rstrip().endswith("|") \
                and k + 1 < len(lines) and "|" in lines[k + 1] and indent_of(lines[k + 1]) > indent_of(line):
            # "JUMP TO:  What is colostrum? | The science | Who should avoid it |" / "          Athletes | Top picks | FAQ":
            # a bar of links to the page's own parts, wrapped (read apart, its second line was a heading)
            out[k] = out[k + 1] = ""
            continue
        if rx.fullmatch(r"\s*(?:contents|page contents|what is in this (?:leaflet|page|booklet)|in this (?:leaflet|booklet))\s*:?\s*",
                        line, re.I):
            # "What is in this leaflet" / "  1. What Trimethoprim is   2. Before you take it   3. How ..." / "  4. ...": the
            # sections named on lines of their own, several a line (read as text, they ran into a list with colons)
            j = k + 1
            while j < len(lines) and rx.fullmatch(r"\s*(?:\d{1,2}[.)]\s+[^.!?:]{1,40}?\s*){1,6}", lines[j]) \
                    and len(rx.findall(r"(?:^|\s{2,})\d{1,2}[.)]\s", lines[j])) >= 2:
                j += 1
            if j > k + 1:
                out[k:j] = [""] * (j - k)
            continue
        if not _CONTENTS_IN_A_LINE.match(line) or ends_sentence(line.strip()):
            continue
        out[k] = ""
        j = k + 1
        while j < len(lines) and rx.fullmatch(r"\s*(?:\d{1,2}[.)]\s+[^.!?]{1,40}?\s*)+", lines[j]):
            out[j] = ""  # ("6. Patient Alert Card": the rest of the contents, wrapped)
            j += 1
    return out


def _run(lines: list[str], k: int) -> list[str]:
    """Return the lines from k up to the next blank line."""
    j = k
    while j < len(lines) and lines[j].strip():
        j += 1
    return lines[k:j]


def starred_notes(lines: list[str]) -> list[str]:
    """Read notes set between "** " and " **" ("  ** If you answered YES to question 1, tell the doctor ..." /
    "     may be used instead. **") as a list's items: left in, the stars ran into the text ("instead. ** ** A YES")."""
    out: list[str] = list(lines)
    open_note = False
    for k, line in enumerate(lines):
        m = rx.match(r"(\s*)\*\*\s+(?=[^\s*])", line)
        if m and not any(rx.search(r"\S\s+\*\*\s*$", x) for x in _run(lines, k)):
            m = None  # "** Oxycodone can cause ...": a note's mark, its note unclosed (notes.py says where it goes)
        if m:
            out[k] = f"{m.group(1)}*  {line[m.end():]}"
            open_note = True
        if open_note and rx.search(r"\S\s+\*\*\s*$", out[k]):
            out[k] = rx.sub(r"\s+\*\*\s*$", "", out[k])
            open_note = False
        elif open_note and not line.strip():
            open_note = False
    return out


def _after_lead_in(lines: list[str], k: int) -> bool:
    """Tell whether line k follows a lead-in ("... if any of the following apply to you:"), a blank line between."""
    j = k - 1
    while j >= 0 and not lines[j].strip() and k - j <= 2:
        j -= 1
    return j >= 0 and lines[j].rstrip().endswith(":")


def without_tear_off_tabs(lines: list[str]) -> list[str]:
    """Return the lines without a flyer's tear-off tabs: rows of the same cell said three times or more across the
    page ("Gentle Hearts | Gentle Hearts | Gentle Hearts", "(555) 302-4410 | (555) 302-4410 | ..."), cut apart by
    hand. Read as text, each tab was said five times in one heading or paragraph."""
    out = list(lines)
    for k, line in enumerate(lines):
        cells = [" ".join(c.split()) for c in line.split("|")]
        if len(cells) >= 3 and cells[0] and len(set(cells)) == 1:
            out[k] = ""
    return out


_LABEL_AND_VALUE = re.compile(r"(\s*)([A-Z][\w /&'’-]{1,30}):(\s{2,})(\S.*)")


def label_columns(lines: list[str]) -> list[str]:
    """Say a label's values set one under another in its value's column ("Facilitators:  Maria Delgado, RN (nurse)" /
    "               Rev. Thomas Okafor (chaplain)" / "               Two trained parent volunteers") on its line,
    parted by semicolons: read as one wrapped line, the names ran together ("(nurse) Rev. Thomas")."""
    out = list(lines)
    for k, line in enumerate(lines):
        m = _LABEL_AND_VALUE.fullmatch(line)
        if not m:
            continue
        column = len(m.group(1)) + len(m.group(2)) + 1 + len(m.group(3))
        values, j = [m.group(4).strip()], k + 1
        while j < len(lines) and lines[j].strip() and indent_of(lines[j]) == column and lines[j].strip()[0].isupper() \
                and not rx.search(r"[,;(]$|\b(?:and|or|the|a|of|to|with)$", values[-1]):
            values.append(lines[j].strip())
            j += 1
        # (three or more, none a field of its own: "Where: Maple Room, Lower Level, Cedar Valley" / "Children's Hospital
        # ..." / "Parking: Garage B" is an address wrapped, then a field, which the fields' reading says apart)
        if len(values) >= 3 and not any(rx.match(r"[A-Z][\w /&'’-]{1,30}:\s", v) for v in values[1:]):
            out[k] = f"{m.group(1)}{m.group(2)}: {'; '.join(values)}"
            out[k + 1:j] = [""] * (j - k - 1)
    return out


def lettered_aids(lines: list[str]) -> list[str]:
    """Set out a memory aid's lines ("B - Balance: sudden loss of balance" / "E - Eyes: ..." / "F - Face drooping on one
    side" / ...), three or more in a row, each opening on one capital letter and a dash, as a list's items: read line
    by line, those with no colon or full stop were taken for headings, and the signs under them were lost. So too
    people named with their roles, two or more set in ("Meera Kallingal - accredited fertility counsellor" / "Owen
    Threlfall  - volunteer peer supporter ..."): the first had become a heading over the second."""
    out = list(lines)
    for line_shape, fewest in ((_AID_LINE, 3), (_NAMED_ROLE, 2)):
        run: list[int] = []
        for k, line in enumerate([*lines, ""]):
            if line_shape.match(line):
                run.append(k)
                continue
            if len(run) >= fewest and all(b - a == 1 for a, b in zip(run, run[1:])):
                for j in run:
                    out[j] = f"{' ' * indent_of(lines[j])}- {lines[j].strip()}"
            run = []
    return out


_AID_LINE = re.compile(r"\s*[A-Z]\s+[-–—]\s+[A-Z][a-z]")
_NAMED_ROLE = re.compile(r"\s+[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}\s+[-–—]\s+[a-z]")  # "   Owen Threlfall  - volunteer ..."


def numbers_wrapped_back(lines: list[str]) -> list[str]:
    """Move a number that a line's last word wants back onto that line ("... or are under" / "25. If you have these
    thoughts ..."; "... by a doctor within" / "     2 hours. Usually refer to ..."): at the next line's start it was
    read as a list's number, or as a line of its own, and the sentence lost its age or its time."""
    out = list(lines)
    for k in range(1, len(lines)):
        before = out[k - 1].rstrip()
        m = _NUMBER_WRAPPED.match(lines[k])
        if m and _WANTS_A_NUMBER.search(before) and not ends_sentence(before.strip()):
            out[k - 1] = f"{before} {m.group(2)}"
            out[k] = f"{m.group(1)}{lines[k][m.end():]}"
    return out


# "under" / "25. If ...", "within" / "2 hours. Usually ...": a number and its unit, to the first stop, then more text
_WANTS_A_NUMBER = re.compile(r"\b(?:under|over|than|aged|age|within|least|most|about|around|every|after|before|up to)$", re.I)
_NUMBER_WRAPPED = re.compile(r"(\s*)(\d{1,4}(?:[.,]\d+)?(?: ?[a-z%]{1,8}){0,2}[.,;])\s+(?=[A-Z])")


def columns_ruled(lines: list[str]) -> list[str]:
    """Cut a ruler drawn the whole width under a table's column names ("Age of child    Dose of amoxicillin    125 mg/5 ml
    suspension    250 mg/5 ml suspension" / "......................") into one run under each name, as a ruler under
    columns is drawn, and take away the same rule framing the table above its names and under its rows: read as
    one rule, the names ran into a line of text and each row's values lost the column they are in."""
    out = list(lines)
    for k in range(1, len(lines) - 1):
        if not _WHOLE_RULE.fullmatch(lines[k]) or LEADER.match(lines[k + 1]) or not lines[k + 1].strip():
            continue
        names = [m.span() for m in rx.finditer(r"\S+(?: \S+)*", lines[k - 1])]
        cells = {m.start() for m in rx.finditer(r"(?<=\s{3})\S", lines[k + 1])}  # where the first row's later cells start
        if len(names) < 3 or _WHOLE_RULE.fullmatch(lines[k - 1]) or any(b - a < 3 for (_, a), (b, _) in zip(names, names[1:])) \
                or not any(abs(start - c) <= 2 for start, _ in names[1:] for c in cells) or rx.search(r"\[[ xX✓]*\]", lines[k + 1]):
            continue  # (the row's cells stand under the names: no form's line under a rule; rows of tick boxes under
            # "YES  NO  N/A" are a form's, read by the tick-box passes)
        ruler = [" "] * names[-1][1]
        for a, b in names:
            ruler[a:b] = "-" * (b - a)
        out[k] = "".join(ruler)
        if k >= 2 and _WHOLE_RULE.fullmatch(lines[k - 2]):
            out[k - 2] = ""  # the frame over the names
        end = next((j for j in range(k + 1, len(lines)) if not lines[j].strip() or _WHOLE_RULE.fullmatch(lines[j])), None)
        if end is not None and _WHOLE_RULE.fullmatch(lines[end]):
            out[end] = ""  # the frame under the rows
    return out


_WHOLE_RULE = re.compile(r"\s*(?:-{20,}|\.{20,}|={20,})\s*")

