"""JSON for reports: one cattrs converter, exact round trips, errors by JSON path, and the JSON Schema.

The format: UTF-8 JSON with Chinese unescaped; keys in model order; fields at their default omitted; a
top-level ``schema_version``; decimals as strings (``"12894000"``), dates as ``YYYY-MM-DD``, times as
``YYYY-MM-DDTHH:MM``, months as ``YYYY-MM``, document numbers as ``闽政办函〔2014〕130号``. Unknown keys are errors.

:func:`dumps` writes compact JSON (one line, no spaces) unless given ``indent=2``; :func:`dump` writes files
indented. Where orjson is installed (``pip install 'govdisclosure[fast]'``) :func:`loads` and :func:`dumps`
use it (a round trip 1.4–1.7× as fast); the text written and the errors raised are the same without it.
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
