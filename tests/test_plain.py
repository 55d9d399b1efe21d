"""The plain-language stage on the sample article and on the other test texts."""

import json
import re

import pytest

from conftest import DATA, SAMPLE
from handouts.config import Config
from handouts.plain import content_words, plain_language, repeats
from handouts.rules import has_verb
from handouts.sources import read_source


@pytest.fixture(scope="module")
def sample():
    return plain_language(read_source(SAMPLE), Config())


def test_sample_keeps_its_meaning(sample):
    assert sample.violations == []


def test_sample_hedges_survive(sample):
    text = " ".join(s.text for s in sample.handout.sentences)
    assert re.search(r"\bmay\b", text) and re.search(r"\bmight\b", text)
    assert "Some studies" in text
    assert re.search(r"(Further|More) research is needed", text)
    assert "antagonist" in text and "Mitragyna speciosa" in text and "heroin" in text


def test_sample_has_no_fragments(sample):
    for s in sample.handout.sentences + sample.handout.key_points:
        assert has_verb(s.text), s.text
        assert s.text[0].isupper() and s.text[-1] in ".?!", s.text


def test_sample_is_easier_and_shorter(sample):
    b, a = sample.before, sample.after
    assert a.fk_grade < b.fk_grade - 5 and a.smog < b.smog - 4
    assert a.words < 0.8 * b.words
    assert a.avg_sentence_words < 15


def test_every_plain_sentence_records_its_sources_and_rules(sample):
    source_sentences = {s.text for s in read_source(SAMPLE).sentences}
    for s in sample.handout.sentences:
        assert s.sources and set(s.sources) <= source_sentences
    changed = [s for s in sample.handout.sentences if s.rules]
    assert len(changed) > len(sample.handout.sentences) / 2


def test_repeats_are_said_once(sample):
    texts = [s.text for s in sample.handout.sentences]
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            assert not (repeats(a, b) or repeats(b, a)), (a, b)
    merged = [s for s in sample.handout.sentences if "merge_near_duplicates" in s.rules]
    assert merged and all(len(s.sources) > 1 for s in merged)


def test_boilerplate_and_keyword_stuffing_are_gone(sample):
    text = " ".join(s.text for s in sample.handout.sentences)
    assert "In this article" not in text and "does kratom increase dopamine" not in text
    assert not re.search(r"^Understanding", text, re.M)


def test_key_points_are_three_to_five_of_its_own_sentences(sample):
    body = [s.text for s in sample.handout.sentences]
    points = [s.text for s in sample.handout.key_points]
    assert 3 <= len(points) <= 5
    assert all(p in body for p in points)
    assert all(len(p.split()) <= 15 for p in points)


def test_words_to_know_come_from_the_lexicon_once_each(sample):
    words = [t.word for t in sample.handout.words_to_know]
    assert {"opioid", "dopamine", "withdrawal", "receptor", "kratom"} <= set(words)
    assert len(words) == len(set(words))
    assert all(t.definition.endswith(".") for t in sample.handout.words_to_know)


def test_every_source_sentence_appears_in_the_change_log(sample):
    sources = [s.text for s in read_source(SAMPLE).sentences]
    assert [c.source for c in sample.changes] == sources
    for c in sample.changes:
        assert c.removed_by or c.became, c.source


def test_merging_needs_the_same_claim_words_and_protected_items():
    assert repeats("Some studies suggest kratom increases dopamine.",
                   "Some studies indicate that kratom can increase dopamine levels.")
    assert not repeats("Kratom may increase dopamine.", "Kratom increases dopamine.")  # would lose 'may'
    assert not repeats("Kratom lowers dopamine.", "Kratom raises dopamine and eases cravings.")
    assert content_words("The studies increased") == content_words("a study increases")


def test_review_outputs_in_a_build(sample_build):
    out = sample_build.outputs
    record = json.loads(out["change log"].read_text(encoding="utf-8"))
    assert record["violations"] == [] and record["changes"]
    figures = json.loads(out["readability"].read_text(encoding="utf-8"))
    assert figures["before"]["fk_grade"] > figures["after"]["fk_grade"]
    page = out["review page"].read_text(encoding="utf-8")
    assert "split_which_clause" in page and "Flesch-Kincaid" in page
    assert sample_build.readability["after"]["words"] == figures["after"]["words"]


def test_review_page_escapes_source_text(tmp_path):
    from handouts.changelog import review_html

    src = tmp_path / "evil.txt"
    src.write_text("Kratom <script>alert(1)</script> is a plant & a drug.\n", encoding="utf-8")
    page = review_html(plain_language(read_source(src), Config()), Config()).decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
