"""The review screen's web app: pages and the four things a reviewer does (approve, edit, keep the source, remove).

Safe by default: it answers only on 127.0.0.1 with its own Host name, only to a browser that brought
the session's token (from the printed address), every POST carries that token too (no other site can
post here), every text is escaped by the templates, and no part of a request names a file: handouts
are looked up by slug in the list the app was started with.
"""

from __future__ import annotations

import hmac
from pathlib import Path
from typing import Callable

from flask import Flask, Response, abort, jsonify, redirect, request

from handouts.app.rows import NEEDS_LOOK, entry_id, screen
from handouts.build.manifest import digest
from handouts.config import Config
from handouts.errors import HandoutError
from handouts.pipeline import machine_plain, sign_handout
from handouts.read.sources import read_source
from handouts.review import po_file
from handouts.review.checks import check_text, sentence_grades
from handouts.review.entries import REMOVED, wanted_entries
from handouts.review.reviewer_copy import locked, opened
from handouts.templates import TEMPLATE_DIR, render

COOKIE = "handouts_review"  # + the port: a second review screen on this computer keeps its own
STATIC = {"review_app.css": "text/css", "review_app.js": "text/javascript"}  # the only files it serves
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                               "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # "no-referrer" would make Chromium send "Origin: null" with forms
    "Cache-Control": "no-store",
}


def create_app(config: Config, sources: list[Path], token: str, port: int,
               build: Callable[[Path], object] | None = None) -> Flask:
    """Return the app for these handouts; `build(source)` remakes one handout after a sign-off."""
    app = Flask(__name__, static_folder=None)
    cookie = f"{COOKIE}_{port}"
    app.config["MAX_CONTENT_LENGTH"] = 1_000_000
    handouts = {_slug(s, config): Path(s) for s in sources}
    files = {name: (TEMPLATE_DIR / name).read_bytes() for name in STATIC}
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}

    @app.before_request
    def guard():
        if request.host not in hosts:
            abort(400, "This page answers only at its own address on this computer.")
        if request.args.get("token") and _same(request.args["token"], token):
            response = redirect(request.path)  # out of the address bar and the history
            response.set_cookie(cookie, token, httponly=True, samesite="Strict")
            return response
        if not _same(request.cookies.get(cookie, ""), token):
            abort(403, "Open the address that 'handouts review' printed (it carries this session's key).")
        if request.method == "POST":
            sent = request.form.get("token") or request.headers.get("X-Review-Token", "")
            if not _same(sent, token):
                abort(403, "This form is from another session. Reload the page and try again.")
            origin = request.headers.get("Origin")
            if origin and origin.split("://", 1)[-1] not in hosts:
                abort(403, "This form was sent from another site.")

    @app.after_request
    def headers(response: Response):
        response.headers.update(_HEADERS)
        return response

    @app.errorhandler(400)
    @app.errorhandler(403)
    @app.errorhandler(404)
    @app.errorhandler(409)
    @app.errorhandler(413)
    def problem(error):
        return _page("review_app.html.j2", 200, problem=error.description, token=""), error.code

    @app.get("/")
    def index():
        if len(handouts) == 1:
            return redirect(f"/h/{next(iter(handouts))}")
        return _page("review_app.html.j2", 200, handouts=sorted(handouts), token=token)

    @app.get("/static/<name>")
    def static_file(name):
        if name not in files:
            abort(404, "No such page.")
        return Response(files[name], mimetype=STATIC[name])

    @app.get("/h/<slug>")
    def page(slug):
        source = _source(handouts, slug)
        view = _screen(source, config)
        return _page("review_app.html.j2", 200, view=view, slug=slug, token=token,
                     message=request.args.get("said", ""), NEEDS_LOOK=NEEDS_LOOK)

    @app.post("/h/<slug>/entry")
    def entry(slug):
        source = _source(handouts, slug)
        action, text = request.form.get("action", ""), request.form.get("text", "")
        if action not in ("approve", "source", "remove"):
            abort(400, "Unknown action.")

        def change(e):
            if action == "approve":
                e.msgstr = _tidy(text) or e.msgstr
            elif action == "source":
                e.msgstr = e.msgid
            else:
                e.msgstr = REMOVED
            _approve(e)

        _save(source, config, request.form.get("stamp", ""), {request.form.get("entry", "")}, change)
        return _next(slug, source, config, request.form.get("entry", ""))

    @app.post("/h/<slug>/section")
    def section(slug):
        source = _source(handouts, slug)
        ids = set(request.form.getlist("entry"))
        suggested = {entry_id(*w.key): w.suggestion for w in wanted_entries(_machine(source, config))}

        def change(e):
            if e.msgstr == suggested.get(entry_id(e.msgctxt, e.msgid)):  # only suggestions nobody changed
                _approve(e)

        _save(source, config, request.form.get("stamp", ""), ids, change)
        return _next(slug, source, config, "")

    @app.post("/h/<slug>/sign")
    def sign(slug):
        source = _source(handouts, slug)
        name = " ".join(request.form.get("name", "").split())
        if not name:
            return redirect(f"/h/{slug}?said=Type your name to sign.#sign")
        try:
            state = sign_handout(source, config, name, stamp=request.form.get("stamp", ""))
        except HandoutError as e:
            return redirect(f"/h/{slug}?said={_quote(str(e))}#sign")
        built = ""
        if build is not None:
            result = build(source)
            built = " The handout was built again." if getattr(result, "ok", True) else \
                f" Building it failed: {getattr(result, 'error', '')}"
        return redirect(f"/h/{slug}?said={_quote(f'Signed by {state.signed_by} on {state.signed_on}.{built}')}#top")

    @app.post("/check")
    def check():
        source = _source(handouts, request.form.get("slug", ""))
        text, wanted_id = request.form.get("text", ""), request.form.get("entry", "")
        plain = _machine(source, config)
        found = next((w for w in wanted_entries(plain) if entry_id(*w.key) == wanted_id), None)
        if found is None:
            abort(404, "No such entry.")
        findings = check_text(found.msgid, text, config.max_sentence_words, config.max_grade,
                              " ".join(s.text for s in plain.handout.sentences))
        return jsonify(grades=sentence_grades(text) if text.strip() != REMOVED else [], findings=findings)

    return app


def _same(sent: str, expected: str) -> bool:
    """Compare a secret in constant time (as bytes: any text a request carries is allowed, and unequal)."""
    return hmac.compare_digest(sent.encode("utf-8", "replace"), expected.encode("utf-8"))


def _page(name: str, status: int, **context) -> str:
    return render(name, **context)


def _screen(source: Path, config: Config):
    try:
        return screen(source, config)
    except HandoutError as e:
        abort(409, str(e))


def _machine(source: Path, config: Config):
    """Return the rules' result for a source; a source that cannot be read now is a page saying why."""
    try:
        return machine_plain(source, config)
    except HandoutError as e:
        abort(409, str(e))


def _source(handouts: dict[str, Path], slug: str) -> Path:
    """Return the source of a handout the app was started with; anything else is not found."""
    if slug not in handouts:
        abort(404, "No such handout here.")
    return handouts[slug]


def _slug(source: Path, config: Config) -> str:
    try:
        return read_source(source, config.language, max_words=config.max_words, meta_only=True).meta.slug
    except HandoutError:
        return Path(source).stem


def _save(source: Path, config: Config, stamp: str, ids: set[str], change) -> None:
    """Apply `change` to the chosen entries and write the file atomically, unless it changed since the page was made."""
    path = po_file.review_path(source)
    with locked(config, path):
        text = po_file.read_text(path)
        if not _same(digest(text or ""), stamp):
            typed = " ".join(request.form.get("text", "").split())
            abort(409, f"{path.name} was changed since this page was loaded (in another window, or by a build or "
                       f"another program), so nothing was saved. Reload the page to see it as it is now, then make "
                       f"your change again." + (f' Your text was: "{typed}"' if typed else ""))
        # What the handout needs now, even when no build has written the file yet (a source outside content/).
        po, _, _ = opened(source, text, _machine(source, config))
        for e in po:
            if not e.obsolete and entry_id(e.msgctxt, e.msgid) in ids:
                change(e)
        po_file.save(po, path, text)


def _approve(entry) -> None:
    if po_file.FUZZY in entry.flags:
        entry.flags.remove(po_file.FUZZY)
    entry.previous_msgid = entry.previous_msgctxt = None


def _tidy(text: str) -> str:
    """Keep the reviewer's lines (list items) but not stray spaces or blank lines."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _next(slug: str, source: Path, config: Config, after: str):
    """Go on to the next entry that needs a look (after the one just saved), or to the sign-off."""
    rows = [r for g in _screen(source, config).groups for r in g.rows]
    start = next((i for i, r in enumerate(rows) if r.id == after), -1)
    waiting = [r for r in rows[start + 1:] + rows[:start + 1] if r.state == NEEDS_LOOK]
    return redirect(f"/h/{slug}#e-{waiting[0].id}" if waiting else f"/h/{slug}#sign", code=303)


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")
