"""Remember the plain-language stage's result per source, so an unchanged handout is not rewritten
(and its readability not measured) again on every build: a no-op rebuild then only reads and hashes.

The key covers the source's bytes, the settings the stage uses, and the package's code and data,
so any change there recomputes. The cache is the project's own folder (pickle: trusted, like code).
"""

from __future__ import annotations

import pickle
import sys
from functools import cache
from pathlib import Path

from .files import write_atomic
from .manifest import CACHE_VERSION, digest

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def code_digest() -> str:
    """Fingerprint the package's code and data files (any change may change the stage's result)."""
    files = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".json"))
    return digest({str(p.relative_to(PACKAGE_DIR)): digest(p.read_bytes()) for p in files})


def plain_key(source: Path, data: bytes, config) -> str:
    """Return the cache key of a source's plain-language result (its text, settings and our code)."""
    return digest([CACHE_VERSION, digest(data), str(Path(source).resolve()), config.language,
                   config.parts_for("plain"), code_digest()])


def plain_stage(source: Path, config, folder: Path):
    """Return the plain-language result for `source`, from the cache in `folder` when it is current."""
    from .plain import plain_language
    from .sources import read_source

    data = Path(source).read_bytes()
    path = Path(folder) / f"{plain_key(source, data, config)}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception as e:  # a damaged entry of any kind: say so and recompute, never fail on a cache
        print(f"warning: {path}: damaged plain-language cache entry ({type(e).__name__}); making it again.",
              file=sys.stderr)
    result = plain_language(read_source(source, config.language), config)
    if Path(source).read_bytes() != data:
        return result  # saved while we read it: do not file this result under the old text's key
    try:
        write_atomic(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # not cacheable: still correct, only slower next time
    return result
