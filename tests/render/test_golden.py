"""The worked examples in every format equal their reviewed golden files, byte for byte."""

from __future__ import annotations

import difflib

import pytest

from tests.render.golden import EXAMPLES, GOLDEN, build, outputs

NAMES = sorted(p.name for p in GOLDEN.iterdir() if not p.name.startswith("."))


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for example in EXAMPLES:
        out.update(outputs(example, build(example)))
    return out


def test_every_output_has_a_golden_file(rendered: dict[str, bytes]) -> None:
    assert sorted(rendered) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_golden(rendered: dict[str, bytes], name: str) -> None:
    expected = (GOLDEN / name).read_bytes()
    actual = rendered[name]
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
