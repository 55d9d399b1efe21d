"""WebVTT captions: one cue per spoken line, timed from where its audio really sits in the narration."""

from __future__ import annotations


def timestamp(seconds: float) -> str:
    """Format seconds as a WebVTT timestamp, hh:mm:ss.ttt."""
    millis = int(round(max(seconds, 0.0) * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _cue_text(text: str) -> str:
    """Escape the characters WebVTT reads as markup; "-->" would otherwise end the cue timing line."""
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(cues: list, title: str = "") -> str:
    """Return WebVTT text for cues that have .start, .end (seconds) and .text (as written)."""
    lines = ["WEBVTT" + (f" - {' '.join(title.split())}" if title else ""), ""]
    for n, cue in enumerate(cues, 1):
        lines += [str(n), f"{timestamp(cue.start)} --> {timestamp(cue.end)}", _cue_text(cue.text), ""]
    return "\n".join(lines)
