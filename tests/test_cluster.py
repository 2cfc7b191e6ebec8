"""`kg build --cluster`: parse and extract on a Dask cluster of 2 worker processes, the same graph as one process."""

import pytest

from kg.errors import KgError
from kg.pipeline import build

from .test_store import _write

distributed = pytest.importorskip("distributed", reason="Dask's distributed is not installed (the [cluster] extra)")


def test_a_build_on_a_two_worker_cluster_gives_the_same_bytes_as_one_process(tmp_path, monkeypatch):
    import kg.cluster

    paths = _write(tmp_path)
    monkeypatch.setattr(kg.cluster, "BATCH", 1)  # one task per article, so that both workers take some
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as \
            cluster, distributed.Client(cluster) as client, distributed.get_task_stream(client) as stream:
        seen = []
        summary = build(paths, out=tmp_path / "cluster.nq", cluster=cluster.scheduler_address,
                        progress=lambda done, total: seen.append((done, total)))
    workers_used = {task["worker"] for task in stream.data if task["key"].startswith("extract_batch")}
    build(paths, out=tmp_path / "one.nq", workers=1)
    assert summary.articles == 3 and seen[-1] == (3, 3)
    assert (tmp_path / "cluster.nq").read_bytes() == (tmp_path / "one.nq").read_bytes()
    assert len(workers_used) == 2, stream.data  # both workers parsed


def test_an_unreachable_cluster_is_one_clear_error(tmp_path, monkeypatch):
    import kg.cluster

    monkeypatch.setattr(kg.cluster, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(KgError, match="cannot reach the Dask cluster at tcp://127.0.0.1:9"):
        build(_write(tmp_path)[:1], out=tmp_path / "g.nq", cluster="tcp://127.0.0.1:9")
    assert not (tmp_path / "g.nq").exists()
