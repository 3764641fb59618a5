"""Lazy exports for a package's ``__init__`` (PEP 562): each exported name is imported on first use.

``import govdisclosure`` then costs next to nothing; ``govdisclosure.DisclosureReport`` (or ``from govdisclosure
import DisclosureReport``) imports :mod:`govdisclosure.model` at that moment, once. No library does this for a
package's own names without a plugin or a stub file, so it is written here (a dozen lines).

A name may be both a function and the subpackage that defines it (``validate``): importing the subpackage
ends with the import system binding the subpackage under that name in the package, which would hide the
function. The package's module class refuses that one binding, so the name stays the function whatever was
imported first; the subpackage stays importable by its full name (``from govdisclosure.validate import …``).
"""

from __future__ import annotations

import importlib
import sys
import types

TYPE_CHECKING = (
    False  # typing.TYPE_CHECKING: importing typing would double the cost of `import govdisclosure`
)
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

__all__ = ["export_lazily"]


class _Package(types.ModuleType):
    """A package module whose functions keep their names when same-named subpackages are imported."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and name in self.__dict__.get("_functions", ()):
            return  # the import system binding the subpackage ``name``: the function keeps the name
        super().__setattr__(name, value)


def export_lazily(package: str, exports: Mapping[str, str]) -> None:
    """Make the package being initialised resolve each name of ``exports`` (name → module) on first use.

    Call it at the end of the package's ``__init__``, with the same names in ``__all__`` and, for type
    checkers, imported under ``if TYPE_CHECKING:``.
    """
    module = sys.modules[package]

    def __getattr__(name: str) -> Any:
        try:
            source = exports[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(source), name)
        module.__dict__[name] = value  # found directly from now on
        return value

    def __dir__() -> list[str]:
        return sorted({*module.__dict__, *exports})

    module.__dict__["__getattr__"] = __getattr__
    module.__dict__["__dir__"] = __dir__
    functions = frozenset(name for name, source in exports.items() if source == f"{package}.{name}")
    if functions:
        module.__dict__["_functions"] = functions
        module.__class__ = _Package
