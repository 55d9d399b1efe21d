"""The word index behind near-duplicate merging finds every sentence `repeats` would accept, and only nearby ones."""

from conftest import DATA, SAMPLE
from handouts.model import Block, Handout, Meta, Section, Sentence
from handouts.plain.merging import MERGE_RULE, MERGE_WINDOW, WordIndex, could_repeat, merge_near_duplicates, repeats
from handouts.read.sources import read_source


def _sentences() -> list[str]:
    """Return the sentences of the sample and of a few test texts, with repeats among them."""
    texts = [SAMPLE] + sorted(DATA.glob("*.txt"))[:12]
    return [s.text for path in texts for s in read_source(path).sentences]


def test_the_index_finds_every_sentence_that_repeats_another():
    sentences = _sentences()
    index = WordIndex()
    for i, text in enumerate(sentences):
        index.add(i, text)
    found = 0
    for i, a in enumerate(sentences):
        candidates = set(could_repeat(index, a, i))
        for j, b in enumerate(sentences):
            if i != j and repeats(a, b):
                found += 1
                assert j in candidates, (a, b)
    assert found  # the texts do repeat themselves, so the check checked something


def test_the_index_lists_nearby_places_in_reading_order_and_takes_a_changed_text():
    index = WordIndex()
    index.add(0, "Kratom raises dopamine levels.")
    index.add(5, "Dopamine is a brain chemical.")
    index.add(MERGE_WINDOW + 5, "Dopamine falls during withdrawal.")
    words = index.rarest(["dopamin", "kratom"], 2)
    assert index.near(words, 4) == [0, 5]  # the third is too far away
    assert index.near(words, MERGE_WINDOW + 5) == [5, MERGE_WINDOW + 5]
    index.add(0, "Kratom raises dopamine levels in the brain.")  # a sentence whose wording changed, again
    assert index.near(["brain"], 0) == [0, 5]


def _handout(texts: list[str]) -> Handout:
    paragraph = Block("paragraph", [[Sentence(t, sources=[t])] for t in texts])
    return Handout(Meta(title="Test", slug="test"), [Section("", [paragraph])])


def test_a_repeat_is_merged_when_near_and_kept_when_very_far_apart():
    claim = "Kratom withdrawal symptoms include muscle aches and strong cravings for the drug."
    names = [a + b + c + d for a in "bcdfghjklm" for b in "aeiou" for c in "prstvwxyz" for d in "aeiou"]  # made-up words, one each
    filler = [f"The {w}ol clinic opens a {w}an ward for {w}ine care." for w in names[:MERGE_WINDOW + 5]]
    near = _handout([claim] + filler[:20] + [claim.replace("strong", "intense")])
    merge_near_duplicates(near, [])
    kept = [s for s in near.sentences if "withdrawal" in s.text]
    assert len(kept) == 1 and MERGE_RULE in kept[0].rules
    far = _handout([claim] + filler + [claim.replace("strong", "intense")])
    merge_near_duplicates(far, [])
    assert len([s for s in far.sentences if "withdrawal" in s.text]) == 2
