"""The handouts' one font, Atkinson Hyperlegible (OFL-1.1, from the fontpkg package): registered
with ReportLab for the PDFs, and its files for the web page."""

from functools import cache
from pathlib import Path

REGULAR = "Atkinson"
BOLD = "Atkinson-Bold"
FAMILY = "Atkinson Hyperlegible"
# The upright faces only: clear-print guidance says no italics.
FILES = {"normal": "AtkinsonHyperlegible-Regular.ttf", "bold": "AtkinsonHyperlegible-Bold.ttf"}


def font_dir() -> Path:
    """Return the folder holding the Atkinson Hyperlegible TTF files."""
    import fontpkg_atkinson_hyperlegible as pkg

    return pkg.ROOT / "files"


def font_files() -> dict[str, Path]:
    """Return the regular and bold TTF files by CSS font weight ("normal", "bold")."""
    return {weight: font_dir() / name for weight, name in FILES.items()}


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
