"""`generate.py check`: measure every handout's plain text against the readability targets and
the meaning guard, without rendering anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import HandoutError
from .plain import plain_language
from .sources import read_source


@dataclass
class CheckResult:
    """How one handout measures: figures before and after, and every target it misses."""

    source: Path
    slug: str = ""
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not self.missed and self.error is None

    def line(self) -> str:
        """Return the one-line report."""
        if self.error:
            return f"FAILED {self.error}"
        b, a = self.before, self.after
        if not a:
            return f"ok {self.slug}: used as written (the plain-language rules and grade targets are for English)"
        figures = (f"grade {b['fk_grade']:.1f}->{a['fk_grade']:.1f}, SMOG {b['smog']:.1f}->{a['smog']:.1f}, "
                   f"longest sentence {b['longest_sentence']}->{a['longest_sentence']} words, "
                   f"words {b['body_words']}->{a['body_words']}")
        if self.ok:
            return f"ok {self.slug}: {figures}"
        return f"MISSED {self.slug}: {figures}\n" + "\n".join(f"  - {m}" for m in self.missed)


def check_handout(source: Path, config) -> CheckResult:
    """Run the plain-language stage on one source and list the targets it misses."""
    result = CheckResult(Path(source))
    try:
        plain = plain_language(read_source(source, config.language), config)
    except HandoutError as e:
        if e.path is None:
            e.path = str(source)
        result.error = str(e)
        return result
    result.slug = plain.handout.meta.slug
    if plain.rewritten:
        result.before, result.after = plain.before.as_dict(), plain.after.as_dict()
    result.missed = plain.missed_targets(config)
    result.missed += [f"meaning guard: {v}" for v in plain.violations]
    return result


def check_all(config, sources: list[Path]) -> list[CheckResult]:
    """Check every given source."""
    return [check_handout(s, config) for s in sources]
