"""What every subcommand shares: the user-error exception, reading inputs, writing outputs, and
lines fit for a terminal."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import NoReturn, TextIO

from govdisclosure._files import write_file
from govdisclosure._text import printable

MESSAGE_LIMIT = 2_000
"""The longest message a diagnostic line shows whole, in characters (the rest is cut in the middle)."""


class UsageError(Exception):
    """A mistake of the user's (a missing file, a bad option value): one line on stderr and exit code 2."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse with one-line errors: ``govdisclosure: error: …`` and exit code 2, like every user error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def read_bytes(name: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``; :class:`UsageError` if it cannot be read."""
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None


def looks_like_report_json(data: bytes) -> bool:
    """Whether the bytes start like report JSON (an object with ``schema_version``), not a page."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b'"schema_version"' in data[:4096]


def looks_like_page(data: bytes) -> bool:
    """Whether the bytes are no JSON at all: text or HTML, as ``govdisclosure parse`` reads."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(head) and not head.startswith((b"{", b"["))


def check_output(out: str | None, inputs: Iterable[str] = ()) -> None:
    """:class:`UsageError` if the file ``out`` is one of ``inputs`` (a link to it included): writing
    the output would destroy the input."""
    if out is None or out == "-":
        return
    for name in inputs:
        if name == "-":
            continue
        try:
            same = os.path.samefile(out, name)
        except OSError:  # one of them does not exist: not the same file
            continue
        if same:
            raise UsageError(f"-o {out} is the input {name}: refusing to overwrite it")


def write_output(data: str | bytes, out: str | None, inputs: Iterable[str] = ()) -> None:
    """Write to standard output (``out`` None or ``-``), or to the file ``out``: atomically where it is
    a regular file or new, through where it is a device or FIFO, to the target of a symbolic link; never
    over one of ``inputs`` (:func:`check_output`)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if out is None or out == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    check_output(out, inputs)
    try:
        write_file(out, raw)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None


def terminal_line(line: str) -> str:
    """``line`` fit for a terminal (see :func:`say`), with its newline."""
    return printable(line, MESSAGE_LIMIT) + "\n"


def say(line: str, stream: TextIO | None = None) -> None:
    """Print a line of text that holds data (a message, a file name, a page's text) on ``stream``
    (standard error by default): control characters escaped (no terminal escape sequence from a page
    reaches the terminal), long values cut (:data:`MESSAGE_LIMIT`)."""
    print(printable(line, MESSAGE_LIMIT), file=sys.stderr if stream is None else stream)


def example_json() -> bytes:
    """The bundled worked example (the 德化县科学技术局 2014 report) as JSON."""
    return resources.files("govdisclosure").joinpath("data", "dehua_2014.json").read_bytes()
