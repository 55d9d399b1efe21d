"""What every rule is made of: the Rule and its decorator, the list items a rule makes, and the helpers splits share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

from handouts.language import rx
from handouts.language.grammar import has_verb

from handouts.model import BULLET, STEP, TEXT  # noqa: F401  the roles of a piece (Sentence.role), for the rules
LONG = 20  # words: the sentences the long-sentence rules split
SPLIT_FROM = 14  # words: a sentence this long is split where a clean split leaves two whole sentences


class Piece(NamedTuple):
    """A piece of a rewritten sentence with its role: a list item (BULLET, STEP) a rule made, or TEXT."""

    role: str
    text: str


@dataclass(frozen=True)
class Rule:
    """One named rewrite: sentence in, sentences out (none when it removes the sentence)."""

    name: str
    reason: str
    apply: Callable[[str], list[str | Piece]]  # a piece out is a sentence (str) or a list item (Piece)
    cases: tuple = ()
    # True when what it removes is page furniture (dates, reading times), never a claim.
    removes_furniture: bool = False
    # True when it removes filler words, not claims: what it takes out must be said elsewhere.
    removes_filler: bool = False
    # True when it turns a sentence into a list (a lead-in and bullets): only inside a paragraph.
    makes_list: bool = False
    # How it rewrites the words of a list item a rule made; None: list items pass it unchanged.
    apply_item: Callable[[Piece], Piece] | None = None
    # Its kind, the module it is in (cleanup, filler, clauses, examples, lists, words): what its steps are checked for.
    kind: str = ""

    def rewrite(self, piece: Piece) -> list[Piece]:
        """Rewrite one piece: a sentence with `apply`, a list item with `apply_item`."""
        if piece.role != TEXT:
            return [self.apply_item(piece)] if self.apply_item else [piece]
        return [p if isinstance(p, Piece) else Piece(TEXT, p) for p in self.apply(piece.text)]


def rule(reason: str, cases=(), removes_furniture: bool = False, removes_filler: bool = False,
         makes_list: bool = False, items: bool | Callable[[Piece], Piece] = False):
    """Make a function a rule with its reason and test cases; `items`: how it rewrites list items (True: as sentences)."""
    def make(fn) -> Rule:
        def apply(sentence: str) -> list[str | Piece]:
            out = fn(sentence)
            return [out] if isinstance(out, str) else list(out)

        def apply_item(item: Piece) -> Piece:
            return item._replace(text=fn(item.text))

        return Rule(fn.__name__, reason, apply, tuple(cases), removes_furniture, removes_filler, makes_list,
                    apply_item if items is True else items or None, fn.__module__.rpartition(".")[2])
    return make


def cap(text: str) -> str:
    """Upper-case the first letter (not of a name set in mixed case: "eGFR", "mRNA", "iPhone")."""
    if rx.match(r"[a-z]+[A-Z]|[a-z][.)] |(?:mg|mcg|ml|kg|mmol|µg|ng|iu)/", text):
        return text  # (nor a list item's letter: "a) you are pregnant", which the text may name: "any of a to e")
    return text[:1].upper() + text[1:] if text else text


def end(text: str) -> str:
    """Make a clause a sentence: trimmed, capitalised, with a full stop."""
    text = text.strip().rstrip(",; ")
    if not rx.search(r"[.!?:][\"”’')\]]*$", text) or rx.search(r"\b(?:a\.m|p\.m|etc|e\.g|i\.e)\.\)$", text):
        text += "."  # "(acetaminophen at 8 a.m., ibuprofen at 11 a.m.)" ends an aside, not the sentence
    return cap(text)


def _complete(parts: list[str]) -> bool:
    """Every part is a sentence: three words or more, with a verb."""
    return all(len(p.split()) >= 3 and has_verb(p) for p in parts)


def _balanced(text: str) -> bool:
    """Tell whether a text closes every bracket it opens (an item's letter, "f) ...", opens none)."""
    text = rx.sub(r"^\(?[a-z0-9]{1,2}\)\s", "", text.strip())
    return text.count("(") == text.count(")")


def split_or_keep(sentence: str, parts: list[str], parsed: bool = False) -> list[str]:
    """Return the parts as sentences when each is complete, else the sentence unchanged.

    `parsed`: the parts are clauses the parse found, so the step's check (plain/verify.py) judges them
    whole on the parse; the word-list test here would miss a verb it does not know ('usually need').
    """
    if sentence.rstrip().endswith(":"):
        return [sentence]  # it introduces the list or table that follows: a split would hand that to its last part
    if any(p.count('"') % 2 or p.count("“") != p.count("”") for p in parts):
        return [sentence]  # someone's words in quotation marks are said as they said them
    if _balanced(sentence) and not all(map(_balanced, parts)):
        return [sentence]  # "(sore throat ... are common; ... death is very rare)": a cut inside brackets halves them
    parts = [end(p) for p in parts if p.strip()]
    return parts if len(parts) > 1 and (parsed or _complete(parts)) else [sentence]
