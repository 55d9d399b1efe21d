#!/usr/bin/env python3
"""Measure the sample narration: length, cold build time, real-time factor, loudness, and word error
rate of an offline recogniser (pocketsphinx, US English model) against the plain text.

Run from the project folder:  .venv/bin/python benchmarks/narration.py [SOURCE]
It builds into a fresh temporary folder (empty speech cache), so it takes a minute or two.
The WER is decoded sentence by sentence (one caption cue at a time), for the final MP3 and for
the raw voice before mastering (the baseline), so what mastering and MP3 cost can be told apart
from the recogniser's own errors.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handouts.speech import decode_mp3  # noqa: E402
from handouts.audio.sound import loudness, true_peak_dbtp  # noqa: E402
from handouts.pipeline import build_handout  # noqa: E402
from handouts.config import load_config  # noqa: E402

SAMPLE = ROOT / "content" / "000-kratom-dopamine-opioid-withdrawal.txt"


def words(text: str) -> list[str]:
    """Return the words of `text` as a recogniser writes them: lower case, no punctuation."""
    text = text.lower().replace("’", "'").replace("-", " ")
    return re.findall(r"[a-z0-9']+", text)


ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int) -> str:
    """Say a whole number below a million in words, as a recogniser writes it."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        return ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + number_words(n % 100))
    return number_words(n // 1000) + " thousand" + ("" if n % 1000 == 0 else " " + number_words(n % 1000))


def as_said(text: str) -> str:
    """Return the written line as it is meant to be heard: the speech rules (no lexicon), numbers in words."""
    from handouts.audio.speech_text import spoken_form

    return re.sub(r"\d+", lambda m: number_words(int(m.group())) if len(m.group()) < 7 else m.group(),
                  spoken_form(text))


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    """Return the word-level Levenshtein distance."""
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def recognise(samples: np.ndarray, sample_rate: int, spans, decoder) -> list[str]:
    """Transcribe each span (start, end seconds) of the audio separately."""
    from scipy.signal import resample_poly

    audio = resample_poly(samples.astype(np.float64), 16000, sample_rate)
    out = []
    for start, end in spans:
        piece = audio[max(0, int((start - 0.15) * 16000)): int((end + 0.15) * 16000)]
        pcm = (np.clip(piece, -1, 1) * 32767).astype("<i2").tobytes()
        decoder.start_utt()
        decoder.process_raw(pcm, full_utt=True)
        decoder.end_utt()
        out.append(decoder.hyp().hypstr if decoder.hyp() else "")
    return out


def wer(refs: list[str], hyps: list[str]) -> float:
    """Return the word error rate over all sentences."""
    errors = sum(edit_distance(words(r), words(h)) for r, h in zip(refs, hyps))
    return errors / sum(len(words(r)) for r in refs)


def recogniser_words() -> set[str]:
    """Return the words pocketsphinx's US English dictionary knows (others it can never hear right)."""
    from pocketsphinx import get_model_path

    path = Path(get_model_path()) / "en-us" / "cmudict-en-us.dict"
    return {line.split()[0].split("(")[0] for line in path.read_text(encoding="utf-8").splitlines() if line}


def parse_vtt(text: str):
    """Return [(start, end, text)] from WebVTT."""
    def seconds(stamp):
        h, m, s = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    cues = []
    for block in text.strip().split("\n\n")[1:]:
        lines = block.splitlines()
        start, end = lines[1].split(" --> ")
        cues.append((seconds(start), seconds(end), " ".join(lines[2:]).replace("&amp;", "&")))
    return cues


def main(source: Path = SAMPLE) -> None:
    from pocketsphinx import Decoder

    config = load_config(ROOT)
    with tempfile.TemporaryDirectory() as out:
        config.out_dir = out
        started = time.perf_counter()
        result = build_handout(source, config)
        cold = time.perf_counter() - started
        if not result.ok:
            sys.exit(result.error)
        speech = decode_mp3(result.outputs["mp3"].read_bytes())
        cues = parse_vtt(result.outputs["captions"].read_text(encoding="utf-8"))
        # The baseline: the voice's own sentences from the speech cache, before mastering and MP3.
        from handouts.audio.narration import spoken_script
        from handouts.plain.rewrite import plain_language
        from handouts.read.sources import read_source
        from handouts.speech import get_engine
        from handouts.build.speech_cache import SpeechCache

        handout = plain_language(read_source(source, config.language), config).handout
        script = spoken_script(handout, config)
        engine = get_engine(config.voice_for(handout.meta.voice), handout.meta.language)
        cache = SpeechCache(Path(out) / ".cache" / "speech")
        raw_parts = [cache.get(cache.key(engine.voice_id(), u.spoken), engine.sample_rate) for u in script]
        assert all(p is not None for p in raw_parts)  # all from the cache the build filled
        # Synthesis alone (model already loaded), for the real-time factor.
        started = time.perf_counter()
        for u in script:
            engine.speak(u.spoken)
        synthesis = time.perf_counter() - started

    decoder = Decoder(samprate=16000)
    refs = [as_said(c[2]) for c in cues]  # the plain text as written in the captions, said aloud
    started = time.perf_counter()
    final = recognise(speech.samples, speech.sample_rate, [(c[0], c[1]) for c in cues], decoder)
    recognition = time.perf_counter() - started
    baseline = []
    for part in raw_parts:
        baseline += recognise(part.samples, part.sample_rate, [(0.15, part.seconds - 0.15)], decoder)
    # The voice's parts are the script's units, which need not be the captions' lines (a long line is cut in two
    # cues): the baseline is scored against what each unit says.
    spoken = [as_said(u.spoken) for u in script]
    n_words = sum(len(words(r)) for r in refs)
    print(f"source: {source.name}")
    print(f"narration length: {speech.seconds:.1f} s ({speech.seconds / 60:.1f} min), {len(cues)} lines, "
          f"{n_words} words, {n_words / (speech.seconds / 60):.0f} words a minute")
    print(f"cold build (empty cache; PDFs, HTML, plain-language reports, MP3, captions): {cold:.1f} s")
    print(f"synthesis alone: {synthesis:.1f} s -> real-time factor {synthesis / speech.seconds:.3f}; "
          f"whole cold build / audio length: {cold / speech.seconds:.3f}")
    print(f"loudness {loudness(speech):.2f} LUFS, true peak {true_peak_dbtp(speech):.2f} dBTP")
    print(f"WER pocketsphinx, sentence by sentence: final MP3 {wer(refs, final):.1%}, "
          f"raw voice before mastering (baseline) {wer(spoken, baseline):.1%} (decoding took {recognition:.0f} s)")
    known = recogniser_words()
    oov = [w for r in refs for w in words(r) if w not in known]
    plain = [i for i, r in enumerate(refs) if all(w in known for w in words(r))]
    print(f"words the recogniser does not know: {len(oov)} of {n_words} ({len(oov) / n_words:.0%}): "
          f"{', '.join(sorted(set(oov)))}")
    plain_units = [i for i, r in enumerate(spoken) if all(w in known for w in words(r))]
    print(f"WER on the {len(plain)} lines with only known words: final MP3 "
          f"{wer([refs[i] for i in plain], [final[i] for i in plain]):.1%}; on the {len(plain_units)} voice parts "
          f"with only known words, baseline {wer([spoken[i] for i in plain_units], [baseline[i] for i in plain_units]):.1%}")
    worst = sorted(zip(refs, final), key=lambda rh: -edit_distance(words(rh[0]), words(rh[1])) / max(1, len(words(rh[0]))))
    for ref, hyp in worst[:3]:
        print(f"  said:  {ref}\n  heard: {hyp}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE)
