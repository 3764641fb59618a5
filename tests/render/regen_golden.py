"""Regenerate the golden files of the renderers from the worked examples.

    python tests/render/regen_golden.py

Then review every change by eye (``git diff tests/render/golden``) before committing it. The tests never
regenerate them: a difference fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from tests.render.golden import EXAMPLES, GOLDEN, build, outputs

    GOLDEN.mkdir(exist_ok=True)
    for example in EXAMPLES:
        for name, data in outputs(example, build(example)).items():
            path = GOLDEN / name
            old = path.read_bytes() if path.exists() else None
            path.write_bytes(data)
            print(f"{'unchanged' if old == data else 'written  '} {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
