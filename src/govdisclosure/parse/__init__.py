"""Read published report pages (text or HTML) back into the model (解析).

>>> from pathlib import Path
>>> from govdisclosure.parse import parse_text
>>> result = parse_text(Path("examples/dehua_2014/page.txt").read_text(encoding="utf-8"))
>>> result.report.section("s1.i3").power.matters
Quantity(value=51, unit='项', subject='行政权利事项')
>>> result.source_of("$.body[1].children[2].power.matters")
'行政权利事项51项'
>>> [d.code for d in result.diagnostics if d.code == "GP301"]
['GP301', 'GP301']

The parser is total: any text gives a report; what it repaired, guessed or could not read is in the
diagnostics, each with a span of :attr:`ParseResult.text`. Only arguments of the wrong type raise
(:class:`TypeError`).

Diagnostic codes (stable; ``severity``: info = worth knowing, warning = the report differs from the page
or a guess was made, error = the result is incomplete):

=====  ========  ==============================================================================
code   severity  meaning
=====  ========  ==============================================================================
GP001  info      HTML bytes without a declared encoding, decoded as UTF-8
GP002  warning   HTML bytes without a declared encoding and not UTF-8, decoded as GB18030
GP003  warning   the declared encoding is unknown; decoded by guess
GP004  warning   bytes that are not in the encoding were replaced by U+FFFD
GP005  info      a table that is none of the statutory tables is kept as text rows
GP006  warning   the page declares an encoding its bytes are not in; decoded as the other one
GP007  warning   malformed markup the HTML tokenizer cannot read (read as text, or the rest is lost)
GP008  warning   a table whose spans cover more than 20,000 grid cells is read as text, not as a table
GP010  info      lines of page chrome dropped (附件下载, 扫一扫…, 相关解读, 打印本页 …)
GP020  warning   invisible format or control characters removed (U+200B, bidi controls, NUL …)
GP021  warning   lone surrogates replaced by U+FFFD
GP101  warning   no title found
GP102  info      the title is repeated; the repeat is dropped
GP103  info      the title spans several lines; joined
GP104  warning   a header date, time or 文号 is unreadable; kept in ``Header.other``
GP105  info      a header field appears twice with different values; the second kept in ``other``
GP106  info      a publication date without a time (no model field); kept in ``Header.other``
GP107  info      the report's year is taken from the header's dates or 索引号: the year before publication
GP108  warning   the report's year cannot be told (``year`` is None)
GP110  info      no title line; the title is the one the first sentences quote (现公布…报告, 《…报告》)
GP111  warning   the sources of the report's year disagree; the first in precedence is taken
GP112  info      lines above the title that are neither title nor catalogue (breadcrumbs, site names) dropped
GP113  info      the report's year is taken from the statistical period (统计期限自…起至…止)
GP114  info      the report's year is taken from the introduction (现将2019年度…报告如下, 2023年，…)
GP115  info      no 发布机构 printed: the publisher is the agency the title names
GP116  warning   the report's year is outside the years of its tables' format
GP117  info      text without a label in a catalogue line (a date before 来源:) is not read
GP201  warning   the full stop before an inline enumerator (工作机制二是) was lost; restored
GP202  warning   the full stop ending the last inline item was lost; restored
GP203  warning   an enumerator does not continue the sequence (三是 after 一是)
GP204  info      a heading has no heading of the level above (（一） without 一、)
GP301  warning   a document number lost its closing bracket (〔2014130号); repaired, raw kept
GP302  warning   the document number after 《title》 is unreadable; the citation has none
GP303  info      an as-of phrase (截至…) with digits is not a readable month or day
GP401  warning   the signature date lost 年/月/日 (2014 124); the header's date corroborates one reading
GP402  warning   the signature date lost 年/月/日 and nothing corroborates a reading; kept as ``date_text``
GP403  warning   the signature date lost 年/月/日; only one reading is a real date
GP404  warning   the signature date lost 年/月/日 and no reading is a real date; kept as ``date_text``
GP501  warning   a table label matched only approximately (a known typo or variant, or similar enough)
GP502  warning   a table row has more figures than the format has columns; the row is not read
GP503  warning   a table row has fewer figures than the format has columns; the row is not read
GP504  warning   a table stops before its end (a truncated page): read as far as it goes, the rest blank
GP505  warning   a row of the format is missing from a table; its cells are blank
GP506  warning   a table cell is not a figure of its column (a sign on a count, text); read as blank
GP507  warning   HTML: figures are not under their column headers (a wrong colspan); read in order
GP508  info      the report's format is taken from its tables' labels, not from its year
GP509  warning   a table cell is no label of its table (nor a figure of a row); not read
GP510  warning   a statutory table is missing while the others are there; its cells are blank
GP511  warning   a table row appears twice; the repeat is not read
GP512  info      a 采购总金额 cell without a unit is read as 元
GP800  error     a DOCX, PDF or DOC file that cannot be read (corrupt, truncated, not what it claims)
GP801  error     a file over a bound (bytes, pages, unpacked size, compression ratio, time); not read
GP802  error     a password-protected (encrypted) PDF
GP803  error     a PDF whose text layer is unreadable ((cid:N) glyph codes, U+FFFD): needs OCR
GP804  error     a PDF without a text layer (a scan): needs OCR
GP805  error     a library or program the format needs is not installed (python-docx, pdfplumber, soffice)
GP806  error     LibreOffice failed to convert a DOC or WPS file (or took too long)
GP807  info      PDF page headers, footers and page numbers (— 1 —) dropped
GP808  info      a PDF table continued over a page break joined; its repeated header rows dropped
GP809  info      images and drawings in a DOCX (a seal) are not read
GP810  info      Kangxi and CJK radical characters of a PDF's text layer normalised to ideographs
GP811  info      Word's automatic numbering written out as the paragraphs' labels
GP812  info      a DOC or WPS file read after LibreOffice converted it to DOCX
GP999  error     internal error: the parser gave up (a bug; please report it with the input)
=====  ========  ==============================================================================

What it does not read yet (each a known limit, not a bug):

- Tables: only the statutory tables 二, 三 and 四 are read (into ``report.tables``); any other table stays
  text rows (GP005). In HTML, tables are told from layout tables by shape (two columns or more, no cell
  over 200 characters, no cell holding more than a small table: a table of one row nested in a cell
  stands for its cells, one of a cell a row is one cell); a layout table's cells are written as blocks,
  where its own empty cells leave no trace, and a table inside it is read as a table. In text, a table is a run of lines of
  its labels and figures: cells ended by ``|``, between tabs, between spaces, a cell a line or a
  paragraph (a blank cell an empty line more than the layout's gap), a ``|`` alone between cells, a
  label over its figures. A row's figures are taken in column order after its label: a row with a cell
  missing or added is not read (GP502, GP503), never shifted by guesswork. In space-aligned text a row
  with a blank cell is placed by its figures' horizontal position where the layout proves itself aligned
  (a header of column labels, or two full rows that agree; a header of table 三 printed over several lines
  is not such a header), else it is not read. Table 四 is one row of 15 figures under its header.
- The year: the title, then the statistical period (统计期限…), then a year opening the introduction,
  then the header's dates and 索引号 (the year before when published in the first half year). The title
  is the first line that looks like one (a year, 公开, 报告) among the first lines; lines above it are
  chrome. Traditional characters are simplified for matching only, for the closed vocabulary's
  characters (:mod:`._traditional`).
- Counts written in Chinese numerals (三项), grouped with commas (1,289) or approximate (30余条) are not
  counted. A count's subject is the clause before it less the verbs of ``_vocabulary``; other verbs stay.
- Structured facts are the seed's families (power and risk inventories, disclosure figures, channels,
  work plan); anything else is loose quantities and amounts. Roles of the statutory sections come from
  their headings (``STATUTORY_SECTIONS``) only, and the format from the tables' labels, else the year.
- What text cannot tell apart is read one way: plain paragraphs after items are the last item's; an item
  opening with a short phrase ended by 。 has it as heading; items have no children; labels go to 九十九.
- Repairs: the lost closing year bracket (〔2014130号) and full stops around enumerators; a signature date
  only in the ``2014 124`` form. An authority with no date is read only if it ends like one (…局, …办).
- HTML: no CSS beyond inline ``display:none``, no script-made content, no images; attachment links' URLs
  are not kept.
"""

from govdisclosure.parse._docx import parse_docx
from govdisclosure.parse._files import FileFormat, parse_doc, parse_file, sniff
from govdisclosure.parse._limits import Limits
from govdisclosure.parse._parser import parse_html, parse_text
from govdisclosure.parse._pdf import parse_pdf
from govdisclosure.parse._result import Origin, ParseResult

__all__ = [
    "FileFormat",
    "Limits",
    "Origin",
    "ParseResult",
    "parse_doc",
    "parse_docx",
    "parse_file",
    "parse_html",
    "parse_pdf",
    "parse_text",
    "sniff",
]
