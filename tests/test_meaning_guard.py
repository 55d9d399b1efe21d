"""The meaning guard catches a rewrite that drops 'not', 'may', a number or a drug name."""

import pytest

import handouts.plain.rules as rules_module
from handouts.language.meaning_guard import check, protected
from handouts.model import Block, Handout, Meta, Section, Sentence
from handouts.plain.rewrite import plain_language
from handouts.plain.rules.base import Rule


def test_naive_rewrite_dropping_not_is_caught():
    v = check("Kratom is not approved by the FDA.", ["Kratom is approved by the FDA."], "naive")
    assert v and v.rule == "naive" and any("negation" in m for m in v.missing)
    assert "Kratom is not approved" in str(v) and "Kratom is approved by the FDA." in str(v)


def test_naive_rewrite_dropping_may_is_caught():
    v = check("Kratom may ease withdrawal.", ["Kratom eases withdrawal."])
    assert v and v.missing == ["hedge 'may'"]


@pytest.mark.parametrize("plain", ["Kratom might ease withdrawal.", "Kratom could possibly ease withdrawal."])
def test_equivalent_hedges_pass(plain):
    assert check("Kratom may ease withdrawal.", [plain]) is None


def test_numbers_ranges_and_units_must_survive_with_equivalents():
    assert check("Symptoms last 2–3 days.", ["Symptoms last 2 to 3 days."]) is None
    assert check("Symptoms last two days.", ["Symptoms last 2 days."]) is None
    assert check("Take 5 mg.", ["Take 50 mg."]).missing == ["number '5 mg'"]
    assert check("It helps 10% of people.", ["It helps 10 percent of people."]) is None


def test_drug_names_and_further_research_must_survive():
    v = check("Further research on kratom and heroin is needed.", ["Research is needed."])
    assert set(v.missing) == {"hedge 'more research needed'", "name 'kratom'", "name 'heroin'"}


def test_split_sentences_are_checked_together():
    assert check("Some studies suggest it may not help, and heroin is risky.",
                 ["Some studies suggest it may not help.", "And heroin is risky."]) is None


def test_protected_counts_contractions_as_negations():
    assert protected("Don't stop, and never mix them without advice.").negations == 3


def _handout(*texts):
    return Handout(Meta(title="T", slug="t"), [Section("", [Block("paragraph", [[Sentence(t, [t]) for t in texts]])])])


def test_a_step_that_loses_a_word_is_skipped_and_named(monkeypatch):
    bad = Rule("drop_not_naively", "A broken rule for this test.", lambda s: [s.replace(" not", "")])
    monkeypatch.setattr("handouts.plain.rewrite.RULES", rules_module.RULES[:-1] + [bad, rules_module.RULES[-1]])
    result = plain_language(_handout("Kratom is not approved as a medicine."))
    assert [s.text for s in result.handout.sentences] == ["Kratom is not approved as a medicine."]
    assert result.changes[0].kept == ["drop_not_naively: the meaning guard: it would lose negation (1 in the source, 0 after)"]
    assert result.violations == []


def test_filler_is_dropped_only_when_what_it_names_is_said_elsewhere():
    # The boilerplate sentence is the only place 'heroin' appears: it stays, and the reviewer is told why.
    kept = plain_language(_handout("In this article, we explore heroin.", "Kratom is a plant."))
    assert any("heroin" in s.text for s in kept.handout.sentences)
    assert kept.changes[0].kept == ["drop_boilerplate: the meaning guard: it would lose name 'heroin'"]
    dropped = plain_language(_handout("In this article, we explore kratom.", "Kratom is a plant."))
    assert [s.text for s in dropped.handout.sentences] == ["Kratom is a plant."] and dropped.violations == []


def test_a_step_that_would_change_the_meaning_never_stops_the_build(tmp_path, monkeypatch):
    from conftest import DATA
    from handouts.config import Config
    from handouts.pipeline import build_handout

    bad = Rule("drop_not_naively", "A broken rule for this test.", lambda s: [s.replace(" not", "")])
    monkeypatch.setattr("handouts.plain.rewrite.RULES", rules_module.RULES[:-1] + [bad, rules_module.RULES[-1]])
    result = build_handout(DATA / "lists.txt", Config(root=tmp_path, out_dir="out"), audio=False)
    assert result.ok and (tmp_path / "out" / "lists.pdf").exists()
    assert "Do not eat after midnight." in (tmp_path / "out" / "lists.html").read_text(encoding="utf-8")
    review = (tmp_path / "out" / "lists.review.html").read_text(encoding="utf-8")
    assert "drop_not_naively" in review and "would lose negation" in review


def test_can_may_soften_to_may_but_may_never_firms_up_to_can():
    # "can" -> "may" says less, never more; "may" -> "can" would sound surer than the source.
    assert check("Kratom can raise dopamine.", ["Kratom may raise dopamine."]) is None
    v = check("Kratom may raise dopamine.", ["Kratom can raise dopamine."])
    assert v and v.missing == ["hedge 'may'"]
    v = check("Kratom cannot cure withdrawal.", ["Kratom may cure withdrawal."])
    assert v and any("negation" in m for m in v.missing)  # "cannot" also counts as a negation


def test_words_in_quotation_marks_must_stay_as_said():
    # 'Avoid words like "junkie"' talks about a word: a swap inside the quotes says the opposite.
    v = check('Avoid words like "junkie" or “clean”.', ['Avoid words like "person who uses drugs" or “clean”.'])
    assert v is not None and v.missing == ["quoted words 'junkie'"]
    assert check('Avoid words like "junkie".', ['Avoid words like "junkie".']) is None
