"""The project's own exceptions: each carries one plain-language line for the user."""


class HandoutError(Exception):
    """A problem the user can fix; the message names the file, the line and the fix."""

    def __init__(self, message: str, path=None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(message)

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where += f", line {self.line}"
        text = super().__str__()
        return f"{where}: {text}" if where else text


class SourceError(HandoutError):
    """A source text cannot be read or understood."""


class ConfigError(HandoutError):
    """The project configuration is wrong."""


class SpeechError(HandoutError):
    """The narration could not be made."""


class UsageError(HandoutError):
    """The command line was used wrongly."""
