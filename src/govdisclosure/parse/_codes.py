"""The parser's diagnostic codes (GP + three digits), their severity, messages and symbolic names.

The package docstring prints the same table; a test keeps them equal.

Lifecycle of a code, as of the validation rules' GD codes (``validate/_names.py``) and as ruff's and
pylint's: a new diagnostic takes the next free code of its group (GP0xx input, GP1xx header and title,
GP2xx body, GP3xx facts, GP4xx signature, GP5xx tables, GP8xx files) and a name in :data:`NAMES`, in code
order, one line each. A code and its name keep their meaning forever; a diagnostic that is removed moves
to :data:`RETIRED` with its name, and neither is ever given to another. Names are lower case words joined
by ``-``, and no GP name is a GD name: where codes are taken, a name may stand for its code
(:func:`code_for`).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, NamedTuple

from govdisclosure.model import Diagnostic, Severity, Span

__all__ = ["CODES", "NAMES", "RETIRED", "Code", "code_for", "diagnostic"]


class Code(NamedTuple):
    severity: Severity
    message: str
    """Chinese message, a ``str.format`` template"""
    message_en: str
    """English message, the same template"""


_I, _W, _E = Severity.INFO, Severity.WARNING, Severity.ERROR

CODES: Final[dict[str, Code]] = {
    # Input
    "GP001": Code(
        _I, "未声明编码，按 {encoding} 解码", "no declared encoding; decoded as {encoding}"
    ),
    "GP002": Code(
        _W,
        "未声明编码且不是 UTF-8，按 {encoding} 解码",
        "no declared encoding and not UTF-8; decoded as {encoding}",
    ),
    "GP003": Code(
        _W,
        "声明的编码 {declared} 无法识别，按 {encoding} 解码",
        "unknown declared encoding {declared}; decoded as {encoding}",
    ),
    "GP004": Code(
        _W,
        "{count} 处字节无法按 {encoding} 解码，已替换为 U+FFFD",
        "{count} byte sequences are not {encoding}; replaced by U+FFFD",
    ),
    "GP005": Code(
        _I,
        "表格（{rows} 行）不是统计表格，按文本行保留",
        "a table ({rows} rows) is not one of the statutory tables; kept as text rows",
    ),
    "GP006": Code(
        _W,
        "页面声明的编码 {declared} 与内容不符，按 {encoding} 解码",
        "the page declares {declared} but is not; decoded as {encoding}",
    ),
    "GP007": Code(
        _W,
        "HTML 在 {position}（行:列）处的标记无法解析",
        "unreadable HTML markup at {position} (line:column)",
    ),
    "GP020": Code(
        _W,
        "删除 {count} 个不可见的格式或控制字符（首个为 {found}），以免遮住标题和标签",
        "removed {count} invisible format or control characters (the first {found}) that hide headings and labels",
    ),
    "GP021": Code(
        _W,
        "{count} 个孤立的代理码位无法编码，已替换为 U+FFFD",
        "{count} lone surrogates, which no encoding can write, were replaced by U+FFFD",
    ),
    "GP008": Code(
        _W,
        "{count} 个表格的单元格跨行跨列后超过 {limit} 格（最多 {found} 格），按文本读取",
        "{count} tables span more than {limit} grid cells (the largest {found}); read as text",
    ),
    "GP010": Code(
        _I, "删除页面附属内容 {count} 行：{first}", "dropped {count} lines of page chrome: {first}"
    ),
    # Header and title
    "GP101": Code(_W, "未找到标题", "no title found"),
    "GP102": Code(_I, "标题重复出现，已删除", "the title is repeated; the repeat is dropped"),
    "GP103": Code(_I, "标题跨 {count} 行，已合并", "the title spans {count} lines; joined"),
    "GP104": Code(
        _W,
        "页面元数据“{label}”的值无法识别为{what}，保留为其他元数据",
        "header {label}: not a {what_en}; kept as another header entry",
    ),
    "GP105": Code(
        _I,
        "页面元数据“{label}”重复出现，后者保留为其他元数据",
        "header {label} appears again; the repeat is kept as another header entry",
    ),
    "GP106": Code(
        _I,
        "发布日期没有时刻，模型无对应字段，保留为其他元数据",
        "a publication date without a time has no model field; kept as another header entry",
    ),
    "GP107": Code(
        _I,
        "报告年度取自{source}：{year}",
        "the report's year is taken from the {source_en}: {year}",
    ),
    "GP108": Code(_W, "无法确定报告年度", "cannot tell the year the report is on"),
    "GP110": Code(
        _I,
        "页面无标题行，标题取自首段引用：{found}",
        "no title line; the title is the one the first sentences quote: {found}",
    ),
    "GP111": Code(
        _W,
        "报告年度的来源不一致：{found}；取 {year}（{source}）",
        "the sources of the report's year disagree: {found}; took {year} ({source_en})",
    ),
    "GP112": Code(
        _I,
        "删除标题前 {count} 行（栏目路径、网站名等）：{first}",
        "dropped {count} lines above the title (breadcrumbs, site names …): {first}",
    ),
    "GP113": Code(
        _I,
        "报告年度取自统计期限：{year}",
        "the report's year is taken from the statistical period: {year}",
    ),
    "GP114": Code(
        _I, "报告年度取自导语：{year}", "the report's year is taken from the introduction: {year}"
    ),
    "GP115": Code(
        _I,
        "未印发布机构，取标题所列机关：{found}",
        "no 发布机构 printed; the publisher is the agency the title names: {found}",
    ),
    "GP116": Code(
        _W,
        "报告年度 {year} 不在其表格格式（{format}）的年份 {years} 之内",
        "the year {year} is outside the years {years} of its tables' format ({format})",
    ),
    "GP117": Code(
        _I,
        "页面元数据行中无标签的内容未读取：{found}",
        "text without a label in a header line is not read: {found}",
    ),
    "GP118": Code(
        _I,
        "未印发布机构，取首句所列编制机关：{found}",
        "no 发布机构 printed; the publisher is the agency the first sentence names as the report's maker: {found}",
    ),
    "GP119": Code(
        _I,
        "报告年度取自正文前几部分中最常出现的年份：{year}",
        "the report's year is the one the first sections name most often: {year}",
    ),
    "GP120": Code(
        _I,
        "页面元数据中无标签的日期读作{label}：{found}",
        "a date without a label in the catalogue is read as its {label_en}: {found}",
    ),
    "GP121": Code(
        _I,
        "未印发布机构，取首句作主语或所述报告所属的机关：{found}",
        "no 发布机构 printed; the publisher is the agency the first sentence names as its subject or as the owner of the report it names: {found}",
    ),
    "GP122": Code(
        _I,
        "未印发布机构，取正文前单独一行、其下为日期的机关：{found}",
        "no 发布机构 printed; the publisher is the agency printed alone above the text with a date under it: {found}",
    ),
    # Body structure
    "GP201": Code(
        _W,
        "“{label}”前缺少句号，已补上",
        "the full stop before {label} was lost; restored",
    ),
    "GP202": Code(
        _W, "条目末尾缺少句号，已补上", "the full stop ending an item was lost; restored"
    ),
    "GP203": Code(
        _W,
        "“{label}”不接续前面的序号（应为“{expected}”）",
        "{label} does not continue the enumeration (expected {expected})",
    ),
    "GP204": Code(
        _I,
        "“{label}”没有上一级标题，挂在上级节点下",
        "{label} has no heading of the level above; attached to the enclosing node",
    ),
    "GP205": Code(
        _I,
        "“{heading}”印在段落之中（换行变成了空格），按标题另起",
        "{heading} stood inside a paragraph (its line breaks became spaces); read as a heading",
    ),
    # Facts
    "GP301": Code(
        _W,
        "发文字号“{found}”缺少“〕”，已修复为“{expected}”",
        "document number {found} lost its closing bracket; repaired to {expected}",
    ),
    "GP302": Code(
        _W,
        "《{title}》后的发文字号“{found}”无法识别，未记录",
        "the document number {found} after 《{title}》 is unreadable; not recorded",
    ),
    "GP303": Code(_I, "“{found}”无法识别为截止日期", "{found} is not a readable as-of date"),
    # Signature and attachments
    "GP401": Code(
        _W,
        "落款日期“{found}”缺少年月日，与页面元数据日期一致，读作 {expected}",
        "the signature date {found} lost 年/月/日; the header's date corroborates {expected}",
    ),
    "GP402": Code(
        _W,
        "落款日期“{found}”缺少年月日，有歧义（{readings}），保留原文",
        "the signature date {found} lost 年/月/日 and is ambiguous ({readings}); kept as text",
    ),
    "GP403": Code(
        _W,
        "落款日期“{found}”缺少年月日，唯一可能的读法为 {expected}",
        "the signature date {found} lost 年/月/日; its only possible reading is {expected}",
    ),
    "GP404": Code(
        _W,
        "落款日期“{found}”不是有效日期，保留原文",
        "the signature date {found} is not a date that exists; kept as text",
    ),
    # The statutory tables
    "GP501": Code(
        _W,
        "表{table}的“{found}”按“{expected}”读取（近似匹配）",
        "table {table}: {found} read as {expected} (an approximate match)",
    ),
    "GP502": Code(
        _W,
        "表{table}“{row}”有 {count} 个数字，多于 {columns} 列，该行未读取：{found}",
        "table {table}, {row}: {count} figures for {columns} columns; the row is not read: {found}",
    ),
    "GP503": Code(
        _W,
        "表{table}“{row}”只有 {count} 个数字，少于 {columns} 列，该行未读取",
        "table {table}, {row}: {count} figures for {columns} columns; the row is not read",
    ),
    "GP504": Code(
        _W,
        "表{table}在“{row}”处中断（该行读到 {read}/{columns} 个数字），其后 {missing} 行空白",
        "table {table} stops at {row} ({read} of {columns} figures); the {missing} rows after it are blank",
    ),
    "GP505": Code(
        _W,
        "表{table}缺少“{row}”行，其单元格空白",
        "table {table} has no row {row}; its cells are blank",
    ),
    "GP506": Code(
        _W,
        "表{table}“{column}”列的“{found}”不是该列的数字，按空白处理",
        "table {table}: {found} is not a figure of column {column}; read as blank",
    ),
    "GP507": Code(
        _W,
        "表{table}有 {count} 行的数字不在其列标题之下（合并单元格有误？），已按顺序读取，首见于“{row}”",
        "table {table}: the figures of {count} rows are not under their column headers (a wrong "
        "colspan?); read in order, first at {row}",
    ),
    "GP508": Code(
        _I,
        "报告格式按表格标签定为 {found}（报告年度 {year} 对应 {expected}）",
        "the report's format is taken from its tables' labels: {found} (the year {year} implies {expected})",
    ),
    "GP509": Code(
        _W,
        "“{found}”不属于表{table}的任何行或列，未读取",
        "{found} belongs to no row or column of table {table}; not read",
    ),
    "GP510": Code(
        _W, "未找到表{table}，其单元格空白", "table {table} was not found; its cells are blank"
    ),
    "GP511": Code(
        _W,
        "表{table}的“{found}”行重复出现，重复部分未读取",
        "table {table}: row {found} appears again; the repeat is not read",
    ),
    "GP512": Code(
        _I,
        "表{table}“{column}”列的“{found}”未写单位，按元读取",
        "table {table}: {found} in column {column} has no unit; read as 元",
    ),
    "GP513": Code(
        _I,
        "表{table}“{row}”有 {count} 个数字、{columns} 列，空白单元格缺失或错位，按数字的形式（正负号、单位、小数）归入各列：{found}",
        "table {table}, {row}: {count} figures for {columns} columns, its blank cells lost or out of "
        "place; placed by the figures' form (sign, unit, decimals): {found}",
    ),
    "GP514": Code(
        _W,
        "表{table}“{row}”是合计行，其值由其下各行算出；该行印出的 {count} 个数字未读取"
        "（其下各行未印出时，这些数字无法分到各行）：{found}",
        "table {table}, {row}: a sum row, its values computed from the rows under it; the {count} "
        "figures printed on it are not read (where those rows are not printed, they cannot be "
        "placed in them): {found}",
    ),
    "GP515": Code(
        _I,
        "表{table}“{row}”的数字连写在标签后（{found}），位数等于列数 {columns}，按每列一位读取",
        "table {table}, {row}: its figures run together after the label ({found}); as many digits as "
        "its {columns} columns, read one digit a column",
    ),
    "GP516": Code(
        _W,
        "表{table}“{row}”的数字连写在标签后（{found}），{count} 位数字无法分到 {columns} 列，该行未读取",
        "table {table}, {row}: its figures run together after the label ({found}); {count} digits "
        "cannot be split into {columns} columns, the row is not read",
    ),
    # Files: DOCX, PDF, DOC/WPS
    "GP800": Code(
        _E,
        "文件无法作为{kind}读取：{reason}",
        "the file cannot be read as {kind}: {reason}",
    ),
    "GP801": Code(
        _E,
        "文件超出读取上限（{what}：{found}，上限 {limit}），未读取",
        "the file is over a bound ({what_en}: {found}, the limit is {limit}); not read",
    ),
    "GP802": Code(
        _E,
        "PDF 已加密（需要密码），无法读取；请取得未加密的文件",
        "the PDF is encrypted (it needs a password) and cannot be read; get an unencrypted copy",
    ),
    "GP803": Code(
        _E,
        "PDF 的文字层无法识别（{count}/{total} 个字符为 (cid:N) 字形编码或 U+FFFD，字体缺少 ToUnicode 映射）；"
        "需用 OCR（如 ocrmypdf）识别后再读取",
        "the PDF's text layer is unreadable ({count} of {total} characters are (cid:N) glyph codes or "
        "U+FFFD: fonts without a ToUnicode map); run OCR (ocrmypdf, for one) and read its output",
    ),
    "GP804": Code(
        _E,
        "PDF 没有文字层（{pages} 页均为图像，是扫描件）；需用 OCR（如 ocrmypdf）识别后再读取",
        "the PDF has no text layer ({pages} pages of images: a scan); run OCR (ocrmypdf, for one) and "
        "read its output",
    ),
    "GP805": Code(
        _E,
        "读取{kind}需要 {what}：{install}",
        "reading {kind} needs {what}: {install}",
    ),
    "GP806": Code(
        _E,
        "LibreOffice 未能把{kind}转换为 DOCX：{reason}",
        "LibreOffice could not convert the {kind} file to DOCX: {reason}",
    ),
    "GP807": Code(
        _I,
        "删除页眉、页脚和页码 {count} 行：{first}",
        "dropped {count} lines of page headers, footers and page numbers: {first}",
    ),
    "GP808": Code(
        _I,
        "第{page}页续接上页的表格，已合并，删除重复的表头 {count} 行",
        "a table continued on page {page} is joined to the page before; {count} repeated header rows "
        "dropped",
    ),
    "GP809": Code(
        _I,
        "{count} 个图片或图形（如印章）不读取",
        "{count} images or drawings (a seal …) are not read",
    ),
    "GP810": Code(
        _I,
        "{count} 个康熙部首等字符已规范为对应汉字（如 {example}）",
        "{count} radical characters normalised to their ideographs ({example})",
    ),
    "GP811": Code(
        _I,
        "Word 自动编号已按其格式写出（{count} 段）",
        "Word's automatic numbering written out as labels ({count} paragraphs)",
    ),
    "GP812": Code(
        _I,
        "经 LibreOffice 由 {kind} 转换为 DOCX 后读取",
        "read after LibreOffice converted it from {kind} to DOCX",
    ),
    "GP813": Code(
        _W,
        "govdisclosure 写入的 DOCX 文件属性有 {count} 项未读取（{found}）",
        "{count} of the DOCX's govdisclosure properties not read ({found})",
    ),
    # The safety net
    "GP999": Code(
        _E,
        "解析器内部错误，结果不完整：{error}",
        "internal parser error; the result is incomplete: {error}",
    ),
}


NAMES: Final = MappingProxyType(
    {
        "GP001": "no-declared-encoding",
        "GP002": "undeclared-encoding-not-utf8",
        "GP003": "unknown-declared-encoding",
        "GP004": "undecodable-bytes",
        "GP005": "table-kept-as-text",
        "GP006": "declared-encoding-wrong",
        "GP007": "unreadable-markup",
        "GP008": "table-too-many-cells",
        "GP010": "page-chrome-dropped",
        "GP020": "invisible-characters-removed",
        "GP021": "lone-surrogates-replaced",
        "GP101": "no-title",
        "GP102": "title-repeated",
        "GP103": "title-over-lines",
        "GP104": "header-value-unreadable",
        "GP105": "header-field-repeated",
        "GP106": "publication-date-without-time",
        "GP107": "year-from-header",
        "GP108": "year-unknown",
        "GP110": "title-from-introduction",
        "GP111": "year-sources-disagree",
        "GP112": "lines-above-title-dropped",
        "GP113": "year-from-period",
        "GP114": "year-from-introduction",
        "GP115": "publisher-from-title",
        "GP116": "year-outside-format",
        "GP117": "unlabelled-header-text",
        "GP118": "publisher-from-first-sentence",
        "GP119": "year-from-first-sections",
        "GP120": "unlabelled-date-read",
        "GP121": "publisher-from-sentence-subject",
        "GP122": "publisher-from-agency-above-date",
        "GP201": "lost-stop-before-enumerator",
        "GP202": "lost-stop-ending-item",
        "GP203": "enumeration-not-continued",
        "GP204": "heading-without-parent",
        "GP205": "heading-run-into-paragraph",
        "GP301": "document-number-bracket-repaired",
        "GP302": "document-number-unreadable",
        "GP303": "as-of-date-unreadable",
        "GP401": "signature-date-corroborated",
        "GP402": "signature-date-ambiguous",
        "GP403": "signature-date-one-reading",
        "GP404": "signature-date-impossible",
        "GP501": "approximate-table-label",
        "GP502": "row-has-extra-figures",
        "GP503": "row-lacks-figures",
        "GP504": "table-cut-short",
        "GP505": "table-row-missing",
        "GP506": "not-a-figure-of-column",
        "GP507": "figures-not-under-headers",
        "GP508": "format-from-table-labels",
        "GP509": "cell-of-no-row-or-column",
        "GP510": "table-missing",
        "GP511": "table-row-repeated",
        "GP512": "amount-without-unit",
        "GP513": "figures-placed-by-form",
        "GP514": "sum-row-figures-not-read",
        "GP515": "glued-digits-one-a-column",
        "GP516": "glued-figures-not-split",
        "GP800": "unreadable-file",
        "GP801": "file-over-limit",
        "GP802": "encrypted-pdf",
        "GP803": "unreadable-text-layer",
        "GP804": "no-text-layer",
        "GP805": "missing-dependency",
        "GP806": "conversion-failed",
        "GP807": "page-furniture-dropped",
        "GP808": "table-joined-across-pages",
        "GP809": "images-not-read",
        "GP810": "radicals-normalised",
        "GP811": "automatic-numbering-written",
        "GP812": "converted-by-libreoffice",
        "GP813": "docx-property-not-read",
        "GP999": "internal-error",
    }
)
"""Each code → its symbolic name (``GP301`` → ``document-number-bracket-repaired``)."""

RETIRED: Final = MappingProxyType[str, str]({})
"""Codes of removed diagnostics → their names: never given to another."""

_BY_NAME: Final = MappingProxyType({name: code for code, name in NAMES.items()})


def code_for(name_or_code: str) -> str:
    """The code a symbolic name stands for, or the code itself (case and spaces aside);
    :class:`ValueError` naming it if it is neither.

    >>> code_for("document-number-bracket-repaired"), code_for("gp301")
    ('GP301', 'GP301')
    """
    key = name_or_code.strip()
    code = _BY_NAME.get(key.lower(), key.upper())
    if code not in CODES:
        retired = _BY_NAME_RETIRED.get(key.lower()) or (code if code in RETIRED else None)
        if retired is not None:
            raise ValueError(
                f"{name_or_code!r} is retired ({retired}): the parser no longer reports it"
            )
        raise ValueError(
            f"unknown parser code or name {name_or_code!r} (codes run from "
            f"{min(CODES)} to {max(CODES)}; each has a name, listed in govdisclosure.parse)"
        )
    return code


_BY_NAME_RETIRED: Final = MappingProxyType({name: code for code, name in RETIRED.items()})


def diagnostic(
    code: str,
    path: str,
    span: Span | None,
    *,
    expected: str | None = None,
    found: str | None = None,
    **fields: object,
) -> Diagnostic:
    """The diagnostic ``code`` at ``path``/``span``; ``fields`` fill the message templates."""
    entry = CODES[code]
    values = {"expected": expected, "found": found, **fields}
    return Diagnostic(
        code=code,
        severity=entry.severity,
        path=path,
        message=entry.message.format(**values),
        message_en=entry.message_en.format(**values),
        expected=expected,
        found=found,
        span=span,
    )
