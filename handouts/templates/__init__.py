"""The project's one Jinja2 environment and its templates (beside this module), autoescape on for HTML; imports nothing of the project."""

from __future__ import annotations

from functools import cache
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent  # the templates live beside this module, inside the package


@cache
def environment():
    """Return the shared Jinja2 environment (autoescape for .html/.xml, none for .txt)."""
    from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        # Compiled templates kept between runs (Jinja's per-user temporary folder): a no-op build skips compiling.
        bytecode_cache=FileSystemBytecodeCache(),
        # ".j2" templates are named after what they make: "x.html.j2" escapes, "x.txt.j2" does not.
        autoescape=select_autoescape(enabled_extensions=("html", "xml", "html.j2", "xml.j2"),
                                     disabled_extensions=("txt", "txt.j2"), default_for_string=True,
                                     default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(name: str, **context) -> str:
    """Render one template from templates/ with the shared environment."""
    return environment().get_template(name).render(**context)
