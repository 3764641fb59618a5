"""The batch on Dask (``govdisclosure[dask]``): a bag of results and dataframes of the tidy tables.

Dask schedules; this module only says what to compute. Nothing here imports Dask at module level, so
the package works without the extra; the functions raise :class:`MissingExtraError` naming it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

from govdisclosure.corpus._process import FileResult, process_chunk
from govdisclosure.corpus._records import rows
from govdisclosure.corpus._schema import CELLS, DIAGNOSTICS, REPORTS, TableSchema, _optional

_RESULT_TABLES = {t.name: t for t in (REPORTS, CELLS, DIAGNOSTICS)}


def _chunk(paths: Iterable[str], source_format: str | None, check: bool) -> list[FileResult]:
    return process_chunk(list(paths), source_format, check)


def to_bag(
    paths: Iterable[str | PurePath],
    *,
    source_format: str | None = None,
    check: bool = True,
    partition_size: int = 64,
) -> Any:
    """A :class:`dask.bag.Bag` of :class:`FileResult`, one per path, in the order of ``paths``.

    Each partition of ``partition_size`` paths is one task: its worker reads, parses (or loads) and
    validates the files (:func:`process_file`). Nothing runs until the bag is computed, on whatever
    scheduler is active (a ``distributed.Client`` if one was created, else Dask's default). The files
    must be readable at the same paths on the workers.

    For example (``tests/corpus/test_dask.py`` runs this on a two-worker ``LocalCluster``)::

        bag = to_bag(["examples/dehua_2014/report.json"])
        [r.report.year for r in bag.compute()]  # [2014]
    """
    bag = _optional("dask.bag", "dask")
    names = [str(p) for p in paths]
    return bag.from_sequence(names, partition_size=max(1, partition_size)).map_partitions(
        _chunk, source_format, check
    )


def _frame(results: Iterable[FileResult], table: TableSchema) -> Any:
    return table.to_dataframe(rows(results, table.name))


def to_dask_dataframe(bag: Any, table: str = "reports") -> Any:
    """A :class:`dask.dataframe.DataFrame` of one tidy table (``reports``, ``cells`` or
    ``diagnostics``) from a bag of :class:`FileResult` (:func:`to_bag`), with the table's columns and
    pandas dtypes (see the package documentation), one partition per partition of the bag.

    The cross-year checks and the similarity search need reports of several files together: run them
    on the computed results (:func:`govdisclosure.corpus.run` on one machine), not here.
    """
    schema = _RESULT_TABLES.get(table)
    if schema is None:
        raise ValueError(f"no table {table!r} of results: expected {', '.join(_RESULT_TABLES)}")
    dataframe = _optional("dask.dataframe", "dask")
    delayed = _optional("dask", "dask").delayed
    parts = [delayed(_frame)(part, schema) for part in bag.to_delayed()]
    return dataframe.from_delayed(parts, meta=schema.to_dataframe([]), verify_meta=True)
