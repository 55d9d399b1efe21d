"""The build manifest: for each output, the fingerprints of its inputs, so a rebuild redoes only
what changed and can say why.

An output is declared once, as an `Output` record (name, file name, the inputs it depends on and
a render function); `handouts/outputs.py` holds the list. An input is named by a string such as
"text", "narration", "engine", "config:pdf", "template:handout.html.j2" or "code:render/pdf"; its
fingerprint comes from `handouts/build/inputs.py`. The manifest file is JSON in build/.cache/.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from handouts.files import write_atomic

MANIFEST_VERSION = 1
CACHE_VERSION = "1"  # bump to rebuild every output after a change the fingerprints cannot see
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class Output:
    """One file made for each handout: its name, file name, inputs and how to make it."""

    name: str  # shown to the user: "pdf", "large-print pdf", "mp3", "html"
    filename: str  # "{slug}.pdf"
    inputs: tuple[str, ...]  # input names, see handouts/build/inputs.py
    render: Callable[[Any], Any]  # job -> the file's bytes or text, or a `Written` file to rename into place (the video)
    speech: bool = False  # needs the speech engine (skipped with --no-audio)

    def path(self, folder: Path, slug: str) -> Path:
        """Return where this output goes for the handout `slug`."""
        return Path(folder) / self.filename.format(slug=slug)


def digest(value: Any) -> str:
    """Return a short, stable hash of a JSON-able value or of bytes."""
    if not isinstance(value, bytes):
        value = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return hashlib.sha256(value).hexdigest()[:20]


def sectioned(parts: list[tuple[str, list[str]]], whole: Any) -> dict:
    """Fingerprint content as labelled parts of sentences, so a change can be described by place."""
    return {"hash": digest(whole), "parts": [[label, [digest(s) for s in texts]] for label, texts in parts]}


def file_stamp(path: Path) -> list[int] | None:
    """Return (size, mtime_ns) of an output file, or None when it is missing."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


@dataclass
class Manifest:
    """What the last build made: per source, its slug and per output the inputs it was made from."""

    path: Path
    handouts: dict[str, dict] = field(default_factory=dict)
    warning: str | None = None  # set when the file was damaged and ignored
    collection: dict[str, object] = field(default_factory=dict)  # collection files -> what they were made from

    @classmethod
    def load(cls, folder: Path) -> "Manifest":
        """Read the manifest in `folder`; a missing one is empty, a damaged one a warning and empty."""
        path = Path(folder) / MANIFEST_NAME
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path)
        except OSError as e:
            return cls(path, warning=f"warning: {path}: cannot read the build manifest ({e}); rebuilding everything.")
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
                raise ValueError("unknown version")
            handouts = data["handouts"]
            if not isinstance(handouts, dict) or not all(
                    isinstance(e, dict) and isinstance(e.get("outputs"), dict) for e in handouts.values()):
                raise ValueError("unexpected layout")
        except (ValueError, KeyError, UnicodeDecodeError) as e:
            return cls(path, warning=f"warning: {path}: the build manifest is damaged ({e}); rebuilding everything.")
        collection = data.get("collection", {})
        return cls(path, handouts, collection=collection if isinstance(collection, dict) else {})

    def save(self) -> None:
        """Write the manifest atomically (compact: a library's manifest is rewritten after each handout)."""
        data = {"version": MANIFEST_VERSION, "handouts": dict(sorted(self.handouts.items())),
                "collection": self.collection}
        write_atomic(self.path, json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")))


def why_stale(old: dict | None, inputs: dict[str, Any], path: Path, force: bool = False) -> str | None:
    """Return why an output at `path` must be made again, or None when it is up to date."""
    if force:
        return "--force"
    if old is None:
        return "not built before"
    stamp = file_stamp(path)
    if stamp is None:
        return "file missing"
    if old.get("file") != path.name:
        return "new file name"
    if old.get("stamp") != stamp:
        return "file changed outside the build"
    before = old.get("inputs", {})
    reasons = [describe_change(key, before.get(key), value) for key, value in inputs.items()
               if _hash_of(before.get(key)) != _hash_of(value)]
    reasons += [f"{key} no longer used" for key in before if key not in inputs]
    return "; ".join(reasons) or None


def _hash_of(value: Any) -> Any:
    """Return what decides equality for an input fingerprint."""
    return value.get("hash") if isinstance(value, dict) and "hash" in value else value


def describe_change(key: str, old: Any, new: Any) -> str:
    """Say in a few words how input `key` changed."""
    if old is None:
        return f"{key} is new"
    if isinstance(old, dict) and isinstance(new, dict) and "parts" in old and "parts" in new:
        return _describe_parts(key, old["parts"], new["parts"])
    if isinstance(old, dict) and isinstance(new, dict) and key.startswith("config"):
        changed = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        return f"settings changed: {', '.join(changed)}" if changed else f"{key} changed"
    if key.startswith(("template:", "code:")):
        kind, _, what = key.partition(":")
        return f"{kind} {what} changed"
    if key == "engine":
        return f"voice changed ({old} -> {new})"
    if key == "version":
        return "cache version changed"
    return f"{key} changed"


def _describe_parts(key: str, old: list, new: list) -> str:
    """Describe sentence-level changes per labelled part, e.g. "2 sentences changed in 'Dosage'"."""
    old_map = {label: hashes for label, hashes in old}
    new_map = {label: hashes for label, hashes in new}
    notes = []
    for label, hashes in new:
        if label not in old_map:
            notes.append(f"section '{label}' added")
            continue
        changed = _sentences_changed(old_map[label], hashes)
        if changed:
            notes.append(f"{changed} {'sentence' if changed == 1 else 'sentences'} changed in '{label}'")
    notes += [f"section '{label}' removed" for label, _ in old if label not in new_map]
    if not notes:
        notes = ["sections reordered" if sorted(map(str, old)) == sorted(map(str, new)) else "details changed"]
    shown = notes[:3] + ([f"{len(notes) - 3} more"] if len(notes) > 3 else [])
    return f"{key}: " + ", ".join(shown)


def _sentences_changed(old: list[str], new: list[str]) -> int:
    """Count sentences replaced, added or removed between two lists of sentence hashes."""
    count = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            count += max(i2 - i1, j2 - j1)
    return count


def warn(message: str) -> None:
    """Print a warning line on stderr."""
    print(message, file=sys.stderr)
