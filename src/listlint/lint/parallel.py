"""Run part of the work in a forked process while this one does the rest.

A list run reads every file and then runs ~40 rules over the same documents.
The rules are independent, so on a machine with a second core they can be shared
with a child that inherits the documents through `fork` (nothing to send over) and
sends back only what it found. The fork comes before the parse (a document parses
on first use): each process parses the documents on its own core, and neither
copies the pages the other writes reference counts into, as it would if it
inherited a parsed heap.

`share` deals the tasks out as they go: their numbers sit in a pipe, and each
process takes the next one by reading a byte (a read from a pipe is atomic), so
whichever process is free takes the next task and neither waits on a bad guess of
how long each task takes.

The child's result is pickled through a pipe. Anything that goes wrong in the child
(an exception, a crash, a result that will not pickle) makes `Forked.result()` return
None, and the caller does the child's tasks itself: parallelism may only ever change
how long a run takes, never what it reports.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
P = TypeVar("P")

MIN_TEXT = 200_000
"""Below this many characters of input, a fork costs more than it saves."""
MAX_TASKS = 255
"""Task numbers are single bytes in the pipe."""


def available(jobs: int | None) -> bool:
    """Whether to fork: asked for (`jobs` > 1, or None for automatic) and safe here.

    `fork` is only safe in a process with one thread, and it is missing on Windows.
    """
    if jobs is not None and jobs < 2:
        return False
    if jobs is None and (os.cpu_count() or 1) < 2:
        return False
    return hasattr(os, "fork") and sys.platform != "emscripten" and threading.active_count() == 1


def worth_sharing(jobs: int | None, tasks: int, size: int) -> bool:
    """Whether `tasks` tasks over `size` characters of input go to two processes: the
    fork is `available`, there is more than one task and no more than `MAX_TASKS`, and
    it was asked for (`jobs` > 1) or the input is large enough (`MIN_TEXT`)."""
    return available(jobs) and 1 < tasks <= MAX_TASKS and (jobs is not None or size >= MIN_TEXT)


class Forked(Generic[T]):
    """A computation running in a child process."""

    def __init__(self, work: Callable[[], T]) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _child(work, write_end)
        os.close(write_end)
        self._pid = pid
        self._read_end = read_end

    def result(self) -> T | None:
        """The child's result, or None when it failed; waits for the child to finish."""
        chunks = []
        with os.fdopen(self._read_end, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self._pid, 0)
        if not chunks or os.waitstatus_to_exitcode(status) != 0:
            return None
        try:
            import pickle

            return pickle.loads(b"".join(chunks))  # type: ignore[no-any-return]
        except Exception:
            return None

    def stop(self) -> None:
        """End the child without its result (this process failed): kill it and reap it."""
        os.close(self._read_end)
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:  # it had ended already
            pass
        os.waitpid(self._pid, 0)


def share(
    count: int,
    do: Callable[[int], R],
    portable: Callable[[R], P],
    restore: Callable[[int, P], R],
    *,
    first: Callable[[], object] | None = None,
) -> list[R]:
    """The results of tasks `0..count-1`, done by this process and a forked child, each
    taking the next free one. Put the longest tasks first.

    The child's results cross as `portable(result)` and come back as
    `restore(task, portable)`; when the child failed, this process does its tasks.
    `first` is work for this process only, done while the child starts taking tasks.
    """
    if count > MAX_TASKS:
        raise ValueError(f"at most {MAX_TASKS} tasks")
    read_end, write_end = os.pipe()
    os.write(write_end, bytes(range(count)))
    os.close(write_end)

    def take() -> Iterator[int]:
        while claimed := os.read(read_end, 1):
            yield claimed[0]

    forked = Forked(lambda: {number: portable(do(number)) for number in take()})
    try:
        if first is not None:
            first()
        mine = {number: do(number) for number in take()}
    except BaseException:
        forked.stop()  # its results would never be read
        raise
    finally:
        os.close(read_end)
    theirs = forked.result()
    return [
        mine[number] if number in mine else do(number) if theirs is None else restore(number, theirs[number])
        for number in range(count)
    ]


def _child(work: Callable[[], T], write_end: int) -> None:
    import pickle  # here, not at import: a run that never forks does not load it

    code = 1
    try:
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        code = 0
    except BaseException:  # noqa: BLE001 - the parent redoes the work and reports any error itself
        pass
    finally:
        # `_exit`: no atexit handlers, no flushing of the parent's buffered output twice.
        os._exit(code)
