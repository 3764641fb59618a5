"""The architecture: ground floors, capabilities and faces import only what their floor allows.

- ``model`` and ``zh`` (ground floors) and the leaves ``_version``/``_files``/``_lazy``/``_text`` import nothing of ours but each other.
- ``serialize``, ``validate``, ``render`` and ``parse`` (capabilities) import only the ground floor.
- ``cli`` and the corpus tools (faces) may import anything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "govdisclosure"
GROUND = {"model", "zh", "_version", "_files", "_lazy", "_text"}
CAPABILITIES = {"serialize", "validate", "render", "parse"}
FACES = {"cli", "corpus", "__main__"}


def _unit(module: str) -> str:
    """``govdisclosure.model._facts`` → ``model``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {m for m in found if m == "govdisclosure" or m.startswith("govdisclosure.")}


def _files() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE or p.name != "__init__.py"
    )


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_respect_the_floors(path: Path) -> None:
    rel = path.relative_to(PACKAGE)
    unit = rel.parts[0].removesuffix(".py")
    assert unit in GROUND | CAPABILITIES | FACES, (
        f"{rel}: {unit} is in no layer: add it to GROUND, CAPABILITIES or FACES"
    )
    if unit in FACES:
        return  # faces may import anything
    allowed = GROUND | {unit}
    for module in _imports(path):
        target = _unit(module)
        assert target in allowed, (
            f"{rel} imports {module}: {unit} may import only {sorted(allowed)}"
        )


def test_no_relative_imports_hide_from_this_check() -> None:
    for path in _files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level > 0]
        assert not relative, path
