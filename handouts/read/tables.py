"""Tables in plain text: columns lined up by spaces, drawn with "|", or a timetable; each row said as one line."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.read.blocks import RawBlock
from handouts.read.line_shape import (BULLET, ENDS_MID_PHRASE, LETTERED, NEVER_ENDS, NUMBERED, ends_sentence, join_wrapped,
                                      timed)


_CELL = re.compile(r"\S+(?: \S+)*")  # a table's cell: words parted by single spaces (cells by two or more)


def column_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """Read the lines from `i` laid out in columns (each cell starting where a column starts, two rows or more) as a
    table: (its rows, the header first or [] when it has none, and the index of the line after it); None if not.

    A line set in to a column carries the cell above it on ("200 mg a day; for epilepsy, further" / "increases of
    50 mg ..."). Prose never lines up its words in columns, so two aligned rows of two cells or more make a table.
    """
    rows: list[list[str]] = []
    columns: list[int] = []
    records: list[int] = []  # where each record of a table of records (rows parted by blank lines) starts
    j, ruled, stacked = i, False, False  # ruled: a ruler under the first row makes it the header (stacked: of lines)
    spans = False  # the ruler's runs mark where each column starts
    continued = False  # a line set in under a cell carried it on
    label = rx.match(r"(\s*)[^:]{1,40}:\s{2,}(.*\S)", lines[i])
    if label and not ends_sentence(label.group(2)) and i + 1 < len(lines) and lines[i + 1].strip() \
            and rx.match(r"\s{0,%d}(?:[a-z]|\(?\d)" % len(label.group(1)), lines[i + 1]):
        # "Expected benefit:  Some patients ... that" / "begins 2 to 4 weeks ...": prose wrapped back under its
        # label, no column (read as one, "begins" had joined the label); "CALL BACK IF:  ... fever 100.4 F" / "(38.0 C) or
        # higher; ...": its number's bracket too
        return None
    while j < len(lines):
        line = lines[j].expandtabs(4).rstrip()
        cells = _typists_gaps_joined([(m.start(), m.group()) for m in _CELL.finditer(line)], line)
        if not cells and ruled and len(columns) >= 2 and j + 1 < len(lines) and _lines_up(lines[j + 1], columns):
            # "Albuterol HFA    4 puffs every 4  ..." / "90 mcg/puff    hours while awake, ..." / "" / "Prednisolone ...":
            # a record of several lines, then a blank line, then the next record
            records.append(len(rows))
            j += 1
            continue
        if rows and not ruled and rx.search(r"\S\s?\.{4,}\s?\S", line) and not any(
                rx.search(r"\.{4,}", c) for r in rows for c in r):
            break  # "5.2  Schedule:" / "   Baseline test ........ before ...": a dotted row of its own, under the item
        if rows and columns and cells and lines[j - 1].rstrip().endswith(":") and cells[0][0] > columns[-1] + 2 \
                and rx.match(r"[A-Z][^:]{0,40}:\s", cells[0][1]):
            rows[-1][-1] = rows[-1][-1].rstrip(":") + ":"  # (still the lead-in of what follows)
            break  # ("Baseline test: before ...", its dots read as a colon, set in under "5.2  Schedule:": its lead-in's item)
        if not cells or "__" in line and not (ruled and (_lines_up(line, columns) or any(
                rx.match(r"\[[ xX✓]\]", c) for _, c in cells[1:]))) \
                or (BULLET.match(line) or LETTERED.match(line) and not ruled) and not (rows and len(cells) >= 2) \
                or NUMBERED.match(line) and ends_sentence(cells[0][1]) \
                or any(rx.match(r"\[[ xX✓]\]", c) for _, c in cells[1:]) and not ruled:
            break  # ("1. Take 2 tablets.  Take them with food.": a step of two sentences, no row; "Pregnant?   [ ] Yes
            # [ ] No": a form's question, each a line of its own; under a ruled header, boxes are a column's choices)
        if rows and all(_RULER.fullmatch(c) for _, c in cells):
            if len(rows) == 1 and not ruled and len(cells) >= 2 and len(cells) == len(columns) >= 2:
                # "Dose by WEIGHT (not age)    Acetaminophen 160 mg/5 mL    Ibuprofen ..." / "-------    -------": the
                # ruler's runs are the columns, and a cell of a row may hold words set apart ("5 mL    (160 mg)")
                columns, spans = [at for at, _ in cells], True
            if not ruled and 1 < len(rows) <= 6:
                # "Weight   Acetaminophen (Tylenol)   Ibuprofen ..." / "   Liquid 160 mg per 5 mL   Children's liquid ...":
                # a header of several lines over the ruler, one header (its lines read as rows had dosed no one)
                rows = [[" ".join(r[k] for r in rows if r[k]) for k in range(len(columns))]]
                stacked = True
            ruled = ruled or len(rows) == 1
            j += 1
            continue  # "------   ------" under the header: a ruler, no row
        if not rows and len(cells) >= 2:
            if len(cells) == 2 and rx.fullmatch(r"\d{1,2}(?:\.\d{1,2})+\.?", cells[0][1]) and (
                    not rx.search(r"[a-z]", cells[1][1]) or len(cells[1][1].split()) >= 6):
                return None  # "2.1  WHAT TO DO": a numbered section's heading, set apart from its number (or its
                # paragraph: "1.1  On most days in the UK the air is clean enough that ...", wrapped under its words)
            columns = [at for at, _ in cells]
        elif ruled and columns:
            cells = _split_at_columns(cells, columns)
            if len(cells) == 1 and len(columns) == 2 and cells[0][0] == columns[0] and 0 < columns[1] < len(line) \
                    and line[columns[1] - 1] == " " and line[columns[1]] != " " and line[columns[1] - 2] != " ":
                # "Uncommon (up to 1 in 100) hair loss, ...": a label as wide as its column, one space from its value
                cells = [(columns[0], line[columns[0]:columns[1] - 1].strip()), (columns[1], line[columns[1]:].strip())]
        # A cell belongs to the column it starts in (a number set to the right of its column's name too: "Visits" / "2").
        where = [max((k for k, c in enumerate(columns) if c <= at + 2), default=None) if columns else None
                 for at, _ in cells]
        # (and ends before the next column starts: a sentence set apart by two spaces runs across columns)
        where = [None if k is not None and k + 1 < len(columns) and at + len(cell) > columns[k + 1] and n + 1 < len(cells)
                 else k for n, (k, (at, cell)) in enumerate(zip(where, cells))]  # (the last may take the columns left)
        if len(cells) >= 2 and None not in where and (len(set(where)) == len(where) or spans and len(set(where)) >= 2):
            row = [""] * len(columns)
            for k, (_, cell) in zip(where, cells):
                cell = cell.rstrip(":") if cell.count("(") <= cell.count(")") else cell  # ("(LOW values matter:" goes on)
                row[k] = f"{row[k]} {cell}".strip()
            rows.append(row)
        elif rows and len(cells) == 1 and where[0] is not None and (where[0] != 0 or _cell_goes_on(rows[-1][0])
                                                                    or cells[0][1][0] in "(" and len(cells[0][1].split()) <= 4
                                                                    and not rx.search(r"(?<!e\.g)(?<!i\.e)[.!?]\s", cells[0][1])
                                                                    or cells[0][1][0].islower()):
            if where[0] == 0 and len(rows) == 1 and rows[0][-1].count("(") > rows[0][-1].count(")"):
                return None  # "PART A - STATEMENT ...  (to be completed by the colposcopist, who" / "must have ...
                # procedure)": the bracket of the line's last part wraps back to the margin; prose, no columns
            # ("(8.0-10.9 kg)" under "18-23 lb", "treatment" under "Abnormal heart rhythm needing": the first cell goes on)
            # A line set in to a column carries the cell above it on; so does a first cell's ("... fully covered
            # (older" / "students, staff)").
            above, cell = rows[-1][where[0]], cells[0][1]
            # ("WALK-IN RSV CLINIC    Tuesdays & Thursdays, 9:00 am" / "    Lakeshore Health Center, Room 114": a line of
            # its own, set in under the cell, starts as a line does and follows a phrase that has ended)
            joint = "; " if cell[0].isupper() and above and not _cell_goes_on(above) and rx.search(r"\d|[a-z]$", above) \
                and not ends_sentence(above) \
                and len(columns) == 2 and len(rows) == 1 else " "
            rows[-1][where[0]] = f"{above}{joint}{cell}".strip()
            continued = True
        else:
            break
        j += 1
    records = [r for r in records if r < len(rows)]  # (a blank line after the last row starts no record)
    if records:
        # each record's lines are one row, cell by cell (the header and the first record before the first blank)
        # (of two columns, each line a thing of its own: "1st Tuesday of each month" / "7.00pm - 8.30pm", said apart;
        # a line in small letters carries the one above on: "... - for those" / "who have stopped treatment ...")
        starts = [1] + records
        rows = rows[:1] + [[_record_cell([c for c in col if c], len(columns)) for col in zip(*rows[a:b])]
                           for a, b in zip(starts, starts[1:] + [len(rows)]) if b > a]
    else:
        # (under a ruled header, the header is no row a lower-case cell carries on: "MEDICINE" / "------" /
        # "ketoconazole, itraconazole ...")
        rows = rows[:1] + _wrapped_rows_joined(rows[1:]) if ruled and len(rows) > 1 else _wrapped_rows_joined(rows)
    # "Sept  ->  Work: telling your employer ...": a column of arrows points from one cell to the next, and says nothing
    # (read as a cell, each row said "Sept: ->; Work: ...")
    # (or of a list's marks, down two rows or more: "Week 1  o  Understanding ...", "YES  -  you are 18 or over ...")
    marked = [r for r in rows if any(r)]
    arrows = [k for k in range(len(columns)) if all(k < len(r) and rx.fullmatch(r"->|-->|=>|→|➔", r[k]) for r in marked)
              or len(marked) >= 2 and all(k < len(r) and rx.fullmatch(r"[-–•*o]", r[k]) for r in marked)]
    rows = [[c for k, c in enumerate(r) if k not in arrows] for r in rows]
    columns = [at for k, at in enumerate(columns) if k not in arrows]
    if len(rows) == 1 and continued and len(columns) == 2 and rows[0][0] and rows[0][1]:
        return [[]] + rows, j  # a label and its lines set in beside it: one item ("Walk-in clinic: Tuesdays ...; Room 114")
    if len(rows) < 2:
        return None
    first = rows[0]
    # (a ruler under it makes the first row the header, however long its names: "Confirm capillary result with venous
    # test within")
    if stacked or ruled and all(len(c.split()) <= 12 for c in first) \
            or not any(rx.search(r"(?<![A-Za-z]-)\d", c) for c in first) and all(len(c.split()) <= 4 for c in first):
        return rows, j  # "Day   Time   Location   Format": a header names the columns ("FIB-4 score": a name's number)
    return [[]] + rows, j  # no header: an empty one first


def _typists_gaps_joined(cells: list[tuple[int, str]], line: str) -> list[tuple[int, str]]:
    """Join a cell that ends a sentence to the sentence after it, two spaces on ("... for 20 MINUTES.  Cooling is still
    of benefit up"): a typist's gap after a full stop, no column (read as two cells, the wrapped line took the first's
    place and the sentence ran backwards)."""
    out: list[tuple[int, str]] = []
    for at, cell in cells:
        if out and rx.search(r"[a-z]{2}[.!?]$", out[-1][1], re.I) and line[out[-1][0] + len(out[-1][1]):at] == "  " \
                and rx.match(r"[A-Z][a-z]+ [a-z]+ [A-Za-z]+", cell) \
                and (len(out[-1][1].split()) >= 4 or out[-1][1][:1].islower() and len(out[-1][1].split()) >= 2):
            # (or the tail of a sentence wrapped under its cell: "drive themselves.  If on a pump ...")
            out[-1] = (out[-1][0], f"{out[-1][1]}  {cell}")
        else:
            out.append((at, cell))
    return out


_RULER = re.compile(r"[-=:_+–—\s]*")  # a table's ruler row ("|---|:---:|", "------   ------"): no cells to say


def _ruler_row(cells: list[str]) -> bool:
    """Tell whether a table's row is a ruler: every cell of it dashes, colons or nothing."""
    return all(_RULER.fullmatch(c) for c in cells)


def pipe_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """Read the lines from `i` drawn as a table with "|" ("| Medicine | Dose |" / "|---|---|" / "| ... |") in a plain
    text file as a table, as `column_table` does; None if fewer than two rows."""
    rows, j = [], i
    # Without "|" at the ends ("Use | Dose | Length" over "----|----|----"), only a ruler under the first row makes
    # it a table: a line of a letterhead ("1200 Harbor Road | Tel. (555) 013-7720") has none.
    framed = lines[i].strip().startswith("|")
    # (a header of two or three lines over its ruler too: "Day | Before    | After" / "    | breakfast | lunch")
    ruled_at = next((k for k in range(i + 1, min(i + 4, len(lines))) if "|" in lines[k] and lines[k].strip()
                     and _RULER.fullmatch(lines[k].replace("|", ""))), None)
    if not framed and (ruled_at is None or not all("|" in lines[k] for k in range(i, ruled_at))):
        return None
    while j < len(lines) and lines[j].count("|") >= (2 if framed else 1) and (not framed or lines[j].strip().startswith("|")):
        # (only a framed table's outer "|" are its frame: "     | breakfast | lunch" has an empty first cell)
        rows.append([c.strip() for c in (lines[j].strip().strip("|") if framed else lines[j]).split("|")])
        j += 1
    top = 0
    while len(rows) > 1 and _ruler_row(rows[0]):
        del rows[0]  # a grid's top edge
        top += 1
    if sum(map(_ruler_row, rows[1:-1])) >= 2:
        rows = _grid_rows(rows)  # a ruler under every row: the lines between two rulers are one row, wrapped
        if len(rows) < 2:
            return None
        named = not any(rx.search(r"\d", c) for c in rows[0]) and all(len(c.split()) <= 4 for c in rows[0])
        return (rows, j) if named else ([[]] + rows, j)
    # (not the grid's bottom edge: "+----+----+" under its last row closes it, no header above it)
    ruler = next((k for k, r in enumerate(rows[:5]) if k and _ruler_row(r) and k < len(rows) - 1), None)
    if ruler and ruler > 1 and len({len(r) for r in rows[:ruler]}) == 1:
        # "| Weight (lb) | Acetaminophen |" / "|  | 160 mg/5 mL |" over "|---|---|": a header of several lines, one
        # header (its second line read as a row had dosed no one)
        rows = [[" ".join(r[k] for r in rows[:ruler] if r[k]) for k in range(len(rows[0]))]] + rows[ruler:]
        ruler = 1
    elif ruler and ruler > 1 and framed and (spanned := _spanned_header(lines[i + top:i + top + ruler])):
        # "| Hand height | MEN | WOMEN |" over "| | close to body | arms out | close to body | arms out |": a name that
        # spans two columns names both ("MEN arms out"); by place in the row, "WOMEN" had named the men's second column
        rows = [spanned] + rows[ruler:]
        ruler = 1
    ruled = len(rows) > 2 and ruler == 1
    rows = [r for r in rows if not _ruler_row(r)]
    # (a ruled header is no row its lines carry on: "IT IS ..." over "a confidential space to talk")
    rows = rows[:1] + _wrapped_rows_joined(rows[1:]) if ruled else _wrapped_rows_joined(rows)
    if len(rows) < 2:
        return None
    # A ruler under the first row makes it the header; so do names of columns ("| Medicine | Dose | Notes |").
    named = not any(rx.search(r"\d", c) for c in rows[0]) and all(len(c.split()) <= 4 for c in rows[0])
    return (rows, j) if ruled or named else ([[]] + rows, j)


def _spanned_header(lines: list[str]) -> list[str] | None:
    """Return one name per column for a framed header of several lines, where a line's cell may span several columns
    of the line with the most; each column named by every cell above it, top first; None if the lines' "|" do not
    line up."""
    bars = [[m.start() for m in rx.finditer(r"\|", line.expandtabs(4))] for line in lines]
    edges = max(bars, key=len)
    names = []
    for a, b in zip(edges, edges[1:]):
        parts = []
        for line, marks in zip(lines, bars):
            # (give or take one character: "| arms out|" is drawn a space short)
            cell = next((line.expandtabs(4)[c + 1:d].strip() for c, d in zip(marks, marks[1:])
                         if c <= a + 1 and b <= d + 1), None)
            if cell is None:
                return None
            if cell and cell not in parts:
                parts.append(cell)
        names.append(" ".join(parts))
    return names


def _grid_rows(lines: list[list[str]]) -> list[list[str]]:
    """Join the lines between each two rulers of a grid into one row, cell by cell ("| Stinger | If a bee sting left a
    stinger, scrape it out sideways |" / "| | with a fingernail ... |": one row, its wrapped lines said whole)."""
    rows: list[list[str]] = []
    group: list[list[str]] = []
    for line in lines + [["-"]]:
        if _ruler_row(line):
            if group:
                width = max(len(g) for g in group)
                rows.append([_joined_cell(g[k] if k < len(g) else "" for g in group) for k in range(width)])
            group = []
        else:
            group.append(line)
    return rows


def _joined_cell(parts) -> str:
    """Join a cell's wrapped lines ("scrape it out sideways" / "with a fingernail"), a word cut at a hyphen whole."""
    cell = ""
    for part in (p for p in parts if p):
        cell = join_wrapped(cell, part).strip() if cell else part
    return cell


def _split_at_columns(cells: list[tuple[int, str]], columns: list[int]) -> list[tuple[int, str]]:
    """Part a cell that runs into the next column at the single space where that column starts ("30 sv $24.00" under
    "Caps  Price*" ruled apart: "30 sv" and "$24.00"); the ruler says where each column starts."""
    out = []
    for at, cell in cells:
        for start in (c for c in columns if c > at + 2):  # (a later column's, not the cell's own)
            # (give or take two characters: a value set one right of its column's name, "$24.00" under "Price*")
            cut = next((c for c in sorted(range(start - at - 2, start - at + 3), key=lambda c: abs(c - start + at))
                        if 1 < c < len(cell) and cell[c - 1] == " " and rx.match(r"[\d$£€(]|[A-Z][a-z]+\b", cell[c:])), None)
            # (only before a number, a price, a bracket or a word in capitals, "Pasture Prime Organic Powder" over "Form":
            # "... may usually be given with" is a sentence run across)
            if cut is not None:
                out.append((at, cell[:cut - 1]))
                at, cell = at + cut, cell[cut:]
        out.append((at, cell))
    return out


def _record_cell(lines: list[str], columns: int) -> str:
    """Return a record's cell said from its lines (see column_table)."""
    said = ""
    for line in lines:
        said = line if not said else f"{said}{' ' if columns > 2 or line[:1].islower() else '; '}{line}"
    return said


def _lines_up(line: str, columns: list[int]) -> bool:
    """Tell whether a line's cells (two or more) start where a table's columns do (give or take two characters)."""
    cells = [m.start() for m in _CELL.finditer(line.expandtabs(4).rstrip())]
    return len(cells) >= 2 and all(any(abs(at - c) <= 2 for c in columns) for at in cells)


def _cell_goes_on(cell: str) -> bool:
    """Tell whether a table's cell stops mid-phrase, so the line under it carries it on: an open bracket,
    a comma ("Ketoconazole, itraconazole, clarithromycin,"), a word no phrase ends on ("strong CYP3A4" does)."""
    return cell.count("(") > cell.count(")") or cell.endswith((",", ";")) or bool(ENDS_MID_PHRASE.search(cell)) \
        or bool(NEVER_ENDS.search(cell)) \
        or bool(rx.search(r"\b(?:within|during|into|per|every|up to|more than|less than)$", cell))
    # ("Nirsevimab is recommended, because" / "the baby may not have ..."; "About 90% killed within" / "2 minutes")


def _wrapped_rows_joined(rows: list[list[str]]) -> list[list[str]]:
    """Join a row that only carries the row above it on (each of its cells in lower case, the cell above one that
    stops mid-phrase: "| ritonavir | inhibitors should generally be avoided |") to that row, cell by cell."""
    out: list[list[str]] = []
    # Columns whose every full row gives a number (a dose, a price, a rating): a row with none of them filled carries
    # the row above on ("PureDerm Daily | Bovine | 20 g | $1.43 | NSF | 4.6/5" / "Collagen Peptides | (grass-fed) |
    # | | Certified |"), even where its words start with capitals.
    full = [r for r in rows if all(r) and any(rx.search(r"\d", c) for c in r)]  # (not the header)
    numeric = [k for k in range(len(rows[0]) if rows else 0)
               if len(full) >= 3 and all(k < len(r) and rx.search(r"\d", r[k]) for r in full)]
    for row in rows:
        said = [c for c in row if c]
        if out and row and rx.match(r"[a-z]+[A-Z]", row[0]) and all(row):
            out.append(row)  # "pH | 7.0 - 7.6 | 7.0 - 8.0": a name in small letters then a capital is a row's own label
            continue
        if numeric and out and len(row) == len(out[-1]) and said and all(not row[k] or row[k].startswith("(") for k in numeric) \
                and all(out[-1][k] for k in numeric) and len(said) < len(row) - 1:
            out[-1] = [join_wrapped(a, b).strip() if a and b else f"{a} {b}".strip() for a, b in zip(out[-1], row)]
            continue
        # (a cell after the first may start with a number: "... 2 hours before or" / "6 hours after the supplement")
        # ("Mother received Abrysvo | Nirsevimab is generally NOT needed" / "14 days or more before | for the first
        # season": every cell after the first in lower case, under a column whose cells start in capitals)
        lower_rest = bool(row[0]) and (row[0][:1].islower() or row[0][:1].isdigit()) and any(row[1:]) \
            and all(c[:1].islower() or c[:1] == "(" for c in row[1:] if c) \
            and any(c[:1].islower() for c in row[1:] if c) \
            and all(not r[1][:1].islower() for r in out if len(r) > 1 and r[1])
        if out and len(row) == len(out[-1]) and row[0] and out[-1][0].count("(") > out[-1][0].count(")") \
                and row[0].count(")") > row[0].count("("):
            if all(row[1:]) and all(out[-1][1:]) and not any(_cell_goes_on(c) for c in out[-1][1:]) \
                    and not all(c[:1].islower() for c in row[1:]):
                # (not where the other cells go on too: "about 1 in 50 with standard" / "grommets; up to 1 in 6 with"
                # / "long-term T-tubes", beside "(persistent" / "tympanic perforation), which may need a")
                # "Shape (transverse | Wider-than-tall | 0" / "view) | Taller-than-wide | 3": the label's bracket closes
                # here, on a row of its own under the same label
                out[-1][0] = join_wrapped(out[-1][0], row[0])
                out.append([out[-1][0], *row[1:]])
                continue
            # "Ibuprofen (Advil," / "Motrin)": the first cell's bracket closes on this line, which carries its row on
            out[-1] = [join_wrapped(a, b).strip() if a and b else f"{a} {b}".strip() for a, b in zip(out[-1], row)]
            continue
        # (not a full row under a first row whose names have ended: "FIB-4 score | What it usually means | Next step" /
        # "below 1.3 | low risk of advanced fibrosis | repeat in about 3 years" is the header and a row)
        headed = len(out) == 1 and len(row) >= 3 and all(row) and not any(_cell_goes_on(c) for c in out[-1])
        if out and not headed and len(row) == len(out[-1]) and said and (said[0][0].islower() or said[0][0] == ")" or lower_rest) \
                and all(c[0].islower() or c[0] in ")" or (c[0].isdigit() or c[0] == "(") and (c is not said[0] or lower_rest)
                        for c in (said[1:] if lower_rest else said)) \
                and (lower_rest or any(_cell_goes_on(c) for c in out[-1])
                     # ("a confidential space to talk" / "and listen to others": a cell's line that starts on "and")
                     or bool(row[0]) and rx.match(r"(?:and|or|but|with|to|of|who|which|that)\b", row[0]) is not None
                     # "Direct | < 0.3 mg/dL | bilirubin already | ..." / "bilirubin | (< 5 µmol/L) | processed by liver":
                     # a first cell in lower case under first cells in capitals carries its row on
                     or row[0][:1].islower() and all(r[0][:1].isupper() for r in out if r[0])):
            out[-1] = [join_wrapped(a, b).strip() if a and b else f"{a} {b}".strip() for a, b in zip(out[-1], row)]
        elif out and len(row) == len(out[-1]) and row[0][:1].islower() and all(r[0][:1].isupper() for r in out if r[0]) \
                and any(_cell_goes_on(c) for c in out[-1][1:]):
            # "Malathion 0.5% aqueous | Apply ... as above. | After 7 | Use if allergic to" / "liquid | Wash off after 24
            # hours. | days | permethrin": the name goes on in small letters, and a cell above stops mid-phrase
            out[-1] = [join_wrapped(a, b).strip() if a and b else f"{a} {b}".strip() for a, b in zip(out[-1], row)]
        elif out and len(row) == len(out[-1]) > 2 and not row[0] and out[-1][0] and all(row[1:]) and all(out[-1][1:]) \
                and (rx.match(r"or\b", row[1]) or rx.search(r"\bor$", out[-1][1])) \
                and rx.match(r"[\dA-Z]|usually\b|about\b", row[-1]) and not _cell_goes_on(out[-1][-1]):
            # "Bacterial vaginosis | 400-500 mg twice daily | 5-7 days" / "| or 2 g as a single dose | 1 day": the
            # other choice, a dose with its own length (joined, the lengths ran together: "5 to 7 days 1 day")
            out[-1] = [out[-1][0]] + [rx.sub(r",?\s+or$", "", c) for c in out[-1][1:]]
            label = out[-1][0].removesuffix(" (another choice)")
            out.append([f"{label} (another choice)", rx.sub(r"^or\s+", "", row[1]), *row[2:]])
        elif out and len(row) == len(out[-1]) and said and (not row[0] or row[0][0] in "(-") and (
                any(_cell_goes_on(a) and b for a, b in zip(out[-1], row))
                or any(b[:1].islower() for b in row[1:] if b) or row[0][:1] in ("(", "-")
                or all(b[:1] == "(" for b in said)):  # "| | (for lipids) | |": a note on the cell above
            # "MenB | ... | 16-23 yrs (pref. | 2 doses, 6 months" / "| | 16-18), shared | apart*", "Amoxicillin-clavulanate
            # | 875/125 mg | Twice a day," / "(Augmentin) | 1 tablet | with food": cells wrapped onto a line of their own
            out[-1] = [f"{a} {b}".strip() for a, b in zip(out[-1], row)]
        elif out and len(row) == len(out[-1]) > 2 and said and not row[0] and out[-1][0] and not all(row[1:]) \
                and all(out[-1][1:]):
            # "| Body temperature | normal or raised, usually below | usually 104 F (40 C) or higher |" / "| | 104 F (40
            # C) | |": a line with its label's and another column's cells empty carries its row on (a next dose fills
            # every column but the first)
            out[-1] = [join_wrapped(a, b).strip() if a and b else f"{a} {b}".strip() for a, b in zip(out[-1], row)]
        elif out and len(row) == len(out[-1]) and said and not row[0] and out[-1][0]:
            # "Azithromycin (Zithromax) | 500 mg | Once, on day 1" / "| 250 mg | Once a day | Days 2 to 5": the same
            # medicine's next dose, its own row (said apart, it named no medicine)
            out.append([out[-1][0], *row[1:]])
        else:
            out.append(row)
    return out


def timetables(blocks: list[RawBlock]) -> list[RawBlock]:
    """Read two or more timetable lines one after another ("Third Thursday of each month, 6:30 pm: Fellowship Hall" /
    "Care partners' coffee morning: last Saturday, 10:00 am") as a list, one line an item, not as one run-on text."""
    out: list[RawBlock] = []
    for b in blocks:
        if b.kind == "paragraph" and timed(b.texts[0]) and out and out[-1].kind == "paragraph" and timed(out[-1].texts[0]):
            first = out.pop()
            out.append(RawBlock("bullets", [first.texts[0], b.texts[0]], first.line, levels=[(0, "bullets")] * 2))
        elif b.kind == "paragraph" and timed(b.texts[0]) and out and out[-1].kind == "bullets" \
                and out[-1].texts and timed(out[-1].texts[-1]) and len(out[-1].levels) == len(out[-1].texts):
            out[-1].texts.append(b.texts[0])
            out[-1].levels.append((0, "bullets"))
        else:
            out.append(b)
    return out
