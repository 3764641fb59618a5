"""Import time of govdisclosure in a fresh interpreter, against importing pydantic and msgspec.

    python benchmarks/bench_import.py [--repeats 15] [--quick] [--importtime]

Each statement runs in a new ``python`` process (the interpreter's own start-up is not counted: the child
times the statement itself), ``--repeats`` times; the median is reported, in the child's CPU time (robust
to other jobs on a shared machine) and wall time. Bytecode is compiled once before timing, into a private
cache directory (``PYTHONPYCACHEPREFIX``), as an installed package's would be.

``--importtime`` prints, for each statement, the modules that took longest (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence

from benchlib import Row, machine, print_rows

TARGET_MS = 150.0

# (label, statement, whether the target applies)
STATEMENTS = [
    ("import govdisclosure", "import govdisclosure", True),
    (
        "first use: from govdisclosure import DisclosureReport, loads",
        "from govdisclosure import DisclosureReport, loads",
        True,
    ),
    ("import govdisclosure.model", "import govdisclosure.model", False),
    ("import govdisclosure.zh", "import govdisclosure.zh", False),
    ("import govdisclosure.render", "import govdisclosure.render", False),
    ("import govdisclosure.cli", "import govdisclosure.cli", False),
]
PEERS = [
    ("pydantic", "from pydantic import BaseModel"),
    ("msgspec", "import msgspec.json"),
]
HEAVY = ("attrs", "cattrs", "babel", "dateutil", "jinja2", "docx", "markdown_it", "orjson")

_CHILD = """
import sys, time
wall, cpu = time.perf_counter(), time.process_time()
{statement}
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(__import__("json").dumps([cpu * 1000, wall * 1000, heavy]))
"""


def _environment(cache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def run_child(statement: str, env: dict[str, str]) -> tuple[float, float, list[str]]:
    code = _CHILD.format(statement=statement, heavy=HEAVY)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    ).stdout
    cpu, wall, heavy = json.loads(out)
    return float(cpu), float(wall), list(heavy)


def measure(statement: str, repeats: int, env: dict[str, str]) -> tuple[float, float, list[str]]:
    """The median CPU and wall milliseconds of the statement, and the heavy modules it imported."""
    run_child(statement, env)  # compile and cache the bytecode
    runs = [run_child(statement, env) for _ in range(repeats)]
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        runs[-1][2],
    )


def importtime(statement: str, env: dict[str, str], top: int = 12) -> str:
    """The slowest modules (cumulative µs) of one run of ``python -X importtime``."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stderr
    rows = []
    for line in err.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative_us), int(self_us), name.rstrip()))
    rows.sort(reverse=True)
    return "\n".join(
        f"  {c / 1000:7.1f} ms cumulative {s / 1000:6.1f} ms self  {n}" for c, s, n in rows[:top]
    )


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2 repeats")
    parser.add_argument("--importtime", action="store_true", help="show the slowest modules")
    args = parser.parse_args(argv)
    statements = STATEMENTS
    if args.quick:
        args.repeats = 1
        statements = [s for s in STATEMENTS if s[2]]

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        env = _environment(cache)
        peers = {name: measure(stmt, args.repeats, env) for name, stmt in PEERS}
        peer_text = ", ".join(f"{name} {cpu:.0f} ms" for name, (cpu, _, _) in peers.items())
        for label, statement, targeted in statements:
            cpu, wall, heavy = measure(statement, args.repeats, env)
            rows.append(
                Row(
                    benchmark=label,
                    ours=f"{cpu:.0f} ms CPU ({wall:.0f} wall)",
                    peer=f"imports {', '.join(heavy) or 'none of ' + '/'.join(HEAVY[:3])}",
                    ratio=None,
                    target=f"≤ {TARGET_MS:.0f} ms" if targeted else "",
                    met=cpu <= TARGET_MS if targeted else None,
                )
            )
            if args.importtime:
                print(f"{statement}:\n{importtime(statement, env)}", file=sys.stderr)
        rows.append(
            Row(
                benchmark="for comparison: import pydantic / msgspec",
                ours="",
                peer=peer_text,
                ratio=None,
                target="",
                met=None,
            )
        )
    return rows


if __name__ == "__main__":
    results = main(sys.argv[1:])
    print(machine())
    print_rows(results)
