"""The project configuration (`handouts.toml`): one typed record, each field documented,
each field naming the outputs that go stale when it changes."""

from __future__ import annotations

import dataclasses
import datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from handouts.errors import ConfigError

CONFIG_NAME = "handouts.toml"
# Settings that once existed, with why they went: an old handouts.toml still loads, with a warning.
RETIRED = {"allow_meaning_changes": "a rewrite that would change the meaning is never made now: the sentence is "
                                    "kept as the source says it, and the review page says why"}


def _field(default, doc: str, affects: tuple[str, ...], **kw):
    """Declare a config field with its documentation and the outputs it affects."""
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata={"doc": doc, "affects": affects}, **kw)
    return field(default=default, metadata={"doc": doc, "affects": affects}, **kw)


PRINT = ("pdf", "html")
AUDIO = ("audio",)
ALL = ("plain", "pdf", "html", "audio")


@dataclass
class HelpLine:
    """A help line printed and spoken at the end of every handout."""

    name: str
    phone: str


@dataclass
class Config:
    """Settings for a whole project of handouts."""

    clinic_name: str = _field("Your Clinic", "Clinic name: footer, PDF author, audio artist.", PRINT + AUDIO)
    clinic_phone: str = _field("", "Clinic phone number for the call-to-action box.", PRINT + AUDIO)
    clinic_website: str = _field("", "Clinic website for the call-to-action box.", PRINT)
    help_lines: list = _field([], "Help lines: a list of {name, phone} tables.", PRINT + AUDIO)
    collection: str = _field("Health handouts", "Name of the collection (audio album).", AUDIO)
    language: str = _field("en", "Default language of the handouts (ISO code).", ALL)
    voice: str = _field("piper", "Default speech engine: piper (offline), gtts (online) or espeak.", AUDIO)
    page_size: str = _field("letter", "Paper size: letter or a4.", ("pdf",))
    audio_base_url: str = _field("", "Public web address where the MP3s are served; enables the QR code.", PRINT)
    version_date: str = _field("", "Version date in the footer (YYYY-MM-DD); empty: the source file's last change.",
                               PRINT)
    sentence_pause: float = _field(0.4, "Seconds of silence between sentences in the narration.", AUDIO)
    section_pause: float = _field(1.2, "Seconds of silence between sections in the narration.", AUDIO)
    max_grade: float = _field(6.0, "Target: highest Flesch-Kincaid grade.", ("plain",))
    max_smog: float = _field(9.0, "Target: highest SMOG grade.", ("plain",))
    max_sentence_words: int = _field(20, "Target: longest sentence, in words.", ("plain",))
    max_words: int = _field(8000, "Longest source text, in words, made into one handout; a longer one is refused "
                                  "before any work (split it into several handouts).", ())
    content_dir: str = _field("content", "Folder of source texts, relative to the project.", ())
    out_dir: str = _field("build", "Folder where outputs are written, relative to the project.", ())
    root: Path = field(default=Path("."), metadata={"doc": "Project folder (not read from the file).", "affects": ()})
    warnings: list = field(default_factory=list, metadata={"doc": "What reading the file noticed (not read from it).",
                                                          "affects": ()})

    def help_line_list(self) -> list[HelpLine]:
        """Return the help lines as records."""
        return [HelpLine(**h) for h in self.help_lines]

    def voice_for(self, handout_voice: str | None, chosen: str | None = None) -> str:
        """Return the voice a handout is spoken in: the one chosen for this build, else its front matter's, else the project's."""
        return chosen or handout_voice or self.voice

    def parts_for(self, output: str) -> dict:
        """Return the settings that `output` depends on, for the build manifest."""
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if output in f.metadata.get("affects", ())
        }


def load_config(root: Path) -> Config:
    """Read `handouts.toml` from the project folder; defaults when it is absent."""
    root = Path(root)
    path = root / CONFIG_NAME
    if not path.exists():
        return Config(root=root)
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        # tomllib says where as "(at line N, column M)"; the line goes up front like every other error.
        where = re.search(r"\(at line (\d+), column \d+\)", str(e))
        problem = str(e).replace(where.group(0), "").strip() if where else str(e)
        raise ConfigError(f"this is not valid TOML ({problem}). Check quotes and '=' signs.", path,
                          int(where.group(1)) if where else None) from None
    flat = {}
    for key, value in data.items():
        # Sections ([clinic], [audio], ...) are for the reader's eye; keys are unique anyway.
        if isinstance(value, dict) and key not in ("help_lines",):
            flat.update(value)
        else:
            flat[key] = value
    warnings = []
    for key in sorted(RETIRED.keys() & flat.keys()):
        flat.pop(key)
        warnings.append(f"{path}, line {_line_of(text, key)}: '{key}' is no longer used ({RETIRED[key]}). "
                        f"Delete the line.")
    known = {f.name: f for f in dataclasses.fields(Config) if f.name not in ("root", "warnings")}
    for key, value in flat.items():
        if key not in known:
            raise ConfigError(
                f"unknown setting '{key}'. Known settings: {', '.join(sorted(known))}.",
                path, _line_of(text, key),
            )
        default = known[key].default if known[key].default is not dataclasses.MISSING else known[key].default_factory()
        if isinstance(default, bool) != isinstance(value, bool) or (
            not isinstance(default, bool) and not isinstance(value, type(default))
            and not (isinstance(default, float) and isinstance(value, int))
        ):
            raise ConfigError(
                f"'{key}' should be {type(default).__name__}, not {value!r}.", path, _line_of(text, key)
            )
    config = Config(root=root, warnings=warnings, **flat)
    for i, h in enumerate(config.help_lines):
        if not isinstance(h, dict) or set(h) != {"name", "phone"}:
            raise ConfigError("each help line needs exactly a name and a phone.", path, _line_of(text, "help_lines"))
    if config.page_size not in ("letter", "a4"):
        raise ConfigError("page_size must be \"letter\" or \"a4\".", path, _line_of(text, "page_size"))
    if config.version_date:
        try:
            datetime.date.fromisoformat(config.version_date)
        except ValueError:
            raise ConfigError("version_date must be a date like \"2026-03-31\".", path,
                              _line_of(text, "version_date")) from None
    return config


def _line_of(text: str, key: str) -> int | None:
    """Return the line number where `key` is set, for error messages."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(key):
            return n
    return None
