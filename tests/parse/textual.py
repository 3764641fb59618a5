"""Reports that the text rendering can carry, for the parser's round-trip property.

TEXT_FORMAT.md lists what text cannot carry: roles (inferred from wording), structured facts (re-extracted),
attachment URLs, the order of ``Header.other`` against known fields. Beyond that, some shapes read the same
in text and cannot be told apart, so these reports avoid them (each restriction says why):

- words contain no digits, no 是, no 《》 and none of the cue words of roles and facts, so the parser finds
  no facts and no roles beyond the preamble (a report's wording decides those, not the generator);
- a paragraph is clauses joined by ， and ending in 。: an item without a heading must not open with a short
  phrase ending in 。, which would read as its heading;
- unlabelled blocks occur only as the preamble or as groups of a section with items (a block after a
  section's items would read as further paragraphs of the last item); in a section with several groups
  only the last item of the last group has further paragraphs, for the same reason;
- items have no children; the preamble exists only before numbered sections;
- a signature has something to print, an undated one ends like an authority (…局), and an unresolved
  ``date_text`` is a damaged date that two readings fit and the header does not settle.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import assume
from hypothesis import strategies as st

from govdisclosure import (
    Attachment,
    DisclosureReport,
    DocumentNumber,
    Header,
    HeaderField,
    IndexNumber,
    ReportFormat,
    Role,
    Section,
    Signature,
)
from govdisclosure.zh import enumerator, heading_label

WORDS = [
    "我局",
    "加强",
    "工作",
    "推进",
    "信息",
    "公开",
    "建设",
    "管理",
    "服务",
    "质量",
    "效率",
    "水平",
    "规范",
    "制度",
    "落实",
    "完善",
    "组织",
    "领导",
    "宣传",
    "培训",
    "平台",
    "网站",
    "政务",
    "审核",
    "机制",
    "深化",
    "提升",
    "群众",
    "企业",
    "监督",
]
AGENCIES = [
    "德化县科学技术局",
    "泉州市财政局",
    "九原区政务服务局",
    "福建省教育厅",
    "二道区房屋征收办公室",
]
# Labels the model has no field for: an alias of a field (信息类别 is 主题分类, 日期 is 时间) would read back
# as that field.
OTHER_LABELS = ["关键词", "有效性", "公开方式", "公开属性", "服务对象", "所属专题"]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map("".join)
paragraph = st.lists(words, min_size=2, max_size=4).map(lambda ws: "，".join(ws) + "。")
paragraphs = st.lists(paragraph, min_size=0, max_size=2)


def format_for(year: int) -> ReportFormat:
    if year >= 2021:
        return ReportFormat.V2021
    if year >= 2019:
        return ReportFormat.V2019
    return ReportFormat.NARRATIVE


@st.composite
def items(draw: st.DrawFn, last_may_continue: bool = True, min_size: int = 0) -> list[Section]:
    n = draw(st.integers(min_size, 3))
    out = []
    for k in range(1, n + 1):
        more = last_may_continue or k < n
        texts = draw(paragraphs if more else st.lists(paragraph, max_size=1))
        out.append(
            Section(
                ordinal=k,
                label=enumerator(k),
                heading=draw(st.none() | words),
                paragraphs=texts,
            )
        )
    return out


@st.composite
def sections(draw: st.DrawFn, level: int = 1) -> list[Section]:
    n = draw(st.integers(1 if level == 1 else 0, 3 if level == 1 else 2))
    out = []
    for k in range(1, n + 1):
        children: list[Section]
        own: list[str] = []
        if draw(st.booleans()):
            # several groups: each an unlabelled block with items
            groups = draw(st.integers(2, 3))
            children = []
            for g in range(groups):
                last = g == groups - 1
                block_items = draw(items(last_may_continue=last, min_size=1))
                children.append(
                    Section(paragraphs=draw(st.lists(paragraph, max_size=1)), children=block_items)
                )
        else:
            own = draw(paragraphs)
            children = draw(items())
        if level < 4:
            children += draw(sections(level + 1))
        out.append(
            Section(
                ordinal=k,
                label=heading_label(level, k),
                heading=draw(st.none() | words),
                paragraphs=own,
                children=children,
            )
        )
    return out


@st.composite
def headers(draw: st.DrawFn) -> Header:
    return Header(
        index_number=draw(
            st.none()
            | st.from_regex(r"[a-z]{2}[0-9]{5}-[0-9]{4}-20[0-9]{2}-[0-9]{5}", fullmatch=True).map(
                IndexNumber
            )
        ),
        publisher=draw(st.none() | st.sampled_from(AGENCIES)),
        document_date=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))),
        source=draw(st.none() | st.sampled_from(AGENCIES)),
        published_at=draw(
            st.none()
            | st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 12, 31)).map(
                lambda t: t.replace(microsecond=0)
            )
        ),
        subject=draw(st.none() | words),
        document_number=draw(
            st.none()
            | st.builds(
                DocumentNumber,
                issuer=st.text(
                    st.sampled_from("闽泉国政办函发字委厅局县市科技财"), min_size=1, max_size=6
                ),
                year=st.integers(1949, 2100),
                serial=st.integers(1, 99_999),
            )
        ),
        other=draw(
            st.lists(
                st.builds(HeaderField, st.sampled_from(OTHER_LABELS), words),
                max_size=2,
                unique_by=lambda f: f.label,
            )
        ),
    )


@st.composite
def signatures(draw: st.DrawFn, header: Header) -> Signature | None:
    kind = draw(st.sampled_from(["none", "dated", "authority", "date", "ambiguous"]))
    authority = draw(st.sampled_from(AGENCIES))
    date = draw(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
    if kind == "none":
        return None
    if kind == "dated":
        return Signature(authority=authority, date=date)
    if kind == "authority":
        return Signature(authority=authority)
    if kind == "date":
        return Signature(date=date)
    # 2014 124: January 24th or December 4th
    day = draw(st.integers(11, 29).filter(lambda d: d != 20))
    readings = {dt.date(date.year, 1, day), dt.date(date.year, 10 + day // 10, day % 10)}
    corroborating = {header.document_date}
    if header.published_at is not None:
        corroborating.add(header.published_at.date())
    assume(not readings & corroborating)
    return Signature(
        authority=draw(st.none() | st.just(authority)), date_text=f"{date.year} 1{day}"
    )


@st.composite
def text_reports(draw: st.DrawFn) -> DisclosureReport:
    """A report whose text rendering the parser must read back exactly."""
    year = draw(st.integers(1990, 2100))
    header = draw(headers())
    body = draw(sections())
    if draw(st.booleans()):
        preamble = Section(
            role=Role.PREAMBLE,
            paragraphs=draw(st.lists(paragraph, min_size=1, max_size=2)),
            children=draw(items()),
        )
        body = [preamble, *body]
    return DisclosureReport(
        title=f"{year}年{draw(words)}报告",
        year=year,
        format=format_for(year),
        header=header,
        body=body,
        signature=draw(signatures(header)),
        attachments=[Attachment(name=n) for n in draw(st.lists(words, max_size=3))],
    )
