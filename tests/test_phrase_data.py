"""The phrase lists in handouts/language/data/: every row matches its own case through the rule that uses it,
a broken row stops with its file and line, and texts the rules must keep are kept."""

import re

import pytest

from handouts.errors import HandoutError
from handouts.language.phrases import parse_phrases, phrases
from handouts.plain.rules.base import cap
from handouts.plain.rules.filler import drop_boilerplate, drop_promotion, strip_filler_lead_in
from handouts.plain.rules.words import use_plain_connectives
from handouts.read.furniture import is_furniture

# Each file, how its rule reads it, and what the rule must do with a row's case.
FILES = {
    "filler_lead_ins.tsv": dict(flags=re.I, groups=1),
    "boilerplate.tsv": dict(flags=re.I),
    "promotion.tsv": dict(),
    "furniture.tsv": dict(flags=re.I),
    "connectives.tsv": dict(groups=0),
}
ROWS = [(name, row) for name, how in FILES.items() for row in phrases(name, **how)]


@pytest.mark.parametrize("name,row", ROWS, ids=[f"{name}:{row.line}" for name, row in ROWS])
def test_every_row_matches_its_case_through_its_rule(name, row):
    case = row.case
    if name == "filler_lead_ins.tsv":
        assert strip_filler_lead_in.apply(case) == [cap(row.pattern.match(case).group(1))] != [case]
    elif name == "boilerplate.tsv":
        assert drop_boilerplate.apply(case) == []
    elif name == "promotion.tsv":
        assert drop_promotion.apply(case) == []
    elif name == "furniture.tsv":
        assert is_furniture(case)
    else:
        (plain_case,) = use_plain_connectives.apply(case)
        assert plain_case.startswith(row.columns["plain"] + " ") and plain_case != case


def test_every_phrase_file_has_rows_and_every_row_a_reason_or_a_plain_word():
    for name, how in FILES.items():
        rows = phrases(name, **how)
        assert len(rows) >= 5, name
        for row in rows:
            assert row.columns.get("why") or row.columns.get("plain"), f"{name}:{row.line}"


# Texts the rules' own cases say must stay as they are: no row of the data may catch them.
@pytest.mark.parametrize("rule,text", [
    (strip_filler_lead_in, "By 2024 we can see how it works."),
    (drop_boilerplate, "Kratom is a plant."),
    (drop_boilerplate, "Understanding your rights helps you ask for care."),
    (drop_promotion, "This offers relief from pain for a few hours."),
    (drop_promotion, "Sleep is a key factor in recovery."),
    (drop_promotion, "Naloxone gives people a second chance to get help."),
    (use_plain_connectives, "It is, however, safe for adults."),
    (use_plain_connectives, "However you take it, take it with food."),
])
def test_texts_the_rules_keep_stay(rule, text):
    assert rule.apply(text) == [text]


@pytest.mark.parametrize("text", ["By 2024 most clinics will offer it.", "Salt | sugar | fat",
                                  "Related research is under way.", "Share your worries with your nurse."])
def test_lines_that_are_content_are_not_furniture(text):
    assert not is_furniture(text)


HEADER = "# a comment\npattern\tcase\twhy\n"


@pytest.mark.parametrize("row,says", [
    ("^(unclosed\tunclosed\ta bracket left open", "line 3: the pattern does not compile (missing ), unterminated"),
    ("^Read on\\b\tKeep reading.\tthe case is another phrase", "line 3: the pattern does not match its case 'Keep reading.'"),
    ("^Read on\\b Read on.", "line 3: the row has 1 column(s) but the header names 3"),
    ("^Read on\\b\t\tno case", "line 3: the row has 3 column(s)"),
    ("^Read on\\b\tRead on.\twhy\tone too many", "line 3: the row has 4 column(s)"),
])
def test_a_broken_row_names_its_file_and_line_in_one_line(row, says):
    with pytest.raises(HandoutError) as raised:
        parse_phrases("handouts/language/data/boilerplate.tsv", HEADER + row + "\n", re.I)
    message = str(raised.value)
    assert message.startswith("handouts/language/data/boilerplate.tsv, " + says)
    assert "\n" not in message


def test_a_lead_in_without_its_one_group_is_refused():
    with pytest.raises(HandoutError, match=r"filler_lead_ins.tsv, line 2: the pattern has 0 group\(s\)"):
        parse_phrases("filler_lead_ins.tsv", "pattern\tcase\twhy\n^In short, .+$\tIn short, rest.\tfiller\n", re.I, groups=1)


def test_a_file_without_a_header_naming_its_case_is_refused():
    with pytest.raises(HandoutError, match=r"furniture.tsv, line 2: the first line that is not a comment must name"):
        parse_phrases("furniture.tsv", "# comment\n^Advertisement$\tAdvertisement\twhy\n")


def test_a_good_row_reads_with_its_columns_and_line():
    (row,) = parse_phrases("x.tsv", HEADER + "\n^Read on\\b\tRead on to learn more.\tAsks the reader to keep reading.\n", re.I)
    assert (row.line, row.case, row.columns["why"]) == (4, "Read on to learn more.", "Asks the reader to keep reading.")
    assert row.pattern.flags & re.I
