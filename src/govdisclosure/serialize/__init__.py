r"""JSON for reports: one cattrs converter, exact round trips, errors by JSON path, and the JSON Schema.

The format: UTF-8 JSON with Chinese unescaped; keys in model order; fields at their default omitted; a
top-level ``schema_version``; decimals as strings (``"12894000"``), dates as ``YYYY-MM-DD``, times as
``YYYY-MM-DDTHH:MM``, months as ``YYYY-MM``, document numbers as ``闽政办函〔2014〕130号``. Unknown keys are errors.

:func:`dumps` writes compact JSON (one line, no spaces) unless given ``indent=2``; :func:`dump` writes files
indented. Where orjson is installed (``pip install 'govdisclosure[fast]'``) :func:`dumps` uses it; the
text written is the same without it. :func:`loads` reads with the standard library's ``json``, which can
report a key given twice in an object (orjson silently keeps the last); it is stricter than JSON: a
duplicate key, a lone surrogate, a decimal with other than ASCII digits, a time with a fraction of a second or a time
zone, nesting hundreds of levels deep and integers of thousands of digits are :class:`LoadError`\ s.
"""

from govdisclosure.serialize._converter import (
    SCHEMA_VERSION,
    dump,
    dumps,
    from_dict,
    load,
    loads,
    to_dict,
)
from govdisclosure.serialize._diff import ChangeKind, Difference, diff
from govdisclosure.serialize._errors import LoadError, LoadIssue
from govdisclosure.serialize._schema import json_schema

__all__ = [
    "SCHEMA_VERSION",
    "ChangeKind",
    "Difference",
    "LoadError",
    "LoadIssue",
    "diff",
    "dump",
    "dumps",
    "from_dict",
    "json_schema",
    "load",
    "loads",
    "to_dict",
]
