"""The online voice: Google Translate's speech via gTTS (needs the internet; many languages)."""

from __future__ import annotations

import io

from ..errors import SpeechError
from . import Engine, Speech


class GttsEngine(Engine):
    """gTTS returns MP3; it is decoded here so segments are joined as samples, never as bytes."""

    name = "gtts"
    sample_rate = 24000

    def voice_id(self) -> str:
        return "gtts:translate"

    def speak(self, text: str, language: str = "en") -> Speech:
        from gtts import gTTS
        from gtts.tts import gTTSError

        buffer = io.BytesIO()
        try:
            gTTS(text, lang=language).write_to_fp(buffer)
        except gTTSError as e:
            raise SpeechError(f"the online voice (gTTS) failed: {e}. Check the internet connection, "
                              "or use the offline voice with --voice piper.") from None
        from ..audio import decode_mp3

        return decode_mp3(buffer.getvalue(), self.sample_rate)
