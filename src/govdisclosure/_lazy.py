"""Lazy exports for a package's ``__init__`` (PEP 562): each exported name is imported on first use.

``import govdisclosure`` then costs next to nothing; ``govdisclosure.DisclosureReport`` (or ``from govdisclosure
import DisclosureReport``) imports :mod:`govdisclosure.model` at that moment, once. No library does this for a
package's own names without a plugin or a stub file, so it is written here (a few dozen lines).

Subpackages are modules under their own names: ``govdisclosure.parse`` is the subpackage, imported on first
use, and ``import govdisclosure.validate as v`` gives the subpackage :mod:`govdisclosure.validate`. Two of
them are named after the function they are mostly used for, ``validate`` and ``render``; such a subpackage
is made callable (:func:`make_callable`), so that ``govdisclosure.validate(report)`` calls the function
:func:`govdisclosure.validate.validate` and type checkers, which read the package's imports, see the function.
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

__all__ = ["export_lazily", "make_callable", "show_public_names"]


def export_lazily(
    package: str, exports: Mapping[str, str], submodules: tuple[str, ...] = ()
) -> list[str]:
    """Make the package being initialised resolve each name on first use, and return the names.

    ``exports`` maps each module to the names it gives the package, separated by white space (a subpackage
    may give its own name: the subpackage); ``submodules`` are the subpackages reachable as attributes
    (imported on first use, not by ``import *`` unless exported too). Call it at the end
    of the package's ``__init__``, as ``__all__ = export_lazily(...)``, with the same names imported under
    ``if TYPE_CHECKING:`` as ``name as name`` for type checkers.
    """
    module = sys.modules[package]
    source = {name: origin for origin, names in exports.items() for name in names.split()}

    def __getattr__(name: str) -> Any:
        if name in submodules:
            return importlib.import_module(f"{package}.{name}")  # the import system binds it
        try:
            origin = source[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = importlib.import_module(origin)
        if origin != f"{package}.{name}":  # else the name is the (callable) subpackage itself
            value = getattr(value, name)
        module.__dict__[name] = value  # found directly from now on
        return value

    names = sorted(source, key=_sort_key)
    public = sorted({*names, *submodules, *(n for n in module.__dict__ if n.startswith("__"))})

    def __dir__() -> list[str]:
        return public

    module.__dict__["__getattr__"] = __getattr__
    module.__dict__["__dir__"] = __dir__
    return names


def _sort_key(name: str) -> tuple[int, str]:
    # The order ruff keeps an __all__ in: CONSTANTS, Classes, functions.
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


class _CallableModule(types.ModuleType):
    """A module that calls its function of the same name when called (see :func:`make_callable`)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.__dict__[self.__name__.rpartition(".")[2]](*args, **kwargs)


def make_callable(module_name: str) -> None:
    """Make a subpackage callable: ``pkg.name(...)`` calls ``pkg.name.name(...)``.

    For ``govdisclosure.validate`` and ``govdisclosure.render``, which are both the subpackage and, by long
    use in the documentation, the function users call (``gd.validate(report)``).
    """
    sys.modules[module_name].__class__ = _CallableModule


def show_public_names(module_name: str) -> None:
    """Make ``dir()`` of a module list its public API (``__all__``) and its dunders, not the names it
    imported for its own use (``annotations``, ``Any``, the model classes it takes)."""
    module = sys.modules[module_name]
    names = sorted(
        {*module.__dict__["__all__"], *(n for n in module.__dict__ if n.startswith("__"))}
    )

    def __dir__() -> list[str]:
        return names

    module.__dict__["__dir__"] = __dir__
