"""One served local graph (configs/serve/local.yaml on the tiny profile) for every test module
that needs the real app over HTTP: deploying its 17 replicas costs about two minutes on 2 cores,
so test_http.py, the browser journey and the fault drills share it. The tests that use it run
last, in their modules' order, so the graph stays up for them only and no other test's Ray
overlaps it; those marked ``disrupts_graph`` (they kill replicas and restart the app) run after
all the others."""

from __future__ import annotations

import os

import pytest

LIVE_GRAPH = "live_graph"


@pytest.fixture(scope="session")
def live_graph(tmp_path_factory):
    """The running graph (``serve.harness.LocalGraph``): uploads up to 2 MB, the app's own
    timeout 170 s (a talk job in the browser journey). Its state lives under
    ``graph.job_store.parent``. Tests that share it see each other's LoRAs, jobs and styles."""
    pytest.importorskip("ray.serve")
    from serve.harness import local_graph

    root = tmp_path_factory.mktemp("served")
    with pytest.MonkeyPatch.context() as env:  # for this cluster only
        env.setenv("RAY_AUTH_MODE", os.environ.get("RAY_AUTH_MODE", "disabled"))
        with local_graph("configs/serve/local.yaml", root,
                         args={"max_upload_mb": 2, "request_timeout_s": 170}) as graph:
            yield graph


def pytest_collection_modifyitems(config, items):
    """Move the tests that use :func:`live_graph` (directly or through a fixture) to the end,
    those marked ``disrupts_graph`` last; the order within each group is kept."""
    uses = [item for item in items if LIVE_GRAPH in getattr(item, "fixturenames", ())]
    uses.sort(key=lambda item: item.get_closest_marker("disrupts_graph") is not None)
    if uses:
        chosen = {id(item) for item in uses}
        items[:] = [item for item in items if id(item) not in chosen] + uses
