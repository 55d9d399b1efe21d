"""Progress while handouts are built: in a terminal, a line per handout naming its stage and the time
it has taken (redrawn every second) and a bar with an ETA while speech is synthesised; when the output
is piped, one line for each stage that runs longer than a moment, so a log shows where a long build is.

Workers (other processes) send events through a queue; only the parent touches the terminal.
"""

from __future__ import annotations

import queue
import shutil
import sys
import threading
from contextlib import contextmanager

BAR_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| [ETA {remaining}]"
STAGE_FORMAT = "{desc} [{elapsed}]"
REDRAW = 1.0  # seconds: a stage's line is redrawn at least this often (a long stage never looks stuck)
LONG = 2.0  # seconds: when piped, a stage that runs longer than this gets its line


class SpeechProgress:
    """Draw per-handout speech progress bars (tqdm) from events sent by builds."""

    def __init__(self, file=None, lines: bool = False):
        self.lines = lines  # piped: plain lines for long stages, no bars
        self.file = file if file is not None else sys.stderr  # progress, never mixed with the report on stdout
        self._queue = None
        self._manager = None
        self._thread = None
        self._bars: dict[str, object] = {}
        self._stages: dict[str, list] = {}  # slug -> [stage, started, its bar or None, said (lines mode)]

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
        """Apply events until told to stop; redraw the stage lines while no event comes."""
        import time

        from tqdm import tqdm

        last = time.monotonic()
        while True:
            try:
                event = self._queue.get(timeout=REDRAW)
            except queue.Empty:
                event = ()
            if time.monotonic() - last >= REDRAW:  # also while speech steps keep the queue busy
                last = time.monotonic()
                self._tick(last)
            if event == ():
                continue
            if event is None:
                break
            kind, slug, *args = event
            if kind in ("stage", "done"):
                self._stage(slug, args[0] if kind == "stage" else None, time.monotonic(), tqdm)
            elif self.lines:
                continue  # speech bars are for a terminal
            elif kind == "start":
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
        for _, _, bar, _ in self._stages.values():
            if bar is not None:
                bar.close()

    def _stage(self, slug: str, stage: str | None, now: float, tqdm) -> None:
        """Show that a handout moved on to `stage` (None: it is done)."""
        old = self._stages.pop(slug, None)
        if old is not None and old[2] is not None:
            old[2].close()
        if stage is None:
            return
        bar = None if self.lines else tqdm(desc=f"{slug}: {stage}", bar_format=STAGE_FORMAT, file=self.file,
                                           leave=False, ncols=shutil.get_terminal_size().columns)
        self._stages[slug] = [stage, now, bar, False]

    def _tick(self, now: float) -> None:
        """Redraw each stage's time in a terminal; when piped, name a stage once it has run a while."""
        for slug, record in self._stages.items():
            stage, started, bar, said = record
            if bar is not None:
                bar.refresh()
            elif not said and now - started >= LONG:
                print(f"{slug}: {stage}...", file=self.file, flush=True)
                record[3] = True


class _Reporter:
    """Send progress events to the drawing side; picklable when the queue is a manager's."""

    def __init__(self, q):
        self.queue = q

    def __call__(self, *event) -> None:
        self.queue.put(event)


def report_stage(report, slug: str, stage: str | None) -> None:
    """Report that a handout's build moved on to `stage` (None: it finished)."""
    if report is not None:
        report("stage" if stage else "done", slug, stage)


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
