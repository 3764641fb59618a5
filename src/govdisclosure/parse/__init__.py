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
or a guess was made, error = the result is incomplete). Each code has a symbolic name, as the validation
rules' have; :func:`code_for` gives the code of a name, :data:`CODE_NAMES` the name of a code. A code and
its name are never given to another diagnostic, even once retired:

=====  ========  ================================  ==============================================================================
code   severity  name                              meaning
=====  ========  ================================  ==============================================================================
GP001  info      no-declared-encoding              HTML bytes without a declared encoding, decoded as UTF-8
GP002  warning   undeclared-encoding-not-utf8      HTML bytes without a declared encoding and not UTF-8, decoded as GB18030
GP003  warning   unknown-declared-encoding         the declared encoding is unknown; decoded by guess
GP004  warning   undecodable-bytes                 bytes that are not in the encoding were replaced by U+FFFD
GP005  info      table-kept-as-text                a table that is none of the statutory tables is kept as text rows
GP006  warning   declared-encoding-wrong           the page declares an encoding its bytes are not in; decoded as the other one
GP007  warning   unreadable-markup                 malformed markup the HTML tokenizer cannot read (read as text, or the rest is lost)
GP008  warning   table-too-many-cells              a table whose spans cover more than 20,000 grid cells is read as text, not as a table
GP010  info      page-chrome-dropped               lines of page chrome dropped (附件下载, 扫一扫…, 相关解读, 打印本页 …)
GP020  warning   invisible-characters-removed      invisible format or control characters removed (U+200B, bidi controls, NUL …)
GP021  warning   lone-surrogates-replaced          lone surrogates replaced by U+FFFD
GP101  warning   no-title                          no title found
GP102  info      title-repeated                    the title is repeated; the repeat is dropped
GP103  info      title-over-lines                  the title spans several lines; joined
GP104  warning   header-value-unreadable           a header date, time or 文号 is unreadable; kept in ``Header.other``
GP105  info      header-field-repeated             a header field appears twice with different values; the second kept in ``other``
GP106  info      publication-date-without-time     a publication date without a time (no model field); kept in ``Header.other``
GP107  info      year-from-header                  the report's year is taken from the header's dates or 索引号: the year before publication
GP108  warning   year-unknown                      the report's year cannot be told (``year`` is None)
GP110  info      title-from-introduction           no title line; the title is the one the first sentences quote (现公布…报告, 《…报告》)
GP111  warning   year-sources-disagree             the sources of the report's year disagree; the first in precedence is taken
GP112  info      lines-above-title-dropped         lines above the title that are neither title nor catalogue (breadcrumbs, site names) dropped
GP113  info      year-from-period                  the report's year is taken from the statistical period (统计期限自…起至…止)
GP114  info      year-from-introduction            the report's year is taken from the introduction (现将2019年度…报告如下, 2023年，…)
GP115  info      publisher-from-title              no 发布机构 printed: the publisher is the agency the title names
GP116  warning   year-outside-format               the report's year is outside the years of its tables' format
GP117  info      unlabelled-header-text            text without a label in a catalogue line (a date before 来源:) is not read
GP118  info      publisher-from-first-sentence     no 发布机构 and no agency in the title: the publisher is the maker the first sentence names (本报告由…编制)
GP119  info      year-from-first-sections          the report's year is the one the first sections name most often (2009年 mid-sentence)
GP120  info      unlabelled-date-read              a date without a label in the catalogue block is read as its only date field (发布时间)
GP121  info      publisher-from-sentence-subject   no 发布机构, title agency or maker: the agency the first sentence names as its subject
GP122  info      publisher-from-agency-above-date  no 发布机构 or title agency: an agency printed alone above the text, a date under it
GP201  warning   lost-stop-before-enumerator       the full stop before an inline enumerator (工作机制二是) was lost; restored
GP202  warning   lost-stop-ending-item             the full stop ending the last inline item was lost; restored
GP203  warning   enumeration-not-continued         an enumerator does not continue the sequence (三是 after 一是)
GP204  info      heading-without-parent            a heading has no heading of the level above (（一） without 一、)
GP205  info      heading-run-into-paragraph        a top-level heading inside a paragraph (line breaks became spaces) starts a section
GP301  warning   document-number-bracket-repaired  a document number lost its closing bracket (〔2014130号); repaired, raw kept
GP302  warning   document-number-unreadable        the document number after 《title》 is unreadable; the citation has none
GP303  info      as-of-date-unreadable             an as-of phrase (截至…) with digits is not a readable month or day
GP401  warning   signature-date-corroborated       the signature date lost 年/月/日 (2014 124); the header's date corroborates one reading
GP402  warning   signature-date-ambiguous          the signature date lost 年/月/日 and nothing corroborates a reading; kept as ``date_text``
GP403  warning   signature-date-one-reading        the signature date lost 年/月/日; only one reading is a real date
GP404  warning   signature-date-impossible         the signature date lost 年/月/日 and no reading is a real date; kept as ``date_text``
GP501  warning   approximate-table-label           a table label matched only approximately (a known typo or variant, or similar enough)
GP502  warning   row-has-extra-figures             a table row has more figures than the format has columns; the row is not read
GP503  warning   row-lacks-figures                 a table row has fewer figures than the format has columns; the row is not read
GP504  warning   table-cut-short                   a table stops before its end (a truncated page): read as far as it goes, the rest blank
GP505  warning   table-row-missing                 a row of the format is missing from a table; its cells are blank
GP506  warning   not-a-figure-of-column            a table cell is not a figure of its column (a sign on a count, text); read as blank
GP507  warning   figures-not-under-headers         HTML: figures are not under their column headers (a wrong colspan); read in order
GP508  info      format-from-table-labels          the report's format is taken from its tables' labels, not from its year
GP509  warning   cell-of-no-row-or-column          a table cell is no label of its table (nor a figure of a row); not read
GP510  warning   table-missing                     a statutory table is missing while the others are there; its cells are blank
GP511  warning   table-row-repeated                a table row appears twice; the repeat is not read
GP512  info      amount-without-unit               a 采购总金额 cell without a unit is read as 元
GP513  info      figures-placed-by-form            a row lost its blank cells; its figures placed by their form (+239 is 本年增/减)
GP514  warning   sum-row-figures-not-read          figures printed on a sum row the format computes (（六）其他处理 in 2021); not read
GP515  info      glued-digits-one-a-column         a row's digits run together after its label, one a column (规章000); read so
GP516  warning   glued-figures-not-split           a row's figures run together after its label, digits not one a column; not read
GP800  error     unreadable-file                   a DOCX, PDF or DOC file that cannot be read (corrupt, truncated, not what it claims)
GP801  error     file-over-limit                   a file over a bound (bytes, pages, unpacked size, compression ratio, time); not read
GP802  error     encrypted-pdf                     a password-protected (encrypted) PDF
GP803  error     unreadable-text-layer             a PDF whose text layer is unreadable ((cid:N) glyph codes, U+FFFD): needs OCR
GP804  error     no-text-layer                     a PDF without a text layer (a scan): needs OCR
GP805  error     missing-dependency                a library or program the format needs is not installed (python-docx, pdfplumber, soffice)
GP806  error     conversion-failed                 LibreOffice failed to convert a DOC or WPS file (or took too long)
GP807  info      page-furniture-dropped            PDF page headers, footers and page numbers (— 1 —) dropped
GP808  info      table-joined-across-pages         a PDF table continued over a page break joined; its repeated header rows dropped
GP809  info      images-not-read                   images and drawings in a DOCX (a seal) are not read
GP810  info      radicals-normalised               Kangxi and CJK radical characters of a PDF's text layer normalised to ideographs
GP811  info      automatic-numbering-written       Word's automatic numbering written out as the paragraphs' labels
GP812  info      converted-by-libreoffice          a DOC or WPS file read after LibreOffice converted it to DOCX
GP813  warning   docx-property-not-read            a property govdisclosure wrote in a DOCX not read (unknown, too long, malformed)
GP999  error     internal-error                    internal error: the parser gave up (a bug; please report it with the input)
=====  ========  ================================  ==============================================================================

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

from govdisclosure.parse._codes import NAMES as CODE_NAMES
from govdisclosure.parse._codes import code_for
from govdisclosure.parse._docx import parse_docx
from govdisclosure.parse._files import FileFormat, parse_doc, parse_file, sniff
from govdisclosure.parse._limits import Limits
from govdisclosure.parse._parser import parse_html, parse_text
from govdisclosure.parse._pdf import parse_pdf
from govdisclosure.parse._result import Origin, ParseResult

__all__ = [
    "CODE_NAMES",
    "FileFormat",
    "Limits",
    "Origin",
    "ParseResult",
    "code_for",
    "parse_doc",
    "parse_docx",
    "parse_file",
    "parse_html",
    "parse_pdf",
    "parse_text",
    "sniff",
]
