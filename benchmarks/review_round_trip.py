#!/usr/bin/env python3
"""The review round trip on a copy of the sample, with the real offline voice, as a reviewer would do it.

approve all -> edit one sentence -> sign -> build -> edit a different source sentence -> build,
then print what the issue asks to see: the edited sentence in the PDF, HTML and captions, one fuzzy
entry for the changed source sentence (with its old text), DRAFT with a warning naming it, and the
sentences spoken again.

usage: python benchmarks/review_round_trip.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handouts.config import load_config  # noqa: E402
from handouts.pipeline import build_all, sign_handout  # noqa: E402

SAMPLE = ROOT / "content" / "000-kratom-dopamine-opioid-withdrawal.txt"
EDIT_ENTRY = "The brain’s reward system plays a significant role"  # the reviewer rewrites this sentence
EDITED = "The brain’s reward system has a big part in opioid withdrawal."
SOURCE_OLD = "When use is stopped, these receptor sites"  # then staff edit this source sentence
SOURCE_NEW = "When opioid use is stopped, these receptor sites"


def build(root: Path):
    result = build_all(load_config(root), workers=1)[0]
    assert result.ok, result.error
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="review-round-trip-"))
    (root / "content").mkdir(parents=True, exist_ok=True)
    source = root / "content" / SAMPLE.name
    shutil.copy(SAMPLE, source)
    first = build(root)
    po_path = source.with_suffix(".po")
    po = polib.pofile(str(po_path), wrapwidth=0)
    edited = [e for e in po if e.msgid.startswith(EDIT_ENTRY) and not e.msgctxt]
    assert len(edited) == 1, "the sentence to edit is not in the sample any more"
    for e in po:
        if "fuzzy" in e.flags:
            e.flags.remove("fuzzy")
    edited[0].msgstr = EDITED
    po.save(str(po_path))
    state = sign_handout(source, load_config(root), "Dr. Ada Lee")
    signed = build(root)
    text = source.read_text(encoding="utf-8")
    assert SOURCE_OLD in text, "the source sentence to edit is not in the sample any more"
    source.write_text(text.replace(SOURCE_OLD, SOURCE_NEW), encoding="utf-8")
    after = build(root)
    out = root / "build"
    slug = after.slug
    pdf = subprocess.run(["pdftotext", str(out / f"{slug}.pdf"), "-"], capture_output=True, text=True).stdout \
        if shutil.which("pdftotext") else ""
    po = polib.pofile(str(po_path), wrapwidth=0)
    fuzzy = [e for e in po if "fuzzy" in e.flags and not e.obsolete]
    print(f"first build: {first.seconds:.1f} s, {len(first.synthesised)} sentences spoken, DRAFT={first.draft}")
    print(f"signed by {state.signed_by} on {state.signed_on}; build after signing: DRAFT={signed.draft}, "
          f"{len(signed.synthesised)} sentence(s) spoken: {signed.synthesised}")
    print(f"after the source edit: DRAFT={after.draft}; spoken again: {after.synthesised}")
    for where, body in (("PDF", " ".join(pdf.split())), ("HTML", (out / f"{slug}.html").read_text(encoding="utf-8")),
                        ("captions", " ".join((out / f"{slug}.vtt").read_text(encoding="utf-8").split()))):
        print(f"edited sentence in the {where}: {EDITED in body}")
    print(f"fuzzy entries: {len(fuzzy)}")
    for e in fuzzy:
        print(f"  msgid: {e.msgid}\n  #| msgid: {e.previous_msgid}\n  msgstr: {e.msgstr}")
    for w in after.warnings:
        if "DRAFT again" in w or "need a look" in w:
            print(f"warning: {w}")
    print(f"work folder: {root}")


if __name__ == "__main__":
    main()
