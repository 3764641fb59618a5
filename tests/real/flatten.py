"""Re-lay a real page's statutory tables into the other layouts pages reach us in (a test helper).

Real pages reach the parser with their tables in many shapes: ``|`` rows (a row a line), rows with
cells separated by tabs (as a browser copies a table), one cell a line (as ``get_text("\\n")`` gives
it, blank cells as empty lines), one cell a paragraph, a ``|`` alone on a line between cells. This
module reads the table lines of a page's TEXT, without the parser: a table starts at a line the format
prints at a table's head (第二十条第（一）项, the 勾稽关系 corner of table 三, 行政复议) or at a line that
opens with a known row label, and ends at a top-level heading that is no row label, or at prose. The
cells are then grouped into rows by the format's row labels (model metadata only, never the parser)
and written back in one of :data:`LAYOUTS`:

- ``"pipe"``: a row a line, each cell followed by `` | `` (``规章 | 0 | 0 | 6 |``);
- ``"tab"``: a row a line, cells separated by a tab;
- ``"cell"``: a cell a line, a blank cell as an empty line.

The rest of the page is kept line for line, so the same figures can be checked in every layout. Hand
written (not a library) because what counts as a table line here is this corpus's knowledge: the
labels of the format, and the debris real pages leave around cells (``||``, ``| |||``, a lost character
printed ``?``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from govdisclosure.model import Table2V2019, Table2V2021, Table3V2019, Table3V2021

LAYOUTS = ("pipe", "tab", "cell")

# Traditional characters found in the corpus's table labels, for matching only (the output keeps the
# page's characters). Kept small on purpose: a test helper must not depend on a conversion library.
_TRADITIONAL = str.maketrans(
    "規範條項內製數對開總許處罰強費採購額萬單結轉請辦與機構會務計護權屬國險類過詢無現補確複議訴維糾審經後發廢檔執實業關係為於認體責組織應設區縣鄉鎮",
    "规范条项内制数对开总许处罚强费采购额万单结转请办与机构会务计护权属国险类过询无现补确复议诉维纠审经后发废档执实业关系为于认体责组织应设区县乡镇",
)
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_SPACE = re.compile(r"\s+")
_FIGURE = re.compile(r"^(?:[+\-−]|增|减|減)?\d+(?:[.,]\d+)*(?:万元|萬元|元)?$")
_NOT_APPLICABLE = {"/", "-", "—", "－", "―", "无", "無", "\\"}
_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def normalize(text: str) -> str:
    """A label as compared: NFKC (full-width brackets and digits), no spaces, no pinyin, simplified."""
    text = _PINYIN.sub("", unicodedata.normalize("NFKC", text))
    return _SPACE.sub("", text).translate(_TRADITIONAL)


def _labels() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data: set[str] = set()
    groups: set[str] = set()
    titles: set[str] = set()
    for t2 in (Table2V2019, Table2V2021):
        for block in t2.BLOCKS:
            titles.add(normalize(block.title))
            data.update(normalize(row.label) for row in block.rows)
    for t3 in (Table3V2019, Table3V2021):
        for spec in t3.ROWS:
            (data if spec.kind.value == "data" else groups).add(normalize(spec.label))
    data.update({normalize("规范性档案")})  # a converter's 文件→檔案 (see wuhan-sthjj-2020)
    # a typo a page prints for 上年结转 (see kaihua-linshan-xiang-2020)
    data.update({normalize("二、上年转结政府信息公开申请数量")})
    return frozenset(data), frozenset(groups), frozenset(titles)


ROW_LABELS, GROUP_LABELS, BLOCK_TITLES = _labels()


def _widths() -> dict[str, dict[str, int]]:
    """The number of figure columns of each row label, by format."""
    widths: dict[str, dict[str, int]] = {}
    for t2 in (Table2V2019, Table2V2021):
        found = widths.setdefault(t2.VERSION.value, {})
        for block in t2.BLOCKS:
            found.update({normalize(row.label): len(block.columns) for row in block.rows})
    for t3 in (Table3V2019, Table3V2021):
        found = widths.setdefault(t3.VERSION.value, {})
        found.update(
            {normalize(s.label): len(t3.COLUMNS) for s in t3.ROWS if s.kind.value == "data"}
        )
    return widths


WIDTHS = _widths()
# Column labels only one format's table 二 has: the format of a table's lines.
_FORMAT_WORDS = {
    "2021": ("本年制发件数", "本年处理决定数量"),
    "2019": ("本年新制作数量", "上一年项目数量"),
}
# A row label with its figures run on, one run of digits (规章000: see xinye-wjw-2021).
_GLUED = re.compile(r"\D\d+(?:\.\d+)?$")
_CORNER = "勾稽关系"


def is_figure(cell: str) -> bool:
    """A cell that holds a figure (or a placeholder printed in its place), not a label."""
    cell = cell.replace("?", "").replace(" ", "").strip()
    return bool(_FIGURE.match(cell)) or cell in _NOT_APPLICABLE


def _row_label(cell: str) -> bool:
    key = normalize(cell)
    return any(key.startswith(label) for label in ROW_LABELS | GROUP_LABELS)


def _anchor(lines: list[str], i: int) -> bool:
    key = normalize(lines[i])
    # (第二十一条第: a page's typo for the title of a block of table 二, see kaihua-linshan-xiang-2020)
    if key.startswith(("第二十条第", "第二十一条第", "行政复议")) or _CORNER in key:
        return True
    parts = [p for p in re.split(r"[|\s]+", lines[i].strip()) if p]
    if not parts or not _row_label(parts[0]):
        return False
    if any(is_figure(p) for p in parts[1:]):
        return True  # a row label and its figures on one line
    following = [line.strip(" |") for line in lines[i + 1 : i + 3]]
    return any(f and is_figure(f) for f in following[:1])  # a row label, its figures below


def _ends_table(line: str) -> bool:
    stripped = line.strip()
    if not stripped or set(stripped) <= {"|", " "}:
        return False
    first = stripped.split("|")[0].strip()
    if _HEADING.match(normalize(first)) and not _row_label(first):
        return True
    return "。" in stripped or len(stripped) > 300  # prose: table labels have no full stop


def regions(lines: list[str]) -> list[tuple[int, int]]:
    """The [start, end) line ranges of the page's table text."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _anchor(lines, i):
            i += 1
            continue
        j = i + 1
        while (
            j < len(lines)
            and not _ends_table(lines[j])
            and not (_CORNER in normalize(lines[j]) and j > i)
        ):
            j += 1
        found.append((i, j))
        i = j
    return found


def cells(lines: Iterable[str]) -> list[str]:
    """The cells of table lines, in reading order; ``""`` for a blank cell between two others, for a
    ``|`` alone where it stands for a blank cell, or for a paragraph holding only spaces among cells a
    paragraph."""
    lines = list(lines)
    texts = [s for s in (line.strip() for line in lines) if s and not set(s) <= {"|", " "}]
    # Cells each ended by | (规章 | then 0 |): a | alone after a figure or a row label is a blank cell of
    # the row. A | alone between cells that are not ended by | separates them: two in a row stand
    # around a blank cell.
    ended = 2 * sum(s.endswith("|") for s in texts) > len(texts)
    # One cell a paragraph (cells between empty lines): a paragraph holding only spaces is a blank cell,
    # where it follows a row label, a figure or another blank cell (a header's colspan debris does not).
    paragraphs = any(line and not line.strip() for line in lines) and 3 * lines.count("") >= len(
        lines
    )
    joined = normalize("".join(lines))
    version = next((v for v, words in _FORMAT_WORDS.items() if any(w in joined for w in words)), "")
    out: list[str] = []
    previous = ""
    for line in lines:
        s = line.strip()
        lone, previous_lone = s == "|", previous == "|"
        # (a cell not ended by | whose | fell onto the next line: that | alone closes it)
        closes = lone and ended and bool(previous) and not previous.endswith("|")
        previous = s
        if closes:
            continue
        if lone and out and (out[-1] == "" or is_figure(out[-1])) and (ended or previous_lone):
            out.append("")
            continue
        if lone and out and ended and _row_label(out[-1]):
            out.append("")  # 行政强制 | then | alone: the row's first cell is blank
            continue
        if (
            paragraphs
            and line
            and not s
            and out
            and (out[-1] == "" or is_figure(out[-1]) or _row_label(out[-1]))
        ):
            out.append("")
            continue
        if not s or set(s) <= {"|", " "}:
            continue  # a separator line, or the colspan debris of a header row
        if "|" in s or "\t" in s:
            parts = [p.strip() for p in re.split(r"[|\t]", s)]
            if parts and parts[0] == "":
                parts = parts[1:]
            if "|" in s and parts and parts[-1] == "":
                parts.pop()  # (nothing after the last |: no cell)
            # Blank cells at a row's end are its cells, up to its columns (规章 | 0 | 0 | |: 现行有效件数
            # blank); beyond them, or after a title or header, they are a merged cell's debris (||).
            width = _row_width(parts, version)
            while len(parts) > width and parts[-1] == "":
                parts.pop()
            out.extend(parts)
            continue
        words = s.split()
        if len(words) > 1 and all(is_figure(w) for w in words[1:]):
            out.extend(words)  # a label and its figures on one line, space-separated
        else:
            out.append(s)
    return out


def _row_width(parts: list[str], version: str) -> int:
    """How many of a line's cells are its row's: those up to its last label and, after a row label of
    the format, that row's figure columns (0 where the line is no row: a title, a header)."""
    labels = [k for k, p in enumerate(parts) if p and not is_figure(p)]
    if not labels:
        return 0
    last = labels[-1]
    width = WIDTHS.get(version, {}).get(normalize(parts[last]))
    return 0 if width is None else last + 1 + width


def _glued(cell: str) -> bool:
    """A row label with its figures run on to it (规章000): the row's label and its figures at once."""
    return _GLUED.search(normalize(cell)) is not None and _row_label(cell)


def rows(table_cells: list[str]) -> list[list[str]]:
    """Group cells into rows: a row label, block title or header opens a row; figures follow it."""
    grouped: list[list[str]] = []
    row: list[str] = []
    figures = False  # the current row holds a figure or blank cell already

    def close() -> None:
        nonlocal row, figures
        if row:
            grouped.append(row)
        row, figures = [], False

    for cell in table_cells:
        if cell == "" or is_figure(cell):
            labels = [c for c in row if c and not is_figure(c)]
            if not figures and len(labels) > 1 and not any(_row_label(c) for c in labels):
                close()  # figures under a header of several cells (table 四): a row of their own
            row.append(cell)
            figures = True
            continue
        key = normalize(cell)
        if key in BLOCK_TITLES or key.startswith("第二十条第"):
            close()
            row.append(cell)
            close()
            continue
        opens = figures or key == "信息内容" or _CORNER in key or _row_label(cell)
        joins_group = (
            _row_label(cell)
            and not figures
            and row
            and all(any(normalize(c).startswith(g) for g in GROUP_LABELS) for c in row)
        )
        if opens and not joins_group:
            close()
        row.append(cell)
        figures = figures or _glued(cell)
    close()
    return grouped


def layout(table_rows: list[list[str]], how: str) -> list[str]:
    """Table rows written in one of :data:`LAYOUTS`."""
    if how == "pipe":
        return [" | ".join(r) + " |" for r in table_rows]
    if how == "tab":
        return ["\t".join(r) for r in table_rows]
    if how == "cell":
        return [c for r in table_rows for c in r]
    raise ValueError(f"unknown layout {how!r}; expected one of {LAYOUTS}")


def relayout(text: str, how: str) -> str:
    """The page with each table re-laid in ``how``; every other line as it was."""
    lines = text.split("\n")
    out: list[str] = []
    last = 0
    for start, end in regions(lines):
        out.extend(lines[last:start])
        out.extend(layout(rows(cells(lines[start:end])), how))
        last = end
    out.extend(lines[last:])
    return "\n".join(out)


def figures(text: str) -> list[str]:
    """The figure cells of a page's tables in reading order (the same in every layout)."""
    lines = text.split("\n")
    return [
        c.replace("?", "").replace(" ", "")
        for start, end in regions(lines)
        for c in cells(lines[start:end])
        if c and is_figure(c)
    ]
