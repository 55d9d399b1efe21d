#!/usr/bin/env python3
"""Build plain-language handouts from the texts in content/: a thin shim for the `handouts` command.

`python generate.py ARGS` is the same as `handouts ARGS`; see handouts/cli.py.
"""

import sys

from handouts.cli import main

if __name__ == "__main__":
    sys.exit(main())
