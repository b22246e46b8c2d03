"""Judging a batch's items in order: in this process, or by a pool of forked workers.

`judge_all(inputs, job)` yields the results of `job` on every item, in input order, a list at a
time, as they are decided; nothing is held longer than it takes to hand it on. A job is a
picklable callable from an item to its result, which never raises (a bad input is an error
result), with a `lost(item, why)` for an input whose worker died.

A large batch is judged by a pool of forked workers, fed chunks of items from a window that
moves along the input, so a stream of any length is judged with bounded memory. A worker that
dies (the OOM killer, `kill -9`) breaks the pool: a new one is started and the chunks it held
are judged again; a chunk lost twice is judged one item at a time, each alone in the pool, and
an item that kills its worker then becomes an error row naming the signal. The batch finishes,
with every input in the output exactly once.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from fto_check.batch import Item
from fto_check.batch.collect import Inputs
from fto_check.batch.signals import ignore_all

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# Measured on 2 cores with both free (bench.py --jobs-compare, and 9 runs in turn of each):
# --jobs 2 against 1 took 0.30 against 0.35 s for 300 profiles, 0.40 against 0.51 s for 600,
# 0.93 against 1.45 s for 2,160, for ~15% more CPU (forking a pool and sending rows back).
# When another process holds one of the cores, two workers are no faster than one (2,160: 1.61
# against 1.49 s): the "no speed-up" once seen was that. From 500 profiles the pool pays
# clearly where it can, and a smaller batch is over before it would. Chunks of a few hundred
# keep the per-task overhead of the pool negligible; towards the end they shrink, so no worker
# sits idle while another finishes a big last chunk (~0.1 s at 256 profiles).
PARALLEL_MIN = 500
CHUNK = 256  # inputs a chunk holds at most; a job may ask for fewer (`job.chunk`)
CHUNK_BYTES = 2_000_000  # a chunk of a stream's documents holds at most this many bytes
WINDOW = 3  # chunks in flight per worker: enough that none waits for work, few held
MAX_AUTO_JOBS = 8
POLL = 1.0  # seconds between looks at the workers while waiting for a chunk (a hang guard)
PROGRESS_MIN = 200  # below this a batch is over before a progress bar is worth drawing


# A job: called on an item, it returns the item's result and never raises; `job.lost(item,
# why)` is the result for an item whose worker died (jobs.py).
Job = Any


def judge_all(
    inputs: Inputs, job: Job, *, jobs: int | None = None, progress: bool = False
) -> Iterator[list[Any]]:
    """The results of `job` on `inputs`, in order, a list at a time, as they are decided.

    Close the generator (or let `closing` do it) when stopping early: the workers stop then.
    """
    items, total = inputs.items, inputs.total
    if total is None and jobs is None:  # a stream: in this process until it proves long
        decided = _stream(items, job)
    else:
        workers = worker_count(jobs, total)
        decided = _serial(items, job) if workers <= 1 else _parallel(items, job, workers, total)
    return _with_progress(decided, total, show=progress)


def _stream(items: Iterator[Item], job: Job) -> Iterator[list[Any]]:
    """A stream of unknown length: its first PARALLEL_MIN inputs judged here as they come
    (a row is out as soon as its document is), the rest by a pool if there is more."""
    yield from _serial(islice(items, PARALLEL_MIN), job)
    more = next(items, None)
    if more is None:
        return
    workers = worker_count(None, None)
    rest = chain((more,), items)
    yield from _serial(rest, job) if workers <= 1 else _parallel(rest, job, workers, None)


def _serial(items: Iterator[Item], job: Job) -> Iterator[list[Any]]:
    for item in items:
        yield [job(item)]


def worker_count(jobs: int | None, n: int | None) -> int:
    """--jobs N as given (at most one per input); auto: parallel only when it pays."""
    if jobs is not None:
        return max(1, min(jobs, n)) if n is not None else max(1, jobs)
    if n is not None and n < PARALLEL_MIN:
        return 1
    import multiprocessing  # here: a check of a few files never needs it

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cpus or 1, MAX_AUTO_JOBS))


def chunks(n: int, workers: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each chunk of n inputs: a quarter of each worker's share of what is left,
    at most CHUNK (OpenMP's "guided" schedule)."""
    start = 0
    while start < n:
        size = _chunk_size(n - start, workers)
        yield start, min(n, start + size)
        start += size


def _chunk_size(left: int | None, workers: int, most: int = CHUNK) -> int:
    if left is None:  # a stream: how much is left is not known
        return max(1, most // 4)
    return max(1, min(most, left // (workers * 4)))


# ---------------------------------------------------------------- in the workers


_JOB: Job | None = None  # set in each worker (inherited by fork, or by the initializer)


def _init_worker(job: Job) -> None:
    """Signals are for the batch process, which stops its workers (Ctrl-C reaches them all).

    A batch killed outright (SIGKILL) stops nothing, and a worker waiting for its next chunk
    would wait forever: a watcher ends the worker as soon as the batch is gone.
    """
    import threading

    global _JOB
    ignore_all()
    threading.Thread(target=_exit_with_batch, daemon=True).start()
    _JOB = job


def _exit_with_batch() -> None:
    import multiprocessing
    from multiprocessing.connection import wait

    batch = multiprocessing.parent_process()
    if batch is not None:
        wait([batch.sentinel])  # readable once the batch process has ended
        os._exit(1)


def _judge_chunk(chunk: list[Item]) -> list[Any]:
    assert _JOB is not None
    return [_JOB(item) for item in chunk]


# ---------------------------------------------------------------- the pool


@dataclass(slots=True)
class _Task:
    """Items judged together, in order; `tries` says how often a dead worker lost them."""

    items: list[Item]
    tries: int = 0
    future: Future | None = None
    results: list[Any] | None = None

    @property
    def alone(self) -> bool:
        """Lost twice: judged one item at a time, with nothing else in the pool."""
        return self.tries >= 2


@dataclass(slots=True)
class _Window:
    """The tasks of the batch between reading and writing, in input order."""

    tasks: deque[_Task] = field(default_factory=deque)

    def running(self) -> list[_Task]:
        return [t for t in self.tasks if t.future is not None and not t.future.done()]


def _parallel(
    items: Iterator[Item], job: Job, workers: int, total: int | None
) -> Iterator[list[Any]]:
    """The results of the items in order, from a pool of forked workers (see the module)."""
    from concurrent.futures.process import BrokenProcessPool

    from fto_check.law.statute import load_law
    from fto_check.reasoning import evaluate  # noqa: F401 - loaded here, free in the workers

    load_law()  # fork: the workers start with the law, readings and modules already loaded
    pool = _start(job, workers)
    if pool is None:  # no processes to be had (`ulimit -u`, `ulimit -n`): go on in this one
        yield from _serial(items, job)
        return
    window = _Window()
    left = total
    try:
        while True:
            try:
                left = _fill(window, pool, items, workers, left, job)
                if not window.tasks:
                    return
                head = window.tasks[0]
                if head.results is None:
                    assert head.future is not None
                    head.results = _result(head.future, pool)
            except BrokenProcessPool:
                dead = _dead(pool)  # before the others are killed
                kill_workers(pool)
                pool.shutdown(wait=True)
                why = _why_broken(dead)
                _recover(window, job, why)
                pool = _start(job, workers)
                if pool is None:
                    yield from _serial(_rest(window, items), job)
                    return
                continue
            window.tasks.popleft()
            yield head.results  # dropped once written: memory stays flat
    except BaseException:
        # stopped early (a signal, an error, the reader gone): the rest is not wanted, and a
        # worker may be stuck in a read that never returns: kill the workers, not wait for them
        if pool is not None:
            kill_workers(pool)
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True)


def _start(job: Job, workers: int) -> ProcessPoolExecutor | None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork: workers start with everything loaded (spawn would re-import it all, ~0.4 s). An
    # executor, not a Pool: a worker that dies raises BrokenProcessPool instead of leaving
    # the batch waiting forever (but see `_result` and `kill_workers`).
    context = multiprocessing.get_context("fork")
    pool = None
    try:
        pool = ProcessPoolExecutor(workers, context, initializer=_init_worker, initargs=(job,))
        pool.submit(int).result()  # the workers start now, or it fails now
    except (OSError, BrokenProcessPool) as e:
        if pool is not None:
            kill_workers(pool)
            pool.shutdown(wait=True)
        reason = e.strerror if isinstance(e, OSError) and e.strerror else "they died at once"
        print(
            f"warning: cannot start worker processes ({reason}); judging in this one",
            file=sys.stderr,
        )
        return None
    return pool


def _fill(
    window: _Window, pool: ProcessPoolExecutor, items: Iterator[Item], workers: int, left, job
) -> int | None:
    """Submit what may run now: tasks in order, up to WINDOW chunks a worker, reading new
    chunks as room is made; a task lost twice only with nothing else running."""
    running = window.running()
    if any(t.alone for t in running):
        return left
    for task in window.tasks:
        if task.future is not None or task.results is not None:
            continue
        if task.alone:
            if not running:
                task.future = pool.submit(_judge_chunk, task.items)
            return left  # nothing after it starts before it is done
        task.future = pool.submit(_judge_chunk, task.items)
        running.append(task)
    while len(window.tasks) < WINDOW * workers:
        chunk = _next_chunk(items, _chunk_size(left, workers, getattr(job, "chunk", CHUNK)))
        if not chunk:
            break
        if left is not None:
            left -= len(chunk)
        task = _Task(chunk)
        window.tasks.append(task)  # first: a pool broken as it is submitted must not lose it
        task.future = pool.submit(_judge_chunk, chunk)
    return left


def _next_chunk(items: Iterator[Item], size: int) -> list[Item]:
    chunk: list[Item] = []
    held = 0
    for item in islice(items, size):
        chunk.append(item)
        held += len(item.raw or b"")
        if held >= CHUNK_BYTES:
            break
    return chunk


def _result(future: Future, pool: ProcessPoolExecutor) -> list[Any]:
    """The future's result. A worker killed while it sends its results leaves half a message in
    the result pipe, and the pool's own thread waits for the rest forever; so while waiting,
    look at the workers now and then, and if one has died, end that wait (`kill_workers`): the
    pool then breaks, as it should."""
    from concurrent.futures import TimeoutError as Timeout

    while True:
        try:
            return future.result(timeout=POLL)
        except Timeout:
            processes = list((pool._processes or {}).values())
            if any(p.exitcode is not None for p in processes):
                kill_workers(pool)


def _dead(pool: ProcessPoolExecutor) -> list:
    """The workers that have ended. By their sentinels, which say so whoever has reaped them
    (the pool's own thread may be reaping them as we look: their exit codes are read later)."""
    from multiprocessing.connection import wait

    processes = list((pool._processes or {}).values())
    ended = set(wait([p.sentinel for p in processes], timeout=0))
    return [p for p in processes if p.sentinel in ended]


def _why_broken(dead: list) -> str:
    """What ended the pool, from the exit codes of the workers that died (joined by now)."""
    codes = [p.exitcode for p in dead if p.exitcode]
    killed = [-code for code in codes if code < 0]
    if not killed:
        return "its worker process died"
    try:
        name = signal.Signals(killed[0]).name
    except ValueError:
        name = f"signal {killed[0]}"
    return f"its worker process was killed ({name}; out of memory?)"


def _recover(window: _Window, job: Job, why: str) -> None:
    """After the pool broke: keep what was judged, and give what was lost another go."""
    tasks: deque[_Task] = deque()
    for task in window.tasks:
        future, task.future = task.future, None
        if task.results is None and future is not None:
            if future.done() and not future.cancelled() and future.exception() is None:
                task.results = future.result()
                tasks.append(task)
                continue
            task.tries += 1
        if task.results is not None or task.tries <= 1:  # judged, waiting, or lost once
            tasks.append(task)
        elif task.tries == 2:  # twice: each item alone
            tasks.extend(_Task([item], tries=2) for item in task.items)
        else:  # an item that killed its worker when judged alone
            message = f"{task.items[0].label}: not judged: {why}"
            tasks.append(_Task(task.items, task.tries, results=[job.lost(task.items[0], message)]))
    window.tasks = tasks


def _rest(window: _Window, items: Iterator[Item]) -> Iterator[Item]:
    for task in window.tasks:
        if task.results is None:
            yield from task.items
    yield from items


def kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill a ProcessPoolExecutor's workers, so that it shuts down as broken, and promptly.

    A worker killed while it sends a chunk's results (more than a pipe holds) leaves half a
    message in the result pipe, and the pool's manager thread would wait for the rest forever:
    this process holds the pipe's write end too. Once the workers are dead, closing that end
    turns the wait into end-of-file. The pool offers neither step (3.14 has `kill_workers`,
    which does not close the pipe), hence its private attributes.
    """
    processes = list((pool._processes or {}).values())
    for process in processes:
        process.kill()
    for process in processes:
        process.join()  # dead: their ends of the pipe are closed
    pool._result_queue._writer.close()


# ---------------------------------------------------------------- progress


def _with_progress(
    decided: Iterator[list[Any]], total: int | None, *, show: bool
) -> Iterator[list[Any]]:
    """A progress bar on stderr for a large batch, when stderr is a terminal of its own."""
    if not (show and total is not None and total >= PROGRESS_MIN and sys.stderr.isatty()):
        yield from _closing(decided)
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress, closing(decided):
        task = progress.add_task("judging", total=total)
        for results in decided:
            yield results
            progress.advance(task, len(results))


def _closing(decided: Iterator[list[Any]]) -> Iterator[list[Any]]:
    # Stopped early (a signal, the reader gone), the workers stop here, not when (or if) the
    # generator is collected.
    with closing(decided):  # type: ignore[type-var]
        yield from decided
