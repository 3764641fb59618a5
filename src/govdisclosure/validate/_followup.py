"""GD8xx: last year's report followed up in this year's (上年报告的落实).

Needs last year's report (``previous``); without it these rules find nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from govdisclosure.model import ENUMERATOR, Diagnostic, DisclosureReport, Role, Section, Severity
from govdisclosure.validate._examples import report, section
from govdisclosure.validate._rule import Context, Rule

# An inline enumerator opening an item inside a paragraph: 一是 … 二是 … (the parser leaves such items in
# one paragraph when they are not separate lines).
_ENUMERATOR = ENUMERATOR
_CLAUSE_END = re.compile(r"[，。；：,;:！!？?]")
_SHORTEST = 4  # a key phrase shorter than this is too vague to look for
_LONGEST = 20
COVERAGE = 0.5
"""The share of an item's key-phrase character trigrams that this year's text must contain to mention it.
(Pairs of characters are too lenient: 政策, 解读, 形式 are everywhere in these reports.)"""


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _is_plan(node: Section) -> bool:
    return node.role is Role.PLAN or node.plan is not None


def _key_phrase(text: str) -> str:
    """An item's key phrase: its first clause, less the enumerator (一是丰富解读形式，… → 丰富解读形式)."""
    text = _plain(text)
    opening = _ENUMERATOR.match(text)
    if opening is not None:
        text = text[opening.end() :]
    return _CLAUSE_END.split(text, maxsplit=1)[0][:_LONGEST]


def plan_items(report: DisclosureReport) -> Iterator[tuple[str, str]]:
    """The items of the report's work plans (工作计划 / 改进情况) as (JSON path, key phrase).

    A plan section's items are its children (their heading, else their first paragraph's first clause);
    a plan section without children has its items inline (一是…；二是…), one per enumerator.
    """
    for ref in report.sections():
        node = ref.node
        if not _is_plan(node):
            continue
        if node.children:
            for i, child in enumerate(node.children):
                text = child.heading or (child.paragraphs[0] if child.paragraphs else "")
                yield f"{ref.path}.children[{i}]", _key_phrase(text)
            continue
        for p, paragraph in enumerate(node.paragraphs):
            text = _plain(paragraph)
            starts = [m.start() for m in _ENUMERATOR.finditer(text)]
            for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
                yield f"{ref.path}.paragraphs[{p}]", _key_phrase(text[a:b])


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


# Where a report looks ahead or restates its shortcomings: text there is no follow-up of last year's plan.
_NOT_FOLLOW_UP = frozenset({Role.PLAN, Role.PROBLEMS, Role.PROBLEMS_AND_IMPROVEMENTS})


def _text_outside_plans(report: DisclosureReport) -> str:
    parts: list[str] = []

    def walk(nodes: tuple[Section, ...]) -> None:
        for node in nodes:
            if node.role in _NOT_FOLLOW_UP or _is_plan(node):
                continue  # this year's plan (or problems) repeating last year's is no follow-up
            parts.extend(node.paragraphs)
            if node.heading:
                parts.append(node.heading)
            walk(node.children)

    walk(report.body)
    return _plain("\n".join(parts))


def _check_plan_followed_up(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """An item of last year's work plan is not mentioned in this year's report.

    Needs last year's report (``previous``). Last year's plan items are the children of its plan
    sections (工作计划, 改进情况 …), or the 一是…二是… items of their paragraphs; an item's key phrase is
    its heading, else its first clause. It counts as mentioned when this year's text outside its own plan
    and problems sections (工作计划, 存在的主要问题, 五、存在的主要问题及改进情况) contains at least half of the phrase's runs of three characters (a report copying last
    year's plan into this year's plan does not follow it up). Wording varies, so this is a hint (info),
    one per item, at this year's body; ``expected`` is the item's key phrase, ``found`` where it was.
    """
    previous = context.previous
    if previous is None:
        return
    now = _trigrams(_text_outside_plans(report))
    for path, phrase in plan_items(previous):
        wanted = _trigrams(phrase)
        if len(phrase) < _SHORTEST or not wanted:
            continue
        if len(wanted & now) / len(wanted) >= COVERAGE:
            continue
        yield context.diagnostic(
            "$.body",
            f"{previous.year}年报告工作计划所列“{phrase}”，本年报告未见提及",
            f"the {previous.year} report's work plan item {phrase!r} is not mentioned in this "
            f"year's report",
            expected=phrase,
            found=f"previous {path}",
        )


def _example_plan_followed_up() -> DisclosureReport:
    return report(section(1, "一、", "主要作法"), year=2015)


def _example_plan_followed_up_previous() -> DisclosureReport:
    plan = Section(
        ordinal=2,
        label="二、",
        heading="下一步工作计划",
        role=Role.PLAN,
        children=[
            Section(ordinal=1, label="一是", heading="加强政策解读"),
            Section(ordinal=2, label="二是", heading="……"),
        ],
    )
    return report(section(1, "一、"), plan, year=2014)


RULES = (
    Rule(
        code="GD801",
        severity=Severity.INFO,
        summary="An item of last year's work plan is not mentioned in this year's report",
        summary_zh="上年工作计划事项本年报告未见提及",
        check=_check_plan_followed_up,
        example=_example_plan_followed_up,
        example_previous=_example_plan_followed_up_previous,
    ),
)
