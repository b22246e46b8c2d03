"""Signals during a batch: every one that would end it ends it through `finally` blocks.

A signal whose default action ends the process (Ctrl-C, SIGTERM from `kill` or `timeout`,
SIGHUP from a closed terminal, SIGQUIT, SIGUSR1, SIGALRM, …) is turned into
`SystemExit(128 + signal)` while a batch runs: the temporary output file is removed, the
workers are stopped, and the exit code is the one a shell reports for a command a signal
ended. A signal the batch was started with ignored (`nohup`, a background job's Ctrl-C) stays
ignored. The workers ignore them all: the batch stops them, and they watch for it to be gone.
SIGKILL cannot be caught: a later batch writing the same output sweeps what it left
(`output.sweep`).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

# Catchable signals whose default action is to end the process. Not SIGPIPE (Python ignores it:
# a write to a closed pipe fails instead), nor the faults (SIGSEGV, SIGBUS, …), nor job control.
_NAMES = (
    "SIGHUP",
    "SIGINT",
    "SIGQUIT",
    "SIGTERM",
    "SIGUSR1",
    "SIGUSR2",
    "SIGALRM",
    "SIGVTALRM",
    "SIGPROF",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGIO",
    "SIGPWR",
)
ENDING = tuple(getattr(signal, name) for name in _NAMES if hasattr(signal, name))


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def exit_on_signals() -> Iterator[None]:
    """While the block runs, a signal that would end the process raises SystemExit instead."""
    previous: dict[int, object] = {}
    try:
        for signum in ENDING:
            handler = signal.getsignal(signum)
            if handler in (signal.SIG_DFL, signal.default_int_handler):
                previous[signum] = signal.signal(signum, _stop)
    except ValueError:  # not the main thread (e.g. under a test runner's thread): leave them
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]


def ignore_all() -> None:
    """In a worker: the batch process handles signals, and stops its workers itself."""
    for signum in ENDING:
        signal.signal(signum, signal.SIG_IGN)
