"""The change log's record of what became of one source sentence: what the rules made of it and what merging did."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Change:
    """What became of one source sentence, for the reviewer."""

    source: str
    section: str
    became: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    merged_into: str | None = None
    removed_by: str | None = None
    filler_lost: list = field(default_factory=list)  # (rule, item) taken out with filler words
    merges: list = field(default_factory=list)  # {"sentence", "said_by", "words_not_carried"} per merge
    dropped: list = field(default_factory=list)  # {"text", "rule"}: a part of it a rule took out whole
    kept: list = field(default_factory=list)  # "<rule>: <reason>": a step that failed its check and was skipped
    long: list = field(default_factory=list)  # {"sentence", "words", "clauses"}: over 20 words, no safe split

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}
