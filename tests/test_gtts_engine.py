"""The online voice against a local stand-in for Google on 127.0.0.1: 429, 500, garbage, slow answers."""

import base64
import http.server
import threading
import time

import lameenc
import numpy as np
import pytest

from fakes import CountingEngine  # noqa: F401  (conftest path)
from handouts.pipeline import build_all
from handouts.config import load_config
from handouts.errors import SpeechError
from handouts.speech.gtts_engine import GttsEngine


def tone_mp3() -> bytes:
    """Return a short MP3 like the ones Google sends (24 kHz mono)."""
    t = np.arange(24000 // 2) / 24000
    pcm = (0.3 * np.sin(2 * np.pi * 300 * t) * 32767).astype("<i2").tobytes()
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32)
    encoder.set_in_sample_rate(24000)
    encoder.set_channels(1)
    return bytes(encoder.encode(pcm) + encoder.flush())


def good_answer(payload: bytes | None = None) -> bytes:
    """Return a batchexecute answer carrying the MP3 (or other bytes) as gTTS expects it."""
    audio = base64.b64encode(tone_mp3() if payload is None else payload).decode("ascii")
    return (")]}'\n\n" + '[["wrb.fr","jQ1olc","[\\"' + audio + '\\"]",null,null,null,"generic"]]\n').encode()


class Stand_in(http.server.ThreadingHTTPServer):
    """A local server that answers each request with the next scripted behaviour."""

    daemon_threads = True

    def __init__(self, script):
        self.script, self.hits = list(script), 0
        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/_/TranslateWebserverUi/data/batchexecute"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        server = self.server
        behaviour = server.script[min(server.hits, len(server.script) - 1)]
        server.hits += 1
        if behaviour == "slow":
            time.sleep(0.5)  # longer than the engine's timeout
            behaviour = "ok"
        if behaviour in ("429", "500", "503", "403"):
            self.send_response(int(behaviour))
            self.end_headers()
            return
        body = {"ok": good_answer(), "garbage": b"\x00\xffnot what you expected\n<html>",
                "html": b"<html><body>Sorry, try later</body></html>\n",
                "fake-audio": good_answer(b"this is not an MP3 file at all " * 20)}[behaviour]
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def serve():
    servers = []

    def start(*script):
        servers.append(Stand_in(script))
        return servers[-1]

    yield start
    for s in servers:
        s.shutdown()
        s.server_close()


def engine_for(server, **kw):
    waits = []
    options = dict(endpoint=server.url, timeout=0.2, retries=3, backoff=0.01, min_interval=0.0,
                   sleep=lambda s: waits.append(s))
    options.update(kw)
    engine = GttsEngine("en", **options)
    return engine, waits


def test_retries_429_and_500_with_backoff_then_speaks(serve):
    server = serve("429", "500", "ok")
    engine, waits = engine_for(server)
    speech = engine.speak("Drink water.")
    assert server.hits == 3 and engine.requests == 3
    assert waits == [0.01, 0.02]  # exponential backoff between the tries
    assert speech.sample_rate == 24000 and 0.4 < speech.seconds < 0.7  # decoded, not raw bytes


def test_slow_answer_times_out_and_is_retried(serve):
    server = serve("slow", "ok")
    engine, waits = engine_for(server)
    started = time.monotonic()
    assert engine.speak("Rest well.").seconds > 0.4
    assert engine.requests == 2 and waits == [0.01]
    assert time.monotonic() - started < 2


def test_gives_up_after_the_retries_with_one_clear_error(serve):
    server = serve("503")
    engine, waits = engine_for(server)
    with pytest.raises(SpeechError) as e:
        engine.speak("Rest well.")
    assert server.hits == 4 and waits == [0.01, 0.02, 0.04]
    message = str(e.value)
    assert "failed 4 times (HTTP 503)" in message and "--voice piper" in message and "\n" not in message


@pytest.mark.parametrize("answer, words", [("garbage", "not audio"), ("html", "without audio"),
                                           ("fake-audio", "without audio"), ("403", "refused")])
def test_garbage_or_refusal_is_not_retried(serve, answer, words):
    server = serve(answer, "ok")
    engine, waits = engine_for(server)
    with pytest.raises(SpeechError, match=words):
        engine.speak("Rest well.")
    assert server.hits == 1 and waits == []


def test_long_sentence_is_fetched_in_parts_and_joined_as_decoded_samples(serve):
    server = serve("ok", "500", "ok")  # the second part fails once and is retried alone
    engine, waits = engine_for(server)
    sentence = ("Call your doctor or nurse right away if you have a fever, a rash, trouble breathing, "
                "or pain that gets worse instead of better over the next two days.")
    parts = engine._parts(sentence)
    assert len(sentence) > 100 and len(parts) > 1 and all(len(p) <= 100 for p in parts)
    speech = engine.speak(sentence)
    assert server.hits == len(parts) + 1 and waits == [0.01]
    assert 0.5 * len(parts) <= speech.seconds <= 0.6 * len(parts)  # half-second parts (+ MP3 padding), joined


def test_requests_are_spaced_out(serve):
    server = serve("ok")
    engine, waits = engine_for(server, min_interval=0.15, sleep=time.sleep)
    started = time.monotonic()
    for text in ("One.", "Two.", "Three."):
        engine.speak(text)
    assert time.monotonic() - started >= 0.3  # two waits of at least 0.15 s between three requests


def test_failed_online_voice_leaves_no_partial_file(serve, tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text("---\ntitle: Water\n---\nDrink water. Rest well. Eat well.\n")
    server = serve("ok", "ok", "500")  # the first sentences work, then the service fails for good
    engine, _ = engine_for(server)
    report = build_all(load_config(tmp_path), engine=engine, workers=1)
    assert not report[0].ok and "online voice (gTTS) failed 4 times" in report[0].error
    assert report[0].error.count("\n") == 0
    build = tmp_path / "build"
    assert not (build / "water.mp3").exists() and not (build / "water.vtt").exists()
    assert not [p for p in build.iterdir() if p.name.endswith(".tmp")]
    assert len(list((build / ".cache" / "speech").glob("*.npy"))) == 2  # only what was really spoken


def test_online_voice_builds_a_normalised_mp3_from_decoded_parts(serve, tmp_path):
    from mutagen.id3 import ID3
    from mutagen.mp3 import MP3

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text("---\ntitle: Agua\nlanguage: es-MX\n---\nBeba agua. Descanse.\n")
    server = serve("ok")
    engine, _ = engine_for(server)
    engine.language = "es-MX"  # gTTS knows "es": the engine asks for that
    report = build_all(load_config(tmp_path), engine=engine, workers=1)
    assert report[0].ok, report[0].error
    assert any("rules are for English: this 'es-MX' text is printed and spoken as written" in w
               for w in report[0].warnings)
    mp3 = tmp_path / "build" / "agua.mp3"
    assert MP3(mp3).info.sample_rate == 24000 and MP3(mp3).info.channels == 1
    assert "Voice: gtts:es:" in str(ID3(mp3).getall("COMM")[0])
    assert server.hits == engine.requests >= 4  # title, clinic line, two sentences, outro...
