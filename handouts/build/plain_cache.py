"""Remember the plain-language stage's result per source, so an unchanged handout is not rewritten
(and its readability not measured) again on every build: a no-op rebuild then only reads and hashes.

A passive store: `get` and `put` by key; the pipeline runs the stage on a miss. The key covers the
source's bytes, the settings the stage uses, and the package's code and data, so any change there
recomputes. The cache is the project's own folder (pickle: trusted, like code).
"""

from __future__ import annotations

import pickle
import sys
from functools import cache
from pathlib import Path

from handouts.build.manifest import CACHE_VERSION, digest
from handouts.files import write_atomic

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # handouts/


@cache
def code_digest() -> str:
    """Fingerprint the package's code and data files (any change may change the stage's result)."""
    files = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".json"))
    return digest({str(p.relative_to(PACKAGE_DIR)): digest(p.read_bytes()) for p in files})


def plain_key(source: Path, source_digest: str, config) -> str:
    """Return the cache key of a source's plain-language result (its text's digest, settings and our code)."""
    return digest([CACHE_VERSION, source_digest, str(Path(source).resolve()), config.language,
                   config.parts_for("plain"), code_digest()])


class PlainCache:
    """Plain-language results stored by key in `folder`."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def get(self, key: str):
        """Return the stored result for `key`, or None; a damaged entry is a warning and a miss, never a failure."""
        path = self.folder / f"{key}.pickle"
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception as e:  # a damaged entry of any kind
            print(f"warning: {path}: damaged plain-language cache entry ({type(e).__name__}); making it again.",
                  file=sys.stderr)
            return None

    def put(self, key: str, result) -> None:
        """Store `result` under `key` (a result that cannot be stored is only slower next time)."""
        try:
            write_atomic(self.folder / f"{key}.pickle", pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass
