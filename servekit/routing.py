"""Running replicas as the callers' request routers see them, for free.

Serve's controller pushes every change of a deployment's running replicas to the request router
of each handle that calls it (long poll). :class:`ReplicaCountingRouter` records the count as it
arrives, per (application, deployment), in this process, so the ingress's admission gates follow
the autoscaler without polling ``serve.status()``, which makes the controller build and the
caller parse the whole graph's status at normal priority, competing for the CPU with the
rejections the gate answers (one overload drill with the poll off: rejection p99 74 ms, against
200 ms with it, on a machine too noisy to call that settled; loadtests/README.md).

A router exists only once its handle has sent a request; until then :func:`routed_replicas`
does not name the deployment and callers fall back to ``serve.status()``.
"""

from __future__ import annotations

from ray.serve._private.request_router.pow_2_router import PowerOfTwoChoicesRequestRouter

__all__ = ["ReplicaCountingRouter", "routed_replicas"]

_RUNNING: dict[str, dict[str, int]] = {}


def routed_replicas() -> dict[str, dict[str, int]]:
    """``{application: {deployment: running replicas}}`` as this process's routers last heard."""
    return {app: dict(deployments) for app, deployments in _RUNNING.items()}


class ReplicaCountingRouter(PowerOfTwoChoicesRequestRouter):
    """Serve's power of two choices, recording the running replicas it is given."""

    def update_replicas(self, replicas) -> None:
        super().update_replicas(replicas)
        deployment = self._deployment_id
        _RUNNING.setdefault(deployment.app_name, {})[deployment.name] = len(replicas)
