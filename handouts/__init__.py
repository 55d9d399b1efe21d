"""Turn health information into plain-language handouts people can read and hear."""

__version__ = "0.1.0"
