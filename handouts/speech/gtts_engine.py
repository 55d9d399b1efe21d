"""The online voice: Google Translate's speech via gTTS (needs the internet; many languages).

gTTS has no retry and no timeout of its own, and Google answers 429 when asked too often: this
engine waits between requests (throttling), gives up on a request after `timeout` seconds, and
retries with exponential backoff on 429, 5xx and connection errors only; anything else, or the
last failed retry, is one clear error. Nothing is written on failure (the caller writes files).
"""

from __future__ import annotations

import io
import time

import numpy as np

from handouts.errors import SpeechError
from handouts.speech.base import Engine, Speech, decode_mp3

RETRY_STATUSES = {429} | set(range(500, 600))


class _Retryable(Exception):
    """A failure worth trying again: rate limit, server error, no connection, timeout."""


class GttsEngine(Engine):
    """gTTS returns MP3; it is decoded here so segments are joined as samples, never as bytes."""

    name = "gtts"
    sample_rate = 24000
    install_hint = "Install it with: pip install gTTS."

    def __init__(self, language: str = "en", *, endpoint: str | None = None, timeout: float = 15.0,
                 retries: int = 4, backoff: float = 2.0, min_interval: float = 1.0, sleep=time.sleep):
        super().__init__(language)
        self.endpoint = endpoint  # None: Google's own address; tests point it at a local server
        self.timeout, self.retries, self.backoff, self.min_interval = timeout, retries, backoff, min_interval
        self._sleep = sleep
        self._last_request = float("-inf")
        self.requests = 0  # requests sent, retries included
        self.waits: list[float] = []  # backoff waits, in order

    @classmethod
    def installed(cls) -> bool:
        try:
            import gtts  # noqa: F401
        except ImportError:
            return False
        return True

    @classmethod
    def supports(cls, language: str) -> bool:
        from gtts.lang import tts_langs  # a list shipped with gTTS: no network

        langs = {code.lower() for code in tts_langs()}
        return language.lower() in langs or language.split("-")[0].lower() in langs

    def voice_id(self) -> str:
        return f"gtts:{self._lang()}:translate.google.com"

    def _lang(self) -> str:
        """Return the code gTTS knows for the handout's language ("pt-PT" stays, "es-MX" -> "es")."""
        from gtts.lang import tts_langs

        known = {code.lower(): code for code in tts_langs()}
        return known.get(self.language.lower()) or known.get(self.language.split("-")[0].lower(), self.language)

    def speak(self, text: str) -> Speech:
        # gTTS would send a long sentence as several requests and glue the MP3 bytes together;
        # here each part is its own throttled, retried request, decoded and joined as samples.
        parts = [self._speak_part(part) for part in self._parts(text)]
        samples = np.concatenate([p.samples for p in parts]) if parts else np.zeros(0, np.float32)
        return Speech(samples, self.sample_rate)

    def _parts(self, text: str) -> list[str]:
        """Split text the way gTTS does (at most 100 characters a request)."""
        from gtts import gTTS

        return gTTS(text, lang=self._lang())._tokenize(text) or [text]

    def _speak_part(self, text: str) -> Speech:
        """Fetch and decode one part, retrying only what is worth retrying."""
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                wait = self.backoff * 2 ** (attempt - 1)
                self.waits.append(wait)
                self._sleep(wait)
            try:
                return self._decode(self._fetch(text))
            except _Retryable as e:
                problem = str(e)
        raise SpeechError(f"the online voice (gTTS) failed {self.retries + 1} times ({problem}). Check the internet "
                          "connection and try again later, or use the offline voice: --voice piper.")

    def _fetch(self, text: str) -> bytes:
        """Ask the service for one sentence's MP3, waiting first so requests are spaced out."""
        import requests
        from gtts import gTTS
        from gtts.tts import gTTSError

        endpoint = self.endpoint

        class Request(gTTS):
            def _prepare_requests(self):
                prepared = super()._prepare_requests()
                if endpoint:
                    for request in prepared:
                        request.url = endpoint
                return prepared

        since = time.monotonic() - self._last_request
        if since < self.min_interval:
            self._sleep(self.min_interval - since)
        self._last_request = time.monotonic()
        self.requests += 1
        buffer = io.BytesIO()
        try:
            Request(text, lang=self._lang(), timeout=self.timeout).write_to_fp(buffer)
        except gTTSError as e:
            status = e.rsp.status_code if e.rsp is not None else None
            if status == 200:  # an answer, but no audio in it
                return b""
            if status is None or status in RETRY_STATUSES:
                raise _Retryable(f"HTTP {status}" if status else "no connection or no answer in time") from None
            raise SpeechError(f"the online voice (gTTS) refused the request ({e}). "
                              "Use the offline voice: --voice piper.") from None
        except requests.exceptions.RequestException as e:
            # A timeout while reading the body escapes gTTS unwrapped.
            raise _Retryable(f"connection failed: {type(e).__name__}") from None
        except ValueError as e:  # damaged base64 in the answer
            raise SpeechError(f"the online voice (gTTS) sent an answer that is not audio ({e}). "
                              "Try again later, or use the offline voice: --voice piper.") from None
        return buffer.getvalue()

    def _decode(self, data: bytes) -> Speech:
        """Decode the MP3 answer; an answer without audio is an error, not silence."""
        error = SpeechError("the online voice (gTTS) answered without audio. "
                            "Try again later, or use the offline voice: --voice piper.")
        if not data:
            raise error
        try:
            speech = decode_mp3(data, self.sample_rate)
        except Exception:  # miniaudio raises its own DecodeError for anything that is not MP3
            raise error from None
        if len(speech.samples) == 0:
            raise error
        return speech
