"""The served graph on an embedded local Ray, for scripts and tests that drive it over HTTP.

One place for what the demo, the served benchmarks, the load and fault drills and the HTTP tests
all need: a free port, the job store and artifacts in a folder of the caller's, Ray started and the
config deployed, and everything shut down again on the way out (also on error).

    with json_stdout(), local_graph("configs/serve/local.yaml", tmp) as graph:
        httpx.get(f"{graph.base_url}/readyz")
    print(json.dumps(result))          # stdout holds exactly this JSON object

Only one graph per process: Ray and Serve are process-wide.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from serve.cli import deploy, load_config, start_local_ray

__all__ = ["LocalGraph", "free_port", "json_stdout", "local_graph"]

logger = logging.getLogger("facechain.serve")

START_ATTEMPTS = 3


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def json_stdout() -> Iterator[None]:
    """Send file descriptor 1 to stderr while inside, so that Ray's log monitor and native
    libraries that write on the driver's stdout cannot mix into the JSON printed after."""
    sys.stdout.flush()
    real_stdout = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(real_stdout, 1)
        os.close(real_stdout)


@dataclass
class LocalGraph:
    """A deployed local graph: its URL, the config it runs and where it keeps its state."""

    base_url: str
    port: int
    metrics_port: int
    config: dict
    job_store: Path
    artifacts: Path
    deploy_s: float

    def redeploy(self) -> float:
        """Shut Serve down and deploy the same config again on the same job store and artifacts
        (a whole-app restart); returns the seconds until it runs again."""
        from ray import serve

        serve.shutdown()
        started = time.perf_counter()
        deploy(self.config)
        return time.perf_counter() - started


    @property
    def metrics_url(self) -> str:
        """Ray's Prometheus export of this node (every replica's metrics)."""
        return f"http://127.0.0.1:{self.metrics_port}/metrics"


@contextmanager
def local_graph(config_path: str | Path, storage: str | Path, *,
                args: dict[str, Any] | None = None, port: int | None = None,
                num_cpus: int | None = None, wait_s: float | None = 900,
                edit: Callable[[dict], dict] | None = None) -> Iterator[LocalGraph]:
    """Start an embedded local Ray, deploy ``config_path`` with its job store and artifacts under
    ``storage`` (and the app ``args`` overridden; ``edit``: a last change of the config dict, as
    a benchmark's replica count), yield the running graph, then shut Serve and Ray down.
    ``port``: the HTTP port (default: a free one)."""
    storage = Path(storage)
    port, metrics_port = port or free_port(), free_port()
    job_store, artifacts = storage / "jobs.sqlite3", storage / "artifacts"
    config = load_config(config_path, port=port, overrides={
        "job_store": str(job_store), "artifacts": str(artifacts), **(args or {})})
    if edit is not None:
        config = edit(config)
    import ray
    from ray import serve

    for attempt in range(START_ATTEMPTS):  # a raylet gets 30 s to register: a loaded machine
        try:                                # may need more
            start_local_ray(num_cpus=num_cpus, metrics_port=metrics_port, log_to_driver=False)
            break
        except Exception:
            ray.shutdown()
            if attempt == START_ATTEMPTS - 1:
                raise
            logger.warning("local Ray did not start; again", exc_info=True)

    try:
        started = time.perf_counter()
        deploy(config, wait_s=wait_s)
        yield LocalGraph(base_url=f"http://127.0.0.1:{port}", port=port,
                         metrics_port=metrics_port, config=config,
                         job_store=job_store, artifacts=artifacts,
                         deploy_s=round(time.perf_counter() - started, 1))
    finally:
        try:
            serve.shutdown()
        finally:
            ray.shutdown()
