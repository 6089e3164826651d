"""Process priority of the model replicas (called by ``setup_model_process`` in each model
deployment's constructor). Free of heavy imports, so it can also run as a Ray
``worker_process_setup_hook`` before a worker imports torch; the configs do not name it as one
yet (tried, and the niceness variable did not reach the replicas either way: see the strict
xfail in tests/serve/test_http.py).
"""

from __future__ import annotations

import os

MODEL_NICENESS_ENV = "FACECHAIN_MODEL_NICENESS"
"""Environment variable: the niceness (0-19) model replicas give their process (the configs set
it in the application's runtime_env and set it to 0 for the Ingress). The Ingress, Serve's proxy
and controller keep the default, so on a CPU-bound machine they are scheduled first: answering a
rejection or a poll never waits behind a denoising step or a replica's start."""


def lower_priority() -> int:
    """Raise this process's niceness to :data:`MODEL_NICENESS_ENV` (never lowers it, never
    stacks: a second call or a restarted replica in the same process changes nothing). Returns
    the niceness now in effect."""
    wanted = min(19, max(0, int(os.environ.get(MODEL_NICENESS_ENV, "0") or 0)))
    current = os.nice(0)
    if current < wanted:
        current = os.nice(wanted - current)
    return current
