"""Review state (复核状态): a stable fingerprint per finding, and a ``review.csv`` the user edits that the
next run reads back, so that settled findings stay settled across runs and re-parses (as a linter's
baseline file does)."""

from __future__ import annotations

import csv
import enum
import hashlib
import json
from pathlib import Path

import attrs

from govdisclosure.corpus._records import Row
from govdisclosure.model import Severity


class ReviewStatus(enum.StrEnum):
    """What a reviewer made of a finding (复核结论)."""

    PENDING = "pending"
    """Not reviewed yet (待复核): every new finding."""
    CONFIRMED = "confirmed"
    """Confirmed (确认): still reported, marked as such."""
    DISMISSED = "dismissed"
    """Dismissed (驳回): not reported again while its fingerprint is the same."""


def fingerprint(
    rule: str,
    publisher_key: str | None,
    year: int | None,
    path: str,
    expected: str | None,
    found: str | None,
) -> str:
    """A finding's fingerprint (指纹): 16 hex digits of SHA-256 over what identifies it — the rule, the
    publisher key, the year, the JSON path and the figures (expected, found). Not the file's name (a
    re-scraped or renamed file keeps its findings' fingerprints) and not the message (its wording may
    change); a changed figure gives a new fingerprint, to be reviewed afresh.

    >>> fingerprint("GD706", "县科学技术局", 2023, "$.tables.t3.rows.brought_forward.total", "6", "8")
    '2f710cef3a75fcb6'
    """
    identity = json.dumps(
        [rule, publisher_key, year, path, expected, found],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


@attrs.frozen(kw_only=True)
class Finding:
    """A finding to review (待复核问题): a diagnostic of the rules, or of the corpus rules (GC codes)."""

    rule: str
    """规则: the code (GD706, GC101)"""
    severity: Severity
    """严重程度"""
    file: str
    """文件"""
    publisher_key: str | None
    """机构键"""
    year: int | None
    """年度 (None where the report's year is unknown)"""
    path: str
    """JSON 路径"""
    expected: str | None = None
    """应为"""
    found: str | None = None
    """实为"""
    message: str = ""
    """说明"""

    @property
    def fingerprint(self) -> str:
        return fingerprint(
            self.rule, self.publisher_key, self.year, self.path, self.expected, self.found
        )

    def row(self, status: ReviewStatus | str, note: str | None) -> Row:
        """The row of the ``findings`` and ``review`` tables."""
        return (
            self.fingerprint,
            str(status),
            note,
            self.rule,
            self.severity.value,
            self.publisher_key,
            self.year,
            self.path,
            self.expected,
            self.found,
            self.message,
            self.file,
        )


REVIEW_COLUMNS = (
    "fingerprint",
    "status",
    "note",
    "rule",
    "severity",
    "publisher_key",
    "year",
    "path",
    "expected",
    "found",
    "message",
    "file",
)
"""The header of ``review.csv`` (and ``findings.csv``); the user edits ``status`` and ``note``."""


class ReviewError(ValueError):
    """A bad review file: the message names the file, the line and what was expected."""


def load_review(path: str | Path) -> dict[str, Row]:
    """A review file's rows by fingerprint (the CSV as the batch writes it: the columns of
    :data:`REVIEW_COLUMNS`, only ``fingerprint`` and ``status`` required; ``status`` one of pending,
    confirmed, dismissed, or empty for pending). A later line for the same fingerprint wins.

    Raises :class:`ReviewError` naming the file and line of anything else.
    """
    name = str(path)
    found: dict[str, Row] = {}
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            if "fingerprint" not in header or "status" not in header:
                raise ReviewError(
                    f"{name}:1: expected a header with fingerprint and status "
                    f"({','.join(REVIEW_COLUMNS)}), got {','.join(header)}"
                )
            statuses = ", ".join(s.value for s in ReviewStatus)
            for row in reader:
                where = f"{name}:{reader.line_num}"
                key = (row.get("fingerprint") or "").strip()
                status = (row.get("status") or "").strip().lower() or ReviewStatus.PENDING.value
                if not key:
                    raise ReviewError(f"{where}: expected a fingerprint")
                if status not in {s.value for s in ReviewStatus}:
                    raise ReviewError(f"{where}: status {status!r}: expected one of {statuses}")
                values = {c: (row.get(c) or None) for c in REVIEW_COLUMNS}
                values["fingerprint"], values["status"] = key, status
                year = values["year"]
                values["year"] = int(year) if year and year.isdigit() else None
                found[key] = tuple(values[c] for c in REVIEW_COLUMNS)
    except OSError as exc:
        raise ReviewError(f"{name}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ReviewError(f"{name}: not UTF-8 text") from None
    return found
