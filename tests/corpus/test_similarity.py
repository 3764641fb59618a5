"""Similarity: exact scores on constructed pairs, MinHash against exact Jaccard, the LSH search, passages."""

from __future__ import annotations

import collections
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import DisclosureReport, ReportFormat, Section, dump
from govdisclosure.corpus import COPIED, Collector, containment, jaccard, run, similarity
from govdisclosure.corpus._similarity import (
    Document,
    Passage,
    best_candidates,
    candidates,
    estimate,
    longest,
    minhash,
    normalise,
    passages,
)


def _distinct(start: int, count: int) -> str:
    """``count`` distinct CJK ideographs from U+4E00 + start: every 5-character shingle is distinct."""
    return "".join(chr(0x4E00 + start + i) for i in range(count))


def _report(*paragraphs: str) -> DisclosureReport:
    return DisclosureReport(
        title="某局2020年政府信息公开工作年度报告",
        year=2020,
        format=ReportFormat.NARRATIVE,
        body=[Section(ordinal=1, label="一、", heading="总体情况", paragraphs=paragraphs)],
    )


def test_identical_reports() -> None:
    text = _distinct(0, 1000)
    found = similarity(_report(text), _report(text))
    assert (found.jaccard, found.containment) == (1.0, 1.0)
    assert found.verdict() == "copied"


def test_ninety_percent_copied() -> None:
    # b is a's first 900 characters and 100 new ones. a has 996 shingles, so has b: the 896 within the
    # copied 900 are common, the 4 across the seam and the 96 in the new text are not.
    a = _distinct(0, 1000)
    b = a[:900] + _distinct(5000, 100)
    found = similarity(_report(a), _report(b))
    assert found.jaccard == pytest.approx(896 / (996 + 996 - 896))  # 0.8175…
    assert found.containment == pytest.approx(896 / 996)
    assert found.jaccard >= COPIED
    assert found.verdict() == "copied"
    # 80 % copied is only similar: J = 796 / 1196 ≈ 0.67
    c = a[:800] + _distinct(5000, 200)
    assert similarity(_report(a), _report(c)).jaccard == pytest.approx(796 / 1196)
    assert similarity(_report(a), _report(c)).verdict() == "similar"


def test_unrelated_reports() -> None:
    found = similarity(_report(_distinct(0, 500)), _report(_distinct(1000, 500)))
    assert (found.jaccard, found.containment, found.verdict()) == (0.0, 0.0, None)


def test_figures_and_spaces_do_not_count() -> None:
    a = _report("全年主动公开政府信息326条，其中重点领域信息148条，均按规定公开。")
    b = _report("全年主动公开政府信息 1,024 条，其中重点领域信息９条，均按规定公开。")
    assert (
        normalise(b.body[0].paragraphs[0])
        == "全年主动公开政府信息0条,其中重点领域信息0条,均按规定公开。"
    )
    assert similarity(a, b).jaccard == 1.0


def test_shingles_stay_inside_paragraphs() -> None:
    doc = Document.of(_report("一二三四五六", "七八"))
    assert doc.shingles() == {"一二三四五", "二三四五六", "七八"}
    assert doc.paths == ("$.body[0].paragraphs[0]", "$.body[0].paragraphs[1]")


@given(st.sets(st.text(min_size=1, max_size=3)), st.sets(st.text(min_size=1, max_size=3)))
def test_jaccard_properties(a: set[str], b: set[str]) -> None:
    assert jaccard(a, b) == jaccard(b, a)
    assert 0.0 <= jaccard(a, b) <= min(containment(a, b), containment(b, a)) or not (a and b)
    if a:
        assert jaccard(a, a) == 1.0


def _pair(rng: random.Random, size: int, shared: int) -> tuple[set[str], set[str]]:
    """Two sets of ``size`` with ``shared`` elements in common: J = shared / (2·size − shared)."""
    pool = [f"s{rng.getrandbits(48)}" for _ in range(2 * size - shared)]
    return set(pool[:size]), set(pool[size - shared :])


def test_minhash_estimates_jaccard() -> None:
    # 128 bins: the estimate's standard error is at most 0.044; bound each pair at 4 standard errors
    # and the mean error at 0.03 (seeded, so deterministic; the bounds say what the method promises).
    rng = random.Random(20240601)
    errors = []
    for size, shared in [
        (1500, 1500),
        (1500, 1350),
        (1500, 1000),
        (800, 400),
        (2000, 300),
        (500, 0),
    ] * 4:
        a, b = _pair(rng, size, shared)
        exact = jaccard(a, b)
        seed = rng.randrange(1000)
        found = estimate(minhash(a, seed=seed), minhash(b, seed=seed))
        assert abs(found - exact) <= 0.18, (size, shared, exact, found)
        errors.append(abs(found - exact))
    assert sum(errors) / len(errors) <= 0.03
    assert estimate(minhash(set()), minhash({"x"})) == 0.0


def test_densification_fills_empty_bins() -> None:
    few = minhash({"政府信息公", "府信息公开"}, num_hashes=64)
    assert len(set(few)) <= 2 + 64  # borrowed values, all bins filled
    assert all(v != 2**64 - 1 for v in few)
    assert estimate(few, minhash({"府信息公开", "政府信息公"}, num_hashes=64)) == 1.0


def test_lsh_finds_copies_and_not_strangers() -> None:
    rng = random.Random(7)
    base, copy = _pair(rng, 1500, 1400)  # J ≈ 0.87
    strangers = [_pair(rng, 1500, 0)[0] for _ in range(20)]
    sigs = [minhash(base), *[minhash(s) for s in strangers], minhash(copy), minhash(set())]
    assert list(candidates(sigs)) == [(0, 21)]
    with pytest.raises(ValueError, match="do not split into 5 bands"):
        list(candidates(sigs, bands=5))


def test_passages_are_located_in_both() -> None:
    shared = _distinct(0, 40)
    a = Document.of(_report(_distinct(100, 10), shared + _distinct(200, 5)))
    b = Document.of(_report(_distinct(300, 20) + shared, "短"))
    found = passages(a, b, min_length=30)
    assert len(found) == 1
    p = found[0]
    assert (p.path_a, p.offset_a) == ("$.body[0].paragraphs[1]", 0)
    assert (p.path_b, p.offset_b) == ("$.body[0].paragraphs[0]", 20)
    assert (p.length, p.text) == (40, shared)
    assert passages(a, b, min_length=41) == []


def test_passages_do_not_cross_paragraphs() -> None:
    one, two = _distinct(0, 35), _distinct(100, 35)
    a = Document.of(_report(one, two))
    b = Document.of(_report(one, two))
    found = passages(a, b)
    assert [(p.path_b, p.length) for p in found] == [
        ("$.body[0].paragraphs[0]", 35),
        ("$.body[0].paragraphs[1]", 35),
    ]


def test_all_pairs_drop_a_template_shared_by_every_report(tmp_path: Path) -> None:
    """Forty reports written from one template (80 % of each) and otherwise unrelated: every pair is
    "similar" by the whole text (J ≈ 0.67), which on a real corpus of 2,000 made 183,000 pairs. The
    template's shingles occur in every report, so the all-pairs search leaves them out and finds no
    pair; a report that copies another's own text is still found."""
    template = _distinct(0, 800)
    files = []
    for i in range(40):
        report = _report(template, _distinct(1000 + 200 * i, 200))
        files.append(str(tmp_path / f"r{i:02}.json"))
        dump(report, files[-1])
    copy = _report(template, _distinct(1000, 200))  # r00's own paragraph too
    files.append(str(tmp_path / "copy.json"))
    dump(copy, files[-1])
    sink = Collector()
    summary = run(files, sink=sink, compare="all", cross_years=False)
    assert [(Path(p.file_a).name, Path(p.file_b).name, p.verdict) for p in sink.pairs] == [
        ("r00.json", "copy.json", "copied")
    ]
    assert summary.similar_pairs == 1


def test_pairs_per_report_are_capped_with_a_count() -> None:
    sigs = [minhash({"政府信息公", "府信息公开", f"第{i}"}) for i in range(30)]
    found, over = best_candidates(sigs, limit=3)
    assert over == 30
    per_report = collections.Counter(x for pair in found for x in pair)
    # a report keeps its 3 most alike; it may be in more pairs that the others kept
    assert all(n >= 3 for n in per_report.values())
    assert len(found) <= 30 * 3
    assert found == sorted(set(found))


def test_passages_per_pair_are_capped_to_the_longest() -> None:
    found = [
        Passage("$.a", i, "$.b", i, length, "") for i, length in enumerate([30, 80, 31, 80, 50])
    ]
    assert [p.offset_a for p in longest(found, 3)] == [1, 3, 4]
    assert longest(found, 10) == found
