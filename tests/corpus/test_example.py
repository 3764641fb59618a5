"""The worked example examples/corpus/corpus.py runs and finds the two planted faults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import govdisclosure as gd
from tests.corpus.helpers import CORPUS_EXAMPLE, ROOT


def _run_example(out_dir: Path) -> str:
    """Run the example script keeping its files in ``out_dir``; its standard output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(CORPUS_EXAMPLE), str(out_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The example run once for this module: its folder and what it printed."""
    directory = tmp_path_factory.mktemp("example")
    return directory, _run_example(directory)


def test_the_example_finds_the_copied_report_and_the_broken_carry_over(
    example: tuple[Path, str],
) -> None:
    tmp_path, out = example
    assert len(list((tmp_path / "pages").glob("*.txt"))) == 36
    assert len(list((tmp_path / "json").glob("*.json"))) == 36
    assert "files: 36 in" in out
    assert "failures: 0" in out
    # the broken carry-over: 2 more requests brought forward than 2022 carried over, in 自然人 and 总计
    broken = [line for line in out.splitlines() if "GD706 " in line]
    assert len(broken) == 2
    assert all(line.startswith("  白沙县交通运输局 2023: GD706 warning:") for line in broken)
    # the copied report, and only it
    copied = [line for line in out.splitlines() if ": copied (" in line]
    assert len(copied) == 1
    assert copied[0].startswith(
        "  清溪县自然资源局 2023 ~ 清溪县自然资源局 2022: copied (Jaccard 0."
    )
    # the copy does not follow up its own predecessor's plan
    assert any(line.startswith("  清溪县自然资源局 2023: GD801 info:") for line in out.splitlines())


def test_the_example_measures_find_the_planted_repeat_the_rename_and_the_publication_facts(
    example: tuple[Path, str],
) -> None:
    out = example[1].splitlines()
    # the renamed bureau is paired through aliases.csv: 24 pairs, no look-alike names left
    assert "cross-year pairs checked: 24" in out
    assert "look-alike publishers not paired: 0" in out
    # 重复率 of every pair from 0.3 on: the copy, and the planted 70 % repeat, at 0.65–0.75;
    # every other bureau's reports were drawn independently from the pools and stay under 0.3
    start = out.index("repeated from last year (重复率, boilerplate excluded; GC101 from 0.5):")
    listed = out[start + 1 : out.index("", start)]
    assert [line.split(":")[0] for line in listed] == [
        "  清溪县自然资源局-2023 ← 清溪县自然资源局-2022",
        "  石门县自然资源局-2022 ← 石门县自然资源局-2021",
    ]
    planted = float(listed[1].split(": ")[1].split()[0])
    assert 0.65 <= planted <= 0.75
    assert "  青山县交通运输局 2022: GC201 warning: 发布于2023-04-06，晚于期限2023-03-31" in out
    assert any(line.startswith("  云岭县自然资源局 2023: GC202 warning:") for line in out)


def test_the_example_pages_parse_back_to_the_json_tables(example: tuple[Path, str]) -> None:
    """The pages the example reads are its reports: every page's tables and year equal its JSON's."""
    tmp_path = example[0]
    pages = sorted((tmp_path / "pages").glob("*.txt"))
    assert len(pages) == 36
    for page in pages:
        built = gd.load(tmp_path / "json" / f"{page.stem}.json")
        parsed = gd.parse_text(page.read_text(encoding="utf-8")).report
        assert parsed.tables is not None
        assert (parsed.year, parsed.format, parsed.tables) == (
            built.year,
            built.format,
            built.tables,
        )
