"""Passes over a plain text's lines before its blocks are read: boxes drawn around text, marks in the margin,
dot leaders, tick-box columns and sales boxes, each made into the lines it stands for."""

from __future__ import annotations

import re

from handouts.read.line_shape import BOX_EDGE, BOX_SIDES, indent_of, runs_on, STAR_RULE


_LEADER = re.compile(r"^\s*\S.{0,100}?(?:\s*\.{4,}|\s\.{3}(?=\s+\S[^.]{0,30}$))\s*\S")  # "Sept 10 ...... Open sharing": dot leaders from a label to its line
_MARGIN_MARK = re.compile(r"^(\s*)(!{1,3}|>{1,3}|\*{2,3}|={2,3}>?)\s+(?=\S)")


def _marked_labels(lines: list[str]) -> list[str]:
    """Return the lines without the marks around a label or before a heading: "!! ALCOHOL !!" (a warning's label, in
    its box), ">>> RELATED: 7 Foods That May ... <<<" (a link between arrows), ">> 1. WHAT IS QUERCETIN?" over its
    text (a numbered heading in capitals: read as a bullet, every heading after the contents became an item)."""
    out = []
    for k, x in enumerate(lines):
        x = re.sub(r"^(\s*)!{2,}\s*(\S.*?)\s*!{2,}\s*$", r"\1\2", x)
        x = re.sub(r"^(\s*)>{2,}\s*(\S.*?)\s*<{2,}\s*$", r"\1\2", x)
        if (k == 0 or not lines[k - 1].strip() or STAR_RULE.fullmatch(lines[k - 1])) \
                and (k + 1 == len(lines) or not lines[k + 1].strip() or STAR_RULE.fullmatch(lines[k + 1])):
            # "!!  A SUPPORT GROUP IS NOT A SUBSTITUTE FOR MEDICAL CARE" between rules: a heading, marked
            x = re.sub(r"^(\s*)!{1,3}\s+([^a-z]{12,}[^a-z.!:;])\s*$", r"\1\2", x)
        heading = re.match(r"(\s*)>{2,}\s+(\d{1,2}[.)]\s+[^a-z]+?)\s*$", x)
        if heading and not re.search(r"[.!:;]$", heading.group(2)) and (k == 0 or not lines[k - 1].strip()):
            x = heading.group(1) + heading.group(2)
        out.append(x)
    return out


def _leader_labels_joined(lines: list[str]) -> list[str]:
    """Put a dotted line's label wrapped onto the line above back with it ("  Out of hours / seizure lasting" / "  longer
    than 5 minutes .......... CALL 911"): read apart, the 911 line said no seizure."""
    out = list(lines)
    for k in range(len(lines) - 1):
        above, line = out[k], lines[k + 1]
        if above.strip() and _LEADER.match(line) and line.strip()[:1].islower() and not _LEADER.match(above) \
                and indent_of(above) <= indent_of(line) <= indent_of(above) + 4 and not re.search(r"[.:;!?]$", above.strip()):
            # (set in under the label too: "  Non-sedating antihistamines: cetirizine, levocetirizine," / "    loratadine,
            # desloratadine, fexofenadine ....... 5-7 days")
            out[k], out[k + 1] = "", f"{above.rstrip()} {line.strip()}"
    return _dotted_columns(_leader_table_headed(out, lines))


_DOTTED_ROW = re.compile(r"\s*[^\s.].*?[^\s.]\s?\.{2,}\s?[^\s.].*?[^\s.]\s?\.{2,}\s?[^\s.].*")  # two dotted gaps


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
                out[n] = re.sub(r"\s?\.{2,}\s?", lambda m: " " * max(3, len(m.group())), lines[n])
        k = max(j, k + 1)
    return out


_DOT_RULER = re.compile(r"\s*\.{5,}(?:\s+\.{5,})+\s*")  # "......................  ..........": a dotted table's ruler


def _leader_table_headed(lines: list[str], raw: list[str]) -> list[str]:
    """Say a dotted table's column name with each of its values ("Medicine (examples)      Stop for at least" /
    "........   ......." / "Hydroxyzine ......... 7-10 days": "Hydroxyzine ......... stop for at least 7-10 days"):
    read apart, the header was a heading and each value lost its "at least"."""
    out = list(lines)
    for k in range(1, len(lines)):
        if not _DOT_RULER.fullmatch(lines[k]):
            continue
        header = [c for c in re.split(r"\s{2,}", lines[k - 1].strip()) if c]
        if len(header) != 2:
            continue
        out[k - 1], out[k] = "", ""
        named = header[1][:1].lower() + header[1][1:] if not header[1][:2].isupper() else header[1]
        for j in range(k + 1, len(lines)):
            if not raw[j].strip():  # (a label put back with its dotted line left its own line blank)
                break
            out[j] = re.sub(r"(\s\.{3,}\s*)(?=\S)", lambda m: f"{m.group(1)}{named} ", out[j], count=1)
    return out


def _without_margin_marks(lines: list[str]) -> list[str]:
    """Return the lines without the marks set in the margin of every line of a warning ("!! STOP TAKING LISINOPRIL
    ... IF YOU HAVE" / "!! SWELLING OF THE FACE ..."; "  >>> GO TO THE NEAREST EMERGENCY DEPARTMENT ..."): where a
    marked line runs on into the next (no sentence ends there), the marks are the warning's, not bullets (as bullets
    the sentence was cut at each line's end)."""
    out, i = list(lines), 0
    while i < len(lines):
        m = _MARGIN_MARK.match(lines[i])
        j = i + 1
        while m and j < len(lines) and (n := _MARGIN_MARK.match(lines[j])) and n.group(2) == m.group(2):
            j += 1
        lead_in = i > 0 and lines[i - 1].strip().endswith(":")  # "... CALL 911 IF YOU:" over "  ! faint again": bullets
        # ("!! ... SOMEONE WITH  !!": the same marks in the right margin too)
        right = re.compile(r"\s+" + re.escape(m.group(2)).replace(">", "[<>]") + r"\s*$") if m else None
        bare = [right.sub("", _MARGIN_MARK.sub("", x)).strip() for x in lines[i:j]] if m else []
        if m and j - i >= 2 and not lead_in and any(runs_on(bare[k], bare[k + 1]) for k in range(len(bare) - 1)):
            for k in range(i, j):
                out[k] = right.sub("", _MARGIN_MARK.sub(r"\1", lines[k], count=1))
        i = max(j, i + 1)
    return out


_SALES = re.compile(r"\b(?:shop now|buy now|check price|add to cart|order now|use code|promo code|coupon|\d+% off)\b", re.I)


def _without_sales_boxes(lines: list[str], boxed: set[int]) -> list[str]:
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
            k += 1
    return out


def _yes_no_rows(lines: list[str]) -> list[str]:
    """Read a form's questions under "YES  NO" columns of tick boxes ("  a. Pacemaker, defibrillator or heart wire   [ ]
    [ ]") with their boxes named at the end of the question ("... heart wire: [ ] Yes [ ] No", after its wrapped line):
    read as a table they ran together, the boxes in the middle of the words. The columns' names may end a heading's
    line ("PART D - PLEASE TELL STAFF IF:      YES    NO"), dot leaders may lead to the boxes, and the questions under
    a later heading are in the same columns ("TIER 2 - ..." under "TIER 1 - ...": its boxes, no names over them)."""
    out, i = list(lines), 0
    row = re.compile(r"(\s*)(\S.*?)(?:\s*\.{3,}\s*|\s+)\[([ xX])\]\s+\[([ xX])\]\s*")
    names = None  # the columns' names, once a head has named them
    while i < len(lines):
        head = re.fullmatch(r"(\s*\S.*?\S)?\s{4,}(YES|Yes)\s{2,}(NO|No)\s*", lines[i])
        if head and (head.group(1) is None or len(lines[i]) - len(head.group(1)) >= 8):
            names = head.group(2).capitalize(), head.group(3).capitalize()
            out[i] = head.group(1) or ""
            i += 1
            continue
        if not row.fullmatch(lines[i]):
            i += 1
            continue
        k, boxes, first = i, None, None  # the question open, its boxes, and its first line
        while k < len(lines) and lines[k].strip():
            m = row.fullmatch(lines[k])
            if m or boxes is None or indent_of(lines[k]) <= indent_of(lines[k - 1]) - 1 and not m:
                if boxes is not None:
                    out[first] = _boxes_named(out[first], boxes, names)
                if not m:
                    boxes = None
                    break
                out[k], boxes, first = f"{m.group(1)}{' '.join(m.group(2).split())}", m.group(3, 4), k
            else:
                # a line of the question set in under it: on the question's line (left apart, the line was read as
                # an item of its own or a lead-in: '... or change in a long-standing' / '"smoker's cough" ...')
                out[first], out[k] = f"{out[first]} {lines[k].strip()}", ""
            k += 1
        if boxes is not None:
            out[first] = _boxes_named(out[first], boxes, names)
        i = max(k, i + 1)
    return out


def _boxes_named(line: str, boxes: tuple[str, str], names: tuple[str, str] | None) -> str:
    """Return a question's last line with its two tick boxes after it, named where the columns were named."""
    yes, no = names or ("", "")
    return f"{line.rstrip().rstrip(':')}: [{boxes[0]}] {yes} [{boxes[1]}] {no}".rstrip()


def _stacked_options(lines: list[str]) -> list[str]:
    """Put a form's tick boxes stacked under its first one back on its line ("Side(s) repaired:  [ ] Left" /
    "                  [ ] Right" / "                  [ ] Both"): read apart, the options became a checklist."""
    out = list(lines)
    anchor = None  # the line the options stand on, and the column of its first box
    for i, line in enumerate(lines):
        m = re.fullmatch(r"(\s*)\[[ xX]\]\s+\S+(?:\s\S+){0,2}\s*", line)
        if m and anchor is not None and len(m.group(1)) == anchor[1]:
            out[anchor[0]] = f"{out[anchor[0]].rstrip()}  {line.strip()}"
            out[i] = ""
            continue
        box = line.find("[ ]")
        anchor = (i, box) if box > 0 and line[:box].strip() else None
    return out


def _unboxed_lines(lines: list[str], boxed: set[int] | None = None) -> list[str]:
    """Return the lines without the boxes drawn around some of them. Inside a box (under its top edge) a side is a side
    even where the line holds a "|" of its own ("| SUGARFREE20) | Precision Xtra meter | MCT Oil Powder    |"), and
    a box of stars has stars for sides ("* WARNING: IF YOU TAKE AN SGLT2 INHIBITOR ...   *")."""
    out, in_box = [], False
    columns = re.compile(r"\S\s{2,}\S.*\S\s{2,}\S")  # a line of three cells or more
    for k, line in enumerate(lines):
        edge = bool(BOX_EDGE.fullmatch(line) or STAR_RULE.fullmatch(line))
        side = in_box and not edge and (m := _BOXED_LINE.fullmatch(line))
        if not in_box and re.fullmatch(r"\s*-{5,}\s*", line) and 0 < k < len(lines) - 1 \
                and columns.search(lines[k - 1]) and columns.search(lines[k + 1]):
            # "Category   Points   Estimated ..." / "-------------" / "TR1 Benign   0   about 0.3% ...": a table's
            # ruler drawn across, under its header (as a rule it cut the header from its rows)
            out.append(line)
            continue
        out.append(m.group(2) if side else _unboxed(line))
        if boxed is not None and (side or BOX_SIDES.fullmatch(line) and not edge):
            boxed.add(len(out) - 1)
        in_box = edge or bool(side) or in_box and bool(BOX_SIDES.fullmatch(line))
        if not line.strip():
            in_box = False
    return out


_BOXED_LINE = re.compile(r"\s*(\|\||[|│║*#=])\s(.*?)(?:\s+|(?<=[.!?]))\1\s*")  # ("||  ... ||": sides drawn double)  # ("# ... 48 HOURS.#": a side at the stop)


def _unboxed(line: str) -> str:
    """Return a line of text drawn in a box without the box ("| * Vitamin D may ...   |" -> "* Vitamin D may ...");
    the box's top and bottom edges become blank lines."""
    if BOX_EDGE.fullmatch(line) or STAR_RULE.fullmatch(line):
        return ""
    # "Emergency services ........ 911": dot leaders join a label to its value, as a colon does.
    # (three dots too, before a short value at the line's end: "Cough/cold and sleep aids ... 5 days")
    line = re.sub(r"(?<=\S)(?:\s*\.{4,}\s*|\s\.{3}\s+(?=\S[^.]{0,30}$))(?=\S)", ": ", line)
    m = BOX_SIDES.fullmatch(line)
    return m.group(1) if m and "|" not in m.group(1) else line
