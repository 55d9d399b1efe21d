"""Fingerprints of the inputs an output depends on, by input name.

Input names: "source" (the file's bytes), "text" (the handout after the plain-language stage,
by section and sentence), "narration" (the spoken script, by section and sentence), "plain" (the plain-language change
log), "engine"
(the speech engine and voice), "config:OUTPUT" (the settings `Config.parts_for(OUTPUT)`),
"template:NAME" (a file or glob in handouts/templates/), "code:PATH" (handouts/PATH.py, or every
module of the wing handouts/PATH/),
"media" (which narration files sit beside the HTML page), "files:EXT,EXT" (the bytes of the handout's own
output files with those extensions, e.g. "files:mp3,vtt" for the video made from them).
Add a kind by adding a function to KINDS.
"""

from __future__ import annotations

import dataclasses
import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from handouts.build.manifest import CACHE_VERSION, digest, sectioned
from handouts.build.paths import narration_files, output_dir
from handouts.templates import TEMPLATE_DIR

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # handouts/
SKIPPED_FIELDS = {"line", "source"}  # where text sits in the file, not what it says


def fingerprints(job, names: tuple[str, ...]) -> dict[str, Any]:
    """Return the fingerprint of every named input, plus the cache version."""
    found = {"version": CACHE_VERSION}
    for name in names:
        kind, _, arg = name.partition(":")
        found[name] = KINDS[kind](job, arg)
    return found


def _plain(value: Any) -> Any:
    """Return a dataclass tree as JSON-able data, leaving out where things sit in the file."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name not in SKIPPED_FIELDS}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def section_label(heading: str) -> str:
    """Return how a section is named in messages."""
    return heading or "introduction"


def text_input(job, _arg: str = "") -> dict:
    """Fingerprint the handout text by section and sentence (the whole tree decides equality)."""
    handout = job.handout
    meta = handout.meta
    parts = [("title and details", [meta.title, meta.language, meta.reviewed_by or "", meta.reviewed_on or ""])]
    parts += [(section_label(s.heading), [s.heading] + [x.text for x in s.sentences]) for s in handout.sections]
    if handout.key_points:
        parts.append(("key points", [s.text for s in handout.key_points]))
    if handout.words_to_know:
        parts.append(("words to know", [f"{t.word}: {t.definition}" for t in handout.words_to_know]))
    return sectioned(parts, _plain(handout))


def narration_input(job, _arg: str = "") -> dict:
    """Fingerprint the spoken script by section and utterance (text and pause)."""
    script = job.script()
    headings = [s.heading for s in job.handout.sections]
    parts: dict[str, list[str]] = {}
    for u in script:
        section = getattr(u, "section", -1)
        label = section_label(headings[section]) if 0 <= section < len(headings) else "title and ending"
        # The spoken form too: a pronunciation (lexicon) change must remake the audio.
        parts.setdefault(label, []).append(f"{u.text}\x00{getattr(u, 'spoken', '')}\x00{getattr(u, 'pause', '')}")
    return sectioned(list(parts.items()), _plain(script))


def plain_input(job, _arg: str = "") -> str:
    """Fingerprint the plain-language change log (source sentences, what they became, why)."""
    plain = job.plain
    return digest([[c.as_dict() for c in plain.changes], [str(v) for v in plain.violations]])


def engine_input(job, _arg: str = "") -> str:
    """Fingerprint the speech engine and voice settings."""
    return job.engine().voice_id()


def config_input(job, output: str) -> dict:
    """Fingerprint the settings that `output` uses, one hash per setting so changes can be named."""
    return {key: digest(value) for key, value in job.config.parts_for(output).items()}


def template_input(_job, pattern: str) -> str:
    """Fingerprint the template files matching `pattern` in templates/."""
    files = sorted(TEMPLATE_DIR.glob(pattern))
    return digest({p.name: digest(p.read_bytes()) for p in files})


def code_input(_job, module: str) -> str:
    """Fingerprint the code of a handouts module or wing ("render/pdf", "plain"): a code change remakes its outputs."""
    return _code_digest(module)


@cache
def _code_digest(module: str) -> str:
    """Hash a module's or wing's files once per process (code does not change under a running build)."""
    path = PACKAGE_DIR / module
    files = sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
    if not all(f.exists() for f in files):
        return "missing"
    return digest({str(f.relative_to(PACKAGE_DIR)): digest(f.read_bytes()) for f in files})


def media_input(job, _arg: str = "") -> dict:
    """Fingerprint which narration files sit beside the HTML page (its player links to them) and the
    captions it embeds (so new cues, from any cause, remake the page)."""
    out, slug = output_dir(job.config), job.handout.meta.slug
    found: dict = dict(narration_files(out, slug))
    vtt = out / f"{slug}.vtt"
    if found.get("vtt"):
        try:
            found["cues"] = file_digest(vtt)
        except OSError:
            found["cues"] = None
    return found


def files_input(job, extensions: str) -> dict:
    """Fingerprint the handout's output files `{slug}.EXT` for each extension in "mp3,vtt": an output made from
    them is remade when their bytes change, not when they are merely written again."""
    out, slug = output_dir(job.config), job.handout.meta.slug
    found: dict = {}
    for ext in extensions.split(","):
        try:
            found[ext] = file_digest(out / f"{slug}.{ext}")
        except OSError:
            found[ext] = None
    return found


CHUNK = 1 << 20  # 1 MiB


def file_digest(path: Path) -> str:
    """Return `digest` of a file's bytes, read a MiB at a time (an hour's MP3 is never held whole): the same
    value as `digest(path.read_bytes())`, so the fingerprints recorded before stay valid."""
    sha = hashlib.sha256()  # as digest() hashes bytes: SHA-256, its hex digest cut to 20 characters
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            sha.update(chunk)
    return sha.hexdigest()[:20]


def source_input(job, _arg: str = "") -> str:
    """Fingerprint the source file's bytes (as read once at the start of the build)."""
    return digest(job.data)


KINDS = {
    "source": source_input,
    "media": media_input,
    "files": files_input,
    "text": text_input,
    "narration": narration_input,
    "plain": plain_input,
    "engine": engine_input,
    "config": config_input,
    "template": template_input,
    "code": code_input,
}
