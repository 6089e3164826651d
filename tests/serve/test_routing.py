"""servekit.routing: the running replicas recorded as Serve's long poll hands them to a router."""

from __future__ import annotations

from ray.serve._private.common import DeploymentHandleSource, DeploymentID
from ray.serve._private.request_router.pow_2_router import PowerOfTwoChoicesRequestRouter

from serve.limits import ADMISSION_DEPLOYMENTS
from servekit.loras import LoraAffinityRouter
from servekit.routing import ReplicaCountingRouter, routed_replicas


def test_routers_record_each_update_of_running_replicas(monkeypatch):
    seen = []
    monkeypatch.setattr(PowerOfTwoChoicesRequestRouter, "update_replicas",
                        lambda self, replicas: seen.append(list(replicas)))
    routers = {name: cls(deployment_id=DeploymentID(name=name, app_name="counting-test"),
                         handle_source=DeploymentHandleSource.REPLICA)
               for name, cls in (("Diffusion", LoraAffinityRouter),
                                 ("TalkingHead", ReplicaCountingRouter))}
    assert "counting-test" not in routed_replicas()  # no update yet: callers fall back
    routers["Diffusion"].update_replicas(["r1"])
    routers["TalkingHead"].update_replicas(["t1", "t2"])
    routers["Diffusion"].update_replicas(["r1", "r2"])  # the autoscaler added one
    assert routed_replicas()["counting-test"] == {"Diffusion": 2, "TalkingHead": 2}
    routers["TalkingHead"].update_replicas([])  # all gone
    assert routed_replicas()["counting-test"]["TalkingHead"] == 0
    assert len(seen) == 4  # Serve's own bookkeeping still ran every time
    # every gated class's deployment has a counting router
    assert set(ADMISSION_DEPLOYMENTS.values()) == set(routers)
