"""The real-page corpus's truth, and how a parse result is checked against it (shared by the tests and
``benchmarks/score_real.py``).

The truth (``tests/fixtures/real/truth.json``, described in that folder's README) was read off each
page by hand; nothing here derives an expected value from the parser. Each check returns a
:class:`Check`: the field, whether the parser got it right, and what it gave instead.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import govdisclosure as gd
from govdisclosure.model import (
    Money,
    Table2V2019,
    Table2V2021,
    Table3V2019,
    Table3V2021,
    Table4,
)
from tests.real.flatten import LAYOUTS, normalize, relayout

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "real"
TRUTH = CORPUS / "truth.json"
HOLDOUT7 = ROOT / "tests" / "fixtures" / "holdout7"
HOLDOUT = ROOT / "tests" / "fixtures" / "holdout"
"""Pages no parser change was tuned on: scored (benchmarks/score_real.py --corpus), never tested field by field."""
# published reports as files (PDF, Word), not as pages' text: read as stored only
FILES = ROOT / "tests" / "fixtures" / "real-files"
BINARY_SUFFIXES = (".pdf", ".docx")
#: page fields a truth may leave out where the page is ambiguous (said in its ``notes``); a field left
#: out is not checked
OPTIONAL_FIELDS = ("year", "title", "publisher", "era")

#: the layouts a page's tables are checked in: the page as stored, then re-laid by ``flatten``
ALL_LAYOUTS = ("stored", *LAYOUTS)
CATALOGUE_FIELDS = (
    "index_number",
    "publisher",
    "document_date",
    "published_at",
    "source",
    "subject",
    "document_number",
)
_NUMBER_LABELS = {"文号", "发文字号"}
_DATE_LABELS = {
    "发布时间",
    "发布日期",
    "时间",
    "日期",
    "公开日期",
    "公開日期",
    "发文日期",
    "生成日期",
}
# the texts of table 三's rows that must never become a section of the report (normalised)
_T3_ROW_TEXTS = tuple(
    normalize(re.sub(r"^[一二三四五六七八九十]+、", "", label))
    for label in (
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "四、结转下年度继续办理",
    )
)


@dataclass(frozen=True)
class Page:
    """One page of the corpus and its truth (the JSON object, as read by hand)."""

    file: str
    truth: dict[str, Any]
    folder: Path = CORPUS

    @property
    def text(self) -> str:
        return (self.folder / self.file).read_text(encoding="utf-8")

    @property
    def name(self) -> str:
        return self.file.rsplit(".", 1)[0]


@dataclass(frozen=True)
class Check:
    field: str
    right: bool
    expected: Any
    got: Any = None
    layout: str = "stored"


@dataclass
class PageResult:
    page: Page
    checks: list[Check] = field(default_factory=list)
    row_label_sections: list[str] = field(default_factory=list)

    def wrong(self) -> list[Check]:
        return [c for c in self.checks if not c.right]


@cache
def pages(folder: Path = CORPUS) -> tuple[Page, ...]:
    data = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return tuple(Page(p["file"], p, folder) for p in data["pages"])


# a pinyin reading a copy puts after a character (徐舍鎮(zhèn)): the page's text, but not what a reader
# reads, so the truth gives names without it and the comparison ignores it (as it ignores white space)
_READING = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)")


def flat(text: str | None) -> str:
    """Text as compared: NFKC, no whitespace (so 一、 总体情况 = 一、总体情况, （一）= (一)), no pinyin
    readings (徐舍鎮(zhèn) = 徐舍鎮)."""
    if text is None:
        return ""
    return _READING.sub("", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))


def parse(page: Page, layout: str = "stored") -> gd.ParseResult:
    if page.file.endswith(".pdf"):
        return gd.parse_pdf(page.folder / page.file)
    if page.file.endswith(".docx"):
        return gd.parse_docx(page.folder / page.file)
    text = page.text
    if page.file.endswith(".html"):
        return gd.parse_html(text)
    return gd.parse_text(text if layout == "stored" else relayout(text, layout))


def _table_classes(era: str) -> tuple[type[Any], type[Any]]:
    return (Table2V2019, Table3V2019) if era == "2019" else (Table2V2021, Table3V2021)


class _Missing:
    """No such table in the parse (none read, or read in the other format's version)."""

    def __repr__(self) -> str:
        return "<no table>"


MISSING: Any = _Missing()


def cell_value(report: Any, era: str, table: str, row: str, column: str) -> Any:
    """The parsed value of one cell, found by the format's labels (``None`` when blank).

    :data:`MISSING` when the parse has no such table, so that a blank cell of the truth is not
    "right" merely because nothing was read.
    """
    tables = report.tables
    if tables is None:
        return MISSING
    if table == "t4":
        group = next(g for g in Table4.GROUPS if g.label == row)
        col = next(c for c in group.columns if c.label == column)
        return getattr(getattr(tables.t4, group.key), col.key)
    t2_class, t3_class = _table_classes(era)
    if table == "t2":
        if not isinstance(tables.t2, t2_class):
            return MISSING
        for block in t2_class.BLOCKS:
            for spec in block.rows:
                if spec.label == row:
                    col = next(c for c in block.columns if c.label == column)
                    return getattr(tables.t2[spec.key], col.key)
        raise KeyError(row)
    if not isinstance(tables.t3, t3_class):
        return MISSING
    return tables.t3[row][column]


def same_value(got: Any, expected: Any) -> bool:
    """A parsed cell against the truth: counts as int, money in yuan and amounts as decimal strings."""
    if got is MISSING:
        return False
    if expected is None:
        return got is None
    if got is None:
        return False
    if isinstance(got, Money):
        return got.yuan == Decimal(expected)
    if hasattr(got, "amount"):  # FeeAmount (万元)
        return Decimal(got.amount) == Decimal(expected)
    if isinstance(got, Decimal) or isinstance(expected, str):
        return Decimal(got) == Decimal(str(expected))
    return bool(got == expected)


def _same_date(printed: str, expected: str) -> bool:
    """Whether a date kept as printed (2022-01-18, 2022年01月18日, with a time or not) is ``expected``
    (ISO, to the day or the minute)."""
    m = re.fullmatch(
        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?)?",
        printed.strip(),
    )
    if m is None:
        return False
    y, mo, d, hh, mm = m.groups()
    shown = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    if hh is not None:
        shown += f"T{int(hh):02d}:{mm}"
    return shown.startswith(expected)


def _catalogue(report: Any, name: str, expected: str | None) -> tuple[bool, Any]:
    header = report.header
    got = getattr(header, name)
    if name == "published_at":
        if got is not None:
            shown = got.isoformat(timespec="minutes") if hasattr(got, "hour") else got.isoformat()
            return expected is not None and shown.startswith(expected), shown
        others = [f.value for f in header.other if f.label in _DATE_LABELS]
        if expected is None:  # printed empty: right when no date was read for it anywhere
            return not others, others or None
        ok = any(_same_date(v, expected) for v in others)
        return ok, others or None
    if name == "document_number" and got is None:
        # a 文号 that is no document number (the title with 号 added) is kept as printed in ``other``
        numbers = [f.value for f in header.other if f.label in _NUMBER_LABELS]
        if numbers:
            return expected is not None and flat(numbers[0]) == flat(expected), numbers[0]
    if got is not None and not isinstance(got, str):
        got = got.isoformat() if hasattr(got, "isoformat") else str(got)
    if expected is None:
        return got in (None, ""), got
    return flat(got) == flat(expected), got


def sections(report: Any) -> list[str]:
    """The top-level headings of the parsed report, as label + heading."""
    return [f"{s.label or ''}{s.heading or ''}" for s in report.body if (s.label or s.heading)]


def row_label_sections(report: Any) -> list[str]:
    """Top-level sections whose heading is a row of table 三 (a table read as headings)."""
    return [h for h in sections(report) if any(t in flat(h) for t in _T3_ROW_TEXTS)]


def check_page(page: Page, layouts: tuple[str, ...] = ALL_LAYOUTS) -> PageResult:
    """Every field of the truth against the parser, the cells in each layout."""
    truth = page.truth
    result = PageResult(page)
    # a file (or a page saved as HTML) is read as published: there is no text to re-lay
    if page.file.endswith(BINARY_SUFFIXES) or page.folder == FILES:
        layouts = ("stored",)
    stored = parse(page).report
    add = result.checks.append
    # a field the truth leaves out (an ambiguous page, said in its notes) is not checked
    if "year" in truth:
        year = truth["year"]  # None where the page cannot tell it: the year is then unknown (None)
        add(Check("year", stored.year == year, year, stored.year))
    if "title" in truth:
        title = truth["title"]
        add(Check("title", flat(stored.title) == flat(title), title, stored.title))
    if "publisher" in truth:
        got_pub = stored.header.publisher or (
            stored.signature.authority if stored.signature else None
        )
        want_pub = truth["publisher"]
        pub_ok = (
            not got_pub
            if want_pub is None
            else bool(got_pub)
            and (flat(want_pub) in flat(got_pub) or flat(got_pub) in flat(want_pub))
        )
        add(Check("publisher", pub_ok, want_pub, got_pub))
    if "era" in truth:
        add(Check("format", stored.format.value == truth["era"], truth["era"], stored.format.value))
    for name, value in truth["catalogue"].items():
        ok, got = _catalogue(stored, name, value)
        add(Check(f"catalogue.{name}", ok, value, got))
    for name in truth.get("catalogue_empty", ()):
        ok, got = _catalogue(stored, name, None)
        if name == "publisher" and got and truth.get("publisher"):
            # printed empty, and the publisher read elsewhere (the title's agency, GP115) fills the
            # one field the model has: right when it is that publisher, not another line's text
            ok = flat(got) == flat(truth["publisher"])
        add(Check(f"catalogue.{name}", ok, None, got))
    want = [flat(h) for h in truth["headings"]]
    got_h = [flat(h) for h in sections(stored)]
    add(Check("headings", got_h == want, truth["headings"], sections(stored)))
    result.row_label_sections = row_label_sections(stored)
    add(
        Check("no_row_label_sections", not result.row_label_sections, [], result.row_label_sections)
    )
    if truth["cells"]:
        for layout in layouts:
            report = stored if layout == "stored" else parse(page, layout).report
            for table, row, column, printed, value in truth["cells"]:
                got = cell_value(report, truth["era"], table, row, column)
                add(
                    Check(
                        f"cell {table} {row} / {column} ({printed!r})",
                        same_value(got, value),
                        value,
                        got,
                        layout,
                    )
                )
    return result


def check_all(layouts: tuple[str, ...] = ALL_LAYOUTS) -> Iterator[PageResult]:
    for page in pages():
        yield check_page(page, layouts)
