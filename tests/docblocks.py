"""Run the code blocks of the Markdown documentation (README.md, docs/**/*.md) as tests, with Sybil.

The root ``conftest.py`` hands :data:`SYBIL` to pytest, so ``python3 -m pytest`` collects every page listed in
``testpaths``. The convention (also in CONTRIBUTING.md), by a fenced block's info string:

- ``python``: executed, the blocks of one page in one namespace, in order. A block that starts with ``>>>``
  is a doctest. Otherwise, a ``text`` block right after it (nothing but blank lines between) is what the
  block prints, and is compared with it.
- ``console``: each ``$ command`` line is run by bash and what it prints (standard output and error, in
  order) is compared with the lines under it, up to the next ``$``. A command may go on over lines ending
  in a backslash. Each command is a new bash (a ``cd`` does not carry over) whose ``$?`` is the previous
  command's exit status, so ``$ echo $?`` shows it. A plain ``govdisclosure ARGS`` command (no shell
  syntax) runs in the test's own process, through ``govdisclosure.cli.main``, which is much faster.
- Any other info string in :data:`SHOWN` (``shell`` for commands that must not run, such as
  ``pip install``; ``text``; ``json``; ``html+jinja`` …) is shown, not run. An info string in neither set
  is an error, so that a typo (````Python``) does not quietly turn a test off. MyST directives
  (````{toctree}``, ````{eval-rst}``) are not code and are skipped, except the code directives
  (````{code-block}`` …), which are refused: code is written as a fenced block with an info string.

Output is compared line for line, ``...`` standing for any text (doctest's ELLIPSIS) and trailing spaces
ignored; ``>>>`` blocks also take any run of whitespace for any other (NORMALIZE_WHITESPACE), as the
doctests of src/ do.

Two HTML comments, invisible on the page, prepare what a page needs without showing it:

- ``<!-- invisible-code-block: python`` … ``-->`` runs Python like a ``python`` block.
- ``<!-- write-file: PATH -->`` right before a fenced block writes that block's text to PATH (a template the
  next block uses); such a block is not otherwise run.

Each page runs in a working directory of its own, a fresh temporary folder holding a symbolic link to each
entry of the repository's root: paths read as from the repository root (``examples/dehua_2014/page.txt``),
and files a page writes (``report.json``, ``templates/…``) are left in the temporary folder, not in the tree.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sybil import Document, Example, Region, Sybil
from sybil.evaluators.doctest import DocTestEvaluator, OutputChecker
from sybil.evaluators.python import pad
from sybil.integration import pytest as sybil_pytest
from sybil.parsers.abstract import DocTestStringParser
from sybil.parsers.markdown.lexers import DirectiveInHTMLCommentLexer, FencedCodeBlockLexer

ROOT = Path(__file__).resolve().parent.parent

RUN = frozenset({"python", "console"})
"""The info strings of blocks that are executed."""
SHOWN = frozenset(
    {
        "text",
        "shell",
        "json",
        "html",
        "html+jinja",
        "html+django",
        "javascript",
        "go",
        "toml",
        "diff",
    }
)
"""The info strings of blocks that are shown and never run."""

DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
"""For ``>>>`` blocks: as the doctests of src/ (pyproject.toml), and ``...`` for any text."""
OUTPUT_FLAGS = doctest.ELLIPSIS
"""For the output of a ``python`` block and of a command: line for line (a text's layout matters), with
``...`` for any text."""

_WRITE_FILE = re.compile(r"^<!-- write-file: (?P<path>[^\s>]+) -->[ \t]*\n", re.MULTILINE)
_BETWEEN_BLOCKS = re.compile(r"\s*")
_CODE_DIRECTIVE = re.compile(r"\{(code-block|code|sourcecode|code-cell|doctest)\}")
_SETUP_KEY = "__docblocks_previous_cwd__"
_WORKDIR_KEY = "__docblocks_workdir__"


class _Block:
    """A fenced code block: its info string, its text, and where it is in the page."""

    def __init__(self, region: Region) -> None:
        self.start = region.start
        self.end = region.end
        self.language: str = region.lexemes["language"]
        self.source: Any = region.lexemes["source"]  # a sybil Lexeme: a str with its offset


def _blocks(document: Document) -> list[_Block]:
    lexer = FencedCodeBlockLexer(language=r"[^\n]*")
    return [_Block(region) for region in lexer(document)]


def _expected(text: str) -> str:
    return text if text.endswith("\n") or not text else text + "\n"


def _compare(want: str, got: str, what: str) -> str | None:
    """None if ``got`` matches ``want`` (ELLIPSIS, trailing spaces ignored), else a message with a diff."""
    checker = OutputChecker()
    if checker.check_output(_expected(want), got, OUTPUT_FLAGS):
        return None
    example = doctest.Example(what, _expected(want))
    return f"{what}\n" + checker.output_difference(example, got, OUTPUT_FLAGS)


def _exec_python(example: Example, source: str, line: int) -> str:
    """Execute ``source`` in the page's namespace and return what it printed."""
    __tracebackhide__ = True
    code = compile(pad(source, line), example.path, "exec", dont_inherit=True)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, example.namespace)
    example.namespace.pop("__builtins__", None)
    return out.getvalue()


def _line_of(document: Document, position: int) -> int:
    return document.text.count("\n", 0, position)


class _PythonBlock:
    """A ``python`` block, and the ``text`` block of its output if one follows it."""

    def __init__(self, source: str, line: int, output: str | None) -> None:
        self.source = source
        self.line = line
        self.output = output

    def __call__(self, example: Example) -> str | None:
        __tracebackhide__ = True
        printed = _exec_python(example, self.source, self.line)
        if self.output is None:
            return None
        return _compare(self.output, printed, "# the python block above")


class _InvisiblePython:
    def __init__(self, source: str, line: int) -> None:
        self.source = source
        self.line = line

    def __call__(self, example: Example) -> None:
        __tracebackhide__ = True
        _exec_python(example, self.source, self.line)


class _WriteFile:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text

    def __call__(self, example: Example) -> None:
        target = Path(example.namespace[_WORKDIR_KEY]) / self.path
        if not target.resolve().is_relative_to(Path(example.namespace[_WORKDIR_KEY]).resolve()):
            raise ValueError(f"write-file: {self.path} is outside the page's working directory")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.text, encoding="utf-8")


def console_commands(text: str) -> list[tuple[str, str]]:
    """The ``(command, expected output)`` pairs of a console block.

    >>> console_commands("$ govdisclosure check a.json \\\\\\n    b.json\\nOK\\n$ true\\n")
    [('govdisclosure check a.json \\\\\\n    b.json', 'OK\\n'), ('true', '')]
    """
    pairs: list[tuple[str, list[str]]] = []
    continued = False
    for line in text.splitlines():
        if continued:
            command, output = pairs[-1]
            pairs[-1] = (command + "\n" + line, output)
            continued = line.endswith("\\")
        elif line.startswith("$ "):
            pairs.append((line[2:], []))
            continued = line.endswith("\\")
        elif pairs:
            pairs[-1][1].append(line)
        else:
            raise ValueError(f"a console block must start with a '$ ' command line, not {line!r}")
    if not pairs:
        raise ValueError("a console block without a '$ ' command line")
    return [(command, "".join(f"{line}\n" for line in output)) for command, output in pairs]


def _command_environment() -> dict[str, str]:
    env = dict(os.environ)
    # The interpreter running the tests, and the govdisclosure command installed beside it, come first.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.update(COLUMNS="80", NO_COLOR="1", PYTHONIOENCODING="utf-8", PYTHONUTF8="1")
    env.pop("PYTHONSTARTUP", None)
    return env


_SHELL_SYNTAX = re.compile(r"""[|&;<>()$`\\"'*?\[\]#~=%!{}\n]""")


def _run_in_process(command: str) -> tuple[str, int] | None:
    """Run a plain ``govdisclosure ARGS`` command through :func:`govdisclosure.cli.main` in this process
    (ten times as fast as a new interpreter); None if the command needs a shell."""
    words = command.split()
    if not words or words[0] != "govdisclosure" or _SHELL_SYNTAX.search(command):
        return None
    from govdisclosure.cli import main

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"
    try:
        with (
            contextlib.redirect_stdout(stream),
            contextlib.redirect_stderr(stream),
            contextlib.ExitStack() as stack,
        ):
            stack.callback(setattr, sys, "stdin", sys.stdin)
            sys.stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
            try:
                status = main(words[1:])
            except SystemExit as exc:  # argparse: --help, --version, a usage error
                status = exc.code if isinstance(exc.code, int) else 1
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return raw.getvalue().decode("utf-8", errors="replace"), status


class _ConsoleBlock:
    def __init__(self, text: str) -> None:
        self.commands = console_commands(text)

    def __call__(self, example: Example) -> str | None:
        env = _command_environment()
        status = 0
        for command, want in self.commands:
            ran = _run_in_process(command)
            if ran is None:
                # A bash of its own for each command, started with the previous command's status as $?.
                done = subprocess.run(
                    ["bash", "-c", f"(exit {status}); {command}"],
                    cwd=example.namespace[_WORKDIR_KEY],
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    timeout=600,
                    check=False,
                )
                ran = done.stdout.decode("utf-8", errors="replace"), done.returncode
            got, status = ran
            problem = _compare(want, got, f"$ {command}  (exit status {status})")
            if problem is not None:
                return problem
        return None


def parse_page(document: Document) -> Iterator[Region]:
    """The regions of a Markdown page that run, by the convention of this module."""
    blocks = _blocks(document)
    invisible = DirectiveInHTMLCommentLexer("invisible-code-block", arguments="python")
    for region in invisible(document):
        source = region.lexemes["source"]
        yield Region(
            region.start,
            region.end,
            source,
            _InvisiblePython(source, _line_of(document, region.start) + 1),
        )
    written: set[int] = set()
    for match in _WRITE_FILE.finditer(document.text):
        block = next((b for b in blocks if b.start >= match.end()), None)
        if (
            block is None
            or _BETWEEN_BLOCKS.fullmatch(document.text, match.end(), block.start) is None
        ):
            raise ValueError(
                f"{document.path}, {document.line_column(match.start())}: "
                "write-file must come right before a fenced block"
            )
        written.add(block.start)
        yield Region(
            match.start(), block.end, block.source, _WriteFile(match["path"], block.source)
        )

    doctests = DocTestStringParser(DocTestEvaluator(DOCTEST_FLAGS))
    skip_next = False
    for index, block in enumerate(blocks):
        if skip_next:  # the output of the python block before it
            skip_next = False
            continue
        if block.start in written:
            continue
        if block.language.startswith("{"):  # a MyST directive ({toctree}, {eval-rst} …), not code
            if _CODE_DIRECTIVE.match(block.language):
                raise ValueError(
                    f"{document.path}, {document.line_column(block.start)}: write code as a fenced "
                    f"block with an info string (```python), not {block.language}"
                )
            continue
        if block.language not in RUN and block.language not in SHOWN:
            raise ValueError(
                f"{document.path}, {document.line_column(block.start)}: unknown info string "
                f"{block.language!r}: use one of {sorted(RUN)} (run) or {sorted(SHOWN)} (shown)"
            )
        if block.language == "console":
            try:
                console = _ConsoleBlock(block.source)
            except ValueError as exc:
                raise ValueError(
                    f"{document.path}, {document.line_column(block.start)}: {exc}"
                ) from None
            yield Region(block.start, block.end, block.source, console)
        elif block.language == "python" and block.source.lstrip().startswith(">>>"):
            for region in doctests(block.source, document.path):
                region.adjust(block, block.source)  # type: ignore[arg-type]
                yield region
        elif block.language == "python":
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            output = None
            end = block.end
            if (
                following is not None
                and following.language == "text"
                and following.start not in written
                and _BETWEEN_BLOCKS.fullmatch(document.text, block.end, following.start)
            ):
                output, end, skip_next = following.source, following.end, True
            line = _line_of(document, block.start + block.source.offset)
            yield Region(block.start, end, block.source, _PythonBlock(block.source, line, output))


def _traceback_filter(item: Any, excinfo: Any) -> Any:
    """Sybil's filter of failure tracebacks, falling back to the whole traceback where it cannot cut one.

    Sybil 9–10 cut the traceback at its own frame and take the next entry, which fails (IndexError, an
    INTERNALERROR of pytest that hides the real failure) for the sub-exceptions of an exception group,
    e.g. the ResourceWarning of a file a block leaves open, raised as an error by ``filterwarnings``.
    """
    try:
        return _sybil_filter(item, excinfo)
    except IndexError:
        return excinfo.traceback


_sybil_filter = sybil_pytest.SybilItem._traceback_filter
sybil_pytest.SybilItem._traceback_filter = _traceback_filter  # type: ignore[method-assign]


def _setup(namespace: dict[str, Any]) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="govdisclosure-docs-"))
    for entry in ROOT.iterdir():
        if not entry.name.startswith("."):
            (workdir / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    namespace[_SETUP_KEY] = os.getcwd()
    namespace[_WORKDIR_KEY] = str(workdir)
    # A module name that is not importable: Flask(__name__) then takes the working directory as its root.
    namespace["__name__"] = "docs_page"
    os.chdir(workdir)


def _teardown(namespace: dict[str, Any]) -> None:
    os.chdir(namespace[_SETUP_KEY])
    shutil.rmtree(namespace[_WORKDIR_KEY])  # removes the links, never what they point to


SYBIL = Sybil(
    parsers=[parse_page],
    patterns=["*.md"],
    # Generated from the rules' own examples, which tests/validate/test_docs.py runs and compares.
    excludes=["docs/reference/rules.md"],
    path=str(ROOT),
    setup=_setup,
    teardown=_teardown,
)
