"""Publication facts the user knows (发布信息): a manifest CSV of where and when each file was found, and the
rules that need it — published after the deadline (GC201), changed after publication (GC202)."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import attrs

from govdisclosure.model import DisclosureReport

DEADLINE = (3, 31)
"""The statutory deadline, (month, day) of the year after the report's: 31 March (条例第四十九条; since
2019 a department's report is due on 31 January, which ``deadline=(1, 31)`` checks)."""

MANIFEST_COLUMNS = ("file", "source_url", "column", "first_seen", "last_changed")
"""The header of a manifest file."""


class ManifestError(ValueError):
    """A bad manifest file: the message names the file, the line and what was expected."""


@attrs.frozen
class ManifestEntry:
    """One line of a manifest (文件清单): a file and what is known of its publication."""

    file: str
    """文件: the path as the batch is given it (or its name, where that is unique)"""
    source_url: str | None = None
    """来源网址"""
    column: str | None = None
    """栏目: the portal's column it was found in (政府信息公开年报)"""
    first_seen: dt.datetime | None = None
    """首次发现: when it was first seen online; taken as its publication"""
    last_changed: dt.datetime | None = None
    """最后修改: when it was last seen to change"""


def _when(text: str, where: str, field: str) -> dt.datetime | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)  # a date alone is its midnight
    except ValueError:
        raise ManifestError(
            f"{where}: {field} {text!r}: expected an ISO 8601 date or date and time (2023-01-28, "
            "2023-01-28T09:30:00)"
        ) from None


class Manifest:
    """The entries of a manifest, found by a batch file's path (normalised), else by its file name
    where only one entry has that name."""

    def __init__(self, entries: list[ManifestEntry]) -> None:
        self.entries = entries
        self._paths = {os.path.normpath(e.file): e for e in entries}
        names: dict[str, list[ManifestEntry]] = {}
        for e in entries:
            names.setdefault(os.path.basename(e.file), []).append(e)
        self._names = {n: found[0] for n, found in names.items() if len(found) == 1}

    def get(self, file: str) -> ManifestEntry | None:
        """The entry for a file of the batch, if any."""
        found = self._paths.get(os.path.normpath(file))
        return found if found is not None else self._names.get(os.path.basename(file))


def load_manifest(path: str | Path) -> Manifest:
    """Read a manifest: CSV (UTF-8, a BOM allowed) with the header ``file,source_url,column,first_seen,
    last_changed`` (only ``file`` required; the others may be left out or empty), dates in ISO 8601.

    Raises :class:`ManifestError` naming the file and line of anything else.
    """
    name = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            unknown = [c for c in header if c not in MANIFEST_COLUMNS]
            if "file" not in header or unknown:
                raise ManifestError(
                    f"{name}:1: expected the header {','.join(MANIFEST_COLUMNS)}, got {','.join(header)}"
                )
            entries = []
            for row in reader:
                where = f"{name}:{reader.line_num}"
                file = (row.get("file") or "").strip()
                if not file:
                    raise ManifestError(f"{where}: expected a file")
                entries.append(
                    ManifestEntry(
                        file=file,
                        source_url=(row.get("source_url") or "").strip() or None,
                        column=(row.get("column") or "").strip() or None,
                        first_seen=_when(row.get("first_seen") or "", where, "first_seen"),
                        last_changed=_when(row.get("last_changed") or "", where, "last_changed"),
                    )
                )
    except OSError as exc:
        raise ManifestError(f"{name}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ManifestError(f"{name}: not UTF-8 text") from None
    return Manifest(entries)


def published(report: DisclosureReport, entry: ManifestEntry | None) -> dt.datetime | None:
    """When the report was published: the manifest's first_seen where the user gives it (what was seen
    online), else the header's 发布时间; None where neither is known."""
    if entry is not None and entry.first_seen is not None:
        return entry.first_seen
    return report.header.published_at


def deadline(year: int | None, month_day: tuple[int, int] = DEADLINE) -> dt.date | None:
    """The deadline of the report on ``year``: ``month_day`` of the next year (None for an unknown year)."""
    if year is None or not 1 <= year < dt.MAXYEAR:
        return None
    return dt.date(year + 1, *month_day)
