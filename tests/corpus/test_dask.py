"""The batch on Dask: a two-worker LocalCluster of processes, the bag of results and the dataframes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govdisclosure.corpus import (
    FileResult,
    Status,
    process_files,
    to_bag,
    to_dask_dataframe,
    to_dataframe,
)
from tests.corpus.helpers import extra, folder


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = extra("distributed")
    extra("dask.dataframe")
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            host="127.0.0.1",
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_a_bag_of_results_in_input_order(client: Any, tmp_path: Path) -> None:
    files = [str(p) for p in folder(tmp_path)] * 3
    bag = to_bag(files, partition_size=2)
    assert bag.npartitions == 6
    results = bag.compute()
    assert all(isinstance(r, FileResult) for r in results)
    assert [r.file for r in results] == files
    assert results == list(process_files(files))  # the same as on one machine
    assert [r.status for r in results[:4]] == [Status.OK, Status.OK, Status.FAILED, Status.OK]
    workers = client.run(lambda: True)
    assert len(workers) == 2


def test_dataframes_with_the_documented_dtypes(client: Any, tmp_path: Path) -> None:
    pd = extra("pandas")
    files = [str(p) for p in folder(tmp_path)]
    bag = to_bag(files, partition_size=1)
    tables = ("reports", "cells", "diagnostics")
    frames = [to_dask_dataframe(bag, table) for table in tables]
    computed = client.compute(frames, sync=True)  # one graph: the files are read once per table
    results = list(process_files(files))
    for table, frame, got in zip(tables, frames, computed, strict=True):
        assert frame.npartitions == 4
        local = to_dataframe(results, table)
        assert list(frame.dtypes.astype(str)) == list(local.dtypes.astype(str))
        pd.testing.assert_frame_equal(got.reset_index(drop=True), local)
    with pytest.raises(ValueError, match="no table 'pairs'"):
        to_dask_dataframe(bag, "pairs")
