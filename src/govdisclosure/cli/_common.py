"""What every subcommand shares: the user-error exception, reading inputs and writing outputs."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path
from typing import NoReturn

from govdisclosure._files import write_atomic


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


def write_output(data: str | bytes, out: str | None) -> None:
    """Write to standard output, or atomically to the file ``out``."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if out is None or out == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    try:
        write_atomic(out, raw)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None


def example_json() -> bytes:
    """The bundled worked example (the 德化县科学技术局 2014 report) as JSON."""
    return resources.files("govdisclosure").joinpath("data", "dehua_2014.json").read_bytes()
