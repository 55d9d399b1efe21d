"""Phrase lists kept as data (filler lead-ins, boilerplate, sales lines, page furniture, connectives), each row with its case.

A phrase file in handouts/language/data/ has '#' comment lines, a header line naming its columns (one
of them "case"), then one row a phrase: the first column is a regular expression, "case" a text it must
match from its start. A row that breaks this stops the program with the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from handouts.errors import HandoutError

DATA = "handouts/language/data"


@dataclass(frozen=True)
class Phrase:
    """One row of a phrase file: its pattern (first column), the text it must match, every column by name, its line."""

    pattern: re.Pattern[str]
    case: str
    columns: dict[str, str] = field(hash=False)
    line: int = 0


@cache
def phrases(name: str, flags: int = 0, groups: int | None = None) -> tuple[Phrase, ...]:
    """Return the checked rows of a phrase file in language/data/, read once."""
    text = resources.files("handouts.language").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return parse_phrases(f"{DATA}/{name}", text, flags, groups)


def parse_phrases(where: str, text: str, flags: int = 0, groups: int | None = None) -> tuple[Phrase, ...]:
    """Read a phrase file's text; `groups`: how many (...) groups each pattern must have (None: any)."""
    rows = [(n, [cell.strip() for cell in line.split("\t")]) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")]
    if not rows or "case" not in rows[0][1] or rows[0][1][0] == "case":
        raise HandoutError("the first line that is not a comment must name the columns, tab-separated: "
                           "the pattern's column first, and one named 'case'", where, rows[0][0] if rows else None)
    header = rows[0][1]
    return tuple(_phrase(where, n, header, cells, flags, groups) for n, cells in rows[1:])


def _phrase(where: str, n: int, header: list[str], cells: list[str], flags: int, groups: int | None) -> Phrase:
    """Check one row (its columns, its pattern, its case) and return it as a Phrase."""
    columns = dict(zip(header, cells + [""] * (len(header) - len(cells))))
    if len(cells) > len(header) or not columns[header[0]] or not columns["case"]:
        raise HandoutError(f"the row has {len(cells)} column(s) but the header names {len(header)} "
                           f"({', '.join(header)}); separate them with one tab and fill in "
                           f"'{header[0]}' and 'case'", where, n)
    try:
        pattern = re.compile(columns[header[0]], flags)
    except re.error as e:
        raise HandoutError(f"the pattern does not compile ({e}); fix the regular expression", where, n) from None
    if groups is not None and pattern.groups != groups:
        raise HandoutError(f"the pattern has {pattern.groups} group(s) in brackets but needs {groups}; "
                           "write (?:...) for brackets that only group", where, n)
    if not pattern.match(columns["case"]):
        raise HandoutError(f"the pattern does not match its case {columns['case']!r}; fix the pattern or the case",
                           where, n)
    return Phrase(pattern, columns["case"], columns, n)
