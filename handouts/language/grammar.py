"""Grammar helpers the rules and the stages share: words, verbs and their forms, plurals, instructions."""

from __future__ import annotations

from functools import cache
from importlib import resources

from handouts.language import rx
from handouts.language.pronouncing import syllable_counts

AUXILIARIES = {
    "is", "are", "was", "were", "be", "am", "can", "could", "may", "might", "must", "shall",
    "should", "will", "would", "do", "does", "did", "has", "have", "had", "cannot", "can't",
    "don't", "doesn't", "isn't", "aren't", "won't", "didn't", "wasn't", "weren't",
}
_SUBJECTS = {"i", "you", "we", "they", "these", "those", "people", "others", "some", "many", "who", "that", "which"}
# After "So" these read as "so many", "so much": "So many people do not know" is not "As a result, many ...".
DEGREE_WORDS = frozenset({"many", "much", "few", "little", "far", "long", "often", "very", "that", "most", "well"})
# Words for people: a clause about one of them does something; a clause about a thing may cause something.
PEOPLE = {"someone", "anyone", "everyone", "somebody", "anybody", "person", "people", "adult", "child", "patient",
          "woman", "man", "baby", "teen", "teenager", "individual", "user", "parent", "member", "those", "who", "you",
          "they", "resident", "worker", "mother", "father", "infant", "student", "caller", "i", "we", "he", "she"}
ADVERBS = {"also", "often", "still", "usually", "mainly", "mostly", "sometimes", "always", "only", "just", "really"}


@cache
def verb_forms() -> tuple[frozenset, frozenset]:
    """Return (finite forms, base forms) of the common verbs list."""
    text = resources.files("handouts.language").joinpath("data/verbs.txt").read_text(encoding="utf-8")
    bases = {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    finite = set()
    for b in bases:
        finite |= {b + "s", b + "es", b + "ed", b + "d", b[:-1] + "ies", b[:-1] + "ied"}
    finite |= {"came", "began", "broke", "brought", "became", "did", "drank", "drove", "fell", "felt",
               "fought", "found", "gave", "went", "grew", "had", "heard", "held", "kept", "knew", "led",
               "left", "lost", "made", "meant", "paid", "put", "ran", "rose", "said", "saw", "sent",
               "set", "showed", "slept", "spoke", "took", "told", "thought", "threw", "wore", "cut"}
    return frozenset(finite), frozenset(bases)


def words(text: str) -> list[str]:
    """Return the lower-case words of a text."""
    return rx.findall(r"[a-z][a-z'’-]*", text.lower())


def has_verb(sentence: str) -> bool:
    """Tell whether a sentence has a finite verb (so it is not a fragment)."""
    ws = [w for w in words(sentence) if w not in ADVERBS and w not in ("never", "always")]  # "they also include"
    finite, bases = verb_forms()
    if ws and (ws[0] in bases and ws[:2] != ["contact", "with"] or ws[0] == "please" and ws[1:2] and ws[1] in bases):
        return True  # an instruction: "Wash the cut.", "Please bring ..." (not the noun: "Contact with farm animals")
    for i, w in enumerate(ws):
        if w in AUXILIARIES or w in finite and not (i and ws[i - 1] in ("the", "a", "an", "its", "their")):
            return True
        # A base form is a verb after a plural subject ("opioids act"); "like" there is a preposition.
        if w in bases and w != "like" and i and (ws[i - 1] in _SUBJECTS or ws[i - 1].endswith("s")):
            return True
    return False


def is_plural(word: str) -> bool:
    """Tell whether a word is an English plural ('symptoms'), not just a word ending in s ('tremens')."""
    if not word.endswith("s") or word.endswith("ss"):
        return False
    return any(stem in dictionary_words() for stem in (word[:-1], word[:-2], word[:-3] + "y"))


def noun_number(word: str) -> str | None:
    """Return 'singular', 'plural' or 'both' for a noun by its dictionary forms (None: not in the dictionary).

    (The tagger guesses from the sentence and misreads nouns at its start: "Falls are" as singular,
    "Scabies is" as plural; "percent" and "series" are both.)
    """
    from lemminflect import getAllInflections, getAllLemmas  # a small table, loaded when first asked

    word = word.lower()
    if word in ("%", "percent", "per cent"):
        return "both"  # "40% of people are", "10% of the dose is": it agrees with what it counts
    lemmas = getAllLemmas(word, "NOUN").get("NOUN", ())
    if not lemmas:
        return None
    if word not in lemmas:
        return "plural"
    return "both" if word in getAllInflections(word, "NOUN").get("NNS", ()) else "singular"


@cache
def dictionary_words() -> frozenset:
    """Return the words of the pronouncing dictionary: the everyday English words the helpers know."""
    return frozenset(syllable_counts())


def third_person(ing: str) -> tuple[str, str]:
    """Return (base, third person) of an -ing verb: 'creating' -> ('create', 'creates')."""
    stem = ing[:-3]
    candidates = [stem + "e", stem] if not rx.search(r"[aeiou][^aeiouwxy]$", stem) else [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.insert(0, stem[:-1])  # running -> run
    known, verbs = dictionary_words(), verb_forms()[1]
    # The verb list first: the pronouncing dictionary also holds names ("warne" for "warning").
    base = next((c for c in candidates if c in verbs), None) or next((c for c in candidates if c in known), stem)
    third = base + "es" if rx.search(r"(s|x|z|ch|sh)$", base) else (
        base[:-1] + "ies" if rx.search(r"[^aeiou]y$", base) else base + "s")
    return base, third


def tells_what_to_do(sentence: str) -> bool:
    """Tell whether a sentence is an instruction to the reader ('Call 911 ...', 'Do not stop ...')."""
    ws = words(sentence)
    while ws and ws[0] in ("always", "please", "also", "first", "then"):
        ws = ws[1:]  # "Always call 911 ..." is an instruction too
    if ws[:2] == ["contact", "with"]:
        return False  # "Contact with farm animals ...": the noun
    return bool(ws) and (ws[0] in verb_forms()[1] or ws[0] in ("don't", "never")
                         or ws[:2] == ["do", "not"] or ws[:2] == ["you", "should"])
