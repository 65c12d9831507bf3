"""Bounds on the work any input can cause: bytes, pages, seconds, nesting.

One settings object, `ReadLimits`, travels from the CLI (options, or the
environment variables named beside each field) to every reader. Each bound
refuses its input with `LimitExceeded` (exit 2), a message naming the limit
and the option that raises it.

    read_regular_file(path, limits)   the bytes of a regular file, size checked before reading
    Deadline / time_bound(deadline)   the time bound: checked in the readers' loops, and (in the
                                      main thread) enforced by a timer signal as well
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import stat
import threading
import time
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .errors import InputError, LimitExceeded


@dataclass(frozen=True)
class ReadLimits:
    """Every resource bound of the readers; raise one with its CLI option or environment variable."""

    #: Largest markdown or text source, in bytes (--max-bytes, EDITIONDIFF_MAX_BYTES).
    max_bytes: int = 20 * 1024 * 1024
    #: Largest PDF source or edition/diff JSON file, in bytes (--max-pdf-bytes, EDITIONDIFF_MAX_PDF_BYTES).
    max_pdf_bytes: int = 100 * 1024 * 1024
    #: Most PDF pages (--max-pages, EDITIONDIFF_MAX_PAGES).
    max_pages: int = 1000
    #: Longest time to read one source (any format), and to build one edition from its sources
    #: (reading, structure, normalisation, audit), in seconds (--max-seconds, EDITIONDIFF_MAX_SECONDS).
    max_seconds: float = 60.0
    #: Deepest nesting of JSON files and YAML front matter (--max-depth, EDITIONDIFF_MAX_DEPTH).
    max_depth: int = 64

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not value > 0:  # NaN too
                raise ValueError(f"ReadLimits.{item.name} must be above 0, got {value}")
            if value == math.inf:  # no timer or count takes an infinite bound: give a large finite one
                raise ValueError(f"ReadLimits.{item.name} must be a finite number, got {value}")

    def with_options(self, **values: object) -> ReadLimits:
        """A copy with the values given (None: keep the default)."""
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in values.items() if v is not None and k in known})


DEFAULT_LIMITS = ReadLimits()

#: The CLI option and environment variable of each limit, as the messages name them.
OPTION = {
    "max_bytes": "--max-bytes / EDITIONDIFF_MAX_BYTES",
    "max_pdf_bytes": "--max-pdf-bytes / EDITIONDIFF_MAX_PDF_BYTES",
    "max_pages": "--max-pages / EDITIONDIFF_MAX_PAGES",
    "max_seconds": "--max-seconds / EDITIONDIFF_MAX_SECONDS",
    "max_depth": "--max-depth / EDITIONDIFF_MAX_DEPTH",
}


def over_limit(path: str | Path | None, what: str, field: str, limit: float, unit: str = "") -> LimitExceeded:
    """The error for one bound: what was found, the limit, and how to raise it."""
    shown = f"{limit:g}" if isinstance(limit, float) else str(limit)
    return LimitExceeded(path, f"{what}, over the limit of {shown}{unit} (raise it with {OPTION[field]})")


_FILE_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((what for test, what in _FILE_KINDS if test(mode)), "not a regular file")


def read_regular_file(path: Path, limits: ReadLimits = DEFAULT_LIMITS, *, json_file: bool = False) -> bytes:
    """The bytes of `path`, refused before anything is read when it is not a regular file or is too large.

    The file is stat'ed first (a FIFO, device or directory is refused without
    being opened), then opened without blocking and checked again on the open
    descriptor (so a file swapped in between is caught). The byte limit is
    the PDF one for a PDF (or, with `json_file`, for an extracted JSON), the
    text one otherwise; at most limit + 1 bytes are ever read.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, f"not a regular file ({_kind(info.st_mode)}), expected a source file")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise InputError(path, f"not a regular file ({_kind(opened.st_mode)}), expected a source file")
        head = handle.read(1024)
        is_pdf = head.lstrip()[:5] == b"%PDF-"
        field = "max_pdf_bytes" if is_pdf or json_file else "max_bytes"
        limit = getattr(limits, field)
        if opened.st_size > limit:
            raise over_limit(path, f"file too large: {opened.st_size} bytes", field, limit, " bytes")
        try:
            data = head + handle.read(limit + 1 - len(head))
        except OSError as exc:
            raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:  # the file grew while it was read
        raise over_limit(path, f"file too large: over {limit} bytes", field, limit, " bytes")
    return data


class Deadline:
    """A time bound started now: `check()` raises LimitExceeded once `seconds` have passed."""

    def __init__(self, seconds: float, path: str | Path | None = None, doing: str = "to read"):
        self.seconds = seconds
        self.path = path
        self.doing = doing
        self.started = time.monotonic()

    def expired(self) -> bool:
        return time.monotonic() - self.started > self.seconds

    def error(self, where: str = "") -> LimitExceeded:
        return over_limit(self.path, f"took more than {self.seconds:g} s {self.doing}{where}", "max_seconds", float(self.seconds), " s")

    def check(self, where: str = "") -> None:
        if self.expired():
            raise self.error(where)


@contextlib.contextmanager
def time_bound(deadline: Deadline):
    """Enforce `deadline` even inside library code that never checks it (markdown-it, PyMuPDF, PyYAML).

    In the main thread of a process with SIGALRM and no timer already set, a
    one-shot timer raises the deadline's error where the code stands; the
    readers' own `deadline.check()` calls bound the rest.
    """
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield deadline
        return

    armed = [True]

    def expire(signum, frame):
        if armed[0]:
            raise deadline.error()

    previous = signal.signal(signal.SIGALRM, expire)
    # repeated: an error raised where Python cannot pass it on (a gc callback, a finaliser) is retried
    signal.setitimer(signal.ITIMER_REAL, max(deadline.seconds - (time.monotonic() - deadline.started), 0.001), 0.25)
    try:
        yield deadline
    finally:
        # The alarm may fire while the timer is being cancelled: its error would then leave the
        # timer armed and this handler installed for whatever runs next. Disarm first, and redo
        # the cancelling if an alarm came in before the disarming took effect.
        while True:
            try:
                armed[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except LimitExceeded:  # the work had ended already: too late to matter
                continue
