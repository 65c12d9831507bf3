"""Errors the pipeline raises on bad input, and the exit codes the CLI maps them to.

Every error names the file it is about and says what is wrong in one line;
the CLI prints ``editiondiff: <path>: <message>`` and exits with ``exit_code``.
"""

from __future__ import annotations

from pathlib import Path

#: Exit codes, documented in the README.
EXIT_OK = 0
EXIT_FAILED = 1  # the command ran but its check failed (e.g. `validate` on an invalid file)
EXIT_BAD_INPUT = 2  # unreadable, empty, encrypted, wrong format, not UTF-8, over a limit
EXIT_NO_ROADMAP = 3  # the input was read, but no roadmap structure was found in it
#: A bug in editiondiff, not a problem with the input: sysexits' EX_SOFTWARE, so that
#: scripts can tell "report this" from every input or check outcome above (and the
#: small codes stay free for future input categories).
EXIT_INTERNAL = 70


class EditionDiffError(Exception):
    """Base class: an error about one input file, reported on one line."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, path: str | Path | None, message: str):
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(self.line())

    def line(self) -> str:
        """The error on one line: control and bidi characters of a file name or message shown escaped."""
        from .escape import one_line

        return one_line(f"{self.path}: {self.message}" if self.path else self.message)


class InputError(EditionDiffError):
    """The file cannot be read as a source: empty, binary, encrypted, broken, unknown format."""

    exit_code = EXIT_BAD_INPUT


class LimitExceeded(InputError):
    """The file is over a page, byte or time limit (protection against PDF bombs)."""


class NoTextLayer(InputError):
    """A PDF whose pages carry no text (a scan): OCR is needed first."""


class NoRoadmapFound(EditionDiffError):
    """The file was read, but holds no TECH.GOUV roadmap structure."""

    exit_code = EXIT_NO_ROADMAP
