"""Regular expressions compiled once each, for the reading and plain stages."""

from __future__ import annotations

import functools
import re

# The re module keeps only 512 compiled patterns and drops the oldest first; the reader and the rules use
# more than that in turn, so every text compiled most of them again (a fifth of the plain stage's time).
# A larger cache that drops the least recently used keeps them all.


@functools.lru_cache(maxsize=4096)
def compiled(pattern: str | re.Pattern, flags: int = 0) -> re.Pattern:
    """Return the pattern compiled with these flags, compiling it only the first time."""
    return re.compile(pattern, flags)


def match(pattern, string, flags=0):
    """re.match with the pattern compiled once."""
    return compiled(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """re.fullmatch with the pattern compiled once."""
    return compiled(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """re.search with the pattern compiled once."""
    return compiled(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """re.sub with the pattern compiled once."""
    return compiled(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """re.subn with the pattern compiled once."""
    return compiled(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """re.split with the pattern compiled once."""
    return compiled(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """re.findall with the pattern compiled once."""
    return compiled(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """re.finditer with the pattern compiled once."""
    return compiled(pattern, flags).finditer(string)
