"""The runner of the documentation's code blocks (tests/docblocks.py) fails a page that is wrong."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sybil import Document
from sybil.example import SybilFailure

from tests import docblocks


def _run(tmp_path: Path, markdown: str) -> dict[str, object]:
    """Parse ``markdown`` as a page and run its blocks in order, as pytest does; return the namespace."""
    page = tmp_path / "page.md"
    page.write_text(markdown, encoding="utf-8")
    document = Document.parse(str(page), docblocks.parse_page)
    docblocks._setup(document.namespace)
    try:
        for example in document.examples():
            example.evaluate()
    finally:
        docblocks._teardown(document.namespace)
    return document.namespace


def _examples(tmp_path: Path, markdown: str) -> Iterator[object]:
    page = tmp_path / "page.md"
    page.write_text(markdown, encoding="utf-8")
    return iter(Document.parse(str(page), docblocks.parse_page).examples())


def test_python_blocks_share_a_namespace_and_their_output_is_compared(tmp_path: Path) -> None:
    namespace = _run(
        tmp_path,
        "```python\nx = 6 * 7\n```\n\nThen:\n\n```python\nprint(x, '报告')\n```\n\n```text\n42 报告\n```\n",
    )
    assert namespace["x"] == 42
    with pytest.raises(SybilFailure, match="43"):
        _run(tmp_path, "```python\nprint(42)\n```\n```text\n43\n```\n")


def test_ellipsis_stands_for_any_text(tmp_path: Path) -> None:
    _run(tmp_path, "```python\nprint('a\\nb\\nc')\n```\n\n```text\na\n...\n```\n")
    with pytest.raises(SybilFailure):
        _run(tmp_path, "```python\nprint('a\\nb')\n```\n\n```text\nb\n...\n```\n")


def test_a_text_block_after_prose_is_not_output(tmp_path: Path) -> None:
    _run(tmp_path, "```python\nprint(1)\n```\n\nprose\n\n```text\nnot the output\n```\n")


def test_doctest_blocks_are_checked(tmp_path: Path) -> None:
    _run(tmp_path, "```python\n>>> 1 + 1\n2\n```\n")
    with pytest.raises(SybilFailure):
        _run(tmp_path, "```python\n>>> 1 + 1\n3\n```\n")


def test_an_exception_in_a_block_fails_it(tmp_path: Path) -> None:
    with pytest.raises(ZeroDivisionError):
        _run(tmp_path, "```python\n1 / 0\n```\n")


def test_console_blocks_run_commands_and_compare_their_output(tmp_path: Path) -> None:
    _run(
        tmp_path,
        "```console\n$ echo 报告 > a.txt\n$ cat a.txt\n报告\n$ false\n$ echo $?\n1\n```\n",
    )
    with pytest.raises(SybilFailure, match="exit status 2"):
        _run(tmp_path, "```console\n$ govdisclosure check missing.json\nOK\n```\n")


def test_govdisclosure_commands_run_in_process_as_they_would_in_a_shell(tmp_path: Path) -> None:
    # No shell syntax: through govdisclosure.cli.main; the error goes to the same output, status 2.
    _run(
        tmp_path,
        "```console\n$ govdisclosure check missing.json\n"
        "govdisclosure: error: cannot read missing.json: No such file or directory\n"
        "$ echo $?\n2\n```\n",
    )
    assert docblocks._run_in_process("govdisclosure check nothing.json")[1] == 2  # type: ignore[index]
    assert docblocks._run_in_process("govdisclosure demo > out.txt") is None


def test_pages_run_from_a_copy_of_the_repository_root(tmp_path: Path) -> None:
    namespace = _run(
        tmp_path,
        "```python\nfrom pathlib import Path\nseed = Path('examples/dehua_2014/page.txt').exists()\n"
        "Path('written.txt').write_text('x')\n```\n",
    )
    assert namespace["seed"] is True
    assert not (docblocks.ROOT / "written.txt").exists()


def test_write_file_writes_the_next_block(tmp_path: Path) -> None:
    namespace = _run(
        tmp_path,
        "<!-- write-file: templates/a.html -->\n```html+jinja\n<p>{{ x }}</p>\n```\n\n"
        "```python\nfrom pathlib import Path\ntext = Path('templates/a.html').read_text()\n```\n",
    )
    assert namespace["text"] == "<p>{{ x }}</p>\n"
    with pytest.raises(ValueError, match="right before a fenced block"):
        list(_examples(tmp_path, "<!-- write-file: a.txt -->\nprose\n```text\nx\n```\n"))


def test_invisible_code_blocks_run(tmp_path: Path) -> None:
    namespace = _run(tmp_path, "<!-- invisible-code-block: python\nhidden = 1\n-->\n\ntext\n")
    assert namespace["hidden"] == 1


def test_an_unknown_info_string_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown info string 'Python'"):
        list(_examples(tmp_path, "```Python\nprint(1)\n```\n"))
    with pytest.raises(ValueError, match="must start with a '\\$ ' command"):
        list(_examples(tmp_path, "```console\npip install govdisclosure\n```\n"))


def test_shown_blocks_do_not_run(tmp_path: Path) -> None:
    assert list(_examples(tmp_path, "```shell\nrm -rf /\n```\n\n```text\nx\n```\n")) == []


def test_myst_directives_are_skipped_but_code_directives_refused(tmp_path: Path) -> None:
    assert list(_examples(tmp_path, "```{toctree}\ntutorial\n```\n")) == []
    with pytest.raises(ValueError, match="fenced block with an info string"):
        list(_examples(tmp_path, "```{code-block} python\nprint(1)\n```\n"))
