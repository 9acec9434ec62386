"""Where the pipeline runs: in this process, in N local worker processes, or on Dask.

Every runner takes batches of (item name, Document) and gives back, in the same order,
one Outcome per document; the caller (geomap.ingest) stays the one writer to the store.
Workers build the pipeline once, on their first batch, from a picklable factory (the
Pipeline class by default), so the model and the gazetteer are loaded once per worker.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import uuid
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Protocol

from geomap.errors import ConfigurationError, GeomapError
from geomap.records import Document, ProcessedDocument

log = logging.getLogger(__name__)

Batch = list[tuple[str, Document]]


class PipelineLike(Protocol):
    def pipe(self, documents: Iterable[Document]) -> Iterator[ProcessedDocument]: ...


PipelineFactory = Callable[[], PipelineLike]


@dataclass(frozen=True)
class Outcome:
    """What became of one document: its processed form, or why processing failed."""

    name: str
    doc_id: str
    processed: ProcessedDocument | None = None
    error: str | None = None


def process_batch(pipeline: PipelineLike, batch: Batch) -> list[Outcome]:
    """The batch through pipe() in one go; if that fails, one by one, so one bad article
    costs only itself."""
    try:
        done = list(pipeline.pipe([doc for _, doc in batch]))
    except Exception as exc:  # a pipeline bug must not end the run: retry alone, then name the article
        if len(batch) > 1:
            return [out for pair in batch for out in process_batch(pipeline, [pair])]
        log.debug("processing %s failed", batch[0][0], exc_info=True)
        return [_failed(batch[0], f"processing failed: {type(exc).__name__}: {exc}")]
    if len(done) == len(batch) and all(p.document.id == d.id for (_, d), p in zip(batch, done)):
        return [Outcome(name, doc.id, p) for (name, doc), p in zip(batch, done)]
    if len(batch) > 1:
        return [out for pair in batch for out in process_batch(pipeline, [pair])]
    return [_failed(batch[0], "the pipeline gave no result for it")]


def _failed(pair: tuple[str, Document], reason: str) -> Outcome:
    return Outcome(pair[0], pair[1].id, error=reason)


class Runner(Protocol):
    workers: int

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]: ...

    def close(self) -> None: ...


class SerialRunner:
    """The pipeline in this process (``--workers 1``)."""

    def __init__(self, pipeline: PipelineLike | None = None, factory: PipelineFactory | None = None) -> None:
        if pipeline is None and factory is None:
            raise ConfigurationError("SerialRunner needs a pipeline or a factory")
        self._pipeline = pipeline
        self._factory = factory
        self.workers = 1

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]:
        if self._pipeline is None:
            assert self._factory is not None
            self._pipeline = self._factory()
        for batch in batches:
            yield process_batch(self._pipeline, batch)

    def close(self) -> None:
        pass


def _windowed(submit: Callable[[Batch], Future], batches: Iterable[Batch], window: int
              ) -> Iterator[list[Outcome]]:
    """Keep ``window`` batches in flight and yield results in input order; reading stays
    only a little ahead of processing, so memory does not grow with the corpus."""
    pending: deque[Future] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


# worker side of ProcessRunner -------------------------------------------------------
_worker_pipeline: PipelineLike | None = None


def _worker_init() -> None:
    # Ctrl-C is the parent's business: it stops the run and tidies up the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # N workers on N cores: math libraries must not each start a thread per core too
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def _worker_process(factory: PipelineFactory, batch: Batch) -> list[Outcome]:
    global _worker_pipeline
    if _worker_pipeline is None:
        log.info("worker %d: building the pipeline", os.getpid())
        _worker_pipeline = factory()
    return process_batch(_worker_pipeline, batch)


class ProcessRunner:
    """N local worker processes (``--workers N``), each with its own pipeline."""

    def __init__(self, workers: int, factory: PipelineFactory, *, window_per_worker: int = 4) -> None:
        if workers < 1:
            raise ConfigurationError(f"--workers must be at least 1, got {workers}")
        self.workers = workers
        self._factory = factory
        # spawn, not fork: the parent holds an SQLite connection and maybe threads
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_worker_init)
        self._window = workers * window_per_worker

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]:
        try:
            yield from _windowed(lambda b: self._pool.submit(_worker_process, self._factory, b),
                                 batches, self._window)
        except BrokenProcessPool as exc:
            raise GeomapError(
                "a worker process died (killed, or out of memory?); what was stored stays, "
                "run the same command again, perhaps with fewer --workers"
            ) from exc

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def kill(self) -> None:
        """Stop at once (Ctrl-C): the workers' results are not wanted any more."""
        for process in list(getattr(self._pool, "_processes", {}).values()):
            process.terminate()
        self._pool.shutdown(wait=False, cancel_futures=True)


# Dask ------------------------------------------------------------------------------
_dask_cache: dict[str, Any] = {}
_dask_lock = threading.Lock()


def _dask_process(key: str, factory: PipelineFactory, batch: Batch) -> list[Outcome]:
    # a Dask worker may run tasks in several threads; one pipeline per worker, used in turn
    with _dask_lock:
        if key not in _dask_cache:
            _dask_cache.clear()  # a long-lived worker keeps only the current run's pipeline
            _dask_cache[key] = factory()
        return process_batch(_dask_cache[key], batch)


class DaskRunner:
    """The pipeline on a Dask distributed cluster: ``address`` of a scheduler, or "local"
    for a LocalCluster of ``workers`` processes on this machine."""

    def __init__(self, address: str, factory: PipelineFactory, *, workers: int | None = None,
                 timeout: float = 20.0) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigurationError("--dask needs Dask: pip install 'dask[distributed]'") from exc
        self._cluster = None
        try:
            if address == "local":
                self._cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self._client = Client(self._cluster)
            else:
                self._client = Client(address, timeout=f"{timeout}s")
        except (OSError, TimeoutError) as exc:
            self.close()
            raise GeomapError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        self.workers = len(self._client.scheduler_info().get("workers", {})) or (workers or 1)
        self._factory = factory
        self._key = uuid.uuid4().hex

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]:
        submit = lambda b: self._client.submit(_dask_process, self._key, self._factory, b, pure=False)  # noqa: E731
        yield from _windowed(submit, batches, self.workers * 2)

    def close(self) -> None:
        client, self._client = getattr(self, "_client", None), None
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def make_runner(*, workers: int = 1, dask: str | None = None, factory: PipelineFactory | None = None,
                pipeline: PipelineLike | None = None) -> Runner:
    """The runner the CLI's --workers / --dask ask for."""
    if factory is None:
        from geomap.pipeline import Pipeline

        factory = Pipeline
    if dask:
        return DaskRunner(dask, factory, workers=workers if workers > 1 else None)
    if workers <= 1:
        return SerialRunner(pipeline, factory)
    return ProcessRunner(workers, factory)
