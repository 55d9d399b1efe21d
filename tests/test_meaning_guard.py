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


def test_the_pipeline_names_the_rule_that_lost_a_word(monkeypatch):
    bad = Rule("drop_not_naively", "A broken rule for this test.", lambda s: [s.replace(" not", "")])
    monkeypatch.setattr(rules_module, "RULES", rules_module.RULES[:-1] + [bad, rules_module.RULES[-1]])
    monkeypatch.setattr("handouts.plain.rewrite.RULES", rules_module.RULES)
    result = plain_language(_handout("Kratom is not approved as a medicine."))
    assert [v.rule for v in result.violations] == ["drop_not_naively"]
    assert result.violations[0].source == "Kratom is not approved as a medicine."


def test_removed_filler_must_be_said_elsewhere():
    # The boilerplate sentence is the only place 'heroin' appears: dropping it is a violation.
    result = plain_language(_handout("In this article, we explore heroin.", "Kratom is a plant."))
    assert [v.rule for v in result.violations] == ["drop_boilerplate"]
    ok = plain_language(_handout("In this article, we explore kratom.", "Kratom is a plant."))
    assert ok.violations == []


def _break_not(monkeypatch):
    bad = Rule("drop_not_naively", "A broken rule for this test.", lambda s: [s.replace(" not", "")])
    monkeypatch.setattr("handouts.plain.rewrite.RULES", rules_module.RULES[:-1] + [bad, rules_module.RULES[-1]])


def test_a_meaning_change_fails_the_build_unless_allowed(tmp_path, monkeypatch):
    from conftest import DATA
    from handouts.pipeline import build_handout
    from handouts.config import Config

    _break_not(monkeypatch)
    config = Config(root=tmp_path, out_dir="out")
    failed = build_handout(DATA / "lists.txt", config, audio=False)
    assert not failed.ok
    assert "changed the meaning" in failed.error and "drop_not_naively" in failed.error
    assert "Do not eat after midnight." in failed.error and "lists.review.html" in failed.error
    assert "Do eat after midnight" in (tmp_path / "out" / "lists.review.html").read_text(encoding="utf-8")
    assert not (tmp_path / "out" / "lists.pdf").exists()

    config.allow_meaning_changes = True
    allowed = build_handout(DATA / "lists.txt", config, audio=False)
    assert allowed.ok and (tmp_path / "out" / "lists.pdf").exists()
    assert any("drop_not_naively" in w for w in allowed.warnings)


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
