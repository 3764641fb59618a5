"""The ``govdisclosure`` command line.

Every subcommand lives in a module of this package with a ``register(commands)`` function. User errors print
one line on stderr and exit with status 2. An unexpected exception is a bug in govdisclosure: one line on
stderr naming it, exit status 70 (``EX_SOFTWARE`` of sysexits.h); ``GOVDISCLOSURE_DEBUG=1`` in the
environment shows the traceback instead, for the bug report.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from govdisclosure._version import __version__
from govdisclosure.cli import _basic, _batch, _parse, _render, _validate
from govdisclosure.cli._common import ArgumentParser, UsageError, say
from govdisclosure.serialize import LoadError

_COMMANDS = (_basic, _validate, _render, _parse, _batch)

__all__ = ["INTERNAL_ERROR", "main"]

INTERNAL_ERROR = 70
"""Exit status of a bug in govdisclosure (``EX_SOFTWARE`` of sysexits.h): an exception no command expects."""


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="govdisclosure",
        description="Chinese government information-disclosure reports (政府信息公开工作年度报告): "
        "build, check, render and parse them.",
        epilog="exit status: 0 done; 1 what a command documents (validate: an error found; batch: a file "
        "failed); 2 bad input or usage (one line on standard error); 70 a bug in govdisclosure (one line; "
        "GOVDISCLOSURE_DEBUG=1 shows the traceback).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for module in _COMMANDS:
        module.register(commands)
    # Subcommand parsers inherit nothing from the main parser: give them its one-line errors too.
    for sub in commands.choices.values():
        sub.__class__ = ArgumentParser
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except (UsageError, LoadError) as exc:
        say(f"govdisclosure: error: {exc}")
        return 2
    except BrokenPipeError:
        # The reader went away (``govdisclosure demo | head``): not an error of ours or the user's.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt as exc:  # Ctrl-C: 128 + SIGINT; batch's SIGTERM says 143
        return int(getattr(exc, "status", 130))
    except Exception as exc:
        if os.environ.get("GOVDISCLOSURE_DEBUG"):
            raise
        say(
            f"govdisclosure: internal error (a bug in govdisclosure {__version__}; please report it with "
            f"the input, GOVDISCLOSURE_DEBUG=1 shows the traceback): {type(exc).__name__}: {exc}"
        )
        return INTERNAL_ERROR
    return status
