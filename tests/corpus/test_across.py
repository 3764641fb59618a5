"""Across reports: the year rules on consecutive reports of a publisher, and the text comparison."""

from __future__ import annotations

import csv
import pickle
import runpy
from pathlib import Path
from typing import Any

import attrs
import pytest

from govdisclosure import DisclosureReport, dump, load
from govdisclosure.corpus import (
    Alias,
    Collector,
    Exporter,
    Publishers,
    Relation,
    TableSink,
    cross_year,
    run,
    year_rules,
)
from tests.corpus.helpers import CORPUS_EXAMPLE, STATUTORY_JSON

EXAMPLE: dict[str, Any] = runpy.run_path(str(CORPUS_EXAMPLE))


@pytest.fixture(scope="module")
def reports() -> list[DisclosureReport]:
    generated: list[DisclosureReport] = EXAMPLE["generate"]()
    return generated


@pytest.fixture(scope="module")
def json_dir(tmp_path_factory: pytest.TempPathFactory, reports: list[DisclosureReport]) -> Path:
    directory = tmp_path_factory.mktemp("corpus")
    EXAMPLE["write"](reports, directory)
    return directory / "json"


def test_the_year_rules_are_those_with_last_years_example() -> None:
    assert year_rules() == ("GD108", "GD706", "GD707", "GD709", "GD801")


def test_cross_year_in_memory() -> None:
    this = load(STATUTORY_JSON)  # on 2022: 二、上年结转 is 3 for 自然人 and 3 in 总计
    assert this.tables is not None
    rows = this.tables.t3.rows
    last = attrs.evolve(
        this,
        year=2021,
        body=(),
        tables=attrs.evolve(
            this.tables,
            t3=attrs.evolve(
                this.tables.t3,
                rows=attrs.evolve(
                    rows,
                    carried_forward=attrs.evolve(rows.brought_forward, natural_person=1, total=1),
                ),
            ),
            # 2 issued, 1 repealed, 7 in force this year: 6 in force last year
            t2=attrs.evolve(
                this.tables.t2,
                rows=attrs.evolve(
                    this.tables.t2.rows,
                    normative_documents=attrs.evolve(
                        this.tables.t2.rows.normative_documents, in_force=6
                    ),
                ),
            ),
        ),
    )
    other = attrs.evolve(this, header=attrs.evolve(this.header, publisher="别的局"), signature=None)
    found = cross_year({"2022.json": this, "2021.json": last, "other.json": other})
    assert len(found) == 1
    assert (found[0].file, found[0].previous_file, found[0].year) == (
        "2022.json",
        "2021.json",
        2022,
    )
    assert [(d.code, d.path, d.expected, d.found) for d in found[0].diagnostics] == [
        ("GD706", "$.tables.t3.rows.brought_forward.natural_person", "1", "3"),
        ("GD706", "$.tables.t3.rows.brought_forward.total", "1", "3"),
    ]


def test_the_generated_corpus_is_consistent_but_for_the_planted_faults(
    reports: list[DisclosureReport],
) -> None:
    named = [(f"{r.header.publisher}-{r.year}", r) for r in reports]
    # 兰江县交通运输局 publishes its 2023 report as 兰江县交通局: a pair short without the alias
    assert len(cross_year(named)) == 23
    renamed = Publishers.of([Alias("兰江县交通局", "兰江县交通运输局")])
    found = cross_year(named, publishers=renamed)
    assert len(found) == 24  # 12 agencies, 2 pairs of consecutive years each
    faults = {(f.file, d.code) for f in found for d in f.diagnostics}
    assert faults == {("白沙县交通运输局-2023", "GD706"), ("清溪县自然资源局-2023", "GD801")}


def test_run_finds_the_copied_report_and_the_broken_carry_over(json_dir: Path) -> None:
    files = sorted(str(p) for p in json_dir.iterdir())
    sink = Collector()
    summary = run(files, sink=sink, compare="consecutive")
    assert summary.cross_year_pairs == 23  # the renamed bureau's 2023 report is not paired
    broken = [c for c in sink.cross_years if any(d.code == "GD706" for d in c.diagnostics)]
    assert [(c.publisher, c.year, c.previous_file) for c in broken] == [
        ("白沙县交通运输局", 2023, str(json_dir / "白沙县交通运输局-2022.json"))
    ]
    copied = [p for p in sink.pairs if p.verdict == "copied"]
    assert [(p.publisher_b, p.year_a, p.year_b, p.relation) for p in copied] == [
        ("清溪县自然资源局", 2022, 2023, "consecutive")
    ]
    pair = copied[0]
    assert 0.8 <= pair.jaccard < 1.0  # one paragraph of the copy was rewritten
    assert pair.passages
    assert all(p.length >= 30 for p in pair.passages)
    assert summary.copied_pairs == 1
    assert pickle.loads(pickle.dumps(pair)) == pair
    assert summary.diagnostics["GD706"] == 2


def test_all_pairs_finds_the_consecutive_ones(json_dir: Path) -> None:
    files = sorted(str(p) for p in json_dir.iterdir())
    consecutive, every = Collector(), Collector()
    # Each bureau has text of its own; what bureaus share comes from pools of sentences that many
    # reports use, which the search across publishers leaves out (more than 5 % of the reports): no pair
    # of two bureaus is found here, every consecutive pair is.
    run(files, sink=consecutive, compare="consecutive", cross_years=False, similar=0.3)
    summary = run(files, sink=every, compare="all", cross_years=False, similar=0.3)
    assert summary.cross_year_pairs == 0
    assert every.cross_years == []
    assert [p for p in every.pairs if p.relation == "consecutive"] == consecutive.pairs
    assert {type(p.relation) for p in every.pairs} == {Relation}
    assert {p.relation for p in every.pairs} <= set(Relation)
    assert len(every.pairs) >= len(consecutive.pairs)
    for (
        pair
    ) in every.pairs:  # the earlier first (same year: the first in input order, here by name)
        assert (pair.year_a, pair.file_a) < (pair.year_b, pair.file_b)
        assert pair.jaccard >= 0.3


def test_cross_year_rows_in_the_diagnostics_table(json_dir: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in json_dir.iterdir())
    with Exporter(tmp_path) as exporter:
        run(files, sink=TableSink(exporter), compare="consecutive")
    lines = (tmp_path / "diagnostics.csv").read_text(encoding="utf-8").splitlines()
    crossed = [line for line in lines if ",cross_year,GD706," in line]
    assert len(crossed) == 2
    assert all(line.endswith(str(json_dir / "白沙县交通运输局-2022.json")) for line in crossed)
    with (tmp_path / "pairs.csv").open(encoding="utf-8", newline="") as f:
        pairs = list(csv.DictReader(f))
    copied = [p for p in pairs if p["verdict"] == "copied"]
    assert [(p["publisher_b"], p["year_b"], p["relation"]) for p in copied] == [
        ("清溪县自然资源局", "2023", "consecutive")
    ]
    assert 0.8 <= float(copied[0]["jaccard"]) < 1.0
    with (tmp_path / "passages.csv").open(encoding="utf-8", newline="") as f:
        passages = list(csv.DictReader(f))
    mine = [p for p in passages if p["file_b"] == copied[0]["file_b"]]
    assert mine
    assert all(p["file_a"] == copied[0]["file_a"] and int(p["length"]) >= 30 for p in mine)


def test_a_report_without_publisher_or_year_is_in_no_group(tmp_path: Path) -> None:
    report = load(STATUTORY_JSON)
    anonymous = attrs.evolve(
        report, header=attrs.evolve(report.header, publisher=None), signature=None
    )
    dump(anonymous, tmp_path / "a.json")
    dump(attrs.evolve(anonymous, year=2021, body=()), tmp_path / "b.json")
    summary = run([str(tmp_path / "a.json"), str(tmp_path / "b.json")], compare="consecutive")
    assert summary.cross_year_pairs == 0
