"""Corpus tools (语料工具): thousands of reports at once, across years, on one machine or a Dask cluster.

>>> from govdisclosure.corpus import Collector, collect, run
>>> files = collect(["examples/statutory_2021", "examples/dehua_2014/report.json"])
>>> sink = Collector()
>>> summary = run(files, sink=sink)
>>> summary.files, summary.reports, summary.failed, summary.diagnostics
(2, 2, 0, {'GD102': 1, 'GD103': 1, 'GD104': 1})
>>> [(r.file, r.report.year) for r in sink.results]
[('examples/statutory_2021/report.json', 2022), ('examples/dehua_2014/report.json', 2014)]

What it does
------------
- :func:`process_file` reads one file into a :class:`FileResult` — ``.json`` loaded as report JSON,
  other files parsed as a text or HTML page — and validates the report. A bad file (unreadable, JSON
  that does not load, anything that raises) gives a failed result naming the file and the error; it
  never stops the rest. So does a file that is not a report (empty, binary, a FIFO or device, nothing of
  a report in it) and one over its :class:`Limits` (size, time). Results and reports pickle.
- :func:`process_files` does many, in worker processes (``jobs``), yielding results in input order as
  they are done, with at most ``2 × jobs`` chunks of files in flight, so memory stays flat. A worker
  that dies (the out-of-memory killer) costs its file at most: the pool is restarted and the rest
  carry on.
- :func:`run` streams the results to a :class:`Sink` (an :class:`Exporter` through :class:`TableSink`,
  a :class:`Collector`, your own), then compares across reports: it groups them by publisher and year,
  runs the rules that compare years (:func:`year_rules`: 上年结转 against last year's 结转下年度 (GD706),
  documents in force (GD707), item counts (GD709), cumulative counts (GD108), last year's work plan
  items mentioned this year (GD801)) on each report with its publisher's report on the year before, and
  compares texts (``compare``) to find copied reports and their common passages.
  :func:`cross_year` does the year rules on reports in memory.
- ``govdisclosure batch DIR|FILES...`` is :func:`run` on the command line, writing the tables below.
- :func:`to_bag` and :func:`to_dask_dataframe` run the per-file work on Dask (``govdisclosure[dask]``).

Similarity
----------
A report's body paragraphs are normalised (NFKC, figures masked as ``0`` so that a copy with new figures
is still a copy, spaces dropped) and cut into 5-character shingles; two reports' similarity is the
Jaccard index of their shingle sets, and their containment the share of the later one's shingles found
in the earlier one. Pairs with Jaccard ≥ 0.8 (:data:`COPIED`) are ``copied``, ≥ 0.5 (:data:`SIMILAR`)
``similar``. Two equally long bodies sharing a share c of their text have J = c / (2 − c): 0.8 is
c ≈ 89 %, the level of the evaluations' "up to 90 % copied from the previous year" (90 % is J ≈ 0.82),
and 0.5 is c ≈ 67 %. Consecutive years of a publisher are compared directly; across publishers
(``compare="all"``) a MinHash search (one-permutation MinHash, 128 bins, LSH in 32 bands of 4) finds the
candidate pairs, which are then compared exactly. The search leaves out boilerplate: shingles found in
more than 5 % of the reports (and more than 10), a template's or the format's phrasing, which would
otherwise make every pair of reports written from one template a candidate; and it keeps at most 20
pairs per report (the most alike by MinHash). Common passages of at least 30 characters
(:data:`MIN_PASSAGE`) are reported with the JSON path of the paragraph and the offset in each report, at
most 50 per pair (the longest); the summary notes where a cap left something out.

Measures
--------
What transparency evaluators score, computed as the batch streams (:class:`Measures`, given to
:func:`run`; ``batch`` does it unless ``--no-measures``):

- **Rates** (:func:`rates`, the ``rates`` table), from the cells of the statutory tables, each a numerator
  and a denominator and their exact ratio (:class:`fractions.Fraction`: the cells are integer counts, so
  the ratio is rational and held exactly; Decimal would round each division):

  ========================  =====================================================================
  实质公开率 (disclosed)     表三 （一）予以公开 + （二）部分公开, over 三、（七）总计; the 总计 column
  不予公开率 (withheld)      表三 （三）不予公开 (the sum of 1.–8.), over （七）总计; the 总计 column
  复议纠错率                  表四 行政复议: 结果纠正 over 总计
  诉讼纠错率                  表四 行政诉讼, both groups: 结果纠正 + 结果纠正 over 总计 + 总计
  申请量 (requests)          表三 一、本年新收政府信息公开申请数量, 总计 column (a count)
  申请量变化率                (this year's 申请量 − last year's) over last year's, same publisher
  空白单元格占比              blank stored cells of 表二, 三, 四 over all stored cells
  重复率 (repetition)        see below
  ========================  =====================================================================

  A rate whose numerator or denominator needs a blank cell is blank, and so is one whose denominator
  is 0: never 0, never infinity. The first four and the blank share lie in [0, 1] wherever the table's
  identities hold.
- **重复率**: the share of a report's 5-character shingles (as in "Similarity") found in its publisher's
  report of the year before, leaving out boilerplate: shingles that :data:`BOILERPLATE` (3) or more
  publishers use, counted across the corpus (document frequency by publisher, each report's own name
  masked). At ``repeat_threshold`` (0.5; ``--repeat-threshold``) and above, a finding GC101.
- **Publisher keys**: years are paired by the publisher's key, its name normalised (NFKC, no spaces)
  and mapped through an alias file (:func:`load_aliases`: ``alias,canonical[,code]``); names that look
  alike (one's characters in the other's, in order: 县科技局 / 县科学技术局) but have different keys go to
  the ``lookalikes`` table.
- **Publication facts** (:func:`load_manifest`: ``file,source_url,column,first_seen,last_changed``) are
  joined into ``reports``; a report published (first_seen, else the header's 发布时间) after 31 March of
  the next year is GC201 (``deadline``), one changed after its publication GC202.
- **Review state**: each finding (the rules' diagnostics, GD, and GC101/GC201/GC202) has a
  :func:`fingerprint` of its rule, publisher key, year, JSON path and figures; ``review.csv`` lists them
  with a status the user edits (pending, confirmed, dismissed) and a note, and the next run given it
  (:func:`load_review`, ``--review``) does not report those dismissed. A changed figure is a new
  fingerprint, pending again.

Tables
------
The batch writes nine tidy tables (one row per observation, one column per variable), as CSV always
(UTF-8 without BOM, header line, ``\\n`` line ends; ``--bom`` adds the BOM Excel needs) and as Parquet
with ``govdisclosure[parquet]``; :func:`read_table` and :func:`to_dataframe` give pandas DataFrames with
the dtypes below (``govdisclosure[pandas]``). Types: ``string`` (pandas ``string``), ``int64``
(``Int64``), ``bool`` (``boolean``; ``true``/``false`` in CSV), ``date`` and ``datetime``
(``datetime64[s]``; ISO 8601 in CSV), ``float64``. Any value may be missing (an empty CSV field). The
names and types are stable: a column is never renamed, retyped or removed; new columns are added at the
end. ``file`` is the key joining them.

``reports`` — one row per input file:

=================  ========  ========================================================================
file               string    the input file, as given or found in a directory: the key of every table
source             string    how it was read: text, html or json; missing when it could not be read
status             string    ok (a report was read) or failed
error              string    why it failed, one line; missing when ok
publisher          string    发布机构 (header), else the signature's authority
year               int64     年度, the year reported on (0 where the parser could not tell)
format             string    报告格式: narrative, 2019 or 2021
title              string    标题
document_date      date      成文日期 (header), else the signature's date
published_at       datetime  发布时间 (header)
index_number       string    索引号
document_number    string    文号
sections           int64     the number of nodes of the body (sections, items, blocks)
characters         int64     the length of the body's paragraphs, in characters
has_tables         bool      whether the report has its statutory tables
errors             int64     diagnostics of severity error (parse and validation of the report alone)
warnings           int64     diagnostics of severity warning (likewise)
infos              int64     diagnostics of severity info (likewise)
publisher_key      string    机构键: the normalised publisher name, through the alias file
source_url         string    来源网址, from the manifest
column             string    栏目 where it was found, from the manifest
first_seen         datetime  首次发现, from the manifest: taken as the publication
last_changed       datetime  最后修改, from the manifest
=================  ========  ========================================================================

``cells`` — one row per stored cell of the statutory tables (computed rows such as （三）不予公开 are the
sums of their sub-rows and not stored):

=================  ========  ========================================================================
file               string    the report's file (reports.file)
table              string    t2, t3 or t4 (表二, 表三, 表四)
block              string    table 二: the block's title (第二十条第（一）项); tables 三 and 四: missing
row_key            string    the row's stable key (received); table 四: the column group's key (review)
row_label          string    the row's label as printed (一、本年新收政府信息公开申请数量; 行政复议)
column_key         string    the column's stable key (natural_person)
column_label       string    the column's header as printed (自然人)
kind               string    count, signed (本年增/减), amount (a decimal in the unit) or money (yuan)
value              string    the figure as exact decimal text (286.45); missing where blank
value_int          int64     the figure where it is a whole number (count, signed); else missing
unit               string    件 for counts and changes, 万元 for amounts, 元 for money (in yuan)
blank              bool      whether the cell is blank (not reported; not 0)
=================  ========  ========================================================================

``diagnostics`` — one row per diagnostic: each file's (parse, then validate) in input order, then the
cross-year ones by publisher and year:

=================  ========  ========================================================================
file               string    the report's file (reports.file)
source             string    parse (GP codes), validate (GD, the report alone) or cross_year (GD, against last year)
code               string    the stable code (GD102, GP301)
severity           string    error, warning or info
path               string    the JSON path of the field ($.tables.t3.rows.brought_forward.total)
message            string    说明, in Chinese
message_en         string    the same in English
expected           string    应为, where a figure applies
found              string    实为, where a figure applies
offset             int64     parse diagnostics: the character offset in the page's text; else missing
previous_file      string    cross_year diagnostics: last year's report's file; else missing
=================  ========  ========================================================================

``pairs`` — one row per pair of similar reports (consecutive years first, by publisher and year):

=================  ========  ========================================================================
file_a             string    the earlier report's file (of two years, the earlier; else the first in input order)
file_b             string    the later report's file
publisher_a        string    its publisher
publisher_b        string    its publisher
year_a             int64     its year
year_b             int64     its year
relation           string    consecutive (same publisher, years n and n + 1) or other
jaccard            float64   Jaccard similarity of the two bodies' 5-character shingle sets, exact
containment        float64   the share of b's shingles found in a: how much of b is a's text
verdict            string    copied (jaccard ≥ the copied threshold, 0.8) or similar (≥ the similar threshold)
=================  ========  ========================================================================

``passages`` — one row per passage common to a pair, in b's order:

=================  ========  ========================================================================
file_a             string    the earlier report's file (pairs.file_a)
file_b             string    the later report's file (pairs.file_b)
path_a             string    the JSON path of the paragraph in a where the passage starts
offset_a           int64     the character offset in that paragraph (of the normalised text)
path_b             string    likewise in b
offset_b           int64     likewise in b
length             int64     the passage's length in characters (of the normalised text)
text               string    the passage, as normalised (figures masked as 0, spaces dropped)
=================  ========  ========================================================================


``rates`` — one row per measure of a report: each report's six in input order, then its change and
repetition against last year, by publisher and year:

=================  ========  ========================================================================
file               string    the report's file (reports.file)
measure            string    disclosed, withheld, review_corrected, litigation_corrected, requests, blank_cells, requests_change or repetition
label              string    实质公开率, 不予公开率, 复议纠错率, 诉讼纠错率, 申请量, 空白单元格占比, 申请量变化率, 重复率
numerator          int64     分子, exact; missing where a cell it needs is blank
denominator        int64     分母, exact; missing where a cell it needs is blank (and for 申请量)
value              float64   numerator ÷ denominator (申请量: the count); missing where blank or ÷ 0
previous_file      string    requests_change and repetition: last year's report's file
=================  ========  ========================================================================

``findings`` — one row per finding reported (the rules' GD diagnostics, the corpus rules' GC ones), but
those dismissed in the review; ``review`` — the same columns, one row per finding of the run whatever
its status, then the rows of the review given that this run did not find (kept):

=================  ========  ========================================================================
fingerprint        string    指纹: 16 hex digits identifying the finding (rule, publisher, year, path, figures)
status             string    复核: pending, confirmed or dismissed
note               string    备注: the reviewer's note
rule               string    the rule's code (GD706; GC101 repetition, GC201 late, GC202 changed)
severity           string    error, warning or info
publisher_key      string    机构键 (reports.publisher_key)
year               int64     年度
path               string    the JSON path of the field
expected           string    应为, where a figure applies
found              string    实为, where a figure applies
message            string    说明, in Chinese
file               string    the report's file where it was found (reports.file)
=================  ========  ========================================================================

``lookalikes`` — one row per pair of publisher keys whose names look alike:

=================  ========  ========================================================================
name_a             string    a publisher key
name_b             string    another, which looks like it (one's characters in the other's, in order)
years_a            string    the years of a's reports, space-separated
years_b            string    the years of b's reports
disjoint           bool      whether their years do not overlap (as a rename's would not)
=================  ========  ========================================================================
"""

from govdisclosure.corpus._corpus import (
    Collector,
    CrossYear,
    Pair,
    Relation,
    SimilarityMode,
    Sink,
    Summary,
    cross_year,
    run,
    year_rules,
)
from govdisclosure.corpus._dask import to_bag, to_dask_dataframe
from govdisclosure.corpus._export import (
    CsvTable,
    Exporter,
    ParquetTable,
    TableSink,
    read_table,
    schema,
    to_dataframe,
)
from govdisclosure.corpus._manifest import (
    DEADLINE,
    Manifest,
    ManifestEntry,
    ManifestError,
    load_manifest,
)
from govdisclosure.corpus._measures import Measures
from govdisclosure.corpus._process import (
    DiagnosticSource,
    FileResult,
    Limits,
    Source,
    Status,
    process_file,
)
from govdisclosure.corpus._publishers import (
    Alias,
    AliasError,
    Lookalike,
    Publishers,
    load_aliases,
    lookalikes,
    looks_alike,
    normalise_name,
)
from govdisclosure.corpus._rates import Rate, Rates, rates, requests_change
from govdisclosure.corpus._repetition import (
    BOILERPLATE,
    REPEAT_THRESHOLD,
    Boilerplate,
    Repetition,
    repetition,
)
from govdisclosure.corpus._review import (
    Finding,
    ReviewError,
    ReviewStatus,
    fingerprint,
    load_review,
)
from govdisclosure.corpus._run import INPUT_SUFFIXES, collect, default_jobs, process_files
from govdisclosure.corpus._schema import (
    CELLS,
    DIAGNOSTICS,
    FINDINGS,
    LOOKALIKES,
    PAIRS,
    PANDAS_DTYPES,
    PASSAGES,
    RATES,
    REPORTS,
    REVIEW,
    TABLES,
    Column,
    ColumnType,
    MissingExtraError,
    TableSchema,
)
from govdisclosure.corpus._similarity import (
    COPIED,
    MIN_PASSAGE,
    SIMILAR,
    Passage,
    Similarity,
    Verdict,
    containment,
    jaccard,
    similarity,
)

__all__ = [
    "BOILERPLATE",
    "CELLS",
    "COPIED",
    "DEADLINE",
    "DIAGNOSTICS",
    "FINDINGS",
    "INPUT_SUFFIXES",
    "LOOKALIKES",
    "MIN_PASSAGE",
    "PAIRS",
    "PANDAS_DTYPES",
    "PASSAGES",
    "RATES",
    "REPEAT_THRESHOLD",
    "REPORTS",
    "REVIEW",
    "SIMILAR",
    "TABLES",
    "Alias",
    "AliasError",
    "Boilerplate",
    "Collector",
    "Column",
    "ColumnType",
    "CrossYear",
    "CsvTable",
    "DiagnosticSource",
    "Exporter",
    "FileResult",
    "Finding",
    "Limits",
    "Lookalike",
    "Manifest",
    "ManifestEntry",
    "ManifestError",
    "Measures",
    "MissingExtraError",
    "Pair",
    "ParquetTable",
    "Passage",
    "Publishers",
    "Rate",
    "Rates",
    "Relation",
    "Repetition",
    "ReviewError",
    "ReviewStatus",
    "Similarity",
    "SimilarityMode",
    "Sink",
    "Source",
    "Status",
    "Summary",
    "TableSchema",
    "TableSink",
    "Verdict",
    "collect",
    "containment",
    "cross_year",
    "default_jobs",
    "fingerprint",
    "jaccard",
    "load_aliases",
    "load_manifest",
    "load_review",
    "lookalikes",
    "looks_alike",
    "normalise_name",
    "process_file",
    "process_files",
    "rates",
    "read_table",
    "repetition",
    "requests_change",
    "run",
    "schema",
    "similarity",
    "to_bag",
    "to_dask_dataframe",
    "to_dataframe",
    "year_rules",
]
