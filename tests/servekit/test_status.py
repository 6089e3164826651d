"""servekit.status.status_from_details: Ray's ServeStatus from the controller's details dict."""

from __future__ import annotations

import pytest

pytest.importorskip("ray.serve")

from ray.serve._private.common import DeploymentStatus, DeploymentStatusTrigger  # noqa: E402
from ray.serve.schema import ApplicationStatus, ProxyStatus, ReplicaState  # noqa: E402

from servekit.status import serve_status, status_from_details  # noqa: E402


def _replica(state) -> dict:
    return {"replica_id": "r", "state": state, "pid": 1, "node_id": "n"}


def test_replica_states_are_counted_by_state_name_enums_or_strings():
    details = {
        "target_capacity": None,
        "proxies": {"node-1": {"status": ProxyStatus.HEALTHY, "node_id": "node-1"}},
        "applications": {"facechain": {
            "status": ApplicationStatus.RUNNING, "message": "", "last_deployed_time_s": 12.5,
            "deployments": {
                "Diffusion": {"status": DeploymentStatus.UPSCALING,
                              "status_trigger": DeploymentStatusTrigger.AUTOSCALING,
                              "message": "scaling", "replicas": [
                                  _replica(ReplicaState.RUNNING), _replica(ReplicaState.RUNNING),
                                  _replica("STARTING")]},
                "Ingress": {"status": "HEALTHY", "status_trigger": "CONFIG_UPDATE_COMPLETED",
                            "replicas": [_replica(ReplicaState.RUNNING)]},
                "TalkingHead": {"status": DeploymentStatus.HEALTHY,
                                "status_trigger": DeploymentStatusTrigger.CONFIG_UPDATE_COMPLETED,
                                "replicas": []}}}}}
    status = status_from_details(details)
    app = status.applications["facechain"]
    assert app.status == ApplicationStatus.RUNNING and app.last_deployed_time_s == 12.5
    diffusion = app.deployments["Diffusion"]
    assert diffusion.replica_states == {"RUNNING": 2, "STARTING": 1}
    assert diffusion.status == DeploymentStatus.UPSCALING and diffusion.message == "scaling"
    assert diffusion.status_trigger == DeploymentStatusTrigger.AUTOSCALING
    assert app.deployments["Ingress"].replica_states == {"RUNNING": 1}
    assert app.deployments["Ingress"].message == ""
    assert app.deployments["TalkingHead"].replica_states == {}
    assert status.proxies == {"node-1": ProxyStatus.HEALTHY}


def test_no_applications_is_an_empty_status():
    status = status_from_details({"proxies": {}, "applications": {}})
    assert status.applications == {} and status.proxies == {}


def test_a_details_dict_of_another_shape_raises_for_the_fallback():
    with pytest.raises(KeyError):
        status_from_details({"applications": {"a": {"deployments": {"D": {"replicas": []}}}}})


def test_without_a_ray_connection_it_answers_empty_and_starts_no_ray(monkeypatch):
    """serve.status() would start a local Ray in this process (a test's fake ingress, a CLI)."""
    import ray
    from ray.serve import context

    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(context, "_get_global_client", lambda **kw: pytest.fail("connected"))
    status = serve_status()
    assert status.applications == {} and status.proxies == {}
