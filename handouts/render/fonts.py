"""Register the embedded print font (Atkinson Hyperlegible, OFL-1.1) with ReportLab."""

from functools import cache
from pathlib import Path

REGULAR = "Atkinson"
BOLD = "Atkinson-Bold"


def font_dir() -> Path:
    """Return the folder holding the Atkinson Hyperlegible TTF files."""
    import fontpkg_atkinson_hyperlegible as pkg

    return pkg.ROOT / "files"


@cache
def register_fonts() -> tuple[str, str]:
    """Register regular and bold TTFs once; ReportLab embeds TTFs as subsets."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = font_dir()
    pdfmetrics.registerFont(TTFont(REGULAR, str(files / "AtkinsonHyperlegible-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(files / "AtkinsonHyperlegible-Bold.ttf")))
    # Italic maps to upright on purpose: clear-print guidance says no italics.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
