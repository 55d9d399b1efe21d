"""The handouts' one font, Atkinson Hyperlegible (OFL-1.1, from the fontpkg package): registered
with ReportLab for the PDFs, and its files for the web page."""

from functools import cache
from pathlib import Path

from handouts.errors import HandoutError

REGULAR = "Atkinson"
BOLD = "Atkinson-Bold"
FAMILY = "Atkinson Hyperlegible"
# The upright faces only: clear-print guidance says no italics.
FILES = {"normal": "AtkinsonHyperlegible-Regular.ttf", "bold": "AtkinsonHyperlegible-Bold.ttf"}


MISSING = ("the handout font (Atkinson Hyperlegible, from the package fontpkg-atkinson-hyperlegible) is not "
           "installed or is damaged. Install the project again (pip install -e . in its folder), then build again.")


def font_dir() -> Path:
    """Return the folder holding the Atkinson Hyperlegible TTF files."""
    try:
        import fontpkg_atkinson_hyperlegible as pkg
    except ImportError:
        raise HandoutError(MISSING) from None
    return pkg.ROOT / "files"


def font_files() -> dict[str, Path]:
    """Return the regular and bold TTF files by CSS font weight ("normal", "bold"); a clear error when one is gone."""
    files = {weight: font_dir() / name for weight, name in FILES.items()}
    if not all(f.is_file() for f in files.values()):
        raise HandoutError(MISSING)
    return files


@cache
def register_fonts() -> tuple[str, str]:
    """Register regular and bold TTFs once; ReportLab embeds TTFs as subsets."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = font_files()
    pdfmetrics.registerFont(TTFont(REGULAR, str(files["normal"])))
    pdfmetrics.registerFont(TTFont(BOLD, str(files["bold"])))
    # Italic maps to upright on purpose: clear-print guidance says no italics.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
