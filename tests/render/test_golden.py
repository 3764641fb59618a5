"""The worked example in every format equals its reviewed golden file, byte for byte."""

from __future__ import annotations

import difflib

import pytest

from govdisclosure import DisclosureReport
from tests.render.golden import GOLDEN, outputs

NAMES = sorted(p.name for p in GOLDEN.iterdir() if not p.name.startswith("."))


def test_every_output_has_a_golden_file(example_report: DisclosureReport) -> None:
    assert sorted(outputs(example_report)) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_golden(example_report: DisclosureReport, name: str) -> None:
    expected = (GOLDEN / name).read_bytes()
    actual = outputs(example_report)[name]
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.decode("utf-8").splitlines(keepends=True),
                actual.decode("utf-8").splitlines(keepends=True),
                f"golden/{name}",
                "rendered",
                n=1,
            )
        )
        pytest.fail(
            f"{name} differs from its golden file. If the change is intended, run "
            f"`python tests/render/regen_golden.py`, review the diff and commit it.\n{diff[:4000]}"
        )
