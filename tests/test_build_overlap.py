"""The narration is made on a second thread while the print outputs are made, and a failure elsewhere
stops its synthesis instead of waiting for it."""

import threading

from conftest import DATA
from fakes import CountingEngine
import handouts.outputs as build
from handouts.pipeline import build_handout
from handouts.config import load_config
from handouts.errors import HandoutError

SOURCE = sorted(DATA.glob("*.txt"))[0]


class ThreadNotingEngine(CountingEngine):
    """A counting engine that also notes which thread asked it to speak."""

    def speak(self, text):
        self.thread = threading.current_thread().name
        return super().speak(text)


def config_for(folder):
    config = load_config(folder)
    config.out_dir = str(folder / "build")
    return config


def test_narration_is_made_on_another_thread_while_print_is_made(tmp_path, monkeypatch):
    real_pdf, pdf_threads = build._pdf, set()

    def noting_pdf(job, size):
        pdf_threads.add(threading.current_thread().name)
        return real_pdf(job, size)

    monkeypatch.setattr(build, "_pdf", noting_pdf)
    engine = ThreadNotingEngine()
    result = build_handout(SOURCE, config_for(tmp_path), engine=engine)
    assert result.ok, result.error
    assert pdf_threads == {threading.main_thread().name} and engine.thread.startswith("narration")


def test_failure_in_print_stops_the_narration_thread(tmp_path, monkeypatch):
    everything = CountingEngine()
    assert build_handout(SOURCE, config_for(tmp_path / "whole"), engine=everything).ok

    def broken(job, size):
        raise HandoutError("the printer part broke")

    monkeypatch.setattr(build, "_pdf", broken)
    engine = CountingEngine(delay=0.05)
    result = build_handout(SOURCE, config_for(tmp_path / "broken"), engine=engine)
    assert "the printer part broke" in result.error
    # The sentence being spoken when the error came may finish; no other one is started.
    assert len(everything.calls) > 5 and len(engine.calls) <= 2, (len(everything.calls), len(engine.calls))
