"""Equivalent report models written with pydantic v2 and msgspec, for the JSON benchmark only.

They describe the same JSON format as :mod:`govdisclosure.serialize` (see ``benchmarks/README.md`` for the
differences that could not be removed). Not part of the package: nothing under ``src/`` imports them.
"""
