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


def os_problem(e: OSError, path=None) -> str:
    """Say in plain words what an operating-system error means for the user, and the fix."""
    import errno

    where = str(path or e.filename or "")
    said = {
        errno.ENOSPC: "the disk is full. Free some space (or build to another disk with --out), then build again",
        errno.EDQUOT: "your disk quota is used up. Free some space, then build again",
        errno.EFBIG: "a file grew past this system's size limit. Split the text into smaller handouts",
        errno.EACCES: "you may not write here. Choose a folder you can write to (--out), or ask who looks after "
                      "this computer",
        errno.EPERM: "this is not allowed here. Choose a folder you can write to (--out)",
        errno.EROFS: "this disk is read-only. Build to another folder with --out",
        errno.ENOENT: "a file or folder is missing. Check the path",
    }.get(e.errno, f"the system refused ({e.strerror or e}). Check the folder and try again")
    return f"{where}: {said}." if where else f"{said[0].upper()}{said[1:]}."
