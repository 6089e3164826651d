"""Serve's status (applications, deployments, replica states) without ``serve.status()``'s cost.

``serve.status()`` (Ray 2.60) turns the controller's answer, a plain dict, into a pydantic
``ServeInstanceDetails`` first. Building that model constructs every deployment's
``RequestRouterConfig``, which cloudpickles the deployment's request router class *by value*
(``register_pickle_by_value`` on its module), and pickling each function by value scans all of
``sys.modules``. In a process that imports torch and diffusers (~3,300 modules) that is ~10 ms of
CPU per deployment, holding the GIL: ~0.2-0.4 s per call for the 17-deployment graph on a busy
2-core machine (profiled in the Ingress under overload, where the admission gates' poll blocked
its event loop and made rejections wait). :func:`serve_status` builds the same
``ServeStatus`` (Ray's own dataclasses, what ``serve.status()`` returns) straight from that dict:
~1 ms against ~19 ms for a 2-deployment app in one measurement on this kind of machine.

    status = serve_status()   # a blocking controller call: asyncio.to_thread(...) on a loop
    status.applications["facechain"].deployments["Diffusion"].replica_states  # {"RUNNING": 2}

It reads the controller through Serve's global client, a private API of Ray 2.60
(``ray.serve.context._get_global_client``, which ``serve.status()`` itself uses); where that is
missing or answers in another shape it falls back to ``serve.status()``.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

logger = logging.getLogger(__name__)

__all__ = ["serve_status", "status_from_details"]


def _value(x: Any) -> Any:
    return getattr(x, "value", x)


def status_from_details(details: dict) -> Any:
    """``ServeStatus`` of the controller's ``get_serve_instance_details()`` dict, as
    ``ServeInstanceDetails._get_status()`` makes it (replica states counted by state name)."""
    from ray.serve._private.common import DeploymentStatus, DeploymentStatusTrigger
    from ray.serve.schema import (
        ApplicationStatus,
        ApplicationStatusOverview,
        DeploymentStatusOverview,
        ProxyStatus,
        ServeStatus,
    )

    applications = {}
    for app_name, app in (details.get("applications") or {}).items():
        deployments = {
            name: DeploymentStatusOverview(
                status=DeploymentStatus(_value(dep["status"])),
                status_trigger=DeploymentStatusTrigger(_value(dep["status_trigger"])),
                replica_states=dict(Counter(str(_value(r["state"]))
                                            for r in dep.get("replicas") or [])),
                message=dep.get("message") or "")
            for name, dep in (app.get("deployments") or {}).items()}
        applications[app_name] = ApplicationStatusOverview(
            status=ApplicationStatus(_value(app["status"])), message=app.get("message") or "",
            last_deployed_time_s=app.get("last_deployed_time_s") or 0.0, deployments=deployments)
    proxies = {node: ProxyStatus(_value(p["status"]))
               for node, p in (details.get("proxies") or {}).items()}
    return ServeStatus(proxies=proxies, applications=applications,
                       target_capacity=details.get("target_capacity"))


def serve_status() -> Any:
    """What ``serve.status()`` returns, built without its pydantic models (module docstring).
    An empty ``ServeStatus`` when this process is not connected to Ray (``serve.status()`` would
    start a Ray of its own) or Serve is not running; blocking (one controller call)."""
    import ray
    from ray import serve
    from ray.serve.schema import ServeStatus

    if not ray.is_initialized():
        return ServeStatus()

    try:
        from ray.serve.context import _get_global_client
    except ImportError:  # another Ray: its own way
        return serve.status()
    client = _get_global_client(raise_if_no_controller_running=False)
    if client is None:
        return ServeStatus()
    details = client.get_serve_details()
    try:
        return status_from_details(details)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        logger.warning("unexpected Serve details (%s); falling back to serve.status()", exc)
        return serve.status()
