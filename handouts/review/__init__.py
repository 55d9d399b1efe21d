"""Review and sign-off: each handout's reviewer copy (a gettext PO file beside its source), applied on every build.

May import plain, render, audio, build and the layers below them; never outputs or pipeline.
"""
