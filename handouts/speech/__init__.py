"""Speech engines behind one interface: text in, mono float samples out.

piper (default, offline), gtts (online, Google Translate) and espeak (espeak-ng, when installed).
An engine is chosen per project (`voice` in handouts.toml) or per handout (`voice:` in the front
matter); one handout is always spoken by one engine. Uses language/ (language tags) and the base only.
"""

from __future__ import annotations

from handouts.errors import SpeechError
from handouts.speech.base import Engine, Speech, decode_mp3  # noqa: F401  (the interface, offered here)

ENGINE_NAMES = ("piper", "gtts", "espeak")


def engine_class(name: str) -> type[Engine]:
    """Return the class of the engine called `name` (importing only that engine's module)."""
    if name == "piper":
        from handouts.speech.piper_engine import PiperEngine as cls
    elif name == "gtts":
        from handouts.speech.gtts_engine import GttsEngine as cls
    elif name == "espeak":
        from handouts.speech.espeak_engine import EspeakEngine as cls
    else:
        raise SpeechError(f"unknown voice '{name}'. Use one of: {', '.join(ENGINE_NAMES)}.")
    return cls


def speaks(name: str, language: str) -> bool:
    """Tell whether the engine `name` is installed and speaks `language`."""
    cls = engine_class(name)
    return cls.installed() and cls.supports(language)


def get_engine(name: str, language: str = "en") -> Engine:
    """Return the engine called `name`, set up for `language`; a clear error when it cannot speak it."""
    return check_voice(name, language)(language)


def check_voice(name: str, language: str = "en"):
    """Return the engine class called `name` when it is installed and speaks `language`; else a clear error."""
    cls = engine_class(name)
    if not cls.installed():
        raise SpeechError(f"the {name} voice is not installed here. {cls.install_hint} "
                          f"Or choose another voice (voice = \"piper\" in handouts.toml).")
    if not cls.supports(language):
        others = [n for n in ENGINE_NAMES if n != name and speaks(n, language)]
        fix = (f"Choose a voice that does: {', '.join(others)} (voice: {others[0]} in the front matter)"
               if others else "No installed voice speaks it: check the language code (for example en, es, fr)")
        raise SpeechError(f"the {name} voice does not speak language '{language}'. {fix}.")
    return cls


