"""How the narrative of a statutory report names the figures of its tables (表格数字的叙述说法).

A 2019- or 2021-format report repeats some figures of its tables in its text: 全年新收政府信息公开申请88件,
予以公开及部分公开44件, 被申请行政复议4件. The parser keeps such a figure as a
:class:`~govdisclosure.model.Quantity` of the section that states it, with its ``subject`` as written
(新收政府信息公开申请, 予以公开及部分公开, 行政复议); :data:`TABLE_PHRASES` says which cells of the tables a
subject denotes, so that validation can compare the two and the parser can look for the phrases.

The phrases are data: a regular expression per wording, matched against the whole subject once its spaces
are removed, and the cells whose sum the phrase denotes, as dotted paths from the tables down
(``t3.rows.disclosed.total``, the JSON path after ``$.tables.``; a computed row such as ``t3.rows.withheld``
is its sum). 主动公开政府信息N条 has no phrase: table 二 has no total of what was published.

>>> phrase = match_table_phrase("予以公开及部分公开", ReportFormat.V2021)
>>> phrase.key, phrase.cells
('disclosed_or_partly', ('t3.rows.disclosed.total', 't3.rows.partly_disclosed.total'))
>>> match_table_phrase("公开 和 部分公开", ReportFormat.V2019).key
'disclosed_or_partly'
>>> match_table_phrase("政府信息", ReportFormat.V2021) is None
True
"""

from __future__ import annotations

import re

import attrs

from govdisclosure.model._enums import ReportFormat

_BOTH = (ReportFormat.V2019, ReportFormat.V2021)


def _patterns(value: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in value:
        re.compile(
            pattern
        )  # a bad expression fails where the table is written, not where it is used
    return tuple(value)


@attrs.frozen
class TablePhrase:
    """A way the narrative names a figure of the statutory tables (表格数字的叙述说法).

    >>> TablePhrase("review", ("行政复议",), ("t4.review.total",)).formats
    (<ReportFormat.V2019: '2019'>, <ReportFormat.V2021: '2021'>)
    """

    key: str
    """A stable English key (``disclosed_or_partly``)."""
    patterns: tuple[str, ...] = attrs.field(converter=_patterns)
    """The wordings (说法): regular expressions, each matched against the whole subject without spaces."""
    cells: tuple[str, ...]
    """The cells the phrase denotes, whose sum is its figure: dotted paths from the tables down
    (``t3.rows.disclosed.total``)."""
    formats: tuple[ReportFormat, ...] = _BOTH
    """The formats whose tables have these cells."""

    def matches(self, subject: str) -> bool:
        """Whether ``subject`` (as written; spaces are ignored) is one of this phrase's wordings."""
        text = _SPACES.sub("", subject)
        return any(re.fullmatch(pattern, text) for pattern in self.patterns)


_SPACES = re.compile(r"\s+")
_YEAR = r"(?:本年度?|全年|今年|年内)?共?"
_REQUEST = r"(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:申请)?(?:数量|件数|数)?"
_NORMATIVE = r"(?:行政)?规范性文件"

TABLE_PHRASES: tuple[TablePhrase, ...] = (
    # 表三 收到和处理政府信息公开申请情况, 总计 column
    TablePhrase(
        "received",
        (
            _YEAR
            + r"(?:新收|新收到|收到|受理|新受理|接收|接到)(?:的)?(?:政府信息公开|信息公开|依申请公开)?申请(?:数量|件数|数)?",
        ),
        ("t3.rows.received.total",),
    ),
    TablePhrase(
        "brought_forward",
        (r"(?:上年度?|上一年度?)结转" + _REQUEST,),
        ("t3.rows.brought_forward.total",),
    ),
    TablePhrase(
        "disclosed_or_partly",
        (r"(?:予以|同意|全部)?公开(?:及|和|与|、|或|以及)(?:予以)?部分公开",),
        ("t3.rows.disclosed.total", "t3.rows.partly_disclosed.total"),
    ),
    TablePhrase("disclosed", (r"(?:予以|同意|全部)公开",), ("t3.rows.disclosed.total",)),
    TablePhrase("partly_disclosed", (r"(?:予以)?部分公开",), ("t3.rows.partly_disclosed.total",)),
    TablePhrase("withheld", (r"(?:决定)?不予公开",), ("t3.rows.withheld.total",)),
    TablePhrase("unavailable", (r"无法提供(?:信息)?",), ("t3.rows.unavailable.total",)),
    TablePhrase("not_processed", (r"不予处理",), ("t3.rows.not_processed.total",)),
    TablePhrase("other_handling", (r"其他处理",), ("t3.rows.other_handling.total",)),
    TablePhrase(
        "total_handled",
        (
            _YEAR + r"(?:已)?(?:办结|答复|办理完毕|处理完毕)" + _REQUEST,
            r"(?:本年度)?办理结果总计|办理总计",
        ),
        ("t3.rows.total_handled.total",),
    ),
    TablePhrase(
        "carried_forward",
        (r"结转(?:至|到)?下一?年度?(?:继续办理)?" + _REQUEST,),
        ("t3.rows.carried_forward.total",),
    ),
    # 表四 政府信息公开行政复议、行政诉讼情况, 总计 of each group
    TablePhrase(
        "review",
        (r"(?:被申请|申请|提起|发生|收到)?(?:政府信息公开)?类?行政复议(?:案件)?(?:数量|件数|数)?",),
        ("t4.review.total",),
    ),
    TablePhrase(
        "litigation",
        (r"(?:被提起|提起|发生|收到|被)?(?:政府信息公开)?类?行政诉讼(?:案件)?(?:数量|件数|数)?",),
        ("t4.litigation_direct.total", "t4.litigation_after_review.total"),
    ),
    # 表二 主动公开政府信息情况
    TablePhrase(
        "regulations_issued",
        (r"(?:本年)?制发(?:的)?规章",),
        ("t2.rows.regulations.issued",),
        (ReportFormat.V2021,),
    ),
    TablePhrase(
        "regulations_repealed",
        (r"(?:本年)?废止(?:的)?规章",),
        ("t2.rows.regulations.repealed",),
        (ReportFormat.V2021,),
    ),
    TablePhrase(
        "regulations_in_force",
        (r"现行有效(?:的)?规章",),
        ("t2.rows.regulations.in_force",),
        (ReportFormat.V2021,),
    ),
    TablePhrase(
        "normative_documents_issued",
        (r"(?:本年)?制发(?:的)?" + _NORMATIVE,),
        ("t2.rows.normative_documents.issued",),
        (ReportFormat.V2021,),
    ),
    TablePhrase(
        "normative_documents_repealed",
        (r"(?:本年)?废止(?:的)?" + _NORMATIVE,),
        ("t2.rows.normative_documents.repealed",),
        (ReportFormat.V2021,),
    ),
    TablePhrase(
        "normative_documents_in_force",
        (r"现行有效(?:的)?" + _NORMATIVE,),
        ("t2.rows.normative_documents.in_force",),
        (ReportFormat.V2021,),
    ),
    TablePhrase(
        "normative_documents_produced",
        (r"(?:本年)?新?制作(?:的)?" + _NORMATIVE,),
        ("t2.rows.normative_documents.produced",),
        (ReportFormat.V2019,),
    ),
    TablePhrase(
        "normative_documents_published",
        (r"(?:本年)?新公开(?:的)?" + _NORMATIVE,),
        ("t2.rows.normative_documents.published",),
        (ReportFormat.V2019,),
    ),
    TablePhrase(
        "licensing_decisions",
        (r"(?:作出|公开)?(?:的)?行政许可(?:处理)?决定(?:数量|件数|数)?",),
        ("t2.rows.licensing.decisions",),
    ),
    TablePhrase(
        "penalty_decisions",
        (r"(?:作出|公开)?(?:的)?行政处罚(?:处理)?决定(?:数量|件数|数)?",),
        ("t2.rows.penalties.decisions",),
    ),
    TablePhrase(
        "coercion_decisions",
        (r"(?:作出|公开)?(?:的)?行政强制(?:处理)?决定(?:数量|件数|数)?",),
        ("t2.rows.coercion.decisions",),
    ),
)
"""The known phrases (已知说法), each with the cells it denotes. A subject matches at most one phrase of a
format (tested); the order is for reading only."""


def match_table_phrase(subject: str | None, version: ReportFormat) -> TablePhrase | None:
    """The phrase of :data:`TABLE_PHRASES` that ``subject`` is, for tables of ``version``; None if none is."""
    if subject is None:
        return None
    return next((p for p in TABLE_PHRASES if version in p.formats and p.matches(subject)), None)
