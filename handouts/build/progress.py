"""Progress with an ETA while speech is synthesised: one bar per handout, drawn by the parent.

Workers (other processes) send events through a queue; only the parent touches the terminal.
"""

from __future__ import annotations

import queue
import shutil
import sys
import threading
from contextlib import contextmanager

BAR_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| [ETA {remaining}]"


class SpeechProgress:
    """Draw per-handout speech progress bars (tqdm) from events sent by builds."""

    def __init__(self, file=None):
        self.file = file if file is not None else sys.stderr
        self._queue = None
        self._manager = None
        self._thread = None
        self._bars: dict[str, object] = {}

    def reporter(self, shared: bool = False):
        """Return the callable a build reports to; `shared` when builds run in other processes."""
        if self._queue is None:
            if shared:
                from multiprocessing import get_context

                self._manager = get_context("spawn").Manager()
                self._queue = self._manager.Queue()
            else:
                self._queue = queue.Queue()
            self._thread = threading.Thread(target=self._drain, daemon=True)
            self._thread.start()
        return _Reporter(self._queue)

    def close(self) -> None:
        """Finish drawing and stop."""
        if self._queue is not None:
            self._queue.put(None)
            self._thread.join()
            self._queue = None
        if self._manager is not None:
            self._manager.shutdown()
            self._manager = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _drain(self) -> None:
        """Apply events until told to stop."""
        from tqdm import tqdm

        while (event := self._queue.get()) is not None:
            kind, slug, *args = event
            if kind == "start":
                chars, sentences = args
                bar = tqdm(total=chars, desc=f"speech {slug} 0/{sentences} sentences", file=self.file,
                           bar_format=BAR_FORMAT, leave=False, mininterval=0.2,
                           # a pseudo-terminal of size 0x0 (some CI runners) would hide every bar
                           ncols=shutil.get_terminal_size().columns, nrows=shutil.get_terminal_size().lines)
                bar.slug, bar.sentences, bar.done = slug, sentences, 0
                self._bars[slug] = bar
            elif kind == "step" and slug in self._bars:
                bar = self._bars[slug]
                bar.done += 1
                bar.set_description_str(f"speech {slug} {bar.done}/{bar.sentences} sentences", refresh=False)
                bar.update(args[0])
            elif kind == "end" and slug in self._bars:
                self._bars.pop(slug).close()
        for bar in self._bars.values():
            bar.close()


class _Reporter:
    """Send progress events to the drawing side; picklable when the queue is a manager's."""

    def __init__(self, q):
        self.queue = q

    def __call__(self, *event) -> None:
        self.queue.put(event)


@contextmanager
def report_speech(report, slug: str, todo: list[str]):
    """Report the synthesis of `todo` (weighted by length, for the ETA); yield what to call after each sentence."""
    if report is None or not todo:
        yield lambda text: None
        return
    report("start", slug, sum(len(t) for t in todo), len(todo))
    try:
        yield lambda text: report("step", slug, len(text))
    finally:
        report("end", slug)
