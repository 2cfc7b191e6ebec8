"""Parse and extract on a Dask distributed cluster (`kg build --cluster ADDRESS`, `local` for one on this machine).

Articles go to the workers in batches; each worker process loads the shipped pipeline once and sends back the
extractions (mentions and facts with their evidence, a few kilobytes per article). Resolution and writing stay
with the client: they take microseconds per mention against tens of milliseconds per article for parsing, and
they see every article, as a build on one machine does, so the graph is the same. Workers need the `nyhetsgraf`
package installed (the model ships inside it); nothing else is shared.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from contextlib import contextmanager
from typing import TYPE_CHECKING

from kg.errors import KgError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from kg.types import Article, Extraction

BATCH = 25  # articles per task: enough to amortise a task's overhead, small enough to spread over workers
CONNECT_TIMEOUT = "30s"  # how long to try reaching a scheduler


class ClusterError(KgError):
    """The Dask cluster cannot be reached or started."""


def extract_on_cluster(articles: list[Article], address: str,
                       progress: Callable[[int, int], None] | None = None,
                       keep: Callable[[Extraction], Extraction] | None = None) -> list[Extraction]:
    """Every article's extraction, in the order given, computed on the cluster at `address` (`keep` turns each into
    what is kept of it, batch by batch as they are gathered); raises ClusterError."""
    batches = [articles[i:i + BATCH] for i in range(0, len(articles), BATCH)]
    with client_for(address) as client:
        from distributed import as_completed

        from kg.pipeline import extract_batch

        futures = client.map(extract_batch, batches, pure=False)
        sizes = {future.key: len(batch) for future, batch in zip(futures, batches, strict=True)}
        done = 0
        for future in as_completed(futures):
            if future.status == "error":
                raise ClusterError(f"a task failed on the cluster: {future.exception()}")
            done += sizes[future.key]
            if progress:
                progress(done, len(articles))
        found = []
        for future in futures:  # in order, each batch let go once kept
            found.extend(keep(ex) if keep else ex for ex in future.result())
            future.release()
        return found


@contextmanager
def client_for(address: str) -> Iterator:
    """A Dask client of the scheduler at `address`, or of a LocalCluster of one worker process per core when
    `address` is `local`; closed (and the local cluster stopped) on exit."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--cluster needs Dask's distributed: pip install 'nyhetsgraf[cluster]'") from None
    try:
        if address == "local":
            workers = os.cpu_count() or 1
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                              silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
                yield client
        else:
            with Client(address, timeout=CONNECT_TIMEOUT) as client:
                yield client
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"cannot reach the Dask cluster at {address}: {err}") from err
