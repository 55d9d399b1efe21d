"""Start the review screen on this computer: a free port on 127.0.0.1, the address printed, the browser opened."""

from __future__ import annotations

import secrets
import sys
import webbrowser
from pathlib import Path

from handouts.config import Config
from handouts.pipeline import build_all

HOST = "127.0.0.1"  # this computer only: never another machine on the clinic's network


def review_server(config: Config, sources: list[Path], port: int = 0, build=None):
    """Return (server, address): the review app on HOST, with a fresh session token in the address."""
    from werkzeug.serving import make_server

    from handouts.app.web import create_app

    token = secrets.token_urlsafe(24)
    server = make_server(HOST, port, None, threaded=True)
    port = server.socket.getsockname()[1]
    build = build or (lambda source: build_all(config, [source])[0])
    server.app = create_app(config, sources, token, port, build=build)
    return server, f"http://{HOST}:{port}/?token={token}"


def serve(config: Config, sources: list[Path], port: int = 0, browser: bool = True) -> int:
    """Serve the review screen until Ctrl-C; return the exit status."""
    if not sources:
        print(f"No source texts found in {config.root / config.content_dir}.", file=sys.stderr)
        return 2
    server, address = review_server(config, sources, port)
    print(f"The review screen is at {address}\n(only this computer can open it). Press Ctrl-C to stop.", flush=True)
    if browser:
        webbrowser.open(address)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        server.server_close()
    return 0
